//! Typed traits: every trait the generator interprets has a field here; any other trait is kept
//! verbatim in [`Traits::other`].

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::Value;

use super::ast::RawTraits;
use super::waiters::Waiter;
use super::ShapeId;

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

impl Traits {
    /// Types raw traits. Each trait whose value has the wrong form yields `(trait id, problem)`.
    pub(crate) fn from_raw(raw: &RawTraits) -> (Traits, Vec<(ShapeId, String)>) {
        let mut t = Traits {
            raw: raw.clone(),
            ..Traits::default()
        };
        let mut problems = Vec::new();
        for (id, value) in raw {
            if let Err(problem) = t.set(id, value) {
                problems.push((id.clone(), problem));
            }
        }
        (t, problems)
    }

    fn set(&mut self, id: &ShapeId, v: &Value) -> Result<(), String> {
        match (id.namespace(), id.name()) {
            ("smithy.api", name) => self.set_smithy(name, id, v),
            ("aws.api", "service") => put(&mut self.aws_service, v),
            ("aws.auth", "sigv4") => put(&mut self.sigv4, v),
            ("aws.protocols", "awsQueryCompatible") => flag(&mut self.aws_query_compatible, v),
            ("aws.protocols", "awsQueryError") => put(&mut self.aws_query_error, v),
            ("aws.protocols", name) if Protocol::from_trait_name(name).is_some() => {
                object(v)?;
                self.protocols.extend(Protocol::from_trait_name(name));
                Ok(())
            }
            ("smithy.protocols", "rpcv2Cbor") => {
                object(v)?;
                self.protocols.push(Protocol::RpcV2Cbor);
                Ok(())
            }
            ("smithy.waiters", "waitable") => {
                // A malformed waiter is that waiter's problem, not the model's.
                for (name, waiter) in parse::<BTreeMap<String, Value>>(v)? {
                    match parse::<Waiter>(&waiter) {
                        Ok(waiter) => {
                            self.waitable.insert(name, waiter);
                        }
                        Err(why) => {
                            self.malformed_waiters.insert(name, why);
                        }
                    }
                }
                Ok(())
            }
            ("smithy.rules", name) if self.set_rules(name, v)? => Ok(()),
            _ => {
                self.other.insert(id.clone(), v.clone());
                Ok(())
            }
        }
    }

    fn set_smithy(&mut self, name: &str, id: &ShapeId, v: &Value) -> Result<(), String> {
        match name {
            "documentation" => put(&mut self.documentation, v),
            "title" => put(&mut self.title, v),
            "required" => flag(&mut self.required, v),
            "default" => {
                self.default = Some(v.clone());
                Ok(())
            }
            "clientOptional" => flag(&mut self.client_optional, v),
            "addedDefault" => flag(&mut self.added_default, v),
            "input" => flag(&mut self.input, v),
            "output" => flag(&mut self.output, v),
            "sparse" => flag(&mut self.sparse, v),
            "sensitive" => flag(&mut self.sensitive, v),
            "internal" => flag(&mut self.internal, v),
            "unitType" => flag(&mut self.unit_type, v),
            "box" => flag(&mut self.boxed, v),
            "tags" => {
                self.tags = parse(v)?;
                Ok(())
            }
            "deprecated" => put(&mut self.deprecated, v),
            "length" => put(&mut self.length, v),
            "range" => {
                self.range = Some(range(v)?);
                Ok(())
            }
            "pattern" => put(&mut self.pattern, v),
            "uniqueItems" => flag(&mut self.unique_items, v),
            "enumValue" => {
                self.enum_value = Some(match v {
                    Value::String(s) => EnumValue::String(s.clone()),
                    Value::Number(n) if n.is_i64() => {
                        EnumValue::Int(n.as_i64().unwrap_or_default())
                    }
                    _ => return Err("expected a string or an integer".into()),
                });
                Ok(())
            }
            "enum" => put(&mut self.legacy_enum, v),
            "error" => put(&mut self.error, v),
            "httpError" => put(&mut self.http_error, v),
            "retryable" => put(&mut self.retryable, v),
            "readonly" => flag(&mut self.readonly, v),
            "idempotent" => flag(&mut self.idempotent, v),
            "idempotencyToken" => flag(&mut self.idempotency_token, v),
            "paginated" => put(&mut self.paginated, v),
            "timestampFormat" => put(&mut self.timestamp_format, v),
            "jsonName" => put(&mut self.json_name, v),
            "mediaType" => put(&mut self.media_type, v),
            "http" => put(&mut self.http, v),
            "httpLabel" => flag(&mut self.http_label, v),
            "httpQuery" => put(&mut self.http_query, v),
            "httpQueryParams" => flag(&mut self.http_query_params, v),
            "httpHeader" => put(&mut self.http_header, v),
            "httpPrefixHeaders" => put(&mut self.http_prefix_headers, v),
            "httpPayload" => flag(&mut self.http_payload, v),
            "httpResponseCode" => flag(&mut self.http_response_code, v),
            "httpChecksumRequired" => flag(&mut self.http_checksum_required, v),
            "requestCompression" => put(&mut self.request_compression, v),
            "streaming" => flag(&mut self.streaming, v),
            "requiresLength" => flag(&mut self.requires_length, v),
            "endpoint" => put(&mut self.endpoint, v),
            "hostLabel" => flag(&mut self.host_label, v),
            "mixin" => put(&mut self.mixin, v),
            _ => {
                self.other.insert(id.clone(), v.clone());
                Ok(())
            }
        }
    }
}

fn parse<T: DeserializeOwned>(v: &Value) -> Result<T, String> {
    T::deserialize(v).map_err(|e| e.to_string())
}

fn put<T: DeserializeOwned>(slot: &mut Option<T>, v: &Value) -> Result<(), String> {
    *slot = Some(parse(v)?);
    Ok(())
}

fn object(v: &Value) -> Result<(), String> {
    match v {
        Value::Object(_) => Ok(()),
        other => Err(format!("expected an object, found {other}")),
    }
}

/// Annotation traits are written `{}`.
fn flag(slot: &mut bool, v: &Value) -> Result<(), String> {
    object(v)?;
    *slot = true;
    Ok(())
}

fn range(v: &Value) -> Result<Range, String> {
    let Value::Object(map) = v else {
        return Err("expected an object with `min` and/or `max`".into());
    };
    let mut r = Range::default();
    for (key, value) in map {
        let text = match value {
            Value::Number(n) => n.to_string(),
            big => match super::numbers::big_number_text(big) {
                Some(text) => text.to_string(),
                None => return Err(format!("`{key}` must be a number")),
            },
        };
        match key.as_str() {
            "min" => r.min = Some(text),
            "max" => r.max = Some(text),
            other => return Err(format!("unknown key `{other}`; expected `min` or `max`")),
        }
    }
    if r.min.is_none() && r.max.is_none() {
        return Err("needs `min` or `max`".into());
    }
    Ok(r)
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
