//! The report's parts as editor views. Each view edits the workspace in
//! place and says whether it changed anything; derived figures come from
//! `domain::figures` and `domain::tables`, never from the views.

mod attendance;
mod common;
mod economy;
mod goals;
mod other;
mod report;

use egui::Ui;

use crate::domain::Workspace;
use crate::domain::check::{Finding, Part, Severity};

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
                let number = ws.report.first_goal_chapter as usize + i;
                let title = ws.goals.get(i).map(|g| g.title.as_str()).unwrap_or("");
                format!("{number} {title}")
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
                let number = ws.report.first_goal_chapter as usize + i;
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

/// Where a check finding is edited (an economy finding's place names its
/// table).
pub fn nav_of(part: Part, place: &str) -> Nav {
    match part {
        Part::Rapport => Nav::Rapport,
        Part::Fokus => Nav::Fokus,
        Part::Goal(i) => Nav::Goal(i),
        Part::Medarbetare => Nav::Medarbetare,
        Part::Ekonomi => {
            let page = if place.starts_with("Tabell 2") {
                EconomyPage::Funds
            } else if place.starts_with("Tabell 3") {
                EconomyPage::Financing
            } else if place.starts_with("Ansök") || place.starts_with("Beviljade projekt") {
                EconomyPage::Applications
            } else if place.starts_with("Kostnadsreducering")
                || place.starts_with("Exempel på kostnadsreducering")
            {
                EconomyPage::CostReduction
            } else if place.starts_with("Budget ") {
                EconomyPage::Plan
            } else {
                EconomyPage::Budget
            };
            Nav::Ekonomi(page)
        }
        Part::Narvaro => Nav::Narvaro,
        Part::Kompetens => Nav::Kompetens,
        Part::Enkat => Nav::Enkat,
        Part::Forskning => Nav::Forskning,
    }
}

fn goto_id() -> egui::Id {
    egui::Id::unique("kontroll-goto")
}

/// A row Kontroll asked to show.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Goto {
    nav: Nav,
    pub section: Option<usize>,
    pub row: usize,
}

/// The row Kontroll asked to show in `nav`, taken once.
pub(super) fn take_goto(ui: &Ui, nav: Nav) -> Option<Goto> {
    let goto: Option<Goto> = ui.data(|d| d.get_temp(goto_id()));
    match goto {
        Some(g) if g.nav == nav => {
            ui.data_mut(|d| d.remove::<Goto>(goto_id()));
            Some(g)
        }
        _ => None,
    }
}

/// Show the selected part. Returns whether the workspace changed.
pub fn show(ui: &mut Ui, nav: &mut Nav, ws: &mut Workspace, findings: &[Finding]) -> bool {
    if let Nav::Goal(i) = *nav
        && i >= ws.goals.len()
    {
        *nav = Nav::Rapport;
    }
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
            Nav::Goal(i) => goals::goal(ui, ws, i, nav),
            Nav::Medarbetare => other::staff(ui, ws),
            Nav::Ekonomi(page) => economy::page(ui, ws, page),
            Nav::Narvaro => attendance::attendance(ui, ws),
            Nav::Kompetens => other::courses(ui, ws),
            Nav::Enkat => other::survey(ui, ws),
            Nav::Forskning => other::research(ui, ws),
            // The app shows the chart view instead (it keeps a preview
            // cache keyed by the document's revision); nothing to edit.
            Nav::Diagram => false,
            Nav::Kontroll => {
                kontroll(ui, nav, findings);
                false
            }
        };
    });
    changed
}

fn kontroll(ui: &mut Ui, nav: &mut Nav, findings: &[Finding]) {
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
                .link(format!("{} – {}: {}", f.part.name(), f.place, f.message))
                .clicked()
            {
                *nav = nav_of(f.part, &f.place);
                if let Some(row) = f.row {
                    ui.data_mut(|d| {
                        d.insert_temp(
                            goto_id(),
                            Goto {
                                nav: *nav,
                                section: f.section,
                                row,
                            },
                        )
                    });
                }
            }
        });
    }
}
