//! JSON: a whole story `{"story", "versions": [...]}` (or just the list of
//! versions), or one outlet's article.
//!
//! An article is an object with `outlet`, `text` and optional `title`,
//! `published` and `url`; other fields are ignored. Fields are kept as raw
//! JSON borrowed from the input until read, so that each one's line in the
//! file is known: a version's body sits on the line where its `text` string
//! starts ([`Layout::JsonString`]).

use std::collections::BTreeMap;

use serde_json::value::RawValue;

use super::Loaded;
use crate::error::InputError;
use crate::model::{Layout, Position, Version};

/// A JSON object's fields, each kept as the raw JSON text of its value.
pub(crate) type Fields<'a> = BTreeMap<String, &'a RawValue>;

/// A `.json` file from `source`: a story with `versions`, a list of
/// versions, or one article whose outlet defaults to `stem`.
pub fn parse(text: &str, source: &str, stem: &str) -> Result<Loaded, InputError> {
    let origin = Origin::new(text, source, 1);
    let invalid =
        |e: serde_json::Error| InputError::line(source, e.line().max(1), json_message(&e));
    let top: &RawValue = serde_json::from_str(text).map_err(invalid)?;
    let (story, raw_versions) = if top.get().trim_start().starts_with('[') {
        (None, top)
    } else {
        let top: Fields = serde_json::from_str(top.get()).map_err(invalid)?;
        let story = origin.string(&top, "story")?;
        let Some(&raw_versions) = top.get("versions") else {
            let version = origin.article(&top, 1, Some(stem))?;
            return Ok(Loaded {
                story,
                versions: vec![version],
            });
        };
        (story, raw_versions)
    };
    let versions_line = origin.line_of(raw_versions);
    let raw_versions: Vec<&RawValue> = serde_json::from_str(raw_versions.get()).map_err(|_| {
        InputError::line(source, versions_line, "field `versions` should be a list")
    })?;
    if raw_versions.is_empty() {
        return Err(InputError::line(
            source,
            versions_line,
            "field `versions` is an empty list: no article to read",
        ));
    }
    let mut versions = Vec::with_capacity(raw_versions.len());
    for raw in raw_versions {
        let line = origin.line_of(raw);
        let fields: Fields = serde_json::from_str(raw.get())
            .map_err(|_| InputError::line(source, line, "a version should be a JSON object"))?;
        versions.push(origin.article(&fields, line, None)?);
    }
    Ok(Loaded { story, versions })
}

/// The JSON text that fields are borrowed from, and where it sits in its source.
pub(crate) struct Origin<'a> {
    /// The whole JSON text (a file, or one line of a corpus).
    pub input: &'a str,
    /// The file's name, for messages and [`Version::source`].
    pub source: &'a str,
    /// The source line that `input` starts on.
    pub first_line: usize,
    /// Byte offsets of the newlines in `input`, so that finding a value's
    /// line is a binary search: a story of many versions costs its length.
    newlines: Vec<usize>,
}

impl<'a> Origin<'a> {
    /// The origin of `input`, which starts on line `first_line` of `source`.
    pub fn new(input: &'a str, source: &'a str, first_line: usize) -> Origin<'a> {
        Origin {
            input,
            source,
            first_line,
            newlines: input.match_indices('\n').map(|(i, _)| i).collect(),
        }
    }

    /// The source line on which `raw`, a value borrowed from `input`, starts.
    pub fn line_of(&self, raw: &RawValue) -> usize {
        let start = (raw.get().as_ptr() as usize).saturating_sub(self.input.as_ptr() as usize);
        self.first_line + self.newlines.partition_point(|&n| n < start)
    }

    /// A text field: a string (or a number, written out), `None` when absent or null.
    pub fn string(&self, fields: &Fields, key: &str) -> Result<Option<String>, InputError> {
        let Some(raw) = fields.get(key) else {
            return Ok(None);
        };
        match serde_json::from_str(raw.get()) {
            Ok(serde_json::Value::Null) => Ok(None),
            Ok(serde_json::Value::String(s)) => Ok(Some(s)),
            Ok(serde_json::Value::Number(n)) => Ok(Some(n.to_string())),
            _ => Err(InputError::line(
                self.source,
                self.line_of(raw),
                format!("field `{key}` should be a string"),
            )),
        }
    }

    /// A field that must be there, else an error at `line`.
    pub fn required(&self, fields: &Fields, key: &str, line: usize) -> Result<String, InputError> {
        self.string(fields, key)?
            .ok_or_else(|| self.missing(key, line))
    }

    fn missing(&self, key: &str, line: usize) -> InputError {
        InputError::line(self.source, line, format!("missing field `{key}`"))
    }

    /// One outlet's article from an object starting on `line`; the outlet is
    /// `default_outlet` when the object names none.
    pub fn article(
        &self,
        fields: &Fields,
        line: usize,
        default_outlet: Option<&str>,
    ) -> Result<Version, InputError> {
        let outlet = match self.string(fields, "outlet")? {
            Some(outlet) => outlet,
            None => default_outlet
                .map(str::to_string)
                .ok_or_else(|| self.missing("outlet", line))?,
        };
        let body = self.required(fields, "text", line)?;
        let at = |key: &str| Position {
            line: fields.get(key).map_or(line, |raw| self.line_of(raw)),
            column: 1,
        };
        Ok(Version {
            outlet,
            source: self.source.to_string(),
            title: self.string(fields, "title")?,
            published: self.string(fields, "published")?,
            url: self.string(fields, "url")?,
            body,
            title_at: at("title"),
            body_at: at("text"),
            layout: Layout::JsonString,
            skipped: Vec::new(),
        })
    }
}

/// serde_json's message without its " at line L column C" tail, which the
/// caller reports as the line.
pub(crate) fn json_message(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let message = match message.rfind(" at line ") {
        Some(tail) => message[..tail].to_string(),
        None => message,
    };
    format!("invalid JSON: {message}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(text: &str) -> Result<Loaded, InputError> {
        parse(text, "s.json", "s")
    }

    #[test]
    fn an_empty_versions_list_names_the_file_and_line() {
        let error = story("{\"story\": \"named\",\n \"versions\": []}").unwrap_err();
        assert_eq!(error.source_name, "s.json");
        assert_eq!(error.line, Some(2));
        assert!(error.message.contains("empty list"), "{error}");
    }

    #[test]
    fn a_story_with_versions() {
        let text = r#"{
  "story": "venezuela",
  "versions": [
    {"outlet": "a", "title": "Troops", "text": "One. Two.", "published": "2025-11-21", "url": "https://a.example/x"},
    {
      "outlet": "b",
      "text": "Three."
    }
  ]
}"#;
        let loaded = story(text).unwrap();
        assert_eq!(loaded.story.as_deref(), Some("venezuela"));
        let [a, b] = &loaded.versions[..] else {
            panic!("two versions expected")
        };
        assert_eq!(a.outlet, "a");
        assert_eq!(a.title.as_deref(), Some("Troops"));
        assert_eq!(a.published.as_deref(), Some("2025-11-21"));
        assert_eq!(a.url.as_deref(), Some("https://a.example/x"));
        assert_eq!(a.body_at, Position { line: 4, column: 1 });
        assert_eq!(a.layout, Layout::JsonString);
        assert_eq!(a.position_of(5), Position { line: 4, column: 6 });
        assert_eq!(b.outlet, "b");
        assert_eq!(b.title, None);
        assert_eq!(b.body_at.line, 7);
        assert_eq!(b.source, "s.json");
    }

    #[test]
    fn one_article_takes_the_stem_as_outlet() {
        let loaded = story(r#"{"title": "T", "text": "Body."}"#).unwrap();
        assert_eq!(loaded.story, None);
        assert_eq!(loaded.versions[0].outlet, "s");
        assert_eq!(loaded.versions[0].body, "Body.");
    }

    #[test]
    fn escapes_are_decoded() {
        let loaded = story(r#"{"outlet": "a", "text": "He said \"no\".\nDone \u00e9."}"#).unwrap();
        assert_eq!(loaded.versions[0].body, "He said \"no\".\nDone é.");
    }

    #[test]
    fn malformed_json_names_the_line() {
        let error = story("{\n  \"story\": \"x\",\n  \"versions\": [\n}").unwrap_err();
        assert_eq!(error.source_name, "s.json");
        assert_eq!(error.line, Some(4));
        assert!(error.message.starts_with("invalid JSON"), "{error}");
        assert!(!error.message.contains(" at line "), "{error}");
    }

    #[test]
    fn a_version_without_outlet_or_text_names_its_line() {
        let error = story("{\"versions\": [\n{\"text\": \"x\"}]}").unwrap_err();
        assert_eq!(error.line, Some(2));
        assert!(error.message.contains("missing field `outlet`"), "{error}");
        let error = story("{\"versions\": [\n{\"outlet\": \"a\"}]}").unwrap_err();
        assert_eq!(error.line, Some(2));
        assert!(error.message.contains("missing field `text`"), "{error}");
    }

    #[test]
    fn wrong_types_are_errors() {
        let error = story("{\"versions\": 3}").unwrap_err();
        assert!(error.message.contains("`versions`"), "{error}");
        let error = story("{\"versions\": [3]}").unwrap_err();
        assert!(error.message.contains("object"), "{error}");
        let error = story("{\"outlet\": \"a\",\n\"text\": [1]}").unwrap_err();
        assert_eq!(error.line, Some(2));
        assert!(error.message.contains("`text`"), "{error}");
        let error = story("[1, 2]").unwrap_err();
        assert!(error.message.contains("object"), "{error}");
        let error = story("\"text\"").unwrap_err();
        assert!(error.message.starts_with("invalid JSON"), "{error}");
    }

    #[test]
    fn a_list_of_versions_is_a_story() {
        let loaded = story(
            "[\n{\"outlet\": \"a\", \"text\": \"x\"},\n{\"outlet\": \"b\", \"text\": \"y\"}\n]",
        )
        .unwrap();
        assert_eq!(loaded.story, None);
        assert_eq!(loaded.versions.len(), 2);
        assert_eq!(loaded.versions[1].body_at.line, 3);
    }

    #[test]
    fn numbers_are_written_out() {
        let loaded = story(r#"{"story": 5607, "outlet": "a", "text": "x"}"#).unwrap();
        assert_eq!(loaded.story.as_deref(), Some("5607"));
    }
}
