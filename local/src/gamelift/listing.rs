//! `DescribeGameSessions` and `DescribeGameSessionDetails`: game sessions by id, fleet or
//! alias, filtered by status, one page at a time.

use gamelift_api::types::{
    DescribeGameSessionDetailsInput, DescribeGameSessionDetailsOutput, DescribeGameSessionsInput,
    DescribeGameSessionsOutput, GameSessionDetail, GameSessionStatus,
};

use super::lifecycle::advance_session;
use super::sessions::{no_alias, no_fleet, no_session, render};
use super::state::State;
use super::{paged_in_order, status_filter};
use crate::fault::Fault;
use crate::page::Page;
use crate::service::Cx;

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
    cx: &Cx<'_>,
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
    let page = select(state, cx, &selection, "gamesessions")?;
    let sessions = page
        .items
        .iter()
        .filter_map(|id| state.sessions.get(id))
        .map(|record| render(state, record))
        .collect();
    Ok(DescribeGameSessionsOutput::builder()
        .set_game_sessions(Some(sessions))
        .set_next_token(page.next_token)
        .build())
}

/// `DescribeGameSessionDetails`: the sessions with their protection policies.
pub(crate) fn details(
    state: &mut State,
    cx: &Cx<'_>,
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
    let page = select(state, cx, &selection, "gamesessiondetails")?;
    let details = page
        .items
        .iter()
        .filter_map(|id| state.sessions.get(id))
        .map(|record| {
            GameSessionDetail::builder()
                .game_session(render(state, record))
                .protection_policy(record.protection.clone())
                .build()
        })
        .collect();
    Ok(DescribeGameSessionDetailsOutput::builder()
        .set_game_session_details(Some(details))
        .set_next_token(page.next_token)
        .build())
}

/// The ids of the selected sessions on the page asked for. The sessions selected are moved
/// one read on before the status filter applies.
fn select(
    state: &mut State,
    cx: &Cx<'_>,
    selection: &Selection<'_>,
    list: &str,
) -> Result<Page<String>, Fault> {
    let filter = status_filter::<GameSessionStatus>(
        selection.status_filter,
        "StatusFilter",
        GameSessionStatus::VALUES,
    )?;
    let ids = match (
        selection.game_session_id,
        selection.fleet_id,
        selection.alias_id,
    ) {
        (Some(id), None, None) if state.sessions.contains_key(id) => vec![id.to_owned()],
        (Some(id), None, None) => return Err(no_session(id)),
        (None, Some(fleet), None) => {
            let fleet = state.fleet_id(fleet).ok_or_else(|| no_fleet(fleet))?;
            state.sessions_on(&fleet)
        }
        (None, None, Some(alias)) => return Err(no_alias(alias)),
        _ => {
            return Err(Fault::InvalidRequest(
                "specify exactly one of GameSessionId, FleetId or AliasId".into(),
            ))
        }
    };
    let mut kept = Vec::with_capacity(ids.len());
    for id in ids {
        let Some(record) = state.sessions.get_mut(&id) else {
            continue;
        };
        advance_session(record, cx.clock);
        if filter.is_none() || record.session.status == filter {
            let seq = state.sessions.seq(&id).unwrap_or(0);
            kept.push((seq, id));
        }
    }
    paged_in_order(cx, kept, list, selection.limit, selection.next_token)
}
