//! The storage the library runs on: a string key-value trait shaped like `localStorage`, its errors, and
//! [`MemoryStore`], the in-memory implementation used natively, in tests and as the browser fallback.

use std::collections::BTreeMap;
use std::fmt;

/// Why a storage operation failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The storage cannot be used at all (sandboxed iframe, blocked cookies, no window).
    Unavailable(String),
    /// A write did not fit in the storage quota; nothing was changed.
    QuotaExceeded(String),
    /// Any other failure, with the browser's description.
    Failed(String),
}

impl fmt::Display for StoreError {
    /// A sentence for planners, e.g. `Not saved: browser storage is full (…). …`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Unavailable(why) => write!(
                f,
                "Browser storage is not available here ({why}); scenarios are kept in memory until this \
                 tab closes. Export them to files or share links to keep them."
            ),
            StoreError::QuotaExceeded(why) => write!(
                f,
                "Not saved: browser storage is full ({why}). Delete scenarios you no longer need, or \
                 export them to files; the previously saved version is unchanged."
            ),
            StoreError::Failed(why) => write!(f, "Browser storage failed: {why}."),
        }
    }
}

impl std::error::Error for StoreError {}

/// A string key-value store with the operations of `window.localStorage`.
///
/// A failed [`set`](KeyValue::set) must leave the previous value of the key unchanged (as browsers do).
pub trait KeyValue {
    /// The value stored under `key`, or `None` if there is none.
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Stores `value` under `key`, replacing any previous value; on error nothing changes.
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    /// Removes `key` (no error if it is absent).
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
    /// Every key in the store, in no particular order.
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

/// An in-memory [`KeyValue`] store, with an optional quota to simulate a full browser storage.
///
/// Usage is counted like browsers do, in UTF-16 code units of keys plus values.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MemoryStore {
    /// Keys and values.
    entries: BTreeMap<String, String>,
    /// Most UTF-16 code units of keys plus values, if limited.
    quota: Option<usize>,
}

impl MemoryStore {
    /// An empty store without a quota.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty store that refuses writes that would take its usage above `quota` UTF-16 code units.
    pub fn with_quota(quota: usize) -> Self {
        MemoryStore {
            entries: BTreeMap::new(),
            quota: Some(quota),
        }
    }

    /// Sets or clears the quota (existing entries are kept even if they exceed it).
    pub fn set_quota(&mut self, quota: Option<usize>) {
        self.quota = quota;
    }

    /// Space used: UTF-16 code units of every key and value.
    pub fn used(&self) -> usize {
        self.entries.iter().map(|(k, v)| units(k) + units(v)).sum()
    }

    /// Number of keys stored.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the store holds no keys.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Length of `s` in UTF-16 code units (how browsers count storage).
fn units(s: &str) -> usize {
    s.encode_utf16().count()
}

impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.entries.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(quota) = self.quota {
            let old = self.entries.get(key).map_or(0, |v| units(key) + units(v));
            let after = self.used() - old + units(key) + units(value);
            if after > quota {
                let msg = format!("needs {after} of {quota} characters");
                return Err(StoreError::QuotaExceeded(msg));
            }
        }
        self.entries.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.entries.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.entries.keys().cloned().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quota_refuses_and_keeps_the_old_value() {
        let mut store = MemoryStore::with_quota(10);
        assert_eq!(store.set("k", "abc"), Ok(()));
        assert_eq!(store.used(), 4);
        let err = store.set("k", "0123456789");
        assert!(matches!(err, Err(StoreError::QuotaExceeded(_))), "{err:?}");
        assert_eq!(store.get("k"), Ok(Some("abc".to_string())));
        assert_eq!(store.set("k", "012345678"), Ok(()));
        assert_eq!(store.remove("k"), Ok(()));
        assert!(store.is_empty());
    }

    #[test]
    fn errors_read_as_sentences() {
        let full = StoreError::QuotaExceeded("5 MB used".into()).to_string();
        assert!(full.starts_with("Not saved: browser storage is full (5 MB used)"));
        let off = StoreError::Unavailable("sandboxed".into()).to_string();
        assert!(off.contains("kept in memory"));
    }
}
