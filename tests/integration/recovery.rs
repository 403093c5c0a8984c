//! Autosave and recovery through the window (egui_kittest, headless): the
//! offer to restore work a crash left behind (Återställ / Kasta), the
//! copy written while there are unsaved changes, and its removal on save
//! and on a clean exit.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::common::*;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tertial::domain::Workspace;
use tertial::storage::recovery::RecoveryStore;
use tertial::ui::{Nav, TertialApp};

fn harness(
    ws: Workspace,
    path: Option<PathBuf>,
    store: RecoveryStore,
    interval: Duration,
) -> Harness<'static, TertialApp> {
    harness_opt(ws, path, store, Some(interval))
}

/// `interval: None` is `--autosave 0`.
fn harness_opt(
    ws: Workspace,
    path: Option<PathBuf>,
    store: RecoveryStore,
    interval: Option<Duration>,
) -> Harness<'static, TertialApp> {
    let mut h = Harness::builder()
        .with_size((1366.0, 900.0))
        .build_eframe(move |cc| {
            tertial::ui::install_fonts(&cc.egui_ctx);
            TertialApp::new(ws, path).with_recovery(&store, interval)
        });
    h.run();
    h
}

/// What a tertial that was killed leaves: a recovery copy whose lock is no
/// longer held.
fn crashed_session(store: &RecoveryStore, ws: &Workspace, file: Option<&Path>, name: &str) {
    let slot = store.open_slot().expect("slot");
    slot.write(ws, file, name, SystemTime::now())
        .expect("write copy");
    // Dropping the slot releases the lock as the process's death would;
    // the copy stays, as it does after a crash.
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn ron_files(dir: &Path) -> usize {
    files_in(dir).iter().filter(|n| n.ends_with(".ron")).count()
}

#[test]
fn work_left_by_a_crash_is_offered_and_restored() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("rapport.ron");
    let saved = sample(DELARSRAPPORT_2020);
    tertial::storage::save(&saved, &file).expect("save");
    let mut unsaved = saved.clone();
    unsaved.report.title = "Ändrad men aldrig sparad".into();
    let store = RecoveryStore::new(dir.path().join("recovery"));
    crashed_session(&store, &unsaved, Some(&file), "rapport.ron");

    let mut h = harness(
        Workspace::default(),
        None,
        store.clone(),
        Duration::from_secs(30),
    );
    assert_eq!(h.state().recovery_offers(), 1);
    h.get_by_label("Återställa osparat arbete?");
    h.get_by_label("rapport.ron");
    h.get_by_label(&file.display().to_string());
    assert!(
        h.query_by_label_contains("minut sedan").is_some(),
        "says when the copy was saved"
    );
    h.get_by_label("Återställ").click();
    h.run();

    assert_eq!(h.state().recovery_offers(), 0);
    assert!(h.query_by_label("Återställa osparat arbete?").is_none());
    let doc = &h.state().doc;
    assert_eq!(doc.workspace, unsaved);
    assert_eq!(doc.path.as_deref(), Some(file.as_path()));
    assert!(doc.is_dirty(), "restored work is unsaved");
    assert_eq!(
        tertial::storage::load(&file).expect("load"),
        saved,
        "file untouched"
    );
    // The work is now in this program's copy; the crashed one's is gone.
    let slot = h
        .state()
        .autosave
        .as_ref()
        .expect("autosave")
        .slot()
        .path()
        .to_path_buf();
    assert!(slot.exists());
    assert_eq!(ron_files(store.dir()), 1, "{:?}", files_in(store.dir()));

    // Saving writes the file and removes the copy.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert_eq!(tertial::storage::load(&file).expect("load"), unsaved);
    assert!(!h.state().doc.is_dirty());
    assert!(!slot.exists());
    assert_eq!(ron_files(store.dir()), 0, "{:?}", files_in(store.dir()));
}

#[test]
fn kasta_throws_the_copy_away_and_keeps_the_open_work() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = RecoveryStore::new(dir.path());
    let mut lost = Workspace::default();
    lost.report.title = "Bortkastad".into();
    crashed_session(&store, &lost, None, "Namnlös");
    let open = sample(DELARSRAPPORT_2020);

    let mut h = harness(open.clone(), None, store.clone(), Duration::from_secs(30));
    h.get_by_label("Återställa osparat arbete?");
    h.get_by_label("ingen (aldrig sparad)");
    h.get_by_label("Kasta").click();
    h.run();
    assert!(h.query_by_label("Återställa osparat arbete?").is_none());
    assert_eq!(h.state().doc.workspace, open);
    assert!(!h.state().doc.is_dirty());
    assert_eq!(ron_files(store.dir()), 0, "{:?}", files_in(store.dir()));
    // Nothing is offered on the next start.
    assert!(store.orphans().is_empty());
}

#[test]
fn several_copies_are_offered_one_after_the_other() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = RecoveryStore::new(dir.path());
    for title in ["Första", "Andra"] {
        let mut ws = Workspace::default();
        ws.report.title = title.into();
        crashed_session(&store, &ws, None, "Namnlös");
    }
    let mut h = harness(
        Workspace::default(),
        None,
        store.clone(),
        Duration::from_secs(30),
    );
    assert_eq!(h.state().recovery_offers(), 2);
    h.get_by_label("Kasta").click();
    h.run();
    assert_eq!(h.state().recovery_offers(), 1);
    h.get_by_label("Återställ").click();
    h.run();
    assert_eq!(h.state().recovery_offers(), 0);
    assert!(
        ["Första", "Andra"].contains(&h.state().doc.workspace.report.title.as_str()),
        "one of the two was restored"
    );
    assert_eq!(ron_files(store.dir()), 1, "only this program's own copy");
}

#[test]
fn a_broken_copy_says_why_and_can_be_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = RecoveryStore::new(dir.path());
    let broken = dir.path().join("123-456.ron");
    std::fs::write(&broken, "Recovery(format_version: 2, saved_at: 1, fi").expect("write");
    let mut h = harness(
        Workspace::default(),
        None,
        store.clone(),
        Duration::from_secs(30),
    );
    h.get_by_label("Återställningskopian kunde inte läsas");
    assert!(h.query_by_label_contains("123-456.ron").is_some());
    h.get_by_label("Behåll filen").click();
    h.run();
    assert_eq!(h.state().recovery_offers(), 0);
    assert!(broken.exists(), "kept for later");
}

#[test]
fn unsaved_work_is_copied_and_a_clean_exit_removes_the_copy() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = RecoveryStore::new(dir.path());
    let mut h = harness(
        sample(DELARSRAPPORT_2020),
        None,
        store.clone(),
        Duration::ZERO,
    );
    let slot = h
        .state()
        .autosave
        .as_ref()
        .expect("autosave")
        .slot()
        .path()
        .to_path_buf();
    assert!(!slot.exists(), "nothing unsaved yet");

    h.get_all_by_label(&Nav::Medarbetare.name(&h.state().doc.workspace))
        .next()
        .expect("nav")
        .click();
    h.run();
    // Typing into the grid's current cell replaces its value.
    h.get_by_label("Visstid, 2020 - tertial 2").click();
    h.run();
    h.get_by_label("Visstid, 2020 - tertial 2")
        .type_text("14,80");
    h.key_press(Key::Enter);
    h.run();
    assert!(h.state().doc.is_dirty());
    assert!(slot.exists(), "the unsaved work is copied");
    let text = std::fs::read_to_string(&slot).expect("copy");
    assert!(text.contains("visstid: \"14.80\""), "the copy has the edit");
    // Another tertial starting now leaves it alone: this one still runs.
    assert!(store.orphans().is_empty());

    h.state_mut().shutdown();
    assert!(!slot.exists(), "a clean exit removes the copy");
}

#[test]
fn with_autosave_off_a_restored_copy_stays_until_the_work_is_saved() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("rapport.ron");
    tertial::storage::save(&Workspace::default(), &file).expect("save");
    let mut unsaved = Workspace::default();
    unsaved.report.title = "Bara i kopian".into();
    let store = RecoveryStore::new(dir.path().join("recovery"));
    crashed_session(&store, &unsaved, Some(&file), "rapport.ron");

    let mut h = harness_opt(Workspace::default(), None, store.clone(), None);
    assert!(h.state().autosave.is_none());
    h.get_by_label("Återställ").click();
    h.run();
    assert_eq!(h.state().doc.workspace, unsaved);
    assert_eq!(
        ron_files(store.dir()),
        1,
        "no copy of its own: the old copy is the only one until saved"
    );
    // Closing unsaved keeps it for the next start.
    h.state_mut().shutdown();
    assert_eq!(ron_files(store.dir()), 1);
    drop(h); // the program ends: its lock on the copy goes

    let mut h = harness_opt(Workspace::default(), None, store.clone(), None);
    h.get_by_label("Återställ").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert_eq!(tertial::storage::load(&file).expect("load"), unsaved);
    assert_eq!(ron_files(store.dir()), 0, "saved: the copy goes");
}
