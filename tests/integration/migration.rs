//! Format migration: a real file written in format version 1 (by tertial
//! 0.1, before the region groups' range became two percentages) loads as
//! the same workspace as the same report written in format version 3, and
//! is saved in the current format.

use std::path::Path;

use rust_decimal::Decimal;
use tertial::storage::{self, FORMAT_VERSION};

const V1_FIXTURE: &str = "tests/fixtures/format-v1/delarsrapport-2020-t1-2.ron";
const V3_FIXTURE: &str = "tests/fixtures/format-v3/delarsrapport-2020-t1-2.ron";

#[test]
fn a_version_1_file_is_migrated_to_the_current_model() {
    let old = storage::read(Path::new(V1_FIXTURE)).expect("version 1 file loads");
    assert_eq!(old.format_version, 1);
    assert!(old.was_migrated());
    let text = std::fs::read_to_string(V1_FIXTURE).expect("fixture");
    assert!(text.contains("format_version: 1,"), "fixture is version 1");
    assert!(
        text.contains("region_groups: \"64-83 %\""),
        "fixture has the v1 field"
    );

    let h = &old.workspace.attendance.earlier;
    assert_eq!(h.len(), 2);
    assert_eq!(
        h[0].region_groups_range(),
        Some((Decimal::from(64), Decimal::from(83)))
    );
    assert_eq!(
        h[1].region_groups_range(),
        Some((Decimal::from(67), Decimal::from(83)))
    );
    assert!(
        old.workspace
            .data_notes
            .iter()
            .all(|n| !n.contains("uppgraderades"))
    );

    // The same report written in format version 3 (the 2020 sample as it
    // was before it held the whole Delårsrapport) reads as the same
    // workspace, apart from what version 3 added.
    let v3 = storage::read(Path::new(V3_FIXTURE)).expect("version 3 file loads");
    assert_eq!(v3.format_version, 3);
    assert!(v3.was_migrated());
    // Version 3 added whether a free text's heading is numbered and
    // whether the registrations are illustrative; version 1 knew neither,
    // and the version-3 file marks two texts unnumbered, as the seed
    // prints them, and its registrations illustrative. Apart from that:
    // the same.
    let mut numbered = v3.workspace.clone();
    assert!(numbered.attendance.illustrative);
    numbered.attendance.illustrative = false;
    let mut changed = 0;
    for t in &mut numbered.texts {
        if t.heading != tertial::domain::TextHeading::Numbered {
            t.heading = tertial::domain::TextHeading::Numbered;
            changed += 1;
        }
    }
    assert_eq!(changed, 2);
    assert_eq!(old.workspace, numbered);
}

#[test]
fn the_current_samples_are_in_the_current_format() {
    let samples = crate::common::all_samples();
    assert_eq!(samples.len(), 4);
    for path in samples {
        let current = storage::read(&path).expect("sample");
        assert_eq!(current.format_version, FORMAT_VERSION, "{}", path.display());
        assert!(!current.was_migrated(), "{}", path.display());
    }
}

#[test]
fn a_migrated_file_is_saved_in_the_current_format_and_the_old_one_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("rapport.ron");
    std::fs::copy(V1_FIXTURE, &path).expect("copy");
    let old = storage::read(&path).expect("load");
    storage::save(&old.workspace, &path).expect("save");
    let new = storage::read(&path).expect("reload");
    assert_eq!(new.format_version, FORMAT_VERSION);
    assert_eq!(new.workspace, old.workspace);
    let bak = std::fs::read_to_string(storage::backup_path(&path)).expect(".bak");
    assert!(
        bak.contains("format_version: 1,"),
        "the version 1 file is kept as .bak"
    );
}

#[test]
fn the_printed_history_table_is_unchanged_by_the_migration() {
    let old = storage::load(Path::new(V1_FIXTURE)).expect("load");
    let table = tertial::domain::tables::attendance_history_table(&old.attendance);
    let last_column: Vec<String> = table
        .rows
        .iter()
        .filter_map(|r| r.cells.last().map(|c| c.display()))
        .collect();
    assert_eq!(
        last_column[..2],
        ["64–83\u{a0}%".to_string(), "67–83\u{a0}%".to_string()]
    );
}
