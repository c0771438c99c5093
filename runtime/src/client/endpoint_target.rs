//! Where one call goes: the endpoint a service's rule set resolves for the configuration and
//! the operation's input, with the headers and signing scope it names.

use std::collections::BTreeMap;

use super::endpoint::{parse_endpoint_url, resolve_endpoint};
use super::error::{ConstructionError, ConstructionErrorKind};
use super::resolved::ResolvedConfig;
use crate::endpoint::{Endpoint, ParamBinding, Params, ResolveError, Resolver, RuleSet, Value};
use crate::operation::Operation;

/// The endpoint of one call and how to sign for it.
#[derive(Debug)]
pub(crate) struct Target {
    pub(crate) uri: http::Uri,
    /// Headers the rule set adds to the request.
    pub(crate) headers: Vec<(http::HeaderName, http::HeaderValue)>,
    /// The signing name a `sigv4` auth scheme names, instead of the model's.
    pub(crate) signing_name: Option<String>,
    /// The signing region a `sigv4` auth scheme names, instead of the configured one.
    pub(crate) signing_region: Option<String>,
}

/// What the configuration says about endpoints, for [`target`].
pub(crate) struct EndpointConfig<'a> {
    pub(crate) resolved: &'a ResolvedConfig,
    pub(crate) resolver: Option<&'a Resolver>,
    pub(crate) client_params: &'a BTreeMap<String, Value>,
}

/// The endpoint of operation `O` with `input`: from the service's rule set when it has one,
/// else `https://{prefix}.{region}.{DNS suffix}` (or the endpoint URL set).
pub(crate) fn target<O: Operation>(
    config: &EndpointConfig<'_>,
    input: &O::Input,
) -> Result<Target, ConstructionError> {
    let resolved = config.resolved;
    let Some(resolver) = config.resolver else {
        let uri = resolve_endpoint(O::SERVICE, resolved.region(), resolved.endpoint_url())?;
        return Ok(Target {
            uri,
            headers: Vec::new(),
            signing_name: None,
            signing_region: None,
        });
    };
    let rules = resolver.rule_set();
    let mut params = built_ins(rules, resolved);
    bind_client_params(rules, &mut params, config.client_params)?;
    bind_operation_params::<O>(&mut params, input)?;
    let endpoint = resolver
        .resolve(&params)
        .map_err(|e| match resolved.region() {
            // Without a region most rule sets answer "Missing Region": say what to set.
            None if resolved.endpoint_url().is_none() => ConstructionError::new(
                ConstructionErrorKind::MissingRegion,
                format!(
                    "no region configured: set AWS_REGION or call Config::builder().region(..) \
                 (the endpoint rules say: {e})"
                ),
            ),
            _ => resolve_error(e),
        })?;
    into_target(&endpoint)
}

/// The built-in parameters from the configuration.
fn built_ins(rules: &RuleSet, resolved: &ResolvedConfig) -> Params {
    let mut params = Params::new();
    if let Some(region) = resolved.region() {
        rules.bind_built_in(&mut params, "AWS::Region", &Value::from(region));
    }
    rules.bind_built_in(
        &mut params,
        "AWS::UseFIPS",
        &Value::Bool(resolved.use_fips()),
    );
    rules.bind_built_in(
        &mut params,
        "AWS::UseDualStack",
        &Value::Bool(resolved.use_dual_stack()),
    );
    if let Some(url) = resolved.endpoint_url() {
        rules.bind_built_in(&mut params, "SDK::Endpoint", &Value::from(url));
    }
    params
}

/// The `@clientContextParams` set in code; a name the rule set does not declare is an error.
fn bind_client_params(
    rules: &RuleSet,
    params: &mut Params,
    client_params: &BTreeMap<String, Value>,
) -> Result<(), ConstructionError> {
    for (name, value) in client_params {
        if rules.parameter(name).is_none() {
            let declared: Vec<&str> = rules.parameters().iter().map(|p| p.name()).collect();
            return Err(ConstructionError::new(
                ConstructionErrorKind::InvalidConfiguration,
                format!(
                    "endpoint parameter `{name}` is not one this service's rule set declares ({})",
                    declared.join(", ")
                ),
            ));
        }
        params.insert(name.clone(), value.clone());
    }
    Ok(())
}

/// The operation's own parameters: what its input members and JMESPath paths give (a value
/// that is not a string, boolean or string array leaves the parameter unset), then its
/// constants.
fn bind_operation_params<O: Operation>(
    params: &mut Params,
    input: &O::Input,
) -> Result<(), ConstructionError> {
    let bindings = O::SPEC.endpoint_params;
    if bindings.is_empty() {
        return Ok(());
    }
    let invalid =
        |message: String| ConstructionError::new(ConstructionErrorKind::InvalidInput, message);
    let needs_input = bindings
        .iter()
        .any(|b| !matches!(b, ParamBinding::Static { .. }));
    let json = match needs_input {
        true => serde_json::to_value(input)
            .map_err(|e| invalid(format!("cannot read the {} input: {e}", O::NAME)))?,
        false => serde_json::Value::Null,
    };
    for binding in bindings {
        let value = match binding {
            ParamBinding::Static { value, .. } => Some(Value::from(*value)),
            ParamBinding::Member { key, .. } => json.get(key).and_then(Value::from_json),
            ParamBinding::Path { path, .. } => {
                let problem = |e: &dyn std::fmt::Display| {
                    invalid(format!("endpoint parameter path {path:?}: {e}"))
                };
                let expression = smithy_jmespath::parse(path).map_err(|e| problem(&e))?;
                let found = expression.search(&json).map_err(|e| problem(&e))?;
                Value::from_json(&found)
            }
        };
        if let Some(value) = value {
            params.insert(binding.name(), value);
        }
    }
    Ok(())
}

/// A resolution error as the user should read it: an error rule's message as it is.
fn resolve_error(error: ResolveError) -> ConstructionError {
    match error {
        ResolveError::Rule(message) => {
            ConstructionError::new(ConstructionErrorKind::InvalidConfiguration, message)
        }
        other => ConstructionError::new(
            ConstructionErrorKind::InvalidEndpoint,
            format!("endpoint resolution failed: {other}"),
        ),
    }
}

/// The URL, headers and signing scope of a resolved endpoint.
fn into_target(endpoint: &Endpoint) -> Result<Target, ConstructionError> {
    let uri = parse_endpoint_url(endpoint.url())?;
    let mut headers = Vec::new();
    for (name, values) in endpoint.headers() {
        let name = http::HeaderName::from_bytes(name.as_bytes()).map_err(|e| {
            invalid_endpoint(format!(
                "the endpoint names an invalid header {name:?}: {e}"
            ))
        })?;
        for value in values {
            let value = http::HeaderValue::from_str(value).map_err(|e| {
                invalid_endpoint(format!(
                    "the endpoint's header {name} has an invalid value: {e}"
                ))
            })?;
            headers.push((name.clone(), value));
        }
    }
    let schemes = endpoint.auth_schemes();
    let sigv4 = endpoint.auth_scheme("sigv4");
    if sigv4.is_none() && !schemes.is_empty() {
        let names: Vec<&str> = schemes.iter().map(|s| s.name.as_str()).collect();
        return Err(ConstructionError::new(
            ConstructionErrorKind::Signing,
            format!(
                "the endpoint {} must be signed with {}, which this client does not support (it signs with sigv4)",
                endpoint.url(),
                names.join(" or ")
            ),
        ));
    }
    Ok(Target {
        uri,
        headers,
        signing_name: sigv4.and_then(|s| s.signing_name.clone()),
        signing_region: sigv4.and_then(|s| s.signing_region.clone()),
    })
}

fn invalid_endpoint(message: String) -> ConstructionError {
    ConstructionError::new(ConstructionErrorKind::InvalidEndpoint, message)
}
