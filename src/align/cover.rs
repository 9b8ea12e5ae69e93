//! Where else a cluster's fact is stated, and how sure the cluster is.
//!
//! Clusters hold at most one claim per outlet and every claim sits in one
//! cluster, so a claim that states two facts (a lead that sums up the
//! story, a sentence that joins two events) can be a member of only one of
//! them. The links the clusters could not hold are kept as the other
//! cluster's `also`: that outlet states the fact too, inside a claim shown
//! with its own cluster. And an outlet counts as leaving a fact out only when
//! none of its claims covers any member of the cluster: every claim of an
//! absent outlet is checked by containment, not only the few candidates the
//! index offered.
//!
//! A cluster's confidence is the weakest of its members' best links inside
//! it: a cluster joined only on the story's evidence (two claims each
//! other's best match at a moderate score) is less sure than one whose every
//! member the score or containment accepts on its own. The compare stage
//! reports omissions, figure conflicts and framing differences only for
//! clusters it can trust.

use super::Tuning;
use super::cluster::{Chances, Kind, Link, tight_enough};
use super::index::{Pair, SCORE_SCALE, pair};
use super::similarity::Prepared;
use crate::model::ClaimRef;

/// A member's links are weighed against at most this many other members,
/// and an absent outlet's claims against at most this many members, evenly
/// spread, so that a cluster of hundreds of outlets costs a few comparisons
/// per member and outlet (as for the member score).
const SAMPLE: usize = 8;

/// The containment of a pair when the containment rule applies to it (the
/// lighter claim has enough content, the two are of unequal length, and they
/// share more than one name), else 0; on the [`SCORE_SCALE`]. A figure in
/// common is content enough: "The vote was seven to two." says one word
/// besides its figure, and the 7-2 of another claim about a vote is the
/// same fact; so is its 7-3, a conflict to report (`Pair::figure`).
pub(crate) fn containment_link(p: &Pair, tuning: &Tuning) -> u32 {
    let balance = (tuning.balance * SCORE_SCALE).round() as u32;
    let content = p.lighter_tokens >= tuning.min_tokens || p.figure;
    if p.supported && content && p.balance <= balance {
        p.contained
    } else {
        0
    }
}

/// [`containment_link`] for two claims that are no candidate pair: the
/// containment alone, without the calibrated score's features.
fn covers(prep: &Prepared, a: usize, b: usize, tuning: &Tuning) -> u32 {
    // Claims of about one length are no containment: told by two weights,
    // before the token lists are compared. An outlet absent from a cluster
    // has every claim checked, so this test runs for most pairs of a story.
    if prep.balance(a, b) > tuning.balance {
        return 0;
    }
    let (words, value) = prep.support(a, b);
    let lighter = prep.content_tokens(a).min(prep.content_tokens(b));
    if value || (words >= 2 && lighter >= tuning.min_tokens) {
        (prep.containment(a, b) * SCORE_SCALE).round() as u32
    } else {
        0
    }
}

/// How strongly a pair links on its own, 0 to 1: the calibrated score or,
/// where the containment rule applies and reaches its threshold, the
/// containment, whichever is higher.
pub(crate) fn strength(p: &Pair, tuning: &Tuning) -> u32 {
    strength_with(p, containment_link(p, tuning), tuning)
}

/// [`strength`] with the containment given.
fn strength_with(p: &Pair, contained: u32, tuning: &Tuning) -> u32 {
    let floor = (tuning.containment * SCORE_SCALE).round() as u32;
    if contained >= floor {
        p.score.max(contained)
    } else {
        p.score
    }
}

/// For every group (cluster, as claim indices), the claims of outlets it
/// lacks that state its fact, with the strength of the link, at most one
/// per outlet, sorted by claim.
///
/// `links` are the links the clustering took from; `by_outlet[o]` lists
/// outlet `o`'s claims. A link whose two claims ended in different clusters
/// makes each an `also` of the other's cluster when that cluster lacks its
/// outlet and, for a link of the story model, when no member of the
/// cluster is a candidate the model scored below `tight` against it (the
/// claim must state the cluster's fact, not only one member's). Then every
/// member of a cluster is checked against every claim of each outlet still
/// absent: a claim whose containment link reaches the threshold covers the
/// fact.
#[allow(clippy::too_many_arguments)]
pub(crate) fn also(
    prep: &Prepared,
    refs: &[ClaimRef],
    groups: &[Vec<usize>],
    links: &[Link],
    chances: &Chances,
    by_outlet: &[Vec<usize>],
    tuning: &Tuning,
    tight: u32,
) -> Vec<Vec<(usize, f64)>> {
    let mut group_of = vec![0usize; refs.len()];
    for (g, group) in groups.iter().enumerate() {
        for &i in group {
            group_of[i] = g;
        }
    }
    let mut out: Vec<Vec<(usize, u32)>> = vec![Vec::new(); groups.len()];
    let mut order: Vec<&Link> = links.iter().collect();
    order.sort_by(|x, y| {
        y.strength
            .cmp(&x.strength)
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
    });
    let holds = |g: usize, out: &[Vec<(usize, u32)>], outlet| {
        groups[g].iter().any(|&m| refs[m].outlet == outlet)
            || out[g].iter().any(|&(m, _)| refs[m].outlet == outlet)
    };
    for link in order {
        for (x, y) in [(link.a, link.b), (link.b, link.a)] {
            let g = group_of[x];
            if group_of[y] == g || holds(g, &out, refs[y].outlet) {
                continue;
            }
            if link.kind == Kind::Story && !tight_enough(&[y], &groups[g], chances, tight) {
                continue;
            }
            out[g].push((y, link.strength));
        }
    }
    let floor = (tuning.containment * SCORE_SCALE).round() as u32;
    for (g, group) in groups.iter().enumerate() {
        if group.len() < 2 {
            continue;
        }
        for claims in by_outlet {
            let Some(&first) = claims.first() else {
                continue;
            };
            if holds(g, &out, refs[first].outlet) {
                continue;
            }
            let mut best: Option<(u32, usize)> = None;
            let step = group.len().div_ceil(SAMPLE);
            for &m in group.iter().step_by(step) {
                for &c in claims {
                    let contained = covers(prep, m, c, tuning);
                    if contained >= floor && best.is_none_or(|(s, _)| contained > s) {
                        best = Some((contained, c));
                    }
                }
            }
            if let Some((s, c)) = best {
                out[g].push((c, s));
            }
        }
    }
    out.into_iter()
        .map(|mut list| {
            list.sort_by_key(|&(i, _)| refs[i]);
            list.into_iter()
                .map(|(i, s)| (i, f64::from(s) / SCORE_SCALE))
                .collect()
        })
        .collect()
}

/// Each member of `group`, in order, with the pairs it makes with an even
/// sample of the other members: what the member scores and
/// [`confidences`] read, each pair scored once for all of them.
pub(crate) fn sampled_pairs(prep: &Prepared, group: &[usize]) -> Vec<Vec<Pair>> {
    let step = group.len().saturating_sub(1).div_ceil(SAMPLE).max(1);
    group
        .iter()
        .map(|&i| {
            group
                .iter()
                .filter(|&&k| k != i)
                .step_by(step)
                .map(|&k| pair(prep, i.min(k), i.max(k)))
                .collect()
        })
        .collect()
}

/// The confidences of a group, from its [`sampled_pairs`], each 0 to 1, 1
/// for a claim alone; each member pair is scored once for both.
///
/// The first (`Cluster::confidence`) is the least, over the members, of a
/// member's strongest link to another member (over an even sample of
/// them) by the pair's own evidence. The story link model's chance is left
/// out on purpose: it joins claims on the story's evidence (best matches,
/// places, neighbours), which is enough to show them side by side but not
/// to say that an outlet leaves a fact out; that takes the pair's own
/// evidence. Here containment counts between claims of one length too: the
/// question is no longer whether two claims link (where the calibrated
/// score weighs what each lacks) but whether members the clustering joined
/// state one fact, and two versions of a sentence that differ in a figure
/// ("sent 12,000 troops" / "amassed 15,000 soldiers") cover each other
/// whatever their score.
///
/// The second (`Cluster::linked_confidence`) counts the story model's
/// chance (where the model scored the pair) and the pair's figure-blind
/// score (`Pair::blind`) as a link's strength too, the highest of them.
/// A figure conflict rests on it, since the compare stage checks on its
/// own that the two figures count one quantity (same measure, clauses that
/// share their words); a changed figure lowers the pair's own score (a
/// disjoint value counts against it), so a gate on the first would hide
/// exactly the conflicts it should show.
pub(crate) fn confidences(sampled: &[Vec<Pair>], chances: &Chances, tuning: &Tuning) -> (f64, f64) {
    if sampled.len() < 2 {
        return (1.0, 1.0);
    }
    let (mut own, mut linked) = (u32::MAX, u32::MAX);
    let same_words = SCORE_SCALE as u32;
    for pairs in sampled {
        let (mut best_own, mut best_linked) = (0, 0);
        let mut other_words = false;
        for p in pairs {
            // A member the same word for word (wire copy, a syndicated
            // article) says nothing about whether the cluster's other texts
            // state this fact: with it counted, a cluster of two texts each
            // carried twice was sure of itself whatever the two said.
            if p.score >= same_words {
                continue;
            }
            other_words = true;
            let content = p.lighter_tokens >= tuning.min_tokens || p.figure;
            let contained = if p.supported && content {
                p.contained
            } else {
                0
            };
            let strength = strength_with(p, contained, tuning);
            let chance = chances.get(&(p.a, p.b)).copied().unwrap_or(0);
            best_own = best_own.max(strength);
            best_linked = best_linked.max(strength.max(p.blind).max(chance));
        }
        if other_words {
            own = own.min(best_own);
            linked = linked.min(best_linked);
        }
    }
    if own == u32::MAX {
        // Every member says the same words.
        return (1.0, 1.0);
    }
    let scale = |v: u32| f64::from(v) / SCORE_SCALE;
    (scale(own), scale(linked))
}
