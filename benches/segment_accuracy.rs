//! Measures sentence segmentation against pragmatic_segmenter's English cases.
//!
//! Reads `../shared/eval-dev/segment-more-en.jsonl` relative to the crate root
//! (each line: `input`, `expected` list of sentences) and reports, for
//! storydiff's segmenter and for raw sentencex as a baseline, the share of
//! cases segmented exactly right and boundary precision, recall and F1 over
//! sentence texts (whitespace collapsed). Then, when
//! `../shared/eval-dev/allsides-corpus.jsonl` is there, compares the two on
//! real news excerpts, which have no gold segmentation. Run with
//! `cargo bench --bench segment_accuracy`; pass `-v` after `--` to list the
//! cases storydiff gets wrong.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

/// One evaluation case: an input text and the sentences expected from it.
struct Case {
    name: String,
    input: String,
    expected: Vec<String>,
}

/// Counts over all cases for one segmenter.
#[derive(Default)]
struct Score {
    cases: usize,
    exact: usize,
    predicted: usize,
    expected: usize,
    matched: usize,
}

impl Score {
    fn add(&mut self, predicted: &[String], expected: &[String]) {
        self.cases += 1;
        if predicted == expected {
            self.exact += 1;
        }
        self.predicted += predicted.len();
        self.expected += expected.len();
        let mut pool: HashMap<&str, usize> = HashMap::new();
        for sentence in expected {
            *pool.entry(sentence).or_default() += 1;
        }
        for sentence in predicted {
            if let Some(left) = pool.get_mut(sentence.as_str()).filter(|n| **n > 0) {
                *left -= 1;
                self.matched += 1;
            }
        }
    }

    fn print(&self, label: &str) {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(self.matched, self.predicted);
        let recall = ratio(self.matched, self.expected);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        println!(
            "{label:<22} exact {:>3}/{:<3} ({:.3})  precision {precision:.3}  recall {recall:.3}  F1 {f1:.3}",
            self.exact,
            self.cases,
            ratio(self.exact, self.cases),
        );
    }
}

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn texts_of(input: &str, ranges: Vec<Range<usize>>) -> Vec<String> {
    ranges
        .into_iter()
        .map(|r| normalise(&input[r]))
        .filter(|s| !s.is_empty())
        .collect()
}

fn baseline(input: &str) -> Vec<Range<usize>> {
    sentencex::get_sentence_boundaries("en", input)
        .into_iter()
        .map(|b| b.start_byte..b.end_byte)
        .collect()
}

fn load(path: &Path) -> Vec<Case> {
    let text = std::fs::read_to_string(path).expect("readable evaluation file");
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            Case {
                name: value["name"].as_str().unwrap_or_default().to_string(),
                input: value["input"].as_str().unwrap_or_default().to_string(),
                expected: value["expected"]
                    .as_array()
                    .map(|list| {
                        list.iter()
                            .filter_map(|s| s.as_str())
                            .map(normalise)
                            .filter(|s| !s.is_empty())
                            .collect()
                    })
                    .unwrap_or_default(),
            }
        })
        .collect()
}

/// The evaluation file, relative to the crate root.
const DATA: &str = "../shared/eval-dev/segment-more-en.jsonl";

fn main() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(DATA);
    if !path.exists() {
        println!("{DATA} not found; nothing to measure");
        return;
    }
    let verbose = std::env::args().any(|a| a == "-v" || a == "--verbose");
    let cases = load(&path);
    let mut ours = Score::default();
    let mut raw = Score::default();
    for case in &cases {
        let predicted = texts_of(&case.input, storydiff::segment::sentences(&case.input));
        if verbose && predicted != case.expected {
            println!("--- {}", case.name);
            println!("input:    {:?}", case.input);
            for s in &case.expected {
                println!("  expect: {s:?}");
            }
            for s in &predicted {
                println!("  got:    {s:?}");
            }
        }
        ours.add(&predicted, &case.expected);
        raw.add(
            &texts_of(&case.input, baseline(&case.input)),
            &case.expected,
        );
    }
    println!("segmentation on {DATA} ({} cases)", cases.len());
    ours.print("storydiff::segment");
    raw.print("raw sentencex");
    compare_on_news();
}

/// News excerpts without gold segmentation, to compare the two segmenters on.
const NEWS: &str = "../shared/eval-dev/allsides-corpus.jsonl";

/// How often the two segmenters disagree on real news text, and how often
/// each leaves an opening quotation mark dangling at the end of a sentence.
fn compare_on_news() {
    let Ok(corpus) = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(NEWS))
    else {
        return;
    };
    let dangling = |s: &String| s.ends_with('“') || s.ends_with(" \"") || s == "\"";
    let (mut texts, mut differ, mut ours_dangling, mut raw_dangling) = (0, 0, 0, 0);
    for line in corpus.lines().filter(|l| !l.trim().is_empty()) {
        let value: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        let text = value["text"].as_str().unwrap_or_default();
        let ours = texts_of(text, storydiff::segment::sentences(text));
        let raw = texts_of(text, baseline(text));
        texts += 1;
        differ += usize::from(ours != raw);
        ours_dangling += ours.iter().filter(|s| dangling(s)).count();
        raw_dangling += raw.iter().filter(|s| dangling(s)).count();
    }
    println!(
        "news excerpts in {NEWS}: {texts} texts, segmented differently in {differ}; \
         sentences ending in an opening quotation mark: storydiff {ours_dangling}, raw sentencex {raw_dangling}"
    );
}
