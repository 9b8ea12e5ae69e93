//! Command-line arguments, declared with clap's derive API. The library
//! knows nothing of clap: the value enums here map onto its types.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand, ValueEnum};

use storydiff::Config;
use storydiff::model::Severity;
use storydiff::render::Format;

/// storydiff: compare several outlets' versions of one news story.
#[derive(Debug, Parser)]
#[command(name = "storydiff", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Align the claims of a story's versions and report what agrees, differs or is missing.
    Compare(Common),
    /// Print each version's claims with their positions and features.
    Claims(Common),
    /// Print each version's figures.
    Figures(Common),
    /// For CI: compare every story of a corpus; exit 1 when findings exceed the policy.
    Check(CheckArgs),
    /// Print the effective configuration (defaults merged with storydiff.toml) as TOML.
    Config(ConfigArgs),
}

/// Options of `storydiff config`.
#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Configuration file (default: storydiff.toml in the working directory or above).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// Options shared by every subcommand.
#[derive(Debug, Args)]
pub struct Common {
    /// Files of one story, a folder of outlet files, a .json story, a .jsonl corpus, or - for JSON Lines on stdin.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,

    /// Output format (table on a terminal, json otherwise).
    #[arg(long, value_enum, help_heading = "Output")]
    pub format: Option<FormatArg>,

    /// Write the output to FILE instead of stdout.
    #[arg(long, value_name = "FILE", help_heading = "Output")]
    pub output: Option<PathBuf>,

    /// Configuration file (default: storydiff.toml in the working directory or above).
    #[arg(long, value_name = "FILE", help_heading = "Matching")]
    pub config: Option<PathBuf>,

    /// Similarity (0 to 1) at or above which two claims are the same claim.
    #[arg(long, value_name = "X", help_heading = "Matching")]
    pub threshold: Option<f64>,
}

/// Options of `storydiff check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// A .jsonl corpus, or a folder of story folders.
    pub corpus: PathBuf,

    /// Fail on findings at or above this severity (default: from storydiff.toml, else error).
    #[arg(long, value_enum, value_name = "SEVERITY", help_heading = "Policy")]
    pub fail_on: Option<SeverityArg>,

    /// Accept the findings listed in this baseline file; only new ones fail.
    #[arg(long, value_name = "FILE", help_heading = "Policy")]
    pub baseline: Option<PathBuf>,

    /// Write every finding of this run to FILE as a baseline for later runs.
    #[arg(long, value_name = "FILE", help_heading = "Policy")]
    pub write_baseline: Option<PathBuf>,

    /// Output format (table on a terminal, json otherwise): one line per story.
    #[arg(long, value_enum, help_heading = "Output")]
    pub format: Option<FormatArg>,

    /// Configuration file (default: storydiff.toml in the working directory or above).
    #[arg(long, value_name = "FILE", help_heading = "Matching")]
    pub config: Option<PathBuf>,

    /// Similarity (0 to 1) at or above which two claims are the same claim.
    #[arg(long, value_name = "X", help_heading = "Matching")]
    pub threshold: Option<f64>,
}

/// The output formats ([`Format`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// A terminal table.
    Table,
    /// JSON, one object per line for several stories.
    Json,
    /// Markdown, for issues, wikis and newsletters.
    Markdown,
    /// One self-contained HTML page; one document with a section per story for a corpus.
    Html,
}

/// The configuration: `explicit`, else `storydiff.toml` found upward from the
/// working directory, else the defaults; `threshold` overrides the file's.
pub fn config(explicit: Option<&Path>, threshold: Option<f64>) -> anyhow::Result<Config> {
    let mut config = Config::discover(explicit, std::env::current_dir().ok().as_deref())?;
    if let Some(threshold) = threshold {
        anyhow::ensure!(
            (0.0..=1.0).contains(&threshold),
            "--threshold must be between 0 and 1, got {threshold}"
        );
        config.align.threshold = threshold;
    }
    Ok(config)
}

/// The format asked for, else a table on a terminal and JSON otherwise.
pub fn format(asked: Option<FormatArg>) -> Format {
    match asked {
        Some(format) => format.into(),
        None if std::io::stdout().is_terminal() => Format::Table,
        None => Format::Json,
    }
}

impl From<FormatArg> for Format {
    fn from(format: FormatArg) -> Format {
        match format {
            FormatArg::Table => Format::Table,
            FormatArg::Json => Format::Json,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Html => Format::Html,
        }
    }
}

/// How much a finding matters ([`Severity`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SeverityArg {
    /// Worth knowing.
    Info,
    /// Worth a look.
    Warning,
    /// A contradiction between outlets.
    Error,
}

impl From<SeverityArg> for Severity {
    fn from(severity: SeverityArg) -> Severity {
        match severity {
            SeverityArg::Info => Severity::Info,
            SeverityArg::Warning => Severity::Warning,
            SeverityArg::Error => Severity::Error,
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::Cli;

    #[test]
    fn arguments_are_well_formed() {
        Cli::command().debug_assert();
    }
}
