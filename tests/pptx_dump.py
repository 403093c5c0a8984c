"""Reads a slide deck tertial wrote with python-pptx (a reader that is not
tertial's) and prints what tests/integration/pptx.rs checks, one tab-separated line
each:

    deck <slide width EMU> <slide height EMU> <slides>
    slide <n> <layout name> <heading>
    text <n> <paragraph>
    table <n> <table> <row> <column> <cell text>
    picture <n> <width px> <height px> <dpi x> <dpi y> <cx EMU> <cy EMU> <descr>

Slides are numbered from 1. Tabs and line breaks inside texts become
spaces. Exit status 3 when python-pptx is missing.
"""

import sys

try:
    from pptx import Presentation
    from pptx.enum.shapes import MSO_SHAPE_TYPE
except ImportError:
    sys.stderr.write(
        "python-pptx saknas: installera det med `python3 -m pip install python-pptx` "
        "(.ci/run gör det)\n"
    )
    sys.exit(3)


def text(v):
    return str(v).replace("\t", " ").replace("\n", " ").replace("\r", " ").replace("\x0b", " ")


def main(path):
    deck = Presentation(path)
    out = []
    out.append(["deck", deck.slide_width, deck.slide_height, len(deck.slides)])
    for n, slide in enumerate(deck.slides, start=1):
        title = slide.shapes.title
        heading = title.text_frame.text if title is not None else ""
        out.append(["slide", n, slide.slide_layout.name, text(heading)])
        tables = 0
        for shape in slide.shapes:
            if title is not None and shape.shape_id == title.shape_id:
                continue
            if shape.shape_type == MSO_SHAPE_TYPE.PICTURE:
                w, h = shape.image.size
                dx, dy = shape.image.dpi
                descr = shape._element.nvPicPr.cNvPr.get("descr") or ""
                out.append(["picture", n, w, h, dx, dy, shape.width, shape.height, text(descr)])
            elif shape.has_table:
                tables += 1
                for r, row in enumerate(shape.table.rows):
                    for c, cell in enumerate(row.cells):
                        out.append(["table", n, tables, r, c, text(cell.text)])
            elif shape.has_text_frame:
                for p in shape.text_frame.paragraphs:
                    t = "".join(run.text for run in p.runs)
                    if t.strip():
                        out.append(["text", n, text(t)])
    for line in out:
        print("\t".join(str(f) for f in line))


if __name__ == "__main__":
    main(sys.argv[1])
