//! A deterministic generator of synthetic multi-outlet stories for benchmarks.
//!
//! Each story has a set of base claims; each outlet's version carries most of
//! them, paraphrased (words swapped for a fixed alternative or dropped, a
//! clause moved), some with a changed figure, some left out, plus a few claims
//! of its own. Every generated sentence remembers its base claim so that a
//! benchmark can check how well alignment recovers them.

#![allow(dead_code)]

use storydiff::model::{Layout, Position, Story, Version};

/// A small, seeded, deterministic random number generator (SplitMix64).
pub struct Rng(u64);

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// A number in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A Zipf-like pick in `0..n`: low indices far more often.
    pub fn skewed(&mut self, n: usize) -> usize {
        ((n as f64).powf(self.unit()) - 1.0) as usize % n
    }
}

/// How stories are generated.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    /// Outlets per story.
    pub outlets: usize,
    /// Base claims per story (each outlet carries most of them).
    pub claims: usize,
    /// Chance that an outlet leaves a base claim out.
    pub omission: f64,
    /// Chance that a content word is swapped for its alternative or dropped.
    pub paraphrase: f64,
    /// Chance that an outlet states a claim's figure differently.
    pub figure_change: f64,
}

impl Shape {
    /// The default mix: 10% omitted, 20% of words paraphrased, 20% of figures changed.
    pub fn new(outlets: usize, claims: usize) -> Shape {
        Shape {
            outlets,
            claims,
            omission: 0.1,
            paraphrase: 0.2,
            figure_change: 0.2,
        }
    }
}

/// A generated story and, for every outlet, the base claim of each sentence
/// (`None` for a claim of the outlet's own).
pub struct Generated {
    /// The story.
    pub story: Story,
    /// `truth[outlet][sentence]`: the base claim the sentence renders.
    pub truth: Vec<Vec<Option<usize>>>,
}

const FUNCTION_WORDS: [&str; 12] = [
    "the", "of", "in", "and", "to", "a", "on", "for", "with", "was", "by", "said",
];

/// A synthetic word for index `i`: 5 to 9 letters drawn from a hash of `i`,
/// so that, as in real text, few pairs of words are one letter apart.
fn word(i: usize) -> String {
    let mut rng = Rng::new(0xC0FFEE ^ (i as u64).wrapping_mul(0x9E37_79B9));
    let len = 5 + rng.below(5);
    (0..len)
        .map(|_| char::from(b'a' + rng.below(26) as u8))
        .collect()
}

/// The vocabulary size: large enough that stories use mostly distinct words.
const VOCABULARY: usize = 5000;

/// Generate story number `id` of the given shape; the same arguments always
/// give the same story.
pub fn story(id: usize, shape: Shape) -> Generated {
    let mut rng = Rng::new(0x5EED ^ (id as u64).wrapping_mul(0x1000_0000_01B3));
    let base: Vec<(Vec<usize>, u32)> = (0..shape.claims)
        .map(|_| {
            let len = 6 + rng.below(8);
            let words = (0..len).map(|_| rng.skewed(VOCABULARY)).collect();
            (words, 10 + rng.below(50_000) as u32)
        })
        .collect();
    let mut versions = Vec::with_capacity(shape.outlets);
    let mut truth = Vec::with_capacity(shape.outlets);
    for o in 0..shape.outlets {
        let mut sentences = Vec::new();
        let mut origin = Vec::new();
        for (c, (words, figure)) in base.iter().enumerate() {
            if rng.chance(shape.omission) {
                continue;
            }
            let mut out: Vec<String> = Vec::new();
            for &w in words {
                if rng.chance(shape.paraphrase) {
                    if rng.chance(0.5) {
                        out.push(word(VOCABULARY + w));
                    }
                } else {
                    out.push(word(w));
                }
                if rng.chance(0.3) {
                    out.push(FUNCTION_WORDS[rng.below(FUNCTION_WORDS.len())].into());
                }
            }
            let value = if rng.chance(shape.figure_change) {
                figure + 1 + rng.below(1000) as u32
            } else {
                *figure
            };
            let at = rng.below(out.len() + 1);
            out.insert(at, format!("{value} {}", word(words[0] + 2 * VOCABULARY)));
            if out.len() > 4 && rng.chance(0.2) {
                out.rotate_left(2);
            }
            sentences.push(sentence(&out));
            origin.push(Some(c));
            if rng.chance(0.05) {
                let own: Vec<String> = (0..8).map(|_| word(rng.skewed(VOCABULARY))).collect();
                sentences.push(sentence(&own));
                origin.push(None);
            }
        }
        versions.push(Version {
            outlet: format!("outlet{o}"),
            source: format!("generated/{id}/outlet{o}"),
            title: None,
            published: None,
            url: None,
            body: sentences.join(" "),
            title_at: Position::START,
            body_at: Position::START,
            layout: Layout::JsonString,
            skipped: Vec::new(),
        });
        truth.push(origin);
    }
    Generated {
        story: Story {
            id: format!("story{id}"),
            versions,
        },
        truth,
    }
}

/// Words joined into a capitalised sentence with a full stop.
fn sentence(words: &[String]) -> String {
    let mut text = words.join(" ");
    if let Some(first) = text.get(..1) {
        let upper = first.to_uppercase();
        text.replace_range(..1, &upper);
    }
    text.push('.');
    text
}
