//! Value stability: a small fixed scenario's summary figures are pinned, so any change to the random
//! streams, the order of draws or the model shows up here. Update the pins only for an intended change.

#[path = "support/pinned.rs"]
mod pinned;

use pinned::{pinned_figures, pinned_summary, PINNED};

#[test]
fn pinned_figures_do_not_change() {
    let figures = pinned_figures(&pinned_summary());
    for ((name, got), want) in figures.iter().zip(PINNED) {
        println!("{name} = {got:?}");
        if std::env::var("PRINT_PINS").is_ok() {
            continue; // PRINT_PINS=1 cargo test --test engine_stability -- --nocapture prints new pins
        }
        assert!(
            (got - want).abs() <= 1e-9 * want.abs().max(1.0),
            "{name}: {got:?}, pinned {want:?}"
        );
    }
}
