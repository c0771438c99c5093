//! Static credentials, the environment provider, and how profiles are read from the two
//! files: locations, `[profile x]` forms, merging, precedence of the sources.

use smithy_runtime::client::{
    Credentials, CredentialsErrorKind, DefaultCredentialsChain, Env, EnvironmentCredentials,
    ProfileCredentials, ProvideCredentials, ProviderConfig,
};

use crate::support::Home;

const CREDENTIALS: &str = "\
# Shared credentials, with comments of both kinds.
; they may appear anywhere

[default]
aws_access_key_id = AKIDDEFAULT
aws_secret_access_key = default/secret+key   ; an inline comment

[dev]   # temporary credentials
aws_access_key_id=AKIDDEV
aws_secret_access_key=devsecret
aws_session_token = dev-token==

[profile literal]
aws_access_key_id = AKIDLITERAL
aws_secret_access_key = literalsecret
";

const CONFIG: &str = "\
[default]
region = us-west-2
aws_access_key_id = AKIDFROMCONFIG
aws_secret_access_key = overridden-by-the-credentials-file

[profile prod]
aws_access_key_id = AKIDPROD
aws_secret_access_key = prodsecret

[prod]
aws_access_key_id = NOT-A-PROFILE-IN-THE-CONFIG-FILE
";

async fn profile(
    env: Env,
    name: Option<&str>,
) -> Result<Credentials, smithy_runtime::client::CredentialsError> {
    let mut config = ProviderConfig::builder().env(env);
    if let Some(name) = name {
        config = config.profile_name(name);
    }
    ProfileCredentials::new(&config.build())
        .provide_credentials()
        .await
}

#[tokio::test]
async fn static_credentials_and_redacted_debug() {
    let credentials = Credentials::new("AKID", "SECRET").with_session_token("TOKEN");
    assert_eq!(
        credentials.provide_credentials().await.unwrap(),
        credentials
    );
    let debug = format!("{credentials:?}");
    assert!(debug.contains("AKID"), "{debug}");
    assert!(!debug.contains("SECRET"), "{debug}");
    assert!(!debug.contains("TOKEN"), "{debug}");
    assert!(debug.contains("Redacted"), "{debug}");
}

#[tokio::test]
async fn environment_variables() {
    let env = Env::from_vars([
        ("AWS_ACCESS_KEY_ID", " AKIDENV "),
        ("AWS_SECRET_ACCESS_KEY", "envsecret"),
        ("AWS_SESSION_TOKEN", "envtoken"),
    ]);
    let credentials = EnvironmentCredentials::from_env(env)
        .provide_credentials()
        .await
        .unwrap();
    assert_eq!(credentials.access_key_id(), "AKIDENV");
    assert_eq!(credentials.session_token(), Some("envtoken"));
    assert_eq!(credentials.source(), "environment");

    let error = EnvironmentCredentials::from_env(Env::empty())
        .provide_credentials()
        .await
        .unwrap_err();
    assert_eq!(error.kind(), CredentialsErrorKind::NotLoaded);
    let error = EnvironmentCredentials::from_env(Env::from_vars([("AWS_ACCESS_KEY_ID", "AKID")]))
        .provide_credentials()
        .await
        .unwrap_err();
    assert_eq!(error.kind(), CredentialsErrorKind::Invalid);
    assert!(
        error.to_string().contains("AWS_SECRET_ACCESS_KEY is not"),
        "{error}"
    );
}

#[test]
fn env_debug_shows_names_only() {
    let env = Env::from_vars([("AWS_SECRET_ACCESS_KEY", "hunter2")]);
    let debug = format!("{env:?}");
    assert!(
        debug.contains("AWS_SECRET_ACCESS_KEY") && !debug.contains("hunter2"),
        "{debug}"
    );
}

#[tokio::test]
async fn profiles_of_both_files() {
    let home = Home::new().config(CONFIG).credentials(CREDENTIALS);
    let env = home.env(&[]);
    // The credentials file wins key by key over the config file.
    let default = profile(env.clone(), None).await.unwrap();
    assert_eq!(default.access_key_id(), "AKIDDEFAULT");
    assert_eq!(default.secret_access_key(), "default/secret+key");
    assert_eq!(default.source(), "profile");

    let dev = profile(env.clone(), Some("dev")).await.unwrap();
    assert_eq!(dev.session_token(), Some("dev-token=="));
    // `[profile prod]` in the config file; `[prod]` there is not a profile.
    assert_eq!(
        profile(env.clone(), Some("prod"))
            .await
            .unwrap()
            .access_key_id(),
        "AKIDPROD"
    );
    // `[profile literal]` in the credentials file is a profile named `profile literal`.
    let literal = profile(env.clone(), Some("profile literal")).await.unwrap();
    assert_eq!(literal.access_key_id(), "AKIDLITERAL");
    let error = profile(env, Some("literal")).await.unwrap_err();
    assert_eq!(error.kind(), CredentialsErrorKind::NotLoaded);
    assert!(
        error.to_string().contains("profile `literal`: not in"),
        "{error}"
    );
}

#[tokio::test]
async fn file_locations_from_the_environment() {
    let home = Home::new();
    let config = home.file(
        "elsewhere-config",
        "[profile x]\naws_access_key_id = AKIDX\naws_secret_access_key = s\n",
    );
    let credentials = home.file(
        "elsewhere-credentials",
        "[y]\naws_access_key_id = AKIDY\naws_secret_access_key = s\n",
    );
    let env = home.env(&[
        ("AWS_CONFIG_FILE", &config),
        ("AWS_SHARED_CREDENTIALS_FILE", &credentials),
        ("AWS_PROFILE", "x"),
    ]);
    assert_eq!(
        profile(env.clone(), None).await.unwrap().access_key_id(),
        "AKIDX"
    );
    assert_eq!(
        profile(env, Some("y")).await.unwrap().access_key_id(),
        "AKIDY"
    );

    // `~/` is the home directory.
    home.file(
        ".aws/alt",
        "[default]\naws_access_key_id = AKIDTILDE\naws_secret_access_key = s\n",
    );
    let env = home.env(&[("AWS_SHARED_CREDENTIALS_FILE", "~/.aws/alt")]);
    assert_eq!(
        profile(env, None).await.unwrap().access_key_id(),
        "AKIDTILDE"
    );

    // No home directory at all: nothing to read, not an error.
    let error = profile(Env::empty(), None).await.unwrap_err();
    assert_eq!(error.kind(), CredentialsErrorKind::NotLoaded);
    assert!(error.to_string().contains("no home directory"), "{error}");
}

#[tokio::test]
async fn the_chain_takes_the_first_source_with_credentials() {
    let home = Home::new().credentials(CREDENTIALS);
    let chain = |vars: &[(&str, &str)]| DefaultCredentialsChain::from_env(home.env(vars));
    let from_env = chain(&[
        ("AWS_ACCESS_KEY_ID", "AKIDENV"),
        ("AWS_SECRET_ACCESS_KEY", "s"),
    ]);
    assert_eq!(
        from_env
            .provide_credentials()
            .await
            .unwrap()
            .access_key_id(),
        "AKIDENV"
    );
    let from_file = chain(&[]);
    assert_eq!(
        from_file
            .provide_credentials()
            .await
            .unwrap()
            .access_key_id(),
        "AKIDDEFAULT"
    );
}
