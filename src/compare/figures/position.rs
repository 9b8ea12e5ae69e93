//! Figures paired by where they stand: in two aligned claims, a number that
//! sits between the same agreed numbers as a number of the other claim is
//! the same quantity ("The final vote was 69 to 45, with 19 Republicans"
//! against "a 69-30 vote, as 19 Republicans joined": 45 stands where 30
//! stands).

use std::collections::BTreeSet;

use super::identity::{Entry, not_different};
use crate::model::ClaimRef;

/// Where a figure is: its key's index, its group's index, its byte offset.
type At = (usize, usize, usize);

/// Join figures left alone after agreement (`keyed[key][group]`, groups of
/// one) with the figure of another claim that stands in the same gap
/// between agreed figures, when each gap holds exactly one figure of that
/// key and nothing says the two differ (see [`not_different`]). At least
/// one agreed pair must bound the gap: with none, nothing says the claims
/// give their numbers in the same order.
pub(super) fn pair_by_position(keyed: &mut [Vec<Vec<Entry>>]) {
    let claims: BTreeSet<ClaimRef> = keyed.iter().flatten().flatten().map(|e| e.claim).collect();
    let claims: Vec<ClaimRef> = claims.into_iter().collect();
    for (i, &a) in claims.iter().enumerate() {
        for &b in &claims[i + 1..] {
            if a.outlet == b.outlet {
                continue;
            }
            for (ka, ga, kb, gb) in positional_pairs(keyed, a, b) {
                if keyed[ka][ga].len() == 1 && keyed[kb][gb].len() == 1 {
                    let mut e = keyed[kb][gb].pop().expect("a group of one");
                    e.by_position = true;
                    keyed[ka][ga][0].by_position = true;
                    keyed[ka][ga].push(e);
                }
            }
        }
    }
    for groups in keyed.iter_mut() {
        groups.retain(|g| !g.is_empty());
    }
}

/// The pairs of claim `a`'s and claim `b`'s lone figures that stand in the
/// same place, as (key, group of `a`'s, key, group of `b`'s).
fn positional_pairs(
    keyed: &[Vec<Vec<Entry>>],
    a: ClaimRef,
    b: ClaimRef,
) -> Vec<(usize, usize, usize, usize)> {
    let mut anchors: Vec<(usize, usize)> = Vec::new();
    let mut lone_a: Vec<At> = Vec::new();
    let mut lone_b: Vec<At> = Vec::new();
    for (k, groups) in keyed.iter().enumerate() {
        for (g, group) in groups.iter().enumerate() {
            let find = |c: ClaimRef| group.iter().find(|e| e.claim == c);
            match (find(a), find(b), group.len()) {
                (Some(x), Some(y), _) => anchors.push((x.figure.span.start, y.figure.span.start)),
                (Some(x), None, 1) => lone_a.push((k, g, x.figure.span.start)),
                (None, Some(y), 1) => lone_b.push((k, g, y.figure.span.start)),
                _ => {}
            }
        }
    }
    if anchors.is_empty() {
        return Vec::new();
    }
    anchors.sort_unstable();
    // the gap of `a`'s text around `p`, and the same gap in `b`'s text
    let gap = |p: usize| {
        let next = anchors.partition_point(|&(x, _)| x < p);
        let prev = next.checked_sub(1).map(|n| anchors[n]);
        let next = anchors.get(next).copied();
        let in_a = (prev.map_or(0, |x| x.0), next.map_or(usize::MAX, |x| x.0));
        let in_b = (prev.map_or(0, |x| x.1), next.map_or(usize::MAX, |x| x.1));
        (in_a, in_b)
    };
    let within = |p: usize, (lo, hi): (usize, usize)| p >= lo && p < hi;
    let mut pairs = Vec::new();
    for &(k, g, p) in &lone_a {
        let (in_a, in_b) = gap(p);
        if in_b.0 > in_b.1 {
            continue; // the anchors cross: no order to go by
        }
        let mine: Vec<&At> = lone_a
            .iter()
            .filter(|x| x.0 == k && within(x.2, in_a))
            .collect();
        let theirs: Vec<&At> = lone_b
            .iter()
            .filter(|x| x.0 == k && within(x.2, in_b))
            .collect();
        if let ([_], [other]) = (mine.as_slice(), theirs.as_slice()) {
            let (kb, gb, _) = **other;
            if not_different(&keyed[k][g][0], &keyed[kb][gb][0]) {
                pairs.push((k, g, kb, gb));
            }
        }
    }
    pairs
}
