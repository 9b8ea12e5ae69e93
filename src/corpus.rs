//! Corpus work: many stories processed in parallel, results kept in input order.
//!
//! Stories are pulled from their iterator a chunk at a time, worked on with
//! rayon, and handed to the sink in the order they came in, so output is the
//! same whatever the thread timing, and memory holds one chunk, not the corpus.

use std::io::{self, Write};
use std::path::PathBuf;

use rayon::prelude::*;

use crate::Analyzer;
use crate::error::InputError;
use crate::model::Story;
use crate::render::{Item, Renderer, View};

/// Stories in flight at once: enough to keep every core busy on uneven
/// story sizes, few enough that memory stays flat on a large corpus.
pub const CHUNK_SIZE: usize = 64;

/// Apply `work` to every item in parallel and give the results to `sink` in
/// input order. Stops at the first error `sink` returns.
pub fn process_ordered<I, T, F, S, E>(items: I, work: F, mut sink: S) -> Result<(), E>
where
    I: Iterator,
    I::Item: Send,
    T: Send,
    F: Fn(I::Item) -> T + Sync,
    S: FnMut(T) -> Result<(), E>,
{
    let mut items = items.peekable();
    while items.peek().is_some() {
        let chunk: Vec<I::Item> = items.by_ref().take(CHUNK_SIZE).collect();
        let results: Vec<T> = chunk.into_par_iter().map(&work).collect();
        for result in results {
            sink(result)?;
        }
    }
    Ok(())
}

/// What a run over `inputs` is titled after (the HTML corpus document):
/// their file names, `stdin` for `-`.
pub fn title(inputs: &[PathBuf]) -> String {
    let names: Vec<String> = inputs
        .iter()
        .map(|input| {
            if input.as_os_str() == crate::load::STDIN_INPUT {
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

/// What `view` shows of one story: its comparison report, or its claims.
pub fn item(view: View, story: Story, analyzer: &Analyzer) -> Result<Item, InputError> {
    Ok(match view {
        View::Compare => Item::Report(analyzer.analyze(&story)?),
        View::Claims => {
            let claims = analyzer.claims(&story);
            Item::Claims(story, claims)
        }
        // the figures need no framing cues
        View::Figures => {
            let claims = analyzer.figures(&story);
            Item::Claims(story, claims)
        }
    })
}

/// Whoever watches a corpus run: told of each story as it is done, and of
/// each story that could not be read or compared (the binary shows a spinner
/// and prints the error on stderr).
pub trait Watch {
    /// One more story is done.
    fn done(&mut self) {}
    /// A story could not be read or compared; the run goes on.
    fn unreadable(&mut self, error: &InputError);
}

/// How many stories a run read and rendered, and how many it could not.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Stories read and rendered.
    pub read: usize,
    /// Stories that could not be read or compared.
    pub unreadable: usize,
}

/// Run `work` on every story in parallel and give the results to `renderer`
/// in input order, then finish it.
pub fn render<F>(
    stories: impl Iterator<Item = Result<Story, InputError>>,
    work: F,
    renderer: &mut dyn Renderer,
    out: &mut dyn Write,
    watch: &mut dyn Watch,
) -> io::Result<Tally>
where
    F: Fn(Story) -> Result<Item, InputError> + Sync,
{
    let mut tally = Tally::default();
    let work = |(index, story): (usize, Result<Story, InputError>)| (index, story.and_then(&work));
    process_ordered(stories.enumerate(), work, |(index, result)| {
        watch.done();
        match result {
            Ok(item) => {
                tally.read += 1;
                renderer.story(out, &item, index + 1)
            }
            Err(error) => {
                watch.unreadable(&error);
                tally.unreadable += 1;
                renderer.error(out, &error, index + 1)
            }
        }
    })?;
    renderer.finish(out)?;
    Ok(tally)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_input_order() {
        let mut seen = Vec::new();
        let items = 0..(CHUNK_SIZE * 3 + 5);
        process_ordered(
            items,
            |i| i * 2,
            |r| -> Result<(), ()> {
                seen.push(r);
                Ok(())
            },
        )
        .unwrap();
        let expected: Vec<usize> = (0..(CHUNK_SIZE * 3 + 5)).map(|i| i * 2).collect();
        assert_eq!(seen, expected);
    }
}
