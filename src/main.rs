//! The `tertial` program: a headless sub-command (`tertial::cli`), or,
//! without one, the window. The window is started here, not in the
//! library, and only when the `gui` feature is built in; without it the
//! program says so and exits with status 2.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;
use tertial::cli::Cli;

fn main() -> ExitCode {
    let started = Instant::now();
    let cli = Cli::parse();
    match cli.command {
        Some(command) => tertial::cli::run(command),
        None => run_window(cli.file, cli.autosave, started),
    }
}

/// Environment variable for measuring start-up: with it set, the window
/// closes after its first frame and the time to it is printed.
#[cfg(feature = "gui")]
const EXIT_AFTER_FIRST_FRAME: &str = "TERTIAL_EXIT_AFTER_FIRST_FRAME";

/// Opens the workspace `file` (or the built-in sample) in the window.
#[cfg(feature = "gui")]
fn run_window(file: Option<PathBuf>, autosave_secs: u64, started: Instant) -> ExitCode {
    use tertial::{samples, storage, ui};

    let loaded = match &file {
        Some(path) => storage::load(path),
        None => samples::built_in(),
    };
    let ws = match loaded {
        Ok(ws) => ws,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(1);
        }
    };
    let app = match file {
        Some(path) => ui::TertialApp::new(ws, Some(path)),
        None => ui::TertialApp::with_built_in_sample(ws),
    };
    let interval = (autosave_secs > 0).then(|| std::time::Duration::from_secs(autosave_secs));
    // The platform's data folder: ~/.local/share/tertial/recovery on Linux,
    // %APPDATA%\tertial\data\recovery on Windows.
    let app = match eframe::storage_dir("tertial") {
        Some(dir) => app.with_recovery(
            &storage::recovery::RecoveryStore::new(dir.join("recovery")),
            interval,
        ),
        None => app.without_recovery_folder(),
    };
    let app = if std::env::var_os(EXIT_AFTER_FIRST_FRAME).is_some() {
        app.exit_after_first_frame(started)
    } else {
        app
    };
    let title = app.title();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(title)
            .with_inner_size([1280.0, 720.0])
            .with_min_inner_size([800.0, 500.0]),
        ..Default::default()
    };
    let creator = move |cc: &eframe::CreationContext<'_>| {
        ui::install_fonts(&cc.egui_ctx);
        Ok(Box::new(app.with_storage(cc.storage)) as Box<dyn eframe::App>)
    };
    match eframe::run_native("tertial", options, Box::new(creator)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Fönstret kunde inte öppnas: {e}");
            ExitCode::from(1)
        }
    }
}

/// Built without the `gui` feature: there is no window to open. Exit
/// status 2, as for a usage error, so a script can tell it from a file
/// that could not be read (1).
#[cfg(not(feature = "gui"))]
fn run_window(_file: Option<PathBuf>, _autosave_secs: u64, _started: Instant) -> ExitCode {
    eprintln!(
        "Fönstret är inte inbyggt i det här programmet (byggt utan funktionen \"gui\"). \
         Kommandona utan fönster fungerar, till exempel: tertial check FIL; se tertial --help."
    );
    ExitCode::from(2)
}
