//! Chart export at 1920×1080, PNG and SVG, of every chart kind, for the
//! largest sample in sample-data/ and the stress workspace
//! (`tertial generate-stress`, `domain::stress`)
//! (`cargo bench --bench charts`). Each measurement includes taking the
//! chart's data from the workspace. Medians are in the README.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use tertial::charts::{ChartFormat, ChartKind, ChartSize, render_file};
use tertial::domain::Workspace;

/// The largest `.ron` file in sample-data/.
fn largest_sample() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .max_by_key(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
        .expect("a sample in sample-data/")
}

fn workspaces() -> Vec<(String, Workspace)> {
    let path = largest_sample();
    let ws = match tertial::storage::load(&path) {
        Ok(ws) => ws,
        Err(e) => panic!("{e}"),
    };
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    vec![
        (name, ws),
        (
            "stress".to_string(),
            tertial::domain::stress::stress_workspace(),
        ),
    ]
}

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
