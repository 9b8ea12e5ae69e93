//! Alignment cost as stories grow: outlets × claims, and a corpus end to end.
//!
//! Run with `cargo bench --bench scale`. Prints the median of a few runs for
//! one story of 100, 200 and 400 outlets × 60 claims (alignment only, claims
//! segmented beforehand), each as a ratio to the 100-outlet case measured in
//! the same run, with how well the generated base claims were recovered; then
//! 1,000 stories × 4 outlets through `storydiff::analyze`.

#![allow(clippy::print_stdout)]

mod common;

/// The allocator the `storydiff` binary ships with
/// (`src/bin/storydiff/allocator.rs`), so that the bench measures the cost
/// users of the command see. With the system allocator the doubling ratios
/// are about 0.05 higher (docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::time::{Duration, Instant};

use rayon::prelude::*;
use storydiff::align::{AlignConfig, Cluster, align};
use storydiff::model::OutletId;

/// Runs per measurement; the median is reported.
const RUNS: usize = 5;

/// Claims per outlet in the single-story cases.
const CLAIMS: usize = 60;

fn main() {
    let config = storydiff::Config::default();
    println!("one story, {CLAIMS} claims per outlet, alignment only (median of {RUNS} runs)");
    let cases: Vec<_> = [100, 200, 400]
        .into_iter()
        .map(|outlets| {
            let generated = common::story(1, common::Shape::new(outlets, CLAIMS));
            let claims = storydiff::claims(&generated.story, &config).unwrap();
            (outlets, generated, claims)
        })
        .collect();
    // Runs are interleaved across the cases so that a change in the load of
    // the machine during the benchmark touches every case alike.
    let mut times = vec![Vec::new(); cases.len()];
    for _ in 0..RUNS {
        for (case, (_, _, claims)) in cases.iter().enumerate() {
            let start = Instant::now();
            align(claims, &AlignConfig::default());
            times[case].push(start.elapsed());
        }
    }
    let medians: Vec<Duration> = times
        .into_iter()
        .map(|mut t| {
            t.sort();
            t[RUNS / 2]
        })
        .collect();
    for ((outlets, generated, claims), time) in cases.iter().zip(&medians) {
        let clusters = align(claims, &AlignConfig::default());
        let total: usize = claims.iter().map(Vec::len).sum();
        let (purity, spread) = recovery(&clusters, &generated.truth, claims);
        println!(
            "  {outlets:>3} outlets: {total:>6} claims  {:>8.1} ms  ratio {:.2}  clusters {}  purity {purity:.3}  clusters per base claim {spread:.2}",
            ms(*time),
            time.as_secs_f64() / medians[0].as_secs_f64(),
            clusters.len(),
        );
    }
    println!(
        "  400 vs 200 outlets: ratio {:.2}",
        medians[2].as_secs_f64() / medians[1].as_secs_f64()
    );

    let stories = 1000;
    let shape = common::Shape::new(4, 30);
    let corpus: Vec<_> = (0..stories)
        .map(|i| common::story(i, shape).story)
        .collect();
    let claims: usize = corpus
        .iter()
        .map(|s| {
            s.versions
                .iter()
                .map(|v| v.body.matches(". ").count() + 1)
                .sum::<usize>()
        })
        .sum();
    println!(
        "{stories} stories × 4 outlets × about 30 claims ({claims} sentences), storydiff::analyze"
    );
    let start = Instant::now();
    let segmented: Vec<_> = corpus
        .iter()
        .map(|s| storydiff::claims(s, &config).unwrap())
        .collect();
    let segmenting = start.elapsed();
    let start = Instant::now();
    for claims in &segmented {
        align(claims, &config.align);
    }
    let aligning = start.elapsed();
    println!(
        "  of which segment and extract: {:.0} ms, align: {:.0} ms",
        ms(segmenting),
        ms(aligning)
    );
    let start = Instant::now();
    let sequential: usize = corpus
        .iter()
        .map(|s| {
            storydiff::analyze(s, &config)
                .expect("valid story")
                .clusters
                .len()
        })
        .sum();
    let one = start.elapsed();
    let start = Instant::now();
    let parallel: usize = corpus
        .par_iter()
        .map(|s| {
            storydiff::analyze(s, &config)
                .expect("valid story")
                .clusters
                .len()
        })
        .sum();
    let all = start.elapsed();
    assert_eq!(sequential, parallel);
    println!(
        "  one thread: {:.0} ms ({:.2} ms a story)   rayon on {} threads: {:.0} ms",
        ms(one),
        ms(one) / stories as f64,
        rayon::current_num_threads(),
        ms(all)
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// How well clusters recover the generated base claims: the share of claims
/// whose cluster's most common base claim is their own (purity), and the
/// mean number of clusters a base claim's renderings are spread over (1 is
/// perfect).
fn recovery(
    clusters: &[Cluster],
    truth: &[Vec<Option<usize>>],
    claims: &[Vec<storydiff::Claim>],
) -> (f64, f64) {
    let origin = |o: OutletId, i: usize| {
        if claims[o.0].len() == truth[o.0].len() {
            truth[o.0][i]
        } else {
            None
        }
    };
    let mut pure = 0usize;
    let mut total = 0usize;
    let mut spread: std::collections::BTreeMap<usize, usize> = Default::default();
    for cluster in clusters {
        let bases: Vec<usize> = cluster
            .members
            .iter()
            .filter_map(|m| origin(m.claim.outlet, m.claim.index))
            .collect();
        let mut counts: std::collections::BTreeMap<usize, usize> = Default::default();
        for &b in &bases {
            *counts.entry(b).or_default() += 1;
        }
        pure += counts.values().max().copied().unwrap_or(0);
        total += bases.len();
        for &b in counts.keys() {
            *spread.entry(b).or_default() += 1;
        }
    }
    let mean_spread = spread.values().sum::<usize>() as f64 / spread.len().max(1) as f64;
    (pure as f64 / total.max(1) as f64, mean_spread)
}
