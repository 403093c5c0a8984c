//! Export speed (`cargo bench --bench export`): the Excel workbook and the
//! Word document and the slide deck of the largest sample in sample-data/
//! and of the stress workspace (`tertial::stress`).
//!
//! - *xlsx bytes*: every table derived and written as a workbook in memory
//!   (`export::xlsx::workbook_bytes`: tables, sheet plan, rust_xlsxwriter's
//!   XML and zip).
//! - *export-xlsx*: the same written to disk through the atomic write
//!   (`export::xlsx::export_workbook`: temporary file, fsync, rename), as
//!   `tertial export-xlsx` and Arkiv → Exportera Excel-arbetsbok… do.
//! - *export-docx*: the Word document written to disk
//!   (`export::docx::export_docx`: layout, tables, every chart drawn as a
//!   1 800 px PNG, the WordprocessingML and its zip, the atomic write), as
//!   `tertial export-docx` and Arkiv → Exportera Word-dokument… do.
//! - *export-pptx*: the slide deck written to disk
//!   (`export::pptx::export_deck`: the slides, their charts drawn as
//!   1920×1080 PNGs, the XML, the zip, the atomic write), as `tertial
//!   export-pptx` and Arkiv → Exportera bildspel… do.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use tertial::export::docx::export_docx;
use tertial::export::pptx::{deck_bytes, export_deck};
use tertial::export::xlsx::{export_workbook, workbook_bytes};

mod common;

fn xlsx(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, ws) in common::workspaces() {
        let bytes = workbook_bytes(&ws).unwrap_or_else(|e| panic!("{e}"));
        eprintln!("{name}: {} bytes of xlsx", bytes.len());
        let mut group = c.benchmark_group(format!("export/{name}"));
        group
            .sample_size(20)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(4))
            .sampling_mode(SamplingMode::Flat);
        group.bench_function("xlsx bytes", |b| b.iter(|| workbook_bytes(black_box(&ws))));
        let out = dir.path().join(format!("{name}.xlsx"));
        group.bench_function("export-xlsx", |b| {
            b.iter(|| export_workbook(black_box(&ws), &out))
        });
        let out = dir.path().join(format!("{name}.docx"));
        group.bench_function("export-docx", |b| {
            b.iter(|| export_docx(black_box(&ws), &out))
        });
        group.finish();
    }
}

fn pptx(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, ws) in common::workspaces() {
        let bytes = deck_bytes(&ws).unwrap_or_else(|e| panic!("{e}"));
        eprintln!("{name}: {} bytes of pptx", bytes.len());
        let mut group = c.benchmark_group(format!("export/{name}"));
        group
            .sample_size(10)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(6))
            .sampling_mode(SamplingMode::Flat);
        let out = dir.path().join(format!("{name}.pptx"));
        group.bench_function("export-pptx", |b| {
            b.iter(|| export_deck(black_box(&ws), &out))
        });
        group.finish();
    }
}

criterion_group!(benches, xlsx, pptx);
criterion_main!(benches);
