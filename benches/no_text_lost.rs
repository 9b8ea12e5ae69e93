//! No text lost on full articles: over the BASIL dev corpus
//! (`../shared/eval-dev/basil-corpus.jsonl`), each version's claims plus
//! its `skipped` entries should account for every character of its
//! article text (headline and body) that is not whitespace. Prints the
//! versions and characters read, the skipped entries by reason, and the
//! characters unaccounted for (the target is 0); exits 1 when any is.
//!
//! `cargo bench --bench no_text_lost`; without the data it says so and
//! exits 0.
#![allow(clippy::print_stdout, missing_docs)]

use std::collections::BTreeMap;
use std::path::Path;

use storydiff::model::SkipReason;
use storydiff::model::skip::unaccounted;
use storydiff::{Analyzer, Config};

const DATA: &str = "../shared/eval-dev/basil-corpus.jsonl";

fn main() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join(DATA);
    if !corpus.is_file() {
        println!(
            "no_text_lost: {} not found; nothing to measure",
            corpus.display()
        );
        return;
    }
    let analyzer = Analyzer::new(&Config::default()).expect("the default configuration is valid");
    let (mut stories, mut versions, mut chars, mut lost) = (0, 0, 0usize, 0usize);
    let mut reasons: BTreeMap<SkipReason, (usize, usize)> = BTreeMap::new();
    for story in storydiff::load::jsonl::open_file(&corpus) {
        let story = match story {
            Ok(story) => story,
            Err(error) => {
                println!("unreadable: {error}");
                continue;
            }
        };
        stories += 1;
        let (claims, skipped) = analyzer.claims_and_skipped(&story);
        for (o, version) in story.versions.iter().enumerate() {
            versions += 1;
            chars += version
                .title
                .iter()
                .chain([&version.body])
                .flat_map(|t| t.chars())
                .filter(|c| !c.is_whitespace())
                .count();
            for skip in &skipped[o] {
                let entry = reasons.entry(skip.reason).or_default();
                entry.0 += 1;
                entry.1 += skip.text.chars().filter(|c| !c.is_whitespace()).count();
            }
            let missing = unaccounted(version, &claims[o], &skipped[o]);
            if let Some((at, _)) = missing.first() {
                println!(
                    "{} {} line {} column {}: {} characters unaccounted",
                    story.id,
                    version.outlet,
                    at.line,
                    at.column,
                    missing.len()
                );
            }
            lost += missing.len();
        }
    }
    println!("{stories} stories, {versions} versions, {chars} characters (not whitespace)");
    for (reason, (entries, skipped_chars)) in &reasons {
        let name = storydiff::model::name(reason);
        println!("skipped {name}: {entries} entries, {skipped_chars} characters");
    }
    println!("unaccounted characters: {lost} (target 0)");
    if lost > 0 {
        std::process::exit(1);
    }
}
