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

/// An export of the 2020 sample with `subcommand` into a "folder" that is
/// a file, and into a folder that does not exist: both fail with exit
/// status 1 and a Swedish message that starts with `what` and the path,
/// and no file is left behind.
pub fn assert_export_refused(subcommand: &str, file_name: &str, what: &str) {
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    let dir = tempfile::tempdir().expect("tempdir");
    let sample = sample_path(DELARSRAPPORT_2020);
    let sample = sample.to_str().expect("utf-8 path");
    let blocker = dir.path().join("fil");
    std::fs::write(&blocker, "x").expect("write");
    let out = blocker.join(file_name);
    let o = tertial(&[subcommand, sample, "--out", out.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    let start = format!("{what} {} kunde inte sparas: ", out.display());
    assert!(err.starts_with(&start), "{err}");
    assert!(err.contains("Ingen fil skrevs."), "{err}");
    let out = dir.path().join("saknas").join(file_name);
    let o = tertial(&[subcommand, sample, "--out", out.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(
        err.contains("kunde inte sparas: sökvägen finns inte"),
        "{err}"
    );
    // Nothing was left behind: the blocker is the only entry.
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .expect("read dir")
        .filter_map(|e| e.ok().map(|e| e.file_name()))
        .collect();
    assert_eq!(left, vec![std::ffi::OsString::from("fil")]);
}

/// The 2020 report printed to PDF (`pages` from [`pdf_pages`]): every page
/// but the title page has its number, and the figures the seed prints are
/// in the text (the staff total, Tabell 1's sum of Disponibla in tkr, the
/// network count).
pub fn assert_printed_2020_report(pages: &[String]) {
    for (i, p) in pages.iter().enumerate().skip(1) {
        assert!(
            p.split(' ').any(|w| w == (i + 1).to_string()),
            "page {} has no page number",
            i + 1
        );
    }
    let all = pages.join(" ");
    for figure in ["45,30", "134 355", "9 av 21 nätverk"] {
        assert!(all.contains(figure), "{figure} not in the PDF");
    }
}

/// A seed report's text as kept in `tests/fixtures/seeds/`.
pub fn seed_text(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/seeds")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Text as compared with a seed's: soft hyphens and the seeds' Markdown
/// bold marks (`**`) removed, dashes made hyphens, typographic quotes made
/// straight, whitespace collapsed.
pub fn comparable(s: &str) -> String {
    let s: String = s
        .replace("**", "")
        .chars()
        .filter(|c| *c != '\u{ad}')
        .map(|c| match c {
            '\u{2013}' | '\u{2014}' => '-',
            '\u{201d}' | '\u{201c}' | '\u{201e}' => '"',
            c => c,
        })
        .collect();
    normalise(&s)
}

/// The sentences of a seed report's body, from the line `first` on: the
/// lines of running text, bullets and notes (a sentence cut by a page break
/// joined again), split after a full stop, question or exclamation mark
/// that a capital or digit follows. A bullet counts with or without a
/// closing full stop (a slide's bullets have none). Left out: table rows
/// (they hold tabs; their figures are tested cell by cell elsewhere),
/// headings (lines without closing punctuation, or starting with a number
/// of `headings`), and fragments of fewer than three words.
pub fn seed_sentences(seed: &str, first: &str, headings: &[&str]) -> Vec<String> {
    let lines: Vec<&str> = seed.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.trim() == first)
        .unwrap_or_else(|| panic!("{first:?} not in the seed"));
    let ends = |s: &str| s.ends_with(['.', '!', '?', ':', ';']) || s.ends_with(".\u{201d}");
    let mut units: Vec<String> = Vec::new();
    let mut after_table = false;
    for raw in &lines[start..] {
        if raw.contains('\t') {
            after_table = true;
            continue;
        }
        let line = normalise(raw);
        if line.is_empty() {
            continue;
        }
        let lower = line.chars().next().is_some_and(char::is_lowercase);
        match units.last_mut() {
            Some(last) if lower && !after_table && !ends(last) => {
                last.push(' ');
                last.push_str(&line);
            }
            _ => units.push(line),
        }
        after_table = false;
    }
    let mut out = Vec::new();
    for u in units {
        let bullet = u.starts_with("- ") || u.starts_with("• ");
        let u = u.trim_start_matches(['-', '•', ' ']).to_string();
        let u = comparable(&u);
        let heading = headings.iter().any(|h| {
            u.strip_prefix(&format!("{h} "))
                .is_some_and(|rest| rest.starts_with(char::is_uppercase))
        });
        if !(ends(&u) || bullet) || heading {
            continue;
        }
        let mut sentence = String::new();
        let chars: Vec<char> = u.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            sentence.push(c);
            let next_starts = chars.get(i + 1) == Some(&' ')
                && chars
                    .get(i + 2)
                    .is_some_and(|n| n.is_uppercase() || n.is_ascii_digit());
            if matches!(c, '.' | '!' | '?') && next_starts {
                out.push(std::mem::take(&mut sentence).trim().to_string());
            }
        }
        out.push(sentence.trim().to_string());
    }
    out.retain(|s| s.split(' ').count() >= 3);
    out
}

/// The share of `sentences` found in `text` (both [`comparable`]), and
/// the ones missing.
pub fn sentence_coverage(sentences: &[String], text: &str) -> (f64, Vec<String>) {
    let text = comparable(text);
    let missing: Vec<String> = sentences
        .iter()
        .filter(|s| !text.contains(s.as_str()))
        .cloned()
        .collect();
    let found = sentences.len() - missing.len();
    (found as f64 / sentences.len().max(1) as f64, missing)
}

/// HTML with every tag replaced by a space (entities left as they are).
pub fn without_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}
