//! Command-line arguments, declared with clap's derive API. The library
//! knows nothing of clap: the value enums here map onto its types.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anstream::{AutoStream, ColorChoice};
use clap::{Args, Parser, Subcommand, ValueEnum};

use storydiff::Config;
use storydiff::model::Severity;
use storydiff::render::{Format, Layout, View, table};

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
    Compare(CompareArgs),
    /// Print each version's claims with their positions and features.
    Claims(ListArgs),
    /// Print each version's figures.
    Figures(ListArgs),
    /// For CI: compare every story of a corpus; exit 1 when findings exceed the policy.
    Check(CheckArgs),
    /// Print the effective configuration (defaults merged with storydiff.toml) as TOML.
    Config(ConfigArgs),
    /// Print a shell's completion script for storydiff.
    Completions(CompletionsArgs),
    /// Print storydiff's man page, or write a page per subcommand into a folder.
    Man(ManArgs),
    /// Print the JSON Schema of the JSON that compare, claims or figures write.
    Schema(SchemaArgs),
}

/// Options of `storydiff completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Options of `storydiff man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write storydiff.1 and a page per subcommand (storydiff-compare.1, ...) into DIR instead.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// Options of `storydiff schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Which output's schema: one line of `compare`, `claims` or `figures` with --format json.
    #[arg(value_enum, default_value = "compare")]
    pub of: SchemaArg,
}

/// The JSON outputs that have a schema ([`storydiff::render::json::Output`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaArg {
    /// A story's report (`storydiff compare --format json`).
    Compare,
    /// A version's claims (`storydiff claims --format json`).
    Claims,
    /// A version's figures (`storydiff figures --format json`).
    Figures,
}

impl From<SchemaArg> for storydiff::render::json::Output {
    fn from(of: SchemaArg) -> Self {
        match of {
            SchemaArg::Compare => Self::Report,
            SchemaArg::Claims => Self::Claims,
            SchemaArg::Figures => Self::Figures,
        }
    }
}

/// What `compare`, `claims` and `figures` run: the view, the format asked
/// for, the shared options and, for `compare`, the reference outlet.
pub struct StoryRun {
    /// What is shown of each story.
    pub view: View,
    /// `--format`, when given.
    pub format: Option<Format>,
    /// The options every story subcommand shares.
    pub common: Common,
    /// `--reference`, when given.
    pub reference: Option<String>,
}

impl From<Command> for StoryRun {
    /// The run of a story subcommand (`compare`, `claims` or `figures`).
    ///
    /// # Panics
    ///
    /// On any other subcommand.
    fn from(command: Command) -> StoryRun {
        let (view, format, common, reference) = match command {
            Command::Compare(a) => (
                View::Compare,
                a.format.map(Format::from),
                a.common,
                a.reference,
            ),
            Command::Claims(a) => (View::Claims, a.format.map(Format::from), a.common, None),
            Command::Figures(a) => (View::Figures, a.format.map(Format::from), a.common, None),
            _ => unreachable!("not a story subcommand"),
        };
        StoryRun {
            view,
            format,
            common,
            reference,
        }
    }
}

/// The layout of a run's output and the colour choice for its stream: a
/// table is coloured as [`ColorArg::choice`] decides, and its stream strips
/// escape sequences when it is not; other formats have no colour and pass
/// through byte for byte.
pub fn layout(common: &Common, format: Format) -> (Layout, ColorChoice) {
    let to_stdout = common.output.is_none();
    let color = common.color.choice(to_stdout);
    let terminal = to_stdout && std::io::stdout().is_terminal();
    let layout = Layout {
        width: common.width.unwrap_or_else(|| table::width(terminal)),
        color: color != ColorChoice::Never,
    };
    let stream = if format == Format::Table {
        color
    } else {
        ColorChoice::AlwaysAnsi
    };
    (layout, stream)
}

/// Options of `storydiff config`.
#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Configuration file (default: storydiff.toml in the working directory or above).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// Options of `storydiff compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Output format (default: from the extension of --output, else table).
    #[arg(long, value_enum, help_heading = "Output")]
    pub format: Option<FormatArg>,

    /// Word-diff each cluster's claims against OUTLET's claim, when it carries one (default: the cluster's first outlet).
    #[arg(long, value_name = "OUTLET", help_heading = "Output")]
    pub reference: Option<String>,

    /// The options every story subcommand shares.
    #[command(flatten)]
    pub common: Common,
}

/// Options of `storydiff claims` and `storydiff figures`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Output format (default: from the extension of --output, else table).
    #[arg(long, value_enum, help_heading = "Output")]
    pub format: Option<ListFormatArg>,

    /// The options every story subcommand shares.
    #[command(flatten)]
    pub common: Common,
}

/// Options shared by `compare`, `claims` and `figures`.
#[derive(Debug, Args)]
pub struct Common {
    /// Files of one story, a folder of outlet files, a .json story, a .jsonl corpus, or - for JSON Lines on stdin.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,

    /// Write the output to FILE instead of stdout.
    #[arg(long, value_name = "FILE", help_heading = "Output")]
    pub output: Option<PathBuf>,

    /// Table width in columns (default: the terminal's, else 100).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(40..), help_heading = "Output")]
    pub width: Option<u16>,

    /// Colour the table: auto (on a terminal, unless NO_COLOR is set or CLICOLOR=0; CLICOLOR_FORCE=1 forces it), always or never.
    #[arg(
        long,
        value_enum,
        value_name = "WHEN",
        default_value = "auto",
        help_heading = "Output"
    )]
    pub color: ColorArg,

    /// Leave out files of input folders that match GLOB (by name or path); repeatable.
    #[arg(long, value_name = "GLOB", help_heading = "Input")]
    pub exclude: Vec<String>,

    /// Configuration file (default: storydiff.toml in the working directory or above).
    #[arg(long, value_name = "FILE", help_heading = "Matching")]
    pub config: Option<PathBuf>,

    /// Similarity (0 to 1) at or above which two claims are the same claim.
    #[arg(long, value_name = "X", help_heading = "Matching")]
    pub threshold: Option<f64>,
}

/// When to colour the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    /// On a terminal, unless `NO_COLOR` is set.
    Auto,
    /// Always, also through a pipe or into a file.
    Always,
    /// Never.
    Never,
}

impl ColorArg {
    /// Whether to colour, as anstream decides it from `--color`, the
    /// environment (`NO_COLOR`, `CLICOLOR`, `CLICOLOR_FORCE`, `TERM=dumb`)
    /// and whether the output is a terminal: stdout when `to_stdout`, else a
    /// file, which is none. `Always` or `Never`.
    pub fn choice(self, to_stdout: bool) -> ColorChoice {
        match self {
            ColorArg::Auto => ColorChoice::Auto,
            ColorArg::Always => ColorChoice::Always,
            ColorArg::Never => ColorChoice::Never,
        }
        .write_global();
        if to_stdout {
            AutoStream::choice(&std::io::stdout())
        } else {
            // A file is no terminal: coloured only when asked (`always`, or
            // `CLICOLOR_FORCE`), as a pipe is.
            AutoStream::choice(&Vec::<u8>::new())
        }
    }
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

    /// Output format (default: table): one line per story, SARIF 2.1.0, or GitHub workflow annotations.
    #[arg(long, value_enum, help_heading = "Output")]
    pub format: Option<CheckFormatArg>,

    /// Leave out story folders and files that match GLOB (by name or path); repeatable.
    #[arg(long, value_name = "GLOB", help_heading = "Input")]
    pub exclude: Vec<String>,

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
/// working directory, else the defaults; `threshold` and `reference`
/// override the file's.
pub fn config(
    explicit: Option<&Path>,
    threshold: Option<f64>,
    reference: Option<String>,
) -> anyhow::Result<Config> {
    let mut config = Config::discover(explicit, std::env::current_dir().ok().as_deref())?;
    if reference.is_some() {
        config.compare.reference = reference;
    }
    if let Some(threshold) = threshold {
        anyhow::ensure!(
            (0.0..=1.0).contains(&threshold),
            "--threshold must be between 0 and 1, got {threshold}"
        );
        config.align.threshold = threshold;
    }
    Ok(config)
}

/// The formats of `claims` and `figures` ([`Format`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormatArg {
    /// A terminal table.
    Table,
    /// JSON, one object per version.
    Json,
}

/// The formats of `check` ([`Format`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormatArg {
    /// One line per story, with its failing findings.
    Table,
    /// One JSON object per story.
    Json,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
    /// GitHub Actions workflow annotations (`::error file=…`).
    Github,
}

/// The format asked for; else the one `output`'s extension names (`.json`,
/// `.md`, `.html`, `.sarif`), else a table, whether or not stdout is a
/// terminal (as ripgrep does: a pipe gets what a terminal gets).
pub fn format(asked: Option<Format>, output: Option<&Path>) -> Format {
    asked
        .or_else(|| output.and_then(Format::from_extension))
        .unwrap_or(Format::Table)
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

impl From<ListFormatArg> for Format {
    fn from(format: ListFormatArg) -> Format {
        match format {
            ListFormatArg::Table => Format::Table,
            ListFormatArg::Json => Format::Json,
        }
    }
}

impl From<CheckFormatArg> for Format {
    fn from(format: CheckFormatArg) -> Format {
        match format {
            CheckFormatArg::Table => Format::Table,
            CheckFormatArg::Json => Format::Json,
            CheckFormatArg::Sarif => Format::Sarif,
            CheckFormatArg::Github => Format::Github,
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

    #[test]
    fn help_lists_only_the_formats_each_subcommand_writes() {
        let mut cli = Cli::command();
        let formats = |cli: &mut clap::Command, name: &str| -> Vec<String> {
            let sub = cli.find_subcommand_mut(name).unwrap();
            let arg = sub
                .get_arguments()
                .find(|a| a.get_id() == "format")
                .unwrap();
            arg.get_possible_values()
                .iter()
                .map(|v| v.get_name().to_string())
                .collect()
        };
        assert_eq!(
            formats(&mut cli, "compare"),
            ["table", "json", "markdown", "html"]
        );
        assert_eq!(formats(&mut cli, "claims"), ["table", "json"]);
        assert_eq!(formats(&mut cli, "figures"), ["table", "json"]);
        assert_eq!(
            formats(&mut cli, "check"),
            ["table", "json", "sarif", "github"]
        );
    }
}
