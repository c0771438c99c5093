//! Typed traits: every trait the generator interprets has a field here; any other trait is kept
//! verbatim in [`Traits::other`].

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

use super::ast::RawTraits;
use super::waiters::Waiter;
use super::ShapeId;

mod read;

/// The traits of a shape or member.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Traits {
    /// `smithy.api#documentation`: CommonMark/HTML text.
    pub documentation: Option<String>,
    /// `smithy.api#title`.
    pub title: Option<String>,
    /// `smithy.api#required`.
    pub required: bool,
    /// `smithy.api#default`; `Some(Value::Null)` is an explicit "no default".
    pub default: Option<Value>,
    /// `smithy.api#clientOptional`.
    pub client_optional: bool,
    /// `smithy.api#addedDefault`.
    pub added_default: bool,
    /// `smithy.api#input`.
    pub input: bool,
    /// `smithy.api#output`.
    pub output: bool,
    /// `smithy.api#sparse`.
    pub sparse: bool,
    /// `smithy.api#sensitive`.
    pub sensitive: bool,
    /// `smithy.api#internal`.
    pub internal: bool,
    /// `smithy.api#unitType`.
    pub unit_type: bool,
    /// `smithy.api#box` (IDL 1.0).
    pub boxed: bool,
    /// `smithy.api#tags`.
    pub tags: Vec<String>,
    /// `smithy.api#deprecated`.
    pub deprecated: Option<Deprecated>,
    /// `smithy.api#length`.
    pub length: Option<Length>,
    /// `smithy.api#range`.
    pub range: Option<Range>,
    /// `smithy.api#pattern` (an ECMA-262 regex, not anchored).
    pub pattern: Option<String>,
    /// `smithy.api#uniqueItems` (also implied by IDL 1.0 `set`).
    pub unique_items: bool,
    /// `smithy.api#enumValue` on enum and intEnum members.
    pub enum_value: Option<EnumValue>,
    /// `smithy.api#enum`, the IDL 1.0 form of an enum on a string shape.
    pub legacy_enum: Option<Vec<EnumDefinition>>,
    /// `smithy.api#error`.
    pub error: Option<ErrorFault>,
    /// `smithy.api#httpError`.
    pub http_error: Option<u16>,
    /// `smithy.api#retryable`.
    pub retryable: Option<Retryable>,
    /// `smithy.api#readonly`.
    pub readonly: bool,
    /// `smithy.api#idempotent`.
    pub idempotent: bool,
    /// `smithy.api#idempotencyToken`.
    pub idempotency_token: bool,
    /// `smithy.api#paginated` (operation or service level).
    pub paginated: Option<Paginated>,
    /// `smithy.api#timestampFormat`.
    pub timestamp_format: Option<TimestampFormat>,
    /// `smithy.api#jsonName`.
    pub json_name: Option<String>,
    /// `smithy.api#mediaType`.
    pub media_type: Option<String>,
    /// `smithy.api#http`.
    pub http: Option<Http>,
    /// `smithy.api#httpLabel`.
    pub http_label: bool,
    /// `smithy.api#httpQuery`: the query parameter name.
    pub http_query: Option<String>,
    /// `smithy.api#httpQueryParams`.
    pub http_query_params: bool,
    /// `smithy.api#httpHeader`: the header name.
    pub http_header: Option<String>,
    /// `smithy.api#httpPrefixHeaders`: the header prefix.
    pub http_prefix_headers: Option<String>,
    /// `smithy.api#httpPayload`.
    pub http_payload: bool,
    /// `smithy.api#httpResponseCode`.
    pub http_response_code: bool,
    /// `smithy.api#httpChecksumRequired`.
    pub http_checksum_required: bool,
    /// `smithy.api#requestCompression`.
    pub request_compression: Option<RequestCompression>,
    /// `smithy.api#streaming`.
    pub streaming: bool,
    /// `smithy.api#requiresLength`.
    pub requires_length: bool,
    /// `smithy.api#endpoint`.
    pub endpoint: Option<Endpoint>,
    /// `smithy.api#hostLabel`.
    pub host_label: bool,
    /// `smithy.api#mixin`.
    pub mixin: Option<Mixin>,
    /// `aws.api#service`.
    pub aws_service: Option<AwsService>,
    /// `aws.auth#sigv4`.
    pub sigv4: Option<SigV4>,
    /// Protocol traits on a service, in id order.
    pub protocols: Vec<Protocol>,
    /// `aws.protocols#awsQueryCompatible`.
    pub aws_query_compatible: bool,
    /// `aws.protocols#awsQueryError`.
    pub aws_query_error: Option<AwsQueryError>,
    /// `smithy.waiters#waitable`: waiter name → waiter, in name order.
    pub waitable: BTreeMap<String, Waiter>,
    /// The waiters of `smithy.waiters#waitable` whose definition does not read as a waiter:
    /// name → why.
    pub malformed_waiters: BTreeMap<String, String>,
    /// The rules engine's traits (`smithy.rules#endpointRuleSet`, context parameters).
    pub endpoints: super::endpoint_traits::EndpointTraits,
    /// Every trait not interpreted above, verbatim.
    pub other: BTreeMap<ShapeId, Value>,
    /// Every trait as the model gives it (the typed ones above included), by trait id: what
    /// [`Model::to_ast`](super::Model::to_ast) writes back out.
    pub raw: BTreeMap<ShapeId, Value>,
}

/// `smithy.api#deprecated`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deprecated {
    /// Why, and what to use instead.
    pub message: Option<String>,
    /// Since which version or date.
    pub since: Option<String>,
}

/// `smithy.api#length`: inclusive bounds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Length {
    /// Minimum length.
    pub min: Option<u64>,
    /// Maximum length.
    pub max: Option<u64>,
}

/// `smithy.api#range`: inclusive bounds, kept as the model's literal text (`2`, `2.2`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Range {
    /// Lower bound.
    pub min: Option<String>,
    /// Upper bound.
    pub max: Option<String>,
}

/// The value of an enum member: a string for `enum`, an integer for `intEnum`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum EnumValue {
    /// `enum` member value.
    String(String),
    /// `intEnum` member value.
    Int(i64),
}

/// One entry of the IDL 1.0 `smithy.api#enum` trait.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnumDefinition {
    /// The wire value.
    pub value: String,
    /// The symbolic name, when given.
    pub name: Option<String>,
    /// Documentation.
    pub documentation: Option<String>,
    /// Tags (`internal` hides the value from validation messages).
    #[serde(default)]
    pub tags: Vec<String>,
    /// Deprecated flag.
    #[serde(default)]
    pub deprecated: bool,
}

/// `smithy.api#error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ErrorFault {
    /// The caller's fault (default HTTP status 400).
    Client,
    /// The service's fault (default HTTP status 500).
    Server,
}

/// `smithy.api#retryable`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Retryable {
    /// A throttling error.
    #[serde(default)]
    pub throttling: bool,
}

/// `smithy.api#paginated`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Paginated {
    /// The input member carrying the continuation token.
    pub input_token: Option<String>,
    /// The output path of the next token (dotted).
    pub output_token: Option<String>,
    /// The output path of the paginated items (dotted).
    pub items: Option<String>,
    /// The input member limiting the page size.
    pub page_size: Option<String>,
}

impl Paginated {
    /// This operation-level value with the service-level value filling the keys it leaves unset.
    pub fn merged_over(&self, service: Option<&Paginated>) -> Paginated {
        let Some(s) = service else {
            return self.clone();
        };
        Paginated {
            input_token: self.input_token.clone().or_else(|| s.input_token.clone()),
            output_token: self.output_token.clone().or_else(|| s.output_token.clone()),
            items: self.items.clone().or_else(|| s.items.clone()),
            page_size: self.page_size.clone().or_else(|| s.page_size.clone()),
        }
    }
}

/// `smithy.api#timestampFormat`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
pub enum TimestampFormat {
    /// RFC 3339 `date-time`.
    #[serde(rename = "date-time")]
    DateTime,
    /// RFC 7231 IMF-fixdate.
    #[serde(rename = "http-date")]
    HttpDate,
    /// Seconds since the epoch, with optional fraction.
    #[serde(rename = "epoch-seconds")]
    EpochSeconds,
}

/// `smithy.api#http`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Http {
    /// HTTP method.
    pub method: String,
    /// URI pattern, with `{label}`/`{label+}` segments and an optional literal query.
    pub uri: String,
    /// Success status code.
    #[serde(default = "default_code")]
    pub code: u16,
}

fn default_code() -> u16 {
    200
}

/// `smithy.api#requestCompression`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestCompression {
    /// Supported encodings, in preference order.
    pub encodings: Vec<String>,
}

/// `smithy.api#endpoint`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Endpoint {
    /// Host prefix pattern such as `{Foo}.data.`.
    pub host_prefix: String,
}

/// `smithy.api#mixin`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Mixin {
    /// Traits that stay on the mixin and are not copied to users.
    #[serde(default)]
    pub local_traits: Vec<String>,
}

/// `aws.api#service`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AwsService {
    /// The SDK id (`GameLift`): the client name.
    pub sdk_id: String,
    /// ARN namespace.
    pub arn_namespace: Option<String>,
    /// Endpoint prefix (`gamelift`) for default endpoints.
    pub endpoint_prefix: Option<String>,
    /// CloudFormation name.
    pub cloud_formation_name: Option<String>,
    /// CloudTrail event source.
    pub cloud_trail_event_source: Option<String>,
    /// Documentation id.
    pub doc_id: Option<String>,
}

/// `aws.auth#sigv4`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SigV4 {
    /// Signing name.
    pub name: String,
}

/// A protocol trait on a service.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Protocol {
    /// `aws.protocols#awsJson1_0`.
    AwsJson1_0,
    /// `aws.protocols#awsJson1_1`.
    AwsJson1_1,
    /// `aws.protocols#restJson1`.
    RestJson1,
    /// `aws.protocols#restXml`.
    RestXml,
    /// `aws.protocols#awsQuery`.
    AwsQuery,
    /// `aws.protocols#ec2Query`.
    Ec2Query,
    /// `smithy.protocols#rpcv2Cbor`.
    RpcV2Cbor,
}

impl Protocol {
    /// The trait id's name part, as written in models.
    pub fn trait_name(self) -> &'static str {
        match self {
            Protocol::AwsJson1_0 => "awsJson1_0",
            Protocol::AwsJson1_1 => "awsJson1_1",
            Protocol::RestJson1 => "restJson1",
            Protocol::RestXml => "restXml",
            Protocol::AwsQuery => "awsQuery",
            Protocol::Ec2Query => "ec2Query",
            Protocol::RpcV2Cbor => "rpcv2Cbor",
        }
    }

    fn from_trait_name(name: &str) -> Option<Self> {
        [
            Protocol::AwsJson1_0,
            Protocol::AwsJson1_1,
            Protocol::RestJson1,
            Protocol::RestXml,
            Protocol::AwsQuery,
            Protocol::Ec2Query,
        ]
        .into_iter()
        .find(|p| p.trait_name() == name)
    }
}

/// `aws.protocols#awsQueryError`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct AwsQueryError {
    /// The awsQuery error code.
    pub code: String,
    /// The awsQuery HTTP status.
    pub http_response_code: u16,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn raw(pairs: &[(&str, Value)]) -> RawTraits {
        pairs
            .iter()
            .map(|(k, v)| (k.parse().unwrap(), v.clone()))
            .collect()
    }

    #[test]
    fn types_known_traits_and_keeps_unknown_ones() {
        let (t, problems) = Traits::from_raw(&raw(&[
            ("smithy.api#required", json!({})),
            ("smithy.api#http", json!({"method": "GET", "uri": "/a/{B}"})),
            ("smithy.api#range", json!({"min": 1, "max": 2.5})),
            ("smithy.api#timestampFormat", json!("date-time")),
            ("aws.protocols#restJson1", json!({})),
            ("vendor.x#custom", json!([1, 2])),
        ]));
        assert!(problems.is_empty(), "{problems:?}");
        assert!(t.required);
        assert_eq!(t.http.unwrap().code, 200);
        assert_eq!(t.range.unwrap().max.as_deref(), Some("2.5"));
        assert_eq!(t.timestamp_format, Some(TimestampFormat::DateTime));
        assert_eq!(t.protocols, vec![Protocol::RestJson1]);
        assert_eq!(t.other.len(), 1);
    }

    #[test]
    fn reports_malformed_trait_values_by_trait_id() {
        let (_, problems) = Traits::from_raw(&raw(&[
            ("smithy.api#required", json!(true)),
            ("smithy.api#http", json!({"method": "GET"})),
            ("smithy.api#timestampFormat", json!("iso")),
        ]));
        let ids: Vec<String> = problems.iter().map(|(id, _)| id.to_string()).collect();
        assert_eq!(
            ids,
            [
                "smithy.api#http",
                "smithy.api#required",
                "smithy.api#timestampFormat"
            ]
        );
        assert!(problems[0].1.contains("uri"), "{}", problems[0].1);
    }
}
