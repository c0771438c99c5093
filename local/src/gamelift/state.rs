//! [`State`]: the records GameLift keeps, by key, and the lookups every operation shares.

use gamelift_api::types::{
    DesiredPlayerSession, FleetAttributes, FleetStatus, GameProperty, GameSession,
    GameSessionPlacement, GameSessionStatus, Instance, IpPermission, MatchmakingTicket,
    PlayerSession, PlayerSessionStatus, ProtectionPolicy, RuntimeConfiguration,
};
use serde::{Deserialize, Serialize};

use crate::clock::Progress;
use crate::store::{Index, Table};
use crate::timers::Timers;

/// GameLift's state: fleets (by id), game sessions (by id, their ARN), player sessions (by
/// id), placements (by id) and matchmaking tickets (by id), each table also in creation
/// order; with the indexes and deadlines derived from them.
#[derive(Debug)]
pub struct State {
    /// The fleets, by fleet id.
    pub fleets: Table<Fleet>,
    /// The game sessions, by game session id.
    pub sessions: Table<Session>,
    /// The player sessions, by player session id.
    pub players: Table<PlayerSession>,
    /// The game session placements, by placement id.
    pub placements: Table<Placement>,
    /// The matchmaking tickets, by ticket id.
    pub tickets: Table<Ticket>,
    pub(crate) sessions_by_fleet: Index,
    pub(crate) players_by_session: Index,
    pub(crate) players_by_player: Index,
    pub(crate) timers: Timers<Due>,
}

impl Default for State {
    fn default() -> Self {
        State {
            fleets: Table::new("fleets"),
            sessions: Table::new("game_sessions"),
            players: Table::new("player_sessions"),
            placements: Table::new("placements"),
            tickets: Table::new("tickets"),
            sessions_by_fleet: Index::default(),
            players_by_session: Index::default(),
            players_by_player: Index::default(),
            timers: Timers::default(),
        }
    }
}

/// A record with a wall-clock deadline (see [`super::lifecycle`]).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Due {
    /// A `RESERVED` player session.
    Reservation(String),
    /// An `ACTIVATING` game session on a fleet with an activation timeout.
    Activation(String),
    /// A `PENDING` placement.
    Placement(String),
    /// An unfinished matchmaking ticket.
    Ticket(String),
}

/// A fleet: its attributes as `DescribeFleetAttributes` returns them (the status included),
/// where it is in its lifecycle, how it hosts game sessions, and its one instance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fleet {
    /// The attributes `DescribeFleetAttributes` answers.
    pub attributes: FleetAttributes,
    /// Where the fleet is in its lifecycle.
    pub progress: Progress,
    /// Its runtime configuration.
    pub runtime: Option<RuntimeConfiguration>,
    /// Its inbound permissions.
    pub permissions: Vec<IpPermission>,
    /// How many server processes the instance runs: how many game sessions it can host.
    pub processes: usize,
    /// Its one instance.
    pub instance: Instance,
}

/// A game session: as the API returns it (`CurrentPlayerSessionCount` is counted when it is
/// returned), with what the API does not show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// The session as answered.
    pub session: GameSession,
    /// Where it is in its lifecycle.
    pub progress: Progress,
    /// Its protection policy.
    pub protection: ProtectionPolicy,
    /// The server process hosting the session.
    pub slot: usize,
    /// What `CreateGameSession` asked for, to compare a repeated idempotency token with; none
    /// for sessions started by a placement or a match.
    pub request: Option<SessionRequest>,
}

/// The parameters of a `CreateGameSession` request that its idempotency token stands for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionRequest {
    /// `MaximumPlayerSessionCount`.
    pub maximum: i32,
    /// `Name`.
    pub name: Option<String>,
    /// `GameProperties`.
    pub properties: Option<Vec<GameProperty>>,
    /// `CreatorId`.
    pub creator_id: Option<String>,
    /// `GameSessionData`.
    pub data: Option<String>,
}

/// A game session placement and the players it is to create player sessions for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Placement {
    /// The placement as answered.
    pub placement: GameSessionPlacement,
    /// Where it is in its lifecycle.
    pub progress: Progress,
    /// The players to seat.
    pub desired: Vec<DesiredPlayerSession>,
}

/// A matchmaking ticket; a backfill ticket names the game session it fills.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ticket {
    /// The ticket as answered.
    pub ticket: MatchmakingTicket,
    /// Where it is in its lifecycle.
    pub progress: Progress,
    /// The game session a backfill ticket fills.
    pub backfill: Option<String>,
}

impl Fleet {
    /// The fleet's id.
    pub fn id(&self) -> &str {
        self.attributes.fleet_id.as_deref().unwrap_or_default()
    }

    /// Whether the fleet can host game sessions.
    pub fn is_active(&self) -> bool {
        self.attributes.status == Some(FleetStatus::Active)
    }
}

impl Session {
    /// The session's id (its ARN).
    pub fn id(&self) -> &str {
        self.session.game_session_id.as_deref().unwrap_or_default()
    }

    /// The fleet hosting the session.
    pub fn fleet_id(&self) -> &str {
        self.session.fleet_id.as_deref().unwrap_or_default()
    }

    /// Whether the session holds its server process: `ACTIVATING` or `ACTIVE`.
    pub fn is_live(&self) -> bool {
        matches!(
            self.session.status,
            Some(GameSessionStatus::Activating | GameSessionStatus::Active)
        )
    }
}

/// Whether a player session holds a slot in its game session: `RESERVED` or `ACTIVE`.
pub(crate) fn holds_slot(player: &PlayerSession) -> bool {
    matches!(
        player.status,
        Some(PlayerSessionStatus::Reserved | PlayerSessionStatus::Active)
    )
}

impl State {
    /// The id of the fleet named `reference` (its id or ARN), when it exists.
    pub(crate) fn fleet_id(&self, reference: &str) -> Option<String> {
        let id = reference
            .rsplit_once(":fleet/")
            .map_or(reference, |(_, id)| id);
        let fleet = self.fleets.get(id)?;
        let by_arn = fleet.attributes.fleet_arn.as_deref() == Some(reference);
        (id == reference || by_arn).then(|| id.to_owned())
    }

    /// The fleet named `reference` (its id or ARN).
    pub(crate) fn fleet(&self, reference: &str) -> Option<&Fleet> {
        self.fleets.get(&self.fleet_id(reference)?)
    }

    /// Records a new game session.
    pub(crate) fn add_session(&mut self, record: Session) -> String {
        let id = record.id().to_owned();
        let fleet = record.fleet_id().to_owned();
        let seq = self.sessions.insert(id.clone(), record);
        self.sessions_by_fleet.add(&fleet, seq, &id);
        id
    }

    /// The ids of the game sessions on fleet `fleet_id`, oldest first.
    pub(crate) fn sessions_on(&self, fleet_id: &str) -> Vec<String> {
        self.sessions_by_fleet
            .keys(&self.sessions, fleet_id)
            .map(str::to_owned)
            .collect()
    }

    /// Records a new player session.
    pub(crate) fn add_player(&mut self, player: PlayerSession) {
        let id = player.player_session_id.clone().unwrap_or_default();
        let session = player.game_session_id.clone().unwrap_or_default();
        let player_id = player.player_id.clone().unwrap_or_default();
        let seq = self.players.insert(id.clone(), player);
        self.players_by_session.add(&session, seq, &id);
        self.players_by_player.add(&player_id, seq, &id);
    }

    /// The player sessions in game session `id`, oldest first, with their creation numbers.
    pub(crate) fn players_in<'a>(
        &'a self,
        id: &str,
    ) -> impl Iterator<Item = (u64, &'a PlayerSession)> + 'a {
        self.players_filed(&self.players_by_session, id)
    }

    /// The player sessions of player `id`, oldest first, with their creation numbers.
    pub(crate) fn players_of<'a>(
        &'a self,
        id: &str,
    ) -> impl Iterator<Item = (u64, &'a PlayerSession)> + 'a {
        self.players_filed(&self.players_by_player, id)
    }

    /// The player sessions `index` files under `group`, with their creation numbers.
    fn players_filed<'a>(
        &'a self,
        index: &'a Index,
        group: &str,
    ) -> impl Iterator<Item = (u64, &'a PlayerSession)> + 'a {
        index
            .keys(&self.players, group)
            .filter_map(|key| Some((self.players.seq(key)?, self.players.get(key)?)))
    }

    /// The player sessions of game session `id` that hold a slot in it.
    pub(crate) fn seated<'a>(&'a self, id: &str) -> impl Iterator<Item = &'a PlayerSession> + 'a {
        self.players_in(id)
            .map(|(_, p)| p)
            .filter(|p| holds_slot(p))
    }

    /// How many players hold a slot in game session `id`: its `CurrentPlayerSessionCount`.
    pub(crate) fn player_count(&self, id: &str) -> usize {
        self.seated(id).count()
    }

    /// Rebuilds the indexes from the records.
    pub(crate) fn reindex(&mut self) {
        self.sessions_by_fleet.clear();
        self.players_by_session.clear();
        self.players_by_player.clear();
        for (seq, id, record) in self.sessions.in_order() {
            self.sessions_by_fleet.add(record.fleet_id(), seq, id);
        }
        for (seq, id, player) in self.players.in_order() {
            let session = player.game_session_id.as_deref().unwrap_or_default();
            let player_id = player.player_id.as_deref().unwrap_or_default();
            self.players_by_session.add(session, seq, id);
            self.players_by_player.add(player_id, seq, id);
        }
    }
}
