//! Binding an `operationInputs` entry into rule-set parameters, as a generated client would:
//! built-ins and client parameters from its configuration, then the operation's
//! `@operationContextParams`, `@contextParam` members and `@staticContextParams`, each more
//! specific than the one before.

use codegen::model::{Model, ShapeId, ShapeKind};
use serde_json::Value as Json;
use smithy_runtime::endpoint::{Params, RuleSet, Value};

use super::cases::{value_from_json, OperationInput};

const STATIC_CONTEXT_PARAMS: &str = "smithy.rules#staticContextParams";
const CONTEXT_PARAM: &str = "smithy.rules#contextParam";
const OPERATION_CONTEXT_PARAMS: &str = "smithy.rules#operationContextParams";

/// The parameters an operation call binds.
///
/// # Errors
///
/// An operation the service lacks, a value of the wrong type, or a path that does not parse.
pub fn bind(
    model: &Model,
    service: &ShapeId,
    rules: &RuleSet,
    input: &OperationInput,
) -> Result<Params, String> {
    let mut params = Params::new();
    for (built_in, value) in input.built_in_params.iter().filter(|(_, v)| !v.is_null()) {
        rules.bind_built_in(&mut params, built_in, &value_from_json(built_in, value)?);
    }
    for (name, value) in input.client_params.iter().filter(|(_, v)| !v.is_null()) {
        params.insert(name.clone(), value_from_json(name, value)?);
    }
    let operation = model
        .operations_of(service)
        .into_iter()
        .find(|op| op.name() == input.operation)
        .ok_or_else(|| format!("the service has no operation `{}`", input.operation))?;
    let shape = model
        .shape(&operation)
        .ok_or("the operation has no shape")?;
    if let Some(paths) = trait_value(&shape.traits.raw, OPERATION_CONTEXT_PARAMS) {
        bind_operation_context(rules, &mut params, paths, &input.operation_params)?;
    }
    if let ShapeKind::Operation(op) = &shape.kind {
        bind_context_members(
            model,
            &op.input,
            rules,
            &mut params,
            &input.operation_params,
        )?;
    }
    if let Some(statics) = trait_value(&shape.traits.raw, STATIC_CONTEXT_PARAMS) {
        for (name, entry) in statics.as_object().into_iter().flatten() {
            let value = entry
                .get("value")
                .ok_or_else(|| format!("static context parameter `{name}` has no value"))?;
            params.insert(name.clone(), value_from_json(name, value)?);
        }
    }
    Ok(params)
}

/// The value of the trait `id` (a constant of this file) among `traits`.
pub fn trait_value<'m>(
    traits: &'m std::collections::BTreeMap<ShapeId, Json>,
    id: &str,
) -> Option<&'m Json> {
    id.parse::<ShapeId>().ok().and_then(|id| traits.get(&id))
}

/// `@operationContextParams`: each parameter's JMESPath path over the input.
fn bind_operation_context(
    rules: &RuleSet,
    params: &mut Params,
    paths: &Json,
    input: &Json,
) -> Result<(), String> {
    for (name, entry) in paths.as_object().into_iter().flatten() {
        let path = entry
            .get("path")
            .and_then(Json::as_str)
            .ok_or_else(|| format!("operation context parameter `{name}` has no path"))?;
        let expression = smithy_jmespath::parse(path).map_err(|e| format!("`{name}`: {e}"))?;
        let found = expression
            .search(input)
            .map_err(|e| format!("`{name}`: {e}"))?;
        if let Some(value) = typed(rules, name, &found)? {
            params.insert(name.clone(), value);
        }
    }
    Ok(())
}

/// `@contextParam` members of the operation's input.
fn bind_context_members(
    model: &Model,
    input_shape: &ShapeId,
    rules: &RuleSet,
    params: &mut Params,
    input: &Json,
) -> Result<(), String> {
    let Some(shape) = model.shape(input_shape) else {
        return Ok(());
    };
    for member in shape.members() {
        let Some(binding) = trait_value(&member.traits.raw, CONTEXT_PARAM) else {
            continue;
        };
        let name = binding
            .get("name")
            .and_then(Json::as_str)
            .ok_or_else(|| format!("member `{}` has a contextParam without a name", member.name))?;
        if let Some(value) = input.get(&member.name) {
            if let Some(value) = typed(rules, name, value)? {
                params.insert(name.to_owned(), value);
            }
        }
    }
    Ok(())
}

/// A selected value as the parameter's type; `None` for `null` (nothing selected).
fn typed(rules: &RuleSet, name: &str, json: &Json) -> Result<Option<Value>, String> {
    if json.is_null() {
        return Ok(None);
    }
    let value = value_from_json(name, json)?;
    match rules.parameter(name) {
        Some(p) if !p.kind().admits(&value) => Err(format!(
            "`{name}` is bound to {json}, but the rule set declares it a {}",
            p.kind()
        )),
        _ => Ok(Some(value)),
    }
}
