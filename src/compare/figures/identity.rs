//! Figure identity: whether two figures of aligned claims state the same quantity.

use std::collections::{BTreeMap, BTreeSet};

use super::scope::{Scope, same_scope, scopes};
use super::verdict::{compare, interval};
use super::{SUBJECT_OVERRIDE_OVERLAP, Verdict};
use crate::extract::figures::{Figure, FigureKind, Qualifier, stem};
use crate::model::figure::Interval;
use crate::model::{Claim, ClaimRef, Position};
use crate::text::lexicon::WordList;

/// Capitalized words that open clauses without naming a subject.
static NOT_SUBJECTS: WordList =
    WordList::new(include_str!("../../../lexicons/compare-not-subjects.txt"));

/// Words too common to tell two subjects apart. Not the shared stop list
/// of `text`, on purpose: the file's header says why.
static STOP_WORDS: WordList = WordList::new(include_str!(
    "../../../lexicons/compare-figure-stop-words.txt"
));

/// Words that end a clause for the subject check: a subject before them
/// belongs to another figure.
const CLAUSE_WORDS: &[&str] = &["and", "but", "whereas", "while"];

/// A figure with what is needed to compare it.
pub(super) struct Entry<'a> {
    pub(super) claim: ClaimRef,
    pub(super) at: Position,
    pub(super) figure: &'a Figure,
    pub(super) subject: BTreeSet<String>,
    pub(super) context: BTreeSet<String>,
    /// The nearest [`ANCHOR_WORDS`] content words before the figure in its
    /// clause, stemmed.
    pub(super) left: Vec<String>,
    /// The nearest [`ANCHOR_WORDS`] content words after it.
    pub(super) right: Vec<String>,
    pub(super) scope: Scope,
    /// Whether it is the only figure of its kind and measure in its claim.
    pub(super) alone: bool,
    /// For a part of a larger figure ("including nine children"), the
    /// measure of that larger figure; `None` otherwise (see [`whole`]).
    pub(super) whole: Option<String>,
}

/// A word of a claim: its byte range, lowercase and stem, computed once.
pub(super) struct Word {
    start: usize,
    end: usize,
    lower: String,
    stem: String,
    capitalized: bool,
    has_digit: bool,
}

/// What the figure comparison needs of one claim, computed once per claim
/// so that the cost stays near linear in the claim's length and figure
/// count: its words, and each figure's clause and scope.
pub(super) struct ClaimView<'a> {
    claim: &'a Claim,
    words: Vec<Word>,
    clauses: Vec<(usize, usize)>,
    scopes: Vec<Scope>,
    /// Per figure, whether it is the only one of its kind and measure in
    /// the claim.
    alone: Vec<bool>,
}

/// The words of a claim.
fn words(text: &str) -> Vec<Word> {
    crate::text::words(text)
        .map(|(range, w)| {
            #[cfg(test)]
            crate::model::cost::step();
            let lower = w.to_lowercase();
            Word {
                start: range.start,
                end: range.end,
                stem: stem(&lower),
                lower,
                capitalized: w.chars().next().is_some_and(char::is_uppercase),
                has_digit: w.chars().any(|c| c.is_ascii_digit()),
            }
        })
        .collect()
}

/// The view of one claim: words, clauses and scopes of its figures. A
/// figure's clause lies between the nearest clause punctuation or clause
/// word on each side; the places where clauses may start and end are found
/// once, and each figure's clause by binary search.
pub(super) fn view(claim: &Claim) -> ClaimView<'_> {
    let text = &claim.text;
    let words = words(text);
    let boundary = |c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–');
    let mut starts = Vec::new();
    let mut ends = Vec::new();
    for (p, c) in text.char_indices().filter(|&(_, c)| boundary(c)) {
        starts.push(p + c.len_utf8());
        ends.push(p);
    }
    for w in words
        .iter()
        .filter(|w| CLAUSE_WORDS.contains(&w.lower.as_str()))
    {
        starts.push(w.end);
        ends.push(w.start);
    }
    starts.sort_unstable();
    ends.sort_unstable();
    let clauses: Vec<(usize, usize)> = claim
        .figures
        .iter()
        .map(|f| {
            let before = starts.partition_point(|&s| s <= f.span.start);
            let start = before.checked_sub(1).map_or(0, |i| starts[i]);
            let after = ends.partition_point(|&e| e < f.span.end);
            let end = ends.get(after).copied().unwrap_or(text.len());
            (start, end)
        })
        .collect();
    let scopes = scopes(claim, &clauses);
    let keys: Vec<_> = claim.figures.iter().map(key).collect();
    let mut counts: BTreeMap<_, usize> = BTreeMap::new();
    for k in &keys {
        *counts.entry(k).or_default() += 1;
    }
    let alone = keys.iter().map(|k| counts[k] == 1).collect();
    ClaimView {
        claim,
        words,
        clauses,
        scopes,
        alone,
    }
}

/// How many content words on each side of a figure are its anchors (see
/// [`anchored`]): the words that say what the number stands for ("a $1.5
/// trillion limit", "the 2020 election", "at the age of 84"). Two reach
/// past one modifier ("750m more vaccine doses" and "500M more COVID-19
/// vaccine doses" share "vaccine").
pub const ANCHOR_WORDS: usize = 2;

/// Marks an anchor that is the word right next to a figure, so that it
/// matches only the word right next to the other figure.
const ADJACENT: &str = "=";

/// Whether a word can tell what a figure is about: not a stop word, not a
/// piece of initials ("U.S."), not a number.
fn content(w: &Word) -> bool {
    w.lower.chars().count() > 1 && !w.has_digit && !STOP_WORDS.contains(&w.lower.as_str())
}

/// The entry of the `n`th figure of the claim of `view`.
pub(super) fn entry<'a>(claim_ref: ClaimRef, view: &ClaimView<'a>, n: usize) -> Entry<'a> {
    let claim = view.claim;
    let figure = &claim.figures[n];
    let (start, end) = view.clauses[n];
    let measure_words: BTreeSet<&str> = figure.measure.iter().flat_map(|m| m.split(' ')).collect();
    let first = view.words.partition_point(|w| w.start < start);
    let in_clause = view.words[first..]
        .iter()
        .take_while(|w| w.end <= end)
        .filter(|w| !(w.has_digit || w.start >= figure.span.start && w.end <= figure.span.end));
    let mut named: Vec<&str> = Vec::new();
    let mut context = BTreeSet::new();
    let mut left = Vec::new();
    let mut right = Vec::new();
    // names between the number and its noun say whose it is ("12,000 U.S.
    // troops"), before any name earlier in the clause ("The Maduro regime
    // faces pressure as 12,000 U.S. troops ...")
    let mut holder: Option<(usize, usize)> = None;
    let mut before_noun = figure.measure.is_some();
    for w in in_clause {
        #[cfg(test)]
        crate::model::cost::step();
        if w.capitalized && w.end <= figure.span.start && !NOT_SUBJECTS.contains(&w.lower.as_str())
        {
            named.push(&claim.text[w.start..w.end]);
        }
        if w.start >= figure.span.end && before_noun {
            if measure_words.contains(w.stem.as_str()) {
                before_noun = false;
            } else if w.capitalized {
                holder = Some((holder.map_or(w.start, |h| h.0), w.end));
            }
        }
        if content(w) && !measure_words.contains(w.stem.as_str()) {
            context.insert(w.stem.clone());
            if w.end <= figure.span.start {
                left.push(w.stem.clone());
            } else if right.len() < ANCHOR_WORDS {
                right.push(w.stem.clone());
            }
        }
    }
    let mut left = left.split_off(left.len().saturating_sub(ANCHOR_WORDS));
    // the words right next to the figure, whatever they are ("since 2008",
    // "to 419,000"), are anchors too, matched only with the other figure's
    // own neighbours
    // (not for dates: "on January 6" and "on June 2" are told apart by
    // what happened on them; nor the figure's own noun, whose part the
    // measure plays)
    let next_to = |w: &Word| {
        let article = matches!(w.lower.as_str(), "a" | "an" | "the");
        let own = measure_words.contains(w.stem.as_str());
        (!w.has_digit && !article && !own && figure.kind != FigureKind::Date)
            .then(|| format!("{ADJACENT}{}", w.lower))
    };
    let before = view.words[..view.words.partition_point(|w| w.end <= figure.span.start)]
        .last()
        .filter(|w| w.start >= start);
    let after = view.words[view.words.partition_point(|w| w.start < figure.span.end)..]
        .first()
        .filter(|w| w.end <= end);
    // "37.3% of U.S. adults" and "55% of adults": the words after a
    // percentage's "of" name the population, not what is measured
    let population = matches!(
        figure.kind,
        FigureKind::Percent | FigureKind::PercentagePoints
    ) && after.is_some_and(|w| w.lower == "of");
    if population {
        right.clear();
    }
    left.extend(before.and_then(next_to));
    if !population {
        right.extend(after.and_then(next_to));
    }
    // Names compared as the align stage compares words, so that "the US",
    // "the U.S." and "the United States" name one subject.
    let names = match holder {
        Some((from, to)) if !before_noun => claim.text[from..to].to_string(),
        _ => named.join(" "),
    };
    let subject: BTreeSet<String> = crate::align::tokens::normalize_text(&names, &[])
        .tokens
        .into_iter()
        .map(|t| t.key)
        .collect();
    let scope = view.scopes[n].clone();
    context.retain(|w| !scope.words.contains(w));
    Entry {
        claim: claim_ref,
        at: claim.at,
        figure,
        subject,
        context,
        left,
        right,
        scope,
        alone: view.alone[n],
        whole: whole(claim, figure),
    }
}

pub(super) fn overlap(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
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

/// Words right before a figure that make it a part of the figure before it:
/// "28 Palestinians, including nine children".
pub static PART_MARKERS: WordList =
    WordList::new(include_str!("../../../lexicons/compare-part-markers.txt"));

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
pub const GENERIC_MEASURES: &[&str] = &[
    "date", "day", "duration", "money", "month", "peopl", "percent", "week", "year",
];

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
/// [`GENERIC_CONTEXT_MIN`]): none was found, or it is generic.
fn generic(f: &Figure) -> bool {
    matches!(f.kind, FigureKind::Percent | FigureKind::PercentagePoints)
        || f.measure
            .as_deref()
            .is_none_or(|m| GENERIC_MEASURES.contains(&m))
}

/// Whether two figures stand in corresponding places of their aligned
/// claims: one of the [`ANCHOR_WORDS`] content words on either side of one
/// figure is among those of the other, or the word right before (after) one
/// is the word right before (after) the other ("Manchin sets $1.5
/// trillion limit" and "Manchin says $1.5 trillion is his limit"; "died at
/// age 84" and "died at the age of 84"). Where the words around two numbers
/// line up, they state the same quantity, whatever noun the extractor took
/// for their measure.
pub(super) fn anchored(a: &Entry, b: &Entry) -> Anchor {
    let adjacent = |w: &&String| w.starts_with(ADJACENT);
    let shared = |x: &[String], y: &[String], neighbours: bool| {
        x.iter()
            .filter(|w| adjacent(w) == neighbours)
            .any(|w| y.contains(w))
    };
    // content words may change sides ("voted 60-48", "a 60-48 vote")
    let all = |e: &Entry| e.left.iter().chain(&e.right).cloned().collect::<Vec<_>>();
    if shared(&all(a), &all(b), false) {
        Anchor::Words
    } else if shared(&a.left, &b.left, true) || shared(&a.right, &b.right, true) {
        Anchor::Neighbour
    } else {
        Anchor::None
    }
}

/// How two figures are anchored (see [`anchored`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Anchor {
    /// Nothing around them lines up.
    None,
    /// Only the words right next to them: enough to pair two numbers of
    /// one claim with two of another, not to overrule different subjects
    /// ("The US has 15,000 troops", "Venezuela has 200,000 troops").
    Neighbour,
    /// Content words around them.
    Words,
}

/// Whether two figures of one kind (and currency) state the same quantity,
/// so that their verdict means something. One identity, built from the
/// evidence that they do and the evidence that they do not:
///
/// - **for**: the same measure; standing in corresponding places (see
///   [`anchored`]); or clauses that share most of their words (see
///   [`GENERIC_CONTEXT_MIN`]). Figures of different measures need to be
///   anchored; figures whose measure says nothing (see [`GENERIC_MEASURES`])
///   need anchoring or shared words before they conflict.
/// - **against**: different named subjects, unless anchored; sizes two
///   orders apart; a weekday against a date; different periods, parts or
///   calendar periods; parts of different wholes.
pub(super) fn comparable(a: &Entry, b: &Entry) -> bool {
    let anchor = anchored(a, b);
    let evidence =
        anchor > Anchor::None || containment(&a.context, &b.context) >= GENERIC_CONTEXT_MIN;
    (a.figure.measure == b.figure.measure || anchor > Anchor::None)
        && (anchor == Anchor::Words || same_subject(a, b))
        && not_different(a, b)
        && (!(generic(a.figure) || generic(b.figure))
            || evidence
            || compare(a.figure, b.figure) != Verdict::Conflict)
}

/// Whether two compared figures state the same quantity with confidence,
/// so that a conflict between them is an error, not a warning. They must
/// share a measure, neither may be a vague amount ("thousands of migrants"
/// against "10,503 migrants" is a loose description, not a contradiction),
/// and either the measure says what is counted (see [`GENERIC_MEASURES`])
/// and the words around them line up (see [`anchored`]) or each is its
/// claim's only figure of that measure ("as 12,000 U.S. troops" against
/// "has stationed 15,000 troops"); or their clauses share most of their
/// words (see [`GENERIC_CONTEXT_MIN`]: "Trump and Maduro spoke by phone on
/// November 21", "... on November 20").
pub(super) fn confident(a: &Entry, b: &Entry) -> bool {
    let vague = |e: &Entry| e.figure.qualifier == Qualifier::Vague;
    let same = a.figure.measure.is_some() && a.figure.measure == b.figure.measure;
    let telling = !generic(a.figure) && (a.alone && b.alone || anchored(a, b) > Anchor::None);
    !vague(a)
        && !vague(b)
        && same
        && (telling || containment(&a.context, &b.context) >= GENERIC_CONTEXT_MIN)
}

/// Whether nothing says two figures of one key are different quantities:
/// sizes within [`MAGNITUDE_GAP`], no weekday against a date, the same
/// scope and whole. What [`comparable`] asks besides evidence that they are
/// the same quantity.
pub(super) fn not_different(a: &Entry, b: &Entry) -> bool {
    same_magnitude(a.figure, b.figure)
        && same_kind_of_date(a.figure, b.figure)
        && same_scope(&a.scope, &b.scope)
        && a.whole == b.whole
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

/// The key figures are compared under: kind, and currency for money
/// (dollars and euros are not compared). Which figures of one key state the
/// same quantity is for [`comparable`] to say.
pub(super) fn group_key(figure: &Figure) -> Option<(FigureKind, String)> {
    let unit = match figure.kind {
        FigureKind::Money => figure.unit.clone().unwrap_or_default(),
        _ => String::new(),
    };
    Some((figure.kind, unit))
}

/// The key of one measure: kind, measure and currency. A claim that gives
/// one measure for two periods splits it (see [`super::scope::scopes`]).
/// The key figures are grouped under: kind, measure, and currency for money
/// (dollars and euros are not compared).
pub(super) fn key(figure: &Figure) -> Option<(FigureKind, String, String)> {
    let measure = figure.measure.clone()?;
    let unit = match figure.kind {
        FigureKind::Money => figure.unit.clone().unwrap_or_default(),
        _ => String::new(),
    };
    Some((figure.kind, measure, unit))
}
