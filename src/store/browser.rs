//! [`BrowserStore`]: the [`KeyValue`] trait over `window.localStorage` (wasm32 only), the handle
//! coming from gloo-storage's [`LocalStorage`].
//!
//! `LocalStorage::raw()` throws a JS exception (it does not return an `Err`) where `localStorage`
//! cannot be reached: sandboxed iframes without `allow-same-origin`, blocked storage, a worker. So
//! [`BrowserStore::open`] first probes with web-sys's `window.localStorage` getter, which returns that
//! `SecurityError` as an `Err`, and only then takes gloo's handle and makes a test write.
//!
//! The key-value operations use that raw `Storage` rather than gloo's `get`, `set`, `get_all` and
//! `delete`: those store every value as JSON (a text in quotes, so the library saved so far would no
//! longer read) and `delete` and `length` throw instead of returning an error. The raw web-sys
//! methods return what the browser throws as an `Err` (a full storage's `QuotaExceededError` on
//! `setItem` too), described here by [`describe`] (gloo's error conversion is private to it and
//! panics on a thrown value that is not an `Error`). Nothing unwraps. Chrome partitions storage in cross-site iframes: an embed sees its
//! own (empty) library.

use gloo_storage::{LocalStorage, Storage as _};
use wasm_bindgen::JsValue;
use web_sys::Storage;

use super::kv::{KeyValue, StoreError};

/// Key written and removed once by [`BrowserStore::open`] to check that storage works.
const PROBE_KEY: &str = "journey-sim/v1/probe";

/// `window.localStorage`, checked to work when opened.
#[derive(Clone, Debug)]
pub struct BrowserStore {
    /// `window.localStorage`, from [`LocalStorage::raw`].
    storage: Storage,
}

impl BrowserStore {
    /// Opens `localStorage` and probes it with a test write. `Err(Unavailable)` when there is no window
    /// (a worker), the getter throws (sandboxed iframe, blocked storage), it is missing, or a test write
    /// fails for any reason other than a full storage (which still allows reading the library).
    pub fn open() -> Result<BrowserStore, StoreError> {
        reachable()?;
        // Cannot throw now: the getter it calls has just returned a storage.
        let store = BrowserStore {
            storage: LocalStorage::raw(),
        };
        match store.storage.set_item(PROBE_KEY, "1") {
            Ok(()) => {
                let _ = store.storage.remove_item(PROBE_KEY);
                Ok(store)
            }
            Err(e) if is_quota(&e) => Ok(store),
            Err(e) => Err(StoreError::Unavailable(describe(&e))),
        }
    }
}

/// Whether `window.localStorage` can be read without throwing (what [`LocalStorage::raw`] needs).
fn reachable() -> Result<(), StoreError> {
    let window = web_sys::window()
        .ok_or_else(|| StoreError::Unavailable("there is no browser window".into()))?;
    window
        .local_storage()
        .map_err(|e| StoreError::Unavailable(describe(&e)))?
        .ok_or_else(|| StoreError::Unavailable("this browser has no local storage".into()))?;
    Ok(())
}

/// The `name` property of a thrown value (`QuotaExceededError`, `SecurityError`, …), if any.
fn error_name(e: &JsValue) -> Option<String> {
    js_sys::Reflect::get(e, &JsValue::from_str("name"))
        .ok()
        .and_then(|v| v.as_string())
}

/// Whether a thrown value is a quota error (names differ between browsers; Firefox used a code).
fn is_quota(e: &JsValue) -> bool {
    let name = error_name(e).unwrap_or_default();
    let code = js_sys::Reflect::get(e, &JsValue::from_str("code"))
        .ok()
        .and_then(|v| v.as_f64());
    name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" || code == Some(22.0)
}

/// A short description of a thrown value: `name: message`, or its text.
fn describe(e: &JsValue) -> String {
    let message = js_sys::Reflect::get(e, &JsValue::from_str("message"))
        .ok()
        .and_then(|v| v.as_string());
    match (error_name(e), message) {
        (Some(name), Some(msg)) if !msg.is_empty() => format!("{name}: {msg}"),
        (Some(name), _) => name,
        (None, Some(msg)) => msg,
        (None, None) => e.as_string().unwrap_or_else(|| "unknown error".into()),
    }
}

/// A storage error from a thrown value: quota errors apart.
fn store_error(e: &JsValue) -> StoreError {
    if is_quota(e) {
        StoreError::QuotaExceeded(describe(e))
    } else {
        StoreError::Failed(describe(e))
    }
}

impl KeyValue for BrowserStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.storage.get_item(key).map_err(|e| store_error(&e))
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.storage
            .set_item(key, value)
            .map_err(|e| store_error(&e))
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.storage.remove_item(key).map_err(|e| store_error(&e))
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let n = self.storage.length().map_err(|e| store_error(&e))?;
        let mut keys = Vec::with_capacity(n as usize);
        for i in 0..n {
            if let Some(key) = self.storage.key(i).map_err(|e| store_error(&e))? {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}
