//! In-memory, stateful stand-ins for AWS GameLift and GameSparks, for tests and demos.
//!
//! [`Local`] holds the state of both services. Its [`Local::gamelift`] and
//! [`Local::gamesparks`] implement the generated server traits
//! (`gamelift::server::GameLiftServer`, `gamesparks::server::GameSparksServer`) with the
//! documented behaviour: fleets step through their statuses, game sessions take players,
//! stage deployments complete. Use them in-process (a router as the generated client's HTTP
//! transport) or over a socket: [`Gateway`] answers both services on one port, and the
//! `local-services` binary serves it.
//!
//! Transitional statuses advance on a [`Clock`]: by default one status per poll, so a waiter
//! finishes as soon as it has seen each status; or in real time ([`Pace::RealTime`]).
//!
//! ```no_run
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! use local_services::{Local, Settings};
//!
//! let local = Local::new(Settings::default())?;
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
//! smithy_runtime::server::serve(local.gateway(), listener, std::future::pending()).await?;
//! # Ok(())
//! # }
//! ```

use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

pub mod auth;
pub mod clock;
pub mod gamelift;
pub mod gamesparks;
pub mod gateway;
pub mod names;
pub mod page;
pub mod store;

pub use auth::Keys;
pub use clock::{Clock, Pace};
pub use gateway::Gateway;
pub use names::Names;
pub use store::{Store, StoreError};

/// How a [`Local`] is set up.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The account and region of ARNs.
    pub names: Names,
    /// How statuses advance.
    pub pace: Pace,
    /// Where the state is persisted; in memory only when `None`.
    pub state_file: Option<PathBuf>,
}

impl Default for Settings {
    /// Account `123456789012`, `us-west-2`, one status per poll, in memory.
    fn default() -> Self {
        Settings {
            names: Names::default(),
            pace: Pace::PerPoll,
            state_file: None,
        }
    }
}

/// The state of both services, as persisted.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct State {
    /// GameLift's fleets, sessions, placements and tickets.
    #[serde(default)]
    pub gamelift: gamelift::State,
    /// GameSparks' games, stages, snapshots, deployments and jobs.
    #[serde(default)]
    pub gamesparks: gamesparks::State,
}

/// What every service shares: the state, the names of resources, the clock.
#[derive(Clone, Debug)]
pub struct Shared {
    /// The state of both services.
    pub store: Arc<Store<State>>,
    /// The account and region of ARNs.
    pub names: Arc<Names>,
    /// The clock statuses advance on.
    pub clock: Clock,
}

/// Both services over one state. Cheap to clone: clones share the state.
#[derive(Clone, Debug)]
pub struct Local {
    shared: Shared,
}

impl Local {
    /// The services with `settings`: their state loaded from `settings.state_file` when it
    /// exists.
    ///
    /// # Errors
    ///
    /// When the state file exists but cannot be read or is not valid state.
    pub fn new(settings: Settings) -> Result<Self, StoreError> {
        let store = match &settings.state_file {
            Some(path) => Store::open(path)?,
            None => Store::in_memory(),
        };
        Ok(Local {
            shared: Shared {
                store: Arc::new(store),
                names: Arc::new(settings.names),
                clock: Clock::new(settings.pace),
            },
        })
    }

    /// What the services share.
    pub fn shared(&self) -> &Shared {
        &self.shared
    }

    /// The GameLift service (a `GameLiftServer`).
    pub fn gamelift(&self) -> gamelift::GameLift {
        gamelift::GameLift::new(self.shared.clone())
    }

    /// The GameSparks service (a `GameSparksServer`).
    pub fn gamesparks(&self) -> gamesparks::GameSparks {
        gamesparks::GameSparks::new(self.shared.clone())
    }

    /// A router answering GameLift in each of its protocols: the generated client's in-process
    /// transport.
    pub fn gamelift_router(&self) -> smithy_runtime::server::Router {
        gamelift_api::server::router(self.gamelift())
    }

    /// A router answering GameSparks.
    pub fn gamesparks_router(&self) -> smithy_runtime::server::Router {
        gamesparks_api::server::router(self.gamesparks())
    }

    /// Both routers behind one endpoint, signatures not checked. A failed check (with
    /// [`Gateway::require_auth`]) answers each service's documented authentication error:
    /// GameLift's `UnauthorizedException` (400), GameSparks' `AccessDeniedException` (403).
    pub fn gateway(&self) -> Gateway {
        Gateway::new(vec![
            (
                self.gamelift_router(),
                gateway::AuthError {
                    code: "UnauthorizedException",
                    status: 400,
                },
            ),
            (
                self.gamesparks_router(),
                gateway::AuthError {
                    code: "AccessDeniedException",
                    status: 403,
                },
            ),
        ])
    }
}
