//! "Ny period från denna": the 2020 Delårsrapport (tertial 1–2 2020) rolled
//! forward to tertial 1–2 2021. What stays, what moves into the earlier
//! columns, what is emptied, and that the new report's comparisons work at
//! once.

use crate::common::*;
use rust_decimal::Decimal;
use tertial::charts::data::{ChartKind, chart};
use tertial::domain::rollover::rollover;
use tertial::domain::*;

fn next() -> Period {
    Period::Tertial {
        year: 2021,
        from: 1,
        to: 2,
    }
}

#[test]
fn structure_stays_and_what_is_written_anew_is_empty() {
    let old = sample(DELARSRAPPORT_2020);
    let new = rollover(&old, next());
    assert_eq!(new.report.period, next());
    assert_eq!(new.report.kind, old.report.kind);
    assert_eq!(new.report.responsible, old.report.responsible);
    assert_eq!(new.report.title, "");
    assert_eq!(new.report.diarienummer, "");
    assert!(new.focus.kostnadseffektivitet.is_empty());
    assert_eq!(new.focus.areas, old.focus.areas);

    assert_eq!(new.goals.len(), old.goals.len());
    for (g_old, g_new) in old.goals.iter().zip(&new.goals) {
        assert_eq!(g_new.title, g_old.title);
        assert_eq!(g_new.sections.len(), g_old.sections.len());
        for (s_old, s_new) in g_old.sections.iter().zip(&g_new.sections) {
            assert_eq!(s_new.title, s_old.title);
            assert!(s_new.text.is_empty() && s_new.bullets.is_empty());
            let names = |ms: &[Measure]| ms.iter().map(|m| m.name.clone()).collect::<Vec<_>>();
            assert_eq!(names(&s_new.measures), names(&s_old.measures));
            for (m_old, m_new) in s_old.measures.iter().zip(&s_new.measures) {
                assert_eq!(m_new.target, m_old.target, "{}", m_old.name);
                assert_eq!(m_new.result, None);
                assert_eq!(m_new.description, "");
                assert_eq!(m_new.status_override, None);
                // This period's result is now the one compared with.
                let last = m_new.earlier.last().expect("an earlier value");
                assert_eq!(last.period, "tertial 1–2 2020");
                assert_eq!(last.value, m_old.result);
                assert_eq!(m_new.earlier.len(), m_old.earlier.len() + 1);
            }
            let open: Vec<&str> = s_old
                .activities
                .iter()
                .filter(|a| !matches!(a.state, ActivityState::Klar | ActivityState::Avbruten))
                .map(|a| a.name.as_str())
                .collect();
            let kept: Vec<&str> = s_new.activities.iter().map(|a| a.name.as_str()).collect();
            assert_eq!(kept, open, "only unfinished activities carry over");
            assert!(s_new.activities.iter().all(|a| a.status_text.is_empty()));
        }
    }
    // The sample has finished activities, so some were dropped.
    let count = |ws: &Workspace| {
        ws.goals
            .iter()
            .flat_map(|g| &g.sections)
            .map(|s| s.activities.len())
            .sum::<usize>()
    };
    assert!(count(&new) < count(&old));

    // Economy: the same areas, no amounts.
    let b_old = old.economy.budget.as_ref().expect("Tabell 1");
    let b_new = new.economy.budget.as_ref().expect("Tabell 1");
    assert_eq!(
        b_new.rows.iter().map(|r| &r.area).collect::<Vec<_>>(),
        b_old.rows.iter().map(|r| &r.area).collect::<Vec<_>>()
    );
    assert!(
        b_new
            .rows
            .iter()
            .all(|r| r.utfall.is_none() && r.budget.is_none())
    );
    assert!(new.economy.applications.items.is_empty());
    assert_eq!(
        new.economy.applications.earlier.len(),
        old.economy.applications.earlier.len() + 1
    );

    // Staff: a new, empty row for the new period.
    assert_eq!(new.staff.rows.len(), old.staff.rows.len() + 1);
    let last = new.staff.rows.last().expect("row");
    assert_eq!(last.period, "tertial 1–2 2021");
    assert_eq!(
        (last.tjanstekop, last.tillsvidare, last.visstid),
        (None, None, None)
    );
    assert!(new.texts.iter().all(|t| t.body.is_empty()));
    assert_eq!(new.texts.len(), old.texts.len());
    assert!(new.data_notes.is_empty());
}

#[test]
fn attendance_results_become_last_years_figures() {
    let old = sample(DELARSRAPPORT_2020);
    let new = rollover(&old, next());
    let f_old = figures::attendance(&old.attendance);
    let a = &new.attendance;
    assert_eq!(a.groups.len(), old.attendance.groups.len());
    assert!(
        a.groups
            .iter()
            .all(|g| g.meetings.is_empty() && g.entered.is_none())
    );
    for ((g_old, g_new), gf) in old
        .attendance
        .groups
        .iter()
        .zip(&a.groups)
        .zip(&f_old.groups)
    {
        assert_eq!(g_new.name, g_old.name);
        assert_eq!(g_new.members, g_old.members);
        assert_eq!(
            g_new.earlier,
            gf.average.map(|v| numbers::round_half_up(v, 0))
        );
    }
    // The 2020 report's facts: 76 % in all networks, Mullsjö 69 %.
    let h = a.earlier.last().expect("history row");
    assert_eq!(h.period, "tertial 1–2 2020");
    assert_eq!(h.all_networks, Some(Decimal::from(76)));
    assert_eq!(
        a.municipality_earlier.get(&Municipality::Mullsjo),
        Some(&Decimal::from(69))
    );
    assert_eq!(a.municipality_earlier.len(), 13);

    // The new report's per-municipality chart has last year's bars as soon
    // as the first meeting is registered.
    let mut new = new;
    let network = new
        .attendance
        .groups
        .iter_mut()
        .find(|g| g.kind == GroupKind::Natverk && g.members.is_empty())
        .expect("a network of all 13");
    network.meetings.push(Meeting {
        date: "2021-02-02".into(),
        present: Municipality::ALL.to_vec(),
        ..Meeting::default()
    });
    let c = chart(&new, ChartKind::MunicipalityAttendance);
    assert_eq!(c.categories.len(), 13);
    for cat in &c.categories {
        assert_eq!(cat.bars[0].value, Some(Decimal::from(100)), "{}", cat.label);
        assert!(
            cat.bars[1].value.is_some(),
            "last year's bar for {}",
            cat.label
        );
    }
    let mullsjo = c
        .categories
        .iter()
        .find(|cat| cat.label == "Mullsjö")
        .expect("Mullsjö");
    assert_eq!(mullsjo.bars[1].value, Some(Decimal::from(69)));
}

#[test]
fn the_new_workspace_saves_loads_and_checks() {
    for name in [DELARSRAPPORT_2020, HELAR_2019, TERTIAL_2022] {
        let new = rollover(&sample(name), next());
        let text = tertial::storage::to_ron_string(&new).expect("save");
        let back =
            tertial::storage::from_ron_str(&text, std::path::Path::new("ny.ron")).expect("load");
        assert_eq!(back, new, "{name}");
        // Nothing computed from it panics, whatever is empty now.
        let _ = check::check(&new);
        for kind in ChartKind::ALL {
            let _ = chart(&new, kind);
        }
    }
}
