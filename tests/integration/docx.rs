//! The Word document (`export-docx`, Arkiv → Exportera Word-dokument…)
//! read back by python-docx, a reader that is not tertial's
//! (tests/docx_dump.py; `.ci/run` installs it), and printed to PDF by
//! LibreOffice Writer: the headings in Word's heading styles in the
//! layout's order (the HTML report's), every table cell as tertial prints
//! it, every chart a picture with alternative text, Swedish as the
//! language, page numbers, and a failed export that leaves nothing behind.

use std::io::Read as _;
use std::path::Path;
use std::process::Command;

use crate::common::*;
use serde_json::Value as Json;
use tertial::charts;
use tertial::domain::tables::Value;
use tertial::export::layout::{Block, layout};

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// Writes the Word document of `file` with the CLI into `dir`.
fn export(file: &Path, dir: &Path) -> std::path::PathBuf {
    let out = dir.join(format!(
        "{}.docx",
        file.file_stem()
            .map(|s| s.to_string_lossy())
            .unwrap_or_default()
    ));
    let o = tertial(&["export-docx", path_str(file), "--out", path_str(&out)]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout).trim(), path_str(&out));
    out
}

/// The document at `path` as python-docx reads it. Fails, saying how to
/// install it, when python-docx is missing.
fn read_document(path: &Path) -> Json {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/docx_dump.py");
    let o = Command::new("python3")
        .arg(&script)
        .arg(path)
        .output()
        .unwrap_or_else(|e| {
            panic!("python3 kunde inte startas ({e}): installera Python 3 och python-docx (`python3 -m pip install python-docx`)")
        });
    assert!(
        o.status.success(),
        "python-docx could not read {}: {}",
        path.display(),
        text(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).expect("JSON from docx_dump.py")
}

fn s(v: &Json) -> String {
    v.as_str().unwrap_or_default().to_string()
}

/// Paragraphs of the given styles, their text with tabs as spaces.
fn styled(doc: &Json, styles: &[&str]) -> Vec<String> {
    doc["paragraphs"]
        .as_array()
        .expect("paragraphs")
        .iter()
        .filter(|p| styles.contains(&s(&p["style"]).as_str()))
        .map(|p| normalise(&s(&p["text"])))
        .collect()
}

/// Checks one sample's document against its layout; returns how many
/// table cells were compared.
fn check_against_layout(file: &Path, doc: &Json) -> usize {
    let ws = tertial::storage::load(file).unwrap_or_else(|e| panic!("{e}"));
    let layout = layout(&ws);
    let label = file.display();

    // Headings: every chapter and section of the layout (so of the HTML
    // report's contents), in order, in Word's heading styles.
    let contents: Vec<String> = layout
        .contents()
        .iter()
        .map(|e| normalise(&e.heading.text()))
        .collect();
    assert_eq!(
        styled(doc, &["Heading 1", "Heading 2"]),
        contents,
        "{label}"
    );
    // The contents list the same, before Word fills in the page numbers.
    assert_eq!(styled(doc, &["toc 1", "toc 2"]), contents, "{label}");
    assert_eq!(doc["outline_levels"]["Heading 1"], 0);
    assert_eq!(doc["outline_levels"]["Heading 2"], 1);

    // Tables: each as tertial prints it, numbers right-aligned, the header
    // row repeated on every page.
    let tables: Vec<_> = layout
        .chapters
        .iter()
        .flat_map(|c| &c.blocks)
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect();
    let read = doc["tables"].as_array().expect("tables");
    assert_eq!(read.len(), tables.len(), "{label}: table count");
    let mut cells = 0;
    for (t, r) in tables.iter().zip(read) {
        assert_eq!(r["header_repeats"], true, "{label}: {}", t.title);
        let rows = r["rows"].as_array().expect("rows");
        let aligns = r["aligns"].as_array().expect("aligns");
        assert_eq!(rows.len(), t.rows.len() + 1, "{label}: {}", t.title);
        for (i, h) in t.headers.iter().enumerate() {
            assert_eq!(s(&rows[0][i]), *h, "{label}: {}", t.title);
        }
        for (ri, row) in t.rows.iter().enumerate() {
            for (ci, cell) in row.cells.iter().enumerate() {
                assert_eq!(
                    s(&rows[ri + 1][ci]),
                    cell.display(),
                    "{label}: {} row {ri} column {ci}",
                    t.title
                );
                if matches!(cell.value, Value::Number(..)) {
                    assert_eq!(s(&aligns[ri + 1][ci]), "right", "{label}: {}", t.title);
                }
                cells += 1;
            }
        }
    }

    // Charts: each a PNG at print resolution with its title and every
    // value as alternative text.
    let kinds: Vec<_> = layout.charts().collect();
    let pictures = doc["pictures"].as_array().expect("pictures");
    assert_eq!(pictures.len(), kinds.len(), "{label}: picture count");
    for (kind, p) in kinds.iter().zip(pictures) {
        let chart = charts::chart(&ws, *kind);
        let descr = s(&p["descr"]);
        assert!(descr.starts_with(&chart.title), "{label}: {descr}");
        assert!(descr.contains(&charts::describe(&chart)), "{label}");
        assert_eq!(p["px"][0], 1800, "{label}");
        assert_eq!(s(&p["type"]), "image/png");
        // As wide as the text (17 cm) or, for a tall chart, less.
        assert!(p["cx"].as_i64().unwrap_or(0) <= 6_120_130, "{label}");
    }

    // Swedish, page numbers, the contents updated on open.
    assert_eq!(s(&doc["language"]), "sv-SE", "{label}");
    assert_eq!(s(&doc["core"]["language"]), "sv-SE", "{label}");
    assert_eq!(doc["update"], true, "{label}");
    assert_eq!(doc["footer"], serde_json::json!([" PAGE "]), "{label}");
    assert_eq!(doc["title_page"], true, "{label}");
    cells
}

#[test]
fn every_sample_document_reads_back_in_python_docx() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut cells = 0;
    for file in all_samples() {
        let out = export(&file, dir.path());
        cells += check_against_layout(&file, &read_document(&out));
    }
    assert!(cells > 1000, "only {cells} cells compared");
}

#[test]
fn the_2020_document_has_the_delarsrapports_chapters_and_figures() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = export(&sample_path(DELARSRAPPORT_2020), dir.path());
    let doc = read_document(&out);
    assert_eq!(
        styled(&doc, &["Heading 1"]),
        [
            "1 Inledning",
            "2 Vår verksamhet ska leda till en ändamålsenlig och kostnadseffektiv verksamhet för länets kommuner",
            "3 Vi har ett starkt och jämbördigt partnerskap med aktiva ägare",
            "4 I vår verksamhet är medborgarnas erfarenhet en viktig kunskapskälla",
            "5 Vår verksamhet kommer till reell nytta för användarna",
            "6 Vi stärker och ökar kompetensen i länet",
            "7 Vi använder forskning för att utveckla och förbättra kommunernas verksamheter",
            "Bilaga 1 Symbolförteckning för mätetal och aktiviteter",
            "Bilaga 2 Deltagande på kurser som arrangerats av Kurs och konferens under januari-juni 2020",
        ]
    );
    let h2 = styled(&doc, &["Heading 2"]);
    for want in [
        "1.2 Medarbetare",
        "2.2 Verksamheten söker aktivt externa medel",
        "2.4 Ekonomisk redovisning",
        "7.1 Pågående forskningsstudier",
        "7.7 Analys",
    ] {
        assert!(h2.iter().any(|h| h == want), "missing {want}");
    }
    // The title page.
    let title = styled(&doc, &["Title"]);
    assert_eq!(title, ["Delårsrapport januari-augusti 2020"]);
    let all: Vec<String> = styled(&doc, &["Normal"]);
    assert!(all.iter().any(|p| p == "Dnr RJL 2019/1940"), "no Dnr");

    // Tabell 1 as the seed prints it: Summa of Disponibla 134 355 and of
    // Kvarvarande 105 895 (tkr); Kurs och konferens −547 kvar.
    let tables = doc["tables"].as_array().expect("tables");
    let tabell1 = tables
        .iter()
        .find(|t| {
            t["rows"][0]
                .as_array()
                .is_some_and(|h| h.iter().any(|c| s(c).starts_with("Disponibla")))
                && t["rows"].as_array().is_some_and(|r| r.len() > 8)
        })
        .expect("Tabell 1");
    let rows: Vec<Vec<String>> = tabell1["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            r.as_array()
                .expect("cells")
                .iter()
                .map(|c| normalise(&s(c)))
                .collect()
        })
        .collect();
    let summa = rows.iter().find(|r| r[0] == "Summa").expect("Summa row");
    assert!(summa.contains(&"134 355".to_string()), "{summa:?}");
    assert!(summa.contains(&"105 895".to_string()), "{summa:?}");
    let kok = rows
        .iter()
        .find(|r| r[0].starts_with("Kurs och konferens"))
        .expect("Kurs och konferens");
    assert!(kok.contains(&"-547".to_string()), "{kok:?}");

    // The staff table's total, and the status symbols and trend arrows.
    let flat: Vec<String> = tables
        .iter()
        .flat_map(|t| t["rows"].as_array().into_iter().flatten())
        .flat_map(|r| r.as_array().into_iter().flatten())
        .map(|c| normalise(&s(c)))
        .collect();
    assert!(flat.iter().any(|c| c == "45,30"));
    assert!(flat.iter().any(|c| c == "◆ delvis uppfyllt"));
    assert!(flat.iter().any(|c| c == "↗"));
    // Bilaga 1 explains them.
    let legend = styled(&doc, &["Symbolförklaring"]);
    assert!(legend.iter().any(|l| l.starts_with("◆ ")), "{legend:?}");

    // Six charts (the sample has no survey), each with its title first.
    let titles: Vec<String> = doc["pictures"]
        .as_array()
        .expect("pictures")
        .iter()
        .map(|p| s(&p["title"]))
        .map(|t| t.split(" – ").next().unwrap_or_default().to_string())
        .collect();
    assert_eq!(
        titles,
        [
            "Medarbetare (årsarbetare)",
            "Finansiering per verksamhetsområde",
            "Genomsnittsnärvaro per nätverk *",
            "PKS närvaro *",
            "Genomsnittsnärvaro per kommun *",
            "Kursdeltagare per kommun",
        ]
    );
}

#[test]
fn the_same_workspace_gives_the_same_file_and_every_part_is_xml() {
    let mut ws = sample(DELARSRAPPORT_2020);
    // Text the author typed is text, never markup, and characters XML
    // forbids (a vertical tab pasted from Word) do not break the file.
    ws.goals[0].title = "Mål & <mått> \"citat\" \u{b} slut".into();
    ws.goals[0].sections[0].text = "Rad ett\tmed tabb\nrad två\n\nNytt stycke ]]>".into();
    let a = tertial::export::docx::docx_bytes(&ws).expect("docx");
    let b = tertial::export::docx::docx_bytes(&ws).expect("docx");
    assert!(a == b, "two exports differ");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(a)).expect("a zip");
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).expect("entry");
        let name = entry.name().to_string();
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let mut xml = String::new();
            entry.read_to_string(&mut xml).expect("utf-8");
            roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{name}: {e}"));
            if name == "word/document.xml" {
                assert!(xml.contains("Mål &amp; &lt;mått&gt; &quot;citat&quot;   slut"));
            }
        }
    }
}

#[test]
fn libreoffice_prints_the_document_with_every_chapter_on_a_page_of_its_own() {
    if std::env::var_os("TERTIAL_SKIP_OFFICE_TEST").is_some() {
        eprintln!("TERTIAL_SKIP_OFFICE_TEST is set: the LibreOffice test was left out");
        return;
    }
    let soffice = find_program(&["soffice", "libreoffice"]).expect(
        "LibreOffice Writer is needed for this test: apt-get install libreoffice-writer \
         (or set TERTIAL_SKIP_OFFICE_TEST=1)",
    );
    let pdftotext = find_program(&["pdftotext"])
        .expect("pdftotext is needed for this test: apt-get install poppler-utils");
    let dir = tempfile::tempdir().expect("tempdir");
    let out = export(&sample_path(DELARSRAPPORT_2020), dir.path());
    // A profile of its own, so a LibreOffice already running (or another
    // test's) does not take the conversion.
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.path().join("lo").display()
    );
    let o = Command::new(&soffice)
        .arg(&profile)
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir.path())
        .arg(&out)
        .env_remove("DISPLAY")
        .output()
        .expect("run soffice");
    let pdf = out.with_extension("pdf");
    assert!(
        o.status.success() && pdf.is_file(),
        "LibreOffice could not convert the document: {}{}",
        text(&o.stdout),
        text(&o.stderr)
    );
    let pages = pdf_pages(&pdftotext, &pdf);
    assert!(pages.len() > 15, "only {} pages", pages.len());
    assert!(pages[0].contains("Delårsrapport januari-augusti 2020"));
    assert!(pages[0].contains("RJL 2019/1940"));
    assert!(pages[1].starts_with("Innehållsförteckning"));
    // Every chapter starts a page, in order.
    let ws = sample(DELARSRAPPORT_2020);
    let mut last = 1;
    for c in &layout(&ws).chapters {
        let heading = normalise(&c.heading.text());
        let first_words: String = heading.chars().take(40).collect();
        let page = pages
            .iter()
            .position(|p| p.starts_with(&first_words))
            .unwrap_or_else(|| panic!("no page starts with {first_words:?}"));
        assert!(
            page > last,
            "{heading:?} on page {} is out of order",
            page + 1
        );
        last = page;
    }
    // Page numbers at every foot but the title page's; the seed's figures.
    assert_printed_2020_report(&pages);
}

#[test]
fn an_export_to_a_folder_that_cannot_be_written_fails_in_swedish_and_leaves_no_file() {
    assert_export_refused("export-docx", "rapport.docx", "Word-dokumentet");
}
