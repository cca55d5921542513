//! The analysis tables (shown in the panel and exported as CSV) and their download buttons (CSV, SVG and
//! PNG at 2×, through [`crate::app::persist::download`]).

use yew::prelude::*;

use crate::app::charts::{format_value, kpi_label_with_currency, table_to_csv, Table};
use crate::app::persist::download::{download_png, download_text, standalone_svg};
use crate::app::results::kpis::plain;
use crate::app::ui::data_table;
use crate::sim::whatif::{Comparison, PainWorth, Tornado};
use crate::sim::Kpi;

/// A probability as a percentage with one decimal: 0.973 → "97.3%".
pub fn pct(p: f64) -> String {
    if p.is_finite() {
        format!("{:.1}%", p * 100.0)
    } else {
        "—".into()
    }
}

/// A signed difference in the KPI's unit: "+120", "−€3.4k".
pub fn signed(kpi: Kpi, v: f64, currency: &str) -> String {
    if !v.is_finite() {
        return "—".into();
    }
    let s = format_value(kpi, v, currency);
    if v > 0.0 {
        format!("+{s}")
    } else {
        s
    }
}

/// Per KPI and variant: the paired difference (median, p5, p95), P(better), P(worse).
pub fn compare_table(c: &Comparison, currency: &str) -> Table {
    let mut rows = Vec::new();
    for kpi in Kpi::ALL {
        for v in &c.variants {
            let Some(d) = v.diffs.get(&kpi) else { continue };
            let base = c.baseline.kpis.get(&kpi).map_or(f64::NAN, |k| k.stats.p50);
            let var = v.summary.kpis.get(&kpi).map_or(f64::NAN, |k| k.stats.p50);
            rows.push(vec![
                kpi_label_with_currency(kpi, currency),
                v.name.clone(),
                plain(base),
                plain(var),
                plain(d.stats.p50),
                plain(d.stats.p5),
                plain(d.stats.p95),
                plain(d.p_better),
                plain(d.p_worse),
            ]);
        }
    }
    Table {
        caption: format!(
            "Variant − baseline over {} paired runs (common random numbers)",
            c.baseline.runs
        ),
        headers: [
            "Figure",
            "Variant",
            "Baseline median",
            "Variant median",
            "Median difference",
            "Difference 5th percentile",
            "Difference 95th percentile",
            "P(better)",
            "P(worse)",
        ]
        .map(String::from)
        .to_vec(),
        rows,
    }
}

/// The tornado's bars: each input's low and high end and the expected KPI there, widest first.
pub fn tornado_table(t: &Tornado, currency: &str) -> Table {
    Table {
        caption: format!(
            "Expected {} with one input at its low or high end (central {})",
            kpi_label_with_currency(t.kpi, currency),
            plain(t.base)
        ),
        headers: ["Input", "Low", "High", "KPI at low", "KPI at high", "Swing"]
            .map(String::from)
            .to_vec(),
        rows: t
            .bars
            .iter()
            .map(|b| {
                vec![
                    b.input.label.clone(),
                    plain(b.input.low),
                    plain(b.input.high),
                    plain(b.kpi_low),
                    plain(b.kpi_high),
                    plain(b.swing()),
                ]
            })
            .collect(),
    }
}

/// The rank correlation of each uncertain input with the KPI, and its share of the explained spread.
pub fn importance_table(t: &Tornado, currency: &str) -> Table {
    Table {
        caption: format!(
            "Which uncertain inputs explain the spread of {} (Spearman rank correlation over the runs)",
            kpi_label_with_currency(t.kpi, currency)
        ),
        headers: ["Input", "Rank correlation ρ", "Share of explained spread"]
            .map(String::from)
            .to_vec(),
        rows: t
            .importance
            .iter()
            .map(|i| vec![i.input.label.clone(), plain(i.rho), pct(i.share)])
            .collect(),
    }
}

/// The gain in `kpi` from removing and from halving each pain point, largest first.
pub fn pain_table(rows: &[PainWorth], kpi: Kpi, currency: &str) -> Table {
    Table {
        caption: format!(
            "Gain in {} if each pain point were removed or halved",
            kpi_label_with_currency(kpi, currency)
        ),
        headers: [
            "Pain point",
            "Removed: median gain",
            "Removed: 5th percentile",
            "Removed: 95th percentile",
            "Halved: median gain",
            "Halved: 5th percentile",
            "Halved: 95th percentile",
        ]
        .map(String::from)
        .to_vec(),
        rows: rows
            .iter()
            .map(|r| {
                let (a, b) = (&r.removed.stats, &r.halved.stats);
                vec![
                    r.name.clone(),
                    plain(a.p50),
                    plain(a.p5),
                    plain(a.p95),
                    plain(b.p50),
                    plain(b.p5),
                    plain(b.p95),
                ]
            })
            .collect(),
    }
}

/// Renders `t` as an HTML table with test id `testid`.
pub fn table_html(t: &Table, testid: &str) -> Html {
    html! {
        <div class="whatif-table-wrap">
            {data_table(t, "data whatif-table", testid.to_string())}
        </div>
    }
}

/// Offers `text` as a file download called `name` (browser only).
pub fn download(name: &str, mime: &str, text: &str) {
    download_text(name, mime, text);
}

/// A button that downloads a table as CSV.
pub fn csv_button(name: &str, t: &Table) -> Html {
    let (name, csv) = (format!("{name}.csv"), table_to_csv(t));
    let testid = format!("whatif-csv-{}", name.trim_end_matches(".csv"));
    let label = name.clone();
    let onclick = Callback::from(move |_: MouseEvent| download(&name, "text/csv", &csv));
    export_button(testid, label.into(), None, onclick)
}

/// A button that downloads an SVG chart (`whatif-svg-<name>`).
pub fn svg_button(name: &str, svg: &str) -> Html {
    let (file, svg) = (format!("{name}.svg"), standalone_svg(svg));
    let testid = format!("whatif-svg-{name}");
    let onclick = Callback::from(move |_: MouseEvent| download(&file, "image/svg+xml", &svg));
    export_button(testid, "SVG".into(), None, onclick)
}

/// A button that downloads an SVG chart as a PNG at twice its size (`whatif-png-<name>`), as the main
/// charts do.
pub fn png_button(name: &str, svg: &str) -> Html {
    let (file, svg) = (format!("{name}.png"), svg.to_string());
    let testid = format!("whatif-png-{name}");
    let onclick = Callback::from(move |_: MouseEvent| download_png(&file, &svg));
    let title = Some("Download this chart as PNG at twice its size (for slides)");
    export_button(testid, "PNG".into(), title, onclick)
}

/// A download button of the panel.
fn export_button(
    testid: String,
    text: AttrValue,
    title: Option<&'static str>,
    onclick: Callback<MouseEvent>,
) -> Html {
    html! { <button type="button" class="ghost whatif-export" data-testid={testid} {title} {onclick}>{text}</button> }
}
