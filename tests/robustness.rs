//! No input text makes the pipeline panic: seeded random stories built from
//! the pieces that trip text code (multi-byte characters, quotes, numbers,
//! abbreviations, odd whitespace) go through every stage and every renderer.

use storydiff::model::{Layout, Position, Story, Version};
use storydiff::render::{self, Format};

/// Pieces of text that exercise byte offsets, quotes, figures and cues.
const PIECES: &[&str] = &[
    "The",
    "US",
    "U.S.",
    "Gen.",
    "Nov. 21",
    "said",
    "reportedly",
    "“",
    "”",
    "\"",
    "'",
    "‘",
    "’",
    "15,000",
    "fifteen thousand",
    "more than 20",
    "about",
    "1.5 million",
    "$2bn",
    "40%",
    "3.2m",
    "between 10 and 20",
    "10-15",
    "dozens of",
    "Monday",
    "21 November",
    "one week",
    "48 hours",
    "regime",
    "so-called",
    "according to",
    "sources",
    "é",
    "ñ",
    "日本",
    "🙂",
    "—",
    "–",
    "…",
    "...",
    "?",
    "!",
    ".",
    ",",
    ";",
    ":",
    "(",
    ")",
    "[",
    "]",
    "\n",
    "\n\n",
    "\t",
    " ",
    "\u{a0}",
    "\u{2009}",
    "-",
    "•",
    "1.",
    "a)",
    "#",
    "*",
    "<b>",
    "&amp;",
    "troops",
    "killed",
    "per cent",
    "percentage points",
    "20+",
    "~",
    "k",
    "bn",
    "2019",
    "third",
    "twenty-one",
    "a hundred",
    "two dozen",
];

/// A small deterministic generator (xorshift), so that failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn text(rng: &mut Rng) -> String {
    let len = rng.below(80);
    let mut out = String::new();
    for _ in 0..len {
        out.push_str(PIECES[rng.below(PIECES.len())]);
        if rng.below(3) > 0 {
            out.push(' ');
        }
    }
    out
}

fn version(rng: &mut Rng, outlet: usize) -> Version {
    Version {
        outlet: format!("outlet-{outlet}"),
        source: format!("outlet-{outlet}.txt"),
        title: (rng.below(2) == 0).then(|| text(rng)),
        published: (rng.below(2) == 0).then(|| "2025-11-24".to_string()),
        url: None,
        body: text(rng),
        title_at: Position::START,
        body_at: Position::START,
        layout: if rng.below(2) == 0 {
            Layout::Verbatim
        } else {
            Layout::JsonString
        },
        skipped: Vec::new(),
    }
}

#[test]
fn random_stories_never_panic() {
    let mut rng = Rng(0x5eed_cafe_f00d_d00d);
    let config = storydiff::Config::default();
    for _ in 0..150 {
        let outlets = 2 + rng.below(3);
        let story = Story {
            id: "fuzz".into(),
            versions: (0..outlets).map(|o| version(&mut rng, o)).collect(),
        };
        let Ok(report) = storydiff::analyze(&story, &config) else {
            continue;
        };
        for format in [Format::Json, Format::Table, Format::Markdown, Format::Html] {
            let mut out = Vec::new();
            render::report(&mut out, &report, format, render::Layout::default()).unwrap();
        }
        let claims = storydiff::claims(&story, &config).unwrap();
        let mut out = Vec::new();
        render::figures(
            &mut out,
            &story,
            &claims,
            Format::Json,
            render::Layout::default(),
        )
        .unwrap();
        render::claims(
            &mut out,
            &story,
            &claims,
            Format::Table,
            render::Layout::default(),
        )
        .unwrap();
    }
}
