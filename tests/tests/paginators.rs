//! Paginators through the in-process server: pages and items across page boundaries, the page
//! size on the wire, starting from the input's own token, the stops (no token, an empty token,
//! the token just sent), an error mid-stream, and an input that does not build.

// Test setup that cannot proceed panics with the failure.
#![allow(clippy::unwrap_used)]

use std::sync::{Arc, Mutex};

use gamelift::error::DescribeGameSessionsError;
use gamelift::types::{
    DescribeGameSessionsInput, DescribeGameSessionsOutput, GameSession, InvalidRequestException,
};
use smithy_runtime::client::SdkError;
use smithy_runtime::server::RequestContext;

/// Each page request's token and limit, as the handler read them.
type Log = Arc<Mutex<Vec<(Option<String>, Option<i32>)>>>;

/// How the service answers a page request.
#[derive(Clone, Copy)]
enum Mode {
    /// Offsets as tokens; the last page has no token.
    Offsets,
    /// Like `Offsets`, but the last page has an empty token.
    EmptyLast,
    /// Answers every request with the token `stuck`.
    Stuck,
    /// Fails the request for the second page.
    FailSecond,
}

/// GameLift `DescribeGameSessions` over `total` sessions, logging each request's token and
/// limit as the handler read them off the wire.
struct Sessions {
    total: usize,
    mode: Mode,
    log: Log,
}

impl gamelift::server::GameLiftServer for Sessions {
    async fn describe_game_sessions(
        &self,
        input: DescribeGameSessionsInput,
        _cx: RequestContext,
    ) -> Result<DescribeGameSessionsOutput, DescribeGameSessionsError> {
        let calls = {
            let mut log = self.log.lock().unwrap();
            log.push((input.next_token.clone(), input.limit));
            log.len()
        };
        if matches!(self.mode, Mode::FailSecond) && calls == 2 {
            let error = InvalidRequestException::builder()
                .message("no second page")
                .build();
            return Err(DescribeGameSessionsError::InvalidRequestException(error));
        }
        let start: usize = input
            .next_token
            .as_deref()
            .map_or(0, |t| t.parse().unwrap_or(0));
        let limit = usize::try_from(input.limit.unwrap_or(2)).unwrap();
        let end = (start + limit).min(self.total);
        let sessions = (start..end)
            .map(|i| {
                GameSession::builder()
                    .game_session_id(format!("gs-{i}"))
                    .build()
            })
            .collect::<Vec<_>>();
        let token = match self.mode {
            Mode::Stuck => Some("stuck".to_owned()),
            _ if end < self.total => Some(end.to_string()),
            Mode::EmptyLast => Some(String::new()),
            _ => None,
        };
        Ok(DescribeGameSessionsOutput::builder()
            .set_game_sessions(Some(sessions))
            .set_next_token(token)
            .build())
    }
}

fn client(total: usize, mode: Mode) -> (gamelift::client::Client, Log) {
    let log = Log::default();
    let service = Sessions {
        total,
        mode,
        log: log.clone(),
    };
    let config = integration_tests::test_config()
        .http_client(gamelift::server::router(service))
        .build();
    (gamelift::client::Client::new(config), log)
}

fn ids(sessions: &[GameSession]) -> Vec<&str> {
    sessions
        .iter()
        .map(|s| s.game_session_id.as_deref().unwrap())
        .collect()
}

#[tokio::test]
async fn pages_follow_the_tokens_and_carry_the_page_size() {
    let (client, log) = client(7, Mode::Offsets);
    let pages = client
        .describe_game_sessions()
        .fleet_id("fleet-1")
        .into_paginator()
        .page_size(3)
        .send()
        .try_collect()
        .await
        .unwrap();
    let sizes: Vec<usize> = pages
        .iter()
        .map(|p| p.game_sessions.as_ref().unwrap().len())
        .collect();
    assert_eq!(sizes, [3, 3, 1]);
    let sent = log.lock().unwrap().clone();
    assert_eq!(
        sent,
        [
            (None, Some(3)),
            (Some("3".to_owned()), Some(3)),
            (Some("6".to_owned()), Some(3))
        ]
    );
}

#[tokio::test]
async fn items_run_across_page_boundaries() {
    let (client, log) = client(5, Mode::Offsets);
    let mut items = client
        .describe_game_sessions()
        .into_paginator()
        .page_size(2)
        .send()
        .items();
    let mut seen = Vec::new();
    while let Some(item) = items.next().await {
        seen.push(item.unwrap());
    }
    assert_eq!(ids(&seen), ["gs-0", "gs-1", "gs-2", "gs-3", "gs-4"]);
    assert_eq!(log.lock().unwrap().len(), 3);
}

#[tokio::test]
async fn the_input_token_is_where_paging_starts() {
    let (client, log) = client(6, Mode::Offsets);
    let items = client
        .describe_game_sessions()
        .next_token("4")
        .into_paginator()
        .send()
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(ids(&items), ["gs-4", "gs-5"]);
    assert_eq!(log.lock().unwrap()[0], (Some("4".to_owned()), None));
}

#[tokio::test]
async fn an_empty_token_ends_the_stream() {
    let (client, log) = client(3, Mode::EmptyLast);
    let pages = client
        .describe_game_sessions()
        .into_paginator()
        .send()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(pages.len(), 2);
    assert_eq!(pages[1].next_token.as_deref(), Some(""));
    assert_eq!(log.lock().unwrap().len(), 2);
}

#[tokio::test]
async fn a_page_returning_the_token_it_was_sent_is_the_last() {
    let (client, log) = client(10, Mode::Stuck);
    let mut pages = client.describe_game_sessions().into_paginator().send();
    // A paginator without the stop would page forever: read a bounded number of pages.
    let mut read = 0;
    while read < 5 && pages.next().await.is_some() {
        read += 1;
    }
    // The first page (sent no token) answers `stuck`; the second, sent `stuck`, answers
    // `stuck` again: without the stop the stream would never end.
    assert_eq!(read, 2);
    let sent: Vec<Option<String>> = log.lock().unwrap().iter().map(|(t, _)| t.clone()).collect();
    assert_eq!(sent, [None, Some("stuck".to_owned())]);
}

#[tokio::test]
async fn an_error_is_the_last_item() {
    let (client, log) = client(10, Mode::FailSecond);
    let mut items = client
        .describe_game_sessions()
        .into_paginator()
        .page_size(2)
        .send()
        .items();
    assert!(items.next().await.unwrap().is_ok());
    assert!(items.next().await.unwrap().is_ok());
    match items.next().await {
        Some(Err(SdkError::Service { error, status, .. })) => {
            assert_eq!(status, 400);
            assert!(matches!(
                error,
                DescribeGameSessionsError::InvalidRequestException(_)
            ));
        }
        other => panic!("expected the service error, got {other:?}"),
    }
    assert!(items.next().await.is_none());
    assert!(items.next().await.is_none());
    assert_eq!(
        log.lock().unwrap().len(),
        2,
        "nothing is sent after the error"
    );
}

#[tokio::test]
async fn an_input_that_does_not_build_is_the_only_item() {
    struct Stages;
    impl gamesparks::server::GameSparksServer for Stages {}
    let config = integration_tests::test_config()
        .http_client(gamesparks::server::router(Stages))
        .build();
    let client = gamesparks::client::Client::new(config);
    // `GameName` is required and unset.
    let mut pages = client.list_stages().into_paginator().send();
    match pages.next().await {
        Some(Err(SdkError::Construction(e))) => {
            assert!(e.to_string().contains("ListStages"), "{e}");
        }
        other => panic!("expected a construction error, got {other:?}"),
    }
    assert!(pages.next().await.is_none());
}
