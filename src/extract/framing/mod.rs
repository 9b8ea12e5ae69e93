//! Framing cues: attribution, hedges, quotes, scare quotes and loaded terms.
//!
//! The word lists live in `lexicons/*.txt`, embedded at build time and
//! extended from the `[framing]` section of `storydiff.toml`. Words are
//! matched with `aho-corasick`, case-folded, on word boundaries.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::{Arc, Mutex, OnceLock};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::{Deserialize, Serialize};

use crate::model::Claim;
pub use crate::model::cue::{Cue, CueKind};
use crate::model::finding::Severity;
use crate::text::lexicon::WordList;

mod attribution;
mod lexicon;
mod quotes;
#[cfg(test)]
mod tests;

use attribution::*;
pub use lexicon::{
    ATTRIBUTION_VERBS, BUILTIN_LEXICONS, FramingConfig, HEDGES, LOADED_TERMS,
    LOADED_TERMS_EVIDENCE, Lexicon, UNNAMED_SOURCES, contains_word, entries, pair,
};
pub use quotes::SCARE_QUOTE_MAX_WORDS;

/// Every stretch of `text` between quotation marks, marks included, as
/// the quote cues read them but whatever they hold: names, titles and
/// ratings too.
pub fn quoted_stretches(text: &str) -> Vec<Range<usize>> {
    quotes::quotations(text)
        .into_iter()
        .map(|q| q.span)
        .collect()
}
use quotes::*;

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

/// Words before "claims" that make it a noun: "disproved those claims".
static BEFORE_A_NOUN: WordList =
    WordList::new(include_str!("../../../lexicons/framing-before-a-noun.txt"));

/// "those claims", "the claim": the noun, which hedges nothing by itself.
fn is_noun_claims(text: &str, range: &Range<usize>) -> bool {
    let word = text[range.clone()].to_lowercase();
    if word != "claims" && word != "claim" {
        return false;
    }
    text[..range.start]
        .split_whitespace()
        .next_back()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .is_some_and(|w| BEFORE_A_NOUN.contains(&w.as_str()))
}

/// "appears in an ad", "appeared on television", "pledging to appear.": to
/// be seen somewhere, not a hedge. "Appear" hedges before "to", "that", "likely" or an adjective.
fn is_physical_appear(text: &str, range: &Range<usize>) -> bool {
    let word = text[range.clone()].to_lowercase();
    if !word.starts_with("appear") {
        return false;
    }
    let next = text[range.end..].split_whitespace().next().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    // At the end of its clause ("pledging to appear."), it is to attend.
    let ends_clause = text[range.end..]
        .trim_start()
        .chars()
        .next()
        .is_none_or(|c| matches!(c, '.' | ',' | ';' | '!' | '?'));
    ends_clause
        || matches!(
            next.as_deref(),
            Some("in" | "on" | "at" | "before" | "with" | "alongside" | "onstage")
        )
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
    for quote in &mut quotes {
        if quote.kind == CueKind::ScareQuote
            && let Some(speaker) = partial_quote_speaker(text, quote, &cues)
        {
            quote.kind = CueKind::Quote;
            quote.speaker = Some(speaker);
        }
    }
    let [hedges, loaded] = <[_; 2]>::try_from(lexicon.hedges_and_loaded.find_each(text))
        .expect("two lists: hedges and loaded terms");
    for (_, range) in hedges {
        if inside(&range, &quotes, &[CueKind::Quote])
            || is_month_may(text, &range)
            || is_physical_appear(text, &range)
            || is_noun_claims(text, &range)
        {
            continue;
        }
        cues.push(Cue::new(CueKind::Hedge, &text[range.clone()], range));
    }
    for (pattern, range) in loaded {
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

/// The speaker of a short quotation that is someone's words rather than a
/// term kept at a distance: an attribution comes before it in the claim
/// and the quotation ends its phrase (`they said his presence does not
/// serve “the national interest.”`, `He called the inquiry “politically
/// motivated”`). A quotation that a noun follows modifies it and stays a
/// scare quote (`officials said the “terrorist” group fled`), as does one
/// with no speaker (`labeled the group a “terrorist” organization`) and
/// "so-called".
fn partial_quote_speaker(text: &str, quote: &Cue, cues: &[Cue]) -> Option<String> {
    if !text[quote.span.start..].starts_with(is_opening_quote_char) {
        return None;
    }
    let next = text[quote.span.end..]
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_start_matches(|c: char| !c.is_alphanumeric());
    let ends_phrase = next.is_empty()
        || !text[quote.span.end..]
            .trim_start()
            .starts_with(char::is_alphanumeric)
        || PHRASE_BREAKS.contains(
            &next
                .trim_end_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
                .as_str(),
        );
    if !ends_phrase {
        return None;
    }
    cues.iter()
        .filter(|c| c.kind == CueKind::Attribution && c.span.end <= quote.span.start)
        .max_by_key(|c| c.span.end)
        .and_then(|c| c.source.clone())
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

/// Whether claim `b` follows claim `a` within one paragraph of `body`.
fn same_paragraph(body: &str, a: &Claim, b: &Claim) -> bool {
    match (&a.span, &b.span) {
        (Some(a), Some(b)) if a.end <= b.start => body
            .get(a.end..b.start)
            .is_some_and(|gap| gap.matches('\n').count() < PARAGRAPH_BREAK_LINES),
        _ => false,
    }
}

/// Sentences inside a quotation of several sentences that carry no
/// quotation mark of their own become quotations too: the middle of
/// "“It has been prosecuted by two presidents. Republicans have supported
/// the effort. It is an affront.”", and the first sentence of a paragraph
/// that only closes a quotation begun in an earlier paragraph ("There are,
/// of course, those who think we should pull out. But one of them
/// shouldn't be the chairman.”"). They are the speaker's words, not the
/// outlet's, so they are never stated as fact. Each gets a quote cue over
/// its whole text in place of its other cues, as [`find_cues`] reads a
/// quotation with its marks: hedges, loaded terms and attributions inside
/// it are the speaker's. Within one paragraph of `body`; headlines are
/// left alone.
pub fn continue_quotations(body: &str, claims: &mut [Claim]) {
    // Within the paragraph so far: whether a quotation is open, and the
    // claims without a mark since its start or the last mark.
    let mut open = false;
    let mut unmarked: Vec<usize> = Vec::new();
    let mut inside: Vec<usize> = Vec::new();
    for i in 0..claims.len() {
        if i == 0 || !same_paragraph(body, &claims[i - 1], &claims[i]) {
            open = false;
            unmarked.clear();
        }
        let claim = &claims[i];
        if claim.headline {
            continue;
        }
        let marks = quotes::double_marks(&claim.text);
        if !marks.any {
            if open {
                inside.push(i);
            } else {
                unmarked.push(i);
            }
            continue;
        }
        if marks.closes_earlier && !open {
            inside.append(&mut unmarked);
        }
        unmarked.clear();
        open = marks.left_open;
    }
    for i in inside {
        let claim = &mut claims[i];
        let words = claim
            .text
            .trim()
            .trim_end_matches([',', '.', ';', ':'])
            .trim_end();
        if words.is_empty() {
            continue;
        }
        claim.cues = vec![Cue::new(CueKind::Quote, words, 0..claim.text.len())];
    }
}

/// Quotations whose speaker is named in the sentence before or after, within
/// one paragraph of `body`: "“It has always been bipartisan. We will keep
/// it so,” she said." Each quotation without a speaker, in a claim without
/// an attribution, takes the speaker of the claim before it or, failing
/// that, of the claim after it.
pub fn carry_speakers(body: &str, claims: &mut [Claim]) {
    let same_paragraph = |a: &Claim, b: &Claim| same_paragraph(body, a, b);
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
