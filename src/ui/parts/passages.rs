//! The editor of a text's passages (`domain::Passage`): paragraphs, lists,
//! sub-headings and notes in reading order, and where the report's tables
//! and research lists stand among them. Used by a goal's sections and by
//! the free texts.

use egui::{Id, Ui};

use super::common::{self, apply_entry_action, entry_buttons};
use crate::domain::{Passage, ResearchList, TableRef};
use crate::ui::cells;

/// Where the passages live: a goal's section can place its own mätetal and
/// activity tables; a free text cannot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Host {
    Section,
    FreeText,
}

/// The passages of one text, each with move and delete buttons, and a row
/// of buttons that add one of each kind at the end. `name` says whose
/// passages they are ("avsnitt 2.4"), for screen readers and tests.
pub fn passages(ui: &mut Ui, id: Id, name: &str, content: &mut Vec<Passage>, host: Host) -> bool {
    let mut changed = false;
    let mut action = None;
    if !content.is_empty() {
        ui.label(egui::RichText::new("Fortsättning").strong())
            .on_hover_text(
                "Stycken, listor, underrubriker och noter i läsordning, och var tabellerna står.",
            );
    }
    for (i, p) in content.iter_mut().enumerate() {
        let pid = id.with(("passage", i));
        ui.horizontal(|ui| {
            ui.label(egui::RichText::new(p.kind_name()).weak());
            if let Some(a) = entry_buttons(ui, &p.kind_name().to_lowercase()) {
                action = Some((i, a));
            }
        });
        let what = format!("{} {} i {name}", p.kind_name(), i + 1);
        changed |= match p {
            Passage::Paragraph(t) => cells::text_area(ui, pid, &what, t, 3),
            Passage::Note(t) => cells::text_area(ui, pid, &what, t, 1),
            Passage::Subheading(t) => cells::text_cell(ui, pid, &what, t),
            Passage::Bullets(items) => common::string_list(ui, pid, "Punkter", items),
            Passage::Numbered(items) => common::string_list(ui, pid, "Numrerade punkter", items),
            Passage::Table(r) => choose(ui, pid, &what, r, &TableRef::ALL, |r| r.name()),
            Passage::Research(l) => choose(ui, pid, &what, l, &ResearchList::ALL, |l| l.title()),
            Passage::Measures => {
                ui.label("Avsnittets mätetal står här.");
                false
            }
            Passage::Activities => {
                ui.label("Avsnittets aktiviteter står här.");
                false
            }
            Passage::FocusAreas => {
                ui.label("Fokusområdena och 3 K (delen Fokusområden och 3 K) står här.");
                false
            }
            Passage::Goals => {
                ui.label("Listan över de strategiska målen står här.");
                false
            }
        };
        ui.add_space(4.0);
    }
    if let Some((i, a)) = action {
        changed |= apply_entry_action(content, i, a);
    }
    if let Some(p) = add_buttons(ui, content, host) {
        content.push(p);
        changed = true;
    }
    changed
}

/// The buttons that add a passage; the mätetal and activities can be
/// placed once, and only in a section.
fn add_buttons(ui: &mut Ui, content: &[Passage], host: Host) -> Option<Passage> {
    let mut added = None;
    ui.horizontal_wrapped(|ui| {
        ui.label("Lägg till:");
        let mut offer = |ui: &mut Ui, label: &str, hover: &str, p: Passage| {
            if ui.button(label).on_hover_text(hover).clicked() {
                added = Some(p);
            }
        };
        offer(
            ui,
            "+ Stycke",
            "Ett stycke löptext",
            Passage::Paragraph(String::new()),
        );
        offer(
            ui,
            "+ Punktlista",
            "En punktlista",
            Passage::Bullets(vec![String::new()]),
        );
        offer(
            ui,
            "+ Numrerad lista",
            "En numrerad lista",
            Passage::Numbered(vec![String::new()]),
        );
        offer(
            ui,
            "+ Underrubrik",
            "En rubrik utan nummer, som inte står i innehållsförteckningen",
            Passage::Subheading(String::new()),
        );
        offer(
            ui,
            "+ Not",
            "En not i liten stil, som under en tabell",
            Passage::Note(String::new()),
        );
        offer(
            ui,
            "+ Tabell här",
            "Var en av rapportens tabeller står (den skrivs bara ut en gång)",
            Passage::Table(TableRef::BudgetFollowUp),
        );
        offer(
            ui,
            "+ Forskningslista här",
            "Var en av forskningslistorna står",
            Passage::Research(ResearchList::Ongoing),
        );
        if !content.contains(&Passage::FocusAreas) {
            offer(
                ui,
                "+ Fokusområden här",
                "Var fokusområdena och 3 K står (annars i inledningen)",
                Passage::FocusAreas,
            );
        }
        if !content.contains(&Passage::Goals) {
            offer(
                ui,
                "+ Mållistan här",
                "Var listan över de strategiska målen står (annars i inledningen)",
                Passage::Goals,
            );
        }
        if host == Host::Section {
            if !content.contains(&Passage::Measures) {
                offer(
                    ui,
                    "+ Mätetal här",
                    "Var avsnittets mätetalstabell står (annars efter texten)",
                    Passage::Measures,
                );
            }
            if !content.contains(&Passage::Activities) {
                offer(
                    ui,
                    "+ Aktiviteter här",
                    "Var avsnittets aktivitetstabell står (annars efter mätetalen)",
                    Passage::Activities,
                );
            }
        }
    });
    added
}

/// A drop-down of `options` named by `label`.
fn choose<T: Copy + PartialEq>(
    ui: &mut Ui,
    id: Id,
    what: &str,
    value: &mut T,
    options: &[T],
    label: impl Fn(T) -> &'static str,
) -> bool {
    let mut changed = false;
    egui::ComboBox::from_id_salt(id)
        .selected_text(label(*value))
        .width(320.0)
        .show_ui(ui, |ui| {
            for &o in options {
                changed |= ui.selectable_value(value, o, label(o)).changed();
            }
        })
        .response
        .on_hover_text(what.to_string());
    changed
}
