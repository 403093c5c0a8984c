//! Importing meeting registrations from Excel's CSV: both layouts bring back
//! every registration of the 2020 sample, broken rows are reported with
//! their line and reason while the good rows still come through, whole-file
//! problems name the file, and nothing changes before `apply`.

use std::path::Path;

use crate::common::{DELARSRAPPORT_2020, sample};
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

/// Text as UTF-16 with its BOM, as Excel's "Unicode-text" saves it.
fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        let b = if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        };
        out.extend_from_slice(&b);
    }
    out
}

#[test]
fn excel_unicode_text_utf16_with_tabs_is_read_little_and_big_endian() {
    let original = sample(DELARSRAPPORT_2020);
    let tabbed = per_representative_csv(&original)
        .replace(';', "\t")
        .replace('\n', "\r\n");
    for big_endian in [false, true] {
        let mut ws = without_meetings(&original);
        let bytes = utf16(&tabbed, big_endian);
        let p = preview(&bytes, &ws).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(p.layout, Layout::PerRepresentative);
        assert_eq!(p.problems, [], "big endian: {big_endian}");
        p.apply(&mut ws);
        assert_same_registrations(&ws, &original);
    }
    // UTF-16 with semicolons is not what Excel writes: the message says
    // what was expected, in the encoding's terms.
    let ws = sample(DELARSRAPPORT_2020);
    let e = preview(&utf16("Nätverk;Datum;Kommun\r\n", false), &ws).expect_err("refused");
    assert!(
        e.starts_with("filen är Unicode-text (UTF-16), där fälten ska skiljas med tabbar"),
        "{e}"
    );
    assert!(e.ends_with("rubrikraden har semikolon"), "{e}");
}

#[test]
fn a_sep_line_sets_the_separator_and_is_skipped_keeping_line_numbers() {
    let ws = without_meetings(&sample(DELARSRAPPORT_2020));
    let body = "Nätverk;Datum;Kommun\nNätverk elevhälsa;2020-02-04;Eksjö\nNätverk elevhälsa;4/2/2020;Habo\n";
    for (sep_line, sep) in [("sep=;", ";"), ("SEP=,", ","), ("sep=\t", "\t")] {
        let text = format!("{sep_line}\r\n{}", body.replace(';', sep));
        let p = preview(text.as_bytes(), &ws).unwrap_or_else(|e| panic!("{sep_line:?}: {e}"));
        assert_eq!(p.meetings.len(), 1, "{sep_line:?}");
        assert_eq!(p.meetings[0].meeting.present, [Municipality::Eksjo]);
        let problems: Vec<String> = p.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            problems,
            ["Rad 4: datumet \"4/2/2020\" ska skrivas ÅÅÅÅ-MM-DD, till exempel 2020-01-01"],
            "{sep_line:?}"
        );
    }
    // A sep= line that does not match the header says so.
    let e = preview(format!("sep=,\n{body}").as_bytes(), &ws).expect_err("refused");
    assert_eq!(
        e,
        "raden sep= säger att fälten skiljs med kommatecken (,), men rubrikraden har semikolon"
    );
}

#[test]
fn decomposed_names_as_macos_writes_them_match() {
    use unicode_normalization::UnicodeNormalization;
    let original = sample(DELARSRAPPORT_2020);
    let nfd: String = per_meeting_csv(&original).nfd().collect();
    assert_ne!(
        nfd,
        per_meeting_csv(&original),
        "the text has letters to decompose"
    );
    let mut ws = without_meetings(&original);
    let p = preview(nfd.as_bytes(), &ws).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(p.problems, []);
    p.apply(&mut ws);
    assert_same_registrations(&ws, &original);
    // And a workspace whose names are decomposed matches a composed file.
    let mut ws = without_meetings(&original);
    for g in &mut ws.attendance.groups {
        g.name = g.name.nfd().collect();
    }
    let p = preview(per_meeting_csv(&original).as_bytes(), &ws).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(p.problems, []);
    assert_eq!(
        p.meetings.len(),
        original
            .attendance
            .groups
            .iter()
            .map(|g| g.meetings.len())
            .sum::<usize>()
    );
}

#[test]
fn two_rows_for_one_meeting_are_refused_with_both_lines() {
    let ws = without_meetings(&sample(DELARSRAPPORT_2020));
    let csv = "Nätverk;Datum;Aneby;Eksjö\n\
               Nätverk elevhälsa;2020-02-04;x;\n\
               Nätverk elevhälsa;2020-03-04;x;x\n\
               Nätverk elevhälsa;2020-02-04;;x\n\
               Nätverk elevhälsa;2020-02-04;x;x\n";
    let p = preview(csv.as_bytes(), &ws).unwrap_or_else(|e| panic!("{e}"));
    let problems: Vec<String> = p.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        problems,
        [
            "Rad 2: Nätverk elevhälsa 2020-02-04 finns också på rad 4; en träff ska ha en rad, \
             så ingen av raderna importeras",
            "Rad 4: Nätverk elevhälsa 2020-02-04 finns redan på rad 2; en träff ska ha en rad, \
             så ingen av raderna importeras",
            "Rad 5: Nätverk elevhälsa 2020-02-04 finns redan på rad 2; en träff ska ha en rad, \
             så ingen av raderna importeras",
        ]
    );
    let dates: Vec<&str> = p.meetings.iter().map(|m| m.meeting.date.as_str()).collect();
    assert_eq!(dates, ["2020-03-04"], "only the meeting given once");
}

#[test]
fn a_stray_byte_in_a_utf8_file_spoils_only_its_own_row() {
    let ws = without_meetings(&sample(DELARSRAPPORT_2020));
    let mut bytes = "Nätverk;Datum;Kommun\r\nNätverk elevhälsa;2020-02-04;Eksjö\r\n"
        .as_bytes()
        .to_vec();
    bytes.extend_from_slice(b"N\xe4tverk elevh\xc3\xa4lsa;2020-02-04;Habo\r\n");
    bytes.extend_from_slice("Nätverk elevhälsa;2020-02-04;Jönköping\r\n".as_bytes());
    let p = preview(&bytes, &ws).unwrap_or_else(|e| panic!("{e}"));
    // The other rows' å, ä and ö are read as UTF-8, not as Windows-1252.
    assert_eq!(p.meetings.len(), 1);
    assert_eq!(
        p.meetings[0].meeting.present,
        [Municipality::Eksjo, Municipality::Jonkoping]
    );
    let problems: Vec<String> = p.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        problems,
        ["Rad 3: nätverket \"N\u{FFFD}tverk elevhälsa\" finns inte i arbetsytan"]
    );
    assert!(
        p.notes.iter().any(|n| n
            == "Filen är UTF-8 men har tecken som inte är det (rad 3); de visas som \u{FFFD}."),
        "{:?}",
        p.notes
    );
}
