//! `CreateGame`, `GetGame`, `ListGames`, `UpdateGame`, `DeleteGame`.

use std::collections::BTreeMap;

use gamesparks_api::types::{
    CreateGameRequest, CreateGameResult, DeleteGameRequest, DeleteGameResult, GameDetails,
    GameState, GameSummary, GetGameRequest, GetGameResult, ListGamesRequest, ListGamesResult,
    UpdateGameRequest, UpdateGameResult,
};

use super::failure::{missing_game, Failure};
use super::lifecycle::{observe, observe_all};
use super::state::{is_retry, Configuration, Game, State};
use super::{page_by_key, tags, Env};
use crate::clock::datetime;

/// `CreateGame`: a new `ACTIVE` game with an empty configuration.
///
/// A name already taken is a `ConflictException`, unless the request repeats the client
/// token of the `CreateGame` that created the game: then it answers that game.
pub(crate) fn create(
    state: &mut State,
    env: Env<'_>,
    input: CreateGameRequest,
) -> Result<CreateGameResult, Failure> {
    let name = input.game_name;
    if state
        .games
        .get(&name)
        .is_some_and(|game| game.deletion.is_some())
    {
        // A deletion that has run its course frees the name: the check reads the game.
        let _gone = observe(&mut state.games, env.clock, &name, || missing_game(&name));
    }
    if let Some(game) = state.games.get(&name) {
        if game.deletion.is_none()
            && is_retry(game.client_token.as_deref(), input.client_token.as_deref())
        {
            return Ok(CreateGameResult {
                game: Some(details(game)),
            });
        }
        return Err(Failure::Conflict(format!(
            "A game named '{name}' already exists."
        )));
    }
    let now = env.now();
    let game = Game {
        arn: env.names.arn("gamesparks", &format!("game/{name}")),
        name: name.clone(),
        description: input.description,
        created_millis: now,
        last_updated_millis: now,
        enable_termination_protection: false,
        tags: tags::initial(input.tags)?,
        client_token: input.client_token,
        deletion: None,
        configuration: Configuration {
            sections: BTreeMap::new(),
            last_updated_millis: now,
        },
        snapshots: BTreeMap::new(),
        stages: BTreeMap::new(),
    };
    let answer = details(&game);
    state.games.insert(name, game);
    Ok(CreateGameResult { game: Some(answer) })
}

/// `GetGame`: the game, its deletion moved on.
pub(crate) fn get(
    state: &mut State,
    env: Env<'_>,
    input: &GetGameRequest,
) -> Result<GetGameResult, Failure> {
    let name = &input.game_name;
    let game = observe(&mut state.games, env.clock, name, || missing_game(name))?;
    Ok(GetGameResult {
        game: Some(details(game)),
    })
}

/// `ListGames`: the games by name, their deletions moved on.
pub(crate) fn list(
    state: &mut State,
    env: Env<'_>,
    input: &ListGamesRequest,
) -> Result<ListGamesResult, Failure> {
    observe_all(&mut state.games, env.clock);
    let games = state
        .games
        .iter()
        .map(|(name, game)| (name.clone(), summary(game)))
        .collect();
    let page = page_by_key(
        games,
        "games",
        input.max_results,
        input.next_token.as_deref(),
    )?;
    Ok(ListGamesResult {
        games: Some(page.items),
        next_token: page.next_token,
    })
}

/// `UpdateGame`: sets the description.
pub(crate) fn update(
    state: &mut State,
    env: Env<'_>,
    input: UpdateGameRequest,
) -> Result<UpdateGameResult, Failure> {
    let game = state.active_game_mut(&input.game_name)?;
    if input.description.is_some() {
        game.description = input.description;
    }
    game.last_updated_millis = env.now();
    Ok(UpdateGameResult {
        game: Some(details(game)),
    })
}

/// `DeleteGame`: the game becomes `DELETING`, and is gone on the next read.
///
/// Refused with `ConflictException` while the game has termination protection or is
/// already being deleted.
pub(crate) fn delete(
    state: &mut State,
    env: Env<'_>,
    input: &DeleteGameRequest,
) -> Result<DeleteGameResult, Failure> {
    let name = &input.game_name;
    let game = state.game_mut(name)?;
    if game.deletion.is_some() {
        return Err(Failure::Conflict(format!(
            "Game '{name}' is already being deleted."
        )));
    }
    if game.enable_termination_protection {
        return Err(Failure::Conflict(format!(
            "Game '{name}' has termination protection enabled, so it cannot be deleted."
        )));
    }
    game.deletion = Some(env.clock.start());
    game.last_updated_millis = env.now();
    Ok(DeleteGameResult {})
}

/// `ACTIVE`, or `DELETING` once its deletion started.
fn game_state(game: &Game) -> GameState {
    match game.deletion {
        Some(_) => GameState::Deleting,
        None => GameState::Active,
    }
}

fn details(game: &Game) -> GameDetails {
    GameDetails {
        arn: Some(game.arn.clone()),
        created: Some(datetime(game.created_millis)),
        description: game.description.clone(),
        enable_termination_protection: Some(game.enable_termination_protection),
        last_updated: Some(datetime(game.last_updated_millis)),
        name: Some(game.name.clone()),
        state: Some(game_state(game)),
        tags: tags::out(&game.tags),
    }
}

fn summary(game: &Game) -> GameSummary {
    GameSummary {
        description: game.description.clone(),
        name: Some(game.name.clone()),
        state: Some(game_state(game)),
        tags: tags::out(&game.tags),
    }
}
