//! Members bound outside the JSON body: taking them out of the serde JSON form (writing) and
//! putting them back (reading headers). Labels and query strings are read in `request`.

use std::collections::{BTreeMap, BTreeSet};

use http::header::{HeaderMap, HeaderName, HeaderValue};
use serde_json::{Map, Value};

use super::headers::{join_list, split_http_dates, split_list};
use super::uri::encode_query;
use crate::codec::Strictness;
use crate::datetime::Format;
use crate::protocol::errors::Fault;
use crate::protocol::spec::{Location, MemberSpec, ValueKind};
use crate::protocol::values::{from_text, json_type, kind_name, timestamp_format, to_text, Place};

/// What the bound members of a structure turned into.
#[derive(Debug, Default)]
pub(super) struct Bound {
    /// Label name → raw (unencoded) text.
    pub(super) labels: BTreeMap<&'static str, String>,
    /// Encoded `key=value` query pairs, in member order.
    pub(super) query: Vec<String>,
    /// Headers from `@httpHeader` and `@httpPrefixHeaders`.
    pub(super) headers: HeaderMap,
    /// The `@httpResponseCode` value.
    pub(super) status: Option<u16>,
    /// The payload member's value, if it is set.
    pub(super) payload: Option<Value>,
}

/// Names a member and its location for error messages.
pub(super) fn target(member: &MemberSpec) -> String {
    let location = match member.location {
        Location::Body => "body".to_owned(),
        Location::Label(name) => format!("label `{name}`"),
        Location::Query(name) => format!("query parameter `{name}`"),
        Location::QueryParams => "query parameters".to_owned(),
        Location::Header(name) => format!("header `{name}`"),
        Location::PrefixHeaders(prefix) => format!("headers prefixed `{prefix}`"),
        Location::Payload { .. } => "payload".to_owned(),
        Location::ResponseCode => "status code".to_owned(),
    };
    format!("member `{}` ({location})", member.key)
}

/// Whether a member is bound outside the JSON body.
pub(super) fn is_bound(member: &MemberSpec) -> bool {
    member.location != Location::Body
}

/// Whether any of `members` is bound outside the JSON body.
pub(super) fn has_bindings(members: &[MemberSpec]) -> bool {
    members.iter().any(is_bound)
}

/// Takes the bound `members` out of `object` (which keeps the body members) and formats
/// them for their locations.
pub(super) fn take_bound(
    members: &[MemberSpec],
    object: &mut Map<String, Value>,
) -> Result<Bound, Fault> {
    let mut bound = Bound::default();
    let mut named_query = BTreeSet::new();
    let mut deferred = Vec::new();
    for member in members.iter().filter(|member| is_bound(member)) {
        let value = object
            .shift_remove(member.key)
            .filter(|value| !value.is_null());
        let fault = |message: String| Fault::new(target(member), message);
        match (member.location, value) {
            (Location::Payload { .. }, value) => bound.payload = value,
            (Location::Label(_), None) => {
                return Err(fault("missing; labels are required".to_owned()))
            }
            (_, None) => {}
            (Location::Label(name), Some(value)) => {
                let text = to_text(&value, &member.value, Place::Label).map_err(fault)?;
                if text.is_empty() {
                    return Err(fault("empty value; labels must not be empty".to_owned()));
                }
                bound.labels.insert(name, text);
            }
            (Location::Query(name), Some(value)) => {
                for text in texts(&value, &member.value, Place::Query).map_err(fault)? {
                    bound.query.push(query_pair(name, &text));
                }
                named_query.insert(name);
            }
            (Location::Header(name), Some(value)) => {
                let text = header_text(&value, &member.value).map_err(fault)?;
                insert_header(&mut bound.headers, name, &text).map_err(fault)?;
            }
            (Location::ResponseCode, Some(value)) => {
                let status = value.as_u64().and_then(|code| u16::try_from(code).ok());
                bound.status =
                    Some(status.ok_or_else(|| fault(format!("invalid status {value}")))?);
            }
            (Location::QueryParams | Location::PrefixHeaders(_), Some(value)) => {
                deferred.push((member, value));
            }
            (Location::Body, Some(_)) => {}
        }
    }
    // Map-valued bindings last: named query parameters and headers win over them.
    for (member, value) in deferred {
        bind_map(&mut bound, &named_query, member, value)?;
    }
    Ok(bound)
}

/// Formats a map-valued member (`@httpQueryParams`, `@httpPrefixHeaders`) into `bound`,
/// after the named query parameters (`named_query`) and headers, which win over its entries.
fn bind_map(
    bound: &mut Bound,
    named_query: &BTreeSet<&str>,
    member: &MemberSpec,
    value: Value,
) -> Result<(), Fault> {
    let fault = |message: String| Fault::new(target(member), message);
    let Value::Object(map) = value else {
        return Err(fault(format!(
            "expected a map but found {}",
            json_type(&value)
        )));
    };
    let inner = match member.value {
        ValueKind::Map(inner) => inner,
        _ => &ValueKind::String,
    };
    for (key, entry) in &map {
        match member.location {
            Location::PrefixHeaders(prefix) => {
                let name = format!("{prefix}{key}");
                if !bound
                    .headers
                    .contains_key(name.to_ascii_lowercase().as_str())
                {
                    let text = header_text(entry, inner).map_err(fault)?;
                    insert_header(&mut bound.headers, &name, &text).map_err(fault)?;
                }
            }
            _ if named_query.contains(key.as_str()) => {}
            _ => {
                for text in texts(entry, inner, Place::Query).map_err(fault)? {
                    bound.query.push(query_pair(key, &text));
                }
            }
        }
    }
    Ok(())
}

/// The texts of a scalar (one) or a list (one per element).
fn texts(value: &Value, kind: &ValueKind, place: Place) -> Result<Vec<String>, String> {
    match (kind, value) {
        (ValueKind::List(inner), Value::Array(items)) => items
            .iter()
            .map(|item| to_text(item, inner, place))
            .collect(),
        (ValueKind::List(_), other) => {
            Err(format!("expected a list but found {}", json_type(other)))
        }
        _ => Ok(vec![to_text(value, kind, place)?]),
    }
}

/// The header text of a scalar or list; list elements are quoted where needed, except
/// http-dates.
fn header_text(value: &Value, kind: &ValueKind) -> Result<String, String> {
    let items = texts(value, kind, Place::Header)?;
    match kind {
        ValueKind::List(inner) => Ok(join_list(&items, !is_timestamp(inner))),
        _ => Ok(items.concat()),
    }
}

/// Whether a kind is a timestamp.
fn is_timestamp(kind: &ValueKind) -> bool {
    matches!(kind, ValueKind::Timestamp { .. })
}

/// An encoded `key=value` query pair.
fn query_pair(key: &str, value: &str) -> String {
    format!("{}={}", encode_query(key), encode_query(value))
}

/// Adds the header `name: text`.
fn insert_header(headers: &mut HeaderMap, name: &str, text: &str) -> Result<(), String> {
    let header = HeaderName::from_bytes(name.as_bytes())
        .map_err(|_| format!("`{name}` is not a valid header name"))?;
    let value = HeaderValue::from_bytes(text.as_bytes())
        .map_err(|_| format!("`{text}` is not a valid header value"))?;
    headers.insert(header, value);
    Ok(())
}

/// Reads the `@httpHeader` and `@httpPrefixHeaders` members of `members` from `headers`
/// into `object`, in their serde JSON form.
pub(crate) fn read_headers(
    members: &[MemberSpec],
    headers: &HeaderMap,
    object: &mut Map<String, Value>,
    strictness: Strictness,
) -> Result<(), Fault> {
    for member in members {
        let fault = |message: String| Fault::new(target(member), message);
        match member.location {
            Location::Header(name) => {
                if let Some(text) = joined(headers, name).map_err(fault)? {
                    let value = header_value(&text, &member.value, strictness).map_err(fault)?;
                    object.insert(member.key.to_owned(), value);
                }
            }
            Location::PrefixHeaders(prefix) => {
                let inner = match member.value {
                    ValueKind::Map(inner) => inner,
                    _ => &ValueKind::String,
                };
                let prefix = prefix.to_ascii_lowercase();
                let mut map = Map::new();
                for name in headers.keys() {
                    let Some(key) = name.as_str().strip_prefix(prefix.as_str()) else {
                        continue;
                    };
                    if key.is_empty() {
                        continue;
                    }
                    if let Some(text) = joined(headers, name.as_str()).map_err(fault)? {
                        let value = header_value(&text, inner, strictness).map_err(fault)?;
                        map.insert(key.to_owned(), value);
                    }
                }
                if !map.is_empty() {
                    object.insert(member.key.to_owned(), Value::Object(map));
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// All values of header `name` joined with `, `, trimmed; `None` when absent.
fn joined(headers: &HeaderMap, name: &str) -> Result<Option<String>, String> {
    let mut values = Vec::new();
    for value in headers.get_all(name) {
        let text = std::str::from_utf8(value.as_bytes())
            .map_err(|_| "the header value is not UTF-8".to_owned())?;
        values.push(text.trim());
    }
    Ok((!values.is_empty()).then(|| values.join(", ")))
}

/// The serde JSON form of a header's text for a member of `kind`.
fn header_value(text: &str, kind: &ValueKind, strictness: Strictness) -> Result<Value, String> {
    let ValueKind::List(inner) = kind else {
        return from_text(text, kind, Place::Header, strictness);
    };
    let items = match inner {
        ValueKind::Timestamp { explicit, .. }
            if timestamp_format(*explicit, Place::Header) == Format::HttpDate =>
        {
            split_http_dates(text)?
        }
        ValueKind::List(_) | ValueKind::Map(_) => {
            return Err(format!(
                "{} cannot be a list element in a header",
                kind_name(inner)
            ))
        }
        _ => split_list(text)?,
    };
    items
        .iter()
        .map(|item| from_text(item, inner, Place::Header, strictness))
        .collect::<Result<Vec<_>, _>>()
        .map(Value::Array)
}
