//! The endpoint traits of the rules engine (`smithy.rules#…`): the service's rule set and
//! its client parameters, and how operations bind parameters.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

use super::traits::Traits;

/// A `smithy.rules#clientContextParams` entry: a rule-set parameter that client
/// configuration sets.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClientContextParam {
    /// `string`, `boolean` or `stringArray`.
    #[serde(rename = "type")]
    pub kind: String,
    /// What it is for.
    pub documentation: Option<String>,
}

/// A `smithy.rules#staticContextParams` entry: a constant an operation binds.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaticContextParam {
    /// A string, boolean or array of strings.
    pub value: Value,
}

/// `smithy.rules#contextParam` on an input member: the parameter its value binds.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContextParam {
    /// The parameter's name.
    pub name: String,
}

/// A `smithy.rules#operationContextParams` entry: a JMESPath expression over the input.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OperationContextParam {
    /// The expression, naming input members.
    pub path: String,
}

/// The endpoint traits of a shape.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EndpointTraits {
    /// `smithy.rules#endpointRuleSet`, or the decision-diagram form `smithy.rules#endpointBdd`,
    /// verbatim.
    pub rule_set: Option<Value>,
    /// `smithy.rules#clientContextParams`, by parameter name.
    pub client_context_params: BTreeMap<String, ClientContextParam>,
    /// `smithy.rules#staticContextParams`, by parameter name.
    pub static_context_params: BTreeMap<String, StaticContextParam>,
    /// `smithy.rules#contextParam`.
    pub context_param: Option<ContextParam>,
    /// `smithy.rules#operationContextParams`, by parameter name.
    pub operation_context_params: BTreeMap<String, OperationContextParam>,
}

impl Traits {
    /// Types the `smithy.rules` trait `name`; `Ok(false)` for one not typed here (kept in
    /// `other`, such as `endpointTests`).
    pub(super) fn set_rules(&mut self, name: &str, v: &Value) -> Result<bool, String> {
        let e = &mut self.endpoints;
        match name {
            "endpointRuleSet" => e.rule_set = Some(v.clone()),
            "endpointBdd" if e.rule_set.is_none() => e.rule_set = Some(v.clone()),
            "clientContextParams" => e.client_context_params = typed(v)?,
            "staticContextParams" => e.static_context_params = typed(v)?,
            "contextParam" => e.context_param = Some(typed(v)?),
            "operationContextParams" => e.operation_context_params = typed(v)?,
            _ => return Ok(false),
        }
        Ok(true)
    }
}

fn typed<T: serde::de::DeserializeOwned>(v: &Value) -> Result<T, String> {
    T::deserialize(v).map_err(|e| e.to_string())
}

/// Whether a static context value is a rule-set value: `string`, `boolean` or `stringArray`
/// (the kind), else `None`.
pub fn static_value_kind(value: &Value) -> Option<&'static str> {
    match value {
        Value::String(_) => Some("string"),
        Value::Bool(_) => Some("boolean"),
        Value::Array(items) if items.iter().all(Value::is_string) => Some("stringArray"),
        _ => None,
    }
}
