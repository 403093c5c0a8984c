//! A strategic goal: title, intro, numbered sections with their mätetal and
//! activity tables, example bullets, analysis text and further passages. Goals and sections
//! can be added, renamed, reordered and removed.

use egui::{Id, Ui};

use super::Nav;
use super::common::{self, apply_entry_action, entry_buttons};
use super::passages;
use crate::domain::figures;
use crate::domain::sheet::Sheet;
use crate::domain::tables;
use crate::domain::{Activity, Measure, Section, StrategicGoal, Workspace, sheets};
use crate::ui::cells;
use crate::ui::command::Command;
use crate::ui::grid;

fn measures_grid(
    ui: &mut Ui,
    id: Id,
    number: &str,
    section: &mut Section,
    commands: &mut Vec<Command>,
) -> bool {
    let printed = tables::measure_table(number, &section.title, &section.measures);
    let changed = {
        let mut sheet = Sheet::new(sheets::measures(), &mut section.measures);
        grid::show(ui, id.with("measures"), &mut sheet)
    };
    grid::table_actions(ui, &printed, commands);
    changed
}

fn activities_grid(
    ui: &mut Ui,
    id: Id,
    number: &str,
    section: &mut Section,
    commands: &mut Vec<Command>,
) -> bool {
    let printed = tables::activity_table(number, &section.title, &section.activities);
    let changed = {
        let mut sheet = Sheet::new(sheets::activities(), &mut section.activities);
        grid::show(ui, id.with("activities"), &mut sheet)
    };
    grid::table_actions(ui, &printed, commands);
    changed
}

/// The goal at `gi`; the navigation follows the goal when it moves.
/// `goto`: a row Kontroll asked to show in one of its tables.
pub fn goal(
    ui: &mut Ui,
    ws: &mut Workspace,
    gi: usize,
    nav: &mut Nav,
    goto: Option<super::Goto>,
    commands: &mut Vec<Command>,
) -> bool {
    let mut changed = false;
    // The sections' numbers, as the report prints them (worked out before
    // the goal is borrowed for editing).
    let numbers: Vec<String> = (0..ws.goals.get(gi).map_or(0, |g| g.sections.len()))
        .map(|si| figures::section_number(ws, gi, si))
        .collect();
    let id = Id::unique(("goal", gi));
    let goal_count = ws.goals.len();
    if let Some(goto) = goto {
        match goto.table {
            super::GotoTable::Measures { section } => {
                grid::highlight_row(ui, id.with(("section", section)).with("measures"), goto.row);
            }
            super::GotoTable::Activities { section } => {
                grid::highlight_row(
                    ui,
                    id.with(("section", section)).with("activities"),
                    goto.row,
                );
            }
            super::GotoTable::Main => {}
        }
    }
    let Some(g) = ws.goals.get_mut(gi) else {
        return false;
    };
    ui.horizontal(|ui| {
        ui.label("Rubrik");
        changed |= cells::text_cell(ui, id.with("title"), "Målets rubrik", &mut g.title);
    });
    ui.label("Inledning");
    changed |= cells::text_area(ui, id.with("intro"), "Målets inledning", &mut g.intro, 3);
    let mut section_action = None;
    for (si, section) in g.sections.iter_mut().enumerate() {
        let number = numbers.get(si).cloned().unwrap_or_default();
        let sid = id.with(("section", si));
        egui::CollapsingHeader::new(format!("{number} {}", section.title))
            .id_salt(sid)
            .default_open(true)
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.label("Rubrik");
                    changed |= cells::text_cell(
                        ui,
                        sid.with("title"),
                        &format!("Rubrik för avsnitt {number}"),
                        &mut section.title,
                    );
                    if let Some(a) = entry_buttons(ui, "avsnittet") {
                        section_action = Some((si, a));
                    }
                });
                ui.label("Text");
                changed |= cells::text_area(
                    ui,
                    sid.with("text"),
                    &format!("Text för avsnitt {number}"),
                    &mut section.text,
                    3,
                );
                changed |=
                    common::string_list(ui, sid.with("bullets"), "Exempel", &mut section.bullets);
                changed |= passages::passages(
                    ui,
                    sid.with("content"),
                    &format!("avsnitt {number}"),
                    &mut section.content,
                    passages::Host::Section,
                );
                ui.add_space(6.0);
                if section.measures.is_empty() {
                    if ui.button("+ Lägg till mätetal").clicked() {
                        section.measures.push(Measure::default());
                        changed = true;
                    }
                } else {
                    ui.label(egui::RichText::new("Mätetal").strong());
                    changed |= measures_grid(ui, sid, &number, section, commands);
                }
                ui.add_space(6.0);
                if section.activities.is_empty() {
                    if ui.button("+ Lägg till aktivitet").clicked() {
                        section.activities.push(Activity::default());
                        changed = true;
                    }
                } else {
                    ui.label(egui::RichText::new("Aktiviteter").strong());
                    changed |= activities_grid(ui, sid, &number, section, commands);
                }
                if !section.tables.is_empty() {
                    let names: Vec<String> = section
                        .tables
                        .iter()
                        .map(|t| t.name().to_string())
                        .collect();
                    ui.label(format!("Tabeller i avsnittet: {}", names.join(", ")));
                }
                if !section.research.is_empty() {
                    let names: Vec<&str> = section.research.iter().map(|r| r.title()).collect();
                    ui.label(format!(
                        "Forskningslistor i avsnittet: {}",
                        names.join(", ")
                    ));
                }
            });
    }
    if let Some((si, a)) = section_action {
        changed |= apply_entry_action(&mut g.sections, si, a);
    }
    if ui.button("+ Lägg till avsnitt").clicked() {
        g.sections.push(Section {
            title: "Nytt avsnitt".into(),
            ..Section::default()
        });
        changed = true;
    }
    ui.separator();
    ui.horizontal(|ui| {
        if ui
            .add_enabled(gi > 0, egui::Button::new("Flytta målet uppåt"))
            .clicked()
        {
            ws.goals.swap(gi, gi - 1);
            *nav = Nav::Goal(gi - 1);
            changed = true;
        }
        if ui
            .add_enabled(gi + 1 < goal_count, egui::Button::new("Flytta målet nedåt"))
            .clicked()
        {
            ws.goals.swap(gi, gi + 1);
            *nav = Nav::Goal(gi + 1);
            changed = true;
        }
        if ui.button("Nytt mål").clicked() {
            ws.goals.push(StrategicGoal {
                title: "Nytt strategiskt mål".into(),
                ..StrategicGoal::default()
            });
            *nav = Nav::Goal(ws.goals.len() - 1);
            changed = true;
        }
        if ui.button("Ta bort målet").clicked() {
            ws.goals.remove(gi);
            *nav = if ws.goals.is_empty() {
                Nav::Rapport
            } else {
                Nav::Goal(gi.saturating_sub(1))
            };
            changed = true;
        }
    });
    changed
}
