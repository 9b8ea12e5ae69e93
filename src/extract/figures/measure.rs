//! Measures: what a number counts, the noun after it, stemmed and mapped to synonyms.

use super::*;

/// Measure words that stand for no thing counted: the noun after a number is
/// skipped over these.
pub(super) static SKIP_BEFORE_MEASURE: WordList = WordList::new(include_str!(
    "../../../lexicons/figures-skip-before-measure.txt"
));

/// Words that end the search for a measure: function words, verbs that
/// follow a figure, prepositions.
pub(super) static MEASURE_STOP: WordList =
    WordList::new(include_str!("../../../lexicons/figures-measure-stop.txt"));

/// Verbs that turn "people" into "people killed": the count is of the
/// participle's victims, not of people in general.
pub(super) static CASUALTY_VERBS: WordList =
    WordList::new(include_str!("../../../lexicons/figures-casualty-verbs.txt"));

/// Forms of "be" and "have" between a counted noun and a casualty verb in
/// the passive: "20 people were killed" counts the people killed, like "20
/// people killed". At most two are skipped ("have been").
pub(super) const PASSIVE_AUXILIARIES: &[&str] =
    &["are", "been", "had", "has", "have", "is", "was", "were"];

/// The stem of a word, lowercased, with a possessive dropped.
pub fn stem(word: &str) -> String {
    with_stem(word, |stem, _| stem.to_owned())
}

/// Calls `f` with [`stem`] of `word`, borrowed, and `word` lower-cased: for
/// look-ups that need no copy of the stem. `f` must not stem in turn (see
/// [`crate::text::with_stem`]).
pub fn with_stem<R>(word: &str, f: impl FnOnce(&str, &str) -> R) -> R {
    let lower = word.to_lowercase();
    let bare = lower
        .strip_suffix("'s")
        .or_else(|| lower.strip_suffix("’s"))
        .unwrap_or(&lower);
    crate::text::with_stem(bare, |stem| f(stem, &lower))
}

/// The measure synonym table, `lexicons/measures.txt`.
pub const MEASURES: &str = include_str!("../../../lexicons/measures.txt");

/// Stem of a measure word → stem of its group's canonical word.
pub(super) fn synonyms() -> &'static std::collections::HashMap<String, String> {
    static TABLE: OnceLock<std::collections::HashMap<String, String>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = std::collections::HashMap::new();
        for (canonical, words) in measure_groups() {
            let target = stem(&canonical);
            for w in words {
                table.insert(stem(&w), target.clone());
            }
            table.insert(target.clone(), target);
        }
        table
    })
}

/// The groups of `lexicons/measures.txt`: canonical word and its synonyms.
pub fn measure_groups() -> Vec<(String, Vec<String>)> {
    crate::text::lexicon::entries(MEASURES)
        .filter_map(|l| {
            let (head, rest) = l.split_once(':')?;
            let words = rest
                .split(',')
                .map(|w| w.trim().to_string())
                .filter(|w| !w.is_empty())
                .collect();
            Some((head.trim().to_string(), words))
        })
        .collect()
}

/// A measure word, stemmed and mapped through the synonym table.
pub fn canonical_measure(word: &str) -> String {
    let s = stem(word);
    synonyms().get(&s).cloned().unwrap_or(s)
}

/// The thing a figure ending at token `end` (and starting at `start`) counts:
/// the head noun after it ("15,000 U.S. troops" → troop), joined with a
/// casualty verb around it ("20 people killed", "killed 20 people").
/// Nouns that are plural without an -s. After a number they end the noun
/// phrase: in "1,200 people came" the measure is "people", not "came".
pub(super) static PLURALS_WITHOUT_S: WordList = WordList::new(include_str!(
    "../../../lexicons/figures-plurals-without-s.txt"
));

/// A lower-case word that reads as a plural noun ("boats", "vessels", not
/// "business" or "status"): after a number it ends the noun phrase, so that
/// in "20 boats came" the measure is "boats", not "came".
pub(super) fn looks_plural(t: &Token) -> bool {
    !t.upper && plural_form(&t.lower)
}

/// Whether a lower-case word has the form of a plural noun, whatever its
/// case in the text: see [`looks_plural`].
pub(super) fn plural_form(w: &str) -> bool {
    w.chars().count() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !w.ends_with("news")
}

/// Whether a capitalized word after the first noun of a measure goes on
/// with the noun phrase. After a lower-case noun a capital starts a name
/// ("two opinions Monday"); in a run of capitals from the first word, as a
/// headline writes ("900,000 Virus Deaths", "$2 Billion Aid Package"), the
/// run is one compound whose head is its last noun, up to a plural, which
/// ends it as in running text ("20 Marines Sunday"), or a day or month.
fn continues_capital_run(head: &Token, t: &Token) -> bool {
    head.upper && !plural_form(&head.lower) && !crate::extract::dates::is_day_or_month(&t.lower)
}

/// Quotation marks that may open the noun after a number: "$250 million
/// 'down payment'", "12 “illegal aliens”". The noun inside counts as the
/// figure's measure, as it would without the marks.
const OPENING_QUOTES: &[&str] = &["'", "\"", "\u{2018}", "\u{201c}"];

/// Quotation marks that close what [`OPENING_QUOTES`] opened; a word after
/// them is still the noun ("three 'guilty' counts").
const CLOSING_QUOTES: &[&str] = &["'", "\"", "\u{2019}", "\u{201d}"];

pub(super) fn measure_after(tokens: &[Token], start: usize, end: usize) -> Option<String> {
    let mut j = end;
    let mut quoted = false;
    while let Some(t) = tokens.get(j) {
        if t.kind == TokenKind::Word && SKIP_BEFORE_MEASURE.contains(&t.lower.as_str()) {
            j += 1;
        } else if t.kind == TokenKind::Sym && t.is("-") && t.attached() {
            j += 1; // "48-hour"
        } else if t.kind == TokenKind::Sym
            && OPENING_QUOTES.contains(&t.lower.as_str())
            && !t.attached()
            && tokens
                .get(j + 1)
                .is_some_and(|w| w.kind == TokenKind::Word && w.attached())
        {
            j += 1; // "$250 million 'down payment'": a noun in quotation marks
            quoted = true;
        } else {
            break;
        }
    }
    let mut head: Option<&Token> = None;
    let mut words = 0;
    let mut k = j;
    while let Some(t) = tokens.get(k) {
        let after_initial = k > 0 && tokens[k - 1].lower.chars().count() == 1;
        if t.kind == TokenKind::Sym && t.is(".") && t.attached() && after_initial {
            k += 1;
            continue;
        }
        // a negated auxiliary is the verb after the noun: "the 20 wouldn't
        // leave", "$6 trillion doesn't include interest"
        let negated = t.lower.ends_with("n't") || t.lower.ends_with("n\u{2019}t");
        // a quoted word before the noun modifies it: two "high-profile"
        // targets, 135,000 "test" votes
        if quoted
            && t.kind == TokenKind::Sym
            && CLOSING_QUOTES.contains(&t.lower.as_str())
            && tokens
                .get(k + 1)
                .is_some_and(|w| w.kind == TokenKind::Word && !w.attached())
        {
            quoted = false;
            k += 1;
            continue;
        }
        if t.kind != TokenKind::Word || MEASURE_STOP.contains(&t.lower.as_str()) || negated {
            break;
        }
        if t.upper && head.is_some_and(|h| !continues_capital_run(h, t)) {
            break; // "two opinions Monday": a name after the noun
        }
        let is_initial = t.lower.chars().count() == 1;
        let verbish = (t.lower.ends_with("ing") || t.lower.ends_with("ed"))
            && !t.lower.contains('-')
            && head.is_some();
        if verbish || CASUALTY_VERBS.contains(&t.lower.as_str()) && head.is_some() {
            break;
        }
        if !is_initial {
            head = Some(t);
            words += 1;
        }
        k += 1;
        // "1,200 people came": a plural without an -s ends the noun phrase,
        // so an irregular verb after it is not taken for the head
        if words >= 3
            || PLURALS_WITHOUT_S.contains(&t.lower.as_str())
            || looks_plural(t)
            || (t.upper && words >= 2 && plural_form(&t.lower))
        {
            break;
        }
        // "COVID-19 vaccines": a name written with its number modifies the
        // noun after it, as a word does
        if tokens
            .get(k)
            .is_some_and(|h| h.kind == TokenKind::Sym && h.is("-") && h.attached())
            && tokens
                .get(k + 1)
                .is_some_and(|n| n.kind == TokenKind::Num && n.attached())
            && tokens
                .get(k + 2)
                .is_some_and(|w| w.kind == TokenKind::Word && !w.attached())
        {
            k += 2;
        }
    }
    let before = start
        .checked_sub(1)
        .and_then(|b| tokens.get(b))
        .filter(|t| {
            let l = t.lower.as_str();
            CASUALTY_VERBS.contains(&l) || l == "killing" || l == "wounding" || l == "injuring"
        });
    // "20 killed", "killed 20", "20 dead": people, unnamed
    let casualty_head = head.filter(|h| CASUALTY_VERBS.contains(&h.lower.as_str()));
    if let Some(verb) = casualty_head.or(if head.is_none() { before } else { None }) {
        return Some(format!(
            "{} {}",
            canonical_measure("people"),
            stem(&verb.lower)
        ));
    }
    // "20 people were killed", "dozens were arrested": the participle
    // after a form of "be" counts as if it followed the noun
    let mut v = k;
    while v < k + 2
        && tokens
            .get(v)
            .is_some_and(|t| PASSIVE_AUXILIARIES.contains(&t.lower.as_str()))
    {
        v += 1;
    }
    let passive = (v > k)
        .then(|| tokens.get(v))
        .flatten()
        .filter(|t| CASUALTY_VERBS.contains(&t.lower.as_str()));
    let Some(head) = head else {
        return passive
            .map(|verb| format!("{} {}", canonical_measure("people"), stem(&verb.lower)));
    };
    let mut measure = canonical_measure(&head.lower);
    let after = tokens
        .get(k)
        .filter(|t| CASUALTY_VERBS.contains(&t.lower.as_str()))
        .or(passive);
    if let Some(verb) = after.or(before) {
        measure = format!("{measure} {}", stem(&verb.lower));
    }
    Some(measure)
}
