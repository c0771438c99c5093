//! A Pratt (top-down operator precedence) parser from tokens to an [`Ast`].
//!
//! Every parse function returns the node together with its depth, so that a hostile
//! expression is refused with a syntax error before its tree could overflow the stack when
//! it is evaluated, compared or dropped. Recursion of the parser itself is bounded the same
//! way (parentheses nest without adding nodes).

use std::ops::Range;

use crate::ast::{Ast, Comparator};
use crate::error::ParseError;
use crate::lexer::{tokenize, Tok, Token};

mod compound;

/// The deepest tree, and the deepest parser recursion, an expression may have.
pub(crate) const MAX_DEPTH: usize = 256;

/// Tokens binding less tightly than this end the right side of a projection.
const PROJECTION_STOP: u8 = 10;

/// A node and the depth of the tree it roots (boxed, which keeps the frames of the
/// recursive functions small).
type Node = (Box<Ast>, usize);

type Parsed = Result<Node, ParseError>;

/// A node without children.
fn leaf(ast: Ast) -> Parsed {
    Ok((Box::new(ast), 1))
}

/// Parses a whole expression.
pub(crate) fn parse_ast(expression: &str) -> Result<Ast, ParseError> {
    let tokens = tokenize(expression)?;
    let mut parser = Parser {
        tokens,
        index: 0,
        recursion: 0,
    };
    let (ast, _) = parser.expression(0)?;
    let ast = *ast;
    let next = parser.peek_token();
    if next.tok != Tok::Eof {
        return Err(ParseError::syntax(
            next.pos,
            format!("expected end of expression, found {}", next.tok.describe()),
        ));
    }
    Ok(ast)
}

/// A syntax error for the token `found` at `pos` where `expected` was expected.
fn unexpected(pos: usize, expected: &str, found: &Tok) -> ParseError {
    ParseError::syntax(
        pos,
        format!("expected {expected}, found {}", found.describe()),
    )
}

/// How tightly a token binds to the expression on its left.
fn binding_power(tok: &Tok) -> u8 {
    match tok {
        Tok::Pipe => 1,
        Tok::Or => 2,
        Tok::And => 3,
        Tok::Cmp(_) => 5,
        Tok::Flatten => 9,
        Tok::Star => 20,
        Tok::Filter => 21,
        Tok::Dot => 40,
        Tok::Not => 45,
        Tok::LBrace => 50,
        Tok::LBracket => 55,
        Tok::LParen => 60,
        _ => 0,
    }
}

struct Parser {
    tokens: Vec<Token>,
    index: usize,
    recursion: usize,
}

impl Parser {
    fn peek_token(&self) -> &Token {
        self.token_at(self.index)
    }

    fn token_at(&self, index: usize) -> &Token {
        static EOF: Token = Token {
            tok: Tok::Eof,
            pos: 0,
            end: 0,
        };
        self.tokens
            .get(index)
            .or(self.tokens.last())
            .unwrap_or(&EOF)
    }

    fn peek(&self) -> &Tok {
        &self.peek_token().tok
    }

    fn peek_second(&self) -> &Tok {
        &self.token_at(self.index + 1).tok
    }

    /// Takes the next token (the final end token stays).
    fn advance(&mut self) -> Token {
        let last = self.tokens.len().saturating_sub(1);
        let index = self.index.min(last);
        self.index = (self.index + 1).min(last);
        match self.tokens.get_mut(index) {
            Some(token) => Token {
                tok: std::mem::replace(&mut token.tok, Tok::Eof),
                pos: token.pos,
                end: token.end,
            },
            None => Token {
                tok: Tok::Eof,
                pos: 0,
                end: 0,
            },
        }
    }

    fn error_here(&self, expected: &str) -> ParseError {
        let token = self.peek_token();
        unexpected(token.pos, expected, &token.tok)
    }

    fn expect(&mut self, tok: Tok, expected: &str) -> Result<(), ParseError> {
        if *self.peek() == tok {
            self.advance();
            Ok(())
        } else {
            Err(self.error_here(expected))
        }
    }

    /// `ast`, whose deepest child has depth `child_depth`, unless that is too deep.
    fn node(&self, ast: Ast, child_depth: usize) -> Parsed {
        let depth = child_depth + 1;
        if depth > MAX_DEPTH {
            let pos = self.peek_token().pos;
            return Err(ParseError::syntax(
                pos,
                format!("expression nests deeper than {MAX_DEPTH} levels"),
            ));
        }
        Ok((Box::new(ast), depth))
    }

    /// An expression whose operators bind more tightly than `rbp`.
    fn expression(&mut self, rbp: u8) -> Parsed {
        self.recursion += 1;
        if self.recursion > MAX_DEPTH {
            let pos = self.peek_token().pos;
            return Err(ParseError::syntax(
                pos,
                format!("expression nests deeper than {MAX_DEPTH} levels"),
            ));
        }
        let token = self.advance();
        let mut left = self.nud(token)?;
        while rbp < binding_power(self.peek()) {
            let token = self.advance();
            left = self.led(token, left)?;
        }
        self.recursion -= 1;
        Ok(left)
    }

    /// A token that starts an expression. Every arm is a call, which keeps the frame of
    /// this recursive function small.
    fn nud(&mut self, token: Token) -> Parsed {
        match token.tok {
            Tok::Ident(name) => self.identifier(name, token.pos..token.end),
            Tok::Quoted(name) => self.quoted_identifier(name, token.pos..token.end),
            Tok::Literal(value) => leaf(Ast::Literal(*value)),
            Tok::At => leaf(Ast::Identity),
            Tok::Star => self.star_nud(),
            Tok::Flatten => self.flatten((Box::new(Ast::Identity), 1)),
            Tok::Filter => self.filter((Box::new(Ast::Identity), 1)),
            Tok::LBracket => self.bracket_nud(),
            Tok::LBrace => self.multi_hash(),
            Tok::LParen => self.parenthesized(),
            Tok::Not => self.prefix(binding_power(&Tok::Not), Ast::Not),
            Tok::Expref => self.prefix(0, Ast::ExpRef),
            other => Err(unexpected(token.pos, "an expression", &other)),
        }
    }

    /// A token that continues the expression `left`.
    fn led(&mut self, token: Token, left: Node) -> Parsed {
        match token.tok {
            Tok::Dot => self.dot(left),
            Tok::Pipe => self.binary(left, &Tok::Pipe, Ast::Pipe),
            Tok::Or => self.binary(left, &Tok::Or, Ast::Or),
            Tok::And => self.binary(left, &Tok::And, Ast::And),
            Tok::Cmp(cmp) => self.comparison(left, cmp),
            Tok::Flatten => self.flatten(left),
            Tok::Filter => self.filter(left),
            Tok::LBracket => self.bracket_led(left),
            Tok::LParen => Err(ParseError::syntax(
                token.pos,
                "only an unquoted identifier can be called as a function",
            )),
            other => Err(unexpected(token.pos, "an operator", &other)),
        }
    }

    /// An unquoted identifier: a field, or the name of a function when `(` follows.
    fn identifier(&mut self, name: String, span: Range<usize>) -> Parsed {
        if *self.peek() == Tok::LParen {
            self.call(name, span.start)
        } else {
            leaf(Ast::Field(name, span))
        }
    }

    /// A quoted identifier, which names a field only.
    fn quoted_identifier(&mut self, name: String, span: Range<usize>) -> Parsed {
        if *self.peek() == Tok::LParen {
            return Err(ParseError::syntax(
                span.start,
                "a quoted identifier cannot name a function",
            ));
        }
        leaf(Ast::Field(name, span))
    }

    /// `*` at the start of an expression: the values of the current node.
    fn star_nud(&mut self) -> Parsed {
        let (right, d) = self.projection_rhs(binding_power(&Tok::Star))?;
        self.node(Ast::ObjectProjection(Box::new(Ast::Identity), right), d)
    }

    /// `( expression )` (after `(`).
    fn parenthesized(&mut self) -> Parsed {
        let inner = self.expression(0)?;
        self.expect(Tok::RParen, "`)`")?;
        Ok(inner)
    }

    /// `!expr` or `&expr` (after the operator).
    fn prefix(&mut self, bp: u8, make: fn(Box<Ast>) -> Ast) -> Parsed {
        let (inner, d) = self.expression(bp)?;
        self.node(make(inner), d)
    }

    /// `left.` followed by `*` (an object projection) or another right side.
    fn dot(&mut self, left: Node) -> Parsed {
        let (l, ld) = left;
        if *self.peek() == Tok::Star {
            self.advance();
            let (r, rd) = self.projection_rhs(binding_power(&Tok::Dot))?;
            return self.node(Ast::ObjectProjection(l, r), ld.max(rd));
        }
        let (r, rd) = self.dot_rhs(binding_power(&Tok::Dot))?;
        self.node(Ast::Subexpr(l, r), ld.max(rd))
    }

    /// `left <cmp> right` (after the comparator).
    fn comparison(&mut self, left: Node, cmp: Comparator) -> Parsed {
        let (r, rd) = self.expression(binding_power(&Tok::Cmp(cmp)))?;
        self.node(Ast::Compare(cmp, left.0, r), left.1.max(rd))
    }

    /// `left <op> right` for the operator `op` (already consumed).
    fn binary(&mut self, left: Node, op: &Tok, make: fn(Box<Ast>, Box<Ast>) -> Ast) -> Parsed {
        let (r, rd) = self.expression(binding_power(op))?;
        self.node(make(left.0, r), left.1.max(rd))
    }

    /// What follows a projection (`[*]`, `*`, `[]`, `[?...]`, a slice): the expression
    /// applied to each element, or `@` when the next token ends the projection.
    fn projection_rhs(&mut self, bp: u8) -> Parsed {
        match self.peek() {
            tok if binding_power(tok) < PROJECTION_STOP => leaf(Ast::Identity),
            Tok::LBracket | Tok::Filter => self.expression(bp),
            Tok::Dot => {
                self.advance();
                self.dot_rhs(bp)
            }
            _ => Err(self.error_here("`.`, `[` or `[?` after a projection")),
        }
    }

    /// What follows a `.`: an identifier, a function call, `*`, or a multi-select.
    fn dot_rhs(&mut self, bp: u8) -> Parsed {
        match self.peek() {
            Tok::Ident(_) | Tok::Quoted(_) | Tok::Star => self.expression(bp),
            Tok::LBracket => {
                self.advance();
                self.multi_list()
            }
            Tok::LBrace => {
                self.advance();
                self.multi_hash()
            }
            _ => Err(self.error_here("an identifier, `*`, `[` or `{` after `.`")),
        }
    }

    /// `left[]`, then the projection on its elements.
    fn flatten(&mut self, left: Node) -> Parsed {
        let (flat, fd) = self.node(Ast::Flatten(left.0), left.1)?;
        let (r, rd) = self.projection_rhs(binding_power(&Tok::Flatten))?;
        self.node(Ast::ListProjection(flat, r), fd.max(rd))
    }

    /// `left[?condition]` (after `[?`), then the projection on the kept elements.
    fn filter(&mut self, left: Node) -> Parsed {
        let (condition, cd) = self.expression(0)?;
        self.expect(Tok::RBracket, "`]` after the filter condition")?;
        let (right, rd) = self.projection_rhs(binding_power(&Tok::Filter))?;
        let ast = Ast::FilterProjection {
            left: left.0,
            condition,
            right,
        };
        self.node(ast, left.1.max(cd).max(rd))
    }
}
