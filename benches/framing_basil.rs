//! Framing cues on full articles: BASIL (Fox News, the New York Times and
//! HuffPost covering 41 events), measured against its annotators' `lex`
//! spans and read for the errors editors see first.
//!
//! Run with `cargo bench --bench framing_basil`. Reads
//! `../shared/eval-dev/basil-corpus.jsonl` and `basil-annotations.jsonl`
//! relative to the project root; prints a message and exits 0 when they are
//! absent. Prints, over all stories and over each half of them by story
//! (even and odd positions in the corpus), the four measures of
//! docs/framing.md:
//!
//! 1. **as fact**: of the claims on the "states it as fact" side of an
//!    attribution difference, the share that hold a verb of communication
//!    (a VerbNet list, [`judges::COMMUNICATION_VERBS`]) or a quotation;
//! 2. **scare Title Case**: the share of scare-quote cues whose words are
//!    all capitalized but the small ones (and how many of those stand in a
//!    claim in headline case);
//! 3. **quote fidelity in form only**: quote-fidelity findings whose two
//!    wordings differ only by contraction, case, punctuation, hyphens,
//!    spaces, bracketed insertions or a transliterated name;
//! 4. **lex recall**: the share of the `lex` spans matched by a word-level
//!    cue of the same outlet (every cue but a direct quote, and no
//!    attribution but with a colouring verb such as "claimed"; a quotation of up to
//!    three words counts, as a scare quote does), a cue matching a span
//!    when, in a claim holding the span, one's byte range contains the
//!    other's; with the word-level cues per article it costs;
//!
//! and then the **held-out recall** of the loaded-term lexicon grown from
//! evidence ([`fit`]): words chosen on four fifths of the stories,
//! measured on the fifth, fold by fold.
//!
//! `FRAMING_SHOW=missed` prints the missed spans, `fact` the "as fact"
//! claims judged attributed, `scare` the Title Case scare quotes, `quote`
//! every quote-fidelity finding, `framing` every framing finding and
//! `fitted` the words the evidence rule chooses on all stories.

// A measurement program: printing its numbers is its job.
#![allow(clippy::print_stdout)]

#[path = "framing_basil/fit.rs"]
mod fit;
#[path = "framing_basil/judges.rs"]
mod judges;

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use storydiff::compare::FindingKind;
use storydiff::compare::framing::{COLOURING_VERBS, quote_fidelity};
use storydiff::extract::framing::{Cue, CueKind, SCARE_QUOTE_MAX_WORDS};
use storydiff::model::{Claim, Story};
use storydiff::{Analyzer, Config};

use judges::{differ_only_in_form, headline_case, speech, speech_forms, title_case};

/// Where the data lives, relative to the project root.
const CORPUS: &str = "../shared/eval-dev/basil-corpus.jsonl";
const ANNOTATIONS: &str = "../shared/eval-dev/basil-annotations.jsonl";

/// The `lex` spans of each article: `(story, outlet)` to span texts.
pub type Spans = BTreeMap<(String, String), Vec<String>>;

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
    scare_titles_in_headlines: usize,
    quote_findings: usize,
    quote_form_only: usize,
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
        self.scare_titles_in_headlines += other.scare_titles_in_headlines;
        self.quote_findings += other.quote_findings;
        self.quote_form_only += other.quote_form_only;
        self.framing_findings += other.framing_findings;
        for (kind, n) in &other.by_kind {
            *self.by_kind.entry(kind.clone()).or_default() += n;
        }
    }

    fn print(&self, name: &str) {
        let share = |a: usize, b: usize| a as f64 / b.max(1) as f64 * 100.0;
        println!(
            "{name:<5} articles {:>3}  1. as fact {:.1}% ({}/{})  2. scare Title Case {:.1}% ({}/{}, {} in headline case)  \
             3. quote fidelity in form only {} of {}  4. lex recall {:.3} ({}/{}) at {:.2} word cues/article  \
             framing findings {}",
            self.articles,
            share(self.as_fact_attributed, self.as_fact),
            self.as_fact_attributed,
            self.as_fact,
            share(self.scare_titles, self.scare),
            self.scare_titles,
            self.scare,
            self.scare_titles_in_headlines,
            self.quote_form_only,
            self.quote_findings,
            self.found as f64 / self.spans.max(1) as f64,
            self.found,
            self.spans,
            self.word_cues as f64 / self.articles.max(1) as f64,
            self.framing_findings,
        );
        let per_article: Vec<String> = self
            .by_kind
            .iter()
            .map(|(kind, n)| format!("{kind} {:.2}", *n as f64 / self.articles.max(1) as f64))
            .collect();
        println!(
            "{name:<5} cues per article by kind: {}",
            per_article.join(", ")
        );
    }
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
pub fn word_level(cue: &Cue) -> bool {
    match cue.kind {
        // A short quotation (a speaker's "politically motivated") is on
        // words like a scare quote; only a longer one covers a whole
        // statement.
        CueKind::Quote => cue.text.split_whitespace().count() <= SCARE_QUOTE_MAX_WORDS,
        CueKind::Attribution => cue
            .verb
            .as_deref()
            .is_some_and(|verb| COLOURING_VERBS.contains(&verb)),
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

/// Whether some cue of the outlet's claims that `keep` accepts matches the
/// span.
pub fn matches(claims: &[Claim], span: &str, keep: impl Fn(&Cue) -> bool) -> bool {
    claims.iter().any(|claim| {
        occurrences(&claim.text, span).iter().any(|at| {
            claim.cues.iter().filter(|c| keep(c)).any(|cue| {
                let cue_at = trimmed(&claim.text, cue.span.clone());
                contains(&cue_at, at) || contains(at, &cue_at)
            })
        })
    })
}

fn read_spans() -> Spans {
    let mut spans = Spans::new();
    for line in std::fs::read_to_string(ANNOTATIONS)
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
    spans
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
    let spans = read_spans();
    let Ok(analyzer) = Analyzer::new(&Config::default()) else {
        println!("framing_basil: the built-in lexicons do not build");
        return;
    };
    let forms = speech_forms();
    let mut halves = [Tally::default(), Tally::default()];
    for (n, story) in stories.iter().enumerate() {
        let tally = &mut halves[n % 2];
        let claims = analyzer.claims(story);
        for (o, version) in story.versions.iter().enumerate() {
            tally.articles += 1;
            let key = (story.id.clone(), version.outlet.clone());
            for span in spans.get(&key).into_iter().flatten() {
                tally.spans += 1;
                if matches(&claims[o], span, word_level) {
                    tally.found += 1;
                } else if show == "missed" {
                    println!("missed\t{}\t{span}", version.outlet);
                }
            }
            for claim in &claims[o] {
                for cue in &claim.cues {
                    tally.word_cues += usize::from(word_level(cue));
                    *tally.by_kind.entry(format!("{:?}", cue.kind)).or_default() += 1;
                    if cue.kind == CueKind::ScareQuote && !cue.text.starts_with("so") {
                        tally.scare += 1;
                        if title_case(&cue.text) {
                            tally.scare_titles += 1;
                            let headline = headline_case(&claim.text);
                            tally.scare_titles_in_headlines += usize::from(headline);
                            if show == "scare" {
                                println!("scare\t{headline}\t{}\t{}", cue.text, claim.text);
                            }
                        }
                    }
                }
            }
        }
        for mismatch in quote_fidelity(&claims) {
            tally.quote_findings += 1;
            let form_only = differ_only_in_form(&mismatch.first_text, &mismatch.second_text);
            tally.quote_form_only += usize::from(form_only);
            if show == "quote" {
                println!(
                    "quote\t{form_only}\t{}\t{}",
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
                    if let Some(why) = speech(&claim.text, &forms) {
                        tally.as_fact_attributed += 1;
                        if show == "fact" {
                            println!("fact\t{why}\t{}", claim.text);
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
    match fit::held_out(&stories, &spans) {
        Some(held) => {
            println!(
                "held-out lex recall {:.3} ({}/{}) at {:.2} word cues/article: loaded terms from {} \
                 chosen on {} of {} story folds (a word kept where it marks a span in {:.0}% of its uses), \
                 measured on the fold left out",
                held.found as f64 / held.spans.max(1) as f64,
                held.found,
                held.spans,
                held.cues as f64 / held.articles.max(1) as f64,
                fit::POOL,
                fit::FOLDS - 1,
                fit::FOLDS,
                fit::MIN_PRECISION * 100.0,
            );
            println!(
                "evidence rule on all stories: {} words; not in lexicons/loaded-terms-evidence.txt: {:?}; \
                 in it but not chosen: {:?}",
                held.chosen.len(),
                held.shipped_missing,
                held.shipped_extra
            );
            if show == "fitted" {
                for word in &held.chosen {
                    println!("fitted\t{word}");
                }
            }
        }
        None => println!("held-out lex recall: {} not found", fit::POOL),
    }
}
