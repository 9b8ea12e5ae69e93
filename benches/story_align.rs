//! Story-level alignment on full articles: BASIL dev against its same-fact gold.
//!
//! Run with `cargo bench --bench story_align`. Reads
//! `../shared/eval-dev/basil-corpus.jsonl` and `basil-alignment-gold.json`
//! relative to the project root; when they are absent it says so and exits 0.
//! Every story's claims come from `storydiff::claims` and its clusters from
//! `storydiff::align` (what `analyze` runs), and they are scored as `../shared/eval-dev/README.md` defines:
//!
//! - a *unit* is an annotated sentence of one outlet together with another
//!   outlet that states the same fact; it is found when one cluster holds a
//!   claim of the first outlet that overlaps the sentence and a claim of the
//!   other outlet that overlaps any of its counterparts (overlap: one text
//!   contains the other, or they share a 60-character stretch);
//! - recall is found units over all units;
//! - precision counts the pairs of annotated sentences of two outlets that
//!   share a cluster: right when a gold pair joins them, wrong otherwise.
//!
//! It also runs the naive peer (`../shared/tools/peer_align.py`, which needs
//! the Python package `rapidfuzz`) on the same stories as a reference. The
//! interpreter is `$PEER_PYTHON`, else `python3`; when it lacks rapidfuzz the
//! peer is skipped with a note. `-- --no-peer` skips it too, `-- --threshold
//! X` sets the alignment threshold, `-- --detail` prints every story's numbers,
//! the units missed and the pairs wrong (with `-- --members-only`, of the
//! clusters' members alone). Both measures are printed: the clusters'
//! members and the claims of other clusters that state the fact too
//! (`also`), and the members alone. `-- --fit` fits the story link model
//! (`storydiff::align::link`) on all gold stories but one and scores the
//! story left out with it, for each in turn (leave one story out), prints
//! the held-out sum, then fits on every gold story and prints the model as
//! Rust source: see `fit.rs`. `-- --pairs` scores every candidate pair
//! alone, as a cluster of two, from each chance of the link model up: what
//! candidates and the model allow before clustering (chance 0 is the
//! candidates' ceiling). `-- --dump` prints every candidate pair of the
//! gold stories as a tab-separated `DUMP` line (story, both claims'
//! outlet and index, texts, outlet names, gold label 1/0/-1 for none, the
//! model's chance, the features) for study outside the bench.

#![allow(clippy::print_stdout)]

#[path = "story_align/gold.rs"]
mod gold;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use gold::{Gold, Score, StoryClusters};
use storydiff::Claim;
use storydiff::align::{self, Cluster, Tuning};

#[path = "story_align/fit.rs"]
mod fit;

const DATA: &str = "../shared/eval-dev";

/// A story's id, its outlets' names and their claims.
type StoryClaims = (String, Vec<String>, Vec<Vec<Claim>>);
const PEER: &str = "../shared/tools/peer_align.py";

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join(DATA).join("basil-corpus.jsonl");
    let gold_path = root.join(DATA).join("basil-alignment-gold.json");
    if !corpus.is_file() || !gold_path.is_file() {
        println!(
            "story_align: no BASIL data in {} (skipped)",
            root.join(DATA).display()
        );
        return;
    }
    let args: Vec<String> = std::env::args().collect();
    let flag = |name: &str| args.iter().any(|a| a == name);
    let mut config = storydiff::Config::default();
    if let Some(i) = args.iter().position(|a| a == "--threshold") {
        config.align.threshold = args
            .get(i + 1)
            .and_then(|t| t.parse().ok())
            .expect("--threshold takes a number");
    }
    let gold = Gold::read(&gold_path);
    let mut default = Tuning::DEFAULT;
    if let Some(i) = args.iter().position(|a| a == "--tight") {
        default.tight = args
            .get(i + 1)
            .and_then(|t| t.parse().ok())
            .expect("--tight takes a number");
    }

    let started = Instant::now();
    let mut stories: Vec<StoryClaims> = Vec::new();
    for story in storydiff::load::open(std::slice::from_ref(&corpus)) {
        let story = story.expect("BASIL corpus loads");
        let outlets = story.versions.iter().map(|v| v.outlet.clone()).collect();
        let claims = storydiff::claims(&story, &config).expect("BASIL stories analyse");
        stories.push((story.id.clone(), outlets, claims));
    }
    let run = |tuning: &Tuning, members_only: bool| -> BTreeMap<String, StoryClusters> {
        stories
            .iter()
            .map(|(id, outlets, claims)| {
                let clusters = align::align_tuned(claims, &config.align, tuning);
                (id.clone(), named(&clusters, outlets, claims, members_only))
            })
            .collect()
    };
    let ours = run(&default, false);
    let elapsed = started.elapsed();
    let claims: usize = stories.iter().flat_map(|s| &s.2).map(Vec::len).sum();
    let shared: usize = ours
        .values()
        .flatten()
        .filter(|c| c.len() > 1)
        .map(Vec::len)
        .sum();
    let members_only = flag("--members-only");
    println!(
        "storydiff: threshold {}  tight {}  stories {}  claims {claims}  shared with another outlet {:.1}%  ({:.2}s)",
        config.align.threshold,
        default.tight,
        stories.len(),
        100.0 * shared as f64 / claims.max(1) as f64,
        elapsed.as_secs_f64()
    );
    let detail = flag("--detail");
    let members = run(&default, true);
    print_score(
        "storydiff, members and also",
        &gold.score(&ours, detail && !members_only),
    );
    print_score(
        "storydiff, members only",
        &gold.score(&members, detail && members_only),
    );
    if flag("--dump") {
        dump(&gold, &stories);
    }
    if flag("--pairs") {
        for floor in [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7] {
            print_score(
                &format!("candidate pairs, chance >= {floor}"),
                &gold.score(&pair_clusters(&stories, floor), false),
            );
        }
    }
    if flag("--fit") {
        for members_only in [false, true] {
            fit_held_out(&gold, &stories, &config, &default, members_only);
        }
    }

    if flag("--no-peer") {
        return;
    }
    match run_peer(root, &corpus) {
        Ok(peer) => print_score("peer", &gold.score(&peer, false)),
        Err(why) => println!("peer: skipped ({why})"),
    }
}

/// The link model's examples of every gold story: its candidate pairs whose
/// claims both overlap annotated sentences, labelled by the gold.
fn rows(gold: &Gold, id: &str, outlets: &[String], claims: &[Vec<Claim>]) -> Vec<fit::Row> {
    align::link_rows(claims)
        .into_iter()
        .filter_map(|(a, b, x)| {
            let side = |r: storydiff::model::ClaimRef| {
                (
                    outlets[r.outlet.0].as_str(),
                    claims[r.outlet.0][r.index].text.as_str(),
                )
            };
            Some((x, gold.label(id, side(a), side(b))?))
        })
        .collect()
}

/// Fit the link model leaving one gold story out at a time, score each
/// story with the model fitted without it, and print the held-out sum; then
/// fit on every gold story and print the model as Rust source.
fn fit_held_out(
    gold: &Gold,
    stories: &[StoryClaims],
    config: &storydiff::Config,
    base: &Tuning,
    members_only: bool,
) {
    let annotated: Vec<_> = stories
        .iter()
        .filter(|(id, _, _)| gold.story_ids().contains(id))
        .collect();
    let examples: Vec<Vec<fit::Row>> = annotated
        .iter()
        .map(|(id, outlets, claims)| rows(gold, id, outlets, claims))
        .collect();
    let mut held = Score::default();
    for (k, (id, outlets, claims)) in annotated.iter().enumerate() {
        let train: Vec<fit::Row> = examples
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != k)
            .flat_map(|(_, rows)| rows.iter().copied())
            .collect();
        let tuning = Tuning {
            model: fit::fit(&train),
            ..*base
        };
        let clusters = align::align_tuned(claims, &config.align, &tuning);
        let named = named(&clusters, outlets, claims, members_only);
        if let Some(score) = gold.score_story(id, &named) {
            held.add(score);
        }
    }
    let what = if members_only {
        "members only"
    } else {
        "members and also"
    };
    print_score(&format!("{what}, held out by story (leave one out)"), &held);
    let all: Vec<fit::Row> = examples.into_iter().flatten().collect();
    let positives = all.iter().filter(|(_, y)| *y).count();
    let model = fit::fit(&all);
    let tuning = Tuning { model, ..*base };
    let mut in_sample = Score::default();
    for (id, outlets, claims) in &annotated {
        let clusters = align::align_tuned(claims, &config.align, &tuning);
        if let Some(score) = gold.score_story(id, &named(&clusters, outlets, claims, members_only))
        {
            in_sample.add(score);
        }
    }
    print_score(&format!("{what}, in sample"), &in_sample);
    if !members_only {
        fit::print_source(&model, all.len(), positives);
    }
}

/// Clusters as `(outlet name, claim text)` lists: the members and, unless
/// `members_only`, the claims of other clusters that state the fact too
/// (`also`, listed with the cluster in the report).
fn named(
    clusters: &[Cluster],
    outlets: &[String],
    claims: &[Vec<Claim>],
    members_only: bool,
) -> StoryClusters {
    clusters
        .iter()
        .map(|c| {
            let also = if members_only { &[][..] } else { &c.also[..] };
            c.members
                .iter()
                .chain(also)
                .map(|m| {
                    let (o, i) = (m.claim.outlet.0, m.claim.index);
                    (outlets[o].clone(), claims[o][i].text.clone())
                })
                .collect()
        })
        .collect()
}

fn print_score(name: &str, s: &Score) {
    println!(
        "{name}: gold stories {}  units {}  found {}  recall {:.3}  sentence pairs {}  right {}  precision {:.3}",
        s.stories,
        s.units,
        s.found,
        s.recall(),
        s.pairs,
        s.right,
        s.precision()
    );
}

/// The naive peer's clusters for every story of the corpus.
fn run_peer(root: &Path, corpus: &Path) -> Result<BTreeMap<String, StoryClusters>, String> {
    let python = std::env::var("PEER_PYTHON").unwrap_or_else(|_| "python3".into());
    let has_rapidfuzz = Command::new(&python)
        .args(["-c", "import rapidfuzz"])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    if !has_rapidfuzz {
        return Err(format!(
            "{python} has no rapidfuzz; set PEER_PYTHON to an interpreter that has it, \
             e.g. python3 -m venv venv && venv/bin/pip install rapidfuzz"
        ));
    }
    let out = Command::new(&python)
        .arg(root.join(PEER))
        .arg(corpus)
        .output()
        .map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    let mut stories = BTreeMap::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let report: serde_json::Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
        let clusters = report["clusters"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|c| {
                c["claims"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|m| {
                        (
                            m["outlet"].as_str().unwrap_or_default().to_string(),
                            m["text"].as_str().unwrap_or_default().to_string(),
                        )
                    })
                    .collect()
            })
            .collect();
        stories.insert(
            report["story"].as_str().unwrap_or_default().to_string(),
            clusters,
        );
    }
    Ok(stories)
}

/// Every candidate pair as a cluster of two, when its link chance reaches
/// `floor`: what the candidates and the link model allow before clustering.
fn pair_clusters(stories: &[StoryClaims], floor: f64) -> BTreeMap<String, StoryClusters> {
    stories
        .iter()
        .map(|(id, outlets, claims)| {
            let clusters = align::link_rows(claims)
                .into_iter()
                .filter(|(_, _, x)| align::link::LINK_MODEL.chance(x) >= floor)
                .map(|(a, b, _)| {
                    [a, b]
                        .iter()
                        .map(|r| {
                            (
                                outlets[r.outlet.0].clone(),
                                claims[r.outlet.0][r.index].text.clone(),
                            )
                        })
                        .collect()
                })
                .collect();
            (id.clone(), clusters)
        })
        .collect()
}

/// Every candidate pair of the gold stories as a tab-separated `DUMP` line:
/// story, both claims' outlet and index, their texts, the outlets' names,
/// the gold label (1, 0, or -1 where the gold says nothing), the link
/// model's chance and the features.
fn dump(gold: &Gold, stories: &[StoryClaims]) {
    let ids = gold.story_ids();
    for (id, outlets, claims) in stories.iter().filter(|(id, _, _)| ids.contains(id)) {
        let side = |r: storydiff::model::ClaimRef| {
            (
                outlets[r.outlet.0].as_str(),
                claims[r.outlet.0][r.index].text.as_str(),
            )
        };
        for (a, b, x) in align::link_rows(claims) {
            let label = gold.label(id, side(a), side(b)).map_or(-1, i8::from);
            let features: Vec<String> = x.iter().map(|v| format!("{v:.4}")).collect();
            println!(
                "DUMP\t{id}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{label}\t{:.4}\t{}",
                a.outlet.0,
                a.index,
                b.outlet.0,
                b.index,
                side(a).1.replace(['\t', '\n'], " "),
                side(b).1.replace(['\t', '\n'], " "),
                side(a).0,
                side(b).0,
                align::link::LINK_MODEL.chance(&x),
                features.join(",")
            );
        }
    }
}
