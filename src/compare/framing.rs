//! Framing differences between the members of a cluster, and outlet profiles.

use serde::Serialize;

use crate::extract::framing::CueKind;
use crate::model::{Claim, ClaimRef};

/// One outlet's framing of a claim where another outlet frames it otherwise.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FramingDifference {
    /// The kind of cue that differs.
    pub kind: CueKind,
    /// Which claim carries the cue.
    #[serde(skip)]
    pub claim: ClaimRef,
    /// The cue's words and what the others do instead.
    pub text: String,
}

/// The framing differences among the members of one cluster.
pub fn compare_cluster(_members: &[(ClaimRef, &Claim)]) -> Vec<FramingDifference> {
    Vec::new()
}

/// How one outlet frames its claims, over the whole story.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Profile {
    /// Share of claims pinned on a source.
    pub attributed_share: f64,
    /// Share of claims hedged.
    pub hedged_share: f64,
}

/// The framing profile of one outlet's claims.
pub fn profile(_claims: &[Claim]) -> Profile {
    Profile::default()
}
