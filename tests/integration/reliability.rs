//! Issue #16: nothing tertial writes can hurt a file, and no input can stop
//! it. Saves through symlinks, refused special files, unguessable
//! temporaries, kept permissions, atomic no-clobber rollover, bounded
//! reads of FIFOs and devices, charts with extreme values and labels, and
//! output text made safe for XML, spreadsheets and the `figures` lines.
//! Through the library and, where the promise is the command's, the binary.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use rust_decimal::Decimal;
use tertial::charts::{ChartFormat, ChartKind, ChartSize, render_file};
use tertial::domain::*;
use tertial::storage::{self, LoadErrorKind, SaveError};

use crate::common::*;

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn titled(title: &str) -> Workspace {
    let mut ws = Workspace::default();
    ws.report.title = title.into();
    ws
}

/// Names in `dir`, sorted.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("read dir")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    names.sort();
    names
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("run mkfifo");
    assert!(status.success(), "mkfifo {}", path.display());
}

#[cfg(unix)]
fn is_fifo(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_fifo())
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).expect("metadata").permissions().mode() & 0o7777
}

// ------------------------------------------------------------------ writes

#[cfg(unix)]
#[test]
fn a_symlinked_workspace_stays_a_link_and_its_target_gets_the_new_content() {
    let synced = tempfile::tempdir().expect("synced folder");
    let desk = tempfile::tempdir().expect("desk folder");
    let target = synced.path().join("rapport.ron");
    let link = desk.path().join("rapport.ron");
    storage::save(&titled("Första"), &target).expect("first save");
    let first = fs::read(&target).expect("read");
    std::os::unix::fs::symlink(&target, &link).expect("symlink");

    storage::save(&titled("Andra"), &link).expect("save through the link");
    assert!(
        fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink(),
        "the link is still a link"
    );
    assert_eq!(
        storage::load(&target).expect("target").report.title,
        "Andra"
    );
    assert_eq!(storage::load(&link).expect("link").report.title, "Andra");
    assert_eq!(
        fs::read(synced.path().join("rapport.ron.bak")).expect("the .bak is beside the target"),
        first
    );
    assert_eq!(
        names_in(desk.path()),
        ["rapport.ron"],
        "nothing beside the link"
    );
    assert_eq!(
        names_in(synced.path()),
        ["rapport.ron", "rapport.ron.bak"],
        "no temporary left beside the target"
    );

    // A relative link, through a chain of two links, behaves the same.
    let second = desk.path().join("genväg.ron");
    std::os::unix::fs::symlink("rapport.ron", &second).expect("relative link");
    tertial::export::csv::export_table(
        &tertial::domain::tables::all_tables(&sample(DELARSRAPPORT_2020))[0],
        &second,
    )
    .expect("an export through two links");
    assert!(fs::read_to_string(&target).expect("read").contains(';'));
    assert!(
        fs::symlink_metadata(&second)
            .expect("second")
            .file_type()
            .is_symlink()
    );
}

#[cfg(unix)]
#[test]
fn a_link_planted_at_a_guessable_temporary_name_is_never_followed() {
    let dir = tempfile::tempdir().expect("shared folder");
    let private = tempfile::tempdir().expect("private folder");
    let victim = private.path().join("privat.txt");
    fs::write(&victim, "hemligt").expect("victim");
    let path = dir.path().join("rapport.ron");
    // The names earlier versions used, for this process and its neighbours.
    let pid = std::process::id();
    let planted: Vec<PathBuf> = (pid.saturating_sub(5)..pid + 5)
        .map(|p| dir.path().join(format!(".rapport.ron.{p}.tmp")))
        .collect();
    for p in &planted {
        std::os::unix::fs::symlink(&victim, p).expect("plant");
    }
    storage::save(&titled("Ett"), &path).expect("first save");
    storage::save(&titled("Två"), &path).expect("second save");
    assert_eq!(fs::read_to_string(&victim).expect("victim"), "hemligt");
    assert_eq!(storage::load(&path).expect("load").report.title, "Två");
    for p in &planted {
        assert!(
            fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink()),
            "the planted link is left as it was"
        );
    }
    // A link planted at the .bak name is replaced, not written through.
    let bak = storage::backup_path(&path);
    fs::remove_file(&bak).expect("remove bak");
    std::os::unix::fs::symlink(&victim, &bak).expect("plant at .bak");
    storage::save(&titled("Tre"), &path).expect("third save");
    assert_eq!(fs::read_to_string(&victim).expect("victim"), "hemligt");
    assert!(
        !fs::symlink_metadata(&bak)
            .expect("bak")
            .file_type()
            .is_symlink()
    );
    assert_eq!(storage::load(&bak).expect("bak").report.title, "Två");
}

#[cfg(unix)]
#[test]
fn a_private_file_stays_private_and_so_does_its_bak() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("rapport.ron");
    storage::save(&titled("Ett"), &path).expect("first save");
    // A new file gets the usual mode (0666 less the umask, as Linux tells
    // it), not the owner-only mode of a temporary.
    if let Some(umask) = fs::read_to_string("/proc/self/status").ok().and_then(|s| {
        let line = s.lines().find(|l| l.starts_with("Umask:"))?.to_string();
        u32::from_str_radix(line.trim_start_matches("Umask:").trim(), 8).ok()
    }) {
        assert_eq!(mode(&path), 0o666 & !umask, "umask {umask:o}");
    }
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).expect("chmod");
    storage::save(&titled("Två"), &path).expect("second save");
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(&storage::backup_path(&path)), 0o600);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).expect("chmod");
    tertial::export::report::export_report(&titled("Tre"), &path).expect("export over it");
    assert_eq!(mode(&path), 0o640, "exports keep the mode too");
}

#[cfg(unix)]
#[test]
fn a_file_keeps_its_owner_where_the_saver_may_give_it() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("rapport.ron");
    storage::save(&titled("Ett"), &path).expect("first save");
    let mine = fs::metadata(&path).expect("metadata");
    // Only root may give a file away; anyone else keeps it as it is.
    let (uid, gid) = match std::os::unix::fs::chown(&path, Some(65534), Some(65534)) {
        Ok(()) => (65534, 65534),
        Err(_) => (mine.uid(), mine.gid()),
    };
    storage::save(&titled("Två"), &path).expect("second save");
    let after = fs::metadata(&path).expect("metadata");
    assert_eq!((after.uid(), after.gid()), (uid, gid), "the file's owner");
    let bak = fs::metadata(storage::backup_path(&path)).expect("bak");
    assert_eq!((bak.uid(), bak.gid()), (uid, gid), "the .bak's owner");
}

#[test]
fn a_folder_is_never_replaced_by_a_save() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("rapport.ron");
    fs::create_dir(&folder).expect("folder");
    fs::write(folder.join("inuti.txt"), "kvar").expect("inside");
    let e = storage::save(&Workspace::default(), &folder).expect_err("a folder");
    assert!(matches!(e, SaveError::NotRegular { .. }), "{e:?}");
    assert!(
        e.to_string().contains("är en mapp, inte en vanlig fil"),
        "{e}"
    );
    assert_eq!(
        fs::read_to_string(folder.join("inuti.txt")).expect("inside"),
        "kvar"
    );
}

#[cfg(unix)]
#[test]
fn fifos_and_devices_given_as_out_are_refused_and_left_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("rapport.html");
    mkfifo(&fifo);
    let src = sample_path(DELARSRAPPORT_2020);
    let o = tertial(&["export-report", path_str(&src), "--out", path_str(&fifo)]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("en namngiven rörledning (FIFO), inte en vanlig fil"),
        "{}",
        stderr(&o)
    );
    assert!(is_fifo(&fifo), "the FIFO is still a FIFO");

    // A link to a device: followed, and the device refused (were the link
    // replaced instead, the device would still be safe).
    // A workspace (generate-stress, where the stress workspace is built
    // in) and an export both refuse it.
    let null = dir.path().join("null.ron");
    std::os::unix::fs::symlink("/dev/null", &null).expect("link to /dev/null");
    let src_text = path_str(&src).to_string();
    let mut writers = vec![vec!["export-xlsx", src_text.as_str(), "--out"]];
    if cfg!(feature = "stress") {
        writers.push(vec!["generate-stress", "--out"]);
    }
    for mut args in writers {
        args.push(path_str(&null));
        let o = tertial(&args);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains("en enhetsfil"), "{}", stderr(&o));
        assert!(
            fs::symlink_metadata(&null)
                .expect("link")
                .file_type()
                .is_symlink()
        );
    }
    let e = storage::save(&Workspace::default(), &fifo).expect_err("fifo");
    assert!(matches!(e, SaveError::NotRegular { .. }), "{e:?}");
}

#[test]
fn names_of_up_to_255_bytes_save_with_their_bak() {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in [
        format!("{}.ron", "a".repeat(241)),
        format!("{}.ron", "a".repeat(251)),
        // Two-byte letters: the .bak's name is cut at a letter boundary.
        format!("{}x.ron", "å".repeat(125)),
    ] {
        assert!(name.len() >= 245 && name.len() <= 255, "{}", name.len());
        let path = dir.path().join(&name);
        storage::save(&titled("Ett"), &path).expect("first save");
        storage::save(&titled("Två"), &path).expect("second save, with .bak");
        assert_eq!(storage::load(&path).expect("load").report.title, "Två");
        let bak = storage::backup_path(&path);
        assert!(bak.file_name().expect("name").len() <= 255);
        assert_eq!(storage::load(&bak).expect("bak").report.title, "Ett");
    }
}

#[test]
fn only_stale_temporaries_are_cleared() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("rapport.ron");
    let stale = dir.path().join(".tertial-AbC123.tmp");
    let fresh = dir.path().join(".tertial-XyZ789.tmp");
    let not_ours = dir.path().join(".tertial-anteckning.tmp");
    for p in [&stale, &fresh, &not_ours] {
        fs::write(p, "halv").expect("write");
    }
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for p in [&stale, &not_ours] {
        fs::File::options()
            .write(true)
            .open(p)
            .and_then(|f| f.set_modified(hour_ago))
            .expect("age");
    }
    storage::save(&Workspace::default(), &path).expect("save");
    assert!(!stale.exists(), "an old temporary goes");
    assert!(fresh.exists(), "a save in progress is not disturbed");
    assert!(not_ours.exists(), "a name not of our pattern stays");
}

#[test]
fn fifty_rollovers_to_one_path_at_once_leave_one_output_and_49_refusals() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("nasta.ron");
    let src = sample_path(DELARSRAPPORT_2020);
    let start = std::sync::Barrier::new(50);
    let outputs: Vec<Output> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..50)
            .map(|_| {
                s.spawn(|| {
                    start.wait();
                    tertial(&[
                        "rollover",
                        path_str(&src),
                        "--period",
                        "tertial 1 2021",
                        "--out",
                        path_str(&out),
                    ])
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("thread"))
            .collect()
    });
    let ok = outputs
        .iter()
        .filter(|o| o.status.code() == Some(0))
        .count();
    let refused: Vec<&Output> = outputs
        .iter()
        .filter(|o| o.status.code() == Some(1))
        .collect();
    assert_eq!(ok, 1, "exactly one rollover writes");
    assert_eq!(refused.len(), 49);
    for o in refused {
        assert!(
            stderr(o).contains("finns redan; välj ett annat namn"),
            "{}",
            stderr(o)
        );
    }
    assert_eq!(
        names_in(dir.path()),
        ["nasta.ron"],
        "one output, nothing else"
    );
    let written = storage::load(&out).expect("the output loads");
    assert_eq!(
        written,
        rollover::rollover(
            &sample(DELARSRAPPORT_2020),
            "tertial 1 2021".parse().expect("period")
        )
    );
}

#[test]
fn save_new_never_writes_over_a_file_or_a_link() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("ny.ron");
    fs::write(&path, "gammal").expect("write");
    let e = storage::save_new(&Workspace::default(), &path).expect_err("exists");
    assert!(matches!(e, SaveError::Exists { .. }), "{e:?}");
    assert!(e.to_string().contains("finns redan"), "{e}");
    assert_eq!(fs::read_to_string(&path).expect("read"), "gammal");
    #[cfg(unix)]
    {
        let dangling = dir.path().join("länk.ron");
        std::os::unix::fs::symlink(dir.path().join("saknas.ron"), &dangling).expect("link");
        let e = storage::save_new(&Workspace::default(), &dangling).expect_err("a link");
        assert!(matches!(e, SaveError::Exists { .. }), "{e:?}");
        assert!(!dir.path().join("saknas.ron").exists());
    }
    assert_eq!(
        names_in(dir.path()).len(),
        if cfg!(unix) { 2 } else { 1 },
        "no temporary left"
    );
}

// ------------------------------------------------------------------- reads

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_everywhere_a_file_is_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("rapport.ron");
    mkfifo(&fifo);
    // No writer ever opens the FIFO: a read that waited would never return.
    let e = storage::load(&fifo).expect_err("fifo");
    assert!(matches!(e.kind, LoadErrorKind::NotRegular { .. }), "{e:?}");
    assert!(
        e.to_string()
            .contains("är en namngiven rörledning (FIFO), inte en vanlig fil"),
        "{e}"
    );
    assert_eq!(storage::DiskStamp::of(&fifo), None);
    let e = tertial::import::attendance::preview_file(&fifo, &Workspace::default())
        .expect_err("import of a fifo");
    assert!(e.to_string().contains("inte en vanlig fil"), "{e}");

    let o = tertial(&["check", path_str(&fifo)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("namngiven rörledning"),
        "{}",
        stderr(&o)
    );

    // A recovery copy that is a FIFO is offered with the reason, not read.
    let store = storage::recovery::RecoveryStore::new(dir.path().join("recovery"));
    fs::create_dir_all(store.dir()).expect("recovery dir");
    mkfifo(&store.dir().join("4242-1.ron"));
    let orphans = store.orphans();
    assert_eq!(orphans.len(), 1);
    let reason = orphans[0].content.as_ref().expect_err("not read");
    assert!(reason.contains("inte en vanlig fil"), "{reason}");
}

#[cfg(unix)]
#[test]
fn an_endless_device_is_refused_not_read() {
    let zero = Path::new("/dev/zero");
    let e = storage::load(zero).expect_err("/dev/zero");
    assert!(
        e.to_string()
            .contains("är en enhetsfil, inte en vanlig fil"),
        "{e}"
    );
    assert_eq!(storage::DiskStamp::of(zero), None);
    assert!(tertial::import::attendance::preview_file(zero, &Workspace::default()).is_err());
    let o = tertial(&["figures", "/dev/zero"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("enhetsfil"), "{}", stderr(&o));
}

#[test]
fn a_file_larger_than_the_limit_is_refused_by_its_size() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("stor.ron");
    let f = fs::File::create(&path).expect("create");
    f.set_len(storage::MAX_FILE_SIZE + 1).expect("sparse file");
    drop(f);
    let e = storage::load(&path).expect_err("too large");
    assert!(matches!(e.kind, LoadErrorKind::TooLarge { .. }), "{e:?}");
    assert!(e.to_string().contains("är för stor"), "{e}");
}

// ------------------------------------------------------------------ charts

fn every_chart_in_both_formats(ws: &Workspace) -> Vec<(ChartKind, ChartFormat, Vec<u8>)> {
    let size = ChartSize::new(800, 450);
    let mut out = Vec::new();
    for kind in ChartKind::ALL {
        for format in ChartFormat::ALL {
            let bytes = render_file(ws, kind, size, format)
                .unwrap_or_else(|e| panic!("{kind:?} as {format:?}: {e}"));
            out.push((kind, format, bytes));
        }
    }
    out
}

fn assert_svg_is_xml(kind: ChartKind, bytes: &[u8]) {
    let text = std::str::from_utf8(bytes).expect("SVG is UTF-8");
    if let Err(e) = roxmltree::Document::parse(text) {
        panic!("{kind:?}: the SVG is not XML: {e}");
    }
}

#[test]
fn values_near_the_decimal_limit_draw_without_panic() {
    let huge: Decimal = "70000000000000000000000000000".parse().expect("7·10²⁸");
    let mut ws = sample(DELARSRAPPORT_2020);
    for row in &mut ws.staff.rows {
        // Three parts of 7·10²⁸: their stacked sum saturates.
        row.tjanstekop = Some(huge);
        row.tillsvidare = Some(huge);
        row.visstid = Some(huge);
    }
    for p in &mut ws.courses.periods {
        p.courses = Some(huge);
        p.participants = Some(Decimal::MAX);
    }
    for a in &mut ws.courses.by_participant {
        a.count = Some(huge);
    }
    for (kind, format, bytes) in every_chart_in_both_formats(&ws) {
        assert!(!bytes.is_empty(), "{kind:?} {format:?}");
        if format == ChartFormat::Svg {
            assert_svg_is_xml(kind, &bytes);
        }
    }
    let html = tertial::export::report::report_html(&ws).expect("the report");
    assert!(html.contains("<svg"));
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("diagram");
    let src = dir.path().join("stor.ron");
    storage::save(&ws, &src).expect("save");
    let o = tertial(&["export-charts", path_str(&src), "--out", path_str(&out)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn a_label_of_a_megabyte_draws_without_hanging() {
    let words = "Kommunaldirektörsnätverket ".repeat(1024 * 1024 / 27);
    let one_word = "x".repeat(1024 * 1024);
    let mut ws = Workspace::default();
    ws.attendance.groups = [words.as_str(), one_word.as_str(), "Kort"]
        .into_iter()
        .map(|name| AttendanceGroup {
            name: name.into(),
            kind: GroupKind::Natverk,
            meetings: vec![Meeting {
                date: "2020-03-01".into(),
                present: Municipality::ALL.to_vec(),
                ..Meeting::default()
            }],
            ..AttendanceGroup::default()
        })
        .collect();
    let size = ChartSize::new(1920, 1080);
    for format in ChartFormat::ALL {
        let bytes = render_file(&ws, ChartKind::NetworkAttendance, size, format).expect("rendered");
        if format == ChartFormat::Svg {
            assert_svg_is_xml(ChartKind::NetworkAttendance, &bytes);
            let svg = String::from_utf8(bytes).expect("utf-8");
            assert!(svg.contains("Kort"), "the short name is drawn whole");
            assert!(svg.contains("Kommunaldirektörsnätverket"));
        }
    }
}

// ---------------------------------------------------------- output text

#[test]
fn a_vertical_tab_in_a_name_leaves_every_svg_and_the_report_valid() {
    let mut ws = sample(DELARSRAPPORT_2020);
    for g in &mut ws.attendance.groups {
        g.name = format!("Rad ett\u{0B}rad två\u{1}\u{FFFF} {}", g.name);
    }
    ws.report.title = "Rapport\u{0B}med vertikal tabb".into();
    ws.survey.years = ws
        .survey
        .years
        .iter()
        .map(|y| format!("{y}\u{0B}"))
        .collect();
    for (kind, format, bytes) in every_chart_in_both_formats(&ws) {
        if format == ChartFormat::Svg {
            assert_svg_is_xml(kind, &bytes);
            let svg = String::from_utf8(bytes).expect("utf-8");
            assert!(!svg.contains('\u{0B}'), "{kind:?}");
        }
    }
    let html = tertial::export::report::report_html(&ws).expect("report");
    assert!(
        !html.contains(['\u{0B}', '\u{1}', '\u{FFFF}']),
        "no control character in the HTML"
    );
    assert!(html.contains("Rad ett rad två"), "replaced by a space");
}

#[test]
fn csv_cells_that_look_like_formulas_are_text_and_numbers_stay_numbers() {
    let mut ws = sample(DELARSRAPPORT_2020);
    ws.attendance.groups[0].name = "=HYPERLINK(\"http://exempel.se\";\"klicka\")".into();
    ws.attendance.groups[1].name = "=1+1".into();
    ws.attendance.groups[2].name = "@SUMMA(A1)".into();
    ws.attendance.groups[3].name = "-rubrik".into();
    let dir = tempfile::tempdir().expect("tempdir");
    let files = tertial::export::csv::export_tables(&ws, dir.path()).expect("export the tables");
    let mut checked = 0;
    let mut names_seen = false;
    for path in files {
        let text = fs::read_to_string(&path).expect("read");
        let mut reader = ::csv::ReaderBuilder::new()
            .delimiter(b';')
            .has_headers(false)
            .flexible(true)
            .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        for record in reader.records() {
            let record = record.expect("a CSV record");
            for field in record.iter() {
                if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                    assert!(
                        signed_number(field),
                        "{}: a formula-like field {field:?}",
                        path.display()
                    );
                    checked += 1;
                }
            }
        }
        if text.contains("=1+1") {
            names_seen = true;
            assert!(text.contains("'=1+1"), "{}", path.display());
            assert!(text.contains("'@SUMMA(A1)"));
            assert!(text.contains("'-rubrik"));
            assert!(text.contains("\"'=HYPERLINK(\"\"http://exempel.se\"\";\"\"klicka\"\")\""));
        }
    }
    assert!(names_seen, "a table lists the groups");
    assert!(
        checked > 0,
        "the sample has signed numbers, kept as numbers"
    );
}

/// "-12,5", "+30 %", "-3 kronor": a signed number Excel reads as one.
fn signed_number(field: &str) -> bool {
    let (number, unit) = field.split_once(' ').unwrap_or((field, ""));
    let digits = &number[1..];
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == ',')
        && digits.starts_with(|c: char| c.is_ascii_digit())
        && unit
            .chars()
            .all(|c| c.is_alphabetic() || c == '%' || c == ' ')
}

#[test]
fn a_survey_year_label_cannot_forge_figures_lines() {
    let mut ws = sample(HELAR_2019);
    let years = ws.survey.years.len();
    assert!(years > 0, "the sample has survey years");
    ws.survey.years[0] = "2017\nnarvaro.natverk\t999".into();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("forfalskad.ron");
    storage::save(&ws, &path).expect("save");
    let o = tertial(&["figures", path_str(&path)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).expect("utf-8");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines.len(),
        tertial::domain::key_figures::key_figures(&ws).len(),
        "one line per figure"
    );
    for line in &lines {
        assert_eq!(line.matches('\t').count(), 1, "{line:?}");
    }
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.starts_with("narvaro.natverk\t"))
            .count(),
        1,
        "no forged figure"
    );
    assert!(
        out.contains("enkat.svar.2017\\nnarvaro.natverk\\t999\t"),
        "{out}"
    );
}

#[test]
fn a_group_name_cannot_forge_check_lines() {
    let mut ws = Workspace::default();
    ws.attendance.groups.push(AttendanceGroup {
        name: "Nätverk X\nProblem: Rapport – Period: förfalskad\u{b}".into(),
        ..AttendanceGroup::default()
    });
    let found = tertial::domain::check::check(&ws);
    assert_eq!(found.len(), 1, "{found:#?}");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("grupp.ron");
    storage::save(&ws, &path).expect("save");
    let o = tertial(&["check", path_str(&path)]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).expect("utf-8");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "one finding and the summary: {out}");
    assert!(
        lines[0].starts_with(
            "Problem: Närvaro – Nätverk X\\nProblem: Rapport – Period: förfalskad\\u{B}: "
        ),
        "{out}"
    );
    assert!(!lines.iter().any(|l| l.starts_with("Problem: Rapport")));
}

/// A failed save or export keeps the system's error as its
/// `std::error::Error::source` (issue #18), under the Swedish message.
#[test]
fn write_errors_keep_the_system_error_as_their_source() {
    use std::error::Error;

    fn io_source(e: &dyn Error) -> &std::io::Error {
        e.source()
            .and_then(|s| s.downcast_ref::<std::io::Error>())
            .unwrap_or_else(|| panic!("no io::Error source behind \"{e}\""))
    }

    let dir = tempfile::tempdir().expect("tempdir");
    // A file where a folder is expected: every write below fails.
    let blocker = dir.path().join("fil");
    std::fs::write(&blocker, "x").expect("write");
    let ws = tertial::samples::built_in().expect("built-in sample");

    let e = tertial::storage::save(&ws, &blocker.join("a.ron")).expect_err("save fails");
    io_source(&e);
    let e = tertial::export::report::export_report(&ws, &blocker.join("r.html"))
        .expect_err("report fails");
    assert!(e.to_string().contains("kunde inte sparas"), "{e}");
    io_source(&e);
    let e = tertial::export::xlsx::export_workbook(&ws, &blocker.join("t.xlsx"))
        .expect_err("workbook fails");
    io_source(&e);
    let e = tertial::export::charts::export_all(
        &ws,
        &blocker.join("bilder"),
        ChartSize::new(1280, 720),
        &[ChartFormat::Svg],
    )
    .expect_err("charts fail");
    io_source(&e);
    let e = tertial::export::charts::export_chart(
        &ws,
        ChartKind::ALL[0],
        ChartSize::new(1280, 720),
        ChartFormat::Svg,
        &blocker.join("a.svg"),
    )
    .expect_err("chart fails");
    io_source(&e);
}
