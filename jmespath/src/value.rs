//! JSON value helpers shared by the evaluator and the functions: truthiness, equality by
//! value, ordering, type names and number construction.

use std::cmp::Ordering;

use serde_json::{Number, Value};

/// JMESPath truthiness: `false`, `null`, `""`, `[]` and `{}` are false; everything else
/// (including `0`) is true.
pub(crate) fn is_truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::String(s) => !s.is_empty(),
        Value::Array(items) => !items.is_empty(),
        Value::Object(map) => !map.is_empty(),
        Value::Number(_) => true,
    }
}

/// The JMESPath type name of a value.
pub(crate) fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Deep equality, comparing numbers by value (`1 == 1.0`) and objects regardless of order.
pub(crate) fn json_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => compare_numbers(x, y) == Some(Ordering::Equal),
        (Value::Array(xs), Value::Array(ys)) => {
            xs.len() == ys.len() && xs.iter().zip(ys).all(|(x, y)| json_eq(x, y))
        }
        (Value::Object(xs), Value::Object(ys)) => {
            xs.len() == ys.len()
                && xs
                    .iter()
                    .all(|(k, x)| ys.get(k).is_some_and(|y| json_eq(x, y)))
        }
        _ => a == b,
    }
}

/// Orders two numbers by value: exactly when both are integers, as `f64` otherwise.
pub(crate) fn compare_numbers(x: &Number, y: &Number) -> Option<Ordering> {
    if let (Some(a), Some(b)) = (x.as_i64(), y.as_i64()) {
        return Some(a.cmp(&b));
    }
    if let (Some(a), Some(b)) = (x.as_u64(), y.as_u64()) {
        return Some(a.cmp(&b));
    }
    let a = x.as_f64()?;
    let b = y.as_f64()?;
    a.partial_cmp(&b)
}

/// Orders two values that are both numbers or both strings; `None` for anything else.
pub(crate) fn compare_sortable(a: &Value, b: &Value) -> Option<Ordering> {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => compare_numbers(x, y),
        (Value::String(x), Value::String(y)) => Some(x.cmp(y)),
        _ => None,
    }
}

/// A JSON number for `f`: an integer when `f` is integral and fits in an `i64`, `null` when
/// it is not finite (JSON has no infinities).
pub(crate) fn number_from_f64(f: f64) -> Value {
    // 2^63 is exact in f64; every integral f64 in [-2^63, 2^63) converts to i64 exactly.
    const LIMIT: f64 = 9_223_372_036_854_775_808.0;
    if f.fract() == 0.0 && (-LIMIT..LIMIT).contains(&f) {
        #[allow(clippy::cast_possible_truncation)]
        return Value::from(f as i64);
    }
    Number::from_f64(f).map_or(Value::Null, Value::Number)
}

/// A JSON number for a float result that should stay a float (`avg`, a float `sum`):
/// `null` when it is not finite.
pub(crate) fn float(f: f64) -> Value {
    Number::from_f64(f).map_or(Value::Null, Value::Number)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn equality_is_by_value() {
        assert!(json_eq(&json!(1), &json!(1.0)));
        assert!(json_eq(
            &json!({"a": [1, 2.0], "b": null}),
            &json!({"b": null, "a": [1.0, 2]})
        ));
        assert!(!json_eq(&json!([1, 2]), &json!([2, 1])));
        assert!(!json_eq(&json!("1"), &json!(1)));
        assert!(json_eq(&json!(u64::MAX), &json!(u64::MAX)));
        assert!(!json_eq(&json!(i64::MAX), &json!(i64::MAX - 1)));
    }

    #[test]
    fn integral_floats_become_integers() {
        assert_eq!(number_from_f64(2.0), json!(2));
        assert_eq!(number_from_f64(-1.5), json!(-1.5));
        assert_eq!(number_from_f64(f64::INFINITY), Value::Null);
        assert_eq!(number_from_f64(1e300), json!(1e300));
    }
}
