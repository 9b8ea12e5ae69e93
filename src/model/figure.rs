//! Figures as the extract stage finds them: a number in the text with what it
//! counts, normalized to an interval.

use std::ops::Range;

use serde::{Serialize, Serializer};

/// What kind of quantity a figure is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
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
    /// A fraction or proportion: "two thirds", "one in five", "3/4".
    Fraction,
    /// A vote or a score: "134-to-63", "a 54-35 vote", "won 97-1". `low`
    /// is the first side and `high` the second, as written (not an
    /// interval).
    Tally,
}

/// How the text qualifies the number.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
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
#[derive(Debug, Clone, PartialEq, PartialOrd)]
pub enum Endpoint {
    /// A numeric value.
    Number(f64),
    /// An ISO 8601 date (`2025-11-21`, or `--11-21` when the year is unknown).
    Date(String),
}

/// Largest integer an `f64` holds exactly: whole numbers up to it are written
/// without a decimal point in JSON ("15000", not "15000.0").
const EXACT_INTEGER_LIMIT: f64 = 9_007_199_254_740_992.0;

impl Serialize for Endpoint {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Endpoint::Number(n) if n.fract() == 0.0 && n.abs() < EXACT_INTEGER_LIMIT => {
                serializer.serialize_i64(*n as i64)
            }
            Endpoint::Number(n) => serializer.serialize_f64(*n),
            Endpoint::Date(d) => serializer.serialize_str(d),
        }
    }
}

/// In the JSON Schema: a number, or an ISO 8601 date as a string.
impl schemars::JsonSchema for Endpoint {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Endpoint".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "One end of a figure's interval: a number, or an ISO 8601 date (`2025-11-21`, or `--11-21` when the year is unknown).",
            "type": ["number", "string"]
        })
    }
}

impl Endpoint {
    /// The numeric value, when the endpoint is a number.
    pub fn number(&self) -> Option<f64> {
        match self {
            Endpoint::Number(n) => Some(*n),
            Endpoint::Date(_) => None,
        }
    }
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
    /// True when `low` itself is excluded: "more than 20" is (20, +inf).
    #[serde(skip_serializing_if = "is_false")]
    pub low_exclusive: bool,
    /// True when `high` itself is excluded: "fewer than 50" is [0, 50).
    #[serde(skip_serializing_if = "is_false")]
    pub high_exclusive: bool,
    /// How the text qualifies the value.
    pub qualifier: Qualifier,
    /// The number as stated, before a qualifier widens it: 15000 for "about
    /// 15,000" and for "more than 15,000"; `None` for ranges, vague amounts
    /// and dates.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "serialize_value"
    )]
    pub value: Option<f64>,
    /// Currency (ISO 4217 where there is one), `%`, or time unit, when there is one.
    pub unit: Option<String>,
    /// The thing counted, stemmed: "troop", "oper".
    pub measure: Option<String>,
    /// Byte range of `text` within the claim's text.
    #[serde(skip)]
    pub span: Range<usize>,
}

fn serialize_value<S: Serializer>(value: &Option<f64>, serializer: S) -> Result<S::Ok, S::Error> {
    value.map(Endpoint::Number).serialize(serializer)
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl std::fmt::Display for Endpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Endpoint::Number(n) if n.fract() == 0.0 && n.abs() < EXACT_INTEGER_LIMIT => {
                write!(f, "{}", *n as i64)
            }
            Endpoint::Number(n) => write!(f, "{n}"),
            Endpoint::Date(d) => f.write_str(d),
        }
    }
}

impl Figure {
    /// The interval in mathematical notation, for people, with its unit:
    /// `15000`, `(20, ∞)`, `[0, 50)`, `[10000, 15000]`, `2000000000 USD`,
    /// `2025-11-21`; `?` when a date could not be resolved.
    pub fn interval(&self) -> String {
        let numbers = self.numbers();
        match &self.unit {
            Some(unit) if numbers != "?" => format!("{numbers} {unit}"),
            _ => numbers,
        }
    }

    fn numbers(&self) -> String {
        if self.kind == FigureKind::Tally
            && let (Some(a), Some(b)) = (&self.low, &self.high)
        {
            return format!("{a}–{b}");
        }
        match (&self.low, &self.high) {
            (None, None) => "?".to_string(),
            (Some(a), Some(b)) if a == b && !self.low_exclusive && !self.high_exclusive => {
                a.to_string()
            }
            (low, high) => {
                let open = if self.low_exclusive || low.is_none() {
                    '('
                } else {
                    '['
                };
                let close = if self.high_exclusive || high.is_none() {
                    ')'
                } else {
                    ']'
                };
                let end = |e: &Option<Endpoint>, inf: &str| {
                    e.as_ref().map_or(inf.to_string(), Endpoint::to_string)
                };
                format!("{open}{}, {}{close}", end(low, "-∞"), end(high, "∞"))
            }
        }
    }
}

/// One end of an interval on the number line, with whether it is excluded.
#[derive(Debug, Clone, Copy)]
pub struct End {
    /// Where the end lies.
    pub at: f64,
    /// Whether `at` itself is outside the interval.
    pub excluded: bool,
}

/// A figure as an interval of numbers: dates become day numbers.
#[derive(Debug, Clone, Copy)]
pub struct Interval {
    /// The lower end.
    pub low: End,
    /// The upper end.
    pub high: End,
}

impl Interval {
    /// Whether the two intervals share a point.
    pub fn overlaps(&self, other: &Interval) -> bool {
        let before = |a: End, b: End| a.at < b.at || a.at == b.at && (a.excluded || b.excluded);
        !(before(self.high, other.low) || before(other.high, self.low))
    }
}
