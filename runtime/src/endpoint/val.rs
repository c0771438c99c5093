//! The values rules compute with: parameter values, literals, and what functions return
//! (partitions, parsed URLs and ARNs). Cheap to clone: strings are borrowed from the rule set,
//! the parameters or the partition table, or shared.

use std::fmt::Write as _;
use std::ops::Deref;
use std::rc::Rc;

use super::aws::Arn;
use super::partitions::PartitionOutputs;
use super::stdlib::Url;
use super::syntax::PathPart;
use super::value::Value;

/// A string value: borrowed, or computed and shared.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Text<'a> {
    Borrowed(&'a str),
    Shared(Rc<str>),
}

impl Deref for Text<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Text::Borrowed(s) => s,
            Text::Shared(s) => s,
        }
    }
}

/// A value during evaluation. An unset value is `None` around it.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Val<'a> {
    Str(Text<'a>),
    Bool(bool),
    Int(i64),
    Array(Rc<[Val<'a>]>),
    Partition(&'a PartitionOutputs),
    Url(Rc<Url>),
    Arn(Rc<Arn>),
}

impl<'a> Val<'a> {
    /// A parameter's value.
    pub(super) fn from_value(value: &'a Value) -> Self {
        match value {
            Value::String(s) => Val::Str(Text::Borrowed(s)),
            Value::Bool(b) => Val::Bool(*b),
            Value::StringArray(items) => {
                Val::Array(items.iter().map(|s| Val::Str(Text::Borrowed(s))).collect())
            }
        }
    }

    /// A computed string.
    pub(super) fn string(s: impl Into<Rc<str>>) -> Self {
        Val::Str(Text::Shared(s.into()))
    }

    /// What kind of value this is, for messages.
    pub(super) fn kind(&self) -> &'static str {
        match self {
            Val::Str(_) => "a string",
            Val::Bool(_) => "a boolean",
            Val::Int(_) => "an integer",
            Val::Array(_) => "an array",
            Val::Partition(_) => "a partition",
            Val::Url(_) => "a URL",
            Val::Arn(_) => "an ARN",
        }
    }

    /// The value at `path` (`getAttr`): `None` where a key or index does not exist.
    pub(super) fn get_attr(&self, path: &[PathPart]) -> Option<Val<'a>> {
        let mut current = self.clone();
        for part in path {
            current = match part {
                PathPart::Key(key) => current.field(key)?,
                PathPart::Index(index) => current.element(*index)?,
            };
        }
        Some(current)
    }

    fn field(&self, key: &str) -> Option<Val<'a>> {
        match self {
            Val::Partition(p) => p.field(key),
            Val::Url(url) => url.field(key),
            Val::Arn(arn) => arn.field(key),
            _ => None,
        }
    }

    fn element(&self, index: i64) -> Option<Val<'a>> {
        let Val::Array(items) = self else {
            return None;
        };
        let len = i64::try_from(items.len()).ok()?;
        let at = if index < 0 { len + index } else { index };
        usize::try_from(at).ok().and_then(|i| items.get(i)).cloned()
    }

    /// Appends the value to a template's text; `Err` with the value's kind when a value of
    /// that kind has no text.
    pub(super) fn write_to(&self, out: &mut String) -> Result<(), &'static str> {
        match self {
            Val::Str(s) => out.push_str(s),
            Val::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Val::Int(i) => {
                let _ = write!(out, "{i}");
            }
            other => return Err(other.kind()),
        }
        Ok(())
    }
}

/// A string field of a record.
pub(super) fn shared(s: &Rc<str>) -> Option<Val<'static>> {
    Some(Val::Str(Text::Shared(Rc::clone(s))))
}
