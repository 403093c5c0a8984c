//! "Importera närvaro (CSV)…": the preview of an attendance import. It
//! shows what the file will change per group and every row that could not
//! be read; the workspace is changed only by *Importera*.

use std::path::PathBuf;

use egui::{RichText, Ui};

use crate::domain::Workspace;
use crate::import::attendance::Preview;

/// An import waiting for the author's answer.
pub struct ImportDialog {
    pub path: PathBuf,
    pub preview: Preview,
    /// The document revision the preview was made against; the preview is
    /// made again if the workspace changes under the open dialog (an undo
    /// by shortcut, another file opened), so it never points at the wrong
    /// groups.
    pub revision: u64,
}

/// The author's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Import,
    Cancel,
}

impl ImportDialog {
    /// Draws the dialog; `Some` once the author has answered.
    pub fn show(&self, ui: &mut Ui, ws: &Workspace) -> Option<Answer> {
        let mut answer = None;
        let p = &self.preview;
        let modal = egui::Modal::new(egui::Id::unique("import-attendance")).show(ui.ctx(), |ui| {
            ui.set_max_width(720.0);
            ui.heading("Importera närvaro");
            ui.label(format!("Fil: {}", self.path.display()));
            ui.label(format!(
                "Format: {} · {} rader lästa",
                p.layout.describe(),
                p.rows
            ));
            ui.add_space(6.0);
            let changes = p.changes(ws);
            if changes.is_empty() {
                ui.label(RichText::new("Inget att importera.").strong());
            } else {
                egui::Grid::new("import-changes")
                    .striped(true)
                    .num_columns(4)
                    .show(ui, |ui| {
                        for h in [
                            "Nätverk/grupp",
                            "Träffar",
                            "Ersätter",
                            "Närvarande kommuner",
                        ] {
                            ui.label(RichText::new(h).strong());
                        }
                        ui.end_row();
                        for c in &changes {
                            ui.label(&c.group);
                            ui.label(c.meetings.to_string());
                            ui.label(c.replaced.to_string());
                            ui.label(c.present.to_string());
                            ui.end_row();
                        }
                    });
            }
            if !p.problems.is_empty() {
                ui.add_space(6.0);
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    format!(
                        "{} {} kunde inte läsas och importeras inte:",
                        p.problems.len(),
                        if p.problems.len() == 1 {
                            "rad"
                        } else {
                            "rader"
                        }
                    ),
                );
                egui::ScrollArea::vertical()
                    .id_salt("import-problems")
                    .max_height(180.0)
                    .show(ui, |ui| {
                        for problem in &p.problems {
                            ui.label(problem.to_string());
                        }
                    });
            }
            for note in &p.notes {
                ui.weak(note);
            }
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                let n = p.meetings.len();
                let label = format!("Importera {n} {}", if n == 1 { "träff" } else { "träffar" });
                if ui.add_enabled(n > 0, egui::Button::new(label)).clicked() {
                    answer = Some(Answer::Import);
                }
                if ui.button("Avbryt").clicked() {
                    answer = Some(Answer::Cancel);
                }
            });
        });
        if answer.is_none() && modal.should_close() {
            answer = Some(Answer::Cancel);
        }
        answer
    }
}
