//! Speed of figure extraction on full articles.
//!
//! Reads `../shared/eval-dev/basil-corpus.jsonl` relative to the project
//! root, splits every article into claims once, then times
//! `find_figures` over all of them (the best of several rounds) and prints
//! MB/s of claim text. With `STORYDIFF_BASELINE=/path/to/old/storydiff` it
//! also runs `storydiff figures --format json` on the corpus with that
//! binary and with this one, A B A B, and prints the ratio of their median
//! times: the speed-up measured side by side in one run. Run with
//! `cargo bench --bench figure_speed`; without the data it says so and
//! exits 0.
#![allow(clippy::print_stdout, missing_docs)]

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use storydiff::extract::figures::{Context, find_figures};

const DATA: &str = "../shared/eval-dev/basil-corpus.jsonl";

/// Rounds of in-process extraction; the fastest counts (the machine is
/// shared, and the fastest round is the least disturbed).
const ROUNDS: usize = 5;

/// Runs of each binary, alternating.
const RUNS: usize = 4;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn run(binary: &Path, corpus: &Path) -> Duration {
    let start = Instant::now();
    let status = Command::new(binary)
        .args(["figures", "--format", "json"])
        .arg(corpus)
        .stdout(std::process::Stdio::null())
        .status()
        .expect("storydiff runs");
    assert!(status.success(), "{} failed", binary.display());
    start.elapsed()
}

fn main() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join(DATA);
    if !corpus.is_file() {
        println!(
            "figure_speed: {} not found; nothing to measure",
            corpus.display()
        );
        return;
    }
    let config = storydiff::Config::default();
    let mut texts = Vec::new();
    for story in storydiff::load::jsonl::open_file(&corpus).flatten() {
        let Ok(claims) = storydiff::claims(&story, &config) else {
            continue;
        };
        for claim in claims.into_iter().flatten() {
            texts.push(claim.text);
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let context = Context::default();
    let mut best = Duration::MAX;
    let mut figures = 0;
    for _ in 0..ROUNDS {
        let start = Instant::now();
        figures = texts
            .iter()
            .map(|t| find_figures(t, &context).len())
            .sum::<usize>();
        best = best.min(start.elapsed());
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "find_figures: {} claims, {mb:.2} MB, {figures} figures in {:.1} ms: {:.1} MB/s",
        texts.len(),
        best.as_secs_f64() * 1e3,
        mb / best.as_secs_f64()
    );
    let Some(baseline) = std::env::var_os("STORYDIFF_BASELINE") else {
        println!("set STORYDIFF_BASELINE to an older storydiff binary to compare side by side");
        return;
    };
    let baseline = Path::new(&baseline);
    let current = Path::new(env!("CARGO_BIN_EXE_storydiff"));
    let (mut old, mut new) = (Vec::new(), Vec::new());
    for _ in 0..RUNS {
        old.push(run(baseline, &corpus));
        new.push(run(current, &corpus));
    }
    let (old, new) = (median(old), median(new));
    println!(
        "storydiff figures on BASIL: baseline {:.0} ms, this build {:.0} ms: {:.1}x faster",
        old.as_secs_f64() * 1e3,
        new.as_secs_f64() * 1e3,
        old.as_secs_f64() / new.as_secs_f64()
    );
}
