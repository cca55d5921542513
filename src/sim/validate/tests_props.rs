//! Property-style test: random hostile edits of the templates never make [`validate`] panic, and an
//! edit that is invalid for every field is always reported.
//!
//! Deterministic: a hand-rolled linear congruential generator drives the edits.

use super::validate;
use crate::sim::templates::{template, template_names};
use crate::sim::{Churn, Location, Persona, Prob, Rate, Scenario, Tolerance};

/// Knuth's MMIX linear congruential generator; the high bits are the output.
struct Lcg(u64);

impl Lcg {
    /// The next 32 random bits.
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 32
    }

    /// A random index below `n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// A random element of a non-empty slice.
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// Values that no number field accepts (every field must be finite, ≥ 0 and ≤ a finite limit).
const ALWAYS_INVALID: [f64; 7] = [
    f64::NAN,
    f64::INFINITY,
    f64::NEG_INFINITY,
    -1.0,
    -1e308,
    1e308,
    f64::MAX,
];

/// Odd but possibly valid values.
const ODD: [f64; 6] = [-0.0, 0.0, 1e-320, f64::MIN_POSITIVE, 1.0, 0.999_999_999];

/// Odd whole numbers.
const COUNTS: [u64; 6] = [0, 1, 7, 1 << 53, 1_000_000_001, u64::MAX];

/// Collects the numbers inside a probability.
fn prob_floats<'a>(p: &'a mut Prob, out: &mut Vec<&'a mut f64>) {
    match p {
        Prob::Point(x) => out.push(x),
        Prob::Range { low, high } => out.extend([low, high]),
        Prob::Observed { .. } => {}
    }
}

/// Every floating-point field of a scenario.
fn floats(s: &mut Scenario) -> Vec<&mut f64> {
    let mut v: Vec<&mut f64> = vec![&mut s.market.external_influence];
    for st in &mut s.stages {
        v.push(&mut st.mean_periods);
        prob_floats(&mut st.conversion, &mut v);
    }
    match &mut s.retention.churn {
        Churn::Fixed { rate } => prob_floats(rate, &mut v),
        Churn::Heterogeneous { alpha, beta } => v.extend([alpha, beta]),
    }
    prob_floats(&mut s.retention.repeat_purchase, &mut v);
    let a = &mut s.advocacy;
    for p in [&mut a.promotion, &mut a.acceptance] {
        prob_floats(p, &mut v);
    }
    v.extend([&mut a.churn_multiplier, &mut a.delight_multiplier]);
    match &mut a.referrals_per_period {
        Rate::Point(x) => v.push(x),
        Rate::Range { low, high } => v.extend([low, high]),
    }
    for p in &mut s.pain_points {
        prob_floats(&mut p.probability, &mut v);
        prob_floats(&mut p.abandon, &mut v);
    }
    for h in &mut s.happy_moments {
        prob_floats(&mut h.probability, &mut v);
    }
    v.extend(s.tolerance.leave_after.iter_mut());
    for p in &mut s.personas {
        v.extend([
            &mut p.share,
            &mut p.conversion_multiplier,
            &mut p.pain_multiplier,
        ]);
        v.extend([&mut p.churn_multiplier, &mut p.referral_multiplier]);
        if let Some(t) = &mut p.tolerance {
            v.extend(t.leave_after.iter_mut());
        }
    }
    let e = &mut s.economics;
    v.extend([&mut e.acquisition_cost, &mut e.first_order_value]);
    v.extend([&mut e.repeat_order_value, &mut e.gross_margin]);
    v.extend([&mut e.referral_reward, &mut e.discount_rate]);
    v
}

/// A random odd or invalid number.
fn any_number(rng: &mut Lcg) -> f64 {
    if rng.below(2) == 0 {
        rng.pick(&ALWAYS_INVALID)
    } else {
        rng.pick(&ODD)
    }
}

/// A random probability of any kind with odd contents.
fn any_prob(rng: &mut Lcg) -> Prob {
    match rng.below(3) {
        0 => Prob::Point(any_number(rng)),
        1 => Prob::Range {
            low: any_number(rng),
            high: any_number(rng),
        },
        _ => Prob::Observed {
            observed: rng.pick(&COUNTS),
            of: rng.pick(&COUNTS),
        },
    }
}

/// One structural edit: a replaced probability, rate or churn, an odd count, or a resized list.
fn structural_edit(s: &mut Scenario, rng: &mut Lcg) {
    let n = rng.pick(&COUNTS);
    match rng.below(10) {
        0 => {
            let i = rng.below(s.stages.len());
            if let Some(st) = s.stages.get_mut(i) {
                st.conversion = any_prob(rng);
            }
        }
        1 => s.retention.repeat_purchase = any_prob(rng),
        2 => {
            let (alpha, beta) = (any_number(rng), any_number(rng));
            s.retention.churn = Churn::Heterogeneous { alpha, beta };
        }
        3 => {
            let (low, high) = (any_number(rng), any_number(rng));
            s.advocacy.referrals_per_period = Rate::Range { low, high };
        }
        4 => s.meta.horizon = n.min(u32::MAX as u64) as u32,
        5 => s.meta.seed = n,
        6 => s.market.market_size = Some(n),
        7 => s.advocacy.entry_stage = n as usize,
        8 => s.stages.truncate(rng.below(3)),
        _ => edit_lists(s, rng, n),
    }
}

/// Resizes or redirects the lists: events, tolerance, personas.
fn edit_lists(s: &mut Scenario, rng: &mut Lcg, n: u64) {
    if let Some(p) = s.pain_points.first_mut() {
        p.stage = Location::Funnel(n as usize);
    }
    s.tolerance.leave_after.truncate(rng.below(4));
    let persona = Persona {
        name: "x".repeat(rng.below(300)),
        share: any_number(rng),
        conversion_multiplier: any_number(rng),
        pain_multiplier: 1.0,
        churn_multiplier: 1.0,
        referral_multiplier: any_number(rng),
        tolerance: Some(Tolerance {
            leave_after: vec![any_number(rng); rng.below(12)],
        }),
    };
    s.personas.resize(rng.below(10), persona);
}

#[test]
fn hostile_edits_never_panic_and_invalid_numbers_are_reported() {
    let mut rng = Lcg(0x5EED_1234);
    for round in 0..4_000 {
        let name = rng.pick(template_names());
        let mut s = template(name).unwrap_or_else(crate::sim::templates::default_scenario);
        for _ in 0..rng.below(4) {
            structural_edit(&mut s, &mut rng);
        }
        let mut fields = floats(&mut s);
        let i = rng.below(fields.len());
        let x = any_number(&mut rng);
        if let Some(field) = fields.get_mut(i) {
            **field = x;
        }
        let problems = validate(&s);
        assert!(problems
            .iter()
            .all(|p| !p.path.is_empty() && !p.message.is_empty()));
        let always_invalid = ALWAYS_INVALID.iter().any(|v| v.to_bits() == x.to_bits());
        if always_invalid {
            assert!(
                !problems.is_empty(),
                "round {round}: {x} accepted in {name}"
            );
        }
    }
}
