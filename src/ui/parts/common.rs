//! Small editors shared by the parts: lists of texts, labelled fields.

use egui::{Id, Ui};
use rust_decimal::Decimal;

use crate::domain::tables::Format;
use crate::ui::cells;

/// A labelled one-line text.
pub fn text_field(ui: &mut Ui, id: Id, label: &str, value: &mut String) -> bool {
    ui.label(label);
    let changed = cells::text_cell(ui, id, label, value);
    ui.end_row();
    changed
}

/// A labelled number in Swedish format; a refused input shows its reason.
pub fn number_field(
    ui: &mut Ui,
    id: Id,
    label: &str,
    value: &mut Option<Decimal>,
    format: &Format,
) -> bool {
    ui.label(label);
    let out = ui
        .vertical(|ui| {
            ui.set_max_width(220.0);
            let out = cells::number_cell(ui, id, label, value, format);
            if let Some(e) = &out.error {
                ui.colored_label(ui.visuals().error_fg_color, format!("⚠ {e}"));
            }
            out
        })
        .inner;
    ui.end_row();
    out.changed
}

/// An editable list of texts (bullet points), each multi-line, with add,
/// move and delete.
pub fn string_list(ui: &mut Ui, id: Id, label: &str, items: &mut Vec<String>) -> bool {
    let mut changed = false;
    let mut action = None;
    ui.label(egui::RichText::new(label).strong());
    for (i, item) in items.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            ui.label("•");
            let w = ui.available_width() - 130.0;
            ui.vertical(|ui| {
                ui.set_width(w.max(200.0));
                changed |= cells::text_area(ui, id.with(i), &format!("{label} {}", i + 1), item, 1);
            });
            if ui.small_button("↑").on_hover_text("Flytta upp").clicked() {
                action = Some((i, EntryAction::Up));
            }
            if ui.small_button("↓").on_hover_text("Flytta ner").clicked() {
                action = Some((i, EntryAction::Down));
            }
            if ui.small_button("✕").on_hover_text("Ta bort").clicked() {
                action = Some((i, EntryAction::Remove));
            }
        });
    }
    if ui
        .button(format!("+ Lägg till i {}", label.to_lowercase()))
        .clicked()
    {
        items.push(String::new());
        changed = true;
    }
    if let Some((i, a)) = action {
        changed |= apply_entry_action(items, i, a);
    }
    ui.add_space(8.0);
    changed
}

/// What the buttons beside a list entry ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryAction {
    Up,
    Down,
    Remove,
}

/// Move, delete: the buttons beside a list entry. Returns the chosen action.
pub fn entry_buttons(ui: &mut Ui, what: &str) -> Option<EntryAction> {
    let mut a = None;
    if ui
        .small_button("↑")
        .on_hover_text(format!("Flytta upp {what}"))
        .clicked()
    {
        a = Some(EntryAction::Up);
    }
    if ui
        .small_button("↓")
        .on_hover_text(format!("Flytta ner {what}"))
        .clicked()
    {
        a = Some(EntryAction::Down);
    }
    if ui
        .small_button("✕")
        .on_hover_text(format!("Ta bort {what}"))
        .clicked()
    {
        a = Some(EntryAction::Remove);
    }
    a
}

/// Apply an [`entry_buttons`] action to a list.
pub fn apply_entry_action<T>(items: &mut Vec<T>, i: usize, action: EntryAction) -> bool {
    match action {
        EntryAction::Up if i > 0 && i < items.len() => items.swap(i, i - 1),
        EntryAction::Down if i + 1 < items.len() => items.swap(i, i + 1),
        EntryAction::Remove if i < items.len() => {
            items.remove(i);
        }
        _ => return false,
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_actions_move_and_remove_within_the_list() {
        let mut v = vec!["a", "b", "c"];
        assert!(apply_entry_action(&mut v, 1, EntryAction::Up));
        assert_eq!(v, ["b", "a", "c"]);
        assert!(apply_entry_action(&mut v, 1, EntryAction::Down));
        assert_eq!(v, ["b", "c", "a"]);
        assert!(!apply_entry_action(&mut v, 0, EntryAction::Up));
        assert!(!apply_entry_action(&mut v, 2, EntryAction::Down));
        assert!(!apply_entry_action(&mut v, 3, EntryAction::Remove));
        assert!(apply_entry_action(&mut v, 0, EntryAction::Remove));
        assert_eq!(v, ["c", "a"]);
    }
}
