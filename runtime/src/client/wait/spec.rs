//! The waiter description generated code declares: [`Waiter`], its [`Acceptor`]s, their
//! [`Matcher`]s and [`Comparator`]s.

use std::fmt;

use serde_json::Value;

/// One waiter of an operation, as the model describes it: generated code declares each as a
/// `static`.
#[derive(Debug, PartialEq, Eq)]
pub struct Waiter {
    /// The waiter's name in the model (`FleetActive`), used in error messages.
    pub name: &'static str,
    /// The shortest delay between attempts, in seconds (`minDelay`, at least 1).
    pub min_delay: u64,
    /// The longest delay between attempts, in seconds (`maxDelay`, at least `min_delay`).
    pub max_delay: u64,
    /// The acceptors, in the order they are tried.
    pub acceptors: &'static [Acceptor],
}

/// A condition on a response and what its match means for the wait.
#[derive(Debug, PartialEq, Eq)]
pub struct Acceptor {
    /// What a match means.
    pub state: AcceptorState,
    /// When the acceptor matches.
    pub matcher: Matcher,
}

/// What a matching acceptor decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AcceptorState {
    /// The wait is over: the resource reached the state waited for.
    Success,
    /// The wait is over: the resource will not reach the state waited for.
    Failure,
    /// Poll again.
    Retry,
}

/// When an acceptor matches a response.
///
/// The paths are JMESPath expressions, parsed once per [`Wait::wait`](super::Wait::wait) call. The code
/// generator checks that they parse; one that does not never matches.
#[derive(Debug, PartialEq, Eq)]
pub enum Matcher {
    /// The operation succeeded, and `path`, evaluated on the output (its serde JSON form), gives
    /// a result that `comparator` finds equal to `expected`.
    Output {
        /// The JMESPath expression.
        path: &'static str,
        /// The value compared with.
        expected: &'static str,
        /// How the result is compared.
        comparator: Comparator,
    },
    /// The operation succeeded, and `path`, evaluated on `{"input": <input>, "output":
    /// <output>}`, gives a result that `comparator` finds equal to `expected`.
    InputOutput {
        /// The JMESPath expression.
        path: &'static str,
        /// The value compared with.
        expected: &'static str,
        /// How the result is compared.
        comparator: Comparator,
    },
    /// `Success(true)` matches any output, `Success(false)` any service error.
    Success(bool),
    /// A service error whose code is this name: only the part after a `#` counts
    /// (`com.example#NotFound` matches the code `NotFound`).
    ErrorType(&'static str),
}

impl Matcher {
    /// The JMESPath expression of an [`Output`](Matcher::Output) or
    /// [`InputOutput`](Matcher::InputOutput) matcher.
    pub fn path(&self) -> Option<&'static str> {
        match self {
            Matcher::Output { path, .. } | Matcher::InputOutput { path, .. } => Some(path),
            Matcher::Success(_) | Matcher::ErrorType(_) => None,
        }
    }
}

/// Describes the matcher as error messages show it: ``output path `Status` stringEquals
/// `FAILED` ``, ``error type `NotFound` ``, ``success `false` ``.
impl fmt::Display for Matcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Matcher::Output {
                path,
                expected,
                comparator,
            } => write!(f, "output path `{path}` {comparator} `{expected}`"),
            Matcher::InputOutput {
                path,
                expected,
                comparator,
            } => write!(
                f,
                "input and output path `{path}` {comparator} `{expected}`"
            ),
            Matcher::Success(success) => write!(f, "success `{success}`"),
            Matcher::ErrorType(name) => write!(f, "error type `{name}`"),
        }
    }
}

/// How the result of a path is compared with the expected value (always a string).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Comparator {
    /// The result is a string equal to the expected value.
    StringEquals,
    /// The result is a boolean: `true` if the expected value is `"true"`, `false` otherwise.
    BooleanEquals,
    /// The result is an array of at least one element, and every element is a string equal
    /// to the expected value.
    AllStringEquals,
    /// The result is an array, and some element is a string equal to the expected value.
    AnyStringEquals,
}

impl Comparator {
    /// The comparator's name in the model (`stringEquals`).
    pub fn name(self) -> &'static str {
        match self {
            Comparator::StringEquals => "stringEquals",
            Comparator::BooleanEquals => "booleanEquals",
            Comparator::AllStringEquals => "allStringEquals",
            Comparator::AnyStringEquals => "anyStringEquals",
        }
    }

    /// Whether `result` compares equal to `expected`; a result of any other type than the
    /// comparator wants (`null` for a missing member, a string for an array comparator...)
    /// never does.
    pub fn matches(self, result: &Value, expected: &str) -> bool {
        let is_expected = |value: &Value| value.as_str() == Some(expected);
        match (self, result) {
            (Comparator::StringEquals, _) => is_expected(result),
            (Comparator::BooleanEquals, _) => result.as_bool() == Some(expected == "true"),
            (Comparator::AllStringEquals, Value::Array(items)) => {
                !items.is_empty() && items.iter().all(is_expected)
            }
            (Comparator::AnyStringEquals, Value::Array(items)) => items.iter().any(is_expected),
            (Comparator::AllStringEquals | Comparator::AnyStringEquals, _) => false,
        }
    }
}

impl fmt::Display for Comparator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
