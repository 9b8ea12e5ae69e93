//! One snapshot per fixture story: the JSON report of `storydiff compare`.
//!
//! A story folder, a `.json` story file and a `.jsonl` corpus under
//! `fixtures/` each get one snapshot. Review changes with `cargo insta review`
//! against what `fixtures/README.md` says each story exercises.

use std::path::Path;

use assert_cmd::Command;

fn compare_json(relative: &Path) -> serde_json::Value {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = Command::cargo_bin("storydiff")
        .unwrap()
        .current_dir(root)
        .args(["compare", "--format", "json"])
        .arg(relative)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let reports: Vec<serde_json::Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    if reports.len() == 1 {
        reports.into_iter().next().unwrap()
    } else {
        serde_json::Value::Array(reports)
    }
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
            insta::assert_json_snapshot!(compare_json(relative));
        }
    });
}
