//! [`BuildError`].

use std::fmt;

/// A builder was asked to build a value while required members were unset.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct BuildError {
    type_name: &'static str,
    missing: Vec<&'static str>,
}

impl BuildError {
    /// `type_name` could not be built because the members `missing` (Rust field names, in
    /// declaration order) were not set.
    pub fn missing(type_name: &'static str, missing: Vec<&'static str>) -> Self {
        BuildError { type_name, missing }
    }

    /// The error for the members flagged missing in `members` (`(name, is_missing)` pairs, in
    /// declaration order), as generated builders check them.
    pub fn from_flags(type_name: &'static str, members: &[(&'static str, bool)]) -> Self {
        let missing = members
            .iter()
            .filter(|(_, missing)| *missing)
            .map(|(name, _)| *name)
            .collect();
        BuildError { type_name, missing }
    }

    /// The name of the type being built.
    pub fn type_name(&self) -> &'static str {
        self.type_name
    }

    /// The required members that were not set.
    pub fn missing_members(&self) -> &[&'static str] {
        &self.missing
    }
}

/// `CreateGameInput is missing required members: game_name, description` (`member` when
/// only one is missing).
impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.missing.as_slice() {
            [] => write!(f, "{} is missing required members", self.type_name),
            [one] => write!(f, "{} is missing required member: {one}", self.type_name),
            many => write!(
                f,
                "{} is missing required members: {}",
                self.type_name,
                many.join(", ")
            ),
        }
    }
}

impl std::error::Error for BuildError {}
