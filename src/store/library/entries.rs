//! Helpers of the library: the stored form of an entry, ordering, ids, name clipping, the autosave.

use std::cmp::Ordering;
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Autosave, Entry};
use crate::sim::scenario::Scenario;
use crate::sim::validate::validate;
use crate::store::file::{read_value, scenario_from_value, ImportError};
use crate::store::kv::StoreError;

/// What is stored under a key: name, time and the scenario (as JSON, migrated when read). Written
/// with `S = &Scenario` (straight to text), read with `S = Value` (any version, migrated).
#[derive(Serialize, Deserialize)]
struct Stored<S> {
    /// Name shown in the library.
    name: String,
    /// Save time in milliseconds since the epoch.
    saved_at: f64,
    /// The scenario in the file format.
    scenario: S,
}

/// The stored JSON of an entry. Should serde_json ever refuse the scenario, nothing is written
/// (an empty text would replace the saved version).
pub(super) fn stored_text(
    name: &str,
    scenario: &Scenario,
    saved_at: f64,
) -> Result<String, StoreError> {
    let stored = Stored {
        name: name.to_string(),
        saved_at,
        scenario,
    };
    serde_json::to_string(&stored)
        .map_err(|e| StoreError::Failed(format!("the scenario could not be written as JSON ({e})")))
}

/// Why a stored entry or the autosave cannot be read; shown as the reason of a corrupt entry.
#[derive(Debug)]
pub(super) enum Unreadable {
    /// A saved entry's text is not `{"name", "saved_at", "scenario"}` JSON.
    NotSaved(serde_json::Error),
    /// The autosave's text is not `{"name", "saved_at", "scenario"}` JSON.
    NotAutosaved(serde_json::Error),
    /// The scenario inside cannot be read (or, for a saved entry, is invalid).
    Scenario(ImportError),
}

impl fmt::Display for Unreadable {
    /// A sentence for planners, e.g. `it is not a saved scenario (expected value at line 1 column 1).`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unreadable::NotSaved(e) => write!(f, "it is not a saved scenario ({e})."),
            Unreadable::NotAutosaved(e) => {
                write!(f, "the autosaved scenario is not readable ({e}).")
            }
            Unreadable::Scenario(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for Unreadable {}

/// Reads a stored entry (id left empty), or says why it cannot be read.
pub(super) fn read_stored(raw: &str) -> Result<(Entry, Scenario), Unreadable> {
    let stored: Stored<Value> = serde_json::from_str(raw).map_err(Unreadable::NotSaved)?;
    let scenario = scenario_from_value(stored.scenario).map_err(Unreadable::Scenario)?;
    let entry = Entry {
        id: String::new(),
        name: stored.name,
        saved_at: stored.saved_at,
    };
    Ok((entry, scenario))
}

/// Library order: name ignoring case, then name, then save time, then id.
pub(super) fn by_name_then_time(a: &Entry, b: &Entry) -> Ordering {
    let folded = a.name.to_lowercase().cmp(&b.name.to_lowercase());
    folded
        .then_with(|| a.name.cmp(&b.name))
        .then_with(|| a.saved_at.total_cmp(&b.saved_at))
        .then_with(|| a.id.cmp(&b.id))
}

/// `s` cut to at most `max` characters.
pub(super) fn clip(s: &str, max: usize) -> String {
    s.chars().take(max).collect()
}

/// An id from a time in milliseconds: the whole milliseconds in base 36 ("0" for NaN or negatives).
pub(super) fn time_id(saved_at: f64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut n = saved_at.max(0.0) as u64;
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.iter().rev().map(|&b| char::from(b)).collect()
}

/// `base` if unused, else the first unused of `base-2`, `base-3`, ….
pub(super) fn free_name(base: &str, used: impl Fn(&str) -> bool) -> String {
    if !used(base) {
        return base.to_string();
    }
    (2u64..)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| !used(candidate))
        .unwrap_or_else(|| base.to_string())
}

/// Reads the autosave: any readable scenario, with its validation problems; otherwise why not.
pub(super) fn read_autosave(raw: &str) -> Result<Autosave, Unreadable> {
    let stored: Stored<Value> = serde_json::from_str(raw).map_err(Unreadable::NotAutosaved)?;
    let scenario = read_value(stored.scenario).map_err(Unreadable::Scenario)?;
    let problems = validate(&scenario);
    Ok(Autosave {
        saved_at: stored.saved_at,
        scenario,
        problems,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_come_from_times_and_avoid_collisions() {
        assert_eq!(time_id(0.0), "0");
        assert_eq!(time_id(f64::NAN), "0");
        assert_eq!(time_id(35.0), "z");
        assert_eq!(time_id(36.0), "10");
        let taken = ["a", "a-2"];
        assert_eq!(free_name("a", |c| taken.contains(&c)), "a-3");
        assert_eq!(free_name("b", |c| taken.contains(&c)), "b");
    }

    #[test]
    fn names_clip_by_characters() {
        assert_eq!(clip("Copy of €€€", 9), "Copy of €");
    }
}
