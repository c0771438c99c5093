//! Settings from the environment and the shared config files, read once, at first use.
//!
//! Each setting has an environment variable and a profile key; the variable wins:
//!
//! | setting | variable | profile key |
//! |---|---|---|
//! | region | `AWS_REGION`, `AWS_DEFAULT_REGION` | `region` |
//! | endpoint URL | `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL` | `services` → `<service> = endpoint_url = …`, `endpoint_url` |
//! | attempts | `AWS_MAX_ATTEMPTS` | `max_attempts` |
//! | retry mode | `AWS_RETRY_MODE` | `retry_mode` |
//!
//! `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` (or the profile's `ignore_configured_endpoint_urls`)
//! set to `true` turns the endpoint URL settings off.

use std::sync::OnceLock;

use super::env::Env;
use super::profile::{ProfileError, ProfileSet};
use super::retry_config::RetryMode;

/// The environment and the profile files, the files read at the first question.
#[derive(Debug)]
pub(crate) struct EnvSettings {
    env: Env,
    profile: Option<String>,
    profiles: OnceLock<Result<ProfileSet, ProfileError>>,
    region: OnceLock<Result<Option<String>, ProfileError>>,
}

/// A setting's value and where it was found (`AWS_MAX_ATTEMPTS`, `~/.aws/config line 3`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    pub(crate) value: String,
    pub(crate) origin: String,
}

impl EnvSettings {
    /// Settings from `env`, with profile `profile` (else `AWS_PROFILE`, else `default`).
    pub(crate) fn new(env: Env, profile: Option<String>) -> Self {
        EnvSettings {
            env,
            profile,
            profiles: OnceLock::new(),
            region: OnceLock::new(),
        }
    }

    /// The environment.
    pub(crate) fn env(&self) -> &Env {
        &self.env
    }

    /// The profile files, read on the first call.
    pub(crate) fn profiles(&self) -> Result<&ProfileSet, ProfileError> {
        self.profiles
            .get_or_init(|| ProfileSet::load(&self.env, self.profile.as_deref()))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The value of variable `var`, else of key `key` in the profile in use.
    pub(crate) fn find(&self, var: &str, key: &str) -> Result<Option<Found>, ProfileError> {
        if let Some(value) = self.env.get_non_empty(var) {
            return Ok(Some(Found {
                value,
                origin: var.to_owned(),
            }));
        }
        let profiles = self.profiles()?;
        Ok(profiles.selected().and_then(|profile| {
            profile.get(key).map(|value| Found {
                value: value.to_owned(),
                origin: profiles.origin(profile, key),
            })
        }))
    }

    /// The region: `AWS_REGION`, `AWS_DEFAULT_REGION`, then the profile's `region`.
    pub(crate) fn region(&self) -> Result<Option<&str>, ProfileError> {
        self.region
            .get_or_init(|| {
                if let Some(region) = self.env.get_non_empty("AWS_REGION") {
                    return Ok(Some(region));
                }
                Ok(self
                    .find("AWS_DEFAULT_REGION", "region")?
                    .map(|found| found.value))
            })
            .as_ref()
            .map(Option::as_deref)
            .map_err(Clone::clone)
    }

    /// A boolean setting (`true` or `false`, any case); `None` when unset.
    pub(crate) fn flag(&self, var: &str, key: &str) -> Result<Option<bool>, String> {
        let Some(found) = self.find(var, key).map_err(|e| e.to_string())? else {
            return Ok(None);
        };
        match found.value.to_ascii_lowercase().as_str() {
            "true" => Ok(Some(true)),
            "false" => Ok(Some(false)),
            _ => Err(format!(
                "{} is {:?}: expected true or false",
                found.origin, found.value
            )),
        }
    }

    /// The endpoint URL configured for the service whose SDK id is `sdk_id` (`GameLift`,
    /// `STS`): `AWS_ENDPOINT_URL_<ID>`, `AWS_ENDPOINT_URL`, the profile's `services` section,
    /// then its `endpoint_url`.
    pub(crate) fn endpoint_url(&self, sdk_id: &str) -> Result<Option<Found>, String> {
        let ignore = self.flag(
            "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
            "ignore_configured_endpoint_urls",
        )?;
        if ignore == Some(true) {
            return Ok(None);
        }
        let var = format!("AWS_ENDPOINT_URL_{}", env_suffix(sdk_id));
        for name in [var.as_str(), "AWS_ENDPOINT_URL"] {
            if let Some(value) = self.env.get_non_empty(name) {
                return Ok(Some(Found {
                    value,
                    origin: name.to_owned(),
                }));
            }
        }
        let profiles = self.profiles().map_err(|e| e.to_string())?;
        let key = services_key(sdk_id);
        Ok(profiles.endpoint_url(&key).map(|value| Found {
            value: value.to_owned(),
            origin: format!("profile `{}` ({key})", profiles.selected_name()),
        }))
    }

    /// `AWS_MAX_ATTEMPTS` / `max_attempts`: a whole number of at least 1.
    pub(crate) fn max_attempts(&self) -> Result<Option<u32>, String> {
        let Some(found) = self
            .find("AWS_MAX_ATTEMPTS", "max_attempts")
            .map_err(|e| e.to_string())?
        else {
            return Ok(None);
        };
        match found.value.parse::<u32>() {
            Ok(n) if n >= 1 => Ok(Some(n)),
            _ => Err(format!(
                "{} is {:?}: expected a whole number of attempts, at least 1",
                found.origin, found.value
            )),
        }
    }

    /// `AWS_RETRY_MODE` / `retry_mode`: `standard` or `adaptive`.
    pub(crate) fn retry_mode(&self) -> Result<Option<RetryMode>, String> {
        let Some(found) = self
            .find("AWS_RETRY_MODE", "retry_mode")
            .map_err(|e| e.to_string())?
        else {
            return Ok(None);
        };
        RetryMode::parse(&found.value)
            .map(Some)
            .map_err(|why| format!("{} is {:?}: {why}", found.origin, found.value))
    }
}

/// The service's part of `AWS_ENDPOINT_URL_<SERVICE>`: the SDK id in upper snake case
/// (`GameLift` → `GAMELIFT`, `API Gateway` → `API_GATEWAY`).
pub(crate) fn env_suffix(sdk_id: &str) -> String {
    sdk_id.replace([' ', '-'], "_").to_ascii_uppercase()
}

/// The service's key in a `services` section: the SDK id in lower snake case.
pub(crate) fn services_key(sdk_id: &str) -> String {
    sdk_id.replace([' ', '-'], "_").to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn service_keys() {
        assert_eq!(env_suffix("GameLift"), "GAMELIFT");
        assert_eq!(env_suffix("API Gateway"), "API_GATEWAY");
        assert_eq!(
            services_key("Elastic Load Balancing v2"),
            "elastic_load_balancing_v2"
        );
    }

    #[test]
    fn region_variables_in_order() {
        let settings = |vars: &[(&str, &str)]| {
            EnvSettings::new(Env::from_vars(vars.iter().copied()), None)
                .region()
                .unwrap()
                .map(str::to_owned)
        };
        assert_eq!(settings(&[]), None);
        assert_eq!(
            settings(&[("AWS_DEFAULT_REGION", "eu-west-1")]).as_deref(),
            Some("eu-west-1")
        );
        assert_eq!(
            settings(&[
                ("AWS_DEFAULT_REGION", "eu-west-1"),
                ("AWS_REGION", "us-west-2")
            ])
            .as_deref(),
            Some("us-west-2")
        );
    }

    #[test]
    fn invalid_numbers_and_modes_name_their_origin() {
        let env = Env::from_vars([("AWS_MAX_ATTEMPTS", "0"), ("AWS_RETRY_MODE", "legacy")]);
        let settings = EnvSettings::new(env, None);
        let attempts = settings.max_attempts().unwrap_err();
        assert!(
            attempts.starts_with("AWS_MAX_ATTEMPTS is \"0\""),
            "{attempts}"
        );
        let mode = settings.retry_mode().unwrap_err();
        assert!(
            mode.contains("standard") && mode.contains("adaptive"),
            "{mode}"
        );
    }
}
