//! Ekonomi: Tabell 1 Budgetuppföljning, Tabell 2a/2b Disponibla medel,
//! Tabell 3a/3b Finansiering, Ansökningar, Kostnadsreducering and the
//! plan's budget table.

use egui::{Id, RichText, Ui};

use super::EconomyPage;
use crate::domain::sheet::{Footer, Sheet};
use crate::domain::tables::{self, Table};
use crate::domain::{
    ApplicationTotals, BudgetFollowUp, CostReduction, FinancingTable, FundsByFinancier, PlanBudget,
    Workspace, figures, sheets,
};
use crate::ui::cells;
use crate::ui::command::Command;
use crate::ui::grid;

fn missing(ui: &mut Ui, what: &str) -> bool {
    ui.label(format!("Arbetsytan har ingen {what}."));
    ui.button(format!("Skapa {what}")).clicked()
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

/// The economy page `page`; `goto`: a row Kontroll asked to show in its
/// main table.
pub fn page(
    ui: &mut Ui,
    ws: &mut Workspace,
    page: EconomyPage,
    goto: Option<super::Goto>,
    commands: &mut Vec<Command>,
) -> bool {
    if let Some(goto) = goto {
        grid::highlight_row(ui, main_grid(page), goto.row);
    }
    let e = &mut ws.economy;
    match page {
        EconomyPage::Budget => match &mut e.budget {
            Some(t) => budget(ui, t, commands),
            None => {
                missing(ui, "budgetuppföljning (Tabell 1)") && {
                    e.budget = Some(BudgetFollowUp::default());
                    true
                }
            }
        },
        EconomyPage::Funds => match &mut e.funds {
            Some(t) => funds(ui, t, commands),
            None => {
                missing(ui, "redovisning av disponibla medel (Tabell 2a/2b)") && {
                    e.funds = Some(FundsByFinancier::default());
                    true
                }
            }
        },
        EconomyPage::Financing => match &mut e.financing {
            Some(t) => financing(ui, t, commands),
            None => {
                missing(ui, "finansieringstabell (Tabell 3a/3b)") && {
                    e.financing = Some(FinancingTable::default());
                    true
                }
            }
        },
        EconomyPage::Applications => applications(ui, ws, commands),
        EconomyPage::CostReduction => match &mut e.cost_reduction {
            Some(t) => cost(ui, t, commands),
            None => {
                missing(ui, "tabell över kostnadsreducering") && {
                    e.cost_reduction = Some(CostReduction::default());
                    true
                }
            }
        },
        EconomyPage::Plan => match &mut e.plan_budget {
            Some(t) => plan(ui, t, commands),
            None => {
                missing(ui, "budgettabell för verksamhetsplan") && {
                    e.plan_budget = Some(PlanBudget::default());
                    true
                }
            }
        },
    }
}

fn title(ui: &mut Ui, text: &str) {
    ui.label(RichText::new(text).strong());
}

fn budget(ui: &mut Ui, t: &mut BudgetFollowUp, commands: &mut Vec<Command>) -> bool {
    let mut changed = false;
    let id = Id::unique("budget");
    ui.horizontal(|ui| {
        ui.label("År");
        changed |= cells::text_cell(ui, id.with("year"), "År", &mut t.year);
        ui.label("Utfall per");
        changed |= cells::text_cell(ui, id.with("asof"), "Utfall per", &mut t.as_of);
    });
    let printed = tables::budget_table(t);
    let f = figures::budget(t);
    title(ui, &printed.title);
    {
        let cols = sheets::budget(t, &f.rows, "Verksamhetsområde");
        let footer = Footer {
            rows: printed
                .rows
                .get(t.rows.len()..t.rows.len() + 1)
                .unwrap_or_default()
                .to_vec(),
            ..Footer::none()
        }
        .with_overrides(&mut t.sum_overrides, sheets::BUDGET_SUM_KEYS.to_vec());
        let mut sheet = Sheet::new(cols, &mut t.rows).with_footer(footer);
        changed |= grid::show(ui, id.with("rows"), &mut sheet);
    }
    ui.add_space(6.0);
    title(ui, "Rader under summan (ingår inte i summan)");
    {
        let start = t.rows.len() + 1 + t.after_sum.len();
        let cols = sheets::budget(t, &f.after_sum, "Rad");
        let footer = Footer {
            rows: printed.rows.get(start..).unwrap_or_default().to_vec(),
            ..Footer::none()
        };
        let mut sheet = Sheet::new(cols, &mut t.after_sum).with_footer(footer);
        changed |= grid::show(ui, id.with("after"), &mut sheet);
    }
    grid::table_actions(ui, &printed, commands);
    changed |= super::common::string_list(ui, id.with("foot"), "Fotnoter", &mut t.footnotes);
    changed
}

fn funds(ui: &mut Ui, t: &mut FundsByFinancier, commands: &mut Vec<Command>) -> bool {
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
    let shares = tables::funds_share_table(t);
    let f = figures::funds(t);
    title(ui, &printed.title);
    {
        let cols = sheets::funds(t, &f);
        let footer = Footer::from_printed(&printed, t.rows.len())
            .with_overrides(&mut t.sum_overrides, sheets::FUNDS_SUM_KEYS.to_vec());
        let mut sheet = Sheet::new(cols, &mut t.rows).with_footer(footer);
        changed |= grid::show(ui, id.with("2a"), &mut sheet);
    }
    grid::table_actions(ui, &printed, commands);
    ui.add_space(8.0);
    title(ui, &shares.title);
    {
        let cols = sheets::funds_shares(t, &f);
        let footer = Footer::from_printed(&shares, t.rows.len())
            .with_overrides(&mut t.sum_overrides, sheets::FUNDS_SHARE_SUM_KEYS.to_vec());
        let mut sheet = Sheet::new(cols, &mut t.rows)
            .with_footer(footer)
            .fixed_rows();
        changed |= grid::show(ui, id.with("2b"), &mut sheet);
    }
    grid::table_actions(ui, &shares, commands);
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

fn financing(ui: &mut Ui, t: &mut FinancingTable, commands: &mut Vec<Command>) -> bool {
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
    let shares = tables::financing_share_table(t);
    let f = figures::financing(t);
    title(ui, &printed.title);
    {
        let cols = sheets::financing(t, &f);
        let footer = Footer::from_printed(&printed, t.rows.len())
            .with_overrides(&mut t.sum_overrides, sheets::FINANCING_SUM_KEYS.to_vec());
        let mut sheet = Sheet::new(cols, &mut t.rows).with_footer(footer);
        changed |= grid::show(ui, id.with("3a"), &mut sheet);
    }
    grid::table_actions(ui, &printed, commands);
    ui.add_space(8.0);
    title(ui, &shares.title);
    {
        let cols = sheets::financing_shares(&f);
        let footer = Footer::from_printed(&shares, t.rows.len()).with_overrides(
            &mut t.sum_overrides,
            sheets::FINANCING_SHARE_SUM_KEYS.to_vec(),
        );
        let mut sheet = Sheet::new(cols, &mut t.rows)
            .with_footer(footer)
            .fixed_rows();
        changed |= grid::show(ui, id.with("3b"), &mut sheet);
    }
    grid::table_actions(ui, &shares, commands);
    changed
}

fn applications(ui: &mut Ui, ws: &mut Workspace, commands: &mut Vec<Command>) -> bool {
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
    title(ui, &printed.title);
    {
        let mut sheet = Sheet::new(sheets::applications(), &mut a.items);
        changed |= grid::show(ui, id.with("items"), &mut sheet);
    }
    grid::table_actions(ui, &printed, commands);
    ui.add_space(8.0);
    let comparison = tables::application_comparison(a);
    title(ui, &comparison.title);
    show_read_only(ui, &comparison);
    grid::table_actions(ui, &comparison, commands);
    ui.add_space(8.0);
    title(ui, "Tidigare perioder");
    {
        let mut sheet = Sheet::new(sheets::application_totals(), &mut a.earlier);
        changed |= grid::show(ui, id.with("earlier"), &mut sheet);
    }
    if a.items.is_empty() {
        title(ui, "Periodens summor (när ansökningarna inte listas)");
        let mut v: Vec<ApplicationTotals> = a.entered_totals.clone().into_iter().collect();
        let edited = {
            let mut sheet = Sheet::new(sheets::application_totals(), &mut v);
            grid::show(ui, id.with("entered"), &mut sheet)
        };
        if edited {
            a.entered_totals = v.into_iter().next();
            changed = true;
        }
    }
    changed
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

fn cost(ui: &mut Ui, t: &mut CostReduction, commands: &mut Vec<Command>) -> bool {
    let mut changed = false;
    let id = Id::unique("cost");
    let printed = tables::cost_table(t);
    let f = figures::cost_reduction(t);
    title(ui, &printed.title);
    {
        let footer = Footer::from_printed(&printed, t.rows.len())
            .with_overrides(&mut t.sum_overrides, sheets::COST_SUM_KEYS.to_vec());
        let mut sheet = Sheet::new(sheets::cost(&f), &mut t.rows).with_footer(footer);
        changed |= grid::show(ui, id.with("rows"), &mut sheet);
    }
    grid::table_actions(ui, &printed, commands);
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

fn plan(ui: &mut Ui, t: &mut PlanBudget, commands: &mut Vec<Command>) -> bool {
    let mut changed = false;
    let id = Id::unique("plan");
    ui.horizontal(|ui| {
        ui.label("År");
        changed |= cells::text_cell(ui, id.with("year"), "Budgetår", &mut t.year);
    });
    let printed = tables::plan_table(t);
    let f = figures::plan_budget(t);
    title(ui, &printed.title);
    {
        let cols = sheets::plan(t, &f);
        let footer = Footer::from_printed(&printed, t.rows.len())
            .with_overrides(&mut t.sum_overrides, sheets::PLAN_SUM_KEYS.to_vec());
        let mut sheet = Sheet::new(cols, &mut t.rows).with_footer(footer);
        changed |= grid::show(ui, id.with("rows"), &mut sheet);
    }
    grid::table_actions(ui, &printed, commands);
    changed |= super::common::string_list(ui, id.with("foot"), "Fotnoter", &mut t.footnotes);
    changed
}
