//! Swedish numbers: the one place that parses what the author types
//! (`45,30`, `18 570 800 kronor`, `76 %`, `−547`, `5,5 miljoner`) and prints
//! numbers the way the reports do (decimal comma, no-break space between
//! thousands, a space before `%`).
//!
//! Rounding rule (used everywhere a figure is rounded for print): half away
//! from zero, so 37,5 → 38 and −16,5 → −17. Where a seed report prints
//! something else, a test says so; the rule is not bent to one table.

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};

/// The no-break space the reports use between groups of thousands.
pub const NBSP: char = '\u{a0}';

/// Round half away from zero to `dp` decimals (the reports' rule).
pub fn round_half_up(value: Decimal, dp: u32) -> Decimal {
    value.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

/// What a unit after the number said about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// No unit, or a counting word (`st.`, `kurser`, `deltagare`).
    Plain,
    /// `%` or `procent`: the value is a percentage.
    Percent,
    /// `kr`, `kronor`, `tkr` (the amount as written).
    Kronor,
}

/// A number read from Swedish text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parsed {
    /// The number.
    pub value: Decimal,
    /// The unit it was written with.
    pub unit: Unit,
}

/// Why a text is not a number; `Display` gives the Swedish message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberError {
    /// The text as typed.
    pub input: String,
    /// What is wrong with it.
    pub kind: NumberErrorKind,
}

/// Why a text is not a Swedish number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberErrorKind {
    /// Nothing was typed.
    Empty,
    /// There are no digits.
    NoDigits,
    /// A decimal point where Swedish writes a comma.
    DecimalPoint,
    /// More than one decimal comma.
    SeveralCommas,
    /// A sign that is not at the start.
    MisplacedSign,
    /// Thousands groups that are not three digits.
    BadGrouping,
    /// A character that has no place in a number.
    UnexpectedChar(char),
    /// A unit tertial does not know.
    UnknownUnit(String),
    /// Too large to hold.
    TooLarge,
}

impl fmt::Display for NumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let input = &self.input;
        match &self.kind {
            NumberErrorKind::Empty => write!(f, "Inget tal angivet."),
            NumberErrorKind::NoDigits => write!(f, "\"{input}\" är inget tal: det saknar siffror."),
            NumberErrorKind::DecimalPoint => write!(
                f,
                "\"{input}\": använd decimalkomma, inte punkt (till exempel 45,30)."
            ),
            NumberErrorKind::SeveralCommas => {
                write!(f, "\"{input}\" har mer än ett decimalkomma.")
            }
            NumberErrorKind::MisplacedSign => {
                write!(
                    f,
                    "\"{input}\": minus- eller plustecken får bara stå först."
                )
            }
            NumberErrorKind::BadGrouping => write!(
                f,
                "\"{input}\": mellanslag får bara skilja tusental åt (till exempel 18 570 800)."
            ),
            NumberErrorKind::UnexpectedChar(c) => {
                write!(f, "\"{input}\": tecknet '{c}' hör inte hemma i ett tal.")
            }
            NumberErrorKind::UnknownUnit(u) => write!(
                f,
                "\"{input}\": okänd enhet \"{u}\" (tillåtna är till exempel %, kr, kronor, tkr, miljoner, st.)."
            ),
            NumberErrorKind::TooLarge => write!(f, "\"{input}\" är för stort tal."),
        }
    }
}

impl std::error::Error for NumberError {}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | NBSP | '\u{202f}' | '\u{2009}' | '\t')
}

fn is_minus(c: char) -> bool {
    matches!(c, '-' | '\u{2212}' | '\u{2013}')
}

/// Parse a Swedish number with an optional unit.
///
/// Accepts a leading `+`, `-`, `−` (U+2212) or `–`; a decimal comma;
/// spaces (ordinary, no-break, narrow) between groups of three digits;
/// and the units `%`, `procent`, `kr`, `kronor`, `tkr`, `st.`, counting
/// words, and `milj`/`miljoner` (which multiply by a million).
pub fn parse(input: &str) -> Result<Parsed, NumberError> {
    let err = |kind| NumberError {
        input: input.trim().to_string(),
        kind,
    };
    let text = input.trim_matches(is_space);
    if text.is_empty() {
        return Err(err(NumberErrorKind::Empty));
    }
    if !text.chars().any(|c| c.is_ascii_digit()) {
        // "abc", "n/a": not a number at all (rather than a number with an
        // unknown unit).
        return Err(err(NumberErrorKind::NoDigits));
    }

    // Split off the unit: everything from the first character that cannot
    // be part of the number.
    let number_end = text
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == ',' || c == '+' || is_minus(c) || is_space(c)))
        .map(|(i, _)| i)
        .unwrap_or(text.len());
    let (number, unit_text) = text.split_at(number_end);
    let unit_text = unit_text.trim_matches(is_space);
    if let Some(rest) = unit_text.strip_prefix('.')
        && rest.starts_with(|c: char| c.is_ascii_digit())
    {
        return Err(err(NumberErrorKind::DecimalPoint));
    }

    let Some((unit, factor)) = unit_of(unit_text) else {
        if let Some(c) = unit_text.chars().next()
            && !c.is_alphabetic()
            && c != '%'
        {
            return Err(err(NumberErrorKind::UnexpectedChar(c)));
        }
        return Err(err(NumberErrorKind::UnknownUnit(unit_text.to_string())));
    };

    let number = number.trim_matches(is_space);
    let mut chars = number.chars().peekable();
    let mut negative = false;
    if let Some(&c) = chars.peek()
        && (c == '+' || is_minus(c))
    {
        negative = is_minus(c);
        chars.next();
        while chars.peek().is_some_and(|&c| is_space(c)) {
            chars.next();
        }
    }
    let body: String = chars.collect();
    if body.chars().any(|c| c == '+' || is_minus(c)) {
        return Err(err(NumberErrorKind::MisplacedSign));
    }
    if !body.chars().any(|c| c.is_ascii_digit()) {
        return Err(err(NumberErrorKind::NoDigits));
    }
    let mut parts = body.split(',');
    let int_part = parts.next().unwrap_or("");
    let frac_part = parts.next();
    if parts.next().is_some() {
        return Err(err(NumberErrorKind::SeveralCommas));
    }

    // Grouping: "18 570 800" — first group 1–3 digits, then groups of 3.
    let groups: Vec<&str> = int_part.split(is_space).collect();
    if groups.len() > 1 {
        let first_ok = (1..=3).contains(&groups[0].len());
        let rest_ok = groups[1..].iter().all(|g| g.len() == 3);
        if !first_ok || !rest_ok {
            return Err(err(NumberErrorKind::BadGrouping));
        }
    }
    let digits: String = groups.concat();
    let frac = frac_part.unwrap_or("");
    if frac.chars().any(|c| !c.is_ascii_digit()) {
        return Err(err(NumberErrorKind::BadGrouping));
    }
    let canonical = format!(
        "{}{}{}{}",
        if negative { "-" } else { "" },
        if digits.is_empty() { "0" } else { &digits },
        if frac.is_empty() { "" } else { "." },
        frac
    );
    let value: Decimal = canonical
        .parse()
        .map_err(|_| err(NumberErrorKind::TooLarge))?;
    let value = value
        .checked_mul(factor)
        .ok_or_else(|| err(NumberErrorKind::TooLarge))?;
    Ok(Parsed { value, unit })
}

/// Parse and keep only the value.
pub fn parse_value(input: &str) -> Result<Decimal, NumberError> {
    parse(input).map(|p| p.value)
}

/// The unit words the parser knows, with what they multiply by.
fn unit_of(text: &str) -> Option<(Unit, Decimal)> {
    let lower = text.to_lowercase();
    let million = Decimal::from(1_000_000);
    let unit = match lower.as_str() {
        "" => (Unit::Plain, Decimal::ONE),
        "%" | "procent" => (Unit::Percent, Decimal::ONE),
        "kr" | "kr." | "kronor" | "tkr" | ":-" => (Unit::Kronor, Decimal::ONE),
        "milj" | "milj." | "miljon" | "miljoner" | "milj kr" | "milj. kr" | "miljoner kronor"
        | "miljon kronor" | "mkr" | "mnkr" => (Unit::Kronor, million),
        "st" | "st." | "stycken" | "kurs" | "kurser" | "deltagare" | "ansökan" | "ansökningar"
        | "träffar" | "möten" | "årsarbetare" | "personer" | "projekt" => {
            (Unit::Plain, Decimal::ONE)
        }
        _ => return None,
    };
    Some(unit)
}

/// Print with `decimals` decimals (half away from zero), a decimal comma
/// and no-break spaces between thousands: `18 570 800`, `45,30`, `-547`.
pub fn format_decimal(value: Decimal, decimals: u32) -> String {
    let rounded = round_half_up(value, decimals);
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    let abs = rounded.abs();
    // Decimal's own `{:.N}` formatting panics for large values with many
    // decimals (its buffer is too small; found by fuzzing with
    // Decimal::MAX), so the zeros are added here. After rounding the value
    // has at most `decimals` decimals.
    let mut text = abs.to_string();
    let have = text.split_once('.').map_or(0, |(_, f)| f.len());
    if decimals > 0 && have == 0 {
        text.push('.');
    }
    for _ in have..decimals as usize {
        text.push('0');
    }
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (text, None),
    };
    let mut grouped = String::new();
    let len = int_part.len();
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            grouped.push(NBSP);
        }
        grouped.push(c);
    }
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&grouped);
    if let Some(f) = frac_part {
        out.push(',');
        out.push_str(&f);
    }
    out
}

/// A whole amount: `18 570 800`.
pub fn format_amount(value: Decimal) -> String {
    format_decimal(value, 0)
}

/// FTE with two decimals: `45,30`.
pub fn format_fte(value: Decimal) -> String {
    format_decimal(value, 2)
}

/// Årsarbetare without trailing zeros, at most two decimals: `10,9`,
/// `50,6`, `49,13`, `24` (as Excel's General format shows a typed value).
pub fn format_fte_trimmed(value: Decimal) -> String {
    let v = round_half_up(value, 2).normalize();
    format_decimal(v, v.scale())
}

/// A whole percent: `76 %`.
pub fn format_percent(value: Decimal) -> String {
    format!("{}{NBSP}%", format_decimal(value, 0))
}

/// A range of whole percents as the report prints it: `64–83 %`; one
/// value (or both ends equal) as `70 %`; nothing known as an empty string.
pub fn format_percent_range(low: Option<Decimal>, high: Option<Decimal>) -> String {
    match (low, high) {
        (Some(lo), Some(hi)) if round_half_up(lo, 0) != round_half_up(hi, 0) => {
            format!("{}–{}", format_decimal(lo, 0), format_percent(hi))
        }
        (Some(v), _) | (None, Some(v)) => format_percent(v),
        (None, None) => String::new(),
    }
}

/// A signed change in whole percent (or percentage points): `+30 %`,
/// `-56 %`, `±0 %`.
pub fn format_change(value: Decimal) -> String {
    let rounded = round_half_up(value, 0);
    if rounded.is_zero() {
        format!("±0{NBSP}%")
    } else if rounded.is_sign_positive() {
        format!("+{}", format_percent(rounded))
    } else {
        format_percent(rounded)
    }
}

/// A signed whole-number change: `+104`, `-2 272`, `±0`.
pub fn format_signed_amount(value: Decimal) -> String {
    let rounded = round_half_up(value, 0);
    if rounded.is_zero() {
        "±0".to_string()
    } else if rounded.is_sign_positive() {
        format!("+{}", format_amount(rounded))
    } else {
        format_amount(rounded)
    }
}

/// Kronor with the unit: `5 685 000 kronor`.
pub fn format_kronor(value: Decimal) -> String {
    format!("{} kronor", format_amount(value))
}

#[cfg(test)]
mod tests {
    #[test]
    fn trimmed_fte_has_no_trailing_zeros() {
        let d = |s: &str| s.parse::<Decimal>().expect("decimal");
        assert_eq!(format_fte_trimmed(d("10.90")), "10,9");
        assert_eq!(format_fte_trimmed(d("50.60")), "50,6");
        assert_eq!(format_fte_trimmed(d("49.13")), "49,13");
        assert_eq!(format_fte_trimmed(d("24.00")), "24");
        assert_eq!(format_fte_trimmed(d("0.125")), "0,13");
        assert_eq!(format_fte(d("10.9")), "10,90");
    }

    use super::*;

    #[test]
    fn the_largest_decimals_print_and_read_back_with_any_decimals() {
        // Found by fuzzing: Decimal's `{:.N}` panicked for Decimal::MAX.
        for v in [
            Decimal::MAX,
            Decimal::MIN,
            Decimal::new(1, 28),
            Decimal::new(-5, 1),
        ] {
            for dp in 0..=30 {
                let text = format_decimal(v, dp);
                let frac = text.split_once(',').map_or(0, |(_, f)| f.len());
                assert_eq!(frac, dp as usize, "{v} with {dp}: {text}");
                assert_eq!(
                    parse_value(&text),
                    Ok(round_half_up(v, dp)),
                    "{v} with {dp} decimals: {text:?}"
                );
            }
        }
    }

    fn d(s: &str) -> Decimal {
        s.parse().expect("test decimal")
    }

    #[test]
    fn parses_the_reports_forms() {
        assert_eq!(parse_value("45,30"), Ok(d("45.30")));
        assert_eq!(parse_value("18 570 800"), Ok(d("18570800")));
        assert_eq!(parse_value("18\u{a0}570\u{a0}800"), Ok(d("18570800")));
        assert_eq!(parse_value("18\u{202f}570\u{202f}800"), Ok(d("18570800")));
        assert_eq!(parse_value("18 570 800 kronor"), Ok(d("18570800")));
        assert_eq!(parse_value("-547"), Ok(d("-547")));
        assert_eq!(parse_value("−547"), Ok(d("-547")));
        assert_eq!(parse_value("- 56 %"), Ok(d("-56")));
        assert_eq!(parse_value("+30 %"), Ok(d("30")));
        assert_eq!(parse_value("5,5 miljoner"), Ok(d("5500000")));
        assert_eq!(parse_value("1,8 milj kr"), Ok(d("1800000")));
        assert_eq!(parse_value("  34 kurser "), Ok(d("34")));
        assert_eq!(parse_value("8 st."), Ok(d("8")));
        assert_eq!(parse_value(",5"), Ok(d("0.5")));
        assert_eq!(parse_value("0"), Ok(Decimal::ZERO));
    }

    #[test]
    fn reports_the_unit() {
        assert_eq!(parse("76 %").map(|p| p.unit), Ok(Unit::Percent));
        assert_eq!(parse("76%").map(|p| p.unit), Ok(Unit::Percent));
        assert_eq!(parse("76 procent").map(|p| p.unit), Ok(Unit::Percent));
        assert_eq!(parse("400 tkr").map(|p| p.unit), Ok(Unit::Kronor));
        assert_eq!(parse("76").map(|p| p.unit), Ok(Unit::Plain));
    }

    #[test]
    fn rejects_bad_input_with_a_reason() {
        let kind = |s: &str| parse(s).map_err(|e| e.kind);
        assert_eq!(kind(""), Err(NumberErrorKind::Empty));
        assert_eq!(kind("   "), Err(NumberErrorKind::Empty));
        assert_eq!(kind("abc"), Err(NumberErrorKind::NoDigits));
        assert_eq!(
            kind("12abc"),
            Err(NumberErrorKind::UnknownUnit("abc".into()))
        );
        assert_eq!(kind("45.30"), Err(NumberErrorKind::DecimalPoint));
        assert_eq!(kind("1,2,3"), Err(NumberErrorKind::SeveralCommas));
        assert_eq!(kind("18 57 800"), Err(NumberErrorKind::BadGrouping));
        assert_eq!(kind("1234 567"), Err(NumberErrorKind::BadGrouping));
        assert_eq!(kind("12-3"), Err(NumberErrorKind::MisplacedSign));
        assert_eq!(kind("-"), Err(NumberErrorKind::NoDigits));
        assert_eq!(kind("%"), Err(NumberErrorKind::NoDigits));
        assert_eq!(kind("12 #"), Err(NumberErrorKind::UnexpectedChar('#')));
        assert_eq!(
            kind("99999999999999999999999999999999"),
            Err(NumberErrorKind::TooLarge)
        );
        assert_eq!(
            kind("99999999999999999999999 miljoner"),
            Err(NumberErrorKind::TooLarge)
        );
    }

    #[test]
    fn error_messages_are_swedish_and_quote_the_input() {
        let e = parse("45.30").expect_err("decimal point");
        assert!(e.to_string().contains("decimalkomma"), "{e}");
        assert!(e.to_string().contains("45.30"), "{e}");
        let e = parse("abc").expect_err("no number");
        assert!(e.to_string().contains("saknar siffror"), "{e}");
        let e = parse("12 apor").expect_err("unknown unit");
        assert!(e.to_string().contains("okänd enhet"), "{e}");
    }

    #[test]
    fn prints_like_the_reports() {
        assert_eq!(format_amount(d("18570800")), "18\u{a0}570\u{a0}800");
        assert_eq!(format_amount(d("-547")), "-547");
        assert_eq!(format_amount(d("-2128")), "-2\u{a0}128");
        assert_eq!(format_amount(d("999")), "999");
        assert_eq!(format_amount(d("1000")), "1\u{a0}000");
        assert_eq!(format_fte(d("45.3")), "45,30");
        assert_eq!(format_fte(d("0")), "0,00");
        assert_eq!(format_percent(d("76")), "76\u{a0}%");
        assert_eq!(format_percent(d("37.5")), "38\u{a0}%");
        assert_eq!(format_change(d("30")), "+30\u{a0}%");
        assert_eq!(format_change(d("-56.4")), "-56\u{a0}%");
        assert_eq!(format_change(d("0.2")), "±0\u{a0}%");
        assert_eq!(format_signed_amount(d("-2272")), "-2\u{a0}272");
        assert_eq!(format_signed_amount(d("104")), "+104");
        assert_eq!(format_kronor(d("5685000")), "5\u{a0}685\u{a0}000 kronor");
        assert_eq!(format_amount(d("-0.4")), "0");
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(round_half_up(d("37.5"), 0), d("38"));
        assert_eq!(round_half_up(d("-16.5"), 0), d("-17"));
        assert_eq!(round_half_up(d("2.445"), 2), d("2.45"));
        assert_eq!(round_half_up(d("0.49"), 0), d("0"));
    }

    #[test]
    fn printed_numbers_parse_back() {
        for s in ["0", "1", "-1", "45.30", "18570800", "-2128.5", "1000000.25"] {
            let v = d(s);
            let dp = v.scale();
            assert_eq!(parse_value(&format_decimal(v, dp)), Ok(v), "{s}");
        }
    }
}
