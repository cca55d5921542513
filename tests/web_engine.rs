//! The engine in the browser gives the same numbers as natively: the pinned figures of
//! `tests/engine_stability.rs`, computed in headless Chromium.
#![cfg(target_arch = "wasm32")]

#[path = "support/pinned.rs"]
mod pinned;

use pinned::{pinned_figures, pinned_summary, PINNED};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn wasm_matches_native_pins() {
    let figures = pinned_figures(&pinned_summary());
    for ((name, got), want) in figures.iter().zip(PINNED) {
        assert!(
            (got - want).abs() <= 1e-9 * want.abs().max(1.0),
            "{name}: {got:?}, pinned {want:?}"
        );
    }
}
