//! The fragment router: documented examples, round trips of random routes, unknown names dropped, and
//! arbitrary fragments (never panics).

mod store_common;

use journey_sim::sim::templates::default_scenario;
use journey_sim::sim::Kpi;
use journey_sim::store::link::{decode_fragment, encode_fragment};
use journey_sim::store::route::{parse_route, route_fragment, Chart, Route};
use store_common::Gen;

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

/// A random subset of `names`, in random order.
fn subset<T: Copy + PartialEq>(g: &mut Gen, names: &[T]) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for _ in 0..g.below(names.len() + 1) {
        let name = *g.pick(names);
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

#[test]
fn random_routes_round_trip() {
    let mut g = Gen::new(21);
    let link = encode_fragment(&default_scenario());
    for _ in 0..2_000 {
        let scenario = (g.below(3) > 0).then(|| link.clone());
        let route = match g.below(3) {
            0 => Route::Editor { scenario },
            1 => Route::Present { scenario },
            _ => Route::Embed {
                charts: subset(&mut g, &Chart::ALL),
                kpis: subset(&mut g, &Kpi::ALL),
                scenario,
            },
        };
        let fragment = route_fragment(&route);
        assert_eq!(parse_route(&fragment), route, "{fragment}");
        assert_eq!(parse_route(fragment.trim_start_matches('#')), route);
        let again = route.with_scenario(Some("s1.abc".into()));
        assert_eq!(parse_route(&route_fragment(&again)), again);
    }
}

#[test]
fn arbitrary_fragments_never_panic() {
    let mut g = Gen::new(22);
    let alphabet: Vec<char> = "#/,-s1.embedpresnt😀 funnelroi".chars().collect();
    for _ in 0..10_000 {
        let n = g.below(80);
        let text = g.text(&alphabet, n);
        let route = parse_route(&text);
        let _ = route_fragment(&route);
        let _ = route.scenario().map(decode_fragment);
    }
}

#[test]
fn comparison_routes_round_trip_and_decode() {
    use journey_sim::store::compare::{decode_comparison, encode_comparison};
    let mut g = Gen::new(23);
    let base = store_common::random_scenario(&mut g);
    let variants: Vec<_> = (0..3)
        .map(|_| store_common::random_scenario(&mut g))
        .collect();
    for n in 0..=3 {
        let fragment = encode_comparison(&base, &variants[..n]);
        assert!(fragment.starts_with("#compare/s1."));
        let route = parse_route(&fragment);
        assert_eq!(route_fragment(&route), fragment);
        let Route::Compare {
            baseline,
            variants: links,
        } = &route
        else {
            panic!("not a comparison: {route:?}");
        };
        assert_eq!(links.len(), n);
        let decoded = decode_comparison(baseline.as_deref(), links);
        assert_eq!(decoded, Ok((base.clone(), variants[..n].to_vec())));
        // The baseline is the route's scenario, and can be replaced.
        assert_eq!(route.scenario(), baseline.as_deref());
        let moved = route.with_scenario(Some("s1.abc".into()));
        assert_eq!(parse_route(&route_fragment(&moved)), moved);
    }
    assert_eq!(
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
    assert_eq!(parse_route(&route_fragment(&none)), none);
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
    let mut g = Gen::new(24);
    let alphabet: Vec<char> = "#/-s1.compareAZaz09_😀 ".chars().collect();
    for i in 0..5_000 {
        let n = g.below(120);
        let tail = g.text(&alphabet, n);
        let text = match i % 3 {
            0 => format!("#compare/{tail}"),
            1 => format!("#compare/{link}/{tail}"),
            _ => format!("compare/{link}/{}", &link[..g.below(link.len())]),
        };
        let route = parse_route(&text);
        let _ = route_fragment(&route);
        if let Route::Compare { baseline, variants } = route {
            let _ = decode_comparison(baseline.as_deref(), &variants);
        }
    }
}
