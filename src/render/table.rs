//! Terminal tables with comfy-table: coverage per outlet, then the clusters that differ.

use std::io::{self, Write};

use comfy_table::{Cell, Color, ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

use crate::compare::{Report, Status};
use crate::model::{Claim, OutletId, Story};

use super::Layout;
use super::label::{self, Labels, plural};
use super::summary::{self, Summary, quote};
use super::terminal::clean;

/// `text` wrapped at word boundaries to lines of at most `width` characters,
/// lines after the first starting with `indent`; a word longer than a line
/// is cut.
fn wrap(text: &str, width: usize, indent: &str) -> String {
    let indent_len = indent.chars().count();
    let width = width.max(indent_len + 10);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let (mut len, mut fresh) = (0, true);
    for word in text.split_whitespace() {
        let mut chars: Vec<char> = word.chars().collect();
        while !chars.is_empty() {
            let space = usize::from(!fresh);
            if len + space + chars.len() <= width {
                if !fresh {
                    line.push(' ');
                }
                line.extend(&chars);
                len += space + chars.len();
                fresh = false;
                break;
            }
            if fresh {
                let rest = chars.split_off(width - len);
                line.extend(&chars);
                chars = rest;
            }
            lines.push(std::mem::replace(&mut line, indent.to_string()));
            (len, fresh) = (indent_len, true);
        }
    }
    if !fresh || lines.is_empty() {
        lines.push(line);
    }
    lines.join("\n")
}

/// `text` wrapped as [`wrap`] does, every line indented by `indent` and
/// the lines after the first by `indent` and two spaces more.
fn wrap_indented(text: &str, width: usize, indent: &str) -> String {
    let inner = width.saturating_sub(indent.chars().count());
    wrap(text, inner, "  ")
        .lines()
        .map(|line| format!("{indent}{line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

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

/// The table width: the terminal's when output goes to one and its width is
/// known, else [`super::DEFAULT_WIDTH`], so that piped output does not depend
/// on the window it was run from.
pub fn width(terminal: bool) -> u16 {
    if !terminal {
        return super::DEFAULT_WIDTH;
    }
    Table::new().width().unwrap_or(super::DEFAULT_WIDTH)
}

/// The narrowest an outlet's column may be for claims to be read side by
/// side: a few words a line, after the column's borders. With the default
/// width of 100 that is up to six outlets; with more, the headlines and
/// leads and the clusters that differ are listed instead, the outlets that
/// give one text word for word named together (wire copy carried by twenty
/// outlets had columns two letters wide).
const MIN_OUTLET_COLUMN: usize = 14;

/// Columns taken by a side-by-side table's first column ("headline",
/// "c12 partial").
const LABEL_COLUMN: usize = 12;

/// Whether `outlets` columns of claims fit side by side in `layout`.
fn side_by_side(layout: Layout, outlets: usize) -> bool {
    usize::from(layout.width).saturating_sub(LABEL_COLUMN) / outlets.max(1) >= MIN_OUTLET_COLUMN
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

/// The comparison report: the summary first (coverage, figure conflicts,
/// headlines and leads side by side, shared and distinctive claims, omitted
/// lead facts, framing), the findings by severity, then the details:
/// coverage per outlet, framing, figures, and the clusters that differ or
/// are partial, side by side.
pub fn report(out: &mut dyn Write, report: &Report, layout: Layout) -> io::Result<()> {
    let width = usize::from(layout.width);
    let summary = Summary::new(report);
    let name = |o: OutletId| clean(report.outlet_name(o)).into_owned();
    writeln!(
        out,
        "{}",
        wrap(&format!("story: {}", clean(&report.story)), width, "")
    )?;
    writeln!(out, "{}", wrap(&summary.coverage_line(), width, ""))?;
    if !summary.conflicts.is_empty() {
        writeln!(out, "figures that conflict:")?;
        let listed = report.outlets.len() >= super::GROUPED_FROM_OUTLETS;
        for c in &summary.conflicts {
            let values: Vec<String> = if listed {
                super::by_text(c.values.iter().map(|(o, text)| (*o, text.to_string())))
                    .iter()
                    .map(|(text, outlets)| {
                        let names: Vec<String> = outlets.iter().map(|&o| name(o)).collect();
                        format!("\"{text}\" {}", names.join(", "))
                    })
                    .collect()
            } else {
                c.values
                    .iter()
                    .map(|(o, text)| format!("{} \"{}\"", name(*o), text))
                    .collect()
            };
            let separator = if listed { "; " } else { ", " };
            let line = format!(
                "- {} ({}): {}",
                c.measure,
                c.cluster,
                values.join(separator)
            );
            writeln!(out, "{}", wrap(&line, width, "  "))?;
        }
    }
    let shown = |o: &summary::OutletLine, headline: bool| {
        o.quoted(headline)
            .map_or("—".to_string(), |t| clean(&t).into_owned())
    };
    if side_by_side(layout, summary.outlets.len()) {
        let mut sides = new_table(layout);
        let mut header = vec![Cell::new("")];
        header.extend(summary.outlets.iter().map(|o| Cell::new(clean(o.name))));
        sides.set_header(header);
        for (label, headline) in [("headline", true), ("lead", false)] {
            let mut row = vec![Cell::new(label)];
            row.extend(
                summary
                    .outlets
                    .iter()
                    .map(|o| Cell::new(shown(o, headline))),
            );
            sides.add_row(row);
        }
        writeln!(out, "{sides}")?;
    } else {
        writeln!(out, "headlines and leads:")?;
        let pairs = summary.outlets.iter().enumerate().map(|(n, o)| {
            let text = format!("headline {}; lead {}", shown(o, true), shown(o, false));
            (OutletId(n), text)
        });
        for (text, outlets) in super::by_text(pairs) {
            let names: Vec<String> = outlets.iter().map(|&o| name(o)).collect();
            let line = format!("- {}: {text}", names.join(", "));
            writeln!(out, "{}", wrap(&line, width, "  "))?;
        }
    }
    let mut section = |title: &str, lines: Vec<String>| -> io::Result<()> {
        if lines.is_empty() {
            return Ok(());
        }
        writeln!(out, "{title}:")?;
        for line in lines {
            writeln!(out, "{}", wrap(&format!("- {line}"), width, "  "))?;
        }
        Ok(())
    };
    section(
        if summary.coverage.all > 0 {
            "carried by every outlet"
        } else {
            "carried by most outlets"
        },
        summary
            .shared
            .iter()
            .map(|(claim, _)| clean(&quote(&claim.text)).into_owned())
            .collect(),
    )?;
    section(
        "only in one outlet",
        summary
            .distinctive
            .iter()
            .enumerate()
            .flat_map(|(o, claims)| {
                claims.iter().map(move |c| {
                    format!(
                        "{}: {}",
                        name(OutletId(o)),
                        clean(&summary::quote_words(&c.text, summary::DISTINCTIVE_WORDS))
                    )
                })
            })
            .collect(),
    )?;
    section(
        "lead facts left out",
        summary
            .omitted
            .iter()
            .map(|o| {
                let claim = report.claim(o.claim);
                let what = summary::shown_as(&summary, claim).unwrap_or_else(|| quote(&claim.text));
                let missing: Vec<String> = o.missing.iter().map(|&m| name(m)).collect();
                format!("{} — not in {}", clean(&what), missing.join(", "))
            })
            .collect(),
    )?;
    section(
        "framing of shared claims",
        summary
            .framing
            .iter()
            .map(|f| format!("{} {}", name(f.outlet), clean(f.text)))
            .collect(),
    )?;
    if !report.findings.is_empty() {
        writeln!(out, "findings, errors first:")?;
        for f in super::by_severity(&report.findings) {
            let line = format!(
                "{:7} {:4} {}: {}",
                super::name(&f.severity),
                f.cluster,
                super::name(&f.kind),
                clean(&f.message)
            );
            writeln!(out, "{}", wrap(&line, width, "             "))?;
        }
    }
    writeln!(out, "\ndetails:")?;
    details(out, report, layout)
}

/// The tables under the summary.
fn details(out: &mut dyn Write, report: &Report, layout: Layout) -> io::Result<()> {
    let labels = Labels::new(report);
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
            Cell::new(clean(&o.name)),
            Cell::new(o.claims),
            Cell::new(o.shared),
            Cell::new(o.unique_claims),
            Cell::new(format!("{:.0}%", o.framing.attributed_share * 100.0)),
            Cell::new(format!("{:.0}%", o.framing.hedged_share * 100.0)),
        ]);
    }
    writeln!(out, "{coverage}")?;
    writeln!(out, "{}", framing_table(report, layout))?;
    if !report.figures.is_empty() && side_by_side(layout, report.outlets.len()) {
        writeln!(out, "{}", figure_table(report, layout))?;
    } else if !report.figures.is_empty() {
        writeln!(out, "figures by measure:")?;
        for row in &report.figures {
            let given = row
                .by_outlet
                .iter()
                .enumerate()
                .filter(|(_, t)| !t.is_empty());
            let values = super::by_text(given.map(|(o, texts)| (OutletId(o), texts.join(", "))));
            let values: Vec<String> = values
                .iter()
                .map(|(text, outlets)| {
                    let names: Vec<String> = outlets
                        .iter()
                        .map(|&o| clean(report.outlet_name(o)).into_owned())
                        .collect();
                    format!("{text} ({})", names.join(", "))
                })
                .collect();
            let line = format!(
                "{} [{}]: {}",
                labels.measure(&row.measure),
                super::verdict_counts(row),
                values.join("; ")
            );
            writeln!(
                out,
                "{}",
                wrap_indented(&line, usize::from(layout.width), "  ")
            )?;
        }
    }

    let shown: Vec<_> = report
        .clusters
        .iter()
        .filter(|c| matches!(c.status, Status::Differ | Status::Partial))
        .collect();
    if !shown.is_empty() && !side_by_side(layout, report.outlets.len()) {
        cluster_list(out, report, &shown, layout)?;
    } else if !shown.is_empty() {
        let mut clusters = new_table(layout);
        let mut header = vec!["cluster".to_string()];
        header.extend(report.outlets.iter().map(|o| clean(&o.name).into_owned()));
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
                    .map(|m| clean(&report.claim(m.claim).text).into_owned())
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
                    Cell::new(format!("  {} {verdict}", labels.measure(&f.measure))),
                    &verdict,
                    layout,
                )];
                row.extend((0..outlets).map(|o| {
                    let texts: Vec<String> = f
                        .values
                        .iter()
                        .filter(|v| v.claim.outlet.0 == o)
                        .map(|v| clean(&v.figure.text).into_owned())
                        .collect();
                    Cell::new(texts.join(", "))
                }));
                clusters.add_row(row);
            }
            for d in &c.framing {
                let mut row = vec![Cell::new(format!("  {}", super::name(&d.kind)))];
                row.extend((0..outlets).map(|o| {
                    Cell::new(if d.claim.outlet.0 == o {
                        clean(&d.text).into_owned()
                    } else {
                        String::new()
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
        "{} agree, {} carried by one outlet only",
        plural(agree, "cluster", "clusters"),
        plural(unique, "claim", "claims")
    )?;
    Ok(())
}

/// The clusters that differ or are partial, one after another, for more
/// outlets than fit side by side: each cluster's texts with the outlets
/// that give them word for word, its figures value by value, its framing
/// differences and the outlets it is missing from.
fn cluster_list(
    out: &mut dyn Write,
    report: &Report,
    shown: &[&crate::compare::ClusterReport],
    layout: Layout,
) -> io::Result<()> {
    let width = usize::from(layout.width);
    let labels = Labels::new(report);
    let names = |outlets: &[OutletId]| -> String {
        let names: Vec<String> = outlets
            .iter()
            .map(|&o| clean(report.outlet_name(o)).into_owned())
            .collect();
        names.join(", ")
    };
    writeln!(out, "clusters that differ or are partial:")?;
    for c in shown {
        writeln!(out, "{} {}", c.id, super::name(&c.status))?;
        let texts = super::by_text(c.members.iter().map(|m| {
            let text = clean(&report.claim(m.claim).text).into_owned();
            (m.claim.outlet, text)
        }));
        for (text, outlets) in texts {
            let line = format!("{}: {text}", names(&outlets));
            writeln!(out, "{}", wrap_indented(&line, width, "  "))?;
        }
        for f in &c.figures {
            let values = super::by_text(
                f.values
                    .iter()
                    .map(|v| (v.claim.outlet, clean(&v.figure.text).into_owned())),
            );
            let values: Vec<String> = values
                .iter()
                .map(|(text, outlets)| format!("\"{text}\" {}", names(outlets)))
                .collect();
            let line = format!(
                "{} {}: {}",
                labels.measure(&f.measure),
                super::name(&f.verdict),
                values.join("; ")
            );
            writeln!(out, "{}", wrap_indented(&line, width, "  "))?;
        }
        for d in &c.framing {
            let line = format!(
                "{} {}: {}",
                super::name(&d.kind),
                names(&[d.claim.outlet]),
                clean(&d.text)
            );
            writeln!(out, "{}", wrap_indented(&line, width, "  "))?;
        }
        if !c.missing.is_empty() {
            let line = format!("missing from {}", names(&c.missing));
            writeln!(out, "{}", wrap_indented(&line, width, "  "))?;
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
            Cell::new(clean(&o.name)),
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
            "{} — {} ({})",
            clean(&story.id),
            clean(&version.outlet),
            plural(list.len(), "claim", "claims")
        )?;
        let mut table = new_table(layout);
        table.set_header(vec!["line:col", "claim"]);
        for c in list {
            table.add_row(vec![
                Cell::new(format!("{}:{}", c.at.line, c.at.column)),
                Cell::new(clean(&c.text)),
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
    let labels = Labels::of_claims(claims.iter().flatten());
    for (o, list) in claims.iter().enumerate() {
        let version = &story.versions[o];
        writeln!(out, "{} — {}", clean(&story.id), clean(&version.outlet))?;
        let mut table = new_table(layout);
        table.set_header(vec!["line", "figure", "kind", "interval", "measure"]);
        for c in list {
            for f in &c.figures {
                table.add_row(vec![
                    Cell::new(c.at.line),
                    Cell::new(clean(&f.text)),
                    Cell::new(
                        serde_json::to_string(&f.kind)
                            .unwrap_or_default()
                            .trim_matches('"'),
                    ),
                    Cell::new(label::interval(f)),
                    Cell::new(
                        f.measure
                            .as_deref()
                            .map_or(String::new(), |m| clean(&labels.measure(m)).into_owned()),
                    ),
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
    let labels = Labels::new(report);
    let mut table = new_table(layout);
    let mut header = vec!["measure".to_string()];
    header.extend(report.outlets.iter().map(|o| clean(&o.name).into_owned()));
    header.push("verdicts".to_string());
    table.set_header(header);
    for row in &report.figures {
        let mut cells = vec![Cell::new(labels.measure(&row.measure))];
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_keep_to_the_width() {
        let text = "one two three four five six seven eight nine ten eleven twelve";
        let wrapped = wrap(text, 20, "  ");
        assert!(
            wrapped.lines().all(|l| l.chars().count() <= 20),
            "{wrapped}"
        );
        assert_eq!(
            wrapped.split_whitespace().collect::<Vec<_>>().join(" "),
            text
        );
        let long = "x".repeat(50);
        assert!(wrap(&long, 20, "").lines().all(|l| l.chars().count() <= 20));
        assert_eq!(wrap("", 20, ""), "");
    }
}
