//! What one run produces: per-period series, per-stage flows and per-run figures (KPIs).

use serde::{Deserialize, Serialize};

pub use super::names::{Cause, Kpi, Series};

/// Flow counters per location: reached (entries) and exits by cause.
pub const FLOW_FIELDS: usize = 1 + Cause::ALL.len();

/// Everything one run produced.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunRecord {
    /// `series[s * (horizon + 1) + t]` for each [`Series`], in storage order.
    pub series: Vec<f64>,
    /// `stage_counts[k * (horizon + 1) + t]`: prospects in funnel stage k at the end of period t.
    pub stage_counts: Vec<f64>,
    /// `flows[loc * FLOW_FIELDS + f]`: f = 0 reached, 1 + cause exits.
    pub flows: Vec<f64>,
    /// Per-run figures in [`Kpi`] storage order (NaN where undefined, e.g. ROI without cost).
    pub kpis: Vec<f64>,
}

impl RunRecord {
    /// A zeroed record for `stages` funnel stages and `horizon` periods.
    pub fn new(stages: usize, horizon: usize) -> Self {
        RunRecord {
            series: vec![0.0; Series::ALL.len() * (horizon + 1)],
            stage_counts: vec![0.0; stages * (horizon + 1)],
            flows: vec![0.0; (stages + 2) * FLOW_FIELDS],
            kpis: vec![0.0; Kpi::ALL.len()],
        }
    }

    /// Number of periods plus one.
    pub fn points(&self) -> usize {
        self.series.len() / Series::ALL.len()
    }

    /// One series.
    pub fn series(&self, id: Series) -> &[f64] {
        let n = self.points();
        &self.series[id as usize * n..(id as usize + 1) * n]
    }

    /// Sets a series value.
    pub fn set(&mut self, id: Series, t: usize, v: f64) {
        let n = self.points();
        self.series[id as usize * n + t] = v;
    }

    /// A KPI value.
    pub fn kpi(&self, id: Kpi) -> f64 {
        self.kpis[id as usize]
    }

    /// Counts `n` customers reaching location `loc`.
    pub fn reach(&mut self, loc: usize, n: f64) {
        self.flows[loc * FLOW_FIELDS] += n;
    }

    /// Counts `n` customers leaving location `loc` for `cause`.
    pub fn exit(&mut self, loc: usize, cause: Cause, n: f64) {
        self.flows[loc * FLOW_FIELDS + 1 + cause as usize] += n;
    }

    /// Customers who reached location `loc`.
    pub fn reached(&self, loc: usize) -> f64 {
        self.flows[loc * FLOW_FIELDS]
    }

    /// Customers who left location `loc` for `cause`.
    pub fn exits(&self, loc: usize, cause: Cause) -> f64 {
        self.flows[loc * FLOW_FIELDS + 1 + cause as usize]
    }
}
