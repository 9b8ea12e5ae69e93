//! The owned types that pass between pipeline stages: stories, versions,
//! claims and their features, findings. Every stage imports from here; this
//! module imports from no stage.

#[cfg(test)]
pub(crate) mod cost;
pub mod cue;
pub mod figure;
pub mod finding;
pub mod skip;

use std::ops::Range;

pub use cue::{Cue, CueKind};
pub use figure::{End, Endpoint, Figure, FigureKind, Interval, Qualifier};
pub use finding::{Finding, FindingKind, Location, Severity};
pub use skip::{Skip, SkipReason};

/// The name an enum value has in JSON (`"figure-conflict"`), for text output
/// and for identities that must match the JSON.
pub fn name<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

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

/// Who published one version of a story and where it was read from: all
/// that the compare stage needs of a [`Version`] once its text has become
/// claims.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outlet {
    /// The outlet's name ([`Version::outlet`]).
    pub name: String,
    /// Where the version came from ([`Version::source`]).
    pub source: String,
}

impl Outlet {
    /// The outlet of `version`.
    pub fn of(version: &Version) -> Outlet {
        Outlet {
            name: version.outlet.clone(),
            source: version.source.clone(),
        }
    }
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
    /// What the loader left out of the article text (Markdown markup, HTML
    /// page furniture), in source order; see [`skip::account`].
    pub skipped: Vec<Skip>,
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
    ///
    /// One lookup reads the body up to `offset`; for many lookups build
    /// [`Version::positions`] once, which answers each in logarithmic time.
    pub fn position_of(&self, offset: usize) -> Position {
        self.positions_up_to(offset).of(offset)
    }

    /// An index of the body's lines, built once in one pass, that maps byte
    /// offsets to source positions.
    pub fn positions(&self) -> Positions<'_> {
        self.positions_up_to(self.body.len())
    }

    fn positions_up_to(&self, end: usize) -> Positions<'_> {
        let body = &self.body[..floor_char_boundary(&self.body, end)];
        let newlines = memchr::memchr_iter(b'\n', body.as_bytes()).collect();
        // A mark at the first character at least CHAR_MARK_STRIDE bytes past
        // the one before, with the characters before it.
        let mut marks = vec![(0, 0)];
        let (mut last, mut chars) = (0, 0);
        loop {
            let mut next = last + CHAR_MARK_STRIDE;
            while next < body.len() && !body.is_char_boundary(next) {
                next += 1;
            }
            if next >= body.len() {
                break;
            }
            chars += char_count(&body.as_bytes()[last..next]);
            marks.push((next, chars));
            last = next;
        }
        Positions {
            version: self,
            newlines,
            marks,
        }
    }

    /// The source position of byte `offset` of `claim.text`, a claim of this
    /// version. Claim text has its whitespace collapsed, so the offset is
    /// mapped back by counting the non-whitespace characters before it. The
    /// cost is the claim's length: the claim's own position is the anchor.
    /// For several offsets of one claim, [`Version::positions_in_claim`]
    /// places them all in one pass.
    pub fn position_in_claim(&self, claim: &Claim, offset: usize) -> Position {
        self.positions_in_claim(claim, &[offset])[0]
    }

    /// The source positions of bytes `offsets` of `claim.text`, in their
    /// order, as [`Version::position_in_claim`] gives each, in one pass over
    /// the claim and its source: a claim of 3,000 figures costs its length,
    /// not its length times its figures.
    pub fn positions_in_claim(&self, claim: &Claim, offsets: &[usize]) -> Vec<Position> {
        let mut order: Vec<usize> = (0..offsets.len()).collect();
        order.sort_by_key(|&i| offsets[i]);
        let mut out = vec![claim.at; offsets.len()];
        let source = claim.span.as_ref().map(|span| &self.body[span.clone()]);
        // In the claim: bytes read, characters and non-whitespace ones before.
        let (mut read, mut chars, mut wanted) = (0, 0, 0);
        // In the source: its characters, how many non-whitespace ones were
        // passed, and the lines and characters of the stretch passed.
        let mut source_chars = source.map(|s| s.char_indices().peekable());
        let (mut seen, mut newlines, mut column_chars, mut all_chars) = (0, 0, 0, 0);
        for i in order {
            let offset = floor_char_boundary(&claim.text, offsets[i]);
            for c in claim.text[read.min(offset)..offset].chars() {
                #[cfg(test)]
                cost::step();
                chars += 1;
                wanted += usize::from(!c.is_whitespace());
            }
            read = read.max(offset);
            let Some(source_chars) = source_chars.as_mut() else {
                out[i] = Position {
                    line: claim.at.line,
                    column: claim.at.column + chars,
                };
                continue;
            };
            // Pass source characters until the next one is the wanted
            // non-whitespace character (or the source ends).
            while let Some(&(_, c)) = source_chars.peek() {
                let counts = !c.is_whitespace();
                if counts && seen >= wanted {
                    break;
                }
                source_chars.next();
                #[cfg(test)]
                cost::step();
                seen += usize::from(counts);
                all_chars += 1;
                if c == '\n' {
                    newlines += 1;
                    column_chars = 0;
                } else {
                    column_chars += 1;
                }
            }
            out[i] = match (self.layout, newlines) {
                (Layout::Verbatim, n) if n > 0 => Position {
                    line: claim.at.line + n,
                    column: 1 + column_chars,
                },
                _ => Position {
                    line: claim.at.line,
                    column: claim.at.column + all_chars,
                },
            };
        }
        out
    }
}

/// Bytes between the character counts that [`Positions`] keeps: a lookup
/// counts the characters of at most this many bytes, so it stays cheap on
/// a body that is one long line (a JSON string, a page without newlines).
pub const CHAR_MARK_STRIDE: usize = 1024;

/// A version's line starts and periodic character counts, built once by
/// [`Version::positions`]: each lookup is a binary search plus a count of at
/// most [`CHAR_MARK_STRIDE`] bytes, so positioning every claim and figure of
/// an article costs about its length, not its length squared.
#[derive(Debug, Clone)]
pub struct Positions<'a> {
    version: &'a Version,
    /// Byte offsets of the body's newlines.
    newlines: Vec<usize>,
    /// `(byte offset, characters before it)`, one every
    /// [`CHAR_MARK_STRIDE`] bytes, from `(0, 0)`.
    marks: Vec<(usize, usize)>,
}

impl Positions<'_> {
    /// The source position of byte `offset` of the body.
    pub fn of(&self, offset: usize) -> Position {
        let version = self.version;
        let offset = floor_char_boundary(&version.body, offset);
        let chars = self.chars_before(offset);
        let lines_before = match version.layout {
            Layout::JsonString => 0,
            Layout::Verbatim => self.newlines.partition_point(|&n| n < offset),
        };
        match lines_before {
            0 => Position {
                line: version.body_at.line,
                column: version.body_at.column + chars,
            },
            n => Position {
                line: version.body_at.line + n,
                column: 1 + chars - self.chars_before(self.newlines[n - 1] + 1),
            },
        }
    }

    /// Characters of the body before byte `offset` (a char boundary).
    fn chars_before(&self, offset: usize) -> usize {
        let (from, chars) = self.mark_before(offset);
        chars + self.version.body[from..offset].chars().count()
    }

    /// The last character count kept at or before `offset`: the start of
    /// the bytes a lookup counts.
    fn mark_before(&self, offset: usize) -> (usize, usize) {
        let at = self.marks.partition_point(|&(byte, _)| byte <= offset);
        self.marks[at.saturating_sub(1)]
    }
}

/// The characters in `bytes`, whole UTF-8 text: every byte but the
/// continuation bytes starts one.
fn char_count(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// The largest char boundary of `text` at or before `offset`.
fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// One sentence or headline of one outlet's version as the segment stage
/// cuts it: a claim before the extract stage has found its features.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    /// Whose version it comes from.
    pub outlet: OutletId,
    /// Its text, whitespace collapsed.
    pub text: String,
    /// Where it starts in the source.
    pub at: Position,
    /// Byte range in the version's body; `None` for the headline.
    pub span: Option<Range<usize>>,
    /// True for the headline.
    pub headline: bool,
    /// True when this segment continues the sentence of the one before: a
    /// sentence that quotes several sentences is cut into one segment per
    /// quoted sentence, and the extract stage reads its framing (the
    /// quotation and who is quoted) over the whole sentence.
    pub continues: bool,
}

impl Segment {
    /// A segment of `outlet`'s version; it is the headline when it has no
    /// span in the body.
    pub fn new(
        outlet: OutletId,
        text: String,
        at: Position,
        span: Option<Range<usize>>,
    ) -> Segment {
        Segment {
            outlet,
            text,
            at,
            headline: span.is_none(),
            span,
            continues: false,
        }
    }
}

impl From<Segment> for Claim {
    /// The claim of a segment, with no features yet.
    fn from(segment: Segment) -> Claim {
        Claim {
            outlet: segment.outlet,
            text: segment.text,
            at: segment.at,
            span: segment.span,
            headline: segment.headline,
            continues: segment.continues,
            figures: Vec::new(),
            figure_at: Vec::new(),
            cues: Vec::new(),
        }
    }
}

/// One sentence or headline of one outlet's version with its features: the
/// unit that is aligned.
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
    /// True when the claim continues the sentence of the claim before: one
    /// quoted sentence of several (see [`Segment::continues`]).
    pub continues: bool,
    /// Figures found in the claim (filled by the extract stage).
    pub figures: Vec<Figure>,
    /// Where each of `figures` starts in the source, in the same order
    /// (filled by the extract stage with the figures).
    pub figure_at: Vec<Position>,
    /// Framing cues found in the claim (filled by the extract stage).
    pub cues: Vec<Cue>,
}

impl Claim {
    /// A claim with no features yet (the extract stage finds them).
    pub fn new(outlet: OutletId, text: String, at: Position, span: Option<Range<usize>>) -> Claim {
        Claim::from(Segment::new(outlet, text, at, span))
    }

    /// Where `figure`, one of this claim's figures, starts in the source;
    /// the claim's own start when it is not one of them.
    pub fn position_of_figure(&self, figure: &Figure) -> Position {
        self.figures
            .iter()
            .position(|f| f.span == figure.span)
            .and_then(|i| self.figure_at.get(i).copied())
            .unwrap_or(self.at)
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
            skipped: Vec::new(),
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
    fn the_index_agrees_with_counting_from_the_start() {
        let body = "Één.\nTwo é. Three.\n\n".repeat(300) + &"x".repeat(3 * CHAR_MARK_STRIDE);
        for layout in [Layout::Verbatim, Layout::JsonString] {
            let v = version(&body, layout);
            let positions = v.positions();
            for (offset, _) in body.char_indices().step_by(7) {
                let before = &body[..offset];
                let expected = match (layout, before.rfind('\n')) {
                    (Layout::Verbatim, Some(newline)) => Position {
                        line: 3 + before.matches('\n').count(),
                        column: 1 + before[newline + 1..].chars().count(),
                    },
                    _ => Position {
                        line: 3,
                        column: 1 + before.chars().count(),
                    },
                };
                assert_eq!(positions.of(offset), expected, "{layout:?} at {offset}");
                assert_eq!(v.position_of(offset), expected);
            }
        }
    }

    /// 125,000 short paragraphs once took minutes to position: every lookup
    /// counted the body from its start. A lookup now counts at most one
    /// stride of bytes after a kept mark, wherever it falls.
    #[test]
    fn positions_of_125000_paragraphs_count_a_bounded_stretch_each() {
        let body = "Item was here.\n\n".repeat(125_000);
        let v = version(&body, Layout::Verbatim);
        let positions = v.positions();
        let mut worst = 0;
        for offset in (0..body.len()).step_by(997) {
            let (from, _) = positions.mark_before(offset);
            worst = worst.max(offset - from);
        }
        assert!(
            worst < CHAR_MARK_STRIDE + 4,
            "a lookup counted {worst} bytes"
        );
        let last = body.len() - "Item was here.\n\n".len();
        assert_eq!(
            positions.of(last),
            Position {
                line: 3 + 2 * 124_999,
                column: 1
            }
        );
    }

    /// Many offsets of one claim placed in one pass agree with placing
    /// each alone, in any order.
    #[test]
    fn positions_in_one_pass_agree_with_one_at_a_time() {
        for layout in [Layout::Verbatim, Layout::JsonString] {
            let v = version(
                "Intro.\nThe  US sent\n   15,000 é troops\n\n and more.",
                layout,
            );
            let start = v.body.find("The").unwrap();
            let claim = Claim::new(
                OutletId(0),
                "The US sent 15,000 é troops and more.".into(),
                v.position_of(start),
                Some(start..v.body.len()),
            );
            let offsets: Vec<usize> = (0..=claim.text.len() + 2).rev().collect();
            let batch = v.positions_in_claim(&claim, &offsets);
            for (&offset, at) in offsets.iter().zip(batch) {
                let before = &claim.text[..floor_char_boundary(&claim.text, offset)];
                let wanted = before.chars().filter(|c| !c.is_whitespace()).count();
                let source = &v.body[start..];
                let mut seen = 0;
                let local = source
                    .char_indices()
                    .filter(|(_, c)| !c.is_whitespace())
                    .find(|_| {
                        seen += 1;
                        seen > wanted
                    })
                    .map_or(source.len(), |(i, _)| i);
                let skipped = &source[..local];
                let expected = match (layout, skipped.rfind('\n')) {
                    (Layout::Verbatim, Some(newline)) => Position {
                        line: claim.at.line + skipped.matches('\n').count(),
                        column: 1 + skipped[newline + 1..].chars().count(),
                    },
                    _ => Position {
                        line: claim.at.line,
                        column: claim.at.column + skipped.chars().count(),
                    },
                };
                assert_eq!(at, expected, "{layout:?} offset {offset}");
            }
        }
    }

    #[test]
    fn positions_inside_a_json_claim_count_characters() {
        let v = version("Intro é. The US sent 15,000 troops.", Layout::JsonString);
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
            Position {
                line: 3,
                column: 22
            }
        );
    }

    #[test]
    fn json_positions_stay_on_the_record_line() {
        let v = version("One.\nTwo.", Layout::JsonString);
        assert_eq!(v.position_of(5), Position { line: 3, column: 6 });
    }
}
