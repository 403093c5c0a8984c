//! Exports of the workspace to other programs' formats: CSV tables, chart
//! pictures, the whole report as an HTML document and as a Word document
//! (both rendered from one layout, `layout`), the tables as an Excel
//! workbook and the Resultatuppföljning as a PowerPoint deck.

pub mod charts;
pub mod csv;
pub mod docx;
pub mod layout;
pub mod ooxml;
pub mod pptx;
pub mod report;
pub mod xlsx;
