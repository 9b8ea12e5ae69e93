//! CI runs over a corpus: a policy says which findings fail the run, and a
//! baseline lists findings already accepted, so that only new ones fail.

pub mod sarif;

use std::collections::BTreeSet;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::Analyzer;
use crate::compare::{Finding, Report, Severity};
pub use crate::config::{CheckConfig, DEFAULT_FAIL_ON};
use crate::corpus::{self, Watch};
use crate::error::{EXIT_BAD_INPUT, ErrorKind, InputError};
use crate::model::Story;
use crate::render::json::FindingView;
use crate::render::{self, Format};

/// Findings already accepted, one fingerprint per finding.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    /// Fingerprints (`story`, `kind` and the finding's fingerprint), sorted.
    pub findings: BTreeSet<String>,
}

impl Baseline {
    /// Read a baseline written by `storydiff check --write-baseline`.
    pub fn from_file(path: &Path) -> Result<Baseline, InputError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path)
            .map_err(|e| InputError::file(&name, format!("cannot read: {e}")).of_kind(BASELINE))?;
        serde_json::from_str(&text).map_err(|e| {
            InputError::line(&name, e.line(), format!("bad baseline: {e}")).of_kind(BASELINE)
        })
    }

    /// Write the baseline to `path`, for `storydiff check --baseline`.
    pub fn write_file(&self, path: &Path) -> Result<(), InputError> {
        let json = serde_json::to_string_pretty(self).expect("a baseline is plain JSON") + "\n";
        crate::output::OutputFile::create(path)
            .and_then(|mut file| {
                file.write_all(json.as_bytes())?;
                file.commit()
            })
            .map_err(|e| {
                InputError::file(path.display().to_string(), format!("cannot write: {e}"))
                    .of_kind(BASELINE)
            })
    }

    /// Whether `finding` of `story` is accepted.
    pub fn contains(&self, story: &str, finding: &Finding) -> bool {
        self.findings.contains(&fingerprint(story, finding))
    }

    /// Accept every finding of `outcome`.
    pub fn add(&mut self, outcome: &Outcome) {
        for finding in &outcome.findings {
            self.findings.insert(fingerprint(&outcome.story, finding));
        }
    }
}

/// What identifies a finding across runs: its story and fingerprint, which
/// leaves out cluster ids and line numbers (see [`crate::compare::identity`]),
/// so that a baseline holds when stories or paragraphs are added above.
fn fingerprint(story: &str, finding: &Finding) -> String {
    format!(
        "{story}\t{}\t{}",
        render::name(&finding.kind),
        finding.fingerprint
    )
}

/// One story's result under a policy.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The story's identifier.
    pub story: String,
    /// Findings at error, warning and info severity.
    pub errors: usize,
    /// See `errors`.
    pub warnings: usize,
    /// See `errors`.
    pub infos: usize,
    /// Findings at or above the policy's severity that the baseline does not accept.
    pub failing: Vec<Finding>,
    /// Every finding, for writing a baseline.
    pub findings: Vec<Finding>,
}

/// A story's outcome as a JSON line of `storydiff check --format json`.
#[derive(Serialize)]
struct OutcomeView<'a> {
    story: &'a str,
    errors: usize,
    warnings: usize,
    infos: usize,
    failing: Vec<FindingView<'a>>,
}

impl<'a> From<&'a Outcome> for OutcomeView<'a> {
    fn from(o: &'a Outcome) -> OutcomeView<'a> {
        OutcomeView {
            story: &o.story,
            errors: o.errors,
            warnings: o.warnings,
            infos: o.infos,
            failing: o.failing.iter().map(FindingView::from).collect(),
        }
    }
}

/// Judge one story's report under `policy` and `baseline`.
pub fn judge(report: &Report, policy: &CheckConfig, baseline: &Baseline) -> Outcome {
    Outcome {
        story: report.story.clone(),
        errors: report.count(Severity::Error),
        warnings: report.count(Severity::Warning),
        infos: report.count(Severity::Info),
        failing: report
            .findings
            .iter()
            .filter(|f| f.severity >= policy.fail_on && !baseline.contains(&report.story, f))
            .cloned()
            .collect(),
        findings: report.findings.clone(),
    }
}

/// Write one story's `check` outcome: a JSON line, or a line of text with the
/// failing findings under it.
pub fn write_outcome(out: &mut dyn Write, outcome: &Outcome, format: Format) -> io::Result<()> {
    match format {
        Format::Json => return render::write_json_line(out, &OutcomeView::from(outcome)),
        Format::Github => {
            for f in &outcome.failing {
                sarif::write_annotation(out, &outcome.story, f)?;
            }
            return Ok(());
        }
        _ => {}
    }
    let verdict = if outcome.failing.is_empty() {
        "ok"
    } else {
        "FAIL"
    };
    writeln!(
        out,
        "{verdict:4} {}: {}, {}, {} info",
        render::terminal::one_line(&outcome.story),
        render::label::plural(outcome.errors, "error", "errors"),
        render::label::plural(outcome.warnings, "warning", "warnings"),
        outcome.infos
    )?;
    for f in &outcome.failing {
        writeln!(
            out,
            "     {} {} {}: {}",
            render::name(&f.severity),
            f.cluster,
            render::name(&f.kind),
            render::terminal::one_line(&f.message)
        )?;
    }
    Ok(())
}

const BASELINE: ErrorKind = ErrorKind::Baseline;

/// Exit code when findings exceed the policy of `storydiff check`.
pub const EXIT_FINDINGS: u8 = 1;

/// What a whole `check` run found.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Stories compared.
    pub stories: usize,
    /// Stories with findings that fail the policy.
    pub failing: usize,
    /// Stories that could not be read or compared.
    pub unreadable: usize,
    /// The policy's least failing severity.
    pub fail_on: Severity,
    /// Every finding of the run, as a baseline for later runs.
    pub accepted: Baseline,
}

impl Summary {
    /// The process exit code: 2 when a story was unreadable, else 1 when a
    /// story fails the policy, else 0.
    pub fn exit_code(&self) -> u8 {
        if self.unreadable > 0 {
            EXIT_BAD_INPUT
        } else if self.failing > 0 {
            EXIT_FINDINGS
        } else {
            0
        }
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "storydiff check: {}, {} with findings at or above {}, {} unreadable",
            render::label::plural(self.stories, "story", "stories"),
            self.failing,
            render::name(&self.fail_on),
            self.unreadable
        )
    }
}

/// Compare every story of `corpus` (less what `filter` excludes), judge it
/// under the `[check]` policy of the analyzer's configuration and
/// `baseline`, and write one outcome per story to `out` in `format` (table,
/// json or github annotations), or one SARIF log for the run. Unreadable
/// stories go to `watch` and the rest still run.
pub fn run(
    corpus: &Path,
    filter: &crate::load::Filter,
    analyzer: &Analyzer,
    baseline: &Baseline,
    format: Format,
    out: &mut dyn Write,
    watch: &mut dyn Watch,
) -> io::Result<Summary> {
    let mut summary = Summary {
        stories: 0,
        failing: 0,
        unreadable: 0,
        fail_on: analyzer.config().check.fail_on,
        accepted: Baseline::default(),
    };
    let work = |story: Result<Story, InputError>| -> Result<Outcome, InputError> {
        let report = analyzer.analyze(&story?)?;
        Ok(judge(&report, &analyzer.config().check, baseline))
    };
    // SARIF is one log for the run: results gather here and are written last.
    let mut log = (format == Format::Sarif).then(sarif::Log::default);
    let with_baseline = !baseline.findings.is_empty();
    corpus::process_ordered(stories_filtered(corpus, filter), work, |result| {
        watch.done();
        match result {
            Ok(outcome) => {
                summary.stories += 1;
                summary.failing += usize::from(!outcome.failing.is_empty());
                summary.accepted.add(&outcome);
                if let Some(log) = &mut log {
                    for f in outcome
                        .findings
                        .iter()
                        .filter(|f| f.severity >= analyzer.config().check.fail_on)
                    {
                        let accepted = baseline.contains(&outcome.story, f);
                        log.add(&outcome.story, f, with_baseline.then_some(accepted));
                    }
                    return Ok(());
                }
                write_outcome(out, &outcome, format)
            }
            Err(error) => {
                watch.unreadable(&error);
                summary.unreadable += 1;
                Ok(())
            }
        }
    })?;
    if let Some(log) = log {
        log.write(out)?;
    }
    Ok(summary)
}

/// The stories of a corpus: a `.jsonl` file, or a folder whose sub-folders
/// are stories (a folder of outlet files is a corpus of one story).
pub fn stories(corpus: &Path) -> Box<dyn Iterator<Item = Result<Story, InputError>>> {
    stories_filtered(corpus, &crate::load::Filter::default())
}

/// The story folders of a corpus folder, sorted, less those `filter`
/// excludes; the corpus itself when it is a folder of outlet files, and
/// nothing for a `.jsonl` corpus.
pub fn story_folders(corpus: &Path, filter: &crate::load::Filter) -> Vec<PathBuf> {
    if !corpus.is_dir() {
        return Vec::new();
    }
    let mut folders: Vec<PathBuf> = std::fs::read_dir(corpus)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_dir() && !filter.excludes(p))
                .collect()
        })
        .unwrap_or_default();
    if folders.is_empty() {
        folders.push(corpus.to_path_buf());
    }
    folders.sort();
    folders
}

/// [`stories`], leaving out the story folders and files `filter` excludes.
pub fn stories_filtered(
    corpus: &Path,
    filter: &crate::load::Filter,
) -> Box<dyn Iterator<Item = Result<Story, InputError>>> {
    if !corpus.is_dir() {
        return crate::load::open(&[corpus.to_path_buf()]);
    }
    let mut folders: Vec<PathBuf> = match std::fs::read_dir(corpus) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_dir() && !filter.excludes(p))
            .collect(),
        Err(e) => {
            let error = InputError::file(
                corpus.display().to_string(),
                format!("cannot read folder: {e}"),
            );
            return Box::new(std::iter::once(Err(error)));
        }
    };
    if folders.is_empty() {
        return crate::load::open_filtered(&[corpus.to_path_buf()], filter);
    }
    folders.sort();
    let filter = filter.clone();
    Box::new(
        folders
            .into_iter()
            .flat_map(move |folder| crate::load::open_filtered(&[folder], &filter)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_baseline_is_a_baseline_error_naming_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("baseline.json");
        std::fs::write(&path, "{\n  \"findings\": 3\n}\n").unwrap();
        let error = Baseline::from_file(&path).unwrap_err();
        assert_eq!(error.kind, ErrorKind::Baseline);
        assert_eq!(error.line, Some(2));
        assert!(error.source_name.ends_with("baseline.json"), "{error}");
        let missing = Baseline::from_file(&dir.path().join("none.json")).unwrap_err();
        assert_eq!(missing.kind, ErrorKind::Baseline);
    }

    #[test]
    fn the_exit_code_puts_unreadable_stories_before_failing_ones() {
        let summary = |failing, unreadable| Summary {
            stories: 3,
            failing,
            unreadable,
            fail_on: Severity::Error,
            accepted: Baseline::default(),
        };
        assert_eq!(summary(0, 0).exit_code(), 0);
        assert_eq!(summary(1, 0).exit_code(), EXIT_FINDINGS);
        assert_eq!(summary(1, 1).exit_code(), EXIT_BAD_INPUT);
    }

    #[test]
    fn the_check_summary_counts_one_story_in_the_singular() {
        let summary = |stories| Summary {
            stories,
            failing: 0,
            unreadable: 0,
            fail_on: Severity::Error,
            accepted: Baseline::default(),
        };
        assert_eq!(
            summary(1).to_string(),
            "storydiff check: 1 story, 0 with findings at or above error, 0 unreadable"
        );
        assert!(summary(2).to_string().contains(": 2 stories, "));
    }
}
