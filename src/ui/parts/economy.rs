//! Ekonomi: Tabell 1 Budgetuppföljning, Tabell 2a/2b Disponibla medel,
//! Tabell 3a/3b Finansiering, Ansökningar, Kostnadsreducering and the
//! plan's budget table.

use std::collections::BTreeMap;

use egui::{Id, RichText, Ui};

use super::EconomyPage;
use crate::domain::tables::{self, Format, Table};
use crate::domain::{
    Application, ApplicationTotals, BudgetColumn, BudgetFollowUp, BudgetRow, CostColumn,
    CostReduction, CostReductionRow, Decision, FinancingColumn, FinancingRow, FinancingTable,
    FundsByFinancier, FundsColumn, FundsRow, Override, PlanBudget, PlanBudgetRow, PlanColumn,
    Workspace,
};
use crate::ui::cells::{self, CellOutcome};
use crate::ui::grid::{self, Col, GridSpec};

fn missing(ui: &mut Ui, what: &str) -> bool {
    ui.label(format!("Arbetsytan har ingen {what}."));
    ui.button(format!("Skapa {what}")).clicked()
}

/// The first `rows` rows of a printed table shown in two grids. It has no
/// id of its own, so its grid offers no copy or export of a part: the
/// whole table is offered under the second grid.
fn printed_prefix(t: &Table, rows: usize) -> Table {
    Table {
        id: String::new(),
        rows: t.rows.iter().take(rows).cloned().collect(),
        ..t.clone()
    }
}

/// The id of a page's main table (where Kontroll's rows point).
fn main_grid(page: EconomyPage) -> Id {
    match page {
        EconomyPage::Budget => Id::unique("budget").with("rows"),
        EconomyPage::Funds => Id::unique("funds").with("2a"),
        EconomyPage::Financing => Id::unique("financing").with("3a"),
        EconomyPage::Applications => Id::unique("applications").with("items"),
        EconomyPage::CostReduction => Id::unique("cost").with("rows"),
        EconomyPage::Plan => Id::unique("plan").with("rows"),
    }
}

pub fn page(ui: &mut Ui, ws: &mut Workspace, page: EconomyPage) -> bool {
    if let Some(goto) = super::take_goto(ui, super::Nav::Ekonomi(page)) {
        grid::highlight_row(ui, main_grid(page), goto.row);
    }
    let e = &mut ws.economy;
    match page {
        EconomyPage::Budget => match &mut e.budget {
            Some(t) => budget(ui, t),
            None => {
                missing(ui, "budgetuppföljning (Tabell 1)") && {
                    e.budget = Some(BudgetFollowUp::default());
                    true
                }
            }
        },
        EconomyPage::Funds => match &mut e.funds {
            Some(t) => funds(ui, t),
            None => {
                missing(ui, "redovisning av disponibla medel (Tabell 2a/2b)") && {
                    e.funds = Some(FundsByFinancier::default());
                    true
                }
            }
        },
        EconomyPage::Financing => match &mut e.financing {
            Some(t) => financing(ui, t),
            None => {
                missing(ui, "finansieringstabell (Tabell 3a/3b)") && {
                    e.financing = Some(FinancingTable::default());
                    true
                }
            }
        },
        EconomyPage::Applications => applications(ui, ws),
        EconomyPage::CostReduction => match &mut e.cost_reduction {
            Some(t) => cost(ui, t),
            None => {
                missing(ui, "tabell över kostnadsreducering") && {
                    e.cost_reduction = Some(CostReduction::default());
                    true
                }
            }
        },
        EconomyPage::Plan => match &mut e.plan_budget {
            Some(t) => plan(ui, t),
            None => {
                missing(ui, "budgettabell för verksamhetsplan") && {
                    e.plan_budget = Some(PlanBudget::default());
                    true
                }
            }
        },
    }
}

fn budget(ui: &mut Ui, t: &mut BudgetFollowUp) -> bool {
    let mut changed = false;
    let id = Id::unique("budget");
    ui.horizontal(|ui| {
        ui.label("År");
        changed |= cells::text_cell(ui, id.with("year"), "År", &mut t.year);
        ui.label("Utfall per");
        changed |= cells::text_cell(ui, id.with("asof"), "Utfall per", &mut t.as_of);
    });
    let printed = tables::budget_table(t);
    ui.label(RichText::new(&printed.title).strong());
    let mut cols: Vec<Col<BudgetRow, BudgetColumn>> = vec![Col::Text {
        header: "Verksamhetsområde".into(),
        set: |r| &mut r.area,
    }];
    cols.extend(budget_cols(&printed));
    let keys = vec![
        (1, BudgetColumn::Ingaende),
        (2, BudgetColumn::Erhallna),
        (3, BudgetColumn::Disponibla),
        (4, BudgetColumn::Budget),
        (5, BudgetColumn::Utfall),
        (6, BudgetColumn::Kvarvarande),
        (7, BudgetColumn::Fonderade),
        (8, BudgetColumn::Prognos),
    ];
    let main = printed_prefix(&printed, t.rows.len() + 1);
    let spec = GridSpec {
        id: id.with("rows"),
        cols,
        printed: &main,
        row_name: |r: &BudgetRow| r.area.clone(),
        overrides: Some(|r: &mut BudgetRow| &mut r.overrides),
        sum_keys: keys,
        allow_row_edits: true,
    };
    changed |= grid::grid(ui, spec, &mut t.rows, Some(&mut t.sum_overrides)).changed;
    ui.add_space(6.0);
    ui.label(RichText::new("Rader under summan (ingår inte i summan)").strong());
    let start = t.rows.len() + 1;
    let below = Table {
        id: String::new(),
        rows: printed.rows.iter().skip(start).cloned().collect(),
        ..printed.clone()
    };
    let mut cols: Vec<Col<BudgetRow, BudgetColumn>> = vec![Col::Text {
        header: "Rad".into(),
        set: |r| &mut r.area,
    }];
    cols.extend(budget_cols(&printed));
    let spec = GridSpec {
        id: id.with("after"),
        cols,
        printed: &below,
        row_name: |r: &BudgetRow| r.area.clone(),
        overrides: Some(|r: &mut BudgetRow| &mut r.overrides),
        sum_keys: Vec::new(),
        allow_row_edits: true,
    };
    changed |= grid::grid(ui, spec, &mut t.after_sum, None).changed;
    grid::table_actions(ui, &printed);
    changed |= super::common::string_list(ui, id.with("foot"), "Fotnoter", &mut t.footnotes);
    changed
}

fn budget_cols(printed: &Table) -> Vec<Col<BudgetRow, BudgetColumn>> {
    let h = |i: usize| printed.headers.get(i).cloned().unwrap_or_default();
    vec![
        Col::Number {
            header: h(1),
            get: |r| &mut r.ingaende,
            format: Format::Amount,
        },
        Col::Number {
            header: h(2),
            get: |r| &mut r.erhallna,
            format: Format::Amount,
        },
        Col::Computed {
            header: h(3),
            index: 3,
            key: Some(BudgetColumn::Disponibla),
        },
        Col::Number {
            header: h(4),
            get: |r| &mut r.budget,
            format: Format::Amount,
        },
        Col::Number {
            header: h(5),
            get: |r| &mut r.utfall,
            format: Format::Amount,
        },
        Col::Computed {
            header: h(6),
            index: 6,
            key: Some(BudgetColumn::Kvarvarande),
        },
        Col::Number {
            header: h(7),
            get: |r| &mut r.fonderade,
            format: Format::Amount,
        },
        Col::Number {
            header: h(8),
            get: |r| &mut r.prognos,
            format: Format::Amount,
        },
    ]
}

fn funds(ui: &mut Ui, t: &mut FundsByFinancier) -> bool {
    let mut changed = false;
    let id = Id::unique("funds");
    ui.horizontal(|ui| {
        ui.label("Ingående medel per");
        changed |= cells::text_cell(
            ui,
            id.with("prev"),
            "Föregående datum",
            &mut t.previous_date,
        );
        ui.label("och per");
        changed |= cells::text_cell(ui, id.with("cur"), "Aktuellt datum", &mut t.current_date);
    });
    let printed = tables::funds_table(t);
    ui.label(RichText::new(&printed.title).strong());
    let h = |i: usize| printed.headers.get(i).cloned().unwrap_or_default();
    let cols: Vec<Col<FundsRow, FundsColumn>> = vec![
        Col::Text {
            header: h(0),
            set: |r| &mut r.area,
        },
        Col::Number {
            header: h(1),
            get: |r| &mut r.previous,
            format: Format::Amount,
        },
        Col::Computed {
            header: h(2),
            index: 2,
            key: Some(FundsColumn::Current),
        },
        Col::Number {
            header: h(3),
            get: |r| &mut r.kommunerna,
            format: Format::Amount,
        },
        Col::Number {
            header: h(4),
            get: |r| &mut r.staten,
            format: Format::Amount,
        },
        Col::Number {
            header: h(5),
            get: |r| &mut r.ovriga,
            format: Format::Amount,
        },
        Col::Number {
            header: h(6),
            get: |r| &mut r.fonderade,
            format: Format::Amount,
        },
    ];
    let keys = vec![
        (1, FundsColumn::Previous),
        (2, FundsColumn::Current),
        (3, FundsColumn::Kommunerna),
        (4, FundsColumn::Staten),
        (5, FundsColumn::Ovriga),
        (6, FundsColumn::Fonderade),
    ];
    let spec = GridSpec {
        id: id.with("2a"),
        cols,
        printed: &printed,
        row_name: |r: &FundsRow| r.area.clone(),
        overrides: Some(|r: &mut FundsRow| &mut r.overrides),
        sum_keys: keys,
        allow_row_edits: true,
    };
    changed |= grid::grid(ui, spec, &mut t.rows, Some(&mut t.sum_overrides)).changed;
    ui.add_space(8.0);
    let shares = tables::funds_share_table(t);
    let keys = [
        FundsColumn::ShareCurrent,
        FundsColumn::ShareKommunerna,
        FundsColumn::ShareStaten,
        FundsColumn::ShareOvriga,
    ];
    changed |= share_grid(
        ui,
        id.with("2b"),
        &shares,
        keys,
        &mut t.rows,
        |r| r.area.clone(),
        |r| &mut r.overrides,
        &mut t.sum_overrides,
    );
    ui.label("Kommentar");
    changed |= cells::text_area(
        ui,
        id.with("note"),
        "Kommentar till tabell 2",
        &mut t.note,
        2,
    );
    changed
}

fn financing(ui: &mut Ui, t: &mut FinancingTable) -> bool {
    let mut changed = false;
    let id = Id::unique("financing");
    ui.horizontal(|ui| {
        ui.label("Rubrik");
        changed |= cells::text_cell(
            ui,
            id.with("heading"),
            "Rubrik för finansieringstabellen",
            &mut t.heading,
        );
        changed |= ui
            .checkbox(
                &mut t.show_municipal_share,
                "Visa kolumnen Andel finansiering via länets kommuner",
            )
            .changed();
    });
    let printed = tables::financing_table(t);
    ui.label(RichText::new(&printed.title).strong());
    let h = |i: usize| printed.headers.get(i).cloned().unwrap_or_default();
    let mut cols: Vec<Col<FinancingRow, FinancingColumn>> = vec![
        Col::Text {
            header: if h(0).is_empty() {
                "Verksamhetsområde".into()
            } else {
                h(0)
            },
            set: |r| &mut r.area,
        },
        Col::Computed {
            header: h(1),
            index: 1,
            key: Some(FinancingColumn::Utfall),
        },
        Col::Number {
            header: h(2),
            get: |r| &mut r.kommunerna,
            format: Format::Amount,
        },
        Col::Number {
            header: h(3),
            get: |r| &mut r.staten,
            format: Format::Amount,
        },
        Col::Number {
            header: h(4),
            get: |r| &mut r.ovriga,
            format: Format::Amount,
        },
    ];
    if t.show_municipal_share {
        cols.push(Col::Computed {
            header: h(5),
            index: 5,
            key: Some(FinancingColumn::ShareKommunerna),
        });
    }
    let keys = vec![
        (1, FinancingColumn::Utfall),
        (2, FinancingColumn::Kommunerna),
        (3, FinancingColumn::Staten),
        (4, FinancingColumn::Ovriga),
        (5, FinancingColumn::ShareKommunerna),
    ];
    let spec = GridSpec {
        id: id.with("3a"),
        cols,
        printed: &printed,
        row_name: |r: &FinancingRow| r.area.clone(),
        overrides: Some(|r: &mut FinancingRow| &mut r.overrides),
        sum_keys: keys,
        allow_row_edits: true,
    };
    changed |= grid::grid(ui, spec, &mut t.rows, Some(&mut t.sum_overrides)).changed;
    ui.add_space(8.0);
    let shares = tables::financing_share_table(t);
    let keys = [
        FinancingColumn::ShareUtfall,
        FinancingColumn::ShareKommunerna,
        FinancingColumn::ShareStaten,
        FinancingColumn::ShareOvriga,
    ];
    changed |= share_grid(
        ui,
        id.with("3b"),
        &shares,
        keys,
        &mut t.rows,
        |r| r.area.clone(),
        |r| &mut r.overrides,
        &mut t.sum_overrides,
    );
    changed
}

/// Tabell 2b or 3b: every cell computed (area share, split by financier),
/// each of them can be typed over.
#[allow(clippy::too_many_arguments)]
fn share_grid<R: Default, C: Ord + Copy>(
    ui: &mut Ui,
    id: Id,
    shares: &Table,
    keys: [C; 4],
    rows: &mut Vec<R>,
    row_name: fn(&R) -> String,
    overrides: grid::OverridesOf<R, C>,
    sum_overrides: &mut BTreeMap<C, Override>,
) -> bool {
    ui.label(RichText::new(&shares.title).strong());
    let h = |i: usize| shares.headers.get(i).cloned().unwrap_or_default();
    let mut cols = vec![Col::Computed {
        header: h(0),
        index: 0,
        key: None,
    }];
    cols.extend(keys.iter().enumerate().map(|(i, k)| Col::Computed {
        header: h(i + 1),
        index: i + 1,
        key: Some(*k),
    }));
    let spec = GridSpec {
        id,
        cols,
        printed: shares,
        row_name,
        overrides: Some(overrides),
        sum_keys: keys.iter().enumerate().map(|(i, k)| (i + 1, *k)).collect(),
        allow_row_edits: false,
    };
    grid::grid(ui, spec, rows, Some(sum_overrides)).changed
}

fn decision_cell(ui: &mut Ui, id: Id, name: &str, a: &mut Application) -> CellOutcome {
    let mut changed = false;
    let r = egui::ComboBox::from_id_salt(id)
        .selected_text(a.decision.name())
        .show_ui(ui, |ui| {
            for d in [Decision::Pending, Decision::Granted, Decision::Rejected] {
                changed |= ui.selectable_value(&mut a.decision, d, d.name()).changed();
            }
        });
    cells::name_widget(ui, r.response.id, name);
    CellOutcome {
        changed,
        error: None,
    }
}

fn counted_cell(ui: &mut Ui, _id: Id, name: &str, a: &mut Application) -> CellOutcome {
    let resp = ui.checkbox(&mut a.counted, "");
    cells::name_widget(ui, resp.id, name);
    CellOutcome {
        changed: resp.changed(),
        error: None,
    }
}

fn applications(ui: &mut Ui, ws: &mut Workspace) -> bool {
    let mut changed = false;
    let id = Id::unique("applications");
    let a = &mut ws.economy.applications;
    ui.horizontal(|ui| {
        ui.label("Periodens namn i jämförelsen");
        changed |= cells::text_cell(
            ui,
            id.with("label"),
            "Periodens namn i jämförelsen",
            &mut a.period_label,
        );
    });
    let printed = tables::application_list(a);
    let cols: Vec<Col<Application, u8>> = vec![
        Col::Text {
            header: "Ansökan".into(),
            set: |r| &mut r.name,
        },
        Col::Text {
            header: "Finansiär".into(),
            set: |r| &mut r.funder,
        },
        Col::Number {
            header: "Sökt belopp (kr)".into(),
            get: |r| &mut r.sought,
            format: Format::Amount,
        },
        Col::Custom {
            header: "Beslut".into(),
            width: 120.0,
            draw: decision_cell,
        },
        Col::Number {
            header: "Beviljat belopp (kr)".into(),
            get: |r| &mut r.granted,
            format: Format::Amount,
        },
        Col::Custom {
            header: "Räknas".into(),
            width: 60.0,
            draw: counted_cell,
        },
        Col::Text {
            header: "Kommentar".into(),
            set: |r| &mut r.note,
        },
    ];
    changed |= grid::plain(
        ui,
        id.with("items"),
        cols,
        &printed,
        |r: &Application| r.name.clone(),
        &mut a.items,
    );
    ui.add_space(8.0);
    let comparison = tables::application_comparison(a);
    ui.label(RichText::new(&comparison.title).strong());
    show_read_only(ui, &comparison);
    ui.add_space(8.0);
    ui.label(RichText::new("Tidigare perioder").strong());
    changed |= totals_grid(ui, id.with("earlier"), &mut a.earlier);
    if a.items.is_empty() {
        ui.label(RichText::new("Periodens summor (när ansökningarna inte listas)").strong());
        let mut v: Vec<ApplicationTotals> = a.entered_totals.clone().into_iter().collect();
        if totals_grid(ui, id.with("entered"), &mut v) {
            a.entered_totals = v.into_iter().next();
            changed = true;
        }
    }
    changed
}

fn totals_grid(ui: &mut Ui, id: Id, rows: &mut Vec<ApplicationTotals>) -> bool {
    let printed = Table {
        id: String::new(),
        title: String::new(),
        headers: Vec::new(),
        rows: Vec::new(),
    };
    let cols: Vec<Col<ApplicationTotals, u8>> = vec![
        Col::Text {
            header: "Period".into(),
            set: |r| &mut r.period,
        },
        Col::Number {
            header: "Inskickade".into(),
            get: |r| &mut r.sent,
            format: Format::Amount,
        },
        Col::Number {
            header: "Beviljade".into(),
            get: |r| &mut r.granted,
            format: Format::Amount,
        },
        Col::Number {
            header: "Sökta kronor".into(),
            get: |r| &mut r.sought_kronor,
            format: Format::Amount,
        },
        Col::Number {
            header: "Beviljade kronor".into(),
            get: |r| &mut r.granted_kronor,
            format: Format::Amount,
        },
    ];
    grid::plain(
        ui,
        id,
        cols,
        &printed,
        |r: &ApplicationTotals| r.period.clone(),
        rows,
    )
}

/// A printed table shown as it is (every cell computed or copied).
pub fn show_read_only(ui: &mut Ui, t: &Table) {
    egui::Grid::new(("ro", &t.id, &t.title))
        .striped(true)
        .show(ui, |ui| {
            for h in &t.headers {
                ui.label(RichText::new(h).strong());
            }
            ui.end_row();
            for row in &t.rows {
                for (i, c) in row.cells.iter().enumerate() {
                    if c.computed.is_some() {
                        cells::computed_cell::<u8>(
                            ui,
                            Id::unique(("ro-cell", &t.id, i, c.display())),
                            &t.headers.get(i).cloned().unwrap_or_default(),
                            c,
                            None,
                        );
                    } else {
                        ui.label(c.display());
                    }
                }
                ui.end_row();
            }
        });
}

fn cost(ui: &mut Ui, t: &mut CostReduction) -> bool {
    let mut changed = false;
    let id = Id::unique("cost");
    let printed = tables::cost_table(t);
    ui.label(RichText::new(&printed.title).strong());
    let h = |i: usize| printed.headers.get(i).cloned().unwrap_or_default();
    let kr = || Format::Count("kr".into());
    let cols: Vec<Col<CostReductionRow, CostColumn>> = vec![
        Col::Text {
            header: h(0),
            set: |r| &mut r.course,
        },
        Col::Number {
            header: h(1),
            get: |r| &mut r.cost_internal,
            format: kr(),
        },
        Col::Number {
            header: h(2),
            get: |r| &mut r.participants,
            format: Format::Amount,
        },
        Col::Number {
            header: h(3),
            get: |r| &mut r.cost_external,
            format: kr(),
        },
        Col::Computed {
            header: h(4),
            index: 4,
            key: Some(CostColumn::PerParticipant),
        },
        Col::Computed {
            header: h(5),
            index: 5,
            key: Some(CostColumn::PerCourse),
        },
        Col::Computed {
            header: h(6),
            index: 6,
            key: Some(CostColumn::Percent),
        },
    ];
    let spec = GridSpec {
        id: id.with("rows"),
        cols,
        printed: &printed,
        row_name: |r: &CostReductionRow| r.course.clone(),
        overrides: Some(|r: &mut CostReductionRow| &mut r.overrides),
        sum_keys: vec![(5, CostColumn::PerCourse), (6, CostColumn::Percent)],
        allow_row_edits: true,
    };
    changed |= grid::grid(ui, spec, &mut t.rows, Some(&mut t.sum_overrides)).changed;
    ui.label("Kommentar");
    changed |= cells::text_area(
        ui,
        id.with("note"),
        "Kommentar om kostnadsreducering",
        &mut t.note,
        2,
    );
    changed
}

fn plan(ui: &mut Ui, t: &mut PlanBudget) -> bool {
    let mut changed = false;
    let id = Id::unique("plan");
    ui.horizontal(|ui| {
        ui.label("År");
        changed |= cells::text_cell(ui, id.with("year"), "Budgetår", &mut t.year);
    });
    let printed = tables::plan_table(t);
    ui.label(RichText::new(&printed.title).strong());
    let h = |i: usize| printed.headers.get(i).cloned().unwrap_or_default();
    let cols: Vec<Col<PlanBudgetRow, PlanColumn>> = vec![
        Col::Text {
            header: "Verksamhetsområde".into(),
            set: |r| &mut r.area,
        },
        Col::Number {
            header: h(1),
            get: |r| &mut r.ingaende,
            format: Format::Amount,
        },
        Col::Number {
            header: h(2),
            get: |r| &mut r.forvantade,
            format: Format::Amount,
        },
        Col::Computed {
            header: h(3),
            index: 3,
            key: Some(PlanColumn::Disponibla),
        },
        Col::Number {
            header: h(4),
            get: |r| &mut r.budget,
            format: Format::Amount,
        },
    ];
    let spec = GridSpec {
        id: id.with("rows"),
        cols,
        printed: &printed,
        row_name: |r: &PlanBudgetRow| r.area.clone(),
        overrides: Some(|r: &mut PlanBudgetRow| &mut r.overrides),
        sum_keys: vec![
            (1, PlanColumn::Ingaende),
            (2, PlanColumn::Forvantade),
            (3, PlanColumn::Disponibla),
            (4, PlanColumn::Budget),
        ],
        allow_row_edits: true,
    };
    changed |= grid::grid(ui, spec, &mut t.rows, Some(&mut t.sum_overrides)).changed;
    changed |= super::common::string_list(ui, id.with("foot"), "Fotnoter", &mut t.footnotes);
    changed
}
