//! Quote fidelity: the same quotation worded differently by two outlets,
//! found through an index of the quotations' words.

use super::*;

/// Two quotations whose case-folded texts (the shorter against the best
/// matching stretch of the longer) are at least this similar (normalized
/// Levenshtein) are the same quotation worded differently: high enough that
/// "a mistake" and "tragic mistake" or two different sentences of one
/// speaker do not match, low enough that "&" for "and", a dropped word or
/// "system" for "systems" still does.
pub const QUOTE_SIMILARITY: f64 = 0.75;

/// Quotations shorter than this many words are not checked for fidelity:
/// one- and two-word quotations ("terrorist", "slave peace") are terms more
/// than statements, and differ by inflection more often than by
/// misquotation.
pub const QUOTE_MIN_WORDS: usize = 3;

/// The same quotation worded differently by two outlets.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteMismatch {
    /// The claim with the first wording.
    pub first: ClaimRef,
    /// Its quotation, as written.
    pub first_text: String,
    /// The claim with the second wording, in another outlet.
    pub second: ClaimRef,
    /// Its quotation, as written.
    pub second_text: String,
    /// A compact character diff of the folded quotations:
    /// `[-a -]slave's peace`.
    pub diff: String,
    /// The wordings differ only in words that carry no claim of their own
    /// and in inflections ("a spot at the bar" against "at a bar", "looks"
    /// against "look"): no change of meaning, reported at info severity.
    pub form_only: bool,
}

/// The character diff of two folded quotations: `[-deleted-]{+inserted+}`.
pub fn char_diff(old: &str, new: &str) -> String {
    let diff = TextDiff::from_chars(old, new);
    let mut out = String::new();
    let mut run: Option<ChangeTag> = None;
    let close = |out: &mut String, tag: Option<ChangeTag>| match tag {
        Some(ChangeTag::Delete) => out.push_str("-]"),
        Some(ChangeTag::Insert) => out.push_str("+}"),
        _ => {}
    };
    for change in diff.iter_all_changes() {
        let tag = change.tag();
        if run != Some(tag) {
            close(&mut out, run);
            match tag {
                ChangeTag::Delete => out.push_str("[-"),
                ChangeTag::Insert => out.push_str("{+"),
                ChangeTag::Equal => {}
            }
            run = Some(tag);
        }
        out.push_str(change.value());
    }
    close(&mut out, run);
    out
}

struct Quotation<'a> {
    claim: ClaimRef,
    text: &'a str,
    /// Its words, normalized ([`quote_words`]).
    words: Vec<Word>,
    /// The normalized words joined: equal keys are the same quotation.
    key: String,
}

/// A word of a quotation, normalized, and whether it was capitalized (a
/// name, unless it opens the quotation).
#[derive(Debug, Clone, PartialEq)]
struct Word {
    text: String,
    name: bool,
}

/// A quotation's words as compared: lower case, curly apostrophes straight,
/// punctuation but apostrophes and hyphens dropped ("re-confirmed" is
/// "reconfirmed"), "&" as "and", titles written out ("Sen." is "senator"),
/// contractions written out ("he's" is "he is", "don't" is "do not"), an
/// Arabic article dropped from names ("al-Qaddafi" is "Qaddafi"),
/// and bracketed insertions ("[the president]") left out, since they are
/// the outlet's words, not the speaker's.
fn quote_words(text: &str) -> Vec<Word> {
    let mut unbracketed = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => unbracketed.push(c),
            _ => unbracketed.push(' '),
        }
    }
    let mut words = Vec::new();
    for (n, raw) in unbracketed
        .split(|c: char| c.is_whitespace() || matches!(c, '—' | '–' | '―' | '/'))
        .enumerate()
    {
        let raw = raw.replace(['’', '‘'], "'");
        let raw = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '&');
        if raw.is_empty() {
            continue;
        }
        let capitalized = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        // "al-Qaddafi": the article goes, the name stays.
        let raw = ["al-", "Al-", "el-", "El-"]
            .iter()
            .find_map(|article| raw.strip_prefix(article).filter(|rest| capitalized(rest)))
            .unwrap_or(raw);
        let name = n > 0 && capitalized(raw);
        let lower = raw.to_lowercase();
        for part in expand_contraction(&lower) {
            let text: String = part
                .chars()
                .filter(|c| c.is_alphanumeric() || *c == '\'')
                .collect();
            if !text.is_empty() {
                words.push(Word { text, name });
            }
        }
    }
    words
}

/// Numbers written as words, by value: a speaker's "thirty years" is "30
/// years" in another outlet's style.
const NUMBER_WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

/// Tens written as words, from twenty.
const TENS_WORDS: &[&str] = &[
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Words before "'s" that make it "is" ("he's", "that's"); after others it
/// is a possessive ("Trump's").
static IS_BEFORE_S: WordList =
    WordList::new(include_str!("../../../lexicons/compare-is-before-s.txt"));

/// A contraction written out: "don't" → "do not", "won't" → "will not",
/// "they're" → "they are", "he's" → "he is", "I'd" → "I would".
fn expand_contraction(word: &str) -> Vec<String> {
    let whole: &[(&str, &[&str])] = &[
        ("&", &["and"]),
        ("can't", &["can", "not"]),
        ("gov", &["governor"]),
        ("rep", &["representative"]),
        ("sen", &["senator"]),
        ("cannot", &["can", "not"]),
        ("let's", &["let", "us"]),
        ("shan't", &["shall", "not"]),
        ("won't", &["will", "not"]),
    ];
    if let Some((_, parts)) = whole.iter().find(|(w, _)| *w == word) {
        return parts.iter().map(|p| p.to_string()).collect();
    }
    if let Some(n) = NUMBER_WORDS.iter().position(|w| *w == word) {
        return vec![n.to_string()];
    }
    if let Some(tens) = TENS_WORDS.iter().position(|w| *w == word) {
        return vec![((tens + 2) * 10).to_string()];
    }
    let endings: &[(&str, &str)] = &[
        ("n't", "not"),
        ("'re", "are"),
        ("'m", "am"),
        ("'ll", "will"),
        ("'ve", "have"),
        ("'d", "would"),
    ];
    for (ending, full) in endings {
        if let Some(stem) = word.strip_suffix(ending)
            && !stem.is_empty()
        {
            return vec![stem.to_string(), full.to_string()];
        }
    }
    if let Some(stem) = word.strip_suffix("'s")
        && IS_BEFORE_S.contains(&stem)
    {
        return vec![stem.to_string(), "is".to_string()];
    }
    vec![word.to_string()]
}

/// Two names this alike (normalized Levenshtein) are one name spelt two
/// ways: "Muammar" and "Moammar", "Qaddafi" and "Gadhafi" (0.71).
const NAME_SIMILARITY: f64 = 0.7;

/// Names shorter than this are compared exactly: "Li" and "Lu" are two
/// people.
const NAME_MIN_CHARS: usize = 4;

/// A quotation is compared with at most this many quotations of another
/// outlet: those sharing the most words with it. The best match of a
/// quotation is among them, and the cost stays linear in the number of
/// quotations.
const QUOTE_CANDIDATES: usize = 8;

/// A word carried by more than this many quotations of one outlet is too
/// common to find candidates by ("the", "we"); the others do.
const MAX_POSTINGS: usize = 256;

/// Quotations carried by two outlets with different wording: for each
/// quotation, the most similar one of each other outlet, when it is similar
/// but not the same and that outlet does not also carry the exact words.
/// Pairs come in order of the first claim, each pair once.
///
/// Candidates come from an index of each outlet's words, at most
/// `QUOTE_CANDIDATES` per quotation and outlet, so that the cost grows with
/// the number of quotations, not with its square.
pub fn quote_fidelity(claims: &[Vec<Claim>]) -> Vec<QuoteMismatch> {
    let by_outlet: Vec<Vec<Quotation>> = claims
        .iter()
        .enumerate()
        .map(|(o, list)| {
            list.iter()
                .enumerate()
                .flat_map(|(index, claim)| {
                    claim
                        .cues
                        .iter()
                        .filter(|c| {
                            matches!(c.kind, CueKind::Quote | CueKind::ScareQuote)
                                && !c.text.to_lowercase().starts_with("so-called")
                                && !c.text.to_lowercase().starts_with("so called")
                        })
                        .map(move |c| {
                            let words = quote_words(&c.text);
                            let key = words
                                .iter()
                                .map(|w| w.text.as_str())
                                .collect::<Vec<_>>()
                                .join(" ");
                            Quotation {
                                claim: ClaimRef {
                                    outlet: OutletId(o),
                                    index,
                                },
                                text: &c.text,
                                words,
                                key,
                            }
                        })
                        .filter(|q| q.words.len() >= QUOTE_MIN_WORDS)
                })
                .collect()
        })
        .collect();
    let keys: Vec<HashSet<&str>> = by_outlet
        .iter()
        .map(|quotes| quotes.iter().map(|q| q.key.as_str()).collect())
        .collect();
    // Word → the quotations of an outlet that hold it.
    let postings: Vec<HashMap<&str, Vec<usize>>> = by_outlet
        .iter()
        .map(|quotes| {
            let mut index: HashMap<&str, Vec<usize>> = HashMap::default();
            for (n, q) in quotes.iter().enumerate() {
                let distinct: BTreeSet<&str> = q.words.iter().map(|w| w.text.as_str()).collect();
                for word in distinct {
                    index.entry(word).or_default().push(n);
                }
            }
            index
        })
        .collect();
    // Two outlets that carry the same quotations word for word (or none)
    // have nothing to compare: every quotation of each is in the other's
    // keys. They get one number, so that wire copy carried by thousands of
    // outlets costs a comparison of numbers per pair of outlets.
    let mut quote_sets: HashMap<Vec<&str>, usize> = HashMap::default();
    let same_quotes: Vec<usize> = keys
        .iter()
        .map(|set| {
            let mut sorted: Vec<&str> = set.iter().copied().collect();
            sorted.sort_unstable();
            let next = quote_sets.len();
            *quote_sets.entry(sorted).or_insert(next)
        })
        .collect();
    // The similar pairs across two outlets, the most similar first; each
    // quotation is then paired at most once with each other outlet.
    let mut candidates: Vec<(f64, &Quotation, &Quotation, String, bool)> = Vec::new();
    for (a, quotes_a) in by_outlet.iter().enumerate() {
        for b in a + 1..by_outlet.len() {
            if same_quotes[a] == same_quotes[b] {
                continue;
            }
            let mut pairs: BTreeSet<(usize, usize)> = BTreeSet::new();
            // Candidates both ways, so that a short quotation finds the long
            // one it is an excerpt of, and the other way round.
            for (from, to, swap) in [(a, b, false), (b, a, true)] {
                for (n, q) in by_outlet[from].iter().enumerate() {
                    if keys[to].contains(q.key.as_str()) {
                        continue;
                    }
                    for m in best_candidates(q, &postings[to]) {
                        pairs.insert(if swap { (m, n) } else { (n, m) });
                    }
                }
            }
            for (n, m) in pairs {
                let (q, r) = (&quotes_a[n], &by_outlet[b][m]);
                if keys[b].contains(q.key.as_str()) || keys[a].contains(r.key.as_str()) {
                    continue;
                }
                #[cfg(test)]
                crate::model::cost::step();
                if let Some((similarity, diff, form_only)) = compare_quotes(&q.words, &r.words) {
                    candidates.push((similarity, q, r, diff, form_only));
                }
            }
        }
    }
    candidates.sort_by(|x, y| {
        y.0.total_cmp(&x.0)
            .then((x.1.claim, x.2.claim).cmp(&(y.1.claim, y.2.claim)))
            .then(x.1.key.cmp(&y.1.key))
            .then(x.2.key.cmp(&y.2.key))
    });
    let mut used: BTreeSet<(ClaimRef, &str, OutletId)> = BTreeSet::new();
    let mut mismatches = Vec::new();
    for (_, q, r, diff, form_only) in candidates {
        let key_q = (q.claim, q.key.as_str(), r.claim.outlet);
        let key_r = (r.claim, r.key.as_str(), q.claim.outlet);
        if used.contains(&key_q) || used.contains(&key_r) {
            continue;
        }
        used.insert(key_q);
        used.insert(key_r);
        mismatches.push(QuoteMismatch {
            first: q.claim,
            first_text: q.text.to_string(),
            second: r.claim,
            second_text: r.text.to_string(),
            diff,
            form_only,
        });
    }
    mismatches.sort_by_key(|m| (m.first, m.second));
    mismatches
}

/// The quotations of another outlet (by index) that share the most words
/// with `q`, at most `QUOTE_CANDIDATES`, ties by position.
fn best_candidates(q: &Quotation, postings: &HashMap<&str, Vec<usize>>) -> Vec<usize> {
    let distinct: BTreeSet<&str> = q.words.iter().map(|w| w.text.as_str()).collect();
    let mut shared: BTreeMap<usize, usize> = BTreeMap::new();
    for word in distinct {
        if let Some(list) = postings.get(word).filter(|l| l.len() <= MAX_POSTINGS) {
            for &m in list {
                #[cfg(test)]
                crate::model::cost::step();
                *shared.entry(m).or_default() += 1;
            }
        }
    }
    let mut ranked: Vec<(usize, usize)> = shared.into_iter().collect();
    ranked.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    ranked
        .into_iter()
        .take(QUOTE_CANDIDATES)
        .map(|(m, _)| m)
        .collect()
}

/// `short`'s words as compared with `long`: a name of `short` that `long`
/// spells otherwise ("Gadhafi" for "Qaddafi") takes `long`'s spelling.
fn align_names(short: &[Word], long: &[Word]) -> Vec<String> {
    short
        .iter()
        .map(|w| {
            if !w.name
                || w.text.chars().count() < NAME_MIN_CHARS
                || long.iter().any(|l| l.text == w.text)
            {
                return w.text.clone();
            }
            long.iter()
                .filter(|l| l.name && l.text.chars().count() >= NAME_MIN_CHARS)
                .map(|l| (strsim::normalized_levenshtein(&w.text, &l.text), l))
                .filter(|(similarity, _)| *similarity >= NAME_SIMILARITY)
                .max_by(|x, y| x.0.total_cmp(&y.0).then(y.1.text.cmp(&x.1.text)))
                .map_or_else(|| w.text.clone(), |(_, l)| l.text.clone())
        })
        .collect()
}

/// Each word's number in `ids`, given in order of first sight.
fn word_ids<'a>(words: &'a [String], ids: &mut HashMap<&'a str, u32>) -> Vec<u32> {
    words
        .iter()
        .map(|w| {
            let next = ids.len() as u32;
            *ids.entry(w.as_str()).or_insert(next)
        })
        .collect()
}

/// Whether the shorter of two quotations may share half its words with the
/// longer once [`align_names`] has respelled its names: the words found as
/// they are, plus every name that could take the longer one's spelling. A
/// bound of the filter in [`compare_quotes`], checked before any word is
/// copied; when it fails, so does the filter.
fn may_share_half(a: &[Word], b: &[Word]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let long_has_names = long
        .iter()
        .any(|l| l.name && l.text.chars().count() >= NAME_MIN_CHARS);
    let found = short
        .iter()
        .filter(|w| {
            long.iter().any(|l| l.text == w.text)
                || (long_has_names && w.name && w.text.chars().count() >= NAME_MIN_CHARS)
        })
        .count();
    found * 2 >= short.len()
}

/// The stretch of `long_ids` closest to `short_ids` (words as numbers below
/// `words`) by word-level edit distance: windows a
/// quarter shorter to a quarter longer than the shorter side, the nearest
/// in length first among equals. `None` when no window is within half the
/// shorter side's words.
pub(super) fn best_window(
    short_ids: &[u32],
    long_ids: &[u32],
    words: usize,
) -> Option<Range<usize>> {
    // at most half the shorter's words may differ
    let mut best: Option<(usize, usize, Range<usize>)> = None;
    // Windows a quarter shorter to a quarter longer than the shorter one, so
    // that a reworded phrase ("a slave's peace", "the peace of a slave")
    // still fits whole.
    let sizes =
        (short_ids.len() * 3 / 4).max(1)..=(short_ids.len() * 5 / 4 + 1).min(long_ids.len());
    // strsim compares sized collections
    let short = short_ids.to_vec();
    let mut stretch: Vec<u32> = Vec::with_capacity(long_ids.len());
    // How many times each word occurs in the shorter quotation, and in the
    // window: the words they share bound the distance from below.
    let mut in_short = vec![0u32; words];
    for &id in short_ids {
        in_short[id as usize] += 1;
    }
    let mut in_window = vec![0u32; words];
    for size in sizes {
        let offset = size.abs_diff(short_ids.len());
        // The distance is at least the difference in length: a window of
        // this size cannot beat the best so far when that bound does not.
        if best
            .as_ref()
            .is_some_and(|(d, off, _)| (offset, offset) >= (*d, *off))
        {
            continue;
        }
        in_window.fill(0);
        let mut common = 0;
        for start in 0..=long_ids.len() - size {
            // slide the window's word counts: add the word that enters it,
            // drop the one that left
            let entering = if start == 0 {
                0..size
            } else {
                start + size - 1..start + size
            };
            for &id in &long_ids[entering] {
                let id = id as usize;
                common += usize::from(in_window[id] < in_short[id]);
                in_window[id] += 1;
            }
            if start > 0 {
                let id = long_ids[start - 1] as usize;
                in_window[id] -= 1;
                common -= usize::from(in_window[id] < in_short[id]);
            }
            // Each word of the longer side that the other lacks costs at
            // least one edit: a window that cannot reach half the words, or
            // beat the best so far, is not aligned word by word.
            let bound = short_ids.len().max(size) - common;
            if bound * 2 > short_ids.len()
                || best
                    .as_ref()
                    .is_some_and(|(d, off, _)| (bound, offset) >= (*d, *off))
            {
                continue;
            }
            let window = start..start + size;
            stretch.clear();
            stretch.extend_from_slice(&long_ids[window.clone()]);
            let distance = strsim::generic_levenshtein(&short, &stretch);
            let key = (distance, offset);
            if best.as_ref().is_none_or(|(d, off, _)| key < (*d, *off)) {
                best = Some((key.0, key.1, window));
            }
        }
    }
    best.filter(|(distance, _, _)| distance * 2 <= short_ids.len())
        .map(|(_, _, window)| window)
}

/// Compare two quotations' words: the shorter against the stretch of the
/// longer that matches it best, word by word. The same words, or an excerpt
/// of the longer ("slave's peace" within "a slave's peace"), are faithful:
/// `None`. Similar but different words give their similarity, the
/// character diff of `a`'s side against `b`'s, with "…" where the longer
/// one runs on, and whether they differ in form only
/// ([`differs_only_in_form`]).
fn compare_quotes(a: &[Word], b: &[Word]) -> Option<(f64, String, bool)> {
    if a.len().min(b.len()) < QUOTE_MIN_WORDS {
        return None;
    }
    if !may_share_half(a, b) {
        return None;
    }
    let (words_a, words_b) = if a.len() <= b.len() {
        (
            align_names(a, b),
            b.iter().map(|w| w.text.clone()).collect::<Vec<_>>(),
        )
    } else {
        (
            a.iter().map(|w| w.text.clone()).collect::<Vec<_>>(),
            align_names(b, a),
        )
    };
    let a_is_short = words_a.len() <= words_b.len();
    let (short, long) = if a_is_short {
        (&words_a, &words_b)
    } else {
        (&words_b, &words_a)
    };
    // The same letters with spaces and hyphens moved ("tax-filing" and "tax
    // filing", "re-confirmed" and "reconfirmed") are the same words.
    if long.concat().contains(&short.concat()) {
        return None;
    }
    // Cheap filter first: half the shorter's words must occur in the longer.
    let shared = short.iter().filter(|w| long.contains(w)).count();
    if shared * 2 < short.len() {
        return None;
    }
    // Words as numbers, so that each window is compared without copying
    // its words.
    let mut ids: HashMap<&str, u32> = HashMap::default();
    let short_ids = word_ids(short, &mut ids);
    let long_ids = word_ids(long, &mut ids);
    let window = best_window(&short_ids, &long_ids, ids.len())?;
    let short_text = short.join(" ");
    let window_text = long[window.clone()].join(" ");
    if short_text == window_text {
        return None;
    }
    let similarity = strsim::normalized_levenshtein(&short_text, &window_text);
    if similarity < QUOTE_SIMILARITY {
        return None;
    }
    let diff = if a_is_short {
        char_diff(&short_text, &window_text)
    } else {
        char_diff(&window_text, &short_text)
    };
    let before = if window.start > 0 { "… " } else { "" };
    let after = if window.end < long.len() { " …" } else { "" };
    let form_only = differs_only_in_form(short, &long[window]);
    Some((similarity, format!("{before}{diff}{after}"), form_only))
}

/// Whether two wordings of a quotation differ only in words that carry no
/// claim of their own (the stop list's articles, pronouns, auxiliaries and
/// prepositions, never a negation) and in inflections of one word ("looks"
/// against "look", "ending" against "end"): "a spot at the bar" and "a spot
/// at a bar" quote the speaker alike, as far as meaning goes. A changed
/// content word, number or negation is a misquotation to report
/// ("materially" against "significantly", "should" against "shouldn't").
fn differs_only_in_form(a: &[String], b: &[String]) -> bool {
    let (mut gone, mut added) = (Vec::new(), Vec::new());
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, a, b) {
        let (tag, old, new) = op.as_tag_tuple();
        if tag != similar::DiffTag::Equal {
            gone.extend(&a[old]);
            added.extend(&b[new]);
        }
    }
    let mut added: Vec<(String, &String)> = added.into_iter().map(|w| (text::stem(w), w)).collect();
    let mut left: Vec<&String> = Vec::new();
    for word in gone {
        let own = text::stem(word);
        match added.iter().position(|(s, _)| *s == own) {
            Some(k) => {
                added.remove(k);
            }
            None => left.push(word),
        }
    }
    left.into_iter()
        .chain(added.iter().map(|(_, w)| *w))
        .all(|w| text::stop_words().contains(w.as_str()) && !text::NEGATIONS.contains(&w.as_str()))
}
