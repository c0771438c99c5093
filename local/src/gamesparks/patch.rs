//! The changes `UpdateGameConfiguration` makes.
//!
//! The documentation says only that a modification adds, removes or replaces content at a
//! path within a section. This server reads each `SectionModification` as one JSON Patch
//! operation (RFC 6902) on the section's attributes, with `Path` a JSON Pointer (RFC 6901)
//! into them (`/a/b/0`; `~1` stands for `/` and `~0` for `~` in a member name):
//!
//! * `ADD` puts `Value` at `Path`. In an object it sets the member (replacing a value that is
//!   there); in an array the path's last token is an index from 0 to the array's length, or
//!   `-` for the end, and the value is inserted there. A section that does not exist is
//!   created, empty, first.
//! * `REMOVE` takes out the member or element at `Path`, which must exist; `Value` must be
//!   omitted.
//! * `REPLACE` sets the member or element at `Path`, which must exist, to `Value`.
//!
//! Every path token before the last must name something that exists. The modifications of
//! one request apply in order, all of them or (when one fails) none.

use std::collections::BTreeMap;

use gamesparks_api::types::{Operation, SectionModification};
use smithy_runtime::serde_json::{Map, Value};

/// `sections` (attributes by section name) with `modifications` applied, in order.
///
/// # Errors
///
/// What is wrong with the first modification that cannot apply, numbered from 1, with its
/// operation, path and section.
pub fn apply(
    sections: &BTreeMap<String, Value>,
    modifications: &[SectionModification],
) -> Result<BTreeMap<String, Value>, String> {
    let mut changed = sections.clone();
    for (number, modification) in (1..).zip(modifications) {
        apply_one(&mut changed, modification).map_err(|why| {
            format!(
                "Modification {number} ({} {} in section '{}'): {why}",
                modification.operation, modification.path, modification.section
            )
        })?;
    }
    Ok(changed)
}

fn apply_one(
    sections: &mut BTreeMap<String, Value>,
    modification: &SectionModification,
) -> Result<(), String> {
    let pointer = Pointer::parse(&modification.path)?;
    let (last, parents) = pointer
        .tokens
        .split_last()
        .ok_or("the path names the whole section, not something in it")?;
    let section = &modification.section;
    let value = modification.value.clone();
    let parent = pointer.place(parents.len());
    let at_parent = |why: String| format!("{parent}: {why}");
    match &modification.operation {
        Operation::Add => {
            let value = value.ok_or("ADD needs a Value")?;
            let root = sections
                .entry(section.clone())
                .or_insert_with(|| Value::Object(Map::new()));
            add(pointer.walk(root, parents)?, last, value).map_err(at_parent)
        }
        Operation::Remove => {
            if value.is_some() {
                return Err("REMOVE takes no Value".into());
            }
            let root = existing(sections, section)?;
            remove(pointer.walk(root, parents)?, last).map_err(at_parent)
        }
        Operation::Replace => {
            let value = value.ok_or("REPLACE needs a Value")?;
            let root = existing(sections, section)?;
            let slot = child(pointer.walk(root, parents)?, last).map_err(at_parent)?;
            *slot = value;
            Ok(())
        }
        other => Err(format!(
            "'{}' is not an operation; use ADD, REMOVE or REPLACE",
            other.as_str()
        )),
    }
}

fn existing<'a>(
    sections: &'a mut BTreeMap<String, Value>,
    section: &str,
) -> Result<&'a mut Value, String> {
    sections
        .get_mut(section)
        .ok_or_else(|| format!("the game configuration has no section '{section}'"))
}

/// A JSON Pointer: the path as written, and its tokens unescaped.
struct Pointer<'p> {
    written: &'p str,
    tokens: Vec<String>,
}

impl<'p> Pointer<'p> {
    fn parse(written: &'p str) -> Result<Self, String> {
        let rest = written
            .strip_prefix('/')
            .ok_or_else(|| format!("the path '{written}' does not start with '/'"))?;
        let tokens = rest.split('/').map(unescape).collect::<Result<_, _>>()?;
        Ok(Pointer { written, tokens })
    }

    /// The path's first `depth` tokens, as written, to name a place in messages.
    fn place(&self, depth: usize) -> String {
        match depth {
            0 => "the section's root".into(),
            _ => {
                let prefix: Vec<&str> = self.written.split('/').take(depth + 1).collect();
                format!("'{}'", prefix.join("/"))
            }
        }
    }

    /// The value `tokens` (the path's first ones) lead to from `root`.
    fn walk<'v>(&self, root: &'v mut Value, tokens: &[String]) -> Result<&'v mut Value, String> {
        let mut value = root;
        for (depth, token) in tokens.iter().enumerate() {
            let place = self.place(depth);
            value = child(value, token).map_err(|why| format!("{place}: {why}"))?;
        }
        Ok(value)
    }
}

/// `token` with `~1` read as `/` and `~0` as `~`.
fn unescape(token: &str) -> Result<String, String> {
    let mut plain = String::with_capacity(token.len());
    let mut chars = token.chars();
    while let Some(c) = chars.next() {
        if c != '~' {
            plain.push(c);
            continue;
        }
        match chars.next() {
            Some('0') => plain.push('~'),
            Some('1') => plain.push('/'),
            _ => {
                return Err(format!(
                    "the path token '{token}' has a '~' that is neither '~0' nor '~1'"
                ))
            }
        }
    }
    Ok(plain)
}

/// The member or element `token` of `value`.
fn child<'v>(value: &'v mut Value, token: &str) -> Result<&'v mut Value, String> {
    match value {
        Value::Object(members) => members
            .get_mut(token)
            .ok_or_else(|| format!("no member '{token}'")),
        Value::Array(items) => {
            let index = index(token, items.len(), false)?;
            items
                .get_mut(index)
                .ok_or_else(|| format!("no element {index}"))
        }
        other => Err(format!("{} has no members", describe(other))),
    }
}

fn add(parent: &mut Value, token: &str, value: Value) -> Result<(), String> {
    match parent {
        Value::Object(members) => {
            members.insert(token.to_owned(), value);
            Ok(())
        }
        Value::Array(items) => {
            let index = index(token, items.len(), true)?;
            items.insert(index, value);
            Ok(())
        }
        other => Err(format!("{} has no members", describe(other))),
    }
}

fn remove(parent: &mut Value, token: &str) -> Result<(), String> {
    match parent {
        Value::Object(members) => members
            .shift_remove(token)
            .map(drop)
            .ok_or_else(|| format!("no member '{token}'")),
        Value::Array(items) => {
            let index = index(token, items.len(), false)?;
            items.remove(index);
            Ok(())
        }
        other => Err(format!("{} has no members", describe(other))),
    }
}

/// The array index `token` names in an array of `len` elements: an existing element, or
/// (with `end_allowed`) also the position after the last one, `len` or `-`.
fn index(token: &str, len: usize, end_allowed: bool) -> Result<usize, String> {
    let positions = len + usize::from(end_allowed);
    let digits = !token.is_empty() && token.bytes().all(|b| b.is_ascii_digit());
    let index = match token {
        "-" => len,
        _ if digits && (token == "0" || !token.starts_with('0')) => {
            token.parse().unwrap_or(usize::MAX)
        }
        _ => return Err(format!("'{token}' is not an array index")),
    };
    match positions {
        0 => Err("the array is empty".into()),
        _ if index < positions => Ok(index),
        _ => Err(format!(
            "an index here is 0 to {}, not '{token}'",
            positions - 1
        )),
    }
}

/// What kind of JSON value `value` is, with its article: `an object`, `a number`.
pub(crate) fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use smithy_runtime::serde_json::json;

    fn modification(operation: Operation, path: &str, value: Option<Value>) -> SectionModification {
        in_section("Economy", operation, path, value)
    }

    fn in_section(
        section: &str,
        operation: Operation,
        path: &str,
        value: Option<Value>,
    ) -> SectionModification {
        SectionModification::builder()
            .operation(operation)
            .path(path)
            .section(section)
            .set_value(value)
            .build()
            .expect("every required member is set")
    }

    fn economy() -> BTreeMap<String, Value> {
        BTreeMap::from([(
            "Economy".to_owned(),
            json!({"coins": {"start": 10}, "items": ["sword", "shield"], "a/b": 1, "m~n": 2}),
        )])
    }

    #[test]
    fn add_sets_members_and_inserts_elements() {
        let changes = [
            modification(Operation::Add, "/coins/max", Some(json!(99))),
            modification(Operation::Add, "/items/1", Some(json!("bow"))),
            modification(Operation::Add, "/items/-", Some(json!("axe"))),
            modification(Operation::Add, "/coins/start", Some(json!(20))),
        ];
        let sections = apply(&economy(), &changes).expect("applies");
        assert_eq!(
            sections["Economy"],
            json!({"coins": {"start": 20, "max": 99}, "items": ["sword", "bow", "shield", "axe"], "a/b": 1, "m~n": 2})
        );
    }

    #[test]
    fn add_creates_a_missing_section() {
        let changes = [in_section("Lobby", Operation::Add, "/size", Some(json!(8)))];
        let sections = apply(&BTreeMap::new(), &changes).expect("applies");
        assert_eq!(sections["Lobby"], json!({"size": 8}));
    }

    #[test]
    fn remove_and_replace_need_what_they_name() {
        let changes = [
            modification(Operation::Remove, "/items/0", None),
            modification(Operation::Remove, "/a~1b", None),
            modification(Operation::Replace, "/m~0n", Some(json!("two"))),
            modification(Operation::Replace, "/coins", Some(json!([]))),
        ];
        let sections = apply(&economy(), &changes).expect("applies");
        assert_eq!(
            sections["Economy"],
            json!({"coins": [], "items": ["shield"], "m~n": "two"})
        );
    }

    #[test]
    fn a_failing_modification_names_itself() {
        let changes = [
            modification(Operation::Add, "/coins/max", Some(json!(99))),
            modification(Operation::Replace, "/coins/nothing", Some(json!(1))),
        ];
        let error = apply(&economy(), &changes).expect_err("the second cannot apply");
        assert_eq!(
            error,
            "Modification 2 (REPLACE /coins/nothing in section 'Economy'): '/coins': no member 'nothing'"
        );
    }

    #[test]
    fn bad_paths_are_refused() {
        let cases = [
            (
                modification(Operation::Add, "/missing/x", Some(json!(1))),
                "the section's root: no member 'missing'",
            ),
            (
                modification(Operation::Add, "/items/7", Some(json!(1))),
                "'/items': an index here is 0 to 2, not '7'",
            ),
            (
                modification(Operation::Add, "/items/01", Some(json!(1))),
                "'01' is not an array index",
            ),
            (
                modification(Operation::Remove, "/items/-", None),
                "an index here is 0 to 1, not '-'",
            ),
            (
                modification(Operation::Remove, "/coins/start/x", None),
                "'/coins/start': a number has no members",
            ),
            (
                modification(Operation::Remove, "/gone", None),
                "the section's root: no member 'gone'",
            ),
            (
                modification(Operation::Add, "/x~2", Some(json!(1))),
                "has a '~' that is neither '~0' nor '~1'",
            ),
            (
                modification(Operation::Remove, "/coins", Some(json!(1))),
                "REMOVE takes no Value",
            ),
            (
                modification(Operation::Replace, "/coins", None),
                "REPLACE needs a Value",
            ),
            (
                in_section("Nope", Operation::Remove, "/x", None),
                "no section 'Nope'",
            ),
        ];
        for (change, expected) in cases {
            let error = apply(&economy(), std::slice::from_ref(&change)).expect_err(&change.path);
            assert!(error.contains(expected), "{error}");
        }
    }
}
