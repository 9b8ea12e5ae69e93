//! JSON output: view types built from the report, with the schema version on top.
//!
//! Every object in the output is a view type of this module, so the JSON
//! fields are named here, once, and renaming a field of an internal type
//! does not change the output. Only enums (named in kebab-case) and figure
//! endpoints (`Endpoint`, written as a number or a date) serialize
//! themselves.

use schemars::JsonSchema;
use serde::Serialize;

use crate::compare::diff::{Change, Op};
use crate::compare::figures::{Doubt, FigureComparison, Pairing, Verdict};
use crate::compare::framing::{FramingDifference, Profile};
use crate::compare::{Finding, Report, Status};
use crate::model::{
    Claim, Cue, CueKind, Endpoint, Figure, FigureKind, FindingKind, Qualifier, Severity,
    SkipReason, Story,
};

/// The schema identifier at the top of every report.
pub const SCHEMA: &str = "storydiff/1";

/// Scores are rounded to this many decimals so that output reads well and
/// stays byte-identical across platforms.
const SCORE_DECIMALS: i32 = 3;

fn round(score: f64) -> f64 {
    let scale = 10f64.powi(SCORE_DECIMALS);
    (score * scale).round() / scale
}

/// One story's report, as one line of `storydiff compare --format json`.
#[derive(Serialize, JsonSchema)]
pub struct ReportView<'a> {
    /// The schema version, `storydiff/1`.
    #[schemars(extend("const" = SCHEMA))]
    schema: &'static str,
    /// The story's identifier: its folder, `.json` or `story` value.
    story: &'a str,
    /// What every format shows first.
    summary: SummaryView<'a>,
    /// Per outlet, in input order: its counts and framing profile.
    outlets: Vec<OutletView<'a>>,
    /// The story-level figure table: a row per measure two or more outlets give.
    figures: Vec<MeasureView<'a>>,
    /// Every claim of every outlet, in exactly one cluster.
    clusters: Vec<ClusterView<'a>>,
    /// What a reader should look at, in cluster order.
    findings: Vec<FindingView<'a>>,
}

/// The summary a report opens with ([`super::summary::Summary`]), with
/// whole claim texts.
#[derive(Serialize, JsonSchema)]
struct SummaryView<'a> {
    coverage: CoverageView,
    outlets: Vec<SummaryOutletView<'a>>,
    conflicts: Vec<ConflictView<'a>>,
    shared: Vec<SharedView<'a>>,
    omitted: Vec<OmittedView<'a>>,
    framing: Vec<SummaryFramingView<'a>>,
}

#[derive(Serialize, JsonSchema)]
struct CoverageView {
    outlets: usize,
    shared_by_all: usize,
    shared_by_some: usize,
    in_one: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

#[derive(Serialize, JsonSchema)]
struct SummaryOutletView<'a> {
    name: &'a str,
    headline: Option<&'a str>,
    lead: Option<&'a str>,
    distinctive: Vec<&'a str>,
}

#[derive(Serialize, JsonSchema)]
struct ConflictView<'a> {
    measure: String,
    cluster: &'a str,
    values: Vec<SummaryValueView<'a>>,
}

#[derive(Serialize, JsonSchema)]
struct SummaryValueView<'a> {
    outlet: &'a str,
    text: &'a str,
}

#[derive(Serialize, JsonSchema)]
struct SharedView<'a> {
    text: &'a str,
    missing: Vec<&'a str>,
}

#[derive(Serialize, JsonSchema)]
struct OmittedView<'a> {
    text: &'a str,
    carried_by: Vec<&'a str>,
    missing: Vec<&'a str>,
}

#[derive(Serialize, JsonSchema)]
struct SummaryFramingView<'a> {
    outlet: &'a str,
    kind: crate::model::CueKind,
    text: &'a str,
    cluster: &'a str,
}

impl<'a> SummaryView<'a> {
    fn new(report: &'a Report) -> SummaryView<'a> {
        let s = super::summary::Summary::new(report);
        let name = |o: crate::model::OutletId| report.outlet_name(o);
        let names = |list: &[crate::model::OutletId]| list.iter().map(|&o| name(o)).collect();
        SummaryView {
            coverage: CoverageView {
                outlets: s.coverage.outlets,
                shared_by_all: s.coverage.all,
                shared_by_some: s.coverage.some,
                in_one: s.coverage.one,
                errors: s.coverage.findings[0],
                warnings: s.coverage.findings[1],
                infos: s.coverage.findings[2],
            },
            outlets: s
                .outlets
                .iter()
                .zip(&s.distinctive)
                .map(|(o, distinctive)| SummaryOutletView {
                    name: o.name,
                    headline: o.headline.map(|c| c.text.as_str()),
                    lead: o.lead.map(|c| c.text.as_str()),
                    distinctive: distinctive.iter().map(|c| c.text.as_str()).collect(),
                })
                .collect(),
            conflicts: s
                .conflicts
                .into_iter()
                .map(|c| ConflictView {
                    measure: c.measure,
                    cluster: c.cluster,
                    values: c
                        .values
                        .into_iter()
                        .map(|(o, text)| SummaryValueView {
                            outlet: name(o),
                            text,
                        })
                        .collect(),
                })
                .collect(),
            shared: s
                .shared
                .iter()
                .map(|(claim, missing)| SharedView {
                    text: &claim.text,
                    missing: names(missing),
                })
                .collect(),
            omitted: s
                .omitted
                .iter()
                .map(|o| OmittedView {
                    text: &report.claim(o.claim).text,
                    carried_by: names(&o.carried_by),
                    missing: names(&o.missing),
                })
                .collect(),
            framing: s
                .framing
                .iter()
                .map(|f| SummaryFramingView {
                    outlet: name(f.outlet),
                    kind: f.kind,
                    text: f.text,
                    cluster: f.cluster,
                })
                .collect(),
        }
    }
}

/// Which JSON output a schema describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// One line of `storydiff compare --format json`: a story's report.
    Report,
    /// One line of `storydiff claims --format json`: a version's claims.
    Claims,
    /// One line of `storydiff figures --format json`: a version's figures.
    Figures,
}

/// The JSON Schema (draft 2020-12) of one line of `output`, derived from
/// the view types that write it, so that it cannot drift from them.
pub fn schema(output: Output) -> schemars::Schema {
    // What storydiff writes, not what it would read: a field left out when
    // empty (`skip_serializing_if`) is not required.
    let generator = schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator();
    let (mut schema, command) = match output {
        Output::Report => (generator.into_root_schema_for::<ReportView>(), "compare"),
        Output::Claims => (generator.into_root_schema_for::<ClaimsView>(), "claims"),
        Output::Figures => (generator.into_root_schema_for::<FiguresView>(), "figures"),
    };
    let title = format!("storydiff {command} --format json ({SCHEMA})");
    schema.insert("title".into(), title.into());
    schema
}

/// A finding.
#[derive(Serialize, JsonSchema)]
pub struct FindingView<'a> {
    kind: FindingKind,
    /// The cluster it is about, or `story` for the whole story.
    cluster: &'a str,
    severity: Severity,
    message: &'a str,
    /// Where each claim it rests on is.
    locations: Vec<LocationView<'a>>,
    /// 16 hex digits, stable across runs and edits elsewhere: what baselines hold.
    fingerprint: &'a str,
}

/// Where one claim of a finding is.
#[derive(Serialize, JsonSchema)]
struct LocationView<'a> {
    outlet: &'a str,
    file: &'a str,
    line: usize,
    column: usize,
}

impl<'a> From<&'a Finding> for FindingView<'a> {
    fn from(f: &'a Finding) -> FindingView<'a> {
        FindingView {
            kind: f.kind,
            cluster: &f.cluster,
            severity: f.severity,
            message: &f.message,
            locations: f
                .locations
                .iter()
                .map(|l| LocationView {
                    outlet: &l.outlet,
                    file: &l.file,
                    line: l.line,
                    column: l.column,
                })
                .collect(),
            fingerprint: &f.fingerprint,
        }
    }
}

/// A figure: what it says and its interval.
#[derive(Serialize, JsonSchema)]
struct FigureView<'a> {
    text: &'a str,
    kind: FigureKind,
    low: Option<&'a Endpoint>,
    high: Option<&'a Endpoint>,
    #[serde(skip_serializing_if = "is_false")]
    low_exclusive: bool,
    #[serde(skip_serializing_if = "is_false")]
    high_exclusive: bool,
    qualifier: Qualifier,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<Endpoint>,
    unit: Option<&'a str>,
    measure: Option<&'a str>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl<'a> From<&'a Figure> for FigureView<'a> {
    fn from(f: &'a Figure) -> FigureView<'a> {
        FigureView {
            text: &f.text,
            kind: f.kind,
            low: f.low.as_ref(),
            high: f.high.as_ref(),
            low_exclusive: f.low_exclusive,
            high_exclusive: f.high_exclusive,
            qualifier: f.qualifier,
            value: f.value.map(Endpoint::Number),
            unit: f.unit.as_deref(),
            measure: f.measure.as_deref(),
        }
    }
}

fn figures(figures: &[Figure]) -> Vec<FigureView<'_>> {
    figures.iter().map(FigureView::from).collect()
}

/// A framing cue.
#[derive(Serialize, JsonSchema)]
struct CueView<'a> {
    kind: CueKind,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    named: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    verb: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    neutral: Option<&'a str>,
}

fn cues(cues: &[Cue]) -> Vec<CueView<'_>> {
    cues.iter()
        .map(|c| CueView {
            kind: c.kind,
            text: &c.text,
            source: c.source.as_deref(),
            named: c.named,
            verb: c.verb.as_deref(),
            speaker: c.speaker.as_deref(),
            neutral: c.neutral.as_deref(),
        })
        .collect()
}

/// An outlet's framing profile, flattened into its outlet object.
#[derive(Serialize, JsonSchema)]
struct ProfileView<'a> {
    attributed_share: f64,
    hedged_share: f64,
    named_sources: usize,
    unnamed_sources: usize,
    quotes: usize,
    scare_quotes: usize,
    loaded_terms: &'a std::collections::BTreeMap<String, usize>,
    attribution_verbs: &'a std::collections::BTreeMap<String, usize>,
}

impl<'a> From<&'a Profile> for ProfileView<'a> {
    fn from(p: &'a Profile) -> ProfileView<'a> {
        ProfileView {
            attributed_share: p.attributed_share,
            hedged_share: p.hedged_share,
            named_sources: p.named_sources,
            unnamed_sources: p.unnamed_sources,
            quotes: p.quotes,
            scare_quotes: p.scare_quotes,
            loaded_terms: &p.loaded_terms,
            attribution_verbs: &p.attribution_verbs,
        }
    }
}

/// A row of the story-level figure table.
#[derive(Serialize, JsonSchema)]
struct MeasureView<'a> {
    measure: &'a str,
    /// Outlet name → the figures it gives for the measure.
    outlets: std::collections::BTreeMap<&'a str, &'a [String]>,
    agree: usize,
    compatible: usize,
    conflict: usize,
}

#[derive(Serialize, JsonSchema)]
struct OutletView<'a> {
    name: &'a str,
    source: &'a str,
    claims: usize,
    shared: usize,
    unique_claims: usize,
    #[serde(flatten)]
    framing: ProfileView<'a>,
    /// The outlet's article text that reaches no claim.
    skipped: Vec<SkipView<'a>>,
}

/// A stretch of an outlet's article text that reaches no claim: why, what,
/// and where it starts.
#[derive(Serialize, JsonSchema)]
struct SkipView<'a> {
    reason: SkipReason,
    text: &'a str,
    file: &'a str,
    line: usize,
    column: usize,
}

#[derive(Serialize, JsonSchema)]
struct ClusterView<'a> {
    /// `c1`, `c2`, ... in order of the clusters' first claims.
    id: &'a str,
    status: Status,
    /// The members, at most one per outlet.
    claims: Vec<MemberView<'a>>,
    /// Outlets that state the fact inside a claim of another cluster.
    also: Vec<NearestView<'a>>,
    /// Outlets that do not carry the claim.
    missing: Vec<&'a str>,
    /// How sure the cluster is that its members state one fact, 0 to 1,
    /// from the pairs' own evidence: omissions and framing differences
    /// are reported from 0.5.
    confidence: f64,
    /// The same with the story link model's chance counted as evidence
    /// too: figure conflicts are reported from 0.5.
    linked_confidence: f64,
    /// For a cluster of one: the best candidate of another outlet.
    nearest: Option<NearestView<'a>>,
    /// Figure verdicts, measure by measure.
    figures: Vec<ComparisonView<'a>>,
    /// Framing differences between the members.
    framing: Vec<FramingView<'a>>,
    /// Word diffs against the reference member, for members that share most of its words.
    diff: Vec<DiffView<'a>>,
}

#[derive(Serialize, JsonSchema)]
struct MemberView<'a> {
    outlet: &'a str,
    text: &'a str,
    line: usize,
    column: usize,
    score: f64,
    figures: Vec<FigureView<'a>>,
    cues: Vec<CueView<'a>>,
}

#[derive(Serialize, JsonSchema)]
struct NearestView<'a> {
    outlet: &'a str,
    text: &'a str,
    score: f64,
}

#[derive(Serialize, JsonSchema)]
struct ComparisonView<'a> {
    measure: &'a str,
    verdict: Verdict,
    /// Whether the figures surely state one quantity (a conflict is then
    /// an error).
    confident: bool,
    /// Why the figures were paired.
    paired_by: Pairing,
    /// The same for people, with the word that paired them.
    reason: String,
    /// What makes the pairing doubtful, when it is not sure.
    #[serde(skip_serializing_if = "Option::is_none")]
    doubt: Option<Doubt>,
    values: Vec<ValueView<'a>>,
}

#[derive(Serialize, JsonSchema)]
struct ValueView<'a> {
    outlet: &'a str,
    line: usize,
    column: usize,
    #[serde(flatten)]
    figure: FigureView<'a>,
}

#[derive(Serialize, JsonSchema)]
struct FramingView<'a> {
    outlet: &'a str,
    kind: CueKind,
    text: &'a str,
}

#[derive(Serialize, JsonSchema)]
struct DiffView<'a> {
    outlet: &'a str,
    /// The reference outlet the changes are against.
    against: &'a str,
    changes: Vec<ChangeView<'a>>,
}

/// A run of words of a word diff.
#[derive(Serialize, JsonSchema)]
struct ChangeView<'a> {
    op: Op,
    text: &'a str,
}

fn changes(changes: &[Change]) -> Vec<ChangeView<'_>> {
    changes
        .iter()
        .map(|c| ChangeView {
            op: c.op,
            text: &c.text,
        })
        .collect()
}

impl<'a> From<&'a Report> for ReportView<'a> {
    fn from(report: &'a Report) -> ReportView<'a> {
        ReportView {
            schema: SCHEMA,
            story: &report.story,
            summary: SummaryView::new(report),
            outlets: report
                .outlets
                .iter()
                .map(|o| OutletView {
                    name: &o.name,
                    source: &o.source,
                    claims: o.claims,
                    shared: o.shared,
                    unique_claims: o.unique_claims,
                    framing: ProfileView::from(&o.framing),
                    skipped: o
                        .skipped
                        .iter()
                        .map(|s| SkipView {
                            reason: s.reason,
                            text: &s.text,
                            file: &o.source,
                            line: s.at.line,
                            column: s.at.column,
                        })
                        .collect(),
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
                                figures: figures(&claim.figures),
                                cues: cues(&claim.cues),
                            }
                        })
                        .collect(),
                    also: c
                        .also
                        .iter()
                        .map(|m| NearestView {
                            outlet: report.outlet_name(m.claim.outlet),
                            text: &report.claim(m.claim).text,
                            score: round(m.score),
                        })
                        .collect(),
                    missing: c.missing.iter().map(|&o| report.outlet_name(o)).collect(),
                    confidence: round(c.confidence),
                    linked_confidence: round(c.linked_confidence),
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
                        .map(|d: &FramingDifference| FramingView {
                            outlet: report.outlet_name(d.claim.outlet),
                            kind: d.kind,
                            text: &d.text,
                        })
                        .collect(),
                    diff: c
                        .diffs
                        .iter()
                        .map(|(o, list)| DiffView {
                            outlet: report.outlet_name(*o),
                            against: report.outlet_name(c.reference),
                            changes: changes(list),
                        })
                        .collect(),
                })
                .collect(),
            findings: report.findings.iter().map(FindingView::from).collect(),
        }
    }
}

fn comparison_view<'a>(report: &'a Report, comparison: &'a FigureComparison) -> ComparisonView<'a> {
    ComparisonView {
        measure: &comparison.measure,
        verdict: comparison.verdict,
        confident: comparison.confident,
        paired_by: comparison.judgement.pairing,
        reason: comparison.judgement.reason(&comparison.measure),
        doubt: comparison.judgement.doubt,
        values: comparison
            .values
            .iter()
            .map(|v| ValueView {
                outlet: report.outlet_name(v.claim.outlet),
                line: v.at.line,
                column: v.at.column,
                figure: FigureView::from(&v.figure),
            })
            .collect(),
    }
}

/// One version's claims, for `storydiff claims --format json`.
#[derive(Serialize, JsonSchema)]
pub struct ClaimsView<'a> {
    story: &'a str,
    outlet: &'a str,
    claims: Vec<ClaimView<'a>>,
}

#[derive(Serialize, JsonSchema)]
struct ClaimView<'a> {
    text: &'a str,
    line: usize,
    column: usize,
    headline: bool,
    figures: Vec<FigureView<'a>>,
    cues: Vec<CueView<'a>>,
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
                    figures: figures(&c.figures),
                    cues: cues(&c.cues),
                })
                .collect(),
        }
    }
}

/// One version's figures, for `storydiff figures --format json`.
#[derive(Serialize, JsonSchema)]
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
                        let at = c.position_of_figure(figure);
                        ValueView {
                            outlet: &story.versions[outlet].outlet,
                            line: at.line,
                            column: at.column,
                            figure: FigureView::from(figure),
                        }
                    })
                })
                .collect(),
        }
    }
}
