//! The period's Resultatuppföljning as a 16:9 PowerPoint deck (Arkiv →
//! Exportera bildspel…, `tertial export-pptx`).
//!
//! No well-kept Rust crate writes .pptx, so this is a small writer of its
//! own on the `zip` crate. This module owns the package: the parts of an
//! Office Open XML presentation (content types, relationships,
//! presentation, slide master, two layouts and theme, slides, the chart
//! pictures, document properties) and their order in the zip. The master,
//! layouts and theme are a template deck made for tertial, kept in
//! `assets/pptx/` (see its LICENSE); [`deck`] decides what the slides say,
//! [`xml`] how one slide is written.
//!
//! The file is written through the same atomic write as workspaces
//! ([`write_atomically`]): a failed export leaves no half-written file.

pub mod deck;
pub mod xml;

use std::fmt;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::charts::{self, ChartError, ChartKind, ChartSize};
use crate::domain::Workspace;
use crate::storage::write_atomically;
use deck::{Block, Layout};
use xml::{PICTURE_SIZE, PictureText, SLIDE_HEIGHT, SLIDE_WIDTH, esc};

const THEME: &str = include_str!("../../../assets/pptx/theme1.xml");
const MASTER: &str = include_str!("../../../assets/pptx/slideMaster1.xml");
const LAYOUT_TITLE: &str = include_str!("../../../assets/pptx/slideLayout1.xml");
const LAYOUT_CONTENT: &str = include_str!("../../../assets/pptx/slideLayout2.xml");

/// A failed deck export.
#[derive(Debug, Clone, PartialEq)]
pub enum DeckError {
    /// A chart could not be drawn.
    Chart(ChartError),
    /// The zip package could not be put together.
    Package(String),
    /// The file could not be written; nothing was left behind.
    Write { path: PathBuf, message: String },
}

impl fmt::Display for DeckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DeckError::Chart(e) => write!(f, "Bildspelet kunde inte skapas: {e}"),
            DeckError::Package(m) => write!(f, "Bildspelet kunde inte packas: {m}"),
            DeckError::Write { path, message } => write!(
                f,
                "Bildspelet {} kunde inte sparas: {message}. Ingen fil skrevs.",
                path.display()
            ),
        }
    }
}

impl std::error::Error for DeckError {}

impl From<zip::result::ZipError> for DeckError {
    fn from(e: zip::result::ZipError) -> Self {
        DeckError::Package(e.to_string())
    }
}

impl From<std::io::Error> for DeckError {
    fn from(e: std::io::Error) -> Self {
        DeckError::Package(e.to_string())
    }
}

/// The default file name: `resultatuppfoljning-2020-t1-2.pptx`.
pub fn file_name(ws: &Workspace) -> String {
    format!("resultatuppfoljning-{}.pptx", ws.report.period.slug())
}

/// Writes the deck of `ws` at `path` (atomically).
pub fn export_deck(ws: &Workspace, path: &Path) -> Result<(), DeckError> {
    let bytes = deck_bytes(ws)?;
    write_atomically(path, &bytes).map_err(|e| DeckError::Write {
        path: path.to_path_buf(),
        message: e.into_reason(),
    })
}

pub use crate::export::ooxml::Part;

fn part(name: impl Into<String>, text: impl Into<String>) -> Part {
    Part::text(name, text)
}

/// The deck of `ws` as the bytes of a .pptx file.
pub fn deck_bytes(ws: &Workspace) -> Result<Vec<u8>, DeckError> {
    package(&parts(ws)?)
}

/// Zips `parts` in order (see [`crate::export::ooxml::package`]).
pub fn package(parts: &[Part]) -> Result<Vec<u8>, DeckError> {
    Ok(crate::export::ooxml::package(parts)?)
}

const REL_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE_REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A relationships part from (id, type suffix, target).
fn rels(items: &[(String, &str, String)]) -> String {
    let mut x = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{REL_NS}">"#
    );
    for (id, kind, target) in items {
        let kind = if kind.starts_with("http") {
            (*kind).to_string()
        } else {
            format!("{OFFICE_REL}/{kind}")
        };
        let _ = write!(
            x,
            r#"<Relationship Id="{id}" Type="{kind}" Target="{}"/>"#,
            esc(target)
        );
    }
    x.push_str("</Relationships>");
    x
}

/// Every part of the deck of `ws`, in zip order.
pub fn parts(ws: &Workspace) -> Result<Vec<Part>, DeckError> {
    let slides = deck::slides(ws);
    let mut out = Vec::new();
    let mut media = Vec::new();
    let mut slide_parts = Vec::new();
    for (i, slide) in slides.iter().enumerate() {
        let n = i + 1;
        let layout = match slide.layout {
            Layout::Title => 1,
            Layout::Content => 2,
        };
        let mut slide_rels = vec![(
            "rId1".to_string(),
            "slideLayout",
            format!("../slideLayouts/slideLayout{layout}.xml"),
        )];
        let mut texts = Vec::new();
        for kind in slide.body.iter().filter_map(|b| match b {
            Block::Chart(k) => Some(*k),
            _ => None,
        }) {
            let (png, text) = chart_picture(ws, kind)?;
            media.push(png);
            let name = format!("image{}.png", media.len());
            slide_rels.push((
                format!("rId{}", slide_rels.len() + 1),
                "image",
                format!("../media/{name}"),
            ));
            texts.push(text);
        }
        slide_parts.push(part(
            format!("ppt/slides/slide{n}.xml"),
            xml::slide_xml(slide, &texts),
        ));
        slide_parts.push(part(
            format!("ppt/slides/_rels/slide{n}.xml.rels"),
            rels(&slide_rels),
        ));
    }
    out.push(part("[Content_Types].xml", content_types(slides.len())));
    out.push(part(
        "_rels/.rels",
        rels(&[
            (
                "rId1".into(),
                "officeDocument",
                "ppt/presentation.xml".into(),
            ),
            (
                "rId2".into(),
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                "docProps/core.xml".into(),
            ),
            ("rId3".into(), "extended-properties", "docProps/app.xml".into()),
        ]),
    ));
    out.push(part("docProps/core.xml", core_xml(ws)));
    out.push(part("docProps/app.xml", app_xml(slides.len())));
    out.push(part("ppt/presentation.xml", presentation_xml(slides.len())));
    let mut pres_rels = vec![(
        "rId1".to_string(),
        "slideMaster",
        "slideMasters/slideMaster1.xml".to_string(),
    )];
    for n in 1..=slides.len() {
        pres_rels.push((
            format!("rId{}", n + 1),
            "slide",
            format!("slides/slide{n}.xml"),
        ));
    }
    let k = slides.len() + 2;
    pres_rels.push((format!("rId{k}"), "theme", "theme/theme1.xml".into()));
    pres_rels.push((format!("rId{}", k + 1), "presProps", "presProps.xml".into()));
    pres_rels.push((format!("rId{}", k + 2), "viewProps", "viewProps.xml".into()));
    pres_rels.push((
        format!("rId{}", k + 3),
        "tableStyles",
        "tableStyles.xml".into(),
    ));
    out.push(part("ppt/_rels/presentation.xml.rels", rels(&pres_rels)));
    out.push(part("ppt/presProps.xml", PRES_PROPS));
    out.push(part("ppt/viewProps.xml", VIEW_PROPS));
    out.push(part("ppt/tableStyles.xml", TABLE_STYLES));
    out.push(part("ppt/theme/theme1.xml", THEME));
    out.push(part("ppt/slideMasters/slideMaster1.xml", MASTER));
    out.push(part(
        "ppt/slideMasters/_rels/slideMaster1.xml.rels",
        rels(&[
            (
                "rId1".into(),
                "slideLayout",
                "../slideLayouts/slideLayout1.xml".into(),
            ),
            (
                "rId2".into(),
                "slideLayout",
                "../slideLayouts/slideLayout2.xml".into(),
            ),
            ("rId3".into(), "theme", "../theme/theme1.xml".into()),
        ]),
    ));
    for (n, layout) in [(1, LAYOUT_TITLE), (2, LAYOUT_CONTENT)] {
        out.push(part(format!("ppt/slideLayouts/slideLayout{n}.xml"), layout));
        out.push(part(
            format!("ppt/slideLayouts/_rels/slideLayout{n}.xml.rels"),
            rels(&[(
                "rId1".into(),
                "slideMaster",
                "../slideMasters/slideMaster1.xml".into(),
            )]),
        ));
    }
    out.extend(slide_parts);
    for (i, png) in media.into_iter().enumerate() {
        out.push(Part {
            name: format!("ppt/media/image{}.png", i + 1),
            bytes: png,
        });
    }
    Ok(out)
}

/// The chart as a 1920×1080 PNG, with its title (the SVG's `<title>`) and
/// its alternative text: the title, then the values as the SVG's `<desc>`
/// gives them (PowerPoint's alt-text pane shows only the latter).
fn chart_picture(ws: &Workspace, kind: ChartKind) -> Result<(Vec<u8>, PictureText), DeckError> {
    let c = charts::chart(ws, kind);
    let png = charts::render_png(&c, ChartSize::new(PICTURE_SIZE.0, PICTURE_SIZE.1))
        .map_err(DeckError::Chart)?;
    let title = if c.subtitle.is_empty() {
        c.title.clone()
    } else {
        format!("{} – {}", c.title, c.subtitle)
    };
    Ok((
        png,
        PictureText {
            descr: format!("{title}. {}", charts::describe(&c)),
            title,
        },
    ))
}

fn content_types(slides: usize) -> String {
    let mut x = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/><Override PartName="/ppt/slideMasters/slideMaster1.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml"/><Override PartName="/ppt/slideLayouts/slideLayout1.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml"/><Override PartName="/ppt/slideLayouts/slideLayout2.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml"/><Override PartName="/ppt/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/><Override PartName="/ppt/presProps.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presProps+xml"/><Override PartName="/ppt/viewProps.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.viewProps+xml"/><Override PartName="/ppt/tableStyles.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.tableStyles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#,
    );
    for n in 1..=slides {
        let _ = write!(
            x,
            r#"<Override PartName="/ppt/slides/slide{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.slide+xml"/>"#
        );
    }
    x.push_str("</Types>");
    x
}

fn presentation_xml(slides: usize) -> String {
    let mut x = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<p:presentation xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" saveSubsetFonts="1"><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst><p:sldIdLst>"#,
    );
    for n in 1..=slides {
        let _ = write!(x, r#"<p:sldId id="{}" r:id="rId{}"/>"#, 255 + n, n + 1);
    }
    let _ = write!(
        x,
        r#"</p:sldIdLst><p:sldSz cx="{SLIDE_WIDTH}" cy="{SLIDE_HEIGHT}"/><p:notesSz cx="6858000" cy="9144000"/><p:defaultTextStyle><a:defPPr><a:defRPr lang="sv-SE"/></a:defPPr></p:defaultTextStyle></p:presentation>"#
    );
    x
}

/// Document properties: the report's title, and no date (the file is the
/// same for the same workspace).
fn core_xml(ws: &Workspace) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:subject>Resultatuppföljning</dc:subject><dc:creator>tertial</dc:creator><dc:language>sv-SE</dc:language></cp:coreProperties>"#,
        esc(&format!("Resultatuppföljning {}", ws.report.period.label()))
    )
}

fn app_xml(slides: usize) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>tertial</Application><PresentationFormat>Bredbild</PresentationFormat><Slides>{slides}</Slides></Properties>"#
    )
}

const PRES_PROPS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<p:presentationPr xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>"#;

const VIEW_PROPS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<p:viewPr xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"><p:normalViewPr><p:restoredLeft sz="15620"/><p:restoredTop sz="94660"/></p:normalViewPr><p:gridSpacing cx="72008" cy="72008"/></p:viewPr>"#;

const TABLE_STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<a:tblStyleLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" def="{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"/>"#;

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;
    use zip::CompressionMethod;

    fn sample() -> Workspace {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/delarsrapport-2020-t1-2.ron");
        crate::storage::load(&path).expect("sample loads")
    }

    #[test]
    fn the_package_holds_every_part_once_content_types_first() {
        let ws = sample();
        let parts = parts(&ws).expect("parts");
        let names: Vec<&str> = parts.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names[0], "[Content_Types].xml");
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), names.len(), "no part twice: {names:?}");
        for required in [
            "_rels/.rels",
            "docProps/core.xml",
            "docProps/app.xml",
            "ppt/presentation.xml",
            "ppt/_rels/presentation.xml.rels",
            "ppt/theme/theme1.xml",
            "ppt/slideMasters/slideMaster1.xml",
            "ppt/slideMasters/_rels/slideMaster1.xml.rels",
            "ppt/slideLayouts/slideLayout1.xml",
            "ppt/slideLayouts/slideLayout2.xml",
            "ppt/presProps.xml",
            "ppt/viewProps.xml",
            "ppt/tableStyles.xml",
        ] {
            assert!(names.contains(&required), "{required} in {names:?}");
        }
        let slides = deck::slides(&ws).len();
        let types = String::from_utf8(parts[0].bytes.clone()).expect("utf-8");
        for n in 1..=slides {
            assert!(names.contains(&format!("ppt/slides/slide{n}.xml").as_str()));
            assert!(names.contains(&format!("ppt/slides/_rels/slide{n}.xml.rels").as_str()));
            assert!(types.contains(&format!("/ppt/slides/slide{n}.xml")));
        }
        assert!(!names.contains(&format!("ppt/slides/slide{}.xml", slides + 1).as_str()));
        // Every picture a slide points at is in the package.
        for p in parts.iter().filter(|p| p.name.ends_with(".xml.rels")) {
            let text = String::from_utf8(p.bytes.clone()).expect("utf-8");
            for target in text.split("Target=\"").skip(1) {
                let target = &target[..target.find('"').expect("closing quote")];
                if let Some(media) = target.strip_prefix("../media/") {
                    assert!(
                        names.contains(&format!("ppt/media/{media}").as_str()),
                        "{media}"
                    );
                }
            }
        }
        // Every XML part is well-formed.
        for p in parts.iter().filter(|p| !p.name.ends_with(".png")) {
            let text = std::str::from_utf8(&p.bytes).expect("utf-8");
            roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{}: {e}", p.name));
        }
    }

    #[test]
    fn an_empty_workspace_gives_a_title_and_a_thank_you() {
        let ws = Workspace::default();
        let slides = deck::slides(&ws);
        let headings: Vec<&str> = slides.iter().map(|s| s.heading.as_str()).collect();
        assert_eq!(
            headings,
            [
                "Resultatuppföljning tertial 1–2 2020",
                "Tack för er uppmärksamhet!"
            ]
        );
        assert!(deck_bytes(&ws).is_ok());
    }

    #[test]
    fn hostile_text_stays_well_formed_xml() {
        let mut ws = sample();
        let nasty = "A & B <c> \"d\" 'e' \u{b}\u{1}\u{fffe} ]]> &amp;";
        ws.goals[0].title = nasty.into();
        ws.focus.kostnadseffektivitet = vec![nasty.into()];
        ws.staff.rows[0].period = nasty.into();
        ws.attendance.groups[0].name = nasty.into();
        for p in parts(&ws).expect("parts") {
            if p.name.ends_with(".png") {
                continue;
            }
            let text = std::str::from_utf8(&p.bytes).expect("utf-8");
            roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{}: {e}", p.name));
        }
        let slide = parts(&ws)
            .expect("parts")
            .into_iter()
            .find(|p| p.name == "ppt/slides/slide2.xml")
            .expect("the goals slide");
        let text = String::from_utf8(slide.bytes).expect("utf-8");
        assert!(text.contains("A &amp; B &lt;c&gt; &quot;d&quot;"), "{text}");
    }

    #[test]
    fn the_zip_lists_the_parts_in_order() {
        let parts = vec![
            part("[Content_Types].xml", "<a/>"),
            Part {
                name: "ppt/media/image1.png".into(),
                bytes: vec![1, 2, 3],
            },
        ];
        let bytes = package(&parts).expect("zip");
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
        assert_eq!(archive.len(), 2);
        assert_eq!(
            archive.by_index(0).expect("first").name(),
            "[Content_Types].xml"
        );
        let png = archive.by_index(1).expect("second");
        assert_eq!(png.name(), "ppt/media/image1.png");
        assert_eq!(png.compression(), CompressionMethod::Stored);
    }
}
