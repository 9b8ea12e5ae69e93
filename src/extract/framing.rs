//! Framing cues: attribution, hedges, quotes, scare quotes and loaded terms.
//!
//! The word lists live in `lexicons/*.txt`, embedded at build time and
//! extended from the `[framing]` section of `storydiff.toml`. Words are
//! matched with `aho-corasick`, case-folded, on word boundaries.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::sync::{Arc, Mutex, OnceLock};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::{Deserialize, Serialize};

use crate::model::Claim;
pub use crate::model::cue::{Cue, CueKind};
use crate::model::finding::Severity;

/// Hedge words and phrases, one a line.
pub const HEDGES: &str = include_str!("../../lexicons/hedges.txt");
/// Attribution verbs, `form = lemma` a line.
pub const ATTRIBUTION_VERBS: &str = include_str!("../../lexicons/attribution-verbs.txt");
/// Words that mark a source as unnamed, one a line.
pub const UNNAMED_SOURCES: &str = include_str!("../../lexicons/unnamed-sources.txt");
/// Loaded terms, `loaded = neutral` or a bare `loaded` a line.
pub const LOADED_TERMS: &str = include_str!("../../lexicons/loaded-terms.txt");

/// The built-in lexicons with their file names, for checks and docs.
pub const BUILTIN_LEXICONS: [(&str, &str); 4] = [
    ("attribution-verbs.txt", ATTRIBUTION_VERBS),
    ("hedges.txt", HEDGES),
    ("loaded-terms.txt", LOADED_TERMS),
    ("unnamed-sources.txt", UNNAMED_SOURCES),
];

/// A source is looked for this many words either side of an attribution
/// verb: enough for "a person familiar with the matter", short enough not to
/// swallow the clause before it.
const MAX_SOURCE_WORDS: usize = 8;

/// A quotation of at most this many words is a scare quote ("terrorist",
/// "a slave's peace"); a longer one is a direct quote.
pub const SCARE_QUOTE_MAX_WORDS: usize = 3;

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

/// Words matched case-folded on word boundaries.
#[derive(Debug, Clone)]
struct WordSet {
    matcher: AhoCorasick,
}

impl WordSet {
    fn new(words: &[String]) -> Result<WordSet, aho_corasick::BuildError> {
        // An empty word would match between the bytes of a multi-byte
        // character; it can come from a blank entry in the configuration.
        let words = words.iter().map(|w| w.trim()).filter(|w| !w.is_empty());
        let matcher = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(words)?;
        Ok(WordSet { matcher })
    }

    /// Non-overlapping matches on word boundaries, longest first where
    /// matches overlap: `(pattern index, byte range)`.
    fn find(&self, text: &str) -> Vec<(usize, Range<usize>)> {
        let mut found: Vec<(usize, Range<usize>)> = self
            .matcher
            .find_overlapping_iter(text)
            .filter(|m| on_word_boundaries(text, m.range()))
            .map(|m| (m.pattern().as_usize(), m.range()))
            .collect();
        found.sort_by_key(|(_, r)| (r.start, std::cmp::Reverse(r.end)));
        let mut kept: Vec<(usize, Range<usize>)> = Vec::new();
        for (pattern, range) in found {
            if kept.last().is_none_or(|(_, last)| range.start >= last.end) {
                kept.push((pattern, range));
            }
        }
        kept
    }

    fn contains(&self, text: &str) -> bool {
        !self.find(text).is_empty()
    }
}

fn on_word_boundaries(text: &str, range: Range<usize>) -> bool {
    if !text.is_char_boundary(range.start) || !text.is_char_boundary(range.end) {
        return false;
    }
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// True when `word` occurs in `text` on word boundaries, case-folded.
pub fn contains_word(text: &str, word: &str) -> bool {
    WordSet::new(&[word.to_string()]).is_ok_and(|set| set.contains(text))
}

/// The built-in lexicons merged with the configured additions.
#[derive(Debug, Clone)]
pub struct Lexicon {
    hedges: WordSet,
    verbs: HashMap<String, String>,
    unnamed: WordSet,
    loaded: WordSet,
    loaded_words: Vec<(String, Option<String>)>,
}

impl Default for Lexicon {
    fn default() -> Lexicon {
        Lexicon::from_config(&FramingConfig::default()).expect("the built-in lexicons build")
    }
}

fn merged<'a>(builtin: &'a str, extra: impl IntoIterator<Item = &'a str>) -> Vec<String> {
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
type Built = Vec<(FramingConfig, Arc<Lexicon>)>;

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
        let hedge_words = merged(HEDGES, config.hedges.iter().map(String::as_str));
        let unnamed_words = merged(
            UNNAMED_SOURCES,
            config.unnamed_sources.iter().map(String::as_str),
        );
        let mut verbs: HashMap<String, String> = entries(ATTRIBUTION_VERBS)
            .map(pair)
            .map(|(form, lemma)| (form.to_lowercase(), lemma.unwrap_or(form).to_lowercase()))
            .collect();
        for verb in &config.attribution_verbs {
            let verb = verb.trim().to_lowercase();
            verbs.entry(verb.clone()).or_insert(verb);
        }
        let mut loaded: BTreeMap<String, Option<String>> = entries(LOADED_TERMS)
            .map(pair)
            .map(|(l, n)| (l.to_lowercase(), n.map(str::to_lowercase)))
            .collect();
        for (l, n) in &config.loaded_terms {
            let n = n.trim().to_lowercase();
            loaded.insert(l.trim().to_lowercase(), (!n.is_empty()).then_some(n));
        }
        let loaded_words: Vec<(String, Option<String>)> = loaded.into_iter().collect();
        let loaded_keys: Vec<String> = loaded_words.iter().map(|(l, _)| l.clone()).collect();
        Ok(Lexicon {
            hedges: WordSet::new(&hedge_words)?,
            verbs,
            unnamed: WordSet::new(&unnamed_words)?,
            loaded: WordSet::new(&loaded_keys)?,
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
fn report_from_named(source: &str) -> bool {
    let words: Vec<&str> = source.split_whitespace().collect();
    words.windows(3).any(|w| {
        let head = w[0].to_lowercase();
        matches!(head.as_str(), "report" | "reports" | "reporting")
            && matches!(w[1].to_lowercase().as_str(), "from" | "by" | "in")
            && w[2].chars().next().is_some_and(char::is_uppercase)
    })
}

/// A word or a punctuation mark of a claim.
#[derive(Debug, Clone)]
struct Token<'a> {
    text: &'a str,
    span: Range<usize>,
    word: bool,
}

impl Token<'_> {
    fn lower(&self) -> String {
        self.text.to_lowercase()
    }

    fn is(&self, words: &[&str]) -> bool {
        self.word && words.contains(&self.lower().as_str())
    }
}

/// Words (letters and digits, with inner apostrophes, hyphens and periods)
/// and single punctuation marks.
fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = i + 1;
            while j < chars.len() {
                let c = chars[j].1;
                let inner = matches!(c, '\'' | '’' | '-' | '.')
                    && chars.get(j + 1).is_some_and(|(_, n)| n.is_alphanumeric());
                if c.is_alphanumeric() || inner {
                    j += 1;
                } else {
                    break;
                }
            }
            // "U.S." keeps its final period: letters and periods alternate.
            let word = &chars[i..j];
            let abbreviation = word.len() >= 3
                && word.iter().enumerate().all(|(k, (_, c))| {
                    if k % 2 == 0 {
                        c.is_alphabetic()
                    } else {
                        *c == '.'
                    }
                });
            let title =
                TITLES.contains(&&text[start..chars.get(j).map_or(text.len(), |(b, _)| *b)]);
            if (abbreviation || title) && chars.get(j).is_some_and(|(_, c)| *c == '.') {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |(b, _)| *b);
            tokens.push(Token {
                text: &text[start..end],
                span: start..end,
                word: true,
            });
            i = j;
        } else {
            let end = start + c.len_utf8();
            tokens.push(Token {
                text: &text[start..end],
                span: start..end,
                word: false,
            });
            i += 1;
        }
    }
    tokens
}

/// Titles written with a period, which stays with the word: "Gov. Kathy
/// Hochul said".
const TITLES: &[&str] = &[
    "Capt", "Col", "Dr", "Gen", "Gov", "Lt", "Maj", "Mr", "Mrs", "Ms", "Prof", "Rep", "Rev", "Sen",
    "Sgt", "St",
];

/// Words between a subject and its verb that do not end the subject:
/// "officials, however, argue", "Maduro has also said".
const SKIPPED_BEFORE_VERB: &[&str] = &[
    "again",
    "also",
    "allegedly",
    "can",
    "could",
    "did",
    "do",
    "does",
    "earlier",
    "first",
    "had",
    "has",
    "have",
    "however",
    "later",
    "may",
    "might",
    "now",
    "often",
    "originally",
    "previously",
    "privately",
    "publicly",
    "recently",
    "repeatedly",
    "reportedly",
    "then",
    "would",
    "will",
];

/// Times between a subject and its verb ("Biden on Wednesday said"), or
/// after an inverted verb ("announced Monday"): never the source.
const TIMES: &[&str] = &[
    "friday",
    "monday",
    "saturday",
    "sunday",
    "thursday",
    "today",
    "tonight",
    "tuesday",
    "wednesday",
    "week",
    "yesterday",
];

/// Verb forms that are as often nouns ("jobless claims fell", "the
/// estimates"): an attribution only before "that", a name, a pronoun or a
/// determiner, or after a pronoun.
const NOUN_LIKE_FORMS: &[&str] = &["claim", "claims", "estimate", "estimates", "notes"];

/// Words before a verb form that make it a noun, an adjective, an
/// infinitive or a passive ("those claims", "the alleged", "to say", "was
/// told"): no attribution.
const NOT_A_SUBJECT: &[&str] = &[
    "a", "about", "after", "against", "amid", "an", "any", "are", "at", "be", "been", "before",
    "being", "by", "despite", "during", "for", "from", "her", "his", "in", "into", "is", "its",
    "my", "no", "of", "on", "our", "over", "such", "the", "their", "these", "this", "those", "to",
    "under", "was", "were", "with", "without", "your",
];

/// Words that end a source phrase: conjunctions, relative pronouns and
/// prepositions.
const PHRASE_BREAKS: &[&str] = &[
    "about", "after", "against", "although", "amid", "and", "as", "at", "because", "before", "but",
    "by", "during", "for", "from", "if", "in", "into", "of", "on", "or", "over", "since", "so",
    "than", "that", "though", "to", "under", "what", "when", "where", "whether", "which", "while",
    "who", "whom", "with",
];

/// Subject pronouns: a source phrase starts at the last one.
const PRONOUNS: &[&str] = &["he", "i", "it", "she", "they", "we", "you"];

/// Prepositions a source phrase may run through when the word before them
/// is a source noun: "reports from Reuters", "a person familiar with the
/// matter", "officials at the Pentagon".
const SOURCE_PREPOSITIONS: &[&str] = &["at", "by", "for", "from", "in", "of", "with"];

/// Nouns after which a source phrase runs on through a preposition.
const SOURCE_NOUNS: &[&str] = &[
    "familiar",
    "official",
    "officials",
    "people",
    "person",
    "report",
    "reports",
    "reporting",
    "representative",
    "source",
    "sources",
    "spokesman",
    "spokesperson",
    "spokeswoman",
];

fn is_source_noun(token: &Token) -> bool {
    token.is(SOURCE_NOUNS)
}

/// The source phrase that ends just before token `end` (exclusive), scanning
/// backward: token indices `start..end`.
fn source_before(tokens: &[Token], end: usize, lexicon: &Lexicon) -> Range<usize> {
    let mut start = end;
    while start > 0 && end - start < MAX_SOURCE_WORDS {
        let t = &tokens[start - 1];
        if !t.word || lexicon.verbs.contains_key(&t.lower()) {
            break;
        }
        if t.is(PHRASE_BREAKS) {
            let capitalized = |k: usize| {
                tokens[k].word
                    && tokens[k]
                        .text
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
            };
            // "Jim Clyburn of South Carolina said": a name runs on through "of".
            let name_of =
                t.is(&["of"]) && start >= 2 && capitalized(start - 2) && capitalized(start);
            let runs_on = name_of
                || t.is(SOURCE_PREPOSITIONS)
                    && start >= 2
                    && tokens[start - 2].word
                    && is_source_noun(&tokens[start - 2]);
            if !runs_on {
                break;
            }
        }
        start -= 1;
    }
    start..end
}

/// The source phrase that starts at token `start`, scanning forward.
fn source_after(tokens: &[Token], start: usize) -> Range<usize> {
    let mut end = start;
    while end < tokens.len() && end - start < MAX_SOURCE_WORDS {
        let t = &tokens[end];
        if !t.word {
            break;
        }
        if t.is(PHRASE_BREAKS) {
            let runs_on =
                t.is(SOURCE_PREPOSITIONS) && end > start && is_source_noun(&tokens[end - 1]);
            if !runs_on {
                break;
            }
        }
        end += 1;
    }
    // A phrase does not end on a preposition or a determiner.
    while end > start && tokens[end - 1].is(SOURCE_PREPOSITIONS) {
        end -= 1;
    }
    start..end
}

/// A lower-case word ending in "-ed" or "-ing" before a verb form makes the
/// form an adjective ("targeted alleged vessels"), not an attribution.
fn looks_like_a_verb(token: &Token) -> bool {
    token.word
        && token.text.chars().next().is_some_and(char::is_lowercase)
        && (token.text.ends_with("ed") || token.text.ends_with("ing"))
        && !is_source_noun(token)
}

fn phrase<'a>(text: &'a str, tokens: &[Token], range: &Range<usize>) -> &'a str {
    &text[tokens[range.start].span.start..tokens[range.end - 1].span.end]
}

fn is_opening_quote(c: &str) -> bool {
    matches!(c, "“" | "\"" | "‘" | "'" | "«")
}

fn is_closing_quote(c: &str) -> bool {
    matches!(c, "”" | "\"" | "’" | "'" | "»")
}

/// Verbs that attribute only next to a quotation: "he continued, “...”",
/// "a fight he called “a war of choice”", "“...,” the report read". Away
/// from one they mean something else ("called on Congress", "read the
/// bill").
const QUOTE_VERBS: &[&str] = &[
    "ask", "call", "continue", "declare", "describe", "post", "read",
];

/// A quotation ends at most this many tokens before a quote verb, or begins
/// at most this many after it, for the verb to attribute it: room for the
/// speaker ("“...,” the White House press secretary said").
const QUOTE_VERB_REACH: usize = MAX_SOURCE_WORDS + 2;

/// An appositive between a subject and its verb ("John Suthers, a
/// Republican, said") runs at most this many tokens: "President Trump, 24
/// hours from his self-imposed deadline for picking a new director, told".
const MAX_APPOSITIVE_TOKENS: usize = 16;

/// Words that cannot open an appositive: after them the commas enclose a
/// clause of its own ("prices rose, and, analysts said").
const NOT_APPOSITIVE: &[&str] = &["and", "but", "or", "so", "that", "then", "yet"];

/// A name in an appositive runs at most this many words: "Ana Lindqvist",
/// "Peter J. Carr".
const MAX_NAME_WORDS: usize = 4;

/// Determiners that may open a source after an inverted verb that follows a
/// quotation: "“...,” said the spokesman, Peter Carr".
const DETERMINERS: &[&str] = &["a", "an", "the"];

/// Tokens strictly between byte offsets `from` and `to`.
fn tokens_between(tokens: &[Token], from: usize, to: usize) -> usize {
    tokens
        .iter()
        .filter(|t| t.span.start >= from && t.span.end <= to)
        .count()
}

/// Whether a quotation ends shortly before token `i` or begins shortly
/// after it.
fn next_to_quote(tokens: &[Token], i: usize, quotes: &[Range<usize>]) -> bool {
    let verb = &tokens[i].span;
    quotes.iter().any(|q| {
        (q.end <= verb.start && tokens_between(tokens, q.end, verb.start) <= QUOTE_VERB_REACH)
            || (q.start >= verb.end
                && tokens_between(tokens, verb.end, q.start) <= QUOTE_VERB_REACH)
    })
}

/// The comma that opens an appositive ending with the comma at token
/// `end - 1` ("John Suthers, a Republican, said"): its token index, when
/// the stretch between the commas reads as one (no quotation, no
/// attribution verb, not a clause opened by a conjunction) and a word comes
/// before it.
fn appositive_start(tokens: &[Token], end: usize, lexicon: &Lexicon) -> Option<usize> {
    if end < 3 || tokens[end - 1].text != "," {
        return None;
    }
    let lowest = (end - 1).saturating_sub(MAX_APPOSITIVE_TOKENS + 1);
    for k in (lowest..end - 1).rev() {
        let t = &tokens[k];
        if t.text == "," {
            let inside = &tokens[k + 1..end - 1];
            let opens = inside.first()?;
            let usable = !opens.is(NOT_APPOSITIVE) && k > 0 && tokens[k - 1].word;
            return usable.then_some(k);
        }
        if is_opening_quote(t.text)
            || is_closing_quote(t.text)
            || (t.word && lexicon.verbs.contains_key(&t.lower()))
            || matches!(t.text, "." | ";" | ":" | "?" | "!")
        {
            return None;
        }
    }
    None
}

/// A name after a comma that ends a phrase ("the spokesman, Peter Carr"):
/// the capitalized words from token `start` up to a punctuation mark or the
/// end.
fn name_after(tokens: &[Token], start: usize) -> Option<Range<usize>> {
    let capitalized = |t: &Token| t.word && t.text.chars().next().is_some_and(char::is_uppercase);
    let end = (start..tokens.len().min(start + MAX_SOURCE_WORDS))
        .take_while(|&k| capitalized(&tokens[k]))
        .last()?
        + 1;
    let closed = tokens.get(end).is_none_or(|t| !t.word);
    closed.then_some(start..end)
}

/// Attribution cues: "according to X", "X said", "“...,” said X", "X, a
/// Republican, said"; a quote verb ("continued", "called") only next to a
/// quotation, whose spans are `quotes`.
fn attributions(
    text: &str,
    tokens: &[Token],
    lexicon: &Lexicon,
    quotes: &[Range<usize>],
) -> Vec<Cue> {
    let mut cues = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if !t.word {
            i += 1;
            continue;
        }
        let lower = t.lower();
        if lower == "according" && tokens.get(i + 1).is_some_and(|n| n.is(&["to"])) {
            let source = source_after(tokens, i + 2);
            if !source.is_empty() {
                let name = phrase(text, tokens, &source);
                let span = t.span.start..tokens[source.end - 1].span.end;
                cues.push(attribution(text, span, name, "according to", lexicon));
                i = source.end;
                continue;
            }
        }
        let Some(lemma) = lexicon.verbs.get(&lower) else {
            i += 1;
            continue;
        };
        if lower.ends_with("ing") {
            // "Maduro spoke at a rally, telling supporters ...": the source
            // is the sentence's subject, taken as its leading capitalized
            // words.
            let after_comma = i > 0 && tokens[i - 1].text == ",";
            let subject = leading_name(tokens);
            if after_comma && !subject.is_empty() {
                let name = phrase(text, tokens, &subject);
                let span = t.span.clone();
                cues.push(attribution(text, span, name, lemma, lexicon));
            }
            i += 1;
            continue;
        }
        if QUOTE_VERBS.contains(&lemma.as_str()) && !next_to_quote(tokens, i, quotes) {
            i += 1;
            continue;
        }
        // "claimed by", "an officer accused of": a participle, not a verb.
        let participle = tokens
            .get(i + 1)
            .is_some_and(|n| n.is(&["by"]) || (n.is(&["of"]) && lemma == "accuse"));
        if participle {
            i += 1;
            continue;
        }
        // Step back over adverbs, auxiliaries and times to the subject.
        let mut end = i;
        // The last appositive stepped over, as token indices inside its commas.
        let mut appositive: Option<Range<usize>> = None;
        loop {
            if end > 0 && tokens[end - 1].is(SKIPPED_BEFORE_VERB) {
                end -= 1;
            } else if end > 0 && tokens[end - 1].is(TIMES) {
                end -= 1;
                if end > 0 && tokens[end - 1].is(&["on", "last", "this", "late", "early"]) {
                    end -= 1;
                }
            } else if end > 1
                && tokens[end - 1].text == ","
                && tokens[end - 2].is(SKIPPED_BEFORE_VERB)
            {
                end -= 2;
            } else if end > 1 && tokens[end - 1].text == "," && tokens[end - 2].text == ")" {
                end -= 1;
            } else if end > 0
                && tokens[end - 1].text == ")"
                && let Some(open) = (end.saturating_sub(MAX_SOURCE_WORDS)..end - 1)
                    .rev()
                    .find(|&k| tokens[k].text == "(")
            {
                // "Sen. John McCain (R-Ariz.) said": a party and state.
                end = open;
            } else if let Some(comma) = appositive_start(tokens, end, lexicon) {
                // "John Suthers, a Republican, said": the subject comes
                // before the appositive.
                appositive = Some(comma + 1..end - 1);
                end = comma;
            } else {
                break;
            }
            if end > 0 && tokens[end - 1].text == "," {
                end -= 1;
            }
        }
        let possessive = end > 0
            && (tokens[end - 1].text.ends_with("'s") || tokens[end - 1].text.ends_with("’s"));
        if end > 0
            && (tokens[end - 1].is(NOT_A_SUBJECT)
                || looks_like_a_verb(&tokens[end - 1])
                || possessive)
        {
            i += 1;
            continue;
        }
        let before = source_before(tokens, end, lexicon);
        // "the economy adds jobs": "add" attributes only before "that" or
        // a punctuation mark.
        if lemma == "add"
            && tokens
                .get(i + 1)
                .is_some_and(|n| n.word && !n.is(&["that"]))
        {
            i += 1;
            continue;
        }
        if t.is(NOUN_LIKE_FORMS) {
            let after_pronoun = end > 0 && tokens[end - 1].is(PRONOUNS);
            let clause_follows = tokens.get(i + 1).is_some_and(|n| {
                n.is(&["that", "the", "a", "an"])
                    || n.is(PRONOUNS)
                    || (n.word && n.text.chars().next().is_some_and(char::is_uppercase))
            });
            if !after_pronoun && !clause_follows {
                i += 1;
                continue;
            }
        }
        // "the chief mediator, Ana Lindqvist, said": the name is the source.
        let capitalized =
            |t: &Token| t.word && t.text.chars().next().is_some_and(char::is_uppercase);
        let plain_subject = !before.is_empty()
            && (tokens[before.start].is(DETERMINERS)
                || tokens[before.start].is(&["his", "her", "its", "their"])
                || !capitalized(&tokens[before.start]));
        let named_appositive = appositive.filter(|a| {
            plain_subject && a.len() <= MAX_NAME_WORDS && tokens[a.clone()].iter().all(capitalized)
        });
        let source = if let Some(name) = named_appositive {
            Some(name)
        } else if !before.is_empty() {
            Some(before.clone())
        } else if end > 0 && (tokens[end - 1].text == "," || is_closing_quote(tokens[end - 1].text))
        {
            let mut first = i + 1;
            while tokens.get(first).is_some_and(|t| t.is(TIMES)) {
                first += 1;
            }
            let mut after = source_after(tokens, first);
            // "“...,” said the spokesman": a determiner may open the source
            // right after a quotation.
            let after_quote = end > 0
                && (is_closing_quote(tokens[end - 1].text)
                    || (end > 1
                        && tokens[end - 1].text == ","
                        && is_closing_quote(tokens[end - 2].text)));
            let determiner =
                !after.is_empty() && after_quote && tokens[after.start].is(DETERMINERS);
            // After "tell" come the listeners, not the speaker; a pronoun
            // after the verb starts a clause ("..., Says It Will").
            let usable = !after.is_empty()
                && lemma != "tell"
                && !tokens[after.start].is(PRONOUNS)
                && (determiner || !tokens[after.start].is(NOT_A_SUBJECT))
                && !tokens[after.start].is(&["that"]);
            // "said the spokesman, Peter Carr": the name is the source.
            if usable
                && tokens.get(after.end).is_some_and(|t| t.text == ",")
                && let Some(name) = name_after(tokens, after.end + 1)
            {
                after = name;
            }
            usable.then_some(after)
        } else {
            None
        };
        if let Some(mut source) = source {
            // "a group they claim": the pronoun is the subject.
            if let Some(p) = (source.start..source.end)
                .rev()
                .find(|&k| tokens[k].is(PRONOUNS))
            {
                source.start = p;
            }
            let name = phrase(text, tokens, &source);
            let first = tokens[source.start.min(i)].span.start;
            let last = tokens[(source.end - 1).max(i)].span.end;
            cues.push(attribution(text, first..last, name, lemma, lexicon));
        }
        i += 1;
    }
    cues
}

/// The capitalized words a claim starts with ("Venezuelan President Nicolás
/// Maduro"), when there are at least two or the one is not a function word.
fn leading_name(tokens: &[Token]) -> Range<usize> {
    let end = tokens
        .iter()
        .take(MAX_SOURCE_WORDS)
        .take_while(|t| t.word && t.text.chars().next().is_some_and(char::is_uppercase))
        .count();
    let function_word = end == 1 && (tokens[0].is(NOT_A_SUBJECT) || tokens[0].is(PHRASE_BREAKS));
    if function_word { 0..0 } else { 0..end }
}

fn attribution(text: &str, span: Range<usize>, source: &str, verb: &str, lexicon: &Lexicon) -> Cue {
    let mut cue = Cue::new(CueKind::Attribution, &text[span.clone()], span);
    cue.named = Some(!lexicon.is_unnamed(source));
    cue.source = Some(source.to_string());
    cue.verb = Some(verb.to_string());
    cue
}

/// A quoted stretch of a claim: the span with its marks, and the words inside.
struct Quoted {
    span: Range<usize>,
    inner: Range<usize>,
    /// The quotation runs past the claim's start or end (a quote of several
    /// sentences).
    open_ended: bool,
}

/// Quotations in straight and curly, double and single quotes. Single quotes
/// are told apart from apostrophes by what is around them; quotes inside a
/// double-quoted stretch are left alone.
fn quotations(text: &str) -> Vec<Quoted> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let alnum = |k: Option<&(usize, char)>| k.is_some_and(|(_, c)| c.is_alphanumeric());
    let mut found = Vec::new();
    let mut double: Option<usize> = None;
    let mut single: Option<(usize, char)> = None;
    let mut first_double = true;
    for (k, &(at, c)) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).and_then(|p| chars.get(p));
        let next = chars.get(k + 1);
        let after = at + c.len_utf8();
        match c {
            '“' | '«' => {
                double = Some(at);
                first_double = false;
            }
            '”' | '»' | '"' => {
                if let Some(open) = double.take() {
                    found.push(Quoted {
                        span: open..after,
                        inner: open + mark_len(text, open)..at,
                        open_ended: false,
                    });
                } else if first_double
                    && (c != '"' || (prev.is_some_and(|(_, p)| !p.is_whitespace()) && !alnum(next)))
                {
                    // A closing mark with no opening one before it ends a
                    // quotation begun in an earlier sentence.
                    found.push(Quoted {
                        span: 0..after,
                        inner: 0..at,
                        open_ended: true,
                    });
                } else if c == '"' {
                    double = Some(at);
                }
                first_double = false;
            }
            '‘' | '\'' if double.is_none() && !alnum(prev) && alnum(next) => {
                single = Some((at, c));
            }
            '’' | '\'' if double.is_none() && !alnum(next) => {
                if let Some((open, mark)) = single
                    && (mark == '‘') == (c == '’')
                    && prev.is_some_and(|(_, p)| !p.is_whitespace())
                {
                    found.push(Quoted {
                        span: open..after,
                        inner: open + mark.len_utf8()..at,
                        open_ended: false,
                    });
                    single = None;
                }
            }
            _ => {}
        }
    }
    if let Some(open) = double {
        let inner_start = open + mark_len(text, open);
        if inner_start < text.len() {
            found.push(Quoted {
                span: open..text.len(),
                inner: inner_start..text.len(),
                open_ended: true,
            });
        }
    }
    found.retain(|q| !text[q.inner.clone()].trim().is_empty());
    found.sort_by_key(|q| q.span.start);
    found
}

/// The length in bytes of the quotation mark at `at`.
fn mark_len(text: &str, at: usize) -> usize {
    text[at..].chars().next().map_or(1, char::len_utf8)
}

/// A short quotation that reads as a full sentence: `he said: "No."`, or a
/// claim that is one: `"And it did."`.
fn is_full_sentence(text: &str, quoted: &Quoted) -> bool {
    let inner = text[quoted.inner.clone()].trim();
    let capital = inner.chars().next().is_some_and(char::is_uppercase);
    let terminal = inner.ends_with(['.', '!', '?']);
    let before = text[..quoted.span.start].trim_end();
    let introduced = before.is_empty() || before.ends_with([':', ',']);
    capital && terminal && introduced
}

/// Words written in lower case inside a title: "Face the Nation", "Smiles
/// for Life".
const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "amid", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or",
    "over", "than", "the", "to", "via", "with",
];

/// A short quotation in Title Case is the name of a show, a book, a bill or
/// a campaign ("Meet the Press", "Smiles for Life"), not a scare quote: every
/// word capitalized but the small ones, and a capital after the first word
/// (a lone capitalized word may only open a sentence).
fn is_title(inner: &str) -> bool {
    let words: Vec<&str> = inner.split_whitespace().collect();
    let capitalized = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    words.len() >= 2
        && words.len() <= SCARE_QUOTE_MAX_WORDS + 2
        && words[1..].iter().any(|w| capitalized(w))
        && words
            .iter()
            .all(|w| capitalized(w) || TITLE_SMALL_WORDS.contains(&w.to_lowercase().as_str()))
}

/// Words before a quoted rating: `rated the ad "false"`, `gave it a
/// "Pants on Fire"`.
const RATING_WORDS: &[&str] = &["rated", "rates", "rating", "ranked"];

/// A quotation this many words after a rating word is the rating.
const RATING_REACH: usize = 6;

/// A quoted rating ("rated the Obama ad as “false”") is the rater's verdict,
/// named as such, not a term the outlet keeps at a distance.
fn is_rating(text: &str, quoted: &Quoted) -> bool {
    text[..quoted.span.start]
        .split_whitespace()
        .rev()
        .take(RATING_REACH)
        .any(|w| RATING_WORDS.contains(&w.to_lowercase().as_str()))
}

/// The first part of a quotation split around its speaker: `“Is it true,”
/// Roberts asked`, `“Never,” she said, “...”`: the quoted words end in a
/// comma, a question or an exclamation mark and a verb of speech follows
/// within a few words.
fn is_split_quote(text: &str, quoted: &Quoted) -> bool {
    let inner = text[quoted.inner.clone()].trim_end();
    if !inner.ends_with([',', '?', '!']) {
        return false;
    }
    text[quoted.span.end..]
        .split_whitespace()
        .take(SPLIT_QUOTE_REACH)
        .any(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            SPLIT_QUOTE_VERBS.contains(&w.as_str())
        })
}

/// A speech verb at most this many words after a quotation splits it.
const SPLIT_QUOTE_REACH: usize = 4;

/// Verbs of speech that split a quotation around its speaker.
const SPLIT_QUOTE_VERBS: &[&str] = &[
    "added",
    "asked",
    "continued",
    "declared",
    "explained",
    "replied",
    "said",
    "says",
    "told",
    "wrote",
];

/// Words of more than this many letters show whether a claim is written in
/// headline case.
const HEADLINE_WORD_CHARS: usize = 3;

/// A claim in headline case ("Maduro Rejects ‘Slave’s Peace’"): every
/// longer word outside its quotations is capitalized, so a quotation in
/// Title Case says nothing about being a name.
fn in_headline_case(text: &str, quoted: &[Quoted]) -> bool {
    let mut outside = String::with_capacity(text.len());
    let mut at = 0;
    for q in quoted {
        if q.span.start >= at {
            outside.push_str(&text[at..q.span.start]);
            outside.push(' ');
            at = q.span.end;
        }
    }
    outside.push_str(&text[at.min(text.len())..]);
    let long: Vec<&str> = outside
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| {
            w.chars().count() > HEADLINE_WORD_CHARS
                && !TITLE_SMALL_WORDS.contains(&w.to_lowercase().as_str())
        })
        .collect();
    !long.is_empty()
        && long.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
}

fn quote_cues(text: &str) -> Vec<Cue> {
    let quoted = quotations(text);
    let headline = in_headline_case(text, &quoted);
    quoted
        .into_iter()
        .filter_map(|q| {
            let inner = text[q.inner.clone()]
                .trim()
                .trim_end_matches([',', '.', ';', ':'])
                .trim_end();
            let words = inner.split_whitespace().count();
            if (is_title(inner) && !headline) || is_rating(text, &q) {
                return None;
            }
            let kind = if words <= SCARE_QUOTE_MAX_WORDS
                && !q.open_ended
                && !is_full_sentence(text, &q)
                && !is_split_quote(text, &q)
            {
                CueKind::ScareQuote
            } else {
                CueKind::Quote
            };
            Some(Cue::new(kind, inner, q.span))
        })
        .collect()
}

/// "so-called X" and "so called X", with the word that follows.
fn so_called(text: &str, tokens: &[Token]) -> Vec<Cue> {
    let mut cues = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let (end_token, next) = if t.is(&["so-called"]) {
            (i, i + 1)
        } else if t.is(&["so"]) && tokens.get(i + 1).is_some_and(|n| n.is(&["called"])) {
            (i + 1, i + 2)
        } else {
            continue;
        };
        let end = match tokens.get(next) {
            Some(n) if n.word => n.span.end,
            _ => tokens[end_token].span.end,
        };
        cues.push(Cue::new(
            CueKind::ScareQuote,
            &text[t.span.start..end],
            t.span.start..end,
        ));
    }
    cues
}

/// "May" with a capital inside a sentence, or before a number, is the month.
fn is_month_may(text: &str, range: &Range<usize>) -> bool {
    let word = &text[range.clone()];
    if word != "May" {
        return false;
    }
    let inside = range.start > 0
        && !text[..range.start]
            .trim_end()
            .ends_with(is_opening_quote_char);
    let before_number = text[range.end..]
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit());
    inside || before_number
}

fn is_opening_quote_char(c: char) -> bool {
    is_opening_quote(c.encode_utf8(&mut [0; 4]))
}

fn inside(span: &Range<usize>, cues: &[Cue], kinds: &[CueKind]) -> bool {
    cues.iter()
        .any(|c| kinds.contains(&c.kind) && c.span.start <= span.start && span.end <= c.span.end)
}

/// All framing cues in `text`, in order of appearance.
///
/// Hedges and attributions inside a direct quote are the speaker's words,
/// not the outlet's, and are left out; so are loaded terms inside any
/// quotation or after "so-called".
pub fn find_cues(text: &str, lexicon: &Lexicon) -> Vec<Cue> {
    let tokens = tokenize(text);
    let mut quotes = quote_cues(text);
    // Quotation marks, not "so-called", let a quote verb attribute.
    let quote_spans: Vec<Range<usize>> = quotes.iter().map(|q| q.span.clone()).collect();
    quotes.extend(so_called(text, &tokens));
    let mut cues: Vec<Cue> = attributions(text, &tokens, lexicon, &quote_spans)
        .into_iter()
        .filter(|c| !inside(&c.span, &quotes, &[CueKind::Quote]))
        .collect();
    if !cues.iter().any(|c| c.kind == CueKind::Attribution)
        && let Some(cue) = colon_attribution(text, &tokens, &quotes, lexicon)
    {
        cues.push(cue);
    }
    for (_, range) in lexicon.hedges.find(text) {
        if inside(&range, &quotes, &[CueKind::Quote]) || is_month_may(text, &range) {
            continue;
        }
        cues.push(Cue::new(CueKind::Hedge, &text[range.clone()], range));
    }
    for (pattern, range) in lexicon.loaded.find(text) {
        if inside(&range, &quotes, &[CueKind::Quote, CueKind::ScareQuote]) {
            continue;
        }
        let mut cue = Cue::new(CueKind::LoadedTerm, &text[range.clone()], range);
        cue.neutral = lexicon.loaded_words[pattern].1.clone();
        cues.push(cue);
    }
    for quote in &mut quotes {
        if quote.kind == CueKind::Quote {
            quote.speaker = speaker(quote, &cues);
        }
    }
    cues.extend(quotes);
    cues.sort_by_key(|c| (c.span.start, c.kind, c.span.end));
    cues
}

/// A quotation introduced by a colon after its speaker: "The letter goes
/// on: “...”", "Maduro: “...”". The source is the claim's leading name, or a
/// determiner and its noun ("The letter"); the verb counts as "say", which
/// is what the colon reads as.
fn colon_attribution(
    text: &str,
    tokens: &[Token],
    quotes: &[Cue],
    lexicon: &Lexicon,
) -> Option<Cue> {
    let quote = quotes
        .iter()
        .find(|q| q.kind == CueKind::Quote && text[..q.span.start].trim_end().ends_with(':'))?;
    let colon = tokens
        .iter()
        .rposition(|t| t.text == ":" && t.span.end <= quote.span.start)?;
    let name = leading_name(&tokens[..colon]);
    let source = if !name.is_empty() {
        name
    } else if colon >= 2 && tokens[0].is(&["a", "an", "the", "his", "her", "its", "their"]) {
        0..2
    } else {
        return None;
    };
    if !tokens[source.clone()].iter().all(|t| t.word) {
        return None;
    }
    let span = tokens[source.start].span.start..tokens[colon].span.end;
    Some(attribution(
        text,
        span,
        phrase(text, tokens, &source),
        "say",
        lexicon,
    ))
}

/// A paragraph break: a gap between two claims with this many line breaks
/// or more.
const PARAGRAPH_BREAK_LINES: usize = 2;

/// Who speaks in a claim: the speaker of its first quotation that has one,
/// or the source of its first attribution with a verb.
fn speaker_of(claim: &Claim) -> Option<String> {
    let quoted = claim
        .cues
        .iter()
        .find(|c| c.kind == CueKind::Quote && c.speaker.is_some());
    let attributed = claim
        .cues
        .iter()
        .find(|c| c.kind == CueKind::Attribution && c.verb.as_deref() != Some("according to"));
    quoted
        .and_then(|c| c.speaker.clone())
        .or_else(|| attributed.and_then(|c| c.source.clone()))
}

/// Quotations whose speaker is named in the sentence before or after, within
/// one paragraph of `body`: "“It has always been bipartisan. We will keep
/// it so,” she said." Each quotation without a speaker, in a claim without
/// an attribution, takes the speaker of the claim before it or, failing
/// that, of the claim after it.
pub fn carry_speakers(body: &str, claims: &mut [Claim]) {
    let same_paragraph = |a: &Claim, b: &Claim| match (&a.span, &b.span) {
        (Some(a), Some(b)) if a.end <= b.start => body
            .get(a.end..b.start)
            .is_some_and(|gap| gap.matches('\n').count() < PARAGRAPH_BREAK_LINES),
        _ => false,
    };
    let speakers: Vec<Option<String>> = claims.iter().map(speaker_of).collect();
    for i in 0..claims.len() {
        let claim = &claims[i];
        let unattributed = claim.cues.iter().all(|c| c.kind != CueKind::Attribution)
            && claim
                .cues
                .iter()
                .any(|c| c.kind == CueKind::Quote && c.speaker.is_none());
        if !unattributed {
            continue;
        }
        let before = (i > 0 && same_paragraph(&claims[i - 1], claim))
            .then(|| speakers[i - 1].clone())
            .flatten();
        let after = (i + 1 < claims.len() && same_paragraph(claim, &claims[i + 1]))
            .then(|| speakers[i + 1].clone())
            .flatten();
        if let Some(speaker) = before.or(after) {
            for cue in &mut claims[i].cues {
                if cue.kind == CueKind::Quote && cue.speaker.is_none() {
                    cue.speaker = Some(speaker.clone());
                }
            }
        }
    }
}

/// The source of the attribution nearest to a quote in the same claim.
fn speaker(quote: &Cue, cues: &[Cue]) -> Option<String> {
    let distance = |c: &Cue| {
        if c.span.end <= quote.span.start {
            quote.span.start - c.span.end
        } else {
            c.span.start.saturating_sub(quote.span.end)
        }
    };
    cues.iter()
        .filter(|c| c.kind == CueKind::Attribution && c.verb.as_deref() != Some("according to"))
        .min_by_key(|c| distance(c))
        .and_then(|c| c.source.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_word_never_matches_inside_a_multibyte_character() {
        assert!(!contains_word("a hundred🙂? regime", ""));
        assert!(contains_word("a hundred🙂? regime", "regime"));
    }

    fn cues(text: &str) -> Vec<Cue> {
        find_cues(text, &Lexicon::default())
    }

    fn of_kind(text: &str, kind: CueKind) -> Vec<Cue> {
        cues(text).into_iter().filter(|c| c.kind == kind).collect()
    }

    fn sources(text: &str) -> Vec<(String, bool, String)> {
        of_kind(text, CueKind::Attribution)
            .into_iter()
            .map(|c| (c.source.unwrap(), c.named.unwrap(), c.verb.unwrap()))
            .collect()
    }

    fn s(source: &str, named: bool, verb: &str) -> (String, bool, String) {
        (source.to_string(), named, verb.to_string())
    }

    #[test]
    fn according_to_takes_the_source_up_to_the_comma() {
        assert_eq!(
            sources("According to unnamed sources, Trump allegedly offered Maduro safe passage."),
            vec![s("unnamed sources", false, "according to")]
        );
        assert_eq!(
            sources("Trump declared the airspace closed, according to the same reports."),
            vec![s("the same reports", false, "according to")]
        );
        assert_eq!(
            sources("According to Bo, Venezuela has been positioning military units."),
            vec![s("Bo", true, "according to")]
        );
    }

    #[test]
    fn subject_before_verb_is_the_source() {
        assert_eq!(
            sources("Maduro insisted that Venezuela would not accept it."),
            vec![s("Maduro", true, "insist")]
        );
        assert_eq!(
            sources("The sources claim Maduro said he might consider leaving."),
            vec![s("The sources", false, "claim"), s("Maduro", true, "say")]
        );
        assert_eq!(
            sources("Venezuelan officials, however, argue that the buildup is a threat."),
            vec![s("Venezuelan officials", false, "argue")]
        );
        assert_eq!(
            sources("Reports from Reuters suggest that Trump and Maduro spoke by phone."),
            vec![s("Reports from Reuters", true, "suggest")]
        );
        assert_eq!(
            sources("A person familiar with the matter said the call was brief."),
            vec![s("A person familiar with the matter", false, "say")]
        );
    }

    #[test]
    fn times_and_abbreviations_around_the_verb() {
        assert_eq!(
            sources("New York Lt. Gov. Kathy Hochul on Sunday said she aims to lead."),
            vec![s("New York Lt. Gov. Kathy Hochul", true, "say")]
        );
        assert_eq!(
            sources("Acting swiftly, the U.S. military said it used a drone strike."),
            vec![s("the U.S. military", true, "say")]
        );
        assert!(
            sources("The last planes have left, the general announced Monday.")
                .iter()
                .all(|(source, _, _)| source != "Monday")
        );
    }

    #[test]
    fn rules_found_by_reading_corpus_cues() {
        assert_eq!(
            sources("House Majority Whip Jim Clyburn of South Carolina said he would vote."),
            vec![s(
                "House Majority Whip Jim Clyburn of South Carolina",
                true,
                "say"
            )]
        );
        assert!(sources("The White House's stated goal was clear.").is_empty());
        assert!(
            sources("DHS releasing Haitians into US despite claims they would be expelled")
                .is_empty()
        );
        assert!(sources("Harris holds talks, tells migrants: do not come").is_empty());
        assert_eq!(
            sources("Taliban Announces Leadership, Says It Will Rule"),
            vec![s("Taliban", true, "announce")]
        );
        assert_eq!(
            sources("The room was relieved, an aide said."),
            vec![s("an aide", false, "say")]
        );
    }

    #[test]
    fn more_rules_found_by_reading_corpus_cues() {
        assert!(sources("It was not ISIS-K terrorists as originally reported.").is_empty());
        assert!(sources("Another disappointment: US economy adds only 194,000 jobs").is_empty());
        assert_eq!(
            sources("He added, \"We need a ready force.\""),
            vec![s("He", true, "add")]
        );
        assert!(
            sources("“We have been failed,” Biles, a gymnast, said during testimony.")
                .iter()
                .all(|(source, _, _)| source != "during testimony")
        );
    }

    #[test]
    fn claims_as_a_noun_is_not_an_attribution() {
        assert!(sources("Jobless claims held nearly steady last week.").is_empty());
        assert!(sources("Continuing claims for state benefits fell.").is_empty());
        assert_eq!(
            sources("The company claims that its data is safe."),
            vec![s("The company", true, "claim")]
        );
    }

    #[test]
    fn a_pronoun_starts_the_source() {
        assert_eq!(
            sources("The cartel, a group they claim is tied to the leadership, was listed."),
            vec![s("they", false, "claim")]
        );
    }

    #[test]
    fn a_participle_after_a_comma_attributes_to_the_subject() {
        assert_eq!(
            sources(
                "Venezuelan President Nicolás Maduro spoke at a rally in Caracas, telling supporters that the country seeks peace."
            ),
            vec![s("Venezuelan President Nicolás Maduro", true, "tell")]
        );
        assert!(sources("The talks resumed, saying nothing new.").is_empty());
        assert!(sources("He is telling the truth.").is_empty());
    }

    #[test]
    fn an_appositive_between_subject_and_verb() {
        assert_eq!(
            sources(
                "Colorado’s attorney general, John Suthers, a Republican, said it was “without merit.”"
            ),
            vec![s("John Suthers", true, "say")]
        );
        assert_eq!(
            sources(
                "“It actually creates zero precedent,” Mick Mulvaney, the acting White House chief of staff, told reporters."
            ),
            vec![s("Mick Mulvaney", true, "tell")]
        );
        assert_eq!(
            sources("Sen. John McCain (R-Ariz.), said he would be “overjoyed.”"),
            vec![s("Sen. John McCain", true, "say")]
        );
        assert_eq!(
            sources("The chief mediator, Ana Lindqvist, told reporters the talks would resume."),
            vec![s("Ana Lindqvist", true, "tell")]
        );
        assert!(sources("Prices rose, and, in the end, fell.").is_empty());
    }

    #[test]
    fn an_inverted_verb_after_a_quote_takes_a_determiner_and_a_name() {
        assert_eq!(
            sources(
                "“These e-mails were read selectively,” said a White House spokesman, Eric Schultz."
            ),
            vec![s("Eric Schultz", true, "say")]
        );
        assert_eq!(
            sources("“The description is not accurate,” said the spokesman."),
            vec![s("the spokesman", true, "say")]
        );
        assert!(sources("Officials met on Monday, said the deal was off.").is_empty());
    }

    #[test]
    fn speech_verbs_beyond_say() {
        assert_eq!(
            sources("“We stand by our reporting,” Smith tweeted."),
            vec![s("Smith", true, "tweet")]
        );
        assert_eq!(
            sources("Lauten wrote that the two teenagers should show class."),
            vec![s("Lauten", true, "write")]
        );
        assert_eq!(
            sources("The former senator testified that he had not been told."),
            vec![s("The former senator", true, "testify")]
        );
    }

    #[test]
    fn quote_verbs_attribute_only_next_to_a_quotation() {
        assert_eq!(
            sources("“For too long,” he continued, “a small group has reaped the rewards.”"),
            vec![s("he", true, "continue")]
        );
        assert_eq!(
            sources("“The First Amendment protects freedom of religion,” the statement read."),
            vec![s("the statement", true, "read")]
        );
        assert_eq!(
            sources("It was a military fight he called “a war of Obama’s choosing.”"),
            vec![s("he", true, "call")]
        );
        assert!(sources("Romney called on Akin to leave the race.").is_empty());
        assert!(sources("The senator continued to spend campaign funds.").is_empty());
        assert!(sources("He read the bill twice.").is_empty());
    }

    #[test]
    fn a_colon_before_a_quotation_attributes_it() {
        assert_eq!(
            sources("The letter goes on: “With little time left, we cannot agree to this.”"),
            vec![s("The letter", true, "say")]
        );
        assert_eq!(
            sources("Pelosi, in a statement, said: “This is plainly a power grab.”"),
            vec![s("Pelosi", true, "say")]
        );
        assert!(sources("He had one goal: to win the race.").is_empty());
    }

    #[test]
    fn a_quotation_takes_its_speaker_from_the_next_or_previous_sentence() {
        let body = "“It has always been bipartisan. We will keep it so,” she said.\n\n“A new paragraph quotes someone else entirely.”";
        let lexicon = Lexicon::default();
        let second = body.find("We will").unwrap();
        let third = body.find("“A new").unwrap();
        let mut claims: Vec<Claim> = [(0, second), (second, third - 2), (third, body.len())]
            .iter()
            .map(|&(start, end)| {
                let text = body[start..end].trim().to_string();
                let mut claim = Claim::new(
                    crate::model::OutletId(0),
                    text,
                    crate::model::Position::START,
                    Some(start..end),
                );
                claim.cues = find_cues(&claim.text, &lexicon);
                claim
            })
            .collect();
        carry_speakers(body, &mut claims);
        let speakers: Vec<Option<&str>> = claims
            .iter()
            .map(|c| {
                c.cues
                    .iter()
                    .find(|q| q.kind == CueKind::Quote)
                    .and_then(|q| q.speaker.as_deref())
            })
            .collect();
        assert_eq!(speakers, vec![Some("she"), Some("she"), None]);
    }

    #[test]
    fn inverted_attribution_after_a_quote() {
        assert_eq!(
            sources("“We will not surrender our sovereignty to anyone,” said Maduro."),
            vec![s("Maduro", true, "say")]
        );
        assert_eq!(
            sources("The call lasted minutes, officials said."),
            vec![s("officials", false, "say")]
        );
    }

    #[test]
    fn verb_forms_used_as_nouns_or_participles_are_not_attributions() {
        assert!(sources("His appearance disproved those claims.").is_empty());
        assert!(sources("The US targeted alleged drug-trafficking vessels.").is_empty());
        assert!(sources("One case involved an officer accused of excessive force.").is_empty());
        assert!(sources("He was told to leave.").is_empty());
        assert!(sources("He refused to say more.").is_empty());
    }

    #[test]
    fn hedges_are_found_case_folded_on_word_boundaries() {
        let hedges: Vec<String> = of_kind(
            "Trump reportedly refused. Allegedly he may leave; the mayor might not.",
            CueKind::Hedge,
        )
        .into_iter()
        .map(|c| c.text)
        .collect();
        assert_eq!(hedges, vec!["reportedly", "Allegedly", "may", "might"]);
    }

    #[test]
    fn the_month_may_is_not_a_hedge() {
        assert!(of_kind("The rally was held on May 5 in Caracas.", CueKind::Hedge).is_empty());
        assert!(of_kind("Elections in May were disputed.", CueKind::Hedge).is_empty());
        assert_eq!(of_kind("May the talks resume?", CueKind::Hedge).len(), 1);
    }

    #[test]
    fn scare_quotes_in_curly_and_straight_quotes() {
        let text = "US officials have labeled the group a “terrorist” organization.";
        let scare = of_kind(text, CueKind::ScareQuote);
        assert_eq!(scare.len(), 1);
        assert_eq!(scare[0].text, "terrorist");
        assert_eq!(&text[scare[0].span.clone()], "“terrorist”");
        let scare = of_kind("He called it a \"terrorist\" group.", CueKind::ScareQuote);
        assert_eq!(scare[0].text, "terrorist");
        let scare = of_kind(
            "Justices back ‘qualified immunity’ for police.",
            CueKind::ScareQuote,
        );
        assert_eq!(scare[0].text, "qualified immunity");
        let scare = of_kind(
            "What he described as “a slave’s peace.”",
            CueKind::ScareQuote,
        );
        assert_eq!(scare[0].text, "a slave’s peace");
    }

    #[test]
    fn a_short_full_sentence_is_a_quote() {
        assert_eq!(of_kind("“And it did.”", CueKind::Quote).len(), 1);
        assert_eq!(
            of_kind("He replied: \"Never again.\"", CueKind::Quote).len(),
            1
        );
        assert_eq!(
            of_kind("He called it \"Unacceptable.\"", CueKind::ScareQuote).len(),
            1
        );
    }

    #[test]
    fn titles_ratings_and_split_quotes_are_not_scare_quotes() {
        assert!(
            of_kind(
                "He said on “Face the Nation” that he would stay.",
                CueKind::ScareQuote
            )
            .is_empty()
        );
        assert!(
            of_kind(
                "Bills were billed to “Smiles for Life.”",
                CueKind::ScareQuote
            )
            .is_empty()
        );
        assert!(
            of_kind(
                "FactCheck.org rated the ad as “false,” noting its errors.",
                CueKind::ScareQuote
            )
            .is_empty()
        );
        let split = cues("“Is it true,” Roberts asked, “that the law says so?”");
        assert!(
            split.iter().all(|c| c.kind != CueKind::ScareQuote),
            "{split:?}"
        );
        assert_eq!(
            of_kind(
                "Officials called the group a “terrorist” organization.",
                CueKind::ScareQuote
            )
            .len(),
            1
        );
        assert_eq!(
            of_kind("He called it “Unacceptable.”", CueKind::ScareQuote).len(),
            1
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(
            of_kind(
                "Maduro’s government and the citizens' rights.",
                CueKind::ScareQuote
            )
            .is_empty()
        );
        assert!(of_kind("Venezuela’s future is Maduro's concern.", CueKind::Quote).is_empty());
    }

    #[test]
    fn so_called_is_a_scare_quote() {
        let scare = of_kind("A so-called breakthrough infection.", CueKind::ScareQuote);
        assert_eq!(scare[0].text, "so-called breakthrough");
    }

    #[test]
    fn direct_quotes_carry_their_speaker() {
        let quotes = of_kind(
            "“We will not accept a peace of slaves,” Maduro told the crowd.",
            CueKind::Quote,
        );
        assert_eq!(quotes.len(), 1);
        assert_eq!(quotes[0].text, "We will not accept a peace of slaves");
        assert_eq!(quotes[0].speaker.as_deref(), Some("Maduro"));
        let quotes = of_kind(
            "\"Nobody is leaving the country today,\" he said.",
            CueKind::Quote,
        );
        assert_eq!(quotes[0].speaker.as_deref(), Some("he"));
    }

    #[test]
    fn quotes_running_across_sentences_are_quotes() {
        assert_eq!(of_kind("“We want peace.", CueKind::Quote).len(), 1);
        let quotes = of_kind("We will never surrender,” he said.", CueKind::Quote);
        assert_eq!(quotes[0].text, "We will never surrender");
    }

    #[test]
    fn words_inside_a_direct_quote_are_the_speakers() {
        let text = "“The regime may fall, the sources said, and we will win,” Maduro said.";
        let c = cues(text);
        assert!(c.iter().all(|c| c.kind != CueKind::Hedge));
        assert!(c.iter().all(|c| c.kind != CueKind::LoadedTerm));
        assert_eq!(sources(text), vec![s("Maduro", true, "say")]);
    }

    #[test]
    fn loaded_terms_carry_their_neutral_pair() {
        let loaded = of_kind("The Maduro regime amassed troops.", CueKind::LoadedTerm);
        let pairs: Vec<(String, Option<String>)> =
            loaded.into_iter().map(|c| (c.text, c.neutral)).collect();
        assert_eq!(
            pairs,
            vec![
                ("regime".to_string(), Some("government".to_string())),
                ("amassed".to_string(), Some("deployed".to_string())),
            ]
        );
        assert!(of_kind("Maduro's government deployed troops.", CueKind::LoadedTerm).is_empty());
        assert!(of_kind("A “terrorist” group.", CueKind::LoadedTerm).is_empty());
    }

    #[test]
    fn config_extends_the_lexicons() {
        let config: FramingConfig = toml::from_str(
            r#"
            hedges = ["conceivably"]
            attribution_verbs = ["blasted"]
            unnamed_sources = ["insider"]
            loaded_terms = { "junta" = "government", "cabal" = "" }
            severity = "info"
            "#,
        )
        .unwrap();
        assert_eq!(config.severity, Severity::Info);
        let lexicon = Lexicon::from_config(&config).unwrap();
        let found = find_cues(
            "An insider blasted the junta, which conceivably is a cabal.",
            &lexicon,
        );
        let kinds: Vec<(CueKind, &str)> = found.iter().map(|c| (c.kind, c.text.as_str())).collect();
        assert_eq!(
            kinds,
            vec![
                (CueKind::Attribution, "An insider blasted"),
                (CueKind::LoadedTerm, "blasted"),
                (CueKind::LoadedTerm, "junta"),
                (CueKind::Hedge, "conceivably"),
                (CueKind::LoadedTerm, "cabal"),
            ]
        );
        assert_eq!(found[0].named, Some(false));
        assert_eq!(lexicon.neutral_of("junta"), Some("government"));
        assert_eq!(lexicon.neutral_of("cabal"), None);
    }

    #[test]
    fn unknown_config_keys_are_refused() {
        assert!(toml::from_str::<FramingConfig>("hedge = [\"x\"]").is_err());
    }
}
