//! The browser app: a yew single-page journey editor with results drawn from worker-computed summaries.
//!
//! Data flows one way: the [`state::EditState`] reducer holds the scenario being edited; a valid scenario
//! goes to the engine workers ([`engine`], on the generic [`workers`] client); their [`crate::sim::Summary`] comes back into the
//! [`state::RunState`] reducer and is drawn by [`results`] with the pure functions of [`charts`]. Each
//! reducer reaches components through its own context ([`context`]). [`persist`] keeps and
//! moves scenarios (library, autosave, share links, files, downloads) and [`views`] holds the embed and
//! presentation views chosen by the URL fragment. Calls that only mean something in a browser (the page
//! address, the clipboard, downloads, …) go through [`browser`], so the rest compiles and tests natively.

pub mod analysis;
pub mod browser;
pub mod charts;
pub mod context;
pub mod editor;
pub mod engine;
pub mod fields;
pub mod header;
pub mod parse;
pub mod persist;
pub mod results;
pub mod root;
pub mod run_provider;
pub mod spawn;
pub mod state;
pub mod structure;
pub mod ui;
pub mod views;
pub mod workers;

pub use root::{App, AppProps};
