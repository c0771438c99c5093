//! Credentials and configuration from where deployed backends have them: every source of the
//! default chain against fake endpoints on loopback (STS, SSO, container, IMDSv2), profile
//! files in a temporary home, the cache on a controlled clock, and the settings read from
//! the environment and the profile. The process environment is never touched: each test
//! hands an `Env` map to the configuration.

// Test setup that cannot proceed panics with the failure.
#![allow(clippy::unwrap_used)]

mod calls;
#[path = "../client_support/mod.rs"]
mod client_support;
mod support;

mod cache;
mod config_env;
mod errors;
mod profiles;
mod sources;
