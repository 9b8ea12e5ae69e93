//! Extract stage: figures, dates and framing cues found in each claim.

pub mod dates;
pub mod figures;
pub mod framing;

use std::ops::Range;

use crate::model::{Claim, Cue, CueKind, Segment, Version};

/// The claims of one version's segments, with their features: figures,
/// where each starts in the source, and framing cues. `lexicon` is built
/// once and shared ([`framing::Lexicon::shared`]), since building its
/// matchers costs more than using them.
///
/// Framing is read over whole sentences: when the segment stage cut a
/// sentence that quotes several sentences into parts ([`Segment::continues`]),
/// the cues are found in the sentence and each part gets those that fall in
/// it, so that `"A. B," they said.` makes both parts a quotation of "they".
pub fn extract(
    version: &Version,
    segments: Vec<Segment>,
    lexicon: &framing::Lexicon,
) -> Vec<Claim> {
    let mut claims = figures::claims_with_figures(version, segments);
    for sentence in sentences(&claims) {
        if sentence.len() == 1 {
            let claim = &mut claims[sentence.start];
            claim.cues = framing::find_cues(&claim.text, lexicon);
            continue;
        }
        let parts: Vec<&str> = claims[sentence.clone()]
            .iter()
            .map(|c| c.text.as_str())
            .collect();
        let joined = parts.join(" ");
        let cues = framing::find_cues(&joined, lexicon);
        let mut ranges = Vec::with_capacity(parts.len());
        let mut offset = 0;
        for part in &parts {
            ranges.push(offset..offset + part.len());
            offset += part.len() + 1;
        }
        for (claim, range) in claims[sentence].iter_mut().zip(ranges) {
            claim.cues = cues
                .iter()
                .filter_map(|c| clip(c, &joined, &range))
                .collect();
        }
    }
    framing::continue_quotations(&version.body, &mut claims);
    framing::carry_speakers(&version.body, &mut claims);
    claims
}

/// The runs of claims that make one sentence: a claim that does not
/// continue the one before starts a run.
fn sentences(claims: &[Claim]) -> Vec<Range<usize>> {
    let mut runs: Vec<Range<usize>> = Vec::new();
    for (i, claim) in claims.iter().enumerate() {
        match runs.last_mut() {
            Some(run) if claim.continues => run.end = i + 1,
            _ => runs.push(i..i + 1),
        }
    }
    runs
}

/// `cue`, found in a sentence's text `joined`, as a cue of the part at
/// `range` of it: its span made relative to the part, a quotation cut to
/// the part's words; `None` when the cue lies outside the part.
fn clip(cue: &Cue, joined: &str, range: &Range<usize>) -> Option<Cue> {
    let start = cue.span.start.max(range.start);
    let end = cue.span.end.min(range.end);
    if start >= end {
        return None;
    }
    let mut cue = cue.clone();
    if (start, end) != (cue.span.start, cue.span.end) {
        let marks: &[char] = &['"', '“', '”', '\'', '‘', '’', ' '];
        cue.text = joined[start..end].trim_matches(marks).to_string();
        if cue.kind == CueKind::Quote {
            cue.text = cue.text.trim_end_matches([',', '.', ';', ':']).to_string();
        }
    }
    cue.span = start - range.start..end - range.start;
    Some(cue)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Layout, OutletId, Position};

    fn claims(body: &str) -> Vec<Claim> {
        let version = Version {
            outlet: "a".into(),
            source: "a.txt".into(),
            title: None,
            published: None,
            url: None,
            body: body.into(),
            title_at: Position::START,
            body_at: Position::START,
            layout: Layout::Verbatim,
            skipped: Vec::new(),
        };
        let segments = crate::segment::segment(&version, OutletId(0));
        extract(&version, segments, &framing::Lexicon::default())
    }

    #[test]
    fn every_part_of_a_quoted_sentence_is_a_quotation_of_its_speaker() {
        let claims = claims(
            "Romney said: \"We will win this race. We always do that here. Nobody can stop us now.\" Then he left.",
        );
        let texts: Vec<&str> = claims.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Romney said: \"We will win this race.",
                "We always do that here.",
                "Nobody can stop us now.\"",
                "Then he left."
            ]
        );
        let quoted = [
            "We will win this race",
            "We always do that here",
            "Nobody can stop us now",
        ];
        for (claim, words) in claims.iter().zip(quoted) {
            let quote = claim
                .cues
                .iter()
                .find(|c| c.kind == CueKind::Quote)
                .expect("a quotation");
            assert_eq!(quote.speaker.as_deref(), Some("Romney"));
            assert_eq!(quote.text, words);
            assert!(claim.text[quote.span.clone()].contains(words));
        }
        assert!(claims[3].cues.is_empty());
    }
}
