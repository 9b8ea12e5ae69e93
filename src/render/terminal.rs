//! Text bound for a terminal (table output, stderr): control characters and
//! escape sequences from the input are removed, so an outlet name or an
//! article cannot clear the screen, set the window title or move the cursor.

use std::borrow::Cow;

/// `text` without control characters: C0 controls other than tab and
/// newline, DEL, C1 controls, whole ANSI escape sequences (CSI `ESC [ … final`,
/// OSC `ESC ] … BEL` or `ESC \`, and two-byte `ESC x`), and the bidirectional
/// overrides and isolates that reorder what a terminal shows. Text with none
/// of these is returned as it is.
pub fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => match chars.next() {
                // CSI: parameters and intermediates up to a final byte @..~.
                Some('[') => {
                    for c in chars.by_ref() {
                        if ('@'..='~').contains(&c) {
                            break;
                        }
                    }
                }
                // OSC, DCS, SOS, PM, APC: a string up to BEL or ESC \.
                Some(']' | 'P' | 'X' | '^' | '_') => {
                    while let Some(c) = chars.next() {
                        if c == '\u{7}' {
                            break;
                        }
                        if c == '\u{1b}' {
                            chars.next_if_eq(&'\\');
                            break;
                        }
                    }
                }
                _ => {}
            },
            // The 8-bit CSI and OSC introducers.
            '\u{9b}' => {
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
            '\u{9d}' => {
                for c in chars.by_ref() {
                    if c == '\u{7}' || c == '\u{9c}' {
                        break;
                    }
                }
            }
            c if is_unsafe(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// [`clean`], and newlines and tabs as spaces too: for one line of a message.
pub fn one_line(text: &str) -> String {
    clean(text).replace(['\n', '\r', '\t'], " ")
}

fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_stripped_from_terminal_text() {
        assert_eq!(clean("Fox\u{1b}[2J\u{1b}[H News"), "Fox News");
        assert_eq!(clean("\u{1b}]0;pwned\u{7}title"), "title");
        assert_eq!(clean("\u{1b}]0;pwned\u{1b}\\title"), "title");
        assert_eq!(clean("a\u{0}b\u{8}c\u{7f}d\u{9b}31me"), "abcde");
        assert_eq!(clean("evil\u{202e}txt.exe"), "eviltxt.exe");
        assert_eq!(clean("two\nlines\tand tab"), "two\nlines\tand tab");
        assert!(matches!(clean("plain é"), Cow::Borrowed(_)));
        assert_eq!(one_line("a\nb\r\u{1b}[31mc"), "a bc");
    }
}
