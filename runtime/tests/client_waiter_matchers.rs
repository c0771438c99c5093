//! Waiter acceptors' comparators and paths, through a scripted transport under tokio's
//! paused clock: what each comparator matches (empty arrays, wrong types), `inputOutput`
//! roots, and a path that does not parse.

mod client_support;
mod waiter_support;

use smithy_runtime::client::wait::{AcceptorState, Comparator, Matcher, WaitError, Waiter};
use smithy_runtime::client::ScriptedTransport;

use waiter_support::*;
use AcceptorState::{Failure, Success};
use Comparator::{AllStringEquals, AnyStringEquals, BooleanEquals, StringEquals};

// ---------------------------------------------------------------------------------------------
// Comparators and paths.

static ALL_READY: Waiter = Waiter {
    name: "AllReady",
    min_delay: 1,
    max_delay: 4,
    acceptors: &[acceptor(
        Success,
        output("Items[].State", AllStringEquals, "READY"),
    )],
};

#[tokio::test(start_paused = true)]
async fn all_string_equals_needs_a_non_empty_array_of_expected_strings() {
    let transport = ScriptedTransport::new();
    push_items(&transport, &[]);
    transport.push_json(200, "{}"); // `Items[].State` is null
                                    // The projection drops the item without a state: `["READY"]` matches.
    transport.push_json(200, r#"{"Items": [{"State": "READY"}, {}]}"#);
    push_items(&transport, &["READY", "READY"]);
    let outcome = wait(&transport, &ALL_READY, 600).await.unwrap();
    let items = outcome.into_output().unwrap().items.unwrap();
    assert_eq!(
        items,
        [
            Item {
                state: Some("READY".to_owned())
            },
            Item::default()
        ]
    );
    assert_eq!(transport.request_count(), 3);

    let transport = ScriptedTransport::new();
    push_items(&transport, &["READY", "CREATING"]);
    push_items(&transport, &["READY"]);
    wait(&transport, &ALL_READY, 600).await.unwrap();
    assert_eq!(transport.request_count(), 2);
}

static ANY_READY: Waiter = Waiter {
    name: "AnyReady",
    min_delay: 1,
    max_delay: 4,
    acceptors: &[
        acceptor(Success, output("Items[].State", AnyStringEquals, "READY")),
        // The result is a string, not an array: never matches.
        acceptor(Failure, output("Status", AnyStringEquals, "FAILED")),
    ],
};

#[tokio::test(start_paused = true)]
async fn any_string_equals_needs_an_array_with_the_expected_string() {
    let transport = ScriptedTransport::new();
    push_items(&transport, &[]);
    push_items(&transport, &["CREATING", "FAILED"]);
    transport.push_json(200, r#"{"Status": "FAILED"}"#);
    push_items(&transport, &["CREATING", "READY"]);
    wait(&transport, &ANY_READY, 600).await.unwrap();
    assert_eq!(transport.request_count(), 4);
}

static STATUS_STRING: Waiter = Waiter {
    name: "StatusString",
    min_delay: 1,
    max_delay: 4,
    acceptors: &[
        acceptor(Success, output("Status", StringEquals, "READY")),
        // The result is an array of the expected string, not the string: never matches.
        acceptor(Failure, output("Items[].State", StringEquals, "READY")),
    ],
};

#[tokio::test(start_paused = true)]
async fn string_equals_needs_the_expected_string() {
    let transport = ScriptedTransport::new();
    transport.push_json(200, "{}");
    push_items(&transport, &["READY"]);
    push_status(&transport, "ready");
    push_status(&transport, "READY");
    let outcome = wait(&transport, &STATUS_STRING, 600).await;
    assert_eq!(output_status(outcome).as_deref(), Some("READY"));
    assert_eq!(transport.request_count(), 4);
}

static BOOLEANS: Waiter = Waiter {
    name: "Booleans",
    min_delay: 1,
    max_delay: 4,
    acceptors: &[
        acceptor(Failure, output("Ready", BooleanEquals, "false")),
        acceptor(
            Success,
            output("length(Items) > `1`", BooleanEquals, "true"),
        ),
        // `length(null)` is an evaluation error: no match.
        acceptor(
            Failure,
            output("length(Status) == `0`", BooleanEquals, "false"),
        ),
    ],
};

#[tokio::test(start_paused = true)]
async fn boolean_equals_compares_booleans() {
    let transport = ScriptedTransport::new();
    transport.push_json(200, r#"{"Ready": true, "Items": [{}]}"#);
    transport.push_json(200, r#"{"Items": [{}, {}]}"#);
    wait(&transport, &BOOLEANS, 600).await.unwrap();
    assert_eq!(transport.request_count(), 2);

    let transport = ScriptedTransport::new();
    transport.push_json(200, r#"{"Ready": false, "Items": [{}, {}]}"#);
    let error = wait(&transport, &BOOLEANS, 600).await.unwrap_err();
    assert!(
        matches!(
            &error,
            WaitError::Failed {
                acceptor: 0,
                attempts: 1,
                ..
            }
        ),
        "{error:?}"
    );

    let transport = ScriptedTransport::new();
    transport.push_json(200, r#"{"Status": "X"}"#);
    let error = wait(&transport, &BOOLEANS, 600).await.unwrap_err();
    assert!(
        matches!(
            &error,
            WaitError::Failed {
                acceptor: 2,
                attempts: 1,
                ..
            }
        ),
        "{error:?}"
    );
}

static NAMED_STATUS: Waiter = Waiter {
    name: "NamedStatus",
    min_delay: 1,
    max_delay: 4,
    acceptors: &[
        acceptor(
            Success,
            Matcher::InputOutput {
                path: "output.Status == input.Name",
                expected: "true",
                comparator: BooleanEquals,
            },
        ),
        acceptor(
            Failure,
            Matcher::InputOutput {
                path: "output.Status",
                expected: "FAILED",
                comparator: StringEquals,
            },
        ),
    ],
};

#[tokio::test(start_paused = true)]
async fn input_output_paths_see_the_input_and_the_output() {
    let transport = ScriptedTransport::new();
    push_status(&transport, "READY");
    push_status(&transport, "thing-1");
    let outcome = wait(&transport, &NAMED_STATUS, 600).await;
    assert_eq!(output_status(outcome).as_deref(), Some("thing-1"));
    assert_eq!(transport.request_count(), 2);

    let transport = ScriptedTransport::new();
    push_status(&transport, "FAILED");
    let error = wait(&transport, &NAMED_STATUS, 600).await.unwrap_err();
    assert!(
        matches!(&error, WaitError::Failed { acceptor: 1, description, .. }
            if description == "input and output path `output.Status` stringEquals `FAILED`"),
        "{error:?}"
    );

    // Errors do not reach input/output matchers: unmatched, the error ends the wait.
    let transport = ScriptedTransport::new();
    push_error(&transport, "ResourceNotFoundException");
    let error = wait(&transport, &NAMED_STATUS, 600).await.unwrap_err();
    assert!(
        matches!(&error, WaitError::Operation { attempts: 1, .. }),
        "{error:?}"
    );
}

static UNPARSABLE: Waiter = Waiter {
    name: "Unparsable",
    min_delay: 1,
    max_delay: 1,
    acceptors: &[
        acceptor(Failure, output("Status ==", StringEquals, "READY")),
        acceptor(Success, output("Status", StringEquals, "READY")),
    ],
};

#[tokio::test(start_paused = true)]
async fn a_path_that_does_not_parse_never_matches() {
    let transport = ScriptedTransport::new();
    push_status(&transport, "READY");
    let outcome = wait(&transport, &UNPARSABLE, 10).await;
    assert_eq!(output_status(outcome).as_deref(), Some("READY"));
}
