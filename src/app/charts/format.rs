//! Names and number formats of the figures, shared by charts, tables and the KPI cards.

use crate::sim::{Cause, Kpi, Series};

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

/// Which figure a number is: a KPI, a series, or another number of a known [`Kind`] (people reaching a
/// stage, a conversion rate…). It says how the number is formatted and, for KPIs and series, named.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Figure {
    /// A per-run figure.
    Kpi(Kpi),
    /// A per-period series.
    Series(Series),
    /// Any other number, of this kind.
    Other(Kind),
}

impl From<Kpi> for Figure {
    fn from(k: Kpi) -> Figure {
        Figure::Kpi(k)
    }
}

impl From<Series> for Figure {
    fn from(s: Series) -> Figure {
        Figure::Series(s)
    }
}

impl From<Kind> for Figure {
    fn from(k: Kind) -> Figure {
        Figure::Other(k)
    }
}

impl Figure {
    /// How the figure is measured.
    pub fn kind(self) -> Kind {
        match self {
            Figure::Kpi(k) => match k {
                Kpi::Purchased
                | Kpi::RetainedAtHorizon
                | Kpi::AdvocatesAtHorizon
                | Kpi::ReferredCustomers => Kind::Count,
                Kpi::Revenue | Kpi::Profit | Kpi::Clv => Kind::Money,
                Kpi::ViralCoefficient => Kind::Ratio,
                Kpi::Roi => Kind::Percent,
            },
            Figure::Series(s) => match s {
                Series::Active
                | Series::Advocates
                | Series::NewCustomers
                | Series::Referrals
                | Series::Prospects
                | Series::Entered
                | Series::Left => Kind::Count,
                Series::Revenue | Series::Profit | Series::Cost => Kind::Money,
            },
            Figure::Other(kind) => kind,
        }
    }
}

/// The kind of a KPI, a series or another figure.
pub fn kind(figure: impl Into<Figure>) -> Kind {
    figure.into().kind()
}

/// A readable name for a KPI, with money in euros: revenue → "Revenue (€)".
pub fn kpi_label(kpi: Kpi) -> String {
    kpi_label_with_currency(kpi, "€")
}

/// A readable name for a KPI, with money in `currency`.
pub fn kpi_label_with_currency(kpi: Kpi, currency: &str) -> String {
    let name = match kpi {
        Kpi::Purchased => "Customers who purchased",
        Kpi::RetainedAtHorizon => "Customers active at the horizon",
        Kpi::AdvocatesAtHorizon => "Advocates at the horizon",
        Kpi::ReferredCustomers => "Referred customers",
        Kpi::ViralCoefficient => "Viral coefficient",
        Kpi::Revenue => "Revenue",
        Kpi::Profit => "Profit",
        Kpi::Clv => "Customer lifetime value",
        Kpi::Roi => "ROI",
    };
    with_unit(name, kind(kpi), currency)
}

/// A readable name for a series, with money in `currency`: active → "Active customers".
pub fn series_label(series: Series, currency: &str) -> String {
    let name = match series {
        Series::Active => "Active customers",
        Series::Advocates => "Advocates",
        Series::NewCustomers => "New customers",
        Series::Referrals => "Referrals",
        Series::Revenue => "Revenue",
        Series::Prospects => "Prospects in the funnel",
        Series::Cost => "Cost",
        Series::Profit => "Profit",
        Series::Entered => "Entered the journey",
        Series::Left => "Left the journey",
    };
    with_unit(name, kind(series), currency)
}

/// A name with its unit: money in `currency`, percentages in %.
fn with_unit(name: &str, kind: Kind, currency: &str) -> String {
    match kind {
        Kind::Money => format!("{name} ({currency})"),
        Kind::Percent => format!("{name} (%)"),
        _ => name.to_string(),
    }
}

/// `text` with its first letter in upper case (std's full mapping): "week" → "Week", "år" → "År".
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// A value of a KPI, series or other figure for people: counts "12,345", money "€1.2M" / "€12,345" /
/// "€45.60", ratios "0.45", ROI and rates "23.4%"; NaN is "—".
pub fn format_value(figure: impl Into<Figure>, v: f64, currency: &str) -> String {
    if v.is_nan() {
        return "—".to_string();
    }
    if v.is_infinite() {
        return if v > 0.0 { "∞" } else { "-∞" }.to_string();
    }
    match kind(figure) {
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

/// A readable name for a drop-off cause: pain abandon → "abandoned after pain".
pub fn cause_label(cause: Cause) -> &'static str {
    match cause {
        Cause::NoConversion => "did not convert",
        Cause::PainAbandon => "abandoned after pain",
        Cause::ToleranceExceeded => "tolerance exceeded",
        Cause::Churn => "churned",
    }
}

/// Drop-off causes in display order (no conversion, pain abandon, tolerance exceeded, churn), each
/// once.
pub fn cause_order<'a>(causes: impl Iterator<Item = &'a Cause>) -> Vec<Cause> {
    const ORDER: [Cause; 4] = [
        Cause::NoConversion,
        Cause::PainAbandon,
        Cause::ToleranceExceeded,
        Cause::Churn,
    ];
    let present: Vec<Cause> = causes.copied().collect();
    ORDER.into_iter().filter(|c| present.contains(c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_values() {
        fn f(k: impl Into<Figure>, v: f64) -> String {
            format_value(k, v, "€")
        }
        assert_eq!(f(Kpi::Purchased, 12_345.4), "12,345");
        assert_eq!(f(Kpi::Purchased, 1_234_567.0), "1,234,567");
        assert_eq!(f(Series::Active, 3.25), "3.2");
        assert_eq!(f(Series::Active, 999.0), "999");
        assert_eq!(f(Kpi::Revenue, 1_234_567.0), "€1.2M");
        assert_eq!(f(Kpi::Revenue, 12_345.0), "€12,345");
        assert_eq!(f(Kpi::Clv, 45.6), "€45.60");
        assert_eq!(f(Kpi::Profit, -2_500.0), "-€2,500");
        assert_eq!(f(Kpi::Profit, 1e12), "€1T");
        assert_eq!(f(Kpi::Profit, 2.5e12), "€2.5T");
        assert_eq!(format_value(Kpi::Revenue, 12_345.0, "CHF"), "CHF 12,345");
        assert_eq!(f(Kpi::ViralCoefficient, 0.4567), "0.46");
        assert_eq!(f(Kpi::Roi, 0.234), "23.4%");
        assert_eq!(f(Kind::Percent, 0.5), "50.0%");
        assert_eq!(f(Kpi::Roi, f64::NAN), "—");
        assert_eq!(f(Kpi::Purchased, f64::NAN), "—");
        assert_eq!(f(Kpi::Purchased, f64::INFINITY), "∞");
        assert_eq!(f(Kpi::Purchased, 1e12), "1,000,000,000,000");
        assert_eq!(f(Kind::Number, 0.126), "0.13");
    }

    #[test]
    fn labels_and_axis_values() {
        assert_eq!(kpi_label(Kpi::Purchased), "Customers who purchased");
        assert_eq!(kpi_label(Kpi::Revenue), "Revenue (€)");
        assert_eq!(
            kpi_label_with_currency(Kpi::Clv, "$"),
            "Customer lifetime value ($)"
        );
        assert_eq!(kpi_label(Kpi::Roi), "ROI (%)");
        assert_eq!(series_label(Series::NewCustomers, "€"), "New customers");
        assert_eq!(series_label(Series::Cost, "$"), "Cost ($)");
        assert_eq!(cause_label(Cause::PainAbandon), "abandoned after pain");
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
