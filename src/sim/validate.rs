//! Validation: every problem in a scenario at once, each with a location and a sentence a planner reads.
//!
//! [`validate`] never stops at the first problem and never panics, whatever the numbers (NaN, infinity,
//! huge values). Each [`Problem`] names a JSON-path-like location (`stages[2].conversion`,
//! `personas[1].share`, `retention.churn.alpha`, …) and says what is wrong in plain words, quoting
//! probabilities as percentages: `stages[2].conversion: must be between 0% and 100%, got 140%`.
//!
//! The limits come from [`crate::sim::limits`]. [`check_scenario_json`] parses and validates a scenario file.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::limits::{MAX_HORIZON, MAX_PEOPLE, MAX_RUNS, MAX_SEED};
use super::scenario::{Market, Meta, Scenario, SCHEMA_VERSION};

mod checks;
mod sections;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_json;
// proptest is a native-only dev-dependency (not built for the wasm32 test target).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests_props;

use checks::{count, fraction, name, plural, push};

/// One thing wrong with a scenario: where, and what.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// JSON-path-like location, e.g. `stages[2].conversion`, `meta.horizon`, or `json` for a parse error.
    pub path: String,
    /// A sentence a planner understands, e.g. `must be between 0% and 100%, got 140%`.
    pub message: String,
}

impl Problem {
    /// A problem at `path` with `message`.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    /// `path: message`, e.g. `meta.horizon: must be at least 1 period, got 0`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Problems shown on one line, each as `path: message`, separated by `; ` — how every message that lists
/// a scenario's problems (files, links, the library, the workers, what-if analysis) writes them.
pub struct ProblemList<'a>(pub &'a [Problem]);

impl fmt::Display for ProblemList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            p.fmt(f)?;
        }
        Ok(())
    }
}

/// Every problem in the scenario, in document order (empty when the scenario can be simulated).
pub fn validate(s: &Scenario) -> Vec<Problem> {
    let mut out = Vec::new();
    check_schema(&mut out, s.schema_version);
    check_meta(&mut out, &s.meta);
    check_market(&mut out, &s.market);
    sections::stages(&mut out, &s.stages);
    sections::retention(&mut out, &s.retention);
    sections::advocacy(&mut out, &s.advocacy, s.stages.len());
    sections::pain_points(&mut out, &s.pain_points, s.stages.len());
    sections::happy_moments(&mut out, &s.happy_moments, s.stages.len());
    checks::tolerance(&mut out, "tolerance", &s.tolerance);
    sections::personas(&mut out, &s.personas);
    sections::economics(&mut out, &s.economics);
    out
}

/// Parses a scenario from JSON and validates it.
///
/// A parse error becomes a single problem at path `json` whose message includes serde's
/// "at line L column C"; otherwise the problems are those of [`validate`]. Never panics.
pub fn check_scenario_json(text: &str) -> Result<Scenario, Vec<Problem>> {
    let scenario: Scenario = serde_json::from_str(text).map_err(|e| {
        vec![Problem::new(
            "json",
            format!("this is not a valid scenario file: {e}"),
        )]
    })?;
    let problems = validate(&scenario);
    if problems.is_empty() {
        Ok(scenario)
    } else {
        Err(problems)
    }
}

/// The format version must be the one this build reads (older files are migrated before validation).
fn check_schema(out: &mut Vec<Problem>, version: u32) {
    if version != SCHEMA_VERSION {
        let msg = format!(
            "this file is version {version}, but this version of journey-sim reads version {SCHEMA_VERSION}"
        );
        push(out, "schema_version", msg);
    }
}

/// Name, period label, horizon, runs and seed.
fn check_meta(out: &mut Vec<Problem>, m: &Meta) {
    name(out, "meta.name", &m.name);
    name(out, "meta.period_label", &m.period_label);
    at_least_one(out, "meta.horizon", m.horizon, MAX_HORIZON, "period");
    at_least_one(out, "meta.runs", m.runs, MAX_RUNS, "run");
    if m.seed > MAX_SEED {
        let msg = format!("at most {}, got {}", count(MAX_SEED), count(m.seed));
        push(out, "meta.seed", msg);
    }
}

/// A count between 1 and `max`: "must be at least 1 period, got 0" / "at most 520 periods, got 521".
fn at_least_one(out: &mut Vec<Problem>, path: &str, n: u32, max: u32, noun: &str) {
    if n == 0 {
        push(out, path, format!("must be at least 1 {noun}, got 0"));
    } else if n > max {
        let msg = format!(
            "at most {}, got {}",
            plural(max.into(), noun),
            count(n.into())
        );
        push(out, path, msg);
    }
}

/// Initial cohort, inflow, market size and external influence, and that somebody enters at all.
fn check_market(out: &mut Vec<Problem>, m: &Market) {
    people(out, "market.initial_cohort", m.initial_cohort, "people");
    people(
        out,
        "market.inflow_per_period",
        m.inflow_per_period,
        "people per period",
    );
    if let Some(size) = m.market_size {
        if size < m.initial_cohort {
            let msg = format!(
                "must be at least the initial cohort ({}), got {}",
                count(m.initial_cohort),
                count(size)
            );
            push(out, "market.market_size", msg);
        }
        people(out, "market.market_size", size, "people");
    }
    let ext = m.external_influence;
    fraction(out, "market.external_influence", ext);
    if m.market_size.is_none() && ext > 0.0 {
        push(out, "market.external_influence", "needs a market size");
    }
    let external_entry = ext > 0.0 && m.market_size.is_some_and(|size| size > 0);
    if m.initial_cohort == 0 && m.inflow_per_period == 0 && !external_entry {
        push(
            out,
            "market.initial_cohort",
            "nobody enters the journey (initial cohort and inflow are both 0)",
        );
    }
}

/// A number of people at most [`MAX_PEOPLE`]; `unit` completes the message ("people per period").
fn people(out: &mut Vec<Problem>, path: &str, n: u64, unit: &str) {
    if n > MAX_PEOPLE {
        let msg = format!("at most {} {unit}, got {}", count(MAX_PEOPLE), count(n));
        push(out, path, msg);
    }
}
