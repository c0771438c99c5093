//! GameSparks stage deployments, generated-code jobs and extensions through the generated
//! client and its waiters.

mod gamesparks_support;

use std::time::Duration;

use gamesparks_api::types::{
    DeploymentAction, DeploymentState, GeneratedCodeJobState, Generator, ResultCode,
};
use gamesparks_support::{
    client, game, local, read_stage, service_error, snapshot, stage, start_code_job,
    start_deployment,
};

const TOKEN: &str = "deployment-token-0123456789abcdef0123456";
const WAIT: Duration = Duration::from_secs(600);

#[tokio::test(start_paused = true)]
async fn a_deployment_completes_for_the_waiter() {
    let local = local();
    let client = client(&local);
    game(&client, "Racer").await;
    let before = stage(&client, "Racer", "Dev").await;
    let snapshot_id = snapshot(&client, "Racer").await.id.expect("an id");
    let started = start_deployment(&client, "Racer", "Dev", &snapshot_id).await;
    assert_eq!(started.deployment_state, Some(DeploymentState::Pending));
    assert_eq!(started.deployment_action, Some(DeploymentAction::Deploy));
    assert_eq!(started.snapshot_id.as_deref(), Some(snapshot_id.as_str()));
    assert_eq!(started.deployment_result, None);
    let id = started.deployment_id.clone().expect("an id");

    let done = client
        .wait_until_stage_deployment_completed()
        .game_name("Racer")
        .stage_name("Dev")
        .deployment_id(&id)
        .wait(WAIT)
        .await
        .expect("the deployment completes")
        .into_output()
        .and_then(|output| output.stage_deployment)
        .expect("a deployment");
    assert_eq!(done.deployment_state, Some(DeploymentState::Completed));
    let result = done.deployment_result.expect("a result once completed");
    assert_eq!(result.result_code, Some(ResultCode::Success));
    assert_eq!(
        result.message,
        Some(format!(
            "Snapshot '{snapshot_id}' is deployed to stage 'Dev'."
        ))
    );
    assert_eq!(done.created, started.created);

    let after = read_stage(&client, "Racer", "Dev").await.expect("a stage");
    assert!(after.last_updated >= before.last_updated);
    assert_eq!(after.game_key, before.game_key);
    let deployed = local
        .gamesparks()
        .runner()
        .edit(|state| {
            let dev = state.stages.get("Racer/Dev").expect("the stage");
            dev.deployed_snapshot().map(str::to_owned)
        })
        .await
        .expect("read");
    assert_eq!(deployed, Some(snapshot_id));
}

#[tokio::test(start_paused = true)]
async fn polls_see_each_status_and_the_latest_deployment_is_the_default() {
    let local = local();
    let client = client(&local);
    game(&client, "Racer").await;
    stage(&client, "Racer", "Dev").await;
    let first = snapshot(&client, "Racer").await.id.expect("an id");
    let second = snapshot(&client, "Racer").await.id.expect("an id");
    for snapshot_id in [&first, &second] {
        start_deployment(&client, "Racer", "Dev", snapshot_id).await;
    }
    let mut states = Vec::new();
    for _ in 0..3 {
        let latest = client
            .get_stage_deployment()
            .game_name("Racer")
            .stage_name("Dev")
            .send()
            .await
            .expect("GetStageDeployment")
            .stage_deployment
            .expect("a deployment");
        assert_eq!(latest.snapshot_id.as_ref(), Some(&second));
        states.extend(latest.deployment_state);
    }
    assert_eq!(
        states,
        [
            DeploymentState::InProgress,
            DeploymentState::Completed,
            DeploymentState::Completed
        ]
    );

    let listed = client
        .list_stage_deployments()
        .game_name("Racer")
        .stage_name("Dev")
        .into_paginator()
        .page_size(1)
        .send()
        .items()
        .try_collect()
        .await
        .expect("ListStageDeployments");
    let snapshots: Vec<_> = listed
        .iter()
        .filter_map(|d| d.snapshot_id.clone())
        .collect();
    assert_eq!(snapshots, [first, second]);
    assert!(listed[1].deployment_result.is_some());

    let missing = client
        .get_stage_deployment()
        .game_name("Racer")
        .stage_name("Dev")
        .deployment_id("no-such-deployment")
        .send()
        .await;
    let (code, message) = service_error(missing);
    assert_eq!(code, "ResourceNotFoundException");
    assert_eq!(
        message,
        "Stage 'Dev' of game 'Racer' has no deployment 'no-such-deployment'."
    );
    stage(&client, "Racer", "Live").await;
    let none = client
        .get_stage_deployment()
        .game_name("Racer")
        .stage_name("Live")
        .send()
        .await;
    let (code, message) = service_error(none);
    assert_eq!(code, "ResourceNotFoundException");
    assert_eq!(message, "Stage 'Live' of game 'Racer' has no deployments.");
}

#[tokio::test(start_paused = true)]
async fn a_client_token_makes_a_deployment_idempotent() {
    let local = local();
    let client = client(&local);
    game(&client, "Racer").await;
    stage(&client, "Racer", "Dev").await;
    let first = snapshot(&client, "Racer").await.id.expect("an id");
    let second = snapshot(&client, "Racer").await.id.expect("an id");
    let start = |snapshot_id: &String| {
        client
            .start_stage_deployment()
            .game_name("Racer")
            .stage_name("Dev")
            .snapshot_id(snapshot_id)
            .client_token(TOKEN)
            .send()
    };
    let started = start(&first).await.expect("StartStageDeployment");
    let retried = start(&first).await.expect("the same request again");
    assert_eq!(retried.stage_deployment, started.stage_deployment);
    let (code, message) = service_error(start(&second).await);
    assert_eq!(code, "ConflictException");
    assert!(message.contains(&first), "{message}");

    let listed = client
        .list_stage_deployments()
        .game_name("Racer")
        .stage_name("Dev")
        .send()
        .await
        .expect("ListStageDeployments");
    assert_eq!(listed.stage_deployments.map(|d| d.len()), Some(1));

    let missing = client
        .start_stage_deployment()
        .game_name("Racer")
        .stage_name("Dev")
        .snapshot_id("Snapshot_2020-01-01T00:00:00.000Z")
        .send()
        .await;
    let (code, message) = service_error(missing);
    assert_eq!(code, "ResourceNotFoundException");
    assert!(
        message.contains("Snapshot_2020-01-01T00:00:00.000Z"),
        "{message}"
    );
}

#[tokio::test(start_paused = true)]
async fn a_code_job_completes_for_the_waiter() {
    let local = local();
    let client = client(&local);
    game(&client, "Racer").await;
    let snapshot_id = snapshot(&client, "Racer").await.id.expect("an id");
    let generator = Generator::builder()
        .game_sdk_version("1.0.0".to_owned())
        .language("CSharp".to_owned())
        .target_platform("Unity".to_owned())
        .build();
    let job_id = start_code_job(&client, "Racer", &snapshot_id, generator).await;
    let listed = client
        .list_generated_code_jobs()
        .game_name("Racer")
        .snapshot_id(&snapshot_id)
        .send()
        .await
        .expect("ListGeneratedCodeJobs");
    let jobs = listed.generated_code_jobs.expect("jobs");
    assert_eq!(jobs.len(), 1);
    assert_eq!(jobs[0].status, Some(GeneratedCodeJobState::InProgress));
    assert_eq!(jobs[0].s3_url, None);

    let job = client
        .wait_until_generated_code_job_completed()
        .game_name("Racer")
        .snapshot_id(&snapshot_id)
        .job_id(&job_id)
        .wait(WAIT)
        .await
        .expect("the job completes")
        .into_output()
        .and_then(|output| output.generated_code_job)
        .expect("a job");
    assert_eq!(job.status, Some(GeneratedCodeJobState::Completed));
    assert_eq!(job.generated_code_job_id.as_deref(), Some(job_id.as_str()));
    let url = job.s3_url.expect("a URL once completed");
    let prefix = format!(
        "https://gamesparks-generated-code-123456789012-us-west-2.s3.us-west-2.amazonaws.com/Racer/{snapshot_id}/{job_id}.zip?"
    );
    assert!(url.starts_with(&prefix), "{url}");
    assert!(job.expiration_time.is_some());
    assert_eq!(
        job.description,
        Some(format!(
            "Client code for snapshot '{snapshot_id}': platform Unity, language CSharp, Game SDK 1.0.0."
        ))
    );

    let missing = client
        .get_generated_code_job()
        .game_name("Racer")
        .snapshot_id(&snapshot_id)
        .job_id("00000000-0000-4000-8000-000000000000")
        .send()
        .await;
    let (code, message) = service_error(missing);
    assert_eq!(code, "ResourceNotFoundException");
    assert!(
        message.contains("00000000-0000-4000-8000-000000000000"),
        "{message}"
    );
}

#[tokio::test(start_paused = true)]
async fn the_extension_catalog_is_listed_and_read() {
    let local = local();
    let client = client(&local);
    let extensions = client
        .list_extensions()
        .into_paginator()
        .send()
        .items()
        .try_collect()
        .await
        .expect("ListExtensions");
    assert_eq!(extensions.len(), 1);
    let (namespace, name) = (
        extensions[0].namespace.clone().expect("a namespace"),
        extensions[0].name.clone().expect("a name"),
    );
    assert_eq!(
        (namespace.as_str(), name.as_str()),
        ("local-services", "Configuration")
    );
    let got = client
        .get_extension()
        .namespace(&namespace)
        .name(&name)
        .send()
        .await
        .expect("GetExtension");
    assert_eq!(got.extension.as_ref(), Some(&extensions[0]));

    let versions = client
        .list_extension_versions()
        .namespace(&namespace)
        .name(&name)
        .send()
        .await
        .expect("ListExtensionVersions")
        .extension_versions
        .expect("versions");
    let numbers: Vec<_> = versions
        .iter()
        .filter_map(|v| v.version.as_deref())
        .collect();
    assert_eq!(numbers, ["1.0.0"]);
    let version = client
        .get_extension_version()
        .namespace(&namespace)
        .name(&name)
        .extension_version("1.0.0")
        .send()
        .await
        .expect("GetExtensionVersion")
        .extension_version
        .expect("a version");
    let schema: smithy_runtime::serde_json::Value =
        smithy_runtime::serde_json::from_str(version.schema.as_deref().unwrap_or_default())
            .expect("the schema is JSON");
    assert_eq!(schema["type"], "object");

    let unknown = client
        .get_extension()
        .namespace("other")
        .name(&name)
        .send()
        .await;
    let (code, message) = service_error(unknown);
    assert_eq!(code, "ResourceNotFoundException");
    assert_eq!(
        message,
        "There is no extension 'Configuration' in namespace 'other'."
    );
    let no_version = client
        .get_extension_version()
        .namespace(&namespace)
        .name(&name)
        .extension_version("9.9.9")
        .send()
        .await;
    let (code, _) = service_error(no_version);
    assert_eq!(code, "ResourceNotFoundException");
}
