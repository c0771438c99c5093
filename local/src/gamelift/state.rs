//! [`State`]: the records GameLift keeps, and the lookups every operation shares.

use gamelift_api::types::{
    DesiredPlayerSession, FleetAttributes, FleetStatus, GameProperty, GameSession,
    GameSessionPlacement, GameSessionStatus, Instance, IpPermission, MatchmakingTicket,
    PlayerSession, PlayerSessionStatus, ProtectionPolicy, RuntimeConfiguration,
};
use serde::{Deserialize, Serialize};

use super::{matchmaking, placements, players, sessions};
use crate::clock::Progress;

/// GameLift's state: fleets, game sessions, player sessions, placements, tickets; each list in
/// the order its records were created.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct State {
    #[serde(default)]
    pub(crate) fleets: Vec<Fleet>,
    #[serde(default)]
    pub(crate) game_sessions: Vec<Session>,
    #[serde(default)]
    pub(crate) player_sessions: Vec<PlayerSession>,
    #[serde(default)]
    pub(crate) placements: Vec<Placement>,
    #[serde(default)]
    pub(crate) tickets: Vec<Ticket>,
}

/// A fleet: its attributes as `DescribeFleetAttributes` returns them (the status included),
/// where it is in its lifecycle, how it hosts game sessions, and its one instance.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Fleet {
    pub(crate) attributes: FleetAttributes,
    pub(crate) progress: Progress,
    pub(crate) runtime: Option<RuntimeConfiguration>,
    pub(crate) permissions: Vec<IpPermission>,
    /// How many server processes the instance runs: how many game sessions it can host.
    pub(crate) processes: usize,
    pub(crate) instance: Instance,
}

/// A game session: as the API returns it (`CurrentPlayerSessionCount` is counted when it is
/// returned), with what the API does not show.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Session {
    pub(crate) session: GameSession,
    pub(crate) progress: Progress,
    pub(crate) protection: ProtectionPolicy,
    /// The server process hosting the session.
    pub(crate) slot: usize,
    /// What `CreateGameSession` asked for, to compare a repeated idempotency token with; none
    /// for sessions started by a placement or a match.
    pub(crate) request: Option<SessionRequest>,
}

/// The parameters of a `CreateGameSession` request that its idempotency token stands for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct SessionRequest {
    pub(crate) maximum: i32,
    pub(crate) name: Option<String>,
    pub(crate) properties: Option<Vec<GameProperty>>,
    pub(crate) creator_id: Option<String>,
    pub(crate) data: Option<String>,
}

/// A game session placement and the players it is to create player sessions for.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Placement {
    pub(crate) placement: GameSessionPlacement,
    pub(crate) progress: Progress,
    pub(crate) desired: Vec<DesiredPlayerSession>,
}

/// A matchmaking ticket; a backfill ticket names the game session it fills.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Ticket {
    pub(crate) ticket: MatchmakingTicket,
    pub(crate) progress: Progress,
    pub(crate) backfill: Option<String>,
}

impl Fleet {
    /// The fleet's id.
    pub(crate) fn id(&self) -> &str {
        self.attributes.fleet_id.as_deref().unwrap_or_default()
    }

    /// Whether `id` names this fleet, by id or ARN.
    pub(crate) fn is(&self, id: &str) -> bool {
        self.attributes.fleet_id.as_deref() == Some(id)
            || self.attributes.fleet_arn.as_deref() == Some(id)
    }

    /// Whether the fleet can host game sessions.
    pub(crate) fn is_active(&self) -> bool {
        self.attributes.status == Some(FleetStatus::Active)
    }
}

impl Session {
    /// The session's id (its ARN).
    pub(crate) fn id(&self) -> &str {
        self.session.game_session_id.as_deref().unwrap_or_default()
    }

    /// The fleet hosting the session.
    pub(crate) fn fleet_id(&self) -> &str {
        self.session.fleet_id.as_deref().unwrap_or_default()
    }

    /// Whether the session holds its server process: `ACTIVATING` or `ACTIVE`.
    pub(crate) fn is_live(&self) -> bool {
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
    /// Applies the timeouts that run on the wall clock (see the module documentation).
    pub(crate) fn tick(&mut self, now: u64) {
        players::expire(self, now);
        sessions::expire(self, now);
        placements::expire(self, now);
        matchmaking::expire(self, now);
    }

    /// The position of the fleet named `id` (its id or ARN).
    pub(crate) fn fleet_position(&self, id: &str) -> Option<usize> {
        self.fleets.iter().position(|fleet| fleet.is(id))
    }

    /// The fleet named `id` (its id or ARN).
    pub(crate) fn fleet(&self, id: &str) -> Option<&Fleet> {
        self.fleets.iter().find(|fleet| fleet.is(id))
    }

    /// The position of the game session `id`.
    pub(crate) fn session_position(&self, id: &str) -> Option<usize> {
        self.game_sessions.iter().position(|s| s.id() == id)
    }

    /// The player sessions of game session `id` that hold a slot in it.
    pub(crate) fn seated<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a PlayerSession> {
        self.player_sessions
            .iter()
            .filter(move |p| p.game_session_id.as_deref() == Some(id) && holds_slot(p))
    }

    /// How many players hold a slot in game session `id`: its `CurrentPlayerSessionCount`.
    pub(crate) fn player_count(&self, id: &str) -> usize {
        self.seated(id).count()
    }
}
