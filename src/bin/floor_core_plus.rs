//! Size floor A+: floor A plus the app's other non-UI helpers (tables, CSV/JSON exports, undo history).

#[cfg(target_arch = "wasm32")]
#[path = "floor/exports.rs"]
mod exports;

#[cfg(target_arch = "wasm32")]
#[path = "floor/extras.rs"]
mod extras;

fn main() {}
