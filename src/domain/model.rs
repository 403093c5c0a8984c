//! The report workspace: every part of one period's follow-up report as
//! plain data, one section per part (facts, focus areas, goals, staff,
//! economy, attendance, courses, survey, research). It knows nothing of
//! files, windows or charts; derived figures live in `figures`, the
//! printed tables in `tables`.
//!
//! Conventions:
//! - Money, FTE and percentages are `Decimal`. Percent values are stored
//!   as percent (`76` means 76 %), not as fractions.
//! - `Option<Decimal>` is an empty cell; empty is not zero.
//! - Computed cells are never stored. A cell the author has typed over is
//!   kept in an `overrides` map next to its row (see [`Override`]).
//! - Lists of earlier periods run oldest first; the last entry is the one
//!   the current period is compared with (the same period last year).

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::municipality::{Municipality, Participant};
use super::period::Period;

/// A value the author typed over a computed cell. The derived layer shows
/// it instead of the formula value and reports both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Override<T = Decimal> {
    /// Show this value instead of what the formula gives.
    Value(T),
    /// Show an empty cell (the report prints nothing there).
    Blank,
}

/// Overrides of the computed cells of one row, by column.
pub type Overrides<C> = BTreeMap<C, Override>;

/// One report period: the whole document the author writes.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Workspace {
    pub report: ReportFacts,
    pub focus: FocusAreas,
    pub goals: Vec<StrategicGoal>,
    pub staff: Staff,
    pub economy: Economy,
    pub attendance: Attendance,
    pub courses: Courses,
    pub survey: Survey,
    pub research: Research,
    pub texts: Vec<FreeText>,
    /// Notes about the data itself, e.g. which values are illustrative.
    pub data_notes: Vec<String>,
}

impl Default for Period {
    fn default() -> Self {
        Period::Tertial {
            year: 2020,
            from: 1,
            to: 2,
        }
    }
}

// ---------------------------------------------------------------- 1 facts

/// What kind of document the report is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ReportKind {
    #[default]
    Resultatuppfoljning,
    Delarsrapport,
    Verksamhetsberattelse,
    Verksamhetsplan,
}

impl ReportKind {
    /// Every kind of report.
    pub const ALL: [ReportKind; 4] = [
        ReportKind::Resultatuppfoljning,
        ReportKind::Delarsrapport,
        ReportKind::Verksamhetsberattelse,
        ReportKind::Verksamhetsplan,
    ];

    /// The report kind's name as the report prints it.
    pub fn name(self) -> &'static str {
        match self {
            ReportKind::Resultatuppfoljning => "Resultatuppföljning",
            ReportKind::Delarsrapport => "Delårsrapport",
            ReportKind::Verksamhetsberattelse => "Verksamhetsberättelse",
            ReportKind::Verksamhetsplan => "Verksamhetsplan",
        }
    }
}

/// Report facts: who, what, when (the report's title page and period).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ReportFacts {
    pub organisation: String,
    pub kind: ReportKind,
    pub period: Period,
    pub title: String,
    /// Diarienummer, e.g. "RJL 2019/1940".
    pub diarienummer: String,
    /// Responsible person with role, e.g. "Utvecklingschef, Ola Götesson".
    pub responsible: String,
    /// Date of the report or presentation (ISO `YYYY-MM-DD`), if known.
    pub date: String,
    /// Chapter number of the first strategic goal (2 in the Delårsrapport,
    /// where chapter 1 is Inledning); section numbers are computed from it.
    pub first_goal_chapter: u32,
}

impl Default for ReportFacts {
    fn default() -> Self {
        ReportFacts {
            organisation: "Kommunal utveckling Jönköpings län".into(),
            kind: ReportKind::default(),
            period: Period::default(),
            title: String::new(),
            diarienummer: String::new(),
            responsible: String::new(),
            date: String::new(),
            first_goal_chapter: 2,
        }
    }
}

// ------------------------------------------------------- 3 focus and 3 K

/// The three PKS priorities and the "Viktiga händelser" lists per K.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FocusAreas {
    /// Who decided the focus areas and when (free text).
    pub decided: String,
    pub areas: Vec<String>,
    pub kostnadseffektivitet: Vec<String>,
    pub kompetenshojning: Vec<String>,
    pub kvalitetshojning: Vec<String>,
}

// ------------------------------------------------------ 2 strategic goals

/// One of the six strategic goals with its chapter content.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct StrategicGoal {
    pub title: String,
    pub intro: String,
    pub sections: Vec<Section>,
}

/// A numbered sub-section of a goal, e.g. "2.2 Verksamheten söker aktivt
/// externa medel". Its number is computed from its position.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Section {
    pub title: String,
    /// Running text of the section (examples, analysis).
    pub text: String,
    /// Bullet points (example lists).
    pub bullets: Vec<String>,
    pub measures: Vec<Measure>,
    pub activities: Vec<Activity>,
    /// Report tables printed in this section, in order.
    pub tables: Vec<TableRef>,
}

/// The report tables a section can show; they are kept in their own parts
/// of the workspace and only referenced here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TableRef {
    Staff,
    BudgetFollowUp,
    FundsByFinancier,
    FundsShares,
    Financing,
    FinancingShares,
    Applications,
    CostReduction,
    PlanBudget,
    Attendance,
    Courses,
    Survey,
}

impl TableRef {
    /// The table's name as the report prints it.
    pub fn name(self) -> &'static str {
        match self {
            TableRef::Staff => "Medarbetare",
            TableRef::BudgetFollowUp => "Tabell 1 Budgetuppföljning",
            TableRef::FundsByFinancier => "Tabell 2a Disponibla medel",
            TableRef::FundsShares => "Tabell 2b Disponibla medel, andel",
            TableRef::Financing => "Tabell 3a Finansiering",
            TableRef::FinancingShares => "Tabell 3b Finansiering, andel",
            TableRef::Applications => "Ansökningar",
            TableRef::CostReduction => "Kostnadsreducering",
            TableRef::PlanBudget => "Budget (plan)",
            TableRef::Attendance => "Närvaro",
            TableRef::Courses => "Kurser och deltagare",
            TableRef::Survey => "Utvärderingsenkät",
        }
    }
}

/// How a mätetal's values are written.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ValueKind {
    /// `76 %`
    #[default]
    Procent,
    /// A count with its unit: `34 kurser`, `438 deltagare`, `3 st.`
    Antal(String),
    /// `5 685 000 kronor`
    Kronor,
}

/// Whether a higher or a lower result is the better one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Direction {
    #[default]
    HigherIsBetter,
    LowerIsBetter,
}

/// Status of a mätetal (Bilaga 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MeasureStatus {
    Uppfyllt,
    DelvisUppfyllt,
    EjUppfyllt,
    IngetResultat,
}

/// Trend against the comparison period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Trend {
    Up,
    Down,
    Level,
}

/// A value for an earlier period, e.g. ("tertial 1–2 2019", 79).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PeriodValue {
    pub period: String,
    pub value: Option<Decimal>,
}

/// One mätetal row: Mätetal | Målvärde | Resultat | Beskrivning av resultat.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Measure {
    pub name: String,
    pub kind: ValueKind,
    pub direction: Direction,
    pub target: Option<Decimal>,
    pub result: Option<Decimal>,
    /// Results of earlier periods, oldest first; the last is compared with.
    pub earlier: Vec<PeriodValue>,
    pub description: String,
    /// The author's status, when it differs from the status rule.
    pub status_override: Option<Override<MeasureStatus>>,
    /// The author's trend, when it differs from the computed one.
    pub trend_override: Option<Override<Trend>>,
}

/// The seven states of an activity (Bilaga 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum ActivityState {
    #[default]
    PagarEnligtPlan,
    EjPaborjad,
    Forsenad,
    PagarMedProblem,
    PagarMedAllvarligtProblem,
    Avbruten,
    Klar,
}

impl ActivityState {
    /// Every state, in the order the report lists them.
    pub const ALL: [ActivityState; 7] = [
        ActivityState::PagarEnligtPlan,
        ActivityState::EjPaborjad,
        ActivityState::Forsenad,
        ActivityState::PagarMedProblem,
        ActivityState::PagarMedAllvarligtProblem,
        ActivityState::Avbruten,
        ActivityState::Klar,
    ];

    /// The wording of Bilaga 1.
    pub fn name(self) -> &'static str {
        match self {
            ActivityState::PagarEnligtPlan => "pågår enligt plan",
            ActivityState::EjPaborjad => "ej påbörjad",
            ActivityState::Forsenad => "försenad",
            ActivityState::PagarMedProblem => "pågår med problem",
            ActivityState::PagarMedAllvarligtProblem => "pågår med allvarligt problem",
            ActivityState::Avbruten => "avbruten",
            ActivityState::Klar => "klar",
        }
    }
}

/// One row of an Aktiviteter table: Aktivitet | Status (text).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Activity {
    pub name: String,
    pub state: ActivityState,
    pub status_text: String,
}

// ---------------------------------------------------------- 4 Medarbetare

/// Staff (årsarbetare, FTE) per period and its financing.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Staff {
    pub text: String,
    /// One row per period, oldest first; the last is the current period.
    pub rows: Vec<StaffRow>,
    pub footnotes: Vec<String>,
    /// FTE per kind of work (FoU-verksamhet, stab och ledning, övrig).
    pub by_activity: Vec<NamedAmount>,
    pub financing: StaffFinancing,
}

/// Computed columns of the staff table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum StaffColumn {
    Summa,
}

/// One row of the staff table: a period's årsarbetare by form of employment.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct StaffRow {
    /// "2019 - tertial 1"
    pub period: String,
    /// Footnote marker printed after the period, e.g. "*".
    pub marker: String,
    pub tjanstekop: Option<Decimal>,
    pub tillsvidare: Option<Decimal>,
    pub visstid: Option<Decimal>,
    pub overrides: Overrides<StaffColumn>,
}

/// "Av verksamhetens 45,30 årsarbetare finansieras 25,50 via kommunernas
/// grundfinansiering … 19,80 årsarbetare finansieras via externa medel."
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct StaffFinancing {
    pub municipal_fte: Option<Decimal>,
    pub external_fte: Option<Decimal>,
    /// A plan may give only the municipalities' share (percent).
    pub municipal_share: Option<Decimal>,
}

/// A name with an amount (FTE, kronor, a count).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct NamedAmount {
    pub name: String,
    pub amount: Option<Decimal>,
}

// -------------------------------------------------------------- 5 Ekonomi

/// All economy tables (the Ekonomi part).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Economy {
    pub budget: Option<BudgetFollowUp>,
    pub funds: Option<FundsByFinancier>,
    pub financing: Option<FinancingTable>,
    pub applications: Applications,
    pub cost_reduction: Option<CostReduction>,
    pub plan_budget: Option<PlanBudget>,
    /// Economy bullet points and notes as the slides give them.
    pub notes: Vec<String>,
}

/// Tabell 1 Budgetuppföljning per verksamhetsområde (tkr).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct BudgetFollowUp {
    /// The year of the budget columns, e.g. "2020".
    pub year: String,
    /// The outcome date, e.g. "2020-08-31".
    pub as_of: String,
    pub rows: Vec<BudgetRow>,
    /// Overrides of the sum row, by column.
    pub sum_overrides: Overrides<BudgetColumn>,
    /// Rows printed below the sum row and not part of it
    /// ("Överskott från tidigare år").
    pub after_sum: Vec<BudgetRow>,
    pub footnotes: Vec<String>,
}

/// Columns of Tabell 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum BudgetColumn {
    Ingaende,
    Erhallna,
    Disponibla,
    Budget,
    Utfall,
    Kvarvarande,
    Fonderade,
    Prognos,
}

/// One row of Tabell 1: an area's funds, budget, outcome and prognosis (tkr).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct BudgetRow {
    pub area: String,
    /// Footnote marker, e.g. "*".
    pub marker: String,
    pub ingaende: Option<Decimal>,
    pub erhallna: Option<Decimal>,
    pub budget: Option<Decimal>,
    pub utfall: Option<Decimal>,
    pub fonderade: Option<Decimal>,
    pub prognos: Option<Decimal>,
    /// Overrides of Disponibla and Kvarvarande.
    pub overrides: Overrides<BudgetColumn>,
}

/// Tabell 2a/2b Redovisning av disponibla medel per finansiär (kronor).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FundsByFinancier {
    /// Date of the opening balance, e.g. "2019-12-31".
    pub previous_date: String,
    /// Date of the current balance, e.g. "2020-08-31".
    pub current_date: String,
    pub rows: Vec<FundsRow>,
    pub sum_overrides: Overrides<FundsColumn>,
    pub note: String,
}

/// Columns of Tabell 2a/2b.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum FundsColumn {
    Previous,
    Current,
    Kommunerna,
    Staten,
    Ovriga,
    Fonderade,
    ShareCurrent,
    ShareKommunerna,
    ShareStaten,
    ShareOvriga,
}

/// One row of Tabell 2a: an area's funds by financier (kronor).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FundsRow {
    pub area: String,
    /// Ingående medel at the previous date.
    pub previous: Option<Decimal>,
    pub kommunerna: Option<Decimal>,
    pub staten: Option<Decimal>,
    pub ovriga: Option<Decimal>,
    pub fonderade: Option<Decimal>,
    /// Overrides of Current (= kommunerna + staten + övriga) and the shares.
    pub overrides: Overrides<FundsColumn>,
}

/// Tabell 3a/3b (and the 2019 table): financing of the outcome per
/// verksamhetsområde; Utfall = kommunerna + staten + övriga.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FinancingTable {
    /// Heading of the first column, e.g. "Utfall 2020-08-31".
    pub heading: String,
    pub rows: Vec<FinancingRow>,
    pub sum_overrides: Overrides<FinancingColumn>,
    /// Print the column "Andel finansiering via länets kommuner" (2019).
    pub show_municipal_share: bool,
    pub note: String,
}

/// Columns of Tabell 3a/3b.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum FinancingColumn {
    Utfall,
    Kommunerna,
    Staten,
    Ovriga,
    ShareUtfall,
    ShareKommunerna,
    ShareStaten,
    ShareOvriga,
}

/// One row of Tabell 3a: an area's outcome by financier (kronor).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FinancingRow {
    pub area: String,
    pub kommunerna: Option<Decimal>,
    pub staten: Option<Decimal>,
    pub ovriga: Option<Decimal>,
    pub overrides: Overrides<FinancingColumn>,
}

/// External funding applications and the comparison with earlier years.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Applications {
    /// Label of the current period in the comparison, e.g. "Tertial 1-2 2020".
    pub period_label: String,
    pub items: Vec<Application>,
    /// Totals for the current period when the single applications are not
    /// listed (the 2019 slides give only totals).
    pub entered_totals: Option<ApplicationTotals>,
    /// Earlier periods, oldest first.
    pub earlier: Vec<ApplicationTotals>,
}

impl Applications {
    /// Whether there is anything to print: applications, entered totals or
    /// earlier periods.
    pub fn has_any(&self) -> bool {
        !self.items.is_empty() || self.entered_totals.is_some() || !self.earlier.is_empty()
    }
}

/// The decision on an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Decision {
    #[default]
    Pending,
    Granted,
    Rejected,
}

/// One application for external funding.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Application {
    pub name: String,
    pub funder: String,
    pub sought: Option<Decimal>,
    pub decision: Decision,
    pub granted: Option<Decimal>,
    /// False for an application sent in an earlier period that is listed
    /// but not counted (Letterbox Club in 2020).
    pub counted: bool,
    pub note: String,
}

/// Sent and granted applications of one period.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ApplicationTotals {
    pub period: String,
    pub sent: Option<Decimal>,
    pub granted: Option<Decimal>,
    pub sought_kronor: Option<Decimal>,
    pub granted_kronor: Option<Decimal>,
}

/// Tabell 1 in section 2.1: what courses cost via Kommunal utveckling and
/// via an external organiser.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CostReduction {
    pub rows: Vec<CostReductionRow>,
    pub sum_overrides: Overrides<CostColumn>,
    pub note: String,
}

/// Columns of the cost reduction table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum CostColumn {
    PerParticipant,
    PerCourse,
    Percent,
}

/// One course of the cost reduction table.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CostReductionRow {
    pub course: String,
    /// Cost per participant via Kommunal utveckling (kr).
    pub cost_internal: Option<Decimal>,
    /// Participants per course occasion.
    pub participants: Option<Decimal>,
    /// Cost per participant via an external organiser (kr).
    pub cost_external: Option<Decimal>,
    pub overrides: Overrides<CostColumn>,
}

/// The plan's budget table (Verksamhetsplan): Ingående, Förväntade/beviljade,
/// Disponibla (= ingående + förväntade), Budget.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PlanBudget {
    pub year: String,
    pub rows: Vec<PlanBudgetRow>,
    pub sum_overrides: Overrides<PlanColumn>,
    pub footnotes: Vec<String>,
}

/// Columns of the plan's budget table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum PlanColumn {
    Ingaende,
    Forvantade,
    Disponibla,
    Budget,
}

/// One row of the plan's budget (tkr).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PlanBudgetRow {
    pub area: String,
    pub marker: String,
    pub ingaende: Option<Decimal>,
    pub forvantade: Option<Decimal>,
    pub budget: Option<Decimal>,
    pub overrides: Overrides<PlanColumn>,
}

// --------------------------------------------------------------- 6 Närvaro

/// Attendance at networks, steering groups, PKS, the municipal directors
/// and the groups shared with the region (the Närvaro part).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Attendance {
    /// Target average attendance in percent (80).
    pub target: Decimal,
    pub groups: Vec<AttendanceGroup>,
    /// Per-municipality average of the same period last year (percent).
    pub municipality_earlier: BTreeMap<Municipality, Decimal>,
    /// Earlier periods' key figures, oldest first.
    pub earlier: Vec<AttendanceHistory>,
    /// Gender split of those present, where reported (percent women).
    pub women_share: Option<Decimal>,
}

impl Default for Attendance {
    fn default() -> Self {
        Attendance {
            target: Decimal::from(80),
            groups: Vec::new(),
            municipality_earlier: BTreeMap::new(),
            earlier: Vec::new(),
            women_share: None,
        }
    }
}

/// What kind of group an attendance group is. Networks and steering groups
/// make up "samtliga nätverk"; the others are reported on their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum GroupKind {
    #[default]
    Natverk,
    Styrgrupp,
    Pks,
    Kommundirektorer,
    /// A group shared with Region Jönköpings län (Reko, strategigrupper):
    /// municipal and regional representatives are counted apart.
    RegionSamverkan,
}

impl GroupKind {
    /// Every kind, in the order the report lists them.
    pub const ALL: [GroupKind; 5] = [
        GroupKind::Natverk,
        GroupKind::Styrgrupp,
        GroupKind::Pks,
        GroupKind::Kommundirektorer,
        GroupKind::RegionSamverkan,
    ];

    /// The kind's name as the editor shows it.
    pub fn name(self) -> &'static str {
        match self {
            GroupKind::Natverk => "Nätverk",
            GroupKind::Styrgrupp => "Styrgrupp",
            GroupKind::Pks => "PKS",
            GroupKind::Kommundirektorer => "Kommundirektörer",
            GroupKind::RegionSamverkan => "Samverkan med regionen",
        }
    }

    /// Whether the group counts among "samtliga nätverk" and the
    /// per-municipality averages.
    pub fn is_network(self) -> bool {
        matches!(self, GroupKind::Natverk | GroupKind::Styrgrupp)
    }
}

/// How a meeting was held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum MeetingForm {
    #[default]
    Fysiskt,
    Digitalt,
    Kombination,
}

impl MeetingForm {
    /// Every form, in the order the report lists them.
    pub const ALL: [MeetingForm; 3] = [
        MeetingForm::Fysiskt,
        MeetingForm::Digitalt,
        MeetingForm::Kombination,
    ];

    /// The form's name as the report prints it.
    pub fn name(self) -> &'static str {
        match self {
            MeetingForm::Fysiskt => "fysiskt",
            MeetingForm::Digitalt => "digitalt",
            MeetingForm::Kombination => "kombination",
        }
    }
}

/// A network, steering group or other group whose attendance is followed.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AttendanceGroup {
    pub name: String,
    pub kind: GroupKind,
    /// Target in percent when it differs from the common target.
    pub target: Option<Decimal>,
    /// Municipalities expected at each meeting; empty means all 13.
    pub members: Vec<Municipality>,
    /// Regional representatives expected at each meeting.
    pub regional_members: u32,
    pub meetings: Vec<Meeting>,
    /// Averages typed in where the single registrations are not known.
    /// Used only when `meetings` is empty.
    pub entered: Option<EnteredAverages>,
    /// Average of the same period last year (percent).
    pub earlier: Option<Decimal>,
}

/// One registered meeting.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Meeting {
    /// ISO date `YYYY-MM-DD`.
    pub date: String,
    pub form: MeetingForm,
    /// Municipalities whose representative was present.
    pub present: Vec<Municipality>,
    /// Regional representatives present.
    pub regional_present: u32,
}

/// Averages known only as totals (percent), with the meeting count and forms
/// where the report gives them.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct EnteredAverages {
    pub total: Option<Decimal>,
    pub municipalities: Option<Decimal>,
    pub region: Option<Decimal>,
    pub meetings: u32,
    pub fysiskt: u32,
    pub digitalt: u32,
    pub kombination: u32,
}

/// Key attendance figures of an earlier period.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AttendanceHistory {
    pub period: String,
    pub all_networks: Option<Decimal>,
    pub pks: Option<Decimal>,
    pub directors: Option<Decimal>,
    /// Lowest and highest average of the groups shared with the region
    /// (percent), printed as "64–83 %". Format version 1 kept the printed
    /// text instead; `storage` migrates it.
    pub region_groups_low: Option<Decimal>,
    pub region_groups_high: Option<Decimal>,
}

impl AttendanceHistory {
    /// The region groups' range as a pair, when both ends are known.
    pub fn region_groups_range(&self) -> Option<(Decimal, Decimal)> {
        Some((self.region_groups_low?, self.region_groups_high?))
    }
}

// ------------------------------------------------------------- 7 Kompetens

/// Courses and participants (Kurs och konferens, Bilaga 2).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Courses {
    /// Courses and participants per period, oldest first; last is current.
    pub periods: Vec<CoursePeriod>,
    /// Period label of Bilaga 2, e.g. "januari-juni 2020".
    pub participants_period: String,
    pub by_participant: Vec<ParticipantCount>,
    pub by_area: Vec<NamedAmount>,
    /// Courses cancelled in the period.
    pub cancelled: Option<Decimal>,
    pub note: String,
}

/// Computed columns of the course comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum CourseColumn {
    CoursesChange,
    ParticipantsChange,
}

/// Courses and participants of one period.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CoursePeriod {
    pub period: String,
    pub courses: Option<Decimal>,
    pub participants: Option<Decimal>,
    /// Overrides of the change against the period before.
    pub overrides: Overrides<CourseColumn>,
}

/// Bilaga 2: the participants of one municipality (or other participant).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParticipantCount {
    pub who: Participant,
    pub count: Option<Decimal>,
    #[serde(default)]
    pub overrides: Overrides<ShareColumn>,
}

impl Default for ParticipantCount {
    fn default() -> Self {
        ParticipantCount {
            who: Participant::Externa,
            count: None,
            overrides: Overrides::new(),
        }
    }
}

/// The share column of a count table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ShareColumn {
    Share,
}

// ---------------------------------------------------------------- 8 Enkät

/// The yearly evaluation survey: share "mycket nöjda" per question.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Survey {
    /// The years compared, oldest first.
    pub years: Vec<String>,
    /// Respondents per year (same order as `years`).
    pub respondents: Vec<Option<Decimal>>,
    /// PKS representatives who answered in the latest year.
    pub pks_respondents: Option<Decimal>,
    /// Target share of "mycket nöjda" (percent).
    pub target: Option<Decimal>,
    pub questions: Vec<SurveyQuestion>,
    pub reflections: Vec<String>,
}

/// One question of the survey with its shares per year.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SurveyQuestion {
    pub text: String,
    /// Share "mycket nöjda" in total per year (percent).
    pub total: Vec<Option<Decimal>>,
    /// Share among PKS per year (percent); empty if not reported.
    pub pks: Vec<Option<Decimal>>,
}

// ------------------------------------------------------------- 9 Forskning

/// Research lists.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Research {
    pub ongoing: Vec<ResearchItem>,
    pub dissemination: Vec<ResearchItem>,
    pub scholarships: Vec<ResearchItem>,
    pub doctoral: Vec<ResearchItem>,
    pub funding_sought: Vec<ResearchItem>,
    pub conversations: Vec<ResearchItem>,
}

impl Research {
    /// The lists' headings as the Delårsrapport prints them (its sections
    /// 7.1–7.6), in the order of [`Research::lists`].
    pub const TITLES: [&'static str; 6] = [
        "Pågående forskningsstudier",
        "Spridning",
        "Stipendier",
        "Doktorandstudier",
        "Verksamheten söker aktivt finansiering av forskning",
        "Samtal med forskare om framtida forskning",
    ];

    /// Every list with its heading.
    pub fn lists(&self) -> [(&'static str, &[ResearchItem]); 6] {
        let [a, b, c, d, e, f] = Research::TITLES;
        [
            (a, &self.ongoing),
            (b, &self.dissemination),
            (c, &self.scholarships),
            (d, &self.doctoral),
            (e, &self.funding_sought),
            (f, &self.conversations),
        ]
    }
}

/// One entry of a research list.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ResearchItem {
    pub title: String,
    pub description: String,
}

/// A free text with its heading (Inledning, Coronapandemins påverkan,
/// Framtiden, Analys …).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FreeText {
    pub title: String,
    pub body: String,
    pub bullets: Vec<String>,
}

impl MeasureStatus {
    /// Every status, in the order the legend lists them.
    pub const ALL: [MeasureStatus; 4] = [
        MeasureStatus::Uppfyllt,
        MeasureStatus::DelvisUppfyllt,
        MeasureStatus::EjUppfyllt,
        MeasureStatus::IngetResultat,
    ];

    /// The wording of Bilaga 1.
    pub fn name(self) -> &'static str {
        match self {
            MeasureStatus::Uppfyllt => "uppfyllt",
            MeasureStatus::DelvisUppfyllt => "delvis uppfyllt",
            MeasureStatus::EjUppfyllt => "ej uppfyllt",
            MeasureStatus::IngetResultat => "inget resultat redovisat",
        }
    }

    /// The explanation Bilaga 1 (Symbolförteckning) gives the symbol.
    pub fn legend(self) -> &'static str {
        match self {
            MeasureStatus::Uppfyllt => "resultatet når önskat målvärde, mätetalet är uppfyllt",
            MeasureStatus::DelvisUppfyllt => {
                "resultatet når inte önskat målvärde, mätetalet är delvis uppfyllt"
            }
            MeasureStatus::EjUppfyllt => {
                "resultatet når inte önskat målvärde, mätetalet är inte uppfyllt"
            }
            MeasureStatus::IngetResultat => {
                "det finns inget resultat redovisat för den aktuella perioden"
            }
        }
    }

    /// The symbol the reports print; each has its own shape, so status is
    /// never told by colour alone.
    pub fn symbol(self) -> &'static str {
        match self {
            MeasureStatus::Uppfyllt => "●",
            MeasureStatus::DelvisUppfyllt => "◆",
            MeasureStatus::EjUppfyllt => "■",
            MeasureStatus::IngetResultat => "○",
        }
    }
}

impl Trend {
    /// Every trend.
    pub const ALL: [Trend; 3] = [Trend::Up, Trend::Level, Trend::Down];

    /// The trend's arrow as the report prints it.
    pub fn symbol(self) -> &'static str {
        match self {
            Trend::Up => "↗",
            Trend::Down => "↘",
            Trend::Level => "→",
        }
    }

    /// The trend's name.
    pub fn name(self) -> &'static str {
        match self {
            Trend::Up => "ökat",
            Trend::Down => "minskat",
            Trend::Level => "oförändrat",
        }
    }

    /// What the arrow says of the result, as a sentence: "resultatet har
    /// ökat", but "resultatet är oförändrat" (a state, not a change).
    pub fn legend(self) -> &'static str {
        match self {
            Trend::Up => "resultatet har ökat jämfört med samma period föregående år",
            Trend::Down => "resultatet har minskat jämfört med samma period föregående år",
            Trend::Level => "resultatet är oförändrat jämfört med samma period föregående år",
        }
    }
}

impl Decision {
    /// The state's name as the report prints it.
    pub fn name(self) -> &'static str {
        match self {
            Decision::Pending => "inget beslut",
            Decision::Granted => "beviljad",
            Decision::Rejected => "avslag",
        }
    }
}
