//! Medarbetare, Kompetens, Enkät and Forskning.

use std::collections::BTreeMap;

use egui::{Id, RichText, Ui};

use super::common::{self, apply_entry_action, entry_buttons};
use crate::domain::figures::{self, Figure};
use crate::domain::numbers;
use crate::domain::tables::{self, Cell, Format};
use crate::domain::{
    CourseColumn, CoursePeriod, Municipality, NamedAmount, Participant, ParticipantCount, Research,
    ResearchItem, ShareColumn, StaffColumn, StaffRow, SurveyQuestion, Workspace,
};
use crate::ui::cells::{self, CellOutcome};
use crate::ui::grid::{self, Col, GridSpec};

fn computed_label(ui: &mut Ui, name: &str, fig: Figure, format: Format) {
    ui.horizontal(|ui| {
        ui.label(name);
        cells::computed_cell::<u8>(
            ui,
            Id::unique(("label", name)),
            name,
            &Cell::figure(fig, format),
            None,
        );
    });
}

fn named_amounts(
    ui: &mut Ui,
    id: Id,
    title: &str,
    header: &str,
    rows: &mut Vec<NamedAmount>,
    format: Format,
) -> bool {
    let total = figures::sum(rows.iter().map(|r| r.amount));
    let printed = tables::Table {
        id: String::new(),
        title: title.into(),
        headers: vec![header.into(), "Antal".into()],
        rows: vec![tables::Row {
            kind: tables::RowKind::Sum,
            cells: vec![
                Cell::text("Summa"),
                Cell::figure(Figure::computed(total), format.clone()),
            ],
        }],
    };
    // The sum row is printed after the data rows.
    let mut printed_rows: Vec<tables::Row> = rows
        .iter()
        .map(|r| tables::Row {
            kind: tables::RowKind::Data,
            cells: vec![
                Cell::text(r.name.clone()),
                Cell::number(r.amount, format.clone()),
            ],
        })
        .collect();
    printed_rows.extend(printed.rows);
    let printed = tables::Table {
        rows: printed_rows,
        ..printed
    };
    let cols: Vec<Col<NamedAmount, u8>> = vec![
        Col::Text {
            header: header.into(),
            set: |r| &mut r.name,
        },
        Col::Number {
            header: "Antal".into(),
            get: |r| &mut r.amount,
            format,
        },
    ];
    ui.label(RichText::new(title).strong());
    grid::plain(
        ui,
        id,
        cols,
        &printed,
        |r: &NamedAmount| r.name.clone(),
        rows,
    )
}

pub fn staff(ui: &mut Ui, ws: &mut Workspace) -> bool {
    let mut changed = false;
    let id = Id::unique("staff");
    let s = &mut ws.staff;
    let printed = tables::staff_table(s);
    if let Some(goto) = super::take_goto(ui, super::Nav::Medarbetare) {
        grid::highlight_row(ui, id.with("table"), goto.row);
    }
    ui.label(RichText::new("Antal medarbetare och anställningsformer (årsarbetare)").strong());
    let cols: Vec<Col<StaffRow, StaffColumn>> = vec![
        Col::Text {
            header: "År/anställningsform".into(),
            set: |r| &mut r.period,
        },
        Col::Number {
            header: "Tjänsteköp".into(),
            get: |r| &mut r.tjanstekop,
            format: Format::Fte,
        },
        Col::Number {
            header: "Tillsvidare".into(),
            get: |r| &mut r.tillsvidare,
            format: Format::Fte,
        },
        Col::Number {
            header: "Visstid".into(),
            get: |r| &mut r.visstid,
            format: Format::Fte,
        },
        Col::Computed {
            header: "Summa".into(),
            index: 4,
            key: Some(StaffColumn::Summa),
        },
        Col::Text {
            header: "Fotnot".into(),
            set: |r| &mut r.marker,
        },
    ];
    let spec = GridSpec {
        id: id.with("table"),
        cols,
        printed: &printed,
        row_name: |r: &StaffRow| r.period.clone(),
        overrides: Some(|r: &mut StaffRow| &mut r.overrides),
        sum_keys: Vec::new(),
        allow_row_edits: true,
    };
    changed |= grid::grid(ui, spec, &mut s.rows, None).changed;
    changed |= common::string_list(ui, id.with("foot"), "Fotnoter", &mut s.footnotes);
    ui.label(RichText::new("Finansiering av medarbetare").strong());
    let f = figures::staff(s);
    egui::Grid::new("staff-fin").num_columns(2).show(ui, |ui| {
        changed |= common::number_field(
            ui,
            id.with("mun"),
            "Via kommunernas grundfinansiering (årsarbetare)",
            &mut s.financing.municipal_fte,
            &Format::Fte,
        );
        changed |= common::number_field(
            ui,
            id.with("ext"),
            "Via externa medel (årsarbetare)",
            &mut s.financing.external_fte,
            &Format::Fte,
        );
        changed |= common::number_field(
            ui,
            id.with("share"),
            "Kommunernas andel (plan, %)",
            &mut s.financing.municipal_share,
            &Format::Percent,
        );
    });
    computed_label(
        ui,
        "Summa finansierade årsarbetare",
        Figure::computed(f.financing_total),
        Format::Fte,
    );
    if let (Some(a), Some(b)) = (f.financing_total, f.current_total)
        && a != b
    {
        ui.colored_label(
            ui.visuals().error_fg_color,
            format!(
                "⚠ Finansieringen ({}) stämmer inte med periodens Summa ({}).",
                numbers::format_fte(a),
                numbers::format_fte(b)
            ),
        );
    }
    ui.add_space(8.0);
    changed |= named_amounts(
        ui,
        id.with("act"),
        "Årsarbetare per verksamhet",
        "Verksamhet",
        &mut s.by_activity,
        Format::Fte,
    );
    ui.label("Text");
    changed |= cells::text_area(ui, id.with("text"), "Text om medarbetare", &mut s.text, 3);
    changed
}

fn participant_name(ui: &mut Ui, _id: Id, _name: &str, p: &mut ParticipantCount) -> CellOutcome {
    ui.label(p.who.name());
    CellOutcome::default()
}

pub fn courses(ui: &mut Ui, ws: &mut Workspace) -> bool {
    let mut changed = false;
    let id = Id::unique("courses");
    let c = &mut ws.courses;
    ui.label(RichText::new("Genomförda kurser och deltagare (Kurs och konferens)").strong());
    let printed = tables::course_period_table(c);
    let cols: Vec<Col<CoursePeriod, CourseColumn>> = vec![
        Col::Text {
            header: "Period".into(),
            set: |r| &mut r.period,
        },
        Col::Number {
            header: "Antal kurser".into(),
            get: |r| &mut r.courses,
            format: Format::Amount,
        },
        Col::Computed {
            header: "Förändring".into(),
            index: 2,
            key: Some(CourseColumn::CoursesChange),
        },
        Col::Number {
            header: "Antal deltagare".into(),
            get: |r| &mut r.participants,
            format: Format::Amount,
        },
        Col::Computed {
            header: "Förändring deltagare".into(),
            index: 4,
            key: Some(CourseColumn::ParticipantsChange),
        },
    ];
    let spec = GridSpec {
        id: id.with("periods"),
        cols,
        printed: &printed,
        row_name: |r: &CoursePeriod| r.period.clone(),
        overrides: Some(|r: &mut CoursePeriod| &mut r.overrides),
        sum_keys: Vec::new(),
        allow_row_edits: true,
    };
    changed |= grid::grid(ui, spec, &mut c.periods, None).changed;
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        ui.label("Bilaga 2, period");
        changed |= cells::text_cell(
            ui,
            id.with("pp"),
            "Bilaga 2, period",
            &mut c.participants_period,
        );
    });
    if c.by_participant.is_empty()
        && ui
            .button("Fyll i länets kommuner, RJL och Externa deltagare")
            .clicked()
    {
        c.by_participant = Municipality::ALL
            .iter()
            .map(|m| Participant::Kommun(*m))
            .chain([Participant::Rjl, Participant::Externa])
            .map(|who| ParticipantCount {
                who,
                count: None,
                overrides: BTreeMap::new(),
            })
            .collect();
        changed = true;
    }
    let printed = tables::participants_table(c);
    let cols: Vec<Col<ParticipantCount, ShareColumn>> = vec![
        Col::Custom {
            header: "Deltagare från".into(),
            width: 170.0,
            draw: participant_name,
        },
        Col::Number {
            header: "Antal deltagare".into(),
            get: |r| &mut r.count,
            format: Format::Amount,
        },
        Col::Computed {
            header: "Procent (%)".into(),
            index: 2,
            key: Some(ShareColumn::Share),
        },
    ];
    let spec = GridSpec {
        id: id.with("bilaga2"),
        cols,
        printed: &printed,
        row_name: |r: &ParticipantCount| r.who.name().to_string(),
        overrides: Some(|r: &mut ParticipantCount| &mut r.overrides),
        sum_keys: Vec::new(),
        allow_row_edits: false,
    };
    changed |= grid::grid(ui, spec, &mut c.by_participant, None).changed;
    ui.add_space(8.0);
    changed |= named_amounts(
        ui,
        id.with("areas"),
        "Kurser per verksamhetsområde",
        "Verksamhetsområde",
        &mut c.by_area,
        Format::Amount,
    );
    egui::Grid::new("courses-more")
        .num_columns(2)
        .show(ui, |ui| {
            changed |= common::number_field(
                ui,
                id.with("cancel"),
                "Inställda kurser",
                &mut c.cancelled,
                &Format::Amount,
            );
        });
    ui.label("Kommentar");
    changed |= cells::text_area(ui, id.with("note"), "Kommentar om kurser", &mut c.note, 2);
    changed
}

pub fn survey(ui: &mut Ui, ws: &mut Workspace) -> bool {
    let mut changed = false;
    let id = Id::unique("survey");
    let s = &mut ws.survey;
    let n = s.years.len();
    ui.label("Andel mycket nöjda per fråga och år, totalt och för PKS. Förändringen är i procentenheter.");
    ui.horizontal(|ui| {
        if ui.button("+ Lägg till år").clicked() {
            let next = s
                .years
                .last()
                .and_then(|y| y.parse::<i32>().ok())
                .map(|y| (y + 1).to_string())
                .unwrap_or_default();
            s.years.push(next);
            s.respondents.resize(s.years.len(), None);
            for q in &mut s.questions {
                q.total.resize(s.years.len(), None);
                if !q.pks.is_empty() {
                    q.pks.resize(s.years.len(), None);
                }
            }
            changed = true;
        }
        if n > 0 && ui.button("Ta bort sista året").clicked() {
            s.years.pop();
            s.respondents.truncate(s.years.len());
            for q in &mut s.questions {
                q.total.truncate(s.years.len());
                q.pks.truncate(s.years.len());
            }
            changed = true;
        }
    });
    let mut action = None;
    egui::Grid::new("survey-grid")
        .striped(true)
        .num_columns(n + 2)
        .show(ui, |ui| {
            ui.strong("Fråga");
            ui.strong("Grupp");
            for (i, y) in s.years.iter_mut().enumerate() {
                ui.vertical(|ui| {
                    ui.set_width(90.0);
                    changed |=
                        cells::text_cell(ui, id.with(("year", i)), &format!("År {}", i + 1), y);
                });
            }
            ui.end_row();
            ui.label("Antal svar");
            ui.label("");
            s.respondents.resize(n, None);
            for i in 0..n {
                let o = cells::number_cell(
                    ui,
                    id.with(("resp", i)),
                    &format!("Antal svar {}", s.years[i]),
                    &mut s.respondents[i],
                    &Format::Amount,
                );
                changed |= o.changed;
            }
            ui.end_row();
            for (qi, q) in s.questions.iter_mut().enumerate() {
                q.total.resize(n, None);
                let (tc, pc) = figures::survey_changes(q);
                ui.horizontal(|ui| {
                    ui.set_width(400.0);
                    // Leave room for the three buttons beside the question.
                    ui.vertical(|ui| {
                        ui.set_width(290.0);
                        changed |= cells::text_area(
                            ui,
                            id.with(("q", qi)),
                            &format!("Fråga {}", qi + 1),
                            &mut q.text,
                            1,
                        );
                    });
                    if let Some(a) = entry_buttons(ui, "frågan") {
                        action = Some((qi, a));
                    }
                });
                ui.label("Totalt");
                for i in 0..n {
                    ui.horizontal(|ui| {
                        ui.set_width(130.0);
                        changed |= cells::number_cell(
                            ui,
                            id.with(("t", qi, i)),
                            &format!("Fråga {} totalt {}", qi + 1, s.years[i]),
                            &mut q.total[i],
                            &Format::Percent,
                        )
                        .changed;
                        if let Some(c) = tc.get(i).copied().flatten() {
                            ui.weak(format!("({})", numbers::format_change(c)));
                        }
                    });
                }
                ui.end_row();
                ui.label("");
                let mut has_pks = !q.pks.is_empty();
                if ui.checkbox(&mut has_pks, "PKS").changed() {
                    q.pks = if has_pks { vec![None; n] } else { Vec::new() };
                    changed = true;
                }
                if !q.pks.is_empty() {
                    q.pks.resize(n, None);
                    for i in 0..n {
                        ui.horizontal(|ui| {
                            ui.set_width(130.0);
                            changed |= cells::number_cell(
                                ui,
                                id.with(("p", qi, i)),
                                &format!("Fråga {} PKS {}", qi + 1, s.years[i]),
                                &mut q.pks[i],
                                &Format::Percent,
                            )
                            .changed;
                            if let Some(c) = pc.get(i).copied().flatten() {
                                ui.weak(format!("({})", numbers::format_change(c)));
                            }
                        });
                    }
                }
                ui.end_row();
            }
        });
    if let Some((i, a)) = action {
        changed |= apply_entry_action(&mut s.questions, i, a);
    }
    if ui.button("+ Lägg till fråga").clicked() {
        s.questions.push(SurveyQuestion {
            text: "Ny fråga".into(),
            total: vec![None; n],
            pks: Vec::new(),
        });
        changed = true;
    }
    egui::Grid::new("survey-more")
        .num_columns(2)
        .show(ui, |ui| {
            changed |= common::number_field(
                ui,
                id.with("pksr"),
                "PKS-representanter som svarat",
                &mut s.pks_respondents,
                &Format::Amount,
            );
            changed |= common::number_field(
                ui,
                id.with("target"),
                "Mål: andel mycket nöjda",
                &mut s.target,
                &Format::Percent,
            );
        });
    changed |= common::string_list(ui, id.with("refl"), "Reflektioner", &mut s.reflections);
    changed
}

fn research_list(ui: &mut Ui, id: Id, title: &str, items: &mut Vec<ResearchItem>) -> bool {
    let mut changed = false;
    let mut action = None;
    egui::CollapsingHeader::new(format!("{title} ({})", items.len()))
        .id_salt(id)
        .default_open(true)
        .show(ui, |ui| {
            for (i, item) in items.iter_mut().enumerate() {
                ui.horizontal(|ui| {
                    ui.label("Rubrik");
                    changed |= cells::text_cell(
                        ui,
                        id.with(("t", i)),
                        &format!("{title}: rubrik {}", i + 1),
                        &mut item.title,
                    );
                    if let Some(a) = entry_buttons(ui, "posten") {
                        action = Some((i, a));
                    }
                });
                changed |= cells::text_area(
                    ui,
                    id.with(("d", i)),
                    &format!("{title}: beskrivning {}", i + 1),
                    &mut item.description,
                    2,
                );
                ui.separator();
            }
            if ui
                .button(format!("+ Lägg till i {}", title.to_lowercase()))
                .clicked()
            {
                items.push(ResearchItem::default());
                changed = true;
            }
        });
    if let Some((i, a)) = action {
        changed |= apply_entry_action(items, i, a);
    }
    changed
}

pub fn research(ui: &mut Ui, ws: &mut Workspace) -> bool {
    let id = Id::unique("research");
    let r = &mut ws.research;
    let mut changed = false;
    let lists = [
        &mut r.ongoing,
        &mut r.dissemination,
        &mut r.scholarships,
        &mut r.doctoral,
        &mut r.funding_sought,
        &mut r.conversations,
    ];
    for (i, (title, items)) in Research::TITLES.into_iter().zip(lists).enumerate() {
        changed |= research_list(ui, id.with(i), title, items);
    }
    changed
}
