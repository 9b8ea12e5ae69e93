//! The judges of the framing measures, kept apart from the extractor's own
//! rules so that a measure does not grade the code with the code's lists.

use std::collections::HashSet;

/// Verbs of communication, the judge of the "states it as fact" measure:
/// every member of five VerbNet 3.x classes of verbs of communication
/// (Kipper, Korhonen, Ryant and Palmer, "A Large-scale Classification of
/// English Verbs", 2008; classes after Levin, "English Verb Classes and
/// Alternations", 1993, §37), and the verbs the attribution grammar is
/// required to cover that VerbNet lacks. Taken whole, not picked to pass:
///
/// - say-37.7 (with its subclasses; "purpose", a noun in news, left out);
/// - tell-37.2; complain-37.8; advise-37.9; confess-37.10;
/// - required of the grammar: post, testify, tweet, write.
///
/// VerbNet 3.0 (or 3.X) Copyright 2009 by University of Colorado. All
/// rights reserved. Used under its licence, which permits use, copying and
/// distribution for any purpose with this notice; THE DATABASE IS PROVIDED
/// "AS IS" AND THE UNIVERSITY OF COLORADO MAKES NO REPRESENTATIONS OR
/// WARRANTIES, EXPRESS OR IMPLIED.
pub const COMMUNICATION_VERBS: &[&str] = &[
    // say-37.7
    "advise",
    "announce",
    "articulate",
    "blab",
    "blurt",
    "claim",
    "confess",
    "confide",
    "convey",
    "declare",
    "disclose",
    "exclaim",
    "hint",
    "insinuate",
    "insist",
    "intimate",
    "mention",
    "note",
    "observe",
    "proclaim",
    "promulgate",
    "propose",
    "recommend",
    "recount",
    "reiterate",
    "relate",
    "remark",
    "repeat",
    "reply",
    "report",
    "respond",
    "retort",
    "reveal",
    "say",
    "state",
    "suggest",
    "utter",
    "voice",
    // tell-37.2
    "acquaint",
    "appraise",
    "inform",
    "notify",
    "remind",
    "tell",
    "update",
    // complain-37.8
    "boast",
    "brag",
    "complain",
    "crab",
    "gripe",
    "grouch",
    "grouse",
    "grumble",
    "kvetch",
    "object",
    // advise-37.9
    "admonish",
    "alert",
    "assure",
    "brief",
    "caution",
    "counsel",
    "encourage",
    "instruct",
    "warn",
    // confess-37.10 (confess, proclaim and reveal are listed above)
    "acknowledge",
    "admit",
    // required of the attribution grammar
    "post",
    "testify",
    "tweet",
    "write",
];

/// Irregular forms of the verbs above.
const IRREGULAR: &[(&str, &[&str])] = &[
    ("say", &["said", "says", "saying", "say"]),
    ("tell", &["told", "tells", "telling"]),
    ("write", &["wrote", "written", "writes", "writing"]),
];

/// Verbs that double their last consonant: "admitted", "bragged".
const DOUBLING: &[&str] = &["admit", "blab", "brag", "crab"];

/// The forms in which news reports speech: the past tense and participle,
/// the third person and the "-ing" form. The bare form is left out (it is
/// mostly a noun or an infinitive: "the State Department", "to report"),
/// but for "say" ("officials say").
pub fn speech_forms() -> HashSet<String> {
    let mut forms = HashSet::new();
    for &verb in COMMUNICATION_VERBS {
        if let Some((_, irregular)) = IRREGULAR.iter().find(|(v, _)| *v == verb) {
            forms.extend(irregular.iter().map(|f| f.to_string()));
            continue;
        }
        let (past, third, ing) = if DOUBLING.contains(&verb) {
            let last = &verb[verb.len() - 1..];
            (
                format!("{verb}{last}ed"),
                format!("{verb}s"),
                format!("{verb}{last}ing"),
            )
        } else if let Some(stem) = verb.strip_suffix('e') {
            (format!("{verb}d"), format!("{verb}s"), format!("{stem}ing"))
        } else if let Some(stem) = verb
            .strip_suffix('y')
            .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']))
        {
            (
                format!("{stem}ied"),
                format!("{stem}ies"),
                format!("{verb}ing"),
            )
        } else {
            (
                format!("{verb}ed"),
                format!("{verb}s"),
                format!("{verb}ing"),
            )
        };
        forms.extend([past, third, ing]);
    }
    forms
}

/// A quoted stretch of this many words or more is a quotation (the
/// extractor's own line lies lower, at four).
const QUOTATION_MIN_WORDS: usize = 4;

/// Words written in lower case inside a Title Case name.
const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with",
];

/// The words of a text, lower case, with inner apostrophes and hyphens
/// ("can't", "last-ditch").
pub fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

pub fn fold(text: &str) -> String {
    text.to_lowercase().replace(['’', '‘'], "'")
}

/// Every word capitalized but the small ones.
pub fn title_case(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    !words.is_empty()
        && words.iter().any(|w| capital(w))
        && words
            .iter()
            .all(|w| capital(w) || TITLE_SMALL_WORDS.contains(&w.to_lowercase().as_str()))
}

/// A claim in headline case: every word of four letters or more outside
/// quotation marks capitalized.
pub fn headline_case(text: &str) -> bool {
    let marks = |c: char| matches!(c, '“' | '”' | '"' | '‘' | '’' | '\'');
    let outside: String = text.split(marks).step_by(2).collect::<Vec<_>>().join(" ");
    let long: Vec<&str> = outside
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().count() > 3)
        .collect();
    !long.is_empty()
        && long
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Whether a claim holds someone's words: a form of a verb of
/// communication (or "according to"), or a quotation (a quoted stretch of
/// `QUOTATION_MIN_WORDS` or more words that is not a Title Case name such
/// as "In God We Trust", or a quotation mark that opens or closes the
/// claim, as in a quote of several sentences).
pub fn speech(text: &str, forms: &HashSet<String>) -> Option<String> {
    let marks = |c: char| matches!(c, '“' | '”' | '"');
    let trimmed = text.trim_matches(|c: char| c.is_whitespace() || c == '.');
    if trimmed.starts_with(marks) || trimmed.ends_with(marks) {
        return Some("quotation".into());
    }
    let long_quote = text.split(marks).skip(1).step_by(2).any(|inside| {
        let inside = inside.trim_matches(|c: char| !c.is_alphanumeric());
        inside.split_whitespace().count() >= QUOTATION_MIN_WORDS && !title_case(inside)
    });
    if long_quote {
        return Some("quotation".into());
    }
    let words = words(text);
    if words
        .windows(2)
        .any(|w| w[0] == "according" && w[1] == "to")
    {
        return Some("according to".into());
    }
    words.into_iter().find(|w| forms.contains(w))
}

/// The words of a quotation as a reader compares them: lower case,
/// contractions written out, bracketed insertions left out, and every
/// mark, hyphen and space dropped between words (so "tax-filing" and "tax
/// filing" are one spelling); each word with whether it was capitalized.
fn plain_words(text: &str) -> Vec<(String, bool)> {
    let mut unbracketed = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => unbracketed.push(c),
            _ => {}
        }
    }
    let mut words = Vec::new();
    for raw in unbracketed.split_whitespace() {
        let capital = raw
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .starts_with(char::is_uppercase);
        let lower = fold(raw);
        let lower = lower.trim_matches(|c: char| !c.is_alphanumeric());
        let expanded = match lower {
            "won't" => "will not".to_string(),
            "can't" | "cannot" => "can not".to_string(),
            "let's" => "let us".to_string(),
            _ => {
                let endings = [
                    ("n't", " not"),
                    ("'re", " are"),
                    ("'m", " am"),
                    ("'ll", " will"),
                    ("'ve", " have"),
                    ("'d", " would"),
                ];
                let mut out = lower.to_string();
                for (ending, full) in endings {
                    if let Some(stem) = lower.strip_suffix(ending) {
                        out = format!("{stem}{full}");
                        break;
                    }
                }
                for pronoun in ["he", "she", "it", "that", "there", "what", "who"] {
                    if lower == format!("{pronoun}'s") {
                        out = format!("{pronoun} is");
                    }
                }
                out
            }
        };
        for part in expanded.split_whitespace() {
            let letters: String = part.chars().filter(|c| c.is_alphanumeric()).collect();
            if !letters.is_empty() {
                words.push((letters, capital));
            }
        }
    }
    words
}

/// Two names this alike (normalized Levenshtein) are one name
/// transliterated two ways ("Qaddafi", "Gadhafi").
const TRANSLITERATION_SIMILARITY: f64 = 0.6;

/// Whether two wordings of a quotation differ only by contraction, case,
/// punctuation, hyphens, spaces, bracketed insertions or the spelling of a
/// name: the letters of the shorter occur in the longer once all of that is
/// folded, or the two have the same words but for capitalized names at
/// least `TRANSLITERATION_SIMILARITY` alike.
pub fn differ_only_in_form(a: &str, b: &str) -> bool {
    let (wa, wb) = (plain_words(a), plain_words(b));
    let letters = |w: &[(String, bool)]| w.iter().map(|(t, _)| t.as_str()).collect::<String>();
    let (la, lb) = (letters(&wa), letters(&wb));
    if la.contains(&lb) || lb.contains(&la) {
        return true;
    }
    wa.len() == wb.len()
        && wa.iter().zip(&wb).all(|((x, cx), (y, cy))| {
            x == y
                || (*cx
                    && *cy
                    && strsim::normalized_levenshtein(x, y) >= TRANSLITERATION_SIMILARITY)
        })
}
