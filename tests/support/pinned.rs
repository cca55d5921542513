//! A small fixed scenario whose summary figures are pinned, shared by the native and the browser test.

use journey_sim::sim::{Kpi, Scenario, Series, Simulation, Summary};

/// The pinned scenario: every feature on, 200 runs over 20 periods.
pub fn pinned_scenario() -> Scenario {
    let text = r#"{
      "schema_version": 1,
      "meta": {"name": "pinned", "horizon": 20, "runs": 200, "seed": 424242},
      "market": {"initial_cohort": 5000, "inflow_per_period": 40},
      "stages": [
        {"name": "Awareness", "conversion": {"low": 0.3, "high": 0.5}, "mean_periods": 1.5},
        {"name": "Consideration", "conversion": 0.45, "mean_periods": 2},
        {"name": "Purchase", "conversion": {"observed": 60, "of": 90}}
      ],
      "retention": {"churn": {"kind": "heterogeneous", "alpha": 0.9, "beta": 11}, "repeat_purchase": 0.1},
      "advocacy": {"promotion": 0.05, "churn_multiplier": 0.5, "referrals_per_period": {"low": 0.1, "high": 0.5},
                   "acceptance": 0.3, "entry_stage": 1, "delight_multiplier": 1.5},
      "pain_points": [{"name": "Slow site", "stage": 1, "probability": 0.1, "abandon": 0.2},
                      {"name": "Billing error", "stage": "retention", "probability": 0.05, "abandon": 0.1}],
      "happy_moments": [{"name": "Fast fix", "stage": "retention", "probability": 0.1, "recovers": true}],
      "personas": [{"name": "A", "share": 0.7}, {"name": "B", "share": 0.3, "conversion_multiplier": 1.3,
                    "tolerance": {"leave_after": [0.5, 0.5]}}],
      "economics": {"acquisition_cost": 1, "first_order_value": 50, "repeat_order_value": 30,
                    "gross_margin": 0.4, "referral_reward": 5, "discount_rate": 0.001}
    }"#;
    serde_json::from_str(text).expect("pinned scenario parses")
}

/// Its summary.
pub fn pinned_summary() -> Summary {
    Simulation::new(&pinned_scenario()).expect("valid").run()
}

/// The figures pinned: (name, value).
pub fn pinned_figures(s: &Summary) -> Vec<(&'static str, f64)> {
    vec![
        ("purchased.mean", s.kpis[&Kpi::Purchased].stats.mean),
        ("purchased.p5", s.kpis[&Kpi::Purchased].stats.p5),
        ("purchased.p95", s.kpis[&Kpi::Purchased].stats.p95),
        ("retained.p50", s.kpis[&Kpi::RetainedAtHorizon].stats.p50),
        (
            "advocates.mean",
            s.kpis[&Kpi::AdvocatesAtHorizon].stats.mean,
        ),
        ("referred.mean", s.kpis[&Kpi::ReferredCustomers].stats.mean),
        ("revenue.mean", s.kpis[&Kpi::Revenue].stats.mean),
        ("active[10].p50", s.series[&Series::Active].p50[10]),
        (
            "expected.purchased",
            s.kpis[&Kpi::Purchased].stats.expected.unwrap_or(f64::NAN),
        ),
    ]
}

/// The pinned values, in [`pinned_figures`] order.
pub const PINNED: [f64; 9] = [
    880.73,
    632.4,
    1162.7499999999998,
    392.0,
    254.095,
    43.97,
    66882.67956939359,
    499.5,
    868.1497780444514,
];
