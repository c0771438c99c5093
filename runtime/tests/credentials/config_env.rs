//! Region, endpoint URL and retry settings from the environment and the profile, as a client
//! settles them at its first call.

use std::time::Duration;

use smithy_runtime::client::{
    Config, ConstructionErrorKind, Env, Handle, Jitter, RetryConfig, RetryMode, ScriptedTransport,
};

use crate::client_support::{error_response, CreateThing, CreateThingInput, SERVICE};
use crate::support::Home;

fn handle(env: &Env) -> Handle {
    Handle::new(Config::builder().load_env(env).build(), &SERVICE)
}

#[test]
fn region_from_the_environment_then_the_profile() {
    let home =
        Home::new().config("[default]\nregion = eu-west-1\n[profile dev]\nregion = ap-south-1\n");
    let region = |vars: &[(&str, &str)]| {
        let env = home.env(vars);
        let config = Config::builder().load_env(&env).build();
        let resolved = handle(&env)
            .resolved_config()
            .unwrap()
            .region()
            .map(str::to_owned);
        assert_eq!(
            config.region().map(str::to_owned),
            resolved,
            "Config and Handle agree"
        );
        resolved
    };
    assert_eq!(region(&[]).as_deref(), Some("eu-west-1"));
    assert_eq!(
        region(&[("AWS_PROFILE", "dev")]).as_deref(),
        Some("ap-south-1")
    );
    assert_eq!(
        region(&[("AWS_DEFAULT_REGION", "us-east-2")]).as_deref(),
        Some("us-east-2")
    );
    assert_eq!(
        region(&[
            ("AWS_DEFAULT_REGION", "us-east-2"),
            ("AWS_REGION", "ca-central-1")
        ])
        .as_deref(),
        Some("ca-central-1")
    );
    assert_eq!(region(&[("AWS_PROFILE", "none")]), None);

    // Set in code: it wins, and a profile can be named in code too.
    let env = home.env(&[("AWS_REGION", "ca-central-1")]);
    let config = Config::builder().region("sa-east-1").load_env(&env).build();
    assert_eq!(config.region(), Some("sa-east-1"));
    let config = Config::builder()
        .profile_name("dev")
        .load_env(&home.env(&[]))
        .build();
    assert_eq!(config.region(), Some("ap-south-1"));
}

#[test]
fn endpoint_url_precedence() {
    let home = Home::new().config(
        "[default]\nendpoint_url = http://profile.local\nservices = local\n\
         [profile plain]\nendpoint_url = http://plain.local\n\
         [services local]\ngamelift =\n  endpoint_url = http://services.local\n\
         sts =\n  endpoint_url = http://sts.local\n",
    );
    let endpoint = |vars: &[(&str, &str)]| {
        handle(&home.env(vars))
            .resolved_config()
            .unwrap()
            .endpoint_url()
            .map(str::to_owned)
    };
    assert_eq!(endpoint(&[]).as_deref(), Some("http://services.local"));
    assert_eq!(
        endpoint(&[("AWS_PROFILE", "plain")]).as_deref(),
        Some("http://plain.local")
    );
    assert_eq!(
        endpoint(&[("AWS_ENDPOINT_URL", "http://global.env")]).as_deref(),
        Some("http://global.env")
    );
    assert_eq!(
        endpoint(&[
            ("AWS_ENDPOINT_URL", "http://global.env"),
            ("AWS_ENDPOINT_URL_GAMELIFT", "http://gamelift.env")
        ])
        .as_deref(),
        Some("http://gamelift.env")
    );
    assert_eq!(
        endpoint(&[("AWS_ENDPOINT_URL_STS", "http://sts.env")]).as_deref(),
        Some("http://services.local")
    );
    assert_eq!(
        endpoint(&[
            ("AWS_ENDPOINT_URL", "http://global.env"),
            ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true")
        ]),
        None
    );
    let config = Config::builder()
        .endpoint_url("http://code.local")
        .load_env(&home.env(&[("AWS_ENDPOINT_URL_GAMELIFT", "http://gamelift.env")]))
        .build();
    let resolved = Handle::new(config, &SERVICE);
    assert_eq!(
        resolved.resolved_config().unwrap().endpoint_url(),
        Some("http://code.local")
    );
}

#[test]
fn retry_settings_from_the_environment_and_the_profile() {
    let home = Home::new().config("[default]\nmax_attempts = 7\nretry_mode = adaptive\n");
    let retry = |vars: &[(&str, &str)]| {
        handle(&home.env(vars))
            .resolved_config()
            .unwrap()
            .retry_config()
            .clone()
    };
    let from_profile = retry(&[]);
    assert_eq!(
        (from_profile.attempts(), from_profile.retry_mode()),
        (7, RetryMode::Adaptive)
    );
    let from_env = retry(&[("AWS_MAX_ATTEMPTS", "2"), ("AWS_RETRY_MODE", "standard")]);
    assert_eq!(
        (from_env.attempts(), from_env.retry_mode()),
        (2, RetryMode::Standard)
    );
    // In code, the whole retry configuration wins.
    let env = home.env(&[("AWS_MAX_ATTEMPTS", "2")]);
    let config = Config::builder()
        .retry_config(RetryConfig::standard().max_attempts(4))
        .load_env(&env)
        .build();
    let resolved = Handle::new(config, &SERVICE);
    assert_eq!(
        resolved
            .resolved_config()
            .unwrap()
            .retry_config()
            .attempts(),
        4
    );
}

#[test]
fn invalid_settings_are_configuration_errors_naming_where_they_come_from() {
    let home = Home::new().config("[default]\nregion = us-west-2\nmax_attempts = many\n");
    let error = handle(&home.env(&[])).resolved_config().unwrap_err();
    assert_eq!(error.kind(), ConstructionErrorKind::InvalidConfiguration);
    let expected = format!(
        "{}/.aws/config line 3 is \"many\": expected a whole number",
        home.dir.display()
    );
    assert!(error.to_string().contains(&expected), "{error}");

    let error = handle(&home.env(&[("AWS_MAX_ATTEMPTS", "3"), ("AWS_RETRY_MODE", "legacy")]))
        .resolved_config()
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "AWS_RETRY_MODE is \"legacy\": the legacy retry mode is not supported: use standard or adaptive"
    );
    let error = handle(&home.env(&[
        ("AWS_MAX_ATTEMPTS", "3"),
        ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "yes"),
    ]))
    .resolved_config()
    .unwrap_err();
    assert!(
        error.to_string().contains("expected true or false"),
        "{error}"
    );
}

#[tokio::test]
async fn settings_from_the_environment_reach_the_wire() {
    let home = Home::new().config("[default]\nregion = eu-north-1\nmax_attempts = 2\n");
    let env = home.env(&[
        ("AWS_ACCESS_KEY_ID", "AKID"),
        ("AWS_SECRET_ACCESS_KEY", "secret"),
    ]);
    let transport = ScriptedTransport::new();
    transport.push_response(error_response(500, "InternalFailure", "boom"));
    transport.push_response(error_response(500, "InternalFailure", "boom"));
    let config = Config::builder()
        .http_client(transport.clone())
        .load_env(&env)
        .build();
    let result = Handle::new(config, &SERVICE)
        .call::<CreateThing>(CreateThingInput::default())
        .await;
    assert!(result.is_err());
    let requests = transport.requests();
    assert_eq!(requests.len(), 2, "max_attempts = 2 from the profile");
    assert_eq!(
        requests[0].uri().host(),
        Some("gamelift.eu-north-1.amazonaws.com")
    );
    let authorization = requests[0].headers()["authorization"].to_str().unwrap();
    assert!(
        authorization.contains("Credential=AKID/")
            && authorization.contains("/eu-north-1/gamelift/"),
        "{authorization}"
    );
}

/// How long four calls take, each throttled once then answered, in `mode` with no backoff
/// jitter (so the standard mode retries at once).
async fn four_throttled_calls(retry: RetryConfig) -> Duration {
    let transport = ScriptedTransport::new();
    for _ in 0..4 {
        transport.push_response(error_response(400, "ThrottlingException", "slow down"));
        transport.push_json(200, "{}");
    }
    let config = crate::client_support::config(&transport)
        .retry_config(retry.jitter(Jitter::fixed(0.0)).without_retry_quota())
        .build();
    let handle = Handle::new(config, &SERVICE);
    let started = tokio::time::Instant::now();
    for _ in 0..4 {
        handle
            .call::<CreateThing>(CreateThingInput::default())
            .await
            .unwrap();
    }
    started.elapsed()
}

#[tokio::test(start_paused = true)]
async fn adaptive_mode_paces_calls_after_a_throttle() {
    assert_eq!(
        four_throttled_calls(RetryConfig::standard()).await,
        Duration::ZERO
    );
    let adaptive = four_throttled_calls(RetryConfig::adaptive()).await;
    assert!(
        adaptive >= Duration::from_secs(1),
        "the limiter paced the calls: {adaptive:?}"
    );
}
