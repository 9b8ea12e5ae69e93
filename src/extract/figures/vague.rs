//! Vague amounts: "dozens", "several", "a few hundred".

use super::*;

/// Vague amounts and the intervals they stand for: the smallest amount one
/// would still describe that way, up to where the next word takes over
/// ("dozens" start at two dozen and end where "hundreds" begin).
pub const VAGUE_AMOUNTS: &[(&str, f64, f64)] = &[
    ("a couple of", 2.0, 3.0),
    ("a few", 2.0, 5.0),
    ("a handful of", 2.0, 6.0),
    ("a handful", 2.0, 6.0),
    ("billions of", 2e9, 999e9),
    ("billions", 2e9, 999e9),
    ("dozens of", 24.0, 199.0),
    ("dozens", 24.0, 199.0),
    ("hundreds of thousands of", 200_000.0, 999_999.0),
    ("hundreds of thousands", 200_000.0, 999_999.0),
    ("hundreds of", 200.0, 999.0),
    ("hundreds", 200.0, 999.0),
    ("hundreds of millions of", 200e6, 999e6),
    ("hundreds of millions", 200e6, 999e6),
    ("hundreds of billions of", 200e9, 999e9),
    ("hundreds of billions", 200e9, 999e9),
    ("millions of", 2e6, 999e6),
    ("millions", 2e6, 999e6),
    ("scores of", 40.0, 199.0),
    ("several", 3.0, 9.0),
    ("tens of billions of", 20e9, 99e9),
    ("tens of billions", 20e9, 99e9),
    ("tens of millions of", 20e6, 99e6),
    ("tens of millions", 20e6, 99e6),
    ("tens of thousands of", 20_000.0, 99_999.0),
    ("tens of thousands", 20_000.0, 99_999.0),
    ("thousands of", 2_000.0, 9_999.0),
    ("thousands", 2_000.0, 9_999.0),
];

/// Scale words that multiply a vague amount before them: "a few hundred",
/// "several thousand", "a couple of million".
pub(super) const VAGUE_SCALES: &[(&str, f64)] = &[
    ("billion", 1e9),
    ("hundred", 1e2),
    ("million", 1e6),
    ("thousand", 1e3),
];

/// [`VAGUE_AMOUNTS`] indexed by first word.
pub(super) fn vague_index() -> &'static PhraseIndex<(f64, f64)> {
    static INDEX: OnceLock<PhraseIndex<(f64, f64)>> = OnceLock::new();
    INDEX.get_or_init(|| PhraseIndex::new(VAGUE_AMOUNTS.iter().map(|&(p, lo, hi)| (p, (lo, hi)))))
}

pub(super) fn vague_at(tokens: &[Token], i: usize, text: &str) -> Option<(Figure, usize)> {
    let index = vague_index();
    let ((mut low, mut high), mut end) = index.longest_at(tokens, i)?;
    // "a few hundred", "several thousand": the vague amount times the scale
    if let Some(&(_, scale)) = tokens
        .get(end)
        .and_then(|t| VAGUE_SCALES.iter().find(|(w, _)| t.is(w)))
        .filter(|_| high < 10.0)
    {
        low *= scale;
        high *= scale;
        end += 1;
    }
    // "several" and "a few" count only before a noun: "several days" is a
    // vague duration, "several of them" no figure at all
    let next = tokens.get(end);
    if let Some((unit, _)) = next.and_then(|t| time_unit(&t.lower)) {
        return Some((
            figure(
                text,
                tokens,
                i,
                end + 1,
                FigureKind::Duration,
                Qualifier::Vague,
                Some(Endpoint::Number(low)),
                Some(Endpoint::Number(high)),
                Some(unit.to_string()),
                Some("duration".into()),
            ),
            end + 1,
        ));
    }
    if next.is_none_or(|t| t.kind != TokenKind::Word) && !tokens[end - 1].lower.ends_with('s') {
        return None;
    }
    let measure = measure_after(tokens, i, end);
    let shown = if tokens[end - 1].is("of") && end - 1 > i {
        end - 1
    } else {
        end
    };
    Some((
        figure(
            text,
            tokens,
            i,
            shown,
            FigureKind::Count,
            Qualifier::Vague,
            Some(Endpoint::Number(low)),
            Some(Endpoint::Number(high)),
            None,
            measure,
        ),
        end,
    ))
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn figure(
    text: &str,
    tokens: &[Token],
    first: usize,
    end: usize,
    kind: FigureKind,
    qualifier: Qualifier,
    low: Option<Endpoint>,
    high: Option<Endpoint>,
    unit: Option<String>,
    measure: Option<String>,
) -> Figure {
    let span = tokens[first].start..tokens[end - 1].end;
    Figure {
        text: text[span.clone()].to_string(),
        kind,
        low,
        high,
        low_exclusive: false,
        high_exclusive: false,
        qualifier,
        value: None,
        unit,
        measure,
        span,
    }
}
