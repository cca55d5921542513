//! Horizontal bar charts of what-if analysis: the tornado (each input swung from its low to its high
//! end around the central KPI, widest bar first, both ends labelled) and the pain-point ranking (median
//! gain with its p5–p95 whisker, removed and halved).

use plotters::element::{PathElement, Rectangle, Text};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::Color;

use super::super::format::{axis_value, kind, kpi_label_with_currency};
use super::super::legend::{with_legend, Item, Swatch};
use super::super::render::{finite_range, no_data, render, Area};
use super::super::style::{Style, ORANGE, SKY_BLUE};
use super::super::{ChartError, ChartOptions, Theme};
use crate::sim::whatif::{PainWorth, Tornado};
use crate::sim::Kpi;

/// Height of one row.
fn row_px(theme: Theme) -> u32 {
    if theme == Theme::Projector {
        40
    } else {
        30
    }
}

/// The height a tornado with `bars` bars needs.
pub fn tornado_height(bars: usize, theme: Theme) -> u32 {
    (100 + bars as u32 * row_px(theme)).clamp(200, 4000)
}

/// The height a pain-point ranking of `rows` pain points needs (two bars each).
pub fn pain_height(rows: usize, theme: Theme) -> u32 {
    (100 + rows as u32 * row_px(theme) * 2).clamp(200, 4000)
}

/// Maps values to pixels across the bar column of a chart.
struct Scale {
    x0: i32,
    width: f64,
    lo: f64,
    hi: f64,
}

impl Scale {
    fn new(area: &Area<'_>, st: &Style, labels: &[String], lo: f64, hi: f64) -> Scale {
        let w = area.dim_in_pixel().0 as i32;
        let longest = labels.iter().map(|l| st.text_width(l, st.label_px)).max();
        let label_w = (longest.unwrap_or(40) as i32 + 16).min(w * 2 / 5);
        let value_w = st.text_width("-€000.0k", st.label_px) as i32 + 10;
        let (lo, hi) = if hi > lo {
            (lo, hi)
        } else {
            (lo - 1.0, hi + 1.0)
        };
        Scale {
            x0: label_w + value_w,
            width: (w - label_w - 2 * value_w).max(40) as f64,
            lo,
            hi,
        }
    }

    fn x(&self, v: f64) -> i32 {
        self.x0 + ((v - self.lo) / (self.hi - self.lo) * self.width) as i32
    }
}

/// Draws a row label right-aligned before the value column.
fn row_label(area: &Area<'_>, st: &Style, s: &Scale, text: &str, y: i32) -> Result<(), ChartError> {
    let w = area.dim_in_pixel().0 as i32;
    let label_w = s.x0 - (st.text_width("-€000.0k", st.label_px) as i32 + 10);
    let max_chars = ((label_w - 12) as f64 / (st.label_px * 0.56)).max(4.0) as usize;
    let mut t: String = text.chars().take(max_chars).collect();
    if t.len() < text.len() {
        t.pop();
        t.push('…');
    }
    let font = st
        .font(st.label_px)
        .pos(Pos::new(HPos::Right, VPos::Center));
    area.draw(&Text::new(t, (label_w.min(w) - 8, y), font))?;
    Ok(())
}

/// The tornado of `t`: one row per input, a bar from the central KPI to the KPI with the input at its
/// low end (orange) and one to its high end (blue), each end labelled with its value.
pub fn tornado_svg(t: &Tornado, currency: &str, o: &ChartOptions) -> Result<String, ChartError> {
    let label = kpi_label_with_currency(t.kpi, currency);
    let title = format!("Tornado: expected {label} with each input at its low and high end");
    let values = t.bars.iter().flat_map(|b| [b.kpi_low, b.kpi_high]);
    let Some((lo, hi)) = finite_range(values.chain([t.base])) else {
        return no_data(o, &title);
    };
    let k = kind(t.kpi);
    render(o, &title, |root, st| {
        let items = [
            Item::new(Swatch::Fill(ORANGE, 1.0), "input at its low end"),
            Item::new(Swatch::Fill(st.primary, 1.0), "input at its high end"),
        ];
        let area = with_legend(root, st, &items)?;
        let labels: Vec<String> = t.bars.iter().map(|b| b.input.label.clone()).collect();
        let s = Scale::new(&area, st, &labels, lo, hi);
        let row = row_px(o.theme) as i32;
        let left = st.font(st.label_px).pos(Pos::new(HPos::Left, VPos::Center));
        let right = st
            .font(st.label_px)
            .pos(Pos::new(HPos::Right, VPos::Center));
        let base = s.x(t.base);
        for (i, b) in t.bars.iter().enumerate() {
            let (top, mid) = (6 + i as i32 * row, 6 + i as i32 * row + row / 2);
            row_label(&area, st, &s, &b.input.label, mid)?;
            for (v, colour) in [(b.kpi_low, ORANGE), (b.kpi_high, st.primary)] {
                if !v.is_finite() {
                    continue;
                }
                let x = s.x(v);
                let (a, z) = (base.min(x), base.max(x).max(base.min(x) + 1));
                let rect = [(a, top + 4), (z, top + row - 4)];
                area.draw(&Rectangle::new(rect, colour.filled()))?;
                let text = axis_value(k, v, currency);
                let (at, font) = if x < base {
                    ((x - 4, mid), right.clone())
                } else {
                    ((x + 4, mid), left.clone())
                };
                area.draw(&Text::new(text, at, font))?;
            }
        }
        let bottom = 6 + t.bars.len() as i32 * row;
        let line = vec![(base, 2), (base, bottom + 4)];
        area.draw(&PathElement::new(line, st.text.stroke_width(1)))?;
        let caption = format!("central: {}", axis_value(k, t.base, currency));
        let font = st.font(st.label_px).pos(Pos::new(HPos::Center, VPos::Top));
        area.draw(&Text::new(caption, (base, bottom + 8), font))?;
        Ok(())
    })
}

/// The pain-point ranking: per pain point, the median gain in `kpi` if it were removed (blue) and if
/// it were halved (sky blue), each with a p5–p95 whisker and its median labelled.
pub fn pain_svg(
    rows: &[PainWorth],
    kpi: Kpi,
    currency: &str,
    o: &ChartOptions,
) -> Result<String, ChartError> {
    let label = kpi_label_with_currency(kpi, currency);
    let title = format!("Worth of fixing each pain point: gain in {label}");
    let values = rows.iter().flat_map(|r| {
        [&r.removed, &r.halved]
            .into_iter()
            .flat_map(|d| [d.stats.p5, d.stats.p50, d.stats.p95])
    });
    let Some((lo, hi)) = finite_range(values.chain([0.0])) else {
        return no_data(o, &title);
    };
    let k = kind(kpi);
    render(o, &title, |root, st| {
        let items = [
            Item::new(Swatch::Fill(st.primary, 1.0), "removed (median)"),
            Item::new(Swatch::Fill(SKY_BLUE, 1.0), "halved (median)"),
            Item::new(Swatch::Line(st.text), "5th–95th percentile"),
        ];
        let area = with_legend(root, st, &items)?;
        let labels: Vec<String> = rows.iter().map(|r| r.name.clone()).collect();
        let s = Scale::new(&area, st, &labels, lo, hi);
        let row = row_px(o.theme) as i32;
        let left = st.font(st.label_px).pos(Pos::new(HPos::Left, VPos::Center));
        let zero = s.x(0.0);
        for (i, r) in rows.iter().enumerate() {
            let top = 6 + i as i32 * row * 2;
            row_label(&area, st, &s, &r.name, top + row)?;
            for (j, (d, colour)) in [(&r.removed, st.primary), (&r.halved, SKY_BLUE)]
                .into_iter()
                .enumerate()
            {
                let (y0, mid) = (top + j as i32 * row, top + j as i32 * row + row / 2);
                let x = s.x(d.stats.p50);
                if d.stats.p50.is_finite() {
                    let (a, z) = (zero.min(x), zero.max(x).max(zero.min(x) + 1));
                    area.draw(&Rectangle::new(
                        [(a, y0 + 5), (z, y0 + row - 5)],
                        colour.filled(),
                    ))?;
                }
                if d.stats.p5.is_finite() && d.stats.p95.is_finite() {
                    let (a, z) = (s.x(d.stats.p5), s.x(d.stats.p95));
                    let style = st.text.stroke_width(1);
                    area.draw(&PathElement::new(vec![(a, mid), (z, mid)], style))?;
                    for e in [a, z] {
                        area.draw(&PathElement::new(vec![(e, mid - 5), (e, mid + 5)], style))?;
                    }
                    let text = axis_value(k, d.stats.p50, currency);
                    area.draw(&Text::new(text, (z.max(x) + 6, mid), left.clone()))?;
                }
            }
        }
        let bottom = 6 + rows.len() as i32 * row * 2;
        area.draw(&PathElement::new(
            vec![(zero, 2), (zero, bottom)],
            st.text.stroke_width(1),
        ))?;
        Ok(())
    })
}
