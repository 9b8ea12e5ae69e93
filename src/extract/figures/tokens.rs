//! Tokens: the text cut into words, numbers and symbols, digits already read.

use compact_str::{CompactString, ToCompactString};

use crate::text::lowercase_token;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// Letters, with inner hyphens and apostrophes: "twenty-one", "Maduro's".
    Word,
    /// Digits with separators, already read: "15,000", "1.5".
    Num,
    /// Any other single character: "$", "%", "-".
    Sym,
}

/// A piece of text with its byte range.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    pub kind: TokenKind,
    pub start: usize,
    pub end: usize,
    /// Lowercased text; words and numbers are short, and kept inline.
    pub lower: CompactString,
    /// Whitespace precedes the token.
    pub space_before: bool,
    /// The value of a `Num` token.
    pub value: f64,
    /// A `Num` token written as bare digits, no separator: "2019".
    pub bare_digits: bool,
    /// A `Word` token that starts with a capital letter.
    pub upper: bool,
}

impl Token {
    pub(crate) fn is(&self, word: &str) -> bool {
        self.lower == word
    }
    pub(crate) fn attached(&self) -> bool {
        !self.space_before
    }
}

/// Vulgar fraction characters and their values.
pub(super) const VULGAR_FRACTIONS: &[(char, f64)] = &[
    ('¼', 0.25),
    ('½', 0.5),
    ('¾', 0.75),
    ('⅓', 1.0 / 3.0),
    ('⅔', 2.0 / 3.0),
    ('⅕', 0.2),
    ('⅖', 0.4),
    ('⅗', 0.6),
    ('⅘', 0.8),
    ('⅙', 1.0 / 6.0),
    ('⅚', 5.0 / 6.0),
    ('⅛', 0.125),
    ('⅜', 0.375),
    ('⅝', 0.625),
    ('⅞', 0.875),
];

/// Characters that group digits inside one number ("1,234", "1 234 567"
/// with a narrow no-break space), or separate the decimals.
pub(super) fn is_digit_separator(c: char) -> bool {
    matches!(c, ',' | '.' | '\u{202f}' | '\u{a0}' | '\u{2009}')
}

pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 4);
    let chars = crate::text::char_table(text);
    let byte_at = |k: usize| chars.get(k).map_or(text.len(), |&(b, _)| b);
    let mut k = 0;
    let mut space = true;
    while k < chars.len() {
        let (start, c) = chars[k];
        if c.is_whitespace() {
            space = true;
            k += 1;
            continue;
        }
        let leading_point =
            c == '.' && space && chars.get(k + 1).is_some_and(|&(_, d)| d.is_ascii_digit());
        if c.is_ascii_digit() || leading_point {
            // digits ([separator] digits)*, or ".25"
            let mut j = k;
            while j < chars.len() {
                let inside = chars[j].1.is_ascii_digit()
                    || is_digit_separator(chars[j].1)
                        && chars.get(j + 1).is_some_and(|&(_, d)| d.is_ascii_digit());
                if inside {
                    j += 1;
                } else {
                    break;
                }
            }
            let mut end_k = j;
            let chunk = &text[start..byte_at(j)];
            let mut exponent = 0i32;
            // 1e10, 1.3e6, -12e-1
            if let Some(&(_, e)) = chars.get(j)
                && (e == 'e' || e == 'E')
            {
                let mut m = j + 1;
                let negative = chars.get(m).is_some_and(|&(_, s)| s == '-');
                if chars.get(m).is_some_and(|&(_, s)| s == '-' || s == '+') {
                    m += 1;
                }
                let digits_from = m;
                while chars.get(m).is_some_and(|&(_, d)| d.is_ascii_digit()) {
                    m += 1;
                }
                let letter_after = chars.get(m).is_some_and(|&(_, d)| d.is_alphabetic());
                if m > digits_from && !letter_after {
                    let digits = &text[byte_at(digits_from)..byte_at(m)];
                    exponent = digits.parse::<i32>().unwrap_or(0) * if negative { -1 } else { 1 };
                    end_k = m;
                }
            }
            match read_digits(chunk) {
                Some(value) => tokens.push(Token {
                    kind: TokenKind::Num,
                    start,
                    end: byte_at(end_k),
                    lower: lowercase_token(&text[start..byte_at(end_k)]),
                    space_before: space,
                    value: value * 10f64.powi(exponent),
                    bare_digits: chunk.chars().all(|c| c.is_ascii_digit()) && exponent == 0,
                    upper: false,
                }),
                None => {
                    // Not one number ("192.168.1.2", "22,24,26"): each group alone.
                    let mut first = true;
                    let mut offset = start;
                    for part in chunk.split(is_digit_separator) {
                        let part_start = text[offset..].find(part).map_or(offset, |p| offset + p);
                        tokens.push(Token {
                            kind: TokenKind::Num,
                            start: part_start,
                            end: part_start + part.len(),
                            lower: CompactString::from(part),
                            space_before: space && first,
                            value: part.parse().unwrap_or(0.0),
                            bare_digits: true,
                            upper: false,
                        });
                        offset = part_start + part.len();
                        first = false;
                    }
                }
            }
            space = false;
            k = end_k;
            continue;
        }
        if let Some(&(_, v)) = (!c.is_ascii())
            .then(|| VULGAR_FRACTIONS.iter().find(|(f, _)| *f == c))
            .flatten()
        {
            tokens.push(Token {
                kind: TokenKind::Num,
                start,
                end: byte_at(k + 1),
                lower: c.to_compact_string(),
                space_before: space,
                value: v,
                bare_digits: false,
                upper: false,
            });
            space = false;
            k += 1;
            continue;
        }
        if c.is_alphabetic() {
            let mut j = k + 1;
            while j < chars.len() {
                let d = chars[j].1;
                let inside = d.is_alphabetic()
                    || matches!(d, '-' | '\'' | '’')
                        && chars.get(j + 1).is_some_and(|&(_, e)| e.is_alphabetic());
                if inside {
                    j += 1;
                } else {
                    break;
                }
            }
            let end = byte_at(j);
            let lower = lowercase_token(&text[start..end]);
            let word = |start: usize, end: usize, lower: CompactString, space_before: bool| Token {
                kind: TokenKind::Word,
                start,
                end,
                lower,
                space_before,
                value: 0.0,
                bare_digits: false,
                upper: text[start..].starts_with(char::is_uppercase),
            };
            match loose_number_word(&lower) {
                // "twenty-odd" is read as "20-odd": the number word, the
                // hyphen and the loose word apart
                Some(head) => {
                    let dash = start + head.len();
                    tokens.push(word(start, dash, head.into(), space));
                    tokens.push(Token {
                        kind: TokenKind::Sym,
                        start: dash,
                        end: dash + 1,
                        lower: CompactString::const_new("-"),
                        space_before: false,
                        value: 0.0,
                        bare_digits: false,
                        upper: false,
                    });
                    tokens.push(word(dash + 1, end, lower[head.len() + 1..].into(), false));
                }
                None => tokens.push(word(start, end, lower, space)),
            }
            space = false;
            k = j;
            continue;
        }
        let end = byte_at(k + 1);
        tokens.push(Token {
            kind: TokenKind::Sym,
            start,
            end,
            lower: c.to_compact_string(),
            space_before: space,
            value: 0.0,
            bare_digits: false,
            upper: false,
        });
        space = false;
        k += 1;
    }
    join_spaced_groups(text, tokens)
}

/// The number word of a word written loose after it ("twenty" of
/// "twenty-odd", "thirty" of "thirty-some"), when the word is one.
fn loose_number_word(lower: &str) -> Option<&str> {
    let (head, tail) = lower.rsplit_once('-')?;
    (lower.is_ascii() && super::loose_word(tail).is_some() && super::may_be_number_word(head))
        .then_some(head)
}

/// Join digit groups written with plain spaces, "1 000 000", into one
/// number: the first group has one to three digits, each next group exactly
/// three, one space apart. "423 0000" stays two numbers.
pub(super) fn join_spaced_groups(text: &str, tokens: Vec<Token>) -> Vec<Token> {
    // Most claims have no group of three digits after a number: nothing to
    // join, and no second vector.
    let group = |t: &Token| t.kind == TokenKind::Num && t.bare_digits && t.lower.len() == 3;
    if !tokens
        .windows(2)
        .any(|w| w[0].kind == TokenKind::Num && group(&w[1]))
    {
        return tokens;
    }
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut joined_last = false;
    for t in tokens {
        if let Some(prev) = out.last_mut()
            && t.kind == TokenKind::Num
            && t.bare_digits
            && t.lower.len() == 3
            && prev.kind == TokenKind::Num
            && (prev.bare_digits && (1..=3).contains(&prev.lower.len()) || joined_last)
            && &text[prev.end..t.start] == " "
        {
            prev.value = prev.value * 1000.0 + t.value;
            prev.end = t.end;
            prev.lower = CompactString::from(&text[prev.start..prev.end]);
            prev.bare_digits = false;
            joined_last = true;
            continue;
        }
        joined_last = false;
        out.push(t);
    }
    out
}

/// The value of a run of digits and separators, or `None` when the run is not
/// one number (then each group is read alone).
pub(super) fn read_digits(chunk: &str) -> Option<f64> {
    let groups: Vec<&str> = chunk.split(is_digit_separator).collect();
    let seps: Vec<char> = chunk.chars().filter(|&c| is_digit_separator(c)).collect();
    if seps.is_empty() {
        return chunk.parse().ok();
    }
    let join = |parts: &[&str]| parts.concat();
    let last = *groups.last()?;
    let is_group = |s: &&str| matches!(s.len(), 3);
    let grouping = |c: char| c == ',' || c == '\u{202f}' || c == '\u{a0}' || c == '\u{2009}';
    // 1,234,567 / 1 234 567 (narrow spaces), optional .decimals
    let (int_seps, decimal) = match seps.last() {
        Some('.') if seps[..seps.len() - 1].iter().all(|&c| grouping(c)) => {
            (&seps[..seps.len() - 1], Some(last))
        }
        _ => (&seps[..], None),
    };
    let int_groups = if decimal.is_some() {
        &groups[..groups.len() - 1]
    } else {
        &groups[..]
    };
    if int_seps.iter().all(|&c| grouping(c)) {
        if int_groups.len() == 1 {
            // 1.5 / 4.800
            return format!("{}.{}", int_groups[0], decimal.unwrap_or("0"))
                .parse()
                .ok();
        }
        let first_ok = (1..=3).contains(&int_groups[0].len());
        if first_ok && int_groups[1..].iter().all(is_group) {
            let digits = join(int_groups);
            return format!("{digits}.{}", decimal.unwrap_or("0")).parse().ok();
        }
        // 12,34,567: Indian grouping (pairs, then a final group of three)
        let n = int_groups.len();
        if n >= 3
            && (1..=2).contains(&int_groups[0].len())
            && int_groups[1..n - 1].iter().all(|g| g.len() == 2)
            && int_groups[n - 1].len() == 3
        {
            let digits = join(int_groups);
            return format!("{digits}.{}", decimal.unwrap_or("0")).parse().ok();
        }
        // 1,3: a decimal comma, when it cannot be a thousands group
        if int_groups.len() == 2 && seps == [','] && (1..=2).contains(&int_groups[1].len()) {
            return format!("{}.{}", int_groups[0], int_groups[1]).parse().ok();
        }
        return None;
    }
    // 1.111,11: dots group thousands, a comma before the decimals
    if seps.last() == Some(&',')
        && seps[..seps.len() - 1].iter().all(|&c| c == '.')
        && seps.len() >= 2
        && (1..=3).contains(&groups[0].len())
        && groups[1..groups.len() - 1].iter().all(is_group)
    {
        let digits = join(&groups[..groups.len() - 1]);
        return format!("{digits}.{last}").parse().ok();
    }
    // 1.234.567: two or more dots can only group thousands
    if seps.len() >= 2
        && seps.iter().all(|&c| c == '.')
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(is_group)
    {
        return join(&groups).parse().ok();
    }
    None
}
