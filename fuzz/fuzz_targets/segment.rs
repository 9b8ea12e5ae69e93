//! Any text as an article body: sentences are trimmed, in order, on char
//! boundaries, and every claim's position lies inside the text.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use storydiff::load::text;
use storydiff::model::OutletId;
use storydiff::segment;

fuzz_target!(|data: &[u8]| {
    let Ok(body) = std::str::from_utf8(data) else {
        return;
    };
    common::timed(data, || {
        let mut end = 0;
        for range in segment::sentences(body) {
            assert!(range.start >= end && range.start < range.end);
            assert!(body.is_char_boundary(range.start) && body.is_char_boundary(range.end));
            end = range.end;
        }
        let version = text::parse(body, "fuzz.txt", "fuzz");
        let lines = body.split('\n').count();
        for claim in segment::segment(&version, OutletId(0)) {
            assert!(claim.at.line <= lines);
        }
    });
});
