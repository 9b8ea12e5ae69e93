//! Align stage: claims that say the same thing across outlets become clusters.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::model::{Claim, ClaimRef, OutletId};

/// The similarity at or above which two claims of different outlets are
/// taken to be the same claim.
pub const DEFAULT_THRESHOLD: f64 = 0.5;

/// How claims are matched.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct AlignConfig {
    /// Minimum similarity for two claims to share a cluster.
    pub threshold: f64,
}

impl Default for AlignConfig {
    fn default() -> AlignConfig {
        AlignConfig {
            threshold: DEFAULT_THRESHOLD,
        }
    }
}

/// One claim in a cluster with its similarity to the rest of the cluster.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Member {
    /// The claim.
    pub claim: ClaimRef,
    /// Similarity to the cluster, 0 to 1.
    pub score: f64,
}

/// Claims of different outlets that say the same thing: at most one per outlet.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// The members, in outlet order.
    pub members: Vec<Member>,
    /// For a cluster of one: the best candidate from another outlet.
    pub nearest: Option<Member>,
}

/// Group the claims of all outlets (`claims[outlet][index]`) into clusters.
///
/// Every claim is in exactly one cluster. Clusters come in order of their
/// first member (outlet, then position).
pub fn align(claims: &[Vec<Claim>], config: &AlignConfig) -> Vec<Cluster> {
    let refs: Vec<ClaimRef> = claims
        .iter()
        .enumerate()
        .flat_map(|(o, list)| {
            (0..list.len()).map(move |index| ClaimRef {
                outlet: OutletId(o),
                index,
            })
        })
        .collect();
    let tokens: Vec<BTreeSet<String>> = refs
        .iter()
        .map(|r| words(&claims[r.outlet.0][r.index].text))
        .collect();
    let mut pairs = Vec::new();
    for i in 0..refs.len() {
        for j in i + 1..refs.len() {
            if refs[i].outlet != refs[j].outlet {
                pairs.push((jaccard(&tokens[i], &tokens[j]), i, j));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut cluster_of: Vec<usize> = (0..refs.len()).collect();
    let mut groups: Vec<Vec<usize>> = (0..refs.len()).map(|i| vec![i]).collect();
    let mut best: Vec<Option<(f64, usize)>> = vec![None; refs.len()];
    for &(score, i, j) in &pairs {
        for (a, b) in [(i, j), (j, i)] {
            if best[a].is_none() {
                best[a] = Some((score, b));
            }
        }
        if score < config.threshold {
            continue;
        }
        let (ci, cj) = (cluster_of[i], cluster_of[j]);
        if ci == cj {
            continue;
        }
        let clash = groups[ci]
            .iter()
            .any(|&a| groups[cj].iter().any(|&b| refs[a].outlet == refs[b].outlet));
        if clash {
            continue;
        }
        let moved = std::mem::take(&mut groups[cj]);
        for &m in &moved {
            cluster_of[m] = ci;
        }
        groups[ci].extend(moved);
    }
    let mut clusters: Vec<Cluster> = groups
        .into_iter()
        .filter(|g| !g.is_empty())
        .map(|mut g| {
            g.sort_by_key(|&i| refs[i]);
            let members = g
                .iter()
                .map(|&i| {
                    let others: Vec<f64> = g
                        .iter()
                        .filter(|&&k| k != i)
                        .map(|&k| jaccard(&tokens[i], &tokens[k]))
                        .collect();
                    let score = if others.is_empty() {
                        1.0
                    } else {
                        others.iter().sum::<f64>() / others.len() as f64
                    };
                    Member {
                        claim: refs[i],
                        score,
                    }
                })
                .collect();
            let nearest = (g.len() == 1)
                .then(|| {
                    best[g[0]].map(|(score, k)| Member {
                        claim: refs[k],
                        score,
                    })
                })
                .flatten();
            Cluster { members, nearest }
        })
        .collect();
    clusters.sort_by_key(|c| c.members[0].claim);
    clusters
}

fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 2)
        .map(str::to_lowercase)
        .collect()
}

fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let shared = a.intersection(b).count();
    let all = a.len() + b.len() - shared;
    if all == 0 {
        0.0
    } else {
        shared as f64 / all as f64
    }
}
