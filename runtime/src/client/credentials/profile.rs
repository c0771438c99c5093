//! [`ProfileCredentials`]: credentials that a profile of the shared config and credentials
//! files describes.
//!
//! A profile with `role_arn` assumes that role with the credentials of its
//! `source_profile` (which may itself assume a role: chains of any length, loops refused;
//! a profile naming itself uses its own static keys) or of its `credential_source`
//! (`Environment`, `Ec2InstanceMetadata`, `EcsContainer`); with `web_identity_token_file`
//! it assumes the role with that token instead. Other profiles are, in this order: SSO
//! (`sso_session`, or the legacy `sso_start_url`), `credential_process`, or static keys
//! (`aws_access_key_id`, `aws_secret_access_key`, `aws_session_token`).

use std::path::PathBuf;

use super::container::ContainerCredentials;
use super::environment::EnvironmentCredentials;
use super::imds::ImdsCredentials;
use super::sso::SsoRole;
use super::sts::{assume_role, default_session_name, Role};
use super::{
    process, sso, web_identity, Credentials, CredentialsError, CredentialsErrorKind,
    ProvideCredentials, ProviderConfig,
};
use crate::client::profile::{ProfileSet, Section};
use crate::client::transport::BoxFuture;

/// Credentials from the profile in use; see the module docs.
#[derive(Clone, Debug)]
pub struct ProfileCredentials {
    config: ProviderConfig,
}

/// Where a chain of profiles starts.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Base {
    Static(Credentials),
    Process(String),
    Sso(SsoRole),
    WebIdentity { token_file: PathBuf, role: Role },
    Source(NamedSource),
}

/// The values of `credential_source`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NamedSource {
    Environment,
    Ec2InstanceMetadata,
    EcsContainer,
}

/// The base credentials, then the roles to assume with them, innermost first.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Plan {
    base: Base,
    roles: Vec<Role>,
}

impl ProfileCredentials {
    /// The source with `config`'s environment, transport and clock.
    pub fn new(config: &ProviderConfig) -> Self {
        ProfileCredentials {
            config: config.clone(),
        }
    }

    async fn load(&self) -> Result<Credentials, CredentialsError> {
        let set = self.config.profiles()?;
        let name = set.selected_name().to_owned();
        let plan = plan(set, &self.config)?;
        self.execute(plan)
            .await
            .map_err(|e| e.context(&format!("profile `{name}`")))
    }

    async fn execute(&self, plan: Plan) -> Result<Credentials, CredentialsError> {
        let config = &self.config;
        let mut credentials = match plan.base {
            Base::Static(credentials) => credentials,
            Base::Process(command) => process::run(&command).await?,
            Base::Sso(role) => sso::fetch(config, &role).await?,
            Base::WebIdentity { token_file, role } => {
                web_identity::fetch(config, &token_file, &role).await?
            }
            Base::Source(source) => named_source(config, source).await?,
        };
        for role in &plan.roles {
            credentials = assume_role(config, &credentials, role)
                .await?
                .with_source("assumed role");
        }
        Ok(credentials)
    }
}

/// The base credentials of a `credential_source`: it must have them.
async fn named_source(
    config: &ProviderConfig,
    source: NamedSource,
) -> Result<Credentials, CredentialsError> {
    let found = match source {
        NamedSource::Environment => EnvironmentCredentials::from_env(config.env().clone()).load(),
        NamedSource::Ec2InstanceMetadata => {
            ImdsCredentials::new(config).provide_credentials().await
        }
        NamedSource::EcsContainer => {
            ContainerCredentials::new(config)
                .provide_credentials()
                .await
        }
    };
    found.map_err(|e| match e.kind() {
        CredentialsErrorKind::NotLoaded => CredentialsError::invalid(format!(
            "credential_source {source:?} has no credentials: {e}"
        )),
        _ => e.context(&format!("credential_source {source:?}")),
    })
}

/// Follows `source_profile` links from the profile in use to where the credentials start.
fn plan(set: &ProfileSet, config: &ProviderConfig) -> Result<Plan, CredentialsError> {
    let mut name = set.selected_name().to_owned();
    let mut visited: Vec<String> = Vec::new();
    let mut roles = Vec::new();
    let base = loop {
        let Some(profile) = set.profile(&name) else {
            return Err(match visited.last() {
                None => CredentialsError::not_loaded(set.missing(&name)),
                Some(from) => CredentialsError::invalid(format!(
                    "profile `{from}` names source_profile `{name}`, which does not exist ({})",
                    set.missing(&name)
                )),
            });
        };
        if visited.contains(&name) {
            visited.push(name);
            return Err(CredentialsError::invalid(format!(
                "source_profile links form a loop: {}",
                visited.join(" -> ")
            )));
        }
        visited.push(name.clone());
        let Some(arn) = profile.get("role_arn") else {
            break base_of(set, profile, visited.len() == 1)?;
        };
        let role = role_of(set, profile, arn, config)?;
        if let Some(file) = profile.get("web_identity_token_file") {
            let token_file = config
                .env()
                .expand_home(file)
                .unwrap_or_else(|| file.into());
            break Base::WebIdentity { token_file, role };
        }
        roles.push(role);
        match (
            profile.get("source_profile"),
            profile.get("credential_source"),
        ) {
            (Some(_), Some(_)) => {
                return Err(invalid(
                    profile,
                    "sets both source_profile and credential_source; keep one",
                ))
            }
            (None, None) => {
                return Err(invalid(
                    profile,
                    "sets role_arn but neither source_profile nor credential_source",
                ))
            }
            (None, Some(source)) => break Base::Source(named(profile, source)?),
            (Some(source), None) if source == name => {
                break static_keys(set, profile)?.ok_or_else(|| {
                    invalid(profile, "is its own source_profile but has no static keys")
                })?
            }
            (Some(source), None) => name = source.to_owned(),
        }
    };
    roles.reverse();
    Ok(Plan { base, roles })
}

fn invalid(profile: &Section, why: &str) -> CredentialsError {
    CredentialsError::invalid(format!("profile `{}` {why}", profile.name()))
}

fn named(profile: &Section, source: &str) -> Result<NamedSource, CredentialsError> {
    match source {
        "Environment" => Ok(NamedSource::Environment),
        "Ec2InstanceMetadata" => Ok(NamedSource::Ec2InstanceMetadata),
        "EcsContainer" => Ok(NamedSource::EcsContainer),
        other => Err(invalid(
            profile,
            &format!(
                "has credential_source {other:?}: expected Environment, Ec2InstanceMetadata or EcsContainer"
            ),
        )),
    }
}

/// The role a profile's `role_arn` names, with its optional settings.
fn role_of(
    set: &ProfileSet,
    profile: &Section,
    arn: &str,
    config: &ProviderConfig,
) -> Result<Role, CredentialsError> {
    if profile.has("mfa_serial") {
        return Err(invalid(
            profile,
            "needs an MFA code (mfa_serial), which this client cannot prompt for; use an SSO \
             profile or a credential_process that prompts",
        ));
    }
    let duration_seconds = match profile.get("duration_seconds") {
        None => None,
        Some(text) => Some(text.parse::<u32>().map_err(|_| {
            CredentialsError::invalid(format!(
                "{}: duration_seconds is {text:?}: expected a whole number of seconds",
                set.origin(profile, "duration_seconds")
            ))
        })?),
    };
    Ok(Role {
        arn: arn.to_owned(),
        session_name: profile
            .get("role_session_name")
            .map(str::to_owned)
            .unwrap_or_else(|| default_session_name(config)),
        external_id: profile.get("external_id").map(str::to_owned),
        duration_seconds,
    })
}

/// Where a profile without `role_arn` gets its credentials.
fn base_of(set: &ProfileSet, profile: &Section, selected: bool) -> Result<Base, CredentialsError> {
    if profile.has("sso_session") || profile.has("sso_start_url") {
        return sso_role(set, profile).map(Base::Sso);
    }
    if let Some(command) = profile.get("credential_process") {
        return Ok(Base::Process(command.to_owned()));
    }
    if let Some(base) = static_keys(set, profile)? {
        return Ok(base);
    }
    if profile.has("web_identity_token_file") {
        return Err(invalid(
            profile,
            "sets web_identity_token_file without role_arn",
        ));
    }
    let why = format!(
        "profile `{}` has no credentials (no aws_access_key_id, role_arn, sso_session, \
         sso_start_url or credential_process)",
        profile.name()
    );
    Err(if selected {
        CredentialsError::not_loaded(why)
    } else {
        CredentialsError::invalid(format!("the source {why}"))
    })
}

/// The profile's static keys; `None` when it has neither.
fn static_keys(set: &ProfileSet, profile: &Section) -> Result<Option<Base>, CredentialsError> {
    match (
        profile.get("aws_access_key_id"),
        profile.get("aws_secret_access_key"),
    ) {
        (None, None) => Ok(None),
        (Some(key), Some(secret)) => {
            let mut credentials = Credentials::new(key, secret).with_source("profile");
            if let Some(token) = profile.get("aws_session_token") {
                credentials = credentials.with_session_token(token);
            }
            Ok(Some(Base::Static(credentials)))
        }
        (Some(_), None) => Err(CredentialsError::invalid(format!(
            "{}: profile `{}` has aws_access_key_id but no aws_secret_access_key; set both",
            set.origin(profile, "aws_access_key_id"),
            profile.name()
        ))),
        (None, Some(_)) => Err(CredentialsError::invalid(format!(
            "{}: profile `{}` has aws_secret_access_key but no aws_access_key_id; set both",
            set.origin(profile, "aws_secret_access_key"),
            profile.name()
        ))),
    }
}

/// The SSO role of a profile with `sso_session` or `sso_start_url`.
fn sso_role(set: &ProfileSet, profile: &Section) -> Result<SsoRole, CredentialsError> {
    let session = profile.get("sso_session").map(str::to_owned);
    let section = match &session {
        Some(name) => Some(set.sso_session(name).ok_or_else(|| {
            invalid(
                profile,
                &format!(
                    "names sso_session `{name}`, but there is no [sso-session {name}] section"
                ),
            )
        })?),
        None => None,
    };
    let get = |key: &str| {
        section
            .and_then(|s| s.get(key))
            .or_else(|| profile.get(key))
            .map(str::to_owned)
    };
    let fields = [
        "sso_start_url",
        "sso_region",
        "sso_account_id",
        "sso_role_name",
    ];
    let values: Vec<Option<String>> = fields.iter().map(|key| get(key)).collect();
    let missing: Vec<&str> = fields
        .iter()
        .zip(&values)
        .filter(|(_, v)| v.is_none())
        .map(|(k, _)| *k)
        .collect();
    if !missing.is_empty() {
        return Err(invalid(
            profile,
            &format!("uses SSO but has no {}", missing.join(", ")),
        ));
    }
    let mut values = values.into_iter().flatten();
    let mut next = || values.next().unwrap_or_default();
    Ok(SsoRole {
        profile: profile.name().to_owned(),
        session,
        start_url: next(),
        region: next(),
        account_id: next(),
        role_name: next(),
    })
}

impl ProvideCredentials for ProfileCredentials {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        Box::pin(self.load())
    }
}
