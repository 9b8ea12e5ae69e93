//! Markdown output: coverage, the clusters that differ, and findings, for reports
//! pasted into issues, wikis and newsletters.

use std::io::{self, Write};

use crate::compare::{Report, Status};
use crate::error::InputError;
use crate::model::OutletId;

use super::label::{Labels, plural};
use super::summary::{self, Summary, quote};

/// A zero-width space as an HTML character reference: put inside `@name`,
/// `https://` or `www.`, it keeps GitHub from turning article text into a
/// mention of a user or team, or into a link, while it reads the same.
const ZERO_WIDTH_SPACE: &str = "&#8203;";

/// Escape article text for Markdown, inline or in a table cell.
///
/// Characters that would break a table or add formatting (`|`, `*`, `_`,
/// `` ` ``, `[`, `]`, `<`, `>`, `#`, `~` for ~~strike~~, `$` for $math$,
/// `&` for character references, `\`) get a backslash, newlines become
/// spaces, control characters go, and `@mentions`, bare links and `www.`
/// addresses are broken with a zero-width space, so that a report pasted in
/// a pull request pings nobody and links nowhere.
pub fn escape(text: &str) -> String {
    let text = super::terminal::one_line(text);
    let mut escaped = String::with_capacity(text.len());
    let mut previous = ' ';
    for (i, c) in text.char_indices() {
        let rest = &text[i + c.len_utf8()..];
        match c {
            '|' | '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '~' | '$' | '&' => {
                escaped.push('\\');
                escaped.push(c);
            }
            '@' if rest.starts_with(|n: char| n.is_alphanumeric()) => {
                escaped.push('@');
                escaped.push_str(ZERO_WIDTH_SPACE);
            }
            ':' if rest.starts_with("//") => {
                escaped.push(':');
                escaped.push_str(ZERO_WIDTH_SPACE);
            }
            'w' | 'W'
                if !previous.is_alphanumeric()
                    && text[i..]
                        .get(..4)
                        .is_some_and(|w| w.eq_ignore_ascii_case("www.")) =>
            {
                escaped.push(c);
                escaped.push_str(ZERO_WIDTH_SPACE);
            }
            _ => escaped.push(c),
        }
        previous = c;
    }
    escaped
}

/// The comparison report as Markdown: the summary, then the details behind
/// a `<details>` fold.
pub fn report(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    writeln!(out, "# storydiff: {}\n", escape(&report.story))?;
    summary(out, report)?;
    details(out, report)
}

/// The summary of one story: coverage, headlines and leads side by side,
/// figure conflicts, shared facts, distinctive claims, omitted lead facts
/// and framing differences.
pub fn summary(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    write_summary(out, report, &Summary::new(report))
}

/// The words of the Markdown report of `report` up to its details, with
/// `summary` as its summary, counted as `wc -w` counts them.
pub fn summary_words(report: &Report, summary: &Summary) -> usize {
    let mut text = format!("# storydiff: {}\n\n", escape(&report.story)).into_bytes();
    write_summary(&mut text, report, summary).expect("writing to memory cannot fail");
    String::from_utf8_lossy(&text).split_whitespace().count()
}

/// [`summary`], with the summary picked already.
fn write_summary(out: &mut dyn Write, report: &Report, summary: &Summary) -> io::Result<()> {
    let name = |o: OutletId| escape(report.outlet_name(o));
    writeln!(out, "{}\n", summary.coverage_line())?;
    let names: Vec<String> = summary.outlets.iter().map(|o| escape(o.name)).collect();
    writeln!(out, "| | {} |", names.join(" | "))?;
    writeln!(out, "|---|{}", "---|".repeat(names.len()))?;
    for (label, headline) in [("headline", true), ("lead", false)] {
        let cells: Vec<String> = summary
            .outlets
            .iter()
            .map(|o| {
                o.quoted(headline)
                    .map_or("—".to_string(), |text| escape(&text))
            })
            .collect();
        writeln!(out, "| {label} | {} |", cells.join(" | "))?;
    }
    if !summary.conflicts.is_empty() {
        writeln!(out, "\n**Figures that conflict**\n")?;
        let grouped = report.outlets.len() >= super::GROUPED_FROM_OUTLETS;
        for c in &summary.conflicts {
            let values: Vec<String> = if grouped {
                super::by_text(c.values.iter().map(|(o, text)| (*o, text.to_string())))
                    .iter()
                    .map(|(text, outlets)| {
                        let names: Vec<String> = outlets.iter().map(|&o| name(o)).collect();
                        format!("“{}” {}", escape(text), names.join(", "))
                    })
                    .collect()
            } else {
                c.values
                    .iter()
                    .map(|(o, text)| format!("{} “{}”", name(*o), escape(text)))
                    .collect()
            };
            let separator = if grouped { "; " } else { ", " };
            writeln!(out, "- {}: {}", escape(&c.measure), values.join(separator))?;
        }
    }
    if !summary.shared.is_empty() {
        let heading = if summary.coverage.all > 0 {
            "Carried by every outlet"
        } else {
            "Carried by most outlets"
        };
        writeln!(out, "\n**{heading}**\n")?;
        for (claim, missing) in &summary.shared {
            let missing: Vec<String> = missing.iter().map(|&m| name(m)).collect();
            let not_in = if missing.is_empty() {
                String::new()
            } else {
                format!(" — not in {}", missing.join(", "))
            };
            writeln!(out, "- {}{not_in}", escape(&quote(&claim.text)))?;
        }
    }
    if summary.distinctive.iter().any(|d| !d.is_empty()) {
        writeln!(out, "\n**Only in one outlet**\n")?;
        for (o, claims) in summary.distinctive.iter().enumerate() {
            for claim in claims {
                writeln!(
                    out,
                    "- {}: {}",
                    name(OutletId(o)),
                    escape(&summary::quote_words(
                        &claim.text,
                        summary::DISTINCTIVE_WORDS
                    ))
                )?;
            }
        }
    }
    if !summary.omitted.is_empty() {
        writeln!(out, "\n**Lead facts left out**\n")?;
        for o in &summary.omitted {
            let missing: Vec<String> = o.missing.iter().map(|&m| name(m)).collect();
            let claim = report.claim(o.claim);
            let what = match summary::shown_as(summary, claim) {
                Some(shown) => escape(&shown),
                None => escape(&quote(&claim.text)),
            };
            writeln!(out, "- {what} — not in {}", missing.join(", "))?;
        }
    }
    if !summary.framing.is_empty() {
        writeln!(out, "\n**Framing of shared claims**\n")?;
        for f in &summary.framing {
            writeln!(out, "- {} {}", name(f.outlet), escape(f.text))?;
        }
    }
    writeln!(out)
}

/// The details of one story behind a fold: the figure table, the findings
/// by severity, and the clusters that differ or are partial.
fn details(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    let labels = Labels::new(report);
    let shown: Vec<_> = report
        .clusters
        .iter()
        .filter(|c| matches!(c.status, Status::Differ | Status::Partial))
        .collect();
    writeln!(
        out,
        "<details><summary>Details: {}, {}, {}</summary>\n",
        plural(report.figures.len(), "measure", "measures"),
        plural(report.findings.len(), "finding", "findings"),
        plural(
            shown.len(),
            "cluster that differs or is partial",
            "clusters that differ or are partial"
        ),
    )?;
    if !report.figures.is_empty() {
        writeln!(out, "#### Figures\n")?;
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
                escape(&labels.measure(&row.measure)),
                cells.join(" | "),
                super::verdict_counts(row)
            )?;
        }
        writeln!(out)?;
    }
    if !report.findings.is_empty() {
        writeln!(out, "#### Findings\n")?;
        for f in super::by_severity(&report.findings) {
            writeln!(
                out,
                "- {} `{}` {}: {}",
                super::name(&f.severity),
                f.cluster,
                super::name(&f.kind),
                escape(&f.message)
            )?;
        }
        writeln!(out)?;
    }
    if !shown.is_empty() {
        writeln!(out, "#### Clusters that differ or are partial\n")?;
    }
    for c in shown {
        writeln!(out, "**{}** ({})\n", c.id, super::name(&c.status))?;
        for m in &c.members {
            let claim = report.claim(m.claim);
            writeln!(
                out,
                "- {} (line {}): {}",
                escape(report.outlet_name(m.claim.outlet)),
                claim.at.line,
                escape(&claim.text)
            )?;
        }
        for o in &c.missing {
            writeln!(out, "- {}: —", escape(report.outlet_name(*o)))?;
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
                "- figure, {}: {} — {}",
                escape(&labels.measure(&f.measure)),
                super::name(&f.verdict),
                values.join(", ")
            )?;
        }
        for d in &c.framing {
            writeln!(
                out,
                "- framing ({}): {} {}",
                super::name(&d.kind),
                escape(report.outlet_name(d.claim.outlet)),
                escape(&d.text)
            )?;
        }
        writeln!(out)?;
    }
    writeln!(out, "</details>")
}

/// The most characters a corpus report may have: what a GitHub comment
/// holds (65,536), less room for a line of text a workflow puts above it.
pub const COMMENT_CHARS: usize = 65_536 - 1_536;

/// A corpus as one Markdown report that fits a pull-request comment: a
/// table with one row per story first, then each story's summary in a
/// `<details>` fold while they fit in [`COMMENT_CHARS`], stories with the
/// most errors and warnings first. Stories that could
/// not be read are rows too. Only these short texts are kept, never the
/// reports.
#[derive(Debug, Default)]
pub struct Document {
    rows: Vec<String>,
    /// Each compared story's fold, with its error and warning counts.
    sections: Vec<(usize, usize, String)>,
    unreadable: usize,
    errors: usize,
    warnings: usize,
}

impl Document {
    /// Note one compared story, the `number`th (counted from 1).
    pub fn add(&mut self, report: &Report, number: usize) {
        let picked = Summary::new(report);
        let c = picked.coverage;
        self.errors += c.findings[0];
        self.warnings += c.findings[1];
        let conflict = picked.conflicts.first().map_or(String::new(), |conflict| {
            let values: Vec<String> = conflict
                .values
                .iter()
                .map(|(o, text)| format!("{} “{}”", escape(report.outlet_name(*o)), escape(text)))
                .collect();
            escape(&format!("{}: ", conflict.measure)) + &values.join(", ")
        });
        self.rows.push(format!(
            "| {number} | {} | {} | {} | {} | {} | {} |",
            escape(&summary::quote_words(report.story.as_str(), 12)),
            c.outlets,
            c.all,
            c.findings[0],
            c.findings[1],
            conflict
        ));
        let mut section = Vec::new();
        writeln!(
            section,
            "<details><summary>{number}. {}</summary>\n",
            escape(&report.story)
        )
        .and_then(|()| summary(&mut section, report))
        .and_then(|()| writeln!(section, "</details>\n"))
        .expect("writing to memory cannot fail");
        let section = String::from_utf8(section).expect("the renderer writes UTF-8");
        self.sections.push((c.findings[0], c.findings[1], section));
    }

    /// Note the `number`th story, which could not be read or compared.
    pub fn add_error(&mut self, error: &InputError, number: usize) {
        self.unreadable += 1;
        self.rows.push(format!(
            "| {number} | input error: {} | | | | | |",
            escape(&error.to_string())
        ));
    }

    /// Write the report: totals, the table, then the folds that fit.
    pub fn finish(self, out: &mut dyn Write) -> io::Result<()> {
        let mut head = Vec::new();
        writeln!(
            head,
            "# storydiff: {}\n",
            plural(self.rows.len(), "story", "stories")
        )?;
        writeln!(
            head,
            "{}, {} unreadable; {} and {} in all.\n",
            plural(self.rows.len(), "story", "stories"),
            self.unreadable,
            plural(self.errors, "error", "errors"),
            plural(self.warnings, "warning", "warnings")
        )?;
        writeln!(
            head,
            "| # | story | outlets | shared by all | errors | warnings | first figure conflict |"
        )?;
        writeln!(head, "|---:|---|---:|---:|---:|---:|---|")?;
        for row in &self.rows {
            writeln!(head, "{row}")?;
        }
        writeln!(head)?;
        out.write_all(&head)?;
        let mut used = String::from_utf8_lossy(&head).chars().count();
        let left_note = |left: usize| {
            format!(
                "{} not shown here, to fit a comment: run `storydiff compare` on a story for its report.\n",
                plural(left, "story summary", "story summaries")
            )
        };
        // Stories with errors first, then by warnings, so that what fits is
        // what matters; ties in input order (stable sort).
        let mut sections = self.sections;
        sections.sort_by_key(|s| std::cmp::Reverse((s.0, s.1)));
        let total = sections.len();
        for (shown, (_, _, section)) in sections.iter().enumerate() {
            let size = section.chars().count();
            let note = left_note(total - shown).chars().count();
            if used + size + note > COMMENT_CHARS {
                return out.write_all(left_note(total - shown).as_bytes());
            }
            out.write_all(section.as_bytes())?;
            used += size;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_neutralises_mentions_links_strike_and_math() {
        assert_eq!(
            escape("cc @octocat and @org/team, mail a@b"),
            "cc @&#8203;octocat and @&#8203;org/team, mail a@&#8203;b"
        );
        assert_eq!(
            escape("see https://evil.example/x or www.evil.example"),
            "see https:&#8203;//evil.example/x or w&#8203;ww.evil.example"
        );
        assert_eq!(escape("~~gone~~ $x^2$"), "\\~\\~gone\\~\\~ \\$x^2\\$");
        assert_eq!(escape("a | b <b> &amp;"), "a \\| b \\<b\\> \\&amp;");
        assert_eq!(escape("line\none\u{1b}[2J"), "line one");
        assert_eq!(escape("the www in flowww."), "the www in flowww.");
        assert_eq!(escape("wwé wwwé"), "wwé wwwé");
    }
}
