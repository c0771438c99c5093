//! FlexMatch: `StartMatchmaking`, `StartMatchBackfill`, `DescribeMatchmaking`. A ticket goes
//! `QUEUED`, `SEARCHING`, `PLACING`, `COMPLETED`, one status per read; see the module
//! documentation of [`super`] for how matches are formed and placed.

use std::collections::BTreeSet;

use gamelift_api::types::{
    DescribeMatchmakingInput, DescribeMatchmakingOutput, GameSession, GameSessionConnectionInfo,
    GameSessionStatus, MatchedPlayerSession, MatchmakingConfigurationStatus as Status,
    MatchmakingTicket, Player, PlayerSession, StartMatchBackfillInput, StartMatchBackfillOutput,
    StartMatchmakingInput, StartMatchmakingOutput,
};

use super::fault::Fault;
use super::matchdata::{match_id, matchmaker_data};
use super::sessions::{self, no_session, status_name, Hosting};
use super::state::{State, Ticket};
use super::{millis_of, players, walk, Ctx, QUEUE_TIMEOUT_SECONDS};
use crate::clock::datetime;
use crate::names::new_id;

/// The statuses a ticket goes through, in order (no player acceptance is required).
const LIFECYCLE: [Status; 4] = [
    Status::Queued,
    Status::Searching,
    Status::Placing,
    Status::Completed,
];
const PLACING: usize = 2;
const COMPLETED: usize = 3;

/// Whether the ticket has stopped being processed.
fn finished(ticket: &MatchmakingTicket) -> bool {
    matches!(
        ticket.status,
        Some(Status::Completed | Status::Failed | Status::Cancelled | Status::TimedOut)
    )
}

/// The name of a configuration given by name or ARN (`…:matchmakingconfiguration/NAME`).
fn configuration_name(reference: &str) -> String {
    reference
        .rsplit_once("matchmakingconfiguration/")
        .map_or(reference, |(_, name)| name)
        .to_owned()
}

fn configuration_arn(ctx: &Ctx<'_>, name: &str) -> String {
    ctx.names
        .arn("gamelift", &format!("matchmakingconfiguration/{name}"))
}

/// `StartMatchmaking`: a `QUEUED` ticket for the players (at least one).
pub(crate) fn start(
    state: &mut State,
    ctx: &Ctx<'_>,
    input: StartMatchmakingInput,
) -> Result<StartMatchmakingOutput, Fault> {
    if input.players.is_empty() {
        return Err(Fault::InvalidRequest(
            "a matchmaking request needs at least one player".into(),
        ));
    }
    let ticket = open(
        state,
        ctx,
        input.ticket_id,
        &input.configuration_name,
        input.players,
        None,
    )?;
    Ok(StartMatchmakingOutput {
        matchmaking_ticket: Some(ticket),
    })
}

/// `StartMatchBackfill`: a `QUEUED` ticket to fill the open slots of an `ACTIVE` game session,
/// listing the players in it; it replaces the session's earlier backfill request, if any is
/// still in progress.
pub(crate) fn backfill(
    state: &mut State,
    ctx: &Ctx<'_>,
    input: StartMatchBackfillInput,
) -> Result<StartMatchBackfillOutput, Fault> {
    let arn = input.game_session_arn;
    let position = state
        .session_position(&arn)
        .ok_or_else(|| no_session(&arn))?;
    let session = &state.game_sessions[position].session;
    if session.status != Some(GameSessionStatus::Active) {
        return Err(Fault::InvalidRequest(format!(
            "game session {arn} is {}; only an ACTIVE game session can be backfilled",
            status_name(session)
        )));
    }
    for id in input.players.iter().filter_map(|p| p.player_id.as_deref()) {
        if !state
            .seated(&arn)
            .any(|p| p.player_id.as_deref() == Some(id))
        {
            return Err(Fault::InvalidRequest(format!(
                "player {id} holds no player session in game session {arn}: Players lists \
                 the players currently in the game session"
            )));
        }
    }
    let ticket = open(
        state,
        ctx,
        input.ticket_id,
        &input.configuration_name,
        input.players,
        Some(arn.clone()),
    )?;
    for earlier in &mut state.tickets {
        if earlier.backfill.as_deref() == Some(arn.as_str())
            && earlier.ticket.ticket_id != ticket.ticket_id
            && !finished(&earlier.ticket)
        {
            earlier.ticket.status = Some(Status::Cancelled);
            earlier.ticket.end_time = Some(ctx.timestamp());
            earlier.ticket.status_message = Some(format!(
                "replaced by backfill ticket {}",
                ticket.ticket_id.as_deref().unwrap_or_default()
            ));
        }
    }
    Ok(StartMatchBackfillOutput {
        matchmaking_ticket: Some(ticket),
    })
}

/// Records a new `QUEUED` ticket (a new UUID when no id is given).
fn open(
    state: &mut State,
    ctx: &Ctx<'_>,
    ticket_id: Option<String>,
    configuration: &str,
    players: Vec<Player>,
    backfill: Option<String>,
) -> Result<MatchmakingTicket, Fault> {
    let id = ticket_id
        .filter(|id| !id.is_empty())
        .unwrap_or_else(|| new_id(""));
    if position(state, &id).is_some() {
        return Err(Fault::InvalidRequest(format!(
            "ticket id {id} is already in use; a new request needs a new ticket id"
        )));
    }
    check_players(&players)?;
    let ticket = MatchmakingTicket::builder()
        .ticket_id(id)
        .configuration_name(configuration_name(configuration))
        .status(Status::Queued)
        .start_time(ctx.timestamp())
        .players(players)
        .build();
    state.tickets.push(Ticket {
        ticket: ticket.clone(),
        progress: ctx.clock.start(),
        backfill,
    });
    Ok(ticket)
}

/// Each player has a unique id.
fn check_players(players: &[Player]) -> Result<(), Fault> {
    let mut seen = BTreeSet::new();
    for player in players {
        let Some(id) = player.player_id.as_deref() else {
            return Err(Fault::InvalidRequest(
                "each of Players needs a PlayerId".into(),
            ));
        };
        if !seen.insert(id) {
            return Err(Fault::InvalidRequest(format!(
                "player {id} is listed more than once in Players"
            )));
        }
    }
    Ok(())
}

fn position(state: &State, id: &str) -> Option<usize> {
    state
        .tickets
        .iter()
        .position(|t| t.ticket.ticket_id.as_deref() == Some(id))
}

/// `DescribeMatchmaking`: the tickets asked for that exist, each moved one read on.
pub(crate) fn describe(
    state: &mut State,
    ctx: &Ctx<'_>,
    input: DescribeMatchmakingInput,
) -> Result<DescribeMatchmakingOutput, Fault> {
    let mut positions: Vec<usize> = Vec::new();
    for position in input.ticket_ids.iter().filter_map(|id| position(state, id)) {
        if !positions.contains(&position) {
            positions.push(position);
        }
    }
    // All are moved on before any is returned: a backfill may complete another ticket.
    for &position in &positions {
        advance(state, ctx, position);
    }
    let tickets = positions
        .iter()
        .map(|&p| state.tickets[p].ticket.clone())
        .collect();
    Ok(DescribeMatchmakingOutput {
        ticket_list: Some(tickets),
    })
}

fn advance(state: &mut State, ctx: &Ctx<'_>, position: usize) {
    if finished(&state.tickets[position].ticket) {
        return;
    }
    let mut progress = state.tickets[position].progress;
    walk(ctx.clock, &mut progress, COMPLETED, |step| {
        enter(state, ctx, position, step)
    });
    state.tickets[position].progress = progress;
}

/// Moves the ticket at `position` into status `step`, if it can be.
fn enter(state: &mut State, ctx: &Ctx<'_>, position: usize, step: usize) -> bool {
    let is_backfill = state.tickets[position].backfill.is_some();
    let entered = match (step, is_backfill) {
        (PLACING, true) => take_in(state, ctx, position),
        (COMPLETED, true) => complete_backfill(state, position),
        (COMPLETED, false) => place(state, ctx, position),
        _ => true,
    };
    if !entered {
        return false;
    }
    let ticket = &mut state.tickets[position].ticket;
    ticket.status = LIFECYCLE.get(step).cloned();
    if step == COMPLETED {
        ticket.end_time = Some(ctx.timestamp());
    }
    true
}

/// Places the match of a ticket's players: a game session for exactly them on a fleet with a
/// free server process, with a player session each. `false` while no fleet can host it (and
/// when seating the players fails, which leaves the ticket `FAILED`).
fn place(state: &mut State, ctx: &Ctx<'_>, position: usize) -> bool {
    let ticket = &state.tickets[position].ticket;
    let players = ticket.players.clone().unwrap_or_default();
    let arn = configuration_arn(
        ctx,
        ticket.configuration_name.as_deref().unwrap_or_default(),
    );
    let hosting = Hosting {
        maximum: i32::try_from(players.len()).unwrap_or(i32::MAX),
        matchmaker_data: Some(matchmaker_data(&new_id(""), &arn, &players)),
        ..Hosting::default()
    };
    let Some(session) = sessions::host_anywhere(state, ctx, hosting) else {
        return false;
    };
    match players::reserve(state, ctx, session, seats(&players)) {
        Ok(placed) => {
            let info = connection(&state.game_sessions[session].session, &placed);
            state.tickets[position].ticket.game_session_connection_info = Some(info);
            true
        }
        Err(fault) => {
            let ticket = &mut state.tickets[position].ticket;
            ticket.status = Some(Status::Failed);
            ticket.end_time = Some(ctx.timestamp());
            ticket.status_message = Some(fault.to_string());
            false
        }
    }
}

/// A backfill's search: takes in the oldest unmatched ticket of the same configuration whose
/// players fit into the open slots, seats its players in the game session and completes it.
fn take_in(state: &mut State, ctx: &Ctx<'_>, position: usize) -> bool {
    let backfill = &state.tickets[position];
    let configuration = backfill.ticket.configuration_name.clone();
    let Some(session) = backfill
        .backfill
        .as_deref()
        .and_then(|arn| state.session_position(arn))
    else {
        return false;
    };
    let record = &state.game_sessions[session];
    let maximum = usize::try_from(record.session.maximum_player_session_count.unwrap_or(0));
    let open = maximum
        .unwrap_or(0)
        .saturating_sub(state.player_count(record.id()));
    let Some(partner) = state.tickets.iter().position(|t| {
        t.backfill.is_none()
            && t.ticket.configuration_name == configuration
            && matches!(t.ticket.status, Some(Status::Queued | Status::Searching))
            && t.ticket.players.as_ref().map_or(0, Vec::len) <= open
    }) else {
        return false;
    };
    let newcomers = state.tickets[partner]
        .ticket
        .players
        .clone()
        .unwrap_or_default();
    let Ok(placed) = players::reserve(state, ctx, session, seats(&newcomers)) else {
        return false;
    };
    let mut everyone = state.tickets[position]
        .ticket
        .players
        .clone()
        .unwrap_or_default();
    everyone.extend(newcomers);
    let game = &mut state.game_sessions[session].session;
    let match_id = game
        .matchmaker_data
        .as_deref()
        .and_then(match_id)
        .unwrap_or_else(|| new_id(""));
    let arn = configuration_arn(ctx, configuration.as_deref().unwrap_or_default());
    game.matchmaker_data = Some(matchmaker_data(&match_id, &arn, &everyone));
    let info = connection(game, &placed);
    let partner = &mut state.tickets[partner];
    partner.progress.step = COMPLETED;
    partner.progress.since_millis = ctx.now;
    partner.ticket.status = Some(Status::Completed);
    partner.ticket.end_time = Some(ctx.timestamp());
    partner.ticket.game_session_connection_info = Some(info);
    true
}

/// A backfill's completion: the connection info of the game session, with the player
/// sessions of the ticket's players.
fn complete_backfill(state: &mut State, position: usize) -> bool {
    let ticket = &state.tickets[position];
    let Some(arn) = ticket.backfill.as_deref() else {
        return false;
    };
    let Some(session) = state.session_position(arn) else {
        return false;
    };
    let ids: BTreeSet<&str> = ticket
        .ticket
        .players
        .iter()
        .flatten()
        .filter_map(|p| p.player_id.as_deref())
        .collect();
    let seated: Vec<PlayerSession> = state
        .seated(arn)
        .filter(|p| p.player_id.as_deref().is_some_and(|id| ids.contains(id)))
        .cloned()
        .collect();
    let info = connection(&state.game_sessions[session].session, &seated);
    state.tickets[position].ticket.game_session_connection_info = Some(info);
    true
}

fn seats(players: &[Player]) -> Vec<players::Seat> {
    players
        .iter()
        .map(|p| (p.player_id.clone().unwrap_or_default(), None))
        .collect()
}

/// How the matched players connect to `session`.
fn connection(session: &GameSession, placed: &[PlayerSession]) -> GameSessionConnectionInfo {
    GameSessionConnectionInfo {
        game_session_arn: session.game_session_id.clone(),
        ip_address: session.ip_address.clone(),
        dns_name: session.dns_name.clone(),
        port: session.port,
        matched_player_sessions: Some(
            placed
                .iter()
                .map(|p| MatchedPlayerSession {
                    player_id: p.player_id.clone(),
                    player_session_id: p.player_session_id.clone(),
                })
                .collect(),
        ),
    }
}

/// Times out the tickets unfinished after [`QUEUE_TIMEOUT_SECONDS`].
pub(crate) fn expire(state: &mut State, now: u64) {
    for record in &mut state.tickets {
        let ticket = &mut record.ticket;
        if finished(ticket) {
            continue;
        }
        let started = ticket.start_time.as_ref().map_or(now, millis_of);
        let deadline = started.saturating_add(QUEUE_TIMEOUT_SECONDS * 1000);
        if now >= deadline {
            ticket.status = Some(Status::TimedOut);
            ticket.end_time = Some(datetime(deadline));
            ticket.status_message = Some(format!(
                "no match was completed within {QUEUE_TIMEOUT_SECONDS} seconds"
            ));
        }
    }
}
