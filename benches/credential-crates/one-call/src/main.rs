//! One `DescribeFleetAttributes` call with configuration from the environment. With a candidate
//! feature on, the credentials come from that crate's default chain instead of ours.

use smithy_runtime::client::Config;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let config = candidate::config().await;
    let client = gamelift::client::Client::new(config);
    match client.describe_fleet_attributes().send().await {
        Ok(output) => println!("{output:?}"),
        Err(error) => {
            eprintln!("error: {error}");
            std::process::exit(1);
        }
    }
}

#[cfg(not(any(feature = "reqsign", feature = "aws-config")))]
mod candidate {
    use super::Config;

    /// Our own chain: everything from the environment.
    pub async fn config() -> Config {
        Config::from_env()
    }
}

#[cfg(feature = "aws-config")]
mod candidate {
    use super::Config;
    use aws_credential_types::provider::ProvideCredentials;
    use smithy_runtime::client::Credentials;

    /// aws-config's default chain resolves the credentials.
    pub async fn config() -> Config {
        let sdk = aws_config::load_defaults(aws_config::BehaviorVersion::latest()).await;
        let provider = sdk.credentials_provider().expect("aws-config has a default chain");
        let found = provider.provide_credentials().await.expect("credentials");
        let mut credentials = Credentials::new(found.access_key_id(), found.secret_access_key());
        if let Some(token) = found.session_token() {
            credentials = credentials.with_session_token(token);
        }
        Config::builder().credentials(credentials).load_env(&Default::default()).build()
    }
}

#[cfg(feature = "reqsign")]
mod candidate {
    use super::Config;
    use reqsign_aws_v4::DefaultCredentialProvider;
    use reqsign_core::{Context, OsEnv, ProvideCredential};
    use smithy_runtime::client::{Credentials, HttpClient, HyperClient};

    /// reqsign's HTTP seam, served by our transport (what the runtime would do).
    #[derive(Debug)]
    struct Send(HyperClient);

    impl reqsign_core::HttpSend for Send {
        async fn http_send(
            &self,
            request: http::Request<bytes::Bytes>,
        ) -> reqsign_core::Result<http::Response<bytes::Bytes>> {
            self.0
                .call(request)
                .await
                .map_err(|e| reqsign_core::Error::unexpected(e.to_string()))
        }
    }

    /// reqsign's file seam, with std's file reads.
    #[derive(Debug)]
    struct Files;

    impl reqsign_core::FileRead for Files {
        async fn file_read(&self, path: &str) -> reqsign_core::Result<Vec<u8>> {
            std::fs::read(path).map_err(|e| reqsign_core::Error::unexpected(e.to_string()))
        }
    }

    /// reqsign's default chain resolves the credentials.
    pub async fn config() -> Config {
        let transport = HyperClient::try_new().expect("transport");
        let context = Context::new()
            .with_http_send(Send(transport))
            .with_file_read(Files)
            .with_env(OsEnv);
        let found = DefaultCredentialProvider::new()
            .provide_credential(&context)
            .await
            .expect("reqsign chain")
            .expect("credentials");
        let mut credentials = Credentials::new(found.access_key_id, found.secret_access_key);
        if let Some(token) = found.session_token {
            credentials = credentials.with_session_token(token);
        }
        Config::builder().credentials(credentials).load_env(&Default::default()).build()
    }
}
