//! The report's tables as printed: headers, data rows, computed columns and
//! sum rows, each cell knowing whether it is typed, computed or overridden.
//! They are built from the column declarations in `sheets` (the same ones
//! the editor's grid edits through); CSV export, the HTML report and the
//! consistency check read these.

use rust_decimal::Decimal;

use super::figures::{self, Figure};
use super::model::*;
use super::numbers::{self, NBSP};
use super::{sheet, sheets};

/// How a number cell is printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Format {
    /// Whole amount: `18 570 800`.
    Amount,
    /// Whole amount with unit: `5 685 000 kronor`.
    Kronor,
    /// Two decimals: `45,30`.
    Fte,
    /// Årsarbetare without trailing zeros: `10,9`, `50,6`.
    FteTrimmed,
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
    /// Text, as printed.
    Text(String),
    /// A number (or nothing) and how it is printed.
    Number(Option<Decimal>, Format),
}

/// For a computed cell: its formula value and whether it is overridden.
#[derive(Debug, Clone, PartialEq)]
pub struct Computed {
    /// The formula's value as the report would print it ("" when empty).
    pub formula: String,
    /// Whether the author typed over the formula.
    pub overridden: bool,
    /// Overridden with something other than the formula's value.
    pub differs: bool,
}

/// One printed cell: its value, and the formula's value where it is computed.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// The value as printed.
    pub value: Value,
    /// `Some` for computed cells.
    pub computed: Option<Computed>,
}

impl Cell {
    /// A text cell.
    pub fn text(s: impl Into<String>) -> Cell {
        Cell {
            value: Value::Text(s.into()),
            computed: None,
        }
    }

    /// A number cell in format `f`.
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
                    Format::FteTrimmed => numbers::format_fte_trimmed(*v).replace(NBSP, ""),
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
        Format::FteTrimmed => numbers::format_fte_trimmed(v),
        Format::Percent => numbers::format_percent(v),
        Format::Change => numbers::format_change(v),
        Format::SignedAmount => numbers::format_signed_amount(v),
        Format::Count(unit) if unit.is_empty() => numbers::format_amount(v),
        Format::Count(unit) => format!("{} {unit}", numbers::format_amount(v)),
    }
}

/// What a printed row is: data, a sum, or a row below the sum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A row of typed (and computed) cells.
    Data,
    /// A sum row.
    Sum,
    /// A row printed below the sum row.
    Extra,
}

/// One printed row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Data or sum.
    pub kind: RowKind,
    /// The cells, one per header.
    pub cells: Vec<Cell>,
}

/// One printed table.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// File-name friendly id, e.g. `tabell-1-budgetuppfoljning`.
    pub id: String,
    /// The title as printed.
    pub title: String,
    /// The column headers.
    pub headers: Vec<String>,
    /// The rows, data and sums.
    pub rows: Vec<Row>,
}

impl Table {
    /// The unit of the table's money columns, where the table states one:
    /// Tabell 1 and the plan's budget are in tkr, Tabell 2a and 3a in
    /// kronor (their titles say so).
    pub fn money_unit(&self) -> Option<&'static str> {
        match self.id.as_str() {
            "tabell-1-budgetuppfoljning" | "budget-plan" => Some("tkr"),
            "tabell-2a-disponibla-medel" | "tabell-3a-finansiering" => Some("kronor"),
            _ => None,
        }
    }

    /// Each column's unit, when every number in it has the same one: the
    /// table's money unit for amount columns, the unit word of a count
    /// column ("kr"). `None` for text, percentages, FTE and columns whose
    /// rows differ (a mätetal's target is percent in one row, kronor in
    /// the next).
    pub fn column_units(&self) -> Vec<Option<String>> {
        (0..self.headers.len())
            .map(|c| {
                let mut unit: Option<Option<String>> = None;
                for cell in self.rows.iter().filter_map(|r| r.cells.get(c)) {
                    let Value::Number(_, f) = &cell.value else {
                        continue;
                    };
                    let this = match f {
                        Format::Amount => self.money_unit().map(str::to_string),
                        Format::Count(u) if !u.is_empty() => Some(u.clone()),
                        _ => None,
                    };
                    match &unit {
                        None => unit = Some(this),
                        Some(u) if *u == this => {}
                        Some(_) => return None,
                    }
                }
                unit.flatten()
            })
            .collect()
    }

    /// The headers with each column's unit added, `Ingående medel 2020
    /// (tkr)`, for files that carry numbers without their unit (CSV,
    /// Excel). A header that already ends in the unit is left as it is.
    pub fn headers_with_units(&self) -> Vec<String> {
        self.headers
            .iter()
            .zip(self.column_units())
            .map(|(h, unit)| match unit {
                Some(u) if !h.ends_with(&format!("({u})")) => {
                    if h.is_empty() {
                        format!("({u})")
                    } else {
                        format!("{h} ({u})")
                    }
                }
                _ => h.clone(),
            })
            .collect()
    }
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

/// Which printed table, by what it shows and where it is edited: the
/// typed counterpart of a [`Table::id`], for code that must find a table's
/// rows in the workspace (Kontroll's navigation) without reading ids or
/// titles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PrintedTable {
    /// Medarbetare: one row per period (`ws.staff.rows`).
    Staff,
    /// Finansiering av medarbetare.
    StaffFinancing,
    /// A goal section's mätetal: one row per mätetal.
    Measures {
        /// The goal's index in `ws.goals`.
        goal: usize,
        /// The section's index in the goal.
        section: usize,
    },
    /// A goal section's activities: one row per activity.
    Activities {
        /// The goal's index in `ws.goals`.
        goal: usize,
        /// The section's index in the goal.
        section: usize,
    },
    /// Kostnadsreducering: one row per course, then the sum.
    CostReduction,
    /// Ansökningar: one row per application.
    ApplicationList,
    /// Ansökningar compared with earlier periods.
    ApplicationComparison,
    /// Tabell 1: `rows`, the sum, then `after_sum`.
    Budget,
    /// Tabell 2a: one row per area, then the sum.
    Funds,
    /// Tabell 2b: the shares of Tabell 2a's rows.
    FundsShares,
    /// Tabell 3a: one row per area, then the sum.
    Financing,
    /// Tabell 3b: the shares of Tabell 3a's rows.
    FinancingShares,
    /// The plan's budget: one row per area, then the sum.
    PlanBudget,
    /// Närvaro per nätverk och grupp: one row per group.
    AttendanceGroups,
    /// Närvaro per kommun.
    AttendanceMunicipalities,
    /// Närvaro compared with earlier periods.
    AttendanceHistory,
    /// Kurser och deltagare per period.
    CoursePeriods,
    /// Bilaga 2: participants per municipality.
    Participants,
    /// Kurser per verksamhetsområde.
    CourseAreas,
    /// Utvärderingsenkät.
    Survey,
}

/// Every table of the workspace, in report order.
pub fn all_tables(ws: &Workspace) -> Vec<Table> {
    located_tables(ws).into_iter().map(|(_, t)| t).collect()
}

/// Every table of the workspace, in report order, each with which table
/// it is.
pub fn located_tables(ws: &Workspace) -> Vec<(PrintedTable, Table)> {
    let mut out = Vec::new();
    if !ws.staff.rows.is_empty() {
        out.push((PrintedTable::Staff, staff_table(&ws.staff)));
        out.push((
            PrintedTable::StaffFinancing,
            staff_financing_table(&ws.staff),
        ));
    }
    for (gi, goal) in ws.goals.iter().enumerate() {
        for (si, section) in goal.sections.iter().enumerate() {
            let number = figures::section_number(ws, gi, si);
            if !section.measures.is_empty() {
                out.push((
                    PrintedTable::Measures {
                        goal: gi,
                        section: si,
                    },
                    measure_table(&number, &section.title, &section.measures),
                ));
            }
            if !section.activities.is_empty() {
                out.push((
                    PrintedTable::Activities {
                        goal: gi,
                        section: si,
                    },
                    activity_table(&number, &section.title, &section.activities),
                ));
            }
        }
    }
    let e = &ws.economy;
    if let Some(t) = &e.cost_reduction {
        out.push((PrintedTable::CostReduction, cost_table(t)));
    }
    if !e.applications.items.is_empty() {
        out.push((
            PrintedTable::ApplicationList,
            application_list(&e.applications),
        ));
    }
    if e.applications.has_any() {
        out.push((
            PrintedTable::ApplicationComparison,
            application_comparison(&e.applications),
        ));
    }
    if let Some(t) = &e.budget {
        out.push((PrintedTable::Budget, budget_table(t)));
    }
    if let Some(t) = &e.funds {
        out.push((PrintedTable::Funds, funds_table(t)));
        out.push((PrintedTable::FundsShares, funds_share_table(t)));
    }
    if let Some(t) = &e.financing {
        out.push((PrintedTable::Financing, financing_table(t)));
        out.push((PrintedTable::FinancingShares, financing_share_table(t)));
    }
    if let Some(t) = &e.plan_budget {
        out.push((PrintedTable::PlanBudget, plan_table(t)));
    }
    if !ws.attendance.groups.is_empty() {
        out.push((
            PrintedTable::AttendanceGroups,
            attendance_groups_table(&ws.attendance),
        ));
        out.push((
            PrintedTable::AttendanceMunicipalities,
            attendance_municipality_table(&ws.attendance),
        ));
    }
    if !ws.attendance.earlier.is_empty() {
        out.push((
            PrintedTable::AttendanceHistory,
            attendance_history_table(&ws.attendance),
        ));
    }
    if !ws.courses.periods.is_empty() {
        out.push((
            PrintedTable::CoursePeriods,
            course_period_table(&ws.courses),
        ));
    }
    if !ws.courses.by_participant.is_empty() {
        out.push((PrintedTable::Participants, participants_table(&ws.courses)));
    }
    if !ws.courses.by_area.is_empty() {
        out.push((PrintedTable::CourseAreas, course_area_table(&ws.courses)));
    }
    if !ws.survey.questions.is_empty() {
        out.push((PrintedTable::Survey, survey_table(&ws.survey)));
    }
    out
}

// ---------------------------------------------------------------- staff

/// The format of the staff's årsarbetare ([`Staff::decimals`]).
pub fn fte_format(s: &Staff) -> Format {
    match s.decimals {
        FteDecimals::Two => Format::Fte,
        FteDecimals::Trimmed => Format::FteTrimmed,
    }
}

/// Årsarbetare of the staff part as its tables print them.
pub fn format_staff_fte(s: &Staff, v: Decimal) -> String {
    fmt_number(Some(v), &fte_format(s))
}

/// The staff table (Medarbetare).
pub fn staff_table(s: &Staff) -> Table {
    let f = figures::staff(s);
    let cols = sheets::staff(&f, fte_format(s));
    Table {
        id: "medarbetare".into(),
        title: "Antal medarbetare och anställningsformer (årsarbetare)".into(),
        headers: sheet::printed_headers(&cols),
        rows: sheet::printed_rows(&cols, &s.rows),
    }
}

/// Finansiering av medarbetare.
pub fn staff_financing_table(s: &Staff) -> Table {
    let f = figures::staff(s);
    let mut rows = vec![
        data(vec![
            Cell::text("Kommunernas grundfinansiering, medlemsavgift eller särskilda avtal"),
            Cell::number(s.financing.municipal_fte, fte_format(s)),
        ]),
        data(vec![
            Cell::text("Externa medel"),
            Cell::number(s.financing.external_fte, fte_format(s)),
        ]),
    ];
    rows.push(sum_row(vec![
        Cell::text("Summa"),
        Cell::figure(Figure::computed(f.financing_total), fte_format(s)),
    ]));
    Table {
        id: "medarbetare-finansiering".into(),
        title: "Finansiering av medarbetare (årsarbetare)".into(),
        headers: headers(&["Finansiering", "Årsarbetare"]),
        rows,
    }
}

// ------------------------------------------------------- goals' tables

/// A goal section's mätetal table; `number` is the section's ("2.2").
pub fn measure_table(number: &str, title: &str, measures: &[Measure]) -> Table {
    let cols = sheets::measures();
    Table {
        id: format!("matetal-{}", number.replace('.', "-")),
        title: format!("{number} {title} – mätetal"),
        headers: sheet::printed_headers(&cols),
        rows: sheet::printed_rows(&cols, measures),
    }
}

/// A goal section's activity table; `number` is the section's ("2.2").
pub fn activity_table(number: &str, title: &str, activities: &[Activity]) -> Table {
    let cols = sheets::activities();
    Table {
        id: format!("aktiviteter-{}", number.replace('.', "-")),
        title: format!("{number} {title} – aktiviteter"),
        headers: sheet::printed_headers(&cols),
        rows: sheet::printed_rows(&cols, activities),
    }
}

// -------------------------------------------------------------- economy

/// Tabell 1 Budgetuppföljning, with its sum and the rows after it.
pub fn budget_table(t: &BudgetFollowUp) -> Table {
    let f = figures::budget(t);
    let date = &t.as_of;
    let cols = sheets::budget(t, &f.rows, "Verksamhetsområde");
    let mut rows = sheet::printed_rows(&cols, &t.rows);
    let mut sum_cells = vec![Cell::text("Summa")];
    sum_cells.extend(f.sum.iter().map(|fig| Cell::figure(*fig, Format::Amount)));
    rows.push(sum_row(sum_cells));
    let below = sheets::budget(t, &f.after_sum, "Rad");
    rows.extend(
        sheet::printed_rows(&below, &t.after_sum)
            .into_iter()
            .map(|r| Row {
                kind: RowKind::Extra,
                ..r
            }),
    );
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
        headers: sheet::printed_headers(&cols),
        rows,
    }
}

fn accumulated_date(t: &BudgetFollowUp) -> String {
    t.year
        .parse::<i32>()
        .ok()
        // Checked: the year is the file's text ("-2147483648" must not
        // overflow); no year before it, no date.
        .and_then(|y| y.checked_sub(1))
        .map(|y| format!("{y}-12-31"))
        .unwrap_or_default()
}

/// Tabell 2a Disponibla medel.
pub fn funds_table(t: &FundsByFinancier) -> Table {
    let f = figures::funds(t);
    let cols = sheets::funds(t, &f);
    let mut rows = sheet::printed_rows(&cols, &t.rows);
    let mut sum_cells = vec![Cell::text("Summa")];
    sum_cells.extend(f.sum.iter().map(|fig| Cell::figure(*fig, Format::Amount)));
    rows.push(sum_row(sum_cells));
    Table {
        id: "tabell-2a-disponibla-medel".into(),
        title: "Tabell 2a Redovisning av disponibla medel (kronor)".into(),
        headers: sheet::printed_headers(&cols),
        rows,
    }
}

/// The sum row of a share table (Tabell 2b, 3b).
fn share_sum_row(share: Figure, split: &[Figure; 3]) -> Row {
    let mut cells = vec![Cell::text("Summa"), Cell::figure(share, Format::Percent)];
    cells.extend(split.iter().map(|s| Cell::figure(*s, Format::Percent)));
    sum_row(cells)
}

/// Tabell 2b: Tabell 2a's shares.
pub fn funds_share_table(t: &FundsByFinancier) -> Table {
    let f = figures::funds(t);
    let cols = sheets::funds_shares(t, &f);
    let mut rows = sheet::printed_rows(&cols, &t.rows);
    rows.push(share_sum_row(f.sum_share_current, &f.sum_share_financiers));
    Table {
        id: "tabell-2b-disponibla-medel-andel".into(),
        title: "Tabell 2b Andelen disponibla medel fördelade på finansiärer".into(),
        headers: sheet::printed_headers(&cols),
        rows,
    }
}

/// Tabell 3a Finansiering.
pub fn financing_table(t: &FinancingTable) -> Table {
    let f = figures::financing(t);
    let cols = sheets::financing(t, &f);
    let mut rows = sheet::printed_rows(&cols, &t.rows);
    let mut cells = vec![Cell::text("Summa")];
    cells.extend(f.sum.iter().map(|fig| Cell::figure(*fig, Format::Amount)));
    if t.show_municipal_share {
        cells.push(Cell::figure(f.sum_share_financiers[0], Format::Percent));
    }
    rows.push(sum_row(cells));
    Table {
        id: "tabell-3a-finansiering".into(),
        title: format!(
            "Tabell 3a Finansiering av verksamheten, {} (kronor)",
            t.heading
        ),
        headers: sheet::printed_headers(&cols),
        rows,
    }
}

/// Tabell 3b: Tabell 3a's shares.
pub fn financing_share_table(t: &FinancingTable) -> Table {
    let f = figures::financing(t);
    let cols = sheets::financing_shares(&f);
    let mut rows = sheet::printed_rows(&cols, &t.rows);
    rows.push(share_sum_row(f.sum_share_utfall, &f.sum_share_financiers));
    Table {
        id: "tabell-3b-finansiering-andel".into(),
        title: "Tabell 3b Finansiering av verksamheten, andel".into(),
        headers: sheet::printed_headers(&cols),
        rows,
    }
}

/// The list of applications.
pub fn application_list(a: &Applications) -> Table {
    let cols = sheets::applications();
    Table {
        id: "ansokningar".into(),
        title: format!("Ansökningar om extern finansiering, {}", a.period_label),
        headers: sheet::printed_headers(&cols),
        rows: sheet::printed_rows(&cols, &a.items),
    }
}

/// The applications compared with earlier periods.
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

/// Kostnadsreducering.
pub fn cost_table(t: &CostReduction) -> Table {
    let f = figures::cost_reduction(t);
    let kr = || Format::Count("kr".into());
    let cols = sheets::cost(&f);
    let mut rows = sheet::printed_rows(&cols, &t.rows);
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
        headers: sheet::printed_headers(&cols),
        rows,
    }
}

/// The plan's budget.
pub fn plan_table(t: &PlanBudget) -> Table {
    let f = figures::plan_budget(t);
    let y = &t.year;
    let cols = sheets::plan(t, &f);
    let mut rows = sheet::printed_rows(&cols, &t.rows);
    let mut cells = vec![Cell::text("Summa")];
    cells.extend(f.sum.iter().map(|fig| Cell::figure(*fig, Format::Amount)));
    rows.push(sum_row(cells));
    Table {
        id: "budget-plan".into(),
        title: format!("Budget {y}, redovisning i tkr"),
        headers: sheet::printed_headers(&cols),
        rows,
    }
}

// ----------------------------------------------------------- attendance

/// The attendance summary the report writes, one line per theme: networks
/// (average, how many reach the target, range, meetings), PKS, directors and
/// meeting forms, and the municipalities. The editor and the HTML report
/// print the same lines.
pub fn attendance_summary(a: &Attendance) -> [String; 3] {
    attendance_summary_of(&figures::attendance(a))
}

/// [`attendance_summary`] from figures already derived (the editor derives
/// them once a frame for all its attendance tables).
pub fn attendance_summary_of(f: &figures::AttendanceFigures) -> [String; 3] {
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
            "Samtliga nätverk: {} · {} av {} nätverk når målvärdet · spann {} · {}",
            pct(f.all_networks),
            f.networks_reaching_target,
            f.networks,
            range(f.network_range),
            counted(f.network_meetings as usize, "träff", "träffar")
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
            "Kommunerna: {} · {} har ökat sin närvaro",
            range(f.municipality_range),
            counted(f.municipalities_up, "kommun", "kommuner")
        ),
    ]
}

/// "1 kommun", "6 kommuner", "0 träffar": a count with its noun in the
/// number Swedish wants.
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Genomsnittsnärvaro per nätverk och grupp.
pub fn attendance_groups_table(a: &Attendance) -> Table {
    attendance_groups_table_of(a, &figures::attendance(a))
}

/// Genomsnittsnärvaro per nätverk och grupp, from figures already derived.
pub fn attendance_groups_table_of(a: &Attendance, f: &figures::AttendanceFigures) -> Table {
    let cols = sheets::attendance_groups(f, a.target);
    Table {
        id: "narvaro-per-natverk".into(),
        title: "Genomsnittsnärvaro per nätverk och grupp".into(),
        headers: sheet::printed_headers(&cols),
        rows: sheet::printed_rows(&cols, &a.groups),
    }
}

/// Genomsnittsnärvaro per kommun.
pub fn attendance_municipality_table(a: &Attendance) -> Table {
    attendance_municipality_table_of(a, &figures::attendance(a))
}

/// Genomsnittsnärvaro per kommun, from figures already derived.
pub fn attendance_municipality_table_of(a: &Attendance, f: &figures::AttendanceFigures) -> Table {
    let cols = sheets::municipalities(f);
    Table {
        id: "narvaro-per-kommun".into(),
        title: "Genomsnittsnärvaro per kommun".into(),
        headers: sheet::printed_headers(&cols),
        rows: sheet::printed_rows(&cols, &sheets::municipality_rows(a)),
    }
}

/// Attendance compared with earlier periods.
pub fn attendance_history_table(a: &Attendance) -> Table {
    attendance_history_table_of(a, &figures::attendance(a))
}

/// Attendance compared with earlier periods, from figures already derived.
pub fn attendance_history_table_of(a: &Attendance, f: &figures::AttendanceFigures) -> Table {
    let cols = sheets::attendance_history();
    let mut rows = sheet::printed_rows(&cols, &a.earlier);
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
        headers: sheet::printed_headers(&cols),
        rows,
    }
}

// -------------------------------------------------------------- courses

/// Kurser och deltagare per period.
pub fn course_period_table(c: &Courses) -> Table {
    let f = figures::courses(c);
    let cols = sheets::course_periods(&f);
    Table {
        id: "kurser-och-deltagare".into(),
        title: "Genomförda kurser och deltagare genom Kurs och konferens".into(),
        headers: sheet::printed_headers(&cols),
        rows: sheet::printed_rows(&cols, &c.periods),
    }
}

/// Bilaga 2: participants per municipality.
pub fn participants_table(c: &Courses) -> Table {
    let f = figures::courses(c);
    let cols = sheets::participants(&f);
    let mut rows = sheet::printed_rows(&cols, &c.by_participant);
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
        headers: sheet::printed_headers(&cols),
        rows,
    }
}

/// Kurser per verksamhetsområde.
pub fn course_area_table(c: &Courses) -> Table {
    let f = figures::courses(c);
    let cols = sheets::named_amounts("Verksamhetsområde", "Antal uppdrag", Format::Amount);
    let mut rows = sheet::printed_rows(&cols, &c.by_area);
    rows.push(sum_row(vec![
        Cell::text("Summa"),
        Cell::figure(Figure::computed(f.by_area_total), Format::Amount),
    ]));
    Table {
        id: "kurser-per-verksamhetsomrade".into(),
        title: "Antal kurser/arrangemang fördelat per verksamhetsområde".into(),
        headers: sheet::printed_headers(&cols),
        rows,
    }
}

// --------------------------------------------------------------- survey

/// Utvärderingsenkät: mycket nöjda per question and year.
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

/// "23 kurser har blivit inställda på grund av coronapandemin eller sjuka
/// kursledare." from the stored count and reason ("1 kurs har blivit
/// inställd" in the singular); `None` without a count.
pub fn cancelled_courses_sentence(c: &Courses) -> Option<String> {
    let n = c.cancelled?;
    let count = numbers::format_amount(n);
    let (noun, participle) = if n == Decimal::ONE {
        ("kurs", "inställd")
    } else {
        ("kurser", "inställda")
    };
    let reason = c.cancelled_reason.trim().trim_end_matches('.');
    let sep = if reason.is_empty() { "" } else { " " };
    Some(format!(
        "{count} {noun} har blivit {participle}{sep}{reason}."
    ))
}

/// "Av de närvarande kommunrepresentanterna vid PKS sammanträden var 49 %
/// kvinnor och 51 % män." from the stored share (`Attendance::women_share`).
pub fn gender_sentence(a: &Attendance) -> Option<String> {
    let women = a
        .women_share
        .filter(|w| (Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(w))?;
    let men = Decimal::ONE_HUNDRED - women;
    Some(format!(
        "Av de närvarande kommunrepresentanterna vid PKS sammanträden var {} kvinnor och {} \
         män.",
        numbers::format_percent(women),
        numbers::format_percent(men)
    ))
}

/// How the staff is financed, as the reports say it: "Av verksamhetens
/// 45,30 årsarbetare finansieras 25,50 via kommunernas grundfinansiering,
/// medlemsavgift eller enligt särskilda avtal, 19,80 årsarbetare
/// finansieras via externa medel." (the total is the sum of the two,
/// `figures::staff`), or, where only the municipalities' share is known
/// (a plan), "Länets kommuner beräknas finansiera 58 % av medarbetarna och
/// övriga medarbetare finansieras via externa medel." A plan speaks of the
/// future ("beräknas finansiera"), a report of the period ("finansierar").
pub fn staff_financing_sentence(ws: &Workspace) -> Option<String> {
    let s = &ws.staff;
    let f = &s.financing;
    if let (Some(total), Some(municipal), Some(external)) = (
        figures::staff(s).financing_total,
        f.municipal_fte,
        f.external_fte,
    ) {
        return Some(format!(
            "Av verksamhetens {} årsarbetare finansieras {} via kommunernas grundfinansiering, \
             medlemsavgift eller enligt särskilda avtal, {} årsarbetare finansieras via externa \
             medel.",
            format_staff_fte(s, total),
            format_staff_fte(s, municipal),
            format_staff_fte(s, external)
        ));
    }
    let share = f.municipal_share?;
    let verb = if ws.report.kind == ReportKind::Verksamhetsplan {
        "beräknas finansiera"
    } else {
        "finansierar"
    };
    Some(format!(
        "Länets kommuner {verb} {} av medarbetarna och övriga medarbetare finansieras via \
         externa medel.",
        numbers::format_percent(share)
    ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_cancelled_courses_sentence_agrees_with_its_number() {
        use super::*;
        let mut c = Courses::default();
        assert_eq!(cancelled_courses_sentence(&c), None);
        c.cancelled = Some(Decimal::from(23));
        assert_eq!(
            cancelled_courses_sentence(&c).as_deref(),
            Some("23 kurser har blivit inställda.")
        );
        c.cancelled_reason = "på grund av coronapandemin eller sjuka kursledare".into();
        assert_eq!(
            cancelled_courses_sentence(&c).as_deref(),
            Some(
                "23 kurser har blivit inställda på grund av coronapandemin eller sjuka kursledare."
            )
        );
        c.cancelled = Some(Decimal::ONE);
        assert_eq!(
            cancelled_courses_sentence(&c).as_deref(),
            Some("1 kurs har blivit inställd på grund av coronapandemin eller sjuka kursledare.")
        );
    }

    #[test]
    fn the_gender_sentence_gives_both_shares() {
        use super::*;
        let mut a = Attendance::default();
        assert_eq!(gender_sentence(&a), None);
        a.women_share = Some(Decimal::from(49));
        assert_eq!(
            gender_sentence(&a).as_deref(),
            Some(
                "Av de närvarande kommunrepresentanterna vid PKS sammanträden var 49\u{a0}% \
                 kvinnor och 51\u{a0}% män."
            )
        );
        a.women_share = Some(Decimal::from(101));
        assert_eq!(gender_sentence(&a), None);
    }

    #[test]
    fn the_staff_financing_sentence_has_each_form() {
        use super::*;
        let mut ws = Workspace::default();
        assert_eq!(staff_financing_sentence(&ws), None);
        ws.staff.financing.municipal_fte = Some(Decimal::new(2550, 2));
        ws.staff.financing.external_fte = Some(Decimal::new(1980, 2));
        assert_eq!(
            staff_financing_sentence(&ws).as_deref(),
            Some(
                "Av verksamhetens 45,30 årsarbetare finansieras 25,50 via kommunernas \
                 grundfinansiering, medlemsavgift eller enligt särskilda avtal, 19,80 \
                 årsarbetare finansieras via externa medel."
            )
        );
        ws.staff.financing = StaffFinancing {
            municipal_share: Some(Decimal::from(58)),
            ..StaffFinancing::default()
        };
        ws.report.kind = ReportKind::Verksamhetsplan;
        assert_eq!(
            staff_financing_sentence(&ws).as_deref(),
            Some(
                "Länets kommuner beräknas finansiera 58\u{a0}% av medarbetarna och övriga \
                 medarbetare finansieras via externa medel."
            )
        );
        ws.report.kind = ReportKind::Resultatuppfoljning;
        assert!(
            staff_financing_sentence(&ws)
                .is_some_and(|s| s.starts_with("Länets kommuner finansierar 58"))
        );
    }

    use super::*;
    use crate::domain::{AttendanceGroup, Meeting, Municipality, Trend};

    #[test]
    fn the_accumulated_date_is_the_year_before_and_never_overflows() {
        let year = |y: &str| BudgetFollowUp {
            year: y.into(),
            ..BudgetFollowUp::default()
        };
        assert_eq!(accumulated_date(&year("2020")), "2019-12-31");
        assert_eq!(accumulated_date(&year("tjugo")), "");
        // The file's text, at i32's edge: no year before it, no date.
        assert_eq!(accumulated_date(&year("-2147483648")), "");
    }

    #[test]
    fn the_trend_legend_says_unchanged_as_a_state() {
        assert_eq!(
            Trend::Level.legend(),
            "resultatet är oförändrat jämfört med samma period föregående år"
        );
        assert!(Trend::Up.legend().starts_with("resultatet har ökat"));
        assert!(Trend::Down.legend().starts_with("resultatet har minskat"));
    }

    #[test]
    fn a_count_of_one_takes_the_singular() {
        assert_eq!(counted(1, "kommun", "kommuner"), "1 kommun");
        assert_eq!(counted(0, "kommun", "kommuner"), "0 kommuner");
        assert_eq!(counted(6, "kommun", "kommuner"), "6 kommuner");
        assert_eq!(counted(1, "träff", "träffar"), "1 träff");
        assert_eq!(counted(70, "träff", "träffar"), "70 träffar");
    }

    #[test]
    fn the_attendance_summary_agrees_with_its_numbers() {
        let one = figures::AttendanceFigures {
            networks: 1,
            networks_reaching_target: 1,
            network_meetings: 1,
            municipalities_up: 1,
            ..figures::AttendanceFigures::default()
        };
        let [networks, _, municipalities] = attendance_summary_of(&one);
        assert!(
            networks.contains("1 av 1 nätverk når målvärdet"),
            "{networks}"
        );
        assert!(networks.ends_with(" · 1 träff"), "{networks}");
        assert!(
            municipalities.ends_with("1 kommun har ökat sin närvaro"),
            "{municipalities}"
        );
        let many = figures::AttendanceFigures {
            networks: 21,
            networks_reaching_target: 9,
            network_meetings: 70,
            municipalities_up: 0,
            ..figures::AttendanceFigures::default()
        };
        let [networks, _, municipalities] = attendance_summary_of(&many);
        assert!(
            networks.contains("9 av 21 nätverk når målvärdet"),
            "{networks}"
        );
        assert!(networks.ends_with(" · 70 träffar"), "{networks}");
        assert!(
            municipalities.ends_with("0 kommuner har ökat sin närvaro"),
            "{municipalities}"
        );
    }

    fn one_meeting(present: Vec<Municipality>) -> Attendance {
        let mut a = Attendance::default();
        a.groups.push(AttendanceGroup {
            name: "Nätverk A".into(),
            meetings: vec![Meeting {
                date: "2020-03-01".into(),
                present,
                ..Meeting::default()
            }],
            ..AttendanceGroup::default()
        });
        a
    }

    #[test]
    fn the_summary_speaks_of_one_meeting_and_one_municipality_in_the_singular() {
        let mut a = one_meeting(vec![Municipality::Aneby]);
        a.municipality_earlier
            .insert(Municipality::Aneby, Decimal::from(50));
        let [all, _, municipalities] = attendance_summary(&a);
        assert!(all.ends_with("· 1 träff"), "{all}");
        assert!(
            municipalities.ends_with("· 1 kommun har ökat sin närvaro"),
            "{municipalities}"
        );
    }

    #[test]
    fn the_summary_speaks_of_several_in_the_plural() {
        let mut a = one_meeting(vec![Municipality::Aneby, Municipality::Eksjo]);
        let again = a.groups[0].meetings[0].clone();
        a.groups[0].meetings.push(again);
        a.municipality_earlier
            .insert(Municipality::Aneby, Decimal::from(50));
        a.municipality_earlier
            .insert(Municipality::Eksjo, Decimal::from(50));
        let [all, _, municipalities] = attendance_summary(&a);
        assert!(all.ends_with("· 2 träffar"), "{all}");
        assert!(
            municipalities.ends_with("· 2 kommuner har ökat sin närvaro"),
            "{municipalities}"
        );
    }
}
