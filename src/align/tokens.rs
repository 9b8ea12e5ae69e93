//! Normalised content tokens: folded, stop words and possessives dropped, stemmed, figures masked.

use std::ops::Range;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::extract::figures::{Endpoint, Figure};
use crate::model::Claim;

/// The key every figure value is replaced by, so that "12,000 troops" and
/// "15,000 troops" share both their tokens; the values are compared apart.
pub const NUMBER_KEY: &str = "#";

/// The synonym groups, embedded from `lexicons/align-synonyms.txt`.
const SYNONYMS: &str = include_str!("../../lexicons/align-synonyms.txt");

/// Irregular verb forms, embedded from `lexicons/align-irregular.txt`.
const IRREGULAR: &str = include_str!("../../lexicons/align-irregular.txt");

/// Number words read as the value they name. "one" is not here: it is far
/// more often a pronoun ("one of the") than a count.
const NUMBER_WORDS: [(&str, &str); 27] = [
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("six", "6"),
    ("seven", "7"),
    ("eight", "8"),
    ("nine", "9"),
    ("ten", "10"),
    ("eleven", "11"),
    ("twelve", "12"),
    ("thirteen", "13"),
    ("fourteen", "14"),
    ("fifteen", "15"),
    ("sixteen", "16"),
    ("seventeen", "17"),
    ("eighteen", "18"),
    ("nineteen", "19"),
    ("twenty", "20"),
    ("thirty", "30"),
    ("forty", "40"),
    ("fifty", "50"),
    ("sixty", "60"),
    ("seventy", "70"),
    ("eighty", "80"),
    ("ninety", "90"),
    ("zero", "0"),
];

/// One content token of a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// What tokens are compared by: the stem, or [`NUMBER_KEY`] for a figure.
    pub key: String,
}

/// A claim reduced to what alignment compares.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Normalized {
    /// Content tokens in text order.
    pub tokens: Vec<Token>,
    /// The figure values, as canonical strings ("12000", "2.5", an ISO date).
    pub values: Vec<String>,
    /// For each value, the key of what it counts: the extract stage's
    /// measure when it has one, else the next content token ("troops" in
    /// "15,000 troops").
    pub measures: Vec<Option<String>>,
    /// For each value, the interval it stands for (`low`, `high`; open ends
    /// infinite): "more than 1,100" is (1100, inf), "about 1,200" a band
    /// around 1200. NaN for a date, whose value is compared as written.
    pub intervals: Vec<(f64, f64)>,
}

pub use crate::text::stop_words as stopwords;

/// The non-comment, non-blank lines of an embedded lexicon.
pub(crate) fn lexicon_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    crate::text::lexicon::entries(text)
}

/// The English stem of a folded, lowercase word.
pub fn stem(word: &str) -> String {
    crate::text::stem(word)
}

/// The synonym table: the stem of every single word of a group, and the
/// stems of every two-word name ("united_states"), mapped to the stem of
/// the group's first word. Names are looked up by their first stem, then
/// their second, so that a look-up borrows the tokens instead of copying.
struct Synonyms {
    words: FxHashMap<String, String>,
    names: FxHashMap<String, FxHashMap<String, String>>,
}

fn synonyms() -> &'static Synonyms {
    static GROUPS: OnceLock<Synonyms> = OnceLock::new();
    GROUPS.get_or_init(|| {
        let mut table = Synonyms {
            words: FxHashMap::default(),
            names: FxHashMap::default(),
        };
        for line in lexicon_lines(SYNONYMS) {
            let mut words = line.split_whitespace();
            let Some(head) = words.next().map(stem) else {
                continue;
            };
            for word in words {
                match word.split_once('_') {
                    Some((first, second)) => {
                        table
                            .names
                            .entry(stem(first))
                            .or_default()
                            .insert(stem(second), head.clone());
                    }
                    None => {
                        table.words.insert(stem(word), head.clone());
                    }
                }
            }
        }
        table
    })
}

/// Replace every two-word name of the synonym table ("United States") by
/// its group's key, in place.
fn join_names(tokens: &mut Vec<Token>) {
    let names = &synonyms().names;
    let mut i = 0;
    while i + 1 < tokens.len() {
        let head = names
            .get(&tokens[i].key)
            .and_then(|seconds| seconds.get(&tokens[i + 1].key));
        if let Some(head) = head {
            tokens[i].key = head.clone();
            tokens.remove(i + 1);
        }
        i += 1;
    }
}

/// Irregular verb forms mapped to their base form ("rose" → "rise").
fn irregular() -> &'static FxHashMap<&'static str, &'static str> {
    static FORMS: OnceLock<FxHashMap<&'static str, &'static str>> = OnceLock::new();
    FORMS.get_or_init(|| {
        let mut forms = FxHashMap::default();
        for line in lexicon_lines(IRREGULAR) {
            let mut words = line.split_whitespace();
            let Some(base) = words.next() else {
                continue;
            };
            for form in words {
                forms.insert(form, base);
            }
        }
        forms
    })
}

/// The key a word is compared by: its stem (of the base form, for an
/// irregular verb form), or its synonym group's stem.
pub fn key(word: &str) -> String {
    let word = irregular().get(word).copied().unwrap_or(word);
    // Built before the stem is borrowed: building the table stems too.
    let synonyms = &synonyms().words;
    crate::text::with_stem(word, |stem| {
        synonyms
            .get(stem)
            .cloned()
            .unwrap_or_else(|| stem.to_owned())
    })
}

/// The content tokens of a claim: its figures (from the extract stage)
/// masked, and any digits the extract stage did not claim masked too.
pub fn normalize(claim: &Claim) -> Normalized {
    let mut figures: Vec<_> = claim
        .figures
        .iter()
        .filter(|f| f.span.end <= claim.text.len() && claim.text.is_char_boundary(f.span.start))
        .filter(|f| claim.text.is_char_boundary(f.span.end))
        .collect();
    figures.sort_by_key(|f| (f.span.start, f.span.end));
    let given: Vec<Given> = figures
        .iter()
        .map(|f| Given {
            interval: interval(f),
            span: f.span.clone(),
            value: f
                .low
                .as_ref()
                .or(f.high.as_ref())
                .map(endpoint_value)
                .unwrap_or_else(|| number_value(&f.text).unwrap_or_default()),
            measure: f.measure.as_deref().map(key),
        })
        .collect();
    normalize_given(&claim.text, &given)
}

/// A figure the extract stage found: where, its value, what it counts.
struct Given {
    span: Range<usize>,
    interval: (f64, f64),
    value: String,
    measure: Option<String>,
}

/// The interval of a figure the extract stage read; NaN for a date.
fn interval(figure: &Figure) -> (f64, f64) {
    let number = |e: &Option<Endpoint>, open: f64| match e {
        None => open,
        Some(Endpoint::Number(n)) => *n,
        Some(Endpoint::Date(_)) => f64::NAN,
    };
    (
        number(&figure.low, f64::NEG_INFINITY),
        number(&figure.high, f64::INFINITY),
    )
}

/// The interval of a number as written: the value itself, or NaN.
fn exact(value: &str) -> (f64, f64) {
    let n = value.parse().unwrap_or(f64::NAN);
    (n, n)
}

fn endpoint_value(endpoint: &Endpoint) -> String {
    match endpoint {
        Endpoint::Number(n) => format!("{n}"),
        Endpoint::Date(d) => d.clone(),
    }
}

/// The content tokens of `text`, with the byte ranges in `figures` replaced
/// by [`NUMBER_KEY`] and their given values.
pub fn normalize_text(text: &str, figures: &[(Range<usize>, String)]) -> Normalized {
    let given: Vec<Given> = figures
        .iter()
        .map(|(span, value)| Given {
            interval: exact(value),
            span: span.clone(),
            value: value.clone(),
            measure: None,
        })
        .collect();
    normalize_given(text, &given)
}

fn normalize_given(text: &str, figures: &[Given]) -> Normalized {
    let mut figures: Vec<&Given> = figures.iter().collect();
    figures.sort_by_key(|f| (f.span.start, f.span.end));
    let mut out = Normalized::default();
    let mut given_measures: Vec<Option<String>> = Vec::new();
    let mut at = 0;
    for figure in figures {
        if figure.span.start < at {
            continue;
        }
        words(&text[at..figure.span.start], &mut out);
        given_measures.resize(out.values.len(), None);
        out.tokens.push(Token {
            key: NUMBER_KEY.into(),
        });
        out.values.push(figure.value.clone());
        out.intervals.push(figure.interval);
        given_measures.push(figure.measure.clone());
        at = figure.span.end;
    }
    words(&text[at..], &mut out);
    given_measures.resize(out.values.len(), None);
    join_names(&mut out.tokens);
    let numbers = out
        .tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.key == NUMBER_KEY);
    out.measures = numbers
        .zip(given_measures)
        .map(|((i, _), given)| {
            given.or_else(|| {
                out.tokens[i + 1..]
                    .iter()
                    .find(|t| t.key != NUMBER_KEY)
                    .map(|t| t.key.clone())
            })
        })
        .collect();
    out
}

/// Tokenise a stretch of text with no known figures in it.
fn words(text: &str, out: &mut Normalized) {
    let folded = deunicode::deunicode(text);
    let mut piece = String::new();
    let mut chars = folded.chars().peekable();
    let mut prev = None;
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        let joins = match c {
            c if c.is_alphanumeric() => true,
            '\'' => prev.is_some_and(char::is_alphanumeric),
            ',' => {
                prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit())
            }
            '.' => {
                let digits = prev.is_some_and(|p| p.is_ascii_digit())
                    && next.is_some_and(|n| n.is_ascii_digit());
                let letters =
                    prev.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_alphabetic);
                digits || letters
            }
            _ => false,
        };
        if joins {
            piece.push(c);
        } else {
            push_piece(&piece, out);
            piece.clear();
        }
        prev = Some(c);
    }
    push_piece(&piece, out);
}

/// Turn one raw piece ("U.S", "Israel's", "12,000", "don't") into a token.
fn push_piece(raw: &str, out: &mut Normalized) {
    let raw = raw.trim_matches('\'');
    if raw.is_empty() {
        return;
    }
    if raw.starts_with(|c: char| c.is_ascii_digit()) {
        if let Some(value) = number_value(raw) {
            out.tokens.push(Token {
                key: NUMBER_KEY.into(),
            });
            out.intervals.push(exact(&value));
            out.values.push(value);
        }
        return;
    }
    let acronym = raw.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && raw.chars().all(|c| c.is_uppercase() || c == '.');
    let mut word: String = if raw.is_ascii() {
        // The same as below, without the second string.
        raw.bytes()
            .filter(|&b| b != b'.')
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect()
    } else {
        raw.to_lowercase().replace('.', "")
    };
    if word.ends_with("n't") {
        word = "not".into();
    } else if let Some(apostrophe) = word.find('\'') {
        let suffix = &word[apostrophe + 1..];
        if matches!(suffix, "s" | "re" | "ve" | "ll" | "d" | "m" | "") {
            word.truncate(apostrophe);
        } else {
            word.retain(|c| c != '\'');
        }
    }
    if word.chars().count() < 2 || (!acronym && stopwords().contains(word.as_str())) {
        return;
    }
    if let Some((_, value)) = NUMBER_WORDS.iter().find(|(w, _)| *w == word) {
        out.tokens.push(Token {
            key: NUMBER_KEY.into(),
        });
        out.values.push((*value).into());
        out.intervals.push(exact(value));
        return;
    }
    out.tokens.push(Token { key: key(&word) });
}

/// The canonical value of a number as written: separators dropped, a unit
/// suffix ignored ("12,000" → "12000", "2.5bn" → "2.5", "1990s" → "1990").
fn number_value(raw: &str) -> Option<String> {
    let digits: String = raw
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .filter(|c| *c != ',')
        .collect();
    let digits = digits.trim_end_matches('.');
    let digits = match digits.split_once('.') {
        Some((whole, fraction)) if fraction.chars().all(|c| c == '0') => whole,
        _ => digits,
    };
    (!digits.is_empty()).then(|| digits.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn keys(text: &str) -> Vec<String> {
        normalize_text(text, &[])
            .tokens
            .into_iter()
            .map(|t| t.key)
            .collect()
    }

    #[test]
    fn stop_words_and_possessives_are_dropped_and_words_stemmed() {
        assert_eq!(
            keys("The President's ships were deployed to the islands"),
            ["presid", "ship", "deploy", "island"]
        );
        assert_eq!(keys("Israel’s army"), ["israel", "armi"]);
    }

    #[test]
    fn case_and_diacritics_are_folded() {
        assert_eq!(keys("Café SÃO Paulo"), keys("cafe Sao paulo"));
    }

    #[test]
    fn said_million_and_negation_are_kept() {
        assert_eq!(
            keys("He said it was not a million"),
            ["say", "not", "million"]
        );
    }

    #[test]
    fn acronyms_survive_the_stop_list() {
        assert_eq!(keys("the U.S. and the US told us"), ["us", "us", "say"]);
    }

    #[test]
    fn numbers_are_masked_and_their_values_kept() {
        let a = normalize_text("12,000 sailors, $2.5bn and three ships in 1998.", &[]);
        assert_eq!(
            a.tokens.iter().map(|t| t.key.as_str()).collect::<Vec<_>>(),
            ["#", "sailor", "#", "#", "ship", "#"]
        );
        assert_eq!(a.values, ["12000", "2.5", "3", "1998"]);
        let measures: Vec<Option<&str>> = a.measures.iter().map(Option::as_deref).collect();
        assert_eq!(measures, [Some("sailor"), Some("ship"), Some("ship"), None]);
    }

    #[test]
    fn given_figure_spans_are_masked_whole() {
        let text = "about fifteen thousand sailors arrived";
        let n = normalize_text(text, &[(0..22, "15000".into())]);
        assert_eq!(
            n.tokens.iter().map(|t| t.key.as_str()).collect::<Vec<_>>(),
            ["#", "sailor", "arriv"]
        );
        assert_eq!(n.values, ["15000"]);
    }

    #[test]
    fn synonyms_share_a_key() {
        assert_eq!(keys("quake kills"), keys("earthquake slays"));
        assert_eq!(keys("people died"), keys("people killed"));
    }

    #[test]
    fn two_word_names_share_a_key_with_their_aliases() {
        assert_eq!(
            keys("the United States sent troops"),
            ["us", "deploy", "soldier"]
        );
        assert_eq!(
            keys("the U.S. deployed troops"),
            ["us", "deploy", "soldier"]
        );
        assert_eq!(
            keys("Washington stationed soldiers"),
            ["us", "deploy", "soldier"]
        );
        assert_eq!(keys("united nations states"), ["unit", "countri", "state"]);
    }

    #[test]
    fn irregular_forms_share_their_base_key() {
        assert_eq!(key("rose"), key("rises"));
        assert_eq!(key("fell"), key("falls"));
        assert_eq!(key("took"), key("taking"));
        let lines: Vec<&str> = lexicon_lines(IRREGULAR).collect();
        assert!(lines.windows(2).all(|w| w[0] < w[1]), "verbs sorted");
        let mut seen = HashSet::new();
        for line in lines {
            let words: Vec<&str> = line.split_whitespace().collect();
            assert!(words.len() >= 2, "{line}: a base form and a form");
            for word in words {
                assert!(seen.insert(word), "{word} twice");
            }
        }
    }

    #[test]
    fn synonym_groups_are_sorted_and_disjoint() {
        let lines: Vec<&str> = lexicon_lines(SYNONYMS).collect();
        assert!(lines.windows(2).all(|w| w[0] < w[1]), "groups sorted");
        let mut seen = HashSet::new();
        for line in lines {
            let words: Vec<&str> = line.split_whitespace().collect();
            assert!(words.len() >= 2, "{line}: a group needs two words");
            assert!(
                words[1..].windows(2).all(|w| w[0] < w[1]),
                "{line}: words sorted"
            );
            for word in words {
                assert!(seen.insert(stem(word)), "{word} is in two groups");
            }
        }
    }

    #[test]
    fn stop_list_is_sorted_lowercase_and_unique() {
        let words: Vec<&str> = lexicon_lines(crate::text::STOP_WORDS).collect();
        assert!(
            words.windows(2).all(|w| w[0] < w[1]),
            "sorted, no duplicates"
        );
        assert!(
            words
                .iter()
                .all(|w| w.chars().all(|c| c.is_ascii_lowercase()))
        );
        for kept in ["said", "million", "not", "no"] {
            assert!(!words.contains(&kept), "{kept} carries meaning");
        }
    }
}
