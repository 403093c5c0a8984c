//! One slide as PresentationML: the heading in the layout's title
//! placeholder, text boxes, slide tables (`a:tbl`) and pictures, stacked
//! down the body area at the largest text size (from a ladder) at which
//! everything fits. Text is measured with the charts' embedded DejaVu
//! Sans, which is wider than the deck's Calibri (and LibreOffice's
//! metric-compatible Carlito), so what fits here fits there.

use std::fmt::Write as _;

use super::deck::{Block, Layout, Para, Slide};
use crate::charts::text::width as text_width;
use crate::domain::tables::{RowKind, Table, Value};

/// EMU (English Metric Units) per inch and per point.
pub const EMU_PER_INCH: i64 = 914_400;
pub const EMU_PER_PT: i64 = 12_700;
/// A 16:9 slide: 13,333 × 7,5 inches.
pub const SLIDE_WIDTH: i64 = 12_192_000;
pub const SLIDE_HEIGHT: i64 = 6_858_000;
/// The body area under the master's heading and rule, above its footer.
const BODY_LEFT: i64 = 457_200;
const BODY_TOP: i64 = 1_417_320;
const BODY_WIDTH: i64 = SLIDE_WIDTH - 2 * BODY_LEFT;
const BODY_BOTTOM: i64 = 6_400_800;
/// Space between stacked blocks.
const BLOCK_GAP: i64 = 137_160;
/// A text box's default insets (left/right, top/bottom).
const INSET_X: i64 = 91_440;
const INSET_Y: i64 = 45_720;
/// Bullet indentation.
const BULLET_INDENT: i64 = 285_750;
/// Text sizes tried, in points, largest first.
const SIZES: [i64; 8] = [22, 20, 18, 16, 14, 13, 12, 11];

/// A table's text size on a slide whose text is `size`: smaller, and at
/// most 18 points (the seed decks' tables are 14–18).
fn table_size(size: i64) -> i64 {
    (size - 4).clamp(9, 18)
}
/// Line height as a share of the font size (Calibri's 1,22).
const LINE: f64 = 1.22;
/// ab_glyph's size (ascent − descent) of DejaVu Sans for an em of 1.
const DEJAVU_HEIGHT_PER_EM: f64 = 2384.0 / 2048.0;
/// A picture's aspect (the charts' 1920×1080).
pub const PICTURE_SIZE: (u32, u32) = (1920, 1080);

/// Text for XML element content and attributes: `&`, `<`, `>`, `"`
/// escaped and characters XML forbids replaced (see [`crate::charts::xml_escape`]).
pub fn esc(s: &str) -> String {
    crate::charts::xml_escape(s)
}

/// The width in points of `text` at `size_pt`, with a margin of 8 % for
/// the difference between the measuring and the showing font.
fn measure(text: &str, size_pt: f64, bold: bool) -> f64 {
    text_width(text, size_pt * DEJAVU_HEIGHT_PER_EM, bold) * 1.08
}

/// Lines `text` wraps to in `width_pt` at `size_pt`, word by word.
fn wrapped_lines(text: &str, size_pt: f64, bold: bool, width_pt: f64) -> usize {
    // Word widths are added up (with a space's width between), not the
    // line measured again for every word: a paragraph of thousands of words
    // costs one measurement per word.
    let space = measure(" ", size_pt, bold);
    let mut lines = 0usize;
    for hard in text.split('\n') {
        let mut line = 0.0f64;
        let mut count = 1usize;
        for word in hard.split_whitespace() {
            let w = measure(word, size_pt, bold);
            if line <= 0.0 {
                line = w;
            } else if line + space + w <= width_pt {
                line += space + w;
            } else {
                count += 1;
                line = w;
            }
            // A single word wider than the line breaks inside itself.
            if line > width_pt && width_pt > 0.0 {
                count += (line / width_pt).floor() as usize;
                line %= width_pt;
            }
        }
        lines += count;
    }
    lines.max(1)
}

fn emu_to_pt(emu: i64) -> f64 {
    emu as f64 / EMU_PER_PT as f64
}

fn pt_to_emu(pt: f64) -> i64 {
    (pt * EMU_PER_PT as f64).ceil() as i64
}

/// Height of a text box holding `paras` at `size` in a box `width` wide.
fn text_height(paras: &[Para], size: i64, width: i64) -> i64 {
    let size_f = size as f64;
    let mut pt = 0.0;
    for (i, p) in paras.iter().enumerate() {
        let indent = if p.bullet { BULLET_INDENT } else { 0 };
        let avail = emu_to_pt(width - 2 * INSET_X - indent);
        let bold = p.runs.iter().all(|(_, b)| *b);
        let lines = wrapped_lines(&p.text(), size_f, bold, avail);
        pt += lines as f64 * size_f * LINE;
        if i > 0 {
            pt += size_f * 0.4;
        }
    }
    pt_to_emu(pt) + 2 * INSET_Y
}

/// A table laid out at one text size: its column widths and row heights.
struct TableLayout {
    size: i64,
    columns: Vec<i64>,
    rows: Vec<i64>,
    caption: i64,
    /// Whether every column has room for its widest word.
    words_fit: bool,
}

const CELL_MARGIN_X: i64 = 91_440;
const CELL_MARGIN_Y: i64 = 45_720;

fn cell_texts(t: &Table) -> Vec<Vec<String>> {
    let n = t.headers.len();
    std::iter::once(t.headers.clone())
        .chain(t.rows.iter().map(|r| {
            (0..n)
                .map(|c| {
                    r.cells
                        .get(c)
                        .map(|cell| cell.display())
                        .unwrap_or_default()
                })
                .collect()
        }))
        .collect()
}

fn table_layout(t: &Table, size: i64, width: i64) -> TableLayout {
    let texts = cell_texts(t);
    let n = t.headers.len().max(1);
    let size_f = size as f64;
    let pad = emu_to_pt(2 * CELL_MARGIN_X);
    // Each column wants its widest cell on one line and needs its widest
    // word; headers may wrap.
    let mut want = vec![0.0f64; n];
    let mut need = vec![0.0f64; n];
    for (r, row) in texts.iter().enumerate() {
        for (c, text) in row.iter().enumerate().take(n) {
            let bold = r == 0;
            let widest_word = text
                .split_whitespace()
                .map(|w| measure(w, size_f, bold))
                .fold(0.0, f64::max);
            need[c] = need[c].max(widest_word + pad);
            if r > 0 {
                want[c] = want[c].max(measure(text, size_f, bold) + pad);
            }
        }
    }
    for c in 0..n {
        want[c] = want[c].max(need[c]);
    }
    let total = emu_to_pt(width);
    let words_fit = need.iter().sum::<f64>() <= total;
    let sum_want: f64 = want.iter().sum();
    let widths_pt: Vec<f64> = if sum_want <= total {
        // Room to spare goes to every column alike.
        let extra = (total - sum_want) / n as f64;
        want.iter().map(|w| w + extra).collect()
    } else {
        // Too narrow: every column keeps what its words need, the rest is
        // shared in proportion to what each wants beyond that.
        let sum_need: f64 = need.iter().sum();
        let spare = (total - sum_need).max(0.0);
        let beyond: f64 = want.iter().zip(&need).map(|(w, n)| w - n).sum();
        want.iter()
            .zip(&need)
            .map(|(w, nd)| {
                if beyond > 0.0 {
                    nd + spare * (w - nd) / beyond
                } else {
                    *nd
                }
            })
            .collect()
    };
    let scale = if widths_pt.iter().sum::<f64>() > total {
        total / widths_pt.iter().sum::<f64>()
    } else {
        1.0
    };
    let mut columns: Vec<i64> = widths_pt.iter().map(|w| pt_to_emu(w * scale)).collect();
    // Exactly the table's width: the last column takes the rounding.
    let used: i64 = columns.iter().sum();
    if let Some(last) = columns.last_mut() {
        *last += width - used;
    }
    let rows = texts
        .iter()
        .enumerate()
        .map(|(r, row)| {
            let lines = row
                .iter()
                .zip(&columns)
                .map(|(text, w)| {
                    wrapped_lines(text, size_f, r == 0, emu_to_pt(w - 2 * CELL_MARGIN_X))
                })
                .max()
                .unwrap_or(1);
            pt_to_emu(lines as f64 * size_f * LINE) + 2 * CELL_MARGIN_Y
        })
        .collect();
    let caption = if t.title.trim().is_empty() {
        0
    } else {
        text_height(&[Para::bold(t.title.clone())], size, width)
    };
    TableLayout {
        size,
        columns,
        rows,
        caption,
        words_fit,
    }
}

/// Where a picture of the charts' aspect goes in a space `height` high.
fn picture_size(height: i64) -> (i64, i64) {
    let (w, h) = (i64::from(PICTURE_SIZE.0), i64::from(PICTURE_SIZE.1));
    // A whole number of aspect units, so the picture keeps its aspect
    // exactly (1920:1080 is 16:9).
    let g = gcd(w, h);
    let (uw, uh) = (w / g, h / g);
    let units = (height / uh).min(BODY_WIDTH / uw);
    (units * uw, units * uh)
}

fn gcd(a: i64, b: i64) -> i64 {
    if b == 0 { a.max(1) } else { gcd(b, a % b) }
}

/// A placed block.
enum Placed<'a> {
    Text {
        paras: &'a [Para],
        size: i64,
        y: i64,
        cy: i64,
    },
    Table {
        table: &'a Table,
        layout: TableLayout,
        y: i64,
    },
    Picture {
        index: usize,
        x: i64,
        y: i64,
        cx: i64,
        cy: i64,
    },
}

/// Stacks `body` down the body area at the largest size where all fits.
/// Whether `body` fits the slide's body area at text size `size`: every
/// table's words in their columns, the blocks one under the other, and
/// at least half the height left for pictures if there are any.
fn fits_at(body: &[Block], size: i64) -> bool {
    let available = BODY_BOTTOM - BODY_TOP;
    let mut used = BLOCK_GAP * body.len().saturating_sub(1) as i64;
    let mut pictures = 0;
    let mut words_fit = true;
    for b in body {
        used += match b {
            Block::Text(paras) => text_height(paras, size, BODY_WIDTH),
            Block::Table(t) => {
                let l = table_layout(t, table_size(size), BODY_WIDTH);
                words_fit &= l.words_fit;
                l.caption + l.rows.iter().sum::<i64>()
            }
            Block::Chart(_) => {
                pictures += 1;
                0
            }
        };
    }
    let picture_room = available - used;
    words_fit && picture_room >= 0 && (pictures == 0 || picture_room >= available / 2)
}

/// The smallest text size a slide is set in before its content goes on to
/// a slide of its own (see `deck::paginate`).
pub const MIN_READABLE: i64 = 12;

/// Whether `body` fits one slide at a readable size.
pub fn fits(body: &[Block]) -> bool {
    SIZES
        .iter()
        .filter(|&&s| s >= MIN_READABLE)
        .any(|&s| fits_at(body, s))
}

/// Stacks `body` down the body area at the largest size where all fits.
fn place(body: &[Block]) -> Vec<Placed<'_>> {
    let fixed_gaps = BLOCK_GAP * body.len().saturating_sub(1) as i64;
    let chosen = SIZES.iter().copied().find(|&s| fits_at(body, s));
    let size = chosen.unwrap_or(SIZES[SIZES.len() - 1]);
    let table_size = table_size(size);
    // Heights without pictures, to share what is left among them.
    let mut heights: Vec<Option<i64>> = body
        .iter()
        .map(|b| match b {
            Block::Text(paras) => Some(text_height(paras, size, BODY_WIDTH)),
            Block::Table(t) => {
                let l = table_layout(t, table_size, BODY_WIDTH);
                Some(l.caption + l.rows.iter().sum::<i64>())
            }
            Block::Chart(_) => None,
        })
        .collect();
    let pictures = heights.iter().filter(|h| h.is_none()).count() as i64;
    let rest: i64 = heights.iter().flatten().sum::<i64>() + fixed_gaps;
    let each = if pictures > 0 {
        ((BODY_BOTTOM - BODY_TOP - rest) / pictures).max(EMU_PER_INCH)
    } else {
        0
    };
    for h in heights.iter_mut() {
        if h.is_none() {
            *h = Some(picture_size(each).1);
        }
    }
    let mut y = BODY_TOP;
    let mut picture_index = 0;
    let mut out = Vec::new();
    let last = body.len().saturating_sub(1);
    for (i, (b, h)) in body.iter().zip(heights).enumerate() {
        let mut h = h.unwrap_or(0);
        // The last text box reaches down to the body's end: room for a
        // showing font that sets lines a little taller than measured.
        if i == last && matches!(b, Block::Text(_)) {
            h = h.max(BODY_BOTTOM - y);
        }
        out.push(match b {
            Block::Text(paras) => Placed::Text {
                paras,
                size,
                y,
                cy: h,
            },
            Block::Table(t) => Placed::Table {
                table: t,
                layout: table_layout(t, table_size, BODY_WIDTH),
                y,
            },
            Block::Chart(_) => {
                let (cx, cy) = picture_size(each);
                picture_index += 1;
                Placed::Picture {
                    index: picture_index - 1,
                    x: (SLIDE_WIDTH - cx) / 2,
                    y,
                    cx,
                    cy,
                }
            }
        });
        y += h + BLOCK_GAP;
    }
    out
}

const NS: &str = r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main""#;

/// A picture's description for the slide: its title and alternative text.
pub struct PictureText {
    pub title: String,
    pub descr: String,
}

/// The XML of `slide`. Picture `i` of the slide refers to relationship
/// `rId{i + 2}` (`rId1` is the layout) and is described by `pictures[i]`.
pub fn slide_xml(slide: &Slide, pictures: &[PictureText]) -> String {
    let mut x = String::new();
    let _ = write!(
        x,
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<p:sld {NS}><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>"#
    );
    let mut id = 2;
    match slide.layout {
        Layout::Title => {
            let _ = write!(
                x,
                r#"<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="Rubrik 1"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="ctrTitle"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>{}</p:txBody></p:sp>"#,
                plain_paragraph(&slide.heading)
            );
            id += 1;
            let paras: String = slide.subtitle.iter().map(|l| plain_paragraph(l)).collect();
            let paras = if paras.is_empty() {
                "<a:p><a:endParaRPr lang=\"sv-SE\"/></a:p>".to_string()
            } else {
                paras
            };
            let _ = write!(
                x,
                r#"<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="Underrubrik 2"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="subTitle" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>{paras}</p:txBody></p:sp>"#
            );
        }
        Layout::Content => {
            // The heading's size: two lines of 28 pt fit the placeholder;
            // longer goals step down.
            let heading_size = [28, 24, 22, 20]
                .into_iter()
                .find(|&s| {
                    wrapped_lines(
                        &slide.heading,
                        f64::from(s),
                        true,
                        emu_to_pt(11_277_600 - 2 * INSET_X),
                    ) <= 2
                })
                .unwrap_or(18);
            let _ = write!(
                x,
                r#"<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="Rubrik 1"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr><a:normAutofit/></a:bodyPr><a:lstStyle/><a:p><a:r><a:rPr lang="sv-SE" sz="{}" dirty="0"/><a:t>{}</a:t></a:r></a:p></p:txBody></p:sp>"#,
                heading_size * 100,
                esc(&slide.heading)
            );
            for placed in place(&slide.body) {
                id += 1;
                match placed {
                    Placed::Text { paras, size, y, cy } => text_box(&mut x, id, paras, size, y, cy),
                    Placed::Table { table, layout, y } => {
                        table_frame(&mut x, &mut id, table, &layout, y)
                    }
                    Placed::Picture {
                        index,
                        x: px,
                        y,
                        cx,
                        cy,
                    } => {
                        let (title, descr) = pictures
                            .get(index)
                            .map(|p| (p.title.as_str(), p.descr.as_str()))
                            .unwrap_or(("", ""));
                        let _ = write!(
                            x,
                            r#"<p:pic><p:nvPicPr><p:cNvPr id="{id}" name="Diagram {id}" descr="{}" title="{}"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed="rId{}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr><a:xfrm><a:off x="{px}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>"#,
                            esc(descr),
                            esc(title),
                            index + 2
                        );
                    }
                }
            }
        }
    }
    x.push_str(r#"</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"#);
    x
}

fn plain_paragraph(text: &str) -> String {
    format!(
        r#"<a:p><a:r><a:rPr lang="sv-SE" dirty="0"/><a:t>{}</a:t></a:r></a:p>"#,
        esc(text)
    )
}

fn runs(p: &Para, size: i64) -> String {
    let mut out = String::new();
    for (text, bold) in &p.runs {
        let b = if *bold { r#" b="1""# } else { "" };
        let _ = write!(
            out,
            r#"<a:r><a:rPr lang="sv-SE" sz="{}"{b} dirty="0"/><a:t>{}</a:t></a:r>"#,
            size * 100,
            esc(text)
        );
    }
    out
}

fn text_box(x: &mut String, id: usize, paras: &[Para], size: i64, y: i64, cy: i64) {
    let _ = write!(
        x,
        r#"<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="Text {id}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="{BODY_LEFT}" y="{y}"/><a:ext cx="{BODY_WIDTH}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr><p:txBody><a:bodyPr wrap="square" lIns="{INSET_X}" tIns="{INSET_Y}" rIns="{INSET_X}" bIns="{INSET_Y}" rtlCol="0" anchor="t"/><a:lstStyle/>"#
    );
    for (i, p) in paras.iter().enumerate() {
        let space = if i > 0 {
            format!(r#"<a:spcBef><a:spcPts val="{}"/></a:spcBef>"#, size * 40)
        } else {
            String::new()
        };
        if p.bullet {
            let _ = write!(
                x,
                r#"<a:p><a:pPr marL="{BULLET_INDENT}" indent="-{BULLET_INDENT}">{space}<a:buFont typeface="Arial"/><a:buChar char="•"/></a:pPr>{}</a:p>"#,
                runs(p, size)
            );
        } else {
            let _ = write!(
                x,
                r#"<a:p><a:pPr marL="0" indent="0">{space}<a:buNone/></a:pPr>{}</a:p>"#,
                runs(p, size)
            );
        }
    }
    x.push_str("</p:txBody></p:sp>");
}

/// Whether column `c` of `t` holds numbers (right-aligned).
fn numeric_column(t: &Table, c: usize) -> bool {
    t.rows
        .iter()
        .filter_map(|r| r.cells.get(c))
        .any(|cell| matches!(cell.value, Value::Number(..)))
}

fn table_frame(x: &mut String, id: &mut usize, t: &Table, l: &TableLayout, y: i64) {
    let mut y = y;
    if l.caption > 0 {
        text_box(x, *id, &[Para::bold(t.title.clone())], l.size, y, l.caption);
        *id += 1;
        y += l.caption;
    }
    let width: i64 = l.columns.iter().sum();
    let height: i64 = l.rows.iter().sum();
    let _ = write!(
        x,
        r#"<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{id}" name="Tabell {id}" descr="{}"/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr><p:xfrm><a:off x="{BODY_LEFT}" y="{y}"/><a:ext cx="{width}" cy="{height}"/></p:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl><a:tblPr firstRow="1" bandRow="1"/><a:tblGrid>"#,
        esc(&t.title)
    );
    for w in &l.columns {
        let _ = write!(x, r#"<a:gridCol w="{w}"/>"#);
    }
    x.push_str("</a:tblGrid>");
    let texts = cell_texts(t);
    let numeric: Vec<bool> = (0..t.headers.len()).map(|c| numeric_column(t, c)).collect();
    for (r, (row, h)) in texts.iter().zip(&l.rows).enumerate() {
        let kind = if r == 0 {
            None
        } else {
            t.rows.get(r - 1).map(|row| row.kind)
        };
        let _ = write!(x, r#"<a:tr h="{h}">"#);
        for (c, text) in row.iter().enumerate() {
            let header = r == 0;
            let bold = header || kind == Some(RowKind::Sum);
            let align = if c > 0 && numeric.get(c).copied().unwrap_or(false) {
                "r"
            } else {
                "l"
            };
            let b = if bold { r#" b="1""# } else { "" };
            let color = if header {
                r#"<a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>"#
            } else {
                r#"<a:solidFill><a:srgbClr val="1A1A1A"/></a:solidFill>"#
            };
            let run = if text.is_empty() {
                format!(r#"<a:endParaRPr lang="sv-SE" sz="{}"/>"#, l.size * 100)
            } else {
                format!(
                    r#"<a:r><a:rPr lang="sv-SE" sz="{}"{b} dirty="0">{color}</a:rPr><a:t>{}</a:t></a:r>"#,
                    l.size * 100,
                    esc(text)
                )
            };
            let fill = if header {
                "1F4E79"
            } else if kind == Some(RowKind::Sum) {
                "DCE6F1"
            } else if r % 2 == 0 {
                "EEF3F8"
            } else {
                "FFFFFF"
            };
            let line = |side: &str| {
                format!(
                    r#"<a:{side} w="6350"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:{side}>"#
                )
            };
            let _ = write!(
                x,
                r#"<a:tc><a:txBody><a:bodyPr/><a:lstStyle/><a:p><a:pPr algn="{align}"/>{run}</a:p></a:txBody><a:tcPr marL="{CELL_MARGIN_X}" marR="{CELL_MARGIN_X}" marT="{CELL_MARGIN_Y}" marB="{CELL_MARGIN_Y}" anchor="ctr">{}{}{}{}<a:solidFill><a:srgbClr val="{fill}"/></a:solidFill></a:tcPr></a:tc>"#,
                line("lnL"),
                line("lnR"),
                line("lnT"),
                line("lnB"),
            );
        }
        x.push_str("</a:tr>");
    }
    x.push_str("</a:tbl></a:graphicData></a:graphic></p:graphicFrame>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            esc("Kurs & konferens <FoU> \"x\" 'y'\u{b}"),
            "Kurs &amp; konferens &lt;FoU&gt; &quot;x&quot; 'y' "
        );
        let slide = Slide {
            layout: Layout::Content,
            heading: "A & B <c>".into(),
            subtitle: Vec::new(),
            body: vec![Block::Text(vec![Para::bullet("x < y & \"z\"")])],
        };
        let xml = slide_xml(&slide, &[]);
        assert!(xml.contains("<a:t>A &amp; B &lt;c&gt;</a:t>"), "{xml}");
        assert!(xml.contains("<a:t>x &lt; y &amp; &quot;z&quot;</a:t>"));
        assert!(!xml.contains("A & B"));
    }

    #[test]
    fn long_text_wraps_to_more_lines() {
        let short = wrapped_lines("Kort", 20.0, false, 400.0);
        let long = wrapped_lines(&"ord ".repeat(200), 20.0, false, 400.0);
        assert_eq!(short, 1);
        assert!(long > 10, "{long}");
    }

    #[test]
    fn a_long_body_steps_the_text_down_and_stays_on_the_slide() {
        let paras: Vec<Para> = (0..14)
            .map(|i| {
                Para::bullet(format!(
                    "Punkt {i} med en ganska lång text som tar plats på bilden"
                ))
            })
            .collect();
        let body = vec![Block::Text(paras)];
        let placed = place(&body);
        let Placed::Text { size, y, cy, .. } = &placed[0] else {
            panic!("a text box");
        };
        assert!(*size < SIZES[0], "{size}");
        assert!(y + cy <= BODY_BOTTOM, "{y} + {cy}");
    }
}
