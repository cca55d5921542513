//! What one run produces: per-period series, per-stage flows and per-run figures (KPIs).

use serde::{Deserialize, Serialize};

/// The per-period series, in storage order.
pub const SERIES: [&str; 10] = [
    "active",
    "advocates",
    "new_customers",
    "referrals",
    "revenue",
    "prospects",
    "cost",
    "profit",
    "entered",
    "left",
];

/// Index of a series in [`SERIES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeriesId {
    /// Active customers (including advocates) at the end of the period.
    Active = 0,
    /// Advocates at the end of the period.
    Advocates,
    /// First purchases in the period.
    NewCustomers,
    /// Referred prospects accepted in the period (they enter the journey next period).
    Referrals,
    /// Revenue in the period.
    Revenue,
    /// Prospects anywhere in the funnel at the end of the period.
    Prospects,
    /// Acquisition cost plus referral rewards in the period.
    Cost,
    /// Gross margin minus cost in the period.
    Profit,
    /// Everyone who has entered the journey so far (cumulative).
    Entered,
    /// Everyone who has left so far, for any reason (cumulative).
    Left,
}

/// The per-run figures, in storage order.
pub const KPIS: [&str; 9] = [
    "purchased",
    "retained_at_horizon",
    "advocates_at_horizon",
    "referred_customers",
    "viral_coefficient",
    "revenue",
    "profit",
    "clv",
    "roi",
];

/// Index of a KPI in [`KPIS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KpiId {
    /// Customers who made a first purchase within the horizon.
    Purchased = 0,
    /// Active customers (including advocates) at the horizon.
    RetainedAtHorizon,
    /// Advocates at the horizon.
    AdvocatesAtHorizon,
    /// First purchases by referred customers.
    ReferredCustomers,
    /// Referred customers / customers acquired otherwise.
    ViralCoefficient,
    /// Present value of revenue.
    Revenue,
    /// Present value of gross margin minus costs.
    Profit,
    /// Present value of gross margin per purchasing customer.
    Clv,
    /// Profit / present value of costs.
    Roi,
}

/// KPIs that are linear in the population, so their exact expectation exists.
pub const LINEAR_KPIS: [bool; 9] = [true, true, true, true, false, true, true, false, false];

/// Why customers left a location.
pub const CAUSES: [&str; 4] = [
    "no_conversion",
    "churn",
    "pain_abandon",
    "tolerance_exceeded",
];

/// Index of a cause in [`CAUSES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cause {
    /// Dropped off a funnel stage without converting.
    NoConversion = 0,
    /// Churned after purchase (base churn).
    Churn,
    /// Left at once after a poor experience.
    PainAbandon,
    /// Had more poor experiences than they tolerate.
    ToleranceExceeded,
}

/// Flow counters per location: reached (entries) and exits by cause.
pub const FLOW_FIELDS: usize = 1 + CAUSES.len();

/// Everything one run produced.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunRecord {
    /// `series[s * (horizon + 1) + t]` for each series in [`SERIES`].
    pub series: Vec<f64>,
    /// `stage_counts[k * (horizon + 1) + t]`: prospects in funnel stage k at the end of period t.
    pub stage_counts: Vec<f64>,
    /// `flows[loc * FLOW_FIELDS + f]`: f = 0 reached, 1 + cause exits.
    pub flows: Vec<f64>,
    /// Per-run figures in [`KPIS`] order (NaN where undefined, e.g. ROI without cost).
    pub kpis: Vec<f64>,
}

impl RunRecord {
    /// A zeroed record for `stages` funnel stages and `horizon` periods.
    pub fn new(stages: usize, horizon: usize) -> Self {
        RunRecord {
            series: vec![0.0; SERIES.len() * (horizon + 1)],
            stage_counts: vec![0.0; stages * (horizon + 1)],
            flows: vec![0.0; (stages + 2) * FLOW_FIELDS],
            kpis: vec![0.0; KPIS.len()],
        }
    }

    /// Number of periods plus one.
    pub fn points(&self) -> usize {
        self.series.len() / SERIES.len()
    }

    /// One series.
    pub fn series(&self, id: SeriesId) -> &[f64] {
        let n = self.points();
        &self.series[id as usize * n..(id as usize + 1) * n]
    }

    /// Sets a series value.
    pub fn set(&mut self, id: SeriesId, t: usize, v: f64) {
        let n = self.points();
        self.series[id as usize * n + t] = v;
    }

    /// A KPI value.
    pub fn kpi(&self, id: KpiId) -> f64 {
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
