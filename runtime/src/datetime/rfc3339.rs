//! The `date-time` format: RFC 3339, always written in UTC.

use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::{DateTime, DateTimeError, Format};
use crate::codec::Strictness;

/// Length of `YYYY-MM-DDTHH:MM:SS`, the part before any fraction or offset.
const SECONDS_END: usize = 19;

/// Most fraction digits accepted: nanosecond precision.
const MAX_FRACTION_DIGITS: usize = 9;

/// Writes `2019-12-16T23:48:18Z`, with a fraction only when the subsecond part is non-zero.
pub(crate) fn format(time: DateTime) -> Result<String, DateTimeError> {
    let utc = time.to_calendar(Format::DateTime)?;
    let mut text = format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        utc.year(),
        u8::from(utc.month()),
        utc.day(),
        utc.hour(),
        utc.minute(),
        utc.second(),
    );
    push_fraction(&mut text, time.subsec_nanos());
    text.push('Z');
    Ok(text)
}

/// Appends `.mmm` for whole milliseconds, else the nanoseconds without trailing zeros.
fn push_fraction(text: &mut String, nanos: u32) {
    if nanos == 0 {
        return;
    }
    text.push('.');
    if nanos.is_multiple_of(1_000_000) {
        text.push_str(&format!("{:03}", nanos / 1_000_000));
    } else {
        text.push_str(format!("{nanos:09}").trim_end_matches('0'));
    }
}

/// Reads RFC 3339 with any offset (only `Z` when read [strictly](Strictness::Strict));
/// `T`/`t` between date and time, at most nine fraction digits.
pub(crate) fn parse(text: &str, strictness: Strictness) -> Result<DateTime, DateTimeError> {
    let invalid = |reason: &str| DateTimeError::invalid(Format::DateTime, text, reason);
    let bytes = text.as_bytes();
    // The `time` crate accepts any separator here; Smithy's date-time is `T` (or `t`).
    if !matches!(bytes.get(10), Some(b'T' | b't')) {
        return Err(invalid(
            "expected `YYYY-MM-DDTHH:MM:SS` followed by `Z` or an offset",
        ));
    }
    // The `time` crate silently drops fraction digits past nanoseconds.
    if bytes.get(SECONDS_END) == Some(&b'.') {
        let rest = bytes.get(SECONDS_END + 1..).unwrap_or_default();
        if rest.iter().take_while(|b| b.is_ascii_digit()).count() > MAX_FRACTION_DIGITS {
            return Err(invalid("more than 9 fraction digits"));
        }
    }
    // Servers read Smithy's date-time exactly: UTC, written `Z`.
    if strictness == Strictness::Strict && !text.ends_with(['Z', 'z']) {
        return Err(invalid(
            "a UTC offset where a request's date-time must end in `Z`",
        ));
    }
    let parsed =
        OffsetDateTime::parse(text, &Rfc3339).map_err(|error| invalid(&error.to_string()))?;
    Ok(DateTime::from_secs_and_nanos(
        parsed.unix_timestamp(),
        parsed.nanosecond(),
    ))
}
