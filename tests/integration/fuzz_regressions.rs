//! Inputs found by the cargo-fuzz targets in `fuzz/` (crashes, minimised,
//! and small corpus entries that reach the error paths), run through the
//! same checks as the targets:
//!
//! - `tests/fuzz-regressions/load_workspace/*`: loading never panics; a
//!   loaded workspace survives save → load unchanged; an error names the file.
//! - `tests/fuzz-regressions/swedish_number/*`: parsing and printing never
//!   panic, and a parsed value printed back parses to the same value.
//! - `tests/fuzz-regressions/derived_outputs/*`: the workspace generated
//!   from the bytes goes through check, every table, every chart (PNG and
//!   SVG) and the key figures without a panic, with valid output.
//!
//! Each input runs on its own thread with an 8 MiB stack (what libFuzzer's
//! main thread has), so a deep-nesting input behaves as it did when fuzzed.
//! All inputs run before the test fails, and the failure lists every one.

use std::path::{Path, PathBuf};

#[path = "../../fuzz/checks.rs"]
mod checks;

use checks::{
    check_derived_bytes, check_number_bytes, check_workspace_bytes, workspace_from_bytes,
};

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

#[test]
fn derived_outputs_regressions() {
    run_all("derived_outputs", |data, _| check_derived_bytes(data));
}

/// The generator behind `derived_outputs` makes workspaces: each of its
/// bases loads, so a regression input is never skipped unseen.
#[test]
fn the_derived_outputs_generator_loads_each_base() {
    for base in 0u8..5 {
        assert!(
            workspace_from_bytes(&[base]).is_some(),
            "base {base} does not load"
        );
    }
}
