//! The sample workspaces built from the seed reports, one of them compiled
//! into the binary so the program opens it from any folder.

use std::path::Path;

use crate::domain::Workspace;
use crate::storage::{self, LoadError};

/// The 2020 Delårsrapport (tertial 1–2 2020), the most complete sample.
pub const BUILT_IN_NAME: &str = "delarsrapport-2020-t1-2.ron";
const BUILT_IN: &str = include_str!("../sample-data/delarsrapport-2020-t1-2.ron");

/// Load the built-in sample.
pub fn built_in() -> Result<Workspace, LoadError> {
    storage::from_ron_str(BUILT_IN, Path::new(BUILT_IN_NAME))
}
