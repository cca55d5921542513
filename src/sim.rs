//! The journey engine: scenario model, validation, seeded Monte Carlo, exact expectations and summaries.
//!
//! Pure Rust with no web dependencies, deterministic for a given seed on every platform.
//! Data flows one way: [`Scenario`] → [`Simulation`] → [`Batch`]es of run records → [`Summary`].

pub mod beta_fit;
pub mod btrs;
pub mod canon;
mod defaults;
pub mod engine;
pub mod error;
pub mod layout;
pub mod limits;
pub mod model;
pub mod names;
pub mod order;
pub mod par;
pub mod params;
pub mod pop;
pub mod quadrature;
pub mod record;
pub mod rng;
pub mod run;
pub mod sampler;
pub mod scenario;
pub mod special;
pub mod stats;
pub mod step;
pub mod summary;
pub mod templates;
pub mod uncertain;
pub mod validate;
pub mod whatif;

pub use engine::{Accumulator, Batch, Simulation, BATCH_RUNS};
pub use error::{DistError, ModelError, WhatIfError};
pub use names::{Cause, Kpi, Series, UnknownName};
pub use record::RunRecord;
pub use scenario::*;
pub use summary::{Band, FunnelEntry, KpiSummary, Summary};
pub use uncertain::{Prob, ProbDist, Rate, RateDist};
pub use validate::{validate, Problem, ProblemList};
