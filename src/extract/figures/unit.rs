//! Units: currencies, time units and percent words around a number.

use super::*;

/// Currencies: how they are written and the unit storydiff reports. A dollar
/// sign without a country is the US dollar. "m"-prefixed codes ("MUSD") are
/// millions.
pub(super) static CURRENCIES: PairList =
    PairList::new(include_str!("../../../lexicons/figures-currencies.txt"));

/// ISO 4217 codes read as currencies when written in capitals.
pub(super) static ISO_CODES: WordList =
    WordList::new(include_str!("../../../lexicons/figures-currency-codes.txt"));

/// The code of [`ISO_CODES`] that `lower` spells in lower case, from a
/// table built once: every capitalized word is asked.
pub(super) fn iso_code(lower: &str) -> Option<&'static str> {
    static CODES: OnceLock<phrases::FnvMap<String, &'static str>> = OnceLock::new();
    let codes = CODES.get_or_init(|| {
        ISO_CODES
            .iter()
            .map(|&code| (code.to_ascii_lowercase(), code))
            .collect()
    });
    codes.get(lower).copied()
}

/// Currency codes written with an "m" for millions: "30 MUSD", "MEUR 120".
pub(super) const MILLION_CODES: &[(&str, &str)] = &[
    ("maud", "AUD"),
    ("mcad", "CAD"),
    ("meur", "EUR"),
    ("mgbp", "GBP"),
    ("musd", "USD"),
];

/// A currency at token `j`: its unit, the index after it, and a factor.
/// [`CURRENCIES`] indexed by first word.
pub(super) fn currency_index() -> &'static PhraseIndex<&'static str> {
    static INDEX: OnceLock<PhraseIndex<&'static str>> = OnceLock::new();
    INDEX.get_or_init(|| PhraseIndex::new(CURRENCIES.iter().copied()))
}

pub(super) fn currency_at(tokens: &[Token], j: usize) -> Option<(&'static str, usize, f64)> {
    let index = currency_index();
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
        if t.upper
            && let Some(code) = iso_code(&t.lower)
        {
            return Some((code, j + 1, 1.0));
        }
    }
    best
}

/// Time units and their length in seconds. A year is 365.25 days and a
/// month a twelfth of it, so that "270 months" is "22 and a half years";
/// that calendar months and years vary around these lengths is left to the
/// comparison's tolerance (`DURATION_SLACK`).
pub(crate) const TIME_UNITS: &[(&str, &str, f64)] = &[
    ("century", "centuries", 3_155_760_000.0),
    ("day", "days", 86_400.0),
    ("decade", "decades", 315_576_000.0),
    ("fortnight", "fortnights", 1_209_600.0),
    ("hour", "hours", 3_600.0),
    ("minute", "minutes", 60.0),
    ("month", "months", 2_629_800.0),
    ("second", "seconds", 1.0),
    ("week", "weeks", 604_800.0),
    ("year", "years", 31_557_600.0),
];

/// The unit name (plural) and length in seconds of a time word.
pub(crate) fn time_unit(word: &str) -> Option<(&'static str, f64)> {
    TIME_UNITS
        .iter()
        .find(|(one, many, _)| *one == word || *many == word)
        .map(|&(_, many, s)| (many, s))
}

// Quantities: a number with everything around it.

/// What follows a number and decides its kind.
#[derive(Debug, Clone)]
pub(super) struct Suffix {
    pub(super) kind: FigureKind,
    pub(super) unit: Option<String>,
    pub(super) factor: f64,
    pub(super) end: usize,
}

/// [`PERCENT_WORDS`] indexed by first word.
pub(super) fn percent_index() -> &'static PhraseIndex<FigureKind> {
    static INDEX: OnceLock<PhraseIndex<FigureKind>> = OnceLock::new();
    INDEX.get_or_init(|| PhraseIndex::new(PERCENT_WORDS.iter().copied()))
}

pub(super) fn percent_at(tokens: &[Token], j: usize) -> Option<(FigureKind, usize)> {
    percent_index().first_at(tokens, j)
}

/// Words for percent and percentage points, longest first where one starts
/// another.
pub(super) const PERCENT_WORDS: &[(&str, FigureKind)] = &[
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
pub(super) fn suffix_at(tokens: &[Token], j: usize) -> Option<Suffix> {
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
