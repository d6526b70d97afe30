//! What the app is being used for: the nurse's calls, the author's workbench, training, figures.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Nurse,
    Author,
    Trainer,
    Statistics,
}
