//! The rules for each part of a scenario after `meta` and `market`: stages, retention, advocacy,
//! pain points, happy moments, personas and economics.

use super::checks::{
    between, finite, fraction, label, list_at_most, name, num, num_vs, pct_vs, prob, push, rate,
    shares_sum, stage_ref, text_at_most, tolerance,
};
use super::Problem;
use crate::sim::limits::{
    CHURN_SHAPE_RANGE, MAX_EVENTS, MAX_MEAN_PERIODS, MAX_MONEY, MAX_MULTIPLIER, MAX_PERSONAS,
    MAX_STAGES,
};
use crate::sim::scenario::{
    Advocacy, Churn, Economics, HappyMoment, Location, PainPoint, Persona, Retention, Stage,
};

/// Longest currency symbol or code, in characters.
const MAX_CURRENCY: usize = 8;

/// The funnel: 1 to [`MAX_STAGES`] stages, each with a name, labels, conversion and mean time.
pub(super) fn stages(out: &mut Vec<Problem>, stages: &[Stage]) {
    if stages.is_empty() {
        push(out, "stages", "the journey needs at least one stage");
    }
    list_at_most(out, "stages", stages.len(), MAX_STAGES, "stages");
    for (i, st) in stages.iter().enumerate() {
        stage(out, &format!("stages[{i}]"), st);
    }
}

/// One funnel stage at `path` (e.g. `stages[2]`).
fn stage(out: &mut Vec<Problem>, path: &str, st: &Stage) {
    name(out, &format!("{path}.name"), &st.name);
    prob(out, &format!("{path}.conversion"), &st.conversion);
    mean_periods(out, &format!("{path}.mean_periods"), st.mean_periods);
    label(out, &format!("{path}.goal"), &st.goal);
    for (j, t) in st.touchpoints.iter().enumerate() {
        label(out, &format!("{path}.touchpoints[{j}]"), t);
    }
    label(out, &format!("{path}.emotion"), &st.emotion);
}

/// Mean time in a stage: a number from 1 to [`MAX_MEAN_PERIODS`].
fn mean_periods(out: &mut Vec<Problem>, path: &str, d: f64) {
    if !finite(out, path, d) {
        return;
    }
    if d < 1.0 {
        let msg = format!("must be at least 1 period, got {}", num_vs(d, 1.0));
        push(out, path, msg);
    } else if d > MAX_MEAN_PERIODS {
        let shown = num_vs(d, MAX_MEAN_PERIODS);
        let msg = format!("at most {} periods, got {shown}", num(MAX_MEAN_PERIODS));
        push(out, path, msg);
    }
}

/// Churn (a fixed probability or Beta shapes within [`CHURN_SHAPE_RANGE`]) and repeat purchases.
pub(super) fn retention(out: &mut Vec<Problem>, r: &Retention) {
    let (lo, hi) = CHURN_SHAPE_RANGE;
    match &r.churn {
        Churn::Fixed { rate } => prob(out, "retention.churn.rate", rate),
        Churn::Heterogeneous { alpha, beta } => {
            between(out, "retention.churn.alpha", *alpha, lo, hi);
            between(out, "retention.churn.beta", *beta, lo, hi);
        }
    }
    prob(out, "retention.repeat_purchase", &r.repeat_purchase);
}

/// Promotion, multipliers, referrals, acceptance and the entry stage of referred prospects.
pub(super) fn advocacy(out: &mut Vec<Problem>, a: &Advocacy, n_stages: usize) {
    prob(out, "advocacy.promotion", &a.promotion);
    multiplier(out, "advocacy.churn_multiplier", a.churn_multiplier);
    rate(
        out,
        "advocacy.referrals_per_period",
        &a.referrals_per_period,
    );
    prob(out, "advocacy.acceptance", &a.acceptance);
    stage_ref(out, "advocacy.entry_stage", a.entry_stage, n_stages);
    multiplier(out, "advocacy.delight_multiplier", a.delight_multiplier);
}

/// A multiplier: a number from 0 to [`MAX_MULTIPLIER`].
fn multiplier(out: &mut Vec<Problem>, path: &str, x: f64) {
    between(out, path, x, 0.0, MAX_MULTIPLIER);
}

/// Where an event happens: a funnel stage that exists, or after purchase.
fn location(out: &mut Vec<Problem>, path: &str, at: Location, n_stages: usize) {
    if let Location::Funnel(i) = at {
        stage_ref(out, path, i, n_stages);
    }
}

/// At most [`MAX_EVENTS`] pain points, each named, placed and with valid probabilities.
pub(super) fn pain_points(out: &mut Vec<Problem>, list: &[PainPoint], n_stages: usize) {
    list_at_most(out, "pain_points", list.len(), MAX_EVENTS, "pain points");
    for (i, p) in list.iter().enumerate() {
        let path = format!("pain_points[{i}]");
        name(out, &format!("{path}.name"), &p.name);
        location(out, &format!("{path}.stage"), p.stage, n_stages);
        prob(out, &format!("{path}.probability"), &p.probability);
        prob(out, &format!("{path}.abandon"), &p.abandon);
    }
}

/// At most [`MAX_EVENTS`] happy moments, each named, placed and with a valid probability.
pub(super) fn happy_moments(out: &mut Vec<Problem>, list: &[HappyMoment], n_stages: usize) {
    list_at_most(
        out,
        "happy_moments",
        list.len(),
        MAX_EVENTS,
        "happy moments",
    );
    for (i, h) in list.iter().enumerate() {
        let path = format!("happy_moments[{i}]");
        name(out, &format!("{path}.name"), &h.name);
        location(out, &format!("{path}.stage"), h.stage, n_stages);
        prob(out, &format!("{path}.probability"), &h.probability);
    }
}

/// At most [`MAX_PERSONAS`] personas whose shares add up to 100%, each with valid multipliers.
pub(super) fn personas(out: &mut Vec<Problem>, list: &[Persona]) {
    list_at_most(out, "personas", list.len(), MAX_PERSONAS, "personas");
    for (i, p) in list.iter().enumerate() {
        persona(out, &format!("personas[{i}]"), p);
    }
    let shares: Vec<f64> = list.iter().map(|p| p.share).collect();
    shares_sum(out, "personas", &shares);
}

/// One persona at `path` (e.g. `personas[1]`).
fn persona(out: &mut Vec<Problem>, path: &str, p: &Persona) {
    name(out, &format!("{path}.name"), &p.name);
    fraction(out, &format!("{path}.share"), p.share);
    let multipliers = [
        ("conversion_multiplier", p.conversion_multiplier),
        ("pain_multiplier", p.pain_multiplier),
        ("churn_multiplier", p.churn_multiplier),
        ("referral_multiplier", p.referral_multiplier),
    ];
    for (field, x) in multipliers {
        multiplier(out, &format!("{path}.{field}"), x);
    }
    if let Some(t) = &p.tolerance {
        tolerance(out, &format!("{path}.tolerance"), t);
    }
}

/// Money amounts from 0 to [`MAX_MONEY`], margin in [0%, 100%], discount rate in [0%, 100%), currency.
pub(super) fn economics(out: &mut Vec<Problem>, e: &Economics) {
    let amounts = [
        ("acquisition_cost", e.acquisition_cost),
        ("first_order_value", e.first_order_value),
        ("repeat_order_value", e.repeat_order_value),
        ("referral_reward", e.referral_reward),
    ];
    for (field, x) in amounts {
        between(out, &format!("economics.{field}"), x, 0.0, MAX_MONEY);
    }
    fraction(out, "economics.gross_margin", e.gross_margin);
    let d = e.discount_rate;
    if finite(out, "economics.discount_rate", d) && !(0.0..1.0).contains(&d) {
        let bound = if d < 0.0 { 0.0 } else { 1.0 };
        let msg = format!(
            "must be at least 0% and below 100%, got {}",
            pct_vs(d, bound)
        );
        push(out, "economics.discount_rate", msg);
    }
    text_at_most(out, "economics.currency", &e.currency, MAX_CURRENCY);
}
