//! One `DescribeFleetAttributes` call, configured from the environment.

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let config = smithy_runtime::client::Config::from_env();
    let client = gamelift::client::Client::new(config);
    match client.describe_fleet_attributes().send().await {
        Ok(output) => println!("{output:?}"),
        Err(error) => eprintln!("error: {error}"),
    }
}
