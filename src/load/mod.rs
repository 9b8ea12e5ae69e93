//! Load stage: files, folders and JSON Lines in, [`Story`] values out.
//!
//! One module per input format:
//!
//! | input | module | story |
//! |-------|--------|-------|
//! | `.txt` (or any other extension) | [`text`] | one outlet; headline on the first line when a blank line follows |
//! | `.md`, `.markdown` | [`markdown`] | one outlet; YAML (`---`) or TOML (`+++`) front matter, or a `# Heading` as the headline |
//! | `.html`, `.htm` | [`html`] | one outlet; the page's main text, boilerplate dropped |
//! | `.json` | [`json`] | a whole story (`{"story", "versions": [...]}`) or one outlet's article |
//! | `.jsonl`, `.ndjson`, `-` (stdin) | [`jsonl`] | a corpus: one article a line, grouped by `story` |
//! | a folder | this module | every `.txt`, `.md`, `.html` and `.json` in it, sorted by name; the story is named after the folder |
//!
//! [`open`] turns the command line's inputs into stories, in input order:
//! each corpus yields its stories one by one, each folder and each loose
//! `.json` file is a story of its own, and the remaining loose files together
//! make one story. Every loader keeps enough position information in each
//! [`Version`] that a claim can name its line and column, and every problem
//! is an [`InputError`] naming the file (and line), never a panic.
//!
//! A story with a single outlet loads fine (`claims` and `figures` accept it);
//! it is [`crate::analyze`] that asks for two outlets.

pub mod html;
pub mod json;
pub mod jsonl;
pub mod markdown;
pub mod text;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::error::InputError;
use crate::model::{Layout, Story, Version};

/// The input name that stands for JSON Lines on standard input.
pub const STDIN_INPUT: &str = "-";

/// How standard input is named in messages and in [`Version::source`].
pub const STDIN_SOURCE: &str = "<stdin>";

/// The stories named by the command line's inputs, one at a time.
///
/// A `.jsonl` corpus (or `-`, stdin) yields one item per story; each folder
/// and each loose `.json` file is one story; the other files together are
/// one story, yielded where the first of them appears. A bad line or a bad
/// story is an `Err` item and the rest still come.
pub fn open(inputs: &[PathBuf]) -> Box<dyn Iterator<Item = Result<Story, InputError>>> {
    open_filtered(inputs, &Filter::default())
}

/// [`open`], leaving out the files of input folders that `filter` excludes.
pub fn open_filtered(
    inputs: &[PathBuf],
    filter: &Filter,
) -> Box<dyn Iterator<Item = Result<Story, InputError>>> {
    let filter = filter.clone();
    Box::new(
        parts(inputs)
            .into_iter()
            .flat_map(move |part| part.stories(&filter)),
    )
}

/// Whether the command line's inputs make a corpus: a `.jsonl` file or stdin,
/// or more than one story (several folders or `.json` stories, or either
/// beside loose files). Known from the inputs alone, before any is read.
pub fn is_corpus(inputs: &[PathBuf]) -> bool {
    let parts = parts(inputs);
    parts.len() > 1 || parts.iter().any(|part| !matches!(part, Part::Story(_)))
}

/// The inputs as units that each yield their stories, in input order.
fn parts(inputs: &[PathBuf]) -> Vec<Part> {
    let mut parts: Vec<Part> = Vec::new();
    let mut loose: Option<usize> = None;
    for input in inputs {
        if is_stdin(input) {
            parts.push(Part::Stdin);
        } else if kind_of(input) == Kind::Jsonl && !input.is_dir() {
            parts.push(Part::Corpus(input.clone()));
        } else if input.is_dir() || kind_of(input) == Kind::Json {
            parts.push(Part::Story(vec![input.clone()]));
        } else if let Some(Part::Story(files)) = loose.and_then(|i| parts.get_mut(i)) {
            files.push(input.clone());
        } else {
            loose = Some(parts.len());
            parts.push(Part::Story(vec![input.clone()]));
        }
    }
    parts
}

/// One unit of the command line: a corpus, or the files of one story.
enum Part {
    Stdin,
    Corpus(PathBuf),
    Story(Vec<PathBuf>),
}

impl Part {
    fn stories(self, filter: &Filter) -> Box<dyn Iterator<Item = Result<Story, InputError>>> {
        match self {
            Part::Stdin => jsonl::open_stdin(),
            Part::Corpus(path) => jsonl::open_file(&path),
            Part::Story(files) => Box::new(std::iter::once(load_filtered(&files, filter))),
        }
    }
}

/// Which files of an input folder are left out: those matching an
/// `--exclude` glob, by file name or by path. Files named on the command
/// line are always read.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    exclude: globset::GlobSet,
}

impl Filter {
    /// A filter excluding files that match any of `globs` (`*.bak`, `drafts/**`).
    pub fn new(globs: &[String]) -> Result<Filter, InputError> {
        let mut set = globset::GlobSetBuilder::new();
        for glob in globs {
            let glob = globset::Glob::new(glob)
                .map_err(|e| InputError::file("--exclude", format!("bad glob: {e}")))?;
            set.add(glob);
        }
        let exclude = set
            .build()
            .map_err(|e| InputError::file("--exclude", format!("bad glob: {e}")))?;
        Ok(Filter { exclude })
    }

    /// Whether `path` is excluded.
    pub fn excludes(&self, path: &Path) -> bool {
        self.exclude.is_match(path) || path.file_name().is_some_and(|n| self.exclude.is_match(n))
    }
}

/// A file in an input folder that storydiff does not read as an outlet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The file.
    pub path: PathBuf,
    /// Why it is not an outlet's article.
    pub reason: &'static str,
}

/// The files of the input folders that are not read as outlets and were not
/// excluded, with the reason, for a notice: a project's README, a sidecar
/// `.json` with no article text (annotations, metadata), a file of another
/// format. Hidden files are left out silently.
pub fn skipped(inputs: &[PathBuf], filter: &Filter) -> Vec<Skipped> {
    let mut skipped = Vec::new();
    for folder in inputs.iter().filter(|input| input.is_dir()) {
        let Ok(entries) = std::fs::read_dir(folder) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            if is_hidden(&path) || filter.excludes(&path) {
                continue;
            }
            if let Some(reason) = not_an_article(&path) {
                skipped.push(Skipped { path, reason });
            }
        }
    }
    skipped
}

/// File stems (any case) of a folder's documentation, never an outlet.
const DOCUMENTATION_STEMS: [&str; 5] =
    ["changelog", "contributing", "licence", "license", "readme"];

/// Why a folder's file is not an outlet's article, or `None` when it is one.
fn not_an_article(path: &Path) -> Option<&'static str> {
    if path.is_dir() {
        return Some(
            "a folder inside a story folder; give it on its own or run `storydiff check` on the parent",
        );
    }
    if !is_supported(path) {
        return Some(match kind_of(path) {
            Kind::Jsonl => "a corpus inside a story folder; give it on its own",
            _ => "not an article format (.txt, .md, .html, .json)",
        });
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if DOCUMENTATION_STEMS.contains(&stem.as_str()) {
        return Some("documentation, not an outlet");
    }
    if kind_of(path) == Kind::Json && is_sidecar(path) {
        return Some("JSON with no `text` or `versions`: not an article");
    }
    None
}

/// Whether a `.json` file is valid JSON that holds no article: an object
/// without `text` and `versions`, or a list whose first item has no `text`.
/// Broken JSON is not a sidecar: loading it reports the error.
fn is_sidecar(path: &Path) -> bool {
    #[derive(serde::Deserialize)]
    #[serde(untagged)]
    enum Peek {
        Object(Fields),
        List(Vec<serde::de::IgnoredAny>),
        Other(serde::de::IgnoredAny),
    }
    #[derive(serde::Deserialize)]
    struct Fields {
        text: Option<serde::de::IgnoredAny>,
        versions: Option<serde::de::IgnoredAny>,
    }
    let Ok(text) = std::fs::read_to_string(path) else {
        return false;
    };
    match serde_json::from_str::<Peek>(&text) {
        Ok(Peek::Object(fields)) => fields.text.is_none() && fields.versions.is_none(),
        Ok(Peek::List(items)) => {
            items.is_empty()
                || serde_json::from_str::<Vec<Fields>>(&text)
                    .map_or(true, |items| items[0].text.is_none())
        }
        Ok(Peek::Other(_)) => true,
        Err(_) => false,
    }
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
}

/// Load the versions named by `inputs` (files, folders, `.json` stories) as
/// one story, and check it.
///
/// The story is named after the first input: a folder's name, a `.json`
/// file's `story` field, else the first file's stem.
pub fn load_story(inputs: &[PathBuf]) -> Result<Story, InputError> {
    load_filtered(inputs, &Filter::default())
}

/// [`load_story`], leaving out the folder files that `filter` excludes.
pub fn load_filtered(inputs: &[PathBuf], filter: &Filter) -> Result<Story, InputError> {
    let mut versions = Vec::new();
    let mut named = None;
    for input in inputs {
        let files = if input.is_dir() {
            folder_files(input, filter)?
        } else {
            vec![input.clone()]
        };
        for file in &files {
            let loaded = load_file(file)?;
            if named.is_none() {
                named = loaded.story;
            }
            versions.extend(loaded.versions);
        }
    }
    let id = match inputs.first() {
        Some(first) if first.is_dir() => folder_name(first),
        _ => named.unwrap_or_else(|| story_id(inputs)),
    };
    let story = Story { id, versions };
    check(&story)?;
    Ok(story)
}

/// What one file holds: its versions, and the story's name when it gives one.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The story's name, from a `.json` file's `story` field.
    pub story: Option<String>,
    /// The versions in the file: one, or several for a `.json` story.
    pub versions: Vec<Version>,
}

/// The input formats, told apart by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Markdown,
    Html,
    Json,
    Jsonl,
}

fn kind_of(path: &Path) -> Kind {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match extension.as_deref() {
        Some("md" | "markdown") => Kind::Markdown,
        Some("html" | "htm") => Kind::Html,
        Some("json") => Kind::Json,
        Some("jsonl" | "ndjson") => Kind::Jsonl,
        _ => Kind::Text,
    }
}

/// Whether a folder's file is one storydiff reads as an outlet.
fn is_supported(path: &Path) -> bool {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    matches!(
        extension.as_deref(),
        Some("txt" | "md" | "markdown" | "html" | "htm" | "json")
    )
}

fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == STDIN_INPUT
}

/// The articles in a folder, sorted by name; hidden, excluded and
/// [`skipped`] files are left out.
fn folder_files(folder: &Path, filter: &Filter) -> Result<Vec<PathBuf>, InputError> {
    let name = folder.display().to_string();
    let entries = std::fs::read_dir(folder)
        .map_err(|e| InputError::file(&name, format!("cannot read folder: {e}")))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| !is_hidden(path) && !filter.excludes(path) && not_an_article(path).is_none())
        .collect();
    if files.is_empty() {
        let has_folders = std::fs::read_dir(folder)
            .map(|entries| entries.filter_map(Result::ok).any(|e| e.path().is_dir()))
            .unwrap_or(false);
        let hint = if has_folders {
            " (for a folder of story folders, run `storydiff check` on it or name each story folder)"
        } else {
            ""
        };
        return Err(InputError::file(
            name,
            format!("folder holds no .txt, .md, .html or .json file to read{hint}"),
        ));
    }
    files.sort();
    Ok(files)
}

/// Read and parse one file of a story.
fn load_file(path: &Path) -> Result<Loaded, InputError> {
    let name = path.display().to_string();
    let text = read_text(path)?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let one = |version| Loaded {
        story: None,
        versions: vec![version],
    };
    match kind_of(path) {
        Kind::Text => Ok(one(text::parse(&text, &name, &stem))),
        Kind::Markdown => markdown::parse(&text, &name, &stem).map(one),
        Kind::Html => Ok(one(html::parse(&text, &name, &stem))),
        Kind::Json => json::parse(&text, &name, &stem),
        Kind::Jsonl => Err(InputError::file(
            name,
            "a .jsonl corpus cannot be one outlet of a story; give it on its own",
        )),
    }
}

/// A file's text, checked to be UTF-8, without a leading byte order mark.
pub fn read_text(path: &Path) -> Result<String, InputError> {
    let name = path.display().to_string();
    let bytes =
        std::fs::read(path).map_err(|e| InputError::file(&name, format!("cannot read: {e}")))?;
    decode(bytes, &name)
}

/// `bytes` as text, or an error naming the line of the first bad byte.
///
/// A NUL byte marks a binary file, not an article. Old Mac line ends (a
/// carriage return alone) become newlines, byte for byte, so that lines and
/// paragraphs are told apart as in any other file.
pub fn decode(mut bytes: Vec<u8>, source: &str) -> Result<String, InputError> {
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        let line = 1 + bytes[..nul].iter().filter(|&&b| b == b'\n').count();
        return Err(InputError::line(
            source,
            line,
            "holds a NUL byte: a binary file, not an article",
        ));
    }
    for i in 0..bytes.len() {
        if bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n') {
            bytes[i] = b'\n';
        }
    }
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..'\u{feff}'.len_utf8());
            }
            Ok(text)
        }
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let before = &e.as_bytes()[..valid];
            let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
            let column = 1 + valid
                - before
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |i| i + 1);
            Err(InputError::line(
                source,
                line,
                format!("not valid UTF-8 (byte {column} of the line)"),
            ))
        }
    }
}

/// Check what every loader shares: a named outlet, an article with words
/// to make claims of, no outlet twice.
pub fn check(story: &Story) -> Result<(), InputError> {
    let mut seen: HashMap<&str, &Version> = HashMap::new();
    for version in &story.versions {
        if version.outlet.trim().is_empty() {
            return Err(error_at(
                version,
                format!("an outlet in story \"{}\" has a blank name", story.id),
            ));
        }
        if version.body.trim().is_empty() {
            return Err(error_at(
                version,
                format!(
                    "the article of outlet \"{}\" in story \"{}\" is empty",
                    version.outlet, story.id
                ),
            ));
        }
        // A sentence needs a letter to be a claim (`segment::sentences`):
        // an article of numbers or symbols alone would be a silent blank.
        if !version.body.chars().any(char::is_alphabetic) {
            return Err(error_at(
                version,
                format!(
                    "the article of outlet \"{}\" in story \"{}\" has no words, so no claims",
                    version.outlet, story.id
                ),
            ));
        }
        if let Some(first) = seen.insert(&version.outlet, version) {
            return Err(error_at(
                version,
                format!(
                    "outlet \"{}\" appears twice in story \"{}\"; first in {}",
                    version.outlet,
                    story.id,
                    location(first)
                ),
            ));
        }
    }
    Ok(())
}

/// An error about `version`: at its record's line for JSON input, else about its file.
fn error_at(version: &Version, message: String) -> InputError {
    match version.layout {
        Layout::JsonString => InputError::line(&version.source, version.body_at.line, message),
        Layout::Verbatim => InputError::file(&version.source, message),
    }
}

/// Where `version` came from, for a message: `file` or `file:line`.
fn location(version: &Version) -> String {
    match version.layout {
        Layout::JsonString => format!("{}:{}", version.source, version.body_at.line),
        Layout::Verbatim => version.source.clone(),
    }
}

/// A folder's name, resolving `.` and `..` through the file system.
fn folder_name(folder: &Path) -> String {
    let name = folder
        .file_name()
        .filter(|n| *n != "." && *n != "..")
        .map(|n| n.to_string_lossy().into_owned());
    name.or_else(|| {
        folder
            .canonicalize()
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
    })
    .unwrap_or_else(|| "story".to_string())
}

/// The story's name: the folder's name for a folder, else the first file's stem.
fn story_id(inputs: &[PathBuf]) -> String {
    match inputs.first() {
        Some(first) if first.is_dir() => folder_name(first),
        Some(first) => first
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "story".to_string()),
        None => "story".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;
    use crate::model::Position;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let path = dir.join(name);
        fs::write(&path, text).unwrap();
        path
    }

    fn all(inputs: &[PathBuf]) -> Vec<Result<Story, InputError>> {
        open(inputs).collect()
    }

    #[test]
    fn a_folder_is_one_story_of_its_files_sorted_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("venezuela");
        fs::create_dir(&folder).unwrap();
        write(
            &folder,
            "c.json",
            r#"{"outlet": "C News", "text": "Three."}"#,
        );
        write(&folder, "b.md", "---\noutlet: B Times\n---\nTwo.\n");
        write(&folder, "a.txt", "Headline\n\nOne.\n");
        write(&folder, "notes.csv", "x,y\n");
        write(&folder, ".hidden.txt", "x\n");
        let story = load_story(std::slice::from_ref(&folder)).unwrap();
        assert_eq!(story.id, "venezuela");
        let outlets: Vec<&str> = story.versions.iter().map(|v| v.outlet.as_str()).collect();
        assert_eq!(outlets, ["a", "B Times", "C News"]);
        assert_eq!(story.versions[1].body_at, Position { line: 4, column: 1 });
    }

    #[test]
    fn loose_files_make_one_story_and_json_and_folders_their_own() {
        let dir = tempfile::tempdir().unwrap();
        let a = write(dir.path(), "a.txt", "One.\n");
        let b = write(dir.path(), "b.md", "Two.\n");
        let json = write(
            dir.path(),
            "s.json",
            r#"{"story": "named", "versions": [{"outlet": "x", "text": "X."}, {"outlet": "y", "text": "Y."}]}"#,
        );
        let jsonl = write(
            dir.path(),
            "c.jsonl",
            "{\"story\": \"s1\", \"outlet\": \"l\", \"text\": \"L.\"}\n{\"story\": \"s2\", \"outlet\": \"l\", \"text\": \"M.\"}\n",
        );
        let stories: Vec<Story> = all(&[a, json, b, jsonl])
            .into_iter()
            .map(Result::unwrap)
            .collect();
        let ids: Vec<&str> = stories.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["a", "named", "s1", "s2"]);
        assert!(is_corpus(&[dir.path().join("c.jsonl")]));
        assert!(is_corpus(&[PathBuf::from(STDIN_INPUT)]));
        assert!(is_corpus(&[
            dir.path().join("a.txt"),
            dir.path().join("s.json")
        ]));
        assert!(!is_corpus(&[
            dir.path().join("a.txt"),
            dir.path().join("b.md")
        ]));
        assert!(!is_corpus(&[dir.path().join("s.json")]));
        assert!(!is_corpus(&[dir.path().to_path_buf()]));
        assert_eq!(stories[0].versions.len(), 2);
        assert_eq!(stories[1].versions.len(), 2);
    }

    #[test]
    fn a_missing_file_is_an_error_naming_it() {
        let error = all(&[PathBuf::from("/nonexistent/fox.txt")])
            .remove(0)
            .unwrap_err();
        assert_eq!(error.source_name, "/nonexistent/fox.txt");
        assert!(error.message.contains("cannot read"), "{error}");
    }

    #[test]
    fn invalid_utf8_names_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.txt");
        fs::write(&path, b"Good line.\nBad \xff byte.\n").unwrap();
        let error = load_story(std::slice::from_ref(&path)).unwrap_err();
        assert_eq!(error.source_name, path.display().to_string());
        assert_eq!(error.line, Some(2));
        assert!(error.message.contains("UTF-8 (byte 5"), "{error}");
    }

    #[test]
    fn a_byte_order_mark_is_dropped() {
        assert_eq!(decode(b"\xef\xbb\xbfText".to_vec(), "x").unwrap(), "Text");
    }

    #[test]
    fn an_empty_article_names_file_and_outlet() {
        let dir = tempfile::tempdir().unwrap();
        let a = write(dir.path(), "a.txt", "One.\n");
        let b = write(dir.path(), "b.txt", "Headline only\n\n  \n");
        let error = load_story(&[a, b.clone()]).unwrap_err();
        assert_eq!(error.source_name, b.display().to_string());
        assert!(error.message.contains("\"b\""), "{error}");
        assert!(error.message.contains("empty"), "{error}");
    }

    #[test]
    fn a_nul_filled_file_is_refused_as_binary() {
        let dir = tempfile::tempdir().unwrap();
        let a = write(dir.path(), "a.txt", "One.\n");
        let path = dir.path().join("nul.txt");
        fs::write(&path, vec![0u8; 1 << 20]).unwrap();
        let error = load_story(&[a, path.clone()]).unwrap_err();
        assert_eq!(error.source_name, path.display().to_string());
        assert_eq!(error.line, Some(1));
        assert!(error.message.contains("NUL"), "{error}");
    }

    #[test]
    fn an_article_without_words_is_an_error_not_an_empty_outlet() {
        let dir = tempfile::tempdir().unwrap();
        let a = write(dir.path(), "a.txt", "One.\n");
        for (name, text) in [
            ("numbers.txt", "12 34 56.\n\n78 90.\n"),
            ("five.json", r#"{"outlet": "x", "text": 5}"#),
            ("symbols.md", "1. 2. 3.\n\n§ ¶ …\n"),
        ] {
            let path = write(dir.path(), name, text);
            let error = load_story(&[a.clone(), path.clone()]).unwrap_err();
            assert_eq!(error.source_name, path.display().to_string(), "{name}");
            assert!(
                error.message.contains("no words") || error.message.contains("empty"),
                "{error}"
            );
        }
    }

    #[test]
    fn a_blank_outlet_name_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let a = write(dir.path(), "a.txt", "One.\n");
        let b = write(
            dir.path(),
            "b.json",
            r#"{"outlet": "  ", "text": "Words."}"#,
        );
        let error = load_story(&[a, b.clone()]).unwrap_err();
        assert_eq!(error.source_name, b.display().to_string());
        assert!(error.message.contains("blank name"), "{error}");
    }

    #[test]
    fn carriage_returns_alone_end_lines() {
        let text = decode(b"Head\r\rOne.\rTwo.\r\nThree.".to_vec(), "x").unwrap();
        assert_eq!(text, "Head\n\nOne.\nTwo.\r\nThree.");
    }

    #[test]
    fn one_outlet_twice_names_both_files() {
        let dir = tempfile::tempdir().unwrap();
        let a = write(dir.path(), "a.md", "---\noutlet: Fox\n---\nOne.\n");
        let b = write(dir.path(), "b.md", "---\noutlet: Fox\n---\nTwo.\n");
        let error = load_story(&[a.clone(), b.clone()]).unwrap_err();
        assert_eq!(error.source_name, b.display().to_string());
        assert!(error.message.contains(&a.display().to_string()), "{error}");
        assert!(error.message.contains("\"Fox\""), "{error}");
    }

    #[test]
    fn a_folder_without_articles_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "notes.csv", "x\n");
        let error = load_story(&[dir.path().to_path_buf()]).unwrap_err();
        assert!(error.message.contains("no .txt"), "{error}");
    }

    #[test]
    fn a_single_outlet_is_not_a_load_error() {
        let dir = tempfile::tempdir().unwrap();
        let a = write(dir.path(), "a.txt", "One.\n");
        assert_eq!(load_story(&[a]).unwrap().versions.len(), 1);
    }

    #[test]
    fn a_basil_event_folder_skips_its_annotations_with_a_reason() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("event-7");
        fs::create_dir(&folder).unwrap();
        write(&folder, "fox.txt", "Fox headline\n\nOne.\n");
        write(&folder, "nyt.txt", "NYT headline\n\nTwo.\n");
        write(&folder, "hpo.txt", "HPO headline\n\nThree.\n");
        write(
            &folder,
            "annotations.json",
            r#"{"fox": [{"span": [0, 3], "bias": "lex"}], "nyt": []}"#,
        );
        write(&folder, "README.md", "# About this event\n\nNotes.\n");
        write(&folder, "meta.toml", "x = 1\n");
        let inputs = [folder.clone()];
        let story = load_story(&inputs).unwrap();
        let outlets: Vec<&str> = story.versions.iter().map(|v| v.outlet.as_str()).collect();
        assert_eq!(outlets, ["fox", "hpo", "nyt"]);
        let skipped: Vec<(String, &str)> = skipped(&inputs, &Filter::default())
            .into_iter()
            .map(|s| {
                (
                    s.path.file_name().unwrap().to_string_lossy().into_owned(),
                    s.reason,
                )
            })
            .collect();
        let names: Vec<&str> = skipped.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["README.md", "annotations.json", "meta.toml"]);
        assert!(skipped[1].1.contains("not an article"), "{skipped:?}");
    }

    #[test]
    fn broken_json_in_a_folder_is_still_an_error() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "a.txt", "One.\n");
        write(dir.path(), "b.json", "{\"outlet\": \"b\", \"text\": ");
        assert!(load_story(&[dir.path().to_path_buf()]).is_err());
        assert!(skipped(&[dir.path().to_path_buf()], &Filter::default()).is_empty());
    }

    #[test]
    fn excluded_files_are_not_read_nor_noticed() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "a.txt", "One.\n");
        write(dir.path(), "b.txt", "Two.\n");
        write(dir.path(), "b-draft.txt", "Draft.\n");
        write(dir.path(), "notes.csv", "x\n");
        let filter = Filter::new(&["*-draft.txt".to_string(), "*.csv".to_string()]).unwrap();
        let inputs = [dir.path().to_path_buf()];
        let story = load_filtered(&inputs, &filter).unwrap();
        let outlets: Vec<&str> = story.versions.iter().map(|v| v.outlet.as_str()).collect();
        assert_eq!(outlets, ["a", "b"]);
        assert!(skipped(&inputs, &filter).is_empty());
        assert!(Filter::new(&["[".to_string()]).is_err());
    }

    #[test]
    fn the_current_folder_is_named_after_itself() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("story-7");
        fs::create_dir(&folder).unwrap();
        assert_eq!(folder_name(&folder.join(".")), "story-7");
    }
}
