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

use super::lifecycle::{finished, walk, watch};
use super::matchdata::{match_id, matchmaker_data};
use super::sessions::{self, no_session, status_name, Hosting};
use super::state::{Due, State, Ticket};
use super::{players, quotas};
use crate::fault::Fault;
use crate::names::new_id;
use crate::service::Cx;

/// The statuses a ticket goes through, in order (no player acceptance is required).
const LIFECYCLE: [Status; 4] = [
    Status::Queued,
    Status::Searching,
    Status::Placing,
    Status::Completed,
];
const PLACING: usize = 2;
const COMPLETED: usize = 3;

/// The name of a configuration given by name or ARN (`…:matchmakingconfiguration/NAME`).
fn configuration_name(reference: &str) -> String {
    reference
        .rsplit_once("matchmakingconfiguration/")
        .map_or(reference, |(_, name)| name)
        .to_owned()
}

fn configuration_arn(cx: &Cx<'_>, name: &str) -> String {
    cx.names
        .arn("gamelift", &format!("matchmakingconfiguration/{name}"))
}

/// `StartMatchmaking`: a `QUEUED` ticket for the players (at least one).
pub(crate) fn start(
    state: &mut State,
    cx: &Cx<'_>,
    input: StartMatchmakingInput,
) -> Result<StartMatchmakingOutput, Fault> {
    if input.players.is_empty() {
        return Err(Fault::InvalidRequest(
            "a matchmaking request needs at least one player".into(),
        ));
    }
    let ticket = open(
        state,
        cx,
        input.ticket_id,
        &input.configuration_name,
        input.players,
        None,
    )?;
    Ok(StartMatchmakingOutput::builder()
        .matchmaking_ticket(ticket)
        .build())
}

/// `StartMatchBackfill`: a `QUEUED` ticket to fill the open slots of an `ACTIVE` game session,
/// listing the players in it; it replaces the session's earlier backfill request, if any is
/// still in progress.
pub(crate) fn backfill(
    state: &mut State,
    cx: &Cx<'_>,
    input: StartMatchBackfillInput,
) -> Result<StartMatchBackfillOutput, Fault> {
    let arn = input.game_session_arn;
    let session = &state
        .sessions
        .get(&arn)
        .ok_or_else(|| no_session(&arn))?
        .session;
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
        cx,
        input.ticket_id,
        &input.configuration_name,
        input.players,
        Some(arn.clone()),
    )?;
    let replaced: Vec<String> = state
        .tickets
        .iter()
        .filter(|(_, earlier)| {
            earlier.backfill.as_deref() == Some(arn.as_str())
                && earlier.ticket.ticket_id != ticket.ticket_id
                && !finished(earlier.ticket.status.as_ref())
        })
        .map(|(id, _)| id.to_owned())
        .collect();
    for id in replaced {
        if let Some(earlier) = state.tickets.get_mut(&id) {
            earlier.ticket.status = Some(Status::Cancelled);
            earlier.ticket.end_time = Some(cx.timestamp());
            earlier.ticket.status_message = Some(format!(
                "replaced by backfill ticket {}",
                ticket.ticket_id.as_deref().unwrap_or_default()
            ));
        }
    }
    Ok(StartMatchBackfillOutput::builder()
        .matchmaking_ticket(ticket)
        .build())
}

/// Records a new `QUEUED` ticket (a new UUID when no id is given).
fn open(
    state: &mut State,
    cx: &Cx<'_>,
    ticket_id: Option<String>,
    configuration: &str,
    players: Vec<Player>,
    backfill: Option<String>,
) -> Result<MatchmakingTicket, Fault> {
    let id = ticket_id
        .filter(|id| !id.is_empty())
        .unwrap_or_else(|| new_id(""));
    if state.tickets.contains_key(&id) {
        return Err(Fault::InvalidRequest(format!(
            "ticket id {id} is already in use; a new request needs a new ticket id"
        )));
    }
    check_players(&players)?;
    if state.tickets.len() >= quotas::TICKETS {
        return Err(Fault::InvalidRequest(format!(
            "the account has {} matchmaking tickets, the most this server keeps",
            quotas::TICKETS
        )));
    }
    let ticket = MatchmakingTicket::builder()
        .ticket_id(id.clone())
        .configuration_name(configuration_name(configuration))
        .status(Status::Queued)
        .start_time(cx.timestamp())
        .set_players(Some(players))
        .build();
    state.tickets.insert(
        id.clone(),
        Ticket {
            ticket: ticket.clone(),
            progress: cx.clock.start(),
            backfill,
        },
    );
    watch(state, Due::Ticket(id));
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

/// `DescribeMatchmaking`: the tickets asked for that exist, each moved one read on.
pub(crate) fn describe(
    state: &mut State,
    cx: &Cx<'_>,
    input: DescribeMatchmakingInput,
) -> Result<DescribeMatchmakingOutput, Fault> {
    let mut ids: Vec<&str> = Vec::new();
    for id in &input.ticket_ids {
        if state.tickets.contains_key(id) && !ids.contains(&id.as_str()) {
            ids.push(id);
        }
    }
    // All are moved on before any is returned: a backfill may complete another ticket.
    for id in &ids {
        advance(state, cx, id);
    }
    let tickets = ids
        .iter()
        .filter_map(|id| state.tickets.get(id))
        .map(|t| t.ticket.clone())
        .collect();
    Ok(DescribeMatchmakingOutput::builder()
        .set_ticket_list(Some(tickets))
        .build())
}

fn advance(state: &mut State, cx: &Cx<'_>, id: &str) {
    let Some(record) = state.tickets.get(id) else {
        return;
    };
    if finished(record.ticket.status.as_ref()) {
        return;
    }
    let mut progress = record.progress;
    walk(cx.clock, &mut progress, COMPLETED, |step| {
        enter(state, cx, id, step)
    });
    if let Some(record) = state.tickets.get_mut(id) {
        record.progress = progress;
    }
}

/// Moves ticket `id` into status `step`, if it can be.
fn enter(state: &mut State, cx: &Cx<'_>, id: &str, step: usize) -> bool {
    let is_backfill = state.tickets.get(id).is_some_and(|t| t.backfill.is_some());
    let entered = match (step, is_backfill) {
        (PLACING, true) => take_in(state, cx, id),
        (COMPLETED, true) => complete_backfill(state, id),
        (COMPLETED, false) => place(state, cx, id),
        _ => true,
    };
    let Some(record) = state.tickets.get_mut(id).filter(|_| entered) else {
        return false;
    };
    let ticket = &mut record.ticket;
    ticket.status = LIFECYCLE.get(step).cloned();
    if step == COMPLETED {
        ticket.end_time = Some(cx.timestamp());
    }
    true
}

/// Places the match of a ticket's players: a game session for exactly them on a fleet with a
/// free server process, with a player session each. `false` while no fleet can host it (and
/// when seating the players fails, which leaves the ticket `FAILED`).
fn place(state: &mut State, cx: &Cx<'_>, id: &str) -> bool {
    let Some(ticket) = state.tickets.get(id).map(|t| &t.ticket) else {
        return false;
    };
    let players = ticket.players.clone().unwrap_or_default();
    let arn = configuration_arn(cx, ticket.configuration_name.as_deref().unwrap_or_default());
    let hosting = Hosting {
        maximum: i32::try_from(players.len()).unwrap_or(i32::MAX),
        matchmaker_data: Some(matchmaker_data(&new_id(""), &arn, &players)),
        ..Hosting::default()
    };
    let Some(session) = sessions::host_anywhere(state, cx, hosting) else {
        return false;
    };
    let placed = players::reserve(state, cx, &session, seats(&players));
    let game = state.sessions.get(&session).map(|r| r.session.clone());
    let Some(record) = state.tickets.get_mut(id) else {
        return false;
    };
    match (placed, game) {
        (Ok(placed), Some(game)) => {
            record.ticket.game_session_connection_info = Some(connection(&game, &placed));
            true
        }
        (Err(fault), _) => {
            let ticket = &mut record.ticket;
            ticket.status = Some(Status::Failed);
            ticket.end_time = Some(cx.timestamp());
            ticket.status_message = Some(fault.to_string());
            false
        }
        (Ok(_), None) => false,
    }
}

/// A backfill's search: takes in the oldest unmatched ticket of the same configuration whose
/// players fit into the open slots, seats its players in the game session and completes it.
fn take_in(state: &mut State, cx: &Cx<'_>, id: &str) -> bool {
    let Some(backfill) = state.tickets.get(id) else {
        return false;
    };
    let configuration = backfill.ticket.configuration_name.clone();
    let Some(session) = backfill
        .backfill
        .clone()
        .filter(|arn| state.sessions.contains_key(arn))
    else {
        return false;
    };
    let Some(record) = state.sessions.get(&session) else {
        return false;
    };
    let maximum = usize::try_from(record.session.maximum_player_session_count.unwrap_or(0));
    let open = maximum
        .unwrap_or(0)
        .saturating_sub(state.player_count(record.id()));
    let Some((partner, newcomers)) = state.tickets.in_order().find_map(|(_, key, t)| {
        let fits = t.backfill.is_none()
            && t.ticket.configuration_name == configuration
            && matches!(t.ticket.status, Some(Status::Queued | Status::Searching))
            && t.ticket.players.as_ref().map_or(0, Vec::len) <= open;
        fits.then(|| (key.to_owned(), t.ticket.players.clone().unwrap_or_default()))
    }) else {
        return false;
    };
    let Ok(placed) = players::reserve(state, cx, &session, seats(&newcomers)) else {
        return false;
    };
    let mut everyone = state
        .tickets
        .get(id)
        .and_then(|t| t.ticket.players.clone())
        .unwrap_or_default();
    everyone.extend(newcomers);
    let Some(game) = state.sessions.get_mut(&session).map(|r| &mut r.session) else {
        return false;
    };
    let match_id = game
        .matchmaker_data
        .as_deref()
        .and_then(match_id)
        .unwrap_or_else(|| new_id(""));
    let arn = configuration_arn(cx, configuration.as_deref().unwrap_or_default());
    game.matchmaker_data = Some(matchmaker_data(&match_id, &arn, &everyone));
    let info = connection(game, &placed);
    let Some(partner) = state.tickets.get_mut(&partner) else {
        return false;
    };
    partner.progress.step = COMPLETED;
    partner.progress.since_millis = cx.now;
    partner.ticket.status = Some(Status::Completed);
    partner.ticket.end_time = Some(cx.timestamp());
    partner.ticket.game_session_connection_info = Some(info);
    true
}

/// A backfill's completion: the connection info of the game session, with the player
/// sessions of the ticket's players.
fn complete_backfill(state: &mut State, id: &str) -> bool {
    let Some(ticket) = state.tickets.get(id) else {
        return false;
    };
    let Some(arn) = ticket.backfill.as_deref() else {
        return false;
    };
    let Some(session) = state.sessions.get(arn) else {
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
    let info = connection(&session.session, &seated);
    if let Some(record) = state.tickets.get_mut(id) {
        record.ticket.game_session_connection_info = Some(info);
    }
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
    GameSessionConnectionInfo::builder()
        .set_game_session_arn(session.game_session_id.clone())
        .set_ip_address(session.ip_address.clone())
        .set_dns_name(session.dns_name.clone())
        .set_port(session.port)
        .set_matched_player_sessions(Some(
            placed
                .iter()
                .map(|p| {
                    MatchedPlayerSession::builder()
                        .set_player_id(p.player_id.clone())
                        .set_player_session_id(p.player_session_id.clone())
                        .build()
                })
                .collect(),
        ))
        .build()
}
