//! Player sessions: reserving slots in a game session (`CreatePlayerSession`,
//! `CreatePlayerSessions`, placements and matches), their timeout, and
//! `DescribePlayerSessions`.

use std::collections::BTreeSet;

use gamelift_api::types::{
    CreatePlayerSessionInput, CreatePlayerSessionOutput, CreatePlayerSessionsInput,
    CreatePlayerSessionsOutput, DescribePlayerSessionsInput, DescribePlayerSessionsOutput,
    GameSessionStatus, PlayerSession, PlayerSessionCreationPolicy, PlayerSessionStatus,
};

use super::lifecycle::watch;
use super::sessions::{no_session, status_name};
use super::state::{Due, State};
use super::{paged_in_order, quotas, status_filter};
use crate::fault::Fault;
use crate::names::new_id;
use crate::service::Cx;

/// A player to reserve a slot for, with their player data.
pub(crate) type Seat = (String, Option<String>);

/// Reserves a slot for each of `seats` in game session `id`: all of them or, with the
/// documented error, none.
pub(crate) fn reserve(
    state: &mut State,
    cx: &Cx<'_>,
    id: &str,
    seats: Vec<Seat>,
) -> Result<Vec<PlayerSession>, Fault> {
    let session = &state
        .sessions
        .get(id)
        .ok_or_else(|| no_session(id))?
        .session;
    let id = id.to_owned();
    if session.status != Some(GameSessionStatus::Active) {
        return Err(Fault::InvalidGameSessionStatus(format!(
            "game session {id} is {}; player sessions can be created only in an ACTIVE game \
             session",
            status_name(session)
        )));
    }
    if session.player_session_creation_policy == Some(PlayerSessionCreationPolicy::DenyAll) {
        return Err(Fault::InvalidGameSessionStatus(format!(
            "game session {id} does not accept new players: its PlayerSessionCreationPolicy \
             is DENY_ALL"
        )));
    }
    distinct(&seats)?;
    if let Some(seated) = state.seated(&id).find(|p| {
        seats
            .iter()
            .any(|(player, _)| p.player_id.as_ref() == Some(player))
    }) {
        return Err(Fault::InvalidRequest(format!(
            "player {} already holds player session {} in game session {id}",
            seated.player_id.as_deref().unwrap_or_default(),
            seated.player_session_id.as_deref().unwrap_or_default()
        )));
    }
    let ever = state.players_in(&id).count();
    if ever + seats.len() > quotas::PLAYERS_PER_SESSION {
        return Err(Fault::GameSessionFull(format!(
            "game session {id} has had {ever} player sessions; this server keeps at most {} \
             for a game session",
            quotas::PLAYERS_PER_SESSION
        )));
    }
    let taken = state.player_count(&id);
    let maximum = usize::try_from(session.maximum_player_session_count.unwrap_or(0)).unwrap_or(0);
    if taken + seats.len() > maximum {
        return Err(Fault::GameSessionFull(format!(
            "game session {id} has {} of its {maximum} player slots open; {} were asked for",
            maximum.saturating_sub(taken),
            seats.len()
        )));
    }
    let created: Vec<PlayerSession> = seats
        .into_iter()
        .map(|(player_id, player_data)| {
            PlayerSession::builder()
                .player_session_id(new_id("psess"))
                .player_id(player_id)
                .game_session_id(id.as_str())
                .set_fleet_id(session.fleet_id.clone())
                .creation_time(cx.timestamp())
                .status(PlayerSessionStatus::Reserved)
                .set_ip_address(session.ip_address.clone())
                .set_dns_name(session.dns_name.clone())
                .set_port(session.port)
                .set_player_data(player_data)
                .build()
        })
        .collect();
    for player in &created {
        state.add_player(player.clone());
        let key = player.player_session_id.clone().unwrap_or_default();
        watch(state, Due::Reservation(key));
    }
    Ok(created)
}

/// Each player once: a list of player ids is a list of unique identifiers.
fn distinct(seats: &[Seat]) -> Result<(), Fault> {
    let mut seen = BTreeSet::new();
    match seats
        .iter()
        .find(|(player, _)| !seen.insert(player.as_str()))
    {
        Some((player, _)) => Err(Fault::InvalidRequest(format!(
            "player {player} is listed more than once; each player takes one slot"
        ))),
        None => Ok(()),
    }
}

/// `CreatePlayerSession`.
pub(crate) fn create_one(
    state: &mut State,
    cx: &Cx<'_>,
    input: CreatePlayerSessionInput,
) -> Result<CreatePlayerSessionOutput, Fault> {
    let created = reserve(
        state,
        cx,
        &input.game_session_id,
        vec![(input.player_id, input.player_data)],
    )?;
    Ok(CreatePlayerSessionOutput::builder()
        .set_player_session(created.into_iter().next())
        .build())
}

/// `CreatePlayerSessions`: all of the players or none; `PlayerDataMap` entries for players
/// not in `PlayerIds` are ignored.
pub(crate) fn create_many(
    state: &mut State,
    cx: &Cx<'_>,
    input: CreatePlayerSessionsInput,
) -> Result<CreatePlayerSessionsOutput, Fault> {
    let mut data = input.player_data_map.unwrap_or_default();
    let seats = input
        .player_ids
        .into_iter()
        .map(|player| {
            let player_data = data.remove(&player);
            (player, player_data)
        })
        .collect();
    let created = reserve(state, cx, &input.game_session_id, seats)?;
    Ok(CreatePlayerSessionsOutput::builder()
        .set_player_sessions(Some(created))
        .build())
}

/// `DescribePlayerSessions`: by exactly one of player session, game session or player,
/// filtered by status; paging does not apply to a single player session.
pub(crate) fn describe(
    state: &State,
    cx: &Cx<'_>,
    input: DescribePlayerSessionsInput,
) -> Result<DescribePlayerSessionsOutput, Fault> {
    let filter = status_filter::<PlayerSessionStatus>(
        input.player_session_status_filter.as_deref(),
        "PlayerSessionStatusFilter",
        PlayerSessionStatus::VALUES,
    )?;
    let wanted = |p: &PlayerSession| filter.is_none() || p.status == filter;
    let found: Vec<(u64, PlayerSession)> = match (
        &input.player_session_id,
        &input.game_session_id,
        &input.player_id,
    ) {
        (Some(id), None, None) => {
            let player = state
                .players
                .get(id)
                .ok_or_else(|| Fault::NotFound(format!("no player session {id} exists")))?;
            let single = Some(player).filter(|p| wanted(p)).cloned();
            return Ok(DescribePlayerSessionsOutput::builder()
                .set_player_sessions(Some(single.into_iter().collect()))
                .build());
        }
        (None, Some(id), None) => {
            if !state.sessions.contains_key(id) {
                return Err(no_session(id));
            }
            state
                .players_in(id)
                .filter(|(_, p)| wanted(p))
                .map(|(seq, p)| (seq, p.clone()))
                .collect()
        }
        (None, None, Some(id)) => state
            .players_of(id)
            .filter(|(_, p)| wanted(p))
            .map(|(seq, p)| (seq, p.clone()))
            .collect(),
        _ => {
            return Err(Fault::InvalidRequest(
                "specify exactly one of PlayerSessionId, GameSessionId or PlayerId".into(),
            ))
        }
    };
    let token = input.next_token.as_deref();
    let page = paged_in_order(cx, found, "playersessions", input.limit, token)?;
    Ok(DescribePlayerSessionsOutput::builder()
        .set_player_sessions(Some(page.items))
        .set_next_token(page.next_token)
        .build())
}
