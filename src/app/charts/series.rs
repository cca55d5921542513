//! Charts of per-period series: retention (active customers) and advocacy (advocates, referrals).

use super::fan::{draw_fan, has_data, Fan};
use super::format::kind;
use super::legend::{with_legend, Item, Swatch};
use super::render::{no_data, render};
use super::style::Style;
use super::{ChartError, ChartOptions};
use crate::sim::summary::{Band, Summary};
use crate::sim::Series;

/// Legend entries of a fan chart, with the expectation iff `expected`.
fn fan_items(st: &Style, median: &str, expected: bool) -> Vec<Item> {
    // The 50% band lies on top of the 90% band: its swatch shows both.
    let both = 1.0 - (1.0 - st.band90) * (1.0 - st.band50);
    let mut items = vec![
        Item::new(Swatch::Line(st.primary), median),
        Item::new(Swatch::Fill(st.primary, both), "middle 50% of runs"),
        Item::new(Swatch::Fill(st.primary, st.band90), "middle 90% of runs"),
    ];
    if expected {
        items.push(Item::new(Swatch::Dashed(st.expected), "exact expectation"));
    }
    items
}

/// The period label, or "period" when it is empty.
fn period(s: &Summary) -> String {
    let p = s.period_label.trim();
    if p.is_empty() {
        "period".to_string()
    } else {
        p.to_string()
    }
}

/// Fan chart of active customers over time: median, 50% and 90% bands, and the exact expectation
/// (dashed) when the summary has one.
pub fn retention_svg(s: &Summary, o: &ChartOptions) -> Result<String, ChartError> {
    let title = format!("Active customers per {} over {} runs", period(s), s.runs);
    let Some(band) = s.series.get(&Series::Active) else {
        return no_data(o, &title);
    };
    let fan = Fan {
        band,
        bands: true,
        x_desc: period(s),
        y_desc: "active customers".to_string(),
        kind: kind(Series::Active),
    };
    if !has_data(&fan) {
        return no_data(o, &title);
    }
    render(o, &title, |root, st| {
        let items = fan_items(st, "median", band.expected.is_some());
        let area = with_legend(root, st, &items)?;
        draw_fan(&area, st, &fan, st.primary)
    })
}

/// Advocates over time (median, 50% and 90% bands, expectation) above referrals per period (median
/// and expectation), with one legend.
pub fn advocacy_svg(s: &Summary, o: &ChartOptions) -> Result<String, ChartError> {
    let p = period(s);
    let title = format!("Advocates and referrals per {p} over {} runs", s.runs);
    let empty = empty_band();
    let advocates = s.series.get(&Series::Advocates).unwrap_or(&empty);
    let referrals = s.series.get(&Series::Referrals).unwrap_or(&empty);
    let fan = |band, bands, x_desc: String, y_desc: String, key: Series| Fan {
        band,
        bands,
        x_desc,
        y_desc,
        kind: kind(key),
    };
    let top = fan(
        advocates,
        true,
        String::new(),
        "advocates".into(),
        Series::Advocates,
    );
    let per = format!("referrals per {p}");
    let bottom = fan(referrals, false, p.clone(), per, Series::Referrals);
    if !has_data(&top) && !has_data(&bottom) {
        return no_data(o, &title);
    }
    let expected = advocates.expected.is_some() || referrals.expected.is_some();
    render(o, &title, |root, st| {
        let mut items = fan_items(st, "advocates (median)", expected);
        let label = format!("referrals per {p} (median)");
        items.insert(1, Item::new(Swatch::Line(st.secondary), label));
        let area = with_legend(root, st, &items)?;
        let h = area.dim_in_pixel().1;
        let (upper, lower) = area.split_vertically(h / 5 * 3);
        draw_fan(&upper, st, &top, st.primary)?;
        draw_fan(&lower, st, &bottom, st.secondary)
    })
}

/// A band with no points.
fn empty_band() -> Band {
    Band {
        mean: vec![],
        p5: vec![],
        p25: vec![],
        p50: vec![],
        p75: vec![],
        p95: vec![],
        expected: None,
    }
}
