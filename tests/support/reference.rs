//! A straightforward per-customer simulator of the same model, kept as a reference for the engine.
//!
//! It follows the period order documented in `src/sim/step.rs` customer by customer, and draws
//! heterogeneous churn from the continuous Beta distribution (not the engine's quadrature nodes), so
//! agreement with the engine also checks that the quadrature reproduces the Beta model.

use journey_sim::sim::model::{ChurnModel, Model};
use journey_sim::sim::params::RunParams;
use journey_sim::sim::{Churn, Scenario};
use rand::rngs::Xoshiro256PlusPlus;
use rand::{RngExt, SeedableRng};
use rand_distr::{Beta, Distribution, Poisson};

/// One customer.
#[derive(Clone)]
struct Customer {
    loc: usize,
    persona: usize,
    origin: usize,
    tau: usize,
    poor: usize,
    delight: usize,
    theta: f64,
}

/// What one reference run reports.
#[derive(Clone, Debug, Default)]
pub struct RefRun {
    /// First purchases.
    pub purchased: f64,
    /// First purchases by referred customers.
    pub referred: f64,
    /// Active (incl. advocates) at the horizon.
    pub retained: f64,
    /// Advocates at the horizon.
    pub advocates: f64,
    /// Undiscounted revenue.
    pub revenue: f64,
    /// Active customers per period.
    pub active: Vec<f64>,
}

fn pick(rng: &mut Xoshiro256PlusPlus, probs: &[f64]) -> usize {
    let mut u: f64 = rng.random();
    for (i, &p) in probs.iter().enumerate() {
        if u < p {
            return i;
        }
        u -= p;
    }
    probs.len() - 1
}

fn newcomer(m: &Model, rng: &mut Xoshiro256PlusPlus, loc: usize, origin: usize) -> Customer {
    let shares: Vec<f64> = m.personas.iter().map(|p| p.share).collect();
    let persona = pick(rng, &shares);
    let tau = pick(rng, &m.personas[persona].tolerance) + 1;
    Customer {
        loc,
        persona,
        origin,
        tau,
        poor: 0,
        delight: 0,
        theta: 0.0,
    }
}

/// Runs the reference simulation of `s` (parameters at their means) with `seed`.
pub fn run(s: &Scenario, seed: u64) -> RefRun {
    let m = Model::new(s).expect("valid");
    let shapes = match s.retention.churn {
        Churn::Heterogeneous { alpha, beta } => Some((alpha, beta)),
        Churn::Fixed { .. } => None,
    };
    let p = RunParams::new(&m, None);
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let k = m.layout.stages;
    let (ret, adv) = (k, k + 1);
    let mut people: Vec<Customer> = (0..m.initial as usize)
        .map(|_| newcomer(&m, &mut rng, 0, 0))
        .collect();
    let mut out = RefRun {
        active: vec![0.0],
        ..Default::default()
    };
    let e = &m.economics;
    for _t in 1..=m.horizon {
        let mut next = Vec::with_capacity(people.len());
        let mut referrals = 0.0;
        // (1) pain points then happy moments, in order, at each customer's location.
        for c in people.iter_mut() {
            for (i, ev) in m.pains.iter().enumerate() {
                if c.loc != ev.loc || c.tau == 0 || !rng.random_bool(p.pain[i][c.persona]) {
                    continue;
                }
                if rng.random_bool(p.abandon[i]) {
                    c.tau = 0; // gone
                } else {
                    c.poor += 1;
                    if c.poor == c.tau {
                        c.tau = 0;
                    }
                }
            }
            for (i, ev) in m.happies.iter().enumerate() {
                if c.loc == ev.loc && c.tau > 0 && rng.random_bool(p.happy[i]) {
                    c.delight = (c.delight + 1).min(3);
                    if ev.recovers && c.poor > 0 {
                        c.poor -= 1;
                    }
                }
            }
        }
        people.retain(|c| c.tau > 0);
        for mut c in people {
            if c.loc < k {
                // (2) advance / drop / stay.
                if rng.random_bool(p.advance[c.loc][c.persona]) {
                    if c.loc + 1 < k {
                        c.loc += 1;
                    } else {
                        out.purchased += 1.0;
                        out.referred += c.origin as f64;
                        out.revenue += e.first_order_value;
                        c.loc = ret;
                        c.origin = 0;
                        c.theta = draw_theta(&m, shapes, &mut rng);
                    }
                } else if rng.random_bool(p.drop_given_stay[c.loc][c.persona]) {
                    continue;
                }
                next.push(c);
            } else {
                // (3) and (4) active customers and advocates.
                if rng.random_bool(p.repeat) {
                    out.revenue += e.repeat_order_value;
                }
                let mult =
                    m.personas[c.persona].churn * if c.loc == adv { m.advocate_churn } else { 1.0 };
                if rng.random_bool((c.theta * mult).min(1.0)) {
                    continue;
                }
                if c.loc == ret && rng.random_bool(p.promote[c.delight]) {
                    c.loc = adv;
                } else if c.loc == adv {
                    referrals += p.referrals[c.persona];
                }
                next.push(c);
            }
        }
        // (5) referrals and inflow join for the next period.
        let made = if referrals > 0.0 {
            Poisson::new(referrals).unwrap().sample(&mut rng) as u64
        } else {
            0
        };
        for _ in 0..made {
            if rng.random_bool(p.acceptance) {
                next.push(newcomer(&m, &mut rng, m.entry_stage, 1));
            }
        }
        for _ in 0..m.inflow as usize {
            next.push(newcomer(&m, &mut rng, 0, 0));
        }
        people = next;
        out.active
            .push(people.iter().filter(|c| c.loc >= ret).count() as f64);
    }
    out.retained = *out.active.last().unwrap();
    out.advocates = people.iter().filter(|c| c.loc == adv).count() as f64;
    out
}

fn draw_theta(m: &Model, shapes: Option<(f64, f64)>, rng: &mut Xoshiro256PlusPlus) -> f64 {
    match (&m.churn, shapes) {
        (ChurnModel::Fixed(d), _) => d.mean(),
        (ChurnModel::Nodes(_), Some((a, b))) => Beta::new(a, b).unwrap().sample(rng),
        (ChurnModel::Nodes(_), None) => unreachable!("heterogeneous churn has shapes"),
    }
}
