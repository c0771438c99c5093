//! The implementations of the built-in functions, with the argument types the specification
//! gives them. A wrong argument type is an invalid-type error.

use std::cmp::Ordering;

use serde_json::{Map, Number, Value};

use crate::ast::Ast;
use crate::error::EvalError;
use crate::eval::eval;
use crate::functions::{Args, Function};
use crate::value::{compare_sortable, float, json_eq, number_from_f64, type_name};

type Out = Result<Value, EvalError>;

/// Runs the function of `args`.
pub(crate) fn call(args: Args<'_, '_>) -> Out {
    match args.function {
        Function::Abs => abs(args),
        Function::Avg => avg(args),
        Function::Ceil => rounded(args, f64::ceil),
        Function::Floor => rounded(args, f64::floor),
        Function::Contains => contains(args),
        Function::EndsWith => Ok(Value::Bool(args.string(0)?.ends_with(args.string(1)?))),
        Function::StartsWith => Ok(Value::Bool(args.string(0)?.starts_with(args.string(1)?))),
        Function::Join => Ok(Value::String(args.strings(1)?.join(args.string(0)?))),
        Function::Keys => Ok(args.object(0)?.keys().cloned().map(Value::String).collect()),
        Function::Values => Ok(args.object(0)?.values().cloned().collect()),
        Function::Length => length(args),
        Function::Map => map(args),
        Function::Max => extreme(args, Ordering::Greater),
        Function::Min => extreme(args, Ordering::Less),
        Function::MaxBy => extreme_by(args, Ordering::Greater),
        Function::MinBy => extreme_by(args, Ordering::Less),
        Function::Merge => merge(args),
        Function::NotNull => not_null(args),
        Function::Reverse => reverse(args),
        Function::Sort => sort(args),
        Function::SortBy => sort_by(args),
        Function::Sum => sum(args),
        Function::ToArray => to_array(args),
        Function::ToNumber => Ok(to_number(args.value(0)?)),
        Function::ToString => to_string(args),
        Function::Type => Ok(Value::from(type_name(args.value(0)?))),
    }
}

fn abs(args: Args<'_, '_>) -> Out {
    let n = args.number(0)?;
    if let Some(i) = n.as_i64() {
        if let Some(a) = i.checked_abs() {
            return Ok(Value::from(a));
        }
    }
    if n.is_u64() {
        return Ok(Value::Number(n.clone()));
    }
    Ok(float(n.as_f64().unwrap_or(f64::NAN).abs()))
}

fn avg(args: Args<'_, '_>) -> Out {
    let numbers = args.numbers(0)?;
    if numbers.is_empty() {
        return Ok(Value::Null);
    }
    let total: f64 = numbers.iter().filter_map(|n| n.as_f64()).sum();
    Ok(float(total / numbers.len() as f64))
}

/// `ceil` and `floor`: integers unchanged, floats rounded to an integer.
fn rounded(args: Args<'_, '_>, round: fn(f64) -> f64) -> Out {
    let n = args.number(0)?;
    if n.is_i64() || n.is_u64() {
        return Ok(Value::Number(n.clone()));
    }
    Ok(number_from_f64(round(n.as_f64().unwrap_or(f64::NAN))))
}

fn contains(args: Args<'_, '_>) -> Out {
    let needle = args.value(1)?;
    match args.value(0)? {
        Value::Array(items) => Ok(Value::Bool(items.iter().any(|item| json_eq(item, needle)))),
        Value::String(haystack) => Ok(Value::Bool(
            needle.as_str().is_some_and(|s| haystack.contains(s)),
        )),
        _ => Err(args.type_error(0, "an array or a string")),
    }
}

fn length(args: Args<'_, '_>) -> Out {
    let len = match args.value(0)? {
        Value::String(s) => s.chars().count(),
        Value::Array(items) => items.len(),
        Value::Object(map) => map.len(),
        _ => return Err(args.type_error(0, "a string, an array or an object")),
    };
    Ok(Value::from(len))
}

fn map(args: Args<'_, '_>) -> Out {
    let expr = args.expref(0)?;
    let items = args.array(1)?;
    let mut results = Vec::with_capacity(items.len());
    for item in items {
        results.push(eval(expr, item)?.into_owned());
    }
    Ok(Value::Array(results))
}

/// Checks that `values` (computed from argument `index`) are all numbers or all strings.
fn check_sortable(
    args: Args<'_, '_>,
    index: usize,
    values: &[&Value],
    what: &str,
) -> Result<(), EvalError> {
    let expected = format!("{what} of only numbers or only strings");
    let Some(first) = values.first() else {
        return Ok(());
    };
    for value in values {
        let same = matches!(
            (first, value),
            (Value::Number(_), Value::Number(_)) | (Value::String(_), Value::String(_))
        );
        if !same {
            return Err(args.element_error(index, &expected, value));
        }
    }
    Ok(())
}

/// Orders two values already checked by [`check_sortable`].
fn order(a: &Value, b: &Value) -> Ordering {
    compare_sortable(a, b).unwrap_or(Ordering::Equal)
}

/// `max` (`wanted` is `Greater`) and `min` (`Less`): the first extreme element.
fn extreme(args: Args<'_, '_>, wanted: Ordering) -> Out {
    let items = args.array(0)?;
    let refs: Vec<&Value> = items.iter().collect();
    check_sortable(args, 0, &refs, "an array")?;
    let mut best: Option<&Value> = None;
    for item in refs {
        if best.is_none_or(|b| order(item, b) == wanted) {
            best = Some(item);
        }
    }
    Ok(best.cloned().unwrap_or(Value::Null))
}

/// The keys `&expr` (argument `expr_index`) yields for each of `items`, all numbers or all
/// strings.
fn keys_by(
    args: Args<'_, '_>,
    items: &[Value],
    expr: &Ast,
    expr_index: usize,
) -> Result<Vec<Value>, EvalError> {
    let mut keys = Vec::with_capacity(items.len());
    for item in items {
        keys.push(eval(expr, item)?.into_owned());
    }
    let refs: Vec<&Value> = keys.iter().collect();
    check_sortable(args, expr_index, &refs, "an expression with results")?;
    Ok(keys)
}

/// `max_by` and `min_by`: the first element with the extreme key.
fn extreme_by(args: Args<'_, '_>, wanted: Ordering) -> Out {
    let items = args.array(0)?;
    let expr = args.expref(1)?;
    let keys = keys_by(args, items, expr, 1)?;
    let mut best: Option<usize> = None;
    for (i, key) in keys.iter().enumerate() {
        if best.is_none_or(|b| order(key, &keys[b]) == wanted) {
            best = Some(i);
        }
    }
    Ok(best
        .and_then(|i| items.get(i))
        .cloned()
        .unwrap_or(Value::Null))
}

fn sort(args: Args<'_, '_>) -> Out {
    let items = args.array(0)?;
    let mut refs: Vec<&Value> = items.iter().collect();
    check_sortable(args, 0, &refs, "an array")?;
    refs.sort_by(|a, b| order(a, b));
    Ok(refs.into_iter().cloned().collect())
}

/// A stable sort of the array by the keys of the expression.
fn sort_by(args: Args<'_, '_>) -> Out {
    let items = args.array(0)?;
    let expr = args.expref(1)?;
    let keys = keys_by(args, items, expr, 1)?;
    let mut pairs: Vec<(&Value, &Value)> = keys.iter().zip(items).collect();
    pairs.sort_by(|(a, _), (b, _)| order(a, b));
    Ok(pairs.into_iter().map(|(_, item)| item.clone()).collect())
}

fn merge(args: Args<'_, '_>) -> Out {
    let mut merged = Map::new();
    for index in 0..args.len() {
        for (key, value) in args.object(index)? {
            merged.insert(key.clone(), value.clone());
        }
    }
    Ok(Value::Object(merged))
}

fn not_null(args: Args<'_, '_>) -> Out {
    for index in 0..args.len() {
        let value = args.value(index)?;
        if !value.is_null() {
            return Ok(value.clone());
        }
    }
    Ok(Value::Null)
}

fn reverse(args: Args<'_, '_>) -> Out {
    match args.value(0)? {
        Value::String(s) => Ok(Value::String(s.chars().rev().collect())),
        Value::Array(items) => Ok(items.iter().rev().cloned().collect()),
        _ => Err(args.type_error(0, "an array or a string")),
    }
}

/// Integers add exactly while they fit in an `i64`; otherwise the sum is a float.
fn sum(args: Args<'_, '_>) -> Out {
    let numbers = args.numbers(0)?;
    let mut exact: Option<i64> = Some(0);
    for n in &numbers {
        exact = exact.and_then(|total| n.as_i64().and_then(|i| total.checked_add(i)));
    }
    if let Some(total) = exact {
        return Ok(Value::from(total));
    }
    Ok(float(numbers.iter().filter_map(|n| n.as_f64()).sum()))
}

fn to_array(args: Args<'_, '_>) -> Out {
    match args.value(0)? {
        Value::Array(items) => Ok(Value::Array(items.clone())),
        other => Ok(Value::Array(vec![other.clone()])),
    }
}

/// Numbers unchanged; strings holding a JSON number parsed; anything else null.
fn to_number(value: &Value) -> Value {
    match value {
        Value::Number(_) => value.clone(),
        Value::String(s) => {
            serde_json::from_str::<Number>(s.trim()).map_or(Value::Null, Value::Number)
        }
        _ => Value::Null,
    }
}

/// Strings unchanged; anything else as compact JSON text.
fn to_string(args: Args<'_, '_>) -> Out {
    match args.value(0)? {
        Value::String(s) => Ok(Value::String(s.clone())),
        other => Ok(Value::String(other.to_string())),
    }
}
