//! Cost per KB of pathological inputs against ordinary articles of the same
//! size and format, measured in the same run: load, segment and extract
//! (what `storydiff claims` does). Each line prints the ratio; the bound is
//! [`MAX_RATIO`], and a line over it is marked and makes the bench exit 1.
//!
//! `cargo bench --bench hostile_cost` (about a minute).

#![allow(clippy::print_stdout)]

use std::time::{Duration, Instant};

use storydiff::load::{html, json, markdown, text};
use storydiff::model::Story;
use storydiff::{Analyzer, Config, Version};

/// A pathological input may cost this many times an ordinary article of
/// the same size, per KB.
const MAX_RATIO: f64 = 3.0;

/// Runs per measurement; the fastest counts, to keep noise from other work
/// on the machine out.
const RUNS: usize = 3;

/// An ordinary news paragraph, varied by its number.
fn paragraph(i: usize) -> String {
    format!(
        "The fire burned {} homes in the valley on Monday, officials said. About {},000 people \
         fled as crews from {} counties fought the flames. \"We lost everything,\" one resident \
         told reporters. The cause is under investigation.",
        100 + i % 900,
        1 + i % 40,
        2 + i % 9
    )
}

/// Ordinary text of about `bytes` bytes: paragraphs of a few sentences.
fn ordinary_text(bytes: usize) -> String {
    let mut out = String::from("Fire in the valley\n\n");
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(&paragraph(i));
        out.push_str("\n\n");
        i += 1;
    }
    out
}

fn ordinary_html(bytes: usize) -> String {
    let mut out = String::from("<html><body><article><h1>Fire</h1>\n");
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(&format!("<p>{}</p>\n", paragraph(i)));
        i += 1;
    }
    out + "</article></body></html>\n"
}

/// A `.json` story of `versions` versions, each of `paragraphs`
/// paragraphs, one version a line.
fn many_versions(versions: usize, paragraphs: usize) -> String {
    let list: Vec<String> = (0..versions)
        .map(|v| {
            let text: String = (0..paragraphs).map(|i| paragraph(v + i) + "\n\n").collect();
            serde_json::json!({"outlet": format!("outlet {v}"), "text": text}).to_string()
        })
        .collect();
    format!(
        "{{\"story\": \"s\", \"versions\": [\n{}\n]}}\n",
        list.join(",\n")
    )
}

fn claims_of(analyzer: &Analyzer, version: Version) -> usize {
    let story = Story {
        id: "s".into(),
        versions: vec![version],
    };
    analyzer.claims(&story).iter().map(Vec::len).sum()
}

/// The fastest of [`RUNS`] runs of `work`, and what it returned.
fn time(work: &dyn Fn() -> usize) -> (Duration, usize) {
    let mut best = Duration::MAX;
    let mut out = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        out = std::hint::black_box(work());
        best = best.min(start.elapsed());
    }
    (best, out)
}

struct Case {
    name: &'static str,
    input: String,
    ordinary: String,
    run: fn(&Analyzer, &str) -> usize,
}

fn main() {
    let analyzer = Analyzer::new(&Config::default()).expect("the default configuration is valid");
    let as_text: fn(&Analyzer, &str) -> usize = |a, t| claims_of(a, text::parse(t, "x.txt", "x"));
    let as_html: fn(&Analyzer, &str) -> usize = |a, t| claims_of(a, html::parse(t, "x.html", "x"));
    let as_markdown: fn(&Analyzer, &str) -> usize = |a, t| match markdown::parse(t, "x.md", "x") {
        Ok(version) => claims_of(a, version),
        Err(_) => 0,
    };
    let as_json: fn(&Analyzer, &str) -> usize = |a, t| match json::parse(t, "x.json", "x") {
        Ok(loaded) => loaded.versions.into_iter().map(|v| claims_of(a, v)).sum(),
        Err(_) => 0,
    };
    let short_paragraphs: String = (0..125_000)
        .map(|i| format!("Item {i} was here.\n\n"))
        .collect();
    let size = short_paragraphs.len();
    let one_line: String = ordinary_text(size).replace('\n', " ");
    let cases = vec![
        Case {
            name: "125,000 short paragraphs (.txt)",
            ordinary: ordinary_text(size),
            input: short_paragraphs,
            run: as_text,
        },
        Case {
            name: "one 2 MB line of sentences (.json)",
            input: serde_json::json!({"outlet": "x", "text": one_line}).to_string(),
            ordinary: serde_json::json!({"outlet": "x", "text": ordinary_text(size)}).to_string(),
            run: as_json,
        },
        Case {
            name: "50,000 versions in one story (.json)",
            input: many_versions(50_000, 1),
            ordinary: many_versions(2, 25_000),
            run: as_json,
        },
        Case {
            name: "100,000 nested <div> and stray end tags (.html)",
            input: format!(
                "{}{}{}",
                "<div>The fire burned.".repeat(50_000),
                "</span>".repeat(50_000),
                "</div>".repeat(50_000)
            ),
            ordinary: ordinary_html(2_000_000),
            run: as_html,
        },
        Case {
            name: "50,000 <span> and 50,000 stray </b> (.html)",
            input: format!(
                "{}{}",
                "<span>The fire burned.".repeat(50_000),
                "</b>".repeat(50_000)
            ),
            ordinary: ordinary_html(1_300_000),
            run: as_html,
        },
        Case {
            name: "50,000 paragraphs of unended <b id> (.html)",
            input: (0..50_000)
                .map(|i| format!("<p><b id={i}>The fire burned.</p>"))
                .collect(),
            ordinary: ordinary_html(1_700_000),
            run: as_html,
        },
        Case {
            name: "1 MB of & and unclosed references (.html)",
            input: format!(
                "<p>{}</p>",
                "Fire & smoke &amp rose &#12 over &nbsp the valley. ".repeat(20_000)
            ),
            ordinary: ordinary_html(1_000_000),
            run: as_html,
        },
        Case {
            name: "1 MB line of [a]( and <a without ends (.md)",
            input: format!(
                "Fire {}{}]\n",
                "[a](x ".repeat(100_000),
                "<a b ".repeat(100_000)
            ),
            ordinary: ordinary_text(1_000_000),
            run: as_markdown,
        },
        Case {
            name: "200 KB of nested front matter (.md)",
            input: format!(
                "---\ntitle: {}{}\n---\nThe fire burned 300 homes.\n",
                "[".repeat(100_000),
                "]".repeat(100_000)
            ),
            ordinary: format!("---\ntitle: Fire\n---\n{}", ordinary_text(200_000)),
            run: as_markdown,
        },
    ];
    println!(
        "{:<50} {:>10} {:>12} {:>12} {:>7}",
        "input", "KB", "ms/KB", "ordinary", "ratio"
    );
    let mut over = 0;
    for case in &cases {
        let (spent, _) = time(&|| (case.run)(&analyzer, &case.input));
        let (usual, _) = time(&|| (case.run)(&analyzer, &case.ordinary));
        let per_kb = |d: Duration, len: usize| d.as_secs_f64() * 1000.0 / (len as f64 / 1024.0);
        let (hostile, ordinary) = (
            per_kb(spent, case.input.len()),
            per_kb(usual, case.ordinary.len()),
        );
        let ratio = hostile / ordinary;
        let mark = if ratio > MAX_RATIO {
            over += 1;
            "  OVER"
        } else {
            ""
        };
        println!(
            "{:<50} {:>10} {:>12.4} {:>12.4} {:>7.2}{mark}",
            case.name,
            case.input.len() / 1024,
            hostile,
            ordinary,
            ratio
        );
    }
    if over > 0 {
        std::process::exit(1);
    }
}
