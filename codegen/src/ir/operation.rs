//! Operations in the IR: their types, errors, HTTP binding, paginator, waiters and endpoint
//! parameters.

use proc_macro2::Ident;

use super::{FieldRef, StructId};

/// An operation.
#[derive(Clone, Debug)]
pub struct Operation {
    /// The operation's name in the service.
    pub name: String,
    /// The client and server method (`create_game`).
    pub fn_ident: Ident,
    /// The marker type in the `operation` module (`CreateGame`).
    pub ident: Ident,
    /// The input structure.
    pub input: StructId,
    /// The output structure.
    pub output: StructId,
    /// The operation's error enum in the `error` module (`CreateGameError`).
    pub error: Ident,
    /// Errors (service-level ones included), in name order.
    pub errors: Vec<ErrorRef>,
    /// Documentation.
    pub docs: Option<String>,
    /// The `@http` trait (`POST /` when absent, as awsJson uses).
    pub http: Http,
    /// The `@endpoint` host prefix, each `{Label}` renamed to the JSON key of its
    /// `@hostLabel` input member.
    pub host_prefix: Option<String>,
    /// `@httpChecksumRequired`.
    pub checksum_required: bool,
    /// `@requestCompression` lists `gzip`.
    pub gzip: bool,
    /// `@paginated` (merged over the service's), when it names both tokens.
    pub paginator: Option<Paginator>,
    /// The operation's waiters (`smithy.waiters#waitable`), in name order.
    pub waiters: Vec<Waiter>,
    /// The endpoint rule-set parameters the operation binds, in parameter-name order.
    pub endpoint_params: Vec<EndpointParam>,
    /// The operation's own error for invalid input, `(code, message member key)`: its
    /// `ValidationException` (GameSparks), else its `InvalidRequestException` (GameLift), unless
    /// that is `smithy.framework#ValidationException` (which has a `fieldList`) and the runtime
    /// writes it itself.
    pub validation_error: Option<(String, String)>,
}

/// An error an operation can return: a variant of its error enum.
#[derive(Clone, Debug)]
pub struct ErrorRef {
    /// The error structure (its `ErrorInfo` gives the code and status).
    pub shape: StructId,
    /// The wire error code: the error shape's name.
    pub code: String,
    /// The variant of the operation's error enum.
    pub variant: Ident,
    /// The enum's test for the variant (`is_not_found_exception`).
    pub test: Ident,
}

/// An operation the generated crate leaves out, and why.
#[derive(Clone, Debug)]
pub struct Omitted {
    /// The operation's name in the service.
    pub name: String,
    /// Why, as a sentence fragment (`its output member \`stream\` is an event stream`).
    pub reason: String,
}

/// A waiter the generated crate leaves out, and why.
#[derive(Clone, Debug)]
pub struct OmittedWaiter {
    /// The operation's name in the service.
    pub operation: String,
    /// The waiter's name.
    pub waiter: String,
    /// Why: each problem found, as sentence fragments.
    pub problems: Vec<String>,
}

/// The `@http` trait of an operation.
#[derive(Clone, Debug)]
pub struct Http {
    /// Method.
    pub method: String,
    /// URI pattern.
    pub uri: String,
    /// Success status code.
    pub code: u16,
}

/// Where a paginated operation keeps its tokens, page size and items: fields of its input
/// and output, and the paths to them.
#[derive(Clone, Debug)]
pub struct Paginator {
    /// The input field of the continuation token (`inputToken`).
    pub input_token: FieldRef,
    /// The output fields leading to the next token (`outputToken`), from the output.
    pub output_token: Vec<FieldRef>,
    /// The output fields leading to the items (`items`), if any.
    pub items: Option<Vec<FieldRef>>,
    /// The input field limiting the page size (`pageSize`), if any.
    pub page_size: Option<FieldRef>,
}

/// A waiter of an operation: polls it until an acceptor decides.
#[derive(Clone, Debug)]
pub struct Waiter {
    /// The waiter's name (`FleetActive`).
    pub name: String,
    /// The client method (`wait_until_fleet_active`).
    pub fn_ident: Ident,
    /// The static describing it in the `waiters` module (`FLEET_ACTIVE`).
    pub static_ident: Ident,
    /// Documentation.
    pub docs: Option<String>,
    /// Deprecated waiter.
    pub deprecated: bool,
    /// Minimum delay between attempts, in seconds.
    pub min_delay: u64,
    /// Maximum delay between attempts, in seconds.
    pub max_delay: u64,
    /// The acceptors, in order.
    pub acceptors: Vec<Acceptor>,
}

/// An acceptor: a matcher and the state it moves the waiter to.
#[derive(Clone, Debug, PartialEq)]
pub struct Acceptor {
    /// The resulting state.
    pub state: AcceptorState,
    /// What must match.
    pub matcher: Matcher,
}

/// Waiter states.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AcceptorState {
    /// Stop: the wait succeeded.
    Success,
    /// Stop: the wait failed.
    Failure,
    /// Poll again.
    Retry,
}

/// An acceptor's matcher.
#[derive(Clone, Debug, PartialEq)]
pub enum Matcher {
    /// JMESPath over the output.
    Output(PathMatcher),
    /// JMESPath over `{input, output}`.
    InputOutput(PathMatcher),
    /// Any success (`true`) or any error (`false`).
    Success(bool),
    /// An error with this code.
    ErrorType(String),
}

/// A JMESPath comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct PathMatcher {
    /// The JMESPath expression over the values' serde JSON form: each member it names is
    /// written with its wire name (its `@jsonName` under restJson1).
    pub path: String,
    /// Expected value, always a string.
    pub expected: String,
    /// How to compare.
    pub comparator: Comparator,
}

/// Waiter comparators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Comparator {
    /// The result is a string equal to `expected`.
    StringEquals,
    /// The result is a boolean equal to `expected`.
    BooleanEquals,
    /// The result is a non-empty list of strings all equal to `expected`.
    AllStringEquals,
    /// The result is a list with some string equal to `expected`.
    AnyStringEquals,
}

/// How an operation binds an endpoint rule-set parameter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EndpointParam {
    /// `@staticContextParams`: a constant.
    Static {
        /// The parameter.
        name: String,
        /// Its value.
        value: StaticParamValue,
    },
    /// `@contextParam`: an input member's value.
    Member {
        /// The parameter.
        name: String,
        /// The member's key in the input's serde JSON form.
        key: String,
    },
    /// `@operationContextParams`: a JMESPath expression over the input.
    Path {
        /// The parameter.
        name: String,
        /// The expression.
        path: String,
    },
}

/// A `@staticContextParams` value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StaticParamValue {
    /// A boolean.
    Bool(bool),
    /// A string.
    String(String),
    /// An array of strings.
    StringArray(Vec<String>),
}
