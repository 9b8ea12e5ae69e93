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

use super::index::{Pair, SCORE_SCALE};
use crate::model::ClaimRef;

/// The least rarity-weighted overlap (`Prepared::overlap`, not the
/// calibrated score) a mutual best match needs to align below the threshold,
/// at the default threshold; it scales with `--threshold`, so that a stricter
/// threshold makes the evidence stricter too. Below it two claims share a
/// word or two ("fire", a place name) and being each other's best says little
/// more than that the outlets tell different parts of the story. It keeps the
/// paraphrases of the fixture stories ("About 1,200 firefighters are on the
/// lines." / "About 1,200 firefighters are working the fire, supported by 14
/// helicopters ...") and leaves out pairs around one shared name.
pub(crate) const EVIDENCE_FLOOR: f64 = 0.3;

/// How far the best match must lead the runner-up of the same outlet, in
/// overlap as claims, on both sides. A lead this large means the two claims
/// are not merely the best of several similar claims ("two people died"
/// among several casualty sentences), where a moderate overlap is no
/// evidence at all. Half this margin
/// (0.05) added 307 clusters of two or more on the AllSides corpus (758 →
/// 1,065), and 6 of 15 of them read by hand were wrong.
pub(crate) const EVIDENCE_MARGIN: f64 = 0.1;

/// An outlet must carry at least this many claims for "best among its claims"
/// to mean anything: with one or two there is no competition.
pub(crate) const EVIDENCE_MIN_CLAIMS: usize = 3;

/// For every pair (in the order given), whether it is a mutual best match
/// with a clear margin and an overlap as claims of at least `floor` (on the
/// integer score scale). Candidates are ranked by their overlap as claims,
/// figure values set aside (`Pair::claim`): two outlets' versions of one
/// claim that disagree on a number are still each other's best match.
///
/// `claims_per_outlet[o]` is how many claims outlet `o` carries. Candidates
/// not among `pairs` count as scoring 0, so the cost is linear in the pairs
/// (each claim sorts its own few candidates).
pub(crate) fn mutual_best(
    pairs: &[Pair],
    refs: &[ClaimRef],
    claims_per_outlet: &[usize],
    floor: u32,
) -> Vec<bool> {
    let margin = (EVIDENCE_MARGIN * SCORE_SCALE).round() as u32;
    // Every claim's candidates, grouped by claim (a compressed adjacency
    // list): a handful each, so sorting them is cheap.
    let mut start = vec![0usize; refs.len() + 1];
    for p in pairs {
        start[p.a + 1] += 1;
        start[p.b + 1] += 1;
    }
    for i in 0..refs.len() {
        start[i + 1] += start[i];
    }
    let mut fill = start.clone();
    let mut edges = vec![(0u32, 0usize); 2 * pairs.len()];
    for p in pairs {
        for (x, y) in [(p.a, p.b), (p.b, p.a)] {
            edges[fill[x]] = (p.claim, y);
            fill[x] += 1;
        }
    }
    // For each claim, the candidates that lead every other candidate of
    // their outlet by the margin (a missing candidate scores 0).
    let mut clear: Vec<Vec<usize>> = vec![Vec::new(); refs.len()];
    for (x, lead) in clear.iter_mut().enumerate() {
        let list = &mut edges[start[x]..start[x + 1]];
        list.sort_unstable_by(|(s1, y1), (s2, y2)| {
            refs[*y1]
                .outlet
                .cmp(&refs[*y2].outlet)
                .then(s2.cmp(s1))
                .then(y1.cmp(y2))
        });
        for (i, &(score, y)) in list.iter().enumerate() {
            let first = i == 0 || refs[list[i - 1].1].outlet != refs[y].outlet;
            let runner_up = list
                .get(i + 1)
                .filter(|(_, z)| refs[*z].outlet == refs[y].outlet)
                .map_or(0, |&(s, _)| s);
            if first && score >= runner_up + margin {
                lead.push(y);
            }
        }
    }
    let competes = |x: usize| claims_per_outlet[refs[x].outlet.0] >= EVIDENCE_MIN_CLAIMS;
    pairs
        .iter()
        .map(|p| {
            p.claim >= floor
                && competes(p.a)
                && competes(p.b)
                && clear[p.a].contains(&p.b)
                && clear[p.b].contains(&p.a)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::OutletId;

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
            claim: (score * SCORE_SCALE) as u32,
            a,
            b,
            contained: 0,
            supported: true,
            value: false,
            lighter_tokens: 5,
            balance: 10_000,
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
