//! The fragment router: documented examples, round trips of random routes, unknown names dropped, and
//! arbitrary fragments (never panics).

mod store_common;

use journey_sim::sim::templates::default_scenario;
use journey_sim::sim::KPIS;
use journey_sim::store::link::{decode_fragment, encode_fragment};
use journey_sim::store::route::{parse_route, route_fragment, Route, CHARTS};
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
            charts: vec!["funnel".into(), "retention".into()],
            kpis: vec!["purchased".into(), "roi".into()],
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
            charts: vec!["funnel".into(), "advocacy".into()],
            kpis: vec!["roi".into()],
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
fn subset(g: &mut Gen, names: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for _ in 0..g.below(names.len() + 1) {
        let name = g.pick(names).to_string();
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
                charts: subset(&mut g, &CHARTS),
                kpis: subset(&mut g, &KPIS),
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
