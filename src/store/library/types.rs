//! The library's public types: listing items, opened scenarios, the autosave and errors.

use std::fmt;

use crate::sim::scenario::Scenario;
use crate::sim::validate::{Problem, ProblemList};
use crate::store::file::count_problems;
use crate::store::kv::StoreError;

/// A saved scenario's listing data.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// Id: the key is [`SCENARIO_PREFIX`](super::SCENARIO_PREFIX) + id.
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
    /// A stored entry that cannot be read, kept under `key` (normally in [`CORRUPT_PREFIX`](super::CORRUPT_PREFIX)).
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
                write!(
                    f,
                    "This scenario is no longer in the library (deleted in another tab?)."
                )
            }
            LibraryError::Corrupt { reason, .. } => write!(
                f,
                "This saved scenario cannot be opened: {reason} It was kept aside, unchanged."
            ),
            LibraryError::Invalid(problems) => write!(
                f,
                "Not saved: the scenario has {}: {}.",
                count_problems(problems.len()),
                ProblemList(problems)
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
