//! GameSparks' records, as persisted: [`State`] holds the games, and each [`Game`] holds its
//! configuration, snapshots (with their code jobs) and stages (with their deployments and
//! player connections), so deleting a game deletes all of it.

use std::collections::BTreeMap;

use gamesparks_api::types::Generator;
use serde::{Deserialize, Serialize};
use smithy_runtime::Document;

use super::failure::{game_deleting, missing_game, missing_snapshot, missing_stage, Failure};
use super::lifecycle::Run;
use crate::clock::Progress;

/// GameSparks' state: games, stages, snapshots, deployments, jobs, tags.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    /// The games, by name.
    pub games: BTreeMap<String, Game>,
}

/// A game.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Game {
    /// The game's name, unique in the account.
    pub name: String,
    /// `arn:aws:gamesparks:{region}:{account}:game/{name}`.
    pub arn: String,
    /// The description, if any.
    pub description: Option<String>,
    /// When the game was created (Unix milliseconds).
    pub created_millis: u64,
    /// When the game's details last changed (Unix milliseconds).
    pub last_updated_millis: u64,
    /// Whether `DeleteGame` refuses to delete the game. No operation sets it.
    #[serde(default)]
    pub enable_termination_protection: bool,
    /// The game's tags.
    #[serde(default)]
    pub tags: BTreeMap<String, String>,
    /// The client token of the `CreateGame` that created the game.
    #[serde(default)]
    pub client_token: Option<String>,
    /// Where the deletion is, once `DeleteGame` started it: the game is `DELETING`.
    #[serde(default)]
    pub deletion: Option<Progress>,
    /// The current configuration.
    pub configuration: Configuration,
    /// The snapshots, by id (ids sort by the time they were taken).
    #[serde(default)]
    pub snapshots: BTreeMap<String, Snapshot>,
    /// The stages, by name.
    #[serde(default)]
    pub stages: BTreeMap<String, Stage>,
}

/// A game's current configuration.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Configuration {
    /// The sections' attributes (JSON objects), by section name.
    #[serde(default)]
    pub sections: BTreeMap<String, Document>,
    /// When the configuration last changed (Unix milliseconds); the game's creation before.
    pub last_updated_millis: u64,
}

/// A snapshot: a copy of a game's configuration.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// `Snapshot_{time taken, RFC 3339 with microseconds}`.
    pub id: String,
    /// The description, if any.
    pub description: Option<String>,
    /// When the snapshot was taken (Unix milliseconds).
    pub created_millis: u64,
    /// When its description last changed (Unix milliseconds).
    pub last_updated_millis: u64,
    /// The sections copied from the configuration.
    #[serde(default)]
    pub sections: BTreeMap<String, Document>,
    /// The code generation jobs started for the snapshot, oldest first.
    #[serde(default)]
    pub jobs: Vec<CodeJob>,
}

/// A job generating client code for a snapshot.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CodeJob {
    /// The job's id (a UUID).
    pub id: String,
    /// The generator settings it was started with.
    pub generator: Generator,
    /// Where the job is: `PENDING`, `IN_PROGRESS`, `COMPLETED` (see `jobs`).
    pub progress: Progress,
}

/// A stage of a game.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stage {
    /// The stage's name, unique in its game.
    pub name: String,
    /// `arn:aws:gamesparks:{region}:{account}:game/{game}/stage/{name}`.
    pub arn: String,
    /// The ARN of the IAM role the stage's game runtimes run as.
    pub role: String,
    /// The description, if any.
    pub description: Option<String>,
    /// When the stage was created (Unix milliseconds).
    pub created_millis: u64,
    /// When the stage last changed (Unix milliseconds): its details, or a deployment
    /// completing.
    pub last_updated_millis: u64,
    /// The key game clients connect to the stage with.
    pub game_key: String,
    /// The CloudWatch log group of the stage's game runtimes.
    pub log_group: String,
    /// The stage's tags.
    #[serde(default)]
    pub tags: BTreeMap<String, String>,
    /// The client token of the `CreateStage` that created the stage.
    #[serde(default)]
    pub client_token: Option<String>,
    /// Where the deletion is, once `DeleteStage` started it: the stage is `DELETING`.
    #[serde(default)]
    pub deletion: Option<Progress>,
    /// The deployments of snapshots to the stage, oldest first.
    #[serde(default)]
    pub deployments: Vec<Deployment>,
    /// The players' open connections to the stage's game runtime, by player id.
    #[serde(default)]
    pub connections: BTreeMap<String, Vec<PlayerConnection>>,
}

/// A deployment of a snapshot to a stage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Deployment {
    /// The deployment's id (a UUID).
    pub id: String,
    /// The snapshot deployed.
    pub snapshot_id: String,
    /// The client token of the `StartStageDeployment` that started it.
    #[serde(default)]
    pub client_token: Option<String>,
    /// When the deployment started (Unix milliseconds).
    pub created_millis: u64,
    /// Where it is: `PENDING`, `IN_PROGRESS`, `COMPLETED`; `since_millis` is its last update.
    pub progress: Progress,
}

/// A player's WebSocket connection to a stage's game runtime.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlayerConnection {
    /// The connection's id (1 to 36 characters).
    pub id: String,
    /// When the connection was opened (Unix milliseconds).
    pub created_millis: u64,
}

impl State {
    /// The game named `name`, whatever its state.
    pub(crate) fn game(&self, name: &str) -> Result<&Game, Failure> {
        self.games.get(name).ok_or_else(|| missing_game(name))
    }

    /// The game named `name`, whatever its state, to change.
    pub(crate) fn game_mut(&mut self, name: &str) -> Result<&mut Game, Failure> {
        self.games.get_mut(name).ok_or_else(|| missing_game(name))
    }

    /// The game named `name`, to change; refused while it is being deleted.
    pub(crate) fn active_game_mut(&mut self, name: &str) -> Result<&mut Game, Failure> {
        let game = self.game_mut(name)?;
        match game.deletion {
            Some(_) => Err(game_deleting(name)),
            None => Ok(game),
        }
    }
}

impl Stage {
    /// The snapshot the stage runs: that of its latest deployment to have completed.
    pub fn deployed_snapshot(&self) -> Option<&str> {
        self.deployments
            .iter()
            .rev()
            .find(|d| Run::of(&d.progress) == Run::Completed)
            .map(|d| d.snapshot_id.as_str())
    }
}

impl Game {
    /// The stage named `name`, whatever its state.
    pub(crate) fn stage(&self, name: &str) -> Result<&Stage, Failure> {
        self.stages
            .get(name)
            .ok_or_else(|| missing_stage(&self.name, name))
    }

    /// The stage named `name`, whatever its state, to change.
    pub(crate) fn stage_mut(&mut self, name: &str) -> Result<&mut Stage, Failure> {
        let game = &self.name;
        self.stages
            .get_mut(name)
            .ok_or_else(|| missing_stage(game, name))
    }

    /// The snapshot `id`.
    pub(crate) fn snapshot(&self, id: &str) -> Result<&Snapshot, Failure> {
        self.snapshots
            .get(id)
            .ok_or_else(|| missing_snapshot(&self.name, id))
    }

    /// The snapshot `id`, to change.
    pub(crate) fn snapshot_mut(&mut self, id: &str) -> Result<&mut Snapshot, Failure> {
        let game = &self.name;
        self.snapshots
            .get_mut(id)
            .ok_or_else(|| missing_snapshot(game, id))
    }
}

/// Whether a create naming an existing resource is a retry of the request that created it:
/// both carry the same client token.
pub(crate) fn is_retry(created_with: Option<&str>, token: Option<&str>) -> bool {
    token.is_some() && created_with == token
}
