//! Work counted in steps, for tests that tell linear code from quadratic
//! without timing it: code on a hot path calls [`step`] once per unit of
//! work (a character read, a pair compared), and a test compares the steps
//! two inputs take. Compiled for tests only.

use std::cell::Cell;

thread_local! {
    static STEPS: Cell<u64> = const { Cell::new(0) };
}

/// One unit of work done on this thread.
pub fn step() {
    STEPS.with(|steps| steps.set(steps.get() + 1));
}

/// The steps done on this thread since the last call, and start again.
pub fn take() -> u64 {
    STEPS.with(|steps| steps.replace(0))
}
