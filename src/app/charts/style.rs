//! Colours, line widths and type sizes of each [`Theme`].
//!
//! Series colours come from the Okabe–Ito palette, which stays distinguishable with the common
//! forms of colour blindness; every series also differs by line style or legend label.

use plotters::chart::MeshStyle;
use plotters::coord::ranged1d::Ranged;
use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, FontFamily, IntoFont, RGBColor, TextStyle, TRANSPARENT};

use super::{ChartOptions, Theme};
use crate::sim::Cause;

/// Okabe–Ito orange.
pub const ORANGE: RGBColor = RGBColor(0xE6, 0x9F, 0x00);
/// Okabe–Ito sky blue.
pub const SKY_BLUE: RGBColor = RGBColor(0x56, 0xB4, 0xE9);
/// Okabe–Ito bluish green.
pub const GREEN: RGBColor = RGBColor(0x00, 0x9E, 0x73);
/// Okabe–Ito blue.
pub const BLUE: RGBColor = RGBColor(0x00, 0x72, 0xB2);
/// Okabe–Ito vermillion: the exact expectation, in every theme.
pub const VERMILLION: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
/// Okabe–Ito reddish purple.
pub const PURPLE: RGBColor = RGBColor(0xCC, 0x79, 0xA7);
/// Okabe–Ito yellow (only on dark backgrounds).
pub const YELLOW: RGBColor = RGBColor(0xF0, 0xE4, 0x42);

/// Everything a chart needs to know about its look.
pub struct Style {
    /// Width in user units.
    pub width: u32,
    /// Height in user units.
    pub height: u32,
    /// Background fill.
    pub background: RGBColor,
    /// Text and axis colour.
    pub text: RGBColor,
    /// Grid lines.
    pub grid: RGBColor,
    /// Main series (medians, bars).
    pub primary: RGBColor,
    /// Second series (referrals).
    pub secondary: RGBColor,
    /// Exact expectation.
    pub expected: RGBColor,
    /// Opacity of the 90% band.
    pub band90: f64,
    /// Opacity of the 50% band.
    pub band50: f64,
    /// Tick label size in pixels.
    pub label_px: f64,
    /// Axis description and legend size in pixels.
    pub desc_px: f64,
    /// Panel caption size in pixels.
    pub caption_px: f64,
    /// Width of data lines.
    pub line: u32,
    /// Colour of the "tolerance exceeded" cause (distinct from `primary`).
    pub tolerance: RGBColor,
    /// Currency for money values.
    pub currency: String,
}

impl Style {
    /// The style for `o`, with the size clamped to what plotters can lay out.
    pub fn new(o: &ChartOptions) -> Style {
        let (width, height) = (o.width.clamp(320, 4000), o.height.clamp(200, 4000));
        let base = Style {
            width,
            height,
            background: RGBColor(0xFF, 0xFF, 0xFF),
            text: RGBColor(0x1A, 0x1A, 0x1A),
            grid: RGBColor(0xE0, 0xE0, 0xE0),
            primary: BLUE,
            secondary: GREEN,
            expected: VERMILLION,
            band90: 0.2,
            band50: 0.4,
            label_px: 15.0,
            desc_px: 16.0,
            caption_px: 18.0,
            line: 2,
            tolerance: SKY_BLUE,
            currency: o.currency.clone(),
        };
        match o.theme {
            Theme::Light => base,
            Theme::Dark => Style {
                background: RGBColor(0x1E, 0x1E, 0x1E),
                text: RGBColor(0xED, 0xED, 0xED),
                grid: RGBColor(0x3A, 0x3A, 0x3A),
                primary: SKY_BLUE,
                tolerance: YELLOW,
                band90: 0.22,
                band50: 0.35,
                ..base
            },
            Theme::Projector => Style {
                text: RGBColor(0, 0, 0),
                grid: RGBColor(0xC0, 0xC0, 0xC0),
                band90: 0.25,
                band50: 0.5,
                label_px: 22.0,
                desc_px: 24.0,
                caption_px: 26.0,
                line: 4,
                ..base
            },
        }
    }

    /// Text of `px` pixels in the text colour. (plotters writes `font-size` as size / 1.24.)
    pub fn font(&self, px: f64) -> TextStyle<'static> {
        let mut style = TextStyle::from((FontFamily::SansSerif, px * 1.24).into_font());
        style.color = self.text.to_backend_color();
        style
    }

    /// Tick label text.
    pub fn label_font(&self) -> TextStyle<'static> {
        self.font(self.label_px)
    }

    /// Axis description text.
    pub fn desc_font(&self) -> TextStyle<'static> {
        self.font(self.desc_px)
    }

    /// Gives a chart's mesh this look: tick and axis-description fonts, axis colour, grid lines at the
    /// labelled ticks only.
    pub fn mesh<'m, 'a, 'b, X: Ranged, Y: Ranged, DB: DrawingBackend>(
        &self,
        mesh: &'m mut MeshStyle<'a, 'b, X, Y, DB>,
    ) -> &'m mut MeshStyle<'a, 'b, X, Y, DB> {
        mesh.label_style(self.label_font())
            .axis_desc_style(self.desc_font())
            .axis_style(self.text)
            .bold_line_style(self.grid)
            .light_line_style(TRANSPARENT)
    }

    /// Legend text, vertically centred on its anchor.
    pub fn legend_font(&self) -> TextStyle<'static> {
        self.font(self.desc_px)
            .pos(Pos::new(HPos::Left, VPos::Center))
    }

    /// Panel caption text.
    pub fn caption_font(&self) -> TextStyle<'static> {
        self.font(self.caption_px)
    }

    /// Estimated width in pixels of `text` at `px` (sans-serif averages about 0.55 em a character).
    pub fn text_width(&self, text: &str, px: f64) -> u32 {
        (text.chars().count() as f64 * px * 0.56).ceil() as u32
    }

    /// The fill colour of a drop-off cause.
    pub fn cause(&self, cause: Cause) -> RGBColor {
        match cause {
            Cause::NoConversion => ORANGE,
            Cause::PainAbandon => PURPLE,
            Cause::ToleranceExceeded => self.tolerance,
            Cause::Churn => GREEN,
        }
    }
}
