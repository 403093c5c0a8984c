//! Consistency checks: everything in a workspace that does not add up, is
//! missing or lies outside its bounds, as a list of findings that `tertial
//! check` prints and the editor's Kontroll part shows.
//!
//! A *problem* makes `tertial check` exit 1. A *note* is information that
//! does not by itself fail the check: a computed cell the author typed
//! over (with the formula value), a mätetal without a target, or several
//! meetings of one group on one date.

use std::collections::BTreeMap;
use std::fmt;

use rust_decimal::Decimal;

use super::figures;
use super::model::*;
use super::numbers::{format_amount, format_fte};
use super::tables::{self, Format, PrintedTable, RowKind, Value};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Something that does not add up: `tertial check` exits 1.
    Problem,
    /// Information the author should see; does not fail the check.
    Note,
}

/// The part of the report a finding belongs to (the editor's navigation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The report's facts.
    Rapport,
    /// Fokusområden och 3 K.
    Fokus,
    /// A strategic goal, by index.
    Goal(usize),
    /// The staff part.
    Medarbetare,
    /// The economy tables.
    Ekonomi,
    /// Attendance.
    Narvaro,
    /// Courses and participants.
    Kompetens,
    /// The survey.
    Enkat,
    /// Research.
    Forskning,
}

impl Part {
    /// The part's name as Kontroll and `tertial check` print it.
    pub fn name(self) -> String {
        match self {
            Part::Rapport => "Rapport".into(),
            Part::Fokus => "Fokusområden och 3 K".into(),
            Part::Goal(i) => format!("Strategiskt mål {}", i + 1),
            Part::Medarbetare => "Medarbetare".into(),
            Part::Ekonomi => "Ekonomi".into(),
            Part::Narvaro => "Närvaro".into(),
            Part::Kompetens => "Kompetens".into(),
            Part::Enkat => "Enkät".into(),
            Part::Forskning => "Forskning".into(),
        }
    }
}

/// An economy table a finding points into (each is edited on its own page
/// of the Ekonomi part).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EconomyTable {
    /// Tabell 1 Budgetuppföljning.
    Budget,
    /// Tabell 2a Disponibla medel.
    Funds,
    /// Tabell 2b Disponibla medel, andel (the rows of Tabell 2a).
    FundsShares,
    /// Tabell 3a Finansiering.
    Financing,
    /// Tabell 3b Finansiering, andel (the rows of Tabell 3a).
    FinancingShares,
    /// The list of applications.
    Applications,
    /// The applications compared with earlier periods (their totals).
    ApplicationComparison,
    /// Kostnadsreducering.
    CostReduction,
    /// The plan's budget.
    PlanBudget,
}

/// Where a finding points, by index and table: what the editor needs to
/// show it, never a title or other text. The part of the report follows
/// from it ([`Location::part`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    /// The report's facts (the period).
    Report,
    /// A strategic goal as a whole (its title).
    Goal {
        /// Index in `ws.goals`.
        goal: usize,
    },
    /// A row of a goal section's mätetal table.
    Measure {
        /// Index in `ws.goals`.
        goal: usize,
        /// Index of the section in the goal.
        section: usize,
        /// Index of the mätetal in the section.
        row: usize,
    },
    /// A row of a goal section's activity table.
    Activity {
        /// Index in `ws.goals`.
        goal: usize,
        /// Index of the section in the goal.
        section: usize,
        /// Index of the activity in the section.
        row: usize,
    },
    /// The staff part: a row of the staff table (`ws.staff.rows`), or the
    /// part as a whole (financing, staff per activity).
    Staff {
        /// Index in `ws.staff.rows`, where one row is meant.
        row: Option<usize>,
    },
    /// An economy table, and a row of it where one is meant.
    Economy {
        /// Which table.
        table: EconomyTable,
        /// Index of the row in the table's own rows (the sum row and the
        /// rows after it are `None`).
        row: Option<usize>,
    },
    /// An attendance group: a row of the groups table.
    AttendanceGroup {
        /// Index in `ws.attendance.groups`.
        group: usize,
    },
    /// Attendance as a whole (the common target, the municipalities'
    /// earlier values, the comparison with earlier periods).
    Attendance,
    /// Courses and participants.
    Courses,
    /// The survey: a question, or the survey as a whole.
    Survey {
        /// Index in `ws.survey.questions`, where one question is meant.
        question: Option<usize>,
    },
}

impl Location {
    /// The part of the report the location is in.
    pub fn part(self) -> Part {
        match self {
            Location::Report => Part::Rapport,
            Location::Goal { goal }
            | Location::Measure { goal, .. }
            | Location::Activity { goal, .. } => Part::Goal(goal),
            Location::Staff { .. } => Part::Medarbetare,
            Location::Economy { .. } => Part::Ekonomi,
            Location::AttendanceGroup { .. } | Location::Attendance => Part::Narvaro,
            Location::Courses => Part::Kompetens,
            Location::Survey { .. } => Part::Enkat,
        }
    }
}

/// One thing `check` found.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// A problem (fails `tertial check`) or a note.
    pub severity: Severity,
    /// Where it is, for navigation.
    pub location: Location,
    /// Where in the part: table, row and column, in words (for reading,
    /// never for navigation).
    pub place: String,
    /// What is wrong, in Swedish.
    pub message: String,
}

impl Finding {
    /// The part of the report the finding belongs to.
    pub fn part(&self) -> Part {
        self.location.part()
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Problem => "Problem",
            Severity::Note => "Notering",
        };
        write!(
            f,
            "{kind}: {} – {}: {}",
            self.part().name(),
            self.place,
            self.message
        )
    }
}

struct Findings(Vec<Finding>);

impl Findings {
    fn push(
        &mut self,
        severity: Severity,
        location: Location,
        place: impl Into<String>,
        message: impl Into<String>,
    ) {
        self.0.push(Finding {
            severity,
            location,
            place: place.into(),
            message: message.into(),
        });
    }
    fn problem(
        &mut self,
        location: Location,
        place: impl Into<String>,
        message: impl Into<String>,
    ) {
        self.push(Severity::Problem, location, place, message);
    }
    fn note(&mut self, location: Location, place: impl Into<String>, message: impl Into<String>) {
        self.push(Severity::Note, location, place, message);
    }
}

/// Everything inconsistent in the workspace, problems first.
pub fn check(ws: &Workspace) -> Vec<Finding> {
    let mut f = Findings(Vec::new());
    if let Err(reason) = ws.report.period.validate() {
        f.problem(Location::Report, "Period", reason);
    }
    check_staff(ws, &mut f);
    check_goals(ws, &mut f);
    check_economy(ws, &mut f);
    check_attendance(ws, &mut f);
    check_courses(ws, &mut f);
    check_survey(ws, &mut f);
    check_tables(ws, &mut f);
    check_overrides(ws, &mut f);
    let mut out = f.0;
    out.sort_by_key(|x| x.severity);
    out
}

/// Whether a check result has any problem (the CLI's exit status).
pub fn has_problems(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Problem)
}

fn check_staff(ws: &Workspace, f: &mut Findings) {
    let s = &ws.staff;
    let fig = figures::staff(s);
    for (i, r) in s.rows.iter().enumerate() {
        for (name, v) in [
            ("Tjänsteköp", r.tjanstekop),
            ("Tillsvidare", r.tillsvidare),
            ("Visstid", r.visstid),
        ] {
            if v.is_some_and(|v| v < Decimal::ZERO) {
                f.problem(
                    Location::Staff { row: Some(i) },
                    format!("{}, {name}", r.period),
                    "negativt antal årsarbetare",
                );
            }
        }
    }
    if let (Some(total), Some(fin)) = (fig.current_total, fig.financing_total)
        && total != fin
    {
        f.problem(
            Location::Staff { row: None },
            "Finansiering av medarbetare",
            format!(
                "kommunernas {} och externa {} årsarbetare blir {}, men Summa för perioden är {}",
                s.financing
                    .municipal_fte
                    .map(format_fte)
                    .unwrap_or_default(),
                s.financing.external_fte.map(format_fte).unwrap_or_default(),
                format_fte(fin),
                format_fte(total)
            ),
        );
    }
    if let (Some(total), Some(act)) = (fig.current_total, fig.by_activity_total)
        && total != act
    {
        f.problem(
            Location::Staff { row: None },
            "Årsarbetare per verksamhet",
            format!(
                "summan {} skiljer sig från periodens Summa {}",
                format_fte(act),
                format_fte(total)
            ),
        );
    }
}

fn check_goals(ws: &Workspace, f: &mut Findings) {
    for (gi, goal) in ws.goals.iter().enumerate() {
        if goal.title.trim().is_empty() {
            f.problem(Location::Goal { goal: gi }, "Rubrik", "målet saknar rubrik");
        }
        for (si, section) in goal.sections.iter().enumerate() {
            let number = figures::section_number(ws, gi, si);
            for (mi, m) in section.measures.iter().enumerate() {
                let place = format!("{number} mätetal \"{}\"", m.name);
                let here = Location::Measure {
                    goal: gi,
                    section: si,
                    row: mi,
                };
                if m.result.is_none() {
                    f.problem(here, place.clone(), "mätetalet saknar resultat");
                }
                if m.target.is_none() {
                    f.note(
                        here,
                        place.clone(),
                        "mätetalet saknar målvärde, så ingen status kan beräknas",
                    );
                }
                if m.kind == ValueKind::Procent {
                    for (what, v) in [("målvärdet", m.target), ("resultatet", m.result)] {
                        if v.is_some_and(|v| v > Decimal::ONE_HUNDRED || v < Decimal::ZERO) {
                            f.problem(
                                here,
                                place.clone(),
                                format!("{what} ligger utanför 0–100 %"),
                            );
                        }
                    }
                }
            }
        }
    }
}

fn check_economy(ws: &Workspace, f: &mut Findings) {
    let e = &ws.economy;
    if let Some(t) = &e.budget {
        let fig = figures::budget(t);
        for (i, (r, rf)) in t.rows.iter().zip(&fig.rows).enumerate() {
            if let (Some(fond), Some(kvar)) = (r.fonderade, rf.kvarvarande.shown)
                && fond > kvar
            {
                f.problem(
                    Location::Economy {
                        table: EconomyTable::Budget,
                        row: Some(i),
                    },
                    format!("Tabell 1, {}", r.area),
                    format!(
                        "varav fonderade ({}) är större än kvarvarande ({})",
                        format_amount(fond),
                        format_amount(kvar)
                    ),
                );
            }
        }
    }
    if let Some(t) = &e.funds {
        for (i, r) in t.rows.iter().enumerate() {
            if let (Some(fond), Some(stat)) = (r.fonderade, r.staten)
                && fond > stat
            {
                f.problem(
                    Location::Economy {
                        table: EconomyTable::Funds,
                        row: Some(i),
                    },
                    format!("Tabell 2a, {}", r.area),
                    "fonderade statliga medel är större än tillförda medel från staten",
                );
            }
            if r.fonderade.is_some() && r.staten.is_none() {
                f.problem(
                    Location::Economy {
                        table: EconomyTable::Funds,
                        row: Some(i),
                    },
                    format!("Tabell 2a, {}", r.area),
                    "fonderade statliga medel utan tillförda medel från staten",
                );
            }
        }
    }
    let a = &e.applications;
    for (i, app) in a.items.iter().enumerate() {
        let place = format!("Ansökan \"{}\"", app.name);
        let here = Location::Economy {
            table: EconomyTable::Applications,
            row: Some(i),
        };
        match app.decision {
            Decision::Granted if app.granted.is_none() => {
                f.problem(here, place.clone(), "beviljad men utan beviljat belopp");
            }
            Decision::Rejected | Decision::Pending if app.granted.is_some_and(|g| !g.is_zero()) => {
                f.problem(
                    here,
                    place.clone(),
                    "har ett beviljat belopp men är inte beviljad",
                );
            }
            _ => {}
        }
        if let (Some(g), Some(s)) = (app.granted, app.sought)
            && g > s
        {
            f.problem(
                here,
                place.clone(),
                "beviljat belopp är större än sökt belopp",
            );
        }
        if app.sought.is_none() {
            f.problem(here, place, "sökt belopp saknas");
        }
    }
    if let Some(entered) = &a.entered_totals
        && !a.items.is_empty()
    {
        let computed = figures::application_totals(a);
        if computed.sent != entered.sent
            || computed.granted != entered.granted
            || computed.sought_kronor != entered.sought_kronor
            || computed.granted_kronor != entered.granted_kronor
        {
            f.problem(
                Location::Economy {
                    table: EconomyTable::Applications,
                    row: None,
                },
                "Ansökningar",
                "de inskrivna summorna stämmer inte med de listade ansökningarna",
            );
        }
    }
    for t in a.earlier.iter().chain(a.entered_totals.iter()) {
        if let (Some(g), Some(s)) = (t.granted, t.sent)
            && g > s
        {
            f.problem(
                Location::Economy {
                    table: EconomyTable::ApplicationComparison,
                    row: None,
                },
                format!("Ansökningar {}", t.period),
                "fler beviljade än inskickade ansökningar",
            );
        }
        if let (Some(g), Some(s)) = (t.granted_kronor, t.sought_kronor)
            && g > s
        {
            f.problem(
                Location::Economy {
                    table: EconomyTable::ApplicationComparison,
                    row: None,
                },
                format!("Ansökningar {}", t.period),
                "mer beviljade än sökta kronor",
            );
        }
    }
    if let Some(t) = &e.cost_reduction {
        for (i, r) in t.rows.iter().enumerate() {
            if let (Some(int), Some(ext)) = (r.cost_internal, r.cost_external)
                && int > ext
            {
                f.problem(
                    Location::Economy {
                        table: EconomyTable::CostReduction,
                        row: Some(i),
                    },
                    format!("Kostnadsreducering, {}", r.course),
                    "kursen kostar mer via Kommunal utveckling än via extern kurssamordnare",
                );
            }
        }
    }
}

/// Whether `s` has the shape `YYYY-MM-DD`: four, two and two ASCII digits
/// (no sign, no spaces) between two hyphens.
fn has_date_shape(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// `YYYY-MM-DD`, digits only, with a real year (0001–9999), month and day.
/// `2020-+3-+5` and `0000-01-01` are not dates. The shape is checked
/// first (jiff also reads other ISO 8601 forms, such as `+002020-03-05`);
/// jiff reads the date and knows the calendar.
pub fn is_iso_date(s: &str) -> bool {
    has_date_shape(s) && s.parse::<jiff::civil::Date>().is_ok_and(|d| d.year() >= 1)
}

/// Why a meeting's date text is not a date, in Swedish; `None` for a date.
fn date_problem(s: &str) -> Option<&'static str> {
    if !has_date_shape(s) {
        Some("datumet ska skrivas ÅÅÅÅ-MM-DD")
    } else if !is_iso_date(s) {
        Some(
            "datumet finns inte i kalendern (år 0001–9999, månad 01–12 och en dag som finns i månaden)",
        )
    } else {
        None
    }
}

/// A group name as the attendance import matches it: letters in NFC,
/// lower case, whitespace collapsed.
pub fn name_key(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfc()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn percent_out_of_bounds(v: Option<Decimal>) -> bool {
    v.is_some_and(|v| v < Decimal::ZERO || v > Decimal::ONE_HUNDRED)
}

fn check_attendance(ws: &Workspace, f: &mut Findings) {
    let a = &ws.attendance;
    let (start, end) = (ws.report.period.start_date(), ws.report.period.end_date());
    let keys: Vec<String> = a.groups.iter().map(|g| name_key(&g.name)).collect();
    for (gi, g) in a.groups.iter().enumerate() {
        let members = figures::group_members(g);
        let here = Location::AttendanceGroup { group: gi };
        if g.meetings.is_empty() && g.entered.is_none() {
            f.problem(
                here,
                g.name.clone(),
                "inga registrerade träffar och inga inskrivna medelvärden",
            );
        }
        for (mi, m) in g.meetings.iter().enumerate() {
            let place = format!("{}, träff {} ({})", g.name, mi + 1, m.date);
            if let Some(problem) = date_problem(&m.date) {
                f.problem(here, place.clone(), problem);
            } else if m.date.as_str() < start.as_str() || m.date.as_str() > end.as_str() {
                f.problem(
                    here,
                    place.clone(),
                    format!("datumet ligger utanför perioden {start} – {end}"),
                );
            }
            for p in &m.present {
                if !members.contains(p) {
                    f.problem(
                        here,
                        place.clone(),
                        format!("{} är närvarande men ingår inte i gruppen", p.name()),
                    );
                }
            }
            let mut seen = m.present.clone();
            seen.sort();
            seen.dedup();
            if seen.len() != m.present.len() {
                f.problem(
                    here,
                    place.clone(),
                    "samma kommun är registrerad två gånger",
                );
            }
            if m.regional_present > g.regional_members {
                f.problem(
                    here,
                    place,
                    format!(
                        "{} regionala representanter närvarande men gruppen har {}",
                        m.regional_present, g.regional_members
                    ),
                );
            }
        }
        // One finding per date, however many meetings share it. A note,
        // not a problem: two sessions on one day can be real; the author
        // should still look, as a re-import would see them as one.
        let mut per_date: BTreeMap<&str, usize> = BTreeMap::new();
        for m in &g.meetings {
            let n = per_date.entry(m.date.as_str()).or_default();
            *n = n.saturating_add(1);
        }
        for (date, n) in per_date {
            if n > 1 {
                f.note(
                    here,
                    format!("{}, {date}", g.name),
                    format!(
                        "{n} träffar samma dag räknas var för sig; kontrollera att de inte är \
                         dubbletter (importen ser dem som en träff)"
                    ),
                );
            }
        }
        if let Some(first) = keys[..gi].iter().position(|k| *k == keys[gi]) {
            f.problem(
                here,
                g.name.clone(),
                format!(
                    "grupp {} heter likadant; grupper med samma namn går inte att skilja åt \
                     i rapporten eller vid import",
                    first + 1
                ),
            );
        }
        if let Some(e) = &g.entered {
            // Checked: counts near u32::MAX must not wrap round to a sum
            // that happens to match (a release build would not panic).
            let forms = e
                .fysiskt
                .checked_add(e.digitalt)
                .and_then(|s| s.checked_add(e.kombination));
            if forms.is_none() {
                f.problem(
                    here,
                    g.name.clone(),
                    "träffarnas former är fler än som går att räkna",
                );
            } else if forms != Some(e.meetings) && forms != Some(0) {
                f.problem(
                    here,
                    g.name.clone(),
                    "träffarnas former blir inte lika många som träffarna",
                );
            }
            if [e.total, e.municipalities, e.region]
                .into_iter()
                .any(percent_out_of_bounds)
            {
                f.problem(
                    here,
                    g.name.clone(),
                    "ett inskrivet medelvärde ligger utanför 0–100 %",
                );
            }
        }
        if percent_out_of_bounds(g.earlier) || percent_out_of_bounds(g.target) {
            f.problem(
                here,
                g.name.clone(),
                "målvärde eller föregående års värde ligger utanför 0–100 %",
            );
        }
    }
    for (m, v) in &a.municipality_earlier {
        if percent_out_of_bounds(Some(*v)) {
            f.problem(
                Location::Attendance,
                format!("{} föregående år", m.name()),
                "värdet ligger utanför 0–100 %",
            );
        }
    }
    if percent_out_of_bounds(Some(a.target)) {
        f.problem(
            Location::Attendance,
            "Målvärde",
            "målvärdet ligger utanför 0–100 %",
        );
    }
    if percent_out_of_bounds(a.women_share) {
        f.problem(
            Location::Attendance,
            "Kvinnor bland de närvarande vid PKS",
            "andelen ligger utanför 0–100 % (meningen om könsfördelningen skrivs inte ut)",
        );
    }
}

fn check_courses(ws: &Workspace, f: &mut Findings) {
    let c = &ws.courses;
    let fig = figures::courses(c);
    if let (Some(total), Some(current)) = (fig.participants_total, fig.current_participants)
        && total != current
    {
        f.problem(
            Location::Courses,
            "Bilaga 2",
            format!(
                "deltagarna per kommun blir {} men periodens antal deltagare är {}",
                format_amount(total),
                format_amount(current)
            ),
        );
    }
    if let (Some(total), Some(current)) = (fig.by_area_total, fig.current_courses)
        && total != current
    {
        f.problem(
            Location::Courses,
            "Kurser per verksamhetsområde",
            format!(
                "kurserna per område blir {} men periodens antal kurser är {}",
                format_amount(total),
                format_amount(current)
            ),
        );
    }
}

fn check_survey(ws: &Workspace, f: &mut Findings) {
    let s = &ws.survey;
    let n = s.years.len();
    if !s.respondents.is_empty() && s.respondents.len() != n {
        f.problem(
            Location::Survey { question: None },
            "Antal svar",
            format!("{} värden men {} år", s.respondents.len(), n),
        );
    }
    for (qi, q) in s.questions.iter().enumerate() {
        let place = format!("Fråga \"{}\"", q.text);
        let here = Location::Survey { question: Some(qi) };
        if q.total.len() != n || (!q.pks.is_empty() && q.pks.len() != n) {
            f.problem(
                here,
                place.clone(),
                format!("antalet värden stämmer inte med de {n} åren"),
            );
        }
        if q.total
            .iter()
            .chain(&q.pks)
            .any(|v| percent_out_of_bounds(*v))
        {
            f.problem(here, place, "en andel ligger utanför 0–100 %");
        }
    }
}

/// Overrides kept for a column that is typed, not computed, in that row:
/// nothing reads them, so the value would never be shown. A hand-edited
/// file (or an older tool) can hold them; the author should know.
fn ignored_overrides<C: Ord + Copy>(
    overrides: &Overrides<C>,
    inputs: &[(C, &'static str)],
) -> Vec<&'static str> {
    inputs
        .iter()
        .filter(|(c, _)| overrides.contains_key(c))
        .map(|(_, name)| *name)
        .collect()
}

fn report_ignored(
    f: &mut Findings,
    table: EconomyTable,
    row: Option<usize>,
    place: String,
    names: Vec<&'static str>,
) {
    for name in names {
        f.problem(
            Location::Economy { table, row },
            place.clone(),
            format!(
                "ett överskrivet värde för {name} är sparat men visas aldrig: kolumnen skrivs \
                 in, den beräknas inte"
            ),
        );
    }
}

fn check_overrides(ws: &Workspace, f: &mut Findings) {
    let e = &ws.economy;
    if let Some(t) = &e.budget {
        let inputs = [
            (BudgetColumn::Ingaende, "Ingående medel"),
            (BudgetColumn::Erhallna, "Erhållna medel"),
            (BudgetColumn::Budget, "Budget"),
            (BudgetColumn::Utfall, "Utfall"),
            (BudgetColumn::Fonderade, "Varav fonderade"),
            (BudgetColumn::Prognos, "Prognos"),
        ];
        for (i, r) in t.rows.iter().enumerate() {
            let names = ignored_overrides(&r.overrides, &inputs);
            report_ignored(
                f,
                EconomyTable::Budget,
                Some(i),
                format!("Tabell 1, {}", r.area),
                names,
            );
        }
        for r in &t.after_sum {
            let names = ignored_overrides(&r.overrides, &inputs);
            report_ignored(
                f,
                EconomyTable::Budget,
                None,
                format!("Tabell 1, {}", r.area),
                names,
            );
        }
    }
    if let Some(t) = &e.funds {
        let inputs = [
            (FundsColumn::Previous, "Ingående medel"),
            (FundsColumn::Kommunerna, "Kommunerna"),
            (FundsColumn::Staten, "Staten"),
            (FundsColumn::Ovriga, "Övriga"),
            (FundsColumn::Fonderade, "Fonderade statliga medel"),
        ];
        for (i, r) in t.rows.iter().enumerate() {
            let names = ignored_overrides(&r.overrides, &inputs);
            report_ignored(
                f,
                EconomyTable::Funds,
                Some(i),
                format!("Tabell 2a, {}", r.area),
                names,
            );
        }
    }
    if let Some(t) = &e.financing {
        let inputs = [
            (FinancingColumn::Kommunerna, "Kommunerna"),
            (FinancingColumn::Staten, "Staten"),
            (FinancingColumn::Ovriga, "Övriga"),
        ];
        for (i, r) in t.rows.iter().enumerate() {
            let names = ignored_overrides(&r.overrides, &inputs);
            report_ignored(
                f,
                EconomyTable::Financing,
                Some(i),
                format!("Tabell 3a, {}", r.area),
                names,
            );
        }
    }
    if let Some(t) = &e.cost_reduction {
        // The sum row has no "per deltagare" cell.
        let names = ignored_overrides(
            &t.sum_overrides,
            &[(
                CostColumn::PerParticipant,
                "Kostnadsreducering per deltagare",
            )],
        );
        report_ignored(
            f,
            EconomyTable::CostReduction,
            None,
            "Kostnadsreducering, Summa".into(),
            names,
        );
    }
    if let Some(t) = &e.plan_budget {
        let inputs = [
            (PlanColumn::Ingaende, "Ingående medel"),
            (PlanColumn::Forvantade, "Förväntade/beviljade medel"),
            (PlanColumn::Budget, "Budget"),
        ];
        for (i, r) in t.rows.iter().enumerate() {
            let names = ignored_overrides(&r.overrides, &inputs);
            report_ignored(
                f,
                EconomyTable::PlanBudget,
                Some(i),
                format!("Budget {}, {}", t.year, r.area),
                names,
            );
        }
    }
}

/// Where a cell of a printed table is edited: `row` is the cell's data row
/// (sum rows are `None`).
fn table_location(table: PrintedTable, row: Option<usize>, ws: &Workspace) -> Location {
    use PrintedTable as T;
    let economy = |table| Location::Economy { table, row };
    match table {
        T::Staff => Location::Staff { row },
        T::StaffFinancing => Location::Staff { row: None },
        T::Measures { goal, section } => match row {
            Some(row) => Location::Measure { goal, section, row },
            None => Location::Goal { goal },
        },
        T::Activities { goal, section } => match row {
            Some(row) => Location::Activity { goal, section, row },
            None => Location::Goal { goal },
        },
        T::CostReduction => economy(EconomyTable::CostReduction),
        T::ApplicationList => economy(EconomyTable::Applications),
        T::ApplicationComparison => economy(EconomyTable::ApplicationComparison),
        // Tabell 1's data rows after its sum are `after_sum`, not `rows`.
        T::Budget => Location::Economy {
            table: EconomyTable::Budget,
            row: row.filter(|r| {
                ws.economy
                    .budget
                    .as_ref()
                    .is_some_and(|b| *r < b.rows.len())
            }),
        },
        T::Funds => economy(EconomyTable::Funds),
        T::FundsShares => economy(EconomyTable::FundsShares),
        T::Financing => economy(EconomyTable::Financing),
        T::FinancingShares => economy(EconomyTable::FinancingShares),
        T::PlanBudget => economy(EconomyTable::PlanBudget),
        T::AttendanceGroups => match row {
            Some(group) => Location::AttendanceGroup { group },
            None => Location::Attendance,
        },
        T::AttendanceMunicipalities | T::AttendanceHistory => Location::Attendance,
        T::CoursePeriods | T::Participants | T::CourseAreas => Location::Courses,
        // Its rows are per question and year group, not per question.
        T::Survey => Location::Survey { question: None },
    }
}

/// Overridden cells, and shares over 100 % anywhere in the printed tables.
fn check_tables(ws: &Workspace, f: &mut Findings) {
    for (which, t) in tables::located_tables(ws) {
        let mut data_row = 0usize;
        for row in &t.rows {
            let label = row.cells.first().map(|c| c.display()).unwrap_or_default();
            for (ci, cell) in row.cells.iter().enumerate() {
                let header = t.headers.get(ci).cloned().unwrap_or_default();
                let place = format!("{}, {}, {}", t.title, label, header);
                let index = (row.kind == RowKind::Data).then_some(data_row);
                let here = table_location(which, index, ws);
                if let Some(c) = &cell.computed
                    && c.differs
                {
                    let formula = if c.formula.is_empty() {
                        "ett tomt värde".to_string()
                    } else {
                        c.formula.clone()
                    };
                    let shown = cell.display();
                    let shown = if shown.is_empty() {
                        "tomt".to_string()
                    } else {
                        shown
                    };
                    f.note(
                        here,
                        place.clone(),
                        format!("överskrivet värde {shown}; formeln ger {formula}"),
                    );
                }
                if let Value::Number(Some(v), Format::Percent) = &cell.value
                    && (*v > Decimal::ONE_HUNDRED || *v < Decimal::ZERO)
                {
                    f.problem(
                        here,
                        place,
                        format!("andelen {} ligger utanför 0–100 %", cell.display()),
                    );
                }
            }
            if row.kind == RowKind::Data {
                data_row += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates() {
        assert!(is_iso_date("2020-02-29"));
        assert!(!is_iso_date("2019-02-29"));
        assert!(!is_iso_date("2020-13-01"));
        assert!(!is_iso_date("2020-1-01"));
        assert!(!is_iso_date("igår"));
        // Signs, spaces and year 0 are not dates.
        assert!(!is_iso_date("2020-+3-+5"));
        assert!(!is_iso_date("+020-03-05"));
        assert!(!is_iso_date("2020-03- 5"));
        assert!(!is_iso_date("0000-01-01"));
        assert!(is_iso_date("0001-01-01"));
        assert!(is_iso_date("9999-12-31"));
    }

    fn group(name: &str, dates: &[&str]) -> AttendanceGroup {
        AttendanceGroup {
            name: name.into(),
            meetings: dates
                .iter()
                .map(|d| Meeting {
                    date: (*d).into(),
                    ..Meeting::default()
                })
                .collect(),
            ..AttendanceGroup::default()
        }
    }

    fn lines(ws: &Workspace) -> Vec<String> {
        check(ws).iter().map(|f| f.to_string()).collect()
    }

    #[test]
    fn a_year_zero_date_is_invalid_not_outside_the_period() {
        let mut ws = Workspace::default();
        ws.attendance
            .groups
            .push(group("Nätverk X", &["0000-03-05", "2020-+3-+5"]));
        let text = lines(&ws);
        assert!(
            text.iter()
                .any(|t| t.contains("träff 1 (0000-03-05): datumet finns inte i kalendern")),
            "{text:#?}"
        );
        assert!(
            text.iter()
                .any(|t| t.contains("träff 2 (2020-+3-+5): datumet ska skrivas ÅÅÅÅ-MM-DD")),
            "{text:#?}"
        );
        assert!(
            !text.iter().any(|t| t.contains("utanför perioden")),
            "{text:#?}"
        );
    }

    #[test]
    fn meeting_form_counts_that_overflow_are_a_problem_not_a_wrap() {
        let mut ws = Workspace::default();
        let mut g = group("Nätverk X", &[]);
        // Wrapping, u32::MAX + 1 + 0 would be 0 = meetings: no finding.
        g.entered = Some(EnteredAverages {
            meetings: 0,
            fysiskt: u32::MAX,
            digitalt: 1,
            ..EnteredAverages::default()
        });
        ws.attendance.groups.push(g);
        let found = check(&ws);
        assert!(has_problems(&found));
        assert!(
            found
                .iter()
                .any(|x| x.message == "träffarnas former är fler än som går att räkna"),
            "{found:#?}"
        );
    }

    #[test]
    fn duplicate_group_names_are_flagged_also_in_other_case_space_and_nfd() {
        let mut ws = Workspace::default();
        for name in ["Nätverk X", "nätverk  x", "Na\u{308}tverk X", "Nätverk Y"] {
            let mut g = group(name, &[]);
            g.entered = Some(EnteredAverages::default());
            ws.attendance.groups.push(g);
        }
        let dup: Vec<Finding> = check(&ws)
            .into_iter()
            .filter(|f| f.message.contains("heter likadant"))
            .collect();
        assert_eq!(dup.len(), 2, "{dup:#?}");
        assert_eq!(dup[0].location, Location::AttendanceGroup { group: 1 });
        assert!(dup[0].message.starts_with("grupp 1 heter likadant"));
        assert_eq!(dup[1].location, Location::AttendanceGroup { group: 2 });
    }

    #[test]
    fn many_meetings_of_a_group_on_one_date_are_one_finding() {
        let mut ws = Workspace::default();
        ws.report.period = crate::domain::period::Period::Helar { year: 2020 };
        let mut dates = vec!["2020-03-05"; 3000];
        dates.push("2020-03-06");
        ws.attendance.groups.push(group("Nätverk X", &dates));
        let same: Vec<String> = lines(&ws)
            .into_iter()
            .filter(|t| t.contains("samma dag"))
            .collect();
        assert_eq!(same.len(), 1, "{same:#?}");
        assert!(
            same[0]
                .starts_with("Notering: Närvaro – Nätverk X, 2020-03-05: 3000 träffar samma dag"),
            "{same:#?}"
        );
    }

    #[test]
    fn overrides_on_typed_columns_are_flagged() {
        let mut ws = Workspace::default();
        ws.economy.budget = Some(BudgetFollowUp {
            rows: vec![BudgetRow {
                area: "FoUrum".into(),
                ingaende: Some(Decimal::ONE),
                overrides: [
                    (BudgetColumn::Ingaende, Override::Value(Decimal::TEN)),
                    (BudgetColumn::Kvarvarande, Override::Blank),
                ]
                .into(),
                ..BudgetRow::default()
            }],
            ..BudgetFollowUp::default()
        });
        ws.economy.cost_reduction = Some(CostReduction {
            sum_overrides: [(CostColumn::PerParticipant, Override::Blank)].into(),
            ..CostReduction::default()
        });
        let ignored: Vec<Finding> = check(&ws)
            .into_iter()
            .filter(|f| f.message.contains("visas aldrig"))
            .collect();
        assert_eq!(ignored.len(), 2, "{ignored:#?}");
        assert_eq!(ignored[0].place, "Tabell 1, FoUrum");
        assert_eq!(
            ignored[0].location,
            Location::Economy {
                table: EconomyTable::Budget,
                row: Some(0)
            }
        );
        assert!(
            ignored[0]
                .message
                .starts_with("ett överskrivet värde för Ingående medel"),
            "{ignored:#?}"
        );
        assert!(
            ignored[1]
                .message
                .contains("Kostnadsreducering per deltagare")
        );
        assert!(ignored.iter().all(|f| f.severity == Severity::Problem));
    }

    #[test]
    fn empty_workspace_is_clean() {
        assert!(check(&Workspace::default()).is_empty());
    }

    #[test]
    fn finds_a_staff_financing_mismatch_and_an_override() {
        let mut ws = Workspace::default();
        ws.staff.rows.push(StaffRow {
            period: "2020 - tertial 2".into(),
            tjanstekop: Some(Decimal::from(10)),
            overrides: [(StaffColumn::Summa, Override::Value(Decimal::from(11)))].into(),
            ..StaffRow::default()
        });
        ws.staff.financing.municipal_fte = Some(Decimal::from(5));
        ws.staff.financing.external_fte = Some(Decimal::from(5));
        let found = check(&ws);
        assert!(has_problems(&found));
        assert!(
            found
                .iter()
                .any(|x| x.message.contains("Summa för perioden är 11,00")),
            "{found:#?}"
        );
        assert!(
            found
                .iter()
                .any(|x| x.severity == Severity::Note && x.message.contains("formeln ger 10,00")),
            "{found:#?}"
        );
    }

    #[test]
    fn finds_attendance_problems() {
        let mut ws = Workspace::default();
        ws.attendance.groups.push(AttendanceGroup {
            name: "Nätverk X".into(),
            members: vec![super::super::Municipality::Aneby],
            meetings: vec![Meeting {
                date: "2021-01-01".into(),
                present: vec![super::super::Municipality::Habo],
                regional_present: 2,
                ..Meeting::default()
            }],
            ..AttendanceGroup::default()
        });
        let found = check(&ws);
        let text: Vec<String> = found.iter().map(|f| f.to_string()).collect();
        assert!(
            text.iter().any(|t| t.contains("utanför perioden")),
            "{text:#?}"
        );
        assert!(
            text.iter()
                .any(|t| t.contains("Habo är närvarande men ingår inte")),
            "{text:#?}"
        );
        assert!(
            text.iter().any(|t| t.contains("regionala representanter")),
            "{text:#?}"
        );
    }
}
