//! The page as a DOM, parsed by html5ever into a `dom_query` document, with
//! the line of every piece of text the tokenizer handed over.
//!
//! html5ever does the HTML standard's tokenizing, character references and
//! tree building. Two small wrappers sit around it: [`Recorder`], the tree
//! sink, notes which text node each piece of text went into and on which
//! line the tokenizer was, so that [`super::locate`] can find the piece in
//! the file; [`Guard`], between tokenizer and tree builder, keeps the tree
//! at most [`MAX_DEPTH`] elements deep, since the tree builder looks through
//! its stack of open elements for many tags and would cost the square of
//! the page on hostile nesting.

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};
use std::collections::HashMap;

use dom_query::{Document, NodeId};
use html5ever::buffer_queue::BufferQueue;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};
use html5ever::tree_builder::{
    ElementFlags, NodeOrText, QuirksMode, TreeBuilder, TreeBuilderOpts, TreeSink,
};
use html5ever::{Attribute, LocalName, QualName, TokenizerResult};

/// The deepest nesting of elements the tree gets: start tags deeper than
/// this are left out (their text stays, in the element around them), as
/// browsers cap the depth of the tree (Chromium at 512). Article pages
/// nest 10 to 40 elements deep; the tree builder's work per tag grows with
/// the depth, so this bounds it at a small constant.
pub const MAX_DEPTH: usize = 256;

/// A run of text as the tokenizer handed it to the tree: its characters
/// (references decoded), the text node that holds it, and the tokenizer's
/// line when it ended.
#[derive(Debug, Clone)]
pub struct Piece {
    pub node: NodeId,
    pub text: StrTendril,
    /// The line (from 1, counting as html5ever does) where the run ends.
    pub line: usize,
    /// Whether it is the content of an element the tokenizer reads as text
    /// (`<script>`, `<style>`, `<title>`, `<textarea>`, ...), where `<`
    /// starts no tag.
    pub raw: bool,
}

/// The parsed page.
pub struct Parsed {
    pub doc: Document,
    /// Every piece of text that is not only whitespace, in page order.
    pub pieces: Vec<Piece>,
    /// The line of each `<meta>` element's tag.
    pub meta_lines: HashMap<NodeId, usize>,
}

/// Parse `text` as an HTML document.
pub fn parse(text: &str) -> Parsed {
    let recorder = Recorder {
        doc: Document::default(),
        line: Cell::new(1),
        pieces: RefCell::new(Vec::new()),
        meta_lines: RefCell::new(HashMap::new()),
    };
    let builder = TreeBuilder::new(
        recorder,
        TreeBuilderOpts {
            // As dom_query parses: <noscript> holds elements, not text.
            scripting_enabled: false,
            ..TreeBuilderOpts::default()
        },
    );
    let tokenizer = Tokenizer::new(Guard::new(builder), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from(text));
    // The text is already decoded: a script or an encoding the page names
    // only pauses the tokenizer.
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    let recorder = tokenizer.sink.inner.sink;
    Parsed {
        doc: recorder.doc,
        pieces: recorder.pieces.into_inner(),
        meta_lines: recorder.meta_lines.into_inner(),
    }
}

/// The tree sink: a `dom_query` document that also records the pieces of
/// text and where the tokenizer was.
struct Recorder {
    doc: Document,
    line: Cell<u64>,
    pieces: RefCell<Vec<Piece>>,
    meta_lines: RefCell<HashMap<NodeId, usize>>,
}

impl Recorder {
    fn record(&self, node: Option<NodeId>, raw: bool, text: &StrTendril) {
        let blank = text
            .bytes()
            .all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c'));
        if let (Some(node), false) = (node, blank) {
            self.pieces.borrow_mut().push(Piece {
                node,
                text: text.clone(),
                line: usize::try_from(self.line.get()).unwrap_or(usize::MAX),
                raw,
            });
        }
    }
}

impl TreeSink for Recorder {
    type Handle = NodeId;
    type Output = Self;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Self {
        self
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn set_current_line(&self, line: u64) {
        self.line.set(line);
    }

    fn get_document(&self) -> NodeId {
        self.doc.get_document()
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        self.doc.elem_name(target)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let meta = &*name.local == "meta";
        let id = self.doc.create_element(name, attrs, flags);
        if meta {
            let line = usize::try_from(self.line.get()).unwrap_or(usize::MAX);
            self.meta_lines.borrow_mut().insert(id, line);
        }
        id
    }

    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.doc.create_comment(text)
    }

    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.doc.create_pi(target, data)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        match child {
            NodeOrText::AppendText(text) => {
                self.doc
                    .append(parent, NodeOrText::AppendText(text.clone()));
                let raw = self
                    .doc
                    .tree
                    .get_name(parent)
                    .is_some_and(|name| RAW_TEXT.contains(&&*name.local));
                let node = self.doc.tree.last_child_of(parent).map(|n| n.id);
                self.record(node, raw, &text);
            }
            node => self.doc.append(parent, node),
        }
    }

    fn append_before_sibling(&self, sibling: &NodeId, child: NodeOrText<NodeId>) {
        match child {
            NodeOrText::AppendText(text) => {
                self.doc
                    .append_before_sibling(sibling, NodeOrText::AppendText(text.clone()));
                let node = self.doc.tree.prev_sibling_of(sibling).map(|n| n.id);
                self.record(node, false, &text);
            }
            node => self.doc.append_before_sibling(sibling, node),
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        if self.doc.tree.parent_of(element).is_some() {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, name: StrTendril, public: StrTendril, system: StrTendril) {
        self.doc.append_doctype_to_document(name, public, system);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.doc.get_template_contents(target)
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.doc.set_quirks_mode(mode);
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.doc.add_attrs_if_missing(target, attrs);
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.doc.remove_from_parent(target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.doc.reparent_children(node, new_parent);
    }

    fn is_mathml_annotation_xml_integration_point(&self, handle: &NodeId) -> bool {
        self.doc.is_mathml_annotation_xml_integration_point(handle)
    }
}

/// How many formatting elements (`<b>`, `<font>`, `<em>`, ...; not `<a>`,
/// which a new `<a>` ends) may be open and not ended by their end tag. The
/// tree builder opens all of them again in every new paragraph or cell, so
/// unended formatting tags would grow the tree with the square of the
/// page; past this count their start tags (styling, no text) are left out.
/// Real pages leave one or two open.
pub const MAX_FORMATTING: usize = 4;

/// The formatting elements of the HTML standard.
const FORMATTING: &[&str] = &[
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// Elements without content or end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements whose content the tokenizer reads as text up to the end tag: they
/// are never left out, or their content would be read as markup.
const RAW_TEXT: &[&str] = &[
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
];

/// Start tags that end an open paragraph, as in the tree builder.
const ENDS_PARAGRAPH: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "dd",
    "div",
    "dl",
    "dt",
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

/// Between tokenizer and tree builder: follows the nesting of start and end
/// tags (with the implied ends of `<p>`, `<li>`, `<dt>`, `<dd>`, table
/// cells and rows, `<option>`) and drops the start tags, and their end
/// tags, that would nest deeper than [`MAX_DEPTH`] or open more than
/// [`MAX_FORMATTING`] formatting elements. It keeps counts of what is
/// open, so a stray end tag costs the same at any depth.
struct Guard<S> {
    inner: S,
    open: RefCell<Vec<LocalName>>,
    counts: RefCell<HashMap<LocalName, usize>>,
    dropped: RefCell<HashMap<LocalName, usize>>,
    /// Formatting elements started and not ended by their end tag, by name.
    formatting: RefCell<HashMap<LocalName, usize>>,
}

impl<S> Guard<S> {
    fn new(inner: S) -> Guard<S> {
        Guard {
            inner,
            open: RefCell::new(Vec::new()),
            counts: RefCell::new(HashMap::new()),
            dropped: RefCell::new(HashMap::new()),
            formatting: RefCell::new(HashMap::new()),
        }
    }

    /// Whether the tree builder gets the tag.
    fn admit(&self, kind: TagKind, name: &LocalName) -> bool {
        let mut open = self.open.borrow_mut();
        let mut counts = self.counts.borrow_mut();
        let pop = |open: &mut Vec<LocalName>, counts: &mut HashMap<LocalName, usize>| {
            if let Some(top) = open.pop()
                && let Some(count) = counts.get_mut(&top)
            {
                *count -= 1;
            }
        };
        let top_is = |open: &Vec<LocalName>, names: &[&str]| {
            open.last().is_some_and(|top| names.contains(&&**top))
        };
        let tag: &str = name;
        let mut formatting = self.formatting.borrow_mut();
        if kind == TagKind::EndTag {
            let mut dropped = self.dropped.borrow_mut();
            if let Some(count) = dropped.get_mut(name).filter(|count| **count > 0) {
                *count -= 1;
                return false;
            }
            if let Some(count) = formatting.get_mut(name) {
                *count = count.saturating_sub(1);
            }
            if counts.get(name).is_some_and(|&count| count > 0) {
                while let Some(top) = open.last() {
                    let last = top == name;
                    pop(&mut open, &mut counts);
                    if last {
                        break;
                    }
                }
            }
            return true;
        }
        if VOID.contains(&tag) {
            return true;
        }
        if ENDS_PARAGRAPH.contains(&tag) && top_is(&open, &["p"]) {
            pop(&mut open, &mut counts);
        }
        let implied: &[&str] = match tag {
            "li" => &["li"],
            "dt" | "dd" => &["dt", "dd"],
            "td" | "th" => &["td", "th"],
            "tr" => &["td", "th", "tr"],
            "option" => &["option"],
            _ => &[],
        };
        while top_is(&open, implied) {
            pop(&mut open, &mut counts);
        }
        let is_formatting = FORMATTING.contains(&tag);
        // A new <a> or <nobr> ends the one before: they never pile up.
        let ends_previous = matches!(tag, "a" | "nobr");
        let too_much_formatting =
            is_formatting && !ends_previous && formatting.values().sum::<usize>() >= MAX_FORMATTING;
        if (open.len() >= MAX_DEPTH || too_much_formatting) && !RAW_TEXT.contains(&tag) {
            *self.dropped.borrow_mut().entry(name.clone()).or_insert(0) += 1;
            return false;
        }
        if is_formatting && !ends_previous {
            *formatting.entry(name.clone()).or_insert(0) += 1;
        }
        open.push(name.clone());
        *counts.entry(name.clone()).or_insert(0) += 1;
        true
    }
}

impl<S: TokenSink> TokenSink for Guard<S> {
    type Handle = S::Handle;

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<S::Handle> {
        if let Token::TagToken(tag) = &token
            && !self.admit(tag.kind, &tag.name)
        {
            return TokenSinkResult::Continue;
        }
        self.inner.process_token(token, line)
    }

    fn end(&self) {
        self.inner.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.inner
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_piece_has_its_line_and_node() {
        let parsed = parse("<p>One\ntwo</p>\n<p>It&rsquo;s\n</p>");
        let pieces: Vec<(&str, usize)> = parsed
            .pieces
            .iter()
            .map(|p| (p.text.as_ref(), p.line))
            .collect();
        // A run is reported on the line where it ends; a reference is a
        // piece of its own, in the same text node.
        assert_eq!(pieces, [("One\ntwo", 2), ("It", 3), ("’", 3), ("s", 3)]);
        let nodes: Vec<NodeId> = parsed.pieces.iter().map(|p| p.node).collect();
        assert_ne!(nodes[0], nodes[1]);
        assert!(nodes[1..].iter().all(|&n| n == nodes[1]));
    }

    #[test]
    fn unended_formatting_tags_stop_piling_up() {
        let page: String = (0..200)
            .map(|i| format!("<p><b id={i}>Fire {i}.</p>"))
            .collect();
        let parsed = parse(&page);
        // Each paragraph holds the formatting elements opened before it.
        let bold = parsed.doc.select("b").length();
        assert!(bold <= 200 * (MAX_FORMATTING + 1), "{bold} <b>");
        assert!(parsed.doc.select("body").text().contains("Fire 199."));
    }

    #[test]
    fn nesting_deeper_than_the_cap_keeps_its_text() {
        let page = format!(
            "{}deep text{}",
            "<div>".repeat(1_000),
            "</div>".repeat(1_000)
        );
        let parsed = parse(&page);
        let body = parsed.doc.select("body");
        assert!(body.text().contains("deep text"));
        let deepest = parsed.doc.select("div").length();
        assert!(deepest <= MAX_DEPTH, "{deepest} divs");
    }
}
