//! Qualifiers: the words before and after a number that bound or widen it.

use super::*;

/// How a qualifier word before a number shapes its interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Before {
    /// "about": ±APPROX_BAND.
    Approx,
    /// "nearly": up to NEARLY_BAND below.
    Nearly,
    /// "just over": up to JUST_OVER_BAND above.
    JustOver,
    /// "more than": (v, +inf).
    Above,
    /// "at least": [v, +inf).
    AtLeast,
    /// "fewer than": [0, v).
    Below,
    /// "up to": [0, v].
    AtMost,
    /// "equal to": exactly v.
    Equal,
    /// "between v and w".
    Between,
    /// "from v to w".
    From,
}

/// Qualifier phrases before a number, longest first where one is a prefix of
/// another ("less than or equal to" before "less than").
pub(super) const BEFORE_PHRASES: &[(&str, Before)] = &[
    ("bigger or equal than", Before::AtLeast),
    ("equal to or greater than", Before::AtLeast),
    ("equal to or less than", Before::AtMost),
    ("equal to or more than", Before::AtLeast),
    ("greater than or equal to", Before::AtLeast),
    ("less than or equal to", Before::AtMost),
    ("more than or equal to", Before::AtLeast),
    ("fewer than or equal to", Before::AtMost),
    ("in excess of", Before::Above),
    ("upward of", Before::Above),
    ("upwards of", Before::Above),
    ("more than", Before::Above),
    ("greater than", Before::Above),
    ("higher than", Before::Above),
    ("larger than", Before::Above),
    ("bigger than", Before::Above),
    ("just over", Before::JustOver),
    ("just above", Before::JustOver),
    ("just under", Before::Nearly),
    ("just below", Before::Nearly),
    ("close to", Before::Nearly),
    ("at least", Before::AtLeast),
    ("no less than", Before::AtLeast),
    ("not below", Before::AtLeast),
    ("at minimum", Before::AtLeast),
    ("not greater than", Before::AtMost),
    ("not exceeding", Before::AtMost),
    ("not above", Before::AtMost),
    ("at maximum", Before::AtMost),
    ("as many as", Before::AtMost),
    ("beyond", Before::Above),
    ("well over", Before::Above),
    ("well above", Before::Above),
    ("well under", Before::Below),
    ("well below", Before::Below),
    ("approx", Before::Approx),
    ("circa", Before::Approx),
    ("more or less", Before::Approx),
    ("=>", Before::AtLeast),
    ("no fewer than", Before::AtLeast),
    ("not less than", Before::AtLeast),
    ("not fewer than", Before::AtLeast),
    ("a minimum of", Before::AtLeast),
    ("at most", Before::AtMost),
    ("no more than", Before::AtMost),
    ("not more than", Before::AtMost),
    ("a maximum of", Before::AtMost),
    ("up to", Before::AtMost),
    ("fewer than", Before::Below),
    ("less than", Before::Below),
    ("lower than", Before::Below),
    ("smaller than", Before::Below),
    ("an estimated", Before::Approx),
    ("equals to", Before::Equal),
    ("equal to", Before::Equal),
    ("about", Before::Approx),
    ("above", Before::Above),
    ("almost", Before::Nearly),
    ("approximately", Before::Approx),
    ("around", Before::Approx),
    ("below", Before::Below),
    ("between", Before::Between),
    ("estimated", Before::Approx),
    ("exceeding", Before::Above),
    ("exceed", Before::Above),
    ("exceeded", Before::Above),
    ("exceeds", Before::Above),
    ("surpass", Before::Above),
    ("surpassed", Before::Above),
    ("surpasses", Before::Above),
    ("surpassing", Before::Above),
    ("topped", Before::Above),
    ("topping", Before::Above),
    ("tops", Before::Above),
    ("from", Before::From),
    ("nearly", Before::Nearly),
    ("over", Before::Above),
    ("roughly", Before::Approx),
    ("some", Before::Approx),
    ("under", Before::Below),
    ("~", Before::Approx),
    ("≈", Before::Approx),
    ("<=", Before::AtMost),
    ("< =", Before::AtMost),
    (">=", Before::AtLeast),
    ("> =", Before::AtLeast),
    ("≤", Before::AtMost),
    ("≥", Before::AtLeast),
    ("<", Before::Below),
    (">", Before::Above),
];

/// Words that compare upwards, from which "or equal" phrases are built.
pub(super) static MORE_WORDS: WordList =
    WordList::new(include_str!("../../../lexicons/figures-more-words.txt"));

/// Words that compare downwards, from which "or equal" phrases are built.
pub(super) static LESS_WORDS: WordList =
    WordList::new(include_str!("../../../lexicons/figures-less-words.txt"));

/// [`BEFORE_PHRASES`] and the "or equal" phrases built from [`MORE_WORDS`]
/// and [`LESS_WORDS`] in every order writers use: "greater than or equal
/// to", "equal to or less than", "less or equal to", "bigger or equal than".
pub(super) fn before_phrases() -> &'static [(String, Before)] {
    static PHRASES: OnceLock<Vec<(String, Before)>> = OnceLock::new();
    PHRASES.get_or_init(|| {
        let mut all: Vec<(String, Before)> = BEFORE_PHRASES
            .iter()
            .map(|&(p, b)| (p.to_string(), b))
            .collect();
        for (words, bound) in [
            (&MORE_WORDS, Before::AtLeast),
            (&LESS_WORDS, Before::AtMost),
        ] {
            for w in words.iter() {
                for pattern in [
                    "{w} than or equal to",
                    "{w} than or equal",
                    "{w} or equal to",
                    "{w} or equal than",
                    "{w} than or equals to",
                    "equal to or {w} than",
                    "equal or {w} than",
                    "equal to or {w}",
                ] {
                    all.push((pattern.replace("{w}", w), bound));
                }
            }
        }
        all
    })
}

/// [`before_phrases`] indexed by first word.
pub(super) fn before_index() -> &'static PhraseIndex<Before> {
    static INDEX: OnceLock<PhraseIndex<Before>> = OnceLock::new();
    INDEX.get_or_init(|| PhraseIndex::new(before_phrases().iter().map(|(p, b)| (p.as_str(), *b))))
}

/// A word written against a number after a hyphen that makes it loose.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Loose {
    /// "60-some", "20-odd", "40-something": more than the number, less than
    /// the next round one ([`loose_step`]).
    Past,
    /// "30-plus": more than the number.
    Plus,
    /// "60-ish": about the number.
    About,
}

/// The loose suffix written against the number that ends before token
/// `end` ("60-some", "30-plus"), and the index after it.
pub(super) fn loose_suffix(tokens: &[Token], end: usize) -> Option<(Loose, usize)> {
    let dash = tokens.get(end)?;
    let word = tokens.get(end + 1)?;
    if !(dash.is("-") && dash.attached() && word.attached()) {
        return None;
    }
    Some((loose_word(&word.lower)?, end + 2))
}

/// What a word written against a number after a hyphen makes of it.
pub(super) fn loose_word(word: &str) -> Option<Loose> {
    match word {
        "some" | "odd" | "something" => Some(Loose::Past),
        "plus" => Some(Loose::Plus),
        "ish" => Some(Loose::About),
        _ => None,
    }
}

/// How far past a number "-some" or "-odd" reaches: to the next multiple
/// of the place of its last digit that is not zero, and at least the next
/// ten ("60-some" is 61 to 69, "100-odd" 101 to 199).
pub(super) fn loose_step(value: f64) -> f64 {
    let mut step = 10.0;
    while value.abs() >= step * 10.0 && (value / (step * 10.0)).fract() == 0.0 {
        step *= 10.0;
    }
    step
}

/// Words between a bound and its number that say the number is an age:
/// "under the age of 6", "over age 65".
pub(super) const AGE_PHRASES: [&str; 2] = ["the age of", "age"];

/// Match a phrase of space-separated words (or symbols) at token `i`;
/// returns the index after it.
pub(crate) fn phrase_at(tokens: &[Token], i: usize, phrase: &str) -> Option<usize> {
    let mut j = i;
    for word in phrase.split(' ') {
        let t = tokens.get(j)?;
        if t.lower != word {
            return None;
        }
        j += 1;
    }
    Some(j)
}

/// Words before a 4-digit number that make it a year: "in 2019".
pub(super) static YEAR_CUES: WordList =
    WordList::new(include_str!("../../../lexicons/figures-year-cues.txt"));

/// Words after a number that make it a lower bound, the number included:
/// "500 or more".
pub(super) static OR_MORE: WordList =
    WordList::new(include_str!("../../../lexicons/figures-or-more.txt"));

/// Words after a number that make it an upper bound, the number included:
/// "500 or less".
pub(super) static OR_LESS: WordList =
    WordList::new(include_str!("../../../lexicons/figures-or-less.txt"));

/// Words before "one" that make it a pronoun: "that one", "the one".
pub(super) const PRONOUN_ONE_BEFORE: &[&str] =
    &["any", "each", "every", "no", "that", "the", "this", "which"];

/// Words before a number that make "X to Y" a change and its result, not
/// a range: "fell by 36,000 to 293,000", "rose 5% to 7%".
pub(super) static CHANGE_WORDS: WordList =
    WordList::new(include_str!("../../../lexicons/figures-change-words.txt"));

/// Verbs of change: after them "from X to Y" gives two values, not a range.
pub(super) static CHANGE_VERBS: WordList =
    WordList::new(include_str!("../../../lexicons/figures-change-verbs.txt"));

/// Earliest and latest plain 4-digit numbers read as years.
pub(super) const YEAR_RANGE: std::ops::RangeInclusive<f64> = 1800.0..=2100.0;
