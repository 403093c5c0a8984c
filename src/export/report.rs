//! The whole report as one self-contained HTML document ("Exportera
//! rapport…", `tertial export-report`): a renderer of the shared layout
//! (`export::layout`, which decides what goes where), so the HTML and the
//! Word document never disagree.
//!
//! Every chart is inline SVG from `charts::render_svg`. The file needs
//! nothing outside itself: the font (DejaVu Sans, the charts' font) is
//! embedded, there is no script. Print CSS gives A4 pages, a page break
//! before every chapter, repeated table headers and rows that are not split
//! across pages.

use std::fmt;
use std::path::{Path, PathBuf};

use base64::Engine as _;

use crate::charts::{self, ChartError, ChartKind};
use crate::domain::model::*;
use crate::domain::tables::{RowKind, Table, Value};
pub use crate::export::layout::document_title;
use crate::export::layout::{self, Block, Chapter, ChapterKind, Document, Heading};
use crate::storage::{IoSource, write_atomically};

/// The width charts are drawn at; the page scales them to its width
/// (about 174 mm), where the theme's labels come out near 8 pt.
const CHART_WIDTH: u32 = 1200;

/// Why the report could not be written, in Swedish.
#[derive(Debug, Clone, PartialEq)]
pub enum ReportError {
    Chart(ChartError),
    /// The file could not be written (`source`: the system's error).
    Write {
        path: PathBuf,
        message: String,
        source: Option<IoSource>,
    },
}

impl fmt::Display for ReportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReportError::Chart(e) => write!(f, "Rapportens diagram kunde inte ritas: {e}"),
            ReportError::Write { path, message, .. } => {
                write!(
                    f,
                    "Rapporten {} kunde inte sparas: {message}",
                    path.display()
                )
            }
        }
    }
}

impl std::error::Error for ReportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ReportError::Write {
                source: Some(source),
                ..
            } => Some(source.error()),
            _ => None,
        }
    }
}

/// The default file name: `delarsrapport-2020-t1-2.html`.
pub fn file_name(ws: &Workspace) -> String {
    let kind = match ws.report.kind {
        ReportKind::Resultatuppfoljning => "resultatuppfoljning",
        ReportKind::Delarsrapport => "delarsrapport",
        ReportKind::Verksamhetsberattelse => "verksamhetsberattelse",
        ReportKind::Verksamhetsplan => "verksamhetsplan",
    };
    format!("{kind}-{}.html", ws.report.period.slug())
}

/// Writes the report of `ws` to `path` (atomically).
pub fn export_report(ws: &Workspace, path: &Path) -> Result<(), ReportError> {
    let html = report_html(ws).map_err(ReportError::Chart)?;
    write_atomically(path, html.as_bytes()).map_err(|e| ReportError::Write {
        path: path.to_path_buf(),
        source: e.io_source(),
        message: e.into_reason(),
    })
}

/// The report of `ws` as one HTML document.
pub fn report_html(ws: &Workspace) -> Result<String, ChartError> {
    let doc = layout::layout(ws);
    let mut body = String::with_capacity(2_200_000);
    let mut anchors = Anchors::default();
    for chapter in &doc.chapters {
        chapter_html(ws, chapter, &mut anchors, &mut body)?;
    }

    let title = document_title(ws);
    let mut out = String::with_capacity(body.len() + 2_200_000);
    out.push_str("<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!("<title>{}</title>\n", esc(&title)));
    out.push_str("<style>\n");
    out.push_str(&font_faces());
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n");
    out.push_str(&title_page_html(&doc.title));
    out.push_str(&contents_html(&doc));
    out.push_str(&body);
    out.push_str("</body>\n</html>\n");
    Ok(out)
}

/// The anchors of the contents' entries, numbered in document order
/// (`kap-1`, `avsnitt-2` …), as the contents and the headings both count.
#[derive(Default)]
struct Anchors {
    count: usize,
}

impl Anchors {
    fn next(&mut self, level: u8) -> String {
        self.count += 1;
        format!(
            "{}-{}",
            if level == 1 { "kap" } else { "avsnitt" },
            self.count
        )
    }
}

fn title_page_html(t: &layout::TitlePage) -> String {
    let mut h = String::from("<section class=\"title-page\">\n");
    h.push_str(&format!(
        "<p class=\"organisation\">{}</p>\n",
        esc(&t.organisation.to_uppercase())
    ));
    h.push_str(&format!("<h1>{}</h1>\n", esc(&t.title)));
    h.push_str(&format!("<p class=\"period\">{}</p>\n", esc(&t.period)));
    h.push_str("<dl class=\"facts\">\n");
    for (label, value) in &t.facts {
        h.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", esc(label), esc(value)));
    }
    h.push_str("</dl>\n");
    if !t.notes.is_empty() {
        h.push_str("<div class=\"data-notes\">\n<p><strong>Om uppgifterna</strong></p>\n");
        for n in &t.notes {
            h.push_str(&format!("<p>{}</p>\n", esc(n)));
        }
        h.push_str("</div>\n");
    }
    h.push_str("</section>\n");
    h
}

fn contents_html(doc: &Document) -> String {
    let mut h = String::from(
        "<nav class=\"contents\" id=\"innehall\">\n<h1>Innehållsförteckning</h1>\n<ol>\n",
    );
    let mut anchors = Anchors::default();
    for e in doc.contents() {
        h.push_str(&format!(
            "<li class=\"level-{}\"><a href=\"#{}\"><span class=\"no\">{}</span>{}</a></li>\n",
            e.level,
            anchors.next(e.level),
            esc(&e.heading.number),
            esc(&e.heading.title)
        ));
    }
    h.push_str("</ol>\n</nav>\n");
    h
}

fn chapter_html(
    ws: &Workspace,
    chapter: &Chapter,
    anchors: &mut Anchors,
    out: &mut String,
) -> Result<(), ChartError> {
    let class = match chapter.kind {
        ChapterKind::Chapter => "chapter",
        ChapterKind::Appendix => "appendix",
    };
    out.push_str(&format!(
        "<section class=\"{class}\" id=\"{}\">\n<h1>{}</h1>\n",
        anchors.next(1),
        numbered(&chapter.heading)
    ));
    for block in &chapter.blocks {
        match block {
            Block::Section(h) => out.push_str(&format!(
                "<h2 id=\"{}\">{}</h2>\n",
                anchors.next(2),
                numbered(h)
            )),
            Block::Subheading(title) => out.push_str(&format!("<h3>{}</h3>\n", esc(title))),
            Block::Text(text) => out.push_str(&paragraphs(text)),
            Block::Bullets(items) => out.push_str(&list("ul", items)),
            Block::Numbered(items) => out.push_str(&list("ol", items)),
            Block::Table(t) => out.push_str(&table_html(t)),
            Block::Note(note) => {
                out.push_str(&format!("<p class=\"note\">{}</p>\n", esc(note)));
            }
            Block::Summary(lines) => {
                out.push_str("<div class=\"summary\">\n");
                out.push_str(&list("ul", lines));
                out.push_str("</div>\n");
            }
            Block::Chart(kind) => out.push_str(&chart_html(ws, *kind)?),
            Block::Research(items) => out.push_str(&research_html(items)),
            Block::Legend(entries) => {
                out.push_str("<ul class=\"legend\">\n");
                for (symbol, text) in entries {
                    out.push_str(&format!(
                        "<li><span class=\"symbol\">{}</span> {}</li>\n",
                        esc(symbol),
                        esc(text)
                    ));
                }
                out.push_str("</ul>\n");
            }
        }
    }
    out.push_str("</section>\n");
    Ok(())
}

/// `kind` as inline SVG.
fn chart_html(ws: &Workspace, kind: ChartKind) -> Result<String, ChartError> {
    let chart = charts::chart(ws, kind);
    let svg = charts::render_svg(&chart, layout::chart_size(&chart, CHART_WIDTH))?;
    let svg = match svg.find("<svg") {
        Some(at) => &svg[at..],
        None => svg.as_str(),
    };
    Ok(format!(
        "<figure class=\"chart\" data-chart=\"{}\">\n{svg}\n</figure>\n",
        kind.slug()
    ))
}

fn research_html(items: &[ResearchItem]) -> String {
    let mut out = String::from("<ul class=\"research\">\n");
    for it in items {
        out.push_str(&format!(
            "<li><strong>{}</strong>{}{}</li>\n",
            esc(&it.title),
            if it.description.trim().is_empty() {
                ""
            } else {
                " – "
            },
            esc(&it.description)
        ));
    }
    out.push_str("</ul>\n");
    out
}

fn numbered(h: &Heading) -> String {
    if h.number.is_empty() {
        esc(&h.title)
    } else {
        format!(
            "<span class=\"no\">{}</span>{}",
            esc(&h.number),
            esc(&h.title)
        )
    }
}

/// Text for HTML: `&`, `<`, `>` and quotes escaped.
pub fn esc(s: &str) -> String {
    charts::xml_escape(s)
}

/// Running text: paragraphs at blank lines, line breaks kept.
fn paragraphs(text: &str) -> String {
    let mut out = String::new();
    for p in text.replace("\r\n", "\n").split("\n\n") {
        let p = p.trim();
        if !p.is_empty() {
            out.push_str(&format!("<p>{}</p>\n", esc(p).replace('\n', "<br>")));
        }
    }
    out
}

fn list(tag: &str, items: &[String]) -> String {
    let items: Vec<&String> = items.iter().filter(|i| !i.trim().is_empty()).collect();
    if items.is_empty() {
        return String::new();
    }
    let mut out = format!("<{tag}>\n");
    for i in items {
        out.push_str(&format!("<li>{}</li>\n", esc(i.trim())));
    }
    out.push_str(&format!("</{tag}>\n"));
    out
}

/// Tables of at most this many rows are kept on one page.
const SHORT_TABLE_ROWS: usize = 15;

/// A printed table: caption, header, rows; numbers (and their headers)
/// right-aligned, sum rows marked. A short table is kept on one page, a
/// table of few columns is only as wide as it needs.
fn table_html(t: &Table) -> String {
    let mut classes = vec!["report"];
    if t.rows.len() <= SHORT_TABLE_ROWS {
        classes.push("short");
    }
    if t.headers.len() <= 4 {
        classes.push("narrow");
    }
    let numeric = |col: usize| {
        t.rows
            .iter()
            .filter_map(|r| r.cells.get(col))
            .any(|c| matches!(c.value, Value::Number(..)))
    };
    let mut out = format!(
        "<table class=\"{}\" id=\"{}\">\n<caption>{}</caption>\n<thead><tr>",
        classes.join(" "),
        esc(&t.id),
        esc(&t.title)
    );
    for (i, h) in t.headers.iter().enumerate() {
        let class = if numeric(i) { " class=\"num\"" } else { "" };
        out.push_str(&format!("<th{class}>{}</th>", esc(h)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &t.rows {
        let class = match row.kind {
            RowKind::Data => "",
            RowKind::Sum => " class=\"sum\"",
            RowKind::Extra => " class=\"extra\"",
        };
        out.push_str(&format!("<tr{class}>"));
        for c in &row.cells {
            let num = matches!(c.value, Value::Number(..));
            out.push_str(&format!(
                "<td{}>{}</td>",
                if num { " class=\"num\"" } else { "" },
                esc(&c.display())
            ));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

/// DejaVu Sans, regular and bold, as data URLs: the body text and the
/// charts' SVG text (whose `font-family` names DejaVu Sans, see
/// `charts::theme::FAMILY`) use the very font the charts were measured with.
fn font_faces() -> String {
    let b64 = base64::engine::general_purpose::STANDARD;
    let face = |weight: &str, bytes: &[u8]| {
        format!(
            "@font-face {{ font-family: 'DejaVu Sans'; font-weight: {weight}; \
             src: url(data:font/ttf;base64,{}) format('truetype'); }}\n",
            b64.encode(bytes)
        )
    };
    face("normal", crate::fonts::DEJAVU_SANS) + &face("bold", crate::fonts::DEJAVU_SANS_BOLD)
}

/// Screen and print layout. A4 pages with page numbers; every chapter on a
/// new page; headings kept with what follows; rows and charts not split.
const STYLE: &str = r#"
:root { --text: #1a1a1a; --muted: #4d4d4d; --rule: #bfbfbf; --head: #1f4e79; --band: #eef3f8; }
html { font-family: 'DejaVu Sans', Verdana, Arial, sans-serif; font-size: 10pt; color: var(--text); line-height: 1.45; }
body { margin: 0 auto; max-width: 180mm; padding: 12mm; background: #fff; }
h1 { font-size: 18pt; color: var(--head); margin: 0 0 6mm; line-height: 1.2; }
h2 { font-size: 13pt; color: var(--head); margin: 8mm 0 3mm; line-height: 1.25; }
h3 { font-size: 11pt; margin: 5mm 0 2mm; }
h1, h2, h3, caption { break-after: avoid; page-break-after: avoid; }
.no { display: inline-block; min-width: 2.2em; margin-right: 0.4em; }
p { margin: 0 0 3mm; }
ul, ol { margin: 0 0 3mm; padding-left: 6mm; }
li { margin-bottom: 1mm; }
section.title-page { min-height: 240mm; display: flex; flex-direction: column; justify-content: center; }
section.title-page .organisation { font-weight: bold; letter-spacing: 0.08em; color: var(--head); margin-bottom: 20mm; }
section.title-page h1 { font-size: 28pt; margin-bottom: 4mm; }
section.title-page .period { font-size: 13pt; color: var(--muted); margin-bottom: 16mm; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 6mm; margin: 0 0 10mm; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.data-notes { font-size: 8.5pt; color: var(--muted); border-top: 0.5pt solid var(--rule); padding-top: 3mm; }
nav.contents ol { list-style: none; padding: 0; }
nav.contents li.level-2 { padding-left: 8mm; font-size: 9.5pt; }
nav.contents a { color: inherit; text-decoration: none; }
section.chapter, section.appendix, nav.contents { break-before: page; page-break-before: always; }
table.report { border-collapse: collapse; width: 100%; margin: 2mm 0 5mm; font-size: 8.5pt; }
table.report caption { caption-side: top; text-align: left; font-weight: bold; font-size: 9.5pt; padding-bottom: 1.5mm; }
table.report.short { break-inside: avoid; page-break-inside: avoid; }
table.report.narrow { width: auto; min-width: 55%; }
table.report th { background: var(--head); color: #fff; text-align: left; vertical-align: bottom; padding: 1.2mm 1.5mm; font-weight: bold; }
table.report td { border-bottom: 0.5pt solid var(--rule); padding: 1mm 1.5mm; vertical-align: top; }
table.report th.num { text-align: right; }
table.report td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.report tr.sum td { font-weight: bold; border-top: 1pt solid var(--text); background: var(--band); }
table.report tr.extra td { font-style: italic; }
thead { display: table-header-group; }
tr, figure.chart, .summary, ul.legend { break-inside: avoid; page-break-inside: avoid; }
p.note { font-size: 8pt; color: var(--muted); margin-top: -3mm; }
.summary ul { list-style: none; padding: 2mm 3mm; background: var(--band); }
figure.chart { margin: 3mm 0 6mm; }
figure.chart svg { display: block; width: 100%; height: auto; }
ul.legend { list-style: none; padding-left: 0; }
ul.legend .symbol { display: inline-block; width: 1.6em; text-align: center; font-size: 12pt; }
ul.research li { margin-bottom: 2mm; }
@page { size: A4; margin: 20mm 18mm 18mm 18mm; @bottom-center { content: counter(page); font-family: 'DejaVu Sans', sans-serif; font-size: 8pt; color: #4d4d4d; } }
@page :first { @bottom-center { content: none; } }
@media print { body { max-width: none; padding: 0; } }
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_split_into_paragraphs() {
        assert_eq!(
            paragraphs("a < b & c\nrad två\n\n\n  ny \"del\" "),
            "<p>a &lt; b &amp; c<br>rad två</p>\n<p>ny &quot;del&quot;</p>\n"
        );
        assert_eq!(
            list("ul", &["".into(), " x ".into()]),
            "<ul>\n<li>x</li>\n</ul>\n"
        );
        assert_eq!(list("ul", &[]), "");
    }
}
