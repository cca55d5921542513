//! What-if analysis: compare scenarios with common random numbers, find the levers (tornado and rank
//! correlations), rank the pain points worth fixing, and solve for the input that reaches a target.

pub mod compare;
pub mod inputs;
pub mod pain;
pub mod target;
pub mod tornado;

pub use compare::{compare, Comparison, KpiDiff, VariantResult};
pub use inputs::{inputs, Input};
pub use pain::{rank_pain_points, PainWorth};
pub use target::{seek_target, TargetAnswer};
pub use tornado::{tornado, Tornado, TornadoBar};
