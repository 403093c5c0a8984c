#!/usr/bin/env python3
"""Cut a seed report's text into tertial passages, heading by heading.

The seed reports in ../shared/seeds/ are plain text: headings on lines of
their own, paragraphs separated by blank lines, bullet lines starting with
"- ", numbered lines starting with "1. ", table rows holding tabs, notes
starting with "*" or "¹", and page breaks that cut a sentence in two (a
line without a full stop followed by one starting in lower case). This
script reads such a text and prints, for every heading, the passages under
it as RON (`Paragraph("…")`, `Bullets([…])`, `Subheading("…")`,
`Note("…")`, and `Table(?)` where a table stands, with its first row as a
comment) so that a sample workspace can hold the report word for word.

It does not decide which report table a `Table(?)` is: the person building
the sample replaces each with `Measures`, `Activities` or
`Table(BudgetFollowUp)` … and leaves out the notes the table already holds.
The words are the seed's own (page breaks joined, whitespace collapsed);
mistakes in the seed are kept.

Usage:
  seed_passages.py SEED.txt [FIRST_HEADING]

FIRST_HEADING is the line the body starts with (default "1 Inledning", the
first line equal to it; the contents list has page numbers after a tab).
Python 3, standard library only.
"""

import re
import sys

END = re.compile(r"[.!?:;]\s*$|[.!?]”\s*$|[.!?]\"\s*$")


def clean(s):
    s = s.replace("\u00ad", "").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", s).strip()


def ron(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def units(lines):
    """Lines to units: ('p', text), ('b', [items]), ('n', [items]),
    ('note', text), ('table', first_row), ('blank',)."""
    out = []
    for raw in lines:
        if "\t" in raw:
            row = clean(raw.replace("\t", " | "))
            if out and out[-1][0] == "table":
                continue
            out.append(("table", row))
            continue
        line = clean(raw)
        if not line:
            out.append(("blank",))
            continue
        prev = next((u for u in reversed(out) if u[0] != "blank"), None)
        # A page break in the middle of a sentence: go on with it.
        if (
            prev is not None
            and re.match(r"^[a-zåäö]", line)
            and prev[0] in ("p", "b", "n")
            and not END.search(prev[1] if prev[0] == "p" else prev[1][-1])
        ):
            while out[-1][0] == "blank":
                out.pop()
            if prev[0] == "p":
                out[-1] = ("p", prev[1] + " " + line)
            else:
                out[-1][1][-1] += " " + line
            continue
        m = re.match(r"^[-•]\s+(.*)$", line)
        if m:
            if out and out[-1][0] == "b":
                out[-1][1].append(m.group(1))
            else:
                out.append(("b", [m.group(1)]))
            continue
        m = re.match(r"^\d+\.\s+(.*)$", line)
        if m:
            if out and out[-1][0] == "n":
                out[-1][1].append(m.group(1))
            else:
                out.append(("n", [m.group(1)]))
            continue
        if re.match(r"^(\*+|¹|²|³)\s*\S", line):
            out.append(("note", line))
            continue
        out.append(("p", line))
    return [u for u in out if u[0] != "blank"]


def passages(us):
    """Units to RON passages; a short line without a full stop is a
    sub-heading."""
    out = []
    for u in us:
        kind = u[0]
        if kind == "p":
            t = u[1]
            if not END.search(t) and len(t) < 140:
                out.append(f"Subheading({ron(t)})")
            else:
                out.append(f"Paragraph({ron(t)})")
        elif kind == "b":
            out.append("Bullets([" + ", ".join(ron(i) for i in u[1]) + "])")
        elif kind == "n":
            out.append("Numbered([" + ", ".join(ron(i) for i in u[1]) + "])")
        elif kind == "note":
            out.append(f"Note({ron(u[1])})")
        elif kind == "table":
            out.append(f"Table(?), // {u[1][:100]}")
    return out


def contents(lines):
    """The numbered headings of the contents list: number -> title."""
    heads = {}
    for line in lines:
        m = re.match(r"^(\d+(?:\.\d+)?)\s+(.*?)\s*\.*\t\d+\s*$", line)
        if m:
            heads[m.group(1)] = clean(m.group(2))
    return heads


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
    first = sys.argv[2] if len(sys.argv) > 2 else "1 Inledning"
    start = next(i for i, l in enumerate(lines) if l.strip() == first)
    heads = contents(lines[:start])
    segments = [("", [])]
    for raw in lines[start:]:
        line = clean(raw)
        m = re.match(r"^(\d+(?:\.\d+)?)\s+(.*)$", line)
        if m and "\t" not in raw and m.group(1) in heads:
            title = heads[m.group(1)]
            if clean(m.group(2)).rstrip(".").startswith(title.rstrip(".")[:25]):
                segments.append((f"{m.group(1)} {clean(m.group(2))}", []))
                continue
        if raw.startswith("# ") or raw.startswith("## "):
            segments.append((line.lstrip("# ").strip("*"), []))
            continue
        segments[-1][1].append(raw)
    for head, body in segments:
        print(f"// ==== {head}")
        for p in passages(units(body)):
            print(f"  {p}" + ("" if p.endswith("// " + p.split("// ")[-1]) and "Table(?)" in p else ","))


if __name__ == "__main__":
    main()
