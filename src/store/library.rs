//! The scenario library: named scenarios and the autosaved current scenario in a [`KeyValue`] store.
//!
//! Keys (namespaced and versioned, one per scenario; the list is derived from the keys):
//! - `journey-sim/v1/scenario/<id>` — a saved scenario: `{"name", "saved_at", "scenario"}`;
//! - `journey-sim/v1/autosave` — the scenario being edited (same shape; may have validation problems);
//! - `journey-sim/v1/corrupt/<id>` — entries that could not be read, set aside (never deleted by the
//!   library) so the rest loads.
//!
//! Times (`saved_at`, milliseconds since the epoch) come from the caller; this module has no clock.
//! Named scenarios must pass validation to be saved, so an unreadable or invalid stored entry is corrupt.
//! Writes replace a key in one `set`, and a failed `set` changes nothing, so a quota error leaves the
//! previously saved version intact.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::file::{count_problems, join_problems, scenario_from_value};
pub use super::kv::{KeyValue, MemoryStore, StoreError};
use crate::sim::limits::MAX_TEXT;
use crate::sim::scenario::Scenario;
use crate::sim::validate::{validate, Problem};

mod entries;

/// Prefix of every key the library uses.
pub const PREFIX: &str = "journey-sim/v1/";
/// Prefix of saved scenarios; the id follows.
pub const SCENARIO_PREFIX: &str = "journey-sim/v1/scenario/";
/// Key of the autosaved current scenario.
pub const AUTOSAVE_KEY: &str = "journey-sim/v1/autosave";
/// Prefix of entries set aside because they could not be read; the id follows.
pub const CORRUPT_PREFIX: &str = "journey-sim/v1/corrupt/";

/// A saved scenario's listing data.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// Id: the key is [`SCENARIO_PREFIX`] + id.
    pub id: String,
    /// Name shown in the library.
    pub name: String,
    /// When it was saved, in milliseconds since the epoch.
    pub saved_at: f64,
}

/// One item of the library listing.
#[derive(Clone, Debug, PartialEq)]
pub enum LibraryItem {
    /// A scenario that can be opened.
    Entry(Entry),
    /// A stored entry that cannot be read, kept under `key` (normally in [`CORRUPT_PREFIX`]).
    Corrupt {
        /// Where the raw text is kept.
        key: String,
        /// Why it cannot be read, as a sentence.
        reason: String,
    },
}

/// A saved scenario with its listing data.
#[derive(Clone, Debug, PartialEq)]
pub struct Saved {
    /// Id, name and time.
    pub entry: Entry,
    /// The scenario.
    pub scenario: Scenario,
}

/// The autosaved scenario, with any validation problems it had when saved.
#[derive(Clone, Debug, PartialEq)]
pub struct Autosave {
    /// When it was saved, in milliseconds since the epoch.
    pub saved_at: f64,
    /// The scenario being edited.
    pub scenario: Scenario,
    /// Its validation problems (edits in progress may have some).
    pub problems: Vec<Problem>,
}

/// Why a library operation failed.
#[derive(Clone, Debug, PartialEq)]
pub enum LibraryError {
    /// The storage failed (full, unavailable, …); nothing was changed.
    Store(StoreError),
    /// No saved scenario has this id.
    NotFound(String),
    /// The stored entry cannot be read (it was set aside under `key`).
    Corrupt {
        /// Where the raw text is kept.
        key: String,
        /// Why it cannot be read.
        reason: String,
    },
    /// The scenario has problems and was not saved.
    Invalid(Vec<Problem>),
}

impl fmt::Display for LibraryError {
    /// A sentence for planners.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LibraryError::Store(e) => write!(f, "{e}"),
            LibraryError::NotFound(_) => {
                write!(f, "This scenario is no longer in the library (deleted in another tab?).")
            }
            LibraryError::Corrupt { reason, .. } => write!(
                f,
                "This saved scenario cannot be opened: {reason} It was kept aside, unchanged."
            ),
            LibraryError::Invalid(problems) => write!(
                f,
                "Not saved: the scenario has {}: {}.",
                count_problems(problems.len()),
                join_problems(problems)
            ),
        }
    }
}

impl std::error::Error for LibraryError {}

impl From<StoreError> for LibraryError {
    fn from(e: StoreError) -> Self {
        LibraryError::Store(e)
    }
}

/// What is stored under a key: name, time and the scenario (as JSON, migrated when read).
#[derive(Serialize, Deserialize)]
struct Stored {
    name: String,
    saved_at: f64,
    scenario: Value,
}

/// The scenario library over a [`KeyValue`] store.
#[derive(Clone, Debug)]
pub struct Library<S: KeyValue> {
    store: S,
}

impl<S: KeyValue> Library<S> {
    /// A library over `store` (existing entries are kept).
    pub fn new(store: S) -> Self {
        Library { store }
    }

    /// The underlying store.
    pub fn store(&self) -> &S {
        &self.store
    }

    /// The underlying store, mutably (tests use it to plant damaged entries).
    pub fn store_mut(&mut self) -> &mut S {
        &mut self.store
    }

    /// Gives back the store.
    pub fn into_store(self) -> S {
        self.store
    }

    /// Every saved scenario sorted by name (case-insensitively), then time; then every corrupt entry.
    /// Entries that cannot be read are moved to [`CORRUPT_PREFIX`] and listed as corrupt; the rest load.
    pub fn list(&mut self) -> Result<Vec<LibraryItem>, StoreError> {
        let mut entries = Vec::new();
        let mut corrupt = Vec::new();
        for (id, raw) in self.raw_entries(SCENARIO_PREFIX)? {
            match read_stored(&raw) {
                Ok((entry, _)) => entries.push(Entry { id, ..entry }),
                Err(reason) => {
                    let key = self.set_aside(&format!("{SCENARIO_PREFIX}{id}"), &id, &raw);
                    corrupt.push(LibraryItem::Corrupt { key, reason });
                }
            }
        }
        for (id, raw) in self.raw_entries(CORRUPT_PREFIX)? {
            let key = format!("{CORRUPT_PREFIX}{id}");
            if !corrupt.iter().any(|c| matches!(c, LibraryItem::Corrupt { key: k, .. } if *k == key)) {
                let reason = read_stored(&raw).err().unwrap_or_else(|| "set aside earlier.".into());
                corrupt.push(LibraryItem::Corrupt { key, reason });
            }
        }
        entries.sort_by(entries::by_name_then_time);
        let mut items: Vec<LibraryItem> = entries.into_iter().map(LibraryItem::Entry).collect();
        items.extend(corrupt);
        Ok(items)
    }

    /// Saves `scenario` as a new library entry named `name`; returns its id.
    pub fn save(&mut self, name: &str, scenario: &Scenario, saved_at: f64) -> Result<String, LibraryError> {
        check(scenario)?;
        let id = self.new_id(saved_at)?;
        self.write(&id, name, scenario, saved_at)?;
        Ok(id)
    }

    /// Saves `scenario` over the entry `id` (creating it if absent). On error the previous version stays.
    pub fn overwrite(&mut self, id: &str, name: &str, scenario: &Scenario, saved_at: f64) -> Result<(), LibraryError> {
        check(scenario)?;
        self.write(id, name, scenario, saved_at)
    }

    /// Opens the entry `id`. An unreadable entry is set aside and reported as corrupt.
    pub fn open(&mut self, id: &str) -> Result<Saved, LibraryError> {
        let key = format!("{SCENARIO_PREFIX}{id}");
        let raw = self.store.get(&key)?.ok_or_else(|| LibraryError::NotFound(id.into()))?;
        match read_stored(&raw) {
            Ok((entry, scenario)) => Ok(Saved {
                entry: Entry { id: id.into(), ..entry },
                scenario,
            }),
            Err(reason) => {
                let key = self.set_aside(&key, id, &raw);
                Err(LibraryError::Corrupt { key, reason })
            }
        }
    }

    /// Saves a copy of `id` as a new entry named "Copy of …" (also its scenario's name); returns the new id.
    pub fn duplicate(&mut self, id: &str, saved_at: f64) -> Result<String, LibraryError> {
        let mut saved = self.open(id)?;
        let name = entries::clip(&format!("Copy of {}", saved.entry.name), MAX_TEXT);
        saved.scenario.meta.name = entries::clip(&format!("Copy of {}", saved.scenario.meta.name), MAX_TEXT);
        self.save(&name, &saved.scenario, saved_at)
    }

    /// Renames entry `id` and its scenario (`meta.name`); keeps its time. Empty names are refused.
    pub fn rename(&mut self, id: &str, name: &str) -> Result<(), LibraryError> {
        let mut saved = self.open(id)?;
        saved.scenario.meta.name = name.trim().to_string();
        check(&saved.scenario)?;
        self.write(id, name.trim(), &saved.scenario, saved.entry.saved_at)
    }

    /// Deletes entry `id` (no error if it is already gone).
    pub fn delete(&mut self, id: &str) -> Result<(), LibraryError> {
        Ok(self.store.remove(&format!("{SCENARIO_PREFIX}{id}"))?)
    }

    /// The raw text of a set-aside entry (`key` from a [`LibraryItem::Corrupt`]), for download.
    pub fn corrupt_text(&self, key: &str) -> Result<Option<String>, StoreError> {
        if key.starts_with(CORRUPT_PREFIX) {
            self.store.get(key)
        } else {
            Ok(None)
        }
    }

    /// Deletes a set-aside entry; only on the planner's explicit request (the library never does).
    pub fn discard_corrupt(&mut self, key: &str) -> Result<(), StoreError> {
        if key.starts_with(CORRUPT_PREFIX) {
            self.store.remove(key)?;
        }
        Ok(())
    }

    /// Stores the scenario being edited (problems and all) as the autosave.
    pub fn autosave(&mut self, scenario: &Scenario, saved_at: f64) -> Result<(), StoreError> {
        let text = stored_text(&scenario.meta.name, scenario, saved_at);
        self.store.set(AUTOSAVE_KEY, &text)
    }

    /// The autosaved scenario, `Ok(None)` if there is none, or `Err` with a sentence if it cannot be read
    /// (then it is set aside, and the app opens the default scenario).
    pub fn load_autosave(&mut self) -> Result<Option<Autosave>, LibraryError> {
        let Some(raw) = self.store.get(AUTOSAVE_KEY)? else {
            return Ok(None);
        };
        match entries::read_autosave(&raw) {
            Ok(autosave) => Ok(Some(autosave)),
            Err(reason) => {
                let key = self.set_aside(AUTOSAVE_KEY, "autosave", &raw);
                Err(LibraryError::Corrupt { key, reason })
            }
        }
    }

    /// `(id, raw text)` of every key under `prefix`, sorted by key.
    fn raw_entries(&self, prefix: &str) -> Result<Vec<(String, String)>, StoreError> {
        let mut keys: Vec<String> = self.store.keys()?.into_iter().filter(|k| k.starts_with(prefix)).collect();
        keys.sort();
        let mut out = Vec::with_capacity(keys.len());
        for key in keys {
            if let Some(raw) = self.store.get(&key)? {
                out.push((key[prefix.len()..].to_string(), raw));
            }
        }
        Ok(out)
    }

    /// Moves `raw` from key `from` to a free corrupt key based on `id`, and returns where it now is. If
    /// the copy cannot be written (storage full), the entry stays at `from`, which is returned.
    fn set_aside(&mut self, from: &str, id: &str, raw: &str) -> String {
        let Ok(to) = self.free_key(CORRUPT_PREFIX, id) else {
            return from.to_string();
        };
        if self.store.set(&to, raw).is_err() {
            return from.to_string();
        }
        if self.store.remove(from).is_err() {
            return from.to_string();
        }
        to
    }

    /// A key `prefix + base`, or `prefix + base-2`, `-3`, … that is not in use.
    fn free_key(&self, prefix: &str, base: &str) -> Result<String, StoreError> {
        let keys = self.store.keys()?;
        Ok(entries::free_name(base, |candidate| keys.iter().any(|k| k.strip_prefix(prefix) == Some(candidate))))
    }

    /// A new id from the save time, unused as a scenario or corrupt id.
    fn new_id(&self, saved_at: f64) -> Result<String, StoreError> {
        let keys = self.store.keys()?;
        let used = |id: &str| {
            keys.iter().any(|k| {
                k.strip_prefix(SCENARIO_PREFIX) == Some(id) || k.strip_prefix(CORRUPT_PREFIX) == Some(id)
            })
        };
        Ok(entries::free_name(&entries::time_id(saved_at), used))
    }

    /// Writes an entry in one `set`.
    fn write(&mut self, id: &str, name: &str, scenario: &Scenario, saved_at: f64) -> Result<(), LibraryError> {
        let text = stored_text(name, scenario, saved_at);
        Ok(self.store.set(&format!("{SCENARIO_PREFIX}{id}"), &text)?)
    }
}

/// Refuses a scenario with validation problems.
fn check(scenario: &Scenario) -> Result<(), LibraryError> {
    let problems = validate(scenario);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(LibraryError::Invalid(problems))
    }
}

/// The stored JSON of an entry.
fn stored_text(name: &str, scenario: &Scenario, saved_at: f64) -> String {
    let stored = Stored {
        name: name.to_string(),
        saved_at,
        scenario: serde_json::to_value(scenario).unwrap_or(Value::Null),
    };
    serde_json::to_string(&stored).unwrap_or_default()
}

/// Reads a stored entry (id left empty), or says why it cannot be read.
fn read_stored(raw: &str) -> Result<(Entry, Scenario), String> {
    let stored: Stored = serde_json::from_str(raw).map_err(|e| format!("it is not a saved scenario ({e})."))?;
    let scenario = scenario_from_value(stored.scenario).map_err(|e| e.to_string())?;
    let entry = Entry {
        id: String::new(),
        name: stored.name,
        saved_at: stored.saved_at,
    };
    Ok((entry, scenario))
}
