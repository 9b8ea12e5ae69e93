//! Settings: defaults as named constants, overridable from `storydiff.toml`.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::align::AlignConfig;
use crate::compare::CompareConfig;
use crate::error::{ErrorKind, InputError};

const CONFIG: ErrorKind = ErrorKind::Config;
use crate::extract::framing::{FramingConfig, Lexicon};
use crate::model::{OutletId, Severity, Story};

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
    /// How the clusters are shown.
    pub compare: CompareSettings,
    /// Which findings fail `storydiff check`.
    pub check: CheckConfig,
}

impl Config {
    /// Parse a TOML configuration file.
    pub fn from_file(path: &Path) -> Result<Config, InputError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path)
            .map_err(|e| InputError::file(&name, format!("cannot read: {e}")).of_kind(CONFIG))?;
        let config: Config = toml::from_str(&text)
            .map_err(|e| InputError::file(&name, format!("bad config: {e}")).of_kind(CONFIG))?;
        config.check_values().map_err(|(key, problem)| InputError {
            kind: CONFIG,
            source_name: name.clone(),
            line: line_of_key(&text, key),
            message: format!("bad config: `{key}` {problem}"),
        })?;
        config
            .framing
            .check_words()
            .map_err(|e| InputError::file(&name, format!("bad config: {e}")).of_kind(CONFIG))?;
        Ok(config)
    }

    /// Values that parse but mean nothing: a threshold outside 0 to 1 (or
    /// NaN), a blank lexicon entry (it would match everywhere). The key and
    /// what is wrong with it.
    pub fn check_values(&self) -> Result<(), (&'static str, String)> {
        let threshold = self.align.threshold;
        if !(0.0..=1.0).contains(&threshold) {
            return Err((
                "threshold",
                format!("must be between 0 and 1, got {threshold}"),
            ));
        }
        let framing = &self.framing;
        let lists = [
            ("hedges", &framing.hedges),
            ("attribution_verbs", &framing.attribution_verbs),
            ("unnamed_sources", &framing.unnamed_sources),
        ];
        for (key, entries) in lists {
            if entries.iter().any(|entry| entry.trim().is_empty()) {
                return Err((key, "has a blank entry".to_string()));
            }
        }
        if framing
            .loaded_terms
            .keys()
            .any(|term| term.trim().is_empty())
        {
            return Err(("loaded_terms", "has a blank term".to_string()));
        }
        Ok(())
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

    /// What the compare stage needs of the configuration for `story`: the
    /// reference outlet's name becomes the story's outlet of that name. A
    /// name the story has no outlet for is an [`ErrorKind::Config`] error.
    pub fn compare(&self, story: &Story) -> Result<CompareConfig, InputError> {
        let reference = match &self.compare.reference {
            None => None,
            Some(name) => Some(reference_outlet(story, name)?),
        };
        Ok(CompareConfig {
            framing_severity: self.framing.severity,
            reference,
        })
    }

    /// `storydiff.toml` in `start` or the nearest folder above it.
    pub fn find_upward(start: &Path) -> Option<PathBuf> {
        start
            .ancestors()
            .map(|dir| dir.join(CONFIG_FILE_NAME))
            .find(|candidate| candidate.is_file())
    }
}

/// The outlet of `story` named `name`; else the one outlet whose name is
/// `name` in other case ("daily meridian" for "Daily Meridian").
fn reference_outlet(story: &Story, name: &str) -> Result<OutletId, InputError> {
    let exact = story.versions.iter().position(|v| v.outlet == name);
    let mut folded = story
        .versions
        .iter()
        .enumerate()
        .filter(|(_, v)| v.outlet.to_lowercase() == name.to_lowercase());
    match (exact, folded.next(), folded.next()) {
        (Some(o), _, _) | (None, Some((o, _)), None) => Ok(OutletId(o)),
        _ => Err(unknown_reference(story, name)),
    }
}

/// The error for a reference outlet `name` that `story` does not have.
fn unknown_reference(story: &Story, name: &str) -> InputError {
    let outlets: Vec<&str> = story.versions.iter().map(|v| v.outlet.as_str()).collect();
    let source = story
        .versions
        .first()
        .map_or(story.id.as_str(), |v| v.source.as_str());
    InputError::file(
        source,
        format!(
            "the reference outlet {name:?} is not an outlet of story \"{}\" (its outlets: {})",
            story.id,
            outlets.join(", ")
        ),
    )
    .of_kind(CONFIG)
}

/// The `[compare]` section of `storydiff.toml`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct CompareSettings {
    /// The outlet whose claim each cluster's word diffs are against, when
    /// it carries the claim (`--reference`); by default the cluster's first
    /// member, which is the first outlet that carries it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
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

/// The 1-based line on which `key` is set in a TOML text, if it is.
fn line_of_key(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|line| {
            line.trim_start()
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map(|i| i + 1)
}

impl FramingConfig {
    /// Check the words the configuration adds to the lexicons: none blank,
    /// none with a control character, attribution verbs single words, and
    /// all of them buildable into the lexicon's matchers.
    pub fn check_words(&self) -> Result<(), String> {
        let lists = [
            ("hedges", &self.hedges),
            ("attribution_verbs", &self.attribution_verbs),
            ("unnamed_sources", &self.unnamed_sources),
        ];
        for (field, words) in lists {
            for word in words {
                check_word(field, word)?;
            }
        }
        for verb in &self.attribution_verbs {
            if verb.trim().contains(char::is_whitespace) {
                return Err(format!(
                    "[framing] attribution_verbs: {verb:?} is not a single word"
                ));
            }
        }
        for (loaded, neutral) in &self.loaded_terms {
            check_word("loaded_terms", loaded)?;
            if neutral.chars().any(char::is_control) {
                return Err(format!(
                    "[framing] loaded_terms: the neutral term of {loaded:?} holds a control character"
                ));
            }
        }
        Lexicon::shared(self)
            .map(drop)
            .map_err(|e| format!("[framing] words cannot be matched: {e}"))
    }
}

/// A configured lexicon word is neither blank nor holds a control character.
fn check_word(field: &str, word: &str) -> Result<(), String> {
    if word.trim().is_empty() {
        return Err(format!("[framing] {field}: a blank word"));
    }
    if word.chars().any(char::is_control) {
        return Err(format!(
            "[framing] {field}: {word:?} holds a control character"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<Config, InputError> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(CONFIG_FILE_NAME);
        std::fs::write(&path, text).unwrap();
        Config::from_file(&path)
    }

    #[test]
    fn a_threshold_out_of_range_or_nan_is_refused_at_its_line() {
        for value in ["5.0", "nan", "-0.1", "inf"] {
            let error = load(&format!("# settings\n[align]\nthreshold = {value}\n")).unwrap_err();
            assert_eq!(error.line, Some(3), "{error}");
            assert!(error.message.contains("between 0 and 1"), "{error}");
        }
        assert!(load("[align]\nthreshold = 0.7\n").is_ok());
    }

    #[test]
    fn a_blank_lexicon_entry_is_refused() {
        let error = load("[framing]\nhedges = [\"maybe\", \" \"]\n").unwrap_err();
        assert!(
            error.message.contains("`hedges` has a blank entry"),
            "{error}"
        );
    }

    #[test]
    fn a_bad_lexicon_word_fails_the_load_naming_the_file() {
        for text in [
            "[framing]\nunnamed_sources = [\"in\\u0007sider\"]",
            "[framing]\nattribution_verbs = [\"shouted at\"]",
        ] {
            let error = load(text).unwrap_err();
            assert_eq!(error.kind, ErrorKind::Config, "{text}");
            assert!(error.source_name.ends_with(CONFIG_FILE_NAME), "{error}");
            assert!(error.message.contains("[framing]"), "{error}");
        }
    }

    #[test]
    fn good_words_load() {
        let config = load("[framing]\nhedges = [\"conceivably\"]").unwrap();
        assert_eq!(config.framing.hedges, ["conceivably"]);
    }

    #[test]
    fn a_malformed_file_is_a_config_error() {
        let error = load("[align\n").unwrap_err();
        assert_eq!(error.kind, ErrorKind::Config);
    }
}
