//! The command palette (Ctrl+K, Ctrl+Shift+P, Redigera → Kommandon…):
//! every command by its Swedish name, narrowed by what is typed; a click
//! or Enter (the first match) chooses one, Escape or a click beside it
//! closes it doing nothing. The window queues the chosen command.

use egui::Key;

use crate::domain::Workspace;
use crate::ui::command::{self, Command};

/// The palette while open: what is typed in its search field.
#[derive(Default)]
pub struct PaletteDialog {
    filter: String,
}

/// The palette's answer.
#[derive(Debug, Clone, PartialEq)]
pub enum PaletteAnswer {
    /// This command was chosen: carry it out.
    Run(Command),
    /// Closed with nothing chosen.
    Close,
}

impl PaletteDialog {
    /// Draws the palette over the commands for `ws`; `Some` once a command
    /// is chosen or the palette closed.
    pub fn show(&mut self, ctx: &egui::Context, ws: &Workspace) -> Option<PaletteAnswer> {
        let mut chosen = None;
        let modal = egui::Modal::new(egui::Id::unique("command-palette")).show(ctx, |ui| {
            ui.set_width(420.0);
            ui.heading("Kommandon");
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.filter)
                    .hint_text("Skriv för att söka")
                    .desired_width(f32::INFINITY),
            );
            crate::ui::cells::name_widget(ui, field.id, "Sök kommando");
            if !field.has_focus() && !field.lost_focus() {
                field.request_focus();
            }
            let matches = command::matching(ws, &self.filter);
            if field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                chosen = matches.first().cloned();
            }
            egui::ScrollArea::vertical()
                .max_height(360.0)
                .show(ui, |ui| {
                    for command in matches {
                        if ui.add(command::menu_item(ui, &command, ws)).clicked() {
                            chosen = Some(command);
                        }
                    }
                });
        });
        match chosen {
            Some(command) => Some(PaletteAnswer::Run(command)),
            None if modal.should_close() => Some(PaletteAnswer::Close),
            None => None,
        }
    }
}
