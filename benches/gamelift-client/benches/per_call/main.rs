//! Per-call cost of `DescribeGameSessions`, with a 100-session response and a 1-session one.
//!
//! Each contender builds the request, signs it (SigV4), hands it to an in-memory transport that
//! replays one fixed `200` response, and parses that response into its output type:
//!
//! 1. `ours (awsJson1_1)`: the generated `gamelift` crate with its default protocol;
//! 2. `ours (rpcv2Cbor)`: the same client configured for rpcv2Cbor;
//! 3. `aws-sdk-gamelift (rpcv2Cbor)`: the official SDK, which speaks rpcv2Cbor, over
//!    `aws_smithy_http_client::test_util::infallible_client_fn`.
//!
//! Every call runs through `block_on` on the same tokio current-thread runtime. Before anything
//! is timed, each contender's request is checked (method, path, protocol headers, signature) and
//! its parsed output is compared with the fixture, so an error path cannot be measured by
//! accident. Then criterion measures each contender, an interleaved pass measures the mean and
//! median time per call with `std::time::Instant`, and an instruction pass counts the
//! instructions per call under callgrind; both passes print their ratios.
//!
//! Set `GAMELIFT_BENCH_SUMMARY_ONLY=1` to skip the criterion part, `GAMELIFT_BENCH_PASS=wall`
//! or `GAMELIFT_BENCH_PASS=instructions` to run only one pass, and
//! `GAMELIFT_BENCH_ONLY=<text>` to measure only the contenders whose name contains it.

/// The contenders and the checks of their requests and outputs.
mod calls;
/// The response bodies, built once from one list of game sessions.
mod fixture;
/// The instruction pass under callgrind.
mod instructions;
/// The wall-time passes.
mod wall;

fn main() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let mut contenders = calls::all(&runtime);
    // `GAMELIFT_BENCH_ONLY=awsJson` keeps the names containing it.
    if let Some(only) = std::env::var_os("GAMELIFT_BENCH_ONLY") {
        let only = only.to_string_lossy().into_owned();
        contenders.retain(|c| c.name.contains(&only));
    }
    if std::env::var_os(instructions::CHILD_VAR).is_some() {
        instructions::child(&runtime, &contenders);
        return;
    }
    println!(
        "checked: every contender sends a signed request of its protocol and parses its sessions"
    );

    let pass = std::env::var("GAMELIFT_BENCH_PASS").unwrap_or_default();
    if pass.is_empty() || pass == "wall" {
        if std::env::var_os("GAMELIFT_BENCH_SUMMARY_ONLY").is_none() {
            wall::run_criterion(&runtime, &contenders);
        }
        wall::interleaved(&runtime, &contenders);
    }
    if pass.is_empty() || pass == "instructions" {
        instructions::pass(&contenders);
    }
}
