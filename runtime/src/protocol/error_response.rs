//! Error responses: what a client reads from one ([`ErrorResponse`]), and the JSON forms the
//! awsJson protocols and restJson1 share (SMITHY.md 5.4, 6.3).

use std::fmt;
use std::sync::Arc;

use bytes::Bytes;
use http::header::{HeaderMap, HeaderName, HeaderValue};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::body::{Decode, Encode, Plan, Slot};
use super::message::{parse_object, response, set_body_headers};
use crate::codec::DecodeError;

/// The header naming the error code in restJson1 (and, harmlessly, awsJson) responses.
pub(crate) const ERROR_TYPE_HEADER: HeaderName = HeaderName::from_static("x-amzn-errortype");

/// What a non-2xx response says: the error code, message, request id and members.
#[derive(Clone, Debug, Default)]
pub struct ErrorResponse {
    /// The sanitized error code (the error shape's name), if the response names one.
    pub code: Option<String>,
    /// The body's `message`, `Message` or `errorMessage` string.
    pub message: Option<String>,
    /// The `x-amzn-requestid` (or `x-amz-request-id`) header.
    pub request_id: Option<String>,
    /// The members of the error structure, still in their wire form.
    pub members: ErrorBody,
}

/// The members of an error response, kept in the protocol's form until the error's type is
/// known (generated `OperationError` impls decode them with [`ErrorBody::decode`]).
#[derive(Clone)]
pub struct ErrorBody(Arc<dyn ErrorMembers>);

/// A protocol's form of error members.
trait ErrorMembers: fmt::Debug + Send + Sync {
    fn decode_into(&self, into: &mut dyn Decode) -> Result<(), DecodeError>;
}

/// JSON protocols: the body's object (without `__type` and `code`), plus members read from
/// headers. The object is parsed once, to find the code and message, and kept.
impl ErrorMembers for Value {
    fn decode_into(&self, into: &mut dyn Decode) -> Result<(), DecodeError> {
        into.decode_value(self.clone())
    }
}

/// rpcv2Cbor: the CBOR body as received.
#[derive(Debug)]
struct Cbor(Bytes);

impl ErrorMembers for Cbor {
    fn decode_into(&self, into: &mut dyn Decode) -> Result<(), DecodeError> {
        into.decode_cbor(&self.0)
    }
}

impl ErrorBody {
    /// Members in their serde JSON form.
    pub fn json(members: Value) -> Self {
        ErrorBody(Arc::new(members))
    }

    /// Members as a CBOR map.
    pub(crate) fn cbor(body: Bytes) -> Self {
        ErrorBody(Arc::new(Cbor(body)))
    }

    /// Decodes the members as the error structure `T`.
    ///
    /// # Errors
    ///
    /// When the members do not read as a `T`; the error names the member path.
    pub fn decode<T: DeserializeOwned>(&self) -> Result<T, DecodeError> {
        let mut slot = Slot::<T>::new();
        self.0.decode_into(&mut slot)?;
        slot.take()
            .ok_or_else(|| DecodeError::at(String::new(), "the error members were not decoded"))
    }
}

impl Default for ErrorBody {
    fn default() -> Self {
        ErrorBody::json(Value::Object(Map::new()))
    }
}

impl fmt::Debug for ErrorBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// The error shape's name in an error code: cut at the first `:` (a trailing URI), then
/// keep what follows the first `#` (the namespace).
///
/// ```
/// # use smithy_runtime::protocol::sanitize_error_code;
/// let raw = "aws.protocoltests.json#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/";
/// assert_eq!(sanitize_error_code(raw), "FooError");
/// assert_eq!(sanitize_error_code("FooError"), "FooError");
/// ```
pub fn sanitize_error_code(raw: &str) -> &str {
    let before_colon = raw.split(':').next().unwrap_or(raw);
    match before_colon.split_once('#') {
        Some((_, name)) => name,
        None => before_colon,
    }
}

/// The request id of a response: `x-amzn-requestid`, else `x-amz-request-id`.
pub(crate) fn request_id(headers: &HeaderMap) -> Option<String> {
    header_text(headers, "x-amzn-requestid").or_else(|| header_text(headers, "x-amz-request-id"))
}

/// The message of an error body: its `message`, `Message` or `errorMessage` string.
pub(crate) const MESSAGE_KEYS: [&str; 3] = ["message", "Message", "errorMessage"];

/// Reads a JSON error response (awsJson, restJson1). The code comes from the
/// `X-Amzn-Errortype` header, else the body's `code`, else its top-level `__type`, sanitized
/// with [`sanitize_error_code`]; an empty code counts as none. `extra` adds members read
/// elsewhere (restJson1 error headers) once the code is known.
pub(crate) fn read_json_error(
    response: &http::Response<Bytes>,
    extra: impl FnOnce(Option<&str>, &mut Map<String, Value>),
) -> ErrorResponse {
    let headers = response.headers();
    let mut body = parse_object(response.body()).unwrap_or_default();
    let code = header_text(headers, "x-amzn-errortype")
        .filter(|code| !code.is_empty())
        .or_else(|| string_member(&body, "code"))
        .or_else(|| string_member(&body, "__type"))
        .map(|raw| sanitize_error_code(&raw).to_owned())
        .filter(|code| !code.is_empty());
    let message = MESSAGE_KEYS
        .iter()
        .find_map(|key| string_member(&body, key));
    body.shift_remove("__type");
    body.shift_remove("code");
    extra(code.as_deref(), &mut body);
    ErrorResponse {
        code,
        message,
        request_id: request_id(headers),
        members: ErrorBody::json(Value::Object(body)),
    }
}

/// Writes a JSON error response: status `status`, `X-Amzn-Errortype` with the error's name,
/// `media_type`, and `members` as a JSON object, with `"__type": code` (the name, or the
/// shape id when `code` is one) added when `with_type` (awsJson).
pub(crate) fn write_json_error(
    code: &str,
    status: u16,
    members: &dyn Encode,
    media_type: &str,
    with_type: bool,
) -> http::Response<Bytes> {
    let plan = Plan {
        bound: &[],
        extra: with_type.then_some(("__type", code)),
    };
    let body = members
        .encode_json(&plan)
        .map(|encoded| encoded.body)
        .unwrap_or_else(|_| br#"{}"#.to_vec());
    let mut headers = HeaderMap::new();
    if let Ok(value) = HeaderValue::from_str(sanitize_error_code(code)) {
        headers.insert(ERROR_TYPE_HEADER, value);
    }
    let bytes = set_body_headers(&mut headers, Some((Bytes::from(body), media_type)), true);
    response(status, headers, bytes)
}

/// The text of header `name`, if present and readable.
pub(crate) fn header_text(headers: &HeaderMap, name: &str) -> Option<String> {
    let value = headers.get(name)?;
    std::str::from_utf8(value.as_bytes())
        .ok()
        .map(|text| text.trim().to_owned())
}

/// The top-level string member `key` of `body`.
fn string_member(body: &Map<String, Value>, key: &str) -> Option<String> {
    body.get(key).and_then(Value::as_str).map(str::to_owned)
}
