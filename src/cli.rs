//! The command line: the arguments, and the headless sub-commands `check`,
//! `figures`, `export-tables`, `export-charts`, `export-report`,
//! `export-docx`, `export-xlsx`, `export-pptx`, `rollover` and
//! `generate-stress`, which never open a window. `tertial [FILE]` without a
//! sub-command is the window, which the binary (`src/main.rs`) starts; this
//! module knows no egui.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::charts::{ChartFormat, ChartSize};
use crate::domain::check;
use crate::domain::key_figures::key_figures;
use crate::domain::{Period, Workspace};
use crate::export;
use crate::storage;

#[derive(Parser, Debug)]
#[command(
    name = "tertial",
    version,
    about = "Uppföljningsrapporter för Kommunal utveckling Jönköpings län",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Arbetsyta (.ron) att öppna i fönstret; utan fil öppnas det inbyggda exemplet.
    pub file: Option<PathBuf>,
    /// Hur ofta osparat arbete kopieras till återställningsmappen, i sekunder (0 = aldrig).
    #[arg(long, value_name = "SEKUNDER", default_value_t = 30)]
    pub autosave: u64,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Kontrollerar arbetsytan och listar allt som inte stämmer (slutstatus 0 = inga problem).
    Check { file: PathBuf },
    /// Skriver de viktigaste beräknade talen, ett `nyckel<TAB>värde` per rad
    /// (`\`, tabb och radbrytning i nycklar och värden skrivs som `\\`, `\t`,
    /// `\n` och `\r`; andra styrtecken som `\u{B}`).
    Figures { file: PathBuf },
    /// Skriver en CSV-fil per tabell (för svenska Excel) till en mapp.
    ExportTables {
        file: PathBuf,
        /// Mapp att skriva till (skapas om den saknas).
        #[arg(long)]
        out: PathBuf,
    },
    /// Skriver rapportens diagram som PNG- och/eller SVG-bilder till en mapp.
    ExportCharts {
        file: PathBuf,
        /// Mapp att skriva till (skapas om den saknas).
        #[arg(long)]
        out: PathBuf,
        /// Bildstorlek i bildpunkter, bredd×höjd.
        #[arg(long, default_value = "1920x1080", value_parser = parse_size)]
        size: ChartSize,
        /// Bildformat; utan --format skrivs både PNG och SVG.
        #[arg(long, value_enum)]
        format: Option<FormatArg>,
    },
    /// Skriver hela rapporten som ett fristående HTML-dokument (diagrammen
    /// inbäddade) som kan skrivas ut till PDF från en webbläsare.
    ExportReport {
        file: PathBuf,
        /// HTML-fil att skriva.
        #[arg(long)]
        out: PathBuf,
    },
    /// Skriver hela rapporten som ett Word-dokument (.docx): rubrikformat,
    /// innehållsförteckning, sidnummer, riktiga tabeller och diagram som
    /// bilder med alternativtext.
    ExportDocx {
        file: PathBuf,
        /// Word-fil (.docx) att skriva.
        #[arg(long)]
        out: PathBuf,
    },
    /// Skriver rapportens tabeller som en Excel-arbetsbok, en tabell per
    /// blad: tal som tal, summor och beräknade belopp som formler.
    ExportXlsx {
        file: PathBuf,
        /// Excel-fil (.xlsx) att skriva.
        #[arg(long)]
        out: PathBuf,
    },
    /// Skriver periodens resultatuppföljning som ett bildspel (PowerPoint,
    /// 16:9): text och tabeller som går att redigera, diagrammen som bilder.
    ExportPptx {
        file: PathBuf,
        /// Bildspel (.pptx) att skriva.
        #[arg(long)]
        out: PathBuf,
    },
    /// Skriver en stor, påhittad arbetsyta för att mäta hastighet (60 grupper,
    /// 10 000 närvaroregistreringar, 500 mätetal, 200 aktiviteter).
    GenerateStress {
        /// Fil att skriva (.ron); en befintlig fil sparas först som .bak.
        #[arg(long)]
        out: PathBuf,
    },
    /// Skapar nästa periods arbetsyta från denna: strukturen och målvärdena
    /// följer med, periodens resultat blir jämförelsevärden, det som skrivs
    /// nytt varje period töms.
    Rollover {
        file: PathBuf,
        /// Den nya perioden, till exempel "tertial 1 2021" eller "helår 2021".
        #[arg(long, value_parser = parse_period)]
        period: Period,
        /// Ny fil att skriva (.ron); skrivs inte över om den finns.
        #[arg(long)]
        out: PathBuf,
    },
}

fn parse_period(s: &str) -> Result<Period, String> {
    s.parse()
}

/// `--format` of `export-charts`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormatArg {
    Png,
    Svg,
}

fn parse_size(s: &str) -> Result<ChartSize, String> {
    ChartSize::parse(s)
}

/// Runs one headless sub-command; the exit status says how it went.
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Check { file } => run_check(&file),
        Command::Figures { file } => run_figures(&file),
        Command::ExportTables { file, out } => run_export_tables(&file, &out),
        Command::ExportCharts {
            file,
            out,
            size,
            format,
        } => run_export_charts(&file, &out, size, format),
        Command::ExportReport { file, out } => run_export_report(&file, &out),
        Command::ExportDocx { file, out } => run_export_docx(&file, &out),
        Command::ExportXlsx { file, out } => run_export_xlsx(&file, &out),
        Command::ExportPptx { file, out } => run_export_pptx(&file, &out),
        Command::GenerateStress { out } => run_generate_stress(&out),
        Command::Rollover { file, period, out } => run_rollover(&file, period, &out),
    }
}

fn load_or_report(file: &Path) -> Option<Workspace> {
    match storage::load(file) {
        Ok(ws) => Some(ws),
        Err(e) => {
            eprintln!("{e}");
            None
        }
    }
}

fn run_check(file: &Path) -> ExitCode {
    let Some(ws) = load_or_report(file) else {
        return ExitCode::from(1);
    };
    let findings = check::check(&ws);
    let mut out = std::io::stdout().lock();
    // Group names and other texts are the author's: escaped as in
    // `figures`, so a line break in a name cannot forge another line.
    for f in &findings {
        let _ = writeln!(out, "{}", escape_figure(&f.to_string()));
    }
    let problems = findings
        .iter()
        .filter(|f| f.severity == check::Severity::Problem)
        .count();
    let _ = writeln!(
        out,
        "{}: {problems} problem, {}",
        escape_figure(&file.display().to_string()),
        crate::domain::tables::counted(findings.len() - problems, "notering", "noteringar")
    );
    if check::has_problems(&findings) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn run_figures(file: &Path) -> ExitCode {
    let Some(ws) = load_or_report(file) else {
        return ExitCode::from(1);
    };
    let mut out = std::io::stdout().lock();
    for (k, v) in key_figures(&ws) {
        let _ = writeln!(out, "{}\t{}", escape_figure(&k), escape_figure(&v));
    }
    ExitCode::SUCCESS
}

/// A key or value of `figures` (or a line of `check`) as one field of one
/// line: a survey-year label or a group name with a line break or a tab
/// must not forge another line or field.
/// `\` becomes `\\`, tab, line feed and carriage return `\t`, `\n`, `\r`,
/// any other control character `\u{…}` (as Rust writes them).
pub fn escape_figure(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:X}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

fn run_export_tables(file: &Path, dir: &Path) -> ExitCode {
    let Some(ws) = load_or_report(file) else {
        return ExitCode::from(1);
    };
    report_written(export::csv::export_tables(&ws, dir))
}

/// Lists the files an export wrote (exit 0), or says why it failed (exit 1).
fn report_written<E: std::fmt::Display>(result: Result<Vec<PathBuf>, E>) -> ExitCode {
    match result {
        Ok(files) => {
            for f in files {
                println!("{}", f.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
    }
}

fn run_export_charts(
    file: &Path,
    dir: &Path,
    size: ChartSize,
    format: Option<FormatArg>,
) -> ExitCode {
    let Some(ws) = load_or_report(file) else {
        return ExitCode::from(1);
    };
    let formats: &[ChartFormat] = match format {
        Some(FormatArg::Png) => &[ChartFormat::Png],
        Some(FormatArg::Svg) => &[ChartFormat::Svg],
        None => &ChartFormat::ALL,
    };
    report_written(export::charts::export_all(&ws, dir, size, formats))
}

/// Writes the report as one HTML file.
fn run_export_report(file: &Path, out: &Path) -> ExitCode {
    let Some(ws) = load_or_report(file) else {
        return ExitCode::from(1);
    };
    report_written(export::report::export_report(&ws, out).map(|()| vec![out.to_path_buf()]))
}

/// Writes the report's tables as one Excel workbook.
fn run_export_docx(file: &Path, out: &Path) -> ExitCode {
    let Some(ws) = load_or_report(file) else {
        return ExitCode::from(1);
    };
    report_written(export::docx::export_docx(&ws, out).map(|()| vec![out.to_path_buf()]))
}

fn run_export_xlsx(file: &Path, out: &Path) -> ExitCode {
    let Some(ws) = load_or_report(file) else {
        return ExitCode::from(1);
    };
    report_written(export::xlsx::export_workbook(&ws, out).map(|()| vec![out.to_path_buf()]))
}

/// Writes the Resultatuppföljning as one slide deck.
fn run_export_pptx(file: &Path, out: &Path) -> ExitCode {
    let Some(ws) = load_or_report(file) else {
        return ExitCode::from(1);
    };
    report_written(export::pptx::export_deck(&ws, out).map(|()| vec![out.to_path_buf()]))
}

/// Writes the stress workspace (`crate::stress`) and prints the path.
#[cfg(feature = "stress")]
fn run_generate_stress(out: &Path) -> ExitCode {
    let ws = crate::stress::stress_workspace();
    report_written(storage::save(&ws, out).map(|()| vec![out.to_path_buf()]))
}

/// Built without the `stress` feature: there is no generator to run
/// (exit 2, as for a usage error).
#[cfg(not(feature = "stress"))]
fn run_generate_stress(_out: &Path) -> ExitCode {
    eprintln!(
        "generate-stress är inte inbyggt i det här programmet (byggt utan funktionen \"stress\")."
    );
    ExitCode::from(2)
}

/// Writes the next period's workspace; never over an existing file (the
/// old period's file above all).
fn run_rollover(file: &Path, period: Period, out: &Path) -> ExitCode {
    let Some(ws) = load_or_report(file) else {
        return ExitCode::from(1);
    };
    let next = crate::domain::rollover::rollover(&ws, period);
    // The save itself refuses a taken name (not a look before it), so two
    // rollovers to one name at once never both "succeed".
    match storage::save_new(&next, out) {
        Err(storage::SaveError::Exists { .. }) => {
            eprintln!(
                "{} finns redan; välj ett annat namn för den nya periodens fil.",
                out.display()
            );
            ExitCode::from(1)
        }
        result => report_written(result.map(|()| vec![out.to_path_buf()])),
    }
}
