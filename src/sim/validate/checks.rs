//! Field-level rules shared by every part of a scenario: numbers, probabilities, rates, texts, references.
//!
//! Each rule records at most one [`Problem`] per field (two for a range whose ends are both not numbers)
//! and never panics, whatever the input.

use super::Problem;
use crate::sim::limits::{MAX_REFERRAL_RATE, MAX_TEXT, MAX_TOLERANCE, MAX_TRIALS};
use crate::sim::scenario::Tolerance;
use crate::sim::uncertain::{fmt_num, fmt_pct, Prob, Rate};

/// How far a set of shares may be from 100% and still count as adding up.
pub(super) const SHARE_TOLERANCE: f64 = 1e-6;

/// Records one problem at `path`.
pub(super) fn push(out: &mut Vec<Problem>, path: &str, message: impl Into<String>) {
    out.push(Problem::new(path, message));
}

/// A number for messages: [`fmt_num`] with thousands separators; very large or very small magnitudes
/// (which `fmt_num` would print as hundreds of digits, or as 0) in scientific notation.
pub(super) fn num(x: f64) -> String {
    let a = x.abs();
    if !x.is_finite() || x == 0.0 {
        fmt_num(x)
    } else if !(1e-4..1e15).contains(&a) {
        sci(x)
    } else {
        group(&fmt_num(x))
    }
}

/// Scientific notation with up to 4 significant digits: 1.5e302, -1e-5.
fn sci(x: f64) -> String {
    let s = format!("{x:.3e}");
    match s.split_once('e') {
        Some((mantissa, exp)) if mantissa.contains('.') => {
            let mantissa = mantissa.trim_end_matches('0').trim_end_matches('.');
            format!("{mantissa}e{exp}")
        }
        _ => s,
    }
}

/// A fraction as a percentage for messages: [`fmt_pct`], with [`num`]'s care for extreme magnitudes.
pub(super) fn pct(x: f64) -> String {
    let a = (x * 100.0).abs();
    if x.is_finite() && a != 0.0 && !(1e-4..1e15).contains(&a) {
        format!("{}%", num(x * 100.0))
    } else {
        fmt_pct(x)
    }
}

/// [`num`] of `x`, in full when rounding would make it look like the `bound` it breaks (0.99999 → "0.99999",
/// not "1", next to "at least 1").
pub(super) fn num_vs(x: f64, bound: f64) -> String {
    let shown = num(x);
    if x != bound && shown == num(bound) {
        format!("{x}")
    } else {
        shown
    }
}

/// [`pct`] of `x`, in full when rounding would make it look like the `bound` it breaks.
pub(super) fn pct_vs(x: f64, bound: f64) -> String {
    let shown = pct(x);
    if x != bound && shown == pct(bound) {
        format!("{}%", x * 100.0)
    } else {
        shown
    }
}

/// A whole number for messages, with thousands separators: 10000 → "10,000".
pub(super) fn count(n: u64) -> String {
    group(&n.to_string())
}

/// Inserts thousands separators into the integer part of a plain decimal number.
fn group(s: &str) -> String {
    let (sign, rest) = s.strip_prefix('-').map_or(("", s), |r| ("-", r));
    let (int, frac) = rest.split_once('.').map_or((rest, ""), |(i, f)| (i, f));
    if int.len() < 4 || !int.bytes().all(|b| b.is_ascii_digit()) {
        return s.to_string();
    }
    let mut grouped = String::with_capacity(int.len() + int.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let dot = if frac.is_empty() { "" } else { "." };
    format!("{sign}{grouped}{dot}{frac}")
}

/// `count` followed by a noun in singular or plural: (1, "stage") → "1 stage", (4, "stage") → "4 stages".
pub(super) fn plural(n: u64, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{} {noun}s", count(n))
    }
}

/// Whether `x` is a finite number; records "must be a number, got NaN" (or infinity) otherwise.
pub(super) fn finite(out: &mut Vec<Problem>, path: &str, x: f64) -> bool {
    if !x.is_finite() {
        push(out, path, format!("must be a number, got {}", fmt_num(x)));
    }
    x.is_finite()
}

/// A plain probability: a finite number in [0, 1].
pub(super) fn fraction(out: &mut Vec<Problem>, path: &str, x: f64) {
    if finite(out, path, x) && !(0.0..=1.0).contains(&x) {
        let bound = if x < 0.0 { 0.0 } else { 1.0 };
        let msg = format!("must be between 0% and 100%, got {}", pct_vs(x, bound));
        push(out, path, msg);
    }
}

/// A finite number in [lo, hi] (multipliers, money, Beta shapes).
pub(super) fn between(out: &mut Vec<Problem>, path: &str, x: f64, lo: f64, hi: f64) {
    if finite(out, path, x) && !(lo..=hi).contains(&x) {
        let shown = num_vs(x, if x < lo { lo } else { hi });
        let msg = format!("must be between {} and {}, got {shown}", num(lo), num(hi));
        push(out, path, msg);
    }
}

/// An uncertain probability: a point in [0, 1], a fittable 90% range inside (0, 1), or "x of n" counts.
pub(super) fn prob(out: &mut Vec<Problem>, path: &str, p: &Prob) {
    match *p {
        Prob::Point(x) => fraction(out, path, x),
        Prob::Range { low, high } => prob_range(out, path, p, low, high),
        Prob::Observed { observed, of } => observed_counts(out, path, observed, of),
    }
}

/// The rules for a 90% range of a probability, ending with the fit itself.
fn prob_range(out: &mut Vec<Problem>, path: &str, p: &Prob, low: f64, high: f64) {
    let low_ok = finite(out, &format!("{path}.low"), low);
    let high_ok = finite(out, &format!("{path}.high"), high);
    if !(low_ok && high_ok) {
        return;
    }
    if low >= high {
        let msg = format!(
            "the low end ({}) must be below the high end ({})",
            pct(low),
            pct(high)
        );
        push(out, path, msg);
    } else if low <= 0.0 || high >= 1.0 {
        let msg = format!(
            "a 90% range must lie strictly between 0% and 100%, got {} to {}",
            pct(low),
            pct(high)
        );
        push(out, path, msg);
    } else if let Err(e) = p.dist() {
        push(out, path, e.to_string());
    }
}

/// The rules for observed counts "`observed` of `of`".
fn observed_counts(out: &mut Vec<Problem>, path: &str, observed: u64, of: u64) {
    if of > MAX_TRIALS {
        let msg = format!(
            "at most {} observed trials, got {}",
            count(MAX_TRIALS),
            count(of)
        );
        push(out, path, msg);
    } else if of == 0 {
        push(out, path, "needs at least one observed trial");
    } else if observed > of {
        let msg = format!(
            "observed successes ({}) cannot exceed trials ({})",
            count(observed),
            count(of)
        );
        push(out, path, msg);
    }
}

/// An uncertain rate: a point in [0, MAX_REFERRAL_RATE] or a 90% range with 0 < low < high ≤ the maximum.
pub(super) fn rate(out: &mut Vec<Problem>, path: &str, r: &Rate) {
    let (low, high) = match *r {
        Rate::Point(x) => return between(out, path, x, 0.0, MAX_REFERRAL_RATE),
        Rate::Range { low, high } => (low, high),
    };
    let low_ok = finite(out, &format!("{path}.low"), low);
    let high_ok = finite(out, &format!("{path}.high"), high);
    if !(low_ok && high_ok) {
        return;
    }
    if low >= high {
        let msg = format!(
            "the low end ({}) must be below the high end ({})",
            num(low),
            num(high)
        );
        push(out, path, msg);
    } else if low <= 0.0 || high > MAX_REFERRAL_RATE {
        let msg = format!(
            "a 90% range must lie above 0 and at most {}, got {} to {}",
            num(MAX_REFERRAL_RATE),
            num(low),
            num(high)
        );
        push(out, path, msg);
    }
}

/// A name: not blank, at most [`MAX_TEXT`] characters.
pub(super) fn name(out: &mut Vec<Problem>, path: &str, text: &str) {
    if text.trim().is_empty() {
        push(out, path, "must not be empty");
    } else {
        label(out, path, text);
    }
}

/// A label (may be empty): at most [`MAX_TEXT`] characters.
pub(super) fn label(out: &mut Vec<Problem>, path: &str, text: &str) {
    text_at_most(out, path, text, MAX_TEXT);
}

/// Any text: at most `max` characters.
pub(super) fn text_at_most(out: &mut Vec<Problem>, path: &str, text: &str, max: usize) {
    let n = text.chars().count();
    if n > max {
        let msg = format!("at most {max} characters, got {}", count(n as u64));
        push(out, path, msg);
    }
}

/// A list of at most `max` items, called `nouns` in the message ("at most 12 stages, got 13").
pub(super) fn list_at_most(out: &mut Vec<Problem>, path: &str, n: usize, max: usize, nouns: &str) {
    if n > max {
        push(
            out,
            path,
            format!("at most {max} {nouns}, got {}", count(n as u64)),
        );
    }
}

/// A reference to a funnel stage by index.
pub(super) fn stage_ref(out: &mut Vec<Problem>, path: &str, index: usize, n_stages: usize) {
    if index >= n_stages {
        let has = match n_stages {
            0 => "no stages".to_string(),
            n => plural(n as u64, "stage"),
        };
        let msg = format!(
            "refers to stage {}, but the journey has {has}",
            count(index as u64)
        );
        push(out, path, msg);
    }
}

/// Shares that must add up to 100% (checked only when every share is a number).
pub(super) fn shares_sum(out: &mut Vec<Problem>, path: &str, shares: &[f64]) {
    if shares.is_empty() || !shares.iter().all(|x| x.is_finite()) {
        return;
    }
    let sum: f64 = shares.iter().sum();
    if (sum - 1.0).abs() > SHARE_TOLERANCE || sum.is_nan() {
        push(
            out,
            path,
            format!("shares must add up to 100%, got {}", pct(sum)),
        );
    }
}

/// A tolerance distribution at `path` (e.g. `tolerance`): 1 to [`MAX_TOLERANCE`] shares adding up to 100%.
pub(super) fn tolerance(out: &mut Vec<Problem>, path: &str, t: &Tolerance) {
    let path = format!("{path}.leave_after");
    let n = t.leave_after.len();
    if n == 0 {
        return push(out, &path, "needs at least one entry");
    }
    list_at_most(out, &path, n, MAX_TOLERANCE, "entries");
    for (i, &x) in t.leave_after.iter().enumerate() {
        fraction(out, &format!("{path}[{i}]"), x);
    }
    shares_sum(out, &path, &t.leave_after);
}
