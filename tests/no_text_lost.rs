//! No article text vanishes silently: for every fixture story, each
//! version's claims plus its `skipped` entries account for every character
//! of its article text (headline and body as loaded) that is not
//! whitespace, and of a Markdown file every such character after its front
//! matter. The JSON report lists the entries with positions that point at
//! their text in the file. `cargo bench --bench no_text_lost` runs the
//! same check over the BASIL dev corpus.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use storydiff::model::skip::unaccounted;
use storydiff::model::{Position, SkipReason, Story, Version};
use storydiff::{Analyzer, Config};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// Every fixture input: story folders, `.json` stories, `.jsonl` corpora.
fn fixtures() -> Vec<PathBuf> {
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(root().join("fixtures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir() || p.extension().is_some_and(|e| e == "json" || e == "jsonl"))
        .collect();
    inputs.sort();
    assert!(inputs.len() >= 5, "{inputs:?}");
    inputs
}

fn stories(input: &Path) -> Vec<Story> {
    storydiff::load::open(&[input.to_path_buf()])
        .map(|story| story.unwrap())
        .collect()
}

#[test]
fn every_fixture_character_is_in_a_claim_or_skipped() {
    let analyzer = Analyzer::new(&Config::default()).unwrap();
    let mut versions = 0;
    let mut reasons = std::collections::BTreeSet::new();
    for input in fixtures() {
        for story in stories(&input) {
            let (claims, skipped) = analyzer.claims_and_skipped(&story);
            for (o, version) in story.versions.iter().enumerate() {
                versions += 1;
                let lost = unaccounted(version, &claims[o], &skipped[o]);
                assert!(
                    lost.is_empty(),
                    "{} ({}): {} characters in no claim and not skipped, first {:?}",
                    version.source,
                    version.outlet,
                    lost.len(),
                    &lost[..lost.len().min(5)]
                );
                assert!(
                    skipped[o]
                        .iter()
                        .all(|s| s.reason != SkipReason::Unsegmented),
                    "{}: {:?}",
                    version.source,
                    skipped[o]
                );
                reasons.extend(skipped[o].iter().map(|s| s.reason));
                if version.source.ends_with(".md") {
                    markdown_file_accounted(version);
                }
            }
        }
    }
    assert!(versions >= 15, "{versions} versions");
    assert!(reasons.contains(&SkipReason::Heading), "{reasons:?}");
}

/// Of a Markdown file, every character after the front matter that is not
/// whitespace is kept in the body, is in a skip of the loader, or is the
/// headline.
fn markdown_file_accounted(version: &Version) {
    let file = std::fs::read_to_string(root().join(&version.source))
        .or_else(|_| std::fs::read_to_string(&version.source))
        .unwrap();
    let body_start = file.len() - version.body.len();
    let body = &file[body_start..];
    let mut in_skip = vec![false; body.len()];
    for skip in &version.skipped {
        if let Some(span) = &skip.span {
            in_skip[span.clone()].fill(true);
        }
    }
    for (i, c) in body.char_indices() {
        let kept = !version.body[i..].starts_with(char::is_whitespace);
        assert!(
            c.is_whitespace() || kept || in_skip[i],
            "{}: {c:?} at body byte {i} is neither kept nor skipped",
            version.source
        );
        if kept {
            assert!(version.body[i..].starts_with(c), "{}", version.source);
        }
    }
    // Before the body: front matter, and a `# Headline` line whose marks
    // are skipped and whose text is the title.
    let head = &file[..body_start];
    let after_front = head
        .rfind("\n---\n")
        .or_else(|| head.rfind("\n+++\n"))
        .map_or(0, |i| i + 5);
    let rest: String = head[after_front..]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let accounted: String = version
        .skipped
        .iter()
        .filter(|s| s.span.is_none())
        .map(|s| s.text.as_str())
        .chain(version.title.as_deref())
        .flat_map(str::chars)
        .filter(|c| !c.is_whitespace())
        .collect();
    let mut sorted_rest: Vec<char> = rest.chars().collect();
    let mut sorted_accounted: Vec<char> = accounted.chars().collect();
    sorted_rest.sort_unstable();
    sorted_accounted.sort_unstable();
    if !rest.is_empty() {
        assert_eq!(sorted_rest, sorted_accounted, "{}", version.source);
    }
}

/// The character at `at` in `file`, a file's text.
fn char_at(file: &str, at: Position) -> Option<char> {
    file.lines().nth(at.line - 1)?.chars().nth(at.column - 1)
}

#[test]
fn the_json_report_lists_skipped_text_where_it_is() {
    let mut seen = 0;
    for input in fixtures()
        .into_iter()
        .filter(|p| p.is_dir() || p.extension().is_some_and(|e| e == "json"))
    {
        let output = Command::cargo_bin("storydiff")
            .unwrap()
            .current_dir(root())
            .args(["compare", "--format", "json"])
            .arg(input.strip_prefix(root()).unwrap())
            .output()
            .unwrap();
        assert!(output.status.success());
        let report: Value = serde_json::from_slice(&output.stdout).unwrap();
        for outlet in report["outlets"].as_array().unwrap() {
            for skip in outlet["skipped"].as_array().unwrap() {
                seen += 1;
                let file = skip["file"].as_str().unwrap();
                let text = skip["text"].as_str().unwrap();
                assert!(!text.is_empty() && skip["reason"].is_string(), "{skip}");
                if file.ends_with(".json") {
                    continue;
                }
                let source = std::fs::read_to_string(root().join(file)).unwrap();
                let at = Position {
                    line: skip["line"].as_u64().unwrap() as usize,
                    column: skip["column"].as_u64().unwrap() as usize,
                };
                assert_eq!(char_at(&source, at), text.chars().next(), "{file}: {skip}");
            }
        }
    }
    assert!(seen > 0, "the fixtures have markup to skip");
}
