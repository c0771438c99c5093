//! A [JMESPath](https://jmespath.org/specification.html) parser and evaluator on
//! [`serde_json::Value`]s.
//!
//! Smithy waiters (and other traits) select values of operation inputs and outputs with
//! JMESPath expressions. The code generator parses them with [`parse`] to check them (and to
//! see which members they read, with [`Expression::fields`]); the runtime evaluates them with
//! [`Expression::search`].
//!
//! ```
//! use serde_json::json;
//!
//! let expression = smithy_jmespath::parse("Tables[?Status == 'ACTIVE'].Name")?;
//! let output = json!({"Tables": [
//!     {"Name": "a", "Status": "ACTIVE"},
//!     {"Name": "b", "Status": "CREATING"},
//! ]});
//! assert_eq!(expression.search(&output)?, json!(["a"]));
//! assert_eq!(
//!     expression.fields(),
//!     vec![vec!["Tables", "Status"], vec!["Tables", "Name"]]
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Coverage
//!
//! The whole specification, with its built-in functions, and the whole JMESPath compliance
//! suite (`tests/compliance.rs`). Numbers compare by value (`1 == 1.0`). Results keep
//! integers where the arithmetic is exact (`abs`, `ceil`, `floor`, `sum` of integers) and are
//! floats otherwise; a float result that is not finite is `null`.
//!
//! # Errors
//!
//! [`parse`] raises the errors that the expression alone determines: syntax errors, unknown
//! functions, wrong numbers of function arguments and a slice step of `0` (see
//! [`ErrorKind`]). [`Expression::search`] raises only invalid-type errors, for function
//! arguments of the wrong type. Expressions nest at most 256 levels deep (a syntax error
//! otherwise), which bounds the recursion of both parsing and evaluation.

mod ast;
mod builtins;
mod error;
mod eval;
mod fields;
mod functions;
mod lexer;
mod parser;
mod value;

pub use error::{ErrorKind, EvalError, ParseError};

use serde_json::Value;

/// Parses a JMESPath expression.
///
/// # Errors
///
/// A [`ParseError`] of kind [`ErrorKind::Syntax`] when the text does not follow the grammar
/// (or nests more than 256 levels deep), [`ErrorKind::UnknownFunction`] for a call of a
/// function JMESPath does not define, [`ErrorKind::InvalidArity`] for a call with the wrong
/// number of arguments, and [`ErrorKind::InvalidValue`] for a slice step of `0`.
pub fn parse(expression: &str) -> Result<Expression, ParseError> {
    let ast = parser::parse_ast(expression).map_err(|e| e.in_expression(expression))?;
    Ok(Expression {
        source: expression.to_owned(),
        ast,
    })
}

/// A parsed JMESPath expression.
#[derive(Clone, Debug, PartialEq)]
pub struct Expression {
    source: String,
    ast: ast::Ast,
}

impl Expression {
    /// Evaluates the expression with `data` as its input.
    ///
    /// # Errors
    ///
    /// An [`EvalError`] of kind [`ErrorKind::InvalidType`] when a function is given an
    /// argument of the wrong type (`abs('a')`, `sort_by(items, &key)` with keys that are not
    /// all numbers or all strings), or an expression reference is used as a value.
    pub fn search(&self, data: &Value) -> Result<Value, EvalError> {
        eval::eval(&self.ast, data).map(std::borrow::Cow::into_owned)
    }

    /// The text the expression was parsed from.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The chains of member names the expression reads, starting from its input: a
    /// best-effort summary for checking paths against a model.
    ///
    /// A chain is followed through sub-expressions and pipes (`a.b | c` reads `["a", "b",
    /// "c"]`), and through indices, slices, list projections, flattens and filters, which
    /// select elements of an array without naming members: `a.b[0].c`, `a.b[*].c`,
    /// `a.b[].c` and `a.b[1:].c` all read `["a", "b", "c"]`. An object projection adds the
    /// segment `"*"`, for "every value of the object" (`a.*.b` reads `["a", "*", "b"]`).
    ///
    /// Operands whose values are used continue the chain of the node they are evaluated on:
    /// the condition of a filter continues from the elements of the filtered array (`a[?s == 'x'].n`
    /// reads `["a", "s"]` and `["a", "n"]`), the items of a multi-select list or hash, the
    /// operands of `||`, `&&`, `!` and comparisons, and the arguments of a function call
    /// from the node of the call (`length(a.b)` reads `["a", "b"]`). The expression
    /// reference of `map`, `sort_by`, `min_by` and `max_by` starts from the elements of
    /// their array argument (`sort_by(a, &k)` reads `["a", "k"]`); other expression
    /// references are not followed.
    ///
    /// Chains stop at values that no chain of members reaches: the result of a function
    /// call, a multi-select, `||`, `&&`, `!`, a comparison or a literal (`length(a).b` reads
    /// `["a"]` only, `(a || b).c` reads `["a"]` and `["b"]`).
    /// Chains that are a prefix of another chain are left out (`a && a.b` reads `["a",
    /// "b"]`), as are duplicates and the empty chain of `@`; the rest come in the order of
    /// their first appearance.
    pub fn fields(&self) -> Vec<Vec<String>> {
        fields::field_chains(&self.ast)
    }

    /// The expression's text with fields renamed: `rename` is called with each field that a
    /// chain of fields reaches (the fields of the chains of [`Expression::fields`]), given
    /// the chain before it and its name, and returns the field's new name, if it has one. A new
    /// name is written bare when it is a plain identifier (`[A-Za-z_][A-Za-z0-9_]*`) and
    /// quoted otherwise; the rest of the text is kept as it was written.
    ///
    /// ```
    /// let expression = smithy_jmespath::parse("Tables[?Status == 'ACTIVE'].Name")?;
    /// let renamed = expression.rename_fields(|chain, name| match (chain, name) {
    ///     ([table], "Status") if table == "Tables" => Some("table-status".to_owned()),
    ///     _ => None,
    /// });
    /// assert_eq!(renamed, r#"Tables[?"table-status" == 'ACTIVE'].Name"#);
    /// # Ok::<(), smithy_jmespath::ParseError>(())
    /// ```
    pub fn rename_fields(
        &self,
        mut rename: impl FnMut(&[String], &str) -> Option<String>,
    ) -> String {
        let mut sites = fields::field_sites(&self.ast);
        sites.sort_by_key(|site| site.span.start);
        let mut out = String::with_capacity(self.source.len());
        let mut copied = 0;
        for site in sites {
            if site.span.start < copied {
                continue;
            }
            let Some(new) = rename(&site.chain, &site.name).filter(|n| *n != site.name) else {
                continue;
            };
            out.push_str(&self.source[copied..site.span.start]);
            out.push_str(&identifier_text(&new));
            copied = site.span.end;
        }
        out.push_str(&self.source[copied..]);
        out
    }
}

/// How an expression names the field `name`: bare when it is a plain identifier, else quoted.
fn identifier_text(name: &str) -> String {
    let mut chars = name.chars();
    let plain = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
    if plain {
        name.to_owned()
    } else {
        serde_json::Value::String(name.to_owned()).to_string()
    }
}
