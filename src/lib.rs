//! Arvio: the assessment of care need (hoidon tarpeen arviointi, HTA) for Finnish primary care.
//!
//! The core is pure and has no GUI dependency: a local guidance is loaded and validated
//! ([`guidance`]), a call ([`call`]) is evaluated by the [`engine`] into a proposal with its date
//! window ([`calendar`]), and [`scenario`]s test a guidance. The CLI ([`cli`]) and the GUI
//! (`ui`, behind the `gui` feature) stand on the same functions. See docs/ARCHITECTURE.md.

pub mod analysis;
pub mod approval;
pub mod assessment;
pub mod autosave;
pub mod calendar;
pub mod call;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod diff;
pub mod disposition;
pub mod effective;
pub mod engine;
pub mod explain;
pub mod guidance;
pub mod handbook;
pub mod i18n;
pub mod log;
pub mod opening_hours;
pub mod quantity;
pub mod record;
pub mod scenario;
pub mod search;
pub mod source;
pub mod stats;
pub mod storage;
pub mod text;
pub mod training;
#[cfg(feature = "gui")]
pub mod ui;
pub mod window_text;
pub mod worker;
