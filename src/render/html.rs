//! Self-contained HTML output: a page for one story, one document for a corpus; all article text escaped.

use std::io::{self, Write};

use crate::compare::diff::{self, Op};
use crate::compare::{ClusterReport, Report, Severity};
use crate::error::InputError;
use crate::model::ClaimRef;

use super::summary::{self, Summary};

/// Styles inlined in every page so that a report is one file with no requests.
const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#222}\
table{border-collapse:collapse;margin:1rem 0;max-width:100%}td{overflow-wrap:anywhere}.summary{border-bottom:1px solid #ccc}td,th{border:1px solid #ccc;padding:.3rem .6rem;vertical-align:top;text-align:left}\
.agree{background:#eef8ee}.differ{background:#fdecec}.partial{background:#fff7e0}.unique{background:#f4f4f4}\
del{background:#f9c0c0;text-decoration:line-through}mark{background:none;border-bottom:2px solid #999}mark.conflict{background:#f9c0c0}mark.compatible{background:#ffe8b0}mark.agree{background:#d8f0d8}mark.cue{border-bottom:2px dotted #66a}ins{background:#c0f0c0;text-decoration:none}\
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
    summary(out, report, Place::PAGE)?;
    details(out, report, Place::PAGE)?;
    writeln!(out, "</body></html>")
}

/// Where a story's report goes: a page of its own, or a section of a corpus document.
#[derive(Debug, Clone, Copy)]
struct Place<'a> {
    /// Put before every `id` (and link to one) in the report, so that the
    /// clusters of two stories in one document never share an anchor.
    ids: &'a str,
    /// The level of the headings of the report's parts (figures, findings, clusters).
    heading: u8,
}

impl Place<'_> {
    /// A page of its own: the story is the `<h1>`, its parts `<h2>`.
    const PAGE: Place<'static> = Place {
        ids: "",
        heading: 2,
    };
}

/// The summary of one story, first under its title: coverage, figure
/// conflicts, headlines and leads side by side, shared and distinctive
/// claims, omitted lead facts and framing, in a `<div class="summary">`.
fn summary(out: &mut dyn Write, report: &Report, place: Place) -> io::Result<()> {
    let h = place.heading;
    let picked = Summary::new(report);
    let name = |o: crate::model::OutletId| escape(report.outlet_name(o));
    writeln!(out, "<div class=\"summary\"><h{h}>Summary</h{h}>")?;
    writeln!(out, "<p>{}</p>", escape(&picked.coverage_line()))?;
    if !picked.conflicts.is_empty() {
        writeln!(out, "<p>Figures that conflict:</p><ul>")?;
        let grouped = report.outlets.len() >= super::GROUPED_FROM_OUTLETS;
        for c in &picked.conflicts {
            let values: Vec<String> = if grouped {
                super::by_text(c.values.iter().map(|(o, text)| (*o, text.to_string())))
                    .iter()
                    .map(|(text, outlets)| {
                        let names: Vec<String> = outlets.iter().map(|&o| name(o)).collect();
                        format!(
                            "<span class=\"conflict\">“{}”</span> {}",
                            escape(text),
                            names.join(", ")
                        )
                    })
                    .collect()
            } else {
                c.values
                    .iter()
                    .map(|(o, text)| {
                        format!(
                            "{} <span class=\"conflict\">“{}”</span>",
                            name(*o),
                            escape(text)
                        )
                    })
                    .collect()
            };
            let separator = if grouped { "; " } else { ", " };
            writeln!(
                out,
                "<li class=\"error\">{}: {}</li>",
                escape(&c.measure),
                values.join(separator)
            )?;
        }
        writeln!(out, "</ul>")?;
    }
    write!(out, "<table><tr><th></th>")?;
    for o in &picked.outlets {
        write!(out, "<th>{}</th>", escape(o.name))?;
    }
    writeln!(out, "</tr>")?;
    for (label, headline) in [("headline", true), ("lead", false)] {
        write!(out, "<tr><th>{label}</th>")?;
        for o in &picked.outlets {
            let text = o.quoted(headline);
            write!(
                out,
                "<td>{}</td>",
                text.map_or("—".to_string(), |t| escape(&t))
            )?;
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</table>")?;
    let list = |out: &mut dyn Write, title: &str, items: Vec<String>| -> io::Result<()> {
        if items.is_empty() {
            return Ok(());
        }
        writeln!(out, "<p>{title}:</p><ul>")?;
        for item in items {
            writeln!(out, "<li>{item}</li>")?;
        }
        writeln!(out, "</ul>")
    };
    list(
        out,
        if picked.coverage.all > 0 {
            "Carried by every outlet"
        } else {
            "Carried by most outlets"
        },
        picked
            .shared
            .iter()
            .map(|(c, _)| escape(&summary::quote(&c.text)))
            .collect(),
    )?;
    list(
        out,
        "Only in one outlet",
        picked
            .distinctive
            .iter()
            .enumerate()
            .flat_map(|(o, claims)| {
                claims.iter().map(move |c| {
                    format!(
                        "{}: {}",
                        name(crate::model::OutletId(o)),
                        escape(&summary::quote_words(&c.text, summary::DISTINCTIVE_WORDS))
                    )
                })
            })
            .collect(),
    )?;
    list(
        out,
        "Lead facts left out",
        picked
            .omitted
            .iter()
            .map(|o| {
                let claim = report.claim(o.claim);
                let what = summary::shown_as(&picked, claim)
                    .unwrap_or_else(|| summary::quote(&claim.text));
                let missing: Vec<String> = o.missing.iter().map(|&m| name(m)).collect();
                format!("{} — not in {}", escape(&what), missing.join(", "))
            })
            .collect(),
    )?;
    list(
        out,
        "Framing of shared claims",
        picked
            .framing
            .iter()
            .map(|f| format!("{} {}", name(f.outlet), escape(f.text)))
            .collect(),
    )?;
    writeln!(out, "</div>")
}

/// Everything the page of one story shows under its title, up to the last
/// table's end tag, with no line end after it.
fn details(out: &mut dyn Write, report: &Report, place: Place) -> io::Result<()> {
    let (h, ids) = (place.heading, place.ids);
    let labels = super::label::Labels::new(report);
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
        write!(out, "<h{h}>Figures</h{h}><table><tr><th>measure</th>")?;
        for o in &report.outlets {
            write!(out, "<th>{}</th>", escape(&o.name))?;
        }
        writeln!(out, "<th>verdicts</th></tr>")?;
        for row in &report.figures {
            write!(
                out,
                "<tr><td>{}</td>",
                escape(&labels.measure(&row.measure))
            )?;
            for texts in &row.by_outlet {
                write!(out, "<td>{}</td>", escape(&texts.join(", ")))?;
            }
            writeln!(out, "<td>{}</td></tr>", super::verdict_counts(row))?;
        }
        writeln!(out, "</table>")?;
    }
    if !report.findings.is_empty() {
        writeln!(
            out,
            "<details><summary>Findings: {}, errors first</summary><ul>",
            super::label::plural(report.findings.len(), "finding", "findings")
        )?;
        for f in super::by_severity(&report.findings) {
            let severity = super::name(&f.severity);
            writeln!(
                out,
                "<li class=\"{severity}\">{severity} <a href=\"#{ids}{}\">{}</a> {}: {}</li>",
                escape(&f.cluster),
                escape(&f.cluster),
                super::name(&f.kind),
                escape(&f.message)
            )?;
        }
        writeln!(out, "</ul></details>")?;
    }
    writeln!(out, "<h{h}>Clusters</h{h}><table><tr><th>cluster</th>")?;
    for o in &report.outlets {
        write!(out, "<th>{}</th>", escape(&o.name))?;
    }
    writeln!(out, "</tr>")?;
    for c in &report.clusters {
        let status = super::name(&c.status);
        write!(
            out,
            "<tr id=\"{ids}{}\" class=\"{status}\"><td>{} {status}</td>",
            escape(&c.id),
            escape(&c.id)
        )?;
        for o in 0..report.outlets.len() {
            let member = c.members.iter().find(|m| m.claim.outlet.0 == o);
            match member {
                None => write!(out, "<td>—</td>")?,
                Some(m) if m.claim.outlet == c.reference => {
                    write!(out, "<td>{}</td>", highlighted(report, c, m.claim))?
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
                            for (n, change) in changes.iter().enumerate() {
                                if n > 0 && diff::needs_space(&changes[n - 1], change) {
                                    write!(out, " ")?;
                                }
                                let text = escape(&change.text);
                                match change.op {
                                    Op::Equal => write!(out, "{text}")?,
                                    Op::Delete => write!(out, "<del>{text}</del>")?,
                                    Op::Insert => write!(out, "<ins>{text}</ins>")?,
                                }
                            }
                        }
                        None => write!(out, "{}", highlighted(report, c, m.claim))?,
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
                escape(&labels.measure(&f.measure))
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
    write!(out, "</table>")
}

/// A claim's text, escaped, with its figures marked by their verdict in the
/// cluster (`conflict`, `compatible`, `agree`; plain `figure` when not
/// compared) and its framing cues marked `cue`: what a reader compares when
/// claims are paraphrases and a word diff would strike through everything.
fn highlighted(report: &Report, cluster: &ClusterReport, r: ClaimRef) -> String {
    let claim = report.claim(r);
    let mut marks: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    for figure in &claim.figures {
        let verdict = cluster
            .figures
            .iter()
            .find(|f| {
                f.values
                    .iter()
                    .any(|v| v.claim == r && v.figure.span == figure.span)
            })
            .map_or("figure".to_string(), |f| super::name(&f.verdict));
        marks.push((figure.span.clone(), verdict));
    }
    for cue in &claim.cues {
        marks.push((cue.span.clone(), "cue".to_string()));
    }
    marks.sort_by_key(|(range, _)| (range.start, std::cmp::Reverse(range.end)));
    let mut out = String::new();
    let mut at = 0;
    for (range, class) in marks {
        let valid = range.start >= at
            && range.end <= claim.text.len()
            && claim.text.is_char_boundary(range.start)
            && claim.text.is_char_boundary(range.end);
        if !valid || range.is_empty() {
            continue;
        }
        out.push_str(&escape(&claim.text[at..range.start]));
        out.push_str(&format!(
            "<mark class=\"{class}\">{}</mark>",
            escape(&claim.text[range.clone()])
        ));
        at = range.end;
    }
    out.push_str(&escape(&claim.text[at..]));
    out
}

/// Styles a corpus document adds to [`STYLE`]: a rule between stories.
const CORPUS_STYLE: &str =
    "section{border-top:2px solid #ccc;margin-top:2rem}nav li{margin:.2rem 0}";

/// The most characters of a story id kept in its anchor: enough to tell
/// stories apart in a link, short enough to keep links readable.
const ANCHOR_ID_CHARS: usize = 48;

/// The anchor of the `number`th story (counted from 1) of a corpus document:
/// `story-2-bridge-closure`. The number keeps anchors unique when two stories
/// share an id; the id, transliterated to ASCII letters, digits and hyphens,
/// keeps links readable and needs no escaping.
pub fn story_anchor(number: usize, story: &str) -> String {
    let mut slug = String::new();
    for c in deunicode::deunicode(story).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= ANCHOR_ID_CHARS {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        format!("story-{number}")
    } else {
        format!("story-{number}-{slug}")
    }
}

/// A story's line in the contents of a corpus document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The `id` of the story's section.
    anchor: String,
    /// What became of the story.
    outcome: Outcome,
}

/// What the contents say about a story.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome {
    /// Compared: its id and how many findings of each severity.
    Compared {
        story: String,
        errors: usize,
        warnings: usize,
        infos: usize,
    },
    /// Not readable: the input error, as the binary reports it.
    Unreadable { error: String },
}

/// Write the `number`th story (counted from 1) of a corpus document as a
/// `<section>` showing what its own page shows, and return its contents entry.
pub fn section(out: &mut dyn Write, report: &Report, number: usize) -> io::Result<Entry> {
    let anchor = story_anchor(number, &report.story);
    writeln!(out, "<section id=\"{anchor}\">")?;
    writeln!(out, "<h2>{}</h2>", escape(&report.story))?;
    let ids = format!("s{number}-");
    summary(
        out,
        report,
        Place {
            ids: &ids,
            heading: 3,
        },
    )?;
    details(
        out,
        report,
        Place {
            ids: &ids,
            heading: 3,
        },
    )?;
    writeln!(out, "</section>")?;
    Ok(Entry {
        anchor,
        outcome: Outcome::Compared {
            story: report.story.clone(),
            errors: report.count(Severity::Error),
            warnings: report.count(Severity::Warning),
            infos: report.count(Severity::Info),
        },
    })
}

/// Write the `number`th story (counted from 1) of a corpus document, which
/// could not be read or compared, as a `<section>` naming the error, and
/// return its contents entry.
pub fn unreadable_section(
    out: &mut dyn Write,
    error: &InputError,
    number: usize,
) -> io::Result<Entry> {
    let anchor = format!("story-{number}");
    let error = error.to_string();
    writeln!(
        out,
        "<section id=\"{anchor}\"><h2>Story {number}: input error</h2>\n<p class=\"error\">{}</p>\n</section>",
        escape(&error)
    )?;
    Ok(Entry {
        anchor,
        outcome: Outcome::Unreadable { error },
    })
}

/// A corpus as one HTML document: the head first, then each story's section
/// as it comes (from [`section`] or [`unreadable_section`]), then the
/// contents, one line per story, in a `<nav>` at the end, with a link to it at
/// the top. Only the contents entries are kept, never the reports, so memory
/// does not grow with the stories' size.
#[derive(Debug, Default)]
pub struct Document {
    entries: Vec<Entry>,
}

impl Document {
    /// Write the document's head and title, `storydiff: {title}`.
    pub fn start(out: &mut dyn Write, title: &str) -> io::Result<Document> {
        let title = escape(title);
        writeln!(
            out,
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>storydiff: {title}</title><style>{STYLE}{CORPUS_STYLE}</style></head><body>"
        )?;
        writeln!(out, "<h1>storydiff: {title}</h1>")?;
        writeln!(
            out,
            "<p>One section per story, in input order. <a href=\"#contents\">Contents and totals</a> at the end.</p>"
        )?;
        Ok(Document::default())
    }

    /// Note a story whose section has been written, for the contents.
    pub fn add(&mut self, entry: Entry) {
        self.entries.push(entry);
    }

    /// Write the contents and close the document.
    pub fn finish(self, out: &mut dyn Write) -> io::Result<()> {
        let (mut errors, mut warnings, mut unreadable) = (0, 0, 0);
        for entry in &self.entries {
            match &entry.outcome {
                Outcome::Compared {
                    errors: e,
                    warnings: w,
                    ..
                } => {
                    errors += e;
                    warnings += w;
                }
                Outcome::Unreadable { .. } => unreadable += 1,
            }
        }
        writeln!(
            out,
            "<nav id=\"contents\" aria-labelledby=\"contents-title\"><h2 id=\"contents-title\">Contents</h2>"
        )?;
        writeln!(
            out,
            "<p>{}, {} unreadable; {} and {} in all.</p>\n<ol>",
            plural(self.entries.len(), "story", "stories"),
            unreadable,
            plural(errors, "error", "errors"),
            plural(warnings, "warning", "warnings")
        )?;
        for entry in &self.entries {
            let anchor = &entry.anchor;
            match &entry.outcome {
                Outcome::Compared {
                    story,
                    errors,
                    warnings,
                    infos,
                } => {
                    let class = if *errors > 0 {
                        " class=\"error\""
                    } else if *warnings > 0 {
                        " class=\"warning\""
                    } else {
                        ""
                    };
                    writeln!(
                        out,
                        "<li{class}><a href=\"#{anchor}\">{}</a>: {}, {}, {infos} info</li>",
                        escape(story),
                        plural(*errors, "error", "errors"),
                        plural(*warnings, "warning", "warnings")
                    )?;
                }
                Outcome::Unreadable { error } => writeln!(
                    out,
                    "<li class=\"error\"><a href=\"#{anchor}\">input error</a>: {}</li>",
                    escape(error)
                )?,
            }
        }
        writeln!(out, "</ol></nav>\n</body></html>")
    }
}

/// `n` and the noun, singular or plural: "1 error", "2 errors".
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
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

    #[test]
    fn anchors_are_numbered_and_keep_only_safe_characters() {
        assert_eq!(
            story_anchor(3, "Bridge closure: \"&'<script>"),
            "story-3-bridge-closure-script"
        );
        assert_eq!(
            story_anchor(1, "Élection à Zürich"),
            "story-1-election-a-zurich"
        );
        assert_eq!(story_anchor(2, "<>&\"'"), "story-2");
        let long = "x".repeat(200);
        assert_eq!(
            story_anchor(9, &long).len(),
            "story-9-".len() + ANCHOR_ID_CHARS
        );
    }

    #[test]
    fn a_document_has_one_html_element_and_contents_at_the_end() {
        let mut out = Vec::new();
        let mut document = Document::start(&mut out, "<corpus>").unwrap();
        let error = InputError::line("c.jsonl", 4, "not <json>");
        let entry = unreadable_section(&mut out, &error, 1).unwrap();
        document.add(entry);
        document.finish(&mut out).unwrap();
        let html = String::from_utf8(out).unwrap();
        assert_eq!(html.matches("<html").count(), 1);
        assert_eq!(html.matches("</html>").count(), 1);
        assert!(
            html.contains("<title>storydiff: &lt;corpus&gt;</title>"),
            "{html}"
        );
        assert!(html.contains("<section id=\"story-1\">"), "{html}");
        assert!(html.contains("c.jsonl:4: not &lt;json&gt;"), "{html}");
        assert!(
            html.contains("<a href=\"#story-1\">input error</a>"),
            "{html}"
        );
        assert!(html.find("<section").unwrap() < html.find("<nav").unwrap());
    }
}
