//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use rust_decimal::Decimal;
use tertial::domain::Workspace;

pub fn sample_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data")
}

pub fn sample_path(name: &str) -> PathBuf {
    sample_dir().join(name)
}

/// Load a sample by file name; panics with the Swedish error if it fails.
pub fn sample(name: &str) -> Workspace {
    let path = sample_path(name);
    tertial::storage::load(&path).unwrap_or_else(|e| panic!("{e}"))
}

/// Every `.ron` file in `sample-data/`.
pub fn all_samples() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(sample_dir())
        .expect("sample-data exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    files
}

pub fn d(s: &str) -> Decimal {
    s.parse().unwrap_or_else(|_| panic!("bad test decimal {s}"))
}

pub fn sd(s: &str) -> Option<Decimal> {
    Some(d(s))
}

/// Parse a Swedish number as the reports print it.
pub fn sv(s: &str) -> Option<Decimal> {
    Some(tertial::domain::numbers::parse_value(s).unwrap_or_else(|e| panic!("{e}")))
}

pub const DELARSRAPPORT_2020: &str = "delarsrapport-2020-t1-2.ron";
pub const HELAR_2019: &str = "resultatuppfoljning-helar-2019.ron";
pub const TERTIAL_2022: &str = "resultatuppfoljning-2022-t2.ron";
pub const PLAN_2021: &str = "verksamhetsplan-2021-2023.ron";

/// Width and height from a PNG's IHDR chunk (after checking the signature).
pub fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG signature");
    let be =
        |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    (be(16), be(20))
}

/// Run the `tertial` binary headless (no display, so no window can open).
pub fn tertial(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tertial"))
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("run tertial")
}
