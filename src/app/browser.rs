//! The app's platform layer: the browser calls that mean nothing outside a browser — clocks, the page
//! address and history, the clipboard, focus and text selection, the colour-scheme query, window event
//! listeners, reading files and saving downloads.
//!
//! In the browser these are `web`'s; compiled natively (`cargo test`, clippy of the lib) they are
//! `native`'s stand-ins, which do nothing and answer "nothing there" (0 ms, an empty address, no
//! clipboard). This is the only place in the app with target cfgs besides [`super::spawn`] (starting web
//! workers from the page's own wasm), so the rest of the app reads as plain code that compiles and tests
//! on both targets.

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(target_arch = "wasm32")]
mod web;

#[cfg(not(target_arch = "wasm32"))]
pub use native::*;
#[cfg(target_arch = "wasm32")]
pub use web::*;
