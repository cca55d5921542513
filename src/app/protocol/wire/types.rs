//! The [`Wire`] forms of the engine's results and of what requests carry.

use super::{wire_structs, Wire};
use crate::sim::params::ParamId;
use crate::sim::stats::{Histogram, Stats};
use crate::sim::summary::{Band, FunnelEntry, KpiSummary, Summary};
use crate::sim::whatif::tornado::Importance;
use crate::sim::whatif::{
    Comparison, Input, KpiDiff, PainWorth, TargetAnswer, Tornado, TornadoBar, VariantResult,
};
use crate::sim::Scenario;

/// A scenario travels as its JSON (its untagged rates and ranges have no fixed binary shape). Writing
/// it cannot fail (derived serializers, text map keys); an empty text would not read back, as `get` says.
impl Wire for Scenario {
    fn put(&self, out: &mut Vec<u8>) {
        serde_json::to_string(self).unwrap_or_default().put(out);
    }
    fn get(input: &mut &[u8]) -> Option<Self> {
        serde_json::from_str(&String::get(input)?).ok()
    }
}

impl Wire for ParamId {
    fn put(&self, out: &mut Vec<u8>) {
        self.key().put(out);
    }
    fn get(input: &mut &[u8]) -> Option<Self> {
        let key = u64::get(input)?;
        let i = usize::try_from(key % 1_000).ok()?;
        let id = match key / 1_000 {
            1 => ParamId::Conversion(i),
            2 => ParamId::PainProbability(i),
            3 => ParamId::PainAbandon(i),
            4 => ParamId::HappyProbability(i),
            _ => [
                ParamId::Churn,
                ParamId::Repeat,
                ParamId::Promotion,
                ParamId::Referrals,
                ParamId::Acceptance,
            ]
            .into_iter()
            .find(|p| p.key() == key)?,
        };
        (id.key() == key).then_some(id)
    }
}

wire_structs! {
    Stats { mean, sd, p5, p25, p50, p75, p95, expected }
    Histogram { min, max, counts }
    KpiSummary { stats, histogram }
    Band { mean, p5, p25, p50, p75, p95, expected }
    FunnelEntry { stage, reached, dropoffs }
    Summary {
        runs, runs_requested, seed, horizon, period_label, parameter_uncertainty, exact, kpis,
        funnel, series, stage_series, per_run_kpis
    }
    KpiDiff { stats, p_better, p_worse }
    VariantResult { name, summary, diffs }
    Comparison { baseline, variants }
    Input { id, label, central, low, high, uncertain }
    TornadoBar { input, kpi_low, kpi_high }
    Importance { input, rho, share }
    Tornado { kpi, base, bars, importance }
    PainWorth { index, name, removed, halved }
    TargetAnswer { value, achieved, range, uncertainty, reachable_share }
}
