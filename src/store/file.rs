//! Scenario files: export in the documented JSON format, import with migration of older format versions.
//!
//! Import parses to a [`serde_json::Value`] first, reads `schema_version`, [`migrate`]s older versions
//! forward one step at a time, then reads the [`Scenario`] and [validates](crate::sim::validate()) it.
//!
//! Format versions:
//! - **0** (early drafts): no `schema_version` field (or `"schema_version": 0`), and the parameter
//!   uncertainty switch was called `meta.uncertainty`.
//! - **1** (current, [`SCHEMA_VERSION`]): `schema_version: 1`; the switch is `meta.parameter_uncertainty`.
//!
//! A later version adds one step function to [`STEPS`] and bumps [`SCHEMA_VERSION`].

use std::fmt;

use serde_json::{Map, Value};

use super::words::size_text;
use crate::sim::scenario::{Scenario, SCHEMA_VERSION};
use crate::sim::validate::{validate, Problem, ProblemList};

/// Largest scenario file accepted: 5 MiB.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;

/// Why a scenario file (or the scenario inside a link or a stored entry) cannot be opened.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    /// The text is larger than [`MAX_FILE_BYTES`]; `bytes` is its size.
    TooLarge {
        /// Size of the refused text in bytes.
        bytes: usize,
    },
    /// The text is not JSON, or not shaped like a scenario; the message says what and where.
    Malformed(String),
    /// Saved by a newer journey-sim: its `schema_version` is above [`SCHEMA_VERSION`].
    FutureVersion {
        /// The version found in the file.
        version: u64,
    },
    /// A well-formed scenario with problems (each with its path, such as `stages[2].conversion`).
    Invalid(Vec<Problem>),
}

impl fmt::Display for ImportError {
    /// A sentence for planners, saying what is wrong and where.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge { bytes } => write!(
                f,
                "This file is too large ({}); journey-sim opens scenario files up to {}.",
                size_text(*bytes),
                size_text(MAX_FILE_BYTES)
            ),
            ImportError::Malformed(what) => write!(f, "This is not a valid scenario file: {what}."),
            ImportError::FutureVersion { version } => write!(
                f,
                "This file was saved by a newer journey-sim (format version {version}); this version \
                 reads up to {SCHEMA_VERSION}."
            ),
            ImportError::Invalid(problems) => {
                write!(f, "This scenario has {}: ", count_problems(problems.len()))?;
                write!(f, "{}.", ProblemList(problems))
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// "1 problem", "3 problems".
pub(crate) fn count_problems(n: usize) -> String {
    if n == 1 {
        "1 problem".into()
    } else {
        format!("{n} problems")
    }
}

/// The scenario as pretty JSON in the documented format (what "Export JSON" downloads).
///
/// Numbers that JSON cannot hold (NaN, infinity; only in scenarios that fail validation) become `null`.
/// Writing cannot fail: a scenario has derived serializers and only text map keys, the two things
/// serde_json could refuse (hence the empty text that stands for an impossible error).
pub fn export_json(s: &Scenario) -> String {
    serde_json::to_string_pretty(s).unwrap_or_default()
}

/// Reads a scenario file of any supported format version: size check, JSON, migration, validation.
/// Never panics, whatever the text.
pub fn import_json(text: &str) -> Result<Scenario, ImportError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let value: Value =
        serde_json::from_str(text).map_err(|e| ImportError::Malformed(e.to_string()))?;
    let original = read_version(&value)?;
    let value = migrate(value)?;
    let scenario = if original == u64::from(SCHEMA_VERSION) {
        // Parse the text again (not the value) so a type error carries serde's line and column.
        serde_json::from_str(text).map_err(|e| ImportError::Malformed(e.to_string()))?
    } else {
        from_migrated(value, original)?
    };
    checked(scenario)
}

/// Reads a scenario from an already-parsed value (as stored in the library): migration and validation.
pub fn scenario_from_value(value: Value) -> Result<Scenario, ImportError> {
    checked(read_value(value)?)
}

/// Migrates and reads a parsed scenario without validating it (for the autosave of a scenario whose
/// edits are in progress).
pub fn read_value(value: Value) -> Result<Scenario, ImportError> {
    let original = read_version(&value)?;
    from_migrated(migrate(value)?, original)
}

/// The scenario if it has no problems.
fn checked(scenario: Scenario) -> Result<Scenario, ImportError> {
    let problems = validate(&scenario);
    if problems.is_empty() {
        Ok(scenario)
    } else {
        Err(ImportError::Invalid(problems))
    }
}

/// Reads a migrated value; type errors name the top-level section they are in (not a line: the value
/// is not the file's text).
fn from_migrated(value: Value, original: u64) -> Result<Scenario, ImportError> {
    read_as::<Scenario>(&value).map_err(|e| {
        let place = first_bad_section(&value).map_or(String::new(), |s| format!(" in `{s}`"));
        ImportError::Malformed(format!("{e}{place} (file format version {original})"))
    })
}

/// Reads a `T` from a parsed value; the error says what is wrong, without a line and column (a value
/// has none).
fn read_as<T: serde::de::DeserializeOwned>(value: &Value) -> Result<T, serde_json::Error> {
    T::deserialize(value)
}

/// The first top-level section whose content alone does not read as its part of a scenario.
fn first_bad_section(value: &Value) -> Option<&str> {
    use crate::sim::scenario::{Advocacy, Economics, Market, Meta, Retention, Stage, Tolerance};
    use crate::sim::scenario::{HappyMoment, PainPoint, Persona};
    fn bad<T: serde::de::DeserializeOwned>(value: &Value) -> bool {
        read_as::<T>(value).is_err()
    }
    type Check = (&'static str, fn(&Value) -> bool);
    let checks: [Check; 10] = [
        ("meta", bad::<Meta>),
        ("market", bad::<Market>),
        ("stages", bad::<Vec<Stage>>),
        ("retention", bad::<Retention>),
        ("advocacy", bad::<Advocacy>),
        ("pain_points", bad::<Vec<PainPoint>>),
        ("happy_moments", bad::<Vec<HappyMoment>>),
        ("tolerance", bad::<Tolerance>),
        ("personas", bad::<Vec<Persona>>),
        ("economics", bad::<Economics>),
    ];
    let map = value.as_object()?;
    checks
        .iter()
        .find(|(key, is_bad)| map.get(*key).is_some_and(is_bad))
        .map(|(key, _)| *key)
}

/// The format version of a parsed file: its `schema_version`, or 0 when the field is absent.
fn read_version(value: &Value) -> Result<u64, ImportError> {
    let Some(map) = value.as_object() else {
        let what = kind_of(value);
        return Err(ImportError::Malformed(format!(
            "a scenario is a JSON object ({{ … }}), but this file holds {what}"
        )));
    };
    match map.get("schema_version") {
        None => Ok(0),
        Some(v) => v.as_u64().ok_or_else(|| {
            let got = v.to_string();
            let what = format!(
                "schema_version must be a whole number such as {SCHEMA_VERSION}, got {got}"
            );
            ImportError::Malformed(what)
        }),
    }
}

/// "an array", "a number", … for messages.
fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a text",
        Value::Array(_) => "an array ([ … ])",
        Value::Object(_) => "an object",
    }
}

/// One migration step: a value of version `i` (its index in [`STEPS`]) to version `i + 1`.
pub type Step = fn(Value) -> Result<Value, ImportError>;

/// The migration chain: `STEPS[v]` upgrades format version `v` to `v + 1`.
pub const STEPS: [Step; SCHEMA_VERSION as usize] = [v0_to_v1];

/// Upgrades a parsed scenario file of any older format version to [`SCHEMA_VERSION`], one step at a
/// time. A value already at the current version is returned unchanged; a newer one is refused.
pub fn migrate(value: Value) -> Result<Value, ImportError> {
    let version = read_version(&value)?;
    if version > u64::from(SCHEMA_VERSION) {
        return Err(ImportError::FutureVersion { version });
    }
    STEPS[version as usize..]
        .iter()
        .try_fold(value, |v, step| step(v))
}

/// Version 0 → 1: adds `schema_version: 1` and renames `meta.uncertainty` to
/// `meta.parameter_uncertainty`.
pub fn v0_to_v1(value: Value) -> Result<Value, ImportError> {
    let Value::Object(mut map) = value else {
        return Err(ImportError::Malformed("a scenario is a JSON object".into()));
    };
    if let Some(Value::Object(meta)) = map.get_mut("meta") {
        rename(meta, "uncertainty", "parameter_uncertainty")?;
    }
    map.insert("schema_version".into(), Value::from(1));
    Ok(Value::Object(map))
}

/// Renames a key of `meta`, refusing a file that has both the old and the new name.
fn rename(meta: &mut Map<String, Value>, old: &str, new: &str) -> Result<(), ImportError> {
    let Some(v) = meta.remove(old) else {
        return Ok(());
    };
    if meta.contains_key(new) {
        return Err(ImportError::Malformed(format!(
            "meta has both `{old}` (old name) and `{new}`; keep one"
        )));
    }
    meta.insert(new.into(), v);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_a_value_says_what_without_a_position() {
        use crate::sim::scenario::Meta;
        use serde::Deserialize;
        let bad: Value = serde_json::json!({ "name": 5, "runs": "many" });
        let direct = Meta::deserialize(&bad)
            .map(|_| ())
            .map_err(|e| e.to_string());
        let via = read_as::<Meta>(&bad).map(|_| ()).map_err(|e| e.to_string());
        assert_eq!(via, direct);
        assert!(direct.is_err());
        let list: Value = serde_json::json!([1, "two"]);
        let direct = Vec::<f64>::deserialize(&list).map_err(|e| e.to_string());
        assert_eq!(
            read_as::<Vec<f64>>(&list).map_err(|e| e.to_string()),
            direct
        );
    }

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(size_text(812), "812 bytes");
        assert_eq!(size_text(64 * 1024), "64 KB");
        assert_eq!(size_text(6_500_000), "6.2 MB");
    }
}
