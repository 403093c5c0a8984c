//! The checks the fuzz targets make, shared with `tests/integration/fuzz_regressions.rs`
//! (which runs the kept inputs through them), so the two never drift apart.
//! Included by path from both; it is not a module of the library.
// Each fuzz target uses one of the checks.
#![allow(dead_code)]

use std::path::Path;

use rust_decimal::Decimal;
use tertial::charts::{ChartKind, ChartSize, chart, render_png, render_svg};
use tertial::cli::escape_figure;
use tertial::domain::Workspace;
use tertial::domain::key_figures::key_figures;
use tertial::domain::{check, tables};
use tertial::export::csv::table_to_csv;

use tertial::domain::numbers::{
    NBSP, Unit, format_amount, format_change, format_decimal, format_fte, format_kronor,
    format_percent, format_signed_amount, parse, parse_value, round_half_up,
};
use tertial::storage::{from_ron_bytes, from_ron_str, to_ron_string};

/// The `load_workspace` target's checks.
pub fn check_workspace_bytes(data: &[u8], path: &Path) {
    let name = path.file_name().expect("file name").to_string_lossy();
    match from_ron_bytes(data, path) {
        Ok(ws) => {
            let text = to_ron_string(&ws)
                .unwrap_or_else(|e| panic!("a loaded workspace cannot be saved: {e}"));
            let back = from_ron_str(&text, path)
                .unwrap_or_else(|e| panic!("a saved workspace cannot be loaded: {e}\n{text}"));
            assert!(back == ws, "save + load changed the workspace:\n{text}");
        }
        Err(e) => {
            let msg = e.to_string();
            assert!(!msg.is_empty(), "empty load error: {e:?}");
            assert!(
                msg.contains(&*name),
                "load error without the file name: {msg}"
            );
        }
    }
}

/// The `swedish_number` target's checks. `data` is the raw input; only
/// UTF-8 text is parsed.
pub fn check_number_bytes(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let parsed = parse(s);
    let value = parse_value(s);
    assert_eq!(
        parsed.clone().map(|p| p.value),
        value,
        "parse and parse_value disagree on {s:?}"
    );
    let v = match value {
        Ok(v) => v,
        Err(e) => {
            assert!(!e.to_string().is_empty(), "empty error for {s:?}");
            return;
        }
    };
    // Printed with its own scale (what an edit cell shows) it parses back.
    // This holds by design: with `v.scale()` decimals nothing is rounded
    // away, and `parse` reads the no-break-space groups and decimal comma
    // that `format_decimal` writes (every Decimal fits in 29 digits).
    let text = format_decimal(v, v.scale());
    assert_eq!(parse_value(&text), Ok(v), "{s:?} -> {v} -> {text:?}");
    let n = v.normalize();
    let text = format!("{}{NBSP}%", format_decimal(n, n.scale()));
    assert_eq!(
        parse(&text).map(|p| (p.value, p.unit)),
        Ok((v, Unit::Percent)),
        "{text:?}"
    );
    // Whole-number forms parse back to the value rounded half away from zero.
    let whole = round_half_up(v, 0);
    assert_eq!(parse_value(&format_amount(v)), Ok(whole), "amount of {v}");
    assert_eq!(
        parse(&format_percent(v)).map(|p| (p.value, p.unit)),
        Ok((whole, Unit::Percent)),
        "percent of {v}"
    );
    assert_eq!(
        parse(&format_kronor(v)).map(|p| (p.value, p.unit)),
        Ok((whole, Unit::Kronor)),
        "kronor of {v}"
    );
    // Any number of decimals: the printed text is the rounded value.
    let dp = (data.len() % 30) as u32;
    let text = format_decimal(v, dp);
    assert_eq!(
        parse_value(&text),
        Ok(round_half_up(v, dp)),
        "{v} with {dp} decimals: {text:?}"
    );
    // The display-only forms (`±0 %`, `+104`) must just not panic.
    let _ = (format_fte(v), format_change(v), format_signed_amount(v));
}

// ------------------------------------------------- derived_outputs

/// The workspaces the generator starts from: the four samples (every kind
/// of report, every optional table) and a nearly empty one.
const BASES: [&str; 5] = [
    include_str!("../sample-data/delarsrapport-2020-t1-2.ron"),
    include_str!("../sample-data/resultatuppfoljning-2022-t2.ron"),
    include_str!("../sample-data/resultatuppfoljning-helar-2019.ron"),
    include_str!("../sample-data/verksamhetsplan-2021-2023.ron"),
    "(format_version: 2, workspace: ())",
];

/// Reads the fuzz input a few bytes at a time; zeros once it runs out.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn u8(&mut self) -> u8 {
        match self.0.split_first() {
            Some((b, rest)) => {
                self.0 = rest;
                *b
            }
            None => 0,
        }
    }
    fn u16(&mut self) -> u16 {
        u16::from_le_bytes([self.u8(), self.u8()])
    }
    fn u32(&mut self) -> u32 {
        u32::from_le_bytes([self.u8(), self.u8(), self.u8(), self.u8()])
    }
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A decimal: the edges of `Decimal`'s range and its scale, or any
/// mantissa, scale and sign.
fn gen_decimal(b: &mut Bytes) -> Decimal {
    match b.u8() % 12 {
        0 => Decimal::MAX,
        1 => Decimal::MIN,
        2 => Decimal::ZERO,
        3 => Decimal::new(1, 28),
        4 => Decimal::ONE_HUNDRED,
        5 => -Decimal::ONE_HUNDRED,
        6 => Decimal::new(i64::from(b.u16()), 0),
        7 => Decimal::new(i64::from(b.u8()) - 100, u32::from(b.u8() % 3)),
        _ => Decimal::from_parts(
            b.u32(),
            b.u32(),
            b.u32(),
            b.u8() & 1 == 1,
            u32::from(b.u8()) % 29,
        ),
    }
}

/// A text: what breaks outputs (control characters, formula prefixes,
/// markup, decomposed letters, long words), or the input's own bytes.
fn gen_text(b: &mut Bytes) -> String {
    const PIECES: [&str; 16] = [
        "\u{b}",
        "\n",
        "\r\n",
        "\t",
        "\0",
        "=1+1",
        "-",
        "@",
        "<b>&amp;</b>",
        "\"",
        "\\",
        "a\u{308}",
        "\u{fffe}",
        "🙂",
        "Nätverk elevhälsa",
        " ",
    ];
    match b.u8() % 6 {
        0 => String::new(),
        1 => "W".repeat(usize::from(b.u16()) * 4),
        2 => {
            let word = PIECES[usize::from(b.u8()) % PIECES.len()];
            word.repeat(usize::from(b.u8()) + 1)
        }
        3 => {
            let n = usize::from(b.u8() % 32);
            let raw: Vec<u8> = (0..n).map(|_| b.u8()).collect();
            String::from_utf8_lossy(&raw).into_owned()
        }
        _ => (0..b.u8() % 8)
            .map(|_| PIECES[usize::from(b.u8()) % PIECES.len()])
            .collect(),
    }
}

/// A date text: valid dates in and around the samples' periods, and
/// the malformed ones `check` must call invalid.
fn gen_date(b: &mut Bytes) -> String {
    match b.u8() % 8 {
        0 => "0000-01-01".into(),
        1 => "2020-+3-+5".into(),
        2 => "9999-12-31".into(),
        3 => "2020-02-30".into(),
        _ => format!(
            "{:04}-{:02}-{:02}",
            2018 + u32::from(b.u8() % 7),
            1 + b.u8() % 12,
            1 + b.u8() % 28
        ),
    }
}

/// A literal as RON writes it.
fn ron_string(s: &str) -> String {
    ron::to_string(&s).unwrap_or_else(|_| "\"\"".into())
}

#[derive(PartialEq)]
enum Literal {
    Decimal,
    Date,
    Text,
}

/// What a string literal of a workspace holds.
fn kind_of(s: &str) -> Literal {
    if s.parse::<Decimal>().is_ok() {
        Literal::Decimal
    } else if s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-' {
        Literal::Date
    } else {
        Literal::Text
    }
}

/// Where the string and integer literals of a RON text are.
fn literals(text: &str) -> Vec<(usize, usize, bool)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c == b'"' {
            let start = i;
            i += 1;
            while i < bytes.len() && bytes[i] != b'"' {
                i += if bytes[i] == b'\\' { 2 } else { 1 };
            }
            i = (i + 1).min(bytes.len());
            out.push((start, i, true));
        } else if c.is_ascii_digit()
            && i > 0
            && matches!(bytes[i - 1], b' ' | b'(' | b'[')
            && !text[..i].ends_with("format_version: ")
        {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            out.push((start, i, false));
        } else {
            i += 1;
        }
    }
    out
}

/// A workspace generated from fuzz bytes: one of [`BASES`], with lines
/// (list entries) repeated or dropped, then string and number literals
/// replaced by generated decimals, texts, dates, copies of other literals
/// (duplicate names, many meetings on one date) and edge integers. `None`
/// when the edited text does not load (a number out of its type's range).
pub fn workspace_from_bytes(data: &[u8]) -> Option<Workspace> {
    generate(data).ok()
}

fn generate(data: &[u8]) -> Result<Workspace, String> {
    let mut b = Bytes(data);
    let base = BASES[usize::from(b.u8()) % BASES.len()];
    let mut lines: Vec<String> = base.lines().map(str::to_string).collect();
    for _ in 0..b.u8() % 16 {
        let at = usize::from(b.u16()) % lines.len();
        // Only whole list entries: `(…),` on a line of their own.
        let entry = lines[at].trim();
        if !(entry.starts_with('(') && entry.ends_with("),")) {
            continue;
        }
        if b.u8() % 3 == 0 {
            lines.remove(at);
        } else {
            let copies = usize::from(b.u8() % 8) + 1;
            let line = lines[at].clone();
            for _ in 0..copies {
                lines.insert(at, line.clone());
            }
        }
    }
    let mut text = lines.join("\n");
    let mut edits = 0;
    while !b.is_empty() && edits < 64 {
        edits += 1;
        let found = literals(&text);
        if found.is_empty() {
            break;
        }
        let (start, end, is_string) = found[usize::from(b.u16()) % found.len()];
        let old = &text[start..end];
        // Each literal keeps its kind (a decimal stays a decimal text, a
        // date a date text), so most edits still load.
        let inner = old.trim_matches('"');
        let new = if is_string {
            let kind = b.u8();
            if kind % 5 == 0 {
                // Another literal of the same kind: duplicate names, many
                // meetings on one date.
                let same: Vec<&(usize, usize, bool)> = found
                    .iter()
                    .filter(|(s, e, str)| {
                        *str && kind_of(text[*s..*e].trim_matches('"')) == kind_of(inner)
                    })
                    .collect();
                let (s, e, _) = same[usize::from(b.u16()) % same.len()];
                text[*s..*e].to_string()
            } else {
                match kind_of(inner) {
                    Literal::Decimal => ron_string(&gen_decimal(&mut b).to_string()),
                    Literal::Date => ron_string(&gen_date(&mut b)),
                    Literal::Text => ron_string(&gen_text(&mut b)),
                }
            }
        } else {
            match b.u8() % 8 {
                0 => u32::MAX.to_string(),
                1 => i32::MAX.to_string(),
                2 => b.u32().to_string(),
                3 => "0".into(),
                _ => b.u8().to_string(),
            }
        };
        text.replace_range(start..end, &new);
    }
    tertial::storage::from_ron_str(&text, Path::new("fuzz.ron")).map_err(|e| e.to_string())
}

/// The `derived_outputs` target's checks on one workspace: `check`, every
/// table (cells and CSV), every chart as PNG and SVG, and the key figures
/// never panic; check and figures lines stay one line each; every SVG is
/// XML; every PNG is a PNG.
pub fn check_outputs(ws: &Workspace) {
    for f in check::check(ws) {
        let line = escape_figure(&f.to_string());
        assert!(!line.contains(['\n', '\r']), "check line: {line:?}");
    }
    for t in tables::all_tables(ws) {
        for row in &t.rows {
            for cell in &row.cells {
                let _ = cell.display();
            }
        }
        let _ = table_to_csv(&t);
    }
    let size = ChartSize::MIN;
    for kind in ChartKind::ALL {
        let c = chart(ws, kind);
        match render_png(&c, size) {
            Ok(png) => assert!(png.starts_with(b"\x89PNG"), "{kind:?}: not a PNG"),
            Err(e) => panic!("{kind:?} as PNG: {e}"),
        }
        match render_svg(&c, size) {
            Ok(svg) => {
                if let Err(e) = roxmltree::Document::parse(&svg) {
                    panic!("{kind:?} as SVG is not XML: {e}");
                }
            }
            Err(e) => panic!("{kind:?} as SVG: {e}"),
        }
    }
    for (k, v) in key_figures(ws) {
        let line = format!("{}\t{}", escape_figure(&k), escape_figure(&v));
        assert_eq!(line.matches('\t').count(), 1, "figures line: {line:?}");
        assert!(!line.contains(['\n', '\r']), "figures line: {line:?}");
    }
}

/// The `derived_outputs` target: bytes → workspace → [`check_outputs`].
pub fn check_derived_bytes(data: &[u8]) {
    if let Some(ws) = workspace_from_bytes(data) {
        check_outputs(&ws);
    }
}
