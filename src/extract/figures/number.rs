//! Numbers: number words, scales, fractions and cardinals, read from tokens.

use std::cell::RefCell;

use super::*;

/// Scale words and the factor they multiply by. "dozen" and "hundred" scale
/// the number before them; the others close a group ("two hundred thousand").
pub(super) const SCALE_WORDS: &[(&str, f64)] = &[
    ("bil", 1e9),
    ("bln", 1e9),
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
    ("mil", 1e6),
    ("million", 1e6),
    ("millions", 1e6),
    ("mln", 1e6),
    ("mn", 1e6),
    ("thousand", 1e3),
    ("thousands", 1e3),
    ("tln", 1e12),
    ("tn", 1e12),
    ("trillion", 1e12),
    ("trillions", 1e12),
    ("trln", 1e12),
];

/// Abbreviated scales read only when written against the digits: "15k",
/// "3.2m", "$2b", "10G", "1MM". Apart, "m" is metres and "k" a letter.
pub(super) const ATTACHED_SCALES: &[(&str, f64)] =
    &[("b", 1e9), ("g", 1e9), ("k", 1e3), ("m", 1e6), ("mm", 1e6)];

pub(super) fn scale_of(token: &Token, after_digits: bool) -> Option<f64> {
    if token.kind != TokenKind::Word {
        return None;
    }
    if let Some(f) = scale_word(&token.lower) {
        return Some(f);
    }
    if after_digits && token.attached() {
        return ATTACHED_SCALES
            .iter()
            .find(|(w, _)| *w == token.lower)
            .map(|&(_, f)| f);
    }
    // "2.33 k": a thousand is the one letter read apart from the digits
    // ("5 m" stays metres, "10 b" a letter)
    if after_digits && token.lower == SPACED_THOUSAND {
        return Some(1e3);
    }
    None
}

/// The factor of a scale word of [`SCALE_WORDS`], looked up in a table
/// built once: readers ask about the tokens around every number.
fn scale_word(word: &str) -> Option<f64> {
    static SCALES: OnceLock<phrases::FnvMap<&'static str, f64>> = OnceLock::new();
    let scales = SCALES.get_or_init(|| SCALE_WORDS.iter().copied().collect());
    // no scale word is longer than "trillions"
    (word.len() <= SCALE_WORD_MAX)
        .then(|| scales.get(word).copied())
        .flatten()
}

/// The length of the longest scale word ("trillions").
const SCALE_WORD_MAX: usize = 9;

/// The one abbreviated scale read after the digits with a space between:
/// "2.33 k" is 2,330, where "2 m" may be metres and "2 b" a list item.
pub(super) const SPACED_THOUSAND: &str = "k";

/// Number words text2num does not read as cardinals.
pub(super) const EXTRA_NUMBER_WORDS: &[(&str, f64)] =
    &[("naught", 0.0), ("nought", 0.0), ("nil", 0.0)];

/// Words that look like numbers to text2num but read as something else here.
pub(super) const NOT_NUMBER_WORDS: &[&str] =
    &["a", "an", "and", "o", "oh", "ones", "second", "seconds"];

/// A single number word: its value and whether it is an ordinal ("third").
/// Cardinals and ordinals are read by text2num, so spelling variants such as
/// "twenty-one" or "twenty-first" follow its English grammar.
pub(crate) fn word_number(word: &str) -> Option<(f64, bool)> {
    if let Some(&(_, v)) = EXTRA_NUMBER_WORDS.iter().find(|(w, _)| *w == word) {
        return Some((v, false));
    }
    // the cheap test first: most words are no number
    if word.len() > 24
        || !may_be_number_word(word)
        || NOT_NUMBER_WORDS.contains(&word)
        || scale_word(word).is_some()
        || !word.chars().all(|c| c.is_ascii_lowercase() || c == '-')
    {
        return None;
    }
    thread_local! {
        // Readers ask about the same number words again and again (each
        // around every number), and text2num is a pure function of the
        // word: each thread keeps what it read, up to NUMBER_WORDS_KEPT.
        static READ: RefCell<phrases::FnvMap<Box<str>, WordNumber>> = RefCell::default();
    }
    READ.with_borrow_mut(|read| {
        if let Some(&known) = read.get(word) {
            return known;
        }
        let value = text2num_word(word);
        if read.len() >= NUMBER_WORDS_KEPT {
            read.clear();
        }
        read.insert(word.into(), value);
        value
    })
}

/// A number word's value and whether it is an ordinal, or none.
type WordNumber = Option<(f64, bool)>;

/// The number words each thread remembers ([`word_number`]): English has a
/// few hundred in use, and the table is cleared past this so that hostile
/// text cannot grow it without bound.
const NUMBER_WORDS_KEPT: usize = 4096;

/// [`word_number`] of a word that passed its cheap tests, read by text2num.
fn text2num_word(word: &str) -> Option<(f64, bool)> {
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

/// The words text2num's English builds numbers from, after it drops a
/// plural -s: a word none of whose hyphenated parts is one of them is no
/// number, and is turned away before text2num is asked (which was a sixth
/// of the time `storydiff figures` took).
fn number_part(lemma: &str) -> bool {
    matches!(
        lemma,
        "and"
            | "billion"
            | "billionth"
            | "eight"
            | "eighteen"
            | "eighteenth"
            | "eighth"
            | "eightieth"
            | "eighty"
            | "eleven"
            | "eleventh"
            | "fifteen"
            | "fifteenth"
            | "fifth"
            | "fiftieth"
            | "fifty"
            | "first"
            | "five"
            | "fortieth"
            | "forty"
            | "four"
            | "fourteen"
            | "fourteenth"
            | "fourth"
            | "fourtieth"
            | "fourty"
            | "hundred"
            | "hundredth"
            | "million"
            | "millionth"
            | "nine"
            | "nineteen"
            | "nineteenth"
            | "ninetieth"
            | "ninety"
            | "ninth"
            | "nought"
            | "o"
            | "one"
            | "oneth"
            | "point"
            | "second"
            | "seconds"
            | "seven"
            | "seventeen"
            | "seventeenth"
            | "seventh"
            | "seventieth"
            | "seventy"
            | "six"
            | "sixteen"
            | "sixteenth"
            | "sixteeth"
            | "sixth"
            | "sixtieth"
            | "sixty"
            | "ten"
            | "tenth"
            | "third"
            | "thirteen"
            | "thirteenth"
            | "thirtieth"
            | "thirty"
            | "thousand"
            | "thousandth"
            | "three"
            | "twelfth"
            | "twelve"
            | "twentieth"
            | "twenty"
            | "two"
            | "zero"
    )
}

/// Whether every hyphenated part of `word`, its plural -s dropped as
/// text2num drops it, is a number part (see [`number_part`]).
pub(super) fn may_be_number_word(word: &str) -> bool {
    // no number part is longer than "seventeenth" with its plural -s
    word.len() <= 24
        && word.split('-').all(|part| {
            let lemma = if part == "seconds" {
                part
            } else {
                part.trim_end_matches('s')
            };
            lemma.len() <= NUMBER_PART_MAX && number_part(lemma)
        })
}

/// The length of the longest number part ("seventeenth").
const NUMBER_PART_MAX: usize = 11;

pub(super) fn english() -> &'static text2num::Language {
    static ENGLISH: OnceLock<text2num::Language> = OnceLock::new();
    ENGLISH.get_or_init(text2num::Language::english)
}

/// Denominator of a fraction word: "half" 2, "thirds" 3, "quarter" 4,
/// "fifths" 5; "second" is left out (it is a unit of time).
pub(super) fn denominator(word: &str) -> Option<(f64, bool)> {
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
pub(super) fn and_fraction(tokens: &[Token], j: usize) -> Option<(f64, usize)> {
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
/// ("4 thousand 3 hundred and 21"), with scales and fractions. A fraction
/// before a scale is a share of it: "a quarter million", "two thirds of a
/// million", "three quarters billion", "1½ million".
pub(crate) fn cardinal_at(tokens: &[Token], i: usize) -> Option<Cardinal> {
    let mut c = plain_cardinal_at(tokens, i)?;
    if (c.fraction || c.value.fract() != 0.0) && !c.scaled && !c.ordinal {
        // "of a million", "of a billion", or the scale right after
        let k = match (tokens.get(c.end), tokens.get(c.end + 1)) {
            (Some(of), Some(a)) if of.is("of") && (a.is("a") || a.is("an")) => c.end + 2,
            _ => c.end,
        };
        if let Some(factor) = tokens
            .get(k)
            .filter(|t| !t.lower.ends_with('s'))
            .and_then(|t| scale_of(t, false))
            .filter(|&f| f >= 1e3)
        {
            c.value *= factor;
            c.end = k + 1;
            c.fraction = false;
            c.scaled = true;
            c.scale = factor;
            c.bare_digits = false;
        }
    }
    Some(c)
}

/// [`cardinal_at`] before a fraction is read as a share of a scale.
fn plain_cardinal_at(tokens: &[Token], i: usize) -> Option<Cardinal> {
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
        // "fifty - two": a spaced dash between a tens word and a unit word
        let unit_word = |t: &Token| {
            t.kind == TokenKind::Word
                && word_number(&t.lower).is_some_and(|(v, _)| v > 0.0 && v < 10.0)
        };
        if prev_tens && token.is("-") && tokens.get(j + 1).is_some_and(unit_word) {
            j += 1;
            continue;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_scale_word_is_found_in_the_table() {
        for &(word, factor) in SCALE_WORDS {
            assert!(word.len() <= SCALE_WORD_MAX, "{word}");
            assert_eq!(scale_word(word), Some(factor), "{word}");
        }
        assert_eq!(scale_word("millionaire"), None);
    }

    #[test]
    fn remembered_number_words_read_as_text2num_reads_them() {
        for word in [
            "twenty-one",
            "third",
            "seventeen",
            "fifty",
            "ten",
            "tei",
            "ones",
        ] {
            let first = word_number(word);
            assert_eq!(word_number(word), first, "{word}");
        }
        assert_eq!(word_number("twenty-one"), Some((21.0, false)));
        assert_eq!(word_number("third"), Some((3.0, true)));
    }

    #[test]
    fn the_prefilter_lets_every_number_word_through() {
        let ones = [
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "first",
            "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        ];
        let tens = [
            "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
        ];
        let mut words: Vec<String> = ["hundred", "thousand", "million", "billion", "seventeenth"]
            .iter()
            .map(|w| w.to_string())
            .collect();
        for t in tens {
            for o in ones {
                words.push(format!("{t}-{o}"));
            }
        }
        for w in [
            "thirds",
            "fifths",
            "twentieths",
            "hundreds",
            "twenty-thirds",
        ] {
            words.push(w.to_string());
        }
        for word in &words {
            if text2num::text2digits(word, english()).is_ok() {
                assert!(may_be_number_word(word), "{word}");
            }
        }
        for word in [
            "troops",
            "some",
            "once",
            "tenant",
            "seventies-style",
            "oner",
        ] {
            assert!(word_number(word).is_none(), "{word}");
        }
    }

    #[test]
    #[ignore = "checks the prefilter against text2num on a vocabulary file (FIGURE_VOCAB)"]
    fn the_prefilter_turns_away_no_number() {
        let path = std::env::var("FIGURE_VOCAB").unwrap();
        let vocab = std::fs::read_to_string(path).unwrap();
        let mut checked = 0;
        for word in vocab.lines() {
            let word = word.trim();
            if word.is_empty() || !word.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
                continue;
            }
            checked += 1;
            let full = text2num::text2digits(word, english()).ok();
            if full.is_some() {
                assert!(may_be_number_word(word), "{word} reads as {full:?}");
            }
        }
        assert!(checked > 1000);
    }
}
