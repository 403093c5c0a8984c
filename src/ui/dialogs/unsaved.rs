//! "Spara ändringarna?": asked before the open work is replaced (Ny,
//! Öppna, Ny period från denna) or the window closes while there are
//! unsaved changes. The dialog keeps what waits for the answer; the window
//! carries it out, or not, as the answer says.

/// The question while open; `then` is what waits for the answer.
pub struct UnsavedDialog<T> {
    pub then: T,
}

/// The answer to "Spara ändringarna?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnsavedAnswer {
    /// Spara, then carry out what waited.
    Save,
    /// Spara inte: carry it out, the changes are lost.
    DontSave,
    /// Avbryt (also Escape or a click beside the question): nothing
    /// happens.
    Cancel,
}

impl<T> UnsavedDialog<T> {
    pub fn new(then: T) -> Self {
        UnsavedDialog { then }
    }

    /// Draws the question about the document called `name`; `Some` once
    /// the author has answered.
    pub fn show(&self, ctx: &egui::Context, name: &str) -> Option<UnsavedAnswer> {
        let mut answer = None;
        let modal = egui::Modal::new(egui::Id::unique("unsaved")).show(ctx, |ui| {
            ui.heading("Spara ändringarna?");
            ui.label(format!("{name} har ändringar som inte är sparade."));
            ui.horizontal(|ui| {
                if ui.button("Spara").clicked() {
                    answer = Some(UnsavedAnswer::Save);
                }
                if ui.button("Spara inte").clicked() {
                    answer = Some(UnsavedAnswer::DontSave);
                }
                if ui.button("Avbryt").clicked() {
                    answer = Some(UnsavedAnswer::Cancel);
                }
            });
        });
        // Escape or a click beside the question is Avbryt.
        if answer.is_none() && modal.should_close() {
            answer = Some(UnsavedAnswer::Cancel);
        }
        answer
    }
}
