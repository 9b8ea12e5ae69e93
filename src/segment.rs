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
//! `docs/accuracy.md` has the measured accuracy, against raw sentencex; the
//! benchmark `segment_accuracy` reproduces it.

use std::ops::Range;

use crate::model::{Claim, OutletId, Version};

/// A line without final punctuation at least this many characters long,
/// and not title-cased, is wrapped prose that continues on the next line;
/// shorter lines are labels, headings and menu entries, each its own claim.
/// Forty characters is about six words: longer than most labels, shorter
/// than the lines of any hard-wrapped text (60 to 80 characters).
const SOFT_WRAP_MIN_CHARS: usize = 40;

/// A text is hard-wrapped when more than this share of its long prose lines
/// end without final punctuation. Half: in hard-wrapped text nearly every
/// line but a paragraph's last ends in mid-sentence; in text with one
/// paragraph a line, only the odd sentence-case subheading does.
const HARD_WRAPPED_SHARE: f64 = 0.5;

/// A shorter line still continues on the next when it has at least this many
/// words and the next line starts in lower case ("It was a cold\nnight"):
/// three words make a phrase rather than a label such as "contact manager".
const WRAPPED_PHRASE_MIN_WORDS: usize = 3;

/// A line whose capitalised words make up at least this share of its words
/// (short function words not counted) is a heading, not prose: headlines and
/// subheadings are title-cased, running text rarely has more than a third of
/// its words capitalised.
const HEADING_CAPITALISED_SHARE: f64 = 0.6;

/// Words left lower case inside title-cased headings; they are not counted
/// when deciding whether a line is a heading. Sorted.
const HEADING_MINOR_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on",
    "or", "over", "the", "to", "up", "vs", "with",
];

/// Abbreviations that stand before a name and so never end a sentence, even
/// at the end of a line ("Gen.\nPadrino"). Lower case, without the full
/// stop. Sorted.
const TITLE_ABBREVIATIONS: &[&str] = &[
    "adm", "capt", "cmdr", "col", "cpl", "dr", "gen", "gov", "hon", "lieut", "lt", "maj", "mr",
    "mrs", "ms", "pres", "prof", "pvt", "rep", "rev", "sen", "sgt", "supt",
];

/// Abbreviated months: followed by a day number they never end a sentence
/// ("post-Sept. 11", "Nov. 21"). Lower case, without the full stop. Sorted.
const MONTH_ABBREVIATIONS: &[&str] = &[
    "apr", "aug", "dec", "feb", "jan", "jul", "jun", "mar", "nov", "oct", "sep", "sept",
];

/// Capitalised words that almost only ever open a sentence. After a word
/// ending in a full stop ("U.S.", "Inc.", "i.v.") they mark a boundary that
/// sentencex, seeing an abbreviation, leaves uncut: "... in the U.S. The
/// talks ...". From pragmatic_segmenter's list, plus pronouns and
/// connectives common at the start of news sentences. Sorted.
const SENTENCE_STARTERS: &[&str] = &[
    "A",
    "But",
    "Did",
    "For",
    "He",
    "How",
    "However",
    "I",
    "In",
    "It",
    "Its",
    "Meanwhile",
    "Millions",
    "More",
    "She",
    "That",
    "The",
    "Their",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "We",
    "What",
    "When",
    "Where",
    "Who",
    "Why",
];

/// Words that may follow "a.m." or "p.m." in the same sentence: days,
/// months (written out or abbreviated) and time zones ("at 3 p.m. Tuesday",
/// "7 p.m. Sept. 8", "9 a.m. ET"). Sorted.
const TIME_FOLLOWERS: &[&str] = &[
    "Apr",
    "April",
    "Aug",
    "August",
    "BST",
    "CET",
    "CST",
    "CT",
    "Dec",
    "December",
    "EDT",
    "EST",
    "ET",
    "Feb",
    "February",
    "Fri",
    "Friday",
    "GMT",
    "Jan",
    "January",
    "July",
    "June",
    "Mar",
    "March",
    "May",
    "Mon",
    "Monday",
    "Nov",
    "November",
    "Oct",
    "October",
    "PDT",
    "PST",
    "PT",
    "Sat",
    "Saturday",
    "Sep",
    "Sept",
    "September",
    "Sun",
    "Sunday",
    "Thu",
    "Thur",
    "Thurs",
    "Thursday",
    "Tue",
    "Tues",
    "Tuesday",
    "UTC",
    "Wed",
    "Wednesday",
];

/// Characters that open a list item at the start of a line.
const BULLETS: &[char] = &['*', '-', '·', '–', '—', '•', '‣', '⁃', '◦', '▪', '●'];

/// The bullets that open a list item anywhere after a space: those glyphs
/// that have no other use in running text (hyphens, dashes and asterisks do).
const INLINE_BULLETS: &[char] = &['•', '‣', '⁃', '◦', '▪', '●'];

/// Page furniture that web pages put around an article and that text
/// extraction lets through: comment forms, share widgets, newsletter
/// prompts. A sentence is dropped when, lower-cased, it is one of these
/// followed by nothing but punctuation or symbols ("Required fields are
/// marked *"), so that a real sentence that starts the same way
/// ("Advertisement sales fell.") is kept. Sorted.
pub const BOILERPLATE: &[&str] = &[
    "advertisement",
    "all rights reserved",
    "click to share",
    "leave a comment",
    "leave a reply",
    "leave a reply cancel reply",
    "like this:",
    "required fields are marked",
    "share this:",
    "sign up for our newsletter",
    "skip to content",
    "subscribe to our newsletter",
    "your email address will not be published",
];

/// The headline and the sentences of `version`, as claims of `outlet`.
/// Page boilerplate ([`BOILERPLATE`]) is left out.
pub fn segment(version: &Version, outlet: OutletId) -> Vec<Claim> {
    let mut claims = Vec::new();
    if let Some(title) = &version.title {
        let text = collapse_whitespace(title);
        if !text.is_empty() {
            claims.push(Claim::new(outlet, text, version.title_at, None));
        }
    }
    let positions = version.positions();
    for range in sentences(&version.body) {
        let text = collapse_whitespace(&version.body[range.clone()]);
        if is_boilerplate(&text) {
            continue;
        }
        let at = positions.of(range.start);
        claims.push(Claim::new(outlet, text, at, Some(range)));
    }
    claims
}

/// Byte ranges of the sentences of `text`, trimmed of surrounding
/// whitespace. Headings, labels and list items count as sentences; pieces
/// without a single letter (page numbers, rules of slashes) do not.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for block in blocks(text) {
        let pieces = sentencex::get_sentence_boundaries("en", &text[block.clone()])
            .into_iter()
            .filter_map(|b| trim_range(text, block.start + b.start_byte..block.start + b.end_byte))
            .collect();
        let pieces = move_dangling_openers(text, pieces);
        let pieces = join_false_cuts(text, pieces);
        let pieces = cut_missed_boundaries(text, pieces);
        let pieces = cut_inline_lists(text, pieces);
        out.extend(
            pieces
                .into_iter()
                .filter(|r| text[r.clone()].chars().any(char::is_alphabetic)),
        );
    }
    out
}

/// True when `sentence` is page furniture rather than part of the story.
pub fn is_boilerplate(sentence: &str) -> bool {
    let lower = collapse_whitespace(sentence).to_lowercase();
    BOILERPLATE.iter().any(|pattern| {
        lower
            .strip_prefix(pattern)
            .is_some_and(|rest| !rest.chars().any(char::is_alphanumeric))
    })
}

/// Runs of whitespace become one space.
pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn trim_range(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.start + slice.trim_end().len();
    (start < end).then_some(start..end)
}

// ---------------------------------------------------------------------------
// Pass 1: blocks

/// Byte ranges of the lines of `text`, without their line terminator. A
/// carriage return alone also ends a line; `\r\n` is one terminator.
fn lines(text: &str) -> Vec<Range<usize>> {
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
fn blocks(text: &str) -> Vec<Range<usize>> {
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
fn is_hard_wrapped<'a>(lines: impl Iterator<Item = &'a str>) -> bool {
    let (mut long, mut open) = (0, 0);
    for line in lines {
        if line.chars().count() >= SOFT_WRAP_MIN_CHARS && !looks_like_heading(line) {
            long += 1;
            open += usize::from(!ends_with_terminal(line));
        }
    }
    long > 0 && open as f64 > HARD_WRAPPED_SHARE * long as f64
}

/// Whether the sentence of `block` (its last line, really) runs on into
/// `next`, the following non-blank line; `wrapped` tells whether the text
/// is hard-wrapped (see [`is_hard_wrapped`]).
fn line_continues(block: &str, next: &str, wrapped: bool) -> bool {
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
fn last_fragment(line: &str) -> &str {
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
fn words_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> + Clone {
    text.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

/// True when `line`, stripped of closing quotes and brackets, ends with a
/// sentence terminator.
fn ends_with_terminal(line: &str) -> bool {
    line.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»'])
        .ends_with(['.', '!', '?', '…'])
}

/// True when most words of `line` are capitalised, as in a headline.
fn looks_like_heading(line: &str) -> bool {
    let mut words = 0;
    let mut capitalised = 0;
    for word in line.split_whitespace() {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        let Some(first) = word.chars().next() else {
            continue;
        };
        if HEADING_MINOR_WORDS
            .binary_search(&word.to_lowercase().as_str())
            .is_ok()
        {
            continue;
        }
        words += 1;
        if first.is_uppercase() || first.is_numeric() {
            capitalised += 1;
        }
    }
    words > 0 && capitalised as f64 >= HEADING_CAPITALISED_SHARE * words as f64
}

/// Byte length of the list marker that opens `line` and the whitespace after
/// it: a bullet ("• ", "- ", "⁃"), a number or letter with a full stop or
/// bracket ("1. ", "10) ", "a. ", "2.) ", "(b) "), or a bullet and a number
/// ("• 9. "). `None` when `line` does not open with one.
fn list_marker_len(line: &str) -> Option<usize> {
    let mut rest = line;
    if let Some(after) = rest.strip_prefix(BULLETS) {
        let spaced = after.starts_with(char::is_whitespace);
        // A hyphen or dash glued to a word is not a bullet ("-5 degrees").
        let glued_ok = after.starts_with(|c: char| c.is_ascii_digit())
            && !line.starts_with(['-', '–', '—', '*']);
        if !spaced && !glued_ok {
            return None;
        }
        rest = after.trim_start();
        return Some(line.len() - rest.len() + numbered_marker_len(rest).unwrap_or(0));
    }
    numbered_marker_len(rest)
}

/// Length of a numbered or lettered marker at the start of `text`, with the
/// whitespace after it.
fn numbered_marker_len(text: &str) -> Option<usize> {
    let (_, len) = numbered_marker(text)?;
    Some(len)
}

/// The ordinal of a numbered or lettered marker at the start of `text`
/// (`1.` is 1, `b)` is 2), with the marker's length including trailing
/// whitespace. A letter counts only in lower case or before a bracket, so
/// that initials ("J. R. R. Tolkien") are not list markers.
fn numbered_marker(text: &str) -> Option<(Ordinal, usize)> {
    let open = usize::from(text.starts_with('('));
    let body = &text[open..];
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let (ordinal, used) = if (1..=3).contains(&digits) {
        (Ordinal::Number(body[..digits].parse().ok()?), digits)
    } else if let Some((value, len)) = roman_numeral(body) {
        (Ordinal::Roman(value), len)
    } else {
        let c = body.chars().next()?;
        if !c.is_ascii_alphabetic() || body[1..].starts_with(|c: char| c.is_alphanumeric()) {
            return None;
        }
        (Ordinal::Letter(c), 1)
    };
    let after = &body[used..];
    let punct = if after.starts_with(".)") {
        2
    } else if after.starts_with(['.', ')']) {
        1
    } else {
        return None;
    };
    if let Ordinal::Letter(c) = ordinal
        && c.is_ascii_uppercase()
        && !after.starts_with(')')
    {
        return None;
    }
    if open == 1 && !after.starts_with(')') {
        return None;
    }
    let rest = &after[punct..];
    if !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let spaces = rest.len() - rest.trim_start().len();
    Some((ordinal, open + used + punct + spaces))
}

/// The value and length of a lower-case Roman numeral of two or more
/// letters at the start of `text` ("ii", "iv", "xii"); single letters are
/// read as letters.
fn roman_numeral(text: &str) -> Option<(u32, usize)> {
    let len = text.bytes().take_while(|b| b"ivxlc".contains(b)).count();
    if !(2..=6).contains(&len) {
        return None;
    }
    let numeral = &text[..len];
    let value = (1..=100).find(|&n| to_roman(n) == numeral)?;
    Some((value, len))
}

/// `n` in lower-case Roman numerals.
fn to_roman(mut n: u32) -> String {
    const STEPS: [(u32, &str); 9] = [
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (value, letters) in STEPS {
        while n >= value {
            out.push_str(letters);
            n -= value;
        }
    }
    out
}

/// The position of a numbered, lettered or Roman-numbered list item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ordinal {
    Number(u32),
    Letter(char),
    Roman(u32),
}

impl Ordinal {
    /// The first ordinal of the same kind: 1, a or A.
    fn first(self) -> Ordinal {
        match self {
            Ordinal::Number(_) => Ordinal::Number(1),
            Ordinal::Letter(c) if c.is_ascii_uppercase() => Ordinal::Letter('A'),
            Ordinal::Letter(_) => Ordinal::Letter('a'),
            Ordinal::Roman(_) => Ordinal::Roman(1),
        }
    }

    /// Whether `other` is the next item after `self`. A single "i", "v" or
    /// "x" reads as a letter but may also be a Roman numeral.
    fn is_followed_by(self, other: Ordinal) -> bool {
        let as_roman = |o: Ordinal| match o {
            Ordinal::Roman(n) => Some(n),
            Ordinal::Letter('i') => Some(1),
            Ordinal::Letter('v') => Some(5),
            Ordinal::Letter('x') => Some(10),
            _ => None,
        };
        if let (Some(a), Some(b)) = (as_roman(self), as_roman(other))
            && b == a + 1
        {
            return true;
        }
        self.next() == Some(other)
    }

    fn next(self) -> Option<Ordinal> {
        match self {
            Ordinal::Number(n) => Some(Ordinal::Number(n + 1)),
            Ordinal::Letter(c) if c != 'z' && c != 'Z' => {
                Some(Ordinal::Letter(char::from(c as u8 + 1)))
            }
            Ordinal::Letter(_) => None,
            Ordinal::Roman(n) => Some(Ordinal::Roman(n + 1)),
        }
    }
}

// ---------------------------------------------------------------------------
// Pass 3: repairs

/// The last whitespace-separated word of `text`.
fn last_word(text: &str) -> Option<&str> {
    text.split_whitespace().next_back()
}

/// True for "Gen.", "Mr." and other titles that stand before a name.
fn is_title_abbreviation(word: &str) -> bool {
    let Some(stem) = word.strip_suffix('.') else {
        return false;
    };
    let stem = stem.trim_start_matches(|c: char| !c.is_alphanumeric());
    // "then-Gov.", "ex-Sen.": the title is the part after the hyphen.
    let stem = stem.rsplit('-').next().unwrap_or(stem);
    TITLE_ABBREVIATIONS
        .binary_search(&stem.to_lowercase().as_str())
        .is_ok()
}

/// True for "Nov." and "post-Sept.": an abbreviated month with its full
/// stop, after any hyphenated prefix.
fn is_month_abbreviation(word: &str) -> bool {
    let Some(stem) = word.strip_suffix('.') else {
        return false;
    };
    let stem = stem.rsplit('-').next().unwrap_or(stem);
    MONTH_ABBREVIATIONS
        .binary_search(&stem.to_lowercase().as_str())
        .is_ok()
}

/// True for initials written together, "J.D." or "J.R.R.": two or three
/// single capital letters, each with its full stop, other than the times
/// "A.M." and "P.M.".
fn is_run_together_initials(word: &str) -> bool {
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    // "A.M." and "P.M." look like initials but are times, which end
    // sentences as often as any other word.
    if word.eq_ignore_ascii_case("a.m.") || word.eq_ignore_ascii_case("p.m.") {
        return false;
    }
    let letters: Vec<&str> = word.split_terminator('.').collect();
    word.ends_with('.')
        && (2..=3).contains(&letters.len())
        && letters
            .iter()
            .all(|l| l.chars().count() == 1 && l.chars().all(char::is_uppercase))
}

/// True when `piece` is nothing but a list marker ("1.", "a)", "Q.", "•").
fn is_bare_marker(piece: &str) -> bool {
    // The longest marker, "(xii)" or "• 10.", is well under this.
    const LONGEST_MARKER: usize = 12;
    let piece = piece.trim();
    if piece.len() > LONGEST_MARKER {
        return false;
    }
    if piece.chars().count() == 1 && piece.starts_with(BULLETS) {
        return true;
    }
    let with_space = format!("{piece} ");
    numbered_marker(&with_space).is_some_and(|(_, len)| len == with_space.len())
        || (piece.len() == 2
            && piece.ends_with('.')
            && piece.starts_with(|c: char| c.is_ascii_uppercase()))
}

/// Gives an opening quotation mark that sentencex left at the end of a piece
/// ("... on Twitter. “") to the piece it opens.
fn move_dangling_openers(text: &str, mut pieces: Vec<Range<usize>>) -> Vec<Range<usize>> {
    for i in 1..pieces.len() {
        let previous = &text[pieces[i - 1].clone()];
        let Some(quote) = previous.chars().next_back() else {
            continue;
        };
        let body = &previous[..previous.len() - quote.len_utf8()];
        let opening = matches!(quote, '“' | '‘')
            || (matches!(quote, '"' | '\'') && body.ends_with(char::is_whitespace));
        if !opening || body.trim().is_empty() {
            continue;
        }
        let quote_at = pieces[i - 1].end - quote.len_utf8();
        pieces[i].start = quote_at;
        pieces[i - 1].end = pieces[i - 1].start + body.trim_end().len();
    }
    pieces
}

/// Joins neighbouring pieces that sentencex cut apart but that belong to one
/// sentence.
fn join_false_cuts(text: &str, pieces: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        if let Some(previous) = out.last_mut()
            && belong_together(
                &text[previous.clone()],
                &text[previous.end..piece.start],
                &text[piece.clone()],
            )
        {
            previous.end = piece.end;
            continue;
        }
        out.push(piece);
    }
    out
}

/// Whether `next` continues the sentence of `previous`; `gap` is the text
/// between them.
fn belong_together(previous: &str, gap: &str, next: &str) -> bool {
    // A cut with no space is inside a word or address: "Yahoo!", "Y!J.",
    // "www.example.Com".
    if gap.is_empty() && !previous.ends_with(['"', '”', '\'', '’', ')']) {
        return true;
    }
    if is_bare_marker(previous) {
        return true;
    }
    if last_word(previous).is_some_and(is_title_abbreviation) {
        return true;
    }
    // "Leave me alone! he yelled." and "-- voila! -- you have cake."
    let opening = next.trim_start_matches(|c: char| c.is_whitespace() || "-–—,;:".contains(c));
    if opening.starts_with(char::is_lowercase) && list_marker_len(next).is_none() {
        return true;
    }
    // "Nov. 21", "post-Sept. 11": an abbreviated month before a day number.
    if last_word(previous).is_some_and(is_month_abbreviation)
        && next.trim_start().starts_with(|c: char| c.is_ascii_digit())
    {
        return true;
    }
    // "J.D. Edwards", "J.R. Smith": run-together initials before a
    // capitalised name that is not a word opening a sentence. "U.S." is
    // such a run too, and sentencex already keeps it whole; where it does
    // end a sentence ("in the U.S. The talks") the next word opens one.
    if last_word(previous).is_some_and(is_run_together_initials) {
        let first = next
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        if first.starts_with(char::is_uppercase) && SENTENCE_STARTERS.binary_search(&first).is_err()
        {
            return true;
        }
    }
    if previous.ends_with("a.m.") || previous.ends_with("p.m.") {
        let first = next
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        if TIME_FOLLOWERS.binary_search(&first).is_ok() {
            return true;
        }
    }
    false
}

/// Follows quotation marks and brackets through a sentence, so that
/// boundaries inside a quotation or a parenthesis can be told from
/// boundaries outside. A straight quote closes when it follows text and
/// precedes a space, punctuation or the end, and opens otherwise; a single
/// quote inside a word ("they'll") is an apostrophe and does neither.
struct QuoteTracker<'a> {
    text: &'a str,
    /// Bytes of `text` read so far.
    read: usize,
    before: Option<char>,
    double: usize,
    single: usize,
    brackets: usize,
}

impl<'a> QuoteTracker<'a> {
    fn new(text: &'a str) -> Self {
        QuoteTracker {
            text,
            read: 0,
            before: None,
            double: 0,
            single: 0,
            brackets: 0,
        }
    }

    /// Whether a quotation or bracket is open after the first `end` bytes;
    /// `end` must not decrease from one call to the next.
    fn open_at(&mut self, end: usize) -> bool {
        let mut chars = self.text[self.read..end].chars().peekable();
        while let Some(c) = chars.next() {
            let after = chars
                .peek()
                .copied()
                .or_else(|| self.text[end..].chars().next());
            let before = self.before;
            let word_after = after.is_some_and(char::is_alphanumeric);
            let word_before = before.is_some_and(|b| !b.is_whitespace());
            // Closing: glued to the text before and followed by a space,
            // punctuation or the end.
            let closes =
                word_before && after.is_none_or(|a| a.is_whitespace() || ",.;:!?)]".contains(a));
            match c {
                '“' => self.double += 1,
                '”' => self.double = self.double.saturating_sub(1),
                '"' if closes => self.double = self.double.saturating_sub(1),
                '"' => self.double += 1,
                '‘' => self.single += 1,
                '\'' | '’' if closes => self.single = self.single.saturating_sub(1),
                '\'' if !word_before && word_after => self.single += 1,
                '(' | '[' => self.brackets += 1,
                ')' | ']' => self.brackets = self.brackets.saturating_sub(1),
                _ => {}
            }
            self.before = Some(c);
        }
        self.read = end;
        self.double > 0 || self.single > 0 || self.brackets > 0
    }
}

/// Cuts pieces at boundaries sentencex did not see: a full stop that ends
/// an abbreviation and also the sentence ("in the U.S. The talks"), a
/// sentence glued to the next ("world.Today"), an ordinary full stop that
/// sentencex took to be inside a quotation, a quotation broken off with a
/// dash, and a footnote number after the full stop ("consultation.11
/// Take"). Never inside an open quotation or bracket.
fn cut_missed_boundaries(text: &str, pieces: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(pieces.len());
    for piece in pieces {
        let mut start = piece.start;
        for cut in missed_boundaries(&text[piece.clone()]) {
            out.push(start..piece.start + cut.0);
            start = piece.start + cut.1;
        }
        out.push(start..piece.end);
    }
    out
}

/// Offsets in `sentence` where one sentence ends and, after whitespace, the
/// next begins.
fn missed_boundaries(sentence: &str) -> Vec<(usize, usize)> {
    let mut cuts = Vec::new();
    let mut words = words_with_offsets(sentence).peekable();
    let mut quotes = QuoteTracker::new(sentence);
    while let Some((at, word)) = words.next() {
        for dot in glued_boundaries(word) {
            if !quotes.open_at(at + dot) {
                cuts.push((at + dot, at + dot));
            }
        }
        let Some(&(next_at, next)) = words.peek() else {
            break;
        };
        let next_word = next.trim_end_matches(|c: char| !c.is_alphanumeric());
        let starter = SENTENCE_STARTERS.binary_search(&next_word).is_ok();
        // "in the U.S. The talks", "How about you? I live": sentencex
        // sometimes lets these through. Not inside a quotation, where a
        // speaker's several sentences stay together, nor in brackets.
        let ends = ends_abbreviation_that_may_end_sentence(word) || word.ends_with(['?', '!']);
        let mut quoted = || quotes.open_at(at + word.len());
        if starter && ends && !quoted() {
            cuts.push((at + word.len(), next_at));
            continue;
        }
        // An ordinary word and a full stop, then a capital: sentencex
        // leaves these uncut when it pairs quotation marks across sentences
        // ("business" ... safe. “The federal ...").
        let ends = ends_plain_sentence(word) || ends_interrupted_quote(word);
        if ends && opens_sentence(next) && !quoted() {
            cuts.push((at + word.len(), next_at));
            continue;
        }
        if let Some(end) = footnote_end(word)
            && !quoted()
        {
            // Further footnote numbers may follow: "consultation.11 12 Take".
            let mut end_at = at + end;
            let mut lookahead = words.clone();
            while let Some(&(n_at, n)) = lookahead.peek() {
                if !is_footnote_number(n) {
                    break;
                }
                end_at = n_at + n.len();
                lookahead.next();
            }
            if let Some(&(n_at, n)) = lookahead.peek()
                && n.starts_with(char::is_uppercase)
            {
                cuts.push((end_at, n_at));
                words = lookahead;
            }
        }
    }
    cuts
}

/// Lower-case abbreviations that a capitalised word often follows in
/// mid-sentence ("Ohio vs. Michigan", "Smith et al. Nature"). Sorted.
const LOWERCASE_ABBREVIATIONS: &[&str] = &[
    "al", "approx", "ca", "cf", "etc", "fig", "incl", "pp", "vol", "vs",
];

/// True for an ordinary lower-case word ending with a full stop, perhaps
/// inside closing quotes or brackets: "safe.", "business.”", "(twice.)";
/// and for any word but a title whose full stop closes a quotation: `Day."`.
fn ends_plain_sentence(word: &str) -> bool {
    let unquoted = word.trim_end_matches(['"', '\'', '”', '’']);
    let closes_quote = unquoted.len() < word.len();
    let bare = unquoted.trim_end_matches([')', ']']);
    let Some(stem) = bare.strip_suffix('.') else {
        return false;
    };
    let stem = stem.trim_start_matches(|c: char| !c.is_alphanumeric());
    if closes_quote && stem.chars().count() >= 2 {
        return !is_title_abbreviation(bare);
    }
    stem.chars().count() >= 2
        && stem.chars().all(char::is_lowercase)
        && LOWERCASE_ABBREVIATIONS.binary_search(&stem).is_err()
}

/// True for a quotation broken off with a dash: `to--"`, `we will—”`.
fn ends_interrupted_quote(word: &str) -> bool {
    let inner = word.trim_end_matches(['"', '\'', '”', '’']);
    inner.len() < word.len() && inner.ends_with(['-', '—', '–'])
}

/// True when `word` can open a sentence: a capital, perhaps after an
/// opening quotation mark or bracket.
fn opens_sentence(word: &str) -> bool {
    word.trim_start_matches(['"', '\'', '“', '‘', '(', '['])
        .starts_with(char::is_uppercase)
}

/// Offsets just after each full stop inside `word` that ends one sentence
/// and starts the next with no space: "world.Today", "1,000.That". Not in
/// addresses: "www.example.Com", "Jane.Doe@example.com", "Awesome.com".
fn glued_boundaries(word: &str) -> Vec<usize> {
    if word.contains(['@', '/']) || word.contains("www.") {
        return Vec::new();
    }
    let mut cuts = Vec::new();
    for (dot, _) in word.match_indices('.') {
        let before = word[..dot].chars().next_back();
        let rest = &word[dot + 1..];
        let next_word_len = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        let next_word = &rest[..next_word_len];
        let mut letters = next_word.chars();
        let capitalised = letters.next().is_some_and(char::is_uppercase)
            && letters.next().is_some_and(char::is_lowercase)
            && letters.all(char::is_lowercase);
        // "Awesome.com": the capitalised word is itself part of an address.
        let domain = rest[next_word_len..]
            .strip_prefix('.')
            .is_some_and(|tail| tail.starts_with(char::is_lowercase));
        let ends_word = before.is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
        let sentence_before = word[..dot].chars().filter(|c| c.is_alphanumeric()).count() >= 2;
        if ends_word && sentence_before && capitalised && !domain {
            cuts.push(dot + 1);
        }
    }
    cuts
}

/// True for a word ending in a full stop that may also end the sentence:
/// not a title ("Gen.") and not an initial ("E.").
fn ends_abbreviation_that_may_end_sentence(word: &str) -> bool {
    let Some(stem) = word.strip_suffix('.') else {
        return false;
    };
    let letters = stem.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && !is_title_abbreviation(word) && stem.ends_with(|c: char| c.is_alphabetic())
}

/// True for a bare footnote number such as "12".
fn is_footnote_number(word: &str) -> bool {
    (1..=3).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit())
}

/// When `word` ends a sentence with a footnote reference glued to its full
/// stop ("consultation.11", "(1987).1"), the length of the word up to and
/// including the reference.
fn footnote_end(word: &str) -> Option<usize> {
    let dot = word.rfind('.')?;
    let digits = &word[dot + 1..];
    let before = word[..dot].chars().next_back()?;
    (is_footnote_number(digits) && (before.is_lowercase() || before == ')')).then_some(word.len())
}

/// Cuts list items that share a line: a piece opening with marker "1." is
/// cut before "2.", then "3.", and so on ("1. The first item 2. The second
/// item"), and before any bullet glyph preceded by a space.
fn cut_inline_lists(text: &str, pieces: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut queue: std::collections::VecDeque<Range<usize>> = pieces.into();
    let mut out = Vec::with_capacity(queue.len());
    while let Some(piece) = queue.pop_front() {
        let slice = &text[piece.clone()];
        let cut = inline_list_cut(slice);
        match cut {
            Some(cut) if cut < slice.len() => {
                if let Some(head) = trim_range(text, piece.start..piece.start + cut) {
                    out.push(head);
                }
                queue.push_front(piece.start + cut..piece.end);
            }
            // The next marker ends the piece ("The first item 2."): it opens
            // the next piece.
            Some(_) => {
                let marker_at = piece.start + slice.len() - last_word(slice).map_or(0, str::len);
                if let Some(head) = trim_range(text, piece.start..marker_at) {
                    out.push(head);
                }
                match queue.front_mut() {
                    Some(next) => next.start = marker_at,
                    None => out.push(marker_at..piece.end),
                }
            }
            None => out.push(piece),
        }
    }
    out
}

/// Where the next list item starts inside `piece`, when `piece` opens with
/// a list marker; `piece.len()` when the next marker is the piece's last
/// word.
fn inline_list_cut(piece: &str) -> Option<usize> {
    let marker_len = list_marker_len(piece)?;
    let body = &piece[marker_len..];
    // The ordinal and punctuation ("." or ")" or ".)") of the opening
    // marker, when it is numbered or lettered rather than a bare bullet.
    let opening = piece.trim_start_matches(BULLETS).trim_start();
    let numbered = numbered_marker(opening).and_then(|(ordinal, len)| {
        let punct = opening[..len].trim_end();
        Some((ordinal, &punct[punct.find(['.', ')'])?..]))
    });
    for (i, c) in body.char_indices() {
        if !c.is_whitespace() {
            continue;
        }
        let at = i + c.len_utf8();
        let rest = &body[at..];
        if rest.starts_with(INLINE_BULLETS) {
            return Some(marker_len + at);
        }
        let Some((ordinal, style)) = numbered else {
            continue;
        };
        let Some((found, len)) = numbered_marker(rest) else {
            continue;
        };
        // `piece` is trimmed, so a marker that ends it ends `rest` too.
        let end_of_piece = len == rest.len();
        // A second list may start right after the first: "2. Two 1. One".
        let restart =
            found == found.first() && (end_of_piece || rest[len..].starts_with(char::is_uppercase));
        if (ordinal.is_followed_by(found) || restart) && rest[..len].trim_end().ends_with(style) {
            return Some(if end_of_piece {
                piece.len()
            } else {
                marker_len + at
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Layout, Position};

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    /// Ranges are in order, do not overlap, sit on character boundaries and
    /// are trimmed, whatever the input: a small deterministic fuzz over
    /// fragments that exercise every rule.
    #[test]
    fn ranges_are_ordered_trimmed_and_on_char_boundaries() {
        const FRAGMENTS: &[&str] = &[
            "U.S.",
            " ",
            "\n",
            "\n\n",
            "\r",
            "1.",
            "2.)",
            "a)",
            "•",
            "-",
            "\"",
            "“",
            "”",
            "'",
            "’",
            "The",
            "he",
            "é",
            "\u{a0}",
            "?",
            "!",
            "...",
            ". . .",
            "p.m.",
            "Tuesday",
            "(",
            ")",
            "--",
            "word.11",
            "Gen.",
            "J.",
            "12",
            ",",
            "Leave a Reply",
            "—",
            "ǃ",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..2000 {
            let mut text = String::new();
            for _ in 0..24 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(FRAGMENTS[(seed % FRAGMENTS.len() as u64) as usize]);
            }
            let ranges = sentences(&text);
            let mut end = 0;
            for range in ranges {
                assert!(range.start >= end && range.start < range.end, "{text:?}");
                let piece = &text[range.clone()];
                assert_eq!(piece, piece.trim(), "{text:?}");
                end = range.end;
            }
        }
    }

    #[test]
    fn lexicons_are_sorted_and_unique() {
        for list in [
            HEADING_MINOR_WORDS,
            TITLE_ABBREVIATIONS,
            MONTH_ABBREVIATIONS,
            SENTENCE_STARTERS,
            TIME_FOLLOWERS,
            BOILERPLATE,
            LOWERCASE_ABBREVIATIONS,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    #[test]
    fn abbreviations_and_titles_do_not_end_sentences() {
        assert_eq!(
            split(
                "Gen. Padrino met Mr. Smith on Nov. 21 at 3 p.m. in the U.S. capital. They talked."
            ),
            [
                "Gen. Padrino met Mr. Smith on Nov. 21 at 3 p.m. in the U.S. capital.",
                "They talked."
            ]
        );
        assert_eq!(
            split("The deadline is Jan. 5. Talks resume later."),
            ["The deadline is Jan. 5.", "Talks resume later."]
        );
    }

    #[test]
    fn an_abbreviation_can_end_a_sentence() {
        assert_eq!(
            split("Troops arrived in the U.S. The talks failed."),
            ["Troops arrived in the U.S.", "The talks failed."]
        );
        assert_eq!(
            split("She works for the U.S. Government in Virginia."),
            ["She works for the U.S. Government in Virginia."]
        );
    }

    #[test]
    fn question_then_sentence_starter_is_a_boundary_outside_quotes() {
        assert_eq!(
            split("I live in the E.U. How about you? I live in the U.S. How about you?"),
            [
                "I live in the E.U.",
                "How about you?",
                "I live in the U.S.",
                "How about you?"
            ]
        );
        assert_eq!(
            split("'Stop!' he said, 'or I shall fall! How brave they'll think me!' She went."),
            [
                "'Stop!' he said, 'or I shall fall! How brave they'll think me!'",
                "She went."
            ]
        );
    }

    #[test]
    fn mismatched_quotation_marks_do_not_glue_sentences() {
        assert_eq!(
            split(
                "Becerra said \"it is the government's business\" to keep people safe. “The government has spent trillions,” he said."
            ),
            [
                "Becerra said \"it is the government's business\" to keep people safe.",
                "“The government has spent trillions,” he said."
            ]
        );
        assert_eq!(
            split(
                "They started “Operation Allies Refuge\" to evacuate helpers. President Biden called it a milestone."
            ),
            [
                "They started “Operation Allies Refuge\" to evacuate helpers.",
                "President Biden called it a milestone."
            ]
        );
    }

    #[test]
    fn a_quotation_broken_off_with_a_dash_ends_the_sentence() {
        assert_eq!(
            split("He began, \"We are doing our best, to--\" At this moment, Five called out."),
            [
                "He began, \"We are doing our best, to--\"",
                "At this moment, Five called out."
            ]
        );
    }

    #[test]
    fn sentences_glued_without_a_space_are_cut() {
        assert_eq!(
            split("Hello world.Today is Tuesday.Mr. Smith bought 1,000.That is a lot."),
            [
                "Hello world.",
                "Today is Tuesday.",
                "Mr. Smith bought 1,000.",
                "That is a lot."
            ]
        );
        assert_eq!(
            split("See www.testurl.Awesome.com or Jane.Doe@example.com for it."),
            ["See www.testurl.Awesome.com or Jane.Doe@example.com for it."]
        );
    }

    #[test]
    fn an_opening_quote_goes_with_the_sentence_it_opens() {
        assert_eq!(
            split("The board said so on Twitter. “We are working on it,” it said."),
            [
                "The board said so on Twitter.",
                "“We are working on it,” it said."
            ]
        );
        assert_eq!(
            split("He said on CNN's \"New Day.\" \"So it is our business.\""),
            [
                "He said on CNN's \"New Day.\"",
                "\"So it is our business.\""
            ]
        );
    }

    #[test]
    fn footnote_references_end_the_sentence() {
        assert_eq!(
            split("It widens the gap in a consultation.11 12 Take the common cold."),
            [
                "It widens the gap in a consultation.11 12",
                "Take the common cold."
            ]
        );
    }

    #[test]
    fn time_of_day_runs_into_the_day() {
        assert_eq!(
            split("They met at 3 p.m. Tuesday in Caracas. It ended."),
            ["They met at 3 p.m. Tuesday in Caracas.", "It ended."]
        );
    }

    #[test]
    fn run_together_initials_titles_after_a_hyphen_and_abbreviated_months_do_not_end_sentences() {
        assert_eq!(
            split("Shareholders get 0.86 of a share for each share of J.D. Edwards. It closed."),
            [
                "Shareholders get 0.86 of a share for each share of J.D. Edwards.",
                "It closed."
            ]
        );
        assert_eq!(
            split("The boycott led then-Gov. Walter J. Hickel to act in 1992. It worked."),
            [
                "The boycott led then-Gov. Walter J. Hickel to act in 1992.",
                "It worked."
            ]
        );
        assert_eq!(
            split("Polls are open from 7 a.m. to 7 p.m. Sept. 8 and Sept. 9. Lines were long."),
            [
                "Polls are open from 7 a.m. to 7 p.m. Sept. 8 and Sept. 9.",
                "Lines were long."
            ]
        );
        assert_eq!(
            split("Talks were held in the U.S. The deal was signed."),
            ["Talks were held in the U.S.", "The deal was signed."]
        );
        assert_eq!(
            split("He called it a post-Sept. 11 operation. Police Lieut. Ahmed Ali agreed."),
            [
                "He called it a post-Sept. 11 operation.",
                "Police Lieut. Ahmed Ali agreed."
            ]
        );
        assert_eq!(
            split("The polls closed at 8 P.M. Officials began counting at once."),
            [
                "The polls closed at 8 P.M.",
                "Officials began counting at once."
            ]
        );
    }

    #[test]
    fn initials_stay_with_the_name() {
        assert_eq!(
            split("J. R. R. Tolkien wrote it. Albert I. Jones read it."),
            ["J. R. R. Tolkien wrote it.", "Albert I. Jones read it."]
        );
    }

    #[test]
    fn decimals_and_thousands_separators_are_not_boundaries() {
        assert_eq!(
            split("It cost $1,200.50 and 15,000 troops. Growth was 2.5 percent."),
            [
                "It cost $1,200.50 and 15,000 troops.",
                "Growth was 2.5 percent."
            ]
        );
    }

    #[test]
    fn closing_quote_stays_with_its_sentence() {
        assert_eq!(
            split("He said \"no.\" Then he left. She said “yes.” They agreed."),
            [
                "He said \"no.\"",
                "Then he left.",
                "She said “yes.”",
                "They agreed."
            ]
        );
    }

    #[test]
    fn ellipses_question_and_exclamation_marks() {
        assert_eq!(
            split("Wait... what happened? Nobody knew! Then . . . silence."),
            [
                "Wait... what happened?",
                "Nobody knew!",
                "Then . . . silence."
            ]
        );
        assert_eq!(
            split("Leave me alone! he yelled. Is it over?! Yes."),
            ["Leave me alone! he yelled.", "Is it over?!", "Yes."]
        );
    }

    #[test]
    fn parentheses_keep_their_full_stops() {
        assert_eq!(
            split("The bill (it passed in the U.S. The Senate agreed.) became law. It was signed."),
            [
                "The bill (it passed in the U.S. The Senate agreed.) became law.",
                "It was signed."
            ]
        );
        assert_eq!(
            split("He taught science (he worked 5 years as an engineer.) at a college. It closed."),
            [
                "He taught science (he worked 5 years as an engineer.) at a college.",
                "It closed."
            ]
        );
    }

    #[test]
    fn list_items_are_each_a_claim() {
        assert_eq!(
            split("The demands:\n- safe passage\n- an end to sanctions\n• amnesty"),
            [
                "The demands:",
                "- safe passage",
                "- an end to sanctions",
                "• amnesty"
            ]
        );
        assert_eq!(
            split("1. Troops arrive.\n2. Talks start\n3) A deal is signed."),
            [
                "1. Troops arrive.",
                "2. Talks start",
                "3) A deal is signed."
            ]
        );
        assert_eq!(
            split("1. The first item 2. The second item 3. The third"),
            ["1. The first item", "2. The second item", "3. The third"]
        );
        assert_eq!(
            split("a) here it is b) another"),
            ["a) here it is", "b) another"]
        );
        assert_eq!(
            split("1) One 2) Two 1) Again."),
            ["1) One", "2) Two", "1) Again."]
        );
        assert_eq!(
            split("i. The first item ii. The second item iii. The third"),
            ["i. The first item", "ii. The second item", "iii. The third"]
        );
    }

    #[test]
    fn subheading_without_full_stop_is_its_own_claim() {
        let text = "The rally took place on Monday.\n\nMaduro: Venezuela Wants Peace “With Sovereignty and Freedom”\n\nSpeaking to the crowd, Maduro insisted on peace.";
        assert_eq!(
            split(text),
            [
                "The rally took place on Monday.",
                "Maduro: Venezuela Wants Peace “With Sovereignty and Freedom”",
                "Speaking to the crowd, Maduro insisted on peace."
            ]
        );
        assert_eq!(
            split(
                "Residents near the border express concern over a conflict\nReporting from the border, Bo noted worries.\nMaduro said he was fine."
            ),
            [
                "Residents near the border express concern over a conflict",
                "Reporting from the border, Bo noted worries.",
                "Maduro said he was fine."
            ]
        );
        assert_eq!(
            split("Caracas Accuses the US of Psychological Pressure\nMaduro accused Washington."),
            [
                "Caracas Accuses the US of Psychological Pressure",
                "Maduro accused Washington."
            ]
        );
    }

    #[test]
    fn paragraph_breaks_always_end_a_sentence() {
        assert_eq!(
            split("Officials said the U.S.\n\nMillions watched\n\nthe speech."),
            ["Officials said the U.S.", "Millions watched", "the speech."]
        );
    }

    #[test]
    fn wrapped_prose_lines_are_joined() {
        let text = "You have the best chance of a good outcome if you follow\na few simple guidelines. It was a cold\nnight.";
        assert_eq!(
            split(text),
            [
                "You have the best chance of a good outcome if you follow\na few simple guidelines.",
                "It was a cold\nnight."
            ]
        );
        assert_eq!(
            split("Mark E. Smith came. a. here it is b. another c. one more\n They went home."),
            [
                "Mark E. Smith came.",
                "a. here it is",
                "b. another",
                "c. one more",
                "They went home."
            ]
        );
        let wrapped = "The United States has stationed 15,000 troops in the region and\nPresident Donald Trump said on Monday that the deployment would\ncontinue until the talks succeed. Nobody objected.";
        assert_eq!(
            split(wrapped),
            [
                &wrapped[..wrapped.find(" Nobody").unwrap()],
                "Nobody objected."
            ]
        );
        assert_eq!(
            split("features\ncontact manager\nevents, activities"),
            ["features", "contact manager", "events, activities"]
        );
    }

    #[test]
    fn pieces_without_letters_are_dropped() {
        assert_eq!(split("\n3\n\nIntroduction\n\n"), ["Introduction"]);
    }

    #[test]
    fn cuts_inside_words_are_joined() {
        assert_eq!(
            split("He works at Yahoo! and Y!J. in Sunnyvale."),
            ["He works at Yahoo! and Y!J. in Sunnyvale."]
        );
    }

    #[test]
    fn boilerplate_is_recognised() {
        assert!(is_boilerplate("Leave a Reply"));
        assert!(is_boilerplate("Your email address will not be published."));
        assert!(is_boilerplate("Required fields are marked *"));
        assert!(is_boilerplate("Leave a Reply Cancel reply"));
        assert!(!is_boilerplate(
            "Your email address will not be published in any report, the company promised."
        ));
        assert!(!is_boilerplate("Advertisement sales fell."));
    }

    #[test]
    fn claims_keep_spans_and_positions() {
        let body =
            "Maduro spoke.\n\nSubheading Here\n\nLeave a Reply\n\nTrump said “no.” Then é left.";
        let version = Version {
            outlet: "a".into(),
            source: "a.txt".into(),
            title: Some("Headline".into()),
            published: None,
            url: None,
            body: body.into(),
            title_at: Position::START,
            body_at: Position { line: 3, column: 1 },
            layout: Layout::Verbatim,
        };
        let claims = segment(&version, OutletId(0));
        let texts: Vec<&str> = claims.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Headline",
                "Maduro spoke.",
                "Subheading Here",
                "Trump said “no.”",
                "Then é left."
            ]
        );
        assert!(claims[0].headline);
        for claim in &claims[1..] {
            let span = claim.span.clone().unwrap();
            assert_eq!(&body[span], claim.text);
        }
        assert_eq!(claims[2].at, Position { line: 5, column: 1 });
        assert_eq!(
            claims[4].at,
            Position {
                line: 9,
                column: 18
            }
        );
    }
}
