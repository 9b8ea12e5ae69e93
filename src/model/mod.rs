//! The owned types that pass between pipeline stages: stories, versions,
//! claims and their features, findings. Every stage imports from here; this
//! module imports from no stage.

pub mod cue;
pub mod figure;
pub mod finding;

use std::ops::Range;

pub use cue::{Cue, CueKind};
pub use figure::{End, Endpoint, Figure, FigureKind, Interval, Qualifier};
pub use finding::{Finding, FindingKind, Severity};

/// Index of an outlet's version within one [`Story`]; vectors of per-outlet
/// data are indexed by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OutletId(pub usize);

/// Several outlets' versions of one news story.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    /// The story's identifier: the `story` field of JSON input, else the
    /// folder or first file's stem.
    pub id: String,
    /// One version per outlet, in input order.
    pub versions: Vec<Version>,
}

/// One outlet's article, as loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct Version {
    /// The outlet's name: front matter or JSON `outlet`, else the file stem.
    pub outlet: String,
    /// Where the version came from: a path, or `<stdin>`.
    pub source: String,
    /// The headline, when the input has one.
    pub title: Option<String>,
    /// Publication date or timestamp as given (ISO 8601 expected).
    pub published: Option<String>,
    /// The article's address, when given.
    pub url: Option<String>,
    /// The article body: the text that is split into sentences.
    pub body: String,
    /// Where the headline starts in the source.
    pub title_at: Position,
    /// Where byte 0 of `body` sits in the source.
    pub body_at: Position,
    /// How byte offsets in `body` map back to source lines.
    pub layout: Layout,
}

/// How a version's body maps back to the file it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// The body is the file's text verbatim (`.txt`, `.md`): newlines in the
    /// body are newlines in the file.
    Verbatim,
    /// The body is a JSON string on one line of the source (`.json`,
    /// `.jsonl`): the line is the record's line and the column counts
    /// characters within the text field, from 1.
    JsonString,
}

/// A 1-based line and column (in characters) in a source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Position {
    /// Line number, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

impl Position {
    /// The first character of a file.
    pub const START: Position = Position { line: 1, column: 1 };
}

impl Version {
    /// The source position of byte `offset` of the body.
    pub fn position_of(&self, offset: usize) -> Position {
        let before = &self.body[..offset.min(self.body.len())];
        match self.layout {
            Layout::JsonString => Position {
                line: self.body_at.line,
                column: self.body_at.column + before.chars().count(),
            },
            Layout::Verbatim => match before.rfind('\n') {
                Some(newline) => Position {
                    line: self.body_at.line + before.matches('\n').count(),
                    column: 1 + before[newline + 1..].chars().count(),
                },
                None => Position {
                    line: self.body_at.line,
                    column: self.body_at.column + before.chars().count(),
                },
            },
        }
    }
}

impl Version {
    /// The source position of byte `offset` of `claim.text`, a claim of this
    /// version. Claim text has its whitespace collapsed, so the offset is
    /// mapped back by counting the non-whitespace characters before it.
    pub fn position_in_claim(&self, claim: &Claim, offset: usize) -> Position {
        let before = &claim.text[..offset.min(claim.text.len())];
        let wanted = before.chars().filter(|c| !c.is_whitespace()).count();
        match &claim.span {
            None => Position {
                line: claim.at.line,
                column: claim.at.column + before.chars().count(),
            },
            Some(span) => {
                let source = &self.body[span.clone()];
                let mut seen = 0;
                let local = source
                    .char_indices()
                    .filter(|(_, c)| !c.is_whitespace())
                    .find(|_| {
                        seen += 1;
                        seen > wanted
                    })
                    .map_or(source.len(), |(i, _)| i);
                self.position_of(span.start + local)
            }
        }
    }
}

/// One sentence or headline of one outlet's version: the unit that is aligned.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// Whose version the claim comes from.
    pub outlet: OutletId,
    /// The claim's text, whitespace collapsed.
    pub text: String,
    /// Where it starts in the source.
    pub at: Position,
    /// Byte range in the version's body; `None` for the headline.
    pub span: Option<Range<usize>>,
    /// True for the headline.
    pub headline: bool,
    /// Figures found in the claim (filled by the extract stage).
    pub figures: Vec<Figure>,
    /// Framing cues found in the claim (filled by the extract stage).
    pub cues: Vec<Cue>,
}

impl Claim {
    /// A claim with no features yet.
    pub fn new(outlet: OutletId, text: String, at: Position, span: Option<Range<usize>>) -> Claim {
        Claim {
            outlet,
            text,
            at,
            headline: span.is_none(),
            span,
            figures: Vec::new(),
            cues: Vec::new(),
        }
    }
}

/// A claim's address: its outlet and its index in that outlet's claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClaimRef {
    /// The outlet.
    pub outlet: OutletId,
    /// Index into that outlet's claim list.
    pub index: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(body: &str, layout: Layout) -> Version {
        Version {
            outlet: "a".into(),
            source: "a.txt".into(),
            title: None,
            published: None,
            url: None,
            body: body.into(),
            title_at: Position::START,
            body_at: Position { line: 3, column: 1 },
            layout,
        }
    }

    #[test]
    fn verbatim_positions_follow_newlines() {
        let v = version("One.\nTwo é. Three.", Layout::Verbatim);
        assert_eq!(v.position_of(0), Position { line: 3, column: 1 });
        assert_eq!(v.position_of(5), Position { line: 4, column: 1 });
        let three = v.body.find("Three").unwrap();
        assert_eq!(v.position_of(three), Position { line: 4, column: 8 });
    }

    #[test]
    fn positions_inside_a_claim_follow_its_source_lines() {
        let v = version("Intro.\nThe US sent\n   15,000 troops.", Layout::Verbatim);
        let start = v.body.find("The").unwrap();
        let claim = Claim::new(
            OutletId(0),
            "The US sent 15,000 troops.".into(),
            v.position_of(start),
            Some(start..v.body.len()),
        );
        let offset = claim.text.find("15,000").unwrap();
        assert_eq!(
            v.position_in_claim(&claim, offset),
            Position { line: 5, column: 4 }
        );
        assert_eq!(
            v.position_in_claim(&claim, 0),
            Position { line: 4, column: 1 }
        );
    }

    #[test]
    fn json_positions_stay_on_the_record_line() {
        let v = version("One.\nTwo.", Layout::JsonString);
        assert_eq!(v.position_of(5), Position { line: 3, column: 6 });
    }
}
