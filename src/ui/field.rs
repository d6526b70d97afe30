//! The text fields a key can put the keyboard in, each with its one widget id: the call's
//! search, and the fields of the author's, the statistics' and the settings' screens, each
//! reached by the shortcut shown beside it.

/// A text field of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// The call's reason search.
    Search,
    /// The author's guidance folder (Alt+G).
    AuthorPath,
    /// The author's baseline folder to compare with (Alt+B).
    Baseline,
    /// The name of a call saved as a scenario (Alt+S).
    ScenarioName,
    /// The statistics period's first day (Alt+F).
    PeriodFrom,
    /// The statistics period's last day (Alt+T).
    PeriodTo,
    /// The settings' first field, where the keyboard goes when they open.
    AssessorName,
    /// The free-text answer of the question that has the keyboard.
    FreeText,
    /// The nurse's notes on the call (the right column).
    Notes,
}

impl Field {
    /// The widget id of the field.
    pub fn id(self) -> egui::Id {
        egui::Id::unique(("arvio_field", self))
    }
}
