//! What each chart shows, taken from the workspace and its derived figures:
//! titles, categories, series, values (as `Decimal`) and the target. No
//! pixels here; `draw` turns a [`BarChart`] into a picture, so what a chart
//! says can be tested without decoding images.

use rust_decimal::Decimal;

use crate::domain::figures;
use crate::domain::model::{GroupKind, Workspace};
use crate::domain::numbers::{format_amount, format_fte, format_percent, round_half_up};
use crate::domain::period::with_en_dash;

/// The charts tertial draws. The order is the order of the Diagram list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ChartKind {
    NetworkAttendance,
    MunicipalityAttendance,
    PksAttendance,
    Staff,
    Financing,
    CourseParticipants,
    Survey,
}

impl ChartKind {
    pub const ALL: [ChartKind; 7] = [
        ChartKind::NetworkAttendance,
        ChartKind::MunicipalityAttendance,
        ChartKind::PksAttendance,
        ChartKind::Staff,
        ChartKind::Financing,
        ChartKind::CourseParticipants,
        ChartKind::Survey,
    ];

    /// The chart's title as the slides print it.
    pub fn title(self) -> &'static str {
        match self {
            ChartKind::NetworkAttendance => "Genomsnittsnärvaro per nätverk",
            ChartKind::MunicipalityAttendance => "Genomsnittsnärvaro per kommun",
            ChartKind::PksAttendance => "PKS närvaro",
            ChartKind::Staff => "Medarbetare (årsarbetare)",
            ChartKind::Financing => "Finansiering per verksamhetsområde",
            ChartKind::CourseParticipants => "Kursdeltagare per kommun",
            ChartKind::Survey => "Andel mycket nöjda per fråga",
        }
    }

    /// The start of the chart's file names: `narvaro-per-natverk`.
    pub fn slug(self) -> &'static str {
        match self {
            ChartKind::NetworkAttendance => "narvaro-per-natverk",
            ChartKind::MunicipalityAttendance => "narvaro-per-kommun",
            ChartKind::PksAttendance => "pks-narvaro",
            ChartKind::Staff => "medarbetare",
            ChartKind::Financing => "finansiering-per-verksamhetsomrade",
            ChartKind::CourseParticipants => "kursdeltagare-per-kommun",
            ChartKind::Survey => "enkat-mycket-nojda",
        }
    }

    pub fn from_slug(slug: &str) -> Option<ChartKind> {
        ChartKind::ALL.into_iter().find(|k| k.slug() == slug)
    }
}

/// Which way the bars run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    /// Categories down the left, bars to the right (long names fit).
    Horizontal,
    /// Categories along the bottom (periods), bars upwards.
    Vertical,
}

/// How the series of one category are placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Side by side.
    Grouped,
    /// On top of each other; the total is labelled.
    Stacked,
}

/// How values are written on the chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Whole percent, axis 0–100 %.
    Percent,
    /// Årsarbetare with two decimals.
    Fte,
    /// Whole numbers.
    Count,
}

impl Unit {
    pub fn format(self, value: Decimal) -> String {
        match self {
            Unit::Percent => format_percent(value),
            Unit::Fte => format_fte(value),
            Unit::Count => format_amount(value),
        }
    }
}

/// How one bar is filled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BarStyle {
    /// The colour of series `i`.
    Series(usize),
    /// Reaches its target: dark, solid.
    Reaches,
    /// Under its target: light and hatched.
    Below,
}

/// One entry of the legend.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    pub style: BarStyle,
    pub text: String,
}

/// One value of one category.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// `None`: no figure (no bar, no label).
    pub value: Option<Decimal>,
    pub style: BarStyle,
}

/// A category: a network, municipality, period, area or question.
#[derive(Debug, Clone, PartialEq)]
pub struct Category {
    /// The full name; the picture may wrap it, never cut it unless it
    /// cannot fit, and the SVG keeps it whole.
    pub label: String,
    /// One bar per series.
    pub bars: Vec<Bar>,
    /// Label of a stacked bar's total.
    pub total: Option<Decimal>,
}

/// A target line across the bars.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub value: Decimal,
    pub label: String,
}

/// Everything one chart shows.
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    pub kind: ChartKind,
    pub title: String,
    pub subtitle: String,
    pub orientation: Orientation,
    pub layout: Layout,
    pub unit: Unit,
    pub categories: Vec<Category>,
    pub legend: Vec<LegendEntry>,
    pub target: Option<Target>,
    /// Said in the picture when there is nothing to draw.
    pub empty_message: String,
}

impl BarChart {
    /// Whether any bar has a value.
    pub fn has_data(&self) -> bool {
        self.categories
            .iter()
            .any(|c| c.bars.iter().any(|b| b.value.is_some()))
    }

    /// Number of drawn bars (values present).
    pub fn bar_count(&self) -> usize {
        self.categories
            .iter()
            .map(|c| c.bars.iter().filter(|b| b.value.is_some()).count())
            .sum()
    }

    /// The largest value a bar reaches (stacked: the largest total).
    pub fn max_value(&self) -> Decimal {
        let per_category = self.categories.iter().map(|c| match self.layout {
            Layout::Grouped => c
                .bars
                .iter()
                .filter_map(|b| b.value)
                .fold(Decimal::ZERO, Decimal::max),
            Layout::Stacked => c
                .bars
                .iter()
                .filter_map(|b| b.value)
                .filter(|v| v.is_sign_positive())
                .fold(Decimal::ZERO, |a, v| a.saturating_add(v)),
        });
        per_category.fold(Decimal::ZERO, Decimal::max)
    }
}

/// The text with its first letter in upper case: "tertial 1–2 2020" →
/// "Tertial 1–2 2020".
pub fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A period as typed, as a chart label: capitalised, with the report's en
/// dash ("tertial 1-2 2019" → "Tertial 1–2 2019").
pub fn period_label(s: &str) -> String {
    capitalised(&with_en_dash(s))
}

fn whole(v: Decimal) -> Decimal {
    round_half_up(v, 0)
}

fn target_line(value: Decimal) -> Target {
    Target {
        value,
        label: format!("Målvärde {}", format_percent(value)),
    }
}

fn target_legend(target: Decimal) -> Vec<LegendEntry> {
    vec![
        LegendEntry {
            style: BarStyle::Reaches,
            text: format!("Når målvärdet ({} eller mer)", format_percent(target)),
        },
        LegendEntry {
            style: BarStyle::Below,
            text: "Under målvärdet".to_string(),
        },
    ]
}

fn target_style(value: Decimal, target: Decimal) -> BarStyle {
    if value >= target {
        BarStyle::Reaches
    } else {
        BarStyle::Below
    }
}

/// The chart `kind` of the workspace.
pub fn chart(ws: &Workspace, kind: ChartKind) -> BarChart {
    let period = capitalised(&ws.report.period.label());
    let base = BarChart {
        kind,
        title: kind.title().to_string(),
        subtitle: period.clone(),
        orientation: Orientation::Horizontal,
        layout: Layout::Grouped,
        unit: Unit::Percent,
        categories: Vec::new(),
        legend: Vec::new(),
        target: None,
        empty_message: String::new(),
    };
    let mut c = match kind {
        ChartKind::NetworkAttendance => network_attendance(ws, base),
        ChartKind::MunicipalityAttendance => municipality_attendance(ws, base, &period),
        ChartKind::PksAttendance => pks_attendance(ws, base),
        ChartKind::Staff => staff(ws, base),
        ChartKind::Financing => financing(ws, base),
        ChartKind::CourseParticipants => course_participants(ws, base),
        ChartKind::Survey => survey(ws, base),
    };
    // Figures from illustrative registrations are marked on the picture
    // itself, which may travel alone to a slide (the documents' note
    // explains the mark too).
    let from_registrations = matches!(
        kind,
        ChartKind::NetworkAttendance | ChartKind::MunicipalityAttendance | ChartKind::PksAttendance
    );
    if from_registrations && ws.attendance.illustrative {
        c.title = format!("{} *", c.title);
        c.subtitle = format!("{} · * från illustrativa registreringar", c.subtitle);
    }
    // The legend explains only what is drawn.
    let drawn: Vec<BarStyle> = c
        .categories
        .iter()
        .flat_map(|k| &k.bars)
        .filter(|b| b.value.is_some())
        .map(|b| b.style)
        .collect();
    c.legend.retain(|e| drawn.contains(&e.style));
    c
}

fn network_attendance(ws: &Workspace, mut c: BarChart) -> BarChart {
    let a = &ws.attendance;
    let mut rows: Vec<(String, Decimal, Decimal)> = a
        .groups
        .iter()
        .filter(|g| g.kind.is_network())
        .filter_map(|g| {
            let f = figures::group(g, a.target);
            f.average
                .map(|avg| (g.name.clone(), whole(avg), g.target.unwrap_or(a.target)))
        })
        .collect();
    rows.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
    let reaching = rows.iter().filter(|(_, v, t)| v >= t).count();
    if !rows.is_empty() {
        c.subtitle = format!(
            "{}: {} av {} når målvärdet",
            c.subtitle,
            reaching,
            rows.len()
        );
    }
    c.categories = rows
        .into_iter()
        .map(|(label, value, target)| Category {
            label,
            bars: vec![Bar {
                value: Some(value),
                style: target_style(value, target),
            }],
            total: None,
        })
        .collect();
    c.legend = target_legend(a.target);
    c.target = Some(target_line(a.target));
    c.empty_message = "Inga nätverk med registrerad närvaro under perioden.".to_string();
    c
}

fn municipality_attendance(ws: &Workspace, mut c: BarChart, period: &str) -> BarChart {
    let a = &ws.attendance;
    let now = figures::municipality_averages(a);
    c.categories = now
        .into_iter()
        .filter_map(|(m, avg)| {
            let before = a.municipality_earlier.get(&m).copied();
            if avg.is_none() && before.is_none() {
                return None;
            }
            Some(Category {
                label: m.name().to_string(),
                bars: vec![
                    Bar {
                        value: avg.map(whole),
                        style: BarStyle::Series(0),
                    },
                    Bar {
                        value: before.map(whole),
                        style: BarStyle::Series(2),
                    },
                ],
                total: None,
            })
        })
        .collect();
    // Without this period's figures the chart has nothing to say.
    if !c.categories.iter().any(|k| k.bars[0].value.is_some()) {
        c.categories.clear();
    }
    c.legend = vec![
        LegendEntry {
            style: BarStyle::Series(0),
            text: period.to_string(),
        },
        LegendEntry {
            style: BarStyle::Series(2),
            text: "Samma period föregående år".to_string(),
        },
    ];
    c.target = Some(target_line(a.target));
    c.empty_message = "Ingen närvaro registrerad per kommun under perioden.".to_string();
    c
}

fn pks_attendance(ws: &Workspace, mut c: BarChart) -> BarChart {
    let a = &ws.attendance;
    let pks = a.groups.iter().find(|g| g.kind == GroupKind::Pks);
    let target = pks.and_then(|g| g.target).unwrap_or(a.target);
    let mut cats: Vec<Category> = a
        .earlier
        .iter()
        .filter_map(|h| h.pks.map(|v| (period_label(&h.period), whole(v))))
        .map(|(label, v)| Category {
            label,
            bars: vec![Bar {
                value: Some(v),
                style: target_style(v, target),
            }],
            total: None,
        })
        .collect();
    if let Some(v) = pks.and_then(|g| figures::group(g, a.target).average) {
        let v = whole(v);
        cats.push(Category {
            label: c.subtitle.clone(),
            bars: vec![Bar {
                value: Some(v),
                style: target_style(v, target),
            }],
            total: None,
        });
    }
    c.subtitle = match cats.len() {
        0 => c.subtitle,
        1 => cats[0].label.clone(),
        n => format!("{} till {}", cats[0].label, cats[n - 1].label),
    };
    c.orientation = Orientation::Vertical;
    c.categories = cats;
    c.legend = target_legend(target);
    c.target = Some(target_line(target));
    c.empty_message = "Ingen PKS-närvaro i arbetsytan.".to_string();
    c
}

fn staff(ws: &Workspace, mut c: BarChart) -> BarChart {
    let s = &ws.staff;
    let f = figures::staff(s);
    c.categories = s
        .rows
        .iter()
        .zip(&f.sums)
        .map(|(r, sum)| Category {
            label: period_label(&r.period),
            bars: vec![
                Bar {
                    value: r.tjanstekop,
                    style: BarStyle::Series(1),
                },
                Bar {
                    value: r.tillsvidare,
                    style: BarStyle::Series(0),
                },
                Bar {
                    value: r.visstid,
                    style: BarStyle::Series(2),
                },
            ],
            total: sum.shown,
        })
        .collect();
    if let Some(total) = f.current_total {
        c.subtitle = format!("{}: {} årsarbetare", c.subtitle, format_fte(total));
    }
    c.orientation = Orientation::Vertical;
    c.layout = Layout::Stacked;
    c.unit = Unit::Fte;
    c.legend = vec![
        LegendEntry {
            style: BarStyle::Series(1),
            text: "Tjänsteköp".to_string(),
        },
        LegendEntry {
            style: BarStyle::Series(0),
            text: "Tillsvidare".to_string(),
        },
        LegendEntry {
            style: BarStyle::Series(2),
            text: "Visstid".to_string(),
        },
    ];
    c.empty_message = "Ingen medarbetartabell i arbetsytan.".to_string();
    c
}

fn financing(ws: &Workspace, mut c: BarChart) -> BarChart {
    c.layout = Layout::Stacked;
    c.legend = ["Kommunerna", "Staten", "Övriga"]
        .iter()
        .enumerate()
        .map(|(i, name)| LegendEntry {
            style: BarStyle::Series(i),
            text: (*name).to_string(),
        })
        .collect();
    c.empty_message = "Ingen finansieringstabell i arbetsytan.".to_string();
    let Some(t) = &ws.economy.financing else {
        return c;
    };
    let f = figures::financing(t);
    if !t.heading.trim().is_empty() {
        c.subtitle = format!("{}, andel per finansiär", t.heading.trim());
    } else {
        c.subtitle = format!("{}, andel per finansiär", c.subtitle);
    }
    c.categories = t
        .rows
        .iter()
        .zip(&f.rows)
        .filter(|(_, rf)| rf.utfall.shown.is_some_and(|u| !u.is_zero()))
        .map(|(r, rf)| Category {
            label: r.area.clone(),
            bars: (0..3)
                .map(|i| Bar {
                    value: rf.share_financiers[i].shown,
                    style: BarStyle::Series(i),
                })
                .collect(),
            total: None,
        })
        .collect();
    c
}

fn course_participants(ws: &Workspace, mut c: BarChart) -> BarChart {
    let courses = &ws.courses;
    let f = figures::courses(courses);
    let mut cats: Vec<Category> = courses
        .by_participant
        .iter()
        .filter_map(|p| {
            p.count.map(|n| Category {
                label: p.who.name().to_string(),
                bars: vec![Bar {
                    value: Some(n),
                    style: BarStyle::Series(0),
                }],
                total: None,
            })
        })
        .collect();
    cats.sort_by(|x, y| {
        y.bars[0]
            .value
            .cmp(&x.bars[0].value)
            .then_with(|| x.label.cmp(&y.label))
    });
    let period = if courses.participants_period.trim().is_empty() {
        c.subtitle.clone()
    } else {
        period_label(courses.participants_period.trim())
    };
    c.subtitle = match f.participants_total {
        Some(total) => format!("{period}: {} deltagare", format_amount(total)),
        None => period,
    };
    c.categories = cats;
    c.unit = Unit::Count;
    c.empty_message = "Inga kursdeltagare per kommun i arbetsytan.".to_string();
    c
}

/// A question without the "Andelen mycket nöjda med" every question starts
/// with (the title says it) and without its full stop.
fn question_label(text: &str) -> String {
    let t = text.trim();
    let prefix = "andelen mycket nöjda med ";
    let rest = match t.get(..prefix.len()) {
        Some(head) if head.to_lowercase() == prefix => &t[prefix.len()..],
        _ => t,
    };
    capitalised(rest.trim_end_matches('.'))
}

/// Survey years a chart shows: the latest three, each with a colour of its
/// own (the reports compare three years; more bars per question would be
/// too thin to read and would need colours that cannot be told apart).
const SURVEY_YEARS: usize = 3;

fn survey(ws: &Workspace, mut c: BarChart) -> BarChart {
    let s = &ws.survey;
    let first = s.years.len().saturating_sub(SURVEY_YEARS);
    let years: Vec<&String> = s.years.iter().skip(first).collect();
    // Oldest year lightest, the latest darkest.
    let styles: Vec<BarStyle> = (0..years.len())
        .map(|i| match years.len() - 1 - i {
            0 => BarStyle::Series(0),
            1 => BarStyle::Series(2),
            2 => BarStyle::Series(1),
            _ => BarStyle::Series(3),
        })
        .collect();
    c.categories = s
        .questions
        .iter()
        .map(|q| Category {
            label: question_label(&q.text),
            bars: (0..years.len())
                .map(|i| Bar {
                    value: q.total.get(first + i).copied().flatten().map(whole),
                    style: styles[i],
                })
                .collect(),
            total: None,
        })
        .collect();
    c.legend = years
        .iter()
        .zip(&styles)
        .map(|(y, st)| LegendEntry {
            style: *st,
            text: with_en_dash(y),
        })
        .collect();
    c.subtitle = match (years.first(), years.last()) {
        (Some(a), Some(b)) if a != b => format!("Enkät {a}–{b}"),
        (Some(a), _) => format!("Enkät {a}"),
        _ => c.subtitle,
    };
    c.target = s.target.map(target_line);
    c.empty_message = "Ingen enkät i arbetsytan.".to_string();
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{AttendanceGroup, Meeting};
    use crate::domain::municipality::Municipality;

    fn meeting(present: &[Municipality]) -> Meeting {
        Meeting {
            date: "2020-02-01".into(),
            present: present.to_vec(),
            ..Meeting::default()
        }
    }

    fn network(name: &str, present: &[&[Municipality]]) -> AttendanceGroup {
        AttendanceGroup {
            name: name.into(),
            members: vec![Municipality::Aneby, Municipality::Eksjo],
            meetings: present.iter().map(|p| meeting(p)).collect(),
            ..AttendanceGroup::default()
        }
    }

    #[test]
    fn networks_are_sorted_and_told_apart_by_target() {
        use Municipality::*;
        let mut ws = Workspace::default();
        ws.attendance.groups = vec![
            network("Låg", &[&[Aneby]]),
            network("Full", &[&[Aneby, Eksjo]]),
            network("Tom", &[]),
            AttendanceGroup {
                name: "PKS".into(),
                kind: GroupKind::Pks,
                meetings: vec![meeting(&[Aneby])],
                ..AttendanceGroup::default()
            },
        ];
        let c = chart(&ws, ChartKind::NetworkAttendance);
        let labels: Vec<&str> = c.categories.iter().map(|k| k.label.as_str()).collect();
        assert_eq!(labels, ["Full", "Låg"]);
        assert_eq!(c.categories[0].bars[0].value, Some(Decimal::from(100)));
        assert_eq!(c.categories[0].bars[0].style, BarStyle::Reaches);
        assert_eq!(c.categories[1].bars[0].value, Some(Decimal::from(50)));
        assert_eq!(c.categories[1].bars[0].style, BarStyle::Below);
        assert!(
            c.subtitle.ends_with("1 av 2 når målvärdet"),
            "{}",
            c.subtitle
        );
        assert_eq!(c.target.as_ref().map(|t| t.value), Some(Decimal::from(80)));
        assert_eq!(c.bar_count(), 2);
    }

    #[test]
    fn an_empty_workspace_has_no_data_in_any_chart() {
        let ws = Workspace::default();
        for kind in ChartKind::ALL {
            let c = chart(&ws, kind);
            assert!(!c.has_data(), "{kind:?}");
            assert!(!c.empty_message.is_empty(), "{kind:?}");
        }
    }

    #[test]
    fn stacked_max_is_the_largest_total() {
        let mut ws = Workspace::default();
        ws.staff.rows = vec![crate::domain::model::StaffRow {
            period: "2020".into(),
            tjanstekop: Some(Decimal::new(150, 2)),
            tillsvidare: Some(Decimal::from(30)),
            visstid: Some(Decimal::from(4)),
            ..Default::default()
        }];
        let c = chart(&ws, ChartKind::Staff);
        assert_eq!(c.max_value(), Decimal::new(3550, 2));
        assert_eq!(c.categories[0].total, Some(Decimal::new(3550, 2)));
        assert_eq!(c.bar_count(), 3);
    }

    #[test]
    fn survey_questions_lose_the_common_start() {
        assert_eq!(
            question_label("Andelen mycket nöjda med Kommunal utvecklings bidrag till X."),
            "Kommunal utvecklings bidrag till X"
        );
        assert_eq!(question_label("Nöjdhet med kurser"), "Nöjdhet med kurser");
        assert_eq!(question_label("Andelen"), "Andelen");
    }

    #[test]
    fn the_survey_chart_shows_the_latest_three_years() {
        let mut ws = Workspace::default();
        ws.survey.years = (2015..=2020).map(|y| y.to_string()).collect();
        ws.survey.questions = vec![crate::domain::model::SurveyQuestion {
            text: "Fråga".into(),
            total: (0..6).map(|i| Some(Decimal::from(50 + i))).collect(),
            pks: Vec::new(),
        }];
        let c = chart(&ws, ChartKind::Survey);
        let shown: Vec<&str> = c.legend.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(shown, ["2018", "2019", "2020"]);
        let values: Vec<Option<Decimal>> = c.categories[0].bars.iter().map(|b| b.value).collect();
        assert_eq!(
            values,
            [
                Some(Decimal::from(53)),
                Some(Decimal::from(54)),
                Some(Decimal::from(55))
            ]
        );
        assert_eq!(c.subtitle, "Enkät 2018–2020");
        let styles: std::collections::BTreeSet<String> =
            c.legend.iter().map(|l| format!("{:?}", l.style)).collect();
        assert_eq!(styles.len(), 3, "three colours that can be told apart");
    }

    #[test]
    fn slugs_are_unique_and_round_trip() {
        for kind in ChartKind::ALL {
            assert_eq!(ChartKind::from_slug(kind.slug()), Some(kind));
        }
        assert_eq!(ChartKind::from_slug("nope"), None);
    }
}
