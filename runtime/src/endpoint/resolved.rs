//! What a rule set resolves to: an [`Endpoint`] with its headers, properties and the signing
//! settings of its `authSchemes`.

use std::collections::BTreeMap;

/// A resolved endpoint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint {
    url: String,
    headers: BTreeMap<String, Vec<String>>,
    properties: BTreeMap<String, Property>,
    auth_schemes: Vec<AuthScheme>,
}

impl Endpoint {
    /// An endpoint; its [`auth_schemes`](Endpoint::auth_schemes) are read from the
    /// `authSchemes` property.
    pub fn new(
        url: String,
        headers: BTreeMap<String, Vec<String>>,
        properties: BTreeMap<String, Property>,
    ) -> Self {
        let auth_schemes = match properties.get("authSchemes") {
            Some(Property::Array(schemes)) => schemes.iter().filter_map(AuthScheme::read).collect(),
            _ => Vec::new(),
        };
        Endpoint {
            url,
            headers,
            properties,
            auth_schemes,
        }
    }

    /// The URL requests go to (scheme, host, maybe a port and a base path).
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Headers every request to this endpoint carries, by name.
    pub fn headers(&self) -> &BTreeMap<String, Vec<String>> {
        &self.headers
    }

    /// The endpoint's properties, by name.
    pub fn properties(&self) -> &BTreeMap<String, Property> {
        &self.properties
    }

    /// The `authSchemes` property: the signing settings the endpoint asks for, in the rule
    /// set's order of preference.
    pub fn auth_schemes(&self) -> &[AuthScheme] {
        &self.auth_schemes
    }

    /// The first auth scheme named `name` (`sigv4`, `sigv4a`): what a client signing with that
    /// scheme takes its signing name and region from. `None` when the endpoint says nothing
    /// about it, and the service's defaults apply.
    pub fn auth_scheme(&self, name: &str) -> Option<&AuthScheme> {
        self.auth_schemes.iter().find(|s| s.name == name)
    }

    /// The properties as a JSON object, keys in order.
    pub fn properties_json(&self) -> serde_json::Value {
        object_json(&self.properties)
    }
}

/// An endpoint property value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Property {
    /// A string.
    String(String),
    /// A boolean.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A list.
    Array(Vec<Property>),
    /// A map, in key order.
    Object(BTreeMap<String, Property>),
}

impl Property {
    /// The property as JSON.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Property::String(s) => s.as_str().into(),
            Property::Bool(b) => (*b).into(),
            Property::Int(i) => (*i).into(),
            Property::Array(items) => items.iter().map(Property::to_json).collect(),
            Property::Object(map) => object_json(map),
        }
    }

    fn as_str(&self) -> Option<&str> {
        match self {
            Property::String(s) => Some(s),
            _ => None,
        }
    }
}

fn object_json(map: &BTreeMap<String, Property>) -> serde_json::Value {
    serde_json::Value::Object(map.iter().map(|(k, v)| (k.clone(), v.to_json())).collect())
}

/// One entry of an endpoint's `authSchemes`: how to sign requests to it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AuthScheme {
    /// The scheme: `sigv4`, `sigv4a`, or another the client may not know.
    pub name: String,
    /// The service name to sign with, instead of the model's.
    pub signing_name: Option<String>,
    /// The region to sign with (`sigv4`), instead of the configured one.
    pub signing_region: Option<String>,
    /// The regions to sign for (`sigv4a`).
    pub signing_region_set: Vec<String>,
    /// When `true`, the path is not escaped twice while signing.
    pub disable_double_encoding: bool,
    /// When `true`, the path is not normalized while signing.
    pub disable_normalize_path: bool,
}

impl AuthScheme {
    /// The scheme an `authSchemes` entry describes; `None` for an entry without a `name`.
    fn read(entry: &Property) -> Option<AuthScheme> {
        let Property::Object(map) = entry else {
            return None;
        };
        let text = |key: &str| map.get(key).and_then(Property::as_str).map(str::to_owned);
        let flag = |key: &str| matches!(map.get(key), Some(Property::Bool(true)));
        let region_set = match map.get("signingRegionSet") {
            Some(Property::Array(items)) => items
                .iter()
                .filter_map(|p| p.as_str().map(str::to_owned))
                .collect(),
            _ => Vec::new(),
        };
        Some(AuthScheme {
            name: text("name")?,
            signing_name: text("signingName"),
            signing_region: text("signingRegion"),
            signing_region_set: region_set,
            disable_double_encoding: flag("disableDoubleEncoding"),
            disable_normalize_path: flag("disableNormalizePath"),
        })
    }
}
