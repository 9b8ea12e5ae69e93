//! Measures read before a number: the subject of the verb that gives it
//! ("US coronavirus deaths hit 600,000", "claims dropped 36,000 to 293,000").

use super::*;

/// Verbs after which a number with no noun of its own is the level its
/// subject reaches: "deaths hit 600,000", "claims totaled 419,000".
static LEVEL_VERBS: WordList =
    WordList::new(include_str!("../../../lexicons/figures-level-verbs.txt"));

/// Words that end a subject read backwards from its verb: the clause
/// before it is not the subject ("officials said claims rose").
const SUBJECT_BREAKS: &[&str] = &[
    "after", "and", "as", "because", "before", "but", "if", "said", "says", "since", "than",
    "that", "when", "where", "which", "while", "who",
];

/// Prepositions inside a subject: its head noun comes before the first
/// ("Continuing claims for state benefits" → claims).
const SUBJECT_PREPOSITIONS: &[&str] = &[
    "about", "across", "among", "at", "by", "during", "for", "from", "in", "of", "on", "over",
    "per", "through", "to", "under", "with",
];

/// Words between a subject and its verb that are neither, in lower case:
/// adverbs and modals ("deaths have now passed", "claims will likely
/// top"). A list, not every word in "-ly": a subject's head may end so too
/// ("case tally tops 40 million").
const BEFORE_VERB: &[&str] = &[
    "again",
    "already",
    "also",
    "can",
    "could",
    "eventually",
    "finally",
    "initially",
    "just",
    "likely",
    "may",
    "might",
    "now",
    "officially",
    "previously",
    "recently",
    "reportedly",
    "should",
    "still",
    "will",
    "would",
];

/// Words between a verb and its number: particles and adverbs in "-ly"
/// ("were revised slightly to", "ticked up to").
const AFTER_VERB: &[&str] = &["again", "down", "up"];

/// Words that open a figure as a bound of the level reached: "dropped below
/// 300,000" is where claims stand, not how far they fell.
const BOUND_WORDS: &[&str] = &["above", "below", "beyond", "over", "past", "under"];

/// Words of a phrase of time between a verb and the level it reaches,
/// besides the unit or the day or month it names ("from the previous
/// week", "over the last month").
const TIME_PHRASE_WORDS: &[&str] = &[
    "a", "earlier", "from", "in", "last", "over", "previous", "prior", "the", "this",
];

/// How many words a phrase of time between a verb and its level may have
/// ("from the previous week").
const TIME_PHRASE_MAX: usize = 4;

/// How many words may stand between "to a" and the level it reaches:
/// "to a seasonally adjusted 419,000", "to a record 9.3 million".
const LEVEL_MODIFIERS_MAX: usize = 2;

/// Nouns of a subject that number what the phrase after their "of"
/// names: "the number of applications", "the total of claims".
const COUNTING_NOUNS: &[&str] = &["amount", "count", "number", "tally", "total"];

/// Whether the "and" at `and` joins two nouns inside a subject's
/// prepositional phrase ("Employment in the leisure and hospitality
/// industry grew 343,000"), rather than two clauses ("Jobs in retail rose
/// and claims fell 3%"): the words read after it (`after`, backwards)
/// hold no preposition, and a preposition comes before it, within the
/// subject's reach, with no verb of change or level between.
fn joins_a_noun(tokens: &[Token], and: usize, after: &[&Token]) -> bool {
    let preposition = |t: &Token| SUBJECT_PREPOSITIONS.contains(&t.lower.as_str());
    if after.iter().any(|t| preposition(t)) {
        return false;
    }
    let reach = SUBJECT_MAX_WORDS.saturating_sub(after.len() + 1);
    for t in tokens[..and].iter().rev().take(reach) {
        let l = t.lower.as_str();
        if t.kind != TokenKind::Word
            || SUBJECT_BREAKS.contains(&l)
            || CHANGE_WORDS.contains(&l)
            || LEVEL_VERBS.contains(&l)
        {
            return false;
        }
        if preposition(t) {
            return true;
        }
    }
    false
}

/// How many words back from its verb a subject is read: enough for a head
/// noun and a prepositional phrase after it ("Initial applications for
/// state unemployment benefits"), not so many that a clause before the
/// subject is taken for it.
const SUBJECT_MAX_WORDS: usize = 8;

/// How many adverbs or modals stand between a subject and its verb, or
/// between a verb and its number, at most ("have now passed", "were revised
/// slightly up to").
const LINK_WORDS_MAX: usize = 2;

/// What a number is of the subject of its verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// The level reached: "hit 600,000", "fell to 293,000".
    Level,
    /// The change: "dropped 36,000", "rose by 2,000".
    Change,
}

/// The measure of a count with no noun after it, read from the subject of
/// the verb before it: "US coronavirus deaths hit 600,000" counts deaths,
/// "Continuing claims for state benefits fell to 2.8 million" claims. A
/// change is measured as "claim change", which is never set against the
/// level ("claims dropped 36,000 to 293,000" gives both).
pub(super) fn measure_before(tokens: &[Token], start: usize) -> Option<String> {
    let (verb, reading) = verb_before(tokens, start)?;
    let head = subject_head(tokens, verb)?;
    let measure = canonical_measure(&head.lower);
    Some(match reading {
        Reading::Level => measure,
        Reading::Change => format!("{measure} change"),
    })
}

/// The index of the verb that gives the number at `start`, and what the
/// number is: after a verb of change with no "to", or with "by", the change
/// ("claims dropped 36,000", "rose by 2,000"); otherwise the level ("deaths
/// hit 600,000", "fell to 2.8 million", "dropped below 300,000"). In "rose
/// by 37,000 to 412,000" the change between the verb and "to" is passed
/// over.
fn verb_before(tokens: &[Token], start: usize) -> Option<(usize, Reading)> {
    let word = |i: usize| tokens.get(i).filter(|t| t.kind == TokenKind::Word);
    let is = |i: usize, w: &str| word(i).is_some_and(|t| t.is(w));
    let first = word(start);
    // "deaths topped 13": a verb of passing is the figure's own bound
    let own_verb = first.is_some_and(|t| LEVEL_VERBS.contains(&t.lower.as_str()));
    let bound = first.is_some_and(|t| BOUND_WORDS.contains(&t.lower.as_str()));
    let mut k = if own_verb { start + 1 } else { start };
    let mut to = false;
    let mut by = false;
    // "to a seasonally adjusted 419,000", "to a record 9.3 million"
    if let Some(article) = (1..=LEVEL_MODIFIERS_MAX + 1)
        .filter_map(|back| k.checked_sub(back))
        .take_while(|&i| word(i).is_some_and(|t| !t.upper))
        .find(|&i| is(i, "a") || is(i, "an"))
        && article > 0
        && is(article - 1, "to")
    {
        k = article;
    }
    if k > 0 && is(k - 1, "to") {
        to = true;
        k -= 1;
        let mut j = time_phrase_before(tokens, k);
        if j > 0 && word(j - 1).is_some_and(|t| scale_of(t, true).is_some()) {
            j -= 1;
        }
        if j > 0 && tokens[j - 1].kind == TokenKind::Num {
            j -= 1;
            if j > 0 && is(j - 1, "by") {
                j -= 1;
            }
            k = time_phrase_before(tokens, j);
        } else if j < k {
            k = j;
        }
    } else if k > 0 && is(k - 1, "by") {
        by = true;
        k -= 1;
    }
    for _ in 0..LINK_WORDS_MAX {
        let link = k > 0
            && word(k - 1)
                .is_some_and(|t| t.lower.ends_with("ly") || AFTER_VERB.contains(&t.lower.as_str()));
        if link {
            k -= 1;
        }
    }
    let verb = word(k.checked_sub(1)?)?;
    let change = verb.lower != "by" && CHANGE_WORDS.contains(&verb.lower.as_str());
    let reaches = LEVEL_VERBS.contains(&verb.lower.as_str());
    // "the agreement reached by five senators": a passive's agent
    if !change && !reaches || reaches && by {
        return None;
    }
    let reading = if change && !to && !bound || by {
        Reading::Change
    } else {
        Reading::Level
    };
    Some((k - 1, reading))
}

/// Where a phrase of time that ends before `end` begins, if one does:
/// "from the previous week", "last week", "in June" between a verb and
/// what it reaches ("increased by 2,000 from the previous week to
/// 373,000"). At most [`TIME_PHRASE_MAX`] words, which must name a unit of
/// time, a day or a month, with an opening preposition or article.
fn time_phrase_before(tokens: &[Token], end: usize) -> usize {
    let mut k = end;
    let mut named = false;
    while end - k < TIME_PHRASE_MAX && k > 0 {
        let Some(t) = tokens.get(k - 1).filter(|t| t.kind == TokenKind::Word) else {
            break;
        };
        let l = t.lower.as_str();
        if time_unit(l).is_some() || crate::extract::dates::is_day_or_month(l) {
            named = true;
        } else if !TIME_PHRASE_WORDS.contains(&l) {
            break;
        }
        k -= 1;
    }
    if named { k } else { end }
}

/// The head noun of the subject of the verb at `verb`: the last word before
/// the subject's first preposition, past auxiliaries, adverbs and modals
/// ("Deaths have now passed"). None when the verb is an infinitive
/// ("expected to hit"), or the head is a function word, a pronoun, a time
/// ("The prior week was revised"), or a name ("Biden passed 270"; a
/// capitalized head counts only in the form of a plural, "Claims fell").
fn subject_head(tokens: &[Token], verb: usize) -> Option<&Token> {
    let word = |i: usize| tokens.get(i).filter(|t| t.kind == TokenKind::Word);
    let mut k = verb;
    if k > 0 && word(k - 1).is_some_and(|t| t.is("to")) {
        return None;
    }
    let mut skipped = 0;
    while k > 0
        && word(k - 1).is_some_and(|t| {
            let l = t.lower.as_str();
            PASSIVE_AUXILIARIES.contains(&l)
                || skipped < LINK_WORDS_MAX && !t.upper && BEFORE_VERB.contains(&l)
        })
    {
        skipped += 1;
        k -= 1;
    }
    let mut subject: Vec<&Token> = Vec::new();
    for (n, t) in tokens[..k].iter().enumerate().rev() {
        if t.kind != TokenKind::Word || subject.len() == SUBJECT_MAX_WORDS {
            break;
        }
        let l = t.lower.as_str();
        if SUBJECT_BREAKS.contains(&l) && !(l == "and" && joins_a_noun(tokens, n, &subject)) {
            break;
        }
        subject.push(t);
    }
    subject.reverse();
    let preposition_from = |from: usize| {
        subject[from..]
            .iter()
            .position(|t| SUBJECT_PREPOSITIONS.contains(&t.lower.as_str()))
            .map_or(subject.len(), |p| from + p)
    };
    let before_preposition = preposition_from(0);
    let mut head = *subject[..before_preposition].last()?;
    // "The number of new applications for benefits rose": what is
    // numbered is the noun after "of"
    if COUNTING_NOUNS.contains(&head.lower.as_str())
        && subject.get(before_preposition).is_some_and(|t| t.is("of"))
    {
        let from = before_preposition + 1;
        if let Some(counted) = subject[from..preposition_from(from)].last() {
            head = counted;
        }
    }
    let l = head.lower.as_str();
    let noun = l
        .chars()
        .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        && !MEASURE_STOP.contains(&l)
        && !crate::text::stop_words().contains(&l)
        && !crate::extract::dates::is_day_or_month(l)
        && time_unit(l).is_none()
        && (!head.upper || plural_form(l));
    noun.then_some(head)
}
