//! The reducer's undo/redo and scenario loading, natively (no browser needed).

use std::rc::Rc;

use journey_sim::app::fields::Field;
use journey_sim::app::state::{EditAction, EditState, Notice};
use journey_sim::sim::templates::default_scenario;
use yew::Reducible;

fn reduce(s: Rc<EditState>, a: EditAction) -> Rc<EditState> {
    s.reduce(a)
}

#[test]
fn sixty_edits_undo_fifty_five_steps_and_redo() {
    let mut s = Rc::new(EditState::default());
    for i in 0..60u64 {
        // Alternating fields: each edit is a step of its own.
        let field = if i % 2 == 0 {
            Field::Seed
        } else {
            Field::Horizon
        };
        let text = if i % 2 == 0 {
            format!("{}", 100 + i)
        } else {
            format!("{}", 10 + i / 2)
        };
        s = reduce(s, EditAction::Set(field, text));
    }
    let last = s.scenario.clone();
    assert!(s.history.undo_steps() >= 55, "{}", s.history.undo_steps());
    for _ in 0..55 {
        s = reduce(s, EditAction::Undo);
    }
    assert_eq!(s.history.redo_steps(), 55);
    assert_ne!(s.scenario, last);
    for _ in 0..55 {
        s = reduce(s, EditAction::Redo);
    }
    assert_eq!(s.scenario, last);
}

#[test]
fn typing_in_one_field_is_one_step_and_loading_is_undoable() {
    let mut s = Rc::new(EditState::default());
    let start = s.scenario.clone();
    for text in ["4", "42", "424"] {
        s = reduce(s, EditAction::Set(Field::Seed, text.into()));
    }
    assert_eq!(s.history.undo_steps(), 1);
    let mut other = default_scenario();
    other.meta.name = "Other".into();
    s = reduce(
        s,
        EditAction::LoadScenario {
            scenario: Box::new(other.clone()),
            notice: Some(Notice::info("Opened")),
        },
    );
    assert_eq!(s.scenario, other);
    assert!(s.notice.is_some());
    s = reduce(s, EditAction::Undo);
    assert_eq!(s.scenario.meta.seed, 424);
    s = reduce(s, EditAction::Undo);
    assert_eq!(s.scenario, start);
    let revision = s.revision;
    s = reduce(s, EditAction::Undo);
    assert_eq!(s.revision, revision, "nothing left to undo");
}
