//! Load and validation problems, each located at a file, a shape and a member.

use std::collections::BTreeMap;
use std::fmt;

use super::ShapeId;

/// Where IDL files write their shapes, members and `apply` targets: (file, id) → (line, column).
pub(crate) type Positions = BTreeMap<(String, ShapeId), (usize, usize)>;

/// One problem found while loading or validating a model.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// The model file the problem is in (`<prelude>` for prelude shapes), when known.
    pub file: Option<String>,
    /// `line:column`: of a JSON syntax error, or of an IDL problem (for a problem found after
    /// the IDL phase, where its shape or member is written).
    pub position: Option<(usize, usize)>,
    /// The shape concerned, when there is one. Member ids name the member too.
    pub shape: Option<ShapeId>,
    /// What is wrong, and where relevant what to do about it.
    pub message: String,
}

impl Diagnostic {
    /// A problem with no particular shape (a file-level or metadata problem).
    pub fn in_file(file: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            file: Some(file.into()),
            position: None,
            shape: None,
            message: message.into(),
        }
    }

    /// A problem with a shape or member of a file.
    pub fn at(file: &str, shape: &ShapeId, message: impl Into<String>) -> Self {
        Diagnostic {
            file: Some(file.into()),
            position: None,
            shape: Some(shape.clone()),
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut prefix = false;
        if let Some(file) = &self.file {
            write!(f, "{file}")?;
            if let Some((line, column)) = self.position {
                write!(f, ":{line}:{column}")?;
            }
            prefix = true;
        }
        if let Some(shape) = &self.shape {
            if prefix {
                write!(f, ": ")?;
            }
            write!(f, "{shape}")?;
            prefix = true;
        }
        if prefix {
            write!(f, ": ")?;
        }
        write!(f, "{}", self.message)
    }
}

/// Every problem found in a set of model files. Never empty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    /// Wraps a non-empty list, sorted by file, shape and message so reports are stable.
    pub(crate) fn new(mut list: Vec<Diagnostic>) -> Self {
        list.sort();
        list.dedup();
        Diagnostics(list)
    }

    /// The problems, sorted by file, position and shape.
    pub fn list(&self) -> &[Diagnostic] {
        &self.0
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.len();
        writeln!(f, "{n} model error{}:", if n == 1 { "" } else { "s" })?;
        for d in &self.0 {
            writeln!(f, "  {d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

/// Collects problems while a phase goes on, so that all of them are reported at once.
#[derive(Default, Debug)]
pub(crate) struct Sink(pub(crate) Vec<Diagnostic>);

impl Sink {
    pub(crate) fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    pub(crate) fn at(&mut self, file: &str, shape: &ShapeId, message: impl Into<String>) {
        self.push(Diagnostic::at(file, shape, message));
    }

    /// Gives every problem without a position the IDL position of its shape or member (a member
    /// written nowhere in its file, such as one a mixin provides, takes its shape's).
    pub(crate) fn locate(&mut self, positions: &Positions) {
        for d in self.0.iter_mut().filter(|d| d.position.is_none()) {
            let (Some(file), Some(shape)) = (&d.file, &d.shape) else {
                continue;
            };
            let at = |id: ShapeId| positions.get(&(file.clone(), id)).copied();
            d.position = at(shape.clone()).or_else(|| at(shape.root()));
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub(crate) fn finish(self) -> Result<(), Diagnostics> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(Diagnostics::new(self.0))
        }
    }
}

/// The closest candidate to `wanted` (by edit distance, case-insensitive), if close enough to
/// be a plausible typo: `" (did you mean `X`?)"`, or an empty string.
pub(crate) fn did_you_mean<'a>(
    wanted: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> String {
    let wanted_lc = wanted.to_ascii_lowercase();
    let best = candidates
        .into_iter()
        .map(|c| (edit_distance(&wanted_lc, &c.to_ascii_lowercase()), c))
        .min();
    match best {
        Some((distance, c)) if distance <= (wanted.chars().count() / 3).max(2) => {
            format!(" (did you mean `{c}`?)")
        }
        _ => String::new(),
    }
}

/// Levenshtein distance over chars.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != *cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(
            did_you_mean("GameNme", ["GameName", "StageName"]),
            " (did you mean `GameName`?)"
        );
        assert_eq!(did_you_mean("Zebra", ["GameName", "StageName"]), "");
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn displays_every_location_part() {
        let id: ShapeId = "a#B$c".parse().unwrap();
        let mut d = Diagnostic::at("m.json", &id, "bad");
        assert_eq!(d.to_string(), "m.json: a#B$c: bad");
        d.position = Some((3, 7));
        assert_eq!(d.to_string(), "m.json:3:7: a#B$c: bad");
    }
}
