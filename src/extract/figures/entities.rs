//! HTML entities as the figure reader sees them: "&minus;5" is -5 and
//! "1&frac12; million" 1.5 million, while spans still point into the text
//! as given.
//!
//! Text that comes through the HTML loader has its entities decoded there;
//! text from JSON, JSON Lines, Markdown or plain files keeps whatever
//! entities its source wrote. The figure reader decodes them in its own
//! view of the text, with the full entity table of the `html-escape` crate,
//! and maps every span back.

/// The longest entity looked for, `&` and `;` included: the longest named
/// entity is `&CounterClockwiseContourIntegral;` (33 bytes).
const ENTITY_MAX: usize = 40;

/// A claim's text with its entities decoded, and where each decoded byte
/// came from.
pub(super) struct Decoded {
    /// The decoded text.
    pub(super) text: String,
    /// Per byte of `text`: the start and end in the original text of the
    /// character or entity it comes from.
    from: Vec<(usize, usize)>,
}

impl Decoded {
    /// The original byte range of the decoded range `span`.
    pub(super) fn original(&self, span: &std::ops::Range<usize>) -> std::ops::Range<usize> {
        let start = self.from.get(span.start).map_or(usize::MAX, |f| f.0);
        let end = span
            .end
            .checked_sub(1)
            .and_then(|e| self.from.get(e))
            .map_or(start, |f| f.1);
        start.min(end)..end
    }
}

/// `text` with its HTML entities decoded, or `None` when it has none (the
/// common case, which costs one scan for `&`).
pub(super) fn decoded(text: &str) -> Option<Decoded> {
    let mut at = text.find('&')?;
    let mut out = String::with_capacity(text.len());
    let mut from = Vec::with_capacity(text.len());
    let mut copied = 0;
    let mut any = false;
    loop {
        let mut limit = (at + ENTITY_MAX).min(text.len());
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &text[at..limit];
        let end = window
            .char_indices()
            .skip(1)
            .take_while(|&(_, c)| c.is_ascii_alphanumeric() || c == '#' || c == ';')
            .find(|&(_, c)| c == ';')
            .map(|(i, _)| at + i + 1);
        if let Some(end) = end {
            let entity = &text[at..end];
            let decoded = html_escape::decode_html_entities(entity);
            if decoded != entity {
                copy(text, copied, at, &mut out, &mut from);
                out.push_str(&decoded);
                from.resize(out.len(), (at, end));
                copied = end;
                any = true;
            }
        }
        match text[at + 1..].find('&') {
            Some(next) => at = at + 1 + next,
            None => break,
        }
    }
    if !any {
        return None;
    }
    copy(text, copied, text.len(), &mut out, &mut from);
    Some(Decoded { text: out, from })
}

/// Copy `text[from..to]` unchanged, each byte mapped to its character.
fn copy(text: &str, start: usize, end: usize, out: &mut String, from: &mut Vec<(usize, usize)>) {
    for (i, c) in text[start..end].char_indices() {
        let at = start + i;
        out.push(c);
        from.resize(out.len(), (at, at + c.len_utf8()));
    }
}
