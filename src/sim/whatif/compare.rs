//! Comparison with common random numbers: the baseline and each variant are run with the same seed and
//! runs, so run i of every scenario uses the same run key, the same parameter draws for the inputs they
//! share and the same random stream at every site. The difference is then measured, not drowned in noise.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::sim::engine::Simulation;
use crate::sim::record::{Kpi, RunRecord};
use crate::sim::scenario::Scenario;
use crate::sim::stats::{sort_finite, stats_sorted, Stats};
use crate::sim::summary::Summary;
use crate::sim::validate::{Problem, ProblemList};

/// The distribution of a KPI's difference (variant − baseline) across paired runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KpiDiff {
    /// Mean, sd, percentiles of the paired differences; `expected` is the difference of exact
    /// expectations where both exist.
    pub stats: Stats,
    /// Share of paired runs in which the variant is strictly better (higher).
    pub p_better: f64,
    /// Share of paired runs in which the variant is strictly worse.
    pub p_worse: f64,
}

/// A variant against the baseline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VariantResult {
    /// Variant name (its `meta.name`).
    pub name: String,
    /// The variant's own summary (for overlaid charts).
    pub summary: Summary,
    /// Differences per KPI.
    pub diffs: BTreeMap<Kpi, KpiDiff>,
}

/// A baseline and its variants.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The baseline's summary.
    pub baseline: Summary,
    /// One result per variant, in the order given.
    pub variants: Vec<VariantResult>,
}

/// Why a comparison could not run: the scenario (0 = baseline, 1.. = variants) and its problems.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareError {
    /// 0 for the baseline, i + 1 for variant i.
    pub scenario: usize,
    /// What is wrong.
    pub problems: Vec<Problem>,
}

impl fmt::Display for CompareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.scenario {
            0 => f.write_str("the baseline")?,
            i => write!(f, "variant {i}")?,
        }
        write!(f, " cannot run: {}", ProblemList(&self.problems))
    }
}

impl std::error::Error for CompareError {}

/// Prepares `variant` to share the baseline's random numbers: same seed, runs and horizon.
pub fn aligned(baseline: &Scenario, variant: &Scenario) -> Scenario {
    let mut v = variant.clone();
    v.meta.seed = baseline.meta.seed;
    v.meta.runs = baseline.meta.runs;
    v.meta.horizon = baseline.meta.horizon;
    v.meta.parameter_uncertainty = baseline.meta.parameter_uncertainty;
    v
}

/// Simulations for the baseline and aligned variants.
pub fn simulations(
    baseline: &Scenario,
    variants: &[Scenario],
) -> Result<Vec<Simulation>, CompareError> {
    std::iter::once(baseline.clone())
        .chain(variants.iter().map(|v| aligned(baseline, v)))
        .enumerate()
        .map(|(i, s)| {
            Simulation::new(&s).map_err(|problems| CompareError {
                scenario: i,
                problems,
            })
        })
        .collect()
}

/// All records of a simulation, in run order.
pub fn all_records(sim: &Simulation) -> Vec<RunRecord> {
    (0..sim.batches())
        .flat_map(|b| sim.run_batch(b).records)
        .collect()
}

/// Runs the baseline and every variant with common random numbers and compares them.
pub fn compare(baseline: &Scenario, variants: &[Scenario]) -> Result<Comparison, CompareError> {
    let sims = simulations(baseline, variants)?;
    let records: Vec<Vec<RunRecord>> = sims.iter().map(all_records).collect();
    let summary = |i: usize| {
        let mut acc = sims[i].accumulator();
        for (b, chunk) in records[i].chunks(crate::sim::BATCH_RUNS).enumerate() {
            acc.add(crate::sim::Batch {
                index: b,
                records: chunk.to_vec(),
            });
        }
        acc.summary()
    };
    let base = summary(0);
    let variants = (1..sims.len())
        .map(|i| {
            let s = summary(i);
            let diffs = Kpi::ALL
                .into_iter()
                .map(|kpi| {
                    let expected =
                        match (base.kpis[&kpi].stats.expected, s.kpis[&kpi].stats.expected) {
                            (Some(a), Some(b)) => Some(b - a),
                            _ => None,
                        };
                    (kpi, kpi_diff(&records[0], &records[i], kpi, expected))
                })
                .collect();
            VariantResult {
                name: sims_name(variants, i),
                summary: s,
                diffs,
            }
        })
        .collect();
    Ok(Comparison {
        baseline: base,
        variants,
    })
}

fn sims_name(variants: &[Scenario], i: usize) -> String {
    variants[i - 1].meta.name.clone()
}

/// Paired differences of `kpi` (variant − baseline), run by run.
pub fn paired_differences(base: &[RunRecord], variant: &[RunRecord], kpi: Kpi) -> Vec<f64> {
    base.iter()
        .zip(variant)
        .map(|(b, v)| v.kpi(kpi) - b.kpi(kpi))
        .collect()
}

/// Statistics of the paired differences of `kpi`.
pub fn kpi_diff(
    base: &[RunRecord],
    variant: &[RunRecord],
    kpi: Kpi,
    expected: Option<f64>,
) -> KpiDiff {
    let diffs = paired_differences(base, variant, kpi);
    let finite: Vec<f64> = diffs.iter().copied().filter(|d| d.is_finite()).collect();
    let n = finite.len().max(1) as f64;
    let p_better = finite.iter().filter(|&&d| d > 0.0).count() as f64 / n;
    let p_worse = finite.iter().filter(|&&d| d < 0.0).count() as f64 / n;
    let mut sorted = Vec::new();
    sort_finite(diffs.into_iter(), &mut sorted);
    KpiDiff {
        stats: stats_sorted(&sorted, expected),
        p_better,
        p_worse,
    }
}
