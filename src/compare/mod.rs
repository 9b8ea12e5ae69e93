//! Compare stage: clusters become statuses, figure verdicts, framing
//! differences, word diffs, findings and per-outlet summaries.

pub mod diff;
pub mod figures;
pub mod framing;
pub mod identity;

use serde::Serialize;

use crate::align::{CONFIDENT, Cluster, Member};
pub use crate::model::finding::{Finding, FindingKind, Severity};
use crate::model::{Claim, ClaimRef, Outlet, OutletId};

/// How the outlets that carry a cluster relate to each other.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Every outlet carries the claim, with no figure conflict and no framing
    /// difference.
    Agree,
    /// Two or more outlets carry the claim, and their figures conflict or
    /// their framing differs.
    Differ,
    /// Two or more outlets carry the claim, others leave it out.
    Partial,
    /// Only one outlet carries the claim.
    Unique,
}

/// What the compare stage is told: the `compare` part of [`crate::Config`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompareConfig {
    /// Severity of `framing` findings.
    pub framing_severity: Severity,
    /// The outlet whose claim the word diffs of a cluster are against, when
    /// it carries the claim; else (and when `None`) the cluster's first member.
    pub reference: Option<OutletId>,
}

/// One cluster with everything the compare stage found in it.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterReport {
    /// Stable identifier within the report: `c1`, `c2`, ... in cluster order.
    pub id: String,
    /// How the outlets relate.
    pub status: Status,
    /// The members with their score against the rest of the cluster.
    pub members: Vec<Member>,
    /// Outlets that do not carry the claim.
    pub missing: Vec<OutletId>,
    /// For a cluster of one: the best candidate from another outlet.
    pub nearest: Option<Member>,
    /// Claims of outlets that are no member which state the fact too,
    /// inside a claim of another cluster (see [`Cluster::also`]).
    pub also: Vec<Member>,
    /// How sure the cluster is that its members state one fact (see
    /// [`Cluster::confidence`]).
    pub confidence: f64,
    /// The same, the story link model's chance counted (see
    /// [`Cluster::linked_confidence`]): what figure conflicts rest on.
    pub linked_confidence: f64,
    /// Figure verdicts, measure by measure.
    pub figures: Vec<figures::FigureComparison>,
    /// Framing differences between members.
    pub framing: Vec<framing::FramingDifference>,
    /// The outlet the word diffs are against: the reference outlet when it
    /// carries the claim, else the first member's.
    pub reference: OutletId,
    /// Word diff against the reference member of each other member that
    /// says mostly the same words; paraphrases have none.
    pub diffs: Vec<(OutletId, Vec<diff::Change>)>,
}

/// Per-outlet counts over the story.
#[derive(Debug, Clone, PartialEq)]
pub struct OutletSummary {
    /// The outlet's name.
    pub name: String,
    /// Where its version came from.
    pub source: String,
    /// Number of claims (headline included).
    pub claims: usize,
    /// Claims that share a cluster with another outlet's claim.
    pub shared: usize,
    /// Claims no other outlet carries.
    pub unique_claims: usize,
    /// How the outlet frames its claims.
    pub framing: framing::Profile,
    /// The article text that reaches no claim, with its reasons, sorted by
    /// position: empty as the compare stage builds the summary, which sees
    /// only claims; [`crate::Analyzer::analyze`] fills it in.
    pub skipped: Vec<crate::model::Skip>,
}

/// Everything storydiff has to say about one story; renderers read only this.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The story's identifier.
    pub story: String,
    /// One summary per outlet, in input order.
    pub outlets: Vec<OutletSummary>,
    /// Every outlet's claims: `claims[outlet][index]`.
    pub claims: Vec<Vec<Claim>>,
    /// The clusters, in order of their first claim.
    pub clusters: Vec<ClusterReport>,
    /// Findings, in cluster order.
    pub findings: Vec<Finding>,
    /// The story-level figure table: measure × outlet.
    pub figures: Vec<figures::MeasureRow>,
}

impl Report {
    /// The claim a reference points to.
    pub fn claim(&self, claim: ClaimRef) -> &Claim {
        &self.claims[claim.outlet.0][claim.index]
    }

    /// An outlet's name.
    pub fn outlet_name(&self, outlet: OutletId) -> &str {
        &self.outlets[outlet.0].name
    }

    /// How many findings have `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

/// Below this share of a story's claims stating a fact another outlet
/// states too, the story gets a [`FindingKind::DifferentStories`] warning.
/// Versions of one event share far more: 39% of the claims of the BASIL dev
/// stories (full articles that restructure each other) on average, 75% on
/// the bundled venezuela fixture; versions of two unrelated events share a
/// stray name or date at most. At 10%, 2 of the 41 BASIL stories (6 of 103
/// and 5 of 72 claims shared: one hearing and one House session told from
/// different sides) and 42 of the 505 AllSides stories were flagged; at 5%,
/// no BASIL story and 41 AllSides stories, whose short excerpts of a left,
/// a centre and a right outlet share no claim or nearly none.
pub const DIFFERENT_STORIES_SHARE: f64 = 0.05;

/// What separates a figure conflict's values from the reason they were
/// paired in its message: "troop: a says \"12,000\" (line 5); b says
/// \"15,000\" (line 9) — paired: each is its claim's only figure of
/// \"troop\"". The fingerprint leaves the reason out (see
/// [`identity::settle`]), so that a baseline survives its rewording.
pub const REASON_MARK: &str = " — paired: ";

/// The most claims a cluster may hold for its figures and framing to be
/// compared. Both compare members with one another: grouping figures by
/// value and judging every pair of a group, and setting each member's cues
/// against the rest, cost up to the square of the members, and so can the
/// findings (a hedge that half the outlets use names the other half). Wire
/// copy carried by 1,000 outlets, a cluster of 1,000 claims per sentence,
/// took seconds per cluster. Comparative coverage of a hundred outlets
/// stays under it; a bigger cluster keeps its claims, figures and cues,
/// and gets a `figures-not-compared` finding saying so.
pub const MAX_COMPARED_MEMBERS: usize = 128;

/// The cluster name of a finding about the whole story.
pub const STORY_LEVEL: &str = "story";

/// Build the report of story `story` from its claims and clusters;
/// `outlets` names who published each version (indexed by [`OutletId`],
/// like `claims`), and `config` sets the severity of framing findings.
pub fn compare(
    story: &str,
    outlets: &[Outlet],
    claims: Vec<Vec<Claim>>,
    clusters: Vec<Cluster>,
    config: &CompareConfig,
) -> Report {
    let outlet_count = outlets.len();
    let mut findings = Vec::new();
    // Each quotation mismatch goes to the cluster of its first claim,
    // found through a map rather than by searching every cluster.
    let mut cluster_of: std::collections::HashMap<ClaimRef, usize> =
        std::collections::HashMap::new();
    for (n, cluster) in clusters.iter().enumerate() {
        for member in &cluster.members {
            cluster_of.entry(member.claim).or_insert(n);
        }
    }
    let mut quote_mismatches: Vec<Vec<framing::QuoteMismatch>> = vec![Vec::new(); clusters.len()];
    for mismatch in framing::quote_fidelity(&claims) {
        if let Some(&n) = cluster_of.get(&mismatch.first) {
            quote_mismatches[n].push(mismatch);
        }
    }
    let mut reports = Vec::with_capacity(clusters.len());
    for (n, cluster) in clusters.into_iter().enumerate() {
        let id = format!("c{}", n + 1);
        let members: Vec<(ClaimRef, &Claim)> = cluster
            .members
            .iter()
            .map(|m| (m.claim, &claims[m.claim.outlet.0][m.claim.index]))
            .collect();
        let present: Vec<OutletId> = members
            .iter()
            .map(|(r, _)| r.outlet)
            .chain(cluster.also.iter().map(|m| m.claim.outlet))
            .collect();
        // A cluster whose members may state different facts reports no
        // omission or framing difference: each would rest on a link the
        // cluster is not sure of. A figure conflict rests on the links the
        // story model counts too, and on the figure stage's own check that
        // the two figures count one quantity (`Cluster::linked_confidence`).
        let confident = cluster.confidence >= CONFIDENT;
        let figures_confident = cluster.linked_confidence >= CONFIDENT;
        let mut carried = vec![false; outlet_count];
        for o in &present {
            carried[o.0] = true;
        }
        let missing: Vec<OutletId> = (0..outlet_count)
            .filter(|&o| !carried[o])
            .map(OutletId)
            .collect();
        let crowded = members.len() > MAX_COMPARED_MEMBERS;
        let mut figure_comparisons = if crowded {
            Vec::new()
        } else {
            figures::compare_cluster(&members)
        };
        for value in figure_comparisons.iter_mut().flat_map(|c| &mut c.values) {
            value.at =
                claims[value.claim.outlet.0][value.claim.index].position_of_figure(&value.figure);
        }
        let framing_differences = if crowded {
            Vec::new()
        } else {
            framing::compare_cluster(&members)
        };
        let conflict = figure_comparisons
            .iter()
            .any(|f| f.verdict == figures::Verdict::Conflict);
        let status = if members.len() == 1 && cluster.also.is_empty() {
            Status::Unique
        } else if conflict || !framing_differences.is_empty() {
            Status::Differ
        } else if !missing.is_empty() {
            Status::Partial
        } else {
            Status::Agree
        };
        let first = members[0].1;
        let (reference, against) = config
            .reference
            .and_then(|o| members.iter().find(|(r, _)| r.outlet == o))
            .unwrap_or(&members[0]);
        let diffs = members
            .iter()
            .filter(|(r, _)| r != reference)
            .filter_map(|(r, claim)| Some((r.outlet, diff::word_diff(&against.text, &claim.text)?)))
            .collect();
        let reference = reference.outlet;
        for comparison in figure_comparisons
            .iter()
            .filter(|f| figures_confident && f.verdict == figures::Verdict::Conflict)
        {
            let values: Vec<String> = comparison
                .values
                .iter()
                .map(|v| {
                    format!(
                        "{} says \"{}\" (line {})",
                        outlets[v.claim.outlet.0].name, v.figure.text, v.at.line
                    )
                })
                .collect();
            // A conflict is an error only when the figures surely state one
            // quantity; otherwise (weekdays, estimates, a weak pairing, ...)
            // it is worth a look, not a contradiction. The message says why
            // the figures were paired, and what the doubt is.
            let judgement = &comparison.judgement;
            let mut message = format!(
                "{}: {}{REASON_MARK}{}",
                comparison.measure,
                values.join("; "),
                judgement.reason(&comparison.measure)
            );
            if let Some(doubt) = judgement.doubt {
                message.push_str(&format!("; not sure: {}", doubt.describe()));
            }
            findings.push(Finding {
                locations: Vec::new(),
                fingerprint: String::new(),
                kind: FindingKind::FigureConflict,
                cluster: id.clone(),
                severity: if comparison.confident {
                    Severity::Error
                } else {
                    Severity::Warning
                },
                message,
            });
        }
        // Figures left uncompared: the whole cluster's, or a crowded claim's.
        let not_compared: Vec<String> = if crowded {
            vec![format!(
                "the cluster holds {} claims, more than the {MAX_COMPARED_MEMBERS} compared together: their figures and framing are not compared",
                members.len(),
            )]
        } else {
            figures::crowded(&members)
                .into_iter()
                .map(|(claim, count)| {
                    format!(
                        "{}'s claim gives {count} figures, more than the {} compared in one claim: its figures are not compared (line {})",
                        outlets[claim.outlet.0].name,
                        figures::MAX_FIGURES_PER_CLAIM,
                        claims[claim.outlet.0][claim.index].at.line
                    )
                })
                .collect()
        };
        for message in not_compared {
            findings.push(Finding {
                locations: Vec::new(),
                fingerprint: String::new(),
                kind: FindingKind::FiguresNotCompared,
                cluster: id.clone(),
                severity: Severity::Info,
                message,
            });
        }
        if confident && members.len() >= 2 && !missing.is_empty() {
            let names: Vec<&str> = missing.iter().map(|o| outlets[o.0].name.as_str()).collect();
            findings.push(Finding {
                locations: Vec::new(),
                fingerprint: String::new(),
                kind: FindingKind::Omission,
                cluster: id.clone(),
                severity: Severity::Warning,
                message: format!(
                    "carried by {} of {} outlets, missing from {}: \"{}\"",
                    members.len(),
                    outlet_count,
                    names.join(", "),
                    first.text
                ),
            });
        }
        for difference in framing_differences.iter().filter(|_| confident) {
            let others: Vec<&str> = difference
                .others
                .iter()
                .map(|r| outlets[r.outlet.0].name.as_str())
                .collect();
            findings.push(Finding {
                locations: Vec::new(),
                fingerprint: String::new(),
                kind: FindingKind::Framing,
                cluster: id.clone(),
                severity: match difference.strength {
                    framing::Strength::Strong => config.framing_severity,
                    framing::Strength::Weak => config.framing_severity.min(Severity::Info),
                },
                message: format!(
                    "{} {} ({})",
                    outlets[difference.claim.outlet.0].name,
                    difference.text,
                    others.join(", ")
                ),
            });
        }
        for mismatch in std::mem::take(&mut quote_mismatches[n]) {
            let side = |r: ClaimRef, text: &str| {
                format!(
                    "\"{}\" ({}, line {})",
                    text, outlets[r.outlet.0].name, claims[r.outlet.0][r.index].at.line
                )
            };
            findings.push(Finding {
                locations: Vec::new(),
                fingerprint: String::new(),
                kind: FindingKind::QuoteFidelity,
                cluster: id.clone(),
                // Function words and inflections alone change no meaning:
                // worth showing, not worth a warning.
                severity: if mismatch.form_only {
                    Severity::Info
                } else {
                    Severity::Warning
                },
                message: format!(
                    "{} and {} quote the same words differently{}: {}",
                    side(mismatch.first, &mismatch.first_text),
                    side(mismatch.second, &mismatch.second_text),
                    if mismatch.form_only {
                        " (function words or word forms only)"
                    } else {
                        ""
                    },
                    mismatch.diff
                ),
            });
        }
        reports.push(ClusterReport {
            id,
            status,
            members: cluster.members,
            missing,
            nearest: cluster.nearest,
            also: cluster.also,
            confidence: cluster.confidence,
            linked_confidence: cluster.linked_confidence,
            figures: figure_comparisons,
            framing: framing_differences,
            reference,
            diffs,
        });
    }
    // A claim is shared when another outlet states its fact: it shares a
    // cluster with another outlet's claim, or states another cluster's fact
    // too (`also`).
    let mut shared_claims: Vec<Vec<bool>> = claims.iter().map(|c| vec![false; c.len()]).collect();
    for c in &reports {
        let carried = c.members.len() > 1 || !c.also.is_empty();
        for m in c.members.iter().filter(|_| carried).chain(&c.also) {
            shared_claims[m.claim.outlet.0][m.claim.index] = true;
        }
    }
    let summaries = outlets
        .iter()
        .enumerate()
        .map(|(o, outlet)| {
            let shared = shared_claims[o].iter().filter(|&&s| s).count();
            OutletSummary {
                name: outlet.name.clone(),
                source: outlet.source.clone(),
                claims: claims[o].len(),
                shared,
                unique_claims: claims[o].len() - shared,
                framing: framing::profile(&claims[o]),
                skipped: Vec::new(),
            }
        })
        .collect();
    let total: usize = claims.iter().map(Vec::len).sum();
    let shared_total: usize = shared_claims.iter().flatten().filter(|&&s| s).count();
    if total > 0 && (shared_total as f64) < DIFFERENT_STORIES_SHARE * total as f64 {
        findings.insert(
            0,
            Finding {
                locations: Vec::new(),
                fingerprint: String::new(),
                kind: FindingKind::DifferentStories,
                cluster: STORY_LEVEL.into(),
                severity: Severity::Warning,
                message: format!(
                    "the versions share {shared_total} of {total} claims: they may cover different events, or tell one from sides that do not meet"
                ),
            },
        );
    }
    identity::settle(&mut findings, &reports, story, outlets, &claims);
    let compared: Vec<&figures::FigureComparison> =
        reports.iter().flat_map(|c| &c.figures).collect();
    let figure_table = figures::measure_table(&claims, &compared);
    Report {
        story: story.to_string(),
        outlets: summaries,
        claims,
        clusters: reports,
        findings,
        figures: figure_table,
    }
}

/// Test support: a cluster with one claim per outlet, outlet `i` holding
/// `claims[i]`.
#[cfg(test)]
pub(crate) fn one_claim_per_outlet(claims: &[Claim]) -> Vec<(ClaimRef, &Claim)> {
    claims
        .iter()
        .enumerate()
        .map(|(o, claim)| {
            (
                ClaimRef {
                    outlet: OutletId(o),
                    index: 0,
                },
                claim,
            )
        })
        .collect()
}
