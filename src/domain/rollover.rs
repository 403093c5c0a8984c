//! The next period's workspace from this one ("Ny period från denna…",
//! `tertial rollover`): the report's structure stays, this period's
//! results move into the earlier-period columns so the new report's
//! comparisons work at once, and what the author writes anew each period
//! is emptied.
//!
//! What stays: organisation, kind, responsible, chapter numbering; the
//! focus areas and who decided them; every goal and section with its title
//! and the goal's introduction; every mätetal with its kind, direction and
//! target; the activities that are not finished (not *klar*, not
//! *avbruten*), with their state; the attendance groups with kind, target
//! and members; the rows (areas, courses) of the economy tables; the survey
//! with its years; ongoing research; the headings of the free texts.
//!
//! What moves: each mätetal's result becomes its latest earlier value; the
//! attendance key figures (samtliga nätverk, PKS, kommundirektörer, the
//! region groups' range) become the latest attendance history row; each
//! group's and each municipality's average becomes "samma period
//! föregående år"; the applications' totals become the latest earlier
//! totals; the staff and course tables get a row for the new period.
//!
//! What is emptied: title, diarienummer and date; "Viktiga händelser";
//! section texts and examples; results, descriptions and overrides of the
//! mätetal; activity status texts; meeting registrations and entered
//! averages; applications; every amount of the economy tables and their
//! overrides; Bilaga 2's counts; texts' bodies; research other than the
//! ongoing projects; data notes.

use super::figures;
use super::model::*;
use super::numbers::round_half_up;
use super::period::Period;

/// The period a rollover suggests: the same period a year later, which
/// the reports compare with ("samma period föregående år").
pub fn suggested_next(p: &Period) -> Period {
    match *p {
        Period::Tertial { year, from, to } => Period::Tertial {
            year: year.saturating_add(1),
            from,
            to,
        },
        Period::Halvar { year, half } => Period::Halvar {
            year: year.saturating_add(1),
            half,
        },
        Period::Helar { year } => Period::Helar {
            year: year.saturating_add(1),
        },
        Period::Plan { from_year, to_year } => {
            let span = to_year.saturating_sub(from_year).saturating_add(1);
            Period::Plan {
                from_year: from_year.saturating_add(span),
                to_year: to_year.saturating_add(span),
            }
        }
    }
}

/// The workspace for `next`, made from `ws` (the period that ends).
pub fn rollover(ws: &Workspace, next: Period) -> Workspace {
    let this_label = ws.report.period.label();
    let mut out = Workspace {
        report: ReportFacts {
            period: next,
            title: String::new(),
            diarienummer: String::new(),
            date: String::new(),
            ..ws.report.clone()
        },
        focus: FocusAreas {
            decided: ws.focus.decided.clone(),
            areas: ws.focus.areas.clone(),
            ..FocusAreas::default()
        },
        goals: ws.goals.iter().map(|g| goal(g, &this_label)).collect(),
        staff: staff(&ws.staff, &next),
        economy: economy(&ws.economy, &next),
        attendance: attendance(&ws.attendance, &this_label),
        courses: courses(&ws.courses, &next),
        survey: ws.survey.clone(),
        research: Research {
            ongoing: ws.research.ongoing.clone(),
            ..Research::default()
        },
        texts: ws
            .texts
            .iter()
            .map(|t| FreeText {
                title: t.title.clone(),
                heading: t.heading,
                content: outline(&t.content),
                ..FreeText::default()
            })
            .collect(),
        data_notes: Vec::new(),
    };
    out.survey.reflections.clear();
    out
}

/// The outline of a text for the next period: its sub-headings and where
/// its tables and research lists stand, without the period's prose.
fn outline(content: &[Passage]) -> Vec<Passage> {
    content
        .iter()
        .filter(|p| {
            matches!(
                p,
                Passage::Subheading(_)
                    | Passage::Table(_)
                    | Passage::Measures
                    | Passage::Activities
                    | Passage::Research(_)
                    | Passage::FocusAreas
                    | Passage::Goals
            )
        })
        .cloned()
        .collect()
}

fn goal(g: &StrategicGoal, this_label: &str) -> StrategicGoal {
    StrategicGoal {
        title: g.title.clone(),
        intro: g.intro.clone(),
        sections: g
            .sections
            .iter()
            .map(|s| Section {
                title: s.title.clone(),
                text: String::new(),
                bullets: Vec::new(),
                measures: s.measures.iter().map(|m| measure(m, this_label)).collect(),
                activities: s
                    .activities
                    .iter()
                    .filter(|a| !matches!(a.state, ActivityState::Klar | ActivityState::Avbruten))
                    .map(|a| Activity {
                        name: a.name.clone(),
                        state: a.state,
                        status_text: String::new(),
                    })
                    .collect(),
                tables: s.tables.clone(),
                research: s.research.clone(),
                content: outline(&s.content),
            })
            .collect(),
    }
}

fn measure(m: &Measure, this_label: &str) -> Measure {
    let mut earlier = m.earlier.clone();
    earlier.push(PeriodValue {
        period: this_label.to_string(),
        value: m.result,
    });
    Measure {
        name: m.name.clone(),
        kind: m.kind.clone(),
        direction: m.direction,
        target: m.target,
        result: None,
        earlier,
        description: String::new(),
        status_override: None,
        trend_override: None,
    }
}

fn staff(s: &Staff, next: &Period) -> Staff {
    let mut rows: Vec<StaffRow> = s.rows.clone();
    for r in &mut rows {
        r.overrides.clear();
    }
    rows.push(StaffRow {
        period: next.label(),
        ..StaffRow::default()
    });
    Staff {
        text: String::new(),
        rows,
        footnotes: Vec::new(),
        by_activity: s
            .by_activity
            .iter()
            .map(|a| NamedAmount {
                name: a.name.clone(),
                amount: None,
            })
            .collect(),
        financing: StaffFinancing::default(),
        decimals: s.decimals,
    }
}

fn economy(e: &Economy, next: &Period) -> Economy {
    let totals = figures::application_totals(&e.applications);
    let mut earlier = e.applications.earlier.clone();
    earlier.push(ApplicationTotals {
        period: if e.applications.period_label.trim().is_empty() {
            totals.period.clone()
        } else {
            e.applications.period_label.clone()
        },
        ..totals
    });
    Economy {
        budget: e.budget.as_ref().map(|b| BudgetFollowUp {
            year: String::new(),
            as_of: String::new(),
            rows: b
                .rows
                .iter()
                .map(|r| BudgetRow {
                    area: r.area.clone(),
                    marker: r.marker.clone(),
                    ..BudgetRow::default()
                })
                .collect(),
            sum_overrides: Default::default(),
            after_sum: b
                .after_sum
                .iter()
                .map(|r| BudgetRow {
                    area: r.area.clone(),
                    marker: r.marker.clone(),
                    ..BudgetRow::default()
                })
                .collect(),
            footnotes: Vec::new(),
        }),
        funds: e.funds.as_ref().map(|f| FundsByFinancier {
            previous_date: String::new(),
            current_date: String::new(),
            rows: f
                .rows
                .iter()
                .map(|r| FundsRow {
                    area: r.area.clone(),
                    ..FundsRow::default()
                })
                .collect(),
            sum_overrides: Default::default(),
            note: String::new(),
        }),
        financing: e.financing.as_ref().map(|f| FinancingTable {
            heading: String::new(),
            rows: f
                .rows
                .iter()
                .map(|r| FinancingRow {
                    area: r.area.clone(),
                    ..FinancingRow::default()
                })
                .collect(),
            sum_overrides: Default::default(),
            show_municipal_share: f.show_municipal_share,
            note: String::new(),
        }),
        applications: Applications {
            period_label: next.label(),
            items: Vec::new(),
            entered_totals: None,
            earlier,
        },
        cost_reduction: e.cost_reduction.as_ref().map(|c| CostReduction {
            rows: c
                .rows
                .iter()
                .map(|r| CostReductionRow {
                    course: r.course.clone(),
                    ..CostReductionRow::default()
                })
                .collect(),
            sum_overrides: Default::default(),
            note: String::new(),
        }),
        plan_budget: e.plan_budget.as_ref().map(|p| PlanBudget {
            year: String::new(),
            rows: p
                .rows
                .iter()
                .map(|r| PlanBudgetRow {
                    area: r.area.clone(),
                    marker: r.marker.clone(),
                    ..PlanBudgetRow::default()
                })
                .collect(),
            sum_overrides: Default::default(),
            footnotes: Vec::new(),
        }),
        notes: Vec::new(),
    }
}

/// Whole percent, as the reports print and compare attendance.
fn whole(v: Option<rust_decimal::Decimal>) -> Option<rust_decimal::Decimal> {
    v.map(|v| round_half_up(v, 0))
}

fn attendance(a: &Attendance, this_label: &str) -> Attendance {
    let f = figures::attendance(a);
    let mut earlier = a.earlier.clone();
    let (low, high) = match f.region_groups_range {
        Some((lo, hi)) => (Some(lo), Some(hi)),
        None => (None, None),
    };
    earlier.push(AttendanceHistory {
        period: this_label.to_string(),
        all_networks: whole(f.all_networks),
        pks: whole(f.pks),
        directors: whole(f.directors),
        region_groups_low: low,
        region_groups_high: high,
    });
    let municipality_earlier = figures::municipality_averages(a)
        .into_iter()
        .filter_map(|(m, v)| whole(v).map(|v| (m, v)))
        .collect();
    Attendance {
        target: a.target,
        groups: a
            .groups
            .iter()
            .zip(&f.groups)
            .map(|(g, gf)| AttendanceGroup {
                name: g.name.clone(),
                kind: g.kind,
                target: g.target,
                members: g.members.clone(),
                regional_members: g.regional_members,
                meetings: Vec::new(),
                entered: None,
                earlier: whole(gf.average),
            })
            .collect(),
        municipality_earlier,
        earlier,
        women_share: None,
        // The new period's registrations are the author's own.
        illustrative: false,
    }
}

fn courses(c: &Courses, next: &Period) -> Courses {
    let mut periods: Vec<CoursePeriod> = c
        .periods
        .iter()
        .map(|p| CoursePeriod {
            overrides: Default::default(),
            ..p.clone()
        })
        .collect();
    periods.push(CoursePeriod {
        period: next.label(),
        ..CoursePeriod::default()
    });
    Courses {
        periods,
        participants_period: next.label(),
        by_participant: c
            .by_participant
            .iter()
            .map(|p| ParticipantCount {
                who: p.who,
                count: None,
                overrides: Default::default(),
            })
            .collect(),
        by_area: c
            .by_area
            .iter()
            .map(|a| NamedAmount {
                name: a.name.clone(),
                amount: None,
            })
            .collect(),
        cancelled: None,
        cancelled_reason: String::new(),
        note: String::new(),
        appendix: outline(&c.appendix),
    }
}
