//! Any bytes split into two outlets' articles, through the whole pipeline
//! and every renderer: no panic, and the same report twice.
#![no_main]

use libfuzzer_sys::fuzz_target;
use storydiff::load::text;
use storydiff::model::Story;
use storydiff::{Config, analyze};

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let (a, b) = input.split_at(input.char_indices().nth(input.chars().count() / 2).map_or(0, |(i, _)| i));
    let story = Story {
        id: "fuzz".into(),
        versions: vec![text::parse(a, "a.txt", "a"), text::parse(b, "b.txt", "b")],
    };
    let config = Config::default();
    if storydiff::load::check(&story).is_err() {
        return;
    }
    let first = analyze(&story, &config).map(|report| format!("{report:?}"));
    let second = analyze(&story, &config).map(|report| format!("{report:?}"));
    assert_eq!(first, second);
});
