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

pub use super::kv::{KeyValue, MemoryStore, StoreError};
use crate::sim::limits::MAX_TEXT;
use crate::sim::order::sort_stable_by;
use crate::sim::scenario::Scenario;
use crate::sim::validate::validate;
use entries::{read_stored, stored_text};
pub use types::{Autosave, Entry, LibraryError, LibraryItem, Saved};

mod entries;
mod types;

/// Prefix of every key the library uses.
pub const PREFIX: &str = "journey-sim/v1/";
/// Prefix of saved scenarios; the id follows.
pub const SCENARIO_PREFIX: &str = "journey-sim/v1/scenario/";
/// Key of the autosaved current scenario.
pub const AUTOSAVE_KEY: &str = "journey-sim/v1/autosave";
/// Prefix of entries set aside because they could not be read; the id follows.
pub const CORRUPT_PREFIX: &str = "journey-sim/v1/corrupt/";

/// The scenario library over a [`KeyValue`] store.
#[derive(Clone, Debug)]
pub struct Library<S: KeyValue> {
    /// Where entries are kept.
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
        let (mut entries, mut corrupt) = self.load_entries()?;
        self.earlier_corrupt(&mut corrupt)?;
        sort_stable_by(&mut entries, entries::by_name_then_time);
        let mut items: Vec<LibraryItem> = entries.into_iter().map(LibraryItem::Entry).collect();
        items.extend(corrupt);
        Ok(items)
    }

    /// The readable entries, and the unreadable ones (now set aside) as corrupt items.
    fn load_entries(&mut self) -> Result<(Vec<Entry>, Vec<LibraryItem>), StoreError> {
        let mut entries = Vec::new();
        let mut corrupt = Vec::new();
        for (id, raw) in self.raw_entries(SCENARIO_PREFIX)? {
            match read_stored(&raw) {
                Ok((entry, _)) => entries.push(Entry { id, ..entry }),
                Err(e) => {
                    let key = self.set_aside(&format!("{SCENARIO_PREFIX}{id}"), &id, &raw);
                    let reason = e.to_string();
                    corrupt.push(LibraryItem::Corrupt { key, reason });
                }
            }
        }
        Ok((entries, corrupt))
    }

    /// Adds the entries set aside earlier (not already in `corrupt`), sorted by key.
    fn earlier_corrupt(&self, corrupt: &mut Vec<LibraryItem>) -> Result<(), StoreError> {
        for (id, raw) in self.raw_entries(CORRUPT_PREFIX)? {
            let key = format!("{CORRUPT_PREFIX}{id}");
            let listed =
                |c: &LibraryItem| matches!(c, LibraryItem::Corrupt { key: k, .. } if *k == key);
            if !corrupt.iter().any(listed) {
                let reason = read_stored(&raw)
                    .err()
                    .map_or_else(|| "set aside earlier.".into(), |e| e.to_string());
                corrupt.push(LibraryItem::Corrupt { key, reason });
            }
        }
        Ok(())
    }

    /// Saves `scenario` as a new library entry named `name`; returns its id.
    pub fn save(
        &mut self,
        name: &str,
        scenario: &Scenario,
        saved_at: f64,
    ) -> Result<String, LibraryError> {
        check(scenario)?;
        let id = self.new_id(saved_at)?;
        self.write(&id, name, scenario, saved_at)?;
        Ok(id)
    }

    /// Saves `scenario` over the entry `id` (creating it if absent). On error the previous version stays.
    pub fn overwrite(
        &mut self,
        id: &str,
        name: &str,
        scenario: &Scenario,
        saved_at: f64,
    ) -> Result<(), LibraryError> {
        check(scenario)?;
        self.write(id, name, scenario, saved_at)
    }

    /// Opens the entry `id`. An unreadable entry is set aside and reported as corrupt.
    pub fn open(&mut self, id: &str) -> Result<Saved, LibraryError> {
        let key = format!("{SCENARIO_PREFIX}{id}");
        let raw = self
            .store
            .get(&key)?
            .ok_or_else(|| LibraryError::NotFound(id.into()))?;
        match read_stored(&raw) {
            Ok((entry, scenario)) => Ok(Saved {
                entry: Entry {
                    id: id.into(),
                    ..entry
                },
                scenario,
            }),
            Err(e) => {
                let key = self.set_aside(&key, id, &raw);
                let reason = e.to_string();
                Err(LibraryError::Corrupt { key, reason })
            }
        }
    }

    /// Saves a copy of `id` as a new entry named "Copy of …" (also its scenario's name); returns the new id.
    pub fn duplicate(&mut self, id: &str, saved_at: f64) -> Result<String, LibraryError> {
        let mut saved = self.open(id)?;
        let name = entries::clip(&format!("Copy of {}", saved.entry.name), MAX_TEXT);
        saved.scenario.meta.name =
            entries::clip(&format!("Copy of {}", saved.scenario.meta.name), MAX_TEXT);
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
        let text = stored_text(&scenario.meta.name, scenario, saved_at)?;
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
            Err(e) => {
                let key = self.set_aside(AUTOSAVE_KEY, "autosave", &raw);
                let reason = e.to_string();
                Err(LibraryError::Corrupt { key, reason })
            }
        }
    }

    /// `(id, raw text)` of every key under `prefix`, sorted by key.
    fn raw_entries(&self, prefix: &str) -> Result<Vec<(String, String)>, StoreError> {
        let mut keys: Vec<String> = self
            .store
            .keys()?
            .into_iter()
            .filter(|k| k.starts_with(prefix))
            .collect();
        sort_stable_by(&mut keys, |a, b| a.cmp(b));
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
        let used = |candidate: &str| {
            keys.iter()
                .any(|k| k.strip_prefix(prefix) == Some(candidate))
        };
        Ok(format!("{prefix}{}", entries::free_name(base, used)))
    }

    /// A new id from the save time, unused as a scenario or corrupt id.
    fn new_id(&self, saved_at: f64) -> Result<String, StoreError> {
        let keys = self.store.keys()?;
        let used = |id: &str| {
            keys.iter().any(|k| {
                k.strip_prefix(SCENARIO_PREFIX) == Some(id)
                    || k.strip_prefix(CORRUPT_PREFIX) == Some(id)
            })
        };
        Ok(entries::free_name(&entries::time_id(saved_at), used))
    }

    /// Writes an entry in one `set`.
    fn write(
        &mut self,
        id: &str,
        name: &str,
        scenario: &Scenario,
        saved_at: f64,
    ) -> Result<(), LibraryError> {
        let text = stored_text(name, scenario, saved_at)?;
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
