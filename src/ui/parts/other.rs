//! Medarbetare, Kompetens, Enkät and Forskning.

use std::collections::BTreeMap;

use egui::{Id, RichText, Ui};

use super::common;
use crate::domain::figures::{self, Figure};
use crate::domain::numbers;
use crate::domain::sheet::{Footer, Sheet};
use crate::domain::tables::{self, Cell, Format};
use crate::domain::{
    FteDecimals, Municipality, NamedAmount, Participant, ParticipantCount, Research, ResearchItem,
    SurveyQuestion, Workspace, sheets,
};
use crate::ui::cells;
use crate::ui::command::Command;
use crate::ui::grid;

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

/// A list of named amounts and their sum.
fn named_amounts(
    ui: &mut Ui,
    id: Id,
    title: &str,
    header: &str,
    rows: &mut Vec<NamedAmount>,
    format: Format,
) -> bool {
    let total = figures::sum(rows.iter().map(|r| r.amount));
    let sum_row = tables::Row {
        kind: tables::RowKind::Sum,
        cells: vec![
            Cell::text("Summa"),
            Cell::figure(Figure::computed(total), format.clone()),
        ],
    };
    ui.label(RichText::new(title).strong());
    let footer = Footer {
        rows: vec![sum_row],
        ..Footer::none()
    };
    let mut sheet =
        Sheet::new(sheets::named_amounts(header, "Antal", format), rows).with_footer(footer);
    grid::show(ui, id, &mut sheet)
}

/// Medarbetare; `goto`: a row Kontroll asked to show in the staff table.
pub fn staff(
    ui: &mut Ui,
    ws: &mut Workspace,
    goto: Option<super::Goto>,
    commands: &mut Vec<Command>,
) -> bool {
    let mut changed = false;
    let id = Id::unique("staff");
    let s = &mut ws.staff;
    let printed = tables::staff_table(s);
    if let Some(goto) = goto {
        grid::highlight_row(ui, id.with("table"), goto.row);
    }
    ui.label(RichText::new("Antal medarbetare och anställningsformer (årsarbetare)").strong());
    {
        let f = figures::staff(s);
        let mut sheet = Sheet::new(sheets::staff(&f, tables::fte_format(s)), &mut s.rows);
        changed |= grid::show(ui, id.with("table"), &mut sheet);
    }
    grid::table_actions(ui, &printed, commands);
    let mut trimmed = s.decimals == FteDecimals::Trimmed;
    if ui
        .checkbox(
            &mut trimmed,
            "Årsarbetare utan avslutande nollor (10,9 i stället för 10,90)",
        )
        .on_hover_text(
            "Som bildspelens tabeller från Excel; delårsrapporten skriver alltid två decimaler.",
        )
        .changed()
    {
        s.decimals = if trimmed {
            FteDecimals::Trimmed
        } else {
            FteDecimals::Two
        };
        changed = true;
    }
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

pub fn courses(ui: &mut Ui, ws: &mut Workspace, commands: &mut Vec<Command>) -> bool {
    let mut changed = false;
    let id = Id::unique("courses");
    let c = &mut ws.courses;
    ui.label(RichText::new("Genomförda kurser och deltagare (Kurs och konferens)").strong());
    let printed = tables::course_period_table(c);
    let f = figures::courses(c);
    {
        let mut sheet = Sheet::new(sheets::course_periods(&f), &mut c.periods);
        changed |= grid::show(ui, id.with("periods"), &mut sheet);
    }
    grid::table_actions(ui, &printed, commands);
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
    {
        let footer = Footer::from_printed(&printed, c.by_participant.len());
        let mut sheet = Sheet::new(sheets::participants(&f), &mut c.by_participant)
            .with_footer(footer)
            .fixed_rows();
        changed |= grid::show(ui, id.with("bilaga2"), &mut sheet);
    }
    grid::table_actions(ui, &printed, commands);
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
            changed |= common::text_field(
                ui,
                id.with("cancel-why"),
                "Varför (\"på grund av …\")",
                &mut c.cancelled_reason,
            );
        });
    ui.label("Noter (en per rad; under Bilaga 2:s tabell när den finns)");
    changed |= cells::text_area(ui, id.with("note"), "Kommentar om kurser", &mut c.note, 2);
    ui.add_space(8.0);
    ui.label(RichText::new("Text i Bilaga 2 efter tabellen").strong());
    changed |= super::passages::passages(
        ui,
        id.with("appendix"),
        "Bilaga 2",
        &mut c.appendix,
        super::passages::Host::FreeText,
    );
    changed
}

pub fn survey(ui: &mut Ui, ws: &mut Workspace, commands: &mut Vec<Command>) -> bool {
    let mut changed = false;
    let id = Id::unique("survey");
    let s = &mut ws.survey;
    ui.label("Andel mycket nöjda per fråga och år, totalt och för PKS. Förändringen är i procentenheter.");
    ui.label(RichText::new("År och antal svar").strong());
    let mut years = sheets::survey_year_rows(s);
    let before = years.clone();
    {
        let mut sheet = Sheet::new(sheets::survey_years(), &mut years).fixed_rows();
        changed |= grid::show(ui, id.with("years"), &mut sheet);
    }
    if years != before {
        s.years = years.iter().map(|y| y.year.clone()).collect();
        s.respondents = years.iter().map(|y| y.respondents).collect();
    }
    ui.horizontal(|ui| {
        if ui.button("+ Lägg till år").clicked() {
            let next = s
                .years
                .last()
                .and_then(|y| y.trim().parse::<i32>().ok())
                .and_then(|y| y.checked_add(1))
                .map(|y| y.to_string())
                .unwrap_or_default();
            s.years.push(next);
            let n = s.years.len();
            s.respondents.resize(n, None);
            for q in &mut s.questions {
                q.total.resize(n, None);
                if !q.pks.is_empty() {
                    q.pks.resize(n, None);
                }
            }
            changed = true;
        }
        if !s.years.is_empty() && ui.button("Ta bort sista året").clicked() {
            s.years.pop();
            let n = s.years.len();
            s.respondents.truncate(n);
            for q in &mut s.questions {
                q.total.truncate(n);
                q.pks.truncate(n);
            }
            changed = true;
        }
    });
    ui.add_space(6.0);
    ui.label(RichText::new("Frågor").strong());
    let printed = tables::survey_table(s);
    {
        let years = s.years.clone();
        let n = years.len();
        let mut sheet =
            Sheet::new(sheets::survey_questions(&years), &mut s.questions).new_rows(move || {
                SurveyQuestion {
                    text: String::new(),
                    total: vec![None; n],
                    pks: Vec::new(),
                }
            });
        changed |= grid::show(ui, id.with("questions"), &mut sheet);
    }
    grid::table_actions(ui, &printed, commands);
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
    egui::CollapsingHeader::new(format!("{title} ({})", items.len()))
        .id_salt(id)
        .default_open(true)
        .show(ui, |ui| {
            let mut sheet = Sheet::new(sheets::research(), items);
            changed = grid::show(ui, id.with("grid"), &mut sheet);
        });
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
