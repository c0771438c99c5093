//! Skipping a value the type does not read (`deserialize_ignored_any`), by its grammar
//! alone, as serde_json skips one: escapes are checked but not decoded (a lone surrogate
//! passes) and numbers are not converted (one beyond `f64` passes). Nesting is limited as
//! when reading.

use super::read::plain_run_end;
use super::{Deserializer, Error};

impl Deserializer<'_> {
    /// Reads past one value.
    pub(super) fn skip_value(&mut self) -> Result<(), Error> {
        match self.peek() {
            Some(b'"') => self.skip_string(),
            Some(b'-' | b'0'..=b'9') => self.scan_number().map(drop),
            Some(b't') => self.literal("true"),
            Some(b'f') => self.literal("false"),
            Some(b'n') => self.literal("null"),
            Some(b'[') => self.nested(Self::skip_array),
            Some(b'{') => self.nested(Self::skip_object),
            Some(_) => Err(self.error("expected value")),
            None => Err(self.error("EOF while parsing a value")),
        }
    }

    /// Reads past an array, at its `[`.
    fn skip_array(&mut self) -> Result<(), Error> {
        self.skip_inside(b']', Self::skip_value)
    }

    /// Reads past an object, at its `{`.
    fn skip_object(&mut self) -> Result<(), Error> {
        self.skip_inside(b'}', |de| {
            match de.peek() {
                Some(b'"') => de.skip_string()?,
                Some(_) => return Err(de.error("key must be a string")),
                None => return Err(de.error("EOF while parsing an object")),
            }
            de.expect(b':', "expected `:`")?;
            de.skip_value()
        })
    }

    /// Reads past the items (`item`) of an array or the entries of an object, from its
    /// opening byte to `close`.
    fn skip_inside(
        &mut self,
        close: u8,
        item: impl Fn(&mut Self) -> Result<(), Error>,
    ) -> Result<(), Error> {
        self.pos += 1;
        if self.peek() == Some(close) {
            self.pos += 1;
            return Ok(());
        }
        loop {
            item(self)?;
            if !self.continues(close)? {
                return Ok(());
            }
        }
    }

    /// Reads past a string, at its opening quote.
    fn skip_string(&mut self) -> Result<(), Error> {
        let bytes = self.bytes();
        let mut at = self.pos + 1;
        loop {
            at = plain_run_end(bytes, at);
            self.pos = at;
            match bytes.get(at) {
                Some(b'"') => {
                    self.pos = at + 1;
                    return Ok(());
                }
                Some(b'\\') => match bytes.get(at + 1) {
                    Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => at += 2,
                    Some(b'u') => {
                        self.pos = at + 2;
                        self.hex4()?;
                        at = self.pos;
                    }
                    Some(_) => {
                        self.pos = at + 1;
                        return Err(self.error("an invalid escape"));
                    }
                    None => return Err(self.error("EOF while parsing a string")),
                },
                Some(_) => {
                    return Err(self.error("a control character (U+0000 to U+001F) in a string"))
                }
                None => return Err(self.error("EOF while parsing a string")),
            }
        }
    }
}
