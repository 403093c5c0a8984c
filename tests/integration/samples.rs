//! Every sample loads, survives load → save → load unchanged, and saves to
//! the same bytes every time.

use crate::common::*;
use tertial::storage;

#[test]
fn the_four_seed_reports_have_samples() {
    let names: Vec<String> = all_samples()
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    for expected in [DELARSRAPPORT_2020, HELAR_2019, TERTIAL_2022, PLAN_2021] {
        assert!(
            names.iter().any(|n| n == expected),
            "{expected} missing from {names:?}"
        );
    }
}

#[test]
fn every_sample_round_trips_through_a_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    for path in all_samples() {
        let ws = storage::load(&path).unwrap_or_else(|e| panic!("{e}"));
        let out = dir.path().join("copy.ron");
        storage::save(&ws, &out).unwrap_or_else(|e| panic!("{e}"));
        let first = std::fs::read(&out).expect("read back");
        let again = storage::load(&out).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            again,
            ws,
            "{} changed on load → save → load",
            path.display()
        );
        storage::save(&again, &out).unwrap_or_else(|e| panic!("{e}"));
        let second = std::fs::read(&out).expect("read back");
        assert_eq!(
            first,
            second,
            "{} saved to different bytes twice",
            path.display()
        );
    }
}

#[test]
fn saving_leaves_no_temporary_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = sample(DELARSRAPPORT_2020);
    let out = dir.path().join("rapport.ron");
    storage::save(&ws, &out).expect("save");
    storage::save(&ws, &out).expect("save over");
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("rapport.ron")]);
}

#[test]
fn a_changed_cell_changes_few_lines() {
    let mut ws = sample(DELARSRAPPORT_2020);
    let before = storage::to_ron_string(&ws).expect("ron");
    ws.staff.rows[4].visstid = sd("14.10");
    let after = storage::to_ron_string(&ws).expect("ron");
    let changed = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .count();
    assert_eq!(before.lines().count(), after.lines().count());
    assert_eq!(changed, 1, "one cell should change one line");
}

#[test]
fn built_in_sample_is_the_2020_file() {
    assert_eq!(
        tertial::samples::built_in().expect("built in"),
        sample(DELARSRAPPORT_2020)
    );
}

#[test]
fn illustrative_attendance_is_marked_in_the_file() {
    for name in [DELARSRAPPORT_2020, HELAR_2019, TERTIAL_2022] {
        let ws = sample(name);
        if ws.attendance.groups.iter().any(|g| !g.meetings.is_empty()) {
            assert!(
                ws.data_notes.iter().any(|n| n.contains("illustrativ")),
                "{name} has registrations but does not say they are illustrative"
            );
        }
    }
}

#[test]
fn samples_have_no_check_problems() {
    use tertial::domain::check::{Severity, check};
    for path in all_samples() {
        let ws = storage::load(&path).unwrap_or_else(|e| panic!("{e}"));
        let problems: Vec<String> = check(&ws)
            .iter()
            .filter(|f| f.severity == Severity::Problem)
            .map(|f| f.to_string())
            .collect();
        assert!(problems.is_empty(), "{}: {problems:#?}", path.display());
    }
}

#[test]
fn extreme_values_never_panic() {
    use rust_decimal::Decimal;
    let mut ws = sample(DELARSRAPPORT_2020);
    for r in &mut ws.staff.rows {
        r.tjanstekop = Some(Decimal::MAX);
        r.visstid = Some(Decimal::MAX);
    }
    if let Some(b) = ws.economy.budget.as_mut() {
        for r in &mut b.rows {
            r.ingaende = Some(Decimal::MAX);
            r.erhallna = Some(Decimal::MAX);
            r.utfall = Some(Decimal::MIN);
        }
    }
    if let Some(c) = ws.economy.cost_reduction.as_mut() {
        for r in &mut c.rows {
            r.cost_external = Some(Decimal::MAX);
            r.cost_internal = Some(Decimal::MIN);
            r.participants = Some(Decimal::MAX);
        }
    }
    for p in &mut ws.courses.by_participant {
        p.count = Some(Decimal::MAX);
    }
    ws.attendance.target = Decimal::MIN;
    let findings = tertial::domain::check::check(&ws);
    assert!(tertial::domain::check::has_problems(&findings));
    let dir = tempfile::tempdir().expect("tempdir");
    let files = tertial::export::csv::export_tables(&ws, dir.path()).expect("csv");
    assert!(!files.is_empty());
    assert!(!tertial::domain::key_figures::key_figures(&ws).is_empty());
    let text = storage::to_ron_string(&ws).expect("ron");
    assert_eq!(
        storage::from_ron_str(&text, std::path::Path::new("x.ron")).expect("load"),
        ws
    );
}
