//! Tables as CSV files that Swedish Excel opens directly: UTF-8 with BOM,
//! `;` between fields, CRLF line ends, decimal comma, no thousands
//! separator in numbers (so Excel reads them as numbers), `%` kept on
//! percentages, each column's unit in its header (`Ingående medel 2020
//! (tkr)`, see [`Table::headers_with_units`]), since the numbers carry
//! none. Text that a spreadsheet would take for a formula is
//! neutralised (see [`spreadsheet_text`]). And as tab-separated text for
//! the clipboard.
//!
//! The CSV is written by the `csv` crate's writer (`;`, CRLF, a field
//! quoted only when it must be: it holds a `;`, a `"` or a line break). An
//! earlier hand-written writer also quoted a field with a leading or
//! trailing space; the crate does not, and need not: RFC 4180 keeps spaces
//! as part of a field, and LibreOffice Calc 7.4 reads both forms as the
//! same cell (the test `csv::libreoffice_reads_every_cell_as_written`
//! checks it). The exported samples and the stress workspace came out
//! byte for byte the same through both writers. The clipboard's
//! tab-separated text is not CSV (Word and Excel paste it as it is, quotes
//! and all) and stays written here.

use std::fs;
use std::path::{Path, PathBuf};

use crate::charts::xml_chars;
use crate::domain::Workspace;
use crate::domain::tables::{Cell, Table, Value, all_tables};
use crate::storage::{SaveError, write_atomically};

const BOM: &str = "\u{feff}";

/// A number as the CSV writes it, optionally signed, with a decimal
/// comma and a unit after a space: "-12,5", "+30 %". Excel reads these
/// as numbers, never as formulas, so they are left as they are.
fn is_plain_number(s: &str) -> bool {
    let (number, unit) = s.split_once(' ').unwrap_or((s, ""));
    if !unit
        .chars()
        .all(|c| c.is_alphabetic() || c == '%' || c == ' ')
    {
        return false;
    }
    let digits = number.strip_prefix(['-', '+']).unwrap_or(number);
    let mut parts = digits.splitn(2, [',', '.']);
    let whole = parts.next().unwrap_or("");
    let fraction = parts.next().unwrap_or("0");
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && !fraction.is_empty()
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

/// Text as a spreadsheet must see it: a text starting with `=`, `+`, `-`,
/// `@`, a tab or a carriage return would be read as a formula (Excel runs
/// `=HYPERLINK(…)`), so it gets a leading `'`, as OWASP's advice on CSV
/// injection says; a number such as "-12,5" stays a number. Control
/// characters other than tab and line breaks (the vertical tab Word puts
/// in pasted text) become spaces.
pub fn spreadsheet_text(s: &str) -> String {
    let s = xml_chars(s);
    let risky = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !is_plain_number(&s) {
        format!("'{s}")
    } else {
        s.into_owned()
    }
}

/// A cell's CSV text: numbers as the report formats them, text made safe
/// for a spreadsheet.
fn cell_text(c: &Cell) -> String {
    match &c.value {
        Value::Text(s) => spreadsheet_text(s),
        Value::Number(..) => c.csv(),
    }
}

/// One table as CSV text (with BOM): the header row with units, then every
/// row as the report shows it, computed columns and sum rows included.
///
/// Written to memory, with rows of any length allowed (`flexible`), the
/// `csv` writer has nothing left to fail on; its `Result` is passed on
/// rather than assumed away.
pub fn table_to_csv(t: &Table) -> Result<String, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .flexible(true)
        .from_writer(Vec::from(BOM));
    writer.write_record(t.headers_with_units().iter().map(|h| spreadsheet_text(h)))?;
    for row in &t.rows {
        writer.write_record(row.cells.iter().map(cell_text))?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    // Every field came from a `&str`, so this is lossless.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// `table_to_csv`, its (never seen) failure said as a save error for the
/// file at `path`.
fn csv_for(t: &Table, path: &Path) -> Result<String, SaveError> {
    table_to_csv(t).map_err(|e| SaveError::Io {
        path: path.to_path_buf(),
        message: format!("tabellen kunde inte skrivas som CSV ({e})"),
        source: None,
    })
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
    write_atomically(path, csv_for(t, path)?.as_bytes())
}

/// Write one CSV per table into `dir` (created if missing). Returns the
/// files written, in report order.
pub fn export_tables(ws: &Workspace, dir: &Path) -> Result<Vec<PathBuf>, SaveError> {
    fs::create_dir_all(dir).map_err(|e| SaveError::Io {
        path: dir.to_path_buf(),
        message: e.to_string(),
        source: Some(e.into()),
    })?;
    let mut written = Vec::new();
    for t in all_tables(ws) {
        let path = dir.join(format!("{}.csv", t.id));
        write_atomically(&path, csv_for(&t, &path)?.as_bytes())?;
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
        let csv = table_to_csv(&t).expect("csv");
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

    /// Where the `csv` writer differs from the hand-written one it
    /// replaced: a field with a leading or trailing space is no longer
    /// quoted (a spreadsheet reads the same cell; see the module's
    /// comment), and a row of one empty field is written `""` rather than
    /// as an empty line.
    #[test]
    fn spaces_stay_unquoted_and_a_lone_empty_field_is_quoted() {
        let t = Table {
            id: "x".into(),
            title: "X".into(),
            headers: vec!["Namn".into()],
            rows: [" före", "efter ", "", "  båda  "]
                .into_iter()
                .map(|text| Row {
                    kind: RowKind::Data,
                    cells: vec![Cell::text(text)],
                })
                .collect(),
        };
        assert_eq!(
            table_to_csv(&t).expect("csv"),
            "\u{feff}Namn\r\n före\r\nefter \r\n\"\"\r\n  båda  \r\n"
        );
    }

    #[test]
    fn formulas_are_neutralised_and_numbers_kept() {
        for (text, csv) in [
            ("=1+1", "'=1+1"),
            (
                "=HYPERLINK(\"http://x\";\"y\")",
                "\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\"",
            ),
            ("+46 36 10 00 00", "'+46 36 10 00 00"),
            ("-minus", "'-minus"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tflik", "'\tflik"),
            ("-12,5", "-12,5"),
            ("+30 %", "+30 %"),
            ("-7", "-7"),
            ("-1 =2", "'-1 =2"),
            ("Jönköping", "Jönköping"),
            ("rad\u{0B}två", "rad två"),
        ] {
            let t = Table {
                id: "x".into(),
                title: "X".into(),
                headers: vec!["Namn".into(), "Värde".into()],
                rows: vec![Row {
                    kind: RowKind::Data,
                    cells: vec![
                        Cell::text(text),
                        Cell::number(Some("-12.5".parse().expect("dec")), Format::Fte),
                    ],
                }],
            };
            assert_eq!(
                table_to_csv(&t).expect("csv"),
                format!("\u{feff}Namn;Värde\r\n{csv};-12,50\r\n"),
                "{text:?}"
            );
        }
        assert_eq!(spreadsheet_text("=rubrik"), "'=rubrik");
    }
}
