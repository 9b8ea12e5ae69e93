//! What a figure is measured over: periods, parts of a span, calendar periods.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::Verdict;
use super::identity::{clause_boundary, key};
use super::verdict::compare;
use crate::extract::figures::{Endpoint, Figure, FigureKind, stem};
use crate::model::Claim;

/// Phrases that name the period a rate or change is measured over. Two
/// figures measured over different periods are different quantities: prices
/// that "rose 0.6% from the month before" and "5% on a year-over-year
/// basis" are both true. Each phrase maps to its period.
pub const PERIOD_PHRASES: &[(&str, &str)] = &[
    ("a month earlier", "month"),
    ("a quarter earlier", "quarter"),
    ("a year ago", "year"),
    ("a year before", "year"),
    ("a year earlier", "year"),
    ("a year prior", "year"),
    ("annual", "year"),
    ("annually", "year"),
    ("from the month before", "month"),
    ("from the year before", "year"),
    ("in the month", "month"),
    ("month-on-month", "month"),
    ("month-over-month", "month"),
    ("month-to-month", "month"),
    ("monthly", "month"),
    ("over the past year", "year"),
    ("over the year", "year"),
    ("per month", "month"),
    ("per year", "year"),
    ("quarter-on-quarter", "quarter"),
    ("quarter-over-quarter", "quarter"),
    ("quarterly", "quarter"),
    ("the month before", "month"),
    ("the previous month", "month"),
    ("the previous year", "year"),
    ("the prior month", "month"),
    ("the prior year", "year"),
    ("week-over-week", "week"),
    ("weekly", "week"),
    ("year-on-year", "year"),
    ("year-over-year", "year"),
    ("yearly", "year"),
];

/// Phrases that name an ordinal part of a longer span: "8 percent in the
/// first year" is not the offer of "12 percent" over three years. A figure
/// with such a phrase is compared only with one naming the same part; one
/// without it may be about the whole. Each phrase maps to the part it names.
pub const PART_PHRASES: &[(&str, &str)] = &[
    ("first half", "first half"),
    ("first month", "first month"),
    ("first quarter", "first quarter"),
    ("first week", "first week"),
    ("first year", "first year"),
    ("fourth quarter", "fourth quarter"),
    ("second half", "second half"),
    ("second quarter", "second quarter"),
    ("second year", "second year"),
    ("third quarter", "third quarter"),
    ("third year", "third year"),
];

/// Phrases that place a figure in a calendar period. They usually say when,
/// not which part: "$26 billion in sales this year" and "about $26 billion
/// in sales" are one forecast. So two figures in different calendar periods
/// are not compared, but one without a period is compared with one in a
/// period, unless the claim of the latter splits the quantity by period
/// ("200 million doses this year and 300 million doses in the first half of
/// 2022" against "500 million doses"). Each phrase maps to its period.
pub const CALENDAR_PHRASES: &[(&str, &str)] = &[
    ("in april", "april"),
    ("in august", "august"),
    ("in december", "december"),
    ("in february", "february"),
    ("in january", "january"),
    ("in july", "july"),
    ("in june", "june"),
    ("in march", "march"),
    ("in may", "may"),
    ("in november", "november"),
    ("in october", "october"),
    ("in september", "september"),
    ("last month", "last month"),
    ("last week", "last week"),
    ("last year", "last year"),
    ("next month", "next month"),
    ("next week", "next week"),
    ("next year", "next year"),
    ("this month", "this month"),
    ("this week", "this week"),
    ("this year", "this year"),
];

/// Words that make a figure an expectation, not an outcome: "economists
/// had expected 1 million jobs" is not the "266,000 jobs" employers added.
/// A figure with one of them in its clause is compared only with another
/// expectation, and a conflict between two expectations is a warning (see
/// `pairing::Doubt::Estimates`): surveys differ without anyone being wrong.
pub const ESTIMATE_WORDS: &[&str] = &[
    "anticipate",
    "anticipated",
    "anticipates",
    "anticipating",
    "consensus",
    "estimate",
    "estimates",
    "expect",
    "expectation",
    "expectations",
    "expected",
    "expecting",
    "expects",
    "forecast",
    "forecasters",
    "forecasting",
    "forecasts",
    "predicted",
    "predicting",
    "prediction",
    "predictions",
    "predicts",
    "projected",
    "projection",
    "projections",
];

/// Words that make a figure an average: "averaging more than 1,500 deaths
/// a day" is not the "279 deaths" of one Sunday, nor "a decrease of
/// 28,250" in the moving average the 45,000 of the weekly count. An average
/// is compared only with an average.
pub const AVERAGE_WORDS: &[&str] = &["average", "averaged", "averages", "averaging"];

/// What a figure is measured over: the periods, parts and calendar periods
/// named around it, whether it is an expectation or an average, and the
/// years named in its clause.
#[derive(Debug, Clone, Default)]
pub(super) struct Scope {
    pub(super) periods: BTreeSet<&'static str>,
    pub(super) parts: BTreeSet<&'static str>,
    pub(super) calendar: BTreeSet<&'static str>,
    /// An expectation (see [`ESTIMATE_WORDS`]).
    pub(super) estimate: bool,
    /// An average (see [`AVERAGE_WORDS`]).
    pub(super) average: bool,
    /// The length of time it is given over: "$974 billion over five
    /// years" is not "$1.2 trillion over eight years" (see
    /// [`SPAN_WORDS`]).
    pub(super) over: Option<Figure>,
    /// The years of other figures in its clause ("Obama Medicare attack in
    /// 2008 targeted McCain for cutting $800 billion"): a count or amount
    /// placed in a year. Years themselves have none.
    pub(super) years: BTreeSet<i64>,
    /// The stemmed words of the phrases found: they are left out of the
    /// figure's context, since the scope rule has weighed them already
    /// ("year-over-year" and "a year earlier" name one period).
    pub(super) words: BTreeSet<String>,
    /// Whether the claim gives another figure of the same kind and measure
    /// for another part or calendar period: the quantity is split.
    pub(super) split: bool,
}

impl Scope {
    fn is_empty(&self) -> bool {
        self.periods.is_empty()
            && self.parts.is_empty()
            && self.calendar.is_empty()
            && !self.estimate
            && !self.average
    }
}

/// Which list a scope phrase comes from.
#[derive(Debug, Clone, Copy)]
enum List {
    Period,
    Part,
    Calendar,
    Estimate,
    Average,
}

/// One automaton over the phrases of [`PERIOD_PHRASES`], [`PART_PHRASES`]
/// and [`CALENDAR_PHRASES`], with each pattern's list, tag and stemmed
/// words. Built once: a claim is scanned once, whatever its figure count.
struct Phrases {
    matcher: AhoCorasick,
    patterns: Vec<(List, &'static str, Vec<String>)>,
}

fn phrases() -> &'static Phrases {
    static PHRASES: OnceLock<Phrases> = OnceLock::new();
    PHRASES.get_or_init(|| {
        let lists = [
            (List::Period, PERIOD_PHRASES),
            (List::Part, PART_PHRASES),
            (List::Calendar, CALENDAR_PHRASES),
        ];
        let mut texts = Vec::new();
        let mut patterns = Vec::new();
        for (list, phrases) in lists {
            for &(phrase, tag) in phrases {
                texts.push(phrase);
                patterns.push((list, tag, phrase.split(' ').map(stem).collect()));
            }
        }
        for (list, words) in [
            (List::Estimate, ESTIMATE_WORDS),
            (List::Average, AVERAGE_WORDS),
        ] {
            for &word in words {
                texts.push(word);
                patterns.push((list, word, vec![stem(word)]));
            }
        }
        let matcher = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&texts)
            .expect("scope phrases build an automaton");
        Phrases { matcher, patterns }
    })
}

/// A scope phrase found in a claim: its byte range and pattern.
#[derive(Debug, Clone, Copy)]
struct Found {
    start: usize,
    end: usize,
    pattern: usize,
}

/// Words right before an expectation that set an outcome against it:
/// "Economy beats expectations with 850,000 jobs", "added 943,000, more
/// than expected". The figure of such a clause is the outcome, not the
/// expectation; "than the estimate of 5.9%" still names an expectation.
pub const OUTCOME_BEFORE_ESTIMATE: &[&str] = &[
    "above",
    "beat",
    "beating",
    "beats",
    "below",
    "beyond",
    "exceeded",
    "exceeding",
    "exceeds",
    "missed",
    "misses",
    "missing",
    "surpassed",
    "surpasses",
    "surpassing",
    "than",
    "topped",
    "topping",
    "tops",
];

/// Every scope phrase in `text` as whole words, in order; overlapping
/// phrases ("a year earlier", "year earlier") are all kept. An expectation
/// that an outcome is set against (see [`OUTCOME_BEFORE_ESTIMATE`]) is no
/// phrase of scope.
fn phrases_in(text: &str) -> Vec<Found> {
    let word = |c: char| c.is_alphanumeric() || c == '-';
    let table = phrases();
    let outcome = |start: usize| {
        text[..start]
            .split_whitespace()
            .next_back()
            .is_some_and(|w| OUTCOME_BEFORE_ESTIMATE.contains(&w.to_lowercase().as_str()))
    };
    table
        .matcher
        .find_overlapping_iter(text)
        .filter(|m| {
            !text[..m.start()].chars().next_back().is_some_and(word)
                && !text[m.end()..].chars().next().is_some_and(word)
        })
        .filter(|m| {
            !(matches!(table.patterns[m.pattern().as_usize()].0, List::Estimate)
                && outcome(m.start()))
        })
        .map(|m| Found {
            start: m.start(),
            end: m.end(),
            pattern: m.pattern().as_usize(),
        })
        .collect()
}

/// The scope made of the phrases of `found` that lie within `start..end`.
fn scope_in(found: &[Found], start: usize, end: usize) -> Scope {
    let table = phrases();
    let first = found.partition_point(|f| f.start < start);
    let mut scope = Scope::default();
    for f in found[first..].iter().take_while(|f| f.start < end) {
        if f.end > end {
            continue;
        }
        let (list, tag, words) = &table.patterns[f.pattern];
        match list {
            List::Period => _ = scope.periods.insert(tag),
            List::Part => _ = scope.parts.insert(tag),
            List::Calendar => _ = scope.calendar.insert(tag),
            List::Estimate => scope.estimate = true,
            List::Average => scope.average = true,
        }
        scope.words.extend(words.iter().cloned());
    }
    scope
}

/// The length of a year at the start of an ISO date ("2020-03-14").
const ISO_YEAR_LEN: usize = 4;

/// Where the scope of the clause starting at `start` begins: the clause
/// itself, or, for a clause of time opened by "when", the clause before it,
/// which names the time ("a vote in May, when 35 House Republicans joined").
fn when_clause_start(text: &str, start: usize) -> usize {
    let opens_with_when = text[start..]
        .split_whitespace()
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("when"));
    if !opens_with_when {
        return start;
    }
    let before = text[..start].trim_end_matches(|c: char| clause_boundary(c) || c.is_whitespace());
    before
        .char_indices()
        .rev()
        .find(|&(_, c)| clause_boundary(c))
        .map_or(0, |(p, c)| p + c.len_utf8())
}

/// The year of a year or date figure.
fn year_of(f: &Figure) -> Option<i64> {
    match (&f.kind, &f.low) {
        (FigureKind::Year, _) => f.value.map(|y| y as i64),
        (FigureKind::Date, Some(Endpoint::Date(d))) => d.get(..ISO_YEAR_LEN)?.parse().ok(),
        _ => None,
    }
}

/// The scope of every figure of a claim, in the order of `claim.figures`,
/// given each figure's clause. A figure's scope is the phrases in its own
/// clause, or, when there are none, those of an opening clause without
/// figures that sets the frame for the whole claim ("In the month of May,
/// prices rose 0.6%"). Its `split` says whether another figure of the same
/// kind and measure is given for another part or calendar period. The claim
/// is scanned once, and the split found per measure, so the cost is near
/// linear in the claim's length and figure count.
pub(super) fn scopes(claim: &Claim, clauses: &[(usize, usize)]) -> Vec<Scope> {
    let text = &claim.text;
    let found = phrases_in(text);
    let boundary = |c: char| matches!(c, ',' | ';' | ':' | '—' | '–');
    let opening = text
        .find(boundary)
        .filter(|&o| !claim.figures.iter().any(|f| f.span.start < o));
    // where each figure's scope begins: its clause, or the clause before a
    // clause of time
    let froms: Vec<usize> = clauses
        .iter()
        .map(|&(start, _)| when_clause_start(text, start))
        .collect();
    let mut scopes: Vec<Scope> = claim
        .figures
        .iter()
        .zip(clauses)
        .zip(&froms)
        .map(|((figure, &(_, end)), &from)| {
            let own = scope_in(&found, from, end);
            let mut scope = match opening {
                Some(o) if own.is_empty() && o < figure.span.start => scope_in(&found, 0, o),
                _ => own,
            };
            // a year or a date is itself a time: "this year" or "last week"
            // in its clause says when something was said, and "projected
            // to run out in 2036" dates the same event as "will run out in
            // 2036"
            if matches!(figure.kind, FigureKind::Year | FigureKind::Date) {
                scope.calendar.clear();
                scope.estimate = false;
            }
            scope
        })
        .collect();
    // the length of time right after a figure: "$974 billion over five years"
    for (n, scope) in scopes.iter_mut().enumerate() {
        let (Some(f), Some(next)) = (claim.figures.get(n), claim.figures.get(n + 1)) else {
            continue;
        };
        let between = claim.text[f.span.end..next.span.start]
            .trim()
            .to_lowercase();
        if f.kind != FigureKind::Duration
            && next.kind == FigureKind::Duration
            && (between.is_empty() || SPAN_WORDS.contains(&between.as_str()))
        {
            scope.over = Some(next.clone());
        }
    }
    // the years named by other figures of the clause
    for (((figure, &(start, end)), &from), scope) in claim
        .figures
        .iter()
        .zip(clauses)
        .zip(&froms)
        .zip(&mut scopes)
    {
        if matches!(figure.kind, FigureKind::Year | FigureKind::Date) {
            continue;
        }
        scope.years = claim
            .figures
            .iter()
            .filter(|f| f.kind == FigureKind::Year && f.span.start >= start && f.span.end <= end)
            .filter_map(|f| f.value)
            .map(|y| y as i64)
            .collect();
        // a clause of time is placed by the years and dates of the clause
        // before it: "since March 14, 2020, when there were 256,000"
        if from < start {
            scope.years.extend(
                claim
                    .figures
                    .iter()
                    .filter(|f| f.span.end > from && f.span.end <= start)
                    .filter_map(year_of),
            );
        }
    }
    // the parts and calendar periods each measure is given for
    type When = (BTreeSet<&'static str>, BTreeSet<&'static str>);
    let when = |s: &Scope| -> When { (s.parts.clone(), s.calendar.clone()) };
    let mut given: BTreeMap<_, BTreeSet<When>> = BTreeMap::new();
    for (figure, scope) in claim.figures.iter().zip(&scopes) {
        if !scope.parts.is_empty() || !scope.calendar.is_empty() {
            given.entry(key(figure)).or_default().insert(when(scope));
        }
    }
    for (figure, scope) in claim.figures.iter().zip(scopes.iter_mut()) {
        let mine = when(scope);
        scope.split = given
            .get(&key(figure))
            .is_some_and(|whens| whens.iter().any(|w| *w != mine));
    }
    scopes
}

/// Whether two scopes allow their figures to be the same quantity: not
/// when both name a period and the periods differ (monthly against
/// year-over-year), when they name different parts of a span, one of them
/// possibly none ("in the first year" against the whole offer), nor when
/// they name different calendar periods, or one names one and the other
/// none while the quantity is split; not an expectation against an
/// outcome, an average against a count, nor figures placed in different
/// years.
pub(super) fn same_scope(a: &Scope, b: &Scope) -> bool {
    let differ =
        |x: &BTreeSet<&str>, y: &BTreeSet<&str>| !x.is_empty() && !y.is_empty() && x.is_disjoint(y);
    let calendar_apart = differ(&a.calendar, &b.calendar)
        || a.calendar.is_empty() != b.calendar.is_empty() && (a.split || b.split);
    let years_apart = !a.years.is_empty() && !b.years.is_empty() && a.years.is_disjoint(&b.years);
    let spans_apart =
        matches!((&a.over, &b.over), (Some(x), Some(y)) if compare(x, y) == Verdict::Conflict);
    !differ(&a.periods, &b.periods)
        && a.parts == b.parts
        && !calendar_apart
        && a.estimate == b.estimate
        && a.average == b.average
        && !years_apart
        && !spans_apart
}

/// Words between a figure and a length of time that give the time it is
/// measured over: "$974 billion over five years", "$1.2 trillion in ten
/// years". Two figures given over different lengths of time are different
/// quantities.
pub const SPAN_WORDS: &[&str] = &["across", "during", "for", "in", "over", "within"];

/// Whether two scopes that allow their figures to be one quantity (see
/// [`same_scope`]) say less than the same: one names a period, a calendar
/// period or a year the other does not ("about 4 million doses" shared
/// "last month" against "up to 60m doses"). Such a pair is compared, but a
/// conflict between them is a warning.
pub(super) fn loosely_same(a: &Scope, b: &Scope) -> bool {
    a.periods != b.periods || a.calendar != b.calendar || a.years != b.years
}
