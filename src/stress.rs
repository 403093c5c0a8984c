//! The stress workspace: a large, made-up but valid report for measuring
//! speed (`tertial generate-stress`, `cargo bench`). It is built the same
//! way every time by a small xorshift generator with a fixed seed, so a
//! benchmark measures the same data on every machine and in every run.
//!
//! Its size (the constants below are what the unit tests assert):
//! - [`GROUPS`] attendance groups (networks, steering groups, PKS, the
//!   municipal directors and groups shared with the region) with in total
//!   [`REGISTRATIONS`] registrations. A *registration* is one municipality
//!   marked present at one meeting: one entry of a [`Meeting::present`]
//!   list. Regional representatives (a number per meeting) and absent
//!   municipalities are not registrations. See [`registrations`].
//! - [`GOALS`] strategic goals of [`SECTIONS_PER_GOAL`] sections each,
//!   holding [`MEASURES`] mätetal with target, result and
//!   [`EARLIER_PERIODS`] earlier values each, and [`ACTIVITIES`] activities.
//! - [`EARLIER_PERIODS`] earlier periods in every history list: staff rows,
//!   attendance key figures, application totals, course periods and
//!   survey years (the lists that also hold the current period have
//!   `EARLIER_PERIODS + 1` entries).
//! - Every economy table filled, and long Swedish texts (several thousand
//!   characters) in intros, section texts, descriptions and free texts.
//!
//! Every value is illustrative, and the workspace says so in its data
//! notes. It passes `check::check` without problems.
//!
//! A fixture, not part of the domain: built with the `stress` feature
//! (default on; `generate-stress` and the benchmarks use it) and in the
//! library's own tests.

use rust_decimal::Decimal;

use crate::domain::model::*;
use crate::domain::municipality::{Municipality, Participant};
use crate::domain::numbers::{format_amount, format_percent};
use crate::domain::period::Period;

/// Attendance groups.
pub const GROUPS: usize = 60;
/// Municipalities registered present, summed over every meeting.
pub const REGISTRATIONS: usize = 10_000;
/// Strategic goals.
pub const GOALS: usize = 6;
/// Sections of each goal.
pub const SECTIONS_PER_GOAL: usize = 8;
/// Mätetal over all sections.
pub const MEASURES: usize = 500;
/// Activities over all sections.
pub const ACTIVITIES: usize = 200;
/// Earlier periods in every history list.
pub const EARLIER_PERIODS: usize = 20;

/// The report year; earlier periods are the years before it.
const YEAR: i32 = 2020;
/// Days from 2020-01-01 to 2020-08-31 (tertial 1–2 of a leap year).
const PERIOD_DAYS: u64 = 244;

/// Municipalities present, summed over every meeting of every group (see
/// the module documentation for what counts).
pub fn registrations(ws: &Workspace) -> usize {
    ws.attendance
        .groups
        .iter()
        .flat_map(|g| &g.meetings)
        .map(|m| m.present.len())
        .sum()
}

/// The stress workspace. The same value on every call.
pub fn stress_workspace() -> Workspace {
    let mut rng = Rng::new(0x7e57_1a1f_2020_0831);
    let mut ws = Workspace {
        report: report(),
        ..Workspace::default()
    };
    ws.focus = focus(&mut rng);
    ws.staff = staff(&mut rng);
    ws.economy = economy(&mut rng);
    ws.attendance = attendance(&mut rng);
    ws.courses = courses(&mut rng);
    ws.survey = survey(&mut rng);
    ws.goals = goals(&mut rng);
    ws.research = research(&mut rng);
    ws.texts = free_texts(&mut rng);
    ws.data_notes = vec![
        "Stressarbetsyta skapad av `tertial generate-stress` för att mäta hastighet. \
         Alla namn, texter, närvaroregistreringar och värden är påhittade och illustrativa; \
         de beskriver inga verkliga förhållanden."
            .to_string(),
    ];
    ws
}

// ------------------------------------------------------------ generator

/// xorshift64*: small, fast and good enough for made-up data.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: u64) -> u64 {
        // The top bits are the best ones of xorshift64*.
        ((u128::from(self.next_u64() >> 11) * u128::from(n)) >> 53) as u64
    }

    /// A number in `lo..=hi`.
    fn between(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }

    /// True in `percent` cases out of a hundred.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i as u64 + 1) as usize;
            items.swap(i, j);
        }
    }
}

fn dec(v: i64) -> Option<Decimal> {
    Some(Decimal::from(v))
}

/// Hundredths: `cents(4530)` is 45,30.
fn cents(v: i64) -> Option<Decimal> {
    Some(Decimal::new(v, 2))
}

/// Split `total` into parts in proportion to `weights`, adding up exactly
/// (largest remainder).
fn split(total: i64, weights: &[i64]) -> Vec<i64> {
    let sum: i64 = weights.iter().sum::<i64>().max(1);
    let mut parts: Vec<i64> = weights.iter().map(|w| total * w / sum).collect();
    let mut rest = total - parts.iter().sum::<i64>();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse((total * weights[i]) % sum));
    for i in order.into_iter().cycle().take(weights.len() * 2) {
        if rest == 0 {
            break;
        }
        parts[i] += 1;
        rest -= 1;
    }
    parts
}

// ----------------------------------------------------------------- text

const WORDS: &[&str] = &[
    "verksamheten",
    "kommunerna",
    "länets",
    "utvecklingen",
    "samverkan",
    "närvaron",
    "nätverken",
    "styrgruppen",
    "kompetensen",
    "förbättringsarbetet",
    "har",
    "ökat",
    "minskat",
    "jämfört",
    "med",
    "föregående",
    "år",
    "målvärdet",
    "resultatet",
    "uppföljningen",
    "äldreomsorgen",
    "socialtjänsten",
    "förskolan",
    "hälso- och sjukvården",
    "barn och unga",
    "medarbetarna",
    "ärendena",
    "översynen",
    "åtgärderna",
    "därför",
    "också",
    "även",
    "bör",
    "får",
    "kunskapen",
    "forskningen",
    "högskolan",
    "genomförts",
    "påbörjats",
    "områdena",
    "kvaliteten",
    "tillgängligheten",
    "ändamålsenlig",
    "kostnadseffektiv",
    "gemensamma",
    "arbetssätt",
    "digitala",
    "möten",
    "träffar",
    "deltagare",
    "kurser",
    "ansökningar",
    "medel",
    "finansieringen",
    "budgeten",
    "utfallet",
    "prognosen",
    "överskottet",
    "länsgemensam",
    "strategin",
    "handlingsplanen",
    "brukarna",
    "medborgarna",
    "erfarenheterna",
    "delaktighet",
    "jämställdhet",
    "hållbarhet",
    "pandemin",
    "under våren",
    "under hösten",
    "under sommaren",
    "i början av perioden",
    "i slutet av perioden",
    "tertialet",
    "tydligt",
    "väsentligt",
    "särskilt",
    "främst",
    "både",
    "och",
    "i",
    "på",
    "för",
    "av",
    "till",
    "som",
    "att",
    "det",
    "är",
    "inom",
    "genom",
    "efter",
    "vid",
    "mellan",
    "nära",
    "större",
    "mindre",
    "fler",
    "färre",
    "viktiga",
    "nödvändiga",
    "långsiktiga",
    "förväntade",
    "öppna",
    "jämförelser",
    "lärande",
    "stödet",
    "förutsättningarna",
    "kartläggningen",
    "överenskommelsen",
    "företrädare",
    "ägarna",
    "välfärden",
];

const UNITS: &[&str] = &["kurser", "deltagare", "träffar", "ansökningar", "personer"];

/// A sentence of 8–20 words, sometimes with a figure in it, capitalised
/// and ending with a full stop.
fn sentence(rng: &mut Rng) -> String {
    let n = rng.between(8, 20) as usize;
    let mut words: Vec<String> = (0..n).map(|_| (*rng.pick(WORDS)).to_string()).collect();
    if rng.chance(35) {
        let at = rng.below(n as u64) as usize;
        let figure = match rng.below(3) {
            0 => format_percent(Decimal::from(rng.between(1, 100))),
            1 => format!(
                "{} kronor",
                format_amount(Decimal::from(rng.between(1, 20_000) * 1_000))
            ),
            _ => format!(
                "{} {}",
                format_amount(Decimal::from(rng.between(2, 2_500))),
                rng.pick(UNITS)
            ),
        };
        words.insert(at, figure);
    }
    let mut s = words.join(" ");
    if let Some(first) = s.chars().next() {
        let upper: String = first.to_uppercase().collect();
        s.replace_range(..first.len_utf8(), &upper);
    }
    s.push('.');
    s
}

/// Sentences until at least `chars` characters.
fn paragraph(rng: &mut Rng, chars: usize) -> String {
    let mut p = sentence(rng);
    let mut count = p.chars().count();
    while count < chars {
        let s = sentence(rng);
        count += 1 + s.chars().count();
        p.push(' ');
        p.push_str(&s);
    }
    p
}

/// Paragraphs of 400–1 200 characters, separated by blank lines, until at
/// least `chars` characters.
fn long_text(rng: &mut Rng, chars: usize) -> String {
    let mut t = String::new();
    let mut count = 0;
    while count < chars {
        if !t.is_empty() {
            t.push_str("\n\n");
            count += 2;
        }
        let len = rng.between(400, 1_200) as usize;
        let p = paragraph(rng, len);
        count += p.chars().count();
        t.push_str(&p);
    }
    t
}

fn bullets(rng: &mut Rng, count: usize, chars: usize) -> Vec<String> {
    (0..count).map(|_| paragraph(rng, chars)).collect()
}

/// A text of a random length in `lo..=hi` characters.
fn text_between(rng: &mut Rng, lo: i64, hi: i64) -> String {
    let chars = rng.between(lo, hi) as usize;
    long_text(rng, chars)
}

// ------------------------------------------------------------ periods

/// "tertial 1-2 2000" … "tertial 1-2 2019": the earlier periods, oldest
/// first, as the reports write them.
fn earlier_labels() -> Vec<String> {
    (0..EARLIER_PERIODS)
        .map(|i| format!("tertial 1-2 {}", YEAR - (EARLIER_PERIODS - i) as i32))
        .collect()
}

/// The day `n` (0-based) of 2020 as `YYYY-MM-DD`.
fn date_of(mut n: u64) -> String {
    const DAYS: [u64; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let mut month = 0;
    while month < 11 && n >= DAYS[month] {
        n -= DAYS[month];
        month += 1;
    }
    format!("{YEAR}-{:02}-{:02}", month + 1, n + 1)
}

// ---------------------------------------------------------- report part

fn report() -> ReportFacts {
    ReportFacts {
        kind: ReportKind::Delarsrapport,
        period: Period::Tertial {
            year: YEAR,
            from: 1,
            to: 2,
        },
        title: "Stresstest: Delårsrapport januari-augusti 2020".into(),
        diarienummer: "RJL 2020/9999".into(),
        responsible: "Utvecklingschef, Åsa Öberg".into(),
        date: "2020-09-15".into(),
        ..ReportFacts::default()
    }
}

fn focus(rng: &mut Rng) -> FocusAreas {
    FocusAreas {
        decided: paragraph(rng, 200),
        areas: vec![
            "Ekonomisk effektivitet".into(),
            "Kompetensförsörjningen i en utökad arbetsmarknadsregion".into(),
            "Smarta/nya arbetssätt och strukturer för att klara välfärdsutmaningen".into(),
        ],
        kostnadseffektivitet: bullets(rng, 12, 400),
        kompetenshojning: bullets(rng, 12, 400),
        kvalitetshojning: bullets(rng, 12, 400),
        effects: paragraph(rng, 300),
        ..FocusAreas::default()
    }
}

// ---------------------------------------------------------------- goals

const GOAL_TITLES: [&str; GOALS] = [
    "Vår verksamhet ska leda till en ändamålsenlig och kostnadseffektiv verksamhet för länets kommuner",
    "Vi har ett starkt och jämbördigt partnerskap med aktiva ägare",
    "I vår verksamhet är medborgarnas erfarenhet en viktig kunskapskälla",
    "Vår verksamhet kommer till reell nytta för användarna",
    "Vi stärker och ökar kompetensen i länet",
    "Vi använder forskning för att utveckla och förbättra kommunernas verksamheter",
];

const SECTION_TITLES: [&str; SECTIONS_PER_GOAL] = [
    "Exempel på aktiviteter inom verksamheten",
    "Verksamheten söker aktivt externa medel",
    "Samtliga kommuner har aktiva representanter",
    "Ekonomisk redovisning",
    "Verksamheten bidrar till ett gemensamt lärande",
    "Resultat och uppföljning",
    "Samverkan med regionen och andra aktörer",
    "Analys",
];

/// The report tables printed in section `s` of goal `g`.
fn section_tables(g: usize, s: usize) -> Vec<TableRef> {
    match (g, s) {
        (0, 0) => vec![TableRef::CostReduction],
        (0, 1) => vec![TableRef::Applications],
        (0, 3) => vec![
            TableRef::BudgetFollowUp,
            TableRef::FundsByFinancier,
            TableRef::FundsShares,
            TableRef::Financing,
            TableRef::FinancingShares,
            TableRef::PlanBudget,
        ],
        (0, 4) => vec![TableRef::Staff],
        (1, 2) => vec![TableRef::Attendance],
        (3, 0) => vec![TableRef::Survey],
        (4, 0) => vec![TableRef::Courses],
        _ => Vec::new(),
    }
}

fn goals(rng: &mut Rng) -> Vec<StrategicGoal> {
    let mut goals: Vec<StrategicGoal> = GOAL_TITLES
        .iter()
        .enumerate()
        .map(|(g, title)| StrategicGoal {
            title: (*title).to_string(),
            intro: text_between(rng, 4_000, 7_000),
            sections: SECTION_TITLES
                .iter()
                .enumerate()
                .map(|(s, t)| Section {
                    title: (*t).to_string(),
                    text: text_between(rng, 2_000, 5_000),
                    bullets: {
                        let n = rng_count(rng, 2, 6);
                        bullets(rng, n, 250)
                    },
                    tables: section_tables(g, s),
                    ..Section::default()
                })
                .collect(),
        })
        .collect();
    let labels = earlier_labels();
    let sections = GOALS * SECTIONS_PER_GOAL;
    for i in 0..MEASURES {
        let m = measure(rng, &labels);
        let s = i % sections;
        goals[s / SECTIONS_PER_GOAL].sections[s % SECTIONS_PER_GOAL]
            .measures
            .push(m);
    }
    for i in 0..ACTIVITIES {
        let a = Activity {
            name: paragraph(rng, 60),
            state: *rng.pick(&ActivityState::ALL),
            status_text: text_between(rng, 200, 1_500),
        };
        let s = (i * 7) % sections;
        goals[s / SECTIONS_PER_GOAL].sections[s % SECTIONS_PER_GOAL]
            .activities
            .push(a);
    }
    goals
}

fn rng_count(rng: &mut Rng, lo: i64, hi: i64) -> usize {
    rng.between(lo, hi) as usize
}

fn measure(rng: &mut Rng, labels: &[String]) -> Measure {
    let (kind, lo, hi, step) = match rng.below(20) {
        0..=8 => (ValueKind::Procent, 10, 100, 1),
        9..=15 => (
            ValueKind::Antal((*rng.pick(&["kurser", "deltagare", "st.", "träffar"])).into()),
            1,
            800,
            1,
        ),
        _ => (ValueKind::Kronor, 10, 20_000, 1_000),
    };
    let value = |rng: &mut Rng| dec(rng.between(lo, hi) * step);
    let target = if rng.chance(3) { None } else { value(rng) };
    let result = value(rng);
    let earlier = labels
        .iter()
        .map(|p| PeriodValue {
            period: p.clone(),
            value: if rng.chance(5) { None } else { value(rng) },
        })
        .collect();
    let status_override = rng.chance(2).then(|| {
        Override::Value(*rng.pick(&[
            MeasureStatus::Uppfyllt,
            MeasureStatus::DelvisUppfyllt,
            MeasureStatus::EjUppfyllt,
        ]))
    });
    let trend_override = rng
        .chance(1)
        .then(|| Override::Value(*rng.pick(&[Trend::Up, Trend::Down, Trend::Level])));
    Measure {
        name: paragraph(rng, 50),
        kind,
        direction: if rng.chance(15) {
            Direction::LowerIsBetter
        } else {
            Direction::HigherIsBetter
        },
        target,
        result,
        earlier,
        description: text_between(rng, 1_200, 3_500),
        status_override,
        trend_override,
    }
}

// ---------------------------------------------------------------- staff

fn staff(rng: &mut Rng) -> Staff {
    // The current period (2020 - tertial 2) and the 20 tertials before it,
    // in hundredths of an FTE.
    let mut rows = Vec::with_capacity(EARLIER_PERIODS + 1);
    let mut total = 0;
    for i in 0..=EARLIER_PERIODS {
        let back = (EARLIER_PERIODS - i) as i32;
        // Tertials counted from 2020 - tertial 2 backwards.
        let index = YEAR * 3 + 1 - back;
        let values = [
            rng.between(300, 1_600),
            rng.between(1_800, 3_200),
            rng.between(800, 1_600),
        ];
        total = values.iter().sum();
        rows.push(StaffRow {
            period: format!("{} - tertial {}", index / 3, index % 3 + 1),
            marker: if rng.chance(10) {
                "*".into()
            } else {
                String::new()
            },
            tjanstekop: cents(values[0]),
            tillsvidare: cents(values[1]),
            visstid: cents(values[2]),
            overrides: Overrides::new(),
        });
    }
    // The financing and the split per kind of work add up to the current
    // period's total.
    let municipal = total * rng.between(45, 65) / 100;
    let by_activity = split(total, &[55, 15, 30]);
    Staff {
        text: text_between(rng, 1_500, 3_000),
        footnotes: bullets(rng, 3, 120),
        by_activity: ["FoU-verksamhet", "Stab och ledning", "Övrig verksamhet"]
            .iter()
            .zip(by_activity)
            .map(|(name, v)| NamedAmount {
                name: (*name).to_string(),
                amount: cents(v),
            })
            .collect(),
        financing: StaffFinancing {
            municipal_fte: cents(municipal),
            external_fte: cents(total - municipal),
            municipal_share: None,
        },
        rows,
        decimals: FteDecimals::Two,
    }
}

// -------------------------------------------------------------- economy

const AREAS: [&str; 14] = [
    "FoUrum social välfärd och hälso- och sjukvård",
    "Förstärkt samverkan",
    "Miljösamverkan Jönköpings län",
    "FoUrum utbildning",
    "FoUrum fritid",
    "Kurs och konferens",
    "Personliga ombud",
    "Barnahus",
    "Välfärdsteknik och digitalisering",
    "Kompetensförsörjning",
    "Folkhälsa och jämlik hälsa",
    "Regional samverkan barn och unga",
    "Äldres hälsa",
    "Ledning och stab",
];

const FUNDERS: [&str; 10] = [
    "Forte",
    "Vinnova",
    "Post- och telestyrelsen",
    "Länsstyrelsen",
    "SKR",
    "Socialstyrelsen",
    "Region Jönköpings län",
    "Allmänna arvsfonden",
    "ESF-rådet",
    "Vetenskapsrådet",
];

fn economy(rng: &mut Rng) -> Economy {
    Economy {
        budget: Some(budget(rng)),
        funds: Some(funds(rng)),
        financing: Some(financing(rng)),
        applications: applications(rng),
        cost_reduction: Some(cost_reduction(rng)),
        plan_budget: Some(plan_budget(rng)),
        notes: bullets(rng, 8, 300),
    }
}

fn budget(rng: &mut Rng) -> BudgetFollowUp {
    let rows = AREAS
        .iter()
        .map(|area| {
            let ingaende = rng.between(0, 60_000);
            let erhallna = rng.between(500, 50_000);
            let budget = rng.between(500, 40_000);
            let utfall = (ingaende + erhallna) * rng.between(10, 95) / 100;
            let kvar = ingaende + erhallna - utfall;
            let leadership = *area == "Ledning och stab";
            BudgetRow {
                area: (*area).to_string(),
                marker: if leadership {
                    "**".into()
                } else {
                    String::new()
                },
                ingaende: dec(ingaende),
                erhallna: dec(erhallna),
                budget: dec(budget),
                utfall: dec(utfall),
                // Fonderade is part of Kvarvarande.
                fonderade: (!leadership && rng.chance(40))
                    .then(|| kvar * rng.between(10, 100) / 100)
                    .and_then(dec),
                prognos: dec(utfall * rng.between(110, 160) / 100),
                // As in the 2020 report, Ledning och stab prints no
                // Kvarvarande.
                overrides: if leadership {
                    [(BudgetColumn::Kvarvarande, Override::Blank)].into()
                } else {
                    Overrides::new()
                },
            }
        })
        .collect();
    BudgetFollowUp {
        year: YEAR.to_string(),
        as_of: "2020-08-31".into(),
        rows,
        sum_overrides: Overrides::new(),
        after_sum: vec![BudgetRow {
            area: "Överskott från tidigare år".into(),
            ingaende: dec(rng.between(100, 900)),
            prognos: dec(rng.between(100, 900)),
            overrides: [
                (BudgetColumn::Disponibla, Override::Blank),
                (BudgetColumn::Kvarvarande, Override::Blank),
            ]
            .into(),
            ..BudgetRow::default()
        }],
        footnotes: bullets(rng, 3, 200),
    }
}

fn funds(rng: &mut Rng) -> FundsByFinancier {
    let rows = AREAS
        .iter()
        .map(|area| {
            let staten = rng.chance(70).then(|| rng.between(100_000, 80_000_000));
            FundsRow {
                area: (*area).to_string(),
                previous: dec(rng.between(0, 60_000_000)),
                kommunerna: dec(rng.between(300_000, 20_000_000)),
                staten: staten.and_then(dec),
                ovriga: rng
                    .chance(60)
                    .then(|| rng.between(10_000, 3_000_000))
                    .and_then(dec),
                fonderade: staten
                    .filter(|_| rng.chance(50))
                    .map(|s| s * rng.between(20, 100) / 100)
                    .and_then(dec),
                overrides: Overrides::new(),
            }
        })
        .collect();
    FundsByFinancier {
        previous_date: "2019-12-31".into(),
        current_date: "2020-08-31".into(),
        rows,
        sum_overrides: Overrides::new(),
        note: paragraph(rng, 300),
    }
}

fn financing(rng: &mut Rng) -> FinancingTable {
    let rows = AREAS
        .iter()
        .map(|area| FinancingRow {
            area: (*area).to_string(),
            kommunerna: dec(rng.between(100, 7_000) * 1_000),
            staten: rng
                .chance(60)
                .then(|| rng.between(100, 13_000) * 1_000)
                .and_then(dec),
            ovriga: rng
                .chance(60)
                .then(|| rng.between(10, 2_500) * 1_000)
                .and_then(dec),
            overrides: Overrides::new(),
        })
        .collect();
    FinancingTable {
        heading: "Utfall 2020-08-31".into(),
        rows,
        sum_overrides: Overrides::new(),
        show_municipal_share: true,
        note: paragraph(rng, 300),
    }
}

fn applications(rng: &mut Rng) -> Applications {
    let items = (0..40)
        .map(|_| {
            let sought = rng.between(100, 6_000) * 1_000;
            let decision = match rng.below(10) {
                0..=3 => Decision::Granted,
                4..=7 => Decision::Rejected,
                _ => Decision::Pending,
            };
            Application {
                name: paragraph(rng, 60),
                funder: (*rng.pick(&FUNDERS)).to_string(),
                sought: dec(sought),
                decision,
                granted: (decision == Decision::Granted)
                    .then(|| sought * rng.between(40, 100) / 100)
                    .and_then(dec),
                counted: !rng.chance(5),
                note: if rng.chance(30) {
                    paragraph(rng, 150)
                } else {
                    String::new()
                },
            }
        })
        .collect();
    let earlier = (0..EARLIER_PERIODS)
        .map(|i| {
            let sent = rng.between(4, 40);
            let sought = rng.between(5_000, 60_000) * 1_000;
            ApplicationTotals {
                period: format!("Tertial 1-2 {}", YEAR - (EARLIER_PERIODS - i) as i32),
                sent: dec(sent),
                granted: dec(sent * rng.between(0, 100) / 100),
                sought_kronor: dec(sought),
                granted_kronor: dec(sought * rng.between(0, 80) / 100),
            }
        })
        .collect();
    Applications {
        period_label: format!("Tertial 1-2 {YEAR}"),
        items,
        entered_totals: None,
        earlier,
    }
}

fn cost_reduction(rng: &mut Rng) -> CostReduction {
    let rows = (0..30)
        .map(|_| {
            let internal = rng.between(300, 4_000);
            CostReductionRow {
                course: paragraph(rng, 40),
                cost_internal: dec(internal),
                participants: dec(rng.between(8, 150)),
                cost_external: dec(internal + rng.between(0, 4_000)),
                overrides: Overrides::new(),
            }
        })
        .collect();
    CostReduction {
        rows,
        sum_overrides: Overrides::new(),
        note: paragraph(rng, 400),
    }
}

fn plan_budget(rng: &mut Rng) -> PlanBudget {
    let rows = AREAS
        .iter()
        .map(|area| PlanBudgetRow {
            area: (*area).to_string(),
            marker: String::new(),
            ingaende: dec(rng.between(0, 60_000)),
            forvantade: dec(rng.between(500, 50_000)),
            budget: dec(rng.between(500, 40_000)),
            overrides: Overrides::new(),
        })
        .collect();
    PlanBudget {
        year: (YEAR + 1).to_string(),
        rows,
        sum_overrides: Overrides::new(),
        footnotes: bullets(rng, 2, 200),
    }
}

// ----------------------------------------------------------- attendance

const TOPICS: [&str; 20] = [
    "äldreomsorg",
    "individ- och familjeomsorg",
    "funktionsnedsättning",
    "socialpsykiatri",
    "missbruk och beroende",
    "barn och unga",
    "förskola",
    "grundskola",
    "gymnasieskola",
    "vuxenutbildning",
    "fritid",
    "kultur och bibliotek",
    "folkhälsa",
    "miljö- och hälsoskydd",
    "digitalisering",
    "hälso- och sjukvård",
    "arbetsmarknad",
    "integration",
    "kostverksamhet",
    "välfärdsteknik",
];

fn group_name(kind: GroupKind, i: usize) -> String {
    let topic = TOPICS[i % TOPICS.len()];
    let round = i / TOPICS.len();
    match kind {
        GroupKind::Pks => "PKS".into(),
        GroupKind::Kommundirektorer => "Kommundirektörer".into(),
        GroupKind::Natverk => {
            let prefix = ["Chefsnätverk", "Nätverk", "Ledningsnätverk"][round % 3];
            format!("{prefix} för {topic}")
        }
        GroupKind::Styrgrupp => {
            let prefix = ["Styrgrupp", "Beredningsgrupp", "Ledningsgrupp"][round % 3];
            format!("{prefix} för {topic}")
        }
        GroupKind::RegionSamverkan => {
            let prefix = ["Strategigrupp", "Samverkansgrupp", "Arbetsgrupp"][round % 3];
            format!("{prefix} för {topic} med regionen")
        }
    }
}

fn attendance(rng: &mut Rng) -> Attendance {
    // 1 PKS, 1 directors' group, 8 groups with the region, 12 steering
    // groups and 38 networks, in a shuffled order.
    let mut kinds = vec![GroupKind::Pks, GroupKind::Kommundirektorer];
    kinds.extend([GroupKind::RegionSamverkan; 8]);
    kinds.extend([GroupKind::Styrgrupp; 12]);
    kinds.resize(GROUPS, GroupKind::Natverk);
    rng.shuffle(&mut kinds);

    let mut groups: Vec<AttendanceGroup> = Vec::with_capacity(GROUPS);
    // Per meeting: how many of the members were present.
    let mut present_counts: Vec<Vec<usize>> = Vec::with_capacity(GROUPS);
    for (i, &kind) in kinds.iter().enumerate() {
        let members: Vec<Municipality> = if kind.is_network() && rng.chance(75) {
            let mut all = Municipality::ALL.to_vec();
            rng.shuffle(&mut all);
            all.truncate(rng_count(rng, 5, 13));
            all.sort();
            all
        } else {
            // Empty means all 13.
            Vec::new()
        };
        let size = if members.is_empty() {
            13
        } else {
            members.len()
        };
        let meetings = match kind {
            GroupKind::Pks => 10,
            GroupKind::Kommundirektorer => 12,
            _ => rng_count(rng, 14, 30),
        };
        let level = rng.between(45, 98);
        present_counts.push(
            (0..meetings)
                .map(|_| {
                    let k = (size as i64 * (level + rng.between(-15, 15)) + 50) / 100;
                    k.clamp(0, size as i64) as usize
                })
                .collect(),
        );
        let regional_members = if kind == GroupKind::RegionSamverkan {
            rng.between(3, 8) as u32
        } else {
            0
        };
        groups.push(AttendanceGroup {
            name: group_name(kind, i),
            kind,
            target: (i % 7 == 3).then(|| Decimal::from(75)),
            members,
            regional_members,
            meetings: Vec::new(),
            entered: None,
            earlier: if rng.chance(90) {
                dec(rng.between(40, 97))
            } else {
                None
            },
        });
    }

    // Adjust single meetings one seat at a time until the registrations
    // add up to exactly REGISTRATIONS.
    let capacity = |g: &AttendanceGroup| {
        if g.members.is_empty() {
            13
        } else {
            g.members.len()
        }
    };
    let mut total: usize = present_counts.iter().flatten().sum();
    while total != REGISTRATIONS {
        let gi = rng.below(GROUPS as u64) as usize;
        let mi = rng.below(present_counts[gi].len() as u64) as usize;
        let k = &mut present_counts[gi][mi];
        if total < REGISTRATIONS && *k < capacity(&groups[gi]) {
            *k += 1;
            total += 1;
        } else if total > REGISTRATIONS && *k > 0 {
            *k -= 1;
            total -= 1;
        }
    }

    for (g, counts) in groups.iter_mut().zip(&present_counts) {
        let members = if g.members.is_empty() {
            Municipality::ALL.to_vec()
        } else {
            g.members.clone()
        };
        let mut days: Vec<u64> = counts.iter().map(|_| rng.below(PERIOD_DAYS)).collect();
        days.sort_unstable();
        g.meetings = counts
            .iter()
            .zip(days)
            .map(|(&k, day)| {
                let mut present = members.clone();
                rng.shuffle(&mut present);
                present.truncate(k);
                present.sort();
                let form = match rng.below(100) {
                    0..=40 => MeetingForm::Fysiskt,
                    41..=82 => MeetingForm::Digitalt,
                    _ => MeetingForm::Kombination,
                };
                Meeting {
                    date: date_of(day),
                    form,
                    present,
                    regional_present: if g.regional_members > 0 {
                        rng.between(1, i64::from(g.regional_members)) as u32
                    } else {
                        0
                    },
                }
            })
            .collect();
    }

    let earlier = earlier_labels()
        .into_iter()
        .map(|period| AttendanceHistory {
            period,
            all_networks: dec(rng.between(60, 85)),
            pks: dec(rng.between(70, 98)),
            directors: dec(rng.between(60, 95)),
            // The region groups' range is left to the default, whatever
            // shape the model gives it.
            ..Default::default()
        })
        .collect();
    Attendance {
        target: Decimal::from(80),
        groups,
        municipality_earlier: Municipality::ALL
            .iter()
            .map(|&m| (m, Decimal::from(rng.between(55, 90))))
            .collect(),
        earlier,
        women_share: dec(rng.between(60, 85)),
        illustrative: false,
    }
}

// -------------------------------------------------------------- courses

fn courses(rng: &mut Rng) -> Courses {
    let counts: Vec<(i64, i64)> = (0..=EARLIER_PERIODS)
        .map(|_| (rng.between(20, 95), rng.between(300, 3_800)))
        .collect();
    let (courses, participants) = counts[EARLIER_PERIODS];
    let periods: Vec<CoursePeriod> = counts
        .iter()
        .enumerate()
        .map(|(i, &(c, p))| CoursePeriod {
            period: format!("tertial 1-2 {}", YEAR - (EARLIER_PERIODS - i) as i32),
            courses: dec(c),
            participants: dec(p),
            overrides: Overrides::new(),
        })
        .collect();
    let mut who: Vec<Participant> = Municipality::ALL
        .iter()
        .map(|&m| Participant::Kommun(m))
        .collect();
    who.extend([Participant::Rjl, Participant::Externa]);
    let weights: Vec<i64> = who
        .iter()
        .map(|p| match p {
            Participant::Kommun(Municipality::Jonkoping) => 30,
            _ => rng.between(1, 10),
        })
        .collect();
    let counts = split(participants, &weights);
    let area_weights: Vec<i64> = (0..10).map(|_| rng.between(1, 10)).collect();
    let area_counts = split(courses, &area_weights);
    Courses {
        periods,
        participants_period: format!("januari-augusti {YEAR}"),
        by_participant: who
            .into_iter()
            .zip(counts)
            .map(|(who, n)| ParticipantCount {
                who,
                count: dec(n),
                overrides: Overrides::new(),
            })
            .collect(),
        by_area: AREAS
            .iter()
            .zip(area_counts)
            .map(|(name, n)| NamedAmount {
                name: (*name).to_string(),
                amount: dec(n),
            })
            .collect(),
        cancelled: dec(rng.between(0, 12)),
        cancelled_reason: "på grund av sjuka kursledare".into(),
        note: paragraph(rng, 600),
        appendix: vec![
            Passage::Paragraph(paragraph(rng, 80)),
            Passage::Table(TableRef::CourseAreas),
            Passage::Paragraph(paragraph(rng, 200)),
        ],
    }
}

// --------------------------------------------------------------- survey

const QUESTIONS: [&str; 14] = [
    "samverkan mellan länets kommuner",
    "samverkan med Region Jönköpings län",
    "att underlätta samverkan med annan aktör",
    "att synliggöra medborgarnas erfarenheter",
    "att utveckla verksamheten med hänsyn till medborgarnas erfarenheter",
    "kompetensutveckling för medarbetare",
    "kompetensutveckling för chefer",
    "att omsätta forskning i praktiken",
    "att sprida goda exempel",
    "kurser och konferenser",
    "stöd vid uppföljning och utvärdering",
    "omvärldsbevakning",
    "stöd vid ansökningar om externa medel",
    "information om verksamheten",
];

fn survey(rng: &mut Rng) -> Survey {
    let years: Vec<String> = (0..=EARLIER_PERIODS)
        .map(|i| (YEAR - (EARLIER_PERIODS - i) as i32).to_string())
        .collect();
    let n = years.len();
    Survey {
        respondents: (0..n).map(|_| dec(rng.between(120, 260))).collect(),
        pks_respondents: dec(rng.between(10, 25)),
        target: dec(60),
        questions: QUESTIONS
            .iter()
            .enumerate()
            .map(|(i, q)| SurveyQuestion {
                text: format!("Andelen mycket nöjda med Kommunal utvecklings bidrag till {q}."),
                total: (0..n).map(|_| dec(rng.between(25, 95))).collect(),
                pks: if i % 3 == 2 {
                    Vec::new()
                } else {
                    (0..n).map(|_| dec(rng.between(20, 100))).collect()
                },
            })
            .collect(),
        reflections: bullets(rng, 6, 500),
        years,
    }
}

// ------------------------------------------------------------- research

fn research_items(rng: &mut Rng, count: usize) -> Vec<ResearchItem> {
    (0..count)
        .map(|_| ResearchItem {
            title: paragraph(rng, 60),
            description: text_between(rng, 300, 1_500),
            ..ResearchItem::default()
        })
        .collect()
}

fn research(rng: &mut Rng) -> Research {
    Research {
        ongoing: research_items(rng, 15),
        dissemination: research_items(rng, 15),
        scholarships: research_items(rng, 8),
        doctoral: research_items(rng, 6),
        funding_sought: research_items(rng, 10),
        conversations: research_items(rng, 10),
    }
}

fn free_texts(rng: &mut Rng) -> Vec<FreeText> {
    [
        "Inledning",
        "Sammanfattning",
        "Agenda 2030 och de 17 globala målen",
        "Utvärdering av Kommunal utvecklings verksamhet",
        "Coronapandemins påverkan på Kommunal utvecklings verksamhet",
        "Viktiga händelser under perioden",
        "Framtiden",
        "Analys",
    ]
    .iter()
    .map(|title| FreeText {
        title: (*title).to_string(),
        body: text_between(rng, 5_000, 9_000),
        bullets: bullets(rng, 5, 200),
        heading: TextHeading::Numbered,
        // Passages after the body, as a whole report's text has them.
        content: vec![
            Passage::Subheading(paragraph(rng, 40)),
            Passage::Paragraph(text_between(rng, 1_000, 2_000)),
            Passage::Bullets(bullets(rng, 4, 200)),
            Passage::Note(paragraph(rng, 150)),
        ],
        slide_points: bullets(rng, 3, 120),
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::check::{Severity, check};
    use crate::domain::{figures, tables};

    #[test]
    fn the_counts_are_what_the_module_says() {
        let ws = stress_workspace();
        let a = &ws.attendance;
        assert_eq!(a.groups.len(), GROUPS);
        assert_eq!(registrations(&ws), REGISTRATIONS);
        for kind in GroupKind::ALL {
            assert!(a.groups.iter().any(|g| g.kind == kind), "{kind:?}");
        }
        let meetings: usize = a.groups.iter().map(|g| g.meetings.len()).sum();
        assert!((1_000..1_600).contains(&meetings), "{meetings} meetings");

        assert_eq!(ws.goals.len(), GOALS);
        let sections = || ws.goals.iter().flat_map(|g| &g.sections);
        assert_eq!(sections().count(), GOALS * SECTIONS_PER_GOAL);
        let measures: Vec<&Measure> = sections().flat_map(|s| &s.measures).collect();
        assert_eq!(measures.len(), MEASURES);
        assert_eq!(
            sections().map(|s| s.activities.len()).sum::<usize>(),
            ACTIVITIES
        );
        for m in &measures {
            assert_eq!(m.earlier.len(), EARLIER_PERIODS, "{}", m.name);
            assert!(m.result.is_some(), "{}", m.name);
        }
        assert!(measures.iter().filter(|m| m.target.is_some()).count() > MEASURES * 9 / 10);

        assert_eq!(ws.staff.rows.len(), EARLIER_PERIODS + 1);
        assert_eq!(ws.staff.rows[EARLIER_PERIODS].period, "2020 - tertial 2");
        assert_eq!(ws.staff.rows[0].period, "2013 - tertial 3");
        assert_eq!(a.earlier.len(), EARLIER_PERIODS);
        assert_eq!(ws.economy.applications.earlier.len(), EARLIER_PERIODS);
        assert_eq!(ws.courses.periods.len(), EARLIER_PERIODS + 1);
        assert_eq!(ws.survey.years.len(), EARLIER_PERIODS + 1);
        assert_eq!(ws.survey.respondents.len(), EARLIER_PERIODS + 1);
        let e = &ws.economy;
        assert!(e.budget.is_some() && e.funds.is_some() && e.financing.is_some());
        assert!(e.cost_reduction.is_some() && e.plan_budget.is_some());
        assert!(!e.applications.items.is_empty());
    }

    #[test]
    fn the_texts_are_long_and_swedish() {
        let ws = stress_workspace();
        for g in &ws.goals {
            assert!(g.intro.chars().count() >= 4_000);
            for s in &g.sections {
                assert!(s.text.chars().count() >= 2_000);
            }
        }
        for t in &ws.texts {
            assert!(t.body.chars().count() >= 5_000, "{}", t.title);
        }
        let all = ws.texts.iter().map(|t| t.body.as_str()).collect::<String>();
        for c in ['å', 'ä', 'ö'] {
            assert!(all.contains(c), "{c}");
        }
        assert!(ws.data_notes.iter().any(|n| n.contains("illustrativ")));
    }

    #[test]
    fn it_is_the_same_every_time() {
        assert_eq!(stress_workspace(), stress_workspace());
    }

    #[test]
    fn every_figure_computes_and_nothing_is_a_problem() {
        let ws = stress_workspace();
        let findings = check(&ws);
        let problems: Vec<String> = findings
            .iter()
            .filter(|f| f.severity == Severity::Problem)
            .map(|f| f.to_string())
            .collect();
        assert!(problems.is_empty(), "{problems:#?}");
        assert!(tables::all_tables(&ws).len() > GOALS * SECTIONS_PER_GOAL);
        assert!(!crate::domain::key_figures::key_figures(&ws).is_empty());

        let f = figures::attendance(&ws.attendance);
        assert_eq!(f.groups.len(), GROUPS);
        assert_eq!(f.networks, 50);
        assert!(f.all_networks.is_some() && f.pks.is_some() && f.directors.is_some());
        assert!(f.municipalities.iter().all(|(_, v)| v.is_some()));
        let staff = figures::staff(&ws.staff);
        assert_eq!(staff.current_total, staff.financing_total);
        let c = figures::courses(&ws.courses);
        assert_eq!(c.participants_total, c.current_participants);
        assert_eq!(c.by_area_total, c.current_courses);
        for kind in crate::charts::ChartKind::ALL {
            assert!(crate::charts::chart(&ws, kind).has_data(), "{kind:?}");
        }
    }

    #[test]
    fn helpers() {
        assert_eq!(date_of(0), "2020-01-01");
        assert_eq!(date_of(59), "2020-02-29");
        assert_eq!(date_of(PERIOD_DAYS - 1), "2020-08-31");
        assert_eq!(split(10, &[1, 1, 1]).iter().sum::<i64>(), 10);
        assert_eq!(split(7, &[0, 5]), vec![0, 7]);
        let mut rng = Rng::new(1);
        for _ in 0..1_000 {
            let v = rng.between(-3, 3);
            assert!((-3..=3).contains(&v));
        }
    }
}
