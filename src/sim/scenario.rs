//! The scenario: everything a planner describes about a journey, as serde types.
//!
//! This is the documented JSON format (see README, "Scenario format"). Probabilities are fractions
//! (0.25 = 25%); the UI shows them as percentages. Every field with a sensible default may be left out.

use serde::{Deserialize, Serialize};

use super::defaults::*;
use super::uncertain::{Prob, Rate};

/// The current scenario format version, written into every scenario as `schema_version`.
pub const SCHEMA_VERSION: u32 = 1;

/// A complete journey scenario.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Format version; see [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Name, description and simulation settings.
    pub meta: Meta,
    /// Who enters the journey, and from how large a pool.
    pub market: Market,
    /// The funnel stages in order; the last one converts into a purchase.
    pub stages: Vec<Stage>,
    /// What happens to customers after their first purchase.
    pub retention: Retention,
    /// Promotion of active customers to advocates, and their referrals.
    pub advocacy: Advocacy,
    /// Poor experiences, per stage.
    #[serde(default)]
    pub pain_points: Vec<PainPoint>,
    /// Moments of delight, per stage.
    #[serde(default)]
    pub happy_moments: Vec<HappyMoment>,
    /// How many poor experiences customers accept before leaving (used by personas without their own).
    #[serde(default)]
    pub tolerance: Tolerance,
    /// Segments of the cohort; empty means one persona with every multiplier at 1.
    #[serde(default)]
    pub personas: Vec<Persona>,
    /// Money: costs, order values, margin, discounting.
    #[serde(default)]
    pub economics: Economics,
}

/// Name, description and simulation settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// Scenario name shown in the library and on charts.
    pub name: String,
    /// Free text.
    #[serde(default)]
    pub description: String,
    /// What one period is called: "day", "week", "month"…
    #[serde(default = "default_period_label")]
    pub period_label: String,
    /// Number of periods simulated after t = 0.
    #[serde(default = "default_horizon")]
    pub horizon: u32,
    /// Number of Monte Carlo runs.
    #[serde(default = "default_runs")]
    pub runs: u32,
    /// Seed of the random stream: same seed and scenario give the same numbers everywhere.
    #[serde(default = "default_seed")]
    pub seed: u64,
    /// Draw uncertain parameters once per run (second-order Monte Carlo); off uses their means.
    #[serde(default = "default_true")]
    pub parameter_uncertainty: bool,
}

/// Who enters the journey.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Market {
    /// Prospects entering the first stage at t = 0.
    pub initial_cohort: u64,
    /// New prospects entering the first stage every period from t = 1 (acquisition).
    #[serde(default)]
    pub inflow_per_period: u64,
    /// Pool of potential customers; `None` means unlimited.
    #[serde(default)]
    pub market_size: Option<u64>,
    /// Fraction of the remaining pool that enters by itself each period (Bass "p"); needs a market size.
    #[serde(default)]
    pub external_influence: f64,
}

/// One funnel stage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    /// Stage name, e.g. "Consideration".
    pub name: String,
    /// Probability that a customer in the stage eventually moves on (the rest drop off).
    pub conversion: Prob,
    /// Average number of periods spent in the stage (at least 1).
    #[serde(default = "one")]
    pub mean_periods: f64,
    /// What the customer wants to achieve here (label only).
    #[serde(default)]
    pub goal: String,
    /// Touchpoints (label only).
    #[serde(default)]
    pub touchpoints: Vec<String>,
    /// Typical emotion (label only).
    #[serde(default)]
    pub emotion: String,
}

/// Where a pain point or happy moment happens: a funnel stage by index, or after purchase.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(
    untagged,
    expecting = "a stage: its index (0, 1, …), \"retention\" or \"advocacy\""
)]
pub enum Location {
    /// A funnel stage, by its index in `stages`.
    Funnel(usize),
    /// Retention or Advocacy.
    After(AfterPurchase),
}

/// The two post-purchase stages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AfterPurchase {
    /// Active customers who are not advocates.
    Retention,
    /// Advocates.
    Advocacy,
}

/// Churn of active customers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Churn {
    /// The same per-period churn probability for every customer.
    Fixed {
        /// Per-period churn probability.
        rate: Prob,
    },
    /// Each customer's churn probability is drawn from Beta(alpha, beta) at purchase (shifted-beta-geometric).
    Heterogeneous {
        /// Beta shape alpha (> 0).
        alpha: f64,
        /// Beta shape beta (> 0).
        beta: f64,
    },
}

/// What happens after the first purchase.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Retention {
    /// Churn of active customers.
    pub churn: Churn,
    /// Per-period probability that an active customer buys again.
    pub repeat_purchase: Prob,
}

/// Advocacy and referrals.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Advocacy {
    /// Per-period probability that an active customer becomes an advocate.
    pub promotion: Prob,
    /// Advocates churn at this multiple of the base churn.
    #[serde(default = "one")]
    pub churn_multiplier: f64,
    /// Referrals each advocate makes per period (Poisson mean).
    pub referrals_per_period: Rate,
    /// Probability that a referral becomes a new prospect.
    pub acceptance: Prob,
    /// Funnel stage (index) where referred prospects enter.
    #[serde(default = "one_usize")]
    pub entry_stage: usize,
    /// Each happy moment a customer has experienced (up to 3) multiplies the promotion probability by this.
    #[serde(default = "one")]
    pub delight_multiplier: f64,
}

/// A poor experience.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PainPoint {
    /// Name, e.g. "Slow checkout".
    pub name: String,
    /// Where it happens.
    pub stage: Location,
    /// Per-period probability that a customer in that stage has this poor experience.
    pub probability: Prob,
    /// Probability that the customer leaves at once when it happens.
    #[serde(default = "zero_prob")]
    pub abandon: Prob,
}

/// A moment of delight.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HappyMoment {
    /// Name, e.g. "Personal thank-you note".
    pub name: String,
    /// Where it happens.
    pub stage: Location,
    /// Per-period probability that a customer in that stage experiences it.
    pub probability: Prob,
    /// Whether it cancels one earlier poor experience (service recovery).
    #[serde(default)]
    pub recovers: bool,
}

/// How many poor experiences customers accept: `leave_after[k]` is the share who leave after k + 1.
/// The last entry stands for "that many or more".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tolerance {
    /// Shares (fractions summing to 1) leaving after 1, 2, 3, … poor experiences.
    pub leave_after: Vec<f64>,
}

impl Default for Tolerance {
    /// Emplifi/Harris (Nov 2021): 17% leave after 1, 40% after 2, 29% after 3, 14% after 4 or more.
    fn default() -> Self {
        Tolerance {
            leave_after: vec![0.17, 0.40, 0.29, 0.14],
        }
    }
}

/// A segment of the cohort.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Persona {
    /// Persona name.
    pub name: String,
    /// Share of every group of new prospects (fractions over all personas sum to 1).
    pub share: f64,
    /// Multiplies every stage conversion (capped at 100%).
    #[serde(default = "one")]
    pub conversion_multiplier: f64,
    /// Multiplies every pain-point probability (capped at 100%).
    #[serde(default = "one")]
    pub pain_multiplier: f64,
    /// Multiplies churn (capped at 100%).
    #[serde(default = "one")]
    pub churn_multiplier: f64,
    /// Multiplies referrals per advocate.
    #[serde(default = "one")]
    pub referral_multiplier: f64,
    /// Own tolerance distribution; `None` uses the scenario's.
    #[serde(default)]
    pub tolerance: Option<Tolerance>,
}

/// Money.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Economics {
    /// Cost per prospect acquired (initial cohort, inflow and external influence).
    #[serde(default)]
    pub acquisition_cost: f64,
    /// Revenue of a first purchase.
    #[serde(default)]
    pub first_order_value: f64,
    /// Revenue of each repeat purchase.
    #[serde(default)]
    pub repeat_order_value: f64,
    /// Gross margin as a fraction of revenue.
    #[serde(default = "one")]
    pub gross_margin: f64,
    /// Reward paid when a referred customer makes a first purchase.
    #[serde(default)]
    pub referral_reward: f64,
    /// Discount rate per period used for profit, CLV and ROI.
    #[serde(default)]
    pub discount_rate: f64,
    /// Currency symbol or code shown with money.
    #[serde(default = "default_currency")]
    pub currency: String,
}

impl Default for Economics {
    fn default() -> Self {
        Economics {
            acquisition_cost: 0.0,
            first_order_value: 0.0,
            repeat_order_value: 0.0,
            gross_margin: 1.0,
            referral_reward: 0.0,
            discount_rate: 0.0,
            currency: default_currency(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Churn is read with serde's internally tagged enum: `kind` chooses the variant, and serde names a
    /// missing field, a missing `kind` or an unknown kind.
    #[test]
    fn churn_reads_each_kind_and_names_what_is_missing() {
        let read = |s: &str| serde_json::from_str::<Churn>(s).map_err(|e| e.to_string());
        let fixed = read(r#"{"kind": "fixed", "rate": 0.05}"#).unwrap();
        assert_eq!(
            fixed,
            Churn::Fixed {
                rate: Prob::Point(0.05)
            }
        );
        let text = serde_json::to_string(&fixed).unwrap();
        assert_eq!(read(&text), Ok(fixed));
        let het = Churn::Heterogeneous {
            alpha: 2.0,
            beta: 30.0,
        };
        assert_eq!(
            read(r#"{"beta": 30, "kind": "heterogeneous", "alpha": 2}"#),
            Ok(het)
        );
        let no_rate = read(r#"{"kind": "fixed"}"#).unwrap_err();
        assert!(no_rate.starts_with("missing field `rate`"), "{no_rate}");
        let no_beta = read(r#"{"kind": "heterogeneous", "alpha": 2}"#).unwrap_err();
        assert!(no_beta.starts_with("missing field `beta`"), "{no_beta}");
        let no_kind = read(r#"{"rate": 0.1}"#).unwrap_err();
        assert!(no_kind.starts_with("missing field `kind`"), "{no_kind}");
        let odd = read(r#"{"kind": "sometimes", "rate": 0.1}"#).unwrap_err();
        assert!(odd.starts_with("unknown variant `sometimes`"), "{odd}");
    }
}
