//! BrowserStore over the real `localStorage` of headless Chromium: probing, the library round trip, a
//! real quota error that keeps the previous version, and share links decoded in wasm.
//!
//! `cargo test --target wasm32-unknown-unknown --test store_web`
#![cfg(target_arch = "wasm32")]

use journey_sim::sim::templates::default_scenario;
use journey_sim::store::browser::BrowserStore;
use journey_sim::store::library::{Library, LibraryError};
use journey_sim::store::{decode_fragment, encode_fragment, AnyStore, KeyValue, StoreError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Removes every key the tests wrote.
fn clear(store: &mut BrowserStore) {
    for key in store.keys().unwrap_or_default() {
        if key.starts_with("journey-sim/") || key.starts_with("filler/") {
            let _ = store.remove(&key);
        }
    }
}

#[wasm_bindgen_test]
fn local_storage_opens_and_works() {
    let mut store = BrowserStore::open().expect("localStorage works in a plain page");
    clear(&mut store);
    assert_eq!(store.set("journey-sim/test", "1"), Ok(()));
    assert_eq!(store.get("journey-sim/test"), Ok(Some("1".into())));
    assert!(store
        .keys()
        .unwrap_or_default()
        .contains(&"journey-sim/test".to_string()));
    assert_eq!(store.remove("journey-sim/test"), Ok(()));
    assert_eq!(store.get("journey-sim/test"), Ok(None));
    let (any, notice) = AnyStore::open();
    assert!(notice.is_none() && any.is_persistent());
}

#[wasm_bindgen_test]
fn the_library_survives_a_new_handle() {
    let mut store = BrowserStore::open().expect("open");
    clear(&mut store);
    let mut lib = Library::new(store);
    let id = lib.save("Plan", &default_scenario(), 1.0).expect("save");
    let mut again = Library::new(BrowserStore::open().expect("open"));
    assert_eq!(again.open(&id).map(|s| s.scenario), Ok(default_scenario()));
    clear(again.store_mut());
}

#[wasm_bindgen_test]
fn a_real_quota_error_keeps_the_previous_version() {
    let mut store = BrowserStore::open().expect("open");
    clear(&mut store);
    let mut lib = Library::new(store);
    let id = lib.save("Plan", &default_scenario(), 1.0).expect("save");
    // Fill the storage (about 5 MB in Chromium) with 1 MB values, then smaller ones.
    let mut size = 1 << 20;
    let mut n = 0;
    while size >= 1024 {
        match lib
            .store_mut()
            .set(&format!("filler/{n}"), &"x".repeat(size))
        {
            Ok(()) => n += 1,
            Err(StoreError::QuotaExceeded(_)) => size /= 2,
            Err(e) => panic!("unexpected {e:?}"),
        }
    }
    let mut bigger = default_scenario();
    bigger.meta.description = "notes ".repeat(2_000);
    let err = lib.overwrite(&id, "Plan", &bigger, 2.0).err();
    assert!(
        matches!(err, Some(LibraryError::Store(StoreError::QuotaExceeded(_)))),
        "{err:?}"
    );
    let msg = err.map(|e| e.to_string()).unwrap_or_default();
    assert!(
        msg.starts_with("Not saved: browser storage is full ("),
        "{msg}"
    );
    assert_eq!(lib.open(&id).map(|s| s.scenario), Ok(default_scenario()));
    clear(lib.store_mut());
}

#[wasm_bindgen_test]
fn links_decode_in_wasm() {
    let s = default_scenario();
    assert_eq!(decode_fragment(&format!("#{}", encode_fragment(&s))), Ok(s));
}
