use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::*;

fn parse(text: &str, format: Format) -> DateTime {
    DateTime::parse(text, format).unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn ms(secs: i64, millis: u32) -> DateTime {
    DateTime::from_secs_and_nanos(secs, millis * 1_000_000)
}

#[test]
fn constructors_and_accessors() {
    let t = DateTime::from_millis(-1500);
    assert_eq!((t.secs(), t.subsec_nanos()), (-2, 500_000_000));
    assert_eq!(t.as_secs_f64(), -1.5);
    assert_eq!(
        DateTime::from_millis(1_515_531_081_123),
        ms(1_515_531_081, 123)
    );
    assert_eq!(DateTime::from_secs_and_nanos(1, 2_500_000_000), ms(3, 500));
    assert_eq!(
        DateTime::from_secs_and_nanos(i64::MAX, 1_000_000_000).secs(),
        i64::MAX
    );
    assert_eq!(
        DateTime::from_secs_f64(1_515_531_081.123),
        ms(1_515_531_081, 123)
    );
    assert_eq!(DateTime::from_secs_f64(-1.5), ms(-2, 500));
    assert_eq!(DateTime::from_secs_f64(0.1), ms(0, 100));
    assert_eq!(DateTime::from_secs_f64(f64::NAN), DateTime::UNIX_EPOCH);
    assert_eq!(DateTime::from_secs_f64(f64::INFINITY).secs(), i64::MAX);
    assert_eq!(DateTime::from_secs_f64(-1e300).secs(), i64::MIN);
    assert!(DateTime::try_from_secs_f64(f64::NAN).is_err());
    assert!(DateTime::try_from_secs_f64(1e30).is_err());
    assert_eq!(DateTime::default(), DateTime::from_secs(0));
}

#[test]
fn ordering_follows_time() {
    let mut times = vec![ms(1, 0), ms(-1, 500), ms(0, 999), ms(-2, 0)];
    times.sort();
    assert_eq!(times, vec![ms(-2, 0), ms(-1, 500), ms(0, 999), ms(1, 0)]);
}

#[test]
fn system_time_conversions() {
    let after = UNIX_EPOCH + Duration::new(1_576_540_098, 123_000_000);
    assert_eq!(DateTime::from(after), ms(1_576_540_098, 123));
    let before = UNIX_EPOCH - Duration::from_millis(1500);
    assert_eq!(DateTime::from(before), ms(-2, 500));
    assert_eq!(SystemTime::try_from(ms(-2, 500)).unwrap(), before);
    assert_eq!(SystemTime::try_from(ms(1_576_540_098, 123)).unwrap(), after);
    let now = SystemTime::now();
    assert_eq!(SystemTime::try_from(DateTime::from(now)).unwrap(), now);
}

#[test]
fn epoch_seconds_text() {
    let f = Format::EpochSeconds;
    assert_eq!(
        DateTime::from_secs(1_515_531_081).fmt(f).unwrap(),
        "1515531081"
    );
    assert_eq!(ms(1_515_531_081, 123).fmt(f).unwrap(), "1515531081.123");
    assert_eq!(ms(1_515_531_081, 500).fmt(f).unwrap(), "1515531081.5");
    assert_eq!(ms(-2, 500).fmt(f).unwrap(), "-1.5");
    assert_eq!(ms(-1, 250).fmt(f).unwrap(), "-0.75");
    assert_eq!(
        DateTime::from_secs_and_nanos(7, 999_999).fmt(f).unwrap(),
        "7"
    );
    assert_eq!(
        DateTime::from_secs(i64::MIN).fmt(f).unwrap(),
        i64::MIN.to_string()
    );

    assert_eq!(parse("1515531081", f), DateTime::from_secs(1_515_531_081));
    assert_eq!(parse("1515531081.123", f), ms(1_515_531_081, 123));
    assert_eq!(parse("1.515531081123E9", f), ms(1_515_531_081, 123));
    assert_eq!(parse("1.515531081123e+9", f), ms(1_515_531_081, 123));
    assert_eq!(parse("15155310811230e-4", f), ms(1_515_531_081, 123));
    assert_eq!(parse("-1.5", f), ms(-2, 500));
    assert_eq!(parse("-1", f), DateTime::from_secs(-1));
    assert_eq!(parse("-0", f), DateTime::UNIX_EPOCH);
    assert_eq!(
        parse("0.123456789999", f),
        DateTime::from_secs_and_nanos(0, 123_456_789)
    );
    assert_eq!(parse("1e-30", f), DateTime::UNIX_EPOCH);
    assert_eq!(parse("0e999999999999999999999", f), DateTime::UNIX_EPOCH);
    assert_eq!(
        parse("9223372036854775807", f),
        DateTime::from_secs(i64::MAX)
    );
    assert_eq!(
        parse("-9223372036854775808", f),
        DateTime::from_secs(i64::MIN)
    );
    for text in ["1", "-1.5", "1515531081.123", "0.001", "-1234567.25"] {
        assert_eq!(parse(text, f).fmt(f).unwrap(), text);
    }
}

#[test]
fn epoch_seconds_rejections() {
    for bad in [
        "", "-", "abc", "1.", ".5", "1e", "1e+", "+1", "1 ", " 1", "1,5", "0x10", "1.2.3", "NaN",
        "1_000",
    ] {
        let error = DateTime::parse(bad, Format::EpochSeconds).unwrap_err();
        assert_eq!(error.kind(), DateTimeErrorKind::Invalid, "{bad}");
        assert_eq!(error.format(), Some(Format::EpochSeconds));
    }
    for big in [
        "9223372036854775808",
        "-9223372036854775809",
        "1e19",
        "1e999999999999999999",
    ] {
        let error = DateTime::parse(big, Format::EpochSeconds).unwrap_err();
        assert_eq!(error.kind(), DateTimeErrorKind::OutOfRange, "{big}");
    }
    let long = "9".repeat(10_000);
    assert!(DateTime::parse(&long, Format::EpochSeconds).is_err());
}

#[test]
fn date_time_text() {
    let f = Format::DateTime;
    let t = DateTime::from_secs(1_576_540_098);
    assert_eq!(t.fmt(f).unwrap(), "2019-12-16T23:48:18Z");
    assert_eq!(t.to_string(), "2019-12-16T23:48:18Z");
    assert_eq!(
        ms(1_576_540_098, 123).fmt(f).unwrap(),
        "2019-12-16T23:48:18.123Z"
    );
    assert_eq!(
        ms(1_576_540_098, 120).fmt(f).unwrap(),
        "2019-12-16T23:48:18.120Z"
    );
    let micros = DateTime::from_secs_and_nanos(1_576_540_098, 123_456_000);
    assert_eq!(micros.fmt(f).unwrap(), "2019-12-16T23:48:18.123456Z");
    let nanos = DateTime::from_secs_and_nanos(1_576_540_098, 1);
    assert_eq!(nanos.fmt(f).unwrap(), "2019-12-16T23:48:18.000000001Z");
    assert_eq!(DateTime::UNIX_EPOCH.fmt(f).unwrap(), "1970-01-01T00:00:00Z");
    assert_eq!(ms(-1, 500).fmt(f).unwrap(), "1969-12-31T23:59:59.500Z");
    // Leap years: 2020-02-29 and 2000-02-29 exist.
    assert_eq!(
        DateTime::from_secs(1_582_934_400).fmt(f).unwrap(),
        "2020-02-29T00:00:00Z"
    );
    assert_eq!(
        parse("2000-02-29T12:00:00Z", f),
        DateTime::from_secs(951_825_600)
    );

    assert_eq!(parse("2019-12-16T23:48:18Z", f), t);
    assert_eq!(parse("2019-12-16t23:48:18z", f), t);
    assert_eq!(parse("2019-12-16T22:48:18-01:00", f), t);
    assert_eq!(parse("2019-12-17T05:18:18+05:30", f), t);
    assert_eq!(parse("2019-12-16T23:48:18+00:00", f), t);
    assert_eq!(parse("2019-12-16T23:48:18.123Z", f), ms(1_576_540_098, 123));
    assert_eq!(parse("2019-12-16T23:48:18.1Z", f), ms(1_576_540_098, 100));
    assert_eq!(
        parse("2019-12-16T23:48:18.123456789Z", f),
        DateTime::from_secs_and_nanos(1_576_540_098, 123_456_789)
    );
    assert_eq!(
        parse("2019-12-16T22:48:18.5-01:00", f),
        ms(1_576_540_098, 500)
    );
    assert_eq!(parse("1969-12-31T23:59:59.5Z", f), ms(-1, 500));
    for time in [
        t,
        micros,
        nanos,
        ms(-86_400 * 365, 1),
        DateTime::from_secs(253_402_300_799),
    ] {
        assert_eq!(parse(&time.fmt(f).unwrap(), f), time);
    }
}

#[test]
fn date_time_rejections() {
    for bad in [
        "",
        "garbage",
        "2019-12-16",
        "2019-12-16T23:48:18",
        "2019-12-16 23:48:18Z",
        "2019-12-16X23:48:18Z",
        "2019-12-16T23:48Z",
        "2019-12-16T23:48:18.Z",
        "2019-12-16T23:48:18.1234567891Z",
        "2019-12-16T23:48:18ZZ",
        "2019-12-16T23:48:18+0100",
        "2019-12-16T24:00:00Z",
        "2019-13-16T23:48:18Z",
        "2019-02-29T00:00:00Z",
        "1900-02-29T00:00:00Z",
        "19-12-16T23:48:18Z",
        "+2019-12-16T23:48:18Z",
        "2019-12-16T23:48:18 Z",
        "Mon, 16 Dec 2019 23:48:18 GMT",
        "2019-12-16T23:48:18\u{e9}",
        "2019-12-16\u{e9}23:48:18Z",
    ] {
        let error = DateTime::parse(bad, Format::DateTime).unwrap_err();
        assert_eq!(error.kind(), DateTimeErrorKind::Invalid, "{bad}");
        assert!(
            error
                .to_string()
                .starts_with("invalid date-time timestamp `"),
            "{error}"
        );
    }
}

#[test]
fn http_date_text() {
    let f = Format::HttpDate;
    let t = DateTime::from_secs(1_576_540_098);
    assert_eq!(t.fmt(f).unwrap(), "Mon, 16 Dec 2019 23:48:18 GMT");
    assert_eq!(
        ms(1_576_540_098, 123).fmt(f).unwrap(),
        "Mon, 16 Dec 2019 23:48:18 GMT"
    );
    assert_eq!(
        DateTime::UNIX_EPOCH.fmt(f).unwrap(),
        "Thu, 01 Jan 1970 00:00:00 GMT"
    );
    assert_eq!(
        DateTime::from_secs(1_582_934_400).fmt(f).unwrap(),
        "Sat, 29 Feb 2020 00:00:00 GMT"
    );
    assert_eq!(parse("Mon, 16 Dec 2019 23:48:18 GMT", f), t);
    assert_eq!(
        parse("Mon, 16 Dec 2019 23:48:18.123 GMT", f),
        ms(1_576_540_098, 123)
    );
    assert_eq!(
        parse("Sun, 06 Nov 1994 08:49:37 GMT", f),
        DateTime::from_secs(784_111_777)
    );
    assert_eq!(
        parse("Tue, 29 Feb 2000 12:00:00 GMT", f),
        DateTime::from_secs(951_825_600)
    );
    assert_eq!(
        parse("Wed, 31 Dec 1969 23:59:59 GMT", f),
        DateTime::from_secs(-1)
    );
}

#[test]
fn http_date_rejections() {
    for bad in [
        "",
        "Mon, 16 Dec 2019 23:48:18",
        "Mon, 16 Dec 2019 23:48:18 UTC",
        "Mon, 16 Dec 2019 23:48:18 +0000",
        "Tue, 16 Dec 2019 23:48:18 GMT",
        "Monday, 16-Dec-19 23:48:18 GMT",
        "Mon Dec 16 23:48:18 2019",
        "mon, 16 dec 2019 23:48:18 GMT",
        "Mon, 6 Dec 2019 23:48:18 GMT",
        "Mon, 16 Dec +2019 23:48:18 GMT",
        "Mon, 16 Dec 19 23:48:18 GMT",
        "Fri, 29 Feb 2019 00:00:00 GMT",
        "Mon, 16 Dec 2019 24:48:18 GMT",
        "Mon, 16 Dec 2019 23:48:18. GMT",
        "Mon, 16 Dec 2019 23:48:18.1234567891 GMT",
        "Mon, 16 Dec 2019 23:48:18 GMT ",
        "2019-12-16T23:48:18Z",
    ] {
        let error = DateTime::parse(bad, Format::HttpDate).unwrap_err();
        assert_eq!(error.kind(), DateTimeErrorKind::Invalid, "{bad}");
        assert!(
            error
                .to_string()
                .starts_with("invalid http-date timestamp `"),
            "{error}"
        );
    }
}

#[test]
fn calendar_formats_out_of_range() {
    for time in [
        DateTime::from_secs(253_402_300_800),
        DateTime::from_secs(-62_167_219_201),
        DateTime::from_secs(i64::MAX),
    ] {
        for format in [Format::DateTime, Format::HttpDate] {
            let error = time.fmt(format).unwrap_err();
            assert_eq!(error.kind(), DateTimeErrorKind::OutOfRange);
            assert_eq!(error.format(), Some(format));
        }
    }
    assert_eq!(
        DateTime::from_secs(-62_167_219_200).to_string(),
        "0000-01-01T00:00:00Z"
    );
    assert_eq!(
        DateTime::from_secs(i64::MAX).to_string(),
        "9223372036854775807 (epoch seconds)"
    );
}

#[test]
fn json_number() {
    let json = |t: DateTime| serde_json::to_string(&t).unwrap();
    assert_eq!(json(DateTime::from_secs(1_515_531_081)), "1515531081");
    assert_eq!(json(ms(1_515_531_081, 123)), "1515531081.123");
    assert_eq!(json(ms(-2, 500)), "-1.5");
    let read = |text: &str| serde_json::from_str::<DateTime>(text).unwrap();
    assert_eq!(read("1515531081"), DateTime::from_secs(1_515_531_081));
    assert_eq!(read("1515531081.123"), ms(1_515_531_081, 123));
    assert_eq!(read("1.515531081123E9"), ms(1_515_531_081, 123));
    assert_eq!(read("-1.5"), ms(-2, 500));
    assert_eq!(read("-1515531081"), DateTime::from_secs(-1_515_531_081));
    for bad in [
        r#""1515531081""#,
        "null",
        "true",
        "18446744073709551615",
        "1e300",
        "[1]",
    ] {
        assert!(serde_json::from_str::<DateTime>(bad).is_err(), "{bad}");
    }
}

/// The shortcut for millisecond floats gives what formatting and parsing the shortest decimal
/// gives, on millisecond values, values a few units off them, and arbitrary bit patterns.
#[test]
fn millisecond_floats_read_as_their_shortest_decimal() {
    let mut rng = fastrand::Rng::with_seed(22);
    let slow = |secs: f64| super::epoch::parse(&format!("{secs:e}")).unwrap();
    let mut shortcuts = 0;
    for _ in 0..200_000 {
        let whole = rng.i64(-(1 << 41)..(1 << 41));
        let millis = rng.i64(0..1000);
        let mut secs = whole as f64 + millis as f64 / 1000.0;
        match rng.u8(0..4) {
            0 => {}
            1 => secs = f64::from_bits(secs.to_bits().wrapping_add(rng.u64(0..4)).wrapping_sub(2)),
            2 => {
                let exponent = rng.u64(1023 + 15..1023 + 45) << 52;
                secs = f64::from_bits(rng.u64(..) & 0x800f_ffff_ffff_ffff | exponent);
            }
            _ => secs = whole as f64 + rng.f64(),
        }
        if !secs.is_finite() {
            continue;
        }
        if let Some(fast) = super::epoch::from_millis_f64(secs) {
            shortcuts += 1;
            assert_eq!(fast, slow(secs), "{secs:e}");
        }
        assert_eq!(
            DateTime::try_from_secs_f64(secs).unwrap(),
            slow(secs),
            "{secs:e}"
        );
    }
    assert!(shortcuts > 20_000, "{shortcuts}");
}
