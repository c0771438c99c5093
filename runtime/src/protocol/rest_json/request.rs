//! restJson1 requests: writing them (client, SMITHY.md 6.1) and reading them (server, 6.4).

use bytes::Bytes;
use http::Method;
use serde_json::{Map, Value};

use super::bind::{has_bindings, is_bound, read_headers, take_bound, target};
use super::payload;
use super::uri::{decode, parse_query, Pattern};
use crate::codec::Strictness;
use crate::protocol::body::{Decode, Encode, Plan};
use crate::protocol::errors::{Fault, MalformedKind, MalformedRequest, RequestError};
use crate::protocol::message::{
    accepts, base_path, content_type, parse_object, set_body_headers, with_path, APPLICATION_JSON,
};
use crate::protocol::spec::{Location, MemberSpec, OperationSpec, ValueKind};
use crate::protocol::values::{from_text, Place};

/// The `@httpPayload` member of `members`, with its modeled media type.
pub(super) fn payload_member(
    members: &[MemberSpec],
) -> Option<(&MemberSpec, Option<&'static str>)> {
    members.iter().find_map(|member| match member.location {
        Location::Payload { media_type } => Some((member, media_type)),
        _ => None,
    })
}

/// Writes the request for `input` (see [`crate::protocol::Protocol::write_request`]).
pub(super) fn write_request(
    op: &OperationSpec,
    input: &dyn Encode,
    idempotency_token: Option<&str>,
    endpoint: &http::Uri,
) -> Result<http::Request<Bytes>, RequestError> {
    let plan = Plan {
        bound: op.input,
        extra: op.idempotency_token.zip(idempotency_token),
    };
    let encoded = input
        .encode_json(&plan)
        .map_err(|e| Fault::new("input", e))?;
    let mut object = encoded.bound;
    let mut bound = take_bound(op.input, &mut object)?;
    let pattern = Pattern::parse(op.http.uri);
    let mut uri = base_path(endpoint).to_owned();
    uri += &pattern
        .expand(&bound.labels)
        .map_err(|message| Fault::new(format!("URI `{}`", op.http.uri), message))?;
    let query: Vec<String> = pattern
        .query
        .into_iter()
        .map(str::to_owned)
        .chain(bound.query.drain(..))
        .collect();
    if !query.is_empty() {
        uri.push('?');
        uri += &query.join("&");
    }
    let uri = with_path(endpoint, &uri).map_err(|message| Fault::new("endpoint", message))?;
    let method = Method::from_bytes(op.http.method.as_bytes())
        .map_err(|_| Fault::new("operation", format!("invalid method `{}`", op.http.method)))?;
    let body = match payload_member(op.input) {
        Some((member, media_type)) => payload::encode(bound.payload.as_ref(), &member.value)
            .map_err(|message| Fault::new(target(member), message))?
            .map(|bytes| (bytes, payload::media_type(&member.value, media_type))),
        None if op.input_has_body => Some((Bytes::from(encoded.body), APPLICATION_JSON)),
        None => None,
    };
    let empty_length = !matches!(method, Method::GET | Method::HEAD | Method::OPTIONS);
    let body = set_body_headers(&mut bound.headers, body, empty_length);
    let mut request = http::Request::new(body);
    *request.method_mut() = method;
    *request.uri_mut() = uri;
    *request.headers_mut() = bound.headers;
    Ok(request)
}

/// Reads the input of a request routed to `op` (see
/// [`crate::protocol::Protocol::read_request`]): straight from the body when no member is bound
/// elsewhere, else through the merged serde JSON form.
pub(super) fn read_request(
    op: &OperationSpec,
    request: &http::Request<Bytes>,
    input: &mut dyn Decode,
) -> Result<(), MalformedRequest> {
    let serialization = MalformedRequest::serialization;
    let decoded = match merged_input(op, request, input.strictness())? {
        Some(object) => input.decode_value(Value::Object(object)),
        None if op.input_has_body => input.decode_json(request.body()),
        None => input.decode_json(b""),
    };
    decoded.map_err(|e| serialization(Fault::new("request body", e)))
}

/// Checks the route and the media types; for an input with members bound outside the body,
/// the input's serde JSON form merged from the body and the bound locations.
fn merged_input(
    op: &OperationSpec,
    request: &http::Request<Bytes>,
    strictness: Strictness,
) -> Result<Option<Map<String, Value>>, MalformedRequest> {
    let pattern = Pattern::parse(op.http.uri);
    let labels = pattern.match_path(request.uri().path()).ok_or_else(|| {
        MalformedRequest::new(
            MalformedKind::UnknownOperation,
            format!(
                "path `{}` does not match `{}`",
                request.uri().path(),
                op.http.uri
            ),
        )
    })?;
    check_content_type(op, request)?;
    check_accept(op, request)?;
    if !has_bindings(op.input) {
        return Ok(None);
    }
    let serialization = MalformedRequest::serialization;
    let mut object = match payload_member(op.input) {
        Some((member, _)) => {
            let mut object = Map::new();
            let value = payload::decode(request.body(), &member.value)
                .map_err(|message| serialization(Fault::new(target(member), message)))?;
            // Clients write `{}` for an unset structure payload (SMITHY.md 6.1), so a server
            // reads it back as unset.
            let unset_structure = member.value == ValueKind::Structure
                && value
                    .as_ref()
                    .is_some_and(|v| v.as_object().is_some_and(Map::is_empty));
            if let Some(value) = value.filter(|_| !unset_structure) {
                object.insert(member.key.to_owned(), value);
            }
            object
        }
        None if op.input_has_body => parse_object(request.body())
            .map_err(|message| serialization(Fault::new("request body", message)))?,
        None => Map::new(),
    };
    // A body key of a member bound elsewhere is not that member.
    for member in op.input.iter().filter(|member| is_bound(member)) {
        if !matches!(member.location, Location::Payload { .. }) {
            object.shift_remove(member.key);
        }
    }
    let query = parse_query(request.uri().query().unwrap_or_default())
        .map_err(|message| serialization(Fault::new("query string", message)))?;
    for member in op.input {
        let fault = |message: String| serialization(Fault::new(target(member), message));
        let value = match member.location {
            Location::Label(name) => match labels.get(name) {
                Some(raw) => {
                    let text = decode(raw).map_err(fault)?;
                    Some(from_text(&text, &member.value, Place::Label, strictness).map_err(fault)?)
                }
                None => None,
            },
            Location::Query(name) => {
                query_member(&query, name, &member.value, strictness).map_err(fault)?
            }
            Location::QueryParams => {
                query_params(&query, &member.value, strictness).map_err(fault)?
            }
            _ => None,
        };
        if let Some(value) = value {
            object.insert(member.key.to_owned(), value);
        }
    }
    read_headers(op.input, request.headers(), &mut object, strictness).map_err(serialization)?;
    Ok(Some(object))
}

/// An `@httpQuery` member: the first value for a scalar, all values for a list.
fn query_member(
    query: &[(String, String)],
    name: &str,
    kind: &ValueKind,
    strictness: Strictness,
) -> Result<Option<Value>, String> {
    let mut values = query.iter().filter(|(key, _)| key == name).map(|(_, v)| v);
    match kind {
        ValueKind::List(inner) => {
            let items = values
                .map(|value| from_text(value, inner, Place::Query, strictness))
                .collect::<Result<Vec<_>, _>>()?;
            Ok((!items.is_empty()).then_some(Value::Array(items)))
        }
        _ => values
            .next()
            .map(|value| from_text(value, kind, Place::Query, strictness))
            .transpose(),
    }
}

/// The `@httpQueryParams` map: every parameter, with its first value (string values) or
/// all its values (list values).
fn query_params(
    query: &[(String, String)],
    kind: &ValueKind,
    strictness: Strictness,
) -> Result<Option<Value>, String> {
    let inner = match kind {
        ValueKind::Map(inner) => inner,
        _ => &ValueKind::String,
    };
    let mut map = Map::new();
    for (key, value) in query {
        match inner {
            ValueKind::List(element) => {
                let item = from_text(value, element, Place::Query, strictness)?;
                let entry = map
                    .entry(key.clone())
                    .or_insert_with(|| Value::Array(Vec::new()));
                if let Value::Array(items) = entry {
                    items.push(item);
                }
            }
            _ if map.contains_key(key) => {}
            _ => {
                map.insert(
                    key.clone(),
                    from_text(value, inner, Place::Query, strictness)?,
                );
            }
        }
    }
    Ok((!map.is_empty()).then_some(Value::Object(map)))
}

/// SMITHY.md 6.4: a body-bearing operation takes `application/json`, a payload its media
/// type (any for a blob without one), an operation without body members no body at all.
fn check_content_type(
    op: &OperationSpec,
    request: &http::Request<Bytes>,
) -> Result<(), MalformedRequest> {
    let sent = content_type(request.headers());
    let body_empty = request.body().is_empty();
    let expected = match payload_member(op.input) {
        Some((member, media_type)) => payload::expected_media_type(&member.value, media_type),
        None if op.input_has_body => Some(APPLICATION_JSON),
        None => {
            // A body with a `Content-Type` is refused, a bare `Content-Type` (no body) or a
            // bare body (no `Content-Type`) ignored; an input structure without any members
            // also reads `{}` as itself, what clients that always write JSON send.
            let memberless = !op.input_unit && op.input.is_empty();
            let empty_object = request
                .body()
                .iter()
                .filter(|b| !b.is_ascii_whitespace())
                .eq(b"{}".iter())
                && sent.as_deref() == Some(APPLICATION_JSON);
            if sent.is_some() && !body_empty && !(memberless && empty_object) {
                return Err(MalformedRequest::new(
                    MalformedKind::UnsupportedMediaType,
                    "the operation takes no body, so it takes no body with a `Content-Type`",
                ));
            }
            return Ok(());
        }
    };
    match (expected, sent) {
        (None, _) => Ok(()),
        (Some(_), None) if body_empty => Ok(()),
        (Some(expected), Some(sent)) if sent == expected.to_ascii_lowercase() => Ok(()),
        (Some(expected), sent) => Err(MalformedRequest::new(
            MalformedKind::UnsupportedMediaType,
            format!(
                "header `Content-Type`: expected `{expected}` but found {}",
                sent.map_or("none".to_owned(), |sent| format!("`{sent}`"))
            ),
        )),
    }
}

/// SMITHY.md 6.3: an `Accept` header must admit the response's media type.
fn check_accept(
    op: &OperationSpec,
    request: &http::Request<Bytes>,
) -> Result<(), MalformedRequest> {
    // A blob payload without `@mediaType` can be anything: every `Accept` admits it.
    if let Some((member, None)) = payload_member(op.output) {
        if member.value == ValueKind::Blob {
            return Ok(());
        }
    }
    let media_type = match payload_member(op.output) {
        Some((member, media_type)) => payload::media_type(&member.value, media_type),
        None => APPLICATION_JSON,
    };
    if accepts(request.headers(), media_type) {
        Ok(())
    } else {
        Err(MalformedRequest::new(
            MalformedKind::NotAcceptable,
            format!("header `Accept` does not admit the response type `{media_type}`"),
        ))
    }
}
