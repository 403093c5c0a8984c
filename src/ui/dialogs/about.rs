//! "Om tertial" (Hjälp menu): the program's name, version and purpose,
//! until Stäng (or Escape, or a click beside the box).

/// The About box while open.
pub struct AboutDialog;

/// The only answer the About box takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AboutAnswer {
    /// Stäng, Escape or a click beside the box.
    Close,
}

impl AboutDialog {
    /// Draws the box; `Some` once the author has closed it.
    pub fn show(&self, ctx: &egui::Context) -> Option<AboutAnswer> {
        let modal = egui::Modal::new(egui::Id::unique("about")).show(ctx, |ui| {
            ui.heading("tertial");
            ui.label(format!("Version {}", env!("CARGO_PKG_VERSION")));
            ui.label("Uppföljningsrapporter för Kommunal utveckling Jönköpings län.");
            ui.button("Stäng").clicked()
        });
        (modal.inner || modal.should_close()).then_some(AboutAnswer::Close)
    }
}
