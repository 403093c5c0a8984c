//! An editable table over a list of model rows: typed columns are edited in
//! place, computed columns and sum rows come from the printed table of
//! `domain::tables` and look different; rows can be added, moved and
//! deleted. Virtualised with egui_extras' `TableBuilder`.

use std::collections::BTreeMap;

use egui::{Id, RichText, Ui};
use egui_extras::{Column, TableBuilder};
use rust_decimal::Decimal;

use super::cells::{self, CellOutcome};
use crate::domain::Override;
use crate::domain::tables::{Format, RowKind, Table};

/// How one column of a row type is read and written.
pub enum Col<R, C> {
    Text {
        header: String,
        set: fn(&mut R) -> &mut String,
    },
    Number {
        header: String,
        get: fn(&mut R) -> &mut Option<Decimal>,
        format: Format,
    },
    /// Shown from the printed table's cell `index`; `key` names the
    /// override slot in the row's overrides map, if it can be typed over.
    Computed {
        header: String,
        index: usize,
        key: Option<C>,
    },
    /// Any other widget, drawn by the caller (cell id, accessible name, row).
    Custom {
        header: String,
        width: f32,
        draw: fn(&mut Ui, Id, &str, &mut R) -> CellOutcome,
    },
}

impl<R, C> Col<R, C> {
    fn header(&self) -> &str {
        match self {
            Col::Text { header, .. }
            | Col::Number { header, .. }
            | Col::Computed { header, .. }
            | Col::Custom { header, .. } => header,
        }
    }
}

/// Reaches a row's overrides map.
pub type OverridesOf<R, C> = fn(&mut R) -> &mut BTreeMap<C, Override>;

/// What the grid needs to know about a table.
pub struct GridSpec<'a, R, C> {
    pub id: Id,
    pub cols: Vec<Col<R, C>>,
    /// The printed table; its first rows are the data rows, in order.
    pub printed: &'a Table,
    /// The row label used in accessible names and messages.
    pub row_name: fn(&R) -> String,
    /// The overrides map of a row, for computed columns with a key.
    pub overrides: Option<OverridesOf<R, C>>,
    /// Overrides of the sum row, by printed column index.
    pub sum_keys: Vec<(usize, C)>,
    pub allow_row_edits: bool,
}

/// The result of drawing a grid.
#[derive(Default)]
pub struct GridOutcome {
    pub changed: bool,
    pub errors: Vec<String>,
}

fn width_for(col: &Col<impl Sized, impl Sized>) -> Column {
    match col {
        Col::Text { .. } => Column::initial(210.0)
            .at_least(80.0)
            .resizable(true)
            .clip(true),
        Col::Number { header, .. } | Col::Computed { header, .. } => {
            // Wide enough for the longest word of the header (headers wrap
            // between words), at least a seven-digit amount.
            let longest = header
                .split_whitespace()
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(0);
            Column::initial((longest as f32 * 8.0 + 16.0).max(100.0))
                .at_least(70.0)
                .resizable(true)
                .clip(true)
        }
        Col::Custom { width, .. } => Column::initial(*width)
            .at_least(40.0)
            .resizable(true)
            .clip(true),
    }
}

/// A grid without computed cells to override: typed columns only, rows
/// added, moved and deleted. Returns whether anything changed.
pub fn plain<R: Default>(
    ui: &mut Ui,
    id: Id,
    cols: Vec<Col<R, u8>>,
    printed: &Table,
    row_name: fn(&R) -> String,
    rows: &mut Vec<R>,
) -> bool {
    let spec = GridSpec {
        id,
        cols,
        printed,
        row_name,
        overrides: None,
        sum_keys: Vec::new(),
        allow_row_edits: true,
    };
    grid(ui, spec, rows, None).changed
}

/// Mark a row of the grid `grid_id` and scroll to it (Kontroll's "go to").
pub fn highlight_row(ui: &Ui, grid_id: Id, row: usize) {
    ui.data_mut(|d| {
        d.insert_temp(grid_id.with("highlight"), row);
        d.insert_temp(grid_id.with("scroll"), true);
    });
}

/// Draw the grid; `sum_overrides` is the table's sum-row overrides map.
pub fn grid<R: Default, C: Ord + Copy>(
    ui: &mut Ui,
    spec: GridSpec<'_, R, C>,
    rows: &mut Vec<R>,
    mut sum_overrides: Option<&mut BTreeMap<C, Override>>,
) -> GridOutcome {
    let mut out = GridOutcome::default();
    let row_height = ui.spacing().interact_size.y + 4.0;
    let data_rows = rows.len();
    let extra: Vec<usize> = (0..spec.printed.rows.len())
        .filter(|&i| i >= data_rows)
        .collect();
    let mut action: Option<(usize, RowAction)> = None;
    let highlight: Option<usize> = ui.data(|d| d.get_temp(spec.id.with("highlight")));
    let scroll: bool = ui
        .data_mut(|d| d.remove_temp(spec.id.with("scroll")))
        .unwrap_or(false);
    // Where the rows start, to scroll to one that is not laid out. (The
    // table's own scroll_to_row stops at its inner, non-scrolling area.)
    let header_height = row_height * 2.0;
    let first_row_top = ui.cursor().min.y + header_height + ui.spacing().item_spacing.y;
    let row_pitch = row_height + ui.spacing().item_spacing.y;
    let mut table = TableBuilder::new(ui)
        .id_salt(spec.id)
        .striped(true)
        .resizable(true)
        .vscroll(false)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
    // Row buttons come first so they stay in view however wide the table is.
    if spec.allow_row_edits {
        table = table.column(Column::exact(100.0));
    }
    for c in &spec.cols {
        table = table.column(width_for(c));
    }
    table
        .header(header_height, |mut header| {
            if spec.allow_row_edits {
                header.col(|_| {});
            }
            for c in &spec.cols {
                header.col(|ui| {
                    ui.add(egui::Label::new(RichText::new(c.header()).strong()).wrap());
                });
            }
        })
        .body(|body| {
            // Only the rows on screen are laid out (all rows are one
            // height), so a table of thousands of rows costs what a
            // screenful does.
            body.rows(row_height, data_rows + extra.len(), |mut tr| {
                let i = tr.index();
                if let Some(row) = rows.get_mut(i) {
                    let ri = i;
                    let label = (spec.row_name)(row);
                    if highlight == Some(ri) {
                        tr.set_selected(true);
                    }
                    if spec.allow_row_edits {
                        tr.col(|ui| {
                            if ui.small_button("↑").on_hover_text("Flytta upp").clicked() {
                                action = Some((ri, RowAction::Up));
                            }
                            if ui.small_button("↓").on_hover_text("Flytta ner").clicked() {
                                action = Some((ri, RowAction::Down));
                            }
                            let del = ui.small_button("✕").on_hover_text("Ta bort raden");
                            cells::name_widget(ui, del.id, &format!("Ta bort raden {label}"));
                            if del.clicked() {
                                action = Some((ri, RowAction::Delete));
                            }
                        });
                    }
                    for (ci, c) in spec.cols.iter().enumerate() {
                        let cell_id = spec.id.with((ri, ci));
                        let name = format!("{}, {}", c.header(), label);
                        tr.col(|ui| {
                            let o: CellOutcome = match c {
                                Col::Text { set, .. } => CellOutcome {
                                    changed: cells::text_cell(ui, cell_id, &name, set(row)),
                                    error: None,
                                },
                                Col::Number { get, format, .. } => {
                                    cells::number_cell(ui, cell_id, &name, get(row), format)
                                }
                                Col::Computed { index, key, .. } => {
                                    let printed =
                                        spec.printed.rows.get(ri).and_then(|r| r.cells.get(*index));
                                    match printed {
                                        Some(cell) => {
                                            let slot = match (key, spec.overrides) {
                                                (Some(k), Some(f)) => Some((f(row), *k)),
                                                _ => None,
                                            };
                                            cells::computed_cell(ui, cell_id, &name, cell, slot)
                                        }
                                        None => CellOutcome::default(),
                                    }
                                }
                                Col::Custom { draw, .. } => draw(ui, cell_id, &name, row),
                            };
                            out.changed |= o.changed;
                            if let Some(e) = o.error {
                                out.errors.push(format!("{}: {e}", name));
                            }
                        });
                    }
                } else if let Some(&pi) = extra.get(i - data_rows) {
                    let prow = &spec.printed.rows[pi];
                    let label = prow.cells.first().map(|c| c.display()).unwrap_or_default();
                    if spec.allow_row_edits {
                        tr.col(|_| {});
                    }
                    for (ci, c) in spec.cols.iter().enumerate() {
                        let index = match c {
                            Col::Computed { index, .. } => Some(*index),
                            _ if ci == 0 => Some(0),
                            _ => sum_index(&spec.cols, ci),
                        };
                        let cell = index.and_then(|i| prow.cells.get(i));
                        let name = format!("{}, {}", c.header(), label);
                        let cell_id = spec.id.with(("sum", pi, ci));
                        tr.col(|ui| {
                            let Some(cell) = cell else { return };
                            if ci == 0 {
                                ui.label(RichText::new(cell.display()).strong());
                                return;
                            }
                            let key = spec
                                .sum_keys
                                .iter()
                                .find(|(i, _)| Some(*i) == index)
                                .map(|(_, k)| *k);
                            let slot = match (key, sum_overrides.as_deref_mut(), prow.kind) {
                                (Some(k), Some(map), RowKind::Sum) => Some((map, k)),
                                _ => None,
                            };
                            let o = cells::computed_cell(ui, cell_id, &name, cell, slot);
                            out.changed |= o.changed;
                            if let Some(e) = o.error {
                                out.errors.push(format!("{name}: {e}"));
                            }
                        });
                    }
                }
            });
        });
    if scroll && let Some(row) = highlight {
        let top = first_row_top + row as f32 * row_pitch;
        let rect = egui::Rect::from_x_y_ranges(ui.max_rect().x_range(), top..=top + row_height);
        ui.scroll_to_rect(rect, Some(egui::Align::Center));
    }
    if spec.allow_row_edits {
        let add = ui.button("+ Lägg till rad");
        cells::name_widget(ui, add.id, "Lägg till rad");
        if add.clicked() {
            rows.push(R::default());
            out.changed = true;
        }
    }
    table_actions(ui, spec.printed);
    if let Some((i, a)) = action {
        match a {
            RowAction::Up if i > 0 => rows.swap(i, i - 1),
            RowAction::Down if i + 1 < rows.len() => rows.swap(i, i + 1),
            RowAction::Delete => {
                rows.remove(i);
            }
            _ => return show_errors(ui, out),
        }
        out.changed = true;
    }
    show_errors(ui, out)
}

/// Where a table asks the window to save it as CSV (the window owns the
/// file dialogs) and leaves a note for the status bar.
pub const EXPORT_REQUEST: &str = "tertial-table-export";
pub const NOTICE: &str = "tertial-notice";

/// "Kopiera tabell" (tab-separated, for Excel and Word) and "Exportera
/// CSV…" under a report table, as the report prints it.
pub fn table_actions(ui: &mut Ui, printed: &Table) {
    if printed.id.is_empty() || printed.headers.is_empty() {
        return; // an editing aid, not a table of the report
    }
    ui.horizontal(|ui| {
        let copy = ui.small_button("Kopiera tabell").on_hover_text(
            "Kopierar tabellen som den skrivs ut, med tabbar mellan kolumnerna: \
             klistra in i Excel eller Word",
        );
        cells::name_widget(ui, copy.id, &format!("Kopiera tabell {}", printed.title));
        if copy.clicked() {
            ui.ctx()
                .copy_text(crate::export::csv::table_to_tsv(printed));
            let note = format!("{} kopierad", printed.title);
            ui.data_mut(|d| d.insert_temp(egui::Id::unique(NOTICE), note));
        }
        let csv = ui.small_button("Exportera CSV…");
        cells::name_widget(ui, csv.id, &format!("Exportera CSV {}", printed.title));
        if csv.clicked() {
            ui.data_mut(|d| d.insert_temp(egui::Id::unique(EXPORT_REQUEST), Some(printed.clone())));
        }
    });
}

/// Printed column of a typed column in a sum row: typed columns print at
/// the same index as in data rows, so the column position is the index.
fn sum_index<R, C>(cols: &[Col<R, C>], ci: usize) -> Option<usize> {
    match cols.get(ci) {
        Some(Col::Number { .. }) => Some(ci),
        _ => None,
    }
}

fn show_errors(ui: &mut Ui, out: GridOutcome) -> GridOutcome {
    for e in &out.errors {
        ui.colored_label(ui.visuals().error_fg_color, format!("⚠ {e}"));
    }
    out
}

#[derive(Clone, Copy)]
enum RowAction {
    Up,
    Down,
    Delete,
}
