//! Target elision (`$name`): an elided member takes the target of the identifier or property of
//! that name of the structure's `for` resource, else of the member of that name of its mixins
//! (found through their mixins too). Resolved over every document, once all are built, since the
//! resource or mixin may be defined in any file; repeated until nothing changes, so that an
//! elided member of a mixin can feed another.

use serde_json::Value;

use super::layout;
use super::lexer::Pos;
use crate::model::diagnostics::{Diagnostic, Sink};

/// How far a chain of mixins is followed; deeper chains (or cycles) leave the member unresolved.
const MAX_MIXIN_DEPTH: usize = 32;

/// An elided member still without a target.
#[derive(Clone, Debug)]
pub(crate) struct Elision {
    /// The index of its document among those being loaded.
    pub doc: usize,
    pub file: String,
    pub pos: Pos,
    /// The absolute id of the shape it belongs to.
    pub shape: String,
    pub member: String,
    /// The absolute id of the structure's `for` resource.
    pub resource: Option<String>,
}

/// Fills in the target of every elided member; reports the ones no resource or mixin explains.
pub(crate) fn resolve(docs: &mut [(String, Value)], mut pending: Vec<Elision>, sink: &mut Sink) {
    loop {
        let before = pending.len();
        pending.retain(|e| match target_of(docs, e) {
            Some(target) => {
                set_target(docs, e, target);
                false
            }
            None => true,
        });
        if pending.len() == before {
            break;
        }
    }
    for e in pending {
        let source = match &e.resource {
            Some(r) => format!("no identifier or property of `{r}` and no member of its mixins"),
            None => "no member of its mixins".to_string(),
        };
        sink.push(Diagnostic {
            file: Some(e.file.clone()),
            position: Some((e.pos.line, e.pos.column)),
            shape: format!("{}${}", e.shape, e.member).parse().ok(),
            message: format!(
                "`${}` elides its target, but {source} is named `{}`; write `{}: Target` instead",
                e.member, e.member, e.member
            ),
        });
    }
}

fn target_of(docs: &[(String, Value)], e: &Elision) -> Option<String> {
    let from_resource = e.resource.as_ref().and_then(|r| {
        let resource = find_shape(docs, r)?;
        ["identifiers", "properties"]
            .iter()
            .find_map(|key| target(resource.get(key)?.get(&e.member)?))
    });
    from_resource.or_else(|| {
        let shape = find_shape(docs, &e.shape)?;
        mixins(shape).find_map(|m| mixin_member_target(docs, m, &e.member, 0))
    })
}

/// The target of member `name` of mixin `id`, or of the mixins it uses.
fn mixin_member_target(
    docs: &[(String, Value)],
    id: &str,
    name: &str,
    depth: usize,
) -> Option<String> {
    if depth > MAX_MIXIN_DEPTH {
        return None;
    }
    let shape = find_shape(docs, id)?;
    match layout::member(shape, name) {
        // A member still elided itself has no target yet: a later round may find it.
        Some(m) => target(m),
        None => mixins(shape).find_map(|m| mixin_member_target(docs, m, name, depth + 1)),
    }
}

fn target(reference: &Value) -> Option<String> {
    reference.get("target")?.as_str().map(str::to_string)
}

/// The shape definition (not an `apply` entry) with this id, in any document.
fn find_shape<'a>(docs: &'a [(String, Value)], id: &str) -> Option<&'a Value> {
    docs.iter()
        .filter_map(|(_, doc)| doc.get("shapes")?.get(id))
        .find(|shape| shape.get("type").and_then(Value::as_str) != Some("apply"))
}

fn mixins(shape: &Value) -> impl Iterator<Item = &str> {
    shape
        .get("mixins")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|m| m.get("target")?.as_str())
}

fn set_target(docs: &mut [(String, Value)], e: &Elision, target: String) -> Option<()> {
    let shape = docs
        .get_mut(e.doc)?
        .1
        .get_mut("shapes")?
        .get_mut(&e.shape)?;
    layout::member_mut(shape, &e.member)?
        .as_object_mut()?
        .insert("target".into(), Value::String(target));
    Some(())
}
