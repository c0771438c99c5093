//! One call of the test service, configured only from an environment map.

use smithy_runtime::client::{Config, Env, Handle, SdkError};

use crate::client_support::{CreateThing, CreateThingError, CreateThingInput, SERVICE};

/// One signed call of the test service, configured only by `env` (as `Config::from_env()`
/// would be, with `env` in place of the process environment).
pub async fn call(env: &Env) -> Result<(), SdkError<CreateThingError>> {
    let config = Config::builder().load_env(env).build();
    Handle::new(config, &SERVICE)
        .call::<CreateThing>(CreateThingInput::default())
        .await
        .map(|_| ())
}

/// The message of a failed call.
pub fn message(error: SdkError<CreateThingError>) -> String {
    match error {
        SdkError::Construction(e) => e.to_string(),
        other => format!("{other:?}"),
    }
}
