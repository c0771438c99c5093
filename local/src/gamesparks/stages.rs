//! `CreateStage`, `GetStage`, `ListStages`, `UpdateStage`, `DeleteStage`.

use std::collections::BTreeMap;

use gamesparks_api::types::{
    CreateStageRequest, CreateStageResult, DeleteStageRequest, DeleteStageResult, GetStageRequest,
    GetStageResult, ListStagesRequest, ListStagesResult, StageDetails, StageState, StageSummary,
    UpdateStageRequest, UpdateStageResult,
};

use super::failure::{missing_stage, Failure};
use super::lifecycle::{observe, observe_all};
use super::state::{is_retry, Stage, State};
use super::{page_by_key, tags, Env};
use crate::clock::datetime;
use crate::names::new_id;

/// `CreateStage`: a new `ACTIVE` stage of an active game, with its game key and log group
/// (`/aws/gamesparks/{game}/{stage}`, under the prefix the GameSparks role policy grants).
///
/// A stage name the game already has is a `ConflictException`, unless the request repeats
/// the client token of the `CreateStage` that created the stage.
pub(crate) fn create(
    state: &mut State,
    env: Env<'_>,
    input: CreateStageRequest,
) -> Result<CreateStageResult, Failure> {
    let game = state.active_game_mut(&input.game_name)?;
    let name = input.stage_name;
    if game
        .stages
        .get(&name)
        .is_some_and(|stage| stage.deletion.is_some())
    {
        // A deletion that has run its course frees the name: the check reads the stage.
        let _gone = observe(&mut game.stages, env.clock, &name, || {
            missing_stage(&game.name, &name)
        });
    }
    if let Some(stage) = game.stages.get(&name) {
        if stage.deletion.is_none()
            && is_retry(stage.client_token.as_deref(), input.client_token.as_deref())
        {
            return Ok(CreateStageResult {
                stage: Some(details(stage)),
            });
        }
        return Err(Failure::Conflict(format!(
            "Game '{}' already has a stage named '{name}'.",
            game.name
        )));
    }
    let now = env.now();
    let stage = Stage {
        arn: env
            .names
            .arn("gamesparks", &format!("game/{}/stage/{name}", game.name)),
        name: name.clone(),
        role: input.role,
        description: input.description,
        created_millis: now,
        last_updated_millis: now,
        game_key: new_id("").replace('-', ""),
        log_group: format!("/aws/gamesparks/{}/{name}", game.name),
        tags: tags::initial(input.tags)?,
        client_token: input.client_token,
        deletion: None,
        deployments: Vec::new(),
        connections: BTreeMap::new(),
    };
    let answer = details(&stage);
    game.stages.insert(name, stage);
    Ok(CreateStageResult {
        stage: Some(answer),
    })
}

/// `GetStage`: the stage, its deletion moved on.
pub(crate) fn get(
    state: &mut State,
    env: Env<'_>,
    input: &GetStageRequest,
) -> Result<GetStageResult, Failure> {
    let (game, name) = (&input.game_name, &input.stage_name);
    let stages = &mut state.game_mut(game)?.stages;
    let stage = observe(stages, env.clock, name, || missing_stage(game, name))?;
    Ok(GetStageResult {
        stage: Some(details(stage)),
    })
}

/// `ListStages`: the game's stages by name, their deletions moved on.
pub(crate) fn list(
    state: &mut State,
    env: Env<'_>,
    input: &ListStagesRequest,
) -> Result<ListStagesResult, Failure> {
    let stages = &mut state.game_mut(&input.game_name)?.stages;
    observe_all(stages, env.clock);
    let summaries = stages
        .iter()
        .map(|(name, stage)| (name.clone(), summary(stage)))
        .collect();
    let page = page_by_key(
        summaries,
        "stages",
        input.max_results,
        input.next_token.as_deref(),
    )?;
    Ok(ListStagesResult {
        next_token: page.next_token,
        stages: Some(page.items),
    })
}

/// `UpdateStage`: sets the role and the description.
pub(crate) fn update(
    state: &mut State,
    env: Env<'_>,
    input: UpdateStageRequest,
) -> Result<UpdateStageResult, Failure> {
    let game = state.active_game_mut(&input.game_name)?;
    let stage = game.stage_mut(&input.stage_name)?;
    if stage.deletion.is_some() {
        return Err(deleting(&input.game_name, &input.stage_name));
    }
    if let Some(role) = input.role {
        stage.role = role;
    }
    if input.description.is_some() {
        stage.description = input.description;
    }
    stage.last_updated_millis = env.now();
    Ok(UpdateStageResult {
        stage: Some(details(stage)),
    })
}

/// `DeleteStage`: the stage becomes `DELETING`, and is gone on the next read; refused with
/// `ConflictException` while it is already being deleted.
pub(crate) fn delete(
    state: &mut State,
    env: Env<'_>,
    input: &DeleteStageRequest,
) -> Result<DeleteStageResult, Failure> {
    let stage = state
        .game_mut(&input.game_name)?
        .stage_mut(&input.stage_name)?;
    if stage.deletion.is_some() {
        return Err(deleting(&input.game_name, &input.stage_name));
    }
    stage.deletion = Some(env.clock.start());
    stage.last_updated_millis = env.now();
    Ok(DeleteStageResult {})
}

/// The refusal to change a stage that is being deleted.
pub(crate) fn deleting(game: &str, stage: &str) -> Failure {
    Failure::Conflict(format!(
        "Stage '{stage}' of game '{game}' is being deleted."
    ))
}

/// `ACTIVE`, or `DELETING` once its deletion started.
fn stage_state(stage: &Stage) -> StageState {
    match stage.deletion {
        Some(_) => StageState::Deleting,
        None => StageState::Active,
    }
}

fn details(stage: &Stage) -> StageDetails {
    StageDetails {
        arn: Some(stage.arn.clone()),
        created: Some(datetime(stage.created_millis)),
        description: stage.description.clone(),
        game_key: Some(stage.game_key.clone()),
        last_updated: Some(datetime(stage.last_updated_millis)),
        log_group: Some(stage.log_group.clone()),
        name: Some(stage.name.clone()),
        role: Some(stage.role.clone()),
        state: Some(stage_state(stage)),
        tags: tags::out(&stage.tags),
    }
}

fn summary(stage: &Stage) -> StageSummary {
    StageSummary {
        description: stage.description.clone(),
        game_key: Some(stage.game_key.clone()),
        name: Some(stage.name.clone()),
        state: Some(stage_state(stage)),
        tags: tags::out(&stage.tags),
    }
}
