//! Render stage: a report (or a story's claims) out as bytes, in the chosen format.

pub mod html;
pub mod json;
pub mod markdown;
pub mod table;
pub mod terminal;

use std::io::{self, Write};

use crate::compare::Report;
use crate::model::{Claim, Story};

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A terminal table.
    Table,
    /// JSON, one object per line for several stories.
    Json,
    /// Markdown, for issues, wikis and newsletters.
    Markdown,
    /// One self-contained HTML page; one document with a section per story for a corpus.
    Html,
}

/// Options that change how a renderer lays out its output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// Table width in columns.
    pub width: u16,
    /// Colour statuses and verdicts (on a terminal, unless `NO_COLOR` is set).
    pub color: bool,
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

/// Write `value` as one line of JSON.
pub fn write_json_line(out: &mut dyn Write, value: &impl serde::Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}

/// The name an enum value has in JSON (`"figure-conflict"`), for text output.
pub fn name<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

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
