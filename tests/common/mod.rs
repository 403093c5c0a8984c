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

/// Whitespace (no-break spaces too) collapsed to single spaces.
pub fn normalise(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first of `names` on the PATH.
pub fn find_program(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
}

/// A PDF's text page by page (pdftotext), whitespace normalised.
pub fn pdf_pages(pdftotext: &Path, pdf: &Path) -> Vec<String> {
    let out = Command::new(pdftotext)
        .arg("-enc")
        .arg("UTF-8")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("run pdftotext");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut pages: Vec<String> = text.split('\u{c}').map(normalise).collect();
    if pages.last().is_some_and(|p| p.is_empty()) {
        pages.pop();
    }
    pages
}
