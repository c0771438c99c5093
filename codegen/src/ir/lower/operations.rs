//! Operations: their input, output and errors (by index), HTTP binding, paginator and the
//! error that reports invalid input.

use super::{docs, Cx};
use crate::ir::{ErrorRef, FieldRef, Http, Omitted, OmittedWaiter, Operation, Paginator, StructId};
use crate::model::{Member, Shape, ShapeId, ShapeKind, Traits};
use crate::names;

impl Cx<'_> {
    /// The operations of the service in name order, those left out (event streams), and the
    /// waiters left out.
    pub(super) fn operations(&self) -> (Vec<Operation>, Vec<Omitted>, Vec<OmittedWaiter>) {
        let mut operations = Vec::new();
        let mut omitted = Vec::new();
        let mut omitted_waiters = Vec::new();
        for op_id in self.model.operations_of(self.service) {
            if let Some(reason) = self.event_stream(&op_id) {
                let name = self.model.service_name(self.service, &op_id);
                omitted.push(Omitted { name, reason });
                continue;
            }
            if let Some((op, left_out)) = self.operation(&op_id) {
                operations.push(op);
                omitted_waiters.extend(left_out);
            }
        }
        operations.sort_by(|a, b| a.name.cmp(&b.name));
        omitted.sort_by(|a, b| a.name.cmp(&b.name));
        omitted_waiters.sort_by(|a, b| (&a.operation, &a.waiter).cmp(&(&b.operation, &b.waiter)));
        (operations, omitted, omitted_waiters)
    }

    /// Why operation `id` cannot be generated yet, when its input or output has an event
    /// stream (a member targeting a `@streaming` union).
    pub(super) fn event_stream(&self, id: &ShapeId) -> Option<String> {
        let Some(ShapeKind::Operation(op)) = self.model.kind(id) else {
            return None;
        };
        [("input", &op.input), ("output", &op.output)].into_iter().find_map(|(side, target)| {
            let Some(ShapeKind::Structure(members)) = self.model.kind(target) else {
                return None;
            };
            members.iter().find_map(|m| {
                let stream = self.model.shape(&m.target).filter(|t| {
                    t.traits.streaming && matches!(t.kind, ShapeKind::Union(_))
                })?;
                Some(format!(
                    "its {side} member `{}` is an event stream (`{}`), which this generator does not support yet",
                    m.name, stream.id
                ))
            })
        })
    }

    /// The operation `id`, and the waiters of it that the crate leaves out.
    fn operation(&self, id: &ShapeId) -> Option<(Operation, Vec<OmittedWaiter>)> {
        let shape = self.model.shape(id)?;
        let ShapeKind::Operation(op) = &shape.kind else {
            return None;
        };
        let name = self.model.service_name(self.service, id);
        let input = self.layout.io_of(id, &op.input, true)?;
        let output = self.layout.io_of(id, &op.output, false)?;
        let errors = self.errors(id);
        let (waiters, left_out) = self.waiters(shape, &name);
        let operation = Operation {
            fn_ident: names::fn_ident(&name),
            ident: names::type_ident(&name),
            error: names::operation_error_ident(&name),
            input,
            output,
            validation_error: self.validation_error(&errors),
            errors,
            docs: docs(&shape.traits),
            http: match &shape.traits.http {
                Some(h) => Http {
                    method: h.method.clone(),
                    uri: h.uri.clone(),
                    code: h.code,
                },
                None => Http {
                    method: "POST".into(),
                    uri: "/".into(),
                    code: 200,
                },
            },
            host_prefix: shape
                .traits
                .endpoint
                .as_ref()
                .map(|e| self.host_prefix(&e.host_prefix, &op.input)),
            checksum_required: shape.traits.http_checksum_required,
            gzip: shape
                .traits
                .request_compression
                .as_ref()
                .is_some_and(|c| c.encodings.iter().any(|e| e.eq_ignore_ascii_case("gzip"))),
            paginator: self.paginator(&shape.traits, &op.input, &op.output),
            waiters,
            endpoint_params: self.endpoint_params(shape, &op.input),
            name,
        };
        Some((operation, left_out))
    }

    /// The errors of operation `id` (the service's included), in name order.
    fn errors(&self, id: &ShapeId) -> Vec<ErrorRef> {
        self.model
            .errors_of(self.service, id)
            .iter()
            .filter_map(|e| {
                let shape = self.layout.struct_of(e)?;
                let variant = self.type_ident(e);
                Some(ErrorRef {
                    shape,
                    code: e.name().to_string(),
                    test: names::variant_test_ident(&variant),
                    variant,
                })
            })
            .collect()
    }

    /// The operation's own error for invalid input, `(code, message member key)`: its
    /// `ValidationException` (GameSparks), else its `InvalidRequestException` (GameLift). One
    /// with a `fieldList` member is `smithy.framework#ValidationException`, which the runtime
    /// writes itself (`None`), as it does when the operation has neither.
    fn validation_error(&self, errors: &[ErrorRef]) -> Option<(String, String)> {
        let error = ["ValidationException", "InvalidRequestException"]
            .iter()
            .find_map(|code| errors.iter().find(|e| e.code == *code))?;
        let members = self.members_of(self.layout_shape(error.shape)?);
        if members.iter().any(|m| m.name == "fieldList") {
            return None;
        }
        let message = members
            .iter()
            .find(|m| m.name.eq_ignore_ascii_case("message"))?;
        Some((error.code.clone(), self.json_name(message)))
    }

    /// The model shape of structure `id` (none for a synthesized one).
    fn layout_shape(&self, id: StructId) -> Option<&Shape> {
        match &self.layout.structs.get(id.0)?.1 {
            super::StructSource::Shape(shape) => Some(shape),
            super::StructSource::Synthetic { .. } => None,
        }
    }

    /// The members of a structure or union shape.
    fn members_of<'s>(&self, shape: &'s Shape) -> &'s [Member] {
        match &shape.kind {
            ShapeKind::Structure(members) | ShapeKind::Union(members) => members,
            _ => &[],
        }
    }

    /// The operation's `@paginated`, merged over the service's, when it names both tokens
    /// and they lead to fields (the loader has checked that its members and paths exist).
    fn paginator(&self, traits: &Traits, input: &ShapeId, output: &ShapeId) -> Option<Paginator> {
        let service = self.model.shape(self.service)?.traits.paginated.as_ref();
        let p = traits.paginated.as_ref()?.merged_over(service);
        let path = |path: &str| self.field_path(output, path);
        Some(Paginator {
            input_token: self.field_path(input, p.input_token.as_deref()?)?.pop()?,
            output_token: path(p.output_token.as_deref()?)?,
            items: p.items.as_deref().and_then(path),
            page_size: p
                .page_size
                .as_deref()
                .and_then(|m| self.field_path(input, m)?.pop()),
        })
    }

    /// The fields a dotted member path (`A.B`) leads through, from structure shape `from`.
    fn field_path(&self, from: &ShapeId, path: &str) -> Option<Vec<FieldRef>> {
        let mut owner = from;
        let mut steps = Vec::new();
        for segment in path.split('.') {
            let shape = self.model.shape(owner)?;
            let members = self.members_of(shape);
            let field = members.iter().position(|m| m.name == segment)?;
            steps.push(FieldRef {
                owner: self.layout.struct_of(&shape.id)?,
                field,
            });
            owner = &members[field].target;
        }
        Some(steps)
    }

    /// `prefix` with each `{Member}` label renamed to the member's JSON key.
    fn host_prefix(&self, prefix: &str, input: &ShapeId) -> String {
        let members = self
            .model
            .shape(input)
            .map_or(&[][..], |s| self.members_of(s));
        let mut out = String::with_capacity(prefix.len());
        let mut rest = prefix;
        while let (Some(start), Some(end)) = (rest.find('{'), rest.find('}')) {
            if end < start {
                break;
            }
            let label = &rest[start + 1..end];
            let key = members
                .iter()
                .find(|m| m.name == label)
                .map_or_else(|| label.to_owned(), |m| self.json_name(m));
            out.push_str(&rest[..start]);
            out.push('{');
            out.push_str(&key);
            out.push('}');
            rest = &rest[end + 1..];
        }
        out.push_str(rest);
        out
    }
}
