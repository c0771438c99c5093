//! What the GameSparks tests share: a client of an in-process server, and a few setups.

// Each test binary uses part of this module.
#![allow(dead_code)]

use gamesparks_api::client::Client;
use gamesparks_api::types::{GameDetails, SnapshotDetails, StageDetails};
use local_services::{Local, Settings};
use smithy_runtime::client::{Config, Credentials, SdkError};
use smithy_runtime::ServiceError;

/// A role ARN in the model's form for stages.
pub const ROLE: &str = "arn:aws:iam::123456789012:role/GameSparksStage";

/// Services with an in-memory state.
pub fn local() -> Local {
    Local::new(Settings::default()).expect("an in-memory state opens")
}

/// A GameSparks client whose transport is `local`'s router.
pub fn client(local: &Local) -> Client {
    let config = Config::builder()
        .region("us-west-2")
        .credentials(Credentials::new("AKID", "SECRET"))
        .http_client(local.gamesparks_router())
        .build();
    Client::new(config)
}

/// Creates the game `name`.
pub async fn game(client: &Client, name: &str) -> GameDetails {
    let created = client.create_game().game_name(name).send().await;
    created.expect("CreateGame").game.expect("a game")
}

/// Creates the stage `stage` of game `game`.
pub async fn stage(client: &Client, game: &str, stage: &str) -> StageDetails {
    let created = client
        .create_stage()
        .game_name(game)
        .stage_name(stage)
        .role(ROLE)
        .send()
        .await;
    created.expect("CreateStage").stage.expect("a stage")
}

/// Takes a snapshot of game `game`.
pub async fn snapshot(client: &Client, game: &str) -> SnapshotDetails {
    let created = client.create_snapshot().game_name(game).send().await;
    created
        .expect("CreateSnapshot")
        .snapshot
        .expect("a snapshot")
}

/// The code and message of a service error (panics on any other failure).
pub fn service_error<T: std::fmt::Debug, E: ServiceError + std::fmt::Debug>(
    result: Result<T, SdkError<E>>,
) -> (String, String) {
    let error = result.expect_err("the call should fail");
    let service = error
        .as_service_error()
        .unwrap_or_else(|| panic!("not a service error: {error:?}"));
    let code = service.code().unwrap_or_default().to_owned();
    let message = service.message().unwrap_or_default().to_owned();
    (code, message)
}
