//! Comparing CBOR bodies by value, as the rpcv2Cbor suites ask: map order, definite or
//! indefinite lengths and number widths do not matter; a float equals another of the same
//! value at either width (`7.625` as float32 or float64), NaN equals NaN, and tags compare
//! by number and content.

use ciborium::Value;

/// The first difference between the expected CBOR body and the sent one, by path.
pub fn difference(expected: &[u8], actual: &[u8]) -> Option<String> {
    let want: Value = match ciborium::de::from_reader(expected) {
        Ok(value) => value,
        Err(e) => return Some(format!("the case's CBOR body does not parse: {e}")),
    };
    if actual.is_empty() {
        return Some(format!("body: sent nothing, expected CBOR {}", show(&want)));
    }
    let got: Value = match ciborium::de::from_reader(actual) {
        Ok(value) => value,
        Err(e) => {
            return Some(format!(
                "body: sent invalid CBOR ({e}), expected {}",
                show(&want)
            ))
        }
    };
    value_difference(&want, &got, "body")
}

/// The first difference between two CBOR values, by path.
pub fn value_difference(want: &Value, got: &Value, path: &str) -> Option<String> {
    let differ = || {
        Some(format!(
            "{path}: sent {}, expected {}",
            show(got),
            show(want)
        ))
    };
    match (want, got) {
        (Value::Map(a), Value::Map(b)) => {
            if a.len() != b.len() {
                return differ();
            }
            for (key, value) in a {
                let inner = format!("{path}.{}", show(key));
                match b
                    .iter()
                    .find(|(k, _)| value_difference(key, k, "").is_none())
                {
                    Some((_, other)) => {
                        if let Some(d) = value_difference(value, other, &inner) {
                            return Some(d);
                        }
                    }
                    None => return Some(format!("{inner}: missing, expected {}", show(value))),
                }
            }
            None
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => a
            .iter()
            .zip(b)
            .enumerate()
            .find_map(|(i, (x, y))| value_difference(x, y, &format!("{path}[{i}]"))),
        (Value::Tag(t, a), Value::Tag(u, b)) if t == u => value_difference(a, b, path),
        _ if number(want)
            .zip(number(got))
            .is_some_and(|(a, b)| numbers_equal(a, b)) =>
        {
            None
        }
        _ if want == got => None,
        _ => differ(),
    }
}

/// A number's value.
fn number(value: &Value) -> Option<f64> {
    match value {
        Value::Float(f) => Some(*f),
        Value::Integer(i) => Some(i128::from(*i) as f64),
        _ => None,
    }
}

/// Equal values, NaN included; a float32 and a float64 of the same value are equal.
fn numbers_equal(a: f64, b: f64) -> bool {
    (a.is_nan() && b.is_nan()) || a == b || (a as f32) == (b as f32)
}

/// A short rendering for messages.
fn show(value: &Value) -> String {
    format!("{value:?}")
}
