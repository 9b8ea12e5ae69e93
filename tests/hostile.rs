//! Regression tests for hostile input, each named after what broke: a report
//! that destroyed its own input, articles that vanished without a word,
//! settings that parsed but meant nothing.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;
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

/// Two outlets of one story.
fn two_articles(dir: &Path) -> (PathBuf, PathBuf) {
    (
        write(
            dir,
            "a.txt",
            "Fire\n\nThe fire burned 300 homes on Monday. The mayor spoke.\n",
        ),
        write(
            dir,
            "b.txt",
            "Fire\n\nThe fire burned 200 homes on Monday. Crews arrived.\n",
        ),
    )
}

/// Run storydiff with `args`; the exit code and stderr.
fn run(args: &[&std::ffi::OsStr]) -> (Option<i32>, String) {
    let output = storydiff().args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    (output.status.code(), stderr)
}

#[test]
fn output_on_an_input_is_refused_and_the_input_kept() {
    let dir = TempDir::new().unwrap();
    let (a, b) = two_articles(dir.path());
    let before = fs::read(&b).unwrap();
    let (code, stderr) = run(&[
        "compare".as_ref(),
        a.as_os_str(),
        b.as_os_str(),
        "--output".as_ref(),
        dir.path().join(".").join("b.txt").as_os_str(),
    ]);
    assert_eq!(code, Some(EXIT_BAD_INPUT), "{stderr}");
    assert!(stderr.contains("also an input"), "{stderr}");
    assert_eq!(fs::read(&b).unwrap(), before);
}

/// `compare oo --output oo/harbor-post.txt` once overwrote an article of
/// the folder being compared; an output anywhere in an input folder is
/// refused, whether or not the file exists yet.
#[test]
fn output_inside_an_input_folder_is_refused_and_the_article_kept() {
    let dir = TempDir::new().unwrap();
    let folder = dir.path().join("oo");
    fs::create_dir(&folder).unwrap();
    let (_, b) = two_articles(&folder);
    let before = fs::read(&b).unwrap();
    for output in [
        b.clone(),
        folder.join(".").join("b.txt"),
        folder.join("new-report.md"),
    ] {
        let (code, stderr) = run(&[
            "compare".as_ref(),
            folder.as_os_str(),
            "--output".as_ref(),
            output.as_os_str(),
        ]);
        assert_eq!(code, Some(EXIT_BAD_INPUT), "{stderr}");
        assert!(stderr.contains("input folder"), "{stderr}");
    }
    assert_eq!(fs::read(&b).unwrap(), before);
    assert!(!folder.join("new-report.md").exists());
    let beside = dir.path().join("report.json");
    let (code, stderr) = run(&[
        "compare".as_ref(),
        folder.as_os_str(),
        "--output".as_ref(),
        beside.as_os_str(),
    ]);
    assert_eq!(code, Some(0), "{stderr}");
}

/// A replaced report once became readable by its owner alone (0600, the
/// temporary file's mode); it keeps the bits it had, and a new report gets
/// those of any new file.
#[cfg(unix)]
#[test]
fn a_replaced_report_keeps_its_permission_bits() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new().unwrap();
    let (a, b) = two_articles(dir.path());
    let mode = |path: &Path| fs::metadata(path).unwrap().permissions().mode() & 0o7777;
    for bits in [0o644, 0o640, 0o664] {
        let report = write(dir.path(), "report.json", "previous\n");
        fs::set_permissions(&report, fs::Permissions::from_mode(bits)).unwrap();
        let (code, stderr) = run(&[
            "compare".as_ref(),
            a.as_os_str(),
            b.as_os_str(),
            "--output".as_ref(),
            report.as_os_str(),
        ]);
        assert_eq!(code, Some(0), "{stderr}");
        assert_ne!(fs::read_to_string(&report).unwrap(), "previous\n");
        assert_eq!(mode(&report), bits, "{bits:o}");
    }
    // what this process's umask gives a new file
    let usual = mode(&write(dir.path(), "usual.txt", ""));
    let fresh = dir.path().join("fresh.json");
    let (code, stderr) = run(&[
        "compare".as_ref(),
        a.as_os_str(),
        b.as_os_str(),
        "--output".as_ref(),
        fresh.as_os_str(),
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(mode(&fresh), usual);
}

#[test]
fn a_failing_run_keeps_the_previous_report() {
    let dir = TempDir::new().unwrap();
    let (a, _) = two_articles(dir.path());
    let report = write(dir.path(), "report.json", "previous report\n");
    let missing = dir.path().join("missing.txt");
    let (code, stderr) = run(&[
        "compare".as_ref(),
        a.as_os_str(),
        missing.as_os_str(),
        "--output".as_ref(),
        report.as_os_str(),
    ]);
    assert_eq!(code, Some(EXIT_BAD_INPUT), "{stderr}");
    assert!(stderr.contains("left as it was"), "{stderr}");
    assert_eq!(fs::read_to_string(&report).unwrap(), "previous report\n");
    let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 3, "no temporary file is left behind");
}

#[test]
fn a_successful_run_replaces_the_report() {
    let dir = TempDir::new().unwrap();
    let (a, b) = two_articles(dir.path());
    let report = write(dir.path(), "report.json", "previous report\n");
    let (code, stderr) = run(&[
        "compare".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
        a.as_os_str(),
        b.as_os_str(),
        "--output".as_ref(),
        report.as_os_str(),
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    let written = fs::read_to_string(&report).unwrap();
    assert!(written.contains("300"), "{written}");
}

/// Each of these once exited 0 with an outlet of no claims.
#[test]
fn articles_without_claims_are_bad_input_naming_the_file() {
    let dir = TempDir::new().unwrap();
    let (a, _) = two_articles(dir.path());
    let cases: [(&str, &[u8], &str); 4] = [
        ("nul.txt", &[0u8; 1 << 20], "NUL"),
        ("five.json", br#"{"outlet": "x", "text": 5}"#, "no words"),
        ("numbers.txt", b"12 34 56.\n\n78 90.\n", "no words"),
        (
            "blank.json",
            br#"{"outlet": " ", "text": "A sentence."}"#,
            "blank name",
        ),
    ];
    for (name, text, expected) in cases {
        let bad = write(dir.path(), name, text);
        for command in ["compare", "claims"] {
            let (code, stderr) = run(&[command.as_ref(), a.as_os_str(), bad.as_os_str()]);
            assert_eq!(code, Some(EXIT_BAD_INPUT), "{name}: {stderr}");
            assert!(stderr.contains(&bad.display().to_string()), "{stderr}");
            assert!(stderr.contains(expected), "{name}: {stderr}");
        }
    }
}

#[test]
fn a_json_story_with_no_versions_names_its_file() {
    let dir = TempDir::new().unwrap();
    let story = write(dir.path(), "s.json", r#"{"story": "s", "versions": []}"#);
    let (code, stderr) = run(&["compare".as_ref(), story.as_os_str()]);
    assert_eq!(code, Some(EXIT_BAD_INPUT), "{stderr}");
    assert!(
        stderr.contains(&format!("{}:1:", story.display())),
        "{stderr}"
    );
}

#[test]
fn a_config_threshold_out_of_range_is_refused() {
    let dir = TempDir::new().unwrap();
    let (a, b) = two_articles(dir.path());
    for value in ["5.0", "nan"] {
        let config = write(
            dir.path(),
            "storydiff.toml",
            format!("[align]\nthreshold = {value}\n"),
        );
        let (code, stderr) = run(&[
            "compare".as_ref(),
            "--config".as_ref(),
            config.as_os_str(),
            a.as_os_str(),
            b.as_os_str(),
        ]);
        assert_eq!(code, Some(EXIT_BAD_INPUT), "{stderr}");
        assert!(
            stderr.contains(&format!("{}:2:", config.display())),
            "{stderr}"
        );
    }
}

#[test]
fn carriage_return_line_ends_give_each_claim_its_line() {
    let dir = TempDir::new().unwrap();
    let cr = write(
        dir.path(),
        "cr.txt",
        "Head\r\rFirst claim here.\rSecond claim here.\r",
    );
    let output = storydiff()
        .args(["claims", "--format", "json"])
        .arg(&cr)
        .output()
        .unwrap();
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let lines: Vec<u64> = json["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [1, 3, 4]);
}

#[test]
fn in_a_corpus_one_story_without_words_spares_the_rest() {
    let dir = TempDir::new().unwrap();
    let corpus = write(
        dir.path(),
        "c.jsonl",
        concat!(
            r#"{"story": "s1", "outlet": "a", "text": "12 34."}"#,
            "\n",
            r#"{"story": "s1", "outlet": "b", "text": "The fire burned."}"#,
            "\n",
            r#"{"story": "s2", "outlet": "a", "text": "The fire burned 300 homes."}"#,
            "\n",
            r#"{"story": "s2", "outlet": "b", "text": "The fire burned 200 homes."}"#,
            "\n",
        ),
    );
    let output = storydiff()
        .args(["compare", "--format", "json"])
        .arg(&corpus)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(EXIT_BAD_INPUT), "{stderr}");
    assert!(
        stderr.contains(&format!("{}:1:", corpus.display())),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("s2"));
}
