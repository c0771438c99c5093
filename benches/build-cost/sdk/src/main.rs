//! One `DescribeFleetAttributes` call, configured from the environment.

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let config = aws_config::load_from_env().await;
    let client = aws_sdk_gamelift::Client::new(&config);
    match client.describe_fleet_attributes().send().await {
        Ok(output) => println!("{output:?}"),
        Err(error) => eprintln!("error: {error}"),
    }
}
