//! Splitting an expression into tokens.

use serde_json::Value;

use crate::ast::Comparator;
use crate::error::ParseError;

/// A token kind, with its value where it carries one.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Tok {
    /// `foo`
    Ident(String),
    /// `"foo"` (already unescaped)
    Quoted(String),
    /// `-12` (only in index and slice expressions)
    Number(i64),
    /// `` `json` `` or `'raw'`
    Literal(Box<Value>),
    Dot,
    Star,
    /// `[]`
    Flatten,
    /// `[?`
    Filter,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    LParen,
    RParen,
    Comma,
    Colon,
    /// `@`
    At,
    /// `&`
    Expref,
    Pipe,
    Or,
    And,
    Not,
    Cmp(Comparator),
    Eof,
}

impl Tok {
    /// How the token reads in an error message.
    pub(crate) fn describe(&self) -> String {
        let text = match self {
            Tok::Ident(name) => return format!("identifier `{name}`"),
            Tok::Quoted(name) => return format!("quoted identifier {name:?}"),
            Tok::Number(n) => return format!("number `{n}`"),
            Tok::Literal(_) => return "literal".to_owned(),
            Tok::Eof => return "end of expression".to_owned(),
            Tok::Dot => ".",
            Tok::Star => "*",
            Tok::Flatten => "[]",
            Tok::Filter => "[?",
            Tok::LBracket => "[",
            Tok::RBracket => "]",
            Tok::LBrace => "{",
            Tok::RBrace => "}",
            Tok::LParen => "(",
            Tok::RParen => ")",
            Tok::Comma => ",",
            Tok::Colon => ":",
            Tok::At => "@",
            Tok::Expref => "&",
            Tok::Pipe => "|",
            Tok::Or => "||",
            Tok::And => "&&",
            Tok::Not => "!",
            Tok::Cmp(Comparator::Eq) => "==",
            Tok::Cmp(Comparator::Ne) => "!=",
            Tok::Cmp(Comparator::Lt) => "<",
            Tok::Cmp(Comparator::Le) => "<=",
            Tok::Cmp(Comparator::Gt) => ">",
            Tok::Cmp(Comparator::Ge) => ">=",
        };
        format!("`{text}`")
    }
}

/// A token and the byte offsets where it starts and ends.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Token {
    pub(crate) tok: Tok,
    pub(crate) pos: usize,
    pub(crate) end: usize,
}

/// The tokens of `input`, ending with one [`Tok::Eof`].
pub(crate) fn tokenize(input: &str) -> Result<Vec<Token>, ParseError> {
    let mut lexer = Lexer { input, pos: 0 };
    let mut tokens = Vec::new();
    loop {
        lexer.skip_whitespace();
        let pos = lexer.pos;
        let tok = lexer.next_token()?;
        let last = tok == Tok::Eof;
        tokens.push(Token {
            tok,
            pos,
            end: lexer.pos,
        });
        if last {
            return Ok(tokens);
        }
    }
}

struct Lexer<'a> {
    input: &'a str,
    pos: usize,
}

impl Lexer<'_> {
    fn rest(&self) -> &str {
        self.input.get(self.pos..).unwrap_or("")
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn peek_second(&self) -> Option<char> {
        self.rest().chars().nth(1)
    }

    fn skip_whitespace(&mut self) {
        while let Some(c) = self.peek() {
            if !matches!(c, ' ' | '\t' | '\n' | '\r') {
                break;
            }
            self.pos += 1;
        }
    }

    /// Consumes one character and returns `tok`.
    fn single(&mut self, tok: Tok) -> Result<Tok, ParseError> {
        self.pos += 1;
        Ok(tok)
    }

    /// Consumes `c` and, if the next character is `second`, that one too.
    fn one_or_two(&mut self, second: char, two: Tok, one: Tok) -> Result<Tok, ParseError> {
        if self.peek_second() == Some(second) {
            self.pos += 2;
            Ok(two)
        } else {
            self.pos += 1;
            Ok(one)
        }
    }

    fn next_token(&mut self) -> Result<Tok, ParseError> {
        let Some(c) = self.peek() else {
            return Ok(Tok::Eof);
        };
        match c {
            '.' => self.single(Tok::Dot),
            '*' => self.single(Tok::Star),
            ',' => self.single(Tok::Comma),
            ':' => self.single(Tok::Colon),
            ']' => self.single(Tok::RBracket),
            '{' => self.single(Tok::LBrace),
            '}' => self.single(Tok::RBrace),
            '(' => self.single(Tok::LParen),
            ')' => self.single(Tok::RParen),
            '@' => self.single(Tok::At),
            '[' => match self.peek_second() {
                Some(']') => self.one_or_two(']', Tok::Flatten, Tok::LBracket),
                _ => self.one_or_two('?', Tok::Filter, Tok::LBracket),
            },
            '&' => self.one_or_two('&', Tok::And, Tok::Expref),
            '|' => self.one_or_two('|', Tok::Or, Tok::Pipe),
            '!' => self.one_or_two('=', Tok::Cmp(Comparator::Ne), Tok::Not),
            '<' => self.one_or_two('=', Tok::Cmp(Comparator::Le), Tok::Cmp(Comparator::Lt)),
            '>' => self.one_or_two('=', Tok::Cmp(Comparator::Ge), Tok::Cmp(Comparator::Gt)),
            '=' if self.peek_second() == Some('=') => {
                self.pos += 2;
                Ok(Tok::Cmp(Comparator::Eq))
            }
            '=' => Err(ParseError::syntax(self.pos, "expected `==`, found `=`")),
            '"' => self.quoted_identifier(),
            '\'' => self.raw_string(),
            '`' => self.json_literal(),
            '-' | '0'..='9' => self.number(),
            'a'..='z' | 'A'..='Z' | '_' => Ok(self.identifier()),
            other => Err(ParseError::syntax(
                self.pos,
                format!("unexpected character {other:?}"),
            )),
        }
    }

    fn identifier(&mut self) -> Tok {
        let rest = self.rest();
        let len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        let name = rest[..len].to_owned();
        self.pos += len;
        Tok::Ident(name)
    }

    fn number(&mut self) -> Result<Tok, ParseError> {
        let start = self.pos;
        let rest = self.rest();
        let sign = usize::from(rest.starts_with('-'));
        let digits = rest[sign..]
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len() - sign);
        if digits == 0 {
            return Err(ParseError::syntax(start, "expected a digit after `-`"));
        }
        let text = &rest[..sign + digits];
        let value = text
            .parse::<i64>()
            .map_err(|_| ParseError::syntax(start, format!("number `{text}` is out of range")))?;
        self.pos += sign + digits;
        Ok(Tok::Number(value))
    }

    /// The text between the delimiter at the current position and the next unescaped
    /// `delimiter` (a backslash escapes the character after it), both delimiters consumed.
    fn delimited(&mut self, delimiter: char, what: &str) -> Result<&str, ParseError> {
        let start = self.pos;
        let body_start = start + delimiter.len_utf8();
        let mut chars = self.input[body_start..].char_indices();
        while let Some((offset, c)) = chars.next() {
            if c == '\\' {
                chars.next();
            } else if c == delimiter {
                self.pos = body_start + offset + delimiter.len_utf8();
                return Ok(&self.input[body_start..body_start + offset]);
            }
        }
        Err(ParseError::syntax(start, format!("unterminated {what}")))
    }

    fn quoted_identifier(&mut self) -> Result<Tok, ParseError> {
        let start = self.pos;
        let body = self.delimited('"', "quoted identifier")?;
        let json = format!("\"{body}\"");
        serde_json::from_str::<String>(&json)
            .map(Tok::Quoted)
            .map_err(|e| ParseError::syntax(start, format!("invalid quoted identifier: {e}")))
    }

    /// `'...'`: the text as is, except that `\'` stands for `'`.
    fn raw_string(&mut self) -> Result<Tok, ParseError> {
        let body = self.delimited('\'', "raw string literal")?;
        Ok(Tok::Literal(Box::new(Value::String(
            body.replace("\\'", "'"),
        ))))
    }

    /// `` `...` ``: JSON text, in which `` \` `` stands for `` ` ``.
    fn json_literal(&mut self) -> Result<Tok, ParseError> {
        let start = self.pos;
        let body = self.delimited('`', "JSON literal")?;
        let json = body.replace("\\`", "`");
        serde_json::from_str::<Box<Value>>(&json)
            .map(Tok::Literal)
            .map_err(|e| ParseError::syntax(start, format!("invalid JSON literal: {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(input: &str) -> Vec<Tok> {
        tokenize(input)
            .unwrap()
            .into_iter()
            .map(|token| token.tok)
            .collect()
    }

    #[test]
    fn splits_operators_and_brackets() {
        assert_eq!(
            toks("a[?b>=`1`]|[]&&!c"),
            [
                Tok::Ident("a".into()),
                Tok::Filter,
                Tok::Ident("b".into()),
                Tok::Cmp(Comparator::Ge),
                Tok::Literal(Box::new(Value::from(1))),
                Tok::RBracket,
                Tok::Pipe,
                Tok::Flatten,
                Tok::And,
                Tok::Not,
                Tok::Ident("c".into()),
                Tok::Eof,
            ]
        );
        assert_eq!(toks("[ ]"), [Tok::LBracket, Tok::RBracket, Tok::Eof]);
        assert_eq!(toks("-12"), [Tok::Number(-12), Tok::Eof]);
    }

    #[test]
    fn unescapes_strings() {
        assert_eq!(toks(r#""\ud834\udd1e""#)[0], Tok::Quoted("𝄞".into()));
        assert_eq!(
            toks(r"'it\'s \n'")[0],
            Tok::Literal(Box::new(Value::from(r"it's \n")))
        );
        assert_eq!(
            toks(r#"`"a\`b"`"#)[0],
            Tok::Literal(Box::new(Value::from("a`b")))
        );
    }

    #[test]
    fn reports_positions() {
        let e = tokenize("a = b").unwrap_err();
        assert_eq!(e.position(), 2);
        assert_eq!(tokenize("ab 'cd").unwrap_err().position(), 3);
        assert_eq!(tokenize(r#""\ud834""#).unwrap_err().position(), 0);
        assert_eq!(tokenize("99999999999999999999").unwrap_err().position(), 0);
    }
}
