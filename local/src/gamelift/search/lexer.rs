//! Splits filter and sort expressions into tokens.

use std::iter::Peekable;
use std::str::CharIndices;

use super::error::{SearchError, SearchErrorKind};
pub(crate) use super::value::{Comparator, Number};

/// What a token is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum TokenKind {
    /// An operand name, keyword (`AND`, `ASC`, ...) or boolean literal.
    Word(String),
    Number(Number),
    /// A quoted string, with its escapes resolved.
    Str(String),
    LParen,
    RParen,
    Comparator(Comparator),
    /// The end of the expression (always the last token).
    End,
}

/// A token and the byte range of the text it came from.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Token {
    pub(crate) kind: TokenKind,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

impl Token {
    /// Whether the token is the (case-insensitive) keyword `keyword`.
    pub(crate) fn is_keyword(&self, keyword: &str) -> bool {
        matches!(&self.kind, TokenKind::Word(w) if w.eq_ignore_ascii_case(keyword))
    }

    /// The token described for a "found ..." message.
    pub(crate) fn describe(&self, src: &str) -> String {
        let text = src.get(self.start..self.end).unwrap_or_default();
        match &self.kind {
            TokenKind::End => "end of expression".to_owned(),
            TokenKind::Str(_) => format!("the string {}", shorten(text)),
            TokenKind::Number(_) => format!("the number {}", shorten(text)),
            TokenKind::Word(w) if is_logical_keyword(w) => format!("the keyword '{text}'"),
            _ => format!("'{}'", shorten(text)),
        }
    }
}

/// Whether `word` is `AND`, `OR` or `NOT` (in any case).
pub(crate) fn is_logical_keyword(word: &str) -> bool {
    ["AND", "OR", "NOT"]
        .iter()
        .any(|k| word.eq_ignore_ascii_case(k))
}

/// Cuts long token text down for messages.
pub(crate) fn shorten(text: &str) -> String {
    const MAX: usize = 40;
    match text.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}...", &text[..cut]),
        None => text.to_owned(),
    }
}

fn is_word_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_'
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-')
}

type Chars<'a> = Peekable<CharIndices<'a>>;

/// Splits `src` into tokens, ending with a [`TokenKind::End`] token at `src.len()`.
pub(crate) fn tokenize(src: &str, kind: SearchErrorKind) -> Result<Vec<Token>, SearchError> {
    let error = |position: usize, message: String| SearchError::new(kind, position, message);
    let mut tokens = Vec::new();
    let mut chars = src.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        let token = match c {
            c if c.is_whitespace() => {
                chars.next();
                continue;
            }
            '(' | ')' | '=' => {
                chars.next();
                match c {
                    '(' => TokenKind::LParen,
                    ')' => TokenKind::RParen,
                    _ => TokenKind::Comparator(Comparator::Eq),
                }
            }
            '<' | '>' => {
                chars.next();
                let next = chars.peek().map(|&(_, n)| n);
                let comparator = match (c, next) {
                    ('<', Some('>')) => Some(Comparator::Ne),
                    ('<', Some('=')) => Some(Comparator::Le),
                    ('>', Some('=')) => Some(Comparator::Ge),
                    _ => None,
                };
                match comparator {
                    Some(comparator) => {
                        chars.next();
                        TokenKind::Comparator(comparator)
                    }
                    None if c == '<' => TokenKind::Comparator(Comparator::Lt),
                    None => TokenKind::Comparator(Comparator::Gt),
                }
            }
            '\'' | '"' => TokenKind::Str(lex_string(&mut chars).map_err(|(p, m)| error(p, m))?),
            '0'..='9' | '-' => {
                TokenKind::Number(lex_number(&mut chars, src).map_err(|(p, m)| error(p, m))?)
            }
            c if is_word_start(c) => {
                let mut word = String::new();
                while let Some(&(_, c)) = chars.peek().filter(|&&(_, c)| is_word_char(c)) {
                    word.push(c);
                    chars.next();
                }
                TokenKind::Word(word)
            }
            '!' => {
                let hint = if src[start..].starts_with("!=") {
                    "; use '<>' for \"not equal\""
                } else {
                    "; use NOT to negate a condition"
                };
                return Err(error(start, format!("unexpected character '!'{hint}")));
            }
            other => return Err(error(start, format!("unexpected character '{other}'"))),
        };
        let end = chars.peek().map_or(src.len(), |&(i, _)| i);
        tokens.push(Token {
            kind: token,
            start,
            end,
        });
    }
    tokens.push(Token {
        kind: TokenKind::End,
        start: src.len(),
        end: src.len(),
    });
    Ok(tokens)
}

/// Reads a single- or double-quoted string; `chars` is at the opening quote.
fn lex_string(chars: &mut Chars<'_>) -> Result<String, (usize, String)> {
    let Some((start, quote)) = chars.next() else {
        return Err((0, "expected a string".to_owned()));
    };
    let quote_name = if quote == '\'' { "single" } else { "double" };
    let unterminated = || {
        (
            start,
            format!("unterminated string (no closing {quote_name} quote)"),
        )
    };
    let mut value = String::new();
    loop {
        match chars.next() {
            None => return Err(unterminated()),
            Some((_, c)) if c == quote => return Ok(value),
            Some((backslash, '\\')) => match chars.next() {
                None => return Err(unterminated()),
                Some((_, c @ ('\'' | '"' | '\\'))) => value.push(c),
                Some((_, other)) => {
                    return Err((
                        backslash,
                        format!(
                            "unknown escape sequence '\\{other}' in a string; \
                             only \\', \\\" and \\\\ are allowed"
                        ),
                    ))
                }
            },
            Some((_, c)) => value.push(c),
        }
    }
}

/// Reads `-? digits ('.' digits)?`; `chars` is at the first character.
fn lex_number(chars: &mut Chars<'_>, src: &str) -> Result<Number, (usize, String)> {
    let start = chars.peek().map_or(src.len(), |&(i, _)| i);
    let negative = chars.next_if(|&(_, c)| c == '-').is_some();
    let mut integer: i128 = 0;
    let mut digits = 0usize;
    let mut fractional = false;
    let mut in_fraction = false;
    let mut fraction_digits = 0usize;
    let mut overflow = false;
    while let Some((_, c)) = chars.next_if(|&(_, c)| c.is_ascii_digit() || c == '.') {
        if c == '.' {
            if in_fraction || digits == 0 {
                return Err(invalid_number(chars, src, start));
            }
            in_fraction = true;
            continue;
        }
        let digit = i128::from(c as u8 - b'0');
        if in_fraction {
            fraction_digits += 1;
            fractional |= digit != 0;
        } else {
            digits += 1;
            match integer.checked_mul(10).and_then(|n| n.checked_add(digit)) {
                Some(n) => integer = n,
                None => overflow = true,
            }
        }
    }
    let malformed = digits == 0 || (in_fraction && fraction_digits == 0);
    if malformed || chars.peek().is_some_and(|&(_, c)| is_word_char(c)) {
        return Err(invalid_number(chars, src, start));
    }
    if overflow {
        return Err((start, "the number is too large".to_owned()));
    }
    let floor = match (negative, fractional) {
        (false, _) => integer,
        (true, false) => -integer,
        (true, true) => -integer - 1,
    };
    Ok(Number::new(floor, fractional))
}

/// The error for a malformed number starting at `start`, quoting the whole word.
fn invalid_number(chars: &mut Chars<'_>, src: &str, start: usize) -> (usize, String) {
    while chars.next_if(|&(_, c)| is_word_char(c)).is_some() {}
    let end = chars.peek().map_or(src.len(), |&(i, _)| i);
    let text = shorten(&src[start..end]);
    if text == "-" {
        return (start, "expected a digit after '-'".to_owned());
    }
    (
        start,
        format!("invalid number '{text}' (numbers are written like 10, -3 or 2.5)"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<TokenKind> {
        tokenize(src, SearchErrorKind::Filter)
            .unwrap()
            .into_iter()
            .map(|t| t.kind)
            .collect()
    }

    #[test]
    fn comparators_lex_without_spaces() {
        use Comparator::*;
        let got = kinds("a<>b<=c>=d<e>f=g");
        let comparators: Vec<_> = got
            .iter()
            .filter_map(|k| match k {
                TokenKind::Comparator(c) => Some(*c),
                _ => None,
            })
            .collect();
        assert_eq!(comparators, vec![Ne, Le, Ge, Lt, Gt, Eq]);
    }

    #[test]
    fn token_spans_are_byte_ranges() {
        let tokens = tokenize("é = 'ü'", SearchErrorKind::Filter);
        let err = tokens.unwrap_err();
        assert_eq!(err.position(), 0);
        let tokens = tokenize("a = 'ü' )", SearchErrorKind::Filter).unwrap();
        assert_eq!((tokens[2].start, tokens[2].end), (4, 8));
        assert_eq!((tokens[3].start, tokens[3].end), (9, 10));
        assert_eq!((tokens[4].start, tokens[4].end), (10, 10));
    }

    #[test]
    fn malformed_numbers_are_errors() {
        for (src, message) in [
            (
                "1.",
                "invalid number '1.' (numbers are written like 10, -3 or 2.5)",
            ),
            (
                "1.2.3",
                "invalid number '1.2.3' (numbers are written like 10, -3 or 2.5)",
            ),
            (
                "10abc",
                "invalid number '10abc' (numbers are written like 10, -3 or 2.5)",
            ),
            ("- 1", "expected a digit after '-'"),
            (
                "1000000000000000000000000000000000000000",
                "the number is too large",
            ),
        ] {
            let err = tokenize(src, SearchErrorKind::Filter).unwrap_err();
            assert_eq!((err.position(), err.message()), (0, message), "{src}");
        }
    }
}
