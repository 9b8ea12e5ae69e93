//! Any bytes as a Markdown article with front matter: a version or an
//! error naming the file, never a panic; of a version, claims and skipped
//! entries account for all of the text.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use storydiff::load::markdown;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        common::timed(data, || match markdown::parse(text, "fuzz.md", "fuzz") {
            Ok(version) => common::nothing_lost(version),
            Err(error) => assert_eq!(error.source_name, "fuzz.md"),
        });
    }
});
