//! Library failures over MemoryStore: corrupt entries set aside (kept) while the rest loads, quota
//! errors that keep the previous version, a corrupt autosave.

use journey_sim::sim::templates::default_scenario;
use journey_sim::store::library::{
    Library, LibraryError, LibraryItem, AUTOSAVE_KEY, CORRUPT_PREFIX, SCENARIO_PREFIX,
};
use journey_sim::store::{KeyValue, MemoryStore, StoreError};

/// The names of the listed entries, in order.
fn names(lib: &mut Library<MemoryStore>) -> Vec<String> {
    let items = lib.list().unwrap_or_default();
    items
        .into_iter()
        .filter_map(|i| match i {
            LibraryItem::Entry(e) => Some(e.name),
            LibraryItem::Corrupt { .. } => None,
        })
        .collect()
}

/// The corrupt items of the listing as (key, reason).
fn corrupt(lib: &mut Library<MemoryStore>) -> Vec<(String, String)> {
    let items = lib.list().unwrap_or_default();
    items
        .into_iter()
        .filter_map(|i| match i {
            LibraryItem::Corrupt { key, reason } => Some((key, reason)),
            LibraryItem::Entry(_) => None,
        })
        .collect()
}

#[test]
fn corrupt_entries_are_set_aside_and_the_rest_loads() {
    let mut lib = Library::new(MemoryStore::new());
    let good = lib.save("Good", &default_scenario(), 1.0).expect("save");
    let mut future = serde_json::to_value(default_scenario()).unwrap_or_default();
    future["schema_version"] = serde_json::json!(9);
    let mut invalid = serde_json::to_value(default_scenario()).unwrap_or_default();
    invalid["meta"]["horizon"] = serde_json::json!(0);
    let planted = [
        ("bad1", "not json at all".to_string()),
        (
            "bad2",
            serde_json::json!({"name": "F", "saved_at": 2.0, "scenario": future}).to_string(),
        ),
        (
            "bad3",
            serde_json::json!({"name": "I", "saved_at": 3.0, "scenario": invalid}).to_string(),
        ),
    ];
    let store = lib.store_mut();
    store
        .set(&format!("{CORRUPT_PREFIX}bad1"), "an older corrupt entry")
        .expect("set");
    for (id, raw) in &planted {
        store
            .set(&format!("{SCENARIO_PREFIX}{id}"), raw)
            .expect("set");
    }

    assert_eq!(names(&mut lib), ["Good"]);
    let found = corrupt(&mut lib);
    assert_eq!(found.len(), 4, "{found:?}");
    let keys: Vec<&str> = found.iter().map(|(k, _)| k.as_str()).collect();
    for key in [
        "journey-sim/v1/corrupt/bad1-2",
        "journey-sim/v1/corrupt/bad2",
        "journey-sim/v1/corrupt/bad3",
    ] {
        assert!(keys.contains(&key), "{keys:?}");
    }
    let reasons: Vec<&str> = found.iter().map(|(_, r)| r.as_str()).collect();
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("newer journey-sim (format version 9)")),
        "{reasons:?}"
    );
    assert!(
        reasons.iter().any(|r| r.contains("meta.horizon")),
        "{reasons:?}"
    );
    // Kept byte for byte, never deleted; the original keys are gone.
    for (id, raw) in &planted {
        let aside = if *id == "bad1" { "bad1-2" } else { id };
        let kept = lib
            .corrupt_text(&format!("{CORRUPT_PREFIX}{aside}"))
            .ok()
            .flatten();
        assert_eq!(kept.as_deref(), Some(raw.as_str()));
        assert_eq!(lib.store().get(&format!("{SCENARIO_PREFIX}{id}")), Ok(None));
    }
    assert_eq!(
        lib.open(&good).map(|s| s.entry.name),
        Ok("Good".to_string())
    );
    assert_eq!(corrupt(&mut lib).len(), 4, "still listed on the next load");
    lib.discard_corrupt("journey-sim/v1/corrupt/bad2")
        .expect("discard");
    assert_eq!(corrupt(&mut lib).len(), 3);
}

#[test]
fn opening_a_corrupt_entry_reports_it() {
    let mut lib = Library::new(MemoryStore::new());
    lib.store_mut()
        .set(&format!("{SCENARIO_PREFIX}x"), "{")
        .expect("set");
    let err = lib.open("x").err();
    let Some(LibraryError::Corrupt { key, .. }) = &err else {
        panic!("{err:?}");
    };
    assert_eq!(key, "journey-sim/v1/corrupt/x");
    let msg = err.map(|e| e.to_string()).unwrap_or_default();
    assert!(
        msg.starts_with("This saved scenario cannot be opened: it is not a saved scenario"),
        "{msg}"
    );
}

#[test]
fn a_quota_error_keeps_the_previous_version() {
    let mut lib = Library::new(MemoryStore::new());
    let id = lib.save("Plan", &default_scenario(), 1.0).expect("save");
    let used = lib.store().used();
    lib.store_mut().set_quota(Some(used + 500));
    let mut bigger = default_scenario();
    bigger.meta.description = "long notes ".repeat(200);
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
    let kept = lib.open(&id).expect("open");
    assert_eq!(
        (kept.scenario, kept.entry.saved_at),
        (default_scenario(), 1.0)
    );
    // A new save that does not fit leaves nothing behind.
    let keys_before = lib.store().keys();
    assert!(lib.save("Other", &bigger, 3.0).is_err());
    assert!(lib.duplicate(&id, 4.0).is_err());
    assert_eq!(lib.store().keys(), keys_before);
    assert_eq!(names(&mut lib), ["Plan"]);
}

#[test]
fn a_full_store_keeps_corrupt_entries_in_place() {
    let mut store = MemoryStore::new();
    store
        .set(&format!("{SCENARIO_PREFIX}x"), "junk")
        .expect("set");
    store.set_quota(Some(store.used()));
    let mut lib = Library::new(store);
    let found = corrupt(&mut lib);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, format!("{SCENARIO_PREFIX}x"));
    assert_eq!(
        lib.store().get(&format!("{SCENARIO_PREFIX}x")),
        Ok(Some("junk".into()))
    );
}

#[test]
fn a_corrupt_autosave_is_set_aside() {
    let mut lib = Library::new(MemoryStore::new());
    lib.store_mut()
        .set(AUTOSAVE_KEY, "{\"name\":")
        .expect("set");
    let err = lib.load_autosave().err();
    let Some(LibraryError::Corrupt { key, .. }) = err else {
        panic!("{err:?}");
    };
    assert_eq!(key, "journey-sim/v1/corrupt/autosave");
    assert_eq!(lib.corrupt_text(&key), Ok(Some("{\"name\":".to_string())));
    assert_eq!(lib.load_autosave(), Ok(None));
}
