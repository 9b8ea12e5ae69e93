//! Quotations in a claim: direct quotes and scare quotes, told apart from
//! apostrophes, titles, ratings and split quotations.

use super::*;

/// A quotation of at most this many words is a scare quote ("terrorist",
/// "a slave's peace"); a longer one is a direct quote.
pub const SCARE_QUOTE_MAX_WORDS: usize = 3;

/// A quoted stretch of a claim: the span with its marks, and the words inside.
pub(super) struct Quoted {
    pub(super) span: Range<usize>,
    pub(super) inner: Range<usize>,
    /// The quotation runs past the claim's start or end (a quote of several
    /// sentences).
    pub(super) open_ended: bool,
}

/// Quotations in straight and curly, double and single quotes. Single quotes
/// are told apart from apostrophes by what is around them; quotes inside a
/// double-quoted stretch are left alone.
pub(super) fn quotations(text: &str) -> Vec<Quoted> {
    // Most claims have no quotation mark at all, nor an apostrophe.
    if !text.contains(['“', '«', '”', '»', '"', '‘', '\'', '’']) {
        return Vec::new();
    }
    let chars = crate::text::char_table(text);
    let alnum = |k: Option<&(usize, char)>| k.is_some_and(|(_, c)| c.is_alphanumeric());
    let mut found = Vec::new();
    let mut double: Option<usize> = None;
    let mut single: Option<(usize, char)> = None;
    let mut first_double = true;
    for (k, &(at, c)) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).and_then(|p| chars.get(p));
        let next = chars.get(k + 1);
        let after = at + c.len_utf8();
        match c {
            '“' | '«' => {
                double = Some(at);
                first_double = false;
            }
            '”' | '»' | '"' => {
                if let Some(open) = double.take() {
                    found.push(Quoted {
                        span: open..after,
                        inner: open + mark_len(text, open)..at,
                        open_ended: false,
                    });
                } else if first_double
                    && (c != '"' || (prev.is_some_and(|(_, p)| !p.is_whitespace()) && !alnum(next)))
                {
                    // A closing mark with no opening one before it ends a
                    // quotation begun in an earlier sentence.
                    found.push(Quoted {
                        span: 0..after,
                        inner: 0..at,
                        open_ended: true,
                    });
                } else if c == '"' {
                    double = Some(at);
                }
                first_double = false;
            }
            '‘' | '\'' if double.is_none() && !alnum(prev) && alnum(next) => {
                single = Some((at, c));
            }
            '’' | '\'' if double.is_none() && !alnum(next) => {
                if let Some((open, mark)) = single
                    && (mark == '‘') == (c == '’')
                    && prev.is_some_and(|(_, p)| !p.is_whitespace())
                {
                    found.push(Quoted {
                        span: open..after,
                        inner: open + mark.len_utf8()..at,
                        open_ended: false,
                    });
                    single = None;
                }
            }
            _ => {}
        }
    }
    if let Some(open) = double {
        let inner_start = open + mark_len(text, open);
        if inner_start < text.len() {
            found.push(Quoted {
                span: open..text.len(),
                inner: inner_start..text.len(),
                open_ended: true,
            });
        }
    }
    found.retain(|q| !text[q.inner.clone()].trim().is_empty());
    found.sort_by_key(|q| q.span.start);
    found
}

/// What a claim's double quotation marks say about quotations that run
/// past it.
pub(super) struct DoubleMarks {
    /// The claim has a double quotation mark.
    pub(super) any: bool,
    /// A mark closes a quotation that began before the claim.
    pub(super) closes_earlier: bool,
    /// A quotation opens and runs past the claim's end.
    pub(super) left_open: bool,
}

/// The double quotation marks of `text`, read as [`quotations`] reads them.
pub(super) fn double_marks(text: &str) -> DoubleMarks {
    let any = text.contains(['“', '«', '”', '»', '"']);
    let quoted = if any { quotations(text) } else { Vec::new() };
    // An open-ended quotation from the claim's start without a mark of its
    // own ends one begun earlier; one whose words start after its mark
    // runs past the claim's end.
    DoubleMarks {
        any,
        closes_earlier: quoted.iter().any(|q| q.open_ended && q.inner.start == 0),
        left_open: quoted.iter().any(|q| q.open_ended && q.inner.start > 0),
    }
}

/// The length in bytes of the quotation mark at `at`.
pub(super) fn mark_len(text: &str, at: usize) -> usize {
    text[at..].chars().next().map_or(1, char::len_utf8)
}

/// A short quotation that reads as a full sentence: `he said: "No."`, or a
/// claim that is one: `"And it did."`.
pub(super) fn is_full_sentence(text: &str, quoted: &Quoted) -> bool {
    let inner = text[quoted.inner.clone()].trim();
    let capital = inner.chars().next().is_some_and(char::is_uppercase);
    let terminal = inner.ends_with(['.', '!', '?']);
    let before = text[..quoted.span.start].trim_end();
    let introduced = before.is_empty() || before.ends_with([':', ',']);
    capital && terminal && introduced
}

/// Words written in lower case inside a title: "Face the Nation", "Smiles
/// for Life".
pub(super) static TITLE_SMALL_WORDS: WordList = WordList::new(include_str!(
    "../../../lexicons/framing-title-small-words.txt"
));

/// A short quotation in Title Case is the name of a show, a book, a bill or
/// a campaign ("Meet the Press", "Smiles for Life"), not a scare quote: every
/// word capitalized but the small ones, and a capital after the first word
/// (a lone capitalized word may only open a sentence).
pub(super) fn is_title(inner: &str) -> bool {
    let words: Vec<&str> = inner.split_whitespace().collect();
    let capitalized = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    words.len() >= 2
        && words.len() <= SCARE_QUOTE_MAX_WORDS + 2
        && words[1..].iter().any(|w| capitalized(w))
        && words
            .iter()
            .all(|w| capitalized(w) || TITLE_SMALL_WORDS.contains(&w.to_lowercase().as_str()))
}

/// A nickname between a first name and a surname: William “Mo” Cowan.
pub(super) fn is_nickname(text: &str, quoted: &Quoted) -> bool {
    let capitalized =
        |w: Option<&str>| w.is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    let inner = text[quoted.inner.clone()].trim();
    !inner.contains(' ')
        && capitalized(Some(inner))
        && capitalized(text[..quoted.span.start].split_whitespace().next_back())
        && capitalized(text[quoted.span.end..].split_whitespace().next())
}

/// A quoted word capitalized in the middle of a sentence is a name, of a
/// work, a character or a nickname (`the “Apprentice”-style frenzy`, `a
/// “Godfather” character`, `"Crooked" Hillary`), not a scare quote: a term
/// kept at a distance keeps its lower case. Not when it opens the sentence
/// or a quoted sentence (`he said, “Never.”`), nor in headline case.
pub(super) fn is_capitalized_name(text: &str, quoted: &Quoted) -> bool {
    let inner = text[quoted.inner.clone()].trim();
    let one_word = !inner.contains(char::is_whitespace);
    let capitalized = inner.chars().next().is_some_and(char::is_uppercase)
        && inner.chars().any(char::is_lowercase);
    let before = text[..quoted.span.start].trim_end();
    let mid_sentence = !before.is_empty() && !before.ends_with(['.', '!', '?', ':', ',']);
    one_word && capitalized && mid_sentence && !inner.ends_with(['.', '!', '?'])
}

/// Nouns after which a quoted word is mentioned, not used: `the word
/// "God"`, `the term “deep state”`.
pub(super) const MENTION_NOUNS: &[&str] = &[
    "label", "name", "phrase", "slogan", "term", "terms", "word", "words",
];

/// A quoted word that is mentioned rather than used (`failed to use the
/// word "God"`): what it says about the word is the point, so it is
/// neither a quote nor a scare quote.
pub(super) fn is_mention(text: &str, quoted: &Quoted) -> bool {
    text[..quoted.span.start]
        .split_whitespace()
        .next_back()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .is_some_and(|w| MENTION_NOUNS.contains(&w.as_str()))
}

/// Words before a quoted rating: `rated the ad "false"`, `gave it a
/// "Pants on Fire"`.
pub(super) static RATING_WORDS: WordList =
    WordList::new(include_str!("../../../lexicons/framing-rating-words.txt"));

/// A quotation this many words after a rating word is the rating.
pub(super) const RATING_REACH: usize = 6;

/// A quoted rating ("rated the Obama ad as “false”") is the rater's verdict,
/// named as such, not a term the outlet keeps at a distance.
pub(super) fn is_rating(text: &str, quoted: &Quoted) -> bool {
    text[..quoted.span.start]
        .split_whitespace()
        .rev()
        .take(RATING_REACH)
        .any(|w| RATING_WORDS.contains(&w.to_lowercase().as_str()))
}

/// The first part of a quotation split around its speaker: `“Is it true,”
/// Roberts asked`, `“Never,” she said, “...”`: the quoted words end in a
/// comma, a question or an exclamation mark and a verb of speech follows
/// within a few words.
pub(super) fn is_split_quote(text: &str, quoted: &Quoted) -> bool {
    let inner = text[quoted.inner.clone()].trim_end();
    if !inner.ends_with([',', '?', '!']) {
        return false;
    }
    text[quoted.span.end..]
        .split_whitespace()
        .take(SPLIT_QUOTE_REACH)
        .any(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            SPLIT_QUOTE_VERBS.contains(&w.as_str())
        })
}

/// A speech verb at most this many words after a quotation splits it.
pub(super) const SPLIT_QUOTE_REACH: usize = MAX_SOURCE_WORDS;

/// Verbs of speech that split a quotation around its speaker.
pub(super) static SPLIT_QUOTE_VERBS: WordList = WordList::new(include_str!(
    "../../../lexicons/framing-split-quote-verbs.txt"
));

/// Words of more than this many letters show whether a claim is written in
/// headline case.
pub(super) const HEADLINE_WORD_CHARS: usize = 3;

/// A claim in headline case ("Maduro Rejects ‘Slave’s Peace’"): every
/// longer word outside its quotations is capitalized, so a quotation in
/// Title Case says nothing about being a name.
pub(super) fn in_headline_case(text: &str, quoted: &[Range<usize>]) -> bool {
    let mut outside = String::with_capacity(text.len());
    let mut at = 0;
    for span in quoted {
        if span.start >= at {
            outside.push_str(&text[at..span.start]);
            outside.push(' ');
            at = span.end;
        }
    }
    outside.push_str(&text[at.min(text.len())..]);
    let long: Vec<&str> = outside
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| {
            w.chars().count() > HEADLINE_WORD_CHARS
                && !TITLE_SMALL_WORDS.contains(&w.to_lowercase().as_str())
        })
        .collect();
    !long.is_empty()
        && long.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
}

pub(super) fn quote_cues(text: &str) -> Vec<Cue> {
    let quoted = quotations(text);
    // Read only for a quotation that looks like a name: few do.
    let mut headline = None;
    let spans: Vec<Range<usize>> = quoted.iter().map(|q| q.span.clone()).collect();
    quoted
        .into_iter()
        .filter_map(|q| {
            let inner = text[q.inner.clone()]
                .trim()
                .trim_end_matches([',', '.', ';', ':'])
                .trim_end();
            let words = inner.split_whitespace().count();
            let name = is_title(inner) || is_capitalized_name(text, &q);
            let mut headline_case =
                || *headline.get_or_insert_with(|| in_headline_case(text, &spans));
            if (name && !headline_case())
                || is_rating(text, &q)
                || is_nickname(text, &q)
                || (words <= SCARE_QUOTE_MAX_WORDS && is_mention(text, &q))
            {
                return None;
            }
            let kind = if words <= SCARE_QUOTE_MAX_WORDS
                && !q.open_ended
                && !is_full_sentence(text, &q)
                && !is_split_quote(text, &q)
            {
                CueKind::ScareQuote
            } else {
                CueKind::Quote
            };
            Some(Cue::new(kind, inner, q.span))
        })
        .collect()
}
