//! Semantic checks over the typed model. Every problem is reported, each naming the file, the
//! shape and the member.

use std::collections::{BTreeMap, BTreeSet};

use super::diagnostics::{did_you_mean, Sink};
use super::shape::{Shape, ShapeKind, Simple};
use super::traits::{EnumValue, Paginated};
use super::{Model, ShapeId};

pub(crate) fn validate(model: &Model, sink: &mut Sink) {
    for shape in model.shapes.values() {
        let mut v = Check {
            model,
            shape,
            sink: &mut *sink,
        };
        v.references();
        v.member_names();
        v.enum_values();
        v.trait_placement();
        v.http();
    }
    for (id, _) in model.services() {
        service(model, id, sink);
        super::endpoint_checks::check(model, id, sink);
    }
}

struct Check<'a> {
    model: &'a Model,
    shape: &'a Shape,
    sink: &'a mut Sink,
}

/// What a reference from one place may point at.
#[derive(Clone, Copy, PartialEq)]
enum Expect {
    /// A member target: any data shape.
    Data,
    /// Operation input/output: a structure.
    Structure,
    /// An error: a structure with `@error`.
    Error,
    /// A service or resource binding: an operation.
    Operation,
    /// A service or resource binding: a resource.
    Resource,
}

impl Check<'_> {
    fn error(&mut self, member: Option<&str>, message: impl Into<String>) {
        let at = match member {
            Some(m) => self.shape.id.with_member(m),
            None => self.shape.id.clone(),
        };
        self.sink.at(&self.shape.file, &at, message);
    }

    fn references(&mut self) {
        let mut refs: Vec<(Option<&str>, &ShapeId, Expect, &str)> = Vec::new();
        for m in self.shape.members() {
            refs.push((Some(m.name.as_str()), &m.target, Expect::Data, "targets"));
        }
        match &self.shape.kind {
            ShapeKind::Service(s) => {
                refs.extend(
                    s.operations
                        .iter()
                        .map(|t| (None, t, Expect::Operation, "binds operation")),
                );
                refs.extend(
                    s.resources
                        .iter()
                        .map(|t| (None, t, Expect::Resource, "binds resource")),
                );
                refs.extend(
                    s.errors
                        .iter()
                        .map(|t| (None, t, Expect::Error, "lists error")),
                );
            }
            ShapeKind::Operation(o) => {
                refs.push((None, &o.input, Expect::Structure, "has input"));
                refs.push((None, &o.output, Expect::Structure, "has output"));
                refs.extend(
                    o.errors
                        .iter()
                        .map(|t| (None, t, Expect::Error, "lists error")),
                );
            }
            ShapeKind::Resource(r) => {
                refs.extend(
                    r.identifiers
                        .iter()
                        .chain(&r.properties)
                        .map(|(_, t)| (None, t, Expect::Data, "has identifier or property")),
                );
                refs.extend(
                    r.all_operations()
                        .map(|t| (None, t, Expect::Operation, "binds operation")),
                );
                refs.extend(
                    r.resources
                        .iter()
                        .map(|t| (None, t, Expect::Resource, "binds resource")),
                );
            }
            _ => {}
        }
        for (member, target, expect, verb) in refs {
            self.reference(member, target, expect, verb);
        }
        if let ShapeKind::Map { key, .. } = &self.shape.kind {
            let ok = matches!(
                self.model.kind(&key.target),
                Some(ShapeKind::Simple(Simple::String) | ShapeKind::Enum(_))
            );
            if !ok && self.model.shape(&key.target).is_some() {
                self.error(
                    Some("key"),
                    format!(
                        "a map key must target a string or an enum, not `{}`",
                        key.target
                    ),
                );
            }
        }
    }

    fn reference(&mut self, member: Option<&str>, target: &ShapeId, expect: Expect, verb: &str) {
        let Some(shape) = self.model.shape(target) else {
            let hint = suggest_shape(self.model, target);
            self.error(member, format!("{verb} unknown shape `{target}`{hint}"));
            return;
        };
        let kind = shape.kind.type_name();
        let wrong = match (expect, &shape.kind) {
            (
                Expect::Data,
                ShapeKind::Service(_) | ShapeKind::Operation(_) | ShapeKind::Resource(_),
            ) => Some("a data shape"),
            (Expect::Data, _) if shape.traits.mixin.is_some() => {
                Some("a shape that is not a mixin")
            }
            (Expect::Structure, ShapeKind::Structure(_)) => None,
            (Expect::Structure, _) => Some("a structure"),
            (Expect::Error, ShapeKind::Structure(_)) if shape.traits.error.is_some() => None,
            (Expect::Error, _) => Some("a structure with the `smithy.api#error` trait"),
            (Expect::Operation, ShapeKind::Operation(_))
            | (Expect::Resource, ShapeKind::Resource(_)) => None,
            (Expect::Operation, _) => Some("an operation"),
            (Expect::Resource, _) => Some("a resource"),
            (Expect::Data, _) => None,
        };
        if let Some(wanted) = wrong {
            let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            };
            self.error(
                member,
                format!("{verb} `{target}`, {article} {kind}, but it must be {wanted}"),
            );
        }
    }

    fn member_names(&mut self) {
        let mut seen = BTreeMap::new();
        let names: Vec<String> = match &self.shape.kind {
            ShapeKind::Enum(m) | ShapeKind::IntEnum(m) => {
                m.iter().map(|m| m.name.clone()).collect()
            }
            _ => self
                .shape
                .members()
                .iter()
                .map(|m| m.name.clone())
                .collect(),
        };
        for name in names {
            if let Some(first) = seen.insert(name.to_ascii_lowercase(), name.clone()) {
                self.error(
                    Some(&name),
                    format!("member names must differ by more than case; `{first}` exists"),
                );
            }
        }
    }

    fn enum_values(&mut self) {
        let members = match &self.shape.kind {
            ShapeKind::Enum(m) | ShapeKind::IntEnum(m) => m,
            _ => return,
        };
        if members.is_empty() {
            self.error(None, "an enum needs at least one member");
        }
        let mut seen = BTreeSet::new();
        for m in members {
            if !seen.insert(&m.value) {
                let value = match &m.value {
                    EnumValue::String(s) => format!("\"{s}\""),
                    EnumValue::Int(i) => i.to_string(),
                };
                self.error(
                    Some(&m.name),
                    format!("enum value {value} is used by another member"),
                );
            }
            if m.value == EnumValue::String(String::new()) {
                self.error(Some(&m.name), "enum values must not be empty");
            }
            if let EnumValue::Int(i) = m.value {
                if i32::try_from(i).is_err() {
                    self.error(
                        Some(&m.name),
                        format!("intEnum value {i} does not fit a 32-bit integer"),
                    );
                }
            }
        }
    }

    /// Traits that only mean something on members, found on a shape, or the reverse.
    fn trait_placement(&mut self) {
        let t = &self.shape.traits;
        let member_only = [
            ("required", t.required),
            ("httpLabel", t.http_label),
            ("httpQuery", t.http_query.is_some()),
            ("httpHeader", t.http_header.is_some()),
            ("httpPayload", t.http_payload),
            ("jsonName", t.json_name.is_some()),
            ("idempotencyToken", t.idempotency_token),
            ("httpResponseCode", t.http_response_code),
        ];
        for (name, present) in member_only {
            if present {
                self.error(
                    None,
                    format!(
                        "trait `smithy.api#{name}` applies to members only; move it onto a member"
                    ),
                );
            }
        }
        let misplaced: Vec<(String, &str)> = self
            .shape
            .members()
            .iter()
            .flat_map(|m| {
                let t = &m.traits;
                [
                    ("http", t.http.is_some()),
                    ("error", t.error.is_some()),
                    ("paginated", t.paginated.is_some()),
                ]
                .into_iter()
                .filter(|(_, present)| *present)
                .map(move |(name, _)| (m.name.clone(), name))
            })
            .collect();
        for (member, name) in misplaced {
            self.error(
                Some(&member),
                format!("trait `smithy.api#{name}` does not apply to members"),
            );
        }
        if let Some(code) = t.http_error {
            if !(100..=599).contains(&code) {
                self.error(
                    None,
                    format!("`smithy.api#httpError` {code} is not an HTTP status code"),
                );
            }
        }
    }

    /// `@http` URIs against `@httpLabel` members.
    fn http(&mut self) {
        let (ShapeKind::Operation(op), Some(http)) = (&self.shape.kind, &self.shape.traits.http)
        else {
            return;
        };
        if !http.uri.starts_with('/') {
            self.error(
                None,
                format!("`smithy.api#http` uri `{}` must start with `/`", http.uri),
            );
        }
        let path = http.uri.split('?').next().unwrap_or_default();
        let labels: Vec<&str> = path
            .split('/')
            .filter_map(|seg| seg.strip_prefix('{')?.strip_suffix('}'))
            .map(|l| l.trim_end_matches('+'))
            .collect();
        let Some(input) = self.model.shape(&op.input) else {
            return;
        };
        let bound: Vec<&str> = input
            .members()
            .into_iter()
            .filter(|m| m.traits.http_label)
            .map(|m| m.name.as_str())
            .collect();
        for label in &labels {
            match input.member(label) {
                Some(m) if m.traits.http_label && m.traits.required => {}
                Some(_) => self.error(None, format!("uri label `{{{label}}}`: input member `{label}` needs both `@httpLabel` and `@required`")),
                None => {
                    let hint = did_you_mean(label, input.members().iter().map(|m| m.name.as_str()));
                    self.error(None, format!("uri label `{{{label}}}` has no input member of that name in `{}`{hint}", op.input));
                }
            }
        }
        for member in bound.into_iter().filter(|m| !labels.contains(m)) {
            self.error(None, format!("input member `{member}` is an `@httpLabel` but the uri `{}` has no `{{{member}}}`", http.uri));
        }
        let payloads = input
            .members()
            .into_iter()
            .filter(|m| m.traits.http_payload)
            .count();
        if payloads > 1 {
            self.error(None, "the input has more than one `@httpPayload` member");
        }
    }
}

/// Per-service checks: pagination paths and the uniqueness of names in the service closure.
fn service(model: &Model, id: &ShapeId, sink: &mut Sink) {
    let Some(svc) = model.shape(id) else { return };
    let service_pagination = svc.traits.paginated.as_ref();
    for op_id in model.operations_of(id) {
        let Some(op) = model.shape(&op_id) else {
            continue;
        };
        if let (ShapeKind::Operation(o), Some(p)) = (&op.kind, &op.traits.paginated) {
            pagination(
                model,
                op,
                &o.input,
                &o.output,
                &p.merged_over(service_pagination),
                sink,
            );
        }
    }
    let mut seen: BTreeMap<String, ShapeId> = BTreeMap::new();
    for shape_id in model.closure(id) {
        if shape_id.is_prelude() {
            continue;
        }
        let name = model.service_name(id, &shape_id);
        if let Some(first) = seen.insert(name.to_ascii_lowercase(), shape_id.clone()) {
            if first != shape_id {
                sink.at(&svc.file, id, format!("shapes `{first}` and `{shape_id}` have the same name in this service; use `rename` to tell them apart"));
            }
        }
    }
}

fn pagination(
    model: &Model,
    op: &Shape,
    input: &ShapeId,
    output: &ShapeId,
    p: &Paginated,
    sink: &mut Sink,
) {
    let mut problem =
        |msg: String| sink.at(&op.file, &op.id, format!("`smithy.api#paginated`: {msg}"));
    for (key, name) in [("inputToken", &p.input_token), ("pageSize", &p.page_size)] {
        if let Some(name) = name {
            if model.shape(input).and_then(|s| s.member(name)).is_none() {
                problem(format!(
                    "{key} `{name}` is not a member of the input `{input}`"
                ));
            }
        }
    }
    for (key, path) in [("outputToken", &p.output_token), ("items", &p.items)] {
        let Some(path) = path else { continue };
        match model.resolve_path(output, path) {
            None => problem(format!(
                "{key} `{path}` does not name a member path of the output `{output}`"
            )),
            Some(target)
                if key == "items"
                    && !matches!(
                        model.kind(target),
                        Some(ShapeKind::List(_) | ShapeKind::Map { .. })
                    ) =>
            {
                problem(format!("items `{path}` must target a list or a map"))
            }
            Some(_) => {}
        }
    }
}

/// A did-you-mean for an unknown shape id: the closest shape name, preferring the same namespace.
fn suggest_shape(model: &Model, wanted: &ShapeId) -> String {
    let same_ns: Vec<&ShapeId> = model
        .shapes
        .keys()
        .filter(|id| id.namespace() == wanted.namespace())
        .collect();
    let pool: Vec<&ShapeId> = if same_ns.is_empty() {
        model.shapes.keys().collect()
    } else {
        same_ns
    };
    let hint = did_you_mean(wanted.name(), pool.iter().map(|id| id.name()));
    match pool
        .iter()
        .find(|id| hint.contains(&format!("`{}`", id.name())))
    {
        Some(found) => format!(" (did you mean `{found}`?)"),
        None => String::new(),
    }
}
