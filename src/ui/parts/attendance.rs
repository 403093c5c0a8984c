//! Närvaro: networks and groups with their kind, target and members; a
//! registration grid per group (meetings as rows, the 13 municipalities and
//! the regional representatives as columns) or entered averages; and the
//! derived averages per network and per municipality beside it, updated as
//! the author ticks.

use egui::{Id, RichText, Ui};

use super::common;
use crate::domain::figures;
use crate::domain::sheet::{Footer, Sheet};
use crate::domain::tables::{self, Format};
use crate::domain::{AttendanceGroup, EnteredAverages, Meeting, Municipality, Workspace, sheets};
use crate::ui::cells;
use crate::ui::command::Command;
use crate::ui::grid;

/// Närvaro; `goto`: a group Kontroll asked to show.
pub fn attendance(
    ui: &mut Ui,
    ws: &mut Workspace,
    goto: Option<super::Goto>,
    commands: &mut Vec<Command>,
) -> bool {
    let mut changed = false;
    let id = Id::unique("attendance");
    // Derived once a frame for every attendance table on the page: over
    // all registrations, so not once per table.
    let f = figures::attendance(&ws.attendance);
    let a = &mut ws.attendance;
    egui::Grid::new("att-top").num_columns(2).show(ui, |ui| {
        let mut target = Some(a.target);
        if common::number_field(
            ui,
            id.with("target"),
            "Målvärde (%)",
            &mut target,
            &Format::Percent,
        ) && let Some(t) = target
        {
            a.target = t;
            changed = true;
        }
        changed |= common::number_field(
            ui,
            id.with("women"),
            "Kvinnor bland de närvarande vid PKS (%)",
            &mut a.women_share,
            &Format::Percent,
        );
        ui.end_row();
        ui.label("");
        changed |= ui
            .checkbox(&mut a.illustrative, "Registreringarna är illustrativa")
            .on_hover_text(
                "Siffror som räknas fram ur registreringarna markeras med * och en \
                 fotnot i rapporten och dokumenten.",
            )
            .changed();
    });
    // The summary the report writes, computed from the registrations.
    ui.group(|ui| {
        ui.label(RichText::new("Sammanfattning").strong());
        for line in tables::attendance_summary_of(&f) {
            ui.label(line);
        }
    });
    ui.add_space(6.0);

    let groups_id = id.with("groups");
    if let Some(goto) = goto {
        grid::highlight_row(ui, groups_id, goto.row);
    }
    ui.label(RichText::new("Nätverk och grupper").strong());
    ui.weak("Markera en rad för att se och ändra gruppens registreringar nedan.");
    let printed = tables::attendance_groups_table_of(a, &f);
    {
        let target = a.target;
        let mut sheet =
            Sheet::new(sheets::attendance_groups(&f, target), &mut a.groups).new_rows(|| {
                AttendanceGroup {
                    name: "Nytt nätverk".into(),
                    ..AttendanceGroup::default()
                }
            });
        changed |= grid::show(ui, groups_id, &mut sheet);
    }
    grid::table_actions(ui, &printed, commands);
    let selected = grid::current(ui, groups_id)
        .map(|c| c.row)
        .unwrap_or(0)
        .min(a.groups.len().saturating_sub(1));
    if let Some(g) = a.groups.get_mut(selected) {
        ui.add_space(8.0);
        ui.label(RichText::new(format!("Vald grupp: {}", g.name)).strong());
        changed |= members(ui, id.with(("members", selected)), g);
        changed |= registrations(ui, id.with(("reg", selected)), g);
    }

    ui.add_space(10.0);
    ui.label(RichText::new("Genomsnittsnärvaro per kommun").strong());
    changed |= municipalities(ui, id.with("mun"), ws, &f, commands);
    ui.add_space(10.0);
    ui.label(RichText::new("Tidigare perioder").strong());
    let printed = tables::attendance_history_table_of(&ws.attendance, &f);
    {
        let a = &mut ws.attendance;
        let footer = Footer::from_printed(&printed, a.earlier.len());
        let mut sheet =
            Sheet::new(sheets::attendance_history(), &mut a.earlier).with_footer(footer);
        changed |= grid::show(ui, id.with("hist"), &mut sheet);
    }
    grid::table_actions(ui, &printed, commands);
    changed
}

/// Which municipalities the group has (none ticked = all 13).
fn members(ui: &mut Ui, id: Id, g: &mut AttendanceGroup) -> bool {
    let mut changed = false;
    ui.label("Kommuner i gruppen (ingen vald = alla 13)");
    ui.horizontal_wrapped(|ui| {
        for m in Municipality::ALL {
            let mut member = g.members.contains(&m);
            let resp = ui.checkbox(&mut member, m.name());
            cells::name_widget(ui, resp.id, &format!("{} i gruppen", m.name()));
            if resp.changed() {
                if member {
                    g.members.push(m);
                    g.members.sort();
                } else {
                    g.members.retain(|x| *x != m);
                }
                changed = true;
            }
        }
    });
    let _ = id;
    changed
}

fn registrations(ui: &mut Ui, id: Id, g: &mut AttendanceGroup) -> bool {
    let mut changed = false;
    let mut use_entered = g.meetings.is_empty() && g.entered.is_some();
    if g.meetings.is_empty()
        && ui
            .checkbox(
                &mut use_entered,
                "Endast kända medelvärden (inga enskilda registreringar)",
            )
            .changed()
    {
        g.entered = if use_entered {
            Some(EnteredAverages::default())
        } else {
            None
        };
        changed = true;
    }
    if use_entered {
        if let Some(e) = &mut g.entered {
            egui::Grid::new(id.with("entered"))
                .num_columns(2)
                .show(ui, |ui| {
                    changed |= common::number_field(
                        ui,
                        id.with("t"),
                        "Närvaro totalt (%)",
                        &mut e.total,
                        &Format::Percent,
                    );
                    changed |= common::number_field(
                        ui,
                        id.with("m"),
                        "Kommunernas representanter (%)",
                        &mut e.municipalities,
                        &Format::Percent,
                    );
                    changed |= common::number_field(
                        ui,
                        id.with("r"),
                        "Regionens representanter (%)",
                        &mut e.region,
                        &Format::Percent,
                    );
                    for (label, v) in [
                        ("Antal träffar", &mut e.meetings),
                        ("varav fysiska", &mut e.fysiskt),
                        ("varav digitala", &mut e.digitalt),
                        ("varav kombination", &mut e.kombination),
                    ] {
                        ui.label(label);
                        changed |= cells::drag(ui, egui::DragValue::new(v).range(0..=500), label);
                        ui.end_row();
                    }
                });
        }
        return changed;
    }
    ui.label(RichText::new(format!("Registreringar: {}", g.name)).strong());
    let members = figures::group_members(g);
    let regional = g.regional_members;
    let before = g.meetings.len();
    let last_date = g
        .meetings
        .last()
        .map(|m| m.date.clone())
        .unwrap_or_default();
    {
        let mut sheet = Sheet::new(sheets::meetings(&members, regional), &mut g.meetings)
            .new_rows(move || Meeting {
                date: last_date.clone(),
                ..Meeting::default()
            })
            .row_names(|i, _| format!("träff {}", i + 1));
        changed |= grid::show(ui, id.with("grid"), &mut sheet);
    }
    if g.meetings.len() > before {
        // Registrations replace typed-in averages.
        g.entered = None;
    }
    changed
}

fn municipalities(
    ui: &mut Ui,
    id: Id,
    ws: &mut Workspace,
    f: &figures::AttendanceFigures,
    commands: &mut Vec<Command>,
) -> bool {
    let printed = tables::attendance_municipality_table_of(&ws.attendance, f);
    let a = &mut ws.attendance;
    let mut rows = sheets::municipality_rows(a);
    let before = rows.clone();
    let changed = {
        let mut sheet = Sheet::new(sheets::municipalities(f), &mut rows).fixed_rows();
        grid::show(ui, id, &mut sheet)
    };
    grid::table_actions(ui, &printed, commands);
    if rows != before {
        for r in rows {
            match r.earlier {
                Some(v) => a.municipality_earlier.insert(r.municipality, v),
                None => a.municipality_earlier.remove(&r.municipality),
            };
        }
        return true;
    }
    changed
}
