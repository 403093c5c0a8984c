//! Consistency checks: everything in a workspace that does not add up, is
//! missing or lies outside its bounds, as a list of findings that `tertial
//! check` prints and the editor's Kontroll part shows.
//!
//! A *problem* makes `tertial check` exit 1. A *note* is information that
//! does not by itself fail the check: a computed cell the author typed
//! over (with the formula value), or a mätetal without a target.

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

/// `YYYY-MM-DD` with a real month and day.
pub fn is_iso_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    if parts.len() != 3 || parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
        return false;
    }
    let (Ok(y), Ok(m), Ok(d)) = (
        parts[0].parse::<i32>(),
        parts[1].parse::<u32>(),
        parts[2].parse::<u32>(),
    ) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

fn percent_out_of_bounds(v: Option<Decimal>) -> bool {
    v.is_some_and(|v| v < Decimal::ZERO || v > Decimal::ONE_HUNDRED)
}

fn check_attendance(ws: &Workspace, f: &mut Findings) {
    let a = &ws.attendance;
    let (start, end) = (ws.report.period.start_date(), ws.report.period.end_date());
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
            if !is_iso_date(&m.date) {
                f.problem_at(
                    Part::Narvaro,
                    gi,
                    place.clone(),
                    "datumet ska skrivas ÅÅÅÅ-MM-DD",
                );
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
        if let Some(e) = &g.entered {
            if e.fysiskt + e.digitalt + e.kombination != e.meetings
                && e.fysiskt + e.digitalt + e.kombination != 0
            {
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
