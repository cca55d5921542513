//! Downloads without a server: text through a Blob URL and a clicked `<a download>`, and PNGs of SVGs
//! drawn onto a canvas from an `Image` of the SVG.

use gloo_timers::callback::Timeout;
use js_sys::Array;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlCanvasElement, HtmlImageElement, Url};

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

/// Draws the standalone `svg` onto a `width` × `height` canvas and downloads it as `name` (PNG).
pub fn download_svg_as_png(name: &str, svg: &str, width: u32, height: u32) {
    let _ = try_png(name.to_string(), svg, width, height);
}

fn try_png(name: String, svg: &str, w: u32, h: u32) -> Option<()> {
    let source = blob(svg, "image/svg+xml;charset=utf-8")?;
    let url = Url::create_object_url_with_blob(&source).ok()?;
    let img = HtmlImageElement::new().ok()?;
    let image = img.clone();
    let src = url.clone();
    let onload = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&src);
        let _ = draw(&image, w, h, name);
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
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    ctx.draw_image_with_html_image_element_and_dw_and_dh(img, 0.0, 0.0, w.into(), h.into())
        .ok()?;
    let done = Closure::once_into_js(move |png: JsValue| {
        if let Ok(png) = png.dyn_into::<Blob>() {
            let _ = save_blob(&name, &png);
        }
    });
    canvas.to_blob(done.unchecked_ref()).ok()
}
