//! The instruction pass: the benchmark runs itself under `valgrind --tool=callgrind`, where
//! each contender makes a fixed number of calls, and reads back the instructions executed per
//! call. Unlike wall time, the count does not depend on what else the machine is doing.
//!
//! One child process runs every contender in turn. Collection is on only inside
//! [`measured_calls`] (`--collect-atstart=no --toggle-collect`), and callgrind writes one
//! profile part each time that function returns (`--dump-after`), so part `k` holds exactly
//! the calls of contender `k`: no start-up, no fixture, no checks, no warm-up.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use tokio::runtime::Runtime;

use crate::calls::{comparisons, Contender};

/// Set in the child's environment: run the calls instead of the passes.
pub const CHILD_VAR: &str = "GAMELIFT_BENCH_CALLGRIND_CHILD";

/// Calls measured per contender.
const CALLS: u64 = 20;

/// Calls made before the measured ones (lazy initialization, first-use allocations).
const WARM_UP: u64 = 3;

/// In the child: every contender's warm-up calls, then its measured calls.
pub fn child(runtime: &Runtime, contenders: &[Contender]) {
    for contender in contenders {
        for _ in 0..WARM_UP {
            black_box((contender.call)(runtime));
        }
        measured_calls(runtime, contender, CALLS);
    }
}

/// The name callgrind knows [`measured_calls`] by (`--dump-after` takes no wildcards).
const MEASURED: &str = concat!(module_path!(), "::measured_calls");

/// The calls callgrind counts (found by name: keep it out of line).
#[inline(never)]
fn measured_calls(runtime: &Runtime, contender: &Contender, calls: u64) {
    for _ in 0..calls {
        black_box((contender.call)(runtime));
    }
}

/// Runs the child under callgrind and prints the instructions per call and their ratios.
pub fn pass(contenders: &[Contender]) {
    println!();
    let valgrind = Command::new("valgrind").arg("--version").output();
    if !valgrind.is_ok_and(|out| out.status.success()) {
        println!(
            "instruction pass skipped: valgrind is not installed \
             (Debian/Ubuntu: `apt-get install valgrind`)"
        );
        return;
    }
    let exe = std::env::current_exe().expect("the benchmark's path");
    let dir = profile_dir(&exe);
    std::fs::create_dir_all(&dir).expect("a directory for the callgrind profiles");
    let out = dir.join("per_call.out");
    for stale in std::fs::read_dir(&dir)
        .expect("the profile directory")
        .flatten()
    {
        let _ = std::fs::remove_file(stale.path());
    }
    let only = std::env::var("GAMELIFT_BENCH_ONLY").unwrap_or_default();
    let status = Command::new("valgrind")
        .args([
            "--tool=callgrind",
            "--collect-atstart=no",
            "--compress-strings=no",
        ])
        .arg(format!("--toggle-collect={MEASURED}"))
        .arg(format!("--dump-after={MEASURED}"))
        .arg(format!("--callgrind-out-file={}", out.display()))
        .arg(&exe)
        .arg("--bench")
        .env(CHILD_VAR, "1")
        .env("GAMELIFT_BENCH_ONLY", only)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("valgrind runs");
    assert!(status.success(), "the callgrind run failed: {status}");

    let per_call: Vec<f64> = (1..=contenders.len())
        .map(|part| instructions(&out.with_extension(format!("out.{part}"))) as f64 / CALLS as f64)
        .collect();
    report(contenders, &per_call, &dir);
}

/// Where the profiles go: `callgrind/` in the target directory (the benchmark runs from
/// `<target>/release/deps/`).
fn profile_dir(exe: &Path) -> PathBuf {
    exe.ancestors()
        .nth(3)
        .unwrap_or_else(|| Path::new("."))
        .join("callgrind")
}

/// The instructions a callgrind profile part counted (its `totals:` line).
fn instructions(part: &Path) -> u64 {
    let text = std::fs::read_to_string(part)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", part.display()));
    text.lines()
        .find_map(|line| {
            line.strip_prefix("totals:")
                .or(line.strip_prefix("summary:"))
        })
        .and_then(|n| n.trim().split_whitespace().next()?.parse().ok())
        .unwrap_or_else(|| panic!("no instruction total in {}", part.display()))
}

/// Prints the table and the ratios.
fn report(contenders: &[Contender], per_call: &[f64], dir: &Path) {
    println!("instructions per call, callgrind ({WARM_UP} warm-up calls, then {CALLS} counted):");
    println!("  {:<40} {:>14}  profile", "contender", "instructions");
    for (k, (contender, n)) in contenders.iter().zip(per_call).enumerate() {
        println!(
            "  {:<40} {:>14.0}  per_call.out.{}",
            contender.name,
            n,
            k + 1
        );
    }
    println!(
        "  (profiles in {}; read one with `callgrind_annotate`)",
        dir.display()
    );
    let count = |name: &str| {
        contenders
            .iter()
            .zip(per_call)
            .find(|(c, _)| c.name == name)
            .map(|(_, n)| *n)
    };
    println!();
    println!("ratios of instructions per call (above 1x: the right-hand side executes fewer):");
    for (sdk_name, ours_name) in comparisons() {
        if let (Some(sdk), Some(ours)) = (count(&sdk_name), count(&ours_name)) {
            println!("  {sdk_name} / {ours_name}: {:.2}x", sdk / ours);
        }
    }
}
