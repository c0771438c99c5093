//! GameSparks' records, by key: games by name; each game's configuration by game name; its
//! snapshots, their code jobs and its stages (with their deployments and player connections)
//! by `game/child` keys, so that a game's records are found by prefix and deleted with it.
//! The lookups here answer `ResourceNotFoundException`'s message when nothing is found.

use std::collections::BTreeMap;

use gamesparks_api::types::Generator;
use serde::{Deserialize, Serialize};
use smithy_runtime::Document;

use crate::clock::Progress;
use crate::fault::Fault;
use crate::store::{AnyTable, Table, Tables};

/// GameSparks' state.
#[derive(Debug)]
pub struct State {
    /// The games, by name.
    pub games: Table<Game>,
    /// Each game's current configuration, by game name.
    pub configurations: Table<Configuration>,
    /// The snapshots, by `game/snapshot id` (ids sort by the time they were taken).
    pub snapshots: Table<Snapshot>,
    /// The code generation jobs of each snapshot, oldest first, by `game/snapshot id`.
    pub jobs: Table<Vec<CodeJob>>,
    /// The stages, by `game/stage name`.
    pub stages: Table<Stage>,
}

impl Default for State {
    fn default() -> Self {
        State {
            games: Table::new("games"),
            configurations: Table::new("configurations"),
            snapshots: Table::new("snapshots"),
            jobs: Table::new("code_jobs"),
            stages: Table::new("stages"),
        }
    }
}

impl Tables for State {
    fn tables(&mut self) -> Vec<&mut dyn AnyTable> {
        vec![
            &mut self.games,
            &mut self.configurations,
            &mut self.snapshots,
            &mut self.jobs,
            &mut self.stages,
        ]
    }
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

/// The key of a game's child record (a stage, a snapshot): `game/name`.
pub fn child_key(game: &str, name: &str) -> String {
    format!("{game}/{name}")
}

/// The prefix of the keys of a game's child records.
pub fn children_of(game: &str) -> String {
    format!("{game}/")
}

/// `Game 'name' does not exist.`
pub(crate) fn missing_game(game: &str) -> Fault {
    Fault::NotFound(format!("Game '{game}' does not exist."))
}

/// `Stage 'stage' of game 'game' does not exist.`
pub(crate) fn missing_stage(game: &str, stage: &str) -> Fault {
    Fault::NotFound(format!("Stage '{stage}' of game '{game}' does not exist."))
}

/// `Snapshot 'id' of game 'game' does not exist.`
pub(crate) fn missing_snapshot(game: &str, id: &str) -> Fault {
    Fault::NotFound(format!("Snapshot '{id}' of game '{game}' does not exist."))
}

/// The refusal to change a game that is being deleted.
pub(crate) fn game_deleting(game: &str) -> Fault {
    Fault::Conflict(format!(
        "Game '{game}' is being deleted; it takes no more changes."
    ))
}

impl State {
    /// The game named `name`, whatever its state.
    pub(crate) fn game(&self, name: &str) -> Result<&Game, Fault> {
        self.games.get(name).ok_or_else(|| missing_game(name))
    }

    /// The game named `name`, to change; refused while it is being deleted.
    pub(crate) fn active_game_mut(&mut self, name: &str) -> Result<&mut Game, Fault> {
        let game = self.games.get_mut(name).ok_or_else(|| missing_game(name))?;
        match game.deletion {
            Some(_) => Err(game_deleting(name)),
            None => Ok(game),
        }
    }

    /// Checks that game `name` exists and is not being deleted.
    pub(crate) fn active_game(&self, name: &str) -> Result<&Game, Fault> {
        let game = self.game(name)?;
        match game.deletion {
            Some(_) => Err(game_deleting(name)),
            None => Ok(game),
        }
    }

    /// Stage `stage` of game `game`, whatever its state.
    pub(crate) fn stage(&self, game: &str, stage: &str) -> Result<&Stage, Fault> {
        self.game(game)?;
        self.stages
            .get(&child_key(game, stage))
            .ok_or_else(|| missing_stage(game, stage))
    }

    /// Stage `stage` of game `game`, whatever its state, to change.
    pub(crate) fn stage_mut(&mut self, game: &str, stage: &str) -> Result<&mut Stage, Fault> {
        self.game(game)?;
        self.stages
            .get_mut(&child_key(game, stage))
            .ok_or_else(|| missing_stage(game, stage))
    }

    /// Snapshot `id` of game `game`.
    pub(crate) fn snapshot(&self, game: &str, id: &str) -> Result<&Snapshot, Fault> {
        self.game(game)?;
        self.snapshots
            .get(&child_key(game, id))
            .ok_or_else(|| missing_snapshot(game, id))
    }

    /// Snapshot `id` of game `game`, to change.
    pub(crate) fn snapshot_mut(&mut self, game: &str, id: &str) -> Result<&mut Snapshot, Fault> {
        self.game(game)?;
        self.snapshots
            .get_mut(&child_key(game, id))
            .ok_or_else(|| missing_snapshot(game, id))
    }

    /// How many children game `game` has in `table`.
    pub(crate) fn count_children<V: crate::store::Record>(table: &Table<V>, game: &str) -> usize {
        table.prefixed(&children_of(game)).count()
    }
}

/// Whether a create naming an existing resource is a retry of the request that created it:
/// both carry the same client token.
pub(crate) fn is_retry(created_with: Option<&str>, token: Option<&str>) -> bool {
    token.is_some() && created_with == token
}
