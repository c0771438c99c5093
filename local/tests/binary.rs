//! The `local-services` binary as a user starts it: it prints where it listens, logs one
//! line per request, stops cleanly on Ctrl-C (SIGINT) with a summary, keeps its state in
//! `--state FILE` across a restart, and refuses a corrupt state file without touching it.

// Test setup that cannot proceed panics with the failure.
#![allow(clippy::unwrap_used)]
#![cfg(unix)]

use std::io::{BufRead as _, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};

const BINARY: &str = env!("CARGO_BIN_EXE_local-services");

struct Server {
    child: Child,
    stdout: BufReader<ChildStdout>,
    url: String,
}

fn start(args: &[&str]) -> Server {
    let mut child = Command::new(BINARY)
        .args(["--listen", "127.0.0.1:0"])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut banner = String::new();
    stdout.read_line(&mut banner).unwrap();
    let url = banner
        .split_whitespace()
        .find(|word| word.starts_with("http://"))
        .unwrap_or_else(|| panic!("no URL in the banner: {banner:?}"))
        .to_owned();
    Server { child, stdout, url }
}

impl Server {
    /// Sends SIGINT, as Ctrl-C does; the exit status and what it printed after the banner.
    fn interrupt(mut self) -> (bool, Vec<String>) {
        let pid = self.child.id().to_string();
        let sent = Command::new("kill").args(["-INT", &pid]).status().unwrap();
        assert!(sent.success());
        let status = self.child.wait().unwrap();
        let lines = self.stdout.lines().map(Result::unwrap).collect();
        (status.success(), lines)
    }
}

fn client(url: &str) -> gamesparks_api::client::Client {
    let config = smithy_runtime::client::Config::builder()
        .region("us-west-2")
        .credentials(smithy_runtime::client::Credentials::new("AKID", "SECRET"))
        .endpoint_url(url)
        .build();
    gamesparks_api::client::Client::new(config)
}

fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("local-services-bin-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("state.json")
}

async fn create_game(url: &str, name: &str) {
    client(url)
        .create_game()
        .game_name(name)
        .send()
        .await
        .unwrap();
}

async fn game_names(url: &str) -> Vec<String> {
    let games = client(url)
        .list_games()
        .into_paginator()
        .send()
        .items()
        .try_collect()
        .await
        .unwrap();
    games.into_iter().filter_map(|g| g.name).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn logs_each_request_and_stops_cleanly_on_ctrl_c() {
    let server = start(&[]);
    create_game(&server.url, "logged").await;
    let missing = client(&server.url)
        .get_game()
        .game_name("absent")
        .send()
        .await;
    assert_eq!(
        missing.unwrap_err().code(),
        Some("ResourceNotFoundException")
    );
    let (clean, lines) = server.interrupt();
    assert!(clean, "{lines:?}");
    assert!(
        lines[0].starts_with("GameSparks CreateGame 200 "),
        "{lines:?}"
    );
    assert!(lines[1].starts_with("GameSparks GetGame 404 "), "{lines:?}");
    assert_eq!(
        lines.last().unwrap(),
        "local-services: stopped after 2 requests"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn state_survives_a_restart() {
    let path = scratch("restart");
    let state = path.to_str().unwrap();
    let first = start(&["--state", state, "--quiet"]);
    create_game(&first.url, "kept").await;
    assert!(first.interrupt().0);
    let second = start(&["--state", state, "--quiet"]);
    assert_eq!(game_names(&second.url).await, ["kept"]);
    assert!(second.interrupt().0);
}

#[test]
fn a_corrupt_state_file_stops_the_server_and_is_left_alone() {
    let path = scratch("corrupt");
    std::fs::write(&path, "{\"gamesparks\": [").unwrap();
    let output = Command::new(BINARY)
        .args(["--listen", "127.0.0.1:0", "--state"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(!output.status.success());
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("is not valid state"), "{message}");
    assert!(
        message.contains(&Path::new(&path).display().to_string()),
        "{message}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "{\"gamesparks\": ["
    );
}

#[test]
fn bad_arguments_say_what_to_do() {
    let output = Command::new(BINARY).arg("--require-auth").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("--key ACCESS_KEY_ID:SECRET"), "{message}");
    let output = Command::new(BINARY)
        .args(["--step", "fast"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("not a duration"), "{message}");
}
