//! The notice bar (opened links and files, saves, failures, storage kept in memory) and the undo/redo
//! buttons.

use yew::prelude::*;

use super::super::root::use_app;
use super::super::state::{Action, Tone};

/// The storage note (while storage is unavailable) and the latest notice, dismissible.
#[component]
pub fn Notices() -> Html {
    let ctx = use_app();
    let s = &ctx.state;
    let ondismiss = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.dispatch(Action::Notify(None)))
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

/// Undo and redo buttons (also Ctrl+Z and Ctrl+Shift+Z / Ctrl+Y).
#[component]
pub fn UndoRedo() -> Html {
    let ctx = use_app();
    let h = &ctx.state.history;
    let onundo = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.dispatch(Action::Undo))
    };
    let onredo = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.dispatch(Action::Redo))
    };
    html! {
        <div class="undo-redo">
            <button type="button" class="ghost" data-testid="undo-button" disabled={!h.can_undo()} onclick={onundo}
                title="Undo (Ctrl+Z)" data-steps={h.undo_steps().to_string()}>{"↶ Undo"}</button>
            <button type="button" class="ghost" data-testid="redo-button" disabled={!h.can_redo()} onclick={onredo}
                title="Redo (Ctrl+Shift+Z)" data-steps={h.redo_steps().to_string()}>{"↷ Redo"}</button>
        </div>
    }
}
