//! The whole report as a Word document (Arkiv → Exportera Word-dokument…,
//! `tertial export-docx`): a renderer of the shared layout
//! (`export::layout`), so it has the HTML report's chapters, sections,
//! tables, notes and charts in the same order with the same numbers.
//!
//! What the author gets in Word:
//! - **Headings** in Word's built-in heading styles (Rubrik 1–3) with their
//!   outline levels, numbered as the report numbers them ("2.4" + tab +
//!   title), so the navigation pane and *Infoga innehållsförteckning* work.
//! - **A title page** (organisation, title, period, Dokument, Dnr, Ansvarig,
//!   Datum, the data notes) without a page number, then **the contents**:
//!   a TOC field listing every chapter and section with links and page
//!   references; Word asks to update the fields on open
//!   (`updateFields`), which fills in the page numbers.
//! - **Page numbers** in the footer of every page but the title page.
//! - **Tables** as real Word tables: fixed column widths fitted to the page
//!   (text columns wrap, number columns keep their width; wide tables such
//!   as Tabell 1 get smaller type), the header row repeated on every page,
//!   rows never split, numbers right-aligned in the Swedish format exactly
//!   as the tables print them, sum rows bold.
//! - **Charts** as PNG at print resolution (1 800 px across the 17 cm text
//!   width, about 270 dpi), each with alternative text: its title and every
//!   value, as the SVG's `<desc>`.
//! - **Swedish** set as the language of every style, so spell check reads
//!   Swedish.
//!
//! This module writes the body (`word/document.xml`); `package` writes the
//! other parts and the zip. docx-rs, the usual crate, cannot mark a header
//! row to repeat, set the document language or give a picture alternative
//! text, three things this document needs, so the WordprocessingML is
//! written here; python-docx and LibreOffice read it back in the tests.
//! The file is written through the same atomic write as workspaces: a
//! failed export leaves no half-written file.

mod package;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::charts::{self, ChartError, ChartKind, xml_escape};
use crate::domain::Workspace;
use crate::domain::model::ResearchItem;
use crate::domain::tables::{RowKind, Table, Value};
use crate::export::layout::{self, Block, Chapter, Document, Heading, TitlePage};
use crate::storage::write_atomically;

use package::{BAND_COLOUR, HEAD_COLOUR, MUTED_COLOUR, Media, RULE_COLOUR, page};

/// Charts are drawn this many pixels wide for the 17 cm text width.
const CHART_WIDTH: u32 = 1800;

/// A failed Word export.
#[derive(Debug, Clone, PartialEq)]
pub enum DocxError {
    /// A chart could not be drawn.
    Chart(ChartError),
    /// The document could not be packed.
    Build(String),
    /// The file could not be written; nothing was left behind.
    Write { path: PathBuf, message: String },
}

impl fmt::Display for DocxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocxError::Chart(e) => write!(f, "Word-dokumentets diagram kunde inte ritas: {e}"),
            DocxError::Build(m) => write!(f, "Word-dokumentet kunde inte skapas: {m}"),
            DocxError::Write { path, message } => write!(
                f,
                "Word-dokumentet {} kunde inte sparas: {message}. Ingen fil skrevs.",
                path.display()
            ),
        }
    }
}

impl std::error::Error for DocxError {}

/// The default file name: `delarsrapport-2020-t1-2.docx`.
pub fn file_name(ws: &Workspace) -> String {
    let report = crate::export::report::file_name(ws);
    let stem = report.strip_suffix(".html").unwrap_or(&report);
    format!("{stem}.docx")
}

/// Writes the report of `ws` as a Word document at `path` (atomically).
pub fn export_docx(ws: &Workspace, path: &Path) -> Result<(), DocxError> {
    let bytes = docx_bytes(ws)?;
    write_atomically(path, &bytes).map_err(|e| DocxError::Write {
        path: path.to_path_buf(),
        message: e.into_reason(),
    })
}

/// The report of `ws` as the bytes of a .docx file.
pub fn docx_bytes(ws: &Workspace) -> Result<Vec<u8>, DocxError> {
    let doc = layout::layout(ws);
    let mut body = Body::default();
    body.title_page(&doc.title);
    body.contents(&doc);
    for chapter in &doc.chapters {
        body.chapter(ws, chapter)?;
    }
    let numbered_lists = body.numbered_lists;
    let media = std::mem::take(&mut body.media);
    let document = body.finish();
    package::pack(package::Parts {
        title: &doc.title.title,
        organisation: &doc.title.organisation,
        document,
        media,
        numbered_lists,
    })
    .map_err(|e| DocxError::Build(e.to_string()))
}

/// `word/document.xml` as it is written.
#[derive(Default)]
struct Body {
    xml: String,
    /// Headings written so far; heading `n` (1-based) is bookmarked
    /// `_Toc{n}`, in contents order.
    headings: usize,
    media: Vec<Media>,
    numbered_lists: u32,
}

impl Body {
    fn finish(mut self) -> String {
        let sect = format!(
            "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>\
             <w:pgSz w:w=\"{}\" w:h=\"{}\"/>\
             <w:pgMar w:top=\"{m}\" w:right=\"{m}\" w:bottom=\"{m}\" w:left=\"{m}\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>\
             <w:titlePg/></w:sectPr>",
            page::WIDTH,
            page::HEIGHT,
            m = page::MARGIN
        );
        let mut out = String::with_capacity(self.xml.len() + 1024);
        out.push_str(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
             <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
             xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" \
             xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" \
             xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" \
             xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>",
        );
        out.push_str(&self.xml);
        out.push_str(&sect);
        out.push_str("</w:body></w:document>");
        self.xml.clear();
        out
    }

    fn paragraph(&mut self, style: &str, ppr: &str, runs: &str) {
        self.xml.push_str(&paragraph(style, ppr, runs));
    }

    // --------------------------------------------------------- title

    fn title_page(&mut self, t: &TitlePage) {
        self.paragraph("Organisation", "", &runs(&t.organisation, ""));
        self.paragraph("Title", "", &runs(&t.title, ""));
        self.paragraph("Subtitle", "", &runs(&t.period, ""));
        for (label, value) in &t.facts {
            self.paragraph(
                "Normal",
                "<w:tabs><w:tab w:val=\"left\" w:pos=\"1701\"/></w:tabs><w:spacing w:after=\"60\"/>",
                &format!(
                    "{}<w:r><w:tab/></w:r>{}",
                    runs(label, &format!("<w:color w:val=\"{MUTED_COLOUR}\"/>")),
                    runs(value, "")
                ),
            );
        }
        if !t.notes.is_empty() {
            self.paragraph(
                "DataNote",
                &format!(
                    "<w:pBdr><w:top w:val=\"single\" w:sz=\"4\" w:space=\"6\" w:color=\"{RULE_COLOUR}\"/></w:pBdr>\
                     <w:spacing w:before=\"720\"/>"
                ),
                &runs("Om uppgifterna", "<w:b/><w:bCs/>"),
            );
            for n in &t.notes {
                self.paragraph("DataNote", "", &runs(n, ""));
            }
        }
    }

    // ------------------------------------------------------ contents

    /// The contents as a TOC field over heading levels 1–2, its result
    /// filled in with every entry (linked to its heading, with a page
    /// reference field), so the list is there before Word updates it.
    fn contents(&mut self, doc: &Document) {
        self.paragraph("TOCHeading", "", &runs("Innehållsförteckning", ""));
        let entries = doc.contents();
        let begin = "<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r>\
             <w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-2\" \\h \\z \\u </w:instrText></w:r>\
             <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>";
        if entries.is_empty() {
            self.paragraph("TOC1", "", begin);
        }
        for (i, e) in entries.iter().enumerate() {
            let anchor = format!("_Toc{}", i + 1);
            let style = if e.level == 1 { "TOC1" } else { "TOC2" };
            let link = format!(
                "<w:hyperlink w:anchor=\"{anchor}\" w:history=\"1\">{}\
                 <w:r><w:tab/></w:r>\
                 <w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>\
                 <w:r><w:instrText xml:space=\"preserve\"> PAGEREF {anchor} \\h </w:instrText></w:r>\
                 <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>\
                 <w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:hyperlink>",
                heading_runs(&e.heading, "")
            );
            let first = if i == 0 { begin } else { "" };
            self.paragraph(style, "", &format!("{first}{link}"));
        }
        self.paragraph(
            "Normal",
            "",
            "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>",
        );
    }

    // ------------------------------------------------------ chapters

    fn heading(&mut self, style: &str, h: &Heading) {
        self.headings += 1;
        let id = self.headings;
        let ppr = if uses_tab(h) {
            ""
        } else {
            "<w:ind w:left=\"0\" w:hanging=\"0\"/>"
        };
        self.paragraph(
            style,
            ppr,
            &format!(
                "<w:bookmarkStart w:id=\"{id}\" w:name=\"_Toc{id}\"/>{}<w:bookmarkEnd w:id=\"{id}\"/>",
                heading_runs(h, "")
            ),
        );
    }

    fn chapter(&mut self, ws: &Workspace, chapter: &Chapter) -> Result<(), DocxError> {
        self.heading("Heading1", &chapter.heading);
        for block in &chapter.blocks {
            match block {
                Block::Section(h) => self.heading("Heading2", h),
                Block::Subheading(title) => self.paragraph(
                    "Heading3",
                    "<w:ind w:left=\"0\" w:hanging=\"0\"/>",
                    &runs(title, ""),
                ),
                Block::Text(text) => self.text(text),
                Block::Bullets(items) => {
                    for i in items {
                        self.paragraph("ListBullet", "", &runs(i, ""));
                    }
                }
                Block::Numbered(items) => {
                    let id = package::numbered_list_id(self.numbered_lists);
                    self.numbered_lists += 1;
                    for i in items {
                        self.paragraph(
                            "ListNumber",
                            &format!(
                                "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"{id}\"/></w:numPr>"
                            ),
                            &runs(i, ""),
                        );
                    }
                }
                Block::Table(t) => self.table(t),
                Block::Note(note) => self.paragraph("TableNote", "", &runs(note, "")),
                Block::Summary(lines) => {
                    let last = lines.len().saturating_sub(1);
                    for (i, l) in lines.iter().enumerate() {
                        // Padding above the first line and below the last.
                        let spacing = match (i == 0, i == last) {
                            (true, true) => "<w:spacing w:before=\"80\" w:after=\"80\"/>",
                            (true, false) => "<w:spacing w:before=\"80\"/>",
                            (false, true) => "<w:spacing w:after=\"80\"/>",
                            (false, false) => "",
                        };
                        self.paragraph("Summary", spacing, &runs(l, ""));
                    }
                    self.paragraph("Normal", "<w:spacing w:after=\"0\"/>", "");
                }
                Block::Chart(kind) => self.chart(ws, *kind)?,
                Block::Research(items) => self.research(items),
                Block::Legend(entries) => {
                    for (symbol, text) in entries {
                        self.paragraph(
                            "Legend",
                            "",
                            &format!(
                                "{}<w:r><w:tab/></w:r>{}",
                                runs(symbol, "<w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>"),
                                runs(text, "")
                            ),
                        );
                    }
                }
            }
        }
        Ok(())
    }

    /// Paragraphs at blank lines, line breaks kept.
    fn text(&mut self, text: &str) {
        for p in text.replace("\r\n", "\n").split("\n\n") {
            let p = p.trim();
            if !p.is_empty() {
                self.paragraph("Normal", "", &runs(p, ""));
            }
        }
    }

    fn research(&mut self, items: &[ResearchItem]) {
        for it in items {
            let description = if it.description.trim().is_empty() {
                String::new()
            } else {
                runs(&format!(" – {}", it.description), "")
            };
            self.paragraph(
                "ListBullet",
                "",
                &format!("{}{description}", runs(&it.title, "<w:b/><w:bCs/>")),
            );
        }
    }

    // -------------------------------------------------------- charts

    /// The chart as an inline PNG across the text width (or less, when a
    /// tall chart would not fit the page), with alternative text.
    fn chart(&mut self, ws: &Workspace, kind: ChartKind) -> Result<(), DocxError> {
        let chart = charts::chart(ws, kind);
        let size = layout::chart_size(&chart, CHART_WIDTH);
        let png = charts::render_png(&chart, size).map_err(DocxError::Chart)?;
        let max_w = u64::from(page::TEXT_WIDTH) * page::EMU_PER_TWIP;
        let max_h = u64::from(page::TEXT_HEIGHT) * page::EMU_PER_TWIP * 4 / 5;
        let (w, h) = (u64::from(size.width), u64::from(size.height));
        let (cx, cy) = if max_w * h / w <= max_h {
            (max_w, max_w * h / w)
        } else {
            (max_h * w / h, max_h)
        };
        let index = self.media.len();
        let id = index + 1;
        let name = format!("{}.png", kind.slug());
        let title = format!("{} – {}", chart.title, chart.subtitle);
        let descr = xml_escape(&format!("{title}. {}", charts::describe(&chart)));
        let title = xml_escape(&title);
        let rel = package::media_rel_id(index);
        let drawing = format!(
            "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">\
             <wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:docPr id=\"{id}\" name=\"Diagram {id}\" title=\"{title}\" descr=\"{descr}\"/>\
             <wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>\
             <a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\
             <pic:pic><pic:nvPicPr><pic:cNvPr id=\"{id}\" name=\"{name}\" descr=\"{descr}\"/><pic:cNvPicPr/></pic:nvPicPr>\
             <pic:blipFill><a:blip r:embed=\"{rel}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
             <pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm>\
             <a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>\
             </a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
        );
        self.paragraph("Figure", "", &drawing);
        self.media.push(Media { name, bytes: png });
        Ok(())
    }

    // -------------------------------------------------------- tables

    fn table(&mut self, t: &Table) {
        if !t.title.trim().is_empty() {
            self.paragraph("Caption", "", &runs(&t.title, ""));
        }
        let g = geometry(t);
        let numeric = numeric_columns(t, g.widths.len());
        let size = format!(
            "<w:sz w:val=\"{0}\"/><w:szCs w:val=\"{0}\"/>",
            g.half_points
        );
        let mut x = format!(
            "<w:tbl><w:tblPr><w:tblW w:w=\"{}\" w:type=\"dxa\"/>\
             <w:tblBorders><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"{RULE_COLOUR}\"/>\
             <w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"{RULE_COLOUR}\"/></w:tblBorders>\
             <w:tblLayout w:type=\"fixed\"/>\
             <w:tblCellMar><w:top w:w=\"28\" w:type=\"dxa\"/><w:left w:w=\"{pad}\" w:type=\"dxa\"/>\
             <w:bottom w:w=\"28\" w:type=\"dxa\"/><w:right w:w=\"{pad}\" w:type=\"dxa\"/></w:tblCellMar>\
             <w:tblLook w:val=\"0020\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/>\
             </w:tblPr><w:tblGrid>",
            g.widths.iter().sum::<u32>(),
            pad = CELL_PAD
        );
        for w in &g.widths {
            x.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
        }
        x.push_str("</w:tblGrid>");
        // Short tables are kept on one page (keep-with-next on every row
        // but the last), as the HTML's print CSS does.
        let keep = t.rows.len() <= 15;
        x.push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        for (col, w) in g.widths.iter().enumerate() {
            let text = t.headers.get(col).map_or("", String::as_str);
            x.push_str(&cell(
                *w,
                &format!(
                    "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{HEAD_COLOUR}\"/><w:vAlign w:val=\"bottom\"/>"
                ),
                numeric[col],
                true,
                true,
                &runs(
                    text,
                    &format!("<w:b/><w:bCs/><w:color w:val=\"FFFFFF\"/>{size}"),
                ),
            ));
        }
        x.push_str("</w:tr>");
        let last = t.rows.len().saturating_sub(1);
        for (r, row) in t.rows.iter().enumerate() {
            x.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            let (tcpr, rpr) = match row.kind {
                RowKind::Data => (String::new(), size.clone()),
                RowKind::Sum => (
                    format!(
                        "<w:tcBorders><w:top w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"1A1A1A\"/></w:tcBorders>\
                         <w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{BAND_COLOUR}\"/>"
                    ),
                    format!("<w:b/><w:bCs/>{size}"),
                ),
                RowKind::Extra => (String::new(), format!("<w:i/><w:iCs/>{size}")),
            };
            for (col, w) in g.widths.iter().enumerate() {
                let (text, num) = match row.cells.get(col) {
                    Some(c) => (c.display(), matches!(c.value, Value::Number(..))),
                    None => (String::new(), false),
                };
                x.push_str(&cell(
                    *w,
                    &tcpr,
                    num,
                    keep && r < last,
                    false,
                    &runs(&text, &rpr),
                ));
            }
            x.push_str("</w:tr>");
        }
        x.push_str("</w:tbl>");
        self.xml.push_str(&x);
        // Word needs a paragraph between two tables, and the space helps.
        self.paragraph("Normal", "<w:spacing w:after=\"60\"/>", "");
    }
}

/// Left and right padding of a table cell, in twips (1,5 mm).
const CELL_PAD: u32 = 85;

fn cell(
    width: u32,
    tcpr: &str,
    right: bool,
    keep_next: bool,
    hyphenate: bool,
    runs: &str,
) -> String {
    // In the schema's order: keepNext, suppressAutoHyphens, jc.
    let mut ppr = String::new();
    if keep_next {
        ppr.push_str("<w:keepNext/>");
    }
    if hyphenate {
        ppr.push_str("<w:suppressAutoHyphens w:val=\"0\"/>");
    }
    if right {
        ppr.push_str("<w:jc w:val=\"right\"/>");
    }
    format!(
        "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>{tcpr}</w:tcPr>{}</w:tc>",
        paragraph("TableText", &ppr, runs)
    )
}

/// Whether each column holds numbers (which are right-aligned, their
/// header too).
fn numeric_columns(t: &Table, columns: usize) -> Vec<bool> {
    (0..columns)
        .map(|col| {
            t.rows
                .iter()
                .filter_map(|r| r.cells.get(col))
                .any(|c| matches!(c.value, Value::Number(..)))
        })
        .collect()
}

/// A table's column widths (twips) and type size (half-points).
#[derive(Debug, PartialEq)]
struct Geometry {
    widths: Vec<u32>,
    half_points: u32,
}

/// Fits a table to the text width. Each column wants room for its longest
/// cell (text capped at 40 characters, after which it wraps) and its
/// header's longest word; at the least it needs its longest word (text
/// columns, up to 20 characters) or its longest number (number columns,
/// whose header words wrap from 12 characters on, hyphenated where Word
/// hyphenates). The room beyond the least is shared in proportion to what
/// each column wants beyond it. Where the least does not fit, the type gets
/// smaller (8,5 pt down to 7 pt). A table of four columns or fewer is only
/// as wide as it needs (at least half the page); a wider one fills it.
fn geometry(t: &Table) -> Geometry {
    let columns = t
        .rows
        .iter()
        .map(|r| r.cells.len())
        .chain([t.headers.len()])
        .max()
        .unwrap_or(0)
        .max(1);
    let numeric = numeric_columns(t, columns);
    let chars = |s: &str| s.chars().count() as u32;
    let longest_word = |s: &str| s.split_whitespace().map(chars).max().unwrap_or(0);
    let cells = |c: usize| t.rows.iter().filter_map(move |r| r.cells.get(c));
    let header_word: Vec<u32> = (0..columns)
        .map(|c| t.headers.get(c).map_or(0, |h| longest_word(h)))
        .collect();
    // In characters: what each column wants, and the least it needs.
    let want: Vec<u32> = (0..columns)
        .map(|c| {
            let longest = cells(c).map(|x| chars(&x.display())).max().unwrap_or(0);
            let cap = if numeric[c] { u32::MAX } else { 40 };
            longest.min(cap).max(header_word[c]).max(3)
        })
        .collect();
    let least: Vec<u32> = (0..columns)
        .map(|c| {
            if numeric[c] {
                let number = cells(c).map(|x| chars(&x.display())).max().unwrap_or(0);
                number.max(header_word[c].min(12)).max(3)
            } else {
                let word = cells(c)
                    .map(|x| longest_word(&x.display()))
                    .max()
                    .unwrap_or(0);
                word.max(header_word[c]).clamp(3, 20)
            }
            .min(want[c])
        })
        .collect();
    let room = page::TEXT_WIDTH;
    for half_points in [17, 16, 15, 14] {
        // An average character of Arial, a little generous (bold headers).
        let per_char = half_points * 6;
        let twips = |n: u32| n * per_char + 2 * CELL_PAD;
        let natural: Vec<u32> = want.iter().map(|w| twips(*w)).collect();
        let total: u32 = natural.iter().sum();
        if total <= room {
            let target = if columns <= 4 {
                total.max(room / 2)
            } else {
                room
            };
            return Geometry {
                widths: stretch(&natural, target),
                half_points,
            };
        }
        let minimum: Vec<u32> = least.iter().map(|w| twips(*w)).collect();
        let needed: u32 = minimum.iter().sum();
        if needed <= room {
            let extra = u64::from(room - needed);
            let beyond: Vec<u64> = (0..columns)
                .map(|c| u64::from(natural[c] - minimum[c]))
                .collect();
            let beyond_sum = beyond.iter().sum::<u64>().max(1);
            let widths: Vec<u32> = (0..columns)
                .map(|c| minimum[c] + (beyond[c] * extra / beyond_sum) as u32)
                .collect();
            return Geometry {
                widths: stretch(&widths, room),
                half_points,
            };
        }
    }
    // Nothing fits even at 7 pt: every column in proportion.
    let natural: Vec<u32> = least.iter().map(|w| w * 84 + 2 * CELL_PAD).collect();
    Geometry {
        widths: stretch(&natural, room),
        half_points: 14,
    }
}

/// `widths` scaled to add up to `total` (the last column takes the
/// rounding).
fn stretch(widths: &[u32], total: u32) -> Vec<u32> {
    let sum: u64 = widths.iter().map(|w| u64::from(*w)).sum::<u64>().max(1);
    let mut out: Vec<u32> = widths
        .iter()
        .map(|w| (u64::from(*w) * u64::from(total) / sum) as u32)
        .collect();
    let used: u32 = out.iter().sum();
    if let Some(last) = out.last_mut() {
        *last += total.saturating_sub(used);
    }
    out
}

/// A paragraph of `style` with extra paragraph properties.
fn paragraph(style: &str, ppr: &str, runs: &str) -> String {
    format!("<w:p><w:pPr><w:pStyle w:val=\"{style}\"/>{ppr}</w:pPr>{runs}</w:p>")
}

/// Whether a heading's number is followed by a tab (a number such as
/// "2.4"), or by a space ("Bilaga 1", too wide for the tab stop).
fn uses_tab(h: &Heading) -> bool {
    !h.number.is_empty() && h.number.chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// "2.4" tab "Ekonomisk redovisning", "Bilaga 1 Symbolförteckning …".
fn heading_runs(h: &Heading, rpr: &str) -> String {
    if h.number.is_empty() {
        runs(&h.title, rpr)
    } else if uses_tab(h) {
        format!(
            "{}<w:r><w:tab/></w:r>{}",
            runs(&h.number, rpr),
            runs(&h.title, rpr)
        )
    } else {
        runs(&format!("{} {}", h.number, h.title), rpr)
    }
}

/// Text as runs: line breaks and tabs kept, characters XML forbids
/// replaced, everything escaped.
fn runs(text: &str, rpr: &str) -> String {
    let rpr = if rpr.is_empty() {
        String::new()
    } else {
        format!("<w:rPr>{rpr}</w:rPr>")
    };
    let mut out = format!("<w:r>{rpr}");
    let text = text.replace("\r\n", "\n");
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<w:br/>");
        }
        for (j, part) in line.split('\t').enumerate() {
            if j > 0 {
                out.push_str("<w:tab/>");
            }
            if !part.is_empty() {
                out.push_str(&format!(
                    "<w:t xml:space=\"preserve\">{}</w:t>",
                    xml_escape(part)
                ));
            }
        }
    }
    out.push_str("</w:r>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::tables::{Cell, Format, Row};

    fn number_table(headers: &[&str], rows: usize) -> Table {
        Table {
            id: "t".into(),
            title: "T".into(),
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows: (0..rows)
                .map(|_| Row {
                    kind: RowKind::Data,
                    cells: std::iter::once(Cell::text("En ganska lång text i första kolumnen"))
                        .chain((1..headers.len()).map(|_| Cell {
                            value: Value::Number(Some(134_355.into()), Format::Amount),
                            computed: None,
                        }))
                        .collect(),
                })
                .collect(),
        }
    }

    #[test]
    fn text_keeps_its_line_breaks_and_tabs_and_is_escaped() {
        assert_eq!(
            runs("a < b\nc\td & \u{b}", ""),
            "<w:r><w:t xml:space=\"preserve\">a &lt; b</w:t><w:br/>\
             <w:t xml:space=\"preserve\">c</w:t><w:tab/><w:t xml:space=\"preserve\">d &amp;  </w:t></w:r>"
        );
    }

    #[test]
    fn a_narrow_table_is_as_wide_as_it_needs() {
        let g = geometry(&number_table(&["Namn", "Antal"], 3));
        assert_eq!(g.half_points, 17);
        let total: u32 = g.widths.iter().sum();
        assert!(total < page::TEXT_WIDTH, "{total}");
        assert!(total >= page::TEXT_WIDTH / 2);
    }

    #[test]
    fn a_wide_table_fills_the_page_and_no_more() {
        let headers = [
            "Verksamhet",
            "Ingående medel 2020 (tkr)",
            "Intäkter 2020 (tkr)",
            "Disponibla medel 2020 (tkr)",
            "Budget 2020 (tkr)",
            "Utfall 2020 (tkr)",
            "Kvarvarande medel (tkr)",
        ];
        let g = geometry(&number_table(&headers, 20));
        assert_eq!(g.widths.iter().sum::<u32>(), page::TEXT_WIDTH);
        // Every number column has room for "134 355" and its header's
        // longest word (hyphenated from 12 characters on).
        for (w, h) in g.widths[1..].iter().zip(&headers[1..]) {
            let word = h.split_whitespace().map(|w| w.chars().count()).max();
            let least = word.unwrap_or(0).clamp(7, 12) as u32;
            assert!(*w >= least * g.half_points * 6 + 2 * CELL_PAD, "{h}: {w}");
        }
    }

    #[test]
    fn too_many_columns_get_smaller_type() {
        let headers: Vec<String> = (0..16).map(|i| format!("Kolumnrubrik{i}")).collect();
        let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
        let g = geometry(&number_table(&headers, 2));
        assert_eq!(g.half_points, 14);
        assert_eq!(g.widths.iter().sum::<u32>(), page::TEXT_WIDTH);
    }

    #[test]
    fn numbers_get_a_tab_and_appendices_a_space() {
        let h = |n: &str| Heading {
            number: n.into(),
            title: "Titel".into(),
        };
        assert!(heading_runs(&h("2.4"), "").contains("<w:tab/>"));
        assert!(heading_runs(&h("Bilaga 1"), "").contains("Bilaga 1 Titel"));
        assert!(!heading_runs(&h(""), "").contains("<w:tab/>"));
    }
}
