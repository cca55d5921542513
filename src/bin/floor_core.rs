//! Size floor A: every non-UI feature (engine, store, chart SVGs, worker message codec) behind
//! `#[wasm_bindgen]` exports, no yew UI. See floor/exports.rs.

#[cfg(target_arch = "wasm32")]
#[path = "floor/exports.rs"]
mod exports;

fn main() {}
