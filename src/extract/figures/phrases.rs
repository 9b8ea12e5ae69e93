//! Phrase lists looked up by their first word.
//!
//! Figure extraction asks at every token whether one of its lexicons'
//! phrases (qualifiers, currencies, vague amounts, percent words) starts
//! there. Scanning each list and splitting each phrase anew at every token
//! was most of the extractor's time; an index built once maps a token's
//! text to the few phrases that start with it, already split into words.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::Token;

/// FNV-1a: the index is asked about every token, and its keys are short
/// words, for which the default SipHash costs more than the lookup saves.
/// The keys are fixed lexicon words, so there is nothing to defend against.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
        self.0 = h;
    }
}

pub(crate) type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// A set hashed as [`PhraseIndex`] is.
pub(crate) type FnvSet<K> = std::collections::HashSet<K, BuildHasherDefault<Fnv>>;

/// Phrases, each with a value, indexed by their first word.
pub(crate) struct PhraseIndex<T> {
    by_first: FnvMap<String, Vec<(Vec<String>, T)>>,
    /// Whether some first word starts with this byte: most tokens (digits,
    /// most words) start none, and are turned away without hashing.
    first_bytes: [bool; 256],
}

impl<T: Copy> PhraseIndex<T> {
    /// The index of `phrases` (lowercase, words separated by one space).
    /// Phrases with one first word keep their order in `phrases`.
    pub(crate) fn new<S: AsRef<str>>(phrases: impl IntoIterator<Item = (S, T)>) -> PhraseIndex<T> {
        let mut by_first: FnvMap<String, Vec<(Vec<String>, T)>> = FnvMap::default();
        for (phrase, value) in phrases {
            let words: Vec<String> = phrase.as_ref().split(' ').map(str::to_string).collect();
            by_first
                .entry(words[0].clone())
                .or_default()
                .push((words, value));
        }
        let mut first_bytes = [false; 256];
        for first in by_first.keys() {
            if let Some(&b) = first.as_bytes().first() {
                first_bytes[usize::from(b)] = true;
            }
        }
        PhraseIndex {
            by_first,
            first_bytes,
        }
    }

    /// The first words of the phrases.
    pub(crate) fn firsts(&self) -> impl Iterator<Item = &str> {
        self.by_first.keys().map(String::as_str)
    }

    /// The phrases that start at token `i`, in list order, each with its
    /// words and the index of the token after it.
    pub(crate) fn at<'a>(
        &'a self,
        tokens: &'a [Token],
        i: usize,
    ) -> impl Iterator<Item = (&'a [String], T, usize)> + 'a {
        let candidates = tokens
            .get(i)
            .filter(|t| {
                let first = t.lower.as_bytes().first();
                first.is_some_and(|&b| self.first_bytes[usize::from(b)])
            })
            .and_then(|t| self.by_first.get(t.lower.as_str()))
            .map_or(&[][..], Vec::as_slice);
        candidates.iter().filter_map(move |(words, value)| {
            let matched = words
                .iter()
                .enumerate()
                .all(|(k, w)| tokens.get(i + k).is_some_and(|t| t.lower == *w));
            matched.then_some((words.as_slice(), *value, i + words.len()))
        })
    }

    /// The longest phrase at token `i` (the last listed of equally long
    /// ones), with the index after it.
    pub(crate) fn longest_at(&self, tokens: &[Token], i: usize) -> Option<(T, usize)> {
        self.at(tokens, i)
            .map(|(_, value, end)| (value, end))
            .max_by_key(|&(_, end)| end)
    }

    /// The first listed phrase at token `i`, with the index after it.
    pub(crate) fn first_at(&self, tokens: &[Token], i: usize) -> Option<(T, usize)> {
        self.at(tokens, i)
            .next()
            .map(|(_, value, end)| (value, end))
    }
}
