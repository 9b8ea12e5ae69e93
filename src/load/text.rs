//! Plain text: the first line is the headline when a blank line follows it.

use crate::model::{Layout, Position, Version};

/// A `.txt` article from `source`, named after `stem`.
pub fn parse(text: &str, source: &str, stem: &str) -> Version {
    let (title, body, body_at) = split_headline(text);
    Version {
        outlet: stem.to_string(),
        source: source.to_string(),
        title,
        published: None,
        url: None,
        body: body.to_string(),
        title_at: Position::START,
        body_at,
        layout: Layout::Verbatim,
    }
}

/// The headline (first line, when a blank line follows it), the body, and
/// where the body starts.
fn split_headline(text: &str) -> (Option<String>, &str, Position) {
    let mut lines = text.split_inclusive('\n');
    if let (Some(first), Some(second)) = (lines.next(), lines.next())
        && !first.trim().is_empty()
        && second.trim().is_empty()
    {
        {
            let start = first.len() + second.len();
            return (
                Some(first.trim().to_string()),
                &text[start..],
                Position { line: 3, column: 1 },
            );
        }
    }
    (None, text, Position::START)
}
