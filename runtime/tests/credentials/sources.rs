//! Each source of the default chain, end to end: configuration only from an environment map
//! and files (as `Config::from_env()` reads them), one call of a service that accepts it only
//! when the signature verifies with the credentials that source should have produced.

use sha1::{Digest, Sha1};
use smithy_runtime::client::{ProfileCredentials, ProvideCredentials, ProviderConfig};

use crate::calls::{call, message};
use crate::support::{FakeAws, Home};

const KEY: &str = "AKIDSTATIC";
const SECRET: &str = "static/secret+key";

/// The variables that point the service and STS/SSO at the fake.
fn endpoints(fake: &FakeAws) -> Vec<(&'static str, String)> {
    vec![
        ("AWS_ENDPOINT_URL_GAMELIFT", fake.url.clone()),
        ("AWS_ENDPOINT_URL_STS", fake.url.clone()),
        ("AWS_ENDPOINT_URL_SSO", fake.url.clone()),
    ]
}

fn env_with(home: &Home, fake: &FakeAws, vars: &[(&str, &str)]) -> smithy_runtime::client::Env {
    let endpoints = endpoints(fake);
    let mut all: Vec<(&str, &str)> = endpoints.iter().map(|(k, v)| (*k, v.as_str())).collect();
    all.extend_from_slice(vars);
    home.env(&all)
}

/// The key id the service saw on its one accepted call.
fn signed_by(fake: &FakeAws) -> String {
    let calls = fake.seen_of("service");
    assert_eq!(calls.len(), 1, "{calls:?}");
    calls[0]
        .key_id
        .clone()
        .unwrap_or_else(|| panic!("refused: {calls:?}"))
}

#[tokio::test]
async fn environment_variables() {
    let fake = FakeAws::start().await;
    fake.knows(KEY, SECRET, Some("env-token"));
    let home = Home::new();
    let env = env_with(
        &home,
        &fake,
        &[
            ("AWS_REGION", "us-west-2"),
            ("AWS_ACCESS_KEY_ID", KEY),
            ("AWS_SECRET_ACCESS_KEY", SECRET),
            ("AWS_SESSION_TOKEN", "env-token"),
        ],
    );
    call(&env).await.map_err(message).unwrap();
    assert_eq!(signed_by(&fake), KEY);
}

#[tokio::test]
async fn static_keys_in_either_file_and_region_from_the_profile() {
    let fake = FakeAws::start().await;
    fake.knows(KEY, SECRET, None);
    fake.knows("AKIDCONFIG", "config-secret", Some("config-token"));
    let home = Home::new()
        .config(
            "[default]\nregion = eu-west-1\n\
             [profile dev]\nregion = ap-south-1\naws_access_key_id = AKIDCONFIG\n\
             aws_secret_access_key = config-secret\naws_session_token = config-token\n",
        )
        .credentials(&format!(
            "[default]\naws_access_key_id = {KEY}\naws_secret_access_key = {SECRET}\n"
        ));
    call(&env_with(&home, &fake, &[]))
        .await
        .map_err(message)
        .unwrap();
    assert_eq!(signed_by(&fake), KEY);

    let fake = FakeAws::start().await;
    fake.knows("AKIDCONFIG", "config-secret", Some("config-token"));
    call(&env_with(&home, &fake, &[("AWS_PROFILE", "dev")]))
        .await
        .map_err(message)
        .unwrap();
    assert_eq!(signed_by(&fake), "AKIDCONFIG");
}

#[tokio::test]
async fn credential_process_script() {
    let fake = FakeAws::start().await;
    fake.knows("AKIDPROCESS", "process-secret", Some("process-token"));
    let home = Home::new();
    let script = home.file(
        "creds.sh",
        "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"AKIDPROCESS\", \
         \"SecretAccessKey\": \"process-secret\", \"SessionToken\": \"process-token\", \
         \"Expiration\": \"2099-01-01T00:00:00Z\"}'\n",
    );
    let home = home.config(&format!(
        "[default]\nregion = us-east-2\ncredential_process = sh {script}\n"
    ));
    call(&env_with(&home, &fake, &[]))
        .await
        .map_err(message)
        .unwrap();
    assert_eq!(signed_by(&fake), "AKIDPROCESS");
}

#[tokio::test]
async fn role_chain_through_source_profiles() {
    let fake = FakeAws::start().await;
    fake.knows(KEY, SECRET, None);
    let home = Home::new().config(&format!(
        "[profile app]\nregion = us-west-2\nrole_arn = arn:aws:iam::123456789012:role/app\n\
         source_profile = middle\nrole_session_name = app-session\nexternal_id = ext-1\n\
         [profile middle]\nrole_arn = arn:aws:iam::123456789012:role/middle\nsource_profile = base\n\
         duration_seconds = 1800\n\
         [profile base]\naws_access_key_id = {KEY}\naws_secret_access_key = {SECRET}\n"
    ));
    call(&env_with(&home, &fake, &[("AWS_PROFILE", "app")]))
        .await
        .map_err(message)
        .unwrap();

    let assumed = fake.seen_of("sts:AssumeRole");
    assert_eq!(assumed.len(), 2, "{assumed:?}");
    // The base keys sign the first hop; the first hop's credentials sign the second.
    assert_eq!(
        assumed[0].detail["RoleArn"],
        "arn:aws:iam::123456789012:role/middle"
    );
    assert_eq!(assumed[0].key_id.as_deref(), Some(KEY));
    assert_eq!(assumed[0].detail["DurationSeconds"], "1800");
    assert_eq!(
        assumed[1].detail["RoleArn"],
        "arn:aws:iam::123456789012:role/app"
    );
    assert!(
        assumed[1]
            .key_id
            .as_deref()
            .unwrap()
            .starts_with("ASIAMIDDLE"),
        "{assumed:?}"
    );
    assert_eq!(assumed[1].detail["RoleSessionName"], "app-session");
    assert_eq!(assumed[1].detail["ExternalId"], "ext-1");
    assert!(signed_by(&fake).starts_with("ASIAAPP"));
}

/// `credential_source` roles, asked of the profile provider directly: in the default chain
/// the environment's own keys (or the metadata service itself) come first, as in the SDKs.
#[tokio::test]
async fn roles_from_a_credential_source() {
    let fake = FakeAws::start().await;
    fake.knows(KEY, SECRET, None);
    let home = Home::new().config(
        "[profile ops]\nrole_arn = arn:aws:iam::123456789012:role/ops\n\
         credential_source = Environment\n\
         [profile ec2]\nrole_arn = arn:aws:iam::123456789012:role/ec2admin\n\
         credential_source = Ec2InstanceMetadata\n",
    );
    let env = env_with(
        &home,
        &fake,
        &[
            ("AWS_ACCESS_KEY_ID", KEY),
            ("AWS_SECRET_ACCESS_KEY", SECRET),
            ("AWS_EC2_METADATA_DISABLED", "false"),
            ("AWS_EC2_METADATA_SERVICE_ENDPOINT", &fake.url),
        ],
    );
    let provider = |profile: &str| {
        ProfileCredentials::new(
            &ProviderConfig::builder()
                .env(env.clone())
                .profile_name(profile)
                .build(),
        )
    };

    let assumed = provider("ops").provide_credentials().await.unwrap();
    assert!(
        assumed.access_key_id().starts_with("ASIAOPS"),
        "{assumed:?}"
    );
    assert_eq!(
        fake.seen_of("sts:AssumeRole")[0].key_id.as_deref(),
        Some(KEY)
    );

    let assumed = provider("ec2").provide_credentials().await.unwrap();
    assert!(
        assumed.access_key_id().starts_with("ASIAEC2ADMIN"),
        "{assumed:?}"
    );
    let signer = fake.seen_of("sts:AssumeRole")[1].key_id.clone().unwrap();
    assert!(signer.starts_with("ASIAIMDS"), "{signer}");
}

#[tokio::test]
async fn web_identity_from_the_environment_and_from_a_profile() {
    let fake = FakeAws::start().await;
    fake.accept_web_identity_token("eks-token");
    let home = Home::new();
    let token_file = home.file("token", "eks-token\n");
    let env = env_with(
        &home,
        &fake,
        &[
            ("AWS_REGION", "us-west-2"),
            ("AWS_WEB_IDENTITY_TOKEN_FILE", &token_file),
            ("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/irsa"),
            ("AWS_ROLE_SESSION_NAME", "pod-1"),
        ],
    );
    call(&env).await.map_err(message).unwrap();
    let exchanged = fake.seen_of("sts:AssumeRoleWithWebIdentity");
    assert_eq!(exchanged.len(), 1);
    assert_eq!(exchanged[0].detail["RoleSessionName"], "pod-1");
    assert_eq!(
        exchanged[0].key_id, None,
        "AssumeRoleWithWebIdentity is not signed"
    );
    assert!(signed_by(&fake).starts_with("ASIAIRSA"));

    let fake = FakeAws::start().await;
    fake.accept_web_identity_token("eks-token");
    let home = home.config(&format!(
        "[default]\nregion = us-west-2\nrole_arn = arn:aws:iam::123456789012:role/fromprofile\n\
         web_identity_token_file = {token_file}\n"
    ));
    call(&env_with(&home, &fake, &[]))
        .await
        .map_err(message)
        .unwrap();
    assert!(signed_by(&fake).starts_with("ASIAFROMPROFILE"));
}

fn sha1_hex(text: &str) -> String {
    Sha1::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[tokio::test]
async fn sso_session_and_legacy_sso_profiles() {
    let fake = FakeAws::start().await;
    fake.accept_sso_token("sso-access-token");
    let home = Home::new().config(
        "[profile dev]\nregion = us-west-2\nsso_session = corp\nsso_account_id = 111122223333\n\
         sso_role_name = Developer\n\
         [sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n\
         [profile legacy]\nregion = us-west-2\nsso_start_url = https://old.awsapps.com/start\n\
         sso_region = eu-west-1\nsso_account_id = 444455556666\nsso_role_name = Admin\n",
    );
    let cached = r#"{"accessToken": "sso-access-token", "expiresAt": "2099-01-01T00:00:00Z", "region": "us-east-1"}"#;
    home.file(&format!(".aws/sso/cache/{}.json", sha1_hex("corp")), cached);
    home.file(
        &format!(
            ".aws/sso/cache/{}.json",
            sha1_hex("https://old.awsapps.com/start")
        ),
        &cached.replace("2099-01-01T00:00:00Z", "2099-01-01T00:00:00UTC"),
    );

    call(&env_with(&home, &fake, &[("AWS_PROFILE", "dev")]))
        .await
        .map_err(message)
        .unwrap();
    let asked = fake.seen_of("sso");
    assert_eq!(asked[0].detail["account_id"], "111122223333");
    assert_eq!(asked[0].detail["role_name"], "Developer");
    assert!(signed_by(&fake).starts_with("ASIASSO"));

    let fake = FakeAws::start().await;
    fake.accept_sso_token("sso-access-token");
    call(&env_with(&home, &fake, &[("AWS_PROFILE", "legacy")]))
        .await
        .map_err(message)
        .unwrap();
    assert_eq!(fake.seen_of("sso")[0].detail["role_name"], "Admin");
    assert!(signed_by(&fake).starts_with("ASIASSO"));
}

#[tokio::test]
async fn container_full_uri_with_a_token_file_or_a_token() {
    let fake = FakeAws::start().await;
    fake.require_container_token("container-secret-token");
    let home = Home::new();
    let token_file = home.file("pod-token", "container-secret-token\n");
    let uri = format!("{}/creds/v1", fake.url);
    let env = env_with(
        &home,
        &fake,
        &[
            ("AWS_REGION", "us-west-2"),
            ("AWS_CONTAINER_CREDENTIALS_FULL_URI", &uri),
            ("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", &token_file),
            (
                "AWS_CONTAINER_AUTHORIZATION_TOKEN",
                "ignored-when-the-file-is-set",
            ),
        ],
    );
    call(&env).await.map_err(message).unwrap();
    assert_eq!(
        fake.seen_of("container")[0].detail["authorization"],
        "container-secret-token"
    );
    assert!(signed_by(&fake).starts_with("ASIACONTAINER"));

    let fake = FakeAws::start().await;
    fake.require_container_token("plain-token");
    let uri = format!("{}/creds/v2", fake.url);
    let env = env_with(
        &home,
        &fake,
        &[
            ("AWS_REGION", "us-west-2"),
            ("AWS_CONTAINER_CREDENTIALS_FULL_URI", &uri),
            ("AWS_CONTAINER_AUTHORIZATION_TOKEN", "plain-token"),
        ],
    );
    call(&env).await.map_err(message).unwrap();
    assert!(signed_by(&fake).starts_with("ASIACONTAINER"));
}

#[tokio::test]
async fn instance_metadata_v2() {
    let fake = FakeAws::start().await;
    let home = Home::new();
    let env = env_with(
        &home,
        &fake,
        &[
            ("AWS_REGION", "us-west-2"),
            ("AWS_EC2_METADATA_DISABLED", "false"),
            ("AWS_EC2_METADATA_SERVICE_ENDPOINT", &fake.url),
        ],
    );
    call(&env).await.map_err(message).unwrap();
    let kinds: Vec<String> = fake.seen().into_iter().map(|s| s.what).collect();
    assert_eq!(
        kinds,
        ["imds:token", "imds:role", "imds:credentials", "service"]
    );
    assert_eq!(
        fake.seen_of("imds:credentials")[0].detail["role"],
        "instance-role"
    );
    assert!(signed_by(&fake).starts_with("ASIAIMDS"));
}
