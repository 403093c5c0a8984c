//! "Ny period från denna…": asks which period the new workspace is for
//! (the same period a year later suggested), refuses what is no period
//! with the reason, and answers with the period once Skapa is pressed.

use egui::Key;

use crate::domain::Period;

/// The dialog while open: the typed period and why it was refused.
pub struct RolloverDialog {
    text: String,
    error: Option<String>,
}

/// The answer to "Ny period från denna".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RolloverAnswer {
    /// Skapa (or Enter in the field) with a period that reads.
    Create(Period),
    /// Avbryt.
    Cancel,
}

impl RolloverDialog {
    /// The dialog with `suggested` in its field.
    pub fn new(suggested: &Period) -> Self {
        RolloverDialog {
            text: suggested.label(),
            error: None,
        }
    }

    /// Draws the dialog; `Some` once the author has answered. A typed
    /// text that is no period is refused here, with the reason, and the
    /// dialog stays open.
    pub fn show(&mut self, ctx: &egui::Context) -> Option<RolloverAnswer> {
        let mut create = false;
        let mut cancel = false;
        egui::Modal::new(egui::Id::unique("rollover")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            ui.heading("Ny period från denna");
            ui.label(
                "En ny arbetsyta med samma mål, avsnitt, mätetal med målvärden, nätverk och \
                 tabellrader. Periodens resultat blir jämförelsevärden; texter, resultat och \
                 registreringar töms. Den här arbetsytan ändras inte.",
            );
            ui.horizontal(|ui| {
                ui.label("Ny period:");
                let field = ui.text_edit_singleline(&mut self.text);
                crate::ui::cells::name_widget(ui, field.id, "Ny period");
                if field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                    create = true;
                }
            });
            if let Some(e) = &self.error {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            ui.horizontal(|ui| {
                if ui.button("Skapa").clicked() {
                    create = true;
                }
                if ui.button("Avbryt").clicked() {
                    cancel = true;
                }
            });
        });
        if cancel {
            return Some(RolloverAnswer::Cancel);
        }
        if !create {
            return None;
        }
        match self.text.parse::<Period>() {
            Ok(period) => Some(RolloverAnswer::Create(period)),
            Err(e) => {
                self.error = Some(e);
                None
            }
        }
    }
}
