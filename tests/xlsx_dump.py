"""Reads a workbook tertial wrote with openpyxl (a reader that is not
tertial's) and prints what tests/integration/xlsx.rs checks, one tab-separated line per
sheet and per cell:

    sheet <name> <freeze panes> <orientation> <fit to width> <fit to height>
          <fit to page>
    cell <coordinate> <value> <cached value> <number format> <note>

A value is `n:<number>`, `s:<text>` (a formula is `s:=…`) or empty; the
cached value is what openpyxl reads with data_only=True. Tabs and line
breaks inside texts become spaces. Exit status 3 when openpyxl is missing.
"""

import sys

try:
    import openpyxl
except ImportError:
    sys.stderr.write(
        "openpyxl saknas: installera det med `python3 -m pip install openpyxl` "
        "(.ci/run gör det)\n"
    )
    sys.exit(3)


def text(v):
    return str(v).replace("\t", " ").replace("\n", " ").replace("\r", " ")


def value(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "s:" + str(v)
    if isinstance(v, (int, float)):
        return "n:" + repr(float(v))
    return "s:" + text(v)


def main(path):
    formulas = openpyxl.load_workbook(path, data_only=False)
    cached = openpyxl.load_workbook(path, data_only=True)
    for ws in formulas.worksheets:
        values = cached[ws.title]
        setup = ws.page_setup
        print(
            "sheet",
            text(ws.title),
            ws.freeze_panes or "",
            setup.orientation or "",
            # OOXML's default is 1 page wide when fitting is on.
            setup.fitToWidth if setup.fitToWidth is not None else 1,
            setup.fitToHeight if setup.fitToHeight is not None else 1,
            ws.sheet_properties.pageSetUpPr.fitToPage
            if ws.sheet_properties.pageSetUpPr is not None
            else "",
            sep="\t",
        )
        for row in ws.iter_rows():
            for c in row:
                if c.value is None and c.comment is None:
                    continue
                print(
                    "cell",
                    c.coordinate,
                    value(c.value),
                    value(values[c.coordinate].value),
                    c.number_format,
                    text(c.comment.text) if c.comment else "",
                    sep="\t",
                )


if __name__ == "__main__":
    main(sys.argv[1])
