//! The Library panel: save the current scenario by name, and open, duplicate, rename or delete saved
//! ones. Entries that cannot be read are listed as such (kept aside, never deleted by the app).
//! Storage calls happen here; the results go to the edit reducer as actions.

use yew::prelude::*;

use crate::store::{Entry, LibraryItem};

use super::super::browser::epoch_ms;
use super::super::context::{use_edit, EditContext};
use super::super::state::{EditAction, Notice};
use super::{library_error, refresh};

/// Saves the scenario as `name`, over an entry of the same name if there is one.
pub fn save_as(ctx: &EditContext, name: &str) {
    let name = name.trim();
    let name = if name.is_empty() {
        ctx.state.scenario.meta.name.trim()
    } else {
        name
    };
    let existing = ctx.state.library.iter().find_map(|i| match i {
        LibraryItem::Entry(e) if e.name == name => Some(e.id.clone()),
        _ => None,
    });
    let s = &ctx.state.scenario;
    let result = ctx.storage.with(|l| match &existing {
        Some(id) => l.overwrite(id, name, s, epoch_ms()),
        None => l.save(name, s, epoch_ms()).map(drop),
    });
    refresh(ctx);
    let notice = match result {
        Ok(()) => Notice::info(format!("Saved \"{name}\" in the library.")),
        Err(e) => library_error(&e),
    };
    ctx.dispatch(EditAction::Notify(Some(notice)));
}

/// The panel.
#[component]
pub fn LibraryPanel() -> Html {
    let ctx = use_edit();
    let name = use_state(|| ctx.state.scenario.meta.name.clone());
    let renaming = use_state(|| None::<(String, String)>);
    let deleting = use_state(|| None::<String>);
    let onname = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            name.set(input.value());
        })
    };
    let onsave = {
        let (ctx, name) = (ctx.clone(), name.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            save_as(&ctx, &name);
        })
    };
    let items = &ctx.state.library;
    let persistent = ctx.storage.note.is_none();
    html! {
        <details class="panel library" open=true data-testid="library" data-count={items.len().to_string()}>
            <summary><h2>{"Library"}</h2></summary>
            <div class="panel-body">
                <p class="hint">{ if persistent {
                    "Saved in this browser. The scenario you are editing is also saved automatically."
                } else {
                    "Kept in memory only: export files or copy links to keep scenarios."
                } }</p>
                <form class="save-row" onsubmit={onsave}>
                    <label class="sr-only" for="save-name">{"Name"}</label>
                    <input id="save-name" type="text" data-testid="save-name" value={(*name).clone()} oninput={onname} />
                    <button type="submit" class="secondary" data-testid="save-button">{"Save"}</button>
                </form>
                if items.is_empty() {
                    <p class="hint" data-testid="library-empty">{"No saved scenarios yet."}</p>
                } else {
                    <ul class="library-list">
                        { for items.iter().map(|item| match item {
                            LibraryItem::Entry(entry) => row(&ctx, entry, &renaming, &deleting),
                            LibraryItem::Corrupt { key, reason } => html! {
                                <li class="corrupt" data-testid="library-corrupt" title={key.clone()}>
                                    <strong>{"Unreadable entry, kept aside: "}</strong>{reason}
                                </li>
                            },
                        }) }
                    </ul>
                }
            </div>
        </details>
    }
}

/// One saved scenario with its buttons (or its rename field).
fn row(
    ctx: &EditContext,
    entry: &Entry,
    renaming: &UseStateHandle<Option<(String, String)>>,
    deleting: &UseStateHandle<Option<String>>,
) -> Html {
    let id = entry.id.clone();
    let act = |f: fn(&EditContext, &str)| {
        let (ctx, id) = (ctx.clone(), id.clone());
        Callback::from(move |_: MouseEvent| f(&ctx, &id))
    };
    let onrename = {
        let (renaming, id, name) = (renaming.clone(), id.clone(), entry.name.clone());
        Callback::from(move |_: MouseEvent| renaming.set(Some((id.clone(), name.clone()))))
    };
    let ondelete = {
        let (ctx, deleting, id) = (ctx.clone(), deleting.clone(), id.clone());
        Callback::from(move |_: MouseEvent| {
            if deleting.as_deref() == Some(id.as_str()) {
                deleting.set(None);
                delete(&ctx, &id);
            } else {
                deleting.set(Some(id.clone()));
            }
        })
    };
    let confirm = deleting.as_deref() == Some(id.as_str());
    let editing = renaming
        .as_ref()
        .filter(|(r, _)| *r == id)
        .map(|(_, t)| t.clone());
    let body = match editing {
        Some(text) => {
            let oninput = {
                let (renaming, id) = (renaming.clone(), id.clone());
                Callback::from(move |e: InputEvent| {
                    let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                    renaming.set(Some((id.clone(), input.value())));
                })
            };
            let onsubmit = {
                let (ctx, renaming, id, text) =
                    (ctx.clone(), renaming.clone(), id.clone(), text.clone());
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    renaming.set(None);
                    rename(&ctx, &id, &text);
                })
            };
            html! {
                <form class="rename" {onsubmit}>
                    <input type="text" aria-label="New name" data-testid="library-rename-input" value={text} {oninput} />
                    <button type="submit" class="secondary" data-testid="library-rename-ok">{"OK"}</button>
                </form>
            }
        }
        None => html! {
            <>
                <span class="name" data-testid="library-name">{&entry.name}</span>
                <span class="tools">
                    <button type="button" class="ghost" data-testid="library-open" onclick={act(open)}>{"Open"}</button>
                    <button type="button" class="ghost" data-testid="library-duplicate" onclick={act(duplicate)}>{"Duplicate"}</button>
                    <button type="button" class="ghost" data-testid="library-rename" onclick={onrename}>{"Rename"}</button>
                    <button type="button" class={classes!("ghost", confirm.then_some("danger"))} data-testid="library-delete" onclick={ondelete}>
                        { if confirm { "Really delete?" } else { "Delete" } }</button>
                </span>
            </>
        },
    };
    html! { <li class="entry" data-testid="library-item" data-id={id}>{body}</li> }
}

fn open(ctx: &EditContext, id: &str) {
    match ctx.storage.with(|l| l.open(id)) {
        Ok(saved) => ctx.dispatch(EditAction::LoadScenario {
            scenario: Box::new(saved.scenario),
            notice: Some(Notice::info(format!("Opened \"{}\".", saved.entry.name))),
        }),
        Err(e) => {
            refresh(ctx);
            ctx.dispatch(EditAction::Notify(Some(library_error(&e))));
        }
    }
}

fn duplicate(ctx: &EditContext, id: &str) {
    let result = ctx.storage.with(|l| l.duplicate(id, epoch_ms()));
    refresh(ctx);
    if let Err(e) = result {
        ctx.dispatch(EditAction::Notify(Some(library_error(&e))));
    }
}

fn rename(ctx: &EditContext, id: &str, name: &str) {
    let result = ctx.storage.with(|l| l.rename(id, name));
    refresh(ctx);
    if let Err(e) = result {
        ctx.dispatch(EditAction::Notify(Some(library_error(&e))));
    }
}

fn delete(ctx: &EditContext, id: &str) {
    let result = ctx.storage.with(|l| l.delete(id));
    refresh(ctx);
    if let Err(e) = result {
        ctx.dispatch(EditAction::Notify(Some(library_error(&e))));
    }
}
