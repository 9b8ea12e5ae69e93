//! The command line: formats, determinism, exit codes.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

fn storydiff() -> Command {
    Command::cargo_bin("storydiff").unwrap()
}

/// Two outlets' short versions of one story, in a temporary folder.
fn two_outlets() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "ledger.txt",
        "US deploys troops\n\nThe US has stationed 15,000 troops in the Caribbean. \
         Maduro held a rally in Caracas on Monday. Officials said the talks failed.\n",
    );
    write(
        dir.path(),
        "wire.txt",
        "US sends more troops\n\nThe US has stationed 12,000 troops in the Caribbean. \
         Maduro held a large rally in Caracas. Oil prices rose.\n",
    );
    dir
}

/// stdout of `storydiff COMMAND --format FORMAT INPUT`, which must succeed.
fn run_ok(command: &str, format: &str, input: &Path) -> String {
    let output = storydiff()
        .args([command, "--format", format])
        .arg(input)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn write(dir: &Path, name: &str, text: &str) {
    fs::write(dir.join(name), text).unwrap();
}

#[test]
fn json_output_is_byte_identical_across_runs() {
    let dir = two_outlets();
    let run = || run_ok("compare", "json", dir.path());
    let first = run();
    assert!(!first.is_empty());
    for _ in 0..3 {
        assert_eq!(run(), first);
    }
}

#[test]
fn json_report_has_the_documented_fields() {
    let dir = two_outlets();
    let stdout = run_ok("compare", "json", dir.path());
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["schema"], "storydiff/1");
    for field in ["story", "outlets", "clusters", "findings"] {
        assert!(report.get(field).is_some(), "missing {field}");
    }
    let cluster = &report["clusters"][0];
    for field in [
        "id", "status", "claims", "missing", "nearest", "figures", "framing", "diff",
    ] {
        assert!(cluster.get(field).is_some(), "cluster misses {field}");
    }
    let claim = &cluster["claims"][0];
    for field in [
        "outlet", "text", "line", "column", "score", "figures", "cues",
    ] {
        assert!(claim.get(field).is_some(), "claim misses {field}");
    }
    // Every claim of every outlet is in exactly one cluster: none is dropped.
    let in_clusters: usize = report["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["claims"].as_array().unwrap().len())
        .sum();
    let claimed: u64 = report["outlets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["claims"].as_u64().unwrap())
        .sum();
    assert_eq!(in_clusters as u64, claimed);
}

#[test]
fn table_output_fits_a_hundred_columns() {
    let dir = two_outlets();
    let stdout = run_ok("compare", "table", dir.path());
    let text = stdout;
    assert!(text.contains("ledger") && text.contains("wire"));
    for line in text.lines() {
        assert!(line.chars().count() <= 100, "too wide: {line}");
    }
}

#[test]
fn html_output_escapes_article_text() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.txt",
        "Officials <b>met</b> on Monday & talked.\n",
    );
    write(
        dir.path(),
        "b.txt",
        "Officials met <script>alert(1)</script> on Monday.\n",
    );
    let stdout = run_ok("compare", "html", dir.path());
    let html = stdout;
    assert!(!html.contains("<script>") && !html.contains("<b>"));
    assert!(html.contains("&lt;script&gt;") && html.contains("&amp;"));
}

/// The `id`s of the `<section>`s of an HTML document, in order.
fn section_ids(html: &str) -> Vec<&str> {
    html.split("<section id=\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect()
}

/// Check that `html` is one document: one doctype, head, body and html element.
fn assert_one_document(html: &str) {
    for tag in [
        "<!DOCTYPE html>",
        "<html",
        "</html>",
        "<head>",
        "</head>",
        "<body>",
        "</body>",
    ] {
        assert_eq!(html.matches(tag).count(), 1, "{tag} in {html}");
    }
    assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
}

#[test]
fn a_single_story_in_html_is_a_page_without_sections() {
    let dir = two_outlets();
    let html = run_ok("compare", "html", dir.path());
    assert_one_document(&html);
    let story = dir.path().file_name().unwrap().to_string_lossy();
    assert!(
        html.contains(&format!("<h1>storydiff: {story}</h1>")),
        "{html}"
    );
    assert!(!html.contains("<section") && !html.contains("<nav"));
}

#[test]
fn a_corpus_in_html_is_one_document_with_a_section_per_story_in_input_order() {
    let html = run_ok("compare", "html", Path::new("fixtures/corpus.jsonl"));
    assert_one_document(&html);
    let expected = [
        "story-1-bridge-closure",
        "story-2-rate-decision",
        "story-3-museum-theft",
    ];
    assert_eq!(section_ids(&html), expected);
    assert_eq!(html.matches("</section>").count(), expected.len());
    // The contents come after the last section, one line per story, in order,
    // each with its counts.
    let contents = &html[html.find("<nav id=\"contents\"").unwrap()..];
    assert!(html.find("</section>").unwrap() < html.find("<nav").unwrap());
    let links: Vec<usize> = expected
        .iter()
        .map(|id| contents.find(&format!("<a href=\"#{id}\">")).unwrap())
        .collect();
    assert!(links.is_sorted(), "{contents}");
    assert!(
        contents.contains("bridge-closure</a>: 2 errors, 2 warnings"),
        "{contents}"
    );
    assert!(html.contains("<a href=\"#contents\">"));
    // Clusters of different stories never share an anchor.
    assert!(html.contains("<tr id=\"s1-c1\"") && html.contains("<tr id=\"s2-c1\""));
    assert!(!html.contains("<tr id=\"c1\""));
    // Same input, same bytes.
    assert_eq!(
        run_ok("compare", "html", Path::new("fixtures/corpus.jsonl")),
        html
    );
}

#[test]
fn several_story_folders_in_html_are_one_document() {
    let output = storydiff()
        .args([
            "compare",
            "--format",
            "html",
            "fixtures/wildfire",
            "fixtures/venezuela",
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    let html = String::from_utf8(output.stdout).unwrap();
    assert_one_document(&html);
    assert_eq!(
        section_ids(&html),
        ["story-1-wildfire", "story-2-venezuela"]
    );
}

#[test]
fn a_corpus_in_html_escapes_hostile_story_ids_and_text() {
    let dir = tempfile::tempdir().unwrap();
    let story = r#"<script>alert(1)</script> "&'"#;
    let record = |outlet: &str, text: &str| {
        serde_json::json!({"story": story, "outlet": outlet, "title": "<script>alert(1)</script>", "text": text})
            .to_string()
            + "\n"
    };
    let corpus = dir.path().join("hostile.jsonl");
    fs::write(
        &corpus,
        record(
            "a",
            "Officials met <script>alert(1)</script> on Monday \"&' said.",
        ) + &record("b", "Officials met on Monday, \"&' said <b>x</b>."),
    )
    .unwrap();
    let html = run_ok("compare", "html", &corpus);
    assert_one_document(&html);
    assert!(
        !html.contains("<script>") && !html.contains("<b>"),
        "{html}"
    );
    assert!(!html.contains("\"&'"), "{html}");
    let escaped_story = "&lt;script&gt;alert(1)&lt;/script&gt; &quot;&amp;&#39;";
    assert!(
        html.contains(&format!("<h2>{escaped_story}</h2>")),
        "{html}"
    );
    assert!(html.contains(&format!(">{escaped_story}</a>:")), "{html}");
    assert!(html.contains("&quot;&amp;&#39; said"), "{html}");
    // The anchor keeps only letters, digits and hyphens.
    assert_eq!(section_ids(&html), ["story-1-script-alert-1-script"]);
}

#[test]
fn markdown_output_lists_outlets() {
    let dir = two_outlets();
    storydiff()
        .args(["compare", "--format", "markdown"])
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("| ledger |").and(predicate::str::contains("| wire |")));
}

#[test]
fn claims_prints_one_json_object_per_version() {
    let dir = two_outlets();
    let stdout = run_ok("claims", "json", dir.path());
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["outlet"], "ledger");
    assert_eq!(lines[0]["claims"][0]["text"], "US deploys troops");
    assert_eq!(lines[0]["claims"][1]["line"], 3);
}

#[test]
fn output_option_writes_a_file() {
    let dir = two_outlets();
    let out = dir.path().join("report.json");
    storydiff()
        .args(["compare", "--format", "json", "--output"])
        .arg(&out)
        .arg(dir.path().join("ledger.txt"))
        .arg(dir.path().join("wire.txt"))
        .assert()
        .success();
    let report: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out).unwrap()).unwrap();
    assert_eq!(report["outlets"].as_array().unwrap().len(), 2);
}

#[test]
fn threshold_out_of_range_is_bad_input() {
    let dir = two_outlets();
    storydiff()
        .args(["compare", "--threshold", "1.5"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--threshold"));
}

#[test]
fn unknown_config_key_is_bad_input() {
    let dir = two_outlets();
    let config = dir.path().join("storydiff.toml");
    fs::write(&config, "[align]\nthreshhold = 0.4\n").unwrap();
    storydiff()
        .args(["compare", "--config"])
        .arg(&config)
        .arg(dir.path().join("ledger.txt"))
        .arg(dir.path().join("wire.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("storydiff.toml"));
}

/// A corpus folder of two story folders; the second has three outlets, two
/// of which carry a claim the third leaves out (an omission, a warning).
fn corpus_with_an_omission() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for story in ["calm", "omitted"] {
        fs::create_dir(dir.path().join(story)).unwrap();
    }
    let body = "The port reopened on Tuesday after a strike. Dockworkers returned to work.\n";
    write(&dir.path().join("calm"), "a.txt", body);
    write(&dir.path().join("calm"), "b.txt", body);
    let omitted = dir.path().join("omitted");
    write(
        &omitted,
        "a.txt",
        "The port reopened on Tuesday. Shipping lines rerouted vessels to other ports.\n",
    );
    write(
        &omitted,
        "b.txt",
        "The port reopened on Tuesday. Shipping lines rerouted vessels to other ports.\n",
    );
    write(&omitted, "c.txt", "The port reopened on Tuesday.\n");
    dir
}

#[test]
fn check_passes_when_no_finding_reaches_the_policy() {
    let dir = corpus_with_an_omission();
    storydiff()
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .assert()
        .code(0);
}

#[test]
fn check_fails_with_exit_1_on_findings_over_policy() {
    let dir = corpus_with_an_omission();
    storydiff()
        .args(["check", "--format", "json", "--fail-on", "warning"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("\"story\":\"omitted\"")
                .and(predicate::str::contains("omission")),
        );
}

#[test]
fn check_baseline_accepts_known_findings() {
    let dir = corpus_with_an_omission();
    let baseline = tempfile::NamedTempFile::new().unwrap();
    storydiff()
        .args(["check", "--fail-on", "warning", "--write-baseline"])
        .arg(baseline.path())
        .arg(dir.path())
        .assert()
        .code(1);
    storydiff()
        .args(["check", "--fail-on", "warning", "--baseline"])
        .arg(baseline.path())
        .arg(dir.path())
        .assert()
        .code(0);
}

#[test]
fn an_unwritable_output_file_is_named_in_the_error() {
    let dir = two_outlets();
    let out = dir.path().join("no-such-folder").join("report.json");
    storydiff()
        .args(["compare", "--format", "json", "--output"])
        .arg(&out)
        .arg(dir.path().join("ledger.txt"))
        .arg(dir.path().join("wire.txt"))
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("report.json").and(predicate::str::contains("cannot write")),
        );
}

#[test]
fn completions_name_the_subcommands_in_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let output = storydiff().args(["completions", shell]).output().unwrap();
        assert!(output.status.success(), "{shell}");
        let script = String::from_utf8(output.stdout).unwrap();
        for word in ["compare", "check", "format", "reference"] {
            assert!(script.contains(word), "{shell} completion lacks {word}");
        }
    }
    let bash = storydiff().args(["completions", "bash"]).output().unwrap();
    let bash = String::from_utf8(bash.stdout).unwrap();
    assert!(bash.contains("complete -F _storydiff"), "bash registers it");
    assert!(bash.contains("markdown"), "bash completes the formats");
    storydiff()
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid value"));
}

#[test]
fn man_prints_a_roff_page_and_writes_one_per_subcommand() {
    let output = storydiff().arg("man").output().unwrap();
    assert!(output.status.success());
    let page = String::from_utf8(output.stdout).unwrap();
    assert!(page.starts_with(".ie"), "{}", &page[..80]);
    assert!(page.contains(".TH storydiff 1"), "{page}");
    for word in ["compare", "check", "completions"] {
        assert!(page.contains(word), "the page lacks {word}");
    }
    let dir = tempfile::tempdir().unwrap();
    storydiff()
        .args(["man", "--dir"])
        .arg(dir.path())
        .assert()
        .code(0);
    for name in ["storydiff.1", "storydiff-compare.1", "storydiff-check.1"] {
        let page = fs::read_to_string(dir.path().join(name)).unwrap();
        assert!(page.contains(".TH"), "{name}");
    }
    let compare = fs::read_to_string(dir.path().join("storydiff-compare.1")).unwrap();
    assert!(compare.contains("reference"), "options of the subcommand");
}

/// The schema `storydiff schema OF` prints, and a validator for it.
fn schema_of(of: &str) -> (serde_json::Value, jsonschema::Validator) {
    let output = storydiff().args(["schema", of]).output().unwrap();
    assert!(output.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    (schema, validator)
}

/// Every line of `storydiff COMMAND --format json INPUT` is valid under `validator`.
fn assert_valid_lines(validator: &jsonschema::Validator, command: &str, input: &Path) -> usize {
    let stdout = run_ok(command, "json", input);
    let mut lines = 0;
    for line in stdout.lines() {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .take(5)
            .collect();
        assert!(
            errors.is_empty(),
            "{command} {}: {errors:#?}",
            input.display()
        );
        lines += 1;
    }
    lines
}

#[test]
fn every_fixture_report_is_valid_under_the_printed_schema() {
    let (schema, compare) = schema_of("compare");
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    let (_, claims) = schema_of("claims");
    let (_, figures) = schema_of("figures");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut reports = 0;
    let mut entries: Vec<_> = fs::read_dir(&fixtures)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir() || p.extension().is_some_and(|e| e == "json" || e == "jsonl"))
        .collect();
    entries.sort();
    for input in &entries {
        reports += assert_valid_lines(&compare, "compare", input);
        assert_valid_lines(&claims, "claims", input);
        assert_valid_lines(&figures, "figures", input);
    }
    assert!(reports >= entries.len(), "a report per story");
    // The schema can fail: a report with a status it does not know.
    let stdout = run_ok("compare", "json", &fixtures.join("venezuela"));
    let mut broken: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    broken["clusters"][0]["status"] = "maybe".into();
    assert!(!compare.is_valid(&broken));
    broken = serde_json::from_str(&stdout).unwrap();
    broken["schema"] = "storydiff/0".into();
    assert!(!compare.is_valid(&broken));
}

#[test]
fn the_schemas_in_docs_are_what_storydiff_schema_prints() {
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/schemas");
    for of in ["compare", "claims", "figures"] {
        let output = storydiff().args(["schema", of]).output().unwrap();
        let printed = String::from_utf8(output.stdout).unwrap();
        let path = docs.join(format!("{of}.schema.json"));
        let committed = fs::read_to_string(&path).unwrap_or_default();
        assert!(
            printed == committed,
            "{} is out of date: run `cargo run -- schema {of} > {}`",
            path.display(),
            path.display()
        );
    }
}
