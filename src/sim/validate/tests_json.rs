//! Several problems at once, the `Problem` type, checking scenario JSON, and how numbers are shown.

use super::checks::{count, num, pct};
use super::tests::{one, with};
use super::{check_scenario_json, Problem};
use crate::sim::templates::default_scenario;
use crate::sim::{Location, Prob};

#[test]
fn several_problems_are_reported_together() {
    let problems = with(|s| {
        s.meta.horizon = 0;
        s.stages[2].conversion = Prob::Point(1.4);
        s.pain_points[0].stage = Location::Funnel(9);
        s.economics.gross_margin = f64::NAN;
    });
    let expected = [
        "meta.horizon: must be at least 1 period, got 0",
        "stages[2].conversion: must be between 0% and 100%, got 140%",
        "pain_points[0].stage: refers to stage 9, but the journey has 4 stages",
        "economics.gross_margin: must be a number, got NaN",
    ];
    assert_eq!(problems, expected);
}

#[test]
fn problems_display_and_serialise() {
    let p = Problem::new("meta.horizon", "must be at least 1 period, got 0");
    assert_eq!(
        p.to_string(),
        "meta.horizon: must be at least 1 period, got 0"
    );
    let json = serde_json::to_string(&p).unwrap_or_default();
    assert_eq!(serde_json::from_str::<Problem>(&json).ok(), Some(p));
}

#[test]
fn json_is_parsed_then_validated() {
    let good = serde_json::to_string(&default_scenario()).unwrap_or_default();
    assert_eq!(check_scenario_json(&good).ok(), Some(default_scenario()));

    let bad = good.replacen("\"horizon\":52", "\"horizon\":0", 1);
    let problems = check_scenario_json(&bad).err().unwrap_or_default();
    assert_eq!(
        problems[0].to_string(),
        "meta.horizon: must be at least 1 period, got 0"
    );

    let broken = check_scenario_json("{\n  \"schema_version\": 1,\n  oops").err();
    let problems = broken.unwrap_or_default();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, "json");
    assert!(
        problems[0].message.contains("line 3 column 3"),
        "{problems:?}"
    );
}

#[test]
fn json_garbage_never_panics() {
    let inputs = [
        "",
        "null",
        "[]",
        "{}",
        "\"x\"",
        "{\"schema_version\": -1}",
        "1e999",
        "{{{{",
    ];
    for text in inputs {
        let problems = check_scenario_json(text).err().unwrap_or_default();
        assert_eq!(problems.len(), 1, "{text}");
        assert_eq!(problems[0].path, "json");
    }
}

#[test]
fn numbers_are_grouped_and_extremes_stay_short() {
    assert_eq!(num(1_234_567.5), "1,234,567.5");
    assert_eq!(num(-12_345.0), "-12,345");
    assert_eq!(num(999.0), "999");
    assert_eq!(num(1e300), "1e300");
    assert_eq!(num(-1e-7), "-1e-7");
    assert_eq!(pct(0.055), "5.5%");
    assert_eq!(pct(-1e-7), "-1e-5%");
    assert_eq!(count(u64::MAX), "18,446,744,073,709,551,615");
}

#[test]
fn values_just_past_a_limit_are_not_rounded_onto_it() {
    assert_eq!(
        one(|s| s.stages[0].mean_periods = 0.99999),
        "stages[0].mean_periods: must be at least 1 period, got 0.99999"
    );
    assert_eq!(
        one(|s| s.stages[0].conversion = Prob::Point(1e300)),
        "stages[0].conversion: must be between 0% and 100%, got 1e302%"
    );
    let shown = one(|s| s.stages[0].conversion = Prob::Point(1.000_000_1));
    assert!(!shown.ends_with("got 100%"), "{shown}");
    assert_eq!(
        one(|s| s.advocacy.churn_multiplier = 100.000_01),
        "advocacy.churn_multiplier: must be between 0 and 100, got 100.00001"
    );
}
