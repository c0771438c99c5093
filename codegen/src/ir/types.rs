//! The named types of the IR: structures (with their fields), enums and unions, and the types
//! of values.

use proc_macro2::Ident;

use super::{OperationId, TypeRef};

/// A structure.
#[derive(Clone, Debug)]
pub struct Struct {
    /// The shape id (`ns#Name`; an operation's id for a synthesized input or output).
    pub shape_id: String,
    /// The shape's name (as the model writes it, before any service `rename`).
    pub shape_name: String,
    /// The type identifier.
    pub ident: Ident,
    /// The builder's identifier (`CreateGameInputBuilder`).
    pub builder: Ident,
    /// The static of its validation rules in the `server` module (`RULES_CREATE_GAME_INPUT`).
    pub rules: Ident,
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
    /// The operations whose input this is, in name order. An operation's input is never
    /// error-corrected (a missing required member stays an error for whoever reads it).
    pub input_of: Vec<OperationId>,
    /// For an operation's output: the private field that holds what the response said beside
    /// the members (its request id), for `smithy_runtime::operation::RequestId`.
    pub response_metadata: Option<Ident>,
}

impl Struct {
    /// Whether the structure is some operation's input.
    pub fn is_operation_input(&self) -> bool {
        !self.input_of.is_empty()
    }
}

/// What makes a structure an error.
#[derive(Clone, Debug)]
pub struct ErrorInfo {
    /// The wire code (the shape name).
    pub code: String,
    /// The HTTP status.
    pub status: u16,
    /// The index of the field holding the message, if the error has one.
    pub message_field: Option<usize>,
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
    /// The builder's setter (`game_name`; `build_value` for a member named `build`).
    pub setter: Ident,
    /// The builder's `Option` setter (`set_game_name`).
    pub set_fn: Ident,
    /// The structure's getter, for an optional list: a slice, empty when unset (`player_ids`).
    pub getter: Option<Ident>,
    /// The value's type (without `Option`/`Box`).
    pub ty: RustType,
    /// Wrapped in `Option`.
    pub optional: bool,
    /// Wrapped in `Box` (recursive).
    pub boxed: bool,
    /// `@required`: builders insist on it.
    pub required: bool,
    /// The `@default` value, when the member has a non-null one that Rust can express.
    pub default: Option<FieldDefault>,
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

/// A member's `@default`, as the generated code writes it.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldDefault {
    /// The value.
    pub value: DefaultValue,
    /// Whether the value is the type's `Default::default()` (`false`, `0`, `""`, empty).
    pub zero: bool,
    /// The function returning the value, for a value that is not zero (`default_retries`).
    pub function: Ident,
}

/// A `@default` value that Rust can express for its member's type.
#[derive(Clone, Debug, PartialEq)]
pub enum DefaultValue {
    /// A boolean.
    Bool(bool),
    /// A string.
    String(String),
    /// An integer (of any integer type).
    Int(i64),
    /// A float or double.
    Float(f64),
    /// A timestamp, in seconds since the epoch.
    Timestamp(f64),
    /// A blob, as base64 text.
    Blob(String),
    /// A document.
    Document(Document),
    /// A string enum's value.
    EnumString(String),
    /// An int enum's value.
    EnumInt(i32),
    /// An empty list or map.
    Empty,
}

/// A document value (a `@default` of a document member).
#[derive(Clone, Debug, PartialEq)]
pub enum Document {
    /// `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A number that is not an `i64`.
    Float(f64),
    /// A string.
    String(String),
    /// A list.
    List(Vec<Document>),
    /// An object, in model order.
    Map(Vec<(String, Document)>),
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
    pub shape: Option<TypeRef>,
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
    /// The static of its validation rules in the `server` module.
    pub rules: Ident,
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

/// A timestamp format (`@timestampFormat`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimestampFormat {
    /// RFC 3339 `date-time`.
    DateTime,
    /// RFC 7231 IMF-fixdate.
    HttpDate,
    /// Seconds since the epoch, with optional fraction.
    EpochSeconds,
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
    Named(TypeRef),
    /// A list; `true` when sparse (elements are `Option`).
    List(Box<RustType>, bool),
    /// A map with string keys of the given type; `true` when sparse.
    Map(Box<RustType>, Box<RustType>, bool),
}
