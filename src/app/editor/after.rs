//! Retention (fixed or heterogeneous churn, repeat purchases) and advocacy (promotion, referrals).

use yew::prelude::*;

use crate::sim::Churn;

use super::super::context::EditContext;
use super::super::fields::{churn_mean, Field};
use super::super::parse::{pct_text, round2};
use super::field::{input, inputs, select, Label, Look, Row, NUM, PROB, TEXT};
use super::moments::stage_options;
use super::problems::panel_problems;

/// The two churn rows of heterogeneous churn.
const BETA: [Row; 2] = [
    (Field::ChurnAlpha, Label::Text("Beta α"), NUM),
    (Field::ChurnBeta, Label::Text("Beta β"), NUM),
];

/// The advocacy inputs before and after the entry-stage picker.
const ADVOCACY: [Row; 4] = [
    (Field::Promotion, Label::PerPeriod("Becomes advocate"), PROB),
    (
        Field::AdvocateChurn,
        Label::Text("Advocates' churn ×"),
        Look {
            hint: "multiplies base churn",
            ..NUM
        },
    ),
    (
        Field::Referrals,
        Label::PerPeriod("Referrals per advocate"),
        Look {
            placeholder: "0.2 · 0.1–0.4",
            ..TEXT
        },
    ),
    (Field::Acceptance, Label::Text("Referral accepted"), PROB),
];

/// Retention: churn of active customers and repeat purchases.
pub fn retention_editor(ctx: &EditContext) -> Html {
    let r = &ctx.state.scenario.retention;
    let period = &ctx.state.scenario.meta.period_label;
    let kinds = [
        ("fixed".to_string(), "Same churn for everyone".to_string()),
        (
            "heterogeneous".to_string(),
            "Varies by customer (Beta)".to_string(),
        ),
    ];
    let mean = churn_mean(&r.churn);
    html! {
        <div class="items">
            {select(ctx, Field::ChurnKind, "Churn model", &kinds)}
            { match &r.churn {
                Churn::Fixed { .. } => inputs(ctx, &[(Field::ChurnRate, Label::PerPeriod("Churn"), PROB)]),
                Churn::Heterogeneous { .. } => html! {
                    <div class="grid3">
                        {inputs(ctx, &BETA)}
                        <p class="derived" data-testid="churn-mean">
                            {"Mean churn "}<strong>{if mean.is_finite() { format!("{}%", pct_text(round2(mean * 100.0) / 100.0)) } else { "—".into() }}</strong>
                            {format!(" per {period}")}
                        </p>
                    </div>
                },
            } }
            {inputs(ctx, &[(Field::RepeatPurchase, Label::PerPeriod("Repeat purchase"), PROB)])}
            {panel_problems(ctx, "retention")}
        </div>
    }
}

/// Advocacy: promotion of active customers, advocates' churn and referrals.
pub fn advocacy_editor(ctx: &EditContext) -> Html {
    let s = &ctx.state.scenario;
    let stages = stage_options(s);
    let delight = Look {
        hint: "per moment, up to 3",
        ..NUM
    };
    html! {
        <div class="items">
            <div class="grid2">
                {inputs(ctx, &ADVOCACY)}
                {select(ctx, Field::EntryStage, "Referred prospects enter at", &stages)}
                {input(ctx, Field::Delight, "Happy moment × promotion".into(), &delight)}
            </div>
            {panel_problems(ctx, "advocacy")}
        </div>
    }
}
