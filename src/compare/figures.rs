//! Figure verdicts: figures of one measure within a cluster compared as intervals.
//!
//! Within one cluster, figures of the same kind and measure (and, for money,
//! currency) are grouped across outlets, one figure per outlet per group,
//! and only when they speak of the same subject, period, part and whole. Each group gets the worst
//! verdict over its pairs of figures: `agree`, `compatible` or `conflict`.
//! The rules and their reasons are in `docs/figures.md`.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::extract::figures::{Endpoint, Figure, FigureKind, Qualifier, TIME_UNITS, stem};
use crate::model::figure::{End, Interval};
use crate::model::{Claim, ClaimRef, Position};

/// How the figures of one measure relate across outlets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// The same value within rounding.
    Agree,
    /// Different statements whose intervals overlap: "more than 20" and "21".
    Compatible,
    /// Disjoint intervals: "12,000" and "15,000".
    Conflict,
}

/// One outlet's figure for a measure.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureValue {
    /// Which claim the figure is in.
    pub claim: ClaimRef,
    /// Where the figure is in the source. `compare_cluster` sees claims
    /// only and sets the claim's position; the compare stage, which has the
    /// versions, narrows it to the figure's own line and column.
    pub at: Position,
    /// The figure.
    pub figure: Figure,
}

/// The figures of one measure in one cluster, and the verdict on them.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureComparison {
    /// The thing counted.
    pub measure: String,
    /// How the values relate.
    pub verdict: Verdict,
    /// One value per outlet that states one, in outlet order.
    pub values: Vec<FigureValue>,
}

/// Numbers at or above this, written with trailing zeros, are taken as
/// rounded: "15,000" may stand for anything that rounds to it. Below it
/// counts are usually exact ("21 killed" and "20 killed" disagree).
pub const ROUNDING_MIN: f64 = 1000.0;

/// The rounding band of a round number never exceeds this share of it:
/// "20,000" is read as 19,000–21,000, not as everything that rounds to one
/// significant digit (15,000–25,000), which would hide real disagreements.
pub const ROUNDING_MAX_SHARE: f64 = 0.05;

/// Two figures whose subjects differ ("the US" and "Venezuela") are still
/// compared when at least this share of the content words around them is
/// shared: outlets name one subject differently ("the US", "Washington").
pub const SUBJECT_OVERRIDE_OVERLAP: f64 = 0.34;

/// Capitalized words that open clauses without naming a subject.
const NOT_SUBJECTS: &[&str] = &[
    "a",
    "about",
    "according",
    "after",
    "also",
    "an",
    "and",
    "as",
    "at",
    "before",
    "but",
    "by",
    "during",
    "for",
    "from",
    "he",
    "her",
    "his",
    "however",
    "if",
    "in",
    "it",
    "its",
    "meanwhile",
    "more",
    "nearly",
    "of",
    "on",
    "over",
    "she",
    "since",
    "some",
    "that",
    "the",
    "their",
    "there",
    "these",
    "they",
    "this",
    "those",
    "to",
    "we",
    "when",
    "while",
    "with",
];

/// Words too common to tell two subjects apart.
const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "against", "also", "an", "and", "are", "as", "at", "be", "been", "but",
    "by", "for", "from", "had", "has", "have", "he", "her", "his", "in", "into", "is", "it", "its",
    "more", "of", "on", "or", "over", "said", "says", "she", "since", "some", "than", "that",
    "the", "their", "there", "they", "this", "to", "was", "were", "which", "while", "who", "will",
    "with",
];

/// Words that end a clause for the subject check: a subject before them
/// belongs to another figure.
const CLAUSE_WORDS: &[&str] = &["and", "but", "whereas", "while"];

/// A figure with what is needed to compare it.
struct Entry<'a> {
    claim: ClaimRef,
    at: Position,
    figure: &'a Figure,
    subject: BTreeSet<String>,
    context: BTreeSet<String>,
    scope: Scope,
    /// For a part of a larger figure ("including nine children"), the
    /// measure of that larger figure; `None` otherwise (see [`whole`]).
    whole: Option<String>,
}

/// The words of a claim with their byte ranges.
fn words(text: &str) -> Vec<(usize, usize, &str)> {
    crate::text::words(text)
        .map(|(r, w)| (r.start, r.end, w))
        .collect()
}

/// Where the figure's clause starts and ends in the claim: between the
/// nearest clause punctuation or clause word on each side.
fn clause(text: &str, figure: &Figure) -> (usize, usize) {
    let boundary = |c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–');
    let mut start = text[..figure.span.start]
        .char_indices()
        .rev()
        .find(|&(_, c)| boundary(c))
        .map_or(0, |(p, c)| p + c.len_utf8());
    let mut end = text[figure.span.end..]
        .find(boundary)
        .map_or(text.len(), |p| figure.span.end + p);
    for (s, e, w) in words(text) {
        let lower = w.to_lowercase();
        if CLAUSE_WORDS.contains(&lower.as_str()) {
            if e <= figure.span.start && e > start {
                start = e;
            }
            if s >= figure.span.end && s < end {
                end = s;
            }
        }
    }
    (start, end)
}

fn entry<'a>(claim_ref: ClaimRef, claim: &'a Claim, figure: &'a Figure) -> Entry<'a> {
    let text = &claim.text;
    let (start, end) = clause(text, figure);
    let measure_words: BTreeSet<String> = figure
        .measure
        .iter()
        .flat_map(|m| m.split(' ').map(str::to_string))
        .collect();
    let mut named: Vec<&str> = Vec::new();
    let mut context = BTreeSet::new();
    for (s, e, w) in words(text) {
        if s < start || e > end || (s >= figure.span.start && e <= figure.span.end) {
            continue;
        }
        if w.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let lower = w.to_lowercase();
        let capitalized = w.chars().next().is_some_and(char::is_uppercase);
        if capitalized && e <= figure.span.start && !NOT_SUBJECTS.contains(&lower.as_str()) {
            named.push(w);
        }
        let stemmed = stem(&lower);
        // one-letter words are the pieces of initials ("U.S."), not content
        if lower.chars().count() > 1
            && !STOP_WORDS.contains(&lower.as_str())
            && !measure_words.contains(&stemmed)
        {
            context.insert(stemmed);
        }
    }
    // Names compared as the align stage compares words, so that "the US",
    // "the U.S." and "the United States" name one subject.
    let subject: BTreeSet<String> = crate::align::tokens::normalize_text(&named.join(" "), &[])
        .tokens
        .into_iter()
        .map(|t| t.key)
        .collect();
    let scope = scope(claim, figure);
    context.retain(|w| !scope.words.contains(w));
    Entry {
        claim: claim_ref,
        at: claim.at,
        figure,
        subject,
        context,
        scope,
        whole: whole(claim, figure),
    }
}

fn overlap(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let union = a.union(b).count();
    if union == 0 {
        return 1.0;
    }
    a.intersection(b).count() as f64 / union as f64
}

/// Whether two figures (of one kind and measure) speak of the same subject:
/// yes, unless each names a subject before it, the subjects share no word,
/// and the words around them overlap less than [`SUBJECT_OVERRIDE_OVERLAP`].
/// "The US has 15,000 troops in the Caribbean" and "Venezuela has deployed
/// 200,000 troops at home" are about different troops.
fn same_subject(a: &Entry, b: &Entry) -> bool {
    if a.subject.is_empty() || b.subject.is_empty() || !a.subject.is_disjoint(&b.subject) {
        return true;
    }
    overlap(&a.context, &b.context) >= SUBJECT_OVERRIDE_OVERLAP
}

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

/// What a figure is measured over: the periods, parts and calendar periods
/// named around it.
#[derive(Debug, Clone, Default)]
struct Scope {
    periods: BTreeSet<&'static str>,
    parts: BTreeSet<&'static str>,
    calendar: BTreeSet<&'static str>,
    /// The stemmed words of the phrases found: they are left out of the
    /// figure's context, since the scope rule has weighed them already
    /// ("year-over-year" and "a year earlier" name one period).
    words: BTreeSet<String>,
    /// Whether the claim gives another figure of the same kind and measure
    /// for another part or calendar period: the quantity is split.
    split: bool,
}

impl Scope {
    fn is_empty(&self) -> bool {
        self.periods.is_empty() && self.parts.is_empty() && self.calendar.is_empty()
    }
}

/// The phrases of [`PERIOD_PHRASES`], [`PART_PHRASES`] and
/// [`CALENDAR_PHRASES`] in `text`, as whole words.
fn scope_in(text: &str) -> Scope {
    let lower = text.to_lowercase();
    let found = |phrase: &str| {
        lower.match_indices(phrase).any(|(at, _)| {
            let word = |c: char| c.is_alphanumeric() || c == '-';
            !lower[..at].chars().next_back().is_some_and(word)
                && !lower[at + phrase.len()..].chars().next().is_some_and(word)
        })
    };
    let mut words = BTreeSet::new();
    let mut tags = |list: &[(&str, &'static str)]| {
        let mut tags = BTreeSet::new();
        for &(phrase, tag) in list.iter().filter(|(p, _)| found(p)) {
            tags.insert(tag);
            words.extend(phrase.split(' ').map(stem));
        }
        tags
    };
    let periods = tags(PERIOD_PHRASES);
    let parts = tags(PART_PHRASES);
    let calendar = tags(CALENDAR_PHRASES);
    Scope {
        periods,
        parts,
        calendar,
        words,
        split: false,
    }
}

/// A figure's scope without the split: the phrases in its own clause, or,
/// when there are none, those of an opening clause without figures that
/// sets the frame for the whole claim ("In the month of May, prices rose
/// 0.6%").
fn scope_of(claim: &Claim, figure: &Figure) -> Scope {
    let (start, end) = clause(&claim.text, figure);
    let own = scope_in(&claim.text[start..end]);
    if !own.is_empty() {
        return own;
    }
    let boundary = |c: char| matches!(c, ',' | ';' | ':' | '—' | '–');
    let Some(opening) = claim.text.find(boundary) else {
        return own;
    };
    if opening >= figure.span.start || claim.figures.iter().any(|f| f.span.start < opening) {
        return own;
    }
    scope_in(&claim.text[..opening])
}

/// A figure's scope, with whether its claim splits the quantity.
fn scope(claim: &Claim, figure: &Figure) -> Scope {
    let mut scope = scope_of(claim, figure);
    let when = |s: &Scope| (s.parts.clone(), s.calendar.clone());
    scope.split = claim.figures.iter().any(|other| {
        if other.span == figure.span || key(other) != key(figure) {
            return false;
        }
        let theirs = scope_of(claim, other);
        (!theirs.parts.is_empty() || !theirs.calendar.is_empty()) && when(&theirs) != when(&scope)
    });
    scope
}

/// Whether two scopes allow their figures to be the same quantity: not
/// when both name a period and the periods differ (monthly against
/// year-over-year), when they name different parts of a span, one of them
/// possibly none ("in the first year" against the whole offer), nor when
/// they name different calendar periods, or one names one and the other
/// none while the quantity is split.
fn same_scope(a: &Scope, b: &Scope) -> bool {
    let differ =
        |x: &BTreeSet<&str>, y: &BTreeSet<&str>| !x.is_empty() && !y.is_empty() && x.is_disjoint(y);
    let calendar_apart = differ(&a.calendar, &b.calendar)
        || a.calendar.is_empty() != b.calendar.is_empty() && (a.split || b.split);
    !differ(&a.periods, &b.periods) && a.parts == b.parts && !calendar_apart
}

/// Words right before a figure that make it a part of the figure before it:
/// "28 Palestinians, including nine children".
pub const PART_MARKERS: &[&str] = &["among them", "including", "of them", "of which", "of whom"];

/// For a part of a larger figure (see [`PART_MARKERS`]), the measure of the
/// nearest figure before it. `None` when the figure is no part, or a part of
/// a whole given without a number ("experts, including two regulators"),
/// which says nothing against comparing it.
fn whole(claim: &Claim, figure: &Figure) -> Option<String> {
    let before = claim.text[..figure.span.start]
        .trim_end()
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let marked = PART_MARKERS.iter().any(|m| {
        before
            .strip_suffix(m)
            .is_some_and(|rest| !rest.chars().next_back().is_some_and(char::is_alphanumeric))
    });
    if !marked {
        return None;
    }
    claim
        .figures
        .iter()
        .rfind(|f| f.span.end <= figure.span.start)
        .map(|f| f.measure.clone().unwrap_or_default())
}

/// Measures that storydiff falls back on when no noun says what is counted,
/// and `peopl` ("people", "persons", with no casualty verb): they say what
/// kind of number a figure is, not what it is about ("600 people" in a
/// shelter and "2,000 people" without power).
pub const GENERIC_MEASURES: &[&str] = &["date", "duration", "money", "peopl", "percent", "year"];

/// Two figures without a telling measure (see [`GENERIC_MEASURES`]), and any
/// two percentages (whose noun, "37.3% of adults", names the population, not
/// what is measured), are set against each other as a conflict only when at
/// least this share of the content words of the shorter of their clauses is
/// found in the other (see [`containment`]). The Venezuela call dates share
/// all ("Maduro spoke by phone on November 20/21"), and so do "for six weeks
/// of repairs" and "closes on Monday for two months of repairs"; "Four days
/// before the 20th anniversary of the attacks" and "one week after the U.S.
/// completed its withdrawal" share one word in seven, "37.3% of adults were
/// fully vaccinated" and "55% of adults have received at least one dose" one
/// in two. Figures that agree or are compatible need no such evidence:
/// showing them side by side claims nothing false.
pub const GENERIC_CONTEXT_MIN: f64 = 0.6;

/// The share of the smaller set's words found in the other: a short clause
/// ("for six weeks of repairs") counts as shared when its words recur in a
/// long one. Zero when only one of them has words, one when neither has.
fn containment(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    match a.len().min(b.len()) {
        0 if a.is_empty() && b.is_empty() => 1.0,
        0 => 0.0,
        smaller => a.intersection(b).count() as f64 / smaller as f64,
    }
}

/// Whether a figure's measure alone does not say what it is about (see
/// [`GENERIC_CONTEXT_MIN`]).
fn generic(f: &Figure) -> bool {
    matches!(f.kind, FigureKind::Percent | FigureKind::PercentagePoints)
        || f.measure
            .as_deref()
            .is_some_and(|m| GENERIC_MEASURES.contains(&m))
}

/// Whether two figures of one key may be compared at all: same subject,
/// magnitude, kind of date, scope and whole, and for figures of a generic
/// measure in conflict, enough shared words.
fn comparable(a: &Entry, b: &Entry) -> bool {
    same_subject(a, b)
        && same_magnitude(a.figure, b.figure)
        && same_kind_of_date(a.figure, b.figure)
        && same_scope(&a.scope, &b.scope)
        && a.whole == b.whole
        && (!(generic(a.figure) || generic(b.figure))
            || compare(a.figure, b.figure) != Verdict::Conflict
            || containment(&a.context, &b.context) >= GENERIC_CONTEXT_MIN)
}

/// Two figures of one measure in an aligned claim more than this many times
/// apart are taken to be about different things, not set against each
/// other. Outlets that disagree on a figure stay within about an order of
/// magnitude (12,000 and 15,000 troops; "hundreds" and 15,000, 15 times
/// apart, is still a conflict), while a gap of two orders in one claim is
/// two quantities that share a measure ("the last strike lasted nine days"
/// and "the first strike in 22 years", 890 times apart).
pub const MAGNITUDE_GAP: f64 = 100.0;

/// Whether two figures are close enough in size to be compared (see
/// [`MAGNITUDE_GAP`]). Dates are always close enough: a wrong day is a
/// conflict however far off.
fn same_magnitude(a: &Figure, b: &Figure) -> bool {
    if a.kind == FigureKind::Date || b.kind == FigureKind::Date {
        return true;
    }
    let (Some(x), Some(y)) = (interval(a, false, false), interval(b, false, false)) else {
        return true;
    };
    let gap = |below: &Interval, above: &Interval| {
        below.high.at > 0.0
            && below.high.at.is_finite()
            && above.low.at / below.high.at > MAGNITUDE_GAP
    };
    !(gap(&x, &y) || gap(&y, &x))
}

/// A weekday and a calendar date in one aligned claim usually name different
/// days: the day something was said or reported ("officials said Tuesday")
/// and the day it happened ("on Oct. 4"). They are set against each other
/// only when they resolve to the same day ("June 12" and "Friday", June 12
/// being that Friday), which is agreement worth showing; otherwise weekdays
/// are compared with weekdays and dates with dates.
fn same_kind_of_date(a: &Figure, b: &Figure) -> bool {
    use crate::extract::dates::is_weekday;
    is_weekday(a) == is_weekday(b) || compare(a, b) == Verdict::Agree
}

/// The key figures are grouped under: kind, measure, and currency for money
/// (dollars and euros are not compared).
fn key(figure: &Figure) -> Option<(FigureKind, String, String)> {
    let measure = figure.measure.clone()?;
    let unit = match figure.kind {
        FigureKind::Money => figure.unit.clone().unwrap_or_default(),
        _ => String::new(),
    };
    Some((figure.kind, measure, unit))
}

/// The group a figure fits best: among the groups without its outlet whose
/// figures it may be compared with (see [`comparable`]) and whose first
/// figure it relates to no worse than `worst`, the one it agrees with best,
/// then the one whose words it shares most, then the first ("to 5.2% from
/// 4.8%" and "from 4.8% to 5.2%" pair 5.2 with 5.2).
fn best_group(groups: &[Vec<Entry>], e: &Entry, worst: Verdict) -> Option<usize> {
    groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.iter().all(|m| m.claim.outlet != e.claim.outlet))
        .filter(|(_, g)| g.iter().all(|m| comparable(m, e)))
        .map(|(n, g)| {
            let verdict = compare(g[0].figure, e.figure);
            (n, verdict, overlap(&g[0].context, &e.context))
        })
        .filter(|&(_, verdict, _)| verdict <= worst)
        .fold(
            None,
            |best: Option<(usize, Verdict, f64)>, (n, v, score)| match best {
                Some((_, bv, bs)) if (bv, -bs) <= (v, -score) => best,
                _ => Some((n, v, score)),
            },
        )
        .map(|(n, _, _)| n)
}

/// Move each figure that stands alone in its group into the group it fits
/// best, relating to its first figure no worse than `worst`.
fn place_singletons(groups: &mut Vec<Vec<Entry>>, worst: Verdict) {
    let mut n = 0;
    while n < groups.len() {
        if groups[n].len() != 1 {
            n += 1;
            continue;
        }
        let e = groups.remove(n).pop().expect("a group of one");
        match best_group(groups, &e, worst) {
            Some(m) => {
                groups[m].push(e);
                groups[m].sort_by_key(|e| (e.claim, e.figure.span.start));
            }
            None => {
                groups.insert(n, vec![e]);
                n += 1;
            }
        }
    }
}

/// Compare the figures of the members of one cluster, measure by measure.
pub fn compare_cluster(members: &[(ClaimRef, &Claim)]) -> Vec<FigureComparison> {
    let mut by_key: BTreeMap<(FigureKind, String, String), Vec<Entry>> = BTreeMap::new();
    let mut ordered: Vec<&(ClaimRef, &Claim)> = members.iter().collect();
    ordered.sort_by_key(|(r, _)| *r);
    for (claim_ref, claim) in ordered {
        for figure in &claim.figures {
            if let Some(k) = key(figure) {
                by_key
                    .entry(k)
                    .or_default()
                    .push(entry(*claim_ref, claim, figure));
            }
        }
    }
    let mut comparisons = Vec::new();
    for ((_, measure, _), entries) in by_key {
        // First every figure joins a group it agrees with, or starts one;
        // then each figure left alone joins a group it is compatible with;
        // then one it conflicts with. Pairing agreement first keeps a second
        // value of one outlet from being set against a value another outlet
        // also gives ("$974 billion over five years or $1.2 trillion over
        // eight years" against "$1.2 trillion over eight years").
        let mut groups: Vec<Vec<Entry>> = Vec::new();
        for e in entries {
            match best_group(&groups, &e, Verdict::Agree) {
                Some(n) => groups[n].push(e),
                None => groups.push(vec![e]),
            }
        }
        place_singletons(&mut groups, Verdict::Compatible);
        place_singletons(&mut groups, Verdict::Conflict);
        for group in groups.into_iter().filter(|g| g.len() >= 2) {
            let mut verdict = Verdict::Agree;
            for (n, a) in group.iter().enumerate() {
                for b in &group[n + 1..] {
                    verdict = verdict.max(compare(a.figure, b.figure));
                }
            }
            comparisons.push(FigureComparison {
                measure: measure.clone(),
                verdict,
                values: group
                    .into_iter()
                    .map(|e| FigureValue {
                        claim: e.claim,
                        at: e.at,
                        figure: e.figure.clone(),
                    })
                    .collect(),
            });
        }
    }
    comparisons.sort_by(|a, b| {
        let first = |c: &FigureComparison| c.values.first().map(|v| (v.claim, v.figure.span.start));
        a.measure.cmp(&b.measure).then(first(a).cmp(&first(b)))
    });
    comparisons
}

/// Half the step of a round number's last significant digit, capped at
/// [`ROUNDING_MAX_SHARE`]; zero for numbers below [`ROUNDING_MIN`] or with
/// decimals.
pub fn rounding_tolerance(v: f64) -> f64 {
    let a = v.abs();
    if a < ROUNDING_MIN || a.fract() != 0.0 {
        return 0.0;
    }
    let mut step = 1.0;
    while (a / (step * 10.0)).fract() == 0.0 && step * 10.0 <= a {
        step *= 10.0;
    }
    (step / 2.0).min(a * ROUNDING_MAX_SHARE)
}

/// Half a unit of a percentage's last stated decimal: "6%" stands for
/// anything that rounds to it (5.5 to 6.5), "5.9%" for 5.85 to 5.95, so
/// "6%" and "5.9%" are compatible while "3.6%" and "0.8%" conflict.
/// Percentages are rounded in reporting as a matter of course, unlike counts
/// of people below [`ROUNDING_MIN`].
pub fn percent_tolerance(v: f64) -> f64 {
    let mut step = 1.0;
    for _ in 0..PERCENT_MAX_DECIMALS {
        if (v / step).fract().abs() < 1e-9 {
            break;
        }
        step /= 10.0;
    }
    step / 2.0
}

/// Percentages are read to at most this many decimals when finding their
/// stated precision; no news figure states more.
const PERCENT_MAX_DECIMALS: usize = 4;

/// Seconds per unit of a duration figure.
fn seconds_per(unit: Option<&str>) -> f64 {
    unit.and_then(|u| TIME_UNITS.iter().find(|(_, many, _)| *many == u))
        .map_or(1.0, |&(_, _, s)| s)
}

/// A date endpoint as a number that orders dates: the year (0 when unknown)
/// times 10,000 plus month times 100 plus day. A month alone ("--09") is its
/// first day as a lower end and its last as an upper end.
fn date_number(iso: &str, upper: bool, drop_year: bool) -> Option<f64> {
    let (year, rest) = match iso.strip_prefix("--") {
        Some(rest) => (0.0, rest.to_string()),
        None => {
            let (y, r) = iso.split_at(iso.find('-')?);
            (y.parse().ok()?, r.trim_start_matches('-').to_string())
        }
    };
    let mut parts = rest.split('-');
    let month: f64 = parts.next()?.parse().ok()?;
    let day: f64 = match parts.next() {
        Some(d) => d.parse().ok()?,
        None if upper => 31.0,
        None => 1.0,
    };
    let year = if drop_year { 0.0 } else { year };
    Some(year * 10_000.0 + month * 100.0 + day)
}

fn year_unknown(f: &Figure) -> bool {
    [&f.low, &f.high]
        .iter()
        .any(|e| matches!(e, Some(Endpoint::Date(d)) if d.starts_with("--")))
}

/// A figure's interval, widened by rounding when `tolerant`.
fn interval(f: &Figure, tolerant: bool, drop_year: bool) -> Option<Interval> {
    let scale = if f.kind == FigureKind::Duration {
        seconds_per(f.unit.as_deref())
    } else {
        1.0
    };
    let end = |e: &Option<Endpoint>, excluded: bool, upper: bool| -> Option<End> {
        let open = if upper {
            f64::INFINITY
        } else {
            f64::NEG_INFINITY
        };
        let at = match e {
            None => {
                return Some(End {
                    at: open,
                    excluded: false,
                });
            }
            Some(Endpoint::Number(n)) => *n,
            Some(Endpoint::Date(d)) => date_number(d, upper, drop_year)?,
        };
        let tolerance = match f.kind {
            _ if !tolerant => 0.0,
            FigureKind::Date => 0.0,
            FigureKind::Percent | FigureKind::PercentagePoints => percent_tolerance(at),
            _ => rounding_tolerance(at),
        };
        let at = if upper {
            at + tolerance
        } else {
            at - tolerance
        };
        Some(End {
            at: at * scale,
            excluded: excluded && tolerance == 0.0,
        })
    };
    Some(Interval {
        low: end(&f.low, f.low_exclusive, false)?,
        high: end(&f.high, f.high_exclusive, true)?,
    })
}

/// The stated value of an exact or approximate figure, in comparable units.
fn stated(f: &Figure) -> Option<f64> {
    if !matches!(f.qualifier, Qualifier::Exact | Qualifier::Approx) {
        return None;
    }
    let scale = if f.kind == FigureKind::Duration {
        seconds_per(f.unit.as_deref())
    } else {
        1.0
    };
    f.value
        .or_else(|| f.low.as_ref().and_then(Endpoint::number))
        .map(|v| v * scale)
}

/// The verdict on two figures of one kind and measure:
///
/// - `agree`: the same stated value ("about 15,000" and "15,000"; "one week"
///   and "7 days"), or the same interval ("more than 20" twice);
/// - `compatible`: the intervals, widened by rounding, overlap ("more than
///   20" and "21"; "15,000" and "15,200");
/// - `conflict`: they do not ("12,000" and "15,000"; "November 20" and
///   "November 21").
pub fn compare(a: &Figure, b: &Figure) -> Verdict {
    if a.kind == FigureKind::Date {
        // an unresolved weekday says nothing to compare
        let unresolved = |f: &Figure| f.low.is_none() && f.high.is_none();
        if unresolved(a) && unresolved(b) && a.text.to_lowercase() == b.text.to_lowercase() {
            return Verdict::Agree; // "Monday" and "Monday"
        }
        if unresolved(a) || unresolved(b) {
            return Verdict::Compatible;
        }
    }
    if let (Some(x), Some(y)) = (stated(a), stated(b))
        && (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0)
    {
        return Verdict::Agree;
    }
    let drop_year = year_unknown(a) || year_unknown(b);
    let (Some(exact_a), Some(exact_b)) =
        (interval(a, false, drop_year), interval(b, false, drop_year))
    else {
        return Verdict::Compatible;
    };
    let same = |x: End, y: End| x.at == y.at && x.excluded == y.excluded;
    if same(exact_a.low, exact_b.low) && same(exact_a.high, exact_b.high) {
        return Verdict::Agree;
    }
    match (interval(a, true, drop_year), interval(b, true, drop_year)) {
        (Some(x), Some(y)) if x.overlaps(&y) => Verdict::Compatible,
        _ => Verdict::Conflict,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::figures::{Context, find_figures};
    use crate::model::OutletId;

    fn figure(text: &str) -> Figure {
        let context = Context {
            published: Some("2025-11-30".into()),
        };
        find_figures(text, &context)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no figure in {text:?}"))
    }

    fn verdict(a: &str, b: &str) -> Verdict {
        compare(&figure(a), &figure(b))
    }

    fn claim(outlet: usize, text: &str) -> Claim {
        let mut c = Claim::new(OutletId(outlet), text.into(), Position::START, Some(0..0));
        c.figures = find_figures(
            text,
            &Context {
                published: Some("2025-11-30".into()),
            },
        );
        c
    }

    fn cluster(texts: &[&str]) -> Vec<FigureComparison> {
        let claims: Vec<Claim> = texts.iter().enumerate().map(|(o, t)| claim(o, t)).collect();
        compare_cluster(&crate::compare::one_claim_per_outlet(&claims))
    }

    #[test]
    fn the_same_number_written_differently_agrees() {
        assert_eq!(
            verdict("15,000 troops", "fifteen thousand troops"),
            Verdict::Agree
        );
        assert_eq!(verdict("15,000 troops", "15k troops"), Verdict::Agree);
        assert_eq!(
            verdict("about 15,000 troops", "15,000 troops"),
            Verdict::Agree
        );
        assert_eq!(
            verdict("more than 20 strikes", "over 20 strikes"),
            Verdict::Agree
        );
        assert_eq!(verdict("one week", "7 days"), Verdict::Agree);
    }

    #[test]
    fn overlapping_statements_are_compatible() {
        assert_eq!(
            verdict("more than 20 strikes", "21 strikes"),
            Verdict::Compatible
        );
        assert_eq!(
            verdict("15,000 troops", "15,200 troops"),
            Verdict::Compatible
        );
        assert_eq!(
            verdict("about 15,000 troops", "14,000 troops"),
            Verdict::Compatible
        );
        assert_eq!(
            verdict("thousands of troops", "5,000 troops"),
            Verdict::Compatible
        );
        assert_eq!(
            verdict("10,000 to 15,000 troops", "12,000 troops"),
            Verdict::Compatible
        );
    }

    #[test]
    fn figures_two_orders_of_magnitude_apart_are_not_compared() {
        assert!(
            cluster(&[
                "The last strike lasted nine days.",
                "It is the first strike in 22 years."
            ])
            .is_empty()
        );
        assert_eq!(verdict("200 troops", "15,000 troops"), Verdict::Conflict);
    }

    #[test]
    fn a_weekday_is_not_set_against_a_calendar_date() {
        let comparisons = cluster(&[
            "Officials said Tuesday the vote was set.",
            "Officials said the vote was set on Oct. 4.",
        ]);
        assert!(comparisons.is_empty(), "{comparisons:?}");
    }

    #[test]
    fn disjoint_statements_conflict() {
        assert_eq!(verdict("12,000 troops", "15,000 troops"), Verdict::Conflict);
        assert_eq!(
            verdict("more than 20 strikes", "20 strikes"),
            Verdict::Conflict
        );
        assert_eq!(
            verdict("20 people killed", "21 people killed"),
            Verdict::Conflict
        );
        assert_eq!(verdict("November 20", "November 21"), Verdict::Conflict);
        assert_eq!(verdict("one week", "48 hours"), Verdict::Conflict);
        assert_eq!(
            verdict("hundreds of troops", "15,000 troops"),
            Verdict::Conflict
        );
    }

    #[test]
    fn dates_agree_across_forms() {
        assert_eq!(verdict("November 21", "Nov. 21"), Verdict::Agree);
        assert_eq!(verdict("November 21", "21 November"), Verdict::Agree);
        let monday = |s: &str| {
            find_figures(s, &Context::default())
                .into_iter()
                .next()
                .unwrap()
        };
        assert_eq!(
            compare(&monday("on Monday"), &monday("on Monday")),
            Verdict::Agree
        );
    }

    #[test]
    fn rounding_tolerance_follows_precision() {
        assert_eq!(percent_tolerance(6.0), 0.5);
        assert!((percent_tolerance(5.9) - 0.05).abs() < 1e-12);
        assert_eq!(
            verdict("6% of voters", "5.9% of voters"),
            Verdict::Compatible
        );
        assert_eq!(
            verdict("3.6% of voters", "0.8% of voters"),
            Verdict::Conflict
        );
        assert_eq!(rounding_tolerance(15_000.0), 500.0);
        assert_eq!(rounding_tolerance(15_200.0), 50.0);
        assert_eq!(rounding_tolerance(20_000.0), 1_000.0);
        assert_eq!(rounding_tolerance(21.0), 0.0);
        assert_eq!(rounding_tolerance(1_500.5), 0.0);
    }

    #[test]
    fn a_cluster_reports_each_measure_once_with_a_verdict() {
        let c = cluster(&[
            "The US has stationed 15,000 troops and carried out more than 20 strikes.",
            "The US has stationed 12,000 soldiers and carried out 21 operations.",
        ]);
        assert_eq!(c.len(), 2, "{c:#?}");
        assert_eq!(
            (c[0].measure.as_str(), c[0].verdict),
            ("oper", Verdict::Compatible)
        );
        assert_eq!(
            (c[1].measure.as_str(), c[1].verdict),
            ("troop", Verdict::Conflict)
        );
        assert_eq!(c[1].values[0].claim.outlet, OutletId(0));
    }

    #[test]
    fn different_subjects_sharing_a_noun_are_not_compared() {
        let c = cluster(&[
            "The US has 15,000 troops in the Caribbean, while Venezuela has deployed 200,000 troops at home.",
            "Venezuela has deployed 200,000 troops at home.",
        ]);
        assert_eq!(c.len(), 1, "{c:#?}");
        assert_eq!(c[0].verdict, Verdict::Agree);
        assert_eq!(c[0].values[0].figure.text, "200,000");
        let c = cluster(&[
            "The US has 15,000 troops in the Caribbean.",
            "Venezuela has deployed 200,000 troops at home.",
        ]);
        assert!(c.is_empty(), "{c:#?}");
    }

    #[test]
    fn one_subject_named_two_ways_is_still_compared() {
        let c = cluster(&[
            "The US has stationed 15,000 troops in the Caribbean.",
            "Washington has stationed 12,000 troops in the Caribbean.",
        ]);
        assert_eq!(c.len(), 1, "{c:#?}");
        assert_eq!(c[0].verdict, Verdict::Conflict);
    }

    #[test]
    fn figures_pair_with_the_value_they_agree_with() {
        let c = cluster(&[
            "Unemployment rose to 5.2% from 4.8%.",
            "Unemployment rose from 4.8% to 5.2%.",
        ]);
        assert!(!c.is_empty());
        assert!(c.iter().all(|c| c.verdict == Verdict::Agree), "{c:#?}");
    }

    /// The seed story's sentences against versions with other values.
    #[test]
    fn seed_story_versions_get_the_right_verdicts() {
        let troops = "According to reports, the US has stationed 15,000 troops and deployed a major aircraft carrier to the region.";
        let strikes = "Since September, the US has carried out more than 20 operations targeting alleged drug-trafficking vessels.";
        let call =
            "Reports from Reuters suggest that Trump and Maduro spoke by phone on November 21.";
        let deadline =
            "Trump reportedly refused most of those conditions and gave Maduro one week to leave.";
        let verdicts = |a: &str, b: &str| -> Vec<(String, Verdict)> {
            cluster(&[a, b])
                .into_iter()
                .map(|c| (c.measure, c.verdict))
                .collect()
        };
        let v = |m: &str, verdict| vec![(m.to_string(), verdict)];
        assert_eq!(
            verdicts(troops, &troops.replace("15,000", "fifteen thousand")),
            v("troop", Verdict::Agree)
        );
        assert_eq!(
            verdicts(
                troops,
                &troops.replace("15,000 troops", "some 15,000 soldiers")
            ),
            v("troop", Verdict::Agree)
        );
        assert_eq!(
            verdicts(troops, &troops.replace("15,000", "15,200")),
            v("troop", Verdict::Compatible)
        );
        assert_eq!(
            verdicts(troops, &troops.replace("15,000", "12,000")),
            v("troop", Verdict::Conflict)
        );
        let strike_verdicts = |b: &str| {
            verdicts(strikes, b)
                .into_iter()
                .filter(|(m, _)| m == "oper")
                .map(|(_, v)| v)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            strike_verdicts(&strikes.replace("more than 20 operations", "over 20 strikes")),
            vec![Verdict::Agree]
        );
        assert_eq!(
            strike_verdicts(&strikes.replace("more than 20", "21")),
            vec![Verdict::Compatible]
        );
        assert_eq!(
            strike_verdicts(&strikes.replace("more than 20", "dozens of")),
            vec![Verdict::Compatible]
        );
        assert_eq!(
            strike_verdicts(&strikes.replace("more than 20", "12")),
            vec![Verdict::Conflict]
        );
        assert_eq!(
            verdicts(call, &call.replace("November 21", "Nov. 21")),
            v("date", Verdict::Agree)
        );
        assert_eq!(
            verdicts(call, &call.replace("November 21", "November 20")),
            v("date", Verdict::Conflict)
        );
        assert_eq!(
            verdicts(deadline, &deadline.replace("one week", "seven days")),
            v("duration", Verdict::Agree)
        );
        assert_eq!(
            verdicts(deadline, &deadline.replace("one week", "48 hours")),
            v("duration", Verdict::Conflict)
        );
    }

    /// Whether the cluster of these claims holds a conflict.
    fn conflicts(texts: &[&str]) -> bool {
        cluster(texts)
            .iter()
            .any(|c| c.verdict == Verdict::Conflict)
    }

    #[test]
    fn figures_over_different_periods_are_not_compared() {
        assert!(!conflicts(&[
            "In the month of May alone, prices rose 0.6% on a seasonally adjusted basis.",
            "The consumer price index rose 5% in May on a year-over-year basis.",
        ]));
        assert!(!conflicts(&[
            "Economists had expected prices to rise 3.6 percent over the year.",
            "The month-to-month gain was 0.8%.",
        ]));
        assert!(conflicts(&[
            "Prices rose 0.6% from the month before.",
            "Prices rose 0.9% from the month before.",
        ]));
        assert!(conflicts(&[
            "Prices rose 5% on a year-over-year basis.",
            "Prices rose 3% from a year earlier.",
        ]));
    }

    #[test]
    fn a_figure_for_part_of_the_period_is_not_the_whole() {
        assert!(!conflicts(&[
            "The employers have offered 12 percent over the same period.",
            "The employers have offered just 8 percent in the first year.",
        ]));
        assert!(conflicts(&[
            "The employers have offered 10 percent in the first year.",
            "The employers have offered just 8 percent in the first year.",
        ]));
    }

    #[test]
    fn figures_in_different_calendar_periods_are_not_compared() {
        assert!(!conflicts(&[
            "Pfizer expects $26 billion in vaccine sales this year.",
            "Pfizer made $15 billion in vaccine sales last year.",
        ]));
        assert!(!conflicts(&[
            "The U.S. is donating 200 million doses this year and 300 million doses in the first half of 2022.",
            "The U.S. will donate 500 million doses.",
        ]));
        // a period that only says when is no reason to keep figures apart
        assert!(conflicts(&[
            "Pfizer expects $26 billion in vaccine sales this year.",
            "Pfizer expects $15 billion in vaccine sales.",
        ]));
    }

    #[test]
    fn parts_of_different_wholes_are_not_compared() {
        assert!(!conflicts(&[
            "At least 28 Palestinians, including nine children, have been killed.",
            "Seven of the deaths were of a single family, including three children.",
        ]));
        assert!(conflicts(&[
            "At least 28 Palestinians, including nine children, have been killed.",
            "At least 28 Palestinians, including ten children, have been killed.",
        ]));
    }

    #[test]
    fn generic_figures_need_shared_words_to_conflict() {
        assert!(!conflicts(&[
            "The rioters he joined stormed the building on January 6.",
            "He pleaded guilty on June 2 to obstruction.",
        ]));
        assert!(!conflicts(&[
            "Four days before the anniversary of the attacks, the Taliban named a government.",
            "The Taliban named a government one week after the withdrawal.",
        ]));
        assert!(!conflicts(&[
            "By Tuesday, 37.3% of U.S. adults were fully vaccinated.",
            "Over 55% of adults have received at least one dose.",
        ]));
        assert!(conflicts(&[
            "By Tuesday, 37.3% of U.S. adults were fully vaccinated.",
            "By Tuesday, 39% of adults were fully vaccinated.",
        ]));
        assert!(conflicts(&[
            "Trump and Maduro spoke by phone on November 21.",
            "Trump and Maduro spoke by phone on November 20.",
        ]));
        assert!(!conflicts(&[
            "About 600 people spent the night in a shelter.",
            "About 2,000 people were left without power.",
        ]));
        assert!(conflicts(&[
            "About 600 people spent the night in a shelter.",
            "About 900 people spent the night in the shelter.",
        ]));
        assert!(conflicts(&[
            "The bridge will close on Monday, March 9, for six weeks of repairs.",
            "The bridge closes on Monday for two months of repairs costing $25 million.",
        ]));
        // agreeing needs no evidence
        let c = cluster(&["Unemployment fell to 5.4%.", "The rate was 5.4% in June."]);
        assert_eq!(c.len(), 1, "{c:#?}");
        assert_eq!(c[0].verdict, Verdict::Agree);
    }

    #[test]
    fn a_value_two_outlets_give_is_paired_before_any_other() {
        let c = cluster(&[
            "The proposal would cost $1.2 trillion over eight years.",
            "It would cost $974 billion over five years or $1.2 trillion over eight years.",
        ]);
        assert!(c.iter().all(|c| c.verdict == Verdict::Agree), "{c:#?}");
        assert_eq!(c.iter().filter(|c| c.measure == "money").count(), 1);
        assert!(conflicts(&[
            "The proposal would cost $1.2 trillion.",
            "The proposal would cost $974 billion.",
        ]));
        // a compatible value still goes with the one it fits
        let c = cluster(&[
            "Organizers collected 1,626,042 signatures.",
            "Organizers collected 1,626,042 signatures, more than the 1,495,709 signatures required.",
            "Organizers collected more than 1.6 million signatures.",
        ]);
        assert!(!c.iter().any(|c| c.verdict == Verdict::Conflict), "{c:#?}");
    }

    #[test]
    fn phrase_lists_are_sorted_and_free_of_duplicates() {
        fn check(name: &str, list: &[&str]) {
            assert!(
                list.windows(2).all(|w| w[0] < w[1]),
                "{name} must be sorted and free of duplicates"
            );
        }
        let phrases =
            |l: &[(&'static str, &'static str)]| l.iter().map(|p| p.0).collect::<Vec<_>>();
        check("PERIOD_PHRASES", &phrases(PERIOD_PHRASES));
        check("PART_PHRASES", &phrases(PART_PHRASES));
        check("CALENDAR_PHRASES", &phrases(CALENDAR_PHRASES));
        check("PART_MARKERS", PART_MARKERS);
        check("GENERIC_MEASURES", GENERIC_MEASURES);
    }

    #[test]
    fn a_clause_after_a_long_dash_starts_on_a_char_boundary() {
        let c = cluster(&[
            "CARACAS, Dec. 1 — Maduro told 2,000 supporters outside the palace.",
            "Maduro told 2,000 supporters outside the palace.",
        ]);
        assert_eq!(c.len(), 1, "{c:#?}");
    }

    #[test]
    fn money_in_different_currencies_is_not_compared() {
        assert!(cluster(&["It cost $5 million.", "It cost €5 million."]).is_empty());
    }

    #[test]
    fn order_is_by_measure_then_outlet() {
        let c = cluster(&[
            "On November 21, 21 boats and 15,000 troops.",
            "On November 21, 21 boats and 15,000 troops.",
        ]);
        let measures: Vec<&str> = c.iter().map(|c| c.measure.as_str()).collect();
        assert_eq!(measures, vec!["boat", "date", "troop"]);
        assert!(c.iter().all(|c| c.verdict == Verdict::Agree));
    }
}

/// One row of the story-level figure table: what each outlet says about one
/// measure anywhere in its version.
#[derive(Debug, Clone, PartialEq)]
pub struct MeasureRow {
    /// The thing counted.
    pub measure: String,
    /// Per outlet (indexed by `OutletId`), the figures as written, in
    /// order of appearance, each once.
    pub by_outlet: Vec<Vec<String>>,
    /// How many cluster comparisons of this measure agree, are compatible,
    /// or conflict.
    pub verdicts: [usize; 3],
}

/// The story-level figure table: every measure that two or more outlets give
/// a figure for, sorted by measure. Dates and durations are rows too, under
/// their measure.
pub fn measure_table(claims: &[Vec<Claim>], comparisons: &[&FigureComparison]) -> Vec<MeasureRow> {
    let mut rows: std::collections::BTreeMap<&str, Vec<Vec<String>>> =
        std::collections::BTreeMap::new();
    for (outlet, list) in claims.iter().enumerate() {
        for figure in list.iter().flat_map(|c| &c.figures) {
            let Some(measure) = figure.measure.as_deref() else {
                continue;
            };
            let row = rows
                .entry(measure)
                .or_insert_with(|| vec![Vec::new(); claims.len()]);
            if !row[outlet].contains(&figure.text) {
                row[outlet].push(figure.text.clone());
            }
        }
    }
    rows.into_iter()
        .filter(|(_, by_outlet)| by_outlet.iter().filter(|v| !v.is_empty()).count() >= 2)
        .map(|(measure, by_outlet)| {
            let mut verdicts = [0; 3];
            for c in comparisons.iter().filter(|c| c.measure == measure) {
                verdicts[c.verdict as usize] += 1;
            }
            MeasureRow {
                measure: measure.to_string(),
                by_outlet,
                verdicts,
            }
        })
        .collect()
}
