//! journey-sim: a customer-journey simulator.
//!
//! [`sim`] is the engine: pure Rust, deterministic for a seed, with no web dependencies.

pub mod app;
pub mod sim;
pub mod store;
