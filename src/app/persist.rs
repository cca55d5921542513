//! Scenarios that last and travel, wired into the app: the library in browser storage (or memory), the
//! autosave, the share link in the URL fragment, files, downloads, and the startup that picks the
//! scenario to open (link, else autosave, else the default journey).
//!
//! Components here do the side effects (storage, clipboard, files, `history.replaceState`) and report
//! to the edit reducer with actions; the reducer never touches storage.

pub mod download;
pub mod files;
pub mod keys;
pub mod library;
pub mod notices;
pub mod share;
pub mod startup;

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::store::{AnyStore, Library, LibraryError, LibraryItem, MemoryStore, StoreError};

use super::browser::{current_fragment, epoch_ms};
use super::context::EditContext;
use super::state::{EditAction, Notice, View};

/// Delay between the last edit and the autosave and URL update (browsers rate-limit `replaceState`).
pub const SAVE_DELAY_MS: u32 = 700;

/// The scenario library over browser storage or memory; cheap to clone (shared).
#[derive(Clone)]
pub struct Storage {
    lib: Rc<RefCell<Library<AnyStore>>>,
    /// Why browser storage is not used, when it is not.
    pub note: Option<String>,
}

impl PartialEq for Storage {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.lib, &other.lib)
    }
}

impl std::fmt::Debug for Storage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Storage").field("note", &self.note).finish()
    }
}

impl Storage {
    /// Browser storage if it works (probed once), else memory with a note saying why.
    pub fn open() -> Storage {
        let (store, error) = AnyStore::open();
        Storage {
            lib: Rc::new(RefCell::new(Library::new(store))),
            note: error.map(|e| e.to_string()),
        }
    }

    /// A library in the given memory store (tests; a quota simulates a full storage).
    pub fn memory(store: MemoryStore) -> Storage {
        Storage {
            lib: Rc::new(RefCell::new(Library::new(AnyStore::Memory(store)))),
            note: None,
        }
    }

    /// Runs `f` on the library.
    pub fn with<R>(&self, f: impl FnOnce(&mut Library<AnyStore>) -> R) -> R {
        f(&mut self.lib.borrow_mut())
    }

    /// The listing, or an empty one (with the error) if storage fails.
    pub fn list(&self) -> (Vec<LibraryItem>, Option<StoreError>) {
        match self.with(|l| l.list()) {
            Ok(items) => (items, None),
            Err(e) => (Vec::new(), Some(e)),
        }
    }
}

/// Lists the library again and reports the result (or a storage failure) to the edit reducer.
pub fn refresh(ctx: &EditContext) {
    let (items, error) = ctx.storage.list();
    ctx.dispatch(EditAction::Listed(items));
    if let Some(e) = error {
        ctx.dispatch(EditAction::Notify(Some(Notice::error(e.to_string()))));
    }
}

/// A library error as a notice.
pub fn library_error(e: &LibraryError) -> Notice {
    Notice::error(e.to_string())
}

/// After each edit (debounced by [`SAVE_DELAY_MS`]) in the editor view: autosave the scenario and put it
/// in the URL fragment (if `url`). Embeds and presentations change neither; an opened comparison link
/// stays in the address bar until the first edit.
#[hook]
pub fn use_persistence(ctx: &EditContext, url: bool) {
    let ctx = ctx.clone();
    let revision = ctx.state.revision;
    use_effect_with(revision, move |_| {
        let timer = (ctx.state.view == View::Editor).then(|| {
            Timeout::new(SAVE_DELAY_MS, move || {
                let s = &ctx.state;
                let compare = revision == 0
                    && matches!(
                        crate::store::parse_route(&current_fragment()),
                        crate::store::Route::Compare { .. }
                    );
                if url && !compare {
                    share::replace_fragment(&share::editor_fragment(&s.scenario));
                }
                if let Err(e) = ctx.storage.with(|l| l.autosave(&s.scenario, epoch_ms())) {
                    let text = format!("The autosave failed: {e}");
                    ctx.dispatch(EditAction::Notify(Some(Notice::error(text))));
                }
            })
        });
        move || drop(timer)
    });
}
