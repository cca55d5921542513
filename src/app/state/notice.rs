//! Notices: the message shown above the editor (an opened link or file, a save, a failure).

/// How a notice is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// Information (a scenario was opened or saved).
    Info,
    /// Something failed; the text says what and what was kept.
    Error,
}

/// A message shown above the editor until dismissed or replaced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// Information or error.
    pub tone: Tone,
    /// The sentence shown.
    pub text: String,
}

impl Notice {
    /// An information notice.
    pub fn info(text: impl Into<String>) -> Self {
        Notice {
            tone: Tone::Info,
            text: text.into(),
        }
    }

    /// An error notice.
    pub fn error(text: impl Into<String>) -> Self {
        Notice {
            tone: Tone::Error,
            text: text.into(),
        }
    }
}
