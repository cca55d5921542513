//! The headless runner: templates, validation, runs and clear failures on bad files.

use std::process::Command;

fn runner(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_journey-sim"))
        .args(args)
        .output()
        .expect("runs");
    let text = |b: Vec<u8>| String::from_utf8(b).expect("utf-8");
    (
        out.status.code().unwrap_or(-1),
        text(out.stdout),
        text(out.stderr),
    )
}

fn temp_file(name: &str, contents: &str) -> String {
    let path = std::env::temp_dir().join(format!("journey-sim-{}-{name}", std::process::id()));
    std::fs::write(&path, contents).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn templates_list_and_print() {
    let (code, out, _) = runner(&["template", "--list"]);
    assert_eq!(code, 0);
    for name in ["six-stage", "five-stage", "e-commerce", "digital"] {
        assert!(out.contains(name), "{out}");
        let (code, json, _) = runner(&["template", name]);
        assert_eq!(code, 0);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["schema_version"], 1);
    }
    let (code, _, err) = runner(&["template", "nope"]);
    assert_eq!(code, 2);
    assert!(err.contains("no template called 'nope'"), "{err}");
}

#[test]
fn run_prints_the_documented_summary() {
    let (_, json, _) = runner(&["template", "six-stage"]);
    let file = temp_file("six.json", &json);
    let (code, out, err) = runner(&[
        "run",
        &file,
        "--runs",
        "150",
        "--seed",
        "9",
        "--no-parameter-uncertainty",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (v["runs"].as_u64(), v["seed"].as_u64()),
        (Some(150), Some(9))
    );
    for kpi in [
        "purchased",
        "retained_at_horizon",
        "advocates_at_horizon",
        "referred_customers",
        "viral_coefficient",
        "revenue",
        "profit",
        "clv",
        "roi",
    ] {
        for field in ["mean", "sd", "p5", "p25", "p50", "p75", "p95", "expected"] {
            assert!(v["kpis"][kpi].get(field).is_some(), "kpis.{kpi}.{field}");
        }
    }
    assert!(v["kpis"]["purchased"]["expected"].is_number());
    assert!(v["kpis"]["clv"]["expected"].is_null());
    assert_eq!(v["funnel"].as_array().unwrap().len(), 6);
    assert!(v["funnel"][0]["dropoffs"]["no_conversion"]["mean"].is_number());
    for series in [
        "active",
        "advocates",
        "new_customers",
        "referrals",
        "revenue",
    ] {
        for band in ["mean", "p5", "p25", "p50", "p75", "p95", "expected"] {
            assert_eq!(
                v["series"][series][band].as_array().map(Vec::len),
                Some(53),
                "{series}.{band}"
            );
        }
    }
    let (code, same, _) = runner(&[
        "run",
        &file,
        "--runs",
        "150",
        "--seed",
        "9",
        "--no-parameter-uncertainty",
        "--threads",
        "1",
    ]);
    assert_eq!(code, 0);
    assert_eq!(same, out, "thread count does not change the numbers");
}

#[test]
fn bad_files_give_clear_messages() {
    let (code, _, err) = runner(&["validate", "/no/such/file.json"]);
    assert_eq!(code, 1);
    assert!(err.contains("cannot read the file"), "{err}");
    let not_json = temp_file("bad.json", "{ this is not json");
    let (code, _, err) = runner(&["run", &not_json]);
    assert_eq!(code, 1);
    assert!(err.contains("json:") && err.contains("line 1"), "{err}");
    let (_, json, _) = runner(&["template"]);
    let invalid = temp_file(
        "invalid.json",
        &json.replacen("\"horizon\": 52", "\"horizon\": 0", 1),
    );
    let (code, _, err) = runner(&["validate", &invalid]);
    assert_eq!(code, 1);
    assert!(
        err.contains("meta.horizon: must be at least 1 period, got 0"),
        "{err}"
    );
    let good = temp_file("good.json", &json);
    let (code, out, _) = runner(&["validate", &good]);
    assert_eq!((code, out.contains("no problems")), (0, true));
    let (code, _, _) = runner(&["run", &good, "--runs", "abc"]);
    assert_eq!(code, 2);
}

#[test]
fn bench_options_are_checked() {
    let (code, _, err) = runner(&["bench", "no such benchmark"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("no benchmark matches 'no such benchmark'"),
        "{err}"
    );
    let (code, _, err) = runner(&["bench", "default", "--repeat", "0"]);
    assert_eq!(code, 2);
    assert!(err.contains("--repeat needs 1 to 100, got '0'"), "{err}");
    let (code, _, err) = runner(&["bench", "--repat", "3"]);
    assert_eq!(code, 2);
    assert!(err.contains("unexpected '--repat' after bench"), "{err}");
    let (code, _, err) = runner(&["bench", "default", "--threads", "none"]);
    assert_eq!(code, 2);
    assert!(err.contains("--threads needs 1 to 64, got 'none'"), "{err}");
}
