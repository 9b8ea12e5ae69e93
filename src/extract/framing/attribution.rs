//! Attribution: who a claim is pinned on. A small grammar around the
//! speech verbs of the lexicon: "X said", "said X", "X, a Republican, said",
//! "according to X", "X: “...”".

use compact_str::CompactString;

use super::*;

/// A source is looked for this many words either side of an attribution
/// verb: enough for "a person familiar with the matter", short enough not to
/// swallow the clause before it.
pub(super) const MAX_SOURCE_WORDS: usize = 8;

/// A word or a punctuation mark of a claim.
#[derive(Debug, Clone)]
pub(super) struct Token<'a> {
    pub(super) text: &'a str,
    pub(super) span: Range<usize>,
    pub(super) word: bool,
    /// `text` lower-cased, once: each word is looked up in several lists.
    lower: CompactString,
}

impl Token<'_> {
    pub(super) fn lower(&self) -> &str {
        &self.lower
    }

    pub(super) fn is(&self, words: &[&str]) -> bool {
        self.word && words.contains(&self.lower())
    }
}

/// Words (letters and digits, with inner apostrophes, hyphens and periods)
/// and single punctuation marks.
pub(super) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::with_capacity(text.len() / 4);
    let chars = crate::text::char_table(text);
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = i + 1;
            while j < chars.len() {
                let c = chars[j].1;
                let inner = matches!(c, '\'' | '’' | '-' | '.')
                    && chars.get(j + 1).is_some_and(|(_, n)| n.is_alphanumeric());
                if c.is_alphanumeric() || inner {
                    j += 1;
                } else {
                    break;
                }
            }
            // "U.S." keeps its final period: letters and periods alternate.
            let word = &chars[i..j];
            let abbreviation = || {
                word.len() >= 3
                    && word.iter().enumerate().all(|(k, (_, c))| {
                        if k % 2 == 0 {
                            c.is_alphabetic()
                        } else {
                            *c == '.'
                        }
                    })
            };
            let title = || TITLES.contains(&&text[start..chars[j].0]);
            // "R-N.C.", "D-N.Y.": a party and a state keep their last period.
            let party_state = || {
                word.len() >= 4
                    && word.iter().any(|(_, c)| *c == '-')
                    && word[word.len() - 2].1 == '.'
                    && word[word.len() - 1].1.is_uppercase()
            };
            if chars.get(j).is_some_and(|(_, c)| *c == '.')
                && (abbreviation() || title() || party_state())
            {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |(b, _)| *b);
            tokens.push(Token {
                text: &text[start..end],
                span: start..end,
                word: true,
                lower: crate::text::lowercase_token(&text[start..end]),
            });
            i = j;
        } else {
            let end = start + c.len_utf8();
            tokens.push(Token {
                text: &text[start..end],
                span: start..end,
                word: false,
                lower: crate::text::lowercase_token(&text[start..end]),
            });
            i += 1;
        }
    }
    tokens
}

/// Titles written with a period, which stays with the word: "Gov. Kathy
/// Hochul said".
pub(super) static TITLES: WordList =
    WordList::new(include_str!("../../../lexicons/framing-titles.txt"));

/// Words between a subject and its verb that do not end the subject:
/// "officials, however, argue", "Maduro has also said".
pub(super) static SKIPPED_BEFORE_VERB: WordList = WordList::new(include_str!(
    "../../../lexicons/framing-skipped-before-verb.txt"
));

/// Times between a subject and its verb ("Biden on Wednesday said"), or
/// after an inverted verb ("announced Monday"): never the source.
pub(super) static TIMES: WordList =
    WordList::new(include_str!("../../../lexicons/framing-times.txt"));

/// Verb forms that are as often nouns ("jobless claims fell", "the
/// estimates"): an attribution only before "that", a name, a pronoun or a
/// determiner, or after a pronoun.
pub(super) static NOUN_LIKE_FORMS: WordList = WordList::new(include_str!(
    "../../../lexicons/framing-noun-like-forms.txt"
));

/// Words before a verb form that make it a noun, an adjective, an
/// infinitive or a passive ("those claims", "the alleged", "to say", "was
/// told"): no attribution.
pub(super) static NOT_A_SUBJECT: WordList =
    WordList::new(include_str!("../../../lexicons/framing-not-a-subject.txt"));

/// Words that end a source phrase: conjunctions, relative pronouns and
/// prepositions.
pub(super) static PHRASE_BREAKS: WordList =
    WordList::new(include_str!("../../../lexicons/framing-phrase-breaks.txt"));

/// Pronouns that stand for one person or a group named elsewhere: as a
/// source they are neither named nor unnamed ("they" counts as unnamed, see
/// [`Lexicon::is_unnamed`]).
pub(super) const PERSONAL_PRONOUNS: &[&str] = &["he", "i", "it", "she", "we", "you"];

/// Subject pronouns: a source phrase starts at the last one.
pub(super) const PRONOUNS: &[&str] = &["he", "i", "it", "she", "they", "we", "you"];

/// Prepositions a source phrase may run through when the word before them
/// is a source noun: "reports from Reuters", "a person familiar with the
/// matter", "officials at the Pentagon".
pub(super) const SOURCE_PREPOSITIONS: &[&str] = &["at", "by", "for", "from", "in", "of", "with"];

/// Nouns after which a source phrase runs on through a preposition.
pub(super) static SOURCE_NOUNS: WordList =
    WordList::new(include_str!("../../../lexicons/framing-source-nouns.txt"));

pub(super) fn is_source_noun(token: &Token) -> bool {
    token.is(&SOURCE_NOUNS)
}

/// The source phrase that ends just before token `end` (exclusive), scanning
/// backward: token indices `start..end`.
pub(super) fn source_before(tokens: &[Token], end: usize, lexicon: &Lexicon) -> Range<usize> {
    let mut start = end;
    while start > 0 && end - start < MAX_SOURCE_WORDS {
        let t = &tokens[start - 1];
        if !t.word || lexicon.verbs.contains_key(t.lower()) {
            break;
        }
        if t.is(&PHRASE_BREAKS) {
            let capitalized = |k: usize| {
                tokens[k].word
                    && tokens[k]
                        .text
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
            };
            // "Jim Clyburn of South Carolina said": a name runs on through "of".
            let name_of =
                t.is(&["of"]) && start >= 2 && capitalized(start - 2) && capitalized(start);
            let runs_on = name_of
                || t.is(SOURCE_PREPOSITIONS)
                    && start >= 2
                    && tokens[start - 2].word
                    && is_source_noun(&tokens[start - 2]);
            if !runs_on {
                break;
            }
        }
        start -= 1;
    }
    start..end
}

/// The source phrase that starts at token `start`, scanning forward.
pub(super) fn source_after(tokens: &[Token], start: usize) -> Range<usize> {
    let mut end = start;
    while end < tokens.len() && end - start < MAX_SOURCE_WORDS {
        let t = &tokens[end];
        if !t.word {
            break;
        }
        if t.is(&PHRASE_BREAKS) {
            let runs_on =
                t.is(SOURCE_PREPOSITIONS) && end > start && is_source_noun(&tokens[end - 1]);
            if !runs_on {
                break;
            }
        }
        end += 1;
    }
    // A phrase does not end on a preposition or a determiner.
    while end > start && tokens[end - 1].is(SOURCE_PREPOSITIONS) {
        end -= 1;
    }
    start..end
}

/// A lower-case word ending in "-ed" or "-ing" before a verb form makes the
/// form an adjective ("targeted alleged vessels"), not an attribution.
pub(super) fn looks_like_a_verb(token: &Token) -> bool {
    token.word
        && token.text.chars().next().is_some_and(char::is_lowercase)
        && (token.text.ends_with("ed") || token.text.ends_with("ing"))
        && !is_source_noun(token)
}

pub(super) fn phrase<'a>(text: &'a str, tokens: &[Token], range: &Range<usize>) -> &'a str {
    &text[tokens[range.start].span.start..tokens[range.end - 1].span.end]
}

pub(super) fn is_opening_quote(c: &str) -> bool {
    matches!(c, "“" | "\"" | "‘" | "'" | "«")
}

pub(super) fn is_closing_quote(c: &str) -> bool {
    matches!(c, "”" | "\"" | "’" | "'" | "»")
}

/// Verbs that attribute only next to a quotation: "he continued, “...”",
/// "a fight he called “a war of choice”", "“...,” the report read". Away
/// from one they mean something else ("called on Congress", "read the
/// bill").
pub(super) static QUOTE_VERBS: WordList =
    WordList::new(include_str!("../../../lexicons/framing-quote-verbs.txt"));

/// Quote verbs that also attribute before a clause ("Trump posted that
/// ...", "the senator declared that ..."): all but the verbs of naming,
/// since "called that" and "described that" name a thing ("he called that
/// a lie").
pub(super) const CLAUSE_QUOTE_VERBS: &[&str] = &[
    "ask",
    "continue",
    "declare",
    "post",
    "read",
    "reiterate",
    "repeat",
];

/// "that" or a colon at most this many tokens after a quote verb opens the
/// words it reports: "posted on Twitter that".
pub(super) const CLAUSE_REACH: usize = 4;

/// Whether the quote verb at token `i` opens a reported clause: "that" or a
/// colon within `CLAUSE_REACH` tokens, with only words before it.
pub(super) fn opens_clause(tokens: &[Token], i: usize) -> bool {
    for t in tokens.iter().skip(i + 1).take(CLAUSE_REACH) {
        if t.text == ":" || t.is(&["that"]) {
            return true;
        }
        if !t.word {
            return false;
        }
    }
    false
}

/// A quotation ends at most this many tokens before a quote verb, or begins
/// at most this many after it, for the verb to attribute it: room for the
/// speaker ("“...,” the White House press secretary said").
pub(super) const QUOTE_VERB_REACH: usize = MAX_SOURCE_WORDS + 2;

/// "told X to ...", with "to" at most this many words after "told", is an
/// instruction: "told Michael Cohen to lie".
pub(super) const TOLD_TO_REACH: usize = 4;

/// An appositive between a subject and its verb ("John Suthers, a
/// Republican, said") runs at most this many tokens: "President Trump, 24
/// hours from his self-imposed deadline for picking a new director, told".
pub(super) const MAX_APPOSITIVE_TOKENS: usize = 16;

/// Words that cannot open an appositive: after them the commas enclose a
/// clause of its own ("prices rose, and, analysts said").
pub(super) const NOT_APPOSITIVE: &[&str] = &["and", "but", "or", "so", "that", "then", "yet"];

/// A name in an appositive runs at most this many words: "Ana Lindqvist",
/// "Peter J. Carr".
pub(super) const MAX_NAME_WORDS: usize = 4;

/// Determiners that may open a source after an inverted verb that follows a
/// quotation: "“...,” said the spokesman, Peter Carr".
pub(super) const DETERMINERS: &[&str] = &["a", "an", "the"];

/// Tokens strictly between byte offsets `from` and `to`.
pub(super) fn tokens_between(tokens: &[Token], from: usize, to: usize) -> usize {
    tokens
        .iter()
        .filter(|t| t.span.start >= from && t.span.end <= to)
        .count()
}

/// Whether a quotation ends shortly before token `i` or begins shortly
/// after it.
pub(super) fn next_to_quote(tokens: &[Token], i: usize, quotes: &[Range<usize>]) -> bool {
    let verb = &tokens[i].span;
    quotes.iter().any(|q| {
        (q.end <= verb.start && tokens_between(tokens, q.end, verb.start) <= QUOTE_VERB_REACH)
            || (q.start >= verb.end
                && tokens_between(tokens, verb.end, q.start) <= QUOTE_VERB_REACH)
    })
}

/// The comma that opens an appositive ending with the comma at token
/// `end - 1` ("John Suthers, a Republican, said"): its token index, when
/// the stretch between the commas reads as one (no quotation, no
/// attribution verb, not a clause opened by a conjunction) and a word comes
/// before it.
pub(super) fn appositive_start(tokens: &[Token], end: usize, lexicon: &Lexicon) -> Option<usize> {
    if end < 3 || tokens[end - 1].text != "," {
        return None;
    }
    let lowest = (end - 1).saturating_sub(MAX_APPOSITIVE_TOKENS + 1);
    for k in (lowest..end - 1).rev() {
        let t = &tokens[k];
        if t.text == "," {
            let inside = &tokens[k + 1..end - 1];
            let opens = inside.first()?;
            let usable = !opens.is(NOT_APPOSITIVE) && k > 0 && tokens[k - 1].word;
            return usable.then_some(k);
        }
        if is_opening_quote(t.text)
            || is_closing_quote(t.text)
            || (t.word && lexicon.verbs.contains_key(t.lower()))
            || matches!(t.text, "." | ";" | ":" | "?" | "!")
        {
            return None;
        }
    }
    None
}

/// Words that may open a sentence before its subject: a dateline's dash
/// ("WASHINGTON — AARP, ...").
pub(super) const DATELINE_MARKS: &[&str] = &["—", "―", "–", "-"];

/// The first comma of a sentence whose subject runs from its start (after
/// a dateline) to that comma, when the comma at `end - 1` closes an
/// appositive of any length: no quotation, sentence mark or attribution
/// verb between the two commas, and a short capitalized or determined
/// subject before the first. "AARP, the powerful lobby ..., said".
pub(super) fn opening_subject_comma(
    tokens: &[Token],
    end: usize,
    lexicon: &Lexicon,
) -> Option<usize> {
    let mut start = 0;
    if let Some(dash) = tokens
        .iter()
        .take(MAX_SOURCE_WORDS)
        .position(|t| DATELINE_MARKS.contains(&t.text))
    {
        start = dash + 1;
    }
    let first_comma = (start..end - 1).find(|&k| tokens[k].text == ",")?;
    let subject = &tokens[start..first_comma];
    let opens = subject.first()?;
    let usable_subject = !subject.is_empty()
        && subject.len() <= MAX_SOURCE_WORDS
        && subject.iter().all(|t| t.word)
        && (opens.text.chars().next().is_some_and(char::is_uppercase));
    let between_clean = tokens[first_comma + 1..end - 1].iter().all(|t| {
        !(is_opening_quote(t.text)
            || is_closing_quote(t.text)
            || (t.word && lexicon.verbs.contains_key(t.lower()))
            || matches!(t.text, "." | ";" | ":" | "?" | "!"))
    });
    let opens_appositive = tokens
        .get(first_comma + 1)
        .is_some_and(|t| !t.is(NOT_APPOSITIVE));
    (usable_subject && between_clean && opens_appositive && first_comma + 1 < end - 1)
        .then_some(first_comma)
}

/// A name after a comma that ends a phrase ("the spokesman, Peter Carr"):
/// the capitalized words from token `start` up to a punctuation mark or the
/// end.
pub(super) fn name_after(tokens: &[Token], start: usize) -> Option<Range<usize>> {
    let capitalized = |t: &Token| t.word && t.text.chars().next().is_some_and(char::is_uppercase);
    let end = (start..tokens.len().min(start + MAX_SOURCE_WORDS))
        .take_while(|&k| capitalized(&tokens[k]))
        .last()?
        + 1;
    let closed = tokens.get(end).is_none_or(|t| !t.word);
    closed.then_some(start..end)
}

/// Attribution cues: "according to X", "X said", "“...,” said X", "X, a
/// Republican, said"; a quote verb ("continued", "called") only next to a
/// quotation, whose spans are `quotes`.
pub(super) fn attributions(
    text: &str,
    tokens: &[Token],
    lexicon: &Lexicon,
    quotes: &[Range<usize>],
) -> Vec<Cue> {
    let mut cues = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if !t.word {
            i += 1;
            continue;
        }
        let lower = t.lower();
        if lower == "according" && tokens.get(i + 1).is_some_and(|n| n.is(&["to"])) {
            let source = source_after(tokens, i + 2);
            if !source.is_empty() {
                let name = phrase(text, tokens, &source);
                let span = t.span.start..tokens[source.end - 1].span.end;
                cues.push(attribution(text, span, name, "according to", lexicon));
                i = source.end;
                continue;
            }
        }
        let Some(lemma) = lexicon.verbs.get(lower) else {
            i += 1;
            continue;
        };
        if lower.ends_with("ing") {
            // "Maduro spoke at a rally, telling supporters ...": the source
            // is the sentence's subject, taken as its leading capitalized
            // words.
            let after_comma = i > 0
                && (tokens[i - 1].text == ","
                    || (i > 1
                        && is_closing_quote(tokens[i - 1].text)
                        && tokens[i - 2].text == ","));
            let subject = sentence_subject(tokens);
            if after_comma && !subject.is_empty() {
                let name = phrase(text, tokens, &subject);
                let span = t.span.clone();
                cues.push(attribution(text, span, name, lemma, lexicon));
            }
            i += 1;
            continue;
        }
        // "described how he was stopped": an account of what happened, in
        // the speaker's telling.
        let account = lemma == "describe" && tokens.get(i + 1).is_some_and(|n| n.is(&["how"]));
        let reports = next_to_quote(tokens, i, quotes)
            || (CLAUSE_QUOTE_VERBS.contains(&lemma.as_str()) && opens_clause(tokens, i))
            || account;
        if QUOTE_VERBS.contains(&lemma.as_str()) && !reports {
            i += 1;
            continue;
        }
        // "told Cohen to lie": an instruction, not speech.
        let instruction = lemma == "tell"
            && tokens
                .iter()
                .skip(i + 1)
                .take(TOLD_TO_REACH)
                .any(|t| t.is(&["to"]));
        if instruction {
            i += 1;
            continue;
        }
        // "Mr. Sestak said no and went on to win": a refusal or a consent,
        // not speech that reports a claim.
        let answer = lemma == "say"
            && tokens.get(i + 1).is_some_and(|n| n.is(&["no", "yes"]))
            && tokens
                .get(i + 2)
                .is_none_or(|n| !n.word || n.is(&["and", "to"]));
        if answer {
            i += 1;
            continue;
        }
        // "first reported by the Daily Caller": the source follows, as
        // after "according to".
        if lemma == "report" && tokens.get(i + 1).is_some_and(|n| n.is(&["by"])) {
            let source = source_after(tokens, i + 2);
            if !source.is_empty() {
                let name = phrase(text, tokens, &source);
                let span = t.span.start..tokens[source.end - 1].span.end;
                cues.push(attribution(text, span, name, lemma, lexicon));
                i = source.end;
                continue;
            }
        }
        // "claimed by", "an officer accused of": a participle, not a verb.
        let participle = tokens
            .get(i + 1)
            .is_some_and(|n| n.is(&["by"]) || (n.is(&["of"]) && lemma == "accuse"));
        if participle {
            i += 1;
            continue;
        }
        // Step back over adverbs, auxiliaries and times to the subject.
        let mut end = i;
        // The last appositive stepped over, as token indices inside its commas.
        let mut appositive: Option<Range<usize>> = None;
        loop {
            if end > 0 && tokens[end - 1].is(&SKIPPED_BEFORE_VERB) {
                end -= 1;
            } else if end > 0 && tokens[end - 1].is(&TIMES) {
                end -= 1;
                if end > 0 && tokens[end - 1].is(&["on", "last", "this", "late", "early"]) {
                    end -= 1;
                }
            } else if end > 1
                && tokens[end - 1].text == ","
                && tokens[end - 2].is(&SKIPPED_BEFORE_VERB)
            {
                end -= 2;
            } else if end > 1 && tokens[end - 1].text == "," && tokens[end - 2].text == ")" {
                end -= 1;
            } else if end > 0
                && tokens[end - 1].text == ")"
                && let Some(open) = (end.saturating_sub(MAX_SOURCE_WORDS)..end - 1)
                    .rev()
                    .find(|&k| tokens[k].text == "(")
            {
                // "Sen. John McCain (R-Ariz.) said": a party and state.
                end = open;
            } else if end > 1
                && DATELINE_MARKS.contains(&tokens[end - 1].text)
                && let Some(open) = (end.saturating_sub(MAX_APPOSITIVE_TOKENS + 2)..end - 1)
                    .rev()
                    .find(|&k| tokens[k].text == tokens[end - 1].text)
                    .filter(|&k| k > 0 && tokens[k - 1].word)
            {
                // "One of the Republicans – where reform will live or die –
                // said": a parenthesis between dashes.
                end = open;
            } else if let Some(comma) = appositive_start(tokens, end, lexicon) {
                // "John Suthers, a Republican, said": the subject comes
                // before the appositive.
                appositive = Some(comma + 1..end - 1);
                end = comma;
            } else {
                break;
            }
            if end > 0 && tokens[end - 1].text == "," {
                // "Sen. Mark Warner, the top Democrat, also said": an
                // appositive before the adverb.
                match appositive_start(tokens, end, lexicon) {
                    Some(comma) => {
                        appositive = Some(comma + 1..end - 1);
                        end = comma;
                    }
                    None => end -= 1,
                }
            }
        }
        // "Jeff Sessions, a former senator, who has told": the subject is
        // the phrase the relative pronoun follows.
        if end > 1 && tokens[end - 1].is(&["who"]) {
            end -= 1;
            if tokens[end - 1].text == "," {
                match appositive_start(tokens, end, lexicon) {
                    Some(comma) => {
                        appositive = Some(comma + 1..end - 1);
                        end = comma;
                    }
                    None => end -= 1,
                }
            }
        }
        // "AARP, the powerful lobby for older Americans that has been seen
        // as ..., said": an appositive too long for the rule above, when the
        // subject opens the sentence.
        // Not where the words after the verb may be the source ("...,
        // said the spokesman").
        let inverted = tokens.get(i + 1).is_some_and(|n| {
            n.is(DETERMINERS) || (n.word && n.text.chars().next().is_some_and(char::is_uppercase))
        });
        if !inverted
            && end > 0
            && tokens[end - 1].text == ","
            && let Some(comma) = opening_subject_comma(tokens, end, lexicon)
        {
            end = comma;
        }
        let possessive = end > 0
            && (tokens[end - 1].text.ends_with("'s") || tokens[end - 1].text.ends_with("’s"));
        if end > 0
            && (tokens[end - 1].is(&NOT_A_SUBJECT)
                || looks_like_a_verb(&tokens[end - 1])
                || possessive)
        {
            i += 1;
            continue;
        }
        let before = source_before(tokens, end, lexicon);
        // "the economy adds jobs": "add" attributes only before "that" or
        // a punctuation mark.
        if lemma == "add"
            && tokens
                .get(i + 1)
                .is_some_and(|n| n.word && !n.is(&["that"]))
        {
            i += 1;
            continue;
        }
        if t.is(&NOUN_LIKE_FORMS) {
            let after_pronoun = end > 0 && tokens[end - 1].is(PRONOUNS);
            let clause_follows = tokens.get(i + 1).is_some_and(|n| {
                n.is(&[
                    "that", "the", "a", "an", "its", "his", "her", "their", "our",
                ]) || n.is(PRONOUNS)
                    || (n.word && n.text.chars().next().is_some_and(char::is_uppercase))
            });
            if !after_pronoun && !clause_follows {
                i += 1;
                continue;
            }
        }
        // "the chief mediator, Ana Lindqvist, said": the name is the source.
        let capitalized =
            |t: &Token| t.word && t.text.chars().next().is_some_and(char::is_uppercase);
        let plain_subject = !before.is_empty()
            && (tokens[before.start].is(DETERMINERS)
                || tokens[before.start].is(&["his", "her", "its", "their"])
                || !capitalized(&tokens[before.start]));
        let named_appositive = appositive.filter(|a| {
            plain_subject && a.len() <= MAX_NAME_WORDS && tokens[a.clone()].iter().all(capitalized)
        });
        let source = if let Some(name) = named_appositive {
            Some(name)
        } else if !before.is_empty() {
            Some(before.clone())
        } else if end > 0 && tokens[end - 1].is(&["and"]) && end == i {
            // "Trump renewed his attack, and said ...": a second verb of
            // the sentence's subject.
            Some(sentence_subject(&tokens[..end])).filter(|s| !s.is_empty())
        } else if end > 0 && (tokens[end - 1].text == "," || is_closing_quote(tokens[end - 1].text))
        {
            let mut first = i + 1;
            while tokens.get(first).is_some_and(|t| t.is(&TIMES)) {
                first += 1;
            }
            let mut after = source_after(tokens, first);
            // "“...,” said the spokesman": a determiner may open the source
            // right after a quotation.
            let after_quote = end > 0
                && (is_closing_quote(tokens[end - 1].text)
                    || (end > 1
                        && tokens[end - 1].text == ","
                        && is_closing_quote(tokens[end - 2].text)));
            let determiner =
                !after.is_empty() && after_quote && tokens[after.start].is(DETERMINERS);
            // After "tell" come the listeners, not the speaker; a pronoun
            // after the verb starts a clause ("..., Says It Will").
            let usable = !after.is_empty()
                && lemma != "tell"
                && !tokens[after.start].is(PRONOUNS)
                && (determiner || !tokens[after.start].is(&NOT_A_SUBJECT))
                && !tokens[after.start].is(&["that"]);
            // "said the spokesman, Peter Carr": the name is the source.
            if usable
                && tokens.get(after.end).is_some_and(|t| t.text == ",")
                && let Some(name) = name_after(tokens, after.end + 1)
            {
                after = name;
            }
            usable.then_some(after)
        } else {
            None
        };
        if let Some(mut source) = source {
            // "a group they claim": the pronoun is the subject.
            if let Some(p) = (source.start..source.end)
                .rev()
                .find(|&k| tokens[k].is(PRONOUNS))
            {
                source.start = p;
            }
            let name = phrase(text, tokens, &source);
            let first = tokens[source.start.min(i)].span.start;
            let last = tokens[(source.end - 1).max(i)].span.end;
            cues.push(attribution(text, first..last, name, lemma, lexicon));
        }
        i += 1;
    }
    cues
}

/// The capitalized words a claim starts with ("Venezuelan President Nicolás
/// Maduro"), when there are at least two or the one is not a function word.
pub(super) fn leading_name(tokens: &[Token]) -> Range<usize> {
    let end = tokens
        .iter()
        .take(MAX_SOURCE_WORDS)
        .take_while(|t| t.word && t.text.chars().next().is_some_and(char::is_uppercase))
        .count();
    let function_word = end == 1 && (tokens[0].is(&NOT_A_SUBJECT) || tokens[0].is(&PHRASE_BREAKS));
    if function_word { 0..0 } else { 0..end }
}

/// The subject a sentence opens with, after a dateline ("WASHINGTON —"):
/// its leading capitalized words ("President Donald Trump"), or a
/// determiner and the words after it up to a verb-like word, an auxiliary
/// or a break, when they hold a source noun ("The source", "A spokesman").
pub(super) fn sentence_subject(tokens: &[Token]) -> Range<usize> {
    let start = tokens
        .iter()
        .take(MAX_SOURCE_WORDS)
        .position(|t| DATELINE_MARKS.contains(&t.text))
        .map_or(0, |dash| dash + 1);
    let rest = &tokens[start..];
    let name = leading_name(rest);
    if !name.is_empty() {
        return start + name.start..start + name.end;
    }
    if !rest.first().is_some_and(|t| t.is(DETERMINERS)) {
        return 0..0;
    }
    let end = 1 + rest
        .iter()
        .skip(1)
        .take(MAX_SOURCE_WORDS - 1)
        .take_while(|t| {
            t.word && !t.is(&PHRASE_BREAKS) && !t.is(&SKIPPED_BEFORE_VERB) && !looks_like_a_verb(t)
        })
        .count();
    // Only a source noun makes such a phrase a speaker: "The source
    // challenged ..., insisting", not "The talks resumed, saying".
    if end < 2 || !rest[..end].iter().any(is_source_noun) {
        return 0..0;
    }
    start..start + end
}

pub(super) fn attribution(
    text: &str,
    span: Range<usize>,
    source: &str,
    verb: &str,
    lexicon: &Lexicon,
) -> Cue {
    let mut cue = Cue::new(CueKind::Attribution, &text[span.clone()], span);
    // "he said": who "he" is lies in another sentence, so the source is
    // neither named nor unnamed.
    let pronoun = PERSONAL_PRONOUNS.contains(&source.to_lowercase().as_str());
    cue.named = (!pronoun).then(|| !lexicon.is_unnamed(source));
    cue.source = Some(source.to_string());
    cue.verb = Some(verb.to_string());
    cue
}

/// A quotation introduced by a colon after its speaker: "The letter goes
/// on: “...”", "Maduro: “...”". The source is the claim's leading name, or a
/// determiner and its noun ("The letter"); the verb counts as "say", which
/// is what the colon reads as.
pub(super) fn colon_attribution(
    text: &str,
    tokens: &[Token],
    quotes: &[Cue],
    lexicon: &Lexicon,
) -> Option<Cue> {
    let quote = quotes
        .iter()
        .find(|q| q.kind == CueKind::Quote && text[..q.span.start].trim_end().ends_with(':'))?;
    let colon = tokens
        .iter()
        .rposition(|t| t.text == ":" && t.span.end <= quote.span.start)?;
    let name = leading_name(&tokens[..colon]);
    let source = if !name.is_empty() {
        name
    } else if colon >= 2 && tokens[0].is(&["a", "an", "the", "his", "her", "its", "their"]) {
        0..2
    } else {
        return None;
    };
    if !tokens[source.clone()].iter().all(|t| t.word) {
        return None;
    }
    let span = tokens[source.start].span.start..tokens[colon].span.end;
    Some(attribution(
        text,
        span,
        phrase(text, tokens, &source),
        "say",
        lexicon,
    ))
}
