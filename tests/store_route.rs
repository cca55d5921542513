//! The fragment router: documented examples, round trips of random routes, unknown names dropped, and
//! arbitrary fragments (never panics). The random cases are proptest's (native only), shrunk when one
//! fails.

mod store_common;

use journey_sim::sim::templates::default_scenario;
use journey_sim::sim::Kpi;
use journey_sim::store::link::{decode_fragment, encode_fragment};
use journey_sim::store::route::{parse_route, Chart, Route};

#[test]
fn documented_fragments_parse() {
    let link = encode_fragment(&default_scenario());
    assert_eq!(
        parse_route(&format!("#{link}")),
        Route::Editor {
            scenario: Some(link.clone())
        }
    );
    assert_eq!(
        parse_route(&format!("#present/{link}")),
        Route::Present {
            scenario: Some(link.clone())
        }
    );
    let embed = parse_route(&format!("#embed/funnel,retention/purchased,roi/{link}"));
    assert_eq!(
        embed,
        Route::Embed {
            charts: vec![Chart::Funnel, Chart::Retention],
            kpis: vec![Kpi::Purchased, Kpi::Roi],
            scenario: Some(link.clone()),
        }
    );
    let opened = embed.scenario().map(decode_fragment);
    assert_eq!(opened, Some(Ok(default_scenario())));
    assert_eq!(parse_route("#present"), Route::Present { scenario: None });
    assert_eq!(parse_route(""), Route::Editor { scenario: None });
}

#[test]
fn unknown_names_are_dropped() {
    let route = parse_route("#embed/funnel,pie,funnel, advocacy/roi,nope,PURCHASED/s1.x");
    assert_eq!(
        route,
        Route::Embed {
            charts: vec![Chart::Funnel, Chart::Advocacy],
            kpis: vec![Kpi::Roi],
            scenario: Some("s1.x".into()),
        }
    );
    assert_eq!(
        parse_route("#embed/-/-"),
        Route::Embed {
            charts: vec![],
            kpis: vec![],
            scenario: None
        }
    );
}

#[test]
fn damaged_scenarios_stay_in_the_route_for_the_decoder_to_explain() {
    assert_eq!(
        parse_route("#present/garbage"),
        Route::Present {
            scenario: Some("garbage".into())
        }
    );
    let route = parse_route("#not-a-link");
    assert_eq!(route.scenario(), Some("not-a-link"));
    let msg = route.scenario().map(|s| decode_fragment(s).is_err());
    assert_eq!(msg, Some(true));
}

#[test]
fn damaged_comparison_links_give_messages_never_panics() {
    use journey_sim::store::compare::{decode_comparison, MAX_COMPARISON_BYTES};
    let link = encode_fragment(&default_scenario());
    let cases = [
        format!("#compare/{link}/s1.AAAA"),
        format!("#compare/garbage/{link}"),
        format!("#compare/-/{link}"),
        format!("#compare/{link}/{link}/{link}/{link}/{link}"),
        format!("#compare/{link}/s9.AAAA"),
        format!("#compare/s1.{}", "A".repeat(MAX_COMPARISON_BYTES)),
    ];
    for fragment in cases {
        let Route::Compare { baseline, variants } = parse_route(&fragment) else {
            panic!("not a comparison: {fragment}");
        };
        let err = decode_comparison(baseline.as_deref(), &variants).err();
        let text = err.map(|e| e.to_string()).unwrap_or_default();
        assert!(text.starts_with("This comparison link"), "{text}");
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod random {
    //! The random cases (proptest).

    use super::*;

    use journey_sim::store::compare::{decode_comparison, encode_comparison};
    use journey_sim::store::route::{route_fragment, Chart};
    use proptest::collection::vec;
    use proptest::prelude::*;
    use proptest::sample::select;

    use crate::store_common::{scenario, text};

    /// A random subset of `names`, in random order: up to `names.len()` draws, repeats dropped.
    fn subset<T: Copy + PartialEq + std::fmt::Debug + 'static>(
        names: &'static [T],
    ) -> impl Strategy<Value = Vec<T>> {
        vec(select(names), 0..=names.len()).prop_map(|drawn| {
            let mut out: Vec<T> = Vec::new();
            for name in drawn {
                if !out.contains(&name) {
                    out.push(name);
                }
            }
            out
        })
    }

    /// A random route of each kind, with or without the default scenario's link.
    fn route() -> impl Strategy<Value = Route> {
        let link = encode_fragment(&default_scenario());
        let scenario = prop_oneof![1 => Just(None), 2 => Just(Some(link))];
        (scenario, 0..3, subset(&Chart::ALL), subset(&Kpi::ALL)).prop_map(
            |(scenario, kind, charts, kpis)| match kind {
                0 => Route::Editor { scenario },
                1 => Route::Present { scenario },
                _ => Route::Embed {
                    charts,
                    kpis,
                    scenario,
                },
            },
        )
    }

    /// The characters of arbitrary fragments.
    const FRAGMENT: &[char] = &[
        '#', '/', ',', '-', 's', '1', '.', 'e', 'm', 'b', 'd', 'p', 'r', 'n', 't', '😀', ' ', 'f',
        'u', 'l', 'o', 'i',
    ];

    /// The characters of damaged comparison links.
    const COMPARISON: &[char] = &[
        '#', '/', '-', 's', '1', '.', 'c', 'o', 'm', 'p', 'a', 'r', 'e', 'A', 'Z', 'z', '0', '9',
        '_', '😀', ' ',
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        #[test]
        fn random_routes_round_trip(route in route()) {
            let fragment = route_fragment(&route);
            prop_assert_eq!(parse_route(&fragment), route.clone(), "{}", fragment);
            prop_assert_eq!(parse_route(fragment.trim_start_matches('#')), route.clone());
            let again = route.with_scenario(Some("s1.abc".into()));
            prop_assert_eq!(parse_route(&route_fragment(&again)), again);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10_000))]

        #[test]
        fn arbitrary_fragments_never_panic(text in text(FRAGMENT, 0..80)) {
            let route = parse_route(&text);
            let _ = route_fragment(&route);
            let _ = route.scenario().map(decode_fragment);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(16))]

    #[test]
    fn comparison_routes_round_trip_and_decode(base in scenario(), variants in vec(scenario(), 3)) {
        for n in 0..=3 {
            let fragment = encode_comparison(&base, &variants[..n]);
            prop_assert!(fragment.starts_with("#compare/s1."));
            let route = parse_route(&fragment);
            prop_assert_eq!(route_fragment(&route), fragment);
            let Route::Compare {
                baseline,
                variants: links,
            } = &route
            else {
                panic!("not a comparison: {:?}", route);
            };
            prop_assert_eq!(links.len(), n);
            let decoded = decode_comparison(baseline.as_deref(), links);
            prop_assert_eq!(decoded, Ok((base.clone(), variants[..n].to_vec())));
            // The baseline is the route's scenario, and can be replaced.
            prop_assert_eq!(route.scenario(), baseline.as_deref());
            let moved = route.with_scenario(Some("s1.abc".into()));
            prop_assert_eq!(parse_route(&route_fragment(&moved)), moved);
        }
        prop_assert_eq!(
            parse_route("#compare"),
            Route::Compare {
                baseline: None,
                variants: vec![]
            }
        );
        let none = Route::Compare {
            baseline: None,
            variants: vec!["s1.x".into()],
        };
        prop_assert_eq!(parse_route(&route_fragment(&none)), none);
    }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5_000))]

        /// Random tails after a comparison prefix or a good link, and cut links: never a panic.
        #[test]
        fn damaged_comparison_links_never_panic(
            kind in 0..3,
            tail in text(COMPARISON, 0..120),
            cut in any::<proptest::sample::Index>(),
        ) {
            let link = encode_fragment(&default_scenario());
            let text = match kind {
                0 => format!("#compare/{tail}"),
                1 => format!("#compare/{link}/{tail}"),
                _ => format!("compare/{link}/{}", &link[..cut.index(link.len())]),
            };
            let route = parse_route(&text);
            let _ = route_fragment(&route);
            if let Route::Compare { baseline, variants } = route {
                let _ = decode_comparison(baseline.as_deref(), &variants);
            }
        }
    }
}
