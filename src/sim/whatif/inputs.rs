//! The inputs what-if analysis can swing: every probability or rate of a scenario, with its central
//! value and its low and high ends (the ends of a 90% range, the 5th and 95th percentiles of observed
//! counts, or ±20% relative for a point value).

use serde::{Deserialize, Serialize};

use crate::sim::model::{ChurnModel, Model};
use crate::sim::params::ParamId;
use crate::sim::scenario::{Churn, Scenario};
use crate::sim::uncertain::{Prob, ProbDist, Rate, RateDist};

/// Relative swing applied to point values.
pub const POINT_SWING: f64 = 0.2;

/// One input of a scenario.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Input {
    /// Which parameter.
    pub id: ParamId,
    /// Planner-facing name, e.g. "Conversion: Consideration".
    pub label: String,
    /// Central value (the mean).
    pub central: f64,
    /// Low end.
    pub low: f64,
    /// High end.
    pub high: f64,
    /// Whether it is drawn per run (a range or observed counts) rather than a point value.
    pub uncertain: bool,
}

/// Every swingable input of `s`, in a fixed order.
pub fn inputs(s: &Scenario) -> Vec<Input> {
    let mut out = Vec::new();
    for (k, st) in s.stages.iter().enumerate() {
        out.push(prob(
            ParamId::Conversion(k),
            format!("Conversion: {}", st.name),
            &st.conversion,
        ));
    }
    for (i, p) in s.pain_points.iter().enumerate() {
        out.push(prob(
            ParamId::PainProbability(i),
            format!("Pain: {}", p.name),
            &p.probability,
        ));
        out.push(prob(
            ParamId::PainAbandon(i),
            format!("Pain abandon: {}", p.name),
            &p.abandon,
        ));
    }
    for (i, h) in s.happy_moments.iter().enumerate() {
        out.push(prob(
            ParamId::HappyProbability(i),
            format!("Happy: {}", h.name),
            &h.probability,
        ));
    }
    if let Churn::Fixed { rate } = &s.retention.churn {
        out.push(prob(ParamId::Churn, "Churn".into(), rate));
    }
    out.push(prob(
        ParamId::Repeat,
        "Repeat purchase".into(),
        &s.retention.repeat_purchase,
    ));
    out.push(prob(
        ParamId::Promotion,
        "Advocacy promotion".into(),
        &s.advocacy.promotion,
    ));
    out.push(rate(
        ParamId::Referrals,
        "Referrals per advocate".into(),
        &s.advocacy.referrals_per_period,
    ));
    out.push(prob(
        ParamId::Acceptance,
        "Referral acceptance".into(),
        &s.advocacy.acceptance,
    ));
    out
}

fn prob(id: ParamId, label: String, p: &Prob) -> Input {
    let central = p.central();
    let (low, high) = match (p, p.dist()) {
        (Prob::Point(v), _) => (v * (1.0 - POINT_SWING), (v * (1.0 + POINT_SWING)).min(1.0)),
        (Prob::Range { low, high }, _) => (*low, *high),
        (Prob::Observed { .. }, Ok(d)) => (d.quantile(0.05), d.quantile(0.95)),
        (Prob::Observed { .. }, Err(_)) => (central, central),
    };
    Input {
        id,
        label,
        central,
        low,
        high,
        uncertain: p.is_uncertain(),
    }
}

fn rate(id: ParamId, label: String, r: &Rate) -> Input {
    let (low, high) = match r {
        Rate::Point(v) => (v * (1.0 - POINT_SWING), v * (1.0 + POINT_SWING)),
        Rate::Range { low, high } => (*low, *high),
    };
    Input {
        id,
        label,
        central: r.central(),
        low,
        high,
        uncertain: r.is_uncertain(),
    }
}

/// Fixes parameter `id` of `m` at `value` (no longer drawn).
pub fn set_fixed(m: &mut Model, id: ParamId, value: f64) {
    let fixed = ProbDist::Fixed(value);
    match id {
        ParamId::Conversion(k) => m.conversion[k] = fixed,
        ParamId::PainProbability(i) => m.pains[i].probability = fixed,
        ParamId::PainAbandon(i) => m.pains[i].abandon = fixed,
        ParamId::HappyProbability(i) => m.happies[i].probability = fixed,
        ParamId::Churn => {
            if let ChurnModel::Fixed(_) = m.churn {
                m.churn = ChurnModel::Fixed(fixed)
            }
        }
        ParamId::Repeat => m.repeat = fixed,
        ParamId::Promotion => m.promotion = fixed,
        ParamId::Referrals => m.referrals = RateDist::Fixed(value),
        ParamId::Acceptance => m.acceptance = fixed,
    }
}
