//! A Markdown body's markup, told from its text by a CommonMark parser
//! (pulldown-cmark, with tables, footnotes, strikethrough and task lists).
//!
//! The parser's offset iterator gives every piece of text its byte range
//! in the body, so the text stays where it is in the file and the rest is
//! blanked: each byte of the body gets a [`Class`], kept text or a
//! [`SkipReason`], and [`Markup::blanked`] replaces every character that is
//! not kept with whitespace of the same length in bytes (and, up to three
//! bytes, in characters), so that every kept character keeps its offset,
//! line and column. [`Markup::skipped`] reports what was blanked.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::model::{Positions, Skip, SkipReason};

/// What a byte of the body is: kept text (`None`), or left out for a reason.
type Class = Option<SkipReason>;

/// The CommonMark extensions read: what GitHub-flavoured Markdown and most
/// static site generators write. Math and heading attributes are left
/// off: `$` and `{#id}` in news text are text.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
}

/// A body with each byte classified.
pub struct Markup<'a> {
    body: &'a str,
    classes: Vec<Class>,
}

impl<'a> Markup<'a> {
    /// Parse `body` (the file after front matter and headline) and classify
    /// every byte: text of paragraphs, list items, quotes, table cells,
    /// footnote definitions and inline code is kept; headings, code
    /// blocks, images, link targets, HTML tags and the marks of Markdown
    /// itself are not.
    pub fn read(body: &'a str) -> Markup<'a> {
        let mut classes: Vec<Class> = vec![Some(SkipReason::Markup); body.len()];
        let mut set = |range: Range<usize>, class: Class| classes[range].fill(class);
        // Containers whose whole range is left out, innermost last, and the
        // links open around the walk with the end of their text so far.
        let mut whole: Vec<(Range<usize>, SkipReason)> = Vec::new();
        let mut links: Vec<(Range<usize>, LinkType, usize)> = Vec::new();
        let mut parser = Parser::new_ext(body, options()).into_offset_iter();
        for (event, range) in parser.by_ref() {
            if let Some(link) = links.last_mut()
                && !matches!(event, Event::End(TagEnd::Link))
            {
                link.2 = link.2.max(range.end);
            }
            match event {
                Event::Start(tag) => match tag {
                    Tag::Heading { .. } => whole.push((range, SkipReason::Heading)),
                    Tag::CodeBlock(_) => whole.push((range, SkipReason::Code)),
                    Tag::Image { .. } => whole.push((range, SkipReason::Image)),
                    Tag::Link { link_type, .. } => {
                        let start = range.start + 1;
                        links.push((range, link_type, start));
                    }
                    _ => {}
                },
                Event::End(TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::Image) => {
                    if let Some((range, reason)) = whole.pop() {
                        set(range, Some(reason));
                    }
                }
                Event::End(TagEnd::Link) => {
                    if let Some((range, link_type, text_end)) = links.pop() {
                        link_target(body, range, link_type, text_end, &mut set);
                    }
                }
                Event::Text(_) if whole.is_empty() => set(range, None),
                Event::Code(_) if whole.is_empty() => {
                    // The code's text without its backticks.
                    let inner = trim_ticks(body, range);
                    set(inner, None);
                }
                Event::Html(_) | Event::InlineHtml(_) if whole.is_empty() => {
                    html(body, range, &mut set);
                }
                _ => {}
            }
        }
        for (_, definition) in parser.reference_definitions().iter() {
            set(definition.span.clone(), Some(SkipReason::LinkUrl));
        }
        definition_lines(body, &mut classes);
        Markup { body, classes }
    }

    /// The body with everything but its kept text blanked, byte for byte.
    pub fn blanked(&self) -> String {
        let mut out = String::with_capacity(self.body.len());
        for (i, c) in self.body.char_indices() {
            if self.classes[i].is_none() || c.is_whitespace() {
                out.push(c);
            } else {
                out.push_str(blank(c.len_utf8()));
            }
        }
        out
    }

    /// What was blanked, in stretches of one reason: each run of bytes of
    /// one reason, with no kept byte inside, that holds more than
    /// whitespace. `positions` places the body's bytes in the file.
    pub fn skipped(&self, positions: &Positions<'_>) -> Vec<Skip> {
        let mut skipped = Vec::new();
        let mut run: Option<(SkipReason, usize, usize)> = None;
        for (i, c) in self.body.char_indices() {
            if c.is_whitespace() {
                // Kept whitespace ends a run; blanked whitespace joins one.
                if self.classes[i].is_none()
                    && let Some((reason, start, end)) = run.take()
                {
                    skipped.extend(Skip::of(reason, self.body, start..end, positions));
                }
                continue;
            }
            let end = i + c.len_utf8();
            match (self.classes[i], &mut run) {
                (Some(reason), Some((current, _, run_end))) if reason == *current => {
                    *run_end = end;
                }
                (class, _) => {
                    if let Some((reason, start, end)) = run.take() {
                        skipped.extend(Skip::of(reason, self.body, start..end, positions));
                    }
                    run = class.map(|reason| (reason, i, end));
                }
            }
        }
        if let Some((reason, start, end)) = run {
            skipped.extend(Skip::of(reason, self.body, start..end, positions));
        }
        skipped
    }
}

/// Whitespace of `len` bytes that takes as many columns as the character
/// it stands for: a space, a no-break space (2 bytes), an en space (3).
/// No whitespace character is 4 bytes long; two no-break spaces stand for
/// an emoji, one column more.
fn blank(len: usize) -> &'static str {
    match len {
        1 => " ",
        2 => "\u{a0}",
        3 => "\u{2002}",
        _ => "\u{a0}\u{a0}",
    }
}

/// Classify what a link's range holds besides its text: the `[` stays
/// markup, the `]` after the text too, and what follows (`(target)`,
/// `[label]`) is its target. An autolink (`<https://…>`) is all target.
fn link_target(
    body: &str,
    range: Range<usize>,
    link_type: LinkType,
    text_end: usize,
    set: &mut impl FnMut(Range<usize>, Class),
) {
    if matches!(link_type, LinkType::Autolink | LinkType::Email) {
        set(range, Some(SkipReason::LinkUrl));
        return;
    }
    let from = text_end.clamp(range.start, range.end);
    let Some(close) = body[from..range.end].find(']') else {
        return;
    };
    let target = from + close + 1..range.end;
    if !target.is_empty() {
        set(target, Some(SkipReason::LinkUrl));
    }
}

/// An inline code span's range without its backtick fences.
fn trim_ticks(body: &str, range: Range<usize>) -> Range<usize> {
    let span = &body[range.clone()];
    let open = span.len() - span.trim_start_matches('`').len();
    let close = span.len() - span.trim_end_matches('`').len();
    if open + close >= span.len() {
        return range.start..range.start;
    }
    range.start + open..range.end - close
}

/// The farthest a tag's closing `>` is looked for after its `<`. Longer
/// ones are read as text: no tag of an article is this long, and the bound
/// keeps a line of a thousand `<` from costing its length squared.
const MAX_INLINE_SPAN: usize = 1024;

/// Classify raw HTML (a block or an inline tag): its tags and comments are
/// left out, the text between them is kept, as a browser would show it.
fn html(body: &str, range: Range<usize>, set: &mut impl FnMut(Range<usize>, Class)) {
    let bytes = body.as_bytes();
    let mut i = range.start;
    let mut text_from = i;
    while i < range.end {
        let tag_end = match bytes[i] {
            b'<' if body[i..range.end].starts_with("<!--") => {
                let limit = range.end.min(i + MAX_INLINE_SPAN);
                body[i..limit].find("-->").map(|p| i + p + 3)
            }
            b'<' if bytes
                .get(i + 1)
                .is_some_and(|b| b.is_ascii_alphabetic() || b"/!?".contains(b)) =>
            {
                let limit = range.end.min(i + MAX_INLINE_SPAN);
                bytes[i..limit]
                    .iter()
                    .position(|&b| b == b'>')
                    .map(|p| i + p + 1)
            }
            _ => None,
        };
        match tag_end {
            Some(end) => {
                set(text_from..i, None);
                set(i..end, Some(SkipReason::HtmlTag));
                i = end;
                text_from = end;
            }
            None => i += 1,
        }
    }
    set(text_from..range.end, None);
}

/// Lines of paragraph text that read as a link definition (`[ref]:
/// https://…` right under a paragraph, where CommonMark cannot start one)
/// are taken as one, as their writer meant: a target, not a sentence.
fn definition_lines(body: &str, classes: &mut [Class]) {
    let mut start = 0;
    for line in body.split_inclusive('\n') {
        let end = start + line.trim_end().len();
        let lead = line.len() - line.trim_start().len();
        let kept = classes[start..end]
            .iter()
            .zip(body[start..end].bytes())
            .all(|(class, b)| class.is_none() || b.is_ascii_whitespace());
        if kept && is_reference_definition(line.trim()) {
            classes[start + lead..end].fill(Some(SkipReason::LinkUrl));
        }
        start += line.len();
    }
}

/// A link reference definition, `[label]: target "title"`, which Markdown
/// does not show. A target is one word (or `<…>`) and a title is quoted, so
/// `[Update]: The mayor resigned.` is a paragraph, as Markdown renders it.
/// A footnote definition (`[^1]: text`) is not one either.
pub fn is_reference_definition(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('[') else {
        return false;
    };
    let Some(close) = rest.find("]:") else {
        return false;
    };
    if rest[..close].contains(']') || rest.starts_with('^') {
        return false;
    }
    let after = rest[close + 2..].trim();
    let (target, title) = match after.strip_prefix('<') {
        Some(inner) => match inner.find('>') {
            Some(end) => (&inner[..end], inner[end + 1..].trim()),
            None => return false,
        },
        None => after
            .split_once(char::is_whitespace)
            .map_or((after, ""), |(t, rest)| (t, rest.trim())),
    };
    let quoted = |open: char, close: char| {
        title.starts_with(open) && title.ends_with(close) && title.len() >= 2
    };
    !target.is_empty()
        && (title.is_empty() || quoted('"', '"') || quoted('\'', '\'') || quoted('(', ')'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reasons(body: &str) -> Vec<(SkipReason, String)> {
        let markup = Markup::read(body);
        let version = crate::model::Version {
            outlet: "x".into(),
            source: "x.md".into(),
            title: None,
            published: None,
            url: None,
            body: markup.blanked(),
            title_at: crate::model::Position::START,
            body_at: crate::model::Position::START,
            layout: crate::model::Layout::Verbatim,
            skipped: Vec::new(),
        };
        let positions = version.positions();
        markup
            .skipped(&positions)
            .into_iter()
            .map(|s| (s.reason, s.text))
            .collect()
    }

    #[test]
    fn each_kind_of_markup_is_reported_with_its_reason() {
        use SkipReason::*;
        let got = reasons(
            "Text **bold** [link](https://x.example) <b>tag</b> `code`.\n\n## Sub\n\n```\nfn x() {}\n```\n\n![alt](a.png)\n\n<https://auto.example>\n",
        );
        let want: Vec<(SkipReason, String)> = [
            (Markup, "**"),
            (Markup, "**"),
            (Markup, "["),
            (Markup, "]"),
            (LinkUrl, "(https://x.example)"),
            (HtmlTag, "<b>"),
            (HtmlTag, "</b>"),
            (Markup, "`"),
            (Markup, "`"),
            (Heading, "## Sub"),
            (Code, "``` fn x() {} ```"),
            (Image, "![alt](a.png)"),
            (LinkUrl, "<https://auto.example>"),
        ]
        .into_iter()
        .map(|(r, t)| (r, t.to_string()))
        .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn blanking_keeps_columns_after_wide_characters() {
        let body = "![café 日本](x) Text here.\n";
        let blanked = Markup::read(body).blanked();
        assert_eq!(blanked.len(), body.len());
        let column = |s: &str| s[..s.find("Text").unwrap()].chars().count();
        assert_eq!(column(&blanked), column(body));
        assert!(blanked.trim_start().starts_with("Text here."));
    }

    #[test]
    fn a_long_line_of_open_tags_costs_its_length() {
        let body = format!("Fire {}\n", "<a b ".repeat(50_000));
        let markup = Markup::read(&body);
        assert!(markup.blanked().contains("Fire"));
    }
}
