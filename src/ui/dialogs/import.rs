//! "Importera närvaro (CSV)…": the preview of an attendance import. It
//! shows what the file will change per group and every row that could not
//! be read; the workspace is changed only by *Importera*.
//!
//! The preview of a large file takes a while, so it is made on a worker
//! thread, once per file and again only when the workspace changes under
//! the open dialog; until it is ready the dialog says "Läser filen…" and
//! the window keeps drawing.

use std::path::PathBuf;
use std::thread::JoinHandle;
use std::time::Duration;

use egui::{RichText, Ui};

use crate::domain::Workspace;
use crate::import::attendance::{GroupChange, ImportError, Preview, preview_file};

/// A finished preview, with what it does to each group (worked out once,
/// not every frame).
pub struct Ready {
    pub preview: Preview,
    pub changes: Vec<GroupChange>,
}

/// What the worker returns.
type Made = Result<Ready, ImportError>;

/// Where the preview is.
enum State {
    /// Being made on a worker thread (`None` if none could be started:
    /// `failed` says why); `frames` this state has been drawn.
    Reading {
        worker: Option<JoinHandle<Made>>,
        failed: Option<ImportError>,
        frames: u8,
    },
    Ready(Ready),
}

/// An import waiting for the author's answer.
pub struct ImportDialog {
    pub path: PathBuf,
    /// The document revision the preview is made against; the preview is
    /// made again if the workspace changes under the open dialog (an undo
    /// by shortcut, another file opened), so it never points at the wrong
    /// groups.
    pub revision: u64,
    state: State,
}

/// What the dialog asks of the window this frame.
pub enum Step {
    /// Still reading, or waiting for the author.
    Open,
    /// The file cannot be imported: show the error, close the dialog.
    Failed(ImportError),
    /// The author answered.
    Answered(Answer),
}

/// How often a reading dialog looks for its preview, in case the worker's
/// own repaint request is missed.
const POLL: Duration = Duration::from_millis(100);

/// The author's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Import,
    Cancel,
}

impl ImportDialog {
    /// Starts reading `path` against `ws` (at document `revision`) on a
    /// worker thread.
    pub fn open(path: PathBuf, ws: &Workspace, revision: u64, ctx: &egui::Context) -> Self {
        let state = Self::read(&path, ws, ctx);
        ImportDialog {
            path,
            revision,
            state,
        }
    }

    /// Reads the file again against a workspace that changed (`revision`),
    /// dropping any preview or read still under way.
    pub fn reread(&mut self, ws: &Workspace, revision: u64, ctx: &egui::Context) {
        self.state = Self::read(&self.path, ws, ctx);
        self.revision = revision;
    }

    fn read(path: &std::path::Path, ws: &Workspace, ctx: &egui::Context) -> State {
        let (file, ws, ctx) = (path.to_path_buf(), ws.clone(), ctx.clone());
        let work = move || {
            let made = preview_file(&file, &ws).map(|preview| {
                let changes = preview.changes(&ws);
                Ready { preview, changes }
            });
            // Asked before the thread ends, so a window that sees it ended
            // has this repaint already (none arrives after the preview).
            ctx.request_repaint();
            made
        };
        match std::thread::Builder::new()
            .name("importförhandsvisning".into())
            .spawn(work)
        {
            Ok(worker) => State::Reading {
                worker: Some(worker),
                failed: None,
                frames: 0,
            },
            Err(e) => State::Reading {
                worker: None,
                failed: Some(ImportError {
                    path: path.to_path_buf(),
                    message: format!("förhandsvisningen kunde inte startas: {e}"),
                }),
                frames: 0,
            },
        }
    }

    /// The finished preview, once there is one.
    pub fn ready(&self) -> Option<&Ready> {
        match &self.state {
            State::Ready(r) => Some(r),
            State::Reading { .. } => None,
        }
    }

    /// Takes the worker's preview if it has come; `Err` when the file
    /// cannot be imported. Not in the first two frames of a read: a new
    /// egui window is drawn invisibly once to size it, so the author (and
    /// a test) always sees "Läser filen…" before the preview, however
    /// fast the file was read.
    fn poll(&mut self) -> Result<(), ImportError> {
        let State::Reading {
            worker,
            failed,
            frames,
        } = &mut self.state
        else {
            return Ok(());
        };
        if *frames < 2 {
            *frames += 1;
            return Ok(());
        }
        if let Some(e) = failed.take() {
            return Err(e);
        }
        // Joined only once finished, so the window never waits for it.
        if !worker.as_ref().is_some_and(|w| w.is_finished()) {
            return Ok(());
        }
        match worker.take().map(JoinHandle::join) {
            Some(Ok(Ok(ready))) => {
                self.state = State::Ready(ready);
                Ok(())
            }
            Some(Ok(Err(e))) => Err(e),
            Some(Err(_)) | None => Err(ImportError {
                path: self.path.clone(),
                message: "förhandsvisningen avbröts oväntat".into(),
            }),
        }
    }

    /// Draws the dialog for this frame and says what the window should do.
    pub fn step(&mut self, ui: &mut Ui) -> Step {
        if let Err(e) = self.poll() {
            return Step::Failed(e);
        }
        match self.show(ui) {
            Some(answer) => Step::Answered(answer),
            None => Step::Open,
        }
    }

    /// Draws the dialog; `Some` once the author has answered.
    fn show(&self, ui: &mut Ui) -> Option<Answer> {
        let mut answer = None;
        let modal = egui::Modal::new(egui::Id::unique("import-attendance")).show(ui.ctx(), |ui| {
            ui.set_max_width(720.0);
            ui.heading("Importera närvaro");
            ui.label(format!("Fil: {}", self.path.display()));
            let Some(Ready {
                preview: p,
                changes,
            }) = self.ready()
            else {
                ui.add_space(6.0);
                ui.label("Läser filen…");
                ui.ctx().request_repaint_after(POLL);
                ui.add_space(6.0);
                if ui.button("Avbryt").clicked() {
                    answer = Some(Answer::Cancel);
                }
                return;
            };
            ui.label(format!(
                "Format: {} · {} rader lästa",
                p.layout.describe(),
                p.rows
            ));
            ui.add_space(6.0);
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
                        for c in changes {
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
