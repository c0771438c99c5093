//! restJson1 responses: writing them (server, SMITHY.md 6.3) and reading them (client, 6.2).

use crate::codec::Strictness;
use bytes::Bytes;
use serde_json::{Map, Value};

use super::bind::{has_bindings, is_bound, read_headers, take_bound, target};
use super::payload;
use super::request::payload_member;
use crate::protocol::body::{Decode, Encode, Plan};
use crate::protocol::errors::{Fault, ResponseError};
use crate::protocol::message::{parse_object, response, set_body_headers, APPLICATION_JSON};
use crate::protocol::spec::{Location, OperationSpec};

/// Writes the success response for `output` (see
/// [`crate::protocol::Protocol::write_response`]), failing on outputs that cannot be written.
pub(super) fn write_response(
    op: &OperationSpec,
    output: &dyn Encode,
) -> Result<http::Response<Bytes>, Fault> {
    let plan = Plan {
        bound: op.output,
        extra: None,
    };
    let encoded = output
        .encode_json(&plan)
        .map_err(|e| Fault::new("output", e))?;
    let mut object = encoded.bound;
    let mut bound = take_bound(op.output, &mut object)?;
    // An unset payload, and the output of an operation whose output is `smithy.api#Unit`,
    // answer with no body.
    let body = match payload_member(op.output) {
        Some(_) if bound.payload.is_none() => None,
        Some((member, media_type)) => payload::encode(bound.payload.as_ref(), &member.value)
            .map_err(|message| Fault::new(target(member), message))?
            .map(|bytes| (bytes, payload::media_type(&member.value, media_type))),
        None if op.output_unit => None,
        None => Some((Bytes::from(encoded.body), APPLICATION_JSON)),
    };
    let body = set_body_headers(&mut bound.headers, body, true);
    let status = bound.status.unwrap_or(op.http.code);
    Ok(response(status, bound.headers, body))
}

/// Reads the output from a 2xx response (see [`crate::protocol::Protocol::read_response`]):
/// straight from the body when no member is bound elsewhere, else through the merged serde
/// JSON form.
pub(super) fn read_response(
    op: &OperationSpec,
    response: &http::Response<Bytes>,
    output: &mut dyn Decode,
) -> Result<(), ResponseError> {
    let decoded = if has_bindings(op.output) {
        let object = merged_output(op, response, output.strictness())?;
        output.decode_value(Value::Object(object))
    } else {
        output.decode_json(response.body())
    };
    decoded.map_err(|e| Fault::new("response body", e).into())
}

/// The output's serde JSON form, merged from the body and the bound locations.
fn merged_output(
    op: &OperationSpec,
    response: &http::Response<Bytes>,
    strictness: Strictness,
) -> Result<Map<String, Value>, Fault> {
    let mut object = match payload_member(op.output) {
        Some((member, _)) => {
            let mut object = Map::new();
            let value = payload::decode(response.body(), &member.value)
                .map_err(|message| Fault::new(target(member), message))?;
            if let Some(value) = value {
                object.insert(member.key.to_owned(), value);
            }
            object
        }
        None => {
            parse_object(response.body()).map_err(|message| Fault::new("response body", message))?
        }
    };
    for member in op.output.iter().filter(|member| is_bound(member)) {
        match member.location {
            Location::Payload { .. } => {}
            Location::ResponseCode => {
                object.insert(
                    member.key.to_owned(),
                    Value::from(response.status().as_u16()),
                );
            }
            _ => {
                object.shift_remove(member.key);
            }
        }
    }
    read_headers(op.output, response.headers(), &mut object, strictness)?;
    Ok(object)
}
