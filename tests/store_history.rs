//! Undo/redo: many steps, capacity, equal values ignored, redo dropped by a new edit, coalescing.

use journey_sim::store::history::{History, COALESCE_MS, DEFAULT_CAPACITY};

#[test]
fn sixty_steps_undo_and_redo() {
    let mut h = History::new(0);
    for v in 1..=60 {
        assert!(h.push(v));
    }
    assert_eq!(h.undo_steps(), 60);
    for v in (0..60).rev() {
        assert_eq!(h.undo(), Some(&v));
    }
    assert!(!h.can_undo());
    assert_eq!(h.undo(), None);
    for v in 1..=60 {
        assert_eq!(h.redo(), Some(&v));
    }
    assert!(!h.can_redo());
    assert_eq!(h.redo(), None);
    assert_eq!(*h.current(), 60);
}

#[test]
fn capacity_keeps_the_newest_steps() {
    let mut h = History::new(0);
    assert_eq!(h.capacity(), DEFAULT_CAPACITY);
    for v in 1..=150 {
        h.push(v);
    }
    assert_eq!(h.undo_steps(), 100);
    while h.undo().is_some() {}
    assert_eq!(*h.current(), 50);
    let mut small = History::with_capacity("a".to_string(), 50);
    for i in 0..80 {
        small.push(format!("s{i}"));
    }
    assert_eq!(small.undo_steps(), 50);
}

#[test]
fn equal_values_are_not_steps() {
    let mut h = History::new(1);
    assert!(!h.push(1));
    assert!(h.push(2));
    assert!(!h.push(2));
    assert_eq!(h.undo_steps(), 1);
}

#[test]
fn a_new_edit_drops_the_redo_steps() {
    let mut h = History::new(0);
    h.push(1);
    h.push(2);
    h.undo();
    assert!(h.can_redo());
    h.push(5);
    assert!(!h.can_redo());
    assert_eq!(h.undo(), Some(&1));
    h.reset(9);
    assert!(!h.can_undo() && !h.can_redo());
    assert_eq!(*h.current(), 9);
}

#[test]
fn a_burst_of_typing_is_one_step() {
    let mut h = History::new(String::new());
    let mut t = 0.0;
    for text in ["4", "45", "450", "4500"] {
        assert!(h.push_coalesced(text.to_string(), "stages[0].conversion", t));
        t += 300.0;
    }
    assert_eq!(h.undo_steps(), 1);
    assert_eq!(h.current(), "4500");
    // Another field starts another step.
    h.push_coalesced("x".into(), "meta.name", t);
    assert_eq!(h.undo_steps(), 2);
    // The same field after a pause starts another step.
    t += COALESCE_MS + 1.0;
    h.push_coalesced("xy".into(), "meta.name", t);
    assert_eq!(h.undo_steps(), 3);
    assert_eq!(h.undo().map(String::as_str), Some("x"));
    assert_eq!(h.undo().map(String::as_str), Some("4500"));
    assert_eq!(h.undo().map(String::as_str), Some(""));
}

#[test]
fn coalescing_stops_at_undo_blur_and_plain_pushes() {
    let mut h = History::new(0);
    h.push_coalesced(1, "f", 0.0);
    h.push_coalesced(2, "f", 10.0);
    h.undo();
    h.push_coalesced(3, "f", 20.0);
    assert_eq!(
        h.undo_steps(),
        1,
        "after undo a push is a new step replacing the redo"
    );
    h.close_group();
    h.push_coalesced(4, "f", 30.0);
    assert_eq!(h.undo_steps(), 2);
    h.push(5);
    h.push_coalesced(6, "f", 40.0);
    assert_eq!(h.undo_steps(), 4);
}

#[test]
fn typing_back_to_the_start_removes_the_step() {
    let mut h = History::new("ab".to_string());
    h.push_coalesced("abc".into(), "f", 0.0);
    h.push_coalesced("ab".into(), "f", 100.0);
    assert!(!h.can_undo());
    assert_eq!(h.current(), "ab");
    h.push_coalesced("abd".into(), "f", 200.0);
    assert_eq!(h.undo_steps(), 1);
}
