//! Exact messages for probabilities, ranges, observed counts, rates, stages, texts and stage references.

use super::{validate, Problem};
use crate::sim::templates::default_scenario;
use crate::sim::{Location, Prob, Rate, Scenario};

/// The problems of the default scenario after `change`, as "path: message" lines.
pub(super) fn with(change: impl FnOnce(&mut Scenario)) -> Vec<String> {
    let mut s = default_scenario();
    change(&mut s);
    validate(&s).iter().map(Problem::to_string).collect()
}

/// The single problem of the default scenario after `change`.
pub(super) fn one(change: impl FnOnce(&mut Scenario)) -> String {
    let problems = with(change);
    assert_eq!(problems.len(), 1, "expected one problem, got {problems:?}");
    problems.into_iter().next().unwrap_or_default()
}

/// Sets the conversion of stage `i`.
fn conversion(i: usize, p: Prob) -> impl FnOnce(&mut Scenario) {
    move |s| s.stages[i].conversion = p
}

#[test]
fn the_default_scenario_is_valid() {
    assert_eq!(with(|_| {}), Vec::<String>::new());
}

#[test]
fn probability_out_of_range() {
    assert_eq!(
        one(conversion(2, Prob::Point(1.4))),
        "stages[2].conversion: must be between 0% and 100%, got 140%"
    );
    assert_eq!(
        one(conversion(1, Prob::Point(-0.055))),
        "stages[1].conversion: must be between 0% and 100%, got -5.5%"
    );
}

#[test]
fn probability_not_a_number() {
    let cases = [
        (f64::NAN, "NaN"),
        (f64::INFINITY, "infinity"),
        (f64::NEG_INFINITY, "-infinity"),
    ];
    for (x, shown) in cases {
        assert_eq!(
            one(conversion(0, Prob::Point(x))),
            format!("stages[0].conversion: must be a number, got {shown}")
        );
    }
}

#[test]
fn range_low_must_be_below_high() {
    let p = Prob::Range {
        low: 0.4,
        high: 0.2,
    };
    assert_eq!(
        one(conversion(0, p)),
        "stages[0].conversion: the low end (40%) must be below the high end (20%)"
    );
}

#[test]
fn range_must_lie_strictly_inside() {
    let p = Prob::Range {
        low: 0.0,
        high: 0.5,
    };
    assert_eq!(
        one(conversion(0, p)),
        "stages[0].conversion: a 90% range must lie strictly between 0% and 100%, got 0% to 50%"
    );
    let p = Prob::Range {
        low: 0.5,
        high: 1.0,
    };
    assert_eq!(
        one(conversion(0, p)),
        "stages[0].conversion: a 90% range must lie strictly between 0% and 100%, got 50% to 100%"
    );
}

#[test]
fn range_ends_must_be_numbers() {
    let p = Prob::Range {
        low: f64::NAN,
        high: f64::INFINITY,
    };
    assert_eq!(
        with(conversion(3, p)),
        [
            "stages[3].conversion.low: must be a number, got NaN",
            "stages[3].conversion.high: must be a number, got infinity",
        ]
    );
}

#[test]
fn range_that_cannot_be_fitted_reports_the_fit_error() {
    let candidates = [
        (0.3, 0.3 + 1e-12),
        (1e-12, 2e-12),
        (1.0 - 2e-12, 1.0 - 1e-12),
        (1e-300, 1.0 - 1e-16),
        (0.01, 0.99),
    ];
    for (low, high) in candidates {
        let p = Prob::Range { low, high };
        let expected: Vec<String> = match p.dist() {
            Err(e) => vec![format!("stages[0].conversion: {e}")],
            Ok(_) => vec![],
        };
        assert_eq!(with(conversion(0, p)), expected, "{low} to {high}");
    }
}

#[test]
fn observed_successes_cannot_exceed_trials() {
    let p = Prob::Observed {
        observed: 12,
        of: 10,
    };
    assert_eq!(
        one(conversion(2, p)),
        "stages[2].conversion: observed successes (12) cannot exceed trials (10)"
    );
}

#[test]
fn observed_needs_a_trial_and_at_most_the_limit() {
    let p = Prob::Observed { observed: 0, of: 0 };
    assert_eq!(
        one(conversion(2, p)),
        "stages[2].conversion: needs at least one observed trial"
    );
    let p = Prob::Observed {
        observed: 1,
        of: 1_000_000_001,
    };
    assert_eq!(
        one(conversion(2, p)),
        "stages[2].conversion: at most 1,000,000,000 observed trials, got 1,000,000,001"
    );
}

/// Sets the referral rate.
fn referrals(r: Rate) -> impl FnOnce(&mut Scenario) {
    move |s| s.advocacy.referrals_per_period = r
}

#[test]
fn referral_rate_points() {
    let path = "advocacy.referrals_per_period";
    assert_eq!(
        one(referrals(Rate::Point(-1.0))),
        format!("{path}: must be between 0 and 100, got -1")
    );
    assert_eq!(
        one(referrals(Rate::Point(100.5))),
        format!("{path}: must be between 0 and 100, got 100.5")
    );
    assert_eq!(
        one(referrals(Rate::Point(f64::NAN))),
        format!("{path}: must be a number, got NaN")
    );
}

#[test]
fn referral_rate_ranges() {
    let path = "advocacy.referrals_per_period";
    let r = Rate::Range {
        low: 0.5,
        high: 0.2,
    };
    assert_eq!(
        one(referrals(r)),
        format!("{path}: the low end (0.5) must be below the high end (0.2)")
    );
    let r = Rate::Range {
        low: 0.0,
        high: 0.5,
    };
    assert_eq!(
        one(referrals(r)),
        format!("{path}: a 90% range must lie above 0 and at most 100, got 0 to 0.5")
    );
    let r = Rate::Range {
        low: 1.0,
        high: f64::NEG_INFINITY,
    };
    assert_eq!(
        one(referrals(r)),
        format!("{path}.high: must be a number, got -infinity")
    );
}

#[test]
fn the_journey_needs_a_stage() {
    let problems = with(|s| s.stages.clear());
    assert!(problems.contains(&"stages: the journey needs at least one stage".to_string()));
    assert!(problems.contains(
        &"advocacy.entry_stage: refers to stage 1, but the journey has no stages".into()
    ));
}

#[test]
fn at_most_twelve_stages() {
    let msg = one(|s| {
        let last = s.stages[3].clone();
        s.stages.resize(13, last);
    });
    assert_eq!(msg, "stages: at most 12 stages, got 13");
}

#[test]
fn mean_periods_rules() {
    let set = |d: f64| move |s: &mut Scenario| s.stages[1].mean_periods = d;
    assert_eq!(
        one(set(0.5)),
        "stages[1].mean_periods: must be at least 1 period, got 0.5"
    );
    assert_eq!(
        one(set(600.0)),
        "stages[1].mean_periods: at most 520 periods, got 600"
    );
    assert_eq!(
        one(set(f64::NAN)),
        "stages[1].mean_periods: must be a number, got NaN"
    );
}

#[test]
fn names_must_not_be_empty() {
    let problems = with(|s| {
        s.meta.name = String::new();
        s.stages[0].name = "  ".into();
        s.pain_points[1].name = String::new();
        s.happy_moments[0].name = String::new();
    });
    let expected = [
        "meta.name: must not be empty",
        "stages[0].name: must not be empty",
        "pain_points[1].name: must not be empty",
        "happy_moments[0].name: must not be empty",
    ];
    assert_eq!(problems, expected);
}

#[test]
fn texts_have_a_maximum_length() {
    let long = "é".repeat(201);
    let problems = with(|s| {
        s.stages[0].goal = long.clone();
        s.stages[1].touchpoints = vec!["ok".into(), long.clone()];
        s.pain_points[0].name = long.clone();
    });
    let expected = [
        "stages[0].goal: at most 200 characters, got 201",
        "stages[1].touchpoints[1]: at most 200 characters, got 201",
        "pain_points[0].name: at most 200 characters, got 201",
    ];
    assert_eq!(problems, expected);
    assert_eq!(with(|s| s.stages[0].goal = "é".repeat(200)).len(), 0);
}

#[test]
fn locations_must_exist() {
    assert_eq!(
        one(|s| s.pain_points[2].stage = Location::Funnel(7)),
        "pain_points[2].stage: refers to stage 7, but the journey has 4 stages"
    );
    assert_eq!(
        one(|s| s.happy_moments[1].stage = Location::Funnel(4)),
        "happy_moments[1].stage: refers to stage 4, but the journey has 4 stages"
    );
    assert_eq!(
        one(|s| s.advocacy.entry_stage = 5),
        "advocacy.entry_stage: refers to stage 5, but the journey has 4 stages"
    );
    let problems = with(|s| s.stages.truncate(1));
    assert!(problems
        .contains(&"advocacy.entry_stage: refers to stage 1, but the journey has 1 stage".into()));
}
