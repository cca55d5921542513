//! Sensitivity: a tornado of one-at-a-time swings on the expected value, and the share of a KPI's
//! spread each uncertain input explains under second-order Monte Carlo (Spearman rank correlation).

use serde::{Deserialize, Serialize};

use super::inputs::{inputs, set_fixed, Input};
use crate::sim::engine::Simulation;
use crate::sim::error::WhatIfError;
use crate::sim::model::Model;
use crate::sim::names::Kpi;
use crate::sim::order::{permutation, sort_stable_by};
use crate::sim::params::{param_unit, ParamId, RunParams};
use crate::sim::run::simulate;
use crate::sim::sampler::Mean;
use crate::sim::scenario::Scenario;

/// One bar: the KPI with the input at its low and at its high end, the others at their central values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TornadoBar {
    /// The input swung.
    pub input: Input,
    /// KPI (expected value) with the input at its low end.
    pub kpi_low: f64,
    /// KPI (expected value) with the input at its high end.
    pub kpi_high: f64,
}

impl TornadoBar {
    /// Width of the bar: |kpi_high − kpi_low| (0 where undefined).
    pub fn swing(&self) -> f64 {
        let s = (self.kpi_high - self.kpi_low).abs();
        if s.is_finite() {
            s
        } else {
            0.0
        }
    }
}

/// An input's rank correlation with the KPI across runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Importance {
    /// The uncertain input.
    pub input: Input,
    /// Spearman rank correlation between the input's draw and the KPI.
    pub rho: f64,
    /// ρ² normalised over all uncertain inputs: the share of explained spread.
    pub share: f64,
}

/// The sensitivity of one KPI.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tornado {
    /// The KPI.
    pub kpi: Kpi,
    /// KPI (expected value) with every input central.
    pub base: f64,
    /// Bars sorted by swing, widest first.
    pub bars: Vec<TornadoBar>,
    /// Uncertain inputs sorted by |ρ|, largest first (empty when nothing is uncertain).
    pub importance: Vec<Importance>,
}

/// The KPIs of the mean-field pass of `m` with every parameter at its mean.
pub fn expected_kpis(m: &Model) -> Vec<f64> {
    simulate(m, &RunParams::new(m, None), &mut Mean).kpis
}

/// Tornado for `kpi` of `s`; the rank correlations use up to `runs` Monte Carlo runs with parameter
/// uncertainty switched on.
pub fn tornado(s: &Scenario, kpi: Kpi, runs: usize) -> Result<Tornado, WhatIfError> {
    let sim = Simulation::new(s).map_err(WhatIfError::Invalid)?;
    let base_model = sim.model().clone();
    let base = expected_kpis(&base_model)[kpi.index()];
    let mut bars: Vec<TornadoBar> = inputs(s)
        .into_iter()
        .map(|input| {
            let at = |v: f64| {
                let mut m = base_model.clone();
                set_fixed(&mut m, input.id, v);
                expected_kpis(&m)[kpi.index()]
            };
            TornadoBar {
                kpi_low: at(input.low),
                kpi_high: at(input.high),
                input,
            }
        })
        .collect();
    sort_stable_by(&mut bars, |a, b| b.swing().total_cmp(&a.swing()));
    Ok(Tornado {
        kpi,
        base,
        bars,
        importance: importance(s, kpi, runs)?,
    })
}

/// Spearman correlations between each uncertain input's draw and `kpi` over up to `runs` runs.
fn importance(s: &Scenario, kpi: Kpi, runs: usize) -> Result<Vec<Importance>, WhatIfError> {
    let uncertain: Vec<Input> = inputs(s).into_iter().filter(|i| i.uncertain).collect();
    if uncertain.is_empty() || runs < 3 {
        return Ok(Vec::new());
    }
    let mut with_draws = s.clone();
    with_draws.meta.parameter_uncertainty = true;
    with_draws.meta.runs = runs.min(s.meta.runs as usize).max(3) as u32;
    let sim = Simulation::new(&with_draws).map_err(WhatIfError::Invalid)?;
    let (mut keys, mut values) = (Vec::new(), Vec::new());
    for b in 0..sim.batches() {
        keys.extend(sim.run_keys(b));
        values.extend(sim.run_batch(b).records.iter().map(|r| r.kpi(kpi)));
    }
    let kpi_ranks = ranks(&values);
    let mut out: Vec<Importance> = uncertain
        .into_iter()
        .map(|input| {
            let draws: Vec<f64> = keys.iter().map(|&key| param_unit(key, input.id)).collect();
            let rho = pearson(&ranks(&draws), &kpi_ranks);
            Importance {
                input,
                rho,
                share: 0.0,
            }
        })
        .collect();
    let total: f64 = out
        .iter()
        .map(|i| i.rho * i.rho)
        .filter(|x| x.is_finite())
        .sum();
    for i in &mut out {
        i.share = if total > 0.0 && i.rho.is_finite() {
            i.rho * i.rho / total
        } else {
            0.0
        };
    }
    sort_stable_by(&mut out, |a, b| b.rho.abs().total_cmp(&a.rho.abs()));
    Ok(out)
}

/// Average ranks (ties share their mean rank); NaN values rank last.
pub fn ranks(xs: &[f64]) -> Vec<f64> {
    let idx = permutation(xs.len(), &|a, b| xs[a].total_cmp(&xs[b]));
    let mut r = vec![0.0; xs.len()];
    let mut i = 0;
    while i < idx.len() {
        let mut j = i;
        while j + 1 < idx.len() && xs[idx[j + 1]] == xs[idx[i]] {
            j += 1;
        }
        let rank = (i + j) as f64 / 2.0 + 1.0;
        for &p in &idx[i..=j] {
            r[p] = rank;
        }
        i = j + 1;
    }
    r
}

/// Pearson correlation (NaN when either side is constant).
pub fn pearson(a: &[f64], b: &[f64]) -> f64 {
    let n = a.len() as f64;
    let (ma, mb) = (a.iter().sum::<f64>() / n, b.iter().sum::<f64>() / n);
    let cov: f64 = a.iter().zip(b).map(|(x, y)| (x - ma) * (y - mb)).sum();
    let va: f64 = a.iter().map(|x| (x - ma) * (x - ma)).sum();
    let vb: f64 = b.iter().map(|y| (y - mb) * (y - mb)).sum();
    cov / (va * vb).sqrt()
}

/// The expected `kpi` of `m` with parameter `id` fixed at `v`.
pub fn expected_with(m: &Model, id: ParamId, v: f64, kpi: Kpi) -> f64 {
    let mut m = m.clone();
    set_fixed(&mut m, id, v);
    expected_kpis(&m)[kpi.index()]
}
