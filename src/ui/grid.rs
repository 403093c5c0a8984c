//! The spreadsheet grid every editable table is drawn with. It draws any
//! [`Grid`] (a sheet declared in `domain::sheets`): a row-number column and
//! the row-label column stay put while the other columns scroll sideways;
//! columns are fitted to their content and resized by dragging; long text
//! is cut with an ellipsis and shown whole on hover. One current cell and a
//! selected rectangle move with the keyboard as in Excel (arrows, Tab,
//! Enter, Home/End, F2, Delete, Ctrl+C, Ctrl+V); typed text opens an editor
//! over the cell that commits on Enter, Tab or focus loss and gives the
//! stored value back on Escape. Row actions and overrides of computed cells
//! are in a context menu (right click, Shift+F10 or the menu key).
//!
//! Only the rows on screen are laid out, so a table of thousands of rows
//! costs what a screenful does. What is written, and how pasted text is
//! read, is decided by `domain::sheet`; this module only draws and routes
//! input.

use egui::text::{LayoutJob, TextFormat, TextWrapping};
use egui::{
    Align2, Color32, CornerRadius, CursorIcon, Event, FontId, Id, Key, Modifiers, Pos2, Rect,
    RichText, Sense, Stroke, StrokeKind, TextEdit, Ui, pos2, vec2,
};

use crate::domain::sheet::{self, At, CellView, Grid, Range, Role, Width};
use crate::domain::tables::Table;
use crate::ui::cells;
use crate::ui::command::Command;

/// Set when an edit is a step of its own for undo (a committed cell, a
/// paste, a row action), not typing that merges with the previous edit.
const DISCRETE_EDIT: &str = "tertial-discrete-edit";

const ROW_HEADER: f32 = 38.0;
const PAD: f32 = 6.0;
const SCROLLBAR: f32 = 12.0;
const HEADER_LINES: usize = 3;
/// How long Kontroll's row highlight takes to fade, in seconds.
const HIGHLIGHT_SECONDS: f64 = 4.0;

/// The grid's colours in one theme. Chosen so computed text reads at
/// 4.5:1 or better and the frame of an editable cell stands out at 3:1 or
/// better (tested below).
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    pub input_bg: Color32,
    pub input_border: Color32,
    pub text: Color32,
    pub computed_bg: Color32,
    pub computed_text: Color32,
    pub overridden_text: Color32,
    pub header_bg: Color32,
    pub header_text: Color32,
    pub grid_line: Color32,
    pub current: Color32,
    pub selection: Color32,
    pub highlight: Color32,
    pub error: Color32,
    /// A mätetal status, always beside its symbol: uppfyllt, delvis
    /// uppfyllt, ej uppfyllt.
    pub status: [Color32; 3],
}

impl Palette {
    pub fn of(dark: bool) -> Self {
        if dark {
            Palette {
                input_bg: Color32::from_rgb(0x1b, 0x1f, 0x24),
                input_border: Color32::from_rgb(0x8c, 0x96, 0xa3),
                text: Color32::from_rgb(0xe8, 0xe8, 0xe8),
                computed_bg: Color32::from_rgb(0x2d, 0x32, 0x3a),
                computed_text: Color32::from_rgb(0xc9, 0xd1, 0xdb),
                overridden_text: Color32::from_rgb(0xf0, 0xb4, 0x3c),
                header_bg: Color32::from_rgb(0x37, 0x3d, 0x46),
                header_text: Color32::from_rgb(0xf2, 0xf2, 0xf2),
                grid_line: Color32::from_rgb(0x44, 0x4b, 0x55),
                current: Color32::from_rgb(0x6c, 0xa8, 0xff),
                selection: Color32::from_rgba_unmultiplied(0x6c, 0xa8, 0xff, 0x38),
                highlight: Color32::from_rgb(0x6b, 0x55, 0x12),
                error: Color32::from_rgb(0xff, 0x7b, 0x72),
                status: [
                    Color32::from_rgb(0x6c, 0xcf, 0x7f),
                    Color32::from_rgb(0xf0, 0xb4, 0x3c),
                    Color32::from_rgb(0xff, 0x7b, 0x72),
                ],
            }
        } else {
            Palette {
                input_bg: Color32::WHITE,
                input_border: Color32::from_rgb(0x76, 0x7c, 0x86),
                text: Color32::from_rgb(0x1c, 0x1c, 0x1c),
                computed_bg: Color32::from_rgb(0xec, 0xef, 0xf3),
                computed_text: Color32::from_rgb(0x3a, 0x42, 0x4e),
                overridden_text: Color32::from_rgb(0x8a, 0x4b, 0x00),
                header_bg: Color32::from_rgb(0xdf, 0xe4, 0xeb),
                header_text: Color32::from_rgb(0x1c, 0x1c, 0x1c),
                grid_line: Color32::from_rgb(0xc8, 0xcd, 0xd5),
                current: Color32::from_rgb(0x1a, 0x5f, 0xb4),
                selection: Color32::from_rgba_unmultiplied(0x1a, 0x5f, 0xb4, 0x30),
                highlight: Color32::from_rgb(0xff, 0xe7, 0x8a),
                error: Color32::from_rgb(0xb3, 0x26, 0x1e),
                status: [
                    Color32::from_rgb(0x1e, 0x7b, 0x34),
                    Color32::from_rgb(0x8a, 0x4b, 0x00),
                    Color32::from_rgb(0xb3, 0x26, 0x1e),
                ],
            }
        }
    }
}

/// The colour of a mätetal status cell, told by the status symbol it
/// starts with (the colour never stands alone: the symbol is its shape).
fn status_color(pal: &Palette, text: &str) -> Option<Color32> {
    use crate::domain::MeasureStatus::*;
    [Uppfyllt, DelvisUppfyllt, EjUppfyllt]
        .iter()
        .position(|s| text.starts_with(s.symbol()))
        .map(|i| pal.status[i])
}

/// WCAG contrast ratio of two opaque colours.
#[cfg(test)]
fn contrast(a: Color32, b: Color32) -> f32 {
    fn lum(c: Color32) -> f32 {
        let ch = |v: u8| {
            let s = f32::from(v) / 255.0;
            if s <= 0.03928 {
                s / 12.92
            } else {
                ((s + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * ch(c.r()) + 0.7152 * ch(c.g()) + 0.0722 * ch(c.b())
    }
    let (la, lb) = (lum(a), lum(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    /// Started by typing: arrows commit and move (as in Excel).
    Enter,
    /// Started with F2 or a double click: arrows move the text cursor.
    Edit,
}

#[derive(Clone, Debug)]
struct Editor {
    at: At,
    text: String,
    mode: Mode,
    /// Typing over a computed cell.
    over: bool,
    error: Option<String>,
    /// Focus the editor (the frame it opens).
    focus: bool,
    /// A choice list is open instead of a text editor.
    list: Option<usize>,
}

#[derive(Clone, Debug)]
struct Note {
    text: String,
    error: bool,
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct Menu {
    at: At,
    pos: Pos2,
    /// Opened on the row number: the row's actions only.
    row: bool,
}

#[derive(Clone, Default, Debug)]
struct State {
    current: Option<At>,
    anchor: Option<At>,
    editor: Option<Editor>,
    /// Column widths (fitted to content, or dragged by the author).
    widths: Vec<f32>,
    /// (columns, rows) the widths were fitted for.
    fitted: Option<(usize, usize)>,
    hscroll: f32,
    note: Option<Note>,
    /// Kontroll's row and when it was asked for.
    highlight: Option<(usize, f64)>,
    dragging: bool,
    menu: Option<Menu>,
    /// Scroll the current cell into view on the next layout.
    reveal: bool,
}

/// What a move does to the current cell.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Move {
    Stay,
    Up,
    Down,
    Left,
    Right,
    /// Tab: the next cell the author types in.
    Next,
    Prev,
}

/// Cells, row headers, column edges and the scroll bar answer the mouse
/// only: the keyboard works through the table's one focus (`focus_id`),
/// so Tab past the last cell goes on to the next widget after the table,
/// not into a row header or a column edge (egui's `Sense::click()` would
/// make each of them a Tab stop).
const POINTER_ONLY_CLICK: Sense = Sense::CLICK;
const POINTER_ONLY_DRAG: Sense = Sense::CLICK.union(Sense::DRAG);

/// What egui writes into a focusable widget's accessibility node and not
/// into a pointer-only one: where it is, and that it can be clicked.
fn pointer_only_node(n: &mut egui::accesskit::Node, rect: Rect) {
    n.set_bounds(egui::accesskit::Rect {
        x0: rect.min.x.into(),
        y0: rect.min.y.into(),
        x1: rect.max.x.into(),
        y1: rect.max.y.into(),
    });
    n.add_action(egui::accesskit::Action::Click);
}

/// Ask a grid to mark a row and scroll to it (Kontroll's "go to").
pub fn highlight_row(ui: &Ui, grid_id: Id, row: usize) {
    ui.data_mut(|d| d.insert_temp(grid_id.with("goto"), row));
}

/// Whether this frame's edit was a step of its own for undo; clears it.
pub fn take_discrete_edit(ctx: &egui::Context) -> bool {
    ctx.data_mut(|d| d.remove_temp::<bool>(Id::unique(DISCRETE_EDIT)))
        .unwrap_or(false)
}

fn mark_discrete(ui: &Ui) {
    ui.data_mut(|d| d.insert_temp(Id::unique(DISCRETE_EDIT), true));
}

/// Layout of one frame.
struct Layout {
    /// Column widths as drawn (the author's or fitted, stretched to fill).
    widths: Vec<f32>,
    /// Left x of each column in content space (column 0 is frozen).
    lefts: Vec<f32>,
    rect: Rect,
    header_h: f32,
    row_h: f32,
    /// Where the scrolling columns are shown.
    viewport: Rect,
    /// Content width of the scrolling columns.
    scroll_width: f32,
    hscroll: f32,
    has_scrollbar: bool,
}

impl Layout {
    fn body_top(&self) -> f32 {
        self.rect.top() + self.header_h
    }

    fn row_y(&self, row: usize) -> f32 {
        self.body_top() + row as f32 * self.row_h
    }

    /// Screen x range of a column (frozen or scrolled).
    fn col_x(&self, col: usize) -> (f32, f32) {
        let w = self.widths[col];
        if col == 0 {
            let x = self.rect.left() + ROW_HEADER;
            (x, x + w)
        } else {
            let x = self.viewport.left() + self.lefts[col] - self.hscroll;
            (x, x + w)
        }
    }

    fn cell_rect(&self, at: At) -> Rect {
        let (x0, x1) = self.col_x(at.col);
        let y = self.row_y(at.row);
        Rect::from_min_max(pos2(x0, y), pos2(x1, y + self.row_h))
    }

    /// The part of a cell that is on screen horizontally.
    fn visible_cell(&self, at: At) -> Option<Rect> {
        let r = self.cell_rect(at);
        if at.col == 0 {
            return Some(r);
        }
        let v = r.intersect(Rect::from_x_y_ranges(self.viewport.x_range(), r.y_range()));
        (v.width() > 1.0).then_some(v)
    }

    fn frozen_width(&self) -> f32 {
        ROW_HEADER + self.widths.first().copied().unwrap_or(0.0)
    }
}

fn text_width(ui: &Ui, text: &str, font: &FontId) -> f32 {
    ui.painter()
        .layout_no_wrap(text.to_string(), font.clone(), Color32::WHITE)
        .size()
        .x
}

fn limits(w: Width) -> (f32, f32) {
    match w {
        Width::Narrow => (44.0, 110.0),
        Width::Number => (70.0, 170.0),
        Width::Text => (90.0, 260.0),
        Width::Long => (120.0, 340.0),
    }
}

/// Widths that fit each column's content: its header's longest word (the
/// header wraps between words) and its widest cell, within the kind's
/// limits.
fn fit_widths(ui: &Ui, grid: &dyn Grid) -> Vec<f32> {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let strong = font.clone();
    let rows = grid.total_rows();
    (0..grid.column_count())
        .map(|c| {
            let (lo, hi) = limits(grid.width(c));
            let header = header_width(ui, grid.header(c), &strong);
            let mut content = 0.0_f32;
            for r in 0..rows {
                let v = grid.cell(At::new(r, c));
                let t = v.text.lines().next().unwrap_or("");
                if !t.is_empty() {
                    let mut w = text_width(ui, t, &font);
                    if let Role::Computed {
                        overridden: true, ..
                    } = v.role
                    {
                        w += text_width(ui, "✎ ", &font);
                    }
                    content = content.max(w.min(hi));
                }
            }
            (header.max(content) + 2.0 * PAD + 4.0).clamp(lo, hi.max(header + 2.0 * PAD))
        })
        .collect()
}

/// The narrowest text width at which `header` wraps into at most
/// `HEADER_LINES` lines without cutting a word.
fn header_width(ui: &Ui, header: &str, font: &FontId) -> f32 {
    let longest = header
        .split_whitespace()
        .map(|w| text_width(ui, w, font))
        .fold(0.0_f32, f32::max);
    let total = text_width(ui, header, font);
    let mut w = longest.max(total / HEADER_LINES as f32).ceil();
    while w < total {
        let mut job = LayoutJob::single_section(
            header.to_string(),
            TextFormat::simple(font.clone(), Color32::WHITE),
        );
        job.wrap = TextWrapping {
            max_width: w,
            max_rows: usize::MAX,
            break_anywhere: false,
            overflow_character: None,
        };
        if ui.painter().layout_job(job).rows.len() <= HEADER_LINES {
            break;
        }
        w += 4.0;
    }
    w.min(total)
}

fn header_galley(ui: &Ui, text: &str, width: f32, color: Color32) -> std::sync::Arc<egui::Galley> {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let mut job = LayoutJob::single_section(text.to_string(), TextFormat::simple(font, color));
    job.wrap = TextWrapping {
        max_width: (width - 2.0 * PAD).max(10.0),
        max_rows: HEADER_LINES,
        break_anywhere: false,
        overflow_character: Some('…'),
    };
    ui.painter().layout_job(job)
}

fn cell_galley(ui: &Ui, text: &str, width: f32, color: Color32) -> std::sync::Arc<egui::Galley> {
    let font = egui::TextStyle::Body.resolve(ui.style());
    // One line: a text with line breaks shows its first line and "…".
    let mut first = text.lines().next().unwrap_or("").to_string();
    if text.contains('\n') {
        first.push_str(" …");
    }
    let mut job = LayoutJob::single_section(first, TextFormat::simple(font, color));
    job.wrap = TextWrapping::truncate_at_width((width - 2.0 * PAD).max(8.0));
    ui.painter().layout_job(job)
}

fn is_editable(v: &CellView) -> bool {
    match &v.role {
        Role::Input | Role::Flag(_) => true,
        Role::Computed { .. } | Role::Fixed => false,
    }
}

fn accessible_name(grid: &dyn Grid, at: At) -> String {
    format!("{}, {}", grid.long_header(at.col), grid.row_label(at.row))
}

/// The current cell of the grid `id` (the row a part shows details of).
pub fn current(ui: &Ui, id: Id) -> Option<At> {
    ui.data(|d| d.get_temp::<State>(id)).and_then(|s| s.current)
}

/// Draw `grid` and handle its input. Returns whether the model changed.
pub fn show(ui: &mut Ui, id: Id, grid: &mut dyn Grid) -> bool {
    let mut st: State = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    let mut changed = false;
    let cols = grid.column_count();
    let rows = grid.total_rows();
    if cols == 0 {
        return false;
    }
    if st.fitted != Some((cols, rows)) || st.widths.len() != cols {
        // Content changed shape (a row added, another table): fit again,
        // keeping what the author dragged wider.
        let fitted = fit_widths(ui, grid);
        st.widths = if st.widths.len() == cols && st.fitted.is_some_and(|(c, _)| c == cols) {
            st.widths
                .iter()
                .zip(&fitted)
                .map(|(a, b)| a.max(*b))
                .collect()
        } else {
            fitted
        };
        st.fitted = Some((cols, rows));
    }
    if let Some(c) = st.current
        && (c.row >= rows.max(1) || c.col >= cols)
    {
        st.current = (rows > 0).then(|| At::new(c.row.min(rows - 1), c.col.min(cols - 1)));
        st.anchor = st.current;
    }
    if let Some(row) = ui.data_mut(|d| d.remove_temp::<usize>(id.with("goto")))
        && row < rows
    {
        st.highlight = Some((row, ui.input(|i| i.time)));
        st.current = Some(At::new(row, 0));
        st.anchor = st.current;
        st.hscroll = 0.0;
        st.reveal = true;
    }

    let pal = Palette::of(ui.visuals().dark_mode);
    let layout = make_layout(ui, grid, &mut st);
    let focus_id = id.with("focus");
    // The grid holds the keyboard while a cell is current and no editor is
    // open: one focusable widget over the whole table.
    // Tab past the last input cell (Shift+Tab before the first) leaves the
    // table for the next (previous) widget, so the keyboard is never
    // trapped. egui moves focus when the focused widget registers, so this
    // is decided before the table does.
    if ui.memory(|m| m.has_focus(focus_id)) && st.editor.is_none() && st.menu.is_none() {
        let from = st.current.unwrap_or_default();
        for (mods, forward, dir) in [
            (Modifiers::NONE, true, egui::FocusDirection::Next),
            (Modifiers::SHIFT, false, egui::FocusDirection::Previous),
        ] {
            if next_input(grid, from, forward).is_none()
                && ui.input_mut(|i| i.consume_key(mods, Key::Tab))
            {
                ui.memory_mut(|m| m.move_focus(dir));
            }
        }
    }
    let focus_resp = ui.interact(layout.rect, focus_id, Sense::FOCUSABLE);
    let focused = focus_resp.has_focus();
    if focused {
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                focus_id,
                egui::EventFilter {
                    tab: true,
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    escape: true,
                },
            )
        });
        if st.current.is_none() && rows > 0 {
            st.current = Some(At::new(0, 0));
            st.anchor = st.current;
        }
    }
    let title = grid.header(0).to_string();
    ui.ctx().accesskit_node_builder(focus_id, |n| {
        n.set_role(egui::accesskit::Role::Table);
        n.set_label(format!("Tabell: {title}"));
    });

    // ---------------------------------------------------------- keyboard
    if focused && st.editor.is_none() && st.menu.is_none() {
        changed |= keyboard(ui, grid, &mut st, &layout, focus_id);
    }

    // ------------------------------------------------------------- paint
    let interaction = paint(ui, id, grid, &mut st, &layout, &pal, focused);
    changed |= interaction.changed;
    if interaction.focus {
        ui.memory_mut(|m| m.request_focus(focus_id));
    }

    // ------------------------------------------------------------ editor
    if st.editor.is_some() {
        changed |= editor(ui, id, grid, &mut st, &layout, &pal, focus_id);
    }

    // -------------------------------------------------------------- menu
    if st.menu.is_some() {
        changed |= context_menu(ui, id, grid, &mut st, focus_id);
    }

    if st.reveal {
        reveal(ui, &mut st, &layout);
    }
    if let Some((_, since)) = st.highlight {
        let age = ui.input(|i| i.time) - since;
        if age > HIGHLIGHT_SECONDS {
            st.highlight = None;
        } else {
            ui.ctx().request_repaint();
        }
    }

    // ------------------------------------------------ below the table
    if let Some(note) = &st.note {
        let color = if note.error {
            pal.error
        } else {
            ui.visuals().text_color()
        };
        let mark = if note.error { "⚠ " } else { "" };
        let r = ui.add(
            egui::Label::new(RichText::new(format!("{mark}{}", note.text)).color(color)).wrap(),
        );
        cells::name_widget(ui, r.id, &format!("{mark}{}", note.text));
    }
    if grid.can_edit_rows() {
        ui.horizontal(|ui| {
            let add = ui.button("+ Lägg till rad");
            cells::name_widget(ui, add.id, "Lägg till rad");
            if add.clicked() {
                let n = grid.len();
                grid.insert_row(n);
                st.current = Some(At::new(n, 0));
                st.anchor = st.current;
                st.reveal = true;
                changed = true;
                mark_discrete(ui);
                ui.memory_mut(|m| m.request_focus(focus_id));
            }
            ui.weak(
                "Högerklicka på en rad (eller Skift+F10) för att infoga, flytta eller ta bort.",
            );
        });
    }
    ui.data_mut(|d| d.insert_temp(id, st));
    changed
}

fn make_layout(ui: &Ui, grid: &dyn Grid, st: &mut State) -> Layout {
    let avail = ui.available_width().max(200.0);
    let cols = grid.column_count();
    let mut widths = st.widths.clone();
    let natural: f32 = ROW_HEADER + widths.iter().sum::<f32>();
    if natural < avail {
        // Room to spare: text columns get it, so a wide window shows more
        // of each text instead of empty space.
        let flexible: Vec<usize> = (0..cols)
            .filter(|c| matches!(grid.width(*c), Width::Text | Width::Long))
            .collect();
        let spare = avail - natural;
        if !flexible.is_empty() {
            let total: f32 = flexible.iter().map(|c| widths[*c]).sum::<f32>().max(1.0);
            for c in &flexible {
                widths[*c] += spare * widths[*c] / total;
            }
        }
    } else {
        // A little too wide: text columns give up room (down to their
        // least width) before the numbers have to scroll out of view.
        let deficit = natural - avail;
        let room: Vec<(usize, f32)> = (0..cols)
            .filter(|c| matches!(grid.width(*c), Width::Text | Width::Long))
            .map(|c| {
                let font = egui::TextStyle::Body.resolve(ui.style());
                let least = limits(grid.width(c))
                    .0
                    .max(header_width(ui, grid.header(c), &font) + 2.0 * PAD + 4.0);
                // At most a quarter of its width: names must stay readable.
                (c, (widths[c] - least).clamp(0.0, widths[c] * 0.25))
            })
            .collect();
        let total: f32 = room.iter().map(|(_, r)| r).sum();
        // Only when that makes the whole table fit: a table that has to
        // scroll anyway keeps its texts readable.
        if total > 0.0 && deficit <= total {
            let take = deficit;
            for (c, r) in room {
                widths[c] -= take * r / total;
            }
        }
    }
    let mut lefts = vec![0.0; cols];
    let mut x = 0.0;
    for c in 1..cols {
        lefts[c] = x;
        x += widths[c];
    }
    let scroll_width = x;
    let frozen = ROW_HEADER + widths[0];
    let view_w = (avail - frozen).max(60.0);
    let has_scrollbar = scroll_width > view_w + 0.5;
    st.hscroll = st.hscroll.clamp(0.0, (scroll_width - view_w).max(0.0));
    let row_h = ui.spacing().interact_size.y + 6.0;
    let header_h = (0..cols)
        .map(|c| {
            header_galley(ui, grid.header(c), widths[c], Color32::WHITE)
                .size()
                .y
        })
        .fold(0.0_f32, f32::max)
        + 2.0 * PAD;
    let rows = grid.total_rows();
    let height = header_h + rows as f32 * row_h + if has_scrollbar { SCROLLBAR + 2.0 } else { 0.0 };
    let width = if has_scrollbar {
        avail
    } else {
        (frozen + scroll_width).min(avail)
    };
    let top_left = ui.cursor().min;
    let rect = Rect::from_min_size(top_left, vec2(width, height));
    let viewport = Rect::from_min_max(
        pos2(rect.left() + frozen, rect.top()),
        pos2(
            rect.right(),
            rect.bottom() - if has_scrollbar { SCROLLBAR + 2.0 } else { 0.0 },
        ),
    );
    Layout {
        widths,
        lefts,
        rect,
        header_h,
        row_h,
        viewport,
        scroll_width,
        hscroll: st.hscroll,
        has_scrollbar,
    }
}

/// Scroll the page (vertically) and the columns (sideways) so the current
/// cell is on screen.
fn reveal(ui: &Ui, st: &mut State, layout: &Layout) {
    st.reveal = false;
    let Some(at) = st.current else { return };
    let rect = layout.cell_rect(at);
    // Only the page scrolls up and down; the row label stays in view.
    let y = Rect::from_x_y_ranges(
        layout.rect.left()..=layout.rect.left() + layout.frozen_width(),
        rect.top() - layout.row_h..=rect.bottom() + layout.row_h,
    );
    ui.scroll_to_rect(y, None);
    if at.col > 0 {
        let left = layout.lefts[at.col];
        let right = left + layout.widths[at.col];
        let view = layout.viewport.width();
        if left < st.hscroll {
            st.hscroll = left;
        } else if right > st.hscroll + view {
            st.hscroll = (right - view).max(0.0);
        }
        ui.ctx().request_repaint();
    }
}

fn set_note(st: &mut State, text: impl Into<String>, error: bool) {
    st.note = Some(Note {
        text: text.into(),
        error,
    });
}

fn selection(st: &State) -> Option<Range> {
    let c = st.current?;
    Some(Range::spanning(st.anchor.unwrap_or(c), c))
}

/// Move the current cell; `extend` keeps the anchor (Shift).
fn step(grid: &dyn Grid, st: &mut State, mv: Move, extend: bool) {
    let rows = grid.total_rows();
    let cols = grid.column_count();
    if rows == 0 {
        return;
    }
    let c = st.current.unwrap_or_default();
    let next = match mv {
        Move::Stay => c,
        Move::Up => At::new(c.row.saturating_sub(1), c.col),
        Move::Down => At::new((c.row + 1).min(rows - 1), c.col),
        Move::Left => At::new(c.row, c.col.saturating_sub(1)),
        Move::Right => At::new(c.row, (c.col + 1).min(cols - 1)),
        Move::Next => next_input(grid, c, true).unwrap_or(c),
        Move::Prev => next_input(grid, c, false).unwrap_or(c),
    };
    st.current = Some(next);
    if !extend {
        st.anchor = Some(next);
    }
    st.reveal = true;
}

/// The next (or previous) cell the author types in, along the row and on
/// to the next row; computed cells are skipped.
fn next_input(grid: &dyn Grid, from: At, forward: bool) -> Option<At> {
    let cols = grid.column_count();
    let rows = grid.len();
    if cols == 0 || rows == 0 {
        return None;
    }
    let total = rows * cols;
    let start = from.row.min(rows - 1) * cols + from.col.min(cols - 1);
    // No wrapping: past the last (or before the first) input cell there is
    // none, and Tab leaves the table.
    let mut order: Box<dyn Iterator<Item = usize>> = if forward {
        Box::new(start + 1..total)
    } else {
        Box::new((0..start).rev())
    };
    order
        .find(|&i| is_editable(&grid.cell(At::new(i / cols, i % cols))))
        .map(|i| At::new(i / cols, i % cols))
}

/// Keys, typed text and clipboard events while the grid has the keyboard.
fn keyboard(ui: &Ui, grid: &mut dyn Grid, st: &mut State, layout: &Layout, focus_id: Id) -> bool {
    let mut changed = false;
    let events = ui.input(|i| i.events.clone());
    let page = ((layout.viewport.height() / layout.row_h) as usize).max(10);
    for ev in events {
        if let Some(ed) = st.editor.as_mut() {
            // Typing opened an editor earlier in this frame: more typed
            // text belongs to it, and the editor handles Enter, Tab and
            // the rest itself.
            if let Event::Text(t) = &ev {
                ed.text.push_str(t);
            }
            continue;
        }
        match ev {
            Event::Key {
                key,
                pressed: true,
                modifiers,
                ..
            } => {
                let shift = modifiers.shift;
                let cmd = modifiers.command;
                let rows = grid.total_rows();
                let cols = grid.column_count();
                st.highlight = None;
                match key {
                    Key::ArrowUp if cmd => jump(st, |c| At::new(0, c.col), shift),
                    Key::ArrowDown if cmd => {
                        jump(st, |c| At::new(rows.saturating_sub(1), c.col), shift)
                    }
                    Key::ArrowLeft if cmd => jump(st, |c| At::new(c.row, 0), shift),
                    Key::ArrowRight if cmd => {
                        jump(st, |c| At::new(c.row, cols.saturating_sub(1)), shift)
                    }
                    Key::ArrowUp => step(grid, st, Move::Up, shift),
                    Key::ArrowDown => step(grid, st, Move::Down, shift),
                    Key::ArrowLeft => step(grid, st, Move::Left, shift),
                    Key::ArrowRight => step(grid, st, Move::Right, shift),
                    Key::Home if cmd => jump(st, |_| At::new(0, 0), shift),
                    Key::End if cmd => jump(
                        st,
                        |_| At::new(rows.saturating_sub(1), cols.saturating_sub(1)),
                        shift,
                    ),
                    Key::Home => jump(st, |c| At::new(c.row, 0), shift),
                    Key::End => jump(st, |c| At::new(c.row, cols.saturating_sub(1)), shift),
                    Key::PageUp => jump(st, |c| At::new(c.row.saturating_sub(page), c.col), shift),
                    Key::PageDown => jump(
                        st,
                        |c| At::new((c.row + page).min(rows.saturating_sub(1)), c.col),
                        shift,
                    ),
                    Key::Tab => step(grid, st, if shift { Move::Prev } else { Move::Next }, false),
                    Key::Enter if shift => step(grid, st, Move::Up, false),
                    Key::Enter => step(grid, st, Move::Down, false),
                    Key::F2 => open_editor(grid, st, None),
                    Key::A if cmd => {
                        st.anchor = Some(At::new(0, 0));
                        st.current = Some(At::new(rows.saturating_sub(1), cols.saturating_sub(1)));
                    }
                    Key::Delete | Key::Backspace => {
                        if let Some(sel) = selection(st) {
                            let n = sheet::clear(grid, sel);
                            if n > 0 {
                                changed = true;
                                mark_discrete(ui);
                                set_note(
                                    st,
                                    format!(
                                        "{n} {} tömda.",
                                        if n == 1 { "cell" } else { "celler" }
                                    ),
                                    false,
                                );
                            }
                        }
                    }
                    Key::Space if !cmd => {
                        if let Some(at) = st.current
                            && let Role::Flag(on) = grid.cell(at).role
                            && let Ok(true) = grid.write(at, if on { "" } else { "x" })
                        {
                            changed = true;
                            mark_discrete(ui);
                        }
                    }
                    Key::F10 if shift => open_menu_at_current(st, layout, false),
                    Key::Menu => open_menu_at_current(st, layout, false),
                    Key::Escape => {
                        st.anchor = st.current;
                        st.note = None;
                    }
                    _ => {}
                }
            }
            Event::Text(t) => {
                let Some(at) = st.current else { continue };
                let v = grid.cell(at);
                match v.role {
                    Role::Flag(_) if t == " " => {} // Space toggles (above).
                    Role::Flag(_) => match grid.write(at, &t) {
                        Ok(ch) => {
                            if ch {
                                changed = true;
                                mark_discrete(ui);
                            }
                            step(grid, st, Move::Down, false);
                        }
                        Err(e) => set_note(st, format!("{}: {e}", accessible_name(grid, at)), true),
                    },
                    Role::Input => {
                        open_editor(grid, st, Some(t));
                    }
                    Role::Computed { slot: true, .. } => set_note(
                        st,
                        format!(
                            "{} är beräknad. Tryck F2 eller högerklicka för att skriva över värdet.",
                            accessible_name(grid, at)
                        ),
                        false,
                    ),
                    Role::Computed { .. } | Role::Fixed => set_note(
                        st,
                        format!("{} kan inte ändras här.", accessible_name(grid, at)),
                        false,
                    ),
                }
            }
            Event::Copy | Event::Cut => {
                if let Some(sel) = selection(st) {
                    let text = sheet::copy(grid, sel);
                    ui.ctx().copy_text(text);
                    let n = (sel.bottom - sel.top + 1) * (sel.right - sel.left + 1);
                    let mut msg =
                        format!("{n} {} kopierade.", if n == 1 { "cell" } else { "celler" });
                    if matches!(ev, Event::Cut) {
                        let cleared = sheet::clear(grid, sel);
                        if cleared > 0 {
                            changed = true;
                            mark_discrete(ui);
                            msg = format!(
                                "{n} {} urklippta.",
                                if n == 1 { "cell" } else { "celler" }
                            );
                        }
                    }
                    set_note(st, msg, false);
                }
            }
            Event::Paste(text) => {
                let at = st.current.unwrap_or_default();
                let report = sheet::paste(grid, at, &text, selection(st));
                if report.changed() {
                    changed = true;
                    mark_discrete(ui);
                }
                if let Some(r) = report.range {
                    st.anchor = Some(At::new(r.top, r.left));
                    st.current = Some(At::new(r.bottom, r.right));
                }
                set_note(st, report.message(), !report.refused.is_empty());
            }
            _ => {}
        }
    }
    if changed {
        ui.memory_mut(|m| m.request_focus(focus_id));
    }
    changed
}

fn jump(st: &mut State, to: impl Fn(At) -> At, extend: bool) {
    let c = st.current.unwrap_or_default();
    st.current = Some(to(c));
    if !extend {
        st.anchor = st.current;
    }
    st.reveal = true;
}

fn open_menu_at_current(st: &mut State, layout: &Layout, row: bool) {
    if let Some(at) = st.current {
        let r = layout.cell_rect(at);
        let x = if at.col == 0 {
            r.left() + 8.0
        } else {
            r.left()
                .clamp(layout.viewport.left(), layout.viewport.right() - 8.0)
                + 8.0
        };
        st.menu = Some(Menu {
            at,
            pos: pos2(x, r.bottom()),
            row,
        });
    }
}

/// Open an editor on the current cell: with `typed` text (typing replaces
/// the value), or with the stored value (F2, double click). A computed cell
/// with an override slot is typed over; a choice opens its list on F2.
fn open_editor(grid: &dyn Grid, st: &mut State, typed: Option<String>) {
    let Some(at) = st.current else { return };
    let v = grid.cell(at);
    let over = matches!(v.role, Role::Computed { slot: true, .. });
    if !(matches!(v.role, Role::Input) || over) {
        if let Role::Flag(_) = v.role {
            return;
        }
        st.note = Some(Note {
            text: format!("{} kan inte ändras här.", accessible_name(grid, at)),
            error: false,
        });
        return;
    }
    let list = match (&v.choices, &typed) {
        (Some(options), None) => Some(options.iter().position(|o| *o == v.text).unwrap_or(0)),
        _ => None,
    };
    st.anchor = Some(at);
    st.editor = Some(Editor {
        at,
        mode: if typed.is_some() {
            Mode::Enter
        } else {
            Mode::Edit
        },
        text: typed.unwrap_or(v.edit),
        over,
        error: None,
        focus: true,
        list,
    });
    st.reveal = true;
}

/// What the paint pass saw the pointer do.
#[derive(Default)]
struct Interaction {
    changed: bool,
    focus: bool,
}

#[allow(clippy::too_many_arguments)]
fn paint(
    ui: &mut Ui,
    id: Id,
    grid: &mut dyn Grid,
    st: &mut State,
    layout: &Layout,
    pal: &Palette,
    focused: bool,
) -> Interaction {
    let mut out = Interaction::default();
    let painter = ui.painter().clone();
    let rows = grid.total_rows();
    let cols = grid.column_count();
    let data_rows = grid.len();
    let clip = ui.clip_rect();
    let frozen_clip = Rect::from_x_y_ranges(
        layout.rect.left()..=layout.rect.left() + layout.frozen_width(),
        layout.rect.y_range(),
    )
    .intersect(clip);
    let scroll_clip = layout.viewport.intersect(clip);
    let font = egui::TextStyle::Body.resolve(ui.style());
    let time = ui.input(|i| i.time);
    let highlight = st.highlight.map(|(row, since)| {
        let fade = 1.0 - ((time - since) / HIGHLIGHT_SECONDS).clamp(0.0, 1.0) as f32;
        (row, fade)
    });
    let sel = selection(st);

    // Header.
    for c in 0..cols {
        let (x0, x1) = layout.col_x(c);
        let r = Rect::from_min_max(pos2(x0, layout.rect.top()), pos2(x1, layout.body_top()));
        let p = painter.with_clip_rect(if c == 0 { frozen_clip } else { scroll_clip });
        p.rect_filled(r, CornerRadius::ZERO, pal.header_bg);
        p.rect_stroke(
            r,
            CornerRadius::ZERO,
            Stroke::new(1.0, pal.grid_line),
            StrokeKind::Inside,
        );
        let g = header_galley(ui, grid.header(c), layout.widths[c], pal.header_text);
        let numeric = !matches!(grid.width(c), Width::Text | Width::Long);
        let gx = if numeric {
            r.right() - PAD - g.size().x
        } else {
            r.left() + PAD
        };
        let elided = g.elided;
        p.galley(pos2(gx, r.bottom() - PAD - g.size().y), g, pal.header_text);
        let vis = if c == 0 { r } else { r.intersect(scroll_clip) };
        if vis.width() > 2.0 && vis.height() > 2.0 {
            let hid = id.with(("h", c));
            let resp = ui.interact(vis, hid, Sense::hover());
            if elided || grid.long_header(c) != grid.header(c) {
                resp.on_hover_text(grid.long_header(c));
            }
            // Drag the right edge to resize; double click fits again.
            let handle = Rect::from_x_y_ranges(r.right() - 3.0..=r.right() + 3.0, r.y_range())
                .intersect(if c == 0 {
                    frozen_clip
                } else {
                    scroll_clip.expand2(vec2(3.0, 0.0))
                });
            if handle.width() > 0.0 {
                let h = ui
                    .interact(handle, id.with(("resize", c)), POINTER_ONLY_DRAG)
                    .on_hover_cursor(CursorIcon::ResizeHorizontal);
                if h.dragged() {
                    let (lo, _) = limits(grid.width(c));
                    if let Some(w) = st.widths.get_mut(c) {
                        *w = (*w + h.drag_delta().x).max(lo.min(40.0));
                    }
                }
                if h.double_clicked() {
                    st.fitted = None;
                }
            }
        }
    }
    // Row-number header corner.
    let corner = Rect::from_min_max(
        layout.rect.min,
        pos2(layout.rect.left() + ROW_HEADER, layout.body_top()),
    );
    painter
        .with_clip_rect(frozen_clip)
        .rect_filled(corner, CornerRadius::ZERO, pal.header_bg);

    // Rows on screen.
    let first = (((clip.top() - layout.body_top()) / layout.row_h)
        .floor()
        .max(0.0)) as usize;
    let last =
        ((((clip.bottom() - layout.body_top()) / layout.row_h).ceil()).max(0.0) as usize).min(rows);
    let pointer = ui.input(|i| i.pointer.interact_pos());
    let primary_down = ui.input(|i| i.pointer.primary_down());
    if !primary_down {
        st.dragging = false;
    }
    for row in first..last {
        let y = layout.row_y(row);
        let is_data = row < data_rows;
        // Row number.
        let rn = Rect::from_min_max(
            pos2(layout.rect.left(), y),
            pos2(layout.rect.left() + ROW_HEADER, y + layout.row_h),
        );
        let fp = painter.with_clip_rect(frozen_clip);
        fp.rect_filled(rn, CornerRadius::ZERO, pal.header_bg);
        fp.rect_stroke(
            rn,
            CornerRadius::ZERO,
            Stroke::new(1.0, pal.grid_line),
            StrokeKind::Inside,
        );
        if is_data {
            fp.text(
                rn.right_center() - vec2(PAD, 0.0),
                Align2::RIGHT_CENTER,
                (row + 1).to_string(),
                font.clone(),
                pal.header_text,
            );
        }
        let rid = id.with(("rowhead", row));
        let rresp = ui.interact(rn.intersect(clip), rid, POINTER_ONLY_CLICK);
        if is_data {
            let label = grid.row_label(row);
            ui.ctx().accesskit_node_builder(rid, |n| {
                n.set_role(egui::accesskit::Role::RowHeader);
                pointer_only_node(n, rresp.rect);
                n.set_label(format!("Rad {} ({label})", row + 1));
            });
        }
        if rresp.clicked() || rresp.secondary_clicked() {
            commit_if_editing(ui, grid, st, &mut out);
            st.anchor = Some(At::new(row, 0));
            st.current = Some(At::new(row, cols - 1));
            st.highlight = None;
            out.focus = true;
            if rresp.secondary_clicked() && is_data && grid.can_edit_rows() {
                st.menu = Some(Menu {
                    at: At::new(row, 0),
                    pos: pointer.unwrap_or(rn.center()),
                    row: true,
                });
            }
        }
        for c in 0..cols {
            let at = At::new(row, c);
            let Some(vis) = layout.visible_cell(at) else {
                continue;
            };
            let r = layout.cell_rect(at);
            let v = grid.cell(at);
            let p = painter.with_clip_rect(if c == 0 { frozen_clip } else { scroll_clip });
            let (bg, fg) = match &v.role {
                Role::Input | Role::Flag(_) => (pal.input_bg, pal.text),
                Role::Computed { overridden, .. } => {
                    let plain = if *overridden {
                        pal.overridden_text
                    } else {
                        pal.computed_text
                    };
                    (pal.computed_bg, status_color(pal, &v.text).unwrap_or(plain))
                }
                Role::Fixed => (pal.computed_bg, pal.text),
            };
            p.rect_filled(r, CornerRadius::ZERO, bg);
            if let Some((hr, fade)) = highlight
                && hr == row
            {
                p.rect_filled(r, CornerRadius::ZERO, pal.highlight.gamma_multiply(fade));
            }
            if is_editable(&v) {
                p.rect_stroke(
                    r.shrink(1.0),
                    CornerRadius::ZERO,
                    Stroke::new(1.0, pal.input_border),
                    StrokeKind::Inside,
                );
            } else {
                p.rect_stroke(
                    r,
                    CornerRadius::ZERO,
                    Stroke::new(1.0, pal.grid_line),
                    StrokeKind::Inside,
                );
            }
            if sel.is_some_and(|s| s.contains(at) && (s.top != s.bottom || s.left != s.right)) {
                p.rect_filled(r, CornerRadius::ZERO, pal.selection);
            }
            let editing_here = st.editor.as_ref().is_some_and(|e| e.at == at);
            let text = match &v.role {
                Role::Computed {
                    overridden: true, ..
                } => format!("✎ {}", v.text),
                _ => v.text.clone(),
            };
            let strong = !is_data && c == 0;
            let g = cell_galley(ui, &text, layout.widths[c], fg);
            let elided = g.elided;
            if !editing_here {
                let gy = r.center().y - g.size().y / 2.0;
                let gx = if v.numeric || matches!(v.role, Role::Flag(_)) {
                    if matches!(v.role, Role::Flag(_)) {
                        r.center().x - g.size().x / 2.0
                    } else {
                        r.right() - PAD - g.size().x
                    }
                } else {
                    r.left() + PAD
                };
                if strong {
                    let sg = {
                        let mut job = LayoutJob::single_section(
                            text.clone(),
                            TextFormat::simple(font.clone(), fg),
                        );
                        job.wrap = TextWrapping::truncate_at_width(
                            (layout.widths[c] - 2.0 * PAD).max(8.0),
                        );
                        ui.painter().layout_job(job)
                    };
                    p.galley(pos2(gx, gy), sg.clone(), fg);
                    // Bold by a second pass a hair to the right.
                    p.galley(pos2(gx + 0.6, gy), sg, fg);
                } else {
                    p.galley(pos2(gx, gy), g, fg);
                }
            }
            if st.current == Some(at) {
                let ring = if focused || editing_here {
                    pal.current
                } else {
                    pal.current.gamma_multiply(0.6)
                };
                p.rect_stroke(
                    r,
                    CornerRadius::ZERO,
                    Stroke::new(2.0, ring),
                    StrokeKind::Inside,
                );
            }
            // Interaction and the accessible name.
            let cid = id.with(("c", row, c));
            let resp = ui.interact(vis.intersect(clip), cid, POINTER_ONLY_CLICK);
            let name = accessible_name(grid, at);
            ui.ctx().accesskit_node_builder(cid, |n| {
                n.set_role(egui::accesskit::Role::Cell);
                pointer_only_node(n, resp.rect);
                n.set_label(name.clone());
                n.set_value(text.clone());
            });
            let resp = if elided || text.contains('\n') {
                resp.on_hover_text(v.text.clone())
            } else if let Role::Computed {
                overridden,
                formula,
                slot,
            } = &v.role
            {
                let how = if *slot {
                    " Högerklicka (eller tryck F2) för att skriva över."
                } else {
                    ""
                };
                let tip = if *overridden {
                    let f = if formula.is_empty() {
                        "tomt"
                    } else {
                        formula.as_str()
                    };
                    format!("Överskrivet värde. Formeln ger {f}.{how}")
                } else {
                    format!("Beräknat värde.{how}")
                };
                resp.on_hover_text(tip)
            } else if let Role::Fixed = v.role
                && is_data
                && grid.column_is_input(c)
            {
                resp.on_hover_text("Kan inte ändras för den här raden.")
            } else {
                resp
            };
            if resp.is_pointer_button_down_on() && primary_down && !st.dragging {
                st.dragging = true;
            }
            if resp.clicked() {
                commit_if_editing(ui, grid, st, &mut out);
                let shift = ui.input(|i| i.modifiers.shift);
                st.current = Some(at);
                if !shift {
                    st.anchor = Some(at);
                }
                st.highlight = None;
                st.note = None;
                out.focus = true;
                if !shift
                    && let Role::Flag(on) = v.role
                    && let Ok(true) = grid.write(at, if on { "" } else { "x" })
                {
                    out.changed = true;
                    mark_discrete(ui);
                }
            }
            if resp.double_clicked() && !matches!(v.role, Role::Flag(_)) {
                st.current = Some(at);
                st.anchor = Some(at);
                open_editor(grid, st, None);
            }
            if resp.secondary_clicked() {
                commit_if_editing(ui, grid, st, &mut out);
                if !sel.is_some_and(|s| s.contains(at)) {
                    st.anchor = Some(at);
                }
                st.current = Some(at);
                st.highlight = None;
                out.focus = true;
                st.menu = Some(Menu {
                    at,
                    pos: pointer.unwrap_or(r.center()),
                    row: false,
                });
            }
            // Drag to select a rectangle.
            if st.dragging
                && primary_down
                && let Some(p) = pointer
                && vis.contains(p)
                && st.current != Some(at)
                && st.anchor.is_some()
                && st.editor.is_none()
            {
                st.current = Some(at);
            }
        }
    }

    // Horizontal scrollbar under the scrolling columns.
    if layout.has_scrollbar {
        let track = Rect::from_min_max(
            pos2(layout.viewport.left(), layout.viewport.bottom() + 2.0),
            pos2(
                layout.viewport.right(),
                layout.viewport.bottom() + 2.0 + SCROLLBAR,
            ),
        );
        let view = layout.viewport.width();
        let frac = (view / layout.scroll_width).clamp(0.05, 1.0);
        let thumb_w = track.width() * frac;
        let max_scroll = (layout.scroll_width - view).max(1.0);
        let thumb_x = track.left() + (track.width() - thumb_w) * (layout.hscroll / max_scroll);
        let thumb = Rect::from_min_size(pos2(thumb_x, track.top()), vec2(thumb_w, SCROLLBAR));
        painter.rect_filled(track, CornerRadius::same(4), ui.visuals().extreme_bg_color);
        let tr = ui.interact(track, id.with("hbar"), POINTER_ONLY_DRAG);
        let col = if tr.dragged() || tr.hovered() {
            ui.visuals().widgets.hovered.bg_fill
        } else {
            ui.visuals().widgets.inactive.bg_fill
        };
        painter.rect_filled(thumb, CornerRadius::same(4), col);
        if tr.dragged() {
            st.hscroll += tr.drag_delta().x * layout.scroll_width / track.width();
        } else if tr.clicked()
            && let Some(p) = tr.interact_pointer_pos()
        {
            st.hscroll += if p.x < thumb.left() { -view } else { view } * 0.9;
        }
        // Sideways wheel (or Shift + wheel) over the table.
        let hovered = ui.rect_contains_pointer(layout.rect);
        if hovered {
            let dx = ui.input(|i| i.smooth_scroll_delta.x);
            if dx != 0.0 {
                st.hscroll -= dx;
                ui.input_mut(|i| i.smooth_scroll_delta.x = 0.0);
            }
        }
        st.hscroll = st.hscroll.clamp(0.0, max_scroll);
    }
    ui.advance_cursor_after_rect(layout.rect);
    out
}

/// A click elsewhere in the grid commits an open editor first.
fn commit_if_editing(ui: &Ui, grid: &mut dyn Grid, st: &mut State, out: &mut Interaction) {
    if let Some(ed) = st.editor.take() {
        if ed.list.is_some() {
            return;
        }
        match write(grid, &ed) {
            Ok(ch) => {
                if ch {
                    out.changed = true;
                    mark_discrete(ui);
                }
            }
            Err(e) => set_note(
                st,
                format!(
                    "{}: {e} Värdet ändrades inte.",
                    accessible_name(grid, ed.at)
                ),
                true,
            ),
        }
    }
}

fn write(grid: &mut dyn Grid, ed: &Editor) -> Result<bool, sheet::WriteError> {
    if ed.over {
        // Typing the formula's own value back keeps the cell computed.
        grid.write_override(ed.at, &ed.text)
    } else {
        grid.write(ed.at, &ed.text)
    }
}

/// The open editor over a cell: a text field (a taller one for long text)
/// or a choice list. Enter commits and moves down, Tab right, arrows (when
/// the editor was opened by typing) in their direction; Escape gives the
/// stored value back; a click elsewhere commits.
#[allow(clippy::too_many_arguments)]
fn editor(
    ui: &mut Ui,
    id: Id,
    grid: &mut dyn Grid,
    st: &mut State,
    layout: &Layout,
    pal: &Palette,
    focus_id: Id,
) -> bool {
    let Some(mut ed) = st.editor.clone() else {
        return false;
    };
    let eid = id.with(("edit", ed.at.row, ed.at.col));
    let cell = layout.cell_rect(ed.at);
    let rect = if ed.at.col == 0 {
        cell
    } else {
        // Keep the editor inside the scrolling area.
        let dx = (layout.viewport.left() - cell.left()).max(0.0)
            - (cell.right() - layout.viewport.right()).max(0.0);
        cell.translate(vec2(dx, 0.0))
    };
    let view = grid.cell(ed.at);
    let long = grid.width(ed.at.col) == Width::Long || ed.text.contains('\n');
    let mut changed = false;
    let mut done: Option<(bool, Move)> = None; // (commit, then move)

    if let Some(mut sel) = ed.list {
        let options = view.choices.clone().unwrap_or_default();
        let (up, down, enter, esc) = ui.input_mut(|i| {
            (
                i.consume_key(Modifiers::NONE, Key::ArrowUp),
                i.consume_key(Modifiers::NONE, Key::ArrowDown),
                i.consume_key(Modifiers::NONE, Key::Enter)
                    || i.consume_key(Modifiers::NONE, Key::Tab),
                i.consume_key(Modifiers::NONE, Key::Escape),
            )
        });
        if up {
            sel = sel.saturating_sub(1);
        }
        if down {
            sel = (sel + 1).min(options.len().saturating_sub(1));
        }
        let mut picked = None;
        let area = egui::Area::new(eid)
            .order(egui::Order::Foreground)
            .fixed_pos(rect.left_bottom())
            .show(ui.ctx(), |ui| {
                egui::Frame::menu(ui.style()).show(ui, |ui| {
                    ui.set_min_width(rect.width().max(160.0));
                    for (i, o) in options.iter().enumerate() {
                        let r = ui.selectable_label(i == sel, o);
                        cells::name_widget(ui, r.id, o);
                        if r.clicked() {
                            picked = Some(i);
                        }
                    }
                    if ed.over {
                        let r = ui.selectable_label(false, "(tomt)");
                        if r.clicked() {
                            picked = Some(usize::MAX);
                        }
                    }
                });
            });
        if enter {
            picked = Some(sel);
        }
        if let Some(i) = picked {
            ed.text = options.get(i).cloned().unwrap_or_default();
            done = Some((true, Move::Stay));
        } else if esc
            || (ui.input(|i| i.pointer.any_click()) && !area.response.hovered() && !ed.focus)
        {
            done = Some((false, Move::Stay));
        }
        ed.list = Some(sel);
        ed.focus = false;
    } else {
        let (esc, enter, shift_enter, tab, shift_tab, arrows) = ui.input_mut(|i| {
            let esc = i.consume_key(Modifiers::NONE, Key::Escape);
            let enter = i.consume_key(Modifiers::NONE, Key::Enter);
            let shift_enter = !long && i.consume_key(Modifiers::SHIFT, Key::Enter);
            let tab = i.consume_key(Modifiers::NONE, Key::Tab);
            let shift_tab = i.consume_key(Modifiers::SHIFT, Key::Tab);
            let mut arrows = None;
            if ed.mode == Mode::Enter && !long {
                for (k, m) in [
                    (Key::ArrowUp, Move::Up),
                    (Key::ArrowDown, Move::Down),
                    (Key::ArrowLeft, Move::Left),
                    (Key::ArrowRight, Move::Right),
                ] {
                    if i.consume_key(Modifiers::NONE, k) {
                        arrows = Some(m);
                    }
                }
            }
            (esc, enter, shift_enter, tab, shift_tab, arrows)
        });
        let has_focus = ui.memory(|m| m.has_focus(eid));
        if esc {
            // egui drops the text field's focus on Escape before the field
            // is drawn, so Escape is taken whether or not it still has it:
            // the edit is abandoned, never committed as a focus loss.
            done = Some((false, Move::Stay));
        } else if has_focus || ed.focus {
            if enter {
                done = Some((true, Move::Down));
            } else if shift_enter {
                done = Some((true, Move::Up));
            } else if tab {
                done = Some((true, Move::Next));
            } else if shift_tab {
                done = Some((true, Move::Prev));
            } else if let Some(m) = arrows {
                done = Some((true, m));
            }
        }
        if done.is_none() {
            let frame_color = if ed.error.is_some() {
                pal.error
            } else {
                pal.current
            };
            let resp = if long {
                let w = rect.width().max(380.0);
                let area = egui::Area::new(eid.with("area"))
                    .order(egui::Order::Foreground)
                    .fixed_pos(rect.left_top())
                    .show(ui.ctx(), |ui| {
                        egui::Frame::popup(ui.style())
                            .stroke(Stroke::new(2.0, frame_color))
                            .show(ui, |ui| {
                                let r = ui.add(
                                    TextEdit::multiline(&mut ed.text)
                                        .id(eid)
                                        .desired_width(w)
                                        .desired_rows(4)
                                        .return_key(egui::KeyboardShortcut::new(
                                            Modifiers::SHIFT,
                                            Key::Enter,
                                        )),
                                );
                                ui.weak("Enter sparar · Skift+Enter ny rad · Esc ångrar");
                                r
                            })
                            .inner
                    });
                area.inner
            } else {
                let text_color = if ed.error.is_some() {
                    pal.error
                } else {
                    pal.text
                };
                // A child over the cell: `ui.put` would move the parent's
                // cursor back up to the cell and what follows the table
                // would be drawn over its lower rows.
                let mut over_cell = ui.new_child(egui::UiBuilder::new().max_rect(rect));
                let r = over_cell.put(
                    rect,
                    TextEdit::singleline(&mut ed.text)
                        .id(eid)
                        .return_key(None)
                        .text_color(text_color)
                        .align(if view.numeric {
                            Align2::RIGHT_CENTER
                        } else {
                            Align2::LEFT_CENTER
                        })
                        .background_color(pal.input_bg)
                        .margin(vec2(PAD - 2.0, 2.0))
                        .desired_width(rect.width()),
                );
                ui.painter().rect_stroke(
                    rect,
                    CornerRadius::ZERO,
                    Stroke::new(2.0, frame_color),
                    StrokeKind::Inside,
                );
                r
            };
            let name = format!("{} (redigeras)", accessible_name(grid, ed.at));
            cells::name_widget(ui, eid, &name);
            if ed.focus {
                resp.request_focus();
                if ed.mode == Mode::Edit
                    && let Some(mut s) = egui::text_edit::TextEditState::load(ui.ctx(), eid)
                {
                    let end = egui::text::CCursor::new(ed.text.chars().count());
                    s.cursor
                        .set_char_range(Some(egui::text::CCursorRange::one(end)));
                    s.store(ui.ctx(), eid);
                }
                ed.focus = false;
            } else if resp.lost_focus() {
                // Focus went elsewhere (a click outside the grid): commit as
                // any other cell does.
                done = Some((true, Move::Stay));
            }
        }
    }

    match done {
        None => st.editor = Some(ed),
        Some((false, _)) => {
            st.editor = None;
            st.note = None;
            ui.memory_mut(|m| m.request_focus(focus_id));
        }
        Some((true, mv)) => {
            let lost_focus = mv == Move::Stay && ed.list.is_none();
            match write(grid, &ed) {
                Ok(ch) => {
                    if ch {
                        changed = true;
                        mark_discrete(ui);
                    }
                    st.editor = None;
                    st.note = None;
                    // Widen the column if the new value needs it.
                    let v = grid.cell(ed.at);
                    let font = egui::TextStyle::Body.resolve(ui.style());
                    let (_, hi) = limits(grid.width(ed.at.col));
                    let need = (text_width(ui, v.text.lines().next().unwrap_or(""), &font)
                        + 2.0 * PAD
                        + 4.0)
                        .min(hi);
                    if let Some(w) = st.widths.get_mut(ed.at.col)
                        && need > *w
                    {
                        *w = need;
                    }
                    step(grid, st, mv, false);
                    if !lost_focus || ed.list.is_some() {
                        ui.memory_mut(|m| m.request_focus(focus_id));
                    }
                }
                Err(e) if lost_focus => {
                    st.editor = None;
                    set_note(
                        st,
                        format!(
                            "{}: {e} Värdet ändrades inte.",
                            accessible_name(grid, ed.at)
                        ),
                        true,
                    );
                }
                Err(e) => {
                    ed.error = Some(e.to_string());
                    ed.focus = true;
                    set_note(st, format!("{}: {e}", accessible_name(grid, ed.at)), true);
                    st.editor = Some(ed);
                }
            }
        }
    }
    changed
}

/// What an entry of the context menu does.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum MenuAction {
    Override,
    Reset,
    Copy,
    Clear,
    InsertAbove,
    InsertBelow,
    MoveUp,
    MoveDown,
    Delete,
}

/// The context menu of a cell or a row: copy and clear, typing over a
/// computed value or giving it back its formula, and the row actions.
fn context_menu(ui: &mut Ui, id: Id, grid: &mut dyn Grid, st: &mut State, focus_id: Id) -> bool {
    let Some(menu) = st.menu else { return false };
    let mut changed = false;
    let at = menu.at;
    let v = grid.cell(at);
    let data_row = at.row < grid.len();
    let row_ops = data_row && grid.can_edit_rows();
    let mut action: Option<MenuAction> = None;
    let area = egui::Area::new(id.with("menu"))
        .order(egui::Order::Foreground)
        .fixed_pos(menu.pos)
        .show(ui.ctx(), |ui| {
            egui::Frame::menu(ui.style()).show(ui, |ui| {
                ui.set_min_width(220.0);
                let mut item =
                    |ui: &mut Ui, key: MenuAction, label: &str, enabled: bool, first: bool| {
                        let r = ui.add_enabled(enabled, egui::Button::new(label).frame(false));
                        cells::name_widget(ui, r.id, label);
                        if first && ui.memory(|m| m.focused().is_none() || m.has_focus(focus_id)) {
                            r.request_focus();
                        }
                        if r.clicked() {
                            action = Some(key);
                        }
                    };
                let mut first = true;
                if !menu.row {
                    if let Role::Computed {
                        slot: true,
                        overridden,
                        ..
                    } = &v.role
                    {
                        item(ui, MenuAction::Override, "Skriv över värde", true, first);
                        item(
                            ui,
                            MenuAction::Reset,
                            "Återställ beräkning",
                            *overridden,
                            false,
                        );
                        first = false;
                        ui.separator();
                    }
                    item(ui, MenuAction::Copy, "Kopiera (Ctrl+C)", true, first);
                    item(ui, MenuAction::Clear, "Töm celler (Delete)", true, false);
                    first = false;
                }
                if row_ops {
                    if !menu.row {
                        ui.separator();
                    }
                    let rows = grid.len();
                    item(
                        ui,
                        MenuAction::InsertAbove,
                        "Infoga rad ovanför",
                        true,
                        first,
                    );
                    item(
                        ui,
                        MenuAction::InsertBelow,
                        "Infoga rad nedanför",
                        true,
                        false,
                    );
                    item(
                        ui,
                        MenuAction::MoveUp,
                        "Flytta raden uppåt",
                        at.row > 0,
                        false,
                    );
                    item(
                        ui,
                        MenuAction::MoveDown,
                        "Flytta raden nedåt",
                        at.row + 1 < rows,
                        false,
                    );
                    let label = format!("Ta bort raden {}", grid.row_label(at.row));
                    let r = ui.add(egui::Button::new(&label).frame(false));
                    cells::name_widget(ui, r.id, &label);
                    if r.clicked() {
                        action = Some(MenuAction::Delete);
                    }
                }
            });
        });
    let esc = ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape));
    let clicked_outside = ui.input(|i| i.pointer.any_click()) && !area.response.hovered();
    let opened_now = area.response.rect.width() < 1.0;
    if action.is_none()
        && (esc
            || (clicked_outside && !opened_now && !ui.rect_contains_pointer(area.response.rect)))
    {
        // A click elsewhere (or Escape) closes the menu.
        if esc || !ui.input(|i| i.pointer.secondary_clicked()) {
            st.menu = None;
            ui.memory_mut(|m| m.request_focus(focus_id));
        }
        return false;
    }
    let Some(a) = action else { return false };
    st.menu = None;
    ui.memory_mut(|m| m.request_focus(focus_id));
    match a {
        MenuAction::Override => {
            st.current = Some(at);
            open_editor(grid, st, None);
        }
        MenuAction::Reset => changed = grid.reset_override(at),
        MenuAction::Copy => {
            if let Some(sel) = selection(st) {
                ui.ctx().copy_text(sheet::copy(grid, sel));
                set_note(st, "Kopierat.", false);
            }
        }
        MenuAction::Clear => {
            if let Some(sel) = selection(st) {
                changed = sheet::clear(grid, sel) > 0;
            }
        }
        MenuAction::InsertAbove => {
            grid.insert_row(at.row);
            st.current = Some(At::new(at.row, 0));
            changed = true;
        }
        MenuAction::InsertBelow => {
            grid.insert_row(at.row + 1);
            st.current = Some(At::new(at.row + 1, 0));
            changed = true;
        }
        MenuAction::MoveUp => {
            grid.move_row(at.row, at.row - 1);
            st.current = Some(At::new(at.row - 1, at.col));
            changed = true;
        }
        MenuAction::MoveDown => {
            grid.move_row(at.row, at.row + 1);
            st.current = Some(At::new(at.row + 1, at.col));
            changed = true;
        }
        MenuAction::Delete => {
            grid.remove_row(at.row);
            let rows = grid.total_rows();
            st.current = (rows > 0).then(|| At::new(at.row.min(rows - 1), at.col));
            changed = true;
        }
    }
    st.anchor = st.current;
    if changed {
        mark_discrete(ui);
    }
    changed
}

/// "Kopiera tabell" (tab-separated, for Excel and Word) and "Exportera
/// CSV…" under a report table, as the report prints it; a click queues
/// the command on `commands`, which the window carries out.
pub fn table_actions(ui: &mut Ui, printed: &Table, commands: &mut Vec<Command>) {
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
            commands.push(Command::CopyTable(printed.clone()));
        }
        let csv = ui.small_button("Exportera CSV…");
        cells::name_widget(ui, csv.id, &format!("Exportera CSV {}", printed.title));
        if csv.clicked() {
            commands.push(Command::ExportTable(printed.clone()));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computed_text_and_edit_frames_are_readable_in_both_themes() {
        for dark in [false, true] {
            let p = Palette::of(dark);
            let theme = if dark { "mörkt" } else { "ljust" };
            for (what, fg, bg, need) in [
                ("beräknad text", p.computed_text, p.computed_bg, 4.5),
                ("överskriven text", p.overridden_text, p.computed_bg, 4.5),
                ("inmatad text", p.text, p.input_bg, 4.5),
                ("fast text", p.text, p.computed_bg, 4.5),
                ("rubrik", p.header_text, p.header_bg, 4.5),
                ("felmarkering", p.error, p.input_bg, 4.5),
                ("ram mot cell", p.input_border, p.input_bg, 3.0),
                ("ram mot beräknad", p.input_border, p.computed_bg, 3.0),
                ("aktuell cell", p.current, p.input_bg, 3.0),
                ("aktuell cell (beräknad)", p.current, p.computed_bg, 3.0),
                ("uppfyllt", p.status[0], p.computed_bg, 4.5),
                ("delvis uppfyllt", p.status[1], p.computed_bg, 4.5),
                ("ej uppfyllt", p.status[2], p.computed_bg, 4.5),
            ] {
                let c = contrast(fg, bg);
                assert!(c >= need, "{theme} tema, {what}: {c:.2}:1 < {need}:1");
            }
        }
    }

    #[test]
    fn contrast_of_black_on_white_is_21() {
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 0.01);
    }
}
