//! Chart export at 1920×1080, PNG and SVG, for the charts the author
//! exports every period (`cargo bench --bench charts`). Medians are in the
//! README.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use tertial::charts::{ChartFormat, ChartKind, ChartSize, render_file};

fn sample() -> tertial::domain::Workspace {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sample-data/delarsrapport-2020-t1-2.ron"
    );
    match tertial::storage::load(std::path::Path::new(path)) {
        Ok(ws) => ws,
        Err(e) => panic!("{e}"),
    }
}

fn export(c: &mut Criterion) {
    let ws = sample();
    let size = ChartSize::new(1920, 1080);
    let mut group = c.benchmark_group("export 1920x1080");
    for kind in [
        ChartKind::NetworkAttendance,
        ChartKind::MunicipalityAttendance,
        ChartKind::Staff,
    ] {
        for format in ChartFormat::ALL {
            group.bench_function(format!("{} {}", kind.slug(), format.name()), |b| {
                b.iter(|| render_file(black_box(&ws), kind, size, format))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, export);
criterion_main!(benches);
