//! Framing differences between the members of a cluster, quote fidelity
//! across outlets, and outlet profiles.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

// Fx-hashed: the keys are short words and claim addresses in private
// tables, where a keyed hash buys nothing; no output depends on their order.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

use crate::extract::framing::{Cue, CueKind, contains_word, quoted_stretches};
use crate::model::{Claim, ClaimRef, OutletId};
use crate::text::{self, lexicon::WordList};

mod quotes;
#[cfg(test)]
mod tests;

pub use quotes::{QUOTE_MIN_WORDS, QUOTE_SIMILARITY, QuoteMismatch, char_diff, quote_fidelity};

/// Attribution verbs that colour what they report: they cast doubt on it
/// ("claimed", "insisted") or a judgement on its speaker ("admitted",
/// "conceded"). Only these against another outlet's verb make a framing
/// difference; "charged", "indicated" or "responded" against "said" is a
/// choice of style that readers do not take differently.
pub static COLOURING_VERBS: WordList = WordList::new(include_str!(
    "../../../lexicons/compare-colouring-verbs.txt"
));

/// Verbs whose object is a label or an act, not a claim: "an offer it
/// called “generous”", "prosecutors announced the charges", "he asked
/// Clinton to talk to Sestak". What follows them is not pinned on the
/// source, so another outlet that states it plainly states no less.
/// "Continue" is speech only before a quotation ("he continued, “…”"),
/// which the quotation attributes by itself; otherwise it is an act
/// ("continued to spend campaign funds").
const NOT_CLAIM_VERBS: &[&str] = &["announce", "ask", "call", "continue", "describe"];

/// The least share of content words (stems, stop words left out) that two
/// members of a cluster must have in common, as a Dice coefficient, before
/// their framing is compared. A cluster's members can be linked by part of
/// what they say (a lead that sums up, a sentence that carries two facts);
/// framing compared across such a link sets a hedge or an attribution
/// against a different fact. On BASIL dev (docs/framing.md) 0.3 cuts the
/// framing findings from 68 to 54, most of them between different facts,
/// at a cost of 3 points of recall of planted differences
/// (`scripts/framing_perturb.py`: 37.5% to 34.4% of those on aligned
/// claims); 0.45 would halve the findings again but lose 23 points.
pub const FRAMING_MIN_SHARED: f64 = 0.3;

/// Stems of titles and ranks that name no one by themselves: a source "Sen.
/// Chuck Schumer" is named in another claim by "Schumer", not by "Sen.".
const SOURCE_TITLES: &[&str] = &[
    "dr", "gov", "mr", "mrs", "ms", "presid", "rep", "repres", "sen", "senat",
];

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

/// True when `claim` holds `term` outside every quotation: "dishonest"
/// inside someone's quoted sentence is not written plainly.
fn writes_plainly(claim: &Claim, term: &str) -> bool {
    let quoted: Vec<Range<usize>> = claim
        .cues
        .iter()
        .filter(|c| matches!(c.kind, CueKind::Quote | CueKind::ScareQuote))
        .map(|c| c.span.clone())
        .collect();
    contains_word(&outside(&claim.text, &quoted), term)
}

/// `text` with the stretches `spans` (in order) left out, a space for each.
fn outside(text: &str, spans: &[Range<usize>]) -> String {
    let mut kept = String::with_capacity(text.len());
    let mut at = 0;
    for span in spans {
        if span.start >= at && span.end <= text.len() {
            kept.push_str(&text[at..span.start]);
            kept.push(' ');
            at = span.end;
        }
    }
    kept.push_str(&text[at.min(text.len())..]);
    kept
}

/// True when `claim` holds `term` only between quotation marks, whatever
/// the quote cues made of them.
fn within_marks(claim: &Claim, term: &str) -> bool {
    let stretches = quoted_stretches(&claim.text);
    stretches
        .iter()
        .any(|r| contains_word(&claim.text[r.clone()], term))
        && !contains_word(&outside(&claim.text, &stretches), term)
}

/// The framing differences among the members of one cluster, member by
/// member in the order given, and kind by kind within a member.
pub fn compare_cluster(members: &[(ClaimRef, &Claim)]) -> Vec<FramingDifference> {
    let mut differences = Vec::new();
    if members.len() < 2 {
        return differences;
    }
    // Each member's content stems, computed once for the whole cluster.
    let words: Vec<HashSet<String>> = members.iter().map(|(_, c)| content_stems(c)).collect();
    let stems_of: HashMap<ClaimRef, &HashSet<String>> =
        members.iter().map(|(r, _)| *r).zip(&words).collect();
    for (n, &(claim, this)) in members.iter().enumerate() {
        let rest: Vec<(ClaimRef, &Claim)> = members
            .iter()
            .enumerate()
            .filter(|&(k, _)| k != n && dice(&words[n], &words[k]) >= FRAMING_MIN_SHARED)
            .map(|(_, &m)| m)
            .collect();
        if rest.is_empty() {
            continue;
        }
        let mut push = |kind: CueKind, strength: Strength, text: String, others: Vec<ClaimRef>| {
            differences.push(FramingDifference {
                kind,
                claim,
                text,
                others,
                strength,
            });
        };
        if let Some((text, others)) = attribution_difference(this, &rest, &stems_of) {
            push(CueKind::Attribution, Strength::Strong, text, others);
        }
        if let Some((text, others)) = verb_difference(this, &rest) {
            push(CueKind::Attribution, Strength::Weak, text, others);
        }
        let hedges: Vec<&Cue> = own_hedges(this).collect();
        if !hedges.is_empty() {
            // A claim pinned on a source, or quoted, is kept at a distance
            // as much as a hedged one.
            let plain = refs(&rest, |o| {
                own_hedges(o).next().is_none()
                    && !has(o, CueKind::Attribution)
                    && !has(o, CueKind::Quote)
            });
            if !plain.is_empty() {
                let words = quoted_list(hedges.iter().map(|c| c.text.as_str()));
                let text = format!(
                    "hedges with {words}; {} not",
                    others(plain.len(), rest.len(), "does", "do")
                );
                push(CueKind::Hedge, Strength::Weak, text, plain);
            }
        }
        for cue in of_kind(this, CueKind::ScareQuote) {
            let term = fold_term(&cue.text);
            // An outlet that quotes the same words, as a scare quote or as
            // someone's speech ("legitimate rape" against "rape"), keeps
            // them at a distance too.
            let mut without: Vec<(ClaimRef, &Claim)> = rest
                .iter()
                .filter(|(_, o)| {
                    !o.cues
                        .iter()
                        .filter(|c| matches!(c.kind, CueKind::ScareQuote | CueKind::Quote))
                        .any(|c| contains_word(&fold_term(&c.text), &term))
                })
                .copied()
                .collect();
            // A scare quote keeps a term at a distance that another outlet
            // takes as its own; an outlet that does not use the term at all
            // leaves it out, which is no framing of it ("Trump slams
            // 'crooked' Hillary aide" against a headline without the
            // epithet). After an attribution the quoted words may also be
            // the source's, quoted in part ("Holder told the students he
            // understands “the mistrust”").
            // Nor does one that puts the words in quotation marks that read
            // as a name ("calls on 'Deep State' DOJ to act").
            without.retain(|(_, o)| writes_plainly(o, &term) && !within_marks(o, &term));
            if without.is_empty() {
                continue;
            }
            let what = if cue.text.to_lowercase().starts_with("so") {
                format!("writes \"{}\"", cue.text)
            } else {
                format!("puts \"{}\" in scare quotes", cue.text)
            };
            let text = format!(
                "{what}; {} \"{term}\" plainly",
                others(without.len(), rest.len(), "writes", "write")
            );
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
                // An outlet that writes the word too, or quotes someone
                // who does, makes no difference of wording; one that keeps
                // it in scare quotes does (see `distanced`).
                .filter(|(_, o)| {
                    !writes_plainly(o, &loaded)
                        && !of_kind(o, CueKind::Quote)
                            .any(|q| contains_word(&fold_term(&q.text), &loaded))
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
                    of_kind(o, CueKind::ScareQuote)
                        .any(|c| contains_word(&fold_term(&c.text), &loaded))
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

/// The hedges that are the outlet's own: those before any attribution by a
/// verb of speech. A hedge after one ("officials said the strike could
/// widen") is reported speech, the source's word, which the attribution
/// already reports; after "according to X," the sentence is the outlet's.
fn own_hedges(claim: &Claim) -> impl Iterator<Item = &Cue> {
    let attributed_from = of_kind(claim, CueKind::Attribution)
        .filter(|c| c.verb.as_deref() != Some("according to"))
        .map(|c| c.span.start)
        .min()
        .unwrap_or(usize::MAX);
    of_kind(claim, CueKind::Hedge).filter(move |c| c.span.start < attributed_from)
}

/// Where what an attribution reports ends: at a second predicate of the
/// speaker's (", and referred a reporter to a letter") or a semicolon.
/// "and that" goes on reporting.
const REPORT_BREAKS: [&str; 3] = [", and ", "\u{201d} and ", "; "];

/// An attribution followed by at most this many words before a comma or
/// the end, none of them "that", after a clause of its own, closes that
/// clause or stands inside the sentence: ", officials said on
/// Thursday.", ", two people familiar with the situation told Politico.",
/// "If fighting breaks out, they say, the government would ...".
const TRAILING_MAX_WORDS: usize = 4;

/// Fewer words than this before an attribution are no clause it could
/// close ("But, the Times reported, ..."): it reports what follows.
const CLOSED_CLAUSE_MIN_WORDS: usize = 3;

/// The parts of `text` (two, one of them empty where one is enough) that
/// the attribution `cue` pins on its source:
/// - for "according to X", and for an attribution that closes a clause or
///   stands inside the sentence ("..., court documents said.", "If
///   fighting breaks out, they say, the government would ..."), all but
///   the attribution and its adjuncts up to the next comma;
/// - else what follows the source and verb ("Harrison said Tuesday that
///   the congressman believes ..."), up to [`REPORT_BREAKS`].
fn reported(text: &str, cue: &Cue) -> [Range<usize>; 2] {
    let from = cue.span.end.min(text.len());
    let start = cue.span.start.min(from);
    let after = &text[from..];
    let phrase_end = after.find(',').map_or(text.len(), |at| from + at);
    let rest_of_clause: Vec<&str> = text[from..phrase_end].split_whitespace().collect();
    let aside = rest_of_clause.len() <= TRAILING_MAX_WORDS
        && !rest_of_clause
            .iter()
            .any(|w| w.eq_ignore_ascii_case("that"))
        && text[..start].split_whitespace().count() >= CLOSED_CLAUSE_MIN_WORDS;
    if aside || cue.verb.as_deref() == Some("according to") {
        return [0..start, phrase_end..text.len()];
    }
    [from..clause_end(text, from), 0..0]
}

/// Where the clause that goes on at `from` ends: at [`REPORT_BREAKS`], or
/// the end of `text`.
fn clause_end(text: &str, from: usize) -> usize {
    let after = &text[from..];
    REPORT_BREAKS
        .iter()
        .filter_map(|b| {
            after
                .match_indices(b)
                .find(|(at, _)| !after[at + b.len()..].starts_with("that "))
                .map(|(at, _)| at)
        })
        .min()
        .map_or(text.len(), |at| from + at)
}

/// The stems of the content words of `this`, each with whether it lies
/// within the parts `within`; the words of the `cues` themselves are left
/// out. Computed once per claim, then read against each other claim by
/// [`mostly_outside`].
fn placed_stems(this: &Claim, cues: &[&Cue], within: &[Range<usize>]) -> Vec<(String, bool)> {
    let stop = text::stop_words();
    text::words(&this.text)
        .filter(|(range, _)| {
            !cues
                .iter()
                .any(|c| range.start < c.span.end && c.span.start < range.end)
        })
        .map(|(range, word)| (range, text::fold(word)))
        .filter(|(_, word)| !stop.contains(word.as_str()))
        .map(|(range, word)| {
            let inside = within
                .iter()
                .any(|r| r.start <= range.start && range.end <= r.end);
            (text::stem(&word), inside)
        })
        .collect()
}

/// Whether more of the stems a claim shares with another (`other`, its
/// stems) lie outside the parts its cues bear on than inside
/// ([`placed_stems`]): then those cues bear on something else than the
/// fact the two share.
fn mostly_outside(placed: &[(String, bool)], other: &HashSet<String>) -> bool {
    let (mut inside, mut outside) = (HashSet::default(), HashSet::default());
    for (stem, within) in placed.iter().filter(|(stem, _)| other.contains(stem)) {
        if *within {
            inside.insert(stem);
        } else {
            outside.insert(stem);
        }
    }
    outside.len() > inside.len()
}

/// What the attributions `cues` of `this` report ([`reported`]), and any
/// direct quotation, which is reported speech wherever it stands.
fn reported_parts(this: &Claim, cues: &[&Cue]) -> Vec<Range<usize>> {
    cues.iter()
        .flat_map(|c| reported(&this.text, c))
        .chain(of_kind(this, CueKind::Quote).map(|q| q.span.clone()))
        .collect()
}

/// The stems of a claim's content words: what two claims must share to
/// state one fact.
fn content_stems(claim: &Claim) -> HashSet<String> {
    content_stems_of(&claim.text).collect()
}

/// A headline gives a speaker in at most this many words before a colon:
/// "Larry Summers: …", "Top House Intel Dem: …", "Mitt To Akin: Drop Out".
const HEADLINE_SPEAKER_MAX_WORDS: usize = 5;

/// True for a headline in the "Speaker: words" form, which reads as the
/// speaker's words, not the outlet's.
fn headline_speech(claim: &Claim) -> bool {
    claim.headline
        && claim.text.split_once(':').is_some_and(|(speaker, words)| {
            let n = speaker.split_whitespace().count();
            (1..=HEADLINE_SPEAKER_MAX_WORDS).contains(&n) && !words.trim().is_empty()
        })
}

/// The stems of the words that name a source: its capitalized words ("Sen.
/// Chuck Schumer of New York") and its head, the last word ("the city's
/// transport department"), titles and stop words left out. A generic word
/// before the head ("city") names no one.
fn naming_stems(source: &str) -> impl Iterator<Item = String> + '_ {
    let words: Vec<&str> = text::words(source).map(|(_, w)| w).collect();
    let last = words.len().saturating_sub(1);
    let stop = text::stop_words();
    words
        .into_iter()
        .enumerate()
        .filter(move |&(n, w)| n == last || w.starts_with(char::is_uppercase))
        .map(|(_, w)| text::fold(w))
        .filter(|w| !stop.contains(w.as_str()))
        .map(|w| text::stem(&w))
        .filter(|w| !SOURCE_TITLES.contains(&w.as_str()))
}

/// The stems of the content words of `text`, stop words left out.
fn content_stems_of(text: &str) -> impl Iterator<Item = String> + '_ {
    let stop = text::stop_words();
    text::words(text)
        .map(|(_, w)| text::fold(w))
        .filter(|w| !stop.contains(w.as_str()))
        .map(|w| text::stem(&w))
}

/// The Dice coefficient of two sets of words: 0 when either is empty.
fn dice(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    2.0 * a.intersection(b).count() as f64 / (a.len() + b.len()) as f64
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
    let named = match cue.named {
        Some(false) => "unnamed",
        Some(true) => "named",
        None => "pronoun",
    };
    let verb = cue.verb.as_deref().unwrap_or("");
    format!("\"{source}\" ({named}, {verb})")
}

/// "attributes it to X; others state it as fact", or "pins it on unnamed
/// sources; others name theirs".
fn attribution_difference(
    this: &Claim,
    rest: &[(ClaimRef, &Claim)],
    stems_of: &HashMap<ClaimRef, &HashSet<String>>,
) -> Option<(String, Vec<ClaimRef>)> {
    let cues: Vec<&Cue> = of_kind(this, CueKind::Attribution)
        .filter(|c| {
            !c.verb
                .as_deref()
                .is_some_and(|v| NOT_CLAIM_VERBS.contains(&v))
        })
        .collect();
    if cues.is_empty() {
        return None;
    }
    let sources: Vec<String> = cues.iter().map(|c| describe_source(c)).collect();
    // A quotation is someone's words even where its speaker is named in
    // another sentence: never a statement of fact. A hedged claim is not
    // stated as fact either, nor one that names the same source ("Schumer
    // urged Trump to cancel" against "Schumer said Trump should cancel"):
    // it reports what the source said or did, not a fact of its own.
    // With several attributions ("The sources claim Maduro said"), one
    // whose source the other claim does not name is enough.
    let source_words: Vec<HashSet<String>> = cues
        .iter()
        .map(|c| {
            c.source
                .as_deref()
                .map_or_else(HashSet::default, |s| naming_stems(s).collect())
        })
        .collect();
    // Nor does the difference hold when the words the two claims share
    // lie mostly outside what the attributions report: "Harrison said the
    // congressman believes it is politically motivated, and referred a
    // reporter to a letter" pins the belief on Harrison, not the letter
    // that another outlet states as fact.
    let placed = placed_stems(this, &cues, &reported_parts(this, &cues));
    let as_fact: Vec<ClaimRef> = rest
        .iter()
        .filter(|(r, o)| {
            !has(o, CueKind::Attribution)
                && !has(o, CueKind::Quote)
                && !headline_speech(o)
                && own_hedges(o).next().is_none()
                && source_words
                    .iter()
                    .any(|source| stems_of[r].is_disjoint(source))
                && !mostly_outside(&placed, stems_of[r])
        })
        .map(|(r, _)| *r)
        .collect();
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
    // A verb that is also a loaded term ("claimed") is reported once, as
    // the loaded term set against its neutral counterpart.
    let loaded: Vec<String> = of_kind(this, CueKind::LoadedTerm)
        .map(|c| text::fold(&c.text))
        .collect();
    let mine: BTreeSet<String> = of_kind(this, CueKind::Attribution)
        .filter(|c| {
            !loaded
                .iter()
                .any(|l| contains_word(&text::fold(&c.text), l))
        })
        .filter_map(|c| c.verb.clone())
        .filter(|v| COLOURING_VERBS.contains(&v.as_str()))
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
                // A pronoun ("he said") is neither: who it is lies in
                // another sentence.
                match cue.named {
                    Some(false) => profile.unnamed_sources += 1,
                    Some(true) => profile.named_sources += 1,
                    None => {}
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
