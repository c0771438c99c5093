//! The `smithy.test#httpRequestTests`, `smithy.test#httpResponseTests` and (server side)
//! `smithy.test#httpMalformedRequestTests` cases of a loaded model, for one protocol and one
//! side (client or server).

use std::collections::BTreeMap;

use codegen::model::{Model, ShapeId, ShapeKind};
use serde_json::Value;

/// What identifies a case: the shape it is written on, its direction and its id.
pub type CaseKey = (String, Direction, String);

/// Which way a case goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Direction {
    /// `httpRequestTests`: the client sends the request for `params`.
    Request,
    /// `httpResponseTests`: the client parses the response into `params`.
    Response,
    /// `httpMalformedRequestTests` (server only): the server rejects the request with the
    /// case's `response`. One case per `testParameters` index, its fields interpolated and
    /// its `request` fields lifted to the top level.
    Malformed,
}

/// Which implementation a case tests (`appliesTo`; a case without it applies to both).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The client writes the request and reads the response.
    Client,
    /// The server reads the request and writes the response.
    Server,
}

impl Side {
    /// The `appliesTo` value (`client`, `server`).
    pub fn name(self) -> &'static str {
        match self {
            Side::Client => "client",
            Side::Server => "server",
        }
    }
}

/// One case, as the trait writes it, with where it comes from.
#[derive(Clone, Debug)]
pub struct Case {
    /// The case id.
    pub id: String,
    /// Request or response.
    pub direction: Direction,
    /// The operation the case is about (for an error shape's response case: an operation of
    /// the service that can return it).
    pub operation: ShapeId,
    /// The error shape, for a response case on an error structure.
    pub error: Option<ShapeId>,
    /// The case object: `params`, `method`, `uri`, `headers`, `body`, …
    pub fields: serde_json::Map<String, Value>,
}

impl Case {
    /// The shape the case is written on (the error shape, else the operation), its direction
    /// and its id: what identifies the case in the model (a request case and a response case
    /// may share an id).
    pub fn key(&self) -> CaseKey {
        let owner = self.error.as_ref().unwrap_or(&self.operation);
        (owner.to_string(), self.direction, self.id.clone())
    }

    /// A string field of the case.
    pub fn text(&self, key: &str) -> Option<&str> {
        self.fields.get(key).and_then(Value::as_str)
    }

    /// Whether the case's body is CBOR (`bodyMediaType: "application/cbor"`), which the
    /// suites write in base64.
    pub fn cbor_body(&self) -> bool {
        self.text("bodyMediaType") == Some("application/cbor")
            || self
                .text("protocol")
                .is_some_and(|p| p.ends_with("rpcv2Cbor"))
    }

    /// The bytes of the case's `body`: base64-decoded for CBOR, the text itself otherwise.
    ///
    /// # Errors
    ///
    /// A CBOR body that is not base64.
    pub fn body_bytes(&self) -> Result<Vec<u8>, String> {
        let body = self.text("body").unwrap_or_default();
        if self.cbor_body() {
            smithy_runtime::Blob::from_base64(body)
                .map(smithy_runtime::Blob::into_inner)
                .map_err(|e| format!("the case's CBOR body is not base64: {e}"))
        } else {
            Ok(body.as_bytes().to_vec())
        }
    }

    /// A list-of-strings field (`queryParams`, `forbidHeaders`, …); empty when absent.
    pub fn strings(&self, key: &str) -> Vec<&str> {
        match self.fields.get(key) {
            Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        }
    }

    /// The `headers` field, names lowercased.
    pub fn headers(&self) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        if let Some(Value::Object(map)) = self.fields.get("headers") {
            for (name, value) in map {
                let value = value.as_str().unwrap_or_default().to_owned();
                out.insert(name.to_ascii_lowercase(), value);
            }
        }
        out
    }

    /// The `params` field (`{}` when absent).
    pub fn params(&self) -> Value {
        self.fields
            .get("params")
            .cloned()
            .unwrap_or_else(|| Value::Object(serde_json::Map::new()))
    }
}

const REQUEST_TESTS: &str = "smithy.test#httpRequestTests";
const RESPONSE_TESTS: &str = "smithy.test#httpResponseTests";
const MALFORMED_TESTS: &str = "smithy.test#httpMalformedRequestTests";

/// Every case of `service` for `protocol` (the trait's name, `awsJson1_0`) on `side`, in
/// operation then case order: cases whose `appliesTo` is absent or names the side.
pub fn cases(model: &Model, service: &ShapeId, protocol: &str, side: Side) -> Vec<Case> {
    let mut cases = Vec::new();
    let operations = model.operations_of(service);
    for op in &operations {
        let Some(shape) = model.shape(op) else {
            continue;
        };
        for (key, direction) in [
            (REQUEST_TESTS, Direction::Request),
            (RESPONSE_TESTS, Direction::Response),
        ] {
            for fields in trait_cases(&shape.traits.other, key, protocol, side) {
                cases.push(case(fields, direction, op.clone(), None));
            }
        }
        for fields in malformed_cases(&shape.traits.other, protocol, side) {
            cases.push(case(fields, Direction::Malformed, op.clone(), None));
        }
    }
    // Error shapes carry response cases too; each runs through an operation that returns it.
    let mut errors: Vec<(ShapeId, ShapeId)> = Vec::new();
    for op in &operations {
        for error in model.errors_of(service, op) {
            if !errors.iter().any(|(e, _)| *e == error) {
                errors.push((error, op.clone()));
            }
        }
    }
    errors.sort();
    for (error, op) in errors {
        let Some(shape) = model.shape(&error) else {
            continue;
        };
        if !matches!(shape.kind, ShapeKind::Structure(_)) {
            continue;
        }
        for fields in trait_cases(&shape.traits.other, RESPONSE_TESTS, protocol, side) {
            cases.push(case(
                fields,
                Direction::Response,
                op.clone(),
                Some(error.clone()),
            ));
        }
    }
    cases
}

/// Every case on `side` written anywhere in `model` for `protocol`, by [`Case::key`]: what
/// the services' cases must add up to.
pub fn all_case_keys(model: &Model, protocol: &str, side: Side) -> Vec<CaseKey> {
    let mut keys = Vec::new();
    for shape in model.shapes() {
        for (key, direction) in [
            (REQUEST_TESTS, Direction::Request),
            (RESPONSE_TESTS, Direction::Response),
        ] {
            for fields in trait_cases(&shape.traits.other, key, protocol, side) {
                let id = fields.get("id").and_then(Value::as_str).unwrap_or_default();
                keys.push((shape.id.to_string(), direction, id.to_owned()));
            }
        }
        for fields in malformed_cases(&shape.traits.other, protocol, side) {
            let id = fields.get("id").and_then(Value::as_str).unwrap_or_default();
            keys.push((shape.id.to_string(), Direction::Malformed, id.to_owned()));
        }
    }
    keys
}

fn case(
    fields: serde_json::Map<String, Value>,
    direction: Direction,
    operation: ShapeId,
    error: Option<ShapeId>,
) -> Case {
    Case {
        id: fields
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned(),
        direction,
        operation,
        error,
        fields,
    }
}

/// The cases of trait `key` for `protocol` that apply to `side`.
fn trait_cases(
    traits: &BTreeMap<ShapeId, Value>,
    key: &str,
    protocol: &str,
    side: Side,
) -> Vec<serde_json::Map<String, Value>> {
    let Some((_, Value::Array(items))) = traits.iter().find(|(id, _)| id.to_string() == key) else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| item.as_object().cloned())
        .filter(|fields| {
            let named = fields
                .get("protocol")
                .and_then(Value::as_str)
                .unwrap_or_default();
            // `protocol` is a shape id; compare its name.
            named.rsplit('#').next() == Some(protocol)
        })
        .filter(|fields| {
            fields
                .get("appliesTo")
                .and_then(Value::as_str)
                .is_none_or(|a| a == side.name())
        })
        .collect()
}

/// The `httpMalformedRequestTests` cases for `protocol`, expanded (none on the client side):
/// a definition with `testParameters` becomes one case per index, `<id>_case<i>`.
fn malformed_cases(
    traits: &BTreeMap<ShapeId, Value>,
    protocol: &str,
    side: Side,
) -> Vec<serde_json::Map<String, Value>> {
    if side != Side::Server {
        return Vec::new();
    }
    trait_cases(traits, MALFORMED_TESTS, protocol, side)
        .into_iter()
        .flat_map(expand_malformed)
        .collect()
}

/// One case per `testParameters` index (one case when there are none), interpolated, with the
/// `request` fields (`method`, `uri`, `headers`, …) at the top level beside `response`.
fn expand_malformed(
    mut fields: serde_json::Map<String, Value>,
) -> Vec<serde_json::Map<String, Value>> {
    let parameters = match fields.remove("testParameters") {
        Some(Value::Object(map)) => map,
        _ => serde_json::Map::new(),
    };
    let count = parameters
        .values()
        .filter_map(Value::as_array)
        .map(Vec::len)
        .max();
    let id = fields
        .get("id")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let indices: Vec<Option<usize>> = match count {
        Some(n) => (0..n).map(Some).collect(),
        None => vec![None],
    };
    indices
        .into_iter()
        .map(|index| {
            let mut case = serde_json::Map::new();
            for (key, value) in &fields {
                let value = interpolate_value(value, &parameters, index);
                match (key.as_str(), value) {
                    ("request", Value::Object(request)) => case.extend(request),
                    (_, value) => {
                        case.insert(key.clone(), value);
                    }
                }
            }
            let case_id = match index {
                Some(i) => format!("{id}_case{i}"),
                None => id.clone(),
            };
            case.insert("id".to_owned(), Value::String(case_id));
            case
        })
        .collect()
}

/// `value` with every string interpolated by [`interpolate`].
fn interpolate_value(
    value: &Value,
    parameters: &serde_json::Map<String, Value>,
    index: Option<usize>,
) -> Value {
    match value {
        Value::String(text) => Value::String(interpolate(text, parameters, index)),
        Value::Array(items) => Value::Array(
            items
                .iter()
                .map(|item| interpolate_value(item, parameters, index))
                .collect(),
        ),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), interpolate_value(v, parameters, index)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// The malformed-request interpolation: `$name:S` is parameter `name`'s value at `index` as a
/// quoted string, `$name:L` the value itself, `$$` a `$`; anything else stays as written.
pub fn interpolate(
    text: &str,
    parameters: &serde_json::Map<String, Value>,
    index: Option<usize>,
) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('$') {
        out.push_str(&rest[..at]);
        rest = &rest[at + 1..];
        if let Some(after) = rest.strip_prefix('$') {
            out.push('$');
            rest = after;
            continue;
        }
        let end = rest
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '_')
            .unwrap_or(rest.len());
        let value = index.and_then(|i| parameters.get(&rest[..end])?.get(i)?.as_str());
        let after = &rest[end..];
        match (value, after.get(..2)) {
            (Some(value), Some(":S")) => {
                out.push_str(&Value::String(value.to_owned()).to_string());
                rest = &after[2..];
            }
            (Some(value), Some(":L")) => {
                out.push_str(value);
                rest = &after[2..];
            }
            _ => out.push('$'),
        }
    }
    out.push_str(rest);
    out
}
