//! Agreement with serde_json: the reader reads what serde_json reads, as serde_json reads
//! it, on edge cases and on random mutations; where it differs on purpose, the test says so.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

use super::super::{from_slice, MAX_DEPTH};
use super::{Session, Shape};

/// Two `Value`s equal but for floats a unit in the last place apart (serde_json without
/// `float_roundtrip` is not always correctly rounded).
fn nearly_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) if x.is_f64() || y.is_f64() => {
            match (x.as_f64(), y.as_f64()) {
                (Some(x), Some(y)) => x == y || x.to_bits().abs_diff(y.to_bits()) <= 1,
                _ => false,
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| nearly_equal(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((k, x), (l, y))| k == l && nearly_equal(x, y))
        }
        _ => a == b,
    }
}

#[test]
fn mutated_documents_read_as_serde_json_reads_them() {
    let seeds = [
        r#"{"GameSessions":[{"Id":"arn:aws:gamelift:us-west-2::gamesession/f-1/g-1","Port":7777,"CreationTime":1700000000.123,"Props":[{"Key":"mode","Value":"ranked"}]}],"NextToken":null}"#,
        r#"{"MatchmakerData":"{\"matchId\":\"m-1\",\"teams\":[{\"name\":\"red\"}]}","Ok":true,"No":false}"#,
        r#"[0,-0,1.5e-3,-12E+2,18446744073709551616,"\u00e9\ud83d\ude00\n\t",[],{},null]"#,
        "{\n  \"a\" : [ 1 , 2 ] ,\n  \"b\" : { \"c\" : \"d\" }\n}\n",
    ];
    let alphabet: Vec<char> = "{}[]:,\"\\ 0123456789eE.-+tfnulrsa/\u{1}\té😀"
        .chars()
        .collect();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |bound: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        usize::try_from(seed % bound as u64).unwrap()
    };
    let (mut agreed_ok, mut agreed_err) = (0, 0);
    for _ in 0..30_000 {
        let mut text: Vec<char> = seeds[next(seeds.len())].chars().collect();
        for _ in 0..1 + next(3) {
            let at = next(text.len() + 1);
            match next(3) {
                0 => text.insert(at, alphabet[next(alphabet.len())]),
                1 if at < text.len() => {
                    text.remove(at);
                }
                _ if at < text.len() => text[at] = alphabet[next(alphabet.len())],
                _ => {}
            }
        }
        let text: String = text.into_iter().collect();
        let ours = from_slice::<Value>(text.as_bytes());
        let theirs = serde_json::from_str::<Value>(&text);
        match (&ours, &theirs) {
            (Ok(a), Ok(b)) if nearly_equal(a, b) => agreed_ok += 1,
            (Err(_), Err(_)) => agreed_err += 1,
            _ => panic!("{text:?}: ours {ours:?}, serde_json {theirs:?}"),
        }
    }
    // Both outcomes are well represented.
    assert!(
        agreed_ok > 3_000 && agreed_err > 3_000,
        "{agreed_ok} {agreed_err}"
    );
}

/// Like [`typed_same`], but collecting: where the two readers disagree on `text`, a line
/// saying how (pushed onto `disagreements`).
fn typed_agree<T: for<'de> Deserialize<'de> + PartialEq + std::fmt::Debug>(
    disagreements: &mut Vec<String>,
    text: &str,
) {
    let ours = from_slice::<T>(text.as_bytes());
    let theirs = serde_json::from_str::<T>(text);
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) if a == b => {}
        (Err(_), Err(_)) => {}
        _ => disagreements.push(format!(
            "{} {text:?}: ours {ours:?}, serde_json {theirs:?}",
            std::any::type_name::<T>()
        )),
    }
}

/// Fails listing every disagreement.
fn assert_agreed(disagreements: &[String]) {
    assert!(
        disagreements.is_empty(),
        "{} disagreements:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
}

/// `n` arrays, one inside the other.
fn nested_arrays(n: usize) -> String {
    format!("{}{}", "[".repeat(n), "]".repeat(n))
}

#[test]
fn nesting_at_exactly_the_limit_agrees_with_serde_json() {
    let mut d = Vec::new();
    // serde_json counts its remaining depth down from 128 and fails when it reaches 0: at
    // most 127 arrays and objects may enclose one another.
    for n in [MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1] {
        typed_agree::<Value>(&mut d, &nested_arrays(n));
        let objects = format!("{}null{}", r#"{"a":"#.repeat(n), "}".repeat(n));
        typed_agree::<Value>(&mut d, &objects);
    }
    assert_agreed(&d);
}

#[test]
fn skipped_members_are_checked_as_serde_json_checks_them() {
    let mut d = Vec::new();
    // serde_json skips a member the type does not know (`deserialize_ignored_any`) by its
    // grammar alone: escapes are not paired into characters and numbers are not converted,
    // so a lone surrogate or a number beyond `f64` there is no error.
    let huge = format!("1{}", "0".repeat(400));
    for unknown in [
        r#""\ud800""#,
        r#""\udc00""#,
        r#""\ud800\u0041""#,
        r#""\ud800x""#,
        r#"["\udbff"]"#,
        r#"{"k":"\udfff"}"#,
        "1e400",
        "-1e400",
        "1.5E+999999999999",
        &huge,
        // Refused by both.
        r#""\x""#,
        "\"\u{1}\"",
        r#""\u12G4""#,
        "01",
        "1.",
        "-",
        "1e",
        "[1,]",
        "tru",
    ] {
        typed_agree::<Session>(
            &mut d,
            &format!(r#"{{"Id":"s","Unknown":{unknown},"Players":1}}"#),
        );
    }
    assert_agreed(&d);
}

/// A float map key, ordered by `total_cmp` so that it can key a `BTreeMap`.
#[derive(Debug, Deserialize)]
struct FloatKey(f64);

impl PartialEq for FloatKey {
    fn eq(&self, other: &Self) -> bool {
        self.0.to_bits() == other.0.to_bits()
    }
}

impl Eq for FloatKey {}

impl PartialOrd for FloatKey {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for FloatKey {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

#[test]
fn number_and_bool_keys_read_as_serde_json_reads_them() {
    let mut d = Vec::new();
    // serde_json reads a number key's text by the JSON number grammar (no sign `+`, no
    // leading zeros, `-0` a float, no escapes, nothing beyond `f64`); `str::parse` is looser.
    for key in [
        "7",
        "-7",
        "0",
        "2147483647",
        "2147483648",
        "07",
        "+7",
        "-0",
        r"\u0037",
        " 7",
        "7 ",
        "",
        "1e2",
        "1.0",
        "x",
    ] {
        typed_agree::<BTreeMap<i32, bool>>(&mut d, &format!(r#"{{"{key}":true}}"#));
        typed_agree::<BTreeMap<u64, bool>>(&mut d, &format!(r#"{{"{key}":true}}"#));
    }
    for key in [
        "1.5", "-0", "1e2", "7", "1e400", "NaN", "inf", "infinity", ".5", "1.", "+1", "1E+2",
    ] {
        typed_agree::<BTreeMap<FloatKey, bool>>(&mut d, &format!(r#"{{"{key}":true}}"#));
    }
    for key in ["true", "false", r"\u0074rue", "True", "1"] {
        typed_agree::<BTreeMap<bool, i32>>(&mut d, &format!(r#"{{"{key}":1}}"#));
    }
    assert_agreed(&d);
}

#[test]
fn wide_integers_read_as_serde_json_reads_them() {
    let mut d = Vec::new();
    // serde_json reads `i128` and `u128` from the integer's digits, not from a 64-bit
    // number.
    for text in [
        "0",
        "-0",
        "-1",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "-9223372036854775809",
        "170141183460469231731687303715884105727",
        "340282366920938463463374607431768211455",
        "340282366920938463463374607431768211456",
        "1.0",
        "1e2",
    ] {
        typed_agree::<i128>(&mut d, text);
        typed_agree::<u128>(&mut d, text);
    }
    assert_agreed(&d);
}

/// Bytes read by `deserialize_byte_buf`, as `serde_bytes` reads them.
#[derive(Debug, PartialEq)]
struct Bytes(Vec<u8>);

impl<'de> Deserialize<'de> for Bytes {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Bytes;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("bytes")
            }
            fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<Bytes, E> {
                Ok(Bytes(v.to_vec()))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Bytes, E> {
                Ok(Bytes(v.as_bytes().to_vec()))
            }
        }
        deserializer.deserialize_byte_buf(Visitor)
    }
}

#[test]
fn bytes_read_as_serde_json_reads_them_but_for_lone_surrogates() {
    let mut d = Vec::new();
    for text in [
        r#""plain""#,
        r#""\u00e9\n""#,
        r#""\ud83d\ude00""#,
        r#""\x""#,
    ] {
        typed_agree::<Bytes>(&mut d, text);
    }
    assert_agreed(&d);
    // serde_json hands a lone surrogate over as its three-byte WTF-8 form, which is not
    // UTF-8; the reader refuses it in bytes as in text (a blob in JSON is base64 text).
    for text in [r#""\ud800""#, r#""\udc00x""#, r#""\ud800\u0041""#] {
        assert!(from_slice::<Bytes>(text.as_bytes()).is_err(), "{text}");
        assert!(serde_json::from_str::<Bytes>(text).is_ok(), "{text}");
    }
}

#[test]
fn assorted_types_read_as_serde_json_reads_them() {
    let mut d = Vec::new();
    for text in ["null", " null ", "nul", "0", "[]", "{}"] {
        typed_agree::<()>(&mut d, text);
        typed_agree::<Option<()>>(&mut d, text);
        typed_agree::<Option<Option<i32>>>(&mut d, text);
    }
    for text in [
        "[1,2]", "[1,2,3]", "[1]", "[1,2,]", "[1,2", "[256,1]", "[-1,1]",
    ] {
        typed_agree::<(u8, u8)>(&mut d, text);
        typed_agree::<Vec<u8>>(&mut d, text);
    }
    for text in [
        r#""a""#,
        r#""ab""#,
        r#""""#,
        r#""\u00e9""#,
        r#""\ud83d\ude00""#,
    ] {
        typed_agree::<char>(&mut d, text);
    }
    for text in [
        "-9223372036854775808",
        "-9223372036854775809",
        "9223372036854775807",
        "9223372036854775808",
        "18446744073709551615",
        "18446744073709551616",
        "-0",
        "-0.0",
        "0e5",
        "0E-5",
        "1e999999999999",
        "0e999999999999",
        "-0e-999999999999",
        "1e-999999999999",
        "00",
        "0.",
        "-.5",
        "1e5.5",
        "1.5e",
        "1.5e-",
    ] {
        typed_agree::<i64>(&mut d, text);
        typed_agree::<u64>(&mut d, text);
        typed_agree::<Value>(&mut d, text);
        let ours = from_slice::<f64>(text.as_bytes()).map(f64::to_bits).ok();
        let theirs = serde_json::from_str::<f64>(text).map(f64::to_bits).ok();
        assert_eq!(ours, theirs, "{text}");
    }
    for text in [
        "\u{b}1",
        "\u{c}1",
        "\u{a0}1",
        "1\u{0}",
        "\u{feff}1",
        " \t\r\n1 \t\r\n",
    ] {
        typed_agree::<Value>(&mut d, text);
    }
    for shape in [
        "{}",
        r#"{"Circle":1,"Circle":2}"#,
        r#"{"Circle":1,}"#,
        r#"{ "Circle" : 1.5 }"#,
        r#"{"Empty":null}"#,
        r#"{"Empty":1}"#,
        r#"{"Empty":{}}"#,
        r#"{"Pair":[1,2,3]}"#,
        r#"{"Pair":[1]}"#,
        r#"{"Point":{"x":1,"y":2,"z":3}}"#,
        r#"{"Point":{"x":1}}"#,
        r#"{"Nope":1}"#,
        r#" "Empty" "#,
        r#""Em\u0070ty""#,
        r#""Pair""#,
        "1",
        "null",
        "[]",
        r#"["Empty"]"#,
    ] {
        typed_agree::<Shape>(&mut d, shape);
        typed_agree::<Option<Shape>>(&mut d, shape);
    }
    assert_agreed(&d);
}

#[test]
fn a_duplicate_member_is_reported_where_it_is() {
    let text = "{\"Id\":\"s\",\n \"Players\":1,\n \"Id\":\"t\"}";
    let ours = from_slice::<Session>(text.as_bytes())
        .unwrap_err()
        .to_string();
    let theirs = serde_json::from_str::<Session>(text)
        .unwrap_err()
        .to_string();
    assert!(theirs.contains("at line 3 "), "{theirs}");
    assert!(
        ours.contains("at line 3 "),
        "ours: {ours}; serde_json: {theirs}"
    );
}

#[test]
fn mutated_typed_documents_read_as_serde_json_reads_them() {
    let seeds = [
        r#"{"Id":"s-\"1\"","Name":null,"Players":8,"Ratio":0.25,"Tags":["a","b\n"],"Unknown":[1,{"x":"\u00e9"},-0.5e3,true,null]}"#,
        r#"{"Id":"s","Properties":{"mode":"ranked"},"Scores":{"7":true,"-3":false},"Status":"Active","Shape":{"Circle":1.5}}"#,
        r#"{"Id":"s","Shape":{"Point":{"x":-1,"y":2}},"Other":{"a":[]}}"#,
        r#"{"Id":"s","Shape":{"Pair":[1,2]},"Ratio":-1.5E+2,"Players":-2147483648}"#,
        r#"{"Id":"s","Shape":"Empty","Status":"Ended","Extra":"\ud83d\ude00"}"#,
        "{ \"Id\" : \"s\" ,\n \"Shape\" : { \"Point\" : { \"x\" : 1 , \"y\" : 2 } } ,\r\n \"Tags\" : [ ] }\n",
        r#"{"Shape":{"Empty":null},"Id":"","Properties":{},"Name":"\"\\\/\b\f\n\r\t"}"#,
    ];
    let pieces: Vec<&str> = vec![
        "{",
        "}",
        "[",
        "]",
        ":",
        ",",
        "\"",
        "\\",
        " ",
        "0",
        "1",
        "7",
        "9",
        "e",
        "E",
        ".",
        "-",
        "+",
        "t",
        "f",
        "n",
        "u",
        "l",
        "\\u",
        "\\u00",
        "\\ud800",
        "\\udc00",
        "null",
        "true",
        "\"x\"",
        "e99",
        "9999999999",
        "\u{1}",
        "é",
        "Circle",
        "Empty",
        "Pair",
        "Point",
        "\"Id\":\"t\",",
        "\n",
        "\t",
        "\u{b}",
        "\u{c}",
        "\u{a0}",
        "\\n",
        "\\/",
        "\\\"",
        "{}",
        "[]",
        "0.",
        "-0",
    ];
    let mut seed: u64 = 0x0123_4567_89ab_cdef;
    let mut next = |bound: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        usize::try_from(seed % bound as u64).unwrap()
    };
    let mut d = Vec::new();
    let (mut agreed_ok, mut agreed_err) = (0, 0);
    for _ in 0..30_000 {
        let mut text = seeds[next(seeds.len())].to_owned();
        for _ in 0..1 + next(3) {
            let mut at = next(text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let piece = pieces[next(pieces.len())];
            match next(3) {
                0 => text.insert_str(at, piece),
                1 if at < text.len() => {
                    text.remove(at);
                }
                _ if at < text.len() => {
                    text.remove(at);
                    text.insert_str(at, piece);
                }
                _ => {}
            }
        }
        let ours = from_slice::<Session>(text.as_bytes());
        let theirs = serde_json::from_str::<Session>(&text);
        match (ours, theirs) {
            (Ok(mut a), Ok(mut b)) => {
                // Floats may be a unit in the last place apart.
                let (x, y) = (a.ratio.take(), b.ratio.take());
                let near = match (x, y) {
                    (Some(x), Some(y)) => x.to_bits().abs_diff(y.to_bits()) <= 1,
                    (x, y) => x == y,
                };
                if near && a == b {
                    agreed_ok += 1;
                } else {
                    d.push(format!(
                        "{text:?}: ours {a:?} {x:?}, serde_json {b:?} {y:?}"
                    ));
                }
            }
            (Err(_), Err(_)) => agreed_err += 1,
            (ours, theirs) => d.push(format!("{text:?}: ours {ours:?}, serde_json {theirs:?}")),
        }
    }
    d.truncate(20);
    assert_agreed(&d);
    assert!(
        agreed_ok > 1_000 && agreed_err > 1_000,
        "{agreed_ok} {agreed_err}"
    );
}
