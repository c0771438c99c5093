//! A hand-written `DescribeThing` operation and the helpers the waiter tests share: a
//! scripted handle, scripted responses, and `const` builders of acceptors.

#![allow(dead_code)]

use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::json;
use smithy_runtime::client::wait::{
    Acceptor, AcceptorState, Comparator, Final, Matcher, Wait, WaitError, Waiter,
};
use smithy_runtime::client::{Handle, RetryConfig, ScriptedTransport};
use smithy_runtime::protocol::{ErrorSpec, HttpSpec, OperationSpec, ServiceSpec};
use smithy_runtime::{BuildError, Operation};

use crate::client_support::{config, error_response, Timed, SERVICE};

// ---------------------------------------------------------------------------------------------
// A hand-written `DescribeThing` operation (what the generator would emit).

pub static DESCRIBE_THING_SPEC: OperationSpec = OperationSpec {
    name: "DescribeThing",
    http: HttpSpec {
        method: "POST",
        uri: "/",
        code: 200,
    },
    input: &[],
    output: &[],
    input_has_body: true,
    output_has_body: true,
    input_unit: false,
    output_unit: false,
    idempotency_token: None,
    host_prefix: None,
    checksum_required: false,
    gzip: false,
    errors: &[ErrorSpec {
        code: "ResourceNotFoundException",
        status: 400,
        retryable: false,
        throttling: false,
        members: &[],
        shape_id: "test#ResourceNotFoundException",
        query_error: None,
    }],
    validation: None,
    endpoint_params: &[],
};

#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
pub struct DescribeThingInput {
    #[serde(rename = "Name", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
pub struct DescribeThingOutput {
    #[serde(rename = "Status", skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(rename = "Items", skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<Item>>,
    #[serde(rename = "Ready", skip_serializing_if = "Option::is_none")]
    pub ready: Option<bool>,
    #[serde(skip)]
    pub meta: smithy_runtime::operation::ResponseMetadata,
}

impl smithy_runtime::operation::OutputMetadata for DescribeThingOutput {
    fn metadata(&self) -> &smithy_runtime::operation::ResponseMetadata {
        &self.meta
    }
    fn metadata_mut(&mut self) -> &mut smithy_runtime::operation::ResponseMetadata {
        &mut self.meta
    }
}

#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
pub struct Item {
    #[serde(rename = "State", skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
}

crate::client_support::single_error!(
    DescribeThingError,
    NotFound,
    ResourceNotFoundException,
    "ResourceNotFoundException"
);

pub struct DescribeThing;

impl Operation for DescribeThing {
    const NAME: &'static str = "DescribeThing";
    const SERVICE: &'static ServiceSpec = &SERVICE;
    const SPEC: &'static OperationSpec = &DESCRIBE_THING_SPEC;
    type Input = DescribeThingInput;
    type Output = DescribeThingOutput;
    type Error = DescribeThingError;
}

// ---------------------------------------------------------------------------------------------
// Helpers.

pub type Outcome =
    Result<Final<DescribeThingOutput, DescribeThingError>, WaitError<DescribeThingError>>;

pub fn input(name: &str) -> Result<DescribeThingInput, BuildError> {
    Ok(DescribeThingInput {
        name: Some(name.to_owned()),
    })
}

/// A handle without the orchestrator's own retries, so that every attempt of a wait is one
/// request.
pub fn handle(transport: &ScriptedTransport) -> Handle {
    let config = config(transport)
        .retry_config(RetryConfig::disabled())
        .build();
    Handle::new(config, &SERVICE)
}

/// A handle whose transport records the tokio instant of every request.
pub fn timed_handle(timed: &Timed) -> Handle {
    let config = config(&timed.inner)
        .http_client(timed.clone())
        .retry_config(RetryConfig::disabled())
        .build();
    Handle::new(config, &SERVICE)
}

pub async fn wait(
    transport: &ScriptedTransport,
    waiter: &'static Waiter,
    max_wait: u64,
) -> Outcome {
    Wait::<DescribeThing>::new(handle(transport), waiter)
        .wait(input("thing-1"), Duration::from_secs(max_wait))
        .await
}

pub fn push_status(transport: &ScriptedTransport, status: &str) {
    transport.push_json(200, json!({ "Status": status }).to_string());
}

pub fn push_items(transport: &ScriptedTransport, states: &[&str]) {
    let items: Vec<_> = states.iter().map(|s| json!({ "State": s })).collect();
    transport.push_json(200, json!({ "Items": items }).to_string());
}

pub fn push_error(transport: &ScriptedTransport, code: &str) {
    transport.push_response(error_response(400, code, "scripted error"));
}

pub fn output_status(outcome: Outcome) -> Option<String> {
    outcome
        .expect("the wait succeeds")
        .into_output()
        .expect("with an output")
        .status
}

pub const fn output(path: &'static str, comparator: Comparator, expected: &'static str) -> Matcher {
    Matcher::Output {
        path,
        expected,
        comparator,
    }
}

pub const fn acceptor(state: AcceptorState, matcher: Matcher) -> Acceptor {
    Acceptor { state, matcher }
}

/// The un-jittered delay before retry `attempt` (1 for the first): `min` doubled per retry,
/// capped at `max`, computed by counting doublings rather than by the formula's logarithm.
pub fn ceiling_of(attempt: u32, min: u64, max: u64) -> u64 {
    let mut delay = min;
    for _ in 1..attempt {
        delay = (delay * 2).min(max);
    }
    delay
}
