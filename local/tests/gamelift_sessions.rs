//! GameLift game sessions: creation on active fleets only, the lifecycle, idempotency,
//! capacity and creation limits, describing, updating.

mod gamelift_support;

use gamelift_api::error::{
    CreateGameSessionError, DescribeGameSessionsError, UpdateGameSessionError,
};
use gamelift_api::types::{
    EC2InstanceType, GameSessionStatus, PlayerSessionCreationPolicy, ProtectionPolicy,
    ResourceCreationLimitPolicy,
};
use gamelift_support::{
    activating_session_id, active_fleet, active_session, client, create_session, created_fleet_id,
    fleet_sessions, instances, local, new_fleet, property, reserve_players, runtime, service_error,
    udp_ports, wait_for_fleet, wait_for_session,
};

#[tokio::test(start_paused = true)]
async fn a_fleet_that_is_not_active_refuses_game_sessions() {
    let local = local();
    let client = client(&local);
    let fleet = new_fleet(&client, "arena", 1).await.fleet_id.expect("id");
    let error = create_session(&client, &fleet, 4)
        .await
        .expect_err("the fleet is NEW");
    match error {
        CreateGameSessionError::InvalidFleetStatusException(e) => {
            let message = e.message.unwrap_or_default();
            assert!(
                message.contains(&fleet) && message.contains("NEW"),
                "{message}"
            );
        }
        other => panic!("expected InvalidFleetStatusException, got {other:?}"),
    }
}

#[tokio::test(start_paused = true)]
async fn a_game_session_activates_on_the_fleet_instance() {
    let local = local();
    let client = client(&local);
    let fleet = active_fleet(&client, 2).await;
    let created = client
        .create_game_session()
        .fleet_id(&fleet)
        .maximum_player_session_count(8)
        .name("brawl night")
        .set_game_properties(Some(vec![property("mode", "brawl")]))
        .creator_id("player-1")
        .game_session_data("map=dust")
        .send()
        .await
        .expect("create")
        .game_session
        .expect("session");
    assert_eq!(created.status, Some(GameSessionStatus::Activating));
    let id = created.game_session_id.clone().expect("id");
    let prefix = format!("arn:aws:gamelift:us-west-2::gamesession/{fleet}/gsess-");
    assert!(id.starts_with(&prefix), "{id}");
    assert_eq!(created.fleet_id.as_deref(), Some(fleet.as_str()));
    assert!(created
        .fleet_arn
        .as_deref()
        .is_some_and(|arn| arn.ends_with(&format!("fleet/{fleet}"))));
    assert_eq!(created.current_player_session_count, Some(0));
    assert_eq!(created.maximum_player_session_count, Some(8));
    assert_eq!(created.name.as_deref(), Some("brawl night"));
    assert_eq!(created.creator_id.as_deref(), Some("player-1"));
    assert_eq!(created.game_session_data.as_deref(), Some("map=dust"));
    assert_eq!(
        created.game_properties,
        Some(vec![property("mode", "brawl")])
    );
    assert_eq!(
        created.player_session_creation_policy,
        Some(PlayerSessionCreationPolicy::AcceptAll)
    );
    assert_eq!(created.port, Some(33430));
    assert_eq!(created.location.as_deref(), Some("us-west-2"));

    let instance = instances(&client, &fleet).await.remove(0);
    assert_eq!(created.ip_address, instance.ip_address);
    assert_eq!(created.dns_name, instance.dns_name);

    let active = wait_for_session(&client, &id).await;
    assert_eq!(active.len(), 1);
    assert_eq!(active[0].status, Some(GameSessionStatus::Active));

    let second = active_session(&client, &fleet, 4).await;
    assert_eq!(second.port, Some(33431), "the second server process");
}

#[tokio::test(start_paused = true)]
async fn an_idempotency_token_gives_the_same_session() {
    let local = local();
    let client = client(&local);
    let fleet = active_fleet(&client, 4).await;
    let create = |max: i32| {
        client
            .create_game_session()
            .fleet_id(&fleet)
            .maximum_player_session_count(max)
            .idempotency_token("match-42")
            .send()
    };
    let first = create(6)
        .await
        .expect("create")
        .game_session
        .expect("session");
    let id = first.game_session_id.clone().expect("id");
    assert_eq!(
        id,
        format!("arn:aws:gamelift:us-west-2::gamesession/{fleet}/match-42")
    );
    let again = create(6)
        .await
        .expect("repeat")
        .game_session
        .expect("session");
    assert_eq!(again.game_session_id.as_deref(), Some(id.as_str()));
    assert_eq!(again.creation_time, first.creation_time);
    let listed = fleet_sessions(&client, &fleet, None).await;
    assert_eq!(listed.len(), 1, "the token created one session");

    let mismatch = create(7).await.expect_err("other parameters");
    assert!(matches!(
        service_error(mismatch),
        CreateGameSessionError::IdempotentParameterMismatchException(_)
    ));

    let legacy = || {
        client
            .create_game_session()
            .fleet_id(&fleet)
            .maximum_player_session_count(2)
            .game_session_id("custom-1")
            .send()
    };
    legacy().await.expect("a custom id");
    let repeated = legacy().await.expect_err("the custom id exists");
    assert!(matches!(
        service_error(repeated),
        CreateGameSessionError::IdempotentParameterMismatchException(_)
    ));
}

#[tokio::test(start_paused = true)]
async fn fleets_and_aliases_are_referenced_one_at_a_time() {
    let local = local();
    let client = client(&local);
    let fleet = active_fleet(&client, 1).await;
    let alias = client
        .create_game_session()
        .alias_id("alias-00000000-0000-0000-0000-000000000000")
        .maximum_player_session_count(2)
        .send()
        .await
        .expect_err("no alias resolves");
    match service_error(alias) {
        CreateGameSessionError::NotFoundException(e) => {
            assert!(e.message.unwrap_or_default().contains("alias-00000000"));
        }
        other => panic!("expected NotFoundException, got {other:?}"),
    }
    let both = client
        .create_game_session()
        .fleet_id(&fleet)
        .alias_id("alias-1")
        .maximum_player_session_count(2)
        .send()
        .await
        .expect_err("both");
    assert!(matches!(
        service_error(both),
        CreateGameSessionError::InvalidRequestException(_)
    ));
    let unknown = create_session(&client, "fleet-00000000-0000-0000-0000-000000000000", 2)
        .await
        .expect_err("no such fleet");
    assert!(matches!(
        unknown,
        CreateGameSessionError::NotFoundException(_)
    ));
}

#[tokio::test(start_paused = true)]
async fn each_server_process_hosts_one_session() {
    let local = local();
    let client = client(&local);
    let fleet = active_fleet(&client, 2).await;
    for _ in 0..2 {
        active_session(&client, &fleet, 2).await;
    }
    let full = create_session(&client, &fleet, 2)
        .await
        .expect_err("both processes host a session");
    assert!(matches!(
        full,
        CreateGameSessionError::FleetCapacityExceededException(_)
    ));
}

#[tokio::test(start_paused = true)]
async fn the_resource_creation_limit_counts_per_creator() {
    let local = local();
    let client = client(&local);
    let fleet = created_fleet_id(
        client
            .create_fleet()
            .name("limited")
            .build_id("build-1")
            .ec2_instance_type(EC2InstanceType::C4Large)
            .runtime_configuration(runtime(10))
            .ec2_inbound_permissions(udp_ports())
            .resource_creation_limit_policy(
                ResourceCreationLimitPolicy::builder()
                    .new_game_sessions_per_creator(2)
                    .policy_period_in_minutes(15)
                    .build(),
            ),
    )
    .await;
    wait_for_fleet(&client, &fleet).await;
    let create = |creator: &'static str| {
        client
            .create_game_session()
            .fleet_id(&fleet)
            .maximum_player_session_count(2)
            .creator_id(creator)
            .send()
    };
    create("alice").await.expect("first");
    create("alice").await.expect("second");
    let third = create("alice").await.expect_err("over the limit");
    match service_error(third) {
        CreateGameSessionError::LimitExceededException(e) => {
            assert!(e.message.unwrap_or_default().contains("alice"));
        }
        other => panic!("expected LimitExceededException, got {other:?}"),
    }
    create("bob").await.expect("another creator");
}

#[tokio::test(start_paused = true)]
async fn sessions_are_described_by_status_with_their_protection() {
    let local = local();
    let client = client(&local);
    let fleet = active_fleet(&client, 10).await;
    let active = active_session(&client, &fleet, 4).await;
    let activating = activating_session_id(&client, &fleet, 4).await;
    let all = fleet_sessions(&client, &fleet, Some("ACTIVE")).await;
    assert_eq!(all.len(), 2, "the read activated the second session");

    let details = client
        .describe_game_session_details()
        .game_session_id(active.game_session_id.clone().expect("id"))
        .send()
        .await
        .expect("details")
        .game_session_details
        .expect("list");
    assert_eq!(details.len(), 1);
    assert_eq!(
        details[0].protection_policy,
        Some(ProtectionPolicy::NoProtection)
    );
    assert_eq!(details[0].game_session, Some(active.clone()));

    let terminated = fleet_sessions(&client, &fleet, Some("terminated")).await;
    assert!(terminated.is_empty());
    let bad = client
        .describe_game_sessions()
        .fleet_id(&fleet)
        .status_filter("RUNNING")
        .send()
        .await
        .expect_err("no such status");
    assert!(matches!(
        service_error(bad),
        DescribeGameSessionsError::InvalidRequestException(_)
    ));
    let two_scopes = client
        .describe_game_sessions()
        .fleet_id(&fleet)
        .game_session_id(activating)
        .send()
        .await
        .expect_err("one scope at a time");
    assert!(matches!(
        service_error(two_scopes),
        DescribeGameSessionsError::InvalidRequestException(_)
    ));
    let missing = client
        .describe_game_sessions()
        .game_session_id(format!(
            "arn:aws:gamelift:us-west-2::gamesession/{fleet}/nope"
        ))
        .send()
        .await
        .expect_err("no such session");
    assert!(matches!(
        service_error(missing),
        DescribeGameSessionsError::NotFoundException(_)
    ));
}

#[tokio::test(start_paused = true)]
async fn game_sessions_page_through_the_paginator() {
    let local = local();
    let client = client(&local);
    let fleet = active_fleet(&client, 10).await;
    let mut created = Vec::new();
    for _ in 0..7 {
        created.push(active_session(&client, &fleet, 2).await.game_session_id);
    }
    let listed: Vec<_> = client
        .describe_game_sessions()
        .fleet_id(&fleet)
        .into_paginator()
        .page_size(3)
        .send()
        .items()
        .try_collect()
        .await
        .expect("items")
        .into_iter()
        .map(|s| s.game_session_id)
        .collect();
    assert_eq!(listed, created);
    let detail_pages = client
        .describe_game_session_details()
        .fleet_id(&fleet)
        .into_paginator()
        .page_size(4)
        .send()
        .try_collect()
        .await
        .expect("pages");
    assert_eq!(detail_pages.len(), 2);
}

#[tokio::test(start_paused = true)]
async fn an_active_session_is_updated() {
    let local = local();
    let client = client(&local);
    let fleet = active_fleet(&client, 2).await;
    let activating = activating_session_id(&client, &fleet, 4).await;
    let early = client
        .update_game_session()
        .game_session_id(&activating)
        .name("too soon")
        .send()
        .await
        .expect_err("still ACTIVATING");
    assert!(matches!(
        service_error(early),
        UpdateGameSessionError::InvalidGameSessionStatusException(_)
    ));

    let session = active_session(&client, &fleet, 4).await;
    let id = session.game_session_id.clone().expect("id");
    reserve_players(&client, &id, ["a", "b", "c"]).await;
    let below = client
        .update_game_session()
        .game_session_id(&id)
        .maximum_player_session_count(2)
        .send()
        .await
        .expect_err("three players hold slots");
    assert!(matches!(
        service_error(below),
        UpdateGameSessionError::ConflictException(_)
    ));
    let updated = client
        .update_game_session()
        .game_session_id(&id)
        .maximum_player_session_count(10)
        .name("renamed")
        .player_session_creation_policy(PlayerSessionCreationPolicy::DenyAll)
        .protection_policy(ProtectionPolicy::FullProtection)
        .set_game_properties(Some(vec![property("mode", "ctf")]))
        .send()
        .await
        .expect("update")
        .game_session
        .expect("session");
    assert_eq!(updated.maximum_player_session_count, Some(10));
    assert_eq!(updated.current_player_session_count, Some(3));
    assert_eq!(updated.name.as_deref(), Some("renamed"));
    assert_eq!(
        updated.player_session_creation_policy,
        Some(PlayerSessionCreationPolicy::DenyAll)
    );
    let merged = client
        .update_game_session()
        .game_session_id(&id)
        .set_game_properties(Some(vec![
            property("mode", "koth"),
            property("map", "dust"),
        ]))
        .send()
        .await
        .expect("update")
        .game_session
        .and_then(|s| s.game_properties)
        .expect("properties");
    assert_eq!(merged, [property("mode", "koth"), property("map", "dust")]);
    let protection = client
        .describe_game_session_details()
        .game_session_id(&id)
        .send()
        .await
        .expect("details")
        .game_session_details
        .expect("list")[0]
        .protection_policy
        .clone();
    assert_eq!(protection, Some(ProtectionPolicy::FullProtection));
}
