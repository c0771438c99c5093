//! [`Format`] and the entry points [`DateTime::fmt`] and [`DateTime::parse`].

use std::fmt;

use super::{epoch, http_date, rfc3339, DateTime, DateTimeError};
use crate::codec::Strictness;

/// The timestamp formats of Smithy's `@timestampFormat` trait.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum Format {
    /// `date-time`: RFC 3339 in UTC, such as `2019-12-16T23:48:18Z` or
    /// `2019-12-16T23:48:18.123Z`.
    DateTime,
    /// `http-date`: the IMF-fixdate of RFC 7231, such as `Mon, 16 Dec 2019 23:48:18 GMT`.
    HttpDate,
    /// `epoch-seconds`: seconds since the Unix epoch as a decimal number, such as
    /// `1515531081` or `1515531081.123`.
    EpochSeconds,
}

impl Format {
    /// The format's name in Smithy models (`date-time`, `http-date`, `epoch-seconds`).
    pub fn smithy_name(self) -> &'static str {
        match self {
            Format::DateTime => "date-time",
            Format::HttpDate => "http-date",
            Format::EpochSeconds => "epoch-seconds",
        }
    }
}

/// Writes [`Format::smithy_name`].
impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.smithy_name())
    }
}

impl DateTime {
    /// Writes this time in `format`.
    ///
    /// * [`Format::EpochSeconds`]: an integer when there is no subsecond part, else a
    ///   decimal with millisecond precision and no trailing zeros (`1515531081.123`,
    ///   `1515531081.5`, `-1.5`); nanoseconds below a millisecond are dropped (rounding
    ///   towards negative infinity). Never fails.
    /// * [`Format::DateTime`]: `2019-12-16T23:48:18Z`; a non-zero subsecond part is
    ///   written with three digits when it is a whole number of milliseconds (`.120Z`),
    ///   else with as many digits as needed, up to nine.
    /// * [`Format::HttpDate`]: `Mon, 16 Dec 2019 23:48:18 GMT`; the subsecond part is
    ///   dropped.
    ///
    /// # Errors
    ///
    /// The two calendar formats fail for times outside the years 0000 to 9999.
    pub fn fmt(&self, format: Format) -> Result<String, DateTimeError> {
        match format {
            Format::EpochSeconds => Ok(epoch::format(*self)),
            Format::DateTime => rfc3339::format(*self),
            Format::HttpDate => http_date::format(*self),
        }
        .map_err(|error| error.in_format(format))
    }

    /// Reads a time written in `format`.
    ///
    /// * [`Format::EpochSeconds`]: a decimal number as JSON writes them: optional `-`,
    ///   digits, optional fraction, optional exponent (`1515531081`, `-1.5`,
    ///   `1.515531081123E9`). Digits beyond nanoseconds are truncated.
    /// * [`Format::DateTime`]: RFC 3339 with `T` or `t`, `Z`, `z` or an offset such as
    ///   `-01:00`, and an optional fraction of 1 to 9 digits.
    /// * [`Format::HttpDate`]: IMF-fixdate, optionally with a fraction of 1 to 9 digits
    ///   after the seconds (`Mon, 16 Dec 2019 23:48:18.123 GMT`); the weekday must match
    ///   the date.
    ///
    /// # Errors
    ///
    /// Any other text, impossible dates (such as February 30) and values outside the
    /// range of [`DateTime`].
    pub fn parse(text: &str, format: Format) -> Result<DateTime, DateTimeError> {
        DateTime::parse_with(text, format, Strictness::Lenient)
    }

    /// Reads a time written in `format`, as [`DateTime::parse`] does, with `strictness`: read
    /// strictly, a `date-time` must be in UTC, written `Z` (what a server takes in a request).
    ///
    /// # Errors
    ///
    /// As for [`DateTime::parse`]; read strictly, also a `date-time` with a UTC offset.
    pub fn parse_with(
        text: &str,
        format: Format,
        strictness: Strictness,
    ) -> Result<DateTime, DateTimeError> {
        match format {
            Format::EpochSeconds => epoch::parse(text),
            Format::DateTime => rfc3339::parse(text, strictness),
            Format::HttpDate => http_date::parse(text),
        }
        .map_err(|error| error.in_format(format))
    }
}
