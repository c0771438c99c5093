//! The generated waiters through the in-process server, on tokio's paused clock (no real
//! sleeping): success after several polls as the handler's state advances, a failure
//! acceptor, timing out, the delays between polls against the backoff formula, and
//! `errorType` acceptors (success on an error, and an error no acceptor matches).

// Test setup that cannot proceed panics with the failure.
#![allow(clippy::unwrap_used)]

use std::sync::{Arc, Mutex};
use std::time::Duration;

use gamelift::error::DescribeFleetAttributesError;
use gamelift::types::{
    DescribeFleetAttributesInput, DescribeFleetAttributesOutput, FleetAttributes, FleetStatus,
};
use gamesparks::error::GetGameError;
use gamesparks::types::{GameDetails, GameState, GetGameRequest, GetGameResult};
use smithy_runtime::client::wait::{Final, WaitError};
use smithy_runtime::client::{Config, HttpClient};
use smithy_runtime::server::RequestContext;
use tokio::time::Instant;

fn config(router: impl HttpClient + 'static) -> Config {
    integration_tests::test_config().http_client(router).build()
}

/// A fleet whose status steps through `statuses`, one per poll (the last one repeating),
/// logging when each poll arrived.
struct Fleet {
    statuses: Vec<&'static str>,
    polls: Arc<Mutex<Vec<Instant>>>,
}

impl gamelift::server::GameLiftServer for Fleet {
    async fn describe_fleet_attributes(
        &self,
        input: DescribeFleetAttributesInput,
        _cx: RequestContext,
    ) -> Result<DescribeFleetAttributesOutput, DescribeFleetAttributesError> {
        let poll = {
            let mut polls = self.polls.lock().unwrap();
            polls.push(Instant::now());
            polls.len() - 1
        };
        let status = self.statuses[poll.min(self.statuses.len() - 1)];
        let fleets = input
            .fleet_ids
            .unwrap_or_default()
            .into_iter()
            .map(|id| {
                FleetAttributes::builder()
                    .fleet_id(id)
                    .status(FleetStatus::from(status))
                    .build()
            })
            .collect::<Vec<_>>();
        Ok(DescribeFleetAttributesOutput::builder()
            .set_fleet_attributes(Some(fleets))
            .build())
    }
}

type Polls = Arc<Mutex<Vec<Instant>>>;

fn fleet_client(statuses: Vec<&'static str>) -> (gamelift::client::Client, Polls) {
    let polls = Polls::default();
    let fleet = Fleet {
        statuses,
        polls: polls.clone(),
    };
    let client = gamelift::client::Client::new(config(gamelift::server::router(fleet)));
    (client, polls)
}

#[tokio::test(start_paused = true)]
async fn fleet_active_succeeds_once_the_fleet_is_active() {
    let statuses = vec![
        "NEW",
        "DOWNLOADING",
        "VALIDATING",
        "BUILDING",
        "ACTIVATING",
        "ACTIVE",
    ];
    let (client, polls) = fleet_client(statuses);
    let done = client
        .wait_until_fleet_active()
        .fleet_ids("fleet-1")
        .wait(Duration::from_secs(3600))
        .await
        .unwrap();
    let output = done.into_output().unwrap();
    let status = output.fleet_attributes.unwrap()[0].status.clone();
    assert_eq!(status, Some(FleetStatus::from("ACTIVE")));
    assert_eq!(polls.lock().unwrap().len(), 6);
}

#[tokio::test(start_paused = true)]
async fn a_failure_acceptor_ends_the_wait_and_says_which() {
    let (client, polls) = fleet_client(vec!["NEW", "ACTIVATING", "ERROR"]);
    let error = client
        .wait_until_fleet_active()
        .fleet_ids("fleet-1")
        .wait(Duration::from_secs(3600))
        .await
        .unwrap_err();
    match &error {
        WaitError::Failed {
            waiter,
            acceptor,
            attempts,
            ..
        } => assert_eq!((*waiter, *acceptor, *attempts), ("FleetActive", 1, 3)),
        other => panic!("expected the failure acceptor, got {other:?}"),
    }
    let message = error.to_string();
    assert!(
        message.contains("FleetActive") && message.contains("ERROR"),
        "{message}"
    );
    assert_eq!(polls.lock().unwrap().len(), 3);
}

#[tokio::test(start_paused = true)]
async fn waiting_stops_at_the_deadline_with_the_attempts_made() {
    let (client, polls) = fleet_client(vec!["BUILDING"]);
    let started = Instant::now();
    let error = client
        .wait_until_fleet_active()
        .fleet_ids("fleet-1")
        .wait(Duration::from_secs(300))
        .await
        .unwrap_err();
    let polls = polls.lock().unwrap().clone();
    match error {
        WaitError::TimedOut {
            waiter, attempts, ..
        } => {
            assert_eq!(waiter, "FleetActive");
            assert_eq!(attempts as usize, polls.len());
        }
        other => panic!("expected a time-out, got {other:?}"),
    }
    // The last poll is at the deadline, never past it.
    let last = *polls.last().unwrap() - started;
    assert_eq!(last, Duration::from_secs(300));
}

#[tokio::test(start_paused = true)]
async fn the_delays_follow_the_backoff_formula() {
    // FleetActive: minDelay 5, maxDelay 120.
    let (client, polls) = fleet_client(vec!["BUILDING"]);
    let max_wait = Duration::from_secs(1800);
    let started = Instant::now();
    let _ = client
        .wait_until_fleet_active()
        .fleet_ids("fleet-1")
        .wait(max_wait)
        .await;
    let polls = polls.lock().unwrap().clone();
    assert!(polls.len() > 8, "{} polls", polls.len());
    let (min, max) = (5_u64, 120_u64);
    let ceiling = ((max as f64 / min as f64).ln() / 2_f64.ln() + 1.0).floor() as u32;
    for (i, pair) in polls.windows(2).enumerate() {
        let attempt = u32::try_from(i).unwrap() + 1;
        let gap = (pair[1] - pair[0]).as_secs();
        let remaining = (max_wait - (pair[0] - started)).as_secs();
        let bound = if attempt > ceiling {
            max
        } else {
            min * 2_u64.pow(attempt - 1)
        };
        if gap == remaining {
            // The last poll, moved to the deadline.
            assert!(pair[1] - started == max_wait, "poll {attempt}");
            continue;
        }
        assert!(
            (min..=bound).contains(&gap),
            "retry {attempt}: waited {gap}s, the formula allows {min}..={bound}"
        );
        assert!(
            remaining - gap > min,
            "retry {attempt} leaves too little time"
        );
    }
}

/// A game that is `DELETING` for `deleting` polls, then gone.
struct Game {
    deleting: usize,
    polls: Arc<Mutex<usize>>,
}

impl gamesparks::server::GameSparksServer for Game {
    async fn get_game(
        &self,
        input: GetGameRequest,
        _cx: RequestContext,
    ) -> Result<GetGameResult, GetGameError> {
        let poll = {
            let mut polls = self.polls.lock().unwrap();
            *polls += 1;
            *polls
        };
        if poll > self.deleting {
            let missing = gamesparks::types::ResourceNotFoundException::builder()
                .message(format!("no game {}", input.game_name))
                .build();
            return Err(GetGameError::ResourceNotFoundException(missing));
        }
        let game = GameDetails::builder()
            .name(input.game_name)
            .state(GameState::from("DELETING"))
            .build();
        Ok(GetGameResult::builder().game(game).build())
    }
}

fn game_client(deleting: usize) -> (gamesparks::client::Client, Arc<Mutex<usize>>) {
    let polls = Arc::new(Mutex::new(0));
    let game = Game {
        deleting,
        polls: polls.clone(),
    };
    let client = gamesparks::client::Client::new(config(gamesparks::server::router(game)));
    (client, polls)
}

#[tokio::test(start_paused = true)]
async fn game_deleted_succeeds_on_the_not_found_error() {
    let (client, polls) = game_client(3);
    let done = client
        .wait_until_game_deleted()
        .game_name("dragons")
        .wait(Duration::from_secs(600))
        .await
        .unwrap();
    match done {
        Final::Error(GetGameError::ResourceNotFoundException(_)) => {}
        other => panic!("expected the matched error, got {other:?}"),
    }
    assert_eq!(*polls.lock().unwrap(), 4);
}

#[tokio::test(start_paused = true)]
async fn an_error_no_acceptor_matches_ends_the_wait() {
    // GameActive has no acceptor for ResourceNotFoundException; DELETING is its failure.
    let (client, polls) = game_client(0);
    let error = client
        .wait_until_game_active()
        .game_name("dragons")
        .wait(Duration::from_secs(600))
        .await
        .unwrap_err();
    match &error {
        WaitError::Operation {
            attempts, source, ..
        } => {
            assert_eq!(*attempts, 1);
            assert_eq!(source.code(), Some("ResourceNotFoundException"));
        }
        other => panic!("expected the operation's error, got {other:?}"),
    }
    assert_eq!(*polls.lock().unwrap(), 1);
}
