"""Reads a Word document tertial wrote with python-docx (a reader that is
not tertial's) and prints what tests/integration/docx.rs checks, as one JSON object:

    paragraphs  every body paragraph in order: style name, text, alignment
    tables      every table: its rows of cell texts, whether its first row
                repeats on every page, each cell's paragraph alignment
    pictures    every inline picture: alternative text (descr), title,
                shown size (EMU) and the image's size in pixels
    language    the document default language (styles.xml)
    update      whether settings.xml asks Word to update fields on open
    footer      the footer's field instructions; whether the first page
                has a footer of its own (titlePg)
    core        title and language of the document properties

Tabs in texts stay tabs. Exit status 3 when python-docx is missing.
"""

import json
import sys

try:
    import docx
    from docx.oxml.ns import qn
except ImportError:
    sys.stderr.write(
        "python-docx saknas: installera det med `python3 -m pip install python-docx` "
        "(.ci/run gör det)\n"
    )
    sys.exit(3)


def alignment(p):
    a = p.alignment
    if a is None and p.style is not None:
        a = p.style.paragraph_format.alignment
    return "" if a is None else str(a).split(".")[-1].split(" ")[0].lower()


def main(path):
    d = docx.Document(path)
    out = {}
    out["paragraphs"] = [
        {"style": p.style.name if p.style is not None else "", "text": p.text,
         "align": alignment(p)}
        for p in d.paragraphs
    ]
    tables = []
    for t in d.tables:
        rows = []
        aligns = []
        for r in t.rows:
            rows.append([c.text for c in r.cells])
            aligns.append([alignment(c.paragraphs[0]) if c.paragraphs else "" for c in r.cells])
        first = t.rows[0]._tr if len(t.rows) else None
        header = False
        if first is not None and first.trPr is not None:
            header = first.trPr.find(qn("w:tblHeader")) is not None
        tables.append({"rows": rows, "aligns": aligns, "header_repeats": header})
    out["tables"] = tables
    pictures = []
    for shape in d.inline_shapes:
        inline = shape._inline
        doc_pr = inline.docPr
        blip = inline.xpath(".//a:blip")[0]
        rid = blip.get(qn("r:embed"))
        image = d.part.related_parts[rid].image
        pictures.append({
            "descr": doc_pr.get("descr") or "",
            "title": doc_pr.get("title") or "",
            "cx": int(shape.width),
            "cy": int(shape.height),
            "px": [image.px_width, image.px_height],
            "type": image.content_type,
        })
    out["pictures"] = pictures
    styles = d.styles.element
    lang = styles.find(qn("w:docDefaults"))
    lang = lang.find(".//" + qn("w:lang")) if lang is not None else None
    out["language"] = lang.get(qn("w:val")) if lang is not None else ""
    settings = d.settings.element
    upd = settings.find(qn("w:updateFields"))
    out["update"] = upd is not None and upd.get(qn("w:val")) in ("true", "1", None)
    section = d.sections[0]
    out["footer"] = [i.text for i in section.footer._element.iter(qn("w:instrText"))]
    out["title_page"] = section.different_first_page_header_footer
    out["orientation"] = str(section.orientation).split(".")[-1].split(" ")[0].lower()
    out["core"] = {"title": d.core_properties.title, "language": d.core_properties.language}
    heading_levels = {}
    for s in d.styles:
        if s.name and s.name.startswith("Heading") and s.element.pPr is not None:
            lvl = s.element.pPr.find(qn("w:outlineLvl"))
            if lvl is not None:
                heading_levels[s.name] = int(lvl.get(qn("w:val")))
    out["outline_levels"] = heading_levels
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
