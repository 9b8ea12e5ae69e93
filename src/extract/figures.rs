//! Figures: numbers in the text with what they count, normalized to intervals.

use std::ops::Range;

use serde::Serialize;

use crate::model::Version;

/// What kind of quantity a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FigureKind {
    /// A plain count: "15,000 troops".
    Count,
    /// An amount of money: "$2bn".
    Money,
    /// A percentage: "40%".
    Percent,
    /// A change in percentage points: "3 percentage points".
    PercentagePoints,
    /// An ordinal: "the third strike".
    Ordinal,
    /// A calendar year: "in 2019".
    Year,
    /// A calendar date: "November 21".
    Date,
    /// A length of time: "one week".
    Duration,
}

/// How the text qualifies the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Qualifier {
    /// Stated as an exact value.
    Exact,
    /// "about", "some", "nearly": a band around the value.
    Approx,
    /// "more than", "at least", "20+".
    LowerBound,
    /// "up to", "fewer than".
    UpperBound,
    /// "10,000 to 15,000".
    Range,
    /// "dozens", "thousands of".
    Vague,
}

/// One end of a figure's interval: a number, or an ISO 8601 date.
#[derive(Debug, Clone, PartialEq, PartialOrd, Serialize)]
#[serde(untagged)]
pub enum Endpoint {
    /// A numeric value.
    Number(f64),
    /// An ISO 8601 date (`2025-11-21`, or `--11-21` when the year is unknown).
    Date(String),
}

/// A number in the text with what it counts, normalized to an interval.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// The figure as written, qualifier included: "more than 20".
    pub text: String,
    /// What kind of quantity it is.
    pub kind: FigureKind,
    /// Lower end of the interval; `None` when open.
    pub low: Option<Endpoint>,
    /// Upper end of the interval; `None` when open.
    pub high: Option<Endpoint>,
    /// How the text qualifies the value.
    pub qualifier: Qualifier,
    /// Currency, `%`, or time unit, when there is one.
    pub unit: Option<String>,
    /// The thing counted, stemmed: "troop", "oper".
    pub measure: Option<String>,
    /// Byte range of `text` within the claim's text.
    #[serde(skip)]
    pub span: Range<usize>,
}

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

/// All figures in `text`, in order of appearance.
pub fn find_figures(_text: &str, _context: &Context) -> Vec<Figure> {
    Vec::new()
}
