//! The whole report as one self-contained HTML document ("Exportera
//! rapport…", `tertial export-report`), laid out like the Delårsrapport:
//! title page, contents, the introduction chapter (3 K, Medarbetare, the
//! free texts), one chapter per strategic goal with its sub-sections,
//! mätetal and activity tables and the report tables the sections refer to,
//! then Bilaga 1 (symbols) and Bilaga 2 (course participants).
//!
//! Every table comes from `domain::tables` and every chart from
//! `charts::render_svg`, so the document prints what the editor shows. The
//! file needs nothing outside itself: the charts are inline SVG, the font
//! (DejaVu Sans, the charts' font) is embedded, there is no script. Print
//! CSS gives A4 pages, a page break before every chapter, repeated table
//! headers and rows that are not split across pages.
//!
//! Placement: a report table goes where a section lists it
//! (`Section::tables`); tables no section lists get chapters of their own
//! after the goals (Ekonomi, Närvaro, Kompetens, Utvärderingsenkät), so
//! nothing in the workspace is left out. A research list goes into the
//! section with its heading (7.1 "Pågående forskningsstudier" …), or else
//! into a Forskning chapter.

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};

use base64::Engine as _;

use crate::charts::{self, ChartError, ChartKind, ChartSize};
use crate::domain::figures;
use crate::domain::model::*;
use crate::domain::tables::{self, RowKind, Table, Value};
use crate::storage::write_atomically;

/// The width charts are drawn at; the page scales them to its width
/// (about 174 mm), where the theme's labels come out near 8 pt.
const CHART_WIDTH: u32 = 1200;

/// 16:9, or taller for a bar chart with many categories down its side, so
/// 21 networks keep readable labels.
fn chart_size(chart: &charts::BarChart) -> ChartSize {
    let wide = CHART_WIDTH * 9 / 16;
    let height = match chart.orientation {
        charts::data::Orientation::Horizontal => {
            (260 + 38 * chart.categories.len() as u32).clamp(wide, 1800)
        }
        charts::data::Orientation::Vertical => wide,
    };
    ChartSize::new(CHART_WIDTH, height)
}

/// Why the report could not be written, in Swedish.
#[derive(Debug, Clone, PartialEq)]
pub enum ReportError {
    Chart(ChartError),
    Write { path: PathBuf, message: String },
}

impl fmt::Display for ReportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReportError::Chart(e) => write!(f, "Rapportens diagram kunde inte ritas: {e}"),
            ReportError::Write { path, message } => {
                write!(
                    f,
                    "Rapporten {} kunde inte sparas: {message}",
                    path.display()
                )
            }
        }
    }
}

impl std::error::Error for ReportError {}

/// The default file name: `delarsrapport-2020-t1-2.html`.
pub fn file_name(ws: &Workspace) -> String {
    let kind = match ws.report.kind {
        ReportKind::Resultatuppfoljning => "resultatuppfoljning",
        ReportKind::Delarsrapport => "delarsrapport",
        ReportKind::Verksamhetsberattelse => "verksamhetsberattelse",
        ReportKind::Verksamhetsplan => "verksamhetsplan",
    };
    format!("{kind}-{}.html", ws.report.period.slug())
}

/// Writes the report of `ws` to `path` (atomically).
pub fn export_report(ws: &Workspace, path: &Path) -> Result<(), ReportError> {
    let html = report_html(ws).map_err(ReportError::Chart)?;
    write_atomically(path, html.as_bytes()).map_err(|e| ReportError::Write {
        path: path.to_path_buf(),
        message: e.into_reason(),
    })
}

/// The report of `ws` as one HTML document.
pub fn report_html(ws: &Workspace) -> Result<String, ChartError> {
    let mut b = Builder::new(ws);
    b.title_page();
    b.introduction()?;
    b.goals()?;
    b.unplaced()?;
    b.appendices()?;

    let title = document_title(ws);
    let mut out = String::with_capacity(b.body.len() + 2_200_000);
    out.push_str("<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!("<title>{}</title>\n", esc(&title)));
    out.push_str("<style>\n");
    out.push_str(&font_faces());
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n");
    out.push_str(&b.title_html);
    out.push_str(&b.contents());
    out.push_str(&b.body);
    out.push_str("</body>\n</html>\n");
    Ok(out)
}

/// "Delårsrapport januari-augusti 2020", or the kind and period when the
/// report has no title.
pub(crate) fn document_title(ws: &Workspace) -> String {
    if ws.report.title.trim().is_empty() {
        format!("{} {}", ws.report.kind.name(), ws.report.period.label())
    } else {
        ws.report.title.trim().to_string()
    }
}

/// One line of the contents.
struct Entry {
    level: u8,
    number: String,
    title: String,
    anchor: String,
}

struct Builder<'a> {
    ws: &'a Workspace,
    title_html: String,
    body: String,
    entries: Vec<Entry>,
    /// Report tables already printed (each is printed once).
    printed: HashSet<TableRef>,
    /// Report tables some section lists.
    listed: HashSet<TableRef>,
    /// For each research list (as in `Research::lists`), the section
    /// (goal, section) with its heading, if any.
    research_at: [Option<(usize, usize)>; 6],
}

impl<'a> Builder<'a> {
    fn new(ws: &'a Workspace) -> Self {
        let listed = ws
            .goals
            .iter()
            .flat_map(|g| &g.sections)
            .flat_map(|s| s.tables.iter().copied())
            .collect();
        let research_at = Research::TITLES.map(|title| research_section(ws, title));
        Builder {
            ws,
            title_html: String::new(),
            body: String::new(),
            entries: Vec::new(),
            printed: HashSet::new(),
            listed,
            research_at,
        }
    }

    // ------------------------------------------------------- structure

    /// Puts a heading in the contents; returns its anchor and its HTML.
    fn entry(&mut self, level: u8, number: Option<String>, title: &str) -> (String, String) {
        let anchor = format!(
            "{}-{}",
            if level == 1 { "kap" } else { "avsnitt" },
            self.entries.len() + 1
        );
        let number = number.unwrap_or_default();
        let html = numbered(&number, title);
        self.entries.push(Entry {
            level,
            number,
            title: title.to_string(),
            anchor: anchor.clone(),
        });
        (anchor, html)
    }

    /// Opens a chapter on a new page and puts it in the contents.
    fn chapter(&mut self, class: &str, number: Option<String>, title: &str) {
        let (anchor, heading) = self.entry(1, number, title);
        self.body.push_str(&format!(
            "<section class=\"{class}\" id=\"{anchor}\">\n<h1>{heading}</h1>\n"
        ));
    }

    fn end_chapter(&mut self) {
        self.body.push_str("</section>\n");
    }

    /// A numbered sub-section heading ("2.2 Verksamheten söker …").
    fn section(&mut self, number: Option<String>, title: &str) {
        let (anchor, heading) = self.entry(2, number, title);
        self.body
            .push_str(&format!("<h2 id=\"{anchor}\">{heading}</h2>\n"));
    }

    fn heading3(&mut self, title: &str) {
        self.body.push_str(&format!("<h3>{}</h3>\n", esc(title)));
    }

    fn text(&mut self, text: &str) {
        self.body.push_str(&paragraphs(text));
    }

    fn bullets(&mut self, items: &[String]) {
        self.body.push_str(&list("ul", items));
    }

    fn table(&mut self, t: &Table) {
        self.body.push_str(&table_html(t));
    }

    fn footnotes(&mut self, notes: &[String]) {
        for n in notes {
            self.note(n);
        }
    }

    /// A small note under a table; nothing for an empty one.
    fn note(&mut self, note: &str) {
        if !note.trim().is_empty() {
            self.body
                .push_str(&format!("<p class=\"note\">{}</p>\n", esc(note)));
        }
    }

    /// Draws `kind` as inline SVG, if it has anything to show.
    fn chart(&mut self, kind: ChartKind) -> Result<(), ChartError> {
        let chart = charts::chart(self.ws, kind);
        if !chart.has_data() {
            return Ok(());
        }
        let svg = charts::render_svg(&chart, chart_size(&chart))?;
        let svg = match svg.find("<svg") {
            Some(at) => &svg[at..],
            None => svg.as_str(),
        };
        self.body.push_str(&format!(
            "<figure class=\"chart\" data-chart=\"{}\">\n{svg}\n</figure>\n",
            kind.slug()
        ));
        Ok(())
    }

    // --------------------------------------------------------- title

    fn title_page(&mut self) {
        let r = &self.ws.report;
        let mut h = String::from("<section class=\"title-page\">\n");
        h.push_str(&format!(
            "<p class=\"organisation\">{}</p>\n",
            esc(&r.organisation.to_uppercase())
        ));
        h.push_str(&format!("<h1>{}</h1>\n", esc(&document_title(self.ws))));
        h.push_str(&format!(
            "<p class=\"period\">{} · {} – {}</p>\n",
            esc(&charts::data::capitalised(&r.period.label())),
            esc(&r.period.start_date()),
            esc(&r.period.end_date())
        ));
        h.push_str("<dl class=\"facts\">\n");
        for (label, value) in [
            ("Dokument", r.kind.name()),
            ("Dnr", r.diarienummer.as_str()),
            ("Ansvarig", r.responsible.as_str()),
            ("Datum", r.date.as_str()),
        ] {
            if !value.trim().is_empty() {
                h.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", esc(label), esc(value)));
            }
        }
        h.push_str("</dl>\n");
        let notes: Vec<&String> = self
            .ws
            .data_notes
            .iter()
            .filter(|n| !n.trim().is_empty())
            .collect();
        if !notes.is_empty() {
            h.push_str("<div class=\"data-notes\">\n<p><strong>Om uppgifterna</strong></p>\n");
            for n in notes {
                h.push_str(&format!("<p>{}</p>\n", esc(n)));
            }
            h.push_str("</div>\n");
        }
        h.push_str("</section>\n");
        self.title_html = h;
    }

    fn contents(&self) -> String {
        let mut h = String::from(
            "<nav class=\"contents\" id=\"innehall\">\n<h1>Innehållsförteckning</h1>\n<ol>\n",
        );
        for e in &self.entries {
            h.push_str(&format!(
                "<li class=\"level-{}\"><a href=\"#{}\"><span class=\"no\">{}</span>{}</a></li>\n",
                e.level,
                e.anchor,
                esc(&e.number),
                esc(&e.title)
            ));
        }
        h.push_str("</ol>\n</nav>\n");
        h
    }

    // -------------------------------------------------- introduction

    /// Chapter 1 (or an unnumbered chapter when the goals start at 1):
    /// the "Inledning" text, the goals, the 3 K, Medarbetare and every
    /// other free text as a sub-section.
    fn introduction(&mut self) -> Result<(), ChartError> {
        let ws = self.ws;
        let intro_text = ws
            .texts
            .iter()
            .position(|t| t.title.trim().eq_ignore_ascii_case("inledning"));
        let focus = &ws.focus;
        let has_focus = !focus.decided.trim().is_empty()
            || !focus.areas.is_empty()
            || !focus.kostnadseffektivitet.is_empty()
            || !focus.kompetenshojning.is_empty()
            || !focus.kvalitetshojning.is_empty();
        let staff_here = has_staff(&ws.staff) && !self.listed.contains(&TableRef::Staff);
        let others: Vec<&FreeText> = ws
            .texts
            .iter()
            .enumerate()
            .filter(|(i, _)| Some(*i) != intro_text)
            .map(|(_, t)| t)
            .collect();
        if intro_text.is_none() && !has_focus && !staff_here && others.is_empty() {
            return Ok(());
        }
        let first = ws.report.first_goal_chapter as usize;
        let chapter = (first >= 2).then(|| (first - 1).to_string());
        self.chapter("chapter", chapter.clone(), "Inledning");
        if let Some(i) = intro_text {
            let t = &ws.texts[i];
            self.text(&t.body);
            self.bullets(&t.bullets);
        }
        if !ws.goals.is_empty() {
            self.body.push_str(&format!(
                "<p>{} har {} strategiska mål:</p>\n",
                esc(short_organisation(&ws.report.organisation)),
                count_word(ws.goals.len())
            ));
            let titles: Vec<String> = ws.goals.iter().map(|g| g.title.clone()).collect();
            self.bullets(&titles);
        }
        let mut n = 0;
        let next = |n: &mut usize| {
            *n += 1;
            chapter.as_ref().map(|c| format!("{c}.{n}"))
        };
        if has_focus {
            let number = next(&mut n);
            self.section(
                number,
                "Viktiga händelser med koppling till våra 3 K – kostnadseffektivitet, \
                 kompetenshöjning och kvalitetshöjning",
            );
            self.text(&focus.decided);
            self.body.push_str(&list("ol", &focus.areas));
            for (title, items) in [
                ("Kostnadseffektivitet", &focus.kostnadseffektivitet),
                ("Kompetenshöjning", &focus.kompetenshojning),
                ("Kvalitetshöjning", &focus.kvalitetshojning),
            ] {
                if !items.is_empty() {
                    self.heading3(title);
                    self.bullets(items);
                }
            }
        }
        if staff_here {
            let number = next(&mut n);
            self.section(number, "Medarbetare");
            self.table_ref(TableRef::Staff)?;
        }
        for t in others {
            let number = next(&mut n);
            self.section(number, &t.title);
            self.text(&t.body);
            self.bullets(&t.bullets);
        }
        self.end_chapter();
        Ok(())
    }

    // --------------------------------------------------------- goals

    fn goals(&mut self) -> Result<(), ChartError> {
        let ws = self.ws;
        for (gi, goal) in ws.goals.iter().enumerate() {
            let chapter = ws.report.first_goal_chapter as usize + gi;
            self.chapter("chapter", Some(chapter.to_string()), &goal.title);
            self.text(&goal.intro);
            for (si, section) in goal.sections.iter().enumerate() {
                let number = figures::section_number(&ws.report, gi, si);
                self.section(Some(number.clone()), &section.title);
                self.text(&section.text);
                self.bullets(&section.bullets);
                // Under their section's heading the tables need no more
                // caption than what they are.
                if !section.measures.is_empty() {
                    let mut t = tables::measure_table(&number, &section.title, &section.measures);
                    t.title = "Mätetal".into();
                    self.table(&t);
                }
                if !section.activities.is_empty() {
                    let mut t =
                        tables::activity_table(&number, &section.title, &section.activities);
                    t.title = "Aktiviteter".into();
                    self.table(&t);
                }
                for &r in &section.tables {
                    self.table_ref(r)?;
                }
                for (i, (_, items)) in ws.research.lists().into_iter().enumerate() {
                    if self.research_at[i] == Some((gi, si)) {
                        self.research_items(items);
                    }
                }
            }
            self.end_chapter();
        }
        Ok(())
    }

    // ------------------------------------------- tables no section lists

    /// Chapters after the goals for what no section took: Ekonomi,
    /// Närvaro, Kompetens, Utvärderingsenkät, Forskning.
    fn unplaced(&mut self) -> Result<(), ChartError> {
        let ws = self.ws;
        let mut chapter = ws.report.first_goal_chapter as usize + ws.goals.len();
        let groups: [(&str, &[TableRef]); 4] = [
            (
                "Ekonomi",
                &[
                    TableRef::CostReduction,
                    TableRef::Applications,
                    TableRef::BudgetFollowUp,
                    TableRef::FundsByFinancier,
                    TableRef::FundsShares,
                    TableRef::Financing,
                    TableRef::FinancingShares,
                    TableRef::PlanBudget,
                ],
            ),
            ("Närvaro", &[TableRef::Attendance]),
            ("Kompetens", &[TableRef::Courses]),
            ("Utvärderingsenkät", &[TableRef::Survey]),
        ];
        for (title, refs) in groups {
            let mut todo: Vec<TableRef> = refs
                .iter()
                .copied()
                .filter(|r| !self.listed.contains(r) && self.has_content(*r))
                .collect();
            // Economy notes travel with Tabell 1; without it they still
            // need a place.
            let notes_here = title == "Ekonomi"
                && !ws.economy.notes.is_empty()
                && !self.listed.contains(&TableRef::BudgetFollowUp);
            if notes_here && !todo.contains(&TableRef::BudgetFollowUp) {
                todo.push(TableRef::BudgetFollowUp);
            }
            if todo.is_empty() {
                continue;
            }
            self.chapter("chapter", Some(chapter.to_string()), title);
            chapter += 1;
            for r in todo {
                self.table_ref(r)?;
            }
            self.end_chapter();
        }
        let left: Vec<usize> = ws
            .research
            .lists()
            .iter()
            .enumerate()
            .filter(|(i, (_, items))| !items.is_empty() && self.research_at[*i].is_none())
            .map(|(i, _)| i)
            .collect();
        if !left.is_empty() {
            self.chapter("chapter", Some(chapter.to_string()), "Forskning");
            for i in left {
                let (title, items) = ws.research.lists()[i];
                self.heading3(title);
                self.research_items(items);
            }
            self.end_chapter();
        }
        Ok(())
    }

    fn has_content(&self, r: TableRef) -> bool {
        let ws = self.ws;
        let e = &ws.economy;
        match r {
            TableRef::Staff => has_staff(&ws.staff),
            TableRef::BudgetFollowUp => e.budget.is_some(),
            TableRef::FundsByFinancier | TableRef::FundsShares => e.funds.is_some(),
            TableRef::Financing | TableRef::FinancingShares => e.financing.is_some(),
            TableRef::Applications => e.applications.has_any(),
            TableRef::CostReduction => e.cost_reduction.is_some(),
            TableRef::PlanBudget => e.plan_budget.is_some(),
            TableRef::Attendance => {
                !ws.attendance.groups.is_empty() || !ws.attendance.earlier.is_empty()
            }
            TableRef::Courses => !ws.courses.periods.is_empty() || !ws.courses.by_area.is_empty(),
            TableRef::Survey => !ws.survey.questions.is_empty(),
        }
    }

    // ------------------------------------------------- report tables

    /// Prints a report table (with its notes and charts) once.
    fn table_ref(&mut self, r: TableRef) -> Result<(), ChartError> {
        if !self.printed.insert(r) {
            return Ok(());
        }
        let ws = self.ws;
        let e = &ws.economy;
        match r {
            TableRef::Staff => {
                let s = &ws.staff;
                self.text(&s.text);
                if !s.rows.is_empty() {
                    self.table(&tables::staff_table(s));
                    self.footnotes(&s.footnotes);
                    self.table(&tables::staff_financing_table(s));
                }
                let by_activity: Vec<String> = s
                    .by_activity
                    .iter()
                    .map(|a| {
                        format!(
                            "{}: {} årsarbetare",
                            a.name,
                            a.amount
                                .map(crate::domain::numbers::format_fte)
                                .unwrap_or_else(|| "–".into())
                        )
                    })
                    .collect();
                self.bullets(&by_activity);
                self.chart(ChartKind::Staff)?;
            }
            TableRef::BudgetFollowUp => {
                if let Some(t) = &e.budget {
                    self.table(&tables::budget_table(t));
                    self.footnotes(&t.footnotes);
                }
                self.bullets(&e.notes);
            }
            TableRef::FundsByFinancier => {
                if let Some(t) = &e.funds {
                    self.table(&tables::funds_table(t));
                    self.note(&t.note);
                }
            }
            TableRef::FundsShares => {
                if let Some(t) = &e.funds {
                    self.table(&tables::funds_share_table(t));
                }
            }
            TableRef::Financing => {
                if let Some(t) = &e.financing {
                    self.table(&tables::financing_table(t));
                    self.note(&t.note);
                    self.chart(ChartKind::Financing)?;
                }
            }
            TableRef::FinancingShares => {
                if let Some(t) = &e.financing {
                    self.table(&tables::financing_share_table(t));
                }
            }
            TableRef::Applications => {
                let a = &e.applications;
                if !a.items.is_empty() {
                    self.table(&tables::application_list(a));
                }
                if a.has_any() {
                    self.table(&tables::application_comparison(a));
                }
            }
            TableRef::CostReduction => {
                if let Some(t) = &e.cost_reduction {
                    self.table(&tables::cost_table(t));
                    self.note(&t.note);
                }
            }
            TableRef::PlanBudget => {
                if let Some(t) = &e.plan_budget {
                    self.table(&tables::plan_table(t));
                    self.footnotes(&t.footnotes);
                }
            }
            TableRef::Attendance => {
                let a = &ws.attendance;
                if !a.groups.is_empty() {
                    let lines: Vec<String> = tables::attendance_summary(a).into();
                    self.body.push_str("<div class=\"summary\">\n");
                    self.bullets(&lines);
                    self.body.push_str("</div>\n");
                    self.table(&tables::attendance_groups_table(a));
                    self.chart(ChartKind::NetworkAttendance)?;
                    self.chart(ChartKind::PksAttendance)?;
                    self.table(&tables::attendance_municipality_table(a));
                    self.chart(ChartKind::MunicipalityAttendance)?;
                }
                if !a.earlier.is_empty() {
                    self.table(&tables::attendance_history_table(a));
                }
            }
            TableRef::Courses => {
                let c = &ws.courses;
                if !c.periods.is_empty() {
                    self.table(&tables::course_period_table(c));
                }
                if !c.by_area.is_empty() {
                    self.table(&tables::course_area_table(c));
                }
                self.note(&c.note);
            }
            TableRef::Survey => {
                let s = &ws.survey;
                if !s.questions.is_empty() {
                    self.table(&tables::survey_table(s));
                    self.chart(ChartKind::Survey)?;
                }
                self.bullets(&s.reflections);
            }
        }
        Ok(())
    }

    fn research_items(&mut self, items: &[ResearchItem]) {
        if items.is_empty() {
            return;
        }
        self.body.push_str("<ul class=\"research\">\n");
        for it in items {
            self.body.push_str(&format!(
                "<li><strong>{}</strong>{}{}</li>\n",
                esc(&it.title),
                if it.description.trim().is_empty() {
                    ""
                } else {
                    " – "
                },
                esc(&it.description)
            ));
        }
        self.body.push_str("</ul>\n");
    }

    // ---------------------------------------------------- appendices

    fn appendices(&mut self) -> Result<(), ChartError> {
        self.chapter(
            "appendix",
            Some("Bilaga 1".into()),
            "Symbolförteckning för mätetal och aktiviteter",
        );
        self.heading3("Symbolförteckning för mätetal");
        self.body.push_str("<ul class=\"legend\">\n");
        for s in MeasureStatus::ALL {
            self.body.push_str(&format!(
                "<li><span class=\"symbol\">{}</span> {}</li>\n",
                s.symbol(),
                esc(s.legend())
            ));
        }
        self.body.push_str("</ul>\n");
        self.heading3("Trendpilar");
        self.body.push_str("<ul class=\"legend\">\n");
        for t in Trend::ALL {
            self.body.push_str(&format!(
                "<li><span class=\"symbol\">{}</span> {}</li>\n",
                t.symbol(),
                t.legend()
            ));
        }
        self.body.push_str("</ul>\n");
        self.heading3("Symbolförteckning för aktiviteter");
        let states: Vec<String> = ActivityState::ALL
            .iter()
            .map(|s| activity_legend(*s))
            .collect();
        self.bullets(&states);
        self.end_chapter();

        let c = &self.ws.courses;
        if !c.by_participant.is_empty() {
            let period = if c.participants_period.trim().is_empty() {
                self.ws.report.period.label()
            } else {
                c.participants_period.trim().to_string()
            };
            self.chapter(
                "appendix",
                Some("Bilaga 2".into()),
                &format!(
                    "Deltagande på kurser som arrangerats av Kurs och konferens under {period}"
                ),
            );
            self.table(&tables::participants_table(c));
            self.chart(ChartKind::CourseParticipants)?;
            self.end_chapter();
        }
        Ok(())
    }
}

/// "aktiviteten pågår enligt plan", "aktiviteten är klar" …
fn activity_legend(s: ActivityState) -> String {
    let name = s.name();
    if name.starts_with("pågår") {
        format!("aktiviteten {name}")
    } else {
        format!("aktiviteten är {name}")
    }
}

/// The section (goal, section) whose heading is the research list's.
fn research_section(ws: &Workspace, title: &str) -> Option<(usize, usize)> {
    let wanted = normalise(title);
    ws.goals.iter().enumerate().find_map(|(gi, g)| {
        g.sections
            .iter()
            .position(|s| normalise(&s.title) == wanted)
            .map(|si| (gi, si))
    })
}

fn normalise(s: &str) -> String {
    s.trim().trim_end_matches('.').to_lowercase()
}

fn has_staff(s: &Staff) -> bool {
    !s.rows.is_empty() || !s.text.trim().is_empty() || !s.by_activity.is_empty()
}

/// "Kommunal utveckling" of "Kommunal utveckling Jönköpings län".
fn short_organisation(org: &str) -> &str {
    org.strip_suffix(" Jönköpings län").unwrap_or(org).trim()
}

fn count_word(n: usize) -> String {
    const WORDS: [&str; 13] = [
        "noll", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva",
        "tolv",
    ];
    WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| w.to_string())
}

fn numbered(number: &str, title: &str) -> String {
    if number.is_empty() {
        esc(title)
    } else {
        format!("<span class=\"no\">{}</span>{}", esc(number), esc(title))
    }
}

/// Text for HTML: `&`, `<`, `>` and quotes escaped.
pub fn esc(s: &str) -> String {
    charts::xml_escape(s)
}

/// Running text: paragraphs at blank lines, line breaks kept.
fn paragraphs(text: &str) -> String {
    let mut out = String::new();
    for p in text.replace("\r\n", "\n").split("\n\n") {
        let p = p.trim();
        if !p.is_empty() {
            out.push_str(&format!("<p>{}</p>\n", esc(p).replace('\n', "<br>")));
        }
    }
    out
}

fn list(tag: &str, items: &[String]) -> String {
    let items: Vec<&String> = items.iter().filter(|i| !i.trim().is_empty()).collect();
    if items.is_empty() {
        return String::new();
    }
    let mut out = format!("<{tag}>\n");
    for i in items {
        out.push_str(&format!("<li>{}</li>\n", esc(i.trim())));
    }
    out.push_str(&format!("</{tag}>\n"));
    out
}

/// Tables of at most this many rows are kept on one page.
const SHORT_TABLE_ROWS: usize = 15;

/// A printed table: caption, header, rows; numbers (and their headers)
/// right-aligned, sum rows marked. A short table is kept on one page, a
/// table of few columns is only as wide as it needs.
fn table_html(t: &Table) -> String {
    let mut classes = vec!["report"];
    if t.rows.len() <= SHORT_TABLE_ROWS {
        classes.push("short");
    }
    if t.headers.len() <= 4 {
        classes.push("narrow");
    }
    let numeric = |col: usize| {
        t.rows
            .iter()
            .filter_map(|r| r.cells.get(col))
            .any(|c| matches!(c.value, Value::Number(..)))
    };
    let mut out = format!(
        "<table class=\"{}\" id=\"{}\">\n<caption>{}</caption>\n<thead><tr>",
        classes.join(" "),
        esc(&t.id),
        esc(&t.title)
    );
    for (i, h) in t.headers.iter().enumerate() {
        let class = if numeric(i) { " class=\"num\"" } else { "" };
        out.push_str(&format!("<th{class}>{}</th>", esc(h)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &t.rows {
        let class = match row.kind {
            RowKind::Data => "",
            RowKind::Sum => " class=\"sum\"",
            RowKind::Extra => " class=\"extra\"",
        };
        out.push_str(&format!("<tr{class}>"));
        for c in &row.cells {
            let num = matches!(c.value, Value::Number(..));
            out.push_str(&format!(
                "<td{}>{}</td>",
                if num { " class=\"num\"" } else { "" },
                esc(&c.display())
            ));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

/// DejaVu Sans, regular and bold, as data URLs: the body text and the
/// charts' SVG text (whose `font-family` names DejaVu Sans, see
/// `charts::theme::FAMILY`) use the very font the charts were measured with.
fn font_faces() -> String {
    let b64 = base64::engine::general_purpose::STANDARD;
    let face = |weight: &str, bytes: &[u8]| {
        format!(
            "@font-face {{ font-family: 'DejaVu Sans'; font-weight: {weight}; \
             src: url(data:font/ttf;base64,{}) format('truetype'); }}\n",
            b64.encode(bytes)
        )
    };
    face("normal", crate::fonts::DEJAVU_SANS) + &face("bold", crate::fonts::DEJAVU_SANS_BOLD)
}

/// Screen and print layout. A4 pages with page numbers; every chapter on a
/// new page; headings kept with what follows; rows and charts not split.
const STYLE: &str = r#"
:root { --text: #1a1a1a; --muted: #4d4d4d; --rule: #bfbfbf; --head: #1f4e79; --band: #eef3f8; }
html { font-family: 'DejaVu Sans', Verdana, Arial, sans-serif; font-size: 10pt; color: var(--text); line-height: 1.45; }
body { margin: 0 auto; max-width: 180mm; padding: 12mm; background: #fff; }
h1 { font-size: 18pt; color: var(--head); margin: 0 0 6mm; line-height: 1.2; }
h2 { font-size: 13pt; color: var(--head); margin: 8mm 0 3mm; line-height: 1.25; }
h3 { font-size: 11pt; margin: 5mm 0 2mm; }
h1, h2, h3, caption { break-after: avoid; page-break-after: avoid; }
.no { display: inline-block; min-width: 2.2em; margin-right: 0.4em; }
p { margin: 0 0 3mm; }
ul, ol { margin: 0 0 3mm; padding-left: 6mm; }
li { margin-bottom: 1mm; }
section.title-page { min-height: 240mm; display: flex; flex-direction: column; justify-content: center; }
section.title-page .organisation { font-weight: bold; letter-spacing: 0.08em; color: var(--head); margin-bottom: 20mm; }
section.title-page h1 { font-size: 28pt; margin-bottom: 4mm; }
section.title-page .period { font-size: 13pt; color: var(--muted); margin-bottom: 16mm; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 6mm; margin: 0 0 10mm; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.data-notes { font-size: 8.5pt; color: var(--muted); border-top: 0.5pt solid var(--rule); padding-top: 3mm; }
nav.contents ol { list-style: none; padding: 0; }
nav.contents li.level-2 { padding-left: 8mm; font-size: 9.5pt; }
nav.contents a { color: inherit; text-decoration: none; }
section.chapter, section.appendix, nav.contents { break-before: page; page-break-before: always; }
table.report { border-collapse: collapse; width: 100%; margin: 2mm 0 5mm; font-size: 8.5pt; }
table.report caption { caption-side: top; text-align: left; font-weight: bold; font-size: 9.5pt; padding-bottom: 1.5mm; }
table.report.short { break-inside: avoid; page-break-inside: avoid; }
table.report.narrow { width: auto; min-width: 55%; }
table.report th { background: var(--head); color: #fff; text-align: left; vertical-align: bottom; padding: 1.2mm 1.5mm; font-weight: bold; }
table.report td { border-bottom: 0.5pt solid var(--rule); padding: 1mm 1.5mm; vertical-align: top; }
table.report th.num { text-align: right; }
table.report td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.report tr.sum td { font-weight: bold; border-top: 1pt solid var(--text); background: var(--band); }
table.report tr.extra td { font-style: italic; }
thead { display: table-header-group; }
tr, figure.chart, .summary, ul.legend { break-inside: avoid; page-break-inside: avoid; }
p.note { font-size: 8pt; color: var(--muted); margin-top: -3mm; }
.summary ul { list-style: none; padding: 2mm 3mm; background: var(--band); }
figure.chart { margin: 3mm 0 6mm; }
figure.chart svg { display: block; width: 100%; height: auto; }
ul.legend { list-style: none; padding-left: 0; }
ul.legend .symbol { display: inline-block; width: 1.6em; text-align: center; font-size: 12pt; }
ul.research li { margin-bottom: 2mm; }
@page { size: A4; margin: 20mm 18mm 18mm 18mm; @bottom-center { content: counter(page); font-family: 'DejaVu Sans', sans-serif; font-size: 8pt; color: #4d4d4d; } }
@page :first { @bottom-center { content: none; } }
@media print { body { max-width: none; padding: 0; } }
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_split_into_paragraphs() {
        assert_eq!(
            paragraphs("a < b & c\nrad två\n\n\n  ny \"del\" "),
            "<p>a &lt; b &amp; c<br>rad två</p>\n<p>ny &quot;del&quot;</p>\n"
        );
        assert_eq!(
            list("ul", &["".into(), " x ".into()]),
            "<ul>\n<li>x</li>\n</ul>\n"
        );
        assert_eq!(list("ul", &[]), "");
    }

    #[test]
    fn activity_wording_follows_bilaga_1() {
        assert_eq!(
            activity_legend(ActivityState::PagarEnligtPlan),
            "aktiviteten pågår enligt plan"
        );
        assert_eq!(activity_legend(ActivityState::Klar), "aktiviteten är klar");
        assert_eq!(
            activity_legend(ActivityState::EjPaborjad),
            "aktiviteten är ej påbörjad"
        );
    }

    #[test]
    fn counts_are_written_as_words_up_to_twelve() {
        assert_eq!(count_word(6), "sex");
        assert_eq!(count_word(13), "13");
    }
}
