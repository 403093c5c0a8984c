//! The window's dialogs, each a small view of its own: a struct holding
//! the dialog's state (what it shows, what is typed in it, and, untouched,
//! what waits for its answer) with a `show` that draws it for one frame
//! and returns a typed answer once the author has given one. The window
//! (`ui::app`) only maps answers to what they lead to.
//!
//! - `unsaved`: "Spara ändringarna?" before the work is replaced or closed;
//! - `conflict`: "Filen har ändrats på disken" when Spara would overwrite
//!   someone else's version;
//! - `error`: "Det gick inte", a load, save or export error;
//! - `about`: "Om tertial";
//! - `recovery`: work a crash left behind, offered back one copy at a time;
//! - `rollover`: "Ny period från denna…";
//! - `palette`: the command palette (Ctrl+K);
//! - `import`: the attendance import's preview;
//! - `files`: the file dialogs (native ones on their own thread, fixed
//!   answers in tests) and the note shown while one is open.

pub mod about;
pub mod conflict;
pub mod error;
pub mod files;
pub mod import;
pub mod palette;
pub mod recovery;
pub mod rollover;
pub mod unsaved;
