//! Chart export at 1920×1080, PNG and SVG, of every chart kind, for the
//! largest sample in sample-data/ and the stress workspace
//! (`tertial generate-stress`, `tertial::stress`)
//! (`cargo bench --bench charts`). Each measurement includes taking the
//! chart's data from the workspace. Medians are in the README.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use tertial::charts::{ChartFormat, ChartKind, ChartSize, render_file};

mod common;

use common::workspaces;

fn export(c: &mut Criterion) {
    let size = ChartSize::new(1920, 1080);
    for (name, ws) in workspaces() {
        let mut group = c.benchmark_group(format!("export 1920x1080/{name}"));
        group
            .sample_size(20)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(3))
            .sampling_mode(SamplingMode::Flat);
        for kind in ChartKind::ALL {
            for format in ChartFormat::ALL {
                group.bench_function(format!("{} {}", kind.slug(), format.name()), |b| {
                    b.iter(|| render_file(black_box(&ws), kind, size, format))
                });
            }
        }
        group.finish();
    }
}

criterion_group!(benches, export);
criterion_main!(benches);
