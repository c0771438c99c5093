//! Smithy IDL tokens: the text cut into words, strings, numbers and punctuation, each with its
//! line and column. Spaces, new lines, commas and `//` comments separate tokens; `///` lines are
//! attached to the token that follows them, where the parser reads them as documentation (a
//! `///` comment after a token on the same line is a plain comment).

use super::text;

/// A 1-based line and column (counted in characters).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Pos {
    pub line: usize,
    pub column: usize,
}

/// What a token is.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Tok {
    /// An identifier or a shape id (`Foo`, `ns.example#Foo$bar`), keywords included.
    Word(String),
    /// `$`, before a control statement key or an elided member name.
    Dollar,
    /// Quoted text or a text block, its escapes decoded.
    Str(String),
    /// A number literal, as written.
    Number(String),
    /// One of `{ } [ ] ( ) : = @`.
    Punct(char),
    /// `:=`, an inline input or output structure.
    Walrus,
    /// The end of the text.
    End,
}

impl Tok {
    /// How messages name the token.
    pub(crate) fn describe(&self) -> String {
        match self {
            Tok::Word(w) => format!("`{w}`"),
            Tok::Dollar => "`$`".into(),
            Tok::Str(_) => "a string".into(),
            Tok::Number(n) => format!("the number `{n}`"),
            Tok::Punct(c) => format!("`{c}`"),
            Tok::Walrus => "`:=`".into(),
            Tok::End => "the end of the file".into(),
        }
    }
}

/// A token, where it starts, and the `///` lines just before it (each without the slashes and
/// one leading space).
#[derive(Clone, Debug)]
pub(crate) struct Token {
    pub tok: Tok,
    pub pos: Pos,
    pub docs: Vec<String>,
}

/// A syntax error: where, and what was expected.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct SyntaxError {
    pub pos: Pos,
    pub message: String,
}

/// Cuts IDL text into tokens, ending with [`Tok::End`].
pub(crate) fn tokens(text: &str) -> Result<Vec<Token>, SyntaxError> {
    let mut lexer = Lexer {
        // A byte-order mark is not part of the model.
        chars: text.trim_start_matches('\u{feff}').chars().collect(),
        i: 0,
        pos: Pos { line: 1, column: 1 },
    };
    let mut out: Vec<Token> = Vec::new();
    let mut docs = Vec::new();
    loop {
        lexer.skip_space();
        let pos = lexer.pos;
        let Some(c) = lexer.peek(0) else {
            out.push(Token {
                tok: Tok::End,
                pos,
                docs,
            });
            return Ok(out);
        };
        match lexer.token(c)? {
            Lexeme::Token(tok) => out.push(Token {
                tok,
                pos,
                docs: std::mem::take(&mut docs),
            }),
            // A `///` comment on the line of a token (after a shape, a member, a trait) is a
            // plain comment: documentation comments stand on lines of their own.
            Lexeme::Doc(_) if out.last().is_some_and(|t| t.pos.line == pos.line) => {}
            Lexeme::Doc(line) => docs.push(line),
            Lexeme::Comment => {}
        }
    }
}

/// What the lexer read: a token, a documentation line, or a plain comment.
enum Lexeme {
    Token(Tok),
    Doc(String),
    Comment,
}

struct Lexer {
    chars: Vec<char>,
    i: usize,
    pos: Pos,
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '#' | '$')
}

impl Lexer {
    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.i + ahead).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek(0)?;
        self.i += 1;
        if c == '\n' {
            self.pos.line += 1;
            self.pos.column = 1;
        } else {
            self.pos.column += 1;
        }
        Some(c)
    }

    fn take_while(&mut self, keep: impl Fn(char) -> bool) -> String {
        let mut out = String::new();
        while let Some(c) = self.peek(0).filter(|c| keep(*c)) {
            out.push(c);
            self.bump();
        }
        out
    }

    fn error(&self, pos: Pos, message: impl Into<String>) -> SyntaxError {
        SyntaxError {
            pos,
            message: message.into(),
        }
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(0), Some(' ' | '\t' | '\r' | '\n' | ',')) {
            self.bump();
        }
    }

    /// The token (or comment) starting with `c`.
    fn token(&mut self, c: char) -> Result<Lexeme, SyntaxError> {
        let pos = self.pos;
        let tok = match c {
            '/' => return self.comment(),
            '"' => Tok::Str(self.string()?),
            '-' | '0'..='9' => Tok::Number(self.number()?),
            c if c.is_ascii_alphabetic() || c == '_' => Tok::Word(self.take_while(is_word_char)),
            ':' => {
                self.bump();
                if self.peek(0) == Some('=') {
                    self.bump();
                    Tok::Walrus
                } else {
                    Tok::Punct(':')
                }
            }
            '$' | '{' | '}' | '[' | ']' | '(' | ')' | '=' | '@' => {
                self.bump();
                if c == '$' {
                    Tok::Dollar
                } else {
                    Tok::Punct(c)
                }
            }
            other => {
                return Err(self.error(
                    pos,
                    format!("unexpected character `{}`", other.escape_default()),
                ))
            }
        };
        Ok(Lexeme::Token(tok))
    }

    fn comment(&mut self) -> Result<Lexeme, SyntaxError> {
        if self.peek(1) != Some('/') {
            return Err(self.error(self.pos, "unexpected `/`; comments start with `//`"));
        }
        self.bump();
        self.bump();
        let doc = self.peek(0) == Some('/');
        if doc {
            self.bump();
        }
        let line = self.take_while(|c| c != '\n');
        let line = line.strip_suffix('\r').unwrap_or(&line);
        Ok(if doc {
            Lexeme::Doc(line.strip_prefix(' ').unwrap_or(line).to_string())
        } else {
            Lexeme::Comment
        })
    }

    fn number(&mut self) -> Result<String, SyntaxError> {
        let pos = self.pos;
        let text =
            self.take_while(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'));
        if crate::model::numbers::is_number_literal(&text) {
            Ok(text)
        } else {
            Err(self.error(
                pos,
                format!(
                    "malformed number `{text}`; write numbers as JSON does (`-12`, `1.5`, `2e10`)"
                ),
            ))
        }
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        let pos = self.pos;
        self.bump();
        if self.peek(0) == Some('"') && self.peek(1) == Some('"') {
            self.bump();
            self.bump();
            return self.text_block(pos);
        }
        let raw = self.raw_until_quotes(1, pos)?;
        text::unescape(&text::normalize_newlines(&raw)).map_err(|m| self.error(pos, m))
    }

    fn text_block(&mut self, pos: Pos) -> Result<String, SyntaxError> {
        self.take_while(|c| c == ' ' || c == '\t');
        if self.peek(0) == Some('\r') {
            self.bump();
        }
        if self.bump() != Some('\n') {
            return Err(self.error(
                pos,
                "a text block's opening `\"\"\"` must be followed by a new line",
            ));
        }
        let raw = self.raw_until_quotes(3, pos)?;
        text::text_block(&raw).map_err(|m| self.error(pos, m))
    }

    /// The raw text up to `n` closing quotes, which are consumed. Escapes are kept as written
    /// (so that `\"` does not close the string).
    fn raw_until_quotes(&mut self, n: usize, pos: Pos) -> Result<String, SyntaxError> {
        let mut raw = String::new();
        loop {
            match self.peek(0) {
                None => {
                    let close = if n == 3 { "\"\"\"" } else { "\"" };
                    return Err(
                        self.error(pos, format!("unterminated string; close it with `{close}`"))
                    );
                }
                Some('"') if (0..n).all(|k| self.peek(k) == Some('"')) => {
                    for _ in 0..n {
                        self.bump();
                    }
                    return Ok(raw);
                }
                Some(c) => {
                    raw.push(c);
                    self.bump();
                    if c == '\\' {
                        raw.extend(self.bump());
                    }
                }
            }
        }
    }
}
