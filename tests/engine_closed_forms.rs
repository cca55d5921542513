//! Closed forms: heterogeneous churn alone follows the shifted-beta-geometric survival curve, and a
//! finite market with external influence and word of mouth follows the Bass (1969) adoption curve.

mod support;

use journey_sim::sim::special::ln_beta;
use journey_sim::sim::Series;
use journey_sim::sim::{Scenario, Simulation};
use serde_json::json;
use support::{from_value, mean_se};

fn one_stage(
    market: serde_json::Value,
    retention: serde_json::Value,
    advocacy: serde_json::Value,
) -> Scenario {
    from_value(json!({
        "schema_version": 1,
        "meta": {"name": "closed form", "horizon": 40, "runs": 300, "seed": 11, "parameter_uncertainty": false},
        "market": market,
        "stages": [{"name": "Buy", "conversion": 1.0, "mean_periods": 1.0}],
        "retention": retention,
        "advocacy": advocacy,
        "tolerance": {"leave_after": [1.0]}
    }))
}

fn no_advocacy() -> serde_json::Value {
    json!({"promotion": 0.0, "referrals_per_period": 0.0, "acceptance": 0.0, "entry_stage": 0})
}

/// S(t) = B(α, β + t) / B(α, β).
fn sbg_survival(a: f64, b: f64, t: f64) -> f64 {
    (ln_beta(a, b + t) - ln_beta(a, b)).exp()
}

#[test]
fn heterogeneous_churn_follows_shifted_beta_geometric() {
    for (a, b) in [(0.5, 3.0), (1.2, 8.0), (3.0, 30.0), (0.3, 0.7)] {
        let s = one_stage(
            json!({"initial_cohort": 10_000}),
            json!({"churn": {"kind": "heterogeneous", "alpha": a, "beta": b}, "repeat_purchase": 0.0}),
            no_advocacy(),
        );
        let sim = Simulation::new(&s).unwrap();
        let exact = sim.expected().series(Series::Active).to_vec();
        let runs: Vec<_> = (0..sim.batches())
            .flat_map(|i| sim.run_batch(i).records)
            .collect();
        // Everyone buys in period 1; churn applies from period 2, so active(1 + t) = N0 · S(t).
        for t in 0..40 {
            let want = 10_000.0 * sbg_survival(a, b, t as f64);
            assert!(
                (exact[1 + t] - want).abs() < 1e-7 * want.max(1.0),
                "exact S({t}) for ({a},{b})"
            );
            let xs: Vec<f64> = runs
                .iter()
                .map(|r| r.series(Series::Active)[1 + t])
                .collect();
            let (m, se) = mean_se(&xs);
            assert!(
                (m - want).abs() <= 4.0 * se + 1e-9,
                "MC S({t}) for ({a},{b}): {m} vs {want}"
            );
        }
    }
}

/// Bass (1969): F(t) = (1 − e^{−(p+q)t}) / (1 + (q/p) e^{−(p+q)t}).
fn bass(p: f64, q: f64, t: f64) -> f64 {
    let e = (-(p + q) * t).exp();
    (1.0 - e) / (1.0 + q / p * e)
}

/// Largest gap between simulated cumulative adoption and the Bass curve: returns (monte carlo, mean-field).
pub fn bass_gap(p: f64, q: f64, horizon: u32) -> (f64, f64) {
    let market = 200_000.0;
    let mut s = one_stage(
        json!({"initial_cohort": 0, "market_size": market as u64, "external_influence": p}),
        json!({"churn": {"kind": "fixed", "rate": 0.0}, "repeat_purchase": 0.0}),
        json!({"promotion": 1.0, "referrals_per_period": q, "acceptance": 1.0, "entry_stage": 0}),
    );
    s.meta.horizon = horizon;
    s.meta.runs = 40;
    let sim = Simulation::new(&s).unwrap();
    let field = sim.expected().series(Series::Entered).to_vec();
    let runs: Vec<_> = (0..sim.batches())
        .flat_map(|i| sim.run_batch(i).records)
        .collect();
    let (mut mc_gap, mut field_gap) = (0.0f64, 0.0f64);
    for (t, expected) in field.iter().enumerate() {
        let xs: Vec<f64> = runs.iter().map(|r| r.series(Series::Entered)[t]).collect();
        let (m, _) = mean_se(&xs);
        let f = bass(p, q, t as f64);
        mc_gap = mc_gap.max((m / market - f).abs());
        field_gap = field_gap.max((expected / market - f).abs());
    }
    (mc_gap, field_gap)
}

/// The documented discretisation bound: the journey takes three periods from entering to the first
/// referral (purchase, promotion, referral), so word of mouth lags the continuous model; the largest gap in
/// adoption share stays below 0.75 · q · ln(q/p).
fn bass_bound(p: f64, q: f64) -> f64 {
    0.75 * q * (q / p).ln()
}

#[test]
fn finite_market_follows_bass_diffusion() {
    for (p, q) in [(0.002, 0.03), (0.005, 0.02), (0.001, 0.045), (0.01, 0.04)] {
        let (mc, field) = bass_gap(p, q, 400);
        println!(
            "Bass p={p} q={q}: max |F_sim − F| = {mc:.4} (mean-field {field:.4}), bound {:.4}",
            bass_bound(p, q)
        );
        assert!(mc < bass_bound(p, q), "p={p} q={q}: Monte Carlo gap {mc}");
        assert!(
            field < bass_bound(p, q),
            "p={p} q={q}: mean-field gap {field}"
        );
    }
}

#[test]
fn bass_gap_is_a_discretisation_error() {
    // Halving the per-period rates (a time step half as long) roughly halves the gap.
    let (coarse, _) = bass_gap(0.005, 0.02, 250);
    let (fine, _) = bass_gap(0.0025, 0.01, 500);
    assert!(fine < 0.6 * coarse, "coarse {coarse}, fine {fine}");
}
