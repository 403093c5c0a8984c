//! The editor window: menu bar, navigation of the report's parts, the part
//! being edited, the status bar, file handling (Ny, Öppna, Spara, Spara som,
//! recent files, drag and drop), undo/redo, shortcuts, autosave, and
//! carrying out commands and exports. The dialogs are views of their own
//! in `ui::dialogs`; this module opens them and maps their answers to what
//! they lead to.

use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::{Duration, Instant};

use egui::{Ui, ViewportCommand};

use super::charts_view::{ChartAction, ChartsView};
use super::command::{self, Command, menu_item};
use super::dialogs::about::{AboutAnswer, AboutDialog};
use super::dialogs::conflict::{ConflictAnswer, ConflictDialog};
use super::dialogs::error::{ErrorAnswer, ErrorDialog};
use super::dialogs::files::{Choice, FileChooser, FileRequest, NativeDialogs, WaitAnswer, Waiting};
use super::dialogs::import::{Answer as ImportAnswer, ImportDialog, Step};
use super::dialogs::palette::{PaletteAnswer, PaletteDialog};
use super::dialogs::recovery::{RecoveryAnswer, RecoveryDialog};
use super::dialogs::rollover::{RolloverAnswer, RolloverDialog};
use super::dialogs::unsaved::{UnsavedAnswer, UnsavedDialog};
use super::parts::{self, Goto, Nav};
use crate::charts;
use crate::domain::Workspace;
use crate::domain::check::{self, Severity};
use crate::domain::rollover;
use crate::export::charts::{export_all, export_chart};
use crate::session::autosave::Autosave;
use crate::session::document::Document;
use crate::storage::recovery::{Orphan, RecoveryStore};

/// What to do with a file dialog's answer.
enum AfterDialog {
    /// Save the workspace there, then carry out what waited for the save.
    SaveAs {
        then: Option<Pending>,
    },
    Open,
    ImportCsv,
    ExportReport,
    ExportDocument,
    ExportWorkbook,
    ExportDeck,
    Chart(ChartAction),
    ExportTable(crate::domain::tables::Table),
}

/// What waits for the answer to "Spara ändringarna?".
#[derive(Debug, Clone, PartialEq)]
enum Pending {
    New,
    /// Ny period från denna: replace the document with the next period's.
    Rollover(crate::domain::Period),
    Open(Option<PathBuf>),
    Close,
}

const RECENT_KEY: &str = "tertial.recent";
const MAX_RECENT: usize = 8;

pub struct TertialApp {
    pub doc: Document,
    pub nav: Nav,
    files: Box<dyn FileChooser>,
    recent: Vec<PathBuf>,
    /// "Spara ändringarna?" while open, with what waits for the answer.
    unsaved: Option<UnsavedDialog<Pending>>,
    /// A message shown in a dialog (load and save errors).
    error: Option<ErrorDialog>,
    allow_close: bool,
    title: String,
    /// The consistency findings and the revision they were computed for;
    /// shared with the views without copying.
    findings: (u64, Rc<[check::Finding]>),
    /// "Om tertial" while open.
    about: Option<AboutDialog>,
    clicks: u64,
    pub charts: ChartsView,
    /// The file Spara found changed on disk, while the author decides.
    conflict: Option<ConflictDialog>,
    /// Copies the unsaved work to the recovery folder; `None` when off.
    pub autosave: Option<Autosave>,
    /// Why autosave is off, when it should have been on.
    autosave_off: Option<String>,
    /// Work left behind by a tertial that did not close normally, offered
    /// back one at a time at start-up.
    recovery: RecoveryDialog,
    /// A restored copy kept until its work is safe elsewhere (saved, or in
    /// this program's own copy), so nothing is lost if this run crashes too.
    restored_from: Option<Orphan>,
    /// Start-up measurement: when the program started; report the time to
    /// the first painted frame and close.
    exit_after_first_frame: Option<Instant>,
    frames: u64,
    /// "Ny period från denna…" while open.
    rollover: Option<RolloverDialog>,
    /// "Importera närvaro (CSV)…" while its preview is open.
    import: Option<ImportDialog>,
    /// A file dialog open on its own thread, and what its answer is for.
    waiting: Option<Waiting<AfterDialog>>,
    /// A short note in the status bar ("Tabell 1 kopierad", "Sparade …"),
    /// shown until the document changes.
    notice: Option<(u64, String)>,
    /// Commands from the menus, the shortcuts and the palette, carried out
    /// once a frame in the order they came (`run_commands`).
    commands: Vec<Command>,
    /// The command palette while open.
    palette: Option<PaletteDialog>,
    /// The row Kontroll asked to show, until the part it is in is drawn.
    goto: Option<Goto>,
}

impl TertialApp {
    pub fn new(workspace: Workspace, path: Option<PathBuf>) -> Self {
        let doc = Document::new(workspace, path);
        Self::with_document(doc)
    }

    /// The program opened on the built-in sample (no file yet).
    pub fn with_built_in_sample(workspace: Workspace) -> Self {
        Self::with_document(Document::new(workspace, None).with_untitled_name("Exempel (inbyggt)"))
    }

    fn with_document(doc: Document) -> Self {
        TertialApp {
            findings: (u64::MAX, Rc::from(Vec::new())),
            doc,
            nav: Nav::Rapport,
            files: Box::new(NativeDialogs),
            recent: Vec::new(),
            unsaved: None,
            waiting: None,
            error: None,
            allow_close: false,
            title: String::new(),
            about: None,
            clicks: 0,
            charts: ChartsView::default(),
            conflict: None,
            autosave: None,
            autosave_off: None,
            recovery: RecoveryDialog::default(),
            restored_from: None,
            exit_after_first_frame: None,
            frames: 0,
            rollover: None,
            import: None,
            notice: None,
            commands: Vec::new(),
            palette: None,
            goto: None,
        }
    }

    /// Measure start-up: once the first frame is on screen, print the time
    /// since `started` to stderr and close the window.
    pub fn exit_after_first_frame(mut self, started: Instant) -> Self {
        self.exit_after_first_frame = Some(started);
        self
    }

    /// How many frames have been drawn.
    pub fn frames(&self) -> u64 {
        self.frames
    }

    /// Offer back the work that tertial programs no longer running left in
    /// `store`, and copy this program's unsaved work there every
    /// `interval` (`None`: no autosave).
    pub fn with_recovery(mut self, store: &RecoveryStore, interval: Option<Duration>) -> Self {
        self.recovery = RecoveryDialog::new(store.orphans());
        if let Some(interval) = interval {
            match store.open_slot() {
                Ok(slot) => self.autosave = Some(Autosave::new(slot, interval)),
                Err(e) => self.autosave_off = Some(format!("Autosparning avstängd: {e}")),
            }
        }
        self
    }

    /// Autosave is off because no folder for it could be found.
    pub fn without_recovery_folder(mut self) -> Self {
        self.autosave_off =
            Some("Autosparning avstängd: ingen mapp för programdata hittades.".into());
        self
    }

    /// How many recovery copies wait for an answer.
    pub fn recovery_offers(&self) -> usize {
        self.recovery.len()
    }

    /// The program closes on purpose (after any question about unsaved
    /// changes): the recovery copy is no longer needed.
    pub fn shutdown(&mut self) {
        if let Some(a) = &mut self.autosave {
            a.finish();
        }
        self.settle_restored();
    }

    /// Delete the restored copy once the work no longer needs it: saved, or
    /// thrown away on purpose. Closing with the work unsaved (autosave off)
    /// keeps it for the next start.
    fn settle_restored(&mut self) {
        if !self.doc.is_dirty()
            && let Some(orphan) = self.restored_from.take()
        {
            self.discard_offer(orphan);
        }
    }

    /// Use other file dialogs (UI tests).
    pub fn with_file_chooser(mut self, files: Box<dyn FileChooser>) -> Self {
        self.files = files;
        self
    }

    /// Restore the recent files from eframe's storage.
    pub fn with_storage(mut self, storage: Option<&dyn eframe::Storage>) -> Self {
        if let Some(s) = storage {
            self.recent = eframe::get_value(s, RECENT_KEY).unwrap_or_default();
        }
        self
    }

    /// The window title: `tertial — NAMN.ron`, with ● when unsaved.
    pub fn title(&self) -> String {
        let mark = if self.doc.is_dirty() { " ●" } else { "" };
        format!("tertial — {}{mark}", self.doc.name())
    }

    /// The error message shown in the dialog, if any.
    pub fn error_message(&self) -> Option<&str> {
        self.error.as_ref().map(|e| e.message.as_str())
    }

    /// Show `message` in the error dialog.
    fn fail(&mut self, message: impl Into<String>) {
        self.error = Some(ErrorDialog::new(message));
    }

    fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(MAX_RECENT);
    }

    /// The findings of the current revision, computed only when it changed.
    fn findings(&mut self) -> Rc<[check::Finding]> {
        if self.findings.0 != self.doc.revision() {
            self.findings = (
                self.doc.revision(),
                Rc::from(check::check(&self.doc.workspace)),
            );
        }
        Rc::clone(&self.findings.1)
    }

    /// Open a file now (no question). A file that fails to load leaves the
    /// current document as it was and shows why.
    pub fn open_path(&mut self, path: &Path) {
        match Document::open(path) {
            Ok(doc) => {
                self.doc = doc;
                self.remember(path);
                self.nav = Nav::Rapport;
            }
            Err(e) => self.fail(e.to_string()),
        }
    }

    /// Spara: to the document's file, or ask for one (Spara som). If the
    /// file was changed by someone else since it was opened, nothing is
    /// written: the author is asked first. `then` is carried out once the
    /// work is saved (the action that waited for "Spara ändringarna?").
    fn save(&mut self, then: Option<Pending>, ctx: &egui::Context) {
        match self.doc.path.clone() {
            Some(p) if self.doc.changed_on_disk() => self.conflict = Some(ConflictDialog::new(p)),
            Some(p) => {
                if self.save_to(&p)
                    && let Some(action) = then
                {
                    self.perform(action, ctx);
                }
            }
            None => self.save_as(then, ctx),
        }
    }

    /// Spara som: ask where, then save there (and carry out `then`).
    fn save_as(&mut self, then: Option<Pending>, ctx: &egui::Context) {
        let suggested = format!(
            "{}-{}.ron",
            self.doc
                .workspace
                .report
                .kind
                .name()
                .to_lowercase()
                .replace(['å', 'ä'], "a")
                .replace('ö', "o"),
            self.doc.workspace.report.period.slug()
        );
        self.ask(
            FileRequest::SaveWorkspace { suggested },
            AfterDialog::SaveAs { then },
            ctx,
        );
    }

    /// Show a file dialog; its answer is handled now or when it comes.
    fn ask(&mut self, request: FileRequest, then: AfterDialog, ctx: &egui::Context) {
        if self.waiting.is_some() {
            return; // one dialog at a time
        }
        match self.files.choose(request, ctx) {
            Choice::Now(answer) => self.answered(then, answer, ctx),
            Choice::Later(rx) => self.waiting = Some(Waiting::new(then, rx)),
        }
    }

    /// While a dialog is open: its answer, when it has come (meanwhile
    /// `Waiting` covers the window with a note).
    fn poll_file_dialog(&mut self, ui: &Ui) {
        let Some(waiting) = &self.waiting else {
            return;
        };
        let Some(answer) = waiting.poll(ui.ctx()) else {
            return;
        };
        let Some(waiting) = self.waiting.take() else {
            return;
        };
        match answer {
            WaitAnswer::Chosen(path) => self.answered(waiting.then, path, ui.ctx()),
            WaitAnswer::Lost => self.fail("Fildialogen kunde inte visas."),
        }
    }

    /// What a file dialog's answer leads to; nothing when it was cancelled.
    fn answered(&mut self, then: AfterDialog, answer: Option<PathBuf>, ctx: &egui::Context) {
        let Some(mut path) = answer else {
            return;
        };
        let with_extension = |path: &mut PathBuf, ext: &str| {
            if path.extension().is_none() {
                path.set_extension(ext);
            }
        };
        match then {
            AfterDialog::SaveAs { then } => {
                with_extension(&mut path, "ron");
                if self.save_to(&path)
                    && let Some(action) = then
                {
                    self.perform(action, ctx);
                }
            }
            AfterDialog::Open => self.open_path(&path),
            AfterDialog::ImportCsv => self.preview_import(path, ctx),
            AfterDialog::ExportReport => {
                with_extension(&mut path, "html");
                self.write_report(&path);
            }
            AfterDialog::ExportDocument => {
                with_extension(&mut path, "docx");
                match crate::export::docx::export_docx(&self.doc.workspace, &path) {
                    Ok(()) => {
                        self.notice = Some((
                            self.doc.revision(),
                            format!("Word-dokumentet sparades: {}", path.display()),
                        ));
                    }
                    Err(e) => self.fail(e.to_string()),
                }
            }
            AfterDialog::ExportWorkbook => {
                with_extension(&mut path, "xlsx");
                match crate::export::xlsx::export_workbook(&self.doc.workspace, &path) {
                    Ok(()) => {
                        self.notice = Some((
                            self.doc.revision(),
                            format!("Excel-arbetsboken sparades: {}", path.display()),
                        ));
                    }
                    Err(e) => self.fail(e.to_string()),
                }
            }
            AfterDialog::ExportDeck => {
                with_extension(&mut path, "pptx");
                match crate::export::pptx::export_deck(&self.doc.workspace, &path) {
                    Ok(()) => {
                        self.notice = Some((
                            self.doc.revision(),
                            format!("Bildspelet sparades: {}", path.display()),
                        ));
                    }
                    Err(e) => self.fail(e.to_string()),
                }
            }
            AfterDialog::Chart(ChartAction::ExportOne(kind, format, size)) => {
                with_extension(&mut path, format.extension());
                match export_chart(&self.doc.workspace, kind, size, format, &path) {
                    Ok(()) => {
                        self.charts.message = Some(format!("Sparade {}", path.display()));
                    }
                    Err(e) => self.fail(e.to_string()),
                }
            }
            AfterDialog::Chart(ChartAction::ExportAll(size, formats)) => {
                match export_all(&self.doc.workspace, &path, size, formats.formats()) {
                    Ok(files) => {
                        self.charts.message = Some(format!(
                            "Sparade {} bilder i {}",
                            files.len(),
                            path.display()
                        ));
                    }
                    Err(e) => self.fail(e.to_string()),
                }
            }
            AfterDialog::ExportTable(table) => {
                with_extension(&mut path, "csv");
                match crate::export::csv::export_table(&table, &path) {
                    Ok(()) => {
                        self.notice =
                            Some((self.doc.revision(), format!("Sparade {}", path.display())));
                    }
                    Err(e) => self.fail(e.to_string()),
                }
            }
        }
    }

    /// "Importera närvaro (CSV)…": read the chosen file into a preview;
    /// the workspace changes only when the author confirms it.
    pub fn import_attendance(&mut self, ctx: &egui::Context) {
        self.ask(FileRequest::OpenCsv, AfterDialog::ImportCsv, ctx);
    }

    /// Opens the preview dialog, which reads the file on a worker thread.
    fn preview_import(&mut self, path: PathBuf, ctx: &egui::Context) {
        self.import = Some(ImportDialog::open(
            path,
            &self.doc.workspace,
            self.doc.revision(),
            ctx,
        ));
    }

    fn import_dialog(&mut self, ui: &mut Ui) {
        let Some(dialog) = &mut self.import else {
            return;
        };
        if dialog.revision != self.doc.revision() {
            dialog.reread(&self.doc.workspace, self.doc.revision(), ui.ctx());
        }
        match dialog.step(ui) {
            Step::Open => {}
            Step::Failed(e) => {
                self.fail(e.to_string());
                self.import = None;
            }
            Step::Answered(ImportAnswer::Import) => {
                if let Some(ready) = dialog.ready() {
                    let n = ready.preview.meetings.len();
                    let name = dialog
                        .path
                        .file_name()
                        .map(|f| f.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    ready.preview.apply(&mut self.doc.workspace);
                    self.clicks += 1;
                    self.doc.edited(u64::MAX - self.clicks);
                    self.notice = Some((
                        self.doc.revision(),
                        format!("Importerade {n} träffar från {name}"),
                    ));
                }
                self.import = None;
            }
            Step::Answered(ImportAnswer::Cancel) => self.import = None,
        }
    }

    /// "Exportera rapport…": the whole report as one HTML file, to print
    /// or send. The workspace is not changed.
    pub fn export_report(&mut self, ctx: &egui::Context) {
        let suggested = crate::export::report::file_name(&self.doc.workspace);
        self.ask(
            FileRequest::SaveReport { suggested },
            AfterDialog::ExportReport,
            ctx,
        );
    }

    /// "Exportera Word-dokument…": the whole report as a .docx the author
    /// can go on editing in Word. The workspace is not changed.
    pub fn export_document(&mut self, ctx: &egui::Context) {
        let suggested = crate::export::docx::file_name(&self.doc.workspace);
        self.ask(
            FileRequest::SaveDocument { suggested },
            AfterDialog::ExportDocument,
            ctx,
        );
    }

    /// "Exportera Excel-arbetsbok…": every table on a sheet of its own.
    /// The workspace is not changed.
    pub fn export_workbook(&mut self, ctx: &egui::Context) {
        let suggested = crate::export::xlsx::file_name(&self.doc.workspace);
        self.ask(
            FileRequest::SaveWorkbook { suggested },
            AfterDialog::ExportWorkbook,
            ctx,
        );
    }

    /// "Exportera bildspel…": the Resultatuppföljning as a 16:9 .pptx.
    /// The workspace is not changed.
    pub fn export_deck(&mut self, ctx: &egui::Context) {
        let suggested = crate::export::pptx::file_name(&self.doc.workspace);
        self.ask(
            FileRequest::SaveDeck { suggested },
            AfterDialog::ExportDeck,
            ctx,
        );
    }

    fn write_report(&mut self, path: &Path) {
        match crate::export::report::export_report(&self.doc.workspace, path) {
            Ok(()) => {
                self.notice = Some((
                    self.doc.revision(),
                    format!("Rapporten sparades: {}", path.display()),
                ));
            }
            Err(e) => self.fail(e.to_string()),
        }
    }

    fn save_to(&mut self, path: &Path) -> bool {
        match self.doc.save_to(path) {
            Ok(()) => {
                self.remember(path);
                true
            }
            Err(e) => {
                self.fail(e.to_string());
                false
            }
        }
    }

    /// Run an action that would replace or close the document, asking first
    /// if there are unsaved changes.
    fn request(&mut self, action: Pending, ui: &Ui) {
        if self.doc.is_dirty() {
            self.unsaved = Some(UnsavedDialog::new(action));
        } else {
            self.perform(action, ui.ctx());
        }
    }

    fn perform(&mut self, action: Pending, ctx: &egui::Context) {
        match action {
            Pending::New => {
                self.doc = Document::new(Workspace::default(), None);
                self.nav = Nav::Rapport;
            }
            Pending::Rollover(period) => {
                let ws = rollover::rollover(&self.doc.workspace, period);
                let name = format!("{} {} (ny)", ws.report.kind.name(), period.label());
                // Unsaved until the author saves it under a name of its own.
                self.doc = Document::restored(ws, None, &name);
                self.nav = Nav::Rapport;
            }
            Pending::Open(Some(path)) => self.open_path(&path),
            Pending::Open(None) => self.ask(FileRequest::OpenWorkspace, AfterDialog::Open, ctx),
            Pending::Close => {
                self.allow_close = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
        }
    }

    /// Reads the window's keys and queues their commands.
    fn shortcuts(&mut self, ui: &Ui) {
        for (shortcut, command) in command::SHORTCUTS {
            if ui.input_mut(|i| i.consume_shortcut(&shortcut)) {
                self.commands.push(command);
            }
        }
    }

    /// Queue `command`, to be carried out this frame.
    pub fn send(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Carry out the queued commands, in order.
    fn run_commands(&mut self, ui: &Ui) {
        for command in std::mem::take(&mut self.commands) {
            self.run(command, ui);
        }
    }

    /// Carry out one command: the one place every menu entry, shortcut
    /// and palette choice ends.
    fn run(&mut self, command: Command, ui: &Ui) {
        let ctx = ui.ctx();
        match command {
            Command::New => self.request(Pending::New, ui),
            Command::Open => self.request(Pending::Open(None), ui),
            Command::OpenFile(path) => self.request(Pending::Open(Some(path)), ui),
            Command::Save => self.save(None, ctx),
            Command::SaveAs => self.save_as(None, ctx),
            Command::NewPeriod => {
                let next = rollover::suggested_next(&self.doc.workspace.report.period);
                self.rollover = Some(RolloverDialog::new(&next));
            }
            Command::ImportAttendance => self.import_attendance(ctx),
            Command::ExportReport => self.export_report(ctx),
            Command::ExportDocument => self.export_document(ctx),
            Command::ExportWorkbook => self.export_workbook(ctx),
            Command::ExportDeck => self.export_deck(ctx),
            Command::Quit => ctx.send_viewport_cmd(ViewportCommand::Close),
            Command::Undo => {
                self.doc.undo();
            }
            Command::Redo => {
                self.doc.redo();
            }
            Command::GoTo(nav) => self.nav = nav,
            Command::GoToFinding(location) => {
                let (nav, goto) = parts::target(location);
                self.nav = nav;
                if goto.is_some() {
                    self.goto = goto;
                }
            }
            Command::CopyTable(table) => {
                ctx.copy_text(crate::export::csv::table_to_tsv(&table));
                self.notice = Some((self.doc.revision(), format!("{} kopierad", table.title)));
            }
            Command::ExportTable(table) => self.export_table(table, ctx),
            Command::About => self.about = Some(AboutDialog),
            Command::Palette => self.palette = Some(PaletteDialog::default()),
        }
    }

    fn menu_bar(&mut self, ui: &mut Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("Arkiv", |ui| {
                let ws = &self.doc.workspace;
                let mut chosen = None;
                let mut entry = |ui: &mut Ui, command: Command| {
                    if ui.add(menu_item(ui, &command, ws)).clicked() {
                        chosen = Some(command);
                    }
                };
                entry(ui, Command::New);
                entry(ui, Command::Open);
                ui.add_enabled_ui(!self.recent.is_empty(), |ui| {
                    ui.menu_button("Öppna senaste", |ui| {
                        for p in &self.recent {
                            entry(ui, Command::OpenFile(p.clone()));
                        }
                    });
                });
                entry(ui, Command::NewPeriod);
                ui.separator();
                entry(ui, Command::Save);
                entry(ui, Command::SaveAs);
                ui.separator();
                entry(ui, Command::ImportAttendance);
                entry(ui, Command::ExportReport);
                entry(ui, Command::ExportDocument);
                entry(ui, Command::ExportWorkbook);
                entry(ui, Command::ExportDeck);
                ui.separator();
                entry(ui, Command::Quit);
                self.commands.extend(chosen);
            });
            ui.menu_button("Redigera", |ui| {
                let ws = &self.doc.workspace;
                if ui
                    .add_enabled(self.doc.can_undo(), menu_item(ui, &Command::Undo, ws))
                    .clicked()
                {
                    self.commands.push(Command::Undo);
                }
                if ui
                    .add_enabled(self.doc.can_redo(), menu_item(ui, &Command::Redo, ws))
                    .clicked()
                {
                    self.commands.push(Command::Redo);
                }
                ui.separator();
                if ui.add(menu_item(ui, &Command::Palette, ws)).clicked() {
                    self.commands.push(Command::Palette);
                }
            });
            ui.menu_button("Visa", |ui| {
                for nav in parts::all_navs(&self.doc.workspace) {
                    if ui.button(nav.name(&self.doc.workspace)).clicked() {
                        self.commands.push(Command::GoTo(nav));
                    }
                }
                ui.separator();
                ui.menu_button("Tema", |ui| {
                    let mut pref = ui.options(|o| o.theme_preference);
                    let before = pref;
                    ui.radio_value(&mut pref, egui::ThemePreference::System, "Följ systemet");
                    ui.radio_value(&mut pref, egui::ThemePreference::Light, "Ljust");
                    ui.radio_value(&mut pref, egui::ThemePreference::Dark, "Mörkt");
                    if pref != before {
                        ui.ctx().set_theme(pref);
                    }
                });
            });
            ui.menu_button("Hjälp", |ui| {
                if ui.button("Om tertial").clicked() {
                    self.commands.push(Command::About);
                }
            });
        });
    }

    /// The offer of work a crash left behind, and what its answer leads to.
    fn recovery_dialog(&mut self, ui: &Ui) {
        let Some((offer, answer)) = self.recovery.show(ui.ctx()) else {
            return;
        };
        match (answer, &offer.content) {
            (RecoveryAnswer::Discard, _) => self.discard_offer(offer),
            (RecoveryAnswer::Keep, _) | (RecoveryAnswer::Restore, Err(_)) => {}
            (RecoveryAnswer::Restore, Ok(r)) => {
                self.doc = Document::restored(r.workspace.clone(), r.file.clone(), &r.name);
                self.nav = Nav::Rapport;
                // The old copy goes only once the work is safe in this
                // program's.
                let safe = match &mut self.autosave {
                    Some(a) => a.write_now(&self.doc),
                    None => false,
                };
                if safe {
                    self.discard_offer(offer);
                } else {
                    self.restored_from = Some(offer);
                }
            }
        }
    }

    fn discard_offer(&mut self, offer: Orphan) {
        let path = offer.path.clone();
        if let Err(e) = offer.discard() {
            self.fail(format!(
                "Återställningskopian {} kunde inte tas bort: {e}",
                path.display()
            ));
        }
    }

    /// "Ny period från denna…": which period, then the new workspace.
    fn rollover_dialog(&mut self, ui: &Ui) {
        let Some(dialog) = &mut self.rollover else {
            return;
        };
        match dialog.show(ui.ctx()) {
            Some(RolloverAnswer::Create(period)) => {
                self.rollover = None;
                self.request(Pending::Rollover(period), ui);
            }
            Some(RolloverAnswer::Cancel) => self.rollover = None,
            None => {}
        }
    }

    /// The command palette: a chosen command is queued.
    fn command_palette(&mut self, ui: &Ui) {
        let Some(palette) = &mut self.palette else {
            return;
        };
        match palette.show(ui.ctx(), &self.doc.workspace) {
            Some(PaletteAnswer::Run(command)) => {
                self.palette = None;
                self.commands.push(command);
            }
            Some(PaletteAnswer::Close) => self.palette = None,
            None => {}
        }
    }

    fn dialogs(&mut self, ui: &mut Ui) {
        self.recovery_dialog(ui);
        self.rollover_dialog(ui);
        self.import_dialog(ui);
        if let Some(dialog) = &self.unsaved {
            match dialog.show(ui.ctx(), &self.doc.name()) {
                Some(UnsavedAnswer::Save) => {
                    if let Some(dialog) = self.unsaved.take() {
                        self.save(Some(dialog.then), ui.ctx());
                    }
                }
                Some(UnsavedAnswer::DontSave) => {
                    if let Some(dialog) = self.unsaved.take() {
                        self.perform(dialog.then, ui.ctx());
                    }
                }
                Some(UnsavedAnswer::Cancel) => self.unsaved = None,
                None => {}
            }
        }
        if let Some(dialog) = &self.conflict {
            match dialog.show(ui.ctx()) {
                Some(ConflictAnswer::Overwrite) => {
                    if let Some(dialog) = self.conflict.take() {
                        self.save_to(&dialog.path);
                    }
                }
                Some(ConflictAnswer::SaveAs) => {
                    self.conflict = None;
                    self.save_as(None, ui.ctx());
                }
                Some(ConflictAnswer::Cancel) => self.conflict = None,
                None => {}
            }
        }
        if let Some(dialog) = &self.error
            && let Some(ErrorAnswer::Close) = dialog.show(ui.ctx())
        {
            self.error = None;
        }
        if let Some(dialog) = &self.about
            && let Some(AboutAnswer::Close) = dialog.show(ui.ctx())
        {
            self.about = None;
        }
    }

    fn handle_close_and_drop(&mut self, ui: &Ui) {
        if ui.input(|i| i.viewport().close_requested()) && !self.allow_close && self.doc.is_dirty()
        {
            ui.ctx().send_viewport_cmd(ViewportCommand::CancelClose);
            self.unsaved = Some(UnsavedDialog::new(Pending::Close));
        }
        let dropped: Vec<PathBuf> = ui.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
            {
                self.request(Pending::Open(Some(path)), ui);
            } else {
                self.fail(format!(
                    "{} är ingen tertial-arbetsyta (.ron).",
                    path.display()
                ));
            }
        }
    }

    fn status_bar(&mut self, ui: &mut Ui) {
        let name = self.doc.name();
        let period = self.doc.workspace.report.period.label();
        let problems = self
            .findings()
            .iter()
            .filter(|f| f.severity == Severity::Problem)
            .count();
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(format!(
                    "{name}{}",
                    if self.doc.is_dirty() {
                        " (ändrad)"
                    } else {
                        ""
                    }
                ));
                ui.separator();
                ui.label(period);
                ui.separator();
                if let Some(note) = self.notice() {
                    ui.label(note.to_string());
                    ui.separator();
                }
                if let Some(v) = self.doc.migrated_from() {
                    ui.label(format!(
                        "Filformat {v} (äldre): sparas i format {} nästa gång",
                        crate::storage::FORMAT_VERSION
                    ));
                    ui.separator();
                }
                let autosave_problem = self
                    .autosave
                    .as_ref()
                    .and_then(|a| a.error.clone())
                    .or_else(|| self.autosave_off.clone());
                if let Some(problem) = autosave_problem {
                    ui.colored_label(ui.visuals().warn_fg_color, problem);
                    ui.separator();
                }
                let text = format!("{problems} problem");
                if problems > 0 {
                    if ui.link(text).clicked() {
                        self.nav = Nav::Kontroll;
                    }
                } else {
                    ui.label(text);
                }
            });
        });
    }

    /// Carries out an export asked for in the Diagram view: asks where;
    /// the answer writes and says how it went (errors in the error dialog).
    fn export_charts(&mut self, action: ChartAction, ctx: &egui::Context) {
        let request = match &action {
            ChartAction::ExportOne(kind, format, _) => FileRequest::SavePicture {
                suggested: charts::file_name(*kind, &self.doc.workspace.report.period, *format),
                format: *format,
            },
            ChartAction::ExportAll(..) => FileRequest::PickFolder,
        };
        self.ask(request, AfterDialog::Chart(action), ctx);
    }

    /// The status-bar note, if the document has not changed since.
    pub fn notice(&self) -> Option<&str> {
        match &self.notice {
            Some((rev, text)) if *rev == self.doc.revision() => Some(text),
            _ => None,
        }
    }

    /// Exportera CSV… under a table: asks where, then writes it.
    fn export_table(&mut self, table: crate::domain::tables::Table, ctx: &egui::Context) {
        let suggested = format!(
            "{}-{}.csv",
            table.id,
            self.doc.workspace.report.period.slug()
        );
        self.ask(
            FileRequest::SaveCsv { suggested },
            AfterDialog::ExportTable(table),
            ctx,
        );
    }

    fn navigation(&mut self, ui: &mut Ui) {
        egui::Panel::left("nav")
            .resizable(true)
            .default_size(230.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    for nav in parts::all_navs(&self.doc.workspace) {
                        let text = nav.name(&self.doc.workspace);
                        let indent = matches!(nav, Nav::Goal(_) | Nav::Ekonomi(_));
                        ui.horizontal(|ui| {
                            if indent {
                                ui.add_space(12.0);
                            }
                            if ui.selectable_label(self.nav == nav, text).clicked() {
                                self.nav = nav;
                            }
                        });
                    }
                });
            });
    }
}

impl eframe::App for TertialApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.frames += 1;
        if let Some(started) = self.exit_after_first_frame {
            // The second frame starts only after the first was painted.
            if self.frames == 2 {
                eprintln!(
                    "första bildrutan visad efter {:.1} ms",
                    started.elapsed().as_secs_f64() * 1e3
                );
                self.allow_close = true;
                ui.ctx().send_viewport_cmd(ViewportCommand::Close);
            } else {
                ui.ctx().request_repaint();
            }
        }
        if let Some(a) = &mut self.autosave
            && let Some(wait) = a.tick(&self.doc, Instant::now())
        {
            ui.ctx().request_repaint_after(wait);
        }
        self.settle_restored();
        self.handle_close_and_drop(ui);
        self.poll_file_dialog(ui);
        if self.waiting.is_none() {
            self.shortcuts(ui);
        }
        let title = self.title();
        if title != self.title {
            ui.ctx()
                .send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui));
        self.command_palette(ui);
        self.run_commands(ui);
        self.status_bar(ui);
        self.navigation(ui);
        let findings = self.findings();
        if self.nav == Nav::Diagram {
            let revision = self.doc.revision();
            let action = egui::CentralPanel::default()
                .show(ui, |ui| self.charts.show(ui, &self.doc.workspace, revision))
                .inner;
            if let Some(action) = action {
                self.export_charts(action, ui.ctx());
            }
            self.dialogs(ui);
            return;
        }
        egui::CentralPanel::default().show(ui, |ui| {
            if parts::show(
                ui,
                &mut self.nav,
                &mut self.doc.workspace,
                &findings,
                &mut self.commands,
                &mut self.goto,
            ) {
                // Typing in one field merges into one undo step; a click
                // (no field has focus) is a step of its own.
                // A committed cell, a paste or a row action is a step of
                // its own.
                let discrete = crate::ui::grid::take_discrete_edit(ui.ctx());
                let focused = ui.ctx().memory(|m| m.focused()).map(|id| id.value());
                let source = match focused {
                    Some(id) if !discrete => id,
                    _ => {
                        self.clicks += 1;
                        u64::MAX - self.clicks
                    }
                };
                self.doc.edited(source);
            }
        });
        // What the part asked for (Kontroll's "go to", a table's copy or
        // CSV file).
        self.run_commands(ui);
        self.dialogs(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, RECENT_KEY, &self.recent);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.shutdown();
    }
}
