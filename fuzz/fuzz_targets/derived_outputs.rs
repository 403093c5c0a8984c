//! Generated workspaces through everything derived from them: bytes pick a
//! sample workspace and edit it (list entries repeated or dropped; decimals
//! at `Decimal`'s edges, hostile texts, malformed dates, copied names and
//! edge integers put in), then `check`, every table, every chart as PNG and
//! SVG and the key figures must run without a panic, keep check and
//! figures lines one line each, and give valid SVG and PNG. The generator
//! and checks are in `fuzz/checks.rs`, shared with the regression test.
#![no_main]

#[path = "../checks.rs"]
mod checks;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    checks::check_derived_bytes(data);
});
