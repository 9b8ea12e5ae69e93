//! Corpus work: many stories processed in parallel, results kept in input order.
//!
//! Stories are pulled from their iterator a chunk at a time, worked on with
//! rayon, and handed to the sink in the order they came in, so output is the
//! same whatever the thread timing, and memory holds one chunk, not the corpus.

use rayon::prelude::*;

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
