//! Feature `aws-config`: a team already on aws-config hands its `SdkConfig` to our `Config`.
#![cfg(feature = "aws-config")]

mod client_support;

use std::time::{Duration, SystemTime};

use aws_credential_types::provider::SharedCredentialsProvider;
use aws_smithy_types::retry::RetryConfig as SdkRetryConfig;
use aws_smithy_types::timeout::TimeoutConfig;
use aws_types::region::Region;
use aws_types::SdkConfig;
use smithy_runtime::client::{ConfigBuilder, Handle, RetryMode, ScriptedTransport};

use client_support::{CreateThing, CreateThingInput, SERVICE};

fn sdk_config() -> SdkConfig {
    let expiry = SystemTime::now() + Duration::from_secs(3600);
    let credentials = aws_credential_types::Credentials::new(
        "AKIDFROMSDK",
        "sdk-secret",
        Some("sdk-token".to_owned()),
        Some(expiry),
        "test",
    );
    SdkConfig::builder()
        .region(Region::new("eu-west-3"))
        .credentials_provider(SharedCredentialsProvider::new(credentials))
        .endpoint_url("https://gamelift.internal.example")
        .retry_config(SdkRetryConfig::adaptive().with_max_attempts(5))
        .timeout_config(
            TimeoutConfig::builder()
                .operation_timeout(Duration::from_secs(30))
                .operation_attempt_timeout(Duration::from_secs(5))
                .build(),
        )
        .build()
}

#[test]
fn settings_carry_over() {
    let config = ConfigBuilder::from_sdk_config(&sdk_config()).build();
    assert_eq!(config.region(), Some("eu-west-3"));
    assert_eq!(
        config.endpoint_url(),
        Some("https://gamelift.internal.example")
    );
    let retry = config.retry_config();
    assert_eq!(
        (retry.attempts(), retry.retry_mode()),
        (5, RetryMode::Adaptive)
    );
    assert_eq!(config.operation_timeout(), Some(Duration::from_secs(30)));
    assert_eq!(config.attempt_timeout(), Some(Duration::from_secs(5)));
}

#[tokio::test]
async fn calls_are_signed_with_the_sdk_credentials() {
    let transport = ScriptedTransport::new();
    transport.push_json(200, r#"{"ThingId":"t"}"#);
    let config = ConfigBuilder::from_sdk_config(&sdk_config())
        .http_client(transport.clone())
        .build();
    let credentials = config.credentials_cache().unwrap().get().await.unwrap();
    assert_eq!(credentials.source(), "aws-config");
    assert!(credentials.expiry().is_some());
    Handle::new(config, &SERVICE)
        .call::<CreateThing>(CreateThingInput::default())
        .await
        .unwrap();
    let request = &transport.requests()[0];
    assert_eq!(request.uri().host(), Some("gamelift.internal.example"));
    let authorization = request.headers()["authorization"].to_str().unwrap();
    assert!(
        authorization.contains("Credential=AKIDFROMSDK/"),
        "{authorization}"
    );
    assert!(
        authorization.contains("/eu-west-3/gamelift/aws4_request"),
        "{authorization}"
    );
    assert_eq!(request.headers()["x-amz-security-token"], "sdk-token");
}
