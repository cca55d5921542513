//! [`AnyStore`]: browser storage when it works, memory otherwise, behind one [`KeyValue`] type.

use super::kv::{KeyValue, MemoryStore, StoreError};

#[cfg(target_arch = "wasm32")]
use super::browser::BrowserStore;

/// The store the app runs on: `localStorage` (wasm32 only) or the in-memory fallback.
#[derive(Clone, Debug)]
pub enum AnyStore {
    /// `window.localStorage`.
    #[cfg(target_arch = "wasm32")]
    Browser(BrowserStore),
    /// Memory only: nothing survives a reload.
    Memory(MemoryStore),
}

impl AnyStore {
    /// Opens browser storage if it works, otherwise memory. The error says why storage is unavailable:
    /// show it as a notice ("kept in memory until this tab closes"). Natively this is always memory,
    /// without a notice. Call once at startup.
    pub fn open() -> (AnyStore, Option<StoreError>) {
        #[cfg(target_arch = "wasm32")]
        {
            match BrowserStore::open() {
                Ok(store) => (AnyStore::Browser(store), None),
                Err(e) => (AnyStore::Memory(MemoryStore::new()), Some(e)),
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            (AnyStore::Memory(MemoryStore::new()), None)
        }
    }

    /// Whether scenarios survive a reload (browser storage rather than memory).
    pub fn is_persistent(&self) -> bool {
        !matches!(self, AnyStore::Memory(_))
    }

    /// The store as a trait object.
    fn inner(&self) -> &dyn KeyValue {
        match self {
            #[cfg(target_arch = "wasm32")]
            AnyStore::Browser(s) => s,
            AnyStore::Memory(s) => s,
        }
    }

    /// The store as a mutable trait object.
    fn inner_mut(&mut self) -> &mut dyn KeyValue {
        match self {
            #[cfg(target_arch = "wasm32")]
            AnyStore::Browser(s) => s,
            AnyStore::Memory(s) => s,
        }
    }
}

impl KeyValue for AnyStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.inner().get(key)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.inner_mut().set(key, value)
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.inner_mut().remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.inner().keys()
    }
}
