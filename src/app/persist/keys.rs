//! Window-wide event listeners as hooks: keyboard shortcuts, and reopening the app when the planner
//! changes the URL fragment by hand (a pasted link, the back button).

use yew::prelude::*;

use super::super::browser::{reload_page, WindowListener};

/// Calls `on_event` with every `event` on the window while the component is mounted; `on_event`
/// returns whether it handled the event (then the browser's default action is prevented).
#[hook]
pub fn use_window_event(event: &'static str, on_event: Callback<web_sys::Event, bool>) {
    use_effect_with(event, move |event| {
        let listener = WindowListener::new(event, move |e: web_sys::Event| {
            if on_event.emit(e.clone()) {
                e.prevent_default();
            }
        });
        move || drop(listener)
    });
}

/// Calls `on_key` with every `keydown` on the window; it returns whether it handled the key.
#[hook]
pub fn use_keydown(on_key: Callback<web_sys::KeyboardEvent, bool>) {
    use wasm_bindgen::JsCast;
    use_window_event(
        "keydown",
        Callback::from(move |e: web_sys::Event| {
            e.dyn_into::<web_sys::KeyboardEvent>()
                .is_ok_and(|k| on_key.emit(k))
        }),
    );
}

/// Reopens the app when the fragment is changed by hand (the app itself only uses `replaceState`,
/// which fires no `hashchange`), so a pasted link or an embed/presentation route takes effect.
#[hook]
pub fn use_reload_on_hashchange(enabled: bool) {
    use_window_event(
        "hashchange",
        Callback::from(move |_: web_sys::Event| {
            if enabled {
                reload_page();
            }
            false
        }),
    );
}

/// Whether a key event is undo (Ctrl/⌘+Z) or redo (Ctrl/⌘+Shift+Z, Ctrl+Y): `Some(true)` for undo.
pub fn undo_key(e: &web_sys::KeyboardEvent) -> Option<bool> {
    if !(e.ctrl_key() || e.meta_key()) || e.alt_key() {
        return None;
    }
    match e.key().to_ascii_lowercase().as_str() {
        "z" => Some(!e.shift_key()),
        "y" if !e.shift_key() => Some(false),
        _ => None,
    }
}
