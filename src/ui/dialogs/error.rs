//! "Det gick inte": a load, save, export or recovery error, said in
//! Swedish until the author closes it with OK (or Escape, or a click
//! beside it).

/// The error box while open, with its message.
pub struct ErrorDialog {
    pub message: String,
}

/// The only answer an error box takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorAnswer {
    /// OK, Escape or a click beside the box: it closes.
    Close,
}

impl ErrorDialog {
    pub fn new(message: impl Into<String>) -> Self {
        ErrorDialog {
            message: message.into(),
        }
    }

    /// Draws the box; `Some` once the author has closed it.
    pub fn show(&self, ctx: &egui::Context) -> Option<ErrorAnswer> {
        let modal = egui::Modal::new(egui::Id::unique("error")).show(ctx, |ui| {
            ui.heading("Det gick inte");
            ui.label(self.message.as_str());
            ui.button("OK").clicked()
        });
        (modal.inner || modal.should_close()).then_some(ErrorAnswer::Close)
    }
}
