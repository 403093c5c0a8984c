//! The column declarations of every editable table: header, kind, width,
//! how each cell is read, written, computed and printed. `tables` builds
//! the report's tables from these, the editor's grid edits through them,
//! and copy, paste and CSV read them, so each column is declared here once.
//! Computed columns borrow the figures `figures` derived for the rows.

use rust_decimal::Decimal;

use super::figures::{self, Figure};
use super::model::*;
use super::municipality::Municipality;
use super::numbers;
use super::sheet::{Column, Slot, Width};
use super::tables::{Cell, Format};

fn label_with_marker(text: &str, marker: &str) -> String {
    if marker.is_empty() {
        text.to_string()
    } else {
        format!("{text} {marker}")
    }
}

fn names<T: Copy>(values: &[T], name: impl Fn(T) -> &'static str) -> Vec<String> {
    values.iter().map(|v| name(*v).to_string()).collect()
}

fn position<T: PartialEq>(values: &[T], v: &T) -> usize {
    values.iter().position(|x| x == v).unwrap_or(0)
}

fn marker<'a, R: 'a>(get: fn(&R) -> &String, set: fn(&mut R) -> &mut String) -> Column<'a, R> {
    Column::text("Fotnot", get, set)
        .long_header("Fotnotsmarkör")
        .with_width(Width::Narrow)
        .not_printed()
}

// ---------------------------------------------------------------- staff

/// Antal medarbetare och anställningsformer: the FTE per form of
/// employment and their Summa (computed, can be typed over).
pub fn staff<'a>(f: &'a figures::StaffFigures, fte: Format) -> Vec<Column<'a, StaffRow>> {
    vec![
        Column::text(
            "År/anställningsform",
            |r: &StaffRow| &r.period,
            |r| &mut r.period,
        )
        .printing_text(|r| label_with_marker(&r.period, &r.marker)),
        Column::number(
            "Tjänsteköp",
            fte.clone(),
            |r: &StaffRow| r.tjanstekop,
            |r| &mut r.tjanstekop,
        ),
        Column::number(
            "Tillsvidare",
            fte.clone(),
            |r: &StaffRow| r.tillsvidare,
            |r| &mut r.tillsvidare,
        ),
        Column::number(
            "Visstid",
            fte.clone(),
            |r: &StaffRow| r.visstid,
            |r| &mut r.visstid,
        ),
        Column::computed("Summa", move |i, _| {
            Cell::figure(f.sums.get(i).copied().unwrap_or_default(), fte.clone())
        })
        .overridable(Slot::in_map(
            |r: &StaffRow| &r.overrides,
            |r| &mut r.overrides,
            StaffColumn::Summa,
        )),
        marker(|r: &StaffRow| &r.marker, |r| &mut r.marker),
    ]
}

/// A list of named amounts with their sum (FTE per activity, courses per
/// area).
pub fn named_amounts<'a>(
    name_header: &str,
    amount_header: &str,
    format: Format,
) -> Vec<Column<'a, NamedAmount>> {
    vec![
        Column::text(name_header, |r: &NamedAmount| &r.name, |r| &mut r.name),
        Column::number(
            amount_header,
            format,
            |r: &NamedAmount| r.amount,
            |r| &mut r.amount,
        ),
    ]
}

// ------------------------------------------------------------ mätetal

/// How a mätetal's values are printed.
pub fn measure_format(kind: &ValueKind) -> Format {
    match kind {
        ValueKind::Procent => Format::Percent,
        ValueKind::Kronor => Format::Kronor,
        ValueKind::Antal(unit) => Format::Count(unit.clone()),
    }
}

const KINDS: [&str; 3] = ["Procent", "Kronor", "Antal"];

fn status_options() -> Vec<(MeasureStatus, String)> {
    MeasureStatus::ALL
        .iter()
        .map(|s| (*s, format!("{} {}", s.symbol(), s.name())))
        .collect()
}

fn trend_options() -> Vec<(Trend, String)> {
    Trend::ALL
        .iter()
        .map(|t| (*t, format!("{} {}", t.symbol(), t.name())))
        .collect()
}

fn last_earlier(m: &Measure) -> Option<&PeriodValue> {
    m.earlier.last()
}

fn last_earlier_mut(m: &mut Measure) -> &mut PeriodValue {
    if m.earlier.is_empty() {
        m.earlier.push(PeriodValue::default());
    }
    let last = m.earlier.len() - 1;
    &mut m.earlier[last]
}

/// Drop a comparison that was emptied, so an untouched mätetal has none.
fn tidy_earlier(m: &mut Measure) {
    if m.earlier.len() == 1 && m.earlier[0] == PeriodValue::default() {
        m.earlier.clear();
    }
}

/// A section's mätetal: name, kind and unit, target, result, status and
/// trend (computed, can be typed over), the comparison period and value,
/// the description. The report prints name, target, result, status, trend
/// and description.
pub fn measures<'a>() -> Vec<Column<'a, Measure>> {
    let fmt = |m: &Measure| measure_format(&m.kind);
    vec![
        Column::long_text("Mätetal", |m: &Measure| &m.name, |m| &mut m.name),
        Column::choice(
            "Slag",
            KINDS.iter().map(|s| s.to_string()).collect(),
            |m: &Measure| match m.kind {
                ValueKind::Procent => 0,
                ValueKind::Kronor => 1,
                ValueKind::Antal(_) => 2,
            },
            |m: &mut Measure, i| {
                m.kind = match i {
                    0 => ValueKind::Procent,
                    1 => ValueKind::Kronor,
                    _ => match &m.kind {
                        ValueKind::Antal(u) => ValueKind::Antal(u.clone()),
                        _ => ValueKind::Antal("st.".into()),
                    },
                }
            },
        )
        .not_printed(),
        Column::parsed(
            "Enhet",
            Width::Narrow,
            |m: &Measure| match &m.kind {
                ValueKind::Antal(u) => u.clone(),
                _ => String::new(),
            },
            |m: &mut Measure, text| match &mut m.kind {
                ValueKind::Antal(u) => {
                    *u = text.trim().to_string();
                    Ok(())
                }
                _ => Err("enheten gäller bara mätetal av slaget Antal.".into()),
            },
        )
        .with_enabled(|m: &Measure| matches!(m.kind, ValueKind::Antal(_)))
        .not_printed(),
        Column::choice(
            "Riktning",
            vec!["Högre är bättre".into(), "Lägre är bättre".into()],
            |m: &Measure| usize::from(m.direction == Direction::LowerIsBetter),
            |m: &mut Measure, i| {
                m.direction = if i == 1 {
                    Direction::LowerIsBetter
                } else {
                    Direction::HigherIsBetter
                }
            },
        )
        .not_printed(),
        Column::number_by_row("Målvärde", fmt, |m: &Measure| m.target, |m, v| m.target = v),
        Column::number_by_row("Resultat", fmt, |m: &Measure| m.result, |m, v| m.result = v),
        Column::computed("Status", |_, m: &Measure| {
            Cell::derived_text(figures::measure_status(m), |s| {
                format!("{} {}", s.symbol(), s.name())
            })
        })
        .with_width(Width::Text)
        .overridable(Slot::choice(
            |m: &Measure| &m.status_override,
            |m| &mut m.status_override,
            status_options(),
        )),
        Column::computed("Trend", |_, m: &Measure| {
            Cell::derived_text(figures::measure_trend(m), |t| t.symbol().to_string())
        })
        .with_width(Width::Narrow)
        .overridable(Slot::choice(
            |m: &Measure| &m.trend_override,
            |m| &mut m.trend_override,
            trend_options(),
        )),
        Column::parsed(
            "Jämförelseperiod",
            Width::Text,
            |m: &Measure| {
                last_earlier(m)
                    .map(|p| p.period.clone())
                    .unwrap_or_default()
            },
            |m: &mut Measure, text| {
                last_earlier_mut(m).period = text.trim().to_string();
                tidy_earlier(m);
                Ok(())
            },
        )
        .not_printed(),
        Column::number_by_row(
            "Jämförelsevärde",
            fmt,
            |m: &Measure| last_earlier(m).and_then(|p| p.value),
            |m, v| {
                last_earlier_mut(m).value = v;
                tidy_earlier(m);
            },
        )
        .not_printed(),
        Column::long_text(
            "Beskrivning av resultat",
            |m: &Measure| &m.description,
            |m| &mut m.description,
        ),
    ]
}

/// A section's activities: name, state and status text.
pub fn activities<'a>() -> Vec<Column<'a, Activity>> {
    vec![
        Column::long_text("Aktivitet", |a: &Activity| &a.name, |a| &mut a.name),
        Column::choice(
            "Läge",
            names(&ActivityState::ALL, ActivityState::name),
            |a: &Activity| position(&ActivityState::ALL, &a.state),
            |a: &mut Activity, i| a.state = ActivityState::ALL[i.min(ActivityState::ALL.len() - 1)],
        ),
        Column::long_text(
            "Status",
            |a: &Activity| &a.status_text,
            |a| &mut a.status_text,
        ),
    ]
}

// -------------------------------------------------------------- economy

fn amount<'a, R: 'a>(
    header: String,
    get: fn(&R) -> Option<Decimal>,
    set: fn(&mut R) -> &mut Option<Decimal>,
) -> Column<'a, R> {
    Column::number(header, Format::Amount, get, set)
}

/// Tabell 1 Budgetuppföljning (and the rows below its sum, with
/// `label_header` "Rad"): typed amounts, Disponibla and Kvarvarande
/// computed (both can be typed over); `rows` are the rows' figures.
pub fn budget<'a>(
    t: &BudgetFollowUp,
    rows: &'a [figures::BudgetRowFigures],
    label_header: &str,
) -> Vec<Column<'a, BudgetRow>> {
    let y = &t.year;
    let date = &t.as_of;
    let slot = |k| Slot::in_map(|r: &BudgetRow| &r.overrides, |r| &mut r.overrides, k);
    let fig = move |i: usize, pick: fn(&figures::BudgetRowFigures) -> Figure| {
        Cell::figure(rows.get(i).map(pick).unwrap_or_default(), Format::Amount)
    };
    vec![
        Column::text(label_header, |r: &BudgetRow| &r.area, |r| &mut r.area)
            .printing_text(|r| label_with_marker(&r.area, &r.marker))
            .printed_as(""),
        amount(
            format!("Ingående medel {y}"),
            |r| r.ingaende,
            |r| &mut r.ingaende,
        ),
        amount(
            format!("Erhållna medel {y}"),
            |r| r.erhallna,
            |r| &mut r.erhallna,
        ),
        Column::computed(format!("Disponibla medel {y}"), move |i, _| {
            fig(i, |f| f.disponibla)
        })
        .overridable(slot(BudgetColumn::Disponibla)),
        amount(
            format!("Budget förbrukning {y}"),
            |r| r.budget,
            |r| &mut r.budget,
        ),
        amount(
            format!("Utfall förbrukning {date}"),
            |r| r.utfall,
            |r| &mut r.utfall,
        ),
        Column::computed(format!("Kvarvarande medel {date}"), move |i, _| {
            fig(i, |f| f.kvarvarande)
        })
        .overridable(slot(BudgetColumn::Kvarvarande)),
        amount(
            "Varav kvarvarande fonderade statliga medel".into(),
            |r| r.fonderade,
            |r| &mut r.fonderade,
        ),
        amount(
            format!("Prognos kvarvarande medel {y}-12-31"),
            |r| r.prognos,
            |r| &mut r.prognos,
        ),
        marker(|r: &BudgetRow| &r.marker, |r| &mut r.marker),
    ]
}

/// Tabell 1's sum row overrides, by printed column.
pub const BUDGET_SUM_KEYS: [(usize, BudgetColumn); 8] = [
    (1, BudgetColumn::Ingaende),
    (2, BudgetColumn::Erhallna),
    (3, BudgetColumn::Disponibla),
    (4, BudgetColumn::Budget),
    (5, BudgetColumn::Utfall),
    (6, BudgetColumn::Kvarvarande),
    (7, BudgetColumn::Fonderade),
    (8, BudgetColumn::Prognos),
];

/// Tabell 2a Redovisning av disponibla medel: Ingående medel at the
/// current date is computed (kommunerna + staten + övriga).
pub fn funds<'a>(t: &FundsByFinancier, f: &'a figures::FundsFigures) -> Vec<Column<'a, FundsRow>> {
    vec![
        Column::text(
            "Redovisning av disponibla medel",
            |r: &FundsRow| &r.area,
            |r| &mut r.area,
        ),
        amount(
            format!("Ingående medel {}", t.previous_date),
            |r| r.previous,
            |r| &mut r.previous,
        ),
        Column::computed(
            format!("Ingående medel {}", t.current_date),
            move |i, _| {
                Cell::figure(
                    f.rows.get(i).map(|r| r.current).unwrap_or_default(),
                    Format::Amount,
                )
            },
        )
        .overridable(Slot::in_map(
            |r: &FundsRow| &r.overrides,
            |r| &mut r.overrides,
            FundsColumn::Current,
        )),
        amount(
            "Tillförda medel kommunerna".into(),
            |r| r.kommunerna,
            |r| &mut r.kommunerna,
        ),
        amount(
            "Tillförda medel staten".into(),
            |r| r.staten,
            |r| &mut r.staten,
        ),
        amount(
            "Tillförda medel övriga".into(),
            |r| r.ovriga,
            |r| &mut r.ovriga,
        ),
        amount(
            "Därav fonderade statliga medel".into(),
            |r| r.fonderade,
            |r| &mut r.fonderade,
        ),
    ]
}

/// Tabell 2a's sum cells that can be typed over: printed column and override key.
pub const FUNDS_SUM_KEYS: [(usize, FundsColumn); 6] = [
    (1, FundsColumn::Previous),
    (2, FundsColumn::Current),
    (3, FundsColumn::Kommunerna),
    (4, FundsColumn::Staten),
    (5, FundsColumn::Ovriga),
    (6, FundsColumn::Fonderade),
];

/// A share table's columns (Tabell 2b, 3b): every cell computed, each of
/// them can be typed over. `label` names the row, `share` and `split` are
/// the row's figures.
#[allow(clippy::too_many_arguments)]
fn share_columns<'a, R: 'a, K: Ord + Copy + 'a>(
    headers: [String; 5],
    label: fn(&R) -> String,
    share: impl Fn(usize) -> Figure + 'a,
    split: impl Fn(usize, usize) -> Figure + Copy + 'a,
    overrides: fn(&R) -> &std::collections::BTreeMap<K, Override>,
    overrides_mut: fn(&mut R) -> &mut std::collections::BTreeMap<K, Override>,
    keys: [K; 4],
) -> Vec<Column<'a, R>> {
    let [h0, h1, h2, h3, h4] = headers;
    let mut cols = vec![
        Column::fixed(h0, label),
        Column::computed(h1, move |i, _| Cell::figure(share(i), Format::Percent))
            .overridable(Slot::in_map(overrides, overrides_mut, keys[0])),
    ];
    for (j, h) in [h2, h3, h4].into_iter().enumerate() {
        cols.push(
            Column::computed(h, move |i, _| Cell::figure(split(i, j), Format::Percent))
                .overridable(Slot::in_map(overrides, overrides_mut, keys[j + 1])),
        );
    }
    cols
}

/// Tabell 2b Andelen disponibla medel fördelade på finansiärer.
pub fn funds_shares<'a>(
    t: &FundsByFinancier,
    f: &'a figures::FundsFigures,
) -> Vec<Column<'a, FundsRow>> {
    share_columns(
        [
            "Redovisning av disponibla medel".into(),
            format!("Ingående medel {}", t.current_date),
            "Tillförda medel kommunerna".into(),
            "Tillförda medel staten".into(),
            "Tillförda medel övriga".into(),
        ],
        |r: &FundsRow| r.area.clone(),
        move |i| f.rows.get(i).map(|r| r.share_current).unwrap_or_default(),
        move |i, j| {
            f.rows
                .get(i)
                .map(|r| r.share_financiers[j])
                .unwrap_or_default()
        },
        |r| &r.overrides,
        |r| &mut r.overrides,
        [
            FundsColumn::ShareCurrent,
            FundsColumn::ShareKommunerna,
            FundsColumn::ShareStaten,
            FundsColumn::ShareOvriga,
        ],
    )
}

/// Tabell 2b's sum cells that can be typed over: printed column and override key.
pub const FUNDS_SHARE_SUM_KEYS: [(usize, FundsColumn); 4] = [
    (1, FundsColumn::ShareCurrent),
    (2, FundsColumn::ShareKommunerna),
    (3, FundsColumn::ShareStaten),
    (4, FundsColumn::ShareOvriga),
];

/// Tabell 3a Finansiering av verksamheten: Utfall computed (the financiers'
/// sum); the municipalities' share when the table shows it.
pub fn financing<'a>(
    t: &FinancingTable,
    f: &'a figures::FinancingFigures,
) -> Vec<Column<'a, FinancingRow>> {
    let slot = |k| Slot::in_map(|r: &FinancingRow| &r.overrides, |r| &mut r.overrides, k);
    let mut cols = vec![
        Column::text(
            "Verksamhetsområde",
            |r: &FinancingRow| &r.area,
            |r| &mut r.area,
        )
        .printed_as(t.heading.clone()),
        Column::computed("Utfall per verksamhetsområde", move |i, _| {
            Cell::figure(
                f.rows.get(i).map(|r| r.utfall).unwrap_or_default(),
                Format::Amount,
            )
        })
        .overridable(slot(FinancingColumn::Utfall)),
        amount(
            "Tillförda medel kommunerna".into(),
            |r| r.kommunerna,
            |r| &mut r.kommunerna,
        ),
        amount(
            "Tillförda medel staten".into(),
            |r| r.staten,
            |r| &mut r.staten,
        ),
        amount(
            "Tillförda medel övriga".into(),
            |r| r.ovriga,
            |r| &mut r.ovriga,
        ),
    ];
    if t.show_municipal_share {
        cols.push(
            Column::computed("Andel finansiering via länets kommuner", move |i, _| {
                Cell::figure(
                    f.rows
                        .get(i)
                        .map(|r| r.share_financiers[0])
                        .unwrap_or_default(),
                    Format::Percent,
                )
            })
            .overridable(slot(FinancingColumn::ShareKommunerna)),
        );
    }
    cols
}

/// Tabell 3a's sum cells that can be typed over: printed column and override key.
pub const FINANCING_SUM_KEYS: [(usize, FinancingColumn); 5] = [
    (1, FinancingColumn::Utfall),
    (2, FinancingColumn::Kommunerna),
    (3, FinancingColumn::Staten),
    (4, FinancingColumn::Ovriga),
    (5, FinancingColumn::ShareKommunerna),
];

/// Tabell 3b Finansiering av verksamheten, andel.
pub fn financing_shares<'a>(f: &'a figures::FinancingFigures) -> Vec<Column<'a, FinancingRow>> {
    share_columns(
        [
            "Finansiering av utfall".into(),
            "Andel utfall per verksamhetsområde".into(),
            "Tillförda medel kommunerna".into(),
            "Tillförda medel staten".into(),
            "Tillförda medel övriga".into(),
        ],
        |r: &FinancingRow| r.area.clone(),
        move |i| f.rows.get(i).map(|r| r.share_utfall).unwrap_or_default(),
        move |i, j| {
            f.rows
                .get(i)
                .map(|r| r.share_financiers[j])
                .unwrap_or_default()
        },
        |r| &r.overrides,
        |r| &mut r.overrides,
        [
            FinancingColumn::ShareUtfall,
            FinancingColumn::ShareKommunerna,
            FinancingColumn::ShareStaten,
            FinancingColumn::ShareOvriga,
        ],
    )
}

/// Tabell 3b's sum cells that can be typed over: printed column and override key.
pub const FINANCING_SHARE_SUM_KEYS: [(usize, FinancingColumn); 4] = [
    (1, FinancingColumn::ShareUtfall),
    (2, FinancingColumn::ShareKommunerna),
    (3, FinancingColumn::ShareStaten),
    (4, FinancingColumn::ShareOvriga),
];

const DECISIONS: [Decision; 3] = [Decision::Pending, Decision::Granted, Decision::Rejected];

/// Ansökningar om extern finansiering.
pub fn applications<'a>() -> Vec<Column<'a, Application>> {
    vec![
        Column::long_text("Ansökan", |a: &Application| &a.name, |a| &mut a.name),
        Column::text("Finansiär", |a: &Application| &a.funder, |a| &mut a.funder),
        amount(
            "Sökt belopp (kr)".into(),
            |a: &Application| a.sought,
            |a| &mut a.sought,
        ),
        Column::choice(
            "Beslut",
            names(&DECISIONS, Decision::name),
            |a: &Application| position(&DECISIONS, &a.decision),
            |a: &mut Application, i| a.decision = DECISIONS[i.min(DECISIONS.len() - 1)],
        ),
        amount(
            "Beviljat belopp (kr)".into(),
            |a: &Application| a.granted,
            |a| &mut a.granted,
        ),
        Column::flag("Räknas", |a: &Application| a.counted, |a, v| a.counted = v)
            .printing_text(|a| if a.counted { "ja" } else { "nej" }.to_string()),
        Column::long_text("Kommentar", |a: &Application| &a.note, |a| &mut a.note),
    ]
}

/// The applications' totals of an earlier period (or of this one, when
/// the applications are not listed).
pub fn application_totals<'a>() -> Vec<Column<'a, ApplicationTotals>> {
    vec![
        Column::text(
            "Period",
            |r: &ApplicationTotals| &r.period,
            |r| &mut r.period,
        ),
        amount("Inskickade".into(), |r| r.sent, |r| &mut r.sent),
        amount("Beviljade".into(), |r| r.granted, |r| &mut r.granted),
        amount(
            "Sökta kronor".into(),
            |r| r.sought_kronor,
            |r| &mut r.sought_kronor,
        ),
        amount(
            "Beviljade kronor".into(),
            |r| r.granted_kronor,
            |r| &mut r.granted_kronor,
        ),
    ]
}

/// Exempel på kostnadsreducering: costs typed, the reductions computed.
pub fn cost<'a>(f: &'a figures::CostFigures) -> Vec<Column<'a, CostReductionRow>> {
    let kr = || Format::Count("kr".into());
    let slot = |k| Slot::in_map(|r: &CostReductionRow| &r.overrides, |r| &mut r.overrides, k);
    let fig = move |i: usize, pick: fn(&figures::CostRowFigures) -> Figure| {
        f.rows.get(i).map(pick).unwrap_or_default()
    };
    vec![
        Column::long_text("Kurs", |r: &CostReductionRow| &r.course, |r| &mut r.course),
        Column::number(
            "Kostnad per deltagare när kursen genomförs via Kommunal utveckling",
            kr(),
            |r: &CostReductionRow| r.cost_internal,
            |r| &mut r.cost_internal,
        ),
        Column::number(
            "Antal deltagare per kurstillfälle",
            Format::Amount,
            |r: &CostReductionRow| r.participants,
            |r| &mut r.participants,
        ),
        Column::number(
            "Kostnad per deltagare när kursen genomförs via extern kurssamordnare i Sverige",
            kr(),
            |r: &CostReductionRow| r.cost_external,
            |r| &mut r.cost_external,
        ),
        Column::computed("Kostnadsreducering per deltagare", move |i, _| {
            Cell::figure(fig(i, |f| f.per_participant), kr())
        })
        .overridable(slot(CostColumn::PerParticipant)),
        Column::computed("Kostnadsreducering per kurs", move |i, _| {
            Cell::figure(fig(i, |f| f.per_course), kr())
        })
        .overridable(slot(CostColumn::PerCourse)),
        Column::computed("Kostnadsreducering i %", move |i, _| {
            Cell::figure(fig(i, |f| f.percent), Format::Percent)
        })
        .overridable(slot(CostColumn::Percent)),
    ]
}

/// The cost table's sum cells that can be typed over: printed column and override key.
pub const COST_SUM_KEYS: [(usize, CostColumn); 2] =
    [(5, CostColumn::PerCourse), (6, CostColumn::Percent)];

/// The plan's budget table: Disponibla computed.
pub fn plan<'a>(t: &PlanBudget, f: &'a figures::PlanFigures) -> Vec<Column<'a, PlanBudgetRow>> {
    let y = &t.year;
    vec![
        Column::text(
            "Verksamhetsområde",
            |r: &PlanBudgetRow| &r.area,
            |r| &mut r.area,
        )
        .printing_text(|r| label_with_marker(&r.area, &r.marker))
        .printed_as(format!("Budget {y}, redovisning i tkr")),
        amount(
            format!("Ingående medel {y}"),
            |r| r.ingaende,
            |r| &mut r.ingaende,
        ),
        amount(
            format!("Förväntade/beviljade medel {y}"),
            |r| r.forvantade,
            |r| &mut r.forvantade,
        ),
        Column::computed(format!("Disponibla medel {y}"), move |i, _| {
            Cell::figure(
                f.disponibla.get(i).copied().unwrap_or_default(),
                Format::Amount,
            )
        })
        .overridable(Slot::in_map(
            |r: &PlanBudgetRow| &r.overrides,
            |r| &mut r.overrides,
            PlanColumn::Disponibla,
        )),
        amount(format!("Budget {y}"), |r| r.budget, |r| &mut r.budget),
        marker(|r: &PlanBudgetRow| &r.marker, |r| &mut r.marker),
    ]
}

/// The plan budget's sum cells that can be typed over: printed column and override key.
pub const PLAN_SUM_KEYS: [(usize, PlanColumn); 4] = [
    (1, PlanColumn::Ingaende),
    (2, PlanColumn::Forvantade),
    (3, PlanColumn::Disponibla),
    (4, PlanColumn::Budget),
];

// ----------------------------------------------------------- attendance

fn rounded(v: Option<Decimal>) -> Option<Decimal> {
    v.map(|x| numbers::round_half_up(x, 0))
}

/// Networks and groups: name, kind, own target and last year's value
/// typed; meetings, averages, whether the target is reached and the change
/// computed from the registrations. `common_target` is printed where a
/// group has no target of its own.
pub fn attendance_groups<'a>(
    f: &'a figures::AttendanceFigures,
    common_target: Decimal,
) -> Vec<Column<'a, AttendanceGroup>> {
    let g = move |i: usize| f.groups.get(i);
    let pct = |v: Option<Decimal>| Cell::figure(Figure::computed(v), Format::Percent);
    vec![
        Column::text(
            "Nätverk/grupp",
            |g: &AttendanceGroup| &g.name,
            |g| &mut g.name,
        ),
        Column::choice(
            "Slag",
            names(&GroupKind::ALL, GroupKind::name),
            |g: &AttendanceGroup| position(&GroupKind::ALL, &g.kind),
            |g: &mut AttendanceGroup, i| g.kind = GroupKind::ALL[i.min(GroupKind::ALL.len() - 1)],
        ),
        Column::computed("Antal träffar", move |i, _| {
            Cell::number(
                Some(Decimal::from(g(i).map(|x| x.meetings).unwrap_or(0))),
                Format::Amount,
            )
        }),
        Column::computed("Närvaro", move |i, _| {
            pct(rounded(g(i).and_then(|x| x.average)))
        }),
        Column::computed("Kommunernas representanter", move |i, _| {
            pct(g(i).and_then(|x| x.municipal_average))
        }),
        Column::computed("Regionens representanter", move |i, _| {
            pct(g(i).and_then(|x| x.regional_average))
        }),
        Column::number(
            "Målvärde",
            Format::Percent,
            |g: &AttendanceGroup| g.target,
            |g| &mut g.target,
        )
        .printing(move |_, g| Cell::number(g.target.or(Some(common_target)), Format::Percent)),
        Column::computed("Når målvärdet", move |i, _| {
            Cell::text(match g(i).and_then(|x| x.reaches_target) {
                Some(true) => "ja",
                Some(false) => "nej",
                None => "",
            })
        })
        .with_width(Width::Narrow),
        Column::number(
            "Samma period föregående år",
            Format::Percent,
            |g: &AttendanceGroup| g.earlier,
            |g| &mut g.earlier,
        ),
        Column::computed("Förändring (procentenheter)", move |i, _| {
            Cell::figure(
                Figure::computed(g(i).and_then(|x| x.change_points)),
                Format::Change,
            )
        }),
        Column::count(
            "Regionens representanter i gruppen",
            |_| 50,
            |g: &AttendanceGroup| g.regional_members,
            |g, n| g.regional_members = n,
        )
        .not_printed(),
    ]
}

/// A short name for a municipality's column in the registration grid.
pub fn short_name(m: Municipality) -> &'static str {
    match m {
        Municipality::Aneby => "Aneby",
        Municipality::Eksjo => "Eksjö",
        Municipality::Gislaved => "Gisl.",
        Municipality::Gnosjo => "Gnosjö",
        Municipality::Habo => "Habo",
        Municipality::Jonkoping => "Jkpg",
        Municipality::Mullsjo => "Mullsj.",
        Municipality::Nassjo => "Nässjö",
        Municipality::Savsjo => "Sävsjö",
        Municipality::Tranas => "Tranås",
        Municipality::Vaggeryd => "Vagg.",
        Municipality::Vetlanda => "Vetl.",
        Municipality::Varnamo => "Värn.",
    }
}

/// A group's meetings: date, form, a tick per member municipality
/// present, and how many of the region's representatives came.
pub fn meetings<'a>(members: &'a [Municipality], regional: u32) -> Vec<Column<'a, Meeting>> {
    let mut cols = vec![
        Column::text("Datum", |m: &Meeting| &m.date, |m| &mut m.date),
        Column::choice(
            "Form",
            names(&MeetingForm::ALL, MeetingForm::name),
            |m: &Meeting| position(&MeetingForm::ALL, &m.form),
            |m: &mut Meeting, i| m.form = MeetingForm::ALL[i.min(MeetingForm::ALL.len() - 1)],
        ),
    ];
    for mu in Municipality::ALL {
        cols.push(
            Column::flag(
                short_name(mu),
                move |m: &Meeting| m.present.contains(&mu),
                move |m: &mut Meeting, on| {
                    m.present.retain(|x| *x != mu);
                    if on {
                        m.present.push(mu);
                        m.present.sort();
                    }
                },
            )
            .long_header(mu.name())
            .with_enabled(move |_| members.contains(&mu)),
        );
    }
    cols.push(Column::count(
        "Regionen",
        move |_| regional,
        |m: &Meeting| m.regional_present,
        |m, n| m.regional_present = n,
    ));
    cols
}

/// A municipality's row in the per-municipality table: its average is
/// computed, last year's value typed.
#[derive(Debug, Clone, PartialEq)]
pub struct MunicipalityRow {
    /// The municipality.
    pub municipality: Municipality,
    /// Its average last year (percent).
    pub earlier: Option<Decimal>,
}

impl Default for MunicipalityRow {
    fn default() -> Self {
        MunicipalityRow {
            municipality: Municipality::Aneby,
            earlier: None,
        }
    }
}

/// The per-municipality rows of `a`, in the table's order.
pub fn municipality_rows(a: &Attendance) -> Vec<MunicipalityRow> {
    Municipality::ALL
        .iter()
        .map(|m| MunicipalityRow {
            municipality: *m,
            earlier: a.municipality_earlier.get(m).copied(),
        })
        .collect()
}

/// Genomsnittsnärvaro per kommun.
pub fn municipalities<'a>(f: &'a figures::AttendanceFigures) -> Vec<Column<'a, MunicipalityRow>> {
    let now = move |r: &MunicipalityRow| {
        rounded(
            f.municipalities
                .iter()
                .find(|(m, _)| *m == r.municipality)
                .and_then(|(_, v)| *v),
        )
    };
    vec![
        Column::fixed("Kommun", |r: &MunicipalityRow| {
            r.municipality.name().to_string()
        }),
        Column::computed("Närvaro", move |_, r: &MunicipalityRow| {
            Cell::figure(Figure::computed(now(r)), Format::Percent)
        }),
        Column::number(
            "Samma period föregående år",
            Format::Percent,
            |r: &MunicipalityRow| r.earlier,
            |r| &mut r.earlier,
        ),
        Column::computed(
            "Förändring (procentenheter)",
            move |_, r: &MunicipalityRow| {
                Cell::figure(
                    Figure::computed(figures::change_points(now(r), r.earlier)),
                    Format::Change,
                )
            },
        ),
    ]
}

/// Närvaro jämfört med tidigare perioder: earlier periods typed; the
/// region's groups' range typed as lowest and highest, printed as one range.
pub fn attendance_history<'a>() -> Vec<Column<'a, AttendanceHistory>> {
    type Field = fn(&mut AttendanceHistory) -> &mut Option<Decimal>;
    let pct = |h: &str, get: fn(&AttendanceHistory) -> Option<Decimal>, set: Field| {
        Column::number(h, Format::Percent, get, set)
    };
    vec![
        Column::text(
            "Period",
            |r: &AttendanceHistory| &r.period,
            |r| &mut r.period,
        ),
        pct(
            "Samtliga nätverk",
            |r| r.all_networks,
            |r| &mut r.all_networks,
        ),
        pct("PKS", |r| r.pks, |r| &mut r.pks),
        pct("Kommundirektörer", |r| r.directors, |r| &mut r.directors),
        Column::computed(
            "Olika träffar i samverkan med Region Jönköpings län",
            |_, r: &AttendanceHistory| {
                Cell::text(numbers::format_percent_range(
                    r.region_groups_low,
                    r.region_groups_high,
                ))
            },
        )
        .with_width(Width::Text),
        pct(
            "Regionträffar, lägst",
            |r| r.region_groups_low,
            |r| &mut r.region_groups_low,
        )
        .not_printed(),
        pct(
            "Regionträffar, högst",
            |r| r.region_groups_high,
            |r| &mut r.region_groups_high,
        )
        .not_printed(),
    ]
}

// -------------------------------------------------------------- courses

/// Genomförda kurser och deltagare: changes against the period before
/// computed.
pub fn course_periods<'a>(f: &'a figures::CourseFigures) -> Vec<Column<'a, CoursePeriod>> {
    let slot = |k| Slot::in_map(|r: &CoursePeriod| &r.overrides, |r| &mut r.overrides, k);
    vec![
        Column::text("Period", |r: &CoursePeriod| &r.period, |r| &mut r.period),
        Column::number(
            "Antal kurser",
            Format::Amount,
            |r: &CoursePeriod| r.courses,
            |r| &mut r.courses,
        ),
        Column::computed("Förändring kurser", move |i, _| {
            Cell::figure(
                f.courses_change.get(i).copied().unwrap_or_default(),
                Format::Change,
            )
        })
        .printed_as("Förändring")
        .overridable(slot(CourseColumn::CoursesChange)),
        Column::number(
            "Antal deltagare",
            Format::Amount,
            |r: &CoursePeriod| r.participants,
            |r| &mut r.participants,
        ),
        Column::computed("Förändring deltagare", move |i, _| {
            Cell::figure(
                f.participants_change.get(i).copied().unwrap_or_default(),
                Format::Change,
            )
        })
        .printed_as("Förändring")
        .overridable(slot(CourseColumn::ParticipantsChange)),
    ]
}

/// Bilaga 2: participants per municipality, RJL and others; the shares
/// computed.
pub fn participants<'a>(f: &'a figures::CourseFigures) -> Vec<Column<'a, ParticipantCount>> {
    vec![
        Column::fixed("Deltagare från", |p: &ParticipantCount| {
            p.who.name().to_string()
        })
        .printed_as(""),
        Column::number(
            "Antal deltagare",
            Format::Amount,
            |p: &ParticipantCount| p.count,
            |p| &mut p.count,
        ),
        Column::computed("Procent (%)", move |i, _| {
            Cell::figure(
                f.participant_shares.get(i).copied().unwrap_or_default(),
                Format::Percent,
            )
        })
        .overridable(Slot::in_map(
            |p: &ParticipantCount| &p.overrides,
            |p| &mut p.overrides,
            ShareColumn::Share,
        )),
    ]
}

// --------------------------------------------------------------- survey

/// The survey's questions: a share per year for all who answered and for
/// the PKS, and the change from the year before (computed, percentage
/// points).
pub fn survey_questions<'a>(years: &'a [String]) -> Vec<Column<'a, SurveyQuestion>> {
    let mut cols = vec![Column::long_text(
        "Fråga",
        |q: &SurveyQuestion| &q.text,
        |q| &mut q.text,
    )];
    let value = |v: &[Option<Decimal>], i: usize| v.get(i).copied().flatten();
    let put = |v: &mut Vec<Option<Decimal>>, i: usize, x: Option<Decimal>, n: usize| {
        if v.len() < n {
            v.resize(n, None);
        }
        if let Some(slot) = v.get_mut(i) {
            *slot = x;
        }
    };
    let n = years.len();
    for (i, y) in years.iter().enumerate() {
        cols.push(Column::number_by_row(
            format!("Totalt {y}"),
            |_| Format::Percent,
            move |q: &SurveyQuestion| value(&q.total, i),
            move |q, x| put(&mut q.total, i, x, n),
        ));
        if i > 0 {
            cols.push(
                Column::computed(
                    format!("Förändring totalt {y}"),
                    move |_, q: &SurveyQuestion| {
                        let (t, _) = figures::survey_changes(q);
                        Cell::figure(Figure::computed(value(&t, i)), Format::Change)
                    },
                )
                .with_width(Width::Narrow),
            );
        }
    }
    cols.push(Column::flag(
        "PKS",
        |q: &SurveyQuestion| !q.pks.is_empty(),
        move |q: &mut SurveyQuestion, on| {
            q.pks = if on { vec![None; n] } else { Vec::new() };
        },
    ));
    for (i, y) in years.iter().enumerate() {
        cols.push(
            Column::number_by_row(
                format!("PKS {y}"),
                |_| Format::Percent,
                move |q: &SurveyQuestion| value(&q.pks, i),
                move |q, x| put(&mut q.pks, i, x, n),
            )
            .with_enabled(|q: &SurveyQuestion| !q.pks.is_empty()),
        );
        if i > 0 {
            cols.push(
                Column::computed(
                    format!("Förändring PKS {y}"),
                    move |_, q: &SurveyQuestion| {
                        let (_, p) = figures::survey_changes(q);
                        Cell::figure(Figure::computed(value(&p, i)), Format::Change)
                    },
                )
                .with_width(Width::Narrow),
            );
        }
    }
    cols
}

/// A survey year and how many answered that year.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SurveyYear {
    /// The year's label.
    pub year: String,
    /// Respondents that year.
    pub respondents: Option<Decimal>,
}

/// The survey's years as rows.
pub fn survey_year_rows(s: &Survey) -> Vec<SurveyYear> {
    s.years
        .iter()
        .enumerate()
        .map(|(i, y)| SurveyYear {
            year: y.clone(),
            respondents: s.respondents.get(i).copied().flatten(),
        })
        .collect()
}

/// År and Antal svar of the survey.
pub fn survey_years<'a>() -> Vec<Column<'a, SurveyYear>> {
    vec![
        Column::text("År", |y: &SurveyYear| &y.year, |y| &mut y.year),
        Column::number(
            "Antal svar",
            Format::Amount,
            |y: &SurveyYear| y.respondents,
            |y| &mut y.respondents,
        ),
    ]
}

// ------------------------------------------------------------- research

/// A research list: title, the line lists and slides print, and the text
/// the long report prints under the title.
pub fn research<'a>() -> Vec<Column<'a, ResearchItem>> {
    vec![
        Column::text("Rubrik", |r: &ResearchItem| &r.title, |r| &mut r.title),
        Column::long_text(
            "Beskrivning",
            |r: &ResearchItem| &r.description,
            |r| &mut r.description,
        ),
        Column::long_text(
            "Text i rapporten",
            |r: &ResearchItem| &r.text,
            |r| &mut r.text,
        ),
    ]
}
