//! In-memory, stateful stand-ins for AWS GameLift and GameSparks, for tests and demos.
//!
//! [`Local`] holds the services, each over a state of its own. Its [`Local::gamelift`] and
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

pub mod auth;
pub mod clock;
pub mod fault;
pub mod gamelift;
pub mod gamesparks;
pub mod gateway;
pub mod names;
pub mod page;
pub mod service;
pub mod store;
pub mod timers;

pub use auth::Keys;
pub use clock::{Clock, Pace};
pub use fault::Fault;
pub use gateway::Gateway;
pub use names::Names;
pub use service::{Runner, Service};
pub use store::{Store, StoreError, Unsaved};

/// Opens a service's store and mounts it: [`service::mount`] for one service type.
pub type Mount = fn(&service::Context) -> Result<service::Mounted, StoreError>;

/// Every service, one line each: what [`Local`] opens and the [`Gateway`] answers.
pub const SERVICES: &[Mount] = &[
    service::mount::<gamelift::GameLift>,
    service::mount::<gamesparks::GameSparks>,
];

/// How a [`Local`] is set up.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The account and region of ARNs.
    pub names: Names,
    /// How statuses advance.
    pub pace: Pace,
    /// The directory the state is kept in (one database per service); in memory only when
    /// `None`. A file there is the state file of an earlier local-services: it is carried
    /// over into a directory of that name, and kept beside it as `NAME.v0.json`.
    pub state_dir: Option<PathBuf>,
    /// Who is serving (`http://127.0.0.1:4566`): written into the state's lock files, for a
    /// second server on the same state to name.
    pub owner: String,
}

impl Default for Settings {
    /// Account `123456789012`, `us-west-2`, one status per poll, in memory.
    fn default() -> Self {
        Settings {
            names: Names::default(),
            pace: Pace::PerPoll,
            state_dir: None,
            owner: String::new(),
        }
    }
}

/// Every service over its own state. Cheap to clone: clones share the state.
#[derive(Clone, Debug)]
pub struct Local {
    services: Arc<Vec<service::Mounted>>,
}

impl Local {
    /// The services with `settings`: each one's state loaded from `settings.state_dir` when
    /// it is set.
    ///
    /// # Errors
    ///
    /// When a service's state cannot be opened: its directory cannot be created, another
    /// server holds it, or it is not valid state.
    pub fn new(settings: Settings) -> Result<Self, StoreError> {
        let earlier = match &settings.state_dir {
            Some(path) if path.is_file() => Some(Arc::new(store::earlier::take(path)?)),
            _ => None,
        };
        let cx = service::Context {
            names: Arc::new(settings.names),
            clock: Clock::new(settings.pace),
            state_dir: settings.state_dir,
            owner: settings.owner,
            earlier,
        };
        let services = SERVICES
            .iter()
            .map(|mount| mount(&cx))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Local {
            services: Arc::new(services),
        })
    }

    /// Service `S` (a generated server trait's implementation).
    ///
    /// # Panics
    ///
    /// When `S` is not in [`SERVICES`].
    pub fn service<S: Service>(&self) -> S {
        self.services
            .iter()
            .find_map(service::Mounted::service::<S>)
            .unwrap_or_else(|| panic!("{} is not one of the SERVICES", S::NAME))
    }

    /// The GameLift service (a `GameLiftServer`).
    pub fn gamelift(&self) -> gamelift::GameLift {
        self.service()
    }

    /// The GameSparks service (a `GameSparksServer`).
    pub fn gamesparks(&self) -> gamesparks::GameSparks {
        self.service()
    }

    /// A router answering GameLift in each of its protocols: the generated client's in-process
    /// transport.
    pub fn gamelift_router(&self) -> smithy_runtime::server::Router {
        self.gamelift().router()
    }

    /// A router answering GameSparks.
    pub fn gamesparks_router(&self) -> smithy_runtime::server::Router {
        self.gamesparks().router()
    }

    /// Every service's router behind one endpoint, signatures not checked. A failed check
    /// (with [`Gateway::require_auth`]) answers each service's documented authentication
    /// error: GameLift's `UnauthorizedException` (400), GameSparks' `AccessDeniedException`
    /// (403).
    pub fn gateway(&self) -> Gateway {
        Gateway::new(
            self.services
                .iter()
                .map(|mounted| (mounted.router.clone(), mounted.auth))
                .collect(),
        )
    }
}
