//! Static descriptions of a service and its operations, emitted by the generator.
//!
//! The protocols ([`super::Protocol`]) interpret these tables; generated code carries only
//! data. A [`MemberSpec`] says where a member goes instead of the body (restJson1) and what
//! kind of value it is, so that the protocol can format it for that location; members are
//! named by their key in the structure's serde form (member names, or `jsonName` under
//! restJson1).

use std::fmt;

use super::Protocol;
use crate::datetime::Format;

/// A service, as the protocols and the client need it.
#[derive(Clone, Copy)]
pub struct ServiceSpec {
    /// The service shape's name (`GameLift`): the `X-Amz-Target` prefix of awsJson.
    pub shape_name: &'static str,
    /// `aws.api#service` sdkId (`GameLift`).
    pub sdk_id: &'static str,
    /// The API version.
    pub version: &'static str,
    /// The protocols the service speaks; a client sends the first unless configured
    /// otherwise, a server answers on all of them.
    pub protocols: &'static [&'static dyn Protocol],
    /// SigV4 signing name (`aws.auth#sigv4`), if the service is signed.
    pub signing_name: Option<&'static str>,
    /// Endpoint prefix for `https://{prefix}.{region}.amazonaws.com` (`aws.api#service`
    /// endpointPrefix, else the signing name, else the lowercased sdkId).
    pub endpoint_prefix: &'static str,
    /// `aws.protocols#awsQueryCompatible`: requests carry `x-amzn-query-mode: true`.
    pub query_compatible: bool,
    /// The `smithy.rules#endpointRuleSet` clients resolve endpoints with; without one, the
    /// endpoint is `https://{endpoint_prefix}.{region}.{partition's DNS suffix}`.
    #[cfg(feature = "client")]
    pub endpoint_rules: Option<&'static crate::endpoint::EndpointRules>,
}

impl ServiceSpec {
    /// The protocol a client sends by default: the first listed.
    pub fn default_protocol(&self) -> Option<&'static dyn Protocol> {
        self.protocols.first().copied()
    }

    /// The listed protocol named `name` (`rpcv2Cbor`).
    pub fn protocol_named(&self, name: &str) -> Option<&'static dyn Protocol> {
        self.protocols.iter().copied().find(|p| p.name() == name)
    }

    /// The names of the listed protocols, comma-separated (for messages).
    pub fn protocol_names(&self) -> String {
        let names: Vec<&str> = self.protocols.iter().map(|p| p.name()).collect();
        names.join(", ")
    }
}

impl PartialEq for ServiceSpec {
    fn eq(&self, other: &Self) -> bool {
        let names = |s: &ServiceSpec| s.protocols.iter().map(|p| p.name()).collect::<Vec<_>>();
        self.shape_name == other.shape_name
            && self.sdk_id == other.sdk_id
            && self.version == other.version
            && names(self) == names(other)
            && self.signing_name == other.signing_name
            && self.endpoint_prefix == other.endpoint_prefix
            && self.query_compatible == other.query_compatible
    }
}

impl Eq for ServiceSpec {}

impl fmt::Debug for ServiceSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ServiceSpec")
            .field("shape_name", &self.shape_name)
            .field("sdk_id", &self.sdk_id)
            .field("version", &self.version)
            .field("protocols", &self.protocol_names())
            .field("signing_name", &self.signing_name)
            .field("endpoint_prefix", &self.endpoint_prefix)
            .field("query_compatible", &self.query_compatible)
            .finish()
    }
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
    /// Whether the model's input is `smithy.api#Unit` (rpcv2Cbor then sends no body).
    pub input_unit: bool,
    /// Whether the model's output is `smithy.api#Unit` (rpcv2Cbor then answers no body).
    pub output_unit: bool,
    /// The key of the `@idempotencyToken` input member, filled when unset.
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
    /// How a server validates the input (`None`: not validated). Feature `server`.
    #[cfg(feature = "server")]
    pub validation: Option<&'static crate::validate::Validation>,
    /// The endpoint rule-set parameters the operation sets (`@staticContextParams`,
    /// `@contextParam`, `@operationContextParams`).
    #[cfg(feature = "client")]
    pub endpoint_params: &'static [crate::endpoint::ParamBinding],
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
    /// The error shape's id (`ns#Name`): what awsJson and rpcv2Cbor servers write in `__type`.
    pub shape_id: &'static str,
    /// `aws.protocols#awsQueryError` as the `x-amzn-query-error` header value (`Code;Sender`),
    /// which servers of `@awsQueryCompatible` services send.
    pub query_error: Option<&'static str>,
}
