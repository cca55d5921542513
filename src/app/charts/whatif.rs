//! Charts of what-if analysis: a baseline overlaid with its variants (funnel, retention, advocacy),
//! the tornado of one KPI, and the worth of fixing each pain point. Pure functions from the engine's
//! result types to SVG strings, in the style of the summary charts.

mod bars;
mod overlay;

pub use bars::{pain_height, pain_svg, tornado_height, tornado_svg};
pub use overlay::{overlay_funnel_height, overlay_funnel_svg, overlay_series_svg};

use plotters::style::RGBColor;

use super::style::{Style, BLUE, GREEN, ORANGE, PURPLE};

/// The colour of scenario `i` (0 = the baseline, in the theme's primary colour).
fn scenario_colour(st: &Style, i: usize) -> RGBColor {
    match i {
        0 => st.primary,
        1 => ORANGE,
        2 => GREEN,
        3 => PURPLE,
        _ => BLUE,
    }
}
