//! The state the app starts in: the view and scenario of the URL fragment, else the autosave, else the
//! default journey — with a notice when a link or the autosave cannot be opened (never a blank page).

use crate::sim::templates::{default_scenario, template as template_of, template_names};
use crate::sim::Scenario;
use crate::store::{decode_fragment, parse_route, Route};

use super::super::state::{AppState, Notice, View};
use super::Storage;

/// The URL fragment (with its `#`), or empty outside a browser.
pub fn current_fragment() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    String::new()
}

/// The view a route asks for.
pub fn view_of(route: &Route) -> View {
    match route {
        Route::Editor { .. } => View::Editor,
        Route::Present { .. } => View::Present,
        Route::Embed { charts, kpis, .. } => View::Embed {
            charts: charts.clone(),
            kpis: kpis.clone(),
        },
    }
}

/// The scenario to open for `route` and the notice to show with it.
fn pick_scenario(route: &Route, storage: &Storage) -> (Scenario, String, Option<Notice>) {
    let fallback = |why: String| {
        let text = format!("{why} The default journey was opened instead.");
        (
            default_scenario(),
            "six-stage".to_string(),
            Some(Notice::error(text)),
        )
    };
    if let Some(link) = route.scenario() {
        return match decode_fragment(link) {
            Ok(s) => (s, String::new(), None),
            Err(e) => fallback(e.to_string()),
        };
    }
    if !matches!(route, Route::Editor { .. }) {
        return (default_scenario(), "six-stage".into(), None);
    }
    match storage.with(|l| l.load_autosave()) {
        Ok(Some(saved)) => (saved.scenario, String::new(), None),
        Ok(None) => (default_scenario(), "six-stage".into(), None),
        Err(e) => fallback(format!("The autosaved scenario could not be opened: {e}")),
    }
}

/// The starting state for the fragment `fragment` and the library in `storage`.
pub fn initial_state(fragment: &str, storage: &Storage) -> AppState {
    let route = parse_route(fragment);
    let (scenario, mut template, notice) = pick_scenario(&route, storage);
    if template.is_empty() {
        // A linked or autosaved scenario that is an unedited template shows that template's name.
        let same = template_names()
            .iter()
            .find(|n| template_of(n).as_ref() == Some(&scenario));
        template = same.map_or_else(String::new, |n| n.to_string());
    }
    let mut state = AppState::new(scenario, &template);
    state.view = view_of(&route);
    state.notice = notice;
    state.storage_note = storage.note.clone();
    if state.view == View::Editor {
        let (items, error) = storage.list();
        state.library = items;
        if let (Some(e), None) = (error, &state.notice) {
            state.notice = Some(Notice::error(e.to_string()));
        }
    }
    state
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{encode_fragment, MemoryStore};

    #[test]
    fn links_win_and_damaged_links_open_the_default() {
        let storage = Storage::memory(MemoryStore::new());
        let mut s = default_scenario();
        s.meta.seed = 99;
        let state = initial_state(&format!("#{}", encode_fragment(&s)), &storage);
        assert_eq!(state.scenario, s);
        assert!(state.notice.is_none());
        let broken = initial_state("#s1.AAAA", &storage);
        assert_eq!(broken.scenario, default_scenario());
        let text = broken.notice.map(|n| n.text).unwrap_or_default();
        assert!(
            text.contains("damaged") && text.contains("default journey"),
            "{text}"
        );
        let present = initial_state(&format!("#present/{}", encode_fragment(&s)), &storage);
        assert_eq!(present.view, View::Present);
        assert_eq!(present.scenario, s);
    }
}
