//! Exports of the workspace to other programs' formats.

pub mod csv;
