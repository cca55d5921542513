//! Shared proptest strategies of the store tests: random valid scenarios made by changing the templates
//! within valid ranges, and texts drawn from an alphabet. A failing case is shrunk by proptest.
//!
//! Native only: proptest is not built for the wasm32 test target.

#![cfg(not(target_arch = "wasm32"))]
#![allow(dead_code)]

use journey_sim::sim::templates::{template, template_names};
use journey_sim::sim::{validate, Prob, Rate, Scenario};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

/// Characters for names: letters, spaces, quotes, separators, accents, emoji, control-ish.
pub const NAME_CHARS: &[char] = &[
    'a', 'B', 'z', ' ', '"', '\'', '\\', '/', '#', ',', '.', '%', '&', 'é', '€', '中', '😀', '\t',
    '<', '>', '{', '}',
];

/// Texts of `len` characters (a range) drawn from `alphabet`.
pub fn text(
    alphabet: &'static [char],
    len: impl Into<proptest::collection::SizeRange>,
) -> impl Strategy<Value = String> {
    vec(select(alphabet), len).prop_map(String::from_iter)
}

/// Uniform in [lo, hi), rounded to `decimals` decimals (as a planner types numbers), within the bounds
/// rounded the same way (so `0.16 + 0.05` stays `0.21`, not `0.21000000000000002`).
pub fn num(lo: f64, hi: f64, decimals: i32) -> impl Strategy<Value = f64> {
    let scale = 10f64.powi(decimals);
    let round = move |x: f64| (x * scale).round() / scale;
    (lo..hi).prop_map(move |x| round(x).clamp(round(lo), round(hi)))
}

/// A probability input with up to 3 decimals, a range, or counts.
fn prob() -> impl Strategy<Value = Prob> {
    prop_oneof![
        num(0.0, 1.0, 3).prop_map(Prob::Point),
        num(0.05, 0.5, 2).prop_flat_map(|low| {
            num(low + 0.05, low + 0.3, 2).prop_map(move |high| Prob::Range { low, high })
        }),
        (1..=10_000u64).prop_flat_map(|of| {
            (0..=of).prop_map(move |observed| Prob::Observed { observed, of })
        }),
    ]
}

/// A referral rate: a point or a range.
fn rate() -> impl Strategy<Value = Rate> {
    prop_oneof![
        num(0.0, 3.0, 2).prop_map(Rate::Point),
        (num(0.1, 1.0, 2), num(1.5, 4.0, 2)).prop_map(|(low, high)| Rate::Range { low, high }),
    ]
}

/// New settings: name, description, horizon, runs, seed, parameter uncertainty.
type Settings = (String, String, u32, u32, u64, bool);

/// New market, retention, advocacy and economics figures.
type Figures = (u64, u64, Prob, f64, Rate, f64, f64, f64);

/// The changes made to a template: settings, each stage's conversion and mean time, other figures.
type Changes = (Settings, Vec<(Prob, f64)>, Figures);

/// More stages than any template has, so every stage is changed.
const MAX_STAGES: usize = 16;

/// The changes to apply to a template.
fn changes() -> impl Strategy<Value = Changes> {
    let settings = (
        text(NAME_CHARS, 1..=60),
        text(NAME_CHARS, 0..150),
        1..=520u32,
        1..=100_000u32,
        any::<u64>().prop_map(|x| x >> 11),
        any::<bool>(),
    );
    let stages = vec((prob(), num(1.0, 20.0, 1)), MAX_STAGES);
    let figures = (
        1..=1_000_000u64,
        0..5_000u64,
        prob(),
        num(0.0, 0.2, 3),
        rate(),
        num(0.0, 1_000.0, 2),
        num(0.0, 100.0, 2),
        num(0.0, 0.05, 4),
    );
    (settings, stages, figures)
}

/// `s` with the changes applied.
fn apply(mut s: Scenario, (settings, stages, figures): Changes) -> Scenario {
    let (name, description, horizon, runs, seed, uncertainty) = settings;
    s.meta.name = name;
    s.meta.description = description;
    s.meta.horizon = horizon;
    s.meta.runs = runs;
    s.meta.seed = seed;
    s.meta.parameter_uncertainty = uncertainty;
    assert!(s.stages.len() <= MAX_STAGES, "raise MAX_STAGES");
    for (stage, (conversion, mean)) in s.stages.iter_mut().zip(stages) {
        stage.conversion = conversion;
        stage.mean_periods = mean;
    }
    let (cohort, inflow, repeat, promotion, referrals, order, acquisition, discount) = figures;
    s.market.initial_cohort = cohort;
    s.market.inflow_per_period = inflow;
    s.retention.repeat_purchase = repeat;
    s.advocacy.promotion = Prob::Point(promotion);
    s.advocacy.referrals_per_period = referrals;
    s.economics.first_order_value = order;
    s.economics.acquisition_cost = acquisition;
    s.economics.discount_rate = discount;
    s
}

/// A random valid scenario: a template with numbers and texts changed within valid ranges (the
/// few changes that do not validate are drawn again).
pub fn scenario() -> impl Strategy<Value = Scenario> {
    (select(template_names()), changes()).prop_filter_map(
        "the changed scenario must validate",
        |(name, changes)| {
            let s = apply(template(name)?, changes);
            validate(&s).is_empty().then_some(s)
        },
    )
}
