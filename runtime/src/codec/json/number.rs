//! Numbers: read as serde_json hands them over, floats correctly rounded.

use serde::de::Unexpected;

use super::{Deserializer, Error};

/// A number as serde_json hands it over.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Number {
    /// Whole and non-negative.
    U64(u64),
    /// Whole and negative.
    I64(i64),
    /// Everything else, `-0` included.
    F64(f64),
}

impl Number {
    /// What the number is, for type errors.
    pub(super) fn unexpected(self) -> Unexpected<'static> {
        match self {
            Number::U64(n) => Unexpected::Unsigned(n),
            Number::I64(n) => Unexpected::Signed(n),
            Number::F64(x) => Unexpected::Float(x),
        }
    }
}

/// A number read past by its grammar.
#[derive(Clone, Copy)]
pub(super) struct Scanned {
    /// Where it starts.
    start: usize,
    /// It has a minus sign.
    negative: bool,
    /// The digits before the fraction.
    whole: Digits,
    /// All its digits, the fraction's included.
    digits: Digits,
    /// The power of ten to scale `digits` by.
    exponent: i64,
    /// It has a fraction or an exponent.
    float: bool,
}

/// The digits of a number read so far.
#[derive(Clone, Copy, Default)]
struct Digits {
    /// Their value, while it fits.
    value: u64,
    /// How many.
    count: u32,
    /// The value no longer fits 64 bits.
    overflow: bool,
}

impl<'de> Deserializer<'de> {
    /// A number, whose first byte was peeked.
    #[inline]
    pub(super) fn number(&mut self) -> Result<Number, Error> {
        let scanned = self.scan_number()?;
        if scanned.float || scanned.whole.overflow {
            return self.float(&scanned);
        }
        Ok(match (scanned.negative, scanned.whole.value) {
            (false, n) => Number::U64(n),
            (true, 0) => Number::F64(-0.0),
            (true, n) => match i64::try_from(n) {
                Ok(n) => Number::I64(-n),
                Err(_) if n == 1 << 63 => Number::I64(i64::MIN),
                Err(_) => Number::F64(-(n as f64)),
            },
        })
    }

    /// Reads past a number by its grammar, whose first byte was peeked, keeping its digits.
    #[inline]
    pub(super) fn scan_number(&mut self) -> Result<Scanned, Error> {
        let start = self.pos;
        let negative = self.bytes().get(self.pos) == Some(&b'-');
        if negative {
            self.pos += 1;
        }
        let mut digits = Digits::default();
        match self.bytes().get(self.pos) {
            Some(b'0') => {
                self.pos += 1;
                if let Some(b'0'..=b'9') = self.bytes().get(self.pos) {
                    return Err(self.error("invalid number: a leading zero"));
                }
            }
            Some(b'1'..=b'9') => self.digits(&mut digits),
            _ => return Err(self.error("invalid number")),
        }
        let whole = digits;
        let mut exponent: i64 = 0;
        let mut float = false;
        if self.bytes().get(self.pos) == Some(&b'.') {
            self.pos += 1;
            self.digits(&mut digits);
            if digits.count == whole.count {
                return Err(self.error("invalid number"));
            }
            exponent -= i64::from(digits.count - whole.count);
            float = true;
        }
        if let Some(b'e' | b'E') = self.bytes().get(self.pos) {
            exponent += self.exponent()?;
            float = true;
        }
        Ok(Scanned {
            start,
            negative,
            whole,
            digits,
            exponent,
            float,
        })
    }

    /// The text of an integer (a sign and digits, no fraction or exponent), whose first
    /// byte was peeked: what `i128` and `u128` are read from, as serde_json reads them.
    pub(super) fn integer_text(&mut self) -> Result<&'de str, Error> {
        let start = self.pos;
        if self.bytes().get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        match self.bytes().get(self.pos) {
            Some(b'0') => {
                self.pos += 1;
                if let Some(b'0'..=b'9') = self.bytes().get(self.pos) {
                    return Err(self.error("invalid number: a leading zero"));
                }
            }
            Some(b'1'..=b'9') => {
                while let Some(b'0'..=b'9') = self.bytes().get(self.pos) {
                    self.pos += 1;
                }
            }
            _ => return Err(self.error("invalid number")),
        }
        Ok(&self.input[start..self.pos])
    }

    /// Adds the digits ahead to `digits`.
    #[inline]
    fn digits(&mut self, digits: &mut Digits) {
        while let Some(&digit @ b'0'..=b'9') = self.bytes().get(self.pos) {
            match digits
                .value
                .checked_mul(10)
                .and_then(|n| n.checked_add(u64::from(digit - b'0')))
            {
                Some(more) => digits.value = more,
                None => digits.overflow = true,
            }
            digits.count += 1;
            self.pos += 1;
        }
    }

    /// An exponent, at its `e`: its value (saturated far beyond where `f64` ends).
    fn exponent(&mut self) -> Result<i64, Error> {
        self.pos += 1;
        let negative = match self.bytes().get(self.pos) {
            Some(b'-') => true,
            Some(b'+') => false,
            _ => {
                self.pos -= 1;
                false
            }
        };
        self.pos += 1;
        let start = self.pos;
        let mut value: i64 = 0;
        while let Some(&digit @ b'0'..=b'9') = self.bytes().get(self.pos) {
            value = (value * 10 + i64::from(digit - b'0')).min(1 << 32);
            self.pos += 1;
        }
        if self.pos == start {
            return Err(self.error("invalid number"));
        }
        Ok(if negative { -value } else { value })
    }

    /// The number `scanned`, which ends here and has a fraction or exponent or is beyond 64
    /// bits, as the nearest `f64`: `digits` × 10^`exponent`, exactly computed when both are
    /// exact as `f64` (one correctly rounded operation); otherwise by the standard library.
    fn float(&mut self, scanned: &Scanned) -> Result<Number, Error> {
        let Scanned {
            start,
            negative,
            digits,
            exponent,
            ..
        } = *scanned;
        /// The powers of ten that are exact as `f64`.
        const EXACT: [f64; 23] = [
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
            1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
        ];
        let power = usize::try_from(exponent.unsigned_abs()).ok();
        if let (false, Some(&scale)) = (digits.overflow, power.and_then(|p| EXACT.get(p))) {
            if digits.value < 1 << 53 {
                let magnitude = digits.value as f64;
                let x = if exponent < 0 {
                    magnitude / scale
                } else {
                    magnitude * scale
                };
                return Ok(Number::F64(if negative { -x } else { x }));
            }
        }
        match self.input[start..self.pos].parse::<f64>() {
            Ok(x) if x.is_finite() => Ok(Number::F64(x)),
            _ => Err(Error::at(self.bytes(), start, "number out of range")),
        }
    }
}
