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
        self.run
            .write(|state, cx| games::create(state, cx, input))
            .await
    }

    async fn create_snapshot(
        &self,
        input: types::CreateSnapshotRequest,
        _cx: RequestContext,
    ) -> Result<types::CreateSnapshotResult, error::CreateSnapshotError> {
        self.run
            .write(|state, cx| snapshots::create(state, cx, input))
            .await
    }

    async fn create_stage(
        &self,
        input: types::CreateStageRequest,
        _cx: RequestContext,
    ) -> Result<types::CreateStageResult, error::CreateStageError> {
        self.run
            .write(|state, cx| stages::create(state, cx, input))
            .await
    }

    async fn delete_game(
        &self,
        input: types::DeleteGameRequest,
        _cx: RequestContext,
    ) -> Result<types::DeleteGameResult, error::DeleteGameError> {
        self.run
            .write(|state, cx| games::delete(state, cx, &input))
            .await
    }

    async fn delete_stage(
        &self,
        input: types::DeleteStageRequest,
        _cx: RequestContext,
    ) -> Result<types::DeleteStageResult, error::DeleteStageError> {
        self.run
            .write(|state, cx| stages::delete(state, cx, &input))
            .await
    }

    async fn disconnect_player(
        &self,
        input: types::DisconnectPlayerRequest,
        _cx: RequestContext,
    ) -> Result<types::DisconnectPlayerResult, error::DisconnectPlayerError> {
        self.run
            .write(|state, _| players::disconnect(state, &input))
            .await
    }

    async fn export_snapshot(
        &self,
        input: types::ExportSnapshotRequest,
        _cx: RequestContext,
    ) -> Result<types::ExportSnapshotResult, error::ExportSnapshotError> {
        self.run
            .read(|state, cx| snapshots::export(state, cx, &input))
            .await
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
        self.run
            .write(|state, cx| games::get(state, cx, &input))
            .await
    }

    async fn get_game_configuration(
        &self,
        input: types::GetGameConfigurationRequest,
        _cx: RequestContext,
    ) -> Result<types::GetGameConfigurationResult, error::GetGameConfigurationError> {
        self.run.read(|state, _| config::get(state, &input)).await
    }

    async fn get_generated_code_job(
        &self,
        input: types::GetGeneratedCodeJobRequest,
        _cx: RequestContext,
    ) -> Result<types::GetGeneratedCodeJobResult, error::GetGeneratedCodeJobError> {
        self.run
            .write(|state, cx| jobs::get(state, cx, &input))
            .await
    }

    async fn get_player_connection_status(
        &self,
        input: types::GetPlayerConnectionStatusRequest,
        _cx: RequestContext,
    ) -> Result<types::GetPlayerConnectionStatusResult, error::GetPlayerConnectionStatusError> {
        self.run
            .read(|state, _| players::status(state, &input))
            .await
    }

    async fn get_snapshot(
        &self,
        input: types::GetSnapshotRequest,
        _cx: RequestContext,
    ) -> Result<types::GetSnapshotResult, error::GetSnapshotError> {
        self.run
            .read(|state, _| snapshots::get(state, &input))
            .await
    }

    async fn get_stage(
        &self,
        input: types::GetStageRequest,
        _cx: RequestContext,
    ) -> Result<types::GetStageResult, error::GetStageError> {
        self.run
            .write(|state, cx| stages::get(state, cx, &input))
            .await
    }

    async fn get_stage_deployment(
        &self,
        input: types::GetStageDeploymentRequest,
        _cx: RequestContext,
    ) -> Result<types::GetStageDeploymentResult, error::GetStageDeploymentError> {
        self.run
            .write(|state, cx| deployments::get(state, cx, &input))
            .await
    }

    async fn import_game_configuration(
        &self,
        input: types::ImportGameConfigurationRequest,
        _cx: RequestContext,
    ) -> Result<types::ImportGameConfigurationResult, error::ImportGameConfigurationError> {
        self.run
            .write(|state, cx| config::import(state, cx, &input))
            .await
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
        self.run
            .write(|state, cx| games::list(state, cx, &input))
            .await
    }

    async fn list_generated_code_jobs(
        &self,
        input: types::ListGeneratedCodeJobsRequest,
        _cx: RequestContext,
    ) -> Result<types::ListGeneratedCodeJobsResult, error::ListGeneratedCodeJobsError> {
        self.run
            .write(|state, cx| jobs::list(state, cx, &input))
            .await
    }

    async fn list_snapshots(
        &self,
        input: types::ListSnapshotsRequest,
        _cx: RequestContext,
    ) -> Result<types::ListSnapshotsResult, error::ListSnapshotsError> {
        self.run
            .read(|state, cx| snapshots::list(state, cx, &input))
            .await
    }

    async fn list_stage_deployments(
        &self,
        input: types::ListStageDeploymentsRequest,
        _cx: RequestContext,
    ) -> Result<types::ListStageDeploymentsResult, error::ListStageDeploymentsError> {
        self.run
            .write(|state, cx| deployments::list(state, cx, &input))
            .await
    }

    async fn list_stages(
        &self,
        input: types::ListStagesRequest,
        _cx: RequestContext,
    ) -> Result<types::ListStagesResult, error::ListStagesError> {
        self.run
            .write(|state, cx| stages::list(state, cx, &input))
            .await
    }

    async fn list_tags_for_resource(
        &self,
        input: types::ListTagsForResourceRequest,
        _cx: RequestContext,
    ) -> Result<types::ListTagsForResourceResult, error::ListTagsForResourceError> {
        self.run.read(|state, _| tags::list(state, &input)).await
    }

    async fn start_generated_code_job(
        &self,
        input: types::StartGeneratedCodeJobRequest,
        _cx: RequestContext,
    ) -> Result<types::StartGeneratedCodeJobResult, error::StartGeneratedCodeJobError> {
        self.run
            .write(|state, cx| jobs::start(state, cx, input))
            .await
    }

    async fn start_stage_deployment(
        &self,
        input: types::StartStageDeploymentRequest,
        _cx: RequestContext,
    ) -> Result<types::StartStageDeploymentResult, error::StartStageDeploymentError> {
        self.run
            .write(|state, cx| deployments::start(state, cx, input))
            .await
    }

    async fn tag_resource(
        &self,
        input: types::TagResourceRequest,
        _cx: RequestContext,
    ) -> Result<types::TagResourceResult, error::TagResourceError> {
        self.run.write(|state, _| tags::tag(state, input)).await
    }

    async fn untag_resource(
        &self,
        input: types::UntagResourceRequest,
        _cx: RequestContext,
    ) -> Result<types::UntagResourceResult, error::UntagResourceError> {
        self.run.write(|state, _| tags::untag(state, input)).await
    }

    async fn update_game(
        &self,
        input: types::UpdateGameRequest,
        _cx: RequestContext,
    ) -> Result<types::UpdateGameResult, error::UpdateGameError> {
        self.run
            .write(|state, cx| games::update(state, cx, input))
            .await
    }

    async fn update_game_configuration(
        &self,
        input: types::UpdateGameConfigurationRequest,
        _cx: RequestContext,
    ) -> Result<types::UpdateGameConfigurationResult, error::UpdateGameConfigurationError> {
        self.run
            .write(|state, cx| config::update(state, cx, &input))
            .await
    }

    async fn update_snapshot(
        &self,
        input: types::UpdateSnapshotRequest,
        _cx: RequestContext,
    ) -> Result<types::UpdateSnapshotResult, error::UpdateSnapshotError> {
        self.run
            .write(|state, cx| snapshots::update(state, cx, input))
            .await
    }

    async fn update_stage(
        &self,
        input: types::UpdateStageRequest,
        _cx: RequestContext,
    ) -> Result<types::UpdateStageResult, error::UpdateStageError> {
        self.run
            .write(|state, cx| stages::update(state, cx, input))
            .await
    }
}
