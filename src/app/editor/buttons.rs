//! Buttons that apply a structural edit to the scenario: add, remove and move stages, pain points,
//! happy moments and personas.

use yew::prelude::*;

use super::super::context::EditContext;
use super::super::state::EditAction;
use super::super::structure::Structure;

/// A click handler that applies `e`.
fn on_edit(ctx: &EditContext, e: Structure) -> Callback<MouseEvent> {
    let ctx = ctx.clone();
    Callback::from(move |_: MouseEvent| ctx.dispatch(EditAction::Edit(e.clone())))
}

/// An icon button that applies `e`: its class, tooltip and text, then its accessible label, test id and
/// whether it is disabled.
pub fn edit_button(
    ctx: &EditContext,
    e: Structure,
    (class, title, text): (&'static str, &'static str, &'static str),
    (label, testid, disabled): (String, String, bool),
) -> Html {
    let onclick = on_edit(ctx, e);
    html! {
        <button type="button" {class} {title} aria-label={label} data-testid={testid} {disabled} {onclick}>{text}</button>
    }
}

/// A remove button for a list item named `what`.
pub fn remove(ctx: &EditContext, e: Structure, what: &str, id: String) -> Html {
    let icon = ("icon danger", "Remove", "✕");
    edit_button(ctx, e, icon, (format!("Remove {what}"), id, false))
}

/// An add button for a list.
pub fn add(ctx: &EditContext, e: Structure, text: &'static str, id: &'static str) -> Html {
    let onclick = on_edit(ctx, e);
    html! { <button type="button" class="secondary" data-testid={id} {onclick}>{text}</button> }
}
