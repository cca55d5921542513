//! Exact messages for the schema version, meta, market, churn, advocacy, events, personas, tolerance
//! and economics.

use super::tests::{one, with};
use crate::sim::{Churn, Persona, Prob, Scenario, Tolerance};

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
