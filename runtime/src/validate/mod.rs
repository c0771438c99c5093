//! Input validation for servers: the constraint traits of a structure's members, as generated
//! tables ([`Shape`]), checked against a request's wire form ([`View`]), reporting **every**
//! violation with its member path (`/teams/0/name`).
//!
//! Checking the wire form rather than the decoded value matters for `@required`: a nested
//! structure's missing required member decodes as its zero value (error correction), so only
//! the wire form tells it was absent.

mod check;
#[cfg(test)]
mod tests;
mod view;

pub use check::{compiles, validate, Violation, MAX_REPORTED};
pub use view::View;

/// How an operation's input is validated: its constraints, and the modeled error that
/// reports violations.
#[derive(Debug, PartialEq, Eq)]
pub struct Validation {
    /// The input structure's constraints.
    pub input: &'static Shape,
    /// The operation's own validation error, `(code, message member key)` (GameSparks
    /// `ValidationException`, GameLift `InvalidRequestException`); `None` answers
    /// `smithy.framework#ValidationException` with its `fieldList`.
    pub error: Option<(&'static str, &'static str)>,
}

/// The constraints of one structure or union.
#[derive(Debug, PartialEq, Eq)]
pub struct Shape {
    /// The shape's name (for messages).
    pub name: &'static str,
    /// Its members that carry constraints or lead to constrained shapes.
    pub members: &'static [Member],
}

/// One member of a [`Shape`].
#[derive(Debug, PartialEq, Eq)]
pub struct Member {
    /// The member's key in the wire form (its name, or `jsonName` under restJson1).
    pub key: &'static str,
    /// The member's name, used in violation paths.
    pub name: &'static str,
    /// `@required`.
    pub required: bool,
    /// The constraints of its value.
    pub value: Value,
}

/// The constraints of a value: its own, and those of what it contains.
#[derive(Debug, PartialEq, Eq)]
pub struct Value {
    /// `@length` bounds (characters of a string, bytes of a blob, entries of a list or map).
    pub length: Option<(Option<u64>, Option<u64>)>,
    /// `@range` bounds, as the model writes them (`2`, `2.2`).
    pub range: Option<(Option<&'static str>, Option<&'static str>)>,
    /// `@pattern`: an ECMA-262 regular expression, not anchored.
    pub pattern: Option<&'static str>,
    /// The values of a string enum.
    pub enum_values: Option<EnumValues>,
    /// The values of an intEnum.
    pub int_enum_values: Option<&'static [i64]>,
    /// `@uniqueItems` (lists).
    pub unique: bool,
    /// Whether the value is a blob (its length counts bytes, and JSON carries it in base64).
    pub blob: bool,
    /// A list's element or a map's value.
    pub element: Option<&'static Value>,
    /// A map's key.
    pub key: Option<&'static Value>,
    /// The structure or union the value is, if it has constraints of its own.
    pub shape: Option<&'static Shape>,
}

/// The values a string enum accepts.
#[derive(Debug, PartialEq, Eq)]
pub struct EnumValues {
    /// The values violation messages list, in model order.
    pub listed: &'static [&'static str],
    /// The `@internal` values: accepted, never listed.
    pub internal: &'static [&'static str],
}

impl EnumValues {
    /// Whether `value` is one of the enum's values.
    pub fn contains(&self, value: &str) -> bool {
        self.listed.contains(&value) || self.internal.contains(&value)
    }
}

impl Value {
    /// No constraints.
    pub const NONE: Value = Value {
        length: None,
        range: None,
        pattern: None,
        enum_values: None,
        int_enum_values: None,
        unique: false,
        blob: false,
        element: None,
        key: None,
        shape: None,
    };
}
