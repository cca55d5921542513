//! Undo/redo of edits: a bounded list of states with a cursor.
//!
//! [`History::push`] records a new state (ignoring one equal to the current state) and drops the redo
//! states; [`History::push_coalesced`] merges a burst of pushes with the same group key (typing in one
//! field) into one step while they come less than [`COALESCE_MS`] apart.

use std::collections::VecDeque;

/// Default number of undo steps kept.
pub const DEFAULT_CAPACITY: usize = 100;

/// Pushes of the same group closer together than this (in milliseconds) count as one step.
pub const COALESCE_MS: f64 = 1000.0;

/// The open coalescing group: its key and the time of its last push.
#[derive(Clone, Debug, PartialEq)]
struct Group {
    /// The group key, such as a field's path.
    key: String,
    /// Time of the group's last push, in milliseconds.
    last_ms: f64,
}

/// Undo/redo history of values of `T` (such as the scenario being edited).
#[derive(Clone, Debug, PartialEq)]
pub struct History<T: Clone + PartialEq> {
    /// States from oldest to newest; never empty.
    states: VecDeque<T>,
    /// Index of the current state in `states`.
    cursor: usize,
    /// Most undo steps kept.
    capacity: usize,
    /// The group the current state belongs to, while it can still absorb pushes.
    group: Option<Group>,
}

impl<T: Clone + PartialEq> History<T> {
    /// A history whose current state is `initial`, keeping [`DEFAULT_CAPACITY`] undo steps.
    pub fn new(initial: T) -> Self {
        Self::with_capacity(initial, DEFAULT_CAPACITY)
    }

    /// A history keeping up to `capacity` undo steps (at least 1).
    pub fn with_capacity(initial: T, capacity: usize) -> Self {
        History {
            states: VecDeque::from([initial]),
            cursor: 0,
            capacity: capacity.max(1),
            group: None,
        }
    }

    /// The current state.
    pub fn current(&self) -> &T {
        &self.states[self.cursor]
    }

    /// Most undo steps kept.
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// Number of steps [`undo`](Self::undo) can go back.
    pub fn undo_steps(&self) -> usize {
        self.cursor
    }

    /// Number of steps [`redo`](Self::redo) can go forward.
    pub fn redo_steps(&self) -> usize {
        self.states.len() - 1 - self.cursor
    }

    /// Whether there is a state to go back to.
    pub fn can_undo(&self) -> bool {
        self.cursor > 0
    }

    /// Whether there is an undone state to go forward to.
    pub fn can_redo(&self) -> bool {
        self.cursor + 1 < self.states.len()
    }

    /// Records `value` as a new step; returns `false` (and does nothing) if it equals the current state.
    /// Drops any redo states, and the oldest state when more than `capacity` steps would be kept.
    pub fn push(&mut self, value: T) -> bool {
        self.group = None;
        self.push_step(value)
    }

    /// Records `value`, merging it into the current step if the previous push had the same `group_key`
    /// (such as a field's path) and came less than [`COALESCE_MS`] before `now_ms`. Returns whether the
    /// history changed. Typing back to the state before the burst removes the step.
    pub fn push_coalesced(&mut self, value: T, group_key: &str, now_ms: f64) -> bool {
        if !self.joins_group(group_key, now_ms) {
            let pushed = self.push_step(value);
            if pushed {
                self.group = Some(Group {
                    key: group_key.to_string(),
                    last_ms: now_ms,
                });
            }
            return pushed;
        }
        self.group = Some(Group {
            key: group_key.to_string(),
            last_ms: now_ms,
        });
        if value == self.states[self.cursor] {
            return false;
        }
        if value == self.states[self.cursor - 1] {
            self.states.truncate(self.cursor);
            self.cursor -= 1;
            self.group = None;
        } else {
            self.states[self.cursor] = value;
        }
        true
    }

    /// Whether a push with `key` at `now_ms` merges into the current step.
    fn joins_group(&self, key: &str, now_ms: f64) -> bool {
        let at_end = self.cursor > 0 && !self.can_redo();
        let recent = |g: &Group| g.key == key && (0.0..COALESCE_MS).contains(&(now_ms - g.last_ms));
        at_end && self.group.as_ref().is_some_and(recent)
    }

    /// Appends a step after the cursor.
    fn push_step(&mut self, value: T) -> bool {
        if value == self.states[self.cursor] {
            return false;
        }
        self.states.truncate(self.cursor + 1);
        self.states.push_back(value);
        self.cursor += 1;
        while self.states.len() > self.capacity + 1 {
            self.states.pop_front();
            self.cursor -= 1;
        }
        true
    }

    /// Goes back one step and returns the state there, or `None` at the oldest state.
    pub fn undo(&mut self) -> Option<&T> {
        self.group = None;
        if !self.can_undo() {
            return None;
        }
        self.cursor -= 1;
        Some(&self.states[self.cursor])
    }

    /// Goes forward one undone step and returns the state there, or `None` if nothing was undone.
    pub fn redo(&mut self) -> Option<&T> {
        self.group = None;
        if !self.can_redo() {
            return None;
        }
        self.cursor += 1;
        Some(&self.states[self.cursor])
    }

    /// Ends the open coalescing group, so the next push is a step of its own (call on blur).
    pub fn close_group(&mut self) {
        self.group = None;
    }

    /// Forgets every step: `value` becomes the only state (after opening another scenario).
    pub fn reset(&mut self, value: T) {
        self.states.clear();
        self.states.push_back(value);
        self.cursor = 0;
        self.group = None;
    }
}
