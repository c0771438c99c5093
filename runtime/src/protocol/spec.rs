//! Static descriptions of a service and its operations, emitted by the generator.
//!
//! The protocol codecs ([`super`]) interpret these tables; generated code carries only data.
//! Values travel between typed Rust values and HTTP messages through their serde JSON form
//! (a `serde_json::Value` object keyed as the body would be: member names, or `jsonName` under
//! restJson1). A [`MemberSpec`] says where a member goes instead of the body and what kind of
//! value it is, so that the codec can format it for that location.

use crate::datetime::Format;

/// The wire protocol of a service.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Protocol {
    /// `aws.protocols#awsJson1_0`.
    AwsJson1_0,
    /// `aws.protocols#awsJson1_1`.
    AwsJson1_1,
    /// `aws.protocols#restJson1`.
    RestJson1,
}

/// A service, as the protocols and the client need it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ServiceSpec {
    /// The service shape's name (`GameLift`): the `X-Amz-Target` prefix of awsJson.
    pub shape_name: &'static str,
    /// `aws.api#service` sdkId (`GameLift`).
    pub sdk_id: &'static str,
    /// The API version.
    pub version: &'static str,
    /// The wire protocol.
    pub protocol: Protocol,
    /// SigV4 signing name (`aws.auth#sigv4`), if the service is signed.
    pub signing_name: Option<&'static str>,
    /// Endpoint prefix for `https://{prefix}.{region}.amazonaws.com` (`aws.api#service`
    /// endpointPrefix, else the signing name, else the lowercased sdkId).
    pub endpoint_prefix: &'static str,
    /// `aws.protocols#awsQueryCompatible`: requests carry `x-amzn-query-mode: true`.
    pub query_compatible: bool,
}

/// An operation, as the protocols need it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OperationSpec {
    /// The operation shape's name (`CreateGame`).
    pub name: &'static str,
    /// The `@http` trait (restJson1 routing); awsJson ignores it.
    pub http: HttpSpec,
    /// Input members bound outside the JSON body (restJson1), plus the idempotency token.
    pub input: &'static [MemberSpec],
    /// Output members bound outside the JSON body (restJson1).
    pub output: &'static [MemberSpec],
    /// Whether the input has members that go in the body (restJson1 empty-body rules).
    pub input_has_body: bool,
    /// Whether the output has members that go in the body.
    pub output_has_body: bool,
    /// The JSON key of the `@idempotencyToken` input member, filled when unset.
    pub idempotency_token: Option<&'static str>,
    /// The `@endpoint` trait's host prefix, with each `{Label}` naming the JSON key of the
    /// `@hostLabel` input member it is filled from (`foo.{label}.`).
    pub host_prefix: Option<&'static str>,
    /// `@httpChecksumRequired`: the client sends `Content-MD5`.
    pub checksum_required: bool,
    /// `@requestCompression` lists `gzip`: the client may gzip the body.
    pub gzip: bool,
    /// The operation's modeled errors (service-level ones included).
    pub errors: &'static [ErrorSpec],
}

/// The `@http` trait.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HttpSpec {
    /// Method (`POST`).
    pub method: &'static str,
    /// URI pattern (`/game/{GameName}/stage/{StageName+}?op=x`).
    pub uri: &'static str,
    /// Success status code.
    pub code: u16,
}

/// Where one member goes, and what kind of value it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MemberSpec {
    /// The member's key in the serde JSON form of its structure.
    pub key: &'static str,
    /// Its HTTP location.
    pub location: Location,
    /// The kind of value, for formatting it in that location.
    pub value: ValueKind,
}

/// HTTP locations of restJson1 bindings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Location {
    /// In the JSON body (listed only for the idempotency token's sake).
    Body,
    /// `@httpLabel`: the URI label naming the member (`{Name}` or `{Name+}`); the member name,
    /// which differs from [`MemberSpec::key`] when the member has a `@jsonName`.
    Label(&'static str),
    /// `@httpQuery("name")`.
    Query(&'static str),
    /// `@httpQueryParams`: a map of further query parameters.
    QueryParams,
    /// `@httpHeader("Name")`.
    Header(&'static str),
    /// `@httpPrefixHeaders("prefix")`: a map of headers.
    PrefixHeaders(&'static str),
    /// `@httpPayload`: the whole body; `media_type` is the member's `@mediaType`.
    Payload {
        /// `@mediaType` of the payload shape, if any.
        media_type: Option<&'static str>,
    },
    /// `@httpResponseCode`: the HTTP status.
    ResponseCode,
}

/// Kinds of values, as far as HTTP formatting cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    /// A string or string enum.
    String,
    /// A string with `@mediaType` (JSON, say) bound to a header, where it travels in base64.
    MediaTypeString,
    /// A boolean.
    Boolean,
    /// An integer of any width, or an intEnum.
    Integer,
    /// A float or double (`NaN`/`Infinity` as strings in JSON).
    Float,
    /// A timestamp: `json` is its format in the serde JSON form; `explicit` is the member's
    /// `@timestampFormat`, which also applies in headers, labels and query strings.
    Timestamp {
        /// Format of the JSON form.
        json: Format,
        /// The member's explicit format, if any.
        explicit: Option<Format>,
    },
    /// A blob (base64 in JSON and headers, raw bytes as a payload).
    Blob,
    /// A document (payload only).
    Document,
    /// A structure (payload only).
    Structure,
    /// A union (payload only).
    Union,
    /// A list of scalars of the given kind (headers, query).
    List(&'static ValueKind),
    /// A map of strings or string lists (prefix headers, query params).
    Map(&'static ValueKind),
}

/// A modeled error of an operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ErrorSpec {
    /// The error code (the error shape's name).
    pub code: &'static str,
    /// The HTTP status the service answers it with.
    pub status: u16,
    /// `@retryable`.
    pub retryable: bool,
    /// `@retryable(throttling: true)`.
    pub throttling: bool,
    /// Members bound outside the body (`@httpHeader`, `@httpPrefixHeaders`; restJson1).
    pub members: &'static [MemberSpec],
}
