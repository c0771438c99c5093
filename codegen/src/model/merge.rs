//! Combining files into one set of raw shapes: duplicate definitions, metadata, `apply` entries,
//! mixins, and the IDL 1.0 → 2.0 interop rules.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use super::ast::{IdlVersion, RawApply, RawFile, RawMember, RawShape, RawTraits};
use super::diagnostics::{did_you_mean, Diagnostic, Sink};
use super::shape::Simple;
use super::ShapeId;

/// All shapes of all files, merged.
pub(crate) struct Merged {
    pub metadata: Map<String, Value>,
    pub shapes: BTreeMap<ShapeId, RawShape>,
}

pub(crate) fn merge(
    files: Vec<RawFile>,
    prelude: Vec<(ShapeId, RawShape)>,
    sink: &mut Sink,
) -> Merged {
    let mut merged = Merged {
        metadata: Map::new(),
        shapes: prelude.into_iter().collect(),
    };
    let mut applies = Vec::new();
    for file in files {
        merge_metadata(&mut merged.metadata, file.metadata, &file.name, sink);
        for (id, shape) in file.shapes {
            define(&mut merged.shapes, id, shape, sink);
        }
        applies.extend(file.applies);
    }
    let deferred: Vec<RawApply> = applies
        .into_iter()
        .filter_map(|apply| apply_traits(&mut merged.shapes, apply, sink, Pass::BeforeMixins))
        .collect();
    flatten_mixins(&mut merged.shapes, sink);
    // Members that mixins provide exist once the mixins are flattened.
    for apply in combine_applies(deferred, sink) {
        apply_traits(&mut merged.shapes, apply, sink, Pass::AfterMixins);
    }
    synthesize_enum_values(&mut merged.shapes);
    interop_v1(&mut merged.shapes);
    merged
}

/// One entry per target, in first-seen order: the traits of the `apply` entries for one target
/// combine by the merge rules (list values concatenate, different values conflict), as they
/// would on a member defined in place.
fn combine_applies(applies: Vec<RawApply>, sink: &mut Sink) -> Vec<RawApply> {
    let mut combined: Vec<RawApply> = Vec::new();
    for apply in applies {
        let Some(into) = combined.iter_mut().find(|a| a.target == apply.target) else {
            combined.push(apply);
            continue;
        };
        for (trait_id, problem) in merge_traits(&mut into.traits, apply.traits) {
            sink.at(
                &apply.file,
                &apply.target,
                format!("`apply` of trait `{trait_id}` {problem}"),
            );
        }
    }
    combined
}

/// Every `enum` member without a `smithy.api#enumValue` gets its own name as the value, as the
/// Smithy loader gives it (JSON and IDL models alike).
fn synthesize_enum_values(shapes: &mut BTreeMap<ShapeId, RawShape>) {
    let enum_value = ShapeId::prelude("enumValue");
    for shape in shapes.values_mut().filter(|s| s.kind == "enum") {
        for member in &mut shape.members {
            member
                .traits
                .entry(enum_value.clone())
                .or_insert_with(|| Value::String(member.name.clone()));
        }
    }
}

fn merge_metadata(
    into: &mut Map<String, Value>,
    from: Map<String, Value>,
    file: &str,
    sink: &mut Sink,
) {
    for (key, value) in from {
        match (into.get_mut(&key), value) {
            (None, value) => {
                into.insert(key, value);
            }
            (Some(Value::Array(existing)), Value::Array(more)) => existing.extend(more),
            (Some(existing), value) if *existing == value => {}
            (Some(_), _) => sink.push(Diagnostic::in_file(
                file,
                format!("metadata key `{key}` conflicts with the value another file gives it; only arrays concatenate"),
            )),
        }
    }
}

/// What two definitions of one shape must agree on (everything but traits and the file).
fn signature(shape: &RawShape) -> String {
    let members: Vec<(&str, &ShapeId)> = shape
        .members
        .iter()
        .map(|m| (m.name.as_str(), &m.target))
        .collect();
    format!(
        "{} {members:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
        shape.kind,
        shape.mixins,
        shape.version,
        shape.input,
        shape.output,
        shape.errors,
        shape.operations,
        shape.collection_operations,
        shape.resources,
        shape.rename,
        shape.identifiers,
        shape.properties,
        shape.lifecycle
    )
}

fn define(shapes: &mut BTreeMap<ShapeId, RawShape>, id: ShapeId, shape: RawShape, sink: &mut Sink) {
    let Some(existing) = shapes.get_mut(&id) else {
        shapes.insert(id, shape);
        return;
    };
    if id.is_prelude() {
        sink.at(
            &shape.file,
            &id,
            "redefines a prelude shape; choose a namespace other than `smithy.api`",
        );
        return;
    }
    if signature(existing) != signature(&shape) {
        let (first, second) = (existing.file.clone(), shape.file.clone());
        sink.at(
            &second,
            &id,
            format!("defined differently in `{first}` and `{second}`; a shape defined in several files must have the same type and members"),
        );
        return;
    }
    for (trait_id, problem) in merge_traits(&mut existing.traits, shape.traits) {
        sink.at(&shape.file, &id, format!("trait `{trait_id}` {problem}"));
    }
    for (own, other) in existing.members.iter_mut().zip(shape.members) {
        for (trait_id, problem) in merge_traits(&mut own.traits, other.traits) {
            sink.at(
                &shape.file,
                &id.with_member(&own.name),
                format!("trait `{trait_id}` {problem}"),
            );
        }
    }
}

/// Adds `from` to `into` by the Smithy rules: list values concatenate, equal values are fine,
/// anything else conflicts. Returns the conflicts.
pub(crate) fn merge_traits(into: &mut RawTraits, from: RawTraits) -> Vec<(ShapeId, &'static str)> {
    let mut conflicts = Vec::new();
    for (id, value) in from {
        match (into.get_mut(&id), value) {
            (None, value) => {
                into.insert(id, value);
            }
            (Some(Value::Array(existing)), Value::Array(more)) => existing.extend(more),
            (Some(existing), value) if *existing == value => {}
            (Some(_), _) => conflicts.push((
                id,
                "is given two different values; only list values may be combined",
            )),
        }
    }
    conflicts
}

/// When an `apply` entry is applied.
#[derive(Clone, Copy, PartialEq)]
enum Pass {
    /// Before mixins are flattened: traits combine with the target's own by the merge rules;
    /// an entry for a member that only a mixin can provide is handed back for the next pass.
    BeforeMixins,
    /// After: the entry targets a member a mixin provided, and its traits override inherited
    /// ones, as the member's own traits would.
    AfterMixins,
}

/// Adds an `apply` entry's traits to its target; returns the entry when it must wait for the
/// mixins to be flattened.
fn apply_traits(
    shapes: &mut BTreeMap<ShapeId, RawShape>,
    apply: RawApply,
    sink: &mut Sink,
    pass: Pass,
) -> Option<RawApply> {
    let root = apply.target.root();
    if !shapes.contains_key(&root) {
        let ids: Vec<String> = shapes.keys().map(ShapeId::to_string).collect();
        let hint = did_you_mean(&root.to_string(), ids.iter().map(String::as_str));
        sink.at(
            &apply.file,
            &apply.target,
            format!("`apply` targets a shape that is not defined{hint}"),
        );
        return None;
    }
    if root.is_prelude() {
        sink.at(
            &apply.file,
            &apply.target,
            "traits cannot be applied to prelude shapes; define a shape of your own",
        );
        return None;
    }
    let shape = shapes.get_mut(&root)?;
    let traits = match apply.target.member() {
        None => &mut shape.traits,
        Some(name) => match shape.members.iter().position(|m| m.name == name) {
            Some(i) => &mut shape.members[i].traits,
            None if pass == Pass::BeforeMixins && !shape.mixins.is_empty() => return Some(apply),
            None => {
                let names = shape.members.iter().map(|m| m.name.as_str());
                let hint = did_you_mean(name, names);
                sink.at(
                    &apply.file,
                    &apply.target,
                    format!("`apply` targets a member that `{root}` does not have{hint}"),
                );
                return None;
            }
        },
    };
    if pass == Pass::AfterMixins {
        traits.extend(apply.traits);
        return None;
    }
    for (trait_id, problem) in merge_traits(traits, apply.traits) {
        sink.at(
            &apply.file,
            &apply.target,
            format!("`apply` of trait `{trait_id}` {problem}"),
        );
    }
    None
}

const MIXIN: &str = "smithy.api#mixin";

fn flatten_mixins(shapes: &mut BTreeMap<ShapeId, RawShape>, sink: &mut Sink) {
    let ids: Vec<ShapeId> = shapes
        .iter()
        .filter(|(_, s)| !s.mixins.is_empty())
        .map(|(id, _)| id.clone())
        .collect();
    let mut done = BTreeSet::new();
    for id in ids {
        flatten_one(shapes, &id, &mut Vec::new(), &mut done, sink);
    }
}

/// Flattens `id`'s mixins (after flattening theirs), depth-first, detecting cycles.
fn flatten_one(
    shapes: &mut BTreeMap<ShapeId, RawShape>,
    id: &ShapeId,
    stack: &mut Vec<ShapeId>,
    done: &mut BTreeSet<ShapeId>,
    sink: &mut Sink,
) {
    if done.contains(id) {
        return;
    }
    let Some(mixins) = shapes.get(id).map(|s| s.mixins.clone()) else {
        return;
    };
    let file = shapes
        .get(id)
        .map(|s| s.file.to_string())
        .unwrap_or_default();
    if stack.contains(id) {
        sink.at(
            &file,
            id,
            "mixins form a cycle; a shape cannot mix itself in",
        );
        return;
    }
    stack.push(id.clone());
    let mut members: Vec<RawMember> = Vec::new();
    let mut traits = RawTraits::new();
    for mixin_id in &mixins {
        flatten_one(shapes, mixin_id, stack, done, sink);
        let (Some(shape), Some(mixin)) = (shapes.get(id), shapes.get(mixin_id)) else {
            sink.at(
                &file,
                id,
                format!("mixes in `{mixin_id}`, which is not defined"),
            );
            continue;
        };
        if !mixin.traits.contains_key(&mixin_trait()) || mixin.kind != shape.kind {
            let file = shape.file.to_string();
            sink.at(
                &file,
                id,
                format!(
                    "mixes in `{mixin_id}`, which is not a `{}` shape with the `{MIXIN}` trait",
                    shape.kind
                ),
            );
            continue;
        }
        for member in &mixin.members {
            members.retain(|m| m.name != member.name);
            members.push(member.clone());
        }
        let local = local_traits(mixin);
        for (trait_id, value) in &mixin.traits {
            if !local.contains(trait_id) {
                traits.insert(trait_id.clone(), value.clone());
            }
        }
    }
    stack.pop();
    done.insert(id.clone());
    if let Some(shape) = shapes.get_mut(id) {
        apply_mixed_in(shape, id, members, traits, sink);
    }
}

/// Gives `shape` (`id`) the members and traits its mixins provide, its own on top: an own
/// member of an inherited name adds its traits (it cannot change the target), own traits win.
fn apply_mixed_in(
    shape: &mut RawShape,
    id: &ShapeId,
    mut members: Vec<RawMember>,
    mut traits: RawTraits,
    sink: &mut Sink,
) {
    for own in std::mem::take(&mut shape.members) {
        match members.iter_mut().find(|m| m.name == own.name) {
            Some(inherited) if inherited.target == own.target => {
                inherited.traits.extend(own.traits)
            }
            Some(_) => sink.at(
                &shape.file,
                &id.with_member(&own.name),
                "redefines a mixin member with a different target",
            ),
            None => members.push(own),
        }
    }
    shape.members = members;
    traits.extend(std::mem::take(&mut shape.traits));
    shape.traits = traits;
}

fn mixin_trait() -> ShapeId {
    ShapeId::prelude("mixin")
}

/// `mixin` itself and the ids in its `localTraits` stay on the mixin.
fn local_traits(mixin: &RawShape) -> BTreeSet<ShapeId> {
    let mut local = BTreeSet::from([mixin_trait()]);
    if let Some(Value::Array(list)) = mixin
        .traits
        .get(&mixin_trait())
        .and_then(|v| v.get("localTraits"))
    {
        local.extend(
            list.iter()
                .filter_map(Value::as_str)
                .filter_map(|s| s.parse().ok()),
        );
    }
    local
}

/// IDL 1.0 semantics (SMITHY.md §1.6): `set` (deprecated in 2.0 too) is a list with
/// `uniqueItems`; unboxed primitive
/// shapes, and members targeting them, get a zero `default`; `@box` members get `default: null`.
fn interop_v1(shapes: &mut BTreeMap<ShapeId, RawShape>) {
    let default_id = ShapeId::prelude("default");
    let box_id = ShapeId::prelude("box");
    for shape in shapes.values_mut().filter(|s| s.kind == "set") {
        shape.kind = "list".into();
        shape
            .traits
            .entry(ShapeId::prelude("uniqueItems"))
            .or_insert_with(|| Value::Object(Map::new()));
    }
    for shape in shapes.values_mut().filter(|s| s.idl == IdlVersion::V1) {
        if let Some(zero) = Simple::from_name(&shape.kind).and_then(zero_value) {
            if !shape.traits.contains_key(&box_id) {
                shape.traits.entry(default_id.clone()).or_insert(zero);
            }
        }
    }
    // Members of 1.0 structures follow their target's boxing.
    let zero_targets: BTreeMap<ShapeId, Value> = shapes
        .iter()
        .filter_map(|(id, s)| {
            let zero = Simple::from_name(&s.kind).and_then(zero_value)?;
            (s.traits.get(&default_id) == Some(&zero)).then(|| (id.clone(), zero))
        })
        .collect();
    for shape in shapes
        .values_mut()
        .filter(|s| s.idl == IdlVersion::V1 && s.kind == "structure")
    {
        for member in &mut shape.members {
            if member.traits.contains_key(&default_id) {
                continue;
            }
            if member.traits.contains_key(&box_id) {
                member.traits.insert(default_id.clone(), Value::Null);
            } else if let Some(zero) = zero_targets.get(&member.target) {
                member.traits.insert(default_id.clone(), zero.clone());
            }
        }
    }
}

fn zero_value(simple: Simple) -> Option<Value> {
    match simple {
        Simple::Boolean => Some(Value::Bool(false)),
        s if s.is_primitive() => Some(Value::from(0)),
        _ => None,
    }
}
