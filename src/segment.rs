//! Segment stage: a version's headline and sentences become claims.

use std::ops::Range;

use crate::model::{Claim, OutletId, Version};

/// The headline and the sentences of `version`, as claims of `outlet`.
pub fn segment(version: &Version, outlet: OutletId) -> Vec<Claim> {
    let mut claims = Vec::new();
    if let Some(title) = &version.title {
        let text = collapse_whitespace(title);
        if !text.is_empty() {
            claims.push(Claim::new(outlet, text, version.title_at, None));
        }
    }
    for range in sentences(&version.body) {
        let text = collapse_whitespace(&version.body[range.clone()]);
        let at = version.position_of(range.start);
        claims.push(Claim::new(outlet, text, at, Some(range)));
    }
    claims
}

/// Byte ranges of the sentences of `text`, trimmed of surrounding whitespace.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    sentencex::get_sentence_boundaries("en", text)
        .into_iter()
        .filter_map(|b| trim_range(text, b.start_byte..b.end_byte))
        .collect()
}

fn trim_range(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.start + slice.trim_end().len();
    (start < end).then_some(start..end)
}

/// Runs of whitespace become one space.
pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
