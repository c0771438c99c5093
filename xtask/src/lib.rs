//! The library half of `cargo xtask`: what the integration tests call too.

pub mod endpoint_tests;
