//! Game sessions: hosting one on a fleet's server process, `CreateGameSession`,
//! `UpdateGameSession`, the session lifecycle and how a session is shown.

use std::collections::BTreeSet;

use gamelift_api::types::{
    CreateGameSessionInput, CreateGameSessionOutput, GameProperty, GameSession, GameSessionStatus,
    PlayerSessionCreationPolicy, ProtectionPolicy, UpdateGameSessionInput, UpdateGameSessionOutput,
};

use super::instances;
use super::lifecycle::watch;
use super::state::{Due, Fleet, Session, SessionRequest, State};
use super::{millis_of, quotas};
use crate::fault::Fault;
use crate::names::new_id;
use crate::service::Cx;
/// The most game properties a game session holds.
const MAX_PROPERTIES: usize = 16;

/// What a new game session is started with.
#[derive(Clone, Debug, Default)]
pub(crate) struct Hosting {
    /// The custom id string ending the session's ARN; a new `gsess-` id when absent.
    pub(crate) custom_id: Option<String>,
    pub(crate) name: Option<String>,
    pub(crate) properties: Option<Vec<GameProperty>>,
    pub(crate) maximum: i32,
    pub(crate) creator_id: Option<String>,
    pub(crate) data: Option<String>,
    pub(crate) matchmaker_data: Option<String>,
    /// Whether the session starts `ACTIVE`: a placement or a match reports its session once
    /// the server process has activated it. Otherwise it starts `ACTIVATING`.
    pub(crate) active: bool,
    pub(crate) request: Option<SessionRequest>,
}

/// `NotFoundException` for a fleet.
pub(crate) fn no_fleet(id: &str) -> Fault {
    Fault::NotFound(format!("no fleet {id} exists"))
}

/// `NotFoundException` for an alias: none can exist here.
pub(crate) fn no_alias(id: &str) -> Fault {
    Fault::NotFound(format!(
        "no alias {id} exists: this service has no aliases (the model has no operation to \
         create one); reference the fleet by its FleetId"
    ))
}

/// `NotFoundException` for a game session.
pub(crate) fn no_session(id: &str) -> Fault {
    Fault::NotFound(format!("no game session {id} exists"))
}

/// The status of `session`, as text for messages.
pub(crate) fn status_name(session: &GameSession) -> &str {
    session.status.as_ref().map_or("UNKNOWN", |s| s.as_str())
}

/// The id of the fleet a request references with either a `FleetId` or an `AliasId`.
pub(crate) fn target_fleet(
    state: &State,
    fleet_id: Option<&str>,
    alias_id: Option<&str>,
) -> Result<String, Fault> {
    match (fleet_id, alias_id) {
        (Some(id), None) => state.fleet_id(id).ok_or_else(|| no_fleet(id)),
        (None, Some(alias)) => Err(no_alias(alias)),
        (Some(_), Some(_)) => Err(Fault::InvalidRequest(
            "reference either a FleetId or an AliasId, not both".into(),
        )),
        (None, None) => Err(Fault::InvalidRequest(
            "reference a fleet: specify a FleetId or an AliasId".into(),
        )),
    }
}

/// `session` as the API returns it, with its current player count.
pub(crate) fn render(state: &State, record: &Session) -> GameSession {
    let mut session = record.session.clone();
    let count = state.player_count(record.id());
    session.current_player_session_count = Some(i32::try_from(count).unwrap_or(i32::MAX));
    session
}

/// The lowest server process of `fleet` not hosting a session.
fn free_slot(state: &State, fleet: &Fleet) -> Option<usize> {
    let taken: BTreeSet<usize> = state
        .sessions_on(fleet.id())
        .iter()
        .filter_map(|id| state.sessions.get(id))
        .filter(|s| s.is_live())
        .map(|s| s.slot)
        .collect();
    (0..fleet.processes).find(|slot| !taken.contains(slot))
}

/// Starts a game session on a free server process of fleet `fleet_id`; returns the session's
/// id.
pub(crate) fn host(
    state: &mut State,
    cx: &Cx<'_>,
    fleet_id: &str,
    hosting: Hosting,
) -> Result<String, Fault> {
    let fleet = state
        .fleets
        .get(fleet_id)
        .ok_or_else(|| no_fleet(fleet_id))?;
    let slot = free_slot(state, fleet).ok_or_else(|| {
        Fault::FleetCapacityExceeded(format!(
            "all {} server processes of fleet {} host a game session",
            fleet.processes,
            fleet.id()
        ))
    })?;
    if !hosting.active {
        activation_limit(state, fleet)?;
    }
    if state.sessions_on(fleet_id).len() >= quotas::SESSIONS_PER_FLEET {
        return Err(Fault::LimitExceeded(format!(
            "fleet {fleet_id} has had {} game sessions, the most this server keeps for a fleet",
            quotas::SESSIONS_PER_FLEET
        )));
    }
    let custom_id = hosting.custom_id.unwrap_or_else(|| new_id("gsess"));
    let session = GameSession::builder()
        .game_session_id(session_arn(cx, fleet_id, &custom_id))
        .set_name(hosting.name)
        .fleet_id(fleet_id)
        .set_fleet_arn(fleet.attributes.fleet_arn.clone())
        .creation_time(cx.timestamp())
        .maximum_player_session_count(hosting.maximum)
        .status(if hosting.active {
            GameSessionStatus::Active
        } else {
            GameSessionStatus::Activating
        })
        .set_game_properties(hosting.properties)
        .set_ip_address(fleet.instance.ip_address.clone())
        .set_dns_name(fleet.instance.dns_name.clone())
        .port(instances::port(&fleet.permissions, slot))
        .player_session_creation_policy(PlayerSessionCreationPolicy::AcceptAll)
        .set_creator_id(hosting.creator_id)
        .set_game_session_data(hosting.data)
        .set_matchmaker_data(hosting.matchmaker_data)
        .location(cx.names.region())
        .build();
    let protection = fleet
        .attributes
        .new_game_session_protection_policy
        .clone()
        .unwrap_or(ProtectionPolicy::NoProtection);
    let id = state.add_session(Session {
        session,
        progress: cx.clock.start(),
        protection,
        slot,
        request: hosting.request,
    });
    watch(state, Due::Activation(id.clone()));
    Ok(id)
}

/// Starts an `ACTIVE` game session on the first `ACTIVE` fleet with a free server process
/// (the destinations of every queue: see the module documentation); `None` when there is
/// none.
pub(crate) fn host_anywhere(state: &mut State, cx: &Cx<'_>, hosting: Hosting) -> Option<String> {
    let fleet_id = state
        .fleets
        .in_order()
        .find(|(_, _, fleet)| fleet.is_active() && free_slot(state, fleet).is_some())
        .map(|(_, id, _)| id.to_owned())?;
    host(
        state,
        cx,
        &fleet_id,
        Hosting {
            active: true,
            ..hosting
        },
    )
    .ok()
}

/// The documented ARN of a game session: `arn:aws:gamelift:<region>::gamesession/<fleet
/// ID>/<custom ID string or idempotency token>`.
fn session_arn(cx: &Cx<'_>, fleet_id: &str, custom_id: &str) -> String {
    cx.names
        .arn_without_account("gamelift", &format!("gamesession/{fleet_id}/{custom_id}"))
}

/// `MaxConcurrentGameSessionActivations`: how many sessions the instance may activate at once.
fn activation_limit(state: &State, fleet: &Fleet) -> Result<(), Fault> {
    let limit = fleet
        .runtime
        .as_ref()
        .and_then(|runtime| runtime.max_concurrent_game_session_activations);
    let Some(limit) = limit.and_then(|l| usize::try_from(l).ok()) else {
        return Ok(());
    };
    let activating = state
        .sessions_on(fleet.id())
        .iter()
        .filter_map(|id| state.sessions.get(id))
        .filter(|s| s.session.status == Some(GameSessionStatus::Activating))
        .count();
    if activating >= limit {
        return Err(Fault::FleetCapacityExceeded(format!(
            "fleet {} is activating {activating} game sessions, its \
             MaxConcurrentGameSessionActivations",
            fleet.id()
        )));
    }
    Ok(())
}

/// `CreateGameSession`: a new `ACTIVATING` session on an `ACTIVE` fleet, or the session an
/// idempotency token already created.
pub(crate) fn create(
    state: &mut State,
    cx: &Cx<'_>,
    input: CreateGameSessionInput,
) -> Result<CreateGameSessionOutput, Fault> {
    let fleet_id = target_fleet(state, input.fleet_id.as_deref(), input.alias_id.as_deref())?;
    let request = SessionRequest {
        maximum: input.maximum_player_session_count,
        name: input.name.clone(),
        properties: input.game_properties.clone(),
        creator_id: input.creator_id.clone(),
        data: input.game_session_data.clone(),
    };
    let fleet = state
        .fleets
        .get(&fleet_id)
        .ok_or_else(|| no_fleet(&fleet_id))?;
    let session = match repeated(state, cx, fleet.id(), &input, &request)? {
        Some(existing) => existing,
        None => {
            if !fleet.is_active() {
                return Err(Fault::InvalidFleetStatus(format!(
                    "fleet {} is {}; game sessions can be created only on an ACTIVE fleet",
                    fleet.id(),
                    fleet
                        .attributes
                        .status
                        .as_ref()
                        .map_or("UNKNOWN", |s| s.as_str())
                )));
            }
            creation_limit(state, cx, fleet, input.creator_id.as_deref())?;
            let hosting = Hosting {
                custom_id: input.idempotency_token.or(input.game_session_id),
                name: input.name,
                properties: input.game_properties,
                maximum: input.maximum_player_session_count,
                creator_id: input.creator_id,
                data: input.game_session_data,
                matchmaker_data: None,
                active: false,
                request: Some(request),
            };
            host(state, cx, &fleet_id, hosting)?
        }
    };
    let record = state
        .sessions
        .get(&session)
        .ok_or_else(|| no_session(&session))?;
    Ok(CreateGameSessionOutput::builder()
        .game_session(render(state, record))
        .build())
}

/// The session an idempotency token (or legacy custom id) of `input` already names on the
/// fleet: the same session for the same token and parameters, else a mismatch.
fn repeated(
    state: &State,
    cx: &Cx<'_>,
    fleet_id: &str,
    input: &CreateGameSessionInput,
    request: &SessionRequest,
) -> Result<Option<String>, Fault> {
    let (custom_id, is_token) = match (&input.idempotency_token, &input.game_session_id) {
        (Some(token), _) => (token, true),
        (None, Some(custom)) => (custom, false),
        (None, None) => return Ok(None),
    };
    let id = session_arn(cx, fleet_id, custom_id);
    let Some(existing) = state.sessions.get(&id) else {
        return Ok(None);
    };
    if !is_token {
        return Err(Fault::IdempotentParameterMismatch(format!(
            "a game session with the custom ID string {custom_id} already exists in fleet \
             {fleet_id}: {id}"
        )));
    }
    if existing.request.as_ref() != Some(request) {
        return Err(Fault::IdempotentParameterMismatch(format!(
            "the IdempotencyToken {custom_id} already created game session {id} with other \
             parameters"
        )));
    }
    Ok(Some(id))
}

/// The fleet's `ResourceCreationLimitPolicy`, in force when it sets both a number of sessions
/// and a period; without a `CreatorId` there is no way to evaluate it.
fn creation_limit(
    state: &State,
    cx: &Cx<'_>,
    fleet: &Fleet,
    creator: Option<&str>,
) -> Result<(), Fault> {
    let policy = fleet.attributes.resource_creation_limit_policy.as_ref();
    let (Some(creator), Some(policy)) = (creator, policy) else {
        return Ok(());
    };
    let (Some(limit), Some(minutes)) = (
        policy.new_game_sessions_per_creator,
        policy.policy_period_in_minutes,
    ) else {
        return Ok(());
    };
    let period = u64::try_from(minutes).unwrap_or(0).saturating_mul(60_000);
    if period == 0 {
        return Ok(());
    }
    let since = cx.now.saturating_sub(period);
    let created = state
        .sessions_on(fleet.id())
        .iter()
        .filter_map(|id| state.sessions.get(id))
        .filter(|s| s.session.creator_id.as_deref() == Some(creator))
        .filter(|s| s.session.creation_time.as_ref().map_or(0, millis_of) >= since)
        .count();
    if created >= usize::try_from(limit).unwrap_or(0) {
        return Err(Fault::LimitExceeded(format!(
            "creator {creator} has created {created} game sessions on fleet {} in the last \
             {minutes} minutes: the fleet's NewGameSessionsPerCreator limit is {limit}",
            fleet.id()
        )));
    }
    Ok(())
}

/// `UpdateGameSession`: changes the mutable properties of an `ACTIVE` session.
pub(crate) fn update(
    state: &mut State,
    input: UpdateGameSessionInput,
) -> Result<UpdateGameSessionOutput, Fault> {
    let id = input.game_session_id.as_str();
    let seated = state.player_count(id);
    let record = state.sessions.get_mut(id).ok_or_else(|| no_session(id))?;
    if record.session.status != Some(GameSessionStatus::Active) {
        return Err(Fault::InvalidGameSessionStatus(format!(
            "game session {id} is {}; only an ACTIVE game session can be updated",
            status_name(&record.session)
        )));
    }
    // Every check before any change: a refused update changes nothing.
    if let Some(maximum) = input.maximum_player_session_count {
        if usize::try_from(maximum).unwrap_or(0) < seated {
            return Err(Fault::Conflict(format!(
                "game session {id} holds {seated} player sessions: MaximumPlayerSessionCount \
                 {maximum} is below that"
            )));
        }
    }
    let merged = input
        .game_properties
        .map(|properties| merge(record.session.game_properties.as_deref(), properties, id))
        .transpose()?;
    if let Some(maximum) = input.maximum_player_session_count {
        record.session.maximum_player_session_count = Some(maximum);
    }
    if let Some(merged) = merged {
        record.session.game_properties = Some(merged);
    }
    if let Some(name) = input.name {
        record.session.name = Some(name);
    }
    if let Some(policy) = input.player_session_creation_policy {
        record.session.player_session_creation_policy = Some(policy);
    }
    if let Some(protection) = input.protection_policy {
        record.protection = protection;
    }
    let record = state.sessions.get(id).ok_or_else(|| no_session(id))?;
    Ok(UpdateGameSessionOutput::builder()
        .game_session(render(state, record))
        .build())
}

/// `current` with `changes` applied: new keys are added, existing ones get the new value; no
/// property is ever removed.
fn merge(
    current: Option<&[GameProperty]>,
    changes: Vec<GameProperty>,
    id: &str,
) -> Result<Vec<GameProperty>, Fault> {
    let mut merged = current.unwrap_or_default().to_vec();
    for change in changes {
        match merged.iter_mut().find(|p| p.key == change.key) {
            Some(existing) => existing.value = change.value,
            None => merged.push(change),
        }
    }
    if merged.len() > MAX_PROPERTIES {
        return Err(Fault::InvalidRequest(format!(
            "game session {id} would have {} game properties; the most is {MAX_PROPERTIES}",
            merged.len()
        )));
    }
    Ok(merged)
}
