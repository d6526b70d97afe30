//! The local HTA guidance: its files ([`raw`]), their validation ([`validate`]) into the typed
//! model ([`model`]), and loading a folder ([`load`]). Below the engine and the analysis, and
//! importing neither: what validation needs of them lives here ([`allow`], [`condition`],
//! [`ask_order`]).

pub mod allow;
pub mod ask_order;
pub mod condition;
pub mod folder;
pub mod load;
pub mod model;
pub mod raw;
pub mod validate;

pub use condition::{condition_text, visit_atoms};
pub use load::load_guidance;
pub use model::*;
