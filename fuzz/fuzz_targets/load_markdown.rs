//! Any bytes as a Markdown article with front matter: a version or an
//! error naming the file, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use storydiff::load::markdown;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Err(error) = markdown::parse(text, "fuzz.md", "fuzz") {
            assert_eq!(error.source_name, "fuzz.md");
        }
    }
});
