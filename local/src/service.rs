//! The one pattern every service here follows: a [`Service`] is a state type (its records, in
//! a [`Store`] of its own), its router and its authentication error; its operations run through
//! one [`Runner`], as reads or writes of the state, with one context ([`Cx`]) and one paging
//! helper ([`Cx::page`], [`Cx::page_by_key`]).
//!
//! A service is registered with one line in [`crate::SERVICES`].

use std::any::{Any, TypeId};
use std::path::Path;
use std::sync::Arc;

use smithy_runtime::server::Router;

use crate::clock::{datetime, Clock};
use crate::fault::Fault;
use crate::gateway::AuthError;
use crate::page::Page;
use crate::store::{StoreError, Tables, Unsaved};
use crate::{Names, Store};

/// A service of this crate.
pub trait Service: Clone + Send + Sync + 'static {
    /// Its records.
    type State: Tables;
    /// The name of its store (`gamelift`: `gamelift.sqlite3` in the state directory).
    const NAME: &'static str;
    /// How many items a page holds when a request sets no limit.
    const PAGE_SIZE: usize;
    /// What it answers a request that fails the signature check with.
    const AUTH_ERROR: AuthError;

    /// The service over `runner`.
    fn new(runner: Runner<Self::State>) -> Self;

    /// Its router: the generated one over this service.
    fn router(self) -> Router;

    /// The transitions due on the wall clock at `cx.now`, made before every request (and kept
    /// whatever the request does).
    fn tick(_state: &mut Self::State, _cx: &Cx<'_>) {}

    /// Adds the records of this service in `earlier`, the state file of a local-services
    /// before the store (one JSON document for every service: layout 0).
    ///
    /// # Errors
    ///
    /// What does not read in it.
    fn carry_over(_state: &mut Self::State, _earlier: &serde_json::Value) -> Result<(), String> {
        Ok(())
    }
}

/// What an operation sees besides the state: the names of resources, the clock, the time of
/// the request, and the service's page size.
#[derive(Clone, Copy, Debug)]
pub struct Cx<'a> {
    /// The account and region of ARNs.
    pub names: &'a Names,
    /// The clock statuses advance on.
    pub clock: &'a Clock,
    /// The time of the request, in Unix milliseconds.
    pub now: u64,
    page_size: usize,
}

impl Cx<'_> {
    /// The time of the request, as a response timestamp.
    pub fn timestamp(&self) -> smithy_runtime::DateTime {
        datetime(self.now)
    }

    /// The page of `items` a request's limit and token ask for (see [`crate::page::page`]); a
    /// bad token or limit is [`Fault::InvalidRequest`].
    ///
    /// # Errors
    ///
    /// As said.
    pub fn page<T>(
        &self,
        items: Vec<T>,
        list: &str,
        limit: Option<i32>,
        token: Option<&str>,
    ) -> Result<Page<T>, Fault> {
        crate::page::page(items, list, limit.map(i64::from), token, self.page_size)
            .map_err(Fault::InvalidRequest)
    }

    /// Like [`Cx::page`], for items sorted by a unique key (see [`crate::page::page_by_key`]).
    ///
    /// # Errors
    ///
    /// As [`Cx::page`]'s.
    pub fn page_by_key<T>(
        &self,
        items: Vec<(String, T)>,
        list: &str,
        limit: Option<i32>,
        token: Option<&str>,
    ) -> Result<Page<T>, Fault> {
        crate::page::page_by_key(items, list, limit.map(i64::from), token, self.page_size)
            .map_err(Fault::InvalidRequest)
    }
}

/// Runs a service's operations on its store. Cheap to clone.
pub struct Runner<S: Tables> {
    inner: Arc<Inner<S>>,
}

impl<S: Tables> Clone for Runner<S> {
    fn clone(&self) -> Self {
        Runner {
            inner: Arc::clone(&self.inner),
        }
    }
}

impl<S: Tables> std::fmt::Debug for Runner<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Runner")
            .field("store", &self.inner.store)
            .finish_non_exhaustive()
    }
}

struct Inner<S: Tables> {
    store: Store<S>,
    names: Arc<Names>,
    clock: Clock,
    page_size: usize,
    tick: fn(&mut S, &Cx<'_>),
}

impl<S: Tables> Runner<S> {
    fn cx(&self) -> Cx<'_> {
        Cx {
            names: &self.inner.names,
            clock: &self.inner.clock,
            now: self.inner.clock.now_millis(),
            page_size: self.inner.page_size,
        }
    }

    /// Runs `op`, which may change the state: all its changes are kept and saved, or (when it
    /// fails, or they cannot be saved) none; its fault becomes the operation's error.
    ///
    /// # Errors
    ///
    /// `op`'s fault, or [`Fault::Unsaved`].
    pub async fn write<T, E: From<Fault>>(
        &self,
        op: impl FnOnce(&mut S, &Cx<'_>) -> Result<T, Fault>,
    ) -> Result<T, E> {
        let cx = self.cx();
        let tick = self.inner.tick;
        let answer = self
            .inner
            .store
            .change(|state| tick(state, &cx), |state| op(state, &cx))
            .await;
        match answer {
            Ok(answer) => answer.map_err(E::from),
            Err(Unsaved(message)) => Err(E::from(Fault::Unsaved(message))),
        }
    }

    /// Runs `op`, which only reads the state.
    ///
    /// # Errors
    ///
    /// `op`'s fault, or [`Fault::Unsaved`] when what it read could not be saved.
    pub async fn read<T, E: From<Fault>>(
        &self,
        op: impl FnOnce(&S, &Cx<'_>) -> Result<T, Fault>,
    ) -> Result<T, E> {
        self.write(|state, cx| op(state, cx)).await
    }

    /// Changes the state directly, as one saved change: for tests and tools that set what no
    /// operation can (a stage's player connections, a game's termination protection).
    ///
    /// # Errors
    ///
    /// [`Unsaved`] when the change cannot be saved.
    pub async fn edit<R>(&self, change: impl FnOnce(&mut S) -> R) -> Result<R, Unsaved> {
        let answer = self
            .inner
            .store
            .change(
                |_| {},
                |state| Ok::<_, std::convert::Infallible>(change(state)),
            )
            .await?;
        Ok(answer.unwrap_or_else(|never| match never {}))
    }

    /// The database file of the store, when it has one.
    pub fn file(&self) -> Option<&Path> {
        self.inner.store.file()
    }
}

/// What the crate-wide parts give every service.
#[derive(Clone, Debug)]
pub struct Context {
    /// The account and region of ARNs.
    pub names: Arc<Names>,
    /// The clock.
    pub clock: Clock,
    /// The state directory, if any.
    pub state_dir: Option<std::path::PathBuf>,
    /// Who is serving, for the lock file a second server reads.
    pub owner: String,
    /// The state file of an earlier local-services, to carry over into the new stores.
    pub earlier: Option<Arc<serde_json::Value>>,
}

/// A registered service: its router, authentication error, and runner.
pub struct Mounted {
    /// Its router.
    pub router: Router,
    /// Its authentication error.
    pub auth: AuthError,
    service: TypeId,
    runner: Box<dyn Any + Send + Sync>,
}

impl std::fmt::Debug for Mounted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mounted")
            .field("service", &self.router.service().shape_name)
            .finish_non_exhaustive()
    }
}

impl Mounted {
    /// Service `S`, if this is it.
    pub fn service<S: Service>(&self) -> Option<S> {
        if self.service != TypeId::of::<S>() {
            return None;
        }
        let runner = self.runner.downcast_ref::<Runner<S::State>>()?;
        Some(S::new(runner.clone()))
    }
}

/// Opens service `S`'s store (in `cx.state_dir`, else in memory) and mounts it.
///
/// # Errors
///
/// When its store cannot be opened.
pub fn mount<S: Service>(cx: &Context) -> Result<Mounted, StoreError> {
    let store = match &cx.state_dir {
        Some(dir) => Store::open_seeded(dir, S::NAME, &cx.owner, |state| match &cx.earlier {
            Some(earlier) => S::carry_over(state, earlier),
            None => Ok(()),
        })?,
        None => Store::in_memory(),
    };
    let runner = Runner {
        inner: Arc::new(Inner {
            store,
            names: Arc::clone(&cx.names),
            clock: cx.clock.clone(),
            page_size: S::PAGE_SIZE,
            tick: S::tick,
        }),
    };
    Ok(Mounted {
        router: S::new(runner.clone()).router(),
        auth: S::AUTH_ERROR,
        service: TypeId::of::<S>(),
        runner: Box::new(runner),
    })
}
