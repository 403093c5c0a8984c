//! Workspace speed (`cargo bench --bench workspace`): load, derive and save
//! the largest sample in sample-data/ and the stress workspace
//! (`tertial generate-stress`, `tertial::stress`), and parse and format
//! Swedish numbers.
//!
//! - *load*: RON text to a workspace (`storage::from_ron_str`), the text
//!   already in memory.
//! - *derive*: everything the app computes from a workspace: every
//!   `figures` function, every printed table (`tables::all_tables`), the
//!   consistency check (`check::check`) and what each chart shows
//!   (`charts::chart`); *derive all* is all four in a row.
//! - *save*: to RON text (`storage::to_ron_string`), and to disk with
//!   `storage::save` (temporary file, fsync, rename), once with content
//!   that changed since the last save (so the old file is kept as `.bak`
//!   first, as after an edit) and once unchanged.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{BenchmarkGroup, Criterion, SamplingMode, Throughput, measurement::WallTime};
use criterion::{criterion_group, criterion_main};
use rust_decimal::Decimal;
use tertial::charts::{ChartKind, chart};
use tertial::domain::{Workspace, check, figures, numbers, tables};
use tertial::storage;
use tertial::stress;

mod common;

use common::largest_sample;

/// One workspace to measure: its name, its RON text and the loaded value.
struct Case {
    name: String,
    path: PathBuf,
    text: String,
    ws: Workspace,
}

fn cases() -> Vec<Case> {
    let path = largest_sample();
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
    let ws = storage::from_ron_str(&text, &path).unwrap_or_else(|e| panic!("{e}"));
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let sample = Case {
        name,
        path,
        text,
        ws,
    };
    let ws = stress::stress_workspace();
    let text = storage::to_ron_string(&ws).unwrap_or_else(|e| panic!("{e}"));
    let stress = Case {
        name: "stress".into(),
        path: PathBuf::from("stress.ron"),
        text,
        ws,
    };
    for c in [&sample, &stress] {
        eprintln!("{}: {} bytes of RON", c.name, c.text.len());
    }
    vec![sample, stress]
}

/// Every derived figure of the `figures` module, as the editor's parts
/// compute them.
fn derive_figures(ws: &Workspace) {
    black_box(figures::staff(&ws.staff));
    for (gi, goal) in ws.goals.iter().enumerate() {
        for (si, section) in goal.sections.iter().enumerate() {
            black_box(figures::section_number(ws, gi, si));
            for m in &section.measures {
                black_box(figures::measure_status(m));
                black_box(figures::measure_trend(m));
            }
        }
    }
    let e = &ws.economy;
    if let Some(t) = &e.budget {
        black_box(figures::budget(t));
    }
    if let Some(t) = &e.funds {
        black_box(figures::funds(t));
    }
    if let Some(t) = &e.financing {
        black_box(figures::financing(t));
    }
    black_box(figures::applications(&e.applications));
    if let Some(t) = &e.cost_reduction {
        black_box(figures::cost_reduction(t));
    }
    if let Some(t) = &e.plan_budget {
        black_box(figures::plan_budget(t));
    }
    black_box(figures::attendance(&ws.attendance));
    black_box(figures::courses(&ws.courses));
    for q in &ws.survey.questions {
        black_box(figures::survey_changes(q));
    }
}

fn derive_charts(ws: &Workspace) {
    for kind in ChartKind::ALL {
        black_box(chart(ws, kind));
    }
}

fn derive_all(ws: &Workspace) {
    derive_figures(ws);
    black_box(tables::all_tables(ws));
    black_box(check::check(ws));
    derive_charts(ws);
}

fn configure(group: &mut BenchmarkGroup<'_, WallTime>) {
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sampling_mode(SamplingMode::Flat);
}

fn workspace(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    for case in cases() {
        let mut group = c.benchmark_group(format!("workspace/{}", case.name));
        configure(&mut group);
        group.throughput(Throughput::Bytes(case.text.len() as u64));
        group.bench_function("load", |b| {
            b.iter(|| storage::from_ron_str(black_box(&case.text), &case.path))
        });
        group.throughput(Throughput::Elements(1));
        let ws = &case.ws;
        group.bench_function("derive figures", |b| {
            b.iter(|| derive_figures(black_box(ws)))
        });
        group.bench_function("derive tables", |b| {
            b.iter(|| tables::all_tables(black_box(ws)))
        });
        group.bench_function("derive check", |b| b.iter(|| check::check(black_box(ws))));
        group.bench_function("derive chart data", |b| {
            b.iter(|| derive_charts(black_box(ws)))
        });
        group.bench_function("derive all", |b| b.iter(|| derive_all(black_box(ws))));
        group.bench_function("save to string", |b| {
            b.iter(|| storage::to_ron_string(black_box(ws)))
        });
        let path = dir.path().join(format!("{}.ron", case.name));
        // Two versions that differ in one field, saved in turn: every save
        // replaces a changed file and keeps it as .bak first.
        let mut edited = ws.clone();
        edited.report.title.push_str(" (redigerad)");
        let versions = [ws, &edited];
        let mut turn = 0usize;
        group.bench_function("save to disk, changed", |b| {
            b.iter(|| {
                turn += 1;
                storage::save(black_box(versions[turn % 2]), &path).expect("save")
            })
        });
        group.bench_function("save to disk, unchanged", |b| {
            b.iter(|| storage::save(black_box(ws), &path).expect("save"))
        });
        group.finish();
    }
}

/// Numbers as authors type them and the reports print them.
const TYPED: [&str; 16] = [
    "45,30",
    "18 570 800",
    "18\u{a0}570\u{a0}800 kronor",
    "76 %",
    "76\u{a0}%",
    "-2 302",
    "\u{2212}547",
    "5,5 milj kr",
    "34 kurser",
    "438 deltagare",
    "0",
    "+30 %",
    "1 068 200 kr",
    "3 st.",
    "66 619 tkr",
    "12,5 procent",
];

/// One of the `numbers::format_*` functions.
type FormatFn = fn(Decimal) -> String;

fn numbers(c: &mut Criterion) {
    let mut group = c.benchmark_group("numbers");
    group
        .sample_size(50)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(2));
    group.throughput(Throughput::Elements(TYPED.len() as u64));
    group.bench_function(format!("parse_value x{}", TYPED.len()), |b| {
        b.iter(|| {
            for s in TYPED {
                let _ = black_box(numbers::parse_value(black_box(s)));
            }
        })
    });
    let values: Vec<Decimal> = TYPED
        .iter()
        .filter_map(|s| numbers::parse_value(s).ok())
        .chain([Decimal::new(4530, 2), Decimal::new(-2_302_499, 3)])
        .collect();
    group.throughput(Throughput::Elements(values.len() as u64));
    let n = values.len();
    let formats: [(&str, FormatFn); 3] = [
        ("format_decimal(_, 2)", |v| numbers::format_decimal(v, 2)),
        ("format_percent", numbers::format_percent),
        ("format_amount", numbers::format_amount),
    ];
    for (name, format) in formats {
        group.bench_function(format!("{name} x{n}"), |b| {
            b.iter(|| {
                for v in &values {
                    black_box(format(black_box(*v)));
                }
            })
        });
    }
    group.finish();
}

criterion_group!(benches, workspace, numbers);
criterion_main!(benches);
