//! Word-level differences between two claims, with `similar`: a diff only
//! where the claims are mostly the same words; paraphrases get none.

use std::collections::HashMap;

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

/// What a run of words did between the cluster's first claim and another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
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

/// The least share of words two claims must have in common (twice the words
/// in common over the words of both) for a word diff to help a reader. Below
/// it the claims are paraphrases: nearly every word is struck through and
/// inserted again, and the claims read better side by side. At 0.6 a changed
/// figure or name in a sentence of six words or more still gets its diff
/// ("The US has 15,000 troops." / "12,000": 0.8), while a reworded sentence
/// that keeps a few nouns ("Under the deal, the two sides will exchange 200
/// prisoners..." / "The two sides will also swap 200 prisoners, according to
/// the mediators.": 0.36) does not.
pub const MIN_SHARED_WORDS: f64 = 0.6;

/// The word-level changes that turn `old` into `new`, or `None` when the
/// two are paraphrases (fewer than [`MIN_SHARED_WORDS`] in common).
///
/// Changed words next to each other form one run: the spaces between them
/// go into both the deleted and the inserted run, so "the two" → "both" is
/// one delete and one insert, never alternating word by word. Joining the
/// equal and deleted runs gives `old` back, joining the equal and inserted
/// runs gives `new` (up to the spaces around a run that only one side has).
pub fn word_diff(old: &str, new: &str) -> Option<Vec<Change>> {
    // Cheap bound first: the words a diff can keep are at most the words
    // the two share as multisets, so claims that share too few of those are
    // paraphrases without diffing them.
    let (bound, total) = shared_words(old, new);
    if total == 0 || (2 * bound) as f64 / (total as f64) < MIN_SHARED_WORDS {
        return None;
    }
    let diff = TextDiff::from_words(old, new);
    let (mut shared, mut words) = (0usize, 0usize);
    for change in diff.iter_all_changes() {
        if change.value().trim().is_empty() {
            continue;
        }
        words += 1;
        if change.tag() == ChangeTag::Equal {
            // Counted once here, once for each side in the share.
            shared += 1;
            words += 1;
        }
    }
    if words == 0 || (2 * shared) as f64 / (words as f64) < MIN_SHARED_WORDS {
        return None;
    }
    let mut changes = Changes::default();
    for change in diff.iter_all_changes() {
        changes.push(change.tag(), change.value());
    }
    Some(changes.finish())
}

/// How many words `old` and `new` share as multisets, and how many words
/// both have together: an upper bound on the words a diff keeps.
fn shared_words(old: &str, new: &str) -> (usize, usize) {
    let mut counts: HashMap<&str, isize> = HashMap::new();
    let mut total = 0;
    for word in old.split_whitespace() {
        *counts.entry(word).or_default() += 1;
        total += 1;
    }
    let mut shared = 0;
    for word in new.split_whitespace() {
        total += 1;
        if let Some(n) = counts.get_mut(word)
            && *n > 0
        {
            *n -= 1;
            shared += 1;
        }
    }
    (shared, total)
}

/// Builds the runs of a diff: equal text, and hunks of deleted and inserted text.
#[derive(Default)]
struct Changes {
    done: Vec<Change>,
    deleted: String,
    inserted: String,
    /// Spaces seen inside an open hunk, not yet known to end it.
    gap: String,
}

impl Changes {
    fn push(&mut self, tag: ChangeTag, text: &str) {
        let open = !self.deleted.is_empty() || !self.inserted.is_empty();
        match tag {
            ChangeTag::Equal if open && text.trim().is_empty() => self.gap.push_str(text),
            ChangeTag::Equal => {
                self.close();
                let gap = std::mem::take(&mut self.gap);
                self.equal(&gap);
                self.equal(text);
            }
            ChangeTag::Delete | ChangeTag::Insert => {
                // The spaces are in both claims, so in both sides of the hunk.
                self.deleted.push_str(&self.gap);
                self.inserted.push_str(&self.gap);
                self.gap.clear();
                let side = if tag == ChangeTag::Delete {
                    &mut self.deleted
                } else {
                    &mut self.inserted
                };
                side.push_str(text);
            }
        }
    }

    fn equal(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        match self.done.last_mut() {
            Some(last) if last.op == Op::Equal => last.text.push_str(text),
            _ => self.done.push(Change {
                op: Op::Equal,
                text: text.to_string(),
            }),
        }
    }

    /// End the open hunk: spaces both sides start with stay equal, then the
    /// deleted run, then the inserted run; a side that is only spaces is none.
    fn close(&mut self) {
        let mut deleted = std::mem::take(&mut self.deleted);
        let mut inserted = std::mem::take(&mut self.inserted);
        let common = deleted
            .chars()
            .zip(inserted.chars())
            .take_while(|(a, b)| a == b && a.is_whitespace())
            .map(|(a, _)| a.len_utf8())
            .sum::<usize>();
        self.equal(&deleted[..common]);
        deleted.drain(..common);
        inserted.drain(..common);
        for (op, text) in [(Op::Delete, deleted), (Op::Insert, inserted)] {
            if !text.trim().is_empty() {
                self.done.push(Change { op, text });
            }
        }
    }

    fn finish(mut self) -> Vec<Change> {
        self.close();
        let gap = std::mem::take(&mut self.gap);
        self.equal(&gap);
        self.done
    }
}

/// Whether a renderer must put a space between two adjacent runs so that
/// their words do not run together: a deleted "one" right before an
/// inserted "seven" would otherwise read "oneseven".
pub fn needs_space(before: &Change, after: &Change) -> bool {
    before.op != Op::Equal
        && after.op != Op::Equal
        && !before.text.ends_with(char::is_whitespace)
        && !after.text.starts_with(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One side of the diff, its whitespace collapsed.
    fn side(changes: &[Change], skip: Op) -> String {
        let text: String = changes
            .iter()
            .filter(|c| c.op != skip)
            .map(|c| c.text.as_str())
            .collect();
        collapse(&text)
    }

    fn collapse(text: &str) -> String {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn a_changed_figure_is_one_delete_and_one_insert() {
        let changes = word_diff("The US has 15,000 troops.", "The US has 12,000 troops.").unwrap();
        let changed: Vec<_> = changes
            .iter()
            .filter(|c| c.op != Op::Equal)
            .map(|c| c.text.as_str())
            .collect();
        assert_eq!(changed, ["15,000", "12,000"]);
        assert!(needs_space(&changes[1], &changes[2]));
    }

    #[test]
    fn neighbouring_changed_words_form_one_hunk_and_keep_their_spaces() {
        let old = "Officials said one person was hurt in the blast on Monday.";
        let new = "Officials said seven people were hurt in the blast on Monday.";
        let changes = word_diff(old, new).unwrap();
        let ops: Vec<Op> = changes.iter().map(|c| c.op).collect();
        assert_eq!(ops, [Op::Equal, Op::Delete, Op::Insert, Op::Equal]);
        assert_eq!(changes[1].text, "one person was");
        assert_eq!(changes[2].text, "seven people were");
        assert_eq!(side(&changes, Op::Insert), old);
        assert_eq!(side(&changes, Op::Delete), new);
    }

    #[test]
    fn paraphrases_get_no_word_diff() {
        let old = "Under the deal, the two sides will exchange 200 prisoners and open two corridors for aid convoys.";
        let new = "The two sides will also swap 200 prisoners, according to the mediators.";
        assert_eq!(word_diff(old, new), None);
    }

    #[test]
    fn both_sides_come_back_from_the_runs() {
        let pairs = [
            ("a b c d e f g h", "a x c d y f g h"),
            ("x A B y z w v", "x y z w v"),
            (
                "The mayor resigned on Monday",
                "The mayor resigned Monday night",
            ),
            ("  spaced   out  words here ", "spaced out words there"),
        ];
        for (old, new) in pairs {
            let changes = word_diff(old, new).expect("mostly the same words");
            assert_eq!(side(&changes, Op::Insert), collapse(old));
            assert_eq!(side(&changes, Op::Delete), collapse(new));
        }
    }
}
