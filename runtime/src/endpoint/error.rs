//! Why a rule set does not load ([`RuleSetError`]) and why a resolution fails
//! ([`ResolveError`]).

use std::fmt;

use super::params::ParamType;

/// A rule set (or partitions file) that cannot be used: what is wrong and where, as a JSON
/// path into the document (`rules[2].conditions[0].argv[1]`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleSetError {
    path: String,
    message: String,
}

impl RuleSetError {
    pub(super) fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        RuleSetError {
            path: path.into(),
            message: message.into(),
        }
    }

    /// Where in the document the problem is (empty for the document itself).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What is wrong.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for RuleSetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "at {}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for RuleSetError {}

/// Why a rule set gave no endpoint for the parameters.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ResolveError {
    /// An `error` rule matched: the configuration asks for something the service does not
    /// offer. The message is the rule set's own ("FIPS and DualStack are enabled, but this
    /// partition does not support one or both").
    Rule(String),
    /// No rule matched: the rule set's rules (or a tree rule's) ran out.
    NoMatch,
    /// A parameter the rule set marks `required` (without a default) is not set.
    MissingParameter(String),
    /// A parameter is set that the rule set does not declare.
    UnknownParameter(String),
    /// A parameter is set to a value of the wrong type.
    WrongType {
        /// The parameter.
        name: String,
        /// The type the rule set declares.
        expected: ParamType,
        /// What it was set to (`a string`).
        found: &'static str,
    },
    /// The rule set broke one of the engine's typing rules while resolving (a function given
    /// the wrong type of value, a template of a value that is not set). A bug in the rule set.
    Evaluation(String),
}

impl ResolveError {
    /// The message of the `error` rule that matched, if that is what happened.
    pub fn rule_message(&self) -> Option<&str> {
        match self {
            ResolveError::Rule(message) => Some(message),
            _ => None,
        }
    }
}

impl fmt::Display for ResolveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResolveError::Rule(message) => write!(f, "{message}"),
            ResolveError::NoMatch => write!(
                f,
                "no endpoint rule matched these parameters (the rule set's rules ran out); \
                 check the region, or set an endpoint URL"
            ),
            ResolveError::MissingParameter(name) => write!(
                f,
                "the endpoint parameter `{name}` is required but not set; set it (for a \
                 built-in such as the region, in the client configuration)"
            ),
            ResolveError::UnknownParameter(name) => write!(
                f,
                "the endpoint rule set has no parameter `{name}`; parameter names are \
                 case-sensitive"
            ),
            ResolveError::WrongType {
                name,
                expected,
                found,
            } => write!(
                f,
                "the endpoint parameter `{name}` is {found}, but the rule set declares it {}",
                expected.article_name()
            ),
            ResolveError::Evaluation(message) => write!(
                f,
                "the endpoint rule set is invalid: {message}; this is a bug in the service \
                 model's rule set"
            ),
        }
    }
}

impl std::error::Error for ResolveError {}
