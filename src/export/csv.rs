//! Tables as CSV files that Swedish Excel opens directly: UTF-8 with BOM,
//! `;` between fields, CRLF line ends, decimal comma, no thousands
//! separator in numbers (so Excel reads them as numbers), `%` kept on
//! percentages. And as tab-separated text for the clipboard.

use std::fs;
use std::path::{Path, PathBuf};

use crate::domain::Workspace;
use crate::domain::tables::{Table, all_tables};
use crate::storage::{SaveError, write_atomically};

const BOM: &str = "\u{feff}";

fn field(s: &str) -> String {
    let needs_quotes = s.contains([';', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ');
    if needs_quotes {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn line(fields: impl IntoIterator<Item = String>) -> String {
    let mut l = fields
        .into_iter()
        .map(|f| field(&f))
        .collect::<Vec<_>>()
        .join(";");
    l.push_str("\r\n");
    l
}

/// One table as CSV text (with BOM): the header row, then every row as the
/// report shows it, computed columns and sum rows included.
pub fn table_to_csv(t: &Table) -> String {
    let mut out = String::from(BOM);
    out.push_str(&line(t.headers.iter().cloned()));
    for row in &t.rows {
        out.push_str(&line(row.cells.iter().map(|c| c.csv())));
    }
    out
}

/// One table as tab-separated text for the clipboard ("Kopiera tabell"):
/// pasted into Excel it fills cells (numbers as numbers: decimal comma, no
/// thousands separator), pasted into Word it becomes a table. Tabs and line
/// breaks inside a cell become spaces, so every row stays one row.
pub fn table_to_tsv(t: &Table) -> String {
    let clean = |s: String| s.replace(['\t', '\n', '\r'], " ");
    let mut out = String::new();
    let mut push = |fields: Vec<String>| {
        out.push_str(&fields.into_iter().map(clean).collect::<Vec<_>>().join("\t"));
        out.push_str("\r\n");
    };
    push(t.headers.clone());
    for row in &t.rows {
        push(row.cells.iter().map(|c| c.csv()).collect());
    }
    out
}

/// Write one table as a CSV file (atomically).
pub fn export_table(t: &Table, path: &Path) -> Result<(), SaveError> {
    write_atomically(path, table_to_csv(t).as_bytes())
}

/// Write one CSV per table into `dir` (created if missing). Returns the
/// files written, in report order.
pub fn export_tables(ws: &Workspace, dir: &Path) -> Result<Vec<PathBuf>, SaveError> {
    fs::create_dir_all(dir).map_err(|e| SaveError::Io {
        path: dir.to_path_buf(),
        message: e.to_string(),
    })?;
    let mut written = Vec::new();
    for t in all_tables(ws) {
        let path = dir.join(format!("{}.csv", t.id));
        write_atomically(&path, table_to_csv(&t).as_bytes())?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::tables::{Cell, Format, Row, RowKind};

    #[test]
    fn quotes_and_formats() {
        let t = Table {
            id: "x".into(),
            title: "X".into(),
            headers: vec!["Namn".into(), "Värde".into(), "Andel".into()],
            rows: vec![Row {
                kind: RowKind::Data,
                cells: vec![
                    Cell::text("a;b \"c\""),
                    Cell::number(Some("18570800.4".parse().expect("dec")), Format::Amount),
                    Cell::number(Some("31".parse().expect("dec")), Format::Percent),
                ],
            }],
        };
        let csv = table_to_csv(&t);
        assert_eq!(
            csv,
            "\u{feff}Namn;Värde;Andel\r\n\"a;b \"\"c\"\"\";18570800;31 %\r\n"
        );
        let mut t = t;
        t.rows[0].cells[0] = Cell::text("två\trader\nhär");
        assert_eq!(
            table_to_tsv(&t),
            "Namn\tVärde\tAndel\r\ntvå rader här\t18570800\t31 %\r\n"
        );
    }
}
