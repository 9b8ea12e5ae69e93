//! Any bytes as an HTML page: no panic, and the body keeps every character
//! at its place (one character of body per character of page).
#![no_main]

use libfuzzer_sys::fuzz_target;
use storydiff::load::html;

fuzz_target!(|data: &[u8]| {
    if let Ok(page) = std::str::from_utf8(data) {
        let version = html::parse(page, "fuzz.html", "fuzz");
        assert_eq!(version.body.chars().count(), page.chars().count());
    }
});
