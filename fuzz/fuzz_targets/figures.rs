//! Any text as a claim: every figure's span lies on char boundaries.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use storydiff::extract::figures::{Context, find_figures};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let context = Context { published: None };
    common::timed(data, || {
        for figure in find_figures(text, &context) {
            assert!(text.is_char_boundary(figure.span.start));
            assert!(text.is_char_boundary(figure.span.end));
        }
    });
});
