//! Property test: random hostile edits of the templates never make [`validate`] panic, and an edit
//! that is invalid for every field (NaN, an infinity, a negative or a huge value) is always reported.
//!
//! Driven by proptest, which shrinks a failing case to a small one; a second test checks that the
//! property does fail for a validator that misses a rule.

use proptest::prelude::*;
use proptest::sample::{select, Index};
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};

use super::{validate, Problem};
use crate::sim::templates::{default_scenario, template, template_names};
use crate::sim::{Churn, Location, Persona, Prob, Rate, Scenario, Tolerance};

/// Cases per run of the property.
const CASES: u32 = 4_000;

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

/// Whether no number field accepts `x`: not a number, infinite, or one of [`ALWAYS_INVALID`].
fn always_invalid(x: f64) -> bool {
    !x.is_finite() || ALWAYS_INVALID.iter().any(|v| v.to_bits() == x.to_bits())
}

/// An odd or invalid number, or any `f64` at all.
fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        2 => select(ALWAYS_INVALID.to_vec()),
        2 => select(ODD.to_vec()),
        1 => any::<f64>(),
    ]
}

/// An odd whole number, or any `u64`.
fn count() -> impl Strategy<Value = u64> {
    prop_oneof![3 => select(COUNTS.to_vec()), 1 => any::<u64>()]
}

/// A probability of any kind with odd contents.
fn prob() -> impl Strategy<Value = Prob> {
    prop_oneof![
        number().prop_map(Prob::Point),
        (number(), number()).prop_map(|(low, high)| Prob::Range { low, high }),
        (count(), count()).prop_map(|(observed, of)| Prob::Observed { observed, of }),
    ]
}

/// One structural edit: a replaced probability, rate or churn, an odd count, or resized lists.
#[derive(Clone, Debug)]
enum Edit {
    Conversion(Index, Prob),
    Repeat(Prob),
    Heterogeneous(f64, f64),
    ReferralRange(f64, f64),
    Horizon(u64),
    Seed(u64),
    Market(u64),
    EntryStage(u64),
    KeepStages(usize),
    Lists(Lists),
}

/// Resized or redirected lists: events, tolerance, personas.
#[derive(Clone, Debug)]
struct Lists {
    pain_stage: u64,
    tolerance_len: usize,
    name_len: usize,
    share: f64,
    conversion: f64,
    referral: f64,
    leave_after: f64,
    leave_after_len: usize,
    personas: usize,
}

fn lists() -> impl Strategy<Value = Lists> {
    (
        (count(), 0..4usize, 0..300usize),
        (number(), number(), number()),
        (number(), 0..12usize, 0..10usize),
    )
        .prop_map(
            |(
                (pain_stage, tolerance_len, name_len),
                (share, conversion, referral),
                (leave_after, leave_after_len, personas),
            )| Lists {
                pain_stage,
                tolerance_len,
                name_len,
                share,
                conversion,
                referral,
                leave_after,
                leave_after_len,
                personas,
            },
        )
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<Index>(), prob()).prop_map(|(i, p)| Edit::Conversion(i, p)),
        prob().prop_map(Edit::Repeat),
        (number(), number()).prop_map(|(a, b)| Edit::Heterogeneous(a, b)),
        (number(), number()).prop_map(|(l, h)| Edit::ReferralRange(l, h)),
        count().prop_map(Edit::Horizon),
        count().prop_map(Edit::Seed),
        count().prop_map(Edit::Market),
        count().prop_map(Edit::EntryStage),
        (0..3usize).prop_map(Edit::KeepStages),
        lists().prop_map(Edit::Lists),
    ]
}

impl Edit {
    fn apply(self, s: &mut Scenario) {
        match self {
            Edit::Conversion(i, p) => {
                if !s.stages.is_empty() {
                    let k = i.index(s.stages.len());
                    s.stages[k].conversion = p;
                }
            }
            Edit::Repeat(p) => s.retention.repeat_purchase = p,
            Edit::Heterogeneous(alpha, beta) => {
                s.retention.churn = Churn::Heterogeneous { alpha, beta }
            }
            Edit::ReferralRange(low, high) => {
                s.advocacy.referrals_per_period = Rate::Range { low, high }
            }
            Edit::Horizon(n) => s.meta.horizon = n.min(u32::MAX as u64) as u32,
            Edit::Seed(n) => s.meta.seed = n,
            Edit::Market(n) => s.market.market_size = Some(n),
            Edit::EntryStage(n) => s.advocacy.entry_stage = n as usize,
            Edit::KeepStages(n) => s.stages.truncate(n),
            Edit::Lists(l) => {
                if let Some(p) = s.pain_points.first_mut() {
                    p.stage = Location::Funnel(l.pain_stage as usize);
                }
                s.tolerance.leave_after.truncate(l.tolerance_len);
                let persona = Persona {
                    name: "x".repeat(l.name_len),
                    share: l.share,
                    conversion_multiplier: l.conversion,
                    pain_multiplier: 1.0,
                    churn_multiplier: 1.0,
                    referral_multiplier: l.referral,
                    tolerance: Some(Tolerance {
                        leave_after: vec![l.leave_after; l.leave_after_len],
                    }),
                };
                s.personas.resize(l.personas, persona);
            }
        }
    }
}

/// A template, up to three structural edits, then one number field set to `value`.
#[derive(Clone, Debug)]
struct Case {
    template: Index,
    edits: Vec<Edit>,
    field: Index,
    value: f64,
}

fn case() -> impl Strategy<Value = Case> {
    (
        any::<Index>(),
        prop::collection::vec(edit(), 0..4),
        any::<Index>(),
        number(),
    )
        .prop_map(|(template, edits, field, value)| Case {
            template,
            edits,
            field,
            value,
        })
}

/// The property, for a validator `check`: it does not panic, every problem has a path and a message,
/// and a value no field accepts is reported.
fn holds(c: Case, check: impl Fn(&Scenario) -> Vec<Problem>) -> Result<(), TestCaseError> {
    let names = template_names();
    let name = names[c.template.index(names.len())];
    let mut s = template(name).unwrap_or_else(default_scenario);
    for e in c.edits {
        e.apply(&mut s);
    }
    let mut fields = floats(&mut s);
    let i = c.field.index(fields.len());
    *fields[i] = c.value;
    let problems = check(&s);
    prop_assert!(problems
        .iter()
        .all(|p| !p.path.is_empty() && !p.message.is_empty()));
    if always_invalid(c.value) {
        prop_assert!(!problems.is_empty(), "{} accepted in {name}", c.value);
    }
    Ok(())
}

proptest! {
    #![proptest_config(Config::with_cases(CASES))]

    #[test]
    fn hostile_edits_never_panic_and_invalid_numbers_are_reported(c in case()) {
        holds(c, validate)?;
    }
}

/// The property catches a validator that misses a rule (here: everything about economics), and
/// shrinks the counterexample to an economics field with an invalid value.
#[test]
fn the_property_fails_for_a_validator_that_misses_a_rule() {
    let blind = |s: &Scenario| -> Vec<Problem> {
        validate(s)
            .into_iter()
            .filter(|p| !p.path.starts_with("economics"))
            .collect()
    };
    let config = Config::with_cases(CASES);
    let mut runner =
        TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::ChaCha));
    let result = runner.run(&case(), |c| holds(c, blind));
    let Err(proptest::test_runner::TestError::Fail(_, minimal)) = result else {
        panic!("the blind validator passed: {result:?}");
    };
    assert!(always_invalid(minimal.value), "{minimal:?}");
}
