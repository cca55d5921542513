//! How [`Churn`] is read from JSON: `kind` and the fields of that kind, read as one flat object.
//!
//! Serde's internally tagged enums buffer the whole object before choosing the variant, which
//! compiles to a large reader in the web bundle; this flat form reads the same documents with the
//! same messages for a missing field or an unknown kind.

use serde::Deserialize;

use super::scenario::Churn;
use super::uncertain::Prob;

/// The kinds of churn, as written in `kind`.
#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum ChurnKind {
    Fixed,
    Heterogeneous,
}

/// A churn object as written: the fields of every kind, each optional.
#[derive(Deserialize)]
pub struct ChurnFields {
    kind: ChurnKind,
    rate: Option<Prob>,
    alpha: Option<f64>,
    beta: Option<f64>,
}

/// The message serde gives for a missing field.
fn missing(field: &str) -> String {
    format!("missing field `{field}`")
}

impl TryFrom<ChurnFields> for Churn {
    type Error = String;

    /// The churn of that kind, or which of its fields is missing.
    fn try_from(f: ChurnFields) -> Result<Self, String> {
        Ok(match f.kind {
            ChurnKind::Fixed => Churn::Fixed {
                rate: f.rate.ok_or_else(|| missing("rate"))?,
            },
            ChurnKind::Heterogeneous => Churn::Heterogeneous {
                alpha: f.alpha.ok_or_else(|| missing("alpha"))?,
                beta: f.beta.ok_or_else(|| missing("beta"))?,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_kind_and_names_what_is_missing() {
        let read = |s: &str| serde_json::from_str::<Churn>(s).map_err(|e| e.to_string());
        let fixed = read(r#"{"kind": "fixed", "rate": 0.05}"#).unwrap();
        assert_eq!(
            fixed,
            Churn::Fixed {
                rate: Prob::Point(0.05)
            }
        );
        let text = serde_json::to_string(&fixed).unwrap();
        assert_eq!(read(&text), Ok(fixed));
        let het = Churn::Heterogeneous {
            alpha: 2.0,
            beta: 30.0,
        };
        assert_eq!(
            read(r#"{"beta": 30, "kind": "heterogeneous", "alpha": 2}"#),
            Ok(het)
        );
        let no_rate = read(r#"{"kind": "fixed"}"#).unwrap_err();
        assert!(no_rate.starts_with("missing field `rate`"), "{no_rate}");
        let no_beta = read(r#"{"kind": "heterogeneous", "alpha": 2}"#).unwrap_err();
        assert!(no_beta.starts_with("missing field `beta`"), "{no_beta}");
        let no_kind = read(r#"{"rate": 0.1}"#).unwrap_err();
        assert!(no_kind.starts_with("missing field `kind`"), "{no_kind}");
        let odd = read(r#"{"kind": "sometimes", "rate": 0.1}"#).unwrap_err();
        assert!(odd.starts_with("unknown variant `sometimes`"), "{odd}");
    }
}
