//! Personas (shares summing to 100%, multipliers) and the tolerance distribution.

use yew::prelude::*;

use super::super::fields::Field;
use super::super::root::use_app;
use super::super::structure::Structure;
use super::field::Input;
use super::moments::{add, remove};
use super::problems::PanelProblems;

/// Personas: segments of the cohort.
#[component]
pub fn Personas() -> Html {
    let ctx = use_app();
    let s = &ctx.state.scenario;
    let total: f64 = s.personas.iter().map(|p| p.share).sum();
    html! {
        <div class="items">
            if s.personas.is_empty() {
                <p class="empty">{"One persona: everyone behaves alike. Add personas to split the cohort."}</p>
            } else {
                <p class={classes!("sum", ((total - 1.0).abs() > 1e-9).then_some("off"))} data-testid="persona-total">
                    {format!("Shares add up to {}%", super::super::parse::pct_text(super::super::parse::round2(total)))}
                </p>
            }
            { for s.personas.iter().enumerate().map(|(i, p)| html! {
                <fieldset class="item" key={i}>
                    <legend class="sr-only">{format!("Persona {}", i + 1)}</legend>
                    <div class="item-head">
                        <Input field={Field::PersonaName(i)} label="Persona" />
                        <Input field={Field::PersonaShare(i)} label="Share" unit="%" numeric=true />
                        {remove(&ctx, Structure::RemovePersona(i), p.name.clone(), format!("persona-{i}-remove"))}
                    </div>
                    <div class="grid4">
                        <Input field={Field::PersonaConversion(i)} label="Conversion ×" numeric=true />
                        <Input field={Field::PersonaPain(i)} label="Pain ×" numeric=true />
                        <Input field={Field::PersonaChurn(i)} label="Churn ×" numeric=true />
                        <Input field={Field::PersonaReferral(i)} label="Referrals ×" numeric=true />
                    </div>
                </fieldset>
            }) }
            {add(&ctx, Structure::AddPersona, "+ Add persona", "persona-add")}
            <PanelProblems prefix="personas" />
        </div>
    }
}

/// Tolerance: the share of customers who leave after 1, 2, 3, … poor experiences.
#[component]
pub fn ToleranceEditor() -> Html {
    let ctx = use_app();
    let n = ctx.state.scenario.tolerance.leave_after.len();
    let total: f64 = ctx.state.scenario.tolerance.leave_after.iter().sum();
    html! {
        <div class="items">
            <p class="hint">{"Share of customers who leave the brand after this many poor experiences (Emplifi/Harris 2021 by default)."}</p>
            <div class="grid4">
                { for (0..n).map(|k| {
                    let label = if k + 1 == n { format!("After {} or more", k + 1) } else { format!("After {}", k + 1) };
                    html! { <Input field={Field::Tolerance(k)} {label} unit="%" numeric=true /> }
                }) }
            </div>
            <p class={classes!("sum", ((total - 1.0).abs() > 1e-9).then_some("off"))}>
                {format!("Total {}%", super::super::parse::pct_text(super::super::parse::round2(total)))}
            </p>
            <div class="row">
                {add(&ctx, Structure::AddTolerance, "+ Level", "tolerance-add")}
                if n > 1 { {add(&ctx, Structure::RemoveTolerance, "− Level", "tolerance-remove")} }
            </div>
            <PanelProblems prefix="tolerance" />
        </div>
    }
}
