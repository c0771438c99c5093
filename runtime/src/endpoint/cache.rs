//! [`Resolver`]: a rule set with a bounded cache of its results, for a client to keep.

use std::collections::{BTreeMap, VecDeque};
use std::sync::{Arc, Mutex, PoisonError};

use super::error::ResolveError;
use super::resolved::Endpoint;
use super::ruleset::RuleSet;
use super::value::Params;

/// What a resolution gave.
type Resolution = Result<Arc<Endpoint>, ResolveError>;

/// A rule set and the results of its last resolutions (endpoints and errors alike), so that
/// repeated calls with the same parameters cost one lookup. Safe to share between threads.
///
/// ```
/// # use std::sync::Arc;
/// # use smithy_runtime::endpoint::{Params, Resolver, RuleSet};
/// # let rules = RuleSet::from_json(r#"{"version": "1.0", "parameters": {"Region": {"type": "string", "required": true}},
/// #   "rules": [{"conditions": [], "endpoint": {"url": "https://example.{Region}.com"}, "type": "endpoint"}]}"#)?;
/// let resolver = Resolver::new(Arc::new(rules));
/// let params = Params::new().with("Region", "eu-west-1");
/// let first = resolver.resolve(&params)?;
/// let again = resolver.resolve(&params)?; // from the cache
/// assert!(Arc::ptr_eq(&first, &again));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct Resolver {
    rules: Arc<RuleSet>,
    capacity: usize,
    cache: Mutex<Cache>,
}

#[derive(Debug, Default)]
struct Cache {
    results: BTreeMap<Params, Resolution>,
    /// Keys in the order they came in: the oldest goes first when the cache is full.
    order: VecDeque<Params>,
}

impl Resolver {
    /// How many resolutions [`Resolver::new`] keeps.
    pub const DEFAULT_CAPACITY: usize = 64;

    /// A resolver keeping the last [`DEFAULT_CAPACITY`](Resolver::DEFAULT_CAPACITY) results.
    pub fn new(rules: Arc<RuleSet>) -> Self {
        Resolver::with_capacity(rules, Resolver::DEFAULT_CAPACITY)
    }

    /// A resolver keeping the last `capacity` results (`0`: none).
    pub fn with_capacity(rules: Arc<RuleSet>, capacity: usize) -> Self {
        Resolver {
            rules,
            capacity,
            cache: Mutex::new(Cache::default()),
        }
    }

    /// The rule set.
    pub fn rule_set(&self) -> &RuleSet {
        &self.rules
    }

    /// The endpoint for `params`: cached, or resolved (and then cached).
    ///
    /// # Errors
    ///
    /// As [`RuleSet::resolve`].
    pub fn resolve(&self, params: &Params) -> Resolution {
        if let Some(found) = self.lock().results.get(params) {
            return found.clone();
        }
        let resolution = self.rules.resolve(params).map(Arc::new);
        if self.capacity > 0 {
            let mut cache = self.lock();
            if cache.results.len() >= self.capacity {
                if let Some(oldest) = cache.order.pop_front() {
                    cache.results.remove(&oldest);
                }
            }
            if cache
                .results
                .insert(params.clone(), resolution.clone())
                .is_none()
            {
                cache.order.push_back(params.clone());
            }
        }
        resolution
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Cache> {
        self.cache.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
