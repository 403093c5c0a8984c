//! The parts of a .docx package other than the body: content types,
//! relationships, styles, numbering (bullets and numbered lists), settings,
//! the page-number footer and the document properties, and the zip that
//! holds them.
//!
//! The styles are Word's built-in ones by their built-in names ("heading
//! 1", "toc 1", "caption", "List Bullet" …), so Word shows them in the
//! user's language (Rubrik 1, Innehåll 1, Beskrivning …), the headings have
//! their outline levels (navigation pane, *Infoga innehållsförteckning*)
//! and a template's styles can replace ours. Everything is Swedish by
//! default (`w:lang sv-SE`), so Word's spell check reads Swedish.

use crate::charts::xml_escape;
use crate::export::ooxml::{Part, package};

/// Page and type, in twentieths of a point (twips) and half-points.
pub mod page {
    /// A4 portrait.
    pub const WIDTH: u32 = 11_906;
    pub const HEIGHT: u32 = 16_838;
    /// 2 cm all round.
    pub const MARGIN: u32 = 1_134;
    /// The width text and tables may use.
    pub const TEXT_WIDTH: u32 = WIDTH - 2 * MARGIN;
    /// The height of the text area, less the footer's room.
    pub const TEXT_HEIGHT: u32 = HEIGHT - 2 * MARGIN - 600;
    /// English Metric Units per twip (pictures are measured in EMU).
    pub const EMU_PER_TWIP: u64 = 635;
}

/// Heading and table colours: the HTML report's.
pub const HEAD_COLOUR: &str = "1F4E79";
pub const RULE_COLOUR: &str = "BFBFBF";
pub const BAND_COLOUR: &str = "EEF3F8";
pub const MUTED_COLOUR: &str = "4D4D4D";

/// The body font. Arial is on every Windows machine (and its metric twin
/// Liberation Sans on Linux), and it has the report's status symbols and
/// arrows or Word substitutes them from Segoe UI Symbol.
pub const FONT: &str = "Arial";

/// The abstract numbering of bullet lists (`numbering.xml`).
pub const BULLET_NUM_ID: u32 = 1;

/// A picture in `word/media`.
pub struct Media {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// What goes into the package besides the fixed parts.
pub struct Parts<'a> {
    pub title: &'a str,
    pub organisation: &'a str,
    /// `word/document.xml`.
    pub document: String,
    /// Pictures, named `chart1.png` …; relationship ids `rIdImg1` …
    pub media: Vec<Media>,
    /// How many numbered lists the body has; each gets its own numbering
    /// instance (ids 2, 3, …) so every list starts at 1.
    pub numbered_lists: u32,
}

/// The relationship id of picture `index` (0-based).
pub fn media_rel_id(index: usize) -> String {
    format!("rIdImg{}", index + 1)
}

/// The numbering id of numbered list `index` (0-based).
pub fn numbered_list_id(index: u32) -> u32 {
    BULLET_NUM_ID + 1 + index
}

/// The .docx file's bytes (zipped by [`package`]: a fixed time stamp, so
/// the same workspace gives the same file).
pub fn pack(parts: Parts) -> Result<Vec<u8>, zip::result::ZipError> {
    let mut all = vec![
        Part::text("[Content_Types].xml", content_types()),
        Part::text("_rels/.rels", ROOT_RELS),
        Part::text("docProps/core.xml", core(parts.title, parts.organisation)),
        Part::text("docProps/app.xml", APP),
        Part::text("word/document.xml", parts.document),
        Part::text("word/_rels/document.xml.rels", document_rels(&parts.media)),
        Part::text("word/styles.xml", styles()),
        Part::text("word/numbering.xml", numbering(parts.numbered_lists)),
        Part::text("word/settings.xml", SETTINGS),
        Part::text("word/footer1.xml", FOOTER),
    ];
    all.extend(parts.media.into_iter().map(|m| Part {
        name: format!("word/media/{}", m.name),
        bytes: m.bytes,
    }));
    package(&all)
}

fn content_types() -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
         <Default Extension=\"png\" ContentType=\"image/png\"/>",
    );
    for (part, kind) in [
        (
            "/word/document.xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        ),
        (
            "/word/styles.xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
        ),
        (
            "/word/numbering.xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml",
        ),
        (
            "/word/settings.xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml",
        ),
        (
            "/word/footer1.xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
        ),
        (
            "/docProps/core.xml",
            "application/vnd.openxmlformats-package.core-properties+xml",
        ),
        (
            "/docProps/app.xml",
            "application/vnd.openxmlformats-officedocument.extended-properties+xml",
        ),
    ] {
        s.push_str(&format!(
            "<Override PartName=\"{part}\" ContentType=\"{kind}\"/>"
        ));
    }
    s.push_str("</Types>");
    s
}

const ROOT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>\
</Relationships>";

fn core(title: &str, organisation: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{}</dc:title><dc:creator>{}</dc:creator><dc:language>sv-SE</dc:language>\
         </cp:coreProperties>",
        xml_escape(title),
        xml_escape(organisation)
    )
}

const APP: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
<Application>tertial</Application></Properties>";

fn document_rels(media: &[Media]) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
         <Relationship Id=\"rIdNumbering\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>\
         <Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>\
         <Relationship Id=\"rIdFooter\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>",
    );
    for (i, m) in media.iter().enumerate() {
        s.push_str(&format!(
            "<Relationship Id=\"{}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/{}\"/>",
            media_rel_id(i),
            xml_escape(&m.name)
        ));
    }
    s.push_str("</Relationships>");
    s
}

/// Word opens the document by asking to update its fields, which fills the
/// contents with page numbers (`updateFields`). Hyphenation is on but
/// suppressed by default (`docDefaults`); only table headers allow it, so a
/// long header word in a narrow number column breaks where Swedish breaks
/// it ("Kostnads-reducering").
const SETTINGS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:defaultTabStop w:val=\"709\"/>\
<w:autoHyphenation/><w:doNotHyphenateCaps/>\
<w:characterSpacingControl w:val=\"doNotCompress\"/>\
<w:updateFields w:val=\"true\"/>\
<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
<w:themeFontLang w:val=\"sv-SE\"/>\
<w:decimalSymbol w:val=\",\"/><w:listSeparator w:val=\";\"/>\
</w:settings>";

/// The page number, centred, on every page but the title page (the
/// section has `titlePg` and no first-page footer).
const FOOTER: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:ftr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:p><w:pPr><w:pStyle w:val=\"Footer\"/><w:jc w:val=\"center\"/></w:pPr>\
<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>\
<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>\
<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>\
<w:r><w:t>2</w:t></w:r>\
<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>\
</w:p></w:ftr>";

/// A paragraph style: id, built-in name, paragraph and run properties.
fn style(id: &str, name: &str, extra: &str, ppr: &str, rpr: &str) -> String {
    format!(
        "<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>{extra}\
         <w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
    )
}

fn styles() -> String {
    let mut s = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:docDefaults><w:rPrDefault><w:rPr>\
         <w:rFonts w:ascii=\"{FONT}\" w:hAnsi=\"{FONT}\" w:eastAsia=\"{FONT}\" w:cs=\"{FONT}\"/>\
         <w:color w:val=\"1A1A1A\"/><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>\
         <w:lang w:val=\"sv-SE\" w:eastAsia=\"sv-SE\" w:bidi=\"ar-SA\"/>\
         </w:rPr></w:rPrDefault>\
         <w:pPrDefault><w:pPr><w:suppressAutoHyphens/><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>\
         </w:docDefaults>"
    );
    s.push_str(
        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>",
    );
    let heading = |level: u8, size: u32, before: u32, extra_ppr: &str, tab: u32| {
        style(
            &format!("Heading{level}"),
            &format!("heading {level}"),
            "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>",
            &format!(
                "<w:keepNext/><w:keepLines/>{extra_ppr}\
                 <w:tabs><w:tab w:val=\"left\" w:pos=\"{tab}\"/></w:tabs>\
                 <w:spacing w:before=\"{before}\" w:after=\"120\"/>\
                 <w:ind w:left=\"{tab}\" w:hanging=\"{tab}\"/><w:outlineLvl w:val=\"{}\"/>",
                level - 1
            ),
            &format!(
                "<w:b/><w:bCs/><w:color w:val=\"{HEAD_COLOUR}\"/><w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/>"
            ),
        )
    };
    s.push_str(&heading(1, 36, 0, "<w:pageBreakBefore/>", 680));
    s.push_str(&heading(2, 26, 360, "", 850));
    s.push_str(&heading(3, 22, 240, "", 850));
    s.push_str(&style(
        "Title",
        "Title",
        "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>",
        "<w:spacing w:after=\"240\"/>",
        &format!("<w:b/><w:bCs/><w:color w:val=\"{HEAD_COLOUR}\"/><w:sz w:val=\"56\"/><w:szCs w:val=\"56\"/>"),
    ));
    s.push_str(&style(
        "Subtitle",
        "Subtitle",
        "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>",
        "<w:spacing w:after=\"720\"/>",
        &format!("<w:color w:val=\"{MUTED_COLOUR}\"/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>"),
    ));
    // The contents' own heading: looks like a chapter heading but has no
    // outline level, so it is not listed in the contents.
    s.push_str(&style(
        "TOCHeading",
        "TOC Heading",
        "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>",
        "<w:keepNext/><w:pageBreakBefore/><w:spacing w:after=\"240\"/>",
        &format!("<w:b/><w:bCs/><w:color w:val=\"{HEAD_COLOUR}\"/><w:sz w:val=\"36\"/><w:szCs w:val=\"36\"/>"),
    ));
    s.push_str(&style(
        "TOC1",
        "toc 1",
        "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"39\"/>",
        &format!(
            "<w:tabs><w:tab w:val=\"left\" w:pos=\"680\"/><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"{}\"/></w:tabs>\
             <w:spacing w:before=\"120\" w:after=\"40\"/><w:ind w:left=\"680\" w:hanging=\"680\"/>",
            page::TEXT_WIDTH
        ),
        "<w:b/><w:bCs/>",
    ));
    s.push_str(&style(
        "TOC2",
        "toc 2",
        "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"39\"/>",
        &format!(
            "<w:tabs><w:tab w:val=\"left\" w:pos=\"1247\"/><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"{}\"/></w:tabs>\
             <w:spacing w:after=\"40\"/><w:ind w:left=\"1247\" w:hanging=\"567\"/>",
            page::TEXT_WIDTH
        ),
        "<w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/>",
    ));
    s.push_str(&style(
        "Caption",
        "caption",
        "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>",
        "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"60\"/>",
        "<w:b/><w:bCs/><w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/>",
    ));
    s.push_str(&style(
        "ListBullet",
        "List Bullet",
        "<w:basedOn w:val=\"Normal\"/>",
        &format!(
            "<w:numPr><w:numId w:val=\"{BULLET_NUM_ID}\"/></w:numPr><w:spacing w:after=\"60\"/>"
        ),
        "",
    ));
    s.push_str(&style(
        "ListNumber",
        "List Number",
        "<w:basedOn w:val=\"Normal\"/>",
        "<w:spacing w:after=\"60\"/>",
        "",
    ));
    // Notes under tables ("Anm." and footnotes): small and muted.
    s.push_str(&style(
        "TableNote",
        "Tabellanteckning",
        "<w:basedOn w:val=\"Normal\"/>",
        "<w:spacing w:before=\"0\" w:after=\"160\"/>",
        &format!("<w:color w:val=\"{MUTED_COLOUR}\"/><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/>"),
    ));
    // Table cells: no space between paragraphs; the size is set per table.
    s.push_str(&style(
        "TableText",
        "Tabelltext",
        "<w:basedOn w:val=\"Normal\"/>",
        "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>",
        "",
    ));
    // The attendance key figures: a shaded box.
    s.push_str(&style(
        "Summary",
        "Sammanfattning",
        "<w:basedOn w:val=\"Normal\"/>",
        &format!(
            "<w:keepNext/><w:keepLines/><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{BAND_COLOUR}\"/>\
             <w:spacing w:before=\"0\" w:after=\"0\"/><w:ind w:left=\"113\" w:right=\"113\"/>"
        ),
        "",
    ));
    s.push_str(&style(
        "Legend",
        "Symbolförklaring",
        "<w:basedOn w:val=\"Normal\"/>",
        "<w:tabs><w:tab w:val=\"left\" w:pos=\"567\"/></w:tabs><w:spacing w:after=\"60\"/>",
        "",
    ));
    s.push_str(&style(
        "Organisation",
        "Organisation",
        "<w:basedOn w:val=\"Normal\"/>",
        "<w:spacing w:before=\"2880\" w:after=\"720\"/>",
        &format!(
            "<w:b/><w:bCs/><w:caps/><w:color w:val=\"{HEAD_COLOUR}\"/><w:spacing w:val=\"20\"/>"
        ),
    ));
    s.push_str(&style(
        "DataNote",
        "Om uppgifterna",
        "<w:basedOn w:val=\"Normal\"/>",
        "<w:spacing w:after=\"80\"/>",
        &format!("<w:color w:val=\"{MUTED_COLOUR}\"/><w:sz w:val=\"17\"/><w:szCs w:val=\"17\"/>"),
    ));
    s.push_str(&style(
        "Figure",
        "Figur",
        "<w:basedOn w:val=\"Normal\"/>",
        "<w:spacing w:before=\"120\" w:after=\"240\"/><w:jc w:val=\"center\"/>",
        "",
    ));
    s.push_str(&style(
        "Footer",
        "footer",
        "<w:basedOn w:val=\"Normal\"/>",
        "<w:spacing w:after=\"0\"/>",
        &format!("<w:color w:val=\"{MUTED_COLOUR}\"/><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/>"),
    ));
    s.push_str(
        "<w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/>\
         <w:rPr><w:color w:val=\"1A1A1A\"/></w:rPr></w:style>",
    );
    s.push_str(
        "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>\
         <w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>\
         <w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>\
         </w:tblCellMar></w:tblPr></w:style>",
    );
    s.push_str("</w:styles>");
    s
}

/// Bullets (•) for `List Bullet`, and one numbering instance per numbered
/// list, each restarting at 1.
fn numbering(numbered_lists: u32) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/>\
         <w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/>\
         <w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"357\" w:hanging=\"357\"/></w:pPr></w:lvl>\
         </w:abstractNum>\
         <w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType w:val=\"singleLevel\"/>\
         <w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/>\
         <w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"397\" w:hanging=\"397\"/></w:pPr></w:lvl>\
         </w:abstractNum>",
    );
    s.push_str(&format!(
        "<w:num w:numId=\"{BULLET_NUM_ID}\"><w:abstractNumId w:val=\"0\"/></w:num>"
    ));
    for i in 0..numbered_lists {
        s.push_str(&format!(
            "<w:num w:numId=\"{}\"><w:abstractNumId w:val=\"1\"/>\
             <w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>",
            numbered_list_id(i)
        ));
    }
    s.push_str("</w:numbering>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn parse(xml: &str) {
        roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
    }

    #[test]
    fn every_fixed_part_is_well_formed_xml() {
        parse(&content_types());
        parse(ROOT_RELS);
        parse(&core("A & <B>", "K \"U\""));
        parse(APP);
        parse(&document_rels(&[Media {
            name: "chart1.png".into(),
            bytes: Vec::new(),
        }]));
        parse(SETTINGS);
        parse(FOOTER);
        parse(&styles());
        parse(&numbering(3));
    }

    #[test]
    fn headings_are_words_built_in_styles_with_outline_levels() {
        let s = styles();
        let doc = roxmltree::Document::parse(&s).expect("styles");
        let outline = |name: &str| {
            let style = doc
                .descendants()
                .find(|n| {
                    n.has_tag_name("style")
                        && n.children().any(|c| {
                            c.has_tag_name("name")
                                && c.attributes()
                                    .any(|a| a.name() == "val" && a.value() == name)
                        })
                })
                .unwrap_or_else(|| panic!("no style {name}"));
            style
                .descendants()
                .find(|n| n.has_tag_name("outlineLvl"))
                .and_then(|n| n.attributes().find(|a| a.name() == "val"))
                .map(|a| a.value().to_string())
        };
        assert_eq!(outline("heading 1").as_deref(), Some("0"));
        assert_eq!(outline("heading 2").as_deref(), Some("1"));
        assert_eq!(outline("TOC Heading"), None);
        assert!(s.contains("<w:lang w:val=\"sv-SE\""));
    }

    #[test]
    fn each_numbered_list_starts_at_one() {
        let n = numbering(2);
        assert_eq!(n.matches("<w:startOverride w:val=\"1\"/>").count(), 2);
        assert!(n.contains("<w:num w:numId=\"2\">") && n.contains("<w:num w:numId=\"3\">"));
    }

    #[test]
    fn the_package_is_a_zip_with_every_part() {
        let bytes = pack(Parts {
            title: "T",
            organisation: "O",
            document: "<w:document/>".into(),
            media: vec![Media {
                name: "chart1.png".into(),
                bytes: vec![1, 2, 3],
            }],
            numbered_lists: 0,
        })
        .expect("pack");
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("zip");
        let mut names: Vec<String> = (0..zip.len())
            .map(|i| zip.by_index(i).expect("entry").name().to_string())
            .collect();
        names.sort();
        assert_eq!(
            names,
            [
                "[Content_Types].xml",
                "_rels/.rels",
                "docProps/app.xml",
                "docProps/core.xml",
                "word/_rels/document.xml.rels",
                "word/document.xml",
                "word/footer1.xml",
                "word/media/chart1.png",
                "word/numbering.xml",
                "word/settings.xml",
                "word/styles.xml",
            ]
        );
    }
}
