//! The desktop window. Until the editor lands (issue "The editor window")
//! this shows the open workspace's facts and the consistency check's
//! findings, read only.

use std::path::PathBuf;

use crate::domain::Workspace;
use crate::domain::check::{self, Finding, Severity};

/// The running program's state.
pub struct TertialApp {
    workspace: Workspace,
    /// The file the workspace came from; `None` for the built-in sample.
    path: Option<PathBuf>,
    findings: Vec<Finding>,
}

impl TertialApp {
    pub fn new(workspace: Workspace, path: Option<PathBuf>) -> Self {
        let findings = check::check(&workspace);
        TertialApp {
            workspace,
            path,
            findings,
        }
    }

    fn file_label(&self) -> String {
        match &self.path {
            Some(p) => p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            None => "Exempel (inbyggt)".into(),
        }
    }

    /// The window title: `tertial — NAMN.ron`.
    pub fn title(&self) -> String {
        format!("tertial — {}", self.file_label())
    }
}

impl eframe::App for TertialApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let problems = self
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Problem)
            .count();
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(self.file_label());
                ui.separator();
                ui.label(self.workspace.report.period.label());
                ui.separator();
                ui.label(format!("{problems} problem"));
            });
        });
        egui::CentralPanel::default().show(ui, |ui| {
            let r = &self.workspace.report;
            ui.heading(if r.title.is_empty() { r.kind.name() } else { &r.title });
            ui.label(format!("{} · {} · {}", r.organisation, r.kind.name(), r.period.label()));
            if !r.diarienummer.is_empty() {
                ui.label(format!("Dnr {}", r.diarienummer));
            }
            ui.add_space(8.0);
            ui.label("Redigeraren är inte klar ännu: fönstret visar arbetsytan och kontrollens resultat.");
            ui.add_space(8.0);
            ui.strong(format!("Kontroll: {problems} problem, {} noteringar", self.findings.len() - problems));
            egui::ScrollArea::vertical().show(ui, |ui| {
                for f in &self.findings {
                    ui.label(f.to_string());
                }
            });
        });
    }
}
