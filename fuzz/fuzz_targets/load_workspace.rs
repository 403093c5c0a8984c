//! Any bytes as a workspace file: loading never panics; a loaded workspace
//! survives save + load unchanged; an error names the file. The checks are
//! in `fuzz/checks.rs`, shared with the regression test.
#![no_main]

#[path = "../checks.rs"]
mod checks;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    checks::check_workspace_bytes(data, std::path::Path::new("fuzz.ron"));
});
