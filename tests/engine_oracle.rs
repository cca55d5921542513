//! Oracle: with parameter uncertainty off, Monte Carlo means lie within 4 standard errors of the exact
//! expectations computed by the forward pass.

mod support;

use journey_sim::sim::{Kpi, Scenario, Series, Simulation};
use support::{mean_se, scenario};

fn within(name: &str, xs: &[f64], expected: f64) {
    let (m, se) = mean_se(xs);
    // Rare events may not show up at all in a finite sample: floor the standard error at the Poisson one.
    let floor = (expected.abs() / xs.len() as f64).sqrt();
    let tol = 4.0 * se.max(floor) + 1e-9 * expected.abs().max(1.0);
    assert!(
        (m - expected).abs() <= tol,
        "{name}: mean {m} vs expected {expected} (se {se})"
    );
}

fn check(s: &Scenario) {
    let sim = Simulation::new(s).expect("valid");
    assert!(sim.is_exact());
    let e = sim.expected().clone();
    let records: Vec<_> = (0..sim.batches())
        .flat_map(|b| sim.run_batch(b).records)
        .collect();
    for kpi in Kpi::ALL.into_iter().filter(|k| k.is_linear()) {
        let xs: Vec<f64> = records.iter().map(|r| r.kpi(kpi)).collect();
        within(kpi.name(), &xs, e.kpi(kpi));
    }
    for id in [
        Series::Active,
        Series::Advocates,
        Series::NewCustomers,
        Series::Referrals,
        Series::Revenue,
    ] {
        for t in [1, 3, 10, 20, s.meta.horizon as usize] {
            let xs: Vec<f64> = records.iter().map(|r| r.series(id)[t]).collect();
            within(&format!("{id:?}[{t}]"), &xs, e.series(id)[t]);
        }
    }
    for f in 0..e.flows.len() {
        let xs: Vec<f64> = records.iter().map(|r| r.flows[f]).collect();
        within(&format!("flow {f}"), &xs, e.flows[f]);
    }
    assert!(e.kpi(Kpi::Purchased) > 0.0);
}

#[test]
fn plain_journey() {
    check(&scenario(&[]));
}

#[test]
fn pain_points_and_happy_moments() {
    check(&scenario(&["pain", "happy"]));
}

#[test]
fn personas_with_own_tolerance() {
    check(&scenario(&["pain", "personas"]));
}

#[test]
fn heterogeneous_churn() {
    check(&scenario(&["hetero", "personas"]));
}

#[test]
fn referral_loop_and_inflow() {
    check(&scenario(&["referrals", "inflow", "happy"]));
}

#[test]
fn everything_at_once() {
    check(&scenario(&[
        "pain",
        "happy",
        "personas",
        "hetero",
        "referrals",
        "inflow",
    ]));
}

#[test]
fn summary_carries_expected_values() {
    let s = support::summarise(&scenario(&["pain"]));
    assert!(s.exact);
    assert!(s.kpis[&Kpi::Purchased].stats.expected.is_some());
    assert!(
        s.kpis[&Kpi::Clv].stats.expected.is_none(),
        "ratios have no exact expectation"
    );
    assert_eq!(
        s.series[&Series::Active].expected.as_ref().unwrap().len(),
        31
    );
    let mut finite = scenario(&[]);
    finite.market.market_size = Some(5_000);
    let f = support::summarise(&finite);
    assert!(!f.exact && f.kpis[&Kpi::Purchased].stats.expected.is_none());
}
