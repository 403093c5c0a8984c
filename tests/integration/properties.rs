//! Properties over generated data (proptest, shrinking to a minimal case):
//! load → save → load gives the same workspace, the saved text is stable,
//! and Swedish numbers read back as what was printed.
//!
//! The generated workspaces cover every kind of value the file holds:
//! texts with quotes, backslashes, newlines, control characters and
//! non-Latin letters; decimals of every scale (0–28) and sign; empty and
//! filled optional values; every enum (report kind, period, value kind,
//! direction, status and trend overrides, activity state, group kind,
//! meeting form, municipality, budget column); lists, maps and optional
//! tables. The economy's other tables, courses and survey are made of the
//! same kinds of fields and are covered by the sample round trips.

use std::path::Path;

use proptest::collection::{btree_map, vec};
use proptest::prelude::*;
use rust_decimal::Decimal;
use tertial::domain::numbers::{self, format_decimal, parse_value};
use tertial::domain::*;
use tertial::storage;

// ------------------------------------------------------------ leaves

/// Any text, with the characters most likely to break a file format
/// mixed in often.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "\\PC{0,24}",
        2 => vec(
            prop_oneof![
                Just('"'), Just('\\'), Just('\n'), Just('\r'), Just('\t'), Just('\0'),
                Just('å'), Just('Ä'), Just('–'), Just('\u{a0}'), Just('🙂'), Just(')'),
                Just('/'), Just('*'), Just('#'), Just('€'), any::<char>(),
            ],
            0..16,
        )
        .prop_map(|cs| cs.into_iter().collect()),
        1 => Just(String::new()),
    ]
}

/// A decimal of any scale and sign, within `Decimal`'s range.
fn decimal() -> impl Strategy<Value = Decimal> {
    (any::<i64>(), 0u32..=28).prop_map(|(m, scale)| Decimal::new(m, scale))
}

fn opt_decimal() -> impl Strategy<Value = Option<Decimal>> {
    proptest::option::of(decimal())
}

fn override_value() -> impl Strategy<Value = Override> {
    prop_oneof![decimal().prop_map(Override::Value), Just(Override::Blank)]
}

fn municipality() -> impl Strategy<Value = Municipality> {
    proptest::sample::select(Municipality::ALL.to_vec())
}

fn period() -> impl Strategy<Value = Period> {
    prop_oneof![
        (any::<i32>(), any::<u8>(), any::<u8>()).prop_map(|(year, from, to)| Period::Tertial {
            year,
            from,
            to
        }),
        (any::<i32>(), any::<u8>()).prop_map(|(year, half)| Period::Halvar { year, half }),
        any::<i32>().prop_map(|year| Period::Helar { year }),
        (any::<i32>(), any::<i32>())
            .prop_map(|(from_year, to_year)| Period::Plan { from_year, to_year }),
    ]
}

// ------------------------------------------------------------ parts

fn report() -> impl Strategy<Value = ReportFacts> {
    (
        text(),
        proptest::sample::select(ReportKind::ALL.to_vec()),
        period(),
        (text(), text(), text(), text()),
        any::<u32>(),
    )
        .prop_map(
            |(organisation, kind, period, (title, diarienummer, responsible, date), chapter)| {
                ReportFacts {
                    organisation,
                    kind,
                    period,
                    title,
                    diarienummer,
                    responsible,
                    date,
                    first_goal_chapter: chapter,
                }
            },
        )
}

fn measure() -> impl Strategy<Value = Measure> {
    let kind = prop_oneof![
        Just(ValueKind::Procent),
        Just(ValueKind::Kronor),
        text().prop_map(ValueKind::Antal),
    ];
    let status = proptest::option::of(prop_oneof![
        Just(Override::Blank),
        proptest::sample::select(vec![
            MeasureStatus::Uppfyllt,
            MeasureStatus::DelvisUppfyllt,
            MeasureStatus::EjUppfyllt,
            MeasureStatus::IngetResultat,
        ])
        .prop_map(Override::Value),
    ]);
    let trend = proptest::option::of(prop_oneof![
        Just(Override::Blank),
        proptest::sample::select(vec![Trend::Up, Trend::Down, Trend::Level])
            .prop_map(Override::Value),
    ]);
    (
        text(),
        kind,
        any::<bool>(),
        (opt_decimal(), opt_decimal()),
        vec(
            (text(), opt_decimal()).prop_map(|(period, value)| PeriodValue { period, value }),
            0..3,
        ),
        text(),
        status,
        trend,
    )
        .prop_map(
            |(name, kind, lower, (target, result), earlier, description, status, trend)| Measure {
                name,
                kind,
                direction: if lower {
                    Direction::LowerIsBetter
                } else {
                    Direction::HigherIsBetter
                },
                target,
                result,
                earlier,
                description,
                status_override: status,
                trend_override: trend,
            },
        )
}

fn activity() -> impl Strategy<Value = Activity> {
    (
        text(),
        proptest::sample::select(ActivityState::ALL.to_vec()),
        text(),
    )
        .prop_map(|(name, state, status_text)| Activity {
            name,
            state,
            status_text,
        })
}

fn passage() -> impl Strategy<Value = Passage> {
    prop_oneof![
        text().prop_map(Passage::Paragraph),
        vec(text(), 0..3).prop_map(Passage::Bullets),
        vec(text(), 0..3).prop_map(Passage::Numbered),
        text().prop_map(Passage::Subheading),
        text().prop_map(Passage::Note),
        proptest::sample::select(TableRef::ALL.to_vec()).prop_map(Passage::Table),
        Just(Passage::Measures),
        Just(Passage::Activities),
        proptest::sample::select(ResearchList::ALL.to_vec()).prop_map(Passage::Research),
    ]
}

fn goal() -> impl Strategy<Value = StrategicGoal> {
    let section = (
        text(),
        text(),
        vec(text(), 0..3),
        vec(measure(), 0..3),
        vec(activity(), 0..3),
        vec(
            proptest::sample::select(vec![
                TableRef::Staff,
                TableRef::BudgetFollowUp,
                TableRef::Attendance,
                TableRef::Survey,
            ]),
            0..3,
        ),
        vec(proptest::sample::select(ResearchList::ALL.to_vec()), 0..2),
        vec(passage(), 0..4),
    )
        .prop_map(
            |(title, text, bullets, measures, activities, tables, research, content)| Section {
                title,
                text,
                bullets,
                measures,
                activities,
                tables,
                research,
                content,
            },
        );
    (text(), text(), vec(section, 0..3)).prop_map(|(title, intro, sections)| StrategicGoal {
        title,
        intro,
        sections,
    })
}

fn staff() -> impl Strategy<Value = Staff> {
    let columns = vec![StaffColumn::Summa];
    let row = (
        text(),
        text(),
        (opt_decimal(), opt_decimal(), opt_decimal()),
        btree_map(proptest::sample::select(columns), override_value(), 0..3),
    )
        .prop_map(
            |(period, marker, (tjanstekop, tillsvidare, visstid), overrides)| StaffRow {
                period,
                marker,
                tjanstekop,
                tillsvidare,
                visstid,
                overrides,
            },
        );
    (text(), vec(row, 0..4), vec(text(), 0..2)).prop_map(|(text, rows, footnotes)| Staff {
        text,
        rows,
        footnotes,
        ..Staff::default()
    })
}

fn budget() -> impl Strategy<Value = Option<BudgetFollowUp>> {
    let columns = vec![
        BudgetColumn::Disponibla,
        BudgetColumn::Kvarvarande,
        BudgetColumn::Utfall,
    ];
    let row = (
        text(),
        (opt_decimal(), opt_decimal(), opt_decimal(), opt_decimal()),
        btree_map(
            proptest::sample::select(columns.clone()),
            override_value(),
            0..2,
        ),
    )
        .prop_map(
            |(area, (ingaende, erhallna, budget, utfall), overrides)| BudgetRow {
                area,
                ingaende,
                erhallna,
                budget,
                utfall,
                overrides,
                ..BudgetRow::default()
            },
        );
    proptest::option::of(
        (
            text(),
            vec(row, 0..4),
            btree_map(proptest::sample::select(columns), override_value(), 0..2),
        )
            .prop_map(|(year, rows, sum_overrides)| BudgetFollowUp {
                year,
                rows,
                sum_overrides,
                ..BudgetFollowUp::default()
            }),
    )
}

fn attendance() -> impl Strategy<Value = Attendance> {
    let meeting = (
        text(),
        proptest::sample::select(MeetingForm::ALL.to_vec()),
        vec(municipality(), 0..5),
        any::<u32>(),
    )
        .prop_map(|(date, form, present, regional_present)| Meeting {
            date,
            form,
            present,
            regional_present,
        });
    let entered = proptest::option::of((opt_decimal(), opt_decimal(), any::<u32>()).prop_map(
        |(total, region, meetings)| EnteredAverages {
            total,
            region,
            meetings,
            ..EnteredAverages::default()
        },
    ));
    let group = (
        text(),
        proptest::sample::select(GroupKind::ALL.to_vec()),
        opt_decimal(),
        vec(municipality(), 0..4),
        vec(meeting, 0..4),
        entered,
        opt_decimal(),
    )
        .prop_map(
            |(name, kind, target, members, meetings, entered, earlier)| AttendanceGroup {
                name,
                kind,
                target,
                members,
                meetings,
                entered,
                earlier,
                ..AttendanceGroup::default()
            },
        );
    let history = (text(), opt_decimal(), opt_decimal(), opt_decimal()).prop_map(
        |(period, all_networks, low, high)| AttendanceHistory {
            period,
            all_networks,
            region_groups_low: low,
            region_groups_high: high,
            ..AttendanceHistory::default()
        },
    );
    (
        decimal(),
        vec(group, 0..4),
        btree_map(municipality(), decimal(), 0..4),
        vec(history, 0..3),
        opt_decimal(),
        any::<bool>(),
    )
        .prop_map(
            |(target, groups, municipality_earlier, earlier, women_share, illustrative)| {
                Attendance {
                    target,
                    groups,
                    municipality_earlier,
                    earlier,
                    women_share,
                    illustrative,
                }
            },
        )
}

fn workspace() -> impl Strategy<Value = Workspace> {
    let free_text = (
        text(),
        text(),
        vec(text(), 0..3),
        any::<bool>(),
        vec(passage(), 0..3),
        vec(text(), 0..2),
    )
        .prop_map(
            |(title, body, bullets, numbered, content, slide_points)| FreeText {
                title,
                body,
                bullets,
                heading: if numbered {
                    TextHeading::Numbered
                } else {
                    TextHeading::Unnumbered
                },
                content,
                slide_points,
            },
        );
    let item = (text(), text(), text()).prop_map(|(title, description, text)| ResearchItem {
        title,
        description,
        text,
    });
    (
        report(),
        vec(goal(), 0..3),
        staff(),
        budget(),
        vec(text(), 0..2),
        attendance(),
        vec(free_text, 0..3),
        vec(item, 0..3),
        vec(text(), 0..2),
    )
        .prop_map(
            |(report, goals, staff, budget, economy_notes, attendance, texts, ongoing, notes)| {
                let mut ws = Workspace {
                    report,
                    goals,
                    staff,
                    attendance,
                    texts,
                    data_notes: notes,
                    ..Workspace::default()
                };
                ws.economy.budget = budget;
                ws.economy.notes = economy_notes;
                ws.research.ongoing = ongoing;
                ws
            },
        )
}

// ------------------------------------------------------------ properties

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// load → save → load is the identity, through a real file, and saving
    /// what was loaded gives the same bytes.
    #[test]
    fn save_then_load_is_identity(ws in workspace()) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("rapport.ron");
        storage::save(&ws, &path).expect("save");
        let loaded = storage::load(&path).expect("load");
        prop_assert_eq!(&loaded, &ws);
        let first = std::fs::read(&path).expect("read");
        storage::save(&loaded, &path).expect("save again");
        prop_assert_eq!(std::fs::read(&path).expect("read"), first);
    }

    /// The in-memory text round trip, and the bytes path with a BOM as
    /// Windows editors write it.
    #[test]
    fn text_round_trip(ws in workspace()) {
        let text = storage::to_ron_string(&ws).expect("serialize");
        let p = Path::new("x.ron");
        prop_assert_eq!(&storage::from_ron_str(&text, p).expect("load"), &ws);
        let mut bytes = "\u{feff}".as_bytes().to_vec();
        bytes.extend_from_slice(text.as_bytes());
        prop_assert_eq!(&storage::from_ron_bytes(&bytes, p).expect("load"), &ws);
    }

    /// Every decimal printed the Swedish way (all its decimals, decimal
    /// comma, no-break spaces between thousands) reads back as itself.
    #[test]
    fn swedish_numbers_read_back_as_printed(x in decimal()) {
        let printed = format_decimal(x, x.scale());
        prop_assert_eq!(parse_value(&printed).expect("parse"), x);
    }

    /// With a unit and rounded as the report prints it.
    #[test]
    fn printed_report_values_read_back(x in decimal()) {
        let percent = numbers::round_half_up(x, 0);
        prop_assert_eq!(parse_value(&numbers::format_percent(x)).expect("%"), percent);
        prop_assert_eq!(parse_value(&numbers::format_amount(x)).expect("amount"), percent);
        let fte = numbers::round_half_up(x, 2);
        prop_assert_eq!(parse_value(&numbers::format_fte(x)).expect("fte"), fte);
    }

    /// Whatever the author types, the parser answers without panicking,
    /// and a number it accepts prints and reads back the same.
    #[test]
    fn typed_input_never_panics(input in "\\PC{0,20}|[-+−–]?[0-9 \u{a0}]{0,12}(,[0-9]{0,6})?( ?(%|kr|st\\.|milj))?") {
        if let Ok(v) = parse_value(&input) {
            prop_assert_eq!(parse_value(&format_decimal(v, v.scale())).expect("reparse"), v);
        }
    }
}

/// Decimal's extremes print and read back too.
#[test]
fn extreme_decimals_read_back() {
    for x in [
        Decimal::MAX,
        Decimal::MIN,
        Decimal::new(1, 28),
        Decimal::new(-1, 28),
        Decimal::ZERO,
    ] {
        let printed = format_decimal(x, x.scale());
        assert_eq!(parse_value(&printed).expect(&printed), x, "{printed}");
    }
}
