//! The URL fragment router: which view to show and which scenario (as an encoded share link) to open.
//!
//! | fragment                                      | route                                         |
//! |-----------------------------------------------|-----------------------------------------------|
//! | `` or `#`                                     | editor with the autosaved or default scenario |
//! | `#s1.xxxx`                                    | editor with the linked scenario               |
//! | `#embed/funnel,retention/purchased,roi/s1.xxxx` | embed: only those charts and KPIs           |
//! | `#embed/-/purchased/s1.xxxx`                  | embed with no charts (`-` is an empty list)   |
//! | `#present/s1.xxxx`                            | presentation view                             |
//! | `#compare/s1.base/s1.var1/s1.var2`            | editor with the baseline, what-if Compare tab with the variants |
//!
//! Chart names are those of [`Chart`], KPI names those of [`Kpi`]; unknown names are dropped. The
//! scenario is the last segment and starts with `s` and a digit; [`decode_fragment`](super::link::decode_fragment)
//! reads it. Anything else is the editor route, whose scenario the link decoder then refuses with a
//! message (so a damaged link opens the default journey and says why, never a blank page). A comparison
//! keeps every segment after `compare` (`-` or nothing for a missing baseline);
//! [`decode_comparison`](super::compare::decode_comparison) reads and checks them.

use std::fmt;
use std::str::FromStr;

use crate::sim::names::names;
use crate::sim::Kpi;

names! {
    /// A chart of the results, named in embed links, test ids and exported file names.
    Chart, "chart", 4 {
        /// Customers reaching each stage and lost by cause.
        Funnel = "funnel",
        /// Active customers over time.
        Retention = "retention",
        /// Advocates and referrals over time.
        Advocacy = "advocacy",
        /// The distribution of one KPI across runs.
        Histogram = "histogram",
    }
}

/// A view of the app and its scenario; `scenario` is an encoded link such as `s1.xxxx`, or `None`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The editor (the default view).
    Editor {
        /// The linked scenario, if the fragment carries one.
        scenario: Option<String>,
    },
    /// An embed: the chosen charts and KPIs only, without the editor.
    Embed {
        /// The charts, in the order given.
        charts: Vec<Chart>,
        /// The KPIs, in the order given.
        kpis: Vec<Kpi>,
        /// The linked scenario.
        scenario: Option<String>,
    },
    /// The presentation view for slides.
    Present {
        /// The linked scenario.
        scenario: Option<String>,
    },
    /// The editor with a baseline, and the what-if panel comparing it with variants.
    Compare {
        /// The baseline (an encoded link), shown in the editor.
        baseline: Option<String>,
        /// The variants (encoded links), in order.
        variants: Vec<String>,
    },
}

impl Route {
    /// The encoded scenario of any route.
    pub fn scenario(&self) -> Option<&str> {
        match self {
            Route::Editor { scenario } | Route::Present { scenario } => scenario.as_deref(),
            Route::Embed { scenario, .. } => scenario.as_deref(),
            Route::Compare { baseline, .. } => baseline.as_deref(),
        }
    }

    /// The same route carrying `scenario` instead (used to update the URL after an edit).
    pub fn with_scenario(&self, scenario: Option<String>) -> Route {
        match self {
            Route::Editor { .. } => Route::Editor { scenario },
            Route::Present { .. } => Route::Present { scenario },
            Route::Embed { charts, kpis, .. } => Route::Embed {
                charts: charts.clone(),
                kpis: kpis.clone(),
                scenario,
            },
            Route::Compare { variants, .. } => Route::Compare {
                baseline: scenario,
                variants: variants.clone(),
            },
        }
    }
}

/// Reads a fragment (with or without `#`). Never fails: anything unrecognised is the editor route.
pub fn parse_route(fragment: &str) -> Route {
    let f = fragment.trim();
    let f = f.strip_prefix('#').unwrap_or(f);
    let mut parts: Vec<&str> = f.split('/').collect();
    if parts.first() == Some(&"compare") {
        return Route::Compare {
            baseline: parts.get(1).and_then(|s| segment(s)),
            variants: parts.iter().skip(2).filter_map(|s| segment(s)).collect(),
        };
    }
    let scenario = take_scenario(&mut parts);
    match parts.first().copied() {
        Some("present") => Route::Present {
            scenario: scenario.or_else(|| extra(&parts, 1)),
        },
        Some("embed") => Route::Embed {
            charts: known(parts.get(1)),
            kpis: known(parts.get(2)),
            scenario: scenario.or_else(|| extra(&parts, 3)),
        },
        _ if f.is_empty() => Route::Editor { scenario: None },
        _ => Route::Editor {
            scenario: scenario.or_else(|| Some(f.to_string())),
        },
    }
}

/// A comparison segment, trimmed; `None` when empty or `-`.
fn segment(s: &str) -> Option<String> {
    Some(s.trim())
        .filter(|s| !s.is_empty() && *s != "-")
        .map(str::to_string)
}

/// Removes and returns the last segment if it looks like an encoded scenario (`s` then a digit).
fn take_scenario(parts: &mut Vec<&str>) -> Option<String> {
    let last = parts.last()?;
    let mut chars = last.chars();
    let looks = chars.next() == Some('s') && chars.next().is_some_and(|c| c.is_ascii_digit());
    if looks {
        parts.pop().map(str::to_string)
    } else {
        None
    }
}

/// The last non-empty segment after the first `n`: a scenario that does not look like one, kept so the
/// link decoder can say what is wrong with it.
fn extra(parts: &[&str], n: usize) -> Option<String> {
    let rest = parts.get(n..)?;
    rest.iter()
        .rev()
        .find(|s| !s.is_empty())
        .map(|s| s.to_string())
}

/// The known names in a comma-separated list segment, in order, without repeats.
fn known<T: FromStr + PartialEq>(segment: Option<&&str>) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for name in segment.map_or("", |s| s).split(',').map(str::trim) {
        match name.parse() {
            Ok(v) if !out.contains(&v) => out.push(v),
            _ => {}
        }
    }
    out
}

/// The fragment for a route, with its `#` (empty for the editor without a scenario).
pub fn route_fragment(route: &Route) -> String {
    let tail = |s: &Option<String>| s.as_ref().map_or(String::new(), |s| format!("/{s}"));
    match route {
        Route::Editor { scenario: None } => String::new(),
        Route::Editor {
            scenario: Some(scenario),
        } => format!("#{scenario}"),
        Route::Present { scenario } => format!("#present{}", tail(scenario)),
        Route::Embed {
            charts,
            kpis,
            scenario,
        } => format!("#embed/{}/{}{}", list(charts), list(kpis), tail(scenario)),
        Route::Compare { baseline, variants } => {
            let mut out = "#compare".to_string();
            if baseline.is_some() || !variants.is_empty() {
                out.push('/');
                out.push_str(baseline.as_deref().unwrap_or("-"));
            }
            for v in variants {
                out.push('/');
                out.push_str(v);
            }
            out
        }
    }
}

/// A comma-separated list of names, `-` when empty.
fn list<T: fmt::Display>(items: &[T]) -> String {
    if items.is_empty() {
        "-".into()
    } else {
        let names: Vec<String> = items.iter().map(T::to_string).collect();
        names.join(",")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_documented_examples() {
        let embed = parse_route("#embed/funnel,retention/purchased,roi/s1.xxxx");
        let expected = Route::Embed {
            charts: vec![Chart::Funnel, Chart::Retention],
            kpis: vec![Kpi::Purchased, Kpi::Roi],
            scenario: Some("s1.xxxx".into()),
        };
        assert_eq!(embed, expected);
        assert_eq!(
            route_fragment(&expected),
            "#embed/funnel,retention/purchased,roi/s1.xxxx"
        );
        let present = parse_route("#present/s1.xxxx");
        assert_eq!(present.scenario(), Some("s1.xxxx"));
        assert_eq!(parse_route(""), Route::Editor { scenario: None });
        assert_eq!(parse_route("#"), Route::Editor { scenario: None });
    }
}
