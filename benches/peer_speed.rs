//! storydiff against the naive peer on full articles, side by side in one run.
//!
//! Run with `cargo bench --bench peer_speed`. Reads
//! `../shared/eval-dev/basil-corpus.jsonl` (skipped when it is not there),
//! writes it four times over under distinct story ids (the "BASIL dev ×4"
//! corpus), then times, interleaved A B A B so that a change in the load of
//! the machine touches both alike:
//!
//! - `storydiff compare --format json` with the default threads and with
//!   `RAYON_NUM_THREADS=1`, against `../shared/tools/peer_align.py` (regex
//!   split, rapidfuzz over all sentence pairs), and prints the ratio of the
//!   medians. The peer needs `pip install rapidfuzz`; set `PEER_PYTHON` to an
//!   interpreter that has it (default `python3`). Without it the peer is
//!   skipped and said so.
//! - throughput in MB/s through `claims` and `compare`, on one thread and on
//!   all cores;
//! - the ×4 corpus against a ×40 one (ten times larger): the time ratio and,
//!   where `/usr/bin/time` exists, the peak resident memory of each.
//!
//! Nothing here asserts a time; it reports them.

#![allow(clippy::print_stdout)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The full-article corpus, relative to the crate root.
const CORPUS: &str = "../shared/eval-dev/basil-corpus.jsonl";

/// The naive peer, relative to the crate root.
const PEER: &str = "../shared/tools/peer_align.py";

/// How many copies of the corpus make the benchmark corpus. Four copies of
/// BASIL's 41 stories are about 2 MB: long enough that start-up is noise.
const COPIES: usize = 4;

/// Ten times the benchmark corpus, for the scaling check.
const LARGE_COPIES: usize = COPIES * 10;

/// Runs of each command; the median is reported. Odd, so the median is a run.
const ROUNDS: usize = 3;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let source = root.join(CORPUS);
    let Ok(text) = std::fs::read_to_string(&source) else {
        println!("peer_speed: no corpus at {} (skipped)", source.display());
        return;
    };
    let dir = std::env::temp_dir().join(format!("storydiff-peer-speed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary folder");
    let corpus = write_copies(&text, COPIES, &dir.join("basil-x4.jsonl"));
    let large = write_copies(&text, LARGE_COPIES, &dir.join("basil-x40.jsonl"));
    let bytes = std::fs::metadata(&corpus).expect("corpus written").len() as f64;
    let storydiff = Path::new(env!("CARGO_BIN_EXE_storydiff"));
    let python = std::env::var("PEER_PYTHON").unwrap_or_else(|_| "python3".into());
    let peer = peer_available(&python).then(|| {
        let mut command = Command::new(&python);
        command.arg(root.join(PEER)).arg(&corpus);
        command
    });
    if peer.is_none() {
        println!(
            "peer skipped: `{python}` cannot import rapidfuzz (pip install rapidfuzz, or set PEER_PYTHON)"
        );
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "BASIL x{COPIES}: {:.2} MB, {} stories; median of {ROUNDS} runs, A B A B; {cores} cores; load {}",
        bytes / 1e6,
        41 * COPIES,
        load_average()
    );

    let compare = |threads: Option<usize>| sd(storydiff, "compare", &corpus, threads);
    let claims = |threads: Option<usize>| sd(storydiff, "claims", &corpus, threads);
    let mut times: [Vec<Duration>; 4] = Default::default();
    let mut peer_times = Vec::new();
    for _ in 0..ROUNDS {
        times[0].push(run(compare(None)));
        if let Some(peer) = &peer {
            peer_times.push(run(clone(peer)));
        }
        times[1].push(run(compare(Some(1))));
        times[2].push(run(claims(None)));
        times[3].push(run(claims(Some(1))));
    }
    let [compare_all, compare_one, claims_all, claims_one] = times.map(median);
    let mbps = |d: Duration| bytes / 1e6 / d.as_secs_f64();
    println!(
        "  compare, {cores} threads: {:>8.0} ms  {:>6.1} MB/s",
        ms(compare_all),
        mbps(compare_all)
    );
    println!(
        "  compare, 1 thread:  {:>8.0} ms  {:>6.1} MB/s",
        ms(compare_one),
        mbps(compare_one)
    );
    println!(
        "  claims,  {cores} threads: {:>8.0} ms  {:>6.1} MB/s",
        ms(claims_all),
        mbps(claims_all)
    );
    println!(
        "  claims,  1 thread:  {:>8.0} ms  {:>6.1} MB/s",
        ms(claims_one),
        mbps(claims_one)
    );
    if !peer_times.is_empty() {
        let peer = median(peer_times);
        println!(
            "  peer (one process): {:>8.0} ms  {:>6.1} MB/s",
            ms(peer),
            mbps(peer)
        );
        println!(
            "  speed against the peer (its time over storydiff's): {:.1}x with {cores} threads, {:.1}x on one thread",
            peer.as_secs_f64() / compare_all.as_secs_f64(),
            peer.as_secs_f64() / compare_one.as_secs_f64()
        );
    }

    println!("scaling: BASIL x{LARGE_COPIES} against x{COPIES}, compare, default threads");
    let mut small = Vec::new();
    let mut big = Vec::new();
    for _ in 0..ROUNDS {
        small.push(run(compare(None)));
        big.push(run(sd(storydiff, "compare", &large, None)));
    }
    let (small, big) = (median(small), median(big));
    println!(
        "  x{COPIES}: {:.0} ms   x{LARGE_COPIES}: {:.0} ms   ratio {:.2} (10x the input)",
        ms(small),
        ms(big),
        big.as_secs_f64() / small.as_secs_f64()
    );
    match (peak_kb(storydiff, &corpus), peak_kb(storydiff, &large)) {
        (Some(a), Some(b)) => println!(
            "  peak memory: x{COPIES} {:.1} MB   x{LARGE_COPIES} {:.1} MB",
            a as f64 / 1024.0,
            b as f64 / 1024.0
        ),
        _ => println!("  peak memory: /usr/bin/time not found (skipped)"),
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Writes `copies` copies of the JSON Lines corpus `text` to `path`, each
/// copy's story ids suffixed with `#k` so that every copy is a story of its
/// own.
fn write_copies(text: &str, copies: usize, path: &Path) -> PathBuf {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("corpus file"));
    for k in 0..copies {
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let mut article: serde_json::Value = serde_json::from_str(line).expect("corpus line");
            let story = article["story"].as_str().unwrap_or_default().to_owned();
            article["story"] = format!("{story}#{k}").into();
            writeln!(out, "{article}").expect("corpus written");
        }
    }
    out.flush().expect("corpus written");
    path.to_owned()
}

/// A storydiff run over `corpus` with its output thrown away.
fn sd(binary: &Path, subcommand: &str, corpus: &Path, threads: Option<usize>) -> Command {
    let mut command = Command::new(binary);
    command.args([subcommand, "--format", "json"]).arg(corpus);
    if let Some(n) = threads {
        command.env("RAYON_NUM_THREADS", n.to_string());
    }
    command
}

/// A copy of `command` (a `Command` cannot be reused once run).
fn clone(command: &Command) -> Command {
    let mut copy = Command::new(command.get_program());
    copy.args(command.get_args());
    copy
}

/// Runs `command` to the end with its output discarded; the wall time.
fn run(mut command: Command) -> Duration {
    let start = Instant::now();
    let status = command
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("command starts");
    let elapsed = start.elapsed();
    assert!(status.success(), "{command:?} failed: {status}");
    elapsed
}

/// Whether `python` can import rapidfuzz.
fn peer_available(python: &str) -> bool {
    Command::new(python)
        .args(["-c", "import rapidfuzz"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Peak resident memory in kB of one `compare` over `corpus`, read from
/// GNU time's `%M`; None when `/usr/bin/time` is not there.
fn peak_kb(binary: &Path, corpus: &Path) -> Option<u64> {
    let output = Command::new("/usr/bin/time")
        .args(["-f", "%M"])
        .arg(binary)
        .args(["compare", "--format", "json"])
        .arg(corpus)
        .stdout(Stdio::null())
        .output()
        .ok()?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    stderr.lines().last()?.trim().parse().ok()
}

/// The one-minute load average, or "unknown".
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "unknown".into())
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times.get(times.len() / 2).copied().unwrap_or_default()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
