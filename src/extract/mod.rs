//! Extract stage: figures, dates and framing cues found in each claim.

pub mod dates;
pub mod figures;
pub mod framing;

use crate::model::{Claim, Version};

/// Fill in the features of every claim of one version. `lexicon` is built
/// once and shared ([`framing::Lexicon::shared`]), since building its
/// matchers costs more than using them.
pub fn extract(version: &Version, claims: &mut [Claim], lexicon: &framing::Lexicon) {
    let context = figures::Context::for_version(version);
    for claim in claims.iter_mut() {
        claim.figures = figures::find_figures(&claim.text, &context);
        claim.figure_at = claim
            .figures
            .iter()
            .map(|f| version.position_in_claim(claim, f.span.start))
            .collect();
        claim.cues = framing::find_cues(&claim.text, lexicon);
    }
    framing::carry_speakers(&version.body, claims);
}
