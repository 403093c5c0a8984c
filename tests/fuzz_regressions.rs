//! Inputs found by the cargo-fuzz targets in `fuzz/` (crashes, minimised,
//! and small corpus entries that reach the error paths), run through the
//! same checks as the targets:
//!
//! - `tests/fuzz-regressions/load_workspace/*`: loading never panics; a
//!   loaded workspace survives save → load unchanged; an error names the file.
//! - `tests/fuzz-regressions/swedish_number/*`: parsing and printing never
//!   panic, and a parsed value printed back parses to the same value.
//!
//! Each input runs on its own thread with an 8 MiB stack (what libFuzzer's
//! main thread has), so a deep-nesting input behaves as it did when fuzzed.
//! All inputs run before the test fails, and the failure lists every one.

use std::path::{Path, PathBuf};

use tertial::domain::numbers::{
    NBSP, Unit, format_amount, format_change, format_decimal, format_fte, format_kronor,
    format_percent, format_signed_amount, parse, parse_value, round_half_up,
};
use tertial::storage::{from_ron_bytes, from_ron_str, to_ron_string};

/// The `load_workspace` target's checks.
fn check_workspace_bytes(data: &[u8], path: &Path) {
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
fn check_number_bytes(data: &[u8]) {
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

/// Every file in `tests/fuzz-regressions/<target>/`, sorted; fails if the
/// folder is missing or empty, so the test never passes by testing nothing.
fn inputs(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-regressions")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(
        !files.is_empty(),
        "no regression inputs in {}",
        dir.display()
    );
    files
}

/// Run `check` on every input of `target`, each on an 8 MiB thread, and
/// fail with the list of inputs that panicked.
fn run_all(target: &str, check: fn(&[u8], &Path)) {
    let mut failed = Vec::new();
    for path in inputs(target) {
        let data = std::fs::read(&path).expect("read input");
        let p = path.clone();
        let outcome = std::thread::Builder::new()
            .stack_size(8 << 20)
            .spawn(move || check(&data, &p))
            .expect("spawn")
            .join();
        if let Err(panic) = outcome {
            let msg = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            failed.push(format!("{}: {msg}", path.display()));
        }
    }
    assert!(failed.is_empty(), "failing inputs:\n{}", failed.join("\n"));
}

#[test]
fn load_workspace_regressions() {
    run_all("load_workspace", check_workspace_bytes);
}

#[test]
fn swedish_number_regressions() {
    run_all("swedish_number", |data, _| check_number_bytes(data));
}
