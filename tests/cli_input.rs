//! Command-line tests of input handling: formats, positions, and bad input.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;
use tempfile::TempDir;

/// Exit code for bad arguments or input.
const EXIT_BAD_INPUT: i32 = 2;

fn storydiff() -> Command {
    cargo_bin_cmd!("storydiff")
}

fn write(dir: &Path, name: &str, text: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    path
}

fn record(story: &str, outlet: &str, text: &str) -> String {
    format!(r#"{{"story": "{story}", "outlet": "{outlet}", "text": "{text}"}}"#) + "\n"
}

/// Run `args` and check they fail as bad input, with a message that
/// contains every one of `expected` and no panic.
fn fails_with(args: &[&Path], expected: &[&str]) -> String {
    let output = storydiff()
        .arg("compare")
        .args(["--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(EXIT_BAD_INPUT), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    for part in expected {
        assert!(stderr.contains(part), "{part:?} not in {stderr:?}");
    }
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn show(path: &Path) -> String {
    path.display().to_string()
}

#[test]
fn a_missing_file_is_bad_input() {
    let dir = TempDir::new().unwrap();
    let missing = dir.path().join("nowhere.txt");
    fails_with(&[&missing], &[&show(&missing), "cannot read"]);
}

#[test]
fn invalid_utf8_names_file_and_line() {
    let dir = TempDir::new().unwrap();
    let a = write(dir.path(), "a.txt", "One.\n");
    let b = write(dir.path(), "b.txt", b"Fine.\nNot \xfe fine.\n");
    fails_with(&[&a, &b], &[&format!("{}:2:", show(&b)), "UTF-8"]);
}

#[test]
fn a_malformed_json_line_names_file_and_line() {
    let dir = TempDir::new().unwrap();
    let corpus = write(dir.path(), "c.jsonl", record("s", "a", "x") + "{oops\n");
    fails_with(
        &[&corpus],
        &[&format!("{}:2:", show(&corpus)), "invalid JSON"],
    );
}

#[test]
fn missing_fields_name_file_and_line() {
    let dir = TempDir::new().unwrap();
    for field in ["story", "outlet", "text"] {
        let mut line = serde_json::json!({"story": "s", "outlet": "b", "text": "Two."});
        line.as_object_mut().unwrap().remove(field);
        let corpus = write(
            dir.path(),
            &format!("no-{field}.jsonl"),
            record("s", "a", "One.") + &line.to_string() + "\n",
        );
        fails_with(
            &[&corpus],
            &[
                &format!("{}:2:", show(&corpus)),
                &format!("missing field `{field}`"),
            ],
        );
    }
}

#[test]
fn an_empty_article_names_file_line_and_outlet() {
    let dir = TempDir::new().unwrap();
    let corpus = write(
        dir.path(),
        "c.jsonl",
        record("s", "a", "One.") + &record("s", "Fox", " "),
    );
    fails_with(
        &[&corpus],
        &[&format!("{}:2:", show(&corpus)), "\"Fox\"", "empty"],
    );
    let a = write(dir.path(), "a.txt", "One.\n");
    let b = write(dir.path(), "b.txt", "\n\n");
    fails_with(&[&a, &b], &[&show(&b), "\"b\"", "empty"]);
}

#[test]
fn an_outlet_twice_names_both_sources() {
    let dir = TempDir::new().unwrap();
    let a = write(dir.path(), "a.md", "---\noutlet: Fox\n---\nOne.\n");
    let b = write(dir.path(), "b.md", "+++\noutlet = \"Fox\"\n+++\nTwo.\n");
    fails_with(&[&a, &b], &[&show(&a), &show(&b), "\"Fox\""]);
}

#[test]
fn a_folder_without_articles_is_bad_input() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "notes.csv", "a,b\n");
    fails_with(&[dir.path()], &[&show(dir.path()), "no .txt"]);
}

#[test]
fn malformed_json_and_front_matter_name_file_and_line() {
    let dir = TempDir::new().unwrap();
    let json = write(
        dir.path(),
        "s.json",
        "{\n  \"versions\": [\n    {\"outlet\": }\n",
    );
    fails_with(&[&json], &[&format!("{}:3:", show(&json)), "invalid JSON"]);
    let md = write(dir.path(), "a.md", "---\ntitle: [x\n---\nBody.\n");
    fails_with(&[&md], &[&show(&md), "YAML"]);
    let md = write(dir.path(), "b.md", "---\ntitle: x\nBody.\n");
    fails_with(&[&md], &[&format!("{}:1:", show(&md)), "never closed"]);
}

#[test]
fn a_corpus_with_one_bad_story_still_reports_the_good_ones() {
    let dir = TempDir::new().unwrap();
    let text = record("s1", "a", "The US sent troops.")
        + &record("s2", "a", "Rain fell.")
        + &record("s1", "b", "The US sent soldiers.")
        + &record("s2", "a", "Rain fell again.")
        + "not json\n"
        + &record("s3", "a", "Snow fell.")
        + &record("s3", "b", "Snow fell today.");
    let corpus = write(dir.path(), "c.jsonl", text);
    let stdout = fails_with(
        &[&corpus],
        &[
            &format!("{}:4:", show(&corpus)),
            &format!("{}:5:", show(&corpus)),
        ],
    );
    let stories: Vec<String> = stdout
        .lines()
        .map(|line| {
            let report: serde_json::Value = serde_json::from_str(line).unwrap();
            report["story"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(stories, ["s1", "s3"]);
}

#[test]
fn a_bad_story_in_an_html_corpus_is_a_section_naming_the_error() {
    let dir = TempDir::new().unwrap();
    let text = record("s1", "a", "The US sent troops.")
        + &record("s1", "b", "The US sent soldiers.")
        + &record("<b>bad</b>", "a", " ")
        + &record("<b>bad</b>", "b", "Rain fell.")
        + &record("s2", "a", "Snow fell.")
        + &record("s2", "b", "Snow fell today.");
    let corpus = write(dir.path(), "c.jsonl", text);
    let output = storydiff()
        .args(["compare", "--format", "html"])
        .arg(&corpus)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(EXIT_BAD_INPUT), "{stderr}");
    let at = format!("{}:3:", show(&corpus));
    assert!(stderr.contains(&at), "{stderr}");
    let html = String::from_utf8(output.stdout).unwrap();
    assert_eq!(html.matches("<html").count(), 1);
    assert_eq!(html.matches("</html>").count(), 1);
    let sections: Vec<&str> = html.split("<section id=\"").skip(1).collect();
    assert_eq!(sections.len(), 3, "{html}");
    assert!(sections[0].starts_with("story-1-s1\""));
    assert!(sections[1].starts_with("story-2\""));
    assert!(sections[1].contains("input error") && sections[1].contains(&at));
    assert!(!html.contains("<b>") && html.contains("&quot;&lt;b&gt;bad&lt;/b&gt;&quot; is empty"));
    assert!(sections[2].starts_with("story-3-s2\""));
    assert!(
        html.contains("<a href=\"#story-2\">input error</a>"),
        "{html}"
    );
    assert!(html.contains("3 stories, 1 unreadable"), "{html}");
}

#[test]
fn a_single_outlet_cannot_be_compared_but_can_be_listed() {
    let dir = TempDir::new().unwrap();
    let a = write(dir.path(), "a.txt", "One claim.\n");
    fails_with(&[&a], &[&show(&a), "at least two"]);
    storydiff()
        .args(["claims", "--format", "json"])
        .arg(&a)
        .assert()
        .success()
        .stdout(predicate::str::contains("One claim."));
}

#[test]
fn a_claim_after_front_matter_reports_its_file_line() {
    let dir = TempDir::new().unwrap();
    let md = write(
        dir.path(),
        "fox.md",
        "---\noutlet: Fox\ntitle: Troops sent\n---\n\nFirst sentence.\nThe US sent 15,000 troops.\n",
    );
    let output = storydiff()
        .args(["claims", "--format", "json"])
        .arg(&md)
        .output()
        .unwrap();
    assert!(output.status.success());
    let claims: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(claims["outlet"], "Fox");
    let troops = claims["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["text"] == "The US sent 15,000 troops.")
        .unwrap();
    assert_eq!(troops["line"], 7);
    assert_eq!(troops["column"], 1);
}

#[test]
fn a_claim_in_a_corpus_reports_its_record_line() {
    let dir = TempDir::new().unwrap();
    let corpus = write(
        dir.path(),
        "c.jsonl",
        record("s1", "a", "One.") + &record("s2", "a", "Two.") + &record("s1", "b", "Three. Four."),
    );
    let output = storydiff()
        .args(["claims", "--format", "json"])
        .arg(&corpus)
        .output()
        .unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    let b: serde_json::Value = serde_json::from_str(stdout.lines().nth(1).unwrap()).unwrap();
    assert_eq!(b["outlet"], "b");
    assert_eq!(b["claims"][1]["text"], "Four.");
    assert_eq!(b["claims"][1]["line"], 3);
    assert_eq!(b["claims"][1]["column"], 8);
}

#[test]
fn stdin_is_read_as_json_lines() {
    let input = record("s", "a", "The US sent troops.") + &record("s", "b", "Troops were sent.");
    storydiff()
        .args(["compare", "--format", "json", "-"])
        .write_stdin(input)
        .assert()
        .success()
        .stdout(predicate::str::contains("\"story\":\"s\""));
    storydiff()
        .args(["compare", "--format", "json", "-"])
        .write_stdin("{\"story\": 1\n")
        .assert()
        .code(EXIT_BAD_INPUT)
        .stderr(
            predicate::str::contains("<stdin>:1:").and(predicate::str::contains("panicked").not()),
        );
}

#[test]
fn a_folder_of_mixed_formats_is_compared() {
    let dir = TempDir::new().unwrap();
    let folder = dir.path().join("venezuela");
    fs::create_dir(&folder).unwrap();
    write(
        &folder,
        "a.txt",
        "Troops sent\n\nThe US sent 15,000 troops.\n",
    );
    write(
        &folder,
        "b.md",
        "---\noutlet: B\n---\n# Troops sent\n\nThe US sent 12,000 troops.\n",
    );
    write(
        &folder,
        "c.json",
        r#"{"outlet": "C", "title": "Troops", "text": "The US sent troops."}"#,
    );
    write(
        &folder,
        "d.html",
        "<html><head><meta property=\"og:site_name\" content=\"D\"></head><body>\n<nav>Home</nav>\n<article><h1>Troops sent</h1>\n<p>The US sent 15,000 troops.</p></article></body></html>\n",
    );
    let output = storydiff()
        .args(["compare", "--format", "json"])
        .arg(&folder)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["story"], "venezuela");
    let names: Vec<&str> = report["outlets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["a", "B", "C", "D"]);
    let html_claim = report["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["claims"].as_array().unwrap())
        .find(|c| c["outlet"] == "D" && c["text"] == "The US sent 15,000 troops.")
        .unwrap();
    assert_eq!(html_claim["line"], 4);
    assert_eq!(html_claim["column"], 4);
}
