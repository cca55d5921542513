//! Personas (shares summing to 100%, multipliers) and the tolerance distribution.

use yew::prelude::*;

use super::super::context::EditContext;
use super::super::fields::Field;
use super::super::parse::{pct_text, round2};
use super::super::structure::Structure;
use super::buttons::add;
use super::field::{input, NUM, PCT, TEXT};
use super::moments::{item, list};
use super::problems::panel_problems;

/// A multiplier of a persona: field constructor and label.
type Multiplier = (fn(usize) -> Field, &'static str);

/// The multipliers of a persona.
const MULTIPLIERS: [Multiplier; 4] = [
    (Field::PersonaConversion, "Conversion ×"),
    (Field::PersonaPain, "Pain ×"),
    (Field::PersonaChurn, "Churn ×"),
    (Field::PersonaReferral, "Referrals ×"),
];

/// A sum that should be 100%: marked `off` when it is not.
fn sum(total: f64, text: String, testid: Option<&'static str>) -> Html {
    html! {
        <p class={classes!("sum", ((total - 1.0).abs() > 1e-9).then_some("off"))} data-testid={testid}>{text}</p>
    }
}

/// Personas: segments of the cohort.
pub fn personas(ctx: &EditContext) -> Html {
    let s = &ctx.state.scenario;
    let total: f64 = s.personas.iter().map(|p| p.share).sum();
    let top = if s.personas.is_empty() {
        html! { <p class="empty">{"One persona: everyone behaves alike. Add personas to split the cohort."}</p> }
    } else {
        let text = format!("Shares add up to {}%", pct_text(round2(total)));
        sum(total, text, Some("persona-total"))
    };
    let items = s.personas.iter().enumerate().map(|(i, p)| {
        let head = html! { <>
            {input(ctx, Field::PersonaName(i), "Persona".into(), &TEXT)}
            {input(ctx, Field::PersonaShare(i), "Share".into(), &PCT)}
        </> };
        let grid: Html = MULTIPLIERS
            .iter()
            .map(|(f, label)| input(ctx, f(i), label.to_string(), &NUM))
            .collect();
        item(
            ctx,
            (i, format!("Persona {}", i + 1)),
            head,
            (
                Structure::RemovePersona(i),
                &p.name,
                format!("persona-{i}-remove"),
            ),
            ("grid4", grid),
        )
    });
    let add_button = add(ctx, Structure::AddPersona, "+ Add persona", "persona-add");
    list(ctx, Some(top), items, add_button, "personas")
}

/// Tolerance: the share of customers who leave after 1, 2, 3, … poor experiences.
pub fn tolerance_editor(ctx: &EditContext) -> Html {
    let n = ctx.state.scenario.tolerance.leave_after.len();
    let total: f64 = ctx.state.scenario.tolerance.leave_after.iter().sum();
    html! {
        <div class="items">
            <p class="hint">{"Share of customers who leave the brand after this many poor experiences (Emplifi/Harris 2021 by default)."}</p>
            <div class="grid4">
                { for (0..n).map(|k| {
                    let label = if k + 1 == n { format!("After {} or more", k + 1) } else { format!("After {}", k + 1) };
                    input(ctx, Field::Tolerance(k), label, &PCT)
                }) }
            </div>
            {sum(total, format!("Total {}%", pct_text(round2(total))), None)}
            <div class="row">
                {add(ctx, Structure::AddTolerance, "+ Level", "tolerance-add")}
                if n > 1 { {add(ctx, Structure::RemoveTolerance, "− Level", "tolerance-remove")} }
            </div>
            {panel_problems(ctx, "tolerance")}
        </div>
    }
}
