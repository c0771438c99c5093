//! Behaviour of the `waiters` fixture crate: waiter paths name members (`Status`,
//! `Details.Parts[].State`), and the generated waiters read those members by their wire names
//! (`status`, `details.parts[]."part-state"`), in the output and in `{input, output}`. The
//! waiter whose path names a member the output does not have is left out; the others are
//! generated.
//!
//! Every wait here ends at its first poll: a waiter that had to poll again would sleep, which
//! needs a runtime that `support::run` does not have, and so fail the test.
#![allow(clippy::unwrap_used)]

mod support;

use std::time::Duration;

use smithy_runtime::client::wait::WaitError;
use smithy_runtime::client::{Config, ScriptedTransport};
use support::run;
use waiters::client::Client;

/// A client whose transport answers the one poll with `body`.
fn client_answering(body: &str) -> Client {
    let transport = ScriptedTransport::new();
    transport.push_json(200, body);
    let config = Config::builder()
        .region("us-east-1")
        .endpoint_url("http://localhost:8000")
        .http_client(transport)
        .build();
    Client::new(config)
}

const A_MINUTE: Duration = Duration::from_secs(60);

#[test]
fn a_path_through_a_json_named_member_matches_its_wire_key() {
    let client = client_answering(r#"{"status":"READY"}"#);
    let done = run(client.wait_until_thing_ready().thing_id("t-1").wait(A_MINUTE)).unwrap();
    assert_eq!(done.into_output().unwrap().status.as_deref(), Some("READY"));

    let client = client_answering(r#"{"status":"FAILED"}"#);
    let error = run(client.wait_until_thing_ready().thing_id("t-1").wait(A_MINUTE)).unwrap_err();
    assert!(
        matches!(error, WaitError::Failed { acceptor: 1, attempts: 1, .. }),
        "{error:?}"
    );
}

#[test]
fn nested_projections_and_filters_read_json_named_members() {
    let body = r#"{"details":{"parts":[{"part-state":"DONE"},{"part-state":"DONE"}]}}"#;
    let done = run(client_answering(body).wait_until_parts_done().thing_id("t").wait(A_MINUTE));
    assert_eq!(done.unwrap().into_output().unwrap().details.unwrap().parts.unwrap().len(), 2);

    let body = r#"{"details":{"parts":[{"part-state":"DONE"},{"part-state":"BROKEN"}]}}"#;
    let error = run(client_answering(body).wait_until_parts_done().thing_id("t").wait(A_MINUTE));
    assert!(matches!(error, Err(WaitError::Failed { acceptor: 1, .. })), "{error:?}");
}

#[test]
fn input_output_paths_read_both_sides_by_wire_key() {
    let body = r#"{"details":{"id":"t-9"}}"#;
    let done = run(client_answering(body).wait_until_same_thing().thing_id("t-9").wait(A_MINUTE));
    assert!(done.is_ok(), "{done:?}");
}

#[test]
fn the_waiter_with_a_misspelled_member_is_left_out_and_the_rest_generated() {
    let names: Vec<&str> = [
        &waiters::waiters::PARTS_DONE,
        &waiters::waiters::SAME_THING,
        &waiters::waiters::THING_READY,
    ]
    .iter()
    .map(|w| w.name)
    .collect();
    assert_eq!(names, ["PartsDone", "SameThing", "ThingReady"]);
    assert_eq!(waiters::waiters::THING_READY.acceptors[0].matcher.path(), Some("status"));
}
