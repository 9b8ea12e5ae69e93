//! Snapshots of what `storydiff compare` says about the fixture stories.
//!
//! Every story under `fixtures/` (a story folder, a `.json` story file, a
//! `.jsonl` corpus) gets a compact projection of its JSON report that a
//! person can review in a diff: each cluster's status with its members as
//! `outlet:line`, each figure comparison's verdict, each finding's kind.
//! Scores and messages are left out, so a refit of the alignment model shows
//! up only where a cluster or a verdict changes. One full JSON snapshot, of
//! the small `fixtures/ceasefire.json`, pins the schema, and the table,
//! Markdown and HTML renderers each have a snapshot of that story too.
//! Review changes with `cargo insta review` against what `fixtures/README.md`
//! says each story exercises.

use std::fmt::Write;
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

/// The output of `storydiff compare --format FORMAT` on `relative`.
fn compare(relative: &Path, format: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = Command::cargo_bin("storydiff")
        .unwrap()
        .current_dir(root)
        .args(["compare", "--format", format])
        .arg(relative)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// The JSON reports of `relative`, one per story.
fn compare_json(relative: &Path) -> Vec<Value> {
    compare(relative, "json")
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

fn text(value: &Value) -> &str {
    value.as_str().unwrap_or_default()
}

/// A report as a few lines a person can review: one line per cluster (its
/// status and members as `outlet:line`), the figure verdicts under it, and
/// the findings by kind and severity at the end.
fn projection(report: &Value) -> String {
    let mut out = String::new();
    writeln!(out, "story {}", text(&report["story"])).unwrap();
    for outlet in report["outlets"].as_array().unwrap() {
        writeln!(
            out,
            "outlet {}: {} claims, {} shared",
            text(&outlet["name"]),
            outlet["claims"],
            outlet["shared"]
        )
        .unwrap();
    }
    for cluster in report["clusters"].as_array().unwrap() {
        let members: Vec<String> = cluster["claims"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| format!("{}:{}", text(&m["outlet"]), m["line"]))
            .collect();
        writeln!(
            out,
            "{} {} {}",
            text(&cluster["id"]),
            text(&cluster["status"]),
            members.join(" | ")
        )
        .unwrap();
        for figure in cluster["figures"].as_array().unwrap() {
            let values: Vec<String> = figure["values"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| {
                    format!(
                        "{}:{} {:?}",
                        text(&v["outlet"]),
                        v["line"],
                        text(&v["text"])
                    )
                })
                .collect();
            writeln!(
                out,
                "    figure {} {}: {}",
                text(&figure["measure"]),
                text(&figure["verdict"]),
                values.join(", ")
            )
            .unwrap();
        }
    }
    for finding in report["findings"].as_array().unwrap() {
        writeln!(
            out,
            "finding {} {} {}",
            text(&finding["cluster"]),
            text(&finding["kind"]),
            text(&finding["severity"])
        )
        .unwrap();
    }
    out
}

#[test]
fn fixture_stories() {
    insta::glob!("../fixtures", "*", |path| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let relative = path.strip_prefix(root).unwrap();
        // The glob walks the whole tree; stories are the direct children.
        let top_level = relative.parent() == Some(Path::new("fixtures"));
        let is_story = top_level
            && (path.is_dir()
                || path
                    .extension()
                    .is_some_and(|ext| ext == "json" || ext == "jsonl"));
        if is_story {
            let projections: Vec<String> = compare_json(relative).iter().map(projection).collect();
            insta::assert_snapshot!(projections.join("\n"));
        }
    });
}

#[test]
fn ceasefire_full_json() {
    let reports = compare_json(Path::new("fixtures/ceasefire.json"));
    assert_eq!(reports.len(), 1);
    insta::assert_json_snapshot!(reports[0]);
}

#[test]
fn ceasefire_table() {
    insta::assert_snapshot!(compare(Path::new("fixtures/ceasefire.json"), "table"));
}

#[test]
fn ceasefire_markdown() {
    insta::assert_snapshot!(compare(Path::new("fixtures/ceasefire.json"), "markdown"));
}

#[test]
fn ceasefire_html() {
    insta::assert_snapshot!(compare(Path::new("fixtures/ceasefire.json"), "html"));
}
