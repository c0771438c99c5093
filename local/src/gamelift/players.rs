//! Player sessions: reserving slots in a game session (`CreatePlayerSession`,
//! `CreatePlayerSessions`, placements and matches), their timeout, and
//! `DescribePlayerSessions`.

use std::collections::BTreeSet;

use gamelift_api::types::{
    CreatePlayerSessionInput, CreatePlayerSessionOutput, CreatePlayerSessionsInput,
    CreatePlayerSessionsOutput, DescribePlayerSessionsInput, DescribePlayerSessionsOutput,
    GameSessionStatus, PlayerSession, PlayerSessionCreationPolicy, PlayerSessionStatus,
};

use super::fault::Fault;
use super::sessions::{no_session, status_name};
use super::state::State;
use super::{millis_of, paged_in_order, status_filter, Ctx};
use crate::clock::datetime;
use crate::names::new_id;

/// How long a `RESERVED` player session waits for its player to connect: 60 seconds, as
/// documented. Players never connect to this service's game servers, so every reservation
/// ends `TIMEDOUT` once it has passed.
pub(crate) const RESERVATION_TIMEOUT_MILLIS: u64 = 60_000;

/// A player to reserve a slot for, with their player data.
pub(crate) type Seat = (String, Option<String>);

/// Ends the reservations older than [`RESERVATION_TIMEOUT_MILLIS`]: `TIMEDOUT`, their slot free.
pub(crate) fn expire(state: &mut State, now: u64) {
    for player in &mut state.player_sessions {
        if player.status != Some(PlayerSessionStatus::Reserved) {
            continue;
        }
        let created = player.creation_time.as_ref().map_or(now, millis_of);
        let deadline = created.saturating_add(RESERVATION_TIMEOUT_MILLIS);
        if now >= deadline {
            player.status = Some(PlayerSessionStatus::Timedout);
            player.termination_time = Some(datetime(deadline));
        }
    }
}

/// Reserves a slot for each of `seats` in the game session at `position`: all of them or,
/// with the documented error, none.
pub(crate) fn reserve(
    state: &mut State,
    ctx: &Ctx<'_>,
    position: usize,
    seats: Vec<Seat>,
) -> Result<Vec<PlayerSession>, Fault> {
    let session = &state.game_sessions[position].session;
    let id = session.game_session_id.clone().unwrap_or_default();
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
                .creation_time(ctx.timestamp())
                .status(PlayerSessionStatus::Reserved)
                .set_ip_address(session.ip_address.clone())
                .set_dns_name(session.dns_name.clone())
                .set_port(session.port)
                .set_player_data(player_data)
                .build()
        })
        .collect();
    state.player_sessions.extend(created.iter().cloned());
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

/// The position of the game session a player session request is for.
fn session_position(state: &State, id: &str) -> Result<usize, Fault> {
    state.session_position(id).ok_or_else(|| no_session(id))
}

/// `CreatePlayerSession`.
pub(crate) fn create_one(
    state: &mut State,
    ctx: &Ctx<'_>,
    input: CreatePlayerSessionInput,
) -> Result<CreatePlayerSessionOutput, Fault> {
    let position = session_position(state, &input.game_session_id)?;
    let created = reserve(
        state,
        ctx,
        position,
        vec![(input.player_id, input.player_data)],
    )?;
    Ok(CreatePlayerSessionOutput {
        player_session: created.into_iter().next(),
    })
}

/// `CreatePlayerSessions`: all of the players or none; `PlayerDataMap` entries for players
/// not in `PlayerIds` are ignored.
pub(crate) fn create_many(
    state: &mut State,
    ctx: &Ctx<'_>,
    input: CreatePlayerSessionsInput,
) -> Result<CreatePlayerSessionsOutput, Fault> {
    let position = session_position(state, &input.game_session_id)?;
    let mut data = input.player_data_map.unwrap_or_default();
    let seats = input
        .player_ids
        .into_iter()
        .map(|player| {
            let player_data = data.remove(&player);
            (player, player_data)
        })
        .collect();
    let created = reserve(state, ctx, position, seats)?;
    Ok(CreatePlayerSessionsOutput {
        player_sessions: Some(created),
    })
}

/// `DescribePlayerSessions`: by exactly one of player session, game session or player,
/// filtered by status; paging does not apply to a single player session.
pub(crate) fn describe(
    state: &State,
    input: DescribePlayerSessionsInput,
) -> Result<DescribePlayerSessionsOutput, Fault> {
    let filter = status_filter::<PlayerSessionStatus>(
        input.player_session_status_filter.as_deref(),
        "PlayerSessionStatusFilter",
        PlayerSessionStatus::VALUES,
    )?;
    let wanted = |p: &PlayerSession| filter.is_none() || p.status == filter;
    let all = state.player_sessions.iter().enumerate();
    let found: Vec<(usize, PlayerSession)> = match (
        &input.player_session_id,
        &input.game_session_id,
        &input.player_id,
    ) {
        (Some(id), None, None) => {
            let (_, player) = all
                .clone()
                .find(|(_, p)| p.player_session_id.as_ref() == Some(id))
                .ok_or_else(|| Fault::NotFound(format!("no player session {id} exists")))?;
            let single = Some(player)
                .filter(|p| wanted(p))
                .cloned()
                .into_iter()
                .collect();
            return Ok(DescribePlayerSessionsOutput {
                player_sessions: Some(single),
                next_token: None,
            });
        }
        (None, Some(id), None) => {
            session_position(state, id)?;
            all.filter(|(_, p)| p.game_session_id.as_ref() == Some(id) && wanted(p))
                .map(|(i, p)| (i, p.clone()))
                .collect()
        }
        (None, None, Some(id)) => all
            .filter(|(_, p)| p.player_id.as_ref() == Some(id) && wanted(p))
            .map(|(i, p)| (i, p.clone()))
            .collect(),
        _ => {
            return Err(Fault::InvalidRequest(
                "specify exactly one of PlayerSessionId, GameSessionId or PlayerId".into(),
            ))
        }
    };
    let page = paged_in_order(
        found,
        "playersessions",
        input.limit,
        input.next_token.as_deref(),
    )?;
    Ok(DescribePlayerSessionsOutput {
        player_sessions: Some(page.items),
        next_token: page.next_token,
    })
}
