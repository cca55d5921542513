//! Retention (fixed or heterogeneous churn, repeat purchases) and advocacy (promotion, referrals).

use yew::prelude::*;

use crate::sim::Churn;

use super::super::fields::{churn_mean, Field};
use super::super::parse::{pct_text, prob_hint, round2};
use super::super::root::use_app;
use super::field::{Input, Select};
use super::problems::PanelProblems;
use super::stages::PROB_PLACEHOLDER;

/// Retention: churn of active customers and repeat purchases.
#[component]
pub fn RetentionEditor() -> Html {
    let ctx = use_app();
    let r = &ctx.state.scenario.retention;
    let period = ctx.state.scenario.meta.period_label.clone();
    let kinds = vec![
        ("fixed".to_string(), "Same churn for everyone".to_string()),
        (
            "heterogeneous".to_string(),
            "Varies by customer (Beta)".to_string(),
        ),
    ];
    let mean = churn_mean(&r.churn);
    html! {
        <div class="items">
            <Select field={Field::ChurnKind} label="Churn model" options={kinds} />
            { match &r.churn {
                Churn::Fixed { rate } => html! {
                    <Input field={Field::ChurnRate} label={format!("Churn per {period}")} unit="%"
                        placeholder={PROB_PLACEHOLDER} hint={prob_hint(rate)} />
                },
                Churn::Heterogeneous { .. } => html! {
                    <div class="grid3">
                        <Input field={Field::ChurnAlpha} label="Beta α" numeric=true />
                        <Input field={Field::ChurnBeta} label="Beta β" numeric=true />
                        <p class="derived" data-testid="churn-mean">
                            {"Mean churn "}<strong>{if mean.is_finite() { format!("{}%", pct_text(round2(mean * 100.0) / 100.0)) } else { "—".into() }}</strong>
                            {format!(" per {period}")}
                        </p>
                    </div>
                },
            } }
            <Input field={Field::RepeatPurchase} label={format!("Repeat purchase per {period}")} unit="%"
                placeholder={PROB_PLACEHOLDER} hint={prob_hint(&r.repeat_purchase)} />
            <PanelProblems prefix="retention" />
        </div>
    }
}

/// Advocacy: promotion of active customers, advocates' churn and referrals.
#[component]
pub fn AdvocacyEditor() -> Html {
    let ctx = use_app();
    let s = &ctx.state.scenario;
    let period = s.meta.period_label.clone();
    let stages: Vec<(String, String)> = s
        .stages
        .iter()
        .enumerate()
        .map(|(i, st)| (i.to_string(), format!("{}. {}", i + 1, st.name)))
        .collect();
    html! {
        <div class="items">
            <div class="grid2">
                <Input field={Field::Promotion} label={format!("Becomes advocate per {period}")} unit="%"
                    placeholder={PROB_PLACEHOLDER} hint={prob_hint(&s.advocacy.promotion)} />
                <Input field={Field::AdvocateChurn} label="Advocates' churn ×" numeric=true hint="multiplies base churn" />
                <Input field={Field::Referrals} label={format!("Referrals per advocate per {period}")} placeholder="0.2 · 0.1–0.4" />
                <Input field={Field::Acceptance} label="Referral accepted" unit="%" placeholder={PROB_PLACEHOLDER}
                    hint={prob_hint(&s.advocacy.acceptance)} />
                <Select field={Field::EntryStage} label="Referred prospects enter at" options={stages} />
                <Input field={Field::Delight} label="Happy moment × promotion" numeric=true hint="per moment, up to 3" />
            </div>
            <PanelProblems prefix="advocacy" />
        </div>
    }
}
