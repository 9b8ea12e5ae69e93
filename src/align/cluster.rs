//! Greedy clustering from the strongest pairs, one claim per outlet per cluster.

use super::index::Pair;
use crate::model::{ClaimRef, OutletId};

/// Group claims `0..refs.len()` into clusters: pairs at or above `threshold`
/// (on the integer score scale) are taken strongest first, ties in claim
/// order, and join their clusters unless that would put two claims of one
/// outlet together. Every cluster comes back sorted by claim.
pub(crate) fn greedy(refs: &[ClaimRef], pairs: &[Pair], threshold: u32) -> Vec<Vec<usize>> {
    let mut order: Vec<&Pair> = pairs.iter().filter(|p| p.score >= threshold).collect();
    order.sort_by(|x, y| {
        y.score
            .cmp(&x.score)
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
    });
    let mut root: Vec<usize> = (0..refs.len()).collect();
    let mut members: Vec<Vec<usize>> = (0..refs.len()).map(|i| vec![i]).collect();
    let mut outlets: Vec<Vec<OutletId>> = refs.iter().map(|r| vec![r.outlet]).collect();
    for pair in order {
        let (x, y) = (root[pair.a], root[pair.b]);
        if x == y || shares_outlet(&outlets[x], &outlets[y]) {
            continue;
        }
        let (keep, gone) = if members[x].len() >= members[y].len() {
            (x, y)
        } else {
            (y, x)
        };
        let moved = std::mem::take(&mut members[gone]);
        for &m in &moved {
            root[m] = keep;
        }
        members[keep].extend(moved);
        let (small, large) = (
            std::mem::take(&mut outlets[gone]),
            std::mem::take(&mut outlets[keep]),
        );
        outlets[keep] = merge_sorted(&large, &small);
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

/// Two sorted outlet lists as one sorted list, in linear time.
fn merge_sorted(a: &[OutletId], b: &[OutletId]) -> Vec<OutletId> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i] <= b[j] {
            out.push(a[i]);
            i += 1;
        } else {
            out.push(b[j]);
            j += 1;
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// Whether two sorted outlet lists have an outlet in common.
fn shares_outlet(a: &[OutletId], b: &[OutletId]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}
