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
        skipped: Vec::new(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_first_line_before_a_blank_line_is_the_headline() {
        let v = parse(
            "Troops sent\n\nThe US sent troops.\nMore.",
            "cnn.txt",
            "cnn",
        );
        assert_eq!(v.outlet, "cnn");
        assert_eq!(v.source, "cnn.txt");
        assert_eq!(v.title.as_deref(), Some("Troops sent"));
        assert_eq!(v.title_at, Position::START);
        assert_eq!(v.body, "The US sent troops.\nMore.");
        assert_eq!(v.body_at, Position { line: 3, column: 1 });
        assert_eq!(v.position_of(20), Position { line: 4, column: 1 });
    }

    #[test]
    fn without_a_blank_second_line_all_is_body() {
        let v = parse("The US sent troops.\nMore.\n", "cnn.txt", "cnn");
        assert_eq!(v.title, None);
        assert_eq!(v.body, "The US sent troops.\nMore.\n");
        assert_eq!(v.body_at, Position::START);
        assert_eq!(v.layout, Layout::Verbatim);
    }

    #[test]
    fn crlf_line_ends_are_understood() {
        let v = parse("Troops sent\r\n\r\nBody.\r\n", "cnn.txt", "cnn");
        assert_eq!(v.title.as_deref(), Some("Troops sent"));
        assert_eq!(v.body, "Body.\r\n");
    }
}
