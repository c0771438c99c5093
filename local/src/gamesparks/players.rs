//! `GetPlayerConnectionStatus`, `DisconnectPlayer`: players' connections to a stage's game
//! runtime.
//!
//! Players connect over WebSockets, which the API does not do: no operation opens a
//! connection. A stage's connections here are the ones its state holds
//! ([`Stage::connections`](super::Stage::connections), by player id), put there with
//! [`Runner::edit`](crate::Runner::edit).
//! `GetPlayerConnectionStatus` lists a player's connections (none when the player is not
//! connected); `DisconnectPlayer` closes them all and answers their ids as successes (closing
//! an in-memory connection cannot fail, so there are no failures).

use gamesparks_api::types::{
    Connection, DisconnectPlayerRequest, DisconnectPlayerResult, GetPlayerConnectionStatusRequest,
    GetPlayerConnectionStatusResult,
};

use super::state::State;
use crate::clock::datetime;
use crate::fault::Fault;

/// `GetPlayerConnectionStatus`: the player's open connections to the stage.
pub(crate) fn status(
    state: &State,
    input: &GetPlayerConnectionStatusRequest,
) -> Result<GetPlayerConnectionStatusResult, Fault> {
    let stage = state.stage(&input.game_name, &input.stage_name)?;
    let connections = stage
        .connections
        .get(&input.player_id)
        .map(|connections| {
            connections
                .iter()
                .map(|c| {
                    Connection::builder()
                        .created(datetime(c.created_millis))
                        .id(c.id.clone())
                        .build()
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(GetPlayerConnectionStatusResult::builder()
        .set_connections(Some(connections))
        .build())
}

/// `DisconnectPlayer`: closes every connection the player has to the stage.
pub(crate) fn disconnect(
    state: &mut State,
    input: &DisconnectPlayerRequest,
) -> Result<DisconnectPlayerResult, Fault> {
    let stage = state.stage_mut(&input.game_name, &input.stage_name)?;
    let closed = stage
        .connections
        .remove(&input.player_id)
        .unwrap_or_default();
    Ok(DisconnectPlayerResult::builder()
        .set_disconnect_failures(Some(Vec::new()))
        .set_disconnect_successes(Some(closed.into_iter().map(|c| c.id).collect()))
        .build())
}
