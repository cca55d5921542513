//! Rendering plumbing: one SVG document per chart, the accessible `<title>`, and "No data" charts.

use plotters::coord::Shift;
use plotters::element::Text;
use plotters::prelude::{DrawingArea, IntoDrawingArea, SVGBackend};
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::style::Style;
use super::{ChartError, ChartOptions};

/// A drawing area in pixel coordinates.
pub type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;

/// Renders an SVG of the size and theme of `o`, filled with the background, drawn by `draw`, with
/// `title` as its accessible name.
pub fn render(
    o: &ChartOptions,
    title: &str,
    draw: impl FnOnce(&Area<'_>, &Style) -> Result<(), ChartError>,
) -> Result<String, ChartError> {
    let st = Style::new(o);
    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, (st.width, st.height)).into_drawing_area();
        root.fill(&st.background)?;
        draw(&root, &st)?;
        root.present()?;
    }
    Ok(finish(&buf, title, st.width, st.height))
}

/// A chart that only says "No data" (and why, in its title).
pub fn no_data(o: &ChartOptions, title: &str) -> Result<String, ChartError> {
    render(o, &format!("{title}: no data"), no_data_text)
}

/// Writes "No data" in the middle of `area`.
pub fn no_data_text(area: &Area<'_>, st: &Style) -> Result<(), ChartError> {
    let (w, h) = area.dim_in_pixel();
    let font = st
        .font(st.caption_px)
        .pos(Pos::new(HPos::Center, VPos::Center));
    let centre = (w as i32 / 2, h as i32 / 2);
    area.draw(&Text::new("No data", centre, font))?;
    Ok(())
}

/// Adds `role="img"`, a `viewBox` if missing and a `<title>` right after the opening tag.
pub fn finish(svg: &str, title: &str, width: u32, height: u32) -> String {
    let start = svg.find("<svg").unwrap_or(0);
    let Some(end) = svg[start..].find('>').map(|i| start + i) else {
        return svg.to_string();
    };
    let open = svg[start..end].trim_end_matches('/');
    let mut out = String::with_capacity(svg.len() + title.len() + 64);
    out.push_str(open);
    if !open.contains("viewBox") {
        out.push_str(&format!(" viewBox=\"0 0 {width} {height}\""));
    }
    out.push_str(" role=\"img\"><title>");
    out.push_str(&escape(title));
    out.push_str("</title>");
    out.push_str(&svg[end + 1..]);
    out
}

/// Escapes text for XML content and attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// Contiguous index ranges of `0..n` where `keep` holds.
pub fn runs(n: usize, keep: impl Fn(usize) -> bool) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for i in 0..=n {
        match (start, i < n && keep(i)) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The finite range of `values`, if any value is finite.
pub fn finite_range(values: impl Iterator<Item = f64>) -> Option<(f64, f64)> {
    values
        .filter(|v| v.is_finite())
        .fold(None, |acc, v| match acc {
            None => Some((v, v)),
            Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
        })
}

/// An axis range holding `lo..hi` and zero, with 5% headroom, never empty.
pub fn padded(lo: f64, hi: f64) -> (f64, f64) {
    let (lo, hi) = (lo.min(0.0), hi.max(0.0));
    let span = hi - lo;
    if span <= 0.0 || !span.is_finite() {
        return (lo, lo + 1.0);
    }
    let lo = if lo < 0.0 { lo - span * 0.05 } else { lo };
    (lo, hi + span * 0.05)
}
