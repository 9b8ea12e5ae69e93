//! Command-line arguments, declared with clap's derive API.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::compare::Severity;
use crate::render::Format;

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
    pub format: Option<Format>,

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
    pub fail_on: Option<Severity>,

    /// Accept the findings listed in this baseline file; only new ones fail.
    #[arg(long, value_name = "FILE", help_heading = "Policy")]
    pub baseline: Option<PathBuf>,

    /// Write every finding of this run to FILE as a baseline for later runs.
    #[arg(long, value_name = "FILE", help_heading = "Policy")]
    pub write_baseline: Option<PathBuf>,

    /// Output format (table on a terminal, json otherwise): one line per story.
    #[arg(long, value_enum, help_heading = "Output")]
    pub format: Option<Format>,

    /// Configuration file (default: storydiff.toml in the working directory or above).
    #[arg(long, value_name = "FILE", help_heading = "Matching")]
    pub config: Option<PathBuf>,

    /// Similarity (0 to 1) at or above which two claims are the same claim.
    #[arg(long, value_name = "X", help_heading = "Matching")]
    pub threshold: Option<f64>,
}
