//! The lexicon loader: word lists in `lexicons/*.txt`, embedded at build
//! time. A lexicon is one entry a line; lines starting with `#` are
//! comments; an entry may be a pair, `left = right` or `left<TAB>right`.

use std::ops::Deref;
use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// The entries of a lexicon file: its lines without comments, trimmed.
pub fn entries(lexicon: &str) -> impl Iterator<Item = &str> {
    lexicon
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// A `left = right` (or `left<TAB>right`) entry split in two; a bare entry
/// has no right side.
pub fn pair(entry: &str) -> (&str, Option<&str>) {
    match entry.split_once(['=', '\t']) {
        Some((left, right)) => {
            let right = right.trim();
            (left.trim(), (!right.is_empty()).then_some(right))
        }
        None => (entry.trim(), None),
    }
}

/// The entries of an embedded lexicon as a list, parsed once into `cell`.
/// The file is kept sorted (tests/lexicons.rs checks every lexicon), so the
/// list can be binary-searched.
pub fn sorted(
    cell: &'static OnceLock<Vec<&'static str>>,
    lexicon: &'static str,
) -> &'static [&'static str] {
    cell.get_or_init(|| entries(lexicon).collect())
}

/// A sorted word list of `lexicons/`, embedded at build time and parsed
/// into its entries the first time it is read. It reads as the slice of
/// its entries, so a stage writes `TITLES.contains(&word)` as it would of
/// an inline list:
///
/// ```ignore
/// static TITLES: WordList = WordList::new(include_str!("../../lexicons/framing-titles.txt"));
/// ```
pub struct WordList {
    lexicon: &'static str,
    entries: OnceLock<Vec<&'static str>>,
    /// The entries again, hashed, for [`WordList::contains`].
    set: OnceLock<FxHashSet<&'static str>>,
}

impl WordList {
    /// The word list of an embedded lexicon file.
    pub const fn new(lexicon: &'static str) -> WordList {
        WordList {
            lexicon,
            entries: OnceLock::new(),
            set: OnceLock::new(),
        }
    }

    /// Whether `word` is one of the entries, looked up in a hash set built
    /// the first time: the stages ask about every word of every claim, and
    /// scanning a list of dozens of words each time showed in profiles.
    pub fn contains<S: AsRef<str> + ?Sized>(&self, word: &S) -> bool {
        let set = self.set.get_or_init(|| self.iter().copied().collect());
        set.contains(word.as_ref())
    }
}

impl Deref for WordList {
    type Target = [&'static str];

    fn deref(&self) -> &[&'static str] {
        self.entries.get_or_init(|| entries(self.lexicon).collect())
    }
}

/// A sorted list of `left = right` pairs of `lexicons/`, embedded at build
/// time and parsed the first time it is read, like [`WordList`]; it reads
/// as the slice of its pairs.
pub struct PairList {
    lexicon: &'static str,
    pairs: OnceLock<Vec<(&'static str, &'static str)>>,
}

impl PairList {
    /// The pair list of an embedded lexicon file, every entry of which is a
    /// pair.
    pub const fn new(lexicon: &'static str) -> PairList {
        PairList {
            lexicon,
            pairs: OnceLock::new(),
        }
    }
}

impl Deref for PairList {
    type Target = [(&'static str, &'static str)];

    fn deref(&self) -> &[(&'static str, &'static str)] {
        self.pairs.get_or_init(|| {
            entries(self.lexicon)
                .map(|entry| match pair(entry) {
                    (left, Some(right)) => (left, right),
                    // The lists are built in; a test reads every one.
                    (left, None) => panic!("{left:?}: a pair list entry without its right side"),
                })
                .collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_list_reads_as_its_entries() {
        static LIST: WordList = WordList::new("# header\nalpha\n\nbeta = b\n");
        assert_eq!(&*LIST, ["alpha", "beta = b"]);
        assert!(LIST.contains(&"alpha"));
        assert!(!LIST.contains(&"# header"));
    }

    #[test]
    fn a_pair_list_reads_as_its_pairs() {
        static PAIRS: PairList = PairList::new("# header\na $ = AUD\nb\tB\n");
        assert_eq!(&*PAIRS, [("a $", "AUD"), ("b", "B")]);
    }
}
