//! Figure verdicts on real text, by perturbation: recall of planted conflicts
//! and false alarms on equivalent rewrites.
//!
//! Reads `../shared/eval-dev/{allsides,basil}-corpus.jsonl` relative to the
//! project root. Each story goes through the public analyze path
//! (`Analyzer::analyze`). Wherever two outlets' claims in one cluster state
//! the same exact number and the cluster has no figure conflict, one
//! outlet's article is edited at that number in two ways, and the edited
//! story is analyzed again from its text, so that what counts is what a
//! user sees: the findings of the report, after the compare stage's
//! confidence gate.
//!
//! - **planted**: the number becomes a clearly different one (x1.5, or +3
//!   below 10 and for years); caught when the report carries a
//!   figure-conflict finding (error or warning) naming the new number on
//!   the cluster of the edited claim;
//! - **equivalent**: the number is written another way ("15,000" as
//!   "15000", "40%" as "40 percent", "7" as "seven", "$30 billion" as
//!   "about $30 billion"); a false alarm when the report carries any
//!   figure-conflict finding on the cluster of the edited claim.
//!
//! Planted conflicts in clusters below the alignment's confidence gate
//! count as missed (no finding can come from them); the line says how many
//! there were.
//!
//! Stories are split into two halves by a hash of their id: rules are
//! developed looking at the misses of the `dev` half only, `held` is the
//! check. It also counts the figure-conflict errors and warnings on the
//! unedited corpora. Run with `cargo bench --bench figure_perturbation`; set
//! `FIGURE_MISSES=1` to list the misses and false alarms of the dev half,
//! `FIGURE_ERRORS=1` to list every figure-conflict error with its claims
//! (both halves: they are read by hand in docs/figures.md).
//! `FIGURE_SPLIT=1` gives every outlet a twin with the same text, and edits
//! an outlet and its twin together: the outlets then split two against
//! four on the number, as when several outlets carry one wrong figure.
//! Without the data it says so and exits 0.
#![allow(clippy::print_stdout, missing_docs)]

use std::path::Path;

use rayon::prelude::*;
use storydiff::Analyzer;
use storydiff::compare::Report;
use storydiff::compare::figures::Verdict;
use storydiff::extract::figures::{Figure, FigureKind, Qualifier};
use storydiff::model::{Claim, ClaimRef, FindingKind, Severity, Story, Version};

const DATA: &str = "../shared/eval-dev";
const CORPORA: [&str; 2] = ["allsides-corpus.jsonl", "basil-corpus.jsonl"];

/// Below this a planted number is the stated one plus 3, not times 1.5:
/// 2 × 1.5 = 3 is too close to call "clearly different".
const SMALL: f64 = 10.0;

#[derive(Default)]
struct Tally {
    planted: usize,
    caught: usize,
    caught_error: usize,
    rewrites: usize,
    false_alarms: usize,
    false_errors: usize,
    /// Planted conflicts whose claim the alignment no longer puts with the
    /// claim it agreed with before the edit.
    apart: usize,
    /// Planted conflicts in clusters below the alignment's confidence
    /// gate, which raise no finding whatever their figures.
    gated: usize,
    /// Planted conflicts still aligned in a confident cluster, and how many
    /// of them were caught: what the figure stages alone are answerable for.
    kept: usize,
    kept_caught: usize,
    /// Figure-conflict errors and warnings on the unedited corpus.
    errors: usize,
    warnings: usize,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.planted += other.planted;
        self.caught += other.caught;
        self.caught_error += other.caught_error;
        self.rewrites += other.rewrites;
        self.false_alarms += other.false_alarms;
        self.false_errors += other.false_errors;
        self.gated += other.gated;
        self.apart += other.apart;
        self.kept += other.kept;
        self.kept_caught += other.kept_caught;
        self.errors += other.errors;
        self.warnings += other.warnings;
    }

    fn line(&self, name: &str) -> String {
        let share = |n: usize, of: usize| format!("{:.3} ({n}/{of})", n as f64 / of.max(1) as f64);
        format!(
            "{name:<15} recall {} as error {}   false alarms {} as error {}\n\
             {:<15} aligned apart {}, gated {}; recall where still aligned {}\n\
             {:<15} unedited: {} errors, {} warnings",
            share(self.caught, self.planted),
            share(self.caught_error, self.planted),
            share(self.false_alarms, self.rewrites),
            share(self.false_errors, self.rewrites),
            "",
            self.apart,
            self.gated,
            share(self.kept_caught, self.kept),
            "",
            self.errors,
            self.warnings,
        )
    }
}

/// The digits of the figure's number within the claim: the first run of
/// digits (with inner commas and one dot) in the figure's text.
fn digits_in(claim: &str, figure: &Figure) -> Option<std::ops::Range<usize>> {
    let text = claim.get(figure.span.clone())?;
    let bytes = text.as_bytes();
    let start = bytes.iter().position(u8::is_ascii_digit)?;
    let mut end = start;
    while end < bytes.len()
        && (bytes[end].is_ascii_digit()
            || ((bytes[end] == b',' || bytes[end] == b'.')
                && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)))
    {
        end += 1;
    }
    // A second number in the figure ("10-20") makes the edit ambiguous;
    // a tally's first side is edited ("50-49" to "75-49").
    if figure.kind != FigureKind::Tally && bytes[end..].iter().any(u8::is_ascii_digit) {
        return None;
    }
    Some(figure.span.start + start..figure.span.start + end)
}

fn grouped(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn format_number(v: f64, commas: bool) -> String {
    if v.fract() == 0.0 {
        if commas {
            grouped(v as u64)
        } else {
            format!("{}", v as u64)
        }
    } else {
        format!("{v:.1}")
    }
}

fn words(n: u64) -> Option<String> {
    const ONES: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 10] = [
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    match n {
        0..=19 => Some(ONES[n as usize].to_string()),
        20..=99 if n.is_multiple_of(10) => Some(TENS[n as usize / 10].to_string()),
        20..=99 => Some(format!(
            "{}-{}",
            TENS[n as usize / 10],
            ONES[n as usize % 10]
        )),
        _ => None,
    }
}

/// The number at `range` of `text` read as written.
fn read(text: &str, range: &std::ops::Range<usize>) -> Option<f64> {
    text[range.clone()].replace(',', "").parse().ok()
}

/// The claim with its number at `range` made clearly different, and the
/// new number as written.
fn planted(
    text: &str,
    range: &std::ops::Range<usize>,
    kind: FigureKind,
) -> Option<(String, String)> {
    let n = read(text, range)?;
    let changed = if n < SMALL || kind == FigureKind::Year {
        n + 3.0
    } else if kind == FigureKind::Tally {
        (n * 1.5).round()
    } else {
        n * 1.5
    };
    let commas = text[range.clone()].contains(',');
    let number = format_number(changed, commas);
    Some((
        format!("{}{number}{}", &text[..range.start], &text[range.end..]),
        number,
    ))
}

/// The claim with its number at `range` written in an equivalent form.
fn equivalent(text: &str, range: &std::ops::Range<usize>, figure: &Figure) -> Option<String> {
    if figure.kind == FigureKind::Year {
        return None;
    }
    let n = read(text, range)?;
    let written = &text[range.clone()];
    let (before, after) = (&text[..range.start], &text[range.end..]);
    if figure.kind == FigureKind::Tally {
        // "54-35" as "54 to 35", "134-to-63" as "134 to 63"
        let rest = after
            .strip_prefix("-to-")
            .or_else(|| after.strip_prefix('-'))?;
        return Some(format!("{before}{written} to {rest}"));
    }
    if let Some(rest) = after.strip_prefix('%') {
        return Some(format!("{before}{written} percent{rest}"));
    }
    if written.contains(',') {
        return Some(format!("{before}{}{after}", written.replace(',', "")));
    }
    let integer = n.fract() == 0.0 && !written.contains('.');
    if integer && (1000.0..1e7).contains(&n) {
        return Some(format!("{before}{}{after}", grouped(n as u64)));
    }
    let attached = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || "$£€¥".contains(c));
    if integer
        && !attached(before.chars().next_back())
        && !attached(after.chars().next())
        && let Some(w) = words(n as u64)
    {
        return Some(format!("{before}{w}{after}"));
    }
    if figure.qualifier == Qualifier::Exact {
        let at = figure.span.start;
        return Some(format!("{}about {}", &text[..at], &text[at..]));
    }
    None
}

/// Two exact statements of one number of one kind, in different outlets;
/// for tallies, the same two sides.
fn same_number(a: &Figure, b: &Figure) -> bool {
    if a.kind == FigureKind::Tally {
        return b.kind == a.kind && a.low == b.low && a.high == b.high;
    }
    a.kind == b.kind
        && !matches!(a.kind, FigureKind::Date | FigureKind::Ordinal)
        && a.qualifier == Qualifier::Exact
        && b.qualifier == Qualifier::Exact
        && a.value.is_some()
        && a.value == b.value
}

/// A stable half for a story id: FNV-1a of its bytes.
fn held(id: &str) -> bool {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in id.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
    }
    h % 2 == 1
}

/// Where byte `offset` of a claim's text lies in its version: the claim's
/// text has its whitespace collapsed, so the offset is found by counting
/// the characters that are not whitespace. `None` when the claim cannot be
/// found in the version's text.
fn source_offset(version: &Version, claim: &Claim, offset: usize) -> Option<(bool, usize)> {
    let Some(span) = &claim.span else {
        // the headline: its text as given
        let title = version.title.as_deref()?;
        let at = title.find(&claim.text)?;
        return Some((true, at + offset));
    };
    let body = version.body.get(span.clone())?;
    let wanted = claim.text[..offset]
        .chars()
        .filter(|c| !c.is_whitespace())
        .count();
    let mut seen = 0;
    for (at, c) in body.char_indices() {
        if seen == wanted && !c.is_whitespace() {
            return Some((false, span.start + at));
        }
        if !c.is_whitespace() {
            seen += 1;
        }
    }
    None
}

/// The story with `range` of claim `claim` of outlet `outlet` replaced by
/// what `edit` makes of the claim's text. `None` when the claim cannot be
/// placed in its version.
fn edited_story(
    story: &Story,
    claim: &Claim,
    range: &std::ops::Range<usize>,
    replacement: &str,
    twins: Option<usize>,
) -> Option<Story> {
    let o = claim.outlet.0;
    let version = &story.versions[o];
    let (title, start) = source_offset(version, claim, range.start)?;
    let len = range.end - range.start;
    let mut edited = story.clone();
    for o in std::iter::once(o).chain(twins.map(|n| o + n)) {
        let text = if title {
            edited.versions[o].title.as_mut()?
        } else {
            &mut edited.versions[o].body
        };
        if text.get(start..start + len)? != &claim.text[range.clone()] {
            return None;
        }
        text.replace_range(start..start + len, replacement);
    }
    Some(edited)
}

/// `story` with a twin of every outlet: the same text under another name.
fn with_twins(story: &Story) -> Story {
    let mut twinned = story.clone();
    for version in &story.versions {
        let mut twin = version.clone();
        twin.outlet = format!("{} twin", version.outlet);
        twinned.versions.push(twin);
    }
    twinned
}

/// Whether `message` names the number `number` on its own, not as part
/// of a longer number ("15,000" is not named by "115,000").
fn names(message: &str, number: &str) -> bool {
    message.match_indices(number).any(|(at, _)| {
        let before = message[..at].chars().next_back();
        let after = message[at + number.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_digit() || c == ',' || c == '.')
            && !after.is_some_and(|c| c.is_ascii_digit())
    })
}

/// The part of `old` that `new` replaces, and what replaces it: the text
/// between their common start and common end.
fn difference<'a>(old: &str, new: &'a str) -> (std::ops::Range<usize>, &'a str) {
    let prefix = old
        .char_indices()
        .zip(new.chars())
        .find(|((_, a), b)| a != b)
        .map_or(old.len().min(new.len()), |((at, _), _)| at);
    let limit = old.len().min(new.len()) - prefix;
    let suffix = old[prefix..]
        .chars()
        .rev()
        .zip(new[prefix..].chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum::<usize>()
        .min(limit);
    (prefix..old.len() - suffix, &new[prefix..new.len() - suffix])
}

/// What the report of an edited story shows on the cluster of the edited
/// claim.
#[derive(Clone, Copy)]
struct Shown {
    /// A figure-conflict finding (one naming the planted number when one
    /// is expected).
    any: bool,
    /// One of them an error.
    error: bool,
    /// The edited claim still shares a cluster with a claim that gave the
    /// same number before the edit.
    together: bool,
    /// That cluster is below the confidence gate of figure conflicts
    /// (`linked_confidence`).
    gated: bool,
}

/// What the report of an edited story shows on the cluster of the claim of
/// `outlet` whose text is `text`; `partners` are the texts of the claims
/// that agreed with it, by outlet. `None` when the edited claim is not found.
fn shown(
    report: &Report,
    outlet: usize,
    text: &str,
    partners: &[(usize, &str)],
    expect: Option<&str>,
) -> Option<Shown> {
    let index = report.claims[outlet].iter().position(|c| c.text == text)?;
    let cluster = report.clusters.iter().find(|c| {
        c.members
            .iter()
            .any(|m| m.claim.outlet.0 == outlet && m.claim.index == index)
    })?;
    let findings: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::FigureConflict && f.cluster == cluster.id)
        .filter(|f| expect.is_none_or(|e| names(&f.message, e)))
        .collect();
    let together = cluster.members.iter().any(|m| {
        partners
            .iter()
            .any(|&(o, t)| m.claim.outlet.0 == o && report.claim(m.claim).text == t)
    });
    Some(Shown {
        any: !findings.is_empty(),
        error: findings.iter().any(|f| f.severity == Severity::Error),
        together,
        gated: cluster.linked_confidence < storydiff::align::CONFIDENT,
    })
}

/// The tally of one story, and the lines that list its misses, false alarms
/// and errors (when asked for).
fn story_tally(
    story: &Story,
    analyzer: &Analyzer,
    verbose: bool,
    errors: bool,
    twins: Option<usize>,
) -> (Tally, String) {
    let mut tally = Tally::default();
    let mut out = String::new();
    let Ok(report) = analyzer.analyze(story) else {
        return (tally, out);
    };
    for finding in report
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::FigureConflict)
    {
        if finding.severity == Severity::Error {
            tally.errors += 1;
            if errors {
                let cluster = report.clusters.iter().find(|c| c.id == finding.cluster);
                out += &format!(
                    "  error {} {}: {}\n",
                    story.id, finding.cluster, finding.message
                );
                for m in cluster.into_iter().flat_map(|c| &c.members) {
                    out += &format!("      {:?}\n", report.claim(m.claim).text);
                }
            }
        } else {
            tally.warnings += 1;
        }
    }
    for cluster in &report.clusters {
        let members: Vec<(ClaimRef, &Claim)> = cluster
            .members
            .iter()
            .map(|m| (m.claim, report.claim(m.claim)))
            .collect();
        let conflicted = cluster
            .figures
            .iter()
            .any(|c| c.verdict == Verdict::Conflict);
        if members.len() < 2 || conflicted {
            continue;
        }
        let mut edited = std::collections::BTreeSet::new();
        for (i, (rb, b)) in members.iter().enumerate() {
            // An outlet is edited with its twin; its twin is no partner.
            if twins.is_some_and(|n| rb.outlet.0 >= n) {
                continue;
            }
            let twin = twins.map(|n| rb.outlet.0 + n);
            for fb in &b.figures {
                let partners: Vec<(usize, &str)> = members
                    .iter()
                    .filter(|(ra, a)| {
                        ra.outlet != rb.outlet
                            && Some(ra.outlet.0) != twin
                            && a.figures.iter().any(|fa| same_number(fa, fb))
                    })
                    .map(|(ra, a)| (ra.outlet.0, a.text.as_str()))
                    .collect();
                let agreed = !partners.is_empty();
                if !agreed || !edited.insert((i, fb.span.start)) {
                    continue;
                }
                let Some(range) = digits_in(&b.text, fb) else {
                    continue;
                };
                // run the edited story through the whole pipeline and look
                // at what its report shows on the edited claim's cluster
                let mut run = |text: String, expect: Option<&str>| -> Option<Shown> {
                    let expect_conflict = expect.is_some();
                    let (cut, replacement) = difference(&b.text, &text);
                    let edited_story = edited_story(story, b, &cut, replacement, twins)?;
                    let edited_report = analyzer.analyze(&edited_story).ok()?;
                    let raised = shown(&edited_report, rb.outlet.0, &text, &partners, expect)?;
                    if verbose && raised.any != expect_conflict {
                        let what = if expect_conflict {
                            if !raised.together {
                                "missed (aligned apart)"
                            } else if raised.gated {
                                "missed (cluster not confident)"
                            } else {
                                "missed"
                            }
                        } else {
                            "false alarm"
                        };
                        out += &format!("  {what} [{}]: {:?}\n", fb.text, text);
                        for (r, other) in &members {
                            if r.outlet != rb.outlet {
                                out += &format!("      against: {:?}\n", other.text);
                            }
                        }
                    }
                    Some(raised)
                };
                if let Some((text, number)) = planted(&b.text, &range, fb.kind)
                    && let Some(seen) = run(text, Some(&number))
                {
                    tally.planted += 1;
                    tally.caught += usize::from(seen.any);
                    tally.caught_error += usize::from(seen.error);
                    if !seen.together {
                        tally.apart += 1;
                    } else if seen.gated {
                        tally.gated += 1;
                    } else {
                        tally.kept += 1;
                        tally.kept_caught += usize::from(seen.any);
                    }
                }
                if let Some(text) = equivalent(&b.text, &range, fb)
                    && let Some(seen) = run(text, None)
                {
                    tally.rewrites += 1;
                    tally.false_alarms += usize::from(seen.any);
                    tally.false_errors += usize::from(seen.error);
                }
            }
        }
    }
    (tally, out)
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(DATA);
    let verbose = std::env::var_os("FIGURE_MISSES").is_some();
    let errors = std::env::var_os("FIGURE_ERRORS").is_some();
    let split = std::env::var_os("FIGURE_SPLIT").is_some();
    let analyzer = Analyzer::new(&storydiff::Config::default()).expect("default configuration");
    let mut all = [Tally::default(), Tally::default()];
    for name in CORPORA {
        let path = root.join(name);
        if !path.is_file() {
            println!("{name}: {} not found; nothing to measure", path.display());
            continue;
        }
        let stories: Vec<Story> = storydiff::load::jsonl::open_file(&path).flatten().collect();
        let results: Vec<(usize, Tally, String)> = stories
            .par_iter()
            .map(|story| {
                let half = usize::from(held(&story.id));
                let (tally, out) = if split {
                    let twinned = with_twins(story);
                    let n = Some(story.versions.len());
                    story_tally(&twinned, &analyzer, verbose && half == 0, errors, n)
                } else {
                    story_tally(story, &analyzer, verbose && half == 0, errors, None)
                };
                (half, tally, out)
            })
            .collect();
        let mut halves = [Tally::default(), Tally::default()];
        for (half, tally, out) in &results {
            print!("{out}");
            halves[*half].add(tally);
        }
        let corpus = name.trim_end_matches("-corpus.jsonl");
        for (half, tally) in ["dev", "held"].iter().zip(&halves) {
            println!("{}", tally.line(&format!("{corpus} {half}")));
        }
        for (sum, tally) in all.iter_mut().zip(&halves) {
            sum.add(tally);
        }
    }
    for (half, tally) in ["dev", "held"].iter().zip(&all) {
        println!("{}", tally.line(&format!("both {half}")));
    }
}
