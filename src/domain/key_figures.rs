//! The key derived figures of `tertial figures`: stable ASCII-ish keys
//! (`tabell1.summa.kvarvarande`, `narvaro.nar_malvardet`) with their values
//! in Swedish format, in report order. Computing them is the domain's work
//! (`figures`); this module only picks and names them. Escaping a key or
//! value for one output line is the command line's.

use rust_decimal::Decimal;

use super::figures;
use super::numbers::{
    format_amount, format_change, format_fte, format_kronor, format_percent, round_half_up,
};
use super::{GroupKind, Municipality, Workspace};

/// An optional figure formatted, or empty (and so left out).
fn opt(v: Option<Decimal>, f: fn(Decimal) -> String) -> String {
    v.map(f).unwrap_or_default()
}

/// A percentage rounded half up to whole percent.
fn pct_rounded(v: Option<Decimal>) -> String {
    opt(v.map(|x| round_half_up(x, 0)), format_percent)
}

/// The key derived figures, as `(key, Swedish value)` pairs in report order.
pub fn key_figures(ws: &Workspace) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    put(&mut out, "period", ws.report.period.label());

    let s = figures::staff(&ws.staff);
    put(
        &mut out,
        "medarbetare.summa",
        opt(s.current_total, format_fte),
    );
    put(
        &mut out,
        "medarbetare.forandring",
        opt(s.change_from_previous, format_fte),
    );
    put(
        &mut out,
        "medarbetare.kommunfinansierade",
        opt(ws.staff.financing.municipal_fte, format_fte),
    );
    put(
        &mut out,
        "medarbetare.externt_finansierade",
        opt(ws.staff.financing.external_fte, format_fte),
    );
    put(
        &mut out,
        "medarbetare.per_verksamhet",
        opt(s.by_activity_total, format_fte),
    );

    for (gi, goal) in ws.goals.iter().enumerate() {
        for (si, section) in goal.sections.iter().enumerate() {
            let number = figures::section_number(ws, gi, si);
            for (mi, m) in section.measures.iter().enumerate() {
                let key = format!("matetal.{number}.{}", mi + 1);
                if let Some(st) = figures::measure_status(m).shown {
                    put(
                        &mut out,
                        &format!("{key}.status"),
                        format!("{} {}", st.symbol(), st.name()),
                    );
                }
                if let Some(t) = figures::measure_trend(m).shown {
                    put(&mut out, &format!("{key}.trend"), t.symbol().to_string());
                }
            }
        }
    }

    let e = &ws.economy;
    if let Some(t) = &e.budget {
        let f = figures::budget(t);
        let names = [
            "ingaende",
            "erhallna",
            "disponibla",
            "budget",
            "utfall",
            "kvarvarande",
            "fonderade",
            "prognos",
        ];
        put_each(&mut out, "tabell1.summa", &names, &f.sum, format_amount);
        put(
            &mut out,
            "tabell1.ackumulerat",
            opt(f.accumulated_prognos, format_amount),
        );
    }
    if let Some(t) = &e.funds {
        let f = figures::funds(t);
        let names = [
            "ingaende_fore",
            "ingaende_nu",
            "kommunerna",
            "staten",
            "ovriga",
            "fonderade",
        ];
        put_each(&mut out, "tabell2.summa", &names, &f.sum, format_amount);
        put_each(
            &mut out,
            "tabell2.andel",
            &["kommunerna", "staten", "ovriga"],
            &f.sum_share_financiers,
            format_percent,
        );
    }
    if let Some(t) = &e.financing {
        let f = figures::financing(t);
        put_each(
            &mut out,
            "finansiering.summa",
            &["utfall", "kommunerna", "staten", "ovriga"],
            &f.sum,
            format_amount,
        );
        put_each(
            &mut out,
            "finansiering.andel",
            &["kommunerna", "staten", "ovriga"],
            &f.sum_share_financiers,
            format_percent,
        );
    }
    let a = figures::applications(&e.applications);
    if !e.applications.items.is_empty() || e.applications.entered_totals.is_some() {
        put(
            &mut out,
            "ansokningar.inskickade",
            opt(a.current.sent, format_amount),
        );
        put(
            &mut out,
            "ansokningar.beviljade",
            opt(a.current.granted, format_amount),
        );
        put(
            &mut out,
            "ansokningar.andel_beviljade",
            opt(a.current.granted_share, format_percent),
        );
        put(
            &mut out,
            "ansokningar.sokta_kronor",
            opt(a.current.sought_kronor, format_kronor),
        );
        put(
            &mut out,
            "ansokningar.beviljade_kronor",
            opt(a.current.granted_kronor, format_kronor),
        );
        put(
            &mut out,
            "ansokningar.andel_kronor",
            opt(a.current.kronor_share, format_percent),
        );
        if a.funders > 0 {
            put(&mut out, "ansokningar.finansiarer", a.funders.to_string());
        }
    }
    if let Some(t) = &e.cost_reduction {
        let f = figures::cost_reduction(t);
        put(
            &mut out,
            "kostnadsreducering.total",
            opt(f.total.shown, format_kronor),
        );
        put(
            &mut out,
            "kostnadsreducering.procent",
            opt(f.total_percent.shown, format_percent),
        );
    }
    if let Some(t) = &e.plan_budget {
        let f = figures::plan_budget(t);
        put_each(
            &mut out,
            "plan.summa",
            &["ingaende", "forvantade", "disponibla", "budget"],
            &f.sum,
            format_amount,
        );
    }

    let at = &ws.attendance;
    if !at.groups.is_empty() {
        let f = figures::attendance(at);
        put(&mut out, "narvaro.natverk", f.networks.to_string());
        put(
            &mut out,
            "narvaro.nar_malvardet",
            format!("{} av {}", f.networks_reaching_target, f.networks),
        );
        put(
            &mut out,
            "narvaro.samtliga_natverk",
            pct_rounded(f.all_networks),
        );
        if let Some((lo, hi)) = f.network_range {
            put(
                &mut out,
                "narvaro.spann",
                format!("{}–{}", format_amount(lo), format_percent(hi)),
            );
        }
        put(&mut out, "narvaro.traffar", f.network_meetings.to_string());
        put(&mut out, "narvaro.pks", pct_rounded(f.pks));
        put(
            &mut out,
            "narvaro.kommundirektorer",
            pct_rounded(f.directors),
        );
        for (name, share) in ["fysiskt", "digitalt", "kombination"]
            .iter()
            .zip(f.form_shares)
        {
            put(
                &mut out,
                &format!("narvaro.form.{name}"),
                opt(share, format_percent),
            );
        }
        if let Some((lo, hi)) = f.municipality_range {
            put(
                &mut out,
                "narvaro.kommuner.spann",
                format!("{}–{}", format_amount(lo), format_percent(hi)),
            );
        }
        put(
            &mut out,
            "narvaro.kommuner.okat",
            f.municipalities_up.to_string(),
        );
        for (m, v) in &f.municipalities {
            put(
                &mut out,
                &format!("narvaro.kommun.{}", ascii_key(*m)),
                pct_rounded(*v),
            );
        }
        for (g, gf) in at.groups.iter().zip(&f.groups) {
            if g.kind == GroupKind::RegionSamverkan {
                put(
                    &mut out,
                    &format!("narvaro.region.{}", slug(&g.name)),
                    pct_rounded(gf.average),
                );
            }
        }
    }

    let c = figures::courses(&ws.courses);
    if let Some(last) = ws.courses.periods.last() {
        let i = ws.courses.periods.len() - 1;
        put(&mut out, "kurser.antal", opt(last.courses, format_amount));
        put(
            &mut out,
            "kurser.forandring",
            opt(c.courses_change[i].shown, format_change),
        );
        put(
            &mut out,
            "deltagare.antal",
            opt(last.participants, format_amount),
        );
        put(
            &mut out,
            "deltagare.forandring",
            opt(c.participants_change[i].shown, format_change),
        );
    }
    if !ws.courses.by_participant.is_empty() {
        put(
            &mut out,
            "bilaga2.summa",
            opt(c.participants_total, format_amount),
        );
        for (p, share) in ws.courses.by_participant.iter().zip(&c.participant_shares) {
            put(
                &mut out,
                &format!("bilaga2.{}", slug(p.who.name())),
                opt(share.shown, format_percent),
            );
        }
    }
    put(
        &mut out,
        "kurser.per_omrade.summa",
        opt(c.by_area_total, format_amount),
    );
    for (year, n) in ws.survey.years.iter().zip(&ws.survey.respondents) {
        put(
            &mut out,
            &format!("enkat.svar.{year}"),
            opt(*n, format_amount),
        );
    }
    out
}

/// One key figure, left out when it has no value.
fn put(out: &mut Vec<(String, String)>, key: &str, value: String) {
    if !value.is_empty() {
        out.push((key.to_string(), value));
    }
}

/// `prefix.name` for each column name and its figure.
fn put_each(
    out: &mut Vec<(String, String)>,
    prefix: &str,
    names: &[&str],
    figures: &[figures::Figure],
    format: fn(Decimal) -> String,
) {
    for (name, fig) in names.iter().zip(figures) {
        put(out, &format!("{prefix}.{name}"), opt(fig.shown, format));
    }
}

/// A key part from a name: lower case, words joined by `_`.
fn slug(name: &str) -> String {
    name.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

/// A municipality as a key part: its ASCII name in lower case (`jonkoping`).
fn ascii_key(m: Municipality) -> String {
    format!("{m:?}").to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{AttendanceGroup, Meeting, MeetingForm};

    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or_else(|_| panic!("bad test decimal {s}"))
    }

    fn value<'a>(figures: &'a [(String, String)], key: &str) -> Option<&'a str> {
        figures
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    #[test]
    fn keys_from_names_are_lower_case_words_joined_by_underscores() {
        assert_eq!(
            slug("Region Jönköpings län – samverkan"),
            "region_jönköpings_län_samverkan"
        );
        assert_eq!(slug("  PKS  "), "pks");
        assert_eq!(ascii_key(Municipality::Jonkoping), "jonkoping");
        assert_eq!(ascii_key(Municipality::Varnamo), "varnamo");
    }

    #[test]
    fn an_empty_workspace_has_its_period_and_no_empty_values() {
        let ws = Workspace::default();
        let f = key_figures(&ws);
        assert_eq!(f[0].0, "period");
        assert_eq!(f[0].1, ws.report.period.label());
        assert!(f.iter().all(|(_, v)| !v.is_empty()), "{f:?}");
        // No attendance groups: no attendance figures at all.
        assert!(f.iter().all(|(k, _)| !k.starts_with("narvaro.")), "{f:?}");
    }

    #[test]
    fn attendance_and_survey_figures_are_named_and_formatted_in_swedish() {
        let mut ws = Workspace::default();
        ws.attendance.groups.push(AttendanceGroup {
            name: "Nätverk A".into(),
            kind: GroupKind::Natverk,
            members: vec![Municipality::Aneby, Municipality::Eksjo],
            meetings: vec![Meeting {
                date: "2020-02-03".into(),
                form: MeetingForm::Digitalt,
                present: vec![Municipality::Aneby],
                ..Meeting::default()
            }],
            ..AttendanceGroup::default()
        });
        ws.survey.years = vec!["2019".into(), "2020".into()];
        ws.survey.respondents = vec![Some(d("1234")), None];
        let f = key_figures(&ws);
        assert_eq!(value(&f, "narvaro.natverk"), Some("1"));
        assert_eq!(value(&f, "narvaro.samtliga_natverk"), Some("50\u{a0}%"));
        assert_eq!(value(&f, "narvaro.traffar"), Some("1"));
        assert_eq!(value(&f, "narvaro.form.digitalt"), Some("100\u{a0}%"));
        assert_eq!(value(&f, "narvaro.kommun.aneby"), Some("100\u{a0}%"));
        assert_eq!(value(&f, "enkat.svar.2019"), Some("1\u{a0}234"));
        // A year without respondents is left out, not printed empty.
        assert_eq!(value(&f, "enkat.svar.2020"), None);
    }
}
