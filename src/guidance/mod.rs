//! The local HTA guidance: its files ([`raw`]), their validation ([`validate`]) into the typed
//! model ([`model`]), and loading a folder ([`load`]).

pub mod load;
pub mod model;
pub mod raw;
pub mod validate;

pub use load::load_guidance;
pub use model::*;
