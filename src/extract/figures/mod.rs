//! Figures: numbers in the text with what they count, normalized to intervals.
//!
//! The rules and bands are explained in `docs/figures.md`. In short: the text
//! is cut into tokens, numbers are read from digits and number words (with
//! scales such as "million" or "15k"), and each number is then read with the
//! words around it: a qualifier before it ("about", "more than", "between"),
//! a currency, a percent sign or a time unit around it, a second number after
//! it for a range, and the noun it counts.

use std::sync::OnceLock;

use phrases::PhraseIndex;

use crate::extract::dates;
pub use crate::model::figure::{Endpoint, Figure, FigureKind, Qualifier};
use crate::model::{Claim, Segment, Version};
use crate::text::lexicon::{PairList, WordList};

/// What figure extraction needs to know about the article around a claim.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// The publication date (`YYYY-MM-DD`), when known: dates without a
    /// year and weekdays are resolved against it.
    pub published: Option<String>,
}

impl Context {
    /// The context of one version: its publication date.
    pub fn for_version(version: &Version) -> Context {
        Context {
            published: version
                .published
                .as_ref()
                .map(|p| p.chars().take(10).collect()),
        }
    }
}

// ---------------------------------------------------------------------------
// Bands. Each is a share of the stated value; see docs/figures.md.

/// "about", "around", "some", "roughly", "approximately", "an estimated",
/// "~": ±10 %. Reporters round to one or two significant digits, so "about
/// 15,000" stands for 13,500–16,500; a wider band would make every hedged
/// figure compatible with every other.
pub const APPROX_BAND: f64 = 0.10;

/// "nearly", "almost", "close to", "just under": up to 10 % below the value,
/// never above it ("nearly 15,000" is 13,500–15,000).
pub const NEARLY_BAND: f64 = 0.10;

/// "just over", "just above": up to 10 % above the value, never at or below.
pub const JUST_OVER_BAND: f64 = 0.10;

/// All figures in `text`, in order of appearance. HTML entities in the
/// text are read as the characters they stand for ("&minus;5" is -5), and
/// each figure's span and text are those of the text as given.
pub fn find_figures(text: &str, context: &Context) -> Vec<Figure> {
    let Some(view) = entities::decoded(text) else {
        return figures_in(text, context);
    };
    let mut figures = figures_in(&view.text, context);
    for f in &mut figures {
        f.span = view.original(&f.span);
        f.text = text[f.span.clone()].to_string();
    }
    figures
}

/// The claims of one version's segments with their figures and where each
/// starts in the source, and no framing cues: what `storydiff figures`
/// needs (the extract stage's `extract` adds the cues).
pub fn claims_with_figures(version: &Version, segments: Vec<Segment>) -> Vec<Claim> {
    let context = Context::for_version(version);
    let mut claims: Vec<Claim> = segments.into_iter().map(Claim::from).collect();
    for claim in claims.iter_mut() {
        claim.figures = find_figures(&claim.text, &context);
        let starts: Vec<usize> = claim.figures.iter().map(|f| f.span.start).collect();
        claim.figure_at = version.positions_in_claim(claim, &starts);
    }
    claims
}

/// All figures in `text`, entities already decoded.
fn figures_in(text: &str, context: &Context) -> Vec<Figure> {
    let tokens = tokenize(text);
    let mut figures = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let start = may_start_figure(&tokens[i]);
        if start == Start::No {
            i += 1;
            continue;
        }
        let others = || {
            vague_at(&tokens, i, text)
                .or_else(|| rank_at(&tokens, i, text))
                .or_else(|| tally_at(&tokens, i, text))
                .or_else(|| quantity_at(&tokens, i, text))
                .or_else(|| percent_of_at(&tokens, i, text))
                .or_else(|| hyphen_duration_at(&tokens, i, text))
        };
        let found = dates::date_at(&tokens, i, text, context)
            .or_else(|| (start == Start::Any).then(others).flatten());
        match found {
            Some((f, next)) if next > i => {
                if !(f.kind == FigureKind::Ordinal && names_a_day(&tokens, next, text)) {
                    figures.push(f);
                }
                i = next;
            }
            _ => i += 1,
        }
    }
    join_bounds(&mut figures, text);
    drop_names(&mut figures, &tokens, text);
    figures
}

/// Lower-case words that may start a figure besides number words: the
/// first words of qualifiers, currencies, vague amounts and percent words
/// (from their lists), scale words, and these.
const STARTING_WORDS: &[&str] = &[
    "a", "an", "from", "half", "minus", "negative", "no", "one", "quarter", "since",
];

/// What may start at a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Start {
    /// No figure: a lower-case word that is no number word, no first word
    /// of a lexicon phrase and none of [`STARTING_WORDS`]; punctuation.
    No,
    /// A date only: another capitalized word (a month, a weekday).
    Date,
    /// Any figure.
    Any,
}

/// What may start at token `t` (see [`Start`]). Most tokens are words that
/// start no figure, and skipping them spares every reader being asked about
/// them (a third of the time of `storydiff figures`); what is found is the
/// same.
fn may_start_figure(t: &Token) -> Start {
    static STARTERS: OnceLock<phrases::FnvSet<String>> = OnceLock::new();
    let starters = STARTERS.get_or_init(|| {
        let firsts = before_index()
            .firsts()
            .chain(currency_index().firsts())
            .chain(vague_index().firsts())
            .chain(percent_index().firsts())
            .map(str::to_string);
        let words = STARTING_WORDS
            .iter()
            .chain(SCALE_WORDS.iter().map(|(w, _)| w))
            .chain(EXTRA_NUMBER_WORDS.iter().map(|(w, _)| w))
            .chain(MILLION_CODES.iter().map(|(w, _)| w))
            .chain(STARTING_SYMBOLS)
            .map(|w| w.to_string());
        firsts.chain(words).collect()
    });
    let w = t.lower.as_str();
    let any = match t.kind {
        TokenKind::Num => true,
        TokenKind::Sym => starters.contains(w),
        TokenKind::Word => {
            starters.contains(w)
                || may_be_number_word(w)
                || w.split_once('-')
                    .is_some_and(|(first, _)| may_be_number_word(first))
                || t.upper && iso_code(w).is_some()
        }
    };
    match (any, t.kind) {
        (true, _) => Start::Any,
        (false, TokenKind::Word) if t.upper => Start::Date,
        _ => Start::No,
    }
}

/// Symbols that may start a figure besides the first symbols of lexicon
/// phrases: a minus sign, a rank's "#".
const STARTING_SYMBOLS: &[&str] = &["#", "-", "−"];

/// Names that contain a number word or a date, in any case: their number
/// counts nothing ("Reid Breaks With Obama Over Proposed Ground Zero
/// Mosque" against "Two mosques").
static NAMES_WITH_NUMBERS: WordList = WordList::new(include_str!(
    "../../../lexicons/figures-names-with-numbers.txt"
));

/// Nouns that bare digits after them number, capitalized: "Amendment 64",
/// "Senate Bill 7", "Flight 93".
static NUMBERED_NOUNS: WordList =
    WordList::new(include_str!("../../../lexicons/figures-numbered-nouns.txt"));

/// [`NAMES_WITH_NUMBERS`] as one automaton, case-blind: every claim with a
/// figure is searched for all of them at once.
fn names_matcher() -> &'static aho_corasick::AhoCorasick {
    static MATCHER: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    MATCHER.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(NAMES_WITH_NUMBERS.iter())
            .expect("the names lexicon builds an automaton")
    })
}

/// The share of capitalized words above which a text is in title case: in
/// a headline every word is capitalized, so a capital says nothing of a
/// name.
const TITLE_CASE_SHARE: f64 = 0.6;

/// Drop the figures that are part of a name: those inside a phrase of
/// [`NAMES_WITH_NUMBERS`], bare digits that count no noun after one of
/// [`NUMBERED_NOUNS`] ("Amendment 64"), and, outside title case, a
/// capitalized number word or weekday right after a capitalized word that
/// does not start a sentence ("the Ground Zero mosque", "aboard Air Force
/// One").
fn drop_names(figures: &mut Vec<Figure>, tokens: &[Token], text: &str) {
    if figures.is_empty() {
        return;
    }
    let names: Vec<std::ops::Range<usize>> = names_matcher()
        .find_overlapping_iter(text)
        .map(|m| m.range())
        .collect();
    let words: Vec<&Token> = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .collect();
    let long = words.iter().filter(|t| t.lower.chars().count() > 3);
    let (capitals, all) = long.fold((0, 0), |(c, n), t| (c + usize::from(t.upper), n + 1));
    let title = all > 0 && capitals as f64 / all as f64 > TITLE_CASE_SHARE;
    let in_name = |f: &Figure| {
        if names
            .iter()
            .any(|n| n.start <= f.span.start && f.span.end <= n.end)
        {
            return true;
        }
        let capitalized_word = f.text.chars().next().is_some_and(char::is_uppercase)
            && f.text.chars().all(|c| c.is_alphabetic() || c == '-');
        let at = tokens.partition_point(|t| t.start < f.span.start);
        // "Amendment 64", "Senate Bill 7", "Section 1557": bare digits
        // after a noun they number, counting nothing
        let numbered = f.kind == FigureKind::Count
            && f.measure.is_none()
            && f.text.bytes().all(|b| b.is_ascii_digit())
            && at >= 1
            && tokens[at - 1].upper
            && NUMBERED_NOUNS.contains(&tokens[at - 1].lower.as_str());
        if numbered {
            return true;
        }
        if title || !capitalized_word {
            return false;
        }
        at >= 2 && tokens[at - 1].kind == TokenKind::Word && tokens[at - 1].upper && {
            let p = &tokens[at - 2];
            !(p.kind == TokenKind::Sym && matches!(p.lower.as_str(), "." | "!" | "?" | ":"))
        }
    };
    figures.retain(|f| !in_name(f));
}

mod assemble;
mod entities;
mod measure;
mod number;
mod phrases;
mod qualifier;
mod subject;
mod tally;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_forms;
mod tokens;
mod unit;
mod vague;

pub use assemble::*;
pub use measure::*;
pub(crate) use number::*;
pub(crate) use qualifier::*;
use subject::measure_before;
pub use tally::{RANK_MEASURE, TALLY_CUES, TALLY_MEASURE};
use tally::{rank_at, tally_at};
pub(crate) use tokens::*;
pub(crate) use unit::*;
pub use vague::*;
