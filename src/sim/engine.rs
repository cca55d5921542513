//! The simulation driver: validated scenario → batches of seeded runs → [`Summary`].
//!
//! Runs are processed in batches of [`BATCH_RUNS`]. Batch `b` draws its runs' keys from a Xoshiro256++
//! stream seeded from (seed, b), so a batch gives the same records whoever computes it and in whatever
//! order: a worker can stream batches, several workers can share them, and the summary is identical.

use std::collections::BTreeMap;

use rand::Rng;
use serde::{Deserialize, Serialize};

use super::model::Model;
use super::params::RunParams;
use super::record::RunRecord;
use super::rng::batch_stream;
use super::run::simulate;
use super::sampler::{Draw, Mean};
use super::scenario::Scenario;
use super::summary::{summarise, Summary, SummaryInfo};
use super::validate::{validate, Problem};

/// Runs per batch.
pub const BATCH_RUNS: usize = 100;

/// The records of one batch of runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Batch {
    /// Batch index.
    pub index: usize,
    /// One record per run, in run order.
    pub records: Vec<RunRecord>,
}

/// A scenario ready to simulate.
#[derive(Clone, Debug)]
pub struct Simulation {
    model: Model,
    stages: Vec<String>,
    runs: usize,
    seed: u64,
    period_label: String,
    expected: RunRecord,
}

impl Simulation {
    /// Validates and prepares `scenario`; every problem is returned at once.
    pub fn new(scenario: &Scenario) -> Result<Self, Vec<Problem>> {
        let problems = validate(scenario);
        if !problems.is_empty() {
            return Err(problems);
        }
        let model = Model::new(scenario).map_err(|e| {
            vec![Problem {
                path: "scenario".into(),
                message: e.to_string(),
            }]
        })?;
        let expected = simulate(&model, &RunParams::new(&model, None), &mut Mean);
        Ok(Simulation {
            model,
            stages: scenario.stages.iter().map(|s| s.name.clone()).collect(),
            runs: scenario.meta.runs as usize,
            seed: scenario.meta.seed,
            period_label: scenario.meta.period_label.clone(),
            expected,
        })
    }

    /// Runs asked for.
    pub fn runs(&self) -> usize {
        self.runs
    }

    /// Number of batches.
    pub fn batches(&self) -> usize {
        self.runs.div_ceil(BATCH_RUNS)
    }

    /// The resolved model.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The keys of the runs of batch `index` (its runs are `index * BATCH_RUNS ..`, up to the number of
    /// runs). A run's key determines all its random draws.
    pub fn run_keys(&self, index: usize) -> Vec<u64> {
        let first = index * BATCH_RUNS;
        let count = BATCH_RUNS.min(self.runs.saturating_sub(first));
        let mut stream = batch_stream(self.seed, index as u64);
        (0..count).map(|_| stream.next_u64()).collect()
    }

    /// Simulates batch `index`.
    pub fn run_batch(&self, index: usize) -> Batch {
        let records = self
            .run_keys(index)
            .into_iter()
            .map(|key| self.run_one(key))
            .collect();
        Batch { index, records }
    }

    /// Simulates the run with key `key` (one of [`Simulation::run_keys`]).
    pub fn run_one(&self, key: u64) -> RunRecord {
        let params = RunParams::new(&self.model, Some(key));
        simulate(&self.model, &params, &mut Draw::new(key))
    }

    /// The mean-field pass (every split replaced by its mean, parameters at their means). It is the exact
    /// expectation when the market is unlimited (see [`Simulation::is_exact`]).
    pub fn expected(&self) -> &RunRecord {
        &self.expected
    }

    /// Whether [`Simulation::expected`] is exact.
    pub fn is_exact(&self) -> bool {
        self.model.is_linear()
    }

    /// An empty accumulator for this simulation's batches (it keeps its own copy of what it needs).
    pub fn accumulator(&self) -> Accumulator {
        Accumulator {
            stages: self.stages.clone(),
            runs_requested: self.runs,
            seed: self.seed,
            period_label: self.period_label.clone(),
            uncertainty: self.model.uncertainty,
            expected: Some(self.expected.clone()).filter(|_| self.is_exact()),
            batches: BTreeMap::new(),
        }
    }

    /// Runs every batch on this thread, calling `progress(done, total)` after each; stops early when it
    /// returns `false`. The summary covers the batches done.
    pub fn run_with(&self, mut progress: impl FnMut(usize, usize) -> bool) -> Summary {
        let mut acc = self.accumulator();
        for b in 0..self.batches() {
            acc.add(self.run_batch(b));
            if !progress(b + 1, self.batches()) {
                break;
            }
        }
        acc.summary()
    }

    /// Runs every batch and summarises.
    pub fn run(&self) -> Summary {
        self.run_with(|_, _| true)
    }
}

/// Collects batches in any order and summarises them in run order.
#[derive(Clone, Debug)]
pub struct Accumulator {
    stages: Vec<String>,
    runs_requested: usize,
    seed: u64,
    period_label: String,
    uncertainty: bool,
    expected: Option<RunRecord>,
    batches: BTreeMap<usize, Vec<RunRecord>>,
}

impl Accumulator {
    /// Adds a batch (a batch added twice replaces the first).
    pub fn add(&mut self, batch: Batch) {
        self.batches.insert(batch.index, batch.records);
    }

    /// Runs collected so far.
    pub fn runs(&self) -> usize {
        self.batches.values().map(Vec::len).sum()
    }

    /// Summary of the runs collected so far, in run order.
    pub fn summary(&self) -> Summary {
        let records: Vec<&RunRecord> = self.batches.values().flatten().collect();
        summarise(
            &records,
            &SummaryInfo {
                stages: &self.stages,
                runs_requested: self.runs_requested,
                seed: self.seed,
                period_label: &self.period_label,
                parameter_uncertainty: self.uncertainty,
                expected: self.expected.as_ref(),
            },
        )
    }
}
