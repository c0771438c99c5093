//! What endpoint resolution costs per call: `cargo bench -p smithy-runtime --bench
//! endpoint_resolution`.
//!
//! For the official GameLift rule set (`../shared/aws-models/gamelift.json`, skipped with a
//! notice when absent) and this project's (`models/gamelift.endpoints.json`), prints the
//! nanoseconds per resolution: cold (`RuleSet::resolve`, the whole tree walked), cached
//! (`Resolver::resolve` of parameters seen before), and cached with the `Params` built for
//! each call, as a client builds them. Also the one-time cost of reading the rule set.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use serde_json::Value;
use smithy_runtime::endpoint::{Params, Resolver, RuleSet};

/// Calls per timed run; the median of `RUNS` runs is reported.
const CALLS: u32 = 100_000;
const RUNS: usize = 5;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let official = root.join("../shared/aws-models/gamelift.json");
    let ours = root.join("models/gamelift.endpoints.json");
    for (label, path) in [("official GameLift", official), ("project GameLift", ours)] {
        match rule_set_text(&path) {
            Some(text) => bench(label, &text),
            None => println!("notice: {label} skipped: {} is absent", path.display()),
        }
    }
}

/// The `smithy.rules#endpointRuleSet` trait of the model's service, as JSON text.
fn rule_set_text(path: &PathBuf) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    let model: Value = serde_json::from_str(&text).ok()?;
    let shapes = model.get("shapes")?.as_object()?;
    shapes
        .values()
        .find_map(|shape| shape.pointer("/traits/smithy.rules#endpointRuleSet"))
        .map(Value::to_string)
}

fn bench(label: &str, text: &str) {
    let parse = median(|| {
        let started = Instant::now();
        for _ in 0..100 {
            black_box(RuleSet::from_json(black_box(text)).expect("the rule set loads"));
        }
        started.elapsed().as_nanos() as f64 / 100.0
    });
    println!(
        "{label}: reading the rule set: {:.1} µs (once per process)",
        parse / 1000.0
    );
    let rules = Arc::new(RuleSet::from_json(text).expect("the rule set loads"));
    let cases = [
        ("us-west-2", false, false),
        ("cn-north-1", true, false),
        ("us-gov-west-1", true, true),
    ];
    for (region, fips, dual) in cases {
        let params = Params::new()
            .with("Region", region)
            .with("UseFIPS", fips)
            .with("UseDualStack", dual);
        let url = rules.resolve(&params).expect("an endpoint");
        let cold = per_call(|| drop(black_box(rules.resolve(black_box(&params)))));
        let resolver = Resolver::new(Arc::clone(&rules));
        let cached = per_call(|| drop(black_box(resolver.resolve(black_box(&params)))));
        let region = region.to_owned();
        let built = per_call(|| {
            let params = Params::new()
                .with("Region", region.clone())
                .with("UseFIPS", fips)
                .with("UseDualStack", dual);
            drop(black_box(resolver.resolve(&params)));
        });
        println!(
            "{label}: {} → {}: cold {cold:.0} ns, cached {cached:.0} ns, cached with params built per call {built:.0} ns",
            params.to_json(),
            url.url(),
        );
    }
}

/// Nanoseconds per call of `f`, the median of `RUNS` runs of `CALLS` calls.
fn per_call(mut f: impl FnMut()) -> f64 {
    median(|| {
        let started = Instant::now();
        for _ in 0..CALLS {
            f();
        }
        started.elapsed().as_nanos() as f64 / f64::from(CALLS)
    })
}

fn median(mut run: impl FnMut() -> f64) -> f64 {
    let mut samples: Vec<f64> = (0..RUNS).map(|_| run()).collect();
    samples.sort_by(f64::total_cmp);
    samples[RUNS / 2]
}
