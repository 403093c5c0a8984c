//! Exports of the workspace to other programs' formats: CSV tables and
//! chart pictures.

pub mod charts;
pub mod csv;
