//! Mean framing profile per outlet over the AllSides corpus: how often left,
//! centre and right outlets attribute, hedge, quote and use loaded terms.
//!
//! Run with `cargo bench --bench framing_profiles`. Reads
//! `../shared/eval-dev/allsides-corpus.jsonl` relative to the project root;
//! prints a message and exits 0 when it is absent. With
//! `FRAMING_SHOW=quote-fidelity` (or `framing`) it also prints those
//! findings; with a cue kind (`attribution`, `hedge`, `quote`, `scare-quote`,
//! `loaded-term`), every cue of that kind with its claim.

// A measurement program: printing its numbers is its job.
#![allow(clippy::print_stdout)]

use std::collections::BTreeMap;
use std::path::Path;

use storydiff::compare::framing::{Profile, profile};
use storydiff::model::Story;
use storydiff::{Config, analyze};

/// Where the corpus lives, relative to the project root.
const CORPUS: &str = "../shared/eval-dev/allsides-corpus.jsonl";

/// Loaded terms and verbs shown per outlet: enough to see the leaders.
const TOP: usize = 8;

/// The corpus as stories, through the same loader as `storydiff compare`.
fn load(path: &Path) -> Vec<Story> {
    storydiff::load::open(&[path.to_path_buf()])
        .filter_map(|story| match story {
            Ok(story) => Some(story),
            Err(error) => {
                println!("skipped: {error}");
                None
            }
        })
        .collect()
}

#[derive(Default)]
struct Sum {
    articles: usize,
    claims: usize,
    attributed: f64,
    hedged: f64,
    named: usize,
    unnamed: usize,
    quotes: usize,
    scare: usize,
    loaded: BTreeMap<String, usize>,
    verbs: BTreeMap<String, usize>,
}

impl Sum {
    fn add(&mut self, claims: usize, p: &Profile) {
        self.articles += 1;
        self.claims += claims;
        self.attributed += p.attributed_share;
        self.hedged += p.hedged_share;
        self.named += p.named_sources;
        self.unnamed += p.unnamed_sources;
        self.quotes += p.quotes;
        self.scare += p.scare_quotes;
        for (k, v) in &p.loaded_terms {
            *self.loaded.entry(k.clone()).or_default() += v;
        }
        for (k, v) in &p.attribution_verbs {
            *self.verbs.entry(k.clone()).or_default() += v;
        }
    }
}

fn top(counts: &BTreeMap<String, usize>) -> String {
    let mut items: Vec<(&String, &usize)> = counts.iter().collect();
    items.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    items
        .iter()
        .take(TOP)
        .map(|(k, v)| format!("{k} {v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn main() {
    let path = Path::new(CORPUS);
    if !path.is_file() {
        println!("framing_profiles: {CORPUS} not found; nothing to measure");
        return;
    }
    // `FRAMING_SHOW=<finding or cue kind>` prints those findings or cues.
    let show = std::env::var("FRAMING_SHOW").ok();
    let started = std::time::Instant::now();
    let stories = load(path);
    let config = Config::default();
    let mut sums: BTreeMap<String, Sum> = BTreeMap::new();
    let mut differences: BTreeMap<String, usize> = BTreeMap::new();
    let mut quote_findings = 0;
    let mut compared = 0;
    for story in &stories {
        let claims = storydiff::claims(story, &config).unwrap();
        for (o, version) in story.versions.iter().enumerate() {
            for claim in &claims[o] {
                for cue in &claim.cues {
                    let kind = serde_json::to_string(&cue.kind).unwrap_or_default();
                    if show.as_deref() == Some(kind.trim_matches('"')) {
                        let cue = serde_json::to_string(cue).unwrap_or_default();
                        println!("{cue}\t{}", claim.text);
                    }
                }
            }
            sums.entry(version.outlet.clone())
                .or_default()
                .add(claims[o].len(), &profile(&claims[o]));
        }
        if let Ok(report) = analyze(story, &config) {
            compared += 1;
            for cluster in &report.clusters {
                for d in &cluster.framing {
                    let kind = serde_json::to_string(&d.kind).unwrap_or_default();
                    *differences
                        .entry(kind.trim_matches('"').to_string())
                        .or_default() += 1;
                }
            }
            for f in &report.findings {
                let kind = serde_json::to_string(&f.kind).unwrap_or_default();
                if show.as_deref() == Some(kind.trim_matches('"')) {
                    println!("{} {}: {}", story.id, f.cluster, f.message);
                }
            }
            quote_findings += report
                .findings
                .iter()
                .filter(|f| f.kind == storydiff::compare::FindingKind::QuoteFidelity)
                .count();
        }
    }
    println!(
        "{} stories ({} compared) in {:.1?}",
        stories.len(),
        compared,
        started.elapsed()
    );
    println!(
        "{:<8} {:>8} {:>7} {:>10} {:>7} {:>7} {:>9} {:>7} {:>7}",
        "outlet",
        "articles",
        "claims",
        "attributed",
        "hedged",
        "named",
        "unnamed",
        "quotes",
        "scare"
    );
    for outlet in ["left", "center", "right"].into_iter().chain(
        sums.keys()
            .map(String::as_str)
            .filter(|k| !matches!(*k, "left" | "center" | "right")),
    ) {
        let Some(s) = sums.get(outlet) else { continue };
        let n = s.articles.max(1) as f64;
        println!(
            "{:<8} {:>8} {:>7.2} {:>9.1}% {:>6.1}% {:>7.2} {:>9.2} {:>7.2} {:>7.2} {:>7.3}",
            outlet,
            s.articles,
            s.claims as f64 / n,
            s.attributed / n * 100.0,
            s.hedged / n * 100.0,
            s.named as f64 / n,
            s.unnamed as f64 / n,
            s.quotes as f64 / n,
            s.scare as f64 / n,
            s.loaded.values().sum::<usize>() as f64 / n,
        );
    }
    println!(
        "(claims, named, unnamed, quotes, scare, loaded: mean count per article; shares: mean per article)"
    );
    for outlet in ["left", "center", "right"] {
        if let Some(s) = sums.get(outlet) {
            println!("{outlet:<6} loaded terms: {}", top(&s.loaded));
            println!("{outlet:<6} attribution verbs: {}", top(&s.verbs));
        }
    }
    println!("framing differences by kind: {}", top(&differences));
    println!("quote-fidelity findings: {quote_findings}");
}
