//! Settings: defaults as named constants, overridable from `storydiff.toml`.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::align::AlignConfig;
use crate::compare::CompareConfig;
use crate::error::InputError;
use crate::extract::framing::FramingConfig;
use crate::model::Severity;

/// The name of the configuration file looked for upward from the working
/// directory.
pub const CONFIG_FILE_NAME: &str = "storydiff.toml";

/// Everything a run can be told, with defaults for all of it.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// How claims are matched across outlets.
    pub align: AlignConfig,
    /// Lexicon additions and framing severities.
    pub framing: FramingConfig,
    /// Which findings fail `storydiff check`.
    pub check: CheckConfig,
}

impl Config {
    /// Parse a TOML configuration file.
    pub fn from_file(path: &Path) -> Result<Config, InputError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path)
            .map_err(|e| InputError::file(&name, format!("cannot read: {e}")))?;
        toml::from_str(&text).map_err(|e| InputError::file(&name, format!("bad config: {e}")))
    }

    /// The configuration of a run: the file at `explicit`, else
    /// `storydiff.toml` in `start` or above it, else the defaults.
    pub fn discover(explicit: Option<&Path>, start: Option<&Path>) -> Result<Config, InputError> {
        let path = match explicit {
            Some(path) => Some(path.to_path_buf()),
            None => start.and_then(Config::find_upward),
        };
        match path {
            Some(path) => Config::from_file(&path),
            None => Ok(Config::default()),
        }
    }

    /// What the compare stage needs of the configuration.
    pub fn compare(&self) -> CompareConfig {
        CompareConfig {
            framing_severity: self.framing.severity,
        }
    }

    /// `storydiff.toml` in `start` or the nearest folder above it.
    pub fn find_upward(start: &Path) -> Option<PathBuf> {
        start
            .ancestors()
            .map(|dir| dir.join(CONFIG_FILE_NAME))
            .find(|candidate| candidate.is_file())
    }
}

/// The least severity that fails a check by default: a figure conflict is a
/// contradiction between outlets, while omissions and framing differences are
/// the normal texture of news coverage and would fail almost every story.
pub const DEFAULT_FAIL_ON: Severity = Severity::Error;

/// The `[check]` section of `storydiff.toml`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct CheckConfig {
    /// Findings at or above this severity fail the check.
    pub fail_on: Severity,
}

impl Default for CheckConfig {
    fn default() -> CheckConfig {
        CheckConfig {
            fail_on: DEFAULT_FAIL_ON,
        }
    }
}
