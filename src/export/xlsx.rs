//! The report's tables as one Excel workbook (Arkiv → Exportera
//! Excel-arbetsbok…, `tertial export-xlsx`), each table on a sheet of its
//! own, in the order and with the cells of the CSV export
//! ([`tables::all_tables`]).
//!
//! This module owns what the workbook holds and how it is laid out:
//! - **Sheets**: named after the tables (cleaned of the characters Excel
//!   forbids, at most 31 characters, unique); the table's full title in
//!   row 1, its headers in row 2 (frozen, repeated on every printed page,
//!   each column's unit added as in the CSV: `Ingående medel 2020 (tkr)`),
//!   the rows below.
//! - **Numbers as numbers**: amounts `#,##0` (Excel shows its own
//!   thousands separator, a space in Swedish), FTE `0.00`, percentages as
//!   fractions (31 % is 0.31) with `0%`, counts as whole numbers; a
//!   count's unit word in the number format where the header lacks it.
//! - **Formulas** (see [`row_formula`] and [`Plan::sum_formula`]): the
//!   computed money, FTE and count cells are Excel formulas with tertial's
//!   figure cached as their value, so the sheet still adds up when the
//!   author edits it: every sum row's amounts, FTE and counts (`SUM` of the
//!   column above), and within a row Tabell 1's Disponibla (`B+C`) and
//!   Kvarvarande (`D−F`), Tabell 2a's Ingående medel (`D+E+F`), Tabell 3a's
//!   Utfall (`C+D+E`), the plan's Disponibla (`B+C`), the staff Summa
//!   (`SUM(B:D)`) and the cost table's reductions (`D−B`, `E×C`). Shares,
//!   changes, averages, statuses and trends are values: tertial rounds
//!   them by rules (largest remainder, whole percent) a plain formula
//!   would not repeat exactly.
//! - **Overridden cells** (typed over by the author) are values with a
//!   cell note saying what the formula gives.
//! - **Printing**: one page wide, landscape when the table is wide.
//!
//! The file is written through the same atomic write as workspaces
//! ([`write_atomically`]): a failed export leaves no half-written file.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{
    DocProperties, Format as XFormat, FormatAlign, FormatBorder, Formula, Note, Workbook,
    Worksheet, XlsxError,
};

use crate::charts::xml_chars;
use crate::domain::Workspace;
use crate::domain::tables::{Cell, Format, RowKind, Table, Value, all_tables};
use crate::storage::{IoSource, write_atomically};

/// Row (0-based) of a sheet's title.
const TITLE_ROW: u32 = 0;
/// Row of a sheet's headers, frozen and repeated on printed pages.
const HEADER_ROW: u32 = 1;
/// Row of a table's first row.
const FIRST_ROW: u32 = 2;
/// Excel's limit on a sheet name, in UTF-16 units.
const SHEET_NAME_MAX: usize = 31;
/// Excel's limit on the text of a cell.
const CELL_TEXT_MAX: usize = 32_767;
/// Tables wider than this (in character widths) print in landscape.
const PORTRAIT_WIDTH: f64 = 95.0;

/// A failed workbook export.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkbookError {
    /// The workbook could not be put together (rust_xlsxwriter refused).
    Build(String),
    /// The file could not be written; nothing was left behind.
    Write {
        path: PathBuf,
        message: String,
        /// The system's error, where there is one.
        source: Option<IoSource>,
    },
}

impl fmt::Display for WorkbookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WorkbookError::Build(m) => write!(f, "Excel-arbetsboken kunde inte skapas: {m}"),
            WorkbookError::Write { path, message, .. } => write!(
                f,
                "Excel-arbetsboken {} kunde inte sparas: {message}. Ingen fil skrevs.",
                path.display()
            ),
        }
    }
}

impl std::error::Error for WorkbookError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            WorkbookError::Write {
                source: Some(source),
                ..
            } => Some(source.error()),
            _ => None,
        }
    }
}

impl From<XlsxError> for WorkbookError {
    fn from(e: XlsxError) -> Self {
        WorkbookError::Build(e.to_string())
    }
}

/// The default file name: `delarsrapport-2020-t1-2-tabeller.xlsx`.
pub fn file_name(ws: &Workspace) -> String {
    let report = crate::export::report::file_name(ws);
    let stem = report.strip_suffix(".html").unwrap_or(&report);
    format!("{stem}-tabeller.xlsx")
}

/// Writes every table of `ws` as one workbook at `path` (atomically).
pub fn export_workbook(ws: &Workspace, path: &Path) -> Result<(), WorkbookError> {
    let bytes = workbook_bytes(ws)?;
    write_atomically(path, &bytes).map_err(|e| WorkbookError::Write {
        path: path.to_path_buf(),
        source: e.io_source(),
        message: e.into_reason(),
    })
}

/// The workbook of `ws` as the bytes of an .xlsx file.
pub fn workbook_bytes(ws: &Workspace) -> Result<Vec<u8>, WorkbookError> {
    let tables = all_tables(ws);
    let plans = plan_workbook(&tables);
    let mut book = Workbook::new();
    book.set_properties(
        &DocProperties::new()
            .set_title(crate::export::report::document_title(ws))
            .set_subject("Rapportens tabeller")
            .set_author("tertial"),
    );
    let mut styles = Styles::default();
    for plan in &plans {
        let sheet = book.add_worksheet();
        write_sheet(sheet, plan, &mut styles)?;
    }
    if plans.is_empty() {
        let sheet = book.add_worksheet();
        sheet.set_name("Tabeller")?;
        sheet.write_string(0, 0, "Arbetsytan har inga tabeller.")?;
    }
    Ok(book.save_to_buffer()?)
}

// ------------------------------------------------------------------ plan

/// What one cell of a sheet holds, before it is written.
#[derive(Debug, Clone, PartialEq)]
pub enum Out {
    Blank,
    Text(String),
    Number(Decimal),
    /// A formula (without `=`) and tertial's figure, cached as its value.
    Formula(String, Decimal),
}

/// One cell of a sheet: what it holds, how a number is shown, its note.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedCell {
    pub out: Out,
    /// The table's number format, for number cells.
    pub format: Option<Format>,
    pub note: Option<String>,
}

/// One sheet of the workbook, decided before anything is written (and
/// what the tests read back).
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub name: String,
    pub title: String,
    pub headers: Vec<String>,
    /// Each column's unit, as in the headers.
    pub units: Vec<Option<String>>,
    /// The table's rows; `sum[i]` whether row `i` is a sum row.
    pub rows: Vec<Vec<PlannedCell>>,
    pub sum: Vec<bool>,
}

/// Every sheet of the workbook of `tables`, in order.
pub fn plan_workbook(tables: &[Table]) -> Vec<Plan> {
    let names = sheet_names(tables.iter().map(|t| t.title.as_str()));
    tables
        .iter()
        .zip(names)
        .map(|(t, name)| plan_sheet(t, name))
        .collect()
}

fn plan_sheet(t: &Table, name: String) -> Plan {
    let mut rows = Vec::with_capacity(t.rows.len());
    let mut sum = Vec::with_capacity(t.rows.len());
    // The rows a sum row adds up: from the table's first row, or from the
    // sum row before it (Tabell 1's Ackumulerat överskott adds the Summa
    // row's Prognos and the rows below it).
    let mut range_start = FIRST_ROW;
    for (i, row) in t.rows.iter().enumerate() {
        let excel_row = FIRST_ROW + i as u32;
        let is_sum = row.kind == RowKind::Sum;
        let cells = row
            .cells
            .iter()
            .enumerate()
            .map(|(c, cell)| {
                let formula = if is_sum {
                    sum_formula(cell, c as u16, range_start, excel_row)
                } else {
                    row_formula(&t.id, c, excel_row + 1)
                };
                plan_cell(cell, formula)
            })
            .collect();
        rows.push(cells);
        sum.push(is_sum);
        if is_sum {
            range_start = excel_row;
        }
    }
    Plan {
        name,
        title: t.title.clone(),
        headers: t.headers_with_units(),
        units: t.column_units(),
        rows,
        sum,
    }
}

/// A sum row's formula for column `col`: the `SUM` of the rows from
/// `first` to the row above `row`, for computed amounts, FTE and counts.
/// Shares and changes in sum rows are not sums of their column (Tabell
/// 2b's Summa is the share of the sums), so they stay values.
fn sum_formula(cell: &Cell, col: u16, first: u32, row: u32) -> Option<String> {
    cell.computed.as_ref()?;
    let Value::Number(_, f) = &cell.value else {
        return None;
    };
    if matches!(f, Format::Percent | Format::Change) || row <= first {
        return None;
    }
    let letter = column_letter(col);
    Some(format!("SUM({letter}{}:{letter}{})", first + 1, row))
}

/// A computed cell's formula in terms of the other cells of its row
/// (`n`, Excel's 1-based row number), for the tables whose computed
/// columns are plain arithmetic of typed columns. Column indices are the
/// printed columns of `domain::sheets`; the tests recompute every formula
/// from the cells it names, so a column that moves shows up there.
fn row_formula(id: &str, col: usize, n: u32) -> Option<String> {
    let f = match (id, col) {
        // Summa = Tjänsteköp + Tillsvidare + Visstid.
        ("medarbetare", 4) => format!("SUM(B{n}:D{n})"),
        // Disponibla = Ingående + Erhållna; Kvarvarande = Disponibla − Utfall.
        ("tabell-1-budgetuppfoljning", 3) => format!("B{n}+C{n}"),
        ("tabell-1-budgetuppfoljning", 6) => format!("D{n}-F{n}"),
        // Ingående medel now = kommunerna + staten + övriga.
        ("tabell-2a-disponibla-medel", 2) => format!("D{n}+E{n}+F{n}"),
        // Utfall = kommunerna + staten + övriga.
        ("tabell-3a-finansiering", 1) => format!("C{n}+D{n}+E{n}"),
        // Disponibla = Ingående + Förväntade.
        ("budget-plan", 3) => format!("B{n}+C{n}"),
        // Per participant = external − internal; per course = that × participants.
        ("kostnadsreducering", 4) => format!("D{n}-B{n}"),
        ("kostnadsreducering", 5) => format!("E{n}*C{n}"),
        _ => return None,
    };
    Some(f)
}

/// What a table cell becomes. A computed cell with a formula becomes that
/// formula with tertial's figure cached; an overridden cell becomes the
/// typed value with a note on what the formula gives; a formula whose
/// inputs are all empty (tertial prints nothing) becomes an empty cell.
fn plan_cell(cell: &Cell, formula: Option<String>) -> PlannedCell {
    let (out, format) = match &cell.value {
        Value::Text(s) if s.is_empty() => (Out::Blank, None),
        Value::Text(s) => (Out::Text(s.clone()), None),
        Value::Number(None, f) => (Out::Blank, Some(f.clone())),
        Value::Number(Some(v), f) => (Out::Number(*v), Some(f.clone())),
    };
    let emptied = out == Out::Blank;
    let note = cell.computed.as_ref().filter(|c| c.overridden).map(|c| {
        let what = if emptied {
            "Lämnad tom för hand i tertial"
        } else {
            "Inskrivet för hand i tertial"
        };
        if !c.differs {
            format!("{what} (samma som formeln ger).")
        } else if c.formula.is_empty() {
            format!("{what}; formeln ger inget värde.")
        } else {
            format!("{what}; formeln ger {}.", c.formula)
        }
    });
    let out = match (out, formula, &cell.computed) {
        (Out::Number(v), Some(f), Some(c)) if !c.overridden => Out::Formula(f, v),
        (out, _, _) => out,
    };
    PlannedCell { out, format, note }
}

/// Excel's letters for a 0-based column: A, B, …, Z, AA, ….
pub fn column_letter(col: u16) -> String {
    let mut n = u32::from(col) + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

// ----------------------------------------------------------- sheet names

/// One sheet name per title: without the characters Excel forbids
/// (`[]:*?/\`, replaced by `-` or dropped), no leading or trailing
/// apostrophe, at most 31 characters, unique regardless of case (Excel's
/// rule). A long title keeps its ending after " – " (`… – mätetal`) and is
/// cut at a word where it can be.
pub fn sheet_names<'a>(titles: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut taken: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for title in titles {
        let base = shorten(&clean_name(title), SHEET_NAME_MAX);
        let mut name = base.clone();
        let mut n = 2;
        while taken.contains(&name.to_lowercase()) {
            let suffix = format!(" ({n})");
            name = format!(
                "{}{suffix}",
                shorten(&base, SHEET_NAME_MAX - suffix.len()).trim_end()
            );
            n += 1;
        }
        taken.push(name.to_lowercase());
        out.push(name);
    }
    out
}

fn clean_name(title: &str) -> String {
    let replaced: String = title
        .chars()
        .map(|c| match c {
            '/' | '\\' => '-',
            '[' | ']' | ':' | '*' | '?' => ' ',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let words: Vec<&str> = replaced.split_whitespace().collect();
    let joined = words.join(" ");
    let trimmed = joined.trim_matches('\'').trim();
    let name = if trimmed.is_empty() {
        "Tabell"
    } else {
        trimmed
    };
    // "History" is reserved by Excel.
    if name.eq_ignore_ascii_case("history") {
        "History (tabell)".to_string()
    } else {
        name.to_string()
    }
}

fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// `s` within `max` UTF-16 units (Excel counts those).
fn shorten(s: &str, max: usize) -> String {
    if utf16_len(s) <= max {
        return s.to_string();
    }
    if let Some((head, tail)) = s.rsplit_once(" – ") {
        let tail = format!(" – {tail}");
        let room = max.saturating_sub(utf16_len(&tail));
        if room >= 8 && utf16_len(&tail) <= 14 {
            return format!("{}{tail}", cut(head, room));
        }
    }
    cut(s, max)
}

/// `s` cut to `max` UTF-16 units, at a space when one is near the end.
fn cut(s: &str, max: usize) -> String {
    let mut end = 0;
    let mut units = 0;
    for (i, c) in s.char_indices() {
        if units + c.len_utf16() > max {
            break;
        }
        units += c.len_utf16();
        end = i + c.len_utf8();
    }
    let head = &s[..end];
    let at_word = s[end..].starts_with(' ') || end == s.len();
    let cut = match head.rfind(' ') {
        Some(space) if !at_word && space * 2 >= head.len() => &head[..space],
        _ => head,
    };
    cut.trim_end_matches([' ', '–', '-', ','])
        .trim_matches('\'')
        .to_string()
}

// --------------------------------------------------------------- writing

/// Excel's number format for a table's format; `unit_in_header` when the
/// column's header already names a count's unit.
pub fn number_format(f: &Format, unit_in_header: bool) -> String {
    let unit = |u: &str| {
        let u: String = u.chars().filter(|c| *c != '"' && *c != '\\').collect();
        format!("#,##0\" {u}\"")
    };
    match f {
        Format::Amount => "#,##0".into(),
        Format::Kronor => unit("kronor"),
        Format::Fte => "0.00".into(),
        Format::FteTrimmed => "General".into(),
        Format::Percent => "0%".into(),
        Format::Change => "+0%;-0%;0%".into(),
        Format::SignedAmount => "+#,##0;-#,##0;0".into(),
        Format::Count(u) if u.is_empty() || unit_in_header => "#,##0".into(),
        Format::Count(u) => unit(u),
    }
}

/// A number as Excel stores it: percentages as fractions.
fn excel_number(v: Decimal, f: Option<&Format>) -> Decimal {
    match f {
        Some(Format::Percent | Format::Change) => v / Decimal::ONE_HUNDRED,
        _ => v,
    }
}

/// The cell formats of a workbook, made once each.
#[derive(Default)]
struct Styles {
    numbers: HashMap<(String, bool), XFormat>,
}

impl Styles {
    fn number(&mut self, pattern: String, bold: bool) -> &XFormat {
        self.numbers
            .entry((pattern.clone(), bold))
            .or_insert_with(|| {
                let f = XFormat::new()
                    .set_num_format(pattern)
                    .set_align(FormatAlign::Top);
                if bold { f.set_bold() } else { f }
            })
    }
}

fn text_format(bold: bool) -> XFormat {
    let f = XFormat::new().set_text_wrap().set_align(FormatAlign::Top);
    if bold { f.set_bold() } else { f }
}

/// A text as a cell may hold it: XML's characters, within Excel's limit.
fn cell_text(s: &str) -> String {
    let s = xml_chars(s);
    if s.chars().count() <= CELL_TEXT_MAX {
        return s.into_owned();
    }
    s.chars().take(CELL_TEXT_MAX - 1).chain(['…']).collect()
}

fn to_f64(v: Decimal) -> f64 {
    v.to_f64().unwrap_or(0.0)
}

fn write_sheet(sheet: &mut Worksheet, plan: &Plan, styles: &mut Styles) -> Result<(), XlsxError> {
    sheet.set_name(&plan.name)?;
    sheet.write_string_with_format(
        TITLE_ROW,
        0,
        cell_text(&plan.title),
        &XFormat::new().set_bold().set_font_size(12),
    )?;
    let header = XFormat::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border_bottom(FormatBorder::Thin);
    for (c, h) in plan.headers.iter().enumerate() {
        sheet.write_string_with_format(HEADER_ROW, c as u16, cell_text(h), &header)?;
    }
    let text = [text_format(false), text_format(true)];
    for (i, row) in plan.rows.iter().enumerate() {
        let r = FIRST_ROW + i as u32;
        let bold = plan.sum.get(i).copied().unwrap_or(false);
        for (c, cell) in row.iter().enumerate() {
            let c16 = c as u16;
            let unit_in_header = plan.units.get(c).is_some_and(Option::is_some);
            let pattern = cell
                .format
                .as_ref()
                .map(|f| number_format(f, unit_in_header));
            match (&cell.out, pattern) {
                (Out::Blank, Some(p)) => {
                    sheet.write_blank(r, c16, styles.number(p, bold))?;
                }
                (Out::Blank, None) => {
                    if bold {
                        sheet.write_blank(r, c16, &text[1])?;
                    }
                }
                (Out::Text(s), _) => {
                    sheet.write_string_with_format(
                        r,
                        c16,
                        cell_text(s),
                        &text[usize::from(bold)],
                    )?;
                }
                (Out::Number(v), p) => {
                    let v = excel_number(*v, cell.format.as_ref());
                    let p = p.unwrap_or_else(|| "General".into());
                    sheet.write_number_with_format(r, c16, to_f64(v), styles.number(p, bold))?;
                }
                (Out::Formula(f, v), p) => {
                    let v = excel_number(*v, cell.format.as_ref());
                    let p = p.unwrap_or_else(|| "General".into());
                    let formula =
                        Formula::new(format!("={f}")).set_result(v.normalize().to_string());
                    sheet.write_formula_with_format(r, c16, formula, styles.number(p, bold))?;
                }
            }
            if let Some(note) = &cell.note {
                sheet.insert_note(
                    r,
                    c16,
                    &Note::new(note).add_author_prefix(false).set_width(220),
                )?;
            }
        }
    }
    let widths = column_widths(plan);
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(c as u16, *w)?;
    }
    // Rows whose texts wrap get the height of their lines: not every
    // spreadsheet sizes a wrapped row by itself on opening (LibreOffice
    // does not for the header row), and a cut header misleads.
    let headers: Vec<&str> = plan.headers.iter().map(String::as_str).collect();
    sheet.set_row_height(HEADER_ROW, row_height(&headers, &widths, 1.0))?;
    for (i, row) in plan.rows.iter().enumerate() {
        let texts: Vec<&str> = row
            .iter()
            .map(|c| match &c.out {
                Out::Text(s) => s.as_str(),
                _ => "",
            })
            .collect();
        let bold = plan.sum.get(i).copied().unwrap_or(false);
        let height = row_height(&texts, &widths, if bold { 1.05 } else { 1.0 });
        if height > LINE_HEIGHT {
            sheet.set_row_height(FIRST_ROW + i as u32, height)?;
        }
    }
    sheet.set_freeze_panes(FIRST_ROW, 0)?;
    sheet.set_repeat_rows(TITLE_ROW, HEADER_ROW)?;
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_paper_size(9); // A4
    if widths.iter().sum::<f64>() > PORTRAIT_WIDTH {
        sheet.set_landscape();
    }
    Ok(())
}

/// The height of one line of text in points (Calibri 11).
const LINE_HEIGHT: f64 = 15.0;

/// The lines `text` takes when wrapped at words in a column `width`
/// characters wide (`scale` > 1 for bold type).
fn wrapped_lines(text: &str, width: f64, scale: f64) -> usize {
    let room = ((width - 0.5) / scale).max(1.0);
    let mut lines = 0;
    for paragraph in text.split('\n') {
        let mut line = 0.0;
        lines += 1;
        for word in paragraph.split_whitespace() {
            let w = word.chars().count() as f64;
            if line > 0.0 && line + 1.0 + w > room {
                lines += 1;
                line = w;
            } else if line > 0.0 {
                line += 1.0 + w;
            } else {
                line = w;
            }
            while line > room {
                lines += 1;
                line -= room;
            }
        }
    }
    lines.max(1)
}

/// The height of a row whose cells hold `texts`, in points.
fn row_height(texts: &[&str], widths: &[f64], scale: f64) -> f64 {
    let lines = texts
        .iter()
        .zip(widths)
        .map(|(t, w)| wrapped_lines(t, *w, scale))
        .max()
        .unwrap_or(1)
        .min(400 / LINE_HEIGHT as usize);
    lines as f64 * LINE_HEIGHT
}

/// Each column's width in characters: wide enough for its longest value
/// as printed and for its header wrapped on at most three lines (never
/// narrower than the header's longest word); long texts wrap at 60.
pub fn column_widths(plan: &Plan) -> Vec<f64> {
    let n = plan
        .rows
        .iter()
        .map(Vec::len)
        .chain([plan.headers.len()])
        .max()
        .unwrap_or(0);
    (0..n)
        .map(|c| {
            let header = plan.headers.get(c).map(String::as_str).unwrap_or("");
            let longest_word = header
                .split_whitespace()
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(0);
            let header_need = longest_word.max(header.chars().count().div_ceil(3));
            let mut cell_need = 0;
            let mut texts = false;
            for cell in plan.rows.iter().filter_map(|r| r.get(c)) {
                let len = match &cell.out {
                    Out::Blank => 0,
                    Out::Text(s) => {
                        texts = true;
                        s.chars().count()
                    }
                    Out::Number(v) | Out::Formula(_, v) => cell
                        .format
                        .as_ref()
                        .map(|f| {
                            crate::domain::tables::fmt_number(Some(*v), f)
                                .chars()
                                .count()
                        })
                        .unwrap_or(8),
                };
                cell_need = cell_need.max(len);
            }
            let cap = if texts { 60 } else { 24 };
            let w = header_need.max(cell_need.min(cap)).clamp(6, 60);
            // A little room for Excel's padding and bold sum rows.
            w as f64 + 2.0
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_follow_excels_rules() {
        let names = sheet_names([
            "Tabell 1 Budgetuppföljning per 2020-08-31 (tkr)",
            "2.1 Ökad kompetens hos personalen i länets kommuner – mätetal",
            "2.1 Ökad kompetens hos personalen i länets kommuner – aktiviteter",
            "Kurser/arrangemang [per] område: *?\\",
            "Samma namn",
            "samma NAMN",
            "'citerad'",
            "History",
            "",
        ]);
        for n in &names {
            assert!(utf16_len(n) <= 31, "{n}");
            assert!(!n.contains(['[', ']', ':', '*', '?', '/', '\\']), "{n}");
            assert!(!n.starts_with('\'') && !n.ends_with('\''), "{n}");
        }
        assert_eq!(names[0], "Tabell 1 Budgetuppföljning per");
        assert!(names[1].ends_with(" – mätetal"), "{}", names[1]);
        assert!(names[2].ends_with(" – aktiviteter"), "{}", names[2]);
        assert_eq!(names[3], "Kurser-arrangemang per område -");
        assert_eq!(names[4], "Samma namn");
        assert_eq!(names[5], "samma NAMN (2)");
        assert_eq!(names[6], "citerad");
        assert_ne!(names[7].to_lowercase(), "history");
        assert_eq!(names[8], "Tabell");
    }

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }
}
