//! Reading `smithy.rules#endpointTests` test cases.

use std::collections::BTreeMap;

use serde_json::{Map, Value as Json};
use smithy_runtime::endpoint::{Params, Value};

/// One test case.
#[derive(Clone, Debug, PartialEq)]
pub struct TestCase {
    /// What it tests (empty when the case does not say).
    pub documentation: String,
    /// The parameters to resolve with, when the case gives them.
    pub params: Option<Params>,
    /// Operation calls whose configuration and input bind the parameters.
    pub inputs: Vec<OperationInput>,
    /// The outcome it expects.
    pub expect: Expect,
}

/// An `operationInputs` entry.
#[derive(Clone, Debug, PartialEq)]
pub struct OperationInput {
    /// The operation's shape name.
    pub operation: String,
    /// The operation's input, as JSON with member names as keys.
    pub operation_params: Json,
    /// Built-in values by built-in name (`AWS::Region`).
    pub built_in_params: Map<String, Json>,
    /// Client context parameters by parameter name.
    pub client_params: Map<String, Json>,
}

/// What a case expects.
#[derive(Clone, Debug, PartialEq)]
pub enum Expect {
    /// An endpoint: URL, headers and properties (absent ones are empty).
    Endpoint {
        /// The URL.
        url: String,
        /// Header values by name.
        headers: BTreeMap<String, Vec<String>>,
        /// The properties, as a JSON object.
        properties: Json,
    },
    /// An error rule's message.
    Error(String),
}

impl TestCase {
    /// Reads one entry of `testCases`.
    ///
    /// # Errors
    ///
    /// A case that does not follow the trait's shape, saying how.
    pub fn from_json(json: &Json) -> Result<TestCase, String> {
        let documentation = json
            .get("documentation")
            .and_then(Json::as_str)
            .unwrap_or_default()
            .to_owned();
        let params = match json.get("params") {
            Some(params) => Some(params_from_json(params)?),
            None => None,
        };
        let inputs = match json.get("operationInputs") {
            Some(Json::Array(items)) => items
                .iter()
                .map(OperationInput::from_json)
                .collect::<Result<_, _>>()?,
            Some(_) => return Err("`operationInputs` is not an array".to_owned()),
            None => Vec::new(),
        };
        let expect = Expect::from_json(json.get("expect").ok_or("the case has no `expect`")?)?;
        Ok(TestCase {
            documentation,
            params,
            inputs,
            expect,
        })
    }
}

/// Parameters from a JSON object of names and values (`null`: not set).
pub fn params_from_json(json: &Json) -> Result<Params, String> {
    let object = json.as_object().ok_or("`params` is not an object")?;
    let mut params = Params::new();
    for (name, value) in object.iter().filter(|(_, v)| !v.is_null()) {
        params.insert(name.clone(), value_from_json(name, value)?);
    }
    Ok(params)
}

/// A parameter value from JSON: a string, a boolean or a list of strings.
pub fn value_from_json(name: &str, json: &Json) -> Result<Value, String> {
    Value::from_json(json).ok_or_else(|| {
        format!("the value of `{name}` ({json}) is not a string, boolean or list of strings")
    })
}

impl OperationInput {
    fn from_json(json: &Json) -> Result<OperationInput, String> {
        let object = |key: &str| match json.get(key) {
            Some(Json::Object(map)) => Ok(map.clone()),
            Some(_) => Err(format!("`{key}` of an operation input is not an object")),
            None => Ok(Map::new()),
        };
        Ok(OperationInput {
            operation: json
                .get("operationName")
                .and_then(Json::as_str)
                .ok_or("an operation input has no `operationName`")?
                .to_owned(),
            operation_params: Json::Object(object("operationParams")?),
            built_in_params: object("builtInParams")?,
            client_params: object("clientParams")?,
        })
    }
}

impl Expect {
    fn from_json(json: &Json) -> Result<Expect, String> {
        if let Some(message) = json.get("error") {
            let message = message.as_str().ok_or("`expect.error` is not a string")?;
            return Ok(Expect::Error(message.to_owned()));
        }
        let endpoint = json
            .get("endpoint")
            .ok_or("`expect` has neither `endpoint` nor `error`")?;
        let url = endpoint
            .get("url")
            .and_then(Json::as_str)
            .ok_or("`expect.endpoint` has no `url`")?;
        let headers = match endpoint.get("headers") {
            Some(headers) => serde_json::from_value(headers.clone()).map_err(|e| {
                format!("`expect.endpoint.headers` is not a map of string lists: {e}")
            })?,
            None => BTreeMap::new(),
        };
        let properties = endpoint
            .get("properties")
            .cloned()
            .unwrap_or_else(|| Json::Object(Map::new()));
        Ok(Expect::Endpoint {
            url: url.to_owned(),
            headers,
            properties,
        })
    }
}
