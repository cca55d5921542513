//! Size-floor measurement: every non-UI feature of the app, reachable from `#[wasm_bindgen]` exports,
//! with all inputs from parameters so nothing folds away. Calls the same public functions the UI
//! (src/app) and the two workers (src/app/worker.rs, src/app/analysis/worker.rs) call.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use journey_sim::app::analysis::protocol::{
    self as aproto, handle, read_request, Kind, Reply, Request,
};
use journey_sim::app::charts::whatif::{
    overlay_funnel_height, overlay_funnel_svg, overlay_series_svg, pain_height, pain_svg,
    tornado_height, tornado_svg,
};
use journey_sim::app::charts::{
    advocacy_svg, funnel_height, funnel_svg, histogram_svg, retention_svg, ChartError,
    ChartOptions, Theme,
};
use journey_sim::app::protocol::codec::WireCodec;
use journey_sim::app::protocol::{self as eproto, pack, unpack, wire};
use journey_sim::sim::templates::{default_scenario, template, template_names, template_title};
use journey_sim::sim::whatif::{inputs, Comparison};
use journey_sim::sim::{validate, Scenario, Simulation, Summary};
use journey_sim::store::{
    decode_comparison, decode_fragment, encode_comparison, encode_fragment, export_json,
    import_json, parse_route, route_fragment, AnyStore, Library, LibraryItem, Route,
};

fn theme(t: u8) -> Theme {
    match t {
        1 => Theme::Dark,
        2 => Theme::Projector,
        _ => Theme::Light,
    }
}

fn opts(width: u32, height: u32, t: u8, currency: &str) -> ChartOptions {
    ChartOptions {
        width,
        height,
        theme: theme(t),
        currency: currency.to_string(),
    }
}

fn problems_text(p: &[journey_sim::sim::Problem]) -> String {
    p.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
}

/// A scenario from a template name (as the header's template menu), else from JSON text (as the
/// workers read it), else the default journey.
fn scenario_of(text: &str) -> Result<Scenario, String> {
    if let Some(s) = template(text) {
        return Ok(s);
    }
    if text.is_empty() {
        return Ok(default_scenario());
    }
    serde_json::from_str::<Scenario>(text).map_err(|e| e.to_string())
}

/// Template names and titles (the header's menu).
#[wasm_bindgen]
pub fn floor_templates() -> String {
    template_names()
        .iter()
        .map(|n| format!("{n}\t{}", template_title(n)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Loads a scenario (template name or JSON) and gives its JSON text (as the page sends to the workers).
#[wasm_bindgen]
pub fn floor_scenario_json(text: &str) -> String {
    match scenario_of(text) {
        Ok(s) => serde_json::to_string(&s).unwrap_or_default(),
        Err(e) => e,
    }
}

/// Validation problems of a scenario (the editor's problem list).
#[wasm_bindgen]
pub fn floor_validate(text: &str) -> String {
    match scenario_of(text) {
        Ok(s) => problems_text(&validate(&s)),
        Err(e) => e,
    }
}

/// The engine workers' message flow: page → Compute/Collect (wire, through the yew-agent codec),
/// computer → packed batches, collector → unpack, accumulate, summarise → Output::Summary (wire).
/// Returns the wire bytes of the final summary message (or a Failed message).
#[wasm_bindgen]
pub fn floor_run(text: &str, runs: u32, seed: u64, job: u64) -> Vec<u8> {
    let mut s = match scenario_of(text) {
        Ok(s) => s,
        Err(message) => return wire::encode(&eproto::Output::Failed { job, message }),
    };
    if runs > 0 {
        s.meta.runs = runs;
    }
    s.meta.seed = seed;
    let json = serde_json::to_string(&s).unwrap_or_default();
    // Page side: the messages to the collector and the computer, through the worker codec.
    let collect: eproto::Input = codec_trip(eproto::Input::Collect {
        job,
        scenario: json.clone(),
    });
    let compute: eproto::Input = codec_trip(eproto::Input::Compute {
        job,
        scenario: json,
        first: 0,
        stride: 1,
    });
    let (eproto::Input::Collect { scenario: sc, .. }, eproto::Input::Compute { scenario, .. }) =
        (collect, compute)
    else {
        return Vec::new();
    };
    let prepare = |text: &str| -> Result<(Scenario, Simulation), String> {
        let s: Scenario = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let sim = Simulation::new(&s).map_err(|p| problems_text(&p))?;
        Ok((s, sim))
    };
    let (computer, collector) = match (prepare(&scenario), prepare(&sc)) {
        (Ok((_, a)), Ok((s, b))) => (a, (s, b)),
        (Err(message), _) | (_, Err(message)) => {
            return wire::encode(&eproto::Output::Failed { job, message })
        }
    };
    let (cs, csim) = collector;
    let mut acc = csim.accumulator();
    for index in 0..computer.batches() {
        let batch = computer.run_batch(index);
        let out = eproto::Output::Batch {
            job,
            index: batch.index,
            data: pack(&batch.records),
        };
        let eproto::Output::Batch { index, data, .. } = codec_trip(out) else {
            continue;
        };
        let input = codec_trip(eproto::Input::Batch { job, index, data });
        if let eproto::Input::Batch { index, data, .. } = input {
            match unpack(&data, cs.stages.len(), cs.meta.horizon as usize) {
                Ok(records) => acc.add(journey_sim::sim::Batch { index, records }),
                Err(message) => return wire::encode(&eproto::Output::Failed { job, message }),
            }
        }
    }
    let _ = codec_trip(eproto::Input::Cancel { job });
    let summary = acc.summary();
    let out = codec_trip(eproto::Output::Summary {
        job,
        summary: Box::new(summary),
    });
    wire::encode(&out)
}

/// The same run on the page (no workers: src/app/pool/inline.rs), giving a summary directly.
fn run_inline(s: &Scenario) -> Result<Summary, String> {
    let sim = Simulation::new(s).map_err(|p| problems_text(&p))?;
    let mut acc = sim.accumulator();
    for index in 0..sim.batches() {
        acc.add(sim.run_batch(index));
    }
    Ok(acc.summary())
}

/// Exact expected values (mean-field pass) and whether they are exact.
#[wasm_bindgen]
pub fn floor_expected(text: &str) -> String {
    let s = match scenario_of(text) {
        Ok(s) => s,
        Err(e) => return e,
    };
    match Simulation::new(&s) {
        Ok(sim) => {
            let e = sim.expected();
            format!(
                "exact={} kpis={:?} series={:?}",
                sim.is_exact(),
                e.kpis,
                e.series
            )
        }
        Err(p) => problems_text(&p),
    }
}

/// Sends a message through the worker codec (yew-agent `Codec`) and back, as page and worker do.
fn codec_trip<T: serde::Serialize + for<'de> serde::Deserialize<'de>>(value: T) -> T {
    use yew_agent::Codec;
    let js = WireCodec::encode(value);
    WireCodec::decode::<T>(js)
}

fn summary_from_bytes(bytes: &[u8]) -> Option<Summary> {
    match wire::decode::<eproto::Output>(bytes)? {
        eproto::Output::Summary { summary, .. } => Some(*summary),
        _ => None,
    }
}

fn chart_text(r: Result<String, ChartError>) -> String {
    r.unwrap_or_else(|e| e.to_string())
}

/// Draws the four result charts of a summary message (src/app/results/chart.rs `draw`).
#[wasm_bindgen]
pub fn floor_charts(summary: &[u8], kpi: &str, width: u32, t: u8, currency: &str) -> String {
    let Some(sum) = summary_from_bytes(summary) else {
        return "unreadable summary".into();
    };
    let o = opts(width, 380, t, currency);
    let fo = ChartOptions {
        height: funnel_height(&sum, o.theme),
        ..o.clone()
    };
    [
        chart_text(funnel_svg(&sum, &fo)),
        chart_text(retention_svg(&sum, &o)),
        chart_text(advocacy_svg(&sum, &o)),
        chart_text(histogram_svg(&sum, kpi, &o)),
    ]
    .join("\n")
}

/// The what-if inputs of a scenario (the target tab's parameter list).
#[wasm_bindgen]
pub fn floor_inputs(text: &str) -> String {
    match scenario_of(text) {
        Ok(s) => inputs(&s)
            .iter()
            .map(|i| format!("{}\t{}\t{}\t{}", i.label, i.central, i.low, i.high))
            .collect::<Vec<_>>()
            .join("\n"),
        Err(e) => e,
    }
}

/// Builds a what-if request (as the analysis panel does) and gives the page → worker message
/// (analysis `Input::Run`, wire form, via the codec). `variants` is a JSON list of scenarios.
#[wasm_bindgen]
pub fn floor_whatif_request(
    kind: u8,
    text: &str,
    variants: &str,
    kpi: &str,
    runs: usize,
    param: usize,
    target: f64,
    job: u64,
) -> Vec<u8> {
    let s = match scenario_of(text) {
        Ok(s) => s,
        Err(e) => return e.into_bytes(),
    };
    let request = match kind {
        0 => Request::Compare {
            baseline: s,
            variants: serde_json::from_str::<Vec<Scenario>>(variants).unwrap_or_default(),
        },
        1 => Request::Tornado {
            scenario: s,
            kpi: kpi.to_string(),
            runs,
        },
        2 => Request::PainRanking {
            scenario: s,
            kpi: kpi.to_string(),
            runs,
        },
        _ => {
            let ins = inputs(&s);
            let Some(input) = ins.get(param.min(ins.len().saturating_sub(1))) else {
                return Vec::new();
            };
            Request::Target {
                param: input.id,
                scenario: s,
                kpi: kpi.to_string(),
                target,
                draws: runs,
            }
        }
    };
    let kind = request.kind();
    let input = codec_trip(aproto::Input::Run {
        job,
        kind,
        request: wire::encode(&request),
    });
    wire::encode(&input)
}

/// The analysis worker: reads a page → worker message, computes it and gives the worker → page
/// message (wire form, via the codec).
#[wasm_bindgen]
pub fn floor_whatif(message: &[u8]) -> Vec<u8> {
    let Some(input) = wire::decode::<aproto::Input>(message) else {
        return Vec::new();
    };
    let input = codec_trip(input);
    match input {
        aproto::Input::Run { job, kind, request } => {
            let reply = read_request(&request).and_then(handle);
            let out = codec_trip(aproto::Output { job, kind, reply });
            wire::encode(&out)
        }
        aproto::Input::Cancel { job } => wire::encode(&codec_trip(aproto::Input::Cancel { job })),
    }
}

fn runs_of(c: &Comparison) -> (Vec<String>, Vec<&Summary>) {
    let mut names = vec!["Baseline".to_string()];
    names.extend(c.variants.iter().map(|v| v.name.clone()));
    let mut sums = vec![&c.baseline];
    sums.extend(c.variants.iter().map(|v| &v.summary));
    (names, sums)
}

/// Draws the charts of a what-if answer (src/app/analysis/views.rs `draw`); a target answer is text.
#[wasm_bindgen]
pub fn floor_whatif_charts(message: &[u8], kpi: &str, t: u8, cur: &str, width: u32) -> String {
    let Some(out) = wire::decode::<aproto::Output>(message) else {
        return "unreadable answer".into();
    };
    let theme = theme(t);
    let o = |height, currency: &str| ChartOptions {
        width,
        height,
        theme,
        currency: currency.to_string(),
    };
    let kind = match out.kind {
        Kind::Compare => 0,
        Kind::Tornado => 1,
        Kind::Pain => 2,
        Kind::Target => 3,
    };
    let body = match &out.reply {
        Err(e) => vec![e.clone()],
        Ok(Reply::Compare(c)) => {
            let (names, sums) = runs_of(c);
            let height = overlay_funnel_height(&sums, theme);
            vec![
                chart_text(overlay_funnel_svg(&names, &sums, &o(height, cur))),
                chart_text(overlay_series_svg(
                    &names,
                    &sums,
                    "active",
                    "active customers",
                    &o(380, cur),
                )),
                chart_text(overlay_series_svg(
                    &names,
                    &sums,
                    "advocates",
                    "advocates",
                    &o(380, cur),
                )),
            ]
        }
        Ok(Reply::Tornado(tor)) => {
            let height = tornado_height(tor.bars.len(), theme);
            vec![chart_text(tornado_svg(tor, cur, &o(height, cur)))]
        }
        Ok(Reply::PainRanking(rows)) => {
            let height = pain_height(rows.len(), theme);
            vec![chart_text(pain_svg(rows, kpi, cur, &o(height, cur)))]
        }
        Ok(Reply::Target(a)) => vec![format!(
            "{:?} {:?} {:?} {:?} {}",
            a.value, a.achieved, a.range, a.uncertainty, a.reachable_share
        )],
    };
    format!("{kind} {}\n{}", out.job, body.join("\n"))
}

/// Scenario file write (`Export .json`).
#[wasm_bindgen]
pub fn floor_file_export(text: &str) -> String {
    match scenario_of(text) {
        Ok(s) => export_json(&s),
        Err(e) => e,
    }
}

/// Scenario file read (`Import`), with migration of older formats and validation.
#[wasm_bindgen]
pub fn floor_file_import(file: &str) -> String {
    match import_json(file) {
        Ok(s) => serde_json::to_string(&s).unwrap_or_default(),
        Err(e) => e.to_string(),
    }
}

/// Share link of a scenario: `#s1.…` inside the editor route (src/app/persist/share.rs), and the
/// comparison link of it with `variants` (JSON list).
#[wasm_bindgen]
pub fn floor_link_encode(text: &str, variants: &str) -> String {
    let s = match scenario_of(text) {
        Ok(s) => s,
        Err(e) => return e,
    };
    let link = route_fragment(&Route::Editor {
        scenario: Some(encode_fragment(&s)),
    });
    let vs = serde_json::from_str::<Vec<Scenario>>(variants).unwrap_or_default();
    format!("{link}\n{}", encode_comparison(&s, &vs))
}

/// Opens a URL fragment as startup does (src/app/persist/startup.rs): route, then the scenario link or
/// the comparison links.
#[wasm_bindgen]
pub fn floor_link_decode(fragment: &str) -> String {
    let route = parse_route(fragment);
    let scenarios = match &route {
        Route::Compare { baseline, variants } => {
            match decode_comparison(baseline.as_deref(), variants) {
                Ok((b, vs)) => std::iter::once(b).chain(vs).collect(),
                Err(e) => return e.to_string(),
            }
        }
        r => match r.scenario().map(decode_fragment) {
            Some(Ok(s)) => vec![s],
            Some(Err(e)) => return e.to_string(),
            None => Vec::new(),
        },
    };
    let again = route_fragment(&route.with_scenario(None));
    format!(
        "{again}\n{}",
        serde_json::to_string(&scenarios).unwrap_or_default()
    )
}

thread_local! {
    static LIBRARY: RefCell<Option<Library<AnyStore>>> = const { RefCell::new(None) };
}

fn with_library<R>(f: impl FnOnce(&mut Library<AnyStore>) -> R) -> R {
    LIBRARY.with(|l| {
        let mut l = l.borrow_mut();
        let lib = l.get_or_insert_with(|| Library::new(AnyStore::open().0));
        f(lib)
    })
}

fn list_text(lib: &mut Library<AnyStore>) -> String {
    match lib.list() {
        Ok(items) => items
            .iter()
            .map(|i| match i {
                LibraryItem::Entry(e) => format!("{}\t{}\t{}", e.id, e.name, e.saved_at),
                LibraryItem::Corrupt { key, reason } => format!("corrupt {key}: {reason}"),
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Err(e) => e.to_string(),
    }
}

/// The scenario library in browser storage (src/app/persist/library.rs, startup.rs, mod.rs):
/// op 0 save, 1 overwrite, 2 open, 3 duplicate, 4 rename, 5 delete, 6 autosave, 7 load autosave;
/// every op ends with the listing. (corrupt_text/discard_corrupt are not called by the UI.)
#[wasm_bindgen]
pub fn floor_library(op: u8, id: &str, name: &str, text: &str, now: f64) -> String {
    with_library(|lib| {
        let scenario = scenario_of(text);
        let r: Result<String, String> = match (op, scenario) {
            (0, Ok(s)) => lib.save(name, &s, now).map_err(|e| e.to_string()),
            (1, Ok(s)) => lib
                .overwrite(id, name, &s, now)
                .map(|()| String::new())
                .map_err(|e| e.to_string()),
            (2, _) => lib
                .open(id)
                .map(|s| format!("{} {}", s.entry.name, export_json(&s.scenario)))
                .map_err(|e| e.to_string()),
            (3, _) => lib.duplicate(id, now).map_err(|e| e.to_string()),
            (4, _) => lib
                .rename(id, name)
                .map(|()| String::new())
                .map_err(|e| e.to_string()),
            (5, _) => lib
                .delete(id)
                .map(|()| String::new())
                .map_err(|e| e.to_string()),
            (6, Ok(s)) => lib
                .autosave(&s, now)
                .map(|()| String::new())
                .map_err(|e| e.to_string()),
            (7, _) => lib
                .load_autosave()
                .map(|a| {
                    a.map(|a| format!("{} {} {}", a.saved_at, problems_text(&a.problems), a.scenario.meta.name))
                        .unwrap_or_default()
                })
                .map_err(|e| e.to_string()),
            (_, Err(e)) => Err(e),
            _ => Err("unknown op".into()),
        };
        let head = r.unwrap_or_else(|e| e);
        format!("{head}\n{}", list_text(lib))
    })
}

/// Everything in one go for a scenario: inline run (no workers) and its charts.
#[wasm_bindgen]
pub fn floor_inline(text: &str, kpi: &str, t: u8, currency: &str) -> String {
    let s = match scenario_of(text) {
        Ok(s) => s,
        Err(e) => return e,
    };
    match run_inline(&s) {
        Ok(sum) => {
            let bytes = wire::encode(&eproto::Output::Summary {
                job: 0,
                summary: Box::new(sum),
            });
            floor_charts(&bytes, kpi, 800, t, currency)
        }
        Err(e) => e,
    }
}
