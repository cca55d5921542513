//! The aggregate engine (binomial draws on groups) against the per-customer reference simulator: the same
//! means and spreads within sampling error.

mod support;

use journey_sim::sim::{Churn, Scenario, Simulation};
use journey_sim::sim::{Kpi, Series};
use support::reference::{run, RefRun};
use support::{mean_se, scenario, sd};

fn compare(name: &str, engine: &[f64], reference: &[f64]) {
    let (m1, se1) = mean_se(engine);
    let (m2, se2) = mean_se(reference);
    let se = (se1 * se1 + se2 * se2).sqrt();
    assert!(
        (m1 - m2).abs() <= 4.5 * se + 1e-9,
        "{name}: engine mean {m1} vs reference {m2} (se {se})"
    );
    let (s1, s2) = (sd(engine), sd(reference));
    if s1 + s2 > 0.0 {
        let ratio = s1.max(s2) / s1.min(s2).max(1e-12);
        assert!(ratio < 1.3, "{name}: engine sd {s1} vs reference sd {s2}");
    }
}

fn check(s: &Scenario, runs: usize) {
    let sim = Simulation::new(s).unwrap();
    let recs: Vec<_> = (0..sim.batches())
        .flat_map(|b| sim.run_batch(b).records)
        .collect();
    let refs: Vec<RefRun> = (0..runs as u64).map(|seed| run(s, 1_000 + seed)).collect();
    type Pick = fn(&RefRun) -> f64;
    let pairs: [(&str, Kpi, Pick); 4] = [
        ("purchased", Kpi::Purchased, |r| r.purchased),
        ("referred", Kpi::ReferredCustomers, |r| r.referred),
        ("retained", Kpi::RetainedAtHorizon, |r| r.retained),
        ("advocates", Kpi::AdvocatesAtHorizon, |r| r.advocates),
    ];
    for (name, id, get) in pairs {
        let e: Vec<f64> = recs.iter().map(|r| r.kpi(id)).collect();
        let r: Vec<f64> = refs.iter().map(get).collect();
        compare(name, &e, &r);
    }
    let e: Vec<f64> = recs
        .iter()
        .map(|r| r.series(Series::Revenue).iter().sum())
        .collect();
    let r: Vec<f64> = refs.iter().map(|r| r.revenue).collect();
    compare("revenue", &e, &r);
    for t in [2, 8, 15] {
        let e: Vec<f64> = recs.iter().map(|r| r.series(Series::Active)[t]).collect();
        let r: Vec<f64> = refs.iter().map(|r| r.active[t]).collect();
        compare(&format!("active[{t}]"), &e, &r);
    }
}

#[test]
fn agrees_with_per_customer_reference() {
    let s = scenario(&["pain", "happy", "personas", "referrals", "inflow"]);
    check(&s, 300);
}

#[test]
fn heterogeneous_churn_agrees_with_continuous_beta() {
    let mut s = scenario(&["hetero", "pain"]);
    s.retention.churn = Churn::Heterogeneous {
        alpha: 0.6,
        beta: 4.0,
    };
    check(&s, 300);
}
