//! Greedy clustering from the strongest links, one claim per outlet per cluster.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::model::{ClaimRef, OutletId};

/// Members of each cluster that a merge looks at when it checks that every
/// claim of one cluster links to every claim of the other: an even sample,
/// so that a cluster carried by hundreds of outlets costs a bounded number
/// of look-ups per merge.
const MERGE_SAMPLE: usize = 8;

/// How two claims came to be linked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// The story link model (`link.rs`) accepted the pair.
    Story,
    /// The calibrated score reached the threshold, in a story too small for
    /// the link model.
    Score,
    /// The shorter claim is contained in the longer one, in a story too
    /// small for the link model; the score alone is below the threshold.
    Contained,
}

/// An accepted link between claims `a < b` of different outlets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Link {
    /// The first claim.
    pub a: usize,
    /// The second claim.
    pub b: usize,
    /// How strongly the two are linked, on the score scale: the link
    /// model's chance, or the score or containment that accepted it.
    pub strength: u32,
    /// What accepted it.
    pub kind: Kind,
}

/// The strength of every link the story model scored, accepted or not, by
/// `(a, b)` with `a < b`: what a merge checks its members' links against.
pub(crate) type Chances = HashMap<(usize, usize), u32>;

/// Group claims `0..refs.len()` into clusters: the `links` are taken
/// strongest first, ties in claim order, and join their clusters unless
/// that would put two claims of one outlet together.
///
/// - A [`Kind::Contained`] link joins only when one of its claims is still
///   alone: containment speaks for the two claims, not for the clusters
///   around them, and must not chain two clusters together.
/// - A [`Kind::Story`] link joins two clusters only when no pair of their
///   members (an even sample of each) is a candidate the link model scored
///   below `tight`: every member must state the fact, not only the two the
///   link joins (complete linkage over what is known, so that clusters do
///   not chain).
///
/// Every cluster comes back sorted by claim.
pub(crate) fn greedy(
    refs: &[ClaimRef],
    links: &[Link],
    chances: &Chances,
    tight: u32,
) -> Vec<Vec<usize>> {
    let mut order: Vec<&Link> = links.iter().collect();
    order.sort_by(|x, y| {
        y.strength
            .cmp(&x.strength)
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
    });
    let mut root: Vec<usize> = (0..refs.len()).collect();
    let mut members: Vec<Vec<usize>> = (0..refs.len()).map(|i| vec![i]).collect();
    // The outlets of each cluster of two or more, kept at its root. Clusters
    // merge smaller into larger, so the total cost stays n log n however
    // large they grow. Only looked up, never iterated: order cannot leak.
    let mut outlets: Vec<HashSet<OutletId>> = vec![HashSet::default(); refs.len()];
    for link in order {
        let (x, y) = (root[link.a], root[link.b]);
        if x == y {
            continue;
        }
        if link.kind == Kind::Contained && members[x].len() > 1 && members[y].len() > 1 {
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
        if link.kind == Kind::Story && !tight_enough(&members[keep], &members[gone], chances, tight)
        {
            continue;
        }
        let moved = std::mem::take(&mut members[gone]);
        for &m in &moved {
            root[m] = keep;
            outlets[keep].insert(refs[m].outlet);
        }
        members[keep].extend(moved);
        outlets[gone] = HashSet::default();
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

/// Whether no scored pair between (an even sample of) `x` and `y` falls
/// below `tight`.
pub(crate) fn tight_enough(x: &[usize], y: &[usize], chances: &Chances, tight: u32) -> bool {
    let sample = |group: &[usize]| {
        let step = group.len().div_ceil(MERGE_SAMPLE).max(1);
        group.iter().step_by(step).copied().collect::<Vec<_>>()
    };
    let (xs, ys) = (sample(x), sample(y));
    xs.iter().all(|&i| {
        ys.iter().all(|&j| {
            chances
                .get(&(i.min(j), i.max(j)))
                .is_none_or(|&s| s >= tight)
        })
    })
}
