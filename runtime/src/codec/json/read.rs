//! The reader's lexical layer: whitespace, strings, literals, and the separators of arrays
//! and objects.

use std::borrow::Cow;

use super::{Deserializer, Error};

/// A string's text.
pub(super) enum Text<'de, 's> {
    /// Without escapes: borrowed from the body.
    Body(&'de str),
    /// Unescaped, in the reader's scratch buffer.
    Scratch(&'s str),
}

/// The offset of the first byte at or after `at` that ends a plain run of string text (a
/// quote, a backslash or a control character), or `bytes.len()`. Eight bytes at a time: a
/// byte is flagged when it is below 0x20, or equal to `"` or `\` (it is zero after the XOR);
/// a subtraction's borrow can only flag bytes above the first true match, which is the
/// lowest flag.
#[inline]
pub(super) fn plain_run_end(bytes: &[u8], mut at: usize) -> usize {
    const ONES: u64 = u64::MAX / 255;
    const HIGH: u64 = ONES << 7;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let x = u64::from_le_bytes(chunk);
        let quote = x ^ (ONES * u64::from(b'"'));
        let backslash = x ^ (ONES * u64::from(b'\\'));
        // `"` and `\` are ASCII, so `!quote` and `!backslash` have the high bits of `!x`.
        let hits =
            (x.wrapping_sub(ONES * 0x20) | quote.wrapping_sub(ONES) | backslash.wrapping_sub(ONES))
                & !x
                & HIGH;
        if hits != 0 {
            return at + (hits.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while let Some(&b) = bytes.get(at) {
        if b == b'"' || b == b'\\' || b < 0x20 {
            break;
        }
        at += 1;
    }
    at
}

impl<'de> Deserializer<'de> {
    /// The body's bytes.
    #[inline]
    pub(super) fn bytes(&self) -> &'de [u8] {
        self.input.as_bytes()
    }

    /// The next byte after whitespace, not consumed.
    #[inline]
    pub(super) fn peek(&mut self) -> Option<u8> {
        match self.bytes().get(self.pos) {
            Some(&b) if b > b' ' => Some(b),
            _ => self.peek_past_whitespace(),
        }
    }

    /// [`Self::peek`] where whitespace may come first.
    fn peek_past_whitespace(&mut self) -> Option<u8> {
        let bytes = self.bytes();
        while let Some(&b) = bytes.get(self.pos) {
            if !super::is_whitespace(b) {
                return Some(b);
            }
            self.pos += 1;
        }
        None
    }

    /// An error at the current position.
    #[cold]
    pub(super) fn error(&self, reason: &str) -> Error {
        Error::at(self.bytes(), self.pos, reason)
    }

    /// `error`, placed at byte `start` (where the value at fault begins) unless it has a
    /// place already.
    #[cold]
    pub(super) fn fix(&self, error: Error, start: usize) -> Error {
        error.located(self.bytes(), start)
    }

    /// Consumes `byte` after whitespace; otherwise fails with `expected`.
    #[inline]
    pub(super) fn expect(&mut self, byte: u8, expected: &str) -> Result<(), Error> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error(expected))
        }
    }

    /// Consumes `word` (`true`, `false` or `null`), whose first byte was peeked.
    pub(super) fn literal(&mut self, word: &'static str) -> Result<(), Error> {
        let end = self.pos + word.len();
        if self.bytes().get(self.pos..end) == Some(word.as_bytes()) {
            self.pos = end;
            Ok(())
        } else {
            Err(self.error(&format!("expected `{word}`")))
        }
    }

    /// Runs `read` one array or object deeper, within [`super::MAX_DEPTH`].
    #[inline]
    pub(super) fn nested<T>(
        &mut self,
        read: impl FnOnce(&mut Self) -> Result<T, Error>,
    ) -> Result<T, Error> {
        self.depth -= 1;
        if self.depth == 0 {
            self.depth += 1;
            return Err(self.error("recursion limit exceeded"));
        }
        let result = read(self);
        self.depth += 1;
        result
    }

    /// A string, whose opening quote was peeked: borrowed from the body unless it has escapes.
    #[inline]
    pub(super) fn string(&mut self) -> Result<Cow<'de, str>, Error> {
        Ok(match self.text()? {
            Text::Body(text) => Cow::Borrowed(text),
            Text::Scratch(text) => Cow::Owned(text.to_owned()),
        })
    }

    /// A string, whose opening quote was peeked: borrowed from the body, or unescaped into
    /// the reader's scratch buffer when it has escapes.
    #[inline]
    pub(super) fn text(&mut self) -> Result<Text<'de, '_>, Error> {
        let start = self.pos + 1;
        let end = plain_run_end(self.bytes(), start);
        if self.bytes().get(end) == Some(&b'"') {
            self.pos = end + 1;
            return Ok(Text::Body(&self.input[start..end]));
        }
        self.unescape(start, end)?;
        Ok(Text::Scratch(&self.scratch))
    }

    /// Unescapes the string from `start` into the scratch buffer; its first plain run ends
    /// at `end`, on something other than the closing quote.
    #[inline(never)]
    fn unescape(&mut self, start: usize, mut end: usize) -> Result<(), Error> {
        let bytes = self.bytes();
        self.scratch.clear();
        let mut from = start;
        loop {
            self.scratch.push_str(&self.input[from..end]);
            let Some(&b) = bytes.get(end) else {
                self.pos = end;
                return Err(self.error("EOF while parsing a string"));
            };
            self.pos = end + 1;
            match (b, bytes.get(end + 1)) {
                (b'"', _) => return Ok(()),
                // The escaped character is itself: it starts the next run, which goes on
                // past it.
                (b'\\', Some(b'"' | b'\\' | b'/')) => {
                    from = end + 1;
                    end = plain_run_end(bytes, end + 2);
                    continue;
                }
                (b'\\', _) => {
                    let c = self.escape()?;
                    self.scratch.push(c);
                }
                _ => {
                    self.pos = end;
                    return Err(self.error("a control character (U+0000 to U+001F) in a string"));
                }
            }
            from = self.pos;
            end = plain_run_end(bytes, from);
        }
    }

    /// The character of the escape after a backslash.
    fn escape(&mut self) -> Result<char, Error> {
        let Some(&b) = self.bytes().get(self.pos) else {
            return Err(self.error("EOF while parsing a string"));
        };
        self.pos += 1;
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(),
            _ => {
                self.pos -= 1;
                return Err(self.error("an invalid escape"));
            }
        })
    }

    /// The character of a `\u` escape (after the `u`): a surrogate must be a leading one
    /// followed by an escaped trailing one.
    fn unicode_escape(&mut self) -> Result<char, Error> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if self.bytes().get(self.pos..self.pos + 2) != Some(b"\\u") {
                    return Err(self.error("a lone leading surrogate in a hex escape"));
                }
                self.pos += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.error("a lone leading surrogate in a hex escape"));
                }
                0x1_0000 + ((first - 0xD800) << 10 | (second - 0xDC00))
            }
            0xDC00..=0xDFFF => return Err(self.error("a lone trailing surrogate in a hex escape")),
            _ => first,
        };
        char::from_u32(code).ok_or_else(|| self.error("an invalid unicode code point"))
    }

    /// Four hex digits.
    pub(super) fn hex4(&mut self) -> Result<u32, Error> {
        let Some(digits) = self.bytes().get(self.pos..self.pos + 4) else {
            self.pos = self.bytes().len();
            return Err(self.error("EOF while parsing a string"));
        };
        let mut code = 0;
        for &digit in digits {
            match char::from(digit).to_digit(16) {
                Some(value) => code = code << 4 | value,
                None => return Err(self.error("an invalid hex escape")),
            }
            self.pos += 1;
        }
        Ok(code)
    }

    /// After an item of an array (`close` is `]`) or an entry of an object (`}`): `true`
    /// past a `,` (another follows), `false` past `close`.
    #[inline]
    pub(super) fn continues(&mut self, close: u8) -> Result<bool, Error> {
        let (expected, eof) = match close {
            b']' => ("expected `,` or `]`", "EOF while parsing a list"),
            _ => ("expected `,` or `}`", "EOF while parsing an object"),
        };
        match self.peek() {
            Some(b',') => {
                self.pos += 1;
                match self.peek() {
                    Some(next) if next == close => Err(self.error("trailing comma")),
                    _ => Ok(true),
                }
            }
            Some(next) if next == close => {
                self.pos += 1;
                Ok(false)
            }
            Some(_) => Err(self.error(expected)),
            None => Err(self.error(eof)),
        }
    }

    /// An object's key, at its opening quote after whitespace. (Always inlined: it reads
    /// every member name, and a call of its own cost 4% of a decode.)
    #[inline(always)]
    pub(super) fn key(&mut self) -> Result<Cow<'de, str>, Error> {
        match self.peek() {
            Some(b'"') => self.string(),
            Some(_) => Err(self.error("key must be a string")),
            None => Err(self.error("EOF while parsing an object")),
        }
    }
}
