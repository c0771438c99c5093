//! A program that only calls `Config::from_env()` and one operation of the generated
//! GameLift client (`src/bin/one_call.rs`) authenticates from every source of the default
//! chain: each run gets a clean process environment with nothing but the variables and files
//! of one source, and the fake endpoints (on loopback) accept the call only when its SigV4
//! signature verifies with the credentials that source hands out.

// Test setup that cannot proceed panics with the failure.
#![allow(clippy::unwrap_used)]

#[path = "../../runtime/tests/credentials/support/mod.rs"]
mod support;

use sha1::{Digest, Sha1};
use support::{FakeAws, Home};

/// Runs the program with `HOME`, `PATH` (for `sh`), the fake's endpoints and `vars` only;
/// returns the key id the service accepted.
fn run(home: &Home, fake: &FakeAws, vars: &[(&str, &str)]) -> String {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_one_call"))
        .env_clear()
        .env("HOME", &home.dir)
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("AWS_ENDPOINT_URL_GAMELIFT", &fake.url)
        .env("AWS_ENDPOINT_URL_STS", &fake.url)
        .env("AWS_ENDPOINT_URL_SSO", &fake.url)
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .envs(vars.iter().copied())
        .output()
        .expect("run one_call");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "one_call failed: {stdout}{stderr}");
    assert_eq!(stdout.trim(), "ok: 0 fleets");
    let calls = fake.seen_of("service");
    assert_eq!(calls.len(), 1, "{calls:?}");
    calls[0]
        .key_id
        .clone()
        .expect("the service accepted the signature")
}

#[tokio::test(flavor = "multi_thread")]
async fn environment_and_profile_keys() {
    let fake = FakeAws::start().await;
    fake.knows("AKIDENV", "env-secret", Some("env-token"));
    let home = Home::new();
    let vars = [
        ("AWS_REGION", "us-west-2"),
        ("AWS_ACCESS_KEY_ID", "AKIDENV"),
        ("AWS_SECRET_ACCESS_KEY", "env-secret"),
        ("AWS_SESSION_TOKEN", "env-token"),
    ];
    assert_eq!(run(&home, &fake, &vars), "AKIDENV");

    let fake = FakeAws::start().await;
    fake.knows("AKIDFILE", "file-secret", None);
    let home = home
        .config("[profile team]\nregion = eu-west-1\n")
        .credentials("[team]\naws_access_key_id = AKIDFILE\naws_secret_access_key = file-secret\n");
    assert_eq!(run(&home, &fake, &[("AWS_PROFILE", "team")]), "AKIDFILE");
}

#[tokio::test(flavor = "multi_thread")]
async fn credential_process_and_assumed_roles() {
    let fake = FakeAws::start().await;
    fake.knows("AKIDPROC", "proc-secret", None);
    let home = Home::new();
    let script = home.file(
        "creds.sh",
        "echo '{\"Version\": 1, \"AccessKeyId\": \"AKIDPROC\", \"SecretAccessKey\": \"proc-secret\"}'\n",
    );
    let home = home.config(&format!(
        "[default]\nregion = us-east-1\nrole_arn = arn:aws:iam::123456789012:role/game-backend\n\
         source_profile = tooling\n\
         [profile tooling]\ncredential_process = sh {script}\n"
    ));
    let key = run(&home, &fake, &[]);
    assert!(key.starts_with("ASIAGAMEBACKEND"), "{key}");
    assert_eq!(
        fake.seen_of("sts:AssumeRole")[0].key_id.as_deref(),
        Some("AKIDPROC")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn web_identity_sso_container_and_instance_metadata() {
    let home = Home::new();

    let fake = FakeAws::start().await;
    fake.accept_web_identity_token("irsa-token");
    let token = home.file("token", "irsa-token");
    let vars = [
        ("AWS_REGION", "us-west-2"),
        ("AWS_WEB_IDENTITY_TOKEN_FILE", token.as_str()),
        ("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/pod"),
    ];
    assert!(run(&home, &fake, &vars).starts_with("ASIAPOD"));

    let fake = FakeAws::start().await;
    fake.accept_sso_token("sso-token");
    let home = home.config(
        "[default]\nregion = us-west-2\nsso_session = corp\nsso_account_id = 1\nsso_role_name = Dev\n\
         [sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n",
    );
    let name: String = Sha1::digest(b"corp")
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    home.file(
        &format!(".aws/sso/cache/{name}.json"),
        r#"{"accessToken": "sso-token", "expiresAt": "2099-01-01T00:00:00Z"}"#,
    );
    assert!(run(&home, &fake, &[]).starts_with("ASIASSO"));

    let home = Home::new();
    let fake = FakeAws::start().await;
    fake.require_container_token("pod-identity-token");
    let uri = format!("{}/creds", fake.url);
    let vars = [
        ("AWS_REGION", "us-west-2"),
        ("AWS_CONTAINER_CREDENTIALS_FULL_URI", uri.as_str()),
        ("AWS_CONTAINER_AUTHORIZATION_TOKEN", "pod-identity-token"),
    ];
    assert!(run(&home, &fake, &vars).starts_with("ASIACONTAINER"));

    let fake = FakeAws::start().await;
    let vars = [
        ("AWS_REGION", "us-west-2"),
        ("AWS_EC2_METADATA_DISABLED", "false"),
        ("AWS_EC2_METADATA_SERVICE_ENDPOINT", fake.url.as_str()),
    ];
    assert!(run(&home, &fake, &vars).starts_with("ASIAIMDS"));
}
