//! `CreateGame`, `GetGame`, `ListGames`, `UpdateGame`, `DeleteGame`.

use std::collections::BTreeMap;

use gamesparks_api::types::{
    CreateGameRequest, CreateGameResult, DeleteGameRequest, DeleteGameResult, GameDetails,
    GameState, GameSummary, GetGameRequest, GetGameResult, ListGamesRequest, ListGamesResult,
    UpdateGameRequest, UpdateGameResult,
};

use super::lifecycle::{observe_game, observe_games};
use super::state::{is_retry, missing_game, Configuration, Game, State};
use super::{quotas, tags};
use crate::clock::datetime;
use crate::fault::Fault;
use crate::service::Cx;

/// `CreateGame`: a new `ACTIVE` game with an empty configuration.
///
/// A name already taken is a `ConflictException`, unless the request repeats the client
/// token of the `CreateGame` that created the game: then it answers that game.
pub(crate) fn create(
    state: &mut State,
    cx: &Cx<'_>,
    input: CreateGameRequest,
) -> Result<CreateGameResult, Fault> {
    let name = input.game_name;
    if state
        .games
        .get(&name)
        .is_some_and(|game| game.deletion.is_some())
    {
        // A deletion that has run its course frees the name: the check reads the game.
        let _gone = observe_game(state, cx.clock, &name);
    }
    if let Some(game) = state.games.get(&name) {
        if game.deletion.is_none()
            && is_retry(game.client_token.as_deref(), input.client_token.as_deref())
        {
            return Ok(CreateGameResult::builder().game(details(game)).build());
        }
        return Err(Fault::Conflict(format!(
            "A game named '{name}' already exists."
        )));
    }
    if state.games.len() >= quotas::GAMES {
        return Err(Fault::LimitExceeded(format!(
            "The account has {} games, the most it can have.",
            quotas::GAMES
        )));
    }
    let now = cx.now;
    let game = Game {
        arn: cx.names.arn("gamesparks", &format!("game/{name}")),
        name: name.clone(),
        description: input.description,
        created_millis: now,
        last_updated_millis: now,
        enable_termination_protection: false,
        tags: tags::initial(input.tags)?,
        client_token: input.client_token,
        deletion: None,
    };
    let answer = details(&game);
    let configuration = Configuration {
        sections: BTreeMap::new(),
        last_updated_millis: now,
    };
    state.configurations.insert(name.clone(), configuration);
    state.games.insert(name, game);
    Ok(CreateGameResult::builder().game(answer).build())
}

/// `GetGame`: the game, its deletion moved on.
pub(crate) fn get(
    state: &mut State,
    cx: &Cx<'_>,
    input: &GetGameRequest,
) -> Result<GetGameResult, Fault> {
    let name = &input.game_name;
    observe_game(state, cx.clock, name)?;
    let game = state.game(name)?;
    Ok(GetGameResult::builder().game(details(game)).build())
}

/// `ListGames`: the games by name, their deletions moved on.
pub(crate) fn list(
    state: &mut State,
    cx: &Cx<'_>,
    input: &ListGamesRequest,
) -> Result<ListGamesResult, Fault> {
    observe_games(state, cx.clock);
    let games = state
        .games
        .iter()
        .map(|(name, game)| (name.to_owned(), summary(game)))
        .collect();
    let page = cx.page_by_key(
        games,
        "games",
        input.max_results,
        input.next_token.as_deref(),
    )?;
    Ok(ListGamesResult::builder()
        .set_games(Some(page.items))
        .set_next_token(page.next_token)
        .build())
}

/// `UpdateGame`: sets the description.
pub(crate) fn update(
    state: &mut State,
    cx: &Cx<'_>,
    input: UpdateGameRequest,
) -> Result<UpdateGameResult, Fault> {
    let game = state.active_game_mut(&input.game_name)?;
    if input.description.is_some() {
        game.description = input.description;
    }
    game.last_updated_millis = cx.now;
    Ok(UpdateGameResult::builder().game(details(game)).build())
}

/// `DeleteGame`: the game becomes `DELETING`, and is gone on the next read.
///
/// Refused with `ConflictException` while the game has termination protection or is
/// already being deleted.
pub(crate) fn delete(
    state: &mut State,
    cx: &Cx<'_>,
    input: &DeleteGameRequest,
) -> Result<DeleteGameResult, Fault> {
    let name = &input.game_name;
    let game = state
        .games
        .get_mut(name)
        .ok_or_else(|| missing_game(name))?;
    if game.deletion.is_some() {
        return Err(Fault::Conflict(format!(
            "Game '{name}' is already being deleted."
        )));
    }
    if game.enable_termination_protection {
        return Err(Fault::Conflict(format!(
            "Game '{name}' has termination protection enabled, so it cannot be deleted."
        )));
    }
    game.deletion = Some(cx.clock.start());
    game.last_updated_millis = cx.now;
    Ok(DeleteGameResult::builder().build())
}

/// `ACTIVE`, or `DELETING` once its deletion started.
fn game_state(game: &Game) -> GameState {
    match game.deletion {
        Some(_) => GameState::Deleting,
        None => GameState::Active,
    }
}

fn details(game: &Game) -> GameDetails {
    GameDetails::builder()
        .arn(game.arn.clone())
        .created(datetime(game.created_millis))
        .set_description(game.description.clone())
        .enable_termination_protection(game.enable_termination_protection)
        .last_updated(datetime(game.last_updated_millis))
        .name(game.name.clone())
        .state(game_state(game))
        .set_tags(tags::out(&game.tags))
        .build()
}

fn summary(game: &Game) -> GameSummary {
    GameSummary::builder()
        .set_description(game.description.clone())
        .name(game.name.clone())
        .state(game_state(game))
        .set_tags(tags::out(&game.tags))
        .build()
}
