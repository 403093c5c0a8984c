//! "Filen har ändrats på disken": Spara found the document's file saved by
//! another program or person since it was opened, and writes nothing until
//! the author chooses: Skriv över, Spara som… or Avbryt.

use std::path::PathBuf;

/// The question while open, about the file at `path`.
pub struct ConflictDialog {
    pub path: PathBuf,
}

/// The answer to "Filen har ändrats på disken".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictAnswer {
    /// Skriv över the other version (kept as .bak).
    Overwrite,
    /// Spara som… under another name.
    SaveAs,
    /// Avbryt (also Escape or a click beside the question): nothing is
    /// saved.
    Cancel,
}

impl ConflictDialog {
    pub fn new(path: PathBuf) -> Self {
        ConflictDialog { path }
    }

    /// Draws the question; `Some` once the author has answered.
    pub fn show(&self, ctx: &egui::Context) -> Option<ConflictAnswer> {
        let mut answer = None;
        let modal = egui::Modal::new(egui::Id::unique("changed-on-disk")).show(ctx, |ui| {
            ui.heading("Filen har ändrats på disken");
            ui.label(format!(
                "{} har sparats av ett annat program eller en annan person sedan du \
                 öppnade den. Sparar du här skrivs de ändringarna över (den förra \
                 versionen sparas som .bak).",
                self.path.display()
            ));
            ui.horizontal(|ui| {
                if ui.button("Skriv över").clicked() {
                    answer = Some(ConflictAnswer::Overwrite);
                }
                if ui.button("Spara som…").clicked() {
                    answer = Some(ConflictAnswer::SaveAs);
                }
                if ui.button("Avbryt").clicked() {
                    answer = Some(ConflictAnswer::Cancel);
                }
            });
        });
        if answer.is_none() && modal.should_close() {
            answer = Some(ConflictAnswer::Cancel);
        }
        answer
    }
}
