//! Extract stage: figures, dates and framing cues found in each claim.

pub mod dates;
pub mod figures;
pub mod framing;

use crate::config::Config;
use crate::model::{Claim, Version};

/// Fill in the features of every claim of one version.
pub fn extract(version: &Version, claims: &mut [Claim], config: &Config) {
    let context = figures::Context::for_version(version);
    let lexicon = framing::Lexicon::from_config(&config.framing);
    for claim in claims {
        claim.figures = figures::find_figures(&claim.text, &context);
        claim.cues = framing::find_cues(&claim.text, &lexicon);
    }
}
