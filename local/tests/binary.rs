//! The `local-services` binary as a user starts it: it prints where it listens, logs one
//! line per request, stops cleanly on Ctrl-C (SIGINT) with a summary, keeps its state in
//! `--state DIR` across a restart, refuses a corrupt state file without touching it, a state
//! another server holds, and a state it cannot create; and it cannot be knocked over by
//! running out of file descriptors or by a stdout no one reads.

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
    let mut command = Command::new(BINARY);
    command.args(["--listen", "127.0.0.1:0"]).args(args);
    start_command(command)
}

fn start_command(mut command: Command) -> Server {
    let mut child = command
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
    dir.join("state")
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

/// Starts the server on the state `dir`, expecting it to refuse; what it said on stderr.
fn refused(dir: &Path) -> String {
    let output = Command::new(BINARY)
        .args(["--listen", "127.0.0.1:0", "--state"])
        .arg(dir)
        .output()
        .unwrap();
    assert!(!output.status.success());
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn a_corrupt_state_file_stops_the_server_and_is_left_alone() {
    let dir = scratch("corrupt");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("gamesparks.sqlite3");
    std::fs::write(&file, "{\"gamesparks\": [").unwrap();
    let message = refused(&dir);
    assert!(message.contains("is not valid state"), "{message}");
    assert!(
        message.contains(&Path::new(&file).display().to_string()),
        "{message}"
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "{\"gamesparks\": ["
    );
}

#[test]
fn a_state_that_cannot_be_created_stops_the_server_before_any_request() {
    let dir = scratch("missing").join("no-such-parent").join("state");
    let message = refused(&dir);
    assert!(message.contains("cannot be created"), "{message}");
    assert!(message.contains("directory exists"), "{message}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_second_server_on_the_same_state_refuses_to_start_and_names_the_first() {
    let path = scratch("twice");
    let state = path.to_str().unwrap();
    let first = start(&["--state", state, "--quiet"]);
    let message = refused(&path);
    assert!(message.contains("is in use by another server"), "{message}");
    assert!(
        message.contains(&format!("pid {}", first.child.id())),
        "{message}"
    );
    assert!(message.contains(&first.url), "{message}");
    create_game(&first.url, "still-mine").await;
    assert!(first.interrupt().0);
}

#[tokio::test(flavor = "multi_thread")]
async fn running_out_of_file_descriptors_does_not_stop_the_server() {
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg("ulimit -n 64 && exec \"$0\" --listen 127.0.0.1:0 --quiet")
        .arg(BINARY);
    let server = start_command(command);
    let address = server.url.trim_start_matches("http://").to_owned();
    let idle: Vec<std::net::TcpStream> = (0..100)
        .map(|_| std::net::TcpStream::connect(&address).unwrap())
        .collect();
    // Give the server time to accept until it runs out of descriptors.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    drop(idle);
    create_game(&server.url, "after-the-flood").await;
    let (clean, lines) = server.interrupt();
    assert!(clean, "{lines:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_stdout_no_one_reads_fails_no_request() {
    let mut server = start(&[]);
    // The reader of stdout goes away; the server keeps logging requests.
    let gone = std::mem::replace(
        &mut server.stdout,
        BufReader::new(
            Command::new("true")
                .stdout(Stdio::piped())
                .spawn()
                .unwrap()
                .stdout
                .take()
                .unwrap(),
        ),
    );
    drop(gone);
    for name in ["a", "b", "c"] {
        create_game(&server.url, name).await;
    }
    assert_eq!(game_names(&server.url).await, ["a", "b", "c"]);
    assert!(server.interrupt().0);
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
