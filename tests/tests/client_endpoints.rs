//! The generated clients resolve endpoints with their model's rule set: partitions (China,
//! GovCloud, the isolated ones), FIPS and dual-stack from code, the environment or the
//! profile, a custom endpoint, and the rule set's own errors.

// Test setup that cannot proceed panics with the failure.
#![allow(clippy::unwrap_used)]

use smithy_runtime::client::{
    Config, ConfigBuilder, ConstructionErrorKind, Credentials, Env, ScriptedTransport, SdkError,
};

/// Makes one GameLift call with `config` (static keys, a scripted answer); returns the request
/// sent, or the construction error.
async fn gamelift(
    config: ConfigBuilder,
) -> Result<http::Request<bytes::Bytes>, (ConstructionErrorKind, String)> {
    let transport = ScriptedTransport::new();
    transport.push_json(200, "{}");
    let config = config
        .credentials(Credentials::new("AKID", "SECRET"))
        .http_client(transport.clone())
        .build();
    let client = gamelift::client::Client::new(config);
    match client.describe_fleet_attributes().send().await {
        Ok(_) => Ok(transport.requests().remove(0)),
        Err(SdkError::Construction(e)) => Err((e.kind(), e.to_string())),
        Err(other) => panic!("unexpected error: {other:?}"),
    }
}

fn host(request: &http::Request<bytes::Bytes>) -> String {
    request.uri().host().unwrap().to_owned()
}

fn scope(request: &http::Request<bytes::Bytes>) -> String {
    let authorization = request.headers()["authorization"].to_str().unwrap();
    authorization.split('/').nth(2).unwrap().to_owned()
}

#[tokio::test]
async fn partitions_fips_and_dual_stack_from_code() {
    let region = |r: &str| Config::builder().region(r);
    let cases = [
        (region("cn-north-1"), "gamelift.cn-north-1.amazonaws.com.cn"),
        (
            region("us-east-1").use_fips(true),
            "gamelift-fips.us-east-1.amazonaws.com",
        ),
        (
            region("us-east-1").use_dual_stack(true),
            "gamelift.us-east-1.api.aws",
        ),
        (
            region("us-gov-west-1").use_fips(true).use_dual_stack(true),
            "gamelift-fips.us-gov-west-1.api.aws",
        ),
        (
            region("cn-northwest-1").use_dual_stack(true),
            "gamelift.cn-northwest-1.api.amazonwebservices.com.cn",
        ),
        (region("us-iso-east-1"), "gamelift.us-iso-east-1.c2s.ic.gov"),
        (
            region("eu-isoe-west-1").use_fips(true),
            "gamelift-fips.eu-isoe-west-1.cloud.adc-e.uk",
        ),
    ];
    for (config, expected) in cases {
        let request = gamelift(config).await.unwrap();
        assert_eq!(host(&request), expected);
    }
    let request = gamelift(region("cn-north-1")).await.unwrap();
    assert_eq!(
        request.uri().to_string(),
        "https://gamelift.cn-north-1.amazonaws.com.cn/"
    );
    assert_eq!(scope(&request), "cn-north-1", "signed for the region");
}

#[tokio::test]
async fn fips_and_dual_stack_from_the_environment_and_the_profile() {
    let dir = std::env::temp_dir().join(format!("smithy-endpoints-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let config_file = dir.join("config");
    std::fs::write(
        &config_file,
        "[default]\nregion = ca-central-1\nuse_dualstack_endpoint = true\n",
    )
    .unwrap();
    let env = Env::from_vars([
        ("AWS_CONFIG_FILE", config_file.to_str().unwrap()),
        ("AWS_USE_FIPS_ENDPOINT", "true"),
    ]);
    let request = gamelift(Config::builder().load_env(&env)).await.unwrap();
    assert_eq!(host(&request), "gamelift-fips.ca-central-1.api.aws");
    // Code wins over both.
    let request = gamelift(
        Config::builder()
            .use_fips(false)
            .use_dual_stack(false)
            .load_env(&env),
    )
    .await
    .unwrap();
    assert_eq!(host(&request), "gamelift.ca-central-1.amazonaws.com");
}

#[tokio::test]
async fn custom_endpoints_and_rule_errors() {
    let request = gamelift(
        Config::builder()
            .region("us-west-2")
            .endpoint_url("http://127.0.0.1:4566"),
    )
    .await
    .unwrap();
    assert_eq!(request.uri().to_string(), "http://127.0.0.1:4566/");
    assert_eq!(scope(&request), "us-west-2");

    let error = gamelift(
        Config::builder()
            .region("us-west-2")
            .endpoint_url("https://example.com")
            .use_fips(true),
    )
    .await
    .unwrap_err();
    assert_eq!(
        error,
        (
            ConstructionErrorKind::InvalidConfiguration,
            "Invalid Configuration: FIPS and custom endpoint are not supported".to_owned()
        )
    );

    let error = gamelift(Config::builder().region("us-west-2.evil.example"))
        .await
        .unwrap_err();
    assert_eq!(error.0, ConstructionErrorKind::InvalidConfiguration);
    assert!(error.1.contains("is not a valid host label"), "{error:?}");

    let error = gamelift(Config::builder()).await.unwrap_err();
    assert_eq!(error.0, ConstructionErrorKind::MissingRegion);
    assert!(
        error.1.starts_with("no region configured: set AWS_REGION"),
        "{error:?}"
    );

    let error = gamelift(
        Config::builder()
            .region("us-west-2")
            .endpoint_param("ForcePathStyle", true),
    )
    .await
    .unwrap_err();
    assert_eq!(error.0, ConstructionErrorKind::InvalidConfiguration);
    assert!(error.1.contains("`ForcePathStyle` is not one this service's rule set declares (Endpoint, Region, UseDualStack, UseFIPS)"), "{error:?}");
}

#[tokio::test]
async fn gamesparks_resolves_with_its_own_rule_set() {
    let transport = ScriptedTransport::new();
    transport.push_json(200, r#"{"Games": []}"#);
    let config = Config::builder()
        .region("cn-north-1")
        .credentials(Credentials::new("AKID", "SECRET"))
        .http_client(transport.clone())
        .build();
    gamesparks::client::Client::new(config)
        .list_games()
        .send()
        .await
        .unwrap();
    let request = &transport.requests()[0];
    assert_eq!(
        request.uri().host(),
        Some("gamesparks.cn-north-1.amazonaws.com.cn")
    );
}
