//! Text primitives the stages share: folding, the word tokenizer, the
//! stemmer, the stop list and the lexicon loader. Each exists once here, so
//! that two stages never disagree on what a word or its stem is.

pub mod lexicon;

use std::cell::RefCell;
use std::ops::Range;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::{FxHashMap, FxHashSet};

/// The stop list, embedded from `lexicons/stopwords.txt`.
pub const STOP_WORDS: &str = include_str!("../../lexicons/stopwords.txt");

/// Words that negate the claim they are in; a claim with one against a claim
/// without says the opposite however many words they share.
pub const NEGATIONS: [&str; 5] = ["never", "no", "nor", "not", "without"];

/// How many words each thread keeps stemmed. A story's vocabulary is a few
/// thousand words, met again and again by every stage, so nearly every
/// call is a look-up; past this many the memory is cleared and refilled,
/// which bounds it (a few MB a thread) on any input.
const STEMS_KEPT: usize = 1 << 15;

/// `word` lower-cased for a token: ASCII, which nearly every word is,
/// without the Unicode tables, and a short word kept inline rather than on
/// the heap (a claim has a token every few bytes).
pub fn lowercase_token(word: &str) -> compact_str::CompactString {
    if word.is_ascii() {
        let mut lower = compact_str::CompactString::from(word);
        lower.make_ascii_lowercase();
        lower
    } else {
        compact_str::CompactString::from(word.to_lowercase())
    }
}

/// The characters of `text` with their byte offsets, for tokenizers that
/// look ahead and behind. Sized once for the text (collecting grows the
/// vector again and again, a claim's characters being many more than the
/// iterator's lower bound).
pub fn char_table(text: &str) -> Vec<(usize, char)> {
    let mut chars = Vec::with_capacity(text.len());
    if text.is_ascii() {
        // Most claims: every byte a character, no decoding to do.
        chars.extend(text.bytes().enumerate().map(|(i, b)| (i, char::from(b))));
    } else {
        chars.extend(text.char_indices());
    }
    chars
}

/// `text` transliterated to ASCII (`deunicode`: "é" is "e", curly quotes
/// are straight) and lower-cased. The transliteration is all ASCII, so it
/// is lower-cased in place, without a second string.
pub fn fold(text: &str) -> String {
    let mut folded = deunicode::deunicode(text);
    folded.make_ascii_lowercase();
    folded
}

/// The English (Snowball) stem of a folded, lower-case word. One stemmer is
/// built for the whole process and reused, and each thread remembers the
/// stems it has computed (up to [`STEMS_KEPT`] words): stemming is a pure
/// function of the word, so remembering changes no output.
pub fn stem(word: &str) -> String {
    with_stem(word, str::to_owned)
}

/// Calls `f` with the stem of `word` ([`stem`]) without copying it out of
/// the thread's memory: for loops that only look the stem up. `f` must not
/// stem in turn (the memory is borrowed while it runs).
pub fn with_stem<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    thread_local! {
        // Hashed with rustc-hash's Fx: the keys are short words and the
        // table is private, so a keyed hash buys nothing and costs time.
        static STEMS: RefCell<FxHashMap<Box<str>, Box<str>>> = RefCell::default();
    }
    STEMS.with_borrow_mut(|stems| {
        if let Some(known) = stems.get(word) {
            return f(known);
        }
        let stemmed = stemmer().stem(word);
        if stems.len() >= STEMS_KEPT {
            stems.clear();
        }
        let result = f(&stemmed);
        stems.insert(word.into(), stemmed.into());
        result
    })
}

/// [`stem`] without the thread's memory: for the words of a table built
/// once (tens of thousands of them), which would only crowd out the words
/// of the text.
pub fn stem_once(word: &str) -> String {
    stemmer().stem(word).into_owned()
}

/// The English stemmer, built once for the process.
fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// The stop words: words that carry no claim of their own (articles,
/// pronouns, auxiliaries), parsed once.
pub fn stop_words() -> &'static FxHashSet<&'static str> {
    static WORDS: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| lexicon::entries(STOP_WORDS).collect())
}

/// The words of `text` with their byte ranges: runs of letters and digits,
/// with apostrophes (straight or curly) and hyphens inside a word kept in
/// it ("Israel's", "ex-minister").
pub fn words(text: &str) -> impl Iterator<Item = (Range<usize>, &str)> {
    let inside = |c: char| c.is_alphanumeric() || c == '\'' || c == '’' || c == '-';
    let mut start = None;
    let mut chars = text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')));
    std::iter::from_fn(move || {
        for (i, c) in chars.by_ref() {
            match (inside(c) && i < text.len(), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    start = None;
                    return Some((s..i, &text[s..i]));
                }
                _ => {}
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_apostrophes_and_hyphens() {
        let found: Vec<(Range<usize>, &str)> = words("Israel’s ex-minister, 12 ").collect();
        assert_eq!(
            found,
            vec![(0..10, "Israel’s"), (11..22, "ex-minister"), (24..26, "12")]
        );
        assert_eq!(words("").count(), 0);
        assert_eq!(words("end").map(|(_, w)| w).collect::<Vec<_>>(), ["end"]);
    }

    #[test]
    fn fold_and_stem() {
        assert_eq!(fold("Café “Noir”"), "cafe \"noir\"");
        assert_eq!(stem("troops"), "troop");
        assert_eq!(stem("operations"), "oper");
        // A second call is answered from the thread's memory, unchanged.
        assert_eq!(stem("operations"), "oper");
    }

    #[test]
    fn fold_lowercases_what_transliteration_makes() {
        assert_eq!(
            fold("ÉTÉ Ǆ ÀB"),
            deunicode::deunicode("ÉTÉ Ǆ ÀB").to_lowercase()
        );
        assert_eq!(fold("Straße"), "strasse");
    }

    #[test]
    fn stems_past_the_memory_bound_stay_right() {
        let plain = Stemmer::create(Algorithm::English);
        for n in 0..STEMS_KEPT + 10 {
            let word = format!("{}ings", "ab".repeat(1 + n % 7)) + &"x".repeat(n / 7 % 50);
            assert_eq!(stem(&word), plain.stem(&word), "{word}");
        }
        assert_eq!(stem("troops"), "troop");
    }

    #[test]
    fn stop_words_hold_articles_not_content() {
        assert!(stop_words().contains("the"));
        assert!(!stop_words().contains("troops"));
    }
}
