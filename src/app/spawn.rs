//! Web workers share the page's own wasm: one `app_bg.wasm` for the page and every worker. A worker is
//! started as a module worker from a tiny script (a Blob URL) that imports the app's JS glue (`app.js`, found relative to
//! `document.baseURI`, so the site works under any sub-path), initialises the same wasm and calls the
//! exported `start_worker(role)`, which registers the reactor of that role ([`start`]). The app's `main`
//! does nothing in a worker (there is no `window`).

/// The engine reactor ([`super::worker::EngineReactor`]).
pub const ENGINE: &str = "engine";
/// The what-if analysis reactor ([`super::analysis::worker::AnalysisReactor`]).
pub const ANALYSIS: &str = "analysis";

/// Registers the reactor of `role` in this worker (called by the exported `start_worker`).
pub fn start(role: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use yew_agent::Registrable;
        match role {
            ENGINE => super::worker::EngineReactor::registrar().register(),
            ANALYSIS => super::analysis::worker::AnalysisReactor::registrar().register(),
            _ => {}
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = role;
}

/// The worker loader script for `role`, with the glue at `glue` and the wasm at `wasm` (absolute URLs).
pub fn loader_script(glue: &str, wasm: &str, role: &str) -> String {
    format!(
        "import init, {{ start_worker }} from {glue:?};\n\
         await init({{ module_or_path: {wasm:?} }});\n\
         start_worker({role:?});\n"
    )
}

/// The directory of `document.baseURI` (ends with `/`), where the build's files are.
#[cfg(target_arch = "wasm32")]
fn base_dir() -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    match base.rfind('/') {
        Some(i) => base[..=i].to_string(),
        None => String::new(),
    }
}

/// A Blob URL of the loader script of `role`: a module worker's script (`ReactorSpawner::with_loader`).
#[cfg(target_arch = "wasm32")]
pub fn loader_url(role: &str) -> String {
    let dir = base_dir();
    let script = loader_script(&format!("{dir}app.js"), &format!("{dir}app_bg.wasm"), role);
    let parts = js_sys::Array::of1(&script.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/javascript");
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .and_then(|blob| web_sys::Url::create_object_url_with_blob(&blob))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[test]
    fn loader_imports_the_glue_and_starts_the_role() {
        let s = super::loader_script("https://x/a/app.js", "https://x/a/app_bg.wasm", "engine");
        assert!(
            s.starts_with("import init, { start_worker } from \"https://x/a/app.js\";"),
            "{s}"
        );
        assert!(
            s.contains("module_or_path: \"https://x/a/app_bg.wasm\""),
            "{s}"
        );
        assert!(s.contains("start_worker(\"engine\");"), "{s}");
    }
}
