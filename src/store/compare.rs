//! Comparison links: a baseline and its variants in one URL fragment,
//! `#compare/<baseline>/<variant>/<variant>…`, each segment an `s1.` scenario link
//! ([`encode_fragment`]). The route is read by [`parse_route`](super::route::parse_route); this module
//! writes the fragment and decodes its scenarios.
//!
//! Limits, checked before anything is decoded: at most [`MAX_LINK_VARIANTS`] variants, and at most
//! [`MAX_COMPARISON_BYTES`] in all (one [`MAX_FRAGMENT_BYTES`] per scenario). Each scenario then goes
//! through the single-link decoder with its own limits, migration and validation, so bad input gives an
//! error naming the scenario at fault, never a panic.

use std::fmt;

use super::link::{decode_fragment, encode_fragment, LinkError, MAX_FRAGMENT_BYTES};
use super::route::{route_fragment, Route};
use super::words::size_text;
use crate::sim::scenario::Scenario;

/// Most variants a comparison link carries (the what-if panel compares at most three).
pub const MAX_LINK_VARIANTS: usize = 3;

/// Longest comparison accepted: one [`MAX_FRAGMENT_BYTES`] for the baseline and each variant (256 KiB).
pub const MAX_COMPARISON_BYTES: usize = (MAX_LINK_VARIANTS + 1) * MAX_FRAGMENT_BYTES;

/// Why a comparison link cannot be opened.
#[derive(Clone, Debug, PartialEq)]
pub enum ComparisonError {
    /// The link has no baseline scenario.
    NoBaseline,
    /// More variants than [`MAX_LINK_VARIANTS`].
    TooManyVariants {
        /// How many the link has.
        count: usize,
    },
    /// The scenarios together are longer than [`MAX_COMPARISON_BYTES`].
    TooLong {
        /// Their length in bytes.
        bytes: usize,
    },
    /// One scenario cannot be opened.
    Part {
        /// 0 for the baseline, i for variant i (from 1).
        index: usize,
        /// What is wrong with it.
        error: LinkError,
    },
}

impl fmt::Display for ComparisonError {
    /// A sentence for planners, naming the scenario at fault.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ComparisonError::NoBaseline => {
                write!(f, "This comparison link holds no baseline scenario.")
            }
            ComparisonError::TooManyVariants { count } => write!(
                f,
                "This comparison link holds {count} variants; at most {MAX_LINK_VARIANTS} can be compared."
            ),
            ComparisonError::TooLong { bytes } => write!(
                f,
                "This comparison link is too long ({}); comparison links are at most {}.",
                size_text(*bytes),
                size_text(MAX_COMPARISON_BYTES)
            ),
            ComparisonError::Part { index, error } => {
                let which = match index {
                    0 => "baseline".to_string(),
                    i => format!("variant {i}"),
                };
                let text = error.to_string();
                let text = text.strip_prefix("This link").map_or(text.clone(), |rest| {
                    format!("the link{rest}")
                });
                write!(f, "This comparison link's {which} cannot be opened: {text}")
            }
        }
    }
}

impl std::error::Error for ComparisonError {}

/// The comparison route of a baseline and its variants.
pub fn comparison_route(baseline: &Scenario, variants: &[Scenario]) -> Route {
    Route::Compare {
        baseline: Some(encode_fragment(baseline)),
        variants: variants.iter().map(encode_fragment).collect(),
    }
}

/// The fragment (with `#`) of a baseline and its variants: `#compare/s1.…/s1.…`.
pub fn encode_comparison(baseline: &Scenario, variants: &[Scenario]) -> String {
    route_fragment(&comparison_route(baseline, variants))
}

/// Decodes the scenarios of a comparison route (as [`parse_route`](super::route::parse_route) gives
/// them): the baseline and the variants, in order. Never panics.
pub fn decode_comparison(
    baseline: Option<&str>,
    variants: &[String],
) -> Result<(Scenario, Vec<Scenario>), ComparisonError> {
    if variants.len() > MAX_LINK_VARIANTS {
        return Err(ComparisonError::TooManyVariants {
            count: variants.len(),
        });
    }
    let bytes = baseline.map_or(0, str::len) + variants.iter().map(String::len).sum::<usize>();
    if bytes > MAX_COMPARISON_BYTES {
        return Err(ComparisonError::TooLong { bytes });
    }
    let baseline = baseline.ok_or(ComparisonError::NoBaseline)?;
    let part = |index: usize, link: &str| {
        decode_fragment(link).map_err(|error| ComparisonError::Part { index, error })
    };
    let base = part(0, baseline)?;
    let variants = variants
        .iter()
        .enumerate()
        .map(|(i, v)| part(i + 1, v))
        .collect::<Result<Vec<_>, _>>()?;
    Ok((base, variants))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::templates::default_scenario;
    use crate::store::route::parse_route;

    #[test]
    fn round_trips_and_names_the_damaged_part() {
        let base = default_scenario();
        let mut v = default_scenario();
        v.meta.name = "Variant 1".into();
        let fragment = encode_comparison(&base, std::slice::from_ref(&v));
        assert!(fragment.starts_with("#compare/s1."), "{fragment}");
        let Route::Compare { baseline, variants } = parse_route(&fragment) else {
            panic!("not a comparison route: {fragment}");
        };
        let decoded = decode_comparison(baseline.as_deref(), &variants);
        assert_eq!(decoded, Ok((base.clone(), vec![v])));
        let broken = decode_comparison(baseline.as_deref(), &["s1.AAAA".to_string()]);
        let text = broken.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(
            text.starts_with(
                "This comparison link's variant 1 cannot be opened: the link is damaged"
            ),
            "{text}"
        );
        let many = vec![String::new(); 4];
        assert_eq!(
            decode_comparison(baseline.as_deref(), &many),
            Err(ComparisonError::TooManyVariants { count: 4 })
        );
        assert_eq!(
            decode_comparison(None, &[]),
            Err(ComparisonError::NoBaseline)
        );
    }
}
