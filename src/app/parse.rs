//! Parsing and formatting of typed text: numbers, percentages, whole numbers, probabilities and rates.
//!
//! Probabilities are typed as percentages: a point (`40`), a 90% range (`30 – 50`) or observed counts
//! (`12 of 40`). Errors are sentences for the planner; nothing here panics.

use crate::sim::uncertain::fmt_num;
use crate::sim::{Prob, Rate};

/// Parses a decimal number; accepts a decimal comma and ignores spaces and `_`.
pub fn number(text: &str) -> Result<f64, String> {
    let t: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_')
        .collect();
    let t = if t.contains(',') && !t.contains('.') {
        t.replace(',', ".")
    } else {
        t.replace(',', "")
    };
    if t.is_empty() {
        return Err("enter a number".into());
    }
    match t.parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(x),
        _ => Err(format!("“{}” is not a number", text.trim())),
    }
}

/// Parses a percentage (with or without `%`) into a fraction.
pub fn percent(text: &str) -> Result<f64, String> {
    number(text.trim().trim_end_matches('%')).map(|x| x / 100.0)
}

/// Parses a whole number ≥ 0.
pub fn count(text: &str) -> Result<u64, String> {
    let x = number(text)?;
    if x < 0.0 || x.fract() != 0.0 || x > 9.0e15 {
        return Err(format!("“{}” is not a whole number ≥ 0", text.trim()));
    }
    Ok(x as u64)
}

/// Splits "a – b", "a-b", "a to b" into its two ends, if the text is a range.
fn split_range(text: &str) -> Option<(&str, &str)> {
    for sep in ['–', '—'] {
        if let Some((a, b)) = text.split_once(sep) {
            return Some((a, b));
        }
    }
    if let Some((a, b)) = text.split_once(" to ") {
        return Some((a, b));
    }
    let t = text.trim_start();
    let skip = text.len() - t.len() + usize::from(t.starts_with('-'));
    text[skip..]
        .find('-')
        .map(|i| (&text[..skip + i], &text[skip + i + 1..]))
}

/// Parses a probability typed as a percentage, a 90% range of percentages, or "x of n".
pub fn prob(text: &str) -> Result<Prob, String> {
    let t = text.trim();
    if let Some((x, n)) = t.split_once(" of ") {
        let (x, n) = (count(x)?, count(n)?);
        return Ok(Prob::Observed { observed: x, of: n });
    }
    if let Some((a, b)) = split_range(t) {
        return Ok(Prob::Range {
            low: percent(a)?,
            high: percent(b)?,
        });
    }
    percent(t).map(Prob::Point)
}

/// Shows a probability the way [`prob`] reads it.
pub fn prob_text(p: &Prob) -> String {
    match *p {
        Prob::Point(x) => fmt_num(x * 100.0),
        Prob::Range { low, high } => {
            format!("{} – {}", fmt_num(low * 100.0), fmt_num(high * 100.0))
        }
        Prob::Observed { observed, of } => format!("{observed} of {of}"),
    }
}

/// A short description of how a probability was entered, with its mean.
pub fn prob_hint(p: &Prob) -> String {
    match p {
        Prob::Point(_) => String::new(),
        Prob::Range { .. } => format!("90% range, mean {}%", fmt_num(round2(p.central() * 100.0))),
        Prob::Observed { .. } => {
            format!("observed, mean {}%", fmt_num(round2(p.central() * 100.0)))
        }
    }
}

/// Parses a rate: a number or a 90% range of numbers.
pub fn rate(text: &str) -> Result<Rate, String> {
    let t = text.trim();
    if let Some((a, b)) = split_range(t) {
        return Ok(Rate::Range {
            low: number(a)?,
            high: number(b)?,
        });
    }
    number(t).map(Rate::Point)
}

/// Shows a rate the way [`rate`] reads it.
pub fn rate_text(r: &Rate) -> String {
    match *r {
        Rate::Point(x) => fmt_num(x),
        Rate::Range { low, high } => format!("{} – {}", fmt_num(low), fmt_num(high)),
    }
}

/// A fraction shown as a percentage number (no sign).
pub fn pct_text(x: f64) -> String {
    fmt_num(x * 100.0)
}

/// Rounds to two decimals.
pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_form() {
        assert_eq!(prob("40").unwrap(), Prob::Point(0.4));
        assert_eq!(prob("12.5%").unwrap(), Prob::Point(0.125));
        assert_eq!(
            prob("20 – 30").unwrap(),
            Prob::Range {
                low: 0.2,
                high: 0.3
            }
        );
        assert_eq!(
            prob("20-30").unwrap(),
            Prob::Range {
                low: 0.2,
                high: 0.3
            }
        );
        assert_eq!(
            prob("12 of 40").unwrap(),
            Prob::Observed {
                observed: 12,
                of: 40
            }
        );
        assert_eq!(prob("-5").unwrap(), Prob::Point(-0.05));
        assert!(prob("abc").is_err());
        assert!(prob("").is_err());
        assert!(count("1.5").is_err());
        assert_eq!(number("1,5").unwrap(), 1.5);
        assert_eq!(
            rate("0.1 - 0.4").unwrap(),
            Rate::Range {
                low: 0.1,
                high: 0.4
            }
        );
        for p in [
            Prob::Point(0.07),
            Prob::Range {
                low: 0.2,
                high: 0.35,
            },
            Prob::Observed { observed: 3, of: 9 },
        ] {
            assert_eq!(prob(&prob_text(&p)).unwrap(), p);
        }
    }
}
