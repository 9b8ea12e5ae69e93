//! Framing cues on full articles: BASIL (Fox News, the New York Times and
//! HuffPost covering 41 events), measured against its annotators' `lex`
//! spans and read for the errors editors see first.
//!
//! Run with `cargo bench --bench framing_basil`. Reads
//! `../shared/eval-dev/basil-corpus.jsonl` and `basil-annotations.jsonl`
//! relative to the project root; prints a message and exits 0 when they are
//! absent. Prints, over all stories and over each half of them by story
//! (even and odd positions in the corpus, for checking a fitted lexicon on
//! stories it was not fitted on):
//!
//! - recall of the `lex` spans by word-level cues (every cue but a direct
//!   quote, and no attribution with a plain verb such as "said"), and
//!   word-level cues per article: a cue matches a span when, in
//!   a claim holding the span, one's byte range contains the other's;
//! - the share of claims on the "states it as fact" side of an attribution
//!   difference that hold a speech verb or a quotation mark;
//! - the share of scare-quote cues that are Title Case names;
//! - quote-fidelity findings, and those whose two wordings are within
//!   `NEAR_CHARS` characters of each other.
//!
//! `FRAMING_SHOW=missed` prints the missed spans, `fact` the "as fact"
//! claims judged attributed, `scare` the Title Case scare quotes, `quote`
//! every quote-fidelity finding and `framing` every framing finding.

// A measurement program: printing its numbers is its job.
#![allow(clippy::print_stdout)]

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use storydiff::compare::FindingKind;
use storydiff::compare::framing::{NEUTRAL_VERBS, quote_fidelity};
use storydiff::extract::framing::{Cue, CueKind};
use storydiff::model::{Claim, Story};
use storydiff::{Analyzer, Config};

/// Where the data lives, relative to the project root.
const CORPUS: &str = "../shared/eval-dev/basil-corpus.jsonl";
const ANNOTATIONS: &str = "../shared/eval-dev/basil-annotations.jsonl";

/// Two quoted wordings this many characters apart or fewer (Levenshtein,
/// case-folded) most often differ by spelling, not by words.
const NEAR_CHARS: usize = 4;

/// Speech verbs and phrases that make a claim someone's words: the judge of
/// the "states it as fact" measure, kept apart from the extractor's grammar
/// so that the measure does not grade itself.
const SPEECH: &[&str] = &[
    "according to",
    "acknowledged",
    "added",
    "announced",
    "argued",
    "asked",
    "asserted",
    "claimed",
    "continued",
    "declared",
    "explained",
    "insisted",
    "noted",
    "posted",
    "replied",
    "responded",
    "said",
    "says",
    "stated",
    "testified",
    "told",
    "tweeted",
    "warned",
    "wrote",
];

/// A quoted stretch of this many words or more is a quotation, not a scare
/// quote (the extractor's own line lies lower, at four).
const QUOTATION_MIN_WORDS: usize = 4;

/// Words written in lower case inside a Title Case name.
const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with",
];

#[derive(Deserialize)]
struct Annotated {
    story: String,
    outlets: BTreeMap<String, Article>,
}

#[derive(Deserialize)]
struct Article {
    phrase_level_annotations: Vec<Phrase>,
}

#[derive(Deserialize)]
struct Phrase {
    bias: String,
    txt: String,
}

#[derive(Default)]
struct Tally {
    articles: usize,
    spans: usize,
    found: usize,
    word_cues: usize,
    as_fact: usize,
    as_fact_attributed: usize,
    scare: usize,
    scare_titles: usize,
    quote_findings: usize,
    quote_near: usize,
    framing_findings: usize,
    by_kind: BTreeMap<String, usize>,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.articles += other.articles;
        self.spans += other.spans;
        self.found += other.found;
        self.word_cues += other.word_cues;
        self.as_fact += other.as_fact;
        self.as_fact_attributed += other.as_fact_attributed;
        self.scare += other.scare;
        self.scare_titles += other.scare_titles;
        self.quote_findings += other.quote_findings;
        self.quote_near += other.quote_near;
        self.framing_findings += other.framing_findings;
        for (kind, n) in &other.by_kind {
            *self.by_kind.entry(kind.clone()).or_default() += n;
        }
    }

    fn print(&self, name: &str) {
        let share = |a: usize, b: usize| a as f64 / b.max(1) as f64 * 100.0;
        println!(
            "{name:<6} articles {:>3}  lex recall {:.3} ({}/{})  word cues/article {:.2}  \
             as-fact attributed {:.1}% ({}/{})  scare Title Case {:.1}% ({}/{})  \
             quote-fidelity {} (within {NEAR_CHARS} chars: {})  framing findings {}",
            self.articles,
            self.found as f64 / self.spans.max(1) as f64,
            self.found,
            self.spans,
            self.word_cues as f64 / self.articles.max(1) as f64,
            share(self.as_fact_attributed, self.as_fact),
            self.as_fact_attributed,
            self.as_fact,
            share(self.scare_titles, self.scare),
            self.scare_titles,
            self.scare,
            self.quote_findings,
            self.quote_near,
            self.framing_findings,
        );
        let per_article: Vec<String> = self
            .by_kind
            .iter()
            .map(|(kind, n)| format!("{kind} {:.2}", *n as f64 / self.articles.max(1) as f64))
            .collect();
        println!(
            "{name:<6} cues per article by kind: {}",
            per_article.join(", ")
        );
    }
}

fn fold(text: &str) -> String {
    text.to_lowercase().replace(['’', '‘'], "'")
}

/// `range` of `text` without quotation marks, spaces and punctuation at its
/// ends.
fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let inner = &text[range.clone()];
    let edge = |c: char| !c.is_alphanumeric();
    let start = range.start + (inner.len() - inner.trim_start_matches(edge).len());
    let end = range.end - (inner.len() - inner.trim_end_matches(edge).len());
    start..end.max(start)
}

/// A cue on words rather than on a whole quotation: hedges, loaded terms,
/// scare quotes, and attributions whose verb colours the claim ("claimed",
/// "insisted"; not "said", which no reader takes as a framing).
fn word_level(cue: &Cue) -> bool {
    match cue.kind {
        CueKind::Quote => false,
        CueKind::Attribution => cue
            .verb
            .as_deref()
            .is_some_and(|verb| !NEUTRAL_VERBS.contains(&verb)),
        _ => true,
    }
}

/// Where a `lex` span occurs in a claim: byte ranges, ASCII case folded
/// (which keeps byte offsets).
fn occurrences(claim: &str, span: &str) -> Vec<Range<usize>> {
    let (hay, needle) = (claim.to_ascii_lowercase(), span.trim().to_ascii_lowercase());
    if needle.is_empty() {
        return Vec::new();
    }
    hay.match_indices(&needle)
        .map(|(at, m)| trimmed(claim, at..at + m.len()))
        .collect()
}

fn contains(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start <= b.start && b.end <= a.end
}

/// Whether some word-level cue of the outlet's claims matches the span.
fn found(claims: &[Claim], span: &str) -> bool {
    claims.iter().any(|claim| {
        occurrences(&claim.text, span).iter().any(|at| {
            claim.cues.iter().filter(|c| word_level(c)).any(|cue| {
                let cue_at = trimmed(&claim.text, cue.span.clone());
                contains(&cue_at, at) || contains(at, &cue_at)
            })
        })
    })
}

/// Whether a claim holds someone's words: a speech verb, or a quotation (a
/// quoted stretch of `QUOTATION_MIN_WORDS` or more words, or a quotation
/// mark that opens or closes the claim, as in a quote of several sentences).
fn speech(text: &str) -> bool {
    let lower = fold(text);
    let marks = |c: char| matches!(c, '“' | '”' | '"');
    let trimmed = text.trim_matches(|c: char| c.is_whitespace() || c == '.');
    let open_ended = trimmed.starts_with(marks) || trimmed.ends_with(marks);
    let long_quote = text
        .split(marks)
        .skip(1)
        .step_by(2)
        .any(|inside| inside.split_whitespace().count() >= QUOTATION_MIN_WORDS);
    open_ended
        || long_quote
        || SPEECH
            .iter()
            .any(|verb| storydiff::extract::framing::contains_word(&lower, verb))
}

fn title_case(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    !words.is_empty()
        && words.iter().any(|w| capital(w))
        && words
            .iter()
            .all(|w| capital(w) || TITLE_SMALL_WORDS.contains(&w.to_lowercase().as_str()))
}

fn main() {
    let (corpus, annotations) = (Path::new(CORPUS), Path::new(ANNOTATIONS));
    if !corpus.is_file() || !annotations.is_file() {
        println!("framing_basil: {CORPUS} or {ANNOTATIONS} not found; nothing to measure");
        return;
    }
    let show = std::env::var("FRAMING_SHOW").unwrap_or_default();
    let started = std::time::Instant::now();
    let stories: Vec<Story> = storydiff::load::open(&[corpus.to_path_buf()])
        .filter_map(Result::ok)
        .collect();
    let mut spans: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for line in std::fs::read_to_string(annotations)
        .unwrap_or_default()
        .lines()
    {
        let Ok(annotated) = serde_json::from_str::<Annotated>(line) else {
            continue;
        };
        for (outlet, article) in annotated.outlets {
            let lex = article
                .phrase_level_annotations
                .into_iter()
                .filter(|p| p.bias == "lex")
                .map(|p| p.txt)
                .collect();
            spans.insert((annotated.story.clone(), outlet), lex);
        }
    }
    let Ok(analyzer) = Analyzer::new(&Config::default()) else {
        println!("framing_basil: the built-in lexicons do not build");
        return;
    };
    let mut halves = [Tally::default(), Tally::default()];
    for (n, story) in stories.iter().enumerate() {
        let tally = &mut halves[n % 2];
        let claims = analyzer.claims(story);
        for (o, version) in story.versions.iter().enumerate() {
            tally.articles += 1;
            let key = (story.id.clone(), version.outlet.clone());
            for span in spans.get(&key).into_iter().flatten() {
                tally.spans += 1;
                if found(&claims[o], span) {
                    tally.found += 1;
                } else if show == "missed" {
                    println!("missed\t{}\t{span}", version.outlet);
                }
            }
            for cue in claims[o].iter().flat_map(|c| &c.cues) {
                tally.word_cues += usize::from(word_level(cue));
                *tally.by_kind.entry(format!("{:?}", cue.kind)).or_default() += 1;
                if cue.kind == CueKind::ScareQuote && !cue.text.starts_with("so") {
                    tally.scare += 1;
                    if title_case(&cue.text) {
                        tally.scare_titles += 1;
                        if show == "scare" {
                            println!("scare\t{}", cue.text);
                        }
                    }
                }
            }
        }
        for mismatch in quote_fidelity(&claims) {
            tally.quote_findings += 1;
            let distance =
                strsim::levenshtein(&fold(&mismatch.first_text), &fold(&mismatch.second_text));
            tally.quote_near += usize::from(distance <= NEAR_CHARS);
            if show == "quote" {
                println!(
                    "quote\t{distance}\t{}\t{}",
                    mismatch.first_text, mismatch.second_text
                );
            }
        }
        let Ok(report) = analyzer.analyze(story) else {
            continue;
        };
        for cluster in &report.clusters {
            for difference in &cluster.framing {
                if difference.kind != CueKind::Attribution || !difference.text.ends_with("as fact")
                {
                    continue;
                }
                for other in &difference.others {
                    let claim = &claims[other.outlet.0][other.index];
                    tally.as_fact += 1;
                    if speech(&claim.text) {
                        tally.as_fact_attributed += 1;
                        if show == "fact" {
                            println!("fact\t{}", claim.text);
                        }
                    }
                }
            }
        }
        for finding in &report.findings {
            if finding.kind == FindingKind::Framing {
                tally.framing_findings += 1;
                if show == "framing" {
                    println!(
                        "framing\t{}\t{}\t{:?}\t{}",
                        story.id, finding.cluster, finding.severity, finding.message
                    );
                    let members = report
                        .clusters
                        .iter()
                        .filter(|c| c.id == finding.cluster)
                        .flat_map(|c| &c.members);
                    for member in members {
                        let claim = &claims[member.claim.outlet.0][member.claim.index];
                        println!(
                            "\t{}: {}",
                            story.versions[member.claim.outlet.0].outlet, claim.text
                        );
                    }
                }
            }
        }
    }
    let mut all = Tally::default();
    for half in &halves {
        all.add(half);
    }
    println!("{} stories in {:.1?}", stories.len(), started.elapsed());
    all.print("all");
    halves[0].print("even");
    halves[1].print("odd");
}
