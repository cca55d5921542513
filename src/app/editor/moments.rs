//! Pain points and happy moments, each at any stage including Retention and Advocacy.

use yew::prelude::*;

use crate::sim::Scenario;

use super::super::fields::Field;
use super::super::root::AppContext;
use super::super::state::Action;
use super::super::structure::Structure;
use super::field::{check, input, select, PROB, TEXT};
use super::problems::panel_problems;

/// Options for choosing where something happens: every funnel stage, then Retention and Advocacy.
pub fn location_options(s: &Scenario) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = s
        .stages
        .iter()
        .enumerate()
        .map(|(i, st)| (i.to_string(), format!("{}. {}", i + 1, st.name)))
        .collect();
    v.push(("retention".into(), "Retention".into()));
    v.push(("advocacy".into(), "Advocacy".into()));
    v
}

/// A remove button for a list item.
pub(super) fn remove(ctx: &AppContext, e: Structure, what: &str, id: String) -> Html {
    let ctx = ctx.clone();
    let onclick = Callback::from(move |_: MouseEvent| ctx.dispatch(Action::Edit(e.clone())));
    html! { <button type="button" class="icon danger" aria-label={format!("Remove {what}")} title="Remove"
    data-testid={id} {onclick}>{"✕"}</button> }
}

/// An add button for a list.
pub(super) fn add(ctx: &AppContext, e: Structure, text: &'static str, id: &'static str) -> Html {
    let ctx = ctx.clone();
    let onclick = Callback::from(move |_: MouseEvent| ctx.dispatch(Action::Edit(e.clone())));
    html! { <button type="button" class="secondary" data-testid={id} {onclick}>{text}</button> }
}

/// One item of a list panel (a pain point, a happy moment, a persona), keyed by its index: a fieldset
/// with a hidden legend,
/// a head row (`head`, then the remove button) and a grid of further inputs.
pub(super) fn item(
    ctx: &AppContext,
    (key, legend): (usize, String),
    head: Html,
    (remove_edit, name, remove_id): (Structure, &str, String),
    grid: (&'static str, Html),
) -> Html {
    html! {
        <fieldset class="item" {key}>
            <legend class="sr-only">{legend}</legend>
            <div class="item-head">
                {head}
                {remove(ctx, remove_edit, name, remove_id)}
            </div>
            <div class={grid.0}>{grid.1}</div>
        </fieldset>
    }
}

/// A list panel: the empty text or the items, the add button and the panel's problems.
pub(super) fn list(
    ctx: &AppContext,
    empty: Option<Html>,
    items: impl Iterator<Item = Html>,
    add_button: Html,
    prefix: &str,
) -> Html {
    html! {
        <div class="items">
            {empty}
            { for items }
            {add_button}
            {panel_problems(ctx, prefix)}
        </div>
    }
}

/// Pain points: name, stage, probability per period and probability of leaving at once.
pub fn pain_points(ctx: &AppContext) -> Html {
    let s = &ctx.state.scenario;
    let options = location_options(s);
    let items = s.pain_points.iter().enumerate().map(|(i, p)| {
        let grid = html! { <>
            {select(ctx, Field::PainStage(i), "Stage", &options)}
            {input(ctx, Field::PainProbability(i), "Chance per period".into(), &PROB)}
            {input(ctx, Field::PainAbandon(i), "Leave at once".into(), &PROB)}
        </> };
        item(
            ctx,
            (i, format!("Pain point {}", i + 1)),
            input(ctx, Field::PainName(i), "Pain point".into(), &TEXT),
            (
                Structure::RemovePain(i),
                &p.name,
                format!("pain-{i}-remove"),
            ),
            ("grid3", grid),
        )
    });
    let empty = s
        .pain_points
        .is_empty()
        .then(|| html! { <p class="empty">{"No pain points."}</p> });
    let add_button = add(ctx, Structure::AddPain, "+ Add pain point", "pain-add");
    list(ctx, empty, items, add_button, "pain_points")
}

/// Happy moments: name, stage, probability per period and whether it recovers a poor experience.
pub fn happy_moments(ctx: &AppContext) -> Html {
    let s = &ctx.state.scenario;
    let options = location_options(s);
    let items = s.happy_moments.iter().enumerate().map(|(i, h)| {
        let grid = html! { <>
            {select(ctx, Field::HappyStage(i), "Stage", &options)}
            {input(ctx, Field::HappyProbability(i), "Chance per period".into(), &PROB)}
            {check(ctx, Field::HappyRecovers(i), "Cancels one poor experience")}
        </> };
        item(
            ctx,
            (i, format!("Happy moment {}", i + 1)),
            input(ctx, Field::HappyName(i), "Happy moment".into(), &TEXT),
            (
                Structure::RemoveHappy(i),
                &h.name,
                format!("happy-{i}-remove"),
            ),
            ("grid3", grid),
        )
    });
    let empty = s
        .happy_moments
        .is_empty()
        .then(|| html! { <p class="empty">{"No happy moments."}</p> });
    let add_button = add(ctx, Structure::AddHappy, "+ Add happy moment", "happy-add");
    list(ctx, empty, items, add_button, "happy_moments")
}
