//! Rapport (facts, period, free texts, data notes) and Fokusområden och 3 K.

use egui::{Id, Ui};

use super::common::{self, apply_entry_action, entry_buttons};
use super::passages;
use crate::domain::{FreeText, Period, ReportKind, TextHeading, Workspace};
use crate::ui::cells;

fn period_editor(ui: &mut Ui, period: &mut Period) -> bool {
    let mut changed = false;
    let kinds = ["Tertial", "Halvår", "Helår", "Plan"];
    let current = match period {
        Period::Tertial { .. } => 0,
        Period::Halvar { .. } => 1,
        Period::Helar { .. } => 2,
        Period::Plan { .. } => 3,
    };
    let year = match *period {
        Period::Tertial { year, .. } | Period::Halvar { year, .. } | Period::Helar { year } => year,
        Period::Plan { from_year, .. } => from_year,
    };
    ui.horizontal(|ui| {
        let mut kind = current;
        let r = egui::ComboBox::from_id_salt("period-kind")
            .selected_text(kinds[kind])
            .show_ui(ui, |ui| {
                for (i, k) in kinds.iter().enumerate() {
                    ui.selectable_value(&mut kind, i, *k);
                }
            });
        cells::name_widget(ui, r.response.id, "Periodens slag");
        if kind != current {
            *period = match kind {
                0 => Period::Tertial {
                    year,
                    from: 1,
                    to: 2,
                },
                1 => Period::Halvar { year, half: 1 },
                2 => Period::Helar { year },
                _ => Period::Plan {
                    from_year: year,
                    to_year: year + 2,
                },
            };
            changed = true;
        }
        match period {
            Period::Tertial { year, from, to } => {
                changed |= cells::drag(
                    ui,
                    egui::DragValue::new(year).range(2000..=2100).prefix("år "),
                    "År",
                );
                changed |= cells::drag(
                    ui,
                    egui::DragValue::new(from).range(1..=3).prefix("tertial "),
                    "Första tertialen",
                );
                changed |= cells::drag(
                    ui,
                    egui::DragValue::new(to).range(1..=3).prefix("till "),
                    "Sista tertialen",
                );
            }
            Period::Halvar { year, half } => {
                changed |= cells::drag(
                    ui,
                    egui::DragValue::new(year).range(2000..=2100).prefix("år "),
                    "År",
                );
                changed |= cells::drag(
                    ui,
                    egui::DragValue::new(half).range(1..=2).prefix("halvår "),
                    "Halvår",
                );
            }
            Period::Helar { year } => {
                changed |= cells::drag(
                    ui,
                    egui::DragValue::new(year).range(2000..=2100).prefix("år "),
                    "År",
                );
            }
            Period::Plan { from_year, to_year } => {
                changed |= cells::drag(
                    ui,
                    egui::DragValue::new(from_year)
                        .range(2000..=2100)
                        .prefix("från "),
                    "Första året",
                );
                changed |= cells::drag(
                    ui,
                    egui::DragValue::new(to_year)
                        .range(2000..=2100)
                        .prefix("till "),
                    "Sista året",
                );
            }
        }
        ui.label(format!(
            "= {} ({} – {})",
            period.label(),
            period.start_date(),
            period.end_date()
        ));
    });
    if let Err(e) = period.validate() {
        ui.colored_label(ui.visuals().error_fg_color, format!("⚠ {e}"));
    }
    changed
}

pub fn facts(ui: &mut Ui, ws: &mut Workspace) -> bool {
    let mut changed = false;
    let id = Id::unique("facts");
    let r = &mut ws.report;
    egui::Grid::new("facts-grid")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            changed |= common::text_field(ui, id.with("org"), "Organisation", &mut r.organisation);
            ui.label("Slag");
            let resp = egui::ComboBox::from_id_salt("kind")
                .selected_text(r.kind.name())
                .show_ui(ui, |ui| {
                    for k in ReportKind::ALL {
                        changed |= ui.selectable_value(&mut r.kind, k, k.name()).changed();
                    }
                });
            cells::name_widget(ui, resp.response.id, "Rapportens slag");
            ui.end_row();
            ui.label("Period");
            changed |= period_editor(ui, &mut r.period);
            ui.end_row();
            changed |= common::text_field(ui, id.with("title"), "Titel", &mut r.title);
            changed |= common::text_field(ui, id.with("dnr"), "Diarienummer", &mut r.diarienummer);
            changed |= common::text_field(ui, id.with("resp"), "Ansvarig", &mut r.responsible);
            changed |= common::text_field(ui, id.with("date"), "Datum (ÅÅÅÅ-MM-DD)", &mut r.date);
            ui.label("Första målets kapitelnummer");
            changed |= cells::drag(
                ui,
                egui::DragValue::new(&mut r.first_goal_chapter).range(1..=20),
                "Första målets kapitelnummer",
            );
            ui.end_row();
        });
    ui.add_space(12.0);
    ui.heading("Fria texter");
    let mut action = None;
    for (i, t) in ws.texts.iter_mut().enumerate() {
        egui::CollapsingHeader::new(if t.title.is_empty() {
            "(utan rubrik)".to_string()
        } else {
            t.title.clone()
        })
        .id_salt(("text", i))
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label("Rubrik");
                changed |= cells::text_cell(ui, id.with(("tt", i)), "Rubrik", &mut t.title);
            });
            let mut numbered = t.heading == TextHeading::Numbered;
            if ui
                .checkbox(&mut numbered, "Numrerat avsnitt")
                .on_hover_text(
                    "Numrerat: ett eget avsnitt i inledningen (1.3, 1.4 …). \
                     Onumrerat: en rubrik efter de strategiska målen, före 1.1.",
                )
                .changed()
            {
                t.heading = if numbered {
                    TextHeading::Numbered
                } else {
                    TextHeading::Unnumbered
                };
                changed = true;
            }
            changed |= cells::text_area(
                ui,
                id.with(("tb", i)),
                &format!("Text {}", t.title),
                &mut t.body,
                4,
            );
            changed |= common::string_list(ui, id.with(("tl", i)), "Punkter", &mut t.bullets);
            changed |= passages::passages(
                ui,
                id.with(("tc", i)),
                &format!("texten {}", t.title),
                &mut t.content,
                passages::Host::FreeText,
            );
            changed |= common::string_list(
                ui,
                id.with(("tp", i)),
                "Punkter i bildspelet",
                &mut t.slide_points,
            );
            ui.horizontal(|ui| {
                ui.label("Hela texten:");
                if let Some(a) = entry_buttons(ui, "texten") {
                    action = Some((i, a));
                }
            });
        });
    }
    if let Some((i, a)) = action {
        changed |= apply_entry_action(&mut ws.texts, i, a);
    }
    if ui.button("+ Lägg till text").clicked() {
        ws.texts.push(FreeText {
            title: "Ny text".into(),
            ..FreeText::default()
        });
        changed = true;
    }
    ui.add_space(12.0);
    changed |= common::string_list(ui, id.with("notes"), "Om uppgifterna", &mut ws.data_notes);
    changed
}

pub fn focus(ui: &mut Ui, ws: &mut Workspace) -> bool {
    let id = Id::unique("focus");
    let f = &mut ws.focus;
    let mut changed = false;
    ui.label("Beslut om fokusområden");
    changed |= cells::text_area(
        ui,
        id.with("decided"),
        "Beslut om fokusområden",
        &mut f.decided,
        2,
    );
    ui.add_space(8.0);
    changed |= common::string_list(ui, id.with("areas"), "Fokusområden", &mut f.areas);
    ui.label("Text före listorna (varför 3 K)");
    changed |= cells::text_area(
        ui,
        id.with("effects"),
        "Text före listorna om 3 K",
        &mut f.effects,
        2,
    );
    ui.add_space(8.0);
    ui.heading("Viktiga händelser med koppling till våra 3 K");
    ui.label("Orden före varje lista i en resultatuppföljning (tomt: standardorden)");
    changed |= cells::text_cell(
        ui,
        id.with("lead-in"),
        "Orden före varje lista om 3 K",
        &mut f.lead_in,
    );
    changed |= common::string_list(
        ui,
        id.with("k1"),
        "Kostnadseffektivitet",
        &mut f.kostnadseffektivitet,
    );
    changed |= common::string_list(
        ui,
        id.with("k2"),
        "Kompetenshöjning",
        &mut f.kompetenshojning,
    );
    changed |= common::string_list(
        ui,
        id.with("k3"),
        "Kvalitetshöjning",
        &mut f.kvalitetshojning,
    );
    ui.heading("Bildspelets punkter (om de är kortare än rapportens)");
    ui.label("Tomma listor: bildspelet visar rapportens punkter.");
    changed |= common::string_list(
        ui,
        id.with("s1"),
        "Kostnadseffektivitet i bildspelet",
        &mut f.slide_kostnadseffektivitet,
    );
    changed |= common::string_list(
        ui,
        id.with("s2"),
        "Kompetenshöjning i bildspelet",
        &mut f.slide_kompetenshojning,
    );
    changed |= common::string_list(
        ui,
        id.with("s3"),
        "Kvalitetshöjning i bildspelet",
        &mut f.slide_kvalitetshojning,
    );
    changed
}
