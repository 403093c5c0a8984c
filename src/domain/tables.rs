//! The report's tables as printed: headers, data rows, computed columns and
//! sum rows, each cell knowing whether it is typed, computed or overridden.
//! CSV export and the consistency check read these; so will the editor.

use rust_decimal::Decimal;

use super::figures::{self, Figure};
use super::model::*;
use super::numbers::{self, NBSP};

/// How a number cell is printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Format {
    /// Whole amount: `18 570 800`.
    Amount,
    /// Whole amount with unit: `5 685 000 kronor`.
    Kronor,
    /// Two decimals: `45,30`.
    Fte,
    /// Whole percent: `76 %`.
    Percent,
    /// Signed whole percent or percentage points: `+30 %`.
    Change,
    /// Signed whole number: `+104`.
    SignedAmount,
    /// Whole count with a unit word: `34 kurser`.
    Count(String),
}

/// What a cell holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Number(Option<Decimal>, Format),
}

/// For a computed cell: its formula value and whether it is overridden.
#[derive(Debug, Clone, PartialEq)]
pub struct Computed {
    /// The formula's value as the report would print it ("" when empty).
    pub formula: String,
    pub overridden: bool,
    /// Overridden with something other than the formula's value.
    pub differs: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub value: Value,
    /// `Some` for computed cells.
    pub computed: Option<Computed>,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell {
            value: Value::Text(s.into()),
            computed: None,
        }
    }

    pub fn number(v: Option<Decimal>, f: Format) -> Cell {
        Cell {
            value: Value::Number(v, f),
            computed: None,
        }
    }

    /// A computed number cell.
    pub fn figure(fig: Figure, f: Format) -> Cell {
        Cell {
            computed: Some(Computed {
                formula: fmt_number(fig.formula, &f),
                overridden: fig.overridden,
                differs: fig.differs(),
            }),
            value: Value::Number(fig.shown, f),
        }
    }

    /// A computed text cell (status, trend).
    pub fn derived_text<T: Copy + PartialEq>(
        d: figures::Derived<T>,
        show: impl Fn(T) -> String,
    ) -> Cell {
        Cell {
            value: Value::Text(d.shown.map(&show).unwrap_or_default()),
            computed: Some(Computed {
                formula: d.formula.map(&show).unwrap_or_default(),
                overridden: d.overridden,
                differs: d.differs(),
            }),
        }
    }

    /// The cell as the report prints it.
    pub fn display(&self) -> String {
        match &self.value {
            Value::Text(s) => s.clone(),
            Value::Number(v, f) => fmt_number(*v, f),
        }
    }

    /// The cell for a CSV that Swedish Excel reads as numbers: no thousands
    /// separator, decimal comma, `%` kept for percentages.
    pub fn csv(&self) -> String {
        match &self.value {
            Value::Text(s) => s.clone(),
            Value::Number(None, _) => String::new(),
            Value::Number(Some(v), f) => {
                let plain = |dp: u32| numbers::format_decimal(*v, dp).replace(NBSP, "");
                match f {
                    Format::Fte => plain(2),
                    Format::Percent => format!("{} %", plain(0)),
                    Format::Change => {
                        let rounded = numbers::round_half_up(*v, 0);
                        let sign = if rounded > Decimal::ZERO { "+" } else { "" };
                        format!("{sign}{} %", plain(0))
                    }
                    Format::SignedAmount => {
                        let rounded = numbers::round_half_up(*v, 0);
                        let sign = if rounded > Decimal::ZERO { "+" } else { "" };
                        format!("{sign}{}", plain(0))
                    }
                    Format::Amount | Format::Kronor | Format::Count(_) => plain(0),
                }
            }
        }
    }
}

/// Print a number in a format (empty for `None`).
pub fn fmt_number(v: Option<Decimal>, f: &Format) -> String {
    let Some(v) = v else { return String::new() };
    match f {
        Format::Amount => numbers::format_amount(v),
        Format::Kronor => numbers::format_kronor(v),
        Format::Fte => numbers::format_fte(v),
        Format::Percent => numbers::format_percent(v),
        Format::Change => numbers::format_change(v),
        Format::SignedAmount => numbers::format_signed_amount(v),
        Format::Count(unit) if unit.is_empty() => numbers::format_amount(v),
        Format::Count(unit) => format!("{} {unit}", numbers::format_amount(v)),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A row of typed (and computed) cells.
    Data,
    /// A sum row.
    Sum,
    /// A row printed below the sum row.
    Extra,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub kind: RowKind,
    pub cells: Vec<Cell>,
}

/// One printed table.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// File-name friendly id, e.g. `tabell-1-budgetuppfoljning`.
    pub id: String,
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
}

fn data(cells: Vec<Cell>) -> Row {
    Row {
        kind: RowKind::Data,
        cells,
    }
}

fn sum_row(cells: Vec<Cell>) -> Row {
    Row {
        kind: RowKind::Sum,
        cells,
    }
}

fn headers(h: &[&str]) -> Vec<String> {
    h.iter().map(|s| s.to_string()).collect()
}

fn value_format(kind: &ValueKind) -> Format {
    match kind {
        ValueKind::Procent => Format::Percent,
        ValueKind::Kronor => Format::Kronor,
        ValueKind::Antal(unit) => Format::Count(unit.clone()),
    }
}

/// Every table of the workspace, in report order.
pub fn all_tables(ws: &Workspace) -> Vec<Table> {
    let mut out = Vec::new();
    if !ws.staff.rows.is_empty() {
        out.push(staff_table(&ws.staff));
        out.push(staff_financing_table(&ws.staff));
    }
    for (gi, goal) in ws.goals.iter().enumerate() {
        for (si, section) in goal.sections.iter().enumerate() {
            let number = figures::section_number(&ws.report, gi, si);
            if !section.measures.is_empty() {
                out.push(measure_table(&number, &section.title, &section.measures));
            }
            if !section.activities.is_empty() {
                out.push(activity_table(&number, &section.title, &section.activities));
            }
        }
    }
    let e = &ws.economy;
    if let Some(t) = &e.cost_reduction {
        out.push(cost_table(t));
    }
    if !e.applications.items.is_empty() {
        out.push(application_list(&e.applications));
    }
    if e.applications.has_any() {
        out.push(application_comparison(&e.applications));
    }
    if let Some(t) = &e.budget {
        out.push(budget_table(t));
    }
    if let Some(t) = &e.funds {
        out.push(funds_table(t));
        out.push(funds_share_table(t));
    }
    if let Some(t) = &e.financing {
        out.push(financing_table(t));
        out.push(financing_share_table(t));
    }
    if let Some(t) = &e.plan_budget {
        out.push(plan_table(t));
    }
    if !ws.attendance.groups.is_empty() {
        out.push(attendance_groups_table(&ws.attendance));
        out.push(attendance_municipality_table(&ws.attendance));
    }
    if !ws.attendance.earlier.is_empty() {
        out.push(attendance_history_table(&ws.attendance));
    }
    if !ws.courses.periods.is_empty() {
        out.push(course_period_table(&ws.courses));
    }
    if !ws.courses.by_participant.is_empty() {
        out.push(participants_table(&ws.courses));
    }
    if !ws.courses.by_area.is_empty() {
        out.push(course_area_table(&ws.courses));
    }
    if !ws.survey.questions.is_empty() {
        out.push(survey_table(&ws.survey));
    }
    out
}

// ---------------------------------------------------------------- staff

pub fn staff_table(s: &Staff) -> Table {
    let f = figures::staff(s);
    let rows = s
        .rows
        .iter()
        .zip(&f.sums)
        .map(|(r, sum)| {
            let label = if r.marker.is_empty() {
                r.period.clone()
            } else {
                format!("{} {}", r.period, r.marker)
            };
            data(vec![
                Cell::text(label),
                Cell::number(r.tjanstekop, Format::Fte),
                Cell::number(r.tillsvidare, Format::Fte),
                Cell::number(r.visstid, Format::Fte),
                Cell::figure(*sum, Format::Fte),
            ])
        })
        .collect();
    Table {
        id: "medarbetare".into(),
        title: "Antal medarbetare och anställningsformer (årsarbetare)".into(),
        headers: headers(&[
            "År/anställningsform",
            "Tjänsteköp",
            "Tillsvidare",
            "Visstid",
            "Summa",
        ]),
        rows,
    }
}

pub fn staff_financing_table(s: &Staff) -> Table {
    let f = figures::staff(s);
    let mut rows = vec![
        data(vec![
            Cell::text("Kommunernas grundfinansiering, medlemsavgift eller särskilda avtal"),
            Cell::number(s.financing.municipal_fte, Format::Fte),
        ]),
        data(vec![
            Cell::text("Externa medel"),
            Cell::number(s.financing.external_fte, Format::Fte),
        ]),
    ];
    rows.push(sum_row(vec![
        Cell::text("Summa"),
        Cell::figure(Figure::computed(f.financing_total), Format::Fte),
    ]));
    Table {
        id: "medarbetare-finansiering".into(),
        title: "Finansiering av medarbetare (årsarbetare)".into(),
        headers: headers(&["Finansiering", "Årsarbetare"]),
        rows,
    }
}

// ------------------------------------------------------- goals' tables

pub fn measure_table(number: &str, title: &str, measures: &[Measure]) -> Table {
    let rows = measures
        .iter()
        .map(|m| {
            let fmt = value_format(&m.kind);
            data(vec![
                Cell::text(m.name.clone()),
                Cell::number(m.target, fmt.clone()),
                Cell::number(m.result, fmt),
                Cell::derived_text(figures::measure_status(m), |s| {
                    format!("{} {}", s.symbol(), s.name())
                }),
                Cell::derived_text(figures::measure_trend(m), |t| t.symbol().to_string()),
                Cell::text(m.description.clone()),
            ])
        })
        .collect();
    Table {
        id: format!("matetal-{}", number.replace('.', "-")),
        title: format!("{number} {title} – mätetal"),
        headers: headers(&[
            "Mätetal",
            "Målvärde",
            "Resultat",
            "Status",
            "Trend",
            "Beskrivning av resultat",
        ]),
        rows,
    }
}

pub fn activity_table(number: &str, title: &str, activities: &[Activity]) -> Table {
    let rows = activities
        .iter()
        .map(|a| {
            data(vec![
                Cell::text(a.name.clone()),
                Cell::text(a.state.name()),
                Cell::text(a.status_text.clone()),
            ])
        })
        .collect();
    Table {
        id: format!("aktiviteter-{}", number.replace('.', "-")),
        title: format!("{number} {title} – aktiviteter"),
        headers: headers(&["Aktivitet", "Läge", "Status"]),
        rows,
    }
}

// -------------------------------------------------------------- economy

pub fn budget_table(t: &BudgetFollowUp) -> Table {
    let f = figures::budget(t);
    let y = &t.year;
    let date = &t.as_of;
    let row_cells = |r: &BudgetRow, rf: &figures::BudgetRowFigures| {
        let label = if r.marker.is_empty() {
            r.area.clone()
        } else {
            format!("{} {}", r.area, r.marker)
        };
        vec![
            Cell::text(label),
            Cell::number(r.ingaende, Format::Amount),
            Cell::number(r.erhallna, Format::Amount),
            Cell::figure(rf.disponibla, Format::Amount),
            Cell::number(r.budget, Format::Amount),
            Cell::number(r.utfall, Format::Amount),
            Cell::figure(rf.kvarvarande, Format::Amount),
            Cell::number(r.fonderade, Format::Amount),
            Cell::number(r.prognos, Format::Amount),
        ]
    };
    let mut rows: Vec<Row> = t
        .rows
        .iter()
        .zip(&f.rows)
        .map(|(r, rf)| data(row_cells(r, rf)))
        .collect();
    let mut sum_cells = vec![Cell::text("Summa")];
    sum_cells.extend(f.sum.iter().map(|fig| Cell::figure(*fig, Format::Amount)));
    rows.push(sum_row(sum_cells));
    for (r, rf) in t.after_sum.iter().zip(&f.after_sum) {
        rows.push(Row {
            kind: RowKind::Extra,
            cells: row_cells(r, rf),
        });
    }
    if !t.after_sum.is_empty() {
        let mut cells = vec![Cell::text(format!(
            "Ackumulerat överskott {}",
            accumulated_date(t)
        ))];
        cells.extend((0..7).map(|_| Cell::text("")));
        cells.push(Cell::figure(
            Figure::computed(f.accumulated_prognos),
            Format::Amount,
        ));
        rows.push(Row {
            kind: RowKind::Sum,
            cells,
        });
    }
    Table {
        id: "tabell-1-budgetuppfoljning".into(),
        title: format!("Tabell 1 Budgetuppföljning per {date} (tkr)"),
        headers: vec![
            String::new(),
            format!("Ingående medel {y}"),
            format!("Erhållna medel {y}"),
            format!("Disponibla medel {y}"),
            format!("Budget förbrukning {y}"),
            format!("Utfall förbrukning {date}"),
            format!("Kvarvarande medel {date}"),
            "Varav kvarvarande fonderade statliga medel".into(),
            format!("Prognos kvarvarande medel {y}-12-31"),
        ],
        rows,
    }
}

fn accumulated_date(t: &BudgetFollowUp) -> String {
    t.year
        .parse::<i32>()
        .map(|y| format!("{}-12-31", y - 1))
        .unwrap_or_default()
}

pub fn funds_table(t: &FundsByFinancier) -> Table {
    let f = figures::funds(t);
    let mut rows: Vec<Row> = t
        .rows
        .iter()
        .zip(&f.rows)
        .map(|(r, rf)| {
            data(vec![
                Cell::text(r.area.clone()),
                Cell::number(r.previous, Format::Amount),
                Cell::figure(rf.current, Format::Amount),
                Cell::number(r.kommunerna, Format::Amount),
                Cell::number(r.staten, Format::Amount),
                Cell::number(r.ovriga, Format::Amount),
                Cell::number(r.fonderade, Format::Amount),
            ])
        })
        .collect();
    let mut sum_cells = vec![Cell::text("Summa")];
    sum_cells.extend(f.sum.iter().map(|fig| Cell::figure(*fig, Format::Amount)));
    rows.push(sum_row(sum_cells));
    Table {
        id: "tabell-2a-disponibla-medel".into(),
        title: "Tabell 2a Redovisning av disponibla medel (kronor)".into(),
        headers: vec![
            "Redovisning av disponibla medel".into(),
            format!("Ingående medel {}", t.previous_date),
            format!("Ingående medel {}", t.current_date),
            "Tillförda medel kommunerna".into(),
            "Tillförda medel staten".into(),
            "Tillförda medel övriga".into(),
            "Därav fonderade statliga medel".into(),
        ],
        rows,
    }
}

/// A share table (Tabell 2b, 3b): per area its share of the total and the
/// split by financier, then the sum row.
fn share_table<'a>(
    id: &str,
    title: &str,
    headers: Vec<String>,
    rows: impl Iterator<Item = (&'a str, Figure, &'a [Figure; 3])>,
    sum: (Figure, &[Figure; 3]),
) -> Table {
    let cells_of = |label: &str, share: Figure, split: &[Figure; 3]| {
        let mut cells = vec![Cell::text(label), Cell::figure(share, Format::Percent)];
        cells.extend(split.iter().map(|s| Cell::figure(*s, Format::Percent)));
        cells
    };
    let mut out: Vec<Row> = rows
        .map(|(label, share, split)| data(cells_of(label, share, split)))
        .collect();
    out.push(sum_row(cells_of("Summa", sum.0, sum.1)));
    Table {
        id: id.into(),
        title: title.into(),
        headers,
        rows: out,
    }
}

pub fn funds_share_table(t: &FundsByFinancier) -> Table {
    let f = figures::funds(t);
    share_table(
        "tabell-2b-disponibla-medel-andel",
        "Tabell 2b Andelen disponibla medel fördelade på finansiärer",
        vec![
            "Redovisning av disponibla medel".into(),
            format!("Ingående medel {}", t.current_date),
            "Tillförda medel kommunerna".into(),
            "Tillförda medel staten".into(),
            "Tillförda medel övriga".into(),
        ],
        t.rows
            .iter()
            .zip(&f.rows)
            .map(|(r, rf)| (r.area.as_str(), rf.share_current, &rf.share_financiers)),
        (f.sum_share_current, &f.sum_share_financiers),
    )
}

pub fn financing_table(t: &FinancingTable) -> Table {
    let f = figures::financing(t);
    let mut rows: Vec<Row> = t
        .rows
        .iter()
        .zip(&f.rows)
        .map(|(r, rf)| {
            let mut cells = vec![
                Cell::text(r.area.clone()),
                Cell::figure(rf.utfall, Format::Amount),
                Cell::number(r.kommunerna, Format::Amount),
                Cell::number(r.staten, Format::Amount),
                Cell::number(r.ovriga, Format::Amount),
            ];
            if t.show_municipal_share {
                cells.push(Cell::figure(rf.share_financiers[0], Format::Percent));
            }
            data(cells)
        })
        .collect();
    let mut cells = vec![Cell::text("Summa")];
    cells.extend(f.sum.iter().map(|fig| Cell::figure(*fig, Format::Amount)));
    if t.show_municipal_share {
        cells.push(Cell::figure(f.sum_share_financiers[0], Format::Percent));
    }
    rows.push(sum_row(cells));
    let mut h = vec![
        t.heading.clone(),
        "Utfall per verksamhetsområde".into(),
        "Tillförda medel kommunerna".into(),
        "Tillförda medel staten".into(),
        "Tillförda medel övriga".into(),
    ];
    if t.show_municipal_share {
        h.push("Andel finansiering via länets kommuner".into());
    }
    Table {
        id: "tabell-3a-finansiering".into(),
        title: format!(
            "Tabell 3a Finansiering av verksamheten, {} (kronor)",
            t.heading
        ),
        headers: h,
        rows,
    }
}

pub fn financing_share_table(t: &FinancingTable) -> Table {
    let f = figures::financing(t);
    share_table(
        "tabell-3b-finansiering-andel",
        "Tabell 3b Finansiering av verksamheten, andel",
        headers(&[
            "Finansiering av utfall",
            "Andel utfall per verksamhetsområde",
            "Tillförda medel kommunerna",
            "Tillförda medel staten",
            "Tillförda medel övriga",
        ]),
        t.rows
            .iter()
            .zip(&f.rows)
            .map(|(r, rf)| (r.area.as_str(), rf.share_utfall, &rf.share_financiers)),
        (f.sum_share_utfall, &f.sum_share_financiers),
    )
}

pub fn application_list(a: &Applications) -> Table {
    let rows = a
        .items
        .iter()
        .map(|i| {
            data(vec![
                Cell::text(i.name.clone()),
                Cell::text(i.funder.clone()),
                Cell::number(i.sought, Format::Amount),
                Cell::text(i.decision.name()),
                Cell::number(i.granted, Format::Amount),
                Cell::text(if i.counted { "ja" } else { "nej" }),
                Cell::text(i.note.clone()),
            ])
        })
        .collect();
    Table {
        id: "ansokningar".into(),
        title: format!("Ansökningar om extern finansiering, {}", a.period_label),
        headers: headers(&[
            "Ansökan",
            "Finansiär",
            "Sökt belopp (kr)",
            "Beslut",
            "Beviljat belopp (kr)",
            "Räknas",
            "Kommentar",
        ]),
        rows,
    }
}

pub fn application_comparison(a: &Applications) -> Table {
    let f = figures::applications(a);
    let rows = f
        .earlier
        .iter()
        .chain(std::iter::once(&f.current))
        .map(|s| {
            data(vec![
                Cell::text(s.period.clone()),
                Cell::number(s.sent, Format::Amount),
                Cell::number(s.granted, Format::Amount),
                Cell::figure(Figure::computed(s.granted_share), Format::Percent),
                Cell::number(s.sought_kronor, Format::Amount),
                Cell::number(s.granted_kronor, Format::Amount),
                Cell::figure(Figure::computed(s.kronor_share), Format::Percent),
            ])
        })
        .collect();
    Table {
        id: "ansokningar-jamforelse".into(),
        title: "Beviljade projekt av sökta projekt och beviljad finansiering".into(),
        headers: headers(&[
            "Period",
            "Antal inskickade ansökningar",
            "Antal beviljade ansökningar",
            "Andel beviljade",
            "Sökta projektmedel (kr)",
            "Beviljade projektmedel (kr)",
            "Andel beviljade medel",
        ]),
        rows,
    }
}

pub fn cost_table(t: &CostReduction) -> Table {
    let f = figures::cost_reduction(t);
    let kr = || Format::Count("kr".into());
    let mut rows: Vec<Row> = t
        .rows
        .iter()
        .zip(&f.rows)
        .map(|(r, rf)| {
            data(vec![
                Cell::text(r.course.clone()),
                Cell::number(r.cost_internal, kr()),
                Cell::number(r.participants, Format::Amount),
                Cell::number(r.cost_external, kr()),
                Cell::figure(rf.per_participant, kr()),
                Cell::figure(rf.per_course, kr()),
                Cell::figure(rf.percent, Format::Percent),
            ])
        })
        .collect();
    rows.push(sum_row(vec![
        Cell::text("Total kostnadsreducering för samtliga av de ovan angivna kurserna"),
        Cell::text(""),
        Cell::text(""),
        Cell::text(""),
        Cell::text(""),
        Cell::figure(f.total, kr()),
        Cell::figure(f.total_percent, Format::Percent),
    ]));
    Table {
        id: "kostnadsreducering".into(),
        title: "Exempel på kostnadsreducering som olika kurser genererar för länets kommuner"
            .into(),
        headers: headers(&[
            "Kurs",
            "Kostnad per deltagare när kursen genomförs via Kommunal utveckling",
            "Antal deltagare per kurstillfälle",
            "Kostnad per deltagare när kursen genomförs via extern kurssamordnare i Sverige",
            "Kostnadsreducering per deltagare",
            "Kostnadsreducering per kurs",
            "Kostnadsreducering i %",
        ]),
        rows,
    }
}

pub fn plan_table(t: &PlanBudget) -> Table {
    let f = figures::plan_budget(t);
    let y = &t.year;
    let mut rows: Vec<Row> = t
        .rows
        .iter()
        .zip(&f.disponibla)
        .map(|(r, disp)| {
            let label = if r.marker.is_empty() {
                r.area.clone()
            } else {
                format!("{} {}", r.area, r.marker)
            };
            data(vec![
                Cell::text(label),
                Cell::number(r.ingaende, Format::Amount),
                Cell::number(r.forvantade, Format::Amount),
                Cell::figure(*disp, Format::Amount),
                Cell::number(r.budget, Format::Amount),
            ])
        })
        .collect();
    let mut cells = vec![Cell::text("Summa")];
    cells.extend(f.sum.iter().map(|fig| Cell::figure(*fig, Format::Amount)));
    rows.push(sum_row(cells));
    Table {
        id: "budget-plan".into(),
        title: format!("Budget {y}, redovisning i tkr"),
        headers: vec![
            format!("Budget {y}, redovisning i tkr"),
            format!("Ingående medel {y}"),
            format!("Förväntade/beviljade medel {y}"),
            format!("Disponibla medel {y}"),
            format!("Budget {y}"),
        ],
        rows,
    }
}

// ----------------------------------------------------------- attendance

/// The attendance summary the report writes, one line per theme: networks
/// (average, how many reach the target, range, meetings), PKS, directors and
/// meeting forms, and the municipalities. The editor and the HTML report
/// print the same lines.
pub fn attendance_summary(a: &Attendance) -> [String; 3] {
    let f = figures::attendance(a);
    let pct = |v: Option<Decimal>| {
        v.map(|x| numbers::format_percent(numbers::round_half_up(x, 0)))
            .unwrap_or_else(|| "–".into())
    };
    let range = |r: Option<(Decimal, Decimal)>| {
        r.map(|(lo, hi)| format!("{}–{}", lo, numbers::format_percent(hi)))
            .unwrap_or_else(|| "–".into())
    };
    [
        format!(
            "Samtliga nätverk: {} · {} av {} nätverk når målvärdet · spann {} · {} träffar",
            pct(f.all_networks),
            f.networks_reaching_target,
            f.networks,
            range(f.network_range),
            f.network_meetings
        ),
        format!(
            "PKS: {} · Kommundirektörer: {} · Mötesform: {} fysiskt, {} digitalt, {} kombination",
            pct(f.pks),
            pct(f.directors),
            pct(f.form_shares[0]),
            pct(f.form_shares[1]),
            pct(f.form_shares[2]),
        ),
        format!(
            "Kommunerna: {} · {} kommuner har ökat sin närvaro",
            range(f.municipality_range),
            f.municipalities_up
        ),
    ]
}

pub fn attendance_groups_table(a: &Attendance) -> Table {
    let f = figures::attendance(a);
    let rows = a
        .groups
        .iter()
        .zip(&f.groups)
        .map(|(g, gf)| {
            let avg = gf.average.map(|v| numbers::round_half_up(v, 0));
            data(vec![
                Cell::text(g.name.clone()),
                Cell::text(g.kind.name()),
                Cell::number(Some(Decimal::from(gf.meetings)), Format::Amount),
                Cell::figure(Figure::computed(avg), Format::Percent),
                Cell::figure(Figure::computed(gf.municipal_average), Format::Percent),
                Cell::figure(Figure::computed(gf.regional_average), Format::Percent),
                Cell::number(g.target.or(Some(a.target)), Format::Percent),
                Cell::text(match gf.reaches_target {
                    Some(true) => "ja",
                    Some(false) => "nej",
                    None => "",
                }),
                Cell::number(g.earlier, Format::Percent),
                Cell::figure(Figure::computed(gf.change_points), Format::Change),
            ])
        })
        .collect();
    Table {
        id: "narvaro-per-natverk".into(),
        title: "Genomsnittsnärvaro per nätverk och grupp".into(),
        headers: headers(&[
            "Nätverk/grupp",
            "Slag",
            "Antal träffar",
            "Närvaro",
            "Kommunernas representanter",
            "Regionens representanter",
            "Målvärde",
            "Når målvärdet",
            "Samma period föregående år",
            "Förändring (procentenheter)",
        ]),
        rows,
    }
}

pub fn attendance_municipality_table(a: &Attendance) -> Table {
    let f = figures::attendance(a);
    let rows = f
        .municipalities
        .iter()
        .map(|(m, avg)| {
            let now = avg.map(|v| numbers::round_half_up(v, 0));
            let before = a.municipality_earlier.get(m).copied();
            data(vec![
                Cell::text(m.name()),
                Cell::figure(Figure::computed(now), Format::Percent),
                Cell::number(before, Format::Percent),
                Cell::figure(
                    Figure::computed(figures::change_points(now, before)),
                    Format::Change,
                ),
            ])
        })
        .collect();
    Table {
        id: "narvaro-per-kommun".into(),
        title: "Genomsnittsnärvaro per kommun".into(),
        headers: headers(&[
            "Kommun",
            "Närvaro",
            "Samma period föregående år",
            "Förändring (procentenheter)",
        ]),
        rows,
    }
}

pub fn attendance_history_table(a: &Attendance) -> Table {
    let f = figures::attendance(a);
    let mut rows: Vec<Row> = a
        .earlier
        .iter()
        .map(|h| {
            data(vec![
                Cell::text(h.period.clone()),
                Cell::number(h.all_networks, Format::Percent),
                Cell::number(h.pks, Format::Percent),
                Cell::number(h.directors, Format::Percent),
                Cell::text(numbers::format_percent_range(
                    h.region_groups_low,
                    h.region_groups_high,
                )),
            ])
        })
        .collect();
    if !a.groups.is_empty() {
        let r = |v: Option<Decimal>| Figure::computed(v.map(|x| numbers::round_half_up(x, 0)));
        let range = f
            .region_groups_range
            .map(|(lo, hi)| numbers::format_percent_range(Some(lo), Some(hi)))
            .unwrap_or_default();
        rows.push(data(vec![
            Cell::text("Aktuell period"),
            Cell::figure(r(f.all_networks), Format::Percent),
            Cell::figure(r(f.pks), Format::Percent),
            Cell::figure(r(f.directors), Format::Percent),
            Cell::text(range),
        ]));
    }
    Table {
        id: "narvaro-jamforelse".into(),
        title: "Närvaro jämfört med tidigare perioder".into(),
        headers: headers(&[
            "Period",
            "Samtliga nätverk",
            "PKS",
            "Kommundirektörer",
            "Olika träffar i samverkan med Region Jönköpings län",
        ]),
        rows,
    }
}

// -------------------------------------------------------------- courses

pub fn course_period_table(c: &Courses) -> Table {
    let f = figures::courses(c);
    let rows = c
        .periods
        .iter()
        .enumerate()
        .map(|(i, p)| {
            data(vec![
                Cell::text(p.period.clone()),
                Cell::number(p.courses, Format::Amount),
                Cell::figure(f.courses_change[i], Format::Change),
                Cell::number(p.participants, Format::Amount),
                Cell::figure(f.participants_change[i], Format::Change),
            ])
        })
        .collect();
    Table {
        id: "kurser-och-deltagare".into(),
        title: "Genomförda kurser och deltagare genom Kurs och konferens".into(),
        headers: headers(&[
            "Period",
            "Antal kurser",
            "Förändring",
            "Antal deltagare",
            "Förändring",
        ]),
        rows,
    }
}

pub fn participants_table(c: &Courses) -> Table {
    let f = figures::courses(c);
    let mut rows: Vec<Row> = c
        .by_participant
        .iter()
        .zip(&f.participant_shares)
        .map(|(p, s)| {
            data(vec![
                Cell::text(p.who.name()),
                Cell::number(p.count, Format::Amount),
                Cell::figure(*s, Format::Percent),
            ])
        })
        .collect();
    rows.push(sum_row(vec![
        Cell::text("Summa"),
        Cell::figure(Figure::computed(f.participants_total), Format::Amount),
        Cell::text(""),
    ]));
    Table {
        id: "bilaga-2-deltagare-per-kommun".into(),
        title: format!(
            "Bilaga 2 Deltagande på kurser som arrangerats av Kurs och konferens, {}",
            c.participants_period
        ),
        headers: headers(&["", "Antal deltagare", "Procent (%)"]),
        rows,
    }
}

pub fn course_area_table(c: &Courses) -> Table {
    let f = figures::courses(c);
    let mut rows: Vec<Row> = c
        .by_area
        .iter()
        .map(|a| {
            data(vec![
                Cell::text(a.name.clone()),
                Cell::number(a.amount, Format::Amount),
            ])
        })
        .collect();
    rows.push(sum_row(vec![
        Cell::text("Summa"),
        Cell::figure(Figure::computed(f.by_area_total), Format::Amount),
    ]));
    Table {
        id: "kurser-per-verksamhetsomrade".into(),
        title: "Antal kurser/arrangemang fördelat per verksamhetsområde".into(),
        headers: headers(&["Verksamhetsområde", "Antal uppdrag"]),
        rows,
    }
}

// --------------------------------------------------------------- survey

pub fn survey_table(s: &Survey) -> Table {
    let mut h = vec!["Fråga".to_string(), "Grupp".to_string()];
    for (i, y) in s.years.iter().enumerate() {
        h.push(y.clone());
        if i > 0 {
            h.push(format!("Förändring {y}"));
        }
    }
    let mut rows = Vec::new();
    let year_cells = |values: &Vec<Option<Decimal>>, changes: &Vec<Option<Decimal>>| {
        let mut cells = Vec::new();
        for i in 0..s.years.len() {
            cells.push(Cell::number(
                values.get(i).copied().flatten(),
                Format::Percent,
            ));
            if i > 0 {
                cells.push(Cell::figure(
                    Figure::computed(changes.get(i).copied().flatten()),
                    Format::Change,
                ));
            }
        }
        cells
    };
    for q in &s.questions {
        let (total_changes, pks_changes) = figures::survey_changes(q);
        let mut cells = vec![Cell::text(q.text.clone()), Cell::text("Totalt")];
        cells.extend(year_cells(&q.total, &total_changes));
        rows.push(data(cells));
        if !q.pks.is_empty() {
            let mut cells = vec![Cell::text(q.text.clone()), Cell::text("PKS")];
            cells.extend(year_cells(&q.pks, &pks_changes));
            rows.push(data(cells));
        }
    }
    let mut cells = vec![Cell::text("Antal svar"), Cell::text("")];
    for i in 0..s.years.len() {
        cells.push(Cell::number(
            s.respondents.get(i).copied().flatten(),
            Format::Amount,
        ));
        if i > 0 {
            cells.push(Cell::text(""));
        }
    }
    rows.push(Row {
        kind: RowKind::Extra,
        cells,
    });
    Table {
        id: "enkat-mycket-nojda".into(),
        title: "Utvärderingsenkät: andel mycket nöjda per fråga".into(),
        headers: h,
        rows,
    }
}
