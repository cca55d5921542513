//! The resolved model: a validated scenario turned into distributions, dimensions and personas.

use super::error::{DistError, ModelError};
use super::layout::Layout;
use super::quadrature::beta_quadrature;
use super::scenario::{AfterPurchase, Churn, Economics, Location, Scenario};
use super::uncertain::{ProbDist, RateDist};

/// Most churn nodes used to integrate heterogeneous churn (exact for horizons up to 2·32 − 1 periods).
pub const MAX_CHURN_NODES: usize = 32;

/// A persona with its multipliers and tolerance distribution padded to the model's largest tolerance.
#[derive(Clone, Debug)]
pub struct PersonaModel {
    /// Share of new prospects.
    pub share: f64,
    /// Multiplies conversions.
    pub conversion: f64,
    /// Multiplies pain-point probabilities.
    pub pain: f64,
    /// Multiplies churn.
    pub churn: f64,
    /// Multiplies referrals.
    pub referrals: f64,
    /// `tolerance[τ − 1]`: share whose tolerance is τ.
    pub tolerance: Vec<f64>,
}

/// A pain point or happy moment, resolved.
#[derive(Clone, Debug)]
pub struct EventModel {
    /// Location index (see [`Layout`]).
    pub loc: usize,
    /// Per-period probability.
    pub probability: ProbDist,
    /// Pain points: probability of leaving at once. Happy moments: unused (fixed 0).
    pub abandon: ProbDist,
    /// Happy moments: whether one poor experience is cancelled.
    pub recovers: bool,
}

/// Churn, resolved.
#[derive(Clone, Debug)]
pub enum ChurnModel {
    /// One (possibly uncertain) rate for everyone.
    Fixed(ProbDist),
    /// Quadrature nodes (θ, weight) of the Beta distribution of individual churn.
    Nodes(Vec<(f64, f64)>),
}

/// Everything the engine needs, resolved from a valid scenario.
#[derive(Clone, Debug)]
pub struct Model {
    /// Group layout.
    pub layout: Layout,
    /// Periods after t = 0.
    pub horizon: usize,
    /// Draw uncertain parameters per run.
    pub uncertainty: bool,
    /// Stage conversions.
    pub conversion: Vec<ProbDist>,
    /// Mean periods in each stage.
    pub mean_periods: Vec<f64>,
    /// Personas (at least one).
    pub personas: Vec<PersonaModel>,
    /// Pain points in scenario order.
    pub pains: Vec<EventModel>,
    /// Happy moments in scenario order.
    pub happies: Vec<EventModel>,
    /// Churn.
    pub churn: ChurnModel,
    /// Repeat purchase probability.
    pub repeat: ProbDist,
    /// Advocacy promotion probability.
    pub promotion: ProbDist,
    /// Advocates' churn multiplier.
    pub advocate_churn: f64,
    /// Promotion multiplier per happy moment experienced.
    pub delight: f64,
    /// Referrals per advocate per period.
    pub referrals: RateDist,
    /// Referral acceptance.
    pub acceptance: ProbDist,
    /// Stage where referred prospects enter.
    pub entry_stage: usize,
    /// Initial cohort.
    pub initial: f64,
    /// Inflow per period.
    pub inflow: f64,
    /// Market size (None: unlimited).
    pub market: Option<f64>,
    /// Bass external influence.
    pub external: f64,
    /// Money.
    pub economics: Economics,
}

impl Model {
    /// Resolves a scenario that has passed validation (else an input may have no distribution).
    pub fn new(s: &Scenario) -> Result<Self, ModelError> {
        let horizon = s.meta.horizon as usize;
        let personas = personas(s);
        let max_tol = personas
            .iter()
            .map(|p| p.tolerance.len())
            .max()
            .unwrap_or(1);
        let personas = pad_tolerance(personas, max_tol);
        let churn = match s.retention.churn {
            Churn::Fixed { ref rate } => {
                ChurnModel::Fixed(at("retention.churn.rate", rate.dist())?)
            }
            Churn::Heterogeneous { alpha, beta } => {
                let n = horizon.div_ceil(2).clamp(1, MAX_CHURN_NODES);
                ChurnModel::Nodes(beta_quadrature(alpha, beta, n))
            }
        };
        let nodes = match &churn {
            ChurnModel::Fixed(_) => 1,
            ChurnModel::Nodes(v) => v.len(),
        };
        let k = s.stages.len();
        let layout = Layout::new(k, personas.len(), nodes, max_tol);
        let loc = |l: Location| match l {
            Location::Funnel(i) => i,
            Location::After(AfterPurchase::Retention) => k,
            Location::After(AfterPurchase::Advocacy) => k + 1,
        };
        let pains = s
            .pain_points
            .iter()
            .enumerate()
            .map(|(i, p)| {
                Ok(EventModel {
                    loc: loc(p.stage),
                    probability: at(
                        &format!("pain_points[{i}].probability"),
                        p.probability.dist(),
                    )?,
                    abandon: at(&format!("pain_points[{i}].abandon"), p.abandon.dist())?,
                    recovers: false,
                })
            })
            .collect::<Result<Vec<_>, ModelError>>()?;
        let happies = s
            .happy_moments
            .iter()
            .enumerate()
            .map(|(i, h)| {
                Ok(EventModel {
                    loc: loc(h.stage),
                    probability: at(
                        &format!("happy_moments[{i}].probability"),
                        h.probability.dist(),
                    )?,
                    abandon: ProbDist::Fixed(0.0),
                    recovers: h.recovers,
                })
            })
            .collect::<Result<Vec<_>, ModelError>>()?;
        Ok(Model {
            layout,
            horizon,
            uncertainty: s.meta.parameter_uncertainty,
            conversion: s
                .stages
                .iter()
                .enumerate()
                .map(|(i, st)| at(&format!("stages[{i}].conversion"), st.conversion.dist()))
                .collect::<Result<_, _>>()?,
            mean_periods: s.stages.iter().map(|st| st.mean_periods).collect(),
            personas,
            pains,
            happies,
            churn,
            repeat: at(
                "retention.repeat_purchase",
                s.retention.repeat_purchase.dist(),
            )?,
            promotion: at("advocacy.promotion", s.advocacy.promotion.dist())?,
            advocate_churn: s.advocacy.churn_multiplier,
            delight: s.advocacy.delight_multiplier,
            referrals: at(
                "advocacy.referrals_per_period",
                s.advocacy.referrals_per_period.dist(),
            )?,
            acceptance: at("advocacy.acceptance", s.advocacy.acceptance.dist())?,
            entry_stage: s.advocacy.entry_stage,
            initial: s.market.initial_cohort as f64,
            inflow: s.market.inflow_per_period as f64,
            market: s.market.market_size.map(|m| m as f64),
            external: s.market.external_influence,
            economics: s.economics.clone(),
        })
    }

    /// Whether expectations are exact (the model is linear: unlimited market).
    pub fn is_linear(&self) -> bool {
        self.market.is_none()
    }
}

/// The distribution of the input at `path`, or a [`ModelError`] naming it.
fn at<T>(path: &str, dist: Result<T, DistError>) -> Result<T, ModelError> {
    dist.map_err(|error| ModelError {
        input: path.to_string(),
        error,
    })
}

fn personas(s: &Scenario) -> Vec<PersonaModel> {
    if s.personas.is_empty() {
        return vec![PersonaModel {
            share: 1.0,
            conversion: 1.0,
            pain: 1.0,
            churn: 1.0,
            referrals: 1.0,
            tolerance: s.tolerance.leave_after.clone(),
        }];
    }
    s.personas
        .iter()
        .map(|p| PersonaModel {
            share: p.share,
            conversion: p.conversion_multiplier,
            pain: p.pain_multiplier,
            churn: p.churn_multiplier,
            referrals: p.referral_multiplier,
            tolerance: p
                .tolerance
                .as_ref()
                .unwrap_or(&s.tolerance)
                .leave_after
                .clone(),
        })
        .collect()
}

fn pad_tolerance(mut personas: Vec<PersonaModel>, max_tol: usize) -> Vec<PersonaModel> {
    for p in &mut personas {
        let sum: f64 = p.tolerance.iter().sum();
        p.tolerance.iter_mut().for_each(|x| *x /= sum);
        p.tolerance.resize(max_tol, 0.0);
    }
    personas
}
