//! The stages table: funnel stages in order (rename, conversion, time in stage, labels; add, remove,
//! move up/down), followed by the two post-purchase stages the engine adds (Retention, Advocacy).

use yew::prelude::*;

use super::super::context::EditContext;
use super::super::fields::Field;
use super::super::structure::Structure;
use super::buttons::{add, edit_button};
use super::field::{input, Look, NUM, PROB_PLACEHOLDER, TEXT};
use super::problems::panel_problems;

/// A label input of a stage: field constructor, label and placeholder.
type LabelInput = (fn(usize) -> Field, &'static str, &'static str);

/// The label inputs of a stage.
const LABELS: [LabelInput; 3] = [
    (Field::StageGoal, "Goal", "What the customer wants"),
    (Field::StageTouchpoints, "Touchpoints", "Ads, Social, Email"),
    (Field::StageEmotion, "Emotion", "curious"),
];

/// One stage: its row of inputs and move/remove buttons, then its row of labels.
fn stage_rows(ctx: &EditContext, i: usize, n: usize) -> Html {
    let s = &ctx.state.scenario;
    let st = &s.stages[i];
    let period = &s.meta.period_label;
    let name = if st.name.is_empty() {
        format!("stage {}", i + 1)
    } else {
        st.name.clone()
    };
    let compact = |look: Look| Look {
        compact: true,
        ..look
    };
    let labels: Html = LABELS
        .iter()
        .map(|(f, label, placeholder)| {
            let look = Look {
                placeholder,
                ..TEXT
            };
            input(ctx, f(i), label.to_string(), &look)
        })
        .collect();
    html! {
        <tbody class="stage" key={i}>
            <tr>
                <td class="num">{i + 1}</td>
                <td>{input(ctx, Field::StageName(i), format!("Name of stage {}", i + 1), &compact(TEXT))}</td>
                <td>{input(ctx, Field::StageConversion(i), format!("Conversion of {name} (%)"), &compact(Look { placeholder: PROB_PLACEHOLDER, ..TEXT }))}</td>
                <td>{input(ctx, Field::StagePeriods(i), format!("Mean time in {name} ({period}s)"), &compact(NUM))}</td>
                <td class="actions">
                    {edit_button(ctx, Structure::SwapStages(i.saturating_sub(1)), ("icon", "Move up", "↑"),
                        (format!("Move {name} up"), format!("stage-{i}-up"), i == 0))}
                    {edit_button(ctx, Structure::SwapStages(i), ("icon", "Move down", "↓"),
                        (format!("Move {name} down"), format!("stage-{i}-down"), i + 1 >= n))}
                    {edit_button(ctx, Structure::RemoveStage(i), ("icon danger", "Remove", "✕"),
                        (format!("Remove {name}"), format!("stage-{i}-remove"), n <= 1))}
                </td>
            </tr>
            <tr class="labels">
                <td></td>
                <td colspan="4"><div class="label-row">{labels}</div></td>
            </tr>
        </tbody>
    }
}

/// The stages table.
pub fn stages(ctx: &EditContext) -> Html {
    let s = &ctx.state.scenario;
    let n = s.stages.len();
    let period = &s.meta.period_label;
    let time = format!("Time ({period}s)");
    let headers = ["#", "Stage", "Conversion %", &time];
    html! {
        <div class="stages">
            <table class="stage-table">
                <caption class="sr-only">{"Funnel stages in order; the last one converts into a purchase"}</caption>
                <thead><tr>
                    { for headers.iter().map(|h| html! { <th scope="col">{*h}</th> }) }
                    <th scope="col"><span class="sr-only">{"Actions"}</span></th>
                </tr></thead>
                { for (0..n).map(|i| stage_rows(ctx, i, n)) }
                <tbody class="after">
                    <tr><td class="num">{n + 1}</td><td colspan="4">{"Retention — active customers (see Retention)"}</td></tr>
                    <tr><td class="num">{n + 2}</td><td colspan="4">{"Advocacy — advocates and referrals (see Advocacy)"}</td></tr>
                </tbody>
            </table>
            {add(ctx, Structure::AddStage, "+ Add stage", "stage-add")}
            {panel_problems(ctx, "stages")}
        </div>
    }
}
