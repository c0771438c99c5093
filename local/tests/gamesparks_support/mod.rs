//! What the GameSparks tests share: a client of an in-process server, a few setups, and the
//! reads the tests repeat.

// Each test binary uses part of this module.
#![allow(dead_code)]

use std::collections::BTreeMap;

use gamesparks_api::client::Client;
use gamesparks_api::error::UpdateGameConfigurationError;
use gamesparks_api::types::{
    Connection, GameDetails, Generator, ImportGameConfigurationSource, SectionModification,
    SnapshotDetails, StageDeploymentDetails, StageDetails, StageSummary,
    UpdateGameConfigurationResult,
};
use local_services::{Local, Settings};
use smithy_runtime::client::{Config, Credentials, SdkError};
use smithy_runtime::{Blob, ServiceError};

/// A role ARN in the model's form for stages.
pub const ROLE: &str = "arn:aws:iam::123456789012:role/GameSparksStage";

/// A configuration file of one section, `Economy`, whose `coins` are 10.
pub const ECONOMY: &[u8] = br#"{"Sections": {"Economy": {"coins": 10}}}"#;

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

/// Game `name`, read with `GetGame`.
pub async fn read_game(client: &Client, name: &str) -> Option<GameDetails> {
    let got = client.get_game().game_name(name).send().await;
    got.expect("GetGame").game
}

/// Deletes game `name` (it may stay `DELETING` for a while).
pub async fn delete_game(client: &Client, name: &str) {
    let deleted = client.delete_game().game_name(name).send().await;
    deleted.expect("DeleteGame");
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

/// Stage `stage` of game `game`, read with `GetStage`.
pub async fn read_stage(client: &Client, game: &str, stage: &str) -> Option<StageDetails> {
    let got = client
        .get_stage()
        .game_name(game)
        .stage_name(stage)
        .send()
        .await;
    got.expect("GetStage").stage
}

/// The stages of game `game`, with `ListStages`.
pub async fn stages(client: &Client, game: &str) -> Vec<StageSummary> {
    let listed = client.list_stages().game_name(game).send().await;
    listed
        .expect("ListStages")
        .stages
        .expect("a list of stages")
}

/// The tags of the game or stage `arn`, with `ListTagsForResource`.
pub async fn tags(client: &Client, arn: &str) -> Option<BTreeMap<String, String>> {
    let listed = client
        .list_tags_for_resource()
        .resource_arn(arn)
        .send()
        .await;
    listed.expect("ListTagsForResource").tags
}

/// The connections of `player` to stage `stage` of game `game`.
pub async fn connections(
    client: &Client,
    game: &str,
    stage: &str,
    player: &str,
) -> Option<Vec<Connection>> {
    let status = client
        .get_player_connection_status()
        .game_name(game)
        .stage_name(stage)
        .player_id(player)
        .send()
        .await;
    status.expect("GetPlayerConnectionStatus").connections
}

/// Imports the configuration `file` into game `game`; answers the code and message of a
/// service error.
pub async fn import(client: &Client, game: &str, file: &[u8]) -> Result<(), (String, String)> {
    let imported = client
        .import_game_configuration()
        .game_name(game)
        .import_source(
            ImportGameConfigurationSource::builder()
                .file(Blob::new(file.to_vec()))
                .build()
                .expect("every required member is set"),
        )
        .send()
        .await;
    match imported {
        Ok(_) => Ok(()),
        Err(error) => Err(service_error::<(), _>(Err(error))),
    }
}

/// Applies `modifications` to the configuration of game `game`; answers the call's result as
/// it came, for `expect` or `service_error`.
pub async fn update_configuration(
    client: &Client,
    game: &str,
    modifications: Vec<SectionModification>,
) -> Result<UpdateGameConfigurationResult, SdkError<UpdateGameConfigurationError>> {
    client
        .update_game_configuration()
        .game_name(game)
        .set_modifications(Some(modifications))
        .send()
        .await
}

/// Takes a snapshot of game `game`.
pub async fn snapshot(client: &Client, game: &str) -> SnapshotDetails {
    let created = client.create_snapshot().game_name(game).send().await;
    created
        .expect("CreateSnapshot")
        .snapshot
        .expect("a snapshot")
}

/// Starts deploying snapshot `snapshot_id` to stage `stage` of game `game`.
pub async fn start_deployment(
    client: &Client,
    game: &str,
    stage: &str,
    snapshot_id: &str,
) -> StageDeploymentDetails {
    let started = client
        .start_stage_deployment()
        .game_name(game)
        .stage_name(stage)
        .snapshot_id(snapshot_id)
        .send()
        .await;
    started
        .expect("StartStageDeployment")
        .stage_deployment
        .expect("a deployment")
}

/// Starts generating client code for snapshot `snapshot_id` of game `game`; returns the job id.
pub async fn start_code_job(
    client: &Client,
    game: &str,
    snapshot_id: &str,
    generator: Generator,
) -> String {
    let started = client
        .start_generated_code_job()
        .game_name(game)
        .snapshot_id(snapshot_id)
        .generator(generator)
        .send()
        .await;
    started
        .expect("StartGeneratedCodeJob")
        .generated_code_job_id
        .expect("a job id")
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
