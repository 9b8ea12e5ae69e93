//! Candidate pairs through an inverted index of tokens, near-linear in the number of claims.

use super::similarity::Prepared;
use super::tokens::NUMBER_KEY;
use crate::model::ClaimRef;

/// How many neighbours of a claim's own place in a token's posting list are
/// visited. Postings are in claim order (outlet, then position), so the
/// window reaches the nearby outlets' claims: a claim carried by hundreds of
/// outlets links to its neighbours, the neighbours to theirs, and greedy
/// clustering joins the chain, while each claim costs a bounded amount.
const POSTING_WINDOW: usize = 96;

/// How many of the best candidates (by shared token weight) of each claim get
/// the full score. The rest share too little to come close.
const CANDIDATES_PER_CLAIM: usize = 16;

/// In a story of at least `COMMON_MIN_CLAIMS` claims, a token found in more
/// than this share of them is too common to discriminate and is not used to
/// find candidates (it still counts in the score).
const COMMON_SHARE: f32 = 0.2;

/// Below this many claims every token is used: the story is too small for
/// "common" to mean anything and the index is cheap anyway.
const COMMON_MIN_CLAIMS: usize = 50;

/// A token is common only when it is also in more claims than this many
/// per outlet. A word that each outlet uses once or twice marks one fact
/// that they share: in wire copy carried by a dozen outlets, the words of
/// a four-sentence story are each in a quarter of all claims, and counting
/// them common left no token to find a candidate with, so that not one
/// claim was aligned. In stories of two or three outlets the share above
/// is the stricter bound and decides alone.
const COMMON_PER_OUTLET: usize = 2;

/// Scores are kept as integers on this scale so that sorting and ties are
/// exact and the same on every machine: four decimals.
pub(crate) const SCORE_SCALE: f64 = 10_000.0;

/// A scored pair of claims of different outlets, `a < b`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Pair {
    /// The calibrated score (`Prepared::score`) times [`SCORE_SCALE`].
    pub score: u32,
    /// The rarity-weighted overlap, with figure values set aside when both
    /// claims give figures (`Prepared::claim_overlap`), times
    /// [`SCORE_SCALE`]: what the story evidence ranks by.
    pub claim: u32,
    /// The first claim's index.
    pub a: usize,
    /// The second claim's index.
    pub b: usize,
    /// How much of the lighter claim the other covers
    /// (`Prepared::containment`), times [`SCORE_SCALE`].
    pub contained: u32,
    /// The calibrated score with figure values set aside
    /// (`Prepared::blind_score`) times [`SCORE_SCALE`]; `score` unless
    /// the two claims' figures clash.
    pub blind: u32,
    /// Whether the pair shares more than one name: two or more content
    /// tokens, or a figure (`figure`).
    pub supported: bool,
    /// Whether they give a figure in common with values set aside: a
    /// value, or a quantity in values that clash
    /// (`Prepared::quantities_clash`).
    pub figure: bool,
    /// The fewer content tokens of the two claims, figures counting as one
    /// (`Prepared::content_tokens`).
    pub lighter_tokens: usize,
    /// The lighter claim's token weight over the heavier one's, times
    /// [`SCORE_SCALE`]: 1 for claims of one length, small for a headline
    /// against a long lead.
    pub balance: u32,
}

/// Every candidate pair with its score, sorted by claim indices, and for every
/// claim its best candidate `(score, other)` from another outlet.
pub(crate) fn candidates(
    prep: &Prepared,
    refs: &[ClaimRef],
) -> (Vec<Pair>, Vec<Option<(u32, usize)>>) {
    let n = refs.len();
    let vocab = &prep.vocab;
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); vocab.keys.len()];
    for (claim, profile) in prep.profiles.iter().enumerate() {
        for &id in &profile.ids {
            postings[id as usize].push(claim as u32);
        }
    }
    let outlets = {
        let mut seen: Vec<_> = refs.iter().map(|r| r.outlet).collect();
        seen.sort_unstable();
        seen.dedup();
        seen.len()
    };
    let common_df = (COMMON_SHARE * n as f32).max((COMMON_PER_OUTLET * outlets) as f32);
    let common = |id: u32| {
        vocab.keys[id as usize] == NUMBER_KEY
            || (n >= COMMON_MIN_CLAIMS && vocab.df[id as usize] as f32 > common_df)
    };
    let mut shared = vec![0f32; n];
    let mut touched: Vec<usize> = Vec::new();
    let mut chosen: Vec<u64> = Vec::with_capacity(n * CANDIDATES_PER_CLAIM);
    let mut best: Vec<Option<(u32, usize)>> = vec![None; n];
    for (claim, profile) in prep.profiles.iter().enumerate() {
        for &id in &profile.ids {
            if common(id) {
                continue;
            }
            let weight = vocab.weight[id as usize];
            let lists = std::iter::once((id, weight)).chain(
                vocab.variants[id as usize]
                    .iter()
                    .map(|&(v, sim)| (v, weight * sim)),
            );
            for (list, weight) in lists {
                let list = &postings[list as usize];
                let at = list.partition_point(|&c| (c as usize) < claim);
                let from = at.saturating_sub(POSTING_WINDOW / 2);
                let to = (from + POSTING_WINDOW).min(list.len());
                let from = to.saturating_sub(POSTING_WINDOW);
                for &other in &list[from..to] {
                    let other = other as usize;
                    if refs[other].outlet == refs[claim].outlet {
                        continue;
                    }
                    if shared[other] == 0.0 {
                        touched.push(other);
                    }
                    shared[other] += weight;
                }
            }
        }
        let by_shared = |x: &usize, y: &usize| shared[*y].total_cmp(&shared[*x]).then(x.cmp(y));
        if touched.len() > CANDIDATES_PER_CLAIM {
            touched.select_nth_unstable_by(CANDIDATES_PER_CLAIM, by_shared);
        }
        for &other in touched.iter().take(CANDIDATES_PER_CLAIM) {
            let (a, b) = (claim.min(other), claim.max(other));
            chosen.push((a as u64) << 32 | b as u64);
        }
        for &other in &touched {
            shared[other] = 0.0;
        }
        touched.clear();
    }
    chosen.sort_unstable();
    chosen.dedup();
    let pairs: Vec<Pair> = chosen
        .into_iter()
        .map(|key| {
            pair(
                prep,
                (key >> 32) as usize,
                (key & u64::from(u32::MAX)) as usize,
            )
        })
        .collect();
    for p in &pairs {
        for (x, y) in [(p.a, p.b), (p.b, p.a)] {
            let better = match best[x] {
                None => p.score > 0,
                Some((s, o)) => p.score > s || (p.score == s && refs[y] < refs[o]),
            };
            if better {
                best[x] = Some((p.score, y));
            }
        }
    }
    (pairs, best)
}

/// Claims `a < b` scored as a [`Pair`].
pub(crate) fn pair(prep: &Prepared, a: usize, b: usize) -> Pair {
    let features = prep.features(a, b);
    let score = (features.score() * SCORE_SCALE).round() as u32;
    // Figure values can only make a difference when both claims have
    // figures.
    let both = |i: usize| !prep.profiles[i].figures.is_empty();
    let blind = prep
        .blind_score(a, b)
        .map_or(score, |s| (s * SCORE_SCALE).round() as u32);
    let claim = if both(a) && both(b) {
        prep.claim_overlap(a, b)
    } else {
        features.overlap()
    };
    let claim = (claim * SCORE_SCALE).round() as u32;
    let contained = (prep.containment(a, b) * SCORE_SCALE).round() as u32;
    let (words, value) = prep.support(a, b);
    // A figure both give counts as a shared name, and so does a quantity
    // both give with clashing values: figure values set aside, as in the
    // blind score ("It passed in a 396-9 vote" against "the House voted
    // 594-9" is one fact with a conflict for the compare stage).
    let figure = value || prep.quantities_clash(a, b);
    Pair {
        score,
        blind,
        claim,
        a,
        b,
        contained,
        supported: words >= 2 || figure,
        figure,
        lighter_tokens: prep.content_tokens(a).min(prep.content_tokens(b)),
        balance: (prep.balance(a, b) * SCORE_SCALE).round() as u32,
    }
}
