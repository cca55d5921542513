//! Downloads without a server: file names from scenario and chart names, SVG charts as standalone files
//! and as PNGs at 2× (for slides). The browser side (a Blob URL and an `<a download>`, a canvas drawn from
//! an `Image` of the SVG) is in [`crate::app::browser`].

use super::super::browser::download_svg_as_png;

/// Scale of PNG exports (2× the chart's size, sharp on slides and high-density screens).
pub const PNG_SCALE: u32 = 2;

/// A file name from a scenario or chart name: letters, digits, `-` and `_` kept, the rest `-`.
pub fn file_stem(name: &str) -> String {
    let stem: String = name
        .trim()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let stem = stem.trim_matches('-').to_string();
    if stem.is_empty() {
        "journey".into()
    } else {
        stem.chars().take(60).collect()
    }
}

/// The SVG as a standalone file: with the SVG namespace (needed outside HTML) and an XML declaration.
pub fn standalone_svg(svg: &str) -> String {
    let body = if svg.contains("xmlns=\"http://www.w3.org/2000/svg\"") {
        svg.to_string()
    } else {
        svg.replacen("<svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"", 1)
    };
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{body}")
}

/// Width and height of an SVG from its `viewBox` (800 × 450 if it has none).
pub fn svg_size(svg: &str) -> (u32, u32) {
    let found = svg.find("viewBox=\"").and_then(|i| {
        let rest = &svg[i + 9..];
        let nums: Vec<f64> = rest[..rest.find('"')?]
            .split_whitespace()
            .filter_map(|n| n.parse().ok())
            .collect();
        (nums.len() == 4).then(|| (nums[2].round() as u32, nums[3].round() as u32))
    });
    found.unwrap_or((800, 450))
}

pub use super::super::browser::download_text;

/// Downloads an SVG as a PNG at [`PNG_SCALE`] times the size of its `viewBox`.
pub fn download_png(name: &str, svg: &str) {
    let (w, h) = svg_size(svg);
    download_svg_as_png(name, &standalone_svg(svg), w * PNG_SCALE, h * PNG_SCALE);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_sizes() {
        assert_eq!(file_stem("Spring launch / EU"), "Spring-launch---EU");
        assert_eq!(file_stem("  "), "journey");
        assert_eq!(svg_size("<svg viewBox=\"0 0 800 440\">"), (800, 440));
        assert_eq!(svg_size("<svg>"), (800, 450));
        let s = standalone_svg("<svg viewBox=\"0 0 1 1\"></svg>");
        assert!(s.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    }
}
