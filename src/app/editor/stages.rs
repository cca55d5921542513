//! The stages table: funnel stages in order (rename, conversion, time in stage, labels; add, remove,
//! move up/down), followed by the two post-purchase stages the engine adds (Retention, Advocacy).

use yew::prelude::*;

use super::super::fields::Field;
use super::super::parse::prob_hint;
use super::super::root::use_app;
use super::super::state::Action;
use super::super::structure::Structure;
use super::field::Input;
use super::problems::PanelProblems;

/// Placeholder showing the three ways to enter a probability.
pub const PROB_PLACEHOLDER: &str = "40 · 30–50 · 12 of 40";

/// The stages table.
#[component]
pub fn Stages() -> Html {
    let ctx = use_app();
    let s = &ctx.state.scenario;
    let n = s.stages.len();
    let period = s.meta.period_label.clone();
    let edit = |e: Structure| {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.dispatch(Action::Edit(e.clone())))
    };
    html! {
        <div class="stages">
            <table class="stage-table">
                <caption class="sr-only">{"Funnel stages in order; the last one converts into a purchase"}</caption>
                <thead><tr>
                    <th scope="col">{"#"}</th>
                    <th scope="col">{"Stage"}</th>
                    <th scope="col">{"Conversion %"}</th>
                    <th scope="col">{format!("Time ({period}s)")}</th>
                    <th scope="col"><span class="sr-only">{"Actions"}</span></th>
                </tr></thead>
                { for s.stages.iter().enumerate().map(|(i, st)| {
                    let name = if st.name.is_empty() { format!("stage {}", i + 1) } else { st.name.clone() };
                    html! {
                    <tbody class="stage" key={i}>
                        <tr>
                            <td class="num">{i + 1}</td>
                            <td><Input field={Field::StageName(i)} label={format!("Name of stage {}", i + 1)} compact=true /></td>
                            <td><Input field={Field::StageConversion(i)} label={format!("Conversion of {name} (%)")}
                                compact=true placeholder={PROB_PLACEHOLDER} hint={prob_hint(&st.conversion)} /></td>
                            <td><Input field={Field::StagePeriods(i)} label={format!("Mean time in {name} ({period}s)")} compact=true numeric=true /></td>
                            <td class="actions">
                                <button type="button" class="icon" title="Move up" aria-label={format!("Move {name} up")}
                                    data-testid={format!("stage-{i}-up")} disabled={i == 0}
                                    onclick={edit(Structure::SwapStages(i.saturating_sub(1)))}>{"↑"}</button>
                                <button type="button" class="icon" title="Move down" aria-label={format!("Move {name} down")}
                                    data-testid={format!("stage-{i}-down")} disabled={i + 1 >= n}
                                    onclick={edit(Structure::SwapStages(i))}>{"↓"}</button>
                                <button type="button" class="icon danger" title="Remove" aria-label={format!("Remove {name}")}
                                    data-testid={format!("stage-{i}-remove")} disabled={n <= 1}
                                    onclick={edit(Structure::RemoveStage(i))}>{"✕"}</button>
                            </td>
                        </tr>
                        <tr class="labels">
                            <td></td>
                            <td colspan="4">
                                <div class="label-row">
                                    <Input field={Field::StageGoal(i)} label="Goal" placeholder="What the customer wants" />
                                    <Input field={Field::StageTouchpoints(i)} label="Touchpoints" placeholder="Ads, Social, Email" />
                                    <Input field={Field::StageEmotion(i)} label="Emotion" placeholder="curious" />
                                </div>
                            </td>
                        </tr>
                    </tbody>
                }}) }
                <tbody class="after">
                    <tr><td class="num">{n + 1}</td><td colspan="4">{"Retention — active customers (see Retention)"}</td></tr>
                    <tr><td class="num">{n + 2}</td><td colspan="4">{"Advocacy — advocates and referrals (see Advocacy)"}</td></tr>
                </tbody>
            </table>
            <button type="button" class="secondary" data-testid="stage-add" onclick={edit(Structure::AddStage)}>{"+ Add stage"}</button>
            <PanelProblems prefix="stages" />
        </div>
    }
}
