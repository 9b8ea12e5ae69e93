//! Terminal tables with comfy-table: coverage per outlet, then the clusters that differ.

use std::io::{self, Write};

use comfy_table::{Cell, Color, ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

use crate::compare::{Report, Status};
use crate::model::{Claim, Story};

use super::Layout;

/// A status or verdict's colour: red for contradictions and differences,
/// yellow for partial coverage, green for agreement.
fn colored(cell: Cell, name: &str, layout: Layout) -> Cell {
    if !layout.color {
        return cell;
    }
    match name {
        "differ" | "conflict" => cell.fg(Color::Red),
        "partial" | "compatible" => cell.fg(Color::Yellow),
        "agree" => cell.fg(Color::Green),
        _ => cell,
    }
}

fn new_table(layout: Layout) -> Table {
    let mut table = Table::new();
    if layout.color {
        table.enforce_styling();
    }
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(layout.width)
        .force_no_tty();
    table
}

/// The comparison report: coverage per outlet, then clusters that differ or
/// are partial, side by side, then findings.
pub fn report(out: &mut dyn Write, report: &Report, layout: Layout) -> io::Result<()> {
    writeln!(out, "story: {}", report.story)?;
    let mut coverage = new_table(layout);
    coverage.set_header(vec![
        "outlet",
        "claims",
        "shared",
        "unique",
        "attributed",
        "hedged",
    ]);
    for o in &report.outlets {
        coverage.add_row(vec![
            Cell::new(&o.name),
            Cell::new(o.claims),
            Cell::new(o.shared),
            Cell::new(o.unique_claims),
            Cell::new(format!("{:.0}%", o.framing.attributed_share * 100.0)),
            Cell::new(format!("{:.0}%", o.framing.hedged_share * 100.0)),
        ]);
    }
    writeln!(out, "{coverage}")?;
    writeln!(out, "{}", framing_table(report, layout))?;
    if !report.figures.is_empty() {
        writeln!(out, "{}", figure_table(report, layout))?;
    }

    let shown: Vec<_> = report
        .clusters
        .iter()
        .filter(|c| matches!(c.status, Status::Differ | Status::Partial))
        .collect();
    if !shown.is_empty() {
        let mut clusters = new_table(layout);
        let mut header = vec!["cluster".to_string()];
        header.extend(report.outlets.iter().map(|o| o.name.clone()));
        clusters.set_header(header);
        for c in shown {
            let status = super::name(&c.status);
            let mut row = vec![colored(
                Cell::new(format!("{} {status}", c.id)),
                &status,
                layout,
            )];
            for o in 0..report.outlets.len() {
                let text = c
                    .members
                    .iter()
                    .find(|m| m.claim.outlet.0 == o)
                    .map(|m| report.claim(m.claim).text.clone())
                    .unwrap_or_else(|| "—".to_string());
                row.push(Cell::new(text));
            }
            clusters.add_row(row);
            // Details go in the column of the outlet they concern, so that
            // each outlet's figures and framing sit under its own claim.
            let outlets = report.outlets.len();
            for f in &c.figures {
                let verdict = super::name(&f.verdict);
                let mut row = vec![colored(
                    Cell::new(format!("  {} {verdict}", f.measure)),
                    &verdict,
                    layout,
                )];
                row.extend((0..outlets).map(|o| {
                    let texts: Vec<&str> = f
                        .values
                        .iter()
                        .filter(|v| v.claim.outlet.0 == o)
                        .map(|v| v.figure.text.as_str())
                        .collect();
                    Cell::new(texts.join(", "))
                }));
                clusters.add_row(row);
            }
            for d in &c.framing {
                let mut row = vec![Cell::new(format!("  {}", super::name(&d.kind)))];
                row.extend((0..outlets).map(|o| {
                    Cell::new(if d.claim.outlet.0 == o {
                        d.text.as_str()
                    } else {
                        ""
                    })
                }));
                clusters.add_row(row);
            }
        }
        writeln!(out, "{clusters}")?;
    }
    let unique = report
        .clusters
        .iter()
        .filter(|c| c.status == Status::Unique)
        .count();
    let agree = report
        .clusters
        .iter()
        .filter(|c| c.status == Status::Agree)
        .count();
    writeln!(
        out,
        "{agree} cluster(s) agree, {unique} claim(s) carried by one outlet only"
    )?;
    if !report.findings.is_empty() {
        writeln!(out, "findings:")?;
        for f in &report.findings {
            writeln!(
                out,
                "  {:7} {:4} {}: {}",
                super::name(&f.severity),
                f.cluster,
                super::name(&f.kind),
                f.message
            )?;
        }
    }
    Ok(())
}

/// How each outlet frames its claims: sources, quotes, loaded terms and
/// attribution verbs, most used first.
fn framing_table(report: &Report, layout: Layout) -> Table {
    let counted = |counts: &std::collections::BTreeMap<String, usize>| {
        let mut items: Vec<(&String, &usize)> = counts.iter().collect();
        items.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        items
            .iter()
            .map(|(word, n)| {
                if **n == 1 {
                    word.to_string()
                } else {
                    format!("{word} ×{n}")
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut table = new_table(layout);
    table.set_header(vec![
        "outlet",
        "named sources",
        "unnamed sources",
        "quotes",
        "scare quotes",
        "loaded terms",
        "attribution verbs",
    ]);
    for o in &report.outlets {
        let f = &o.framing;
        table.add_row(vec![
            Cell::new(&o.name),
            Cell::new(f.named_sources),
            Cell::new(f.unnamed_sources),
            Cell::new(f.quotes),
            Cell::new(f.scare_quotes),
            Cell::new(counted(&f.loaded_terms)),
            Cell::new(counted(&f.attribution_verbs)),
        ]);
    }
    table
}

/// Every version's claims with their positions.
pub fn claims(
    out: &mut dyn Write,
    story: &Story,
    claims: &[Vec<Claim>],
    layout: Layout,
) -> io::Result<()> {
    for (o, list) in claims.iter().enumerate() {
        let version = &story.versions[o];
        writeln!(
            out,
            "{} — {} ({} claims)",
            story.id,
            version.outlet,
            list.len()
        )?;
        let mut table = new_table(layout);
        table.set_header(vec!["line:col", "claim"]);
        for c in list {
            table.add_row(vec![
                Cell::new(format!("{}:{}", c.at.line, c.at.column)),
                Cell::new(&c.text),
            ]);
        }
        writeln!(out, "{table}")?;
    }
    Ok(())
}

/// Every version's figures with their intervals.
pub fn figures(
    out: &mut dyn Write,
    story: &Story,
    claims: &[Vec<Claim>],
    layout: Layout,
) -> io::Result<()> {
    for (o, list) in claims.iter().enumerate() {
        let version = &story.versions[o];
        writeln!(out, "{} — {}", story.id, version.outlet)?;
        let mut table = new_table(layout);
        table.set_header(vec!["line", "figure", "kind", "interval", "measure"]);
        for c in list {
            for f in &c.figures {
                table.add_row(vec![
                    Cell::new(c.at.line),
                    Cell::new(&f.text),
                    Cell::new(
                        serde_json::to_string(&f.kind)
                            .unwrap_or_default()
                            .trim_matches('"'),
                    ),
                    Cell::new(f.interval()),
                    Cell::new(f.measure.as_deref().unwrap_or("")),
                ]);
            }
        }
        writeln!(out, "{table}")?;
    }
    Ok(())
}

/// The story-level figure table: one row per measure, one column per outlet,
/// and how the aligned claims' figures of that measure compare.
fn figure_table(report: &Report, layout: Layout) -> Table {
    let mut table = new_table(layout);
    let mut header = vec!["measure".to_string()];
    header.extend(report.outlets.iter().map(|o| o.name.clone()));
    header.push("verdicts".to_string());
    table.set_header(header);
    for row in &report.figures {
        let mut cells = vec![Cell::new(&row.measure)];
        cells.extend(row.by_outlet.iter().map(|texts| {
            Cell::new(if texts.is_empty() {
                "—".to_string()
            } else {
                texts.join(", ")
            })
        }));
        cells.push(Cell::new(super::verdict_counts(row)));
        table.add_row(cells);
    }
    table
}
