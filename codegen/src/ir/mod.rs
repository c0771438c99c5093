//! The generator's intermediate representation: one service, resolved and named.
//!
//! Lowering ([`lower`]) decides everything that depends on the model: which shapes become which
//! Rust types, every identifier the generated code defines (types, builders, methods, variants,
//! constants; through [`crate::names`] only), nullability by Smithy's CLIENT rules, boxing of
//! recursive members, wire names, timestamp formats, defaults and docs. The IR is an arena: the
//! service owns every structure, enum, union and operation, and they refer to one another by
//! typed index ([`StructId`], [`EnumId`], [`UnionId`], [`OperationId`]). Emitters only read
//! it: they see no `model` type and derive no name.

mod lower;
mod operation;
mod recursion;
mod types;

use proc_macro2::Ident;

pub use lower::lower;
pub use operation::*;
pub use types::*;

/// A service, ready to emit.
#[derive(Clone, Debug)]
pub struct Service {
    /// The service shape id (`ns#Name`).
    pub id: String,
    /// `aws.api#service` sdkId, or the shape name.
    pub sdk_id: String,
    /// The generated crate's package name.
    pub crate_name: String,
    /// The server trait of the `server` module (`GameLiftServer`).
    pub server_trait: Ident,
    /// The field of an input builder that holds the client's sender (`__sender`).
    pub builder_sender: Ident,
    /// The service version.
    pub version: String,
    /// The protocol that decides member keys and HTTP bindings: the first of `protocols`.
    pub protocol: Protocol,
    /// The supported protocols the service lists, the client's default first.
    pub protocols: Vec<Protocol>,
    /// The service shape's documentation.
    pub docs: Option<String>,
    /// The service shape's name (the awsJson `X-Amz-Target` prefix).
    pub shape_name: String,
    /// The SigV4 signing name, when the service is signed.
    pub signing_name: Option<String>,
    /// The endpoint prefix (`aws.api#service` endpointPrefix, else the signing name, else the
    /// lowercased sdkId).
    pub endpoint_prefix: String,
    /// `aws.protocols#awsQueryCompatible`.
    pub query_compatible: bool,
    /// The endpoint rule set (`smithy.rules#endpointRuleSet` or `endpointBdd`) as JSON text,
    /// which clients resolve endpoints with.
    pub endpoint_rules: Option<String>,
    /// The structures ([`StructId`] indexes them).
    pub structs: Vec<Struct>,
    /// The string and int enums ([`EnumId`] indexes them).
    pub enums: Vec<Enum>,
    /// The unions ([`UnionId`] indexes them).
    pub unions: Vec<Union>,
    /// Every named type, in name order: the order the `types` module defines them in.
    pub types: Vec<TypeRef>,
    /// Operations in name order ([`OperationId`] indexes them).
    pub operations: Vec<Operation>,
    /// Operations of the model that the crate leaves out, in name order.
    pub omitted: Vec<Omitted>,
    /// Waiters of the model that the crate leaves out, in operation and waiter order.
    pub omitted_waiters: Vec<OmittedWaiter>,
}

impl Service {
    /// The structure `id`.
    pub fn structure(&self, id: StructId) -> &Struct {
        &self.structs[id.0]
    }

    /// The enum `id`.
    pub fn enumeration(&self, id: EnumId) -> &Enum {
        &self.enums[id.0]
    }

    /// The union `id`.
    pub fn union(&self, id: UnionId) -> &Union {
        &self.unions[id.0]
    }

    /// The operation `id`.
    pub fn operation(&self, id: OperationId) -> &Operation {
        &self.operations[id.0]
    }

    /// The identifier of the named type `ty`.
    pub fn type_ident(&self, ty: TypeRef) -> &Ident {
        match ty {
            TypeRef::Struct(id) => &self.structure(id).ident,
            TypeRef::Enum(id) => &self.enumeration(id).ident,
            TypeRef::Union(id) => &self.union(id).ident,
        }
    }

    /// The static of validation rules of the structure or union `ty` (enums have none).
    pub fn rules_ident(&self, ty: TypeRef) -> Option<&Ident> {
        match ty {
            TypeRef::Struct(id) => Some(&self.structure(id).rules),
            TypeRef::Union(id) => Some(&self.union(id).rules),
            TypeRef::Enum(_) => None,
        }
    }

    /// The field a member step reaches.
    pub fn field(&self, step: FieldRef) -> &Field {
        &self.structure(step.owner).fields[step.field]
    }

    /// The operations, each with its id.
    pub fn operation_ids(&self) -> impl Iterator<Item = (OperationId, &Operation)> {
        self.operations
            .iter()
            .enumerate()
            .map(|(i, op)| (OperationId(i), op))
    }
}

/// The index of a structure in [`Service::structs`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StructId(pub(crate) usize);

/// The index of an enum in [`Service::enums`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EnumId(pub(crate) usize);

/// The index of a union in [`Service::unions`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnionId(pub(crate) usize);

/// The index of an operation in [`Service::operations`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OperationId(pub(crate) usize);

/// A named type: a structure, an enum or a union.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TypeRef {
    /// A structure.
    Struct(StructId),
    /// A string or int enum.
    Enum(EnumId),
    /// A union.
    Union(UnionId),
}

/// A field of a structure: the structure and the field's index in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldRef {
    /// The structure.
    pub owner: StructId,
    /// The field's index in [`Struct::fields`].
    pub field: usize,
}

/// A protocol the generated crate speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Protocol {
    /// `aws.protocols#awsJson1_0`.
    AwsJson1_0,
    /// `aws.protocols#awsJson1_1`.
    AwsJson1_1,
    /// `aws.protocols#restJson1`.
    RestJson1,
    /// `smithy.protocols#rpcv2Cbor`.
    RpcV2Cbor,
}

impl Protocol {
    /// The protocol trait's name, as models write it (`awsJson1_1`).
    pub fn trait_name(self) -> &'static str {
        match self {
            Protocol::AwsJson1_0 => "awsJson1_0",
            Protocol::AwsJson1_1 => "awsJson1_1",
            Protocol::RestJson1 => "restJson1",
            Protocol::RpcV2Cbor => "rpcv2Cbor",
        }
    }
}
