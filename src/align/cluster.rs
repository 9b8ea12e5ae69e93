//! Greedy clustering from the strongest pairs, one claim per outlet per cluster.

use std::collections::HashSet;

use super::index::Pair;
use crate::model::{ClaimRef, OutletId};

/// Group claims `0..refs.len()` into clusters: the `accepted` pairs are taken
/// strongest first, ties in claim order, and join their clusters unless that
/// would put two claims of one outlet together. A pair below `threshold`
/// (accepted on the story's evidence or by containment, which speak of the
/// two claims only) joins only when one of them is still alone: it must not
/// chain two clusters together. Every cluster comes back sorted by claim.
pub(crate) fn greedy(refs: &[ClaimRef], accepted: &[&Pair], threshold: u32) -> Vec<Vec<usize>> {
    let mut order: Vec<&Pair> = accepted.to_vec();
    order.sort_by(|x, y| {
        y.score
            .cmp(&x.score)
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
    });
    let mut root: Vec<usize> = (0..refs.len()).collect();
    let mut members: Vec<Vec<usize>> = (0..refs.len()).map(|i| vec![i]).collect();
    // The outlets of each cluster of two or more, kept at its root. Clusters
    // merge smaller into larger, so the total cost stays n log n however
    // large they grow. Only looked up, never iterated: order cannot leak.
    let mut outlets: Vec<HashSet<OutletId>> = vec![HashSet::new(); refs.len()];
    for pair in order {
        let (x, y) = (root[pair.a], root[pair.b]);
        if x == y || (pair.score < threshold && members[x].len() > 1 && members[y].len() > 1) {
            continue;
        }
        let (keep, gone) = if members[x].len() >= members[y].len() {
            (x, y)
        } else {
            (y, x)
        };
        if members[keep].len() == 1 {
            outlets[keep].insert(refs[keep].outlet);
        }
        let clash = members[gone]
            .iter()
            .any(|&m| outlets[keep].contains(&refs[m].outlet));
        if clash {
            continue;
        }
        let moved = std::mem::take(&mut members[gone]);
        for &m in &moved {
            root[m] = keep;
            outlets[keep].insert(refs[m].outlet);
        }
        members[keep].extend(moved);
        outlets[gone] = HashSet::new();
    }
    members
        .into_iter()
        .filter(|m| !m.is_empty())
        .map(|mut m| {
            m.sort_by_key(|&i| refs[i]);
            m
        })
        .collect()
}
