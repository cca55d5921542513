//! Web workers share the page's own wasm: one `app-<hash>_bg.wasm` for the page and every worker. A
//! worker is started as a module worker from a tiny script (a Blob URL) that imports the app's JS glue,
//! initialises the same wasm and calls the exported `start_worker(role)`, which registers the reactor of
//! that role ([`start`]). The glue and wasm addresses are those the page itself loaded (trunk's
//! `modulepreload` and wasm `preload` links), so a worker can never mix files of two deployments; the
//! app's `main` does nothing in a worker (there is no `window`).

/// Which reactor a worker runs: the worker's loader passes it to `start_worker` by [`Role::name`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The engine reactor ([`super::engine::worker::EngineReactor`]).
    Engine,
    /// The what-if analysis reactor ([`super::analysis::worker::AnalysisReactor`]).
    Analysis,
}

impl Role {
    /// Every role.
    pub const ALL: [Role; 2] = [Role::Engine, Role::Analysis];

    /// The name the loader script passes to `start_worker`.
    pub fn name(self) -> &'static str {
        match self {
            Role::Engine => "engine",
            Role::Analysis => "analysis",
        }
    }

    /// The role of `name`, if any.
    pub fn from_name(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.name() == name)
    }
}

/// Registers the reactor of `role` in this worker (called by the exported `start_worker`).
pub fn start(role: Role) {
    use yew_agent::Registrable;
    match role {
        Role::Engine => super::engine::worker::EngineReactor::registrar().register(),
        Role::Analysis => super::analysis::worker::AnalysisReactor::registrar().register(),
    }
}

/// The worker loader script for `role`, with the glue at `glue` and the wasm at `wasm` (absolute URLs).
pub fn loader_script(glue: &str, wasm: &str, role: Role) -> String {
    let role = role.name();
    format!(
        "import init, {{ start_worker }} from {glue:?};\n\
         await init({{ module_or_path: {wasm:?} }});\n\
         start_worker({role:?});\n"
    )
}

/// The absolute `href` of the first element matching `selector` (a trunk preload link), if any.
#[cfg(target_arch = "wasm32")]
fn link_href(selector: &str) -> Option<String> {
    let el = web_sys::window()?
        .document()?
        .query_selector(selector)
        .ok()??;
    let href = js_sys::Reflect::get(&el, &"href".into())
        .ok()?
        .as_string()?;
    (!href.is_empty()).then_some(href)
}

/// A Blob URL of the loader script of `role`: a module worker's script (`ReactorSpawner::with_loader`).
/// `None` where no worker can start: in an opaque origin (a sandboxed iframe without
/// `allow-same-origin`, from which no worker script may load), or when the page has no preload links
/// for its glue and wasm (not a trunk build). Callers then compute on the page or say that workers are
/// unavailable, rather than fail or guess file names.
#[cfg(target_arch = "wasm32")]
pub fn loader_url(role: Role) -> Option<String> {
    if web_sys::window()?.origin() == "null" {
        return None;
    }
    let glue = link_href("link[rel='modulepreload']")?;
    let wasm = link_href("link[rel='preload'][type='application/wasm']")?;
    let script = loader_script(&glue, &wasm, role);
    let parts = js_sys::Array::of1(&script.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/javascript");
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .and_then(|blob| web_sys::Url::create_object_url_with_blob(&blob))
        .ok()
}

/// The processors the browser reports (`navigator.hardwareConcurrency`; 1 outside a browser).
pub fn cores() -> usize {
    #[cfg(target_arch = "wasm32")]
    if let Some(w) = web_sys::window() {
        return w.navigator().hardware_concurrency() as usize;
    }
    1
}

/// No worker starts outside a browser (native builds of the app, for its tests).
#[cfg(not(target_arch = "wasm32"))]
pub fn loader_url(_role: Role) -> Option<String> {
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn loader_imports_the_glue_and_starts_the_role() {
        let s = super::loader_script(
            "https://x/a/app.js",
            "https://x/a/app_bg.wasm",
            super::Role::Engine,
        );
        assert!(
            s.starts_with("import init, { start_worker } from \"https://x/a/app.js\";"),
            "{s}"
        );
        assert!(
            s.contains("module_or_path: \"https://x/a/app_bg.wasm\""),
            "{s}"
        );
        assert!(s.contains("start_worker(\"engine\");"), "{s}");
        for role in super::Role::ALL {
            assert_eq!(super::Role::from_name(role.name()), Some(role));
        }
        assert_eq!(super::Role::from_name("nope"), None);
    }
}
