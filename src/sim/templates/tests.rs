//! Tests of the templates: valid, serialisable, consistently named.

use super::{default_scenario, template, template_names, template_title};
use crate::sim::scenario::{AfterPurchase, Churn, Location};
use crate::sim::validate::validate;
use crate::sim::Scenario;

/// Every template, by name.
fn all() -> Vec<(&'static str, Scenario)> {
    template_names()
        .iter()
        .map(|&n| (n, template(n).expect("listed template exists")))
        .collect()
}

#[test]
fn names_are_the_four_templates_in_order() {
    assert_eq!(
        template_names(),
        ["six-stage", "five-stage", "e-commerce", "digital"]
    );
}

#[test]
fn every_template_is_valid() {
    for (name, s) in all() {
        let problems = validate(&s);
        assert!(problems.is_empty(), "{name}: {problems:?}");
    }
}

#[test]
fn every_template_round_trips_through_json() {
    for (name, s) in all() {
        let text = serde_json::to_string_pretty(&s).expect("serialises");
        let back: Scenario = serde_json::from_str(&text).expect("parses");
        assert_eq!(back, s, "{name}");
    }
}

#[test]
fn titles_and_names_are_consistent() {
    for (name, s) in all() {
        let title = template_title(name);
        assert!(!title.is_empty(), "{name}");
        assert_eq!(s.meta.name, title);
        assert!(!s.meta.description.is_empty(), "{name}");
    }
    assert_eq!(template_title("six-stage"), "Six-stage journey");
    assert_eq!(template_title("nope"), "");
    assert!(template("nope").is_none());
}

#[test]
fn default_is_the_six_stage_template() {
    assert_eq!(Some(default_scenario()), template("six-stage"));
}

/// The funnel stage names of a template.
fn stage_names(name: &str) -> Vec<String> {
    let s = template(name).expect("template exists");
    s.stages.into_iter().map(|st| st.name).collect()
}

#[test]
fn funnel_stages_follow_the_articles() {
    let six = ["Awareness", "Interest", "Consideration", "Purchase"];
    assert_eq!(stage_names("six-stage"), six);
    let five = ["Awareness", "Consideration", "Decision"];
    assert_eq!(stage_names("five-stage"), five);
    let shop = ["Awareness", "Consideration", "Acquisition"];
    assert_eq!(stage_names("e-commerce"), shop);
    let digital = ["Awareness", "Consideration", "Purchase"];
    assert_eq!(stage_names("digital"), digital);
}

#[test]
fn post_purchase_names_are_explained_in_descriptions() {
    let shop = template("e-commerce").unwrap().meta.description;
    assert!(shop.contains("Service") && shop.contains("Loyalty"));
    let digital = template("digital").unwrap().meta.description;
    assert!(digital.contains("Experience") && digital.contains("Loyalty"));
}

#[test]
fn five_stage_carries_the_clothing_store_labels() {
    let s = template("five-stage").unwrap();
    assert!(s.stages.iter().all(|st| !st.goal.is_empty()));
    assert!(s.stages.iter().all(|st| !st.emotion.is_empty()));
    assert_eq!(s.stages[0].touchpoints[0], "Facebook ad");
}

#[test]
fn six_stage_matches_the_brief() {
    let s = default_scenario();
    assert_eq!(s.market.initial_cohort, 10_000);
    assert_eq!((s.meta.horizon, s.meta.runs), (52, 5_000));
    assert!(s.personas.is_empty());
    assert!(s.happy_moments.iter().any(|h| h.recovers));
    assert!(s.stages.iter().any(|st| st.conversion.is_uncertain()));
    let retention = Location::After(AfterPurchase::Retention);
    assert!(s.pain_points.iter().any(|p| p.stage == retention));
}

#[test]
fn e_commerce_has_heterogeneous_churn_and_personas() {
    let s = template("e-commerce").unwrap();
    assert!(matches!(s.retention.churn, Churn::Heterogeneous { .. }));
    assert!((2..=3).contains(&s.personas.len()));
    assert_eq!(
        s.personas.iter().filter(|p| p.tolerance.is_some()).count(),
        1
    );
}
