//! Text primitives the stages share: folding, the word tokenizer, the
//! stemmer, the stop list and the lexicon loader. Each exists once here, so
//! that two stages never disagree on what a word or its stem is.

pub mod lexicon;

use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

/// The stop list, embedded from `lexicons/stopwords.txt`.
pub const STOP_WORDS: &str = include_str!("../../lexicons/stopwords.txt");

/// `text` transliterated to ASCII (`deunicode`: "é" is "e", curly quotes
/// are straight) and lower-cased.
pub fn fold(text: &str) -> String {
    deunicode::deunicode(text).to_lowercase()
}

/// The English (Snowball) stem of a folded, lower-case word. One stemmer is
/// built for the whole process and reused.
pub fn stem(word: &str) -> String {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER
        .get_or_init(|| Stemmer::create(Algorithm::English))
        .stem(word)
        .into_owned()
}

/// The stop words: words that carry no claim of their own (articles,
/// pronouns, auxiliaries), parsed once.
pub fn stop_words() -> &'static HashSet<&'static str> {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
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
    }

    #[test]
    fn stop_words_hold_articles_not_content() {
        assert!(stop_words().contains("the"));
        assert!(!stop_words().contains("troops"));
    }
}
