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
use crate::model::Version;
pub use crate::model::figure::{Endpoint, Figure, FigureKind, Qualifier};

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

// ---------------------------------------------------------------------------
// Tokens.

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
    /// Lowercased text.
    pub lower: String,
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
const VULGAR_FRACTIONS: &[(char, f64)] = &[
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
fn is_digit_separator(c: char) -> bool {
    matches!(c, ',' | '.' | '\u{202f}' | '\u{a0}' | '\u{2009}')
}

pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
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
                    lower: text[start..byte_at(end_k)].to_lowercase(),
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
                            lower: part.to_string(),
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
        if let Some(&(_, v)) = VULGAR_FRACTIONS.iter().find(|(f, _)| *f == c) {
            tokens.push(Token {
                kind: TokenKind::Num,
                start,
                end: byte_at(k + 1),
                lower: c.to_string(),
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
            tokens.push(Token {
                kind: TokenKind::Word,
                start,
                end,
                lower: text[start..end].to_lowercase(),
                space_before: space,
                value: 0.0,
                bare_digits: false,
                upper: c.is_uppercase(),
            });
            space = false;
            k = j;
            continue;
        }
        let end = byte_at(k + 1);
        tokens.push(Token {
            kind: TokenKind::Sym,
            start,
            end,
            lower: c.to_string(),
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

/// Join digit groups written with plain spaces, "1 000 000", into one
/// number: the first group has one to three digits, each next group exactly
/// three, one space apart. "423 0000" stays two numbers.
fn join_spaced_groups(text: &str, tokens: Vec<Token>) -> Vec<Token> {
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
            prev.lower = text[prev.start..prev.end].to_string();
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
fn read_digits(chunk: &str) -> Option<f64> {
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

// ---------------------------------------------------------------------------
// Number words.

/// Scale words and the factor they multiply by. "dozen" and "hundred" scale
/// the number before them; the others close a group ("two hundred thousand").
const SCALE_WORDS: &[(&str, f64)] = &[
    ("bn", 1e9),
    ("billion", 1e9),
    ("billions", 1e9),
    ("crore", 1e7),
    ("crores", 1e7),
    ("doz", 12.0),
    ("dozen", 12.0),
    ("dozens", 12.0),
    ("dz", 12.0),
    ("dzs", 12.0),
    ("hundred", 100.0),
    ("hundreds", 100.0),
    ("lakh", 1e5),
    ("lakhs", 1e5),
    ("million", 1e6),
    ("millions", 1e6),
    ("mln", 1e6),
    ("mn", 1e6),
    ("thousand", 1e3),
    ("thousands", 1e3),
    ("tn", 1e12),
    ("trillion", 1e12),
    ("trillions", 1e12),
];

/// Abbreviated scales read only when written against the digits: "15k",
/// "3.2m", "$2b", "10G", "1MM". Apart, "m" is metres and "k" a letter.
const ATTACHED_SCALES: &[(&str, f64)] =
    &[("b", 1e9), ("g", 1e9), ("k", 1e3), ("m", 1e6), ("mm", 1e6)];

fn scale_of(token: &Token, after_digits: bool) -> Option<f64> {
    if token.kind != TokenKind::Word {
        return None;
    }
    if let Some(&(_, f)) = SCALE_WORDS.iter().find(|(w, _)| *w == token.lower) {
        return Some(f);
    }
    if after_digits && token.attached() {
        return ATTACHED_SCALES
            .iter()
            .find(|(w, _)| *w == token.lower)
            .map(|&(_, f)| f);
    }
    None
}

/// Number words text2num does not read as cardinals.
const EXTRA_NUMBER_WORDS: &[(&str, f64)] = &[("naught", 0.0), ("nought", 0.0), ("nil", 0.0)];

/// Words that look like numbers to text2num but read as something else here.
const NOT_NUMBER_WORDS: &[&str] = &["a", "an", "and", "o", "oh", "ones", "second", "seconds"];

/// A single number word: its value and whether it is an ordinal ("third").
/// Cardinals and ordinals are read by text2num, so spelling variants such as
/// "twenty-one" or "twenty-first" follow its English grammar.
pub(crate) fn word_number(word: &str) -> Option<(f64, bool)> {
    if let Some(&(_, v)) = EXTRA_NUMBER_WORDS.iter().find(|(w, _)| *w == word) {
        return Some((v, false));
    }
    if NOT_NUMBER_WORDS.contains(&word)
        || SCALE_WORDS.iter().any(|(w, _)| *w == word)
        || word.len() > 24
        || !word.chars().all(|c| c.is_ascii_lowercase() || c == '-')
    {
        return None;
    }
    let english = english();
    let digits = text2num::text2digits(word, english).ok()?;
    let numeric: String = digits.chars().take_while(|c| c.is_ascii_digit()).collect();
    let value: f64 = numeric.parse().ok()?;
    let ordinal = numeric.len() < digits.len();
    if ordinal && word.ends_with('s') {
        return None; // "fifths" is a denominator, read by `denominator`
    }
    Some((value, ordinal))
}

fn english() -> &'static text2num::Language {
    static ENGLISH: OnceLock<text2num::Language> = OnceLock::new();
    ENGLISH.get_or_init(text2num::Language::english)
}

/// Denominator of a fraction word: "half" 2, "thirds" 3, "quarter" 4,
/// "fifths" 5; "second" is left out (it is a unit of time).
fn denominator(word: &str) -> Option<(f64, bool)> {
    let (singular, plural) = match word.strip_suffix('s') {
        Some(s) => (s, true),
        None => (word, false),
    };
    match singular {
        "half" => return Some((2.0, false)),
        "halve" => return Some((2.0, true)),
        "quarter" => return Some((4.0, plural)),
        "second" | "first" => return None,
        "hundredth" => return Some((100.0, plural)),
        "thousandth" => return Some((1e3, plural)),
        "millionth" => return Some((1e6, plural)),
        "billionth" => return Some((1e9, plural)),
        "trillionth" => return Some((1e12, plural)),
        _ => {}
    }
    match word_number(singular) {
        Some((d, true)) if d >= 3.0 => Some((d, plural)),
        _ => None,
    }
}

/// A number read from one or more tokens.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cardinal {
    pub value: f64,
    /// Token index after the number.
    pub end: usize,
    pub ordinal: bool,
    pub fraction: bool,
    /// A scale word or suffix was applied: "1.5 million", "15k".
    pub scaled: bool,
    /// Written as bare digits without separators or scale: "2019".
    pub bare_digits: bool,
    /// The factor of the last scale applied, so that a range can carry it
    /// over: "10 to 20 billion".
    pub scale: f64,
}

/// Fraction after "and": "and a half", "and three quarters", "and a third".
fn and_fraction(tokens: &[Token], j: usize) -> Option<(f64, usize)> {
    if !tokens.get(j)?.is("and") {
        return None;
    }
    let numerator_token = tokens.get(j + 1)?;
    let numerator = if numerator_token.is("a") || numerator_token.is("an") {
        1.0
    } else {
        match word_number(&numerator_token.lower) {
            Some((n, false)) if n < 100.0 => n,
            _ => return None,
        }
    };
    let (d, _) = denominator(&tokens.get(j + 2)?.lower)?;
    Some((numerator / d, j + 3))
}

/// Read a number starting at token `i`: digits, number words, or both mixed
/// ("4 thousand 3 hundred and 21"), with scales and fractions.
pub(crate) fn cardinal_at(tokens: &[Token], i: usize) -> Option<Cardinal> {
    let first = tokens.get(i)?;
    // "a hundred", "a dozen", "half a million", "a quarter million"
    let mut j = i;
    let mut small: Option<f64> = None;
    let mut from_article = false;
    if first.kind == TokenKind::Word {
        let next_scale = |k: usize| tokens.get(k).and_then(|t| scale_of(t, false));
        if (first.is("a") || first.is("an")) && next_scale(i + 1).is_some() {
            small = Some(1.0);
            from_article = true;
            j = i + 1;
        } else if (first.is("half") || first.is("quarter"))
            && next_scale(i + 1).is_some_and(|s| s >= 1e3)
        {
            small = Some(if first.is("half") { 0.5 } else { 0.25 });
            j = i + 1;
        } else if first.is("half") && tokens.get(i + 1).is_some_and(|t| t.is("a")) {
            if next_scale(i + 2).is_some() {
                small = Some(0.5);
                j = i + 2;
            }
        } else if let Some((numerator, denominator_word)) = first.lower.split_once('-')
            && let Some((d, plural)) = denominator(denominator_word)
            && let Some(n) = if numerator == "a" || numerator == "one" {
                Some(1.0)
            } else {
                word_number(numerator).filter(|&(_, o)| !o).map(|(v, _)| v)
            }
            && (plural || n == 1.0)
        {
            // "two-thirds", "one-half", "three-quarters"
            return Some(Cardinal {
                value: n / d,
                end: i + 1,
                ordinal: false,
                fraction: true,
                scaled: false,
                bare_digits: false,
                scale: 1.0,
            });
        } else if first.is("half") && !tokens.get(i + 1).is_some_and(|t| t.is("-")) {
            return Some(Cardinal {
                value: 0.5,
                end: i + 1,
                ordinal: false,
                fraction: true,
                scaled: false,
                bare_digits: false,
                scale: 1.0,
            });
        } else if first.is("a") || first.is("an") || first.is("one") {
            // "a half", "a fifth", "one twenty-fifth"
            if let Some((d, false)) = tokens.get(i + 1).and_then(|t| denominator(&t.lower)) {
                return Some(Cardinal {
                    value: 1.0 / d,
                    end: i + 2,
                    ordinal: false,
                    fraction: true,
                    scaled: false,
                    bare_digits: false,
                    scale: 1.0,
                });
            }
        }
    }
    let mut total = 0.0;
    let mut group = 0.0;
    let mut last_big = f64::INFINITY;
    let mut good: Option<(f64, usize)> = None;
    let mut before_and: Option<(f64, usize)> = None;
    let mut prev_tens = false;
    let mut prev_value = false;
    let mut prev_scale = from_article;
    let mut saw_and = false;
    let mut scaled = from_article;
    let mut scale = 1.0;
    let mut digits_seen = false;
    let mut words_seen = from_article;
    let mut ordinal = false;
    let mut bare = first.bare_digits;
    while let Some(token) = tokens.get(j) {
        if j > i && token.kind == TokenKind::Num && !token.space_before {
            break;
        }
        let attached_scale = prev_value && digits_seen && !words_seen;
        if let Some(factor) = scale_of(token, attached_scale) {
            if factor == 12.0 && token.lower.ends_with('s') && small.is_none() && group == 0.0 {
                break; // "dozens" alone is vague, read elsewhere
            }
            if small.is_none() && !prev_scale && group == 0.0 && total == 0.0 {
                // a bare "hundred"/"thousand" reads as one of them; a bare
                // "hundreds" is vague, read elsewhere
                if j != i || token.lower.ends_with('s') {
                    break;
                }
                small = Some(1.0);
            }
            if saw_and && factor == 100.0 && group >= 100.0 {
                // "3 hundred and 2 hundred" is two numbers
                good = before_and;
                break;
            }
            let s = small.take().unwrap_or(if group == 0.0 { 1.0 } else { 0.0 });
            if factor < 1e3 {
                group += s * factor;
            } else {
                let g = group + s;
                if g == 0.0 {
                    break;
                }
                if factor >= last_big {
                    total = (total + g) * factor;
                } else {
                    total += g * factor;
                }
                group = 0.0;
                last_big = factor;
            }
            scaled = true;
            scale = factor;
            bare = false;
            prev_scale = true;
            prev_value = false;
            prev_tens = false;
            saw_and = false;
            words_seen |= token.kind == TokenKind::Word && token.lower.len() > 2;
            j += 1;
            good = Some((total + group, j));
            before_and = None;
            continue;
        }
        if let Some((frac, next)) = and_fraction(tokens, j)
            && (small.is_some() || prev_scale)
        {
            let base = total + group + small.unwrap_or(0.0);
            // "five and a half million": the fraction joins the small part
            match tokens.get(next).and_then(|t| scale_of(t, false)) {
                Some(_) if small.is_some() => {
                    small = Some(small.unwrap_or(0.0) + frac);
                    j = next;
                    prev_value = true;
                    prev_scale = false;
                    prev_tens = false;
                    continue;
                }
                Some(factor) if prev_scale => {
                    // "one billion and three quarters million"
                    good = Some((base + frac * factor, next + 1));
                    break;
                }
                _ if prev_scale && scale >= 1e3 => {
                    // "five billion and three quarters": of the last scale
                    good = Some((base + frac * scale, next));
                    break;
                }
                _ => {
                    good = Some((base + frac, next));
                    break;
                }
            }
        }
        if token.is("and") {
            if !(prev_scale || prev_value) || good.is_none() {
                break;
            }
            let next = tokens.get(j + 1);
            let next_is_number = next.is_some_and(|t| {
                t.kind == TokenKind::Num && t.space_before
                    || t.kind == TokenKind::Word && word_number(&t.lower).is_some_and(|(_, o)| !o)
            });
            if !next_is_number || !prev_scale {
                break;
            }
            before_and = good;
            saw_and = true;
            j += 1;
            continue;
        }
        if token.is("point") && good.is_some() && !digits_seen {
            // "two hundred point zero three", "point seventy-one"
            let mut decimals = String::new();
            let mut k = j + 1;
            while let Some(t) = tokens.get(k) {
                match word_number(&t.lower) {
                    Some((d, false)) if d < 100.0 => {
                        decimals.push_str(&format!("{}", d as u64));
                        k += 1;
                    }
                    _ => break,
                }
            }
            if decimals.is_empty() {
                break;
            }
            let fraction: f64 = format!("0.{decimals}").parse().unwrap_or(0.0);
            let mut v = total + group + small.unwrap_or(0.0) + fraction;
            // "one point five million"
            if let Some(f) = tokens.get(k).and_then(|t| scale_of(t, false))
                && f >= 1e3
                && total == 0.0
            {
                v *= f;
                k += 1;
                scaled = true;
                scale = f;
            }
            good = Some((v, k));
            break;
        }
        let (value, is_ordinal, is_word) = match token.kind {
            TokenKind::Num => (token.value, false, false),
            TokenKind::Word => match word_number(&token.lower) {
                Some((v, o)) => (v, o, true),
                None => break,
            },
            TokenKind::Sym => break,
        };
        if let Some(s) = small {
            // "twenty one": a unit word after a tens word
            if prev_tens && is_word && value < 10.0 && value > 0.0 {
                small = Some(s + value);
                prev_tens = false;
                j += 1;
                if is_ordinal {
                    ordinal = true;
                    good = Some((total + group + s + value, j));
                    break;
                }
                good = Some((total + group + s + value, j));
                continue;
            }
            break;
        }
        if prev_value {
            break;
        }
        if is_ordinal {
            ordinal = true;
            good = Some((total + group + value, j + 1));
            break;
        }
        if !is_word {
            digits_seen = true;
            if j > i {
                bare = false;
            }
        } else {
            words_seen = true;
        }
        small = Some(value);
        prev_tens = is_word && (20.0..100.0).contains(&value) && value % 10.0 == 0.0;
        prev_value = true;
        prev_scale = false;
        j += 1;
        good = Some((total + group + value, j));
    }
    let (mut value, mut end) = match (good, before_and) {
        (Some(g), _) => g,
        (None, Some(b)) => b,
        (None, None) => return None,
    };
    // Fractions: "three fifths", "twenty-three fifths", "2 1/4", "3/4".
    let mut fraction = false;
    if !ordinal
        && let Some(t) = tokens.get(end)
        && t.kind == TokenKind::Word
        && words_seen
        && let Some((d, plural)) = denominator(&t.lower)
        && (plural || value == 1.0)
    {
        value /= d;
        end += 1;
        fraction = true;
    }
    // "1.1^23", "2.5^-1"
    if let (Some(caret), Some(exp)) = (tokens.get(end), tokens.get(end + 1))
        && caret.is("^")
        && caret.attached()
        && !ordinal
    {
        let (sign, k) = match exp.lower.as_str() {
            "-" => (-1.0, end + 2),
            "+" => (1.0, end + 2),
            _ => (1.0, end + 1),
        };
        if let Some(e) = tokens
            .get(k)
            .filter(|t| t.kind == TokenKind::Num && t.attached())
        {
            value = value.powf(sign * e.value);
            end = k + 1;
            fraction = true;
        }
    }
    if !ordinal && !fraction {
        if let (Some(slash), Some(den)) = (tokens.get(end), tokens.get(end + 1))
            && slash.is("/")
            && slash.attached()
            && den.kind == TokenKind::Num
            && den.attached()
            && den.value != 0.0
            && tokens[end - 1].kind == TokenKind::Num
            && tokens[end - 1].value < den.value
        {
            // "3/4", and "2 1/4" when a whole number stands before
            let numerator = tokens[end - 1].value;
            let whole = value - numerator;
            value = whole + numerator / den.value;
            end += 2;
            fraction = true;
        } else if tokens
            .get(end)
            .is_some_and(|t| t.kind == TokenKind::Num && t.attached())
            && tokens[end].lower.chars().all(|c| !c.is_ascii_digit())
        {
            // "2½"
            value += tokens[end].value;
            end += 1;
            fraction = true;
        } else if let (Some(a), Some(b), Some(c)) =
            (tokens.get(end), tokens.get(end + 1), tokens.get(end + 2))
            && a.kind == TokenKind::Num
            && a.space_before
            && b.is("/")
            && b.attached()
            && c.kind == TokenKind::Num
            && c.attached()
            && c.value != 0.0
            && a.value < c.value
            && tokens[end - 1].kind == TokenKind::Num
            && !scaled
        {
            // "2 1/4"
            value += a.value / c.value;
            end += 3;
            fraction = true;
        }
    }
    Some(Cardinal {
        value,
        end,
        ordinal,
        fraction,
        scaled,
        bare_digits: bare && end == i + 1 && !fraction,
        scale,
    })
}

// ---------------------------------------------------------------------------
// Words around a number.

/// How a qualifier word before a number shapes its interval.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Before {
    /// "about": ±APPROX_BAND.
    Approx,
    /// "nearly": up to NEARLY_BAND below.
    Nearly,
    /// "just over": up to JUST_OVER_BAND above.
    JustOver,
    /// "more than": (v, +inf).
    Above,
    /// "at least": [v, +inf).
    AtLeast,
    /// "fewer than": [0, v).
    Below,
    /// "up to": [0, v].
    AtMost,
    /// "equal to": exactly v.
    Equal,
    /// "between v and w".
    Between,
    /// "from v to w".
    From,
}

/// Qualifier phrases before a number, longest first where one is a prefix of
/// another ("less than or equal to" before "less than").
const BEFORE_PHRASES: &[(&str, Before)] = &[
    ("bigger or equal than", Before::AtLeast),
    ("equal to or greater than", Before::AtLeast),
    ("equal to or less than", Before::AtMost),
    ("equal to or more than", Before::AtLeast),
    ("greater than or equal to", Before::AtLeast),
    ("less than or equal to", Before::AtMost),
    ("more than or equal to", Before::AtLeast),
    ("fewer than or equal to", Before::AtMost),
    ("in excess of", Before::Above),
    ("upwards of", Before::Above),
    ("more than", Before::Above),
    ("greater than", Before::Above),
    ("higher than", Before::Above),
    ("larger than", Before::Above),
    ("bigger than", Before::Above),
    ("just over", Before::JustOver),
    ("just above", Before::JustOver),
    ("just under", Before::Nearly),
    ("just below", Before::Nearly),
    ("close to", Before::Nearly),
    ("at least", Before::AtLeast),
    ("no less than", Before::AtLeast),
    ("not below", Before::AtLeast),
    ("at minimum", Before::AtLeast),
    ("not greater than", Before::AtMost),
    ("not exceeding", Before::AtMost),
    ("not above", Before::AtMost),
    ("at maximum", Before::AtMost),
    ("as many as", Before::AtMost),
    ("beyond", Before::Above),
    ("well over", Before::Above),
    ("well above", Before::Above),
    ("well under", Before::Below),
    ("well below", Before::Below),
    ("approx", Before::Approx),
    ("circa", Before::Approx),
    ("more or less", Before::Approx),
    ("=>", Before::AtLeast),
    ("no fewer than", Before::AtLeast),
    ("not less than", Before::AtLeast),
    ("not fewer than", Before::AtLeast),
    ("a minimum of", Before::AtLeast),
    ("at most", Before::AtMost),
    ("no more than", Before::AtMost),
    ("not more than", Before::AtMost),
    ("a maximum of", Before::AtMost),
    ("up to", Before::AtMost),
    ("fewer than", Before::Below),
    ("less than", Before::Below),
    ("lower than", Before::Below),
    ("smaller than", Before::Below),
    ("an estimated", Before::Approx),
    ("equals to", Before::Equal),
    ("equal to", Before::Equal),
    ("about", Before::Approx),
    ("above", Before::Above),
    ("almost", Before::Nearly),
    ("approximately", Before::Approx),
    ("around", Before::Approx),
    ("below", Before::Below),
    ("between", Before::Between),
    ("estimated", Before::Approx),
    ("exceeding", Before::Above),
    ("exceed", Before::Above),
    ("exceeded", Before::Above),
    ("exceeds", Before::Above),
    ("surpass", Before::Above),
    ("surpassed", Before::Above),
    ("surpasses", Before::Above),
    ("surpassing", Before::Above),
    ("topped", Before::Above),
    ("topping", Before::Above),
    ("tops", Before::Above),
    ("from", Before::From),
    ("nearly", Before::Nearly),
    ("over", Before::Above),
    ("roughly", Before::Approx),
    ("some", Before::Approx),
    ("under", Before::Below),
    ("~", Before::Approx),
    ("≈", Before::Approx),
    ("<=", Before::AtMost),
    ("< =", Before::AtMost),
    (">=", Before::AtLeast),
    ("> =", Before::AtLeast),
    ("≤", Before::AtMost),
    ("≥", Before::AtLeast),
    ("<", Before::Below),
    (">", Before::Above),
];

/// Words that compare upwards, from which "or equal" phrases are built.
const MORE_WORDS: &[&str] = &["above", "bigger", "greater", "higher", "larger", "more"];

/// Words that compare downwards, from which "or equal" phrases are built.
const LESS_WORDS: &[&str] = &["below", "fewer", "less", "lower", "smaller", "under"];

/// [`BEFORE_PHRASES`] and the "or equal" phrases built from [`MORE_WORDS`]
/// and [`LESS_WORDS`] in every order writers use: "greater than or equal
/// to", "equal to or less than", "less or equal to", "bigger or equal than".
fn before_phrases() -> &'static [(String, Before)] {
    static PHRASES: OnceLock<Vec<(String, Before)>> = OnceLock::new();
    PHRASES.get_or_init(|| {
        let mut all: Vec<(String, Before)> = BEFORE_PHRASES
            .iter()
            .map(|&(p, b)| (p.to_string(), b))
            .collect();
        for (words, bound) in [(MORE_WORDS, Before::AtLeast), (LESS_WORDS, Before::AtMost)] {
            for w in words {
                for pattern in [
                    "{w} than or equal to",
                    "{w} than or equal",
                    "{w} or equal to",
                    "{w} or equal than",
                    "{w} than or equals to",
                    "equal to or {w} than",
                    "equal or {w} than",
                    "equal to or {w}",
                ] {
                    all.push((pattern.replace("{w}", w), bound));
                }
            }
        }
        all
    })
}

/// [`before_phrases`] indexed by first word.
fn before_index() -> &'static PhraseIndex<Before> {
    static INDEX: OnceLock<PhraseIndex<Before>> = OnceLock::new();
    INDEX.get_or_init(|| PhraseIndex::new(before_phrases().iter().map(|(p, b)| (p.as_str(), *b))))
}

/// Match a phrase of space-separated words (or symbols) at token `i`;
/// returns the index after it.
pub(crate) fn phrase_at(tokens: &[Token], i: usize, phrase: &str) -> Option<usize> {
    let mut j = i;
    for word in phrase.split(' ') {
        let t = tokens.get(j)?;
        if t.lower != word {
            return None;
        }
        j += 1;
    }
    Some(j)
}

/// Currencies: how they are written and the unit storydiff reports. A dollar
/// sign without a country is the US dollar. "m"-prefixed codes ("MUSD") are
/// millions.
const CURRENCIES: &[(&str, &str)] = &[
    ("$", "USD"),
    ("a $", "AUD"),
    ("au $", "AUD"),
    ("aud", "AUD"),
    ("australian dollar", "AUD"),
    ("australian dollars", "AUD"),
    ("bitcoin", "BTC"),
    ("bitcoins", "BTC"),
    ("btc", "BTC"),
    ("c $", "CAD"),
    ("cad", "CAD"),
    ("cad $", "CAD"),
    ("canadian dollar", "CAD"),
    ("canadian dollars", "CAD"),
    ("cent", "cent"),
    ("cents", "cent"),
    ("chf", "CHF"),
    ("chinese yuan", "CNY"),
    ("cny", "CNY"),
    ("dollar", "USD"),
    ("dollars", "USD"),
    ("dutch guilders", "NLG"),
    ("egyptian pounds", "EGP"),
    ("hong kong dollars", "HKD"),
    ("indian rupees", "INR"),
    ("japanese yen", "JPY"),
    ("mexican pesos", "MXN"),
    ("new zealand dollars", "NZD"),
    ("russian rubles", "RUB"),
    ("singapore dollars", "SGD"),
    ("south african rand", "ZAR"),
    ("swiss francs", "CHF"),
    ("taiwan dollars", "TWD"),
    ("eur", "EUR"),
    ("euro", "EUR"),
    ("euros", "EUR"),
    ("franc", "CHF"),
    ("francs", "CHF"),
    ("gbp", "GBP"),
    ("guilders", "NLG"),
    ("hk $", "HKD"),
    ("inr", "INR"),
    ("jpy", "JPY"),
    ("lira", "TRY"),
    ("mex $", "MXN"),
    ("nz $", "NZD"),
    ("pence", "pence"),
    ("penny", "pence"),
    ("peso", "MXN"),
    ("pesos", "MXN"),
    ("pound", "GBP"),
    ("pounds", "GBP"),
    ("pounds sterling", "GBP"),
    ("rmb", "CNY"),
    ("roubles", "RUB"),
    ("rouble", "RUB"),
    ("rubles", "RUB"),
    ("ruble", "RUB"),
    ("rupee", "INR"),
    ("rupees", "INR"),
    ("sterling", "GBP"),
    ("turkish lira", "TRY"),
    ("us $", "USD"),
    ("us dollar", "USD"),
    ("us dollars", "USD"),
    ("usd", "USD"),
    ("yen", "JPY"),
    ("yuan", "CNY"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("€", "EUR"),
    ("₿", "BTC"),
    ("₽", "RUB"),
    ("₩", "KRW"),
    ("₾", "GEL"),
    ("₭", "LAK"),
    ("元", "CNY"),
    ("ரூ", "LKR"),
    ("bucks", "USD"),
    ("s $", "SGD"),
    ("nt $", "TWD"),
    ("r $", "BRL"),
    ("rs", "INR"),
    ("baht", "THB"),
    ("deutsche marks", "DEM"),
    ("dinar", "dinar"),
    ("dinars", "dinar"),
    ("dirham", "AED"),
    ("dirhams", "AED"),
    ("drachmas", "GRD"),
    ("forint", "HUF"),
    ("hryvnia", "UAH"),
    ("hryvnias", "UAH"),
    ("krona", "SEK"),
    ("kronor", "SEK"),
    ("krone", "krone"),
    ("kroner", "krone"),
    ("lire", "ITL"),
    ("marks", "DEM"),
    ("naira", "NGN"),
    ("pesetas", "ESP"),
    ("rand", "ZAR"),
    ("reais", "BRL"),
    ("renminbi", "CNY"),
    ("ringgit", "MYR"),
    ("riyal", "SAR"),
    ("riyals", "SAR"),
    ("rupiah", "IDR"),
    ("shekel", "ILS"),
    ("shekels", "ILS"),
    ("zloty", "PLN"),
    ("zlotys", "PLN"),
    ("bolivars", "VES"),
    ("bolivares", "VES"),
    ("₱", "PHP"),
    ("₪", "ILS"),
    ("₫", "VND"),
    ("₺", "TRY"),
    ("₴", "UAH"),
    ("₦", "NGN"),
    ("₨", "INR"),
    ("¢", "cent"),
];

/// ISO 4217 codes read as currencies when written in capitals.
const ISO_CODES: &[&str] = &[
    "ARS", "BRL", "CLP", "COP", "CZK", "DKK", "EGP", "HKD", "HUF", "IDR", "ILS", "KRW", "MXN",
    "MYR", "NGN", "NOK", "NZD", "PHP", "PKR", "PLN", "RUB", "SAR", "SEK", "SGD", "THB", "TRY",
    "TWD", "UAH", "VES", "VND", "ZAR",
];

/// Currency codes written with an "m" for millions: "30 MUSD", "MEUR 120".
const MILLION_CODES: &[(&str, &str)] = &[
    ("maud", "AUD"),
    ("mcad", "CAD"),
    ("meur", "EUR"),
    ("mgbp", "GBP"),
    ("musd", "USD"),
];

/// A currency at token `j`: its unit, the index after it, and a factor.
fn currency_at(tokens: &[Token], j: usize) -> Option<(&'static str, usize, f64)> {
    static INDEX: OnceLock<PhraseIndex<&'static str>> = OnceLock::new();
    let index = INDEX.get_or_init(|| PhraseIndex::new(CURRENCIES.iter().copied()));
    let mut best: Option<(&'static str, usize, f64)> = None;
    for (words, unit, end) in index.at(tokens, j) {
        let mut end = Some(end);
        // "A$", "S$", "R$": a one-letter prefix that is also a word ("a $4
        // billion", "music's $500 million") counts only against its sign
        if words.len() > 1
            && matches!(words[0].as_str(), "a" | "s" | "r")
            && !tokens.get(j + 1).is_some_and(Token::attached)
        {
            end = None;
        }
        if let Some(end) = end
            && best.is_none_or(|b| end > b.1)
        {
            best = Some((unit, end, 1.0));
        }
    }
    if best.is_none() {
        let t = tokens.get(j)?;
        if let Some(&(_, unit)) = MILLION_CODES.iter().find(|(w, _)| *w == t.lower) {
            return Some((unit, j + 1, 1e6));
        }
        // other ISO 4217 codes, written in capitals: "SEK", "ZAR"
        if let Some(&code) = ISO_CODES.iter().find(|c| c.eq_ignore_ascii_case(&t.lower))
            && t.upper
        {
            return Some((code, j + 1, 1.0));
        }
    }
    best
}

/// Time units and their length in seconds. A month is 30 days and a year 365:
/// durations in news are rounded far more coarsely than that.
pub(crate) const TIME_UNITS: &[(&str, &str, f64)] = &[
    ("century", "centuries", 3_153_600_000.0),
    ("day", "days", 86_400.0),
    ("decade", "decades", 315_360_000.0),
    ("fortnight", "fortnights", 1_209_600.0),
    ("hour", "hours", 3_600.0),
    ("minute", "minutes", 60.0),
    ("month", "months", 2_592_000.0),
    ("second", "seconds", 1.0),
    ("week", "weeks", 604_800.0),
    ("year", "years", 31_536_000.0),
];

/// The unit name (plural) and length in seconds of a time word.
pub(crate) fn time_unit(word: &str) -> Option<(&'static str, f64)> {
    TIME_UNITS
        .iter()
        .find(|(one, many, _)| *one == word || *many == word)
        .map(|&(_, many, s)| (many, s))
}

/// Words before a 4-digit number that make it a year: "in 2019".
const YEAR_CUES: &[&str] = &[
    "after", "before", "by", "during", "early", "from", "in", "late", "mid", "of", "since",
    "through", "till", "until", "year",
];

/// Words after a number that make it a lower bound, the number included:
/// "500 or more".
const OR_MORE: &[&str] = &[
    "and above",
    "and higher",
    "and more",
    "and older",
    "and over",
    "and up",
    "or above",
    "or bigger",
    "or greater",
    "or higher",
    "or larger",
    "or more",
    "or older",
    "or over",
    "plus",
];

/// Words after a number that make it an upper bound, the number included:
/// "500 or less".
const OR_LESS: &[&str] = &[
    "and below",
    "and fewer",
    "and less",
    "and lower",
    "and under",
    "or below",
    "or fewer",
    "or less",
    "or lower",
    "or smaller",
    "or under",
];

/// Words before "one" that make it a pronoun: "that one", "the one".
const PRONOUN_ONE_BEFORE: &[&str] = &["any", "each", "every", "no", "that", "the", "this", "which"];

/// Words before a number that make "X to Y" a change and its result, not
/// a range: "fell by 36,000 to 293,000", "rose 5% to 7%".
const CHANGE_WORDS: &[&str] = &[
    "by",
    "climbed",
    "cut",
    "declined",
    "decreased",
    "dropped",
    "fell",
    "gained",
    "grew",
    "increased",
    "jumped",
    "lost",
    "raised",
    "rose",
    "slipped",
    "soared",
];

/// Verbs of change: after them "from X to Y" gives two values, not a range.
const CHANGE_VERBS: &[&str] = &[
    "climbed",
    "declined",
    "decreased",
    "dropped",
    "fell",
    "grew",
    "increased",
    "jumped",
    "rose",
    "slipped",
    "soared",
    "went",
];

/// Earliest and latest plain 4-digit numbers read as years.
const YEAR_RANGE: std::ops::RangeInclusive<f64> = 1800.0..=2100.0;

/// Measure words that stand for no thing counted: the noun after a number is
/// skipped over these.
const SKIP_BEFORE_MEASURE: &[&str] = &[
    "a",
    "additional",
    "all",
    "an",
    "another",
    "extra",
    "further",
    "more",
    "new",
    "of",
    "other",
    "others",
    "some",
    "such",
    "the",
    "their",
    "these",
    "those",
    "total",
];

/// Words that end the search for a measure: function words, verbs that
/// follow a figure, prepositions.
const MEASURE_STOP: &[&str] = &[
    "a", "across", "after", "against", "ago", "and", "apiece", "are", "as", "at", "be", "been",
    "before", "but", "by", "each", "here", "just", "last", "next", "of", "there", "did", "for",
    "from", "had", "has", "have", "he", "her", "his", "in", "into", "is", "it", "its", "on", "or",
    "our", "over", "per", "she", "than", "that", "the", "their", "them", "they", "this", "to",
    "toward", "towards", "under", "until", "was", "we", "were", "which", "while", "who", "will",
    "with", "would",
];

/// Verbs that turn "people" into "people killed": the count is of the
/// participle's victims, not of people in general.
const CASUALTY_VERBS: &[&str] = &[
    "arrested",
    "dead",
    "detained",
    "died",
    "displaced",
    "evacuated",
    "hurt",
    "injured",
    "killed",
    "missing",
    "wounded",
];

/// Forms of "be" and "have" between a counted noun and a casualty verb in
/// the passive: "20 people were killed" counts the people killed, like "20
/// people killed". At most two are skipped ("have been").
const PASSIVE_AUXILIARIES: &[&str] = &["are", "been", "had", "has", "have", "is", "was", "were"];

/// The stem of a word, lowercased, with a possessive dropped.
pub fn stem(word: &str) -> String {
    let lower = word.to_lowercase();
    let bare = lower
        .strip_suffix("'s")
        .or_else(|| lower.strip_suffix("’s"))
        .unwrap_or(&lower);
    crate::text::stem(bare)
}

/// The measure synonym table, `lexicons/measures.txt`.
pub const MEASURES: &str = include_str!("../../lexicons/measures.txt");

/// Stem of a measure word → stem of its group's canonical word.
fn synonyms() -> &'static std::collections::HashMap<String, String> {
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
const PLURALS_WITHOUT_S: &[&str] = &[
    "cattle",
    "children",
    "men",
    "people",
    "personnel",
    "police",
    "staff",
    "women",
];

/// A lower-case word that reads as a plural noun ("boats", "vessels", not
/// "business" or "status"): after a number it ends the noun phrase, so that
/// in "20 boats came" the measure is "boats", not "came".
fn looks_plural(t: &Token) -> bool {
    let w = t.lower.as_str();
    !t.upper
        && w.chars().count() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !w.ends_with("news")
}

fn measure_after(tokens: &[Token], start: usize, end: usize) -> Option<String> {
    let mut j = end;
    while let Some(t) = tokens.get(j) {
        if t.kind == TokenKind::Word && SKIP_BEFORE_MEASURE.contains(&t.lower.as_str()) {
            j += 1;
        } else if t.kind == TokenKind::Sym && t.is("-") && t.attached() {
            j += 1; // "48-hour"
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
        if t.kind != TokenKind::Word || MEASURE_STOP.contains(&t.lower.as_str()) {
            break;
        }
        if t.upper && head.is_some() {
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
        if words >= 3 || PLURALS_WITHOUT_S.contains(&t.lower.as_str()) || looks_plural(t) {
            break;
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

// ---------------------------------------------------------------------------
// Vague amounts.

/// Vague amounts and the intervals they stand for: the smallest amount one
/// would still describe that way, up to where the next word takes over
/// ("dozens" start at two dozen and end where "hundreds" begin).
pub const VAGUE_AMOUNTS: &[(&str, f64, f64)] = &[
    ("a couple of", 2.0, 3.0),
    ("a few", 2.0, 5.0),
    ("a handful of", 2.0, 6.0),
    ("a handful", 2.0, 6.0),
    ("billions of", 2e9, 999e9),
    ("billions", 2e9, 999e9),
    ("dozens of", 24.0, 199.0),
    ("dozens", 24.0, 199.0),
    ("hundreds of thousands of", 200_000.0, 999_999.0),
    ("hundreds of thousands", 200_000.0, 999_999.0),
    ("hundreds of", 200.0, 999.0),
    ("hundreds", 200.0, 999.0),
    ("hundreds of millions of", 200e6, 999e6),
    ("hundreds of millions", 200e6, 999e6),
    ("hundreds of billions of", 200e9, 999e9),
    ("hundreds of billions", 200e9, 999e9),
    ("millions of", 2e6, 999e6),
    ("millions", 2e6, 999e6),
    ("scores of", 40.0, 199.0),
    ("several", 3.0, 9.0),
    ("tens of billions of", 20e9, 99e9),
    ("tens of billions", 20e9, 99e9),
    ("tens of millions of", 20e6, 99e6),
    ("tens of millions", 20e6, 99e6),
    ("tens of thousands of", 20_000.0, 99_999.0),
    ("tens of thousands", 20_000.0, 99_999.0),
    ("thousands of", 2_000.0, 9_999.0),
    ("thousands", 2_000.0, 9_999.0),
];

/// Scale words that multiply a vague amount before them: "a few hundred",
/// "several thousand", "a couple of million".
const VAGUE_SCALES: &[(&str, f64)] = &[
    ("billion", 1e9),
    ("hundred", 1e2),
    ("million", 1e6),
    ("thousand", 1e3),
];

fn vague_at(tokens: &[Token], i: usize, text: &str) -> Option<(Figure, usize)> {
    static INDEX: OnceLock<PhraseIndex<(f64, f64)>> = OnceLock::new();
    let index = INDEX
        .get_or_init(|| PhraseIndex::new(VAGUE_AMOUNTS.iter().map(|&(p, lo, hi)| (p, (lo, hi)))));
    let ((mut low, mut high), mut end) = index.longest_at(tokens, i)?;
    // "a few hundred", "several thousand": the vague amount times the scale
    if let Some(&(_, scale)) = tokens
        .get(end)
        .and_then(|t| VAGUE_SCALES.iter().find(|(w, _)| t.is(w)))
        .filter(|_| high < 10.0)
    {
        low *= scale;
        high *= scale;
        end += 1;
    }
    // "several" and "a few" count only before a noun: "several days" is a
    // vague duration, "several of them" no figure at all
    let next = tokens.get(end);
    if let Some((unit, _)) = next.and_then(|t| time_unit(&t.lower)) {
        return Some((
            figure(
                text,
                tokens,
                i,
                end + 1,
                FigureKind::Duration,
                Qualifier::Vague,
                Some(Endpoint::Number(low)),
                Some(Endpoint::Number(high)),
                Some(unit.to_string()),
                Some("duration".into()),
            ),
            end + 1,
        ));
    }
    if next.is_none_or(|t| t.kind != TokenKind::Word) && !tokens[end - 1].lower.ends_with('s') {
        return None;
    }
    let measure = measure_after(tokens, i, end);
    let shown = if tokens[end - 1].is("of") && end - 1 > i {
        end - 1
    } else {
        end
    };
    Some((
        figure(
            text,
            tokens,
            i,
            shown,
            FigureKind::Count,
            Qualifier::Vague,
            Some(Endpoint::Number(low)),
            Some(Endpoint::Number(high)),
            None,
            measure,
        ),
        end,
    ))
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn figure(
    text: &str,
    tokens: &[Token],
    first: usize,
    end: usize,
    kind: FigureKind,
    qualifier: Qualifier,
    low: Option<Endpoint>,
    high: Option<Endpoint>,
    unit: Option<String>,
    measure: Option<String>,
) -> Figure {
    let span = tokens[first].start..tokens[end - 1].end;
    Figure {
        text: text[span.clone()].to_string(),
        kind,
        low,
        high,
        low_exclusive: false,
        high_exclusive: false,
        qualifier,
        value: None,
        unit,
        measure,
        span,
    }
}

// ---------------------------------------------------------------------------
// Quantities: a number with everything around it.

/// What follows a number and decides its kind.
#[derive(Debug, Clone)]
struct Suffix {
    kind: FigureKind,
    unit: Option<String>,
    factor: f64,
    end: usize,
}

fn percent_at(tokens: &[Token], j: usize) -> Option<(FigureKind, usize)> {
    static INDEX: OnceLock<PhraseIndex<FigureKind>> = OnceLock::new();
    INDEX
        .get_or_init(|| PhraseIndex::new(PERCENT_WORDS.iter().copied()))
        .first_at(tokens, j)
}

/// Words for percent and percentage points, longest first where one starts
/// another.
const PERCENT_WORDS: &[(&str, FigureKind)] = &[
    ("percentage points", FigureKind::PercentagePoints),
    ("percentage point", FigureKind::PercentagePoints),
    ("per cent", FigureKind::Percent),
    ("percentage", FigureKind::Percent),
    ("percent", FigureKind::Percent),
    ("percents", FigureKind::Percent),
    ("pct", FigureKind::Percent),
    ("pp", FigureKind::PercentagePoints),
    ("%", FigureKind::Percent),
];

/// What comes right after the number: a percent, a currency, a time unit.
fn suffix_at(tokens: &[Token], j: usize) -> Option<Suffix> {
    if let Some((kind, end)) = percent_at(tokens, j) {
        let unit = if kind == FigureKind::Percent {
            "%"
        } else {
            "pp"
        };
        return Some(Suffix {
            kind,
            unit: Some(unit.into()),
            factor: 1.0,
            end,
        });
    }
    let t = tokens.get(j)?;
    // "48-hour", "one-week"
    let (u, k) = if t.is("-") && t.attached() {
        (tokens.get(j + 1)?, j + 1)
    } else {
        (t, j)
    };
    if let Some((unit, _)) = time_unit(&u.lower) {
        return Some(Suffix {
            kind: FigureKind::Duration,
            unit: Some(unit.into()),
            factor: 1.0,
            end: k + 1,
        });
    }
    if let Some((unit, end, factor)) = currency_at(tokens, j) {
        // "$" after a number only when attached or a symbol: "10 $"
        return Some(Suffix {
            kind: FigureKind::Money,
            unit: Some(unit.into()),
            factor,
            end,
        });
    }
    None
}

/// A number with its sign, scale and what follows, as read at token `i`.
#[derive(Debug, Clone)]
struct Amount {
    start: usize,
    value: f64,
    cardinal: Cardinal,
    kind: FigureKind,
    unit: Option<String>,
    end: usize,
}

fn amount_at(tokens: &[Token], i: usize, allow_prefix_currency: bool) -> Option<Amount> {
    let mut j = i;
    let mut unit: Option<String> = None;
    let mut factor = 1.0;
    let mut negative = false;
    if allow_prefix_currency && let Some((u, end, f)) = currency_at(tokens, j) {
        // "$ 75 million", "GBP 350", "dollar 22.5 million"
        if tokens.get(end).is_some_and(|t| {
            t.kind == TokenKind::Num || word_number(&t.lower).is_some() || t.is("-")
        }) {
            unit = Some(u.to_string());
            factor = f;
            j = end;
        }
    }
    let t = tokens.get(j)?;
    let minus_sign = (t.is("-") || t.is("−"))
        && tokens
            .get(j + 1)
            .is_some_and(|n| n.kind == TokenKind::Num && n.attached())
        && (j == 0 || t.space_before || tokens[j - 1].kind == TokenKind::Sym);
    if t.is("minus") || t.is("negative") || minus_sign {
        negative = true;
        j += 1;
    }
    let cardinal = cardinal_at(tokens, j)?;
    let mut value = cardinal.value;
    let mut end = cardinal.end;
    let mut kind = if cardinal.ordinal {
        FigureKind::Ordinal
    } else if cardinal.fraction {
        FigureKind::Fraction
    } else {
        FigureKind::Count
    };
    // "21st", "3rd": an ordinal suffix against the digits
    if let Some(s) = tokens.get(end)
        && s.attached()
        && tokens[end - 1].kind == TokenKind::Num
        && matches!(s.lower.as_str(), "st" | "nd" | "rd" | "th")
    {
        kind = FigureKind::Ordinal;
        end += 1;
    }
    if unit.is_some() {
        kind = FigureKind::Money;
    }
    if kind == FigureKind::Count || kind == FigureKind::Money {
        // "75 USD million": a scale after the currency
        if let Some(s) = suffix_at(tokens, end)
            && (kind == FigureKind::Count || s.kind == FigureKind::Money && unit.is_none())
        {
            {
                kind = s.kind;
                unit = s.unit;
                factor *= s.factor;
                end = s.end;
            }
        }
        // "£ 15 m", "$ 2 bn": after a currency sign a lone letter is a scale
        let money_scale = |t: &Token| {
            scale_of(t, false).or_else(|| {
                ATTACHED_SCALES
                    .iter()
                    .find(|(w, _)| *w == t.lower && *w != "g")
                    .map(|&(_, f)| f)
            })
        };
        if kind == FigureKind::Money
            && !cardinal.scaled
            && let Some(t) = tokens.get(end)
            && let Some(f) = money_scale(t)
            && f >= 1e3
        {
            factor *= f;
            end += 1;
        }
    }
    // "one in five", "1 out of 3", "2000 over 3": a proportion
    if kind == FigureKind::Count
        && !cardinal.scaled
        && let Some(t) = tokens.get(end)
        && (t.is("in")
            || t.is("over")
            || (t.is("out") && tokens.get(end + 1).is_some_and(|o| o.is("of"))))
    {
        let k = if t.is("out") { end + 2 } else { end + 1 };
        if let Some(den) = cardinal_at(tokens, k)
            && !den.ordinal
            && den.value > 0.0
            && (den.value > value || t.is("over"))
            && !(tokens[k].bare_digits && YEAR_RANGE.contains(&tokens[k].value))
        {
            value /= den.value;
            end = den.end;
            kind = FigureKind::Fraction;
        }
    }
    value *= factor;
    // cents after an amount: "3 dollars 50 cents", "15 dollars and 50"
    if kind == FigureKind::Money && !cardinal.scaled && factor == 1.0 {
        let k = if tokens.get(end).is_some_and(|t| t.is("and")) {
            end + 1
        } else {
            end
        };
        if let Some(c) = cardinal_at(tokens, k)
            && c.value < 100.0
            && c.value.fract() == 0.0
            && !c.ordinal
            && tokens.get(c.end).is_none_or(|t| {
                t.is("cents") || t.is("cent") || currency_at(tokens, c.end).is_none()
            })
            && (tokens[k].space_before || k > end)
            && !tokens.get(c.end).is_some_and(|t| {
                time_unit(&t.lower).is_some()
                    || t.kind == TokenKind::Word && !t.is("cents") && !t.is("cent") && !t.is("and")
            })
        {
            value += c.value / 100.0;
            end = c.end;
            if tokens
                .get(end)
                .is_some_and(|t| t.is("cents") || t.is("cent"))
            {
                end += 1;
            }
        }
    }
    if negative {
        value = -value;
    }
    Some(Amount {
        start: i,
        value,
        cardinal,
        kind,
        unit,
        end,
    })
}

/// Significant digits kept in a figure's value: enough for any amount in
/// the news, few enough that 16.4 × 10⁶ reads 16400000, not 16399999.999999998.
const SIGNIFICANT_DIGITS: usize = 12;

/// `v` rounded to [`SIGNIFICANT_DIGITS`].
pub(crate) fn tidy(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    format!("{:.*e}", SIGNIFICANT_DIGITS - 1, v)
        .parse()
        .unwrap_or(v)
}

fn number(v: f64) -> Option<Endpoint> {
    Some(Endpoint::Number(tidy(v)))
}

/// Read a quantity at token `i`: qualifier, amount, range or bound after it.
fn quantity_at(tokens: &[Token], i: usize, text: &str) -> Option<(Figure, usize)> {
    // qualifier phrases before the number; at most two ("from about")
    let mut j = i;
    let mut before: Vec<(Before, usize)> = Vec::new();
    for _ in 0..2 {
        let found = before_index().longest_at(tokens, j);
        match found {
            Some((b, e)) => {
                before.push((b, j));
                j = e;
                // "the tenth": an article between the phrase and an ordinal
                if tokens.get(j).is_some_and(|t| t.is("the"))
                    && tokens
                        .get(j + 1)
                        .is_some_and(|t| word_number(&t.lower).is_some_and(|(_, o)| o))
                {
                    j += 1;
                }
            }
            None => break,
        }
    }
    // "16:00", "3:2": clock times and scores are no figures
    let colon = |k: usize| tokens.get(k).is_some_and(|t| t.is(":") && t.attached());
    if tokens.get(j).is_some_and(|t| t.kind == TokenKind::Num)
        && (colon(j + 1) && tokens.get(j + 2).is_some_and(Token::attached)
            || j > 0 && colon(j - 1) && tokens[j].attached())
    {
        return None;
    }
    // "that one", "the one you mentioned": a pronoun, not a number
    if tokens.get(j).is_some_and(|t| t.is("one"))
        && j > 0
        && PRONOUN_ONE_BEFORE.contains(&tokens[j - 1].lower.as_str())
    {
        return None;
    }
    // "G7", "J6", "COVID19": digits against the letters of a name
    if j >= 1
        && tokens[j - 1].kind == TokenKind::Word
        && tokens
            .get(j)
            .is_some_and(|t| t.kind == TokenKind::Num && t.attached())
    {
        return None;
    }
    // "1 a.m.", "12:00 p.m.", "9pm": the time of day, not a count
    if tokens.get(j).is_some_and(|t| t.kind == TokenKind::Num) && clock_after(tokens, j + 1) {
        return None;
    }
    // "Covid-19", "F-16": a number that ends a name
    if j >= 2
        && tokens[j - 1].is("-")
        && tokens[j - 1].attached()
        && tokens.get(j).is_some_and(Token::attached)
        && tokens[j - 2].kind == TokenKind::Word
    {
        return None;
    }
    let mut amount = amount_at(tokens, j, true)?;
    if amount.start != j {
        return None;
    }
    // "fell by 36,000 to 293,000" is a change and a result, not a range
    let after_change = j
        .checked_sub(1)
        .and_then(|b| tokens.get(b))
        .is_some_and(|p| CHANGE_WORDS.contains(&p.lower.as_str()));
    let mut changed_from = false;
    let mut start = i;
    let mut qualifier = Qualifier::Exact;
    let mut low = amount.value;
    let mut high = amount.value;
    let mut low_open = false;
    let mut high_open = false;
    let mut low_excl = false;
    let mut high_excl = false;
    let mut end = amount.end;
    let mut range_word = None;
    let mut bound: Option<Before> = None;
    for &(b, at) in &before {
        match b {
            // "rose from 4.8% to 5.2%": a change from one value to another
            Before::From
                if at
                    .checked_sub(1)
                    .and_then(|p| tokens.get(p))
                    .is_some_and(|p| CHANGE_VERBS.contains(&p.lower.as_str())) =>
            {
                range_word = None;
                changed_from = true;
            }
            Before::Between | Before::From => range_word = Some(b),
            other => bound = Some(other),
        }
    }
    // a range: "10,000 to 15,000", "between 10 and 20", "10-20 billion"
    let connector_end = |k: usize| -> Option<usize> {
        let t = tokens.get(k)?;
        let ok = match range_word {
            Some(Before::Between) => t.is("and"),
            _ => {
                (t.is("to") && !(after_change && range_word.is_none()) && !changed_from)
                    || t.is("through")
                    || t.is("thru")
                    || t.is("~")
                    || t.is("–")
                    || t.is("—")
                    || (t.is("-") && !tokens.get(k + 1).is_some_and(|n| n.is("-")))
                    || (t.is("or") && amount.value < 100.0 && range_word.is_none())
                    || (t.is("and") && range_word == Some(Before::From))
            }
        };
        if !ok {
            return None;
        }
        let mut k = k + 1;
        if tokens.get(k).is_some_and(|t| t.is("the")) {
            k += 1;
        }
        Some(k)
    };
    let mut ranged = false;
    // "some 40 to 50", "about 10 to 15 percent": an approximate range
    let approximate = matches!(bound, Some(Before::Approx));
    if (bound.is_none() || approximate)
        && let Some(k) = connector_end(end)
        && let Some(second) = amount_at(tokens, k, true)
        && second.cardinal.ordinal == amount.cardinal.ordinal
        && !(amount.kind == FigureKind::Count
            && amount.cardinal.bare_digits
            && YEAR_RANGE.contains(&amount.value)
            && second.cardinal.bare_digits
            && YEAR_RANGE.contains(&second.value))
    {
        let mut first_value = amount.value;
        // carry the scale over: "10 to 20 billion"
        if !amount.cardinal.scaled
            && second.cardinal.scaled
            && amount.value * second.cardinal.scale <= second.value
        {
            first_value *= second.cardinal.scale;
        }
        // carry the currency or percent over: "$10 to 20 million", "5 to 10%"
        let kind = if second.kind != FigureKind::Count {
            second.kind
        } else {
            amount.kind
        };
        let unit = second.unit.clone().or(amount.unit.clone());
        let is_dash = tokens[end].is("-");
        let valid = first_value <= second.value
            && (kind == amount.kind || amount.kind == FigureKind::Count)
            && (!is_dash || tokens[end].attached() || tokens[end].space_before);
        if valid && (range_word.is_some() || !is_dash || first_value < second.value) {
            low = first_value;
            high = second.value;
            if approximate {
                low -= low.abs() * APPROX_BAND;
                high += high.abs() * APPROX_BAND;
            }
            amount.kind = kind;
            amount.unit = unit;
            end = second.end;
            qualifier = Qualifier::Range;
            ranged = true;
        }
    }
    if !ranged {
        // "between" / "from" without a second number: not part of the figure
        if let Some(&(b, _)) = before.first()
            && matches!(b, Before::Between | Before::From)
        {
            start = before.get(1).map_or(j, |&(_, s)| s);
        }
        match bound {
            Some(Before::Approx) => {
                qualifier = Qualifier::Approx;
                low = amount.value - amount.value.abs() * APPROX_BAND;
                high = amount.value + amount.value.abs() * APPROX_BAND;
            }
            Some(Before::Nearly) => {
                qualifier = Qualifier::Approx;
                low = amount.value - amount.value.abs() * NEARLY_BAND;
            }
            Some(Before::JustOver) => {
                qualifier = Qualifier::Approx;
                high = amount.value + amount.value.abs() * JUST_OVER_BAND;
                low_excl = true;
            }
            Some(Before::Above) => {
                qualifier = Qualifier::LowerBound;
                low_excl = true;
                high_open = true;
            }
            Some(Before::AtLeast) => {
                qualifier = Qualifier::LowerBound;
                high_open = true;
            }
            Some(Before::Below) => {
                qualifier = Qualifier::UpperBound;
                high_excl = true;
                low = 0.0;
                low_open = amount.value <= 0.0;
            }
            Some(Before::AtMost) => {
                qualifier = Qualifier::UpperBound;
                low = 0.0;
                low_open = amount.value <= 0.0;
            }
            _ => {}
        }
        // after the number: "20+", "500 or more", "5000 or less", "or equal"
        if bound.is_none() || matches!(bound, Some(Before::Below | Before::Above | Before::Approx))
        {
            let approx = bound == Some(Before::Approx);
            if approx {
                bound = None;
            }
            let plus = tokens.get(end).is_some_and(|t| t.is("+") && t.attached());
            static MORE: OnceLock<PhraseIndex<()>> = OnceLock::new();
            static LESS: OnceLock<PhraseIndex<()>> = OnceLock::new();
            let or_more = MORE.get_or_init(|| PhraseIndex::new(OR_MORE.iter().map(|p| (p, ()))));
            let or_less = LESS.get_or_init(|| PhraseIndex::new(OR_LESS.iter().map(|p| (p, ()))));
            let more = or_more
                .first_at(tokens, end)
                .map(|(_, e)| e)
                .filter(|&e| !tokens.get(e).is_some_and(|t| t.is("than")));
            let less = or_less.first_at(tokens, end).map(|(_, e)| e);
            let or_equal = ["or equal to", "or equal"]
                .iter()
                .find_map(|p| phrase_at(tokens, end, p));
            if bound.is_none() && plus {
                qualifier = Qualifier::LowerBound;
                low = amount.value;
                low_excl = true;
                high_open = true;
                end += 1;
            } else if bound.is_none()
                && let Some(e) = more
            {
                qualifier = Qualifier::LowerBound;
                low = amount.value;
                high_open = true;
                end = e;
            } else if bound.is_none()
                && let Some(e) = less
            {
                qualifier = Qualifier::UpperBound;
                low = 0.0;
                high = amount.value;
                low_open = amount.value <= 0.0;
                end = e;
            } else if let Some(e) = or_equal
                && bound.is_some()
            {
                low_excl = false;
                high_excl = false;
                end = e;
            }
        }
    }
    let kind = classify(tokens, &amount, qualifier, start, end);
    let measure = match kind {
        FigureKind::Year => Some("year".to_string()),
        FigureKind::Count if is_an_age(tokens, start, end) => Some(AGE_MEASURE.to_string()),
        FigureKind::Duration if states_an_age(tokens, end) => Some(AGE_MEASURE.to_string()),
        FigureKind::Duration => Some("duration".to_string()),
        FigureKind::Percent | FigureKind::PercentagePoints => {
            measure_after(tokens, start, end).or(Some("percent".to_string()))
        }
        FigureKind::Money => measure_after(tokens, start, end).or(Some("money".to_string())),
        _ => measure_after(tokens, start, end),
    };
    let mut f = figure(
        text,
        tokens,
        start,
        end,
        kind,
        qualifier,
        (!low_open).then_some(low).and_then(number),
        (!high_open).then_some(high).and_then(number),
        amount.unit.clone(),
        measure,
    );
    f.low_exclusive = low_excl && !low_open;
    f.value = (qualifier != Qualifier::Range).then_some(tidy(amount.value));
    f.high_exclusive = high_excl && !high_open;
    Some((f, end))
}

/// The measure of a duration that states an age: "16 years of age", "16
/// years old" are how old someone is, not how long something lasted, and
/// are compared only with ages.
pub const AGE_MEASURE: &str = "age";

/// Whether the tokens from `k` on say the time of day: "a.m.", "p.m.",
/// "am"/"pm" against the number.
fn clock_after(tokens: &[Token], k: usize) -> bool {
    let Some(t) = tokens.get(k) else {
        return false;
    };
    let dotted = (t.is("a") || t.is("p"))
        && tokens.get(k + 1).is_some_and(|d| d.is(".") && d.attached())
        && tokens.get(k + 2).is_some_and(|m| m.is("m") && m.attached());
    dotted || (t.is("am") || t.is("pm")) && t.attached()
}

/// Words after a number that make it an age: "14-year-old", "14 years
/// old", "six-month-old".
const AGE_AFTER: &[&str] = &[
    "day-old",
    "month-old",
    "months-old",
    "week-old",
    "weeks-old",
    "year-old",
    "years-old",
];

/// Whether the number before token `end` states an age: "a 14-year-old
/// girl", "aged 38", "at the age of 84", "age 84". An age is measured as
/// [`AGE_MEASURE`], so that it is never set against a count of the people
/// it describes ("a 14-year-old girl" against "four teenage girls").
fn is_an_age(tokens: &[Token], start: usize, end: usize) -> bool {
    let mut k = end;
    if tokens.get(k).is_some_and(|t| t.is("-") && t.attached()) {
        k += 1;
    }
    let after = tokens.get(k).is_some_and(|t| {
        AGE_AFTER.contains(&t.lower.as_str())
            || time_unit(&t.lower).is_some() && tokens.get(k + 1).is_some_and(|o| o.is("old"))
    });
    let before = start
        .checked_sub(1)
        .and_then(|b| tokens.get(b))
        .is_some_and(|t| {
            t.is("aged") || t.is("age") || t.is("of") && start >= 2 && tokens[start - 2].is("age")
        });
    after || before
}

/// Whether the words at token `j`, after a duration, make it an age: "old",
/// "older", "of age".
fn states_an_age(tokens: &[Token], j: usize) -> bool {
    tokens.get(j).is_some_and(|t| t.is("old") || t.is("older"))
        || phrase_at(tokens, j, "of age").is_some()
}

/// Years and counts: a bare 4-digit number in the year range, with a year cue
/// before it or no noun after it, is a year.
fn classify(
    tokens: &[Token],
    amount: &Amount,
    qualifier: Qualifier,
    start: usize,
    end: usize,
) -> FigureKind {
    if amount.kind != FigureKind::Count
        || !amount.cardinal.bare_digits
        || qualifier != Qualifier::Exact
    {
        return amount.kind;
    }
    let t = &tokens[amount.cardinal.end - 1];
    if t.lower.len() != 4 || !YEAR_RANGE.contains(&amount.value) || start != amount.start {
        return amount.kind;
    }
    // "in 2019", and "the 2020 election", "Biden's 2024 campaign"
    let cue = start
        .checked_sub(1)
        .and_then(|b| tokens.get(b))
        .is_some_and(|p| {
            YEAR_CUES.contains(&p.lower.as_str())
                || matches!(
                    p.lower.as_str(),
                    "the" | "a" | "an" | "its" | "his" | "her" | "their"
                )
                || p.lower.ends_with("'s")
                || p.lower.ends_with("’s")
        });
    let noun_after = tokens
        .get(end)
        .is_some_and(|n| n.kind == TokenKind::Word && !MEASURE_STOP.contains(&n.lower.as_str()));
    if cue || !noun_after {
        FigureKind::Year
    } else {
        amount.kind
    }
}

/// A percentage written before its number: "percent of 10", "per cent of
/// twenty-two".
fn percent_of_at(tokens: &[Token], i: usize, text: &str) -> Option<(Figure, usize)> {
    let (kind, after) = percent_at(tokens, i)?;
    if kind != FigureKind::Percent {
        return None;
    }
    let j = phrase_at(tokens, after, "of")?;
    let c = cardinal_at(tokens, j)?;
    if c.ordinal {
        return None;
    }
    let mut f = figure(
        text,
        tokens,
        i,
        c.end,
        FigureKind::Percent,
        Qualifier::Exact,
        number(c.value),
        number(c.value),
        Some("%".into()),
        Some("percent".into()),
    );
    f.value = Some(c.value);
    f.measure = measure_after(tokens, i, c.end).or(f.measure);
    Some((f, c.end))
}

/// A duration written as one hyphenated word: "one-week", "two-day".
fn hyphen_duration_at(tokens: &[Token], i: usize, text: &str) -> Option<(Figure, usize)> {
    let t = tokens.get(i)?;
    let (count, unit) = t.lower.rsplit_once('-')?;
    let (unit, _) = time_unit(unit)?;
    let (value, ordinal) = word_number(count)?;
    if ordinal {
        return None;
    }
    let mut f = figure(
        text,
        tokens,
        i,
        i + 1,
        FigureKind::Duration,
        Qualifier::Exact,
        number(value),
        number(value),
        Some(unit.to_string()),
        Some("duration".into()),
    );
    f.value = Some(value);
    Some((f, i + 1))
}

/// Join a lower and an upper bound written together into one range:
/// "more than 100 and less than 300", "at most 100 and at least 20".
fn join_bounds(figures: &mut Vec<Figure>, text: &str) {
    let mut k = 0;
    while k + 1 < figures.len() {
        let (a, b) = (&figures[k], &figures[k + 1]);
        let between = text[a.span.end..b.span.start].trim().to_lowercase();
        let joined = matches!(between.as_str(), "and" | "but" | "," | ", and" | "and also");
        let pair = match (a.qualifier, b.qualifier) {
            (Qualifier::LowerBound, Qualifier::UpperBound) => Some((a, b)),
            (Qualifier::UpperBound, Qualifier::LowerBound) => Some((b, a)),
            _ => None,
        };
        if let Some((lower, upper)) = pair
            && joined
            && a.kind == b.kind
            && let (Some(lo), Some(hi)) = (
                lower.low.as_ref().and_then(Endpoint::number),
                upper.high.as_ref().and_then(Endpoint::number),
            )
            && lo <= hi
        {
            let span = a.span.start..b.span.end;
            let merged = Figure {
                text: text[span.clone()].to_string(),
                kind: a.kind,
                low: number(lo),
                high: number(hi),
                low_exclusive: lower.low_exclusive,
                high_exclusive: upper.high_exclusive,
                qualifier: Qualifier::Range,
                value: None,
                unit: a.unit.clone().or(b.unit.clone()),
                measure: b.measure.clone().or(a.measure.clone()),
                span,
            };
            figures[k] = merged;
            figures.remove(k + 1);
        }
        k += 1;
    }
}

/// Whether "of" and a month name follow at token `j`: an ordinal written out
/// before them ("the Fourth of July", "the Fifth of November") names a day,
/// usually a holiday, and is no figure. ("4th of July" is read as a date.)
fn names_a_day(tokens: &[Token], j: usize, text: &str) -> bool {
    tokens.get(j).is_some_and(|t| t.is("of")) && dates::month_at(tokens, j + 1, text).is_some()
}

/// All figures in `text`, in order of appearance.
pub fn find_figures(text: &str, context: &Context) -> Vec<Figure> {
    let tokens = tokenize(text);
    let mut figures = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let found = dates::date_at(&tokens, i, text, context)
            .or_else(|| vague_at(&tokens, i, text))
            .or_else(|| quantity_at(&tokens, i, text))
            .or_else(|| percent_of_at(&tokens, i, text))
            .or_else(|| hyphen_duration_at(&tokens, i, text));
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

/// Names that contain a number word or a date, in any case: their number
/// counts nothing ("Reid Breaks With Obama Over Proposed Ground Zero
/// Mosque" against "Two mosques").
const NAMES_WITH_NUMBERS: &[&str] = &[
    "9/11",
    "air force one",
    "big ten",
    "final four",
    "formula one",
    "fox news sunday",
    "ground zero",
    "super tuesday",
];

/// The share of capitalized words above which a text is in title case: in
/// a headline every word is capitalized, so a capital says nothing of a
/// name.
const TITLE_CASE_SHARE: f64 = 0.6;

/// Drop the figures that are part of a name: those inside a phrase of
/// [`NAMES_WITH_NUMBERS`], and, outside title case, a capitalized number
/// word or weekday right after a capitalized word that does not start a
/// sentence ("the Ground Zero mosque", "aboard Air Force One").
fn drop_names(figures: &mut Vec<Figure>, tokens: &[Token], text: &str) {
    if figures.is_empty() {
        return;
    }
    let lower = text.to_lowercase();
    let mut names: Vec<std::ops::Range<usize>> = Vec::new();
    if lower.len() == text.len() {
        for name in NAMES_WITH_NUMBERS {
            names.extend(lower.match_indices(name).map(|(at, n)| at..at + n.len()));
        }
    }
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
        if title || !capitalized_word {
            return false;
        }
        let at = tokens.partition_point(|t| t.start < f.span.start);
        at >= 2 && tokens[at - 1].kind == TokenKind::Word && tokens[at - 1].upper && {
            let p = &tokens[at - 2];
            !(p.kind == TokenKind::Sym && matches!(p.lower.as_str(), "." | "!" | "?" | ":"))
        }
    };
    figures.retain(|f| !in_name(f));
}

mod phrases;
#[cfg(test)]
mod tests;
