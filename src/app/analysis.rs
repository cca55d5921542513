//! What-if analysis panel (issue 6): compare the current scenario with edited variants, find the levers
//! (tornado and rank correlations), rank the pain points worth fixing and solve for a target — all
//! computed by the engine in a dedicated worker ([`worker`], [`client`]) and drawn with
//! [`crate::app::charts::whatif`].

pub mod client;
pub mod compare_tab;
pub mod export;
pub mod fields;
pub mod panel;
pub mod protocol;
pub mod state;
pub mod tables;
pub mod target;
pub mod variants;
pub mod views;
pub mod worker;

pub use panel::{AnalysisPanel, AnalysisProps};
