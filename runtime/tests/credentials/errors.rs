//! Every way the chain can come up empty or fail, and what it tells the user.

use std::time::Duration;

use smithy_runtime::client::{
    CredentialsErrorKind, DefaultCredentialsChain, Env, ProvideCredentials, ProviderConfig,
};
use tokio::net::TcpListener;

use crate::calls::{call, message};
use crate::support::{FakeAws, Home};

/// The chain's error with `env`, bounded so that a hang fails instead of blocking the suite.
async fn chain_error(env: Env) -> smithy_runtime::client::CredentialsError {
    let chain = DefaultCredentialsChain::with(&ProviderConfig::from_env(env));
    tokio::time::timeout(Duration::from_secs(20), chain.provide_credentials())
        .await
        .expect("the chain answers in time")
        .expect_err("no credentials")
}

/// A loopback address where nothing listens.
async fn closed_port() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    url
}

#[tokio::test]
async fn nothing_anywhere_says_where_it_looked_and_why() {
    let home = Home::new();
    let imds = closed_port().await;
    let env = home.env(&[
        ("AWS_EC2_METADATA_DISABLED", "false"),
        ("AWS_EC2_METADATA_SERVICE_ENDPOINT", &imds),
    ]);
    let error = chain_error(env).await;
    assert_eq!(error.kind(), CredentialsErrorKind::NotLoaded);
    let message = error.to_string();
    let home_dir = home.dir.display();
    for expected in [
        "environment: AWS_ACCESS_KEY_ID unset".to_owned(),
        format!("profile `default`: not in {home_dir}/.aws/config (absent) or {home_dir}/.aws/credentials (absent)"),
        "web identity: AWS_WEB_IDENTITY_TOKEN_FILE unset".to_owned(),
        "container: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI unset".to_owned(),
        format!("instance metadata: {imds}/latest/api/token"),
        "Config::builder().credentials_provider".to_owned(),
    ] {
        assert!(message.contains(&expected), "{expected:?} not in {message}");
    }
}

#[tokio::test]
async fn a_metadata_service_that_never_answers_gives_up_after_a_second() {
    // Accepts connections and never answers.
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let imds = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((stream, _)) = listener.accept().await {
            held.push(stream);
        }
    });
    let home = Home::new();
    let env = home.env(&[
        ("AWS_EC2_METADATA_DISABLED", "false"),
        ("AWS_EC2_METADATA_SERVICE_ENDPOINT", &imds),
    ]);
    let message = chain_error(env).await.to_string();
    assert!(
        message.contains(&format!("instance metadata: no answer from {imds} in 1 s")),
        "{message}"
    );
}

#[tokio::test]
async fn metadata_turned_off_and_a_profile_without_credentials() {
    let home = Home::new().config("[default]\nregion = us-west-2\n");
    let message = chain_error(home.env(&[])).await.to_string();
    assert!(
        message.contains("instance metadata: turned off by AWS_EC2_METADATA_DISABLED"),
        "{message}"
    );
    assert!(
        message.contains("profile `default` has no credentials"),
        "{message}"
    );
}

#[tokio::test]
async fn a_malformed_profile_file_names_the_file_and_line() {
    let home = Home::new().config("[default]\nregion = us-west-2\nthis line is wrong\n");
    let error = chain_error(home.env(&[])).await;
    assert_eq!(error.kind(), CredentialsErrorKind::Invalid);
    let expected = format!(
        "{}/.aws/config is malformed: line 3: expected `name = value`",
        home.dir.display()
    );
    assert!(error.to_string().contains(&expected), "{error}");

    // The same file stops a call from `Config::from_env()` before anything is sent, with the
    // same words.
    let error = message(
        call(&home.env(&[("AWS_ACCESS_KEY_ID", "A"), ("AWS_SECRET_ACCESS_KEY", "B")]))
            .await
            .unwrap_err(),
    );
    assert!(error.contains(&expected), "{error}");
}

#[tokio::test]
async fn half_set_variables_stop_the_chain() {
    let home = Home::new();
    let error = chain_error(home.env(&[("AWS_SECRET_ACCESS_KEY", "s")])).await;
    assert_eq!(error.kind(), CredentialsErrorKind::Invalid);
    assert!(
        error
            .to_string()
            .contains("AWS_ACCESS_KEY_ID is not; set both"),
        "{error}"
    );

    let error = chain_error(home.env(&[("AWS_WEB_IDENTITY_TOKEN_FILE", "/tmp/t")])).await;
    assert!(
        error.to_string().contains("AWS_ROLE_ARN is not; set both"),
        "{error}"
    );

    let home = Home::new().credentials("[default]\naws_access_key_id = AKID\n");
    let error = chain_error(home.env(&[])).await;
    assert!(error.to_string().contains("credentials line 2: profile `default` has aws_access_key_id but no aws_secret_access_key"), "{error}");
}

#[tokio::test]
async fn broken_profile_links() {
    let home = Home::new().config(
        "[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = b\n\
         [profile b]\nrole_arn = arn:aws:iam::1:role/b\nsource_profile = a\n\
         [profile lost]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = nowhere\n\
         [profile bare]\nrole_arn = arn:aws:iam::1:role/x\n\
         [profile both]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = a\ncredential_source = Environment\n\
         [profile mfa]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = a\nmfa_serial = arn:aws:iam::1:mfa/me\n\
         [profile odd]\nrole_arn = arn:aws:iam::1:role/x\ncredential_source = Laptop\n",
    );
    for (profile, expected) in [
        ("a", "source_profile links form a loop: a -> b -> a"),
        (
            "lost",
            "profile `lost` names source_profile `nowhere`, which does not exist",
        ),
        (
            "bare",
            "profile `bare` sets role_arn but neither source_profile nor credential_source",
        ),
        (
            "both",
            "profile `both` sets both source_profile and credential_source",
        ),
        ("mfa", "profile `mfa` needs an MFA code (mfa_serial)"),
        (
            "odd",
            "expected Environment, Ec2InstanceMetadata or EcsContainer",
        ),
    ] {
        let error = chain_error(home.env(&[("AWS_PROFILE", profile)])).await;
        assert_eq!(
            error.kind(),
            CredentialsErrorKind::Invalid,
            "{profile}: {error}"
        );
        assert!(error.to_string().contains(expected), "{profile}: {error}");
    }
}

#[tokio::test]
async fn sts_errors_come_with_their_code_and_message() {
    let fake = FakeAws::start().await;
    fake.knows("AKIDBASE", "base-secret", None);
    fake.sts_fails(
        403,
        "AccessDenied",
        "User: arn:aws:iam::1:user/me is not authorized to perform: sts:AssumeRole",
    );
    let home = Home::new().config(
        "[default]\nrole_arn = arn:aws:iam::1:role/app\nsource_profile = base\n\
         [profile base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = base-secret\n",
    );
    let error = chain_error(home.env(&[("AWS_ENDPOINT_URL_STS", &fake.url)])).await;
    assert_eq!(error.kind(), CredentialsErrorKind::ProviderError);
    let message = error.to_string();
    assert!(message.starts_with("profile `default`: STS AssumeRole of arn:aws:iam::1:role/app failed: AccessDenied: User: arn:aws:iam::1:user/me is not authorized"), "{message}");
    assert!(message.contains("(HTTP 403)"), "{message}");

    // A web identity token STS refuses.
    let fake = FakeAws::start().await;
    fake.accept_web_identity_token("the-right-token");
    let token = home.file("token", "a-wrong-token");
    let error = chain_error(home.env(&[
        ("AWS_ENDPOINT_URL_STS", &fake.url),
        ("AWS_WEB_IDENTITY_TOKEN_FILE", &token),
        ("AWS_ROLE_ARN", "arn:aws:iam::1:role/irsa"),
        ("AWS_PROFILE", "none"),
    ]))
    .await;
    assert!(
        error
            .to_string()
            .contains("InvalidIdentityToken: the token is not valid"),
        "{error}"
    );
}

#[tokio::test]
async fn sso_errors_say_to_log_in_again() {
    let fake = FakeAws::start().await;
    fake.accept_sso_token("the-current-token");
    let home = Home::new().config(
        "[default]\nsso_session = corp\nsso_account_id = 1\nsso_role_name = Dev\n\
         [sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n\
         [profile incomplete]\nsso_start_url = https://x.awsapps.com/start\n",
    );
    let env = |vars: &[(&str, &str)]| {
        let mut all = vec![("AWS_ENDPOINT_URL_SSO", fake.url.as_str())];
        all.extend_from_slice(vars);
        home.env(&all)
    };
    let error = chain_error(env(&[])).await;
    assert!(
        error.to_string().contains("no cached SSO token at"),
        "{error}"
    );
    assert!(
        error
            .to_string()
            .contains("run `aws sso login --profile default`"),
        "{error}"
    );

    let cache = format!(".aws/sso/cache/{}.json", sha1_hex("corp"));
    home.file(
        &cache,
        r#"{"accessToken": "an-old-token", "expiresAt": "2001-01-01T00:00:00Z"}"#,
    );
    let error = chain_error(env(&[])).await;
    assert!(
        error
            .to_string()
            .contains("expired at 2001-01-01T00:00:00Z; run `aws sso login"),
        "{error}"
    );

    home.file(
        &cache,
        r#"{"accessToken": "a-revoked-token", "expiresAt": "2099-01-01T00:00:00Z"}"#,
    );
    let error = chain_error(env(&[])).await;
    assert_eq!(error.kind(), CredentialsErrorKind::ProviderError);
    assert!(
        error.to_string().contains("UnauthorizedException: Session token not found or invalid (HTTP 401); run `aws sso login --profile default`"),
        "{error}"
    );

    let error = chain_error(env(&[("AWS_PROFILE", "incomplete")])).await;
    assert!(
        error
            .to_string()
            .contains("uses SSO but has no sso_region, sso_account_id, sso_role_name"),
        "{error}"
    );
}

fn sha1_hex(text: &str) -> String {
    use sha1::Digest;
    sha1::Sha1::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[tokio::test]
async fn a_failing_credential_process_shows_its_stderr() {
    let home = Home::new();
    let script = home.file(
        "fail.sh",
        "echo 'token expired: run vault login' >&2\nexit 3\n",
    );
    let home = home.config(&format!("[default]\ncredential_process = sh {script}\n"));
    let error = chain_error(home.env(&[])).await;
    assert_eq!(error.kind(), CredentialsErrorKind::ProviderError);
    let message = error.to_string();
    assert!(message.contains(&format!("credential_process `sh {script}` failed (exit status: 3): token expired: run vault login")), "{message}");

    let script = home.file("garbage.sh", "echo not-json\n");
    let home = home.config(&format!("[default]\ncredential_process = sh {script}\n"));
    let error = chain_error(home.env(&[])).await;
    assert!(
        error
            .to_string()
            .contains("its output is not the credentials JSON"),
        "{error}"
    );
}

#[tokio::test]
async fn container_errors() {
    let home = Home::new();
    let error = chain_error(home.env(&[(
        "AWS_CONTAINER_CREDENTIALS_FULL_URI",
        "http://192.168.1.10/creds",
    )]))
    .await;
    assert_eq!(error.kind(), CredentialsErrorKind::Invalid);
    assert!(
        error
            .to_string()
            .contains("is not allowed: over http:// it must name a loopback address"),
        "{error}"
    );

    let fake = FakeAws::start().await;
    fake.require_container_token("right");
    let uri = format!("{}/creds", fake.url);
    let error = chain_error(home.env(&[
        ("AWS_CONTAINER_CREDENTIALS_FULL_URI", &uri),
        ("AWS_CONTAINER_AUTHORIZATION_TOKEN", "wrong"),
    ]))
    .await;
    assert_eq!(error.kind(), CredentialsErrorKind::ProviderError);
    assert!(
        error.to_string().contains(
            "container: the endpoint answered HTTP 403: AccessDenied: bad authorization token"
        ),
        "{error}"
    );

    let error = chain_error(home.env(&[("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "creds")])).await;
    assert!(
        error
            .to_string()
            .contains("it must be a path starting with /"),
        "{error}"
    );
}

#[tokio::test]
async fn a_call_without_credentials_reports_the_chain() {
    let home = Home::new();
    let error = message(
        call(&home.env(&[("AWS_REGION", "us-west-2")]))
            .await
            .unwrap_err(),
    );
    assert!(
        error.starts_with(
            "no credentials: no AWS credentials found (environment: AWS_ACCESS_KEY_ID unset;"
        ),
        "{error}"
    );
}
