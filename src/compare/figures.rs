//! Figure verdicts: figures of one measure within a cluster compared as intervals.

use serde::Serialize;

use crate::extract::figures::Figure;
use crate::model::{ClaimRef, Position};

/// How the figures of one measure relate across outlets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// The same value within rounding.
    Agree,
    /// Different statements whose intervals overlap: "more than 20" and "21".
    Compatible,
    /// Disjoint intervals: "12,000" and "15,000".
    Conflict,
}

/// One outlet's figure for a measure.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureValue {
    /// Which claim the figure is in.
    pub claim: ClaimRef,
    /// Where the figure is in the source.
    pub at: Position,
    /// The figure.
    pub figure: Figure,
}

/// The figures of one measure in one cluster, and the verdict on them.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureComparison {
    /// The thing counted.
    pub measure: String,
    /// How the values relate.
    pub verdict: Verdict,
    /// One value per outlet that states one.
    pub values: Vec<FigureValue>,
}

/// Compare the figures of the members of one cluster, measure by measure.
pub fn compare_cluster(_members: &[(ClaimRef, &crate::model::Claim)]) -> Vec<FigureComparison> {
    Vec::new()
}
