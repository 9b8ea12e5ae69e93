//! The storydiff binary: parse arguments, run the library, render, pick the exit code.

// The binary is the one place that prints; the library never does.
#![allow(clippy::print_stderr)]

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use storydiff::cli::{Cli, Command, Common};
use storydiff::render::{self, Format, Layout};
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
    };
    let config = load_config(&common)?;
    let format = common.format.unwrap_or(if io::stdout().is_terminal() {
        Format::Table
    } else {
        Format::Json
    });
    let mut out: Box<dyn Write> = match &common.output {
        Some(path) => Box::new(io::BufWriter::new(std::fs::File::create(path)?)),
        None => Box::new(io::BufWriter::new(io::stdout().lock())),
    };
    let layout = Layout::default();
    let mut bad = 0usize;
    for story in storydiff::load::open(&common.inputs) {
        let result = story.and_then(|story| match command {
            "compare" => storydiff::analyze(&story, &config)
                .map(|report| render::report(&mut out, &report, format, layout)),
            "claims" => Ok(render::claims(
                &mut out,
                &story,
                &storydiff::claims(&story, &config),
                format,
                layout,
            )),
            _ => Ok(render::figures(
                &mut out,
                &story,
                &storydiff::claims(&story, &config),
                format,
                layout,
            )),
        });
        match result {
            Ok(written) => written?,
            Err(error) => {
                report_bad_input(&error);
                bad += 1;
            }
        }
    }
    out.flush()?;
    Ok(if bad > 0 {
        ExitCode::from(EXIT_BAD_INPUT)
    } else {
        ExitCode::SUCCESS
    })
}

fn load_config(common: &Common) -> anyhow::Result<Config> {
    let path = match &common.config {
        Some(path) => Some(path.clone()),
        None => std::env::current_dir()
            .ok()
            .and_then(|dir| Config::find_upward(&dir)),
    };
    let mut config = match path {
        Some(path) => Config::from_file(&path)?,
        None => Config::default(),
    };
    if let Some(threshold) = common.threshold {
        anyhow::ensure!(
            (0.0..=1.0).contains(&threshold),
            "--threshold must be between 0 and 1, got {threshold}"
        );
        config.align.threshold = threshold;
    }
    Ok(config)
}

fn report_bad_input(error: &InputError) {
    eprintln!("storydiff: {error}");
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .downcast_ref::<io::Error>()
        .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
}
