//! Workspace files: RON with a top-level format version, pretty and stable
//! output, Swedish load errors that name file, line and column, and saves
//! that replace the old file atomically (temporary file, flush, rename).

mod errors;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use serde::{Deserialize, Serialize};

use crate::domain::Workspace;

pub use errors::{LoadError, LoadErrorKind, SaveError};

/// The format version this build writes and reads. A file with a higher
/// number was written by a newer tertial and is refused.
pub const FORMAT_VERSION: u32 = 1;

/// Files larger than this are refused before reading (a report is a few
/// hundred kilobytes; the stress workspace a few megabytes).
pub const MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// Deepest nesting accepted, so a hostile file is an error, not a stack
/// overflow.
const RECURSION_LIMIT: usize = 64;

#[derive(Serialize)]
#[serde(rename = "Tertial")]
struct FileOut<'a> {
    format_version: u32,
    workspace: &'a Workspace,
}

#[derive(Deserialize)]
#[serde(rename = "Tertial", deny_unknown_fields)]
struct FileIn {
    format_version: u32,
    workspace: Workspace,
}

/// Only the version, read first so a newer file is refused before any of
/// its content is interpreted.
#[derive(Deserialize)]
#[serde(rename = "Tertial")]
struct VersionProbe {
    format_version: u32,
}

fn options() -> ron::Options {
    let mut o = ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME);
    o.recursion_limit = Some(RECURSION_LIMIT);
    o
}

/// The workspace as the text of a `.ron` file. Deterministic: the same
/// workspace always gives the same bytes.
pub fn to_ron_string(ws: &Workspace) -> Result<String, SaveError> {
    let config = PrettyConfig::new()
        .indentor("  ".to_string())
        .struct_names(false)
        .compact_arrays(false)
        .separate_tuple_members(false)
        .enumerate_arrays(false)
        .extensions(Extensions::IMPLICIT_SOME);
    let file = FileOut {
        format_version: FORMAT_VERSION,
        workspace: ws,
    };
    let mut text = ron::Options::default()
        .to_string_pretty(&file, config)
        .map_err(|e| SaveError::Serialize(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

/// Read a workspace from RON text. `path` is used in error messages.
pub fn from_ron_str(text: &str, path: &Path) -> Result<Workspace, LoadError> {
    let err = |kind| LoadError {
        path: path.to_path_buf(),
        kind,
    };
    if text.trim().is_empty() {
        return Err(err(LoadErrorKind::Empty));
    }
    let probe: VersionProbe = options()
        .from_str(text)
        .map_err(|e| err(LoadErrorKind::from_ron(&e, text)))?;
    if probe.format_version > FORMAT_VERSION {
        return Err(err(LoadErrorKind::NewerVersion {
            found: probe.format_version,
        }));
    }
    if probe.format_version == 0 {
        return Err(err(LoadErrorKind::BadVersion {
            found: probe.format_version,
        }));
    }
    let file: FileIn = options()
        .from_str(text)
        .map_err(|e| err(LoadErrorKind::from_ron(&e, text)))?;
    debug_assert_eq!(file.format_version, probe.format_version);
    Ok(file.workspace)
}

/// Read a workspace from raw bytes (checks UTF-8 first).
pub fn from_ron_bytes(bytes: &[u8], path: &Path) -> Result<Workspace, LoadError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        let valid = std::str::from_utf8(valid).unwrap_or("");
        let line = 1 + valid.matches('\n').count();
        let col = 1 + valid
            .rsplit('\n')
            .next()
            .map(|l| l.chars().count())
            .unwrap_or(0);
        LoadError {
            path: path.to_path_buf(),
            kind: LoadErrorKind::NotUtf8 { line, col },
        }
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    from_ron_str(text, path)
}

/// Load a workspace file.
pub fn load(path: &Path) -> Result<Workspace, LoadError> {
    let err = |kind| LoadError {
        path: path.to_path_buf(),
        kind,
    };
    let meta = fs::metadata(path).map_err(|e| err(LoadErrorKind::Io(e.kind(), e.to_string())))?;
    if meta.is_dir() {
        return Err(err(LoadErrorKind::IsDirectory));
    }
    if meta.len() > MAX_FILE_SIZE {
        return Err(err(LoadErrorKind::TooLarge { size: meta.len() }));
    }
    let bytes = fs::read(path).map_err(|e| err(LoadErrorKind::Io(e.kind(), e.to_string())))?;
    from_ron_bytes(&bytes, path)
}

/// Save a workspace: write a temporary file in the same folder, flush it to
/// disk, then rename it over `path`, so the old file is replaced whole or
/// not at all.
pub fn save(ws: &Workspace, path: &Path) -> Result<(), SaveError> {
    let text = to_ron_string(ws)?;
    write_atomically(path, text.as_bytes())
}

/// Replace `path` with `bytes` atomically (temporary file, fsync, rename).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let io_err = |e: std::io::Error| SaveError::Io {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "arbetsyta".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, path)?;
        #[cfg(unix)]
        if let Ok(d) = fs::File::open(&dir) {
            // Make the rename itself durable; not possible on every platform.
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.map_err(io_err)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::*;

    fn p() -> PathBuf {
        PathBuf::from("test.ron")
    }

    #[test]
    fn empty_workspace_round_trips() {
        let ws = Workspace::default();
        let text = to_ron_string(&ws).expect("serialize");
        assert!(text.starts_with("#![enable(implicit_some)]"), "{text}");
        assert!(text.contains("format_version: 1"), "{text}");
        assert_eq!(from_ron_str(&text, &p()).expect("load"), ws);
    }

    #[test]
    fn decimals_are_written_exactly() {
        let mut ws = Workspace::default();
        ws.staff.rows.push(StaffRow {
            period: "2020 - tertial 2".into(),
            tjanstekop: Some("7.25".parse().expect("dec")),
            ..StaffRow::default()
        });
        let text = to_ron_string(&ws).expect("serialize");
        assert!(text.contains("tjanstekop: \"7.25\""), "{text}");
        assert_eq!(from_ron_str(&text, &p()).expect("load"), ws);
    }

    #[test]
    fn newer_version_is_refused_before_reading_content() {
        let text = "Tertial(format_version: 2, workspace: (this_field_is_from_the_future: 1))";
        let e = from_ron_str(text, &p()).expect_err("newer");
        assert!(matches!(e.kind, LoadErrorKind::NewerVersion { found: 2 }));
        assert!(e.to_string().contains("nyare version av tertial"), "{e}");
    }

    #[test]
    fn errors_name_file_line_and_column() {
        let text = "(\n  format_version: 1,\n  workspace: (\n    report: (titel: \"x\"),\n  ),\n)";
        let e = from_ron_str(text, Path::new("rapport.ron")).expect_err("unknown field");
        let msg = e.to_string();
        assert!(msg.contains("rapport.ron"), "{msg}");
        assert!(msg.contains("rad 4"), "{msg}");
        assert!(msg.contains("okänt fält \"titel\""), "{msg}");
    }

    #[test]
    fn not_ron_at_all() {
        for text in ["PK\u{3}\u{4}binary", "hello", "{}", "[1,2,3]"] {
            let e = from_ron_str(text, &p()).expect_err(text);
            assert!(e.to_string().contains("test.ron"), "{e}");
        }
        let e = from_ron_bytes(&[0x28, 0xff, 0xfe], &p()).expect_err("utf8");
        assert!(
            matches!(e.kind, LoadErrorKind::NotUtf8 { line: 1, col: 2 }),
            "{e:?}"
        );
        assert!(matches!(
            from_ron_str("  \n", &p()).map_err(|e| e.kind),
            Err(LoadErrorKind::Empty)
        ));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = format!(
            "(format_version: 1, workspace: (texts: {}{}))",
            "[".repeat(5000),
            "]".repeat(5000)
        );
        let e = from_ron_str(&text, &p()).expect_err("deep");
        assert!(e.to_string().contains("djupt"), "{e}");
    }
}
