//! Rule-set parameters: their declarations ([`Parameter`]) and binding [`Params`] to them.

use std::fmt;

use serde_json::Value as Json;

use super::error::{ResolveError, RuleSetError};
use super::json::Cursor;
use super::val::Val;
use super::value::{Params, Value};

/// The type of a rule-set parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ParamType {
    /// `string`.
    String,
    /// `boolean`.
    Boolean,
    /// `stringArray`.
    StringArray,
}

impl ParamType {
    /// The type named `name`, whatever its case (models write `String` as well as `string`).
    fn named(name: &str) -> Option<ParamType> {
        match name.to_ascii_lowercase().as_str() {
            "string" => Some(ParamType::String),
            "boolean" => Some(ParamType::Boolean),
            "stringarray" => Some(ParamType::StringArray),
            _ => None,
        }
    }

    /// Whether `value` is of this type.
    pub fn admits(self, value: &Value) -> bool {
        matches!(
            (self, value),
            (ParamType::String, Value::String(_))
                | (ParamType::Boolean, Value::Bool(_))
                | (ParamType::StringArray, Value::StringArray(_))
        )
    }

    /// `a string`, `a boolean`, `a string array`.
    pub(super) fn article_name(self) -> &'static str {
        match self {
            ParamType::String => "a string",
            ParamType::Boolean => "a boolean",
            ParamType::StringArray => "a string array",
        }
    }
}

impl fmt::Display for ParamType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ParamType::String => "string",
            ParamType::Boolean => "boolean",
            ParamType::StringArray => "stringArray",
        })
    }
}

/// The built-ins the rules engine and its AWS extension define, with their types. A parameter
/// may name any other built-in (the set is extensible); callers bind the ones they know.
pub const BUILT_INS: &[(&str, ParamType)] = &[
    ("SDK::Endpoint", ParamType::String),
    ("AWS::Region", ParamType::String),
    ("AWS::UseFIPS", ParamType::Boolean),
    ("AWS::UseDualStack", ParamType::Boolean),
    ("AWS::Auth::AccountId", ParamType::String),
    ("AWS::Auth::AccountIdEndpointMode", ParamType::String),
    ("AWS::Auth::CredentialScope", ParamType::String),
    ("AWS::S3::Accelerate", ParamType::Boolean),
    (
        "AWS::S3::DisableMultiRegionAccessPoints",
        ParamType::Boolean,
    ),
    ("AWS::S3::ForcePathStyle", ParamType::Boolean),
    ("AWS::S3::UseArnRegion", ParamType::Boolean),
    ("AWS::S3::UseGlobalEndpoint", ParamType::Boolean),
    ("AWS::S3Control::UseArnRegion", ParamType::Boolean),
    ("AWS::STS::UseGlobalEndpoint", ParamType::Boolean),
];

/// A parameter the rule set declares.
#[derive(Clone, Debug, PartialEq)]
pub struct Parameter {
    name: String,
    kind: ParamType,
    required: bool,
    default: Option<Value>,
    built_in: Option<String>,
    documentation: Option<String>,
    deprecated: Option<String>,
}

impl Parameter {
    /// Its name, as rules and [`Params`] spell it.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Its type.
    pub fn kind(&self) -> ParamType {
        self.kind
    }

    /// Whether resolution fails when it is not set (and has no default).
    pub fn required(&self) -> bool {
        self.required
    }

    /// The value it takes when not set.
    pub fn default(&self) -> Option<&Value> {
        self.default.as_ref()
    }

    /// The built-in it is bound to (`AWS::Region`), if any.
    pub fn built_in(&self) -> Option<&str> {
        self.built_in.as_deref()
    }

    /// Its documentation.
    pub fn documentation(&self) -> Option<&str> {
        self.documentation.as_deref()
    }

    /// Its deprecation message (and date), if it is deprecated.
    pub fn deprecated(&self) -> Option<&str> {
        self.deprecated.as_deref()
    }
}

/// Reads the `parameters` object.
pub(super) fn parse_parameters(cursor: &Cursor<'_>) -> Result<Vec<Parameter>, RuleSetError> {
    let object = cursor.object()?;
    let mut parameters: Vec<Parameter> = Vec::with_capacity(object.len());
    for (name, _) in object {
        let at = cursor.key(name);
        if !is_identifier(name) {
            return Err(
                at.error("a parameter name must be a letter followed by letters and digits")
            );
        }
        if let Some(twin) = parameters
            .iter()
            .find(|p| p.name.eq_ignore_ascii_case(name))
        {
            return Err(at.error(format!(
                "parameter names must differ in more than case, and `{}` is declared too",
                twin.name
            )));
        }
        parameters.push(parse_parameter(&at, name)?);
    }
    Ok(parameters)
}

fn parse_parameter(at: &Cursor<'_>, name: &str) -> Result<Parameter, RuleSetError> {
    let type_name = at.key("type").string()?;
    let kind = ParamType::named(type_name).ok_or_else(|| {
        at.key("type").error(format!(
            "unknown parameter type `{type_name}`; expected string, boolean or stringArray"
        ))
    })?;
    let built_in = at.optional_string("builtIn")?.map(str::to_owned);
    if let Some(built_in) = &built_in {
        let known = BUILT_INS.iter().find(|(b, _)| b == built_in);
        if let Some((_, expected)) = known.filter(|(_, t)| *t != kind) {
            return Err(at.key("builtIn").error(format!(
                "the built-in `{built_in}` is a {expected}, but the parameter is a {kind}"
            )));
        }
    }
    let default = match at.get("default") {
        Some(json) => Some(default_value(&at.key("default"), json, kind)?),
        None => None,
    };
    let required = at.optional_bool("required")?.unwrap_or(false);
    if default.is_some() && !required {
        return Err(at.error("a parameter with a default must also be `required: true`"));
    }
    let deprecated = at.get("deprecated").map(|d| {
        let text = |key| d.get(key).and_then(Json::as_str).unwrap_or_default();
        format!("{} {}", text("message"), text("since"))
            .trim()
            .to_owned()
    });
    Ok(Parameter {
        name: name.to_owned(),
        kind,
        required,
        default,
        built_in,
        documentation: at.optional_string("documentation")?.map(str::to_owned),
        deprecated,
    })
}

fn default_value(at: &Cursor<'_>, json: &Json, kind: ParamType) -> Result<Value, RuleSetError> {
    match Value::from_json(json) {
        Some(value) if kind.admits(&value) => Ok(value),
        _ => Err(at.error(format!("the default must be {}", kind.article_name()))),
    }
}

/// `ALPHA *(ALPHA / DIGIT)`, the rules engine's grammar of parameter names.
fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric())
}

/// Fills the parameter slots from `params` and the defaults.
pub(super) fn bind<'a>(
    parameters: &'a [Parameter],
    params: &'a Params,
    slots: &mut [Option<Val<'a>>],
) -> Result<(), ResolveError> {
    let mut matched = 0;
    for (parameter, slot) in parameters.iter().zip(slots.iter_mut()) {
        let value = match params.get(&parameter.name) {
            Some(value) => {
                matched += 1;
                if !parameter.kind.admits(value) {
                    return Err(ResolveError::WrongType {
                        name: parameter.name.clone(),
                        expected: parameter.kind,
                        found: value.kind(),
                    });
                }
                Some(value)
            }
            None => parameter.default.as_ref(),
        };
        match value {
            Some(value) => *slot = Some(Val::from_value(value)),
            None if parameter.required => {
                return Err(ResolveError::MissingParameter(parameter.name.clone()))
            }
            None => *slot = None,
        }
    }
    if matched < params.len() {
        let unknown = params
            .iter()
            .find(|(name, _)| !parameters.iter().any(|p| p.name == *name))
            .map(|(name, _)| name.to_owned())
            .unwrap_or_default();
        return Err(ResolveError::UnknownParameter(unknown));
    }
    Ok(())
}
