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
use super::tables::{self, Format, RowKind, Value};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Problem,
    Note,
}

/// The part of the report a finding belongs to (the editor's navigation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Rapport,
    Fokus,
    /// A strategic goal, by index.
    Goal(usize),
    Medarbetare,
    Ekonomi,
    Narvaro,
    Kompetens,
    Enkat,
    Forskning,
}

impl Part {
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

/// One thing `check` found.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub severity: Severity,
    pub part: Part,
    /// Where in the part: table, row and column, in words.
    pub place: String,
    /// What is wrong, in Swedish.
    pub message: String,
    /// Row index in the part's main list (in a goal: in its section's
    /// mätetal table), where it applies.
    pub row: Option<usize>,
    /// The section of a strategic goal, where it applies.
    pub section: Option<usize>,
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
            self.part.name(),
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
        part: Part,
        place: impl Into<String>,
        message: impl Into<String>,
        row: Option<usize>,
    ) {
        self.0.push(Finding {
            severity,
            part,
            place: place.into(),
            message: message.into(),
            row,
            section: None,
        });
    }
    fn problem(&mut self, part: Part, place: impl Into<String>, message: impl Into<String>) {
        self.push(Severity::Problem, part, place, message, None);
    }
    fn problem_at(
        &mut self,
        part: Part,
        row: usize,
        place: impl Into<String>,
        message: impl Into<String>,
    ) {
        self.push(Severity::Problem, part, place, message, Some(row));
    }
}

/// Everything inconsistent in the workspace, problems first.
pub fn check(ws: &Workspace) -> Vec<Finding> {
    let mut f = Findings(Vec::new());
    if let Err(reason) = ws.report.period.validate() {
        f.problem(Part::Rapport, "Period", reason);
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
                f.problem_at(
                    Part::Medarbetare,
                    i,
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
            Part::Medarbetare,
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
            Part::Medarbetare,
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
            f.problem(Part::Goal(gi), "Rubrik", "målet saknar rubrik");
        }
        for (si, section) in goal.sections.iter().enumerate() {
            let number = figures::section_number(&ws.report, gi, si);
            let first = f.0.len();
            for (mi, m) in section.measures.iter().enumerate() {
                let place = format!("{number} mätetal \"{}\"", m.name);
                if m.result.is_none() {
                    f.problem_at(
                        Part::Goal(gi),
                        mi,
                        place.clone(),
                        "mätetalet saknar resultat",
                    );
                }
                if m.target.is_none() {
                    f.push(
                        Severity::Note,
                        Part::Goal(gi),
                        place.clone(),
                        "mätetalet saknar målvärde, så ingen status kan beräknas",
                        Some(mi),
                    );
                }
                if m.kind == ValueKind::Procent {
                    for (what, v) in [("målvärdet", m.target), ("resultatet", m.result)] {
                        if v.is_some_and(|v| v > Decimal::ONE_HUNDRED || v < Decimal::ZERO) {
                            f.problem_at(
                                Part::Goal(gi),
                                mi,
                                place.clone(),
                                format!("{what} ligger utanför 0–100 %"),
                            );
                        }
                    }
                }
            }
            for x in &mut f.0[first..] {
                x.section = Some(si);
            }
        }
    }
}

/// The section of a goal a mätetal or activity table belongs to, from its
/// id (`matetal-2-2` is the second section).
fn table_section(id: &str) -> Option<usize> {
    let rest = id
        .strip_prefix("matetal-")
        .or_else(|| id.strip_prefix("aktiviteter-"))?;
    let n: usize = rest.split('-').nth(1)?.parse().ok()?;
    n.checked_sub(1)
}

fn check_economy(ws: &Workspace, f: &mut Findings) {
    let e = &ws.economy;
    if let Some(t) = &e.budget {
        let fig = figures::budget(t);
        for (i, (r, rf)) in t.rows.iter().zip(&fig.rows).enumerate() {
            if let (Some(fond), Some(kvar)) = (r.fonderade, rf.kvarvarande.shown)
                && fond > kvar
            {
                f.problem_at(
                    Part::Ekonomi,
                    i,
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
                f.problem_at(
                    Part::Ekonomi,
                    i,
                    format!("Tabell 2a, {}", r.area),
                    "fonderade statliga medel är större än tillförda medel från staten",
                );
            }
            if r.fonderade.is_some() && r.staten.is_none() {
                f.problem_at(
                    Part::Ekonomi,
                    i,
                    format!("Tabell 2a, {}", r.area),
                    "fonderade statliga medel utan tillförda medel från staten",
                );
            }
        }
    }
    let a = &e.applications;
    for (i, app) in a.items.iter().enumerate() {
        let place = format!("Ansökan \"{}\"", app.name);
        match app.decision {
            Decision::Granted if app.granted.is_none() => f.problem_at(
                Part::Ekonomi,
                i,
                place.clone(),
                "beviljad men utan beviljat belopp",
            ),
            Decision::Rejected | Decision::Pending if app.granted.is_some_and(|g| !g.is_zero()) => {
                f.problem_at(
                    Part::Ekonomi,
                    i,
                    place.clone(),
                    "har ett beviljat belopp men är inte beviljad",
                )
            }
            _ => {}
        }
        if let (Some(g), Some(s)) = (app.granted, app.sought)
            && g > s
        {
            f.problem_at(
                Part::Ekonomi,
                i,
                place.clone(),
                "beviljat belopp är större än sökt belopp",
            );
        }
        if app.sought.is_none() {
            f.problem_at(Part::Ekonomi, i, place, "sökt belopp saknas");
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
                Part::Ekonomi,
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
                Part::Ekonomi,
                format!("Ansökningar {}", t.period),
                "fler beviljade än inskickade ansökningar",
            );
        }
        if let (Some(g), Some(s)) = (t.granted_kronor, t.sought_kronor)
            && g > s
        {
            f.problem(
                Part::Ekonomi,
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
                f.problem_at(
                    Part::Ekonomi,
                    i,
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
/// `2020-+3-+5` and `0000-01-01` are not dates.
pub fn is_iso_date(s: &str) -> bool {
    if !has_date_shape(s) {
        return false;
    }
    // Only digits, so each part parses and fits.
    let (Ok(y), Ok(m), Ok(d)) = (
        s[0..4].parse::<i16>(),
        s[5..7].parse::<i8>(),
        s[8..10].parse::<i8>(),
    ) else {
        return false;
    };
    y >= 1 && jiff::civil::Date::new(y, m, d).is_ok()
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
        if g.meetings.is_empty() && g.entered.is_none() {
            f.problem_at(
                Part::Narvaro,
                gi,
                g.name.clone(),
                "inga registrerade träffar och inga inskrivna medelvärden",
            );
        }
        for (mi, m) in g.meetings.iter().enumerate() {
            let place = format!("{}, träff {} ({})", g.name, mi + 1, m.date);
            if let Some(problem) = date_problem(&m.date) {
                f.problem_at(Part::Narvaro, gi, place.clone(), problem);
            } else if m.date.as_str() < start.as_str() || m.date.as_str() > end.as_str() {
                f.problem_at(
                    Part::Narvaro,
                    gi,
                    place.clone(),
                    format!("datumet ligger utanför perioden {start} – {end}"),
                );
            }
            for p in &m.present {
                if !members.contains(p) {
                    f.problem_at(
                        Part::Narvaro,
                        gi,
                        place.clone(),
                        format!("{} är närvarande men ingår inte i gruppen", p.name()),
                    );
                }
            }
            let mut seen = m.present.clone();
            seen.sort();
            seen.dedup();
            if seen.len() != m.present.len() {
                f.problem_at(
                    Part::Narvaro,
                    gi,
                    place.clone(),
                    "samma kommun är registrerad två gånger",
                );
            }
            if m.regional_present > g.regional_members {
                f.problem_at(
                    Part::Narvaro,
                    gi,
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
            *per_date.entry(m.date.as_str()).or_default() += 1;
        }
        for (date, n) in per_date {
            if n > 1 {
                f.push(
                    Severity::Note,
                    Part::Narvaro,
                    format!("{}, {date}", g.name),
                    format!(
                        "{n} träffar samma dag räknas var för sig; kontrollera att de inte är \
                         dubbletter (importen ser dem som en träff)"
                    ),
                    Some(gi),
                );
            }
        }
        if let Some(first) = keys[..gi].iter().position(|k| *k == keys[gi]) {
            f.problem_at(
                Part::Narvaro,
                gi,
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
                f.problem_at(
                    Part::Narvaro,
                    gi,
                    g.name.clone(),
                    "träffarnas former är fler än som går att räkna",
                );
            } else if forms != Some(e.meetings) && forms != Some(0) {
                f.problem_at(
                    Part::Narvaro,
                    gi,
                    g.name.clone(),
                    "träffarnas former blir inte lika många som träffarna",
                );
            }
            if [e.total, e.municipalities, e.region]
                .into_iter()
                .any(percent_out_of_bounds)
            {
                f.problem_at(
                    Part::Narvaro,
                    gi,
                    g.name.clone(),
                    "ett inskrivet medelvärde ligger utanför 0–100 %",
                );
            }
        }
        if percent_out_of_bounds(g.earlier) || percent_out_of_bounds(g.target) {
            f.problem_at(
                Part::Narvaro,
                gi,
                g.name.clone(),
                "målvärde eller föregående års värde ligger utanför 0–100 %",
            );
        }
    }
    for (m, v) in &a.municipality_earlier {
        if percent_out_of_bounds(Some(*v)) {
            f.problem(
                Part::Narvaro,
                format!("{} föregående år", m.name()),
                "värdet ligger utanför 0–100 %",
            );
        }
    }
    if percent_out_of_bounds(Some(a.target)) {
        f.problem(
            Part::Narvaro,
            "Målvärde",
            "målvärdet ligger utanför 0–100 %",
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
            Part::Kompetens,
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
            Part::Kompetens,
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
            Part::Enkat,
            "Antal svar",
            format!("{} värden men {} år", s.respondents.len(), n),
        );
    }
    for (qi, q) in s.questions.iter().enumerate() {
        let place = format!("Fråga \"{}\"", q.text);
        if q.total.len() != n || (!q.pks.is_empty() && q.pks.len() != n) {
            f.problem_at(
                Part::Enkat,
                qi,
                place.clone(),
                format!("antalet värden stämmer inte med de {n} åren"),
            );
        }
        if q.total
            .iter()
            .chain(&q.pks)
            .any(|v| percent_out_of_bounds(*v))
        {
            f.problem_at(Part::Enkat, qi, place, "en andel ligger utanför 0–100 %");
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

fn report_ignored(f: &mut Findings, place: String, row: Option<usize>, names: Vec<&'static str>) {
    for name in names {
        f.push(
            Severity::Problem,
            Part::Ekonomi,
            place.clone(),
            format!(
                "ett överskrivet värde för {name} är sparat men visas aldrig: kolumnen skrivs \
                 in, den beräknas inte"
            ),
            row,
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
            report_ignored(f, format!("Tabell 1, {}", r.area), Some(i), names);
        }
        for r in &t.after_sum {
            let names = ignored_overrides(&r.overrides, &inputs);
            report_ignored(f, format!("Tabell 1, {}", r.area), None, names);
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
            report_ignored(f, format!("Tabell 2a, {}", r.area), Some(i), names);
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
            report_ignored(f, format!("Tabell 3a, {}", r.area), Some(i), names);
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
        report_ignored(f, "Kostnadsreducering, Summa".into(), None, names);
    }
    if let Some(t) = &e.plan_budget {
        let inputs = [
            (PlanColumn::Ingaende, "Ingående medel"),
            (PlanColumn::Forvantade, "Förväntade/beviljade medel"),
            (PlanColumn::Budget, "Budget"),
        ];
        for (i, r) in t.rows.iter().enumerate() {
            let names = ignored_overrides(&r.overrides, &inputs);
            report_ignored(f, format!("Budget {}, {}", t.year, r.area), Some(i), names);
        }
    }
}

fn table_part(id: &str, ws: &Workspace) -> Part {
    if let Some(rest) = id
        .strip_prefix("matetal-")
        .or_else(|| id.strip_prefix("aktiviteter-"))
    {
        let chapter: usize = rest
            .split('-')
            .next()
            .and_then(|c| c.parse().ok())
            .unwrap_or(0);
        return Part::Goal(chapter.saturating_sub(ws.report.first_goal_chapter as usize));
    }
    if id.starts_with("medarbetare") {
        Part::Medarbetare
    } else if id.starts_with("narvaro") {
        Part::Narvaro
    } else if id.starts_with("kurser") || id.starts_with("bilaga-2") {
        Part::Kompetens
    } else if id.starts_with("enkat") {
        Part::Enkat
    } else {
        Part::Ekonomi
    }
}

/// Overridden cells, and shares over 100 % anywhere in the printed tables.
fn check_tables(ws: &Workspace, f: &mut Findings) {
    for t in tables::all_tables(ws) {
        let part = table_part(&t.id, ws);
        let first = f.0.len();
        let mut data_row = 0usize;
        for row in &t.rows {
            let label = row.cells.first().map(|c| c.display()).unwrap_or_default();
            for (ci, cell) in row.cells.iter().enumerate() {
                let header = t.headers.get(ci).cloned().unwrap_or_default();
                let place = format!("{}, {}, {}", t.title, label, header);
                let index = (row.kind == RowKind::Data).then_some(data_row);
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
                    f.push(
                        Severity::Note,
                        part,
                        place.clone(),
                        format!("överskrivet värde {shown}; formeln ger {formula}"),
                        index,
                    );
                }
                if let Value::Number(Some(v), Format::Percent) = &cell.value
                    && (*v > Decimal::ONE_HUNDRED || *v < Decimal::ZERO)
                {
                    f.push(
                        Severity::Problem,
                        part,
                        place,
                        format!("andelen {} ligger utanför 0–100 %", cell.display()),
                        index,
                    );
                }
            }
            if row.kind == RowKind::Data {
                data_row += 1;
            }
        }
        if let Some(si) = table_section(&t.id) {
            for x in &mut f.0[first..] {
                x.section = Some(si);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_of_goal_tables() {
        assert_eq!(table_section("matetal-2-2"), Some(1));
        assert_eq!(table_section("aktiviteter-3-1"), Some(0));
        assert_eq!(table_section("tabell-1-budgetuppfoljning"), None);
    }

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
        assert_eq!(dup[0].row, Some(1));
        assert!(dup[0].message.starts_with("grupp 1 heter likadant"));
        assert_eq!(dup[1].row, Some(2));
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
        assert_eq!(ignored[0].row, Some(0));
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
