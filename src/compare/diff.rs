//! Word-level differences between two claims, with `similar`.

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

/// What a run of words did between the cluster's first claim and another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Op {
    /// In both.
    Equal,
    /// Only in the first claim.
    Delete,
    /// Only in the other claim.
    Insert,
}

/// A run of words with one [`Op`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// What happened to the words.
    pub op: Op,
    /// The words, with the spaces between them.
    pub text: String,
}

/// The word-level changes that turn `old` into `new`, adjacent runs of one
/// kind merged.
pub fn word_diff(old: &str, new: &str) -> Vec<Change> {
    let diff = TextDiff::from_words(old, new);
    let mut changes: Vec<Change> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => Op::Equal,
            ChangeTag::Delete => Op::Delete,
            ChangeTag::Insert => Op::Insert,
        };
        let text = change.value();
        match changes.last_mut() {
            Some(last) if last.op == op => last.text.push_str(text),
            _ => changes.push(Change {
                op,
                text: text.to_string(),
            }),
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_figure_is_one_delete_and_one_insert() {
        let changes = word_diff("The US has 15,000 troops.", "The US has 12,000 troops.");
        let changed: Vec<_> = changes
            .iter()
            .filter(|c| c.op != Op::Equal)
            .map(|c| c.text.trim())
            .collect();
        assert_eq!(changed, ["15,000", "12,000"]);
    }
}
