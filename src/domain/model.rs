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
    /// The report's facts: kind, period, title, dates.
    pub report: ReportFacts,
    /// Fokusområden och 3 K.
    pub focus: FocusAreas,
    /// The strategic goals, in order.
    pub goals: Vec<StrategicGoal>,
    /// Staff and its financing.
    pub staff: Staff,
    /// The economy tables.
    pub economy: Economy,
    /// Attendance at networks and groups.
    pub attendance: Attendance,
    /// Courses and participants.
    pub courses: Courses,
    /// The survey.
    pub survey: Survey,
    /// The research lists.
    pub research: Research,
    /// Chapters of free text (Framtiden, Analys, …).
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
    /// Resultatuppföljning.
    #[default]
    Resultatuppfoljning,
    /// Delårsrapport.
    Delarsrapport,
    /// Verksamhetsberättelse.
    Verksamhetsberattelse,
    /// Verksamhetsplan.
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
    /// The organisation the report is from.
    pub organisation: String,
    /// Which kind of report.
    pub kind: ReportKind,
    /// The period it covers.
    pub period: Period,
    /// The report's title.
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
    /// The focus areas.
    pub areas: Vec<String>,
    /// Kostnadseffektivitet: what was done.
    pub kostnadseffektivitet: Vec<String>,
    /// Kompetenshöjning: what was done.
    pub kompetenshojning: Vec<String>,
    /// Kvalitetshöjning: what was done.
    pub kvalitetshojning: Vec<String>,
    /// The text between the focus areas and the three lists: why the 3 K
    /// matter and what the lists show (format version 4).
    pub effects: String,
    /// What the slide deck shows for Kostnadseffektivitet instead of the
    /// report's list, when set: the deck's shorter points (format version
    /// 4). Likewise the two below.
    pub slide_kostnadseffektivitet: Vec<String>,
    /// The deck's points for Kompetenshöjning, when set.
    pub slide_kompetenshojning: Vec<String>,
    /// The deck's points for Kvalitetshöjning, when set.
    pub slide_kvalitetshojning: Vec<String>,
    /// The words before each K's list in a Resultatuppföljning, the K's
    /// name following them (format version 4): "Under 2019 har bland annat
    /// följande aktiviteter genomförts med koppling". Empty: the usual
    /// words ([`FocusAreas::LEAD_IN`]).
    pub lead_in: String,
}

impl FocusAreas {
    /// The words before each K's list in a Resultatuppföljning (its slide
    /// deck and its document) when the author gave none: "… med koppling
    /// till Kostnadseffektivitet;".
    pub const LEAD_IN: &'static str =
        "Under aktuell period har bland annat följande aktiviteter genomförts med koppling till";

    /// The words before each K's list: the author's (`lead_in`), else
    /// [`FocusAreas::LEAD_IN`].
    pub fn lead_in(&self) -> &str {
        let own = self.lead_in.trim();
        if own.is_empty() { Self::LEAD_IN } else { own }
    }
}

// ------------------------------------------------------ 2 strategic goals

/// One of the six strategic goals with its chapter content.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct StrategicGoal {
    /// The goal's title.
    pub title: String,
    /// The goal's introduction.
    pub intro: String,
    /// The numbered sections, in order.
    pub sections: Vec<Section>,
}

/// A numbered sub-section of a goal, e.g. "2.2 Verksamheten söker aktivt
/// externa medel". Its number is computed from its position.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Section {
    /// The section's title (without its number).
    pub title: String,
    /// Running text of the section (examples, analysis).
    pub text: String,
    /// Bullet points (example lists).
    pub bullets: Vec<String>,
    /// The section's mätetal table.
    pub measures: Vec<Measure>,
    /// The section's activity table.
    pub activities: Vec<Activity>,
    /// Report tables printed in this section, in order.
    pub tables: Vec<TableRef>,
    /// Research lists printed in this section, after its tables (format
    /// version 3). A list no section names goes to the section with its
    /// heading (7.1 "Pågående forskningsstudier" …), or else to a
    /// Forskning chapter.
    pub research: Vec<ResearchList>,
    /// The rest of the section in reading order, after `text` and
    /// `bullets` (format version 4): paragraphs, lists, unnumbered
    /// sub-headings and notes, and where the section's tables and research
    /// lists stand among them. What the section holds but `content` does
    /// not place (its mätetal, activities, `tables`, `research`) follows
    /// the content, in that order.
    pub content: Vec<Passage>,
}

impl Section {
    /// Every report table the section holds: those it lists in `tables`
    /// and those its content places.
    pub fn table_refs(&self) -> impl Iterator<Item = TableRef> + '_ {
        self.tables
            .iter()
            .copied()
            .chain(placed_tables(&self.content))
    }

    /// Every research list the section names: in `research` or placed in
    /// its content.
    pub fn research_lists(&self) -> impl Iterator<Item = ResearchList> + '_ {
        self.research
            .iter()
            .copied()
            .chain(placed_research(&self.content))
    }
}

/// One piece of a report's running text, in reading order (format version
/// 4). Report tables and research lists are kept in their own parts of the
/// workspace; a passage only says where one of them stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Passage {
    /// A paragraph (blank lines inside it start new paragraphs).
    Paragraph(String),
    /// A bullet list.
    Bullets(Vec<String>),
    /// A numbered list.
    Numbered(Vec<String>),
    /// A heading without a number and outside the contents, as the
    /// Delårsrapport's *Förändring av tjänster under aktuell period*.
    Subheading(String),
    /// A note in small print, as a footnote under a table.
    Note(String),
    /// A report table (with its own notes and charts) stands here.
    Table(TableRef),
    /// The section's mätetal table stands here (in a section only).
    Measures,
    /// The section's activity table stands here (in a section only).
    Activities,
    /// A research list stands here.
    Research(ResearchList),
    /// The focus areas and the 3 K lists (`Workspace::focus`) stand here.
    FocusAreas,
    /// The list of strategic goals stands here.
    Goals,
}

impl Passage {
    /// The passage's kind as the editor names it.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Passage::Paragraph(_) => "Stycke",
            Passage::Bullets(_) => "Punktlista",
            Passage::Numbered(_) => "Numrerad lista",
            Passage::Subheading(_) => "Underrubrik",
            Passage::Note(_) => "Not",
            Passage::Table(_) => "Tabell",
            Passage::Measures => "Mätetal",
            Passage::Activities => "Aktiviteter",
            Passage::Research(_) => "Forskningslista",
            Passage::FocusAreas => "Fokusområden och 3 K",
            Passage::Goals => "Strategiska mål",
        }
    }
}

/// The report tables that `content` places, in order.
pub fn placed_tables(content: &[Passage]) -> impl Iterator<Item = TableRef> + '_ {
    content.iter().filter_map(|p| match p {
        Passage::Table(r) => Some(*r),
        _ => None,
    })
}

/// The research lists that `content` places, in order.
pub fn placed_research(content: &[Passage]) -> impl Iterator<Item = ResearchList> + '_ {
    content.iter().filter_map(|p| match p {
        Passage::Research(l) => Some(*l),
        _ => None,
    })
}

/// One of the research lists of [`Research`], as a section names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ResearchList {
    /// Pågående forskningsstudier.
    Ongoing,
    /// Spridning.
    Dissemination,
    /// Stipendier.
    Scholarships,
    /// Doktorandstudier.
    Doctoral,
    /// Verksamheten söker aktivt finansiering av forskning.
    FundingSought,
    /// Samtal med forskare om framtida forskning.
    Conversations,
}

impl ResearchList {
    /// In the order of [`Research::lists`].
    pub const ALL: [ResearchList; 6] = [
        ResearchList::Ongoing,
        ResearchList::Dissemination,
        ResearchList::Scholarships,
        ResearchList::Doctoral,
        ResearchList::FundingSought,
        ResearchList::Conversations,
    ];

    /// The list's place in [`Research::lists`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The list's heading as the Delårsrapport prints it.
    pub fn title(self) -> &'static str {
        Research::TITLES[self.index()]
    }
}

/// The report tables a section can show; they are kept in their own parts
/// of the workspace and only referenced here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TableRef {
    /// Medarbetare.
    Staff,
    /// Tabell 1 Budgetuppföljning.
    BudgetFollowUp,
    /// Tabell 2a Disponibla medel.
    FundsByFinancier,
    /// Tabell 2b Disponibla medel, andel.
    FundsShares,
    /// Tabell 3a Finansiering.
    Financing,
    /// Tabell 3b Finansiering, andel.
    FinancingShares,
    /// Ansökningar.
    Applications,
    /// Kostnadsreducering.
    CostReduction,
    /// Budget (plan).
    PlanBudget,
    /// Närvaro.
    Attendance,
    /// Kurser och deltagare.
    Courses,
    /// Utvärderingsenkät.
    Survey,
    /// Kurser per verksamhetsområde (format version 4). Where no text
    /// places it, it follows [`TableRef::Courses`] as before.
    CourseAreas,
}

impl TableRef {
    /// Every report table, in the editor's order.
    pub const ALL: [TableRef; 13] = [
        TableRef::Staff,
        TableRef::BudgetFollowUp,
        TableRef::FundsByFinancier,
        TableRef::FundsShares,
        TableRef::Financing,
        TableRef::FinancingShares,
        TableRef::Applications,
        TableRef::CostReduction,
        TableRef::PlanBudget,
        TableRef::Attendance,
        TableRef::Courses,
        TableRef::CourseAreas,
        TableRef::Survey,
    ];

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
            TableRef::CourseAreas => "Kurser per verksamhetsområde",
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
    /// A higher result is better.
    #[default]
    HigherIsBetter,
    /// A lower result is better.
    LowerIsBetter,
}

/// Status of a mätetal (Bilaga 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MeasureStatus {
    /// The target is reached.
    Uppfyllt,
    /// Partly reached.
    DelvisUppfyllt,
    /// Not reached.
    EjUppfyllt,
    /// No result to judge.
    IngetResultat,
}

/// Trend against the comparison period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Trend {
    /// Better than the comparison period.
    Up,
    /// Worse than the comparison period.
    Down,
    /// Unchanged.
    Level,
}

/// A value for an earlier period, e.g. ("tertial 1–2 2019", 79).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PeriodValue {
    /// The period's label.
    pub period: String,
    /// The value in that period.
    pub value: Option<Decimal>,
}

/// One mätetal row: Mätetal | Målvärde | Resultat | Beskrivning av resultat.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Measure {
    /// The mätetal's name.
    pub name: String,
    /// How its values are written (percent, kronor, count).
    pub kind: ValueKind,
    /// Whether higher or lower is better.
    pub direction: Direction,
    /// The target.
    pub target: Option<Decimal>,
    /// This period's result.
    pub result: Option<Decimal>,
    /// Results of earlier periods, oldest first; the last is compared with.
    pub earlier: Vec<PeriodValue>,
    /// A description printed with the table.
    pub description: String,
    /// The author's status, when it differs from the status rule.
    pub status_override: Option<Override<MeasureStatus>>,
    /// The author's trend, when it differs from the computed one.
    pub trend_override: Option<Override<Trend>>,
}

/// The seven states of an activity (Bilaga 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum ActivityState {
    /// Pågår enligt plan.
    #[default]
    PagarEnligtPlan,
    /// Ej påbörjad.
    EjPaborjad,
    /// Försenad.
    Forsenad,
    /// Pågår med problem.
    PagarMedProblem,
    /// Pågår med allvarligt problem.
    PagarMedAllvarligtProblem,
    /// Avbruten.
    Avbruten,
    /// Klar.
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
    /// The activity's name.
    pub name: String,
    /// Its state (Läge).
    pub state: ActivityState,
    /// What the author writes about it.
    pub status_text: String,
}

// ---------------------------------------------------------- 4 Medarbetare

/// Staff (årsarbetare, FTE) per period and its financing.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Staff {
    /// Running text of the staff part.
    pub text: String,
    /// One row per period, oldest first; the last is the current period.
    pub rows: Vec<StaffRow>,
    /// Footnotes printed under the table.
    pub footnotes: Vec<String>,
    /// FTE per kind of work (FoU-verksamhet, stab och ledning, övrig).
    pub by_activity: Vec<NamedAmount>,
    /// How the current period's staff is financed.
    pub financing: StaffFinancing,
    /// How the staff tables print årsarbetare (format version 4).
    pub decimals: FteDecimals,
}

/// How årsarbetare are printed: the Delårsrapport always with two
/// decimals, the slide decks as their Excel tables show them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum FteDecimals {
    /// Two decimals: 45,30; 10,90.
    #[default]
    Two,
    /// No trailing zeros (at most two decimals): 10,9; 50,6; 49,13.
    Trimmed,
}

/// Computed columns of the staff table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum StaffColumn {
    /// The period's sum.
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
    /// Tjänsteköp (årsarbetare).
    pub tjanstekop: Option<Decimal>,
    /// Tillsvidareanställda (årsarbetare).
    pub tillsvidare: Option<Decimal>,
    /// Visstidsanställda (årsarbetare).
    pub visstid: Option<Decimal>,
    /// Overrides of the computed Summa.
    pub overrides: Overrides<StaffColumn>,
}

/// "Av verksamhetens 45,30 årsarbetare finansieras 25,50 via kommunernas
/// grundfinansiering … 19,80 årsarbetare finansieras via externa medel."
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct StaffFinancing {
    /// Årsarbetare financed by the municipalities.
    pub municipal_fte: Option<Decimal>,
    /// Årsarbetare financed externally.
    pub external_fte: Option<Decimal>,
    /// A plan may give only the municipalities' share (percent).
    pub municipal_share: Option<Decimal>,
}

/// A name with an amount (FTE, kronor, a count).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct NamedAmount {
    /// The name.
    pub name: String,
    /// The amount.
    pub amount: Option<Decimal>,
}

// -------------------------------------------------------------- 5 Ekonomi

/// All economy tables (the Ekonomi part).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Economy {
    /// Tabell 1 Budgetuppföljning, if the report has it.
    pub budget: Option<BudgetFollowUp>,
    /// Tabell 2a/2b Disponibla medel, if the report has it.
    pub funds: Option<FundsByFinancier>,
    /// Tabell 3a/3b Finansiering, if the report has it.
    pub financing: Option<FinancingTable>,
    /// The applications for external funding.
    pub applications: Applications,
    /// Kostnadsreducering, if the report has it.
    pub cost_reduction: Option<CostReduction>,
    /// The plan's budget, if the report has it.
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
    /// The areas' rows, summed.
    pub rows: Vec<BudgetRow>,
    /// Overrides of the sum row, by column.
    pub sum_overrides: Overrides<BudgetColumn>,
    /// Rows printed below the sum row and not part of it
    /// ("Överskott från tidigare år").
    pub after_sum: Vec<BudgetRow>,
    /// Footnotes printed under the table.
    pub footnotes: Vec<String>,
}

/// Columns of Tabell 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum BudgetColumn {
    /// Ingående medel.
    Ingaende,
    /// Erhållna medel.
    Erhallna,
    /// Disponibla medel (computed).
    Disponibla,
    /// Budget.
    Budget,
    /// Utfall.
    Utfall,
    /// Kvarvarande (computed).
    Kvarvarande,
    /// Varav fonderade.
    Fonderade,
    /// Prognos.
    Prognos,
}

/// One row of Tabell 1: an area's funds, budget, outcome and prognosis (tkr).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct BudgetRow {
    /// The area (verksamhetsområde).
    pub area: String,
    /// Footnote marker, e.g. "*".
    pub marker: String,
    /// Ingående medel.
    pub ingaende: Option<Decimal>,
    /// Erhållna medel.
    pub erhallna: Option<Decimal>,
    /// Budget.
    pub budget: Option<Decimal>,
    /// Utfall.
    pub utfall: Option<Decimal>,
    /// Varav fonderade.
    pub fonderade: Option<Decimal>,
    /// Prognos.
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
    /// The areas' rows, summed.
    pub rows: Vec<FundsRow>,
    /// Overrides of the sum row.
    pub sum_overrides: Overrides<FundsColumn>,
    /// A note printed under the table.
    pub note: String,
}

/// Columns of Tabell 2a/2b.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum FundsColumn {
    /// Ingående medel at the earlier date.
    Previous,
    /// Ingående medel at the current date (computed).
    Current,
    /// Kommunerna.
    Kommunerna,
    /// Staten.
    Staten,
    /// Övriga.
    Ovriga,
    /// Fonderade statliga medel.
    Fonderade,
    /// The row's share of the current total (computed).
    ShareCurrent,
    /// Kommunernas share (computed).
    ShareKommunerna,
    /// Statens share (computed).
    ShareStaten,
    /// Övrigas share (computed).
    ShareOvriga,
}

/// One row of Tabell 2a: an area's funds by financier (kronor).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FundsRow {
    /// The area (verksamhetsområde).
    pub area: String,
    /// Ingående medel at the previous date.
    pub previous: Option<Decimal>,
    /// From the municipalities.
    pub kommunerna: Option<Decimal>,
    /// From the state.
    pub staten: Option<Decimal>,
    /// From others.
    pub ovriga: Option<Decimal>,
    /// Fonderade statliga medel.
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
    /// The areas' rows, summed.
    pub rows: Vec<FinancingRow>,
    /// Overrides of the sum row.
    pub sum_overrides: Overrides<FinancingColumn>,
    /// Print the column "Andel finansiering via länets kommuner" (2019).
    pub show_municipal_share: bool,
    /// A note printed under the table.
    pub note: String,
}

/// Columns of Tabell 3a/3b.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum FinancingColumn {
    /// Utfall (computed).
    Utfall,
    /// Kommunerna.
    Kommunerna,
    /// Staten.
    Staten,
    /// Övriga.
    Ovriga,
    /// The row's share of the total outcome (computed).
    ShareUtfall,
    /// Kommunernas share (computed).
    ShareKommunerna,
    /// Statens share (computed).
    ShareStaten,
    /// Övrigas share (computed).
    ShareOvriga,
}

/// One row of Tabell 3a: an area's outcome by financier (kronor).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FinancingRow {
    /// The area (verksamhetsområde).
    pub area: String,
    /// From the municipalities.
    pub kommunerna: Option<Decimal>,
    /// From the state.
    pub staten: Option<Decimal>,
    /// From others.
    pub ovriga: Option<Decimal>,
    /// Overrides of the computed cells.
    pub overrides: Overrides<FinancingColumn>,
}

/// External funding applications and the comparison with earlier years.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Applications {
    /// Label of the current period in the comparison, e.g. "Tertial 1-2 2020".
    pub period_label: String,
    /// The period's applications.
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
    /// Not decided yet.
    #[default]
    Pending,
    /// Granted.
    Granted,
    /// Rejected.
    Rejected,
}

/// One application for external funding.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Application {
    /// The project's name.
    pub name: String,
    /// Who the application went to.
    pub funder: String,
    /// Kronor sought.
    pub sought: Option<Decimal>,
    /// The decision.
    pub decision: Decision,
    /// Kronor granted.
    pub granted: Option<Decimal>,
    /// False for an application sent in an earlier period that is listed
    /// but not counted (Letterbox Club in 2020).
    pub counted: bool,
    /// A note.
    pub note: String,
}

/// Sent and granted applications of one period.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ApplicationTotals {
    /// The period's label.
    pub period: String,
    /// Applications sent.
    pub sent: Option<Decimal>,
    /// Applications granted.
    pub granted: Option<Decimal>,
    /// Kronor sought.
    pub sought_kronor: Option<Decimal>,
    /// Kronor granted.
    pub granted_kronor: Option<Decimal>,
}

/// Tabell 1 in section 2.1: what courses cost via Kommunal utveckling and
/// via an external organiser.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CostReduction {
    /// One per course, summed.
    pub rows: Vec<CostReductionRow>,
    /// Overrides of the sum row.
    pub sum_overrides: Overrides<CostColumn>,
    /// A note printed under the table.
    pub note: String,
}

/// Columns of the cost reduction table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum CostColumn {
    /// Reduction per participant (computed).
    PerParticipant,
    /// Reduction per course (computed).
    PerCourse,
    /// Reduction in percent (computed).
    Percent,
}

/// One course of the cost reduction table.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CostReductionRow {
    /// The course.
    pub course: String,
    /// Cost per participant via Kommunal utveckling (kr).
    pub cost_internal: Option<Decimal>,
    /// Participants per course occasion.
    pub participants: Option<Decimal>,
    /// Cost per participant via an external organiser (kr).
    pub cost_external: Option<Decimal>,
    /// Overrides of the computed cells.
    pub overrides: Overrides<CostColumn>,
}

/// The plan's budget table (Verksamhetsplan): Ingående, Förväntade/beviljade,
/// Disponibla (= ingående + förväntade), Budget.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PlanBudget {
    /// The plan's year(s), as printed.
    pub year: String,
    /// The areas' rows, summed.
    pub rows: Vec<PlanBudgetRow>,
    /// Overrides of the sum row.
    pub sum_overrides: Overrides<PlanColumn>,
    /// Footnotes printed under the table.
    pub footnotes: Vec<String>,
}

/// Columns of the plan's budget table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum PlanColumn {
    /// Ingående medel.
    Ingaende,
    /// Förväntade/beviljade medel.
    Forvantade,
    /// Disponibla (computed).
    Disponibla,
    /// Budget.
    Budget,
}

/// One row of the plan's budget (tkr).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PlanBudgetRow {
    /// The area (verksamhetsområde).
    pub area: String,
    /// A footnote marker printed after the area.
    pub marker: String,
    /// Ingående medel.
    pub ingaende: Option<Decimal>,
    /// Förväntade/beviljade medel.
    pub forvantade: Option<Decimal>,
    /// Budget.
    pub budget: Option<Decimal>,
    /// Overrides of the computed cells.
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
    /// The networks and groups, in the order of the report.
    pub groups: Vec<AttendanceGroup>,
    /// Per-municipality average of the same period last year (percent).
    pub municipality_earlier: BTreeMap<Municipality, Decimal>,
    /// Earlier periods' key figures, oldest first.
    pub earlier: Vec<AttendanceHistory>,
    /// Gender split of the municipal representatives present at PKS's
    /// meetings, where the report gives it (percent women); printed as a
    /// sentence of its own (`tables::gender_sentence`).
    pub women_share: Option<Decimal>,
    /// Whether the meeting registrations are illustrative (made up to
    /// agree with a report that printed only its summaries, as in the
    /// samples), so that every figure derived from them is marked as such
    /// where it is printed (format version 3).
    pub illustrative: bool,
}

impl Default for Attendance {
    fn default() -> Self {
        Attendance {
            target: Decimal::from(80),
            groups: Vec::new(),
            municipality_earlier: BTreeMap::new(),
            earlier: Vec::new(),
            women_share: None,
            illustrative: false,
        }
    }
}

/// What kind of group an attendance group is. Networks and steering groups
/// make up "samtliga nätverk"; the others are reported on their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum GroupKind {
    /// A network.
    #[default]
    Natverk,
    /// A steering group.
    Styrgrupp,
    /// PKS.
    Pks,
    /// The municipal directors.
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
    /// In person.
    #[default]
    Fysiskt,
    /// Digital.
    Digitalt,
    /// Both.
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
    /// The group's name.
    pub name: String,
    /// What kind of group.
    pub kind: GroupKind,
    /// Target in percent when it differs from the common target.
    pub target: Option<Decimal>,
    /// Municipalities expected at each meeting; empty means all 13.
    pub members: Vec<Municipality>,
    /// Regional representatives expected at each meeting.
    pub regional_members: u32,
    /// The registered meetings.
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
    /// How the meeting was held.
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
    /// Average attendance of everyone expected (percent).
    pub total: Option<Decimal>,
    /// Average attendance of the municipalities (percent).
    pub municipalities: Option<Decimal>,
    /// Average attendance of the regional representatives (percent).
    pub region: Option<Decimal>,
    /// Number of meetings.
    pub meetings: u32,
    /// Meetings held in person.
    pub fysiskt: u32,
    /// Meetings held digitally.
    pub digitalt: u32,
    /// Meetings held both ways.
    pub kombination: u32,
}

/// Key attendance figures of an earlier period.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AttendanceHistory {
    /// The period's label.
    pub period: String,
    /// Samtliga nätverk's average (percent).
    pub all_networks: Option<Decimal>,
    /// PKS's average (percent).
    pub pks: Option<Decimal>,
    /// The municipal directors' average (percent).
    pub directors: Option<Decimal>,
    /// Lowest and highest average of the groups shared with the region
    /// (percent), printed as "64–83 %". Format version 1 kept the printed
    /// text instead; `storage` migrates it.
    pub region_groups_low: Option<Decimal>,
    /// The highest of them (see `region_groups_low`).
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
    /// Bilaga 2: participants per municipality.
    pub by_participant: Vec<ParticipantCount>,
    /// Courses per area (verksamhetsområde).
    pub by_area: Vec<NamedAmount>,
    /// Courses cancelled in the period.
    pub cancelled: Option<Decimal>,
    /// Why they were cancelled, as the sentence goes on after "23 kurser
    /// har blivit inställda" (format version 4): "på grund av
    /// coronapandemin eller sjuka kursledare".
    pub cancelled_reason: String,
    /// A note printed with the tables: under Bilaga 2's participants
    /// table when there is one (it explains that table's marks), else after
    /// the course tables. Each line is a note of its own.
    pub note: String,
    /// Bilaga 2's text after the participants table and its notes
    /// (format version 4): passages, e.g. a lead-in and
    /// `Table(CourseAreas)`.
    pub appendix: Vec<Passage>,
}

/// Computed columns of the course comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum CourseColumn {
    /// Change of courses against the period before.
    CoursesChange,
    /// Change of participants against the period before.
    ParticipantsChange,
}

/// Courses and participants of one period.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CoursePeriod {
    /// The period's label.
    pub period: String,
    /// Number of courses.
    pub courses: Option<Decimal>,
    /// Number of participants.
    pub participants: Option<Decimal>,
    /// Overrides of the change against the period before.
    pub overrides: Overrides<CourseColumn>,
}

/// Bilaga 2: the participants of one municipality (or other participant).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParticipantCount {
    /// The municipality or other participant.
    pub who: Participant,
    /// Number of participants.
    pub count: Option<Decimal>,
    /// Override of the computed share.
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
    /// The row's share of the total.
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
    /// The questions, in order.
    pub questions: Vec<SurveyQuestion>,
    /// The author's reflections.
    pub reflections: Vec<String>,
}

/// One question of the survey with its shares per year.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SurveyQuestion {
    /// The question.
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
    /// Ongoing research.
    pub ongoing: Vec<ResearchItem>,
    /// Dissemination of results.
    pub dissemination: Vec<ResearchItem>,
    /// Scholarships.
    pub scholarships: Vec<ResearchItem>,
    /// Doctoral students.
    pub doctoral: Vec<ResearchItem>,
    /// Research funding sought.
    pub funding_sought: Vec<ResearchItem>,
    /// Conversations about research.
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
    /// The title.
    pub title: String,
    /// What a list or a slide says of it, in a line or two.
    pub description: String,
    /// The study as the long report tells it (format version 4):
    /// paragraphs at blank lines, lines starting with "- " as bullets.
    /// With a text, the report prints the title as a sub-heading and the
    /// text under it, as the Delårsrapport's 7.1 does; without one, the
    /// title and description as one line of a list.
    pub text: String,
}

/// A free text with its heading (Inledning, Coronapandemins påverkan,
/// Framtiden, Analys …).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FreeText {
    /// The chapter's title.
    pub title: String,
    /// Its running text.
    pub body: String,
    /// Its bullet points.
    pub bullets: Vec<String>,
    /// Whether the text is a numbered section of the introduction or an
    /// unnumbered part of it (format version 3).
    pub heading: TextHeading,
    /// The rest of the text in reading order, after `body` and `bullets`
    /// (format version 4): paragraphs, lists, sub-headings, notes, and
    /// report tables or research lists placed among them (mätetal and
    /// activities belong to a goal's section and are not printed here).
    pub content: Vec<Passage>,
    /// What a slide deck says of the text instead of the text itself, as
    /// the Resultatuppföljning's Framtid slide sums up the Delårsrapport's
    /// Framtiden (format version 4). Empty: the slide shows the text.
    pub slide_points: Vec<String>,
}

impl FreeText {
    /// The report tables the text places.
    pub fn table_refs(&self) -> impl Iterator<Item = TableRef> + '_ {
        placed_tables(&self.content)
    }
}

/// How a free text is headed in the introduction chapter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum TextHeading {
    /// A numbered section after the 3 K and Medarbetare: the
    /// Delårsrapport's "1.3 Coronapandemins påverkan på Kommunal
    /// utvecklings verksamhet".
    #[default]
    Numbered,
    /// An unnumbered heading after the strategic goals and before the
    /// numbered sections: the Delårsrapport's "Agenda 2030 och de 17
    /// globala målen" and "Utvärdering av Kommunal utvecklings
    /// verksamhet".
    Unnumbered,
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
