//! Share links: round trips of every template and of random valid scenarios, and a deterministic fuzz
//! of the decoder (arbitrary text, truncated and altered links, bombs, huge input): it never panics.

mod store_common;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use journey_sim::sim::templates::{default_scenario, template, template_names};
use journey_sim::sim::validate;
use journey_sim::store::link::{
    decode_fragment, encode_fragment, LinkError, MAX_FRAGMENT_BYTES, MAX_INFLATED_BYTES,
};
use miniz_oxide::deflate::compress_to_vec;
use store_common::{random_scenario, Gen};

/// A link made from arbitrary bytes in place of the compressed scenario.
fn link_of_packed(packed: &[u8]) -> String {
    format!("s1.{}", URL_SAFE_NO_PAD.encode(packed))
}

/// A link whose compressed payload is `json`, as `encode_fragment` would make it.
fn link_of_json(json: &[u8]) -> String {
    link_of_packed(&compress_to_vec(json, 6))
}

#[test]
fn every_template_round_trips() {
    for name in template_names() {
        let s = template(name).expect("template");
        let link = encode_fragment(&s);
        assert!(link.len() < 4_000, "{name}: {} bytes", link.len());
        assert_eq!(decode_fragment(&link).as_ref(), Ok(&s), "{name}");
        assert_eq!(decode_fragment(&format!("#{link}")).as_ref(), Ok(&s));
        let embed = format!("#embed/funnel,retention/purchased,roi/{link}");
        assert_eq!(decode_fragment(&embed).as_ref(), Ok(&s));
    }
}

#[test]
fn random_valid_scenarios_round_trip() {
    let mut g = Gen::new(7);
    for i in 0..300 {
        let s = random_scenario(&mut g);
        let link = encode_fragment(&s);
        assert!(
            link.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)),
            "{link}"
        );
        assert_eq!(decode_fragment(&link), Ok(s), "scenario {i}");
    }
}

#[test]
fn messages_are_sentences() {
    let newer = decode_fragment("#s2.abcd").err().map(|e| e.to_string());
    assert_eq!(
        newer.as_deref(),
        Some("This link was made by a newer journey-sim (format s2).")
    );
    let long = "s1.".to_string() + &"A".repeat(MAX_FRAGMENT_BYTES);
    assert_eq!(
        decode_fragment(&long),
        Err(LinkError::TooLong { bytes: long.len() })
    );
    assert!(decode_fragment(&long)
        .err()
        .is_some_and(|e| e.to_string().starts_with("This link is too long (64 KB)")));
    let text = |f: &str| {
        decode_fragment(f)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
    };
    assert!(text("#s1.@@@@").starts_with("This link is damaged: "));
    assert!(text("#hello").starts_with("This link is damaged: it has no format tag"));
    assert!(text("#x9.AAAA").contains("found \"x9\""));
    assert_eq!(text("#"), "This link holds no scenario.");
}

#[test]
fn invalid_scenarios_list_their_problems() {
    let mut s = default_scenario();
    s.meta.horizon = 0;
    let err = decode_fragment(&encode_fragment(&s)).err();
    let Some(LinkError::Invalid(problems)) = &err else {
        panic!("expected problems, got {err:?}");
    };
    assert_eq!(problems[0].path, "meta.horizon");
    let msg = err.map(|e| e.to_string()).unwrap_or_default();
    assert!(
        msg.starts_with("This link's scenario has 1 problem: meta.horizon: must be at least 1"),
        "{msg}"
    );
}

#[test]
fn future_scenario_versions_are_refused() {
    let json = serde_json::to_string(&default_scenario())
        .unwrap_or_default()
        .replacen("\"schema_version\":1", "\"schema_version\":7", 1);
    let msg = decode_fragment(&link_of_json(json.as_bytes()))
        .err()
        .map(|e| e.to_string());
    assert_eq!(
        msg.as_deref(),
        Some("This link was made by a newer journey-sim (scenario format version 7).")
    );
}

#[test]
fn decompression_bombs_are_stopped() {
    for size in [MAX_INFLATED_BYTES + 1, 40 * 1024 * 1024] {
        let link = link_of_json(&vec![b' '; size]);
        assert!(link.len() <= MAX_FRAGMENT_BYTES, "{}", link.len());
        assert_eq!(decode_fragment(&link), Err(LinkError::TooLarge));
    }
    // Just under the limit: inflates, then fails as JSON (whitespace only), without panicking.
    let link = link_of_json(&vec![b' '; MAX_INFLATED_BYTES]);
    assert!(matches!(decode_fragment(&link), Err(LinkError::Damaged(_))));
}

#[test]
fn nested_garbage_inside_links_is_refused() {
    for depth in [10, 200, 100_000, 400_000] {
        let json = "[".repeat(depth) + &"]".repeat(depth);
        let r = decode_fragment(&link_of_json(json.as_bytes()));
        assert!(matches!(r, Err(LinkError::Damaged(_))), "{depth}: {r:?}");
        let json = "{\"a\":".repeat(depth);
        assert!(decode_fragment(&link_of_json(json.as_bytes())).is_err());
    }
    assert!(decode_fragment(&link_of_json(&[0xff, 0xfe, 0x00])).is_err());
}

#[test]
fn arbitrary_text_never_panics() {
    let mut g = Gen::new(1);
    let alphabet: Vec<char> = "s1.#/-_AZaz09=+%é😀 \n\\".chars().collect();
    for i in 0..20_000 {
        let n = g.below(200);
        let text = match i % 4 {
            0 => String::from_utf8_lossy(&g.bytes(n)).into_owned(),
            1 => g.text(&alphabet, n),
            2 => link_of_packed(&g.bytes(n)),
            _ => format!("s{}.{}", g.below(12), g.text(&alphabet, n)),
        };
        let _ = decode_fragment(&text);
    }
}

#[test]
fn truncated_and_altered_links_never_panic() {
    let mut g = Gen::new(2);
    let alphabet: Vec<char> = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
        .chars()
        .collect();
    for name in template_names() {
        let link = encode_fragment(&template(name).expect("template"));
        for cut in 0..link.len() {
            let r = decode_fragment(&link[..cut]);
            assert!(r.is_err() || cut + 1 >= link.len(), "{name} cut at {cut}");
        }
        let mut opened = 0;
        for _ in 0..1_500 {
            let mut chars: Vec<char> = link.chars().collect();
            for _ in 0..=g.below(3) {
                let at = 3 + g.below(chars.len() - 3);
                chars[at] = *g.pick(&alphabet);
            }
            let altered: String = chars.into_iter().collect();
            if let Ok(s) = decode_fragment(&altered) {
                assert!(validate(&s).is_empty(), "an opened link is always valid");
                opened += 1;
            }
        }
        assert!(opened < 1_500, "{name}: alterations are noticed");
    }
}

#[test]
fn bit_flips_in_the_compressed_data_never_panic() {
    let mut g = Gen::new(3);
    let packed = compress_to_vec(
        &serde_json::to_vec(&default_scenario()).unwrap_or_default(),
        9,
    );
    for _ in 0..5_000 {
        let mut bytes = packed.clone();
        for _ in 0..=g.below(4) {
            let at = g.below(bytes.len());
            bytes[at] ^= 1 << g.below(8);
        }
        if let Ok(s) = decode_fragment(&link_of_packed(&bytes)) {
            assert!(validate(&s).is_empty());
        }
    }
}

#[test]
fn huge_inputs_are_refused_quickly() {
    let huge = "s1.".to_string() + &"A".repeat(10 * 1024 * 1024);
    assert!(matches!(
        decode_fragment(&huge),
        Err(LinkError::TooLong { .. })
    ));
    let slashes = "/".repeat(MAX_FRAGMENT_BYTES);
    assert_eq!(decode_fragment(&slashes), Err(LinkError::Empty));
}

/// Numbers that need all 17 significant digits (0.1 + 0.2, results of what-if scaling) come back
/// 1 ULP off with serde_json's default float parser, which would change the simulated numbers.
/// Passes once `serde_json` is built with its `float_roundtrip` feature (a Cargo.toml decision).
#[test]
#[ignore = "needs serde_json's float_roundtrip feature"]
fn full_precision_numbers_round_trip() {
    let mut g = Gen::new(9);
    for i in 0..300 {
        let mut s = random_scenario(&mut g);
        s.economics.first_order_value = 1_000.0 * g.unit();
        s.economics.discount_rate = 0.05 * g.unit();
        s.advocacy.promotion = journey_sim::sim::Prob::Point(0.1 + 0.2 * g.unit());
        assert_eq!(decode_fragment(&encode_fragment(&s)), Ok(s), "scenario {i}");
    }
}

#[test]
fn comparison_links_of_every_template_round_trip_within_the_limit() {
    use journey_sim::store::compare::{
        decode_comparison, encode_comparison, ComparisonError, MAX_COMPARISON_BYTES,
    };
    use journey_sim::store::route::{parse_route, Route};
    let all: Vec<_> = template_names()
        .iter()
        .filter_map(|n| template(n))
        .collect();
    for base in &all {
        let variants: Vec<_> = all.iter().take(3).cloned().collect();
        let fragment = encode_comparison(base, &variants);
        assert!(fragment.len() < 16_000, "{} bytes", fragment.len());
        let Route::Compare {
            baseline,
            variants: links,
        } = parse_route(&fragment)
        else {
            panic!("not a comparison");
        };
        assert_eq!(
            decode_comparison(baseline.as_deref(), &links),
            Ok((base.clone(), variants))
        );
    }
    // Oversized parts are refused before decoding, whichever part is long.
    let big = format!("s1.{}", "A".repeat(MAX_COMPARISON_BYTES / 2));
    let link = encode_fragment(&default_scenario());
    let too_long = decode_comparison(Some(&link), &[big.clone(), big.clone()]);
    assert!(matches!(too_long, Err(ComparisonError::TooLong { .. })));
    let one = decode_comparison(Some(&link), std::slice::from_ref(&big));
    let text = one.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(
        text.contains("variant 1") && text.contains("too long"),
        "{text}"
    );
}
