//! Story-structure evidence: two claims that are each other's clear best match across their outlets.
//!
//! In a story where each outlet carries several claims, a claim of outlet A
//! competes with every other claim of A for each claim of outlet B. When `a`
//! is the best candidate of `b` among A's claims and `b` the best of `a` among
//! B's, each by a clear margin over the runner-up, the two very likely report
//! the same thing even at a moderate score: the rest of the story has nothing
//! closer to offer (mutual best match, as in aligning the sentences of a text
//! with its translation). A story of one claim per outlet has no competitors,
//! so there is no such evidence and the plain threshold decides.

use std::collections::HashMap;

use super::index::{Pair, SCORE_SCALE};
use crate::model::{ClaimRef, OutletId};

/// The least score a mutual best match needs to align below the threshold,
/// as a share of the threshold (0.30 at the default 0.55), so that a stricter
/// `--threshold` makes the evidence stricter too. Below it two claims share a
/// word or two ("fire", a place name) and being each other's best says little
/// more than that the outlets tell different parts of the story. It keeps the
/// paraphrases of the fixture stories ("About 1,200 firefighters are on the
/// lines." / "About 1,200 firefighters are working the fire, supported by 14
/// helicopters ...") and leaves out pairs around one shared name.
pub(crate) const EVIDENCE_FLOOR_SHARE: f64 = 0.55;

/// How far the best match must lead the runner-up of the same outlet, on both
/// sides. A lead this large means the two claims are not merely the best of
/// several similar claims ("two people died" among several casualty
/// sentences), where a moderate score is no evidence at all.
pub(crate) const EVIDENCE_MARGIN: f64 = 0.1;

/// An outlet must carry at least this many claims for "best among its claims"
/// to mean anything: with one or two there is no competition.
pub(crate) const EVIDENCE_MIN_CLAIMS: usize = 3;

/// For every pair (in the order given), whether it is a mutual best match
/// with a clear margin and a score of at least `floor` (on the integer
/// score scale).
///
/// `claims_per_outlet[o]` is how many claims outlet `o` carries. Candidates
/// not among `pairs` count as scoring 0, so the cost is that of sorting the
/// pairs.
pub(crate) fn mutual_best(
    pairs: &[Pair],
    refs: &[ClaimRef],
    claims_per_outlet: &[usize],
    floor: u32,
) -> Vec<bool> {
    let margin = (EVIDENCE_MARGIN * SCORE_SCALE).round() as u32;
    // The two best scores of each claim per other outlet, with the best one's
    // partner; ties are no evidence, so only the scores matter after the best.
    let mut top: HashMap<(usize, OutletId), (u32, usize, u32)> = HashMap::new();
    for p in pairs {
        for (x, y) in [(p.a, p.b), (p.b, p.a)] {
            let entry = top.entry((x, refs[y].outlet)).or_insert((0, usize::MAX, 0));
            if p.score > entry.0 || (p.score == entry.0 && y < entry.1) {
                *entry = (p.score, y, entry.0);
            } else if p.score > entry.2 {
                entry.2 = p.score;
            }
        }
    }
    let clear_best = |x: usize, y: usize, score: u32| {
        top.get(&(x, refs[y].outlet))
            .is_some_and(|&(best, partner, runner_up)| {
                best == score && partner == y && best >= runner_up + margin
            })
    };
    let competes = |x: usize| claims_per_outlet[refs[x].outlet.0] >= EVIDENCE_MIN_CLAIMS;
    pairs
        .iter()
        .map(|p| {
            p.score >= floor
                && competes(p.a)
                && competes(p.b)
                && clear_best(p.a, p.b, p.score)
                && clear_best(p.b, p.a, p.score)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refs(outlets: &[usize]) -> Vec<ClaimRef> {
        outlets
            .iter()
            .enumerate()
            .flat_map(|(o, &n)| {
                (0..n).map(move |index| ClaimRef {
                    outlet: OutletId(o),
                    index,
                })
            })
            .collect()
    }

    fn pair(score: f64, a: usize, b: usize) -> Pair {
        Pair {
            score: (score * SCORE_SCALE) as u32,
            a,
            b,
        }
    }

    #[test]
    fn a_clear_mutual_best_is_evidence() {
        // Outlet 0: claims 0..3; outlet 1: claims 3..6.
        let refs = refs(&[3, 3]);
        let pairs = [pair(0.42, 0, 3), pair(0.2, 0, 4), pair(0.25, 1, 3)];
        assert_eq!(
            mutual_best(&pairs, &refs, &[3, 3], 3000),
            [true, false, false]
        );
    }

    #[test]
    fn a_close_runner_up_or_a_low_score_is_not() {
        let refs = refs(&[3, 3]);
        let close = [pair(0.42, 0, 3), pair(0.38, 0, 4)];
        assert_eq!(mutual_best(&close, &refs, &[3, 3], 3000), [false, false]);
        let low = [pair(0.25, 0, 3)];
        assert_eq!(mutual_best(&low, &refs, &[3, 3], 3000), [false]);
    }

    #[test]
    fn outlets_of_one_claim_give_no_evidence() {
        let refs = refs(&[1, 1]);
        let pairs = [pair(0.45, 0, 1)];
        assert_eq!(mutual_best(&pairs, &refs, &[1, 1], 3000), [false]);
    }
}
