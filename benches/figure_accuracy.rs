//! Recall of figure extraction on the Recognizers-Text English number specs.
//!
//! Reads `../shared/eval-dev/numbers/{NumberModel,NumberRangeModel,PercentModel,
//! CurrencyModel}.jsonl` relative to the project root and prints, per file,
//! the share of expected values that storydiff finds. An expected value is
//! found when one of the figures storydiff extracts from the input has it:
//!
//! - numbers: the figure's low or high end equals the value;
//! - ranges (`(20,35]`): the figure's ends equal the interval's ends, an empty
//!   end matching an open one (or the 0 that storydiff gives "up to" bounds);
//!   a second, strict line also requires the same inclusive/exclusive ends;
//! - percentages: a percent figure with that number;
//! - currency: a money figure with that amount (the unit is reported apart).
//!
//! Expected values that are null (a bare "%" or "dollar") are not counted.
//! Each file's cases are split in two halves by a hash of their input, and
//! recall is printed for each: `dev`, whose misses `FIGURE_MISSES=1` lists,
//! and `held`, which no rule was written from.
//! Run with `cargo bench --bench figure_accuracy`; without the data it says so
//! and exits 0.
#![allow(clippy::print_stdout, missing_docs)]

use std::path::Path;

use serde_json::Value;
use storydiff::extract::figures::{Context, Endpoint, Figure, FigureKind, Qualifier, find_figures};

const DATA: &str = "../shared/eval-dev/numbers";
const FILES: [&str; 4] = [
    "NumberModel",
    "NumberRangeModel",
    "PercentModel",
    "CurrencyModel",
];

fn num(e: &Option<Endpoint>) -> Option<f64> {
    e.as_ref().and_then(Endpoint::number)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0) || (a - b).abs() < 1e-6
}

/// The figure states `v`: "about $ 35 million" states 35000000 though its
/// interval is wider.
fn stated(f: &Figure, v: f64) -> bool {
    f.value.is_some_and(|x| close(x, v))
}

fn has_value(figures: &[Figure], v: f64) -> bool {
    figures.iter().any(|f| {
        stated(f, v)
            || num(&f.low).is_some_and(|x| close(x, v))
            || num(&f.high).is_some_and(|x| close(x, v))
    })
}

/// Parse "(20,35]" into (low, low inclusive, high, high inclusive).
fn interval(s: &str) -> Option<(Option<f64>, bool, Option<f64>, bool)> {
    let lo_inc = s.starts_with('[');
    let hi_inc = s.ends_with(']');
    let inner = &s[1..s.len() - 1];
    let (a, b) = inner.split_once(',')?;
    let p = |x: &str| {
        if x.trim().is_empty() {
            None
        } else {
            x.trim().parse().ok()
        }
    };
    Some((p(a), lo_inc, p(b), hi_inc))
}

fn has_range(figures: &[Figure], expected: &str, strict: bool) -> bool {
    let Some((lo, lo_inc, hi, hi_inc)) = interval(expected) else {
        return false;
    };
    figures.iter().any(|f| {
        let low_ok = match lo {
            Some(v) => {
                num(&f.low).is_some_and(|x| close(x, v)) && (!strict || f.low_exclusive != lo_inc)
            }
            None => f.low.is_none() || f.qualifier == Qualifier::UpperBound,
        };
        let high_ok = match hi {
            Some(v) => {
                num(&f.high).is_some_and(|x| close(x, v)) && (!strict || f.high_exclusive != hi_inc)
            }
            None => f.high.is_none(),
        };
        low_ok && high_ok
    })
}

/// Recognizers-Text unit names → storydiff units, where storydiff has one.
fn unit_of(name: &str) -> Option<&'static str> {
    Some(match name {
        "Dollar" | "United States dollar" => "USD",
        "Canadian dollar" => "CAD",
        "Australian dollar" => "AUD",
        "Japanese yen" => "JPY",
        "Pound" | "British pound" => "GBP",
        "Euro" => "EUR",
        "Chinese yuan" => "CNY",
        "Pence" => "pence",
        "Cent" => "cent",
        "Bitcoin" => "BTC",
        "Turkish lira" => "TRY",
        "Mexican peso" => "MXN",
        "Netherlands guilder" => "NLG",
        "Rupee" => "INR",
        _ => return None,
    })
}

/// A stable half for a case: FNV-1a of its input. Rules are written from
/// the misses of the first half (`FIGURE_MISSES=1` lists only those); the
/// second half is the check.
fn held(input: &str) -> bool {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in input.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
    }
    h % 2 == 1
}

fn main() {
    let dir = Path::new(DATA);
    if !dir.is_dir() {
        println!("figure_accuracy: {DATA} not found; nothing to measure");
        return;
    }
    let context = Context::default();
    for name in FILES {
        let path = dir.join(format!("{name}.jsonl"));
        let Ok(text) = std::fs::read_to_string(&path) else {
            println!("{name}: {} not found", path.display());
            continue;
        };
        let (mut expected, mut found, mut strict, mut units, mut unit_hits) = (0, 0, 0, 0, 0);
        // per half of the spec's cases: [dev, held]
        let (mut half_expected, mut half_found) = ([0usize; 2], [0usize; 2]);
        let verbose = std::env::var_os("FIGURE_MISSES").is_some();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let Ok(case) = serde_json::from_str::<Value>(line) else {
                continue;
            };
            let input = case["input"].as_str().unwrap_or_default();
            let half = usize::from(held(input));
            let figures = find_figures(input, &context);
            for e in case["expected"].as_array().into_iter().flatten() {
                let Some(value) = e["value"].as_str().filter(|v| *v != "null") else {
                    continue;
                };
                expected += 1;
                half_expected[half] += 1;
                let hit = match name {
                    "NumberRangeModel" => {
                        if has_range(&figures, value, true) {
                            strict += 1;
                        }
                        has_range(&figures, value, false)
                    }
                    "PercentModel" => value.trim_end_matches('%').parse::<f64>().is_ok_and(|v| {
                        figures.iter().any(|f| {
                            matches!(f.kind, FigureKind::Percent | FigureKind::PercentagePoints)
                                && (stated(f, v) || num(&f.low).is_some_and(|x| close(x, v)))
                        })
                    }),
                    "CurrencyModel" => value.parse::<f64>().is_ok_and(|v| {
                        let matching: Vec<&Figure> = figures
                            .iter()
                            .filter(|f| {
                                f.kind == FigureKind::Money
                                    && (stated(f, v) || num(&f.low).is_some_and(|x| close(x, v)))
                            })
                            .collect();
                        if let Some(unit) = e["unit"].as_str().and_then(unit_of) {
                            units += 1;
                            if matching.iter().any(|f| f.unit.as_deref() == Some(unit)) {
                                unit_hits += 1;
                            } else if verbose {
                                println!(
                                    "  unit {input:?} expected {unit}; got {:?}",
                                    matching.iter().map(|f| &f.unit).collect::<Vec<_>>()
                                );
                            }
                        }
                        !matching.is_empty()
                    }),
                    _ => value.parse::<f64>().is_ok_and(|v| has_value(&figures, v)),
                };
                if hit {
                    found += 1;
                    half_found[half] += 1;
                } else if verbose && half == 0 {
                    println!(
                        "  miss {name}: {input:?} expected {value}; got {:?}",
                        figures
                            .iter()
                            .map(|f| (&f.text, num(&f.low), num(&f.high)))
                            .collect::<Vec<_>>()
                    );
                }
            }
        }
        let recall = found as f64 / expected.max(1) as f64;
        let share = |h: usize| half_found[h] as f64 / half_expected[h].max(1) as f64;
        println!(
            "{name:<17} recall {recall:.3} ({found}/{expected})   dev {:.3} ({}/{})   held {:.3} ({}/{})",
            share(0),
            half_found[0],
            half_expected[0],
            share(1),
            half_found[1],
            half_expected[1]
        );
        if name == "NumberRangeModel" {
            println!(
                "{:<17} strict {:.3} ({strict}/{expected}, same open/closed ends)",
                "",
                strict as f64 / expected.max(1) as f64
            );
        }
        if name == "CurrencyModel" && units > 0 {
            println!(
                "{:<17} unit   {:.3} ({unit_hits}/{units} with a mapped unit)",
                "",
                unit_hits as f64 / units as f64
            );
        }
    }
}
