//! Ready-made scenarios from the background articles, to start planning from.
//!
//! | name         | title                       | funnel stages                                | after purchase      |
//! |--------------|-----------------------------|----------------------------------------------|---------------------|
//! | `six-stage`  | Six-stage journey           | Awareness, Interest, Consideration, Purchase | Retention, Advocacy |
//! | `five-stage` | Five-stage journey          | Awareness, Consideration, Decision           | Retention, Advocacy |
//! | `e-commerce` | E-commerce journey          | Awareness, Consideration, Acquisition        | Service, Loyalty    |
//! | `digital`    | Digital touchpoints journey | Awareness, Consideration, Purchase           | Experience, Loyalty |
//!
//! `stages` holds only the funnel; the two post-purchase stages are the model's Retention and Advocacy
//! (each template's description says what they are called in its article). Goals, touchpoints and
//! emotions are carried as stage labels where the articles give them. Every template passes
//! [`validate()`](crate::sim::validate::validate); its numbers are explained in its description and
//! in comments.

use super::scenario::{AfterPurchase, Economics, HappyMoment, Location, Meta, PainPoint, Stage};
use super::uncertain::Prob;
use super::Scenario;

mod digital;
mod ecommerce;
mod five_stage;
mod six_stage;

/// The template names, in the order the UI lists them; the first is the default.
const NAMES: [&str; 4] = ["six-stage", "five-stage", "e-commerce", "digital"];

/// The seed every template starts with (the format's default seed).
const TEMPLATE_SEED: u64 = 20_231_101;

/// The names accepted by [`template`]: `six-stage`, `five-stage`, `e-commerce`, `digital`.
pub fn template_names() -> &'static [&'static str] {
    &NAMES
}

/// The human title of a template ("Six-stage journey"), or `""` for an unknown name.
pub fn template_title(name: &str) -> &'static str {
    match name {
        "six-stage" => "Six-stage journey",
        "five-stage" => "Five-stage journey",
        "e-commerce" => "E-commerce journey",
        "digital" => "Digital touchpoints journey",
        _ => "",
    }
}

/// The template called `name` (one of [`template_names`]), or `None` for an unknown name.
pub fn template(name: &str) -> Option<Scenario> {
    match name {
        "six-stage" => Some(six_stage::scenario()),
        "five-stage" => Some(five_stage::scenario()),
        "e-commerce" => Some(ecommerce::scenario()),
        "digital" => Some(digital::scenario()),
        _ => None,
    }
}

/// The scenario a new user starts with: the six-stage journey.
pub fn default_scenario() -> Scenario {
    six_stage::scenario()
}

/// Weekly settings shared by the templates: 52 weeks, 5,000 runs, fixed seed, parameter uncertainty on.
fn weekly_meta(template_name: &str, description: &str) -> Meta {
    Meta {
        name: template_title(template_name).to_string(),
        description: description.to_string(),
        period_label: "week".to_string(),
        horizon: 52,
        runs: 5_000,
        seed: TEMPLATE_SEED,
        parameter_uncertainty: true,
    }
}

/// A funnel stage with its labels.
fn stage(
    name: &str,
    conversion: Prob,
    mean_periods: f64,
    goal: &str,
    touchpoints: &[&str],
    emotion: &str,
) -> Stage {
    Stage {
        name: name.to_string(),
        conversion,
        mean_periods,
        goal: goal.to_string(),
        touchpoints: touchpoints.iter().map(|t| t.to_string()).collect(),
        emotion: emotion.to_string(),
    }
}

/// A 90% range of a probability.
fn range(low: f64, high: f64) -> Prob {
    Prob::Range { low, high }
}

/// The funnel stage at `index`.
fn funnel(index: usize) -> Location {
    Location::Funnel(index)
}

/// The Retention stage (active customers).
const RETENTION: Location = Location::After(AfterPurchase::Retention);

/// The Advocacy stage (advocates).
const ADVOCACY: Location = Location::After(AfterPurchase::Advocacy);

/// A pain point.
fn pain(name: &str, stage: Location, probability: Prob, abandon: Prob) -> PainPoint {
    PainPoint {
        name: name.to_string(),
        stage,
        probability,
        abandon,
    }
}

/// A happy moment.
fn happy(name: &str, stage: Location, probability: Prob, recovers: bool) -> HappyMoment {
    HappyMoment {
        name: name.to_string(),
        stage,
        probability,
        recovers,
    }
}

/// Economics in euros with a weekly discount rate of 0.1% (about 5% a year).
fn euros(acquisition_cost: f64, first: f64, repeat: f64, margin: f64, reward: f64) -> Economics {
    Economics {
        acquisition_cost,
        first_order_value: first,
        repeat_order_value: repeat,
        gross_margin: margin,
        referral_reward: reward,
        discount_rate: 0.001,
        currency: "€".to_string(),
    }
}

#[cfg(test)]
mod tests {
    //! The templates are valid, serialisable and consistently named.

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
}
