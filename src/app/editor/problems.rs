//! Problem lists: every problem of the scenario (with a button that focuses the field concerned), and
//! per-panel lists of problems that no single input shows.

use yew::prelude::*;

use super::super::browser::focus_element;
use super::super::context::EditContext;
use super::super::fields::{all_fields, Field};

/// The input a problem path belongs to, if one is on screen.
fn field_for(fields: &[Field], path: &str) -> Option<Field> {
    fields.iter().copied().find(|f| f.concerns(path))
}

/// All problems: unreadable typed text and the engine's validation; `data-testid="problems"`.
pub fn problem_list(ctx: &EditContext) -> Html {
    let s = &ctx.state;
    let fields = all_fields(&s.scenario);
    let mut items: Vec<(Option<Field>, String, String)> = s
        .draft_errors()
        .map(|(f, e)| (Some(f), f.path(), e.to_string()))
        .collect();
    items.extend(s.problems.iter().map(|p| {
        (
            field_for(&fields, &p.path),
            p.path.clone(),
            p.message.clone(),
        )
    }));
    if items.is_empty() {
        return html! { <p class="all-good" data-testid="problems" role="status">{"✓ The journey is valid."}</p> };
    }
    html! {
        <div class="problem-list" role="alert">
            <h2>{format!("{} problem{} to fix before running", items.len(), if items.len() == 1 { "" } else { "s" })}</h2>
            <ul data-testid="problems">
                { for items.into_iter().map(|(field, path, message)| {
                    let onclick = field.map(|f| Callback::from(move |_: MouseEvent| focus_element(&f.test_id())));
                    html! { <li>
                        if let Some(onclick) = onclick {
                            <button type="button" class="link" {onclick}><code>{path}</code></button>
                        } else { <code>{path}</code> }
                        {" "}{message}
                    </li> }
                }) }
            </ul>
        </div>
    }
}

/// Problems under a panel's prefix that no input of the panel shows (e.g. shares not summing to 100%).
pub fn panel_problems(ctx: &EditContext, prefix: &str) -> Html {
    let fields = all_fields(&ctx.state.scenario);
    let mine: Vec<String> = ctx
        .state
        .problems
        .iter()
        .filter(|p| p.path.starts_with(prefix) && field_for(&fields, &p.path).is_none())
        .map(|p| p.message.clone())
        .collect();
    if mine.is_empty() {
        return html! {};
    }
    html! {
        <ul class="field-problems panel" data-testid={format!("{}-problems", prefix.replace('_', "-"))}>
            { for mine.iter().map(|m| html! { <li>{m}</li> }) }
        </ul>
    }
}
