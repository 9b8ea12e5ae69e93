//! Framing differences between the members of a cluster, quote fidelity
//! across outlets, and outlet profiles.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

use crate::extract::framing::{Cue, CueKind, contains_word};
use crate::model::{Claim, ClaimRef, OutletId};

/// Verbs that attribute without colouring: a claim "said" by a source is
/// framed no differently from one it "told" or that is "according to" it.
pub const NEUTRAL_VERBS: &[&str] = &[
    "according to",
    "add",
    "announce",
    "ask",
    "confirm",
    "continue",
    "describe",
    "explain",
    "note",
    "post",
    "read",
    "recall",
    "reply",
    "report",
    "respond",
    "say",
    "state",
    "tell",
    "testify",
    "tweet",
    "write",
];

/// Verbs that pin a label on its source rather than the claim ("an offer it
/// called “generous”"): the claim itself is still stated as fact.
const LABEL_VERBS: &[&str] = &["call", "describe"];

/// Two quotations whose case-folded texts (the shorter against the best
/// matching stretch of the longer) are at least this similar (normalized
/// Levenshtein) are the same quotation worded differently: high enough that
/// "a mistake" and "tragic mistake" or two different sentences of one
/// speaker do not match, low enough that "&" for "and", a dropped word or
/// "system" for "systems" still does.
pub const QUOTE_SIMILARITY: f64 = 0.75;

/// Quotations shorter than this many words are not checked for fidelity:
/// one- and two-word quotations ("terrorist", "slave peace") are terms more
/// than statements, and differ by inflection more often than by
/// misquotation.
pub const QUOTE_MIN_WORDS: usize = 3;

/// A quotation longer than this many characters is cut in a message.
const QUOTE_SHOWN_CHARS: usize = 80;

/// Shares are rounded to this many decimals so that JSON output reads well
/// and stays byte-identical across platforms.
const SHARE_DECIMALS: i32 = 3;

/// One outlet's framing of a claim where another outlet frames it otherwise.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FramingDifference {
    /// The kind of cue that differs.
    pub kind: CueKind,
    /// Which claim carries the cue.
    #[serde(skip)]
    pub claim: ClaimRef,
    /// The cue's words and what the others do instead.
    pub text: String,
    /// The members of the cluster that frame the claim otherwise.
    #[serde(skip)]
    pub others: Vec<ClaimRef>,
    /// How much the difference changes what a reader takes away.
    #[serde(skip)]
    pub strength: Strength,
}

/// How strongly a framing difference changes the claim for a reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Strength {
    /// A word of style: "said" against "stated", a hedge, a quotation
    /// against its paraphrase, a loaded word the others simply leave out. At
    /// most an info finding.
    Weak,
    /// A change of stance: a loaded word against its neutral counterpart or
    /// against scare quotes, a claim pinned on a source against one stated
    /// as fact, unnamed against named sources. A finding of the configured
    /// framing severity.
    Strong,
}

fn of_kind(claim: &Claim, kind: CueKind) -> impl Iterator<Item = &Cue> {
    claim.cues.iter().filter(move |c| c.kind == kind)
}

fn has(claim: &Claim, kind: CueKind) -> bool {
    of_kind(claim, kind).next().is_some()
}

/// The other members meant, with a verb that agrees: "the other outlet
/// states", "the others state", "1 of the 2 others states".
fn others(matching: usize, total: usize, singular: &str, plural: &str) -> String {
    let verb = if matching == 1 { singular } else { plural };
    if matching == total {
        if total == 1 {
            format!("the other outlet {verb}")
        } else {
            format!("the others {verb}")
        }
    } else {
        format!("{matching} of the {total} others {verb}")
    }
}

fn quoted_list<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    let mut seen = BTreeSet::new();
    words
        .into_iter()
        .filter(|w| seen.insert(w.to_lowercase()))
        .map(|w| format!("\"{w}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

fn shorten(text: &str) -> String {
    if text.chars().count() <= QUOTE_SHOWN_CHARS {
        text.to_string()
    } else {
        let cut: String = text.chars().take(QUOTE_SHOWN_CHARS).collect();
        format!("{}…", cut.trim_end())
    }
}

/// A quoted term folded for comparison: lower case, straight apostrophes,
/// single spaces, "so-called" dropped, outer punctuation trimmed.
fn fold_term(text: &str) -> String {
    let lower = text.to_lowercase().replace(['’', '‘'], "'");
    let lower = lower
        .strip_prefix("so-called ")
        .or_else(|| lower.strip_prefix("so called "))
        .unwrap_or(&lower);
    lower
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_string()
}

/// The framing differences among the members of one cluster, member by
/// member in the order given, and kind by kind within a member.
pub fn compare_cluster(members: &[(ClaimRef, &Claim)]) -> Vec<FramingDifference> {
    let mut differences = Vec::new();
    if members.len() < 2 {
        return differences;
    }
    for (n, &(claim, this)) in members.iter().enumerate() {
        let rest: Vec<(ClaimRef, &Claim)> = members
            .iter()
            .enumerate()
            .filter(|&(k, _)| k != n)
            .map(|(_, &m)| m)
            .collect();
        let mut push = |kind: CueKind, strength: Strength, text: String, others: Vec<ClaimRef>| {
            differences.push(FramingDifference {
                kind,
                claim,
                text,
                others,
                strength,
            });
        };
        if let Some((text, others)) = attribution_difference(this, &rest) {
            push(CueKind::Attribution, Strength::Strong, text, others);
        }
        if let Some((text, others)) = verb_difference(this, &rest) {
            push(CueKind::Attribution, Strength::Weak, text, others);
        }
        if has(this, CueKind::Hedge) {
            let plain = refs(&rest, |o| !has(o, CueKind::Hedge));
            if !plain.is_empty() {
                let words = quoted_list(of_kind(this, CueKind::Hedge).map(|c| c.text.as_str()));
                let text = format!(
                    "hedges with {words}; {} not",
                    others(plain.len(), rest.len(), "does", "do")
                );
                push(CueKind::Hedge, Strength::Weak, text, plain);
            }
        }
        if has(this, CueKind::Quote) {
            let paraphrase = refs(&rest, |o| !has(o, CueKind::Quote));
            if !paraphrase.is_empty() {
                let quote = of_kind(this, CueKind::Quote).next().expect("has a quote");
                let who = quote
                    .speaker
                    .as_deref()
                    .map_or(String::new(), |s| format!("{s} "));
                let text = format!(
                    "quotes {who}directly (\"{}\"); {}",
                    shorten(&quote.text),
                    others(paraphrase.len(), rest.len(), "paraphrases", "paraphrase")
                );
                push(CueKind::Quote, Strength::Weak, text, paraphrase);
            }
        }
        for cue in of_kind(this, CueKind::ScareQuote) {
            let term = fold_term(&cue.text);
            let without: Vec<(ClaimRef, &Claim)> = rest
                .iter()
                .filter(|(_, o)| {
                    !of_kind(o, CueKind::ScareQuote).any(|c| fold_term(&c.text) == term)
                })
                .copied()
                .collect();
            if without.is_empty() {
                continue;
            }
            let plainly = without
                .iter()
                .filter(|(_, o)| contains_word(&o.text, &term))
                .count();
            let what = if cue.text.to_lowercase().starts_with("so") {
                format!("writes \"{}\"", cue.text)
            } else {
                format!("puts \"{}\" in scare quotes", cue.text)
            };
            let text = if plainly == without.len() {
                format!(
                    "{what}; {} \"{term}\" plainly",
                    others(without.len(), rest.len(), "writes", "write")
                )
            } else {
                format!(
                    "{what}; {} not",
                    others(without.len(), rest.len(), "does", "do")
                )
            };
            push(
                CueKind::ScareQuote,
                Strength::Strong,
                text,
                without.iter().map(|(r, _)| *r).collect(),
            );
        }
        for cue in of_kind(this, CueKind::LoadedTerm) {
            let loaded = cue.text.to_lowercase();
            let without: Vec<(ClaimRef, &Claim)> = rest
                .iter()
                .filter(|(_, o)| {
                    !of_kind(o, CueKind::LoadedTerm).any(|c| c.text.to_lowercase() == loaded)
                })
                .copied()
                .collect();
            if without.is_empty() {
                continue;
            }
            let neutral_users = match &cue.neutral {
                Some(neutral) => without
                    .iter()
                    .filter(|(_, o)| contains_word(&o.text, neutral))
                    .count(),
                None => 0,
            };
            let distanced = without
                .iter()
                .filter(|(_, o)| {
                    of_kind(o, CueKind::ScareQuote).any(|c| fold_term(&c.text) == loaded)
                })
                .count();
            let strength = if distanced == without.len() || neutral_users > 0 {
                Strength::Strong
            } else {
                Strength::Weak
            };
            let text = match &cue.neutral {
                _ if distanced == without.len() => format!(
                    "writes \"{}\" plainly where {} it at a distance (scare quotes, \"so-called\")",
                    cue.text,
                    others(distanced, rest.len(), "keeps", "keep")
                ),
                Some(neutral) if neutral_users > 0 => format!(
                    "writes \"{}\" where {} \"{neutral}\"",
                    cue.text,
                    others(neutral_users, rest.len(), "writes", "write")
                ),
                _ => format!(
                    "writes \"{}\"; {} not",
                    cue.text,
                    others(without.len(), rest.len(), "does", "do")
                ),
            };
            push(
                CueKind::LoadedTerm,
                strength,
                text,
                without.iter().map(|(r, _)| *r).collect(),
            );
        }
    }
    differences
}

fn refs(members: &[(ClaimRef, &Claim)], keep: impl Fn(&Claim) -> bool) -> Vec<ClaimRef> {
    members
        .iter()
        .filter(|(_, c)| keep(c))
        .map(|(r, _)| *r)
        .collect()
}

fn describe_source(cue: &Cue) -> String {
    let source = cue.source.as_deref().unwrap_or("");
    let named = if cue.named == Some(false) {
        "unnamed"
    } else {
        "named"
    };
    let verb = cue.verb.as_deref().unwrap_or("");
    format!("\"{source}\" ({named}, {verb})")
}

/// "attributes it to X; others state it as fact", or "pins it on unnamed
/// sources; others name theirs".
fn attribution_difference(
    this: &Claim,
    rest: &[(ClaimRef, &Claim)],
) -> Option<(String, Vec<ClaimRef>)> {
    let cues: Vec<&Cue> = of_kind(this, CueKind::Attribution)
        .filter(|c| !c.verb.as_deref().is_some_and(|v| LABEL_VERBS.contains(&v)))
        .collect();
    if cues.is_empty() {
        return None;
    }
    let sources: Vec<String> = cues.iter().map(|c| describe_source(c)).collect();
    // A quotation is someone's words even where its speaker is named in
    // another sentence: never a statement of fact.
    let as_fact = refs(rest, |o| {
        !has(o, CueKind::Attribution) && !has(o, CueKind::Quote)
    });
    if !as_fact.is_empty() {
        let text = format!(
            "attributes it to {}; {} it as fact",
            sources.join(" and "),
            others(as_fact.len(), rest.len(), "states", "state")
        );
        return Some((text, as_fact));
    }
    let all_unnamed = cues.iter().all(|c| c.named == Some(false));
    let naming = refs(rest, |o| {
        of_kind(o, CueKind::Attribution).any(|c| c.named == Some(true))
    });
    if all_unnamed && !naming.is_empty() {
        let text = format!(
            "pins it on unnamed sources ({}); {} a source",
            quoted_list(cues.iter().filter_map(|c| c.source.as_deref())),
            others(naming.len(), rest.len(), "names", "name")
        );
        return Some((text, naming));
    }
    None
}

/// "says "claim" where others use "say"": a colouring attribution verb
/// where the others use other verbs.
fn verb_difference(this: &Claim, rest: &[(ClaimRef, &Claim)]) -> Option<(String, Vec<ClaimRef>)> {
    let verbs = |c: &Claim| -> BTreeSet<String> {
        of_kind(c, CueKind::Attribution)
            .filter_map(|c| c.verb.clone())
            .collect()
    };
    let mine: BTreeSet<String> = verbs(this)
        .into_iter()
        .filter(|v| !NEUTRAL_VERBS.contains(&v.as_str()))
        .collect();
    if mine.is_empty() {
        return None;
    }
    let differing: Vec<(ClaimRef, BTreeSet<String>)> = rest
        .iter()
        .map(|(r, c)| (*r, verbs(c)))
        .filter(|(_, v)| !v.is_empty() && v.is_disjoint(&mine))
        .collect();
    if differing.is_empty() {
        return None;
    }
    let theirs: BTreeSet<&str> = differing
        .iter()
        .flat_map(|(_, v)| v.iter().map(String::as_str))
        .collect();
    let text = format!(
        "attributes with {} where {} {}",
        quoted_list(mine.iter().map(String::as_str)),
        others(differing.len(), rest.len(), "uses", "use"),
        quoted_list(theirs)
    );
    Some((text, differing.into_iter().map(|(r, _)| r).collect()))
}

/// The same quotation worded differently by two outlets.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteMismatch {
    /// The claim with the first wording.
    pub first: ClaimRef,
    /// Its quotation, as written.
    pub first_text: String,
    /// The claim with the second wording, in another outlet.
    pub second: ClaimRef,
    /// Its quotation, as written.
    pub second_text: String,
    /// A compact character diff of the folded quotations:
    /// `[-a -]slave's peace`.
    pub diff: String,
}

/// The character diff of two folded quotations: `[-deleted-]{+inserted+}`.
pub fn char_diff(old: &str, new: &str) -> String {
    let diff = TextDiff::from_chars(old, new);
    let mut out = String::new();
    let mut run: Option<ChangeTag> = None;
    let close = |out: &mut String, tag: Option<ChangeTag>| match tag {
        Some(ChangeTag::Delete) => out.push_str("-]"),
        Some(ChangeTag::Insert) => out.push_str("+}"),
        _ => {}
    };
    for change in diff.iter_all_changes() {
        let tag = change.tag();
        if run != Some(tag) {
            close(&mut out, run);
            match tag {
                ChangeTag::Delete => out.push_str("[-"),
                ChangeTag::Insert => out.push_str("{+"),
                ChangeTag::Equal => {}
            }
            run = Some(tag);
        }
        out.push_str(change.value());
    }
    close(&mut out, run);
    out
}

struct Quotation<'a> {
    claim: ClaimRef,
    text: &'a str,
    /// Its words, normalized ([`quote_words`]).
    words: Vec<Word>,
    /// The normalized words joined: equal keys are the same quotation.
    key: String,
}

/// A word of a quotation, normalized, and whether it was capitalized (a
/// name, unless it opens the quotation).
#[derive(Debug, Clone, PartialEq)]
struct Word {
    text: String,
    name: bool,
}

/// A quotation's words as compared: lower case, curly apostrophes straight,
/// punctuation but apostrophes and hyphens dropped ("re-confirmed" is
/// "reconfirmed"), "&" as "and", titles written out ("Sen." is "senator"),
/// contractions written out ("he's" is "he is", "don't" is "do not"), an
/// Arabic article dropped from names ("al-Qaddafi" is "Qaddafi"),
/// and bracketed insertions ("[the president]") left out, since they are
/// the outlet's words, not the speaker's.
fn quote_words(text: &str) -> Vec<Word> {
    let mut unbracketed = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => unbracketed.push(c),
            _ => unbracketed.push(' '),
        }
    }
    let mut words = Vec::new();
    for (n, raw) in unbracketed
        .split(|c: char| c.is_whitespace() || matches!(c, '—' | '–' | '―' | '/'))
        .enumerate()
    {
        let raw = raw.replace(['’', '‘'], "'");
        let raw = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '&');
        if raw.is_empty() {
            continue;
        }
        let capitalized = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        // "al-Qaddafi": the article goes, the name stays.
        let raw = ["al-", "Al-", "el-", "El-"]
            .iter()
            .find_map(|article| raw.strip_prefix(article).filter(|rest| capitalized(rest)))
            .unwrap_or(raw);
        let name = n > 0 && capitalized(raw);
        let lower = raw.to_lowercase();
        for part in expand_contraction(&lower) {
            let text: String = part
                .chars()
                .filter(|c| c.is_alphanumeric() || *c == '\'')
                .collect();
            if !text.is_empty() {
                words.push(Word { text, name });
            }
        }
    }
    words
}

/// Numbers written as words, by value: a speaker's "thirty years" is "30
/// years" in another outlet's style.
const NUMBER_WORDS: &[&str] = &[
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

/// Tens written as words, from twenty.
const TENS_WORDS: &[&str] = &[
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Words before "'s" that make it "is" ("he's", "that's"); after others it
/// is a possessive ("Trump's").
const IS_BEFORE_S: &[&str] = &[
    "he", "here", "how", "it", "let", "she", "that", "there", "what", "when", "where", "who",
];

/// A contraction written out: "don't" → "do not", "won't" → "will not",
/// "they're" → "they are", "he's" → "he is", "I'd" → "I would".
fn expand_contraction(word: &str) -> Vec<String> {
    let whole: &[(&str, &[&str])] = &[
        ("&", &["and"]),
        ("can't", &["can", "not"]),
        ("gov", &["governor"]),
        ("rep", &["representative"]),
        ("sen", &["senator"]),
        ("cannot", &["can", "not"]),
        ("let's", &["let", "us"]),
        ("shan't", &["shall", "not"]),
        ("won't", &["will", "not"]),
    ];
    if let Some((_, parts)) = whole.iter().find(|(w, _)| *w == word) {
        return parts.iter().map(|p| p.to_string()).collect();
    }
    if let Some(n) = NUMBER_WORDS.iter().position(|w| *w == word) {
        return vec![n.to_string()];
    }
    if let Some(tens) = TENS_WORDS.iter().position(|w| *w == word) {
        return vec![((tens + 2) * 10).to_string()];
    }
    let endings: &[(&str, &str)] = &[
        ("n't", "not"),
        ("'re", "are"),
        ("'m", "am"),
        ("'ll", "will"),
        ("'ve", "have"),
        ("'d", "would"),
    ];
    for (ending, full) in endings {
        if let Some(stem) = word.strip_suffix(ending)
            && !stem.is_empty()
        {
            return vec![stem.to_string(), full.to_string()];
        }
    }
    if let Some(stem) = word.strip_suffix("'s")
        && IS_BEFORE_S.contains(&stem)
    {
        return vec![stem.to_string(), "is".to_string()];
    }
    vec![word.to_string()]
}

/// Two names this alike (normalized Levenshtein) are one name spelt two
/// ways: "Muammar" and "Moammar", "Qaddafi" and "Gadhafi" (0.71).
const NAME_SIMILARITY: f64 = 0.7;

/// Names shorter than this are compared exactly: "Li" and "Lu" are two
/// people.
const NAME_MIN_CHARS: usize = 4;

/// A quotation is compared with at most this many quotations of another
/// outlet: those sharing the most words with it. The best match of a
/// quotation is among them, and the cost stays linear in the number of
/// quotations.
const QUOTE_CANDIDATES: usize = 8;

/// A word carried by more than this many quotations of one outlet is too
/// common to find candidates by ("the", "we"); the others do.
const MAX_POSTINGS: usize = 256;

/// Quotations carried by two outlets with different wording: for each
/// quotation, the most similar one of each other outlet, when it is similar
/// but not the same and that outlet does not also carry the exact words.
/// Pairs come in order of the first claim, each pair once.
///
/// Candidates come from an index of each outlet's words, at most
/// `QUOTE_CANDIDATES` per quotation and outlet, so that the cost grows with
/// the number of quotations, not with its square.
pub fn quote_fidelity(claims: &[Vec<Claim>]) -> Vec<QuoteMismatch> {
    let by_outlet: Vec<Vec<Quotation>> = claims
        .iter()
        .enumerate()
        .map(|(o, list)| {
            list.iter()
                .enumerate()
                .flat_map(|(index, claim)| {
                    claim
                        .cues
                        .iter()
                        .filter(|c| {
                            matches!(c.kind, CueKind::Quote | CueKind::ScareQuote)
                                && !c.text.to_lowercase().starts_with("so-called")
                                && !c.text.to_lowercase().starts_with("so called")
                        })
                        .map(move |c| {
                            let words = quote_words(&c.text);
                            let key = words
                                .iter()
                                .map(|w| w.text.as_str())
                                .collect::<Vec<_>>()
                                .join(" ");
                            Quotation {
                                claim: ClaimRef {
                                    outlet: OutletId(o),
                                    index,
                                },
                                text: &c.text,
                                words,
                                key,
                            }
                        })
                        .filter(|q| q.words.len() >= QUOTE_MIN_WORDS)
                })
                .collect()
        })
        .collect();
    let keys: Vec<HashSet<&str>> = by_outlet
        .iter()
        .map(|quotes| quotes.iter().map(|q| q.key.as_str()).collect())
        .collect();
    // Word → the quotations of an outlet that hold it.
    let postings: Vec<HashMap<&str, Vec<usize>>> = by_outlet
        .iter()
        .map(|quotes| {
            let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
            for (n, q) in quotes.iter().enumerate() {
                let distinct: BTreeSet<&str> = q.words.iter().map(|w| w.text.as_str()).collect();
                for word in distinct {
                    index.entry(word).or_default().push(n);
                }
            }
            index
        })
        .collect();
    // The similar pairs across two outlets, the most similar first; each
    // quotation is then paired at most once with each other outlet.
    let mut candidates: Vec<(f64, &Quotation, &Quotation, String)> = Vec::new();
    for (a, quotes_a) in by_outlet.iter().enumerate() {
        for b in a + 1..by_outlet.len() {
            let mut pairs: BTreeSet<(usize, usize)> = BTreeSet::new();
            // Candidates both ways, so that a short quotation finds the long
            // one it is an excerpt of, and the other way round.
            for (from, to, swap) in [(a, b, false), (b, a, true)] {
                for (n, q) in by_outlet[from].iter().enumerate() {
                    if keys[to].contains(q.key.as_str()) {
                        continue;
                    }
                    for m in best_candidates(q, &postings[to]) {
                        pairs.insert(if swap { (m, n) } else { (n, m) });
                    }
                }
            }
            for (n, m) in pairs {
                let (q, r) = (&quotes_a[n], &by_outlet[b][m]);
                if keys[b].contains(q.key.as_str()) || keys[a].contains(r.key.as_str()) {
                    continue;
                }
                if let Some((similarity, diff)) = compare_quotes(&q.words, &r.words) {
                    candidates.push((similarity, q, r, diff));
                }
            }
        }
    }
    candidates.sort_by(|x, y| {
        y.0.total_cmp(&x.0)
            .then((x.1.claim, x.2.claim).cmp(&(y.1.claim, y.2.claim)))
            .then(x.1.key.cmp(&y.1.key))
            .then(x.2.key.cmp(&y.2.key))
    });
    let mut used: BTreeSet<(ClaimRef, &str, OutletId)> = BTreeSet::new();
    let mut mismatches = Vec::new();
    for (_, q, r, diff) in candidates {
        let key_q = (q.claim, q.key.as_str(), r.claim.outlet);
        let key_r = (r.claim, r.key.as_str(), q.claim.outlet);
        if used.contains(&key_q) || used.contains(&key_r) {
            continue;
        }
        used.insert(key_q);
        used.insert(key_r);
        mismatches.push(QuoteMismatch {
            first: q.claim,
            first_text: q.text.to_string(),
            second: r.claim,
            second_text: r.text.to_string(),
            diff,
        });
    }
    mismatches.sort_by_key(|m| (m.first, m.second));
    mismatches
}

/// The quotations of another outlet (by index) that share the most words
/// with `q`, at most `QUOTE_CANDIDATES`, ties by position.
fn best_candidates(q: &Quotation, postings: &HashMap<&str, Vec<usize>>) -> Vec<usize> {
    let distinct: BTreeSet<&str> = q.words.iter().map(|w| w.text.as_str()).collect();
    let mut shared: BTreeMap<usize, usize> = BTreeMap::new();
    for word in distinct {
        if let Some(list) = postings.get(word).filter(|l| l.len() <= MAX_POSTINGS) {
            for &m in list {
                *shared.entry(m).or_default() += 1;
            }
        }
    }
    let mut ranked: Vec<(usize, usize)> = shared.into_iter().collect();
    ranked.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    ranked
        .into_iter()
        .take(QUOTE_CANDIDATES)
        .map(|(m, _)| m)
        .collect()
}

/// `short`'s words as compared with `long`: a name of `short` that `long`
/// spells otherwise ("Gadhafi" for "Qaddafi") takes `long`'s spelling.
fn align_names(short: &[Word], long: &[Word]) -> Vec<String> {
    short
        .iter()
        .map(|w| {
            if !w.name
                || w.text.chars().count() < NAME_MIN_CHARS
                || long.iter().any(|l| l.text == w.text)
            {
                return w.text.clone();
            }
            long.iter()
                .filter(|l| l.name && l.text.chars().count() >= NAME_MIN_CHARS)
                .map(|l| (strsim::normalized_levenshtein(&w.text, &l.text), l))
                .filter(|(similarity, _)| *similarity >= NAME_SIMILARITY)
                .max_by(|x, y| x.0.total_cmp(&y.0).then(y.1.text.cmp(&x.1.text)))
                .map_or_else(|| w.text.clone(), |(_, l)| l.text.clone())
        })
        .collect()
}

/// Compare two quotations' words: the shorter against the stretch of the
/// longer that matches it best, word by word. The same words, or an excerpt
/// of the longer ("slave's peace" within "a slave's peace"), are faithful:
/// `None`. Similar but different words give their similarity and the
/// character diff of `a`'s side against `b`'s, with "…" where the longer
/// one runs on.
fn compare_quotes(a: &[Word], b: &[Word]) -> Option<(f64, String)> {
    if a.len().min(b.len()) < QUOTE_MIN_WORDS {
        return None;
    }
    let (words_a, words_b) = if a.len() <= b.len() {
        (
            align_names(a, b),
            b.iter().map(|w| w.text.clone()).collect::<Vec<_>>(),
        )
    } else {
        (
            a.iter().map(|w| w.text.clone()).collect::<Vec<_>>(),
            align_names(b, a),
        )
    };
    let a_is_short = words_a.len() <= words_b.len();
    let (short, long) = if a_is_short {
        (&words_a, &words_b)
    } else {
        (&words_b, &words_a)
    };
    // Cheap filter first: half the shorter's words must occur in the longer.
    let shared = short.iter().filter(|w| long.contains(w)).count();
    if shared * 2 < short.len() {
        return None;
    }
    let mut best: Option<(usize, usize, std::ops::Range<usize>)> = None;
    // Windows a quarter shorter to a quarter longer than the shorter one, so
    // that a reworded phrase ("a slave's peace", "the peace of a slave")
    // still fits whole.
    let sizes = (short.len() * 3 / 4).max(1)..=(short.len() * 5 / 4 + 1).min(long.len());
    for size in sizes {
        for start in 0..=long.len() - size {
            let window = start..start + size;
            let distance = strsim::generic_levenshtein(short, &long[window.clone()].to_vec());
            let key = (distance, size.abs_diff(short.len()));
            if best.as_ref().is_none_or(|(d, off, _)| key < (*d, *off)) {
                best = Some((key.0, key.1, window));
            }
        }
    }
    let (distance, _, window) = best?;
    // At most half the shorter's words may differ.
    if distance * 2 > short.len() {
        return None;
    }
    let short_text = short.join(" ");
    let window_text = long[window.clone()].join(" ");
    if short_text == window_text {
        return None;
    }
    let similarity = strsim::normalized_levenshtein(&short_text, &window_text);
    if similarity < QUOTE_SIMILARITY {
        return None;
    }
    let diff = if a_is_short {
        char_diff(&short_text, &window_text)
    } else {
        char_diff(&window_text, &short_text)
    };
    let before = if window.start > 0 { "… " } else { "" };
    let after = if window.end < long.len() { " …" } else { "" };
    Some((similarity, format!("{before}{diff}{after}")))
}

/// How one outlet frames its claims, over the whole story.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profile {
    /// Share of claims pinned on a source.
    pub attributed_share: f64,
    /// Share of claims hedged.
    pub hedged_share: f64,
    /// Attributions to a named source ("Reuters", "Maduro").
    pub named_sources: usize,
    /// Attributions to an unnamed one ("officials", "sources").
    pub unnamed_sources: usize,
    /// Direct quotations.
    pub quotes: usize,
    /// Scare quotes and "so-called".
    pub scare_quotes: usize,
    /// Loaded terms used, case-folded, with how often.
    pub loaded_terms: BTreeMap<String, usize>,
    /// Attribution verbs used (lemmas, and "according to"), with how often.
    pub attribution_verbs: BTreeMap<String, usize>,
}

fn share(count: usize, total: usize) -> f64 {
    if total == 0 {
        return 0.0;
    }
    let scale = 10f64.powi(SHARE_DECIMALS);
    (count as f64 / total as f64 * scale).round() / scale
}

/// The framing profile of one outlet's claims.
pub fn profile(claims: &[Claim]) -> Profile {
    let mut profile = Profile {
        attributed_share: share(
            claims
                .iter()
                .filter(|c| has(c, CueKind::Attribution))
                .count(),
            claims.len(),
        ),
        hedged_share: share(
            claims.iter().filter(|c| has(c, CueKind::Hedge)).count(),
            claims.len(),
        ),
        ..Profile::default()
    };
    for cue in claims.iter().flat_map(|c| &c.cues) {
        match cue.kind {
            CueKind::Attribution => {
                if cue.named == Some(false) {
                    profile.unnamed_sources += 1;
                } else {
                    profile.named_sources += 1;
                }
                if let Some(verb) = &cue.verb {
                    *profile.attribution_verbs.entry(verb.clone()).or_default() += 1;
                }
            }
            CueKind::Quote => profile.quotes += 1,
            CueKind::ScareQuote => profile.scare_quotes += 1,
            CueKind::LoadedTerm => {
                *profile
                    .loaded_terms
                    .entry(cue.text.to_lowercase())
                    .or_default() += 1;
            }
            CueKind::Hedge => {}
        }
    }
    profile
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::framing::{Lexicon, find_cues};
    use crate::model::Position;

    fn claim(outlet: usize, text: &str) -> Claim {
        let mut claim = Claim::new(
            OutletId(outlet),
            text.to_string(),
            Position::START,
            Some(0..1),
        );
        claim.cues = find_cues(text, &Lexicon::default());
        claim
    }

    fn cluster(texts: &[&str]) -> Vec<FramingDifference> {
        let claims: Vec<Claim> = texts.iter().enumerate().map(|(o, t)| claim(o, t)).collect();
        compare_cluster(&crate::compare::one_claim_per_outlet(&claims))
    }

    fn texts(differences: &[FramingDifference]) -> Vec<(usize, CueKind, &str)> {
        differences
            .iter()
            .map(|d| (d.claim.outlet.0, d.kind, d.text.as_str()))
            .collect()
    }

    #[test]
    fn attributed_against_stated_as_fact() {
        let d = cluster(&[
            "According to unnamed sources, Trump offered Maduro safe passage.",
            "Trump offered Maduro safe passage out of Venezuela.",
        ]);
        assert_eq!(
            texts(&d),
            vec![(
                0,
                CueKind::Attribution,
                "attributes it to \"unnamed sources\" (unnamed, according to); the other outlet states it as fact"
            )]
        );
        assert_eq!(d[0].others[0].outlet, OutletId(1));
    }

    #[test]
    fn a_swap_of_stance_is_strong_and_a_word_of_style_weak() {
        let strength = |a: &str, b: &str| -> Vec<(CueKind, Strength)> {
            cluster(&[a, b])
                .iter()
                .map(|d| (d.kind, d.strength))
                .collect()
        };
        assert_eq!(
            strength(
                "The buildup is meant to remove Maduro’s government.",
                "The buildup is meant to topple the Maduro regime."
            ),
            vec![(CueKind::LoadedTerm, Strength::Strong)]
        );
        assert_eq!(
            strength(
                "Maduro stated the buildup is a threat.",
                "Maduro insisted the buildup is a threat."
            )
            .iter()
            .find(|(kind, _)| *kind == CueKind::Attribution),
            Some(&(CueKind::Attribution, Strength::Weak))
        );
        assert_eq!(
            strength(
                "Officials said the call lasted minutes.",
                "The call lasted minutes."
            ),
            vec![(CueKind::Attribution, Strength::Strong)]
        );
    }

    #[test]
    fn a_quotation_is_never_stated_as_fact() {
        let d = cluster(&[
            "Officials said the indictments are further proof of interference.",
            "“These indictments are further proof of interference in our elections.”",
        ]);
        assert!(d.iter().all(|d| d.kind != CueKind::Attribution), "{d:?}");
    }

    #[test]
    fn unnamed_against_named_sources() {
        let d = cluster(&[
            "Trump and Maduro spoke by phone, officials said.",
            "Trump and Maduro spoke by phone, Reuters said.",
        ]);
        assert_eq!(
            texts(&d),
            vec![(
                0,
                CueKind::Attribution,
                "pins it on unnamed sources (\"officials\"); the other outlet names a source"
            )]
        );
    }

    #[test]
    fn a_colouring_verb_against_a_plain_one() {
        let d = cluster(&[
            "Maduro claimed the buildup is a threat.",
            "Maduro said the buildup is a threat.",
        ]);
        let t = texts(&d);
        assert!(t.contains(&(
            0,
            CueKind::Attribution,
            "attributes with \"claim\" where the other outlet uses \"say\""
        )));
        assert!(t.contains(&(
            0,
            CueKind::LoadedTerm,
            "writes \"claimed\" where the other outlet writes \"said\""
        )));
    }

    #[test]
    fn hedged_against_plain() {
        let d = cluster(&[
            "Trump reportedly gave Maduro one week to leave.",
            "Trump gave Maduro one week to leave.",
            "Trump allegedly gave Maduro a week to leave.",
        ]);
        assert_eq!(
            texts(&d),
            vec![
                (
                    0,
                    CueKind::Hedge,
                    "hedges with \"reportedly\"; 1 of the 2 others does not"
                ),
                (
                    2,
                    CueKind::Hedge,
                    "hedges with \"allegedly\"; 1 of the 2 others does not"
                ),
            ]
        );
    }

    #[test]
    fn quoted_against_paraphrased() {
        let d = cluster(&[
            "“We will not accept a peace of slaves,” Maduro told the rally.",
            "Maduro told the rally he would not accept a peace of slaves.",
        ]);
        assert_eq!(
            texts(&d),
            vec![(
                0,
                CueKind::Quote,
                "quotes Maduro directly (\"We will not accept a peace of slaves\"); the other outlet paraphrases"
            )]
        );
    }

    #[test]
    fn scare_quoted_against_plain() {
        let d = cluster(&[
            "US officials labeled the cartel a “terrorist” organization.",
            "US officials labeled the cartel a terrorist organization.",
        ]);
        let t = texts(&d);
        assert!(t.contains(&(
            0,
            CueKind::ScareQuote,
            "puts \"terrorist\" in scare quotes; the other outlet writes \"terrorist\" plainly"
        )));
        // The plain "terrorist" is a loaded term the scare-quoting outlet keeps at a distance.
        assert!(t.contains(&(
            1,
            CueKind::LoadedTerm,
            "writes \"terrorist\" plainly where the other outlet keeps it at a distance (scare quotes, \"so-called\")"
        )));
    }

    #[test]
    fn loaded_against_neutral() {
        let d = cluster(&[
            "The buildup is intended to remove Maduro’s government.",
            "The buildup is intended to topple the Maduro regime.",
        ]);
        assert_eq!(
            texts(&d),
            vec![(
                1,
                CueKind::LoadedTerm,
                "writes \"regime\" where the other outlet writes \"government\""
            )]
        );
    }

    #[test]
    fn same_framing_is_no_difference() {
        assert!(
            cluster(&[
                "Officials said the call happened.",
                "Officials said the call took place."
            ])
            .is_empty()
        );
        assert!(cluster(&["The call happened."]).is_empty());
    }

    #[test]
    fn char_diff_marks_deletions_and_insertions() {
        assert_eq!(
            char_diff("a slave's peace", "slave's peace"),
            "[-a -]slave's peace"
        );
        assert_eq!(
            char_diff("peace now", "peace today"),
            "peace [-n-]{+t+}o[-w-]{+day+}"
        );
    }

    #[test]
    fn same_quotation_worded_differently_is_found() {
        let claims = vec![
            vec![claim(0, "Maduro Rejects “Slave’s Peace” as Pressure Rises")],
            vec![
                claim(1, "Maduro rejected what he described as “a slave’s peace.”"),
                claim(1, "He spoke of “psychological terrorism.”"),
            ],
            vec![claim(2, "He would not accept \"a slave peace,\" he said.")],
        ];
        let found = quote_fidelity(&claims);
        let pairs: Vec<(usize, usize, &str)> = found
            .iter()
            .map(|m| (m.first.outlet.0, m.second.outlet.0, m.diff.as_str()))
            .collect();
        assert_eq!(pairs, vec![(1, 2, "a slave[-'s-] peace")]);
    }

    #[test]
    fn an_excerpt_of_a_longer_quotation_is_faithful() {
        let claims = vec![
            vec![claim(0, "He called it “a slave’s peace.”")],
            vec![claim(1, "Maduro Rejects ‘Slave’s Peace’")],
            vec![claim(
                2,
                "“It is uncertain whether we could continue to meet all the nation’s commitments,” she wrote.",
            )],
            vec![claim(
                3,
                "She said it was “uncertain whether we could continue to meet” them.",
            )],
        ];
        assert!(quote_fidelity(&claims).is_empty());
    }

    #[test]
    fn a_changed_word_inside_an_excerpt_is_found() {
        let claims = vec![
            vec![claim(
                0,
                "“The vaccine is safe, effective, & our best defense, but should always remain voluntary,” he wrote.",
            )],
            vec![claim(
                1,
                "“The vaccine is safe, effective, and our best defense, but should remain voluntary,” he wrote.",
            )],
        ];
        let found = quote_fidelity(&claims);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].diff,
            "the vaccine is safe effective and our best defense but should [-always -]remain voluntary"
        );
    }

    #[test]
    fn spelling_contractions_and_transliterations_are_not_misquoting() {
        let pair = |a: &str, b: &str| quote_fidelity(&[vec![claim(0, a)], vec![claim(1, b)]]);
        assert!(
            pair(
                "“He is not going to leave the race,” she said.",
                "“He’s not going to leave the race,” she said."
            )
            .is_empty()
        );
        assert!(
            pair(
                "“We don't negotiate with Muammar al-Qaddafi,” he said.",
                "“We do not negotiate with Moammar Gadhafi,” he said."
            )
            .is_empty()
        );
        assert!(
            pair(
                "“He [the president] has re-confirmed our reporting,” Smith said.",
                "“He has reconfirmed our reporting,” Smith said."
            )
            .is_empty()
        );
        let found = pair(
            "“We are finding ways to keep the talks going,” he said.",
            "“We are talking ways to keep the talks going,” he said.",
        );
        assert_eq!(found.len(), 1, "a changed word is still found");
    }

    #[test]
    fn two_thousand_quotes_per_outlet_are_compared_through_an_index() {
        // Every quotation shares most of its words with every other one:
        // compared pair by pair, this took a minute and half a gigabyte.
        let lexicon = Lexicon::default();
        let outlet = |o: usize| -> Vec<Claim> {
            (0..2000)
                .map(|n| {
                    let text = format!(
                        "“We will not accept case number {n} of {} today,” he said.",
                        n + o
                    );
                    let mut claim = Claim::new(OutletId(o), text, Position::START, Some(0..1));
                    claim.cues = find_cues(&claim.text, &lexicon);
                    claim
                })
                .collect()
        };
        let claims = vec![outlet(0), outlet(1)];
        let found = quote_fidelity(&claims);
        assert!(found.len() <= 2000, "each quotation is paired at most once");
        assert!(!found.is_empty());
    }

    #[test]
    fn identical_and_unrelated_quotations_are_not_mismatches() {
        let claims = vec![
            vec![claim(0, "He said “we want peace with sovereignty” today.")],
            vec![claim(
                1,
                "“We want peace with sovereignty,” he said, and “we will never kneel.”",
            )],
        ];
        assert!(quote_fidelity(&claims).is_empty());
    }

    #[test]
    fn profile_counts_each_cue() {
        let claims = vec![
            claim(
                0,
                "According to unnamed sources, Trump allegedly offered safe passage.",
            ),
            claim(0, "Reuters said the Maduro regime is under pressure."),
            claim(
                0,
                "“We want peace and we will defend it,” Maduro said of the “terrorist” label.",
            ),
            claim(0, "The rally took place on Monday."),
        ];
        let p = profile(&claims);
        assert_eq!(p.attributed_share, 0.75);
        assert_eq!(p.hedged_share, 0.25);
        assert_eq!(p.named_sources, 2);
        assert_eq!(p.unnamed_sources, 1);
        assert_eq!(p.quotes, 1);
        assert_eq!(p.scare_quotes, 1);
        assert_eq!(p.loaded_terms.get("regime"), Some(&1));
        assert_eq!(p.attribution_verbs.get("say"), Some(&2));
        assert_eq!(profile(&[]), Profile::default());
    }
}
