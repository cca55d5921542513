//! A fan chart panel of one per-period series: 90% and 50% bands, median line, dashed expectation.

use std::ops::Range;

use plotters::chart::ChartContext;
use plotters::coord::cartesian::Cartesian2d;
use plotters::coord::types::RangedCoordf64;
use plotters::element::{DashedPathElement, PathElement, Polygon};
use plotters::prelude::{ChartBuilder, SVGBackend};
use plotters::style::{Color, RGBColor};

use super::format::{axis_value, Kind};
use super::render::{finite_range, no_data_text, padded, runs, Area};
use super::style::Style;
use super::ChartError;
use crate::sim::summary::Band;

/// A panel's chart: periods × values.
type FanChart<'a, 'b> =
    ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// What one panel shows.
pub struct Fan<'a> {
    /// The series.
    pub band: &'a Band,
    /// Whether to draw the 50% and 90% bands.
    pub bands: bool,
    /// X axis description (empty: none, as for a panel sharing the x axis of the one below).
    pub x_desc: String,
    /// Y axis description.
    pub y_desc: String,
    /// How y values are measured.
    pub kind: Kind,
}

/// Points per array all quantiles share.
pub fn points(b: &Band) -> usize {
    [&b.p5, &b.p25, &b.p50, &b.p75, &b.p95]
        .iter()
        .map(|v| v.len())
        .min()
        .unwrap_or(0)
}

/// The expectation, cut to `n` points.
fn expected(b: &Band, n: usize) -> Option<&[f64]> {
    b.expected.as_deref().map(|e| &e[..e.len().min(n)])
}

/// Whether the panel has anything finite to draw.
pub fn has_data(f: &Fan<'_>) -> bool {
    y_extent(f).is_some()
}

/// The range of the values the panel draws.
fn y_extent(f: &Fan<'_>) -> Option<(f64, f64)> {
    let n = points(f.band);
    let b = f.band;
    let mut arrays: Vec<&[f64]> = vec![&b.p50[..n]];
    if f.bands {
        arrays.extend([&b.p5[..n], &b.p95[..n]]);
    }
    arrays.extend(expected(b, n));
    finite_range(arrays.into_iter().flatten().copied())
}

/// The axes of a panel of `n` periods with y from `y0` to `y1`.
fn axes<'a, 'b>(
    area: &'a Area<'b>,
    st: &Style,
    f: &Fan<'_>,
    n: usize,
    (y0, y1): (f64, f64),
) -> Result<FanChart<'a, 'b>, ChartError> {
    // A single period (horizon 0) sits in the middle of a one-period-wide axis.
    let (x0, x1) = if n > 1 {
        (0.0, (n - 1) as f64)
    } else {
        (-0.5, 0.5)
    };
    let y_label = |v: &f64| axis_value(f.kind, *v, &st.currency);
    let y_chars = [y0, y1].iter().map(|v| y_label(v).chars().count()).max();
    let y_area = st.text_width("0", st.label_px) * (y_chars.unwrap_or(1) as u32 + 1);
    let desc = if f.x_desc.is_empty() {
        0.0
    } else {
        st.desc_px * 1.8
    };
    let x_area = (st.label_px * 1.6 + desc) as u32;
    let plot_height = area.dim_in_pixel().1.saturating_sub(x_area + 24);
    let y_ticks = (plot_height as f64 / (st.label_px * 3.0)).clamp(2.0, 8.0) as usize;
    let mut chart = ChartBuilder::on(area)
        .margin(12)
        .x_label_area_size(x_area)
        .y_label_area_size(y_area + st.desc_px as u32 * 2)
        .build_cartesian_2d(x0..x1, y0..y1)?;
    let x_label = |v: &f64| period_label(*v);
    st.mesh(
        chart
            .configure_mesh()
            .x_desc(f.x_desc.as_str())
            .y_desc(f.y_desc.as_str())
            .x_labels(10)
            .y_labels(y_ticks)
            .x_label_formatter(&x_label)
            .y_label_formatter(&y_label),
    )
    .draw()?;
    Ok(chart)
}

/// Draws the panel in `area` in `colour` (or "No data").
pub fn draw_fan(
    area: &Area<'_>,
    st: &Style,
    f: &Fan<'_>,
    colour: RGBColor,
) -> Result<(), ChartError> {
    let Some((lo, hi)) = y_extent(f) else {
        return no_data_text(area, st);
    };
    let n = points(f.band);
    let mut chart = axes(area, st, f, n, padded(lo, hi))?;
    let b = f.band;
    if f.bands {
        let bands = [(&b.p5, &b.p95, st.band90), (&b.p25, &b.p75, st.band50)];
        for (low, high, alpha) in bands {
            let style = colour.mix(alpha).filled();
            let polygons = band_polygons(&low[..n], &high[..n]);
            chart.draw_series(polygons.map(|p| Polygon::new(p, style)))?;
        }
    }
    let median = colour.stroke_width(st.line + 1);
    chart.draw_series(lines(&b.p50[..n]).map(|p| PathElement::new(p, median)))?;
    if let Some(e) = expected(b, n) {
        let style = st.expected.stroke_width(st.line);
        let dash = st.line as f64 * 4.0;
        let dashed = lines(e).map(|p| DashedPathElement::new(p, dash, dash * 0.75, style));
        chart.draw_series(dashed)?;
    }
    Ok(())
}

/// A tick label for whole periods at or after 0, nothing otherwise.
fn period_label(v: f64) -> String {
    if v > -1e-6 && (v - v.round()).abs() < 1e-6 {
        format!("{}", v.round().max(0.0) as u64)
    } else {
        String::new()
    }
}

/// The x extent of a run: a lone point is widened so it stays visible.
fn xs(r: &Range<usize>) -> (f64, f64) {
    if r.len() == 1 {
        (r.start as f64 - 0.2, r.start as f64 + 0.2)
    } else {
        (r.start as f64, (r.end - 1) as f64)
    }
}

/// One polyline per run of finite values.
fn lines(v: &[f64]) -> impl Iterator<Item = Vec<(f64, f64)>> + '_ {
    runs(v.len(), |i| v[i].is_finite())
        .into_iter()
        .map(move |r| match r.len() {
            1 => {
                let (a, b) = xs(&r);
                vec![(a, v[r.start]), (b, v[r.start])]
            }
            _ => r.map(|i| (i as f64, v[i])).collect(),
        })
}

/// One closed polygon per run where both bounds are finite.
fn band_polygons<'a>(
    low: &'a [f64],
    high: &'a [f64],
) -> impl Iterator<Item = Vec<(f64, f64)>> + 'a {
    let n = low.len().min(high.len());
    runs(n, move |i| low[i].is_finite() && high[i].is_finite())
        .into_iter()
        .map(move |r| {
            if r.len() == 1 {
                let (a, b) = xs(&r);
                let i = r.start;
                return vec![(a, high[i]), (b, high[i]), (b, low[i]), (a, low[i])];
            }
            let upper = r.clone().map(|i| (i as f64, high[i]));
            let lower = r.rev().map(|i| (i as f64, low[i]));
            upper.chain(lower).collect()
        })
}
