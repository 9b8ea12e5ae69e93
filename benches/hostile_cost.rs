//! Cost per KB of pathological inputs against ordinary news articles of the
//! same size and format, measured in the same run, for the whole of
//! `storydiff compare`: load, segment, extract, align, compare and the JSON
//! report. Each case is a story: the hostile article beside a short
//! ordinary one (or two hostile articles), against the same story with an
//! ordinary article of the same size in the hostile one's place. Each line
//! prints the ratio of the costs per KB; the bound is [`MAX_RATIO`], and a
//! line over it is marked and makes the bench exit 1, unless the case
//! names a known cost outside what the bound covers (it is then marked
//! "known" with the reason, and `docs/reliability.md` lists it).
//!
//! `cargo bench --bench hostile_cost` (a few minutes);
//! `cargo bench --bench hostile_cost -- figures` runs the cases whose name
//! holds `figures`.

#![allow(clippy::print_stdout)]

use std::time::{Duration, Instant};

use storydiff::load::{self, html, json, markdown, text};
use storydiff::model::Story;
use storydiff::render::{self, Format, Layout};
use storydiff::{Analyzer, Config, Version};

/// A pathological input may cost this many times an ordinary article of
/// the same size, per KB.
const MAX_RATIO: f64 = 3.0;

/// Runs per measurement, at least; the fastest counts, to keep noise from
/// other work on the machine out.
const RUNS: usize = 3;

/// Small inputs run until this much time is spent, so that their fastest
/// run is as undisturbed as a big input's.
const MIN_SPENT: Duration = Duration::from_millis(500);

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

/// The short ordinary article beside a hostile one.
fn companion() -> File {
    ("companion.txt".to_string(), ordinary_text(2_000))
}

/// A file of a story: its name (whose extension picks the loader) and text.
type File = (String, String);

fn file(name: &str, text: String) -> File {
    (name.to_string(), text)
}

/// The versions of one file, loaded as `storydiff compare` would.
fn load(name: &str, input: &str) -> Option<Vec<Version>> {
    let stem = name.split('.').next().unwrap_or(name);
    let version = match name.rsplit('.').next() {
        Some("html") => html::parse(input, name, stem),
        Some("md") => markdown::parse(input, name, stem).ok()?,
        Some("json") => return json::parse(input, name, stem).ok().map(|l| l.versions),
        _ => text::parse(input, name, stem),
    };
    Some(vec![version])
}

/// The whole of `storydiff compare --format json` on `files` as one story:
/// the bytes of the report, or 0 when the input is refused.
fn compare(analyzer: &Analyzer, files: &[File]) -> usize {
    let mut versions = Vec::new();
    for (name, input) in files {
        match load(name, input) {
            Some(loaded) => versions.extend(loaded),
            None => return 0,
        }
    }
    let story = Story {
        id: "s".into(),
        versions,
    };
    if load::check(&story).is_err() {
        return 0;
    }
    let Ok(report) = analyzer.analyze(&story) else {
        return 0;
    };
    let mut out = Vec::new();
    let layout = Layout {
        width: 100,
        color: false,
    };
    render::report(&mut out, &report, Format::Json, layout).expect("writing to memory");
    out.len()
}

/// The fastest of at least [`RUNS`] runs of `work` (more, up to
/// [`MIN_SPENT`], for a quick one), and what it returned.
fn time(work: &dyn Fn() -> usize) -> (Duration, usize) {
    let mut best = Duration::MAX;
    let mut out = 0;
    let mut spent = Duration::ZERO;
    let mut runs = 0;
    while runs < RUNS || spent < MIN_SPENT {
        let start = Instant::now();
        out = std::hint::black_box(work());
        let took = start.elapsed();
        best = best.min(took);
        spent += took;
        runs += 1;
    }
    (best, out)
}

/// A story with a hostile article, and the same story with an ordinary
/// article of the same size and format in its place. Sizes per KB count
/// the files that differ (the hostile ones, the ordinary ones).
struct Case {
    name: &'static str,
    hostile: Vec<File>,
    ordinary: Vec<File>,
    /// Files both stories share (a short companion article).
    shared: Vec<File>,
    /// Why a case may be over the bound without failing the bench: a cost
    /// outside the stages this bound covers, measured to be seen.
    known: Option<&'static str>,
}

impl Case {
    fn with_companion(name: &'static str, hostile: File, ordinary: File) -> Case {
        Case {
            name,
            hostile: vec![hostile],
            ordinary: vec![ordinary],
            shared: vec![companion()],
            known: None,
        }
    }

    fn bytes(files: &[File]) -> usize {
        files.iter().map(|(_, text)| text.len()).sum()
    }

    fn story(&self, own: &[File]) -> Vec<File> {
        own.iter().chain(&self.shared).cloned().collect()
    }
}

/// "Costs were $1 $2 … $n."
fn many_figures(n: usize) -> String {
    figures_from(1, n)
}

/// "Costs were $from … $(from + n - 1)."
fn figures_from(from: usize, n: usize) -> String {
    let figures: Vec<String> = (from..from + n).map(|k| format!("${k}")).collect();
    format!("Costs\n\nCosts were {}.\n", figures.join(" "))
}

/// Two outlets that each give `n` figures in one claim: the same ones, or
/// other ones.
fn figures_each(name: &'static str, n: usize, same: bool) -> Case {
    let a = figures_from(1, n);
    let b = figures_from(if same { 1 } else { n + 1 }, n);
    Case {
        name,
        ordinary: vec![
            file("a.txt", ordinary_text(a.len())),
            file("b.txt", ordinary_text(b.len())),
        ],
        hostile: vec![file("a.txt", a), file("b.txt", b)],
        shared: Vec::new(),
        known: Some(ALIGN_FIGURES),
    }
}

/// Why two claims of hundreds of figures each cost more: a figure costs
/// more than a word, each being a token stemmed, masked and weighed in
/// every pair of claims the align stage scores (linear since the figures of
/// a claim are looked up in an index, `align::similarity::FigLookup`, not
/// compared pair by pair). The compare stage leaves such claims' figures
/// uncompared.
const ALIGN_FIGURES: &str = "a figure costs more than a word in align (linear)";

/// An article of `n` quotations, each sharing most of its words with all
/// the others; `outlet` varies one word so that two outlets' quotations
/// are near misses of each other.
fn many_quotes(n: usize, outlet: usize) -> String {
    let mut out = String::from("Quotes\n\n");
    for k in 0..n {
        out.push_str(&format!(
            "“We will not accept case number {k} of {} today,” he said.\n\n",
            k + outlet
        ));
    }
    out
}

/// `n` lines of two random letters (seeded): each line a block and a
/// claim of its own, the input the segment fuzz target found slowest.
fn tiny_lines(n: usize) -> String {
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut out = String::with_capacity(3 * n);
    for _ in 0..n {
        for _ in 0..2 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            out.push(char::from(b'a' + (seed % 26) as u8));
        }
        out.push('\n');
    }
    out
}

fn cases() -> Vec<Case> {
    let short_paragraphs: String = (0..125_000)
        .map(|i| format!("Item {i} was here.\n\n"))
        .collect();
    let size = short_paragraphs.len();
    let tiny = tiny_lines(300_000);
    let one_line: String = ordinary_text(size).replace('\n', " ");
    let figures = many_figures(300);
    let quotes = [many_quotes(2_000, 0), many_quotes(2_000, 1)];
    vec![
        Case::with_companion(
            "300 figures in one claim (.txt)",
            file("figures.txt", figures.clone()),
            file("ordinary.txt", ordinary_text(figures.len())),
        ),
        Case::with_companion(
            "3,000 figures in one claim (.txt)",
            file("figures.txt", many_figures(3_000)),
            file("ordinary.txt", ordinary_text(many_figures(3_000).len())),
        ),
        figures_each("300 figures in each outlet's claim, agreeing", 300, true),
        figures_each("300 figures in each outlet's claim, disjoint", 300, false),
        figures_each(
            "3,000 figures in each outlet's claim, agreeing",
            3_000,
            true,
        ),
        Case {
            name: "2,000 quotes per outlet (.txt)",
            ordinary: vec![
                file("a.txt", ordinary_text(quotes[0].len())),
                file("b.txt", ordinary_text(quotes[1].len())),
            ],
            hostile: vec![
                file("a.txt", quotes[0].clone()),
                file("b.txt", quotes[1].clone()),
            ],
            shared: Vec::new(),
            known: None,
        },
        Case::with_companion(
            "125,000 short paragraphs (.txt)",
            file("paragraphs.txt", short_paragraphs),
            file("ordinary.txt", ordinary_text(size)),
        ),
        Case {
            known: Some(
                "every claim costs a bounded amount in every stage and an entry in the report: 100 times the claims of news per KB",
            ),
            ..Case::with_companion(
                "300,000 lines of two letters (.txt)",
                file("tiny.txt", tiny.clone()),
                file("ordinary.txt", ordinary_text(tiny.len())),
            )
        },
        Case::with_companion(
            "200 KB line of abbreviations and backticks (.txt)",
            file("line.txt", "Mr. Smith said `x` and ".repeat(8_800)),
            file("ordinary.txt", ordinary_text(202_400).replace("\n\n", " ")),
        ),
        Case::with_companion(
            "one 2 MB line of sentences (.json)",
            file(
                "line.json",
                serde_json::json!({"outlet": "x", "text": one_line}).to_string(),
            ),
            file(
                "ordinary.json",
                serde_json::json!({"outlet": "x", "text": ordinary_text(size)}).to_string(),
            ),
        ),
        Case {
            name: "5,000 versions in one story (.json)",
            hostile: vec![file("story.json", many_versions(5_000, 1))],
            ordinary: vec![file("story.json", many_versions(2, 2_500))],
            shared: Vec::new(),
            known: Some(
                "every claim has a full set of close candidates to score (each outlet carries it), each pair scored again figure-blind as their figures clash",
            ),
        },
        Case::with_companion(
            "100,000 nested <div> and stray end tags (.html)",
            file(
                "divs.html",
                format!(
                    "{}{}{}",
                    "<div>The fire burned.".repeat(50_000),
                    "</span>".repeat(50_000),
                    "</div>".repeat(50_000)
                ),
            ),
            file("ordinary.html", ordinary_html(2_000_000)),
        ),
        Case::with_companion(
            "50,000 <span> and 50,000 stray </b> (.html)",
            file(
                "spans.html",
                format!(
                    "{}{}",
                    "<span>The fire burned.".repeat(50_000),
                    "</b>".repeat(50_000)
                ),
            ),
            file("ordinary.html", ordinary_html(1_300_000)),
        ),
        Case::with_companion(
            "50,000 paragraphs of unended <b id> (.html)",
            file(
                "unended.html",
                (0..50_000)
                    .map(|i| format!("<p><b id={i}>The fire burned.</p>"))
                    .collect(),
            ),
            file("ordinary.html", ordinary_html(1_700_000)),
        ),
        Case::with_companion(
            "1 MB of & and unclosed references (.html)",
            file(
                "amp.html",
                format!(
                    "<p>{}</p>",
                    "Fire & smoke &amp rose &#12 over &nbsp the valley. ".repeat(20_000)
                ),
            ),
            file("ordinary.html", ordinary_html(1_000_000)),
        ),
        Case::with_companion(
            "1 MB line of [a]( and <a without ends (.md)",
            file(
                "links.md",
                format!(
                    "Fire {}{}]\n",
                    "[a](x ".repeat(100_000),
                    "<a b ".repeat(100_000)
                ),
            ),
            file("ordinary.md", ordinary_text(1_000_000)),
        ),
        Case::with_companion(
            "200 KB of nested front matter (.md)",
            file(
                "nested.md",
                format!(
                    "---\ntitle: {}{}\n---\nThe fire burned 300 homes.\n",
                    "[".repeat(100_000),
                    "]".repeat(100_000)
                ),
            ),
            file(
                "ordinary.md",
                format!("---\ntitle: Fire\n---\n{}", ordinary_text(200_000)),
            ),
        ),
    ]
}

fn main() {
    let analyzer = Analyzer::new(&Config::default()).expect("the default configuration is valid");
    let only: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    println!(
        "{:<50} {:>8} {:>10} {:>10} {:>7}",
        "input (whole compare)", "KB", "ms/KB", "ordinary", "ratio"
    );
    let mut over = 0;
    for case in cases() {
        if !only.is_empty() && !only.iter().any(|o| case.name.contains(o.as_str())) {
            continue;
        }
        let hostile = case.story(&case.hostile);
        let ordinary = case.story(&case.ordinary);
        let (spent, _) = time(&|| compare(&analyzer, &hostile));
        let (usual, written) = time(&|| compare(&analyzer, &ordinary));
        assert!(written > 0, "{}: the ordinary story is compared", case.name);
        let per_kb = |d: Duration, len: usize| d.as_secs_f64() * 1000.0 / (len as f64 / 1024.0);
        let (hostile_kb, ordinary_kb) = (
            per_kb(spent, Case::bytes(&case.hostile)),
            per_kb(usual, Case::bytes(&case.ordinary)),
        );
        let ratio = hostile_kb / ordinary_kb;
        let mark = match (ratio > MAX_RATIO, case.known) {
            (false, _) => String::new(),
            (true, Some(why)) => format!("  over, known: {why}"),
            (true, None) => {
                over += 1;
                "  OVER".to_string()
            }
        };
        println!(
            "{:<50} {:>8} {:>10.4} {:>10.4} {:>7.2}{mark}",
            case.name,
            Case::bytes(&case.hostile) / 1024,
            hostile_kb,
            ordinary_kb,
            ratio
        );
    }
    if over > 0 {
        std::process::exit(1);
    }
}
