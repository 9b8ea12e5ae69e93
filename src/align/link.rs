//! Story links: the chance that two claims of one story state the same fact,
//! read from the pair and from the story around it.
//!
//! The calibrated score (`calibrate.rs`) compares two sentences as a pair
//! benchmark does. In a full article a reader also uses the story: a claim
//! that is clearly the best match of the other among all of that outlet's
//! claims, claims whose neighbours match too (a quotation and the sentence
//! after it), leads against leads and headlines against headlines, a
//! headline that a long lead covers word for word. [`LinkModel`] weighs
//! these with the pair's own evidence in one logistic model, fitted on
//! full-article gold with whole stories held out
//! (`cargo bench --bench story_align -- --fit`, `docs/alignment.md`).
//!
//! The model applies where both outlets carry at least
//! [`STORY_MIN_CLAIMS`] claims; with fewer there is no story to read, and
//! the pair's calibrated score and containment decide alone.

use rustc_hash::FxHashMap as HashMap;

use super::index::{Pair, SCORE_SCALE};
use super::similarity::Prepared;
use crate::model::ClaimRef;

/// An outlet must carry at least this many claims for its claims' ranks
/// and places to mean anything: with one or two there is no competition.
pub const STORY_MIN_CLAIMS: usize = 3;

/// The least overlap as claims, or containment, that a pair needs for the
/// story to link it: the model weighs the story around a pair, and in a
/// short story a pair that shares a word or two can be each other's only
/// candidate, a clear best match in the same place. On the BASIL dev gold
/// a floor up to 0.2 changes nothing held out; 0.25 starts to cost recall.
/// A floor on the calibrated score instead costs far more: at 0.05 the
/// clusters' members keep recall 0.454 of 0.573, since the score, fitted on
/// pairs of one length, is low for a headline against its lead.
pub const PAIR_EVIDENCE_FLOOR: f64 = 0.2;

/// How many features [`LinkModel`] weighs.
pub const LINK_FEATURES: usize = 18;

/// The features' names, in the order of [`LinkModel::weights`].
pub const LINK_FEATURE_NAMES: [&str; LINK_FEATURES] = [
    "blind_score",
    "claim_overlap",
    "containment",
    "balance",
    "shared_weight",
    "shared_tokens",
    "shared_figure",
    "best_of_both",
    "best_of_either",
    "margin_least",
    "margin_most",
    "neighbours",
    "earlier_place",
    "place_apart",
    "a_headline",
    "both_headlines",
    "lighter_tokens",
    "heavier_tokens",
];

/// How far a margin between a candidate and its outlet's runner-up counts:
/// beyond it one claim is simply the other's match, or simply not.
const MARGIN_CAP: f64 = 0.5;

/// A logistic model over [`LINK_FEATURES`] features of a candidate pair.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinkModel {
    /// The intercept.
    pub bias: f64,
    /// One weight per feature, in the order of [`LINK_FEATURE_NAMES`].
    pub weights: [f64; LINK_FEATURES],
}

impl LinkModel {
    /// The chance, 0 to 1, that a pair with features `x` states one fact.
    pub fn chance(&self, x: &[f64; LINK_FEATURES]) -> f64 {
        let z = self.bias + self.weights.iter().zip(x).map(|(w, v)| w * v).sum::<f64>();
        1.0 / (1.0 + (-z).exp())
    }
}

// Fitted on 1548 candidate pairs of the BASIL dev gold stories, 427 of one fact.
/// The fitted model: weights fitted on the BASIL same-fact gold of the
/// development half (14 stories; no text of it is shipped, only these
/// numbers); regenerate with `cargo bench --bench story_align -- --fit`.
pub const LINK_MODEL: LinkModel = LinkModel {
    bias: -0.742136,
    weights: [
        3.364416,  // blind_score
        -7.654397, // claim_overlap
        1.029919,  // containment
        0.032492,  // balance
        3.151618,  // shared_weight
        0.520814,  // shared_tokens
        0.304251,  // shared_figure
        0.651564,  // best_of_both
        0.399210,  // best_of_either
        3.917246,  // margin_least
        2.424723,  // margin_most
        1.939798,  // neighbours
        0.905905,  // earlier_place
        -1.759963, // place_apart
        0.345969,  // a_headline
        -0.820074, // both_headlines
        -1.706539, // lighter_tokens
        -0.338386, // heavier_tokens
    ],
};

/// The story's shape as the link features read it.
pub(crate) struct Shape<'a> {
    /// Every claim's address, in claim order (outlet, then position).
    pub refs: &'a [ClaimRef],
    /// How many claims each outlet carries.
    pub per_outlet: &'a [usize],
    /// Whether each claim is a headline.
    pub headline: &'a [bool],
}

impl Shape<'_> {
    /// Whether the pair's outlets both carry enough claims for the story to
    /// speak.
    pub fn tells(&self, a: usize, b: usize) -> bool {
        self.per_outlet[self.refs[a].outlet.0] >= STORY_MIN_CLAIMS
            && self.per_outlet[self.refs[b].outlet.0] >= STORY_MIN_CLAIMS
    }

    /// A claim's place in its outlet's version, 0 (first) to just under 1.
    fn place(&self, i: usize) -> f64 {
        let r = self.refs[i];
        r.index as f64 / self.per_outlet[r.outlet.0].max(1) as f64
    }
}

/// Every candidate pair's link features, in the order of `pairs`; `None`
/// for a pair whose outlets are too small for the story to speak
/// ([`Shape::tells`]).
pub(crate) fn features(
    pairs: &[Pair],
    prep: &Prepared,
    shape: &Shape,
) -> Vec<Option<[f64; LINK_FEATURES]>> {
    let scale = |v: u32| f64::from(v) / SCORE_SCALE;
    let ranks = Ranks::new(pairs, shape.refs);
    let by_claims: HashMap<(usize, usize), u32> =
        pairs.iter().map(|p| ((p.a, p.b), p.claim)).collect();
    let same_outlet = |x: usize, y: usize| shape.refs[x].outlet == shape.refs[y].outlet;
    let neighbours = |a: usize, b: usize| {
        let mut best = 0;
        for x in [a.wrapping_sub(1), a + 1] {
            for y in [b.wrapping_sub(1), b + 1] {
                if x >= shape.refs.len() || y >= shape.refs.len() {
                    continue;
                }
                if !same_outlet(x, a) || !same_outlet(y, b) {
                    continue;
                }
                let key = (x.min(y), x.max(y));
                best = best.max(by_claims.get(&key).copied().unwrap_or(0));
            }
        }
        scale(best)
    };
    pairs
        .iter()
        .map(|p| {
            if !shape.tells(p.a, p.b) {
                return None;
            }
            let (a, b) = (p.a, p.b);
            let contained = scale(p.contained);
            let lighter = prep.weight(a).min(prep.weight(b));
            let (words, _) = prep.support(a, b);
            let (best_a, margin_a) = ranks.of(a, b);
            let (best_b, margin_b) = ranks.of(b, a);
            let heavier = prep.content_tokens(a).max(prep.content_tokens(b));
            let flag = |v: bool| if v { 1.0 } else { 0.0 };
            Some([
                scale(p.blind),
                scale(p.claim),
                contained,
                scale(p.balance),
                (1.0 + contained * lighter).ln(),
                (1.0 + words as f64).ln(),
                flag(p.figure),
                flag(best_a && best_b),
                flag(best_a || best_b),
                margin_a.min(margin_b),
                margin_a.max(margin_b),
                neighbours(a, b),
                shape.place(a).min(shape.place(b)),
                (shape.place(a) - shape.place(b)).abs(),
                flag(shape.headline[a] || shape.headline[b]),
                flag(shape.headline[a] && shape.headline[b]),
                (1.0 + p.lighter_tokens as f64).ln(),
                (1.0 + heavier as f64).ln(),
            ])
        })
        .collect()
}

/// For every claim, its candidates ranked per other outlet by their
/// overlap as claims (`Pair::claim`).
struct Ranks {
    /// Each claim's candidates as `(outlet of the other, claim overlap,
    /// other)`, sorted by outlet, then overlap from high to low.
    lists: Vec<Vec<(usize, u32, usize)>>,
}

impl Ranks {
    fn new(pairs: &[Pair], refs: &[ClaimRef]) -> Ranks {
        let mut lists: Vec<Vec<(usize, u32, usize)>> = vec![Vec::new(); refs.len()];
        for p in pairs {
            lists[p.a].push((refs[p.b].outlet.0, p.claim, p.b));
            lists[p.b].push((refs[p.a].outlet.0, p.claim, p.a));
        }
        for list in &mut lists {
            list.sort_unstable_by(|x, y| x.0.cmp(&y.0).then(y.1.cmp(&x.1)).then(x.2.cmp(&y.2)));
        }
        Ranks { lists }
    }

    /// Whether `other` is `claim`'s best candidate among its outlet's
    /// claims, and the margin: its lead over the runner-up when it is,
    /// else (negative) how far it trails the best; within
    /// [`MARGIN_CAP`].
    fn of(&self, claim: usize, other: usize) -> (bool, f64) {
        let list = &self.lists[claim];
        let Some(at) = list.iter().position(|e| e.2 == other) else {
            return (false, -MARGIN_CAP);
        };
        let outlet = list[at].0;
        let first = list.iter().position(|e| e.0 == outlet).unwrap_or(at);
        let value = f64::from(list[at].1) / SCORE_SCALE;
        let margin = if first == at {
            let runner_up = list
                .get(at + 1)
                .filter(|e| e.0 == outlet)
                .map_or(0.0, |e| f64::from(e.1) / SCORE_SCALE);
            value - runner_up
        } else {
            value - f64::from(list[first].1) / SCORE_SCALE
        };
        (first == at, margin.clamp(-MARGIN_CAP, MARGIN_CAP))
    }
}
