//! Rarity-weighted, figure-masked similarity between two claims of one story.

use std::collections::HashMap;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::calibrate::{Content, Features, Surface, shared};
use super::tokens::{self, NUMBER_KEY, Normalized};

/// Background word frequencies (see the file's header for source and
/// licence); the program reads them by stem, from [`BACKGROUND_STEMS`].
#[cfg(test)]
const BACKGROUND: &str = include_str!("../../data/background-rarity.tsv");

/// [`BACKGROUND`] by stem, derived from it (see [`derive_background_stems`]):
/// stemming its 28,000 words took 15 ms at every start of `compare`.
const BACKGROUND_STEMS: &str = include_str!("../../data/background-stems.tsv");

/// The Zipf frequency (log10 per billion words) taken for a word the
/// background table does not list: its cut-off is 3.0, so an unlisted word is
/// rarer than that; 2.0 puts names and jargon a step above the rarest listed.
const UNKNOWN_ZIPF: f32 = 2.0;

/// Information of a word is `INFO_CEILING - zipf`: 8.0 sits just above "the"
/// (7.7), so the most frequent words weigh almost nothing.
const INFO_CEILING: f32 = 8.0;

/// The least a content word weighs, so that a frequent word that is not a
/// stop word still counts a little.
const INFO_FLOOR: f32 = 0.25;

/// Information is raised to this power before it weighs a token: below 1 it
/// narrows the gap between rare and common words, so that one shared name
/// does not outweigh everything else two claims say. 0.6 was best on the
/// MSRP and STS training pairs, with a flat plateau from 0.5 to 0.7.
const RARITY_EXPONENT: f32 = 0.6;

/// How much a figure of one claim that the other gives another value of the
/// same measure ("$2.5 billion" / "$1.8 billion") weighs against the pair,
/// on top of not matching: as much again as a figure that does match. People
/// judge such claims clearly different (STS headlines train Pearson 0.776
/// with no extra weight, 0.795 with 1.0, 0.795 with 1.5). In a story, claims
/// that differ only in a figure ("12,000 troops" / "15,000 troops") still
/// align through the story's structure (`evidence.rs`), which is what the
/// compare stage needs to report the conflict.
const FIGURE_CLASH_WEIGHT: f64 = 1.0;

/// How much each figure of one claim that the other does not match at all
/// (no equal value, no compatible value of the same measure) weighs against
/// the pair, as a share of the figure token's weight. The figure token is
/// one token however many figures a claim gives, so without this a claim
/// that adds three numbers to the other ("rose 5.4 percent to $45.9 billion
/// from $43.6 billion a year ago") loses no more than one that adds one.
/// Half a figure each: MSRP train 0.721 → 0.722, STS headlines train 0.796 →
/// 0.800 (0.35 to 1.0 all give about the same).
const UNMATCHED_FIGURE_WEIGHT: f64 = 0.5;

/// How much a figure counts as a match when the other claim gives the same
/// measure a different but compatible value ("more than 1,100" / "about
/// 1,200" firefighters; "more than 120" / "hundreds of" homes): the two may
/// well state one fact with different precision, but less surely than two
/// equal values. Half way between a match and no match.
const COMPATIBLE_CREDIT: f64 = 0.5;

/// How much a masked figure weighs: about a word of Zipf 5 ("troops" is 4.6,
/// "million" 5.3). Figures are strong evidence that two claims report the
/// same thing, but their values are compared apart.
const NUMBER_INFO: f32 = 3.0;

/// How many claims a story needs before its own rarity counts as much as the
/// background table's: below this the story is too small to tell rare words
/// from common ones.
const STORY_PRIOR_CLAIMS: f32 = 50.0;

/// Stems this long or longer may match a near-identical stem of another
/// claim; shorter ones differ by one letter too often ("bomb", "tomb").
const VARIANT_MIN_LEN: usize = 5;

/// Normalised Damerau-Levenshtein similarity from which two stems count as
/// spelling variants ("gaddafi"/"qaddafi" 0.86, "zelenski"/"zelenskyy" 0.89);
/// "austria"/"australia" (0.78) stays apart.
const VARIANT_MIN_SIM: f64 = 0.8;

/// A stem that is another plus at most this many letters counts as a
/// derived form of it: "syria"/"syrian", "egypt"/"egyptian", "zambia"/"zambian".
const DERIVED_MAX_EXTRA: usize = 3;

/// How much a derived form counts as the word it derives from.
const DERIVED_SIM: f64 = 0.9;

/// Information per stem ([`info`] of the stem's Zipf frequency, the words
/// that share the stem counted together), read once per process from
/// [`BACKGROUND_STEMS`], its stems borrowed from the embedded file.
fn background() -> &'static FxHashMap<&'static str, f32> {
    static TABLE: OnceLock<FxHashMap<&'static str, f32>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let lines = tokens::lexicon_lines(BACKGROUND_STEMS);
        let mut table = FxHashMap::with_capacity_and_hasher(
            BACKGROUND_STEMS.len() / BACKGROUND_LINE_BYTES,
            Default::default(),
        );
        table.extend(lines.filter_map(|line| {
            let (stem, zipf) = line.split_once('\t')?;
            Some((stem, info(zipf.parse::<f32>().ok()?)))
        }));
        table
    })
}

/// About the bytes of a line of [`BACKGROUND_STEMS`] ("troop\t4.6"), to size
/// its table once.
const BACKGROUND_LINE_BYTES: usize = 12;

/// The lines of [`BACKGROUND_STEMS`] as [`BACKGROUND`] gives them: every
/// stem of its words with the Zipf frequency of their occurrences
/// together, `stem<TAB>zipf`, sorted by stem.
#[cfg(test)]
fn derive_background_stems() -> Vec<String> {
    let mut per_billion: HashMap<String, f64> = HashMap::new();
    for line in tokens::lexicon_lines(BACKGROUND) {
        let Some((word, zipf)) = line.split_once('\t') else {
            continue;
        };
        let Ok(zipf) = zipf.parse::<f64>() else {
            continue;
        };
        *per_billion.entry(crate::text::stem_once(word)).or_default() += 10f64.powf(zipf);
    }
    let mut lines: Vec<String> = per_billion
        .into_iter()
        .map(|(stem, count)| format!("{stem}\t{}", count.log10() as f32))
        .collect();
    lines.sort();
    lines
}

/// How informative a word of Zipf frequency `zipf` is.
fn info(zipf: f32) -> f32 {
    (INFO_CEILING - zipf).max(INFO_FLOOR).powf(RARITY_EXPONENT)
}

/// How informative a token is before looking at the story.
fn background_info(key: &str) -> f32 {
    if key == NUMBER_KEY {
        return NUMBER_INFO;
    }
    match background().get(key) {
        Some(&known) => known,
        None => info(UNKNOWN_ZIPF),
    }
}

/// The distinct tokens of one story with their weights.
#[derive(Debug, Default)]
pub(crate) struct Vocab {
    /// Token keys by id.
    pub keys: Vec<String>,
    /// Number of claims each token occurs in.
    pub df: Vec<u32>,
    /// Weight of each token: background information scaled by story rarity.
    pub weight: Vec<f32>,
    /// Near-identical tokens of each token, with their similarity.
    pub variants: Vec<Vec<(u32, f32)>>,
    /// The id of [`NUMBER_KEY`], when the story has figures.
    pub number: Option<u32>,
}

/// One claim as the similarity sees it.
#[derive(Debug, Default)]
pub(crate) struct Profile {
    /// Distinct token ids, sorted.
    pub ids: Vec<u32>,
    /// Sum of the weights of `ids`.
    pub total: f32,
    /// Figure values with what they count, sorted, distinct.
    pub figures: Vec<Fig>,
}

/// One figure of a claim as the similarity compares it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Fig {
    /// The canonical value ("12000", an ISO date).
    pub value: String,
    /// The key of what it counts, when known.
    pub measure: Option<String>,
    /// The interval it stands for; NaN for a date.
    pub low: f64,
    /// See `low`.
    pub high: f64,
}

impl Fig {
    /// Whether two figures can describe the same quantity: their intervals
    /// meet ("more than 1,100" and "about 1,200").
    fn overlaps(&self, other: &Fig) -> bool {
        self.low <= other.high && other.low <= self.high
    }
}

/// Every claim of a story prepared for comparison.
#[derive(Debug, Default)]
pub(crate) struct Prepared {
    /// The story's vocabulary.
    pub vocab: Vocab,
    /// One profile per claim, in the order given.
    pub profiles: Vec<Profile>,
    /// One surface per claim, in the order given.
    pub surfaces: Vec<Surface>,
}

impl Prepared {
    /// Intern the tokens of every claim (`claims[i]` normalised from
    /// `texts[i]`) and weigh them by rarity.
    pub fn new(texts: &[&str], claims: Vec<Normalized>) -> Prepared {
        let mut vocab = Vocab::default();
        let mut lookup: FxHashMap<String, u32> = FxHashMap::default();
        let mut profiles = Vec::with_capacity(claims.len());
        for claim in claims {
            let sequence: Vec<u32> = claim
                .tokens
                .into_iter()
                .map(|t| {
                    *lookup.entry(t.key).or_insert_with_key(|key| {
                        vocab.keys.push(key.clone());
                        vocab.keys.len() as u32 - 1
                    })
                })
                .collect();
            let mut ids = sequence;
            ids.sort_unstable();
            ids.dedup();
            let mut figures: Vec<Fig> = claim
                .values
                .into_iter()
                .zip(claim.measures)
                .zip(
                    claim
                        .intervals
                        .into_iter()
                        .chain(std::iter::repeat((f64::NAN, f64::NAN))),
                )
                .map(|((value, measure), (low, high))| Fig {
                    value,
                    measure,
                    low,
                    high,
                })
                .collect();
            figures.sort_by(|x, y| (&x.value, &x.measure).cmp(&(&y.value, &y.measure)));
            figures.dedup_by(|x, y| x.value == y.value && x.measure == y.measure);
            profiles.push(Profile {
                ids,
                total: 0.0,
                figures,
            });
        }
        vocab.df = vec![0; vocab.keys.len()];
        for profile in &profiles {
            for &id in &profile.ids {
                vocab.df[id as usize] += 1;
            }
        }
        let n = profiles.len() as f32;
        let trust = n / (n + STORY_PRIOR_CLAIMS);
        let max_idf = (1.0 + n).ln().max(f32::MIN_POSITIVE);
        vocab.weight = vocab
            .keys
            .iter()
            .zip(&vocab.df)
            .map(|(key, &df)| {
                let story = (1.0 + n / df as f32).ln() / max_idf;
                background_info(key) * ((1.0 - trust) + trust * story)
            })
            .collect();
        vocab.variants = variants(&vocab.keys);
        vocab.number = lookup.get(NUMBER_KEY).copied();
        for profile in &mut profiles {
            profile.total = profile
                .ids
                .iter()
                .map(|&id| vocab.weight[id as usize])
                .sum();
        }
        let mut words = FxHashMap::default();
        let surfaces = texts.iter().map(|t| Surface::new(t, &mut words)).collect();
        Prepared {
            vocab,
            profiles,
            surfaces,
        }
    }

    /// What the calibrated score of claims `a` and `b` weighs.
    pub fn features(&self, a: usize, b: usize) -> Features {
        self.features_as(a, b, Figures::Values)
    }

    /// The calibrated score of claims `a` and `b` with figure values set
    /// aside: a figure counts as matching any
    /// figure of the other claim, as in [`Prepared::claim_overlap`], and
    /// the two are taken to give the same values. How alike the two are as
    /// claims whatever numbers they give: "added 943,000 jobs in July"
    /// against "payrolls increased by 1,414,500 in July" is one claim with
    /// a conflicting figure, which is the compare stage's to report.
    /// `None` unless the two give clashing figures
    /// ([`Prepared::figures_clash`]): otherwise it is the plain score.
    pub fn blind_score(&self, a: usize, b: usize) -> Option<f64> {
        self.figures_clash(a, b)
            .then(|| self.features_as(a, b, Figures::Blind).score())
    }

    /// Whether claim `a` gives a figure whose measure claim `b` gives only
    /// in values that do not meet it, or the other way round
    /// ("12,000 troops" / "15,000 troops").
    pub fn figures_clash(&self, a: usize, b: usize) -> bool {
        let (pa, pb) = (&self.profiles[a], &self.profiles[b]);
        if pa.figures.is_empty() || pb.figures.is_empty() {
            return false;
        }
        let (in_a, in_b) = (FigLookup::new(&pa.figures), FigLookup::new(&pb.figures));
        figure_clash(&pa.figures, &in_b) > 0.0 || figure_clash(&pb.figures, &in_a) > 0.0
    }

    /// Whether the two claims give the same quantity in values that do not
    /// meet, a quantity being a figure of a measure other than the
    /// calendar's ([`CALENDAR_MEASURES`]): "a 396-9 vote" against "voted
    /// 594-9", "$250 million" against "$375 million".
    pub fn quantities_clash(&self, a: usize, b: usize) -> bool {
        let quantity = |f: &Fig| {
            f.measure
                .as_deref()
                .is_some_and(|m| calendar_keys().iter().all(|k| k != m))
        };
        let (pa, pb) = (&self.profiles[a].figures, &self.profiles[b].figures);
        if pa.iter().all(quantity) && pb.iter().all(quantity) {
            // nothing to leave out: no copies
            return self.figures_clash(a, b);
        }
        let quantities = |figures: &[Fig]| -> Vec<Fig> {
            figures.iter().filter(|f| quantity(f)).cloned().collect()
        };
        let (fa, fb) = (quantities(pa), quantities(pb));
        if fa.is_empty() || fb.is_empty() {
            return false;
        }
        let (in_a, in_b) = (FigLookup::new(&fa), FigLookup::new(&fb));
        figure_clash(&fa, &in_b) > 0.0 || figure_clash(&fb, &in_a) > 0.0
    }

    /// [`Prepared::features`], figure values compared or set aside.
    fn features_as(&self, a: usize, b: usize, figures: Figures) -> Features {
        // Content tokens each claim has and the other lacks, the figure
        // token left out (figures are compared by value below).
        let (pa, pb) = (&self.profiles[a], &self.profiles[b]);
        let figure = |p: &Profile| {
            usize::from(
                self.vocab
                    .number
                    .is_some_and(|n| p.ids.binary_search(&n).is_ok()),
            )
        };
        let both = shared(&pa.ids, &pb.ids) - figure(pa).min(figure(pb));
        let unshared = [
            pa.ids.len() - figure(pa) - both,
            pb.ids.len() - figure(pb) - both,
        ];
        let values = |i: usize| {
            let mut v: Vec<&str> = self.profiles[i]
                .figures
                .iter()
                .map(|f| f.value.as_str())
                .collect();
            v.dedup();
            v
        };
        let content = match figures {
            Figures::Values => Content {
                overlap: self.overlap(a, b),
                unshared,
                figures: [values(a), values(b)],
            },
            Figures::Blind => Content {
                overlap: self.claim_overlap(a, b),
                unshared,
                figures: [values(a), values(a)],
            },
        };
        Features::new(&self.surfaces[a], &self.surfaces[b], &content)
    }

    /// The rarity-weighted overlap of claims `a` and `b`, 0 to 1.
    pub fn overlap(&self, a: usize, b: usize) -> f64 {
        similarity(
            &self.profiles[a],
            &self.profiles[b],
            &self.vocab,
            Figures::Values,
        )
    }

    /// How much of the lighter of claims `a` and `b` (by the weight of its
    /// tokens) the heavier one covers, 0 to 1, figure values set aside: the
    /// asymmetric containment that links a headline to the lead that says
    /// it at length, and a quotation to the longer claim it sits in. The
    /// lighter claim's tokens found in the other (variants at their
    /// similarity) over all its tokens.
    pub fn containment(&self, a: usize, b: usize) -> f64 {
        let (pa, pb) = (&self.profiles[a], &self.profiles[b]);
        let (short, long) = if (pa.total, a) <= (pb.total, b) {
            (pa, pb)
        } else {
            (pb, pa)
        };
        if short.total <= 0.0 {
            return 0.0;
        }
        (matched_weight(short, long, &self.vocab, Figures::Blind) / f64::from(short.total))
            .clamp(0.0, 1.0)
    }

    /// What two claims share besides a name: how many distinct tokens, the
    /// figure token aside, they have in common, and whether they give a
    /// figure value in common.
    pub fn support(&self, a: usize, b: usize) -> (usize, bool) {
        let (pa, pb) = (&self.profiles[a], &self.profiles[b]);
        let has_number = |p: &Profile| {
            self.vocab
                .number
                .is_some_and(|n| p.ids.binary_search(&n).is_ok())
        };
        let words = shared(&pa.ids, &pb.ids) - usize::from(has_number(pa) && has_number(pb));
        let value = pa
            .figures
            .iter()
            .any(|f| pb.figures.iter().any(|g| g.value == f.value));
        (words, value)
    }

    /// The lighter claim's token weight over the heavier one's, 0 to 1.
    pub fn balance(&self, a: usize, b: usize) -> f64 {
        let (x, y) = (self.profiles[a].total, self.profiles[b].total);
        if x.max(y) <= 0.0 {
            return 1.0;
        }
        f64::from(x.min(y) / x.max(y))
    }

    /// The weight of claim `i`'s tokens.
    pub fn weight(&self, i: usize) -> f64 {
        f64::from(self.profiles[i].total)
    }

    /// How many distinct tokens claim `i` has, its figures counting as one.
    pub fn content_tokens(&self, i: usize) -> usize {
        self.profiles[i].ids.len()
    }

    /// The similarity of claims `a` and `b` with figure values set aside:
    /// a figure matches any figure of the same measure. This is how alike
    /// two claims are *as claims*, whatever numbers they give, and is what
    /// the story evidence ranks candidates by: "Three deaths have been
    /// confirmed" is the other outlet's "Two deaths confirmed" with a
    /// conflicting figure, which is exactly what the compare stage is for.
    pub fn claim_overlap(&self, a: usize, b: usize) -> f64 {
        similarity(
            &self.profiles[a],
            &self.profiles[b],
            &self.vocab,
            Figures::Blind,
        )
    }
}

/// Pairs of near-identical stems, found within blocks of stems that share
/// their first three or last three letters so that the cost stays near linear
/// in the vocabulary.
fn variants(keys: &[String]) -> Vec<Vec<(u32, f32)>> {
    let mut out = vec![Vec::new(); keys.len()];
    let mut blocks: HashMap<(bool, &str), Vec<u32>> = HashMap::new();
    for (id, key) in keys.iter().enumerate() {
        if key.len() < VARIANT_MIN_LEN || !key.is_ascii() {
            continue;
        }
        blocks.entry((true, &key[..3])).or_default().push(id as u32);
        blocks
            .entry((false, &key[key.len() - 3..]))
            .or_default()
            .push(id as u32);
    }
    for block in blocks.values() {
        for (i, &a) in block.iter().enumerate() {
            for &b in &block[i + 1..] {
                let (ka, kb) = (&keys[a as usize], &keys[b as usize]);
                let (short, long) = if ka.len() <= kb.len() {
                    (ka, kb)
                } else {
                    (kb, ka)
                };
                let sim = if long.starts_with(short.as_str())
                    && long.len() - short.len() <= DERIVED_MAX_EXTRA
                {
                    DERIVED_SIM
                } else if long.len() - short.len() > 2 || !may_be_variants(ka, kb) {
                    continue;
                } else {
                    strsim::normalized_damerau_levenshtein(ka, kb)
                };
                if sim >= VARIANT_MIN_SIM {
                    out[a as usize].push((b, sim as f32));
                    out[b as usize].push((a, sim as f32));
                }
            }
        }
    }
    for list in &mut out {
        list.sort_by_key(|&(id, _)| id);
        list.dedup_by_key(|&mut (id, _)| id);
    }
    out
}

/// A cheap filter before the edit distance: the letters one stem has and the
/// other lacks (a lower bound of the Damerau-Levenshtein distance) must leave
/// room for [`VARIANT_MIN_SIM`].
fn may_be_variants(a: &str, b: &str) -> bool {
    let mut counts = [0i32; 128];
    for c in a.bytes() {
        counts[usize::from(c & 127)] += 1;
    }
    for c in b.bytes() {
        counts[usize::from(c & 127)] -= 1;
    }
    let only_a: i32 = counts.iter().filter(|&&n| n > 0).sum();
    let only_b: i32 = -counts.iter().filter(|&&n| n < 0).sum::<i32>();
    let allowed = ((1.0 - VARIANT_MIN_SIM) * a.len().max(b.len()) as f64 + 1e-9).floor() as i32;
    only_a.max(only_b) <= allowed
}

/// Rarity-weighted overlap of two profiles, 0 to 1: the weight of the
/// tokens each shares with the other (near-identical variants counted at their
/// similarity, the masked figure by how far the values agree) over the weight
/// of both (a soft, weighted Dice coefficient).
fn similarity(a: &Profile, b: &Profile, vocab: &Vocab, figures: Figures) -> f64 {
    if a.total <= 0.0 || b.total <= 0.0 {
        return 0.0;
    }
    let matched = matched_weight(a, b, vocab, figures) + matched_weight(b, a, vocab, figures);
    let against = match vocab.number {
        Some(_) if figures == Figures::Blind => 0.0,
        Some(id) => {
            let (in_a, in_b) = (FigLookup::new(&a.figures), FigLookup::new(&b.figures));
            let clash = figure_clash(&a.figures, &in_b) + figure_clash(&b.figures, &in_a);
            let unmatched =
                unmatched_figures(&a.figures, &in_b) + unmatched_figures(&b.figures, &in_a);
            f64::from(vocab.weight[id as usize])
                * (FIGURE_CLASH_WEIGHT * clash + UNMATCHED_FIGURE_WEIGHT * unmatched as f64)
        }
        None => 0.0,
    };
    (matched / (f64::from(a.total + b.total) + against)).clamp(0.0, 1.0)
}

/// How many of `a`'s figures `b` does not speak to although it gives figures
/// of its own: `b` gives neither the same value nor any value of the same
/// measure (a value of the same measure either agrees in part or clashes, see
/// [`figure_clash`]). A claim with no figures at all ("Marlow Electric line
/// sparked deadly fire") is not held to account for the other's numbers.
fn unmatched_figures(a: &[Fig], b: &FigLookup) -> usize {
    if b.is_empty() {
        return 0;
    }
    a.iter()
        .filter(|f| !b.has_value(&f.value) && !b.has_measure(f))
        .count()
}

/// The weight of `a`'s tokens found in `b`, exactly or as a near-identical
/// variant (counted at the variant's similarity).
fn matched_weight(a: &Profile, b: &Profile, vocab: &Vocab, figures: Figures) -> f64 {
    let mut sum = 0.0;
    let mut j = 0;
    for &id in &a.ids {
        let weight = f64::from(vocab.weight[id as usize]);
        if Some(id) == vocab.number {
            let in_b = FigLookup::new(&b.figures);
            sum += weight
                * match figures {
                    Figures::Values => figure_agreement(&a.figures, &in_b),
                    Figures::Blind => figure_presence(&a.figures, &in_b),
                };
            continue;
        }
        while j < b.ids.len() && b.ids[j] < id {
            j += 1;
        }
        if b.ids.get(j) == Some(&id) {
            sum += weight;
            continue;
        }
        let best = vocab.variants[id as usize]
            .iter()
            .filter(|(v, _)| b.ids.binary_search(v).is_ok())
            .map(|&(_, sim)| f64::from(sim))
            .fold(0.0, f64::max);
        sum += weight * best;
    }
    sum
}

/// The share of `a`'s figures that `b` contradicts: it gives the same
/// measure only values whose intervals do not meet this one's.
fn figure_clash(a: &[Fig], b: &FigLookup) -> f64 {
    if a.is_empty() {
        return 0.0;
    }
    let clashes = a
        .iter()
        .filter(|f| b.has_measure(f) && !b.has_value(&f.value) && !b.meets_same_measure(f))
        .count();
    clashes as f64 / a.len() as f64
}

/// The measures of the calendar: years, dates (weekdays included) and
/// spans of time. Most claims of a story give one, about different events
/// ("ends in 2019", "began in 2010"; "the first in 22 years", "lasted nine
/// days"), so two that differ say nothing of whether two claims tell one
/// fact.
pub(crate) const CALENDAR_MEASURES: &[&str] = &["date", "duration", "year"];

/// [`CALENDAR_MEASURES`] as the keys figures carry (stemmed: "durat").
fn calendar_keys() -> &'static [String] {
    static KEYS: OnceLock<Vec<String>> = OnceLock::new();
    KEYS.get_or_init(|| CALENDAR_MEASURES.iter().map(|m| tokens::key(m)).collect())
}

/// Whether figure values count in a similarity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Figures {
    /// Values are compared: see [`figure_agreement`] and [`figure_clash`].
    Values,
    /// Values are set aside: see [`figure_presence`].
    Blind,
}

/// The share of `a`'s figures for which `b` has the same value or any value
/// of the same measure.
fn figure_presence(a: &[Fig], b: &FigLookup) -> f64 {
    if a.is_empty() {
        return 0.0;
    }
    let found = a
        .iter()
        .filter(|f| b.has_value(&f.value) || b.has_measure(f))
        .count();
    found as f64 / a.len() as f64
}

/// How far the figures of `a` are matched in `b`, 0 to 1: the mean over
/// `a`'s figures of 1 when `b` has the same value, [`COMPATIBLE_CREDIT`]
/// when `b` has a value of the same measure whose interval meets it, else 0.
fn figure_agreement(a: &[Fig], b: &FigLookup) -> f64 {
    if a.is_empty() {
        return 0.0;
    }
    let credit: f64 = a
        .iter()
        .map(|f| {
            if b.has_value(&f.value) {
                1.0
            } else if b.meets_same_measure(f) {
                COMPATIBLE_CREDIT
            } else {
                0.0
            }
        })
        .sum();
    credit / a.len() as f64
}

/// A claim with more figures than this has them looked up in an index
/// (values in a hash set, each measure's intervals sorted) when another
/// claim's figures are weighed against them; fewer are scanned, which for
/// the few figures of a news sentence is faster than building an index.
/// Both give the same answers; the index keeps two claims of hundreds of
/// figures each from costing the product of their counts.
const FIGURES_INDEXED_FROM: usize = 16;

/// One claim's figures, ready for the questions the similarity asks of
/// them: a value given, a measure given, a value of the same measure whose
/// interval meets another figure's.
enum FigLookup<'a> {
    Scan(&'a [Fig]),
    Index {
        values: std::collections::HashSet<&'a str>,
        /// Per measure, the intervals without NaN (a date's) sorted by their
        /// low end, with the highest high end so far.
        measures: HashMap<&'a str, Vec<(f64, f64)>>,
    },
}

impl<'a> FigLookup<'a> {
    fn new(figures: &'a [Fig]) -> FigLookup<'a> {
        if figures.len() <= FIGURES_INDEXED_FROM {
            FigLookup::Scan(figures)
        } else {
            FigLookup::indexed(figures)
        }
    }

    fn indexed(figures: &'a [Fig]) -> FigLookup<'a> {
        let mut measures: HashMap<&str, Vec<(f64, f64)>> = HashMap::new();
        for f in figures {
            if let Some(m) = f.measure.as_deref() {
                let intervals = measures.entry(m).or_default();
                if !f.low.is_nan() && !f.high.is_nan() {
                    intervals.push((f.low, f.high));
                }
            }
        }
        for intervals in measures.values_mut() {
            intervals.sort_by(|x, y| x.0.total_cmp(&y.0));
            let mut highest = f64::NEG_INFINITY;
            for interval in intervals.iter_mut() {
                highest = highest.max(interval.1);
                interval.1 = highest;
            }
        }
        FigLookup::Index {
            values: figures.iter().map(|f| f.value.as_str()).collect(),
            measures,
        }
    }

    fn is_empty(&self) -> bool {
        match self {
            FigLookup::Scan(figures) => figures.is_empty(),
            FigLookup::Index { values, .. } => values.is_empty(),
        }
    }

    /// Whether a figure has the value `value`.
    fn has_value(&self, value: &str) -> bool {
        match self {
            FigLookup::Scan(figures) => figures.iter().any(|g| g.value == value),
            FigLookup::Index { values, .. } => values.contains(value),
        }
    }

    /// Whether a figure has `f`'s measure (never, when `f` has none).
    fn has_measure(&self, f: &Fig) -> bool {
        let Some(measure) = f.measure.as_deref() else {
            return false;
        };
        match self {
            FigLookup::Scan(figures) => figures
                .iter()
                .any(|g| g.measure.as_deref() == Some(measure)),
            FigLookup::Index { measures, .. } => measures.contains_key(measure),
        }
    }

    /// Whether a figure of `f`'s measure has an interval that meets `f`'s.
    fn meets_same_measure(&self, f: &Fig) -> bool {
        let Some(measure) = f.measure.as_deref() else {
            return false;
        };
        match self {
            FigLookup::Scan(figures) => figures
                .iter()
                .any(|g| g.measure.as_deref() == Some(measure) && g.overlaps(f)),
            FigLookup::Index { measures, .. } => {
                if f.low.is_nan() || f.high.is_nan() {
                    return false;
                }
                let Some(intervals) = measures.get(measure) else {
                    return false;
                };
                // The intervals that start at or below f's high end; one of
                // them meets f when the highest end among them reaches f's
                // low end.
                let starting = intervals.partition_point(|&(low, _)| low <= f.high);
                starting > 0 && intervals[starting - 1].1 >= f.low
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::tokens::normalize_text;

    #[test]
    fn indexed_figures_answer_as_a_scan_does() {
        // Seeded figures over a few values, measures and intervals, dates
        // (NaN) among them: every question gets the same answer both ways.
        let mut seed = 0x2545_f491_u64;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) % n
        };
        for _ in 0..200 {
            let mut figures = || -> Vec<Fig> {
                (0..next(40))
                    .map(|_| {
                        let low = next(50) as f64;
                        let date = next(8) == 0;
                        Fig {
                            value: format!("{}", next(30)),
                            measure: (next(5) > 0).then(|| format!("m{}", next(4))),
                            low: if date { f64::NAN } else { low },
                            high: if date {
                                f64::NAN
                            } else {
                                low + next(10) as f64
                            },
                        }
                    })
                    .collect()
            };
            let (a, b) = (figures(), figures());
            let (scan, index) = (FigLookup::Scan(&b), FigLookup::indexed(&b));
            assert_eq!(figure_clash(&a, &scan), figure_clash(&a, &index));
            assert_eq!(figure_agreement(&a, &scan), figure_agreement(&a, &index));
            assert_eq!(figure_presence(&a, &scan), figure_presence(&a, &index));
            if !b.is_empty() {
                assert_eq!(unmatched_figures(&a, &scan), unmatched_figures(&a, &index));
            }
        }
    }

    fn prepared(texts: &[&str]) -> Prepared {
        Prepared::new(
            texts,
            texts.iter().map(|t| normalize_text(t, &[])).collect(),
        )
    }

    /// `data/background-stems.tsv` is what `data/background-rarity.tsv`
    /// gives. After a change to the word list or the stemmer, rewrite it
    /// with `STORYDIFF_WRITE_DERIVED=1 cargo test background_stems`.
    #[test]
    fn background_stems_are_derived_from_the_word_list() {
        let derived = derive_background_stems();
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/background-stems.tsv");
        if std::env::var_os("STORYDIFF_WRITE_DERIVED").is_some() {
            let header = "# The stems of data/background-rarity.tsv with the Zipf frequency of their\n\
                          # words together: `stem<TAB>zipf`, sorted by stem. Derived, not edited:\n\
                          # src/align/similarity.rs, `derive_background_stems`; a test checks it,\n\
                          # and `STORYDIFF_WRITE_DERIVED=1 cargo test background_stems` rewrites it.\n\
                          # Source and licence: those of data/background-rarity.tsv.\n";
            std::fs::write(path, format!("{header}{}\n", derived.join("\n")))
                .expect("the derived table is written");
        }
        let stored: Vec<&str> = tokens::lexicon_lines(BACKGROUND_STEMS).collect();
        assert!(stored.len() > 10_000);
        assert!(
            stored == derived,
            "{path} is not what data/background-rarity.tsv gives: \
             run STORYDIFF_WRITE_DERIVED=1 cargo test background_stems"
        );
    }

    #[test]
    fn background_table_is_sorted_and_unique() {
        let words: Vec<&str> = tokens::lexicon_lines(BACKGROUND)
            .map(|l| l.split_once('\t').expect("word<TAB>zipf").0)
            .collect();
        assert!(words.len() > 20_000);
        assert!(words.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn rare_words_weigh_more_than_common_ones() {
        assert!(background_info("caribbean") > background_info("said"));
        assert!(background_info("said") > background_info("time"));
        assert!(background_info("maduro") > background_info("caribbean"));
    }

    #[test]
    fn spelling_variants_count() {
        let p = prepared(&[
            "Gaddafi forces shelled Misrata",
            "Qaddafi forces shelled Misrata",
            "Rebels shelled Misrata",
        ]);
        assert!(p.overlap(0, 1) > 0.9);
        assert!(p.overlap(0, 1) > p.overlap(0, 2));
    }

    #[test]
    fn five_letter_stems_one_letter_apart_are_variants() {
        let p = prepared(&[
            "Morsi sworn in",
            "Mursi sworn in",
            "Egypt votes",
            "Egyptian votes",
        ]);
        assert!(p.overlap(0, 1) > 0.8);
        assert!(p.overlap(2, 3) > 0.8);
        assert!(!may_be_variants("austria", "australia"));
    }

    #[test]
    fn a_figure_of_another_value_counts_against_the_pair() {
        let p = prepared(&[
            "12,000 troops deployed to the island",
            "15,000 troops deployed to the island",
            "troops deployed to the island",
            "12,000 troops deployed to the island",
        ]);
        assert!(p.overlap(0, 3) > p.overlap(0, 2));
        assert!(p.overlap(0, 2) > p.overlap(0, 1));
    }

    #[test]
    fn compatible_figures_count_in_part_and_do_not_clash() {
        let fig = |value: &str, low: f64, high: f64| Fig {
            value: value.into(),
            measure: Some("firefight".into()),
            low,
            high,
        };
        let more_than = [fig("1100", 1100.0, f64::INFINITY)];
        let about = [fig("1200", 1140.0, 1260.0)];
        let other = [fig("900", 900.0, 900.0)];
        let (about_in, other_in) = (FigLookup::new(&about), FigLookup::new(&other));
        assert_eq!(figure_agreement(&more_than, &about_in), COMPATIBLE_CREDIT);
        assert_eq!(figure_clash(&more_than, &about_in), 0.0);
        assert_eq!(figure_agreement(&about, &other_in), 0.0);
        assert_eq!(figure_clash(&about, &other_in), 1.0);
    }

    #[test]
    fn identical_claims_score_one_and_unrelated_zero() {
        let p = prepared(&[
            "The ship sank off Crete",
            "The ship sank off Crete",
            "Prices rose",
        ]);
        assert!((p.overlap(0, 1) - 1.0).abs() < 1e-9);
        assert_eq!(p.overlap(0, 2), 0.0);
    }
}
