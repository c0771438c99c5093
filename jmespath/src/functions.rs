//! The built-in functions: their names, arities, and the checked access to their arguments
//! that their implementations (in [`crate::builtins`]) use.

use serde_json::{Map, Number, Value};

use crate::ast::Ast;
use crate::builtins;
use crate::error::EvalError;
use crate::eval::Val;
use crate::value::type_name;

/// A built-in function of JMESPath.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Function {
    Abs,
    Avg,
    Ceil,
    Contains,
    EndsWith,
    Floor,
    Join,
    Keys,
    Length,
    Map,
    Max,
    MaxBy,
    Merge,
    Min,
    MinBy,
    NotNull,
    Reverse,
    Sort,
    SortBy,
    StartsWith,
    Sum,
    ToArray,
    ToNumber,
    ToString,
    Type,
    Values,
}

/// Every function with its name, the number of its parameters and whether the last one
/// repeats (`merge` and `not_null` take one or more arguments).
const TABLE: [(Function, &str, usize, bool); 26] = [
    (Function::Abs, "abs", 1, false),
    (Function::Avg, "avg", 1, false),
    (Function::Ceil, "ceil", 1, false),
    (Function::Contains, "contains", 2, false),
    (Function::EndsWith, "ends_with", 2, false),
    (Function::Floor, "floor", 1, false),
    (Function::Join, "join", 2, false),
    (Function::Keys, "keys", 1, false),
    (Function::Length, "length", 1, false),
    (Function::Map, "map", 2, false),
    (Function::Max, "max", 1, false),
    (Function::MaxBy, "max_by", 2, false),
    (Function::Merge, "merge", 1, true),
    (Function::Min, "min", 1, false),
    (Function::MinBy, "min_by", 2, false),
    (Function::NotNull, "not_null", 1, true),
    (Function::Reverse, "reverse", 1, false),
    (Function::Sort, "sort", 1, false),
    (Function::SortBy, "sort_by", 2, false),
    (Function::StartsWith, "starts_with", 2, false),
    (Function::Sum, "sum", 1, false),
    (Function::ToArray, "to_array", 1, false),
    (Function::ToNumber, "to_number", 1, false),
    (Function::ToString, "to_string", 1, false),
    (Function::Type, "type", 1, false),
    (Function::Values, "values", 1, false),
];

impl Function {
    /// The function called `name`, if JMESPath defines one.
    pub(crate) fn from_name(name: &str) -> Option<Function> {
        TABLE
            .iter()
            .find(|(_, n, _, _)| *n == name)
            .map(|(f, _, _, _)| *f)
    }

    fn entry(self) -> (&'static str, usize, bool) {
        TABLE
            .iter()
            .find(|(f, _, _, _)| *f == self)
            .map_or(("?", 0, false), |(_, n, a, v)| (*n, *a, *v))
    }

    /// The name of the function, as written in expressions.
    pub(crate) fn name(self) -> &'static str {
        self.entry().0
    }

    /// Whether the expression references given to the function are applied to the elements
    /// of one of its array arguments (its index), as for `sort_by(items, &key)`.
    pub(crate) fn element_argument(self) -> Option<usize> {
        match self {
            Function::Map => Some(1),
            Function::MaxBy | Function::MinBy | Function::SortBy => Some(0),
            _ => None,
        }
    }

    /// Checks the number of arguments of a call, returning the error message if it is wrong.
    pub(crate) fn check_arity(self, count: usize) -> Result<(), String> {
        let (name, arity, variadic) = self.entry();
        let plural = if arity == 1 { "" } else { "s" };
        if variadic && count < arity {
            Err(format!(
                "{name}() takes at least {arity} argument{plural}, found {count}"
            ))
        } else if !variadic && count != arity {
            Err(format!(
                "{name}() takes {arity} argument{plural}, found {count}"
            ))
        } else {
            Ok(())
        }
    }

    /// Calls the function on evaluated arguments (their number already checked).
    pub(crate) fn call(self, args: &[Arg<'_>]) -> Result<Value, EvalError> {
        builtins::call(Args {
            function: self,
            args,
        })
    }
}

/// An evaluated function argument.
pub(crate) enum Arg<'a> {
    /// The value of an ordinary argument.
    Value(Val<'a>),
    /// An expression reference (`&expr`), left unevaluated.
    Expref(&'a Ast),
}

/// The arguments of one call, with accessors that check their types.
#[derive(Clone, Copy)]
pub(crate) struct Args<'s, 'a> {
    pub(crate) function: Function,
    args: &'s [Arg<'a>],
}

impl<'s, 'a> Args<'s, 'a> {
    /// An invalid-type error for argument `index` (from 0), which should have been
    /// `expected`.
    pub(crate) fn type_error(&self, index: usize, expected: &str) -> EvalError {
        let found = match self.args.get(index) {
            Some(Arg::Value(value)) => type_name(value),
            Some(Arg::Expref(_)) => "expression reference",
            None => "nothing",
        };
        EvalError::invalid_type(format!(
            "{}() argument {} must be {expected}, found {found}",
            self.function.name(),
            index + 1
        ))
    }

    /// The number of arguments.
    pub(crate) fn len(&self) -> usize {
        self.args.len()
    }

    /// Argument `index` (from 0), which must be a value.
    pub(crate) fn value(&self, index: usize) -> Result<&'s Value, EvalError> {
        match self.args.get(index) {
            Some(Arg::Value(value)) => Ok(value),
            _ => Err(self.type_error(index, "a value")),
        }
    }

    /// Argument `index`, which must be an expression reference.
    pub(crate) fn expref(&self, index: usize) -> Result<&'a Ast, EvalError> {
        match self.args.get(index) {
            Some(Arg::Expref(ast)) => Ok(ast),
            _ => Err(self.type_error(index, "an expression reference")),
        }
    }

    /// Argument `index`, which must be a number.
    pub(crate) fn number(&self, index: usize) -> Result<&'s Number, EvalError> {
        match self.value(index) {
            Ok(Value::Number(n)) => Ok(n),
            _ => Err(self.type_error(index, "a number")),
        }
    }

    /// Argument `index`, which must be a string.
    pub(crate) fn string(&self, index: usize) -> Result<&'s str, EvalError> {
        match self.value(index) {
            Ok(Value::String(s)) => Ok(s),
            _ => Err(self.type_error(index, "a string")),
        }
    }

    /// Argument `index`, which must be an array.
    pub(crate) fn array(&self, index: usize) -> Result<&'s [Value], EvalError> {
        match self.value(index) {
            Ok(Value::Array(items)) => Ok(items),
            _ => Err(self.type_error(index, "an array")),
        }
    }

    /// Argument `index`, which must be an object.
    pub(crate) fn object(&self, index: usize) -> Result<&'s Map<String, Value>, EvalError> {
        match self.value(index) {
            Ok(Value::Object(map)) => Ok(map),
            _ => Err(self.type_error(index, "an object")),
        }
    }

    /// Argument `index`, which must be an array of numbers.
    pub(crate) fn numbers(&self, index: usize) -> Result<Vec<&'s Number>, EvalError> {
        let expected = "an array of numbers";
        let items = self
            .array(index)
            .map_err(|_| self.type_error(index, expected))?;
        items
            .iter()
            .map(|item| match item {
                Value::Number(n) => Ok(n),
                _ => Err(self.element_error(index, expected, item)),
            })
            .collect()
    }

    /// Argument `index`, which must be an array of strings.
    pub(crate) fn strings(&self, index: usize) -> Result<Vec<&'s str>, EvalError> {
        let expected = "an array of strings";
        let items = self
            .array(index)
            .map_err(|_| self.type_error(index, expected))?;
        items
            .iter()
            .map(|item| match item {
                Value::String(s) => Ok(s.as_str()),
                _ => Err(self.element_error(index, expected, item)),
            })
            .collect()
    }

    /// An invalid-type error for an element of the array argument `index`.
    pub(crate) fn element_error(&self, index: usize, expected: &str, item: &Value) -> EvalError {
        EvalError::invalid_type(format!(
            "{}() argument {} must be {expected}, found an element of type {}",
            self.function.name(),
            index + 1,
            type_name(item)
        ))
    }
}
