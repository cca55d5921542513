//! The distribution of one KPI across runs: histogram bars, the median and the exact expectation.

use plotters::chart::ChartContext;
use plotters::coord::cartesian::Cartesian2d;
use plotters::coord::types::RangedCoordf64;
use plotters::element::{DashedPathElement, PathElement, Rectangle};
use plotters::prelude::{ChartBuilder, SVGBackend};
use plotters::style::Color;

use super::format::{axis_value, kind, kpi_label_with_currency, Kind};
use super::legend::{with_legend, Item, Swatch};
use super::render::{finite_range, no_data, render, Area};
use super::style::Style;
use super::{ChartError, ChartOptions};
use crate::sim::summary::{KpiSummary, Summary};
use crate::sim::Kpi;

/// The chart: KPI values × runs.
type HistChart<'a, 'b> =
    ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Histogram of `kpi` across runs, with a line at the median and a dashed line at the exact
/// expectation when there is one. No finite values give a "No data" chart; an unknown `kpi` an error.
pub fn histogram_svg(s: &Summary, kpi: Kpi, o: &ChartOptions) -> Result<String, ChartError> {
    let k = s.kpis.get(&kpi).ok_or(ChartError::UnknownKpi(kpi))?;
    let label = kpi_label_with_currency(kpi, &o.currency);
    let title = format!(
        "Distribution of {} across {} runs",
        label.to_lowercase(),
        s.runs
    );
    let Some(bars) = bars(k) else {
        return no_data(o, &title);
    };
    render(o, &title, |root, st| {
        let items = legend_items(k, st);
        let rest = with_legend(root, st, &items)?;
        draw_histogram(&rest, st, k, &bars, kpi, &label)
    })
}

/// Bars `(from, to, runs)` with at least one run, if the histogram has finite edges and runs. A
/// histogram whose values are all equal is one bar around that value.
pub fn bars(k: &KpiSummary) -> Option<Vec<(f64, f64, u32)>> {
    let h = &k.histogram;
    let total: u64 = h.counts.iter().map(|&c| u64::from(c)).sum();
    if total == 0 || !h.min.is_finite() || !h.max.is_finite() || h.max < h.min {
        return None;
    }
    if h.max == h.min || h.counts.len() == 1 {
        let half = if h.min == 0.0 {
            0.5
        } else {
            h.min.abs() * 0.05
        };
        return Some(vec![(h.min - half, h.max + half, total as u32)]);
    }
    let width = (h.max - h.min) / h.counts.len() as f64;
    let edge = |i: usize| h.min + width * i as f64;
    let bins = h.counts.iter().enumerate().filter(|(_, &c)| c > 0);
    Some(bins.map(|(i, &c)| (edge(i), edge(i + 1), c)).collect())
}

/// Legend: bars, median, expectation (if any).
fn legend_items(k: &KpiSummary, st: &Style) -> Vec<Item> {
    let mut items = vec![
        Item::new(Swatch::Fill(st.primary, 1.0), "runs"),
        Item::new(Swatch::Line(st.text), "median"),
    ];
    if k.stats.expected.is_some_and(f64::is_finite) {
        items.push(Item::new(Swatch::Dashed(st.expected), "exact expectation"));
    }
    items
}

/// The axes: `kpi` from `x0` to `x1`, runs from 0 to `top`.
fn axes<'a, 'b>(
    area: &'a Area<'b>,
    st: &Style,
    kpi: Kpi,
    label: &str,
    (x0, x1): (f64, f64),
    top: f64,
) -> Result<HistChart<'a, 'b>, ChartError> {
    let kind = kind(kpi);
    let x_label = |v: &f64| axis_value(kind, *v, &st.currency);
    let x_chars = [x0, x1].iter().map(|v| x_label(v).chars().count()).max();
    let right = st.text_width("0", st.label_px) * x_chars.unwrap_or(1) as u32 / 2;
    let mut chart = ChartBuilder::on(area)
        .margin(12)
        .margin_right(12 + right)
        .x_label_area_size((st.label_px * 1.6 + st.desc_px * 1.8) as u32)
        .y_label_area_size(st.text_width("00000", st.label_px) + st.desc_px as u32 * 2)
        .build_cartesian_2d(x0..x1, 0.0..top)?;
    // Runs are whole: no labels between them.
    let y_label = |v: &f64| {
        if v.fract() == 0.0 {
            axis_value(Kind::Count, *v, "")
        } else {
            String::new()
        }
    };
    st.mesh(
        chart
            .configure_mesh()
            .x_desc(label)
            .y_desc("runs")
            .x_labels(7)
            .y_labels(6)
            .x_label_formatter(&x_label)
            .y_label_formatter(&y_label)
            .disable_x_mesh(),
    )
    .draw()?;
    Ok(chart)
}

/// Axes, bars and the vertical lines at the median and the expectation.
fn draw_histogram(
    area: &Area<'_>,
    st: &Style,
    k: &KpiSummary,
    bars: &[(f64, f64, u32)],
    kpi: Kpi,
    label: &str,
) -> Result<(), ChartError> {
    let expected = k.stats.expected.filter(|e| e.is_finite());
    let edges = bars.iter().flat_map(|b| [b.0, b.1]);
    let marks = [k.stats.p50, expected.unwrap_or(f64::NAN)];
    let (lo, hi) = finite_range(edges.chain(marks)).unwrap_or((0.0, 1.0));
    let pad = ((hi - lo) * 0.04).max(f64::MIN_POSITIVE);
    let top = bars.iter().map(|b| b.2).max().unwrap_or(1) as f64 * 1.1;
    let mut chart = axes(area, st, kpi, label, (lo - pad, hi + pad), top)?;
    let rect = |&(a, b, c): &(f64, f64, u32)| {
        let gap = (b - a) * 0.06;
        let corners = [(a + gap, 0.0), (b - gap, f64::from(c))];
        Rectangle::new(corners, st.primary.filled())
    };
    chart.draw_series(bars.iter().map(rect))?;
    let median = k.stats.p50;
    if median.is_finite() {
        let style = st.text.stroke_width(st.line + 1);
        chart.draw_series([PathElement::new(vec![(median, 0.0), (median, top)], style)])?;
    }
    if let Some(e) = expected {
        let style = st.expected.stroke_width(st.line + 1);
        let dash = st.line as f64 * 4.0;
        let line = DashedPathElement::new(vec![(e, 0.0), (e, top)], dash, dash * 0.75, style);
        chart.draw_series([line])?;
    }
    Ok(())
}
