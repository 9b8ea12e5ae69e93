//! Speed of figure extraction on full articles.
//!
//! Reads `../shared/eval-dev/basil-corpus.jsonl` relative to the project
//! root, splits every article into claims once, then times
//! `find_figures` over all of them (the best of several rounds) and prints
//! MB/s of claim text. With `STORYDIFF_BASELINE=/path/to/old/storydiff` it
//! also runs `storydiff figures --format json` on the corpus with that
//! binary and with this one, A B A B, on one thread each, and prints the
//! ratio of their median times and MB/s of the corpus file: the speed-up
//! measured side by side in one run. It also prints the
//! cost per KB of comparing a claim of 300 figures against that of ordinary
//! claims. Run with
//! `cargo bench --bench figure_speed`; without the data it says so and
//! exits 0.
#![allow(clippy::print_stdout, missing_docs)]

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use storydiff::compare::figures::compare_cluster;
use storydiff::extract::figures::{Context, find_figures};
use storydiff::model::{Claim, ClaimRef, OutletId, Position};

const DATA: &str = "../shared/eval-dev/basil-corpus.jsonl";

/// Rounds of in-process extraction; the fastest counts (the machine is
/// shared, and the fastest round is the least disturbed).
const ROUNDS: usize = 5;

/// Runs of each binary, alternating.
const RUNS: usize = 6;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn run(binary: &Path, corpus: &Path) -> Duration {
    let start = Instant::now();
    let status = Command::new(binary)
        // one thread, so that the time is one core's and the machine's
        // other work disturbs both binaries alike
        .env("RAYON_NUM_THREADS", "1")
        .args(["figures", "--format", "json"])
        .arg(corpus)
        .stdout(std::process::Stdio::null())
        .status()
        .expect("storydiff runs");
    assert!(status.success(), "{} failed", binary.display());
    start.elapsed()
}

/// Extraction and comparison of two claims as one cluster, per KB of text.
fn per_kb(pairs: &[(String, String)], context: &Context) -> f64 {
    let claim = |o: usize, text: &str| {
        let mut c = Claim::new(OutletId(o), text.to_string(), Position::START, None);
        c.figures = find_figures(text, context);
        c
    };
    let bytes: usize = pairs.iter().map(|(a, b)| a.len() + b.len()).sum();
    let mut best = Duration::MAX;
    for _ in 0..ROUNDS {
        let start = Instant::now();
        for (a, b) in pairs {
            let claims = [claim(0, a), claim(1, b)];
            let members: Vec<(ClaimRef, &Claim)> = claims
                .iter()
                .enumerate()
                .map(|(o, c)| {
                    (
                        ClaimRef {
                            outlet: OutletId(o),
                            index: 0,
                        },
                        c,
                    )
                })
                .collect();
            std::hint::black_box(compare_cluster(&members));
        }
        best = best.min(start.elapsed());
    }
    best.as_secs_f64() * 1e3 / (bytes as f64 / 1e3)
}

/// The sentence of 300 figures ("Costs were $1 $2 ... $300.") against one
/// with none, which took seconds when each figure's scope was recomputed
/// for every other figure: its cost per KB against that of ordinary claims
/// paired in order.
fn pathological(texts: &[String], context: &Context) {
    let many: Vec<String> = (1..=FIGURES).map(|n| format!("${n}")).collect();
    let hostile = vec![(
        format!("Costs were {}.", many.join(" ")),
        "Costs rose sharply.".to_string(),
    )];
    let ordinary: Vec<(String, String)> = texts
        .chunks_exact(2)
        .map(|p| (p[0].clone(), p[1].clone()))
        .collect();
    let (h, o) = (per_kb(&hostile, context), per_kb(&ordinary, context));
    println!(
        "{FIGURES} figures in one claim: {h:.3} ms/KB, ordinary claims {o:.3} ms/KB: {:.1}x",
        h / o
    );
}

/// Figures in the pathological claim.
const FIGURES: usize = 300;

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
    pathological(&texts, &context);
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
    let file_mb = std::fs::metadata(&corpus).map_or(0.0, |m| m.len() as f64 / 1e6);
    println!(
        "storydiff figures on BASIL ({file_mb:.2} MB), one thread, median of {RUNS}: \
         baseline {:.0} ms ({:.1} MB/s), this build {:.0} ms ({:.1} MB/s): {:.2}x faster",
        old.as_secs_f64() * 1e3,
        file_mb / old.as_secs_f64(),
        new.as_secs_f64() * 1e3,
        file_mb / new.as_secs_f64(),
        old.as_secs_f64() / new.as_secs_f64()
    );
}
