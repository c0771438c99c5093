//! Game session placements: `StartGameSessionPlacement`, `DescribeGameSessionPlacement`,
//! `StopGameSessionPlacement`; a placement is `PENDING` until a read finds it a fleet, then
//! `FULFILLED`.

use std::collections::BTreeSet;

use gamelift_api::types::{
    DescribeGameSessionPlacementInput, DescribeGameSessionPlacementOutput, GameSessionPlacement,
    GameSessionPlacementState, PlacedPlayerSession, StartGameSessionPlacementInput,
    StartGameSessionPlacementOutput, StopGameSessionPlacementInput, StopGameSessionPlacementOutput,
};

use super::fault::Fault;
use super::sessions::{self, Hosting};
use super::state::{Placement, State};
use super::{millis_of, players, walk, Ctx, QUEUE_TIMEOUT_SECONDS};
use crate::clock::datetime;

/// A placement's lifecycle: `PENDING` (0), then `FULFILLED` (1).
const FULFILLED_STEP: usize = 1;

fn no_placement(id: &str) -> Fault {
    Fault::NotFound(format!("no game session placement {id} exists"))
}

fn status_name(placement: &GameSessionPlacement) -> &str {
    placement.status.as_ref().map_or("UNKNOWN", |s| s.as_str())
}

/// `StartGameSessionPlacement`: a new `PENDING` placement. Its id may be reused only once an
/// earlier placement with it was cancelled or timed out.
pub(crate) fn start(
    state: &mut State,
    ctx: &Ctx<'_>,
    input: StartGameSessionPlacementInput,
) -> Result<StartGameSessionPlacementOutput, Fault> {
    let id = input.placement_id.as_str();
    let earlier = position(state, id);
    if let Some(position) = earlier {
        let earlier = &state.placements[position].placement;
        if !matches!(
            earlier.status,
            Some(GameSessionPlacementState::Cancelled | GameSessionPlacementState::TimedOut)
        ) {
            return Err(Fault::InvalidRequest(format!(
                "placement id {id} is taken by a {} placement; only the id of a cancelled \
                 or timed-out placement can be reused",
                status_name(earlier)
            )));
        }
    }
    let desired = input.desired_player_sessions.unwrap_or_default();
    check_players(&desired, input.maximum_player_session_count)?;
    // The earlier placement with the id goes only once the new one is sure to be made.
    if let Some(position) = earlier {
        state.placements.remove(position);
    }
    let placement = GameSessionPlacement::builder()
        .placement_id(id)
        .game_session_queue_name(input.game_session_queue_name)
        .status(GameSessionPlacementState::Pending)
        .set_game_properties(input.game_properties)
        .maximum_player_session_count(input.maximum_player_session_count)
        .set_game_session_name(input.game_session_name)
        .set_player_latencies(input.player_latencies)
        .start_time(ctx.timestamp())
        .set_game_session_data(input.game_session_data)
        .build();
    state.placements.push(Placement {
        placement: placement.clone(),
        progress: ctx.clock.start(),
        desired,
    });
    Ok(StartGameSessionPlacementOutput {
        game_session_placement: Some(placement),
    })
}

/// Each desired player has a unique id, and they fit into the new game session.
fn check_players(
    desired: &[gamelift_api::types::DesiredPlayerSession],
    maximum: i32,
) -> Result<(), Fault> {
    let mut seen = BTreeSet::new();
    for player in desired {
        let Some(id) = player.player_id.as_deref() else {
            return Err(Fault::InvalidRequest(
                "each of DesiredPlayerSessions needs a PlayerId".into(),
            ));
        };
        if !seen.insert(id) {
            return Err(Fault::InvalidRequest(format!(
                "player {id} is listed more than once in DesiredPlayerSessions"
            )));
        }
    }
    if desired.len() > usize::try_from(maximum).unwrap_or(0) {
        return Err(Fault::InvalidRequest(format!(
            "{} desired player sessions do not fit into a game session of at most {maximum} \
             players",
            desired.len()
        )));
    }
    Ok(())
}

fn position(state: &State, id: &str) -> Option<usize> {
    state
        .placements
        .iter()
        .position(|p| p.placement.placement_id.as_deref() == Some(id))
}

/// `DescribeGameSessionPlacement`: the placement, moved one read on.
pub(crate) fn describe(
    state: &mut State,
    ctx: &Ctx<'_>,
    input: DescribeGameSessionPlacementInput,
) -> Result<DescribeGameSessionPlacementOutput, Fault> {
    let id = input.placement_id.as_str();
    let position = position(state, id).ok_or_else(|| no_placement(id))?;
    if state.placements[position].placement.status == Some(GameSessionPlacementState::Pending) {
        let mut progress = state.placements[position].progress;
        walk(ctx.clock, &mut progress, FULFILLED_STEP, |_| {
            fulfil(state, ctx, position)
        });
        state.placements[position].progress = progress;
    }
    Ok(DescribeGameSessionPlacementOutput {
        game_session_placement: Some(state.placements[position].placement.clone()),
    })
}

/// Places the game session of the placement at `position` on a fleet with a free server
/// process, with its player sessions; `false` while there is none.
fn fulfil(state: &mut State, ctx: &Ctx<'_>, position: usize) -> bool {
    let record = &state.placements[position];
    let hosting = Hosting {
        name: record.placement.game_session_name.clone(),
        properties: record.placement.game_properties.clone(),
        maximum: record.placement.maximum_player_session_count.unwrap_or(0),
        data: record.placement.game_session_data.clone(),
        ..Hosting::default()
    };
    let seats = record
        .desired
        .iter()
        .map(|d| {
            (
                d.player_id.clone().unwrap_or_default(),
                d.player_data.clone(),
            )
        })
        .collect();
    let Some(session) = sessions::host_anywhere(state, ctx, hosting) else {
        return false;
    };
    let placed = players::reserve(state, ctx, session, seats);
    let game_session = state.game_sessions[session].session.clone();
    let placement = &mut state.placements[position].placement;
    placement.end_time = Some(ctx.timestamp());
    let Ok(placed) = placed else {
        placement.status = Some(GameSessionPlacementState::Failed);
        return true;
    };
    placement.status = Some(GameSessionPlacementState::Fulfilled);
    placement.game_session_id = game_session.game_session_id.clone();
    placement.game_session_arn = game_session.game_session_id;
    placement.game_session_region = Some(ctx.names.region().to_owned());
    placement.ip_address = game_session.ip_address;
    placement.dns_name = game_session.dns_name;
    placement.port = game_session.port;
    placement.placed_player_sessions = Some(
        placed
            .into_iter()
            .map(|p| PlacedPlayerSession {
                player_id: p.player_id,
                player_session_id: p.player_session_id,
            })
            .collect(),
    );
    true
}

/// `StopGameSessionPlacement`: cancels a `PENDING` placement.
pub(crate) fn stop(
    state: &mut State,
    ctx: &Ctx<'_>,
    input: StopGameSessionPlacementInput,
) -> Result<StopGameSessionPlacementOutput, Fault> {
    let id = input.placement_id.as_str();
    let position = position(state, id).ok_or_else(|| no_placement(id))?;
    let placement = &mut state.placements[position].placement;
    if placement.status != Some(GameSessionPlacementState::Pending) {
        return Err(Fault::InvalidRequest(format!(
            "placement {id} is {}; only a PENDING placement can be stopped",
            status_name(placement)
        )));
    }
    placement.status = Some(GameSessionPlacementState::Cancelled);
    placement.end_time = Some(ctx.timestamp());
    Ok(StopGameSessionPlacementOutput {
        game_session_placement: Some(placement.clone()),
    })
}

/// Times out the placements `PENDING` for longer than [`QUEUE_TIMEOUT_SECONDS`].
pub(crate) fn expire(state: &mut State, now: u64) {
    for record in &mut state.placements {
        let placement = &mut record.placement;
        if placement.status != Some(GameSessionPlacementState::Pending) {
            continue;
        }
        let started = placement.start_time.as_ref().map_or(now, millis_of);
        let deadline = started.saturating_add(QUEUE_TIMEOUT_SECONDS * 1000);
        if now >= deadline {
            placement.status = Some(GameSessionPlacementState::TimedOut);
            placement.end_time = Some(datetime(deadline));
        }
    }
}
