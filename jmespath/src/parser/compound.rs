//! The bracketed and listed syntax: index and slice expressions, `[*]`, multi-select lists
//! and hashes, and function calls.

use super::{binding_power, leaf, Node, Parsed, Parser};
use crate::ast::Ast;
use crate::error::{ErrorKind, ParseError};
use crate::functions::Function;
use crate::lexer::Tok;

impl Parser {
    /// `[` at the start of an expression: an index, a slice, `[*]` or a multi-select list.
    pub(super) fn bracket_nud(&mut self) -> Parsed {
        match (self.peek(), self.peek_second()) {
            (Tok::Number(_) | Tok::Colon, _) => self.index_or_slice(None),
            (Tok::Star, Tok::RBracket) => {
                self.advance();
                self.advance();
                let (r, rd) = self.projection_rhs(binding_power(&Tok::Star))?;
                self.node(Ast::ListProjection(Box::new(Ast::Identity), r), rd)
            }
            _ => self.multi_list(),
        }
    }

    /// `[` after an expression: an index, a slice or `[*]`.
    pub(super) fn bracket_led(&mut self, left: Node) -> Parsed {
        match self.peek() {
            Tok::Number(_) | Tok::Colon => self.index_or_slice(Some(left)),
            Tok::Star => {
                self.advance();
                self.expect(Tok::RBracket, "`]` after `[*`")?;
                let (r, rd) = self.projection_rhs(binding_power(&Tok::Star))?;
                self.node(Ast::ListProjection(left.0, r), left.1.max(rd))
            }
            _ => Err(self.error_here("a number, `:` or `*` after `[`")),
        }
    }

    /// `[n]` or `[start:stop:step]` (after `[`) applied to `left` (`None`: the current
    /// node). A slice starts a projection.
    fn index_or_slice(&mut self, left: Option<Node>) -> Parsed {
        let apply = |parser: &Parser, ast: Ast| match left {
            None => leaf(ast),
            Some((l, ld)) => parser.node(Ast::Subexpr(l, Box::new(ast)), ld.max(1)),
        };
        if let (&Tok::Number(n), Tok::RBracket) = (self.peek(), self.peek_second()) {
            self.advance();
            self.advance();
            return apply(self, Ast::Index(n));
        }
        let slice = self.slice()?;
        let (sliced, sd) = apply(self, slice)?;
        let (r, rd) = self.projection_rhs(binding_power(&Tok::Star))?;
        self.node(Ast::ListProjection(sliced, r), sd.max(rd))
    }

    /// `start:stop:step]` (after `[`), each part optional.
    fn slice(&mut self) -> Result<Ast, ParseError> {
        let mut parts: [Option<i64>; 3] = [None; 3];
        let mut part = 0;
        let mut step_pos = 0;
        loop {
            let token = self.peek_token();
            match token.tok {
                Tok::RBracket => break,
                Tok::Colon if part < 2 => part += 1,
                Tok::Number(n) if parts[part].is_none() => {
                    parts[part] = Some(n);
                    step_pos = token.pos;
                }
                _ => return Err(self.error_here("a number, `:` or `]` in a slice")),
            }
            self.advance();
        }
        self.advance();
        let [start, stop, step] = parts;
        if step == Some(0) {
            return Err(ParseError::new(
                ErrorKind::InvalidValue,
                step_pos,
                "a slice step cannot be 0",
            ));
        }
        Ok(Ast::Slice { start, stop, step })
    }

    /// `[a, b, ...]` (after `[`).
    pub(super) fn multi_list(&mut self) -> Parsed {
        let mut items = Vec::new();
        let mut depth = 0;
        loop {
            let (item, d) = self.expression(0)?;
            items.push(*item);
            depth = depth.max(d);
            match self.peek() {
                Tok::Comma => self.advance(),
                Tok::RBracket => break,
                _ => return Err(self.error_here("`,` or `]` in a multi-select list")),
            };
        }
        self.advance();
        self.node(Ast::MultiList(items), depth)
    }

    /// `{k: a, l: b, ...}` (after `{`).
    pub(super) fn multi_hash(&mut self) -> Parsed {
        let mut entries = Vec::new();
        let mut depth = 0;
        loop {
            let key = match self.peek() {
                Tok::Ident(key) | Tok::Quoted(key) => key.clone(),
                _ => return Err(self.error_here("an identifier as a multi-select hash key")),
            };
            self.advance();
            self.expect(Tok::Colon, "`:` after a multi-select hash key")?;
            let (value, d) = self.expression(0)?;
            entries.push((key, *value));
            depth = depth.max(d);
            match self.peek() {
                Tok::Comma => self.advance(),
                Tok::RBrace => break,
                _ => return Err(self.error_here("`,` or `}` in a multi-select hash")),
            };
        }
        self.advance();
        self.node(Ast::MultiHash(entries), depth)
    }

    /// `name(args...)` (at the `(`), checked against the built-in functions.
    pub(super) fn call(&mut self, name: String, pos: usize) -> Parsed {
        self.advance();
        let mut args = Vec::new();
        let mut depth = 0;
        if *self.peek() == Tok::RParen {
            self.advance();
        } else {
            loop {
                let (arg, d) = self.expression(0)?;
                args.push(*arg);
                depth = depth.max(d);
                match self.peek() {
                    Tok::Comma => self.advance(),
                    Tok::RParen => break,
                    _ => return Err(self.error_here("`,` or `)` in a function call")),
                };
            }
            self.advance();
        }
        let Some(function) = Function::from_name(&name) else {
            return Err(ParseError::new(
                ErrorKind::UnknownFunction,
                pos,
                format!("unknown function {name}()"),
            ));
        };
        function
            .check_arity(args.len())
            .map_err(|message| ParseError::new(ErrorKind::InvalidArity, pos, message))?;
        self.node(Ast::Call(function, args), depth)
    }
}
