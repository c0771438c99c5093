//! Raw shapes → typed shapes: shape kinds, typed traits, enum members, operation defaults.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::ast::{RawMember, RawShape};
use super::diagnostics::Sink;
use super::merge::Merged;
use super::shape::{EnumMember, Member, Operation, Resource, Service, Shape, ShapeKind, Simple};
use super::traits::{EnumDefinition, EnumValue};
use super::{prelude, Model, ShapeId, Traits};

pub(crate) fn build(merged: Merged, sink: &mut Sink) -> Model {
    let mut shapes = BTreeMap::new();
    for (id, raw) in merged.shapes {
        let traits = typed_traits(&raw.file, &id, &raw.traits, sink);
        let kind = kind(&id, &raw, &traits, sink);
        shapes.insert(
            id.clone(),
            Shape {
                id,
                kind,
                traits,
                mixins: raw.mixins,
                file: raw.file,
            },
        );
    }
    Model {
        metadata: merged.metadata,
        shapes,
    }
}

fn typed_traits(file: &str, at: &ShapeId, raw: &super::ast::RawTraits, sink: &mut Sink) -> Traits {
    let (traits, problems) = Traits::from_raw(raw);
    for (trait_id, problem) in problems {
        sink.at(
            file,
            at,
            format!("trait `{trait_id}` has a malformed value: {problem}"),
        );
    }
    traits
}

fn member(file: &Arc<str>, owner: &ShapeId, raw: &RawMember, sink: &mut Sink) -> Member {
    let traits = typed_traits(file, &owner.with_member(&raw.name), &raw.traits, sink);
    Member {
        name: raw.name.clone(),
        target: raw.target.clone(),
        traits,
    }
}

fn kind(id: &ShapeId, raw: &RawShape, traits: &Traits, sink: &mut Sink) -> ShapeKind {
    let members = |sink: &mut Sink| -> Vec<Member> {
        raw.members
            .iter()
            .map(|m| member(&raw.file, id, m, sink))
            .collect()
    };
    match raw.kind.as_str() {
        "string" if traits.legacy_enum.is_some() => ShapeKind::Enum(
            traits
                .legacy_enum
                .iter()
                .flatten()
                .map(legacy_enum_member)
                .collect(),
        ),
        "enum" => ShapeKind::Enum(enum_members(id, raw, false, sink)),
        "intEnum" => ShapeKind::IntEnum(enum_members(id, raw, true, sink)),
        "list" | "set" => {
            let mut list = members(sink);
            match list.pop() {
                Some(m) => ShapeKind::List(m),
                None => {
                    sink.at(&raw.file, id, "a list needs a `member`");
                    ShapeKind::Structure(Vec::new())
                }
            }
        }
        "map" => {
            let mut m = members(sink).into_iter();
            match (m.next(), m.next()) {
                (Some(key), Some(value)) => ShapeKind::Map { key, value },
                _ => {
                    sink.at(&raw.file, id, "a map needs a `key` and a `value`");
                    ShapeKind::Structure(Vec::new())
                }
            }
        }
        "structure" => ShapeKind::Structure(members(sink)),
        "union" => ShapeKind::Union(members(sink)),
        "service" => ShapeKind::Service(Service {
            version: raw.version.clone().unwrap_or_default(),
            operations: raw.operations.clone(),
            resources: raw.resources.clone(),
            errors: raw.errors.clone(),
            rename: raw.rename.clone(),
        }),
        "operation" => ShapeKind::Operation(Operation {
            input: raw.input.clone().unwrap_or_else(prelude::unit),
            output: raw.output.clone().unwrap_or_else(prelude::unit),
            errors: raw.errors.clone(),
        }),
        "resource" => ShapeKind::Resource(Resource {
            identifiers: raw.identifiers.clone(),
            properties: raw.properties.clone(),
            lifecycle: raw.lifecycle.clone(),
            operations: raw.operations.clone(),
            collection_operations: raw.collection_operations.clone(),
            resources: raw.resources.clone(),
        }),
        other => ShapeKind::Simple(Simple::from_name(other).unwrap_or(Simple::Document)),
    }
}

fn enum_members(id: &ShapeId, raw: &RawShape, int: bool, sink: &mut Sink) -> Vec<EnumMember> {
    let mut out = Vec::new();
    for m in &raw.members {
        let at = id.with_member(&m.name);
        let traits = typed_traits(&raw.file, &at, &m.traits, sink);
        let value = match (&traits.enum_value, int) {
            (Some(EnumValue::String(s)), false) => EnumValue::String(s.clone()),
            (None, false) => EnumValue::String(m.name.clone()),
            (Some(EnumValue::Int(i)), true) => EnumValue::Int(*i),
            (_, true) => {
                sink.at(
                    &raw.file,
                    &at,
                    "an intEnum member needs an integer `smithy.api#enumValue`",
                );
                continue;
            }
            (Some(EnumValue::Int(_)), false) => {
                sink.at(
                    &raw.file,
                    &at,
                    "an enum member's `smithy.api#enumValue` must be a string",
                );
                continue;
            }
        };
        if m.target != prelude::unit() {
            sink.at(
                &raw.file,
                &at,
                format!(
                    "enum members must target `smithy.api#Unit`, not `{}`",
                    m.target
                ),
            );
        }
        out.push(EnumMember {
            name: m.name.clone(),
            value,
            traits,
        });
    }
    out
}

/// An IDL 1.0 `enum` trait entry as an enum member: named by `name`, else by its value with every
/// character that cannot appear in an identifier replaced by `_`.
fn legacy_enum_member(def: &EnumDefinition) -> EnumMember {
    let name = def.name.clone().unwrap_or_else(|| {
        let mut n: String = def
            .value
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        if !n.starts_with(|c: char| c.is_ascii_alphabetic()) {
            n.insert(0, 'V');
        }
        n
    });
    let traits = Traits {
        documentation: def.documentation.clone(),
        tags: def.tags.clone(),
        internal: def.tags.iter().any(|t| t == "internal"),
        deprecated: def.deprecated.then(Default::default),
        enum_value: Some(EnumValue::String(def.value.clone())),
        ..Traits::default()
    };
    EnumMember {
        name,
        value: EnumValue::String(def.value.clone()),
        traits,
    }
}
