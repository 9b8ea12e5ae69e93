//! List markers: bullets, numbers, letters and Roman numerals that open a
//! list item, at the start of a line (pass 1) or inside a piece (pass 3).

use std::ops::Range;

use super::*;

/// Characters that open a list item at the start of a line.
pub(super) const BULLETS: &[char] = &['*', '-', '·', '–', '—', '•', '‣', '⁃', '◦', '▪', '●'];

/// The bullets that open a list item anywhere after a space: those glyphs
/// that have no other use in running text (hyphens, dashes and asterisks do).
pub(super) const INLINE_BULLETS: &[char] = &['•', '‣', '⁃', '◦', '▪', '●'];

/// Byte length of the list marker that opens `line` and the whitespace after
/// it: a bullet ("• ", "- ", "⁃"), a number or letter with a full stop or
/// bracket ("1. ", "10) ", "a. ", "2.) ", "(b) "), or a bullet and a number
/// ("• 9. "). `None` when `line` does not open with one.
pub(super) fn list_marker_len(line: &str) -> Option<usize> {
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
pub(super) fn numbered_marker_len(text: &str) -> Option<usize> {
    let (_, len) = numbered_marker(text)?;
    Some(len)
}

/// The ordinal of a numbered or lettered marker at the start of `text`
/// (`1.` is 1, `b)` is 2), with the marker's length including trailing
/// whitespace. A letter counts only in lower case or before a bracket, so
/// that initials ("J. R. R. Tolkien") are not list markers.
pub(super) fn numbered_marker(text: &str) -> Option<(Ordinal, usize)> {
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
pub(super) fn roman_numeral(text: &str) -> Option<(u32, usize)> {
    let len = text.bytes().take_while(|b| b"ivxlc".contains(b)).count();
    if !(2..=6).contains(&len) {
        return None;
    }
    let value = *roman_numerals().get(&text[..len])?;
    Some((value, len))
}

/// The lower-case Roman numerals of 1 to [`ROMAN_MAX`] and their values,
/// built once: a list marker is looked up on every line, and a line of
/// Roman letters ("cd", "mix") must cost one look-up, neither a hundred
/// conversions nor a hundred comparisons.
fn roman_numerals() -> &'static rustc_hash::FxHashMap<String, u32> {
    static NUMERALS: std::sync::OnceLock<rustc_hash::FxHashMap<String, u32>> =
        std::sync::OnceLock::new();
    NUMERALS.get_or_init(|| (1..=ROMAN_MAX).map(|n| (to_roman(n), n)).collect())
}

/// The largest Roman numeral read as a list marker: lists run to tens of
/// items, and beyond 100 Roman letters are more often a word ("cd", "mix").
const ROMAN_MAX: u32 = 100;

/// `n` in lower-case Roman numerals.
pub(super) fn to_roman(mut n: u32) -> String {
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
pub(super) enum Ordinal {
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

/// True when `piece` is nothing but a list marker ("1.", "a)", "Q.", "•").
pub(super) fn is_bare_marker(piece: &str) -> bool {
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

/// Cuts list items that share a line: a piece opening with marker "1." is
/// cut before "2.", then "3.", and so on ("1. The first item 2. The second
/// item"), and before any bullet glyph preceded by a space.
pub(super) fn cut_inline_lists(text: &str, pieces: Vec<Range<usize>>) -> Vec<Range<usize>> {
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
pub(super) fn inline_list_cut(piece: &str) -> Option<usize> {
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
