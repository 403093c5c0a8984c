//! Editable tables as sheets. One declaration per table ([`Column`]s:
//! header, kind, width, how a cell is read, written and printed) is what
//! the printed tables (`tables`), the editor's grid, copy and paste and the
//! exports all read, so a column is declared once. This module also holds
//! the spreadsheet rules that do not need a window: what a cell shows and
//! edits, how typed and pasted text is written (Swedish numbers, choices,
//! ticks), how a block copied from Excel is pasted and how a selection is
//! copied back. Knows nothing of egui.

use std::collections::BTreeMap;
use std::fmt;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::model::Override;
use super::numbers::{self, NBSP};
use super::tables::{Cell, Format, Row, RowKind, Table, Value};

/// How wide a column wants to be; the grid turns this into pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Width {
    /// A short code or tick (Fotnot, Räknas, a municipality's tick).
    Narrow,
    /// A number.
    Number,
    /// A one-line text (a name, a period).
    Text,
    /// A text that may run long (a description): shown cut with an
    /// ellipsis, edited in a multi-line editor.
    Long,
}

type Get<'a, R, T> = Box<dyn Fn(&R) -> T + 'a>;
type Put<'a, R, T> = Box<dyn Fn(&mut R, T) + 'a>;
type TryPut<'a, R> = Box<dyn Fn(&mut R, &str) -> Result<(), String> + 'a>;

/// A further rule on a typed number, with the reason it refuses one.
pub type NumberCheck<'a, R> = Box<dyn Fn(&R, Decimal) -> Result<(), String> + 'a>;
/// A cell made from a row and its index (a computed or printed value).
pub type MakeCell<'a, R> = Box<dyn Fn(usize, &R) -> Cell + 'a>;
/// A row's name in messages, from its index and the row.
pub type RowName<'a, R> = Box<dyn Fn(usize, &R) -> String + 'a>;

/// How a column's cells are read and written.
pub enum Access<'a, R> {
    /// Text the author types.
    Text {
        /// Reads the text.
        get: Get<'a, R, String>,
        /// Writes the text.
        set: Put<'a, R, String>,
    },
    /// A number the author types, read as Swedish input.
    Number {
        /// Reads the number.
        get: Get<'a, R, Option<Decimal>>,
        /// Writes the number.
        set: Put<'a, R, Option<Decimal>>,
        /// The format depends on the row for mätetal (percent, kronor, count).
        format: Get<'a, R, Format>,
        /// A further rule (a whole number, at most the group's members).
        check: Option<NumberCheck<'a, R>>,
    },
    /// One of a few named values (Läge, Beslut, Slag).
    Choice {
        /// The values, as shown.
        options: Vec<String>,
        /// Reads the chosen value's index.
        get: Get<'a, R, usize>,
        /// Writes the chosen value's index.
        set: Put<'a, R, usize>,
    },
    /// A tick (present at a meeting, counted).
    Flag {
        /// Reads the tick.
        get: Get<'a, R, bool>,
        /// Writes the tick.
        set: Put<'a, R, bool>,
    },
    /// Text written through a rule of its own (a date, a unit that only
    /// applies to counts); `set` refuses bad text with a reason.
    Parsed {
        /// Reads the text.
        get: Get<'a, R, String>,
        /// Writes the text, or says why not.
        set: TryPut<'a, R>,
    },
    /// Shown, not edited (a municipality's name in Bilaga 2).
    Fixed {
        /// Reads the text.
        get: Get<'a, R, String>,
    },
    /// Computed by the domain; `cell` gives the printed cell of data row
    /// `index`. With `slot`, the author can type over it.
    Computed {
        /// Makes the printed cell of a data row.
        cell: MakeCell<'a, R>,
        /// Where an override is kept, when the cell can be typed over.
        slot: Option<Slot<'a, R>>,
    },
}

/// Where a computed cell's override is kept.
pub struct Slot<'a, R> {
    is_set: Get<'a, R, bool>,
    set: TryPut<'a, R>,
    clear: Box<dyn Fn(&mut R) + 'a>,
    /// For computed choices (status, trend): the values to pick from.
    choices: Option<Vec<String>>,
}

impl<'a, R: 'a> Slot<'a, R> {
    /// An override in a row's overrides map, under `key`, read as a
    /// Swedish number ("" stores an empty cell).
    pub fn in_map<K: Ord + Copy + 'a>(
        map: fn(&R) -> &BTreeMap<K, Override>,
        map_mut: fn(&mut R) -> &mut BTreeMap<K, Override>,
        key: K,
    ) -> Self {
        Slot {
            is_set: Box::new(move |r| map(r).contains_key(&key)),
            set: Box::new(move |r, text| {
                let ov = parse_override(text)?;
                map_mut(r).insert(key, ov);
                Ok(())
            }),
            clear: Box::new(move |r| {
                map_mut(r).remove(&key);
            }),
            choices: None,
        }
    }

    /// An override of a computed choice kept in an `Option<Override<T>>`
    /// (a mätetal's status or trend); `options` names the values.
    pub fn choice<T: Copy + 'a>(
        get: fn(&R) -> &Option<Override<T>>,
        get_mut: fn(&mut R) -> &mut Option<Override<T>>,
        options: Vec<(T, String)>,
    ) -> Self {
        let names: Vec<String> = options.iter().map(|(_, n)| n.clone()).collect();
        Slot {
            is_set: Box::new(move |r| get(r).is_some()),
            set: Box::new(move |r, text| {
                let text = text.trim();
                if text.is_empty() {
                    *get_mut(r) = Some(Override::Blank);
                    return Ok(());
                }
                let names: Vec<String> = options.iter().map(|(_, n)| n.clone()).collect();
                let i = match_choice(&names, text)?;
                *get_mut(r) = Some(Override::Value(options[i].0));
                Ok(())
            }),
            clear: Box::new(move |r| *get_mut(r) = None),
            choices: Some(names),
        }
    }
}

fn parse_override(text: &str) -> Result<Override, String> {
    let t = text.trim();
    if t.is_empty() {
        Ok(Override::Blank)
    } else {
        numbers::parse_value(t)
            .map(Override::Value)
            .map_err(|e| e.to_string())
    }
}

/// One column of a sheet.
pub struct Column<'a, R> {
    /// The editor's header (unique within the sheet: accessible names and
    /// messages use it).
    pub header: String,
    /// The report's header when it differs (an empty label header, a
    /// second "Förändring").
    pub print_header: Option<String>,
    /// The full name where the header is shortened (a municipality's
    /// column in the registration grid): tooltips, messages, screen readers.
    pub long_header: Option<String>,
    /// How wide the grid draws it.
    pub width: Width,
    /// Printed in the report's table; editor-only columns are not.
    pub printed: bool,
    /// When a cell can be edited in a given row (a tick for a municipality
    /// outside the group cannot).
    pub enabled: Option<Get<'a, R, bool>>,
    /// What the report prints when it is not the typed value (a label with
    /// its footnote marker, "ja"/"nej" for a tick, the common target where
    /// a group has none of its own).
    print: Option<MakeCell<'a, R>>,
    /// How its cells are read and written.
    pub access: Access<'a, R>,
}

impl<'a, R: 'a> Column<'a, R> {
    fn new(header: impl Into<String>, width: Width, access: Access<'a, R>) -> Self {
        Column {
            header: header.into(),
            print_header: None,
            long_header: None,
            width,
            printed: true,
            enabled: None,
            print: None,
            access,
        }
    }

    /// A one-line text column.
    pub fn text(
        header: impl Into<String>,
        get: impl Fn(&R) -> &String + 'a,
        set: impl Fn(&mut R) -> &mut String + 'a,
    ) -> Self {
        Column::new(
            header,
            Width::Text,
            Access::Text {
                get: Box::new(move |r| get(r).clone()),
                set: Box::new(move |r, v| *set(r) = v),
            },
        )
    }

    /// A text column whose cells may run long.
    pub fn long_text(
        header: impl Into<String>,
        get: impl Fn(&R) -> &String + 'a,
        set: impl Fn(&mut R) -> &mut String + 'a,
    ) -> Self {
        let mut c = Column::text(header, get, set);
        c.width = Width::Long;
        c
    }

    /// A number column in one format.
    pub fn number(
        header: impl Into<String>,
        format: Format,
        get: impl Fn(&R) -> Option<Decimal> + 'a,
        set: impl Fn(&mut R) -> &mut Option<Decimal> + 'a,
    ) -> Self {
        Column::new(
            header,
            Width::Number,
            Access::Number {
                get: Box::new(get),
                set: Box::new(move |r, v| *set(r) = v),
                format: Box::new(move |_| format.clone()),
                check: None,
            },
        )
    }

    /// A number column whose format depends on the row.
    pub fn number_by_row(
        header: impl Into<String>,
        format: impl Fn(&R) -> Format + 'a,
        get: impl Fn(&R) -> Option<Decimal> + 'a,
        set: impl Fn(&mut R, Option<Decimal>) + 'a,
    ) -> Self {
        Column::new(
            header,
            Width::Number,
            Access::Number {
                get: Box::new(get),
                set: Box::new(set),
                format: Box::new(format),
                check: None,
            },
        )
    }

    /// A whole count from 0 to what `max` allows for the row, kept as an
    /// integer in the model (regional representatives present).
    pub fn count(
        header: impl Into<String>,
        max: impl Fn(&R) -> u32 + 'a,
        get: impl Fn(&R) -> u32 + 'a,
        set: impl Fn(&mut R, u32) + 'a,
    ) -> Self {
        let max = std::rc::Rc::new(max);
        let max2 = max.clone();
        Column::new(
            header,
            Width::Narrow,
            Access::Number {
                get: Box::new(move |r| Some(Decimal::from(get(r)))),
                set: Box::new(move |r, v| {
                    let n = v.and_then(|d| d.trunc().to_u32()).unwrap_or(0);
                    set(r, n)
                }),
                format: Box::new(|_| Format::Amount),
                check: Some(Box::new(move |r, v| {
                    let most = max2(r);
                    if v.fract() != Decimal::ZERO || v < Decimal::ZERO {
                        Err(format!(
                            "\"{}\": skriv ett helt antal från 0 till {most}.",
                            numbers::format_decimal(v, v.scale())
                        ))
                    } else if v > Decimal::from(most) {
                        Err(format!(
                            "{} är fler än de {most} som finns.",
                            numbers::format_decimal(v, 0)
                        ))
                    } else {
                        Ok(())
                    }
                })),
            },
        )
        .with_enabled(move |r| max(r) > 0)
    }

    /// One of a few named values.
    pub fn choice(
        header: impl Into<String>,
        options: Vec<String>,
        get: impl Fn(&R) -> usize + 'a,
        set: impl Fn(&mut R, usize) + 'a,
    ) -> Self {
        Column::new(
            header,
            Width::Text,
            Access::Choice {
                options,
                get: Box::new(get),
                set: Box::new(set),
            },
        )
    }

    /// A tick.
    pub fn flag(
        header: impl Into<String>,
        get: impl Fn(&R) -> bool + 'a,
        set: impl Fn(&mut R, bool) + 'a,
    ) -> Self {
        Column::new(
            header,
            Width::Narrow,
            Access::Flag {
                get: Box::new(get),
                set: Box::new(set),
            },
        )
    }

    /// Text written through a rule of its own.
    pub fn parsed(
        header: impl Into<String>,
        width: Width,
        get: impl Fn(&R) -> String + 'a,
        set: impl Fn(&mut R, &str) -> Result<(), String> + 'a,
    ) -> Self {
        Column::new(
            header,
            width,
            Access::Parsed {
                get: Box::new(get),
                set: Box::new(set),
            },
        )
    }

    /// A column that is shown, not edited.
    pub fn fixed(header: impl Into<String>, get: impl Fn(&R) -> String + 'a) -> Self {
        Column::new(header, Width::Text, Access::Fixed { get: Box::new(get) })
    }

    /// A computed column; `cell` gives data row `index`'s printed cell.
    pub fn computed(header: impl Into<String>, cell: impl Fn(usize, &R) -> Cell + 'a) -> Self {
        Column::new(
            header,
            Width::Number,
            Access::Computed {
                cell: Box::new(cell),
                slot: None,
            },
        )
    }

    /// The author can type over this computed column.
    pub fn overridable(mut self, slot: Slot<'a, R>) -> Self {
        if let Access::Computed { slot: s, .. } = &mut self.access {
            *s = Some(slot);
        }
        self
    }

    /// The report prints the column under another header.
    pub fn printed_as(mut self, header: impl Into<String>) -> Self {
        self.print_header = Some(header.into());
        self
    }

    /// The header is a short form of `name`.
    pub fn long_header(mut self, name: impl Into<String>) -> Self {
        self.long_header = Some(name.into());
        self
    }

    /// The column is an editing aid, not printed in the report.
    pub fn not_printed(mut self) -> Self {
        self.printed = false;
        self
    }

    /// The column's width.
    pub fn with_width(mut self, width: Width) -> Self {
        self.width = width;
        self
    }

    /// The report prints this column as `print` gives it.
    pub fn printing(mut self, print: impl Fn(usize, &R) -> Cell + 'a) -> Self {
        self.print = Some(Box::new(print));
        self
    }

    /// The report prints this column's text as `print` gives it.
    pub fn printing_text(self, print: impl Fn(&R) -> String + 'a) -> Self {
        self.printing(move |_, r| Cell::text(print(r)))
    }

    /// Cells of this column can be edited only where `enabled` says so.
    pub fn with_enabled(mut self, enabled: impl Fn(&R) -> bool + 'a) -> Self {
        self.enabled = Some(Box::new(enabled));
        self
    }

    /// A further rule for a number column.
    pub fn checked(mut self, rule: impl Fn(&R, Decimal) -> Result<(), String> + 'a) -> Self {
        if let Access::Number { check, .. } = &mut self.access {
            *check = Some(Box::new(rule));
        }
        self
    }

    /// Whether the author types this column's values (not computed or fixed).
    pub fn is_input(&self) -> bool {
        !matches!(self.access, Access::Computed { .. } | Access::Fixed { .. })
    }

    /// The cell the report prints for data row `index`.
    pub fn print(&self, index: usize, r: &R) -> Cell {
        if let Some(p) = &self.print {
            return p(index, r);
        }
        self.typed(index, r)
    }

    /// The cell as typed (what the grid shows for an input).
    fn typed(&self, index: usize, r: &R) -> Cell {
        match &self.access {
            Access::Text { get, .. } => Cell::text(get(r)),
            Access::Number { get, format, .. } => Cell::number(get(r), format(r)),
            Access::Choice { options, get, .. } => {
                Cell::text(options.get(get(r)).cloned().unwrap_or_default())
            }
            Access::Flag { get, .. } => Cell::text(if get(r) { "✔" } else { "" }),
            Access::Parsed { get, .. } | Access::Fixed { get } => Cell::text(get(r)),
            Access::Computed { cell, .. } => cell(index, r),
        }
    }
}

/// The headers the report prints for `columns`.
pub fn printed_headers<R>(columns: &[Column<'_, R>]) -> Vec<String> {
    columns
        .iter()
        .filter(|c| c.printed)
        .map(|c| c.print_header.clone().unwrap_or_else(|| c.header.clone()))
        .collect()
}

/// The report's data rows for `rows`, one printed cell per printed column.
pub fn printed_rows<R>(columns: &[Column<'_, R>], rows: &[R]) -> Vec<Row> {
    rows.iter()
        .enumerate()
        .map(|(i, r)| Row {
            kind: RowKind::Data,
            cells: columns
                .iter()
                .filter(|c| c.printed)
                .map(|c| c.print(i, r))
                .collect(),
        })
        .collect()
}

/// Rows after the data rows (sums, notes) with overrides of their own, by
/// printed column.
pub trait FooterOverrides {
    /// Whether printed column `key` of the footer has an override.
    fn is_set(&self, key: usize) -> bool;
    /// Override printed column `key` of the footer.
    fn set(&mut self, key: usize, ov: Override);
    /// Give printed column `key` of the footer back its formula.
    fn clear(&mut self, key: usize);
}

/// A table's sum-row overrides map, with its keys by printed column.
pub struct KeyedOverrides<'a, K> {
    /// The overrides, by key.
    pub map: &'a mut BTreeMap<K, Override>,
    /// `(printed column, key)`.
    pub keys: Vec<(usize, K)>,
}

impl<K: Ord + Copy> KeyedOverrides<'_, K> {
    fn key(&self, printed: usize) -> Option<K> {
        self.keys
            .iter()
            .find(|(i, _)| *i == printed)
            .map(|(_, k)| *k)
    }
}

impl<K: Ord + Copy> FooterOverrides for KeyedOverrides<'_, K> {
    fn is_set(&self, printed: usize) -> bool {
        self.key(printed).is_some_and(|k| self.map.contains_key(&k))
    }
    fn set(&mut self, printed: usize, ov: Override) {
        if let Some(k) = self.key(printed) {
            self.map.insert(k, ov);
        }
    }
    fn clear(&mut self, printed: usize) {
        if let Some(k) = self.key(printed) {
            self.map.remove(&k);
        }
    }
}

/// The printed rows after the data rows, and where their overrides go.
pub struct Footer<'a> {
    /// The footer rows as printed.
    pub rows: Vec<Row>,
    /// Overrides of the `Sum` rows, by printed column.
    pub overrides: Option<Box<dyn FooterOverrides + 'a>>,
    /// Printed columns whose sum cell can be typed over.
    pub keys: Vec<usize>,
}

impl Footer<'_> {
    /// No footer rows.
    pub fn none() -> Self {
        Footer {
            rows: Vec::new(),
            overrides: None,
            keys: Vec::new(),
        }
    }

    /// The rows of `printed` after its first `data_rows` rows.
    pub fn from_printed(printed: &Table, data_rows: usize) -> Self {
        Footer {
            rows: printed.rows.iter().skip(data_rows).cloned().collect(),
            overrides: None,
            keys: Vec::new(),
        }
    }

    /// The sum rows' overrides live in `map`, under `keys` by printed column.
    pub fn with_overrides<'b, K: Ord + Copy + 'b>(
        self,
        map: &'b mut BTreeMap<K, Override>,
        keys: Vec<(usize, K)>,
    ) -> Footer<'b>
    where
        Self: 'b,
    {
        let printed_keys = keys.iter().map(|(i, _)| *i).collect();
        Footer {
            rows: self.rows,
            overrides: Some(Box::new(KeyedOverrides { map, keys })),
            keys: printed_keys,
        }
    }
}

/// A table being edited: its columns over the model's rows, and the rows
/// printed after them.
pub struct Sheet<'a, R> {
    /// The columns, in order.
    pub columns: Vec<Column<'a, R>>,
    /// The model's rows.
    pub rows: &'a mut Vec<R>,
    /// The rows after the data (sums).
    pub footer: Footer<'a>,
    /// Rows can be added, moved and removed (not in Bilaga 2's fixed list).
    pub row_ops: bool,
    new_row: Box<dyn Fn() -> R + 'a>,
    /// How rows are named in messages ("träff 3"); else by the first column.
    row_name: Option<RowName<'a, R>>,
}

impl<'a, R: Default> Sheet<'a, R> {
    /// A sheet over `rows` with `columns`.
    pub fn new(columns: Vec<Column<'a, R>>, rows: &'a mut Vec<R>) -> Self {
        Sheet {
            columns,
            rows,
            footer: Footer::none(),
            row_ops: true,
            new_row: Box::new(R::default),
            row_name: None,
        }
    }
}

impl<'a, R> Sheet<'a, R> {
    /// The sheet with footer rows (sums) after the data rows.
    pub fn with_footer(mut self, footer: Footer<'a>) -> Self {
        self.footer = footer;
        self
    }

    /// Rows are fixed: none is added, moved or removed.
    pub fn fixed_rows(mut self) -> Self {
        self.row_ops = false;
        self
    }

    /// New rows start as `new_row` gives them.
    pub fn new_rows(mut self, new_row: impl Fn() -> R + 'a) -> Self {
        self.new_row = Box::new(new_row);
        self
    }

    /// Rows are named by `name` (row index, row) instead of their first cell.
    pub fn row_names(mut self, name: impl Fn(usize, &R) -> String + 'a) -> Self {
        self.row_name = Some(Box::new(name));
        self
    }

    fn printed_index(&self, col: usize) -> Option<usize> {
        let c = self.columns.get(col)?;
        if !c.printed {
            return None;
        }
        Some(self.columns[..col].iter().filter(|c| c.printed).count())
    }

    fn enabled(&self, col: &Column<'a, R>, r: &R) -> bool {
        col.enabled.as_ref().is_none_or(|e| e(r))
    }
}

/// A cell's place: rows past the data rows are the footer's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct At {
    /// Row index (data rows, then footer rows).
    pub row: usize,
    /// Column index.
    pub col: usize,
}

impl At {
    /// The cell at `row`, `col`.
    pub fn new(row: usize, col: usize) -> Self {
        At { row, col }
    }
}

/// What a cell is, for the grid.
#[derive(Debug, Clone, PartialEq)]
pub enum Role {
    /// Typed by the author.
    Input,
    /// A tick; `true` when ticked.
    Flag(bool),
    /// Computed; `overridden` when typed over, `formula` is what the
    /// formula gives (as printed), `slot` when it can be typed over.
    Computed {
        /// Typed over.
        overridden: bool,
        /// What the formula gives, as printed.
        formula: String,
        /// Can be typed over.
        slot: bool,
    },
    /// Shown only (labels of sum rows, fixed names, disabled cells).
    Fixed,
}

/// One cell as the grid shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct CellView {
    /// As the report prints it.
    pub text: String,
    /// What an editor starts with: every decimal, no thousands separator
    /// rounding, the text as typed.
    pub edit: String,
    /// As copied to the clipboard: numbers as Swedish Excel reads them.
    pub copy: String,
    /// What kind of cell it is.
    pub role: Role,
    /// Numbers are right-aligned.
    pub numeric: bool,
    /// The values to pick from (a choice, or a computed choice's override).
    pub choices: Option<Vec<String>>,
}

impl CellView {
    fn of_cell(cell: &Cell, role: Role) -> Self {
        CellView {
            text: cell.display(),
            edit: match &cell.value {
                Value::Number(v, f) => edit_text(*v, f),
                Value::Text(t) => t.clone(),
            },
            copy: cell.csv(),
            role,
            numeric: matches!(cell.value, Value::Number(..)),
            choices: None,
        }
    }

    fn empty() -> Self {
        CellView {
            text: String::new(),
            edit: String::new(),
            copy: String::new(),
            role: Role::Fixed,
            numeric: false,
            choices: None,
        }
    }

    /// The author can type here (an input, or a computed cell with a slot).
    pub fn is_input(&self) -> bool {
        matches!(self.role, Role::Input | Role::Flag(_))
    }
}

/// The text shown when editing a number: every decimal it has, at least as
/// many as the format prints, no rounding, no thousands separator.
pub fn edit_text(v: Option<Decimal>, format: &Format) -> String {
    let Some(v) = v else { return String::new() };
    let v = v.normalize();
    let plain = |dp: u32| numbers::format_decimal(v, dp).replace(NBSP, "");
    match format {
        Format::Fte => plain(v.scale().max(2)),
        Format::Percent | Format::Change => format!("{}{NBSP}%", plain(v.scale())),
        _ => plain(v.scale()),
    }
}

/// Why a write was refused; `Display` gives the Swedish reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteError {
    /// The text cannot be read as the cell's kind of value.
    Invalid(String),
    /// The cell is computed (it can only be typed over).
    Computed,
    /// The cell cannot be edited in this row.
    ReadOnly,
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::Invalid(why) => write!(f, "{why}"),
            WriteError::Computed => write!(f, "cellen är beräknad"),
            WriteError::ReadOnly => write!(f, "cellen kan inte ändras här"),
        }
    }
}

/// The grid's view of a sheet: what it shows and what it may change. Not
/// generic, so one widget draws every table.
pub trait Grid {
    /// Number of columns.
    fn column_count(&self) -> usize;
    /// The column's header as shown.
    fn header(&self, col: usize) -> &str;
    /// The header in full (where the shown header is shortened).
    fn long_header(&self, col: usize) -> &str {
        self.header(col)
    }
    /// The column's width.
    fn width(&self, col: usize) -> Width;
    /// Whether the column holds typed values (computed and fixed do not).
    fn column_is_input(&self, col: usize) -> bool;
    /// Data rows (the model's rows).
    fn len(&self) -> usize;
    /// Whether the table has no data rows.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Data rows plus footer rows.
    fn total_rows(&self) -> usize;
    /// What the cell shows and how it may be edited.
    fn cell(&self, at: At) -> CellView;
    /// The row's name in messages and accessible names.
    fn row_label(&self, row: usize) -> String;
    /// Write typed or pasted text into an input cell. `Ok(true)` when the
    /// model changed.
    fn write(&mut self, at: At, text: &str) -> Result<bool, WriteError>;
    /// Type over a computed cell ("" = show it empty).
    fn write_override(&mut self, at: At, text: &str) -> Result<bool, WriteError>;
    /// Give a computed cell back its formula.
    fn reset_override(&mut self, at: At) -> bool;
    /// Whether rows may be added, removed and moved.
    fn can_edit_rows(&self) -> bool;
    /// Insert a new row at `at`.
    fn insert_row(&mut self, at: usize);
    /// Remove the row at `at`.
    fn remove_row(&mut self, at: usize);
    /// Move the row at `from` to `to`.
    fn move_row(&mut self, from: usize, to: usize);
}

impl<R> Grid for Sheet<'_, R> {
    fn column_count(&self) -> usize {
        self.columns.len()
    }

    fn header(&self, col: usize) -> &str {
        self.columns
            .get(col)
            .map(|c| c.header.as_str())
            .unwrap_or("")
    }

    fn long_header(&self, col: usize) -> &str {
        self.columns
            .get(col)
            .map(|c| c.long_header.as_deref().unwrap_or(&c.header))
            .unwrap_or("")
    }

    fn width(&self, col: usize) -> Width {
        self.columns
            .get(col)
            .map(|c| c.width)
            .unwrap_or(Width::Text)
    }

    fn column_is_input(&self, col: usize) -> bool {
        self.columns.get(col).is_some_and(|c| c.is_input())
    }

    fn len(&self) -> usize {
        self.rows.len()
    }

    fn total_rows(&self) -> usize {
        self.rows.len() + self.footer.rows.len()
    }

    fn cell(&self, at: At) -> CellView {
        let Some(col) = self.columns.get(at.col) else {
            return CellView::empty();
        };
        if let Some(r) = self.rows.get(at.row) {
            let enabled = self.enabled(col, r);
            return match &col.access {
                Access::Computed { cell, slot } => {
                    let c = cell(at.row, r);
                    let computed = c.computed.clone().unwrap_or(super::tables::Computed {
                        formula: c.display(),
                        overridden: false,
                        differs: false,
                    });
                    let mut v = CellView::of_cell(
                        &c,
                        Role::Computed {
                            overridden: slot.as_ref().is_some_and(|s| (s.is_set)(r)),
                            formula: computed.formula,
                            slot: slot.is_some(),
                        },
                    );
                    v.choices = slot.as_ref().and_then(|s| s.choices.clone());
                    v
                }
                Access::Flag { get, .. } => {
                    let on = get(r);
                    CellView {
                        text: if on { "✔".into() } else { String::new() },
                        edit: if on { "x".into() } else { String::new() },
                        copy: if on { "x".into() } else { String::new() },
                        role: if enabled { Role::Flag(on) } else { Role::Fixed },
                        numeric: false,
                        choices: None,
                    }
                }
                Access::Fixed { .. } => CellView::of_cell(&col.print(at.row, r), Role::Fixed),
                Access::Text { .. } | Access::Parsed { .. } | Access::Choice { .. } => {
                    // The grid shows what was typed; the report may print
                    // more (a label with its footnote marker).
                    let typed = col.typed(at.row, r);
                    let mut v = CellView::of_cell(&typed, Role::Input);
                    if let Access::Choice { options, .. } = &col.access {
                        v.choices = Some(options.clone());
                    }
                    if !enabled {
                        v.role = Role::Fixed;
                    }
                    v
                }
                Access::Number { get, format, .. } => {
                    let typed = col.typed(at.row, r);
                    let mut v = CellView::of_cell(&col.print(at.row, r), Role::Input);
                    v.edit = edit_text(get(r), &format(r));
                    v.copy = typed.csv();
                    v.numeric = true;
                    if !enabled {
                        v.role = Role::Fixed;
                    }
                    v
                }
            };
        }
        // A footer row: the printed cell under this column, if any.
        let Some(frow) = self.footer.rows.get(at.row - self.rows.len()) else {
            return CellView::empty();
        };
        let printed = if at.col == 0 {
            Some(0)
        } else {
            self.printed_index(at.col)
        };
        let Some(cell) = printed.and_then(|p| frow.cells.get(p)) else {
            return CellView::empty();
        };
        let slot = frow.kind == RowKind::Sum
            && self.footer.overrides.is_some()
            && printed.is_some_and(|p| self.footer.keys.contains(&p));
        match &cell.computed {
            Some(c) => CellView::of_cell(
                cell,
                Role::Computed {
                    overridden: c.overridden,
                    formula: c.formula.clone(),
                    slot,
                },
            ),
            None => CellView::of_cell(cell, Role::Fixed),
        }
    }

    fn row_label(&self, row: usize) -> String {
        if row >= self.rows.len() {
            return self.cell(At::new(row, 0)).text;
        }
        if let Some(name) = &self.row_name {
            return name(row, &self.rows[row]);
        }
        let label = self.cell(At::new(row, 0)).text;
        if label.trim().is_empty() {
            format!("rad {}", row + 1)
        } else {
            label
        }
    }

    fn write(&mut self, at: At, text: &str) -> Result<bool, WriteError> {
        let Some(col) = self.columns.get(at.col) else {
            return Err(WriteError::ReadOnly);
        };
        let Some(r) = self.rows.get_mut(at.row) else {
            return Err(WriteError::ReadOnly);
        };
        if !col.enabled.as_ref().is_none_or(|e| e(r)) {
            return Err(WriteError::ReadOnly);
        }
        match &col.access {
            Access::Text { get, set, .. } => {
                let new = clean_text(text);
                if get(r) == new {
                    return Ok(false);
                }
                set(r, new);
                Ok(true)
            }
            Access::Number {
                get,
                set,
                check,
                format,
            } => {
                let t = text.trim();
                let v = if t.is_empty() {
                    None
                } else {
                    let v =
                        numbers::parse_value(t).map_err(|e| WriteError::Invalid(e.to_string()))?;
                    if let Some(check) = check {
                        check(r, v).map_err(WriteError::Invalid)?;
                    }
                    let _ = format;
                    Some(v)
                };
                if get(r) == v {
                    return Ok(false);
                }
                set(r, v);
                Ok(true)
            }
            Access::Choice { options, get, set } => {
                let i = match_choice(options, text).map_err(WriteError::Invalid)?;
                if get(r) == i {
                    return Ok(false);
                }
                set(r, i);
                Ok(true)
            }
            Access::Flag { get, set } => {
                let on = parse_flag(text).map_err(WriteError::Invalid)?;
                if get(r) == on {
                    return Ok(false);
                }
                set(r, on);
                Ok(true)
            }
            Access::Parsed { get, set } => {
                let t = clean_text(text);
                if get(r) == t {
                    return Ok(false);
                }
                set(r, &t).map_err(WriteError::Invalid)?;
                Ok(true)
            }
            Access::Fixed { .. } => Err(WriteError::ReadOnly),
            Access::Computed { .. } => Err(WriteError::Computed),
        }
    }

    fn write_override(&mut self, at: At, text: &str) -> Result<bool, WriteError> {
        let Some(col) = self.columns.get(at.col) else {
            return Err(WriteError::ReadOnly);
        };
        if at.row < self.rows.len() {
            let r = &mut self.rows[at.row];
            let Access::Computed {
                slot: Some(slot), ..
            } = &col.access
            else {
                return Err(WriteError::ReadOnly);
            };
            (slot.set)(r, text).map_err(WriteError::Invalid)?;
            return Ok(true);
        }
        let printed = self.printed_index(at.col);
        let is_sum = self
            .footer
            .rows
            .get(at.row - self.rows.len())
            .is_some_and(|r| r.kind == RowKind::Sum);
        match (printed, is_sum, &mut self.footer.overrides) {
            (Some(p), true, Some(ov)) if self.footer.keys.contains(&p) => {
                let o = parse_override(text).map_err(WriteError::Invalid)?;
                ov.set(p, o);
                Ok(true)
            }
            _ => Err(WriteError::ReadOnly),
        }
    }

    fn reset_override(&mut self, at: At) -> bool {
        let Some(col) = self.columns.get(at.col) else {
            return false;
        };
        if at.row < self.rows.len() {
            let r = &mut self.rows[at.row];
            if let Access::Computed {
                slot: Some(slot), ..
            } = &col.access
                && (slot.is_set)(r)
            {
                (slot.clear)(r);
                return true;
            }
            return false;
        }
        let printed = self.printed_index(at.col);
        match (printed, &mut self.footer.overrides) {
            (Some(p), Some(ov)) if ov.is_set(p) => {
                ov.clear(p);
                true
            }
            _ => false,
        }
    }

    fn can_edit_rows(&self) -> bool {
        self.row_ops
    }

    fn insert_row(&mut self, at: usize) {
        if self.row_ops {
            let at = at.min(self.rows.len());
            self.rows.insert(at, (self.new_row)());
        }
    }

    fn remove_row(&mut self, at: usize) {
        if self.row_ops && at < self.rows.len() {
            self.rows.remove(at);
        }
    }

    fn move_row(&mut self, from: usize, to: usize) {
        if self.row_ops && from < self.rows.len() && to < self.rows.len() && from != to {
            let r = self.rows.remove(from);
            self.rows.insert(to, r);
        }
    }
}

/// Text as stored: control characters (a vertical tab from Word, a stray
/// carriage return) become spaces; line breaks are kept.
fn clean_text(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .map(|c| if c.is_control() && c != '\n' { ' ' } else { c })
        .collect()
}

/// Which option `text` names: the whole name or a unique beginning of it,
/// ignoring case and a leading symbol ("● Uppfyllt" is found by "uppf").
pub fn match_choice(options: &[String], text: &str) -> Result<usize, String> {
    let t = text.trim().to_lowercase();
    let key = |o: &String| o.to_lowercase();
    let strip = |o: &str| -> String {
        o.trim_start_matches(|c: char| !c.is_alphanumeric())
            .trim()
            .to_string()
    };
    if let Some(i) = options
        .iter()
        .position(|o| key(o) == t || strip(&key(o)) == t)
    {
        return Ok(i);
    }
    let starts: Vec<usize> = options
        .iter()
        .enumerate()
        .filter(|(_, o)| {
            !t.is_empty() && (key(o).starts_with(&t) || strip(&key(o)).starts_with(&t))
        })
        .map(|(i, _)| i)
        .collect();
    if starts.len() == 1 {
        return Ok(starts[0]);
    }
    Err(format!(
        "\"{}\" är inget av {}.",
        text.trim(),
        options
            .iter()
            .map(|o| format!("\"{o}\""))
            .collect::<Vec<_>>()
            .join(", ")
    ))
}

/// A tick from text: x, ✔, 1, ja, sant (and Excel's SANT/TRUE) tick; empty,
/// 0, nej, falskt clear.
pub fn parse_flag(text: &str) -> Result<bool, String> {
    match text.trim().to_lowercase().as_str() {
        "x" | "✔" | "✓" | "1" | "ja" | "j" | "sant" | "true" | "närvarande" => Ok(true),
        "" | "0" | "nej" | "n" | "falskt" | "false" | "-" | "–" => Ok(false),
        other => Err(format!(
            "\"{other}\": skriv x eller 1 för en bock, lämna tomt eller 0 för ingen."
        )),
    }
}

/// A rectangle of cells, inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    /// First row.
    pub top: usize,
    /// First column.
    pub left: usize,
    /// Last row.
    pub bottom: usize,
    /// Last column.
    pub right: usize,
}

impl Range {
    /// The rectangle spanned by two corners.
    pub fn spanning(a: At, b: At) -> Self {
        Range {
            top: a.row.min(b.row),
            bottom: a.row.max(b.row),
            left: a.col.min(b.col),
            right: a.col.max(b.col),
        }
    }

    /// Whether the cell `at` is inside the range.
    pub fn contains(&self, at: At) -> bool {
        (self.top..=self.bottom).contains(&at.row) && (self.left..=self.right).contains(&at.col)
    }

    /// Every cell of the range, row by row.
    pub fn cells(&self) -> impl Iterator<Item = At> + '_ {
        (self.top..=self.bottom)
            .flat_map(move |r| (self.left..=self.right).map(move |c| At::new(r, c)))
    }
}

/// The cells of `range` as tab-separated text, a line per row, as Excel
/// and Word read it: numbers with a decimal comma and no thousands
/// separator, a cell with a tab, a line break or a quote in quotes.
pub fn copy(grid: &dyn Grid, range: Range) -> String {
    let mut out = String::new();
    for row in range.top..=range.bottom.min(grid.total_rows().saturating_sub(1)) {
        let cells: Vec<String> = (range.left
            ..=range.right.min(grid.column_count().saturating_sub(1)))
            .map(|col| quote_tsv(&grid.cell(At::new(row, col)).copy))
            .collect();
        out.push_str(&cells.join("\t"));
        out.push_str("\r\n");
    }
    out
}

fn quote_tsv(s: &str) -> String {
    if s.contains(['\t', '\n', '\r', '"']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Read tab-separated text as Excel, LibreOffice Calc and Word put it on
/// the clipboard: a line per row, tabs between cells, cells with line
/// breaks or tabs in quotes (`""` for a quote), a final line break.
pub fn parse_block(text: &str) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut at_cell_start = true;
    while let Some(c) = chars.next() {
        match c {
            '"' if at_cell_start => {
                // A quoted cell: up to the closing quote that is followed by
                // a tab, a line break or the end. Otherwise the quote was
                // just text.
                let mut quoted = String::new();
                let mut closed = false;
                let mut look = chars.clone();
                while let Some(q) = look.next() {
                    if q == '"' {
                        if look.peek() == Some(&'"') {
                            quoted.push('"');
                            look.next();
                        } else if matches!(look.peek(), None | Some('\t' | '\n' | '\r')) {
                            closed = true;
                            break;
                        } else {
                            break;
                        }
                    } else {
                        quoted.push(q);
                    }
                }
                if closed {
                    cell.push_str(&quoted);
                    chars = look;
                } else {
                    cell.push('"');
                }
                at_cell_start = false;
            }
            '\t' => {
                row.push(std::mem::take(&mut cell));
                at_cell_start = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
                at_cell_start = true;
            }
            other => {
                cell.push(other);
                at_cell_start = false;
            }
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows
}

/// A cell that a paste did not write, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// The cell.
    pub at: At,
    /// Row number as the author sees it (1 = first row).
    pub row_number: usize,
    /// The row's name.
    pub row_label: String,
    /// The column's header.
    pub column: String,
    /// Why the cell was not written, in Swedish.
    pub reason: String,
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = self.row_label.trim();
        if label.is_empty() || label == format!("rad {}", self.row_number) {
            write!(
                f,
                "rad {}, {}: {}",
                self.row_number, self.column, self.reason
            )
        } else {
            write!(
                f,
                "rad {} ({label}), {}: {}",
                self.row_number, self.column, self.reason
            )
        }
    }
}

/// What a paste did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PasteReport {
    /// Cells whose value changed.
    pub written: usize,
    /// Rows added at the end for a block longer than the table.
    pub rows_added: usize,
    /// Computed columns the block covered (their cells were not written).
    pub computed_skipped: Vec<String>,
    /// Cells of the block right of the last column, or below a table whose
    /// rows are fixed.
    pub outside: usize,
    /// Cells the paste could not write, with the reasons.
    pub refused: Vec<Refused>,
    /// The range the pasted block covers in the table.
    pub range: Option<Range>,
}

impl PasteReport {
    /// Whether the paste changed the table.
    pub fn changed(&self) -> bool {
        self.written > 0 || self.rows_added > 0
    }

    /// One short Swedish message: what was written, what was skipped, and
    /// every refused cell with its row, column and reason (the first few).
    pub fn message(&self) -> String {
        let mut parts = Vec::new();
        let cells = |n: usize| if n == 1 { "cell" } else { "celler" };
        parts.push(format!(
            "Inklistrat: {} {} ändrade",
            self.written,
            cells(self.written)
        ));
        if self.rows_added > 0 {
            parts.push(format!(
                "{} {} tillagda",
                self.rows_added,
                if self.rows_added == 1 { "rad" } else { "rader" }
            ));
        }
        let mut msg = parts.join(", ") + ".";
        if !self.computed_skipped.is_empty() {
            msg.push_str(&format!(
                " Beräknade kolumner skrevs inte över: {}.",
                self.computed_skipped.join(", ")
            ));
        }
        if self.outside > 0 {
            msg.push_str(&format!(
                " {} {} utanför tabellen togs inte med.",
                self.outside,
                cells(self.outside)
            ));
        }
        if !self.refused.is_empty() {
            let n = self.refused.len();
            msg.push_str(&format!(
                " {n} {} kunde inte läsas och skrevs inte: ",
                cells(n)
            ));
            const SHOWN: usize = 5;
            let listed: Vec<String> = self
                .refused
                .iter()
                .take(SHOWN)
                .map(|r| r.to_string())
                .collect();
            msg.push_str(&listed.join("; "));
            if n > SHOWN {
                msg.push_str(&format!("; och {} till", n - SHOWN));
            }
            if !msg.ends_with('.') {
                msg.push('.');
            }
        }
        msg
    }
}

/// Paste a tab-separated block with its top left corner at `at`. Each
/// cell is written as if typed; computed columns are skipped, a block
/// longer than the table adds rows (where rows can be added), cells that
/// cannot be read are left as they were and listed with their reason. A
/// single value pasted over a selection of several cells fills them all
/// (as in Excel).
pub fn paste(grid: &mut dyn Grid, at: At, text: &str, selection: Option<Range>) -> PasteReport {
    let mut report = PasteReport::default();
    let block = parse_block(text);
    if block.is_empty() {
        return report;
    }
    let single = block.len() == 1 && block[0].len() == 1;
    let targets: Vec<(At, String)> = match (single, selection) {
        (true, Some(sel)) if sel.top != sel.bottom || sel.left != sel.right => {
            sel.cells().map(|a| (a, block[0][0].clone())).collect()
        }
        _ => block
            .iter()
            .enumerate()
            .flat_map(|(i, row)| {
                row.iter()
                    .enumerate()
                    .map(move |(j, v)| (At::new(at.row + i, at.col + j), v.clone()))
            })
            .collect(),
    };
    if at.row >= grid.len() && grid.total_rows() > grid.len() && at.row < grid.total_rows() {
        // Pasting into a sum row: nothing there is typed.
        report.outside = targets.len();
        return report;
    }
    let mut skipped_cols: Vec<usize> = Vec::new();
    let mut bottom = at.row;
    let mut right = at.col;
    for (a, value) in targets {
        if a.col >= grid.column_count() {
            report.outside += 1;
            continue;
        }
        if a.row >= grid.len() {
            if !grid.can_edit_rows() || a.row > grid.len() + 10_000 {
                report.outside += 1;
                continue;
            }
            while grid.len() <= a.row {
                let n = grid.len();
                grid.insert_row(n);
                report.rows_added += 1;
            }
        }
        bottom = bottom.max(a.row);
        right = right.max(a.col);
        if !grid.column_is_input(a.col) {
            if !skipped_cols.contains(&a.col) {
                skipped_cols.push(a.col);
            }
            continue;
        }
        match grid.write(a, &value) {
            Ok(true) => report.written += 1,
            Ok(false) => {}
            Err(WriteError::ReadOnly) => report.outside += 1,
            Err(e) => report.refused.push(Refused {
                at: a,
                row_number: a.row + 1,
                row_label: grid.row_label(a.row),
                column: grid.long_header(a.col).to_string(),
                reason: e.to_string(),
            }),
        }
    }
    skipped_cols.sort_unstable();
    report.computed_skipped = skipped_cols
        .iter()
        .map(|c| grid.long_header(*c).to_string())
        .collect();
    report.range = Some(Range {
        top: at.row,
        left: at.col,
        bottom,
        right,
    });
    report
}

/// Empty the input cells of `range` (Delete). Computed and fixed cells
/// are left alone. Returns how many cells changed.
pub fn clear(grid: &mut dyn Grid, range: Range) -> usize {
    let mut n = 0;
    for a in range.cells() {
        if a.row < grid.len()
            && a.col < grid.column_count()
            && grid.column_is_input(a.col)
            && grid.cell(a).is_input()
            && matches!(grid.write(a, ""), Ok(true))
        {
            n += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Default, Clone, PartialEq)]
    struct R {
        name: String,
        a: Option<Decimal>,
        b: Option<Decimal>,
        on: bool,
        state: usize,
    }

    fn d(s: &str) -> Decimal {
        s.parse().expect("test decimal")
    }

    fn columns<'a>() -> Vec<Column<'a, R>> {
        vec![
            Column::text("Namn", |r: &R| &r.name, |r: &mut R| &mut r.name),
            Column::number("A", Format::Amount, |r: &R| r.a, |r: &mut R| &mut r.a),
            Column::computed("Summa", |_, r: &R| {
                let s = super::super::figures::sum([r.a, r.b]);
                Cell::figure(super::super::figures::Figure::computed(s), Format::Amount)
            }),
            Column::number("B", Format::Fte, |r: &R| r.b, |r: &mut R| &mut r.b),
            Column::flag("Räknas", |r: &R| r.on, |r: &mut R, v| r.on = v),
            Column::choice(
                "Läge",
                vec!["Pågår".into(), "Klar".into(), "Ej påbörjad".into()],
                |r: &R| r.state,
                |r: &mut R, v| r.state = v,
            ),
        ]
    }

    fn rows() -> Vec<R> {
        vec![
            R {
                name: "Ledning".into(),
                a: Some(d("1000")),
                ..R::default()
            },
            R {
                name: "Skola".into(),
                ..R::default()
            },
        ]
    }

    #[test]
    fn a_block_from_excel_is_pasted_with_swedish_numbers_and_computed_columns_skipped() {
        let mut rows = rows();
        let mut s = Sheet::new(columns(), &mut rows);
        let text =
            "Ledning 2\t18 570 800\t999\t45,30\r\nSkola\t-547\t\t1,5\r\nNy rad\t76 %\t\t\r\n";
        let rep = paste(&mut s, At::new(0, 0), text, None);
        assert_eq!(rep.refused, vec![]);
        assert_eq!(rep.rows_added, 1);
        assert_eq!(rep.computed_skipped, vec!["Summa".to_string()]);
        drop(s);
        assert_eq!(rows[0].name, "Ledning 2");
        assert_eq!(rows[0].a, Some(d("18570800")));
        assert_eq!(rows[0].b, Some(d("45.30")));
        assert_eq!(rows[1].a, Some(d("-547")));
        assert_eq!(rows[2].name, "Ny rad");
        assert_eq!(rows[2].a, Some(d("76")));
        assert_eq!(rows[2].b, None);
    }

    #[test]
    fn a_bad_cell_is_refused_with_row_column_and_reason_and_the_rest_is_written() {
        let mut rows = rows();
        let mut s = Sheet::new(columns(), &mut rows);
        let rep = paste(&mut s, At::new(0, 1), "12\nabc\n", None);
        assert_eq!(rep.written, 1);
        assert_eq!(rep.refused.len(), 1);
        let r = &rep.refused[0];
        assert_eq!((r.row_number, r.column.as_str()), (2, "A"));
        assert_eq!(
            r.to_string(),
            "rad 2 (Skola), A: \"abc\" är inget tal: det saknar siffror."
        );
        assert!(
            rep.message().contains("1 cell kunde inte läsas"),
            "{}",
            rep.message()
        );
        drop(s);
        assert_eq!(rows[0].a, Some(d("12")));
        assert_eq!(rows[1].a, None, "the refused cell is left as it was");
    }

    #[test]
    fn quoted_cells_with_line_breaks_and_tabs_are_one_cell() {
        let b = parse_block("\"två\nrader\"\t\"med \"\"citat\"\"\"\r\n\"x\ty\"\t5\r\n");
        assert_eq!(
            b,
            vec![
                vec!["två\nrader".to_string(), "med \"citat\"".to_string()],
                vec!["x\ty".to_string(), "5".to_string()],
            ]
        );
        // A quote inside a cell that is not quoted is just text.
        assert_eq!(
            parse_block("5\" skärm\t2"),
            vec![vec!["5\" skärm".to_string(), "2".into()]]
        );
        assert_eq!(
            parse_block("\"abc\" def"),
            vec![vec!["\"abc\" def".to_string()]]
        );
        // Empty cells and a missing final line break.
        assert_eq!(
            parse_block("\t\t1"),
            vec![vec![String::new(), String::new(), "1".into()]]
        );
    }

    #[test]
    fn copy_gives_numbers_as_swedish_excel_reads_them() {
        let mut rows = rows();
        rows[0].b = Some(d("45.3"));
        let s = Sheet::new(columns(), &mut rows);
        let text = copy(&s, Range::spanning(At::new(0, 0), At::new(1, 3)));
        assert_eq!(text, "Ledning\t1000\t1045\t45,30\r\nSkola\t\t\t\r\n");
    }

    #[test]
    fn copied_text_pastes_back_to_the_same_values() {
        let mut a = rows();
        a[1].b = Some(d("-2.5"));
        a[1].on = true;
        a[1].state = 1;
        let text = {
            let s = Sheet::new(columns(), &mut a);
            copy(&s, Range::spanning(At::new(0, 0), At::new(1, 5)))
        };
        let mut b = vec![R::default(); 2];
        let mut s = Sheet::new(columns(), &mut b);
        let rep = paste(&mut s, At::new(0, 0), &text, None);
        assert!(rep.refused.is_empty(), "{rep:?}");
        drop(s);
        assert_eq!(a, b);
    }

    #[test]
    fn choices_and_ticks_are_read_from_text() {
        let mut rows = rows();
        let mut s = Sheet::new(columns(), &mut rows);
        assert_eq!(s.write(At::new(0, 5), "klar"), Ok(true));
        assert_eq!(s.write(At::new(0, 5), "ej"), Ok(true));
        assert!(matches!(
            s.write(At::new(0, 5), "x"),
            Err(WriteError::Invalid(_))
        ));
        assert_eq!(s.write(At::new(0, 4), "ja"), Ok(true));
        assert_eq!(s.write(At::new(0, 4), "SANT"), Ok(false));
        assert!(matches!(
            s.write(At::new(0, 4), "kanske"),
            Err(WriteError::Invalid(_))
        ));
        drop(s);
        assert_eq!(rows[0].state, 2);
        assert!(rows[0].on);
    }

    #[test]
    fn one_value_pasted_over_a_selection_fills_it() {
        let mut rows = rows();
        let mut s = Sheet::new(columns(), &mut rows);
        let sel = Range::spanning(At::new(0, 1), At::new(1, 1));
        let rep = paste(&mut s, At::new(0, 1), "7\r\n", Some(sel));
        assert_eq!(rep.written, 2);
        drop(s);
        assert_eq!((rows[0].a, rows[1].a), (Some(d("7")), Some(d("7"))));
    }

    #[test]
    fn a_fixed_table_gets_no_new_rows_and_says_what_was_left_out() {
        let mut rows = rows();
        let mut s = Sheet::new(columns(), &mut rows).fixed_rows();
        let rep = paste(&mut s, At::new(1, 1), "1\n2\n3", None);
        assert_eq!((rep.written, rep.rows_added, rep.outside), (1, 0, 2));
        assert!(
            rep.message().contains("2 celler utanför tabellen"),
            "{}",
            rep.message()
        );
    }

    #[test]
    fn delete_clears_input_cells_and_leaves_computed_ones() {
        let mut rows = rows();
        rows[1].b = Some(d("3"));
        let mut s = Sheet::new(columns(), &mut rows);
        let n = clear(&mut s, Range::spanning(At::new(0, 1), At::new(1, 3)));
        assert_eq!(n, 2);
        drop(s);
        assert_eq!((rows[0].a, rows[1].b), (None, None));
    }

    #[test]
    fn sum_overrides_are_written_and_reset_through_the_footer() {
        let mut rows = rows();
        let mut sums: BTreeMap<u8, Override> = BTreeMap::new();
        let printed = Table {
            id: "t".into(),
            title: "T".into(),
            headers: vec![],
            rows: vec![Row {
                kind: RowKind::Sum,
                cells: vec![
                    Cell::text("Summa"),
                    Cell::figure(
                        super::super::figures::Figure::computed(Some(d("1000"))),
                        Format::Amount,
                    ),
                ],
            }],
        };
        let footer = Footer::from_printed(&printed, 0).with_overrides(&mut sums, vec![(1, 7u8)]);
        let mut s = Sheet::new(columns(), &mut rows).with_footer(footer);
        assert_eq!(s.total_rows(), 3);
        let sum = At::new(2, 1);
        assert!(matches!(
            s.cell(sum).role,
            Role::Computed { slot: true, .. }
        ));
        assert!(matches!(s.write(sum, "5"), Err(WriteError::ReadOnly)));
        assert_eq!(s.write_override(sum, "6 000"), Ok(true));
        assert!(s.reset_override(sum));
        assert_eq!(s.write_override(sum, "6 000"), Ok(true));
        drop(s);
        assert_eq!(sums.get(&7), Some(&Override::Value(d("6000"))));
    }

    #[test]
    fn pasting_into_a_sum_row_writes_nothing() {
        let mut rows = rows();
        let printed = Table {
            id: "t".into(),
            title: "T".into(),
            headers: vec![],
            rows: vec![Row {
                kind: RowKind::Sum,
                cells: vec![Cell::text("Summa")],
            }],
        };
        let mut s = Sheet::new(columns(), &mut rows).with_footer(Footer::from_printed(&printed, 0));
        let rep = paste(&mut s, At::new(2, 1), "5", None);
        assert_eq!((rep.written, rep.outside), (0, 1));
        assert_eq!(s.len(), 2);
    }

    #[test]
    fn control_characters_in_typed_text_become_spaces() {
        let mut rows = rows();
        let mut s = Sheet::new(columns(), &mut rows);
        assert_eq!(s.write(At::new(0, 0), "a\u{b}b\r\nc"), Ok(true));
        drop(s);
        assert_eq!(rows[0].name, "a b\nc");
    }

    #[test]
    fn match_choice_needs_a_unique_beginning() {
        let o = vec![
            "● Uppfyllt".to_string(),
            "◐ Delvis uppfyllt".to_string(),
            "○ Ej uppfyllt".into(),
        ];
        assert_eq!(match_choice(&o, "uppf"), Ok(0));
        assert_eq!(match_choice(&o, "◐ Delvis uppfyllt"), Ok(1));
        assert_eq!(match_choice(&o, "ej"), Ok(2));
        assert!(match_choice(&o, "").is_err());
        assert!(match_choice(&o, "x").is_err());
    }
}
