//! Errors the library reports: bad input, named by file and line, with a
//! kind that says which input it is.

use std::fmt;

/// Exit code for bad arguments or input.
pub const EXIT_BAD_INPUT: u8 = 2;

/// Which input an [`InputError`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// An article or story: an unreadable file, invalid UTF-8, a malformed
    /// JSON line, an empty article, two versions with one outlet name.
    Input,
    /// The configuration file: unreadable, malformed, or a bad lexicon word;
    /// or a reference outlet a story does not have.
    Config,
    /// A baseline file of `storydiff check`: unreadable, malformed, or not
    /// writable.
    Baseline,
    /// A story with fewer than two outlets, which cannot be compared.
    TooFewOutlets,
}

/// Input that storydiff cannot use: an unreadable file, invalid UTF-8, a
/// malformed JSON line, an empty article, a story with one outlet, two
/// versions with one outlet name, a bad configuration or baseline file. The
/// binary exits with code 2 on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// Which input it is about.
    pub kind: ErrorKind,
    /// The file (or `<stdin>`) the problem is in.
    pub source_name: String,
    /// The 1-based line, when the problem is on one line.
    pub line: Option<usize>,
    /// What is wrong, for a person.
    pub message: String,
}

impl InputError {
    /// An error about a whole input file.
    pub fn file(source_name: impl Into<String>, message: impl Into<String>) -> InputError {
        InputError {
            kind: ErrorKind::Input,
            source_name: source_name.into(),
            line: None,
            message: message.into(),
        }
    }

    /// An error about one line of an input file.
    pub fn line(
        source_name: impl Into<String>,
        line: usize,
        message: impl Into<String>,
    ) -> InputError {
        InputError {
            kind: ErrorKind::Input,
            source_name: source_name.into(),
            line: Some(line),
            message: message.into(),
        }
    }

    /// The same error, of `kind`.
    pub fn of_kind(self, kind: ErrorKind) -> InputError {
        InputError { kind, ..self }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.source_name, line, self.message),
            None => write!(f, "{}: {}", self.source_name, self.message),
        }
    }
}

impl std::error::Error for InputError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_about_input_unless_told_otherwise() {
        let error = InputError::line("c.jsonl", 3, "invalid JSON");
        assert_eq!(error.kind, ErrorKind::Input);
        let config = InputError::file("storydiff.toml", "bad config").of_kind(ErrorKind::Config);
        assert_eq!(config.kind, ErrorKind::Config);
        assert_eq!(config.to_string(), "storydiff.toml: bad config");
    }
}
