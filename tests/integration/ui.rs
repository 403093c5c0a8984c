//! The editor window driven as a user would: clicking and typing through
//! the AccessKit tree with egui_kittest (headless, no display needed).

use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;

use crate::common::*;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use tertial::domain::figures;
use tertial::domain::{BudgetColumn, Override, Workspace};
use tertial::ui::{Choice, FileChooser, FileRequest, Nav, TertialApp, all_navs};

/// File dialogs that answer with a fixed path.
struct FixedFiles(Rc<RefCell<Option<PathBuf>>>);

impl FileChooser for FixedFiles {
    fn choose(&mut self, _request: FileRequest, _ctx: &egui::Context) -> Choice {
        Choice::Now(self.0.borrow().clone())
    }
}

/// File dialogs that answer later, when the test says so, as the native
/// ones do from their own thread.
struct LaterFiles(Rc<RefCell<Option<std::sync::mpsc::Sender<Option<PathBuf>>>>>);

impl FileChooser for LaterFiles {
    fn choose(&mut self, _request: FileRequest, _ctx: &egui::Context) -> Choice {
        let (tx, rx) = std::sync::mpsc::channel();
        *self.0.borrow_mut() = Some(tx);
        Choice::Later(rx)
    }
}

fn harness_with(answer: Rc<RefCell<Option<PathBuf>>>) -> Harness<'static, TertialApp> {
    harness_for(sample(DELARSRAPPORT_2020), answer)
}

fn harness_for(
    ws: tertial::domain::Workspace,
    answer: Rc<RefCell<Option<PathBuf>>>,
) -> Harness<'static, TertialApp> {
    let mut h = Harness::builder()
        .with_size((1366.0, 900.0))
        .build_eframe(move |cc| {
            tertial::ui::install_fonts(&cc.egui_ctx);
            TertialApp::new(ws, None).with_file_chooser(Box::new(FixedFiles(answer)))
        });
    h.run();
    h
}

fn harness() -> Harness<'static, TertialApp> {
    harness_with(Rc::new(RefCell::new(None)))
}

fn go(h: &mut Harness<'static, TertialApp>, nav: Nav) {
    let name = nav.name(&h.state().doc.workspace);
    h.get_all_by_label(&name)
        .next()
        .unwrap_or_else(|| panic!("no nav entry {name}"))
        .click();
    h.run();
    assert_eq!(h.state().nav, nav);
}

/// Make the grid cell named `label` ("{column}, {row}") current and type
/// `text` into it, as a spreadsheet user does: typing replaces the value
/// and opens the cell's editor. The caller presses Enter, Tab or an arrow.
fn type_cell(h: &mut Harness<'static, TertialApp>, label: &str, text: &str) {
    h.get_by_label(label).click();
    h.run();
    h.event(egui::Event::Text(text.to_owned()));
    h.run();
}

/// The text a grid cell shows (its accessible value).
fn shown(h: &Harness<'static, TertialApp>, label: &str) -> String {
    h.get_by_label(label).value().unwrap_or_default()
}

/// The cell whose editor is open, by its accessible name.
fn editing(h: &Harness<'static, TertialApp>) -> Option<String> {
    h.query_all_by_label_contains("(redigeras)")
        .next()
        .and_then(|n| n.accesskit_node().label())
        .map(|l| l.trim_end_matches(" (redigeras)").to_owned())
}

/// Scroll the page down with the mouse wheel until the widget named
/// `label` is laid out (the grids lay out only the rows on screen).
fn scroll_to(h: &mut Harness<'static, TertialApp>, label: &str) {
    for _ in 0..40 {
        if h.query_by_label(label).is_some() {
            return;
        }
        h.hover_at(egui::pos2(800.0, 500.0));
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -200.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: Modifiers::NONE,
        });
        h.run_steps(3);
    }
    // Not below: back up.
    for _ in 0..40 {
        if h.query_by_label(label).is_some() {
            return;
        }
        h.hover_at(egui::pos2(800.0, 500.0));
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, 200.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: Modifiers::NONE,
        });
        h.run_steps(3);
    }
    panic!("{label} not reached by scrolling");
}

/// Replace the text of the focused field.
fn replace_text(h: &mut Harness<'static, TertialApp>, label: &str, text: &str) {
    h.get_by_label(label).click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

#[test]
fn visits_every_part_of_the_navigation() {
    let mut h = harness();
    let navs = all_navs(&h.state().doc.workspace);
    assert!(navs.len() >= 16, "{navs:?}");
    for nav in navs {
        go(&mut h, nav);
        // The part's heading (beside the navigation entry when they read the same).
        let ws = &h.state().doc.workspace;
        let (title, name) = (nav.title(ws), nav.name(ws));
        let expected = if title == name { 2 } else { 1 };
        assert!(
            h.query_all_by_label(&title).count() >= expected,
            "{title} not shown"
        );
    }
}

#[test]
fn editing_an_fte_cell_updates_summa() {
    let mut h = harness();
    go(&mut h, Nav::Medarbetare);
    assert_eq!(shown(&h, "Summa, 2020 - tertial 2"), "45,30");
    type_cell(&mut h, "Visstid, 2020 - tertial 2", "14,80");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().doc.workspace.staff.rows[4].visstid, sd("14.80"));
    // 7,25 + 24,25 + 14,80: the computed Summa shows the new total.
    assert_eq!(shown(&h, "Summa, 2020 - tertial 2"), "46,30");
    assert!(h.state().doc.is_dirty());
    assert!(h.state().title().ends_with('●'), "{}", h.state().title());
}

#[test]
fn bad_input_is_refused_with_a_reason_and_escape_restores() {
    let mut h = harness();
    go(&mut h, Nav::Medarbetare);
    let cell = "Visstid, 2020 - tertial 2";
    type_cell(&mut h, cell, "abc");
    h.key_press(Key::Enter);
    h.run();
    // Refused: the editor stays open on the cell, the reason is shown.
    assert_eq!(editing(&h).as_deref(), Some(cell));
    h.get_by_label_contains("saknar siffror");
    assert_eq!(
        h.state().doc.workspace.staff.rows[4].visstid,
        sd("13.80"),
        "the stored value stays"
    );
    assert!(!h.state().doc.is_dirty());
    // Escape abandons the edit: the stored value is back, the note gone.
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(editing(&h), None);
    assert_eq!(shown(&h, cell), "13,80");
    assert!(h.query_by_label_contains("saknar siffror").is_none());
    // A point instead of the decimal comma is refused with its own reason.
    type_cell(&mut h, cell, "45.30");
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label_contains("decimalkomma");
    assert_eq!(h.state().doc.workspace.staff.rows[4].visstid, sd("13.80"));
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(shown(&h, cell), "13,80");
    assert!(!h.state().doc.is_dirty());
}

#[test]
fn a_computed_cell_is_overridden_by_clicking_elsewhere_and_reset() {
    let mut h = harness();
    go(&mut h, Nav::Ekonomi(tertial::ui::EconomyPage::Budget));
    // Disponibla for FoUrum utbildning: 2 300 + 2 814.
    let cell = "Disponibla medel 2020, FoUrum utbildning";
    assert_eq!(shown(&h, cell), "5\u{a0}114");
    h.get_by_label(cell).click_secondary();
    h.run();
    h.get_by_label("Skriv över värde").click();
    h.run();
    assert_eq!(editing(&h).as_deref(), Some(cell));
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.event(egui::Event::Text("6 000".into()));
    h.run();
    // No Enter: clicking another cell commits the override.
    h.get_by_label("Budget förbrukning 2020, FoUrum fritid")
        .click();
    h.run();
    assert_eq!(editing(&h), None);
    let row = &h
        .state()
        .doc
        .workspace
        .economy
        .budget
        .as_ref()
        .expect("budget")
        .rows[3];
    assert_eq!(
        row.overrides.get(&BudgetColumn::Disponibla),
        Some(&Override::Value(d("6000")))
    );
    // Marked as overridden; the sum row uses the shown value (134 355 + 886).
    assert_eq!(shown(&h, cell), "✎ 6\u{a0}000");
    assert_eq!(shown(&h, "Disponibla medel 2020, Summa"), "135\u{a0}241");
    h.get_by_label(cell).click_secondary();
    h.run();
    h.get_by_label("Återställ beräkning").click();
    h.run();
    let row = &h
        .state()
        .doc
        .workspace
        .economy
        .budget
        .as_ref()
        .expect("budget")
        .rows[3];
    assert!(row.overrides.is_empty());
    assert_eq!(shown(&h, cell), "5\u{a0}114");
    assert_eq!(shown(&h, "Disponibla medel 2020, Summa"), "134\u{a0}355");
}

#[test]
fn the_override_menu_opens_from_the_keyboard_and_commits_on_enter() {
    let mut h = harness();
    go(&mut h, Nav::Ekonomi(tertial::ui::EconomyPage::Budget));
    let cell = "Disponibla medel 2020, FoUrum fritid";
    h.get_by_label(cell).click();
    h.run();
    // Shift+F10 opens the cell's menu; its first entry has the focus.
    h.key_press_modifiers(Modifiers::SHIFT, Key::F10);
    h.run();
    h.get_by_label("Skriv över värde");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(editing(&h).as_deref(), Some(cell));
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.event(egui::Event::Text("1 500".into()));
    h.key_press(Key::Enter);
    h.run();
    let row = &h
        .state()
        .doc
        .workspace
        .economy
        .budget
        .as_ref()
        .expect("budget")
        .rows[4];
    assert_eq!(
        row.overrides.get(&BudgetColumn::Disponibla),
        Some(&Override::Value(d("1500")))
    );
}

#[test]
fn ticking_a_registration_updates_the_averages() {
    let mut h = harness();
    go(&mut h, Nav::Narvaro);
    let before_ws = h.state().doc.workspace.attendance.clone();
    let group = &before_ws.groups[0];
    let was_present = group.meetings[0]
        .present
        .contains(&tertial::domain::Municipality::Aneby);
    let before = figures::attendance(&before_ws);
    let before_group = before.groups[0].average.expect("average");
    let before_aneby = before.municipalities[0].1.expect("aneby");
    scroll_to(&mut h, "Aneby, träff 1");
    h.get_by_label("Aneby, träff 1").click();
    h.run();
    let after_ws = &h.state().doc.workspace.attendance;
    assert_eq!(
        after_ws.groups[0].meetings[0]
            .present
            .contains(&tertial::domain::Municipality::Aneby),
        !was_present
    );
    let after = figures::attendance(after_ws);
    assert_ne!(after.groups[0].average, Some(before_group));
    assert_ne!(after.municipalities[0].1, Some(before_aneby));
    // The group's row in the groups table shows the new average.
    let expected = tertial::domain::numbers::format_percent(
        tertial::domain::numbers::round_half_up(after.groups[0].average.expect("avg"), 0),
    );
    let name = format!("Närvaro, {}", group.name);
    scroll_to(&mut h, &name);
    assert_eq!(shown(&h, &name), expected);
}

#[test]
fn undo_and_redo() {
    let mut h = harness();
    go(&mut h, Nav::Medarbetare);
    type_cell(&mut h, "Tjänsteköp, 2020 - tertial 2", "8");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().doc.workspace.staff.rows[4].tjanstekop, sd("8"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.workspace.staff.rows[4].tjanstekop, sd("7.25"));
    assert!(!h.state().doc.is_dirty());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(h.state().doc.workspace.staff.rows[4].tjanstekop, sd("8"));
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(
        h.state().doc.workspace.staff.rows[4].tjanstekop,
        sd("8"),
        "nothing more to redo"
    );
}

#[test]
fn a_free_text_is_made_unnumbered_with_one_click_and_one_undo() {
    use tertial::domain::TextHeading;
    let mut h = harness();
    go(&mut h, Nav::Rapport);
    h.get_by_label("Coronapandemins påverkan på Kommunal utvecklings verksamhet")
        .click();
    h.run();
    let corona = |h: &Harness<'static, TertialApp>| {
        h.state()
            .doc
            .workspace
            .texts
            .iter()
            .find(|t| t.title.starts_with("Coronapandemins"))
            .map(|t| t.heading)
    };
    assert_eq!(corona(&h), Some(TextHeading::Numbered));
    h.get_by_label("Numrerat avsnitt").click();
    h.run();
    assert_eq!(corona(&h), Some(TextHeading::Unnumbered));
    assert!(h.state().doc.is_dirty());
    // The report follows: no longer "1.3", an unnumbered heading instead.
    let html = tertial::export::report::report_html(&h.state().doc.workspace).expect("html");
    assert!(html.contains("<h3>Coronapandemins påverkan på Kommunal utvecklings verksamhet</h3>"));
    assert!(html.contains("<span class=\"no\">1.3</span>Framtiden"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(corona(&h), Some(TextHeading::Numbered));
    assert!(!h.state().doc.is_dirty());
}

#[test]
fn the_illustrative_registrations_box_is_one_undoable_edit() {
    let mut h = harness();
    go(&mut h, Nav::Narvaro);
    assert!(h.state().doc.workspace.attendance.illustrative);
    h.get_by_label("Registreringarna är illustrativa").click();
    h.run();
    assert!(!h.state().doc.workspace.attendance.illustrative);
    assert!(h.state().doc.is_dirty());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(h.state().doc.workspace.attendance.illustrative);
    assert!(!h.state().doc.is_dirty());
}

#[test]
fn save_as_and_load_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("rapport.ron");
    let answer = Rc::new(RefCell::new(Some(path.clone())));
    let mut h = harness_with(answer);
    go(&mut h, Nav::Medarbetare);
    type_cell(&mut h, "Tillsvidare, 2020 - tertial 2", "25");
    h.key_press(Key::Enter);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    assert!(!h.state().doc.is_dirty());
    assert_eq!(h.state().title(), "tertial — rapport.ron");
    let loaded = tertial::storage::load(&path).expect("load");
    assert_eq!(loaded, h.state().doc.workspace);
    assert_eq!(loaded.staff.rows[4].tillsvidare, sd("25"));
}

#[test]
fn a_file_that_fails_to_load_leaves_the_work_open() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("trasig.ron");
    std::fs::write(
        &path,
        "(format_version: 1, workspace: (report: (title: 5)))",
    )
    .expect("write");
    let answer = Rc::new(RefCell::new(Some(path)));
    let mut h = harness_with(answer);
    let before = h.state().doc.workspace.clone();
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    h.get_by_label_contains("rad 1, kolumn");
    assert_eq!(h.state().doc.workspace, before);
    h.get_by_label("OK").click();
    h.run();
    assert!(h.state().error_message().is_none());
}

#[test]
fn unsaved_changes_are_asked_about_on_new() {
    let mut h = harness();
    go(&mut h, Nav::Medarbetare);
    type_cell(&mut h, "Visstid, 2020 - tertial 1", "14");
    h.key_press(Key::Enter);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Spara ändringarna?");
    h.get_by_label("Avbryt").click();
    h.run();
    assert_eq!(
        h.state().doc.workspace.staff.rows[3].visstid,
        sd("14"),
        "Avbryt keeps the work"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Spara inte").click();
    h.run();
    assert!(
        h.state().doc.workspace.staff.rows.is_empty(),
        "a new, empty workspace"
    );
    assert!(!h.state().doc.is_dirty());
}

#[test]
fn unsaved_changes_are_asked_about_on_close() {
    let mut h = harness();
    go(&mut h, Nav::Medarbetare);
    type_cell(&mut h, "Visstid, 2020 - tertial 1", "14");
    h.key_press(Key::Enter);
    h.run();
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.step();
    let cancelled = h
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .is_some_and(|v| v.commands.contains(&egui::ViewportCommand::CancelClose));
    assert!(cancelled, "closing with unsaved changes must be held back");
    h.run();
    h.get_by_label("Spara ändringarna?");
    h.get_by_label("Avbryt").click();
    h.run();
    assert!(h.query_by_label("Spara ändringarna?").is_none());
    assert!(h.state().doc.is_dirty());
}

#[test]
fn kontroll_lists_problems_and_goes_to_them() {
    let mut ws = sample(DELARSRAPPORT_2020);
    ws.staff.rows[2].visstid = sd("-1");
    let mut h = harness_for(ws, Rc::new(RefCell::new(None)));
    // The status bar counts the problem; clicking it opens Kontroll.
    h.get_by_label("1 problem").click();
    h.run();
    assert_eq!(h.state().nav, Nav::Kontroll);
    h.get_by_label_contains("negativt antal årsarbetare")
        .click();
    // The row gone to is highlighted, fading out over a few frames.
    h.run_steps(20);
    assert_eq!(h.state().nav, Nav::Medarbetare);
    assert_eq!(shown(&h, "Visstid, 2019 - tertial 3"), "-1,00");
    // The highlight is over: the window settles.
    h.run_steps(120);
    h.run();
}

#[test]
fn kontroll_goes_to_goals_and_economy_pages() {
    let mut h = harness();
    go(&mut h, Nav::Kontroll);
    // A note on a mätetal of goal 2's section 2.2, and an override in Tabell 1.
    h.get_by_label_contains("mätetalet saknar målvärde").click();
    // Going to a row scrolls to it smoothly, over a few frames.
    h.run_steps(20);
    assert_eq!(h.state().nav, Nav::Goal(0));
    go(&mut h, Nav::Kontroll);
    h.get_by_label_contains("formeln ger -937").click();
    h.run_steps(20);
    assert_eq!(
        h.state().nav,
        Nav::Ekonomi(tertial::ui::EconomyPage::Budget)
    );
    go(&mut h, Nav::Kontroll);
    h.get_by_label_contains("formeln ger -14").click();
    h.run_steps(20);
    assert_eq!(h.state().nav, Nav::Kompetens);
}

#[test]
fn rows_can_be_added_and_deleted_and_undone() {
    let mut h = harness();
    go(&mut h, Nav::Medarbetare);
    let periods = |h: &Harness<'static, TertialApp>| -> Vec<String> {
        h.state()
            .doc
            .workspace
            .staff
            .rows
            .iter()
            .map(|r| r.period.clone())
            .collect()
    };
    let before = periods(&h);
    // The row header's context menu.
    h.get_by_label("Rad 1 (2019 - tertial 1)").click_secondary();
    h.run();
    h.get_by_label("Ta bort raden 2019 - tertial 1").click();
    h.run();
    assert_eq!(periods(&h), before[1..].to_vec());
    // The first "Lägg till rad" belongs to the staff table.
    h.get_all_by_label("Lägg till rad")
        .next()
        .expect("add button")
        .click();
    h.run();
    assert_eq!(periods(&h).len(), before.len());
    assert_eq!(periods(&h).last().map(String::as_str), Some(""));
    // Summa of the remaining rows is still computed for each of them.
    assert_eq!(
        figures::staff(&h.state().doc.workspace.staff).sums.len(),
        before.len()
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(periods(&h), before, "both row edits undone");
    // Insert above and move down, from a cell's menu.
    h.get_by_label("Tjänsteköp, 2019 - tertial 2")
        .click_secondary();
    h.run();
    h.get_by_label("Infoga rad ovanför").click();
    h.run();
    assert_eq!(periods(&h)[1], "");
    assert_eq!(periods(&h)[2], before[1]);
    h.get_by_label("Tjänsteköp, 2019 - tertial 2")
        .click_secondary();
    h.run();
    h.get_by_label("Flytta raden uppåt").click();
    h.run();
    assert_eq!(periods(&h)[1], before[1]);
    assert_eq!(periods(&h)[2], "");
}

#[test]
fn diagram_preview_is_drawn_once_and_redrawn_on_change() {
    let mut h = harness();
    go(&mut h, Nav::Diagram);
    h.get_by_label("Förhandsvisning: Genomsnittsnärvaro per nätverk");
    let first = h.state().charts.renders;
    assert_eq!(first, 1, "drawn once on opening");
    for _ in 0..5 {
        h.run();
    }
    assert_eq!(h.state().charts.renders, 1, "not redrawn every frame");
    // Another chart: one more drawing.
    h.get_by_label("Genomsnittsnärvaro per kommun").click();
    h.run();
    h.get_by_label("Förhandsvisning: Genomsnittsnärvaro per kommun");
    assert_eq!(h.state().charts.renders, 2);
    // Changed data: redrawn when shown again.
    go(&mut h, Nav::Narvaro);
    scroll_to(&mut h, "Aneby, träff 1");
    h.get_by_label("Aneby, träff 1").click();
    h.run();
    go(&mut h, Nav::Diagram);
    assert_eq!(h.state().charts.renders, 3);
    h.run();
    assert_eq!(h.state().charts.renders, 3);
}

#[test]
fn opening_another_file_shows_its_own_chart_and_findings() {
    // A fresh document must never be taken for the one it replaced, even
    // before anything is edited in either (the views cache by revision).
    let dir = tempfile::tempdir().expect("tempdir");
    let other = dir.path().join("2019.ron");
    tertial::storage::save(&sample(HELAR_2019), &other).expect("save");
    let answer = Rc::new(RefCell::new(Some(other)));
    let mut h = harness_with(answer);
    go(&mut h, Nav::Diagram);
    assert_eq!(h.state().charts.renders, 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    h.run();
    assert_eq!(h.state().doc.name(), "2019.ron");
    go(&mut h, Nav::Diagram);
    assert_eq!(h.state().charts.renders, 2, "the 2019 chart is drawn");
    let expected = tertial::domain::check::check(&sample(HELAR_2019))
        .iter()
        .filter(|f| f.severity == tertial::domain::check::Severity::Problem)
        .count();
    h.get_by_label(&format!("{expected} problem"));
}

#[test]
fn diagram_exports_one_chart_and_all_charts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join("natverk");
    let answer = Rc::new(RefCell::new(Some(target.clone())));
    let mut h = harness_with(answer.clone());
    go(&mut h, Nav::Diagram);
    h.get_by_label("Exportera PNG…").click();
    h.run();
    // No extension typed: the format's is added.
    let png = target.with_extension("png");
    let bytes = std::fs::read(&png).expect("the PNG was written");
    assert_eq!(png_size(&bytes), (1920, 1080));
    h.get_by_label_contains("Sparade");

    // A custom size applies to the export.
    h.get_by_label("Välj bildstorlek").click();
    h.run();
    h.get_by_label("Anpassad").click();
    h.run();
    for (field, value) in [("Bredd", "800"), ("Höjd", "450")] {
        h.get_by_label(field).focus();
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::A);
        h.get_by_label(field).type_text(value);
        h.key_press(Key::Enter);
        h.run();
    }
    assert_eq!(
        h.state().charts.custom,
        tertial::charts::ChartSize::new(800, 450)
    );
    *answer.borrow_mut() = Some(dir.path().join("liten.svg"));
    h.get_by_label("Exportera SVG…").click();
    h.run();
    let svg = std::fs::read_to_string(dir.path().join("liten.svg")).expect("svg written");
    assert!(
        svg.starts_with("<svg width=\"800\" height=\"450\""),
        "{}",
        &svg[..60]
    );

    // Exportera alla, both formats, into a folder.
    let all = dir.path().join("alla");
    *answer.borrow_mut() = Some(all.clone());
    h.get_by_label("Format för alla").click();
    h.run();
    h.get_by_label("PNG och SVG").click();
    h.run();
    h.get_by_label("Exportera alla…").click();
    h.run();
    let n = tertial::charts::ChartKind::ALL.len();
    let files = std::fs::read_dir(&all).expect("folder").count();
    assert_eq!(files, 2 * n);
    assert!(all.join("narvaro-per-kommun-2020-t1-2.svg").exists());
    h.get_by_label(&format!("Sparade {} bilder i {}", 2 * n, all.display()));
}

#[test]
fn a_failed_chart_export_says_why_and_keeps_the_work() {
    let dir = tempfile::tempdir().expect("tempdir");
    // A path inside a file cannot be written.
    let blocker = dir.path().join("fil");
    std::fs::write(&blocker, "x").expect("write");
    let answer = Rc::new(RefCell::new(Some(blocker.join("bild.png"))));
    let mut h = harness_with(answer);
    go(&mut h, Nav::Diagram);
    h.get_by_label("Exportera PNG…").click();
    h.run();
    let message = h
        .state()
        .error_message()
        .expect("an error dialog")
        .to_string();
    assert!(message.contains("bild.png"), "{message}");
    assert!(message.contains("kunde inte sparas"), "{message}");
    h.get_by_label("OK").click();
    h.run();
    assert!(h.state().error_message().is_none());
    assert!(!h.state().doc.is_dirty());
}

/// The 2020 sample saved in a temporary folder and opened, a staff cell
/// edited, the file saved by someone else meanwhile (`theirs`), then
/// Ctrl+S: "Filen har ändrats på disken" is showing. A file dialog would
/// answer `answer` (a name in the folder).
fn changed_on_disk_question(
    answer: Option<&str>,
) -> (
    tempfile::TempDir,
    PathBuf,
    tertial::domain::Workspace,
    Harness<'static, TertialApp>,
) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("rapport.ron");
    let ws = sample(DELARSRAPPORT_2020);
    tertial::storage::save(&ws, &path).expect("save");
    let open_path = path.clone();
    let answer = Rc::new(RefCell::new(answer.map(|name| dir.path().join(name))));
    let mut h = Harness::builder()
        .with_size((1366.0, 900.0))
        .build_eframe(move |cc| {
            tertial::ui::install_fonts(&cc.egui_ctx);
            TertialApp::new(ws, Some(open_path)).with_file_chooser(Box::new(FixedFiles(answer)))
        });
    h.run();
    go(&mut h, Nav::Medarbetare);
    type_cell(&mut h, "Tillsvidare, 2020 - tertial 2", "25");
    h.key_press(Key::Enter);
    h.run();
    // Someone else saves the file meanwhile.
    let mut theirs = sample(DELARSRAPPORT_2020);
    theirs.report.title = "Kollegans version".into();
    tertial::storage::save(&theirs, &path).expect("their save");

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("Filen har ändrats på disken");
    (dir, path, theirs, h)
}

#[test]
fn saving_over_a_file_changed_on_disk_asks_first() {
    let (dir, path, theirs, mut h) = changed_on_disk_question(Some("kopia.ron"));
    h.get_by_label("Avbryt").click();
    h.run();
    assert!(h.state().doc.is_dirty(), "nothing saved");
    assert_eq!(tertial::storage::load(&path).expect("load"), theirs);

    // Spara som… keeps both versions.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("Spara som…").click();
    h.run();
    assert_eq!(tertial::storage::load(&path).expect("load"), theirs);
    let copy = tertial::storage::load(&dir.path().join("kopia.ron")).expect("copy");
    assert_eq!(copy.staff.rows[4].tillsvidare, sd("25"));
    assert!(!h.state().doc.is_dirty());

    // Back on the first file, changed again: Skriv över replaces it and
    // keeps theirs as .bak.
    let mut h2_ws = copy.clone();
    h2_ws.report.title = "Min version".into();
    let answer = Rc::new(RefCell::new(None));
    let open_path = path.clone();
    let mine = h2_ws.clone();
    tertial::storage::save(&copy, &path).expect("save the copy as the opened file");
    let mut h = Harness::builder()
        .with_size((1366.0, 900.0))
        .build_eframe(move |cc| {
            tertial::ui::install_fonts(&cc.egui_ctx);
            TertialApp::new(h2_ws, Some(open_path)).with_file_chooser(Box::new(FixedFiles(answer)))
        });
    h.run();
    tertial::storage::save(&theirs, &path).expect("their save");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("Skriv över").click();
    h.run();
    assert_eq!(tertial::storage::load(&path).expect("load"), mine);
    let bak = tertial::storage::backup_path(&path);
    assert_eq!(tertial::storage::load(&bak).expect("bak"), theirs);
}

#[test]
fn long_tables_lay_out_only_what_is_on_screen_and_go_to_scrolls() {
    // The stress workspace's first goal: 8 sections of about ten mätetal,
    // with long texts; far more than a screen.
    let mut ws = tertial::stress::stress_workspace();
    let last_section = ws.goals[0].sections.len() - 1;
    let far = ws.goals[0].sections[last_section]
        .measures
        .last_mut()
        .expect("a mätetal");
    far.result = None;
    let far_name = far.name.clone();
    let first_name = ws.goals[0].sections[0].measures[0].name.clone();
    let mut h = harness_for(ws, Rc::new(RefCell::new(None)));
    go(&mut h, Nav::Goal(0));
    scroll_to(&mut h, &format!("Mätetal, {first_name}"));
    assert!(
        h.query_by_label(&format!("Mätetal, {far_name}")).is_none(),
        "a row far below the screen is not laid out"
    );
    // Kontroll's problem about the missing result goes to the row and
    // scrolls it into view.
    go(&mut h, Nav::Kontroll);
    h.get_by_label_contains("mätetalet saknar resultat").click();
    // The page scrolls there smoothly, over a few frames.
    h.run_steps(20);
    assert_eq!(h.state().nav, Nav::Goal(0));
    assert!(
        h.query_by_label(&format!("Mätetal, {far_name}")).is_some(),
        "the row Kontroll went to is on screen"
    );
}

#[test]
fn ny_period_fran_denna_asks_for_the_period_and_opens_the_new_workspace() {
    let mut h = harness();
    h.get_by_label("Arkiv").click();
    h.run();
    h.get_by_label("Ny period från denna…").click();
    h.run();
    h.get_by_label("Ny period från denna");
    // The same period a year later is suggested.
    assert_eq!(
        h.get_by_label("Ny period").value().as_deref(),
        Some("tertial 1–2 2021")
    );
    replace_text(&mut h, "Ny period", "våren 2021");
    h.get_by_label("Skapa").click();
    h.run();
    h.get_by_label_contains("är ingen period");
    assert_eq!(
        h.state().doc.workspace.report.period.label(),
        "tertial 1–2 2020",
        "nothing happened"
    );
    replace_text(&mut h, "Ny period", "tertial 1 2021");
    h.get_by_label("Skapa").click();
    h.run();
    let doc = &h.state().doc;
    assert_eq!(doc.workspace.report.period.label(), "tertial 1 2021");
    assert!(doc.is_dirty(), "the new period is unsaved");
    assert_eq!(doc.path, None, "never written over the old file");
    assert_eq!(doc.name(), "Delårsrapport tertial 1 2021 (ny)");
    let m = &doc.workspace.goals[0].sections[1].measures[0];
    assert_eq!(m.result, None);
    assert_eq!(
        m.earlier.last().map(|e| e.period.as_str()),
        Some("tertial 1–2 2020")
    );
}

#[test]
fn a_table_is_copied_for_excel_and_exported_as_csv() {
    let dir = tempfile::tempdir().expect("tempdir");
    let csv = dir.path().join("tabell1.csv");
    let answer = Rc::new(RefCell::new(Some(csv.clone())));
    let mut h = harness_with(answer);
    go(&mut h, Nav::Ekonomi(tertial::ui::EconomyPage::Budget));
    let table = tertial::domain::tables::budget_table(
        sample(DELARSRAPPORT_2020)
            .economy
            .budget
            .as_ref()
            .expect("Tabell 1"),
    );
    h.get_by_label(&format!("Kopiera tabell {}", table.title))
        .click();
    h.step(); // the frame that handles the click
    let copied = h
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        })
        .expect("copied to the clipboard");
    assert_eq!(copied, tertial::export::csv::table_to_tsv(&table));
    assert!(copied.contains("\t105895"), "Summa Kvarvarande as a number");
    h.run();
    h.get_by_label(&format!("{} kopierad", table.title));

    h.get_by_label(&format!("Exportera CSV {}", table.title))
        .click();
    h.run();
    let written = std::fs::read_to_string(&csv).expect("csv written");
    assert_eq!(
        written,
        tertial::export::csv::table_to_csv(&table).expect("csv")
    );
    h.get_by_label(&format!("Sparade {}", csv.display()));
}

#[test]
fn exportera_rapport_writes_the_report_and_says_where() {
    let dir = tempfile::tempdir().expect("tempdir");
    // No extension typed: .html is added.
    let answer = Rc::new(RefCell::new(Some(dir.path().join("rapport"))));
    let mut h = harness_with(answer.clone());
    h.get_by_label("Arkiv").click();
    h.run();
    h.get_by_label("Exportera rapport…").click();
    h.run();
    let written = dir.path().join("rapport.html");
    let html = std::fs::read_to_string(&written).expect("report written");
    assert!(html.contains("<h1>Delårsrapport januari-augusti 2020</h1>"));
    assert_eq!(
        h.state().notice(),
        Some(format!("Rapporten sparades: {}", written.display()).as_str())
    );
    assert!(!h.state().doc.is_dirty(), "exporting changes nothing");

    // A folder that is not there: the error is shown, nothing else happens.
    *answer.borrow_mut() = Some(dir.path().join("saknas").join("rapport.html"));
    h.get_by_label("Arkiv").click();
    h.run();
    h.get_by_label("Exportera rapport…").click();
    h.run();
    let msg = h.state().error_message().unwrap_or_default().to_string();
    assert!(msg.starts_with("Rapporten "), "{msg}");
    h.get_by_label_contains("kunde inte sparas");
}

/// Arkiv → `item`, answering the file dialog with `typed` (no extension):
/// the file is written with `.ext` added, the status bar says "`what`
/// sparades: …" and nothing becomes unsaved. Then again into a folder that
/// is not there: the error names `what`, says no file was written, and
/// none is. Returns the bytes written and the workspace they came from.
fn export_through_the_menu(item: &str, typed: &str, ext: &str, what: &str) -> (Vec<u8>, Workspace) {
    let dir = tempfile::tempdir().expect("tempdir");
    let answer = Rc::new(RefCell::new(Some(dir.path().join(typed))));
    let mut h = harness_with(answer.clone());
    h.get_by_label("Arkiv").click();
    h.run();
    h.get_by_label(item).click();
    h.run();
    let written = dir.path().join(format!("{typed}.{ext}"));
    let bytes = std::fs::read(&written).unwrap_or_else(|e| panic!("{item}: {e}"));
    assert_eq!(
        h.state().notice(),
        Some(format!("{what} sparades: {}", written.display()).as_str())
    );
    assert!(!h.state().doc.is_dirty(), "exporting changes nothing");

    let missing = dir.path().join("saknas").join(format!("{typed}.{ext}"));
    *answer.borrow_mut() = Some(missing.clone());
    h.get_by_label("Arkiv").click();
    h.run();
    h.get_by_label(item).click();
    h.run();
    let msg = h.state().error_message().unwrap_or_default().to_string();
    assert!(msg.starts_with(&format!("{what} ")), "{msg}");
    assert!(msg.contains("Ingen fil skrevs"), "{msg}");
    h.get_by_label_contains("kunde inte sparas");
    assert!(!missing.exists());
    (bytes, h.state().doc.workspace.clone())
}

/// Whether the zip `bytes` names the member `name` (member names are
/// stored as plain text).
fn zip_has(bytes: &[u8], name: &str) -> bool {
    bytes.windows(name.len()).any(|w| w == name.as_bytes())
}

#[test]
fn exportera_excel_arbetsbok_writes_the_workbook_and_says_where() {
    let (bytes, ws) = export_through_the_menu(
        "Exportera Excel-arbetsbok…",
        "tabeller",
        "xlsx",
        "Excel-arbetsboken",
    );
    // One sheet per table (tests/integration/xlsx.rs reads the cells with
    // openpyxl).
    assert!(bytes.starts_with(b"PK\x03\x04"));
    let tables = tertial::domain::tables::all_tables(&ws).len();
    assert!(zip_has(&bytes, &format!("xl/worksheets/sheet{tables}.xml")));
    assert!(!zip_has(
        &bytes,
        &format!("xl/worksheets/sheet{}.xml", tables + 1)
    ));
}

#[test]
fn exportera_word_dokument_writes_the_document_and_says_where() {
    let (bytes, ws) = export_through_the_menu(
        "Exportera Word-dokument…",
        "rapport",
        "docx",
        "Word-dokumentet",
    );
    // The same bytes as the export of the workspace shown
    // (tests/integration/docx.rs reads the document with python-docx and
    // LibreOffice).
    let want = tertial::export::docx::docx_bytes(&ws).expect("docx");
    assert!(bytes == want, "the written file differs from the export");
}

/// A registration file with two good meetings and one broken row.
const IMPORT_CSV: &str = "Nätverk;Datum;Mötesform;Kommun\r\n\
Nätverk elevhälsa;2020-08-20;digitalt;Aneby\r\n\
Nätverk elevhälsa;2020-08-20;digitalt;Eksjö\r\n\
Nätverk elevhälsa;2020-08-27;fysiskt;Habo\r\n\
Nätverk elevhälsa;20 augusti;fysiskt;Habo\r\n";

fn elevhalsa(h: &Harness<'static, TertialApp>) -> tertial::domain::AttendanceGroup {
    h.state()
        .doc
        .workspace
        .attendance
        .groups
        .iter()
        .find(|g| g.name == "Nätverk elevhälsa")
        .cloned()
        .expect("group")
}

fn open_import(h: &mut Harness<'static, TertialApp>) {
    h.get_by_label("Arkiv").click();
    h.run();
    h.get_by_label("Importera närvaro (CSV)…").click();
    wait_for_import(h);
}

/// Runs frames until the import dialog shows its preview (or has given
/// way to an error), then lets the window settle: the file is read on a
/// worker thread. Gives up after about ten seconds, which a small file
/// never needs.
fn wait_for_import(h: &mut Harness<'static, TertialApp>) {
    for _ in 0..1000 {
        h.step();
        if h.query_by_label_contains("Format: ").is_some() || h.state().error_message().is_some() {
            h.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the import preview never became ready");
}

#[test]
fn importera_narvaro_previews_reports_broken_rows_and_changes_nothing_on_cancel() {
    let dir = tempfile::tempdir().expect("tempdir");
    let csv = dir.path().join("närvaro.csv");
    std::fs::write(&csv, IMPORT_CSV).expect("write");
    let mut h = harness_with(Rc::new(RefCell::new(Some(csv.clone()))));
    let before = h.state().doc.workspace.clone();
    let meetings_before = elevhalsa(&h).meetings.len();

    open_import(&mut h);
    h.get_by_label("Importera närvaro");
    h.get_by_label("Format: en rad per möte och representant · 4 rader lästa");
    h.get_by_label("1 rad kunde inte läsas och importeras inte:");
    h.get_by_label("Rad 5: datumet \"20 augusti\" ska skrivas ÅÅÅÅ-MM-DD, till exempel 2020-01-01");
    // The group's line: 2 meetings, none replaced, 3 present.
    h.get_by_label("Nätverk elevhälsa");
    assert_eq!(
        h.state().doc.workspace,
        before,
        "the preview changes nothing"
    );

    h.get_by_label("Avbryt").click();
    h.run();
    assert!(h.query_by_label("Importera 2 träffar").is_none(), "closed");
    assert_eq!(h.state().doc.workspace, before, "cancel changes nothing");
    assert!(!h.state().doc.is_dirty());

    open_import(&mut h);
    h.get_by_label("Importera 2 träffar").click();
    h.run();
    let g = elevhalsa(&h);
    assert_eq!(g.meetings.len(), meetings_before + 2);
    let new = g
        .meetings
        .iter()
        .find(|m| m.date == "2020-08-20")
        .expect("imported meeting");
    assert_eq!(
        new.present,
        [
            tertial::domain::Municipality::Aneby,
            tertial::domain::Municipality::Eksjo
        ]
    );
    assert!(h.state().doc.is_dirty());
    assert_eq!(
        h.state().notice(),
        Some("Importerade 2 träffar från närvaro.csv")
    );

    // One undo step takes the whole import back.
    h.get_by_label("Redigera").click();
    h.run();
    h.get_by_label("Ångra Ctrl+Z").click();
    h.run();
    assert_eq!(h.state().doc.workspace, before);
}

#[test]
fn an_unusable_registration_file_is_an_error_and_nothing_opens() {
    let dir = tempfile::tempdir().expect("tempdir");
    let csv = dir.path().join("närvaro.csv");
    std::fs::write(&csv, "Nätverk,Datum,Kommun\n").expect("write");
    let mut h = harness_with(Rc::new(RefCell::new(Some(csv))));
    let before = h.state().doc.workspace.clone();
    open_import(&mut h);
    let msg = h.state().error_message().unwrap_or_default().to_string();
    assert!(msg.starts_with("Närvarofilen "), "{msg}");
    assert!(msg.contains("semikolon"), "{msg}");
    assert!(h.query_by_label("Importera närvaro").is_none());
    assert_eq!(h.state().doc.workspace, before);
}

#[test]
fn an_import_preview_follows_a_workspace_that_changes_under_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let csv = dir.path().join("närvaro.csv");
    std::fs::write(&csv, IMPORT_CSV).expect("write");
    let mut h = harness_with(Rc::new(RefCell::new(Some(csv))));
    open_import(&mut h);
    h.get_by_label("Importera 2 träffar");
    // The groups move while the dialog is open (as an undo by shortcut
    // would): the first group goes, so every index shifts by one.
    let removed = {
        let app = h.state_mut();
        let g = app.doc.workspace.attendance.groups.remove(0);
        app.doc.edited(7);
        g.name
    };
    assert_ne!(removed, "Nätverk elevhälsa");
    wait_for_import(&mut h);
    let before: Vec<usize> = h
        .state()
        .doc
        .workspace
        .attendance
        .groups
        .iter()
        .map(|g| g.meetings.len())
        .collect();
    h.get_by_label("Importera 2 träffar").click();
    h.run();
    let groups = &h.state().doc.workspace.attendance.groups;
    for (g, n) in groups.iter().zip(&before) {
        let expected = if g.name == "Nätverk elevhälsa" {
            n + 2
        } else {
            *n
        };
        assert_eq!(g.meetings.len(), expected, "{}", g.name);
    }
}

#[test]
fn an_import_preview_is_read_on_a_worker_once_per_file_and_workspace() {
    let dir = tempfile::tempdir().expect("tempdir");
    let csv = dir.path().join("närvaro.csv");
    std::fs::write(&csv, IMPORT_CSV).expect("write");
    let mut h = harness_with(Rc::new(RefCell::new(Some(csv.clone()))));
    h.get_by_label("Arkiv").click();
    h.run();
    h.get_by_label("Importera närvaro (CSV)…").click();
    // The frames that open the dialog end without waiting for the file
    // (egui draws a new window invisibly once, to size it): the dialog
    // says it is reading, with nothing to import yet.
    h.step();
    h.step();
    h.get_by_label("Läser filen…");
    assert!(h.query_by_label_contains("Importera 2").is_none());
    h.get_by_label("Avbryt");
    wait_for_import(&mut h);
    h.get_by_label("Importera 2 träffar");

    // The preview is not made again frame by frame: a file changed on
    // disk meanwhile does not show ...
    std::fs::write(
        &csv,
        "Nätverk;Datum;Kommun\nNätverk elevhälsa;2020-08-20;Aneby\n",
    )
    .expect("rewrite");
    h.run_steps(10);
    h.get_by_label("Importera 2 träffar");
    // ... until the workspace changes under the dialog: then the file is
    // read again, off the UI thread as before.
    h.state_mut().doc.edited(7);
    h.step();
    h.get_by_label("Läser filen…");
    wait_for_import(&mut h);
    h.get_by_label("Importera 1 träff");
}

// ------------------------------------------------------------ the grid

fn budget_row(h: &Harness<'static, TertialApp>, i: usize) -> tertial::domain::BudgetRow {
    h.state()
        .doc
        .workspace
        .economy
        .budget
        .as_ref()
        .expect("Tabell 1")
        .rows[i]
        .clone()
}

#[test]
fn an_excel_block_pastes_into_tabell_1_and_undoes_in_one_step() {
    let mut h = harness();
    go(&mut h, Nav::Ekonomi(tertial::ui::EconomyPage::Budget));
    let before = h.state().doc.workspace.economy.budget.clone();
    // Three rows of Ingående, Erhållna, Disponibla and Budget as Swedish
    // Excel puts them on the clipboard: shown values with a no-break space
    // as thousands separator, tabs between cells, CRLF after every row.
    let block = "1\u{a0}000\t2\u{a0}000\t3\u{a0}000\t1\u{a0}500\r\n\
                 10\t20\t30\t15\r\n\
                 -5\t7\t2\t0\r\n";
    h.get_by_label("Ingående medel 2020, Miljösamverkan Jönköpings län")
        .click();
    h.run();
    h.event(egui::Event::Paste(block.into()));
    h.run();
    for (i, (ing, erh, bud)) in [
        (2, ("1000", "2000", "1500")),
        (3, ("10", "20", "15")),
        (4, ("-5", "7", "0")),
    ] {
        let row = budget_row(&h, i);
        assert_eq!(row.ingaende, Some(d(ing)), "row {i}");
        assert_eq!(row.erhallna, Some(d(erh)), "row {i}");
        assert_eq!(row.budget, Some(d(bud)), "row {i}");
        assert!(
            row.overrides.is_empty(),
            "the computed column is not typed over"
        );
    }
    // Disponibla is computed from the pasted amounts, and so is Summa.
    assert_eq!(
        shown(&h, "Disponibla medel 2020, Miljösamverkan Jönköpings län"),
        "3\u{a0}000"
    );
    assert_eq!(shown(&h, "Disponibla medel 2020, FoUrum utbildning"), "30");
    assert_eq!(shown(&h, "Disponibla medel 2020, FoUrum fritid"), "2");
    let ws = &h.state().doc.workspace;
    let sum = figures::budget(ws.economy.budget.as_ref().expect("Tabell 1")).sum;
    assert_eq!(
        shown(&h, "Disponibla medel 2020, Summa"),
        tertial::domain::numbers::format_amount(sum[2].shown.expect("sum"))
    );
    h.get_by_label_contains("Inklistrat: 9 celler ändrade");
    // One Ctrl+Z takes the whole paste back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.workspace.economy.budget, before);
    assert!(!h.state().doc.is_dirty());
}

#[test]
fn a_pasted_block_refuses_only_its_bad_cell_with_the_reason() {
    let mut h = harness();
    go(&mut h, Nav::Ekonomi(tertial::ui::EconomyPage::Budget));
    let before = budget_row(&h, 3);
    h.get_by_label("Budget förbrukning 2020, Miljösamverkan Jönköpings län")
        .click();
    h.run();
    h.event(egui::Event::Paste("1 200\t800\n1 300\tmycket\n".into()));
    h.run();
    let row2 = budget_row(&h, 2);
    assert_eq!(row2.budget, Some(d("1200")));
    assert_eq!(row2.utfall, Some(d("800")));
    let row3 = budget_row(&h, 3);
    assert_eq!(row3.budget, Some(d("1300")));
    assert_eq!(
        row3.utfall, before.utfall,
        "the refused cell keeps its value"
    );
    // The note names the cell and says why.
    let note = h.get_by_label_contains("mycket");
    let text = note.accesskit_node().label().unwrap_or_default();
    assert!(text.contains("Utfall förbrukning 2020-08-31"), "{text}");
    assert!(text.contains("FoUrum utbildning"), "{text}");
    assert!(text.contains("saknar siffror"), "{text}");
    assert!(text.contains("Inklistrat: 3 celler ändrade"), "{text}");
}

#[test]
fn arrows_enter_and_tab_move_and_typing_goes_into_the_current_cell() {
    let mut h = harness();
    go(&mut h, Nav::Medarbetare);
    let staff = |h: &Harness<'static, TertialApp>| h.state().doc.workspace.staff.rows.clone();
    h.get_by_label("Tjänsteköp, 2019 - tertial 1").click();
    h.run();
    h.key_press(Key::ArrowDown);
    h.run();
    h.key_press(Key::ArrowRight);
    h.run();
    // Now on Tillsvidare, 2019 - tertial 2.
    h.event(egui::Event::Text("30".into()));
    h.run();
    assert_eq!(
        editing(&h).as_deref(),
        Some("Tillsvidare, 2019 - tertial 2")
    );
    h.key_press(Key::Enter); // commits and moves down
    h.run();
    assert_eq!(staff(&h)[1].tillsvidare, sd("30"));
    h.event(egui::Event::Text("31".into()));
    h.run();
    h.key_press(Key::Tab); // commits and moves right
    h.run();
    assert_eq!(staff(&h)[2].tillsvidare, sd("31"));
    h.event(egui::Event::Text("11".into()));
    h.run();
    assert_eq!(editing(&h).as_deref(), Some("Visstid, 2019 - tertial 3"));
    h.key_press(Key::ArrowUp); // an editor opened by typing commits on arrows
    h.run();
    assert_eq!(staff(&h)[2].visstid, sd("11"));
    h.event(egui::Event::Text("12".into()));
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(staff(&h)[1].visstid, sd("12"));
    // Shift+Tab goes back left; F2 edits the stored value.
    h.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    h.run();
    h.key_press(Key::F2);
    h.run();
    assert_eq!(
        editing(&h).as_deref(),
        Some("Tillsvidare, 2019 - tertial 3")
    );
    h.key_press(Key::Escape);
    h.run();
    // Delete clears the current input cell.
    h.key_press(Key::Delete);
    h.run();
    assert_eq!(staff(&h)[2].tillsvidare, None);
}

#[test]
fn tab_never_lands_on_a_computed_cell() {
    let mut h = harness();
    go(&mut h, Nav::Medarbetare);
    h.get_by_label("År/anställningsform, 2019 - tertial 1")
        .click();
    h.run();
    let mut visited = Vec::new();
    for _ in 0..14 {
        h.key_press(Key::Tab);
        h.run();
        // F2 opens the editor of the current cell, which names it.
        h.key_press(Key::F2);
        h.run();
        let at = editing(&h).expect("an input cell is current after Tab");
        assert!(!at.starts_with("Summa"), "Tab landed on {at}");
        visited.push(at);
        h.key_press(Key::Escape);
        h.run();
    }
    // Tab went along the row and on to the next one.
    assert!(
        visited.contains(&"Tjänsteköp, 2019 - tertial 2".to_owned()),
        "{visited:?}"
    );
    assert_eq!(
        h.state().doc.workspace.staff,
        sample(DELARSRAPPORT_2020).staff
    );
}

#[test]
fn a_range_copied_from_libreoffice_calc_pastes_into_the_staff_table() {
    // tests/fixtures/libreoffice-clipboard.tsv: see tests/fixtures/README.md
    // for how LibreOffice Calc made it.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/libreoffice-clipboard.tsv"
    );
    let text = std::fs::read_to_string(path).expect("fixture");
    let mut h = harness();
    go(&mut h, Nav::Medarbetare);
    h.get_by_label("År/anställningsform, 2019 - tertial 1")
        .click();
    h.run();
    h.event(egui::Event::Paste(text));
    h.run();
    let rows = &h.state().doc.workspace.staff.rows;
    assert_eq!(rows[0].period, "2021 - tertial 1");
    assert_eq!(rows[0].tjanstekop, sd("1234.5"));
    assert_eq!(rows[0].tillsvidare, sd("24.25"));
    assert_eq!(rows[0].visstid, sd("0.75"));
    assert_eq!(rows[1].period, "2021 - tertial 2, \"prognos\"");
    assert_eq!(rows[1].tjanstekop, sd("-3"));
    assert_eq!(rows[1].tillsvidare, None);
    assert_eq!(rows[1].visstid, sd("10"));
}

#[test]
fn the_window_keeps_drawing_while_a_file_dialog_is_open() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("ny.ron");
    let sender = Rc::new(RefCell::new(None));
    let chooser = LaterFiles(sender.clone());
    let mut h = Harness::builder()
        .with_size((1366.0, 900.0))
        .build_eframe(move |cc| {
            tertial::ui::install_fonts(&cc.egui_ctx);
            TertialApp::new(sample(DELARSRAPPORT_2020), None).with_file_chooser(Box::new(chooser))
        });
    h.run();
    go(&mut h, Nav::Medarbetare);
    type_cell(&mut h, "Visstid, 2020 - tertial 2", "14");
    h.key_press(Key::Enter);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    // The dialog is open on its own thread: the window still draws, says
    // why it takes no edits, and has saved nothing yet.
    h.get_by_label("En fildialog är öppen");
    for _ in 0..3 {
        h.run();
    }
    h.get_by_label("En fildialog är öppen");
    assert!(h.state().doc.is_dirty());
    assert!(!path.exists());
    // The answer comes: saved there.
    sender
        .borrow()
        .as_ref()
        .expect("a dialog was asked for")
        .send(Some(dir.path().join("ny")))
        .expect("send");
    h.run();
    assert!(h.query_by_label("En fildialog är öppen").is_none());
    assert!(!h.state().doc.is_dirty());
    assert_eq!(
        tertial::storage::load(&path)
            .expect("saved with .ron added")
            .staff
            .rows[4]
            .visstid,
        sd("14")
    );
}

#[test]
fn escape_answers_the_unsaved_changes_question_with_avbryt() {
    let mut h = harness();
    go(&mut h, Nav::Medarbetare);
    type_cell(&mut h, "Visstid, 2020 - tertial 2", "14");
    h.key_press(Key::Enter);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Spara ändringarna?");
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("Spara ändringarna?").is_none());
    // Nothing happened: the work is still there, unsaved.
    assert!(h.state().doc.is_dirty());
    assert_eq!(h.state().doc.workspace.staff.rows[4].visstid, sd("14"));
}

#[test]
fn the_view_follows_the_current_cell_sideways() {
    let mut h = harness();
    go(&mut h, Nav::Goal(0));
    let name = "Beviljad finansiering av externa projektmedel.";
    scroll_to(&mut h, &format!("Mätetal, {name}"));
    let far = format!("Beskrivning av resultat, {name}");
    assert!(
        h.query_by_label(&far).is_none(),
        "the last column starts out of view"
    );
    h.get_by_label(&format!("Mätetal, {name}")).click();
    h.run();
    h.key_press(Key::End);
    h.run();
    // Scrolled sideways to the current cell; the row label stays.
    h.get_by_label(&far);
    h.get_by_label(&format!("Mätetal, {name}"));
}

#[test]
fn copied_cells_are_tab_separated_swedish_numbers() {
    let mut h = harness();
    go(&mut h, Nav::Medarbetare);
    h.get_by_label("Tjänsteköp, 2019 - tertial 1").click();
    h.run();
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowDown);
    h.run();
    h.event(egui::Event::Copy);
    h.step();
    let copied = h
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        })
        .expect("copied to the clipboard");
    // As Excel puts it on the clipboard: tabs, CRLF after every row.
    assert_eq!(copied, "15,65\t24,60\r\n7,70\t31,35\r\n");
}

#[test]
fn tab_past_the_last_input_cell_leaves_the_table() {
    let mut h = harness();
    go(&mut h, Nav::Medarbetare);
    // The last row's footnote marker is the table's last input cell.
    h.get_by_label("Fotnotsmarkör, 2020 - tertial 2").click();
    h.run();
    assert!(h.get_by_label("Tabell: År/anställningsform").is_focused());
    h.key_press(Key::Tab);
    h.run();
    assert!(
        !h.get_by_label("Tabell: År/anställningsform").is_focused(),
        "the keyboard is not trapped in the table"
    );
    // The next widget is the table's "+ Lägg till rad", not a row header
    // or a column edge.
    assert!(
        h.get_all_by_label("Lägg till rad")
            .next()
            .expect("the staff table's add button")
            .is_focused()
    );
    assert_eq!(
        h.state().doc.workspace.staff,
        sample(DELARSRAPPORT_2020).staff
    );
}

#[test]
fn shift_click_selects_a_rectangle_that_delete_empties() {
    let mut h = harness();
    go(&mut h, Nav::Medarbetare);
    h.get_by_label("Tjänsteköp, 2019 - tertial 2").click();
    h.run();
    h.get_by_label("Tillsvidare, 2019 - tertial 3")
        .click_modifiers(Modifiers::SHIFT);
    h.run();
    h.key_press(Key::Delete);
    h.run();
    let rows = &h.state().doc.workspace.staff.rows;
    let before = sample(DELARSRAPPORT_2020).staff.rows;
    for r in 1..=2 {
        assert_eq!(rows[r].tjanstekop, None, "row {r}");
        assert_eq!(rows[r].tillsvidare, None, "row {r}");
        // Outside the rectangle: untouched.
        assert_eq!(rows[r].visstid, before[r].visstid, "row {r}");
    }
    assert_eq!(rows[0], before[0]);
    h.get_by_label_contains("4 celler tömda");
    // One step back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.workspace.staff.rows, before);
}

/// The image the last frame put on the clipboard, if any.
fn copied_image(h: &Harness<'static, TertialApp>) -> Option<egui::ColorImage> {
    h.output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyImage(image) => Some(image.clone()),
            _ => None,
        })
}

#[test]
fn kopiera_diagram_puts_the_chart_on_the_clipboard_at_the_chosen_size() {
    let mut h = harness();
    go(&mut h, Nav::Diagram);
    h.get_by_label("Kopiera diagram").click();
    h.step(); // the frame that handles the click
    let image = copied_image(&h).expect("an image on the clipboard");
    assert_eq!(image.size, [1920, 1080]);
    // The picture is the chart's: the same pixels as its PNG.
    let ws = sample(DELARSRAPPORT_2020);
    let chart = tertial::charts::chart(&ws, tertial::charts::ChartKind::NetworkAttendance);
    let rgb = tertial::charts::render_rgb(&chart, tertial::charts::ChartSize::new(1920, 1080))
        .expect("rgb");
    let at = |x: usize, y: usize| {
        let p = image.pixels[y * 1920 + x];
        [p.r(), p.g(), p.b()]
    };
    for (x, y) in [(100, 60), (960, 540), (1500, 900)] {
        let i = (y * 1920 + x) * 3;
        assert_eq!(at(x, y), [rgb[i], rgb[i + 1], rgb[i + 2]], "({x}, {y})");
    }
    h.run();
    h.get_by_label_contains("kopierades som bild (1920×1080)");

    // Another size, and Ctrl+C in the part: that size.
    h.get_by_label("Välj bildstorlek").click();
    h.run();
    h.get_by_label("1280×720 (16:9)").click();
    h.run();
    h.event(egui::Event::Copy);
    h.step();
    let image = copied_image(&h).expect("Ctrl+C copies the chart");
    assert_eq!(image.size, [1280, 720]);
    h.run();
}

#[test]
fn exportera_bildspel_writes_the_deck_and_says_where() {
    let (bytes, ws) =
        export_through_the_menu("Exportera bildspel…", "bildspel", "pptx", "Bildspelet");
    // One slide part per slide (tests/integration/pptx.rs reads it with
    // python-pptx).
    assert!(bytes.starts_with(b"PK\x03\x04"));
    let slides = tertial::export::pptx::deck::slides(&ws).len();
    assert!(zip_has(&bytes, &format!("ppt/slides/slide{slides}.xml")));
    assert!(!zip_has(
        &bytes,
        &format!("ppt/slides/slide{}.xml", slides + 1)
    ));
}

/// Viewing the survey never edits it: a file whose answer counts and
/// question values are fewer than its years (as an older or hand-edited
/// file can be) stays exactly as loaded, with no unsaved mark and no undo
/// step, however long the page is shown.
#[test]
fn viewing_a_ragged_survey_changes_nothing() {
    let mut ws = sample(DELARSRAPPORT_2020);
    ws.survey.years = vec!["2019".into(), "2020".into(), "2021".into()];
    ws.survey.respondents = vec![sd("120")];
    ws.survey.questions = vec![tertial::domain::SurveyQuestion {
        text: "Hur nöjd är du?".into(),
        total: vec![sd("50")],
        pks: vec![sd("40"), None],
    }];
    let loaded = ws.clone();
    let mut h = harness_for(ws, Rc::new(RefCell::new(None)));
    go(&mut h, Nav::Enkat);
    for _ in 0..3 {
        h.run();
    }
    assert_eq!(h.state().doc.workspace, loaded);
    assert!(!h.state().doc.is_dirty());
    assert!(!h.state().doc.can_undo());
}

/// The menus show each shortcut as egui writes it for the platform, from
/// the same constants the window reads the keys with.
#[test]
fn menu_entries_show_their_shortcuts() {
    let mut h = harness();
    h.get_by_label("Arkiv").click();
    h.run();
    for label in [
        "Ny Ctrl+N",
        "Öppna… Ctrl+O",
        "Spara Ctrl+S",
        "Spara som… Ctrl+Shift+S",
    ] {
        h.get_by_label(label);
    }
    h.key_press(Key::Escape);
    h.run();
    h.get_by_label("Redigera").click();
    h.run();
    h.get_by_label("Ångra Ctrl+Z");
    h.get_by_label("Gör om Ctrl+Y");
}

/// The command palette (Ctrl+K or Ctrl+Shift+P) lists the commands in
/// Swedish, narrows them by what is typed, and runs the one clicked or,
/// with Enter, the first that matches; Escape closes it doing nothing.
#[test]
fn the_command_palette_finds_and_runs_commands() {
    let mut h = harness();
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    h.get_by_label("Kommandon");
    // Unfiltered, it offers the file commands with their shortcuts.
    h.get_by_label("Spara som… Ctrl+Shift+S");
    h.get_by_label("Exportera Word-dokument…");
    h.get_by_label("Sök kommando").type_text("närvaro gå");
    h.run();
    assert!(h.query_by_label("Spara som… Ctrl+Shift+S").is_none());
    h.get_by_label("Gå till Närvaro").click();
    h.run();
    assert_eq!(h.state().nav, Nav::Narvaro);
    assert!(
        h.query_by_label("Kommandon").is_none(),
        "the palette closed"
    );

    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    h.run();
    h.get_by_label("Sök kommando").type_text("kontroll");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.run();
    assert_eq!(h.state().nav, Nav::Kontroll);

    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    h.get_by_label("Sök kommando").type_text("rapport");
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("Kommandon").is_none());
    assert_eq!(h.state().nav, Nav::Kontroll);
    assert!(!h.state().doc.is_dirty());
}

/// Hjälp → Om tertial shows the name, version and purpose; Stäng closes
/// the box, and so does Escape.
#[test]
fn the_about_box_opens_from_hjalp_and_closes_with_stang_or_escape() {
    let mut h = harness();
    for close_with_escape in [false, true] {
        h.get_by_label("Hjälp").click();
        h.run();
        h.get_by_label("Om tertial").click();
        h.run();
        h.get_by_label(&format!("Version {}", env!("CARGO_PKG_VERSION")));
        h.get_by_label("Uppföljningsrapporter för Kommunal utveckling Jönköpings län.");
        if close_with_escape {
            h.key_press(Key::Escape);
        } else {
            h.get_by_label("Stäng").click();
        }
        h.run();
        assert!(
            h.query_by_label("Uppföljningsrapporter för Kommunal utveckling Jönköpings län.")
                .is_none(),
            "closed (Escape: {close_with_escape})"
        );
    }
    assert!(!h.state().doc.is_dirty());
}

/// Avbryt in "Ny period från denna" closes it and leaves the open
/// workspace as it was, even after a refused period.
#[test]
fn avbryt_leaves_ny_period_fran_denna_without_a_new_workspace() {
    let mut h = harness();
    let before = h.state().doc.workspace.clone();
    h.get_by_label("Arkiv").click();
    h.run();
    h.get_by_label("Ny period från denna…").click();
    h.run();
    replace_text(&mut h, "Ny period", "våren 2021");
    h.get_by_label("Skapa").click();
    h.run();
    h.get_by_label_contains("är ingen period");
    h.get_by_label("Avbryt").click();
    h.run();
    assert!(h.query_by_label("Ny period från denna").is_none());
    assert_eq!(h.state().doc.workspace, before);
    assert!(!h.state().doc.is_dirty());
    // Opened again, it suggests the next period anew, with no old reason.
    h.get_by_label("Arkiv").click();
    h.run();
    h.get_by_label("Ny period från denna…").click();
    h.run();
    assert_eq!(
        h.get_by_label("Ny period").value().as_deref(),
        Some("tertial 1–2 2021")
    );
    assert!(h.query_by_label_contains("är ingen period").is_none());
}

/// Escape answers "Filen har ändrats på disken" as Avbryt does: nothing is
/// written, and Spara asks again.
#[test]
fn escape_answers_the_changed_on_disk_question_with_avbryt() {
    let (_dir, path, theirs, mut h) = changed_on_disk_question(None);
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("Filen har ändrats på disken").is_none());
    assert!(h.state().doc.is_dirty(), "nothing saved");
    assert_eq!(tertial::storage::load(&path).expect("load"), theirs);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("Filen har ändrats på disken");
}

#[test]
fn a_paragraph_is_added_to_a_section_and_typed_into() {
    use tertial::domain::Passage;
    let mut h = harness();
    go(&mut h, Nav::Goal(4));
    let content = |h: &Harness<'static, TertialApp>| {
        h.state().doc.workspace.goals[4].sections[0].content.clone()
    };
    let before = content(&h).len();
    h.get_all_by_label("+ Stycke")
        .next()
        .expect("the first section's add buttons")
        .click();
    h.run();
    let after = content(&h);
    assert_eq!(after.len(), before + 1);
    assert_eq!(after.last(), Some(&Passage::Paragraph(String::new())));
    let label = format!("Stycke {} i avsnitt 6.1", after.len());
    // The new field is below the fold: focus it as a screen reader would.
    h.get_by_label(&label).focus();
    h.run();
    h.get_by_label(&label).type_text("Ett nytt stycke.");
    h.run();
    assert_eq!(
        content(&h).last(),
        Some(&Passage::Paragraph("Ett nytt stycke.".into()))
    );
    assert!(h.state().doc.is_dirty());
    // The report prints it at the end of 6.1, before 6.2.
    let html = tertial::export::report::report_html(&h.state().doc.workspace).expect("html");
    let new = html.find("<p>Ett nytt stycke.</p>").expect("printed");
    let next = html.rfind("6.2</span>").expect("6.2");
    assert!(new < next);
}
