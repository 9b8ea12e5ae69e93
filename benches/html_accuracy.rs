//! How much of an HTML page's article text the claims keep, and how little
//! else, on Mozilla Readability's test pages in `../shared/eval-dev/html-pages/`.
//!
//! Each page folder has `source.html` (the page) and `expected.html` (its
//! main text as Readability extracts it). The score is a bag of words:
//! precision, recall and F1 of the words of the page's claims (headline
//! included) against the words of `expected.html`, per page, then averaged
//! over pages. `cargo bench --bench html_accuracy` prints each page's line
//! and the averages; `-- --worst N` lists the N pages of lowest F1 first.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::HashMap;
use std::path::Path;

use storydiff::load::html;
use storydiff::model::OutletId;
use storydiff::segment;

/// Where the pages are, from the project root.
const PAGES: &str = "../shared/eval-dev/html-pages";

fn main() {
    let worst = std::env::args()
        .skip_while(|a| a != "--worst")
        .nth(1)
        .and_then(|n| n.parse::<usize>().ok());
    let mut folders: Vec<_> = match std::fs::read_dir(PAGES) {
        Ok(entries) => entries.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            eprintln!("html_accuracy: {PAGES}: {e} (run from the project root)");
            return;
        }
    };
    folders.sort();
    let mut scores = Vec::new();
    for folder in &folders {
        let (Ok(source), Ok(expected)) = (
            std::fs::read_to_string(folder.join("source.html")),
            std::fs::read_to_string(folder.join("expected.html")),
        ) else {
            continue;
        };
        let name = folder.file_name().unwrap().to_string_lossy().into_owned();
        let got = words(&claims_text(&source, folder));
        let want = words(&strip_tags(&expected));
        scores.push((name, score(&got, &want)));
    }
    if let Some(n) = worst {
        scores.sort_by(|a, b| a.1.2.total_cmp(&b.1.2));
        scores.truncate(n);
    }
    println!(
        "{:<48} {:>9} {:>9} {:>9}",
        "page", "precision", "recall", "f1"
    );
    for (name, (p, r, f)) in &scores {
        println!("{name:<48} {p:>9.3} {r:>9.3} {f:>9.3}");
    }
    if worst.is_none() {
        let n = scores.len() as f64;
        let mean = |i: usize| scores.iter().map(|(_, s)| [s.0, s.1, s.2][i]).sum::<f64>() / n;
        println!(
            "{:<48} {:>9.3} {:>9.3} {:>9.3}   ({} pages)",
            "mean",
            mean(0),
            mean(1),
            mean(2),
            scores.len()
        );
    }
}

/// The text of the page's claims, as storydiff reads the page.
fn claims_text(source: &str, folder: &Path) -> String {
    let version = html::parse(source, &folder.display().to_string(), "page");
    segment::segment(&version, OutletId(0))
        .into_iter()
        .map(|claim| claim.text)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Lower-cased words (runs of letters and digits) with their counts.
fn words(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *counts.entry(word.to_lowercase()).or_insert(0) += 1;
    }
    counts
}

/// Precision, recall and F1 of bag `got` against bag `want`.
fn score(got: &HashMap<String, usize>, want: &HashMap<String, usize>) -> (f64, f64, f64) {
    let overlap: usize = got
        .iter()
        .map(|(w, n)| (*n).min(want.get(w).copied().unwrap_or(0)))
        .sum();
    let total = |bag: &HashMap<String, usize>| bag.values().sum::<usize>();
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let precision = ratio(overlap, total(got));
    let recall = ratio(overlap, total(want));
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    (precision, recall, f1)
}

/// The text of `expected.html`: tags, scripts and styles out, the common
/// character references decoded. Independent of storydiff's HTML reader, so
/// that the measure does not grade the reader against itself.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        out.push(' ');
        rest = &rest[open..];
        let lower = rest.get(..8).unwrap_or(rest).to_ascii_lowercase();
        let skip_to = if lower.starts_with("<script") {
            "</script>"
        } else if lower.starts_with("<style") {
            "</style>"
        } else if lower.starts_with("<!--") {
            "-->"
        } else {
            ">"
        };
        let found = if skip_to == ">" {
            rest.find('>')
        } else {
            rest.to_ascii_lowercase().find(skip_to)
        };
        rest = match found {
            Some(end) => &rest[end + skip_to.len()..],
            None => "",
        };
    }
    out.push_str(rest);
    decode(&out)
}

fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let semi = rest.find(';').filter(|&s| s <= 10);
        let decoded = semi.and_then(|s| {
            let name = &rest[1..s];
            let c = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" | "#39" => '\'',
                "nbsp" => ' ',
                _ => {
                    let number = name.strip_prefix('#')?;
                    let code = match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => number.parse().ok()?,
                    };
                    char::from_u32(code)?
                }
            };
            Some((c, s + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
