//! The domain: the report model, its derived figures, the printed tables,
//! the consistency checks and Swedish number formatting. Nothing here
//! knows of files, windows or pixels.

// Every public item of the domain says what it is.
#![warn(missing_docs)]

pub mod check;
pub mod figures;
pub mod key_figures;
pub mod model;
pub mod municipality;
pub mod numbers;
pub mod period;
pub mod rollover;
pub mod sheet;
pub mod sheets;
pub mod tables;

pub use model::*;
pub use municipality::{Municipality, Participant};
pub use period::Period;
