//! Shape identifiers: `namespace#Name` and member ids `namespace#Name$member`.

use std::fmt;
use std::str::FromStr;

/// An absolute Smithy shape id, optionally naming a member (`ns.example#Shape$member`).
///
/// Ordering is by namespace, then name, then member, so maps keyed by `ShapeId` iterate in a
/// stable, human-friendly order.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ShapeId {
    namespace: String,
    name: String,
    member: Option<String>,
}

/// Why a string is not a valid absolute shape id.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("`{text}` is not a valid absolute shape id ({reason}); expected `namespace#Name` or `namespace#Name$member`")]
pub struct ShapeIdError {
    /// The text that failed to parse.
    pub text: String,
    /// What is wrong with it.
    pub reason: &'static str,
}

impl ShapeId {
    /// Builds a shape id from a namespace and a name, validating both.
    pub fn new(namespace: &str, name: &str) -> Result<Self, ShapeIdError> {
        format!("{namespace}#{name}").parse()
    }

    /// The namespace part (`ns.example`).
    pub fn namespace(&self) -> &str {
        &self.namespace
    }

    /// The shape name part (`Shape`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The member name, for member ids.
    pub fn member(&self) -> Option<&str> {
        self.member.as_deref()
    }

    /// The id of the shape that contains this member (or the id itself for a shape id).
    pub fn root(&self) -> ShapeId {
        ShapeId {
            namespace: self.namespace.clone(),
            name: self.name.clone(),
            member: None,
        }
    }

    /// The id of member `member` of this shape.
    pub fn with_member(&self, member: &str) -> ShapeId {
        ShapeId {
            namespace: self.namespace.clone(),
            name: self.name.clone(),
            member: Some(member.to_string()),
        }
    }

    /// True for shapes of the Smithy prelude (`smithy.api`).
    pub fn is_prelude(&self) -> bool {
        self.namespace == PRELUDE_NAMESPACE
    }

    /// The id of a prelude shape. Only for names known to be valid identifiers.
    pub(crate) fn prelude(name: &str) -> ShapeId {
        ShapeId {
            namespace: PRELUDE_NAMESPACE.into(),
            name: name.into(),
            member: None,
        }
    }
}

/// The namespace of the Smithy prelude.
pub const PRELUDE_NAMESPACE: &str = "smithy.api";

/// Smithy identifier: `_*[A-Za-z][A-Za-z0-9_]*`.
pub(crate) fn is_identifier(s: &str) -> bool {
    let rest = s.trim_start_matches('_');
    let mut chars = rest.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

impl FromStr for ShapeId {
    type Err = ShapeIdError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let err = |reason| ShapeIdError {
            text: text.to_string(),
            reason,
        };
        let (namespace, rest) = text.split_once('#').ok_or_else(|| err("missing `#`"))?;
        if namespace.is_empty() || !namespace.split('.').all(is_identifier) {
            return Err(err("bad namespace"));
        }
        let (name, member) = match rest.split_once('$') {
            Some((name, member)) => (name, Some(member)),
            None => (rest, None),
        };
        if !is_identifier(name) {
            return Err(err("bad shape name"));
        }
        if member.is_some_and(|m| !is_identifier(m)) {
            return Err(err("bad member name"));
        }
        Ok(ShapeId {
            namespace: namespace.to_string(),
            name: name.to_string(),
            member: member.map(str::to_string),
        })
    }
}

impl fmt::Display for ShapeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}#{}", self.namespace, self.name)?;
        if let Some(member) = &self.member {
            write!(f, "${member}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_shape_and_member_ids() {
        let id: ShapeId = "com.example#Foo$bar_1".parse().unwrap();
        assert_eq!(id.namespace(), "com.example");
        assert_eq!(id.name(), "Foo");
        assert_eq!(id.member(), Some("bar_1"));
        assert_eq!(id.to_string(), "com.example#Foo$bar_1");
        assert_eq!(id.root().to_string(), "com.example#Foo");
    }

    #[test]
    fn rejects_malformed_ids_with_a_reason() {
        for (text, reason) in [
            ("Foo", "missing `#`"),
            ("#Foo", "bad namespace"),
            ("a..b#Foo", "bad namespace"),
            ("a#1Foo", "bad shape name"),
            ("a#Foo$", "bad member name"),
            ("a#Foo-Bar", "bad shape name"),
        ] {
            let err = text.parse::<ShapeId>().unwrap_err();
            assert_eq!(err.reason, reason, "{text}");
        }
    }

    #[test]
    fn identifiers_may_start_with_underscores() {
        assert!(is_identifier("_Foo"));
        assert!(!is_identifier("_"));
        assert!(!is_identifier("9a"));
    }
}
