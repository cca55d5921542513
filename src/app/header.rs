//! The top bar of the editor view, and the notices below it.

use yew::prelude::*;

use crate::sim::templates::{template_names, template_title};

use super::context::use_edit;
use super::persist::files::file_tools;
use super::persist::notices::{notices, undo_redo};
use super::persist::share::ShareTools;
use super::state::EditAction;

/// The top bar: title, template picker, undo/redo, files, sharing and projector mode.
#[component]
pub fn Header() -> Html {
    let ctx = use_edit();
    let on_template = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            ctx.dispatch(EditAction::LoadTemplate(select.value()));
        })
    };
    let on_projector = {
        let ctx = ctx.clone();
        Callback::from(move |_| ctx.dispatch(EditAction::ToggleProjector))
    };
    let current = ctx.state.template.clone();

    html! {
        <>
        <header class="topbar">
            <div class="brand">
                <h1>{"Journey simulator"}</h1>
                <p class="tagline">{"Monte Carlo of a customer cohort through your journey"}</p>
            </div>
            <div class="toolbar">
                <label class="inline" for="template">{"Template"}</label>
                <select id="template" data-testid="template" onchange={on_template}>
                    if current.is_empty() { <option value="" disabled=true selected=true>{"(your scenario)"}</option> }
                    { for template_names().iter().map(|n| html! {
                        <option value={*n} selected={*n == current}>{template_title(n)}</option>
                    }) }
                </select>
                {undo_redo(&ctx)}
                {file_tools(&ctx)}
                <ShareTools />
                <button type="button" class="ghost" aria-pressed={ctx.state.projector.to_string()}
                    data-testid="projector" onclick={on_projector}>{"Projector mode"}</button>
            </div>
        </header>
        {notices(&ctx)}
        </>
    }
}
