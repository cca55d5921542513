//! Share links: round trips of every template and of random valid scenarios, and a fuzz of the
//! decoder (arbitrary text, truncated and altered links, bombs, huge input): it never panics. The
//! random cases are proptest's (native only), shrunk when one fails.

mod store_common;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use journey_sim::sim::templates::{default_scenario, template, template_names};
use journey_sim::store::link::{
    decode_fragment, encode_fragment, LinkError, MAX_FRAGMENT_BYTES, MAX_INFLATED_BYTES,
};
use miniz_oxide::deflate::compress_to_vec;

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

#[cfg(not(target_arch = "wasm32"))]
mod random {
    //! The random cases (proptest).

    use super::*;
    use journey_sim::sim::validate;
    use proptest::collection::vec;
    use proptest::prelude::*;
    use proptest::sample::{select, Index};
    use proptest::test_runner::{Config, TestRunner};
    use std::cell::Cell;

    use crate::store_common::{scenario, text};

    /// The characters of arbitrary fragments.
    const ARBITRARY: &[char] = &[
        's', '1', '.', '#', '/', '-', '_', 'A', 'Z', 'a', 'z', '0', '9', '=', '+', '%', 'é', '😀',
        ' ', '\n', '\\',
    ];

    /// The base64url alphabet.
    const BASE64URL: &[char] = &[
        'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R',
        'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j',
        'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', '0', '1',
        '2', '3', '4', '5', '6', '7', '8', '9', '-', '_',
    ];

    /// Arbitrary fragments: lossy text of random bytes, random text, random bytes as a link payload,
    /// and random text after an `s<n>.` tag.
    fn arbitrary_fragment() -> impl Strategy<Value = String> {
        prop_oneof![
            vec(any::<u8>(), 0..200).prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
            text(ARBITRARY, 0..200),
            vec(any::<u8>(), 0..200).prop_map(|b| link_of_packed(&b)),
            (0..12u32, text(ARBITRARY, 0..200)).prop_map(|(n, t)| format!("s{n}.{t}")),
        ]
    }

    proptest! {
        #![proptest_config(Config::with_cases(300))]

        #[test]
        fn random_valid_scenarios_round_trip(s in scenario()) {
            let link = encode_fragment(&s);
            prop_assert!(
                link.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)),
                "{}", link
            );
            prop_assert_eq!(decode_fragment(&link), Ok(s));
        }
    }

    proptest! {
        #![proptest_config(Config::with_cases(20_000))]

        #[test]
        fn arbitrary_text_never_panics(text in arbitrary_fragment()) {
            // Whatever the text, an error or a valid scenario, never a panic.
            if let Ok(s) = decode_fragment(&text) {
                prop_assert!(validate(&s).is_empty());
            }
        }
    }

    proptest! {
        #![proptest_config(Config::with_cases(5_000))]

        #[test]
        fn bit_flips_in_the_compressed_data_never_panic(
            flips in vec((any::<Index>(), 0..8u32), 1..=4),
        ) {
            let mut bytes = compress_to_vec(
                &serde_json::to_vec(&default_scenario()).unwrap_or_default(),
                9,
            );
            for (at, bit) in flips {
                let at = at.index(bytes.len());
                bytes[at] ^= 1 << bit;
            }
            if let Ok(s) = decode_fragment(&link_of_packed(&bytes)) {
                prop_assert!(validate(&s).is_empty());
            }
        }
    }

    #[test]
    fn truncated_and_altered_links_never_panic() {
        for name in template_names() {
            let link = encode_fragment(&template(name).expect("template"));
            for cut in 0..link.len() {
                let r = decode_fragment(&link[..cut]);
                assert!(r.is_err() || cut + 1 >= link.len(), "{name} cut at {cut}");
            }
            // One to three characters after `s1.` replaced by base64url characters.
            let alterations = vec((any::<Index>(), select(BASE64URL)), 1..=3);
            let opened = Cell::new(0);
            let cases = 1_500;
            let mut runner = TestRunner::new(Config::with_cases(cases));
            let result = runner.run(&alterations, |changes| {
                let mut chars: Vec<char> = link.chars().collect();
                for (at, c) in changes {
                    let at = 3 + at.index(chars.len() - 3);
                    chars[at] = c;
                }
                let altered: String = chars.into_iter().collect();
                if let Ok(s) = decode_fragment(&altered) {
                    prop_assert!(validate(&s).is_empty(), "an opened link is always valid");
                    opened.set(opened.get() + 1);
                }
                Ok(())
            });
            if let Err(e) = result {
                panic!("{name}: {e}");
            }
            assert!(opened.get() < cases, "{name}: alterations are noticed");
        }
    }

    /// Numbers that need all 17 significant digits (0.1 + 0.2, results of what-if scaling) come back
    /// 1 ULP off with serde_json's default float parser, which would change the simulated numbers.
    /// Passes once `serde_json` is built with its `float_roundtrip` feature (a Cargo.toml decision).
    #[test]
    #[ignore = "needs serde_json's float_roundtrip feature"]
    fn full_precision_numbers_round_trip() {
        let numbers = (scenario(), 0.0..1.0f64, 0.0..1.0f64, 0.0..1.0f64);
        let mut runner = TestRunner::new(Config::with_cases(300));
        let result = runner.run(&numbers, |(mut s, a, b, c)| {
            s.economics.first_order_value = 1_000.0 * a;
            s.economics.discount_rate = 0.05 * b;
            s.advocacy.promotion = journey_sim::sim::Prob::Point(0.1 + 0.2 * c);
            prop_assert_eq!(decode_fragment(&encode_fragment(&s)), Ok(s));
            Ok(())
        });
        if let Err(e) = result {
            panic!("{e}");
        }
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
fn huge_inputs_are_refused_quickly() {
    let huge = "s1.".to_string() + &"A".repeat(10 * 1024 * 1024);
    assert!(matches!(
        decode_fragment(&huge),
        Err(LinkError::TooLong { .. })
    ));
    let slashes = "/".repeat(MAX_FRAGMENT_BYTES);
    assert_eq!(decode_fragment(&slashes), Err(LinkError::Empty));
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
