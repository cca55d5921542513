//! Pretty JSON from compact JSON: the layout of `serde_json::to_string_pretty` (two-space indent,
//! `": "` after keys, empty arrays and objects as `[]` and `{}`), made from the compact text.
//!
//! The web bundle then holds one JSON writer per type (the compact one, which links and the library
//! use anyway) instead of a second, pretty one for the file and summary downloads.

use serde::Serialize;

/// The compact JSON of `value` (empty if it cannot be written).
pub fn compact<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// The pretty JSON of `value`, laid out as `serde_json::to_string_pretty` does.
pub fn pretty_json<T: Serialize + ?Sized>(value: &T) -> String {
    pretty(&compact(value))
}

/// Re-lays compact JSON (no whitespace outside strings) as pretty JSON.
pub fn pretty(compact: &str) -> String {
    let bytes = compact.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() * 2);
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        i += 1;
        if in_string {
            out.push(b);
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => {
                in_string = true;
                out.push(b);
            }
            b'{' | b'[' if matches!(bytes.get(i), Some(b'}' | b']')) => {
                out.extend_from_slice(&[b, bytes[i]]);
                i += 1;
            }
            b'{' | b'[' => {
                out.push(b);
                depth += 1;
                new_line(&mut out, depth);
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                new_line(&mut out, depth);
                out.push(b);
            }
            b',' => {
                out.push(b);
                new_line(&mut out, depth);
            }
            b':' => out.extend_from_slice(b": "),
            _ => out.push(b),
        }
    }
    // Only ASCII was added, between whole characters: the text stays UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

/// A line break and the indent of `depth`.
fn new_line(out: &mut Vec<u8>, depth: usize) {
    out.push(b'\n');
    for _ in 0..depth {
        out.extend_from_slice(b"  ");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::templates::default_scenario;

    #[test]
    fn lays_out_as_serde_json_pretty() {
        let mut s = default_scenario();
        s.meta.name = "Quotes \" and \\ and { [ : , ] } in a name: ✓".into();
        s.meta.runs = 30;
        assert_eq!(pretty_json(&s), serde_json::to_string_pretty(&s).unwrap());
        let summary = crate::sim::Simulation::new(&s).unwrap().run();
        assert_eq!(
            pretty_json(&summary),
            serde_json::to_string_pretty(&summary).unwrap()
        );
        let odd =
            serde_json::json!({"a": [], "b": {}, "c": [[], {"d": [1, null, "x\"]"]}], "e": "\\"});
        assert_eq!(pretty(&odd.to_string()), format!("{odd:#}"));
    }
}
