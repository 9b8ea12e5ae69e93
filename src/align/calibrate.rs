//! Calibrated pair scores: the chance that two claims are the same claim.
//!
//! The rarity-weighted overlap of `similarity.rs` says how much two claims
//! share; it cannot say whether one of them adds a clause the other lacks,
//! whether they share their wording or only their names, or whether their
//! numbers agree. This module reads those from the claims' surface (every
//! word, stop words included, and characters) and combines them with the
//! overlap in a logistic model: the score is a probability, so the default
//! threshold of one half means "more likely the same claim than not".
//!
//! The model's weights ([`MODEL`]) were fitted by
//! `cargo bench --bench align_accuracy -- --fit` (see `docs/alignment.md`)
//! on the MSRP training pairs (same claim or not) and, so that the score stays
//! a graded similarity and not only a decision, on the STS headline training
//! pairs (scored 0-5 by people). Each feature's weight depends on how long the
//! claims are: an added clause matters in a sentence of thirty words, a word
//! more or less hardly in a headline.

use rustc_hash::FxHashMap;

use super::tokens;

/// The longest word n-grams compared: bigrams to 4-grams carry word order,
/// longer ones add nothing on the training pairs.
const MAX_GRAM: usize = 4;

/// How fast the score goes to 1 as two claims become word for word the
/// same (the share of the longer claim's words in their longest common
/// subsequence, raised to this power, closes that part of the gap to 1).
/// The model has too few near-verbatim training pairs to learn that corner,
/// and without this puts a claim and its verbatim copy at about 0.7. At 16 a
/// copy with one word changed in twenty (0.95) gains 0.44 of the gap, a
/// pair sharing 0.9 of its words 0.19, one sharing 0.8 only 0.03: 34 of the
/// 4,076 MSRP training pairs share 0.9 or more, and the measured accuracy
/// and Pearson move by less than 0.001.
const VERBATIM_POWER: i32 = 16;

/// What one claim looks like on the surface, prepared once per claim.
#[derive(Debug, Default)]
pub(crate) struct Surface {
    /// Number of words.
    len: usize,
    /// Stemmed word ids in text order, stop words included.
    words: Vec<u32>,
    /// For the first 64 words: each distinct word id with the bit set of
    /// its positions, sorted by id (for [`common_subsequence`]).
    positions: Vec<(u32, u64)>,
    /// The word ids, sorted (a multiset).
    unigrams: Vec<u32>,
    /// Word n-grams for n = 2..=[`MAX_GRAM`], hashed, sorted (multisets).
    grams: [Vec<u64>; MAX_GRAM - 1],
    /// Stop-word ids, sorted: the function words carry the sentence's build.
    stops: Vec<u32>,
    /// Character trigrams of the folded text, sorted.
    chars: Vec<u32>,
    /// Whether the claim is negated.
    negated: bool,
}

impl Surface {
    /// The surface of `text`; `ids` interns the story's stemmed words.
    pub fn new(text: &str, ids: &mut FxHashMap<String, u32>) -> Surface {
        let folded = crate::text::fold(text);
        let raw = split_words(&folded);
        let stopwords = tokens::stopwords();
        let intern = |ids: &mut FxHashMap<String, u32>, word: &str| {
            if let Some(&id) = ids.get(word) {
                return id;
            }
            let next = ids.len() as u32;
            ids.insert(word.to_owned(), next);
            next
        };
        let mut surface = Surface {
            len: raw.len(),
            ..Surface::default()
        };
        surface.words.reserve(raw.len());
        for word in &raw {
            let id = if word.starts_with(|c: char| c.is_ascii_digit()) {
                if word.contains(',') {
                    intern(ids, &word.replace(',', ""))
                } else {
                    intern(ids, word)
                }
            } else {
                crate::text::with_stem(word, |stem| intern(ids, stem))
            };
            surface.words.push(id);
            if stopwords.contains(word) {
                surface.stops.push(id);
            }
            surface.negated |= crate::text::NEGATIONS.contains(word) || word.ends_with("n't");
        }
        for (i, &id) in surface.words.iter().take(64).enumerate() {
            surface.positions.push((id, 1 << i));
        }
        surface.positions.sort_unstable_by_key(|&(id, _)| id);
        surface.positions.dedup_by(|later, kept| {
            let same = later.0 == kept.0;
            if same {
                kept.1 |= later.1;
            }
            same
        });
        surface.unigrams = surface.words.clone();
        surface.unigrams.sort_unstable();
        for n in 2..=MAX_GRAM {
            let grams = &mut surface.grams[n - 2];
            *grams = surface.words.windows(n).map(hash_gram).collect();
            grams.sort_unstable();
        }
        surface.stops.sort_unstable();
        let joined = raw.join(" ");
        surface.chars = joined
            .as_bytes()
            .windows(3)
            .map(|w| u32::from_le_bytes([w[0], w[1], w[2], 0]))
            .collect();
        surface.chars.sort_unstable();
        surface
    }
}

/// The words of folded, lowercase text: letters and digits, with an
/// apostrophe inside a word ("don't") and separators inside a number
/// ("12,000", "2.5").
fn split_words(folded: &str) -> Vec<&str> {
    let bytes = folded.as_bytes();
    let mut words = Vec::new();
    let mut start = None;
    for (i, &c) in bytes.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| bytes[p]);
        let next = bytes.get(i + 1).copied();
        let inside = match c {
            c if c.is_ascii_alphanumeric() => true,
            b'\'' => {
                prev.is_some_and(|p| p.is_ascii_alphabetic())
                    && next.is_some_and(|n| n.is_ascii_alphabetic())
            }
            b',' | b'.' => {
                prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit())
            }
            _ => false,
        };
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push(&folded[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push(&folded[s..]);
    }
    words
}

/// A word n-gram as one number (FNV-1a over the word ids).
fn hash_gram(ids: &[u32]) -> u64 {
    ids.iter().fold(0xcbf2_9ce4_8422_2325, |h, &id| {
        (h ^ u64::from(id)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Below this many items in all, [`shared`] merges in one pass.
const SPLIT_MERGE_MIN: usize = 32;

/// How many items two sorted multisets share. Branch-free steps: the
/// comparisons are unpredictable, and this runs for every candidate pair.
/// Longer lists are cut at the middle item of `a` (equal items fall on the
/// same side) and the two halves merged in one loop, so that the processor
/// runs two chains of dependent steps side by side instead of one.
pub(crate) fn shared<T: Ord + Copy>(a: &[T], b: &[T]) -> usize {
    if a.len() + b.len() < SPLIT_MERGE_MIN || a.is_empty() {
        return shared_serial(a, b);
    }
    let pivot = a[a.len() / 2];
    let (a1, a2) = a.split_at(a.partition_point(|x| *x < pivot));
    let (b1, b2) = b.split_at(b.partition_point(|x| *x < pivot));
    let (mut i1, mut j1, mut i2, mut j2, mut count) = (0, 0, 0, 0, 0);
    while i1 < a1.len() && j1 < b1.len() && i2 < a2.len() && j2 < b2.len() {
        let (x1, y1) = (a1[i1], b1[j1]);
        let (x2, y2) = (a2[i2], b2[j2]);
        count += usize::from(x1 == y1) + usize::from(x2 == y2);
        i1 += usize::from(x1 <= y1);
        j1 += usize::from(y1 <= x1);
        i2 += usize::from(x2 <= y2);
        j2 += usize::from(y2 <= x2);
    }
    count + shared_serial(&a1[i1..], &b1[j1..]) + shared_serial(&a2[i2..], &b2[j2..])
}

/// [`shared`] in one merge.
fn shared_serial<T: Ord + Copy>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut count) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        count += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    count
}

/// The share of each side's items the other has, the smaller first.
fn coverage<T: Ord + Copy>(a: &[T], b: &[T]) -> (f64, f64) {
    let common = shared(a, b) as f64;
    let of = |x: &[T]| {
        if x.is_empty() {
            0.0
        } else {
            common / x.len() as f64
        }
    };
    let (x, y) = (of(a), of(b));
    (x.min(y), x.max(y))
}

/// Length of the longest common subsequence of two claims' words.
///
/// Bit-parallel (Allison and Dix; Crochemore et al. 2001): the state is one
/// bit per word of the first claim, and each word of the second claim costs
/// a few operations per 64 of them. A claim of at most 64 words (nearly
/// every sentence) takes one machine word and the masks prepared with its
/// surface; a longer one (a paragraph the segmenter could not cut) takes
/// [`common_subsequence_long`], so that no pair costs the square of its
/// length.
fn common_subsequence(a: &Surface, b: &Surface) -> usize {
    if a.words.len() > 64 {
        return common_subsequence_long(&a.words, &b.words);
    }
    let m = a.words.len() as u32;
    let mut v = u64::MAX;
    for y in &b.words {
        let Ok(at) = a.positions.binary_search_by_key(y, |&(id, _)| id) else {
            continue;
        };
        let u = v & a.positions[at].1;
        v = v.wrapping_add(u) | (v - u);
    }
    let unset = (!v).count_ones().min(m);
    unset as usize
}

/// [`common_subsequence`] for a first sequence of any length: the same
/// recurrence over a vector of machine words, the addition carried from
/// each word into the next.
fn common_subsequence_long(a: &[u32], b: &[u32]) -> usize {
    let blocks = a.len().div_ceil(64);
    let mut occurrences: Vec<(u32, usize)> = a.iter().enumerate().map(|(i, &id)| (id, i)).collect();
    occurrences.sort_unstable();
    let mut v = vec![u64::MAX; blocks];
    let mut u = vec![0u64; blocks];
    for &y in b {
        let from = occurrences.partition_point(|&(id, _)| id < y);
        let to = occurrences.partition_point(|&(id, _)| id <= y);
        if from == to {
            continue;
        }
        for &(_, at) in &occurrences[from..to] {
            u[at / 64] |= 1 << (at % 64);
        }
        let mut carry = false;
        for (vk, uk) in v.iter_mut().zip(u.iter_mut()) {
            let matched = *vk & *uk;
            let (sum, c1) = vk.overflowing_add(matched);
            let (sum, c2) = sum.overflowing_add(u64::from(carry));
            carry = c1 || c2;
            *vk = sum | (*vk & !matched);
            *uk = 0;
        }
    }
    v.iter()
        .map(|w| (!w).count_ones() as usize)
        .sum::<usize>()
        .min(a.len())
}

/// The longest common subsequence by the quadratic table, one row kept:
/// the reference the bit-parallel versions are tested against.
#[cfg(test)]
fn common_subsequence_table(a: &[u32], b: &[u32]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for &x in a {
        let mut diagonal = 0;
        for (j, &y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y {
                diagonal + 1
            } else {
                above.max(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

/// The number of features.
pub const FEATURES: usize = 22;

/// The features' names, in the order of [`Features::values`] and [`MODEL`].
pub const FEATURE_NAMES: [&str; FEATURES] = [
    "overlap",
    "bigrams_min",
    "bigrams_max",
    "trigrams_min",
    "trigrams_max",
    "fourgrams_min",
    "fourgrams_max",
    "subsequence_of_longer",
    "subsequence_of_shorter",
    "numbers_equal",
    "numbers_nested",
    "numbers_unshared",
    "content_unshared_min",
    "content_unshared_max",
    "negation_differs",
    "chars_min",
    "chars_max",
    "stopwords_min",
    "stopwords_max",
    "word_edits",
    "words_min",
    "words_max",
];

/// The index of "subsequence_of_longer" in [`FEATURE_NAMES`].
const SUBSEQUENCE_OF_LONGER: usize = 7;

/// The evidence about one pair of claims that the model weighs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Features {
    /// The features, named by [`FEATURE_NAMES`].
    pub values: [f64; FEATURES],
    /// `ln(1 + mean words per claim)`: what the weights depend on.
    pub log_length: f64,
}

/// What the pair's other parts give the features: the content-token overlap
/// and figure values, from `similarity.rs`.
pub(crate) struct Content<'a> {
    /// The rarity-weighted overlap, 0 to 1.
    pub overlap: f64,
    /// How many distinct content tokens each claim has that the other
    /// lacks, figures left out.
    pub unshared: [usize; 2],
    /// Each claim's distinct figure values, sorted.
    pub figures: [Vec<&'a str>; 2],
}

impl Features {
    /// The features of claims with surfaces `a` and `b`.
    pub(crate) fn new(a: &Surface, b: &Surface, content: &Content) -> Features {
        let mut values = [0.0; FEATURES];
        values[0] = content.overlap;
        for n in 0..MAX_GRAM - 1 {
            let (low, high) = coverage(&a.grams[n], &b.grams[n]);
            values[1 + 2 * n] = low;
            values[2 + 2 * n] = high;
        }
        let common = common_subsequence(a, b) as f64;
        let (short, long) = (a.len.min(b.len).max(1), a.len.max(b.len).max(1));
        values[SUBSEQUENCE_OF_LONGER] = common / long as f64;
        values[8] = common / short as f64;
        let [fa, fb] = &content.figures;
        let together = shared(fa, fb);
        values[9] = f64::from(u8::from(together == fa.len() && together == fb.len()));
        values[10] = f64::from(u8::from(
            !fa.is_empty() && !fb.is_empty() && together == fa.len().min(fb.len()),
        ));
        values[11] = (fa.len() + fb.len() - 2 * together) as f64;
        let [only_a, only_b] = content.unshared.map(|n| n as f64);
        values[12] = only_a.min(only_b);
        values[13] = only_a.max(only_b);
        values[14] = f64::from(u8::from(a.negated != b.negated));
        (values[15], values[16]) = coverage(&a.chars, &b.chars);
        (values[17], values[18]) = coverage(&a.stops, &b.stops);
        values[19] = ((a.len + b.len) as f64 - 2.0 * common).ln_1p();
        (values[20], values[21]) = coverage(&a.unigrams, &b.unigrams);
        let mean_len = (a.len + b.len) as f64 / 2.0;
        Features {
            values,
            log_length: mean_len.ln_1p(),
        }
    }

    /// The rarity-weighted overlap the features start from.
    pub fn overlap(&self) -> f64 {
        self.values[0]
    }

    /// The chance, 0 to 1, that the two claims are the same claim: the
    /// model's, raised toward 1 for near-verbatim copies.
    pub fn score(&self) -> f64 {
        let model = self.model_score();
        let verbatim = self.values[SUBSEQUENCE_OF_LONGER].powi(VERBATIM_POWER);
        model + (1.0 - model) * verbatim
    }

    /// The logistic model's chance alone ([`MODEL`]).
    pub fn model_score(&self) -> f64 {
        let mut z = MODEL.bias + MODEL.length * self.log_length;
        for ((x, base), slope) in self.values.iter().zip(MODEL.base).zip(MODEL.slope) {
            z += (base + slope * self.log_length) * x;
        }
        1.0 / (1.0 + (-z).exp())
    }
}

/// The weights of the logistic model: feature `i` weighs
/// `base[i] + slope[i] * log_length`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Model {
    /// The intercept.
    pub bias: f64,
    /// The weight of `log_length` itself.
    pub length: f64,
    /// Each feature's weight at `log_length` 0.
    pub base: [f64; FEATURES],
    /// How each feature's weight changes with `log_length`.
    pub slope: [f64; FEATURES],
}

// Fitted on 4076 MSRP train and 1999 STS headlines train pairs. MSRP train accuracy at 0.5: 0.764 in sample, 0.762 held out (5-fold).
/// The fitted model: weights fitted on the MSRP training pairs (Microsoft
/// Research's terms) and the STS benchmark's headline training pairs (scores
/// CC BY-SA 4.0); no text of either is shipped, only these numbers (see
/// `docs/alignment.md`, data tables). Regenerate with
/// `cargo bench --bench align_accuracy -- --fit`.
pub const MODEL: Model = Model {
    bias: -3.575639,
    length: 1.850301,
    base: [
        4.013152,  // overlap
        -1.469073, // bigrams_min
        0.767966,  // bigrams_max
        0.937886,  // trigrams_min
        0.996389,  // trigrams_max
        0.778869,  // fourgrams_min
        1.757808,  // fourgrams_max
        -2.628184, // subsequence_of_longer
        1.145201,  // subsequence_of_shorter
        -0.097932, // numbers_equal
        0.058487,  // numbers_nested
        -0.142162, // numbers_unshared
        -0.008855, // content_unshared_min
        0.199756,  // content_unshared_max
        0.890427,  // negation_differs
        -2.976789, // chars_min
        1.227285,  // chars_max
        -2.423070, // stopwords_min
        -0.319557, // stopwords_max
        -0.014467, // word_edits
        -2.153265, // words_min
        0.638328,  // words_max
    ],
    slope: [
        -0.325737, // overlap
        0.192754,  // bigrams_min
        -0.668562, // bigrams_max
        -0.104465, // trigrams_min
        -0.970454, // trigrams_max
        -0.316214, // fourgrams_min
        -0.813308, // fourgrams_max
        0.943924,  // subsequence_of_longer
        -0.468984, // subsequence_of_shorter
        0.011238,  // numbers_equal
        -0.045837, // numbers_nested
        -0.017303, // numbers_unshared
        0.006357,  // content_unshared_min
        -0.069972, // content_unshared_max
        -0.615472, // negation_differs
        1.861982,  // chars_min
        -0.126014, // chars_max
        1.153754,  // stopwords_min
        0.110174,  // stopwords_max
        -0.547067, // word_edits
        1.396650,  // words_min
        -0.421223, // words_max
    ],
};

#[cfg(test)]
mod tests {
    use super::*;

    fn surface(text: &str, ids: &mut FxHashMap<String, u32>) -> Surface {
        Surface::new(text, ids)
    }

    #[test]
    fn words_keep_apostrophes_and_number_separators() {
        assert_eq!(
            split_words("don't pay $12,000.50 for u.s. 'bonds'"),
            ["don't", "pay", "12,000.50", "for", "u", "s", "bonds"]
        );
    }

    #[test]
    fn bit_parallel_subsequence_matches_the_table() {
        // A fixed pseudo-random sequence of small word ids.
        let mut state = 0x2545_f491_u64;
        let mut next = |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n) as u32
        };
        for round in 0..300 {
            let len_a = 1 + round % 150;
            let len_b = next(80) as usize;
            let a: Vec<u32> = (0..len_a).map(|_| next(8)).collect();
            let b: Vec<u32> = (0..len_b).map(|_| next(8)).collect();
            let mut ids = FxHashMap::default();
            let text = |w: &[u32]| {
                w.iter()
                    .map(|x| format!("w{x}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let (sa, sb) = (surface(&text(&a), &mut ids), surface(&text(&b), &mut ids));
            assert_eq!(
                common_subsequence(&sa, &sb),
                common_subsequence_table(&sa.words, &sb.words),
                "{a:?} / {b:?}"
            );
        }
    }

    #[test]
    fn the_split_merge_counts_as_the_single_one() {
        let mut state = 0x9e37_79b9_u64;
        let mut next = |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n) as u32
        };
        for round in 0..500 {
            let mut a: Vec<u32> = (0..next(90)).map(|_| next(1 + round % 60)).collect();
            let mut b: Vec<u32> = (0..next(90)).map(|_| next(1 + round % 60)).collect();
            a.sort_unstable();
            b.sort_unstable();
            assert_eq!(shared(&a, &b), shared_serial(&a, &b), "{a:?} / {b:?}");
            assert_eq!(shared(&b, &a), shared_serial(&a, &b), "{b:?} / {a:?}");
        }
    }

    #[test]
    fn shared_counts_multisets() {
        assert_eq!(shared(&[1, 1, 2, 5], &[1, 2, 2, 5, 7]), 3);
        assert_eq!(coverage(&[1, 2], &[1, 2, 3, 4]), (0.5, 1.0));
        assert_eq!(coverage::<u32>(&[], &[1]), (0.0, 0.0));
    }

    fn score(a: &str, b: &str) -> f64 {
        use crate::extract::figures::{Context, find_figures};
        use crate::model::{Claim, OutletId, Position};
        let claim = |text: &str| {
            let mut claim = Claim::new(OutletId(0), text.into(), Position::START, Some(0..0));
            claim.figures = find_figures(text, &Context::default());
            claim
        };
        crate::align::pair_features(&claim(a), &claim(b)).score()
    }

    #[test]
    fn the_score_is_a_probability_that_ranks_sensibly() {
        let base = "The central bank raised interest rates by a quarter point on Thursday to curb inflation.";
        let same = score(base, base);
        let reworded = score(
            base,
            "On Thursday the central bank raised interest rates by a quarter point to curb inflation.",
        );
        let added = score(
            base,
            "The central bank raised interest rates by a quarter point on Thursday to curb inflation, and its governor said two more rises would follow before the end of the year.",
        );
        let negated = score(
            base,
            "The central bank did not raise interest rates on Thursday despite inflation.",
        );
        let unrelated = score(
            base,
            "Firefighters contained the blaze near the river on Sunday.",
        );
        assert!(same > 0.9, "{same}");
        assert!(reworded > super::super::DEFAULT_THRESHOLD, "{reworded}");
        assert!(added < reworded, "{added} / {reworded}");
        assert!(negated < reworded, "{negated} / {reworded}");
        assert!(unrelated < 0.2, "{unrelated}");
    }
}
