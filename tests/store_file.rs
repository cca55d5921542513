//! Scenario files: export/import round trips, migration from format version 0, refusal of future
//! versions, messages that say what is wrong and where, and a fuzz of the importer (never panics).
//! The random cases are proptest's (native only), shrunk when one fails.

mod store_common;

use journey_sim::sim::templates::{default_scenario, template, template_names};
use journey_sim::sim::SCHEMA_VERSION;
use journey_sim::store::file::{
    export_json, import_json, migrate, v0_to_v1, ImportError, MAX_FILE_BYTES, STEPS,
};
use serde_json::{json, Value};

/// The default scenario as a version-0 file: no `schema_version`, `meta.uncertainty`.
fn version0(with_field: bool) -> Value {
    let mut v = serde_json::to_value(default_scenario()).unwrap_or(Value::Null);
    let map = v.as_object_mut().expect("object");
    map.remove("schema_version");
    if with_field {
        map.insert("schema_version".into(), json!(0));
    }
    let meta = map
        .get_mut("meta")
        .and_then(Value::as_object_mut)
        .expect("meta");
    let flag = meta.remove("parameter_uncertainty").expect("flag");
    meta.insert("uncertainty".into(), flag);
    v
}

/// The error message of importing `text`.
fn message(text: &str) -> String {
    import_json(text)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default()
}

#[test]
fn every_template_round_trips() {
    for name in template_names() {
        let s = template(name).expect("template");
        let text = export_json(&s);
        assert!(
            text.contains("\n  \"schema_version\": 1,"),
            "pretty: {text}"
        );
        assert_eq!(import_json(&text), Ok(s));
    }
}

#[test]
fn version_0_files_are_migrated() {
    for explicit in [false, true] {
        let text = serde_json::to_string_pretty(&version0(explicit)).unwrap_or_default();
        assert_eq!(
            import_json(&text),
            Ok(default_scenario()),
            "explicit: {explicit}"
        );
    }
    let mut scenario = default_scenario();
    scenario.meta.parameter_uncertainty = false;
    let mut v = version0(false);
    v["meta"]["uncertainty"] = json!(false);
    assert_eq!(import_json(&v.to_string()), Ok(scenario));
}

#[test]
fn migration_is_a_chain_of_steps() {
    assert_eq!(STEPS.len(), SCHEMA_VERSION as usize);
    let current = serde_json::to_value(default_scenario()).unwrap_or(Value::Null);
    assert_eq!(migrate(current.clone()), Ok(current.clone()));
    assert_eq!(migrate(version0(false)), Ok(current.clone()));
    assert_eq!(v0_to_v1(version0(true)), Ok(current));
    // A version-0 file without a meta section still migrates (and then fails as a scenario).
    assert_eq!(
        migrate(json!({"x": 1})),
        Ok(json!({"x": 1, "schema_version": 1}))
    );
}

#[test]
fn conflicting_old_and_new_names_are_refused() {
    let mut v = version0(false);
    v["meta"]["parameter_uncertainty"] = json!(true);
    let msg = message(&v.to_string());
    assert!(msg.contains("meta has both `uncertainty`"), "{msg}");
}

#[test]
fn future_versions_are_refused() {
    let mut v = serde_json::to_value(default_scenario()).unwrap_or(Value::Null);
    v["schema_version"] = json!(3);
    assert_eq!(
        migrate(v.clone()),
        Err(ImportError::FutureVersion { version: 3 })
    );
    assert_eq!(
        message(&v.to_string()),
        "This file was saved by a newer journey-sim (format version 3); this version reads up to 1."
    );
}

#[test]
fn malformed_files_say_what_and_where() {
    let msg = message("{\n  \"schema_version\": 1,\n  oops");
    assert!(
        msg.starts_with("This is not a valid scenario file: "),
        "{msg}"
    );
    assert!(msg.contains("line 3 column 3"), "{msg}");

    let bad_type =
        export_json(&default_scenario()).replacen("\"horizon\": 52", "\"horizon\": \"52\"", 1);
    let msg = message(&bad_type);
    assert!(msg.contains("invalid type: string \"52\""), "{msg}");
    assert!(msg.contains("line ") && msg.contains("column "), "{msg}");

    let mut old = version0(false);
    old["market"]["initial_cohort"] = json!("lots");
    let msg = message(&old.to_string());
    assert!(
        msg.contains("in `market`") && msg.contains("format version 0"),
        "{msg}"
    );

    assert!(message("[1, 2]").contains("this file holds an array"));
    assert!(message("").contains("EOF"));
    let msg = message("{\"schema_version\": \"one\"}");
    assert!(
        msg.contains("schema_version must be a whole number"),
        "{msg}"
    );
}

#[test]
fn invalid_scenarios_list_problems_with_paths() {
    let mut s = default_scenario();
    s.meta.horizon = 0;
    s.stages[1].mean_periods = 0.5;
    let err = import_json(&export_json(&s));
    let Err(ImportError::Invalid(problems)) = &err else {
        panic!("expected problems, got {err:?}");
    };
    assert_eq!(problems.len(), 2);
    let msg = err.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(
        msg.starts_with("This scenario has 2 problems: meta.horizon: "),
        "{msg}"
    );
    assert!(msg.contains("; stages[1].mean_periods: "), "{msg}");
}

#[test]
fn files_above_5_mib_are_refused() {
    let text = " ".repeat(MAX_FILE_BYTES + 1) + &export_json(&default_scenario());
    assert!(matches!(
        import_json(&text),
        Err(ImportError::TooLarge { .. })
    ));
    assert!(
        message(&text).starts_with("This file is too large (5 MB)"),
        "{}",
        message(&text)
    );
    let padded = " ".repeat(MAX_FILE_BYTES - 100_000) + &export_json(&default_scenario());
    assert_eq!(import_json(&padded), Ok(default_scenario()));
}

#[test]
fn nested_json_garbage_never_panics() {
    for depth in [1, 127, 128, 129, 10_000, 1_000_000] {
        for open in ["[", "{\"a\":", "{\"meta\":"] {
            let text = open.repeat(depth);
            assert!(import_json(&text).is_err());
        }
        let text = "[".repeat(depth) + &"]".repeat(depth);
        assert!(import_json(&text).is_err());
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod random {
    //! The random cases (proptest).

    use super::*;
    use proptest::collection::vec;
    use proptest::prelude::*;
    use proptest::sample::{select, Index};
    use proptest::test_runner::{Config, TestRunner};
    use std::cell::Cell;

    use crate::store_common::{num, scenario, text};

    /// Keys of a scenario, to bias random objects towards its shape.
    const KEYS: &[&str] = &[
        "schema_version",
        "meta",
        "market",
        "stages",
        "retention",
        "advocacy",
        "name",
        "conversion",
        "horizon",
        "low",
        "high",
        "uncertainty",
    ];

    /// A random JSON value, biased towards the keys of a scenario: up to 5 levels of arrays (up to 3
    /// items) and objects (up to 5 keys) around nulls, booleans, numbers and short texts.
    fn json_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            num(-1e3, 1e3, 3).prop_map(Value::from),
            text(&['a', '1', '"', '\\', 'é'], 0..5).prop_map(Value::from),
        ];
        leaf.prop_recursive(5, 64, 5, |inner| {
            prop_oneof![
                vec(inner.clone(), 0..4).prop_map(Value::Array),
                vec((select(KEYS), inner), 0..6).prop_map(|entries| {
                    Value::Object(
                        entries
                            .into_iter()
                            .map(|(k, v)| (k.to_string(), v))
                            .collect(),
                    )
                }),
            ]
        })
    }

    /// Pieces pasted into a valid file.
    const PIECES: &[&str] = &[
        "", "0", "-1", "1e999", "null", "\"", "{", "]", ",", "true", "\u{0}", "é",
    ];

    proptest! {
        #![proptest_config(Config::with_cases(200))]

        #[test]
        fn random_scenarios_round_trip(s in scenario()) {
            prop_assert_eq!(import_json(&export_json(&s)), Ok(s));
        }
    }

    proptest! {
        #![proptest_config(Config::with_cases(3_000))]

        #[test]
        fn random_json_never_panics(v in json_value()) {
            let _ = import_json(&v.to_string());
            let _ = migrate(v);
        }
    }

    proptest! {
        #![proptest_config(Config::with_cases(2_000))]

        #[test]
        fn random_bytes_never_panic(bytes in vec(any::<u8>(), 0..300)) {
            let _ = import_json(&String::from_utf8_lossy(&bytes));
        }
    }

    #[test]
    fn mutated_files_never_panic() {
        let valid = export_json(&default_scenario());
        // One to three places where up to 3 bytes are replaced by a piece.
        let edits = vec((any::<Index>(), 0..4usize, select(PIECES)), 1..=3);
        let opened = Cell::new(0);
        let cases = 3_000;
        let mut runner = TestRunner::new(Config::with_cases(cases));
        let result = runner.run(&edits, |edits| {
            let mut text = valid.clone();
            for (at, len, piece) in edits {
                let mut at = at.index(text.len());
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                let end = (at + len).min(text.len());
                let end = if text.is_char_boundary(end) { end } else { at };
                text.replace_range(at..end, piece);
            }
            match import_json(&text) {
                Ok(_) => opened.set(opened.get() + 1),
                Err(e) => prop_assert!(!e.to_string().is_empty()),
            }
            Ok(())
        });
        if let Err(e) = result {
            panic!("{e}");
        }
        assert!(opened.get() < cases);
    }
}
