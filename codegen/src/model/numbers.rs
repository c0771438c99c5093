//! Numbers that `f64` (or `i64`/`u64`) cannot hold exactly, in model values.
//!
//! Smithy values are arbitrary-precision (a `bigDecimal` default or `range` bound may be
//! `1.7976931348623157E+309`, a `bigInteger` default `123456789012345678901234567890`), but
//! `serde_json` without its `arbitrary_precision` feature refuses the first and rounds the
//! second. That feature cannot be turned on here: Cargo unifies features across the workspace,
//! and it would change how the runtime crate reads and compares wire numbers. So the loader keeps
//! such a number as its literal text inside a one-key object,
//! `{"$bigNumber": "1.7976931348623157E+309"}` ([`BIG_NUMBER_KEY`]): no Smithy value uses a `$`
//! key (it is not an identifier character), equal literals compare equal, and the JSON AST printer
//! writes the text back as a bare number. A literal stays an ordinary `serde_json` number when it
//! is an `i64` or `u64`, or a finite `f64` written with at most 17 significant digits (`1.0`,
//! `1e3`, `-0.5`, `0.1`, `123456789.12345679`); it is read by `serde_json` itself for both front
//! ends, so that the IDL and the JSON form of a model hold identical values.

use std::borrow::Cow;

use serde_json::{Map, Value};

/// The key of the one-key object that holds a number beyond the range of `f64` as its text.
pub const BIG_NUMBER_KEY: &str = "$bigNumber";

/// The literal text of a number kept as a [`BIG_NUMBER_KEY`] object, if `value` is one: a
/// one-key object whose text is a JSON number literal (any other such object is ordinary data).
pub fn big_number_text(value: &Value) -> Option<&str> {
    match value {
        Value::Object(map) if map.len() == 1 => map
            .get(BIG_NUMBER_KEY)?
            .as_str()
            .filter(|text| is_number_literal(text)),
        _ => None,
    }
}

/// The value of a number literal (JSON number syntax): a `serde_json` number when it holds the
/// literal's value exactly, else the [`BIG_NUMBER_KEY`] form. `None` if it is not a number.
pub(crate) fn number_value(text: &str) -> Option<Value> {
    if !is_number_literal(text) {
        return None;
    }
    Some(exact_value(text).unwrap_or_else(|| big_number(text)))
}

fn big_number(text: &str) -> Value {
    let mut map = Map::new();
    map.insert(BIG_NUMBER_KEY.into(), Value::String(canonical(text)));
    Value::Object(map)
}

/// The one text of the value of the number literal `text`, whatever its spelling: the shorter
/// of its plain form (`123456789012345678901234567890`, `0.12345678901234567890123`) and its
/// scientific form (`2E+308`, `1.7976931348623157E+309`, `-1E-400`: one digit before the
/// point, no trailing zeros, `E` and a signed exponent), the plain form when they tie. So
/// `2e+308`, `2E308` and `20e307` all read as `2E+308`. A literal whose exponent does not
/// fit an `i64` is kept as written.
fn canonical(text: &str) -> String {
    let Some((negative, digits, exponent)) = decimal(text) else {
        return text.to_owned();
    };
    if digits.is_empty() {
        return "0".to_owned();
    }
    let sign = if negative { "-" } else { "" };
    let length = i64::try_from(digits.len()).unwrap_or(i64::MAX);
    // The power of ten of the first digit.
    let Some(magnitude) = exponent.checked_add(length - 1) else {
        return text.to_owned();
    };
    let (first, rest) = digits.split_at(1);
    let point = if rest.is_empty() { "" } else { "." };
    let sci_sign = if magnitude < 0 { '-' } else { '+' };
    let scientific = format!(
        "{sign}{first}{point}{rest}E{sci_sign}{}",
        magnitude.unsigned_abs()
    );
    // The plain form's length, before building it (it may be enormous).
    let plain_length = match usize::try_from(exponent) {
        Ok(zeros) => digits.len().saturating_add(zeros),
        Err(_) => match usize::try_from(-magnitude) {
            Ok(leading) => digits.len() + leading + 1,
            Err(_) => digits.len() + 1,
        },
    } + sign.len();
    if plain_length > scientific.len() {
        return scientific;
    }
    let plain = match usize::try_from(exponent) {
        Ok(zeros) => format!("{digits}{}", "0".repeat(zeros)),
        Err(_) => match usize::try_from(magnitude + 1) {
            // Some digits before the point.
            Ok(whole) if whole > 0 => format!("{}.{}", &digits[..whole], &digits[whole..]),
            _ => {
                let zeros = usize::try_from(-(magnitude + 1)).unwrap_or(0);
                format!("0.{}{digits}", "0".repeat(zeros))
            }
        },
    };
    format!("{sign}{plain}")
}

/// A well-formed number literal that no `serde_json` number holds exactly.
fn needs_text(text: &str) -> bool {
    is_number_literal(text) && exact_value(text).is_none()
}

/// The `serde_json` number of a literal, if it keeps what the literal says: an integer within
/// `i64` or `u64`, or a finite, non-underflowing `f64` written with at most 17 significant
/// digits (`1.0`, `1e3`, `0.1` and `123456789.12345679` are; `12345678901234567890123`,
/// `0.12345678901234567890123` and `1e400` are not).
fn exact_value(text: &str) -> Option<Value> {
    let value = serde_json::from_str::<Value>(text).ok()?;
    let Value::Number(n) = &value else {
        return None;
    };
    if n.is_i64() || n.is_u64() {
        return Some(value);
    }
    // A finite f64 written with at most 17 significant digits (enough to name any f64, the
    // way doubles are written) is the f64 it names; more digits, an overflow or an underflow
    // to zero would lose what the literal says.
    let float = n.as_f64()?;
    let (_, digits, _) = decimal(text)?;
    let underflow = float == 0.0 && !digits.is_empty();
    (float.is_finite() && !underflow && digits.len() <= 17).then_some(value)
}

/// A number literal as `(negative, significant digits, exponent)`: the value is
/// `±digits × 10^exponent`, with no leading or trailing zero digits (zero has no digits and no
/// sign). `None` when the exponent does not fit an `i64`.
fn decimal(text: &str) -> Option<(bool, String, i64)> {
    let (negative, rest) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match rest.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.strip_prefix('+').unwrap_or(e).parse::<i64>().ok()?),
        None => (rest, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{int}{frac}");
    let digits = digits.trim_start_matches('0');
    let significant = digits.trim_end_matches('0');
    if significant.is_empty() {
        return Some((false, String::new(), 0));
    }
    let scale =
        i64::try_from(digits.len() - significant.len()).ok()? - i64::try_from(frac.len()).ok()?;
    Some((
        negative,
        significant.to_string(),
        exponent.checked_add(scale)?,
    ))
}

/// JSON number syntax: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
pub(crate) fn is_number_literal(text: &str) -> bool {
    let rest = text.strip_prefix('-').unwrap_or(text);
    let (int, rest) = split_digits(rest);
    if int.is_empty() || (int.len() > 1 && int.starts_with('0')) {
        return false;
    }
    let rest = match rest.strip_prefix('.') {
        Some(frac) => match split_digits(frac) {
            ("", _) => return false,
            (_, rest) => rest,
        },
        None => rest,
    };
    match rest.strip_prefix(['e', 'E']) {
        None => rest.is_empty(),
        Some(exp) => {
            let exp = exp.strip_prefix(['+', '-']).unwrap_or(exp);
            let (digits, rest) = split_digits(exp);
            !digits.is_empty() && rest.is_empty()
        }
    }
}

fn split_digits(text: &str) -> (&str, &str) {
    let end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    text.split_at(end)
}

/// Parses JSON text, keeping numbers no `serde_json` number holds exactly in the
/// [`BIG_NUMBER_KEY`] form.
///
/// Text without such numbers is parsed as it is, so error positions are exact; otherwise each of
/// them is first rewritten into its object form (positions after it on its line shift).
pub(crate) fn parse_json(text: &str) -> serde_json::Result<Value> {
    serde_json::from_str(&protect_big_numbers(text))
}

fn protect_big_numbers(text: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut copied = 0;
    for (start, end) in number_tokens(text) {
        let token = &text[start..end];
        if needs_text(token) {
            out.push_str(&text[copied..start]);
            out.push_str(&big_number(token).to_string());
            copied = end;
        }
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// Byte ranges of the number-like tokens of JSON text, outside strings.
fn number_tokens(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let (mut i, mut in_string) = (0, false);
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            match b {
                b'\\' => i += 1,
                b'"' => in_string = false,
                _ => {}
            }
            i += 1;
        } else if b == b'"' {
            in_string = true;
            i += 1;
        } else if b == b'-' || b.is_ascii_digit() {
            let start = i;
            while i < bytes.len()
                && matches!(bytes[i], b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-')
            {
                i += 1;
            }
            tokens.push((start, i));
        } else {
            i += 1;
        }
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_numbers_beyond_f64_as_text() {
        let v = parse_json(r#"{"a": 1.7976931348623157E+309, "b": "1e999", "c": [-1e400, 2]}"#)
            .unwrap();
        assert_eq!(big_number_text(&v["a"]), Some("1.7976931348623157E+309"));
        assert_eq!(v["b"], "1e999");
        assert_eq!(big_number_text(&v["c"][0]), Some("-1E+400"));
        assert_eq!(v["c"][1], 2);
        assert_eq!(number_value("1e400"), Some(big_number("1e400")));
        assert_eq!(number_value("1.5"), Some(Value::from(1.5)));
        assert_eq!(number_value("01"), None);
    }

    #[test]
    fn keeps_numbers_that_f64_would_round_as_text() {
        for inexact in [
            "12345678901234567890123",
            "123456789012345678901234567890",
            "0.12345678901234567890123",
            "18446744073709551616",
            "1e-400",
        ] {
            assert_eq!(
                number_value(inexact),
                Some(big_number(inexact)),
                "{inexact}"
            );
        }
        for (exact, value) in [
            ("1.0", Value::from(1.0)),
            ("1e3", Value::from(1000.0)),
            ("-0.5", Value::from(-0.5)),
            ("0.1", Value::from(0.1)),
            ("-0", serde_json::from_str("-0").unwrap()),
            ("18446744073709551615", Value::from(u64::MAX)),
            ("-9223372036854775808", Value::from(i64::MIN)),
            ("1.7976931348623157e308", Value::from(f64::MAX)),
            (
                "123456789.12345679",
                serde_json::from_str("123456789.12345679").unwrap(),
            ),
        ] {
            assert_eq!(number_value(exact), Some(value), "{exact}");
        }
        let v = parse_json(r#"{"min": 0.12345678901234567890123, "max": 2.5}"#).unwrap();
        assert_eq!(
            big_number_text(&v["min"]),
            Some("0.12345678901234567890123")
        );
        assert_eq!(v["max"], 2.5);
    }

    #[test]
    fn a_big_number_has_one_text_whatever_its_spelling() {
        for (spellings, text) in [
            (
                &["2e+308", "2E+308", "2e308", "20e307", "2.0E308", "0.2e309"][..],
                "2E+308",
            ),
            (&["-1e400", "-1E+400", "-10.00e399"], "-1E+400"),
            (&["1e-400", "1.0E-400", "0.01e-398"], "1E-400"),
            (
                &["1.7976931348623157E+309", "17976931348623157e293"],
                "1.7976931348623157E+309",
            ),
            (
                &[
                    "123456789012345678901234567890",
                    "1.2345678901234567890123456789e29",
                ],
                "123456789012345678901234567890",
            ),
            (
                &["0.12345678901234567890123", "12345678901234567890123E-23"],
                "0.12345678901234567890123",
            ),
            (
                &["-0.000012345678901234567890123"],
                "-1.2345678901234567890123E-5",
            ),
            (
                &["0.0123456789012345678901234"],
                "0.0123456789012345678901234",
            ),
            (
                &["18446744073709551616", "1.8446744073709551616e19"],
                "18446744073709551616",
            ),
            (&["1.23456789012345678901e5"], "123456.789012345678901"),
        ] {
            for spelling in spellings {
                assert_eq!(number_value(spelling), Some(big_number(text)), "{spelling}");
                assert_eq!(canonical(spelling), text, "{spelling}");
            }
        }
    }

    #[test]
    fn only_number_text_is_a_big_number() {
        assert_eq!(big_number_text(&big_number("1e400")), Some("1E+400"));
        let data = serde_json::json!({ BIG_NUMBER_KEY: "oops, not json" });
        assert_eq!(big_number_text(&data), None);
    }

    #[test]
    fn recognises_json_number_syntax() {
        for ok in ["0", "-0", "12", "1.5", "1e5", "1E+5", "-1.0e-10"] {
            assert!(is_number_literal(ok), "{ok}");
        }
        for bad in ["", "-", "01", "1.", ".5", "1e", "1e+", "1.5x", "+1"] {
            assert!(!is_number_literal(bad), "{bad}");
        }
    }
}
