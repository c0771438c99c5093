//! Model → IR for one service.
//!
//! Lowering runs in two steps. [`layout`] decides which named types the crate has (one per
//! structure, union and enum of the service closure, and an empty input or output for the
//! operations that have none), names them, and gives each its index, in name order. The
//! rest then lowers every type body, operation and waiter, linking them by those indices.

use std::collections::BTreeSet;

use proc_macro2::Ident;

mod checks;
mod constraints;
mod defaults;
mod endpoints;
mod layout;
mod operations;
mod shapes;
mod waiters;

use self::layout::{Layout, StructSource};
use super::recursion::boxed_members;
use super::*;
use crate::error::Error;
use crate::model::{self, Model, Shape, ShapeId, ShapeKind, Traits};
use crate::names;

/// Lowers the service `service` of `model`.
pub fn lower(model: &Model, service: &ShapeId) -> Result<Service, Error> {
    let (shape, svc) = service_shape(model, service)?;
    let protocols = protocols(shape)?;
    // The first protocol decides the member keys and HTTP bindings of the generated types.
    let protocol = protocols[0];
    let closure = model.closure(service);
    checks::json_names(model, service, &protocols, &closure)?;
    let mut cx = Cx {
        model,
        service,
        protocol,
        boxed: boxed_members(model, &closure),
        layout: Layout::default(),
    };
    cx.layout = Layout::new(&cx, &closure);
    let (operations, omitted, omitted_waiters) = cx.operations();
    let structs = cx.structs(&operations);
    let enums = cx.layout.enums.iter().map(|s| cx.enumeration(s)).collect();
    let unions = cx.layout.unions.iter().map(|s| cx.union(s)).collect();
    let sdk_id = shape
        .traits
        .aws_service
        .as_ref()
        .map_or_else(|| service.name().to_string(), |a| a.sdk_id.clone());
    let signing_name = shape.traits.sigv4.as_ref().map(|s| s.name.clone());
    let endpoint_prefix = shape
        .traits
        .aws_service
        .as_ref()
        .and_then(|a| a.endpoint_prefix.clone())
        .or_else(|| signing_name.clone())
        .unwrap_or_else(|| sdk_id.to_lowercase().replace(' ', "-"));
    let shape_name = model.service_name(service, service);
    let lowered = Service {
        id: service.to_string(),
        crate_name: names::crate_name(&sdk_id),
        server_trait: names::type_ident(&format!("{shape_name}Server")),
        builder_sender: names::builder_sender_ident(),
        shape_name,
        signing_name,
        endpoint_prefix,
        query_compatible: shape.traits.aws_query_compatible,
        endpoint_rules: endpoints::rule_set(&shape.traits),
        sdk_id,
        version: svc.version.clone(),
        protocol,
        protocols,
        docs: docs(&shape.traits),
        structs,
        enums,
        unions,
        types: cx.layout.types.clone(),
        operations,
        omitted,
        omitted_waiters,
    };
    checks::collisions(&lowered)?;
    Ok(lowered)
}

/// The service shape `id`, or the error naming the services there are.
fn service_shape<'m>(
    model: &'m Model,
    id: &ShapeId,
) -> Result<(&'m Shape, &'m model::Service), Error> {
    match model.shape(id) {
        Some(
            shape @ Shape {
                kind: ShapeKind::Service(svc),
                ..
            },
        ) => Ok((shape, svc)),
        _ => Err(Error::NotAService {
            id: id.clone(),
            available: model
                .services()
                .map(|(id, _)| id.to_string())
                .collect::<Vec<_>>()
                .join(", "),
        }),
    }
}

/// The `@documentation` of `traits`; empty or whitespace-only text counts as none, so that a
/// fallback doc comment is written instead.
fn docs(traits: &Traits) -> Option<String> {
    traits
        .documentation
        .clone()
        .filter(|d| !d.trim().is_empty())
}

/// The supported protocols the service lists, in the order a client prefers them: the JSON
/// protocols (what botocore and the AWS CLI send) before rpcv2Cbor. Never empty.
fn protocols(shape: &Shape) -> Result<Vec<Protocol>, Error> {
    let supported = [
        (model::Protocol::RestJson1, Protocol::RestJson1),
        (model::Protocol::AwsJson1_1, Protocol::AwsJson1_1),
        (model::Protocol::AwsJson1_0, Protocol::AwsJson1_0),
        (model::Protocol::RpcV2Cbor, Protocol::RpcV2Cbor),
    ];
    let listed: Vec<Protocol> = supported
        .into_iter()
        .filter(|(p, _)| shape.traits.protocols.contains(p))
        .map(|(_, p)| p)
        .collect();
    if !listed.is_empty() {
        return Ok(listed);
    }
    Err(Error::UnsupportedProtocol {
        service: shape.id.clone(),
        found: match shape.traits.protocols.as_slice() {
            [] => "none".into(),
            list => list
                .iter()
                .map(|p| p.trait_name())
                .collect::<Vec<_>>()
                .join(", "),
        },
    })
}

/// What lowering one service needs at hand.
struct Cx<'a> {
    model: &'a Model,
    service: &'a ShapeId,
    protocol: Protocol,
    boxed: BTreeSet<(ShapeId, String)>,
    layout: Layout<'a>,
}

impl<'a> Cx<'a> {
    /// The identifier of the named type for shape `id` (its name in the service).
    fn type_ident(&self, id: &ShapeId) -> Ident {
        names::type_ident(&self.model.service_name(self.service, id))
    }

    /// The structures, in index order; `operations` tells which are inputs.
    fn structs(&self, operations: &[Operation]) -> Vec<Struct> {
        self.layout
            .structs
            .iter()
            .enumerate()
            .map(|(index, (ident, source))| {
                let mut s = match source {
                    StructSource::Shape(shape) => self.structure(shape, ident.clone()),
                    StructSource::Synthetic {
                        operation,
                        name,
                        suffix,
                    } => synthetic(operation, name, suffix, ident.clone()),
                };
                s.input_of = operations
                    .iter()
                    .enumerate()
                    .filter(|(_, op)| op.input == StructId(index))
                    .map(|(i, _)| OperationId(i))
                    .collect();
                s.response_metadata = operations
                    .iter()
                    .any(|op| op.output == StructId(index))
                    .then(names::response_metadata_ident);
                s
            })
            .collect()
    }
}

/// The empty input or output (`suffix`) of operation `operation` named `name`.
fn synthetic(operation: &ShapeId, name: &str, suffix: &str, ident: Ident) -> Struct {
    Struct {
        shape_id: operation.to_string(),
        shape_name: operation.name().to_string(),
        builder: names::builder_ident(&ident),
        rules: names::rules_ident(&ident),
        ident,
        fields: Vec::new(),
        docs: Some(format!(
            "The {} of `{name}`, which has no members.",
            suffix.to_lowercase()
        )),
        sensitive: false,
        error: None,
        synthetic: true,
        input_of: Vec::new(),
        response_metadata: None,
    }
}
