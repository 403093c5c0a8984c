//! Any UTF-8 text as a number the author types: parsing and printing never
//! panic (no overflow in the Decimal arithmetic either), and a parsed value
//! printed the way the edit cells print it parses back to the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tertial::domain::numbers::{
    NBSP, Unit, format_amount, format_change, format_decimal, format_fte, format_kronor,
    format_percent, format_signed_amount, parse, parse_value, round_half_up,
};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let parsed = parse(s);
    let value = parse_value(s);
    assert_eq!(
        parsed.clone().map(|p| p.value),
        value,
        "parse and parse_value disagree on {s:?}"
    );
    let v = match value {
        Ok(v) => v,
        Err(e) => {
            assert!(!e.to_string().is_empty(), "empty error for {s:?}");
            return;
        }
    };
    // Printed with its own scale (what an edit cell shows) it parses back.
    // This holds by design: with `v.scale()` decimals nothing is rounded
    // away, and `parse` reads the no-break-space groups and decimal comma
    // that `format_decimal` writes (every Decimal fits in 29 digits).
    let text = format_decimal(v, v.scale());
    assert_eq!(parse_value(&text), Ok(v), "{s:?} -> {v} -> {text:?}");
    let n = v.normalize();
    let text = format!("{}{NBSP}%", format_decimal(n, n.scale()));
    assert_eq!(
        parse(&text).map(|p| (p.value, p.unit)),
        Ok((v, Unit::Percent)),
        "{text:?}"
    );
    // Whole-number forms parse back to the value rounded half away from zero.
    let whole = round_half_up(v, 0);
    assert_eq!(parse_value(&format_amount(v)), Ok(whole), "amount of {v}");
    assert_eq!(
        parse(&format_percent(v)).map(|p| (p.value, p.unit)),
        Ok((whole, Unit::Percent))
    );
    assert_eq!(
        parse(&format_kronor(v)).map(|p| (p.value, p.unit)),
        Ok((whole, Unit::Kronor))
    );
    // Any number of decimals: the printed text is the rounded value.
    let dp = (data.len() % 30) as u32;
    let text = format_decimal(v, dp);
    assert_eq!(
        parse_value(&text),
        Ok(round_half_up(v, dp)),
        "{v} with {dp} decimals: {text:?}"
    );
    // The display-only forms (`±0 %`, `+104`) must just not panic.
    let _ = (format_fte(v), format_change(v), format_signed_amount(v));
});
