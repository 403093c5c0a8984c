//! The offer of work a tertial that did not close normally left behind:
//! each recovery copy in turn, with its name, file and when it was saved,
//! to restore (Återställ) or throw away (Kasta); a copy that cannot be
//! read says why and can be thrown away or kept (Behåll filen). The dialog
//! owns the copies still waiting; the window restores or deletes them.

use std::time::{SystemTime, UNIX_EPOCH};

use crate::session::autosave;
use crate::storage::recovery::Orphan;

/// The recovery copies waiting for an answer, first one shown.
#[derive(Default)]
pub struct RecoveryDialog {
    offers: Vec<Orphan>,
}

/// The answer about one copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecoveryAnswer {
    /// Återställ: open the copy's work, unsaved.
    Restore,
    /// Kasta: delete the copy for good.
    Discard,
    /// Behåll filen (a copy that could not be read): leave it where it is.
    Keep,
}

impl RecoveryDialog {
    pub fn new(offers: Vec<Orphan>) -> Self {
        RecoveryDialog { offers }
    }

    /// How many copies wait for an answer.
    pub fn len(&self) -> usize {
        self.offers.len()
    }

    /// Draws the offer of the first copy, if any; once the author has
    /// answered, that copy leaves the queue and comes back with the answer.
    pub fn show(&mut self, ctx: &egui::Context) -> Option<(Orphan, RecoveryAnswer)> {
        let offer = self.offers.first()?;
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
            .unwrap_or(0);
        let mut answer = None;
        egui::Modal::new(egui::Id::unique("recovery")).show(ctx, |ui| {
            ui.set_max_width(560.0);
            match &offer.content {
                Ok(r) => {
                    ui.heading("Återställa osparat arbete?");
                    ui.label(
                        "tertial stängdes utan att allt arbete var sparat. \
                         En återställningskopia finns:",
                    );
                    egui::Grid::new("recovery-facts").show(ui, |ui| {
                        ui.label("Arbetsyta:");
                        ui.strong(&r.name);
                        ui.end_row();
                        ui.label("Fil:");
                        match &r.file {
                            Some(p) => ui.label(p.display().to_string()),
                            None => ui.label("ingen (aldrig sparad)"),
                        };
                        ui.end_row();
                        ui.label("Sparad:");
                        ui.label(autosave::describe_saved_at(r.saved_at, now));
                        ui.end_row();
                    });
                    ui.label(
                        "Återställ öppnar kopian med ändringarna osparade; spara dem \
                         sedan som vanligt. Kasta tar bort kopian för gott.",
                    );
                    ui.horizontal(|ui| {
                        if ui.button("Återställ").clicked() {
                            answer = Some(RecoveryAnswer::Restore);
                        }
                        if ui.button("Kasta").clicked() {
                            answer = Some(RecoveryAnswer::Discard);
                        }
                    });
                }
                Err(reason) => {
                    ui.heading("Återställningskopian kunde inte läsas");
                    ui.label(reason);
                    ui.horizontal(|ui| {
                        if ui.button("Kasta").clicked() {
                            answer = Some(RecoveryAnswer::Discard);
                        }
                        if ui.button("Behåll filen").clicked() {
                            answer = Some(RecoveryAnswer::Keep);
                        }
                    });
                }
            }
        });
        let answer = answer?;
        Some((self.offers.remove(0), answer))
    }
}
