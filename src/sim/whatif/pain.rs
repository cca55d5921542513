//! Pain-point ranking: what each pain point costs, measured as the gain in a KPI if it were removed
//! (probability 0) or halved, with common random numbers against the scenario as it is.

use serde::{Deserialize, Serialize};

use super::compare::{all_records, kpi_diff, simulations, KpiDiff};
use crate::sim::error::WhatIfError;
use crate::sim::names::Kpi;
use crate::sim::order::sort_stable_by;
use crate::sim::scenario::Scenario;
use crate::sim::uncertain::Prob;

/// The worth of fixing one pain point.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PainWorth {
    /// Index in `pain_points`.
    pub index: usize,
    /// Pain point name.
    pub name: String,
    /// KPI gain (fixed − as is) if the pain point never happened.
    pub removed: KpiDiff,
    /// KPI gain if its probability were halved.
    pub halved: KpiDiff,
}

/// The scenario with pain point `i`'s probability multiplied by `factor` (0 removes it).
pub fn with_pain_scaled(s: &Scenario, i: usize, factor: f64) -> Scenario {
    let mut v = s.clone();
    let p = &mut v.pain_points[i].probability;
    *p = if factor == 0.0 {
        Prob::Point(0.0)
    } else {
        p.scaled(factor)
    };
    v.meta.name = format!("{} ({} ×{factor})", s.meta.name, s.pain_points[i].name);
    v
}

/// Ranks every pain point of `s` by the median gain in `kpi` if it were removed, largest first.
/// Uses up to `runs` paired runs.
pub fn rank_pain_points(
    s: &Scenario,
    kpi: Kpi,
    runs: usize,
) -> Result<Vec<PainWorth>, WhatIfError> {
    let mut base = s.clone();
    base.meta.runs = (runs as u32).clamp(1, s.meta.runs.max(1));
    let variants: Vec<Scenario> = (0..s.pain_points.len())
        .flat_map(|i| {
            [
                with_pain_scaled(&base, i, 0.0),
                with_pain_scaled(&base, i, 0.5),
            ]
        })
        .collect();
    let sims = simulations(&base, &variants).map_err(|e| WhatIfError::Invalid(e.problems))?;
    let expected = |i: usize| sims[i].is_exact().then(|| sims[i].expected().kpi(kpi));
    let base_records = all_records(&sims[0]);
    let mut out: Vec<PainWorth> = (0..s.pain_points.len())
        .map(|i| {
            let diff = |j: usize| {
                let e = expected(j).zip(expected(0)).map(|(v, b)| v - b);
                kpi_diff(&base_records, &all_records(&sims[j]), kpi, e)
            };
            PainWorth {
                index: i,
                name: s.pain_points[i].name.clone(),
                removed: diff(1 + 2 * i),
                halved: diff(2 + 2 * i),
            }
        })
        .collect();
    sort_stable_by(&mut out, |a, b| {
        b.removed.stats.p50.total_cmp(&a.removed.stats.p50)
    });
    Ok(out)
}
