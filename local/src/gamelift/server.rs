//! The `GameLiftServer` implementation: each operation is one run of [`Runner`](crate::Runner)
//! (after the wall-clock timeouts), done by the module of its resource.

use gamelift_api::error::*;
use gamelift_api::server::GameLiftServer;
use gamelift_api::types::*;
use smithy_runtime::server::RequestContext;

use super::{
    fleets, instances, listing, matchmaking, placements, players, query, sessions, GameLift,
};

impl GameLiftServer for GameLift {
    async fn create_fleet(
        &self,
        input: CreateFleetInput,
        _cx: RequestContext,
    ) -> Result<CreateFleetOutput, CreateFleetError> {
        self.run
            .write(|state, cx| fleets::create(state, cx, input))
            .await
    }

    async fn create_game_session(
        &self,
        input: CreateGameSessionInput,
        _cx: RequestContext,
    ) -> Result<CreateGameSessionOutput, CreateGameSessionError> {
        self.run
            .write(|state, cx| sessions::create(state, cx, input))
            .await
    }

    async fn create_player_session(
        &self,
        input: CreatePlayerSessionInput,
        _cx: RequestContext,
    ) -> Result<CreatePlayerSessionOutput, CreatePlayerSessionError> {
        self.run
            .write(|state, cx| players::create_one(state, cx, input))
            .await
    }

    async fn create_player_sessions(
        &self,
        input: CreatePlayerSessionsInput,
        _cx: RequestContext,
    ) -> Result<CreatePlayerSessionsOutput, CreatePlayerSessionsError> {
        self.run
            .write(|state, cx| players::create_many(state, cx, input))
            .await
    }

    async fn describe_fleet_attributes(
        &self,
        input: DescribeFleetAttributesInput,
        _cx: RequestContext,
    ) -> Result<DescribeFleetAttributesOutput, DescribeFleetAttributesError> {
        self.run
            .write(|state, cx| fleets::describe(state, cx, input))
            .await
    }

    async fn describe_game_session_details(
        &self,
        input: DescribeGameSessionDetailsInput,
        _cx: RequestContext,
    ) -> Result<DescribeGameSessionDetailsOutput, DescribeGameSessionDetailsError> {
        self.run
            .write(|state, cx| listing::details(state, cx, input))
            .await
    }

    async fn describe_game_session_placement(
        &self,
        input: DescribeGameSessionPlacementInput,
        _cx: RequestContext,
    ) -> Result<DescribeGameSessionPlacementOutput, DescribeGameSessionPlacementError> {
        self.run
            .write(|state, cx| placements::describe(state, cx, input))
            .await
    }

    async fn describe_game_sessions(
        &self,
        input: DescribeGameSessionsInput,
        _cx: RequestContext,
    ) -> Result<DescribeGameSessionsOutput, DescribeGameSessionsError> {
        self.run
            .write(|state, cx| listing::describe(state, cx, input))
            .await
    }

    async fn describe_instances(
        &self,
        input: DescribeInstancesInput,
        _cx: RequestContext,
    ) -> Result<DescribeInstancesOutput, DescribeInstancesError> {
        self.run
            .read(|state, cx| instances::describe(state, cx, input))
            .await
    }

    async fn describe_matchmaking(
        &self,
        input: DescribeMatchmakingInput,
        _cx: RequestContext,
    ) -> Result<DescribeMatchmakingOutput, DescribeMatchmakingError> {
        self.run
            .write(|state, cx| matchmaking::describe(state, cx, input))
            .await
    }

    async fn describe_player_sessions(
        &self,
        input: DescribePlayerSessionsInput,
        _cx: RequestContext,
    ) -> Result<DescribePlayerSessionsOutput, DescribePlayerSessionsError> {
        self.run
            .read(|state, cx| players::describe(state, cx, input))
            .await
    }

    async fn search_game_sessions(
        &self,
        input: SearchGameSessionsInput,
        _cx: RequestContext,
    ) -> Result<SearchGameSessionsOutput, SearchGameSessionsError> {
        self.run
            .write(|state, cx| query::search(state, cx, input))
            .await
    }

    async fn start_game_session_placement(
        &self,
        input: StartGameSessionPlacementInput,
        _cx: RequestContext,
    ) -> Result<StartGameSessionPlacementOutput, StartGameSessionPlacementError> {
        self.run
            .write(|state, cx| placements::start(state, cx, input))
            .await
    }

    async fn start_match_backfill(
        &self,
        input: StartMatchBackfillInput,
        _cx: RequestContext,
    ) -> Result<StartMatchBackfillOutput, StartMatchBackfillError> {
        self.run
            .write(|state, cx| matchmaking::backfill(state, cx, input))
            .await
    }

    async fn start_matchmaking(
        &self,
        input: StartMatchmakingInput,
        _cx: RequestContext,
    ) -> Result<StartMatchmakingOutput, StartMatchmakingError> {
        self.run
            .write(|state, cx| matchmaking::start(state, cx, input))
            .await
    }

    async fn stop_game_session_placement(
        &self,
        input: StopGameSessionPlacementInput,
        _cx: RequestContext,
    ) -> Result<StopGameSessionPlacementOutput, StopGameSessionPlacementError> {
        self.run
            .write(|state, cx| placements::stop(state, cx, input))
            .await
    }

    async fn update_game_session(
        &self,
        input: UpdateGameSessionInput,
        _cx: RequestContext,
    ) -> Result<UpdateGameSessionOutput, UpdateGameSessionError> {
        self.run
            .write(|state, _| sessions::update(state, input))
            .await
    }
}
