//! The generated servers, in-process: every documented operation of both services goes
//! client -> router -> handler -> client, signed and encoded, on every protocol its model lists;
//! an operation left unimplemented answers 501; a malformed request gets the protocol's error.

// Test setup that cannot proceed panics with the failure.
#![allow(clippy::unwrap_used)]

use integration_tests::project::ProjectModel;
use smithy_runtime::client::{Config, Credentials, Handle, RetryConfig, SdkError};
use smithy_runtime::server::{RequestContext, Router, RouterBuilder};
use smithy_runtime::{ErrorMetadata, Operation, OperationVisitor, ServiceError, UnhandledError};

/// Registers, for every operation, a handler that answers the sampled output when it gets
/// the sampled input (and an error naming the difference otherwise).
struct Register {
    project: ProjectModel,
    builder: Option<RouterBuilder>,
}

impl OperationVisitor for Register {
    fn visit<O: Operation>(&mut self) {
        let (input, output) = self.project.sample_io(O::NAME).unwrap();
        let input: O::Input = serde_json::from_value(input).unwrap();
        let output: O::Output = serde_json::from_value(output).unwrap();
        let builder = self.builder.take().unwrap();
        self.builder = Some(
            builder.operation::<O, _, _>(move |got, cx: RequestContext| {
                let answer = if got != input {
                    Err(O::Error::from(UnhandledError::new(
                        ErrorMetadata::new()
                            .with_code("WrongInput")
                            .with_message(format!("{got:?}")),
                    )))
                } else if cx.access_key_id.as_deref() != Some("AKIDEXAMPLE") {
                    Err(O::Error::from(UnhandledError::new(
                        ErrorMetadata::new().with_code("WrongCaller"),
                    )))
                } else {
                    Ok(output.clone())
                };
                async move { answer }
            }),
        );
    }
}

/// Calls every operation with its sampled input through `router`, over `protocol`.
struct Call<'a> {
    project: &'a ProjectModel,
    router: &'a Router,
    protocol: &'static dyn smithy_runtime::protocol::Protocol,
    runtime: &'a tokio::runtime::Runtime,
    calls: usize,
}

impl OperationVisitor for Call<'_> {
    fn visit<O: Operation>(&mut self) {
        let (input, output) = self.project.sample_io(O::NAME).unwrap();
        let input: O::Input = serde_json::from_value(input).unwrap();
        let expected: O::Output = serde_json::from_value(output).unwrap();
        let config = Config::builder()
            .region("us-west-2")
            .credentials(Credentials::new("AKIDEXAMPLE", "SECRET"))
            .http_client(self.router.clone())
            .retry_config(RetryConfig::disabled())
            .protocol(self.protocol)
            .build();
        let result = self
            .runtime
            .block_on(Handle::new(config, O::SERVICE).call::<O>(input));
        let what = format!("{} over {}", O::NAME, self.protocol.name());
        match result {
            Ok(output) => assert_eq!(output, expected, "{what}"),
            Err(SdkError::Service { error, .. }) => {
                panic!("{what}: {:?}: {:?}", error.code(), error.message())
            }
            Err(other) => panic!("{what}: {other}"),
        }
        self.calls += 1;
    }
}

fn round_trips(
    file: &str,
    service: &'static smithy_runtime::protocol::ServiceSpec,
    register: fn(&mut Register),
    calls: &dyn Fn(&mut Call<'_>),
) -> Vec<(&'static str, usize)> {
    let project = ProjectModel::load(file).unwrap();
    let mut handlers = Register {
        project: ProjectModel::load(file).unwrap(),
        builder: Some(Router::builder(service)),
    };
    register(&mut handlers);
    let router = handlers.builder.take().unwrap().build();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    service
        .protocols
        .iter()
        .map(|protocol| {
            let mut call = Call {
                project: &project,
                router: &router,
                protocol: *protocol,
                runtime: &runtime,
                calls: 0,
            };
            calls(&mut call);
            (protocol.name(), call.calls)
        })
        .collect()
}

#[test]
fn every_gamelift_operation_round_trips_in_process_on_both_protocols() {
    let done = round_trips(
        "gamelift.json",
        &gamelift::operation::SERVICE,
        gamelift::operation::visit_all,
        &|call| gamelift::operation::visit_all(call),
    );
    assert_eq!(done, [("awsJson1_1", 17), ("rpcv2Cbor", 17)]);
}

#[test]
fn every_gamesparks_operation_round_trips_in_process() {
    let done = round_trips(
        "gamesparks.json",
        &gamesparks::operation::SERVICE,
        gamesparks::operation::visit_all,
        &|call| gamesparks::operation::visit_all(call),
    );
    assert_eq!(done, [("restJson1", 33)]);
}

/// One operation implemented through the generated trait; the others answer 501.
struct Sessions;

impl gamelift::server::GameLiftServer for Sessions {
    async fn describe_game_sessions(
        &self,
        input: gamelift::types::DescribeGameSessionsInput,
        _cx: RequestContext,
    ) -> Result<
        gamelift::types::DescribeGameSessionsOutput,
        gamelift::error::DescribeGameSessionsError,
    > {
        let session = gamelift::types::GameSession::builder()
            .fleet_id(input.fleet_id.unwrap_or_default())
            .build();
        Ok(gamelift::types::DescribeGameSessionsOutput::builder()
            .game_sessions(session)
            .build())
    }
}

fn sessions_client(
    protocol: &'static dyn smithy_runtime::protocol::Protocol,
) -> gamelift::client::Client {
    let config = Config::builder()
        .region("us-west-2")
        .credentials(Credentials::new("AKIDEXAMPLE", "SECRET"))
        .http_client(gamelift::server::router(Sessions))
        .protocol(protocol)
        .build();
    gamelift::client::Client::new(config)
}

#[tokio::test]
async fn the_generated_trait_answers_what_it_implements_and_501_for_the_rest() {
    for protocol in gamelift::operation::SERVICE.protocols {
        let client = sessions_client(*protocol);
        let output = client
            .describe_game_sessions()
            .fleet_id("fleet-1")
            .send()
            .await
            .unwrap();
        let sessions = output.game_sessions.unwrap();
        assert_eq!(sessions[0].fleet_id.as_deref(), Some("fleet-1"));

        let error = client.describe_fleet_attributes().send().await.unwrap_err();
        match error {
            SdkError::Service { error, status, .. } => {
                assert_eq!(status, 501, "{}", protocol.name());
                assert_eq!(error.code(), Some("NotImplemented"));
                assert_eq!(
                    error.message(),
                    Some("DescribeFleetAttributes is not implemented by this server: implement `GameLiftServer::describe_fleet_attributes`")
                );
            }
            other => panic!("expected a 501, got {other:?}"),
        }
    }
}
