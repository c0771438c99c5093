//! Parameter values: [`Value`] and the [`Params`] of one resolution.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

/// The value of a rule-set parameter: the three parameter types of the rules engine.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Value {
    /// A `string` parameter.
    String(String),
    /// A `boolean` parameter.
    Bool(bool),
    /// A `stringArray` parameter.
    StringArray(Vec<String>),
}

impl Value {
    /// The value of a JSON string, boolean or array of strings (as test cases and
    /// `staticContextParams` write them); `None` for any other JSON value.
    ///
    /// ```
    /// # use smithy_runtime::endpoint::Value;
    /// # use serde_json::json;
    /// assert_eq!(Value::from_json(&json!("us-east-1")), Some(Value::from("us-east-1")));
    /// assert_eq!(Value::from_json(&json!(["a"])), Some(Value::StringArray(vec!["a".into()])));
    /// assert_eq!(Value::from_json(&json!(1)), None);
    /// ```
    pub fn from_json(json: &serde_json::Value) -> Option<Value> {
        match json {
            serde_json::Value::String(s) => Some(Value::String(s.clone())),
            serde_json::Value::Bool(b) => Some(Value::Bool(*b)),
            serde_json::Value::Array(items) => items
                .iter()
                .map(|item| item.as_str().map(str::to_owned))
                .collect::<Option<Vec<_>>>()
                .map(Value::StringArray),
            _ => None,
        }
    }

    /// The value as JSON.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Value::String(s) => serde_json::Value::String(s.clone()),
            Value::Bool(b) => serde_json::Value::Bool(*b),
            Value::StringArray(items) => serde_json::Value::Array(
                items
                    .iter()
                    .map(|s| serde_json::Value::String(s.clone()))
                    .collect(),
            ),
        }
    }

    /// What kind of value this is, for messages: `a string`, `a boolean`, `a string array`.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::String(_) => "a string",
            Value::Bool(_) => "a boolean",
            Value::StringArray(_) => "a string array",
        }
    }
}

impl From<&str> for Value {
    fn from(value: &str) -> Self {
        Value::String(value.to_owned())
    }
}

impl From<String> for Value {
    fn from(value: String) -> Self {
        Value::String(value)
    }
}

impl From<bool> for Value {
    fn from(value: bool) -> Self {
        Value::Bool(value)
    }
}

impl From<Vec<String>> for Value {
    fn from(value: Vec<String>) -> Self {
        Value::StringArray(value)
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.to_json())
    }
}

/// The parameter values of one resolution, by parameter name (case-sensitive, as the rule set
/// spells them). Unset parameters take their rule-set default.
///
/// Parameters are bound from several places; the rules engine ranks them, most specific
/// first: `@staticContextParams`, `@contextParam`, `@operationContextParams`,
/// `@clientContextParams`, built-ins (the configuration's region, FIPS and dual-stack
/// settings, endpoint URL), then the rule set's defaults. [`Params::insert`] replaces, so bind
/// from the least specific to the most specific.
///
/// `Params` is ordered and hashable: it is the key of the resolution cache
/// ([`Resolver`](super::Resolver)).
///
/// ```
/// # use smithy_runtime::endpoint::Params;
/// let params = Params::new().with("Region", "cn-north-1").with("UseFIPS", false);
/// assert_eq!(params.get("Region").and_then(|v| v.as_str()), Some("cn-north-1"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Params {
    values: BTreeMap<Cow<'static, str>, Value>,
}

impl Params {
    /// No parameters set.
    pub fn new() -> Self {
        Params::default()
    }

    /// These parameters with `name` set to `value`.
    pub fn with(mut self, name: impl Into<Cow<'static, str>>, value: impl Into<Value>) -> Self {
        self.insert(name, value);
        self
    }

    /// Sets `name` to `value`, returning the value it replaces.
    pub fn insert(
        &mut self,
        name: impl Into<Cow<'static, str>>,
        value: impl Into<Value>,
    ) -> Option<Value> {
        self.values.insert(name.into(), value.into())
    }

    /// Unsets `name`, returning its value.
    pub fn remove(&mut self, name: &str) -> Option<Value> {
        self.values.remove(name)
    }

    /// The value of `name`, if set.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.values.get(name)
    }

    /// Every parameter set, in name order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.values.iter().map(|(k, v)| (k.as_ref(), v))
    }

    /// How many parameters are set.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Whether no parameter is set.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The parameters as a JSON object, in name order (for messages and test reports).
    pub fn to_json(&self) -> serde_json::Value {
        let map = self
            .iter()
            .map(|(name, value)| (name.to_owned(), value.to_json()))
            .collect();
        serde_json::Value::Object(map)
    }
}

impl Value {
    /// The string, if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The boolean, if this is a boolean.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }
}
