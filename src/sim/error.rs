//! The engine's typed errors: why an uncertain input has no distribution ([`DistError`]), why a scenario
//! cannot be resolved into a model ([`ModelError`]) and why a what-if analysis cannot run
//! ([`WhatIfError`]). Each carries what is wrong and where; its `Display` text is the message planners
//! see.

use std::fmt;

pub use super::beta_fit::FitError;
use super::uncertain::fmt_num;
use super::validate::{Problem, ProblemList};

/// Why an uncertain input has no distribution.
#[derive(Clone, Debug, PartialEq)]
pub enum DistError {
    /// No Beta distribution fits a probability's 90% range.
    Fit(FitError),
    /// A rate's range is not 0 < low < high < ∞.
    RateRange {
        /// The given low end.
        low: f64,
        /// The given high end.
        high: f64,
    },
}

impl fmt::Display for DistError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DistError::Fit(e) => e.fmt(f),
            DistError::RateRange { low, high } => write!(
                f,
                "a range needs 0 < low < high, got {} to {}",
                fmt_num(*low),
                fmt_num(*high)
            ),
        }
    }
}

impl std::error::Error for DistError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            DistError::Fit(e) => Some(e),
            DistError::RateRange { .. } => None,
        }
    }
}

impl From<FitError> for DistError {
    fn from(e: FitError) -> Self {
        DistError::Fit(e)
    }
}

/// An input of a scenario that has no distribution (validation reports these first, so a validated
/// scenario does not give one).
#[derive(Clone, Debug, PartialEq)]
pub struct ModelError {
    /// Path of the input, as validation names it (e.g. `stages[2].conversion`).
    pub input: String,
    /// Why it has no distribution.
    pub error: DistError,
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.error.fmt(f)
    }
}

impl std::error::Error for ModelError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}

/// Why a what-if analysis cannot run.
#[derive(Clone, Debug, PartialEq)]
pub enum WhatIfError {
    /// The scenario (or an edit of it the analysis makes) does not pass validation.
    Invalid(Vec<Problem>),
    /// Target seeking was asked to solve for a rate (it searches probabilities in [0, 1]).
    TargetOnRate,
}

impl fmt::Display for WhatIfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WhatIfError::Invalid(problems) => ProblemList(problems).fmt(f),
            WhatIfError::TargetOnRate => f.write_str(
                "target seeking works on probabilities; referrals per advocate is a rate",
            ),
        }
    }
}

impl std::error::Error for WhatIfError {}
