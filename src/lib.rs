//! tertial: the period follow-up reports of Kommunal utveckling Jönköpings
//! län as one editable workspace, with every derived figure computed.
//!
//! Layout: [`domain`] (model, figures, tables, checks, Swedish numbers) knows
//! nothing of files or windows; [`storage`] reads and writes RON files;
//! [`charts`] draws the report's charts (PNG, SVG, preview pixels);
//! [`export`] writes CSV, chart files and the HTML report; [`import`] reads
//! meeting registrations from Excel's CSV; [`session`] is the open document
//! (undo, unsaved changes) and the autosave policy; [`cli`] is the headless
//! command line; `ui` is the window, built only with the `gui` feature
//! (default on): without it the library and the command line build with no
//! egui, eframe or rfd. `stress` (feature `stress`, default on) is
//! the large made-up workspace of `generate-stress` and the benchmarks.

pub mod charts;
pub mod cli;
pub mod domain;
pub mod export;
pub mod fonts;
pub mod import;
pub mod samples;
pub mod session;
pub mod storage;
#[cfg(any(test, feature = "stress"))]
pub mod stress;
#[cfg(feature = "gui")]
pub mod ui;
