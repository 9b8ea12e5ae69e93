//! Self-contained HTML output: one page per story, every piece of article text escaped.

use std::io::{self, Write};

use crate::compare::Report;
use crate::compare::diff::Op;

/// Styles inlined in every page so that a report is one file with no requests.
const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#222}\
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .6rem;vertical-align:top;text-align:left}\
.agree{background:#eef8ee}.differ{background:#fdecec}.partial{background:#fff7e0}.unique{background:#f4f4f4}\
del{background:#f9c0c0;text-decoration:line-through}ins{background:#c0f0c0;text-decoration:none}\
.detail td{font-size:.85em;color:#444}.conflict{color:#a00}.compatible{color:#a60}.error{color:#a00}.warning{color:#a60}.info{color:#555}";

/// Escape text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            _ => escaped.push(c),
        }
    }
    escaped
}

/// The comparison report as one self-contained HTML page.
pub fn report(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    let story = escape(&report.story);
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>storydiff: {story}</title><style>{STYLE}</style></head><body>"
    )?;
    writeln!(out, "<h1>storydiff: {story}</h1>")?;
    writeln!(
        out,
        "<table><tr><th>outlet</th><th>claims</th><th>shared</th><th>unique</th><th>attributed</th><th>hedged</th></tr>"
    )?;
    for o in &report.outlets {
        writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{:.0}%</td><td>{:.0}%</td></tr>",
            escape(&o.name),
            o.claims,
            o.shared,
            o.unique_claims,
            o.framing.attributed_share * 100.0,
            o.framing.hedged_share * 100.0
        )?;
    }
    writeln!(out, "</table>")?;
    if !report.figures.is_empty() {
        write!(out, "<h2>Figures</h2><table><tr><th>measure</th>")?;
        for o in &report.outlets {
            write!(out, "<th>{}</th>", escape(&o.name))?;
        }
        writeln!(out, "<th>verdicts</th></tr>")?;
        for row in &report.figures {
            write!(out, "<tr><td>{}</td>", escape(&row.measure))?;
            for texts in &row.by_outlet {
                write!(out, "<td>{}</td>", escape(&texts.join(", ")))?;
            }
            writeln!(out, "<td>{}</td></tr>", super::verdict_counts(row))?;
        }
        writeln!(out, "</table>")?;
    }
    if !report.findings.is_empty() {
        writeln!(out, "<h2>Findings</h2><ul>")?;
        for f in &report.findings {
            let severity = super::name(&f.severity);
            writeln!(
                out,
                "<li class=\"{severity}\">{severity} <a href=\"#{}\">{}</a> {}: {}</li>",
                escape(&f.cluster),
                escape(&f.cluster),
                super::name(&f.kind),
                escape(&f.message)
            )?;
        }
        writeln!(out, "</ul>")?;
    }
    writeln!(out, "<h2>Clusters</h2><table><tr><th>cluster</th>")?;
    for o in &report.outlets {
        write!(out, "<th>{}</th>", escape(&o.name))?;
    }
    writeln!(out, "</tr>")?;
    for c in &report.clusters {
        let status = super::name(&c.status);
        write!(
            out,
            "<tr id=\"{}\" class=\"{status}\"><td>{} {status}</td>",
            escape(&c.id),
            escape(&c.id)
        )?;
        for o in 0..report.outlets.len() {
            let member = c.members.iter().find(|m| m.claim.outlet.0 == o);
            match member {
                None => write!(out, "<td>—</td>")?,
                Some(m) if m.claim == c.members[0].claim => {
                    write!(out, "<td>{}</td>", escape(&report.claim(m.claim).text))?
                }
                Some(m) => {
                    let changes = c
                        .diffs
                        .iter()
                        .find(|(d, _)| *d == m.claim.outlet)
                        .map(|(_, ch)| ch);
                    write!(out, "<td>")?;
                    match changes {
                        Some(changes) => {
                            for change in changes {
                                let text = escape(&change.text);
                                match change.op {
                                    Op::Equal => write!(out, "{text}")?,
                                    Op::Delete => write!(out, "<del>{text}</del>")?,
                                    Op::Insert => write!(out, "<ins>{text}</ins>")?,
                                }
                            }
                        }
                        None => write!(out, "{}", escape(&report.claim(m.claim).text))?,
                    }
                    write!(out, "</td>")?;
                }
            }
        }
        writeln!(out, "</tr>")?;
        // Figures and framing in the column of the outlet they concern.
        for f in &c.figures {
            let verdict = super::name(&f.verdict);
            write!(
                out,
                "<tr class=\"detail\"><td class=\"{verdict}\">{} {verdict}</td>",
                escape(&f.measure)
            )?;
            for o in 0..report.outlets.len() {
                let texts: Vec<String> = f
                    .values
                    .iter()
                    .filter(|v| v.claim.outlet.0 == o)
                    .map(|v| escape(&v.figure.text))
                    .collect();
                write!(out, "<td>{}</td>", texts.join(", "))?;
            }
            writeln!(out, "</tr>")?;
        }
        for d in &c.framing {
            write!(
                out,
                "<tr class=\"detail\"><td>{}</td>",
                super::name(&d.kind)
            )?;
            for o in 0..report.outlets.len() {
                let text = if d.claim.outlet.0 == o {
                    escape(&d.text)
                } else {
                    String::new()
                };
                write!(out, "<td>{text}</td>")?;
            }
            writeln!(out, "</tr>")?;
        }
    }
    writeln!(out, "</table></body></html>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_article_text_is_escaped() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }
}
