//! Tallies and ranks: votes and scores ("134-to-63", "a 54-35 vote", "voted
//! 364 to 62", "won 97-1") and ranks ("the No. 2 official", "#1").

use super::*;

/// Words that make two numbers joined by "to" or a dash a tally: a vote, a
/// ruling or a score. "The vote was 69 to 45" is a tally, "69 to 45
/// people" a range.
pub const TALLY_CUES: &[&str] = &[
    "approved", "ballot", "beat", "decision", "defeated", "lost", "majority", "margin", "passed",
    "rejected", "ruled", "ruling", "score", "split", "tally", "victory", "vote", "voted", "votes",
    "voting", "win", "won",
];

/// How many tokens before a tally its cue may stand ("voted 50-49", "the
/// vote was 69 to 45", "by a vote of 13 to 9"), or after it ("a 54-35
/// vote"; "6-3 ruling").
const TALLY_CUE_REACH: usize = 4;

/// The measure every tally is compared under: a tally is compared only
/// with tallies, and the finding names it so.
pub const TALLY_MEASURE: &str = "tally";

/// A whole number without scale at token `k`, written as digits or as one
/// number word ("seven to two"): one side of a tally, and whether it was
/// written in digits.
fn side(tokens: &[Token], k: usize) -> Option<(f64, bool)> {
    let t = tokens.get(k)?;
    if t.kind == TokenKind::Word {
        return word_number(&t.lower)
            .filter(|&(v, ordinal)| !ordinal && v < TALLY_WORDS_BELOW)
            .map(|(v, _)| (v, false));
    }
    (t.kind == TokenKind::Num && t.value.fract() == 0.0 && t.value >= 0.0 && !t.lower.contains('.'))
        .then_some((t.value, true))
}

/// Sides written as words are read below this: "seven to two", "fifty to
/// forty-nine"; larger tallies are written in digits.
const TALLY_WORDS_BELOW: f64 = 100.0;

/// Whether a tally cue stands within reach before token `start` or after
/// token `end`.
fn cued(tokens: &[Token], start: usize, end: usize) -> bool {
    let cue = |t: &Token| TALLY_CUES.contains(&t.lower.as_str());
    tokens[start.saturating_sub(TALLY_CUE_REACH)..start]
        .iter()
        .any(cue)
        || tokens[end..(end + TALLY_CUE_REACH).min(tokens.len())]
            .iter()
            .take_while(|t| t.kind == TokenKind::Word)
            .any(cue)
}

/// A tally at token `i`: two whole numbers written as digits, joined by an
/// attached dash ("54-35", "97-1", "134-to-63") or by "to" ("364 to 62"),
/// with nothing after them that makes them a range, money or a percentage.
/// "134-to-63" is a tally wherever it stands; a first number no smaller
/// than the second joined by a dash ("54-35") is one too, since a range
/// runs upwards; joined by "to", such a pair needs a cue
/// ([`TALLY_CUES`]) nearby ("the vote was 69 to 45"), and a dash between
/// a smaller and a larger number needs one too ("lost 3-6").
/// A year first ("2020-21") is a season, and a third number joined on
/// ("9-1-1", "2021-06-01") makes no tally. Kind `tally`, `low` the first
/// side and `high` the second, as written.
pub(super) fn tally_at(tokens: &[Token], i: usize, text: &str) -> Option<(Figure, usize)> {
    let (first, digits) = side(tokens, i)?;
    // not the digits of a name or a time: "G7-8", "Covid-19"
    if i > 0 && tokens[i].attached() && tokens[i - 1].kind != TokenKind::Sym {
        return None;
    }
    let dash = |t: &Token| t.is("-") || t.is("–") || t.is("—");
    let t = tokens.get(i + 1)?;
    let (second_at, spelled, to) = if dash(t) && t.attached() {
        // "134-to-63"
        let spelled = tokens
            .get(i + 2)
            .is_some_and(|w| w.is("to") && w.attached())
            && tokens.get(i + 3).is_some_and(|d| dash(d) && d.attached());
        (if spelled { i + 4 } else { i + 2 }, spelled, false)
    } else if t.is("to") {
        (i + 2, false, true)
    } else {
        return None;
    };
    let second_token = tokens.get(second_at)?;
    if !to && !second_token.attached() || to && !second_token.space_before {
        return None;
    }
    let (second, second_digits) = side(tokens, second_at)?;
    // both sides in digits, or both in words joined by "to" ("seven to two")
    if digits != second_digits || !digits && !to {
        return None;
    }
    let end = second_at + 1;
    // "9-1-1", "2021-06-01", "24-7/365": a chain is no tally
    let joined = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|n| n.attached() && (dash(n) || n.is("/") || n.is(":") || n.is(".")))
            && tokens
                .get(k + 1)
                .is_some_and(|d| d.kind == TokenKind::Num && d.attached())
    };
    let chained = i >= 2
        && tokens[i].attached()
        && tokens[i - 1].attached()
        && tokens[i - 2].kind == TokenKind::Num;
    if joined(end) || chained {
        return None;
    }
    let year = |k: usize, v: f64| {
        tokens[k].bare_digits && tokens[k].lower.len() == 4 && YEAR_RANGE.contains(&v)
    };
    if year(i, first) {
        return None;
    }
    // a scale, currency, percent or time unit after it makes a range
    if tokens.get(end).is_some_and(|n| {
        scale_of(n, true).is_some() || suffix_at(tokens, end).is_some() || n.is("+")
    }) || i > 0 && currency_at(tokens, i - 1).is_some_and(|(_, e, _)| e == i)
    {
        return None;
    }
    // a range runs upwards: "69 to 45" after "vote" is a tally, "20 to 30
    // people" a range, whatever word follows
    let tally =
        spelled || first >= second && (!to || cued(tokens, i, end)) || !to && cued(tokens, i, end);
    if !tally {
        return None;
    }
    let mut f = figure(
        text,
        tokens,
        i,
        end,
        FigureKind::Tally,
        Qualifier::Exact,
        number(first),
        number(second),
        None,
        Some(TALLY_MEASURE.to_string()),
    );
    f.value = None;
    Some((f, end))
}

/// The measure of a rank: "No. 2" is compared only with ranks.
pub const RANK_MEASURE: &str = "rank";

/// A rank at token `i`: "No. 2", "no. 3", "No 10", "#1": an ordinal, never
/// a count ("the No. 2 position" against "two deputies").
pub(super) fn rank_at(tokens: &[Token], i: usize, text: &str) -> Option<(Figure, usize)> {
    let t = tokens.get(i)?;
    let number_at = if t.is("#") {
        i + 1
    } else if t.is("no") {
        let dotted = tokens.get(i + 1).is_some_and(|d| d.is(".") && d.attached());
        if dotted {
            i + 2
        } else if t.upper && tokens.get(i + 1).is_some_and(|n| n.kind == TokenKind::Num) {
            i + 1
        } else {
            return None;
        }
    } else {
        return None;
    };
    let n = tokens.get(number_at)?;
    if n.kind != TokenKind::Num || n.value.fract() != 0.0 || (t.is("#") && !n.attached()) {
        return None;
    }
    let mut f = figure(
        text,
        tokens,
        i,
        number_at + 1,
        FigureKind::Ordinal,
        Qualifier::Exact,
        number(n.value),
        number(n.value),
        None,
        Some(RANK_MEASURE.to_string()),
    );
    f.value = Some(n.value);
    Some((f, number_at + 1))
}
