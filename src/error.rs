//! Errors the library reports: bad input, named by file and line.

use std::fmt;

/// Exit code for bad arguments or input.
pub const EXIT_BAD_INPUT: u8 = 2;

/// Input that storydiff cannot use: an unreadable file, invalid UTF-8, a
/// malformed JSON line, an empty article, a story with one outlet, two
/// versions with one outlet name. The binary exits with code 2 on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The file (or `<stdin>`) the problem is in.
    pub source_name: String,
    /// The 1-based line, when the problem is on one line.
    pub line: Option<usize>,
    /// What is wrong, for a person.
    pub message: String,
}

impl InputError {
    /// An error about a whole file.
    pub fn file(source_name: impl Into<String>, message: impl Into<String>) -> InputError {
        InputError {
            source_name: source_name.into(),
            line: None,
            message: message.into(),
        }
    }

    /// An error about one line of a file.
    pub fn line(
        source_name: impl Into<String>,
        line: usize,
        message: impl Into<String>,
    ) -> InputError {
        InputError {
            source_name: source_name.into(),
            line: Some(line),
            message: message.into(),
        }
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
