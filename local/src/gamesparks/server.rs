//! The `GameSparksServer` implementation: each operation is one change (or read) of the
//! state, done by the module of its resource.

use gamesparks_api::server::GameSparksServer;
use gamesparks_api::{error, types};
use smithy_runtime::server::RequestContext;

use super::{
    config, deployments, extensions, games, jobs, players, snapshots, stages, tags, GameSparks,
};

impl GameSparksServer for GameSparks {
    async fn create_game(
        &self,
        input: types::CreateGameRequest,
        _cx: RequestContext,
    ) -> Result<types::CreateGameResult, error::CreateGameError> {
        self.write(|state, env| games::create(state, env, input))
            .map_err(Into::into)
    }

    async fn create_snapshot(
        &self,
        input: types::CreateSnapshotRequest,
        _cx: RequestContext,
    ) -> Result<types::CreateSnapshotResult, error::CreateSnapshotError> {
        self.write(|state, env| snapshots::create(state, env, input))
            .map_err(Into::into)
    }

    async fn create_stage(
        &self,
        input: types::CreateStageRequest,
        _cx: RequestContext,
    ) -> Result<types::CreateStageResult, error::CreateStageError> {
        self.write(|state, env| stages::create(state, env, input))
            .map_err(Into::into)
    }

    async fn delete_game(
        &self,
        input: types::DeleteGameRequest,
        _cx: RequestContext,
    ) -> Result<types::DeleteGameResult, error::DeleteGameError> {
        self.write(|state, env| games::delete(state, env, &input))
            .map_err(Into::into)
    }

    async fn delete_stage(
        &self,
        input: types::DeleteStageRequest,
        _cx: RequestContext,
    ) -> Result<types::DeleteStageResult, error::DeleteStageError> {
        self.write(|state, env| stages::delete(state, env, &input))
            .map_err(Into::into)
    }

    async fn disconnect_player(
        &self,
        input: types::DisconnectPlayerRequest,
        _cx: RequestContext,
    ) -> Result<types::DisconnectPlayerResult, error::DisconnectPlayerError> {
        self.write(|state, _| players::disconnect(state, &input))
            .map_err(Into::into)
    }

    async fn export_snapshot(
        &self,
        input: types::ExportSnapshotRequest,
        _cx: RequestContext,
    ) -> Result<types::ExportSnapshotResult, error::ExportSnapshotError> {
        self.read(|state, env| snapshots::export(state, env, &input))
            .map_err(Into::into)
    }

    async fn get_extension(
        &self,
        input: types::GetExtensionRequest,
        _cx: RequestContext,
    ) -> Result<types::GetExtensionResult, error::GetExtensionError> {
        extensions::get(&input).map_err(Into::into)
    }

    async fn get_extension_version(
        &self,
        input: types::GetExtensionVersionRequest,
        _cx: RequestContext,
    ) -> Result<types::GetExtensionVersionResult, error::GetExtensionVersionError> {
        extensions::get_version(&input).map_err(Into::into)
    }

    async fn get_game(
        &self,
        input: types::GetGameRequest,
        _cx: RequestContext,
    ) -> Result<types::GetGameResult, error::GetGameError> {
        self.write(|state, env| games::get(state, env, &input))
            .map_err(Into::into)
    }

    async fn get_game_configuration(
        &self,
        input: types::GetGameConfigurationRequest,
        _cx: RequestContext,
    ) -> Result<types::GetGameConfigurationResult, error::GetGameConfigurationError> {
        self.read(|state, _| config::get(state, &input))
            .map_err(Into::into)
    }

    async fn get_generated_code_job(
        &self,
        input: types::GetGeneratedCodeJobRequest,
        _cx: RequestContext,
    ) -> Result<types::GetGeneratedCodeJobResult, error::GetGeneratedCodeJobError> {
        self.write(|state, env| jobs::get(state, env, &input))
            .map_err(Into::into)
    }

    async fn get_player_connection_status(
        &self,
        input: types::GetPlayerConnectionStatusRequest,
        _cx: RequestContext,
    ) -> Result<types::GetPlayerConnectionStatusResult, error::GetPlayerConnectionStatusError> {
        self.read(|state, _| players::status(state, &input))
            .map_err(Into::into)
    }

    async fn get_snapshot(
        &self,
        input: types::GetSnapshotRequest,
        _cx: RequestContext,
    ) -> Result<types::GetSnapshotResult, error::GetSnapshotError> {
        self.read(|state, _| snapshots::get(state, &input))
            .map_err(Into::into)
    }

    async fn get_stage(
        &self,
        input: types::GetStageRequest,
        _cx: RequestContext,
    ) -> Result<types::GetStageResult, error::GetStageError> {
        self.write(|state, env| stages::get(state, env, &input))
            .map_err(Into::into)
    }

    async fn get_stage_deployment(
        &self,
        input: types::GetStageDeploymentRequest,
        _cx: RequestContext,
    ) -> Result<types::GetStageDeploymentResult, error::GetStageDeploymentError> {
        self.write(|state, env| deployments::get(state, env, &input))
            .map_err(Into::into)
    }

    async fn import_game_configuration(
        &self,
        input: types::ImportGameConfigurationRequest,
        _cx: RequestContext,
    ) -> Result<types::ImportGameConfigurationResult, error::ImportGameConfigurationError> {
        self.write(|state, env| config::import(state, env, &input))
            .map_err(Into::into)
    }

    async fn list_extension_versions(
        &self,
        input: types::ListExtensionVersionsRequest,
        _cx: RequestContext,
    ) -> Result<types::ListExtensionVersionsResult, error::ListExtensionVersionsError> {
        extensions::list_versions(&input).map_err(Into::into)
    }

    async fn list_extensions(
        &self,
        input: types::ListExtensionsRequest,
        _cx: RequestContext,
    ) -> Result<types::ListExtensionsResult, error::ListExtensionsError> {
        extensions::list(&input).map_err(Into::into)
    }

    async fn list_games(
        &self,
        input: types::ListGamesRequest,
        _cx: RequestContext,
    ) -> Result<types::ListGamesResult, error::ListGamesError> {
        self.write(|state, env| games::list(state, env, &input))
            .map_err(Into::into)
    }

    async fn list_generated_code_jobs(
        &self,
        input: types::ListGeneratedCodeJobsRequest,
        _cx: RequestContext,
    ) -> Result<types::ListGeneratedCodeJobsResult, error::ListGeneratedCodeJobsError> {
        self.write(|state, env| jobs::list(state, env, &input))
            .map_err(Into::into)
    }

    async fn list_snapshots(
        &self,
        input: types::ListSnapshotsRequest,
        _cx: RequestContext,
    ) -> Result<types::ListSnapshotsResult, error::ListSnapshotsError> {
        self.read(|state, _| snapshots::list(state, &input))
            .map_err(Into::into)
    }

    async fn list_stage_deployments(
        &self,
        input: types::ListStageDeploymentsRequest,
        _cx: RequestContext,
    ) -> Result<types::ListStageDeploymentsResult, error::ListStageDeploymentsError> {
        self.write(|state, env| deployments::list(state, env, &input))
            .map_err(Into::into)
    }

    async fn list_stages(
        &self,
        input: types::ListStagesRequest,
        _cx: RequestContext,
    ) -> Result<types::ListStagesResult, error::ListStagesError> {
        self.write(|state, env| stages::list(state, env, &input))
            .map_err(Into::into)
    }

    async fn list_tags_for_resource(
        &self,
        input: types::ListTagsForResourceRequest,
        _cx: RequestContext,
    ) -> Result<types::ListTagsForResourceResult, error::ListTagsForResourceError> {
        self.read(|state, _| tags::list(state, &input))
            .map_err(Into::into)
    }

    async fn start_generated_code_job(
        &self,
        input: types::StartGeneratedCodeJobRequest,
        _cx: RequestContext,
    ) -> Result<types::StartGeneratedCodeJobResult, error::StartGeneratedCodeJobError> {
        self.write(|state, env| jobs::start(state, env, input))
            .map_err(Into::into)
    }

    async fn start_stage_deployment(
        &self,
        input: types::StartStageDeploymentRequest,
        _cx: RequestContext,
    ) -> Result<types::StartStageDeploymentResult, error::StartStageDeploymentError> {
        self.write(|state, env| deployments::start(state, env, input))
            .map_err(Into::into)
    }

    async fn tag_resource(
        &self,
        input: types::TagResourceRequest,
        _cx: RequestContext,
    ) -> Result<types::TagResourceResult, error::TagResourceError> {
        self.write(|state, _| tags::tag(state, input))
            .map_err(Into::into)
    }

    async fn untag_resource(
        &self,
        input: types::UntagResourceRequest,
        _cx: RequestContext,
    ) -> Result<types::UntagResourceResult, error::UntagResourceError> {
        self.write(|state, _| tags::untag(state, input))
            .map_err(Into::into)
    }

    async fn update_game(
        &self,
        input: types::UpdateGameRequest,
        _cx: RequestContext,
    ) -> Result<types::UpdateGameResult, error::UpdateGameError> {
        self.write(|state, env| games::update(state, env, input))
            .map_err(Into::into)
    }

    async fn update_game_configuration(
        &self,
        input: types::UpdateGameConfigurationRequest,
        _cx: RequestContext,
    ) -> Result<types::UpdateGameConfigurationResult, error::UpdateGameConfigurationError> {
        self.write(|state, env| config::update(state, env, &input))
            .map_err(Into::into)
    }

    async fn update_snapshot(
        &self,
        input: types::UpdateSnapshotRequest,
        _cx: RequestContext,
    ) -> Result<types::UpdateSnapshotResult, error::UpdateSnapshotError> {
        self.write(|state, env| snapshots::update(state, env, input))
            .map_err(Into::into)
    }

    async fn update_stage(
        &self,
        input: types::UpdateStageRequest,
        _cx: RequestContext,
    ) -> Result<types::UpdateStageResult, error::UpdateStageError> {
        self.write(|state, env| stages::update(state, env, input))
            .map_err(Into::into)
    }
}
