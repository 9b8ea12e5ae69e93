//! Markdown output: coverage, the clusters that differ, and findings, for reports
//! pasted into issues, wikis and newsletters.

use std::io::{self, Write};

use crate::compare::{Report, Status};

/// Escape text for a Markdown table cell: pipes, backslashes, markup
/// characters and newlines would otherwise break the table or add formatting.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' | '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' => {
                escaped.push('\\');
                escaped.push(c);
            }
            '\n' | '\r' => escaped.push(' '),
            _ => escaped.push(c),
        }
    }
    escaped
}

/// The comparison report as Markdown.
pub fn report(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    writeln!(out, "# storydiff: {}\n", escape(&report.story))?;
    writeln!(
        out,
        "| outlet | claims | shared | unique | attributed | hedged |"
    )?;
    writeln!(out, "|---|---:|---:|---:|---:|---:|")?;
    for o in &report.outlets {
        writeln!(
            out,
            "| {} | {} | {} | {} | {:.0}% | {:.0}% |",
            escape(&o.name),
            o.claims,
            o.shared,
            o.unique_claims,
            o.framing.attributed_share * 100.0,
            o.framing.hedged_share * 100.0
        )?;
    }
    if !report.figures.is_empty() {
        writeln!(out, "\n## Figures\n")?;
        let names: Vec<String> = report.outlets.iter().map(|o| escape(&o.name)).collect();
        writeln!(out, "| measure | {} | verdicts |", names.join(" | "))?;
        writeln!(out, "|---|{}---|", "---|".repeat(names.len()))?;
        for row in &report.figures {
            let cells: Vec<String> = row
                .by_outlet
                .iter()
                .map(|texts| escape(&texts.join(", ")))
                .collect();
            writeln!(
                out,
                "| {} | {} | {} |",
                escape(&row.measure),
                cells.join(" | "),
                super::verdict_counts(row)
            )?;
        }
    }
    let shown: Vec<_> = report
        .clusters
        .iter()
        .filter(|c| matches!(c.status, Status::Differ | Status::Partial))
        .collect();
    if !shown.is_empty() {
        writeln!(out, "\n## Clusters that differ or are partial\n")?;
    }
    for c in shown {
        writeln!(out, "### {} ({})\n", c.id, super::name(&c.status))?;
        for m in &c.members {
            let claim = report.claim(m.claim);
            writeln!(
                out,
                "- **{}** (line {}): {}",
                escape(report.outlet_name(m.claim.outlet)),
                claim.at.line,
                escape(&claim.text)
            )?;
        }
        for o in &c.missing {
            writeln!(out, "- **{}**: —", escape(report.outlet_name(*o)))?;
        }
        for f in &c.figures {
            let values: Vec<String> = f
                .values
                .iter()
                .map(|v| {
                    format!(
                        "{} “{}”",
                        escape(report.outlet_name(v.claim.outlet)),
                        escape(&v.figure.text)
                    )
                })
                .collect();
            writeln!(
                out,
                "- figure {}: {} — {}",
                escape(&f.measure),
                super::name(&f.verdict),
                values.join(", ")
            )?;
        }
        for d in &c.framing {
            writeln!(
                out,
                "- framing ({}): {}: {}",
                super::name(&d.kind),
                escape(report.outlet_name(d.claim.outlet)),
                escape(&d.text)
            )?;
        }
        writeln!(out)?;
    }
    if !report.findings.is_empty() {
        writeln!(out, "\n## Findings\n")?;
        for f in &report.findings {
            writeln!(
                out,
                "- {} `{}` {}: {}",
                super::name(&f.severity),
                f.cluster,
                super::name(&f.kind),
                escape(&f.message)
            )?;
        }
    }
    Ok(())
}
