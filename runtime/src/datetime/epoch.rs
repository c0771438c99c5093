//! The `epoch-seconds` format as text: exact decimal parsing and millisecond formatting.
//!
//! Parsing works on the decimal digits directly (never through `f64`), so
//! `1515531081.123` is exactly 123 ms past the second.

use super::{DateTime, DateTimeError, Format, NANOS_PER_SEC};

/// Nanoseconds per second, as the wide type the parser computes in.
const NANOS: i128 = NANOS_PER_SEC as i128;

/// Writes `time` as seconds since the epoch with at most millisecond precision.
pub(crate) fn format(time: DateTime) -> String {
    let millis = time.subsec_nanos() / 1_000_000;
    if millis == 0 {
        return time.secs().to_string();
    }
    let (sign, whole, frac) = if time.secs() >= 0 {
        ("", time.secs().unsigned_abs(), millis)
    } else {
        // secs + millis/1000 = -(|secs + 1| + (1000 - millis)/1000); secs + 1 cannot overflow.
        ("-", (time.secs() + 1).unsigned_abs(), 1000 - millis)
    };
    let frac = format!("{frac:03}");
    format!("{sign}{whole}.{}", frac.trim_end_matches('0'))
}

/// Reads `-?digits(.digits)?([eE][+-]?digits)?` exactly, truncating below a nanosecond.
pub(crate) fn parse(text: &str) -> Result<DateTime, DateTimeError> {
    let number = Decimal::parse(text)
        .map_err(|reason| DateTimeError::invalid(Format::EpochSeconds, text, reason))?;
    let too_large = || {
        DateTimeError::out_of_range(format!(
            "{text} seconds since the epoch does not fit in 64-bit seconds"
        ))
    };
    let magnitude = number.nanoseconds().ok_or_else(too_large)?;
    let total = if number.negative {
        -magnitude
    } else {
        magnitude
    };
    let secs = i64::try_from(total.div_euclid(NANOS)).map_err(|_| too_large())?;
    let nanos = u32::try_from(total.rem_euclid(NANOS)).map_err(|_| too_large())?;
    Ok(DateTime::from_secs_and_nanos(secs, nanos))
}

/// The time whose shortest decimal form is `secs` when that form has at most millisecond
/// precision (`1700000000.123`), found without formatting; `None` otherwise, or when `secs`
/// is not between 2^20 and 2^40 seconds from the epoch in magnitude (the range where the test
/// below is exact).
///
/// Between 2^20 and 2^40, the float's unit in the last place `2^-k` (`k` from 12 to 32) is
/// below a millisecond, so at most one millisecond decimal `s + m/1000` lies within half a
/// unit of `secs`; when one does, it is the shortest form's value (any shorter decimal in that
/// interval has at most three decimals, so is that one). With `secs = s + a·2^-k`, the
/// decimal is within half a unit exactly when `|1000·a − m·2^k| < 500`: integers, no rounding.
pub(crate) fn from_millis_f64(secs: f64) -> Option<DateTime> {
    let exponent = i64::from(((secs.to_bits() >> 52) & 0x7ff) as u16) - 1023;
    if !(20..40).contains(&exponent) {
        return None;
    }
    let k = 52 - exponent;
    let whole = secs.floor();
    // Exact: the fraction is a multiple of 2^-k below 1, so `a` is an integer below 2^32.
    let a = ((secs - whole) * (1u64 << k) as f64) as i64;
    let m = (1000 * a + (1i64 << (k - 1))) >> k;
    if (1000 * a - (m << k)).abs() >= 500 {
        return None;
    }
    // `whole` is below 2^40 in magnitude: exact as an integer.
    let whole = whole as i64;
    let (secs, millis) = if m == 1000 {
        (whole + 1, 0)
    } else {
        (whole, m)
    };
    Some(DateTime::from_secs_and_nanos(
        secs,
        u32::try_from(millis).ok()? * 1_000_000,
    ))
}

/// A decimal number as written: `-?digits(.digits)?([eE][+-]?digits)?`.
struct Decimal<'a> {
    negative: bool,
    int_digits: &'a [u8],
    frac_digits: &'a [u8],
    /// The exponent, saturated.
    exponent: i64,
}

impl<'a> Decimal<'a> {
    /// The parts of `text`, or why it is not such a number.
    fn parse(text: &'a str) -> Result<Self, &'static str> {
        let bytes = text.as_bytes();
        let negative = bytes.first() == Some(&b'-');
        let mut pos = usize::from(negative);
        let int_digits = digits_at(bytes, pos);
        if int_digits.is_empty() {
            return Err("expected a digit");
        }
        pos += int_digits.len();
        let mut frac_digits: &[u8] = &[];
        if bytes.get(pos) == Some(&b'.') {
            frac_digits = digits_at(bytes, pos + 1);
            if frac_digits.is_empty() {
                return Err("expected a digit after the decimal point");
            }
            pos += 1 + frac_digits.len();
        }
        let mut exponent: i64 = 0;
        if matches!(bytes.get(pos), Some(b'e' | b'E')) {
            pos += 1;
            let exp_negative = bytes.get(pos) == Some(&b'-');
            if matches!(bytes.get(pos), Some(b'-' | b'+')) {
                pos += 1;
            }
            let exp_digits = digits_at(bytes, pos);
            if exp_digits.is_empty() {
                return Err("expected a digit in the exponent");
            }
            pos += exp_digits.len();
            for &digit in exp_digits {
                exponent = exponent
                    .saturating_mul(10)
                    .saturating_add(i64::from(digit - b'0'));
            }
            if exp_negative {
                exponent = -exponent;
            }
        }
        if pos != bytes.len() {
            return Err("unexpected character");
        }
        Ok(Decimal {
            negative,
            int_digits,
            frac_digits,
            exponent,
        })
    }

    /// The magnitude in whole nanoseconds (digits below a nanosecond truncated); `None` when
    /// it exceeds [`max_magnitude`].
    fn nanoseconds(&self) -> Option<i128> {
        // The power of ten (in nanoseconds) of the first digit; each later digit is one lower.
        let first_weight = (self.int_digits.len() as i64 - 1)
            .saturating_add(self.exponent)
            .saturating_add(9);
        let mut magnitude: i128 = 0;
        let mut last_weight = first_weight;
        for (index, &digit) in self.int_digits.iter().chain(self.frac_digits).enumerate() {
            let weight = first_weight.saturating_sub(index as i64);
            if weight < 0 {
                break;
            }
            magnitude = magnitude
                .checked_mul(10)
                .and_then(|m| m.checked_add(i128::from(digit - b'0')))
                .filter(|&m| m <= max_magnitude())?;
            last_weight = weight;
        }
        if magnitude != 0 && last_weight > 0 {
            magnitude = u32::try_from(last_weight)
                .ok()
                .and_then(|power| 10_i128.checked_pow(power))
                .and_then(|scale| magnitude.checked_mul(scale))
                .filter(|&m| m <= max_magnitude())?;
        }
        Some(magnitude)
    }
}

/// The largest number of nanoseconds (in magnitude) that the parser accepts: the
/// magnitude of `i64::MIN` seconds. Larger positive values are caught when converting.
fn max_magnitude() -> i128 {
    (i128::from(i64::MAX) + 1) * NANOS
}

/// The run of ASCII digits starting at `pos`.
fn digits_at(bytes: &[u8], pos: usize) -> &[u8] {
    let rest = bytes.get(pos..).unwrap_or_default();
    let len = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    &rest[..len]
}
