//! A baseline and its variants on one chart: the median reached per funnel stage as grouped bars, and
//! the median of a per-period series (active customers, advocates) as one line per scenario.

use plotters::element::{Rectangle, Text};
use plotters::prelude::{ChartBuilder, LineSeries};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::Color;

use super::super::format::{axis_value, kind, Kind};
use super::super::legend::{with_legend, Item, Swatch};
use super::super::render::{finite_range, no_data, padded, render};
use super::super::style::Style;
use super::super::{ChartError, ChartOptions, Theme};
use super::scenario_colour;
use crate::sim::summary::Summary;
use crate::sim::Series;

/// Height of one bar in the grouped funnel.
fn bar_px(theme: Theme) -> u32 {
    if theme == Theme::Projector {
        22
    } else {
        16
    }
}

/// The height the overlaid funnel of `summaries` needs.
pub fn overlay_funnel_height(summaries: &[&Summary], theme: Theme) -> u32 {
    let stages = summaries.first().map_or(1, |s| s.funnel.len()) as u32;
    let group = bar_px(theme) * summaries.len().max(1) as u32 + 14;
    (110 + stages * group).clamp(200, 4000)
}

fn legend(st: &Style, names: &[String]) -> Vec<Item> {
    names
        .iter()
        .enumerate()
        .map(|(i, n)| Item::new(Swatch::Fill(scenario_colour(st, i), 1.0), n.clone()))
        .collect()
}

/// Grouped horizontal bars: for each funnel stage, the median reached in each scenario (baseline
/// first), labelled with its value.
pub fn overlay_funnel_svg(
    names: &[String],
    summaries: &[&Summary],
    o: &ChartOptions,
) -> Result<String, ChartError> {
    let title = "Funnel: median customers reaching each stage, per scenario";
    let Some(first) = summaries.first() else {
        return no_data(o, title);
    };
    let max = summaries
        .iter()
        .flat_map(|s| s.funnel.iter().map(|f| f.reached.p50))
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    if max <= 0.0 {
        return no_data(o, title);
    }
    render(o, title, |root, st| {
        let area = with_legend(root, st, &legend(st, names))?;
        let (w, _) = area.dim_in_pixel();
        let labels = first
            .funnel
            .iter()
            .map(|f| st.text_width(&f.stage, st.label_px));
        let label_w = (labels.max().unwrap_or(40) + 16).min(w / 3) as i32;
        let value_w = st.text_width("000,000", st.label_px) as i32 + 12;
        let span = (w as i32 - label_w - value_w - 8).max(40) as f64;
        let bar = bar_px(o.theme) as i32;
        let group = bar * summaries.len() as i32 + 14;
        let right = st
            .font(st.label_px)
            .pos(Pos::new(HPos::Right, VPos::Center));
        let left = st.font(st.label_px).pos(Pos::new(HPos::Left, VPos::Center));
        for (k, entry) in first.funnel.iter().enumerate() {
            let top = 8 + k as i32 * group;
            let mid = top + group / 2 - 7;
            area.draw(&Text::new(
                entry.stage.clone(),
                (label_w - 10, mid),
                right.clone(),
            ))?;
            for (i, s) in summaries.iter().enumerate() {
                let v = s.funnel.get(k).map_or(f64::NAN, |f| f.reached.p50);
                let y = top + i as i32 * bar;
                let len = if v.is_finite() {
                    (v / max * span) as i32
                } else {
                    0
                };
                let colour = scenario_colour(st, i);
                let corners = [(label_w, y + 1), (label_w + len.max(1), y + bar - 1)];
                area.draw(&Rectangle::new(corners, colour.filled()))?;
                let text = axis_value(Kind::Count, v, &st.currency);
                let at = (label_w + len + 6, y + bar / 2);
                area.draw(&Text::new(text, at, left.clone()))?;
            }
        }
        Ok(())
    })
}

/// One line per scenario: the median of series `key` (active customers, advocates) over time.
pub fn overlay_series_svg(
    names: &[String],
    summaries: &[&Summary],
    key: Series,
    y_desc: &str,
    o: &ChartOptions,
) -> Result<String, ChartError> {
    let period = summaries
        .first()
        .map_or("period".to_string(), |s| s.period_label.clone());
    let title = format!("Median {y_desc} per {period}, per scenario");
    let lines: Vec<&[f64]> = summaries
        .iter()
        .map(|s| s.series.get(&key).map_or(&[][..], |b| &b.p50[..]))
        .collect();
    let n = lines.iter().map(|l| l.len()).max().unwrap_or(0);
    let Some((lo, hi)) = finite_range(lines.iter().flat_map(|l| l.iter().copied())) else {
        return no_data(o, &title);
    };
    let (y0, y1) = padded(lo, hi);
    let kind = kind(key);
    render(o, &title, |root, st| {
        let area = with_legend(root, st, &legend(st, names))?;
        let y_label = |v: &f64| axis_value(kind, *v, &st.currency);
        let y_area = st.text_width(&y_label(&y1), st.label_px) + 12;
        let mut chart = ChartBuilder::on(&area)
            .margin(12)
            .x_label_area_size((st.label_px * 1.6 + st.desc_px * 1.8) as u32)
            .y_label_area_size(y_area + st.desc_px as u32 * 2)
            .build_cartesian_2d(0.0..(n.max(2) - 1) as f64, y0..y1)?;
        st.mesh(
            chart
                .configure_mesh()
                .x_desc(period.as_str())
                .y_desc(y_desc)
                .y_label_formatter(&y_label)
                .x_label_formatter(&|v: &f64| format!("{v:.0}")),
        )
        .draw()?;
        for (i, line) in lines.iter().enumerate() {
            let colour = scenario_colour(st, i);
            let style = colour.stroke_width(st.line + u32::from(i == 0));
            let points = line
                .iter()
                .enumerate()
                .filter(|(_, v)| v.is_finite())
                .map(|(t, v)| (t as f64, *v));
            chart.draw_series(LineSeries::new(points, style))?;
        }
        Ok(())
    })
}
