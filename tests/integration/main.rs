//! The integration tests, as one test binary: one link step instead of one
//! per file (the suite's build time and its disk use were mostly linking
//! seventeen copies of the program and its libraries). Each module is what
//! was a file of its own in `tests/`; `tests/kill.rs` stays apart because
//! it is its own parent and child process with its own `main`.
//!
//! The modules that drive the window (egui_kittest) need the `gui`
//! feature; the headless ones run with `--no-default-features` too.

#[path = "../common/mod.rs"]
mod common;

mod charts;
mod cli;
mod csv_export;
mod docx;
mod fidelity;
mod fuzz_regressions;
mod import;
mod malformed;
mod migration;
mod pptx;
mod properties;
#[cfg(feature = "gui")]
mod recovery;
mod reliability;
mod report;
mod rollover;
mod samples;
mod seed_figures;
#[cfg(all(feature = "gui", feature = "stress"))]
mod ui;
mod xlsx;
