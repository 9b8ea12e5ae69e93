//! The storydiff binary: parse arguments, run the library, pick the exit code.

// The binary is the one place that prints; the library never does.
#![allow(clippy::print_stderr)]

mod allocator;
mod args;
mod generate;
mod progress;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

use args::{CheckArgs, Cli, Command, StoryRun};
use progress::Progress;
use storydiff::check::{self, Baseline};
use storydiff::error::EXIT_BAD_INPUT;
use storydiff::output::Output;
use storydiff::render::{self, Format};
use storydiff::{Analyzer, corpus};

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Check(args) => run_check(args),
        c @ (Command::Compare(_) | Command::Claims(_) | Command::Figures(_)) => run(c.into()),
        other => generate::run(other),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            let message = format!("{error:#}");
            eprintln!("storydiff: {}", render::terminal::clean(&message));
            ExitCode::from(EXIT_BAD_INPUT)
        }
    }
}

fn run(story_run: StoryRun) -> anyhow::Result<u8> {
    let StoryRun {
        view,
        format,
        common,
        reference,
    } = story_run;
    let config = args::config(common.config.as_deref(), common.threshold, reference)?;
    let format = args::format(format, common.output.as_deref());
    let filter = storydiff::load::Filter::new(&common.exclude)?;
    progress::notify_skipped(&common.inputs, &filter);
    let (layout, stream) = args::layout(&common, format);
    let mut out = Output::open(common.output.as_deref(), &common.inputs, stream)?;
    let is_corpus = storydiff::load::is_corpus(&common.inputs);
    let title = corpus::title(&common.inputs);
    let mut renderer = render::renderer(view, format, layout, is_corpus, &title)?;
    let analyzer = Analyzer::new(&config)?;
    let work = |story| corpus::item(view, story, &analyzer);
    let stories = storydiff::load::open_filtered(&common.inputs, &filter);
    let mut progress = Progress::new(is_corpus);
    let tally = corpus::render(stories, work, &mut *renderer, &mut out, &mut progress)?;
    progress.finish();
    // A run that read no story leaves a previous `--output` file in place.
    out.finish(tally.read > 0)?;
    if let (0, Some(path)) = (tally.read, &common.output) {
        eprintln!(
            "storydiff: {}: nothing written, left as it was",
            path.display()
        );
    }
    Ok(if tally.unreadable > 0 {
        EXIT_BAD_INPUT
    } else {
        0
    })
}

/// `check`: its summary picks the exit code.
fn run_check(args: CheckArgs) -> anyhow::Result<u8> {
    let mut config = args::config(args.config.as_deref(), args.threshold, None)?;
    // `check` shows no word diffs: a reference outlet that some story lacks
    // is no reason to fail it.
    config.compare.reference = None;
    if let Some(fail_on) = args.fail_on {
        config.check.fail_on = fail_on.into();
    }
    let baseline = match &args.baseline {
        Some(path) => Baseline::from_file(path)?,
        None => Baseline::default(),
    };
    let format = args::format(args.format.map(Format::from), None);
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut progress = Progress::new(true);
    let filter = storydiff::load::Filter::new(&args.exclude)?;
    progress::notify_skipped(&check::story_folders(&args.corpus, &filter), &filter);
    let summary = check::run(
        &args.corpus,
        &filter,
        &Analyzer::new(&config)?,
        &baseline,
        format,
        &mut out,
        &mut progress,
    )?;
    progress.finish();
    out.flush()?;
    if let Some(path) = &args.write_baseline {
        summary.accepted.write_file(path)?;
    }
    eprintln!("{summary}");
    Ok(summary.exit_code())
}

/// A reader that stops early (`| head`) ends the run quietly, not as an error.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .downcast_ref::<io::Error>()
        .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
}
