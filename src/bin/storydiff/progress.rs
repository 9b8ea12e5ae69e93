//! What a run says on stderr besides errors: the spinner of a corpus run,
//! and which files of the input folders are skipped.

// The binary is the one place that prints; the library never does.
#![allow(clippy::print_stderr)]

use std::io::{self, IsTerminal};

use storydiff::InputError;
use storydiff::corpus::Watch;

/// A spinner on stderr for corpus work, shown only when stderr is a terminal
/// (single stories finish too fast for one to help); unreadable stories are
/// reported above it.
pub struct Progress(Option<indicatif::ProgressBar>);

impl Progress {
    pub fn new(corpus: bool) -> Progress {
        Progress((corpus && io::stderr().is_terminal()).then(|| {
            let bar = indicatif::ProgressBar::new_spinner();
            bar.set_message("stories");
            bar
        }))
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

impl Watch for Progress {
    fn done(&mut self) {
        if let Some(bar) = &self.0 {
            bar.inc(1);
        }
    }

    fn unreadable(&mut self, error: &InputError) {
        // Story ids, outlet names and file names come from the input: no
        // control sequence of theirs reaches the terminal.
        let message = storydiff::render::terminal::clean(&error.to_string()).into_owned();
        match &self.0 {
            Some(bar) => bar.suspend(|| eprintln!("storydiff: {message}")),
            None => eprintln!("storydiff: {message}"),
        }
    }
}

/// Say on stderr which files of the input folders are not read as outlets, and why.
pub fn notify_skipped(inputs: &[std::path::PathBuf], filter: &storydiff::load::Filter) {
    for skipped in storydiff::load::skipped(inputs, filter) {
        let path = skipped.path.display().to_string();
        eprintln!(
            "storydiff: skipping {}: {}",
            storydiff::render::terminal::one_line(&path),
            skipped.reason
        );
    }
}
