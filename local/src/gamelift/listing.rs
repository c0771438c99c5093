//! `DescribeGameSessions` and `DescribeGameSessionDetails`: game sessions by id, fleet or
//! alias, filtered by status, one page at a time.

use gamelift_api::types::{
    DescribeGameSessionDetailsInput, DescribeGameSessionDetailsOutput, DescribeGameSessionsInput,
    DescribeGameSessionsOutput, GameSessionDetail, GameSessionStatus,
};

use super::fault::Fault;
use super::sessions::{self, no_alias, no_fleet, no_session, render};
use super::state::State;
use super::{paged_in_order, status_filter, Ctx};
use crate::page::Page;

/// What both operations select by.
struct Selection<'a> {
    game_session_id: Option<&'a str>,
    fleet_id: Option<&'a str>,
    alias_id: Option<&'a str>,
    status_filter: Option<&'a str>,
    limit: Option<i32>,
    next_token: Option<&'a str>,
}

/// `DescribeGameSessions`.
pub(crate) fn describe(
    state: &mut State,
    ctx: &Ctx<'_>,
    input: DescribeGameSessionsInput,
) -> Result<DescribeGameSessionsOutput, Fault> {
    let selection = Selection {
        game_session_id: input.game_session_id.as_deref(),
        fleet_id: input.fleet_id.as_deref(),
        alias_id: input.alias_id.as_deref(),
        status_filter: input.status_filter.as_deref(),
        limit: input.limit,
        next_token: input.next_token.as_deref(),
    };
    let page = select(state, ctx, &selection, "gamesessions")?;
    let sessions = page
        .items
        .iter()
        .map(|&p| render(state, &state.game_sessions[p]))
        .collect();
    Ok(DescribeGameSessionsOutput {
        game_sessions: Some(sessions),
        next_token: page.next_token,
    })
}

/// `DescribeGameSessionDetails`: the sessions with their protection policies.
pub(crate) fn details(
    state: &mut State,
    ctx: &Ctx<'_>,
    input: DescribeGameSessionDetailsInput,
) -> Result<DescribeGameSessionDetailsOutput, Fault> {
    let selection = Selection {
        game_session_id: input.game_session_id.as_deref(),
        fleet_id: input.fleet_id.as_deref(),
        alias_id: input.alias_id.as_deref(),
        status_filter: input.status_filter.as_deref(),
        limit: input.limit,
        next_token: input.next_token.as_deref(),
    };
    let page = select(state, ctx, &selection, "gamesessiondetails")?;
    let details = page
        .items
        .iter()
        .map(|&p| {
            let record = &state.game_sessions[p];
            GameSessionDetail {
                game_session: Some(render(state, record)),
                protection_policy: Some(record.protection.clone()),
            }
        })
        .collect();
    Ok(DescribeGameSessionDetailsOutput {
        game_session_details: Some(details),
        next_token: page.next_token,
    })
}

/// The positions of the selected sessions on the page asked for. The sessions selected are
/// moved one read on before the status filter applies.
fn select(
    state: &mut State,
    ctx: &Ctx<'_>,
    selection: &Selection<'_>,
    list: &str,
) -> Result<Page<usize>, Fault> {
    let filter = status_filter::<GameSessionStatus>(
        selection.status_filter,
        "StatusFilter",
        GameSessionStatus::VALUES,
    )?;
    let positions = match (
        selection.game_session_id,
        selection.fleet_id,
        selection.alias_id,
    ) {
        (Some(id), None, None) => vec![state.session_position(id).ok_or_else(|| no_session(id))?],
        (None, Some(fleet), None) => {
            let fleet = state.fleet(fleet).ok_or_else(|| no_fleet(fleet))?;
            sessions::on_fleet(state, fleet.id())
        }
        (None, None, Some(alias)) => return Err(no_alias(alias)),
        _ => {
            return Err(Fault::InvalidRequest(
                "specify exactly one of GameSessionId, FleetId or AliasId".into(),
            ))
        }
    };
    for &p in &positions {
        sessions::advance(&mut state.game_sessions[p], ctx);
    }
    let kept = positions
        .into_iter()
        .filter(|&p| filter.is_none() || state.game_sessions[p].session.status == filter)
        .map(|p| (p, p))
        .collect();
    paged_in_order(kept, list, selection.limit, selection.next_token)
}
