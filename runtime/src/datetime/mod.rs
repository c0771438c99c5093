//! Smithy timestamps: the [`DateTime`] type and its three wire formats.
//!
//! | [`Format`] | Smithy name | example |
//! |---|---|---|
//! | [`Format::EpochSeconds`] | `epoch-seconds` | `1515531081.123` |
//! | [`Format::DateTime`] | `date-time` (RFC 3339) | `2019-12-16T23:48:18.123Z` |
//! | [`Format::HttpDate`] | `http-date` (IMF-fixdate) | `Mon, 16 Dec 2019 23:48:18 GMT` |
//!
//! [`DateTime`]'s own `Serialize`/`Deserialize` use a JSON number of epoch seconds, the
//! default of the JSON protocols; the adapters in [`crate::codec`] pick the other formats.

use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

mod epoch;
mod error;
mod format;
mod http_date;
mod rfc3339;
mod serde_impl;
#[cfg(test)]
mod tests;

pub use error::{DateTimeError, DateTimeErrorKind};
pub use format::Format;

const NANOS_PER_SEC: u32 = 1_000_000_000;

/// A point in time: whole seconds since the Unix epoch plus a subsecond part.
///
/// The value is `secs + subsec_nanos / 10⁹`, with `subsec_nanos` always in `0..10⁹`; so a
/// time before the epoch such as `-1.5` seconds is stored as `secs = -2`,
/// `subsec_nanos = 500_000_000`. Ordering, equality and hashing follow the point in time.
/// `Default` is the epoch.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Default)]
pub struct DateTime {
    secs: i64,
    nanos: u32,
}

impl DateTime {
    /// The Unix epoch, `1970-01-01T00:00:00Z`.
    pub const UNIX_EPOCH: DateTime = DateTime { secs: 0, nanos: 0 };

    /// The time `secs` whole seconds after (or, if negative, before) the epoch.
    pub const fn from_secs(secs: i64) -> Self {
        DateTime { secs, nanos: 0 }
    }

    /// The time `secs + nanos / 10⁹` seconds after the epoch.
    ///
    /// `nanos` of one second or more carry into the seconds (saturating at `i64::MAX`).
    pub const fn from_secs_and_nanos(secs: i64, nanos: u32) -> Self {
        if nanos < NANOS_PER_SEC {
            DateTime { secs, nanos }
        } else {
            DateTime {
                secs: secs.saturating_add((nanos / NANOS_PER_SEC) as i64),
                nanos: nanos % NANOS_PER_SEC,
            }
        }
    }

    /// The time `millis` milliseconds after (or, if negative, before) the epoch.
    pub const fn from_millis(millis: i64) -> Self {
        DateTime {
            secs: millis.div_euclid(1000),
            nanos: millis.rem_euclid(1000) as u32 * 1_000_000,
        }
    }

    /// The time `secs` seconds after the epoch, saturating where that is not representable.
    ///
    /// The value is read as the shortest decimal that converts back to the same `f64` (so
    /// `1515531081.123` gives exactly 123 ms, not 122.999… ms), truncated to nanoseconds.
    /// NaN gives the epoch; values beyond the range of [`DateTime`] (including infinities)
    /// give the earliest or latest representable time. See [`DateTime::try_from_secs_f64`]
    /// for a version that reports those cases as errors.
    pub fn from_secs_f64(secs: f64) -> Self {
        match Self::try_from_secs_f64(secs) {
            Ok(time) => time,
            Err(_) if secs.is_nan() => DateTime::UNIX_EPOCH,
            Err(_) if secs > 0.0 => DateTime {
                secs: i64::MAX,
                nanos: NANOS_PER_SEC - 1,
            },
            Err(_) => DateTime {
                secs: i64::MIN,
                nanos: 0,
            },
        }
    }

    /// Like [`DateTime::from_secs_f64`], but NaN, infinities and values out of range are
    /// errors.
    pub fn try_from_secs_f64(secs: f64) -> Result<Self, DateTimeError> {
        if !secs.is_finite() {
            return Err(DateTimeError::out_of_range(format!(
                "{secs} is not a finite number of seconds"
            )));
        }
        if let Some(time) = epoch::from_millis_f64(secs) {
            return Ok(time);
        }
        // `{:e}` prints the shortest representation that round-trips, in exponent form.
        epoch::parse(&format!("{secs:e}"))
    }

    /// Whole seconds since the epoch (rounded towards negative infinity).
    pub const fn secs(&self) -> i64 {
        self.secs
    }

    /// The nanoseconds past [`DateTime::secs`], in `0..1_000_000_000`.
    pub const fn subsec_nanos(&self) -> u32 {
        self.nanos
    }

    /// Seconds since the epoch as a float (precision is lost for large values).
    pub fn as_secs_f64(&self) -> f64 {
        self.secs as f64 + f64::from(self.nanos) / f64::from(NANOS_PER_SEC)
    }

    /// This time as a UTC calendar date-time, for the textual formats, which only have
    /// room for years 0000 to 9999.
    fn to_calendar(self, format: Format) -> Result<time::OffsetDateTime, DateTimeError> {
        let too_far = || {
            DateTimeError::out_of_range(format!(
                "{} seconds since the epoch is outside the years 0000-9999 that {format} can express",
                epoch::format(self)
            ))
        };
        let utc = time::OffsetDateTime::from_unix_timestamp(self.secs)
            .map_err(|_| too_far())?
            .replace_nanosecond(self.nanos)
            .map_err(|_| too_far())?;
        if (0..=9999).contains(&utc.year()) {
            Ok(utc)
        } else {
            Err(too_far())
        }
    }
}

/// Writes the `date-time` (RFC 3339) form, such as `2019-12-16T23:48:18.123Z`; for times
/// outside the years 0000-9999 it writes the epoch-seconds form followed by
/// ` (epoch seconds)` instead.
impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match rfc3339::format(*self) {
            Ok(text) => f.write_str(&text),
            Err(_) => write!(f, "{} (epoch seconds)", epoch::format(*self)),
        }
    }
}

impl From<SystemTime> for DateTime {
    /// Converts exactly; saturates for system times beyond ±2⁶³ seconds from the epoch.
    fn from(time: SystemTime) -> Self {
        match time.duration_since(UNIX_EPOCH) {
            Ok(after) => DateTime::from_secs_and_nanos(
                i64::try_from(after.as_secs()).unwrap_or(i64::MAX),
                after.subsec_nanos(),
            ),
            Err(before) => {
                let before = before.duration();
                let secs = i64::try_from(before.as_secs()).unwrap_or(i64::MAX);
                match before.subsec_nanos() {
                    0 => DateTime::from_secs(-secs),
                    nanos => DateTime::from_secs_and_nanos(
                        (-secs).saturating_sub(1),
                        NANOS_PER_SEC - nanos,
                    ),
                }
            }
        }
    }
}

impl TryFrom<DateTime> for SystemTime {
    type Error = DateTimeError;

    /// Fails when the platform's `SystemTime` cannot represent the time.
    fn try_from(time: DateTime) -> Result<Self, Self::Error> {
        let converted = if time.secs >= 0 {
            UNIX_EPOCH.checked_add(Duration::new(time.secs.unsigned_abs(), time.nanos))
        } else {
            UNIX_EPOCH
                .checked_sub(Duration::from_secs(time.secs.unsigned_abs()))
                .and_then(|t| t.checked_add(Duration::from_nanos(u64::from(time.nanos))))
        };
        converted.ok_or_else(|| {
            DateTimeError::out_of_range(format!(
                "{} seconds since the epoch does not fit in a SystemTime",
                epoch::format(time)
            ))
        })
    }
}
