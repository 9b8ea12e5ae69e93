//! The built-in lexicons stay sorted, free of duplicates and of empty lines,
//! and each starts with a header saying how to maintain it.

use storydiff::extract::framing::{BUILTIN_LEXICONS, entries, pair};

#[test]
fn lexicons_are_sorted_without_duplicates_or_empty_lines() {
    for (name, text) in BUILTIN_LEXICONS {
        assert!(
            text.lines().next().is_some_and(|l| l.starts_with('#')),
            "{name}: starts with a header comment"
        );
        let body: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
        for (n, line) in body.iter().enumerate() {
            assert!(
                !line.trim().is_empty(),
                "{name}: empty line after the header (entry {n})"
            );
            assert_eq!(line.trim(), *line, "{name}: stray whitespace in {line:?}");
            assert_eq!(line.to_lowercase(), *line, "{name}: upper case in {line:?}");
        }
        for pair in body.windows(2) {
            assert!(
                pair[0] < pair[1],
                "{name}: {:?} must come after {:?}",
                pair[0],
                pair[1]
            );
        }
        let keys: Vec<&str> = entries(text).map(|e| pair(e).0).collect();
        let mut sorted = keys.clone();
        sorted.dedup();
        assert_eq!(keys.len(), sorted.len(), "{name}: a word listed twice");
    }
}

#[test]
fn pairs_have_both_sides_when_they_have_a_separator() {
    for (name, text) in BUILTIN_LEXICONS {
        for entry in entries(text) {
            if entry.contains('=') {
                assert!(
                    pair(entry).1.is_some(),
                    "{name}: {entry:?} has an empty right side"
                );
            }
        }
    }
}

/// Every word list in `lexicons/`, whichever stage reads it: a header
/// comment first, then entries one a line, sorted in byte order (so no
/// entry twice), no empty line, no stray whitespace.
#[test]
fn every_lexicon_file_is_sorted_and_free_of_duplicates() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("lexicons");
    let mut files: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 10, "{files:?}");
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.starts_with('#'),
            "{name}: starts with a header comment"
        );
        let body: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
        assert!(!body.is_empty(), "{name}: has entries");
        for line in &body {
            assert!(!line.trim().is_empty(), "{name}: empty line");
            assert_eq!(line.trim(), *line, "{name}: stray whitespace in {line:?}");
        }
        for pair in body.windows(2) {
            assert!(
                pair[0] < pair[1],
                "{name}: {:?} must come before {:?}, once",
                pair[1],
                pair[0]
            );
        }
    }
}

/// The lists of `left = right` pairs: every entry has both sides, and each
/// month's number is one of the twelve, each of which has a name.
#[test]
fn pair_lists_have_both_sides_and_months_their_numbers() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("lexicons");
    for name in ["dates-months.txt", "figures-currencies.txt"] {
        let text = std::fs::read_to_string(folder.join(name)).unwrap();
        for entry in entries(&text) {
            assert!(
                matches!(pair(entry), (left, Some(_)) if !left.is_empty()),
                "{name}: {entry:?} is no pair"
            );
        }
    }
    let text = std::fs::read_to_string(folder.join("dates-months.txt")).unwrap();
    let mut numbers: Vec<u8> = entries(&text)
        .map(|e| pair(e).1.unwrap().parse().unwrap())
        .collect();
    numbers.sort();
    numbers.dedup();
    assert_eq!(numbers, (1..=12).collect::<Vec<u8>>());
}
