//! Documented limits on scenario sizes, shared by validation and the engine.

/// Most periods a scenario may simulate.
pub const MAX_HORIZON: u32 = 520;
/// Most Monte Carlo runs.
pub const MAX_RUNS: u32 = 100_000;
/// Largest initial cohort, inflow per period or market size.
pub const MAX_PEOPLE: u64 = 1_000_000_000;
/// Most funnel stages.
pub const MAX_STAGES: usize = 12;
/// Most personas.
pub const MAX_PERSONAS: usize = 8;
/// Most entries in a tolerance distribution ("leave after 1 … 10 poor experiences").
pub const MAX_TOLERANCE: usize = 10;
/// Most pain points, and most happy moments.
pub const MAX_EVENTS: usize = 50;
/// Longest mean time in a stage, in periods.
pub const MAX_MEAN_PERIODS: f64 = 520.0;
/// Largest multiplier (persona, advocate churn, delight).
pub const MAX_MULTIPLIER: f64 = 100.0;
/// Largest referrals per advocate per period.
pub const MAX_REFERRAL_RATE: f64 = 100.0;
/// Smallest and largest Beta shape for heterogeneous churn.
pub const CHURN_SHAPE_RANGE: (f64, f64) = (0.01, 10_000.0);
/// Largest seed: seeds stay exact in JavaScript numbers and JSON tools.
pub const MAX_SEED: u64 = (1 << 53) - 1;
/// Longest name or label, in characters.
pub const MAX_TEXT: usize = 200;
/// Most observed trials in an "x of n" input.
pub const MAX_TRIALS: u64 = 1_000_000_000;
/// Largest money amount per unit (cost, order value, reward).
pub const MAX_MONEY: f64 = 1e9;
