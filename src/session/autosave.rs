//! Autosave: when the open document's unsaved work is copied to this
//! program's recovery slot, and when the copy is removed again. Knows
//! nothing of egui; the window calls [`Autosave::tick`] every frame.
//!
//! Rule: while there are changes that are not in the recovery copy, the
//! copy is written at most `interval` after the first of them, so a crash
//! loses at most that much work. A document without unsaved changes has
//! no copy (saving, undoing back to the saved state or throwing the
//! changes away removes it).

use std::time::{Duration, Instant, SystemTime};

use super::document::Document;
use crate::storage::recovery::RecoverySlot;

/// How often unsaved work is copied, unless the user says otherwise.
pub const DEFAULT_INTERVAL: Duration = Duration::from_secs(30);

pub struct Autosave {
    slot: RecoverySlot,
    interval: Duration,
    /// The document and revision the copy on disk holds.
    written: Option<(u64, u64)>,
    /// When the oldest change not yet in the copy was first seen.
    pending_since: Option<Instant>,
    /// Why the last write failed (shown in the status bar), in Swedish.
    pub error: Option<String>,
    /// How many copies were written (shown in tests and the status bar).
    pub writes: u64,
}

impl Autosave {
    pub fn new(slot: RecoverySlot, interval: Duration) -> Self {
        Autosave {
            slot,
            interval,
            written: None,
            pending_since: None,
            error: None,
            writes: 0,
        }
    }

    pub fn interval(&self) -> Duration {
        self.interval
    }

    /// Where the copy is written.
    pub fn slot(&self) -> &RecoverySlot {
        &self.slot
    }

    /// Write or remove the copy as the document's state asks. Returns how
    /// long until the next write is due, so the window can wake up then
    /// even if the author does nothing.
    pub fn tick(&mut self, doc: &Document, now: Instant) -> Option<Duration> {
        if !doc.is_dirty() {
            self.pending_since = None;
            if self.written.take().is_some() || self.slot.exists() {
                self.remove();
            }
            return None;
        }
        let current = (doc.id(), doc.revision());
        if self.written == Some(current) {
            return None;
        }
        let since = *self.pending_since.get_or_insert(now);
        let due = since + self.interval;
        if now < due {
            return Some(due - now);
        }
        if self.write_now(doc) {
            None
        } else {
            // Try again one interval later.
            self.pending_since = Some(now);
            Some(self.interval)
        }
    }

    /// Write the copy now, whatever the interval says. Returns whether it
    /// was written; if not, `error` says why.
    pub fn write_now(&mut self, doc: &Document) -> bool {
        let path = doc.path.as_deref();
        match self
            .slot
            .write(&doc.workspace, path, &doc.name(), SystemTime::now())
        {
            Ok(()) => {
                self.written = Some((doc.id(), doc.revision()));
                self.pending_since = None;
                self.error = None;
                self.writes += 1;
                true
            }
            Err(e) => {
                self.error = Some(format!("Autosparningen misslyckades: {e}"));
                false
            }
        }
    }

    /// The program closes on purpose: the author has saved or chosen not
    /// to, so the copy goes.
    pub fn finish(&mut self) {
        self.remove();
    }

    fn remove(&mut self) {
        self.written = None;
        if let Err(e) = self.slot.clear() {
            self.error = Some(format!(
                "Återställningskopian {} kunde inte tas bort: {e}",
                self.slot.path().display()
            ));
        }
    }
}

/// When a recovery copy was saved, for the question at start-up:
/// "i dag 14:05 (för 3 minuter sedan)", "2026-11-20 09:12 (för 3 dagar
/// sedan)". Local time of this computer.
pub fn describe_saved_at(saved_at: i64, now: i64) -> String {
    let tz = jiff::tz::TimeZone::system();
    let clock = jiff::Timestamp::from_second(saved_at)
        .ok()
        .map(|t| t.to_zoned(tz.clone()));
    let today = jiff::Timestamp::from_second(now)
        .ok()
        .map(|t| t.to_zoned(tz).date());
    let when = match clock {
        Some(z) if Some(z.date()) == today => format!("i dag {}", z.strftime("%H:%M")),
        Some(z) => z.strftime("%Y-%m-%d %H:%M").to_string(),
        None => "okänd tid".to_string(),
    };
    format!("{when} ({})", ago(now.saturating_sub(saved_at)))
}

/// "för 3 minuter sedan" in Swedish, with the singular forms.
fn ago(seconds: i64) -> String {
    let unit = |n: i64, one: &str, many: &str| {
        format!("för {n} {} sedan", if n == 1 { one } else { many })
    };
    match seconds {
        s if s < 60 => "för mindre än en minut sedan".to_string(),
        s if s < 3600 => unit(s / 60, "minut", "minuter"),
        s if s < 86_400 => unit(s / 3600, "timme", "timmar"),
        s => unit(s / 86_400, "dag", "dagar"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::recovery::RecoveryStore;

    fn setup(interval: u64) -> (tempfile::TempDir, Autosave, Document) {
        let dir = tempfile::tempdir().expect("tempdir");
        let slot = RecoveryStore::new(dir.path()).open_slot().expect("slot");
        let auto = Autosave::new(slot, Duration::from_secs(interval));
        let doc = Document::new(crate::domain::Workspace::default(), None);
        (dir, auto, doc)
    }

    fn edit(doc: &mut Document, title: &str) {
        doc.workspace.report.title = title.into();
        doc.edited(1);
    }

    #[test]
    fn unsaved_work_is_copied_one_interval_after_the_first_change() {
        let (_dir, mut auto, mut doc) = setup(30);
        let t0 = Instant::now();
        assert_eq!(auto.tick(&doc, t0), None, "nothing to save");
        edit(&mut doc, "A");
        assert_eq!(auto.tick(&doc, t0), Some(Duration::from_secs(30)));
        edit(&mut doc, "AB");
        let wait = auto.tick(&doc, t0 + Duration::from_secs(10));
        assert_eq!(
            wait,
            Some(Duration::from_secs(20)),
            "counted from the first change"
        );
        assert!(!auto.slot().exists());
        assert_eq!(auto.tick(&doc, t0 + Duration::from_secs(30)), None);
        assert!(auto.slot().exists());
        assert_eq!(auto.writes, 1);
        // Nothing new: nothing written.
        auto.tick(&doc, t0 + Duration::from_secs(90));
        assert_eq!(auto.writes, 1);
        // A new change waits its own interval.
        edit(&mut doc, "ABC");
        assert!(auto.tick(&doc, t0 + Duration::from_secs(91)).is_some());
        auto.tick(&doc, t0 + Duration::from_secs(121));
        assert_eq!(auto.writes, 2);
    }

    #[test]
    fn saving_or_undoing_removes_the_copy() {
        let (dir, mut auto, mut doc) = setup(0);
        let now = Instant::now();
        edit(&mut doc, "A");
        auto.tick(&doc, now);
        assert!(auto.slot().exists());
        doc.undo();
        auto.tick(&doc, now);
        assert!(!auto.slot().exists(), "back to the saved state");
        edit(&mut doc, "B");
        auto.tick(&doc, now);
        assert!(auto.slot().exists());
        doc.save_to(&dir.path().join("b.ron")).expect("save");
        auto.tick(&doc, now);
        assert!(!auto.slot().exists(), "saved");
        edit(&mut doc, "C");
        auto.tick(&doc, now);
        auto.finish();
        assert!(!auto.slot().exists(), "closed on purpose");
    }

    #[test]
    fn a_new_document_is_not_taken_for_the_old_one() {
        let (_dir, mut auto, mut doc) = setup(0);
        let now = Instant::now();
        edit(&mut doc, "A");
        auto.tick(&doc, now);
        let mut other = Document::new(crate::domain::Workspace::default(), None);
        edit(&mut other, "Z");
        assert_ne!(doc.revision(), other.revision());
        auto.tick(&other, now);
        assert_eq!(auto.writes, 2, "the other document's work is copied");
    }

    #[test]
    fn ages_in_swedish() {
        assert_eq!(ago(5), "för mindre än en minut sedan");
        assert_eq!(ago(60), "för 1 minut sedan");
        assert_eq!(ago(3 * 60 + 59), "för 3 minuter sedan");
        assert_eq!(ago(3600), "för 1 timme sedan");
        assert_eq!(ago(5 * 3600), "för 5 timmar sedan");
        assert_eq!(ago(86_400 * 2), "för 2 dagar sedan");
        let text = describe_saved_at(1_700_000_000, 1_700_000_000 + 120);
        assert!(text.ends_with("(för 2 minuter sedan)"), "{text}");
    }
}
