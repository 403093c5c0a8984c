//! Importing meeting registrations from Excel's CSV: both layouts bring back
//! every registration of the 2020 sample, broken rows are reported with
//! their line and reason while the good rows still come through, whole-file
//! problems name the file, and nothing changes before `apply`.

mod common;

use std::path::Path;

use common::{DELARSRAPPORT_2020, sample};
use tertial::domain::figures;
use tertial::domain::{Meeting, Municipality, Workspace};
use tertial::import::attendance::{Layout, preview, preview_file};

fn quoted(s: &str) -> String {
    if s.contains([';', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The workspace's registrations as Excel writes "one row per meeting":
/// BOM, CRLF, an `x` per municipality present, a Regionen count.
fn per_meeting_csv(ws: &Workspace) -> String {
    let mut out = String::from("\u{feff}Nätverk;Datum;Mötesform");
    for m in Municipality::ALL {
        out.push(';');
        out.push_str(m.name());
    }
    out.push_str(";Regionen\r\n");
    for g in &ws.attendance.groups {
        for m in &g.meetings {
            out.push_str(&format!("{};{};{}", quoted(&g.name), m.date, m.form.name()));
            for k in Municipality::ALL {
                out.push(';');
                if m.present.contains(&k) {
                    out.push('x');
                }
            }
            out.push_str(&format!(";{}\r\n", m.regional_present));
        }
    }
    out
}

/// The same as "one row per meeting and representative", absent
/// representatives included with Närvarande = nej.
fn per_representative_csv(ws: &Workspace) -> String {
    let mut out = String::from("Nätverk;Datum;Mötesform;Kommun;Närvarande\n");
    for g in &ws.attendance.groups {
        let members = figures::group_members(g);
        for m in &g.meetings {
            let row = |who: &str, present: bool| {
                format!(
                    "{};{};{};{who};{}\n",
                    quoted(&g.name),
                    m.date,
                    m.form.name(),
                    if present { "ja" } else { "nej" }
                )
            };
            for k in &members {
                out.push_str(&row(k.name(), m.present.contains(k)));
            }
            for i in 0..g.regional_members {
                out.push_str(&row("Regionen", i < m.regional_present));
            }
        }
    }
    out
}

fn without_meetings(ws: &Workspace) -> Workspace {
    let mut empty = ws.clone();
    for g in &mut empty.attendance.groups {
        g.meetings.clear();
    }
    empty
}

fn sorted(meetings: &[Meeting]) -> Vec<Meeting> {
    let mut m = meetings.to_vec();
    for x in &mut m {
        x.present.sort();
    }
    m.sort_by(|a, b| a.date.cmp(&b.date));
    m
}

fn assert_same_registrations(imported: &Workspace, original: &Workspace) {
    for (a, b) in imported
        .attendance
        .groups
        .iter()
        .zip(&original.attendance.groups)
    {
        assert_eq!(sorted(&a.meetings), sorted(&b.meetings), "{}", a.name);
    }
    let (fa, fb) = (
        figures::attendance(&imported.attendance),
        figures::attendance(&original.attendance),
    );
    assert_eq!(fa, fb);
}

#[test]
fn one_row_per_meeting_brings_back_every_registration() {
    let original = sample(DELARSRAPPORT_2020);
    let registered: usize = original
        .attendance
        .groups
        .iter()
        .map(|g| g.meetings.len())
        .sum();
    assert!(registered >= 70, "the sample has its 70 network meetings");
    let csv = per_meeting_csv(&original);
    let mut ws = without_meetings(&original);
    let before = ws.clone();
    let p = preview(csv.as_bytes(), &ws).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ws, before, "a preview changes nothing");
    assert_eq!(p.layout, Layout::PerMeeting);
    assert_eq!(p.problems, []);
    assert_eq!(p.meetings.len(), registered);
    assert_eq!(p.rows, registered);
    p.apply(&mut ws);
    assert_same_registrations(&ws, &original);
    // The report's figures come back: 76 %, 9 of 21 at the target.
    let f = figures::attendance(&ws.attendance);
    assert_eq!(f.all_networks.map(|v| v.round()), Some(76.into()));
    assert_eq!((f.networks_reaching_target, f.networks), (9, 21));
}

#[test]
fn one_row_per_representative_brings_back_every_registration() {
    let original = sample(DELARSRAPPORT_2020);
    let csv = per_representative_csv(&original);
    let mut ws = without_meetings(&original);
    let p = preview(csv.as_bytes(), &ws).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(p.layout, Layout::PerRepresentative);
    assert_eq!(p.problems, []);
    p.apply(&mut ws);
    assert_same_registrations(&ws, &original);
}

#[test]
fn importing_the_same_file_again_changes_nothing() {
    let original = sample(DELARSRAPPORT_2020);
    let csv = per_meeting_csv(&original);
    let mut ws = original.clone();
    let p = preview(csv.as_bytes(), &ws).unwrap_or_else(|e| panic!("{e}"));
    let changes = p.changes(&ws);
    assert!(
        changes.iter().all(|c| c.meetings == c.replaced),
        "{changes:?}"
    );
    p.apply(&mut ws);
    assert_same_registrations(&ws, &original);
}

const BROKEN: &str = "\
Nätverk;Datum;Mötesform;Kommun;Närvarande
Nätverk elevhälsa;2020-02-04;digitalt;Eksjö;ja
Nätverk elevhälsa;2020-02-04;digitalt;Habo;ja
Nätverk elevhälsa;4/2/2020;digitalt;Aneby;ja
Nätverk okänt;2020-02-04;digitalt;Aneby;ja
Nätverk elevhälsa;2020-02-04;digitalt;Stockholm;ja
Nätverk elevhälsa;2019-12-04;digitalt;Aneby;ja
Nätverk elevhälsa;2020-02-04;telefon;Aneby;ja
Nätverk elevhälsa;2020-02-04;fysiskt;Aneby;ja
Nätverk elevhälsa;2020-02-04;digitalt;Aneby;kanske
Nätverk elevhälsa;2020-02-04;digitalt;Eksjö;ja
Nätverk elevhälsa;2020-02-04;digitalt;Regionen;ja

\"Nätverk elevhälsa\";2020-03-10;Digital;\"Jönköping\";J
";

#[test]
fn broken_rows_are_reported_with_line_and_reason_and_the_rest_is_read() {
    let ws = without_meetings(&sample(DELARSRAPPORT_2020));
    let p = preview(BROKEN.as_bytes(), &ws).unwrap_or_else(|e| panic!("{e}"));
    let problems: Vec<String> = p.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        problems,
        [
            "Rad 4: datumet \"4/2/2020\" ska skrivas ÅÅÅÅ-MM-DD, till exempel 2020-01-01",
            "Rad 5: nätverket \"Nätverk okänt\" finns inte i arbetsytan",
            "Rad 6: \"Stockholm\" är ingen av länets kommuner (eller Regionen)",
            "Rad 7: datumet 2019-12-04 ligger utanför perioden 2020-01-01 – 2020-08-31",
            "Rad 8: mötesformen \"telefon\" är okänd (fysiskt, digitalt eller kombination)",
            "Rad 9: mötesformen fysiskt skiljer sig från rad 2 (digitalt) för samma träff",
            "Rad 10: Närvarande: \"kanske\" ska vara ja eller nej (eller x/1, tomt/0)",
            "Rad 11: Eksjö är redan registrerad för Nätverk elevhälsa 2020-02-04",
            "Rad 12: Nätverk elevhälsa har inga regionrepresentanter",
        ]
    );
    // Excel's CRLF line ends give the same lines.
    let crlf = BROKEN.replace('\n', "\r\n");
    let again = preview(crlf.as_bytes(), &ws).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again.problems, p.problems);
    // Rows 2, 3 and 14 are good (13 is empty): two meetings, three
    // registrations.
    assert_eq!(p.rows, 12);
    let got: Vec<(&str, Vec<Municipality>)> = p
        .meetings
        .iter()
        .map(|m| (m.meeting.date.as_str(), m.meeting.present.clone()))
        .collect();
    assert_eq!(
        got,
        [
            ("2020-02-04", vec![Municipality::Eksjo, Municipality::Habo]),
            ("2020-03-10", vec![Municipality::Jonkoping]),
        ]
    );
}

#[test]
fn a_municipality_outside_the_group_is_refused() {
    // A steering group with only some of the municipalities.
    let mut ws = sample(DELARSRAPPORT_2020);
    let g = &mut ws.attendance.groups[0];
    g.members = Municipality::ALL
        .into_iter()
        .filter(|m| *m != Municipality::Habo)
        .collect();
    let (group, outsider) = (g.name.clone(), Municipality::Habo);
    let csv = format!(
        "Nätverk;Datum;Kommun\n{};2020-03-01;{}\n",
        quoted(&group),
        outsider.name()
    );
    let p = preview(csv.as_bytes(), &ws).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        p.problems[0].to_string(),
        format!("Rad 2: {} ingår inte i {group}", outsider.name())
    );
    // Without a Mötesform column the preview says what it assumes.
    assert!(
        p.notes[0].contains("ingen kolumn Mötesform"),
        "{:?}",
        p.notes
    );
}

#[test]
fn excel_windows_1252_file_per_meeting_is_read() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/excel-ansi.csv");
    let bytes = std::fs::read(&path).expect("fixture");
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture is Windows-1252"
    );
    let ws = without_meetings(&sample(DELARSRAPPORT_2020));
    let p = preview_file(&path, &ws).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(p.layout, Layout::PerMeeting);
    let problems: Vec<String> = p.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        problems,
        ["Rad 4: Gnosjö: \"?\" ska vara x, 1 eller ja (närvarande) eller tomt, 0 eller nej"]
    );
    assert_eq!(p.meetings.len(), 2);
    let m = &p.meetings[0].meeting;
    assert_eq!(m.date, "2020-02-13");
    assert_eq!(
        m.present,
        [
            Municipality::Jonkoping,
            Municipality::Mullsjo,
            Municipality::Nassjo,
            Municipality::Savsjo,
            Municipality::Tranas,
            Municipality::Varnamo,
        ]
    );
    assert_eq!(p.meetings[1].meeting.regional_present, 0);
}

#[test]
fn files_that_cannot_be_imported_say_why() {
    let ws = sample(DELARSRAPPORT_2020);
    let err = |bytes: &[u8]| preview(bytes, &ws).expect_err("refused");
    assert_eq!(err(b""), "filen är tom");
    assert_eq!(err(b"\n \n"), "filen är tom");
    assert!(
        err("Nätverk,Datum,Kommun\n".as_bytes()).contains("rubrikraden har kommatecken"),
        "{}",
        err("Nätverk,Datum,Kommun\n".as_bytes())
    );
    assert_eq!(
        err("Nätverk;Kommun\n".as_bytes()),
        "rubrikraden saknar Datum (väntade kolumnerna Nätverk och Datum, och antingen Kommun \
         (en rad per möte och representant) eller en kolumn per kommun (en rad per möte))"
    );
    assert!(err("Nätverk;Datum;Plats\n".as_bytes()).starts_with("känner inte igen kolumnerna"));
    assert!(err("Nätverk;Datum;Kommun;Aneby\n".as_bytes()).contains("både kolumnen Kommun"),);

    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("närvaro.csv");
    let e = preview_file(&missing, &ws).expect_err("missing");
    assert_eq!(
        e.to_string(),
        format!(
            "Närvarofilen {} kunde inte läsas: filen finns inte",
            missing.display()
        )
    );
    let e = preview_file(dir.path(), &ws).expect_err("a folder");
    assert!(e.to_string().ends_with("det är en mapp, inte en fil"));
}
