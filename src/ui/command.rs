//! Everything the author can ask of the window as one enum, [`Command`]:
//! the menus, the keyboard shortcuts and the command palette (Ctrl+K or
//! Ctrl+Shift+P) put commands on the window's queue, and the window
//! carries them out in one place. A command's Swedish name and its
//! shortcut are declared here once, so the menus, the palette and the keys
//! read the same.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers, Ui};

use super::parts::{Nav, all_navs};
use crate::domain::Workspace;
use crate::domain::check::Location;
use crate::domain::tables::Table;

/// Ny.
pub const NEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
/// Öppna.
pub const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
/// Spara.
pub const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
/// Spara som.
pub const SAVE_AS: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
/// Ångra.
pub const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
/// Gör om.
pub const REDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
/// Gör om, the second shortcut (not shown in the menu).
pub const REDO_SHIFT_Z: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
/// The command palette.
pub const PALETTE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::K);
/// The command palette, the second shortcut (as in VS Code).
pub const PALETTE_SHIFT_P: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::P);

/// A menu entry for `command` (menus and the palette alike), with its
/// shortcut on the right as the platform writes it (`Ctrl+S`, or `⌘S` on
/// a Mac).
pub fn menu_item(ui: &Ui, command: &Command, ws: &Workspace) -> egui::Button<'static> {
    let button = egui::Button::new(command.name(ws));
    match command.shortcut() {
        Some(shortcut) => button.shortcut_text(ui.ctx().format_shortcut(&shortcut)),
        None => button,
    }
}

/// Every key the window reads and the command it sends, longer
/// combinations first (Ctrl+Shift+S must not be read as Ctrl+S).
pub const SHORTCUTS: [(KeyboardShortcut, Command); 9] = [
    (SAVE_AS, Command::SaveAs),
    (REDO_SHIFT_Z, Command::Redo),
    (PALETTE_SHIFT_P, Command::Palette),
    (REDO, Command::Redo),
    (UNDO, Command::Undo),
    (SAVE, Command::Save),
    (NEW, Command::New),
    (OPEN, Command::Open),
    (PALETTE, Command::Palette),
];

/// Something the author asks the window to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Ny: an empty workspace (asking first about unsaved changes).
    New,
    /// Öppna…: choose a workspace file.
    Open,
    /// Open this file (Öppna senaste).
    OpenFile(PathBuf),
    /// Spara.
    Save,
    /// Spara som…
    SaveAs,
    /// Ny period från denna…
    NewPeriod,
    /// Importera närvaro (CSV)…
    ImportAttendance,
    /// Exportera rapport… (HTML).
    ExportReport,
    /// Exportera Word-dokument…
    ExportDocument,
    /// Exportera Excel-arbetsbok…
    ExportWorkbook,
    /// Exportera bildspel… (PowerPoint).
    ExportDeck,
    /// Avsluta.
    Quit,
    /// Ångra.
    Undo,
    /// Gör om.
    Redo,
    /// Show a part of the report.
    GoTo(Nav),
    /// Show where a Kontroll finding points (its part, and its row).
    GoToFinding(Location),
    /// Kopiera tabell: a table as the report prints it, tab-separated on
    /// the clipboard (the buttons under each table).
    CopyTable(Table),
    /// Exportera CSV…: a table as the report prints it, to a CSV file.
    ExportTable(Table),
    /// Om tertial.
    About,
    /// Open the command palette.
    Palette,
}

impl Command {
    /// The command's name in Swedish, as the menus and the palette show it.
    pub fn name(&self, ws: &Workspace) -> String {
        match self {
            Command::New => "Ny".into(),
            Command::Open => "Öppna…".into(),
            Command::OpenFile(path) => path.display().to_string(),
            Command::Save => "Spara".into(),
            Command::SaveAs => "Spara som…".into(),
            Command::NewPeriod => "Ny period från denna…".into(),
            Command::ImportAttendance => "Importera närvaro (CSV)…".into(),
            Command::ExportReport => "Exportera rapport…".into(),
            Command::ExportDocument => "Exportera Word-dokument…".into(),
            Command::ExportWorkbook => "Exportera Excel-arbetsbok…".into(),
            Command::ExportDeck => "Exportera bildspel…".into(),
            Command::Quit => "Avsluta".into(),
            Command::Undo => "Ångra".into(),
            Command::Redo => "Gör om".into(),
            Command::GoTo(nav) => format!("Gå till {}", nav.name(ws)),
            Command::GoToFinding(location) => format!("Gå till {}", location.part().name()),
            Command::CopyTable(table) => format!("Kopiera tabell {}", table.title),
            Command::ExportTable(table) => format!("Exportera CSV {}", table.title),
            Command::About => "Om tertial".into(),
            Command::Palette => "Kommandon…".into(),
        }
    }

    /// The shortcut the menus and the palette show for it.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        match self {
            Command::New => Some(NEW),
            Command::Open => Some(OPEN),
            Command::Save => Some(SAVE),
            Command::SaveAs => Some(SAVE_AS),
            Command::Undo => Some(UNDO),
            Command::Redo => Some(REDO),
            Command::Palette => Some(PALETTE),
            _ => None,
        }
    }
}

/// Every command the palette offers for `ws`, in menu order: the file
/// commands, editing, then every part of the report.
pub fn palette_commands(ws: &Workspace) -> Vec<Command> {
    let mut all = vec![
        Command::New,
        Command::Open,
        Command::Save,
        Command::SaveAs,
        Command::NewPeriod,
        Command::ImportAttendance,
        Command::ExportReport,
        Command::ExportDocument,
        Command::ExportWorkbook,
        Command::ExportDeck,
        Command::Undo,
        Command::Redo,
    ];
    all.extend(all_navs(ws).into_iter().map(Command::GoTo));
    all.extend([Command::About, Command::Quit]);
    all
}

/// The palette's commands whose name contains every word of `filter`
/// (case and å/ä/ö as typed, compared in lower case).
pub fn matching(ws: &Workspace, filter: &str) -> Vec<Command> {
    let words: Vec<String> = filter.split_whitespace().map(str::to_lowercase).collect();
    palette_commands(ws)
        .into_iter()
        .filter(|c| {
            let name = c.name(ws).to_lowercase();
            words.iter().all(|w| name.contains(w.as_str()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_palette_finds_commands_by_any_of_their_words() {
        let ws = Workspace::default();
        let names = |filter: &str| -> Vec<String> {
            matching(&ws, filter).iter().map(|c| c.name(&ws)).collect()
        };
        assert_eq!(names("spara som"), ["Spara som…"]);
        assert_eq!(names("NÄRVARO gå"), ["Gå till Närvaro"]);
        assert!(names("exportera").len() >= 3);
        assert!(names("finns inte").is_empty());
        // Every part of the report can be reached.
        assert_eq!(
            matching(&ws, "gå till").len(),
            all_navs(&ws).len(),
            "{:?}",
            names("gå till")
        );
    }

    #[test]
    fn each_shortcut_sends_the_command_that_shows_it() {
        for (shortcut, command) in SHORTCUTS {
            if shortcut != REDO_SHIFT_Z && shortcut != PALETTE_SHIFT_P {
                assert_eq!(command.shortcut(), Some(shortcut), "{command:?}");
            }
        }
    }
}
