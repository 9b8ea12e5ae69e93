//! HTML: an article page's main text, boilerplate left out.
//!
//! A small tokenizer walks the page in one pass. Text inside the page's
//! `<article>` (else `<main>`, else the whole page) is a candidate, except
//! in scripts, styles, navigation, headers, footers, asides, forms, figures,
//! hidden elements and elements whose class, id or role marks them as
//! bylines, share widgets, comments, related links or ads (a class word
//! such as `content` or `article` outweighs those, and the body, article and
//! main elements are never furniture). Of the candidates, [`content`] keeps
//! the block of the page that scores as the article, by Readability's
//! measure, and every text inside it whatever the element. Headings are
//! left out; the first `<h1>` (else `og:title`, else `<title>`) is the
//! headline. The outlet is `og:site_name`, the date
//! `article:published_time` (or the first `<time datetime>`), the address
//! the canonical link (or `og:url`). Every named character reference of
//! HTML is decoded.
//!
//! Left-out text, tags and the padding of decoded entities become spaces,
//! newlines stay, so every kept character sits at its line and column in the
//! file ([`Layout::Verbatim`]). The walk keeps counts of what is open rather
//! than searching its stack, so deep nesting costs no more than flat markup.

mod content;

use std::collections::HashMap;
use std::ops::Range;

use content::{Block, Chunk, ROOT};

use crate::model::{Layout, Position, Skip, SkipReason, Version};

/// An `.html` page from `source`, named after `stem` unless it names its site.
pub fn parse(text: &str, source: &str, stem: &str) -> Version {
    let page = Page::read(text);
    let kept = content::main_text(&page.blocks, &page.chunks, text);
    let pieces = [
        page.h1.clone(),
        page.og_title.iter().cloned().collect(),
        page.title.iter().cloned().collect(),
    ]
    .into_iter()
    .find(|pieces| pieces.iter().any(|r| !text[r.clone()].trim().is_empty()))
    .unwrap_or_default();
    let title = collapse(&decode(
        &pieces
            .iter()
            .map(|r| &text[r.clone()])
            .collect::<Vec<_>>()
            .join(" "),
    ));
    let title_at = pieces
        .iter()
        .find_map(|r| {
            let piece = &text[r.clone()];
            let blank = piece.len() - piece.trim_start().len();
            (blank < piece.len()).then(|| position_of(text, r.start + blank))
        })
        .unwrap_or(Position::START);
    let title = Some(title).filter(|t| !t.is_empty());
    let attribute = |range: &Option<Range<usize>>| {
        range
            .as_ref()
            .map(|r| collapse(&decode(&text[r.clone()])))
            .filter(|v| !v.is_empty())
    };
    let skipped = left_out(text, &page, &kept);
    Version {
        outlet: attribute(&page.site_name).unwrap_or_else(|| stem.to_string()),
        source: source.to_string(),
        title,
        published: attribute(&page.published),
        url: attribute(&page.url),
        body: blank_except(text, &kept),
        title_at,
        body_at: Position::START,
        layout: Layout::Verbatim,
        skipped,
    }
}

/// The page's text that is left out of the body: headings other than the
/// headline, and page furniture (text in skipped elements, outside the
/// article's scope, or in blocks the article's is not). Consecutive pieces
/// of one reason, with no kept text between them, are one stretch. The
/// text is as in the file (references not decoded); these stretches are
/// outside the body, so they have no span.
fn left_out(text: &str, page: &Page, kept: &[Range<usize>]) -> Vec<Skip> {
    let mut pieces: Vec<(Range<usize>, Option<SkipReason>)> = page
        .dropped
        .iter()
        .map(|(range, reason)| (range.clone(), Some(*reason)))
        .collect();
    // Kept chunks are a subsequence of all chunks, in page order.
    let mut kept_ranges = kept.iter().peekable();
    for chunk in &page.chunks {
        let is_kept = kept_ranges.next_if(|r| **r == chunk.range).is_some();
        let reason = (!is_kept).then_some(SkipReason::PageFurniture);
        pieces.push((chunk.range.clone(), reason));
    }
    pieces.extend(page.h1.iter().map(|range| (range.clone(), None)));
    pieces.sort_by_key(|(range, _)| range.start);
    let mut cursor = Cursor::default();
    let mut skipped: Vec<Skip> = Vec::new();
    let mut open = false;
    for (range, reason) in pieces {
        let piece = text[range.clone()].trim();
        if piece.is_empty() {
            continue;
        }
        let Some(reason) = reason else {
            open = false;
            continue;
        };
        let words = collapse(piece);
        match skipped.last_mut() {
            Some(last) if open && last.reason == reason => {
                last.text.push(' ');
                last.text.push_str(&words);
            }
            _ => {
                let start =
                    range.start + (text[range.clone()].len() - text[range].trim_start().len());
                skipped.push(Skip {
                    reason,
                    text: words,
                    at: cursor.advance(text, start),
                    span: None,
                });
                open = true;
            }
        }
    }
    skipped
}

/// A position walked forward through a file, so that placing many
/// offsets in order costs one pass.
#[derive(Debug, Default)]
struct Cursor {
    offset: usize,
    line: usize,
    column: usize,
}

impl Cursor {
    /// The position of byte `offset` of `text`, at or after the last one.
    fn advance(&mut self, text: &str, offset: usize) -> Position {
        if self.line == 0 {
            (self.line, self.column) = (1, 1);
        }
        for c in text[self.offset..offset].chars() {
            if c == '\n' {
                self.line += 1;
                self.column = 1;
            } else {
                self.column += 1;
            }
        }
        self.offset = offset;
        Position {
            line: self.line,
            column: self.column,
        }
    }
}

/// What the walk over a page finds, as byte ranges of the file.
#[derive(Debug, Default)]
struct Page {
    /// The page's block elements, parents before children.
    blocks: Vec<Block>,
    /// The text of the main scope that is not boilerplate, in page order.
    chunks: Vec<Chunk>,
    /// The pieces of text of the first `<h1>`, between its inline tags.
    h1: Vec<Range<usize>>,
    /// Whether the first `<h1>` with text has ended.
    h1_done: bool,
    /// The text of `<title>`.
    title: Option<Range<usize>>,
    /// Text left out before the article's block is chosen: headings other
    /// than the headline, and text in skipped elements or out of scope.
    dropped: Vec<(Range<usize>, SkipReason)>,
    og_title: Option<Range<usize>>,
    site_name: Option<Range<usize>>,
    published: Option<Range<usize>>,
    url: Option<Range<usize>>,
}

/// An open element, with what it means for the text inside it.
#[derive(Debug)]
struct Open {
    name: String,
    /// Boilerplate: nothing inside is kept.
    skip: bool,
    /// The innermost block element at or around this one.
    block: usize,
}

/// How many open elements of each meaning surround the walk: kept as
/// counts so that a text costs the same at any depth of nesting.
#[derive(Debug, Default)]
struct Depths {
    skip: usize,
    h1: usize,
    heading: usize,
    scope: usize,
    furniture: usize,
    link: usize,
}

impl Depths {
    fn change(&mut self, open: &Open, scope: Option<&str>, by: isize) {
        let name = open.name.as_str();
        let bump = |count: &mut usize, when: bool| {
            if when {
                *count = count.saturating_add_signed(by);
            }
        };
        bump(&mut self.skip, open.skip);
        bump(&mut self.h1, name == "h1");
        bump(
            &mut self.heading,
            matches!(name, "h2" | "h3" | "h4" | "h5" | "h6"),
        );
        bump(&mut self.scope, scope == Some(name));
        bump(
            &mut self.furniture,
            matches!(name, "aside" | "footer" | "nav"),
        );
        bump(&mut self.link, name == "a");
    }
}

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "aside", "button", "figure", "footer", "form", "header", "iframe", "nav", "noscript", "select",
    "svg", "template",
];

/// Words in a class or id (split at `-` and `_`) that mark boilerplate.
const BOILERPLATE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "author",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "byline",
    "caption",
    "comment",
    "comments",
    "cookie",
    "credit",
    "menu",
    "modal",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "popup",
    "promo",
    "related",
    "share",
    "sharing",
    "sidebar",
    "signup",
    "social",
    "subscribe",
    "toolbar",
];

/// Words in a class or id that mark the article itself, which outweigh a
/// boilerplate word beside them ("post-content sidebar-aware"):
/// Readability's list.
const CONTENT_WORDS: &[&str] = &["article", "body", "column", "content", "main"];

/// ARIA roles of page furniture.
const BOILERPLATE_ROLES: &[&str] = &[
    "banner",
    "complementary",
    "contentinfo",
    "dialog",
    "navigation",
    "search",
];

/// Elements that sit inside a line of text; every other element is a block
/// of the page's layout ([`content`] scores blocks). Sorted.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i",
    "ins", "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub",
    "sup", "time", "tt", "u", "var",
];

/// Elements with no content and no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title"];

/// Elements that end an open paragraph when they start.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "div",
    "dl",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
];

impl Page {
    fn read(text: &str) -> Page {
        let lower = text.to_ascii_lowercase();
        let scope = ["<article", "<main"]
            .into_iter()
            .find(|tag| lower.contains(tag))
            .map(|tag| &tag[1..]);
        let bytes = text.as_bytes();
        let mut page = Page {
            blocks: vec![Block::root()],
            ..Page::default()
        };
        let mut walk = Walk {
            stack: Vec::new(),
            depths: Depths::default(),
            open_names: HashMap::new(),
            scope,
        };
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] != b'<' {
                let end = text[i..].find('<').map_or(text.len(), |p| i + p);
                page.text(i..end, &walk);
                i = end;
                continue;
            }
            let rest = &lower[i..];
            if rest.starts_with("<!--") {
                i = rest.find("-->").map_or(text.len(), |p| i + p + 3);
            } else if rest.starts_with("<!") || rest.starts_with("<?") {
                i = rest.find('>').map_or(text.len(), |p| i + p + 1);
            } else if rest.starts_with("</")
                && rest[2..].starts_with(|c: char| c.is_ascii_alphabetic())
            {
                let tag = Tag::read(text, i + 2);
                walk.close(&tag.name);
                if tag.name == "h1" && !page.h1.is_empty() {
                    page.h1_done = true;
                }
                i = tag.end;
            } else if rest[1..].starts_with(|c: char| c.is_ascii_alphabetic()) {
                let tag = Tag::read(text, i + 1);
                i = tag.end;
                if RAW_TEXT.contains(&tag.name.as_str()) {
                    let close = format!("</{}", tag.name);
                    let end = lower[i..].find(&close).map_or(text.len(), |p| i + p);
                    if tag.name == "title" && page.title.is_none() {
                        page.title = Some(i..end);
                    }
                    i = lower[end..].find('>').map_or(text.len(), |p| end + p + 1);
                    continue;
                }
                page.open(&tag, &mut walk);
            } else {
                page.text(i..i + 1, &walk);
                i += 1;
            }
        }
        page
    }

    fn open(&mut self, tag: &Tag, walk: &mut Walk) {
        let name = tag.name.as_str();
        if name == "meta" {
            self.meta(tag);
        }
        if name == "link"
            && tag
                .value("rel")
                .is_some_and(|rel| rel.contains("canonical"))
        {
            self.url = tag.value_range("href");
        }
        if name == "time" && self.published.is_none() {
            self.published = tag.value_range("datetime");
        }
        if BLOCKS.contains(&name) {
            while walk.stack.last().is_some_and(|open| open.name == "p") {
                walk.pop();
            }
            if name == "li" && walk.stack.last().is_some_and(|open| open.name == "li") {
                walk.pop();
            }
        }
        if VOID.contains(&name) || tag.self_closing {
            return;
        }
        let skip = SKIPPED.contains(&name) || tag.is_boilerplate();
        let around = walk.stack.last().map_or(ROOT, |open| open.block);
        let block = if INLINE.binary_search(&name).is_ok() {
            around
        } else {
            self.blocks.push(Block::new(around));
            self.blocks.len() - 1
        };
        walk.push(Open {
            name: name.to_string(),
            skip,
            block,
        });
    }

    fn meta(&mut self, tag: &Tag) {
        let key = tag.value("property").or_else(|| tag.value("name"));
        let slot = match key.map(str::to_ascii_lowercase).as_deref() {
            Some("og:title") => &mut self.og_title,
            Some("og:site_name") => &mut self.site_name,
            Some("article:published_time") => &mut self.published,
            Some("og:url") if self.url.is_none() => &mut self.url,
            _ => return,
        };
        *slot = tag.value_range("content");
    }

    fn text(&mut self, range: Range<usize>, walk: &Walk) {
        let depths = &walk.depths;
        let in_scope = walk.scope.is_none() || depths.scope > 0;
        if depths.h1 > 0 {
            // The headline often sits in the article's <header>, which is
            // otherwise left out; a site logo's <h1> sits outside the article.
            let in_article = in_scope && depths.furniture == 0;
            if !self.h1_done && in_article {
                self.h1.push(range);
            } else if in_article {
                self.dropped.push((range, SkipReason::Heading));
            } else {
                self.dropped.push((range, SkipReason::PageFurniture));
            }
            return;
        }
        if !in_scope || depths.skip > 0 {
            self.dropped.push((range, SkipReason::PageFurniture));
            return;
        }
        if depths.heading > 0 {
            self.dropped.push((range, SkipReason::Heading));
            return;
        }
        self.chunks.push(Chunk {
            range,
            block: walk.stack.last().map_or(ROOT, |open| open.block),
            link: depths.link > 0,
        });
    }
}

/// The walk's open elements, innermost last, and what they add up to.
struct Walk {
    stack: Vec<Open>,
    depths: Depths,
    /// How many elements of each name are open, so that an end tag with no
    /// start tag costs nothing however deep the page.
    open_names: HashMap<String, usize>,
    scope: Option<&'static str>,
}

impl Walk {
    fn push(&mut self, open: Open) {
        self.depths.change(&open, self.scope, 1);
        *self.open_names.entry(open.name.clone()).or_insert(0) += 1;
        self.stack.push(open);
    }

    fn pop(&mut self) {
        if let Some(open) = self.stack.pop() {
            self.depths.change(&open, self.scope, -1);
            if let Some(count) = self.open_names.get_mut(&open.name) {
                *count -= 1;
            }
        }
    }

    /// End the innermost open element called `name` and all inside it.
    fn close(&mut self, name: &str) {
        if self.open_names.get(name).is_none_or(|&count| count == 0) {
            return;
        }
        while let Some(open) = self.stack.last() {
            let last = open.name == name;
            self.pop();
            if last {
                return;
            }
        }
    }
}

/// A start or end tag: its lower-case name, its attributes (name and the
/// byte range of the value), and the offset just past its `>`.
#[derive(Debug)]
struct Tag<'a> {
    text: &'a str,
    name: String,
    attributes: Vec<(String, Range<usize>)>,
    self_closing: bool,
    end: usize,
}

impl<'a> Tag<'a> {
    /// Read the tag whose name starts at byte `from` of `text`.
    fn read(text: &'a str, from: usize) -> Tag<'a> {
        let bytes = text.as_bytes();
        let name_end = from
            + bytes[from..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
                .count();
        let mut tag = Tag {
            text,
            name: text[from..name_end].to_ascii_lowercase(),
            attributes: Vec::new(),
            self_closing: false,
            end: text.len(),
        };
        let mut i = name_end;
        while i < bytes.len() {
            match bytes[i] {
                b'>' => {
                    tag.end = i + 1;
                    return tag;
                }
                b'/' => {
                    tag.self_closing = bytes.get(i + 1) == Some(&b'>');
                    i += 1;
                }
                b if b.is_ascii_whitespace() => i += 1,
                _ => {
                    let start = i;
                    while i < bytes.len()
                        && !bytes[i].is_ascii_whitespace()
                        && !b"=>/".contains(&bytes[i])
                    {
                        i += 1;
                    }
                    let name = text[start..i].to_ascii_lowercase();
                    while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                        i += 1;
                    }
                    let mut value = i..i;
                    if bytes.get(i) == Some(&b'=') {
                        i += 1;
                        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                            i += 1;
                        }
                        match bytes.get(i) {
                            Some(&quote @ (b'"' | b'\'')) => {
                                let close = bytes[i + 1..]
                                    .iter()
                                    .position(|&b| b == quote)
                                    .map_or(bytes.len(), |p| i + 1 + p);
                                value = i + 1..close;
                                i = (close + 1).min(bytes.len());
                            }
                            _ => {
                                let start = i;
                                while i < bytes.len()
                                    && !bytes[i].is_ascii_whitespace()
                                    && bytes[i] != b'>'
                                {
                                    i += 1;
                                }
                                value = start..i;
                            }
                        }
                    }
                    tag.attributes.push((name, value));
                }
            }
        }
        tag
    }

    fn value_range(&self, name: &str) -> Option<Range<usize>> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, range)| range.clone())
    }

    fn value(&self, name: &str) -> Option<&'a str> {
        self.value_range(name).map(|range| &self.text[range])
    }

    /// Whether class, id, role or hiding marks the element as page furniture.
    fn is_boilerplate(&self) -> bool {
        let article_body = self
            .value("itemprop")
            .is_some_and(|v| v.eq_ignore_ascii_case("articleBody"));
        if matches!(self.name.as_str(), "html" | "body" | "article" | "main") || article_body {
            // Sites put ad and layout switches on the body, and the
            // author's name in the article's classes.
            return false;
        }
        let has_word = |attribute: &str, words: &[&str]| {
            self.value(attribute).is_some_and(|value| {
                value
                    .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
                    .any(|word| words.contains(&word.to_ascii_lowercase().as_str()))
            })
        };
        let marked = |attribute: &str| {
            has_word(attribute, BOILERPLATE_WORDS) && !has_word(attribute, CONTENT_WORDS)
        };
        let role = self.value("role").is_some_and(|role| {
            BOILERPLATE_ROLES.contains(&role.trim().to_ascii_lowercase().as_str())
        });
        let hidden = self.value_range("hidden").is_some()
            || self
                .value("aria-hidden")
                .is_some_and(|v| v.eq_ignore_ascii_case("true"))
            || self.value("style").is_some_and(|style| {
                let style: String = style
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect::<String>()
                    .to_ascii_lowercase();
                style.contains("display:none") || style.contains("visibility:hidden")
            });
        marked("class") || marked("id") || role || hidden
    }
}

/// `text` with everything outside `kept` blanked to spaces (newlines stay)
/// and entities in `kept` decoded, padded to their length in characters.
fn blank_except(text: &str, kept: &[Range<usize>]) -> String {
    let mut body = String::with_capacity(text.len());
    let mut at = 0;
    for range in kept {
        blank_into(&mut body, &text[at..range.start]);
        decode_into(&mut body, &text[range.clone()], true);
        at = range.end;
    }
    blank_into(&mut body, &text[at..]);
    body
}

fn blank_into(body: &mut String, text: &str) {
    body.extend(text.chars().map(|c| if c == '\n' { '\n' } else { ' ' }));
}

/// Decode character references. With `pad`, each decoded reference leaves
/// as many spaces as it was longer, put at the next whitespace (or the end)
/// so that words stay whole and the following words keep their columns.
fn decode_into(out: &mut String, text: &str, pad: bool) {
    let mut pending = 0;
    let mut rest = text;
    while let Some(at) = rest.find(|c: char| c == '&' || (pending > 0 && c.is_whitespace())) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if !rest.starts_with('&') {
            out.extend(std::iter::repeat_n(' ', pending));
            pending = 0;
            continue;
        }
        // Only the next few bytes are searched for the `;`, so that a text
        // of many `&` costs its length.
        let reference = rest.as_bytes()[1..]
            .iter()
            .take(MAX_REFERENCE + 1)
            .position(|&b| b == b';')
            .and_then(|semi| Some((character(&rest[1..semi + 2])?, semi + 2)));
        match reference {
            Some((decoded, len)) => {
                out.push_str(&decoded);
                if pad {
                    pending += rest[..len].chars().count() - decoded.chars().count();
                }
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out.extend(std::iter::repeat_n(' ', pending));
}

/// The longest character reference read: `&CounterClockwiseContourIntegral;`
/// is the longest name of HTML's list.
const MAX_REFERENCE: usize = 32;

fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    decode_into(&mut out, text, false);
    out
}

/// What a reference (`amp;`, `#8217;`, `#x2019;`, with its `;`) stands
/// for: a character, or two for a few named ones. Every name of the HTML
/// standard is known (through html-escape); control characters are not
/// decoded.
fn character(reference: &str) -> Option<String> {
    if let Some(number) = reference.strip_prefix('#') {
        let number = number.strip_suffix(';')?;
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code)
            .filter(|c| !c.is_control() || c.is_whitespace())
            .map(String::from);
    }
    let written = format!("&{reference}");
    let decoded = html_escape::decode_html_entities(&written);
    (decoded != written.as_str()).then(|| decoded.into_owned())
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The line and column of byte `offset` of `text`.
fn position_of(text: &str, offset: usize) -> Position {
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    Position {
        line: 1 + text[..offset].matches('\n').count(),
        column: 1 + text[line_start..offset].chars().count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html><head>
<title>Troops sent | News</title>
<meta property="og:site_name" content="The Daily &amp; Co">
<meta property="article:published_time" content="2025-11-21T10:00:00Z">
<link rel="canonical" href="https://daily.example/troops">
<script>var x = "<p>not text</p>";</script>
<style>p { color: red; }</style>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li>World</li></ul></nav>
<article>
<h1>Troops <em>sent</em> south</h1>
<p class="byline">By A. Writer</p>
<div class="share-tools"><p>Share this</p></div>
<p>The US sent 15,000 troops, officials said.</p>
<!-- <p>commented out</p> -->
<h2>Background</h2>
<p>It&rsquo;s the biggest &amp; latest<br>deployment.</p>
<figure><img src="a.png"><figcaption><p>A photo.</p></figcaption></figure>
<ul><li>One point.<li>Another point.</ul>
</article>
<aside><p>Related: other news.</p></aside>
<footer><p>Copyright.</p></footer>
</body></html>
"#;

    fn claims(body: &str) -> Vec<&str> {
        body.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect()
    }

    #[test]
    fn the_main_text_is_kept_and_boilerplate_dropped() {
        let v = parse(PAGE, "daily.html", "daily");
        assert_eq!(v.outlet, "The Daily & Co");
        assert_eq!(v.title.as_deref(), Some("Troops sent south"));
        assert_eq!(
            v.title_at,
            Position {
                line: 12,
                column: 5
            }
        );
        assert_eq!(v.published.as_deref(), Some("2025-11-21T10:00:00Z"));
        assert_eq!(v.url.as_deref(), Some("https://daily.example/troops"));
        assert_eq!(
            claims(&v.body),
            [
                "The US sent 15,000 troops, officials said.",
                "It’s       the biggest &     latest    deployment.",
                "One point.    Another point."
            ]
        );
    }

    #[test]
    fn kept_text_sits_at_its_line_and_column() {
        let v = parse(PAGE, "daily.html", "daily");
        assert_eq!(v.layout, Layout::Verbatim);
        let troops = v.body.find("The US").unwrap();
        assert_eq!(
            v.position_of(troops),
            Position {
                line: 15,
                column: 4
            }
        );
        let latest = v.body.find("latest").unwrap();
        assert_eq!(
            v.position_of(latest),
            Position {
                line: 18,
                column: 33
            }
        );
        assert_eq!(v.body.chars().count(), PAGE.chars().count());
    }

    #[test]
    fn a_page_without_paragraphs_keeps_its_loose_text() {
        let v = parse(
            "<html><body><div>Plain text here.</div><nav>Menu</nav></body></html>",
            "x.htm",
            "x",
        );
        assert_eq!(v.outlet, "x");
        assert_eq!(v.title, None);
        assert_eq!(claims(&v.body), ["Plain text here."]);
    }

    #[test]
    fn the_title_falls_back_to_og_title_then_title() {
        let v = parse(
            "<meta property=\"og:title\" content=\"From OG\"><title>From title</title><p>x</p>",
            "x.html",
            "x",
        );
        assert_eq!(v.title.as_deref(), Some("From OG"));
        let v = parse("<title>From title</title><p>x</p>", "x.html", "x");
        assert_eq!(v.title.as_deref(), Some("From title"));
        assert_eq!(v.title_at, Position { line: 1, column: 8 });
    }

    #[test]
    fn broken_markup_does_not_panic() {
        for page in [
            "<",
            "<p",
            "<p class=\"x",
            "</",
            "&",
            "&#xZZ;",
            "<script>",
            "<!--",
            "<p>é&",
        ] {
            let v = parse(page, "x.html", "x");
            assert_eq!(v.body.chars().count(), page.chars().count(), "{page}");
        }
    }

    #[test]
    fn the_headline_may_sit_in_the_article_header_but_not_the_site_header() {
        let page = "<header><h1 class=\"logo\">Site</h1></header>\n<article><header><h1>Real headline</h1><p class=\"dek\">Dek.</p></header><p>Body.</p></article>";
        let v = parse(page, "x.html", "x");
        assert_eq!(v.title.as_deref(), Some("Real headline"));
        assert_eq!(claims(&v.body), ["Body."]);
    }

    /// Once a page had a `<p>`, text in other elements was dropped,
    /// figures and all.
    #[test]
    fn html_div_text_is_kept_beside_paragraphs() {
        let page = "<html><body><article><h1>Fire</h1><p>The fire started on Monday, officials said.</p>\
            <div>The fire burned 300 homes in the valley.</div>\
            <table><tr><td>About 5,000 people fled their homes.</td></tr></table>\
            <dl><dt>Cause</dt><dd>Investigators blamed a power line.</dd></dl>\
            <pre>Evacuation orders stay in place.</pre>\
            <span>Schools reopen next week.</span></article></body></html>";
        let body = parse(page, "x.html", "x").body;
        for sentence in [
            "The fire started",
            "300 homes",
            "5,000 people",
            "Cause",
            "power line",
            "Evacuation orders",
            "Schools reopen",
        ] {
            assert!(body.contains(sentence), "{sentence:?} lost");
        }
    }

    /// A page without semantic tags and with obfuscated class names once
    /// kept its menu, related links, copyright line and a reader's comment,
    /// whose "10,000 people" became a figure.
    #[test]
    fn a_page_without_semantic_tags_keeps_the_article_not_the_furniture() {
        let page = r#"<html><head><title>Flood</title></head><body>
<div class="x1a"><ul><li><a href="/">Home</a></li><li><a href="/w">World</a></li><li><a href="/b">Business</a></li><li><a href="/s">Sport</a></li></ul></div>
<div class="q9z">
<div class="k2"><h1>River floods the old town</h1></div>
<div class="p7">The river rose two metres overnight, flooding 400 homes in the old town, the mayor said.</div>
<div class="p7">Rescue crews moved 1,200 residents to schools and sports halls, and more rain is forecast.</div>
<div class="p7">Engineers will inspect the bridges on Friday, when the water is expected to fall.</div>
</div>
<div class="r3"><a href="/a">Storm hits coast</a> <a href="/b">Rail lines closed by snow</a> <a href="/c">Heat wave ends</a> <a href="/d">Dam plans approved</a></div>
<div class="c5"><div class="u1">jsmith wrote:</div><div class="t4">10,000 people should have been moved.</div></div>
<div class="f0">© 2024 Daily Example</div>
</body></html>"#;
        let v = parse(page, "x.html", "x");
        assert_eq!(v.title.as_deref(), Some("River floods the old town"));
        for kept in ["400 homes", "1,200 residents", "on Friday"] {
            assert!(v.body.contains(kept), "{kept:?} lost");
        }
        for dropped in ["Home", "Storm hits", "10,000", "2024"] {
            assert!(!v.body.contains(dropped), "{dropped:?} kept");
        }
    }

    #[test]
    fn numeric_references_are_decoded() {
        assert_eq!(decode("&#8217;&#x2014;&bogus;&amp"), "’—&bogus;&amp");
        assert_eq!(decode("&hearts;&Ccedil;&frac12;&#0;"), "♥Ç½&#0;");
        let many = "&".repeat(100_000);
        assert_eq!(decode(&many), many);
    }
}
