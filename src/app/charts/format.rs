//! Names and number formats of the figures, shared by charts, tables and the KPI cards.

use crate::sim::order::sort_stable_by;
use crate::sim::Cause;

/// How a figure is measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// People.
    Count,
    /// Money.
    Money,
    /// A plain ratio shown with two decimals.
    Ratio,
    /// A fraction shown as a percentage.
    Percent,
    /// Anything else.
    Number,
}

/// The kind of a KPI or series name.
pub fn kind(kpi: &str) -> Kind {
    match kpi {
        "purchased"
        | "retained_at_horizon"
        | "advocates_at_horizon"
        | "referred_customers"
        | "active"
        | "advocates"
        | "new_customers"
        | "referrals"
        | "prospects"
        | "entered"
        | "left"
        | "reached"
        | "customers" => Kind::Count,
        "revenue" | "profit" | "clv" | "cost" => Kind::Money,
        "viral_coefficient" => Kind::Ratio,
        k if k == "roi" || k.ends_with("_rate") || k.ends_with("_share") => Kind::Percent,
        _ => Kind::Number,
    }
}

/// A readable name for a KPI or series, with money in euros: "revenue" → "Revenue (€)".
pub fn kpi_label(kpi: &str) -> String {
    kpi_label_with_currency(kpi, "€")
}

/// A readable name for a KPI or series, with money in `currency`.
pub fn kpi_label_with_currency(kpi: &str, currency: &str) -> String {
    let name = match kpi {
        "purchased" => "Customers who purchased",
        "retained_at_horizon" => "Customers active at the horizon",
        "advocates_at_horizon" => "Advocates at the horizon",
        "referred_customers" => "Referred customers",
        "viral_coefficient" => "Viral coefficient",
        "revenue" => "Revenue",
        "profit" => "Profit",
        "clv" => "Customer lifetime value",
        "roi" => "ROI",
        "active" => "Active customers",
        "advocates" => "Advocates",
        "new_customers" => "New customers",
        "referrals" => "Referrals",
        "prospects" => "Prospects in the funnel",
        "cost" => "Cost",
        "entered" => "Entered the journey",
        "left" => "Left the journey",
        other => return humanise(other),
    };
    match kind(kpi) {
        Kind::Money => format!("{name} ({currency})"),
        Kind::Percent => format!("{name} (%)"),
        _ => name.to_string(),
    }
}

/// "some_name" → "Some name".
fn humanise(key: &str) -> String {
    capitalise(&key.replace('_', " "))
}

/// `text` with its first letter in upper case (std's full mapping): "week" → "Week", "år" → "År".
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// A value of a KPI or series for people: counts "12,345", money "€1.2M" / "€12,345" / "€45.60",
/// ratios "0.45", ROI and rates "23.4%"; NaN is "—".
pub fn format_value(kpi: &str, v: f64, currency: &str) -> String {
    if v.is_nan() {
        return "—".to_string();
    }
    if v.is_infinite() {
        return if v > 0.0 { "∞" } else { "-∞" }.to_string();
    }
    match kind(kpi) {
        Kind::Count if v.abs() < 10.0 && v.fract() != 0.0 => format!("{v:.1}"),
        Kind::Count => group(v),
        Kind::Money => money(v, currency),
        Kind::Ratio => format!("{v:.2}"),
        Kind::Percent => format!("{:.1}%", v * 100.0),
        Kind::Number if v.abs() >= 1000.0 => group(v),
        Kind::Number => trim(format!("{v:.2}")),
    }
}

/// Money: compact from a million, whole units from a hundred, cents below.
fn money(v: f64, currency: &str) -> String {
    let a = v.abs();
    let digits = if a >= 1e6 {
        compact(a, 1)
    } else if a >= 100.0 {
        group(a)
    } else {
        format!("{a:.2}")
    };
    let sign = if v < 0.0 && digits.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "-"
    } else {
        ""
    };
    format!("{sign}{}{digits}", currency_prefix(currency))
}

/// "€" stays as is; a code such as "CHF" gets a space.
fn currency_prefix(currency: &str) -> String {
    if currency.chars().count() > 1 && currency.chars().all(char::is_alphabetic) {
        format!("{currency} ")
    } else {
        currency.to_string()
    }
}

/// Rounds to a whole number with thousands separators: 12345.4 → "12,345".
pub fn group(v: f64) -> String {
    let r = v.round();
    let digits = format!("{:.0}", r.abs());
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if r < 0.0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A non-negative value with a k/M/B/T suffix and up to `decimals` decimals: 1234567 → "1.2M".
fn compact(a: f64, decimals: usize) -> String {
    const SUFFIXES: [&str; 5] = ["", "k", "M", "B", "T"];
    if a >= 1e15 {
        return format!("{a:.1e}");
    }
    let unit = 10f64.powi(decimals as i32);
    let (mut scaled, mut i) = (a, 0);
    while i + 1 < SUFFIXES.len() && (scaled * unit).round() / unit >= 1000.0 {
        scaled /= 1000.0;
        i += 1;
    }
    format!("{}{}", trim(format!("{scaled:.decimals$}")), SUFFIXES[i])
}

/// Drops trailing zeros after a decimal point: "12.50" → "12.5", "3.00" → "3".
fn trim(s: String) -> String {
    if !s.contains('.') || s.contains('e') {
        return s;
    }
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A short axis tick label: "0", "2.5", "12k", "€1.5M", "25%".
pub fn axis_value(kind: Kind, v: f64, currency: &str) -> String {
    if !v.is_finite() {
        return String::new();
    }
    let (v, suffix) = match kind {
        Kind::Percent => (v * 100.0, "%"),
        _ => (v, ""),
    };
    let digits = compact(v.abs(), 2);
    let sign = if v < 0.0 && digits != "0" { "-" } else { "" };
    match kind {
        Kind::Money => format!("{sign}{}{digits}", currency_prefix(currency)),
        _ => format!("{sign}{digits}{suffix}"),
    }
}

/// A plain number for tables: no separators, at most `decimals` decimals, NaN "—".
pub fn plain(v: f64, decimals: usize) -> String {
    if v.is_nan() {
        return "—".to_string();
    }
    let s = trim(format!("{v:.decimals$}"));
    if s == "-0" {
        "0".to_string()
    } else {
        s
    }
}

/// A readable name for a drop-off cause: "pain_abandon" → "abandoned after pain".
pub fn cause_label(cause: &str) -> String {
    match cause {
        "no_conversion" => "did not convert".to_string(),
        "pain_abandon" => "abandoned after pain".to_string(),
        "tolerance_exceeded" => "tolerance exceeded".to_string(),
        "churn" => "churned".to_string(),
        other => humanise(other).to_ascii_lowercase(),
    }
}

/// Drop-off causes in display order: the known ones first, then any others by name.
pub fn cause_order<'a>(causes: impl Iterator<Item = &'a Cause>) -> Vec<&'a str> {
    const KNOWN: [&str; 4] = [
        "no_conversion",
        "pain_abandon",
        "tolerance_exceeded",
        "churn",
    ];
    let mut out: Vec<&str> = causes.map(|c| c.name()).collect();
    let rank = |c: &str| KNOWN.iter().position(|k| *k == c).unwrap_or(KNOWN.len());
    sort_stable_by(&mut out, |a, b| rank(a).cmp(&rank(b)).then(a.cmp(b)));
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_values() {
        let f = |k, v| format_value(k, v, "€");
        assert_eq!(f("purchased", 12_345.4), "12,345");
        assert_eq!(f("purchased", 1_234_567.0), "1,234,567");
        assert_eq!(f("active", 3.25), "3.2");
        assert_eq!(f("active", 999.0), "999");
        assert_eq!(f("revenue", 1_234_567.0), "€1.2M");
        assert_eq!(f("revenue", 12_345.0), "€12,345");
        assert_eq!(f("clv", 45.6), "€45.60");
        assert_eq!(f("profit", -2_500.0), "-€2,500");
        assert_eq!(f("profit", 1e12), "€1T");
        assert_eq!(f("profit", 2.5e12), "€2.5T");
        assert_eq!(format_value("revenue", 12_345.0, "CHF"), "CHF 12,345");
        assert_eq!(f("viral_coefficient", 0.4567), "0.46");
        assert_eq!(f("roi", 0.234), "23.4%");
        assert_eq!(f("conversion_rate", 0.5), "50.0%");
        assert_eq!(f("roi", f64::NAN), "—");
        assert_eq!(f("purchased", f64::NAN), "—");
        assert_eq!(f("purchased", f64::INFINITY), "∞");
        assert_eq!(f("purchased", 1e12), "1,000,000,000,000");
        assert_eq!(f("something", 0.126), "0.13");
    }

    #[test]
    fn labels_and_axis_values() {
        assert_eq!(kpi_label("purchased"), "Customers who purchased");
        assert_eq!(kpi_label("revenue"), "Revenue (€)");
        assert_eq!(
            kpi_label_with_currency("clv", "$"),
            "Customer lifetime value ($)"
        );
        assert_eq!(kpi_label("roi"), "ROI (%)");
        assert_eq!(kpi_label("new_thing"), "New thing");
        assert_eq!(kpi_label(""), "");
        assert_eq!(cause_label("pain_abandon"), "abandoned after pain");
        assert_eq!(axis_value(Kind::Count, 12_500.0, ""), "12.5k");
        assert_eq!(axis_value(Kind::Count, 999_999.0, ""), "1M");
        assert_eq!(axis_value(Kind::Money, -1.5e6, "€"), "-€1.5M");
        assert_eq!(axis_value(Kind::Percent, 0.25, ""), "25%");
        assert_eq!(axis_value(Kind::Count, 2e15, ""), "2.0e15");
        assert_eq!(axis_value(Kind::Count, f64::NAN, ""), "");
        assert_eq!(plain(-0.01, 1), "0");
        assert_eq!(plain(12.50, 2), "12.5");
    }
}
