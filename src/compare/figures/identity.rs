//! Figure identity: whether two figures of aligned claims state the same quantity.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use super::scope::{Scope, same_scope, scopes};
use super::verdict::{compare, interval};
use super::{SUBJECT_OVERRIDE_OVERLAP, Verdict};
use crate::extract::figures::{DEATH_WORDS, Figure, FigureKind, is_age, stem};
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
    /// Whether it counts what comes on top of something ("three more
    /// provincial capitals", "another $600 million"; see [`INCREMENT_WORDS`]).
    pub(super) increment: bool,
    /// Whether it is one of [`LIST_MIN`] or more figures of its kind (and
    /// currency) in its claim: one item of a breakdown.
    pub(super) listed: bool,
    /// Whether it is the only figure of its kind (and currency) in its
    /// claim.
    pub(super) only_of_kind: bool,
    /// Whether it counts a part of a group ("Seven of the deaths"; see
    /// [`partitive`]).
    pub(super) partitive: bool,
    /// The stemmed content words of its whole claim, outside figures.
    pub(super) claim_words: Rc<BTreeSet<String>>,
    /// Whether it was paired by its place between agreed figures (see
    /// `position.rs`).
    pub(super) by_position: bool,
    /// The words of its anchors as written, by stem, for the reason a
    /// verdict gives.
    pub(super) shown: BTreeMap<String, String>,
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
    /// Per figure, whether it is one of [`LIST_MIN`] or more of its kind
    /// and currency in the claim.
    listed: Vec<bool>,
    /// Per figure, whether it is the only one of its kind and currency in
    /// the claim.
    only_of_kind: Vec<bool>,
    /// The stemmed content words of the claim outside its figures.
    claim_words: Rc<BTreeSet<String>>,
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
    let mut starts = Vec::new();
    let mut ends = Vec::new();
    for (p, c) in text.char_indices().filter(|&(_, c)| clause_boundary(c)) {
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
    // a figure is listed with the figures of its kind whose measure is its
    // own or none ("2.6 million doses, CVS reported 2.2 million"); counted
    // once per kind and measure, so that a claim of many figures costs
    // about its figure count
    let kinds: Vec<_> = claim.figures.iter().map(group_key).collect();
    type Kind = Option<(FigureKind, String)>;
    let mut per_measure: BTreeMap<(&Kind, Option<&str>), usize> = BTreeMap::new();
    let mut per_kind: BTreeMap<&Kind, usize> = BTreeMap::new();
    for (f, k) in claim.figures.iter().zip(&kinds) {
        *per_measure.entry((k, f.measure.as_deref())).or_default() += 1;
        *per_kind.entry(k).or_default() += 1;
    }
    let listed = claim
        .figures
        .iter()
        .zip(&kinds)
        .map(|(f, k)| {
            let own = per_measure[&(k, f.measure.as_deref())];
            let unnamed = match f.measure {
                Some(_) => per_measure.get(&(k, None)).copied().unwrap_or(0),
                None => 0,
            };
            own + unnamed >= LIST_MIN
        })
        .collect();
    let only_of_kind = kinds.iter().map(|k| per_kind[k] == 1).collect();
    let inside = |w: &Word| {
        claim
            .figures
            .iter()
            .any(|f| w.start >= f.span.start && w.end <= f.span.end)
    };
    let claim_words = Rc::new(
        words
            .iter()
            .filter(|w| content(w) && !inside(w))
            .map(|w| w.stem.clone())
            .collect(),
    );
    ClaimView {
        claim,
        words,
        clauses,
        scopes,
        alone,
        listed,
        only_of_kind,
        claim_words,
    }
}

/// A claim that gives this many figures of one kind (and currency) or
/// more lists them, and each is usually one part of a breakdown
/// ("Walgreens reported wasting 2.6 million doses, CVS reported 2.2
/// million, Walmart 1.6 million"), not the total another outlet gives: a
/// conflict with one of them is a warning.
pub const LIST_MIN: usize = 3;

/// Words right after a figure, or right before it, that make it count what
/// comes on top of something: "three more provincial capitals", "another
/// $600 million", "an additional 4,901 murders", "one other GOP member".
/// Such a figure is compared only with another increment: "nine provincial
/// capitals" in all and "three more" on Wednesday are both true.
pub const INCREMENT_WORDS: &[&str] =
    &["additional", "another", "extra", "further", "more", "other"];

/// Whether the figure is an increment (see [`INCREMENT_WORDS`]): one of
/// those words right before it, or right after it ("more" not starting a
/// comparison, "more than").
fn increment(words: &[Word], figure: &Figure) -> bool {
    let at = words.partition_point(|w| w.end <= figure.span.start);
    let before = at.checked_sub(1).map(|b| &words[b]);
    let after = words[at..].iter().find(|w| w.start >= figure.span.end);
    let marks = |w: &Word| INCREMENT_WORDS.contains(&w.lower.as_str());
    let than_next = |w: &Word| {
        let next = words.partition_point(|x| x.start <= w.start);
        words.get(next).is_some_and(|n| n.lower == "than")
    };
    before.is_some_and(|w| marks(w) && w.lower != "more")
        || after.is_some_and(|w| marks(w) && !than_next(w))
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

/// Whether a character ends a clause for a figure's context: commas,
/// semicolons, colons, parentheses and dashes.
pub(super) fn clause_boundary(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–')
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
    let mut left_written: Vec<&str> = Vec::new();
    let mut right_written: Vec<&str> = Vec::new();
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
                left_written.push(w.lower.as_str());
            } else if right.len() < ANCHOR_WORDS {
                right.push(w.stem.clone());
                right_written.push(w.lower.as_str());
            }
        }
    }
    let mut left = left.split_off(left.len().saturating_sub(ANCHOR_WORDS));
    let left_written = left_written.split_off(left_written.len().saturating_sub(ANCHOR_WORDS));
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
    // an age set off by commas is its holder's, named right before it:
    // "Malia, 16," is not "Elizabeth Lauten, 31,"
    if named.is_empty() && is_age(figure) {
        let at = view.words.partition_point(|w| w.end <= figure.span.start);
        let holder = view.words[..at]
            .iter()
            .rev()
            .take_while(|w| w.capitalized && !NOT_SUBJECTS.contains(&w.lower.as_str()));
        named.extend(holder.map(|w| &claim.text[w.start..w.end]));
        // "John Warner, longtime US senator from Virginia, dies at 94":
        // the age at death is the claim's subject's, the name it opens with
        let died = at >= 2
            && view.words[at - 1].lower == "at"
            && DEATH_WORDS.contains(&view.words[at - 2].lower.as_str());
        if named.is_empty() && died {
            let opening = view.words[..at]
                .iter()
                .skip_while(|w| !w.capitalized || NOT_SUBJECTS.contains(&w.lower.as_str()))
                .take_while(|w| w.capitalized && !NOT_SUBJECTS.contains(&w.lower.as_str()));
            named.extend(opening.map(|w| &claim.text[w.start..w.end]));
        }
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
    // the anchors as written, for the reason a verdict gives
    let shown = left
        .iter()
        .zip(&left_written)
        .chain(right.iter().zip(&right_written))
        .map(|(stem, written)| (stem.clone(), written.to_string()))
        .chain(
            [before, after]
                .into_iter()
                .flatten()
                .map(|w| (w.lower.clone(), w.lower.clone())),
        )
        .collect();
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
        increment: increment(&view.words, figure),
        listed: view.listed[n],
        only_of_kind: view.only_of_kind[n],
        partitive: partitive(claim, figure),
        claim_words: Rc::clone(&view.claim_words),
        by_position: false,
        shown,
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
/// and the words around them overlap less than [`SUBJECT_OVERRIDE_OVERLAP`]
/// (for two ages, whatever their words: two people).
/// "The US has 15,000 troops in the Caribbean" and "Venezuela has deployed
/// 200,000 troops at home" are about different troops.
fn same_subject(a: &Entry, b: &Entry) -> bool {
    if a.subject.is_empty() || b.subject.is_empty() || !a.subject.is_disjoint(&b.subject) {
        return true;
    }
    // two people's ages, whatever is said around them
    !(is_age(a.figure) && is_age(b.figure))
        && overlap(&a.context, &b.context) >= SUBJECT_OVERRIDE_OVERLAP
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

/// Words after "of" that make a count before it part of a group: "Seven
/// of the deaths", "two of them", "one of the mystery women".
const PARTITIVE_AFTER_OF: &[&str] = &[
    "the", "their", "them", "these", "those", "its", "his", "her", "our", "whom", "which",
];

/// Whether a count is a part of a group: "Seven of the deaths" counts
/// some of the deaths, "two of his picks" some of his picks. Set against a
/// count of the whole group it conflicts without anyone being wrong, set
/// against the same part ("Two Republican appointees") it agrees; so a
/// conflict between a part and a count that is none is a warning.
fn partitive(claim: &Claim, figure: &Figure) -> bool {
    if figure.kind != FigureKind::Count {
        return false;
    }
    let mut after = claim.text[figure.span.end..].split_whitespace();
    let (Some(of), Some(next)) = (after.next(), after.next()) else {
        return false;
    };
    let next = next.to_lowercase();
    let next = next.trim_matches(|c: char| !c.is_alphanumeric());
    of == "of" && PARTITIVE_AFTER_OF.contains(&next)
}

/// Measures that storydiff falls back on when no noun says what is counted,
/// `peopl` ("people", "persons", with no casualty verb), and the nouns a
/// subject uses for a number of anything ("the number of new applications
/// rose to 373,000", "the figure was revised to 375,000"): they say what
/// kind of number a figure is, not what it is about ("600 people" in a
/// shelter and "2,000 people" without power).
pub const GENERIC_MEASURES: &[&str] = &[
    "amount", "count", "date", "day", "duration", "estim", "figur", "level", "money", "month",
    "number", "peopl", "percent", "read", "talli", "total", "week", "year",
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

/// Content words two clauses must share, at least, before sharing most of
/// them counts as evidence: two clauses of no content words ("on June 25,
/// 2012," and "the next day, Sept. 15,") share all of nothing.
pub const CLAUSE_SHARED_MIN: usize = 2;

/// Whether the clauses of two figures share most of their words (see
/// [`GENERIC_CONTEXT_MIN`]) and at least [`CLAUSE_SHARED_MIN`] of them.
pub(super) fn shared_clause(a: &Entry, b: &Entry) -> bool {
    a.context.intersection(&b.context).count() >= CLAUSE_SHARED_MIN
        && containment(&a.context, &b.context) >= GENERIC_CONTEXT_MIN
}

/// Whether a figure's measure alone does not say what it is about (see
/// [`GENERIC_CONTEXT_MIN`]): none was found, or it is generic.
pub(super) fn generic(f: &Figure) -> bool {
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
    anchor(a, b).0
}

/// How two figures are anchored (see [`anchored`]) and the word, as
/// written in the first, that anchors them.
pub(super) fn anchor(a: &Entry, b: &Entry) -> (Anchor, Option<String>) {
    let adjacent = |w: &&String| w.starts_with(ADJACENT);
    let shared = |x: &[String], y: &[String], neighbours: bool| {
        x.iter()
            .filter(|w| adjacent(w) == neighbours)
            .find(|w| y.contains(w))
            .cloned()
    };
    let written = |w: String| {
        let key = w.trim_start_matches(ADJACENT).to_string();
        a.shown.get(&key).cloned().unwrap_or(key)
    };
    // content words may change sides ("voted 60-48", "a 60-48 vote")
    let all = |e: &Entry| e.left.iter().chain(&e.right).cloned().collect::<Vec<_>>();
    if let Some(w) = shared(&all(a), &all(b), false) {
        (Anchor::Words, Some(written(w)))
    } else if let Some(w) =
        shared(&a.left, &b.left, true).or_else(|| shared(&a.right, &b.right, true))
    {
        (Anchor::Neighbour, Some(written(w)))
    } else {
        (Anchor::None, None)
    }
}

/// How two figures are anchored (see [`anchored`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Anchor {
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
    if !not_different(a, b) {
        return false;
    }
    let anchor = anchored(a, b);
    let verdict = compare(a.figure, b.figure);
    // one value stated by two aligned claims is one quantity, unless their
    // measures say otherwise: "employers added 235,000 jobs" and "payroll
    // employment rose by 235,000"
    let unnamed = |e: &Entry| generic(e.figure);
    if verdict == Verdict::Agree
        && (unnamed(a) || unnamed(b))
        && (anchor == Anchor::Words || same_subject(a, b))
    {
        return true;
    }
    let evidence = anchor > Anchor::None || shared_clause(a, b);
    let only = only_of_kind(a, b);
    (a.figure.measure == b.figure.measure || anchor > Anchor::None || only)
        && (anchor == Anchor::Words || same_subject(a, b))
        && (!(generic(a.figure) || generic(b.figure))
            || evidence
            || only
            || verdict != Verdict::Conflict)
}

/// Kinds whose noun says little about what is counted: "a $1.8 trillion
/// package" and "a $4.8 trillion investment" in two aligned headlines are
/// one plan, "88% of children" and "132% of children" one share. (A
/// duration is no such kind: "Four days before the anniversary" and "one
/// week after the withdrawal" in two aligned claims count from different
/// events.)
pub const WEAK_NOUN_KINDS: &[FigureKind] = &[
    FigureKind::Money,
    FigureKind::Percent,
    FigureKind::PercentagePoints,
    FigureKind::Year,
];

/// Whether two figures of a [`WEAK_NOUN_KINDS`] kind are each the only one
/// of their kind (and currency) in their aligned claims, and the claims
/// share at least [`CLAIM_SHARED_MIN`] of the content words of the shorter:
/// then they are compared whatever their nouns, as a pairing too weak for
/// an error (`pairing::Doubt::WeakPairing`) unless words line up besides.
/// "By Tuesday, 37.3% of U.S. adults were fully vaccinated" and "Over 55%
/// of adults have received at least one dose" share one word in five.
pub(super) fn only_of_kind(a: &Entry, b: &Entry) -> bool {
    a.only_of_kind
        && b.only_of_kind
        && WEAK_NOUN_KINDS.contains(&a.figure.kind)
        && containment(&a.claim_words, &b.claim_words) >= CLAIM_SHARED_MIN
}

/// The share of the content words of the shorter of two claims that the
/// other must hold for their lone figures of a kind to be paired (see
/// [`only_of_kind`]): a headline and the sentence that tells it share most
/// ("132% of children covered by monthly payments starting in July").
pub const CLAIM_SHARED_MIN: f64 = 0.5;

/// Whether nothing says two figures of one key are different quantities:
/// sizes within [`MAGNITUDE_GAP`], no weekday against a date, the same
/// scope and whole, both increments or neither. What [`comparable`] asks
/// besides evidence that they are the same quantity.
pub(super) fn not_different(a: &Entry, b: &Entry) -> bool {
    same_magnitude(a.figure, b.figure)
        && same_kind_of_date(a.figure, b.figure)
        && same_scope(&a.scope, &b.scope)
        && a.whole == b.whole
        && a.increment == b.increment
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
    if matches!(a.kind, FigureKind::Date | FigureKind::Tally)
        || matches!(b.kind, FigureKind::Date | FigureKind::Tally)
    {
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
