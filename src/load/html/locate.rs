//! Where each piece of text the parser produced sits in the file.
//!
//! html5ever gives each piece of text the line the tokenizer had reached,
//! not its byte offset. The pieces come in page order, so one cursor walks
//! the file forwards: a piece is the next place, from the cursor to the end
//! of its line, where its text is written outside a tag or comment, or,
//! for a character reference the parser decoded, the next `&` there that
//! starts a reference. The cursor then moves past it. So every piece found
//! sits at its exact line and column, and the walk reads the file about
//! once; a piece not found (text the tree builder held back, as it does
//! for stray text in tables) leaves the cursor where it was.

use std::ops::Range;

use html5ever::data::{C1_REPLACEMENTS, NAMED_ENTITIES};

use super::tree::Piece;

/// A failed search reads at most from the cursor to the end of the piece's
/// line; on a page of one long line many failures would cost its square.
/// Failed searches may read this many times the file in all; after that a
/// search reads at most [`SEARCH_AFTER_BUDGET`] bytes past the cursor.
const FAILED_SEARCH_BUDGET: usize = 2;
const SEARCH_AFTER_BUDGET: usize = 4_096;

/// The longest name of a named character reference
/// (`CounterClockwiseContourIntegral`).
const MAX_REFERENCE_NAME: usize = 32;

/// The byte range of each piece in `text`, or `None` where it was not found.
pub fn locate(text: &str, pieces: &[Piece]) -> Vec<Option<Range<usize>>> {
    let lines = line_starts(text);
    let ampersands: Vec<usize> = text.match_indices('&').map(|(i, _)| i).collect();
    let mut cursor = 0;
    let mut budget = text.len().saturating_mul(FAILED_SEARCH_BUDGET);
    pieces
        .iter()
        .map(|piece| {
            // The line where the run ends; a reference may be reported a
            // line late when the tokenizer looked past it for its end.
            let line = piece.line.clamp(1, lines.len());
            let mut end = lines.get(line).copied().unwrap_or(text.len());
            if budget == 0 {
                end = end.min(cursor + piece.text.len() + SEARCH_AFTER_BUDGET);
            }
            let end = end.max(cursor).min(text.len());
            let found = find(text, &ampersands, cursor, end, &piece.text, piece.raw);
            match &found {
                Some(range) => cursor = range.end,
                None => budget = budget.saturating_sub(end - cursor),
            }
            found
        })
        .collect()
}

/// Byte offsets where lines start, as html5ever counts them: after `\n`,
/// and after a `\r` not followed by `\n`.
fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
            starts.push(i + 1);
        }
    }
    starts
}

/// What the scan is in: text, a tag (and the quote of an attribute value
/// it is in), or a comment.
#[derive(Clone, Copy, PartialEq)]
enum State {
    Text,
    Tag(Option<u8>),
    Comment,
}

/// The first place in `text[from..to]`, outside markup (unless the piece
/// is `raw` text, where `<` opens nothing), where `piece` is written or a
/// reference starts that decodes to it.
///
/// Linear in the bytes read: the walk steps each byte once, skips a tag or
/// comment as a whole, and searches each stretch for the piece once. The
/// tokenizer ends every run of text at a `&`, so a piece can only start
/// before the next `&` (or at it), which bounds each search; the places of
/// the `&`s (`ampersands`, in order) are looked up, not searched for.
fn find(
    text: &str,
    ampersands: &[usize],
    from: usize,
    to: usize,
    piece: &str,
    raw: bool,
) -> Option<Range<usize>> {
    let to = floor_boundary(text, to);
    let from = ceil_boundary(text, from).min(to);
    if raw {
        return text[from..to]
            .find(piece)
            .map(|p| from + p..from + p + piece.len());
    }
    let bytes = text.as_bytes();
    // A decoded reference is one or two characters.
    let may_be_reference = piece.chars().nth(2).is_none();
    let reach = if piece.starts_with('&') {
        piece.len()
    } else {
        0
    };
    let mut state = State::Text;
    let mut at = from;
    // The first place of the piece in the stretch last searched, and the
    // end of that stretch.
    let mut literal: Option<(Option<usize>, usize)> = None;
    while at < to {
        if state != State::Text {
            state = step(bytes, at, state);
            at += 1;
            continue;
        }
        let r = ampersands
            .get(ampersands.partition_point(|&a| a < at))
            .copied()
            .filter(|&r| r < to);
        let stretch_end = r.map_or(to, |r| (r + reach).min(to));
        let l = match literal {
            Some((Some(l), _)) if l >= at => Some(l),
            Some((None, until)) if until >= stretch_end => None,
            _ => {
                let start = ceil_boundary(text, at).min(stretch_end);
                let end = floor_boundary(text, stretch_end).max(start);
                let l = text[start..end].find(piece).map(|p| start + p);
                literal = Some((l, end));
                l
            }
        };
        let next = match (l, r) {
            (Some(l), Some(r)) if l < r => l,
            (Some(l), None) => l,
            (_, Some(r)) => r,
            (None, None) => return None,
        };
        // Follow the text up to the candidate; markup on the way is skipped.
        if let Some(i) = (at..next).find(|&i| step(bytes, i, State::Text) != State::Text) {
            state = step(bytes, i, State::Text);
            at = i + 1;
            continue;
        }
        if r == Some(next)
            && may_be_reference
            && let Some((end, decoded)) = reference_at(text, next)
            && decoded == piece
        {
            return Some(next..end);
        }
        if l == Some(next) {
            return Some(next..next + piece.len());
        }
        // A `&` that is not this piece.
        at = next + 1;
    }
    None
}

/// The largest char boundary of `text` at or before `at`.
fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The smallest char boundary of `text` at or after `at`.
fn ceil_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// The state after byte `i`.
fn step(bytes: &[u8], i: usize, state: State) -> State {
    let b = bytes[i];
    match state {
        State::Text if bytes[i..].starts_with(b"<!--") => State::Comment,
        State::Text
            if b == b'<'
                && bytes
                    .get(i + 1)
                    .is_some_and(|c| c.is_ascii_alphabetic() || b"/!?".contains(c)) =>
        {
            State::Tag(None)
        }
        State::Tag(None) if b == b'>' => State::Text,
        State::Tag(None) if b == b'"' || b == b'\'' => {
            // A quote opens an attribute value only after `=`.
            let before = bytes[..i].iter().rev().find(|c| !c.is_ascii_whitespace());
            if before == Some(&b'=') {
                State::Tag(Some(b))
            } else {
                state
            }
        }
        State::Tag(Some(quote)) if b == quote => State::Tag(None),
        State::Comment if b == b'>' && i >= 2 && &bytes[i - 2..i] == b"--" => State::Text,
        _ => state,
    }
}

/// The character reference that starts with the `&` at `at`, as the
/// tokenizer reads one in text: `&#NNN;`, `&#xHH;`, or the longest name of
/// the standard's list (the names the standard allows without `;` end
/// there). Its end and what it decodes to.
fn reference_at(text: &str, at: usize) -> Option<(usize, String)> {
    let rest = &text.as_bytes()[at + 1..];
    if rest.first() == Some(&b'#') {
        let hex = matches!(rest.get(1), Some(b'x' | b'X'));
        let digits_from = if hex { 2 } else { 1 };
        let digits = rest[digits_from..]
            .iter()
            .take_while(|b| {
                if hex {
                    b.is_ascii_hexdigit()
                } else {
                    b.is_ascii_digit()
                }
            })
            .count();
        if digits == 0 {
            return None;
        }
        let number = std::str::from_utf8(&rest[digits_from..digits_from + digits]).ok()?;
        let code = u32::from_str_radix(number, if hex { 16 } else { 10 }).unwrap_or(u32::MAX);
        let semicolon = usize::from(rest.get(digits_from + digits) == Some(&b';'));
        let end = at + 1 + digits_from + digits + semicolon;
        return Some((end, numeric_character(code).to_string()));
    }
    let name = rest
        .iter()
        .take(MAX_REFERENCE_NAME)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let known = |key: &[u8]| {
        std::str::from_utf8(key)
            .ok()
            .and_then(|key| NAMED_ENTITIES.get(key))
            .filter(|&&(first, _)| first != 0)
            .map(|&(first, second)| {
                [first, second]
                    .into_iter()
                    .filter(|&c| c != 0)
                    .filter_map(char::from_u32)
                    .collect::<String>()
            })
    };
    if rest.get(name) == Some(&b';')
        && let Some(decoded) = known(&rest[..=name])
    {
        return Some((at + 2 + name, decoded));
    }
    (1..=name)
        .rev()
        .find_map(|len| known(&rest[..len]).map(|decoded| (at + 1 + len, decoded)))
}

/// The character a numeric reference stands for, as the standard reads
/// it: NUL, surrogates and numbers past Unicode become U+FFFD, and the C1
/// controls the characters of Windows-1252.
fn numeric_character(code: u32) -> char {
    match code {
        0x80..=0x9f => C1_REPLACEMENTS[(code - 0x80) as usize]
            .unwrap_or_else(|| char::from_u32(code).unwrap_or('\u{fffd}')),
        0 => '\u{fffd}',
        _ => char::from_u32(code).unwrap_or('\u{fffd}'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::html::tree;

    fn located(page: &str) -> Vec<(String, Option<&str>)> {
        let parsed = tree::parse(page);
        let places = locate(page, &parsed.pieces);
        parsed
            .pieces
            .iter()
            .zip(places)
            .map(|(piece, place)| (piece.text.to_string(), place.map(|r| &page[r])))
            .collect()
    }

    #[test]
    fn text_is_found_outside_tags_and_comments() {
        let page = "<a title=\"Home\">Home</a> <!-- Home --> <b>Home</b>";
        let parsed = tree::parse(page);
        let places = locate(page, &parsed.pieces);
        let starts: Vec<usize> = places.into_iter().map(|r| r.unwrap().start).collect();
        assert_eq!(starts, [16, 42]);
    }

    #[test]
    fn references_are_found_at_their_ampersand() {
        let found = located("<p>It&rsquo;s &amp &copy2024 &#x2014;&#8217;</p>");
        let sources: Vec<Option<&str>> = found.iter().map(|(_, s)| *s).collect();
        assert_eq!(
            sources,
            [
                Some("It"),
                Some("&rsquo;"),
                Some("s"),
                Some("&amp"),
                Some("&copy"),
                Some("2"),
                Some("024 "),
                Some("&#x2014;"),
                Some("&#8217;")
            ]
        );
    }

    #[test]
    fn text_over_several_lines_is_found() {
        let found = located("<p>\n  one\n  two\r\n  three</p>");
        assert!(found.iter().all(|(_, s)| s.is_some()), "{found:?}");
    }

    #[test]
    fn a_reference_name_is_read_as_the_tokenizer_reads_it() {
        let page = "&notit; &amp;x &#12 &#xZZ; &#150;";
        let at = |i| reference_at(page, i);
        assert_eq!(at(0), Some((4, "¬".to_string())));
        assert_eq!(at(8), Some((13, "&".to_string())));
        assert_eq!(at(15), Some((19, "\u{c}".to_string())));
        assert_eq!(at(20), None);
        assert_eq!(at(27), Some((33, "–".to_string())));
    }
}
