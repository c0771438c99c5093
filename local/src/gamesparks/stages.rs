//! `CreateStage`, `GetStage`, `ListStages`, `UpdateStage`, `DeleteStage`.

use std::collections::BTreeMap;

use gamesparks_api::types::{
    CreateStageRequest, CreateStageResult, DeleteStageRequest, DeleteStageResult, GetStageRequest,
    GetStageResult, ListStagesRequest, ListStagesResult, StageDetails, StageState, StageSummary,
    UpdateStageRequest, UpdateStageResult,
};

use super::lifecycle::{observe_stage, observe_stages};
use super::state::{child_key, children_of, is_retry, Stage, State};
use super::{quotas, tags};
use crate::clock::datetime;
use crate::fault::Fault;
use crate::names::new_id;
use crate::service::Cx;

/// `CreateStage`: a new `ACTIVE` stage of an active game, with its game key and log group
/// (`/aws/gamesparks/{game}/{stage}`, under the prefix the GameSparks role policy grants).
///
/// A stage name the game already has is a `ConflictException`, unless the request repeats
/// the client token of the `CreateStage` that created the stage.
pub(crate) fn create(
    state: &mut State,
    cx: &Cx<'_>,
    input: CreateStageRequest,
) -> Result<CreateStageResult, Fault> {
    let game = state.active_game(&input.game_name)?.name.clone();
    let name = input.stage_name;
    let key = child_key(&game, &name);
    if state
        .stages
        .get(&key)
        .is_some_and(|stage| stage.deletion.is_some())
    {
        // A deletion that has run its course frees the name: the check reads the stage.
        let _gone = observe_stage(state, cx.clock, &game, &name);
    }
    if let Some(stage) = state.stages.get(&key) {
        if stage.deletion.is_none()
            && is_retry(stage.client_token.as_deref(), input.client_token.as_deref())
        {
            return Ok(CreateStageResult::builder().stage(details(stage)).build());
        }
        return Err(Fault::Conflict(format!(
            "Game '{game}' already has a stage named '{name}'."
        )));
    }
    if State::count_children(&state.stages, &game) >= quotas::STAGES_PER_GAME {
        return Err(Fault::LimitExceeded(format!(
            "Game '{game}' has {} stages, the most a game can have.",
            quotas::STAGES_PER_GAME
        )));
    }
    let now = cx.now;
    let stage = Stage {
        arn: cx
            .names
            .arn("gamesparks", &format!("game/{game}/stage/{name}")),
        name: name.clone(),
        role: input.role,
        description: input.description,
        created_millis: now,
        last_updated_millis: now,
        game_key: new_id("").replace('-', ""),
        log_group: format!("/aws/gamesparks/{game}/{name}"),
        tags: tags::initial(input.tags)?,
        client_token: input.client_token,
        deletion: None,
        deployments: Vec::new(),
        connections: BTreeMap::new(),
    };
    let answer = details(&stage);
    state.stages.insert(key, stage);
    Ok(CreateStageResult::builder().stage(answer).build())
}

/// `GetStage`: the stage, its deletion moved on.
pub(crate) fn get(
    state: &mut State,
    cx: &Cx<'_>,
    input: &GetStageRequest,
) -> Result<GetStageResult, Fault> {
    let (game, name) = (&input.game_name, &input.stage_name);
    observe_stage(state, cx.clock, game, name)?;
    let stage = state.stage(game, name)?;
    Ok(GetStageResult::builder().stage(details(stage)).build())
}

/// `ListStages`: the game's stages by name, their deletions moved on.
pub(crate) fn list(
    state: &mut State,
    cx: &Cx<'_>,
    input: &ListStagesRequest,
) -> Result<ListStagesResult, Fault> {
    let game = &input.game_name;
    state.game(game)?;
    observe_stages(state, cx.clock, game);
    let summaries = state
        .stages
        .prefixed(&children_of(game))
        .map(|(_, stage)| (stage.name.clone(), summary(stage)))
        .collect();
    let page = cx.page_by_key(
        summaries,
        "stages",
        input.max_results,
        input.next_token.as_deref(),
    )?;
    Ok(ListStagesResult::builder()
        .set_next_token(page.next_token)
        .set_stages(Some(page.items))
        .build())
}

/// `UpdateStage`: sets the role and the description.
pub(crate) fn update(
    state: &mut State,
    cx: &Cx<'_>,
    input: UpdateStageRequest,
) -> Result<UpdateStageResult, Fault> {
    state.active_game(&input.game_name)?;
    let stage = state.stage_mut(&input.game_name, &input.stage_name)?;
    if stage.deletion.is_some() {
        return Err(deleting(&input.game_name, &input.stage_name));
    }
    if let Some(role) = input.role {
        stage.role = role;
    }
    if input.description.is_some() {
        stage.description = input.description;
    }
    stage.last_updated_millis = cx.now;
    Ok(UpdateStageResult::builder().stage(details(stage)).build())
}

/// `DeleteStage`: the stage becomes `DELETING`, and is gone on the next read; refused with
/// `ConflictException` while it is already being deleted.
pub(crate) fn delete(
    state: &mut State,
    cx: &Cx<'_>,
    input: &DeleteStageRequest,
) -> Result<DeleteStageResult, Fault> {
    let stage = state.stage_mut(&input.game_name, &input.stage_name)?;
    if stage.deletion.is_some() {
        return Err(deleting(&input.game_name, &input.stage_name));
    }
    stage.deletion = Some(cx.clock.start());
    stage.last_updated_millis = cx.now;
    Ok(DeleteStageResult::builder().build())
}

/// The refusal to change a stage that is being deleted.
pub(crate) fn deleting(game: &str, stage: &str) -> Fault {
    Fault::Conflict(format!(
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
    StageDetails::builder()
        .arn(stage.arn.clone())
        .created(datetime(stage.created_millis))
        .set_description(stage.description.clone())
        .game_key(stage.game_key.clone())
        .last_updated(datetime(stage.last_updated_millis))
        .log_group(stage.log_group.clone())
        .name(stage.name.clone())
        .role(stage.role.clone())
        .state(stage_state(stage))
        .set_tags(tags::out(&stage.tags))
        .build()
}

fn summary(stage: &Stage) -> StageSummary {
    StageSummary::builder()
        .set_description(stage.description.clone())
        .game_key(stage.game_key.clone())
        .name(stage.name.clone())
        .state(stage_state(stage))
        .set_tags(tags::out(&stage.tags))
        .build()
}
