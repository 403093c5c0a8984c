//! Exports of the workspace to other programs' formats: CSV tables, chart
//! pictures, the whole report as an HTML document and as a Word document
//! (both rendered from one layout, `layout`), and the tables as an Excel
//! workbook.

pub mod charts;
pub mod csv;
pub mod docx;
pub mod layout;
pub mod report;
pub mod xlsx;
