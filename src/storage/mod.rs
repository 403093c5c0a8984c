//! Workspace files: RON with a top-level format version, pretty and stable
//! output, Swedish load errors that name file, line and column, saves that
//! replace the old file atomically (temporary file, flush, rename; see
//! `files`) and keep the previous version as `.bak`, stamps to notice a
//! file changed by someone else, and older format versions migrated on
//! load (`migrate`).

mod errors;
mod files;
mod migrate;
pub mod recovery;

use std::path::{Path, PathBuf};

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use serde::{Deserialize, Serialize};

use crate::domain::Workspace;

pub use errors::{IoSource, LoadError, LoadErrorKind, SaveError};
pub(crate) use files::{ReadFault, read_bounded};
pub use files::{write_atomically, write_new};

/// The format version this build writes. Older versions are migrated on
/// load (see `migrate`); a file with a higher number was written by a newer
/// tertial and is refused.
///
/// History: 1, the first format; 2, the region groups' range in the
/// attendance history is two percentages instead of the printed text; 3, a
/// free text says whether its heading is numbered (`FreeText::heading`). A
/// version-2 file reads as version 3 with every text numbered, as version 2
/// printed them; 4, a section or free text holds its running text as
/// passages in reading order (`Section::content`, `FreeText::content`) and
/// the 3 K have the text between the focus areas and their lists
/// (`FocusAreas::effects`). A version-3 file reads as version 4 with no
/// passages, as version 3 printed it.
pub const FORMAT_VERSION: u32 = 4;

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

/// A workspace file read in one pass: the version is read first (tertial
/// writes it first) and decides how the workspace is read, or that it is
/// not read at all (a newer or invalid version). Parsing a large file twice,
/// once for the version and once for the content, cost half the load time.
enum OnePass {
    Read(Box<Loaded>),
    /// The version a file must not be read with (newer, or 0).
    Refused(u32),
    /// The workspace came before the version; read it in two passes.
    VersionLast,
}

#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum FileField {
    FormatVersion,
    Workspace,
}

const FILE_FIELDS: &[&str] = &["format_version", "workspace"];

impl<'de> Deserialize<'de> for OnePass {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_struct("Tertial", FILE_FIELDS, OnePassVisitor)
    }
}

struct OnePassVisitor;

impl<'de> serde::de::Visitor<'de> for OnePassVisitor {
    type Value = OnePass;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("struct Tertial")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<OnePass, A::Error> {
        use serde::de::{Error, IgnoredAny};
        let mut version: Option<u32> = None;
        let mut workspace: Option<Workspace> = None;
        let mut skipped = false;
        while let Some(field) = map.next_key::<FileField>()? {
            match field {
                FileField::FormatVersion => {
                    if version.is_some() {
                        return Err(A::Error::duplicate_field("format_version"));
                    }
                    version = Some(map.next_value()?);
                }
                FileField::Workspace => {
                    if workspace.is_some() || skipped {
                        return Err(A::Error::duplicate_field("workspace"));
                    }
                    match version {
                        Some(1) => {
                            let old: migrate::v1::WorkspaceV1 = map.next_value()?;
                            workspace = Some(old.migrate());
                        }
                        Some(v) if (1..=FORMAT_VERSION).contains(&v) => {
                            workspace = Some(map.next_value()?);
                        }
                        // Refused or not yet known: not interpreted.
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                            skipped = true;
                        }
                    }
                }
            }
        }
        let Some(version) = version else {
            return Err(A::Error::missing_field("format_version"));
        };
        if version == 0 || version > FORMAT_VERSION {
            return Ok(OnePass::Refused(version));
        }
        if skipped {
            return Ok(OnePass::VersionLast);
        }
        match workspace {
            Some(workspace) => Ok(OnePass::Read(Box::new(Loaded {
                workspace,
                format_version: version,
            }))),
            None => Err(A::Error::missing_field("workspace")),
        }
    }
}

fn options() -> ron::Options {
    let mut o = ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME);
    o.recursion_limit = Some(RECURSION_LIMIT);
    o
}

/// How workspace files (and recovery copies) are written.
fn pretty_config() -> PrettyConfig {
    PrettyConfig::new()
        .indentor("  ".to_string())
        .struct_names(false)
        .compact_arrays(false)
        .separate_tuple_members(false)
        .enumerate_arrays(false)
        .extensions(Extensions::IMPLICIT_SOME)
}

/// The workspace as the text of a `.ron` file. Deterministic: the same
/// workspace always gives the same bytes.
pub fn to_ron_string(ws: &Workspace) -> Result<String, SaveError> {
    let file = FileOut {
        format_version: FORMAT_VERSION,
        workspace: ws,
    };
    let mut text = ron::Options::default()
        .to_string_pretty(&file, pretty_config())
        .map_err(|e| SaveError::Serialize(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

/// How deep the output stays pretty when the pretty text would be too
/// large to read back: each part of the workspace on a line of its own.
const COMPACT_DEPTH: usize = 2;

/// `value` as RON that tertial can read back (at most `limit` bytes):
/// pretty, or, if that is too large (a large workspace's indentation can
/// make it several times its size), pretty only to [`COMPACT_DEPTH`] and
/// with no space between items. If even that is too large it is not
/// written at all: tertial never writes a file it would refuse to load.
/// `path` is for the message.
fn readable_ron<T: Serialize>(value: &T, limit: u64, path: &Path) -> Result<String, SaveError> {
    let ron = |config: PrettyConfig| {
        ron::Options::default()
            .to_string_pretty(value, config)
            .map_err(|e| SaveError::Serialize(e.to_string()))
    };
    let mut text = ron(pretty_config())?;
    if text.len() as u64 >= limit {
        text = ron(pretty_config().depth_limit(COMPACT_DEPTH).separator(""))?;
    }
    if text.len() as u64 >= limit {
        return Err(SaveError::TooLarge {
            path: path.to_path_buf(),
            size: text.len() as u64,
        });
    }
    text.push('\n');
    Ok(text)
}

/// The text of `ws` as saved to `path` (see [`readable_ron`]).
fn file_text(ws: &Workspace, path: &Path, limit: u64) -> Result<String, SaveError> {
    let file = FileOut {
        format_version: FORMAT_VERSION,
        workspace: ws,
    };
    readable_ron(&file, limit, path)
}

/// A workspace read from a file, with the format version the file had.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub workspace: Workspace,
    pub format_version: u32,
}

impl Loaded {
    /// Whether the file was in an older format and was converted; saving
    /// it writes the current format.
    pub fn was_migrated(&self) -> bool {
        self.format_version < FORMAT_VERSION
    }
}

/// Read a workspace from RON text. `path` is used in error messages.
pub fn from_ron_str(text: &str, path: &Path) -> Result<Workspace, LoadError> {
    read_ron_str(text, path).map(|l| l.workspace)
}

/// Read a workspace from RON text, migrating an older format, and say
/// which format version the text had.
pub fn read_ron_str(text: &str, path: &Path) -> Result<Loaded, LoadError> {
    let err = |kind| LoadError {
        path: path.to_path_buf(),
        kind,
    };
    if text.trim().is_empty() {
        return Err(err(LoadErrorKind::Empty));
    }
    // One pass when the version comes first, as tertial writes it.
    match options()
        .from_str::<OnePass>(text)
        .map_err(|e| err(LoadErrorKind::from_ron(&e, text)))?
    {
        OnePass::Read(loaded) => return Ok(*loaded),
        OnePass::Refused(found) if found == 0 => {
            return Err(err(LoadErrorKind::BadVersion { found }));
        }
        OnePass::Refused(found) => return Err(err(LoadErrorKind::NewerVersion { found })),
        OnePass::VersionLast => {}
    }
    // The version after the workspace (a hand-edited file): read the
    // version, then the workspace as that version.
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
    let workspace = if probe.format_version == 1 {
        let file: migrate::v1::File = options()
            .from_str(text)
            .map_err(|e| err(LoadErrorKind::from_ron(&e, text)))?;
        debug_assert_eq!(file.format_version, 1);
        file.workspace.migrate()
    } else {
        let file: FileIn = options()
            .from_str(text)
            .map_err(|e| err(LoadErrorKind::from_ron(&e, text)))?;
        debug_assert_eq!(file.format_version, probe.format_version);
        file.workspace
    };
    Ok(Loaded {
        workspace,
        format_version: probe.format_version,
    })
}

/// Read a workspace from raw bytes (checks UTF-8 first).
pub fn from_ron_bytes(bytes: &[u8], path: &Path) -> Result<Workspace, LoadError> {
    read_ron_bytes(bytes, path).map(|l| l.workspace)
}

/// [`from_ron_bytes`], saying which format version the bytes had.
pub fn read_ron_bytes(bytes: &[u8], path: &Path) -> Result<Loaded, LoadError> {
    if let Some(kind) = LoadErrorKind::other_kind(bytes) {
        return Err(LoadError {
            path: path.to_path_buf(),
            kind,
        });
    }
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
    read_ron_str(text, path)
}

/// Load a workspace file.
pub fn load(path: &Path) -> Result<Workspace, LoadError> {
    read(path).map(|l| l.workspace)
}

/// Load a workspace file, saying which format version it had. Only a
/// regular file is read (a FIFO or device is refused before reading), and
/// never more than [`MAX_FILE_SIZE`] bytes of it, whatever size the file
/// system reports.
pub fn read(path: &Path) -> Result<Loaded, LoadError> {
    let bytes = read_bounded(path, MAX_FILE_SIZE).map_err(|fault| LoadError {
        path: path.to_path_buf(),
        kind: fault.into(),
    })?;
    read_ron_bytes(&bytes, path)
}

/// The old file is read whole for its `.bak`; a regular file larger than
/// this is not (it is no workspace, and would not fit in memory).
const MAX_BACKUP_SIZE: u64 = 1024 * 1024 * 1024;

/// Save a workspace: keep the previous version as `NAME.ron.bak`, then
/// write a temporary file in the same folder, flush it to disk and rename
/// it over the file, so the old file is replaced whole or not at all. A
/// workspace too large to write as a file tertial can read is refused
/// ([`SaveError::TooLarge`]); a very large one is written less pretty. A
/// symlink is followed: its target gets the new content, with the `.bak`
/// and the temporary beside it, and the link stays. The file's
/// permissions are kept, on the new file and on the `.bak`. A folder,
/// FIFO or device at `path` is refused.
pub fn save(ws: &Workspace, path: &Path) -> Result<(), SaveError> {
    let text = file_text(ws, path, MAX_FILE_SIZE)?;
    let (target, old_meta) = files::existing_target(path)?;
    if let Some(meta) = &old_meta {
        let old = read_bounded(&target, MAX_BACKUP_SIZE).map_err(|fault| SaveError::Io {
            path: path.to_path_buf(),
            message: fault.reason(),
            source: None,
        })?;
        if old != text.as_bytes() {
            files::write_backup(&backup_path(&target), &old, Some(meta))?;
        }
    }
    files::replace(&target, old_meta.as_ref(), text.as_bytes(), path)
}

/// Save a workspace as a new file: written only if nothing has the name
/// `path`, which the final rename itself checks, so of two saves to the
/// same new name at once exactly one succeeds and the other gets
/// [`SaveError::Exists`]. No `.bak` (there is nothing to keep).
pub fn save_new(ws: &Workspace, path: &Path) -> Result<(), SaveError> {
    let text = file_text(ws, path, MAX_FILE_SIZE)?;
    write_new(path, text.as_bytes())
}

/// Where the previous version of `path` is kept: `NAME.ron.bak`. A name
/// too long for the four more bytes (file names have at most 255) is
/// shortened first, at a character boundary.
pub fn backup_path(path: &Path) -> PathBuf {
    const MAX_NAME: usize = 255;
    const SUFFIX: &str = ".bak";
    if let Some(name) = path.file_name()
        && name.len() + SUFFIX.len() > MAX_NAME
    {
        let name = name.to_string_lossy();
        let mut end = MAX_NAME - SUFFIX.len();
        while !name.is_char_boundary(end) {
            end -= 1;
        }
        return path.with_file_name(format!("{}{SUFFIX}", &name[..end]));
    }
    let mut name = path.as_os_str().to_owned();
    name.push(SUFFIX);
    PathBuf::from(name)
}

/// What a file's content was when it was read or written, to notice that
/// another program or person saved it since. Only the content counts: a
/// file merely touched is not "changed".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiskStamp {
    len: u64,
    hash: u64,
}

impl DiskStamp {
    /// The stamp of the file at `path`; `None` if it cannot be read. Only
    /// a regular file has one, and only its first [`MAX_FILE_SIZE`] bytes
    /// and one more are read (more could never be loaded anyway).
    pub fn of(path: &Path) -> Option<DiskStamp> {
        use std::hash::Hasher;
        let mut h = std::collections::hash_map::DefaultHasher::new();
        let len = files::read_chunks(path, MAX_FILE_SIZE, |piece| h.write(piece)).ok()?;
        Some(DiskStamp {
            len,
            hash: h.finish(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::*;
    use std::fs;

    fn p() -> PathBuf {
        PathBuf::from("test.ron")
    }

    #[test]
    fn empty_workspace_round_trips() {
        let ws = Workspace::default();
        let text = to_ron_string(&ws).expect("serialize");
        assert!(text.starts_with("#![enable(implicit_some)]"), "{text}");
        assert!(text.contains("format_version: 4"), "{text}");
        assert_eq!(from_ron_str(&text, &p()).expect("load"), ws);
    }

    #[test]
    fn a_version_3_file_reads_with_no_passages() {
        let text = "(format_version: 3, workspace: (goals: [(title: \"Mål\", sections: \
                    [(title: \"Avsnitt\", text: \"Text\")])], texts: [(title: \"Framtiden\")]))";
        let file = read_ron_str(text, &p()).expect("version 3 loads");
        assert_eq!(file.format_version, 3);
        assert!(file.workspace.goals[0].sections[0].content.is_empty());
        assert!(file.workspace.texts[0].content.is_empty());
        let saved = to_ron_string(&file.workspace).expect("serialize");
        assert!(saved.contains("format_version: 4"), "{saved}");
    }

    #[test]
    fn passages_round_trip() {
        let mut ws = Workspace::default();
        ws.texts.push(FreeText {
            title: "Medarbetare".into(),
            content: vec![
                Passage::Paragraph("Stycke".into()),
                Passage::Subheading("Förändring av tjänster".into()),
                Passage::Bullets(vec!["a".into(), "b".into()]),
                Passage::Table(TableRef::Staff),
                Passage::Note("* Not".into()),
                Passage::Research(ResearchList::Ongoing),
            ],
            ..FreeText::default()
        });
        let text = to_ron_string(&ws).expect("serialize");
        assert!(
            text.contains("Subheading(\"Förändring av tjänster\")"),
            "{text}"
        );
        assert_eq!(from_ron_str(&text, &p()).expect("load"), ws);
    }

    #[test]
    fn a_version_2_file_reads_with_every_text_numbered() {
        let text = "(format_version: 2, workspace: (texts: [(title: \"Framtiden\")]))";
        let file = read_ron_str(text, &p()).expect("version 2 loads");
        assert_eq!(file.format_version, 2);
        assert_eq!(file.workspace.texts[0].heading, TextHeading::Numbered);
        let saved = to_ron_string(&file.workspace).expect("serialize");
        assert!(saved.contains("format_version: 4"), "{saved}");
        assert!(saved.contains("heading: Numbered"), "{saved}");
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
        let text = "Tertial(format_version: 5, workspace: (this_field_is_from_the_future: 1))";
        let e = from_ron_str(text, &p()).expect_err("newer");
        assert!(matches!(e.kind, LoadErrorKind::NewerVersion { found: 5 }));
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
    fn saving_keeps_the_previous_version_as_bak() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("rapport.ron");
        let bak = dir.path().join("rapport.ron.bak");
        assert_eq!(backup_path(&path), bak);
        let mut ws = Workspace::default();
        save(&ws, &path).expect("first save");
        assert!(!bak.exists(), "nothing to keep on the first save");
        let first = fs::read_to_string(&path).expect("read");
        ws.report.title = "Andra versionen".into();
        save(&ws, &path).expect("second save");
        assert_eq!(fs::read_to_string(&bak).expect("bak"), first);
        assert!(
            fs::read_to_string(&path)
                .expect("read")
                .contains("Andra versionen")
        );
        // Saving the same content again keeps the older .bak.
        save(&ws, &path).expect("third save");
        assert_eq!(fs::read_to_string(&bak).expect("bak"), first);
        // No temporary files are left behind.
        let names: Vec<String> = fs::read_dir(dir.path())
            .expect("dir")
            .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }

    #[test]
    fn a_failed_save_says_so_and_leaves_the_old_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let blocker = dir.path().join("fil");
        fs::write(&blocker, "x").expect("write");
        let e = save(&Workspace::default(), &blocker.join("rapport.ron")).expect_err("no folder");
        assert!(e.to_string().contains("kunde inte sparas"), "{e}");
        assert_eq!(fs::read_to_string(&blocker).expect("read"), "x");
        let missing = dir.path().join("saknas").join("rapport.ron");
        let e = save(&Workspace::default(), &missing).expect_err("no folder");
        assert!(e.to_string().contains("kunde inte sparas"), "{e}");
        assert!(
            !e.to_string().contains(".tertial-"),
            "no temporary's name: {e}"
        );
    }

    #[test]
    fn temporaries_left_by_a_killed_save_are_removed_later() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("rapport.ron");
        let stale = dir.path().join(".rapport.ron.4242.tmp");
        let fresh = dir.path().join(".rapport.ron.4343.tmp");
        let other = dir.path().join(".annan.ron.4242.tmp");
        for p in [&stale, &fresh, &other] {
            fs::write(p, "halv").expect("write");
        }
        let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        for p in [&stale, &other] {
            fs::File::options()
                .write(true)
                .open(p)
                .and_then(|f| f.set_modified(hour_ago))
                .expect("age");
        }
        save(&Workspace::default(), &path).expect("save");
        assert!(!stale.exists(), "an old temporary of this file goes");
        assert!(fresh.exists(), "a save in progress is not disturbed");
        assert!(other.exists(), "another file's temporary is not ours");
    }

    #[test]
    fn a_workspace_too_large_to_read_back_is_written_less_pretty_or_not_at_all() {
        let mut ws = Workspace::default();
        ws.staff.rows = (0..200)
            .map(|i| StaffRow {
                period: format!("{i} - tertial 1"),
                tjanstekop: Some(rust_decimal::Decimal::from(i)),
                ..StaffRow::default()
            })
            .collect();
        let pretty = file_text(&ws, &p(), MAX_FILE_SIZE).expect("pretty");
        assert_eq!(pretty, to_ron_string(&ws).expect("serialize"));
        let limit = pretty.len() as u64 - 1;
        let compact = file_text(&ws, &p(), limit).expect("compact");
        assert!((compact.len() as u64) <= limit, "{}", compact.len());
        assert!(!compact.contains(", "), "no space between items");
        assert!(
            compact.starts_with("#![enable(implicit_some)]"),
            "{compact}"
        );
        assert_eq!(from_ron_str(&compact, &p()).expect("reads back"), ws);
        let e = file_text(&ws, &p(), 1000).expect_err("too large for any form");
        assert!(matches!(e, SaveError::TooLarge { .. }), "{e:?}");
        assert!(
            e.to_string().contains(
                "sparas inte: den skulle bli 1 MB, större än de 64 MB som tertial kan läsa tillbaka"
            ),
            "{e}"
        );
    }

    #[test]
    fn stamps_see_content_changes_only() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.ron");
        fs::write(&path, "abc").expect("write");
        let stamp = DiskStamp::of(&path).expect("stamp");
        fs::write(&path, "abc").expect("rewrite same");
        assert_eq!(DiskStamp::of(&path), Some(stamp.clone()));
        fs::write(&path, "abd").expect("change");
        assert_ne!(DiskStamp::of(&path), Some(stamp));
        assert_eq!(DiskStamp::of(&dir.path().join("saknas.ron")), None);
    }

    #[test]
    fn the_version_may_come_after_the_workspace() {
        let ws = Workspace::default();
        let text = "(workspace: (report: (title: \"Sist\")), format_version: 2)";
        let loaded = read_ron_str(text, &p()).expect("load");
        assert_eq!(loaded.workspace.report.title, "Sist");
        assert_eq!(loaded.format_version, 2);
        let old = "(workspace: (attendance: (earlier: [(region_groups: \"64-83 %\")])), format_version: 1)";
        let loaded = read_ron_str(old, &p()).expect("v1 load");
        assert!(loaded.was_migrated());
        assert_eq!(
            loaded.workspace.attendance.earlier[0].region_groups_high,
            Some(rust_decimal::Decimal::from(83))
        );
        let newer = "(workspace: (x: 1), format_version: 7)";
        let e = read_ron_str(newer, &p()).expect_err("newer");
        assert!(matches!(e.kind, LoadErrorKind::NewerVersion { found: 7 }));
        let twice = "(format_version: 2, workspace: (), workspace: ())";
        let e = read_ron_str(twice, &p()).expect_err("twice");
        assert!(e.to_string().contains("står två gånger"), "{e}");
        assert_eq!(ws, Workspace::default());
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = format!(
            "(workspace: {}{}, format_version: 2)",
            "[".repeat(5000),
            "]".repeat(5000)
        );
        let e = from_ron_str(&text, &p()).expect_err("deep");
        assert!(e.to_string().contains("djupt"), "{e}");
    }
}
