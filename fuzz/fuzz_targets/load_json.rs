//! Any bytes as a `.json` story or a line of a `.jsonl` corpus, through the
//! same decoding as files: versions or an error naming the file; of each
//! version, claims and skipped entries account for all of the text.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use storydiff::load::{self, json};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = load::decode(data.to_vec(), "fuzz.json") else {
        return;
    };
    common::timed(data, || match json::parse(&text, "fuzz.json", "fuzz") {
        Ok(loaded) => loaded.versions.into_iter().for_each(common::nothing_lost),
        Err(error) => assert_eq!(error.source_name, "fuzz.json"),
    });
});
