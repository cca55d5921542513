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
#[cfg(test)]
mod tests;

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
