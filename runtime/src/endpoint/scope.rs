//! Names in scope while a rule set is read: its parameters, then the variables that
//! conditions assign, each given its evaluation slot.

use super::error::RuleSetError;
use super::json::Cursor;
use super::params::Parameter;
use super::syntax::Slot;

/// The names a reference may use at one point of the rule set.
pub(super) struct Scope<'p> {
    params: &'p [Parameter],
    /// Variables in scope, innermost last.
    vars: Vec<(String, Slot)>,
    /// How many slots evaluation needs: parameters, plus the deepest nesting of variables.
    slots: usize,
}

impl<'p> Scope<'p> {
    /// The parameters alone.
    pub(super) fn new(params: &'p [Parameter]) -> Self {
        Scope {
            params,
            vars: Vec::new(),
            slots: params.len(),
        }
    }

    /// The slot of `name`, a variable in scope or a parameter.
    pub(super) fn lookup(&self, name: &str) -> Option<Slot> {
        self.vars
            .iter()
            .rev()
            .find(|(var, _)| var == name)
            .map(|(_, slot)| *slot)
            .or_else(|| self.params.iter().position(|p| p.name() == name))
    }

    /// The slot of `name`, or an error at `at` saying it is not defined.
    pub(super) fn resolve(&self, at: &Cursor<'_>, name: &str) -> Result<Slot, RuleSetError> {
        self.lookup(name).ok_or_else(|| {
            at.error(format!(
                "`{name}` is neither a parameter nor a variable assigned by an earlier \
                 condition of this rule or an enclosing tree rule"
            ))
        })
    }

    /// A new variable `name` (from a condition's `assign`), in scope until [`restore`].
    ///
    /// [`restore`]: Scope::restore
    pub(super) fn declare(&mut self, at: &Cursor<'_>, name: &str) -> Result<Slot, RuleSetError> {
        if self.lookup(name).is_some() {
            return Err(at.error(format!(
                "`{name}` is already a parameter or a variable in scope; variables must not \
                 shadow them"
            )));
        }
        let slot = self.params.len() + self.vars.len();
        self.vars.push((name.to_owned(), slot));
        self.slots = self.slots.max(slot + 1);
        Ok(slot)
    }

    /// A mark to [`restore`](Scope::restore) to when the current rule ends.
    pub(super) fn mark(&self) -> usize {
        self.vars.len()
    }

    /// Ends the scope of the variables declared since `mark`.
    pub(super) fn restore(&mut self, mark: usize) {
        self.vars.truncate(mark);
    }

    /// How many evaluation slots the rules read so far need.
    pub(super) fn slots(&self) -> usize {
        self.slots
    }
}
