//! Any bytes split into two outlets' articles, through the whole pipeline
//! and every renderer: no panic, and the same report twice.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use storydiff::load::text;
use storydiff::model::Story;
use storydiff::render::{self, Format, Layout};

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let half = input
        .char_indices()
        .nth(input.chars().count() / 2)
        .map_or(0, |(i, _)| i);
    let (a, b) = input.split_at(half);
    let story = Story {
        id: "fuzz".into(),
        versions: vec![text::parse(a, "a.txt", "a"), text::parse(b, "b.txt", "b")],
    };
    if storydiff::load::check(&story).is_err() {
        return;
    }
    let layout = Layout {
        width: 80,
        color: false,
    };
    let first = common::timed(data, || {
        let report = common::analyzer().analyze(&story);
        if let Ok(report) = &report {
            for format in [Format::Json, Format::Table, Format::Markdown, Format::Html] {
                let mut out = Vec::new();
                render::report(&mut out, report, format, layout).expect("writing to memory");
            }
        }
        report.map(|report| format!("{report:?}"))
    });
    let second = common::analyzer()
        .analyze(&story)
        .map(|report| format!("{report:?}"));
    assert_eq!(first, second);
});
