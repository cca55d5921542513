//! Scenarios that last and travel: the library in browser storage, `.json` files, share links, the URL
//! fragment router, undo/redo and CSV/JSON exports.
//!
//! Everything here is pure Rust and tested natively, except `browser` (compiled on wasm32 only), which
//! puts the [`KeyValue`] trait over `window.localStorage` (gloo-storage's handle, after a probe). Data
//! flows:
//!
//! - file text → [`file::import_json`] → [`file::migrate`] → serde → [`validate`](crate::sim::validate())
//!   → [`Scenario`](crate::sim::Scenario); [`file::export_json`] writes the documented format;
//! - URL fragment → [`route::parse_route`] → [`link::decode_fragment`] (base64url, raw deflate, then the
//!   same migration and validation as files); [`link::encode_fragment`] and [`route::route_fragment`] write;
//! - `#compare/…` → [`compare::decode_comparison`]: the baseline and variants, each an `s1.` link;
//! - [`library::Library`] stores one key per scenario under `journey-sim/v1/` in any [`KeyValue`] store:
//!   [`MemoryStore`] natively and as the fallback, `BrowserStore` in the browser, [`AnyStore`] for either.

pub mod any;
#[cfg(target_arch = "wasm32")]
pub mod browser;
pub mod compare;
pub mod export;
pub mod file;
pub mod history;
pub mod kv;
pub mod library;
pub mod link;
pub mod route;
pub mod words;

pub use any::AnyStore;
pub use compare::{decode_comparison, encode_comparison, ComparisonError};
pub use file::{export_json, import_json, migrate, ImportError};
pub use history::History;
pub use kv::{KeyValue, MemoryStore, StoreError};
pub use library::{Entry, Library, LibraryError, LibraryItem, Saved};
pub use link::{decode_fragment, encode_fragment, LinkError};
pub use route::{parse_route, route_fragment, Chart, Route};
