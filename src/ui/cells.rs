//! Table cells: number cells that take Swedish input and refuse bad input
//! with a reason, and computed cells that look different from typed ones
//! and can be typed over ("Skriv över värde" / "Återställ beräkning").

use std::collections::BTreeMap;

use egui::{Align, Color32, Id, RichText, TextEdit, Ui};
use rust_decimal::Decimal;

use crate::domain::Override;
use crate::domain::numbers;
use crate::domain::tables::{self, Format};

/// What a cell did this frame.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct CellOutcome {
    pub changed: bool,
    /// Why the typed text was refused (shown in red, not stored).
    pub error: Option<String>,
}

/// Give a widget an accessible name (what a screen reader reads, and what
/// UI tests find it by).
pub fn name_widget(ui: &Ui, id: Id, name: &str) {
    let name = name.to_string();
    ui.ctx().accesskit_node_builder(id, |b| b.set_label(name));
}

pub use crate::domain::sheet::edit_text;

#[derive(Clone, Default)]
struct EditState {
    text: String,
    error: Option<String>,
}

/// A number the author types. Swedish input (`45,30`, `18 570 800`,
/// `76 %`); an empty cell stores "empty". Bad input turns red with the
/// reason and leaves the stored value as it was; Escape restores it.
pub fn number_cell(
    ui: &mut Ui,
    id: Id,
    name: &str,
    value: &mut Option<Decimal>,
    format: &Format,
) -> CellOutcome {
    let mut out = CellOutcome::default();
    let state: Option<EditState> = ui.data(|d| d.get_temp(id));
    let mut text = state
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_else(|| edit_text(*value, format));
    let error = state.as_ref().and_then(|s| s.error.clone());
    let mut edit = TextEdit::singleline(&mut text)
        .id(id)
        .desired_width(f32::INFINITY)
        .align(egui::Align2::RIGHT_CENTER);
    if error.is_some() {
        edit = edit.text_color(ui.visuals().error_fg_color);
    }
    let resp = ui.add(edit);
    name_widget(ui, id, name);
    if resp.changed() {
        let trimmed = text.trim();
        let parsed = if trimmed.is_empty() {
            Ok(None)
        } else {
            numbers::parse_value(trimmed).map(Some)
        };
        let new_state = match parsed {
            Ok(v) => {
                if v != *value {
                    *value = v;
                    out.changed = true;
                }
                EditState {
                    text: text.clone(),
                    error: None,
                }
            }
            Err(e) => EditState {
                text: text.clone(),
                error: Some(e.to_string()),
            },
        };
        ui.data_mut(|d| d.insert_temp(id, new_state));
    }
    let escape = resp.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Escape));
    let now: Option<EditState> = ui.data(|d| d.get_temp(id));
    if escape || (resp.lost_focus() && now.as_ref().is_some_and(|s| s.error.is_none())) {
        ui.data_mut(|d| d.remove::<EditState>(id));
    }
    out.error = ui
        .data(|d| d.get_temp::<EditState>(id))
        .and_then(|s| s.error);
    if let Some(e) = &out.error {
        resp.on_hover_text(e);
    }
    out
}

/// A drag value with an accessible name.
pub fn drag(ui: &mut Ui, widget: egui::DragValue<'_>, name: &str) -> bool {
    let r = ui.add(widget);
    name_widget(ui, r.id, name);
    r.changed()
}

/// A one-line text the author types.
pub fn text_cell(ui: &mut Ui, id: Id, name: &str, value: &mut String) -> bool {
    // Fills a table cell; on a form row it leaves room for what follows.
    let width = ui.available_width().min(480.0);
    let resp = ui.add(TextEdit::singleline(value).id(id).desired_width(width));
    name_widget(ui, id, name);
    resp.changed()
}

/// A multi-line text the author types.
pub fn text_area(ui: &mut Ui, id: Id, name: &str, value: &mut String, rows: usize) -> bool {
    let resp = ui.add(
        TextEdit::multiline(value)
            .id(id)
            .desired_rows(rows)
            .desired_width(f32::INFINITY),
    );
    name_widget(ui, id, name);
    resp.changed()
}

/// Colour of a computed cell's text: muted, unless overridden.
fn computed_color(ui: &Ui, overridden: bool) -> Color32 {
    if overridden {
        ui.visuals().warn_fg_color
    } else {
        ui.visuals().weak_text_color()
    }
}

/// A computed cell: muted text without an edit frame; overridden cells are
/// marked ✎ with the formula value in the tooltip. With `slot`, the context
/// menu offers "Skriv över värde" and "Återställ beräkning".
pub fn computed_cell<C: Ord + Copy>(
    ui: &mut Ui,
    id: Id,
    name: &str,
    cell: &tables::Cell,
    slot: Option<(&mut BTreeMap<C, Override>, C)>,
) -> CellOutcome {
    let mut out = CellOutcome::default();
    let editing_id = id.with("override");
    let editing: Option<EditState> = ui.data(|d| d.get_temp(editing_id));
    let format = match &cell.value {
        tables::Value::Number(_, f) => f.clone(),
        tables::Value::Text(_) => Format::Amount,
    };
    let mut slot = slot;
    if let Some(mut state) = editing.filter(|_| slot.is_some())
        && let Some((map, col)) = slot.take()
    {
        let resp = ui.add(
            TextEdit::singleline(&mut state.text)
                .id(editing_id)
                .desired_width(f32::INFINITY)
                .align(egui::Align2::RIGHT_CENTER),
        );
        name_widget(ui, editing_id, &format!("{name} (överskrivning)"));
        let commit = resp.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let cancel =
            ui.input(|i| i.key_pressed(egui::Key::Escape)) || (resp.lost_focus() && !commit);
        if commit {
            let trimmed = state.text.trim();
            let parsed = if trimmed.is_empty() {
                Ok(Override::Blank)
            } else {
                numbers::parse_value(trimmed).map(Override::Value)
            };
            match parsed {
                Ok(ov) => {
                    map.insert(col, ov);
                    out.changed = true;
                    ui.data_mut(|d| d.remove::<EditState>(editing_id));
                }
                Err(e) => {
                    state.error = Some(e.to_string());
                    out.error = state.error.clone();
                    ui.data_mut(|d| d.insert_temp(editing_id, state));
                    resp.request_focus();
                }
            }
        } else if cancel {
            ui.data_mut(|d| d.remove::<EditState>(editing_id));
        } else {
            out.error = state.error.clone();
            ui.data_mut(|d| d.insert_temp(editing_id, state));
        }
        return out;
    }

    let computed = cell.computed.as_ref();
    let overridden = computed.is_some_and(|c| c.overridden);
    let shown = cell.display();
    let text = if overridden {
        format!("✎ {shown}")
    } else {
        shown.clone()
    };
    let label = egui::Label::new(RichText::new(text).color(computed_color(ui, overridden)))
        .sense(egui::Sense::click());
    // Right-aligned in table cells; inline (in a scroll area of unbounded
    // width) they follow the text.
    let resp = if ui.available_width() < 600.0 {
        ui.with_layout(egui::Layout::right_to_left(Align::Center), |ui| {
            ui.add(label)
        })
        .inner
    } else {
        ui.add(label)
    };
    name_widget(ui, resp.id, name);
    let formula = computed.map(|c| {
        if c.formula.is_empty() {
            "tomt".to_string()
        } else {
            c.formula.clone()
        }
    });
    let tip = match (overridden, &formula) {
        (true, Some(f)) => format!("Överskrivet värde. Formeln ger {f}."),
        (false, _) => "Beräknat värde".to_string(),
        (true, None) => "Överskrivet värde".to_string(),
    };
    let resp = resp.on_hover_text(tip);
    if let Some((map, col)) = slot {
        resp.context_menu(|ui| {
            if ui.button("Skriv över värde").clicked() {
                let start = match &cell.value {
                    tables::Value::Number(v, _) => edit_text(*v, &format),
                    tables::Value::Text(t) => t.clone(),
                };
                ui.data_mut(|d| {
                    d.insert_temp(
                        editing_id,
                        EditState {
                            text: start,
                            error: None,
                        },
                    )
                });
                ui.memory_mut(|m| m.request_focus(editing_id));
                ui.close();
            }
            if ui
                .add_enabled(
                    map.contains_key(&col),
                    egui::Button::new("Återställ beräkning"),
                )
                .clicked()
            {
                map.remove(&col);
                out.changed = true;
                ui.close();
            }
        });
    }
    out
}
