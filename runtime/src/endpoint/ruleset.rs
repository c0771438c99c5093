//! [`RuleSet`]: a loaded rule set, and resolving parameters with it.

use serde_json::Value as Json;

use super::bdd::{parse_bdd, Bdd};
use super::error::{ResolveError, RuleSetError};
use super::eval::Eval;
use super::json::Cursor;
use super::params::{bind, parse_parameters, Parameter};
use super::partitions::Partitions;
use super::resolved::Endpoint;
use super::rules::parse_rules;
use super::scope::Scope;
use super::syntax::Rule;
use super::value::{Params, Value};

/// An endpoint rule set, read once and resolved many times: the `smithy.rules#endpointRuleSet`
/// trait (a decision tree) or the `smithy.rules#endpointBdd` trait (a decision diagram).
///
/// Reading checks the whole document (function names and arities, that every reference names
/// a parameter or a variable in scope, attribute paths, templates) and resolves every name to
/// a slot, so that resolving reads no JSON and looks up no names.
///
/// ```
/// use smithy_runtime::endpoint::{Params, RuleSet};
///
/// let rules = RuleSet::from_json(r#"{
///     "version": "1.0",
///     "parameters": {
///         "Region": {"type": "string", "builtIn": "AWS::Region", "documentation": "The region."}
///     },
///     "rules": [
///         {"conditions": [{"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "p"}],
///          "endpoint": {"url": "https://gamelift.{Region}.{p#dnsSuffix}"}, "type": "endpoint"},
///         {"conditions": [], "error": "Invalid Configuration: Missing Region", "type": "error"}
///     ]
/// }"#)?;
/// let endpoint = rules.resolve(&Params::new().with("Region", "cn-north-1"))?;
/// assert_eq!(endpoint.url(), "https://gamelift.cn-north-1.amazonaws.com.cn");
/// let error = rules.resolve(&Params::new()).unwrap_err();
/// assert_eq!(error.rule_message(), Some("Invalid Configuration: Missing Region"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct RuleSet {
    version: String,
    parameters: Vec<Parameter>,
    logic: Logic,
    /// How many evaluation slots resolving needs (parameters, then variables).
    slots: usize,
}

#[derive(Clone, Debug, PartialEq)]
enum Logic {
    Tree(Vec<Rule>),
    Bdd(Bdd),
}

impl RuleSet {
    /// Reads a rule set from JSON text: the value of an `endpointRuleSet` trait (with
    /// `rules`) or of an `endpointBdd` trait (with `nodes`).
    ///
    /// # Errors
    ///
    /// Text that is not JSON, or a rule set the engine cannot run; the error names the JSON
    /// path of the problem.
    pub fn from_json(text: &str) -> Result<RuleSet, RuleSetError> {
        let json: Json = serde_json::from_str(text)
            .map_err(|e| RuleSetError::new("", format!("not JSON: {e}")))?;
        RuleSet::from_value(&json)
    }

    /// Reads a rule set from a JSON value (a trait value as a model loader gives it).
    ///
    /// # Errors
    ///
    /// As [`RuleSet::from_json`].
    pub fn from_value(json: &Json) -> Result<RuleSet, RuleSetError> {
        let root = Cursor::root(json);
        root.object()?;
        let version = root.key("version").string()?.to_owned();
        let parameters = parse_parameters(&root.key("parameters"))?;
        let (logic, slots) = if json.get("nodes").is_some() {
            if version_below(&version, (1, 1)) {
                return Err(root.key("version").error(format!(
                    "a decision diagram needs rules engine version 1.1 or later, not {version}"
                )));
            }
            let (bdd, slots) = parse_bdd(&root, &parameters)?;
            (Logic::Bdd(bdd), slots)
        } else {
            let mut scope = Scope::new(&parameters);
            let rules = parse_rules(&root.key("rules"), &mut scope)?;
            (Logic::Tree(rules), scope.slots())
        };
        Ok(RuleSet {
            version,
            parameters,
            logic,
            slots,
        })
    }

    /// The rules engine version the rule set declares (`1.0`).
    pub fn version(&self) -> &str {
        &self.version
    }

    /// Whether the rule set is a decision diagram (`endpointBdd`) rather than a tree.
    pub fn is_decision_diagram(&self) -> bool {
        matches!(self.logic, Logic::Bdd(_))
    }

    /// The parameters it declares, in declaration order.
    pub fn parameters(&self) -> &[Parameter] {
        &self.parameters
    }

    /// The parameter called `name`.
    pub fn parameter(&self, name: &str) -> Option<&Parameter> {
        self.parameters.iter().find(|p| p.name() == name)
    }

    /// Sets every parameter bound to the built-in `built_in` (`AWS::Region`) to `value`;
    /// returns how many there were.
    pub fn bind_built_in(&self, params: &mut Params, built_in: &str, value: &Value) -> usize {
        let mut bound = 0;
        for parameter in self
            .parameters
            .iter()
            .filter(|p| p.built_in() == Some(built_in))
        {
            params.insert(parameter.name().to_owned(), value.clone());
            bound += 1;
        }
        bound
    }

    /// The endpoint for `params`, with the AWS partitions of this crate.
    ///
    /// # Errors
    ///
    /// [`ResolveError::Rule`] when an error rule matched (its message says what to change),
    /// another [`ResolveError`] for parameters that are missing, unknown or mistyped, or
    /// when no rule matched.
    pub fn resolve(&self, params: &Params) -> Result<Endpoint, ResolveError> {
        self.resolve_with(params, Partitions::aws())
    }

    /// The endpoint for `params`, `aws.partition` reading `partitions`.
    ///
    /// # Errors
    ///
    /// As [`RuleSet::resolve`].
    pub fn resolve_with(
        &self,
        params: &Params,
        partitions: &Partitions,
    ) -> Result<Endpoint, ResolveError> {
        let mut slots = vec![None; self.slots];
        bind(&self.parameters, params, &mut slots)?;
        let mut eval = Eval::new(slots, partitions);
        match &self.logic {
            Logic::Tree(rules) => eval.rules(rules),
            Logic::Bdd(bdd) => eval.bdd(bdd),
        }
    }
}

/// Whether a `major.minor` version is below `floor` (an unreadable one counts as below).
fn version_below(version: &str, floor: (u32, u32)) -> bool {
    let mut parts = version.split('.').map(str::parse::<u32>);
    match (parts.next(), parts.next()) {
        (Some(Ok(major)), Some(Ok(minor))) => (major, minor) < floor,
        (Some(Ok(major)), None) => (major, 0) < floor,
        _ => true,
    }
}
