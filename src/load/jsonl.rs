//! JSON Lines: a corpus, one article a line, grouped into stories by `story`.
//!
//! Each line is an object with `story`, `outlet`, `text` and optional
//! `title`, `published` and `url`. Stories come in order of first appearance.
//! Reading takes two passes so that memory stays flat for a big corpus: the
//! first checks each line's JSON and notes, per story, the byte offsets of
//! its lines; the second reads a story's lines back when the story is asked
//! for. A bad line (invalid UTF-8, malformed JSON, no `story`) is an `Err`
//! item of its own; a story with a bad article is an `Err` item in the
//! story's place; either way the other stories still come. Each version's
//! body sits on its record's line ([`Layout::JsonString`](crate::model::Layout)).

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Cursor, Read, Seek, SeekFrom};
use std::path::Path;

use super::json::{Fields, Origin, json_message};
use super::{STDIN_SOURCE, check};
use crate::error::InputError;
use crate::model::{Story, Version};

/// The stories of the corpus in the file at `path`.
pub fn open_file(path: &Path) -> Box<dyn Iterator<Item = Result<Story, InputError>>> {
    let name = path.display().to_string();
    match File::open(path) {
        Ok(file) => Box::new(Corpus::new(BufReader::new(file), name)),
        Err(e) => Box::new(std::iter::once(Err(InputError::file(
            name,
            format!("cannot read: {e}"),
        )))),
    }
}

/// The stories of the corpus on standard input, which is read whole first.
pub fn open_stdin() -> Box<dyn Iterator<Item = Result<Story, InputError>>> {
    let mut bytes = Vec::new();
    match std::io::stdin().lock().read_to_end(&mut bytes) {
        Ok(_) => Box::new(Corpus::new(Cursor::new(bytes), STDIN_SOURCE.to_string())),
        Err(e) => Box::new(std::iter::once(Err(InputError::file(
            STDIN_SOURCE,
            format!("cannot read: {e}"),
        )))),
    }
}

/// A corpus being read: the index of its stories, and the reader to fetch
/// their lines from.
pub struct Corpus<R> {
    source: String,
    reader: R,
    /// Where `reader` stands, to skip seeking when lines are consecutive.
    position: u64,
    entries: std::vec::IntoIter<Entry>,
}

/// One item of the corpus, in order of first appearance.
enum Entry {
    Story { id: String, lines: Vec<Line> },
    Bad(InputError),
}

/// Where one record is: its byte offset and its 1-based line number.
#[derive(Debug, Clone, Copy)]
struct Line {
    offset: u64,
    number: usize,
}

impl<R: BufRead + Seek> Corpus<R> {
    /// Index the corpus read by `reader`, named `source` in messages.
    pub fn new(mut reader: R, source: String) -> Corpus<R> {
        let (entries, position) = index(&mut reader, &source);
        Corpus {
            source,
            reader,
            position,
            entries: entries.into_iter(),
        }
    }

    fn story(&mut self, id: String, lines: Vec<Line>) -> Result<Story, InputError> {
        let mut versions = Vec::with_capacity(lines.len());
        for line in lines {
            let line_text = self.read_line(line)?;
            versions.push(version_of(&line_text, &self.source, line.number)?);
        }
        let story = Story { id, versions };
        check(&story)?;
        Ok(story)
    }

    fn read_line(&mut self, line: Line) -> Result<String, InputError> {
        let failed = |e: std::io::Error| {
            InputError::line(&self.source, line.number, format!("cannot read: {e}"))
        };
        if self.position != line.offset {
            self.reader
                .seek(SeekFrom::Start(line.offset))
                .map_err(failed)?;
        }
        let mut bytes = Vec::new();
        let read = self.reader.read_until(b'\n', &mut bytes).map_err(failed)?;
        self.position = line.offset + read as u64;
        String::from_utf8(bytes).map_err(|e| not_utf8(&self.source, line.number, e.utf8_error()))
    }
}

impl<R: BufRead + Seek> Iterator for Corpus<R> {
    type Item = Result<Story, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        Some(match self.entries.next()? {
            Entry::Story { id, lines } => self.story(id, lines),
            Entry::Bad(error) => Err(error),
        })
    }
}

/// One record's article, from line `number` of `source`.
fn version_of(line: &str, source: &str, number: usize) -> Result<Version, InputError> {
    let text = without_bom(line);
    let origin = Origin::new(text, source, number);
    let fields: Fields = serde_json::from_str(text)
        .map_err(|e| InputError::line(source, number, json_message(&e)))?;
    origin.article(&fields, number, None)
}

/// The stories of some records of the corpus `source`, each given with its
/// 1-based line number there: a corpus read in pieces, such as the share of
/// one worker of a cluster. The records of a story need not be consecutive;
/// the stories, and the errors with their lines, are those that reading the
/// whole corpus gives for the same records, in order of first appearance.
pub fn records<'a>(
    source: &str,
    records: impl IntoIterator<Item = (usize, &'a [u8])>,
) -> Vec<Result<Story, InputError>> {
    // A story's id and its numbered records, or a bad record's error.
    type Item<'r> = Result<(String, Vec<(usize, &'r str)>), InputError>;
    let mut items: Vec<Item> = Vec::new();
    let mut stories: HashMap<String, usize> = HashMap::new();
    for (number, bytes) in records {
        let id = match story_of(bytes, source, number) {
            Ok(Some(id)) => id,
            Ok(None) => continue,
            Err(error) => {
                items.push(Err(error));
                continue;
            }
        };
        // `story_of` has checked that the record is UTF-8.
        let text = std::str::from_utf8(bytes).unwrap_or_default();
        match stories.get(&id) {
            Some(&at) => {
                if let Some(Ok((_, lines))) = items.get_mut(at) {
                    lines.push((number, text));
                }
            }
            None => {
                stories.insert(id.clone(), items.len());
                items.push(Ok((id, vec![(number, text)])));
            }
        }
    }
    items
        .into_iter()
        .map(|item| {
            let (id, lines) = item?;
            let versions = lines
                .into_iter()
                .map(|(number, text)| version_of(text, source, number))
                .collect::<Result<Vec<Version>, InputError>>()?;
            let story = Story { id, versions };
            check(&story)?;
            Ok(story)
        })
        .collect()
}

/// The first pass: every line checked, grouped by story. Also returns where
/// the reader stopped.
fn index(reader: &mut impl BufRead, source: &str) -> (Vec<Entry>, u64) {
    let mut entries = Vec::new();
    let mut stories: HashMap<String, usize> = HashMap::new();
    let mut bytes = Vec::new();
    let mut offset = 0u64;
    let mut number = 0usize;
    loop {
        bytes.clear();
        let read = match reader.read_until(b'\n', &mut bytes) {
            Ok(0) => break,
            Ok(read) => read,
            Err(e) => {
                let message = format!("cannot read: {e}");
                entries.push(Entry::Bad(InputError::line(source, number + 1, message)));
                break;
            }
        };
        number += 1;
        let line = Line { offset, number };
        offset += read as u64;
        match story_of(&bytes, source, number) {
            Ok(None) => {}
            Ok(Some(id)) => match stories.get(&id) {
                Some(&at) => {
                    if let Some(Entry::Story { lines, .. }) = entries.get_mut(at) {
                        lines.push(line);
                    }
                }
                None => {
                    stories.insert(id.clone(), entries.len());
                    entries.push(Entry::Story {
                        id,
                        lines: vec![line],
                    });
                }
            },
            Err(error) => entries.push(Entry::Bad(error)),
        }
    }
    if entries.is_empty() {
        entries.push(Entry::Bad(InputError::file(
            source,
            "the corpus holds no articles",
        )));
    }
    (entries, offset)
}

/// The `story` of one record, line `number` of `source`; `None` for a blank
/// line. This is what a corpus is grouped by: a cluster run partitions
/// records on it so that each story stays whole.
pub fn story_of(bytes: &[u8], source: &str, number: usize) -> Result<Option<String>, InputError> {
    let text = std::str::from_utf8(bytes).map_err(|e| not_utf8(source, number, e))?;
    let text = without_bom(text);
    if text.trim().is_empty() {
        return Ok(None);
    }
    let fields: Fields = serde_json::from_str(text)
        .map_err(|e| InputError::line(source, number, json_message(&e)))?;
    let origin = Origin::new(text, source, number);
    let story = origin.required(&fields, "story", number)?;
    if story.trim().is_empty() {
        return Err(InputError::line(source, number, "field `story` is empty"));
    }
    Ok(Some(story))
}

/// A line without the byte order mark that may open a file.
fn without_bom(line: &str) -> &str {
    line.strip_prefix('\u{feff}').unwrap_or(line)
}

fn not_utf8(source: &str, number: usize, error: std::str::Utf8Error) -> InputError {
    InputError::line(
        source,
        number,
        format!(
            "not valid UTF-8 (byte {} of the line)",
            error.valid_up_to() + 1
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Layout, Position};

    fn corpus(text: &[u8]) -> Vec<Result<Story, InputError>> {
        Corpus::new(Cursor::new(text.to_vec()), "c.jsonl".to_string()).collect()
    }

    fn line(story: &str, outlet: &str, text: &str) -> String {
        format!(r#"{{"story": "{story}", "outlet": "{outlet}", "text": "{text}"}}"#) + "\n"
    }

    #[test]
    fn stories_are_grouped_in_order_of_first_appearance() {
        let text = line("s1", "a", "One.")
            + &line("s2", "a", "Two.")
            + "\n"
            + &line("s1", "b", "Three.")
            + &line("s2", "b", "Four.");
        let stories: Vec<Story> = corpus(text.as_bytes())
            .into_iter()
            .map(Result::unwrap)
            .collect();
        assert_eq!(stories.len(), 2);
        assert_eq!(stories[0].id, "s1");
        assert_eq!(stories[1].id, "s2");
        let b = &stories[0].versions[1];
        assert_eq!(b.outlet, "b");
        assert_eq!(b.body, "Three.");
        assert_eq!(b.source, "c.jsonl");
        assert_eq!(b.layout, Layout::JsonString);
        assert_eq!(b.body_at, Position { line: 4, column: 1 });
        assert_eq!(stories[1].versions[1].body_at.line, 5);
    }

    #[test]
    fn optional_fields_are_read() {
        let text = r#"{"story": "s", "outlet": "a", "title": "T", "text": "x", "published": "2021-10-18", "url": "u", "extra": [1]}"#;
        let story = corpus(text.as_bytes()).remove(0).unwrap();
        let a = &story.versions[0];
        assert_eq!(a.title.as_deref(), Some("T"));
        assert_eq!(a.published.as_deref(), Some("2021-10-18"));
        assert_eq!(a.url.as_deref(), Some("u"));
        assert_eq!(a.title_at, Position { line: 1, column: 1 });
    }

    #[test]
    fn crlf_lines_and_a_missing_final_newline_are_fine() {
        let text = line("s", "a", "One.").replace('\n', "\r\n") + line("s", "b", "Two.").trim_end();
        let story = corpus(text.as_bytes()).remove(0).unwrap();
        assert_eq!(story.versions.len(), 2);
        assert_eq!(story.versions[1].body, "Two.");
    }

    #[test]
    fn a_malformed_line_is_an_error_of_its_own() {
        let text =
            line("s1", "a", "One.") + "{\"story\": \"s1\", oops\n" + &line("s2", "a", "Two.");
        let items = corpus(text.as_bytes());
        assert_eq!(items.len(), 3);
        assert!(items[0].is_ok());
        let error = items[1].as_ref().unwrap_err();
        assert_eq!(error.to_string().split(": ").next(), Some("c.jsonl:2"));
        assert!(error.message.starts_with("invalid JSON"), "{error}");
        assert!(items[2].is_ok());
    }

    #[test]
    fn invalid_utf8_names_the_line() {
        let mut text = line("s1", "a", "One.").into_bytes();
        text.extend(b"{\"story\": \"s1\", \"outlet\": \"b\", \"text\": \"\xff\"}\n");
        let items = corpus(&text);
        let error = items[1].as_ref().unwrap_err();
        assert_eq!(error.line, Some(2));
        assert!(error.message.contains("UTF-8"), "{error}");
    }

    #[test]
    fn missing_fields_name_the_line() {
        let text = r#"{"outlet": "a", "text": "x"}"#.to_string() + "\n";
        let error = corpus(text.as_bytes()).remove(0).unwrap_err();
        assert_eq!(error.line, Some(1));
        assert!(error.message.contains("missing field `story`"), "{error}");

        let text = line("s", "a", "One.") + r#"{"story": "s", "text": "x"}"#;
        let error = corpus(text.as_bytes()).remove(0).unwrap_err();
        assert_eq!(error.line, Some(2));
        assert!(error.message.contains("missing field `outlet`"), "{error}");

        let text = line("s", "a", "One.") + r#"{"story": "s", "outlet": "b"}"#;
        let error = corpus(text.as_bytes()).remove(0).unwrap_err();
        assert_eq!(error.line, Some(2));
        assert!(error.message.contains("missing field `text`"), "{error}");
    }

    #[test]
    fn a_bad_story_does_not_stop_the_others() {
        let text = line("s1", "a", "One.")
            + &line("s2", "a", "  ")
            + &line("s1", "b", "Two.")
            + &line("s2", "b", "Three.");
        let items = corpus(text.as_bytes());
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].as_ref().unwrap().versions.len(), 2);
        let error = items[1].as_ref().unwrap_err();
        assert_eq!(error.line, Some(2));
        assert!(error.message.contains("\"a\""), "{error}");
        assert!(error.message.contains("empty"), "{error}");
    }

    #[test]
    fn an_outlet_twice_names_both_lines() {
        let text = line("s", "a", "One.") + &line("s", "b", "Two.") + &line("s", "a", "Three.");
        let error = corpus(text.as_bytes()).remove(0).unwrap_err();
        assert_eq!(error.line, Some(3));
        assert!(error.message.contains("c.jsonl:1"), "{error}");
    }

    #[test]
    fn an_empty_story_id_is_an_error() {
        let error = corpus(line("", "a", "x").as_bytes()).remove(0).unwrap_err();
        assert!(error.message.contains("`story`"), "{error}");
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let text = "\u{feff}".to_string() + &line("s", "a", "One.");
        let story = corpus(text.as_bytes()).remove(0).unwrap();
        assert_eq!(story.versions[0].body, "One.");
    }

    #[test]
    fn an_empty_corpus_is_an_error() {
        let error = corpus(b"\n  \n").remove(0).unwrap_err();
        assert_eq!(error.line, None);
        assert!(error.message.contains("no articles"), "{error}");
    }

    #[test]
    fn a_single_outlet_story_loads() {
        let story = corpus(line("s", "a", "One.").as_bytes()).remove(0).unwrap();
        assert_eq!(story.versions.len(), 1);
    }

    #[test]
    fn records_give_the_stories_and_lines_of_the_whole_corpus() {
        let text = line("s1", "a", "One.")
            + "{\"story\": \"s1\", oops\n"
            + &line("s2", "a", "Two.")
            + "\n"
            + &line("s1", "b", "Three.")
            + &line("s2", "b", "  ");
        let whole = corpus(text.as_bytes());
        let numbered: Vec<(usize, &[u8])> = text
            .split_inclusive('\n')
            .enumerate()
            .map(|(i, record)| (i + 1, record.as_bytes()))
            .collect();
        assert_eq!(records("c.jsonl", numbered.iter().copied()), whole);
        // A piece of the corpus keeps the lines it has in the whole.
        let piece = records("c.jsonl", [numbered[1], numbered[4], numbered[0]]);
        assert_eq!(piece.len(), 2);
        assert_eq!(piece[0].as_ref().unwrap_err().line, Some(2));
        let s1 = piece[1].as_ref().unwrap();
        assert_eq!(s1.versions[0].body_at.line, 5);
        assert_eq!(s1.versions[1].body_at.line, 1);
    }

    #[test]
    fn a_missing_file_is_one_error() {
        let items: Vec<_> = open_file(Path::new("/nonexistent/c.jsonl")).collect();
        assert_eq!(items.len(), 1);
        let error = items[0].as_ref().unwrap_err();
        assert_eq!(error.source_name, "/nonexistent/c.jsonl");
        assert!(error.message.contains("cannot read"), "{error}");
    }
}
