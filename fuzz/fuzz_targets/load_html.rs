//! Any bytes as an HTML page: no panic, the body keeps every character at
//! its place (one character of body per character of page), and claims
//! and skipped entries account for all of the body's text.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use storydiff::load::html;

fuzz_target!(|data: &[u8]| {
    if let Ok(page) = std::str::from_utf8(data) {
        common::timed(data, || {
            let version = html::parse(page, "fuzz.html", "fuzz");
            assert_eq!(version.body.chars().count(), page.chars().count());
            common::nothing_lost(version);
        });
    }
});
