//! Conservation: in every period of every run, everyone who entered is either still in the journey or
//! has left through a documented flow.

mod support;

use journey_sim::sim::{Cause, Series};
use journey_sim::sim::{Scenario, Simulation};
use serde_json::json;
use support::scenario;

fn check(s: &Scenario) {
    let sim = Simulation::new(s).expect("valid");
    let locations = s.stages.len() + 2;
    for b in 0..2 {
        for r in sim.run_batch(b).records {
            let entered = r.series(Series::Entered);
            let left = r.series(Series::Left);
            let inside: Vec<f64> = r
                .series(Series::Prospects)
                .iter()
                .zip(r.series(Series::Active))
                .map(|(p, a)| p + a)
                .collect();
            for t in 0..entered.len() {
                assert_eq!(entered[t] - left[t], inside[t], "period {t}");
                assert!(inside[t] >= 0.0 && inside[t] == inside[t].trunc());
            }
            let exits: f64 = (0..locations)
                .flat_map(|l| {
                    [
                        Cause::NoConversion,
                        Cause::Churn,
                        Cause::PainAbandon,
                        Cause::ToleranceExceeded,
                    ]
                    .map(|c| r.exits(l, c))
                })
                .sum();
            assert_eq!(
                exits,
                *left.last().unwrap(),
                "exits by cause add up to everyone who left"
            );
            let stages: f64 = (0..s.stages.len())
                .map(|k| r.stage_counts[k * entered.len() + 5])
                .sum();
            assert_eq!(stages, r.series(Series::Prospects)[5]);
        }
    }
}

#[test]
fn every_customer_is_accounted_for() {
    for f in [
        &[][..],
        &["pain"],
        &["pain", "happy", "personas"],
        &["hetero", "referrals", "inflow"],
        &[
            "pain",
            "happy",
            "personas",
            "hetero",
            "referrals",
            "inflow",
            "uncertain",
        ],
    ] {
        check(&scenario(f));
    }
}

#[test]
fn finite_market_is_accounted_for_and_never_exceeded() {
    let mut s = scenario(&["referrals", "inflow", "pain"]);
    s.market.market_size = Some(3_000);
    s.market.external_influence = 0.02;
    check(&s);
    let sim = Simulation::new(&s).unwrap();
    for r in sim.run_batch(0).records {
        assert!(r.series(Series::Entered).iter().all(|&e| e <= 3_000.0));
    }
    let _ = json!(null);
}
