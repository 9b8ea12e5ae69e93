//! The fuzz targets of `fuzz/` as seeded property tests that run in
//! `cargo test`: hostile pages, Markdown files and JSON records built from
//! the pieces that trip loaders (unclosed and stray tags, deep nesting,
//! entities, front matter fences, link labels, CR line ends), and claims
//! crowded with figures (numbers, currencies, ranges, bounds), each checked
//! for what must hold of any input: no text lost silently, and a cost
//! within [`BUDGET_MS_PER_KB`] of the input's size. A failure prints its
//! seed and input.

use std::time::{Duration, Instant};

use storydiff::load::{self, html, json, markdown};
use storydiff::model::skip::unaccounted;
use storydiff::model::{OutletId, SkipReason, Story, Version};
use storydiff::{Analyzer, Config, segment};

/// The most an input may cost per KB, in this (debug) build: the bound
/// `docs/reliability.md` promises for any input. An ordinary article costs
/// a few milliseconds per KB here; a stage that turned quadratic would
/// cost seconds on the bursts of repeated pieces these inputs hold.
const BUDGET_MS_PER_KB: f64 = 50.0;

/// The budget of an input under a few KB: the fixed cost of a run (a
/// comparison's setup, the first use of a lexicon) dominates tiny inputs.
const BUDGET_FLOOR_MS: f64 = 250.0;

/// Runs of an input over its budget before it fails: the fastest counts,
/// as a machine busy with other work slows one run, not a slow input.
const BUDGET_RUNS: usize = 3;

/// Run `work` on an input of `bytes` bytes and fail `case` when even its
/// fastest of [`BUDGET_RUNS`] runs is over its budget.
fn within_budget<T>(case: &str, bytes: usize, work: impl Fn() -> T) -> T {
    let budget_ms = BUDGET_FLOOR_MS.max(BUDGET_MS_PER_KB * bytes as f64 / 1024.0);
    let budget = Duration::from_secs_f64(budget_ms / 1000.0);
    let mut best = Duration::MAX;
    for _ in 0..BUDGET_RUNS {
        let start = Instant::now();
        let out = work();
        best = best.min(start.elapsed());
        if best <= budget {
            return out;
        }
    }
    panic!(
        "{} bytes took {:.0} ms, over the budget of {budget_ms:.0} ms: {case}",
        bytes,
        best.as_secs_f64() * 1000.0
    );
}

/// Claims and skipped entries account for all of `version`'s text.
fn nothing_lost(analyzer: &Analyzer, version: Version, case: &str) {
    let story = Story {
        id: "s".into(),
        versions: vec![version],
    };
    let (claims, skipped) = analyzer.claims_and_skipped(&story);
    let lost = unaccounted(&story.versions[0], &claims[0], &skipped[0]);
    assert!(lost.is_empty(), "lost {lost:?}: {case}");
    let unsegmented: Vec<_> = skipped[0]
        .iter()
        .filter(|s| s.reason == SkipReason::Unsegmented)
        .collect();
    assert!(unsegmented.is_empty(), "{unsegmented:?}: {case}");
}

/// Cases per loader: enough to cover the pieces' combinations, few enough
/// that the whole test takes seconds in a debug build.
const CASES: u64 = 300;

/// A small deterministic generator (SplitMix64), so that failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, pieces: &[&'a str]) -> &'a str {
        pieces[self.below(pieces.len())]
    }
}

/// Words and figures of article text, with the characters that trip byte
/// offsets.
const WORDS: &[&str] = &[
    "The fire burned 300 homes, officials said.",
    "About 5,000 people fled",
    "on Monday",
    "“It is over,” she said.",
    "$1 $2 $3",
    "é",
    "日本",
    "🙂",
    "—",
    "\r",
    "\r\n",
    "\n",
    "\n\n",
    "\t",
    "\u{a0}",
    "12 34.",
    "U.S.",
];

const HTML_PIECES: &[&str] = &[
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<div class=\"menu\">",
    "<div class=\"post-content\">",
    "<span>",
    "</span>",
    "<a href=\"/x\">",
    "</a>",
    "<article>",
    "</article>",
    "<main>",
    "<h1>",
    "</h1>",
    "<h2>",
    "<table><tr><td>",
    "</td></tr></table>",
    "<dd>",
    "<pre>",
    "<br>",
    "<br/>",
    "<img src=x>",
    "<script>",
    "</script>",
    "<style>",
    "<!--",
    "-->",
    "<!DOCTYPE html>",
    "<",
    ">",
    "</",
    "</nosuch>",
    "<p class=\"x",
    "<li>",
    "<ul>",
    "&amp;",
    "&hellip;",
    "&#x2014;",
    "&#0;",
    "&",
    "&nbsp",
    "<nav>",
    "<footer>",
    "<meta property=\"og:site_name\" content=\"Site\">",
    "<title>",
    "</title>",
    "<div style=\"display: none\">",
    "<section aria-hidden=\"true\">",
];

const MARKDOWN_PIECES: &[&str] = &[
    "---\n",
    "+++\n",
    "...\n",
    "title: x\n",
    "outlet: [a, [b]]\n",
    "[[[[",
    "]]]]",
    "# Heading\n",
    "## Sub\n",
    "```\n",
    "~~~\n",
    "[Update]: ",
    "[ref]: https://x.example\n",
    "[^1]",
    "[^1]: ",
    "> ",
    "- ",
    "1. ",
    "* * *\n",
    "| a | b |\n",
    "|---|---|\n",
    "**",
    "_",
    "`",
    "<b>",
    "![img](x.png)",
    "[link](http://x)",
    "\\",
];

/// Figures in the forms the extractor reads, and the words around them.
const FIGURE_PIECES: &[&str] = &[
    "$1",
    "$2.5 million",
    "€40bn",
    "£3,000",
    "¥12",
    "15,000",
    "15000",
    "fifteen thousand",
    "15k",
    "about",
    "nearly",
    "more than",
    "at least",
    "up to",
    "fewer than",
    "between 10 and 20",
    "10 to 15",
    "10-15",
    "3%",
    "40 percent",
    "3 percentage points",
    "dozens of",
    "thousands of",
    "1.5",
    "0.001",
    "1e9",
    "-7",
    "9,999,999,999,999,999,999",
    "November 21",
    "Nov. 21",
    "on Monday",
    "48 hours",
    "one week",
    "troops",
    "homes",
    "people were killed",
    "Costs were",
    ",",
    ".",
    " ",
];

const JSON_PIECES: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"story\": \"s\"",
    "\"outlet\": \"a\"",
    "\"outlet\": \" \"",
    "\"text\": \"The fire burned 300 homes.\"",
    "\"text\": 5",
    "\"text\": null",
    "\"versions\": []",
    "\"versions\": [{\"outlet\": \"a\", \"text\": \"One.\"}]",
    ",",
    ":",
    "\n",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "1e999",
];

/// A text of up to `max` pieces from `markup` mixed with words.
fn build(rng: &mut Rng, markup: &[&str], max: usize) -> String {
    let mut out = String::new();
    let n = rng.below(max);
    for _ in 0..n {
        if rng.below(2) == 0 {
            out.push_str(rng.pick(markup));
        } else {
            out.push_str(rng.pick(WORDS));
            out.push(' ');
        }
        if rng.below(50) == 0 {
            // A burst of nesting or repetition, as hostile pages have.
            let piece = rng.pick(markup);
            out.push_str(&piece.repeat(rng.below(200)));
        }
    }
    out
}

fn lines(text: &str) -> usize {
    text.split('\n').count()
}

/// The loader's version, segmented: every claim sits inside the file.
fn claims_stay_in_the_file(version: &storydiff::Version, text: &str, case: &str) {
    for claim in segment::segment(version, OutletId(0)) {
        assert!(claim.at.line >= 1 && claim.at.line <= lines(text), "{case}");
        assert!(claim.at.column >= 1, "{case}");
    }
}

#[test]
fn any_html_keeps_every_character_at_its_place() {
    let analyzer = analyzer();
    for seed in 0..CASES {
        let mut rng = Rng(seed);
        let page = build(&mut rng, HTML_PIECES, 120);
        let case = format!("seed {seed}: {page:?}");
        let version = within_budget(&case, page.len(), || {
            let version = html::parse(&page, "p.html", "p");
            claims_stay_in_the_file(&version, &page, &case);
            version
        });
        assert_eq!(version.body.chars().count(), page.chars().count(), "{case}");
        for (b, p) in version.body.chars().zip(page.chars()) {
            assert!(b == p || b == ' ' || p != '\n', "a newline moved: {case}");
        }
        nothing_lost(&analyzer, version, &case);
    }
}

fn analyzer() -> Analyzer {
    Analyzer::new(&Config::default()).unwrap()
}

#[test]
fn any_markdown_loads_or_names_its_file() {
    let analyzer = analyzer();
    for seed in 0..CASES {
        let mut rng = Rng(seed);
        let text = build(&mut rng, MARKDOWN_PIECES, 60);
        let case = format!("seed {seed}: {text:?}");
        let parsed = within_budget(&case, text.len(), || {
            let parsed = markdown::parse(&text, "m.md", "m");
            if let Ok(version) = &parsed {
                claims_stay_in_the_file(version, &text, &case);
            }
            parsed
        });
        match parsed {
            Ok(version) => {
                assert!(version.body.len() <= text.len(), "{case}");
                nothing_lost(&analyzer, version, &case);
            }
            Err(error) => {
                assert_eq!(error.source_name, "m.md", "{case}");
                assert!(error.line.is_none_or(|l| l <= lines(&text)), "{case}");
            }
        }
    }
}

#[test]
fn any_json_loads_or_names_its_file_and_line() {
    let analyzer = analyzer();
    for seed in 0..CASES {
        let mut rng = Rng(seed);
        let text = build(&mut rng, JSON_PIECES, 30);
        let case = format!("seed {seed}: {text:?}");
        match within_budget(&case, text.len(), || json::parse(&text, "s.json", "s")) {
            Ok(loaded) => {
                let story = Story {
                    id: "s".into(),
                    versions: loaded.versions,
                };
                // Whatever passes the shared check has words to claim.
                if load::check(&story).is_ok() {
                    for version in &story.versions {
                        assert!(!segment::segment(version, OutletId(0)).is_empty(), "{case}");
                        nothing_lost(&analyzer, version.clone(), &case);
                    }
                }
            }
            Err(error) => {
                assert_eq!(error.source_name, "s.json", "{case}");
                assert!(error.line.is_none_or(|l| l <= lines(&text)), "{case}");
            }
        }
    }
}

#[test]
fn any_two_articles_compare_the_same_twice() {
    let analyzer = storydiff::Analyzer::new(&storydiff::Config::default()).unwrap();
    for seed in 0..CASES / 10 {
        let mut rng = Rng(seed);
        let versions = ["a", "b"]
            .map(|outlet| {
                let text = build(&mut rng, WORDS, 25);
                load::text::parse(&text, &format!("{outlet}.txt"), outlet)
            })
            .to_vec();
        let story = Story {
            id: "s".into(),
            versions,
        };
        if load::check(&story).is_err() {
            continue;
        }
        let bytes = story.versions.iter().map(|v| v.body.len()).sum();
        let case = format!("seed {seed}: {story:?}");
        let first = within_budget(&case, bytes, || {
            analyzer.analyze(&story).map(|r| format!("{r:?}"))
        });
        let second = analyzer.analyze(&story).map(|r| format!("{r:?}"));
        assert_eq!(first, second, "seed {seed}");
    }
}

/// Two outlets' claims crowded with figures (numbers, currencies, ranges,
/// bounds, dates, bursts of one figure repeated), compared whole: within
/// budget, the same report twice, every figure inside its claim.
#[test]
fn any_figures_compare_within_budget() {
    let analyzer = analyzer();
    for seed in 0..CASES / 3 {
        let mut rng = Rng(seed);
        let versions = ["a", "b"]
            .map(|outlet| {
                let mut text = String::from("Figures\n\n");
                for _ in 0..1 + rng.below(4) {
                    text.push_str(&build(&mut rng, FIGURE_PIECES, 80));
                    text.push_str(".\n\n");
                }
                load::text::parse(&text, &format!("{outlet}.txt"), outlet)
            })
            .to_vec();
        let story = Story {
            id: "s".into(),
            versions,
        };
        if load::check(&story).is_err() {
            continue;
        }
        let bytes = story.versions.iter().map(|v| v.body.len()).sum();
        let case = format!("seed {seed}: {story:?}");
        let report = within_budget(&case, bytes, || analyzer.analyze(&story).unwrap());
        for claim in report.claims.iter().flatten() {
            for figure in &claim.figures {
                assert!(claim.text.get(figure.span.clone()).is_some(), "{case}");
            }
        }
        let again = analyzer.analyze(&story).unwrap();
        assert_eq!(format!("{report:?}"), format!("{again:?}"), "{case}");
    }
}
