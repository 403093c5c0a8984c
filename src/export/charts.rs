//! Charts as picture files: one chart to a chosen path, or every chart to a
//! folder under its default name. Files are written atomically, like
//! workspaces, so a failed export never leaves half a picture behind.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use crate::charts::{ChartError, ChartFormat, ChartKind, ChartSize, file_name, render_file};
use crate::domain::Workspace;
use crate::storage::{IoSource, SaveError, write_atomically};

/// Why an export failed, in Swedish.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportError {
    Chart(ChartError),
    /// The file could not be written (`source`: the system's error).
    Write {
        path: PathBuf,
        message: String,
        source: Option<IoSource>,
    },
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::Chart(e) => e.fmt(f),
            ExportError::Write { path, message, .. } => {
                write!(f, "Bilden {} kunde inte sparas: {message}", path.display())
            }
        }
    }
}

impl std::error::Error for ExportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ExportError::Write {
                source: Some(source),
                ..
            } => Some(source.error()),
            _ => None,
        }
    }
}

impl From<ChartError> for ExportError {
    fn from(e: ChartError) -> Self {
        ExportError::Chart(e)
    }
}

fn write_error(path: &Path, e: SaveError) -> ExportError {
    ExportError::Write {
        path: path.to_path_buf(),
        source: e.io_source(),
        message: e.into_reason(),
    }
}

/// Writes chart `kind` of `ws` to `path`.
pub fn export_chart(
    ws: &Workspace,
    kind: ChartKind,
    size: ChartSize,
    format: ChartFormat,
    path: &Path,
) -> Result<(), ExportError> {
    let bytes = render_file(ws, kind, size, format)?;
    write_atomically(path, &bytes).map_err(|e| write_error(path, e))
}

/// Writes every chart in every format of `formats` into `dir` (created if
/// missing) under its default name. Returns the files written.
pub fn export_all(
    ws: &Workspace,
    dir: &Path,
    size: ChartSize,
    formats: &[ChartFormat],
) -> Result<Vec<PathBuf>, ExportError> {
    size.validate()?;
    fs::create_dir_all(dir).map_err(|e| ExportError::Write {
        path: dir.to_path_buf(),
        message: e.to_string(),
        source: Some(e.into()),
    })?;
    let mut written = Vec::new();
    for kind in ChartKind::ALL {
        for &format in formats {
            let path = dir.join(file_name(kind, &ws.report.period, format));
            export_chart(ws, kind, size, format, &path)?;
            written.push(path);
        }
    }
    Ok(written)
}
