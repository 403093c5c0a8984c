//! The checks the fuzz targets make, shared with `tests/fuzz_regressions.rs`
//! (which runs the kept inputs through them), so the two never drift apart.
//! Included by path from both; it is not a module of the library.
// Each fuzz target uses one of the two checks.
#![allow(dead_code)]

use std::path::Path;

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
