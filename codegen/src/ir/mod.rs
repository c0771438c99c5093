//! The generator's intermediate representation: one service, resolved and named.
//!
//! Lowering ([`lower`]) decides everything that depends on the model: which shapes become which
//! Rust types, identifiers (through [`crate::names`] only), nullability by Smithy's CLIENT rules,
//! boxing of recursive members, wire names, timestamp formats and docs. Emitters only read it.

mod lower;
mod recursion;

use proc_macro2::Ident;
use serde_json::Value;

use crate::model::{Protocol, ShapeId, TimestampFormat};

pub use lower::lower;

/// A service, ready to emit.
#[derive(Clone, Debug)]
pub struct Service {
    /// The service shape id.
    pub id: ShapeId,
    /// `aws.api#service` sdkId, or the shape name.
    pub sdk_id: String,
    /// The generated crate's package name.
    pub crate_name: String,
    /// The server trait of the `server` module (`GameLiftServer`).
    pub server_trait: Ident,
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
    /// The endpoint rule set (`smithy.rules#endpointRuleSet` or `endpointBdd`) as compact JSON
    /// text, which clients resolve endpoints with.
    pub endpoint_rules: Option<String>,
    /// Operations in name order.
    pub operations: Vec<Operation>,
    /// Named types (structures, unions, enums) in name order.
    pub types: Vec<TypeDef>,
    /// Operations of the model that the crate leaves out, in name order.
    pub omitted: Vec<Omitted>,
}

/// An operation the generated crate leaves out, and why.
#[derive(Clone, Debug)]
pub struct Omitted {
    /// The operation's name in the service.
    pub name: String,
    /// Why, as a sentence fragment (`its output member \`stream\` is an event stream`).
    pub reason: String,
}

/// An operation.
#[derive(Clone, Debug)]
pub struct Operation {
    /// The operation's name in the service.
    pub name: String,
    /// Method-style identifier (`create_game`).
    pub fn_ident: Ident,
    /// Type identifier (`CreateGame`).
    pub ident: Ident,
    /// The input structure's type.
    pub input: Ident,
    /// The output structure's type.
    pub output: Ident,
    /// The operation's error enum (`CreateGameError`).
    pub error: Ident,
    /// Errors (service-level ones included), in name order.
    pub errors: Vec<ErrorRef>,
    /// Documentation.
    pub docs: Option<String>,
    /// The `@http` trait (`POST /` when absent, as awsJson uses).
    pub http: Http,
    /// The `@endpoint` host prefix, each `{Label}` renamed to the JSON key of its
    /// `@hostLabel` input member.
    pub host_prefix: Option<String>,
    /// `@httpChecksumRequired`.
    pub checksum_required: bool,
    /// `@requestCompression` lists `gzip`.
    pub gzip: bool,
    /// `@paginated` (merged over the service's), when it names both tokens.
    pub paginator: Option<Paginator>,
    /// The operation's waiters (`smithy.waiters#waitable`), in name order.
    pub waiters: Vec<Waiter>,
    /// The endpoint rule-set parameters the operation binds, in parameter-name order.
    pub endpoint_params: Vec<EndpointParam>,
}

/// How an operation binds an endpoint rule-set parameter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EndpointParam {
    /// `@staticContextParams`: a constant.
    Static {
        /// The parameter.
        name: String,
        /// Its value.
        value: StaticParamValue,
    },
    /// `@contextParam`: an input member's value.
    Member {
        /// The parameter.
        name: String,
        /// The member's key in the input's serde JSON form.
        key: String,
    },
    /// `@operationContextParams`: a JMESPath expression over the input.
    Path {
        /// The parameter.
        name: String,
        /// The expression.
        path: String,
    },
}

/// A `@staticContextParams` value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StaticParamValue {
    /// A boolean.
    Bool(bool),
    /// A string.
    String(String),
    /// An array of strings.
    StringArray(Vec<String>),
}

/// A waiter of an operation: polls it until an acceptor decides.
#[derive(Clone, Debug)]
pub struct Waiter {
    /// The waiter's name (`FleetActive`).
    pub name: String,
    /// The client method (`wait_until_fleet_active`).
    pub fn_ident: Ident,
    /// The static describing it in the `waiters` module (`FLEET_ACTIVE`).
    pub static_ident: Ident,
    /// Documentation.
    pub docs: Option<String>,
    /// Deprecated waiter.
    pub deprecated: bool,
    /// Minimum delay between attempts, in seconds.
    pub min_delay: u64,
    /// Maximum delay between attempts, in seconds.
    pub max_delay: u64,
    /// The acceptors, in order (their paths checked by the loader).
    pub acceptors: Vec<crate::model::Acceptor>,
}

/// Where a paginated operation keeps its tokens, page size and items: Smithy member names,
/// which the emitters resolve to the fields of the input and output structures.
#[derive(Clone, Debug)]
pub struct Paginator {
    /// The input member of the continuation token (`inputToken`).
    pub input_token: String,
    /// The output member path of the next token (`outputToken`).
    pub output_token: Vec<String>,
    /// The output member path of the items (`items`), if any.
    pub items: Option<Vec<String>>,
    /// The input member limiting the page size (`pageSize`), if any.
    pub page_size: Option<String>,
}

/// The `@http` trait of an operation.
#[derive(Clone, Debug)]
pub struct Http {
    /// Method.
    pub method: String,
    /// URI pattern.
    pub uri: String,
    /// Success status code.
    pub code: u16,
}

/// An error an operation can return.
#[derive(Clone, Debug)]
pub struct ErrorRef {
    /// The wire error code: the error shape's name.
    pub code: String,
    /// The error structure's type identifier (also the variant name); its `SPEC` carries the
    /// status and retry traits.
    pub ident: Ident,
}

/// A named Rust type generated from a shape.
#[derive(Clone, Debug)]
pub enum TypeDef {
    /// A structure.
    Struct(Struct),
    /// A string or int enum.
    Enum(Enum),
    /// A union.
    Union(Union),
}

impl TypeDef {
    /// The type's identifier.
    pub fn ident(&self) -> &Ident {
        match self {
            TypeDef::Struct(s) => &s.ident,
            TypeDef::Enum(e) => &e.ident,
            TypeDef::Union(u) => &u.ident,
        }
    }
}

/// A structure.
#[derive(Clone, Debug)]
pub struct Struct {
    /// The shape id.
    pub shape: ShapeId,
    /// The type identifier.
    pub ident: Ident,
    /// The builder's identifier (`CreateGameInputBuilder`).
    pub builder: Ident,
    /// Fields in model order.
    pub fields: Vec<Field>,
    /// Documentation.
    pub docs: Option<String>,
    /// The whole structure is `@sensitive`.
    pub sensitive: bool,
    /// Set when the structure is an `@error`.
    pub error: Option<ErrorInfo>,
    /// A synthesized empty input or output (the operation had none).
    pub synthetic: bool,
    /// An operation's input: its members are never error-corrected (a missing required
    /// member stays an error for whoever reads it).
    pub operation_input: bool,
}

/// What makes a structure an error.
#[derive(Clone, Debug)]
pub struct ErrorInfo {
    /// The wire code (the shape name).
    pub code: String,
    /// `client` or `server` fault.
    pub fault: crate::model::ErrorFault,
    /// The HTTP status.
    pub status: u16,
    /// The field holding the message, if the error has one.
    pub message_field: Option<Ident>,
    /// `@retryable`.
    pub retryable: bool,
    /// `@retryable(throttling: true)`.
    pub throttling: bool,
    /// The error shape's id (`ns#Name`), which awsJson and rpcv2Cbor servers write in `__type`.
    pub shape_id: String,
    /// `aws.protocols#awsQueryError` as the `x-amzn-query-error` value (`Code;Sender`).
    pub query_error: Option<String>,
}

/// A structure field.
#[derive(Clone, Debug)]
pub struct Field {
    /// The Smithy member name.
    pub member: String,
    /// The key used in JSON bodies (member name, or `jsonName` under restJson1).
    pub json_name: String,
    /// The Rust field identifier.
    pub ident: Ident,
    /// The value's type (without `Option`/`Box`).
    pub ty: RustType,
    /// Wrapped in `Option`.
    pub optional: bool,
    /// Wrapped in `Box` (recursive).
    pub boxed: bool,
    /// `@required`: builders insist on it.
    pub required: bool,
    /// The `@default` value, when the member has a non-null one.
    pub default: Option<Value>,
    /// The value is `@sensitive` (redacted in `Debug`).
    pub sensitive: bool,
    /// Documentation (the member's, else its target's).
    pub docs: Option<String>,
    /// `@deprecated` message, if deprecated.
    pub deprecated: Option<String>,
    /// Where the member travels over HTTP (always the body under the awsJson protocols).
    pub binding: Binding,
    /// `@idempotencyToken`: filled with a fresh token when unset.
    pub idempotency_token: bool,
    /// The target is a `@streaming` blob, which the crate buffers whole.
    pub streaming: bool,
    /// The target string's `@mediaType`, if any (such a string travels in base64 in headers).
    pub media_type: Option<String>,
    /// The constraints a server checks on the value.
    pub constraints: Constraints,
}

/// The constraint traits of a value (the member's and its target's), for server validation.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Constraints {
    /// `@length` bounds.
    pub length: Option<(Option<u64>, Option<u64>)>,
    /// `@range` bounds, as modelled.
    pub range: Option<(Option<String>, Option<String>)>,
    /// `@pattern`.
    pub pattern: Option<String>,
    /// The values of a string enum, in model order: those violation messages list, and the
    /// `@internal` ones (accepted, never listed).
    pub enum_values: Option<(Vec<String>, Vec<String>)>,
    /// The values of an intEnum.
    pub int_enum_values: Option<Vec<i64>>,
    /// `@uniqueItems`.
    pub unique: bool,
    /// The value is a blob.
    pub blob: bool,
    /// A list's element, or a map's value.
    pub element: Option<Box<Constraints>>,
    /// A map's key.
    pub key: Option<Box<Constraints>>,
    /// The structure or union the value is.
    pub shape: Option<Ident>,
}

/// HTTP binding of a member (restJson1).
#[derive(Clone, Debug, PartialEq)]
pub enum Binding {
    /// The JSON body.
    Body,
    /// `@httpLabel`.
    Label,
    /// `@httpQuery("name")`.
    Query(String),
    /// `@httpQueryParams`.
    QueryParams,
    /// `@httpHeader("Name")`.
    Header(String),
    /// `@httpPrefixHeaders("prefix")`.
    PrefixHeaders(String),
    /// `@httpPayload`, with the target's `@mediaType`.
    Payload(Option<String>),
    /// `@httpResponseCode`.
    ResponseCode,
}

/// A string or integer enum; open (unknown values are kept).
#[derive(Clone, Debug)]
pub struct Enum {
    /// The type identifier.
    pub ident: Ident,
    /// `intEnum` (values are integers).
    pub int: bool,
    /// Known values in model order.
    pub variants: Vec<Variant>,
    /// Documentation.
    pub docs: Option<String>,
    /// `@sensitive`.
    pub sensitive: bool,
}

/// A known enum value.
#[derive(Clone, Debug)]
pub struct Variant {
    /// The Rust variant identifier.
    pub ident: Ident,
    /// The wire value (the integer as text for intEnums).
    pub value: String,
    /// Documentation.
    pub docs: Option<String>,
    /// `@deprecated`.
    pub deprecated: bool,
}

/// A union: exactly one member is set.
#[derive(Clone, Debug)]
pub struct Union {
    /// The type identifier.
    pub ident: Ident,
    /// Members in model order.
    pub members: Vec<UnionMember>,
    /// Documentation.
    pub docs: Option<String>,
    /// `@sensitive`.
    pub sensitive: bool,
}

/// A union member.
#[derive(Clone, Debug)]
pub struct UnionMember {
    /// The Smithy member name.
    pub member: String,
    /// The JSON key (member name, or `jsonName` under restJson1).
    pub json_name: String,
    /// The variant identifier.
    pub ident: Ident,
    /// The value type.
    pub ty: RustType,
    /// Boxed (recursive).
    pub boxed: bool,
    /// Documentation.
    pub docs: Option<String>,
    /// The constraints a server checks on the value.
    pub constraints: Constraints,
}

/// A value type.
#[derive(Clone, Debug, PartialEq)]
pub enum RustType {
    /// `String`.
    String,
    /// `bool`.
    Bool,
    /// `i8`.
    I8,
    /// `i16`.
    I16,
    /// `i32`.
    I32,
    /// `i64`.
    I64,
    /// `i128` (bigInteger).
    I128,
    /// `f32`.
    F32,
    /// `f64` (double and bigDecimal).
    F64,
    /// A timestamp with its explicit `@timestampFormat` (member's, else target's), if any;
    /// without one, JSON bodies use epoch-seconds.
    Timestamp(Option<TimestampFormat>),
    /// A blob.
    Blob,
    /// A document.
    Document,
    /// `smithy.api#Unit` (a union member without data).
    Unit,
    /// A generated type.
    Named(Ident),
    /// A list; `true` when sparse (elements are `Option`).
    List(Box<RustType>, bool),
    /// A map with string keys of the given type; `true` when sparse.
    Map(Box<RustType>, Box<RustType>, bool),
}

/// Whether a `@default` value can be written as a Rust expression for this type. Unsupported
/// defaults (non-empty lists and maps, values of the wrong kind) leave the member optional.
pub fn default_supported(ty: &RustType, value: &Value) -> bool {
    match (ty, value) {
        (RustType::Bool, Value::Bool(_)) | (RustType::String, Value::String(_)) => true,
        (RustType::Named(_), Value::String(_)) => true,
        (RustType::Named(_), Value::Number(n)) => {
            n.as_i64().is_some_and(|n| i32::try_from(n).is_ok())
        }
        (RustType::F32 | RustType::F64, Value::Number(_)) => true,
        (
            RustType::I8 | RustType::I16 | RustType::I32 | RustType::I64 | RustType::I128,
            Value::Number(n),
        ) => n.is_i64(),
        (RustType::Timestamp(_), Value::Number(n)) => n.as_f64().is_some_and(f64::is_finite),
        (RustType::Blob, Value::String(_)) | (RustType::Document, _) => true,
        (RustType::List(..), Value::Array(a)) => a.is_empty(),
        (RustType::Map(..), Value::Object(o)) => o.is_empty(),
        _ => false,
    }
}
