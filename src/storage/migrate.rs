//! Older workspace formats and how they become the current one.
//!
//! Each format version that changed the file keeps, here, the types that
//! differ from the current model (the rest are the current types), so an
//! old file is read by serde with the same line/column errors as a new
//! one and then converted in plain Rust. Nothing in an old file is dropped:
//! a value the conversion cannot interpret is kept as a data note.

use rust_decimal::Decimal;
use serde::Deserialize;

use crate::domain::numbers;
use crate::domain::*;

/// Format version 1 (tertial 0.1, sessions 1–2). The only difference from
/// version 2: the range of the groups shared with the region in
/// `attendance.earlier` was kept as the printed text (`"64-83 %"`), not as
/// two percentages.
pub(super) mod v1 {
    use std::collections::BTreeMap;

    use super::*;
    use crate::domain::Municipality;

    #[derive(Deserialize)]
    #[serde(rename = "Tertial", deny_unknown_fields)]
    pub struct File {
        pub format_version: u32,
        pub workspace: WorkspaceV1,
    }

    #[derive(Deserialize, Default)]
    #[serde(deny_unknown_fields, default)]
    pub struct WorkspaceV1 {
        pub report: ReportFacts,
        pub focus: FocusAreas,
        pub goals: Vec<StrategicGoal>,
        pub staff: Staff,
        pub economy: Economy,
        pub attendance: AttendanceV1,
        pub courses: Courses,
        pub survey: Survey,
        pub research: Research,
        pub texts: Vec<FreeText>,
        pub data_notes: Vec<String>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields, default)]
    pub struct AttendanceV1 {
        pub target: Decimal,
        pub groups: Vec<AttendanceGroup>,
        pub municipality_earlier: BTreeMap<Municipality, Decimal>,
        pub earlier: Vec<AttendanceHistoryV1>,
        pub women_share: Option<Decimal>,
    }

    impl Default for AttendanceV1 {
        fn default() -> Self {
            let current = Attendance::default();
            AttendanceV1 {
                target: current.target,
                groups: current.groups,
                municipality_earlier: current.municipality_earlier,
                earlier: Vec::new(),
                women_share: current.women_share,
            }
        }
    }

    #[derive(Deserialize, Default)]
    #[serde(deny_unknown_fields, default)]
    pub struct AttendanceHistoryV1 {
        pub period: String,
        pub all_networks: Option<Decimal>,
        pub pks: Option<Decimal>,
        pub directors: Option<Decimal>,
        /// "64-83 %" as printed.
        pub region_groups: String,
    }

    impl WorkspaceV1 {
        /// The same workspace in the current model.
        pub fn migrate(self) -> Workspace {
            let mut notes = self.data_notes;
            let earlier = self
                .attendance
                .earlier
                .into_iter()
                .map(|h| {
                    let (low, high) = match parse_percent_range(&h.region_groups) {
                        Some(range) => range,
                        None => {
                            notes.push(format!(
                                "Närvaro, {}: träffar med regionen \"{}\" kunde inte \
                                 tolkas som procent när filen uppgraderades från \
                                 format version 1; skriv in värdena igen.",
                                h.period,
                                h.region_groups.trim()
                            ));
                            (None, None)
                        }
                    };
                    AttendanceHistory {
                        period: h.period,
                        all_networks: h.all_networks,
                        pks: h.pks,
                        directors: h.directors,
                        region_groups_low: low,
                        region_groups_high: high,
                    }
                })
                .collect();
            Workspace {
                report: self.report,
                focus: self.focus,
                goals: self.goals,
                staff: self.staff,
                economy: self.economy,
                attendance: Attendance {
                    target: self.attendance.target,
                    groups: self.attendance.groups,
                    municipality_earlier: self.attendance.municipality_earlier,
                    earlier,
                    women_share: self.attendance.women_share,
                    illustrative: false,
                },
                courses: self.courses,
                survey: self.survey,
                research: self.research,
                texts: self.texts,
                data_notes: notes,
            }
        }
    }
}

/// A printed percent range: `"64-83 %"`, `"64–83%"`, `"64 - 83 procent"`,
/// one value `"70 %"`, or nothing (`""`). `None` if the text is none of
/// these.
pub(super) fn parse_percent_range(text: &str) -> Option<(Option<Decimal>, Option<Decimal>)> {
    let text = text.trim();
    if text.is_empty() {
        return Some((None, None));
    }
    let body = text
        .strip_suffix("procent")
        .or_else(|| text.strip_suffix('%'))
        .unwrap_or(text)
        .trim();
    let value = |s: &str| numbers::parse_value(s.trim()).ok();
    // A minus sign before the first digit is a sign, not a range.
    let split = body
        .char_indices()
        .skip(1)
        .find(|&(_, c)| matches!(c, '-' | '–' | '—'));
    match split {
        Some((at, dash)) => {
            let low = value(&body[..at])?;
            let high = value(&body[at + dash.len_utf8()..])?;
            Some((Some(low.min(high)), Some(low.max(high))))
        }
        None => {
            let v = value(body)?;
            Some((Some(v), Some(v)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<Decimal> {
        Some(s.parse().expect("decimal"))
    }

    #[test]
    fn printed_ranges_become_two_percentages() {
        for text in [
            "64-83 %",
            "64–83 %",
            " 64 - 83% ",
            "64—83 procent",
            "83-64 %",
        ] {
            assert_eq!(
                parse_percent_range(text),
                Some((d("64"), d("83"))),
                "{text}"
            );
        }
        assert_eq!(parse_percent_range("70 %"), Some((d("70"), d("70"))));
        assert_eq!(parse_percent_range("66,5–74 %"), Some((d("66.5"), d("74"))));
        assert_eq!(parse_percent_range(""), Some((None, None)));
        assert_eq!(parse_percent_range("  "), Some((None, None)));
    }

    #[test]
    fn other_text_is_not_a_range() {
        for text in ["ca 70", "64-", "-", "64-83-90 %", "se bilaga"] {
            assert_eq!(parse_percent_range(text), None, "{text}");
        }
    }

    #[test]
    fn text_that_is_not_a_range_is_kept_as_a_note() {
        let ws = v1::WorkspaceV1 {
            attendance: v1::AttendanceV1 {
                earlier: vec![
                    v1::AttendanceHistoryV1 {
                        period: "Tertial 1-2 2018".into(),
                        region_groups: "64-83 %".into(),
                        ..Default::default()
                    },
                    v1::AttendanceHistoryV1 {
                        period: "Tertial 1-2 2019".into(),
                        region_groups: "se bilaga".into(),
                        ..Default::default()
                    },
                ],
                ..Default::default()
            },
            ..Default::default()
        }
        .migrate();
        let h = &ws.attendance.earlier;
        assert_eq!(
            h[0].region_groups_range(),
            Some((Decimal::from(64), Decimal::from(83)))
        );
        assert_eq!(
            (h[1].region_groups_low, h[1].region_groups_high),
            (None, None)
        );
        assert_eq!(ws.data_notes.len(), 1);
        assert!(
            ws.data_notes[0].contains("Tertial 1-2 2019"),
            "{:?}",
            ws.data_notes
        );
        assert!(
            ws.data_notes[0].contains("se bilaga"),
            "{:?}",
            ws.data_notes
        );
    }
}
