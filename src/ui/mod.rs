//! The desktop window (egui/eframe): the editor of a workspace. Views read
//! derived figures from `domain` and never compute them themselves.

pub mod app;
pub mod cells;
pub mod charts_view;
pub mod command;
mod dialogs;
mod grid;
mod parts;

use std::sync::Arc;

// The document and the autosave policy live in `session` (no egui); they
// stay reachable here under their old paths.
pub use crate::session::{autosave, document};

pub use app::TertialApp;
pub use command::Command;
pub use dialogs::files::{Choice, FileChooser, FileRequest, NativeDialogs};
pub use parts::{EconomyPage, Nav, all_navs};

/// DejaVu Sans (libre, in `assets/fonts/` with its licence), added after
/// egui's own fonts so the report's symbols (● ◆ ■ ○ ↗ ↘ →) render the same
/// on every machine, with no system font lookup.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "dejavu".to_owned(),
        Arc::new(egui::FontData::from_static(crate::fonts::DEJAVU_SANS)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        if let Some(list) = fonts.families.get_mut(&family) {
            list.push("dejavu".to_owned());
        }
    }
    ctx.set_fonts(fonts);
}
