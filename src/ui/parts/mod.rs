//! The report's parts as editor views. Each view edits the workspace in
//! place and says whether it changed anything; derived figures come from
//! `domain::figures` and `domain::tables`, never from the views.

mod attendance;
mod common;
mod economy;
mod goals;
mod other;
mod passages;
mod report;

use egui::Ui;

use crate::domain::check::{EconomyTable, Finding, Location, Severity};
use crate::domain::{Workspace, figures};
use crate::ui::command::Command;

/// The economy's tables, each its own page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EconomyPage {
    Budget,
    Funds,
    Financing,
    Applications,
    CostReduction,
    Plan,
}

impl EconomyPage {
    pub const ALL: [EconomyPage; 6] = [
        EconomyPage::Budget,
        EconomyPage::Funds,
        EconomyPage::Financing,
        EconomyPage::Applications,
        EconomyPage::CostReduction,
        EconomyPage::Plan,
    ];

    pub fn name(self) -> &'static str {
        match self {
            EconomyPage::Budget => "Budgetuppföljning",
            EconomyPage::Funds => "Disponibla medel",
            EconomyPage::Financing => "Finansiering",
            EconomyPage::Applications => "Ansökningar",
            EconomyPage::CostReduction => "Kostnadsreducering",
            EconomyPage::Plan => "Budget (plan)",
        }
    }
}

/// A place in the navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    Rapport,
    Fokus,
    Goal(usize),
    Medarbetare,
    Ekonomi(EconomyPage),
    Narvaro,
    Kompetens,
    Enkat,
    Forskning,
    /// The charts: preview and export (drawn by the app's chart view).
    Diagram,
    Kontroll,
}

impl Nav {
    /// The page heading: like [`Nav::name`], with a goal's full title.
    pub fn title(self, ws: &Workspace) -> String {
        match self {
            Nav::Goal(i) => {
                let title = ws.goals.get(i).map(|g| g.title.as_str()).unwrap_or("");
                match figures::goal_chapter(ws, i) {
                    Some(number) => format!("{number} {title}"),
                    // Without content the goal has no chapter, so no number.
                    None => title.to_string(),
                }
            }
            other => other.name(ws),
        }
    }

    /// The entry in the navigation (goal titles shortened).
    pub fn name(self, ws: &Workspace) -> String {
        match self {
            Nav::Rapport => "Rapport".into(),
            Nav::Fokus => "Fokusområden och 3 K".into(),
            Nav::Goal(i) => {
                let number =
                    figures::goal_chapter(ws, i).map_or_else(|| "–".to_string(), |n| n.to_string());
                let title = ws.goals.get(i).map(|g| g.title.as_str()).unwrap_or("");
                let short: String = title.chars().take(34).collect();
                let ellipsis = if title.chars().count() > 34 {
                    "…"
                } else {
                    ""
                };
                format!("{number} {short}{ellipsis}")
            }
            Nav::Medarbetare => "Medarbetare".into(),
            Nav::Ekonomi(p) => format!("Ekonomi: {}", p.name()),
            Nav::Narvaro => "Närvaro".into(),
            Nav::Kompetens => "Kompetens".into(),
            Nav::Enkat => "Enkät".into(),
            Nav::Forskning => "Forskning".into(),
            Nav::Diagram => "Diagram".into(),
            Nav::Kontroll => "Kontroll".into(),
        }
    }
}

/// Every place in the navigation, in report order.
pub fn all_navs(ws: &Workspace) -> Vec<Nav> {
    let mut v = vec![Nav::Rapport, Nav::Fokus];
    v.extend((0..ws.goals.len()).map(Nav::Goal));
    v.push(Nav::Medarbetare);
    v.extend(EconomyPage::ALL.iter().map(|p| Nav::Ekonomi(*p)));
    v.extend([
        Nav::Narvaro,
        Nav::Kompetens,
        Nav::Enkat,
        Nav::Forskning,
        Nav::Diagram,
        Nav::Kontroll,
    ]);
    v
}

/// The economy page a table is edited on.
fn economy_page(table: EconomyTable) -> EconomyPage {
    match table {
        EconomyTable::Budget => EconomyPage::Budget,
        EconomyTable::Funds | EconomyTable::FundsShares => EconomyPage::Funds,
        EconomyTable::Financing | EconomyTable::FinancingShares => EconomyPage::Financing,
        EconomyTable::Applications | EconomyTable::ApplicationComparison => {
            EconomyPage::Applications
        }
        EconomyTable::CostReduction => EconomyPage::CostReduction,
        EconomyTable::PlanBudget => EconomyPage::Plan,
    }
}

/// Where Kontroll goes for a finding: the part, and the row to show there
/// when the location is a row of that part's grid. Worked out from the
/// typed location only, never from titles or other text.
pub fn target(location: Location) -> (Nav, Option<Goto>) {
    let goto = |nav: Nav, table: GotoTable, row: usize| (nav, Some(Goto { nav, table, row }));
    match location {
        Location::Report => (Nav::Rapport, None),
        Location::Goal { goal } => (Nav::Goal(goal), None),
        Location::Measure { goal, section, row } => {
            goto(Nav::Goal(goal), GotoTable::Measures { section }, row)
        }
        Location::Activity { goal, section, row } => {
            goto(Nav::Goal(goal), GotoTable::Activities { section }, row)
        }
        Location::Staff { row: Some(row) } => goto(Nav::Medarbetare, GotoTable::Main, row),
        Location::Staff { row: None } => (Nav::Medarbetare, None),
        Location::Economy { table, row } => {
            let nav = Nav::Ekonomi(economy_page(table));
            match (table, row) {
                // The comparison's rows are periods, not the grid's rows.
                (EconomyTable::ApplicationComparison, _) | (_, None) => (nav, None),
                // The share tables have the rows of the page's grid.
                (_, Some(row)) => goto(nav, GotoTable::Main, row),
            }
        }
        Location::AttendanceGroup { group } => goto(Nav::Narvaro, GotoTable::Main, group),
        Location::Attendance => (Nav::Narvaro, None),
        Location::Courses => (Nav::Kompetens, None),
        Location::Survey { .. } => (Nav::Enkat, None),
    }
}

/// Which grid of a part a [`Goto`] row is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GotoTable {
    /// The part's (or economy page's) main grid.
    Main,
    /// A goal section's mätetal.
    Measures {
        /// The section's index in the goal.
        section: usize,
    },
    /// A goal section's activities.
    Activities {
        /// The section's index in the goal.
        section: usize,
    },
}

/// A row Kontroll asked to show: the window keeps it until the part
/// `nav` names is drawn, which takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Goto {
    nav: Nav,
    /// The grid the row is in.
    pub table: GotoTable,
    /// The row's index in that grid.
    pub row: usize,
}

/// Show the selected part. Returns whether the workspace changed; what the
/// author asks for beyond editing (Kontroll's "go to", a table's Kopiera
/// tabell and Exportera CSV…) is queued on `commands`. A row Kontroll asked to show (`goto`) is taken by the part
/// it is in, which marks it and scrolls to it.
pub fn show(
    ui: &mut Ui,
    nav: &mut Nav,
    ws: &mut Workspace,
    findings: &[Finding],
    commands: &mut Vec<Command>,
    goto: &mut Option<Goto>,
) -> bool {
    if let Nav::Goal(i) = *nav
        && i >= ws.goals.len()
    {
        *nav = Nav::Rapport;
    }
    let shown = *nav;
    let goto = goto.take_if(|g| g.nav == shown);
    let mut changed = false;
    // Each part opens at its top: the page's scroll position belongs to
    // the part shown, and a part shown anew starts from the top.
    let shown_id = egui::Id::unique("tertial-part-shown");
    let previous: Option<Nav> = ui.data(|d| d.get_temp(shown_id));
    // A solid scroll bar with room of its own: a floating one would lie
    // over the right-most column of a table that fills the width.
    ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
    let mut area = egui::ScrollArea::vertical()
        .id_salt(("part", format!("{nav:?}")))
        .auto_shrink([false, false]);
    if previous != Some(*nav) {
        area = area.vertical_scroll_offset(0.0);
        ui.data_mut(|d| d.insert_temp(shown_id, *nav));
    }
    area.show(ui, |ui| {
        ui.heading(nav.title(ws));
        ui.add_space(6.0);
        changed = match *nav {
            Nav::Rapport => report::facts(ui, ws),
            Nav::Fokus => report::focus(ui, ws),
            Nav::Goal(i) => goals::goal(ui, ws, i, nav, goto, commands),
            Nav::Medarbetare => other::staff(ui, ws, goto, commands),
            Nav::Ekonomi(page) => economy::page(ui, ws, page, goto, commands),
            Nav::Narvaro => attendance::attendance(ui, ws, goto, commands),
            Nav::Kompetens => other::courses(ui, ws, commands),
            Nav::Enkat => other::survey(ui, ws, commands),
            Nav::Forskning => other::research(ui, ws),
            // The app shows the chart view instead (it keeps a preview
            // cache keyed by the document's revision); nothing to edit.
            Nav::Diagram => false,
            Nav::Kontroll => {
                kontroll(ui, findings, commands);
                false
            }
        };
    });
    changed
}

fn kontroll(ui: &mut Ui, findings: &[Finding], commands: &mut Vec<Command>) {
    let problems = findings
        .iter()
        .filter(|f| f.severity == Severity::Problem)
        .count();
    ui.label(format!(
        "{problems} problem och {}. Klicka på en rad för att gå dit.",
        crate::domain::tables::counted(findings.len() - problems, "notering", "noteringar")
    ));
    ui.add_space(6.0);
    for f in findings {
        let (mark, color) = match f.severity {
            Severity::Problem => ("⚠ Problem", ui.visuals().error_fg_color),
            Severity::Note => ("ℹ Notering", ui.visuals().weak_text_color()),
        };
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(color, mark);
            if ui
                .link(format!("{} – {}: {}", f.part().name(), f.place, f.message))
                .clicked()
            {
                commands.push(Command::GoToFinding(f.location));
            }
        });
    }
}

#[cfg(test)]
mod tests {
    //! Kontroll's navigation, one test per kind of location: a workspace
    //! with one fault of that kind, its finding from `check`, and where
    //! clicking it goes.

    use rust_decimal::Decimal;

    use super::*;
    use crate::domain::check::check;
    use crate::domain::*;

    /// Where the finding whose message contains `message` leads.
    fn target_of(ws: &Workspace, message: &str) -> (Nav, Option<Goto>) {
        let findings = check(ws);
        let found = findings
            .iter()
            .find(|f| f.message.contains(message))
            .unwrap_or_else(|| panic!("no finding \"{message}\" in {findings:#?}"));
        target(found.location)
    }

    fn row(nav: Nav, table: GotoTable, row: usize) -> (Nav, Option<Goto>) {
        (nav, Some(Goto { nav, table, row }))
    }

    fn goal(title: &str, sections: Vec<Section>) -> StrategicGoal {
        StrategicGoal {
            title: title.into(),
            sections,
            ..StrategicGoal::default()
        }
    }

    fn measure(result: Option<Decimal>) -> Measure {
        Measure {
            name: "Mätetal".into(),
            target: Some(Decimal::TEN),
            result,
            ..Measure::default()
        }
    }

    #[test]
    fn the_period_goes_to_the_report_facts() {
        let mut ws = Workspace::default();
        ws.report.period = Period::Tertial {
            year: 2020,
            from: 3,
            to: 1,
        };
        assert_eq!(target_of(&ws, "fel ordning"), (Nav::Rapport, None));
    }

    #[test]
    fn a_goal_without_title_goes_to_that_goal() {
        let ws = Workspace {
            goals: vec![goal("Mål 1", vec![]), goal(" ", vec![])],
            ..Workspace::default()
        };
        assert_eq!(target_of(&ws, "saknar rubrik"), (Nav::Goal(1), None));
    }

    #[test]
    fn a_measure_goes_to_its_row_in_its_sections_table() {
        let section = |measures| Section {
            title: "Avsnitt".into(),
            measures,
            ..Section::default()
        };
        let goals = vec![
            goal("Mål 1", vec![section(vec![measure(Some(Decimal::ONE))])]),
            goal(
                "Mål 2",
                vec![
                    section(vec![measure(Some(Decimal::ONE))]),
                    section(vec![
                        measure(Some(Decimal::ONE)),
                        measure(Some(Decimal::ONE)),
                        measure(None),
                    ]),
                ],
            ),
        ];
        let ws = Workspace {
            goals,
            ..Workspace::default()
        };
        assert_eq!(
            target_of(&ws, "saknar resultat"),
            row(Nav::Goal(1), GotoTable::Measures { section: 1 }, 2)
        );
    }

    #[test]
    fn an_activity_goes_to_its_row_in_its_sections_activities() {
        // No check finds a fault in an activity today (its table has no
        // computed or percent cells), so the location is given directly.
        let at = Location::Activity {
            goal: 2,
            section: 0,
            row: 4,
        };
        assert_eq!(
            target(at),
            row(Nav::Goal(2), GotoTable::Activities { section: 0 }, 4)
        );
    }

    #[test]
    fn a_staff_row_goes_to_its_row_and_the_financing_to_the_part() {
        let mut ws = Workspace::default();
        ws.staff.rows = vec![
            StaffRow {
                period: "2019".into(),
                tillsvidare: Some(Decimal::ONE),
                ..StaffRow::default()
            },
            StaffRow {
                period: "2020".into(),
                tillsvidare: Some(Decimal::NEGATIVE_ONE),
                ..StaffRow::default()
            },
        ];
        assert_eq!(
            target_of(&ws, "negativt antal"),
            row(Nav::Medarbetare, GotoTable::Main, 1)
        );
        ws.staff.rows[1].tillsvidare = Some(Decimal::TEN);
        ws.staff.financing.municipal_fte = Some(Decimal::ONE);
        ws.staff.financing.external_fte = Some(Decimal::ONE);
        assert_eq!(
            target_of(&ws, "Summa för perioden"),
            (Nav::Medarbetare, None)
        );
    }

    #[test]
    fn economy_findings_go_to_their_tables_page_and_row() {
        let mut ws = Workspace::default();
        let area = |name: &str, staten, fonderade| FundsRow {
            area: name.into(),
            staten,
            fonderade,
            ..FundsRow::default()
        };
        ws.economy.funds = Some(FundsByFinancier {
            rows: vec![
                area("A", Some(Decimal::TEN), None),
                area("B", Some(Decimal::ONE), Some(Decimal::TEN)),
            ],
            ..FundsByFinancier::default()
        });
        assert_eq!(
            target_of(&ws, "större än tillförda medel från staten"),
            row(Nav::Ekonomi(EconomyPage::Funds), GotoTable::Main, 1)
        );

        ws.economy.applications.items = vec![
            Application {
                name: "Projekt".into(),
                sought: Some(Decimal::TEN),
                ..Application::default()
            },
            Application {
                name: "Projekt 2".into(),
                decision: Decision::Granted,
                sought: Some(Decimal::TEN),
                ..Application::default()
            },
        ];
        assert_eq!(
            target_of(&ws, "beviljad men utan beviljat belopp"),
            row(Nav::Ekonomi(EconomyPage::Applications), GotoTable::Main, 1)
        );

        ws.economy.cost_reduction = Some(CostReduction {
            sum_overrides: [(CostColumn::PerParticipant, Override::Blank)].into(),
            ..CostReduction::default()
        });
        assert_eq!(
            target_of(&ws, "Kostnadsreducering per deltagare"),
            (Nav::Ekonomi(EconomyPage::CostReduction), None)
        );

        ws.economy.plan_budget = Some(PlanBudget {
            year: "2021".into(),
            rows: vec![
                PlanBudgetRow::default(),
                PlanBudgetRow {
                    area: "FoUrum".into(),
                    overrides: [(PlanColumn::Budget, Override::Blank)].into(),
                    ..PlanBudgetRow::default()
                },
            ],
            ..PlanBudget::default()
        });
        assert_eq!(
            target_of(&ws, "för Budget är sparat"),
            row(Nav::Ekonomi(EconomyPage::Plan), GotoTable::Main, 1)
        );
        // The comparison's rows are periods: the page, no row.
        assert_eq!(
            target(Location::Economy {
                table: EconomyTable::ApplicationComparison,
                row: Some(3)
            }),
            (Nav::Ekonomi(EconomyPage::Applications), None)
        );
        // Tabell 3b's rows are Tabell 3a's.
        assert_eq!(
            target(Location::Economy {
                table: EconomyTable::FinancingShares,
                row: Some(2)
            }),
            row(Nav::Ekonomi(EconomyPage::Financing), GotoTable::Main, 2)
        );
    }

    #[test]
    fn a_group_goes_to_its_row_and_the_common_target_to_the_part() {
        let mut ws = Workspace::default();
        ws.attendance.groups = vec![
            AttendanceGroup {
                name: "A".into(),
                entered: Some(EnteredAverages::default()),
                ..AttendanceGroup::default()
            },
            AttendanceGroup {
                name: "B".into(),
                ..AttendanceGroup::default()
            },
        ];
        assert_eq!(
            target_of(&ws, "inga registrerade träffar"),
            row(Nav::Narvaro, GotoTable::Main, 1)
        );
        ws.attendance.target = Decimal::from(150);
        assert_eq!(
            target_of(&ws, "målvärdet ligger utanför"),
            (Nav::Narvaro, None)
        );
    }

    #[test]
    fn courses_and_survey_go_to_their_parts() {
        let mut ws = Workspace::default();
        ws.courses.periods = vec![CoursePeriod {
            period: "2020".into(),
            participants: Some(Decimal::ONE),
            ..CoursePeriod::default()
        }];
        ws.courses.by_participant = vec![ParticipantCount {
            count: Some(Decimal::TEN),
            ..ParticipantCount::default()
        }];
        assert_eq!(
            target_of(&ws, "deltagarna per kommun"),
            (Nav::Kompetens, None)
        );
        ws.survey.years = vec!["2020".into()];
        ws.survey.questions = vec![SurveyQuestion {
            text: "Fråga".into(),
            total: vec![],
            pks: vec![],
        }];
        assert_eq!(target_of(&ws, "antalet värden"), (Nav::Enkat, None));
    }
}
