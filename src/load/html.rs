//! HTML: an article page's main text, boilerplate left out.
//!
//! html5ever parses the page as a browser does, character references
//! decoded by the standard's full list ([`tree`]). Each piece of text is
//! then found in the file ([`locate`]), and the article is chosen on the
//! parsed page ([`content`]): furniture marked as such taken out, then
//! Readability's choice of the main content (through `dom_smoothie`). The
//! first `<h1>` of the article (else `og:title`, else `<title>`) is the
//! headline and other headings are left out. The outlet is
//! `og:site_name`, the date `article:published_time` (or the first
//! `<time datetime>`), the address the canonical link (or `og:url`).
//!
//! The body is the file with everything but the article's text blanked to
//! spaces (newlines stay) and references decoded in place, padded to their
//! length, so every kept character sits at its line and column in the file
//! ([`Layout::Verbatim`]).

mod content;
mod locate;
mod tree;

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use dom_query::{Document, NodeId, NodeRef};

use crate::model::{Layout, Position, Skip, SkipReason, Version};

/// An `.html` page from `source`, named after `stem` unless it names its site.
pub fn parse(text: &str, source: &str, stem: &str) -> Version {
    let tree::Parsed {
        doc,
        pieces,
        meta_lines,
    } = tree::parse(text);
    let places = locate::locate(text, &pieces);
    let meta = Meta::read(&doc);
    let (title, title_at) = headline(&doc, &meta, &pieces, &places, &meta_lines, text);
    let headings = heading_text(&doc, meta.h1);
    let kept = content::main_text(doc);
    let mut body = Body::new(text);
    let mut left_out = LeftOut::default();
    for (piece, place) in pieces.iter().zip(places) {
        let Some(range) = place else {
            continue;
        };
        if kept.contains(&piece.node) {
            body.keep(range, &piece.text);
            left_out.close();
        } else if !piece.raw && !headings.headline.contains(&piece.node) {
            let reason = if headings.other.contains(&piece.node) {
                SkipReason::Heading
            } else {
                SkipReason::PageFurniture
            };
            left_out.push(text, range, reason);
        }
    }

    Version {
        outlet: meta.site_name.unwrap_or_else(|| stem.to_string()),
        source: source.to_string(),
        title,
        published: meta.published,
        url: meta.url,
        body: body.finish(),
        title_at,
        body_at: Position::START,
        layout: Layout::Verbatim,
        skipped: left_out.skipped,
    }
}

/// The text nodes of the page's headings: those of the headline's `<h1>`,
/// which is the version's title and no loss, and those of every other
/// heading, which are left out of the body as subheadings.
#[derive(Debug, Default)]
struct Headings {
    headline: HashSet<NodeId>,
    other: HashSet<NodeId>,
}

fn heading_text(doc: &Document, headline: Option<NodeId>) -> Headings {
    let mut out = Headings::default();
    for node in doc.tree.root().descendants_it() {
        let is_heading = node
            .node_name()
            .is_some_and(|name| matches!(name.as_ref(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6"));
        if !is_heading {
            continue;
        }
        let set = if Some(node.id) == headline {
            &mut out.headline
        } else {
            &mut out.other
        };
        set.extend(node.descendants_it().map(|n| n.id));
    }
    out
}

/// The page's text left out of the body, as stretches of one reason:
/// consecutive left-out pieces with no kept text between them are one
/// stretch. They are outside the body, so they have no span.
#[derive(Debug, Default)]
struct LeftOut {
    skipped: Vec<Skip>,
    open: bool,
    cursor: Cursor,
}

impl LeftOut {
    /// Kept text comes between the stretch before and the next.
    fn close(&mut self) {
        self.open = false;
    }

    fn push(&mut self, text: &str, range: Range<usize>, reason: SkipReason) {
        let piece = text[range.clone()].trim();
        if piece.is_empty() {
            return;
        }
        let words = collapse(piece);
        match self.skipped.last_mut() {
            Some(last) if self.open && last.reason == reason => {
                last.text.push(' ');
                last.text.push_str(&words);
            }
            _ => {
                let start =
                    range.start + (text[range.clone()].len() - text[range].trim_start().len());
                self.skipped.push(Skip {
                    reason,
                    text: words,
                    at: self.cursor.advance(text, start),
                    span: None,
                });
                self.open = true;
            }
        }
    }
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
        for c in text[self.offset..offset.max(self.offset)].chars() {
            if c == '\n' {
                self.line += 1;
                self.column = 1;
            } else {
                self.column += 1;
            }
        }
        self.offset = self.offset.max(offset);
        Position {
            line: self.line,
            column: self.column,
        }
    }
}

/// What the page says of itself, and where its headline may be.
#[derive(Debug, Default)]
struct Meta {
    site_name: Option<String>,
    published: Option<String>,
    url: Option<String>,
    /// The `<meta>` element that gives `og:title`, and its value.
    og_title: Option<(NodeId, String)>,
    /// The first `<title>`.
    title: Option<NodeId>,
    /// The first `<h1>` with text in the article (else `<main>`, else the
    /// page), outside navigation, asides and footers.
    h1: Option<NodeId>,
}

impl Meta {
    fn read(doc: &Document) -> Meta {
        let mut meta = Meta::default();
        let mut canonical = None;
        let mut og_url = None;
        let mut time = None;
        let scope = ["article", "main"]
            .into_iter()
            .find(|name| doc.select(name).exists());
        for node in doc.tree.root().descendants_it() {
            let Some(name) = node.node_name() else {
                continue;
            };
            let value = |key: &str| {
                node.attr(key)
                    .map(|v| collapse(&v))
                    .filter(|v| !v.is_empty())
            };
            match name.as_ref() {
                "meta" => {
                    let key = value("property")
                        .or_else(|| value("name"))
                        .map(|k| k.to_ascii_lowercase());
                    let Some(content) = value("content") else {
                        continue;
                    };
                    let slot = match key.as_deref() {
                        Some("og:title") => {
                            meta.og_title.get_or_insert((node.id, content));
                            continue;
                        }
                        Some("og:site_name") => &mut meta.site_name,
                        Some("article:published_time") => &mut meta.published,
                        Some("og:url") => &mut og_url,
                        _ => continue,
                    };
                    slot.get_or_insert(content);
                }
                "link" if value("rel").is_some_and(|rel| rel.contains("canonical")) => {
                    canonical = canonical.or_else(|| value("href"));
                }
                "time" => time = time.or_else(|| value("datetime")),
                "title" => meta.title = meta.title.or(Some(node.id)),
                "h1" if meta.h1.is_none() && is_headline(&node, scope) => {
                    meta.h1 = Some(node.id);
                }
                _ => {}
            }
        }
        meta.published = meta.published.or(time);
        meta.url = canonical.or(og_url);
        meta
    }
}

/// Whether an `<h1>` can be the headline: it has text, sits inside the
/// scope element (`<article>` or `<main>`) when the page has one, and
/// outside navigation, asides and footers (a site logo's `<h1>`).
fn is_headline(h1: &NodeRef, scope: Option<&str>) -> bool {
    if h1.text().trim().is_empty() {
        return false;
    }
    let mut in_scope = scope.is_none();
    for ancestor in h1.ancestors_it(None) {
        match ancestor.node_name().as_deref() {
            Some("nav" | "aside" | "footer") => return false,
            Some(name) if Some(name) == scope => in_scope = true,
            _ => {}
        }
    }
    in_scope
}

/// The headline and where it starts: the `<h1>`'s text, else `og:title`,
/// else `<title>`.
fn headline(
    doc: &Document,
    meta: &Meta,
    pieces: &[tree::Piece],
    places: &[Option<Range<usize>>],
    meta_lines: &HashMap<NodeId, usize>,
    text: &str,
) -> (Option<String>, Position) {
    // The first piece of text inside `element`, found in the file.
    let first_piece = |element: NodeId| {
        let inside: HashSet<NodeId> = doc
            .tree
            .get(&element)
            .map(|node| node.descendants_it().map(|n| n.id).collect())
            .unwrap_or_default();
        pieces
            .iter()
            .zip(places)
            .find_map(|(piece, place)| {
                let range = place.as_ref().filter(|_| inside.contains(&piece.node))?;
                let blank = piece.text.len() - piece.text.trim_start().len();
                let literal = &text[range.clone()] == piece.text.as_ref();
                Some(position_of(
                    text,
                    range.start + if literal { blank } else { 0 },
                ))
            })
            .unwrap_or(Position::START)
    };
    let element_text = |element: NodeId| {
        doc.tree
            .get(&element)
            .map(|node| collapse(&node.text()))
            .filter(|t| !t.is_empty())
    };
    if let Some((h1, title)) = meta.h1.and_then(|h1| Some((h1, element_text(h1)?))) {
        return (Some(title), first_piece(h1));
    }
    if let Some((node, title)) = &meta.og_title {
        let at = meta_lines.get(node).map_or(Position::START, |&line| {
            attribute_position(text, line, title)
        });
        return (Some(title.clone()), at);
    }
    if let Some((node, title)) = meta.title.and_then(|t| Some((t, element_text(t)?))) {
        return (Some(title), first_piece(node));
    }
    (None, Position::START)
}

/// Where `value` is written on `line` of `text` (its first line that has
/// it, looking back from the tag's end), else the line's start.
fn attribute_position(text: &str, line: usize, value: &str) -> Position {
    let starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line = line.clamp(1, starts.len());
    let start = starts[line - 1];
    let end = starts.get(line).copied().unwrap_or(text.len());
    match text[start..end].find(value) {
        Some(at) => position_of(text, start + at),
        None => Position { line, column: 1 },
    }
}

/// The body being built: the file's text with everything outside the kept
/// pieces blanked.
struct Body<'a> {
    text: &'a str,
    out: String,
    /// Bytes of `text` written so far.
    at: usize,
    /// Characters a decoded reference was shorter than its source: spaces
    /// owed at the next whitespace, so that words stay whole and the next
    /// words keep their columns.
    pending: usize,
}

impl<'a> Body<'a> {
    fn new(text: &'a str) -> Body<'a> {
        Body {
            text,
            out: String::with_capacity(text.len()),
            at: 0,
            pending: 0,
        }
    }

    /// Keep `piece`, found at `range` of the file.
    fn keep(&mut self, range: Range<usize>, piece: &str) {
        if range.start < self.at {
            return;
        }
        self.blank_to(range.start);
        let source = &self.text[range.clone()];
        if source == piece {
            match piece.find(char::is_whitespace).filter(|_| self.pending > 0) {
                Some(space) => {
                    self.out.push_str(&piece[..space]);
                    self.pay();
                    self.out.push_str(&piece[space..]);
                }
                None => self.out.push_str(piece),
            }
        } else {
            // A decoded reference: never longer than what it decodes.
            let room = source.chars().count();
            let decoded: String = piece.chars().take(room).collect();
            self.out.push_str(&decoded);
            self.pending += room - decoded.chars().count();
        }
        self.at = range.end;
    }

    fn blank_to(&mut self, to: usize) {
        if to > self.at {
            self.pay();
            let gap = &self.text[self.at..to];
            self.out
                .extend(gap.chars().map(|c| if c == '\n' { '\n' } else { ' ' }));
            self.at = to;
        }
    }

    fn pay(&mut self) {
        self.out.extend(std::iter::repeat_n(' ', self.pending));
        self.pending = 0;
    }

    fn finish(mut self) -> String {
        self.blank_to(self.text.len());
        self.pay();
        self.out
    }
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
    fn references_are_decoded_as_a_browser_does() {
        let page =
            "<p>&#8217;&#x2014; &bogus; &amp x &hearts;&Ccedil;&frac12;&#0; &#150; &notit;</p>";
        let body = parse(page, "x.html", "x").body;
        assert_eq!(collapse(&body), "’— &bogus; & x ♥Ç½\u{fffd} – ¬it;");
        // A reference sits where it was written, and the words after the
        // next space keep their columns.
        let column = |text: &str, word: &str| text[..text.find(word).unwrap()].chars().count();
        assert_eq!(column(&body, "x"), column(page, " x ") + 1);
        assert_eq!(column(&body, "–"), column(page, "&#150;"));
        let many = format!("<p>{}</p>", "&".repeat(100_000));
        let body = parse(&many, "x.html", "x").body;
        assert_eq!(body.trim(), "&".repeat(100_000));
    }
}
