//! Window-wide keyboard shortcuts, as a hook that adds a `keydown` listener while mounted.

use yew::prelude::*;

/// Calls `on_key` with every `keydown` on the window while the component is mounted; `on_key` returns
/// whether it handled the key (then the browser's default action is prevented).
#[hook]
pub fn use_keydown(on_key: Callback<web_sys::KeyboardEvent, bool>) {
    use_effect_with((), move |_| {
        #[cfg(target_arch = "wasm32")]
        let listener = {
            use wasm_bindgen::closure::Closure;
            use wasm_bindgen::JsCast;
            let closure =
                Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(move |e: web_sys::KeyboardEvent| {
                    if on_key.emit(e.clone()) {
                        e.prevent_default();
                    }
                });
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ =
                    w.add_event_listener_with_callback("keydown", closure.as_ref().unchecked_ref());
            }
            (window, closure)
        };
        #[cfg(not(target_arch = "wasm32"))]
        drop(on_key);
        move || {
            #[cfg(target_arch = "wasm32")]
            {
                use wasm_bindgen::JsCast;
                let (window, closure) = listener;
                if let Some(w) = window {
                    let _ = w.remove_event_listener_with_callback(
                        "keydown",
                        closure.as_ref().unchecked_ref(),
                    );
                }
            }
        }
    });
}

/// Whether a key event is undo (Ctrl/⌘+Z) or redo (Ctrl/⌘+Shift+Z, Ctrl+Y): `Some(true)` for undo.
pub fn undo_key(e: &web_sys::KeyboardEvent) -> Option<bool> {
    if !(e.ctrl_key() || e.meta_key()) || e.alt_key() {
        return None;
    }
    match e.key().to_lowercase().as_str() {
        "z" => Some(!e.shift_key()),
        "y" if !e.shift_key() => Some(false),
        _ => None,
    }
}
