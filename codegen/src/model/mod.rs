//! The Smithy 2.0 model loader: files in (JSON AST or Smithy IDL), one validated [`Model`] out.
//!
//! Phases: `idl` turns IDL files into JSON AST documents (JSON files are parsed as they are),
//! `ast` reads each document (AST structure), `merge` combines files and resolves `apply`,
//! mixins and IDL 1.0 forms, `build` types the traits, and `validate` checks references and
//! trait rules. Each phase reports every problem it finds; loading fails with all of them at
//! once, each naming the file, the shape and the member (and, for IDL, the line and column).
//! `export` writes a model back out as one JSON AST document.

mod ast;
mod build;
mod diagnostics;
mod endpoint_checks;
mod endpoint_traits;
mod export;
mod idl;
mod merge;
mod numbers;
mod prelude;
mod shape;
mod shape_id;
mod traits;
mod validate;
mod waiter_paths;
mod waiters;

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

pub use ast::Source;
pub use diagnostics::{Diagnostic, Diagnostics};
pub use endpoint_traits::{
    static_value_kind, ClientContextParam, ContextParam, EndpointTraits, OperationContextParam,
    StaticContextParam,
};
pub use numbers::{big_number_text, BIG_NUMBER_KEY};
pub use prelude::{unit, PRELUDE_FILE};
pub use shape::{EnumMember, Member, Operation, Resource, Service, Shape, ShapeKind, Simple};
pub use shape_id::{ShapeId, ShapeIdError, PRELUDE_NAMESPACE};
pub use traits::*;
pub use waiter_paths::{malformed_waiter, shape_at, waiter_problems};
pub use waiters::{Acceptor, AcceptorState, Comparator, Matcher, PathMatcher, Waiter};

/// A loaded, merged and validated Smithy model.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    metadata: Map<String, Value>,
    shapes: BTreeMap<ShapeId, Shape>,
}

/// Loads model files into one validated model, or returns every problem found.
///
/// A source whose name ends in `.smithy` is Smithy IDL (2.0 or 1.0), any other a JSON AST. The
/// prelude is always included. Files merge: a shape defined in several files must agree on type
/// and members, traits combine, `apply` entries add traits, and metadata arrays concatenate.
pub fn load(sources: &[Source]) -> Result<Model, Diagnostics> {
    let mut sink = diagnostics::Sink::default();
    let (documents, positions) = idl::documents(sources, &mut sink);
    let model = if sink.is_empty() {
        load_documents(documents, &mut sink)
    } else {
        None
    };
    // Problems found after the IDL phase get the position of their shape in its IDL file.
    sink.locate(&positions);
    match model {
        Some(model) => sink.finish().map(|()| model),
        None => Err(Diagnostics::new(sink.0)),
    }
}

/// Reads, merges, types and validates JSON AST documents; `None` when a document cannot be read.
fn load_documents(documents: Vec<(String, Value)>, sink: &mut diagnostics::Sink) -> Option<Model> {
    let files: Vec<_> = documents
        .into_iter()
        .filter_map(|(name, doc)| ast::parse_value(&name, doc, sink))
        .collect();
    // A file that could not be read would make every reference into it dangle: stop here.
    if !sink.is_empty() {
        return None;
    }
    let merged = merge::merge(files, prelude::shapes(), sink);
    let model = build::build(merged, sink);
    validate::validate(&model, sink);
    Some(model)
}

impl Model {
    /// The merged metadata.
    pub fn metadata(&self) -> &Map<String, Value> {
        &self.metadata
    }

    /// Every shape, prelude included, in id order.
    pub fn shapes(&self) -> impl Iterator<Item = &Shape> {
        self.shapes.values()
    }

    /// The shape with this id (a member id resolves to its containing shape).
    pub fn shape(&self, id: &ShapeId) -> Option<&Shape> {
        if id.member().is_some() {
            return self.shapes.get(&id.root());
        }
        self.shapes.get(id)
    }

    /// The kind of the shape with this id.
    pub fn kind(&self, id: &ShapeId) -> Option<&ShapeKind> {
        self.shape(id).map(|s| &s.kind)
    }

    /// Every service shape, in id order.
    pub fn services(&self) -> impl Iterator<Item = (&ShapeId, &Service)> {
        self.shapes.iter().filter_map(|(id, s)| match &s.kind {
            ShapeKind::Service(svc) => Some((id, svc)),
            _ => None,
        })
    }

    /// The operations of a service, bound directly or through its resources (recursively), in
    /// id order.
    pub fn operations_of(&self, service: &ShapeId) -> Vec<ShapeId> {
        let (operations, _) = self.bindings(service);
        operations.into_iter().collect()
    }

    /// The resources of a service, recursively, in id order.
    pub fn resources_of(&self, service: &ShapeId) -> Vec<ShapeId> {
        let (_, resources) = self.bindings(service);
        resources.into_iter().collect()
    }

    fn bindings(&self, service: &ShapeId) -> (BTreeSet<ShapeId>, BTreeSet<ShapeId>) {
        let mut operations = BTreeSet::new();
        let mut resources = BTreeSet::new();
        let mut pending: Vec<ShapeId> = match self.kind(service) {
            Some(ShapeKind::Service(s)) => {
                operations.extend(s.operations.iter().cloned());
                s.resources.clone()
            }
            _ => Vec::new(),
        };
        while let Some(id) = pending.pop() {
            if !resources.insert(id.clone()) {
                continue;
            }
            if let Some(ShapeKind::Resource(r)) = self.kind(&id) {
                operations.extend(r.all_operations().cloned());
                pending.extend(r.resources.iter().cloned());
            }
        }
        (operations, resources)
    }

    /// The errors an operation of `service` can return: the service's errors and its own,
    /// without duplicates, in id order.
    pub fn errors_of(&self, service: &ShapeId, operation: &ShapeId) -> Vec<ShapeId> {
        let mut errors = BTreeSet::new();
        if let Some(ShapeKind::Service(s)) = self.kind(service) {
            errors.extend(s.errors.iter().cloned());
        }
        if let Some(ShapeKind::Operation(o)) = self.kind(operation) {
            errors.extend(o.errors.iter().cloned());
        }
        errors.into_iter().collect()
    }

    /// Every shape reachable from a service (operations, resources, inputs, outputs, errors and
    /// every member target, transitively), the service itself included, in id order.
    pub fn closure(&self, service: &ShapeId) -> BTreeSet<ShapeId> {
        let mut seen = BTreeSet::new();
        let mut pending = vec![service.clone()];
        while let Some(id) = pending.pop() {
            if !seen.insert(id.clone()) {
                continue;
            }
            if let Some(shape) = self.shape(&id) {
                pending.extend(shape.references().into_iter().map(|(_, t)| t.clone()));
            }
        }
        seen
    }

    /// The name a shape has inside a service: its `rename` entry, else its own name.
    pub fn service_name(&self, service: &ShapeId, shape: &ShapeId) -> String {
        match self.kind(service) {
            Some(ShapeKind::Service(s)) => s.rename.get(shape).cloned(),
            _ => None,
        }
        .unwrap_or_else(|| shape.name().to_string())
    }

    /// The waiters that have problems (see [`waiter_problems`]), one line each naming the
    /// operation and the waiter, in operation id and waiter name order. The generator leaves
    /// such a waiter out of the crate; the model still loads.
    pub fn waiter_notices(&self) -> Vec<String> {
        let mut lines = Vec::new();
        for shape in self.shapes.values() {
            let traits = &shape.traits;
            let mut problems: Vec<(&String, Vec<String>)> = traits
                .waitable
                .iter()
                .map(|(name, waiter)| (name, waiter_problems(self, shape, name, waiter)))
                .collect();
            problems.extend(
                traits
                    .malformed_waiters
                    .iter()
                    .map(|(name, why)| (name, vec![malformed_waiter(name, why)])),
            );
            problems.sort();
            for (_, problems) in problems.into_iter().filter(|(_, p)| !p.is_empty()) {
                lines.push(format!("{}: {}", shape.id, problems.join("; ")));
            }
        }
        lines
    }

    /// Follows a dotted member path (`A.B`) from a structure; returns the final target.
    pub fn resolve_path<'a>(&'a self, from: &'a ShapeId, path: &str) -> Option<&'a ShapeId> {
        let mut current = from;
        for segment in path.split('.') {
            current = &self.shape(current)?.member(segment)?.target;
        }
        Some(current)
    }
}
