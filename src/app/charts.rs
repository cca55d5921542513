//! Charts and tables of a simulation [`Summary`](crate::sim::Summary): pure functions from a summary
//! to an SVG string or a [`Table`], with no DOM code.
//!
//! SVGs are drawn with plotters' SVG backend and post-processed: each starts with `<svg`, carries a
//! `viewBox` (so CSS can scale it) and `role="img"`, and has a `<title>` for screen readers. Sizes are
//! in SVG user units: render at the width the chart is displayed at, so one unit is one CSS pixel and
//! the type sizes of the [`Theme`] hold.
//!
//! In wasm, plotters measures text with a `<span>` in `document.body`, so charts must be rendered on
//! the main thread (never in the worker). Natively, text widths are estimated.

mod fan;
#[cfg(test)]
mod fixture;
mod format;
mod funnel;
mod histogram;
mod legend;
mod render;
mod series;
mod style;
mod table;
#[cfg(test)]
mod tests;
pub mod whatif;

pub use format::{
    cause_label, format_value, kpi_label, kpi_label_with_currency, series_label, Figure, Kind,
};
pub use funnel::{funnel_height, funnel_svg};
pub use histogram::histogram_svg;
pub use series::{advocacy_svg, retention_svg};
pub use table::{
    advocacy_table, funnel_table, histogram_table, retention_table, table_to_csv, Table,
};

use std::fmt;

use crate::sim::Kpi;

/// The look of a chart.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Dark text on a white background.
    #[default]
    Light,
    /// Light text on a dark grey (`#1E1E1E`) background.
    Dark,
    /// High contrast, thick lines and large type, for slides and projectors.
    Projector,
}

/// How to draw a chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChartOptions {
    /// Width in SVG user units (pixels at 1:1); clamped to 320–4000.
    pub width: u32,
    /// Height in SVG user units; clamped to 200–4000.
    pub height: u32,
    /// Colours and type sizes.
    pub theme: Theme,
    /// Currency symbol or code put before money values ("€", "$", "CHF").
    pub currency: String,
}

impl Default for ChartOptions {
    /// 800 × 450, light theme, euros.
    fn default() -> Self {
        ChartOptions {
            width: 800,
            height: 450,
            theme: Theme::Light,
            currency: "€".to_string(),
        }
    }
}

/// Why a chart could not be drawn. Missing or undefined data is not an error: it gives a "No data"
/// chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChartError {
    /// The summary has no figures for this KPI.
    UnknownKpi(Kpi),
    /// plotters failed to draw.
    Drawing(String),
}

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChartError::UnknownKpi(k) => write!(f, "no figure called \"{k}\" in the results"),
            ChartError::Drawing(e) => write!(f, "could not draw the chart: {e}"),
        }
    }
}

impl std::error::Error for ChartError {}

impl<E: std::error::Error + Send + Sync> From<plotters::drawing::DrawingAreaErrorKind<E>>
    for ChartError
{
    fn from(e: plotters::drawing::DrawingAreaErrorKind<E>) -> Self {
        ChartError::Drawing(e.to_string())
    }
}
