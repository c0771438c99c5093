//! Game session placements: `StartGameSessionPlacement`, `DescribeGameSessionPlacement`,
//! `StopGameSessionPlacement`; a placement is `PENDING` until a read finds it a fleet, then
//! `FULFILLED`.

use std::collections::BTreeSet;

use gamelift_api::types::{
    DescribeGameSessionPlacementInput, DescribeGameSessionPlacementOutput, GameSessionPlacement,
    GameSessionPlacementState, PlacedPlayerSession, StartGameSessionPlacementInput,
    StartGameSessionPlacementOutput, StopGameSessionPlacementInput, StopGameSessionPlacementOutput,
};

use super::lifecycle::{walk, watch};
use super::sessions::{self, Hosting};
use super::state::{Due, Placement, State};
use super::{players, quotas};
use crate::fault::Fault;
use crate::service::Cx;

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
    cx: &Cx<'_>,
    input: StartGameSessionPlacementInput,
) -> Result<StartGameSessionPlacementOutput, Fault> {
    let id = input.placement_id.as_str();
    let earlier = state.placements.get(id);
    if let Some(earlier) = earlier {
        let earlier = &earlier.placement;
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
    if earlier.is_none() && state.placements.len() >= quotas::PLACEMENTS {
        return Err(Fault::InvalidRequest(format!(
            "the account has {} game session placements, the most this server keeps",
            quotas::PLACEMENTS
        )));
    }
    let desired = input.desired_player_sessions.unwrap_or_default();
    check_players(&desired, input.maximum_player_session_count)?;
    // The earlier placement with the id goes only once the new one is sure to be made.
    state.placements.remove(id);
    let placement = GameSessionPlacement::builder()
        .placement_id(id)
        .game_session_queue_name(input.game_session_queue_name)
        .status(GameSessionPlacementState::Pending)
        .set_game_properties(input.game_properties)
        .maximum_player_session_count(input.maximum_player_session_count)
        .set_game_session_name(input.game_session_name)
        .set_player_latencies(input.player_latencies)
        .start_time(cx.timestamp())
        .set_game_session_data(input.game_session_data)
        .build();
    state.placements.insert(
        id.to_owned(),
        Placement {
            placement: placement.clone(),
            progress: cx.clock.start(),
            desired,
        },
    );
    watch(state, Due::Placement(id.to_owned()));
    Ok(StartGameSessionPlacementOutput::builder()
        .game_session_placement(placement)
        .build())
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

/// `DescribeGameSessionPlacement`: the placement, moved one read on.
pub(crate) fn describe(
    state: &mut State,
    cx: &Cx<'_>,
    input: DescribeGameSessionPlacementInput,
) -> Result<DescribeGameSessionPlacementOutput, Fault> {
    let id = input.placement_id.as_str();
    let record = state.placements.get(id).ok_or_else(|| no_placement(id))?;
    if record.placement.status == Some(GameSessionPlacementState::Pending) {
        let mut progress = record.progress;
        walk(cx.clock, &mut progress, FULFILLED_STEP, |_| {
            fulfil(state, cx, id)
        });
        if let Some(record) = state.placements.get_mut(id) {
            record.progress = progress;
        }
    }
    let record = state.placements.get(id).ok_or_else(|| no_placement(id))?;
    Ok(DescribeGameSessionPlacementOutput::builder()
        .game_session_placement(record.placement.clone())
        .build())
}

/// Places the game session of placement `id` on a fleet with a free server process, with its
/// player sessions; `false` while there is none.
fn fulfil(state: &mut State, cx: &Cx<'_>, id: &str) -> bool {
    let Some(record) = state.placements.get(id) else {
        return false;
    };
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
    let Some(session) = sessions::host_anywhere(state, cx, hosting) else {
        return false;
    };
    let placed = players::reserve(state, cx, &session, seats);
    let Some(game_session) = state.sessions.get(&session).map(|r| r.session.clone()) else {
        return false;
    };
    let Some(record) = state.placements.get_mut(id) else {
        return false;
    };
    let placement = &mut record.placement;
    placement.end_time = Some(cx.timestamp());
    let Ok(placed) = placed else {
        placement.status = Some(GameSessionPlacementState::Failed);
        return true;
    };
    placement.status = Some(GameSessionPlacementState::Fulfilled);
    placement.game_session_id = game_session.game_session_id.clone();
    placement.game_session_arn = game_session.game_session_id;
    placement.game_session_region = Some(cx.names.region().to_owned());
    placement.ip_address = game_session.ip_address;
    placement.dns_name = game_session.dns_name;
    placement.port = game_session.port;
    placement.placed_player_sessions = Some(
        placed
            .into_iter()
            .map(|p| {
                PlacedPlayerSession::builder()
                    .set_player_id(p.player_id)
                    .set_player_session_id(p.player_session_id)
                    .build()
            })
            .collect(),
    );
    true
}

/// `StopGameSessionPlacement`: cancels a `PENDING` placement.
pub(crate) fn stop(
    state: &mut State,
    cx: &Cx<'_>,
    input: StopGameSessionPlacementInput,
) -> Result<StopGameSessionPlacementOutput, Fault> {
    let id = input.placement_id.as_str();
    let record = state
        .placements
        .get_mut(id)
        .ok_or_else(|| no_placement(id))?;
    let placement = &mut record.placement;
    if placement.status != Some(GameSessionPlacementState::Pending) {
        return Err(Fault::InvalidRequest(format!(
            "placement {id} is {}; only a PENDING placement can be stopped",
            status_name(placement)
        )));
    }
    placement.status = Some(GameSessionPlacementState::Cancelled);
    placement.end_time = Some(cx.timestamp());
    Ok(StopGameSessionPlacementOutput::builder()
        .game_session_placement(placement.clone())
        .build())
}
