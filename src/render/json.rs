//! JSON output: view types built from the report, with the schema version on top.

use serde::Serialize;

use crate::compare::diff::Change;
use crate::compare::figures::{FigureComparison, Verdict};
use crate::compare::framing::{FramingDifference, Profile};
use crate::compare::{Finding, Report, Status};
use crate::extract::figures::Figure;
use crate::extract::framing::Cue;
use crate::model::{Claim, Story};

/// The schema identifier at the top of every report.
pub const SCHEMA: &str = "storydiff/1";

/// Scores are rounded to this many decimals so that output reads well and
/// stays byte-identical across platforms.
const SCORE_DECIMALS: i32 = 3;

fn round(score: f64) -> f64 {
    let scale = 10f64.powi(SCORE_DECIMALS);
    (score * scale).round() / scale
}

/// A report as JSON.
#[derive(Serialize)]
pub struct ReportView<'a> {
    schema: &'static str,
    story: &'a str,
    outlets: Vec<OutletView<'a>>,
    figures: Vec<MeasureView<'a>>,
    clusters: Vec<ClusterView<'a>>,
    findings: &'a [Finding],
}

/// A row of the story-level figure table.
#[derive(Serialize)]
struct MeasureView<'a> {
    measure: &'a str,
    /// Outlet name → the figures it gives for the measure.
    outlets: std::collections::BTreeMap<&'a str, &'a [String]>,
    agree: usize,
    compatible: usize,
    conflict: usize,
}

#[derive(Serialize)]
struct OutletView<'a> {
    name: &'a str,
    source: &'a str,
    claims: usize,
    shared: usize,
    unique_claims: usize,
    #[serde(flatten)]
    framing: &'a Profile,
}

#[derive(Serialize)]
struct ClusterView<'a> {
    id: &'a str,
    status: Status,
    claims: Vec<MemberView<'a>>,
    missing: Vec<&'a str>,
    nearest: Option<NearestView<'a>>,
    figures: Vec<ComparisonView<'a>>,
    framing: Vec<FramingView<'a>>,
    diff: Vec<DiffView<'a>>,
}

#[derive(Serialize)]
struct MemberView<'a> {
    outlet: &'a str,
    text: &'a str,
    line: usize,
    column: usize,
    score: f64,
    figures: &'a [Figure],
    cues: &'a [Cue],
}

#[derive(Serialize)]
struct NearestView<'a> {
    outlet: &'a str,
    text: &'a str,
    score: f64,
}

#[derive(Serialize)]
struct ComparisonView<'a> {
    measure: &'a str,
    verdict: Verdict,
    values: Vec<ValueView<'a>>,
}

#[derive(Serialize)]
struct ValueView<'a> {
    outlet: &'a str,
    line: usize,
    column: usize,
    #[serde(flatten)]
    figure: &'a Figure,
}

#[derive(Serialize)]
struct FramingView<'a> {
    outlet: &'a str,
    #[serde(flatten)]
    difference: &'a FramingDifference,
}

#[derive(Serialize)]
struct DiffView<'a> {
    outlet: &'a str,
    changes: &'a [Change],
}

impl<'a> From<&'a Report> for ReportView<'a> {
    fn from(report: &'a Report) -> ReportView<'a> {
        ReportView {
            schema: SCHEMA,
            story: &report.story,
            outlets: report
                .outlets
                .iter()
                .map(|o| OutletView {
                    name: &o.name,
                    source: &o.source,
                    claims: o.claims,
                    shared: o.shared,
                    unique_claims: o.unique_claims,
                    framing: &o.framing,
                })
                .collect(),
            figures: report
                .figures
                .iter()
                .map(|row| MeasureView {
                    measure: &row.measure,
                    outlets: row
                        .by_outlet
                        .iter()
                        .enumerate()
                        .filter(|(_, texts)| !texts.is_empty())
                        .map(|(o, texts)| (report.outlets[o].name.as_str(), texts.as_slice()))
                        .collect(),
                    agree: row.verdicts[Verdict::Agree as usize],
                    compatible: row.verdicts[Verdict::Compatible as usize],
                    conflict: row.verdicts[Verdict::Conflict as usize],
                })
                .collect(),
            clusters: report
                .clusters
                .iter()
                .map(|c| ClusterView {
                    id: &c.id,
                    status: c.status,
                    claims: c
                        .members
                        .iter()
                        .map(|m| {
                            let claim = report.claim(m.claim);
                            MemberView {
                                outlet: report.outlet_name(m.claim.outlet),
                                text: &claim.text,
                                line: claim.at.line,
                                column: claim.at.column,
                                score: round(m.score),
                                figures: &claim.figures,
                                cues: &claim.cues,
                            }
                        })
                        .collect(),
                    missing: c.missing.iter().map(|&o| report.outlet_name(o)).collect(),
                    nearest: c.nearest.map(|n| NearestView {
                        outlet: report.outlet_name(n.claim.outlet),
                        text: &report.claim(n.claim).text,
                        score: round(n.score),
                    }),
                    figures: c
                        .figures
                        .iter()
                        .map(|f| comparison_view(report, f))
                        .collect(),
                    framing: c
                        .framing
                        .iter()
                        .map(|d| FramingView {
                            outlet: report.outlet_name(d.claim.outlet),
                            difference: d,
                        })
                        .collect(),
                    diff: c
                        .diffs
                        .iter()
                        .map(|(o, changes)| DiffView {
                            outlet: report.outlet_name(*o),
                            changes,
                        })
                        .collect(),
                })
                .collect(),
            findings: &report.findings,
        }
    }
}

fn comparison_view<'a>(report: &'a Report, comparison: &'a FigureComparison) -> ComparisonView<'a> {
    ComparisonView {
        measure: &comparison.measure,
        verdict: comparison.verdict,
        values: comparison
            .values
            .iter()
            .map(|v| ValueView {
                outlet: report.outlet_name(v.claim.outlet),
                line: v.at.line,
                column: v.at.column,
                figure: &v.figure,
            })
            .collect(),
    }
}

/// One version's claims, for `storydiff claims --format json`.
#[derive(Serialize)]
pub struct ClaimsView<'a> {
    story: &'a str,
    outlet: &'a str,
    claims: Vec<ClaimView<'a>>,
}

#[derive(Serialize)]
struct ClaimView<'a> {
    text: &'a str,
    line: usize,
    column: usize,
    headline: bool,
    figures: &'a [Figure],
    cues: &'a [Cue],
}

impl<'a> ClaimsView<'a> {
    /// The view of `claims`, the claims of `story`'s version `outlet`.
    pub fn new(story: &'a Story, outlet: usize, claims: &'a [Claim]) -> ClaimsView<'a> {
        ClaimsView {
            story: &story.id,
            outlet: &story.versions[outlet].outlet,
            claims: claims
                .iter()
                .map(|c| ClaimView {
                    text: &c.text,
                    line: c.at.line,
                    column: c.at.column,
                    headline: c.headline,
                    figures: &c.figures,
                    cues: &c.cues,
                })
                .collect(),
        }
    }
}

/// One version's figures, for `storydiff figures --format json`.
#[derive(Serialize)]
pub struct FiguresView<'a> {
    story: &'a str,
    outlet: &'a str,
    figures: Vec<ValueView<'a>>,
}

impl<'a> FiguresView<'a> {
    /// The view of the figures in `claims`, the claims of `story`'s version `outlet`.
    pub fn new(story: &'a Story, outlet: usize, claims: &'a [Claim]) -> FiguresView<'a> {
        FiguresView {
            story: &story.id,
            outlet: &story.versions[outlet].outlet,
            figures: claims
                .iter()
                .flat_map(|c| {
                    c.figures.iter().map(move |figure| {
                        let version = &story.versions[outlet];
                        let at = version.position_in_claim(c, figure.span.start);
                        ValueView {
                            outlet: &version.outlet,
                            line: at.line,
                            column: at.column,
                            figure,
                        }
                    })
                })
                .collect(),
        }
    }
}
