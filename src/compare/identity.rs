//! Where a finding is and what identifies it across runs: a location per
//! claim, and a fingerprint that survives edits elsewhere in the corpus.
//!
//! A baseline accepts findings by fingerprint. Cluster ids (`c7`) shift when
//! a claim is added above, and line numbers when a story or a paragraph is
//! inserted, so neither is part of it: the fingerprint hashes the story, the
//! kind, the outlets, the normalised text of the cluster's claims and the
//! message with its line numbers (and a figure conflict's pairing reason)
//! taken out.

use crate::model::{Claim, Finding, Location, Outlet};

use super::ClusterReport;

/// Fill in every finding's locations and fingerprint from its cluster, in
/// story `story` published by `outlets`.
pub fn settle(
    findings: &mut [Finding],
    clusters: &[ClusterReport],
    story: &str,
    outlets: &[Outlet],
    claims: &[Vec<Claim>],
) {
    for finding in findings {
        // A story-level finding (no such cluster) has no claims to point at.
        let cluster = clusters.iter().find(|c| c.id == finding.cluster);
        let mut members: Vec<&Claim> = cluster
            .into_iter()
            .flat_map(|c| &c.members)
            .map(|m| &claims[m.claim.outlet.0][m.claim.index])
            .collect();
        members.sort_by_key(|c| c.outlet);
        finding.locations = members
            .iter()
            .map(|c| {
                let outlet = &outlets[c.outlet.0];
                Location {
                    outlet: outlet.name.clone(),
                    file: outlet.source.clone(),
                    line: c.at.line,
                    column: c.at.column,
                }
            })
            .collect();
        let mut key = format!("{story}\u{1f}{}", crate::model::name(&finding.kind));
        for claim in &members {
            key.push('\u{1f}');
            key.push_str(&outlets[claim.outlet.0].name);
            key.push('\u{1f}');
            key.push_str(&normalise(&claim.text));
        }
        key.push('\u{1f}');
        // the reason a figure conflict's values were paired is no part of
        // its identity: rewording it must not unsettle a baseline
        let message = finding
            .message
            .split_once(super::REASON_MARK)
            .map_or(finding.message.as_str(), |(values, _)| values);
        key.push_str(&without_line_numbers(message));
        finding.fingerprint = format!("{:016x}", fnv1a(key.as_bytes()));
    }
}

/// Text lowercased, letters and digits kept, everything else one space:
/// a claim's identity ignores punctuation and spacing edits.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// A message with every "line N" taken out.
fn without_line_numbers(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find("line ") {
        out.push_str(&rest[..at]);
        let after = &rest[at + "line ".len()..];
        let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits == 0 {
            out.push_str("line ");
        }
        rest = &after[digits..];
    }
    out.push_str(rest);
    out
}

/// The 64-bit FNV-1a hash: tiny, stable across platforms and releases
/// (unlike std's hasher), and enough to tell a story's findings apart.
fn fnv1a(bytes: &[u8]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    bytes
        .iter()
        .fold(OFFSET, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(PRIME))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_numbers_are_no_part_of_identity() {
        assert_eq!(
            without_line_numbers("troop: a says \"15,000\" (line 11); b says \"12,000\" (line 16)"),
            "troop: a says \"15,000\" (); b says \"12,000\" ()"
        );
        assert_eq!(without_line_numbers("a pipeline of 3"), "a pipeline of 3");
        assert_eq!(
            normalise("The US  has 15,000 troops."),
            "the us has 15 000 troops"
        );
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
    }
}
