//! Framing cues as the extract stage finds them: attribution, hedges,
//! quotes, scare quotes and loaded terms in one claim.

use std::ops::Range;

use serde::Serialize;

/// The kinds of framing cue.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
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
    /// The words that carry it; for quotes, the quoted words without the
    /// quotation marks.
    pub text: String,
    /// Byte range of the cue within the claim's text (quotation marks
    /// included).
    #[serde(skip)]
    pub span: Range<usize>,
    /// For an attribution: who the claim is pinned on, as written
    /// ("unnamed sources", "Reuters", "he").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// For an attribution: whether the source is named.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub named: Option<bool>,
    /// For an attribution: the verb's lemma ("say", "claim"), or
    /// "according to".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verb: Option<String>,
    /// For a direct quote: the speaker, when the sentence names one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// For a loaded term: its neutral alternative, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub neutral: Option<String>,
}

impl Cue {
    /// A cue of `kind` over `span` of the claim, with no details yet.
    pub fn new(kind: CueKind, text: &str, span: Range<usize>) -> Cue {
        Cue {
            kind,
            text: text.to_string(),
            span,
            source: None,
            named: None,
            verb: None,
            speaker: None,
            neutral: None,
        }
    }
}
