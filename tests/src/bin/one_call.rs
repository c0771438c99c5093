//! A program that configures the generated GameLift client with `Config::from_env()` and makes
//! one call, as a deployed backend would: the credentials tests run it with nothing but
//! environment variables and files, one credential source at a time. Prints the fleet count,
//! or the error and exits 1.

use smithy_runtime::client::Config;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let client = gamelift::client::Client::new(Config::from_env());
    match client.describe_fleet_attributes().send().await {
        Ok(output) => println!(
            "ok: {} fleets",
            output.fleet_attributes.as_ref().map_or(0, Vec::len)
        ),
        Err(error) => {
            eprintln!("error: {error}");
            std::process::exit(1);
        }
    }
}
