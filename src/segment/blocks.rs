//! Pass 1 of segmenting: the body is cut into blocks that no sentence
//! crosses, at blank lines, around list items, and at line breaks that end a
//! heading, a label or a sentence.

use std::ops::Range;
use std::sync::OnceLock;

use super::*;

/// A line without final punctuation at least this many characters long,
/// and not title-cased, is wrapped prose that continues on the next line;
/// shorter lines are labels, headings and menu entries, each its own claim.
/// Forty characters is about six words: longer than most labels, shorter
/// than the lines of any hard-wrapped text (60 to 80 characters).
pub(super) const SOFT_WRAP_MIN_CHARS: usize = 40;

/// A text is hard-wrapped when more than this share of its long prose lines
/// end without final punctuation. Half: in hard-wrapped text nearly every
/// line but a paragraph's last ends in mid-sentence; in text with one
/// paragraph a line, only the odd sentence-case subheading does.
pub(super) const HARD_WRAPPED_SHARE: f64 = 0.5;

/// A shorter line still continues on the next when it has at least this many
/// words and the next line starts in lower case ("It was a cold\nnight"):
/// three words make a phrase rather than a label such as "contact manager".
pub(super) const WRAPPED_PHRASE_MIN_WORDS: usize = 3;

/// A line whose capitalised words make up at least this share of its words
/// (short function words not counted) is a heading, not prose: headlines and
/// subheadings are title-cased, running text rarely has more than a third of
/// its words capitalised.
pub(super) const HEADING_CAPITALISED_SHARE: f64 = 0.6;

/// Words left lower case inside title-cased headings; they are not counted
/// when deciding whether a line is a heading. Sorted.
pub(super) fn heading_minor_words() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    lexicon::sorted(
        &LIST,
        include_str!("../../lexicons/segment-heading-minor-words.txt"),
    )
}

/// [`heading_minor_words`] as a hash set: every word of every long line is
/// looked up.
fn heading_minor_set() -> &'static rustc_hash::FxHashSet<&'static str> {
    static SET: OnceLock<rustc_hash::FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| heading_minor_words().iter().copied().collect())
}

/// Byte ranges of the lines of `text`, without their line terminator. A
/// carriage return alone also ends a line; `\r\n` is one terminator.
pub(super) fn lines(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                lines.push(start..i);
                start = i + 1;
            }
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => {
                lines.push(start..i);
                start = i + 1;
            }
            b'\r' => {
                lines.push(start..i);
                i += 1;
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    lines.push(start..text.len());
    lines
}

/// Cuts `text` into blocks that no sentence crosses (see the module docs).
pub(super) fn blocks(text: &str) -> Vec<Range<usize>> {
    let lines = lines(text);
    let wrapped = is_hard_wrapped(lines.iter().map(|l| text[l.clone()].trim()));
    let mut blocks = Vec::new();
    let mut current: Option<Range<usize>> = None;
    for line in lines {
        let Some(line) = trim_range(text, line) else {
            blocks.extend(current.take());
            continue;
        };
        current = match current {
            Some(block) if line_continues(&text[block.clone()], &text[line.clone()], wrapped) => {
                Some(block.start..line.end)
            }
            previous => {
                blocks.extend(previous);
                Some(line)
            }
        };
    }
    blocks.extend(current);
    blocks
}

/// True when the text's lines are wrapped at a fixed width, so that long
/// lines end in mid-sentence: when more than [`HARD_WRAPPED_SHARE`] of its
/// long prose lines have no final punctuation. In text with one paragraph
/// a line, only headings end without it.
///
/// Lines that end a sentence are read for headings only when some long
/// line is open: in prose with one paragraph a line, none is, and the
/// answer is no without looking at a word.
pub(super) fn is_hard_wrapped<'a>(lines: impl Iterator<Item = &'a str> + Clone) -> bool {
    let long_prose = |line: &&str| {
        line.chars().nth(SOFT_WRAP_MIN_CHARS - 1).is_some() && !looks_like_heading(line)
    };
    let open = lines
        .clone()
        .filter(|line| !ends_with_terminal(line))
        .filter(long_prose)
        .count();
    if open == 0 {
        return false;
    }
    let long = lines.filter(long_prose).count();
    open as f64 > HARD_WRAPPED_SHARE * long as f64
}

/// Whether the sentence of `block` (its last line, really) runs on into
/// `next`, the following non-blank line; `wrapped` tells whether the text
/// is hard-wrapped (see [`is_hard_wrapped`]).
pub(super) fn line_continues(block: &str, next: &str, wrapped: bool) -> bool {
    let last = block.rsplit(['\n', '\r']).next().unwrap_or(block).trim();
    if list_marker_len(next).is_some() {
        return false;
    }
    if ends_with_terminal(last) {
        return last_word(last).is_some_and(is_title_abbreviation);
    }
    // The unfinished sentence the line ends with: what follows its last
    // sentence terminator.
    let tail = last_fragment(last);
    if list_marker_len(tail).is_some() {
        return false;
    }
    let next_lower = next.chars().next().is_some_and(char::is_lowercase);
    let words = tail.split_whitespace().count();
    let prose = !looks_like_heading(last);
    (wrapped && prose && last.chars().count() >= SOFT_WRAP_MIN_CHARS)
        || (next_lower && words >= WRAPPED_PHRASE_MIN_WORDS)
}

/// The part of `line` after its last sentence terminator and the space
/// after it; all of `line` when it has none. The full stop of a one-letter
/// or numeric word ("E.", "b.", "10.") is an initial or a list marker and
/// does not count.
pub(super) fn last_fragment(line: &str) -> &str {
    let mut start = 0;
    for (at, word) in words_with_offsets(line) {
        let stem = word.trim_end_matches(['.', '!', '?', '…']);
        let bare = stem.trim_start_matches(BULLETS);
        let marker_like = word.ends_with('.')
            && (bare.chars().count() == 1 || bare.bytes().all(|b| b.is_ascii_digit()));
        if stem.len() < word.len() && !marker_like {
            start = at + word.len();
        }
    }
    line[start..].trim_start()
}

/// The whitespace-separated words of `text` with their byte offsets.
pub(super) fn words_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> + Clone {
    text.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

/// True when `line`, stripped of closing quotes and brackets, ends with a
/// sentence terminator.
pub(super) fn ends_with_terminal(line: &str) -> bool {
    line.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»'])
        .ends_with(['.', '!', '?', '…'])
}

/// True when most words of `line` are capitalised, as in a headline.
pub(super) fn looks_like_heading(line: &str) -> bool {
    let mut words = 0;
    let mut capitalised = 0;
    for word in line.split_whitespace() {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        let Some(first) = word.chars().next() else {
            continue;
        };
        // Most words of prose are lower-case ASCII already: no copy.
        let lower = if word.is_ascii() && !word.bytes().any(|b| b.is_ascii_uppercase()) {
            std::borrow::Cow::Borrowed(word)
        } else {
            std::borrow::Cow::Owned(word.to_lowercase())
        };
        if heading_minor_set().contains(&*lower) {
            continue;
        }
        words += 1;
        if first.is_uppercase() || first.is_numeric() {
            capitalised += 1;
        }
    }
    words > 0 && capitalised as f64 >= HEADING_CAPITALISED_SHARE * words as f64
}
