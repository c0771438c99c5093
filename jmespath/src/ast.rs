//! The syntax tree the parser builds and the evaluator walks.
//!
//! Every node is evaluated against a *current node* (a JSON value): the root document at
//! first, then whatever the enclosing node hands down.

use std::ops::Range;

use serde_json::Value;

use crate::functions::Function;

/// A comparison operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Comparator {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

/// An expression node.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Ast {
    /// `@`: the current node (also the implicit right side of a projection).
    Identity,
    /// A member of the current node, if it is an object; where the expression names it.
    Field(String, Range<usize>),
    /// A JSON literal or raw string literal.
    Literal(Value),
    /// `[n]` on the current node, if it is an array (negative counts from the end).
    Index(i64),
    /// `[start:stop:step]` on the current node, if it is an array; `step` is never `0`.
    Slice {
        start: Option<i64>,
        stop: Option<i64>,
        step: Option<i64>,
    },
    /// `left.right`: `right` evaluated on the result of `left`.
    Subexpr(Box<Ast>, Box<Ast>),
    /// `left | right`: as `Subexpr`, but it ends projections.
    Pipe(Box<Ast>, Box<Ast>),
    /// `right` evaluated on every element of the array `left`, dropping nulls.
    ListProjection(Box<Ast>, Box<Ast>),
    /// `right` evaluated on every value of the object `left`, dropping nulls.
    ObjectProjection(Box<Ast>, Box<Ast>),
    /// The array `inner` with its array elements spliced in (one level).
    Flatten(Box<Ast>),
    /// `left[?condition]` then `right` on each kept element, dropping nulls.
    FilterProjection {
        left: Box<Ast>,
        condition: Box<Ast>,
        right: Box<Ast>,
    },
    /// `[a, b]`: an array of the results (null on a null current node).
    MultiList(Vec<Ast>),
    /// `{k: a, l: b}`: an object of the results (null on a null current node).
    MultiHash(Vec<(String, Ast)>),
    /// `left || right`
    Or(Box<Ast>, Box<Ast>),
    /// `left && right`
    And(Box<Ast>, Box<Ast>),
    /// `!inner`
    Not(Box<Ast>),
    /// `left <op> right`
    Compare(Comparator, Box<Ast>, Box<Ast>),
    /// `&inner`: an expression handed to a function unevaluated.
    ExpRef(Box<Ast>),
    /// A call of a built-in function (its arity already checked).
    Call(Function, Vec<Ast>),
}
