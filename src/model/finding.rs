//! What a report says a reader should look at: findings and their severity.

use serde::Serialize;

/// How much a finding matters.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
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
}
