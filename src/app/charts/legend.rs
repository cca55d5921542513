//! A legend strip: swatches and labels laid out in rows across the top of a chart.

use plotters::element::{PathElement, Rectangle, Text};
use plotters::style::{Color, RGBColor};

use super::render::Area;
use super::style::Style;
use super::ChartError;

/// What a legend entry looks like.
#[derive(Clone, Copy, Debug)]
pub enum Swatch {
    /// A filled box with this opacity.
    Fill(RGBColor, f64),
    /// A solid line.
    Line(RGBColor),
    /// A dashed line.
    Dashed(RGBColor),
}

/// One legend entry.
pub struct Item {
    /// Its look.
    pub swatch: Swatch,
    /// Its label.
    pub label: String,
}

impl Item {
    /// An entry.
    pub fn new(swatch: Swatch, label: impl Into<String>) -> Item {
        Item {
            swatch,
            label: label.into(),
        }
    }
}

/// Swatch width in pixels.
const SWATCH: i32 = 28;
/// Spacing in pixels.
const GAP: i32 = 8;

/// Height of one row of the legend.
fn row_height(st: &Style) -> i32 {
    (st.desc_px * 1.7).ceil() as i32
}

/// Top-left positions of `items` in a strip of width `width`, wrapping to new rows.
fn layout(st: &Style, items: &[Item], width: i32) -> Vec<(i32, i32)> {
    let (mut x, mut y) = (GAP * 2, GAP);
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let w = SWATCH + GAP + st.text_width(&item.label, st.desc_px) as i32 + GAP * 3;
        if x > GAP * 2 && x + w > width {
            x = GAP * 2;
            y += row_height(st);
        }
        out.push((x, y));
        x += w;
    }
    out
}

/// Height the legend of `items` needs at the chart's width.
fn legend_height(st: &Style, items: &[Item]) -> u32 {
    let rows = layout(st, items, st.width as i32)
        .last()
        .map_or(0, |&(_, y)| y + row_height(st));
    (rows + GAP) as u32
}

/// Draws the legend of `items` in a strip at the top of `root` (at most a third of it) and returns
/// the rest.
pub fn with_legend<'a>(
    root: &Area<'a>,
    st: &Style,
    items: &[Item],
) -> Result<Area<'a>, ChartError> {
    let height = legend_height(st, items).min(root.dim_in_pixel().1 / 3);
    let (top, rest) = root.split_vertically(height);
    draw_legend(&top, st, items)?;
    Ok(rest)
}

/// Draws the legend of `items` in `area`.
fn draw_legend(area: &Area<'_>, st: &Style, items: &[Item]) -> Result<(), ChartError> {
    let width = area.dim_in_pixel().0 as i32;
    for (item, (x, y)) in items.iter().zip(layout(st, items, width)) {
        let mid = y + row_height(st) / 2;
        draw_swatch(area, st, item.swatch, x, mid)?;
        let at = (x + SWATCH + GAP, mid);
        area.draw(&Text::new(item.label.clone(), at, st.legend_font()))?;
    }
    Ok(())
}

/// Draws one swatch with its left edge at `x`, centred on `mid`.
fn draw_swatch(area: &Area<'_>, st: &Style, s: Swatch, x: i32, mid: i32) -> Result<(), ChartError> {
    let half = (st.desc_px * 0.45) as i32;
    let stroke = st.line + 1;
    match s {
        Swatch::Fill(c, alpha) => {
            let corners = [(x, mid - half), (x + SWATCH, mid + half)];
            area.draw(&Rectangle::new(corners, c.mix(alpha).filled()))?;
        }
        Swatch::Line(c) => {
            let line = vec![(x, mid), (x + SWATCH, mid)];
            area.draw(&PathElement::new(line, c.stroke_width(stroke)))?;
        }
        Swatch::Dashed(c) => {
            for (a, b) in [(0, 8), (12, 20), (24, SWATCH)] {
                let line = vec![(x + a, mid), (x + b, mid)];
                area.draw(&PathElement::new(line, c.stroke_width(stroke)))?;
            }
        }
    }
    Ok(())
}
