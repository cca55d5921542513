//! Downloads without a server: text and blobs through a Blob URL and an `<a download>`, and PNGs of SVG
//! charts drawn onto a canvas (at 2× for slides) from an `Image` of the SVG.

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

#[cfg(target_arch = "wasm32")]
pub use imp::{download_png, download_text};

/// Downloads `text` as a file (no-op outside a browser).
#[cfg(not(target_arch = "wasm32"))]
pub fn download_text(name: &str, mime: &str, text: &str) {
    let _ = (name, mime, text);
}

/// Downloads an SVG as a PNG at [`PNG_SCALE`] (no-op outside a browser).
#[cfg(not(target_arch = "wasm32"))]
pub fn download_png(name: &str, svg: &str) {
    let _ = (name, svg);
}

#[cfg(target_arch = "wasm32")]
mod imp {
    //! The browser side.

    use gloo_timers::callback::Timeout;
    use js_sys::Array;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{
        Blob, BlobPropertyBag, HtmlAnchorElement, HtmlCanvasElement, HtmlImageElement, Url,
    };

    use super::{standalone_svg, svg_size, PNG_SCALE};

    fn blob(text: &str, mime: &str) -> Option<Blob> {
        let parts = Array::of1(&JsValue::from_str(text));
        let opts = BlobPropertyBag::new();
        opts.set_type(mime);
        Blob::new_with_str_sequence_and_options(&parts, &opts).ok()
    }

    /// Clicks a hidden `<a download>` for a blob; the URL is revoked a minute later.
    fn save_blob(name: &str, blob: &Blob) -> Option<()> {
        let url = Url::create_object_url_with_blob(blob).ok()?;
        let doc = web_sys::window()?.document()?;
        let a: HtmlAnchorElement = doc.create_element("a").ok()?.dyn_into().ok()?;
        a.set_href(&url);
        a.set_download(name);
        a.set_attribute("hidden", "").ok()?;
        doc.body()?.append_child(&a).ok()?;
        a.click();
        a.remove();
        Timeout::new(60_000, move || {
            let _ = Url::revoke_object_url(&url);
        })
        .forget();
        Some(())
    }

    /// Downloads `text` as the file `name` of type `mime`.
    pub fn download_text(name: &str, mime: &str, text: &str) {
        if let Some(b) = blob(text, mime) {
            let _ = save_blob(name, &b);
        }
    }

    /// Draws the SVG onto a canvas at [`PNG_SCALE`] and downloads it as `name` (PNG).
    pub fn download_png(name: &str, svg: &str) {
        let _ = try_png(name.to_string(), svg);
    }

    fn try_png(name: String, svg: &str) -> Option<()> {
        let (w, h) = svg_size(svg);
        let source = blob(&standalone_svg(svg), "image/svg+xml;charset=utf-8")?;
        let url = Url::create_object_url_with_blob(&source).ok()?;
        let img = HtmlImageElement::new().ok()?;
        let image = img.clone();
        let src = url.clone();
        let onload = Closure::once_into_js(move || {
            let _ = Url::revoke_object_url(&src);
            let _ = draw(&image, w * PNG_SCALE, h * PNG_SCALE, name);
        });
        img.set_onload(Some(onload.unchecked_ref()));
        img.set_src(&url);
        Some(())
    }

    fn draw(img: &HtmlImageElement, w: u32, h: u32, name: String) -> Option<()> {
        let doc = web_sys::window()?.document()?;
        let canvas: HtmlCanvasElement = doc.create_element("canvas").ok()?.dyn_into().ok()?;
        canvas.set_width(w);
        canvas.set_height(h);
        let ctx: web_sys::CanvasRenderingContext2d =
            canvas.get_context("2d").ok()??.dyn_into().ok()?;
        ctx.draw_image_with_html_image_element_and_dw_and_dh(img, 0.0, 0.0, w.into(), h.into())
            .ok()?;
        let done = Closure::once_into_js(move |png: JsValue| {
            if let Ok(png) = png.dyn_into::<Blob>() {
                let _ = save_blob(&name, &png);
            }
        });
        canvas.to_blob(done.unchecked_ref()).ok()
    }
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
