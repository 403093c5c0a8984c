//! A strategic goal: title, intro, numbered sections with their mätetal and
//! activity tables, example bullets and analysis text. Goals and sections
//! can be added, renamed, reordered and removed.

use egui::{Id, Ui};

use super::Nav;
use super::common::{self, apply_entry_action, entry_buttons};
use crate::domain::figures;
use crate::domain::tables::{self, Format};
use crate::domain::{
    Activity, ActivityState, Measure, MeasureStatus, PeriodValue, Section, StrategicGoal, Trend,
    ValueKind, Workspace,
};
use crate::ui::cells::{self, CellOutcome};
use crate::ui::grid::{self, Col};

fn value_format(kind: &ValueKind) -> Format {
    match kind {
        ValueKind::Procent => Format::Percent,
        ValueKind::Kronor => Format::Amount,
        ValueKind::Antal(_) => Format::Amount,
    }
}

fn kind_cell(ui: &mut Ui, id: Id, _name: &str, m: &mut Measure) -> CellOutcome {
    let mut changed = false;
    let label = match &m.kind {
        ValueKind::Procent => "Procent".to_string(),
        ValueKind::Kronor => "Kronor".to_string(),
        ValueKind::Antal(u) => format!("Antal ({u})"),
    };
    ui.horizontal(|ui| {
        let r = egui::ComboBox::from_id_salt(id)
            .selected_text(label)
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(m.kind == ValueKind::Procent, "Procent")
                    .clicked()
                {
                    m.kind = ValueKind::Procent;
                    changed = true;
                }
                if ui
                    .selectable_label(m.kind == ValueKind::Kronor, "Kronor")
                    .clicked()
                {
                    m.kind = ValueKind::Kronor;
                    changed = true;
                }
                if ui
                    .selectable_label(matches!(m.kind, ValueKind::Antal(_)), "Antal")
                    .clicked()
                    && !matches!(m.kind, ValueKind::Antal(_))
                {
                    m.kind = ValueKind::Antal("st.".into());
                    changed = true;
                }
            });
        cells::name_widget(ui, r.response.id, &format!("Slag, {}", m.name));
        if let ValueKind::Antal(unit) = &mut m.kind {
            changed |= cells::text_cell(ui, id.with("unit"), "Enhet", unit);
        }
    });
    CellOutcome {
        changed,
        error: None,
    }
}

fn target_cell(ui: &mut Ui, id: Id, name: &str, m: &mut Measure) -> CellOutcome {
    let f = value_format(&m.kind);
    cells::number_cell(ui, id, name, &mut m.target, &f)
}

fn result_cell(ui: &mut Ui, id: Id, name: &str, m: &mut Measure) -> CellOutcome {
    let f = value_format(&m.kind);
    cells::number_cell(ui, id, name, &mut m.result, &f)
}

fn earlier_period_cell(ui: &mut Ui, id: Id, name: &str, m: &mut Measure) -> CellOutcome {
    if m.earlier.is_empty() {
        m.earlier.push(PeriodValue::default());
    }
    let last = m.earlier.len() - 1;
    let changed = cells::text_cell(ui, id, name, &mut m.earlier[last].period);
    if !changed && m.earlier.len() == 1 && m.earlier[0] == PeriodValue::default() {
        m.earlier.clear();
    }
    CellOutcome {
        changed,
        error: None,
    }
}

fn earlier_value_cell(ui: &mut Ui, id: Id, name: &str, m: &mut Measure) -> CellOutcome {
    let f = value_format(&m.kind);
    if m.earlier.is_empty() {
        m.earlier.push(PeriodValue::default());
    }
    let last = m.earlier.len() - 1;
    let out = cells::number_cell(ui, id, name, &mut m.earlier[last].value, &f);
    if !out.changed && m.earlier.len() == 1 && m.earlier[0] == PeriodValue::default() {
        m.earlier.clear();
    }
    out
}

fn status_cell(ui: &mut Ui, _id: Id, name: &str, m: &mut Measure) -> CellOutcome {
    let options: Vec<(MeasureStatus, String)> = [
        MeasureStatus::Uppfyllt,
        MeasureStatus::DelvisUppfyllt,
        MeasureStatus::EjUppfyllt,
        MeasureStatus::IngetResultat,
    ]
    .iter()
    .map(|s| (*s, format!("{} {}", s.symbol(), s.name())))
    .collect();
    let derived = figures::measure_status(m);
    let changed = cells::derived_choice_cell(
        ui,
        name,
        derived,
        &options,
        |s| format!("{} {}", s.symbol(), s.name()),
        cells::status_color,
        &mut m.status_override,
    );
    CellOutcome {
        changed,
        error: None,
    }
}

fn trend_cell(ui: &mut Ui, _id: Id, name: &str, m: &mut Measure) -> CellOutcome {
    let options: Vec<(Trend, String)> = [Trend::Up, Trend::Down, Trend::Level]
        .iter()
        .map(|t| (*t, format!("{} {}", t.symbol(), t.name())))
        .collect();
    let derived = figures::measure_trend(m);
    let changed = cells::derived_choice_cell(
        ui,
        name,
        derived,
        &options,
        |t| format!("{} {}", t.symbol(), t.name()),
        |_, _| None,
        &mut m.trend_override,
    );
    CellOutcome {
        changed,
        error: None,
    }
}

fn state_cell(ui: &mut Ui, id: Id, name: &str, a: &mut Activity) -> CellOutcome {
    let mut changed = false;
    let r = egui::ComboBox::from_id_salt(id)
        .selected_text(a.state.name())
        .width(190.0)
        .show_ui(ui, |ui| {
            for s in ActivityState::ALL {
                changed |= ui.selectable_value(&mut a.state, s, s.name()).changed();
            }
        });
    cells::name_widget(ui, r.response.id, name);
    CellOutcome {
        changed,
        error: None,
    }
}

fn measures_grid(ui: &mut Ui, id: Id, number: &str, section: &mut Section) -> bool {
    let printed = tables::measure_table(number, &section.title, &section.measures);
    let cols: Vec<Col<Measure, u8>> = vec![
        Col::Text {
            header: "Mätetal".into(),
            set: |m| &mut m.name,
        },
        Col::Custom {
            header: "Slag".into(),
            width: 150.0,
            draw: kind_cell,
        },
        Col::Custom {
            header: "Målvärde".into(),
            width: 110.0,
            draw: target_cell,
        },
        Col::Custom {
            header: "Resultat".into(),
            width: 110.0,
            draw: result_cell,
        },
        Col::Custom {
            header: "Status".into(),
            width: 150.0,
            draw: status_cell,
        },
        Col::Custom {
            header: "Trend".into(),
            width: 110.0,
            draw: trend_cell,
        },
        Col::Custom {
            header: "Jämförelseperiod".into(),
            width: 140.0,
            draw: earlier_period_cell,
        },
        Col::Custom {
            header: "Jämförelsevärde".into(),
            width: 110.0,
            draw: earlier_value_cell,
        },
        Col::Text {
            header: "Beskrivning av resultat".into(),
            set: |m| &mut m.description,
        },
    ];
    grid::plain(
        ui,
        id.with("measures"),
        cols,
        &printed,
        |m: &Measure| m.name.clone(),
        &mut section.measures,
    )
}

fn activities_grid(ui: &mut Ui, id: Id, number: &str, section: &mut Section) -> bool {
    let printed = tables::activity_table(number, &section.title, &section.activities);
    let cols: Vec<Col<Activity, u8>> = vec![
        Col::Text {
            header: "Aktivitet".into(),
            set: |a| &mut a.name,
        },
        Col::Custom {
            header: "Läge".into(),
            width: 210.0,
            draw: state_cell,
        },
        Col::Text {
            header: "Status".into(),
            set: |a| &mut a.status_text,
        },
    ];
    grid::plain(
        ui,
        id.with("activities"),
        cols,
        &printed,
        |a: &Activity| a.name.clone(),
        &mut section.activities,
    )
}

/// The goal at `gi`; the navigation follows the goal when it moves.
pub fn goal(ui: &mut Ui, ws: &mut Workspace, gi: usize, nav: &mut Nav) -> bool {
    let mut changed = false;
    let facts = ws.report.clone();
    let id = Id::unique(("goal", gi));
    let goal_count = ws.goals.len();
    if let Some(goto) = super::take_goto(ui, Nav::Goal(gi))
        && let Some(si) = goto.section
    {
        grid::highlight_row(ui, id.with(("section", si)).with("measures"), goto.row);
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
        let number = figures::section_number(&facts, gi, si);
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
                if section.measures.is_empty() {
                    if ui.button("+ Lägg till mätetal").clicked() {
                        section.measures.push(Measure::default());
                        changed = true;
                    }
                } else {
                    ui.label(egui::RichText::new("Mätetal").strong());
                    changed |= measures_grid(ui, sid, &number, section);
                }
                ui.add_space(6.0);
                if section.activities.is_empty() {
                    if ui.button("+ Lägg till aktivitet").clicked() {
                        section.activities.push(Activity::default());
                        changed = true;
                    }
                } else {
                    ui.label(egui::RichText::new("Aktiviteter").strong());
                    changed |= activities_grid(ui, sid, &number, section);
                }
                if !section.tables.is_empty() {
                    let names: Vec<String> = section
                        .tables
                        .iter()
                        .map(|t| t.name().to_string())
                        .collect();
                    ui.label(format!("Tabeller i avsnittet: {}", names.join(", ")));
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
