//! Where a JSON AST shape body keeps its members: under `members`, except a list's `member` and
//! a map's `key` and `value`, which are keys of the body itself. Shared by the resolver, which
//! writes bodies, and target elision, which reads and completes them.

use serde_json::{Map, Value};

/// The names a list or map member may have; they are keys of the shape body itself.
const INLINE: [&str; 3] = ["member", "key", "value"];

/// Whether shapes of this type keep their members as keys of the body.
fn members_inline(kind: &str) -> bool {
    matches!(kind, "list" | "set" | "map")
}

fn kind(shape: &Value) -> &str {
    shape
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or_default()
}

/// The member `name` of a shape body.
pub(super) fn member<'a>(shape: &'a Value, name: &str) -> Option<&'a Value> {
    if !members_inline(kind(shape)) {
        shape.get("members")?.get(name)
    } else if INLINE.contains(&name) {
        shape.get(name)
    } else {
        None
    }
}

/// The member `name` of a shape body, to change it.
pub(super) fn member_mut<'a>(shape: &'a mut Value, name: &str) -> Option<&'a mut Value> {
    if !members_inline(kind(shape)) {
        shape.get_mut("members")?.get_mut(name)
    } else if INLINE.contains(&name) {
        shape.get_mut(name)
    } else {
        None
    }
}

/// Adds the members of a shape of type `kind` to its body. An empty `members` object is left
/// out, except for the shape types that need members (`enum`, `intEnum`, `union`), whose reader
/// then reports the problem.
pub(super) fn insert_members(
    body: &mut Map<String, Value>,
    kind: &str,
    members: Map<String, Value>,
) {
    if members_inline(kind) {
        body.extend(members);
    } else if !members.is_empty() || ["enum", "intEnum", "union"].contains(&kind) {
        body.insert("members".into(), Value::Object(members));
    }
}
