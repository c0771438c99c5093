//! Numbers beyond the range of `f64` in model values.
//!
//! Smithy values are arbitrary-precision (a `bigDecimal` default or `range` bound may be
//! `1.7976931348623157E+309`), but `serde_json` without its `arbitrary_precision` feature refuses
//! such a literal. That feature cannot be turned on here: Cargo unifies features across the
//! workspace, and it would change how the runtime crate reads and compares wire numbers. So the
//! loader keeps such a number as its literal text inside a one-key object,
//! `{"$bigNumber": "1.7976931348623157E+309"}` ([`BIG_NUMBER_KEY`]): no Smithy value uses a `$`
//! key (it is not an identifier character), equal literals compare equal, and the JSON AST printer
//! writes the text back as a bare number. Numbers inside the `f64` range are ordinary
//! `serde_json` numbers, read by `serde_json` itself for both front ends, so that the IDL and the
//! JSON form of a model hold identical values.

use std::borrow::Cow;

use serde_json::{Map, Value};

/// The key of the one-key object that holds a number beyond the range of `f64` as its text.
pub const BIG_NUMBER_KEY: &str = "$bigNumber";

/// The literal text of a number kept as a [`BIG_NUMBER_KEY`] object, if `value` is one.
pub fn big_number_text(value: &Value) -> Option<&str> {
    match value {
        Value::Object(map) if map.len() == 1 => map.get(BIG_NUMBER_KEY)?.as_str(),
        _ => None,
    }
}

/// The value of a number literal (JSON number syntax): a `serde_json` number, or the
/// [`BIG_NUMBER_KEY`] form when it is beyond the range of `f64`. `None` if it is not a number.
pub(crate) fn number_value(text: &str) -> Option<Value> {
    match serde_json::from_str::<Value>(text) {
        Ok(v @ Value::Number(_)) => Some(v),
        Ok(_) => None,
        Err(_) if overflows(text) => Some(big_number(text)),
        Err(_) => None,
    }
}

fn big_number(text: &str) -> Value {
    let mut map = Map::new();
    map.insert(BIG_NUMBER_KEY.into(), Value::String(text.into()));
    Value::Object(map)
}

/// A well-formed number literal whose value is beyond the range of `f64`.
fn overflows(text: &str) -> bool {
    is_number_literal(text) && text.parse::<f64>().is_ok_and(f64::is_infinite)
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

/// Parses JSON text, keeping numbers beyond the range of `f64` in the [`BIG_NUMBER_KEY`] form.
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
        if overflows(token) {
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
        assert_eq!(big_number_text(&v["c"][0]), Some("-1e400"));
        assert_eq!(v["c"][1], 2);
        assert_eq!(number_value("1e400"), Some(big_number("1e400")));
        assert_eq!(number_value("1.5"), Some(Value::from(1.5)));
        assert_eq!(number_value("01"), None);
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
