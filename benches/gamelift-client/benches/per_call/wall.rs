//! The wall-time passes: criterion, then the interleaved pass with `std::time::Instant`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::Criterion;
use tokio::runtime::Runtime;

use crate::calls::{comparisons, ours_name, Contender};
use crate::fixture;

/// Times each contender with criterion.
pub fn run_criterion(runtime: &Runtime, contenders: &[Contender]) {
    let mut criterion = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(50)
        .configure_from_args();
    let mut group = criterion.benchmark_group("describe_game_sessions_100");
    for contender in contenders {
        group.bench_function(&contender.name, |b| {
            b.iter(|| black_box((contender.call)(runtime)))
        });
    }
    group.finish();
    criterion.final_summary();
}

/// Time per call of one contender in the interleaved pass.
struct Timing {
    /// Total time divided by total calls, in nanoseconds.
    mean_ns: f64,
    /// Median over the batches of each batch's time per call, in nanoseconds.
    median_ns: f64,
    /// Fastest batch's time per call, in nanoseconds.
    min_ns: f64,
    /// Calls made.
    calls: u64,
}

/// The interleaved pass: each contender warms up, then the contenders take turns running
/// batches of about `batch_time`, `rounds` times, so that drift (frequency scaling, other
/// load) affects them alike.
fn measure(
    runtime: &Runtime,
    contenders: &[Contender],
    rounds: usize,
    batch_time: Duration,
) -> Vec<Timing> {
    let batch_sizes: Vec<u64> = contenders
        .iter()
        .map(|contender| {
            let warm_up = Duration::from_millis(500);
            let start = Instant::now();
            let mut calls = 0u64;
            while start.elapsed() < warm_up {
                black_box((contender.call)(runtime));
                calls += 1;
            }
            let per_call = start.elapsed().as_secs_f64() / calls as f64;
            ((batch_time.as_secs_f64() / per_call) as u64).max(1)
        })
        .collect();

    let mut batches: Vec<Vec<f64>> = vec![Vec::with_capacity(rounds); contenders.len()];
    for round in 0..rounds {
        for k in 0..contenders.len() {
            // Rotate who goes first in each round.
            let i = (round + k) % contenders.len();
            let calls = batch_sizes[i];
            let start = Instant::now();
            for _ in 0..calls {
                black_box((contenders[i].call)(runtime));
            }
            batches[i].push(start.elapsed().as_nanos() as f64 / calls as f64);
        }
    }

    batches
        .into_iter()
        .zip(&batch_sizes)
        .map(|(mut per_call, &calls)| {
            // Every batch of a contender has the same size, so the mean of batch means is the mean.
            let mean_ns = per_call.iter().sum::<f64>() / per_call.len() as f64;
            per_call.sort_by(f64::total_cmp);
            let mid = per_call.len() / 2;
            let median_ns = if per_call.len() % 2 == 0 {
                (per_call[mid - 1] + per_call[mid]) / 2.0
            } else {
                per_call[mid]
            };
            Timing {
                mean_ns,
                median_ns,
                min_ns: per_call[0],
                calls: calls * per_call.len() as u64,
            }
        })
        .collect()
}

/// Formats nanoseconds as microseconds.
fn micros(ns: f64) -> String {
    format!("{:>9.1} µs", ns / 1000.0)
}

/// Runs the interleaved pass and prints its table and ratios.
pub fn interleaved(runtime: &Runtime, contenders: &[Contender]) {
    let rounds = 60;
    let timings = measure(runtime, contenders, rounds, Duration::from_millis(25));
    println!();
    println!("per call, interleaved pass ({rounds} rounds of ~25 ms batches per contender):");
    println!(
        "  {:<40} {:>12} {:>12} {:>12} {:>8}",
        "contender", "mean", "median", "min", "calls"
    );
    for (contender, timing) in contenders.iter().zip(&timings) {
        println!(
            "  {:<40} {} {} {} {:>8}",
            contender.name,
            micros(timing.mean_ns),
            micros(timing.median_ns),
            micros(timing.min_ns),
            timing.calls
        );
    }
    let timing = |name: &str| {
        contenders
            .iter()
            .zip(&timings)
            .find(|(c, _)| c.name == name)
            .map(|(_, t)| t)
    };
    let ratio = |slow: &Timing, fast: &Timing| {
        format!(
            "{:.2}x (medians: {:.2}x)",
            slow.mean_ns / fast.mean_ns,
            slow.median_ns / fast.median_ns
        )
    };
    println!();
    println!("ratios of mean time per call (above 1x: the right-hand side is faster):");
    for (sdk_name, ours_name) in comparisons() {
        if let (Some(sdk), Some(ours)) = (timing(&sdk_name), timing(&ours_name)) {
            println!("  {sdk_name} / {ours_name}: {}", ratio(sdk, ours));
        }
    }
    if let (Some(json), Some(cbor)) = (
        timing(&ours_name("awsJson1_1", fixture::SESSIONS)),
        timing(&ours_name("rpcv2Cbor", fixture::SESSIONS)),
    ) {
        println!(
            "  ours (rpcv2Cbor) / ours (awsJson1_1): {}",
            ratio(cbor, json)
        );
    }
}
