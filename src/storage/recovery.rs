//! Recovery copies: the unsaved work of a running tertial, written now and
//! then to a folder of its own (never over the author's file), so a crash
//! or power cut loses at most the last half minute.
//!
//! Each running program owns one recovery file, `ID.ron`, and holds an
//! exclusive lock on `ID.lock` for as long as it runs. The operating
//! system releases the lock when the process dies, however it dies, so at
//! start-up a recovery file whose lock can be taken belongs to a program
//! that is gone: that is work to offer back. A file whose lock is held
//! belongs to another tertial that is still running and is left alone.

use std::fs::{self, File, OpenOptions};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::{
    FORMAT_VERSION, LoadError, LoadErrorKind, MAX_FILE_SIZE, SaveError, options, read_bounded,
    readable_ron, write_atomically,
};
use crate::domain::Workspace;

#[derive(Serialize)]
#[serde(rename = "Recovery")]
struct RecoveryOut<'a> {
    format_version: u32,
    /// Seconds since 1970-01-01 UTC.
    saved_at: i64,
    /// The author's file, if the work has one.
    file: Option<&'a Path>,
    /// The name the window showed ("rapport.ron", "Namnlös").
    name: &'a str,
    workspace: &'a Workspace,
}

#[derive(Deserialize)]
#[serde(rename = "Recovery", deny_unknown_fields)]
struct RecoveryIn {
    format_version: u32,
    saved_at: i64,
    file: Option<PathBuf>,
    name: String,
    workspace: Workspace,
}

/// What a recovery file holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Recovered {
    /// When the copy was written, in seconds since 1970-01-01 UTC.
    pub saved_at: i64,
    /// The author's file the work belongs to, if it had one.
    pub file: Option<PathBuf>,
    /// The name the window showed.
    pub name: String,
    pub workspace: Workspace,
}

/// A recovery file left by a program that is no longer running. Holding it
/// keeps its lock, so no other tertial offers the same work meanwhile.
#[derive(Debug)]
pub struct Orphan {
    pub path: PathBuf,
    /// The content, or why it could not be read (in Swedish).
    pub content: Result<Recovered, String>,
    lock_path: PathBuf,
    lock: File,
}

impl Orphan {
    /// Delete the recovery file (after it was restored or thrown away).
    pub fn discard(self) -> std::io::Result<()> {
        let result = match fs::remove_file(&self.path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        };
        // Windows cannot delete a file that is open: close the lock first.
        drop(self.lock);
        let _ = fs::remove_file(&self.lock_path);
        result
    }
}

/// The recovery folder.
#[derive(Debug, Clone)]
pub struct RecoveryStore {
    dir: PathBuf,
}

impl RecoveryStore {
    /// Recovery files in `dir` (created when first needed).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        RecoveryStore { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Start a session: a new recovery slot whose lock this process holds
    /// until the slot is dropped.
    pub fn open_slot(&self) -> Result<RecoverySlot, SaveError> {
        let io = |e: std::io::Error| SaveError::Io {
            path: self.dir.clone(),
            message: e.to_string(),
            source: Some(e.into()),
        };
        fs::create_dir_all(&self.dir).map_err(io)?;
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let id = format!("{}-{nanos}", std::process::id());
        let lock_path = self.dir.join(format!("{id}.lock"));
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(io)?;
        lock.try_lock().map_err(|e| SaveError::Io {
            path: lock_path.clone(),
            message: e.to_string(),
            source: Some(std::io::Error::from(e).into()),
        })?;
        Ok(RecoverySlot {
            path: self.dir.join(format!("{id}.ron")),
            lock_path,
            lock: Some(lock),
        })
    }

    /// Recovery files whose program is no longer running, newest first.
    /// Files of programs still running are not listed.
    pub fn orphans(&self) -> Vec<Orphan> {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut found: Vec<Orphan> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "ron"))
            .filter_map(|path| {
                let lock_path = path.with_extension("lock");
                let lock = OpenOptions::new()
                    .create(true)
                    .truncate(false)
                    .write(true)
                    .open(&lock_path)
                    .ok()?;
                // Held by a running tertial: its work, not ours to offer.
                lock.try_lock().ok()?;
                Some(Orphan {
                    content: read(&path),
                    path,
                    lock_path,
                    lock,
                })
            })
            .collect();
        found.sort_by_key(|o| {
            std::cmp::Reverse(o.content.as_ref().map(|r| r.saved_at).unwrap_or(i64::MIN))
        });
        found
    }
}

/// This program's recovery file.
#[derive(Debug)]
pub struct RecoverySlot {
    path: PathBuf,
    lock_path: PathBuf,
    /// Held for the slot's life; `None` only while it is being dropped.
    lock: Option<File>,
}

impl RecoverySlot {
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Write the work as it is now (atomically: a crash while writing
    /// leaves the previous copy).
    pub fn write(
        &self,
        ws: &Workspace,
        file: Option<&Path>,
        name: &str,
        now: SystemTime,
    ) -> Result<(), SaveError> {
        let saved_at = match now.duration_since(UNIX_EPOCH) {
            Ok(d) => i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
            Err(_) => 0,
        };
        let out = RecoveryOut {
            format_version: FORMAT_VERSION,
            saved_at,
            file,
            name,
            workspace: ws,
        };
        let text = readable_ron(&out, MAX_FILE_SIZE, &self.path)?;
        write_atomically(&self.path, text.as_bytes())
    }

    /// Remove the recovery copy: the work is saved, or was thrown away on
    /// purpose.
    pub fn clear(&self) -> std::io::Result<()> {
        match fs::remove_file(&self.path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }

    /// Whether a recovery copy is on disk now.
    pub fn exists(&self) -> bool {
        self.path.is_file()
    }
}

impl Drop for RecoverySlot {
    /// The lock file goes with the slot; the recovery copy stays unless it
    /// was cleared, which is what a crash leaves behind too.
    fn drop(&mut self) {
        // Windows cannot delete a file that is open: close the lock first.
        drop(self.lock.take());
        if !self.path.exists() {
            let _ = fs::remove_file(&self.lock_path);
        }
    }
}

/// The oldest format version whose recovery copies read as today's
/// workspace (version 1 copies would need the migration of a file).
const OLDEST_READABLE_COPY: u32 = 2;

fn read(path: &Path) -> Result<Recovered, String> {
    let err = |kind| {
        LoadError {
            path: path.to_path_buf(),
            kind,
        }
        .to_string()
    };
    let bytes = read_bounded(path, MAX_FILE_SIZE).map_err(|fault| err(fault.into()))?;
    let text = String::from_utf8_lossy(&bytes);
    let file: RecoveryIn = options()
        .from_str(&text)
        .map_err(|e| err(LoadErrorKind::from_ron(&e, &text)))?;
    // Version 2 copies read as version 3 (its additions have defaults), so
    // work saved for recovery before an update is not lost with it.
    if !(OLDEST_READABLE_COPY..=FORMAT_VERSION).contains(&file.format_version) {
        return Err(format!(
            "den skrevs av en annan version av tertial (format {})",
            file.format_version
        ));
    }
    Ok(Recovered {
        saved_at: file.saved_at,
        file: file.file,
        name: file.name,
        workspace: file.workspace,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workspace(title: &str) -> Workspace {
        let mut ws = Workspace::default();
        ws.report.title = title.into();
        ws
    }

    #[test]
    fn a_running_programs_copy_is_not_offered_and_a_dead_ones_is() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = RecoveryStore::new(dir.path().join("recovery"));
        assert!(store.orphans().is_empty(), "no folder yet");
        let slot = store.open_slot().expect("slot");
        slot.write(
            &workspace("Osparat"),
            Some(Path::new("/tmp/rapport.ron")),
            "rapport.ron",
            UNIX_EPOCH + std::time::Duration::from_secs(1_700_000_000),
        )
        .expect("write");
        assert!(slot.exists());
        // Still running (the lock is held): not offered.
        assert!(store.orphans().is_empty());
        // The program dies without clearing: the copy is offered.
        drop(slot);
        let mut orphans = store.orphans();
        assert_eq!(orphans.len(), 1);
        let o = orphans.remove(0);
        let r = o.content.as_ref().expect("readable");
        assert_eq!(r.workspace.report.title, "Osparat");
        assert_eq!(r.file.as_deref(), Some(Path::new("/tmp/rapport.ron")));
        assert_eq!(r.name, "rapport.ron");
        assert_eq!(r.saved_at, 1_700_000_000);
        // While this orphan is held, another start does not offer it too.
        assert!(store.orphans().is_empty());
        o.discard().expect("discard");
        assert!(store.orphans().is_empty());
        let left: Vec<_> = fs::read_dir(store.dir()).expect("dir").collect();
        assert!(left.is_empty(), "{left:?}");
    }

    #[test]
    fn a_cleared_copy_leaves_nothing_behind() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = RecoveryStore::new(dir.path());
        let slot = store.open_slot().expect("slot");
        slot.write(&workspace("x"), None, "Namnlös", SystemTime::now())
            .expect("write");
        slot.clear().expect("clear");
        assert!(!slot.exists());
        slot.clear().expect("clearing twice is fine");
        drop(slot);
        let left: Vec<_> = fs::read_dir(dir.path()).expect("dir").collect();
        assert!(left.is_empty(), "{left:?}");
    }

    #[test]
    fn a_copy_written_before_an_update_is_still_offered() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = RecoveryStore::new(dir.path());
        // A copy in format version 2, before texts had a heading kind.
        fs::write(
            dir.path().join("1-2.ron"),
            "Recovery(format_version: 2, saved_at: 1700000000, name: \"a.ron\", \
             workspace: (texts: [(title: \"Framtiden\")]))",
        )
        .expect("w");
        let orphans = store.orphans();
        assert_eq!(orphans.len(), 1);
        let r = orphans[0].content.as_ref().expect("a version 2 copy reads");
        assert_eq!(r.workspace.texts[0].title, "Framtiden");
        // A copy from a newer tertial is not read.
        fs::write(
            dir.path().join("3-4.ron"),
            format!(
                "Recovery(format_version: {}, saved_at: 1, name: \"b.ron\", workspace: ())",
                FORMAT_VERSION + 1
            ),
        )
        .expect("w");
        let newer = store
            .orphans()
            .into_iter()
            .find(|o| o.content.is_err())
            .expect("the newer copy is offered with a reason");
        assert!(
            newer
                .content
                .as_ref()
                .err()
                .is_some_and(|e| e.contains("annan version"))
        );
    }

    #[test]
    fn a_broken_copy_is_offered_with_the_reason() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = RecoveryStore::new(dir.path());
        fs::write(
            dir.path().join("1-2.ron"),
            "Recovery(format_version: 2, saved",
        )
        .expect("w");
        let orphans = store.orphans();
        assert_eq!(orphans.len(), 1);
        let reason = orphans[0].content.as_ref().expect_err("broken");
        assert!(reason.contains("rad 1"), "{reason}");
    }

    #[test]
    fn newest_copy_first() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = RecoveryStore::new(dir.path());
        for (title, secs) in [("äldre", 100), ("nyare", 200)] {
            let slot = store.open_slot().expect("slot");
            slot.write(
                &workspace(title),
                None,
                "Namnlös",
                UNIX_EPOCH + std::time::Duration::from_secs(secs),
            )
            .expect("write");
        }
        let titles: Vec<String> = store
            .orphans()
            .iter()
            .map(|o| {
                o.content
                    .as_ref()
                    .expect("ok")
                    .workspace
                    .report
                    .title
                    .clone()
            })
            .collect();
        assert_eq!(titles, ["nyare", "äldre"]);
    }
}
