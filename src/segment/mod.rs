//! Segment stage: a version's headline and sentences become claims.
//!
//! Sentence splitting works in three passes over the body:
//!
//! 1. **Blocks.** The text is cut into blocks at blank lines (a paragraph
//!    break always ends a sentence), before and after list items (bullet or
//!    numbered lines), and at single line breaks that end a heading, a label
//!    or a sentence. A line break inside wrapped prose does not cut.
//! 2. **Sentences.** Each block goes through [`sentencex`], which knows
//!    abbreviations, initials, decimals, quotes and ellipses.
//! 3. **Repairs.** An opening quotation mark that sentencex left at the end
//!    of a piece moves to the sentence it opens; pieces cut too eagerly are
//!    joined again (a bare list marker, a cut inside a word, a lower-case
//!    continuation after `!` or `?`, `3 p.m. Tuesday`); and boundaries it
//!    missed are cut (`... in the U.S. The next ...`, `world.Today`, inline
//!    numbered lists, bullets), never inside an open quotation or bracket.
//!
//! Pass 1 is `blocks.rs`, pass 3 `repair.rs`; list markers, which both
//! passes read, are `markers.rs`. The word lists they use are data, in
//! `lexicons/segment-*.txt`.
//!
//! `docs/accuracy.md` has the measured accuracy, against raw sentencex; the
//! benchmark `segment_accuracy` reproduces it.

use std::ops::Range;
use std::sync::OnceLock;

use crate::model::{OutletId, Segment, Skip, SkipReason, Version};
use crate::text::lexicon;

mod blocks;
mod markers;
mod repair;
#[cfg(test)]
mod tests;

use blocks::*;
use markers::*;
use repair::*;

/// Page furniture that web pages put around an article and that text
/// extraction lets through: comment forms, share widgets, newsletter
/// prompts. A sentence is dropped when, lower-cased, it is one of these
/// followed by nothing but punctuation or symbols ("Required fields are
/// marked *"), so that a real sentence that starts the same way
/// ("Advertisement sales fell.") is kept. Sorted.
pub fn boilerplate() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    lexicon::sorted(
        &LIST,
        include_str!("../../lexicons/segment-boilerplate.txt"),
    )
}

/// The most letters and digits of any [`boilerplate`] pattern.
fn boilerplate_letters() -> usize {
    static MOST: OnceLock<usize> = OnceLock::new();
    *MOST.get_or_init(|| {
        boilerplate()
            .iter()
            .map(|p| p.chars().filter(|c| c.is_alphanumeric()).count())
            .max()
            .unwrap_or(0)
    })
}

/// The headline and the sentences of `version`, as segments of `outlet`.
/// Page boilerplate ([`boilerplate`]) is left out. A sentence that quotes
/// several sentences of a speaker comes as one segment per quoted sentence
/// ([`Segment::continues`] marks the second and later).
pub fn segment(version: &Version, outlet: OutletId) -> Vec<Segment> {
    segment_reporting(version, outlet).0
}

/// [`segment`], and what it leaves out of the body: boilerplate sentences
/// and pieces without a letter, each with its reason and position.
pub fn segment_reporting(version: &Version, outlet: OutletId) -> (Vec<Segment>, Vec<Skip>) {
    let mut claims = Vec::new();
    let mut dropped = Vec::new();
    if let Some(title) = &version.title {
        let text = collapse_whitespace(title);
        if !text.is_empty() {
            claims.push(Segment::new(outlet, text, version.title_at, None));
        }
    }
    let positions = version.positions();
    for range in pieces(&version.body) {
        let text = collapse_whitespace(&version.body[range.clone()]);
        let reason = if !has_letter(&text) {
            SkipReason::NoLetters
        } else if is_boilerplate(&text) {
            SkipReason::Boilerplate
        } else {
            let parts = quoted_sentences(&version.body, range.clone());
            // A sentence that does not divide keeps the text read above.
            let mut whole = (parts.len() == 1 && parts[0] == range).then_some(text);
            for (k, part) in parts.into_iter().enumerate() {
                let text = whole
                    .take()
                    .unwrap_or_else(|| collapse_whitespace(&version.body[part.clone()]));
                let at = positions.of(part.start);
                let mut segment = Segment::new(outlet, text, at, Some(part));
                segment.continues = k > 0;
                claims.push(segment);
            }
            continue;
        };
        dropped.extend(Skip::of(reason, &version.body, range, &positions));
    }
    (claims, dropped)
}

/// Byte ranges of the sentences of `text`, trimmed of surrounding
/// whitespace. Headings, labels and list items count as sentences; pieces
/// without a single letter (page numbers, rules of slashes) do not.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = pieces(text);
    out.retain(|r| has_letter(&text[r.clone()]));
    out
}

/// [`sentences`], with the pieces without a letter.
fn pieces(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for block in blocks(text) {
        let pieces = if cannot_cut(&text[block.clone()]) {
            trim_range(text, block.clone()).into_iter().collect()
        } else {
            splitter_windows(text, block.clone())
                .into_iter()
                .flat_map(|window| {
                    // The sentences as slices of the window (no character
                    // counts, which the boundaries would carry unused).
                    let part = &text[window];
                    sentencex::segment("en", part)
                        .into_iter()
                        .filter_map(move |s| {
                            let start = s.as_ptr() as usize - text.as_ptr() as usize;
                            trim_range(text, start..start + s.len())
                        })
                })
                .collect()
        };
        let pieces = move_dangling_openers(text, pieces);
        let pieces = join_false_cuts(text, pieces);
        let pieces = cut_missed_boundaries(text, pieces);
        out.extend(cut_inline_lists(text, pieces));
    }
    out
}

/// The most bytes of a block handed to the sentence splitter in one call.
/// Its cost grows with the square of what it is given on some text: each
/// abbreviation before a capital rescans the paragraph so far for quotation
/// marks, and with backticks about that scan falls back to a slow regex
/// engine ("Mr. Smith said `x` and " repeated: 10 ms for 16 KB, 40 ms for
/// 32 KB; a 47 KB line the fuzzer grew took 3.9 s). News paragraphs stay
/// far under it (none of BASIL's or AllSides' 5,286 exceeds 1 KB); a longer
/// block is cut before each window ends, at a sentence end if there is one.
const SPLITTER_WINDOW: usize = 2_000;

/// The most end marks (`.`, `!`, `?`) of a block handed to the sentence
/// splitter in one call: at each full stop it rescans the paragraph so far
/// (for the words that may stand before it, and for quotation marks), so
/// a window dense in full stops costs their number times its length. News
/// paragraphs have far fewer (at most 22 of BASIL's and AllSides' 3,445);
/// 1.5 KB of fuzzer-grown backticks and stray full stops had 115. Not
/// fewer: an inline numbered list needs its items in one call to be read
/// as a list, and at 32 pragmatic_segmenter's longest list case lost its
/// last five cuts.
const SPLITTER_END_MARKS: usize = 64;

/// The most quotation marks and apostrophes of a block handed to the
/// sentence splitter in one call: it pairs them with a regex that, for each
/// opening mark without its closing one (a backtick, a straight quote),
/// reads on to the end of the window, so a window dense in them costs their
/// number times its length (510 fuzzer-grown bytes of backticks took 0.5
/// ms, 30 times news). News lines have far fewer (at most 12 in BASIL's and
/// 18 in AllSides' lines).
const SPLITTER_QUOTE_MARKS: usize = 64;

/// The characters [`SPLITTER_QUOTE_MARKS`] counts.
const QUOTE_MARKS: [char; 7] = [
    '\'', '`', '"', '\u{201c}', '\u{201d}', '\u{2018}', '\u{2019}',
];

/// Where the window starting at `start` must end for the splitter, and the
/// least length of its first piece: before [`SPLITTER_WINDOW`] bytes (a
/// piece of at least half of them) or before the end mark after
/// [`SPLITTER_END_MARKS`] of them, or the quotation mark after
/// [`SPLITTER_QUOTE_MARKS`] of them (at least half the window), whichever
/// comes first; `None` when the rest of `block` fits.
fn window_limit(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let mut limit = (start + SPLITTER_WINDOW).min(end);
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let mut least = SPLITTER_WINDOW / 2;
    let marks = [
        text[start..limit]
            .match_indices(['.', '!', '?'])
            .nth(SPLITTER_END_MARKS),
        text[start..limit]
            .match_indices(QUOTE_MARKS)
            .nth(SPLITTER_QUOTE_MARKS),
    ];
    if let Some(at) = marks.iter().flatten().map(|&(at, _)| at).min() {
        limit = start + at;
        least = at / 2;
    }
    (limit < end).then_some((limit, least))
}

/// `block` as ranges that tile it, each at most [`SPLITTER_WINDOW`] bytes
/// and [`SPLITTER_END_MARKS`] end marks, each cut after the last sentence
/// end of the window (`!` or `?`, or a full stop after a lower-case word,
/// then whitespace), else after its last whitespace, else at a character
/// boundary; never in the window's first half, so that each window moves
/// on by half a window at least and the whole is read a bounded number of
/// times.
fn splitter_windows(text: &str, block: Range<usize>) -> Vec<Range<usize>> {
    let mut windows = Vec::new();
    let mut start = block.start;
    while let Some((limit, least)) = window_limit(text, start, block.end) {
        let window = &text[start..limit];
        let late = |&at: &usize| at >= least;
        // A full stop ends a sentence after a lower-case word ("down."),
        // not after an abbreviation or initial ("Mr.", "U.S.").
        let ends_sentence = |at: usize, mark: &str| {
            let word = window[..at]
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or("");
            mark != "." || (word.len() >= 2 && word.bytes().all(|b| b.is_ascii_lowercase()))
        };
        let after_end = window
            .match_indices(['.', '!', '?'])
            .filter(|&(at, mark)| ends_sentence(at, mark))
            .map(|(at, _)| at + 1)
            .rfind(|&at| window[at..].starts_with(char::is_whitespace) && late(&at));
        let after_space = || {
            window
                .char_indices()
                .filter(|(_, c)| c.is_whitespace())
                .map(|(at, c)| at + c.len_utf8())
                .rfind(late)
        };
        let cut = after_end.or_else(after_space).unwrap_or(window.len());
        windows.push(start..start + cut);
        start += cut;
    }
    windows.push(start..block.end);
    windows
}

/// Whether the sentence splitter would leave `block` whole: plain ASCII on
/// one line, with no sentence-ending mark (`.`, `!`, `?`) but in the run
/// that ends it, and at most one closing bracket. Without an end mark
/// before its last word the splitter cuts only before list items ("a) …
/// b) …"), and one list item alone ("(b)", "2)") is never cut off: it
/// needs a sibling with a closing bracket of its own. Such blocks (a
/// heading, a line of a few words, a one-line sentence) skip the
/// splitter's fixed cost per call, which dominates text of many tiny lines;
/// the answer is the same.
fn cannot_cut(block: &str) -> bool {
    let body = block.trim_end().trim_end_matches(['.', '!', '?']);
    block.is_ascii()
        && !block.bytes().any(|b| matches!(b, b'\n' | b'\r'))
        && !body.bytes().any(|b| matches!(b, b'.' | b'!' | b'?'))
        && block.bytes().filter(|&b| b == b')').nth(1).is_none()
}

fn has_letter(text: &str) -> bool {
    text.chars().any(char::is_alphabetic)
}

/// True when `sentence` is page furniture rather than part of the story.
pub fn is_boilerplate(sentence: &str) -> bool {
    // A match is a pattern with nothing alphanumeric after it, and
    // lower-casing never leaves fewer letters: a sentence with more letters
    // and digits than any pattern cannot match, and is not copied.
    if sentence
        .chars()
        .filter(|c| c.is_alphanumeric())
        .nth(boilerplate_letters())
        .is_some()
    {
        return false;
    }
    let lower = collapse_whitespace(sentence).to_lowercase();
    boilerplate().iter().any(|pattern| {
        lower
            .strip_prefix(pattern)
            .is_some_and(|rest| !rest.chars().any(char::is_alphanumeric))
    })
}

/// Runs of whitespace become one space.
pub fn collapse_whitespace(text: &str) -> String {
    let trimmed = text.trim();
    if single_spaced(trimmed) {
        return trimmed.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// True when `text` holds no whitespace but single ASCII spaces, as most
/// sentences do, so that collapsing leaves it as it is. Only the first
/// byte of a non-ASCII character has it decoded.
fn single_spaced(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().all(|(i, &b)| match b {
        b' ' => bytes.get(i + 1) != Some(&b' '),
        b'\t' | b'\n' | 0x0b | 0x0c | b'\r' => false,
        0xc0.. => !text[i..].starts_with(char::is_whitespace),
        _ => true,
    })
}

fn trim_range(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.start + slice.trim_end().len();
    (start < end).then_some(start..end)
}
