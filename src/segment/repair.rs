//! Pass 3 of segmenting: repairs to the pieces sentencex returns. An opening
//! quotation mark moves to the sentence it opens, pieces cut too eagerly are
//! joined again, and boundaries it missed are cut.

use std::ops::Range;
use std::sync::OnceLock;

use super::*;

/// Abbreviations that stand before a name and so never end a sentence, even
/// at the end of a line ("Gen.\nPadrino"). Lower case, without the full
/// stop. Sorted.
pub(super) fn title_abbreviations() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    lexicon::sorted(
        &LIST,
        include_str!("../../lexicons/segment-title-abbreviations.txt"),
    )
}

/// Abbreviated months: followed by a day number they never end a sentence
/// ("post-Sept. 11", "Nov. 21"). Lower case, without the full stop. Sorted.
pub(super) fn month_abbreviations() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    lexicon::sorted(
        &LIST,
        include_str!("../../lexicons/segment-month-abbreviations.txt"),
    )
}

/// Capitalised words that almost only ever open a sentence. After a word
/// ending in a full stop ("U.S.", "Inc.", "i.v.") they mark a boundary that
/// sentencex, seeing an abbreviation, leaves uncut: "... in the U.S. The
/// talks ...". From pragmatic_segmenter's list, plus pronouns and
/// connectives common at the start of news sentences. Sorted.
pub(super) fn sentence_starters() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    lexicon::sorted(
        &LIST,
        include_str!("../../lexicons/segment-sentence-starters.txt"),
    )
}

/// Words that may follow "a.m." or "p.m." in the same sentence: days,
/// months (written out or abbreviated) and time zones ("at 3 p.m. Tuesday",
/// "7 p.m. Sept. 8", "9 a.m. ET"). Sorted.
pub(super) fn time_followers() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    lexicon::sorted(
        &LIST,
        include_str!("../../lexicons/segment-time-followers.txt"),
    )
}

/// The last whitespace-separated word of `text`.
pub(super) fn last_word(text: &str) -> Option<&str> {
    text.split_whitespace().next_back()
}

/// True for "Gen.", "Mr." and other titles that stand before a name.
pub(super) fn is_title_abbreviation(word: &str) -> bool {
    let Some(stem) = word.strip_suffix('.') else {
        return false;
    };
    let stem = stem.trim_start_matches(|c: char| !c.is_alphanumeric());
    // "then-Gov.", "ex-Sen.": the title is the part after the hyphen.
    let stem = stem.rsplit('-').next().unwrap_or(stem);
    title_abbreviations()
        .binary_search(&stem.to_lowercase().as_str())
        .is_ok()
}

/// True for "Nov." and "post-Sept.": an abbreviated month with its full
/// stop, after any hyphenated prefix.
pub(super) fn is_month_abbreviation(word: &str) -> bool {
    let Some(stem) = word.strip_suffix('.') else {
        return false;
    };
    let stem = stem.rsplit('-').next().unwrap_or(stem);
    month_abbreviations()
        .binary_search(&stem.to_lowercase().as_str())
        .is_ok()
}

/// True for initials written together, "J.D." or "J.R.R.": two or three
/// single capital letters, each with its full stop, other than the times
/// "A.M." and "P.M.".
pub(super) fn is_run_together_initials(word: &str) -> bool {
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    // "A.M." and "P.M." look like initials but are times, which end
    // sentences as often as any other word.
    if word.eq_ignore_ascii_case("a.m.") || word.eq_ignore_ascii_case("p.m.") {
        return false;
    }
    let letters: Vec<&str> = word.split_terminator('.').collect();
    word.ends_with('.')
        && (2..=3).contains(&letters.len())
        && letters
            .iter()
            .all(|l| l.chars().count() == 1 && l.chars().all(char::is_uppercase))
}

/// Gives an opening quotation mark that sentencex left at the end of a piece
/// ("... on Twitter. “") to the piece it opens.
pub(super) fn move_dangling_openers(
    text: &str,
    mut pieces: Vec<Range<usize>>,
) -> Vec<Range<usize>> {
    for i in 1..pieces.len() {
        let previous = &text[pieces[i - 1].clone()];
        let Some(quote) = previous.chars().next_back() else {
            continue;
        };
        let body = &previous[..previous.len() - quote.len_utf8()];
        let opening = matches!(quote, '“' | '‘')
            || (matches!(quote, '"' | '\'') && body.ends_with(char::is_whitespace));
        if !opening || body.trim().is_empty() {
            continue;
        }
        let quote_at = pieces[i - 1].end - quote.len_utf8();
        pieces[i].start = quote_at;
        pieces[i - 1].end = pieces[i - 1].start + body.trim_end().len();
    }
    pieces
}

/// Joins neighbouring pieces that sentencex cut apart but that belong to one
/// sentence.
pub(super) fn join_false_cuts(text: &str, pieces: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        if let Some(previous) = out.last_mut()
            && belong_together(
                &text[previous.clone()],
                &text[previous.end..piece.start],
                &text[piece.clone()],
            )
        {
            previous.end = piece.end;
            continue;
        }
        out.push(piece);
    }
    out
}

/// Whether `next` continues the sentence of `previous`; `gap` is the text
/// between them.
pub(super) fn belong_together(previous: &str, gap: &str, next: &str) -> bool {
    // A cut with no space is inside a word or address: "Yahoo!", "Y!J.",
    // "www.example.Com".
    if gap.is_empty() && !previous.ends_with(['"', '”', '\'', '’', ')']) {
        return true;
    }
    if is_bare_marker(previous) {
        return true;
    }
    if last_word(previous).is_some_and(is_title_abbreviation) {
        return true;
    }
    // "Leave me alone! he yelled." and "-- voila! -- you have cake."
    let opening = next.trim_start_matches(|c: char| c.is_whitespace() || "-–—,;:".contains(c));
    if opening.starts_with(char::is_lowercase) && list_marker_len(next).is_none() {
        return true;
    }
    // "Nov. 21", "post-Sept. 11": an abbreviated month before a day number.
    if last_word(previous).is_some_and(is_month_abbreviation)
        && next.trim_start().starts_with(|c: char| c.is_ascii_digit())
    {
        return true;
    }
    // "J.D. Edwards", "J.R. Smith": run-together initials before a
    // capitalised name that is not a word opening a sentence. "U.S." is
    // such a run too, and sentencex already keeps it whole; where it does
    // end a sentence ("in the U.S. The talks") the next word opens one.
    if last_word(previous).is_some_and(is_run_together_initials) {
        let first = next
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        if first.starts_with(char::is_uppercase)
            && sentence_starters().binary_search(&first).is_err()
        {
            return true;
        }
    }
    if previous.ends_with("a.m.") || previous.ends_with("p.m.") {
        let first = next
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        if time_followers().binary_search(&first).is_ok() {
            return true;
        }
    }
    false
}

/// Follows quotation marks and brackets through a sentence, so that
/// boundaries inside a quotation or a parenthesis can be told from
/// boundaries outside. A straight quote closes when it follows text and
/// precedes a space, punctuation or the end, and opens otherwise; a single
/// quote inside a word ("they'll") is an apostrophe and does neither.
pub(super) struct QuoteTracker<'a> {
    text: &'a str,
    /// Bytes of `text` read so far.
    read: usize,
    before: Option<char>,
    double: usize,
    single: usize,
    brackets: usize,
}

impl<'a> QuoteTracker<'a> {
    fn new(text: &'a str) -> Self {
        QuoteTracker {
            text,
            read: 0,
            before: None,
            double: 0,
            single: 0,
            brackets: 0,
        }
    }

    /// Whether a double quotation is open after the first `end` bytes;
    /// `end` must not decrease from one call to the next.
    fn quoting_at(&mut self, end: usize) -> bool {
        self.open_at(end);
        self.double > 0
    }

    /// Whether a quotation or bracket is open after the first `end` bytes;
    /// `end` must not decrease from one call to the next.
    fn open_at(&mut self, end: usize) -> bool {
        let mut chars = self.text[self.read..end].chars().peekable();
        while let Some(c) = chars.next() {
            let after = chars
                .peek()
                .copied()
                .or_else(|| self.text[end..].chars().next());
            let before = self.before;
            let word_after = after.is_some_and(char::is_alphanumeric);
            let word_before = before.is_some_and(|b| !b.is_whitespace());
            // Closing: glued to the text before and followed by a space,
            // punctuation or the end.
            let closes =
                word_before && after.is_none_or(|a| a.is_whitespace() || ",.;:!?)]".contains(a));
            match c {
                '“' => self.double += 1,
                '”' => self.double = self.double.saturating_sub(1),
                '"' if closes => self.double = self.double.saturating_sub(1),
                '"' => self.double += 1,
                '‘' => self.single += 1,
                '\'' | '’' if closes => self.single = self.single.saturating_sub(1),
                '\'' if !word_before && word_after => self.single += 1,
                '(' | '[' => self.brackets += 1,
                ')' | ']' => self.brackets = self.brackets.saturating_sub(1),
                _ => {}
            }
            self.before = Some(c);
        }
        self.read = end;
        self.double > 0 || self.single > 0 || self.brackets > 0
    }
}

/// Cuts pieces at boundaries sentencex did not see: a full stop that ends
/// an abbreviation and also the sentence ("in the U.S. The talks"), a
/// sentence glued to the next ("world.Today"), an ordinary full stop that
/// sentencex took to be inside a quotation, a quotation broken off with a
/// dash, and a footnote number after the full stop ("consultation.11
/// Take"). Never inside an open quotation or bracket.
pub(super) fn cut_missed_boundaries(text: &str, pieces: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(pieces.len());
    for piece in pieces {
        let mut start = piece.start;
        for cut in missed_boundaries(&text[piece.clone()]) {
            out.push(start..piece.start + cut.0);
            start = piece.start + cut.1;
        }
        out.push(start..piece.end);
    }
    out
}

/// Offsets in `sentence` where one sentence ends and, after whitespace, the
/// next begins.
pub(super) fn missed_boundaries(sentence: &str) -> Vec<(usize, usize)> {
    if !may_hold_missed_boundary(sentence) {
        return Vec::new();
    }
    read_missed_boundaries(sentence)
}

/// [`missed_boundaries`], reading every word.
pub(super) fn read_missed_boundaries(sentence: &str) -> Vec<(usize, usize)> {
    let mut cuts = Vec::new();
    let mut words = words_with_offsets(sentence).peekable();
    let mut quotes = QuoteTracker::new(sentence);
    while let Some((at, word)) = words.next() {
        for dot in glued_boundaries(word) {
            if !quotes.open_at(at + dot) {
                cuts.push((at + dot, at + dot));
            }
        }
        let Some(&(next_at, next)) = words.peek() else {
            break;
        };
        // Each test below needs the word to end in a full stop, `?`, `!`,
        // a closing quote or bracket, or a footnote's digit: most words end
        // in a letter or a comma.
        if word
            .bytes()
            .next_back()
            .is_some_and(|b| b.is_ascii_alphabetic() || matches!(b, b',' | b';' | b':'))
        {
            continue;
        }
        let next_word = next.trim_end_matches(|c: char| !c.is_alphanumeric());
        // Looked up only after a word that may end a sentence.
        let starter = || sentence_starters().binary_search(&next_word).is_ok();
        // "in the U.S. The talks", "How about you? I live": sentencex
        // sometimes lets these through. Not inside a quotation, where a
        // speaker's several sentences stay together, nor in brackets.
        let ends = ends_abbreviation_that_may_end_sentence(word) || word.ends_with(['?', '!']);
        let mut quoted = || quotes.open_at(at + word.len());
        if ends && starter() && !quoted() {
            cuts.push((at + word.len(), next_at));
            continue;
        }
        // An ordinary word and a full stop, then a capital: sentencex
        // leaves these uncut when it pairs quotation marks across sentences
        // ("business" ... safe. “The federal ...").
        let ends = ends_plain_sentence(word) || ends_interrupted_quote(word);
        if ends && opens_sentence(next) && !quoted() {
            cuts.push((at + word.len(), next_at));
            continue;
        }
        if let Some(end) = footnote_end(word)
            && !quoted()
        {
            // Further footnote numbers may follow: "consultation.11 12 Take".
            let mut end_at = at + end;
            let mut lookahead = words.clone();
            while let Some(&(n_at, n)) = lookahead.peek() {
                if !is_footnote_number(n) {
                    break;
                }
                end_at = n_at + n.len();
                lookahead.next();
            }
            if let Some(&(n_at, n)) = lookahead.peek()
                && n.starts_with(char::is_uppercase)
            {
                cuts.push((end_at, n_at));
                words = lookahead;
            }
        }
    }
    cuts
}

/// Whether `sentence` has what every cut of [`missed_boundaries`] needs: a
/// full stop, `?` or `!` in a word before the last (each test below reads
/// one), a dash before a closing quotation mark there (an interrupted
/// quotation), or in the last word a full stop glued to a capital ("He
/// left.Then"). Most sentences have none, and are not read word by word.
pub(super) fn may_hold_missed_boundary(sentence: &str) -> bool {
    let trimmed = sentence.trim_end();
    let last = trimmed.rfind(char::is_whitespace).map_or(0, |at| {
        at + trimmed[at..].chars().next().map_or(1, char::len_utf8)
    });
    let (before, last_word) = trimmed.split_at(last);
    before.contains(['.', '?', '!'])
        || (before.contains(['-', '—', '–']) && before.contains(['"', '\'', '”', '’']))
        || last_word
            .match_indices('.')
            .any(|(dot, _)| last_word[dot + 1..].starts_with(char::is_uppercase))
}

/// Where a sentence that quotes a speaker's several sentences divides into
/// one claim per quoted sentence: `"A. B," they said.` holds two facts, and
/// another outlet may quote only one of them. Byte ranges of `text`, the
/// whole `sentence` when it does not divide. A cut falls after a word that
/// ends a sentence inside an open double quotation, before a capital; each
/// part keeps at least [`QUOTED_SENTENCE_MIN_WORDS`] words, so that an
/// interjection ("Jail!") stays with its neighbour.
pub(super) fn quoted_sentences(text: &str, sentence: Range<usize>) -> Vec<Range<usize>> {
    let body = &text[sentence.clone()];
    // Only a double quotation divides: without its marks, nothing to read.
    if !body.contains(['"', '“', '”']) {
        return vec![sentence];
    }
    let words: Vec<(usize, &str)> = words_with_offsets(body).collect();
    let mut quotes = QuoteTracker::new(body);
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut since_cut = 0;
    for (k, &(at, word)) in words.iter().enumerate() {
        since_cut += 1;
        let Some(&(next_at, next)) = words.get(k + 1) else {
            break;
        };
        let ends = ends_plain_sentence(word) || word.ends_with(['?', '!']);
        let left = words.len() - k - 1;
        if ends
            && opens_sentence(next)
            && since_cut >= QUOTED_SENTENCE_MIN_WORDS
            && left >= QUOTED_SENTENCE_MIN_WORDS
            && quotes.quoting_at(at + word.len())
        {
            cuts.push((at + word.len(), next_at));
            since_cut = 0;
        }
    }
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for (end, next) in cuts {
        out.push(sentence.start + start..sentence.start + end);
        start = next;
    }
    out.push(sentence.start + start..sentence.end);
    out
}

/// The fewest words a quoted sentence needs to be a claim of its own.
pub(super) const QUOTED_SENTENCE_MIN_WORDS: usize = 4;

/// Lower-case abbreviations that a capitalised word often follows in
/// mid-sentence ("Ohio vs. Michigan", "Smith et al. Nature"). Sorted.
pub(super) fn lowercase_abbreviations() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    lexicon::sorted(
        &LIST,
        include_str!("../../lexicons/segment-lowercase-abbreviations.txt"),
    )
}

/// True for an ordinary lower-case word ending with a full stop, perhaps
/// inside closing quotes or brackets: "safe.", "business.”", "(twice.)";
/// and for any word but a title whose full stop closes a quotation: `Day."`.
pub(super) fn ends_plain_sentence(word: &str) -> bool {
    let unquoted = word.trim_end_matches(['"', '\'', '”', '’']);
    let closes_quote = unquoted.len() < word.len();
    let bare = unquoted.trim_end_matches([')', ']']);
    let Some(stem) = bare.strip_suffix('.') else {
        return false;
    };
    let stem = stem.trim_start_matches(|c: char| !c.is_alphanumeric());
    if closes_quote && stem.chars().count() >= 2 {
        return !is_title_abbreviation(bare);
    }
    stem.chars().count() >= 2
        && stem.chars().all(char::is_lowercase)
        && lowercase_abbreviations().binary_search(&stem).is_err()
}

/// True for a quotation broken off with a dash: `to--"`, `we will—”`.
pub(super) fn ends_interrupted_quote(word: &str) -> bool {
    let inner = word.trim_end_matches(['"', '\'', '”', '’']);
    inner.len() < word.len() && inner.ends_with(['-', '—', '–'])
}

/// True when `word` can open a sentence: a capital, perhaps after an
/// opening quotation mark or bracket.
pub(super) fn opens_sentence(word: &str) -> bool {
    word.trim_start_matches(['"', '\'', '“', '‘', '(', '['])
        .starts_with(char::is_uppercase)
}

/// Offsets just after each full stop inside `word` that ends one sentence
/// and starts the next with no space: "world.Today", "1,000.That". Not in
/// addresses: "www.example.Com", "Jane.Doe@example.com", "Awesome.com".
pub(super) fn glued_boundaries(word: &str) -> Vec<usize> {
    if !word.contains('.') || word.contains(['@', '/']) || word.contains("www.") {
        return Vec::new();
    }
    let mut cuts = Vec::new();
    for (dot, _) in word.match_indices('.') {
        let before = word[..dot].chars().next_back();
        let rest = &word[dot + 1..];
        let next_word_len = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        let next_word = &rest[..next_word_len];
        let mut letters = next_word.chars();
        let capitalised = letters.next().is_some_and(char::is_uppercase)
            && letters.next().is_some_and(char::is_lowercase)
            && letters.all(char::is_lowercase);
        // "Awesome.com": the capitalised word is itself part of an address.
        let domain = rest[next_word_len..]
            .strip_prefix('.')
            .is_some_and(|tail| tail.starts_with(char::is_lowercase));
        let ends_word = before.is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
        let sentence_before = word[..dot].chars().filter(|c| c.is_alphanumeric()).count() >= 2;
        if ends_word && sentence_before && capitalised && !domain {
            cuts.push(dot + 1);
        }
    }
    cuts
}

/// True for a word ending in a full stop that may also end the sentence:
/// not a title ("Gen.") and not an initial ("E.").
pub(super) fn ends_abbreviation_that_may_end_sentence(word: &str) -> bool {
    let Some(stem) = word.strip_suffix('.') else {
        return false;
    };
    let letters = stem.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && !is_title_abbreviation(word) && stem.ends_with(|c: char| c.is_alphabetic())
}

/// True for a bare footnote number such as "12".
pub(super) fn is_footnote_number(word: &str) -> bool {
    (1..=3).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit())
}

/// When `word` ends a sentence with a footnote reference glued to its full
/// stop ("consultation.11", "(1987).1"), the length of the word up to and
/// including the reference.
pub(super) fn footnote_end(word: &str) -> Option<usize> {
    let dot = word.rfind('.')?;
    let digits = &word[dot + 1..];
    let before = word[..dot].chars().next_back()?;
    (is_footnote_number(digits) && (before.is_lowercase() || before == ')')).then_some(word.len())
}
