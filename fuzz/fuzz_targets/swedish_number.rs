//! Any UTF-8 text as a number the author types: parsing and printing never
//! panic (no overflow in the Decimal arithmetic either), and a parsed value
//! printed the way the edit cells print it parses back to the same value.
//! The checks are in `fuzz/checks.rs`, shared with the regression test.
#![no_main]

#[path = "../checks.rs"]
mod checks;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    checks::check_number_bytes(data);
});
