//! Markdown output: coverage, the clusters that differ, and findings, for reports
//! pasted into issues, wikis and newsletters.

use std::io::{self, Write};

use crate::compare::{Report, Status};

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
