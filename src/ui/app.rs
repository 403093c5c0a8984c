//! The editor window: menu bar, navigation of the report's parts, the part
//! being edited, the status bar, file handling (Ny, Öppna, Spara, Spara som,
//! recent files, drag and drop), undo/redo, shortcuts, the question
//! about unsaved changes, autosave and the offer to restore work a crash
//! left behind, and carrying out chart exports.

use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use egui::{Key, Ui, ViewportCommand};

use super::charts_view::{ChartAction, ChartsView};
use super::command::{self, Command};
use super::parts::{self, Nav};
use crate::charts::{self, ChartFormat};
use crate::domain::Workspace;
use crate::domain::check::{self, Severity};
use crate::domain::rollover;
use crate::export::charts::{export_all, export_chart};
use crate::session::autosave::{self, Autosave};
use crate::session::document::Document;
use crate::storage::recovery::{Orphan, RecoveryStore};
use crate::ui::import_dialog::{Answer as ImportAnswer, ImportDialog, Step};

/// A menu entry for `command`, with its shortcut on the right as the
/// platform writes it (`Ctrl+S`, or `⌘S` on a Mac).
fn menu_item(ui: &Ui, command: &Command, ws: &Workspace) -> egui::Button<'static> {
    let button = egui::Button::new(command.name(ws));
    match command.shortcut() {
        Some(shortcut) => button.shortcut_text(ui.ctx().format_shortcut(&shortcut)),
        None => button,
    }
}

/// What a file dialog is asked for.
#[derive(Debug, Clone)]
pub enum FileRequest {
    /// Öppna arbetsyta (`.ron`).
    OpenWorkspace,
    /// Spara arbetsyta som, with a suggested file name.
    SaveWorkspace { suggested: String },
    /// Where to save one chart picture.
    SavePicture {
        suggested: String,
        format: ChartFormat,
    },
    /// A folder for "Exportera alla".
    PickFolder,
    /// Where to save one table as CSV.
    SaveCsv { suggested: String },
    /// Where to save the whole report as HTML.
    SaveReport { suggested: String },
    /// Where to save the whole report as a Word document.
    SaveDocument { suggested: String },
    /// Where to save the tables as an Excel workbook.
    SaveWorkbook { suggested: String },
    /// Where to save the Resultatuppföljning as a slide deck.
    SaveDeck { suggested: String },
    /// A CSV file of meeting registrations to import.
    OpenCsv,
}

/// A file dialog's answer: at once (fixed answers in tests), or later from
/// the thread a native dialog runs on, so the window keeps drawing meanwhile.
pub enum Choice {
    Now(Option<PathBuf>),
    Later(mpsc::Receiver<Option<PathBuf>>),
}

/// Where file names come from: native dialogs in the program, fixed answers
/// in UI tests.
pub trait FileChooser {
    /// Ask for a file or folder. `ctx` is repainted when a later answer
    /// arrives.
    fn choose(&mut self, request: FileRequest, ctx: &egui::Context) -> Choice;
}

/// The platform's dialogs (with a filter for each kind of file), each run on
/// a thread of its own: rfd's dialogs block the thread that shows them, and
/// the window must not freeze while the author browses folders.
pub struct NativeDialogs;

impl NativeDialogs {
    fn run(request: FileRequest) -> Option<PathBuf> {
        let dialog = rfd::FileDialog::new();
        match request {
            FileRequest::OpenWorkspace => dialog
                .set_title("Öppna arbetsyta")
                .add_filter("tertial-arbetsyta", &["ron"])
                .pick_file(),
            FileRequest::SaveWorkspace { suggested } => dialog
                .set_title("Spara arbetsyta")
                .add_filter("tertial-arbetsyta", &["ron"])
                .set_file_name(suggested)
                .save_file(),
            FileRequest::SavePicture { suggested, format } => dialog
                .set_title("Exportera diagram")
                .add_filter(format.name(), &[format.extension()])
                .set_file_name(suggested)
                .save_file(),
            FileRequest::PickFolder => dialog
                .set_title("Exportera alla diagram till mapp")
                .pick_folder(),
            FileRequest::SaveCsv { suggested } => dialog
                .set_title("Exportera tabell som CSV")
                .add_filter("CSV för Excel", &["csv"])
                .set_file_name(suggested)
                .save_file(),
            FileRequest::SaveReport { suggested } => dialog
                .set_title("Exportera rapport")
                .add_filter("HTML-dokument", &["html", "htm"])
                .set_file_name(suggested)
                .save_file(),
            FileRequest::SaveDocument { suggested } => dialog
                .set_title("Exportera Word-dokument")
                .add_filter("Word-dokument", &["docx"])
                .set_file_name(suggested)
                .save_file(),
            FileRequest::SaveWorkbook { suggested } => dialog
                .set_title("Exportera Excel-arbetsbok")
                .add_filter("Excel-arbetsbok", &["xlsx"])
                .set_file_name(suggested)
                .save_file(),
            FileRequest::SaveDeck { suggested } => dialog
                .set_title("Exportera bildspel")
                .add_filter("PowerPoint-bildspel", &["pptx"])
                .set_file_name(suggested)
                .save_file(),
            FileRequest::OpenCsv => dialog
                .set_title("Importera närvaro")
                .add_filter("CSV (semikolonavgränsad)", &["csv", "txt"])
                .pick_file(),
        }
    }
}

impl FileChooser for NativeDialogs {
    fn choose(&mut self, request: FileRequest, ctx: &egui::Context) -> Choice {
        let (tx, rx) = mpsc::channel();
        let ctx = ctx.clone();
        let on_thread = request.clone();
        let spawned = std::thread::Builder::new()
            .name("fildialog".into())
            .spawn(move || {
                let answer = NativeDialogs::run(on_thread);
                // The window may have closed meanwhile: nobody to tell.
                let _ = tx.send(answer);
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => Choice::Later(rx),
            // No thread to be had: show the dialog here, frozen but working.
            Err(_) => Choice::Now(NativeDialogs::run(request)),
        }
    }
}

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

/// The answer to "Spara ändringarna?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum UnsavedAnswer {
    /// Spara, then carry out what waited.
    Save,
    /// Spara inte: carry it out, the changes are lost.
    DontSave,
    /// Avbryt (also Escape): nothing happens.
    Cancel,
}

/// The answer to "Filen har ändrats på disken".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ConflictAnswer {
    /// Skriv över the other version.
    Overwrite,
    /// Spara som… under another name.
    SaveAs,
    /// Avbryt (also Escape): nothing is saved.
    Cancel,
}

const RECENT_KEY: &str = "tertial.recent";
const MAX_RECENT: usize = 8;

pub struct TertialApp {
    pub doc: Document,
    pub nav: Nav,
    files: Box<dyn FileChooser>,
    recent: Vec<PathBuf>,
    pending: Option<Pending>,
    /// A message shown in a dialog (load and save errors).
    error: Option<String>,
    allow_close: bool,
    title: String,
    /// The consistency findings and the revision they were computed for;
    /// shared with the views without copying.
    findings: (u64, Rc<[check::Finding]>),
    about_open: bool,
    clicks: u64,
    pub charts: ChartsView,
    /// The file Spara found changed on disk, while the author decides.
    conflict: Option<PathBuf>,
    /// Copies the unsaved work to the recovery folder; `None` when off.
    pub autosave: Option<Autosave>,
    /// Why autosave is off, when it should have been on.
    autosave_off: Option<String>,
    /// Work left behind by a tertial that did not close normally, offered
    /// back one at a time at start-up.
    recovery_offers: Vec<Orphan>,
    /// A restored copy kept until its work is safe elsewhere (saved, or in
    /// this program's own copy), so nothing is lost if this run crashes too.
    restored_from: Option<Orphan>,
    /// Start-up measurement: when the program started; report the time to
    /// the first painted frame and close.
    exit_after_first_frame: Option<Instant>,
    frames: u64,
    /// "Ny period från denna…" while open: the typed period and why it
    /// was refused.
    rollover: Option<(String, Option<String>)>,
    /// "Importera närvaro (CSV)…" while its preview is open.
    import: Option<ImportDialog>,
    /// A file dialog open on its own thread, and what its answer is for.
    waiting: Option<(AfterDialog, mpsc::Receiver<Option<PathBuf>>)>,
    /// A short note in the status bar ("Tabell 1 kopierad", "Sparade …"),
    /// shown until the document changes.
    notice: Option<(u64, String)>,
    /// Commands from the menus, the shortcuts and the palette, carried out
    /// once a frame in the order they came (`run_commands`).
    commands: Vec<Command>,
    /// The command palette while open: what is typed in its search field.
    palette: Option<String>,
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
            pending: None,
            waiting: None,
            error: None,
            allow_close: false,
            title: String::new(),
            about_open: false,
            clicks: 0,
            charts: ChartsView::default(),
            conflict: None,
            autosave: None,
            autosave_off: None,
            recovery_offers: Vec::new(),
            restored_from: None,
            exit_after_first_frame: None,
            frames: 0,
            rollover: None,
            import: None,
            notice: None,
            commands: Vec::new(),
            palette: None,
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
        self.recovery_offers = store.orphans();
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
        self.recovery_offers.len()
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
        self.error.as_deref()
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
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    /// Spara: to the document's file, or ask for one (Spara som). If the
    /// file was changed by someone else since it was opened, nothing is
    /// written: the author is asked first. `then` is carried out once the
    /// work is saved (the action that waited for "Spara ändringarna?").
    fn save(&mut self, then: Option<Pending>, ctx: &egui::Context) {
        match self.doc.path.clone() {
            Some(p) if self.doc.changed_on_disk() => self.conflict = Some(p),
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
            Choice::Later(rx) => self.waiting = Some((then, rx)),
        }
    }

    /// While a dialog is open: its answer, when it has come; meanwhile a
    /// note over the window (which keeps drawing, but takes no edits).
    fn poll_file_dialog(&mut self, ui: &Ui) {
        let Some((_, rx)) = &self.waiting else {
            return;
        };
        match rx.try_recv() {
            Ok(answer) => {
                if let Some((then, _)) = self.waiting.take() {
                    self.answered(then, answer, ui.ctx());
                }
            }
            Err(mpsc::TryRecvError::Disconnected) => {
                self.waiting = None;
                self.error = Some("Fildialogen kunde inte visas.".into());
            }
            Err(mpsc::TryRecvError::Empty) => {
                egui::Modal::new(egui::Id::unique("file-dialog-open")).show(ui.ctx(), |ui| {
                    ui.set_max_width(380.0);
                    ui.heading("En fildialog är öppen");
                    ui.label(
                        "Välj en fil i dialogen eller stäng den. Den kan ligga bakom \
                         det här fönstret.",
                    );
                });
            }
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
                    Err(e) => self.error = Some(e.to_string()),
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
                    Err(e) => self.error = Some(e.to_string()),
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
                    Err(e) => self.error = Some(e.to_string()),
                }
            }
            AfterDialog::Chart(ChartAction::ExportOne(kind, format, size)) => {
                with_extension(&mut path, format.extension());
                match export_chart(&self.doc.workspace, kind, size, format, &path) {
                    Ok(()) => {
                        self.charts.message = Some(format!("Sparade {}", path.display()));
                    }
                    Err(e) => self.error = Some(e.to_string()),
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
                    Err(e) => self.error = Some(e.to_string()),
                }
            }
            AfterDialog::ExportTable(table) => {
                with_extension(&mut path, "csv");
                match crate::export::csv::export_table(&table, &path) {
                    Ok(()) => {
                        self.notice =
                            Some((self.doc.revision(), format!("Sparade {}", path.display())));
                    }
                    Err(e) => self.error = Some(e.to_string()),
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
                self.error = Some(e.to_string());
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
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    fn save_to(&mut self, path: &Path) -> bool {
        match self.doc.save_to(path) {
            Ok(()) => {
                self.remember(path);
                true
            }
            Err(e) => {
                self.error = Some(e.to_string());
                false
            }
        }
    }

    /// Run an action that would replace or close the document, asking first
    /// if there are unsaved changes.
    fn request(&mut self, action: Pending, ui: &Ui) {
        if self.doc.is_dirty() {
            self.pending = Some(action);
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
                self.rollover = Some((next.label(), None));
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
                if let Some(goto) = goto {
                    parts::show_row(ctx, goto);
                }
            }
            Command::About => self.about_open = true,
            Command::Palette => self.palette = Some(String::new()),
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

    /// The question about work a crash left behind: Återställ or Kasta.
    fn recovery_dialog(&mut self, ui: &mut Ui) {
        let Some(offer) = self.recovery_offers.first() else {
            return;
        };
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
            .unwrap_or(0);
        let mut answer = None;
        egui::Modal::new(egui::Id::unique("recovery")).show(ui.ctx(), |ui| {
            ui.set_max_width(560.0);
            match &offer.content {
                Ok(r) => {
                    ui.heading("Återställa osparat arbete?");
                    ui.label(
                        "tertial stängdes utan att allt arbete var sparat. \
                         En återställningskopia finns:",
                    );
                    egui::Grid::new("recovery-facts").show(ui, |ui| {
                        ui.label("Arbetsyta:");
                        ui.strong(&r.name);
                        ui.end_row();
                        ui.label("Fil:");
                        match &r.file {
                            Some(p) => ui.label(p.display().to_string()),
                            None => ui.label("ingen (aldrig sparad)"),
                        };
                        ui.end_row();
                        ui.label("Sparad:");
                        ui.label(autosave::describe_saved_at(r.saved_at, now));
                        ui.end_row();
                    });
                    ui.label(
                        "Återställ öppnar kopian med ändringarna osparade; spara dem \
                         sedan som vanligt. Kasta tar bort kopian för gott.",
                    );
                    ui.horizontal(|ui| {
                        if ui.button("Återställ").clicked() {
                            answer = Some(true);
                        }
                        if ui.button("Kasta").clicked() {
                            answer = Some(false);
                        }
                    });
                }
                Err(reason) => {
                    ui.heading("Återställningskopian kunde inte läsas");
                    ui.label(reason);
                    ui.horizontal(|ui| {
                        if ui.button("Kasta").clicked() {
                            answer = Some(false);
                        }
                        if ui.button("Behåll filen").clicked() {
                            answer = Some(true);
                        }
                    });
                }
            }
        });
        let Some(restore) = answer else {
            return;
        };
        let offer = self.recovery_offers.remove(0);
        let Ok(r) = &offer.content else {
            if !restore {
                self.discard_offer(offer);
            }
            return;
        };
        if !restore {
            self.discard_offer(offer);
            return;
        }
        self.doc = Document::restored(r.workspace.clone(), r.file.clone(), &r.name);
        self.nav = Nav::Rapport;
        // The old copy goes only once the work is safe in this program's.
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

    fn discard_offer(&mut self, offer: Orphan) {
        let path = offer.path.clone();
        if let Err(e) = offer.discard() {
            self.error = Some(format!(
                "Återställningskopian {} kunde inte tas bort: {e}",
                path.display()
            ));
        }
    }

    /// "Ny period från denna…": which period, then the new workspace.
    fn rollover_dialog(&mut self, ui: &mut Ui) {
        let Some((text, error)) = &mut self.rollover else {
            return;
        };
        let mut answer = None;
        egui::Modal::new(egui::Id::unique("rollover")).show(ui.ctx(), |ui| {
            ui.set_max_width(520.0);
            ui.heading("Ny period från denna");
            ui.label(
                "En ny arbetsyta med samma mål, avsnitt, mätetal med målvärden, nätverk och \
                 tabellrader. Periodens resultat blir jämförelsevärden; texter, resultat och \
                 registreringar töms. Den här arbetsytan ändras inte.",
            );
            ui.horizontal(|ui| {
                ui.label("Ny period:");
                let field = ui.text_edit_singleline(text);
                crate::ui::cells::name_widget(ui, field.id, "Ny period");
                if field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                    answer = Some(true);
                }
            });
            if let Some(e) = error.as_ref() {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            ui.horizontal(|ui| {
                if ui.button("Skapa").clicked() {
                    answer = Some(true);
                }
                if ui.button("Avbryt").clicked() {
                    answer = Some(false);
                }
            });
        });
        match answer {
            Some(true) => match text.parse::<crate::domain::Period>() {
                Ok(period) => {
                    self.rollover = None;
                    self.request(Pending::Rollover(period), ui);
                }
                Err(e) => *error = Some(e),
            },
            Some(false) => self.rollover = None,
            None => {}
        }
    }

    /// The command palette (Ctrl+K, Ctrl+Shift+P, Redigera → Kommandon…):
    /// every command by its Swedish name, narrowed by what is typed; a
    /// click or Enter (the first match) queues it, Escape closes.
    fn command_palette(&mut self, ui: &Ui) {
        let Some(filter) = &mut self.palette else {
            return;
        };
        let ws = &self.doc.workspace;
        let mut chosen = None;
        let modal = egui::Modal::new(egui::Id::unique("command-palette")).show(ui.ctx(), |ui| {
            ui.set_width(420.0);
            ui.heading("Kommandon");
            let field = ui.add(
                egui::TextEdit::singleline(filter)
                    .hint_text("Skriv för att söka")
                    .desired_width(f32::INFINITY),
            );
            crate::ui::cells::name_widget(ui, field.id, "Sök kommando");
            if !field.has_focus() && !field.lost_focus() {
                field.request_focus();
            }
            let matches = command::matching(ws, filter);
            if field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                chosen = matches.first().cloned();
            }
            egui::ScrollArea::vertical()
                .max_height(360.0)
                .show(ui, |ui| {
                    for command in matches {
                        if ui.add(menu_item(ui, &command, ws)).clicked() {
                            chosen = Some(command);
                        }
                    }
                });
        });
        if chosen.is_some() || modal.should_close() {
            self.palette = None;
        }
        self.commands.extend(chosen);
    }

    fn dialogs(&mut self, ui: &mut Ui) {
        self.recovery_dialog(ui);
        self.rollover_dialog(ui);
        self.import_dialog(ui);
        if let Some(action) = self.pending.clone() {
            let mut answer = None;
            let modal = egui::Modal::new(egui::Id::unique("unsaved")).show(ui.ctx(), |ui| {
                ui.heading("Spara ändringarna?");
                ui.label(format!(
                    "{} har ändringar som inte är sparade.",
                    self.doc.name()
                ));
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
            match answer {
                Some(UnsavedAnswer::Save) => {
                    self.pending = None;
                    self.save(Some(action), ui.ctx());
                }
                Some(UnsavedAnswer::DontSave) => {
                    self.pending = None;
                    self.perform(action, ui.ctx());
                }
                Some(UnsavedAnswer::Cancel) => self.pending = None,
                None => {}
            }
        }
        if let Some(path) = self.conflict.clone() {
            let mut answer = None;
            let modal =
                egui::Modal::new(egui::Id::unique("changed-on-disk")).show(ui.ctx(), |ui| {
                    ui.heading("Filen har ändrats på disken");
                    ui.label(format!(
                        "{} har sparats av ett annat program eller en annan person sedan du \
                     öppnade den. Sparar du här skrivs de ändringarna över (den förra \
                     versionen sparas som .bak).",
                        path.display()
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
            match answer {
                Some(ConflictAnswer::Overwrite) => {
                    self.conflict = None;
                    self.save_to(&path);
                }
                Some(ConflictAnswer::SaveAs) => {
                    self.conflict = None;
                    self.save_as(None, ui.ctx());
                }
                Some(ConflictAnswer::Cancel) => self.conflict = None,
                None => {}
            }
        }
        if let Some(msg) = self.error.clone() {
            let mut close = false;
            let modal = egui::Modal::new(egui::Id::unique("error")).show(ui.ctx(), |ui| {
                ui.heading("Det gick inte");
                ui.label(msg);
                if ui.button("OK").clicked() {
                    close = true;
                }
            });
            if close || modal.should_close() {
                self.error = None;
            }
        }
        if self.about_open {
            let modal = egui::Modal::new(egui::Id::unique("about")).show(ui.ctx(), |ui| {
                ui.heading("tertial");
                ui.label(format!("Version {}", env!("CARGO_PKG_VERSION")));
                ui.label("Uppföljningsrapporter för Kommunal utveckling Jönköpings län.");
                ui.button("Stäng").clicked()
            });
            if modal.inner || modal.should_close() {
                self.about_open = false;
            }
        }
    }

    fn handle_close_and_drop(&mut self, ui: &Ui) {
        if ui.input(|i| i.viewport().close_requested()) && !self.allow_close && self.doc.is_dirty()
        {
            ui.ctx().send_viewport_cmd(ViewportCommand::CancelClose);
            self.pending = Some(Pending::Close);
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
                self.error = Some(format!(
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

    /// What a table asked for this frame: a CSV file (the dialog is the
    /// window's) or a note for the status bar.
    fn table_requests(&mut self, ui: &Ui) {
        let request: Option<crate::domain::tables::Table> = ui.data_mut(|d| {
            d.remove_temp::<Option<crate::domain::tables::Table>>(egui::Id::unique(
                super::grid::EXPORT_REQUEST,
            ))
            .flatten()
        });
        let note: Option<String> =
            ui.data_mut(|d| d.remove_temp(egui::Id::unique(super::grid::NOTICE)));
        if let Some(note) = note {
            self.notice = Some((self.doc.revision(), note));
        }
        let Some(table) = request else {
            return;
        };
        let suggested = format!(
            "{}-{}.csv",
            table.id,
            self.doc.workspace.report.period.slug()
        );
        self.ask(
            FileRequest::SaveCsv { suggested },
            AfterDialog::ExportTable(table),
            ui.ctx(),
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
        // What the part asked for (Kontroll's "go to").
        self.run_commands(ui);
        self.table_requests(ui);
        self.dialogs(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, RECENT_KEY, &self.recent);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.shutdown();
    }
}
