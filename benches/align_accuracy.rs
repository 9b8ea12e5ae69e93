//! Alignment accuracy on public paraphrase data: MSRP and STS headlines.
//!
//! Run with `cargo bench --bench align_accuracy`. Reads
//! `../shared/eval-dev/msrp-train.tsv` and `../shared/eval-dev/stsb-headlines-{train,dev}.tsv`
//! relative to the project root; when they are absent it says so and exits 0.
//! Each pair becomes a story of two outlets that goes through the public
//! `storydiff::analyze` path; the pair's score is the member score when both
//! sentences land in one cluster, else the `nearest` score.
//!
//! With `-- --fit` it instead fits the weights of the calibrated pair score
//! (`storydiff::align::calibrate::MODEL`) on MSRP train and STS headlines
//! train and prints them as Rust source; see `fit.rs`.

#![allow(clippy::print_stdout)]

use std::path::Path;

use storydiff::align::DEFAULT_THRESHOLD;
use storydiff::model::{Layout, Position, Story, Version};

#[path = "align_accuracy/fit.rs"]
mod fit;

const DATA: &str = "../shared/eval-dev";

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(DATA);
    let msrp = root.join("msrp-train.tsv");
    let sts = ["train", "dev"].map(|split| root.join(format!("stsb-headlines-{split}.tsv")));
    if !msrp.is_file() && sts.iter().all(|p| !p.is_file()) {
        println!(
            "align_accuracy: no evaluation data in {} (skipped)",
            root.display()
        );
        return;
    }
    let config = storydiff::Config::default();
    if std::env::args().any(|a| a == "--fit") {
        fit::run(&msrp, &sts[0], &config);
        return;
    }
    if let Some(rows) = read_tsv(&msrp) {
        let pairs: Vec<(bool, f64, bool)> = rows
            .iter()
            .filter(|r| r.len() >= 5)
            .map(|r| {
                let (score, together) = pair_score(&r[3], &r[4], &config);
                (r[0] == "1", score, together)
            })
            .collect();
        report_msrp(&pairs);
    } else {
        println!("MSRP: {} absent (skipped)", msrp.display());
    }
    for (split, path) in ["train", "dev"].iter().zip(&sts) {
        let Some(rows) = read_tsv(path) else {
            println!("STS headlines {split}: {} absent (skipped)", path.display());
            continue;
        };
        let pairs: Vec<(f64, f64)> = rows
            .iter()
            .filter(|r| r.len() >= 7)
            .filter_map(|r| {
                let human: f64 = r[4].parse().ok()?;
                Some((human, pair_score(&r[5], &r[6], &config).0))
            })
            .collect();
        let (human, ours): (Vec<f64>, Vec<f64>) = pairs.into_iter().unzip();
        println!(
            "STS headlines {split}: pairs {}  Pearson {:.3}  Spearman {:.3}",
            human.len(),
            pearson(&human, &ours),
            pearson(&ranks(&human), &ranks(&ours))
        );
    }
}

/// The rows of a tab-separated file without its header line.
fn read_tsv(path: &Path) -> Option<Vec<Vec<String>>> {
    let text = std::fs::read_to_string(path).ok()?;
    Some(
        text.lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .map(|l| l.split('\t').map(str::to_string).collect())
            .collect(),
    )
}

fn version(outlet: &str, text: &str) -> Version {
    Version {
        outlet: outlet.into(),
        source: format!("{outlet}.json"),
        title: None,
        published: None,
        url: None,
        body: text.into(),
        title_at: Position::START,
        body_at: Position::START,
        layout: Layout::JsonString,
        skipped: Vec::new(),
    }
}

/// A story of two outlets, one sentence each.
fn pair_story(s1: &str, s2: &str) -> Story {
    Story {
        id: "pair".into(),
        versions: vec![version("a", s1), version("b", s2)],
    }
}

/// The score storydiff gives a pair of sentences, and whether it put them
/// in one cluster.
fn pair_score(s1: &str, s2: &str, config: &storydiff::Config) -> (f64, bool) {
    let report = storydiff::analyze(&pair_story(s1, s2), config).expect("two outlets");
    let joint = report
        .clusters
        .iter()
        .filter(|c| c.members.len() > 1)
        .flat_map(|c| c.members.iter().map(|m| m.score))
        .fold(None, |best: Option<f64>, s| {
            Some(best.map_or(s, |b| b.max(s)))
        });
    if let Some(score) = joint {
        return (score, true);
    }
    let nearest = report
        .clusters
        .iter()
        .filter_map(|c| {
            let own = c.members[0].claim.outlet;
            c.nearest.filter(|n| n.claim.outlet != own).map(|n| n.score)
        })
        .fold(0.0, f64::max);
    (nearest, false)
}

fn report_msrp(pairs: &[(bool, f64, bool)]) {
    let count =
        |f: &dyn Fn(&(bool, f64, bool)) -> bool| pairs.iter().filter(|p| f(p)).count() as f64;
    let tp = count(&|p| p.0 && p.2);
    let fp = count(&|p| !p.0 && p.2);
    let fn_ = count(&|p| p.0 && !p.2);
    let total = pairs.len() as f64;
    let correct = count(&|p| p.0 == p.2);
    let precision = tp / (tp + fp).max(1.0);
    let recall = tp / (tp + fn_).max(1.0);
    let f1 = 2.0 * precision * recall / (precision + recall).max(f64::MIN_POSITIVE);
    println!(
        "MSRP train: pairs {}  threshold {DEFAULT_THRESHOLD}  accuracy {:.3}  precision {:.3}  recall {:.3}  F1 {:.3}",
        pairs.len(),
        correct / total,
        precision,
        recall,
        f1
    );
    let mut sorted: Vec<(f64, bool)> = pairs.iter().map(|p| (p.1, p.0)).collect();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
    // Threshold just above sorted[i]: everything up to i is negative.
    let positives = sorted.iter().filter(|p| p.1).count() as f64;
    let (mut best, mut best_at) = (positives / total, 0.0);
    let mut correct = positives;
    for (i, &(score, label)) in sorted.iter().enumerate() {
        correct += if label { -1.0 } else { 1.0 };
        let next = sorted.get(i + 1).map_or(1.0, |n| n.0);
        if next > score && correct / total > best {
            best = correct / total;
            best_at = (score + next) / 2.0;
        }
    }
    println!("MSRP train: best-threshold accuracy {best:.3} at {best_at:.3}");
    let sweep: Vec<String> = [0.4, 0.45, 0.5, 0.55, 0.6, 0.65]
        .iter()
        .map(|&t| {
            let right = pairs.iter().filter(|p| p.0 == (p.1 >= t)).count() as f64;
            format!("{t}: {:.3}", right / total)
        })
        .collect();
    println!("MSRP train: accuracy by threshold  {}", sweep.join("  "));
}

fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len() as f64;
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let cov: f64 = x.iter().zip(y).map(|(a, b)| (a - mx) * (b - my)).sum();
    let vx: f64 = x.iter().map(|a| (a - mx).powi(2)).sum();
    let vy: f64 = y.iter().map(|b| (b - my).powi(2)).sum();
    cov / (vx * vy).sqrt()
}

/// Ranks with ties given their mean rank.
fn ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut out = vec![0.0; values.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && values[order[j + 1]] == values[order[i]] {
            j += 1;
        }
        let rank = (i + j) as f64 / 2.0;
        for &k in &order[i..=j] {
            out[k] = rank;
        }
        i = j + 1;
    }
    out
}
