//! Pain points and happy moments, each at any stage including Retention and Advocacy.

use yew::prelude::*;

use crate::sim::Scenario;

use super::super::fields::Field;
use super::super::root::use_app;
use super::super::state::Action;
use super::super::structure::Structure;
use super::field::{Check, Input, Select};
use super::problems::PanelProblems;
use super::stages::PROB_PLACEHOLDER;

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
pub(super) fn remove(
    ctx: &super::super::root::AppContext,
    e: Structure,
    what: String,
    id: String,
) -> Html {
    let ctx = ctx.clone();
    let onclick = Callback::from(move |_: MouseEvent| ctx.dispatch(Action::Edit(e.clone())));
    html! { <button type="button" class="icon danger" aria-label={format!("Remove {what}")} title="Remove"
    data-testid={id} {onclick}>{"✕"}</button> }
}

/// An add button for a list.
pub(super) fn add(
    ctx: &super::super::root::AppContext,
    e: Structure,
    text: &'static str,
    id: &'static str,
) -> Html {
    let ctx = ctx.clone();
    let onclick = Callback::from(move |_: MouseEvent| ctx.dispatch(Action::Edit(e.clone())));
    html! { <button type="button" class="secondary" data-testid={id} {onclick}>{text}</button> }
}

/// Pain points: name, stage, probability per period and probability of leaving at once.
#[component]
pub fn PainPoints() -> Html {
    let ctx = use_app();
    let s = &ctx.state.scenario;
    let options = location_options(s);
    html! {
        <div class="items">
            if s.pain_points.is_empty() { <p class="empty">{"No pain points."}</p> }
            { for s.pain_points.iter().enumerate().map(|(i, p)| html! {
                <fieldset class="item" key={i}>
                    <legend class="sr-only">{format!("Pain point {}", i + 1)}</legend>
                    <div class="item-head">
                        <Input field={Field::PainName(i)} label="Pain point" />
                        {remove(&ctx, Structure::RemovePain(i), p.name.clone(), format!("pain-{i}-remove"))}
                    </div>
                    <div class="grid3">
                        <Select field={Field::PainStage(i)} label="Stage" options={options.clone()} />
                        <Input field={Field::PainProbability(i)} label="Chance per period" unit="%" placeholder={PROB_PLACEHOLDER} />
                        <Input field={Field::PainAbandon(i)} label="Leave at once" unit="%" placeholder={PROB_PLACEHOLDER} />
                    </div>
                </fieldset>
            }) }
            {add(&ctx, Structure::AddPain, "+ Add pain point", "pain-add")}
            <PanelProblems prefix="pain_points" />
        </div>
    }
}

/// Happy moments: name, stage, probability per period and whether it recovers a poor experience.
#[component]
pub fn HappyMoments() -> Html {
    let ctx = use_app();
    let s = &ctx.state.scenario;
    let options = location_options(s);
    html! {
        <div class="items">
            if s.happy_moments.is_empty() { <p class="empty">{"No happy moments."}</p> }
            { for s.happy_moments.iter().enumerate().map(|(i, h)| html! {
                <fieldset class="item" key={i}>
                    <legend class="sr-only">{format!("Happy moment {}", i + 1)}</legend>
                    <div class="item-head">
                        <Input field={Field::HappyName(i)} label="Happy moment" />
                        {remove(&ctx, Structure::RemoveHappy(i), h.name.clone(), format!("happy-{i}-remove"))}
                    </div>
                    <div class="grid3">
                        <Select field={Field::HappyStage(i)} label="Stage" options={options.clone()} />
                        <Input field={Field::HappyProbability(i)} label="Chance per period" unit="%" placeholder={PROB_PLACEHOLDER} />
                        <Check field={Field::HappyRecovers(i)} label="Cancels one poor experience" />
                    </div>
                </fieldset>
            }) }
            {add(&ctx, Structure::AddHappy, "+ Add happy moment", "happy-add")}
            <PanelProblems prefix="happy_moments" />
        </div>
    }
}
