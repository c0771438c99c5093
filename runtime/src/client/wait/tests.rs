use super::backoff::attempt_ceiling;
use super::*;
use crate::{ErrorMetadata, UnhandledError};
use serde_json::json;

#[test]
fn attempt_ceiling_is_the_formula() {
    // Ratios far from a power of 2, where the f64 formula is exact.
    for (min, max) in [(1, 3), (2, 120), (2, 127), (5, 120), (3, 1000), (7, 7)] {
        let formula = ((max as f64 / min as f64).ln() / 2f64.ln() + 1.0).floor() as u32;
        assert_eq!(attempt_ceiling(min, max), formula, "{min} {max}");
    }
    // Powers of 2, and the extremes.
    assert_eq!(attempt_ceiling(1, 1), 1);
    assert_eq!(attempt_ceiling(1, 2), 2);
    assert_eq!(attempt_ceiling(2, 128), 7);
    assert_eq!(attempt_ceiling(1, u64::MAX), 64);
    assert_eq!(attempt_ceiling(u64::MAX, u64::MAX), 1);
}

#[test]
fn comparators() {
    use Comparator::*;
    let cases = [
        (StringEquals, json!("A"), "A", true),
        (StringEquals, json!("B"), "A", false),
        (StringEquals, json!(null), "A", false),
        (StringEquals, json!(["A"]), "A", false),
        (StringEquals, json!(true), "true", false),
        (BooleanEquals, json!(true), "true", true),
        (BooleanEquals, json!(false), "false", true),
        (BooleanEquals, json!(false), "true", false),
        (BooleanEquals, json!(true), "false", false),
        (BooleanEquals, json!("true"), "true", false),
        (BooleanEquals, json!(null), "false", false),
        (AllStringEquals, json!(["A", "A"]), "A", true),
        (AllStringEquals, json!(["A", "B"]), "A", false),
        (AllStringEquals, json!([]), "A", false),
        (AllStringEquals, json!("A"), "A", false),
        (AllStringEquals, json!(["A", 1]), "A", false),
        (AllStringEquals, json!(null), "A", false),
        (AnyStringEquals, json!(["B", "A"]), "A", true),
        (AnyStringEquals, json!(["B"]), "A", false),
        (AnyStringEquals, json!([]), "A", false),
        (AnyStringEquals, json!("A"), "A", false),
        (AnyStringEquals, json!([null, 1, {"A": "A"}]), "A", false),
    ];
    for (comparator, result, expected, matches) in cases {
        assert_eq!(
            comparator.matches(&result, expected),
            matches,
            "{comparator} {result} {expected}"
        );
    }
}

#[test]
fn descriptions() {
    let output = Matcher::Output {
        path: "FleetAttributes[].Status",
        expected: "ERROR",
        comparator: Comparator::AnyStringEquals,
    };
    assert_eq!(
        output.to_string(),
        "output path `FleetAttributes[].Status` anyStringEquals `ERROR`"
    );
    let input_output = Matcher::InputOutput {
        path: "input.A == output.A",
        expected: "true",
        comparator: Comparator::BooleanEquals,
    };
    assert_eq!(
        input_output.to_string(),
        "input and output path `input.A == output.A` booleanEquals `true`"
    );
    assert_eq!(
        Matcher::ErrorType("ResourceNotFoundException").to_string(),
        "error type `ResourceNotFoundException`"
    );
    assert_eq!(Matcher::Success(false).to_string(), "success `false`");
    assert_eq!(output.path(), Some("FleetAttributes[].Status"));
    assert_eq!(Matcher::Success(true).path(), None);
}

static ACCEPTORS: &[Acceptor] = &[
    Acceptor {
        state: AcceptorState::Failure,
        matcher: Matcher::Output {
            path: "Status",
            expected: "FAILED",
            comparator: Comparator::StringEquals,
        },
    },
    Acceptor {
        state: AcceptorState::Retry,
        matcher: Matcher::ErrorType("com.example#Busy"),
    },
    // Does not parse: never matches.
    Acceptor {
        state: AcceptorState::Success,
        matcher: Matcher::Output {
            path: "Status ==",
            expected: "true",
            comparator: Comparator::BooleanEquals,
        },
    },
    Acceptor {
        state: AcceptorState::Success,
        matcher: Matcher::InputOutput {
            path: "output.Status == input.Want",
            expected: "true",
            comparator: Comparator::BooleanEquals,
        },
    },
    Acceptor {
        state: AcceptorState::Failure,
        matcher: Matcher::Success(false),
    },
];

fn decide(output: Result<Value, &str>) -> Option<(usize, AcceptorState)> {
    let paths = parse_paths(ACCEPTORS);
    let input = json!({"Want": "READY"});
    let error = output
        .as_ref()
        .err()
        .map(|code| UnhandledError::new(ErrorMetadata::new().with_code(*code)));
    let polled = match (&output, &error) {
        (Ok(output), _) => Ok(output),
        (Err(_), Some(error)) => Err(error),
        (Err(_), None) => unreachable!(),
    };
    first_match(ACCEPTORS, &paths, &input, polled)
}

#[test]
fn first_matching_acceptor_decides() {
    assert!(parse_paths(ACCEPTORS)[2].is_none());
    assert_eq!(
        decide(Ok(json!({"Status": "FAILED"}))),
        Some((0, AcceptorState::Failure))
    );
    assert_eq!(
        decide(Ok(json!({"Status": "READY"}))),
        Some((3, AcceptorState::Success))
    );
    assert_eq!(decide(Ok(json!({"Status": "CREATING"}))), None);
    assert_eq!(decide(Ok(json!({}))), None);
    assert_eq!(decide(Err("Busy")), Some((1, AcceptorState::Retry)));
    assert_eq!(decide(Err("Other")), Some((4, AcceptorState::Failure)));
}

#[test]
fn error_names() {
    assert_eq!(error_name("com.example#NotFound"), "NotFound");
    assert_eq!(error_name("NotFound"), "NotFound");
    assert_eq!(error_name("a#b#NotFound"), "NotFound");
}
