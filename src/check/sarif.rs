//! `storydiff check --format sarif` and `--format github`: findings for
//! code-scanning tools (SARIF 2.1.0) and GitHub Actions workflow annotations.
//!
//! The SARIF log is written through view types holding the properties
//! storydiff fills in, rather than a SARIF crate whose generated types
//! cost a schema code generator at build time.

use std::io::{self, Write};

use serde::Serialize;

use crate::model::{Finding, FindingKind, Severity};
use crate::render;

/// The SARIF version written.
pub const SARIF_VERSION: &str = "2.1.0";

/// Where the SARIF 2.1.0 schema is published.
pub const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The rules: one per finding kind, in this order (a result's `ruleIndex`).
const RULES: [(FindingKind, &str); 4] = [
    (
        FindingKind::FigureConflict,
        "Outlets state figures of one measure that cannot both be true.",
    ),
    (
        FindingKind::Omission,
        "A claim carried by two or more outlets is missing from others.",
    ),
    (FindingKind::Framing, "Outlets frame one claim differently."),
    (
        FindingKind::QuoteFidelity,
        "Outlets quote the same words differently.",
    ),
];

/// A SARIF log with one run.
#[derive(Debug, Serialize)]
pub struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run; 1],
}

#[derive(Debug, Serialize)]
struct Run {
    tool: Tool,
    results: Vec<SarifResult>,
}

#[derive(Debug, Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    information_uri: &'static str,
    rules: Vec<Rule>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: String,
    short_description: Text,
}

#[derive(Debug, Serialize)]
struct Text {
    text: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: String,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<SarifLocation>,
    partial_fingerprints: std::collections::BTreeMap<&'static str, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline_state: Option<&'static str>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifLocation {
    physical_location: PhysicalLocation,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: Artifact,
    region: Region,
}

#[derive(Debug, Serialize)]
struct Artifact {
    uri: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
}

impl Default for Log {
    fn default() -> Log {
        Log {
            schema: SARIF_SCHEMA,
            version: SARIF_VERSION,
            runs: [Run {
                tool: Tool {
                    driver: Driver {
                        name: "storydiff",
                        version: env!("CARGO_PKG_VERSION"),
                        information_uri: "https://crates.io/crates/storydiff",
                        rules: RULES
                            .iter()
                            .map(|(kind, text)| Rule {
                                id: render::name(kind),
                                short_description: Text {
                                    text: text.to_string(),
                                },
                            })
                            .collect(),
                    },
                },
                results: Vec::new(),
            }],
        }
    }
}

impl Log {
    /// Add one finding of `story`; `accepted` when the baseline holds it
    /// (its `baselineState` is then `unchanged`, else `new`), `None` when
    /// the run has no baseline.
    pub fn add(&mut self, story: &str, finding: &Finding, accepted: Option<bool>) {
        let rule_index = RULES
            .iter()
            .position(|(kind, _)| *kind == finding.kind)
            .unwrap_or(0);
        let locations = finding
            .locations
            .iter()
            .filter(|l| l.file != crate::load::STDIN_SOURCE)
            .map(|l| SarifLocation {
                physical_location: PhysicalLocation {
                    artifact_location: Artifact { uri: uri(&l.file) },
                    region: Region {
                        start_line: l.line.max(1),
                        start_column: l.column.max(1),
                    },
                },
            })
            .collect();
        self.runs[0].results.push(SarifResult {
            rule_id: render::name(&finding.kind),
            rule_index,
            level: level(finding.severity),
            message: Text {
                text: format!("{story}: {}", finding.message),
            },
            locations,
            partial_fingerprints: [("storydiff/v1", finding.fingerprint.clone())]
                .into_iter()
                .collect(),
            baseline_state: accepted.map(|a| if a { "unchanged" } else { "new" }),
        });
    }

    /// Write the log as pretty JSON.
    pub fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, self)?;
        out.write_all(b"\n")
    }
}

/// A severity as a SARIF level.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A file path as a relative URI reference: `/` kept, letters, digits and
/// `-._~` kept, every other byte percent-encoded (spaces, `%`, `#`, `?`).
fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Write one failing finding as a GitHub Actions workflow annotation, at its
/// first location: `::error file=…,line=…,col=…,title=…::message`.
pub fn write_annotation(out: &mut dyn Write, story: &str, finding: &Finding) -> io::Result<()> {
    let command = match finding.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    let mut properties = Vec::new();
    if let Some(at) = finding.locations.first() {
        properties.push(format!("file={}", property(&at.file)));
        properties.push(format!("line={}", at.line));
        properties.push(format!("col={}", at.column));
    }
    properties.push(format!(
        "title={}",
        property(&format!("storydiff {}", render::name(&finding.kind)))
    ));
    writeln!(
        out,
        "::{command} {}::{}",
        properties.join(","),
        data(&format!("{story}: {}", finding.message))
    )
}

/// A workflow command's message: `%`, CR and LF escaped, other controls dropped.
fn data(text: &str) -> String {
    render::terminal::clean(text)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value: as [`data`], and `:` and `,` too.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Location;

    fn finding() -> Finding {
        Finding {
            kind: FindingKind::FigureConflict,
            cluster: "c3".into(),
            severity: Severity::Error,
            message: "troop: a says \"15,000\"; b says \"12,000\"\nnext 100%".into(),
            locations: vec![Location {
                outlet: "a".into(),
                file: "news/a b,c.txt".into(),
                line: 4,
                column: 2,
            }],
            fingerprint: "0123456789abcdef".into(),
        }
    }

    #[test]
    fn annotations_escape_their_message_and_properties() {
        let mut out = Vec::new();
        write_annotation(&mut out, "s", &finding()).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "::error file=news/a b%2Cc.txt,line=4,col=2,title=storydiff figure-conflict::s: troop: a says \"15,000\"; b says \"12,000\"%0Anext 100%25\n"
        );
    }

    #[test]
    fn sarif_results_name_rule_level_location_and_fingerprint() {
        let mut log = Log::default();
        log.add("s", &finding(), Some(false));
        let json = serde_json::to_value(&log).unwrap();
        let result = &json["runs"][0]["results"][0];
        assert_eq!(json["version"], "2.1.0");
        assert_eq!(result["ruleId"], "figure-conflict");
        assert_eq!(result["level"], "error");
        assert_eq!(result["baselineState"], "new");
        assert_eq!(
            result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "news/a%20b%2Cc.txt"
        );
        assert_eq!(
            result["partialFingerprints"]["storydiff/v1"],
            "0123456789abcdef"
        );
    }
}
