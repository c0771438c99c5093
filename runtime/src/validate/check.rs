//! [`validate`]: every constraint violation of a wire value, with the messages smithy servers
//! use (SMITHY.md 7).

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, OnceLock};

use base64::Engine as _;

use super::{Shape, Value, View};

/// One constraint a value does not satisfy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    /// Where: a JSON pointer of member names (`/teams/0/name`).
    pub path: String,
    /// What: `Value at '/teams/0/name' failed to satisfy constraint: Member must not be null`.
    pub message: String,
}

/// How many violations a request is told about: [`validate`] stops looking after one more.
pub const MAX_REPORTED: usize = 20;

/// The violations of `shape`'s constraints in `view` (a structure's wire form), in member
/// order, depth first: every one, up to [`MAX_REPORTED`] + 1 (one more than the cap says that
/// there were more, which were not looked for). A list or map longer than its `@length`
/// allows is reported as such, and its elements are not checked one by one.
pub fn validate(shape: &Shape, view: &View) -> Vec<Violation> {
    let mut out = Vec::new();
    check_shape(shape, view, "", &mut out);
    out
}

/// Whether enough violations were found to stop looking.
fn enough(out: &[Violation]) -> bool {
    out.len() > MAX_REPORTED
}

fn check_shape(shape: &Shape, view: &View, path: &str, out: &mut Vec<Violation>) {
    for member in shape.members {
        if enough(out) {
            return;
        }
        let path = format!("{path}/{}", member.name);
        match view.get(member.key).filter(|v| **v != View::Null) {
            None if member.required => {
                out.push(violation(&path, None, "Member must not be null".to_owned()))
            }
            None => {}
            Some(value) => check_value(&member.value, value, &path, out),
        }
    }
}

fn check_value(rules: &Value, view: &View, path: &str, out: &mut Vec<Violation>) {
    if *view == View::Null || enough(out) {
        return;
    }
    let mut oversized = false;
    if let Some((min, max)) = rules.length {
        if let Some(len) = length(rules, view) {
            let below = min.is_some_and(|min| len < min);
            let above = max.is_some_and(|max| len > max);
            oversized = above;
            if below || above {
                let bound = bounds(min.map(|m| m.to_string()), max.map(|m| m.to_string()));
                out.push(violation(
                    path,
                    Some(len),
                    format!("Member must have length {bound}"),
                ));
            }
        }
    }
    if let Some((min, max)) = rules.range {
        if let Some(number) = number(view) {
            let below = min
                .and_then(|m| m.parse::<f64>().ok())
                .is_some_and(|m| number < m);
            let above = max
                .and_then(|m| m.parse::<f64>().ok())
                .is_some_and(|m| number > m);
            if below || above {
                let bound = bounds(min.map(str::to_owned), max.map(str::to_owned));
                out.push(violation(path, None, format!("Member must be {bound}")));
            }
        }
    }
    if let (Some(pattern), View::Text(text)) = (rules.pattern, view) {
        if !matches(pattern, text) {
            out.push(violation(
                path,
                None,
                format!("Member must satisfy regular expression pattern: {pattern}"),
            ));
        }
    }
    if let (Some(values), View::Text(text)) = (&rules.enum_values, view) {
        if !values.contains(text) {
            let set = values.listed.join(", ");
            out.push(violation(
                path,
                None,
                format!("Member must satisfy enum value set: [{set}]"),
            ));
        }
    }
    if let (Some(values), View::Int(i)) = (rules.int_enum_values, view) {
        if !values.iter().any(|v| i128::from(*v) == *i) {
            let set: Vec<String> = values.iter().map(i64::to_string).collect();
            let set = set.join(", ");
            out.push(violation(
                path,
                None,
                format!("Member must satisfy enum value set: [{set}]"),
            ));
        }
    }
    if oversized {
        // Too many elements: checking each of them (a list of millions) would cost more than
        // the request is worth, and the length violation already refuses it.
        return;
    }
    if let (true, View::List(items)) = (rules.unique, view) {
        let repeated = items
            .iter()
            .enumerate()
            .any(|(i, item)| items[..i].contains(item));
        if repeated {
            out.push(violation(
                path,
                None,
                "Member must have unique values".to_owned(),
            ));
        }
    }
    check_contents(rules, view, path, out);
}

/// The violations inside a list, map or structure: of its elements, entries or members.
fn check_contents(rules: &Value, view: &View, path: &str, out: &mut Vec<Violation>) {
    match view {
        View::List(items) => {
            if let Some(element) = rules.element {
                for (i, item) in items.iter().enumerate() {
                    if enough(out) {
                        return;
                    }
                    check_value(element, item, &format!("{path}/{i}"), out);
                }
            }
        }
        View::Map(entries) => {
            if let Some(shape) = rules.shape {
                check_shape(shape, view, path, out);
            } else {
                for (key, value) in entries {
                    if enough(out) {
                        return;
                    }
                    if let Some(key_rules) = rules.key {
                        check_value(key_rules, &View::Text(key.clone()), path, out);
                    }
                    if let Some(element) = rules.element {
                        check_value(element, value, &format!("{path}/{key}"), out);
                    }
                }
            }
        }
        _ => {}
    }
}

/// `Value [with length N ]at 'P' failed to satisfy constraint: …`.
fn violation(path: &str, length: Option<u64>, constraint: String) -> super::Violation {
    let subject = match length {
        Some(len) => format!("Value with length {len}"),
        None => "Value".to_owned(),
    };
    Violation {
        path: path.to_owned(),
        message: format!("{subject} at '{path}' failed to satisfy constraint: {constraint}"),
    }
}

/// `between MIN and MAX, inclusive`, `greater than or equal to MIN`, `less than or equal to MAX`.
fn bounds(min: Option<String>, max: Option<String>) -> String {
    match (min, max) {
        (Some(min), Some(max)) => format!("between {min} and {max}, inclusive"),
        (Some(min), None) => format!("greater than or equal to {min}"),
        (None, Some(max)) => format!("less than or equal to {max}"),
        (None, None) => "anything".to_owned(),
    }
}

/// What `@length` measures: characters of a string, bytes of a blob (base64 text in JSON),
/// entries of a list or map.
fn length(rules: &Value, view: &View) -> Option<u64> {
    let len = match view {
        View::Text(text) if rules.blob => base64::engine::general_purpose::STANDARD
            .decode(text)
            .map(|bytes| bytes.len())
            .unwrap_or(text.len()),
        View::Text(text) => text.chars().count(),
        View::Bytes(len) => *len,
        View::List(items) => items.len(),
        View::Map(entries) => entries.len(),
        _ => return None,
    };
    u64::try_from(len).ok()
}

/// A number's value.
fn number(view: &View) -> Option<f64> {
    match view {
        View::Int(i) => Some(*i as f64),
        View::Float(f) => Some(*f),
        _ => None,
    }
}

/// A compiled `@pattern`: the regex crate (linear time) where it can, fancy-regex for
/// lookarounds and backreferences.
enum Pattern {
    Linear(regex::Regex),
    Backtracking(fancy_regex::Regex),
}

impl Pattern {
    fn compile(pattern: &str) -> Option<Pattern> {
        match regex::Regex::new(pattern) {
            Ok(regex) => Some(Pattern::Linear(regex)),
            Err(_) => fancy_regex::Regex::new(pattern)
                .ok()
                .map(Pattern::Backtracking),
        }
    }
}

/// Whether a model's `@pattern` compiles here; one that does not matches everything (the
/// model's problem, not the caller's), so tests check the project's patterns with this.
pub fn compiles(pattern: &str) -> bool {
    Pattern::compile(pattern).is_some()
}

/// Whether `text` matches `pattern` (searched, not anchored, as ECMA-262 `test`). A match that
/// exceeds fancy-regex's backtrack limit counts as no match.
fn matches(pattern: &'static str, text: &str) -> bool {
    type Cache = Mutex<BTreeMap<&'static str, Option<Arc<Pattern>>>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(BTreeMap::new()));
    let compiled = {
        let mut cache = cache
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        cache
            .entry(pattern)
            .or_insert_with(|| Pattern::compile(pattern).map(Arc::new))
            .clone()
    };
    match compiled.as_deref() {
        None => true,
        Some(Pattern::Linear(regex)) => regex.is_match(text),
        Some(Pattern::Backtracking(regex)) => regex.is_match(text).unwrap_or(false),
    }
}
