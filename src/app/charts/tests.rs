//! Tests of the charts and tables on hand-made summaries: structure, not exact bytes (text widths
//! differ between native and wasm).

use super::fixture::{fixture, map_numbers};
use super::*;
use crate::sim::summary::{FunnelEntry, Summary};
use crate::sim::{Kpi, Series};

/// Asserts the accessible SVG frame and returns the svg.
fn check(svg: Result<String, ChartError>) -> String {
    let svg = svg.expect("chart renders");
    assert!(svg.starts_with("<svg"), "{}", &svg[..svg.len().min(80)]);
    let open = &svg[..svg.find('>').unwrap()];
    assert!(open.contains("viewBox=\"0 0 ") && open.contains("role=\"img\""));
    assert!(svg[open.len()..].starts_with("><title>"));
    assert!(svg.trim_end().ends_with("</svg>"));
    svg
}

/// Lines of `svg` that open `tag` and contain every one of `needles`.
fn count(svg: &str, tag: &str, needles: &[&str]) -> usize {
    let tag = format!("<{tag} ");
    svg.lines()
        .filter(|l| l.starts_with(&tag) && needles.iter().all(|n| l.contains(n)))
        .count()
}

/// The stroke of the exact expectation.
const EXPECTED: &str = "stroke=\"#D55E00\"";

/// Every chart of `s`, checked.
fn all_charts(s: &Summary, o: &ChartOptions) -> Vec<String> {
    let mut out = vec![
        check(funnel_svg(s, o)),
        check(retention_svg(s, o)),
        check(advocacy_svg(s, o)),
    ];
    out.extend(s.kpis.keys().map(|k| check(histogram_svg(s, *k, o))));
    out
}

#[test]
fn charts_have_frame_in_every_theme() {
    let s = fixture(12, true);
    for theme in [Theme::Light, Theme::Dark, Theme::Projector] {
        let o = ChartOptions {
            theme,
            ..Default::default()
        };
        for svg in all_charts(&s, &o) {
            assert!(!svg.contains("No data"));
            assert!(svg.contains("viewBox=\"0 0 800 450\""));
        }
    }
}

#[test]
fn funnel_draws_bars_whiskers_and_expectation() {
    let o = ChartOptions::default();
    let svg = check(funnel_svg(&fixture(12, true), &o));
    // Background, 2 + 4 legend boxes... : 1 + 5 legend fills + 5 bars + 5 × 3 cause segments.
    assert_eq!(count(&svg, "rect", &[]), 1 + 5 + 5 + 15);
    assert_eq!(
        count(&svg, "polyline", &["#1A1A1A", "stroke-width=\"2\""]),
        5
    );
    assert_eq!(count(&svg, "polyline", &[EXPECTED]), 1 + 5);
    assert!(svg.contains("Consideration") && svg.contains("customers reached"));
    let svg = check(funnel_svg(&fixture(12, false), &o));
    assert_eq!(count(&svg, "polyline", &[EXPECTED]), 0);
}

#[test]
fn retention_fan_has_bands_median_and_expectation_iff_expected() {
    let o = ChartOptions::default();
    let svg = check(retention_svg(&fixture(52, true), &o));
    assert_eq!(count(&svg, "polygon", &[]), 2);
    assert_eq!(
        count(&svg, "polyline", &["#0072B2", "stroke-width=\"3\""]),
        2
    );
    assert!(count(&svg, "polyline", &[EXPECTED]) > 3);
    assert!(svg.contains(">\nweek\n<") && svg.contains("active customers"));
    let svg = check(retention_svg(&fixture(52, false), &o));
    assert_eq!(count(&svg, "polyline", &[EXPECTED]), 0);
    assert!(!svg.contains("exact expectation"));
}

#[test]
fn advocacy_has_both_series_and_a_legend() {
    let o = ChartOptions::default();
    let svg = check(advocacy_svg(&fixture(20, true), &o));
    assert_eq!(count(&svg, "polygon", &[]), 2);
    assert_eq!(
        count(&svg, "polyline", &["#009E73", "stroke-width=\"3\""]),
        2
    );
    assert!(svg.contains("referrals per week (median)"));
    assert!(count(&svg, "polyline", &[EXPECTED]) > 3);
    let svg = check(advocacy_svg(&fixture(20, false), &o));
    assert_eq!(count(&svg, "polyline", &[EXPECTED]), 0);
}

#[test]
fn histogram_bars_and_lines() {
    let o = ChartOptions::default();
    let s = fixture(12, true);
    let svg = check(histogram_svg(&s, Kpi::Revenue, &o));
    let bins = s.kpis[&Kpi::Revenue]
        .histogram
        .counts
        .iter()
        .filter(|&&c| c > 0)
        .count();
    assert_eq!(count(&svg, "rect", &["#0072B2", "opacity=\"1\""]), 1 + bins);
    assert!(svg.contains("Revenue (€)"));
    assert!(count(&svg, "polyline", &[EXPECTED]) > 1);
    assert!(check(histogram_svg(&s, Kpi::Roi, &o)).contains("%\n</text>"));
    let svg = check(histogram_svg(&fixture(12, false), Kpi::Revenue, &o));
    assert_eq!(count(&svg, "polyline", &[EXPECTED]), 0);
    let mut without = s.clone();
    without.kpis.remove(&Kpi::Roi);
    let err = histogram_svg(&without, Kpi::Roi, &o).unwrap_err();
    assert_eq!(err, ChartError::UnknownKpi(Kpi::Roi));
    assert!(err.to_string().contains("roi"));
}

#[test]
fn degenerate_histograms() {
    let o = ChartOptions::default();
    let mut s = fixture(12, false);
    let h = &mut s.kpis.get_mut(&Kpi::Profit).unwrap().histogram;
    (h.min, h.max, h.counts) = (5.0, 5.0, vec![0; 30]);
    h.counts[0] = 200;
    let svg = check(histogram_svg(&s, Kpi::Profit, &o));
    assert!(!svg.contains("No data"));
    assert_eq!(count(&svg, "rect", &["#0072B2", "opacity=\"1\""]), 2);
    let h = &mut s.kpis.get_mut(&Kpi::Profit).unwrap().histogram;
    (h.min, h.max, h.counts) = (f64::NAN, f64::NAN, vec![0; 30]);
    assert!(check(histogram_svg(&s, Kpi::Profit, &o)).contains("No data"));
}

#[test]
fn never_panics_on_odd_summaries() {
    let o = ChartOptions::default();
    let mut nan = fixture(12, true);
    map_numbers(&mut nan, |_| f64::NAN);
    for svg in all_charts(&nan, &o) {
        assert!(svg.contains("No data"));
    }
    let mut huge = fixture(12, true);
    map_numbers(&mut huge, |x| x * 1e9);
    let svgs = all_charts(&huge, &o);
    assert!(svgs[0].contains("T\n</text>") || svgs[0].contains("B\n</text>"));
    let mut gaps = fixture(12, true);
    gaps.series.get_mut(&Series::Active).unwrap().p5[6] = f64::NAN;
    assert_eq!(count(&check(retention_svg(&gaps, &o)), "polygon", &[]), 3);
    let horizon0 = fixture(0, true);
    assert_eq!(count(&all_charts(&horizon0, &o)[1], "polygon", &[]), 2);
    let mut one_run = fixture(5, false);
    map_numbers(&mut one_run, |x| x.round());
    one_run.runs = 1;
    all_charts(&one_run, &o);
    for (width, height) in [(0, 0), (10, 10_000), (u32::MAX, 300)] {
        all_charts(
            &fixture(3, true),
            &ChartOptions {
                width,
                height,
                ..o.clone()
            },
        );
    }
}

#[test]
fn empty_summary_gives_no_data() {
    let mut s = fixture(0, false);
    (s.kpis, s.funnel, s.series, s.stage_series, s.runs) = Default::default();
    let o = ChartOptions::default();
    for svg in all_charts(&s, &o) {
        assert!(svg.contains("No data"));
    }
    assert!(histogram_svg(&s, Kpi::Revenue, &o).is_err());
}

#[test]
fn many_long_and_odd_stage_names() {
    let mut s = fixture(3, true);
    let entry = s.funnel[0].clone();
    s.funnel = (0..40)
        .map(|i| FunnelEntry {
            stage: format!("<Stage & \"{i}\"> with a very long name indeed"),
            ..entry.clone()
        })
        .collect();
    let svg = check(funnel_svg(
        &s,
        &ChartOptions {
            height: 300,
            ..Default::default()
        },
    ));
    assert!(!svg.contains("<Stage") && svg.contains("&lt;Stage &amp; &quot;"));
    assert!(svg.contains('…'));
}

#[test]
fn funnel_height_grows_with_stages_and_type() {
    let mut s = fixture(3, true);
    let five = funnel_height(&s, Theme::Light);
    assert!((500..800).contains(&five), "{five}");
    assert!(funnel_height(&s, Theme::Projector) > five);
    s.funnel.truncate(2);
    assert!(funnel_height(&s, Theme::Light) < five);
}
