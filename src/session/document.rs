//! The open document: the workspace being edited, where it came from,
//! whether it differs from the saved file, and the undo/redo history.
//! Knows nothing of egui, so every rule here is unit-tested.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use crate::domain::Workspace;
use crate::storage::{self, DiskStamp, LoadError, SaveError};

/// Successive edits of the same field within this time are one undo step
/// (typing a word is one step, not one per letter).
const COALESCE: Duration = Duration::from_millis(1500);

/// How many undo steps are kept.
const MAX_UNDO: usize = 200;

/// Which field an edit came from, to merge typing into one undo step.
pub type EditSource = u64;

/// Gives every document an id of its own.
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// Revisions are numbered across all documents of the run, so a view that
/// caches by revision never mistakes a newly opened file for the one it
/// replaced.
static NEXT_REVISION: AtomicU64 = AtomicU64::new(1);

fn next_revision() -> u64 {
    NEXT_REVISION.fetch_add(1, Ordering::Relaxed)
}

pub struct Document {
    pub workspace: Workspace,
    /// The file the workspace is saved in; `None` for a new or built-in one.
    pub path: Option<PathBuf>,
    /// The workspace as of the last undo point.
    committed: Workspace,
    /// The workspace as last saved or opened.
    saved: Workspace,
    undo: Vec<Workspace>,
    redo: Vec<Workspace>,
    last_edit: Option<(EditSource, Instant)>,
    /// Name shown while there is no file.
    untitled: String,
    /// New on every change (and unique in the run), so views can cache
    /// derived figures and pictures by it.
    revision: u64,
    dirty: bool,
    /// The file's content when it was opened or last saved here.
    disk: Option<DiskStamp>,
    id: u64,
    /// The format version of the file when it was older than this
    /// program's (it is written in the current format on the next save).
    migrated_from: Option<u32>,
}

impl Document {
    pub fn new(workspace: Workspace, path: Option<PathBuf>) -> Self {
        Document {
            committed: workspace.clone(),
            saved: workspace.clone(),
            workspace,
            undo: Vec::new(),
            redo: Vec::new(),
            last_edit: None,
            untitled: "Namnlös".into(),
            revision: next_revision(),
            dirty: false,
            disk: path.as_deref().and_then(DiskStamp::of),
            path,
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            migrated_from: None,
        }
    }

    /// Work brought back from a recovery copy: `workspace` as it was when
    /// the copy was written, for `path` (if it had a file). It counts as
    /// unsaved unless it equals what the file holds now.
    pub fn restored(workspace: Workspace, path: Option<PathBuf>, untitled: &str) -> Self {
        let on_disk = path.as_deref().and_then(|p| storage::load(p).ok());
        let mut doc = Document::new(on_disk.unwrap_or_default(), path).with_untitled_name(untitled);
        doc.workspace = workspace;
        doc.committed = doc.workspace.clone();
        doc.changed();
        doc
    }

    /// Name shown while the document has no file (e.g. the built-in sample).
    pub fn with_untitled_name(mut self, name: &str) -> Self {
        self.untitled = name.to_string();
        self
    }

    /// Open a file. On error nothing changes for the caller: the current
    /// document is untouched.
    pub fn open(path: &Path) -> Result<Self, LoadError> {
        let loaded = storage::read(path)?;
        let migrated_from = Some(loaded.format_version).filter(|_| loaded.was_migrated());
        let mut doc = Document::new(loaded.workspace, Some(path.to_path_buf()));
        doc.migrated_from = migrated_from;
        Ok(doc)
    }

    /// A number no other document in this run has.
    pub fn id(&self) -> u64 {
        self.id
    }

    /// The older format version the file was in, until it is saved.
    pub fn migrated_from(&self) -> Option<u32> {
        self.migrated_from
    }

    /// Whether the document's file now holds something else than when it
    /// was opened or last saved here (another program or person saved it).
    /// A file that has disappeared is not a conflict: saving recreates it.
    pub fn changed_on_disk(&self) -> bool {
        match (&self.path, &self.disk) {
            (Some(path), Some(stamp)) => DiskStamp::of(path).is_some_and(|now| now != *stamp),
            _ => false,
        }
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Unsaved changes?
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// The file name shown in the title, e.g. `rapport.ron`.
    pub fn name(&self) -> String {
        match &self.path {
            Some(p) => p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            None => self.untitled.clone(),
        }
    }

    /// Record that `workspace` was changed by the field `source`. Call once
    /// per frame in which something changed.
    pub fn edited(&mut self, source: EditSource) {
        self.edited_at(source, Instant::now());
    }

    fn edited_at(&mut self, source: EditSource, now: Instant) {
        let merge = matches!(self.last_edit, Some((s, t)) if s == source && now.duration_since(t) < COALESCE);
        if !merge {
            let before = std::mem::replace(&mut self.committed, self.workspace.clone());
            self.undo.push(before);
            if self.undo.len() > MAX_UNDO {
                self.undo.remove(0);
            }
        } else {
            self.committed = self.workspace.clone();
        }
        self.redo.clear();
        self.last_edit = Some((source, now));
        self.changed();
    }

    fn changed(&mut self) {
        self.revision = next_revision();
        self.dirty = self.workspace != self.saved;
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn undo(&mut self) -> bool {
        let Some(previous) = self.undo.pop() else {
            return false;
        };
        self.redo
            .push(std::mem::replace(&mut self.workspace, previous));
        self.committed = self.workspace.clone();
        self.last_edit = None;
        self.changed();
        true
    }

    pub fn redo(&mut self) -> bool {
        let Some(next) = self.redo.pop() else {
            return false;
        };
        self.undo.push(std::mem::replace(&mut self.workspace, next));
        self.committed = self.workspace.clone();
        self.last_edit = None;
        self.changed();
        true
    }

    /// Save to `path` (Spara som) or to the document's own path (Spara).
    /// On failure the workspace stays in memory, unsaved.
    pub fn save_to(&mut self, path: &Path) -> Result<(), SaveError> {
        storage::save(&self.workspace, path)?;
        self.disk = DiskStamp::of(path);
        self.path = Some(path.to_path_buf());
        self.saved = self.workspace.clone();
        self.dirty = false;
        self.last_edit = None;
        self.migrated_from = None;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn doc() -> Document {
        Document::new(Workspace::default(), None)
    }

    #[test]
    fn edits_undo_and_redo() {
        let mut d = doc();
        assert!(!d.is_dirty() && !d.can_undo());
        d.workspace.report.title = "A".into();
        d.edited(1);
        d.workspace.report.diarienummer = "RJL 1".into();
        d.edited(2);
        assert!(d.is_dirty());
        assert!(d.undo());
        assert_eq!(d.workspace.report.diarienummer, "");
        assert_eq!(d.workspace.report.title, "A");
        assert!(d.undo());
        assert_eq!(d.workspace.report.title, "");
        assert!(!d.is_dirty(), "back where it was saved");
        assert!(!d.undo());
        assert!(d.redo() && d.redo());
        assert_eq!(d.workspace.report.diarienummer, "RJL 1");
        assert!(!d.redo());
    }

    #[test]
    fn typing_in_one_field_is_one_step() {
        let mut d = doc();
        let t0 = Instant::now();
        for (i, text) in ["4", "45", "45,", "45,3"].iter().enumerate() {
            d.workspace.report.title = text.to_string();
            d.edited_at(7, t0 + Duration::from_millis(200 * i as u64));
        }
        d.workspace.report.title = "later".into();
        d.edited_at(7, t0 + Duration::from_secs(10));
        assert!(d.undo());
        assert_eq!(d.workspace.report.title, "45,3");
        assert!(d.undo());
        assert_eq!(d.workspace.report.title, "");
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let mut d = doc();
        d.workspace.staff.financing.municipal_fte = Some(Decimal::ONE);
        d.edited(1);
        d.undo();
        d.workspace.report.title = "B".into();
        d.edited(2);
        assert!(!d.can_redo());
    }

    #[test]
    fn saving_clears_dirty_and_keeps_undo() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut d = doc();
        d.workspace.report.title = "C".into();
        d.edited(1);
        let path = dir.path().join("c.ron");
        d.save_to(&path).expect("save");
        assert!(!d.is_dirty());
        assert_eq!(d.name(), "c.ron");
        assert!(d.can_undo());
        let reopened = Document::open(&path).expect("open");
        assert_eq!(reopened.workspace, d.workspace);
    }

    #[test]
    fn a_failed_save_keeps_the_work() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut d = doc();
        d.workspace.report.title = "D".into();
        d.edited(1);
        let bad = dir.path().join("no-such-folder").join("d.ron");
        assert!(d.save_to(&bad).is_err());
        assert!(d.is_dirty());
        assert_eq!(d.workspace.report.title, "D");
        assert_eq!(d.path, None);
    }
}
