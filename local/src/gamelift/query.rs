//! `SearchGameSessions`: the `ACTIVE` sessions of a fleet that match a filter expression, in
//! the order of a sort expression (else oldest first), at most 20 a page.

use gamelift_api::types::{
    GameSession, GameSessionStatus, SearchGameSessionsInput, SearchGameSessionsOutput,
};

use super::lifecycle::advance_session;
use super::millis_of;
use super::search::{Filter, Searchable, Sort};
use super::sessions::{self, render};
use super::state::State;
use crate::fault::Fault;
use crate::service::Cx;

/// The most sessions one page returns, whatever the `Limit`.
const MAX_PAGE: i32 = 20;

/// `SearchGameSessions`.
pub(crate) fn search(
    state: &mut State,
    cx: &Cx<'_>,
    input: SearchGameSessionsInput,
) -> Result<SearchGameSessionsOutput, Fault> {
    let fleet =
        sessions::target_fleet(state, input.fleet_id.as_deref(), input.alias_id.as_deref())?;
    let filter = input
        .filter_expression
        .as_deref()
        .map(Filter::parse)
        .transpose()
        .map_err(|e| Fault::InvalidRequest(e.to_string()))?;
    let sort = input
        .sort_expression
        .as_deref()
        .map(Sort::parse)
        .transpose()
        .map_err(|e| Fault::InvalidRequest(e.to_string()))?;
    let ids = state.sessions_on(&fleet);
    for id in &ids {
        if let Some(record) = state.sessions.get_mut(id) {
            advance_session(record, cx.clock);
        }
    }
    let mut found: Vec<GameSession> = ids
        .iter()
        .filter_map(|id| state.sessions.get(id))
        .filter(|record| record.session.status == Some(GameSessionStatus::Active))
        .map(|record| render(state, record))
        .filter(|session| filter.as_ref().is_none_or(|f| f.matches(session)))
        .collect();
    if let Some(sort) = sort {
        sort.sort(&mut found);
    }
    let limit = input.limit.map_or(MAX_PAGE, |l| l.min(MAX_PAGE));
    let page = cx.page(found, "search", Some(limit), input.next_token.as_deref())?;
    Ok(SearchGameSessionsOutput::builder()
        .set_game_sessions(Some(page.items))
        .set_next_token(page.next_token)
        .build())
}

/// A game session as search sees it, as the API returns it.
impl Searchable for GameSession {
    fn game_session_id(&self) -> Option<&str> {
        self.game_session_id.as_deref()
    }

    fn game_session_name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    fn game_session_property(&self, key: &str) -> Option<&str> {
        self.game_properties
            .iter()
            .flatten()
            .find(|property| property.key == key)
            .map(|property| property.value.as_str())
    }

    fn maximum_sessions(&self) -> Option<i64> {
        self.maximum_player_session_count.map(i64::from)
    }

    fn creation_time_millis(&self) -> Option<i64> {
        self.creation_time
            .as_ref()
            .map(|time| i64::try_from(millis_of(time)).unwrap_or(i64::MAX))
    }

    fn player_session_count(&self) -> Option<i64> {
        self.current_player_session_count.map(i64::from)
    }

    fn has_available_player_sessions(&self) -> Option<bool> {
        Some(self.current_player_session_count? < self.maximum_player_session_count?)
    }
}
