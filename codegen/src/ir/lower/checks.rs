//! What makes a service impossible to generate as one crate: a member keyed differently by two
//! of its protocols, or two generated items of one name in one module.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::Ident;

use crate::error::Error;
use crate::ir::{Protocol, Service, TypeRef};
use crate::model::{Model, ShapeId, ShapeKind};
use crate::names;

/// restJson1 keys members by `@jsonName`, rpcv2Cbor by member name: a service listing both
/// cannot have a member whose `@jsonName` differs from its name.
pub(super) fn json_names(
    model: &Model,
    service: &ShapeId,
    protocols: &[Protocol],
    closure: &BTreeSet<ShapeId>,
) -> Result<(), Error> {
    if !(protocols.contains(&Protocol::RestJson1) && protocols.contains(&Protocol::RpcV2Cbor)) {
        return Ok(());
    }
    for id in closure {
        let members = match model.kind(id) {
            Some(ShapeKind::Structure(members) | ShapeKind::Union(members)) => members,
            _ => continue,
        };
        for m in members {
            if let Some(json_name) = m.traits.json_name.as_ref().filter(|j| **j != m.name) {
                return Err(Error::JsonNameConflict {
                    service: service.clone(),
                    member: format!("{id}${}", m.name),
                    json_name: json_name.clone(),
                });
            }
        }
    }
    Ok(())
}

/// Names the generated modules define or import themselves, by module.
const RESERVED_IN_ERROR: &[&str] = &[
    "BuildError",
    "ErrorDecoder",
    "ErrorMetadata",
    "ErrorRef",
    "ServiceError",
    "UnhandledError",
];
const RESERVED_IN_OPERATION: &[&str] = &["OfService", "SERVICE"];

/// Every generated item name must be unique within its module: `types` (types),
/// `types::builders` (builders), `error` (error enums) and `operation` (operation markers).
pub(super) fn collisions(service: &Service) -> Result<(), Error> {
    let mut types_module = Namespace::default();
    let mut builders_module = Namespace::default();
    for ty in &service.types {
        let owner = match ty {
            TypeRef::Struct(id) => format!("shape `{}`", service.structure(*id).shape_id),
            other => format!("shape `{}`", service.type_ident(*other)),
        };
        types_module.claim(service.type_ident(*ty), owner)?;
        if let TypeRef::Struct(id) = ty {
            let s = service.structure(*id);
            builders_module.claim(&s.builder, format!("the builder of `{}`", s.shape_id))?;
        }
    }
    let mut error_module = Namespace::default();
    let mut operation_module = Namespace::default();
    for op in &service.operations {
        error_module.claim(
            &op.error,
            format!("the error enum of operation `{}`", op.name),
        )?;
        operation_module.claim(
            &op.ident,
            format!("the marker type of operation `{}`", op.name),
        )?;
    }
    for (namespace, reserved) in [
        (&mut error_module, RESERVED_IN_ERROR),
        (&mut operation_module, RESERVED_IN_OPERATION),
    ] {
        for name in reserved {
            namespace.claim(
                &names::type_ident(name),
                format!("the generated item `{name}`"),
            )?;
        }
    }
    Ok(())
}

/// The names claimed in one generated module.
#[derive(Default)]
struct Namespace(BTreeMap<String, String>);

impl Namespace {
    fn claim(&mut self, ident: &Ident, owner: String) -> Result<(), Error> {
        match self.0.insert(ident.to_string(), owner.clone()) {
            Some(first) => Err(Error::NameCollision {
                first,
                second: owner,
                ident: ident.to_string(),
            }),
            None => Ok(()),
        }
    }
}
