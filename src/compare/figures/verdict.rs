//! The verdict on two figures: their intervals, widened by rounding, compared.

use super::{ROUNDING_MAX_SHARE, ROUNDING_MIN, Verdict};
use crate::extract::figures::{Endpoint, Figure, FigureKind, Qualifier, TIME_UNITS, is_age};
use crate::model::figure::{End, Interval};

/// Half the step of a round number's last significant digit, capped at
/// [`ROUNDING_MAX_SHARE`]; zero for numbers below [`ROUNDING_MIN`], with
/// decimals, or without trailing zeros (every digit stated). Years are
/// exact whatever their digits (see [`interval`]).
pub fn rounding_tolerance(v: f64) -> f64 {
    let a = v.abs();
    if a < ROUNDING_MIN || a.fract() != 0.0 {
        return 0.0;
    }
    let mut step = 1.0;
    while (a / (step * 10.0)).fract() == 0.0 && step * 10.0 <= a {
        step *= 10.0;
    }
    if step == 1.0 {
        return 0.0; // every digit stated: "1,234" is no rounding of 1,235
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

/// A duration stands for anything within this share of it: a month is 28
/// to 31 days and a year 365 or 366, so "30 days" and "a month", "52
/// weeks" and "a year", "in 39 years" and "in four decades" are
/// compatible, while "six hours" and "seven hours" still conflict.
pub const DURATION_SLACK: f64 = 0.025;

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
pub(super) fn interval(f: &Figure, tolerant: bool, drop_year: bool) -> Option<Interval> {
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
            FigureKind::Date | FigureKind::Year => 0.0,
            FigureKind::Percent | FigureKind::PercentagePoints => percent_tolerance(at),
            FigureKind::Duration => rounding_tolerance(at).max(at.abs() * DURATION_SLACK),
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
///
/// Two tallies agree when both sides are the same, and conflict otherwise.
pub fn compare(a: &Figure, b: &Figure) -> Verdict {
    if a.kind == FigureKind::Tally || b.kind == FigureKind::Tally {
        // a tally's two sides as written: "54-35" is "54 to 35", not
        // "55-34"
        return if a.kind == b.kind && a.low == b.low && a.high == b.high {
            Verdict::Agree
        } else {
            Verdict::Conflict
        };
    }
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
        // An age limit is stated by its own number, whichever side of it
        // the text looks from: "handguns to young adults under age 21"
        // and "a minimum age of 21" state one limit.
        _ if is_age(a) && is_age(b) && bound_edge(a, b) => Verdict::Compatible,
        _ => Verdict::Conflict,
    }
}

/// Whether two figures conflict only at an excluded end: with that end
/// included they would be compatible ("less than two weeks" and "two
/// weeks"; "more than 20" and "20").
pub(super) fn bound_edge(a: &Figure, b: &Figure) -> bool {
    if !(a.low_exclusive || a.high_exclusive || b.low_exclusive || b.high_exclusive) {
        return false;
    }
    let closed = |f: &Figure| Figure {
        low_exclusive: false,
        high_exclusive: false,
        ..f.clone()
    };
    compare(&closed(a), &closed(b)) != Verdict::Conflict
}
