//! Which text of a page is the article: page furniture taken out by the
//! page's own marks, then the main content chosen by `dom_smoothie`, a port
//! of Mozilla's Readability.
//!
//! First the elements that are never article text go: scripts, navigation,
//! headers, footers, asides, forms, figures, hidden elements, and elements
//! whose class, id or role names them as menus, share widgets, comments,
//! related links or ads ([`is_furniture`]). Readability then scores the
//! blocks of what is left by their running text, commas and links, keeps
//! the best one with its siblings of the same kind, and cleans out what in
//! it looks like furniture (link lists, forms, short share boxes), also on
//! pages whose class names say nothing. Every text node inside what it
//! kept is article text, whatever element holds it (`<p>`, `<div>`, table
//! cells, `<dd>`, `<pre>`, a bare `<span>`), except headings: the first
//! `<h1>` is the headline and subheadings are not claims.

use std::collections::{HashMap, HashSet};

use dom_query::{Document, NodeData, NodeId, NodeRef};
use dom_smoothie::Readability;
use html5ever::tendril::StrTendril;

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "aside", "button", "figure", "footer", "form", "header", "iframe", "nav", "noscript", "script",
    "select", "style", "svg", "template", "textarea",
];

/// Words in a class or id (split at `-` and `_`) that mark page furniture.
const FURNITURE_WORDS: &[&str] = &[
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

/// A class name or id of more parts than this (split at `-` and `_`) is a
/// slug made from a heading ("sharing-with-a-single-developer"), not a
/// mark of furniture.
const MAX_MARKER_PARTS: usize = 3;

/// Words in a class or id that mark the article itself, which outweigh a
/// furniture word beside them ("post-content sidebar-aware"):
/// Readability's list.
const CONTENT_WORDS: &[&str] = &["article", "body", "column", "content", "main"];

/// ARIA roles of page furniture.
const FURNITURE_ROLES: &[&str] = &[
    "banner",
    "complementary",
    "contentinfo",
    "dialog",
    "navigation",
    "search",
];

/// Headings: not claims (the headline is read apart).
const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];

/// The id `dom_smoothie` gives the element that holds the article.
const ARTICLE_ID: &str = "readability-page-1";

/// The text nodes of `doc` that make the article.
pub fn main_text(doc: Document) -> HashSet<NodeId> {
    remove_furniture(&doc);
    defuse_serializer(&doc);
    let Ok(mut readability) = Readability::with_document(doc, None, None) else {
        return HashSet::new();
    };
    let chosen = readability.parse().is_ok();
    let doc = &readability.doc;
    let root = if chosen {
        doc.select(&format!("#{ARTICLE_ID}"))
            .nodes()
            .first()
            .copied()
    } else {
        // Nothing scored as an article: every text left on the page.
        doc.select("body").nodes().first().copied()
    };
    root.map(|root| text_nodes(&root)).unwrap_or_default()
}

/// Take out of the document every element that [`is_furniture`] names,
/// and the blocks that are lists of links or copyright lines. Two passes
/// over the page: the characters and linked characters of each element,
/// then the walk down that takes out the outermost furniture.
fn remove_furniture(doc: &Document) {
    let root = doc.tree.root();
    let counts = char_counts(&root);
    let mut furniture = Vec::new();
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        if !node.is_element() && !node.is_document() {
            continue;
        }
        let name = name_of(&node);
        let Counts {
            chars,
            linked,
            links,
        } = counts.get(&node.id).copied().unwrap_or_default();
        let block = BLOCKS.contains(&name.as_str());
        let link_list = links >= MIN_LINKS_OF_LINK_LIST
            && linked as f64 >= chars as f64 * MAX_LINK_SHARE
            && chars - linked < MAX_PLAIN_CHARS_OF_LINK_LIST;
        let copyright = chars < MAX_COPYRIGHT_CHARS && is_copyright(&node);
        if node.is_element()
            && (is_furniture(&node) || (block && chars > 0 && (link_list || copyright)))
        {
            furniture.push(node.id);
        } else {
            stack.extend(node.children_it(false));
        }
    }
    for id in furniture {
        doc.tree.remove_from_parent(&id);
    }
}

/// What a node holds: characters (not whitespace), those of them in links,
/// and links.
#[derive(Debug, Clone, Copy, Default)]
struct Counts {
    chars: usize,
    linked: usize,
    links: usize,
}

/// Each node's [`Counts`], from the leaves up: one pass over the subtree.
fn char_counts(root: &NodeRef) -> HashMap<NodeId, Counts> {
    let mut order = Vec::new();
    let mut stack = vec![*root];
    while let Some(node) = stack.pop() {
        order.push(node);
        stack.extend(node.children_it(false));
    }
    let mut counts: HashMap<NodeId, Counts> = HashMap::new();
    for node in order.iter().rev() {
        let count = if node.is_text() {
            Counts {
                chars: node.text().chars().filter(|c| !c.is_whitespace()).count(),
                ..Counts::default()
            }
        } else {
            let mut sum = node
                .children_it(false)
                .fold(Counts::default(), |sum, child| {
                    let c = counts.get(&child.id).copied().unwrap_or_default();
                    Counts {
                        chars: sum.chars + c.chars,
                        linked: sum.linked + c.linked,
                        links: sum.links + c.links,
                    }
                });
            if name_of(node) == "a" {
                sum.linked = sum.chars;
                sum.links += 1;
            }
            sum
        };
        counts.insert(node.id, count);
    }
    counts
}

/// Make the page cheap to serialize. `dom_smoothie` ends by serializing
/// the article with html5ever, which scans to the end of a text for each
/// `&` and each character from U+0080 to U+00BF in it (their UTF-8 starts
/// with the byte it looks for): the square of a long text full of them.
/// Readability reads only the lengths, commas and words of the text and
/// the words of class names, so those characters become one plain
/// character each (a non-breaking space a space), in texts and attribute
/// values alike. The body is built from the parsed pieces, not this text.
fn defuse_serializer(doc: &Document) {
    let costly = |c: char| c == '&' || ('\u{80}'..='\u{bf}').contains(&c);
    let plain = |text: &str| -> Option<StrTendril> {
        text.contains(costly).then(|| {
            let plain: String = text
                .chars()
                .map(|c| match c {
                    '\u{a0}' => ' ',
                    c if costly(c) => '_',
                    c => c,
                })
                .collect();
            StrTendril::from(plain)
        })
    };
    let ids: Vec<NodeId> = doc.tree.root().descendants_it().map(|n| n.id).collect();
    for id in ids {
        doc.tree.update_node(&id, |node| match &mut node.data {
            NodeData::Text { contents } => {
                if let Some(text) = plain(contents) {
                    *contents = text;
                }
            }
            NodeData::Element(element) => {
                for attribute in &mut element.attrs {
                    if let Some(value) = plain(&attribute.value) {
                        attribute.value = value;
                    }
                }
            }
            _ => {}
        });
    }
}

/// Whether the element is page furniture: by its name, its class, id or
/// role, or because it is hidden. The body, the article and the main
/// element never are, nor an element marked as the article's body: sites
/// put layout switches on the body and the author's name in the article's
/// classes.
pub fn is_furniture(node: &NodeRef) -> bool {
    let Some(name) = node.node_name() else {
        return false;
    };
    let name = name.to_ascii_lowercase();
    if SKIPPED.contains(&name.as_str()) {
        return true;
    }
    let attribute = |key: &str| node.attr(key).map(|v| v.to_string());
    let article_body = attribute("itemprop").is_some_and(|v| v.eq_ignore_ascii_case("articleBody"));
    if matches!(name.as_str(), "html" | "body" | "article" | "main") || article_body {
        return false;
    }
    // Each class name or the id, split into its words.
    let names = |key: &str| -> Vec<Vec<String>> {
        attribute(key)
            .unwrap_or_default()
            .split_whitespace()
            .map(|name| {
                name.split(['-', '_'])
                    .map(|word| word.to_ascii_lowercase())
                    .collect()
            })
            .collect()
    };
    let marked = |key: &str| {
        let names = names(key);
        let has =
            |words: &[&str], name: &Vec<String>| name.iter().any(|w| words.contains(&w.as_str()));
        let furniture = names
            .iter()
            .any(|name| name.len() <= MAX_MARKER_PARTS && has(FURNITURE_WORDS, name));
        furniture && !names.iter().any(|name| has(CONTENT_WORDS, name))
    };
    let role = attribute("role")
        .is_some_and(|role| FURNITURE_ROLES.contains(&role.trim().to_ascii_lowercase().as_str()));
    let hidden = node.has_attr("hidden")
        || attribute("aria-hidden").is_some_and(|v| v.eq_ignore_ascii_case("true"))
        || attribute("style").is_some_and(|style| {
            let style: String = style
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            style.contains("display:none") || style.contains("visibility:hidden")
        });
    marked("class") || marked("id") || role || hidden
}

/// Block elements that a list of links or a copyright line can be.
const BLOCKS: &[&str] = &[
    "center", "dd", "div", "dl", "dt", "li", "ol", "p", "section", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "ul",
];

/// A block with at least this share of its text in links, and little other
/// text ([`MAX_PLAIN_CHARS_OF_LINK_LIST`]), is a menu or a list of related
/// links, not article text. Readability's own cleaning removes lists,
/// tables and `<div>`s over this share when they score low, but only inside
/// the block it chose, and old pages lay out their menus in table cells,
/// which it keeps with the article.
const MAX_LINK_SHARE: f64 = 0.5;

/// The fewest links of a list of links: one or two links in a short block
/// are a sentence's links ("Here's our <a>year in review</a>!").
const MIN_LINKS_OF_LINK_LIST: usize = 3;

/// The most characters outside links that a list of links has: its
/// heading ("Also on Town Crier", "Most read") and separators. A block
/// with more plain text than this holds more than links, such as the
/// article beside its menus.
const MAX_PLAIN_CHARS_OF_LINK_LIST: usize = 80;

/// A block shorter than this (in characters) that names a copyright is a
/// page's copyright line.
const MAX_COPYRIGHT_CHARS: usize = 200;

/// The text nodes inside `root`, headings left out.
fn text_nodes(root: &NodeRef) -> HashSet<NodeId> {
    let mut kept = HashSet::new();
    let mut stack = vec![*root];
    while let Some(node) = stack.pop() {
        if node.is_text() {
            kept.insert(node.id);
        } else if !HEADINGS.contains(&name_of(&node).as_str()) {
            stack.extend(node.children_it(false));
        }
    }
    kept
}

/// The lower-case name of an element, empty for other nodes.
fn name_of(node: &NodeRef) -> String {
    node.node_name()
        .map(|name| name.to_ascii_lowercase())
        .unwrap_or_default()
}

/// Whether a block's text is a copyright line: "©", "(c) 2026",
/// "Copyright 2026", "All rights reserved".
fn is_copyright(node: &NodeRef) -> bool {
    let text = node.text().to_lowercase();
    let text = text.trim_start();
    text.contains('©')
        || text.contains("all rights reserved")
        || text.starts_with("(c)")
        || text.starts_with("copyright")
}
