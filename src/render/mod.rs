//! Render stage: a report (or a story's claims) out as bytes, in the chosen format.
//!
//! Every format is a [`Renderer`]: it is given each story's result in input
//! order ([`Renderer::story`]), each story that could not be read
//! ([`Renderer::error`]), and then the end of the run ([`Renderer::finish`]).
//! [`renderer`] picks the renderer for a format and a view.

pub mod html;
pub mod json;
pub mod label;
pub mod markdown;
pub mod summary;
pub mod table;
pub mod terminal;

use std::io::{self, Write};

use crate::compare::Report;
use crate::error::InputError;
use crate::model::{Claim, Story};

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A terminal table.
    Table,
    /// JSON, one object per line for several stories.
    Json,
    /// Markdown, for issues, wikis and newsletters.
    Markdown,
    /// One self-contained HTML page; one document with a section per story for a corpus.
    Html,
    /// SARIF 2.1.0 (`storydiff check`), for code-scanning tools.
    Sarif,
    /// GitHub Actions workflow annotations (`storydiff check`).
    Github,
}

impl Format {
    /// The format a file name's extension names: `.json`/`.jsonl`, `.md`,
    /// `.html`/`.htm`, `.sarif`, `.txt` (a table); `None` for others.
    pub fn from_extension(path: &std::path::Path) -> Option<Format> {
        let extension = path.extension()?.to_string_lossy().to_ascii_lowercase();
        Some(match extension.as_str() {
            "json" | "jsonl" | "ndjson" => Format::Json,
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" => Format::Html,
            "sarif" => Format::Sarif,
            "txt" => Format::Table,
            _ => return None,
        })
    }
}

/// Options that change how a renderer lays out its output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// Table width in columns.
    pub width: u16,
    /// Colour statuses and verdicts (on a terminal, unless `NO_COLOR` is set).
    pub color: bool,
}

impl Layout {
    /// The default layout, coloured when `terminal` (output goes to a
    /// terminal) and `NO_COLOR` is not set.
    pub fn colored(terminal: bool) -> Layout {
        Layout {
            color: terminal && std::env::var_os("NO_COLOR").is_none(),
            ..Layout::default()
        }
    }
}

/// The table width used when stdout is not a terminal, so that output (and
/// snapshots) do not depend on where it goes.
pub const DEFAULT_WIDTH: u16 = 100;

impl Default for Layout {
    fn default() -> Layout {
        Layout {
            width: DEFAULT_WIDTH,
            color: false,
        }
    }
}

/// What a run shows of each story.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The comparison report (`storydiff compare`).
    Compare,
    /// Each version's claims (`storydiff claims`).
    Claims,
    /// Each version's figures (`storydiff figures`).
    Figures,
}

impl View {
    /// The subcommand that shows this view.
    pub fn command(self) -> &'static str {
        match self {
            View::Compare => "compare",
            View::Claims => "claims",
            View::Figures => "figures",
        }
    }
}

/// One story's result, ready to render.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A comparison report.
    Report(Report),
    /// A story with every version's claims: `claims[outlet][index]`.
    Claims(Story, Vec<Vec<Claim>>),
}

/// One output format: it writes each story as it comes and closes the
/// output at the end.
pub trait Renderer {
    /// Write the result of the `number`th story (counted from 1); stories
    /// come in input order.
    fn story(&mut self, out: &mut dyn Write, item: &Item, number: usize) -> io::Result<()>;

    /// Note the `number`th story, which could not be read or compared. The
    /// error itself is reported on stderr by the caller; most formats write
    /// nothing for it.
    fn error(&mut self, out: &mut dyn Write, error: &InputError, number: usize) -> io::Result<()> {
        let _ = (out, error, number);
        Ok(())
    }

    /// Close the output after the last story.
    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        let _ = out;
        Ok(())
    }
}

/// A view in a format that cannot show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unsupported(pub View, pub Format);

impl std::fmt::Display for Unsupported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let writes = match self.0 {
            View::Compare => "table, json, markdown or html",
            View::Claims | View::Figures => "table or json",
        };
        write!(
            f,
            "`storydiff {}` writes {writes}, not {}",
            self.0.command(),
            format!("{:?}", self.1).to_lowercase()
        )
    }
}

impl std::error::Error for Unsupported {}

/// The renderer for `view` in `format`. A corpus in HTML is one document
/// titled `title`, with a section per story; everything else writes each
/// story on its own.
pub fn renderer(
    view: View,
    format: Format,
    layout: Layout,
    corpus: bool,
    title: &str,
) -> Result<Box<dyn Renderer>, Unsupported> {
    Ok(match (view, format) {
        (_, Format::Sarif | Format::Github) => return Err(Unsupported(view, format)),
        (View::Compare, Format::Html) if corpus => Box::new(HtmlCorpus {
            title: title.to_string(),
            document: None,
        }),
        (View::Compare, Format::Markdown) if corpus => Box::new(MarkdownCorpus::default()),
        (View::Compare, _) | (_, Format::Table | Format::Json) => Box::new(Each {
            view,
            format,
            layout,
        }),
        (view, format) => return Err(Unsupported(view, format)),
    })
}

/// Each story written on its own, in one format.
struct Each {
    view: View,
    format: Format,
    layout: Layout,
}

impl Renderer for Each {
    fn story(&mut self, out: &mut dyn Write, item: &Item, _number: usize) -> io::Result<()> {
        match item {
            Item::Report(r) => report(out, r, self.format, self.layout),
            Item::Claims(story, list) if self.view == View::Figures => {
                figures(out, story, list, self.format, self.layout)
            }
            Item::Claims(story, list) => claims(out, story, list, self.format, self.layout),
        }
    }
}

/// A corpus as one HTML document ([`html::Document`]): its head before the
/// first story, a section per story, the contents at the end.
struct HtmlCorpus {
    title: String,
    /// The document, once its head is written.
    document: Option<html::Document>,
}

impl HtmlCorpus {
    fn document(&mut self, out: &mut dyn Write) -> io::Result<&mut html::Document> {
        if self.document.is_none() {
            self.document = Some(html::Document::start(out, &self.title)?);
        }
        Ok(self
            .document
            .as_mut()
            .expect("the document was just started"))
    }
}

impl Renderer for HtmlCorpus {
    fn story(&mut self, out: &mut dyn Write, item: &Item, number: usize) -> io::Result<()> {
        let document = self.document(out)?;
        if let Item::Report(report) = item {
            document.add(html::section(out, report, number)?);
        }
        Ok(())
    }

    fn error(&mut self, out: &mut dyn Write, error: &InputError, number: usize) -> io::Result<()> {
        let document = self.document(out)?;
        document.add(html::unreadable_section(out, error, number)?);
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        self.document(out)?;
        match self.document.take() {
            Some(document) => document.finish(out),
            None => Ok(()),
        }
    }
}

/// A corpus as one Markdown report that fits a pull-request comment
/// ([`markdown::Document`]): written whole at the end, from short per-story texts.
#[derive(Default)]
struct MarkdownCorpus {
    document: markdown::Document,
}

impl Renderer for MarkdownCorpus {
    fn story(&mut self, _out: &mut dyn Write, item: &Item, number: usize) -> io::Result<()> {
        if let Item::Report(report) = item {
            self.document.add(report, number);
        }
        Ok(())
    }

    fn error(&mut self, _out: &mut dyn Write, error: &InputError, number: usize) -> io::Result<()> {
        self.document.add_error(error, number);
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        std::mem::take(&mut self.document).finish(out)
    }
}

/// Write a comparison report.
pub fn report(
    out: &mut dyn Write,
    report: &Report,
    format: Format,
    layout: Layout,
) -> io::Result<()> {
    match format {
        Format::Json => write_json_line(out, &json::ReportView::from(report)),
        Format::Table => table::report(out, report, layout),
        Format::Markdown => markdown::report(out, report),
        Format::Html => html::report(out, report),
        Format::Sarif | Format::Github => Err(io::Error::other(Unsupported(View::Compare, format))),
    }
}

/// Write every version's claims.
pub fn claims(
    out: &mut dyn Write,
    story: &Story,
    claims: &[Vec<Claim>],
    format: Format,
    layout: Layout,
) -> io::Result<()> {
    per_version(out, story, claims, format, layout, Listing::Claims)
}

/// Write every version's figures.
pub fn figures(
    out: &mut dyn Write,
    story: &Story,
    claims: &[Vec<Claim>],
    format: Format,
    layout: Layout,
) -> io::Result<()> {
    per_version(out, story, claims, format, layout, Listing::Figures)
}

/// What `claims` and `figures` list for each version.
#[derive(Clone, Copy)]
enum Listing {
    Claims,
    Figures,
}

/// One JSON object per version, or one table per version.
fn per_version(
    out: &mut dyn Write,
    story: &Story,
    claims: &[Vec<Claim>],
    format: Format,
    layout: Layout,
    listing: Listing,
) -> io::Result<()> {
    match (format, listing) {
        (Format::Json, _) => {
            for (o, list) in claims.iter().enumerate() {
                match listing {
                    Listing::Claims => {
                        write_json_line(out, &json::ClaimsView::new(story, o, list))?
                    }
                    Listing::Figures => {
                        write_json_line(out, &json::FiguresView::new(story, o, list))?
                    }
                }
            }
            Ok(())
        }
        (_, Listing::Claims) => table::claims(out, story, claims, layout),
        (_, Listing::Figures) => table::figures(out, story, claims, layout),
    }
}

/// Bytes of JSON gathered before each write to the report's writer. The
/// serializer makes a write call per token; through `dyn Write` each is an
/// indirect call, so a local buffer batches them (a report of many small
/// claims spent a quarter of its time in those calls).
const JSON_CHUNK: usize = 64 * 1024;

/// From this many outlets, a figure conflict's values are listed value by
/// value, each with the outlets that give it, in every format: twenty
/// outlets' values one by one bury the one that differs.
pub const GROUPED_FROM_OUTLETS: usize = 7;

/// Texts with the outlets that give each, in order of first appearance;
/// looked up by text, so that thousands of outlets with texts of their own
/// cost no more than a pass.
pub(crate) fn by_text(
    items: impl IntoIterator<Item = (crate::model::OutletId, String)>,
) -> Vec<(String, Vec<crate::model::OutletId>)> {
    let mut groups: Vec<(String, Vec<crate::model::OutletId>)> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (outlet, text) in items {
        match index.get(&text) {
            Some(&at) => groups[at].1.push(outlet),
            None => {
                index.insert(text.clone(), groups.len());
                groups.push((text, vec![outlet]));
            }
        }
    }
    groups
}

/// Write `value` as one line of JSON.
pub fn write_json_line(out: &mut dyn Write, value: &impl serde::Serialize) -> io::Result<()> {
    let mut buffered = io::BufWriter::with_capacity(JSON_CHUNK, out);
    serde_json::to_writer(&mut buffered, value)?;
    buffered.write_all(b"\n")?;
    buffered.flush()
}

/// Findings by severity, errors first; within a severity in report order,
/// which is the order of the clusters' first claims.
pub fn by_severity(findings: &[crate::compare::Finding]) -> Vec<&crate::compare::Finding> {
    let mut sorted: Vec<&crate::compare::Finding> = findings.iter().collect();
    sorted.sort_by_key(|f| std::cmp::Reverse(f.severity));
    sorted
}

pub use crate::model::name;

/// The verdict counts of a figure-table row as text: "1 agree, 1 conflict".
pub fn verdict_counts(row: &crate::compare::figures::MeasureRow) -> String {
    let [agree, compatible, conflict] = row.verdicts;
    [
        (agree, "agree"),
        (compatible, "compatible"),
        (conflict, "conflict"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, name)| format!("{n} {name}"))
    .collect::<Vec<_>>()
    .join(", ")
}
