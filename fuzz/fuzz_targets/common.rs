//! What every target shares: the slowest input so far, reported on stderr
//! (`scripts/fuzz-all.sh` reads the last report), and the check that no
//! article text is lost silently. Included by each target with
//! `#[path]`; not every target uses every function.
#![allow(dead_code)]

use std::sync::Mutex;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use storydiff::model::skip::unaccounted;
use storydiff::model::{SkipReason, Story, Version};
use storydiff::{Analyzer, Config};

/// The slowest run so far: its time and input size.
static SLOWEST: Mutex<(Duration, usize)> = Mutex::new((Duration::ZERO, 0));

/// Run `work` on an input of `bytes` bytes; when it is the slowest so far,
/// say so on stderr as `storydiff-fuzz slowest: MS ms, BYTES bytes,
/// MS_PER_KB ms/KB`, and keep the input in the file that
/// `STORYDIFF_FUZZ_SLOWEST` names, when set. A run that looks the slowest is repeated and its
/// fastest of [`RUNS`] counts, so that a pause of a busy machine is not
/// taken for a slow input; the pipeline is warmed up first, so that
/// building the lexicons and indexes once does not count either.
pub fn timed<T>(input: &[u8], work: impl Fn() -> T) -> T {
    let bytes = input.len();
    warm_up();
    let start = Instant::now();
    let out = work();
    let mut took = start.elapsed();
    let mut slowest = SLOWEST.lock().unwrap_or_else(|e| e.into_inner());
    for _ in 1..RUNS {
        if took <= slowest.0 {
            return out;
        }
        let again = Instant::now();
        let _ = work();
        took = took.min(again.elapsed());
    }
    if took > slowest.0 {
        *slowest = (took, bytes);
        let ms = took.as_secs_f64() * 1000.0;
        let per_kb = ms / (bytes.max(1) as f64 / 1024.0);
        eprintln!("storydiff-fuzz slowest: {ms:.3} ms, {bytes} bytes, {per_kb:.3} ms/KB");
        if let Some(path) = std::env::var_os("STORYDIFF_FUZZ_SLOWEST") {
            let _ = std::fs::write(path, input);
        }
    }
    out
}

/// Runs of an input that looks the slowest so far; the fastest counts.
const RUNS: usize = 3;

/// Run every stage once on a little of every format, so that what is
/// built on first use (lexicons, phrase indexes, the rarity table, the
/// sentence splitter's rules) is built before any input is timed.
fn warm_up() {
    static WARM: OnceLock<()> = OnceLock::new();
    WARM.get_or_init(|| {
        use storydiff::load::{html, json, markdown, text};
        use storydiff::render::{self, Format, Layout};
        let md = "---\ntitle: Fire\n---\n\nThe fire burned **300** homes on Monday, officials said. \"We lost everything,\" she said.\n\n- About $2.5 million, between 10 and 20 people, 40% of the valley, [more](x).\n";
        let page = "<html><body><article><h1>Fire</h1><p>The fire burned 300 homes on November 21, officials said &amp; more.</p><nav>Home</nav></article></body></html>";
        let plain = "Fire\n\nAbout 200 homes burned, reportedly, in the U.S. The regime said it would help within 48 hours.\n";
        let record = r#"{"outlet": "d", "text": "Nearly 5,000 people fled."}"#;
        let mut versions = vec![html::parse(page, "b.html", "b"), text::parse(plain, "c.txt", "c")];
        versions.extend(markdown::parse(md, "a.md", "a"));
        versions.extend(json::parse(record, "d.json", "d").map(|l| l.versions).unwrap_or_default());
        let story = Story {
            id: "warm".into(),
            versions,
        };
        if let Ok(report) = analyzer().analyze(&story) {
            let layout = Layout {
                width: 80,
                color: false,
            };
            for format in [Format::Json, Format::Table, Format::Markdown, Format::Html] {
                let _ = render::report(&mut Vec::new(), &report, format, layout);
            }
        }
    });
}

/// The pipeline, set up once per process.
pub fn analyzer() -> &'static Analyzer {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    ANALYZER.get_or_init(|| Analyzer::new(&Config::default()).expect("the default configuration"))
}

/// Claims and skipped entries account for every character of `version`
/// that is not whitespace, with nothing left to the `unsegmented` net.
pub fn nothing_lost(version: Version) {
    let story = Story {
        id: "fuzz".into(),
        versions: vec![version],
    };
    if storydiff::load::check(&story).is_err() {
        return;
    }
    let (claims, skipped) = analyzer().claims_and_skipped(&story);
    let lost = unaccounted(&story.versions[0], &claims[0], &skipped[0]);
    assert!(lost.is_empty(), "lost {lost:?}");
    assert!(
        skipped[0]
            .iter()
            .all(|s| s.reason != SkipReason::Unsegmented),
        "{:?}",
        skipped[0]
    );
}
