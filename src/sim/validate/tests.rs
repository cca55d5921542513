//! Exact messages of every rule: probabilities, ranges, observed counts, rates, stages, texts, stage
//! references, the schema version, meta, market, churn, advocacy, events, personas, tolerance and
//! economics.

use super::{validate, Problem};
use crate::sim::templates::default_scenario;
use crate::sim::{Churn, Location, Persona, Prob, Rate, Scenario, Tolerance};

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

/// A change to the default scenario and the one problem it must cause.
type Case = (fn(&mut Scenario), &'static str);

#[test]
fn schema_version_must_match() {
    assert_eq!(
        one(|s| s.schema_version = 2),
        "schema_version: this file is version 2, but this version of journey-sim reads version 1"
    );
    assert_eq!(
        one(|s| s.schema_version = 0),
        "schema_version: this file is version 0, but this version of journey-sim reads version 1"
    );
}

#[test]
fn horizon_runs_seed_and_period_label() {
    let cases: [Case; 6] = [
        (
            |s| s.meta.horizon = 0,
            "meta.horizon: must be at least 1 period, got 0",
        ),
        (
            |s| s.meta.horizon = 521,
            "meta.horizon: at most 520 periods, got 521",
        ),
        (
            |s| s.meta.runs = 0,
            "meta.runs: must be at least 1 run, got 0",
        ),
        (
            |s| s.meta.runs = 100_001,
            "meta.runs: at most 100,000 runs, got 100,001",
        ),
        (
            |s| s.meta.seed = 1 << 53,
            "meta.seed: at most 9,007,199,254,740,991, got 9,007,199,254,740,992",
        ),
        (
            |s| s.meta.period_label.clear(),
            "meta.period_label: must not be empty",
        ),
    ];
    for (change, expected) in cases {
        assert_eq!(one(change), expected);
    }
}

#[test]
fn market_limits() {
    let cases: [Case; 5] = [
        (
            |s| s.market.initial_cohort = 1_000_000_001,
            "market.initial_cohort: at most 1,000,000,000 people, got 1,000,000,001",
        ),
        (
            |s| s.market.inflow_per_period = u64::MAX,
            "market.inflow_per_period: at most 1,000,000,000 people per period, got 18,446,744,073,709,551,615",
        ),
        (
            |s| s.market.market_size = Some(5_000),
            "market.market_size: must be at least the initial cohort (10,000), got 5,000",
        ),
        (
            |s| s.market.external_influence = 0.01,
            "market.external_influence: needs a market size",
        ),
        (
            |s| {
                s.market.market_size = Some(100_000);
                s.market.external_influence = 1.4;
            },
            "market.external_influence: must be between 0% and 100%, got 140%",
        ),
    ];
    for (change, expected) in cases {
        assert_eq!(one(change), expected);
    }
    let too_big = with(|s| s.market.market_size = Some(2_000_000_000));
    assert_eq!(
        too_big,
        ["market.market_size: at most 1,000,000,000 people, got 2,000,000,000"]
    );
}

#[test]
fn somebody_must_enter() {
    assert_eq!(
        one(|s| s.market.initial_cohort = 0),
        "market.initial_cohort: nobody enters the journey (initial cohort and inflow are both 0)"
    );
    let by_inflow = with(|s| {
        s.market.initial_cohort = 0;
        s.market.inflow_per_period = 10;
    });
    assert!(by_inflow.is_empty());
    let by_word_of_mouth = with(|s| {
        s.market.initial_cohort = 0;
        s.market.market_size = Some(1_000);
        s.market.external_influence = 0.01;
    });
    assert!(by_word_of_mouth.is_empty());
}

#[test]
fn churn_rules() {
    assert_eq!(
        one(|s| s.retention.churn = Churn::Fixed {
            rate: Prob::Point(1.4)
        }),
        "retention.churn.rate: must be between 0% and 100%, got 140%"
    );
    let problems = with(|s| {
        s.retention.churn = Churn::Heterogeneous {
            alpha: 0.0,
            beta: f64::NAN,
        }
    });
    let expected = [
        "retention.churn.alpha: must be between 0.01 and 10,000, got 0",
        "retention.churn.beta: must be a number, got NaN",
    ];
    assert_eq!(problems, expected);
    assert_eq!(
        one(|s| s.retention.repeat_purchase = Prob::Point(2.0)),
        "retention.repeat_purchase: must be between 0% and 100%, got 200%"
    );
}

#[test]
fn advocacy_multipliers() {
    assert_eq!(
        one(|s| s.advocacy.churn_multiplier = 150.0),
        "advocacy.churn_multiplier: must be between 0 and 100, got 150"
    );
    assert_eq!(
        one(|s| s.advocacy.delight_multiplier = -1.5),
        "advocacy.delight_multiplier: must be between 0 and 100, got -1.5"
    );
}

#[test]
fn at_most_fifty_events() {
    let pains = one(|s| {
        let p = s.pain_points[0].clone();
        s.pain_points.resize(51, p);
    });
    assert_eq!(pains, "pain_points: at most 50 pain points, got 51");
    let happy = one(|s| {
        let h = s.happy_moments[0].clone();
        s.happy_moments.resize(51, h);
    });
    assert_eq!(happy, "happy_moments: at most 50 happy moments, got 51");
}

/// A persona with every multiplier at 1.
fn persona(name: &str, share: f64) -> Persona {
    Persona {
        name: name.into(),
        share,
        conversion_multiplier: 1.0,
        pain_multiplier: 1.0,
        churn_multiplier: 1.0,
        referral_multiplier: 1.0,
        tolerance: None,
    }
}

#[test]
fn persona_shares() {
    let problems = with(|s| s.personas = vec![persona("A", 0.5), persona("B", 0.4)]);
    assert_eq!(problems, ["personas: shares must add up to 100%, got 90%"]);
    let problems = with(|s| s.personas = vec![persona("A", -0.4), persona("B", 1.4)]);
    assert_eq!(
        problems,
        [
            "personas[0].share: must be between 0% and 100%, got -40%",
            "personas[1].share: must be between 0% and 100%, got 140%",
        ]
    );
    let nine = with(|s| s.personas = (0..9).map(|_| persona("P", 1.0 / 9.0)).collect());
    assert_eq!(nine, ["personas: at most 8 personas, got 9"]);
}

#[test]
fn persona_names_and_multipliers() {
    let problems = with(|s| {
        let mut p = persona("", 1.0);
        p.conversion_multiplier = f64::INFINITY;
        p.churn_multiplier = 150.0;
        p.referral_multiplier = -1.0;
        s.personas = vec![p];
    });
    let expected = [
        "personas[0].name: must not be empty",
        "personas[0].conversion_multiplier: must be a number, got infinity",
        "personas[0].churn_multiplier: must be between 0 and 100, got 150",
        "personas[0].referral_multiplier: must be between 0 and 100, got -1",
    ];
    assert_eq!(problems, expected);
}

/// A tolerance distribution.
fn tol(shares: &[f64]) -> Tolerance {
    Tolerance {
        leave_after: shares.to_vec(),
    }
}

#[test]
fn tolerance_rules() {
    let path = "tolerance.leave_after";
    assert_eq!(
        one(|s| s.tolerance = tol(&[])),
        format!("{path}: needs at least one entry")
    );
    assert_eq!(
        one(|s| s.tolerance = tol(&[1.0 / 11.0; 11])),
        format!("{path}: at most 10 entries, got 11")
    );
    assert_eq!(
        one(|s| s.tolerance = tol(&[0.5, 0.4])),
        format!("{path}: shares must add up to 100%, got 90%")
    );
    assert_eq!(
        with(|s| s.tolerance = tol(&[1.4, -0.4])),
        [
            format!("{path}[0]: must be between 0% and 100%, got 140%"),
            format!("{path}[1]: must be between 0% and 100%, got -40%"),
        ]
    );
    let mut p = persona("Impatient", 1.0);
    p.tolerance = Some(tol(&[f64::NAN, 1.0]));
    assert_eq!(
        one(move |s| s.personas = vec![p]),
        "personas[0].tolerance.leave_after[0]: must be a number, got NaN"
    );
}

#[test]
fn economics_rules() {
    let problems = with(|s| {
        let e = &mut s.economics;
        e.acquisition_cost = -5.0;
        e.first_order_value = f64::INFINITY;
        e.repeat_order_value = 2e9;
        e.gross_margin = 1.4;
        e.discount_rate = 1.0;
        e.currency = "EURO-DOLLAR".into();
    });
    let expected = [
        "economics.acquisition_cost: must be between 0 and 1,000,000,000, got -5",
        "economics.first_order_value: must be a number, got infinity",
        "economics.repeat_order_value: must be between 0 and 1,000,000,000, got 2,000,000,000",
        "economics.gross_margin: must be between 0% and 100%, got 140%",
        "economics.discount_rate: must be at least 0% and below 100%, got 100%",
        "economics.currency: at most 8 characters, got 11",
    ];
    assert_eq!(problems, expected);
}
