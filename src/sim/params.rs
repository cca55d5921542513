//! The numbers one run uses: uncertain parameters drawn once per run (or their means), then turned
//! into per-period probabilities for each persona, stage and churn node.

use super::layout::MAX_DELIGHT;
use super::model::{ChurnModel, Model};
use super::rng::{unit_from_key, StreamSite};
use super::uncertain::{ProbDist, RateDist};

/// Identifies each uncertain parameter, so the same input draws the same value in every scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParamId {
    /// Conversion of funnel stage k.
    Conversion(usize),
    /// Probability of pain point i.
    PainProbability(usize),
    /// Abandon probability of pain point i.
    PainAbandon(usize),
    /// Probability of happy moment i.
    HappyProbability(usize),
    /// Fixed churn rate.
    Churn,
    /// Repeat purchase probability.
    Repeat,
    /// Advocacy promotion probability.
    Promotion,
    /// Referrals per advocate per period.
    Referrals,
    /// Referral acceptance.
    Acceptance,
}

impl ParamId {
    /// The parameter's key in a run's stream space (part of its [`StreamSite::Param`] coordinates).
    pub fn key(self) -> u64 {
        match self {
            ParamId::Conversion(i) => 1_000 + i as u64,
            ParamId::PainProbability(i) => 2_000 + i as u64,
            ParamId::PainAbandon(i) => 3_000 + i as u64,
            ParamId::HappyProbability(i) => 4_000 + i as u64,
            ParamId::Churn => 5_000,
            ParamId::Repeat => 5_001,
            ParamId::Promotion => 5_002,
            ParamId::Referrals => 5_003,
            ParamId::Acceptance => 5_004,
        }
    }
}

/// The uniform number from which run `run_key` draws parameter `id`.
pub fn param_unit(run_key: u64, id: ParamId) -> f64 {
    unit_from_key(StreamSite::Param(id).key(run_key))
}

/// Draws parameter values for one run: by inversion from a per-parameter uniform, or the mean.
struct Drawer {
    run_key: Option<u64>,
}

impl Drawer {
    fn prob(&self, d: &ProbDist, id: ParamId) -> f64 {
        match self.run_key {
            Some(k) => d.quantile(param_unit(k, id)),
            None => d.mean(),
        }
    }

    fn rate(&self, d: &RateDist, id: ParamId) -> f64 {
        match self.run_key {
            Some(k) => d.quantile(param_unit(k, id)),
            None => d.mean(),
        }
    }
}

/// Per-period probabilities of one run. Indices: `[stage][persona]`, `[event][persona]`, `[persona][node]`.
#[derive(Clone, Debug)]
pub struct RunParams {
    /// Probability of advancing this period.
    pub advance: Vec<Vec<f64>>,
    /// Probability of dropping off this period among those who do not advance.
    pub drop_given_stay: Vec<Vec<f64>>,
    /// Pain-point probability per persona.
    pub pain: Vec<Vec<f64>>,
    /// Pain-point abandon probability.
    pub abandon: Vec<f64>,
    /// Happy-moment probability.
    pub happy: Vec<f64>,
    /// Churn node weights (sum 1).
    pub node_weights: Vec<f64>,
    /// Churn of active non-advocates.
    pub churn: Vec<Vec<f64>>,
    /// Churn of advocates.
    pub advocate_churn: Vec<Vec<f64>>,
    /// Repeat purchase probability.
    pub repeat: f64,
    /// Promotion probability by delight level.
    pub promote: [f64; MAX_DELIGHT + 1],
    /// Referrals per advocate per period, per persona.
    pub referrals: Vec<f64>,
    /// Referral acceptance.
    pub acceptance: f64,
}

impl RunParams {
    /// Parameters of the run `run_key` (drawn if the model has uncertainty), or the means for `None`.
    pub fn new(m: &Model, run_key: Option<u64>) -> Self {
        let d = Drawer {
            run_key: run_key.filter(|_| m.uncertainty),
        };
        let conv: Vec<f64> = (0..m.conversion.len())
            .map(|k| d.prob(&m.conversion[k], ParamId::Conversion(k)))
            .collect();
        let (advance, drop_given_stay) = stage_moves(m, &conv);
        let pain = (0..m.pains.len())
            .map(|i| {
                let p = d.prob(&m.pains[i].probability, ParamId::PainProbability(i));
                m.personas.iter().map(|q| (p * q.pain).min(1.0)).collect()
            })
            .collect();
        let abandon = (0..m.pains.len())
            .map(|i| d.prob(&m.pains[i].abandon, ParamId::PainAbandon(i)))
            .collect();
        let happy = (0..m.happies.len())
            .map(|i| d.prob(&m.happies[i].probability, ParamId::HappyProbability(i)))
            .collect();
        let nodes: Vec<(f64, f64)> = match &m.churn {
            ChurnModel::Fixed(p) => vec![(d.prob(p, ParamId::Churn), 1.0)],
            ChurnModel::Nodes(v) => v.clone(),
        };
        let churn_for = |mult: f64| -> Vec<Vec<f64>> {
            m.personas
                .iter()
                .map(|q| {
                    nodes
                        .iter()
                        .map(|&(t, _)| (t * q.churn * mult).min(1.0))
                        .collect()
                })
                .collect()
        };
        let promotion = d.prob(&m.promotion, ParamId::Promotion);
        let mut promote = [0.0; MAX_DELIGHT + 1];
        for (level, p) in promote.iter_mut().enumerate() {
            *p = (promotion * m.delight.powi(level as i32)).min(1.0);
        }
        let lambda = d.rate(&m.referrals, ParamId::Referrals);
        RunParams {
            advance,
            drop_given_stay,
            pain,
            abandon,
            happy,
            node_weights: nodes.iter().map(|&(_, w)| w).collect(),
            churn: churn_for(1.0),
            advocate_churn: churn_for(m.advocate_churn),
            repeat: d.prob(&m.repeat, ParamId::Repeat),
            promote,
            referrals: m.personas.iter().map(|q| lambda * q.referrals).collect(),
            acceptance: d.prob(&m.acceptance, ParamId::Acceptance),
        }
    }
}

/// Per period: advance with c/d, drop with (1 − c)/d, stay otherwise (eventual conversion c, mean stay d).
fn stage_moves(m: &Model, conv: &[f64]) -> (Vec<Vec<f64>>, Vec<Vec<f64>>) {
    let mut advance = Vec::new();
    let mut drop = Vec::new();
    for (k, &c) in conv.iter().enumerate() {
        let dwell = m.mean_periods[k];
        let (mut a_row, mut d_row) = (Vec::new(), Vec::new());
        for q in &m.personas {
            let c_eff = (c * q.conversion).min(1.0);
            let a = c_eff / dwell;
            let dr = (1.0 - c_eff) / dwell;
            a_row.push(a);
            d_row.push(if a >= 1.0 {
                0.0
            } else {
                (dr / (1.0 - a)).min(1.0)
            });
        }
        advance.push(a_row);
        drop.push(d_row);
    }
    (advance, drop)
}
