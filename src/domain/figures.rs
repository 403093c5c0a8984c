//! Derived figures: every sum, share, change, status and average the report
//! prints, computed exactly from the model as pure functions.
//!
//! # Rules
//! - **Rounding**: half away from zero (see [`numbers::round_half_up`]).
//!   Shares and changes are whole percent; changes of a percentage are in
//!   percentage points.
//! - **Shares of one amount split by financier** (Tabell 2b and 3b rows,
//!   the 2019 financing table, meeting forms) are rounded with the
//!   *largest remainder* method so that the parts add up to exactly 100 %,
//!   as the reports print them (Tabell 2b: 16 % + 82 % + 2 %).
//! - **Shares of a column** (each area's share of the total, Bilaga 2's
//!   municipalities) are rounded one by one with the rounding rule, so they
//!   may add up to 99 % or 101 %, as Bilaga 2 does.
//! - **Empty cells**: a sum of cells that are all empty is empty; otherwise
//!   empty cells count as zero. A difference with an empty subtrahend
//!   treats it as zero (Kvarvarande of an area without outcome is its
//!   Disponibla).
//! - **Overrides**: a computed cell the author typed over shows the typed
//!   value; [`Figure`] keeps both, and sums use what is shown.
//! - **Status of a mätetal** (higher is better): *uppfyllt* when the result
//!   reaches the target; *delvis uppfyllt* when it reaches at least 75 % of
//!   it; *ej uppfyllt* below that; *inget resultat redovisat* without a
//!   result; no status without a target. For lower-is-better mätetal the
//!   bounds mirror: at most the target, at most 125 % of it.
//! - **Trend**: the result against the last earlier value (the same period
//!   last year): ↗ higher, ↘ lower, → equal.
//! - **Attendance**: a group's average is present seats / expected seats
//!   over its registered meetings, in percent; "samtliga nätverk" is the
//!   mean of the networks' averages (each network weighs the same); a
//!   municipality's average is its presence over all meetings of the
//!   networks it belongs to. A network reaches the target when its average,
//!   rounded to whole percent as printed, is at least the target.

use rust_decimal::Decimal;

use super::model::*;
use super::municipality::{Municipality, Participant};
use super::numbers::round_half_up;

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// A computed cell: what the formula gives and what is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Figure {
    /// The formula's value (`None` when its inputs are empty).
    pub formula: Option<Decimal>,
    /// What the report shows: the override if there is one, else the formula.
    pub shown: Option<Decimal>,
    /// Whether the author typed over the cell.
    pub overridden: bool,
}

impl Figure {
    /// A cell with no override.
    pub fn computed(formula: Option<Decimal>) -> Self {
        Figure {
            formula,
            shown: formula,
            overridden: false,
        }
    }

    /// A cell with an optional override.
    pub fn with(formula: Option<Decimal>, ov: Option<&Override>) -> Self {
        match ov {
            None => Figure::computed(formula),
            Some(Override::Value(v)) => Figure {
                formula,
                shown: Some(*v),
                overridden: true,
            },
            Some(Override::Blank) => Figure {
                formula,
                shown: None,
                overridden: true,
            },
        }
    }

    /// Overridden with something other than the formula's value.
    pub fn differs(&self) -> bool {
        self.overridden && self.shown != self.formula
    }
}

/// Sum of cells; empty when every cell is empty.
pub fn sum<I: IntoIterator<Item = Option<Decimal>>>(values: I) -> Option<Decimal> {
    values.into_iter().flatten().fold(None, |acc, v| {
        Some(acc.unwrap_or(Decimal::ZERO).saturating_add(v))
    })
}

/// `part` as a share of `whole` in percent, unrounded.
pub fn share_exact(part: Option<Decimal>, whole: Option<Decimal>) -> Option<Decimal> {
    let (part, whole) = (part?, whole?);
    if whole.is_zero() {
        return None;
    }
    part.checked_mul(HUNDRED)?.checked_div(whole)
}

/// `part` as a share of `whole` in whole percent (rounding rule).
pub fn share(part: Option<Decimal>, whole: Option<Decimal>) -> Option<Decimal> {
    share_exact(part, whole).map(|s| round_half_up(s, 0))
}

/// Whole-percent shares of `parts` in their sum, by largest remainder, so
/// the shown shares add up to exactly 100. Empty parts stay empty. Ties in
/// the remainder go to the larger part, then to the earlier one.
pub fn split_shares(parts: &[Option<Decimal>]) -> Vec<Option<Decimal>> {
    let whole = sum(parts.iter().copied());
    let exact: Vec<Option<Decimal>> = parts.iter().map(|p| share_exact(*p, whole)).collect();
    if exact.iter().all(Option::is_none) || whole.is_none_or(|w| w <= Decimal::ZERO) {
        return exact
            .iter()
            .map(|e| e.map(|v| round_half_up(v, 0)))
            .collect();
    }
    if parts
        .iter()
        .flatten()
        .any(|p| p.is_sign_negative() && !p.is_zero())
    {
        // Largest remainder is meaningless with negative parts: round each.
        return exact
            .iter()
            .map(|e| e.map(|v| round_half_up(v, 0)))
            .collect();
    }
    let mut floors: Vec<Option<Decimal>> = exact.iter().map(|e| e.map(|v| v.floor())).collect();
    let floor_sum: Decimal = floors.iter().flatten().copied().sum();
    let mut missing = (HUNDRED - floor_sum)
        .to_string()
        .parse::<i64>()
        .unwrap_or(0);
    let mut order: Vec<usize> = (0..parts.len()).filter(|&i| exact[i].is_some()).collect();
    order.sort_by(|&a, &b| {
        let ra = exact[a]
            .unwrap_or_default()
            .saturating_sub(floors[a].unwrap_or_default());
        let rb = exact[b]
            .unwrap_or_default()
            .saturating_sub(floors[b].unwrap_or_default());
        rb.cmp(&ra).then(exact[b].cmp(&exact[a])).then(a.cmp(&b))
    });
    for i in order {
        if missing <= 0 {
            break;
        }
        if let Some(f) = floors[i].as_mut() {
            *f = f.saturating_add(Decimal::ONE);
            missing -= 1;
        }
    }
    floors
}

/// Change from `old` to `new` in whole percent of `old`.
pub fn change_percent(new: Option<Decimal>, old: Option<Decimal>) -> Option<Decimal> {
    let (new, old) = (new?, old?);
    share(Some(new.saturating_sub(old)), Some(old))
}

/// Change of a percentage in percentage points (unrounded).
pub fn change_points(new: Option<Decimal>, old: Option<Decimal>) -> Option<Decimal> {
    Some(new?.saturating_sub(old?))
}

fn minus(a: Option<Decimal>, b: Option<Decimal>) -> Option<Decimal> {
    a.map(|a| a.saturating_sub(b.unwrap_or(Decimal::ZERO)))
}

fn ov<C: Ord>(map: &Overrides<C>, col: C) -> Option<&Override> {
    map.get(&col)
}

// ------------------------------------------------------------ measures

/// Status of a mätetal by the status rule (module docs); `None` without a
/// target.
pub fn measure_status_formula(m: &Measure) -> Option<MeasureStatus> {
    let Some(result) = m.result else {
        return Some(MeasureStatus::IngetResultat);
    };
    let target = m.target?;
    let three_quarters = Decimal::new(75, 2);
    let five_quarters = Decimal::new(125, 2);
    let status = match m.direction {
        Direction::HigherIsBetter => {
            if result >= target {
                MeasureStatus::Uppfyllt
            } else if target > Decimal::ZERO && result >= target.saturating_mul(three_quarters) {
                MeasureStatus::DelvisUppfyllt
            } else {
                MeasureStatus::EjUppfyllt
            }
        }
        Direction::LowerIsBetter => {
            if result <= target {
                MeasureStatus::Uppfyllt
            } else if target > Decimal::ZERO && result <= target.saturating_mul(five_quarters) {
                MeasureStatus::DelvisUppfyllt
            } else {
                MeasureStatus::EjUppfyllt
            }
        }
    };
    Some(status)
}

/// Trend of a mätetal against its comparison period.
pub fn measure_trend_formula(m: &Measure) -> Option<Trend> {
    let previous = m.earlier.last()?.value?;
    let result = m.result?;
    Some(match result.cmp(&previous) {
        std::cmp::Ordering::Greater => Trend::Up,
        std::cmp::Ordering::Less => Trend::Down,
        std::cmp::Ordering::Equal => Trend::Level,
    })
}

/// A derived non-numeric value with its override.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Derived<T> {
    /// What the formula gives (`None`: nothing to compute from).
    pub formula: Option<T>,
    /// What the report shows: the override where there is one, else the formula.
    pub shown: Option<T>,
    /// Whether the author typed over the formula.
    pub overridden: bool,
}

impl<T: Copy + PartialEq> Derived<T> {
    fn with(formula: Option<T>, ov: Option<&Override<T>>) -> Self {
        match ov {
            None => Derived {
                formula,
                shown: formula,
                overridden: false,
            },
            Some(Override::Value(v)) => Derived {
                formula,
                shown: Some(*v),
                overridden: true,
            },
            Some(Override::Blank) => Derived {
                formula,
                shown: None,
                overridden: true,
            },
        }
    }

    /// Whether the shown value is an override that differs from the formula.
    pub fn differs(&self) -> bool {
        self.overridden && self.shown != self.formula
    }
}

/// A mätetal's status (formula or override).
pub fn measure_status(m: &Measure) -> Derived<MeasureStatus> {
    Derived::with(measure_status_formula(m), m.status_override.as_ref())
}

/// A mätetal's trend (formula or override).
pub fn measure_trend(m: &Measure) -> Derived<Trend> {
    Derived::with(measure_trend_formula(m), m.trend_override.as_ref())
}

/// Whether a goal has a chapter of its own in the report: one with an
/// introduction or sections. A goal without either is only listed among
/// the goals, so it gets no number and leaves no gap in the others'.
pub fn goal_has_chapter(goal: &StrategicGoal) -> bool {
    !goal.intro.trim().is_empty() || !goal.sections.is_empty()
}

/// The chapter number of goal `goal`: `first_goal_chapter` for the first
/// goal with a chapter, one more for each after it; `None` for a goal
/// without a chapter ([`goal_has_chapter`]) or past the last.
pub fn goal_chapter(ws: &Workspace, goal: usize) -> Option<usize> {
    let g = ws.goals.get(goal)?;
    if !goal_has_chapter(g) {
        return None;
    }
    let before = ws.goals[..goal]
        .iter()
        .filter(|g| goal_has_chapter(g))
        .count();
    Some((ws.report.first_goal_chapter as usize).saturating_add(before))
}

/// "2.2" for the second section of the first goal with a chapter
/// ([`goal_chapter`]).
pub fn section_number(ws: &Workspace, goal: usize, section: usize) -> String {
    let chapter = goal_chapter(ws, goal)
        .unwrap_or_else(|| (ws.report.first_goal_chapter as usize).saturating_add(goal));
    format!("{chapter}.{}", section + 1)
}

// --------------------------------------------------------------- staff

/// The derived figures of the staff part.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StaffFigures {
    /// Summa per row.
    pub sums: Vec<Figure>,
    /// Summa of the last row (the current period).
    pub current_total: Option<Decimal>,
    /// Change of the current total against the row before, in FTE.
    pub change_from_previous: Option<Decimal>,
    /// Municipal + external FTE.
    pub financing_total: Option<Decimal>,
    /// Sum of FTE per kind of work.
    pub by_activity_total: Option<Decimal>,
}

/// The staff figures: period totals, the change, financing and per-activity sums.
pub fn staff(s: &Staff) -> StaffFigures {
    let sums: Vec<Figure> = s
        .rows
        .iter()
        .map(|r| {
            Figure::with(
                sum([r.tjanstekop, r.tillsvidare, r.visstid]),
                ov(&r.overrides, StaffColumn::Summa),
            )
        })
        .collect();
    let current_total = sums.last().and_then(|f| f.shown);
    let previous = sums.len().checked_sub(2).and_then(|i| sums[i].shown);
    StaffFigures {
        current_total,
        change_from_previous: current_total
            .zip(previous)
            .map(|(c, p)| c.saturating_sub(p)),
        financing_total: sum([s.financing.municipal_fte, s.financing.external_fte]),
        by_activity_total: sum(s.by_activity.iter().map(|a| a.amount)),
        sums,
    }
}

// -------------------------------------------------------------- budget

/// The computed cells of one row of Tabell 1.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BudgetRowFigures {
    /// Disponibla = ingående + erhållna medel.
    pub disponibla: Figure,
    /// Kvarvarande = disponibla − utfall.
    pub kvarvarande: Figure,
}

/// The derived figures of Tabell 1 Budgetuppföljning.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BudgetFigures {
    /// One per row of `rows`.
    pub rows: Vec<BudgetRowFigures>,
    /// One per row printed after the sum.
    pub after_sum: Vec<BudgetRowFigures>,
    /// The sum row, in [`BudgetColumn`] order.
    pub sum: [Figure; 8],
    /// Prognos of the sum row plus the rows below it
    /// ("Ackumulerat överskott").
    pub accumulated_prognos: Option<Decimal>,
}

fn budget_row(r: &BudgetRow) -> BudgetRowFigures {
    let disponibla = Figure::with(
        sum([r.ingaende, r.erhallna]),
        ov(&r.overrides, BudgetColumn::Disponibla),
    );
    let kvarvarande = Figure::with(
        minus(disponibla.shown, r.utfall),
        ov(&r.overrides, BudgetColumn::Kvarvarande),
    );
    BudgetRowFigures {
        disponibla,
        kvarvarande,
    }
}

/// The shown value of a Tabell 1 cell.
pub fn budget_cell(r: &BudgetRow, f: &BudgetRowFigures, col: BudgetColumn) -> Option<Decimal> {
    match col {
        BudgetColumn::Ingaende => r.ingaende,
        BudgetColumn::Erhallna => r.erhallna,
        BudgetColumn::Disponibla => f.disponibla.shown,
        BudgetColumn::Budget => r.budget,
        BudgetColumn::Utfall => r.utfall,
        BudgetColumn::Kvarvarande => f.kvarvarande.shown,
        BudgetColumn::Fonderade => r.fonderade,
        BudgetColumn::Prognos => r.prognos,
    }
}

/// Tabell 1's summed columns, in the order of [`BudgetFigures::sum`].
pub const BUDGET_COLUMNS: [BudgetColumn; 8] = [
    BudgetColumn::Ingaende,
    BudgetColumn::Erhallna,
    BudgetColumn::Disponibla,
    BudgetColumn::Budget,
    BudgetColumn::Utfall,
    BudgetColumn::Kvarvarande,
    BudgetColumn::Fonderade,
    BudgetColumn::Prognos,
];

/// Tabell 1's figures: each row's Disponibla and Kvarvarande, the sums and the accumulated prognosis.
pub fn budget(b: &BudgetFollowUp) -> BudgetFigures {
    let rows: Vec<BudgetRowFigures> = b.rows.iter().map(budget_row).collect();
    let after_sum: Vec<BudgetRowFigures> = b.after_sum.iter().map(budget_row).collect();
    let sum_row = BUDGET_COLUMNS.map(|col| {
        let formula = sum(b
            .rows
            .iter()
            .zip(&rows)
            .map(|(r, f)| budget_cell(r, f, col)));
        Figure::with(formula, ov(&b.sum_overrides, col))
    });
    let accumulated_prognos =
        sum(std::iter::once(sum_row[7].shown).chain(b.after_sum.iter().map(|r| r.prognos)));
    BudgetFigures {
        rows,
        after_sum,
        sum: sum_row,
        accumulated_prognos,
    }
}

// --------------------------------------------------------------- funds

/// The computed cells of one row of Tabell 2a/2b.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FundsRowFigures {
    /// Ingående medel at the current date = kommunerna + staten + övriga.
    pub current: Figure,
    /// This row's share of the total current funds.
    pub share_current: Figure,
    /// Shares of kommunerna, staten, övriga in this row (adding up to 100).
    pub share_financiers: [Figure; 3],
}

/// The derived figures of Tabell 2a/2b (Disponibla medel).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FundsFigures {
    /// One per row.
    pub rows: Vec<FundsRowFigures>,
    /// Sums of Previous, Current, Kommunerna, Staten, Övriga, Fonderade.
    pub sum: [Figure; 6],
    /// The sum row's share of the total (100 %).
    pub sum_share_current: Figure,
    /// The financiers' shares of the sums (adding up to 100).
    pub sum_share_financiers: [Figure; 3],
}

/// The columns of a table split by financier (Tabell 2a/2b and 3a/3b):
/// the row total, the three financiers (kommunerna, staten, övriga), the
/// row's share of the table's total and the financiers' shares.
struct FinancierColumns<C> {
    total: C,
    financiers: [C; 3],
    share_total: C,
    share_financiers: [C; 3],
}

/// The figures Tabell 2 and Tabell 3 share, computed once for both.
struct ByFinancier {
    /// Each row's total (kommunerna + staten + övriga), its share of the
    /// table's total and its financiers' shares.
    rows: Vec<(Figure, Figure, [Figure; 3])>,
    /// Sum of the row totals.
    sum_total: Figure,
    /// Sums of kommunerna, staten and övriga.
    sum_financiers: [Figure; 3],
    /// The sum row's share of the total (100 % unless overridden).
    sum_share_total: Figure,
    /// The financiers' shares of the sums (adding up to 100).
    sum_share_financiers: [Figure; 3],
}

/// One algorithm for a table split by financier: `rows` are each row's
/// amounts (kommunerna, staten, övriga) with the row's overrides.
fn by_financier<C: Ord + Copy>(
    rows: &[([Option<Decimal>; 3], &Overrides<C>)],
    sum_overrides: &Overrides<C>,
    cols: &FinancierColumns<C>,
) -> ByFinancier {
    let totals: Vec<Figure> = rows
        .iter()
        .map(|(amounts, o)| Figure::with(sum(*amounts), ov(o, cols.total)))
        .collect();
    let sum_total = Figure::with(
        sum(totals.iter().map(|t| t.shown)),
        ov(sum_overrides, cols.total),
    );
    let sum_financiers = [0, 1, 2].map(|i| {
        Figure::with(
            sum(rows.iter().map(|(amounts, _)| amounts[i])),
            ov(sum_overrides, cols.financiers[i]),
        )
    });
    let total = sum_total.shown;
    let rows = rows
        .iter()
        .zip(totals)
        .map(|((amounts, o), row_total)| {
            let split = split_shares(amounts);
            let share_total = Figure::with(share(row_total.shown, total), ov(o, cols.share_total));
            let shares = [0, 1, 2].map(|i| Figure::with(split[i], ov(o, cols.share_financiers[i])));
            (row_total, share_total, shares)
        })
        .collect();
    let split = split_shares(&sum_financiers.each_ref().map(|f| f.shown));
    ByFinancier {
        rows,
        sum_share_total: Figure::with(share(total, total), ov(sum_overrides, cols.share_total)),
        sum_share_financiers: [0, 1, 2]
            .map(|i| Figure::with(split[i], ov(sum_overrides, cols.share_financiers[i]))),
        sum_total,
        sum_financiers,
    }
}

/// Tabell 2a/2b: each row's current funds and shares, the sums (also of
/// the funds before and of the fonderade) and their shares.
pub fn funds(t: &FundsByFinancier) -> FundsFigures {
    let rows: Vec<([Option<Decimal>; 3], &Overrides<FundsColumn>)> = t
        .rows
        .iter()
        .map(|r| ([r.kommunerna, r.staten, r.ovriga], &r.overrides))
        .collect();
    let f = by_financier(
        &rows,
        &t.sum_overrides,
        &FinancierColumns {
            total: FundsColumn::Current,
            financiers: [
                FundsColumn::Kommunerna,
                FundsColumn::Staten,
                FundsColumn::Ovriga,
            ],
            share_total: FundsColumn::ShareCurrent,
            share_financiers: [
                FundsColumn::ShareKommunerna,
                FundsColumn::ShareStaten,
                FundsColumn::ShareOvriga,
            ],
        },
    );
    let column_sum = |col, value: fn(&FundsRow) -> Option<Decimal>| {
        Figure::with(sum(t.rows.iter().map(value)), ov(&t.sum_overrides, col))
    };
    let [kommunerna, staten, ovriga] = f.sum_financiers;
    FundsFigures {
        rows: f
            .rows
            .into_iter()
            .map(
                |(current, share_current, share_financiers)| FundsRowFigures {
                    current,
                    share_current,
                    share_financiers,
                },
            )
            .collect(),
        sum: [
            column_sum(FundsColumn::Previous, |r| r.previous),
            f.sum_total,
            kommunerna,
            staten,
            ovriga,
            column_sum(FundsColumn::Fonderade, |r| r.fonderade),
        ],
        sum_share_current: f.sum_share_total,
        sum_share_financiers: f.sum_share_financiers,
    }
}

// ----------------------------------------------------------- financing

/// The computed cells of one row of Tabell 3a/3b.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FinancingRowFigures {
    /// Utfall = kommunerna + staten + övriga.
    pub utfall: Figure,
    /// This area's share of the total outcome.
    pub share_utfall: Figure,
    /// Shares of kommunerna, staten, övriga in this area (adding up to 100).
    pub share_financiers: [Figure; 3],
}

/// The derived figures of Tabell 3a/3b (Finansiering).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FinancingFigures {
    /// One per row.
    pub rows: Vec<FinancingRowFigures>,
    /// Sums of Utfall, Kommunerna, Staten, Övriga.
    pub sum: [Figure; 4],
    /// The sum row's share of the total outcome (100 %).
    pub sum_share_utfall: Figure,
    /// The financiers' shares of the sums (adding up to 100).
    pub sum_share_financiers: [Figure; 3],
}

/// Tabell 3a/3b: each row's outcome and shares, the sums and their shares.
pub fn financing(t: &FinancingTable) -> FinancingFigures {
    let rows: Vec<([Option<Decimal>; 3], &Overrides<FinancingColumn>)> = t
        .rows
        .iter()
        .map(|r| ([r.kommunerna, r.staten, r.ovriga], &r.overrides))
        .collect();
    let f = by_financier(
        &rows,
        &t.sum_overrides,
        &FinancierColumns {
            total: FinancingColumn::Utfall,
            financiers: [
                FinancingColumn::Kommunerna,
                FinancingColumn::Staten,
                FinancingColumn::Ovriga,
            ],
            share_total: FinancingColumn::ShareUtfall,
            share_financiers: [
                FinancingColumn::ShareKommunerna,
                FinancingColumn::ShareStaten,
                FinancingColumn::ShareOvriga,
            ],
        },
    );
    let [kommunerna, staten, ovriga] = f.sum_financiers;
    FinancingFigures {
        rows: f
            .rows
            .into_iter()
            .map(
                |(utfall, share_utfall, share_financiers)| FinancingRowFigures {
                    utfall,
                    share_utfall,
                    share_financiers,
                },
            )
            .collect(),
        sum: [f.sum_total, kommunerna, staten, ovriga],
        sum_share_utfall: f.sum_share_total,
        sum_share_financiers: f.sum_share_financiers,
    }
}

// -------------------------------------------------------- applications

/// Sent/granted counts and kronor of one period with their shares.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ApplicationSummary {
    /// The period's label.
    pub period: String,
    /// Applications sent.
    pub sent: Option<Decimal>,
    /// Applications granted.
    pub granted: Option<Decimal>,
    /// Granted applications in percent of those sent.
    pub granted_share: Option<Decimal>,
    /// Kronor sought.
    pub sought_kronor: Option<Decimal>,
    /// Kronor granted.
    pub granted_kronor: Option<Decimal>,
    /// Granted kronor in percent of kronor sought.
    pub kronor_share: Option<Decimal>,
}

impl ApplicationSummary {
    fn from_totals(t: &ApplicationTotals) -> Self {
        ApplicationSummary {
            period: t.period.clone(),
            sent: t.sent,
            granted: t.granted,
            granted_share: share(t.granted, t.sent),
            sought_kronor: t.sought_kronor,
            granted_kronor: t.granted_kronor,
            kronor_share: share(t.granted_kronor, t.sought_kronor),
        }
    }
}

/// The derived figures of the applications.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ApplicationFigures {
    /// The current period: from the listed applications, or the entered
    /// totals when none are listed.
    pub current: ApplicationSummary,
    /// Earlier periods, oldest first.
    pub earlier: Vec<ApplicationSummary>,
    /// Different funders among the counted applications.
    pub funders: usize,
    /// Counted applications that were rejected.
    pub rejected: usize,
    /// Applications still waiting for a decision.
    pub pending: usize,
}

/// Totals of the counted applications.
pub fn application_totals(a: &Applications) -> ApplicationTotals {
    let counted: Vec<&Application> = a.items.iter().filter(|i| i.counted).collect();
    let granted: Vec<&&Application> = counted
        .iter()
        .filter(|i| i.decision == Decision::Granted)
        .collect();
    ApplicationTotals {
        period: a.period_label.clone(),
        sent: Some(Decimal::from(counted.len())),
        granted: Some(Decimal::from(granted.len())),
        sought_kronor: sum(counted.iter().map(|i| i.sought)),
        granted_kronor: sum(granted.iter().map(|i| i.granted)),
    }
}

/// The application figures: the current and earlier periods' summaries, funders, rejected and pending.
pub fn applications(a: &Applications) -> ApplicationFigures {
    let totals = if a.items.is_empty() {
        a.entered_totals
            .clone()
            .unwrap_or_else(|| ApplicationTotals {
                period: a.period_label.clone(),
                ..ApplicationTotals::default()
            })
    } else {
        application_totals(a)
    };
    let mut funders: Vec<String> = a
        .items
        .iter()
        .filter(|i| i.counted && !i.funder.trim().is_empty())
        .map(|i| i.funder.trim().to_lowercase())
        .collect();
    funders.sort();
    funders.dedup();
    ApplicationFigures {
        current: ApplicationSummary::from_totals(&totals),
        earlier: a
            .earlier
            .iter()
            .map(ApplicationSummary::from_totals)
            .collect(),
        funders: funders.len(),
        rejected: a
            .items
            .iter()
            .filter(|i| i.counted && i.decision == Decision::Rejected)
            .count(),
        pending: a
            .items
            .iter()
            .filter(|i| i.counted && i.decision == Decision::Pending)
            .count(),
    }
}

// ------------------------------------------------------ cost reduction

/// The computed cells of one row of the cost reduction table.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CostRowFigures {
    /// External cost − internal cost, per participant.
    pub per_participant: Figure,
    /// Reduction per participant × participants per occasion.
    pub per_course: Figure,
    /// Reduction per participant in percent of the external cost.
    pub percent: Figure,
}

/// The derived figures of the cost reduction table.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CostFigures {
    /// One per course.
    pub rows: Vec<CostRowFigures>,
    /// Sum of the reductions per course.
    pub total: Figure,
    /// Total reduction in percent of what the courses would cost externally.
    pub total_percent: Figure,
}

/// The cost reduction figures: each course's saving and the totals.
pub fn cost_reduction(t: &CostReduction) -> CostFigures {
    let rows: Vec<CostRowFigures> = t
        .rows
        .iter()
        .map(|r| {
            let per_participant = Figure::with(
                r.cost_external
                    .zip(r.cost_internal)
                    .map(|(e, i)| e.saturating_sub(i)),
                ov(&r.overrides, CostColumn::PerParticipant),
            );
            let per_course = Figure::with(
                per_participant
                    .shown
                    .zip(r.participants)
                    .map(|(p, n)| p.saturating_mul(n)),
                ov(&r.overrides, CostColumn::PerCourse),
            );
            let percent = Figure::with(
                share(per_participant.shown, r.cost_external),
                ov(&r.overrides, CostColumn::Percent),
            );
            CostRowFigures {
                per_participant,
                per_course,
                percent,
            }
        })
        .collect();
    let total = Figure::with(
        sum(rows.iter().map(|f| f.per_course.shown)),
        ov(&t.sum_overrides, CostColumn::PerCourse),
    );
    let external_total = sum(t.rows.iter().map(|r| {
        r.cost_external
            .zip(r.participants)
            .map(|(e, n)| e.saturating_mul(n))
    }));
    let total_percent = Figure::with(
        share(total.shown, external_total),
        ov(&t.sum_overrides, CostColumn::Percent),
    );
    CostFigures {
        rows,
        total,
        total_percent,
    }
}

// --------------------------------------------------------- plan budget

/// The derived figures of the plan's budget.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PlanFigures {
    /// Disponibla = ingående + förväntade, per row.
    pub disponibla: Vec<Figure>,
    /// Sums of Ingående, Förväntade, Disponibla, Budget.
    pub sum: [Figure; 4],
}

/// The plan budget figures: each row's Disponibla and the sums.
pub fn plan_budget(t: &PlanBudget) -> PlanFigures {
    let disponibla: Vec<Figure> = t
        .rows
        .iter()
        .map(|r| {
            Figure::with(
                sum([r.ingaende, r.forvantade]),
                ov(&r.overrides, PlanColumn::Disponibla),
            )
        })
        .collect();
    let cols = [
        PlanColumn::Ingaende,
        PlanColumn::Forvantade,
        PlanColumn::Disponibla,
        PlanColumn::Budget,
    ];
    let sum_row = cols.map(|col| {
        let formula = sum(t.rows.iter().zip(&disponibla).map(|(r, d)| match col {
            PlanColumn::Ingaende => r.ingaende,
            PlanColumn::Forvantade => r.forvantade,
            PlanColumn::Disponibla => d.shown,
            PlanColumn::Budget => r.budget,
        }));
        Figure::with(formula, ov(&t.sum_overrides, col))
    });
    PlanFigures {
        disponibla,
        sum: sum_row,
    }
}

// ---------------------------------------------------------- attendance

/// Averages of one attendance group.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GroupFigures {
    /// Meetings held (registered, or entered with the averages).
    pub meetings: u32,
    /// Average attendance of all representatives, unrounded percent.
    pub average: Option<Decimal>,
    /// Municipal representatives only.
    pub municipal_average: Option<Decimal>,
    /// Regional representatives only.
    pub regional_average: Option<Decimal>,
    /// Meetings per form: fysiskt, digitalt, kombination.
    pub forms: [u32; 3],
    /// Whether the rounded average reaches the group's target.
    pub reaches_target: Option<bool>,
    /// Change of the rounded average against last year, percentage points.
    pub change_points: Option<Decimal>,
}

/// The municipalities expected at a group's meetings.
pub fn group_members(g: &AttendanceGroup) -> Vec<Municipality> {
    if g.members.is_empty() {
        Municipality::ALL.to_vec()
    } else {
        let mut m = g.members.clone();
        m.sort();
        m.dedup();
        m
    }
}

fn form_index(f: MeetingForm) -> usize {
    match f {
        MeetingForm::Fysiskt => 0,
        MeetingForm::Digitalt => 1,
        MeetingForm::Kombination => 2,
    }
}

/// One group's attendance figures against `common_target` (used where the group has none of its own).
pub fn group(g: &AttendanceGroup, common_target: Decimal) -> GroupFigures {
    let target = g.target.unwrap_or(common_target);
    let mut fig = GroupFigures::default();
    if g.meetings.is_empty() {
        if let Some(e) = &g.entered {
            fig.meetings = e.meetings;
            fig.average = e.total;
            fig.municipal_average = e.municipalities;
            fig.regional_average = e.region;
            fig.forms = [e.fysiskt, e.digitalt, e.kombination];
        }
    } else {
        let members = group_members(g);
        let mut muni_present = 0u64;
        let mut region_present = 0u64;
        // Saturating throughout: the counts come from the file.
        for m in &g.meetings {
            let present = members.iter().filter(|x| m.present.contains(x)).count();
            muni_present = muni_present.saturating_add(present as u64);
            region_present = region_present
                .saturating_add(u64::from(m.regional_present.min(g.regional_members)));
            let form = &mut fig.forms[form_index(m.form)];
            *form = form.saturating_add(1);
        }
        let n = g.meetings.len() as u64;
        fig.meetings = u32::try_from(n).unwrap_or(u32::MAX);
        let muni_expected = (members.len() as u64).saturating_mul(n);
        let region_expected = u64::from(g.regional_members).saturating_mul(n);
        fig.municipal_average = share_exact(Some(muni_present.into()), Some(muni_expected.into()));
        fig.regional_average =
            share_exact(Some(region_present.into()), Some(region_expected.into()));
        fig.average = share_exact(
            Some(muni_present.saturating_add(region_present).into()),
            Some(muni_expected.saturating_add(region_expected).into()),
        );
    }
    let rounded = fig.average.map(|a| round_half_up(a, 0));
    fig.reaches_target = rounded.map(|a| a >= target);
    fig.change_points = change_points(rounded, g.earlier);
    fig
}

/// The derived figures of the attendance part.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AttendanceFigures {
    /// One per group, in the order of the workspace.
    pub groups: Vec<GroupFigures>,
    /// Number of networks (kind Nätverk or Styrgrupp).
    pub networks: usize,
    /// Networks whose average reaches their target.
    pub networks_reaching_target: usize,
    /// Mean of the networks' averages ("samtliga nätverk").
    pub all_networks: Option<Decimal>,
    /// Lowest and highest network average.
    pub network_range: Option<(Decimal, Decimal)>,
    /// Meetings of the networks.
    pub network_meetings: u32,
    /// Meetings of every group, per form, and their shares (adding to 100).
    pub forms: [u32; 3],
    /// The shares of the forms (fysiskt, digitalt, kombination), adding up to 100.
    pub form_shares: [Option<Decimal>; 3],
    /// Average of each municipality over the networks it belongs to.
    pub municipalities: Vec<(Municipality, Option<Decimal>)>,
    /// Lowest and highest municipality average.
    pub municipality_range: Option<(Decimal, Decimal)>,
    /// Municipalities whose rounded average is above last year's.
    pub municipalities_up: usize,
    /// Average of the first PKS group and of the first directors' group.
    pub pks: Option<Decimal>,
    /// Average of the first municipal directors' group.
    pub directors: Option<Decimal>,
    /// Lowest and highest average of the groups shared with the region.
    pub region_groups_range: Option<(Decimal, Decimal)>,
}

fn range(values: impl Iterator<Item = Decimal>) -> Option<(Decimal, Decimal)> {
    values.fold(None, |acc, v| match acc {
        None => Some((v, v)),
        Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
    })
}

/// Average attendance of each municipality over all meetings of the
/// networks it belongs to (unrounded percent; `None` if it belongs to none
/// with registered meetings).
pub fn municipality_averages(a: &Attendance) -> Vec<(Municipality, Option<Decimal>)> {
    let mut present = [0u64; 13];
    let mut expected = [0u64; 13];
    for g in a.groups.iter().filter(|g| g.kind.is_network()) {
        let members = group_members(g);
        for m in &g.meetings {
            for x in &members {
                let i = x.index();
                expected[i] = expected[i].saturating_add(1);
                if m.present.contains(x) {
                    present[i] = present[i].saturating_add(1);
                }
            }
        }
    }
    Municipality::ALL
        .iter()
        .map(|&m| {
            let i = m.index();
            (
                m,
                share_exact(Some(present[i].into()), Some(expected[i].into())),
            )
        })
        .collect()
}

/// The attendance figures: each group's, the networks' summary and the municipalities' averages.
pub fn attendance(a: &Attendance) -> AttendanceFigures {
    let groups: Vec<GroupFigures> = a.groups.iter().map(|g| group(g, a.target)).collect();
    let networks: Vec<(&AttendanceGroup, &GroupFigures)> = a
        .groups
        .iter()
        .zip(&groups)
        .filter(|(g, _)| g.kind.is_network())
        .collect();
    let network_averages: Vec<Decimal> = networks.iter().filter_map(|(_, f)| f.average).collect();
    let all_networks = if network_averages.is_empty() {
        None
    } else {
        Some(
            network_averages
                .iter()
                .fold(Decimal::ZERO, |a, v| a.saturating_add(*v))
                / Decimal::from(network_averages.len()),
        )
    };
    // Saturating: entered counts come from the file and may be anything
    // up to u32::MAX; a sum must not wrap (or panic in a debug build).
    let mut forms = [0u32; 3];
    for f in &groups {
        for (i, n) in f.forms.iter().enumerate() {
            forms[i] = forms[i].saturating_add(*n);
        }
    }
    let form_split = split_shares(&forms.map(|n| Some(Decimal::from(n))));
    let municipalities = municipality_averages(a);
    let municipalities_up = municipalities
        .iter()
        .filter(|(m, avg)| match (avg, a.municipality_earlier.get(m)) {
            (Some(now), Some(before)) => round_half_up(*now, 0) > *before,
            _ => false,
        })
        .count();
    let first_of = |kind: GroupKind| {
        a.groups
            .iter()
            .zip(&groups)
            .find(|(g, _)| g.kind == kind)
            .and_then(|(_, f)| f.average)
    };
    AttendanceFigures {
        networks: networks.len(),
        networks_reaching_target: networks
            .iter()
            .filter(|(_, f)| f.reaches_target == Some(true))
            .count(),
        all_networks,
        network_range: range(network_averages.iter().map(|v| round_half_up(*v, 0))),
        network_meetings: networks
            .iter()
            .fold(0u32, |n, (_, f)| n.saturating_add(f.meetings)),
        forms,
        form_shares: [form_split[0], form_split[1], form_split[2]],
        municipality_range: range(
            municipalities
                .iter()
                .filter_map(|(_, v)| v.map(|v| round_half_up(v, 0))),
        ),
        municipalities,
        municipalities_up,
        pks: first_of(GroupKind::Pks),
        directors: first_of(GroupKind::Kommundirektorer),
        region_groups_range: range(
            a.groups
                .iter()
                .zip(&groups)
                .filter(|(g, _)| g.kind == GroupKind::RegionSamverkan)
                .filter_map(|(_, f)| f.average.map(|v| round_half_up(v, 0))),
        ),
        groups,
    }
}

// -------------------------------------------------------------- courses

/// The derived figures of the course tables (Kurser och deltagare, Bilaga 2, per område).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CourseFigures {
    /// Per period: change of courses and participants against the period
    /// before, whole percent.
    pub courses_change: Vec<Figure>,
    /// Change of participants against the period before, per period.
    pub participants_change: Vec<Figure>,
    /// Share of each participant group (Bilaga 2), whole percent each.
    pub participant_shares: Vec<Figure>,
    /// Sum of Bilaga 2's participants.
    pub participants_total: Option<Decimal>,
    /// Sum of the courses per area.
    pub by_area_total: Option<Decimal>,
    /// Current period's courses and participants (the last period).
    pub current_courses: Option<Decimal>,
    /// The current period's participants.
    pub current_participants: Option<Decimal>,
}

/// The course figures: changes per period, participant shares and totals.
pub fn courses(c: &Courses) -> CourseFigures {
    let mut courses_change = Vec::new();
    let mut participants_change = Vec::new();
    for (i, p) in c.periods.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| &c.periods[j]);
        courses_change.push(Figure::with(
            prev.and_then(|q| change_percent(p.courses, q.courses)),
            ov(&p.overrides, CourseColumn::CoursesChange),
        ));
        participants_change.push(Figure::with(
            prev.and_then(|q| change_percent(p.participants, q.participants)),
            ov(&p.overrides, CourseColumn::ParticipantsChange),
        ));
    }
    let participants_total = sum(c.by_participant.iter().map(|p| p.count));
    CourseFigures {
        courses_change,
        participants_change,
        participant_shares: c
            .by_participant
            .iter()
            .map(|p| {
                Figure::with(
                    share(p.count, participants_total),
                    ov(&p.overrides, ShareColumn::Share),
                )
            })
            .collect(),
        participants_total,
        by_area_total: sum(c.by_area.iter().map(|a| a.amount)),
        current_courses: c.periods.last().and_then(|p| p.courses),
        current_participants: c.periods.last().and_then(|p| p.participants),
    }
}

/// Participants of one group in Bilaga 2.
pub fn participants_of(c: &Courses, who: Participant) -> Option<Decimal> {
    c.by_participant
        .iter()
        .find(|p| p.who == who)
        .and_then(|p| p.count)
}

// --------------------------------------------------------------- survey

/// Per question, the change in percentage points against the year before,
/// in total and for PKS (`None` for the first year).
pub fn survey_changes(q: &SurveyQuestion) -> (Vec<Option<Decimal>>, Vec<Option<Decimal>>) {
    let changes = |v: &Vec<Option<Decimal>>| {
        v.iter()
            .enumerate()
            .map(|(i, x)| i.checked_sub(1).and_then(|j| change_points(*x, v[j])))
            .collect()
    };
    (changes(&q.total), changes(&q.pks))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().expect("test decimal")
    }
    fn sd(s: &str) -> Option<Decimal> {
        Some(d(s))
    }

    #[test]
    fn entered_meeting_counts_add_up_without_wrapping() {
        let group = |name: &str| AttendanceGroup {
            name: name.into(),
            entered: Some(EnteredAverages {
                meetings: u32::MAX,
                fysiskt: u32::MAX,
                ..EnteredAverages::default()
            }),
            ..AttendanceGroup::default()
        };
        let a = Attendance {
            groups: vec![group("A"), group("B")],
            ..Attendance::default()
        };
        let f = attendance(&a);
        assert_eq!(f.forms, [u32::MAX, 0, 0]);
        assert_eq!(f.network_meetings, u32::MAX);
    }

    #[test]
    fn huge_values_saturate_instead_of_panicking() {
        let max = Some(Decimal::MAX);
        assert_eq!(sum([max, max]), max);
        assert_eq!(change_points(Some(Decimal::MIN), max), Some(Decimal::MIN));
        let t = CostReduction {
            rows: vec![CostReductionRow {
                cost_internal: Some(Decimal::MIN),
                participants: max,
                cost_external: max,
                ..CostReductionRow::default()
            }],
            ..CostReduction::default()
        };
        let f = cost_reduction(&t);
        assert_eq!(f.rows[0].per_course.shown, max);
        let mut m = measure("1", Some("1"), None);
        m.target = max;
        assert_eq!(measure_status_formula(&m), Some(MeasureStatus::EjUppfyllt));
    }

    #[test]
    fn sums_keep_empty_apart_from_zero() {
        assert_eq!(sum([None, None]), None);
        assert_eq!(sum([sd("1"), None, sd("2.5")]), sd("3.5"));
        assert_eq!(sum(Vec::<Option<Decimal>>::new()), None);
    }

    #[test]
    fn shares_round_half_away_from_zero() {
        assert_eq!(share(sd("3"), sd("8")), sd("38"));
        assert_eq!(share(sd("1"), sd("9")), sd("11"));
        assert_eq!(share(sd("1"), sd("0")), None);
        assert_eq!(share(None, sd("5")), None);
    }

    #[test]
    fn split_shares_add_up_to_100() {
        // Tabell 2b, FoUrum row: 16,38 / 81,47 / 2,15 → 16 / 82 / 2.
        let s = split_shares(&[sd("16412550"), sd("81611957"), sd("2149779")]);
        assert_eq!(s, vec![sd("16"), sd("82"), sd("2")]);
        let s = split_shares(&[sd("1"), None, sd("1")]);
        assert_eq!(s, vec![sd("50"), None, sd("50")]);
        let s = split_shares(&[sd("1"), sd("1"), sd("1")]);
        assert_eq!(s.iter().flatten().copied().sum::<Decimal>(), d("100"));
        assert_eq!(split_shares(&[sd("0"), sd("0")]), vec![None, None]);
        assert_eq!(split_shares(&[None, None]), vec![None, None]);
    }

    #[test]
    fn changes() {
        assert_eq!(change_percent(sd("34"), sd("78")), sd("-56"));
        assert_eq!(change_percent(sd("3746"), sd("0")), None);
        assert_eq!(change_points(sd("72"), sd("73")), sd("-1"));
    }

    fn measure(target: &str, result: Option<&str>, earlier: Option<&str>) -> Measure {
        Measure {
            target: sd(target),
            result: result.map(d),
            earlier: vec![PeriodValue {
                period: "förra".into(),
                value: earlier.map(d),
            }],
            ..Measure::default()
        }
    }

    #[test]
    fn status_rule() {
        let st = |m: &Measure| measure_status_formula(m);
        assert_eq!(
            st(&measure("80", Some("95"), None)),
            Some(MeasureStatus::Uppfyllt)
        );
        assert_eq!(
            st(&measure("80", Some("80"), None)),
            Some(MeasureStatus::Uppfyllt)
        );
        assert_eq!(
            st(&measure("80", Some("60"), None)),
            Some(MeasureStatus::DelvisUppfyllt)
        );
        assert_eq!(
            st(&measure("80", Some("59"), None)),
            Some(MeasureStatus::EjUppfyllt)
        );
        assert_eq!(
            st(&measure("78", Some("34"), None)),
            Some(MeasureStatus::EjUppfyllt)
        );
        assert_eq!(
            st(&measure("80", None, None)),
            Some(MeasureStatus::IngetResultat)
        );
        assert_eq!(
            st(&measure("0", Some("0"), None)),
            Some(MeasureStatus::Uppfyllt)
        );
        let mut no_target = measure("1", Some("58"), None);
        no_target.target = None;
        assert_eq!(st(&no_target), None);
        let mut lower = measure("10", Some("12"), None);
        lower.direction = Direction::LowerIsBetter;
        assert_eq!(st(&lower), Some(MeasureStatus::DelvisUppfyllt));
        lower.result = sd("13");
        assert_eq!(st(&lower), Some(MeasureStatus::EjUppfyllt));
        lower.result = sd("9");
        assert_eq!(st(&lower), Some(MeasureStatus::Uppfyllt));
    }

    #[test]
    fn trend_and_overrides() {
        assert_eq!(
            measure_trend_formula(&measure("80", Some("94"), Some("85"))),
            Some(Trend::Up)
        );
        assert_eq!(
            measure_trend_formula(&measure("80", Some("66"), Some("67"))),
            Some(Trend::Down)
        );
        assert_eq!(
            measure_trend_formula(&measure("80", Some("66"), Some("66"))),
            Some(Trend::Level)
        );
        assert_eq!(
            measure_trend_formula(&measure("80", Some("66"), None)),
            None
        );
        let mut m = measure("8", Some("3"), Some("1"));
        m.status_override = Some(Override::Value(MeasureStatus::DelvisUppfyllt));
        let s = measure_status(&m);
        assert_eq!(s.formula, Some(MeasureStatus::EjUppfyllt));
        assert_eq!(s.shown, Some(MeasureStatus::DelvisUppfyllt));
        assert!(s.differs());
    }

    #[test]
    fn figure_override_keeps_both() {
        let f = Figure::with(sd("-937"), Some(&Override::Blank));
        assert_eq!(f.formula, sd("-937"));
        assert_eq!(f.shown, None);
        assert!(f.differs());
        let same = Figure::with(sd("5"), Some(&Override::Value(d("5"))));
        assert!(same.overridden && !same.differs());
    }

    #[test]
    fn budget_rows_and_sum_use_shown_values() {
        let t = BudgetFollowUp {
            rows: vec![
                BudgetRow {
                    ingaende: sd("10"),
                    erhallna: sd("5"),
                    utfall: sd("3"),
                    ..BudgetRow::default()
                },
                BudgetRow {
                    erhallna: sd("7"),
                    utfall: sd("9"),
                    overrides: [(BudgetColumn::Kvarvarande, Override::Blank)].into(),
                    ..BudgetRow::default()
                },
            ],
            after_sum: vec![BudgetRow {
                prognos: sd("2"),
                ..BudgetRow::default()
            }],
            ..BudgetFollowUp::default()
        };
        let f = budget(&t);
        assert_eq!(f.rows[0].disponibla.shown, sd("15"));
        assert_eq!(f.rows[0].kvarvarande.shown, sd("12"));
        assert_eq!(f.rows[1].kvarvarande.formula, sd("-2"));
        assert_eq!(f.sum[5].shown, sd("12"));
        assert_eq!(f.sum[2].shown, sd("22"));
        assert_eq!(f.sum[7].shown, None);
        assert_eq!(f.accumulated_prognos, sd("2"));
    }

    #[test]
    fn cost_reduction_rows_and_total() {
        let t = CostReduction {
            rows: vec![CostReductionRow {
                course: "Entreprenadjuridik".into(),
                cost_internal: sd("2700"),
                participants: sd("15"),
                cost_external: sd("5700"),
                overrides: Overrides::new(),
            }],
            ..CostReduction::default()
        };
        let f = cost_reduction(&t);
        assert_eq!(f.rows[0].per_participant.shown, sd("3000"));
        assert_eq!(f.rows[0].per_course.shown, sd("45000"));
        assert_eq!(f.rows[0].percent.shown, sd("53"));
        assert_eq!(f.total.shown, sd("45000"));
        assert_eq!(f.total_percent.shown, sd("53"));
    }

    fn meeting(form: MeetingForm, present: &[Municipality], regional: u32) -> Meeting {
        Meeting {
            date: "2020-03-01".into(),
            form,
            present: present.to_vec(),
            regional_present: regional,
        }
    }

    #[test]
    fn attendance_averages_from_registrations() {
        use Municipality::*;
        let a = Attendance {
            groups: vec![
                AttendanceGroup {
                    name: "A".into(),
                    members: vec![Aneby, Eksjo],
                    meetings: vec![
                        meeting(MeetingForm::Fysiskt, &[Aneby, Eksjo], 0),
                        meeting(MeetingForm::Digitalt, &[Aneby], 0),
                    ],
                    ..AttendanceGroup::default()
                },
                AttendanceGroup {
                    name: "B".into(),
                    members: vec![Aneby, Habo],
                    meetings: vec![meeting(MeetingForm::Digitalt, &[Habo, Eksjo], 0)],
                    ..AttendanceGroup::default()
                },
                AttendanceGroup {
                    name: "Reko".into(),
                    kind: GroupKind::RegionSamverkan,
                    members: vec![Aneby],
                    regional_members: 1,
                    meetings: vec![meeting(MeetingForm::Kombination, &[], 1)],
                    ..AttendanceGroup::default()
                },
            ],
            ..Attendance::default()
        };
        let f = attendance(&a);
        assert_eq!(f.groups[0].average, sd("75"));
        assert_eq!(f.groups[1].average, sd("50"));
        assert_eq!(f.groups[2].municipal_average, sd("0"));
        assert_eq!(f.groups[2].regional_average, sd("100"));
        assert_eq!(f.groups[2].average, sd("50"));
        assert_eq!(f.networks, 2);
        assert_eq!(f.networks_reaching_target, 0);
        assert_eq!(f.all_networks, sd("62.5"));
        assert_eq!(f.network_meetings, 3);
        assert_eq!(f.forms, [1, 2, 1]);
        assert_eq!(f.form_shares, [sd("25"), sd("50"), sd("25")]);
        // Eksjö was present at B but is no member there: not counted.
        let by = |m: Municipality| {
            f.municipalities
                .iter()
                .find(|(x, _)| *x == m)
                .and_then(|(_, v)| *v)
        };
        assert_eq!(by(Aneby), Some(d("200") / d("3")));
        assert_eq!(by(Eksjo), sd("50"));
        assert_eq!(by(Habo), sd("100"));
        assert_eq!(by(Gnosjo), None);
    }
}
