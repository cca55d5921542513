//! Scenario files: export/import round trips, migration from format version 0, refusal of future
//! versions, messages that say what is wrong and where, and a fuzz of the importer (never panics).

mod store_common;

use journey_sim::sim::templates::{default_scenario, template, template_names};
use journey_sim::sim::SCHEMA_VERSION;
use journey_sim::store::file::{
    export_json, import_json, migrate, v0_to_v1, ImportError, MAX_FILE_BYTES, STEPS,
};
use serde_json::{json, Value};
use store_common::{random_scenario, Gen};

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
fn every_template_and_random_scenarios_round_trip() {
    for name in template_names() {
        let s = template(name).expect("template");
        let text = export_json(&s);
        assert!(
            text.contains("\n  \"schema_version\": 1,"),
            "pretty: {text}"
        );
        assert_eq!(import_json(&text), Ok(s));
    }
    let mut g = Gen::new(11);
    for _ in 0..200 {
        let s = random_scenario(&mut g);
        assert_eq!(import_json(&export_json(&s)), Ok(s));
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

/// A random JSON value, biased towards the keys of a scenario.
fn random_json(g: &mut Gen, depth: usize) -> Value {
    const KEYS: [&str; 12] = [
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
    match g.below(if depth > 4 { 4 } else { 7 }) {
        0 => Value::Null,
        1 => json!(g.below(2) == 0),
        2 => json!(g.num(-1e3, 1e3, 3)),
        3 => {
            let n = g.below(5);
            json!(g.text(&['a', '1', '"', '\\', 'é'], n))
        }
        4 => Value::Array((0..g.below(4)).map(|_| random_json(g, depth + 1)).collect()),
        _ => Value::Object(
            (0..g.below(6))
                .map(|_| (g.pick(&KEYS).to_string(), random_json(g, depth + 1)))
                .collect(),
        ),
    }
}

#[test]
fn random_and_mutated_files_never_panic() {
    let mut g = Gen::new(5);
    for _ in 0..3_000 {
        let v = random_json(&mut g, 0);
        let _ = import_json(&v.to_string());
        let _ = migrate(v);
    }
    let valid = export_json(&default_scenario());
    let pieces = [
        "", "0", "-1", "1e999", "null", "\"", "{", "]", ",", "true", "\u{0}", "é",
    ];
    let mut opened = 0;
    for _ in 0..3_000 {
        let mut text = valid.clone();
        for _ in 0..=g.below(3) {
            let mut at = g.below(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let end = (at + g.below(4)).min(text.len());
            let end = if text.is_char_boundary(end) { end } else { at };
            let piece = *g.pick(&pieces[..]);
            text.replace_range(at..end, piece);
        }
        match import_json(&text) {
            Ok(_) => opened += 1,
            Err(e) => assert!(!e.to_string().is_empty()),
        }
    }
    assert!(opened < 3_000);
    for _ in 0..2_000 {
        let n = g.below(300);
        let _ = import_json(&String::from_utf8_lossy(&g.bytes(n)));
    }
}
