//! Framing cues: attribution, hedges, quotes, scare quotes and loaded terms.

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// The kinds of framing cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CueKind {
    /// Who the claim is pinned on: "according to Reuters", "officials said".
    Attribution,
    /// "reportedly", "allegedly", "may".
    Hedge,
    /// A direct quotation.
    Quote,
    /// A short quoted term or "so-called".
    ScareQuote,
    /// A term with a loaded connotation: "regime".
    LoadedTerm,
}

/// One framing cue in a claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cue {
    /// What kind of cue it is.
    pub kind: CueKind,
    /// The words that carry it.
    pub text: String,
    /// Byte range of `text` within the claim's text.
    #[serde(skip)]
    pub span: Range<usize>,
}

/// Additions to the built-in lexicons, from the `[framing]` section of
/// `storydiff.toml`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct FramingConfig {
    /// Extra hedge words.
    pub hedges: Vec<String>,
}

/// The built-in lexicons merged with the configured additions.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {}

impl Lexicon {
    /// The built-in lexicons plus `config`'s additions.
    pub fn from_config(_config: &FramingConfig) -> Lexicon {
        Lexicon {}
    }
}

/// All framing cues in `text`, in order of appearance.
pub fn find_cues(_text: &str, _lexicon: &Lexicon) -> Vec<Cue> {
    Vec::new()
}
