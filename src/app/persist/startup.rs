//! The state the app starts in: the view and scenario of the URL fragment, else the autosave, else the
//! default journey — with a notice when a link or the autosave cannot be opened (never a blank page).

use crate::sim::templates::{default_scenario, template as template_of, template_names};
use crate::sim::Scenario;
use crate::store::{decode_comparison, decode_fragment, parse_route, Route};

use super::super::state::{EditState, Notice, View};
use super::Storage;

/// The view a route asks for.
pub fn view_of(route: &Route) -> View {
    match route {
        Route::Editor { .. } | Route::Compare { .. } => View::Editor,
        Route::Present { .. } => View::Present,
        Route::Embed { charts, kpis, .. } => View::Embed {
            charts: charts.clone(),
            kpis: kpis.clone(),
        },
    }
}

/// The default journey with a notice saying why it was opened.
fn fallback(why: String) -> (Scenario, String, Option<Notice>) {
    let text = format!("{why} The default journey was opened instead.");
    (
        default_scenario(),
        "six-stage".to_string(),
        Some(Notice::error(text)),
    )
}

/// The scenario to open for `route` and the notice to show with it.
fn pick_scenario(route: &Route, storage: &Storage) -> (Scenario, String, Option<Notice>) {
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

/// The baseline and variants of a comparison link, or the default journey with a notice (and no
/// variants) when any of its scenarios cannot be opened.
fn pick_comparison(
    baseline: Option<&str>,
    variants: &[String],
) -> (Scenario, String, Option<Notice>, Vec<Scenario>) {
    match decode_comparison(baseline, variants) {
        Ok((base, variants)) => {
            let n = variants.len();
            let text = format!(
                "Opened a comparison: the baseline is in the editor, {n} variant{} in the what-if panel below.",
                if n == 1 { "" } else { "s" }
            );
            (base, String::new(), Some(Notice::info(text)), variants)
        }
        Err(e) => {
            let (s, t, n) = fallback(e.to_string());
            (s, t, n, Vec::new())
        }
    }
}

/// The starting state for the fragment `fragment` and the library in `storage`.
pub fn initial_state(fragment: &str, storage: &Storage) -> EditState {
    let route = parse_route(fragment);
    let (scenario, mut template, notice, linked) = match &route {
        Route::Compare { baseline, variants } => pick_comparison(baseline.as_deref(), variants),
        _ => {
            let (s, t, n) = pick_scenario(&route, storage);
            (s, t, n, Vec::new())
        }
    };
    if template.is_empty() {
        // A linked or autosaved scenario that is an unedited template shows that template's name.
        let same = template_names()
            .iter()
            .find(|n| template_of(n).as_ref() == Some(&scenario));
        template = same.map_or_else(String::new, |n| n.to_string());
    }
    let mut state = EditState::new(scenario, &template);
    state.view = view_of(&route);
    state.notice = notice;
    state.linked_variants = std::rc::Rc::new(linked);
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

    #[test]
    fn comparison_links_load_their_variants_and_damaged_ones_the_default() {
        let storage = Storage::memory(MemoryStore::new());
        let mut base = default_scenario();
        base.meta.seed = 7;
        let mut v = default_scenario();
        v.meta.name = "Variant 1".into();
        let link = crate::store::encode_comparison(&base, std::slice::from_ref(&v));
        let state = initial_state(&link, &storage);
        assert_eq!(state.scenario, base);
        assert_eq!(*state.linked_variants, vec![v]);
        assert_eq!(state.view, View::Editor);
        let damaged = format!("{}/s1.AAAA", link);
        let broken = initial_state(&damaged, &storage);
        assert_eq!(broken.scenario, default_scenario());
        assert!(broken.linked_variants.is_empty());
        let text = broken.notice.map(|n| n.text).unwrap_or_default();
        assert!(
            text.contains("variant 2") && text.contains("default journey"),
            "{text}"
        );
    }
}
