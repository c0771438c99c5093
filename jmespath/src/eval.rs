//! Evaluating an [`Ast`] on a JSON value.
//!
//! Results borrow from the input (or from literals of the tree) where they can, so that
//! field and index chains copy nothing until the final result.
//!
//! Each node kind is evaluated by its own small function, which keeps the frame of the
//! recursive [`eval`] small: the depth of the recursion is that of the tree, bounded by the
//! parser.

use std::borrow::Cow;

use serde_json::{Map, Value};

use crate::ast::{Ast, Comparator};
use crate::error::EvalError;
use crate::functions::{self, Arg};
use crate::value::{compare_numbers, is_truthy, json_eq};

/// A result: borrowed from the input or the tree, or computed.
pub(crate) type Val<'a> = Cow<'a, Value>;

type EvalResult<'a> = Result<Val<'a>, EvalError>;

const NULL: Val<'static> = Cow::Owned(Value::Null);

/// Evaluates `ast` with `data` as the current node.
pub(crate) fn eval<'a>(ast: &'a Ast, data: &'a Value) -> EvalResult<'a> {
    match ast {
        Ast::Identity => Ok(Cow::Borrowed(data)),
        Ast::Field(name, _) => Ok(data.get(name.as_str()).map_or(NULL, Cow::Borrowed)),
        Ast::Literal(value) => Ok(Cow::Borrowed(value)),
        Ast::Index(index) => Ok(index_of(data, *index)),
        Ast::Slice { start, stop, step } => Ok(slice(data, *start, *stop, *step)),
        Ast::Subexpr(left, right) | Ast::Pipe(left, right) => then(left, right, data),
        Ast::ListProjection(left, right) => list_projection(left, right, data),
        Ast::ObjectProjection(left, right) => object_projection(left, right, data),
        Ast::Flatten(inner) => flatten(inner, data),
        Ast::FilterProjection {
            left,
            condition,
            right,
        } => filter_projection(left, condition, right, data),
        Ast::MultiList(items) => multi_list(items, data),
        Ast::MultiHash(entries) => multi_hash(entries, data),
        Ast::Or(left, right) => or(left, right, data),
        Ast::And(left, right) => and(left, right, data),
        Ast::Not(inner) => not(inner, data),
        Ast::Compare(cmp, left, right) => compare(*cmp, left, right, data),
        Ast::ExpRef(_) => Err(EvalError::invalid_type(
            "an expression reference (`&expr`) can only be a function argument",
        )),
        Ast::Call(function, args) => call(*function, args, data),
    }
}

/// `right` evaluated on the result of `left`.
fn then<'a>(left: &'a Ast, right: &'a Ast, data: &'a Value) -> EvalResult<'a> {
    match eval(left, data)? {
        Cow::Borrowed(value) => eval(right, value),
        Cow::Owned(value) => Ok(Cow::Owned(eval(right, &value)?.into_owned())),
    }
}

/// Applies `right` to each of `items`, keeping the non-null results.
fn project<'a>(items: impl Iterator<Item = &'a Value>, right: &'a Ast) -> Result<Value, EvalError> {
    let mut results = Vec::new();
    for item in items {
        let result = eval(right, item)?;
        if !result.is_null() {
            results.push(result.into_owned());
        }
    }
    Ok(Value::Array(results))
}

fn list_projection<'a>(left: &'a Ast, right: &'a Ast, data: &'a Value) -> EvalResult<'a> {
    let base = eval(left, data)?;
    match base.as_ref() {
        Value::Array(items) => Ok(Cow::Owned(project(items.iter(), right)?)),
        _ => Ok(NULL),
    }
}

fn object_projection<'a>(left: &'a Ast, right: &'a Ast, data: &'a Value) -> EvalResult<'a> {
    let base = eval(left, data)?;
    match base.as_ref() {
        Value::Object(map) => Ok(Cow::Owned(project(map.values(), right)?)),
        _ => Ok(NULL),
    }
}

fn flatten<'a>(inner: &'a Ast, data: &'a Value) -> EvalResult<'a> {
    let base = eval(inner, data)?;
    let Value::Array(items) = base.as_ref() else {
        return Ok(NULL);
    };
    let mut flat = Vec::with_capacity(items.len());
    for item in items {
        match item {
            Value::Array(nested) => flat.extend(nested.iter().cloned()),
            other => flat.push(other.clone()),
        }
    }
    Ok(Cow::Owned(Value::Array(flat)))
}

fn filter_projection<'a>(
    left: &'a Ast,
    condition: &'a Ast,
    right: &'a Ast,
    data: &'a Value,
) -> EvalResult<'a> {
    let base = eval(left, data)?;
    let Value::Array(items) = base.as_ref() else {
        return Ok(NULL);
    };
    let mut kept = Vec::new();
    for item in items {
        if is_truthy(eval(condition, item)?.as_ref()) {
            kept.push(item);
        }
    }
    Ok(Cow::Owned(project(kept.into_iter(), right)?))
}

fn multi_list<'a>(items: &'a [Ast], data: &'a Value) -> EvalResult<'a> {
    if data.is_null() {
        return Ok(NULL);
    }
    let mut results = Vec::with_capacity(items.len());
    for item in items {
        results.push(eval(item, data)?.into_owned());
    }
    Ok(Cow::Owned(Value::Array(results)))
}

fn multi_hash<'a>(entries: &'a [(String, Ast)], data: &'a Value) -> EvalResult<'a> {
    if data.is_null() {
        return Ok(NULL);
    }
    let mut map = Map::new();
    for (key, value) in entries {
        map.insert(key.clone(), eval(value, data)?.into_owned());
    }
    Ok(Cow::Owned(Value::Object(map)))
}

fn or<'a>(left: &'a Ast, right: &'a Ast, data: &'a Value) -> EvalResult<'a> {
    let l = eval(left, data)?;
    if is_truthy(&l) {
        Ok(l)
    } else {
        eval(right, data)
    }
}

fn and<'a>(left: &'a Ast, right: &'a Ast, data: &'a Value) -> EvalResult<'a> {
    let l = eval(left, data)?;
    if is_truthy(&l) {
        eval(right, data)
    } else {
        Ok(l)
    }
}

fn not<'a>(inner: &'a Ast, data: &'a Value) -> EvalResult<'a> {
    let value = eval(inner, data)?;
    Ok(Cow::Owned(Value::Bool(!is_truthy(&value))))
}

/// `==` and `!=` compare any values by value; the ordering comparators compare numbers only
/// and yield `null` for anything else.
fn compare<'a>(cmp: Comparator, left: &'a Ast, right: &'a Ast, data: &'a Value) -> EvalResult<'a> {
    let l = eval(left, data)?;
    let r = eval(right, data)?;
    let result = match cmp {
        Comparator::Eq => Some(json_eq(&l, &r)),
        Comparator::Ne => Some(!json_eq(&l, &r)),
        _ => match (l.as_ref(), r.as_ref()) {
            (Value::Number(a), Value::Number(b)) => compare_numbers(a, b).map(|ord| match cmp {
                Comparator::Lt => ord.is_lt(),
                Comparator::Le => ord.is_le(),
                Comparator::Gt => ord.is_gt(),
                _ => ord.is_ge(),
            }),
            _ => None,
        },
    };
    Ok(Cow::Owned(result.map_or(Value::Null, Value::Bool)))
}

fn call<'a>(function: functions::Function, args: &'a [Ast], data: &'a Value) -> EvalResult<'a> {
    let mut values = Vec::with_capacity(args.len());
    for arg in args {
        values.push(match arg {
            Ast::ExpRef(inner) => Arg::Expref(inner),
            other => Arg::Value(eval(other, data)?),
        });
    }
    Ok(Cow::Owned(function.call(&values)?))
}

/// `data[index]`, counting from the end when negative; null when out of range or when
/// `data` is not an array.
fn index_of(data: &Value, index: i64) -> Val<'_> {
    let Value::Array(items) = data else {
        return NULL;
    };
    let len = i64::try_from(items.len()).unwrap_or(i64::MAX);
    let position = if index < 0 { len + index } else { index };
    usize::try_from(position)
        .ok()
        .and_then(|i| items.get(i))
        .map_or(NULL, Cow::Borrowed)
}

/// `data[start:stop:step]` with Python's slice semantics; null when `data` is not an array.
fn slice(data: &Value, start: Option<i64>, stop: Option<i64>, step: Option<i64>) -> Val<'_> {
    let Value::Array(items) = data else {
        return NULL;
    };
    let len = i64::try_from(items.len()).unwrap_or(i64::MAX);
    let step = step.unwrap_or(1);
    let clamp = |bound: i64| {
        if bound < 0 {
            let from_end = bound + len;
            match (from_end < 0, step < 0) {
                (true, true) => -1,
                (true, false) => 0,
                (false, _) => from_end,
            }
        } else if bound >= len {
            if step < 0 {
                len - 1
            } else {
                len
            }
        } else {
            bound
        }
    };
    let (default_start, default_stop) = if step < 0 { (len - 1, -1) } else { (0, len) };
    let mut i = start.map_or(default_start, clamp);
    let stop = stop.map_or(default_stop, clamp);
    let mut picked = Vec::new();
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        if let Some(item) = usize::try_from(i).ok().and_then(|i| items.get(i)) {
            picked.push(item.clone());
        }
        match i.checked_add(step) {
            Some(next) => i = next,
            None => break,
        }
    }
    Cow::Owned(Value::Array(picked))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn sliced(start: Option<i64>, stop: Option<i64>, step: Option<i64>) -> Value {
        slice(&json!([0, 1, 2, 3, 4]), start, stop, step).into_owned()
    }

    #[test]
    fn slices_like_python() {
        assert_eq!(sliced(None, None, None), json!([0, 1, 2, 3, 4]));
        assert_eq!(sliced(Some(1), Some(-1), None), json!([1, 2, 3]));
        assert_eq!(sliced(None, None, Some(-1)), json!([4, 3, 2, 1, 0]));
        assert_eq!(sliced(Some(-2), None, Some(-2)), json!([3, 1]));
        assert_eq!(sliced(Some(10), Some(-10), Some(-3)), json!([4, 1]));
        assert_eq!(
            sliced(Some(i64::MIN), Some(i64::MAX), Some(i64::MAX)),
            json!([0])
        );
        assert_eq!(
            slice(&json!("abc"), None, None, None).into_owned(),
            Value::Null
        );
    }

    #[test]
    fn indexes_from_either_end() {
        let data = json!([1, 2, 3]);
        assert_eq!(*index_of(&data, -1), json!(3));
        assert_eq!(*index_of(&data, i64::MIN), Value::Null);
        assert_eq!(*index_of(&data, 3), Value::Null);
    }
}
