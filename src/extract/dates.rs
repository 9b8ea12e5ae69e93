//! Dates and durations: "November 21", "Nov. 21", "on Monday", "since September".
//!
//! A date is resolved against the article's publication date when it is
//! known: a day and month take the year that puts them closest to
//! publication, a weekday is the most recent such day on or before it.
//! Without a publication date the year is left open (`--11-21`). Durations
//! ("one week", "48 hours") are read with the other quantities in
//! `figures.rs`, through [`crate::extract::figures`]'s time units.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

use crate::extract::figures::{
    Context, Endpoint, Figure, FigureKind, Qualifier, Token, TokenKind, figure,
};
use crate::text::lexicon::PairList;

/// Month names and abbreviations, each with its number.
static MONTHS: PairList = PairList::new(include_str!("../../lexicons/dates-months.txt"));

/// Weekday names.
const WEEKDAYS: &[(&str, Weekday)] = &[
    ("friday", Weekday::Friday),
    ("monday", Weekday::Monday),
    ("saturday", Weekday::Saturday),
    ("sunday", Weekday::Sunday),
    ("thursday", Weekday::Thursday),
    ("tuesday", Weekday::Tuesday),
    ("wednesday", Weekday::Wednesday),
];

/// Whether a date figure is a bare weekday ("Monday"). News names the day of
/// a statement or of the reporting by its weekday, and the day of an event by
/// its calendar date, so the compare stage keeps the two apart.
pub fn is_weekday(figure: &Figure) -> bool {
    figure.kind == FigureKind::Date
        && WEEKDAYS
            .iter()
            .any(|(w, _)| figure.text.eq_ignore_ascii_case(w))
}

/// Whether a lower-case word names a weekday or a month ("monday", "june",
/// "sept").
pub(crate) fn is_day_or_month(word: &str) -> bool {
    WEEKDAYS.iter().any(|(w, _)| *w == word) || MONTHS.iter().any(|(w, _)| *w == word)
}

/// The measure of every date: dates in one aligned claim are the date of the
/// same event, whatever the noun ("call", "meeting") each outlet uses.
pub const DATE_MEASURE: &str = "date";

fn capitalized(text: &str, token: &Token) -> bool {
    text[token.start..token.end]
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

/// A month name at token `j` (capitalized, so that "may" the verb and "march"
/// the noun are left alone), and the index after it and its dot.
pub(crate) fn month_at(tokens: &[Token], j: usize, text: &str) -> Option<(i8, usize)> {
    let t = tokens.get(j)?;
    if t.kind != TokenKind::Word || !capitalized(text, t) {
        return None;
    }
    let &(name, number) = MONTHS.iter().find(|(w, _)| *w == t.lower)?;
    let m: i8 = number.parse().ok()?;
    let mut end = j + 1;
    if name.len() <= 4
        && name != "may"
        && name != "june"
        && name != "july"
        && tokens.get(end).is_some_and(|d| d.is(".") && d.attached())
    {
        end += 1;
    }
    Some((m, end))
}

/// A day of the month at token `j`: "21", "21st"; and the index after it.
fn day_at(tokens: &[Token], j: usize) -> Option<(i8, usize)> {
    let t = tokens.get(j)?;
    if t.kind != TokenKind::Num || !t.bare_digits || t.lower.len() > 2 {
        return None;
    }
    let d = t.value as i8;
    if !(1..=31).contains(&d) {
        return None;
    }
    let mut end = j + 1;
    if tokens
        .get(end)
        .is_some_and(|s| s.attached() && matches!(s.lower.as_str(), "st" | "nd" | "rd" | "th"))
    {
        end += 1;
    }
    Some((d, end))
}

/// A year at token `j` ("2025", after an optional comma); and the index after it.
fn year_at(tokens: &[Token], j: usize) -> Option<(i16, usize)> {
    let mut k = j;
    if tokens.get(k).is_some_and(|t| t.is(",")) {
        k += 1;
    }
    let t = tokens.get(k)?;
    (t.kind == TokenKind::Num && t.bare_digits && t.lower.len() == 4 && t.space_before)
        .then_some((t.value as i16, k + 1))
}

fn published(context: &Context) -> Option<Date> {
    context.published.as_deref()?.parse().ok()
}

fn iso(date: Date) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// The year that puts `month`/`day` closest to `published`: articles speak
/// of recent and coming days, so "December 30" in an article of January 2
/// is the December just gone.
fn nearest_date(month: i8, day: i8, published: Date) -> Option<Date> {
    let y = published.year();
    [y - 1, y, y + 1]
        .into_iter()
        .filter_map(|year| Date::new(year, month, day).ok())
        .min_by_key(|d| {
            published
                .until(*d)
                .map_or(i32::MAX, |span| span.get_days().abs())
        })
}

/// A date endpoint: ISO 8601, or `--MM-DD` when the year is unknown.
fn endpoint(date: Option<Date>, month: i8, day: i8) -> Endpoint {
    match date {
        Some(d) => Endpoint::Date(iso(d)),
        None => Endpoint::Date(format!("--{month:02}-{day:02}")),
    }
}

/// The most recent `weekday` on or before `published`.
fn last_weekday(weekday: Weekday, published: Date) -> Option<Date> {
    let back = weekday.until(published.weekday());
    published.checked_sub(i64::from(back).days()).ok()
}

fn date_figure(
    text: &str,
    tokens: &[Token],
    first: usize,
    end: usize,
    qualifier: Qualifier,
    low: Option<Endpoint>,
    high: Option<Endpoint>,
) -> (Figure, usize) {
    let f = figure(
        text,
        tokens,
        first,
        end,
        FigureKind::Date,
        qualifier,
        low,
        high,
        None,
        Some(DATE_MEASURE.to_string()),
    );
    (f, end)
}

/// A date starting at token `i`, as a figure of kind `date`.
pub(crate) fn date_at(
    tokens: &[Token],
    i: usize,
    text: &str,
    context: &Context,
) -> Option<(Figure, usize)> {
    let published = published(context);
    let t = tokens.get(i)?;
    // "Monday": the most recent Monday on or before publication
    if t.kind == TokenKind::Word
        && capitalized(text, t)
        && let Some(&(_, weekday)) = WEEKDAYS.iter().find(|(w, _)| *w == t.lower)
    {
        let date = published
            .and_then(|p| last_weekday(weekday, p))
            .map(|d| Endpoint::Date(iso(d)));
        return Some(date_figure(
            text,
            tokens,
            i,
            i + 1,
            Qualifier::Exact,
            date.clone(),
            date,
        ));
    }
    // "since September": from the first of the most recent September on
    if (t.is("since") || t.is("from"))
        && let Some((month, end)) = month_at(tokens, i + 1, text)
        && day_at(tokens, end).is_none()
    {
        let (start, end) = match year_at(tokens, end) {
            Some((year, e)) => (Date::new(year, month, 1).ok(), e),
            None => (
                published.and_then(|p| {
                    let year = if month <= p.month() {
                        p.year()
                    } else {
                        p.year() - 1
                    };
                    Date::new(year, month, 1).ok()
                }),
                end,
            ),
        };
        let low = match start {
            Some(d) => Endpoint::Date(iso(d)),
            None => Endpoint::Date(format!("--{month:02}")),
        };
        if t.is("since") {
            return Some(date_figure(
                text,
                tokens,
                i,
                end,
                Qualifier::LowerBound,
                Some(low),
                None,
            ));
        }
    }
    // "November 21", "Nov. 21st, 2025"
    if let Some((month, after_month)) = month_at(tokens, i, text) {
        if let Some((day, end)) = day_at(tokens, after_month) {
            let (date, end) = match year_at(tokens, end) {
                Some((year, e)) => (Date::new(year, month, day).ok(), e),
                None => (published.and_then(|p| nearest_date(month, day, p)), end),
            };
            if date.is_none() && Date::new(2024, month, day).is_err() {
                return None; // "February 30"
            }
            let e = endpoint(date, month, day);
            return Some(date_figure(
                text,
                tokens,
                i,
                end,
                Qualifier::Exact,
                Some(e.clone()),
                Some(e),
            ));
        }
        // "September 2025": the whole month
        if let Some((year, end)) = year_at(tokens, after_month)
            && let Ok(first) = Date::new(year, month, 1)
        {
            return Some(date_figure(
                text,
                tokens,
                i,
                end,
                Qualifier::Range,
                Some(Endpoint::Date(iso(first))),
                Some(Endpoint::Date(iso(first.last_of_month()))),
            ));
        }
    }
    // "21 November", "21st of November"
    if let Some((day, after_day)) = day_at(tokens, i) {
        let k = if tokens.get(after_day).is_some_and(|t| t.is("of")) {
            after_day + 1
        } else {
            after_day
        };
        if let Some((month, end)) = month_at(tokens, k, text) {
            let (date, end) = match year_at(tokens, end) {
                Some((year, e)) => (Date::new(year, month, day).ok(), e),
                None => (published.and_then(|p| nearest_date(month, day, p)), end),
            };
            if date.is_none() && Date::new(2024, month, day).is_err() {
                return None;
            }
            let e = endpoint(date, month, day);
            return Some(date_figure(
                text,
                tokens,
                i,
                end,
                Qualifier::Exact,
                Some(e.clone()),
                Some(e),
            ));
        }
    }
    None
}
