//! The editing session without the window: the open document (its file,
//! unsaved changes, undo and redo) and the autosave policy (when unsaved
//! work is copied for recovery and when the copy goes). Knows nothing of
//! egui, so it builds and is tested without the `gui` feature; the window
//! (`ui`) drives it.

pub mod autosave;
pub mod document;
