//! Parses filter expressions into an [`Expr`] tree.

use super::error::{SearchError, SearchErrorKind};
use super::lexer::{is_logical_keyword, shorten, tokenize, Comparator, Number, Token, TokenKind};
use super::operand::{Operand, ValueType};

/// How deeply parentheses and `NOT`s may nest.
pub(crate) const MAX_DEPTH: usize = 64;

/// A parsed filter expression. `AND`/`OR` chains are flat lists, so the tree's
/// depth is bounded by [`MAX_DEPTH`] however long the expression is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Expr {
    Or(Vec<Expr>),
    And(Vec<Expr>),
    Not(Box<Expr>),
    Condition(Condition),
}

/// One type-checked comparison.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Condition {
    /// A string attribute `=` (`equal`) or `<>` a string.
    String {
        operand: Operand,
        equal: bool,
        value: String,
    },
    /// A number attribute compared with a number.
    Number {
        operand: Operand,
        comparator: Comparator,
        value: Number,
    },
    /// A boolean attribute `=` (`equal`) or `<>` a boolean.
    Boolean {
        operand: Operand,
        equal: bool,
        value: bool,
    },
}

/// A literal value, before type checking.
enum Value {
    String(String),
    Number(Number),
    Boolean(bool),
}

impl Value {
    fn value_type(&self) -> ValueType {
        match self {
            Value::String(_) => ValueType::String,
            Value::Number(_) => ValueType::Number,
            Value::Boolean(_) => ValueType::Boolean,
        }
    }
}

/// Parses a filter expression; `None` when it is empty or all whitespace.
pub(crate) fn parse_filter(src: &str) -> Result<Option<Expr>> {
    let tokens = tokenize(src, SearchErrorKind::Filter)?;
    let mut parser = Parser {
        src,
        tokens,
        pos: 0,
        depth: 0,
    };
    if parser.peek().kind == TokenKind::End {
        return Ok(None);
    }
    let expr = parser.parse_or()?;
    let token = parser.peek();
    match token.kind {
        TokenKind::End => Ok(Some(expr)),
        TokenKind::RParen => Err(parser.error(token.start, "unmatched ')'".to_owned())),
        _ => Err(parser.error(
            token.start,
            format!(
                "expected AND, OR or the end of the expression after a condition, found {}",
                token.describe(src)
            ),
        )),
    }
}

struct Parser<'a> {
    src: &'a str,
    /// Never empty: the last token is always [`TokenKind::End`].
    tokens: Vec<Token>,
    pos: usize,
    depth: usize,
}

type Result<T> = std::result::Result<T, SearchError>;

impl Parser<'_> {
    fn peek(&self) -> &Token {
        &self.tokens[self.pos]
    }

    /// The text of the token before the current one, quoted, for "after ..." messages.
    fn previous(&self) -> String {
        match self.pos.checked_sub(1).and_then(|i| self.tokens.get(i)) {
            Some(t) => format!(" after '{}'", shorten(&self.src[t.start..t.end])),
            None => String::new(),
        }
    }

    fn previous_is_open_paren(&self) -> bool {
        let previous = self.pos.checked_sub(1).and_then(|i| self.tokens.get(i));
        previous.is_some_and(|t| t.kind == TokenKind::LParen)
    }

    /// Moves past the current token (never past the end).
    fn advance(&mut self) {
        if self.pos + 1 < self.tokens.len() {
            self.pos += 1;
        }
    }

    fn error(&self, position: usize, message: String) -> SearchError {
        SearchError::new(SearchErrorKind::Filter, position, message)
    }

    /// Goes one nesting level deeper, for the `(` or `NOT` at `position`.
    fn enter(&mut self, position: usize) -> Result<()> {
        if self.depth >= MAX_DEPTH {
            return Err(self.error(
                position,
                format!(
                    "the expression is nested too deeply (at most {MAX_DEPTH} levels of \
                     parentheses and NOT)"
                ),
            ));
        }
        self.depth += 1;
        Ok(())
    }

    /// `or := and (OR and)*`
    fn parse_or(&mut self) -> Result<Expr> {
        let first = self.parse_and()?;
        if !self.peek().is_keyword("OR") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.peek().is_keyword("OR") {
            self.advance();
            items.push(self.parse_and()?);
        }
        Ok(Expr::Or(items))
    }

    /// `and := not (AND not)*`
    fn parse_and(&mut self) -> Result<Expr> {
        let first = self.parse_not()?;
        if !self.peek().is_keyword("AND") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.peek().is_keyword("AND") {
            self.advance();
            items.push(self.parse_not()?);
        }
        Ok(Expr::And(items))
    }

    /// `not := NOT not | primary`
    fn parse_not(&mut self) -> Result<Expr> {
        if !self.peek().is_keyword("NOT") {
            return self.parse_primary();
        }
        self.enter(self.peek().start)?;
        self.advance();
        let inner = self.parse_not()?;
        self.depth -= 1;
        Ok(Expr::Not(Box::new(inner)))
    }

    /// `primary := '(' or ')' | condition`
    fn parse_primary(&mut self) -> Result<Expr> {
        let token = self.peek().clone();
        match &token.kind {
            TokenKind::LParen => {
                self.enter(token.start)?;
                self.advance();
                let inner = self.parse_or()?;
                let close = self.peek();
                if close.kind != TokenKind::RParen {
                    return Err(self.error(
                        close.start,
                        format!(
                            "expected AND, OR or ')' to close the '(' at position {}, found {}",
                            token.start,
                            close.describe(self.src)
                        ),
                    ));
                }
                self.advance();
                self.depth -= 1;
                Ok(inner)
            }
            TokenKind::RParen if self.previous_is_open_paren() => Err(self.error(
                token.start,
                "empty parentheses: expected a condition between '(' and ')'".to_owned(),
            )),
            TokenKind::Word(word) if !token.is_keyword("AND") && !token.is_keyword("OR") => {
                let operand = Operand::resolve(word).map_err(|m| self.error(token.start, m))?;
                self.advance();
                self.parse_condition(operand, word)
            }
            _ => Err(self.error(
                token.start,
                format!(
                    "expected a condition{}, found {}",
                    self.previous(),
                    token.describe(self.src)
                ),
            )),
        }
    }

    /// `condition := operand comparator value`; the operand has been read.
    fn parse_condition(&mut self, operand: Operand, name: &str) -> Result<Expr> {
        let token = self.peek().clone();
        let TokenKind::Comparator(comparator) = token.kind else {
            return Err(self.error(
                token.start,
                format!(
                    "expected a comparator (=, <>, <, >, <= or >=){}, found {}",
                    self.previous(),
                    token.describe(self.src)
                ),
            ));
        };
        self.advance();
        let value_token = self.peek().clone();
        let value = match &value_token.kind {
            TokenKind::Str(s) => Value::String(s.clone()),
            TokenKind::Number(n) => Value::Number(*n),
            TokenKind::Word(_) if value_token.is_keyword("true") => Value::Boolean(true),
            TokenKind::Word(_) if value_token.is_keyword("false") => Value::Boolean(false),
            other => {
                let hint = match other {
                    TokenKind::Word(w) if !is_logical_keyword(w) => {
                        "; string values must be enclosed in quotes"
                    }
                    _ => "",
                };
                return Err(self.error(
                    value_token.start,
                    format!(
                        "expected a value{}, found {}{hint}",
                        self.previous(),
                        value_token.describe(self.src)
                    ),
                ));
            }
        };
        self.advance();

        let name = shorten(name);
        let expected = operand.value_type();
        let found = value.value_type();
        if expected != found {
            let hint = match (expected, found) {
                (ValueType::String, ValueType::Number | ValueType::Boolean) => {
                    " (string values must be enclosed in quotes)"
                }
                _ => "",
            };
            return Err(self.error(
                value_token.start,
                format!(
                    "'{name}' is {} attribute and cannot be compared with {}{hint}",
                    expected.with_article(),
                    found.with_article()
                ),
            ));
        }
        let equal = match comparator {
            Comparator::Eq => true,
            Comparator::Ne => false,
            _ if expected == ValueType::Number => true,
            _ => {
                return Err(self.error(
                    token.start,
                    format!(
                        "'{name}' is {} attribute and can only be compared with '=' or '<>', \
                         not '{}'",
                        expected.with_article(),
                        comparator.symbol()
                    ),
                ))
            }
        };
        let condition = match value {
            Value::String(value) => Condition::String {
                operand,
                equal,
                value,
            },
            Value::Number(value) => Condition::Number {
                operand,
                comparator,
                value,
            },
            Value::Boolean(value) => Condition::Boolean {
                operand,
                equal,
                value,
            },
        };
        Ok(Expr::Condition(condition))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn condition(value: i128) -> Expr {
        Expr::Condition(Condition::Number {
            operand: Operand::MaximumSessions,
            comparator: Comparator::Eq,
            value: Number::new(value, false),
        })
    }

    fn parse(src: &str) -> Expr {
        parse_filter(src).unwrap().unwrap()
    }

    #[test]
    fn and_binds_tighter_than_or_and_not_tighter_than_and() {
        let (a, b, c) = (condition(1), condition(2), condition(3));
        assert_eq!(
            parse("maximumSessions = 1 OR maximumSessions = 2 AND maximumSessions = 3"),
            Expr::Or(vec![a.clone(), Expr::And(vec![b.clone(), c.clone()])])
        );
        assert_eq!(
            parse("NOT maximumSessions = 1 AND maximumSessions = 2 OR maximumSessions = 3"),
            Expr::Or(vec![
                Expr::And(vec![Expr::Not(Box::new(a.clone())), b.clone()]),
                c.clone()
            ])
        );
        assert_eq!(
            parse("maximumSessions = 1 AND maximumSessions = 2 AND maximumSessions = 3"),
            Expr::And(vec![a, b, c])
        );
    }

    #[test]
    fn empty_input_has_no_expression() {
        assert_eq!(parse_filter(" \t "), Ok(None));
    }
}
