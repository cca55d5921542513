//! The scenario library over MemoryStore: save, reload, list, open, duplicate, rename, delete, autosave
//! (failures are in store_library_failures.rs).

use journey_sim::sim::templates::{default_scenario, template};
use journey_sim::sim::Scenario;
use journey_sim::store::library::{Library, LibraryError, LibraryItem, SCENARIO_PREFIX};
use journey_sim::store::{AnyStore, KeyValue, MemoryStore};

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

fn scenario(name: &str) -> Scenario {
    template(name).unwrap_or_else(default_scenario)
}

#[test]
fn saved_scenarios_survive_a_reload() {
    let mut lib = Library::new(MemoryStore::new());
    let a = lib
        .save("Six", &scenario("six-stage"), 1_000.0)
        .expect("save");
    let b = lib
        .save("Digital", &scenario("digital"), 2_000.0)
        .expect("save");
    assert_ne!(a, b);
    let store = lib.into_store();
    assert!(store
        .keys()
        .unwrap_or_default()
        .iter()
        .all(|k| k.starts_with("journey-sim/v1/")));
    let mut lib = Library::new(store);
    assert_eq!(names(&mut lib), ["Digital", "Six"]);
    let opened = lib.open(&a).expect("open");
    assert_eq!(opened.scenario, scenario("six-stage"));
    assert_eq!(opened.entry.name, "Six");
    assert_eq!(opened.entry.saved_at, 1_000.0);
    let key = format!("{SCENARIO_PREFIX}{a}");
    assert!(lib.store().get(&key).ok().flatten().is_some());
}

#[test]
fn listing_is_sorted_by_name_then_time() {
    let mut lib = Library::new(MemoryStore::new());
    let s = default_scenario();
    for (name, t) in [
        ("beta", 5.0),
        ("Alpha", 9.0),
        ("alpha", 3.0),
        ("Beta", 1.0),
        ("alpha", 2.0),
    ] {
        lib.save(name, &s, t).expect("save");
    }
    let items = lib.list().unwrap_or_default();
    let got: Vec<(String, f64)> = items
        .into_iter()
        .filter_map(|i| match i {
            LibraryItem::Entry(e) => Some((e.name, e.saved_at)),
            LibraryItem::Corrupt { .. } => None,
        })
        .collect();
    let expected = [
        ("Alpha", 9.0),
        ("alpha", 2.0),
        ("alpha", 3.0),
        ("Beta", 1.0),
        ("beta", 5.0),
    ];
    let expected: Vec<(String, f64)> = expected.iter().map(|(n, t)| (n.to_string(), *t)).collect();
    assert_eq!(got, expected);
}

/// Names ignore case by Unicode's full mapping, beyond the European blocks: `İ` lowers to `i` + a
/// combining dot (so "İzmir" stands among the i's, not after "Zeta"), the capital sharp s `ẞ` to `ß`,
/// and the Latin Extended-B letters `Ƀ` and the Ǆ / ǅ / ǆ triple meet their small forms.
#[test]
fn listing_ignores_case_beyond_the_european_blocks() {
    let mut lib = Library::new(MemoryStore::new());
    let s = default_scenario();
    let saved = [
        "Zeta", "ǆamija", "große", "İzmir", "Ǆupa", "ƀeta", "Jakarta", "GROẞ", "ionia", "Ƀalkan",
        "Grosz", "ǅenan",
    ];
    for (i, name) in saved.iter().enumerate() {
        lib.save(name, &s, i as f64).expect("save");
    }
    let expected = [
        "Grosz", "GROẞ", "große", "ionia", "İzmir", "Jakarta", "Zeta", "Ƀalkan", "ƀeta", "ǆamija",
        "ǅenan", "Ǆupa",
    ];
    assert_eq!(names(&mut lib), expected);
}

#[test]
fn same_time_saves_get_distinct_ids() {
    let mut lib = Library::new(MemoryStore::new());
    let ids: Vec<String> = (0..5)
        .map(|_| {
            lib.save("x", &default_scenario(), 1_700_000_000_000.0)
                .expect("save")
        })
        .collect();
    let mut unique = ids.clone();
    unique.dedup();
    assert_eq!(unique.len(), 5, "{ids:?}");
}

#[test]
fn duplicate_rename_delete_and_overwrite() {
    let mut lib = Library::new(MemoryStore::new());
    let id = lib.save("Plan", &default_scenario(), 10.0).expect("save");
    let copy = lib.duplicate(&id, 20.0).expect("duplicate");
    let opened = lib.open(&copy).expect("open copy");
    assert_eq!(opened.entry.name, "Copy of Plan");
    assert_eq!(
        opened.scenario.meta.name,
        format!("Copy of {}", default_scenario().meta.name)
    );
    assert_eq!(opened.entry.saved_at, 20.0);

    lib.rename(&copy, "  Plan B ").expect("rename");
    let renamed = lib.open(&copy).expect("open");
    assert_eq!(
        (renamed.entry.name.as_str(), renamed.entry.saved_at),
        ("Plan B", 20.0)
    );
    assert_eq!(renamed.scenario.meta.name, "Plan B");
    assert!(matches!(
        lib.rename(&copy, "  "),
        Err(LibraryError::Invalid(_))
    ));

    let mut changed = default_scenario();
    changed.meta.seed = 42;
    lib.overwrite(&id, "Plan", &changed, 30.0)
        .expect("overwrite");
    assert_eq!(lib.open(&id).map(|s| s.scenario.meta.seed), Ok(42));

    lib.delete(&id).expect("delete");
    assert_eq!(
        lib.open(&id).err(),
        Some(LibraryError::NotFound(id.clone()))
    );
    assert_eq!(names(&mut lib), ["Plan B"]);
    assert!(lib.delete(&id).is_ok(), "deleting twice is fine");
}

#[test]
fn long_names_are_clipped_when_copied() {
    let mut lib = Library::new(MemoryStore::new());
    let mut s = default_scenario();
    s.meta.name = "x".repeat(200);
    let id = lib.save(&s.meta.name.clone(), &s, 1.0).expect("save");
    let copy = lib.duplicate(&id, 2.0).expect("duplicate");
    assert_eq!(
        lib.open(&copy)
            .map(|o| o.scenario.meta.name.chars().count()),
        Ok(200)
    );
}

#[test]
fn invalid_scenarios_are_not_saved() {
    let mut lib = Library::new(MemoryStore::new());
    let mut s = default_scenario();
    s.meta.horizon = 0;
    let err = lib
        .save("Bad", &s, 1.0)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.starts_with("Not saved: the scenario has 1 problem: meta.horizon: "),
        "{err}"
    );
    assert!(lib.store().is_empty());
}

#[test]
fn autosave_keeps_edits_in_progress() {
    let mut lib = Library::new(MemoryStore::new());
    assert_eq!(lib.load_autosave(), Ok(None));
    let mut editing = default_scenario();
    editing.stages[0].conversion = journey_sim::sim::Prob::Point(1.4);
    lib.autosave(&editing, 77.0).expect("autosave");
    let loaded = lib.load_autosave().expect("load").expect("some");
    assert_eq!(loaded.scenario, editing);
    assert_eq!(loaded.saved_at, 77.0);
    assert_eq!(loaded.problems.len(), 1);
    assert_eq!(loaded.problems[0].path, "stages[0].conversion");
    assert!(
        names(&mut lib).is_empty(),
        "the autosave is not a library entry"
    );
}

#[test]
fn any_store_runs_from_memory_natively() {
    let (store, notice) = AnyStore::open();
    assert!(notice.is_none() && !store.is_persistent());
    let mut lib = Library::new(store);
    let id = lib.save("Plan", &default_scenario(), 1.0).expect("save");
    assert_eq!(lib.open(&id).map(|s| s.scenario), Ok(default_scenario()));
}
