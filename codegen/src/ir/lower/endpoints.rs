//! The endpoint traits, lowered: the service's rule set as JSON text and each operation's
//! parameter bindings.

use super::Cx;
use crate::ir::{EndpointParam, StaticParamValue};
use crate::model::{Shape, ShapeId, ShapeKind, Traits};

/// The rule set as indented JSON text (so that a change to it reads well in a diff).
pub(super) fn rule_set(traits: &Traits) -> Option<String> {
    let rules = traits.endpoints.rule_set.as_ref()?;
    Some(serde_json::to_string_pretty(rules).unwrap_or_else(|_| rules.to_string()))
}

impl Cx<'_> {
    /// The parameters `op` binds (the loader has checked their forms), by name; where a
    /// parameter is bound twice the most specific binding wins: a constant, then an input
    /// member, then a path.
    pub(super) fn endpoint_params(&self, op: &Shape, input: &ShapeId) -> Vec<EndpointParam> {
        let mut params: std::collections::BTreeMap<String, EndpointParam> = Default::default();
        let endpoints = &op.traits.endpoints;
        for (name, param) in &endpoints.operation_context_params {
            params.insert(
                name.clone(),
                EndpointParam::Path {
                    name: name.clone(),
                    path: self.wire_path_over(input, &param.path),
                },
            );
        }
        if let Some(ShapeKind::Structure(members)) = self.model.shape(input).map(|s| &s.kind) {
            for m in members {
                if let Some(p) = &m.traits.endpoints.context_param {
                    params.insert(
                        p.name.clone(),
                        EndpointParam::Member {
                            name: p.name.clone(),
                            key: self.json_name(m),
                        },
                    );
                }
            }
        }
        for (name, param) in &endpoints.static_context_params {
            if let Some(value) = static_value(&param.value) {
                params.insert(
                    name.clone(),
                    EndpointParam::Static {
                        name: name.clone(),
                        value,
                    },
                );
            }
        }
        params.into_values().collect()
    }
}

fn static_value(value: &serde_json::Value) -> Option<StaticParamValue> {
    match value {
        serde_json::Value::Bool(b) => Some(StaticParamValue::Bool(*b)),
        serde_json::Value::String(s) => Some(StaticParamValue::String(s.clone())),
        serde_json::Value::Array(items) => items
            .iter()
            .map(|i| i.as_str().map(str::to_owned))
            .collect::<Option<Vec<_>>>()
            .map(StaticParamValue::StringArray),
        _ => None,
    }
}
