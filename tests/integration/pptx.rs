//! The slide deck (`tertial export-pptx`) read back with python-pptx, a
//! reader that is not tertial's (tests/pptx_dump.py; `.ci/run` installs
//! it): slide order and headings, the FTE slide table's cells, the chart
//! pictures' pixel size, resolution and alternative text. One deck is also
//! converted to PDF by LibreOffice Impress, headless.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::*;
use tertial::charts::{ChartKind, chart, describe};
use tertial::export::pptx::deck;

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// What python-pptx reads from a deck.
#[derive(Debug, Default)]
struct Read {
    size: (u64, u64),
    count: usize,
    /// (layout name, heading) per slide.
    slides: Vec<(String, String)>,
    /// (slide, paragraph).
    texts: Vec<(usize, String)>,
    /// (slide, table, row, column, text).
    cells: Vec<(usize, usize, usize, usize, String)>,
    pictures: Vec<Picture>,
}

#[derive(Debug)]
struct Picture {
    slide: usize,
    pixels: (u32, u32),
    dpi: (u32, u32),
    emu: (u64, u64),
    descr: String,
}

fn read_deck(path: &Path) -> Read {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pptx_dump.py");
    let o = Command::new("python3")
        .arg(&script)
        .arg(path)
        .output()
        .unwrap_or_else(|e| {
            panic!("python3 kunde inte startas ({e}): installera Python 3 och python-pptx (`python3 -m pip install python-pptx`)")
        });
    assert!(
        o.status.success(),
        "python-pptx could not read {}: {}",
        path.display(),
        text(&o.stderr)
    );
    let mut r = Read::default();
    let num = |s: &str| -> u64 { s.parse().unwrap_or_else(|_| panic!("a number: {s}")) };
    for line in text(&o.stdout).lines() {
        let f: Vec<&str> = line.split('\t').collect();
        match f[0] {
            "deck" => {
                r.size = (num(f[1]), num(f[2]));
                r.count = num(f[3]) as usize;
            }
            "slide" => r.slides.push((f[2].to_string(), f[3].to_string())),
            "text" => r.texts.push((num(f[1]) as usize, f[2].to_string())),
            "table" => r.cells.push((
                num(f[1]) as usize,
                num(f[2]) as usize,
                num(f[3]) as usize,
                num(f[4]) as usize,
                f[5].to_string(),
            )),
            "picture" => r.pictures.push(Picture {
                slide: num(f[1]) as usize,
                pixels: (num(f[2]) as u32, num(f[3]) as u32),
                dpi: (num(f[4]) as u32, num(f[5]) as u32),
                emu: (num(f[6]), num(f[7])),
                descr: f[8].to_string(),
            }),
            other => panic!("unknown line {other}"),
        }
    }
    r
}

/// Writes the deck of sample `name` with the CLI into `dir`.
fn export(name: &str, dir: &Path) -> PathBuf {
    let out = dir.join(name.replace(".ron", ".pptx"));
    let o = tertial(&[
        "export-pptx",
        sample_path(name).to_str().expect("utf-8 path"),
        "--out",
        out.to_str().expect("utf-8 path"),
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout).trim(), out.display().to_string());
    out
}

#[test]
fn every_sample_deck_opens_with_its_slides_in_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    for path in all_samples() {
        let name = path.file_name().and_then(|n| n.to_str()).expect("name");
        let ws = sample(name);
        let expected = deck::slides(&ws);
        let read = read_deck(&export(name, dir.path()));
        assert_eq!(read.size, (12_192_000, 6_858_000), "{name}: 16:9");
        assert_eq!(read.count, expected.len(), "{name}");
        let headings: Vec<&str> = read.slides.iter().map(|(_, h)| h.as_str()).collect();
        let wanted: Vec<&str> = expected.iter().map(|s| s.heading.as_str()).collect();
        assert_eq!(headings, wanted, "{name}");
        // A plan's deck opens with the plan's title (seed 004), the others
        // with the period's follow-up.
        if ws.report.kind == tertial::domain::ReportKind::Verksamhetsplan {
            assert_eq!(
                headings[0],
                "Kommunal utvecklings verksamhetsplan och budget 2021-2023"
            );
        } else {
            assert!(headings[0].starts_with("Resultatuppföljning "), "{name}");
        }
        assert_eq!(headings.last(), Some(&"Tack för er uppmärksamhet!"));
        assert!(headings.iter().all(|h| !h.trim().is_empty()), "{name}");
        assert_eq!(read.slides[0].0, "Rubrikbild");
        assert_eq!(read.slides[1].0, "Endast rubrik");
        // Every picture is a 1920×1080 chart at 144 dpi, placed 16:9,
        // described.
        for p in &read.pictures {
            assert_eq!(p.pixels, (1920, 1080), "{name}: slide {}", p.slide);
            assert_eq!(p.dpi, (144, 144), "{name}: slide {}", p.slide);
            assert_eq!(p.emu.0 * 1080, p.emu.1 * 1920, "{name}: aspect kept");
            assert!(!p.descr.is_empty(), "{name}: alt text on slide {}", p.slide);
        }
    }
}

#[test]
fn the_2020_deck_has_the_seed_decks_slides() {
    let dir = tempfile::tempdir().expect("temp dir");
    let read = read_deck(&export(DELARSRAPPORT_2020, dir.path()));
    let headings: Vec<&str> = read.slides.iter().map(|(_, h)| h.as_str()).collect();
    let goal1 = "Vår verksamhet ska leda till en ändamålsenlig och kostnadseffektiv verksamhet för länets kommuner";
    let goal2 = "Vi har ett starkt och jämbördigt partnerskap med aktiva ägare";
    assert_eq!(
        headings,
        [
            "Resultatuppföljning tertial 1–2 2020",
            "Kommunal utvecklings strategiska mål",
            "Fokusområden och våra 3 K – kostnadseffektivitet, kompetenshöjning och kvalitetshöjning",
            "Viktiga händelser med koppling till våra 3 K",
            "Viktiga händelser med koppling till våra 3 K",
            "Viktiga händelser med koppling till våra 3 K",
            "Medarbetare",
            goal1,
            goal1,
            goal2,
            goal2,
            goal2,
            goal2,
            "Vi stärker och ökar kompetensen i länet",
            "Vi använder forskning för att utveckla och förbättra kommunernas verksamheter",
            "Framtid",
            "Tack för er uppmärksamhet!",
        ]
    );
    let staff = headings
        .iter()
        .position(|h| *h == "Medarbetare")
        .expect("staff")
        + 1;
    let cell = |slide: usize, row: usize, col: usize| -> String {
        read.cells
            .iter()
            .find(|c| c.0 == slide && c.1 == 1 && c.2 == row && c.3 == col)
            .map(|c| c.4.clone())
            .unwrap_or_else(|| panic!("cell {row},{col} on slide {slide}"))
    };
    // The FTE table: header, five periods; the last is 2020 – tertial 2.
    assert_eq!(cell(staff, 0, 1), "Tjänsteköp");
    assert_eq!(cell(staff, 1, 0), "2019 – tertial 1");
    assert_eq!(
        (1..=4).map(|c| cell(staff, 1, c)).collect::<Vec<_>>(),
        ["15,65", "24,60", "13,35", "53,60"]
    );
    assert_eq!(
        (0..=4).map(|c| cell(staff, 5, c)).collect::<Vec<_>>(),
        ["2020 – tertial 2", "7,25", "24,25", "13,80", "45,30"]
    );
    assert!(
        read.texts.iter().any(|(s, t)| *s == staff
            && t == "Av verksamhetens 45,30 årsarbetare finansieras 25,50 via kommunernas grundfinansiering, medlemsavgift eller enligt särskilda avtal, 19,80 årsarbetare finansieras via externa medel."),
        "{:?}",
        read.texts.iter().filter(|(s, _)| *s == staff).collect::<Vec<_>>()
    );
    // Applications against earlier years, with shares.
    let apps = staff + 1;
    let row_2020: Vec<String> = (0..7).map(|c| cell(apps, 3, c)).collect();
    assert_eq!(
        row_2020,
        [
            "Tertial 1–2 2020",
            "8",
            "3",
            "38\u{a0}%",
            "18\u{a0}570\u{a0}800",
            "5\u{a0}685\u{a0}000",
            "31\u{a0}%"
        ]
    );
    // The three attendance charts, in the seed's order, described as the
    // SVG describes them.
    let ws = sample(DELARSRAPPORT_2020);
    let pictures: Vec<&Picture> = read.pictures.iter().collect();
    assert_eq!(pictures.len(), 3, "{pictures:?}");
    for (p, kind) in pictures.iter().zip([
        ChartKind::NetworkAttendance,
        ChartKind::MunicipalityAttendance,
        ChartKind::PksAttendance,
    ]) {
        // The title and the values, as the SVG's <title> and <desc>.
        let c = chart(&ws, kind);
        assert_eq!(
            p.descr,
            format!("{} – {}. {}", c.title, c.subtitle, describe(&c))
        );
        assert!(p.descr.contains("Tertial 1–2 2020"), "{}", p.descr);
        assert_eq!(headings[p.slide - 1], goal2);
    }
}

/// LibreOffice Impress converts the 2020 deck to PDF without an error;
/// the PDF has one page per slide. (The suite's one conversion: it is
/// slow.)
#[test]
fn libreoffice_impress_converts_the_deck_to_pdf() {
    let dir = tempfile::tempdir().expect("temp dir");
    let deck_path = export(DELARSRAPPORT_2020, dir.path());
    let profile = dir.path().join("lo-profile");
    let o = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&deck_path)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "soffice kunde inte startas ({e}): installera libreoffice-impress (.ci/run gör det)"
            )
        });
    assert!(o.status.success(), "soffice: {}", text(&o.stderr));
    let pdf = deck_path.with_extension("pdf");
    let bytes = std::fs::read(&pdf).unwrap_or_else(|e| {
        panic!(
            "no PDF from soffice ({e}): {} {}",
            text(&o.stdout),
            text(&o.stderr)
        )
    });
    assert!(bytes.starts_with(b"%PDF"));
    let info = Command::new("pdfinfo")
        .arg(&pdf)
        .output()
        .expect("pdfinfo (poppler-utils) runs");
    let pages = text(&info.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:").map(|n| n.trim().to_string()))
        .expect("a page count");
    let slides = deck::slides(&sample(DELARSRAPPORT_2020)).len();
    assert_eq!(pages, slides.to_string());
    let words = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let words = text(&words.stdout);
    for wanted in ["Medarbetare", "45,30", "Tack för er uppmärksamhet!"] {
        assert!(words.contains(wanted), "{wanted} in the PDF");
    }
}
