//! Exports of the workspace to other programs' formats: CSV tables, chart
//! pictures and the whole report as an HTML document.

pub mod charts;
pub mod csv;
pub mod report;
