//! Shared test fixtures: small scenarios with one feature switched on at a time, and statistics helpers.
#![allow(dead_code)]

pub mod reference;

use journey_sim::sim::{Scenario, Simulation, Summary};
use serde_json::{json, Value};

/// A small linear scenario (unlimited market) with the features named in `features`:
/// "pain", "personas", "hetero", "referrals", "happy", "inflow", "uncertain".
pub fn scenario(features: &[&str]) -> Scenario {
    let has = |f: &str| features.contains(&f);
    let mut v = json!({
        "schema_version": 1,
        "meta": {"name": "fixture", "horizon": 30, "runs": 400, "seed": 7,
                  "parameter_uncertainty": has("uncertain")},
        "market": {"initial_cohort": 2000, "inflow_per_period": if has("inflow") {50} else {0}},
        "stages": [
            {"name": "Awareness", "conversion": 0.6, "mean_periods": 2.0},
            {"name": "Consideration", "conversion": {"low": 0.3, "high": 0.5}, "mean_periods": 1.5},
            {"name": "Purchase", "conversion": {"observed": 70, "of": 100}, "mean_periods": 1.0}
        ],
        "retention": {"churn": {"kind": "fixed", "rate": 0.05}, "repeat_purchase": 0.1},
        "advocacy": {"promotion": 0.04, "churn_multiplier": 0.5,
                     "referrals_per_period": if has("referrals") {json!(0.3)} else {json!(0.0)},
                     "acceptance": 0.3, "entry_stage": 1, "delight_multiplier": 2.0},
        "economics": {"acquisition_cost": 2.0, "first_order_value": 50.0, "repeat_order_value": 30.0,
                      "gross_margin": 0.4, "referral_reward": 5.0, "discount_rate": 0.002}
    });
    if has("pain") {
        v["pain_points"] = json!([
            {"name": "Confusing page", "stage": 1, "probability": 0.15, "abandon": 0.3},
            {"name": "Checkout error", "stage": 2, "probability": 0.2, "abandon": 0.1},
            {"name": "Slow support", "stage": "retention", "probability": 0.1, "abandon": 0.05},
            {"name": "Spam", "stage": "advocacy", "probability": 0.05}
        ]);
        v["tolerance"] = json!({"leave_after": [0.17, 0.40, 0.29, 0.14]});
    }
    if has("happy") {
        v["happy_moments"] = json!([
            {"name": "Thank-you note", "stage": "retention", "probability": 0.2, "recovers": true},
            {"name": "Great demo", "stage": 1, "probability": 0.3}
        ]);
    }
    if has("personas") {
        v["personas"] = json!([
            {"name": "Bargain hunter", "share": 0.6, "conversion_multiplier": 0.8,
             "pain_multiplier": 1.5, "churn_multiplier": 1.4, "referral_multiplier": 0.5,
             "tolerance": {"leave_after": [0.5, 0.5]}},
            {"name": "Loyal", "share": 0.4, "conversion_multiplier": 1.2, "churn_multiplier": 0.5,
             "referral_multiplier": 2.0}
        ]);
    }
    if has("hetero") {
        v["retention"]["churn"] = json!({"kind": "heterogeneous", "alpha": 0.8, "beta": 9.0});
    }
    from_value(v)
}

/// A scenario from JSON, panicking with serde's message if it does not parse.
pub fn from_value(v: Value) -> Scenario {
    serde_json::from_value(v).expect("fixture parses")
}

/// Simulates and summarises, panicking with the problems if the scenario is invalid.
pub fn summarise(s: &Scenario) -> Summary {
    match Simulation::new(s) {
        Ok(sim) => sim.run(),
        Err(p) => panic!("invalid fixture: {p:?}"),
    }
}

/// Mean and standard error of the mean.
pub fn mean_se(xs: &[f64]) -> (f64, f64) {
    let n = xs.len() as f64;
    let m = xs.iter().sum::<f64>() / n;
    let var = xs.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (n - 1.0);
    (m, (var / n).sqrt())
}

/// Standard deviation (n − 1).
pub fn sd(xs: &[f64]) -> f64 {
    let (m, _) = mean_se(xs);
    (xs.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (xs.len() as f64 - 1.0)).sqrt()
}
