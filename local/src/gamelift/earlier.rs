//! GameLift's part of an earlier local-services' state file (layout 0): its records in lists,
//! in the order they were created.

use gamelift_api::types::PlayerSession;
use serde::Deserialize;

use super::state::{Fleet, Placement, Session, State, Ticket};

/// `{"gamelift": {...}}` of the earlier file.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Earlier {
    fleets: Vec<Fleet>,
    game_sessions: Vec<Session>,
    player_sessions: Vec<PlayerSession>,
    placements: Vec<Placement>,
    tickets: Vec<Ticket>,
}

/// Adds the records of `file["gamelift"]` to `state`, in their order.
pub(crate) fn carry_over(state: &mut State, file: &serde_json::Value) -> Result<(), String> {
    let Some(part) = file.get("gamelift") else {
        return Ok(());
    };
    let earlier = Earlier::deserialize(part).map_err(|e| format!("its GameLift state: {e}"))?;
    for fleet in earlier.fleets {
        state.fleets.insert(fleet.id().to_owned(), fleet);
    }
    for session in earlier.game_sessions {
        state.add_session(session);
    }
    for player in earlier.player_sessions {
        state.add_player(player);
    }
    for placement in earlier.placements {
        let id = placement.placement.placement_id.clone().unwrap_or_default();
        state.placements.insert(id, placement);
    }
    for ticket in earlier.tickets {
        let id = ticket.ticket.ticket_id.clone().unwrap_or_default();
        state.tickets.insert(id, ticket);
    }
    Ok(())
}
