//! What a report says a reader should look at: findings and their severity.

use serde::Serialize;

/// How much a finding matters.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// Worth knowing.
    Info,
    /// Worth a look.
    Warning,
    /// A contradiction between outlets.
    Error,
}

/// What a finding is about.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum FindingKind {
    /// Outlets state figures of one measure that cannot both be true.
    FigureConflict,
    /// A claim carried by two or more outlets is missing from others.
    Omission,
    /// Outlets frame one claim differently.
    Framing,
    /// Outlets quote the same words differently.
    QuoteFidelity,
    /// The outlets share almost none of their claims: the versions may
    /// cover different events (a story-level finding, cluster `story`).
    DifferentStories,
    /// A claim gives too many figures for them to be compared with the
    /// other outlets' (more than `compare::figures::MAX_FIGURES_PER_CLAIM`),
    /// or a cluster holds too many claims for its figures and framing to be
    /// compared (more than `compare::MAX_COMPARED_MEMBERS`).
    FiguresNotCompared,
}

/// Something a reader of the report should look at.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// What it is about.
    pub kind: FindingKind,
    /// The cluster it concerns (`c1`, `c2`, ...).
    pub cluster: String,
    /// How much it matters.
    pub severity: Severity,
    /// One sentence for a person.
    pub message: String,
    /// Where the finding's claims are: one location per claim of its
    /// cluster, in outlet order.
    pub locations: Vec<Location>,
    /// What identifies the finding across runs, for baselines and SARIF: a
    /// hash of its story, kind, outlets, their claims' normalised text and
    /// its message without line numbers (see `compare::identity`).
    pub fingerprint: String,
}

/// Where one claim of a finding is: the outlet, its file, line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The outlet's name.
    pub outlet: String,
    /// The file the outlet's version came from (`<stdin>` for standard input).
    pub file: String,
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}
