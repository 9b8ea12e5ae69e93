//! Article text that reaches no claim: what was left out, where, and why.
//!
//! Loaders record what they leave out of a version's body (Markdown markup,
//! HTML page furniture) in [`Version::skipped`]; the segment stage reports
//! the pieces it drops (boilerplate sentences, pieces without a letter);
//! [`account`] puts both together with the claims, so that every
//! non-whitespace character of an article is in a claim or in a [`Skip`].

use std::ops::Range;

use serde::Serialize;

use super::{Claim, Position, Positions, Version};

/// Why a stretch of article text reaches no claim.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum SkipReason {
    /// A sentence of page furniture that text extraction let through
    /// ("Share this article", "Required fields are marked *").
    Boilerplate,
    /// A piece without a single letter: a page number, a rule of slashes,
    /// a list of bare numbers.
    NoLetters,
    /// Markdown markup: emphasis and strike marks, list and quote markers,
    /// rules, escapes, table pipes, footnote marks and labels, the `#` of
    /// the headline.
    Markup,
    /// A link's target: the `(…)` of a Markdown link, a link definition
    /// (`[label]: https://…`), an autolink.
    LinkUrl,
    /// An HTML tag or comment inside Markdown (the text between tags is
    /// kept).
    HtmlTag,
    /// A subheading: Markdown `##` or a setext heading, HTML `<h2>` to
    /// `<h6>` and any `<h1>` after the headline.
    Heading,
    /// A `# Heading` that repeats the front matter's title.
    RepeatedHeadline,
    /// A Markdown code block, fenced or indented.
    Code,
    /// A Markdown image: its alt text and address.
    Image,
    /// Text of an HTML element left out as page furniture (navigation,
    /// header, footer, aside, form, byline, share and comment widgets,
    /// hidden elements), or outside the block that holds the article.
    PageFurniture,
    /// Body text that is in no sentence and that no other reason covers.
    /// It should not happen; it is reported so that it is never silent.
    Unsegmented,
}

/// A stretch of article text that reaches no claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Skip {
    /// Why it is left out.
    pub reason: SkipReason,
    /// The text as in the source, whitespace collapsed.
    pub text: String,
    /// Where it starts in the source.
    pub at: Position,
    /// Its bytes in the version's body; `None` for text before the body
    /// (the `#` of a Markdown headline, a heading repeating the title).
    pub span: Option<Range<usize>>,
}

impl Skip {
    /// The skip of `source[span]`, where `source` has the body's byte
    /// offsets (the body itself, or the file text it was blanked from),
    /// trimmed of whitespace; `None` when it holds nothing but whitespace.
    pub fn of(
        reason: SkipReason,
        source: &str,
        span: Range<usize>,
        positions: &Positions<'_>,
    ) -> Option<Skip> {
        let piece = &source[span.clone()];
        let start = span.start + (piece.len() - piece.trim_start().len());
        let end = span.start + piece.trim_end().len();
        (start < end).then(|| Skip {
            reason,
            text: collapse(&source[start..end]),
            at: positions.of(start),
            span: Some(start..end),
        })
    }
}

/// Runs of whitespace become one space.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Everything of `version` that reaches none of `claims`, its claims: what
/// the loader left out ([`Version::skipped`]), what the segment stage
/// dropped (`dropped`), and, as [`SkipReason::Unsegmented`], any other
/// stretch of the body that no claim spans. Sorted by position.
///
/// One pass over the body after sorting the spans: linear in the body and
/// `n log n` in the number of claims and skips.
pub fn account(version: &Version, claims: &[Claim], dropped: Vec<Skip>) -> Vec<Skip> {
    let mut skipped: Vec<Skip> = version.skipped.iter().cloned().chain(dropped).collect();
    let mut covered: Vec<Range<usize>> = claims
        .iter()
        .filter_map(|c| c.span.clone())
        .chain(skipped.iter().filter_map(|s| s.span.clone()))
        .collect();
    covered.sort_by_key(|r| r.start);
    let positions = version.positions();
    let end = version.body.len();
    let mut from = 0;
    let mut gaps = Vec::new();
    for range in covered.into_iter().chain(std::iter::once(end..end)) {
        if range.start > from {
            gaps.extend(Skip::of(
                SkipReason::Unsegmented,
                &version.body,
                from..range.start,
                &positions,
            ));
        }
        from = from.max(range.end);
    }
    skipped.extend(gaps);
    skipped.sort_by_key(|s| (s.at, s.span.as_ref().map(|r| r.start)));
    skipped
}

/// The characters of `version`'s article text (its headline and its body
/// as loaded) that neither `claims` nor `skipped` account for, with their
/// positions: body characters, not whitespace, that no claim's span and no
/// skip's span holds ([`SkipReason::Unsegmented`] skips do not count, as
/// they stand for text nothing else accounted for), and the headline's
/// characters when no headline claim says it. Empty when nothing is lost.
pub fn unaccounted(version: &Version, claims: &[Claim], skipped: &[Skip]) -> Vec<(Position, char)> {
    let mut lost = Vec::new();
    if let Some(title) = &version.title {
        let title = collapse(title);
        let said = claims.iter().any(|c| c.headline && c.text == title);
        if !said {
            lost.extend(
                title
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .map(|c| (version.title_at, c)),
            );
        }
    }
    let mut covered: Vec<Range<usize>> = claims
        .iter()
        .filter_map(|c| c.span.clone())
        .chain(
            skipped
                .iter()
                .filter(|s| s.reason != SkipReason::Unsegmented)
                .filter_map(|s| s.span.clone()),
        )
        .collect();
    covered.sort_by_key(|r| r.start);
    let positions = version.positions();
    let mut next = covered.into_iter().peekable();
    let mut reach = 0;
    for (i, c) in version.body.char_indices() {
        while let Some(range) = next.next_if(|r| r.start <= i) {
            reach = reach.max(range.end);
        }
        if i >= reach && !c.is_whitespace() {
            lost.push((positions.of(i), c));
        }
    }
    lost
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Layout, OutletId};

    fn version(body: &str) -> Version {
        Version {
            outlet: "a".into(),
            source: "a.txt".into(),
            title: Some("Fire  news".into()),
            published: None,
            url: None,
            body: body.into(),
            title_at: Position::START,
            body_at: Position { line: 3, column: 1 },
            layout: Layout::Verbatim,
            skipped: Vec::new(),
        }
    }

    fn claim(v: &Version, span: Range<usize>) -> Claim {
        let text = collapse(&v.body[span.clone()]);
        Claim::new(OutletId(0), text, v.position_of(span.start), Some(span))
    }

    #[test]
    fn what_no_claim_spans_is_unsegmented_and_unaccounted() {
        let v = version("One.  ## Two.\nThree.");
        let headline = Claim::new(OutletId(0), "Fire news".into(), Position::START, None);
        let claims = vec![headline, claim(&v, 0..4), claim(&v, 14..20)];
        let skipped = account(&v, &claims, Vec::new());
        assert_eq!(skipped.len(), 1);
        assert_eq!(skipped[0].reason, SkipReason::Unsegmented);
        assert_eq!(skipped[0].text, "## Two.");
        assert_eq!(skipped[0].at, Position { line: 3, column: 7 });
        let lost = unaccounted(&v, &claims, &skipped);
        assert_eq!(lost.len(), 6);
        assert_eq!(lost[0], (Position { line: 3, column: 7 }, '#'));
        let positions = v.positions();
        let dropped = Skip::of(SkipReason::Boilerplate, &v.body, 4..13, &positions);
        let skipped = account(&v, &claims, dropped.into_iter().collect());
        assert_eq!(skipped.len(), 1);
        assert_eq!(skipped[0].reason, SkipReason::Boilerplate);
        assert!(unaccounted(&v, &claims, &skipped).is_empty());
        assert_eq!(unaccounted(&v, &claims[1..], &skipped).len(), 8, "headline");
    }
}
