//! Reading a decision tree: `endpoint`, `error` and `tree` rules, and endpoints.

use serde_json::Value as Json;

use super::error::RuleSetError;
use super::expr::{declare_condition, parse_expr};
use super::json::{kind, Cursor};
use super::scope::Scope;
use super::syntax::{EndpointSpec, Outcome, PropertySpec, Rule};

/// The rules of a rule set or a tree rule: at least one.
pub(super) fn parse_rules(
    at: &Cursor<'_>,
    scope: &mut Scope<'_>,
) -> Result<Vec<Rule>, RuleSetError> {
    let rules = at.map_items(|rule| parse_rule(rule, scope))?;
    if rules.is_empty() {
        return Err(at.error("expected one or more rules"));
    }
    Ok(rules)
}

/// One rule. The variables its conditions assign are in scope for its outcome (a tree rule's
/// subordinate rules included) and no further.
fn parse_rule(at: &Cursor<'_>, scope: &mut Scope<'_>) -> Result<Rule, RuleSetError> {
    let mark = scope.mark();
    let mut conditions = Vec::new();
    for condition in at.elements("conditions")? {
        conditions.push(declare_condition(&condition, scope)?);
    }
    let outcome = parse_outcome(at, scope)?;
    scope.restore(mark);
    Ok(Rule {
        conditions,
        outcome,
    })
}

/// What an `endpoint`, `error` or `tree` rule gives; a decision diagram's results are rules
/// without conditions, read here too.
pub(super) fn parse_outcome(
    at: &Cursor<'_>,
    scope: &mut Scope<'_>,
) -> Result<Outcome, RuleSetError> {
    let kind = at.key("type").string()?;
    match kind {
        "endpoint" => parse_endpoint(&at.key("endpoint"), scope).map(Outcome::Endpoint),
        "error" => parse_expr(&at.key("error"), scope).map(Outcome::Error),
        "tree" => parse_rules(&at.key("rules"), scope).map(Outcome::Tree),
        other => Err(at.key("type").error(format!(
            "unknown rule type `{other}`; expected endpoint, error or tree"
        ))),
    }
}

fn parse_endpoint(at: &Cursor<'_>, scope: &Scope<'_>) -> Result<EndpointSpec, RuleSetError> {
    let url = parse_expr(&at.key("url"), scope)?;
    let mut headers = Vec::new();
    if at.get("headers").is_some() {
        for name in sorted_keys(&at.key("headers"))? {
            let values = at.key("headers").key(name);
            let exprs = values.map_items(|value| parse_expr(value, scope))?;
            headers.push((name.to_owned(), exprs));
        }
    }
    let properties = match at.get("properties") {
        Some(_) => parse_object(&at.key("properties"), scope)?,
        None => Vec::new(),
    };
    Ok(EndpointSpec {
        url,
        headers,
        properties,
    })
}

/// An object's keys, sorted (so that endpoints come out the same whatever the key order).
fn sorted_keys<'j>(at: &Cursor<'j>) -> Result<Vec<&'j str>, RuleSetError> {
    let mut keys: Vec<&str> = at.object()?.keys().map(String::as_str).collect();
    keys.sort_unstable();
    Ok(keys)
}

fn parse_object(
    at: &Cursor<'_>,
    scope: &Scope<'_>,
) -> Result<Vec<(String, PropertySpec)>, RuleSetError> {
    sorted_keys(at)?
        .into_iter()
        .map(|key| Ok((key.to_owned(), parse_property(&at.key(key), scope)?)))
        .collect()
}

/// An endpoint property: strings (templates), booleans, integers, and lists and maps of them.
fn parse_property(at: &Cursor<'_>, scope: &Scope<'_>) -> Result<PropertySpec, RuleSetError> {
    match at.json() {
        Some(Json::String(_)) => parse_expr(at, scope).map(PropertySpec::Str),
        Some(Json::Bool(b)) => Ok(PropertySpec::Bool(*b)),
        Some(Json::Number(_)) => at.integer().map(PropertySpec::Int),
        Some(Json::Array(_)) => at
            .map_items(|item| parse_property(item, scope))
            .map(PropertySpec::Array),
        Some(Json::Object(_)) => parse_object(at, scope).map(PropertySpec::Object),
        other => Err(at.error(format!(
            "an endpoint property is a string, boolean, integer, list or map, not {}",
            other.map_or("nothing", kind)
        ))),
    }
}
