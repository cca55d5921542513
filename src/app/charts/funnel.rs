//! The funnel chart: customers reaching each stage (median bar, 5th–95th percentile whisker, exact
//! expectation tick), and below it the customers lost at each stage, stacked by cause.

use plotters::chart::ChartContext;
use plotters::coord::cartesian::Cartesian2d;
use plotters::coord::combinators::{BindKeyPoints, WithKeyPoints};
use plotters::coord::types::{RangedCoordf64, RangedCoordi32};
use plotters::element::{EmptyElement, PathElement, Rectangle, Text};
use plotters::prelude::{ChartBuilder, SVGBackend};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::Color;

use super::format::{axis_value, cause_label, cause_order, format_value, Kind};
use super::legend::{with_legend, Item, Swatch};
use super::render::{finite_range, no_data, padded, render, Area};
use super::style::Style;
use super::{ChartError, ChartOptions, Theme};
use crate::sim::summary::{FunnelEntry, Summary};
use crate::sim::Cause;

/// A panel's chart: customers × stage rows.
type Chart<'a, 'b> =
    ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordf64, WithKeyPoints<RangedCoordi32>>>;

/// Height of a stage row in y units (y is an integer axis, so rows are subdivided).
const ROW: i32 = 100;

/// Longest stage name drawn in full.
const MAX_NAME: usize = 24;

/// Bars per stage for reached customers and stacked drop-offs by cause.
pub fn funnel_svg(s: &Summary, o: &ChartOptions) -> Result<String, ChartError> {
    let title = format!(
        "Customers reaching each journey stage, and customers lost by cause, over {} runs",
        s.runs
    );
    let Some((_, hi)) = reached_extent(&s.funnel) else {
        return no_data(o, &title);
    };
    render(o, &title, |root, st| {
        let items = legend_items(s, st);
        let rest = with_legend(root, st, &items)?;
        let h = rest.dim_in_pixel().1;
        let (upper, lower) = rest.split_vertically(h / 20 * 11);
        reached_panel(&upper, st, &s.funnel, hi)?;
        dropoff_panel(&lower, st, &s.funnel)
    })
}

/// A height (user units) at which [`funnel_svg`] of `s` reads well in `theme`: both panels get
/// enough room per stage for their labels.
pub fn funnel_height(s: &Summary, theme: Theme) -> u32 {
    let o = ChartOptions {
        theme,
        ..Default::default()
    };
    let st = Style::new(&o);
    let row = st.label_px * 2.2;
    let panel = st.caption_px * 2.0 + st.label_px * 1.6 + st.desc_px * 1.8 + 24.0;
    let legend = st.desc_px * 1.7 * 3.0 + 8.0;
    let stages = s.funnel.len().max(1) as f64;
    (legend + 2.0 * panel + 2.0 * stages * row).ceil() as u32
}

/// The largest finite reached figure drawn, if any.
fn reached_extent(f: &[FunnelEntry]) -> Option<(f64, f64)> {
    let values = f.iter().flat_map(|e| {
        let r = &e.reached;
        [r.p5, r.p50, r.p95, r.expected.unwrap_or(f64::NAN)]
    });
    finite_range(values)
}

/// Legend: median bar, whisker, expectation (if any), causes that occur.
fn legend_items(s: &Summary, st: &Style) -> Vec<Item> {
    let mut items = vec![
        Item::new(Swatch::Fill(st.primary, 1.0), "reached (median)"),
        Item::new(Swatch::Line(st.text), "5th–95th percentile"),
    ];
    if s.funnel.iter().any(|e| e.reached.expected.is_some()) {
        items.push(Item::new(Swatch::Line(st.expected), "exact expectation"));
    }
    for cause in cause_order(s.funnel.iter().flat_map(|e| e.dropoffs.keys())) {
        let label = format!("lost: {}", cause_label(cause));
        items.push(Item::new(Swatch::Fill(st.cause(cause), 1.0), label));
    }
    items
}

/// "A very long stage name …" cut to [`MAX_NAME`] characters.
fn short(name: &str) -> String {
    if name.chars().count() <= MAX_NAME {
        return name.to_string();
    }
    let cut: String = name.chars().take(MAX_NAME - 1).collect();
    format!("{}…", cut.trim_end())
}

/// A panel with one row per stage (first stage on top) and customers on the x axis up to `hi`.
fn stage_chart<'a, 'b>(
    area: &'a Area<'b>,
    st: &Style,
    f: &'a [FunnelEntry],
    hi: f64,
    caption: &str,
    x_desc: &str,
) -> Result<Chart<'a, 'b>, ChartError> {
    let n = f.len();
    let longest = f
        .iter()
        .map(|e| short(&e.stage))
        .max_by_key(|s| s.chars().count());
    let name_width = st.text_width(&longest.unwrap_or_default(), st.label_px);
    let (x0, x1) = padded(0.0, hi * 1.12);
    let centres: Vec<i32> = (0..n).map(|k| centre(n, k)).collect();
    let mut chart = ChartBuilder::on(area)
        .margin(12)
        .caption(caption, st.caption_font())
        .x_label_area_size((st.label_px * 1.6 + st.desc_px * 1.8) as u32)
        .y_label_area_size(name_width.min(st.width / 3) + 12)
        .build_cartesian_2d(x0..x1, (0..ROW * n as i32).with_key_points(centres))?;
    let x_label = |v: &f64| axis_value(Kind::Count, *v, "");
    let y_label = |v: &i32| {
        let k = n.checked_sub(1 + (v / ROW).max(0) as usize);
        k.and_then(|k| f.get(k))
            .map_or_else(String::new, |e| short(&e.stage))
    };
    st.mesh(
        chart
            .configure_mesh()
            .x_desc(x_desc)
            .x_labels(6)
            .x_label_formatter(&x_label)
            .y_label_formatter(&y_label)
            .disable_y_mesh(),
    )
    .draw()?;
    Ok(chart)
}

/// The y centre of stage `k` of `n` (first stage on top).
fn centre(n: usize, k: usize) -> i32 {
    ROW * (n - 1 - k) as i32 + ROW / 2
}

/// Median bars, whiskers, expectation ticks and value labels.
fn reached_panel(
    area: &Area<'_>,
    st: &Style,
    f: &[FunnelEntry],
    hi: f64,
) -> Result<(), ChartError> {
    let caption = "Customers reaching each stage";
    let mut chart = stage_chart(area, st, f, hi, caption, "customers reached")?;
    let n = f.len();
    let finite = |k: &usize| f[*k].reached.p50.is_finite();
    let bar = |k: usize| {
        let y = centre(n, k);
        let corners = [(0.0, y - 30), (f[k].reached.p50, y + 30)];
        Rectangle::new(corners, st.primary.filled())
    };
    chart.draw_series((0..n).filter(finite).map(bar))?;
    let whisker_style = st.text.stroke_width(st.line);
    let whiskers = (0..n).filter_map(|k| whisker(centre(n, k), f[k].reached.p5, f[k].reached.p95));
    chart.draw_series(whiskers.map(|p| PathElement::new(p, whisker_style)))?;
    let expected_style = st.expected.stroke_width(st.line + 2);
    let ticks = (0..n).filter_map(|k| {
        let e = f[k].reached.expected.filter(|e| e.is_finite())?;
        let y = centre(n, k);
        Some(PathElement::new(
            vec![(e, y - 42), (e, y + 42)],
            expected_style,
        ))
    });
    chart.draw_series(ticks)?;
    let font = st.label_font().pos(Pos::new(HPos::Left, VPos::Center));
    let labels = (0..n).filter(finite).map(|k| {
        let r = &f[k].reached;
        let x = if r.p95.is_finite() {
            r.p95.max(r.p50)
        } else {
            r.p50
        };
        let text = if r.p50.abs() < 1e6 {
            format_value(Kind::Count, r.p50, "")
        } else {
            axis_value(Kind::Count, r.p50, "")
        };
        EmptyElement::at((x, centre(n, k))) + Text::new(text, (8, 0), font.clone())
    });
    chart.draw_series(labels)?;
    Ok(())
}

/// An I-shaped whisker from `lo` to `hi` at height `y`, if both are finite.
fn whisker(y: i32, lo: f64, hi: f64) -> Option<Vec<(f64, i32)>> {
    if !(lo.is_finite() && hi.is_finite()) {
        return None;
    }
    let c = 14;
    Some(vec![
        (lo, y - c),
        (lo, y + c),
        (lo, y),
        (hi, y),
        (hi, y + c),
        (hi, y - c),
    ])
}

/// Segments `(cause, from, to)` of stage `e`, stacked by mean customers lost.
fn segments(e: &FunnelEntry) -> Vec<(Cause, f64, f64)> {
    let mut at = 0.0;
    let mut out = Vec::new();
    for cause in cause_order(e.dropoffs.keys()) {
        let m = e.dropoffs[&cause].mean;
        if m.is_finite() && m > 0.0 {
            out.push((cause, at, at + m));
            at += m;
        }
    }
    out
}

/// Drop-offs per stage, stacked by cause.
fn dropoff_panel(area: &Area<'_>, st: &Style, f: &[FunnelEntry]) -> Result<(), ChartError> {
    let totals = f.iter().map(|e| segments(e).last().map_or(0.0, |s| s.2));
    let hi = totals.fold(0.0, f64::max);
    let caption = "Customers lost at each stage, by cause";
    let mut chart = stage_chart(area, st, f, hi, caption, "customers lost (mean of runs)")?;
    let n = f.len();
    let rects = f.iter().enumerate().flat_map(|(k, e)| {
        let y = centre(n, k);
        segments(e).into_iter().map(move |(cause, a, b)| {
            Rectangle::new([(a, y - 30), (b, y + 30)], st.cause(cause).filled())
        })
    });
    chart.draw_series(rects)?;
    Ok(())
}
