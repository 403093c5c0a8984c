//! What the benchmarks measure with: the largest sample in sample-data/ and
//! the stress workspace (`tertial generate-stress`, `tertial::stress`).
#![allow(dead_code)] // each bench uses part of it

use std::path::{Path, PathBuf};

use tertial::domain::Workspace;

/// The largest `.ron` file in sample-data/.
pub fn largest_sample() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .max_by_key(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
        .expect("a sample in sample-data/")
}

/// The largest sample and the stress workspace, each with its name.
pub fn workspaces() -> Vec<(String, Workspace)> {
    let path = largest_sample();
    let ws = tertial::storage::load(&path).unwrap_or_else(|e| panic!("{e}"));
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    vec![
        (name, ws),
        ("stress".to_string(), tertial::stress::stress_workspace()),
    ]
}
