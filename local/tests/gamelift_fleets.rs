//! GameLift fleets: creation, the documented lifecycle, attributes, instances, pagination.

mod gamelift_support;

use gamelift_api::error::{CreateFleetError, DescribeInstancesError};
use gamelift_api::types::{
    CertificateConfiguration, CertificateType, EC2InstanceType, FleetStatus, FleetType,
    InstanceStatus, OperatingSystem, ProtectionPolicy, RuntimeConfiguration, ServerProcess,
};
use gamelift_support::{
    client, fleet_attributes, instances, local, new_fleet, runtime, service_error, wait_for_fleet,
    WAIT,
};

#[tokio::test(start_paused = true)]
async fn a_new_fleet_steps_through_the_documented_statuses_to_active() {
    let local = local();
    let client = client(&local);
    let fleet = new_fleet(&client, "arena", 2).await;
    assert_eq!(fleet.status, Some(FleetStatus::New));
    let id = fleet.fleet_id.clone().expect("id");
    assert!(
        id.starts_with("fleet-") && id.len() == "fleet-".len() + 36,
        "{id}"
    );
    assert_eq!(
        fleet.fleet_arn.as_deref(),
        Some(format!("arn:aws:gamelift:us-west-2:123456789012:fleet/{id}").as_str())
    );
    assert_eq!(fleet.name.as_deref(), Some("arena"));
    assert_eq!(fleet.instance_type, Some(EC2InstanceType::C4Large));
    assert_eq!(fleet.fleet_type, Some(FleetType::OnDemand));
    assert_eq!(fleet.operating_system, Some(OperatingSystem::AmazonLinux));
    assert_eq!(fleet.metric_groups, Some(vec!["default".to_owned()]));
    assert_eq!(
        fleet.new_game_session_protection_policy,
        Some(ProtectionPolicy::NoProtection)
    );
    assert_eq!(
        fleet.certificate_configuration.map(|c| c.certificate_type),
        Some(CertificateType::Disabled)
    );
    assert_eq!(
        fleet.build_id.as_deref(),
        Some("build-1111aaaa-22bb-33cc-44dd-5555eeee66ff")
    );
    assert!(fleet.creation_time.is_some() && fleet.termination_time.is_none());

    let mut seen = Vec::new();
    for _ in 0..6 {
        let attributes = fleet_attributes(&client, &id).await;
        seen.push(attributes.status.expect("status"));
    }
    assert_eq!(
        seen,
        [
            FleetStatus::Downloading,
            FleetStatus::Validating,
            FleetStatus::Building,
            FleetStatus::Activating,
            FleetStatus::Active,
            FleetStatus::Active,
        ]
    );
}

#[tokio::test(start_paused = true)]
async fn the_fleet_active_waiter_finishes_with_every_fleet_active() {
    let local = local();
    let client = client(&local);
    let first = new_fleet(&client, "one", 1).await.fleet_id.expect("id");
    let second = new_fleet(&client, "two", 1).await.fleet_id.expect("id");
    let done = client
        .wait_until_fleet_active()
        .set_fleet_ids(Some(vec![first, second]))
        .wait(WAIT)
        .await
        .expect("both fleets become active");
    let attributes = done
        .into_output()
        .and_then(|o| o.fleet_attributes)
        .expect("output");
    assert_eq!(attributes.len(), 2);
    assert!(attributes
        .iter()
        .all(|a| a.status == Some(FleetStatus::Active)));
}

#[tokio::test(start_paused = true)]
async fn unknown_fleet_ids_are_left_out_and_limits_are_ignored_with_ids() {
    let local = local();
    let client = client(&local);
    let id = new_fleet(&client, "arena", 1).await.fleet_id.expect("id");
    let described = client
        .describe_fleet_attributes()
        .set_fleet_ids(Some(vec![
            "fleet-00000000-0000-0000-0000-000000000000".into(),
            id.clone(),
        ]))
        .limit(1)
        .send()
        .await
        .expect("describe");
    let ids: Vec<_> = described
        .fleet_attributes
        .expect("attributes")
        .into_iter()
        .map(|a| a.fleet_id.expect("id"))
        .collect();
    assert_eq!(ids, [id]);
    assert_eq!(described.next_token, None);
}

#[tokio::test(start_paused = true)]
async fn all_fleets_page_through_the_paginator() {
    let local = local();
    let client = client(&local);
    let mut created = Vec::new();
    for n in 0..5 {
        let fleet = new_fleet(&client, &format!("fleet {n}"), 1).await;
        created.push(fleet.fleet_id.expect("id"));
    }
    let pages = client
        .describe_fleet_attributes()
        .into_paginator()
        .page_size(2)
        .send()
        .try_collect()
        .await
        .expect("pages");
    let sizes: Vec<usize> = pages
        .iter()
        .map(|p| p.fleet_attributes.as_ref().map_or(0, Vec::len))
        .collect();
    assert_eq!(sizes, [2, 2, 1]);
    let listed: Vec<String> = pages
        .into_iter()
        .flat_map(|p| p.fleet_attributes.unwrap_or_default())
        .map(|a| a.fleet_id.expect("id"))
        .collect();
    assert_eq!(listed, created);

    let error = client
        .describe_fleet_attributes()
        .next_token("not-a-token")
        .send()
        .await
        .expect_err("a foreign token");
    let message = format!("{}", service_error(error));
    assert!(message.contains("not-a-token"), "{message}");
}

#[tokio::test(start_paused = true)]
async fn the_instance_follows_the_fleet_and_carries_its_addresses() {
    let local = local();
    let client = client(&local);
    let id = new_fleet(&client, "arena", 1).await.fleet_id.expect("id");
    let pending = instances(&client, &id).await;
    assert_eq!(pending.len(), 1);
    let instance = &pending[0];
    assert_eq!(instance.status, Some(InstanceStatus::Pending));
    assert_eq!(instance.fleet_id.as_deref(), Some(id.as_str()));
    assert_eq!(instance.r#type, Some(EC2InstanceType::C4Large));
    assert_eq!(
        instance.operating_system,
        Some(OperatingSystem::AmazonLinux)
    );
    let instance_id = instance.instance_id.clone().expect("instance id");
    assert!(
        instance_id.starts_with("i-") && instance_id.len() == 19,
        "{instance_id}"
    );
    let ip = instance.ip_address.clone().expect("ip");
    assert_eq!(ip.split('.').count(), 4, "{ip}");
    assert_eq!(
        instance.dns_name.as_deref(),
        Some(
            format!(
                "ec2-{}.us-west-2.compute.amazonaws.com",
                ip.replace('.', "-")
            )
            .as_str()
        )
    );

    wait_for_fleet(&client, &id).await;
    let active = client
        .describe_instances()
        .fleet_id(&id)
        .instance_id(&instance_id)
        .send()
        .await
        .expect("instance")
        .instances
        .expect("list");
    assert_eq!(active[0].status, Some(InstanceStatus::Active));

    let missing = client
        .describe_instances()
        .fleet_id(&id)
        .instance_id("i-0000000000000000")
        .send()
        .await
        .expect_err("no such instance");
    assert!(matches!(
        service_error(missing),
        DescribeInstancesError::NotFoundException(_)
    ));
    let no_fleet = client
        .describe_instances()
        .fleet_id("fleet-00000000-0000-0000-0000-000000000000")
        .send()
        .await
        .expect_err("no such fleet");
    assert!(matches!(
        service_error(no_fleet),
        DescribeInstancesError::NotFoundException(_)
    ));
}

#[tokio::test(start_paused = true)]
async fn a_tls_fleet_has_gamelift_dns_names() {
    let local = local();
    let client = client(&local);
    let fleet = client
        .create_fleet()
        .name("secure")
        .script_id("script-1111aaaa-22bb-33cc-44dd-5555eeee66ff")
        .ec2_instance_type(EC2InstanceType::C4Large)
        .runtime_configuration(runtime(1))
        .certificate_configuration(
            CertificateConfiguration::builder()
                .certificate_type(CertificateType::Generated)
                .build()
                .expect("every required member is set"),
        )
        .send()
        .await
        .expect("create")
        .fleet_attributes
        .expect("attributes");
    assert_eq!(
        fleet.certificate_configuration.map(|c| c.certificate_type),
        Some(CertificateType::Generated)
    );
    let listed = instances(&client, &fleet.fleet_id.expect("id")).await;
    let instance = &listed[0];
    let dns = instance.dns_name.clone().expect("dns");
    let suffix = instance
        .instance_id
        .as_deref()
        .expect("id")
        .trim_start_matches("i-");
    assert_eq!(dns, format!("{suffix}.us-west-2.amazongamelift.com"));
}

#[tokio::test(start_paused = true)]
async fn a_windows_build_and_invalid_setups() {
    let local = local();
    let client = client(&local);
    let windows = RuntimeConfiguration::builder()
        .set_server_processes(Some(vec![ServerProcess::builder()
            .launch_path("C:\\game\\MyGame\\server.exe")
            .concurrent_executions(1)
            .build()
            .expect("every required member is set")]))
        .build();
    let fleet = client
        .create_fleet()
        .name("windows")
        .build_id("build-1")
        .ec2_instance_type(EC2InstanceType::C4Large)
        .runtime_configuration(windows.clone())
        .fleet_type(FleetType::Spot)
        .metric_groups("eu".to_owned())
        .send()
        .await
        .expect("create")
        .fleet_attributes
        .expect("attributes");
    assert_eq!(fleet.operating_system, Some(OperatingSystem::Windows2012));
    assert_eq!(fleet.fleet_type, Some(FleetType::Spot));
    assert_eq!(fleet.metric_groups, Some(vec!["eu".to_owned()]));

    let refused = |error| match service_error(error) {
        CreateFleetError::InvalidRequestException(e) => e.message.unwrap_or_default(),
        other => panic!("expected InvalidRequestException, got {other:?}"),
    };
    let realtime_on_windows = client
        .create_fleet()
        .name("realtime")
        .script_id("script-1")
        .ec2_instance_type(EC2InstanceType::C4Large)
        .runtime_configuration(windows)
        .send()
        .await
        .expect_err("Realtime scripts run on Linux");
    assert!(refused(realtime_on_windows).contains("Linux"));
    let nothing_to_run = client
        .create_fleet()
        .name("empty")
        .ec2_instance_type(EC2InstanceType::C4Large)
        .runtime_configuration(runtime(1))
        .send()
        .await
        .expect_err("no build or script");
    assert!(refused(nothing_to_run).contains("BuildId or a ScriptId"));
    let outside_the_root = client
        .create_fleet()
        .name("lost")
        .build_id("build-1")
        .ec2_instance_type(EC2InstanceType::C4Large)
        .server_launch_path("/opt/server")
        .send()
        .await
        .expect_err("a launch path outside the install root");
    assert!(refused(outside_the_root).contains("`/opt/server`"));
    let no_processes = client
        .create_fleet()
        .name("idle")
        .build_id("build-1")
        .ec2_instance_type(EC2InstanceType::C4Large)
        .send()
        .await
        .expect_err("no server process");
    assert!(refused(no_processes).contains("RuntimeConfiguration"));
}

/// Instance types current clients send that the 2019 documentation does not list (`c5.large`,
/// one of the 505 the official model has) are accepted, as the live service accepts them.
#[tokio::test(start_paused = true)]
async fn instance_types_of_the_official_model_are_accepted() {
    let local = gamelift_support::local();
    let client = gamelift_support::client(&local);
    let c5 = EC2InstanceType::from("c5.large");
    let fleet = client
        .create_fleet()
        .name("current")
        .build_id("build-1111aaaa-22bb-33cc-44dd-5555eeee66ff")
        .ec2_instance_type(c5.clone())
        .runtime_configuration(gamelift_support::runtime(1))
        .send()
        .await
        .expect("a c5.large fleet")
        .fleet_attributes
        .expect("its attributes");
    assert_eq!(fleet.instance_type, Some(c5));
    assert!(
        EC2InstanceType::VALUES.len() >= 505,
        "{}",
        EC2InstanceType::VALUES.len()
    );
}
