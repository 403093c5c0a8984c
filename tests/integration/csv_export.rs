//! The CSV export read back by LibreOffice Calc: every cell as written,
//! with leading and trailing spaces (which the `csv` crate's writer leaves
//! unquoted), quotes, semicolons and line breaks.

use std::process::Command;

use crate::common::*;
use tertial::domain::tables::{Cell, Row, RowKind, Table};

#[test]
fn libreoffice_reads_every_cell_as_written() {
    if std::env::var_os("TERTIAL_SKIP_OFFICE_TEST").is_some() {
        eprintln!("TERTIAL_SKIP_OFFICE_TEST is set: the LibreOffice test was left out");
        return;
    }
    let soffice = find_program(&["soffice", "libreoffice"]).expect(
        "LibreOffice Calc is needed for this test: apt-get install libreoffice-calc \
         (or set TERTIAL_SKIP_OFFICE_TEST=1)",
    );
    let texts = [
        " före",
        "efter ",
        "  båda  ",
        "a;b \"c\"",
        "två\nrader",
        "",
        "Jönköping",
    ];
    let table = Table {
        id: "celler".into(),
        title: "Celler".into(),
        headers: vec!["Namn".into(), "Anm.".into()],
        rows: texts
            .iter()
            .map(|t| Row {
                kind: RowKind::Data,
                cells: vec![Cell::text(*t), Cell::text(format!("[{t}]"))],
            })
            .collect(),
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let written = dir.path().join("celler.csv");
    tertial::export::csv::export_table(&table, &written).expect("export");
    let out = dir.path().join("ut");
    std::fs::create_dir(&out).expect("out dir");
    // Read as Swedish Excel's CSV (`;`, `"`, UTF-8), written back tab
    // separated with every text cell quoted.
    let o = Command::new(&soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.path().join("lo").display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--infilter=CSV:59,34,76,1",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):9,34,76,1,,0,true",
            "--outdir",
        ])
        .arg(&out)
        .arg(&written)
        .env_remove("DISPLAY")
        .output()
        .expect("run soffice");
    let read = std::fs::read(out.join("celler.csv")).unwrap_or_else(|e| {
        panic!(
            "LibreOffice could not convert the CSV ({e}): {}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    });
    let cells: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(false)
        .flexible(true)
        .from_reader(read.as_slice())
        .records()
        .map(|r| r.expect("record").iter().map(str::to_owned).collect())
        .collect();
    let mut expected = vec![vec!["Namn".to_owned(), "Anm.".to_owned()]];
    expected.extend(
        texts
            .iter()
            .map(|t| vec![(*t).to_owned(), format!("[{t}]")]),
    );
    assert_eq!(cells, expected);
}
