//! Target seeking: which value of one input (a stage conversion, a pain-point probability, …) makes the
//! expected KPI reach a target — solved by bisection on the mean-field pass, then re-solved for parameter
//! draws of the other inputs to show how uncertain the answer is.

use serde::{Deserialize, Serialize};

use super::inputs::set_fixed;
use super::tornado::expected_kpis;
use crate::sim::engine::Simulation;
use crate::sim::error::WhatIfError;
use crate::sim::model::Model;
use crate::sim::names::Kpi;
use crate::sim::params::{ParamId, RunParams};
use crate::sim::run::simulate;
use crate::sim::sampler::Mean;
use crate::sim::scenario::Scenario;
use crate::sim::stats::{sort_finite, stats_sorted, Stats};

/// Bisection steps (the answer is within 2⁻⁴⁰ of the exact root).
const STEPS: usize = 40;

/// The answer to "what value of `param` reaches `target`?".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetAnswer {
    /// The value with every other input central; `None` if no value in [0, 1] reaches the target.
    pub value: Option<f64>,
    /// The expected KPI at that value.
    pub achieved: Option<f64>,
    /// Expected KPI with the input at 0 and at 1 (the reachable range).
    pub range: (f64, f64),
    /// Spread of the answer over draws of the other uncertain inputs (`None` without draws).
    pub uncertainty: Option<Stats>,
    /// Share of those draws in which the target is reachable at all.
    pub reachable_share: f64,
}

/// Solves for `param` (a probability, searched in [0, 1]) so that the expected `kpi` equals `target`,
/// and repeats for `draws` parameter draws of the other inputs.
pub fn seek_target(
    s: &Scenario,
    param: ParamId,
    kpi: Kpi,
    target: f64,
    draws: usize,
) -> Result<TargetAnswer, WhatIfError> {
    if param == ParamId::Referrals {
        return Err(WhatIfError::TargetOnRate);
    }
    let sim = Simulation::new(s).map_err(WhatIfError::Invalid)?;
    let model = sim.model().clone();
    let at = |m: &Model, key: Option<u64>, v: f64| {
        let mut m = m.clone();
        set_fixed(&mut m, param, v);
        match key {
            None => expected_kpis(&m)[kpi.index()],
            Some(key) => simulate(&m, &RunParams::new(&m, Some(key)), &mut Mean).kpi(kpi),
        }
    };
    let range = (at(&model, None, 0.0), at(&model, None, 1.0));
    let value = solve(|v| at(&model, None, v), target);
    let mut drawn = model.clone();
    drawn.uncertainty = true;
    let keys: Vec<u64> = (0..sim.batches())
        .flat_map(|b| sim.run_keys(b))
        .take(draws)
        .collect();
    let answers: Vec<Option<f64>> = keys
        .iter()
        .map(|&key| solve(|v| at(&drawn, Some(key), v), target))
        .collect();
    let reached: Vec<f64> = answers.iter().flatten().copied().collect();
    let mut sorted = Vec::new();
    sort_finite(reached.iter().copied(), &mut sorted);
    Ok(TargetAnswer {
        achieved: value.map(|v| at(&model, None, v)),
        value,
        range,
        uncertainty: (!sorted.is_empty()).then(|| stats_sorted(&sorted, value)),
        reachable_share: if keys.is_empty() {
            0.0
        } else {
            reached.len() as f64 / keys.len() as f64
        },
    })
}

/// Bisection for f(v) = target on [0, 1]; `None` if the target lies outside [f(0), f(1)].
fn solve(f: impl Fn(f64) -> f64, target: f64) -> Option<f64> {
    let (f0, f1) = (f(0.0), f(1.0));
    if !(f0.is_finite() && f1.is_finite()) || (target - f0) * (target - f1) > 0.0 {
        return None;
    }
    let increasing = f1 >= f0;
    let (mut lo, mut hi) = (0.0, 1.0);
    for _ in 0..STEPS {
        let mid = 0.5 * (lo + hi);
        if (f(mid) < target) == increasing {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Some(0.5 * (lo + hi))
}
