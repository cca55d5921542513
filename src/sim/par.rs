//! Parallel helpers for the native runner and tests: summarising a large simulation on all cores. In
//! wasm (no threads) everything runs on the calling thread. Results never depend on the thread count.

/// Threads for summarising `runs` runs: natively, the machine's cores for large summaries (the result
/// is identical to one thread's); in wasm, one.
pub fn summary_threads(runs: usize) -> usize {
    if runs < 1_000 || cfg!(target_arch = "wasm32") {
        return 1;
    }
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Runs `a` on another thread while `b` runs on this one when `parallel`, else one after the other.
pub fn join<RA: Send, RB>(
    parallel: bool,
    a: impl FnOnce() -> RA + Send,
    b: impl FnOnce() -> RB,
) -> (RA, RB) {
    if !parallel || cfg!(target_arch = "wasm32") {
        return (a(), b());
    }
    std::thread::scope(|scope| {
        let handle = scope.spawn(a);
        let rb = b();
        let ra = handle
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        (ra, rb)
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn join_returns_both_results_in_order_either_way() {
        for parallel in [false, true] {
            let (a, b) = super::join(parallel, || (0..1000u64).sum::<u64>(), || "b");
            assert_eq!((a, b), (499_500, "b"), "parallel: {parallel}");
        }
    }
}
