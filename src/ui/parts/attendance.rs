//! Närvaro: networks and groups with their kind, target and members; a
//! registration grid per group (meetings as rows, the 13 municipalities and
//! the regional representatives as columns) or entered averages; and the
//! derived averages per network and per municipality beside it, updated as
//! the author ticks.

use egui::{Id, RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::common::{self, apply_entry_action, entry_buttons};
use crate::domain::figures;
use crate::domain::numbers::{format_percent, round_half_up};
use crate::domain::tables::{self, Format};
use crate::domain::{
    AttendanceGroup, AttendanceHistory, EnteredAverages, GroupKind, Meeting, MeetingForm,
    Municipality, Workspace,
};
use crate::ui::cells;
use crate::ui::grid::{self, Col};

fn short(m: Municipality) -> &'static str {
    match m {
        Municipality::Aneby => "Aneby",
        Municipality::Eksjo => "Eksjö",
        Municipality::Gislaved => "Gisl.",
        Municipality::Gnosjo => "Gnosjö",
        Municipality::Habo => "Habo",
        Municipality::Jonkoping => "Jkpg",
        Municipality::Mullsjo => "Mullsj.",
        Municipality::Nassjo => "Nässjö",
        Municipality::Savsjo => "Sävsjö",
        Municipality::Tranas => "Tranås",
        Municipality::Vaggeryd => "Vagg.",
        Municipality::Vetlanda => "Vetl.",
        Municipality::Varnamo => "Värn.",
    }
}

fn pct(v: Option<rust_decimal::Decimal>) -> String {
    v.map(|x| format_percent(round_half_up(x, 0)))
        .unwrap_or_else(|| "–".into())
}

pub fn attendance(ui: &mut Ui, ws: &mut Workspace) -> bool {
    let mut changed = false;
    let id = Id::unique("attendance");
    let a = &mut ws.attendance;
    let f = figures::attendance(a);
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
    });
    // The summary the report writes, computed from the registrations.
    ui.group(|ui| {
        ui.label(RichText::new("Sammanfattning").strong());
        for line in tables::attendance_summary(a) {
            ui.label(line);
        }
    });
    ui.add_space(6.0);

    let sel_id = id.with("selected");
    let mut selected: usize = ui.data(|d| d.get_temp(sel_id)).unwrap_or(0);
    if let Some(goto) = super::take_goto(ui, super::Nav::Narvaro) {
        selected = goto.row;
    }
    if selected >= a.groups.len() {
        selected = a.groups.len().saturating_sub(1);
    }
    let mut list_action = None;
    ui.columns(2, |cols| {
        let ui = &mut cols[0];
        ui.label(RichText::new("Nätverk och grupper").strong());
        egui::ScrollArea::vertical()
            .id_salt("att-groups")
            .max_height(420.0)
            .show(ui, |ui| {
                for (i, (g, gf)) in a.groups.iter().zip(&f.groups).enumerate() {
                    let mark = match gf.reaches_target {
                        Some(true) => "✔",
                        Some(false) => "✖",
                        None => " ",
                    };
                    let text = format!("{mark} {} – {}", g.name, pct(gf.average));
                    if ui.selectable_label(i == selected, text).clicked() {
                        selected = i;
                    }
                }
            });
        ui.horizontal(|ui| {
            if ui.button("+ Nytt nätverk").clicked() {
                a.groups.push(AttendanceGroup {
                    name: "Nytt nätverk".into(),
                    ..AttendanceGroup::default()
                });
                selected = a.groups.len() - 1;
                changed = true;
            }
            if !a.groups.is_empty()
                && let Some(act) = entry_buttons(ui, "nätverket")
            {
                list_action = Some(act);
            }
        });
        let ui = &mut cols[1];
        if let (Some(g), Some(gf)) = (a.groups.get_mut(selected), f.groups.get(selected)) {
            changed |= group_editor(ui, id.with(("g", selected)), g, gf, a.target);
        }
    });
    if let Some(act) = list_action {
        let len = a.groups.len();
        if apply_entry_action(&mut a.groups, selected, act) {
            changed = true;
            selected = match act {
                0 => selected.saturating_sub(1),
                1 => (selected + 1).min(len - 1),
                _ => selected.min(a.groups.len().saturating_sub(1)),
            };
        }
    }
    ui.data_mut(|d| d.insert_temp(sel_id, selected));

    if let Some(g) = a.groups.get_mut(selected) {
        ui.add_space(6.0);
        changed |= registrations(ui, id.with(("reg", selected)), g);
    }

    ui.add_space(10.0);
    ui.label(RichText::new("Genomsnittsnärvaro per kommun").strong());
    changed |= municipalities(ui, id.with("mun"), ws);
    ui.add_space(10.0);
    ui.label(RichText::new("Tidigare perioder").strong());
    changed |= history(ui, id.with("hist"), &mut ws.attendance.earlier);
    changed
}

fn group_editor(
    ui: &mut Ui,
    id: Id,
    g: &mut AttendanceGroup,
    gf: &figures::GroupFigures,
    common_target: rust_decimal::Decimal,
) -> bool {
    let mut changed = false;
    egui::Grid::new(id.with("props"))
        .num_columns(2)
        .show(ui, |ui| {
            changed |= common::text_field(ui, id.with("name"), "Namn", &mut g.name);
            ui.label("Slag");
            let r = egui::ComboBox::from_id_salt(id.with("kind"))
                .selected_text(g.kind.name())
                .show_ui(ui, |ui| {
                    for k in GroupKind::ALL {
                        changed |= ui.selectable_value(&mut g.kind, k, k.name()).changed();
                    }
                });
            cells::name_widget(ui, r.response.id, "Gruppens slag");
            ui.end_row();
            changed |= common::number_field(
                ui,
                id.with("target"),
                &format!("Eget målvärde (annars {})", format_percent(common_target)),
                &mut g.target,
                &Format::Percent,
            );
            changed |= common::number_field(
                ui,
                id.with("earlier"),
                "Samma period föregående år",
                &mut g.earlier,
                &Format::Percent,
            );
            ui.label("Regionens representanter");
            changed |= cells::drag(
                ui,
                egui::DragValue::new(&mut g.regional_members).range(0..=50),
                "Regionens representanter",
            );
            ui.end_row();
        });
    ui.label("Kommuner i gruppen (ingen vald = alla 13)");
    ui.horizontal_wrapped(|ui| {
        for m in Municipality::ALL {
            let mut member = g.members.contains(&m);
            let resp = ui.checkbox(&mut member, m.name());
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
    ui.group(|ui| {
        ui.label(RichText::new("Beräknat för gruppen").strong());
        ui.label(format!("Närvaro: {}", pct(gf.average)));
        ui.label(format!(
            "Kommunernas representanter: {}",
            pct(gf.municipal_average)
        ));
        if g.regional_members > 0 || gf.regional_average.is_some() {
            ui.label(format!(
                "Regionens representanter: {}",
                pct(gf.regional_average)
            ));
        }
        ui.label(format!("Träffar: {}", gf.meetings));
        ui.label(match gf.reaches_target {
            Some(true) => "Når målvärdet ✔".to_string(),
            Some(false) => "Når inte målvärdet ✖".to_string(),
            None => "Inget resultat".to_string(),
        });
    });
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
    let row_h = ui.spacing().interact_size.y + 4.0;
    let mut delete = None;
    let regional = g.regional_members;
    let mut table = TableBuilder::new(ui)
        .id_salt(id.with("grid"))
        .striped(true)
        .vscroll(true)
        .max_scroll_height(360.0)
        .column(Column::exact(105.0))
        .column(Column::exact(118.0));
    for _ in Municipality::ALL {
        table = table.column(Column::exact(46.0));
    }
    table = table
        .column(Column::exact(80.0))
        .column(Column::exact(30.0));
    table
        .header(row_h, |mut h| {
            h.col(|ui| {
                ui.strong("Datum");
            });
            h.col(|ui| {
                ui.strong("Form");
            });
            for m in Municipality::ALL {
                h.col(|ui| {
                    ui.strong(short(m)).on_hover_text(m.name());
                });
            }
            h.col(|ui| {
                ui.strong("Regionen");
            });
            h.col(|_| {});
        })
        .body(|body| {
            body.rows(row_h, g.meetings.len(), |mut row| {
                let i = row.index();
                let m = &mut g.meetings[i];
                let n = i + 1;
                row.col(|ui| {
                    changed |= cells::text_cell(
                        ui,
                        id.with(("date", i)),
                        &format!("Datum, träff {n}"),
                        &mut m.date,
                    );
                });
                row.col(|ui| {
                    let r = egui::ComboBox::from_id_salt(id.with(("form", i)))
                        .selected_text(m.form.name())
                        .width(100.0)
                        .show_ui(ui, |ui| {
                            for f in MeetingForm::ALL {
                                changed |= ui.selectable_value(&mut m.form, f, f.name()).changed();
                            }
                        });
                    cells::name_widget(ui, r.response.id, &format!("Form, träff {n}"));
                });
                for mu in Municipality::ALL {
                    row.col(|ui| {
                        let mut present = m.present.contains(&mu);
                        let resp = ui.add_enabled(
                            members.contains(&mu),
                            egui::Checkbox::without_text(&mut present),
                        );
                        cells::name_widget(ui, resp.id, &format!("{}, träff {n}", mu.name()));
                        if resp.changed() {
                            if present {
                                m.present.push(mu);
                                m.present.sort();
                            } else {
                                m.present.retain(|x| *x != mu);
                            }
                            changed = true;
                        }
                    });
                }
                row.col(|ui| {
                    let r = ui.add_enabled(
                        regional > 0,
                        egui::DragValue::new(&mut m.regional_present).range(0..=regional),
                    );
                    cells::name_widget(ui, r.id, &format!("Regionens närvarande, träff {n}"));
                    changed |= r.changed();
                });
                row.col(|ui| {
                    if ui
                        .small_button("✕")
                        .on_hover_text("Ta bort träffen")
                        .clicked()
                    {
                        delete = Some(i);
                    }
                });
            });
        });
    if let Some(i) = delete {
        g.meetings.remove(i);
        changed = true;
    }
    if ui.button("+ Ny träff").clicked() {
        let date = g
            .meetings
            .last()
            .map(|m| m.date.clone())
            .unwrap_or_default();
        g.meetings.push(Meeting {
            date,
            ..Meeting::default()
        });
        g.entered = None;
        changed = true;
    }
    changed
}

fn municipalities(ui: &mut Ui, id: Id, ws: &mut Workspace) -> bool {
    let mut changed = false;
    let printed = tables::attendance_municipality_table(&ws.attendance);
    let a = &mut ws.attendance;
    egui::Grid::new(id)
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            for h in &printed.headers {
                ui.strong(h);
            }
            ui.end_row();
            for (row, m) in printed.rows.iter().zip(Municipality::ALL) {
                ui.label(m.name());
                cells::computed_cell::<u8>(
                    ui,
                    id.with(("now", m.index())),
                    &format!("Närvaro, {}", m.name()),
                    &row.cells[1],
                    None,
                );
                let mut before = a.municipality_earlier.get(&m).copied();
                let o = cells::number_cell(
                    ui,
                    id.with(("before", m.index())),
                    &format!("Föregående år, {}", m.name()),
                    &mut before,
                    &Format::Percent,
                );
                if o.changed {
                    match before {
                        Some(v) => a.municipality_earlier.insert(m, v),
                        None => a.municipality_earlier.remove(&m),
                    };
                    changed = true;
                }
                cells::computed_cell::<u8>(
                    ui,
                    id.with(("chg", m.index())),
                    &format!("Förändring, {}", m.name()),
                    &row.cells[3],
                    None,
                );
                ui.end_row();
                if let Some(e) = o.error {
                    ui.colored_label(ui.visuals().error_fg_color, format!("⚠ {e}"));
                    ui.end_row();
                }
            }
        });
    changed
}

fn history(ui: &mut Ui, id: Id, rows: &mut Vec<AttendanceHistory>) -> bool {
    let printed = tables::Table {
        id: String::new(),
        title: String::new(),
        headers: Vec::new(),
        rows: Vec::new(),
    };
    let cols: Vec<Col<AttendanceHistory, u8>> = vec![
        Col::Text {
            header: "Period".into(),
            set: |r| &mut r.period,
        },
        Col::Number {
            header: "Samtliga nätverk".into(),
            get: |r| &mut r.all_networks,
            format: Format::Percent,
        },
        Col::Number {
            header: "PKS".into(),
            get: |r| &mut r.pks,
            format: Format::Percent,
        },
        Col::Number {
            header: "Kommundirektörer".into(),
            get: |r| &mut r.directors,
            format: Format::Percent,
        },
        Col::Number {
            header: "Regionträffar, lägst".into(),
            get: |r| &mut r.region_groups_low,
            format: Format::Percent,
        },
        Col::Number {
            header: "Regionträffar, högst".into(),
            get: |r| &mut r.region_groups_high,
            format: Format::Percent,
        },
    ];
    grid::plain(
        ui,
        id,
        cols,
        &printed,
        |r: &AttendanceHistory| r.period.clone(),
        rows,
    )
}
