//! `StartStageDeployment`, `GetStageDeployment`, `ListStageDeployments`.

use gamesparks_api::types::{
    DeploymentAction, DeploymentResult, DeploymentState, GetStageDeploymentRequest,
    GetStageDeploymentResult, ListStageDeploymentsRequest, ListStageDeploymentsResult, ResultCode,
    StageDeploymentDetails, StageDeploymentSummary, StartStageDeploymentRequest,
    StartStageDeploymentResult,
};

use super::lifecycle::Run;
use super::state::{Deployment, Stage, State};
use super::{quotas, stages};
use crate::clock::datetime;
use crate::fault::Fault;
use crate::names::new_id;
use crate::service::Cx;
use crate::Clock;

/// `StartStageDeployment`: a `PENDING` deployment of one of the game's snapshots to an
/// active stage.
///
/// A client token the stage's deployments already carry answers that deployment when the
/// snapshot is the same, and is a `ConflictException` when it is not.
pub(crate) fn start(
    state: &mut State,
    cx: &Cx<'_>,
    input: StartStageDeploymentRequest,
) -> Result<StartStageDeploymentResult, Fault> {
    state.active_game(&input.game_name)?;
    state.snapshot(&input.game_name, &input.snapshot_id)?; // It must exist.
    let stage = state.stage_mut(&input.game_name, &input.stage_name)?;
    if stage.deletion.is_some() {
        return Err(stages::deleting(&input.game_name, &input.stage_name));
    }
    let token = input.client_token;
    let earlier = token.as_ref().and_then(|token| {
        stage
            .deployments
            .iter()
            .find(|d| d.client_token.as_ref() == Some(token))
    });
    if let Some(earlier) = earlier {
        if earlier.snapshot_id != input.snapshot_id {
            return Err(Fault::Conflict(format!(
                "The client token already started deployment '{}', of snapshot '{}'.",
                earlier.id, earlier.snapshot_id
            )));
        }
        return Ok(StartStageDeploymentResult::builder()
            .stage_deployment(details(earlier, &stage.name))
            .build());
    }
    if stage.deployments.len() >= quotas::DEPLOYMENTS_PER_STAGE {
        return Err(Fault::LimitExceeded(format!(
            "Stage '{}' has {} deployments, the most a stage keeps.",
            stage.name,
            quotas::DEPLOYMENTS_PER_STAGE
        )));
    }
    let deployment = Deployment {
        id: new_id(""),
        snapshot_id: input.snapshot_id,
        client_token: token,
        created_millis: cx.now,
        progress: cx.clock.start(),
    };
    let answer = details(&deployment, &stage.name);
    stage.deployments.push(deployment);
    Ok(StartStageDeploymentResult::builder()
        .stage_deployment(answer)
        .build())
}

/// `GetStageDeployment`: the deployment `DeploymentId`, or the stage's latest without it,
/// moved on one status.
pub(crate) fn get(
    state: &mut State,
    cx: &Cx<'_>,
    input: &GetStageDeploymentRequest,
) -> Result<GetStageDeploymentResult, Fault> {
    let (game, stage_name) = (&input.game_name, &input.stage_name);
    let stage = state.stage_mut(game, stage_name)?;
    let index = match &input.deployment_id {
        Some(id) => stage.deployments.iter().position(|d| d.id == *id),
        None => stage.deployments.len().checked_sub(1),
    };
    let missing = || {
        let which = input.deployment_id.as_ref().map_or_else(
            || "no deployments".to_owned(),
            |id| format!("no deployment '{id}'"),
        );
        Fault::NotFound(format!(
            "Stage '{stage_name}' of game '{game}' has {which}."
        ))
    };
    let deployment = index
        .and_then(|index| observe(stage, index, cx.clock))
        .ok_or_else(missing)?;
    Ok(GetStageDeploymentResult::builder()
        .stage_deployment(deployment)
        .build())
}

/// `ListStageDeployments`: the stage's deployments, oldest first, each moved on one status.
pub(crate) fn list(
    state: &mut State,
    cx: &Cx<'_>,
    input: &ListStageDeploymentsRequest,
) -> Result<ListStageDeploymentsResult, Fault> {
    let stage = state.stage_mut(&input.game_name, &input.stage_name)?;
    let summaries = (0..stage.deployments.len())
        .filter_map(|index| observe(stage, index, cx.clock))
        .map(summary)
        .collect();
    let page = cx.page(
        summaries,
        "deployments",
        input.max_results,
        input.next_token.as_deref(),
    )?;
    Ok(ListStageDeploymentsResult::builder()
        .set_next_token(page.next_token)
        .set_stage_deployments(Some(page.items))
        .build())
}

/// Reads deployment `index` of `stage`: moves it on, and marks the stage updated when the
/// deployment completes.
fn observe(stage: &mut Stage, index: usize, clock: &Clock) -> Option<StageDeploymentDetails> {
    let deployment = stage.deployments.get_mut(index)?;
    let before = Run::of(&deployment.progress);
    if Run::advance(clock, &mut deployment.progress) == Run::Completed && before != Run::Completed {
        stage.last_updated_millis = deployment.progress.since_millis;
    }
    Some(details(deployment, &stage.name))
}

fn deployment_state(deployment: &Deployment) -> DeploymentState {
    match Run::of(&deployment.progress) {
        Run::Pending => DeploymentState::Pending,
        Run::InProgress => DeploymentState::InProgress,
        Run::Completed => DeploymentState::Completed,
    }
}

/// The outcome, once the deployment completed: `SUCCESS`.
fn outcome(deployment: &Deployment, stage: &str) -> Option<DeploymentResult> {
    (Run::of(&deployment.progress) == Run::Completed).then(|| {
        DeploymentResult::builder()
            .message(format!(
                "Snapshot '{}' is deployed to stage '{stage}'.",
                deployment.snapshot_id
            ))
            .result_code(ResultCode::Success)
            .build()
    })
}

fn details(deployment: &Deployment, stage: &str) -> StageDeploymentDetails {
    StageDeploymentDetails::builder()
        .created(datetime(deployment.created_millis))
        .deployment_action(DeploymentAction::Deploy)
        .deployment_id(deployment.id.clone())
        .set_deployment_result(outcome(deployment, stage))
        .deployment_state(deployment_state(deployment))
        .last_updated(datetime(deployment.progress.since_millis))
        .snapshot_id(deployment.snapshot_id.clone())
        .build()
}

fn summary(details: StageDeploymentDetails) -> StageDeploymentSummary {
    StageDeploymentSummary::builder()
        .set_deployment_action(details.deployment_action)
        .set_deployment_id(details.deployment_id)
        .set_deployment_result(details.deployment_result)
        .set_deployment_state(details.deployment_state)
        .set_last_updated(details.last_updated)
        .set_snapshot_id(details.snapshot_id)
        .build()
}

impl Stage {
    /// The snapshot the stage runs: that of its latest deployment to have completed.
    pub fn deployed_snapshot(&self) -> Option<&str> {
        self.deployments
            .iter()
            .rev()
            .find(|d| Run::of(&d.progress) == Run::Completed)
            .map(|d| d.snapshot_id.as_str())
    }
}
