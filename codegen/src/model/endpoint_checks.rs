//! Checks of the endpoint traits: every parameter an operation binds is one its service's
//! rule set declares, static values have a parameter type, and paths parse as JMESPath.

use super::diagnostics::Sink;
use super::shape::ShapeKind;
use super::{Model, ShapeId};

/// The problems of `service`'s operations' parameter bindings, reported at each operation
/// (or input member).
pub(crate) fn check(model: &Model, service: &ShapeId, sink: &mut Sink) {
    let Some(service_shape) = model.shape(service) else {
        return;
    };
    let declared: Option<Vec<String>> = service_shape
        .traits
        .endpoints
        .rule_set
        .as_ref()
        .and_then(|r| r.get("parameters"))
        .and_then(|p| p.as_object())
        .map(|p| p.keys().cloned().collect());
    for op_id in model.operations_of(service) {
        let Some(op) = model.shape(&op_id) else {
            continue;
        };
        let endpoints = &op.traits.endpoints;
        let mut bound: Vec<(String, Option<String>)> = Vec::new();
        for (name, param) in &endpoints.static_context_params {
            if crate::model::static_value_kind(&param.value).is_none() {
                sink.at(
                    &op.file,
                    &op.id,
                    format!("staticContextParams `{name}`: the value must be a string, a boolean or an array of strings"),
                );
            }
            bound.push((name.clone(), None));
        }
        for (name, param) in &endpoints.operation_context_params {
            if let Err(e) = smithy_jmespath::parse(&param.path) {
                sink.at(
                    &op.file,
                    &op.id,
                    format!("operationContextParams `{name}`: {e}"),
                );
            }
            bound.push((name.clone(), None));
        }
        if let ShapeKind::Operation(o) = &op.kind {
            if let Some(ShapeKind::Structure(members)) = model.shape(&o.input).map(|s| &s.kind) {
                for m in members {
                    if let Some(p) = &m.traits.endpoints.context_param {
                        bound.push((p.name.clone(), Some(m.name.clone())));
                    }
                }
            }
        }
        let Some(declared) = &declared else {
            continue;
        };
        for (name, member) in bound {
            if !declared.contains(&name) {
                let at = match member {
                    Some(m) => format!(" (member `{m}`)"),
                    None => String::new(),
                };
                sink.at(
                    &op.file,
                    &op.id,
                    format!(
                        "binds endpoint parameter `{name}`{at}, which the rule set of {service} does not declare ({})",
                        declared.join(", ")
                    ),
                );
            }
        }
    }
}
