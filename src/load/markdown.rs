//! Markdown: YAML (`---`) or TOML (`+++`) front matter, then the article.
//!
//! Front matter may give `outlet`, `title`, `published` and `url`; other
//! keys are ignored. Without a `title`, a leading `# Heading` line is the
//! headline. The body is the rest of the file, read by a CommonMark parser
//! (`markup.rs`, pulldown-cmark): the text of paragraphs, list items,
//! quotes, table cells and footnote definitions stays where it is, and
//! markup, subheadings, code blocks, images, link targets and HTML tags
//! become whitespace, so that they do not end up in claims while every
//! other character keeps its line and column ([`Layout::Verbatim`], with
//! `body_at` on the line where the body starts). What is blanked is listed
//! in [`Version::skipped`] with its reason.

mod markup;

use std::ops::Range;

use crate::error::InputError;
use crate::model::{Layout, Position, Skip, SkipReason, Version};
use markup::Markup;
#[cfg(test)]
use markup::is_reference_definition;

/// A `.md` article from `source`, named after `stem` unless its front matter
/// names the outlet.
pub fn parse(text: &str, source: &str, stem: &str) -> Result<Version, InputError> {
    let (meta, rest_start) = match front_matter(text, source)? {
        Some(front) => (front.fields(source)?, front.end),
        None => (Meta::default(), 0),
    };
    let mut body_start = rest_start;
    let mut title = meta.title.clone();
    let mut title_at = meta.title_at;
    let mut before_body = Vec::new();
    if let Some(heading) = leading_heading(text, rest_start) {
        // The heading is the headline when there is no title, and a repeat
        // of it when it says the same; either way it is not body text.
        let repeat = title
            .as_deref()
            .is_some_and(|t| t.trim().eq_ignore_ascii_case(heading.text));
        if title.is_none() {
            title = Some(heading.text.to_string());
            title_at = position_of(text, heading.at);
            body_start = heading.end;
            let marks = [
                heading.line..heading.at,
                heading.at + heading.text.len()..heading.end,
            ];
            before_body.extend(
                marks
                    .into_iter()
                    .filter_map(|marks| skip_before_body(text, SkipReason::Markup, marks)),
            );
        } else if repeat {
            body_start = heading.end;
            before_body.extend(skip_before_body(
                text,
                SkipReason::RepeatedHeadline,
                heading.line..heading.end,
            ));
        }
    }
    let markup = Markup::read(&text[body_start..]);
    let mut version = Version {
        outlet: meta.outlet.unwrap_or_else(|| stem.to_string()),
        source: source.to_string(),
        title,
        published: meta.published,
        url: meta.url,
        body: markup.blanked(),
        title_at,
        body_at: Position {
            line: line_of(text, body_start),
            column: 1,
        },
        layout: Layout::Verbatim,
        skipped: Vec::new(),
    };
    let skipped = markup.skipped(&version.positions());
    version.skipped = before_body;
    version.skipped.extend(skipped);
    Ok(version)
}

/// The skip of `text[range]`, a stretch of the file before the body.
fn skip_before_body(text: &str, reason: SkipReason, range: Range<usize>) -> Option<Skip> {
    let piece = &text[range.clone()];
    let start = range.start + (piece.len() - piece.trim_start().len());
    let trimmed = piece.trim();
    (!trimmed.is_empty()).then(|| Skip {
        reason,
        text: trimmed.split_whitespace().collect::<Vec<_>>().join(" "),
        at: position_of(text, start),
        span: None,
    })
}

/// The metadata that front matter may give.
#[derive(Debug, Default)]
struct Meta {
    outlet: Option<String>,
    title: Option<String>,
    title_at: Position,
    published: Option<String>,
    url: Option<String>,
}

/// The two front matter languages, told apart by their fence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Syntax {
    Yaml,
    Toml,
}

/// Front matter found at the top of a file.
struct FrontMatter<'a> {
    syntax: Syntax,
    /// The text between the fences.
    content: &'a str,
    /// The file line on which `content` starts.
    first_line: usize,
    /// Byte offset just past the closing fence's line.
    end: usize,
}

/// The front matter at the top of `text`, if its first line is a fence.
fn front_matter<'a>(text: &'a str, source: &str) -> Result<Option<FrontMatter<'a>>, InputError> {
    let mut lines = text.split_inclusive('\n');
    let Some(first) = lines.next() else {
        return Ok(None);
    };
    let (syntax, closers): (Syntax, &[&str]) = match first.trim_end() {
        "---" => (Syntax::Yaml, &["---", "..."]),
        "+++" => (Syntax::Toml, &["+++"]),
        _ => return Ok(None),
    };
    let start = first.len();
    let mut offset = start;
    for line in lines {
        if closers.contains(&line.trim_end()) {
            return Ok(Some(FrontMatter {
                syntax,
                content: &text[start..offset],
                first_line: 2,
                end: offset + line.len(),
            }));
        }
        offset += line.len();
    }
    Err(InputError::line(
        source,
        1,
        format!(
            "front matter opened with {} is never closed",
            first.trim_end()
        ),
    ))
}

/// The most front matter read, in bytes. Front matter is metadata, a few
/// short fields (Hugo and Jekyll pages carry well under 4 KB); a bigger
/// block is refused before a parser spends time on it.
pub const MAX_FRONT_MATTER_BYTES: usize = 64 * 1024;

/// The deepest nesting of `[` and `{` read in front matter. The YAML
/// parser's time grows with the square of the depth (200 KB of `[` took a
/// minute); metadata needs two or three levels.
pub const MAX_FRONT_MATTER_DEPTH: usize = 32;

impl FrontMatter<'_> {
    /// The metadata fields, or an error at the offending line.
    fn fields(&self, source: &str) -> Result<Meta, InputError> {
        self.check_limits(source)?;
        let mut meta = match self.syntax {
            Syntax::Yaml => self.yaml(source)?,
            Syntax::Toml => self.toml(source)?,
        };
        meta.title_at = self.key_position("title");
        Ok(meta)
    }

    /// Refuse front matter over [`MAX_FRONT_MATTER_BYTES`] or nested deeper
    /// than [`MAX_FRONT_MATTER_DEPTH`], in one pass and before parsing.
    /// Brackets inside quotes and comments do not count.
    fn check_limits(&self, source: &str) -> Result<(), InputError> {
        if self.content.len() > MAX_FRONT_MATTER_BYTES {
            return Err(self.error(
                source,
                &format!(
                    "front matter of {} bytes is longer than the {MAX_FRONT_MATTER_BYTES} read",
                    self.content.len()
                ),
            ));
        }
        let mut depth = 0usize;
        for (i, line) in self.content.lines().enumerate() {
            let mut quote = None;
            for c in line.chars() {
                match (quote, c) {
                    (Some(q), c) if c == q => quote = None,
                    (Some(_), _) => {}
                    (None, '"' | '\'') => quote = Some(c),
                    (None, '#') => break,
                    (None, '[' | '{') => depth += 1,
                    (None, ']' | '}') => depth = depth.saturating_sub(1),
                    _ => {}
                }
                if depth > MAX_FRONT_MATTER_DEPTH {
                    return Err(InputError::line(
                        source,
                        self.first_line + i,
                        format!(
                            "front matter nested deeper than {MAX_FRONT_MATTER_DEPTH} levels of brackets"
                        ),
                    ));
                }
            }
        }
        Ok(())
    }

    fn yaml(&self, source: &str) -> Result<Meta, InputError> {
        use serde_yaml_ng::Value;
        let value: Value = serde_yaml_ng::from_str(self.content).map_err(|e| {
            let line = e.location().map_or(0, |l| l.line().saturating_sub(1));
            let message = e.to_string();
            let message = message.split(" at line ").next().unwrap_or_default();
            InputError::line(
                source,
                self.first_line + line,
                format!("invalid YAML front matter: {message}"),
            )
        })?;
        let mapping = match value {
            Value::Mapping(mapping) => mapping,
            Value::Null => return Ok(Meta::default()),
            _ => return Err(self.error(source, "front matter should be a mapping of keys")),
        };
        let get = |key: &str| -> Result<Option<String>, InputError> {
            match mapping.get(key) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) => Ok(Some(s.clone())),
                Some(Value::Number(n)) => Ok(Some(n.to_string())),
                Some(Value::Bool(b)) => Ok(Some(b.to_string())),
                Some(_) => Err(self.field_error(source, key)),
            }
        };
        Ok(Meta {
            outlet: get("outlet")?,
            title: get("title")?,
            title_at: Position::START,
            published: get("published")?,
            url: get("url")?,
        })
    }

    fn toml(&self, source: &str) -> Result<Meta, InputError> {
        use toml::Value;
        let table: toml::Table = toml::from_str(self.content).map_err(|e| {
            let line = e
                .span()
                .map_or(0, |span| self.content[..span.start].matches('\n').count());
            InputError::line(
                source,
                self.first_line + line,
                format!("invalid TOML front matter: {}", e.message().trim()),
            )
        })?;
        let get = |key: &str| -> Result<Option<String>, InputError> {
            match table.get(key) {
                None => Ok(None),
                Some(Value::String(s)) => Ok(Some(s.clone())),
                Some(Value::Integer(n)) => Ok(Some(n.to_string())),
                Some(Value::Float(n)) => Ok(Some(n.to_string())),
                Some(Value::Boolean(b)) => Ok(Some(b.to_string())),
                Some(Value::Datetime(d)) => Ok(Some(d.to_string())),
                Some(_) => Err(self.field_error(source, key)),
            }
        };
        Ok(Meta {
            outlet: get("outlet")?,
            title: get("title")?,
            title_at: Position::START,
            published: get("published")?,
            url: get("url")?,
        })
    }

    /// Where the value of top-level `key` starts (past an opening quote),
    /// else the front matter's first line.
    fn key_position(&self, key: &str) -> Position {
        for (i, line) in self.content.lines().enumerate() {
            let Some(after) = line.strip_prefix(key) else {
                continue;
            };
            let after_separator = after.trim_start();
            let Some(value) = after_separator
                .strip_prefix(':')
                .or_else(|| after_separator.strip_prefix('='))
            else {
                continue;
            };
            let value = value.trim_start();
            let value = value.strip_prefix(['"', '\'']).unwrap_or(value);
            let column = 1 + line[..line.len() - value.len()].chars().count();
            return Position {
                line: self.first_line + i,
                column,
            };
        }
        Position {
            line: self.first_line,
            column: 1,
        }
    }

    fn field_error(&self, source: &str, key: &str) -> InputError {
        InputError::line(
            source,
            self.key_position(key).line,
            format!("front matter `{key}` should be text"),
        )
    }

    fn error(&self, source: &str, message: &str) -> InputError {
        InputError::line(source, self.first_line, message)
    }
}

/// A `# Heading` line.
struct Heading<'a> {
    /// Byte offset of the line's start in the file.
    line: usize,
    /// The heading's text, without the `#` marks.
    text: &'a str,
    /// Byte offset of `text` in the file.
    at: usize,
    /// Byte offset just past the heading's line.
    end: usize,
}

/// The `# Heading` on the first non-blank line from byte `from`, if any.
fn leading_heading(text: &str, from: usize) -> Option<Heading<'_>> {
    let mut offset = from;
    for line in text[from..].split_inclusive('\n') {
        if line.trim().is_empty() {
            offset += line.len();
            continue;
        }
        let content = line.strip_prefix("# ")?.trim_start();
        let at = offset + (line.len() - content.len());
        let content = content.trim_end();
        // A closing run of #s after a space is not part of the heading.
        let unclosed = content.trim_end_matches('#');
        let heading = if unclosed.len() < content.len()
            && (unclosed.is_empty() || unclosed.ends_with([' ', '\t']))
        {
            unclosed.trim_end()
        } else {
            content
        };
        return (!heading.is_empty()).then_some(Heading {
            line: offset,
            text: heading,
            at,
            end: offset + line.len(),
        });
    }
    None
}

/// The line and column of byte `offset` of `text`.
fn position_of(text: &str, offset: usize) -> Position {
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    Position {
        line: line_of(text, offset),
        column: 1 + text[line_start..offset].chars().count(),
    }
}

/// `body` with Markdown markup replaced by whitespace, byte for byte.
#[cfg(test)]
fn blank_markup(body: &str) -> String {
    Markup::read(body).blanked()
}

/// The 1-based line of byte `offset` of `text`.
fn line_of(text: &str, offset: usize) -> usize {
    1 + text[..offset].matches('\n').count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(text: &str) -> Version {
        parse(text, "fox.md", "fox").unwrap()
    }

    fn md_error(text: &str) -> InputError {
        parse(text, "fox.md", "fox").unwrap_err()
    }

    #[test]
    fn yaml_front_matter_gives_the_metadata() {
        let v = md(
            "---\noutlet: Fox News\ntitle: \"Troops sent\"\npublished: 2025-11-21\nurl: https://fox.example/a\ntags: [a, b]\n---\nThe US sent troops.\nMore.\n",
        );
        assert_eq!(v.outlet, "Fox News");
        assert_eq!(v.title.as_deref(), Some("Troops sent"));
        assert_eq!(v.title_at, Position { line: 3, column: 9 });
        assert_eq!(v.published.as_deref(), Some("2025-11-21"));
        assert_eq!(v.url.as_deref(), Some("https://fox.example/a"));
        assert_eq!(v.body, "The US sent troops.\nMore.\n");
        assert_eq!(v.body_at, Position { line: 8, column: 1 });
        assert_eq!(v.layout, Layout::Verbatim);
        assert_eq!(v.position_of(20), Position { line: 9, column: 1 });
    }

    #[test]
    fn toml_front_matter_gives_the_metadata() {
        let v = md(
            "+++\noutlet = \"CNN\"\ntitle = 'Troops'\npublished = 2025-11-21T10:00:00Z\n+++\n\nBody here.\n",
        );
        assert_eq!(v.outlet, "CNN");
        assert_eq!(v.title.as_deref(), Some("Troops"));
        assert_eq!(
            v.title_at,
            Position {
                line: 3,
                column: 10
            }
        );
        assert_eq!(v.published.as_deref(), Some("2025-11-21T10:00:00Z"));
        assert_eq!(v.body_at.line, 6);
        assert_eq!(v.position_of(v.body.find("Body").unwrap()).line, 7);
    }

    #[test]
    fn a_leading_heading_is_the_title_when_there_is_none() {
        let v = md("---\noutlet: a\n---\n\n# Troops  sent #\n\nBody.\n");
        assert_eq!(v.title.as_deref(), Some("Troops  sent"));
        assert_eq!(v.title_at, Position { line: 5, column: 3 });
        assert_eq!(v.body, "\nBody.\n");
        assert_eq!(v.position_of(1).line, 7);
    }

    #[test]
    fn a_heading_repeating_the_title_is_dropped_and_another_kept() {
        let v = md("---\ntitle: Troops sent\n---\n# Troops sent\nBody.\n");
        assert_eq!(v.body, "Body.\n");
        assert_eq!(v.body_at.line, 5);
        let v = md("---\ntitle: Troops sent\n---\n# Background\nBody.\n");
        assert_eq!(v.body_at.line, 4);
        assert_eq!(v.body.trim(), "Body.", "the subheading is blanked");
        assert_eq!(v.title.as_deref(), Some("Troops sent"));
    }

    #[test]
    fn without_front_matter_the_stem_is_the_outlet() {
        let v = md("# Headline\n\nBody.");
        assert_eq!(v.outlet, "fox");
        assert_eq!(v.title.as_deref(), Some("Headline"));
        assert_eq!(v.title_at, Position { line: 1, column: 3 });
        let v = md("# Learning C#\nBody.");
        assert_eq!(v.title.as_deref(), Some("Learning C#"));
        let v = md("Just a body.\n## Not a title\n");
        assert_eq!(v.title, None);
        assert_eq!(v.body_at, Position::START);
    }

    #[test]
    fn empty_front_matter_is_fine() {
        let v = md("---\n---\nBody.");
        assert_eq!(v.outlet, "fox");
        assert_eq!(v.body_at.line, 3);
    }

    /// 200 KB of `[[[…]]]` once took a minute inside the YAML parser. The
    /// limits refuse it, and a small deep block, before any parser runs:
    /// the messages are storydiff's own, not the parser's.
    #[test]
    fn nested_yaml_front_matter_is_refused_before_parsing() {
        let deep = |n: usize| format!("title: {}{}\n", "[".repeat(n), "]".repeat(n));
        for (syntax, fence) in [("YAML", "---"), ("TOML", "+++")] {
            let big = md_error(&format!("{fence}\n{}{fence}\nBody.\n", deep(100_000)));
            assert!(big.message.contains("longer than"), "{syntax}: {big}");
            assert_eq!(big.line, Some(2));
            let nested = md_error(&format!("{fence}\nurl: x\n{}{fence}\nBody.\n", deep(5_000)));
            assert!(
                nested.message.contains("nested deeper"),
                "{syntax}: {nested}"
            );
            assert_eq!(nested.line, Some(3));
        }
        let fine = md(
            "---\ntitle: \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\" # [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\ntags: [a, [b]]\n---\nBody.\n",
        );
        assert!(fine.title.is_some_and(|t| t.starts_with("[[[")));
    }

    /// Lines that start `[label]:` and footnote definitions once vanished:
    /// Markdown renders them as text, so they are claims.
    #[test]
    fn markdown_label_lines_and_footnotes_are_kept() {
        let v = md(
            "Intro.\n\n[Update]: The mayor resigned on Tuesday.\n\nA line.[^1]\n\n[^1]: The footnote says 300 homes burned.\n\n[ref]: https://example.com \"Title\"\n[other]: <https://x.example/a b>\n",
        );
        let kept: Vec<&str> = v
            .body
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(
            kept,
            [
                "Intro.",
                "[Update]: The mayor resigned on Tuesday.",
                "A line.",
                "The footnote says 300 homes burned."
            ]
        );
        assert!(is_reference_definition("[a]: /url 'title'"));
        assert!(!is_reference_definition("[a]: two words"));
    }

    #[test]
    fn an_unclosed_fence_is_an_error() {
        let error = md_error("---\ntitle: x\nBody.\n");
        assert_eq!(error.line, Some(1));
        assert!(error.message.contains("never closed"), "{error}");
    }

    #[test]
    fn bad_yaml_names_its_line() {
        let error = md_error("---\ntitle: x\nurl: [unclosed\n---\nBody.\n");
        assert_eq!(error.source_name, "fox.md");
        assert!(error.message.contains("YAML"), "{error}");
        assert!(error.line.is_some_and(|l| l >= 3), "{error}");
    }

    #[test]
    fn bad_toml_names_its_line() {
        let error = md_error("+++\ntitle = \"x\"\nurl = = 3\n+++\nBody.\n");
        assert_eq!(error.line, Some(3), "{error}");
        assert!(error.message.contains("TOML"), "{error}");
    }

    #[test]
    fn a_list_where_text_belongs_is_an_error() {
        let error = md_error("---\noutlet: x\ntitle: [a, b]\n---\nBody.\n");
        assert_eq!(error.line, Some(3));
        assert!(error.message.contains("`title`"), "{error}");
        let error = md_error("---\n- a\n- b\n---\nBody.\n");
        assert!(error.message.contains("mapping"), "{error}");
    }

    #[test]
    fn markup_is_blanked_and_positions_kept() {
        let v = md(
            "# Troops\n\n## Background\n\nThe US sent **15,000** troops, [officials said](https://x.example/a(b)).\n\n- First point\n1. Second_point here\n> Quoted _words_ and `code`.\n\n```\nlet x = 1;\n```\n---\n![chart](c.png) He [sic] said <br/>so \\*really\\*.\n[ref]: https://x.example\n",
        );
        let lines: Vec<&str> = v.body.lines().map(str::trim).collect();
        assert_eq!(
            lines,
            [
                "",
                "",
                "",
                "The US sent   15,000   troops,  officials said                         .",
                "",
                "First point",
                "Second_point here",
                "Quoted  words  and  code .",
                "",
                "",
                "",
                "",
                "",
                "He [sic] said      so  *really *.",
                "",
            ]
        );
        let sent = v.body.find("15,000").unwrap();
        assert_eq!(
            v.position_of(sent),
            Position {
                line: 5,
                column: 15
            }
        );
        let quoted = v.body.find("Quoted").unwrap();
        assert_eq!(v.position_of(quoted), Position { line: 9, column: 3 });
    }

    #[test]
    fn blanking_keeps_the_length_and_non_ascii_text() {
        let text = "Café *très* [bien](x) — «oui» _ok_\n| a | b |\n|---|:-:|\n";
        let plain = blank_markup(text);
        assert_eq!(plain.len(), text.len());
        assert_eq!(
            plain,
            "Café  très   bien     — «oui»  ok \n  a   b  \n         \n"
        );
    }
}
