//! The crate's named types, before their bodies are lowered: which shapes become types, their
//! identifiers, and their indices.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::Ident;

use super::Cx;
use crate::ir::{EnumId, StructId, TypeRef, UnionId};
use crate::model::{Shape, ShapeId, ShapeKind};
use crate::names;

/// What a structure is lowered from.
#[derive(Clone, Debug)]
pub(super) enum StructSource<'m> {
    /// A structure shape.
    Shape(&'m Shape),
    /// The empty input or output of an operation that has none.
    Synthetic {
        /// The operation.
        operation: ShapeId,
        /// The operation's name in the service.
        name: String,
        /// `Input` or `Output`.
        suffix: &'static str,
    },
}

/// Every named type of the crate, indexed.
#[derive(Debug, Default)]
pub(super) struct Layout<'m> {
    /// The structures, by [`StructId`], with their identifiers.
    pub structs: Vec<(Ident, StructSource<'m>)>,
    /// The enum shapes, by [`EnumId`].
    pub enums: Vec<&'m Shape>,
    /// The union shapes, by [`UnionId`].
    pub unions: Vec<&'m Shape>,
    /// Every type, in name order.
    pub types: Vec<TypeRef>,
    /// The type of each shape that has one.
    by_shape: BTreeMap<ShapeId, TypeRef>,
    /// The synthesized input (`true`) or output of each operation that has none.
    synthetic: BTreeMap<(ShapeId, bool), StructId>,
}

/// One type before indexing.
enum Entry<'m> {
    Struct(StructSource<'m>),
    Enum(&'m Shape),
    Union(&'m Shape),
}

impl<'m> Layout<'m> {
    /// The types of the service of `cx` whose closure is `closure`: its structures, unions and
    /// enums (mixins excepted), and the synthesized inputs and outputs of its operations (those
    /// left out of the crate excepted). Indices follow the order of identifiers.
    pub(super) fn new(cx: &Cx<'m>, closure: &BTreeSet<ShapeId>) -> Self {
        let mut entries: Vec<(Ident, Entry<'m>)> = Vec::new();
        for id in closure.iter().filter(|id| !id.is_prelude()) {
            let Some(shape) = cx.model.shape(id).filter(|s| s.traits.mixin.is_none()) else {
                continue;
            };
            let entry = match &shape.kind {
                ShapeKind::Structure(_) => Entry::Struct(StructSource::Shape(shape)),
                ShapeKind::Union(_) => Entry::Union(shape),
                ShapeKind::Enum(_) | ShapeKind::IntEnum(_) => Entry::Enum(shape),
                _ => continue,
            };
            entries.push((cx.type_ident(id), entry));
        }
        for op_id in cx.model.operations_of(cx.service) {
            let Some(ShapeKind::Operation(op)) = cx.model.kind(&op_id) else {
                continue;
            };
            if cx.event_stream(&op_id).is_some() {
                continue;
            }
            let name = cx.model.service_name(cx.service, &op_id);
            for (target, suffix) in [(&op.input, "Input"), (&op.output, "Output")] {
                if *target == crate::model::unit() {
                    let source = StructSource::Synthetic {
                        operation: op_id.clone(),
                        name: name.clone(),
                        suffix,
                    };
                    entries.push((
                        names::type_ident(&format!("{name}{suffix}")),
                        Entry::Struct(source),
                    ));
                }
            }
        }
        // Stable: types of one name stay in closure order (a collision check reports them).
        entries.sort_by_cached_key(|(ident, _)| ident.to_string());
        let mut layout = Layout::default();
        for (ident, entry) in entries {
            layout.add(ident, entry);
        }
        layout
    }

    fn add(&mut self, ident: Ident, entry: Entry<'m>) {
        let ty = match entry {
            Entry::Struct(source) => {
                let id = StructId(self.structs.len());
                match &source {
                    StructSource::Shape(shape) => {
                        self.by_shape.insert(shape.id.clone(), TypeRef::Struct(id));
                    }
                    StructSource::Synthetic {
                        operation, suffix, ..
                    } => {
                        self.synthetic
                            .insert((operation.clone(), *suffix == "Input"), id);
                    }
                }
                self.structs.push((ident, source));
                TypeRef::Struct(id)
            }
            Entry::Enum(shape) => {
                let id = TypeRef::Enum(EnumId(self.enums.len()));
                self.by_shape.insert(shape.id.clone(), id);
                self.enums.push(shape);
                id
            }
            Entry::Union(shape) => {
                let id = TypeRef::Union(UnionId(self.unions.len()));
                self.by_shape.insert(shape.id.clone(), id);
                self.unions.push(shape);
                id
            }
        };
        self.types.push(ty);
    }

    /// The named type of shape `id`, if it has one.
    pub(super) fn type_of(&self, id: &ShapeId) -> Option<TypeRef> {
        self.by_shape.get(id).copied()
    }

    /// The structure of shape `id`, if it is one.
    pub(super) fn struct_of(&self, id: &ShapeId) -> Option<StructId> {
        match self.type_of(id)? {
            TypeRef::Struct(s) => Some(s),
            _ => None,
        }
    }

    /// The input (`input` set) or output structure of operation `op` whose target is `target`.
    pub(super) fn io_of(&self, op: &ShapeId, target: &ShapeId, input: bool) -> Option<StructId> {
        self.synthetic
            .get(&(op.clone(), input))
            .copied()
            .or_else(|| self.struct_of(target))
    }
}
