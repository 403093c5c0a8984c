//! The command line: `tertial [FILE]` opens the window; `check`, `figures`,
//! `export-tables`, `export-charts`, `export-report`, `export-docx`, `export-xlsx`, `export-pptx`,
//! `rollover` and `generate-stress` work headless and never open one.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use rust_decimal::Decimal;

use crate::charts::{ChartFormat, ChartSize};
use crate::domain::check;
use crate::domain::figures;
use crate::domain::numbers::{
    format_amount, format_change, format_fte, format_kronor, format_percent, round_half_up,
};
use crate::domain::{Municipality, Period, Workspace};
use crate::export;
use crate::samples;
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

/// Entry point of the binary.
pub fn main() -> ExitCode {
    let started = std::time::Instant::now();
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { file }) => run_check(&file),
        Some(Command::Figures { file }) => run_figures(&file),
        Some(Command::ExportTables { file, out }) => run_export_tables(&file, &out),
        Some(Command::ExportCharts {
            file,
            out,
            size,
            format,
        }) => run_export_charts(&file, &out, size, format),
        Some(Command::ExportReport { file, out }) => run_export_report(&file, &out),
        Some(Command::ExportDocx { file, out }) => run_export_docx(&file, &out),
        Some(Command::ExportXlsx { file, out }) => run_export_xlsx(&file, &out),
        Some(Command::ExportPptx { file, out }) => run_export_pptx(&file, &out),
        Some(Command::GenerateStress { out }) => run_generate_stress(&out),
        Some(Command::Rollover { file, period, out }) => run_rollover(&file, period, &out),
        None => run_window(cli.file, cli.autosave, started),
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

/// Writes the stress workspace (`domain::stress`) and prints the path.
fn run_generate_stress(out: &Path) -> ExitCode {
    let ws = crate::domain::stress::stress_workspace();
    report_written(storage::save(&ws, out).map(|()| vec![out.to_path_buf()]))
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

/// Environment variable for measuring start-up: with it set, the window
/// closes after its first frame and the time to it is printed.
pub const EXIT_AFTER_FIRST_FRAME: &str = "TERTIAL_EXIT_AFTER_FIRST_FRAME";

fn run_window(file: Option<PathBuf>, autosave_secs: u64, started: std::time::Instant) -> ExitCode {
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
        Some(path) => crate::ui::TertialApp::new(ws, Some(path)),
        None => crate::ui::TertialApp::with_built_in_sample(ws),
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
        crate::ui::install_fonts(&cc.egui_ctx);
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

fn opt(v: Option<Decimal>, f: fn(Decimal) -> String) -> String {
    v.map(f).unwrap_or_default()
}

fn pct_rounded(v: Option<Decimal>) -> String {
    opt(v.map(|x| round_half_up(x, 0)), format_percent)
}

/// The key derived figures, as `(key, Swedish value)` pairs in report order.
pub fn key_figures(ws: &Workspace) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    put(&mut out, "period", ws.report.period.label());

    let s = figures::staff(&ws.staff);
    put(
        &mut out,
        "medarbetare.summa",
        opt(s.current_total, format_fte),
    );
    put(
        &mut out,
        "medarbetare.forandring",
        opt(s.change_from_previous, format_fte),
    );
    put(
        &mut out,
        "medarbetare.kommunfinansierade",
        opt(ws.staff.financing.municipal_fte, format_fte),
    );
    put(
        &mut out,
        "medarbetare.externt_finansierade",
        opt(ws.staff.financing.external_fte, format_fte),
    );
    put(
        &mut out,
        "medarbetare.per_verksamhet",
        opt(s.by_activity_total, format_fte),
    );

    for (gi, goal) in ws.goals.iter().enumerate() {
        for (si, section) in goal.sections.iter().enumerate() {
            let number = figures::section_number(&ws.report, gi, si);
            for (mi, m) in section.measures.iter().enumerate() {
                let key = format!("matetal.{number}.{}", mi + 1);
                if let Some(st) = figures::measure_status(m).shown {
                    put(
                        &mut out,
                        &format!("{key}.status"),
                        format!("{} {}", st.symbol(), st.name()),
                    );
                }
                if let Some(t) = figures::measure_trend(m).shown {
                    put(&mut out, &format!("{key}.trend"), t.symbol().to_string());
                }
            }
        }
    }

    let e = &ws.economy;
    if let Some(t) = &e.budget {
        let f = figures::budget(t);
        let names = [
            "ingaende",
            "erhallna",
            "disponibla",
            "budget",
            "utfall",
            "kvarvarande",
            "fonderade",
            "prognos",
        ];
        put_each(&mut out, "tabell1.summa", &names, &f.sum, format_amount);
        put(
            &mut out,
            "tabell1.ackumulerat",
            opt(f.accumulated_prognos, format_amount),
        );
    }
    if let Some(t) = &e.funds {
        let f = figures::funds(t);
        let names = [
            "ingaende_fore",
            "ingaende_nu",
            "kommunerna",
            "staten",
            "ovriga",
            "fonderade",
        ];
        put_each(&mut out, "tabell2.summa", &names, &f.sum, format_amount);
        put_each(
            &mut out,
            "tabell2.andel",
            &["kommunerna", "staten", "ovriga"],
            &f.sum_share_financiers,
            format_percent,
        );
    }
    if let Some(t) = &e.financing {
        let f = figures::financing(t);
        put_each(
            &mut out,
            "finansiering.summa",
            &["utfall", "kommunerna", "staten", "ovriga"],
            &f.sum,
            format_amount,
        );
        put_each(
            &mut out,
            "finansiering.andel",
            &["kommunerna", "staten", "ovriga"],
            &f.sum_share_financiers,
            format_percent,
        );
    }
    let a = figures::applications(&e.applications);
    if !e.applications.items.is_empty() || e.applications.entered_totals.is_some() {
        put(
            &mut out,
            "ansokningar.inskickade",
            opt(a.current.sent, format_amount),
        );
        put(
            &mut out,
            "ansokningar.beviljade",
            opt(a.current.granted, format_amount),
        );
        put(
            &mut out,
            "ansokningar.andel_beviljade",
            opt(a.current.granted_share, format_percent),
        );
        put(
            &mut out,
            "ansokningar.sokta_kronor",
            opt(a.current.sought_kronor, format_kronor),
        );
        put(
            &mut out,
            "ansokningar.beviljade_kronor",
            opt(a.current.granted_kronor, format_kronor),
        );
        put(
            &mut out,
            "ansokningar.andel_kronor",
            opt(a.current.kronor_share, format_percent),
        );
        if a.funders > 0 {
            put(&mut out, "ansokningar.finansiarer", a.funders.to_string());
        }
    }
    if let Some(t) = &e.cost_reduction {
        let f = figures::cost_reduction(t);
        put(
            &mut out,
            "kostnadsreducering.total",
            opt(f.total.shown, format_kronor),
        );
        put(
            &mut out,
            "kostnadsreducering.procent",
            opt(f.total_percent.shown, format_percent),
        );
    }
    if let Some(t) = &e.plan_budget {
        let f = figures::plan_budget(t);
        put_each(
            &mut out,
            "plan.summa",
            &["ingaende", "forvantade", "disponibla", "budget"],
            &f.sum,
            format_amount,
        );
    }

    let at = &ws.attendance;
    if !at.groups.is_empty() {
        let f = figures::attendance(at);
        put(&mut out, "narvaro.natverk", f.networks.to_string());
        put(
            &mut out,
            "narvaro.nar_malvardet",
            format!("{} av {}", f.networks_reaching_target, f.networks),
        );
        put(
            &mut out,
            "narvaro.samtliga_natverk",
            pct_rounded(f.all_networks),
        );
        if let Some((lo, hi)) = f.network_range {
            put(
                &mut out,
                "narvaro.spann",
                format!("{}–{}", format_amount(lo), format_percent(hi)),
            );
        }
        put(&mut out, "narvaro.traffar", f.network_meetings.to_string());
        put(&mut out, "narvaro.pks", pct_rounded(f.pks));
        put(
            &mut out,
            "narvaro.kommundirektorer",
            pct_rounded(f.directors),
        );
        for (name, share) in ["fysiskt", "digitalt", "kombination"]
            .iter()
            .zip(f.form_shares)
        {
            put(
                &mut out,
                &format!("narvaro.form.{name}"),
                opt(share, format_percent),
            );
        }
        if let Some((lo, hi)) = f.municipality_range {
            put(
                &mut out,
                "narvaro.kommuner.spann",
                format!("{}–{}", format_amount(lo), format_percent(hi)),
            );
        }
        put(
            &mut out,
            "narvaro.kommuner.okat",
            f.municipalities_up.to_string(),
        );
        for (m, v) in &f.municipalities {
            put(
                &mut out,
                &format!("narvaro.kommun.{}", ascii_key(*m)),
                pct_rounded(*v),
            );
        }
        for (g, gf) in at.groups.iter().zip(&f.groups) {
            if g.kind == crate::domain::GroupKind::RegionSamverkan {
                put(
                    &mut out,
                    &format!("narvaro.region.{}", slug(&g.name)),
                    pct_rounded(gf.average),
                );
            }
        }
    }

    let c = figures::courses(&ws.courses);
    if let Some(last) = ws.courses.periods.last() {
        let i = ws.courses.periods.len() - 1;
        put(&mut out, "kurser.antal", opt(last.courses, format_amount));
        put(
            &mut out,
            "kurser.forandring",
            opt(c.courses_change[i].shown, format_change),
        );
        put(
            &mut out,
            "deltagare.antal",
            opt(last.participants, format_amount),
        );
        put(
            &mut out,
            "deltagare.forandring",
            opt(c.participants_change[i].shown, format_change),
        );
    }
    if !ws.courses.by_participant.is_empty() {
        put(
            &mut out,
            "bilaga2.summa",
            opt(c.participants_total, format_amount),
        );
        for (p, share) in ws.courses.by_participant.iter().zip(&c.participant_shares) {
            put(
                &mut out,
                &format!("bilaga2.{}", slug(p.who.name())),
                opt(share.shown, format_percent),
            );
        }
    }
    put(
        &mut out,
        "kurser.per_omrade.summa",
        opt(c.by_area_total, format_amount),
    );
    for (year, n) in ws.survey.years.iter().zip(&ws.survey.respondents) {
        put(
            &mut out,
            &format!("enkat.svar.{year}"),
            opt(*n, format_amount),
        );
    }
    out
}

/// A key part from a name: lower case, words joined by `_`.
/// One key figure, left out when it has no value.
fn put(out: &mut Vec<(String, String)>, key: &str, value: String) {
    if !value.is_empty() {
        out.push((key.to_string(), value));
    }
}

/// `prefix.name` for each column name and its figure.
fn put_each(
    out: &mut Vec<(String, String)>,
    prefix: &str,
    names: &[&str],
    figures: &[figures::Figure],
    format: fn(Decimal) -> String,
) {
    for (name, fig) in names.iter().zip(figures) {
        put(out, &format!("{prefix}.{name}"), opt(fig.shown, format));
    }
}

fn slug(name: &str) -> String {
    name.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

fn ascii_key(m: Municipality) -> String {
    format!("{m:?}").to_lowercase()
}
