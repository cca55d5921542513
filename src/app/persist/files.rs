//! Scenario files: "Export .json" (the documented format, `store::file`) and "Import" (a file picker,
//! and files dropped onto the editor). A refused file changes nothing — neither the scenario nor the
//! library — and the notice says what is wrong and where.

use yew::prelude::*;

use crate::store::file::{export_json, import_json, ImportError, MAX_FILE_BYTES};

use super::super::browser::read_text;
use super::super::context::EditContext;
use super::super::state::{EditAction, Notice};
use super::download::{download_text, file_stem};

/// What opening the text of file `name` does: load the scenario, or say why not.
pub fn import_action(name: &str, text: &str) -> EditAction {
    match import_json(text) {
        Ok(scenario) => EditAction::LoadScenario {
            notice: Some(Notice::info(format!(
                "Opened \"{}\" from {name}. Undo goes back to the previous scenario.",
                scenario.meta.name
            ))),
            scenario: Box::new(scenario),
        },
        Err(e) => refused(name, &e),
    }
}

/// The notice for a refused file.
fn refused(name: &str, e: &ImportError) -> EditAction {
    let text = format!("{name} was not opened: {e} Nothing was changed.");
    EditAction::Notify(Some(Notice::error(text)))
}

/// Reads the first file of a list (picker or drop) and dispatches the result.
pub fn open_files(ctx: &EditContext, files: Option<web_sys::FileList>) {
    let Some(file) = files.and_then(|f| f.get(0)) else {
        return;
    };
    let name = file.name();
    if file.size() > MAX_FILE_BYTES as f64 {
        let e = ImportError::TooLarge {
            bytes: file.size() as usize,
        };
        ctx.dispatch(refused(&name, &e));
        return;
    }
    let ctx = ctx.clone();
    read_text(file, move |text| match text {
        Some(text) => ctx.dispatch(import_action(&name, &text)),
        None => ctx.dispatch(refused(
            &name,
            &ImportError::Malformed("the browser could not read it".into()),
        )),
    });
}

/// Handlers that accept a scenario file dropped onto an element: `(ondragover, ondrop)`.
pub fn drop_handlers(ctx: &EditContext) -> (Callback<DragEvent>, Callback<DragEvent>) {
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ctx = ctx.clone();
    let ondrop = Callback::from(move |e: DragEvent| {
        e.prevent_default();
        open_files(&ctx, e.data_transfer().and_then(|d| d.files()));
    });
    (ondragover, ondrop)
}

/// The "Export .json" button and the "Import" file picker.
pub fn file_tools(ctx: &EditContext) -> Html {
    let onexport = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| {
            let s = &ctx.state.scenario;
            let name = format!("{}.json", file_stem(&s.meta.name));
            download_text(&name, "application/json", &export_json(s));
        })
    };
    let onimport = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            open_files(&ctx, input.files());
            input.set_value("");
        })
    };
    html! {
        <div class="file-tools">
            <button type="button" class="ghost" data-testid="export-json" onclick={onexport}
                title="Download the scenario as a .json file">{"Export .json"}</button>
            <label class="button ghost" title="Open a scenario .json file (or drop one onto the editor)">
                {"Import…"}
                <input type="file" accept=".json,application/json" data-testid="import-input" class="sr-only" onchange={onimport} />
            </label>
        </div>
    }
}
