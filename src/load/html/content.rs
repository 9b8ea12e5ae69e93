//! Which part of a page is the article: the block that holds the most
//! running text, by the scoring of Mozilla's Readability.
//!
//! Every block element of the page (everything but inline markup) is a
//! node; each piece of text belongs to its innermost block. A block with a
//! paragraph's worth of text of its own ([`MIN_PARAGRAPH_CHARS`]) gives
//! points to its parent (and half to its grandparent): one, one per comma,
//! one per hundred characters up to three. A block's points are scaled down
//! by the share of its text that sits in links, so menus and link lists
//! lose. The best block is the article; its sibling blocks join when they
//! score nearly as well or hold a paragraph of plain text, and it widens to
//! its parent while the parent is not mostly links. All text inside
//! the chosen blocks is kept, whatever element holds it (`<div>`, table
//! cells, `<dd>`, `<pre>`, a bare `<span>`), so that no sentence of the
//! article is lost for being outside a `<p>`. Every step is one pass over
//! the blocks or the text: the cost is linear in the page.

use std::ops::Range;

/// The block that stands for the whole page.
pub const ROOT: usize = 0;

/// Characters (not counting whitespace) of a block's own text from which it
/// counts as a paragraph, as in Readability: shorter text is a label, a
/// button, a caption.
pub const MIN_PARAGRAPH_CHARS: usize = 25;

/// Characters per point of length, and the most points length gives
/// (Readability's values).
const CHARS_PER_POINT: usize = 100;
const MAX_LENGTH_POINTS: usize = 3;

/// When the article is split into many like blocks (a how-to's steps, a
/// live blog's posts), the best few score alike: of the
/// [`TOP_CANDIDATES`] best blocks, those within [`ALIKE_SHARE`] of the best
/// are alike, and the article is their nearest common ancestor that holds
/// at least [`MIN_ALIKE`] of them (Readability's values).
const TOP_CANDIDATES: usize = 5;
const ALIKE_SHARE: f64 = 0.75;
const MIN_ALIKE: usize = 3;

/// The article's block widens to its parent while less than this share of
/// the parent's text is in links: text that the scoring split into parts
/// (steps, sections, a paragraph per `<div>`) is kept whole, and the climb
/// stops at the page's menus and link lists. Chosen on the Readability
/// test pages in two folds (0.05 and 0.1 best on either half; F1 on the
/// other half 0.90 against 0.88 without the climb); `docs/html.md`.
const MAX_CLIMB_LINK_SHARE: f64 = 0.1;

/// A sibling block joins the article when it scores at least this share
/// of the best block (Readability's value)...
const SIBLING_SHARE: f64 = 0.2;
/// ...and at least this many points, so that weak pages do not pull in
/// every neighbour.
const MIN_SIBLING_SCORE: f64 = 10.0;

/// A sibling block of plain text joins when its text is longer than this
/// and less than [`MAX_SIBLING_LINK_SHARE`] of it is in links.
const MIN_SIBLING_CHARS: usize = 80;
const MAX_SIBLING_LINK_SHARE: f64 = 0.25;

/// A block element of the page.
#[derive(Debug, Clone, Copy)]
pub struct Block {
    /// The enclosing block; the root is its own parent.
    pub parent: usize,
}

impl Block {
    /// The block for the whole page.
    pub fn root() -> Block {
        Block { parent: ROOT }
    }

    /// A block inside `parent`.
    pub fn new(parent: usize) -> Block {
        Block { parent }
    }
}

/// A piece of text of the page, outside any boilerplate.
#[derive(Debug, Clone)]
pub struct Chunk {
    /// Its bytes in the file.
    pub range: Range<usize>,
    /// Its innermost block.
    pub block: usize,
    /// Whether it is the text of a link.
    pub link: bool,
}

/// The ranges of the chunks that make the article, in page order. Blocks
/// come parents first (a block's index is above its parent's).
pub fn main_text(blocks: &[Block], chunks: &[Chunk], text: &str) -> Vec<Range<usize>> {
    let n = blocks.len();
    let mut own = vec![0usize; n];
    let mut own_linked = vec![0usize; n];
    let mut commas = vec![0usize; n];
    for chunk in chunks {
        let piece = &text[chunk.range.clone()];
        let chars = piece.chars().filter(|c| !c.is_whitespace()).count();
        own[chunk.block] += chars;
        commas[chunk.block] += piece.matches(',').count();
        if chunk.link {
            own_linked[chunk.block] += chars;
        }
    }
    let (mut total, mut linked) = (own.clone(), own_linked.clone());
    for b in (1..n).rev() {
        let parent = blocks[b].parent;
        total[parent] += total[b];
        linked[parent] += linked[b];
    }
    let link_share = |b: usize| {
        if total[b] == 0 {
            0.0
        } else {
            linked[b] as f64 / total[b] as f64
        }
    };
    let mut points = vec![0.0f64; n];
    for b in 0..n {
        let plain = own[b] - own_linked[b];
        if plain < MIN_PARAGRAPH_CHARS {
            continue;
        }
        let score =
            1.0 + commas[b] as f64 + (plain / CHARS_PER_POINT).min(MAX_LENGTH_POINTS) as f64;
        let parent = blocks[b].parent;
        points[parent] += score;
        if parent != ROOT {
            points[blocks[parent].parent] += score / 2.0;
        }
    }
    let score = |b: usize| points[b] * (1.0 - link_share(b));
    // The best block; ties go to the first in the page.
    let Some(top) = (0..n)
        .filter(|&b| score(b) > 0.0)
        .fold(None, |best: Option<usize>, b| match best {
            Some(best) if score(best) >= score(b) => Some(best),
            _ => Some(b),
        })
    else {
        return chunks.iter().map(|c| c.range.clone()).collect();
    };
    let mut top = common_ancestor(blocks, &score, top, n);
    while top != ROOT && link_share(blocks[top].parent) < MAX_CLIMB_LINK_SHARE {
        top = blocks[top].parent;
    }
    let mut kept = vec![false; n];
    kept[top] = true;
    if top != ROOT {
        let parent = blocks[top].parent;
        let bar = (score(top) * SIBLING_SHARE).max(MIN_SIBLING_SCORE);
        for b in 1..n {
            if b == top || blocks[b].parent != parent {
                continue;
            }
            let plain_paragraph =
                total[b] > MIN_SIBLING_CHARS && link_share(b) < MAX_SIBLING_LINK_SHARE;
            kept[b] = score(b) >= bar || plain_paragraph;
        }
    }
    let mut inside = kept;
    for b in 1..n {
        inside[b] = inside[b] || inside[blocks[b].parent];
    }
    chunks
        .iter()
        .filter(|c| inside[c.block])
        .map(|c| c.range.clone())
        .collect()
}

/// The block to take for `top`: itself, or the nearest ancestor that holds
/// [`MIN_ALIKE`] of the blocks that score alike with it. One walk up from
/// each of a handful of blocks: linear in the depth of the page.
fn common_ancestor(blocks: &[Block], score: &dyn Fn(usize) -> f64, top: usize, n: usize) -> usize {
    let mut best: Vec<usize> = Vec::with_capacity(TOP_CANDIDATES + 1);
    for b in 0..n {
        let s = score(b);
        if s <= 0.0 {
            continue;
        }
        let at = best.partition_point(|&o| score(o) >= s);
        if at < TOP_CANDIDATES {
            best.insert(at, b);
            best.truncate(TOP_CANDIDATES);
        }
    }
    let alike: Vec<usize> = best
        .into_iter()
        .filter(|&b| b != top && score(b) >= score(top) * ALIKE_SHARE)
        .collect();
    if alike.len() < MIN_ALIKE {
        return top;
    }
    let mut holds: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for &b in &alike {
        let mut at = b;
        while at != ROOT {
            at = blocks[at].parent;
            *holds.entry(at).or_insert(0) += 1;
        }
    }
    let mut at = top;
    while at != ROOT {
        at = blocks[at].parent;
        if holds.get(&at).is_some_and(|&count| count >= MIN_ALIKE) {
            return at;
        }
    }
    top
}
