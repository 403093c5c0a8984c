//! The headless sub-commands run as a process through the built binary.

use std::path::Path;
use std::process::Output;

use crate::common::*;

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

#[test]
fn check_is_clean_for_every_sample() {
    for path in all_samples() {
        let o = tertial(&["check", path_str(&path)]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}\n{}{}",
            path.display(),
            stdout(&o),
            stderr(&o)
        );
        assert!(stdout(&o).contains(" 0 problem"), "{}", stdout(&o));
    }
    // The count line agrees with its number: the plan has one note.
    let o = tertial(&["check", path_str(&sample_path(PLAN_2021))]);
    assert!(
        stdout(&o).trim_end().ends_with(": 0 problem, 1 notering"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn check_lists_overrides_with_their_formula_values() {
    let o = tertial(&["check", path_str(&sample_path(DELARSRAPPORT_2020))]);
    let out = stdout(&o);
    assert!(out.contains("Ledning och stab"), "{out}");
    assert!(out.contains("formeln ger -937"), "{out}");
    assert!(out.contains("formeln ger -2\u{a0}302"), "{out}");
}

#[test]
fn check_fails_on_inconsistent_data() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut ws = sample(DELARSRAPPORT_2020);
    // The staff financing no longer adds up to the period's total, and a
    // survey share is over 100 %.
    ws.staff.financing.external_fte = sd("20.80");
    ws.survey.years = vec!["2020".into()];
    ws.survey.questions.push(tertial::domain::SurveyQuestion {
        text: "Fråga".into(),
        total: vec![sd("120")],
        pks: vec![],
    });
    let file = dir.path().join("fel.ron");
    tertial::storage::save(&ws, &file).expect("save");
    let o = tertial(&["check", path_str(&file)]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let out = stdout(&o);
    assert!(out.contains("Problem: Medarbetare"), "{out}");
    assert!(out.contains("46,30"), "{out}");
    assert!(out.contains("utanför 0–100 %"), "{out}");
}

#[test]
fn check_reports_an_unreadable_file_in_swedish_with_line_and_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("trasig.ron");
    std::fs::write(
        &file,
        "(\n  format_version: 1,\n  workspace: (\n    staff: (rows: [(period: 12)]),\n  ),\n)\n",
    )
    .expect("write");
    let o = tertial(&["check", path_str(&file)]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("trasig.ron"), "{err}");
    assert!(err.contains("rad 4, kolumn"), "{err}");
    let missing = tertial(&["check", path_str(&dir.path().join("finns-inte.ron"))]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("finns inte"),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn figures_prints_key_tab_value_in_swedish_format() {
    let o = tertial(&["figures", path_str(&sample_path(DELARSRAPPORT_2020))]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    for line in out.lines() {
        assert_eq!(line.split('\t').count(), 2, "not key<TAB>value: {line:?}");
    }
    let get = |key: &str| {
        out.lines()
            .find_map(|l| {
                l.split_once('\t')
                    .filter(|(k, _)| *k == key)
                    .map(|(_, v)| v.to_string())
            })
            .unwrap_or_else(|| panic!("{key} missing in\n{out}"))
    };
    let nb = |s: &str| s.replace(' ', "\u{a0}");
    assert_eq!(get("period"), "tertial 1–2 2020");
    assert_eq!(get("medarbetare.summa"), "45,30");
    assert_eq!(get("tabell1.summa.kvarvarande"), nb("105 895"));
    assert_eq!(
        get("ansokningar.beviljade_kronor"),
        nb("5 685 000") + " kronor"
    );
    assert_eq!(get("ansokningar.andel_kronor"), nb("31 %"));
    assert_eq!(get("kostnadsreducering.total"), nb("465 440") + " kronor");
    assert_eq!(get("bilaga2.jönköping"), nb("34 %"));
    assert_eq!(get("narvaro.nar_malvardet"), "9 av 21");
}

#[test]
fn export_tables_writes_excel_ready_csv() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out_dir = dir.path().join("tabeller");
    let o = tertial(&[
        "export-tables",
        path_str(&sample_path(DELARSRAPPORT_2020)),
        "--out",
        path_str(&out_dir),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let read = |name: &str| {
        let bytes = std::fs::read(out_dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(
            bytes.starts_with("\u{feff}".as_bytes()),
            "{name} lacks the BOM"
        );
        String::from_utf8(bytes).expect("utf-8")
    };
    let staff = read("medarbetare.csv");
    assert!(
        staff.contains("År/anställningsform;Tjänsteköp;Tillsvidare;Visstid;Summa\r\n"),
        "{staff}"
    );
    assert!(
        staff.contains("2020 - tertial 2;7,25;24,25;13,80;45,30\r\n"),
        "{staff}"
    );
    let budget = read("tabell-1-budgetuppfoljning.csv");
    // Tabell 1 is in tkr: the unit is in every amount column's header.
    assert!(
        budget.starts_with(
            "\u{feff};Ingående medel 2020 (tkr);Erhållna medel 2020 (tkr);Disponibla medel 2020 (tkr);"
        ),
        "{budget}"
    );
    assert!(
        budget.contains("Summa;66619;67736;134355;39287;31873;105895;81611;89000\r\n"),
        "{budget}"
    );
    assert!(
        budget.contains("Ledning och stab **;0;5723;5723;6600;6660;;;\r\n"),
        "{budget}"
    );
    let funds = read("tabell-2a-disponibla-medel.csv");
    assert!(
        funds.contains(";Tillförda medel kommunerna (kronor);"),
        "{funds}"
    );
    let shares = read("tabell-3b-finansiering-andel.csv");
    // Shares carry their % in each cell: no unit in the header.
    assert!(
        shares.starts_with("\u{feff}Finansiering av utfall;Andel utfall per verksamhetsområde;"),
        "{shares}"
    );
    assert!(
        shares.contains("Summa;100 %;42 %;42 %;16 %\r\n"),
        "{shares}"
    );
    let bilaga = read("bilaga-2-deltagare-per-kommun.csv");
    assert!(bilaga.contains("Jönköping;147;34 %\r\n"), "{bilaga}");
    assert!(bilaga.contains("Summa;438;\r\n"), "{bilaga}");
    let cost = read("kostnadsreducering.csv");
    assert!(cost.ends_with(";;;;;465440;56 %\r\n"), "{cost}");
    assert!(
        cost.contains(";Kostnadsreducering per kurs (kr);Kostnadsreducering i %\r\n"),
        "{cost}"
    );
    // Every file listed on stdout exists, one per table.
    let printed = stdout(&o);
    let listed: Vec<&str> = printed.lines().collect();
    assert!(listed.len() >= 15, "{listed:?}");
    for f in listed {
        assert!(Path::new(f).exists(), "{f}");
    }
}

#[test]
fn help_and_usage_errors() {
    let o = tertial(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    for word in ["check", "figures", "export-tables", "export-charts"] {
        assert!(stdout(&o).contains(word), "{}", stdout(&o));
    }
    let o = tertial(&["export-tables", "x.ron"]);
    assert_eq!(o.status.code(), Some(2), "missing --out is a usage error");
}

#[test]
fn export_charts_writes_every_chart_of_every_sample() {
    let dir = tempfile::tempdir().expect("tempdir");
    for path in all_samples() {
        let stem = path.file_stem().and_then(|s| s.to_str()).expect("name");
        let out_dir = dir.path().join(stem);
        let o = tertial(&[
            "export-charts",
            path_str(&path),
            "--out",
            path_str(&out_dir),
        ]);
        assert_eq!(o.status.code(), Some(0), "{stem}: {}", stderr(&o));
        let listed: Vec<String> = stdout(&o).lines().map(str::to_string).collect();
        assert_eq!(
            listed.len(),
            2 * tertial::charts::ChartKind::ALL.len(),
            "{listed:?}"
        );
        for f in &listed {
            let bytes = std::fs::read(f).unwrap_or_else(|e| panic!("{f}: {e}"));
            if f.ends_with(".png") {
                assert_eq!(png_size(&bytes), (1920, 1080), "{f}");
            } else {
                assert!(f.ends_with(".svg"), "{f}");
                let svg = String::from_utf8(bytes).expect("utf-8");
                assert!(
                    svg.starts_with("<svg width=\"1920\" height=\"1080\""),
                    "{f}"
                );
            }
        }
    }
    let ws = sample(DELARSRAPPORT_2020);
    let name = tertial::charts::file_name(
        tertial::charts::ChartKind::NetworkAttendance,
        &ws.report.period,
        tertial::charts::ChartFormat::Png,
    );
    assert_eq!(name, "narvaro-per-natverk-2020-t1-2.png");
    assert!(
        dir.path()
            .join("delarsrapport-2020-t1-2")
            .join(name)
            .exists()
    );
}

#[test]
fn export_charts_size_and_format_options() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sample = sample_path(DELARSRAPPORT_2020);
    let o = tertial(&[
        "export-charts",
        path_str(&sample),
        "--out",
        path_str(dir.path()),
        "--size",
        "1024x768",
        "--format",
        "png",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let files: Vec<String> = stdout(&o).lines().map(str::to_string).collect();
    assert_eq!(files.len(), tertial::charts::ChartKind::ALL.len());
    for f in &files {
        assert!(f.ends_with(".png"), "{f}");
        assert_eq!(png_size(&std::fs::read(f).expect("read")), (1024, 768));
    }
    // A size that is no size, and one too small: usage errors in Swedish.
    for bad in ["stor", "10x10"] {
        let o = tertial(&[
            "export-charts",
            path_str(&sample),
            "--out",
            path_str(dir.path()),
            "--size",
            bad,
        ]);
        assert_eq!(o.status.code(), Some(2), "{bad}");
        assert!(stderr(&o).contains("bredd"), "{bad}: {}", stderr(&o));
    }
    // A file that cannot be read: exit 1 and the reason.
    let o = tertial(&[
        "export-charts",
        "finns-inte.ron",
        "--out",
        path_str(dir.path()),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("finns-inte.ron"), "{}", stderr(&o));
}

#[cfg(feature = "stress")]
#[test]
fn generate_stress_writes_a_workspace_that_loads_and_checks() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("stress.ron");
    let o = tertial(&["generate-stress", "--out", path_str(&file)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o).trim(), path_str(&file));
    let ws = tertial::storage::load(&file).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ws.attendance.groups.len(), tertial::stress::GROUPS);
    assert_eq!(
        tertial::stress::registrations(&ws),
        tertial::stress::REGISTRATIONS
    );
    assert_eq!(ws, tertial::stress::stress_workspace());
    let o = tertial(&["check", path_str(&file)]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    // A folder that cannot be written to: exit 1 and a Swedish reason.
    let blocker = dir.path().join("fil");
    std::fs::write(&blocker, "x").expect("write");
    let o = tertial(&[
        "generate-stress",
        "--out",
        path_str(&blocker.join("stress.ron")),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("kunde inte sparas"), "{}", stderr(&o));
}

#[test]
fn rollover_writes_the_next_period_and_never_overwrites() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("delarsrapport-2021.ron");
    let src = sample_path(DELARSRAPPORT_2020);
    let o = tertial(&[
        "rollover",
        path_str(&src),
        "--period",
        "tertial 1–2 2021",
        "--out",
        path_str(&out),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let new = tertial::storage::load(&out).expect("the new period loads");
    assert_eq!(
        new,
        tertial::domain::rollover::rollover(
            &sample(DELARSRAPPORT_2020),
            "tertial 1-2 2021".parse().expect("period")
        )
    );
    // The old period's file and an existing file are never written over.
    for target in [&out, &src] {
        let before = std::fs::read(target).expect("read");
        let o = tertial(&[
            "rollover",
            path_str(&src),
            "--period",
            "tertial 1 2022",
            "--out",
            path_str(target),
        ]);
        assert_eq!(o.status.code(), Some(1));
        assert!(stderr(&o).contains("finns redan"), "{}", stderr(&o));
        assert_eq!(std::fs::read(target).expect("read"), before);
    }
    let o = tertial(&[
        "rollover",
        path_str(&src),
        "--period",
        "våren 2021",
        "--out",
        path_str(&dir.path().join("x.ron")),
    ]);
    assert_eq!(o.status.code(), Some(2), "clap's usage error");
    assert!(stderr(&o).contains("är ingen period"), "{}", stderr(&o));
}

#[test]
fn export_report_writes_one_html_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("rapport.html");
    let o = tertial(&[
        "export-report",
        path_str(&sample_path(DELARSRAPPORT_2020)),
        "--out",
        path_str(&out),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o).trim(), path_str(&out));
    let html = std::fs::read_to_string(&out).expect("report written");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<h1>Delårsrapport januari-augusti 2020</h1>"));
    assert!(html.contains("id=\"tabell-1-budgetuppfoljning\""));

    // A folder that does not exist: a Swedish message, exit 1, no file.
    let bad = dir.path().join("saknas").join("rapport.html");
    let o = tertial(&[
        "export-report",
        path_str(&sample_path(DELARSRAPPORT_2020)),
        "--out",
        path_str(&bad),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("Rapporten"), "{}", stderr(&o));
    assert!(!bad.exists());
}

/// Built without the window (`cargo test --no-default-features`), `tertial`
/// without a sub-command says in Swedish that the window is not built in
/// and exits 2; the headless commands still work.
#[cfg(not(feature = "gui"))]
#[test]
fn without_the_gui_feature_the_window_is_not_built_in() {
    let o = tertial(&[]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("Fönstret är inte inbyggt"),
        "{}",
        stderr(&o)
    );
    let o = tertial(&[
        "check",
        path_str(&sample_path("verksamhetsplan-2021-2023.ron")),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

/// Built without the `stress` feature, `generate-stress` says it is not
/// built in (exit 2) and writes nothing.
#[cfg(not(feature = "stress"))]
#[test]
fn without_the_stress_feature_generate_stress_is_not_built_in() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("stress.ron");
    let o = tertial(&["generate-stress", "--out", path_str(&file)]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("inte inbyggt"), "{}", stderr(&o));
    assert!(!file.exists());
}
