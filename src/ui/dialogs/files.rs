//! The file dialogs: what one is asked for (`FileRequest`), where the
//! answers come from (`FileChooser`: the platform's dialogs, each on a
//! thread of its own, or fixed answers in UI tests), and `Waiting`, a
//! dialog still open on its thread, which keeps what its answer is for and
//! covers the window with a note until the answer comes.

use std::path::PathBuf;
use std::sync::mpsc;

use crate::charts::ChartFormat;

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

/// A file dialog open on its own thread; `then` is what its answer is for.
pub struct Waiting<T> {
    pub then: T,
    answer: mpsc::Receiver<Option<PathBuf>>,
}

/// What became of a file dialog that was open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WaitAnswer {
    /// The author chose this file or folder (`None`: the dialog was
    /// cancelled).
    Chosen(Option<PathBuf>),
    /// The dialog's thread ended without an answer.
    Lost,
}

impl<T> Waiting<T> {
    pub fn new(then: T, answer: mpsc::Receiver<Option<PathBuf>>) -> Self {
        Waiting { then, answer }
    }

    /// The answer, once it has come; meanwhile a note over the window
    /// (which keeps drawing, but takes no edits).
    pub fn poll(&self, ctx: &egui::Context) -> Option<WaitAnswer> {
        match self.answer.try_recv() {
            Ok(answer) => Some(WaitAnswer::Chosen(answer)),
            Err(mpsc::TryRecvError::Disconnected) => Some(WaitAnswer::Lost),
            Err(mpsc::TryRecvError::Empty) => {
                egui::Modal::new(egui::Id::unique("file-dialog-open")).show(ctx, |ui| {
                    ui.set_max_width(380.0);
                    ui.heading("En fildialog är öppen");
                    ui.label(
                        "Välj en fil i dialogen eller stäng den. Den kan ligga bakom \
                         det här fönstret.",
                    );
                });
                None
            }
        }
    }
}
