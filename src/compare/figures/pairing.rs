//! Why two figures were paired, and whether their pairing is sure enough
//! for a conflict between them to be an error.
//!
//! Every verdict says why its figures were set against each other (a
//! [`Pairing`], the strongest that holds) and, when it is not sure, what
//! makes it doubtful (a [`Doubt`]). A conflict is an error only when the
//! pairing is sure and nothing casts doubt on it; otherwise it is a warning
//! for a person to judge.

use serde::Serialize;

use super::Verdict;
use super::identity::{Anchor, Entry, anchor, generic, only_of_kind, shared_clause};
use super::scope::loosely_same;
use super::verdict::{bound_edge, compare};
use crate::extract::figures::{Figure, FigureKind, Qualifier, is_age};

/// Why two figures were taken to state one quantity, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Pairing {
    /// The same content word stands by both ("Mr. Trump took the 35-word
    /// oath administered by ..." / "Roberts administered the 38-word oath").
    SameWords,
    /// Each is its claim's only figure of their shared measure ("The U.S.
    /// has sent 12,000 troops" / "The US has stationed 15,000 troops").
    OnlyOne,
    /// They stand in the same gap between figures the two claims agree on
    /// ("69 to 45, with 19 Republicans" / "69-30, as 19 Republicans").
    SamePlace,
    /// The same word stands right next to both ("since 2008" / "since 2011").
    SameNeighbour,
    /// Their clauses share most of their words.
    SharedClause,
    /// Each is its claim's only figure of its kind (money, a percentage, a
    /// year), whatever their nouns ("a $1.8 trillion package" / "a $4.8
    /// trillion investment").
    OnlyOfKind,
    /// They state the same value.
    SameValue,
    /// They share a measure, and nothing more.
    SameMeasure,
}

/// What makes a pairing too doubtful for a conflict to be an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Doubt {
    /// The pairing itself is weak: different measures, a measure that says
    /// nothing about what is counted with no words lined up, or a place
    /// between agreed figures only.
    WeakPairing,
    /// A vague amount describes loosely ("thousands of migrants").
    Vague,
    /// Both are expectations ("economists expected"): surveys differ
    /// without anyone being wrong.
    Estimates,
    /// Ranks ("No. 2", "third") name places in lists that are easily
    /// crossed.
    Rank,
    /// "one" written out is as often an article or a member of a group
    /// ("One case involved ...") as a count.
    SpelledOne,
    /// One is an item of a list of figures of its kind, often a part of
    /// what the other counts.
    Listed,
    /// One counts a part of a group ("Seven of the deaths"), the other
    /// not.
    Part,
    /// They differ only at a bound's own number ("less than two weeks" and
    /// "two weeks").
    BoundEdge,
    /// One names a period, a calendar period or a year the other does not.
    LooseScope,
    /// Both are weekdays: outlets name the day they report as often as the
    /// day of the event.
    Weekdays,
    /// Both are ages, and the claims do not both name whose: a claim may
    /// give the ages of several people.
    Holders,
}

/// Content words two clauses share, at least, for figures whose measure
/// says nothing (dates, money, durations) to be surely one quantity when no
/// word stands by both: "he waited six hours to vote" and "waited in line
/// to cast his ballot for seven hours" share three ("waited", "cast",
/// "ballot"); "He left Trump's campaign in August 2015" and "The July 2018
/// indictment ... the presidential campaign of Donald J. Trump" two.
pub const CLAUSE_SHARED_SURE: usize = 3;

/// How sure the identity of two figures is.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    /// Why they were paired.
    pub pairing: Pairing,
    /// The word that paired them, for [`Pairing::SameWords`] and
    /// [`Pairing::SameNeighbour`].
    pub word: Option<String>,
    /// What makes the pairing doubtful; `None` when it is sure.
    pub doubt: Option<Doubt>,
}

impl Judgement {
    /// Whether a conflict between the two figures is an error.
    pub fn sure(&self) -> bool {
        self.doubt.is_none()
    }

    /// Why they were paired, for people: "the word \"administered\" stands
    /// by both".
    pub fn reason(&self, measure: &str) -> String {
        let word = self.word.as_deref().unwrap_or_default();
        match self.pairing {
            Pairing::SameWords => format!("the word \"{word}\" stands by both"),
            Pairing::OnlyOne => format!("each is its claim's only figure of \"{measure}\""),
            Pairing::SamePlace => "they stand between the same agreed figures".into(),
            Pairing::SameNeighbour => format!("both stand next to \"{word}\""),
            Pairing::SharedClause => "their clauses share most words".into(),
            Pairing::OnlyOfKind => "each is its claim's only figure of its kind".into(),
            Pairing::SameValue => "they state the same value".into(),
            Pairing::SameMeasure => format!("both count \"{measure}\""),
        }
    }
}

impl Doubt {
    /// What makes the pairing doubtful, for people.
    pub fn describe(self) -> &'static str {
        match self {
            Doubt::WeakPairing => "the pairing is weak",
            Doubt::Vague => "a vague amount describes loosely",
            Doubt::Estimates => "both are expectations, not outcomes",
            Doubt::Rank => "ranks name places in lists that are easily crossed",
            Doubt::SpelledOne => "\"one\" is as often an article as a count",
            Doubt::Listed => "one is an item of a list, maybe a part of the other",
            Doubt::Part => "one counts a part of a group, the other may count all of it",
            Doubt::BoundEdge => "they differ only at a bound's own number",
            Doubt::LooseScope => "one names a period or year the other does not",
            Doubt::Weekdays => {
                "weekdays name the day of reporting as often as the day of the event"
            }
            Doubt::Holders => "the ages may be of different people",
        }
    }
}

/// Whether a figure is the word "one" (or "One"): as often an article or a
/// member of a group as a count.
fn spelled_one(f: &Figure) -> bool {
    f.kind == FigureKind::Count && f.text.eq_ignore_ascii_case("one")
}

/// The judgement on two figures of one group: why they were paired, and
/// what, if anything, makes a conflict between them doubtful.
///
/// Sure means: one shared measure, and either the measure says what is
/// counted and the figures are anchored by a word or each is its claim's
/// only figure of it, or the measure says nothing (a date, money, a
/// percentage) and their clauses share most words, with a word standing by
/// both (the Venezuela call dates) or, except for dates, at least
/// [`CLAUSE_SHARED_SURE`] words shared.
/// Then no [`Doubt`] may hold.
pub(super) fn judge(a: &Entry, b: &Entry) -> Judgement {
    let (anchor, word) = anchor(a, b);
    let same = a.figure.measure.is_some() && a.figure.measure == b.figure.measure;
    let clause = shared_clause(a, b);
    let pairing = if anchor == Anchor::Words {
        Pairing::SameWords
    } else if same && a.alone && b.alone {
        Pairing::OnlyOne
    } else if a.by_position && b.by_position {
        Pairing::SamePlace
    } else if anchor == Anchor::Neighbour {
        Pairing::SameNeighbour
    } else if clause {
        Pairing::SharedClause
    } else if only_of_kind(a, b) {
        Pairing::OnlyOfKind
    } else if compare(a.figure, b.figure) == Verdict::Agree {
        Pairing::SameValue
    } else {
        Pairing::SameMeasure
    };
    let word = matches!(pairing, Pairing::SameWords | Pairing::SameNeighbour)
        .then_some(word)
        .flatten();
    let strong = if generic(a.figure) {
        // a date needs a word by both: one clause may date two events ("the
        // board upheld Facebook's decision on January 7" against "the
        // board upheld Facebook's decision ... in the wake of the Jan. 6
        // riot")
        let dated = a.figure.kind == FigureKind::Date;
        let shared = a.context.intersection(&b.context).count();
        clause && (anchor > Anchor::None || !dated && shared >= CLAUSE_SHARED_SURE)
    } else {
        matches!(
            pairing,
            Pairing::SameWords | Pairing::OnlyOne | Pairing::SameNeighbour
        )
    };
    let vague = |f: &Figure| f.qualifier == Qualifier::Vague;
    let weekday = crate::extract::dates::is_weekday;
    let doubt = if !same || !strong {
        Some(Doubt::WeakPairing)
    } else if vague(a.figure) || vague(b.figure) {
        Some(Doubt::Vague)
    } else if a.scope.estimate && b.scope.estimate {
        Some(Doubt::Estimates)
    } else if a.figure.kind == FigureKind::Ordinal {
        Some(Doubt::Rank)
    } else if spelled_one(a.figure) || spelled_one(b.figure) {
        Some(Doubt::SpelledOne)
    } else if a.listed || b.listed {
        Some(Doubt::Listed)
    } else if a.partitive != b.partitive {
        Some(Doubt::Part)
    } else if bound_edge(a.figure, b.figure) {
        Some(Doubt::BoundEdge)
    } else if loosely_same(&a.scope, &b.scope) {
        Some(Doubt::LooseScope)
    } else if weekday(a.figure) && weekday(b.figure) {
        Some(Doubt::Weekdays)
    } else if ages_of_unnamed(a, b) {
        Some(Doubt::Holders)
    } else {
        None
    };
    Judgement {
        pairing,
        word,
        doubt,
    }
}

/// Whether two figures are ages (`is_age`) whose holders the claims
/// do not both name with a word in common: "Malia and Sasha Obama, aged 16
/// and 13" against "the aide, Elizabeth Lauten, 31".
fn ages_of_unnamed(a: &Entry, b: &Entry) -> bool {
    is_age(a.figure) && is_age(b.figure) && a.subject.is_disjoint(&b.subject)
}
