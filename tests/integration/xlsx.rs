//! The Excel workbook (`export-xlsx`, Arkiv → Exportera Excel-arbetsbok…)
//! read back by openpyxl, a reader that is not tertial's
//! (tests/xlsx_dump.py; `.ci/run` installs it): every table's cells as
//! tertial prints them, numbers as numbers with their format, every
//! formula's cached value recomputed from the cells it names, and a failed
//! export that leaves nothing behind.

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use crate::common::*;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use tertial::domain::tables::{Format, Table, Value, all_tables};
use tertial::export::xlsx::{column_letter, plan_workbook};

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// One cell as openpyxl reads it.
#[derive(Debug, Clone, Default)]
struct Read {
    /// `n:<number>`, `s:<text>` (formulas `s:=…`) or empty.
    value: String,
    /// The cached value (`data_only=True`), same form.
    cached: String,
    format: String,
    note: String,
}

impl Read {
    fn formula(&self) -> Option<&str> {
        self.value.strip_prefix("s:=")
    }

    /// The number the cell shows: its value, or a formula's cached value.
    fn number(&self) -> Option<f64> {
        let v = if self.formula().is_some() {
            &self.cached
        } else {
            &self.value
        };
        v.strip_prefix("n:").and_then(|n| n.parse().ok())
    }

    fn text(&self) -> Option<&str> {
        if self.formula().is_some() {
            return None;
        }
        self.value.strip_prefix("s:")
    }
}

#[derive(Debug, Default)]
struct Sheet {
    freeze: String,
    orientation: String,
    fit_width: String,
    fit_height: String,
    fit_page: String,
    cells: HashMap<String, Read>,
}

impl Sheet {
    fn at(&self, coord: &str) -> Read {
        self.cells.get(coord).cloned().unwrap_or_default()
    }
}

/// The workbook at `path` as openpyxl reads it, by sheet name. Fails,
/// saying how to install it, when openpyxl is missing.
fn read_workbook(path: &Path) -> HashMap<String, Sheet> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/xlsx_dump.py");
    let o = Command::new("python3")
        .arg(&script)
        .arg(path)
        .output()
        .unwrap_or_else(|e| {
            panic!("python3 kunde inte startas ({e}): installera Python 3 och openpyxl (`python3 -m pip install openpyxl`)")
        });
    assert!(
        o.status.success(),
        "openpyxl could not read {}: {}",
        path.display(),
        text(&o.stderr)
    );
    let mut sheets = HashMap::new();
    let mut current = String::new();
    for line in text(&o.stdout).lines() {
        let f: Vec<&str> = line.split('\t').collect();
        match f.first() {
            Some(&"sheet") => {
                current = f[1].to_string();
                sheets.insert(
                    current.clone(),
                    Sheet {
                        freeze: f[2].into(),
                        orientation: f[3].into(),
                        fit_width: f[4].into(),
                        fit_height: f[5].into(),
                        fit_page: f[6].into(),
                        cells: HashMap::new(),
                    },
                );
            }
            Some(&"cell") => {
                let sheet = sheets.get_mut(&current).expect("a sheet line first");
                sheet.cells.insert(
                    f[1].to_string(),
                    Read {
                        value: f[2].into(),
                        cached: f[3].into(),
                        format: f[4].into(),
                        note: f.get(5).copied().unwrap_or("").into(),
                    },
                );
            }
            _ => panic!("unexpected line {line:?}"),
        }
    }
    sheets
}

fn coord(row: usize, col: usize) -> String {
    format!("{}{}", column_letter(col as u16), row + 1)
}

/// (column, row), both 0-based, of `A1`-style `c`.
fn parse_coord(c: &str) -> (usize, usize) {
    let split = c
        .find(|ch: char| ch.is_ascii_digit())
        .unwrap_or_else(|| panic!("{c}"));
    let (letters, digits) = c.split_at(split);
    let col = letters
        .bytes()
        .fold(0usize, |n, b| n * 26 + usize::from(b - b'A') + 1)
        - 1;
    let row: usize = digits.parse().unwrap_or_else(|_| panic!("{c}"));
    (col, row - 1)
}

/// A formula of the forms tertial writes (`SUM(B3:D7)`, `B3+C3`, `D3-F3`,
/// `E3*C3`) evaluated over the numbers openpyxl read; empty cells are 0,
/// as in Excel.
fn evaluate(sheet: &Sheet, formula: &str) -> f64 {
    let value = |c: &str| sheet.at(c).number().unwrap_or(0.0);
    if let Some(range) = formula
        .strip_prefix("SUM(")
        .and_then(|r| r.strip_suffix(')'))
    {
        let (a, b) = range.split_once(':').unwrap_or((range, range));
        let ((c0, r0), (c1, r1)) = (parse_coord(a), parse_coord(b));
        let mut total = 0.0;
        for r in r0..=r1 {
            for c in c0..=c1 {
                total += value(&coord(r, c));
            }
        }
        return total;
    }
    let mut total = 0.0;
    let mut op = '+';
    let mut term = String::new();
    for ch in formula.chars().chain(['+']) {
        if matches!(ch, '+' | '-' | '*') {
            let v = value(&term);
            total = match op {
                '+' => total + v,
                '-' => total - v,
                _ => total * v,
            };
            op = ch;
            term.clear();
        } else {
            term.push(ch);
        }
    }
    total
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

/// The number Excel should hold for a tertial number: percentages as
/// fractions.
fn excel_value(v: Decimal, f: &Format) -> f64 {
    let v = match f {
        Format::Percent | Format::Change => v / Decimal::ONE_HUNDRED,
        _ => v,
    };
    v.to_f64().expect("f64")
}

/// Writes the workbook of `file` with the CLI and reads it back.
fn export(file: &Path, dir: &Path) -> HashMap<String, Sheet> {
    let out = dir.join(format!(
        "{}.xlsx",
        file.file_stem()
            .map(|s| s.to_string_lossy())
            .unwrap_or_default()
    ));
    let o = tertial(&["export-xlsx", path_str(file), "--out", path_str(&out)]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout).trim(), path_str(&out));
    read_workbook(&out)
}

/// Every table of `tables` against its sheet: headers with units, every
/// text as printed, every number a number (formula or value) equal to
/// tertial's, every formula's cached value what the formula gives from the
/// cells it names, every overridden cell with its note.
fn check_tables(label: &str, tables: &[Table], book: &HashMap<String, Sheet>) -> usize {
    let plans = plan_workbook(tables);
    assert_eq!(book.len(), tables.len(), "{label}: one sheet per table");
    let mut formulas = 0;
    for (t, plan) in tables.iter().zip(&plans) {
        let sheet = book
            .get(&plan.name)
            .unwrap_or_else(|| panic!("{label}: no sheet {:?}", plan.name));
        let here = format!("{label} / {}", plan.name);
        assert!(plan.name.encode_utf16().count() <= 31, "{here}");
        assert_eq!(sheet.freeze, "A3", "{here}: headers frozen");
        assert_eq!(sheet.fit_width, "1", "{here}: one page wide");
        assert_eq!(
            sheet.fit_height, "0",
            "{here}: as many pages tall as needed"
        );
        assert_eq!(sheet.fit_page, "True", "{here}");
        assert_eq!(sheet.at("A1").text(), Some(t.title.as_str()), "{here}");
        for (c, h) in t.headers_with_units().iter().enumerate() {
            let read = sheet.at(&coord(1, c));
            assert_eq!(read.text().unwrap_or(""), h.as_str(), "{here}: header {c}");
        }
        for (r, row) in t.rows.iter().enumerate() {
            for (c, cell) in row.cells.iter().enumerate() {
                let at = coord(r + 2, c);
                let read = sheet.at(&at);
                let here = format!("{here} {at}");
                match &cell.value {
                    Value::Text(s) => {
                        let s = s.replace(['\t', '\n', '\r'], " ");
                        assert_eq!(read.text().unwrap_or(""), s, "{here}");
                    }
                    Value::Number(None, _) => {
                        assert_eq!(read.value, "", "{here}: empty");
                    }
                    Value::Number(Some(v), f) => {
                        let got = read
                            .number()
                            .unwrap_or_else(|| panic!("{here}: not a number: {read:?}"));
                        assert!(close(got, excel_value(*v, f)), "{here}: {got} ≠ {v}");
                        let expected_format = match f {
                            Format::Fte => "0.00",
                            Format::Percent => "0%",
                            Format::Amount => "#,##0",
                            _ => read.format.as_str(),
                        };
                        assert_eq!(read.format, expected_format, "{here}");
                    }
                }
                if let Some(formula) = read.formula() {
                    formulas += 1;
                    let cached = read.number().expect("cached number");
                    let again = evaluate(sheet, formula);
                    assert!(
                        close(again, cached),
                        "{here}: ={formula} gives {again}, cached {cached}"
                    );
                    assert!(
                        cell.computed.as_ref().is_some_and(|c| !c.overridden),
                        "{here}: only computed cells are formulas"
                    );
                }
                if let Some(comp) = &cell.computed {
                    if comp.overridden {
                        assert!(read.formula().is_none(), "{here}: typed over, a value");
                        assert!(
                            read.note.starts_with("Inskrivet för hand i tertial")
                                || read.note.starts_with("Lämnad tom för hand i tertial"),
                            "{here}: {read:?}"
                        );
                        if comp.differs && !comp.formula.is_empty() {
                            assert!(
                                read.note.contains(&format!("formeln ger {}", comp.formula)),
                                "{here}: {read:?}"
                            );
                        }
                    } else if row.kind == tertial::domain::tables::RowKind::Sum
                        && matches!(
                            cell.value,
                            Value::Number(Some(_), Format::Amount | Format::Fte)
                        )
                    {
                        assert!(
                            read.formula().is_some_and(|f| f.starts_with("SUM(")),
                            "{here}: a sum is a formula: {read:?}"
                        );
                    }
                }
            }
        }
    }
    formulas
}

#[test]
fn every_sample_workbook_reads_back_in_openpyxl() {
    let dir = tempfile::tempdir().expect("tempdir");
    let samples = all_samples();
    assert!(samples.len() >= 4);
    for path in samples {
        let ws = tertial::storage::load(&path).unwrap_or_else(|e| panic!("{e}"));
        let book = export(&path, dir.path());
        let formulas = check_tables(path_str(&path), &all_tables(&ws), &book);
        assert!(formulas > 0, "{}: no formulas", path.display());
    }
}

#[test]
fn the_2020_workbook_has_the_seed_figures() {
    let dir = tempfile::tempdir().expect("tempdir");
    let book = export(&sample_path(DELARSRAPPORT_2020), dir.path());
    let find = |prefix: &str| {
        book.iter()
            .find(|(name, _)| name.starts_with(prefix))
            .map(|(_, s)| s)
            .unwrap_or_else(|| panic!("no sheet {prefix}: {:?}", book.keys()))
    };
    let row_of = |sheet: &Sheet, label: &str| {
        (3..200)
            .find(|r| sheet.at(&format!("A{r}")).text() == Some(label))
            .unwrap_or_else(|| panic!("no row {label}"))
    };

    // Tabell 1 (tkr): the Summa row as the seed prints it, each a SUM of
    // the rows above with the figure cached.
    let t1 = find("Tabell 1 Budgetuppföljning");
    assert_eq!(t1.at("B2").text(), Some("Ingående medel 2020 (tkr)"));
    assert_eq!(t1.orientation, "landscape");
    let sum = row_of(t1, "Summa");
    for (col, expected) in [
        ("B", 66_619.0),
        ("C", 67_736.0),
        ("D", 134_355.0),
        ("E", 39_287.0),
        ("F", 31_873.0),
        ("G", 105_895.0),
        ("H", 81_611.0),
        ("I", 89_000.0),
    ] {
        let cell = t1.at(&format!("{col}{sum}"));
        assert_eq!(
            cell.formula(),
            Some(format!("SUM({col}3:{col}{})", sum - 1).as_str()),
            "{col}{sum}"
        );
        assert_eq!(cell.number(), Some(expected), "{col}{sum}");
        assert_eq!(cell.format, "#,##0");
    }
    // Disponibla and Kvarvarande of a row are formulas of the row.
    let fourum = row_of(t1, "FoUrum social välfärd och hälso- och sjukvård");
    assert_eq!(
        t1.at(&format!("D{fourum}")).formula(),
        Some(format!("B{fourum}+C{fourum}").as_str())
    );
    assert_eq!(
        t1.at(&format!("G{fourum}")).formula(),
        Some(format!("D{fourum}-F{fourum}").as_str())
    );
    // −547 is a number (a Kvarvarande below zero).
    assert!(
        t1.cells.values().any(|c| c.number() == Some(-547.0)),
        "no −547 in Tabell 1"
    );
    // Ledning och stab's Kvarvarande is typed over (left empty): a note
    // says what the formula gives.
    let stab = row_of(t1, "Ledning och stab **");
    let typed = t1.at(&format!("G{stab}"));
    assert_eq!(typed.value, "", "emptied by the author");
    assert_eq!(
        typed.note,
        "Lämnad tom för hand i tertial; formeln ger -937."
    );

    // Staff: 45,30 FTE is the number 45.3 shown with two decimals.
    let staff = find("Antal medarbetare");
    let current = row_of(staff, "2020 - tertial 2");
    let total = staff.at(&format!("E{current}"));
    assert_eq!(total.number(), Some(45.3));
    assert_eq!(total.format, "0.00");
    assert_eq!(
        total.formula(),
        Some(format!("SUM(B{current}:D{current})").as_str())
    );
    assert_eq!(staff.at(&format!("D{current}")).value, "n:13.8");

    // 31 % of the kronor sought was granted: the fraction 0.31, percent.
    let apps = find("Beviljade projekt av sökta");
    assert!(
        apps.cells
            .values()
            .any(|c| c.number() == Some(0.31) && c.format == "0%"),
        "no 31 % among {:?}",
        apps.cells
    );
}

#[test]
fn an_export_to_a_folder_that_cannot_be_written_fails_in_swedish_and_leaves_no_file() {
    assert_export_refused("export-xlsx", "tabeller.xlsx", "Excel-arbetsboken");
}
