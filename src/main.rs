//! The storydiff binary: parse arguments, run the library, render, pick the exit code.

// The binary is the one place that prints; the library never does.
#![allow(clippy::print_stderr)]

use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

use storydiff::check::{self, Baseline, Outcome};
use storydiff::cli::{CheckArgs, Cli, Command};
use storydiff::render::{self, Format, Layout, html};
use storydiff::{Config, InputError};

/// Exit code for bad arguments or input.
const EXIT_BAD_INPUT: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("storydiff: {error:#}");
            ExitCode::from(EXIT_BAD_INPUT)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let (command, common) = match cli.command {
        Command::Compare(c) => ("compare", c),
        Command::Claims(c) => ("claims", c),
        Command::Figures(c) => ("figures", c),
        Command::Check(args) => return run_check(args),
        Command::Config(args) => {
            let config = load_config(args.config.as_deref(), None)?;
            let mut out = io::stdout().lock();
            out.write_all(toml::to_string(&config)?.as_bytes())?;
            return Ok(ExitCode::SUCCESS);
        }
    };
    let config = load_config(common.config.as_deref(), common.threshold)?;
    let format = common.format.unwrap_or(if io::stdout().is_terminal() {
        Format::Table
    } else {
        Format::Json
    });
    let mut out: Box<dyn Write> = match &common.output {
        Some(path) => {
            let file = std::fs::File::create(path)
                .map_err(|e| anyhow::anyhow!("{}: cannot write: {e}", path.display()))?;
            Box::new(io::BufWriter::new(file))
        }
        None => Box::new(io::BufWriter::new(io::stdout().lock())),
    };
    anyhow::ensure!(
        command == "compare" || matches!(format, Format::Table | Format::Json),
        "`storydiff {command}` writes table or json; markdown and html are for `compare`"
    );
    let layout = Layout {
        color: common.output.is_none()
            && io::stdout().is_terminal()
            && std::env::var_os("NO_COLOR").is_none(),
        ..Layout::default()
    };
    let is_corpus = storydiff::load::is_corpus(&common.inputs);
    let progress = Progress::new(is_corpus);
    // A corpus in HTML is one document, a section per story: the worker
    // renders each section, and the document keeps only its contents line.
    let mut document = match (command, format, is_corpus) {
        ("compare", Format::Html, true) => Some(html::Document::start(
            &mut out,
            &document_title(&common.inputs),
        )?),
        _ => None,
    };
    let sections = document.is_some();
    let mut bad = 0usize;
    type Rendered = Result<(Vec<u8>, Option<html::Entry>), InputError>;
    let work =
        |(index, story): (usize, Result<storydiff::Story, InputError>)| -> (usize, Rendered) {
            let rendered = story.and_then(|story| {
                let mut buffer = Vec::new();
                let written = match command {
                    "compare" => {
                        let report = storydiff::analyze(&story, &config)?;
                        if sections {
                            let entry = html::section(&mut buffer, &report, index + 1)
                                .expect("writing to memory cannot fail");
                            return Ok((buffer, Some(entry)));
                        }
                        render::report(&mut buffer, &report, format, layout)
                    }
                    "claims" => render::claims(
                        &mut buffer,
                        &story,
                        &storydiff::claims(&story, &config),
                        format,
                        layout,
                    ),
                    _ => render::figures(
                        &mut buffer,
                        &story,
                        &storydiff::claims(&story, &config),
                        format,
                        layout,
                    ),
                };
                written.expect("writing to memory cannot fail");
                Ok((buffer, None))
            });
            (index, rendered)
        };
    let stories = storydiff::load::open(&common.inputs).enumerate();
    storydiff::corpus::process_ordered(stories, work, |(index, result)| -> io::Result<()> {
        progress.tick();
        match result {
            Ok((bytes, entry)) => {
                out.write_all(&bytes)?;
                if let (Some(document), Some(entry)) = (&mut document, entry) {
                    document.add(entry);
                }
                Ok(())
            }
            Err(error) => {
                progress.suspend(|| report_bad_input(&error));
                bad += 1;
                if let Some(document) = &mut document {
                    document.add(html::unreadable_section(&mut out, &error, index + 1)?);
                }
                Ok(())
            }
        }
    })?;
    if let Some(document) = document {
        document.finish(&mut out)?;
    }
    progress.finish();
    out.flush()?;
    Ok(if bad > 0 {
        ExitCode::from(EXIT_BAD_INPUT)
    } else {
        ExitCode::SUCCESS
    })
}

/// Exit code when findings exceed the policy of `storydiff check`.
const EXIT_FINDINGS: u8 = 1;

fn run_check(args: CheckArgs) -> anyhow::Result<ExitCode> {
    let mut config = load_config(args.config.as_deref(), args.threshold)?;
    if let Some(fail_on) = args.fail_on {
        config.check.fail_on = fail_on;
    }
    let baseline = match &args.baseline {
        Some(path) => Baseline::from_file(path)?,
        None => Baseline::default(),
    };
    let format = args.format.unwrap_or(if io::stdout().is_terminal() {
        Format::Table
    } else {
        Format::Json
    });
    anyhow::ensure!(
        matches!(format, Format::Table | Format::Json),
        "`storydiff check` writes table or json"
    );
    let mut out = io::BufWriter::new(io::stdout().lock());
    let progress = Progress::new(true);
    let (mut bad, mut failing, mut stories) = (0usize, 0usize, 0usize);
    let mut accepted = Baseline::default();
    let work = |story: Result<storydiff::Story, InputError>| -> Result<Outcome, InputError> {
        let report = storydiff::analyze(&story?, &config)?;
        Ok(check::judge(&report, &config.check, &baseline))
    };
    storydiff::corpus::process_ordered(check::stories(&args.corpus), work, |result| {
        progress.tick();
        match result {
            Ok(outcome) => {
                stories += 1;
                failing += usize::from(!outcome.failing.is_empty());
                accepted.add(&outcome);
                check::write_outcome(&mut out, &outcome, format)
            }
            Err(error) => {
                progress.suspend(|| report_bad_input(&error));
                bad += 1;
                Ok(())
            }
        }
    })?;
    progress.finish();
    out.flush()?;
    if let Some(path) = &args.write_baseline {
        std::fs::write(path, serde_json::to_string_pretty(&accepted)? + "\n")
            .map_err(|e| anyhow::anyhow!("{}: cannot write: {e}", path.display()))?;
    }
    eprintln!(
        "storydiff check: {stories} stories, {failing} with findings at or above {}, {bad} unreadable",
        render::name(&config.check.fail_on)
    );
    Ok(if bad > 0 {
        ExitCode::from(EXIT_BAD_INPUT)
    } else if failing > 0 {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    })
}

/// A spinner on stderr for corpus work, shown only when stderr is a terminal.
/// Single stories finish too fast for one to help.
struct Progress(Option<indicatif::ProgressBar>);

impl Progress {
    fn new(corpus: bool) -> Progress {
        Progress((corpus && io::stderr().is_terminal()).then(|| {
            let bar = indicatif::ProgressBar::new_spinner();
            bar.set_message("stories");
            bar
        }))
    }

    fn tick(&self) {
        if let Some(bar) = &self.0 {
            bar.inc(1);
        }
    }

    fn suspend(&self, f: impl FnOnce()) {
        match &self.0 {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

fn load_config(explicit: Option<&Path>, threshold: Option<f64>) -> anyhow::Result<Config> {
    let path = match explicit {
        Some(path) => Some(path.to_path_buf()),
        None => std::env::current_dir()
            .ok()
            .and_then(|dir| Config::find_upward(&dir)),
    };
    let mut config = match path {
        Some(path) => Config::from_file(&path)?,
        None => Config::default(),
    };
    if let Some(threshold) = threshold {
        anyhow::ensure!(
            (0.0..=1.0).contains(&threshold),
            "--threshold must be between 0 and 1, got {threshold}"
        );
        config.align.threshold = threshold;
    }
    Ok(config)
}

/// What a corpus document is titled after: its inputs' file names.
fn document_title(inputs: &[std::path::PathBuf]) -> String {
    let names: Vec<String> = inputs
        .iter()
        .map(|input| {
            if input.as_os_str() == storydiff::load::STDIN_INPUT {
                "stdin".to_string()
            } else {
                input
                    .file_name()
                    .unwrap_or(input.as_os_str())
                    .to_string_lossy()
                    .into_owned()
            }
        })
        .collect();
    names.join(", ")
}

fn report_bad_input(error: &InputError) {
    eprintln!("storydiff: {error}");
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .downcast_ref::<io::Error>()
        .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
}
