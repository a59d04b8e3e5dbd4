//! A count of the work one analysis does, in steps of its inner loops
//! (tokens read, index postings visited, alignment cells filled, pairs of
//! figures compared, …), so a test can check that the work grows linearly
//! with the input without timing anything. Counting is a thread-local add
//! per loop batch: nothing measurable next to the loops themselves.

use std::cell::Cell;

thread_local! {
    static WORK: Cell<u64> = const { Cell::new(0) };
}

/// Adds `n` steps to this thread's count.
pub(crate) fn add(n: usize) {
    WORK.with(|w| w.set(w.get().saturating_add(n as u64)));
}

/// Runs `f` and returns its result with the steps it counted.
pub fn counted<T>(f: impl FnOnce() -> T) -> (T, u64) {
    let before = WORK.with(Cell::get);
    let out = f();
    (out, WORK.with(Cell::get).saturating_sub(before))
}
