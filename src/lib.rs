//! tertial: the period follow-up reports of Kommunal utveckling Jönköpings
//! län as one editable workspace, with every derived figure computed.
//!
//! Layout: [`domain`] (model, figures, tables, checks, Swedish numbers) knows
//! nothing of files or windows; [`storage`] reads and writes RON files;
//! [`charts`] draws the report's charts (PNG, SVG, preview pixels);
//! [`export`] writes CSV, chart files and the HTML report; [`import`] reads
//! meeting registrations from Excel's CSV; [`cli`] is the headless command
//! line; [`ui`] is the window.

pub mod charts;
pub mod cli;
pub mod domain;
pub mod export;
pub mod fonts;
pub mod import;
pub mod samples;
pub mod storage;
pub mod ui;
