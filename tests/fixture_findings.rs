//! What the Venezuela fixture story is written to show, checked through the
//! command line: figure conflicts, and the framing differences an editor
//! looks for first (see fixtures/README.md).

use assert_cmd::Command;
use serde_json::Value;

fn venezuela() -> Value {
    let output = Command::cargo_bin("storydiff")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["compare", "--format", "json", "fixtures/venezuela"])
        .output()
        .unwrap();
    assert!(output.status.success());
    serde_json::from_slice(&output.stdout).unwrap()
}

/// Every framing difference as `(outlet, kind, text)`.
fn framing(report: &Value) -> Vec<(String, String, String)> {
    report["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["framing"].as_array().unwrap())
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap().to_string();
            (s("outlet"), s("kind"), s("text"))
        })
        .collect()
}

#[test]
fn regime_against_government_is_a_loaded_term_difference() {
    let differences = framing(&venezuela());
    assert!(
        differences
            .iter()
            .any(|(outlet, kind, text)| outlet == "Northwire"
                && kind == "loaded-term"
                && text.contains("\"regime\"")
                && text.contains("\"government\"")),
        "{differences:#?}"
    );
}

#[test]
fn scare_quotes_around_terrorist_are_reported() {
    let differences = framing(&venezuela());
    assert!(
        differences
            .iter()
            .any(|(outlet, kind, text)| outlet == "caribbean-ledger"
                && kind == "scare-quote"
                && text.contains("terrorist"))
    );
}

#[test]
fn the_phone_call_pinned_on_unnamed_sources_against_stated_as_fact() {
    let differences = framing(&venezuela());
    assert!(
        differences
            .iter()
            .any(|(_, kind, text)| kind == "attribution"
                && text.contains("unnamed sources")
                && text.contains("as fact"))
    );
}
