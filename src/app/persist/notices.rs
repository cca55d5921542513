//! The notice bar (opened links and files, saves, failures, storage kept in memory) and the undo/redo
//! buttons.

use yew::prelude::*;

use super::super::context::EditContext;
use super::super::state::{EditAction, Tone};

/// The storage note (while storage is unavailable) and the latest notice, dismissible.
pub fn notices(ctx: &EditContext) -> Html {
    let s = &ctx.state;
    let ondismiss = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.dispatch(EditAction::Notify(None)))
    };
    html! {
        <div class="notices">
            if let Some(note) = &s.storage_note {
                <p class="notice warn" role="status" data-testid="storage-notice">{note}</p>
            }
            if let Some(n) = &s.notice {
                <div class={classes!("notice", if n.tone == Tone::Error { "error" } else { "info" })}
                    role={if n.tone == Tone::Error { "alert" } else { "status" }}
                    data-testid="notice" data-tone={if n.tone == Tone::Error { "error" } else { "info" }}>
                    <p>{&n.text}</p>
                    <button type="button" class="ghost icon" aria-label="Dismiss" data-testid="notice-dismiss"
                        onclick={ondismiss}>{"×"}</button>
                </div>
            }
        </div>
    }
}

/// Undo and redo buttons (`undo-button`, `redo-button`), with the number of steps each can take.
pub fn undo_redo(ctx: &EditContext) -> Html {
    let h = &ctx.state.history;
    html! {
        <div class="undo-redo">
            {history_button(ctx, EditAction::Undo, ("undo-button", "Undo (Ctrl+Z)", "↶ Undo"), (h.can_undo(), h.undo_steps()))}
            {history_button(ctx, EditAction::Redo, ("redo-button", "Redo (Ctrl+Shift+Z)", "↷ Redo"), (h.can_redo(), h.redo_steps()))}
        </div>
    }
}

/// An undo or redo button: it dispatches `action` and carries its step count in `data-steps`.
fn history_button(
    ctx: &EditContext,
    action: EditAction,
    (testid, title, text): (&'static str, &'static str, &'static str),
    (can, steps): (bool, usize),
) -> Html {
    let ctx = ctx.clone();
    let onclick = Callback::from(move |_: MouseEvent| ctx.dispatch(action.clone()));
    html! {
        <button type="button" class="ghost" data-testid={testid} disabled={!can} {onclick}
            {title} data-steps={steps.to_string()}>{text}</button>
    }
}
