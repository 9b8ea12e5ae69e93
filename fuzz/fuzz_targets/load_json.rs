//! Any bytes as a `.json` story or a line of a `.jsonl` corpus, through the
//! same decoding as files: versions or an error naming the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use storydiff::load::{self, json};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = load::decode(data.to_vec(), "fuzz.json") else {
        return;
    };
    if let Err(error) = json::parse(&text, "fuzz.json", "fuzz") {
        assert_eq!(error.source_name, "fuzz.json");
    }
});
