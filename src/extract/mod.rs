//! Extract stage: figures, dates and framing cues found in each claim.

pub mod dates;
pub mod figures;
pub mod framing;

use crate::model::{Claim, Segment, Version};

/// The claims of one version's segments, with their features: figures,
/// where each starts in the source, and framing cues. `lexicon` is built
/// once and shared ([`framing::Lexicon::shared`]), since building its
/// matchers costs more than using them.
pub fn extract(
    version: &Version,
    segments: Vec<Segment>,
    lexicon: &framing::Lexicon,
) -> Vec<Claim> {
    let context = figures::Context::for_version(version);
    let mut claims: Vec<Claim> = segments.into_iter().map(Claim::from).collect();
    for claim in claims.iter_mut() {
        claim.figures = figures::find_figures(&claim.text, &context);
        let starts: Vec<usize> = claim.figures.iter().map(|f| f.span.start).collect();
        claim.figure_at = version.positions_in_claim(claim, &starts);
        claim.cues = framing::find_cues(&claim.text, lexicon);
    }
    framing::carry_speakers(&version.body, &mut claims);
    claims
}
