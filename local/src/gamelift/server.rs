//! The `GameLiftServer` implementation: each operation runs under the store's lock, after the
//! wall-clock timeouts, and its [`Fault`] becomes the operation's modeled error.

use gamelift_api::error::*;
use gamelift_api::server::GameLiftServer;
use gamelift_api::types::*;
use smithy_runtime::server::RequestContext;

use super::fault::Fault;
use super::state::State;
use super::{
    fleets, instances, listing, matchmaking, placements, players, query, sessions, Ctx, GameLift,
};

impl GameLift {
    /// Runs `operation` on GameLift's state, as one change of the store.
    fn run<T, E: From<Fault>>(
        &self,
        operation: impl FnOnce(&mut State, &Ctx<'_>) -> Result<T, Fault>,
    ) -> Result<T, E> {
        let shared = &self.shared;
        shared
            .store
            .write(|all| {
                let ctx = Ctx {
                    names: &shared.names,
                    clock: &shared.clock,
                    now: shared.clock.now_millis(),
                };
                all.gamelift.tick(ctx.now);
                operation(&mut all.gamelift, &ctx)
            })
            .map_err(E::from)
    }
}

impl GameLiftServer for GameLift {
    async fn create_fleet(
        &self,
        input: CreateFleetInput,
        _cx: RequestContext,
    ) -> Result<CreateFleetOutput, CreateFleetError> {
        self.run(|state, ctx| fleets::create(state, ctx, input))
    }

    async fn create_game_session(
        &self,
        input: CreateGameSessionInput,
        _cx: RequestContext,
    ) -> Result<CreateGameSessionOutput, CreateGameSessionError> {
        self.run(|state, ctx| sessions::create(state, ctx, input))
    }

    async fn create_player_session(
        &self,
        input: CreatePlayerSessionInput,
        _cx: RequestContext,
    ) -> Result<CreatePlayerSessionOutput, CreatePlayerSessionError> {
        self.run(|state, ctx| players::create_one(state, ctx, input))
    }

    async fn create_player_sessions(
        &self,
        input: CreatePlayerSessionsInput,
        _cx: RequestContext,
    ) -> Result<CreatePlayerSessionsOutput, CreatePlayerSessionsError> {
        self.run(|state, ctx| players::create_many(state, ctx, input))
    }

    async fn describe_fleet_attributes(
        &self,
        input: DescribeFleetAttributesInput,
        _cx: RequestContext,
    ) -> Result<DescribeFleetAttributesOutput, DescribeFleetAttributesError> {
        self.run(|state, ctx| fleets::describe(state, ctx, input))
    }

    async fn describe_game_session_details(
        &self,
        input: DescribeGameSessionDetailsInput,
        _cx: RequestContext,
    ) -> Result<DescribeGameSessionDetailsOutput, DescribeGameSessionDetailsError> {
        self.run(|state, ctx| listing::details(state, ctx, input))
    }

    async fn describe_game_session_placement(
        &self,
        input: DescribeGameSessionPlacementInput,
        _cx: RequestContext,
    ) -> Result<DescribeGameSessionPlacementOutput, DescribeGameSessionPlacementError> {
        self.run(|state, ctx| placements::describe(state, ctx, input))
    }

    async fn describe_game_sessions(
        &self,
        input: DescribeGameSessionsInput,
        _cx: RequestContext,
    ) -> Result<DescribeGameSessionsOutput, DescribeGameSessionsError> {
        self.run(|state, ctx| listing::describe(state, ctx, input))
    }

    async fn describe_instances(
        &self,
        input: DescribeInstancesInput,
        _cx: RequestContext,
    ) -> Result<DescribeInstancesOutput, DescribeInstancesError> {
        self.run(|state, _| instances::describe(state, input))
    }

    async fn describe_matchmaking(
        &self,
        input: DescribeMatchmakingInput,
        _cx: RequestContext,
    ) -> Result<DescribeMatchmakingOutput, DescribeMatchmakingError> {
        self.run(|state, ctx| matchmaking::describe(state, ctx, input))
    }

    async fn describe_player_sessions(
        &self,
        input: DescribePlayerSessionsInput,
        _cx: RequestContext,
    ) -> Result<DescribePlayerSessionsOutput, DescribePlayerSessionsError> {
        self.run(|state, _| players::describe(state, input))
    }

    async fn search_game_sessions(
        &self,
        input: SearchGameSessionsInput,
        _cx: RequestContext,
    ) -> Result<SearchGameSessionsOutput, SearchGameSessionsError> {
        self.run(|state, ctx| query::search(state, ctx, input))
    }

    async fn start_game_session_placement(
        &self,
        input: StartGameSessionPlacementInput,
        _cx: RequestContext,
    ) -> Result<StartGameSessionPlacementOutput, StartGameSessionPlacementError> {
        self.run(|state, ctx| placements::start(state, ctx, input))
    }

    async fn start_match_backfill(
        &self,
        input: StartMatchBackfillInput,
        _cx: RequestContext,
    ) -> Result<StartMatchBackfillOutput, StartMatchBackfillError> {
        self.run(|state, ctx| matchmaking::backfill(state, ctx, input))
    }

    async fn start_matchmaking(
        &self,
        input: StartMatchmakingInput,
        _cx: RequestContext,
    ) -> Result<StartMatchmakingOutput, StartMatchmakingError> {
        self.run(|state, ctx| matchmaking::start(state, ctx, input))
    }

    async fn stop_game_session_placement(
        &self,
        input: StopGameSessionPlacementInput,
        _cx: RequestContext,
    ) -> Result<StopGameSessionPlacementOutput, StopGameSessionPlacementError> {
        self.run(|state, ctx| placements::stop(state, ctx, input))
    }

    async fn update_game_session(
        &self,
        input: UpdateGameSessionInput,
        _cx: RequestContext,
    ) -> Result<UpdateGameSessionOutput, UpdateGameSessionError> {
        self.run(|state, _| sessions::update(state, input))
    }
}
