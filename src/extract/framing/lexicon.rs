//! The framing lexicons: the built-in word lists merged with the
//! configured additions, and matching on word boundaries.

use rustc_hash::FxHashMap;

use super::*;

/// Hedge words and phrases, one a line.
pub const HEDGES: &str = include_str!("../../../lexicons/hedges.txt");
/// Attribution verbs, `form = lemma` a line.
pub const ATTRIBUTION_VERBS: &str = include_str!("../../../lexicons/attribution-verbs.txt");
/// Words that mark a source as unnamed, one a line.
pub const UNNAMED_SOURCES: &str = include_str!("../../../lexicons/unnamed-sources.txt");
/// Loaded terms of newsroom usage, `loaded = neutral` or a bare `loaded` a
/// line.
pub const LOADED_TERMS: &str = include_str!("../../../lexicons/loaded-terms.txt");
/// Loaded terms taken from documented sentiment lexicons, chosen with
/// annotated news articles as evidence; same format.
pub const LOADED_TERMS_EVIDENCE: &str = include_str!("../../../lexicons/loaded-terms-evidence.txt");

/// The built-in lexicons with their file names, for checks and docs.
pub const BUILTIN_LEXICONS: [(&str, &str); 5] = [
    ("attribution-verbs.txt", ATTRIBUTION_VERBS),
    ("hedges.txt", HEDGES),
    ("loaded-terms.txt", LOADED_TERMS),
    ("loaded-terms-evidence.txt", LOADED_TERMS_EVIDENCE),
    ("unnamed-sources.txt", UNNAMED_SOURCES),
];

/// Additions to the built-in lexicons, from the `[framing]` section of
/// `storydiff.toml`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct FramingConfig {
    /// Extra hedge words or phrases.
    pub hedges: Vec<String>,
    /// Extra attribution verbs (single words, each its own lemma).
    pub attribution_verbs: Vec<String>,
    /// Extra words that mark a source as unnamed.
    pub unnamed_sources: Vec<String>,
    /// Extra loaded terms, each with its neutral alternative (`""` for none).
    pub loaded_terms: BTreeMap<String, String>,
    /// Severity of `framing` findings.
    pub severity: Severity,
}

impl Default for FramingConfig {
    fn default() -> FramingConfig {
        FramingConfig {
            hedges: Vec::new(),
            attribution_verbs: Vec::new(),
            unnamed_sources: Vec::new(),
            loaded_terms: BTreeMap::new(),
            severity: Severity::Warning,
        }
    }
}

pub use crate::text::lexicon::{entries, pair};

/// Word lists matched case-folded on word boundaries, all of them in one
/// pass over the text: every claim is searched with the hedges and the
/// loaded terms, and one automaton reads its bytes once instead of twice.
#[derive(Debug, Clone)]
pub(super) struct WordSet {
    pub(super) matcher: AhoCorasick,
    /// The first pattern number of each list after the first.
    list_starts: Vec<usize>,
}

impl WordSet {
    pub(super) fn new(words: &[String]) -> Result<WordSet, aho_corasick::BuildError> {
        WordSet::of_lists(&[words])
    }

    /// One automaton over several lists; [`WordSet::find_each`] keeps their
    /// matches apart.
    pub(super) fn of_lists(lists: &[&[String]]) -> Result<WordSet, aho_corasick::BuildError> {
        // An empty word would match between the bytes of a multi-byte
        // character; it can come from a blank entry in the configuration.
        let lists: Vec<Vec<&str>> = lists
            .iter()
            .map(|words| {
                words
                    .iter()
                    .map(|w| w.trim())
                    .filter(|w| !w.is_empty())
                    .collect()
            })
            .collect();
        let list_starts = lists
            .iter()
            .scan(0, |start, list| {
                *start += list.len();
                Some(*start)
            })
            .take(lists.len().saturating_sub(1))
            .collect();
        // A DFA: the sets are small (tens to hundreds of words) and built
        // once per run, and every claim is searched with each.
        let matcher = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(lists.into_iter().flatten())?;
        Ok(WordSet {
            matcher,
            list_starts,
        })
    }

    /// Non-overlapping matches on word boundaries, longest first where
    /// matches overlap: `(pattern index, byte range)`.
    pub(super) fn find(&self, text: &str) -> Vec<(usize, Range<usize>)> {
        self.find_each(text).swap_remove(0)
    }

    /// [`WordSet::find`] for each list apart, pattern indices counted within
    /// the list: a match of one list never hides a match of another.
    pub(super) fn find_each(&self, text: &str) -> Vec<Vec<(usize, Range<usize>)>> {
        let mut found: Vec<Vec<(usize, Range<usize>)>> =
            vec![Vec::new(); self.list_starts.len() + 1];
        for m in self.matcher.find_overlapping_iter(text) {
            if !on_word_boundaries(text, m.range()) {
                continue;
            }
            let pattern = m.pattern().as_usize();
            let list = self.list_starts.partition_point(|&s| s <= pattern);
            let first = list.checked_sub(1).map_or(0, |l| self.list_starts[l]);
            found[list].push((pattern - first, m.range()));
        }
        found.into_iter().map(longest_first).collect()
    }

    pub(super) fn contains(&self, text: &str) -> bool {
        !self.find(text).is_empty()
    }
}

/// Of overlapping matches, the one that starts first, and of those the
/// longest.
fn longest_first(mut found: Vec<(usize, Range<usize>)>) -> Vec<(usize, Range<usize>)> {
    found.sort_by_key(|(_, r)| (r.start, std::cmp::Reverse(r.end)));
    let mut kept: Vec<(usize, Range<usize>)> = Vec::new();
    for (pattern, range) in found {
        if kept.last().is_none_or(|(_, last)| range.start >= last.end) {
            kept.push((pattern, range));
        }
    }
    kept
}

pub(super) fn on_word_boundaries(text: &str, range: Range<usize>) -> bool {
    if !text.is_char_boundary(range.start) || !text.is_char_boundary(range.end) {
        return false;
    }
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// True when `word` occurs in `text` on word boundaries, case-folded: what
/// a [`WordSet`] of the one word finds (ASCII letters folded, the word
/// trimmed, a blank word never found), without building an automaton for
/// each call.
pub fn contains_word(text: &str, word: &str) -> bool {
    let word = word.trim().as_bytes();
    if word.is_empty() || word.len() > text.len() {
        return false;
    }
    let bytes = text.as_bytes();
    (0..=bytes.len() - word.len()).any(|at| {
        bytes[at..at + word.len()].eq_ignore_ascii_case(word)
            && on_word_boundaries(text, at..at + word.len())
    })
}

/// The built-in lexicons merged with the configured additions.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// The hedges (first list) and the loaded terms (second), searched
    /// together.
    pub(super) hedges_and_loaded: WordSet,
    pub(super) verbs: FxHashMap<String, String>,
    pub(super) unnamed: WordSet,
    pub(super) loaded_words: Vec<(String, Option<String>)>,
}

impl Default for Lexicon {
    fn default() -> Lexicon {
        Lexicon::from_config(&FramingConfig::default()).expect("the built-in lexicons build")
    }
}

pub(super) fn merged<'a>(
    builtin: &'a str,
    extra: impl IntoIterator<Item = &'a str>,
) -> Vec<String> {
    let mut words: Vec<String> = entries(builtin)
        .chain(extra)
        .map(|w| w.trim().to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    words.sort();
    words.dedup();
    words
}

/// The lexicons built so far, with the configuration each was built for.
pub(super) type Built = Vec<(FramingConfig, Arc<Lexicon>)>;

impl Lexicon {
    /// The lexicon for `config`, built once per process and shared: a corpus
    /// run compares thousands of stories with one configuration, and building
    /// the matchers costs more than using them.
    pub fn shared(config: &FramingConfig) -> Result<Arc<Lexicon>, aho_corasick::BuildError> {
        static BUILT: OnceLock<Mutex<Built>> = OnceLock::new();
        let mut built = BUILT
            .get_or_init(Mutex::default)
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((_, lexicon)) = built.iter().find(|(c, _)| c == config) {
            return Ok(Arc::clone(lexicon));
        }
        let lexicon = Arc::new(Lexicon::from_config(config)?);
        built.push((config.clone(), Arc::clone(&lexicon)));
        Ok(lexicon)
    }

    /// The built-in lexicons plus `config`'s additions.
    pub fn from_config(config: &FramingConfig) -> Result<Lexicon, aho_corasick::BuildError> {
        Lexicon::with_loaded_terms(config, &[LOADED_TERMS, LOADED_TERMS_EVIDENCE])
    }

    /// The built-in lexicons plus `config`'s additions, with the loaded-term
    /// lists `loaded` in place of the built-in ones: for measuring one list
    /// against another.
    pub fn with_loaded_terms(
        config: &FramingConfig,
        loaded: &[&str],
    ) -> Result<Lexicon, aho_corasick::BuildError> {
        let hedge_words = merged(HEDGES, config.hedges.iter().map(String::as_str));
        let unnamed_words = merged(
            UNNAMED_SOURCES,
            config.unnamed_sources.iter().map(String::as_str),
        );
        let mut verbs: FxHashMap<String, String> = entries(ATTRIBUTION_VERBS)
            .map(pair)
            .map(|(form, lemma)| (form.to_lowercase(), lemma.unwrap_or(form).to_lowercase()))
            .collect();
        for verb in &config.attribution_verbs {
            let verb = verb.trim().to_lowercase();
            verbs.entry(verb.clone()).or_insert(verb);
        }
        let mut loaded: BTreeMap<String, Option<String>> = loaded
            .iter()
            .flat_map(|list| entries(list))
            .map(pair)
            .map(|(l, n)| (l.to_lowercase(), n.map(str::to_lowercase)))
            .collect();
        for (l, n) in &config.loaded_terms {
            let n = n.trim().to_lowercase();
            loaded.insert(l.trim().to_lowercase(), (!n.is_empty()).then_some(n));
        }
        // A blank term matches nothing, and left in would shift the
        // automaton's pattern numbers (blank words are left out of it)
        // against this list.
        let loaded_words: Vec<(String, Option<String>)> =
            loaded.into_iter().filter(|(l, _)| !l.is_empty()).collect();
        let loaded_keys: Vec<String> = loaded_words.iter().map(|(l, _)| l.clone()).collect();
        Ok(Lexicon {
            hedges_and_loaded: WordSet::of_lists(&[&hedge_words, &loaded_keys])?,
            verbs,
            unnamed: WordSet::new(&unnamed_words)?,
            loaded_words,
        })
    }

    /// The neutral alternative of a loaded term, if it is one and has one.
    pub fn neutral_of(&self, loaded: &str) -> Option<&str> {
        let loaded = loaded.to_lowercase();
        self.loaded_words
            .iter()
            .find(|(l, _)| *l == loaded)
            .and_then(|(_, n)| n.as_deref())
    }

    /// True when a source phrase names no one: it holds a word of the
    /// unnamed-sources lexicon ("officials", "a person familiar with"), and
    /// is not a report from a named outlet ("reports from Reuters").
    pub fn is_unnamed(&self, source: &str) -> bool {
        let lower = source.to_lowercase();
        if lower == "they" {
            return true;
        }
        if report_from_named(source) {
            return false;
        }
        self.unnamed.contains(source)
    }
}

/// "reports from Reuters", "a report by The Times": a report credited to a
/// capitalized name.
pub(super) fn report_from_named(source: &str) -> bool {
    let words: Vec<&str> = source.split_whitespace().collect();
    words.windows(3).any(|w| {
        let head = w[0].to_lowercase();
        matches!(head.as_str(), "report" | "reports" | "reporting")
            && matches!(w[1].to_lowercase().as_str(), "from" | "by" | "in")
            && w[2].chars().next().is_some_and(char::is_uppercase)
    })
}
